"""Ingest through PostgreSQL: files queued as jobs, read by any number of workers, published once.

``enqueue`` stores each file's bytes as a job of a new batch. A worker (``work``) takes one job at a
time with ``SELECT ... FOR UPDATE SKIP LOCKED`` under a lease it keeps renewing, parses the file,
embeds its passages, and commits the parse and the vectors into the shared caches together with
the job's end, in one transaction. A worker killed mid-job commits nothing; once its lease has run
out the job is taken again. When no job is left, one process (``publish``, under an advisory lock)
assembles the collection from the shared caches (the previous publication's papers and every
finished job: nothing is parsed or embedded again), links decisions across papers, and publishes it
as a new schema in one transaction (postgres.migrate).
"""

from __future__ import annotations

import os
import socket
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from minutebook.ingest.ocr import Ocr
from minutebook.ingest.pipeline import Kept, ParsedFile, find_files, parse_file
from minutebook.ingest.read import content_hash
from minutebook.settings import Settings
from minutebook.vocabulary import Skipped

from minutebook.search.storage import postgres
from minutebook.search.storage.build import BuildReport, NothingIndexed, assemble, embedded_spans
from minutebook.search.storage.embed import Embedder, embed_cached
from minutebook.search.storage.parsed import decode, encode, parser_fingerprint

C = postgres.CONTROL
PUBLISH_LOCK = 0x6D696E76  # advisory lock key: one process assembles and publishes at a time
MAX_ATTEMPTS = 3  # a file whose worker died this often is reported as failed, not taken again

_SCHEMA = (
    f"CREATE SCHEMA IF NOT EXISTS {C}",
    f"CREATE TABLE IF NOT EXISTS {C}.batches (id bigserial PRIMARY KEY, queued timestamptz NOT NULL DEFAULT now(),"
    " files integer NOT NULL, published text)",
    f"CREATE TABLE IF NOT EXISTS {C}.jobs (id bigserial PRIMARY KEY, batch bigint NOT NULL, source text NOT NULL,"
    " sha256 text NOT NULL, content bytea, state text NOT NULL DEFAULT 'queued', worker text, leased_until timestamptz,"
    " attempts integer NOT NULL DEFAULT 0, skipped text, error text, done timestamptz)",
    f"CREATE INDEX IF NOT EXISTS jobs_state ON {C}.jobs (state, id)",
    f"CREATE TABLE IF NOT EXISTS {C}.parsed (parser text NOT NULL, source text NOT NULL, sha256 text NOT NULL,"
    " data bytea NOT NULL, PRIMARY KEY (parser, source, sha256))",
    f"CREATE TABLE IF NOT EXISTS {C}.embeddings (model text NOT NULL, key bytea NOT NULL, vector bytea NOT NULL,"
    " PRIMARY KEY (model, key))",
    f"CREATE TABLE IF NOT EXISTS {C}.sentence_embeddings (model text NOT NULL, key bytea NOT NULL, vectors bytea NOT NULL,"
    " PRIMARY KEY (model, key))",
)
# A job to take: queued, or running under a lease that ran out (its worker died) and not given up on.
_TAKEABLE = f"(state = 'queued' OR (state = 'running' AND leased_until < now() AND attempts < {MAX_ATTEMPTS}))"


class PublishRefused(postgres.DatabaseError):
    """Publishing would lose papers of the current publication; it is left as it was (the command
    line reports it as it does any database error, exit 3)."""


def prepare(conn) -> None:
    """Create the queue's and the shared caches' tables (idempotent; serialised by a lock)."""
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", [PUBLISH_LOCK + 1])
        for statement in _SCHEMA:
            conn.execute(statement)


