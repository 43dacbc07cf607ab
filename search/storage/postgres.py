"""The PostgreSQL backend: a built index published into PostgreSQL (pgvector holds the passage
vectors, rows hold the BM25 weights the build computed), read by any number of servers.

Each publication is a schema of its own (``gen_<stamp>``) holding the same tables as the embedded
store, plus ``passage_vectors`` (pgvector, HNSW) and ``bm25_terms`` / ``bm25_postings``. One
transaction creates it and points ``minutebook.current`` at it, so a reader sees the collection
before or after, never between; the publication before stays for servers still reading it.

Nothing a request needs lives only in one process: servers find the current schema in the
database, and every ranking runs there. The SQL the rest of the code writes for SQLite runs here
through PgConnection, which takes "?" placeholders and gives rows read by name or position.
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
import time
from collections.abc import Callable, Sequence
from contextlib import closing
from pathlib import Path
from typing import Any

import numpy as np

from minutebook.search.storage.bm25 import SparseBM25, tokenize
from minutebook.search.storage.index import STORE_FILE, VECTORS_FILE, StoreReads, read_manifest

CONTROL = "minutebook"  # the schema holding the pointer to the current publication
KEEP = 2  # publications kept: the current one and the one before
PUBLISH_LOCK = 0x6D696E75  # advisory lock key serialising publications
HNSW_EF_SEARCH = 200  # candidates the HNSW graph visits per query (pgvector's default is 40)
_TYPES = {"INTEGER": "bigint", "REAL": "double precision", "TEXT": "text", "BLOB": "bytea", "": "text"}
_INDEXES = (
    "CREATE UNIQUE INDEX ON chunks (id)",
    "CREATE UNIQUE INDEX ON documents (id)",
    "CREATE INDEX ON chunks (document_id, ordinal)",
    "CREATE INDEX ON documents (meeting_id)",
    "CREATE INDEX ON documents (repeat_of)",
    "CREATE INDEX ON decisions (kind, document_id)",
    "CREATE INDEX ON decisions (reference)",
    "CREATE INDEX ON decision_postings (term_id)",
    "CREATE INDEX ON links (source_id)",
    "CREATE INDEX ON links (target_id)",
)


class DatabaseError(RuntimeError):
    """The database cannot be reached or holds no collection; the message says what to do."""


def connect(url: str, schema: str | None = None, autocommit: bool = False):
    import psycopg

    try:
        conn = psycopg.connect(url, autocommit=autocommit)
    except psycopg.OperationalError as exc:
        raise DatabaseError(f"cannot connect to {redact(url)}: {str(exc).strip()}") from None
    if schema:
        conn.execute(f'SET search_path TO "{schema}", public')
        conn.execute(f"SET hnsw.ef_search = {HNSW_EF_SEARCH}")
        conn.execute("SET hnsw.iterative_scan = strict_order")  # a filtered search still finds k, in order
        conn.commit()
    return conn


def redact(url: str) -> str:
    """A database URL without its password, for messages."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)


def current_generation(url: str) -> str | None:
    """The schema of the publication servers should read, or None when nothing was published."""
    with connect(url) as conn:
        exists = conn.execute("SELECT to_regclass(%s)", [f"{CONTROL}.current"]).fetchone()[0]
        if not exists:
            return None
        row = conn.execute(f"SELECT generation FROM {CONTROL}.current").fetchone()
        return row[0] if row else None


