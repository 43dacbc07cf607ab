"""minutebook sync against a replay server on 127.0.0.1 that answers with the real recorded ModernGov
and Legistar responses in ../shared/sources (documents served from real PDFs in ../shared/papers):
the API's facts win over what the text says, restricted items are not fetched, a second sync fetches
nothing, and a site that is not the system it is said to be gets a clear error and changes nothing."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from urllib.parse import unquote_plus

import pytest

from minutebook.search.storage.index import STORE_FILE, current_generation

from .conftest import run_cli
from .replay import Replay

SHARED = Path(__file__).resolve().parents[2] / "shared"
SOURCES = SHARED / "sources"
MANCHESTER = SOURCES / "moderngov" / "lgsf-manchester"
SEATTLE = SOURCES / "legistar" / "cdptools-seattle-2019-07-29"
PDFS = [SHARED / "papers" / "kent" / "CPP_Minutes_10.12.24.pdf", SHARED / "papers" / "kent" / "Cabinet_QPR_Q3_Cover.pdf",
        SHARED / "papers" / "civic-scraper" / "eastpaloalto_ca_minutes_2020-01-27.pdf",
        SHARED / "papers" / "city-scrapers-cle" / "cuya_health.pdf"]

pytestmark = pytest.mark.skipif(not SOURCES.is_dir(), reason="needs ../shared/sources")


def xml(path: Path):
    """A recorded ModernGov answer as the service sends it: CRLF line endings."""
    return lambda query: (200, path.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"), "text/xml; charset=utf-8")


def pdf(path: Path):
    return lambda query: (200, path.read_bytes(), "application/pdf")


def word(path: Path, title: str, text: str):
    """A route answering with a Word document the test writes: ``title`` and ``text``."""
    import docx

    document = docx.Document()
    document.add_heading(title, 1)
    document.add_paragraph(text)
    document.save(str(path))
    body = path.read_bytes()
    return lambda query: (200, body, "application/vnd.openxmlformats-officedocument.wordprocessingml.document")


def documents(index_dir: Path) -> list[dict]:
    conn = sqlite3.connect(current_generation(index_dir) / STORE_FILE)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute("SELECT title, body, meeting_date, agenda_item, source FROM documents")]
    finally:
        conn.close()


def on_replay(recorded: bytes, replay: Replay) -> bytes:
    """A recorded Manchester response with its documents' addresses on the replay server."""
    return recorded.replace(b"https://democracy.manchester.gov.uk", replay.url.encode())


def moderngov_site(replay: Replay) -> None:
    def meetings(query):
        assert query["lCommitteeId"] == "144"
        assert all(len(query[k].split("/")) == 3 for k in ("sFromDate", "sToDate"))  # dd/mm/yyyy, as the service needs
        return xml(MANCHESTER / "meetings.xml")(query)

    def meeting(query):  # the recorded documents' host is the replay server here
        status, body, kind = xml(MANCHESTER / ("meeting_with_minutes.xml" if query["lMeetingId"] == "4967"
                                               else "meeting_no_minutes.xml"))(query)
        return status, on_replay(body, replay), kind

    replay.routes.update({
        "/mgWebService.asmx/GetCommittees": xml(MANCHESTER / "committees.xml"),
        "/mgWebService.asmx/GetMeetings": meetings,
        "/mgWebService.asmx/GetMeeting": meeting,
        "/mgConvert2PDF.aspx": lambda query: pdf(PDFS[0] if query["ID"] == "60860" else PDFS[1])(query),
    })


