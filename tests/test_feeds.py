"""Watches (saved searches) and their Atom feeds, served by a real `minutebook serve`: a watch's feed
lists what papers ingested after it was made say about its query, and nothing older; the overdue feed
lists the actions the register calls overdue today. Both parse as Atom with the elements it requires."""

from __future__ import annotations

import time

import httpx
from defusedxml import ElementTree

from . import paperkit
from .conftest import run_cli, serve

ATOM = "{http://www.w3.org/2005/Atom}"


def atom_entries(text: str) -> list[dict]:
    """The feed's entries, after checking what Atom requires of a feed and of each entry."""
    feed = ElementTree.fromstring(text)
    assert feed.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert feed.find(f"{ATOM}{required}") is not None, required
    entries = []
    for entry in feed.findall(f"{ATOM}entry"):
        for required in ("id", "title", "updated", "link"):
            assert entry.find(f"{ATOM}{required}") is not None, required
        entries.append({"title": entry.find(f"{ATOM}title").text, "link": entry.find(f"{ATOM}link").get("href"),
                        "content": entry.find(f"{ATOM}content").text, "updated": entry.find(f"{ATOM}updated").text})
    return entries


def test_a_watch_feeds_what_new_papers_say_and_the_overdue_feed_lists_overdue_actions(tmp_path):
    papers, index_dir = tmp_path / "papers", tmp_path / "index"
    papers.mkdir()
    paperkit.write_pdf(papers / "pack.pdf", paperkit.COMMITTEE_PACK_PAGES[:4])  # the February minutes on parking
    (papers / "minutes-2024-03-12.txt").write_text(paperkit.COMMITTEE_MINUTES_TXT)  # figures promised by 30 April 2024
    assert run_cli("ingest", str(papers), "--index", str(index_dir), "--quiet").returncode == 0
    time.sleep(1.1)  # times are kept to the second
    added = run_cli("watch", "add", "evening parking charges", "--index", str(index_dir))
    assert added.returncode == 0 and "/feeds/evening-parking-charges-" in added.stdout
    [watch] = [line.split()[0] for line in run_cli("watch", "list", "--index", str(index_dir)).stdout.splitlines()]
    time.sleep(1.1)
    (papers / "car-park-use-review.txt").write_text(paperkit.CAR_PARK_REPORT_TXT)
    assert run_cli("ingest", str(papers), "--index", str(index_dir), "--quiet").returncode == 0

    server = serve(index_dir)
    url = next(server)
    try:
        response = httpx.get(f"{url}/feeds/{watch}.atom")
        assert response.status_code == 200 and response.headers["content-type"].startswith("application/atom+xml")
        entries = atom_entries(response.text)
        assert entries, "the new report speaks of evening parking charges"
        assert all("Car Park Use Review" in e["content"] for e in entries)  # only the paper that came after
        assert all(e["link"].startswith(f"{url}/papers/") for e in entries)
        assert httpx.get(f"{url}/watches").json()["watches"][0]["feed"] == f"{url}/feeds/{watch}.atom"
        assert httpx.get(f"{url}/feeds/no-such-watch.atom").status_code == 404

        overdue = atom_entries(httpx.get(f"{url}/feeds/overdue.atom").text)
        listed = httpx.get(f"{url}/actions", params={"status": "overdue", "limit": 500}).json()["rows"]
        assert len(overdue) == len(listed) > 0  # "report back within six months" of February 2024
        assert all(e["title"].startswith("Overdue: ") for e in overdue)
    finally:
        server.close()
    assert run_cli("watch", "remove", watch, "--index", str(index_dir)).returncode == 0
    assert run_cli("watch", "remove", watch, "--index", str(index_dir)).returncode == 2