class PgParseCache:
    """The parse cache (search.storage.parsed) kept in PostgreSQL, shared by every worker. It writes
    in the caller's transaction: a parse is committed with the job that made it."""

    def __init__(self, conn, max_chars: int, ocr: str = "off") -> None:
        self.conn, self.parser = conn, parser_fingerprint(max_chars, ocr)

    def get(self, source: str, digest: str) -> ParsedFile | None:
        row = self.conn.execute(f"SELECT data FROM {C}.parsed WHERE parser = %s AND source = %s AND sha256 = %s",
                                [self.parser, source, digest]).fetchone()
        return decode(bytes(row[0])) if row else None

    def put(self, parsed: ParsedFile) -> bool:
        data = encode(parsed)
        if data is not None:
            self.conn.execute(f"INSERT INTO {C}.parsed VALUES (%s, %s, %s, %s) ON CONFLICT DO NOTHING",
                              [self.parser, parsed.source, parsed.file_hash, data])
        return data is not None

    def close(self) -> None:
        pass  # the connection is the caller's


class PgEmbeddingCache:
    """The embedding cache (search.storage.embed.EmbeddingCache) kept in PostgreSQL, shared by every
    worker; same rows, same reads. It writes in the caller's transaction."""

    def __init__(self, conn) -> None:
        self.conn = conn

    def _blobs(self, table: str, column: str, model: str, keys: Sequence[bytes]):
        for start in range(0, len(keys), 1000):
            yield from self.conn.execute(f"SELECT key, {column} FROM {C}.{table} WHERE model = %s AND key = ANY(%s)",
                                         [model, list(keys[start : start + 1000])])

    def get_many(self, model: str, keys: Sequence[bytes]) -> dict[bytes, np.ndarray]:
        return {bytes(k): np.frombuffer(v, dtype=np.float32) for k, v in self._blobs("embeddings", "vector", model, keys)}

    def get_sentences(self, model: str, keys: Sequence[bytes], dimension: int) -> dict[bytes, np.ndarray]:
        return {bytes(k): np.frombuffer(v, dtype=np.float16).reshape(-1, dimension)
                for k, v in self._blobs("sentence_embeddings", "vectors", model, keys)}

    def put_many(self, model: str, items, sentences=()) -> None:
        with self.conn.cursor() as cursor:
            cursor.executemany(f"INSERT INTO {C}.embeddings VALUES (%s, %s, %s) ON CONFLICT DO NOTHING",
                               [(model, k, np.asarray(v, dtype=np.float32).tobytes()) for k, v in items])
            cursor.executemany(f"INSERT INTO {C}.sentence_embeddings VALUES (%s, %s, %s) ON CONFLICT DO NOTHING",
                               [(model, k, np.asarray(m, dtype=np.float16).tobytes()) for k, m in sentences])

    def close(self) -> None:
        pass


def enqueue(url: str, files: Sequence[Path]) -> tuple[int, int]:
    """Queue ``files`` (their bytes) as one batch, in one transaction; returns (batch id, files queued)."""
    with postgres.connect(url) as conn:
        prepare(conn)
        batch = conn.execute(f"INSERT INTO {C}.batches (files) VALUES (%s) RETURNING id", [len(files)]).fetchone()[0]
        with conn.cursor() as cursor:
            for path in files:
                content = path.read_bytes()
                cursor.execute(f"INSERT INTO {C}.jobs (batch, source, sha256, content) VALUES (%s, %s, %s, %s)",
                               [batch, str(path), content_hash(content), content])
    return batch, len(files)


@dataclass
class WorkReport:
    worker: str
    files: int = 0  # jobs this worker finished
    skipped: list[Skipped] = field(default_factory=list)
    embedded: int = 0  # passages this worker had to embed (the rest were in the shared cache)
    published: list[str] = field(default_factory=list)  # schemas this worker published
    seconds: float = 0.0


@dataclass(frozen=True)
class Job:
    id: int
    source: str
    sha256: str
    content: bytes