def test_moderngov_sync_takes_the_apis_facts_and_a_second_sync_fetches_nothing(tmp_path):
    index_dir = tmp_path / "index"
    with Replay() as replay:
        moderngov_site(replay)
        first = run_cli("sync", "moderngov", replay.url, "--committee", "Audit Committee", "--organisation",
                        "Manchester City Council", "--since", "2026-01-01", "--until", "2026-03-31",
                        "--index", str(index_dir), "--interval", "0", "--quiet")
        assert first.returncode == 0, first.stderr
        assert "1 meetings, 2 papers listed: 2 fetched, 0 already here" in first.stdout  # the cancelled one is passed over
        assert replay.requests_to("/mgWebService.asmx/GetMeeting") == 1
        papers = sorted(documents(index_dir), key=lambda d: d["agenda_item"])
        # The text says Kent's Cabinet and Corporate Parenting Panel; the API says Manchester's Audit Committee.
        assert [(d["body"], d["meeting_date"], d["agenda_item"]) for d in papers] == [
            ("Audit Committee", "2026-02-10", "1"), ("Audit Committee", "2026-02-10", "9")]
        assert papers[0]["title"] == "6 - CHAIR APPROVED  Minutes Audit Committee 25 Nov 2025"

        fetched = replay.requests_to("/mgConvert2PDF.aspx")
        again = run_cli("sync", "--index", str(index_dir), "--interval", "0", "--quiet")  # the remembered source
        assert again.returncode == 0, again.stderr
        assert "0 fetched, 2 already here" in again.stdout
        assert replay.requests_to("/mgConvert2PDF.aspx") == fetched  # no document fetched twice
    listed = run_cli("sources", "--index", str(index_dir), "--json")
    [source] = json.loads(listed.stdout)
    assert source["kind"] == "moderngov" and source["names"] == ["Audit Committee"]


def test_a_sync_with_a_database_publishes_into_postgresql_with_the_apis_facts(tmp_path, pg_url):
    import psycopg

    from minutebook.search.storage import postgres

    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("DROP DATABASE IF EXISTS synced")
        conn.execute("CREATE DATABASE synced")
    url = pg_url.replace("/postgres?", "/synced?")
    with Replay() as replay:
        moderngov_site(replay)
        done = run_cli("sync", "moderngov", replay.url, "--committee", "Audit Committee", "--since", "2026-01-01",
                       "--until", "2026-03-31", "--index", str(tmp_path / "index"), "--interval", "0", "--quiet",
                       env={"MINUTEBOOK_DATABASE_URL": url, "MINUTEBOOK_WORKER_POLL": "0.2"})
        assert done.returncode == 0, done.stderr
    index = postgres.PgIndex(url, postgres.current_generation(url))
    rows = index.conn.execute("SELECT body, meeting_date, agenda_item FROM documents ORDER BY agenda_item").fetchall()
    assert [tuple(r) for r in rows] == [("Audit Committee", "2026-02-10", "1"), ("Audit Committee", "2026-02-10", "9")]
    assert not (tmp_path / "index" / "current").exists()  # nothing was built in the folder


def test_a_site_that_is_not_moderngov_gets_a_clear_error_and_changes_nothing(tmp_path):
    index_dir = tmp_path / "index"
    trap = SOURCES / "moderngov" / "symroe-raw" / "denbighshire.gov.uk_CouncillorsByWard.xml"
    with Replay() as replay:
        replay.routes["/mgWebService.asmx/GetCommittees"] = lambda query: (200, trap.read_bytes(), "text/html")
        done = run_cli("sync", "moderngov", replay.url, "--index", str(index_dir), "--interval", "0", "--quiet")
        assert done.returncode == 3
        assert "does not look like a ModernGov site" in done.stderr and "an HTML page" in done.stderr
        replay.routes["/mgWebService.asmx/GetCommittees"] = lambda query: (503, b"busy", "text/plain", {"Retry-After": "0"})
        busy = run_cli("sync", "moderngov", replay.url, "--index", str(index_dir), "--interval", "0", "--quiet")
        assert busy.returncode == 3 and "answered 503" in busy.stderr and "try again later" in busy.stderr
        assert replay.requests_to("/mgWebService.asmx/GetCommittees") == 1 + 4  # retried, with waits
        unknown = run_cli("sync", "moderngov", replay.url + "/x", "--index", str(index_dir), "--interval", "0", "--quiet")
        assert unknown.returncode == 3 and "answered 404" in unknown.stderr
    assert not (index_dir / "sources.json").exists()  # a source that never answered is not kept
    assert current_generation(index_dir) is None


