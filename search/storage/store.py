"""The SQLite store: documents, chunks, decisions (with an FTS5 index), links, and the sources read.

Everything a user can see lives here; FAISS holds only vectors keyed by chunk id, and bm25.py the
passages' precomputed BM25 weights.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import fields
from pathlib import Path

import numpy as np

from minutebook.search.storage.vectors import from_int8, to_int8
from minutebook.vocabulary import Chunk, Decision, Document, Link

DOCUMENT_COLUMNS = [f.name for f in fields(Document)] + ["meeting_id"]
CHUNK_COLUMNS = [
    "id", "document_id", "ordinal", "text", "embed_text", "page", "last_page",
    "printed_page", "section", "paragraph", "kind", "ocr", "page_breaks",
]

SCHEMA = f"""
CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    {", ".join(c + " " + ("INTEGER" if c in {"ordinal", "first_page", "last_page", "key_decision", "exempt"} else "TEXT") for c in DOCUMENT_COLUMNS)}
);
CREATE TABLE chunks (
    id INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id),
    ordinal INTEGER NOT NULL,
    text TEXT NOT NULL,
    embed_text TEXT NOT NULL,
    page INTEGER,
    last_page INTEGER,
    printed_page TEXT,
    section TEXT,
    paragraph TEXT,
    kind TEXT NOT NULL DEFAULT 'text',
    ocr REAL,  -- word confidence of a passage read by OCR from a scan; NULL for a text layer
    page_breaks TEXT  -- JSON [[offset, page], ...] where each later page begins; NULL on one page
);
CREATE INDEX chunks_document ON chunks(document_id, ordinal);
-- Each passage's sentence vectors (one row per sentence as ingest/chunk.sentence_spans reads them): int8
-- codes and a float32 scale a sentence (vectors.to_int8); float16 and no scales in an index built before.
CREATE TABLE sentence_vectors (chunk_id INTEGER PRIMARY KEY, vectors BLOB NOT NULL, scales BLOB);
CREATE INDEX documents_meeting ON documents(meeting_id);
CREATE INDEX documents_repeat ON documents(repeat_of);
CREATE TABLE decisions (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    document_id TEXT NOT NULL REFERENCES documents(id),
    ordinal INTEGER NOT NULL,
    text TEXT NOT NULL,
    items TEXT NOT NULL,  -- JSON list
    page INTEGER,
    last_page INTEGER,
    section TEXT,
    reference TEXT,
    title TEXT,
    details TEXT NOT NULL  -- JSON object
);
CREATE INDEX decisions_kind ON decisions(kind, document_id);
CREATE INDEX decisions_reference ON decisions(reference);
CREATE VIRTUAL TABLE decisions_fts USING fts5(
    text, title, content='decisions', content_rowid='rowid', tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TABLE links (
    kind TEXT NOT NULL,
    source_id TEXT NOT NULL,
    target_id TEXT NOT NULL,
    outcome TEXT,
    score REAL,
    evidence TEXT NOT NULL  -- JSON list
);
CREATE INDEX links_source ON links(source_id);
CREATE INDEX links_target ON links(target_id);
-- When each paper first entered the index (kept from build to build): what a watch's feed calls new.
CREATE TABLE seen (document_id TEXT PRIMARY KEY, first_seen TEXT NOT NULL);
CREATE TABLE sources (
    path TEXT PRIMARY KEY,
    file_hash TEXT,
    pages INTEGER,
    documents INTEGER,
    chunks INTEGER
);
"""


def create_store(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path)
    conn.executescript(SCHEMA)
    return conn


def open_store(path: Path) -> sqlite3.Connection:
    """A read-only connection: the serving side never writes a built index."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    return conn


def insert_document(conn: sqlite3.Connection, document: Document, chunks: Sequence[Chunk]) -> None:
    values = [document.id] + [getattr(document, c) for c in DOCUMENT_COLUMNS]
    conn.execute(
        f"INSERT INTO documents (id, {', '.join(DOCUMENT_COLUMNS)}) VALUES ({', '.join('?' * len(values))})",
        values,
    )
    conn.executemany(
        f"INSERT INTO chunks ({', '.join(CHUNK_COLUMNS)}) VALUES ({', '.join('?' * len(CHUNK_COLUMNS))})",
        [
            (c.id, c.document_id, c.ordinal, c.text, c.embed_text, c.page, c.last_page,
             c.printed_page, c.section, c.paragraph, c.kind, c.ocr, json.dumps(c.page_breaks) if c.page_breaks else None)
            for c in chunks
        ],
    )


def set_organisation(conn: sqlite3.Connection, document_id: str, organisation: str) -> None:
    conn.execute("UPDATE documents SET organisation = ? WHERE id = ?", (organisation, document_id))


def insert_decisions(conn: sqlite3.Connection, decisions: Sequence[Decision]) -> None:
    conn.executemany(
        "INSERT OR IGNORE INTO decisions (id, kind, document_id, ordinal, text, items, page, last_page, section,"
        " reference, title, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (d.id, d.kind, d.document_id, d.ordinal, d.text, json.dumps(d.items), d.page, d.last_page,
             d.section, d.reference, d.title, json.dumps(d.details, default=str))
            for d in decisions
        ],
    )


