"""A failed or killed ingest leaves the previous index whole and served."""

from __future__ import annotations

import httpx

from minutebook.search.storage.index import current_generation, read_manifest

from .conftest import run_cli


def test_an_ingest_with_nothing_readable_keeps_the_old_index(built_index, server, tmp_path):
    settings, _ = built_index
    before = read_manifest(current_generation(settings.index_dir))
    (tmp_path / "bad.pdf").write_bytes(b"%PDF-1.4 truncated")
    result = run_cli("ingest", str(tmp_path / "bad.pdf"), "--index", str(settings.index_dir), "--quiet")
    assert result.returncode == 3
    assert "unchanged" in result.stderr
    assert read_manifest(current_generation(settings.index_dir)) == before
    assert httpx.get(f"{server}/search", params={"q": "flood embankments"}).json()["total"] > 0


# kill -9 during ingest: tests/test_kill_ingest.py kills twenty ingests at seeded moments across the run.