def work(url: str, settings: Settings, embedder: Embedder, until: Callable[[object], bool] | None = None,
         say: Callable[[str], None] = lambda _: None, stop: threading.Event | None = None) -> WorkReport:
    """Take jobs one at a time; when none is left, publish the finished batches (if any waits), and
    stop once ``until(conn)`` holds (``drained``; None: keep waiting) or ``stop`` is set."""
    started = time.monotonic()
    report = WorkReport(worker=f"{socket.gethostname()}:{os.getpid()}")
    stop = stop or threading.Event()
    ocr = Ocr.from_settings(settings, lambda path, n, of: say(f"OCR {path.name} page {n} of {of}"))
    with postgres.connect(url) as conn:
        prepare(conn)
        while not stop.is_set():
            job = _take(conn, report.worker, settings.worker_lease)
            if job is None:
                if _one(conn, f"SELECT EXISTS (SELECT 1 FROM {C}.batches WHERE published IS NULL)"):
                    generation = publish(url, settings, embedder, say)
                    if generation:
                        report.published.append(generation)
                if until is not None and until(conn):
                    break
                stop.wait(settings.worker_poll)
                continue
            say(f"reading {job.source}")
            with _Lease(url, job.id, report.worker, settings.worker_lease):
                try:
                    done = _run(conn, job, report, settings, embedder, ocr)
                except Exception as exc:  # give the file back; it is tried again, MAX_ATTEMPTS in all
                    conn.rollback()
                    _release(conn, job.id, report.worker, f"{type(exc).__name__}: {exc}")
                    say(f"failed {job.source}: {exc}")
                    continue
            if done:
                report.files += 1
    report.seconds = round(time.monotonic() - started, 2)
    return report


def ingest(url: str, settings: Settings, embedder: Embedder, paths: Sequence[Path], exclude: Sequence[str] = (),
           all_files: bool = False, say: Callable[[str], None] = lambda _: None) -> BuildReport:
    """Ingest through the queue, as build_index ingests into a folder: queue the files found, work
    until their batch is published (by this process or another), and report the publication.

    Raises NothingIndexed when no file is found or none of the batch could be read."""
    found = find_files(paths, exclude, all_files)
    report = BuildReport(index=postgres.redact(url), skipped=list(found.skipped), passed_over=found.passed_over)
    if not found.files:
        raise NothingIndexed(report)
    batch, queued = enqueue(url, found.files)
    say(f"queued {queued} files as batch {batch}")
    done = work(url, settings, embedder, lambda conn: _one(
        conn, f"SELECT published IS NOT NULL FROM {C}.batches WHERE id = %s", [batch]), say)
    with postgres.connect(url) as conn:  # every worker's notes on the batch, not only this one's
        published = conn.execute(f"SELECT published FROM {C}.batches WHERE id = %s", [batch]).fetchone()[0]
        unread = [Skipped(source, reason) for source, reason in conn.execute(
            f"SELECT source, coalesce(skipped, 'failed: ' || error) FROM {C}.jobs"
            " WHERE batch = %s AND (skipped IS NOT NULL OR state = 'failed') ORDER BY id", [batch])]
    report.skipped += unread
    if not published:  # marked published with no schema: none of its files could be read
        raise NothingIndexed(report)
    index = postgres.PgIndex(url, postgres.current_generation(url))
    report.files_read, report.documents, report.chunks = queued - len(unread), int(index.documents), int(index.chunks)
    report.embedded, report.seconds = done.embedded, done.seconds
    return report


def _take(conn, worker: str, lease: float) -> Job | None:
    with conn.transaction():
        row = conn.execute(
            f"UPDATE {C}.jobs SET state = 'running', worker = %s, leased_until = now() + make_interval(secs => %s),"
            f" attempts = attempts + 1, error = NULL WHERE id = (SELECT id FROM {C}.jobs WHERE {_TAKEABLE}"
            " ORDER BY id FOR UPDATE SKIP LOCKED LIMIT 1) RETURNING id, source, sha256, content",
            [worker, lease],
        ).fetchone()
    return Job(row[0], row[1], row[2], bytes(row[3])) if row else None


