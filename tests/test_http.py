"""The HTTP API, served by a real uvicorn process over the fixture corpus."""

from __future__ import annotations

import httpx
import pytest


def test_a_paraphrased_question_finds_the_passage_with_its_citation(server):
    body = httpx.get(f"{server}/search", params={"q": "what did the council promise about bike lanes", "k": 3}).json()
    assert body["query"] == "what did the council promise about bike lanes"
    top = body["results"][0]
    assert "segregated cycle lanes" in top["text"]
    assert top["source"].endswith("active-travel-report.pdf")
    assert top["page"] == 2
    assert top["section"] and "Background" in top["section"]
    assert set(top) >= {
        "chunk_id", "text", "score", "source", "document_title", "document_type",
        "meeting_date", "agenda_item", "section", "page",
    }


@pytest.mark.parametrize(
    "question, phrase",
    [
        ("protecting houses from the river", "raised embankments"),
        ("money for a lunch club for lonely pensioners", "Meals Together"),
        ("granny flats zoning change", "accessory dwelling units"),
        ("keeping libraries open on weekends", "Saturday opening"),
    ],
)
def test_each_file_type_is_searchable(server, question, phrase):
    results = httpx.get(f"{server}/search", params={"q": question, "k": 3}).json()["results"]
    assert any(phrase in r["text"] for r in results), [r["text"][:80] for r in results]


def test_health_reports_counts(server):
    for path in ("/healthz", "/readyz"):
        body = httpx.get(f"{server}{path}").json()
        assert body["status"] == "ok" and body["documents"] == 12 and body["chunks"] > 5
    assert httpx.get(f"{server}/livez").json() == {"status": "ok"}


@pytest.mark.parametrize(
    "params, message",
    [
        ({"q": ""}, "empty"),
        ({"q": "   "}, "empty"),
        ({"q": "x" * 5000}, "limit"),
        ({"q": "flood", "k": 0}, "k must be between"),
        ({"q": "flood", "k": 100000}, "k must be between"),
        ({"q": "flood", "k": "many"}, "k"),
        ({}, "q"),
    ],
)
def test_bad_queries_get_a_422_with_a_clear_message(server, params, message):
    response = httpx.get(f"{server}/search", params=params)
    assert response.status_code == 422
    assert message in response.json()["error"]


def test_openapi_docs_are_served(server):
    assert httpx.get(f"{server}/docs").status_code == 200
    schema = httpx.get(f"{server}/openapi.json").json()
    assert {"/search", "/healthz", "/readyz", "/livez"} <= set(schema["paths"])



def test_serve_on_a_busy_port_says_so_and_never_claims_to_serve(built_index):
    import socket

    from .conftest import run_cli

    settings, _ = built_index
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = run_cli("serve", "--index", str(settings.index_dir), "--port", str(port), timeout=120)
    assert done.returncode == 3
    assert f"cannot serve on 127.0.0.1:{port}: the address is in use" in done.stderr
    assert "serving" not in done.stderr


def test_the_cli_json_listings_are_the_api_listings(server, built_index):
    import json

    from .conftest import run_cli

    settings, _ = built_index
    for command, route, key in (("documents", "/documents", "documents"), ("meetings", "/meetings", "meetings"),
                                ("resolutions", "/resolutions", "rows"), ("actions", "/actions", "rows")):
        done = run_cli(command, "--index", str(settings.index_dir), "--json", "--limit", "50")
        assert done.returncode == 0, done.stderr
        ours = json.loads(done.stdout)
        api = httpx.get(f"{server}{route}", params={"limit": 50}).json()
        assert set(ours) == set(api) and key in ours
        assert [r["id"] for r in ours[key]] == [r["id"] for r in api[key]]
    # A resolution's result is its outcome, in the API, the CLI and the CSV alike: one column.
    rows = httpx.get(f"{server}/resolutions", params={"limit": 50}).json()["rows"]
    assert any(r["outcome"] for r in rows) and not any("outcome" in r["details"] for r in rows)
    header = httpx.get(f"{server}/resolutions", params={"format": "csv"}).text.splitlines()[0].split(",")
    assert header.count("outcome") == 1 and "detail_outcome" not in header
