"""A running server picks up a new index without a restart: on its own (it looks at ``current`` at most
once a second) and on ``POST /admin/reload`` with the admin token; it never serves a half-built one.
Also the request guard's time and size limits, in process.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import time

import httpx
import pytest

from minutebook.search.storage.build import build_index
from minutebook.search.storage.index import current_generation, read_manifest
from minutebook.server.guard import Guard
from minutebook.settings import load_settings

from . import paperkit
from .conftest import CLI, free_port, search_while

TOKEN = "test-token-6f1d2c"


@pytest.fixture(scope="module")
def live(tmp_path_factory, embedder):
    tmp_path = tmp_path_factory.mktemp("reload")
    papers, index_dir = tmp_path / "papers", tmp_path / "index"
    papers.mkdir()
    (papers / "libraries.md").write_text(paperkit.LIBRARY_STRATEGY_MD)
    settings = load_settings(index_dir=index_dir)
    build_index([papers], settings, embedder, progress=False)
    port = free_port()
    server = subprocess.Popen(
        [*CLI, "serve", "--index", str(index_dir), "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env={**os.environ, "MINUTEBOOK_ADMIN_TOKEN": TOKEN},
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while True:
        assert server.poll() is None and time.monotonic() < deadline, "server did not start"
        try:
            if httpx.get(f"{url}/readyz", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.3)
    yield papers, settings, url
    server.terminate()
    server.wait(timeout=20)


def _chunks(settings) -> int:
    return read_manifest(current_generation(settings.index_dir))["counts"]["chunks"]


def test_the_server_follows_a_new_index_and_admin_reload_needs_the_token(live, embedder):
    papers, settings, url = live
    before = httpx.get(f"{url}/readyz").json()

    # A new generation is noticed without any call: within a couple of seconds.
    (papers / "grants.txt").write_bytes(paperkit.GRANT_NOTE_CP1252.encode("cp1252"))
    build_index([papers], settings, embedder, progress=False)
    deadline = time.monotonic() + 5
    while httpx.get(f"{url}/readyz").json()["chunks"] == before["chunks"] and time.monotonic() < deadline:
        time.sleep(0.2)
    assert httpx.get(f"{url}/readyz").json()["chunks"] == _chunks(settings) > before["chunks"]
    assert "Meals Together" in httpx.get(f"{url}/search", params={"q": "lunch club grant"}).json()["results"][0]["text"]

    # The admin route: 401 without the right bearer token, compared in constant time.
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Basic {TOKEN}"},
                    {"Authorization": TOKEN}, {"Authorization": f"Bearer {TOKEN}x"}):
        refused = httpx.post(f"{url}/admin/reload", headers=headers)
        assert refused.status_code == 401 and refused.json()["error"], headers
        assert refused.headers["www-authenticate"] == "Bearer"
    (papers / "flood.html").write_text(paperkit.FLOOD_NOTICE_HTML)
    build_index([papers], settings, embedder, progress=False)
    done = httpx.post(f"{url}/admin/reload", headers={"Authorization": f"Bearer {TOKEN}"})
    assert done.status_code == 200
    body = done.json()
    assert body["generation"] == current_generation(settings.index_dir).name
    assert body["chunks"] == _chunks(settings)
    again = httpx.post(f"{url}/admin/reload", headers={"Authorization": f"Bearer {TOKEN}"}).json()
    assert again["reloaded"] is False and again["generation"] == body["generation"]


def test_searches_during_rebuilds_only_ever_see_whole_indexes(live, embedder):
    papers, settings, url = live
    complete = {_chunks(settings)}

    def rebuild() -> None:
        for n in range(4):
            (papers / f"note-{n}.md").write_text(f"# Note {n}\n\nThe board noted item {n} about the library van route.\n")
            build_index([papers], settings, embedder, progress=False)
            complete.add(_chunks(settings))
            time.sleep(1.2)

    errors, seen = search_while(url, rebuild)
    assert not errors, errors[:5]
    assert seen <= complete and _chunks(settings) in seen and len(seen) >= 3


def _run(app, scope, body_parts) -> tuple[int, bytes]:
    sent = []
    parts = list(body_parts)

    async def receive():
        if parts:
            return {"type": "http.request", "body": parts.pop(0), "more_body": bool(parts)}
        await asyncio.sleep(3600)

    async def send(message):
        sent.append(message)

    asyncio.run(Guard(app, max_body=1000, timeout=0.3)({"type": "http", "headers": [], **scope}, receive, send))
    status = next(m["status"] for m in sent if m["type"] == "http.response.start")
    return status, b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")


def test_the_guard_answers_503_when_slow_and_413_for_a_streamed_large_body():
    async def slow(scope, receive, send):
        await asyncio.sleep(5)

    status, body = _run(slow, {"method": "GET", "path": "/search"}, [])
    assert status == 503 and b"longer than 0.3 s" in body

    async def reader(scope, receive, send):
        while (await receive()).get("more_body"):
            pass
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})

    assert _run(reader, {"method": "POST", "path": "/x"}, [b"a" * 600]) == (200, b"ok")
    status, body = _run(reader, {"method": "POST", "path": "/x"}, [b"a" * 600, b"a" * 600])
    assert status == 413 and b"limit" in body
    status, _ = _run(reader, {"method": "POST", "path": "/x", "headers": [(b"content-length", b"5000")]}, [])
    assert status == 413
