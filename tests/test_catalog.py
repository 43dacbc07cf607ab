"""Papers and meetings over HTTP: a generated agenda pack split into its papers, with pages,
items, dates and heading paths; a republished report searched once with both appearances."""

from __future__ import annotations

import httpx
import pytest


@pytest.fixture(scope="module")
def pack_papers(server):
    body = httpx.get(f"{server}/documents", params={"source": "committee-pack", "limit": 50}).json()
    return sorted(body["documents"], key=lambda d: d["first_page"])


def test_the_pack_splits_into_agenda_minutes_and_two_reports(pack_papers):
    summary = [
        (d["type"], d["agenda_item"], d["meeting_date"], d["published_date"], d["first_page"], d["last_page"])
        for d in pack_papers
    ]
    assert summary == [
        ("agenda", None, "2024-03-12", "2024-03-12", 1, 1),
        ("minutes", "2", "2024-02-06", "2024-03-12", 3, 4),  # minutes record the earlier meeting
        ("report", "3", "2024-03-12", "2024-03-12", 5, 6),
        ("report", "4", "2024-03-12", "2024-03-12", 7, 8),
    ]
    assert {d["body"] for d in pack_papers} == {"Planning and Regulation Committee"}
    trees = pack_papers[2]
    assert (trees["title"], trees["author"], trees["key_decision"]) == (
        "Street Trees Policy", "Morgan Ellis, Head of Parks", True,
    )


def test_a_document_has_its_outline_passages_and_pages(server, pack_papers):
    allotments = httpx.get(f"{server}/documents/{pack_papers[3]['id']}").json()
    assert [o["section"] for o in allotments["outline"]][-2:] == [
        "Report > 2. Findings > 2.1", "Report > 2. Findings > 2.2",
    ]
    waiting = next(p for p in allotments["passages"] if "412 households" in p["text"])
    assert (waiting["page"], waiting["printed_page"], waiting["paragraph"]) == (8, "8", "2.1")
    assert not any("Page 8" in p["text"] or "Agenda Item" in p["text"] for p in allotments["passages"])


def test_search_results_carry_the_full_citation(server):
    top = httpx.get(f"{server}/search", params={"q": "how many households wait for allotments and for how many years", "k": 1}).json()["results"][0]
    assert "412 households" in top["text"]
    assert (top["document_title"], top["document_type"], top["body"], top["meeting_date"], top["agenda_item"]) == (
        "Allotments Review", "report", "Planning and Regulation Committee", "2024-03-12", "4",
    )
    assert (top["section"], top["page"]) == ("Report > 2. Findings > 2.1", 8)


def test_a_republished_report_is_searched_once_with_both_appearances(server, pack_papers):
    results = httpx.get(f"{server}/search", params={"q": "two new street trees for every tree felled", "k": 10}).json()["results"]
    assert sum("two new street trees" in r["text"] for r in results) == 1
    trees = httpx.get(f"{server}/documents/{pack_papers[2]['id']}").json()
    sources = sorted(a["source"].rsplit("/", 1)[-1] for a in trees["appearances"])
    assert sources == ["committee-pack.pdf", "street-trees-report.pdf"]


def test_filters_narrow_searches_and_listings_inside_retrieval(server):
    hits = httpx.get(f"{server}/search", params={"q": "parking", "k": 5, "document_type": "minutes"}).json()["results"]
    assert hits and {h["document_type"] for h in hits} == {"minutes"}
    dated = httpx.get(f"{server}/search", params={"q": "policy", "date_from": "2024-03-01", "date_to": "2024-03-31"}).json()
    assert dated["results"] and all("2024-03-01" <= h["meeting_date"] <= "2024-03-31" for h in dated["results"])
    listing = httpx.get(f"{server}/documents", params={"document_type": "report", "limit": 1}).json()
    assert listing["limit"] == 1 and len(listing["documents"]) == 1 and listing["total"] >= 3


def test_meetings_list_and_show_their_papers_and_items(server):
    meetings = httpx.get(f"{server}/meetings", params={"body": "planning and regulation"}).json()["meetings"]
    assert [(m["date"], m["papers"]) for m in meetings] == [("2024-07-09", 1), ("2024-03-12", 4), ("2024-02-06", 1)]
    march = httpx.get(f"{server}/meetings/{meetings[1]['id']}").json()
    assert [(i["agenda_item"], i["title"]) for i in march["items"]] == [("3", "Street Trees Policy"), ("4", "Allotments Review")]
    assert httpx.get(f"{server}/meetings/nope").status_code == 404
    assert httpx.get(f"{server}/documents/nope").json()["error"].startswith("no document")


@pytest.mark.parametrize("params", [{"limit": 0}, {"limit": 100000}, {"offset": -1}, {"date_from": "March"}])
def test_bad_listing_parameters_get_422(server, params):
    assert httpx.get(f"{server}/documents", params=params).status_code == 422