def migrate(generation: Path, url: str, progress: Callable[[str], None] = lambda _: None) -> str:
    """Publish a built embedded generation into PostgreSQL without embedding anything again; returns
    the new schema's name. Everything is written in one transaction."""
    import faiss

    from .vectors import stored_vectors

    manifest = read_manifest(generation)
    schema = f"gen_{time.strftime('%Y%m%dT%H%M%S')}_{time.time_ns() % 10**9:09d}"
    with closing(sqlite3.connect(f"file:{generation / STORE_FILE}?mode=ro", uri=True)) as source, connect(url) as conn:
        conn.execute("SELECT pg_advisory_xact_lock(%s)", [PUBLISH_LOCK])  # one publication at a time
        conn.execute("CREATE EXTENSION IF NOT EXISTS vector")
        conn.execute(f"CREATE SCHEMA IF NOT EXISTS {CONTROL}")
        conn.execute(f"CREATE TABLE IF NOT EXISTS {CONTROL}.current (generation text NOT NULL, published text NOT NULL)")
        # In the order published (a sequence: two publications may share a second).
        conn.execute(f"CREATE TABLE IF NOT EXISTS {CONTROL}.published "
                     "(n bigserial PRIMARY KEY, generation text UNIQUE NOT NULL, published text NOT NULL)")
        conn.execute(f'CREATE SCHEMA "{schema}"')
        conn.execute(f'SET LOCAL search_path TO "{schema}", public')
        for table in _tables(source):
            progress(f"copying {table}")
            _copy_table(source, conn, table)
        # FTS5's bm25() over a decision's text and title is BM25 over the two read as one text.
        _copy_bm25(SparseBM25.build(source.execute("SELECT rowid, text || ' ' || coalesce(title, '') FROM decisions ORDER BY rowid")),
                   conn, "decision", "rowid")
        progress("copying passage vectors")
        vectors = faiss.read_index(str(generation / VECTORS_FILE))
        ids, matrix = stored_vectors(vectors)
        conn.execute(f"CREATE TABLE passage_vectors (chunk_id bigint PRIMARY KEY, embedding vector({vectors.d}) NOT NULL)")
        with conn.cursor().copy("COPY passage_vectors (chunk_id, embedding) FROM STDIN") as copy:
            for chunk_id, vector in zip(ids.tolist(), matrix):
                copy.write_row((chunk_id, "[" + ",".join(map(repr, vector.tolist())) + "]"))
        progress("copying BM25 weights")
        write_passage_bm25(conn, SparseBM25.load(generation))
        progress("indexing")
        for statement in _INDEXES:
            conn.execute(statement)
        conn.execute("CREATE INDEX ON passage_vectors USING hnsw (embedding vector_ip_ops)")
        for (table,) in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = %s", [schema]).fetchall():
            conn.execute(f'ANALYZE "{schema}"."{table}"')  # the planner's statistics, before any server reads it
        conn.execute("CREATE TABLE manifest (data text NOT NULL)")
        conn.execute("INSERT INTO manifest VALUES (%s)", [json.dumps({**manifest, "migrated_from": generation.name})])
        now = time.strftime("%Y-%m-%dT%H:%M:%S")
        conn.execute(f"INSERT INTO {CONTROL}.published (generation, published) VALUES (%s, %s)", [schema, now])
        conn.execute(f"DELETE FROM {CONTROL}.current")
        conn.execute(f"INSERT INTO {CONTROL}.current VALUES (%s, %s)", [schema, now])
        old = [name for (name,) in conn.execute(
            f"SELECT generation FROM {CONTROL}.published ORDER BY n DESC OFFSET {KEEP}")]
        for name in old:
            conn.execute(f'DROP SCHEMA IF EXISTS "{name}" CASCADE')
            conn.execute(f"DELETE FROM {CONTROL}.published WHERE generation = %s", [name])
    return schema


def _tables(source: sqlite3.Connection) -> list[str]:
    """The store's tables, but FTS5's (PostgreSQL searches decisions' text its own way)."""
    return [name for (name,) in source.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid")
            if not name.startswith("decisions_fts")]


def _copy_table(source: sqlite3.Connection, conn, table: str) -> None:
    columns = [(name, _TYPES.get((kind or "").upper(), "text")) for _, name, kind, *_ in source.execute(f"PRAGMA table_info({table})")]
    names = [name for name, _ in columns]
    if table == "decisions":  # FTS5 and the registers key decisions on SQLite's rowid
        columns.insert(0, ("rowid", "bigint"))
        names.insert(0, "rowid")
    conn.execute(f"CREATE TABLE {table} ({', '.join(f'{name} {kind}' for name, kind in columns)})")
    select = f"SELECT {', '.join(names)} FROM {table}"
    with conn.cursor().copy(f"COPY {table} ({', '.join(names)}) FROM STDIN") as copy:
        for row in source.execute(select):
            copy.write_row(row)


def write_passage_bm25(conn, bm25: SparseBM25) -> None:
    """The passages' BM25 weights as PgIndex.lexical reads them: rows per (term, passage), indexed
    by term (a lexical search sums its terms' postings)."""
    _copy_bm25(bm25, conn, "bm25", "chunk_id")
    conn.execute("CREATE INDEX ON bm25_postings (term_id)")