def _run(conn, job: Job, report: WorkReport, settings: Settings, embedder: Embedder, ocr: Ocr) -> bool:
    """Parse and embed one job's file, and commit both with the job's end; False when the lease was
    lost meanwhile (another worker has the job: nothing of this run is kept)."""
    parses = PgParseCache(conn, settings.chunk_chars, ocr.fingerprint())
    parsed = parses.get(job.source, job.sha256)
    if parsed is None:
        with tempfile.TemporaryDirectory(prefix="minutebook-job-") as folder:
            copy = Path(folder) / Path(job.source).name  # the same name: its suffix says how to read it
            copy.write_bytes(job.content)
            parsed = parse_file(copy, job.sha256, settings.chunk_chars, ocr, source=job.source)
    skipped = parsed.reason if isinstance(parsed, Skipped) else None
    if not skipped:
        chunks = [chunk for paper in parsed.papers for chunk in paper.chunks]
        _, _, computed = embed_cached(embedder, PgEmbeddingCache(conn), [c.embed_text for c in chunks],
                                      spans=[embedded_spans(c) for c in chunks])
        report.embedded += computed
        if not parsed.reused and not parses.put(parsed):
            skipped = "its parse could not be stored for publishing; ingest it into an embedded index and migrate"
    if skipped:
        report.skipped.append(Skipped(job.source, skipped))
    updated = conn.execute(
        f"UPDATE {C}.jobs SET state = 'done', skipped = %s, content = NULL, done = now(), leased_until = NULL"
        " WHERE id = %s AND worker = %s AND state = 'running'", [skipped, job.id, report.worker]).rowcount
    if updated:
        conn.commit()
    else:
        conn.rollback()
    return bool(updated)


def _release(conn, job_id: int, worker: str, error: str) -> None:
    with conn.transaction():
        conn.execute(
            f"UPDATE {C}.jobs SET state = CASE WHEN attempts >= {MAX_ATTEMPTS} THEN 'failed' ELSE 'queued' END,"
            " error = %s, leased_until = NULL WHERE id = %s AND worker = %s", [error[:500], job_id, worker])


class _Lease:
    """Renews a job's lease while its worker lives; a worker killed stops renewing it."""

    def __init__(self, url: str, job_id: int, worker: str, lease: float) -> None:
        self.url, self.job_id, self.worker, self.lease = url, job_id, worker, lease
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._renew, daemon=True)

    def _renew(self) -> None:
        with postgres.connect(self.url, autocommit=True) as conn:
            while not self.stopped.wait(self.lease / 3):
                conn.execute(f"UPDATE {C}.jobs SET leased_until = now() + make_interval(secs => %s)"
                             " WHERE id = %s AND worker = %s AND state = 'running'", [self.lease, self.job_id, self.worker])

    def __enter__(self) -> "_Lease":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stopped.set()
        self.thread.join()


def _one(conn, sql: str, params: Sequence = ()):
    """The one value ``sql`` gives, read in a transaction of its own (a worker's connection never
    stays inside one while it waits)."""
    with conn.transaction():
        return conn.execute(sql, list(params)).fetchone()[0]


def drained(conn) -> bool:
    """No job waits or runs (a job whose worker died MAX_ATTEMPTS times no longer counts)."""
    return _one(conn, f"SELECT NOT EXISTS (SELECT 1 FROM {C}.jobs WHERE {_TAKEABLE}"
                      " OR (state = 'running' AND leased_until >= now()))")


def publish(url: str, settings: Settings, embedder: Embedder, say: Callable[[str], None] = lambda _: None) -> str | None:
    """Assemble and publish the finished batches, if the queue is drained and no other process is
    publishing; the schema published, or None (nothing to do, or none of the batches' files could
    be read: they are marked published with no schema)."""
    with postgres.connect(url, autocommit=True) as lock:
        if not lock.execute("SELECT pg_try_advisory_lock(%s)", [PUBLISH_LOCK]).fetchone()[0]:
            return None
        with postgres.connect(url) as conn:
            if not drained(conn):
                return None
            with conn.transaction():
                conn.execute(f"UPDATE {C}.jobs SET state = 'failed', error = 'its worker stopped {MAX_ATTEMPTS} times'"
                             " WHERE state = 'running' AND leased_until < now()")
            batches = [b for (b,) in conn.execute(f"SELECT id FROM {C}.batches WHERE published IS NULL ORDER BY id")]
            if not batches:
                conn.commit()
                return None
            say(f"publishing batch{'es' if len(batches) > 1 else ''} {', '.join(map(str, batches))}")
            generation = _assemble_and_publish(conn, url, settings, embedder, batches)
            conn.execute(f"UPDATE {C}.batches SET published = %s WHERE id = ANY(%s)", [generation or "", batches])
            conn.commit()
            return generation


