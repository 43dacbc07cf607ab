"""A failed or killed ingest leaves the previous index whole and served."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import time

import httpx

from minutebook.search.index import current_generation, open_index, read_manifest

from . import paperkit
from .conftest import CLI, run_cli


WORDS = (
    "council board budget housing transport library school park road health care report plan policy "
    "consultation residents officers members funding grant review strategy committee decision scheme "
    "community safety waste recycling planning licence tree river flood bus cycle youth adult carer"
).split()


def test_an_ingest_with_nothing_readable_keeps_the_old_index(built_index, server, tmp_path):
    settings, _ = built_index
    before = read_manifest(current_generation(settings.index_dir))
    (tmp_path / "bad.pdf").write_bytes(b"%PDF-1.4 truncated")
    result = run_cli("ingest", str(tmp_path / "bad.pdf"), "--index", str(settings.index_dir), "--quiet")
    assert result.returncode == 3
    assert "unchanged" in result.stderr
    assert read_manifest(current_generation(settings.index_dir)) == before
    assert httpx.get(f"{server}/search", params={"q": "flood embankments"}).json()["total"] > 0


def test_kill_9_during_ingest_leaves_the_previous_index_usable(tmp_path):
    index_dir = tmp_path / "idx"
    papers = tmp_path / "papers"
    papers.mkdir()
    (papers / "first.md").write_text(paperkit.LIBRARY_STRATEGY_MD)
    assert run_cli("ingest", str(papers), "--index", str(index_dir), "--quiet").returncode == 0
    before = read_manifest(current_generation(index_dir))

    # Enough distinct new text (no file repeats another) that the ingest is still embedding when killed.
    for n in range(40):
        words = random.Random(n).choices(WORDS, k=900)
        pages = [" ".join(words[i:i + 300]).capitalize() + "." for i in range(0, 900, 300)]
        paperkit.write_pdf(papers / f"report-{n}.pdf", pages)
    process = subprocess.Popen([*CLI, "ingest", str(papers), "--index", str(index_dir), "--quiet"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while not list(index_dir.glob(".building-*")) and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.5)
    assert process.poll() is None, "ingest finished before it could be interrupted"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()

    assert read_manifest(current_generation(index_dir)) == before
    index = open_index(index_dir)
    assert index.chunks == before["counts"]["chunks"] == index.vectors.ntotal

    # The next ingest cleans up after the killed one and completes.
    assert run_cli("ingest", str(papers), "--index", str(index_dir), "--quiet").returncode == 0
    assert read_manifest(current_generation(index_dir))["counts"]["files"] == 41
    assert not list(index_dir.glob(".building-*"))
