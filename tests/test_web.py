"""The web pages, in a real browser (Chromium through Playwright) against a live ``minutebook serve``.

Journeys: search -> filter -> open a passage in context -> its original PDF; meetings -> a meeting
-> a paper; the tracker -> actions -> "as at" -> status -> CSV download -> a row's source passage;
ask -> a follow-up -> a citation marker -> the passage; a 360 px phone screen; a bad date; HTML
typed into the search box and the question box. Every page is saved
as a screenshot in test-output/screenshots/ (the README links copies kept in docs/screenshots/).
"""

from __future__ import annotations

import csv
import io
import json
import re
import statistics
import time
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run",
]
ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "test-output" / "screenshots"


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.is_file():
        pytest.fail(
            f"the web tests need Chromium at {CHROMIUM}: install it with `apt-get install chromium`", pytrace=False
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(base_url=server, viewport={"width": 1100, "height": 900})
    page = context.new_page()
    errors: list[str] = []  # script errors and failed stylesheets or icons (a page may be a 404 or 422 on purpose)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    # A request the browser itself cancels (net::ERR_ABORTED: the page moved on before the icon came)
    # is no failure of the server's; any other failed request is.
    page.on("requestfailed", lambda request: errors.append(f"{request.url}: {request.failure}")
            if "ERR_ABORTED" not in (request.failure or "") else None)
    page.on("response", lambda r: errors.append(f"{r.url}: {r.status}")
            if r.status >= 400 and r.request.resource_type != "document" else None)
    yield page
    context.close()
    assert not errors, f"the browser reported errors: {errors}"


def shoot(page, name: str) -> None:
    """A screenshot of what the window shows, for the test record."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def check_accessible(page) -> None:
    """lang set, one h1, no skipped heading levels, every form control labelled."""
    assert page.locator("html").get_attribute("lang") == "en"
    levels = page.eval_on_selector_all("h1, h2, h3, h4, h5, h6", "hs => hs.map(h => +h.tagName[1])")
    assert levels.count(1) == 1 and levels[0] == 1, levels
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:])), f"heading levels skip: {levels}"
    unlabelled = page.eval_on_selector_all(
        "input:not([type=hidden]), select, textarea", "els => els.filter(e => !e.labels.length).map(e => e.name)"
    )
    assert unlabelled == []


def card(page, text: str):
    """The result card of the paper holding ``text`` (results are grouped by paper)."""
    return page.locator("li.hit").filter(has_text=text)


def passage(page, text: str):
    """The result passage holding ``text``, within its paper's card."""
    return page.locator(".passage-block").filter(has_text=text)


def test_search_filter_open_in_context_and_fetch_the_original_pdf(page, server):
    page.goto("/")
    assert page.locator("h1").inner_text() == "Search the papers"
    assert "Find what was said" in page.locator("main").inner_text()
    check_accessible(page)
    shoot(page, "search")

    page.get_by_label("Search for").fill("how many households wait for allotments")
    page.get_by_label("Search for").press("Enter")
    page.wait_for_url(re.compile(r"q=how"))
    assert card(page, "412 households").count() == 1
    marked = {m.lower() for m in card(page, "412 households").locator("mark").all_inner_texts()}
    assert {"households", "wait"} <= marked

    page.get_by_label("Document type").select_option("report")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url(re.compile(r"document_type=report"))
    tags = page.locator("li.hit .tag").all_inner_texts()
    assert tags and set(tags) == {"Report"}
    assert page.get_by_label("Document type").input_value() == "report"  # the form remembers the filter
    cite = card(page, "412 households").locator(".cite").inner_text()
    assert all(part in cite for part in ("Planning and Regulation Committee", "12 March 2024"))
    hit = passage(page, "412 households")
    assert "Item 4" in hit.locator(".where").inner_text()
    assert "Report > 2. Findings > 2.1" in hit.locator(".where").inner_text()
    check_accessible(page)
    shoot(page, "search-results")

    original = hit.get_by_role("link", name=re.compile("^Original file at page 8"))
    href = original.get_attribute("href")
    assert re.fullmatch(r"/files/[0-9a-f]+#page=8", href)
    pdf = httpx.get(server + href.split("#")[0])
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")

    hit.get_by_role("link", name=re.compile("^Open in context")).click()
    page.wait_for_url(re.compile(r"/papers/[0-9a-f]+#chunk-\d+$"))
    anchor = urlsplit(page.url).fragment
    target = page.locator(":target")
    assert target.get_attribute("id") == anchor
    assert "412 households" in target.inner_text()
    assert "Linked passage" in target.evaluate("e => getComputedStyle(e.querySelector('.where'), '::before').content")
    assert target.evaluate("e => getComputedStyle(e).backgroundColor") != "rgba(0, 0, 0, 0)"
    box, height = target.bounding_box(), page.viewport_size["height"]
    assert 0 <= box["y"] < height, "the cited passage is scrolled into view"
    assert page.locator("h1").inner_text() == "Allotments Review"
    meta = page.locator("dl.meta").inner_text()
    for fact in ("Report", "Planning and Regulation Committee", "12 March 2024", "Sam Okoro", "Northgate", "7–8"):
        assert fact in meta
    outline = page.get_by_role("navigation", name="Contents")
    outline.get_by_role("link", name="Report > 2. Findings > 2.2").click()
    assert "2.2" in page.locator(":target").inner_text()
    check_accessible(page)
    page.goto(page.url.split("#")[0] + "#" + anchor)
    shoot(page, "paper")


def test_meetings_lead_to_a_meeting_and_its_papers(page, server):
    page.goto("/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Meetings").click()
    page.wait_for_url(re.compile(r"/calendar$"))
    assert page.locator("h1").inner_text() == "Meetings"
    committee = page.locator("section").filter(has=page.get_by_role("heading", name="Planning and Regulation Committee"))
    assert committee.locator("li").all_inner_texts() == ["9 July 2024 1 paper", "12 March 2024 4 papers", "6 February 2024 1 paper"]
    # Papers without a meeting date are listed apart, each once.
    papers = httpx.get(f"{server}/documents", params={"limit": 500}).json()["documents"]
    undated = sorted(p["title"] for p in papers if not p["meeting_date"] and not p["repeat_of"])
    unknown = page.get_by_role("region", name="Date unknown")
    assert undated and sorted(unknown.get_by_role("link").all_inner_texts()) == undated
    check_accessible(page)
    shoot(page, "meetings")

    committee.get_by_role("link", name="12 March 2024").click()
    page.wait_for_url(re.compile(r"/calendar/[0-9a-f]+$"))
    assert page.locator("h1").inner_text() == "Planning and Regulation Committee, 12 March 2024"
    assert page.locator("ol.items li").all_inner_texts() == ["3 Street Trees Policy", "4 Allotments Review"]
    check_accessible(page)
    shoot(page, "meeting")

    page.locator("ul.papers").get_by_role("link", name="Street Trees Policy").click()
    page.wait_for_url(re.compile(r"/papers/[0-9a-f]+$"))
    assert page.locator("h1").inner_text() == "Street Trees Policy"
    assert "Morgan Ellis" in page.locator("dl.meta").inner_text()
    others = page.get_by_role("region", name="Other appearances of this paper")
    both = page.locator("dl.meta").inner_text() + others.inner_text()  # the pack and the report on its own
    assert "committee-pack.pdf" in both and "street-trees-report.pdf" in both
    check_accessible(page)


def test_a_text_paper_shows_no_page_numbers_and_its_outline_folds(page, server):
    papers = httpx.get(f"{server}/documents", params={"limit": 500}).json()["documents"]
    text = next(p for p in papers if p["source"].endswith("committee-minutes-2024-03-12.txt"))
    page.goto(f"/papers/{text['id']}")
    meta = page.locator("dl.meta").inner_text()
    assert "committee-minutes-2024-03-12.txt" in meta and "Pages" not in meta and " of " not in meta
    assert "Page " not in page.locator("section .passage-block .where").first.inner_text()
    page.goto("/?q=native+species+questions")  # said only in the text minutes
    found = passage(page, "native species")
    assert found.count() >= 1 and "Page " not in found.first.locator(".where").inner_text()
    page.goto(f"/papers/{text['id']}")
    outline = page.get_by_role("navigation", name="Contents")
    if outline.count():
        assert "(page" not in outline.inner_text()
        details = outline.locator("details")
        assert details.get_attribute("open") is not None  # a short outline starts open
        outline.locator("summary").click()
        assert details.get_attribute("open") is None  # and folds
    check_accessible(page)


def test_results_are_grouped_by_paper_a_corrected_query_says_so_and_decisions_show_beside(page):
    page.goto("/?q=allotment+waiting+list+households")
    titles = page.locator("li.hit h3").all_inner_texts()
    assert titles and len(titles) == len(set(titles)), "each paper is one card"
    passages = page.locator(".passage-block").count()
    assert passages > len(titles), "a paper with several passages lists them in its card"
    heading = page.locator("#results-heading").inner_text()
    assert f"{passages} passages in {len(titles)} papers" in heading
    assert page.locator(".corrected").count() == 0, "nothing was corrected"

    page.goto("/?q=allotmnet+waitng+list")
    corrected = page.get_by_role("status").inner_text()
    assert "Showing results for" in corrected and "allotment waiting list" in corrected
    assert "“allotmnet” read as “allotment”" in corrected

    page.goto("/?q=what+did+the+committee+decide+about+evening+parking+charges")
    found = page.get_by_role("region", name="Decisions on this")
    assert "evening parking charges be removed" in found.inner_text()
    assert found.locator(".tag").first.inner_text().lower() == "resolution"
    check_accessible(page)
    shoot(page, "search-decisions")


def test_the_api_pages_work_with_the_network_blocked(page, server):
    outside: list[str] = []

    def local_only(route):
        if urlsplit(route.request.url).hostname in ("127.0.0.1", "localhost"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", local_only)
    page.goto("/docs")
    page.locator(".opblock-summary-path").first.wait_for()
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert "/search" in paths and "/chat" in paths
    assert "Cited passages for a query" in page.locator("#operations-default-search_search_get").inner_text()
    assert outside == [], f"the API pages asked for {outside}"
    shoot(page, "api-docs")


def test_add_a_watch_sync_a_new_meeting_and_see_it_in_the_feed(browser, tmp_path):
    """A watch added in the web page; a new meeting synced from a (replayed) ModernGov site; the
    watch's feed, opened from the page, has the new paper; the watch is removed from the page."""
    from . import paperkit
    from .conftest import run_cli, serve
    from .replay import Replay
    from .test_sync import moderngov_site

    papers, index_dir = tmp_path / "papers", tmp_path / "index"
    papers.mkdir()
    (papers / "minutes.txt").write_text(paperkit.COMMITTEE_MINUTES_TXT)
    assert run_cli("ingest", str(papers), "--index", str(index_dir), "--quiet").returncode == 0
    server = serve(index_dir)
    url = next(server)
    context = browser.new_context(base_url=url, viewport={"width": 1100, "height": 900})
    page = context.new_page()
    try:
        page.goto("/")
        page.get_by_role("navigation", name="Main").get_by_role("link", name="Watches").click()
        page.wait_for_url(re.compile(r"/watchlist$"))
        check_accessible(page)
        time.sleep(1.1)  # the watch is made after the papers already in (times are kept to the second)
        page.get_by_label("Words to watch for").fill("corporate parenting panel")
        page.get_by_role("button", name="Add watch").click()
        page.wait_for_url(re.compile(r"/watchlist$"))
        listed = page.locator("ul.watches li")
        assert listed.count() == 1 and "corporate parenting panel" in listed.inner_text()
        feed = listed.get_by_role("link", name=re.compile("^Feed")).get_attribute("href")
        assert httpx.get(url + feed).text.count("<entry>") == 0  # nothing new yet
        time.sleep(1.1)
        with Replay() as replay:
            moderngov_site(replay)
            done = run_cli("sync", "moderngov", replay.url, "--committee", "Audit Committee", "--since", "2026-01-01",
                           "--until", "2026-03-31", "--index", str(index_dir), "--interval", "0", "--quiet")
            assert done.returncode == 0, done.stderr
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and "<entry>" not in httpx.get(url + feed).text:
            time.sleep(0.5)  # the server follows the new index within a second or so
        page.goto(feed)
        assert "CHAIR APPROVED  Minutes Audit Committee" in page.content()  # the synced minutes, under the API's title
        page.goto("/watchlist")
        shoot(page, "watches")
        page.get_by_role("button", name=re.compile("^Remove")).click()
        page.wait_for_url(re.compile(r"/watchlist$"))
        assert page.locator("ul.watches li").count() == 0
    finally:
        context.close()
        server.close()


def test_search_works_on_a_360_px_phone_screen(browser, server):
    context = browser.new_context(base_url=server, viewport={"width": 360, "height": 740}, is_mobile=True)
    page = context.new_page()
    try:
        page.goto("/")
        page.get_by_label("Search for").fill("segregated cycle lanes")
        page.get_by_role("button", name="Search").click()
        page.wait_for_url(re.compile(r"q=segregated"))
        assert card(page, "twelve kilometres").count() == 1
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, "no sideways scrolling"
        box = page.locator("li.hit").first.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 360
        shoot(page, "search-phone")
    finally:
        context.close()


def test_a_bad_date_is_a_friendly_message(page):
    response = page.goto("/?q=policy&date_from=March")
    assert response.status == 422
    alert = page.get_by_role("alert")
    assert "Meeting from" in alert.inner_text() and "2022-02-09" in alert.inner_text()
    assert "Traceback" not in page.content() and page.locator("li.hit").count() == 0
    assert page.get_by_label("Search for").input_value() == "policy"  # the form keeps what was typed
    check_accessible(page)
    shoot(page, "bad-date")


def test_html_typed_into_the_search_box_is_shown_not_run(page):
    attack = '<img src=x onerror="window.pwned=1"><b id="injected">bold</b> street trees'
    page.goto("/")
    page.get_by_label("Search for").fill(attack)
    page.get_by_label("Search for").press("Enter")
    page.wait_for_load_state()
    assert page.locator("#injected").count() == 0 and page.locator("main img").count() == 0
    assert page.evaluate("window.pwned") is None
    assert attack in page.get_by_role("heading", level=2).first.inner_text()
    assert page.get_by_label("Search for").input_value() == attack


def test_no_passages_found_is_said_plainly(page):
    page.goto("/?q=street+trees&agenda_item=99")
    assert page.get_by_role("heading", level=2).first.inner_text() == "No passages found"


def test_keyboard_reaches_the_search_box_and_submits(page):
    page.goto("/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    for _ in range(8):  # past the brand and the main menu
        if page.evaluate("document.activeElement.id") == "q":
            break
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "q"
    page.keyboard.type("flood warning")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"q=flood"))
    assert page.locator("li.hit").count() >= 1


def test_unknown_pages_and_files_are_404_pages(page, server):
    response = page.goto("/papers/0000000000000000")
    assert response.status == 404 and page.locator("h1").inner_text() == "Not found"
    shoot(page, "not-found")
    assert page.goto("/calendar/nope").status == 404
    missing = httpx.get(f"{server}/files/0000000000000000")
    assert missing.status_code == 404 and missing.headers["content-type"].startswith("text/html")
    assert httpx.get(f"{server}/files/..%2F..%2Fetc%2Fpasswd").status_code == 404


def test_text_sources_are_served_as_utf8_plain_text(server):
    grants = httpx.get(f"{server}/documents", params={"source": "grants.txt"}).json()["documents"][0]
    response = httpx.get(f"{server}/files/{grants['id']}")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/plain; charset=utf-8"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "\ufffd" not in response.text and "£" in response.text  # cp1252 on disk, UTF-8 on the wire
    flood = httpx.get(f"{server}/documents", params={"source": "flood-notice.html"}).json()["documents"][0]
    assert httpx.get(f"{server}/files/{flood['id']}").headers["content-type"] == "text/plain; charset=utf-8"


def test_pages_are_html_with_a_strict_policy_and_the_search_page_time_is_recorded(server):
    with httpx.Client(base_url=server) as client:
        for path in ("/", "/calendar"):
            response = client.get(path)
            assert response.headers["content-type"].startswith("text/html")
            assert "default-src 'none'" in response.headers["content-security-policy"]
        assert client.get("/static/minutebook.css").headers["content-type"].startswith("text/css")
        client.get("/", params={"q": "allotment waiting list"})  # warm
        timings = []
        for _ in range(20):
            started = time.perf_counter()
            assert client.get("/", params={"q": "allotment waiting list", "document_type": "report"}).status_code == 200
            timings.append((time.perf_counter() - started) * 1000)
    # Reported, not asserted: a timing depends on the machine (the goal, <= 100 ms, is in the README).
    record_timing("search page (filtered query), median of 20", statistics.median(timings))


def test_sorting_by_date_puts_the_newest_meeting_first(page):
    page.goto("/")
    page.get_by_label("Search for").fill("policy")
    page.get_by_label("Order by").select_option("date")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url(re.compile(r"sort=date"))
    dates = page.locator("li.hit .cite time").evaluate_all("ts => ts.map(t => t.getAttribute('datetime'))")
    assert len(dates) > 1 and dates == sorted(dates, reverse=True)


# ---- the tracker ----

def table_rows(page) -> list[dict]:
    """The register table as the browser shows it: id, reference, status cell and the source link."""
    return page.locator("table.register tbody tr").evaluate_all("""trs => trs.map(tr => ({
        id: tr.id.replace('row-', ''), reference: tr.cells[1].innerText.trim(), state: tr.cells[3].innerText.trim(),
        date: (tr.cells[0].querySelector('time') || {}).dateTime || '', source: tr.cells[4].querySelector('a').getAttribute('href')}))""")


def test_tracker_actions_as_at_a_date_filtered_downloaded_and_traced_to_the_source(page, server):
    page.goto("/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Tracker").click()
    page.wait_for_url(re.compile(r"/tracker$"))
    assert page.locator("h1").inner_text() == "Decision tracker"
    tabs = page.get_by_role("navigation", name="Registers")
    assert tabs.locator("[aria-current=page]").inner_text() == "Resolutions"
    resolutions = table_rows(page)
    assert [r["reference"] for r in resolutions] == ["24/00071", "20", "21", "13", "2"]  # newest first
    parking = page.locator("tr").filter(has_text="Town Centre Parking")
    assert parking.locator("ol.row-items li").all_inner_texts() == [
        "evening parking charges be removed from the three town centre car parks; and",
        "officers report back on the effect on car park use within six months.",
    ]
    cite = parking.locator(".cite-line").inner_text()
    assert all(part in cite for part in ("Planning and Regulation Committee", "6 February 2024", "Item 2", "Page 4"))
    check_accessible(page)

    tabs.get_by_role("link", name="Actions").click()
    page.wait_for_url(re.compile(r"register=actions"))
    assert page.get_by_label("As at", exact=True).input_value() == date.today().isoformat()  # the default
    page.get_by_label("As at", exact=True).fill("2024-05-01")
    page.get_by_role("button", name="Show rows").click()
    page.wait_for_url(re.compile(r"as_at=2024-05-01"))
    assert page.locator("#rows-heading").inner_text() == "2 actions as at 1 May 2024"
    assert {r["reference"]: r["state"] for r in table_rows(page)} == {"13": "open", "21": "overdue"}
    check_accessible(page)
    shoot(page, "tracker")

    page.get_by_label("Status", exact=True).select_option("overdue")
    page.get_by_role("button", name="Show rows").click()
    page.wait_for_url(re.compile(r"status=overdue"))
    assert page.get_by_label("As at", exact=True).input_value() == "2024-05-01"  # the form remembers the date
    shown = table_rows(page)
    assert [(r["reference"], r["state"]) for r in shown] == [("21", "overdue")]
    assert "by 30 April 2024" in page.locator("dl.row-details").inner_text()

    with page.expect_download() as download:
        page.get_by_role("link", name="Download CSV of these rows").click()
    assert download.value.suggested_filename == "actions-as-at-2024-05-01.csv"
    saved = download.value.path()
    rows = list(csv.DictReader(io.StringIO(Path(saved).read_text(encoding="utf-8"))))
    assert [(r["id"], r["reference"], r["status"], r["meeting_date"]) for r in rows] == [
        (r["id"], r["reference"], r["state"], r["date"]) for r in shown
    ]
    assert rows[0]["due_date"] == "2024-04-30" and rows[0]["kind"] == "action"

    page.locator("table.register tbody tr").first.locator("td.source a").click()
    page.wait_for_url(re.compile(r"/papers/[0-9a-f]+#chunk-\d+$"))
    target = page.locator(":target")
    assert target.get_attribute("id") == urlsplit(page.url).fragment
    assert "circulated to members by 30 April 2024" in target.inner_text()
    assert target.evaluate("e => getComputedStyle(e).backgroundColor") != "rgba(0, 0, 0, 0)"


def test_tracker_columns_sort_on_the_server(page):
    page.goto("/tracker?register=resolutions")
    page.get_by_role("link", name=re.compile("^Ref")).click()
    page.wait_for_url(re.compile(r"sort=reference"))
    assert [r["reference"] for r in table_rows(page)] == ["2", "13", "20", "21", "24/00071"]
    assert page.locator("th[aria-sort=ascending]").inner_text().startswith("Ref.")
    page.get_by_role("link", name=re.compile("^Meeting date")).click()  # newest first is the default; this flips it
    dates = [r["date"] for r in table_rows(page)]
    assert dates == sorted(dates, reverse=True)
    page.get_by_role("link", name=re.compile("^Meeting date")).click()
    page.wait_for_url(re.compile(r"sort=oldest"))
    dates = [r["date"] for r in table_rows(page)]
    assert dates == sorted(dates)

    page.goto("/tracker?register=actions&as_at=2025-01-01")
    page.get_by_role("link", name=re.compile("^Status")).click()
    page.wait_for_url(re.compile(r"sort=status"))
    assert [r["state"] for r in table_rows(page)] == ["fulfilled", "overdue"]
    page.goto("/tracker?register=recommendations")
    assert {r["reference"] + " " + r["state"] for r in table_rows(page)} == {"2 agreed", "2 minutes not in the papers"}
    page.get_by_label("Outcome", exact=True).select_option("agreed")
    page.get_by_role("button", name="Show rows").click()
    page.wait_for_url(re.compile(r"outcome=agreed"))
    assert [r["state"] for r in table_rows(page)] == ["agreed"]
    check_accessible(page)


def test_tracker_filters_by_organisation(page, server):
    page.goto("/tracker?register=resolutions")
    menu = page.get_by_label("Organisation")
    organisations = [o for o in menu.locator("option").all_inner_texts() if o != "Any organisation"]
    assert len(organisations) >= 2
    counts = {}
    for organisation in organisations:
        menu = page.get_by_label("Organisation")
        menu.select_option(organisation)
        page.get_by_role("button", name="Show rows").click()
        page.wait_for_url(re.compile(r"organisation="))
        assert page.get_by_label("Organisation").input_value() == organisation  # the form remembers it
        shown = {row["id"] for row in table_rows(page)}
        api = httpx.get(f"{server}/resolutions", params={"organisation": organisation, "limit": 500}).json()
        assert shown == {row["id"] for row in api["rows"]}
        counts[organisation] = len(shown)
    everything = httpx.get(f"{server}/resolutions", params={"limit": 500}).json()["total"]
    assert 0 < max(counts.values()) < everything  # each organisation shows its own rows, not all
    check_accessible(page)


def test_tracker_csv_matches_the_api_and_bad_filters_are_friendly(page, server):
    with httpx.Client(base_url=server) as client:
        ours = list(csv.DictReader(io.StringIO(client.get("/tracker.csv", params={"register": "resolutions"}).text)))
        api = list(csv.DictReader(io.StringIO(client.get("/resolutions", params={"format": "csv"}).text)))
        assert ours == api  # same columns, same rows, same (default) order
    response = page.goto("/tracker?register=actions&as_at=tomorrow")
    assert response.status == 422
    assert "As at" in page.get_by_role("alert").inner_text()
    assert page.locator("table.register").count() == 0
    check_accessible(page)
    assert page.goto("/tracker?register=minutes").status == 404


# ---- ask ----

def test_ask_a_follow_up_and_open_the_cited_passage(page):
    page.goto("/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Ask").click()
    page.wait_for_url(re.compile(r"/ask$"))
    assert page.locator("h1").inner_text() == "Ask the papers"
    check_accessible(page)

    page.get_by_label("Your question").fill("What did the committee decide about evening parking charges?")
    page.get_by_label("Your question").press("Enter")
    page.wait_for_url(re.compile(r"q=What"))
    latest = page.locator("section.latest")
    assert "evening parking charges be removed" in latest.locator("p.answer").inner_text()
    assert re.fullmatch(r"Confidence \d{1,2}% that this gives what was asked: check it against the sources\.",
                        latest.locator("p.confidence").inner_text())
    sources = page.get_by_role("region", name="Sources").locator("ol.citations > li")
    assert sources.count() == 1 and "RESOLVED" in sources.first.locator("blockquote").inner_text()
    marked = sources.first.locator("blockquote mark.read")  # the sentence the answer read out, highlighted
    assert marked.count() >= 1 and "evening parking charges be removed" in " ".join(marked.all_inner_texts())

    page.get_by_label("Ask a follow-up question").fill("When was that?")
    page.get_by_role("button", name="Ask").click()
    page.wait_for_url(re.compile(r"q=When"))
    earlier = page.get_by_role("region", name="Earlier in this conversation")
    assert "What did the committee decide about evening parking charges?" in earlier.inner_text()
    assert "evening parking charges be removed" in earlier.inner_text()  # the earlier answer is still shown
    assert "When was that?" in latest.locator("h2").inner_text()
    answer = latest.locator("p.answer")
    assert "2024-02-06" in answer.inner_text()
    citation = page.get_by_role("region", name="Sources").locator("ol.citations > li").first
    where = citation.locator(".cite").inner_text()
    assert all(part in where for part in ("Minutes", "Planning and Regulation Committee", "6 February 2024", "Item 2",
                                          "Town Centre Parking", "Page"))
    assert "RESOLVED" in citation.locator("blockquote").inner_text()
    assert page.locator("input[type=hidden][name=h]").evaluate_all("hs => hs.map(h => h.value)") == [
        "What did the committee decide about evening parking charges?", "When was that?",
    ]
    check_accessible(page)
    shoot(page, "ask")

    marker = answer.get_by_role("link", name="[1]")
    href = marker.get_attribute("href")
    assert href == citation.locator(".cite-head a").get_attribute("href")
    marker.click()
    page.wait_for_url(re.compile(r"/papers/[0-9a-f]+#chunk-\d+$"))
    target = page.locator(":target")
    assert target.get_attribute("id") == href.split("#")[1]
    assert "RESOLVED" in target.inner_text()
    assert "Linked passage" in target.evaluate("e => getComputedStyle(e.querySelector('.where'), '::before').content")
    box = target.bounding_box()
    assert 0 <= box["y"] < page.viewport_size["height"], "the cited passage is scrolled into view"


def test_ask_says_not_found_plainly_and_labels_the_closest_matches(page):
    page.goto("/ask")
    page.get_by_label("Your question").fill("How much was spent on the mayor's car?")
    page.get_by_label("Your question").press("Enter")
    page.wait_for_url(re.compile(r"q=How"))
    answer = page.locator("section.latest p.answer")
    assert answer.locator("strong").inner_text() == "Not found in the papers."
    assert answer.locator("a").count() == 0
    assert page.locator("p.confidence").count() == 0  # nothing was answered to be confident of
    assert page.get_by_role("heading", name="Sources").count() == 0
    closest = page.get_by_role("region", name="Closest matches (these do not answer the question)")
    assert closest.locator("ol.citations > li").count() >= 1
    check_accessible(page)


def test_html_typed_into_the_question_box_is_shown_not_run(page):
    attack = '<img src=x onerror="window.pwned=1"><b id="injected">bold</b> allotments [1]'
    page.goto("/ask")
    page.get_by_label("Your question").fill(attack)
    page.get_by_label("Your question").press("Enter")
    page.wait_for_load_state()
    assert page.locator("#injected").count() == 0 and page.locator("main img").count() == 0
    assert page.evaluate("window.pwned") is None
    assert attack in page.locator("section.latest h2").inner_text()
    assert page.locator("input[type=hidden][name=h]").first.input_value() == " ".join(attack.split())


def test_citation_markers_escape_the_text_and_link_only_real_citations():
    from minutebook.search.chat.answer import Citation
    from minutebook.server.format import cite_markers

    cited = Citation(n=1, text="x", chunk_id=42, source="a.pdf", document_id="abc", document_title='A "paper" <b>', page=3)
    html = str(cite_markers("<script>alert(1)</script> fact [1] and [2].", [cited]))
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert '<a class="marker" href="/papers/abc#chunk-42" title="A &#34;paper&#34; &lt;b&gt;, page 3">[1]</a>' in html
    assert html.endswith(" and [2].")  # no citation 2: left as text


def test_tracker_and_ask_work_on_a_360_px_phone_screen(browser, server):
    context = browser.new_context(base_url=server, viewport={"width": 360, "height": 740}, is_mobile=True)
    page = context.new_page()
    try:
        page.goto("/tracker?register=resolutions")
        assert page.locator("table.register tbody tr").count() == 5
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, "no sideways scrolling"
        box = page.locator("table.register tbody tr").first.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 360
        assert page.get_by_role("link", name=re.compile("^Ref")).is_visible()  # sorting still reachable
        page.goto("/ask?q=How+many+households+are+waiting+for+an+allotment%3F")
        assert "412 households" in page.locator("section.latest p.answer").inner_text()
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, "no sideways scrolling"
    finally:
        context.close()


def median_ms(client, path, params_list) -> float:
    timings = []
    for params in params_list:
        started = time.perf_counter()
        assert client.get(path, params=params).status_code == 200
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def record_timing(name: str, ms: float) -> None:
    """Print a page timing and keep it in test-output/page-timings.json for the record."""
    path = ROOT / "test-output" / "page-timings.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    timings = json.loads(path.read_text()) if path.exists() else {}
    timings[name] = round(ms, 1)
    path.write_text(json.dumps(timings, indent=2))
    print(f"{name}: {ms:.1f} ms")


def test_tracker_and_ask_pages_serve_html_and_their_times_are_recorded(server):
    with httpx.Client(base_url=server, timeout=60) as client:
        for path in ("/tracker", "/ask"):
            response = client.get(path)
            assert response.headers["content-type"].startswith("text/html")
            assert "default-src 'none'" in response.headers["content-security-policy"]
        tracker = median_ms(client, "/tracker", [{"register": "actions", "as_at": "2024-05-01"}] * 20)
        questions = ["How many households are waiting for an allotment?", "segregated cycle lanes", "flood warning",
                     "What did the committee decide about evening parking charges?", "library opening hours"]
        fresh = median_ms(client, "/ask", [{"q": q} for q in questions])  # each answered for the first time
        # Every page answers the whole conversation again; the earlier turns come from the cache.
        replay = median_ms(client, "/ask", [{"h": questions[3], "q": "When was that?"}] * 20)
    record_timing("tracker page (actions as at a date), median of 20", tracker)
    record_timing("ask page, new question, median of 5", fresh)
    record_timing("ask page, conversation answered before, median of 20", replay)


@pytest.fixture(scope="module")
def two_councils(tmp_path_factory, embedder):
    """Minutes of two parish councils with bodies of the same name, served."""
    from minutebook.search.storage.build import build_index
    from minutebook.settings import load_settings

    from .conftest import serve

    papers = tmp_path_factory.mktemp("two-councils")
    for place, day in (("Barnby", "12 March 2024"), ("Eastwick", "14 March 2024")):
        (papers / f"{place.lower()}-planning.txt").write_text(
            f"{place} Parish Council\nMinutes of the meeting of the Planning Committee held on {day}\n\n"
            "1. Applications\nNo objection was raised to the porch at 4 Mill Lane.\n")
    settings = load_settings(index_dir=tmp_path_factory.mktemp("two-councils-index"))
    build_index([papers], settings, embedder, progress=False)
    server = serve(settings.index_dir)
    yield next(server)
    server.close()


def test_the_calendar_groups_meetings_by_organisation_then_body(two_councils):
    import httpx

    html = httpx.get(f"{two_councils}/calendar").text
    assert html.index(">Barnby Parish Council</h2>") < html.index(">Eastwick Parish Council</h2>")
    barnby, eastwick = html.split(">Eastwick Parish Council</h2>")
    assert "Planning Committee</h3>" in barnby and "12 March 2024" in barnby and "14 March 2024" not in barnby
    assert "Planning Committee</h3>" in eastwick and "14 March 2024" in eastwick
