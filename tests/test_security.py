"""No route serves a file that was not indexed, and hostile requests get a clear 4xx, never a 500.

The rule for original files (``GET /files/{document_id}``): a file is served only by the id of a
paper in the index, from the path recorded at ingest, and only while its bytes still hash to what
was indexed. Nothing in a request is ever used as a path. Symlinks: ingest follows a symlink in the
folder it reads and records the file it points to, so a linked file outside the folder that was
indexed *is* served (the person who ran ingest chose to include it); nothing else outside the folder
is, and a file swapped for a link to something else after ingest is refused (409).
"""

from __future__ import annotations

import socket
from urllib.parse import urlsplit

import pytest
from fastapi.testclient import TestClient

from minutebook.search.storage.build import build_index
from minutebook.search.service import Minutebook
from minutebook.server.app import create_app
from minutebook.settings import load_settings

from . import paperkit

SECRET = "TOP-SECRET-MARKER-5b1e"


def raw_get(base: str, target: str) -> tuple[int, str]:
    """GET ``target`` exactly as written (no client normalises the ``..`` away)."""
    url = urlsplit(base)
    with socket.create_connection((url.hostname, url.port), timeout=30) as sock:
        sock.sendall(f"GET {target} HTTP/1.1\r\nHost: {url.netloc}\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    return int(head.split()[1]), body.decode("utf-8", "replace")


@pytest.fixture(scope="module")
def secret_outside(fixture_corpus):
    """A readable file beside the indexed folder that was never indexed."""
    path = fixture_corpus.parent / "secret-budget.txt"
    path.write_text(f"{SECRET}: the unpublished budget.\n")
    return path


@pytest.mark.parametrize(
    "target",
    [
        "/files/../../../../../../etc/passwd",
        "/files/..%2f..%2f..%2f..%2f..%2fetc%2fpasswd",
        "/files/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/files/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/files/%252e%252e%252fetc%252fpasswd",
        "/files//etc/passwd",
        "/files/%2Fetc%2Fpasswd",
        "/files/..%5c..%5c..%5cetc%5cpasswd",
        "/files/....//....//etc/passwd",
        "/static/../../../../../../etc/passwd",
        "/static/..%2f..%2f..%2f..%2fetc%2fpasswd",
        "/static/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/static/..%2fapp.py",
        "/static/../app.py",
        "/static/%2e%2e%2fweb.py",
        "/documents/..%2f..%2f..%2fetc%2fpasswd",
        "/papers/../../../etc/passwd",
        "/../../../../etc/passwd",
    ],
)
def test_traversal_never_reaches_a_file(server, target):
    status, body = raw_get(server, target)
    assert status in (400, 404), (target, status)
    assert "root:" not in body and "def create_app" not in body and "import " not in body


def test_a_path_in_place_of_an_id_is_not_a_path(server, secret_outside, fixture_corpus):
    for given in (str(secret_outside), str(fixture_corpus / "grants.txt"), "secret-budget.txt", "../secret-budget.txt"):
        status, body = raw_get(server, "/files/" + given.replace("/", "%2F"))
        assert status == 404 and SECRET not in body and "Meals Together" not in body


@pytest.mark.parametrize("route", ["/documents", "/meetings", "/resolutions", "/recommendations", "/commitments", "/actions"])
def test_unknown_ids_are_a_404_json_error(server, route):
    import httpx

    for unknown in ("0000000000000000", "nope", "%2e%2e", "%00", "x" * 2000):
        response = httpx.get(f"{server}{route}/{unknown}")
        assert response.status_code == 404, (route, unknown)
        assert response.headers["content-type"].startswith("application/json")
        assert response.json()["error"]


@pytest.mark.parametrize(
    "target",
    [
        "/search?q=x&k=99999999999999999999999",
        "/documents?offset=99999999999999999999999",
        "/meetings?offset=9223372036854775808",
        "/resolutions?offset=99999999999999999999999&limit=1",
        "/search?q=flood&date_from=2024-13-45",
        "/actions?as_at=yesterday",
        "/search?q=" + "%F0%9F%99%82" * 600,
        "/search?q=flood&mode=%00",
        "/calendar?offset=99999999999999999999999",
    ],
)
def test_out_of_range_parameters_get_a_clear_4xx(server, target):
    status, body = raw_get(server, target)
    assert 400 <= status < 500, (target, status, body[:200])
    assert "Traceback" not in body


@pytest.mark.parametrize(
    "target",
    [
        "/search?q=%00",
        "/search?q=%22%22%22NEAR(%2A",
        "/search?q=title%3Aflood%20OR%20%2A",
        "/search?q=flood&mode=lexical&body=%22%27",
        "/resolutions?q=%22%27%28%2A%5E",
        "/actions?q=NOT%20AND%20OR",
        "/documents?title=%22%28%2A",
        "/documents?agenda_item=%25%27%3B--",
        "/?q=%00%22NEAR(",
        "/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    ],
)
def test_query_syntax_and_control_characters_are_just_text(server, target):
    status, body = raw_get(server, target)
    assert status == 200, (target, status, body[:200])
    assert "<script>alert(1)</script>" not in body


def test_a_body_over_1_mb_is_refused_with_413(server):
    import httpx

    response = httpx.post(f"{server}/search?q=x", content=b"x" * (1024 * 1024 + 1))
    assert response.status_code == 413 and "limit" in response.json()["error"]
    streamed = httpx.post(f"{server}/chat", content=(b"x" * 65536 for _ in range(20)),  # chunked: no Content-Length
                          headers={"Content-Type": "application/json"})
    assert streamed.status_code == 413 and "limit" in streamed.json()["error"]


def test_no_cors_headers_and_admin_reload_is_off_without_a_token(server):
    import httpx

    response = httpx.get(f"{server}/search", params={"q": "flood"}, headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in response.headers
    off = httpx.post(f"{server}/admin/reload", headers={"Authorization": "Bearer anything"})
    assert off.status_code == 404 and off.json()["error"]


def test_only_indexed_files_are_served_and_symlinks_out_are_the_indexed_target(tmp_path, embedder):
    corpus, outside = tmp_path / "corpus", tmp_path / "outside"
    corpus.mkdir()
    outside.mkdir()
    (corpus / "grants.txt").write_bytes(paperkit.GRANT_NOTE_CP1252.encode("cp1252"))
    (outside / "linked-report.md").write_text(paperkit.LIBRARY_STRATEGY_MD)
    (outside / "secret-budget.txt").write_text(f"{SECRET}: the unpublished budget.\n")
    (corpus / "linked-report.md").symlink_to(outside / "linked-report.md")
    (corpus / "swapped.txt").write_text(paperkit.US_MINUTES)
    settings = load_settings(index_dir=tmp_path / "index")
    build_index([corpus], settings, embedder, progress=False)

    app = create_app(settings, Minutebook(settings, embedder))
    with TestClient(app) as client:
        papers = {d["source"]: d["id"] for d in client.get("/documents").json()["documents"]}
        # The link was followed at ingest: the recorded source is the target, and it is served.
        linked = papers[str(outside / "linked-report.md")]
        served = client.get(f"/files/{linked}")
        assert served.status_code == 200 and "Saturday opening" in served.text
        assert str(corpus / "linked-report.md") not in papers
        # The file beside it was never indexed, so no id leads to it.
        for paper_id in papers.values():
            assert SECRET not in client.get(f"/files/{paper_id}").text
        # An indexed file replaced by a link to the secret after ingest is refused, not followed.
        (corpus / "swapped.txt").unlink()
        (corpus / "swapped.txt").symlink_to(outside / "secret-budget.txt")
        refused = client.get(f"/files/{papers[str(corpus / 'swapped.txt')]}")
        assert refused.status_code == 409 and SECRET not in refused.text
        # An indexed file that is gone is a 404, and an unknown id is a 404.
        (outside / "linked-report.md").unlink()
        assert client.get(f"/files/{linked}").status_code == 404
        assert client.get("/files/0123456789abcdef").status_code == 404