def test_legistar_sync_reads_events_items_and_attachments(tmp_path):
    index_dir = tmp_path / "index"
    with Replay() as replay:
        def recorded(path: Path):
            body = path.read_bytes().replace(b"http://legistar2.granicus.com", replay.url.encode())
            return lambda query: (200, body, "application/json")

        replay.routes.update({
            "/v1/seattle/Events": recorded(SEATTLE / "request_0_events.json"),
            "/v1/seattle/Events/4048/EventItems": recorded(SEATTLE / "request_1_event_0_items.json"),
            "/v1/seattle/Events/4049/EventItems": recorded(SEATTLE / "request_12_event_1_items.json"),
            "/v1/seattle/Events/4050/EventItems": recorded(SEATTLE / "request_63_event_2_items.json"),
        })
        files = {  # the City Council meeting's agenda and its PDF attachments, each a different real paper
            "/seattle/meetings/2019/7/4049_A_City_Council_19-07-29_Full_Council_Meeting_Agenda.pdf": PDFS[2],
            "/seattle/attachments/94df927a-6efb-49d1-a262-fe6ea59eacdc.pdf": PDFS[3],
            "/seattle/attachments/3e937338-cbbf-48fa-a145-ef672da051ed.pdf": PDFS[0],
            "/seattle/attachments/f031ccb9-8c33-4db3-9028-d35c5329c23a.pdf": PDFS[1],
        }
        replay.routes.update({path: pdf(file) for path, file in files.items()})
        # the bill's summary and fiscal note and its attachment, kept as Word documents
        for attachment, title, text in (
                ("7ea9d80a-b622-4371-a28a-7418050d81f1", "Summary and Fiscal Note",
                 "This legislation lifts the proviso on the Cultural Space budget control level of the Office of Arts & Culture."),
                ("e081fbdc-92b2-44c3-95dc-9244f2c80b4f", "Town Hall Agreement",
                 "The agreement sets the terms on which Town Hall Seattle uses the renovated building.")):
            replay.routes[f"/seattle/attachments/{attachment}.docx"] = word(tmp_path / f"{attachment}.docx", title, text)
        for item in (65936, 65937, 65938):  # items acted on without a roll call
            replay.routes[f"/v1/seattle/EventItems/{item}/Votes"] = recorded(SEATTLE / "request_13_event_1_item_0_votes.json")
        replay.routes["/v1/seattle/EventItems/65911/Votes"] = recorded(SEATTLE / "request_23_event_1_item_10_votes.json")
        done = run_cli("sync", "legistar", f"{replay.url}/v1/seattle", "--body", "City Council",
                       "--since", "2019-07-29", "--until", "2019-07-29", "--index", str(index_dir), "--interval", "0",
                       "--quiet", "--json")
        assert done.returncode == 0, done.stderr
        report = json.loads(done.stdout)
        [source] = report["sources"]
        assert source["meetings"] == 1 and source["fetched"] == 6 and source["failed"] == []
        asked = unquote_plus(replay.log[0])
        assert "$filter=EventDate ge datetime'2019-07-29T00:00:00'" in asked
    papers = documents(index_dir)
    assert {(d["body"], d["meeting_date"]) for d in papers} == {("City Council", "2019-07-29")}
    memo = next(d for d in papers if d["title"] == "Central Staff Memo")
    assert memo["agenda_item"] == "1"  # the item the attachment belongs to
    note = next(d for d in papers if d["title"] == "Summary and Fiscal Note")
    assert note["agenda_item"] == "1" and note["source"].endswith(".docx")
    found = json.loads(run_cli("search", "cultural space budget proviso lifted", "--index", str(index_dir), "--json").stdout)
    assert found["results"][0]["document_title"] == "Summary and Fiscal Note"
    # The roll call the API records is on the resolution row of that matter, with its result.
    listed = run_cli("resolutions", "--index", str(index_dir), "--json")
    [row] = [r for r in json.loads(listed.stdout)["rows"] if r["reference"] == "CB 119583"]
    assert row["outcome"] == "passed" and row["citation"]["meeting_date"] == "2019-07-29"
    votes = row["details"]["votes"]
    assert len(votes) == 8 and {"name": "Sally Bagshaw", "vote": "In Favor"} in votes