def insert_sentence_vectors(conn: sqlite3.Connection, items: Sequence[tuple[int, np.ndarray]]) -> None:
    conn.executemany(
        "INSERT OR REPLACE INTO sentence_vectors (chunk_id, vectors, scales) VALUES (?, ?, ?)",
        [(chunk_id, *to_int8(m)) for chunk_id, m in items],
    )


def sentence_vectors(conn, ids: Sequence[int], dimension: int) -> dict[int, np.ndarray]:
    """The stored sentence vectors of these passages (none for an index built before they were kept)."""
    marks = ",".join("?" * len(ids))
    try:
        rows = conn.execute(f"SELECT chunk_id, vectors, scales FROM sentence_vectors WHERE chunk_id IN ({marks})", list(ids)).fetchall()
    except Exception as exc:  # noqa: BLE001 - SQLite and PostgreSQL say it their own ways
        # An index built before sentences were kept has no table; one built before they were int8
        # has no scales.
        if "scales" not in str(exc):
            return {}
        rows = conn.execute(f"SELECT chunk_id, vectors, NULL FROM sentence_vectors WHERE chunk_id IN ({marks})", list(ids)).fetchall()
    return {chunk_id: from_int8(blob, scales, dimension) for chunk_id, blob, scales in rows}


def insert_links(conn: sqlite3.Connection, links: Sequence[Link]) -> None:
    conn.executemany(
        "INSERT INTO links (kind, source_id, target_id, outcome, score, evidence) VALUES (?, ?, ?, ?, ?, ?)",
        [(l.kind, l.source_id, l.target_id, l.outcome, l.score, json.dumps(l.evidence)) for l in links],
    )


def insert_source(conn: sqlite3.Connection, path: str, file_hash: str, pages: int, documents: int, chunks: int) -> None:
    conn.execute(
        "INSERT OR REPLACE INTO sources (path, file_hash, pages, documents, chunks) VALUES (?, ?, ?, ?, ?)",
        (path, file_hash, pages, documents, chunks),
    )


def previously_seen(store_path: Path | None) -> dict[str, str]:
    """Document id -> when it first entered the index, from a previous generation's store ({} when
    there is none or it predates the record: its papers count as new now)."""
    if store_path is None or not store_path.exists():
        return {}
    conn = sqlite3.connect(f"file:{store_path}?mode=ro", uri=True)
    try:
        return dict(conn.execute("SELECT document_id, first_seen FROM seen"))
    except sqlite3.Error:
        return {}
    finally:
        conn.close()


def insert_seen(conn: sqlite3.Connection, before: dict[str, str], now: str) -> None:
    """Record when each paper of this build first entered the index: as before, or ``now``."""
    ids = [row[0] for row in conn.execute("SELECT id FROM documents")]
    conn.executemany("INSERT INTO seen (document_id, first_seen) VALUES (?, ?)", [(i, before.get(i, now)) for i in ids])


def finish_store(conn: sqlite3.Connection) -> None:
    """Fill the decisions' FTS index and the lexicon in one pass each, gather the planner's
    statistics, and compact the file."""
    from minutebook.search.storage.lexicon import build_lexicon

    build_lexicon(conn)
    conn.execute("INSERT INTO decisions_fts(decisions_fts) VALUES ('rebuild')")
    # Without statistics SQLite walks every passage to apply a filter on papers; with them it reads
    # the matching papers first (a body filter over 1M passages: 0.83 -> 0.08 s).
    conn.execute("ANALYZE")
    conn.commit()
    conn.execute("VACUUM")
    conn.close()


def counts(conn: sqlite3.Connection) -> tuple[int, int]:
    documents = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    chunks = conn.execute("SELECT count(*) FROM chunks").fetchone()[0]
    return int(documents), int(chunks)


def chunk_rows(conn: sqlite3.Connection, ids: Iterable[int]) -> dict[int, sqlite3.Row]:
    """Chunks joined with their document, by chunk id."""
    wanted = list(ids)
    rows: dict[int, sqlite3.Row] = {}
    for start in range(0, len(wanted), 500):
        part = wanted[start : start + 500]
        for row in _select_chunks(conn, part):
            rows[int(row["chunk_id"])] = row
    return rows


def _select_chunks(conn: sqlite3.Connection, ids: list[int]) -> list[sqlite3.Row]:
    # An index built before passages carried their OCR mark or their page breaks reads them as NULL.
    have = {column[0] for column in conn.execute("SELECT * FROM chunks LIMIT 0").description}
    optional = ", ".join(f"{'c.' + column if column in have else 'NULL'} AS {column}" for column in ("ocr", "page_breaks"))
    query = ("SELECT c.id AS chunk_id, c.text, c.page, c.last_page, c.printed_page, c.section,"
             f" c.paragraph, c.kind, {optional}, d.id AS document_id, d.title AS document_title,"
             " d.type AS document_type, d.source, d.organisation, d.body, d.meeting_date, d.agenda_item"
             f" FROM chunks c JOIN documents d ON d.id = c.document_id WHERE c.id IN ({','.join('?' * len(ids))})")
    return conn.execute(query, ids).fetchall()
