"""Decision registers over HTTP: rows with items, citations, outcomes and statuses; CSV export;
decision rows beside passages in a search about a decision."""

from __future__ import annotations

import csv
import io

import httpx
import pytest


def _rows(server, register, **params):
    response = httpx.get(f"{server}/{register}", params={"source": "committee-pack", **params})
    assert response.status_code == 200, response.text
    return response.json()["rows"]


def test_a_resolution_keeps_its_items_minute_and_citation(server):
    (row,) = _rows(server, "resolutions")
    assert (row["reference"], row["title"]) == ("13", "Town Centre Parking")
    assert row["items"] == [
        "evening parking charges be removed from the three town centre car parks; and",
        "officers report back on the effect on car park use within six months.",
    ]
    assert row["citation"]["meeting_date"] == "2024-02-06" and row["citation"]["page"] == 4
    assert row["citation"]["document_type"] == "minutes"
    assert httpx.get(f"{server}/resolutions/{row['id']}").json()["items"] == row["items"]


def test_a_recommendation_whose_minutes_are_absent_says_so(server):
    (row,) = _rows(server, "recommendations", source="active-travel")
    assert row["items"] == ["The Committee is recommended to approve the draft Active Travel Plan for eight weeks of public consultation."]
    assert row["details"]["report_title"] == "Active Travel Plan 2024-2029"
    assert row["citation"]["meeting_date"] == "2024-03-14"
    assert row["outcome"] == "minutes not in the papers"


def test_an_action_is_open_until_its_due_date_then_overdue(server):
    def circulate(as_at):
        (row,) = _rows(server, "actions", source="committee-minutes", as_at=as_at)
        return row

    assert circulate("2024-04-01")["details"]["due_date"] == "2024-04-30"
    assert circulate("2024-04-01")["status"] == "open"
    assert circulate("2024-05-01")["status"] == "overdue"
    assert [r["reference"] for r in _rows(server, "actions", source="committee-minutes", as_at="2024-05-01", status="overdue")] == ["21"]
    assert _rows(server, "actions", source="committee-minutes", as_at="2024-05-01", status="open") == []


def test_csv_export_opens_as_a_table(server):
    response = httpx.get(f"{server}/resolutions", params={"source": "committee-pack", "format": "csv"})
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == 1
    assert rows[0]["items"].count("; ") >= 1 and rows[0]["reference"] == "13"
    assert rows[0]["meeting_date"] == "2024-02-06"
    header = response.text.splitlines()[0].split(",")
    assert len(header) == len(set(header))  # no column twice


def test_a_search_about_a_decision_returns_the_decision_row(server):
    body = httpx.get(f"{server}/search", params={"q": "what did the committee decide about evening parking charges"}).json()
    assert [d["reference"] for d in body["decisions"]] == ["13"]
    plain = httpx.get(f"{server}/search", params={"q": "evening parking charges"}).json()
    assert plain["decisions"] == []


@pytest.mark.parametrize(
    "path, params, status",
    [
        ("/actions", {"status": "late"}, 422),
        ("/recommendations", {"outcome": "maybe"}, 422),
        ("/actions", {"as_at": "tomorrow"}, 422),
        ("/resolutions", {"format": "xlsx"}, 422),
        ("/resolutions/unknown", {}, 404),
    ],
)
def test_bad_register_requests_get_clear_errors(server, path, params, status):
    response = httpx.get(f"{server}{path}", params=params)
    assert response.status_code == status and response.json()["error"]


def test_a_recommendation_is_linked_to_the_resolution_that_decided_it(server):
    (row,) = _rows(server, "recommendations")
    assert row["items"] == ["The Committee is recommended to adopt the Street Trees Policy."]
    assert row["citation"]["agenda_item"] == "3"
    minutes_row = httpx.get(f"{server}/recommendations/{row['id']}").json()
    assert minutes_row["outcome"] == "agreed"
    (link,) = [l for l in minutes_row["links"] if l["kind"] == "disposed_by"]
    resolution = httpx.get(f"{server}/resolutions/{link['target_id']}").json()
    assert resolution["text"] == "RESOLVED that the Street Trees Policy be adopted."
    assert link["evidence"]  # says why the two were linked


def test_an_action_delivered_by_a_later_report_is_fulfilled(server):
    (promised,) = _rows(server, "actions", as_at="2024-05-01")
    assert promised["details"]["due_date"] == "2024-08-06"  # six months after the 6 February meeting
    assert promised["status"] == "open"  # the report that delivers it came in July
    (action,) = _rows(server, "actions", as_at="2025-01-01")
    assert action["status"] == "fulfilled"
    (link,) = [l for l in action["links"] if l["kind"] == "fulfilled_by"]
    later = httpx.get(f"{server}/documents/{link['target_id']}")
    assert later.status_code == 200 and later.json()["title"] == "Car Park Use Review"


MARCH_MINUTES = """Minutes of the Meeting of Barnby Parish Council held on 12 March 2024

Present: Councillors Ash, Birch and Cole

24/031 Playground
The fence by the swings is broken. The Clerk will report back to the next meeting on the cost of a new fence.
Cllr Birch agreed to ask the school about sharing the cost.

24/032 Footpaths
The Clerk will write to the County Council about the footpath in the coming months.
"""

APRIL_MINUTES = """Minutes of the Meeting of Barnby Parish Council held on 9 April 2024

Present: Councillors Ash, Birch and Cole

24/040 Matters arising
The Clerk reported that two quotes had been received.
"""


def test_an_action_for_the_next_meeting_is_due_at_it_and_one_without_a_date_is_undated(tmp_path, embedder):
    from minutebook.search.storage.build import build_index
    from minutebook.search.decisions.registers import RegisterQuery
    from minutebook.search.service import Minutebook
    from minutebook.settings import load_settings

    papers = tmp_path / "papers"
    papers.mkdir()
    (papers / "march-minutes.txt").write_text(MARCH_MINUTES)
    (papers / "april-minutes.txt").write_text(APRIL_MINUTES)
    settings = load_settings(index_dir=tmp_path / "index")
    build_index([papers], settings, embedder, progress=False)
    rows = Minutebook(settings, embedder).register("actions", query=RegisterQuery(as_at="2024-05-01")).items
    by_who = {r["details"]["who"]: r for r in rows}
    next_meeting = next(r for r in rows if "next meeting" in r["text"])
    assert (next_meeting["details"]["due_text"], next_meeting["details"]["due_date"]) == ("the next meeting", "2024-04-09")
    assert next_meeting["status"] == "overdue"  # the April minutes hold no report of the cost
    coming = next(r for r in rows if "coming months" in r["text"])
    assert (coming["details"]["due_text"], coming["details"]["due_date"], coming["status"]) == (
        "in the coming months", "2024-06-12", "open")
    assert by_who["Cllr Birch"]["status"] == "undated"  # no time given: neither open for ever nor overdue
