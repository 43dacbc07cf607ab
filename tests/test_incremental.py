"""Incremental ingest: unchanged files are neither parsed nor embedded again, a changed or new file
is processed alone, files not given are kept, and ``--prune`` drops the ones gone from disk.

Correctness check throughout: the incrementally built index holds exactly the rows (documents,
passages, decisions, links) and BM25 weights a from-scratch build of the same files gives.
"""

from __future__ import annotations

import shutil
import sqlite3
import time

import pytest

from minutebook.search.storage.bm25 import SparseBM25
from minutebook.search.storage.build import build_index
from minutebook.search.storage.index import STORE_FILE, current_generation, open_index
from minutebook.settings import load_settings

from . import paperkit
from .conftest import run_cli

TABLES = {
    "documents": "SELECT * FROM documents ORDER BY id",
    "chunks": "SELECT id, document_id, ordinal, text, embed_text, page, section FROM chunks ORDER BY id",
    "decisions": "SELECT * FROM decisions ORDER BY id",
    "links": "SELECT kind, source_id, target_id, outcome, score, evidence FROM links ORDER BY 1, 2, 3",
    # Sizes, not bytes: vectors computed in other batches differ in their last bits.
    "sentence_vectors": "SELECT chunk_id, length(vectors) FROM sentence_vectors ORDER BY chunk_id",
}


def _rows(index_dir) -> dict[str, list]:
    """The store's rows and the generation's BM25 weights (which must follow the store exactly)."""
    conn = sqlite3.connect(current_generation(index_dir) / STORE_FILE)
    try:
        rows = {name: conn.execute(sql).fetchall() for name, sql in TABLES.items()}
    finally:
        conn.close()
    bm25 = SparseBM25.load(current_generation(index_dir))
    rows["bm25"] = [bm25.vocabulary, *(getattr(bm25, name).tolist() for name in ("ids", "offsets", "rows", "weights"))]
    assert bm25.ids.tolist() == [row[0] for row in rows["chunks"]]
    return rows


def _write_papers(folder):
    folder.mkdir()
    paperkit.write_pdf(folder / "committee-pack.pdf", paperkit.COMMITTEE_PACK_PAGES, footer="Page {n}")
    paperkit.write_pdf(folder / "street-trees-report.pdf", paperkit.COMMITTEE_PACK_PAGES[4:6])  # a repeat
    (folder / "minutes.txt").write_text(paperkit.COMMITTEE_MINUTES_TXT)
    (folder / "car-parks.txt").write_text(paperkit.CAR_PARK_REPORT_TXT)
    (folder / "libraries.md").write_text(paperkit.LIBRARY_STRATEGY_MD)