def test_serve_keeps_up_with_its_sources_in_the_background(tmp_path):
    import time

    import httpx

    from . import paperkit
    from .conftest import serve

    index_dir, papers = tmp_path / "index", tmp_path / "papers"
    papers.mkdir()
    (papers / "minutes.txt").write_text(paperkit.COMMITTEE_MINUTES_TXT)
    assert run_cli("ingest", str(papers), "--index", str(index_dir), "--quiet").returncode == 0
    with Replay() as replay:
        moderngov_site(replay)
        # The source is added with a window holding no meeting: remembered, nothing fetched yet.
        added = run_cli("sync", "moderngov", replay.url, "--committee", "144", "--since", "2020-01-01",
                        "--until", "2020-01-02", "--index", str(index_dir), "--interval", "0", "--quiet")
        assert added.returncode == 0 and "0 fetched" in added.stdout
        server = serve(index_dir, "--sync-every", "1s", env={"MINUTEBOOK_SYNC_INTERVAL": "0"})
        url = next(server)
        try:
            deadline = time.monotonic() + 120
            bodies: set = set()
            while time.monotonic() < deadline and "Audit Committee" not in bodies:
                time.sleep(1)
                bodies = {d["body"] for d in httpx.get(f"{url}/documents", params={"limit": 50}).json()["documents"]}
            assert "Audit Committee" in bodies  # synced, ingested and served without a restart
            hits = httpx.get(f"{url}/search", params={"q": "audit committee minutes", "body": "Audit Committee"}).json()
            assert hits["results"] and hits["results"][0]["meeting_date"] == "2026-02-10"
        finally:
            server.close()


def test_the_sources_roll_call_joins_the_resolution_of_the_same_matter():
    from minutebook.ingest.facts import with_decisions
    from minutebook.vocabulary import Decision, Document

    paper = Document(source="minutes.pdf", file_hash="h" * 64, ordinal=0, title="Minutes")
    read = [Decision("resolution", paper.id, 0, "CB 119583 AN ORDINANCE relating to appropriations. Passed.", reference="1")]
    votes = [{"name": "Sally Bagshaw", "vote": "In Favor"}]
    recorded = [{"reference": "CB 119583", "title": "AN ORDINANCE ...", "outcome": "passed", "votes": votes},
                {"reference": "Res 31900", "title": "A RESOLUTION on parks", "action": "adopted", "outcome": "adopted"}]
    joined = with_decisions(paper, read, recorded)
    assert len(joined) == 2
    assert joined[0].reference == "1" and joined[0].details["votes"] == votes and joined[0].details["outcome"] == "passed"
    assert joined[1].reference == "Res 31900" and joined[1].ordinal == 1 and joined[1].text == "adopted A RESOLUTION on parks"


def test_restricted_documents_are_not_fetched_and_a_meeting_that_fails_is_reported(tmp_path):
    index_dir = tmp_path / "index"
    with Replay() as replay:
        moderngov_site(replay)
        meeting = on_replay((MANCHESTER / "meeting_with_minutes.xml").read_bytes(), replay)
        first = meeting.index(b"<isrestricted>False</isrestricted>", meeting.index(b"<linkeddoc>"))
        restricted = meeting[:first] + b"<isrestricted>True</isrestricted>" + meeting[first + 34:]
        replay.routes["/mgWebService.asmx/GetMeeting"] = lambda query: (200, restricted, "text/xml")
        done = run_cli("sync", "moderngov", replay.url, "--committee", "144", "--since", "2026-01-01",
                       "--until", "2026-03-31", "--index", str(index_dir), "--interval", "0", "--quiet", "--json")
        assert done.returncode == 0, done.stderr
        [report] = json.loads(done.stdout)["sources"]
        assert report["restricted"] == 1 and report["fetched"] == 1
        assert replay.requests_to("/mgConvert2PDF.aspx") == 1  # the restricted one was never asked for

        replay.routes["/mgWebService.asmx/GetMeeting"] = lambda query: (500, b"error", "text/plain", {"Retry-After": "0"})
        failed = run_cli("sync", "--index", str(index_dir), "--interval", "0", "--quiet")
        assert failed.returncode == 1  # the source answered; one meeting could not be read
        assert "failed Audit Committee meeting 4967 of 2026-02-10:" in failed.stdout and "answered 500" in failed.stdout
    assert len(documents(index_dir)) == 1  # what was indexed before is all still there


