"""kill -9 an ingest twenty times at seeded random moments; the live server never notices.

The delays are stratified over the whole run (one random moment in each twentieth of it, in a
seeded random order), so every phase is hit: start-up and model load, parsing, embedding, writing
the store and vectors, publishing. After each kill the index is whole (the previous generation, or the new one if the kill came
after it was published), a running ``minutebook serve`` answers searches from it, and the next
ingest completes; the last one gives exactly the index a clean build of the same files gives.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import time

import httpx
import pytest

from minutebook.search.storage.build import build_index
from minutebook.search.storage.index import STORE_FILE, current_generation, open_index, read_manifest
from minutebook.settings import load_settings

from . import paperkit
from .conftest import CLI, free_port, run_cli

KILLS = 20
SEED = 20240923
WORDS = (
    "orchard lantern meadow harbour quarry bridle granary turbine cobble willow heron marsh pylon "
    "spindle beacon furlong kiln moorland tannery weir causeway pantile chapel ferry"
).split()


def _note(n: int) -> str:
    words = random.Random(n).choices(WORDS, k=40)
    return f"# Ward note {n}\n\nThe ward forum discussed the {' '.join(words)} proposals, item zx{n}q.\n"


def _whole(index_dir) -> dict:
    """The current generation, checked complete: manifest, store and vectors agree."""
    generation = current_generation(index_dir)
    assert generation is not None, "no current generation"
    manifest = read_manifest(generation)
    index = open_index(index_dir)
    assert index.vectors.ntotal == index.chunks == manifest["counts"]["chunks"]
    return manifest


def _served(url: str, manifest: dict) -> None:
    """The server is ready, serves the current index (it follows ``current`` within a second or so)."""
    deadline = time.monotonic() + 10
    while True:
        ready = httpx.get(f"{url}/readyz", timeout=10)
        assert ready.status_code == 200
        if ready.json()["chunks"] == manifest["counts"]["chunks"] or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    assert ready.json()["chunks"] == manifest["counts"]["chunks"], "server did not follow the new index"
    found = httpx.get(f"{url}/search", params={"q": "Saturday opening hours libraries", "k": 3}, timeout=30)
    assert found.status_code == 200 and found.json()["total"] > 0


def _rows(index_dir) -> list:
    conn = sqlite3.connect(current_generation(index_dir) / STORE_FILE)
    try:
        return [conn.execute(sql).fetchall() for sql in (
            "SELECT * FROM documents ORDER BY id", "SELECT id, text, embed_text FROM chunks ORDER BY id",
            "SELECT * FROM decisions ORDER BY id",
        )]
    finally:
        conn.close()


@pytest.fixture()
def live(tmp_path, embedder):
    papers, index_dir = tmp_path / "papers", tmp_path / "index"
    papers.mkdir()
    (papers / "libraries.md").write_text(paperkit.LIBRARY_STRATEGY_MD)
    (papers / "minutes.txt").write_text(paperkit.COMMITTEE_MINUTES_TXT)
    (papers / "car-parks.txt").write_text(paperkit.CAR_PARK_REPORT_TXT)
    build_index([papers], load_settings(index_dir=index_dir), embedder, progress=False)
    port = free_port()
    server = subprocess.Popen([*CLI, "serve", "--index", str(index_dir), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while True:
        assert server.poll() is None and time.monotonic() < deadline, "server did not start"
        try:
            if httpx.get(f"{url}/readyz", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.3)
    yield papers, index_dir, url
    server.terminate()
    server.wait(timeout=20)


def _start(papers, index_dir) -> subprocess.Popen:
    return subprocess.Popen([*CLI, "ingest", str(papers), "--index", str(index_dir), "--quiet"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def test_twenty_kill_9s_never_break_the_served_index(live, embedder, tmp_path):
    papers, index_dir, url = live
    rng = random.Random(SEED)

    # One uninterrupted run to learn how long an ingest takes, and when its build starts.
    (papers / "note-0.md").write_text(_note(0))
    started = time.monotonic()
    process = _start(papers, index_dir)
    while not list(index_dir.glob(".building-*")) and process.poll() is None:
        time.sleep(0.01)
    build_starts = time.monotonic() - started
    assert process.wait(timeout=120) == 0
    total = time.monotonic() - started
    _served(url, _whole(index_dir))

    span = total * 1.05 / KILLS
    delays = [rng.uniform(i * span, (i + 1) * span) for i in range(KILLS)]
    rng.shuffle(delays)
    outcomes = []
    for n, delay in enumerate(delays, start=1):
        (papers / f"note-{n}.md").write_text(_note(n))
        before = _whole(index_dir)
        process = _start(papers, index_dir)
        time.sleep(delay)
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
        code = process.wait()
        outcomes.append("completed" if code == 0 else "killed" if code == -signal.SIGKILL else f"exit {code}")
        assert code in (0, -signal.SIGKILL), f"ingest {n} exited {code}"

        after = _whole(index_dir)
        if after != before:  # only a complete new generation may have replaced the old one
            assert after["counts"]["files"] == 3 + n + 1, "a published index lacks files"
        _served(url, after)

    print(f"kill -9 x{KILLS}: {outcomes.count('killed')} killed mid-run, {outcomes.count('completed')} "
          f"ran to completion first (ingest takes {total:.1f} s; build starts at {build_starts:.1f} s)")
    assert outcomes.count("killed") >= KILLS // 2
    assert sum(d > build_starts for d in delays) >= 2, "no kill fell inside the build"

    # The next ingest completes, cleans up, and equals a clean build of the same files.
    result = run_cli("ingest", str(papers), "--index", str(index_dir), "--quiet")
    assert result.returncode == 0, result.stderr
    final = _whole(index_dir)
    assert final["counts"]["files"] == 3 + KILLS + 1
    assert not list(index_dir.glob(".building-*")) and len(list(index_dir.glob("gen-*"))) <= 2
    clean = load_settings(index_dir=tmp_path / "clean")
    build_index([papers], clean, embedder, progress=False)
    assert _rows(index_dir) == _rows(clean.index_dir)
    _served(url, final)
    hit = httpx.get(f"{url}/search", params={"q": f"zx{KILLS}q", "k": 1, "mode": "lexical"}, timeout=30).json()
    assert hit["results"] and hit["results"][0]["source"].endswith(f"note-{KILLS}.md")
