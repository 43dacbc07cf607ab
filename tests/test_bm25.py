"""The precomputed BM25 ranks as SQLite's FTS5 bm25() does over the same passages, respects a filter
inside the ranking, survives a save and a memory-mapped load, and is what lexical search uses."""

from __future__ import annotations

import sqlite3

import numpy as np
import pytest

from minutebook.search.storage.bm25 import SparseBM25, tokenize
from minutebook.search.filters import Filters
from minutebook.search.ranking.retrieve import query_terms

from . import paperkit

QUERIES = [
    "street trees", "car park charges", "library opening hours", "recommended", "recommendations agreed",
    "café", "flood", "DA12/21", "the council will", "grant funding voluntary sector", "2024", "nothing-matches-zzz",
    "what is the",  # only stopwords, in over half the passages: FTS5 floors their idf at 1e-6
]


def _passages() -> list[str]:
    """Paragraphs of several councils' papers: long and short, numbers, accents, repeated words."""
    texts = [paperkit.COMMITTEE_MINUTES_TXT, paperkit.CAR_PARK_REPORT_TXT, paperkit.LIBRARY_STRATEGY_MD,
             paperkit.GRANT_NOTE_CP1252, paperkit.US_MINUTES, *paperkit.COMMITTEE_PACK_PAGES, *paperkit.CYCLING_REPORT_PAGES]
    paragraphs = [p.strip() for text in texts for p in text.split("\n\n") if p.strip()]
    return paragraphs + [
        "The Café Nero lease was renewed; the café opens at 7am.",
        "Minute DA12/21: lettings_policy adopted. Flood flood flood flood flood.",
        "Flood.",
        "Officers recommended that the Board agree the recommendations; the recommendation was agreed in 2024.",
    ]


@pytest.fixture(scope="module")
def fixture():
    passages = _passages()
    ids = sorted(np.random.default_rng(0).choice(2**62, size=len(passages), replace=False).tolist())
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(body, tokenize='porter unicode61 remove_diacritics 2')")
    conn.executemany("INSERT INTO t (rowid, body) VALUES (?, ?)", zip(ids, passages))
    return SparseBM25.build(zip(ids, passages)), conn, ids


def _fts5(conn, query: str, allowed: set[int] | None = None) -> list[tuple[int, float]]:
    expression = " OR ".join(f'"{t}"' for t in query_terms(query))
    rows = conn.execute("SELECT rowid, -bm25(t) FROM t WHERE t MATCH ? ORDER BY rank", [expression]).fetchall()
    return [(cid, score) for cid, score in rows if allowed is None or cid in allowed]


def _same_ranking(ours: list[tuple[int, float]], reference: list[tuple[int, float]]) -> None:
    # equal scores (to float32 precision) may come in either order: both sides order them by chunk id
    assert [c for c, _ in ours] == [c for c, _ in sorted(reference, key=lambda r: (-float(f"{r[1]:.5g}"), r[0]))]
    assert [s for _, s in ours] == pytest.approx([s for _, s in sorted(reference, key=lambda r: -r[1])], rel=1e-4)


@pytest.mark.parametrize("query", QUERIES)
def test_it_ranks_every_match_as_fts5_bm25_does(fixture, query):
    bm25, conn, _ = fixture
    reference = _fts5(conn, query)
    ours = bm25.top(bm25.columns(query_terms(query)), k=len(bm25))
    _same_ranking(ours, reference)
    if query != "nothing-matches-zzz":
        assert reference, "a query the fixture should match"


@pytest.mark.parametrize("query", ["committee", "council meeting report", "car park"])
def test_the_top_k_is_the_head_of_the_full_ranking(fixture, query):
    bm25, conn, _ = fixture
    columns = bm25.columns(query_terms(query))
    full = bm25.top(columns, k=len(bm25))
    assert len(full) > 3
    assert bm25.top(columns, k=3) == full[:3]


def test_a_filter_applies_inside_the_ranking(fixture):
    bm25, conn, ids = fixture
    query = "meeting report"
    everything = _fts5(conn, query)
    allowed = {cid for cid, _ in everything[len(everything) // 2:]}  # only the weaker half may be returned
    allowed |= set(ids[:3])  # and some passages that may not match at all
    ours = bm25.top(bm25.columns(query_terms(query)), k=5, allowed=bm25.allowed_rows(np.array(sorted(allowed))))
    assert len(ours) == 5 and {c for c, _ in ours} <= allowed
    _same_ranking(ours, _fts5(conn, query, allowed)[:5])
    assert bm25.top(bm25.columns(["council"]), 5, bm25.allowed_rows(np.array([], dtype=np.int64))) == []
    unknown = np.array([ids[0] + 1, 2**62 + 5], dtype=np.int64)  # ids this index does not hold
    assert not bm25.allowed_rows(unknown).any()


def test_saved_weights_load_memory_mapped_and_rank_the_same(fixture, tmp_path):
    bm25, _, _ = fixture
    bm25.save(tmp_path)
    loaded = SparseBM25.load(tmp_path)
    assert isinstance(loaded.weights, np.memmap) and loaded.vocabulary == bm25.vocabulary
    for query in QUERIES:
        assert loaded.top(loaded.columns(query_terms(query)), 10) == bm25.top(bm25.columns(query_terms(query)), 10)


def test_tokens_are_fts5_porter_unicode61_tokens():
    assert tokenize("Recommended recommendations, RECOMMENDING") == ["recommend", "recommend", "recommend"]
    assert tokenize("Café naïve lettings_policy DA12/21") == ["cafe", "naiv", "let", "polici", "da12", "21"]


def test_passages_must_come_in_chunk_id_order():
    with pytest.raises(ValueError, match="ascending chunk id"):
        SparseBM25.build([(5, "a"), (3, "b")])


def test_lexical_search_uses_the_generation_weights_and_filters(built_index, embedder):
    from minutebook.search.service import Minutebook

    settings, _ = built_index
    library = Minutebook(settings, embedder)
    assert library.index.bm25.ids.tolist() == [r[0] for r in library.index.conn.execute("SELECT id FROM chunks ORDER BY id")]
    hits = library.search("street trees", k=5, mode="lexical").results
    assert hits and all(h.match["lexical_score"] > 0 for h in hits)
    assert "tree" in hits[0].text.lower()
    source = hits[-1].source
    filtered = library.search("street trees", k=5, mode="lexical", filters=Filters(source=source)).results
    assert filtered and {h.source for h in filtered} == {source}


def test_a_generation_without_bm25_weights_is_refused_with_the_fix(built_index, tmp_path):
    import shutil

    from minutebook.search.storage.bm25 import MANIFEST
    from minutebook.search.storage.index import IndexMissing, current_generation, open_index

    settings, _ = built_index
    old = tmp_path / "old-index"
    shutil.copytree(settings.index_dir, old, symlinks=True)
    (current_generation(old) / MANIFEST).unlink()  # as an index built before the weights existed
    with pytest.raises(IndexMissing, match="re-run `minutebook ingest`"):
        open_index(old)