def test_legistar_reads_every_page_of_events_and_reports_votes_it_cannot_read(tmp_path):
    index_dir = tmp_path / "index"
    with Replay() as replay:
        def events(query):  # 1,000 events on the first page, then the rest: the API's paging
            skip = int(query["$skip"])
            page = [{"EventId": 9000 + n, "EventBodyName": "Board", "EventDate": "2019-07-29T00:00:00",
                     "EventAgendaFile": None, "EventMinutesFile": None} for n in range(skip, min(skip + 1000, 1003))]
            return 200, json.dumps(page).encode(), "application/json"

        def items(query):
            return 200, json.dumps([{"EventItemId": 1, "EventItemActionName": "passed", "EventItemMatterFile": "Res 1",
                                     "EventItemMatterAttachments": []}]).encode(), "application/json"

        replay.routes["/v1/x/Events"] = events
        for n in range(1003):
            replay.routes[f"/v1/x/Events/{9000 + n}/EventItems"] = items
        replay.routes["/v1/x/EventItems/1/Votes"] = lambda query: (404, b"gone", "text/plain")
        done = run_cli("sync", "legistar", f"{replay.url}/v1/x", "--since", "2019-07-29", "--until", "2019-07-29",
                       "--index", str(index_dir), "--interval", "0", "--quiet", "--json")
        assert done.returncode == 1, done.stderr  # nothing to fetch, but the votes failures are reported
        [report] = json.loads(done.stdout)["sources"]
        assert report["meetings"] == 1003 and replay.requests_to("/v1/x/Events") == 2
        assert len(report["failed"]) == 1003 and "votes on Res 1" in report["failed"][0] and "answered 404" in report["failed"][0]


def test_an_interrupted_sync_resumes_and_ends_with_the_same_index(tmp_path):
    import signal
    import subprocess
    import time

    from .conftest import CLI

    with Replay() as replay:
        moderngov_site(replay)
        slow = replay.routes["/mgConvert2PDF.aspx"]

        def slow_second(query):  # the second document takes long: the sync is killed while it waits
            if query["ID"] == "60909":
                time.sleep(30)
            return slow(query)

        replay.routes["/mgConvert2PDF.aspx"] = slow_second
        args = ["sync", "moderngov", replay.url, "--committee", "144", "--since", "2026-01-01", "--until", "2026-03-31",
                "--interval", "0", "--quiet"]
        cut = tmp_path / "cut"
        process = subprocess.Popen([*CLI, *args, "--index", str(cut)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not any("60909" in line for line in replay.log):
            time.sleep(0.2)
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert (cut / "synced" / "sync-state.json").exists()  # the first document, kept with its state
        replay.routes["/mgConvert2PDF.aspx"] = slow
        before = replay.requests_to("/mgConvert2PDF.aspx")
        resumed = run_cli(*args, "--index", str(cut))
        assert resumed.returncode == 0, resumed.stderr
        assert "1 fetched, 1 already here" in resumed.stdout and replay.requests_to("/mgConvert2PDF.aspx") == before + 1
        whole = run_cli(*args, "--index", str(tmp_path / "whole"))
        assert whole.returncode == 0
    rows = lambda index: sorted((d["title"], d["body"], d["meeting_date"], d["agenda_item"]) for d in documents(index))  # noqa: E731
    assert rows(cut) == rows(tmp_path / "whole") and len(rows(cut)) == 2