def _copy_bm25(bm25: SparseBM25, conn, prefix: str, key: str) -> None:
    """BM25 weights as rows: ``{prefix}_terms`` (term, term_id), ``{prefix}_postings`` (term_id, ``key``, weight)."""
    conn.execute(f"CREATE TABLE {prefix}_terms (term text PRIMARY KEY, term_id integer NOT NULL)")
    conn.execute(f"CREATE TABLE {prefix}_postings (term_id integer NOT NULL, {key} bigint NOT NULL, weight real NOT NULL)")
    with conn.cursor().copy(f"COPY {prefix}_terms (term, term_id) FROM STDIN") as copy:
        for term, term_id in bm25.vocabulary.items():
            copy.write_row((term, term_id))
    ids = np.asarray(bm25.ids)
    offsets = np.asarray(bm25.offsets)
    with conn.cursor().copy(f"COPY {prefix}_postings (term_id, {key}, weight) FROM STDIN") as copy:
        for term_id in range(len(offsets) - 1):
            start, end = int(offsets[term_id]), int(offsets[term_id + 1])
            for row, weight in zip(np.asarray(bm25.rows[start:end]).tolist(), np.asarray(bm25.weights[start:end]).tolist()):
                copy.write_row((term_id, int(ids[row]), weight))


class Row(tuple):
    """A result row read by position or by column name, as sqlite3.Row is."""

    _names: dict[str, int]

    def __getitem__(self, key):  # type: ignore[override]
        return tuple.__getitem__(self, self._names[key] if isinstance(key, str) else key)

    def keys(self) -> list[str]:
        return list(self._names)


def _row_factory(cursor):
    names = {column.name: n for n, column in enumerate(cursor.description or ())}
    kind = type("Row", (Row,), {"_names": names})
    return lambda values: kind(values)


class PgConnection:
    """A psycopg connection that runs the SQL written for the embedded store: "?" placeholders, rows
    by name or position, reads only (each statement in its own short transaction)."""

    dialect = "postgresql"

    def __init__(self, conn) -> None:
        self._conn = conn

    def execute(self, sql: str, params: Sequence[Any] = ()):
        cursor = self._conn.cursor(row_factory=_row_factory)
        cursor.execute(_placeholders(sql), list(params) or None)
        return cursor

    def close(self) -> None:
        self._conn.close()


def _placeholders(sql: str) -> str:
    return sql.replace("%", "%%").replace("?", "%s")


class PgIndex(StoreReads):
    """A publication opened for reading: the same reads as search.storage.index.Index, run in
    PostgreSQL (rankings included)."""

    def __init__(self, url: str, generation: str) -> None:
        self.url = url
        self.generation = generation
        self._local = threading.local()
        self.manifest = json.loads(self.conn.execute("SELECT data FROM manifest").fetchone()[0])
        self._count()

    @property
    def name(self) -> str:
        return self.generation

    @property
    def conn(self) -> PgConnection:
        """One connection per thread, in autocommit: every statement reads the data committed."""
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = PgConnection(connect(self.url, self.generation, autocommit=True))
            self._local.conn = conn
        return conn

    def allowed(self, filters):
        """The filter itself: both rankings apply it in SQL, joined to the papers' metadata (a list
        of allowed ids would be sent and parsed with every query)."""
        return filters or None

    @staticmethod
    def _only(allowed, column: str) -> tuple[str, list]:
        """A condition keeping ``column`` (a chunk id) to the passages ``allowed`` (a Filters, as
        allowed() gives it; None: every passage)."""
        if allowed is None:
            return "", []
        passages, params = allowed.passages()
        return f" AND {column} IN ({passages})", params

    def lexical(self, words: list[str], k: int, allowed=None) -> list[tuple[int, float]]:
        """BM25 summed from the stored weights, best first (equal scores by chunk id)."""
        terms = list(dict.fromkeys(token for word in words for token in tokenize(word)))
        if not terms or k < 1:
            return []
        only, params = self._only(allowed, "p.chunk_id")
        rows = self.conn.execute(
            "SELECT p.chunk_id, sum(p.weight)::real AS score FROM bm25_postings p JOIN bm25_terms t ON t.term_id = p.term_id"
            f" WHERE t.term = ANY(?){only} GROUP BY p.chunk_id ORDER BY score DESC, p.chunk_id LIMIT {int(k)}",
            [terms, *params],
        )
        return [(int(chunk_id), float(score)) for chunk_id, score in rows]

    def dense(self, vector, k: int, allowed=None) -> list[tuple[int, float]]:
        """Nearest passages by inner product (unit vectors: the cosine), best first."""
        literal = "[" + ",".join(map(repr, np.asarray(vector, dtype=np.float32).tolist())) + "]"
        only, params = self._only(allowed, "chunk_id")
        rows = self.conn.execute(
            f"SELECT chunk_id, -(embedding <#> ?::vector) AS score FROM passage_vectors WHERE TRUE{only}"
            f" ORDER BY embedding <#> ?::vector LIMIT {int(k)}",
            [literal, *params, literal],
        )
        return [(int(chunk_id), float(score)) for chunk_id, score in rows]