@pytest.fixture()
def folders(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    _write_papers(first)
    second.mkdir()
    (second / "grants.txt").write_bytes(paperkit.GRANT_NOTE_CP1252.encode("cp1252"))
    (second / "flood.html").write_text(paperkit.FLOOD_NOTICE_HTML)
    return tmp_path, first, second


def _from_scratch(tmp_path, embedder, *paths):
    settings = load_settings(index_dir=tmp_path / f"scratch-{time.monotonic_ns()}")
    build_index(list(paths), settings, embedder, progress=False)
    return _rows(settings.index_dir)


def test_an_unchanged_folder_is_not_parsed_or_embedded_again(folders, embedder):
    tmp_path, first, _ = folders
    settings = load_settings(index_dir=tmp_path / "index")
    started = time.perf_counter()
    full = build_index([first], settings, embedder, progress=False)
    first_seconds = time.perf_counter() - started
    before = _rows(settings.index_dir)
    started = time.perf_counter()
    again = build_index([first], settings, embedder, progress=False)
    again_seconds = time.perf_counter() - started
    print(f"first ingest {first_seconds:.2f} s, unchanged re-ingest {again_seconds:.2f} s")
    assert full.reused == 0 and full.files_read == 5
    assert again.reused == 5 and again.embedded == 0 and again.files_read == 5
    assert _rows(settings.index_dir) == before
    assert again.repeats == full.repeats == 1 and again.links == full.links


def test_a_changed_or_new_file_is_processed_alone(folders, embedder):
    tmp_path, first, _ = folders
    settings = load_settings(index_dir=tmp_path / "index")
    build_index([first], settings, embedder, progress=False)
    (first / "libraries.md").write_text(paperkit.LIBRARY_STRATEGY_MD.replace("five days", "six days"))
    (first / "new-note.md").write_text("# Play areas\n\nThe council will resurface the Beacon Park playground this summer.\n")
    report = build_index([first], settings, embedder, progress=False)
    assert report.reused == 4 and report.files_read == 6
    assert report.embedded == 2  # the changed passage and the new one; nothing else reached the model
    texts = " ".join(row[3] for row in _rows(settings.index_dir)["chunks"])
    assert "six days a week" in texts and "five days a week" not in texts and "Beacon Park" in texts
    assert _rows(settings.index_dir) == _from_scratch(tmp_path, embedder, first)


def test_files_not_given_are_kept_and_prune_drops_the_ones_gone(folders, embedder):
    tmp_path, first, second = folders
    index_dir = tmp_path / "index"
    settings = load_settings(index_dir=index_dir)
    build_index([first], settings, embedder, progress=False)
    added = build_index([second], settings, embedder, progress=False)
    assert added.files_read == 7 and added.reused == 5  # the first folder's five, kept without parsing
    assert _rows(index_dir) == _from_scratch(tmp_path, embedder, first, second)

    (first / "car-parks.txt").unlink()
    kept = build_index([second], settings, embedder, progress=False)
    assert kept.files_read == 7 and kept.pruned == 0  # gone from disk, still in the index without --prune

    result = run_cli("ingest", str(second), "--index", str(index_dir), "--prune", "--quiet")
    assert result.returncode == 0, result.stderr
    assert "pruned 1" in result.stdout
    sources = {r[0] for r in sqlite3.connect(current_generation(index_dir) / STORE_FILE).execute("SELECT path FROM sources")}
    assert str(first / "car-parks.txt") not in sources and len(sources) == 6
    assert _rows(index_dir) == _from_scratch(tmp_path, embedder, first, second)
    index = open_index(index_dir)
    assert index.vectors.ntotal == index.chunks


def test_remove_drops_files_and_folders_and_refuses_what_the_index_does_not_hold(folders, embedder):
    tmp_path, first, second = folders
    index_dir = tmp_path / "index"
    build_index([first, second], load_settings(index_dir=index_dir), embedder, progress=False)
    before = current_generation(index_dir)

    missing = run_cli("remove", str(tmp_path / "nowhere.pdf"), "--index", str(index_dir), "--quiet")
    assert missing.returncode == 2 and "holds no file at" in missing.stderr
    assert current_generation(index_dir) == before  # nothing was built

    one = run_cli("remove", str(second / "flood.html"), "--index", str(index_dir), "--quiet")
    assert one.returncode == 0, one.stderr
    assert one.stdout.startswith("removed 1 file; 6 files")
    folder = run_cli("remove", str(second), "--index", str(index_dir), "--quiet", "--json")
    assert folder.returncode == 0 and '"removed": 1' in folder.stdout  # the folder's one remaining file
    assert _rows(index_dir) == _from_scratch(tmp_path, embedder, first)  # as if the folder was never read

    everything = run_cli("remove", str(first), "--index", str(index_dir), "--quiet")
    assert everything.returncode == 2 and "leave the index empty" in everything.stderr


def test_a_moved_file_is_parsed_under_its_new_name_without_embedding_again(folders, embedder):
    tmp_path, first, _ = folders
    settings = load_settings(index_dir=tmp_path / "index")
    build_index([first], settings, embedder, progress=False)
    shutil.move(first / "minutes.txt", first / "minutes-2024-03-12.txt")
    report = build_index([first], settings, embedder, progress=False, prune=True)
    assert report.pruned == 1 and report.reused == 4 and report.embedded == 0
    assert _rows(settings.index_dir) == _from_scratch(tmp_path, embedder, first)


def test_an_ingest_that_reads_nothing_leaves_no_new_index_folder(tmp_path):
    index_dir = tmp_path / "new-index"
    result = run_cli("ingest", str(tmp_path / "no-such-folder"), "--index", str(index_dir), "--quiet")
    assert result.returncode == 3 and "no such file or folder" in result.stderr
    assert not index_dir.exists()


def test_a_cache_in_the_earlier_layout_is_moved_and_nothing_is_embedded_again(folders, embedder):
    import numpy as np

    from minutebook.search.storage.build import CACHE_FILE
    from minutebook.search.storage.vectors import from_int8

    tmp_path, first, _ = folders
    settings = load_settings(index_dir=tmp_path / "index-old-cache")
    build_index([first], settings, embedder, progress=False)
    # The cache as the earlier layout wrote it: two WITHOUT ROWID tables, vectors and sentence vectors.
    with sqlite3.connect(settings.index_dir / CACHE_FILE) as conn:
        conn.execute("CREATE TABLE embeddings (model TEXT NOT NULL, key BLOB NOT NULL, vector BLOB NOT NULL,"
                     " PRIMARY KEY (model, key)) WITHOUT ROWID")
        conn.execute("CREATE TABLE sentence_embeddings (model TEXT NOT NULL, key BLOB NOT NULL, vectors BLOB NOT NULL,"
                     " PRIMARY KEY (model, key)) WITHOUT ROWID")
        conn.execute("INSERT INTO embeddings SELECT model, key, vector FROM vectors")
        rows = conn.execute("SELECT model, key, sentences, sentence_scales FROM vectors WHERE sentences IS NOT NULL").fetchall()
        conn.executemany("INSERT INTO sentence_embeddings VALUES (?, ?, ?)",  # float16, as that layout kept them
                         [(model, key, from_int8(codes, scales, 384).astype(np.float16).tobytes()) for model, key, codes, scales in rows])
        conn.execute("DROP TABLE vectors")
    (first / "new-note.md").write_text("# Play areas\n\nThe council will resurface the Beacon Park playground this summer.\n")
    report = build_index([first], settings, embedder, progress=False)
    assert report.embedded == 1  # the new passage only: every cached vector and sentence vector was kept
    with sqlite3.connect(settings.index_dir / CACHE_FILE) as conn:
        tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert tables == {"vectors"}
    assert _rows(settings.index_dir) == _from_scratch(tmp_path, embedder, first)
    (first / "new-note.md").unlink()