def _assemble_and_publish(conn, url: str, settings: Settings, embedder: Embedder, batches: list[int]) -> str | None:
    """The batches' finished files with the current publication's, published as a new schema
    (None when none of the batches' files could be read)."""
    report = BuildReport(index=postgres.redact(url))
    jobs = conn.execute(f"SELECT source, sha256, state, skipped, error FROM {C}.jobs WHERE batch = ANY(%s) ORDER BY id",
                        [batches]).fetchall()
    fresh: dict[str, str] = {}
    for source, digest, state, skipped, error in jobs:
        if state == "done" and not skipped:
            fresh[source] = digest
        else:
            report.skipped.append(Skipped(source, skipped or f"failed: {error}"))
    given = set(fresh)  # the batches' readable files: NothingIndexed when none of them is
    previous, seen = _previous(url)
    order = [Kept(Path(path), fresh.pop(path, digest)) for path, digest in previous]
    order += [Kept(Path(path), digest) for path, digest in fresh.items()]
    with tempfile.TemporaryDirectory(prefix="minutebook-publish-") as folder:
        building = Path(folder) / "generation"
        building.mkdir()
        try:
            assemble(order, given, building, settings, embedder, report, PgEmbeddingCache(conn),
                     lambda ocr: PgParseCache(conn, settings.chunk_chars, ocr), seen, progress=False)
        except NothingIndexed:
            return None
        lost = {path for path, _ in previous} & {s.source for s in report.skipped}
        if lost:
            raise PublishRefused(f"{len(lost)} papers of the current publication could not be read again "
                                 f"(e.g. {sorted(lost)[0]}); the current publication is kept")
        return postgres.migrate(building, url)


def _previous(url: str) -> tuple[list[tuple[str, str]], dict[str, str]]:
    """The current publication's files (path, sha256) in order, and when each paper first appeared."""
    generation = postgres.current_generation(url)
    if generation is None:
        return [], {}
    with postgres.connect(url, generation) as conn:
        files = [(path, digest) for path, digest in conn.execute("SELECT path, file_hash FROM sources ORDER BY path")]
        seen = dict(conn.execute("SELECT document_id, first_seen FROM seen").fetchall())
    return files, seen


def share_caches(index_dir: Path, generation: Path, url: str) -> int:
    """Copy what the embedded index knows of a generation's files (their parses, their passages'
    vectors) into the shared caches, so a later publication through workers keeps those papers
    without reading or embedding them again. Returns the parses copied."""
    import sqlite3
    from contextlib import closing

    from minutebook.search.storage.embed import EmbeddingCache, text_key
    from minutebook.search.storage.index import CACHE_FILE, STORE_FILE, read_manifest
    from minutebook.search.storage.parsed import PARSE_CACHE_FILE

    with closing(sqlite3.connect(f"file:{generation / STORE_FILE}?mode=ro", uri=True)) as store:
        files = store.execute("SELECT path, file_hash FROM sources").fetchall()
        texts = [text for (text,) in store.execute("SELECT embed_text FROM chunks")]
    manifest = read_manifest(generation)
    model, dimension = manifest["model_id"], manifest["dimension"]
    copied = 0
    with postgres.connect(url) as conn:
        prepare(conn)
        if (index_dir / PARSE_CACHE_FILE).exists():
            with closing(sqlite3.connect(f"file:{index_dir / PARSE_CACHE_FILE}?mode=ro", uri=True)) as parses:
                for path, digest in files:
                    for parser, data in parses.execute("SELECT parser, data FROM parsed WHERE source = ? AND sha256 = ?",
                                                       [path, digest]):
                        copied += conn.execute(f"INSERT INTO {C}.parsed VALUES (%s, %s, %s, %s) ON CONFLICT DO NOTHING",
                                               [parser, path, digest, data]).rowcount
        if (index_dir / CACHE_FILE).exists():
            cache, shared = EmbeddingCache(index_dir / CACHE_FILE), PgEmbeddingCache(conn)
            try:
                keys = list(dict.fromkeys(text_key(t) for t in texts))
                for start in range(0, len(keys), 2000):
                    part = keys[start : start + 2000]
                    sentences = cache.get_sentences(model, part, dimension)
                    shared.put_many(model, list(cache.get_many(model, part).items()), list(sentences.items()))
            finally:
                cache.close()
    return copied
