"""The index folder: generations swapped in atomically, and the opened index a server reads.

    index/
      embeddings.sqlite   embedding cache, outlives rebuilds
      current -> gen-...  symlink, replaced atomically (os.replace) when a build completes
      gen-.../            minutebook.sqlite, vectors.faiss, bm25.json + bm25-*.npy, manifest.json
      .building-.../      a build in progress; removed when found by a later build

A build writes a new generation beside the live one and only then moves ``current``, so a failed
or killed ingest leaves the previous index whole and served.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import sqlite3
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

import numpy as np

from minutebook.search.storage.bm25 import FILES as BM25_FILES

STORE_FILE = "minutebook.sqlite"
VECTORS_FILE = "vectors.faiss"
MANIFEST_FILE = "manifest.json"
CACHE_FILE = "embeddings.sqlite"
CURRENT = "current"


class IndexMissing(RuntimeError):
    """No usable index; the message says what to do."""


class IndexBusy(RuntimeError):
    """Another ingest is writing this index."""


@contextmanager
def build_lock(index_dir: Path) -> Iterator[None]:
    """One writer per index folder."""
    index_dir.mkdir(parents=True, exist_ok=True)
    with (index_dir / ".lock").open("w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise IndexBusy(f"another ingest is writing {index_dir}; wait for it to finish") from exc
        yield


def new_generation(index_dir: Path) -> Path:
    """A fresh folder to build into; leftovers of interrupted builds are removed first."""
    for stale in index_dir.glob(".building-*"):
        shutil.rmtree(stale, ignore_errors=True)
    # pid and a nanosecond stamp: two builds in one second (one process, e.g. a library caller) never collide
    path = index_dir / f".building-{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}-{time.time_ns() % 10**9:09d}"
    path.mkdir()
    return path


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def publish_generation(index_dir: Path, building: Path) -> Path:
    """Make a completed build the live index, atomically, and drop generations before the last."""
    for name in (STORE_FILE, VECTORS_FILE, *BM25_FILES, MANIFEST_FILE):
        with (building / name).open("rb") as handle:
            os.fsync(handle.fileno())
    final = index_dir / building.name.replace(".building-", "gen-", 1)
    os.rename(building, final)
    previous = current_generation(index_dir)
    link = index_dir / f".{CURRENT}.tmp"
    if link.is_symlink() or link.exists():
        link.unlink()
    os.symlink(final.name, link)
    os.replace(link, index_dir / CURRENT)
    _fsync_dir(index_dir)
    # Keep the one before too: a server that resolved it a moment ago may still be opening it.
    keep = {final.name} | ({previous.name} if previous else set())
    for old in index_dir.glob("gen-*"):
        if old.name not in keep:
            shutil.rmtree(old, ignore_errors=True)
    return final


def current_generation(index_dir: Path) -> Path | None:
    link = index_dir / CURRENT
    if not link.is_symlink():
        return None
    target = index_dir / os.readlink(link)
    return target if (target / MANIFEST_FILE).is_file() else None


def read_manifest(generation: Path) -> dict[str, Any]:
    return json.loads((generation / MANIFEST_FILE).read_text())


def write_manifest(generation: Path, manifest: dict[str, Any]) -> None:
    (generation / MANIFEST_FILE).write_text(json.dumps(manifest, indent=2, sort_keys=True))


class StoreReads:
    """What every opened index derives from its store (``conn``): its counts, lexicon and bodies."""

    def allowed(self, filters):
        """What the rankings take as ``allowed`` for ``filters`` (search.filters.Filters): here the
        chunk ids passing them (None when nothing is filtered). PostgreSQL keeps the filter itself
        and applies it in SQL (postgres.PgIndex.allowed)."""
        if not filters:
            return None
        return np.fromiter((r[0] for r in self.conn.execute(*filters.passages())), dtype=np.int64)

    def _count(self) -> None:
        self.documents, self.chunks = self.conn.execute(
            "SELECT (SELECT count(*) FROM documents WHERE repeat_of IS NULL), (SELECT count(*) FROM chunks)"
        ).fetchone()

    @property
    def lexicon(self):
        """The corpus's words and acronyms, loaded on first use."""
        if getattr(self, "_lexicon", None) is None:
            from minutebook.search.storage.lexicon import Lexicon

            self._lexicon = Lexicon.load(self.conn)
        return self._lexicon

    @property
    def bodies(self) -> list[str]:
        """The decision-making bodies the papers name, for recognising them in questions."""
        if getattr(self, "_bodies", None) is None:
            self._bodies = [b for (b,) in self.conn.execute("SELECT DISTINCT body FROM documents WHERE body IS NOT NULL")]
        return self._bodies


class Index(StoreReads):
    """A built generation opened for reading: the SQLite store, the FAISS vectors, the BM25 weights,
    the manifest."""

    def __init__(self, generation: Path) -> None:
        import faiss

        from .bm25 import MANIFEST as BM25_MANIFEST, SparseBM25

        self.generation = generation
        self.manifest = read_manifest(generation)
        if not (generation / BM25_MANIFEST).is_file():
            raise IndexMissing(f"{generation} was built by an older minutebook (no BM25 weights): re-run "
                               "`minutebook ingest` (unchanged papers are neither parsed nor embedded again)")
        self.vectors = faiss.read_index(str(generation / VECTORS_FILE))
        self.bm25 = SparseBM25.load(generation)
        self._local = threading.local()
        self._count()

    @property
    def name(self) -> str:
        """The generation's name, as a server reports what it serves."""
        return self.generation.name

    def lexical(self, words: list[str], k: int, allowed=None) -> list[tuple[int, float]]:
        """The ``k`` best (chunk id, BM25 score) for query words, among ``allowed`` chunk ids if given."""
        columns = self.bm25.columns(words)
        if not columns or (allowed is not None and len(allowed) == 0):
            return []
        return self.bm25.top(columns, k, self.bm25.allowed_rows(allowed) if allowed is not None else None)

    def dense(self, vector, k: int, allowed=None) -> list[tuple[int, float]]:
        """The ``k`` nearest (chunk id, cosine) to a unit query vector, among ``allowed`` if given."""
        from .vectors import search_vectors

        if self.vectors.ntotal == 0 or (allowed is not None and len(allowed) == 0):
            return []
        scores, ids = search_vectors(self.vectors, vector, k, allowed)  # flat or IVF, filtered inside
        return [(int(i), float(s)) for i, s in zip(ids, scores) if i >= 0]

    @property
    def conn(self) -> sqlite3.Connection:
        """One read-only connection per thread (FastAPI serves sync routes from a thread pool)."""
        conn = getattr(self._local, "conn", None)
        if conn is None:
            from .store import open_store

            conn = open_store(self.generation / STORE_FILE)
            self._local.conn = conn
        return conn


def open_index(index_dir: Path) -> Index:
    generation = current_generation(index_dir)
    if generation is None:
        raise IndexMissing(
            f"no index in {index_dir}: build one with `minutebook ingest PATH --index {index_dir}`"
        )
    return Index(generation)
