"""Answer a query with cited passages from an opened index."""

from __future__ import annotations

import json
import re
from collections import OrderedDict
from dataclasses import dataclass, field

import numpy as np

from minutebook.ingest.recommendations import records_a_recommendation
from minutebook.ingest.resolutions import records_a_decision
from minutebook.vocabulary import Hit

from minutebook.search.storage.embed import Embedder
from minutebook.search.filters import Filters
from minutebook.search.storage.index import Index
from minutebook.search.storage.store import chunk_rows, sentence_vectors
from minutebook.search.ranking import fusion
from minutebook.search.ranking.query_adapter import QueryAdapter
from minutebook.search.ranking.understand import Context


class QueryEncoder:
    """Embeds queries, remembering recent ones: users repeat and refine the same questions. A query
    is searched with its vector mapped by the ``adapter`` (query_adapter.py) when there is one;
    ``plain`` gives the model's own vector."""

    def __init__(self, embedder: Embedder, size: int = 1024, adapter: QueryAdapter | None = None) -> None:
        self.embedder = embedder
        self.size = size
        self.adapter = adapter
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()

    def clear(self) -> None:
        self._cache.clear()

    def __call__(self, query: str) -> np.ndarray:
        vector = self.plain(query)
        return self.adapter(vector) if self.adapter is not None else vector

    def plain(self, query: str) -> np.ndarray:
        vector = self._cache.get(query)
        if vector is None:
            vector = self.embedder.encode([query])[0]
            self._cache[query] = vector
            if len(self._cache) > self.size:
                self._cache.popitem(last=False)
        else:
            self._cache.move_to_end(query)
        return vector


# Words too common in board papers (and questions) to say anything about a passage.
STOPWORDS = frozenset(
    """a about above after again all also am an and any are as at be been before being below between
    both but by can could did do does doing done during each for from further had has have having he her
    here hers him his how i if in into is it its itself just me more most my no nor not now of off on
    once only or other our ours out over own same she should so some such than that the their theirs
    them then there these they this those through to too under until up very was we were what when where
    which while who whom why will with would you your yours""".split()
)
_WORD = re.compile(r"\w+", re.UNICODE)


def query_terms(query: str) -> list[str]:
    """The query's searchable words, lower-cased, without stopwords (all words if only stopwords)."""
    words = [w.lower() for w in _WORD.findall(query)]
    terms = [w for w in words if w not in STOPWORDS]
    return list(dict.fromkeys(terms or words))


def lexical_ranking(index: Index, query: str, k: int, allowed=None) -> list[tuple[int, float]]:
    """BM25 from the precomputed weights (bm25.py): (chunk id, score) best first, only among the
    passages ``allowed`` (index.allowed(filters)) when given."""
    return index.lexical(query_terms(query), k, allowed)


def dense_ranking(index: Index, encode: QueryEncoder, query: str, k: int, allowed=None) -> list[tuple[int, float]]:
    """Nearest passages by cosine similarity: (chunk id, similarity) best first."""
    return index.dense(encode(query), k, allowed)


def fuse_rankings(rankings: dict[str, list[tuple[int, float]]], weights: dict[str, float], k_rrf: int) -> list[tuple[int, float, dict]]:
    """Reciprocal rank fusion: each list adds weight / (k_rrf + rank) to the chunks it ranks."""
    fused: dict[int, float] = {}
    ranks: dict[int, dict] = {}
    for name, ranking in rankings.items():
        for rank, (cid, score) in enumerate(ranking, start=1):
            fused[cid] = fused.get(cid, 0.0) + weights.get(name, 1.0) / (k_rrf + rank)
            ranks.setdefault(cid, {}).update({f"{name}_rank": rank, f"{name}_score": round(score, 4)})
    order = sorted(fused.items(), key=lambda item: -item[1])
    return [(cid, score, ranks[cid]) for cid, score in order]


RECORDS_POOL = 30  # candidates read for decision wording: the rest rank too low to gain from it


def context_ranking(index: Index, fused: list[tuple[int, float, dict]], context: Context) -> list[tuple[int, float]]:
    """The fused candidates whose paper matches what the question names (meeting, body, type), in order.

    Each part of the context ranks on its own, and a candidate counts once per part it meets, so a
    passage from the right body on the right date outranks one that only has the body.
    """
    ids = [cid for cid, _, _ in fused]
    if not ids:
        return []
    order = {cid: n for n, cid in enumerate(ids)}
    marks = ",".join("?" * len(ids))
    parts = [Filters(date_from=context.date_from, date_to=context.date_to), Filters(body=context.body),
             Filters(document_type=context.document_type)]
    met: dict[int, int] = {}
    for part in parts:
        if not part:
            continue
        passages, params = part.passages()
        for (cid,) in index.conn.execute(f"{passages} AND c.id IN ({marks})", [*params, *ids]):
            met[cid] = met.get(cid, 0) + 1
    if context.asks_for:  # of the best candidates, those that record a decision (or recommendation)
        records = records_a_decision if context.asks_for == "decision" else records_a_recommendation
        pool = ids[:RECORDS_POOL]
        for cid, text, section in index.conn.execute(
            f"SELECT id, text, coalesce(section, '') FROM chunks WHERE id IN ({','.join('?' * len(pool))})", pool
        ):
            if records(text) or records(section.replace(" > ", "\n")):  # under a "Recommendations" heading
                met[cid] = met.get(cid, 0) + 1
    ranked = sorted(met, key=lambda cid: (-met[cid], order[cid]))
    return [(cid, float(met[cid])) for cid in ranked]


@dataclass(frozen=True)
class Plan:
    """How a query is ranked: the mode ("lexical", "dense" or "hybrid"), the hard filters, the
    passages each ranking proposes, the fusion's weights and constant, the context the query names
    (its meeting, body or paper type), and the learned fusion's weights (fusion.py; None: reciprocal
    rank fusion orders the candidates)."""

    mode: str = "hybrid"
    filters: Filters = Filters()
    candidates: int = 100
    weights: dict[str, float] = field(default_factory=dict)
    k_rrf: int = 60
    context: Context | None = None
    learned: dict | None = None


def rank_candidates(
    index: Index, encode: QueryEncoder, query: str, k: int, plan: Plan = Plan()
) -> tuple[dict[str, list[tuple[int, float]]], list[tuple[int, float, dict]]]:
    """The rankings the plan's mode asks for and their reciprocal rank fusion.

    A context adds a third ranking to the fusion: the candidates from the matching papers,
    weighted by ``plan.weights["context"]``.
    """
    allowed = index.allowed(plan.filters)  # applied inside both rankings
    hybrid = plan.mode == "hybrid"
    rankings: dict[str, list[tuple[int, float]]] = {}
    if plan.mode in ("lexical", "hybrid"):
        rankings["lexical"] = lexical_ranking(index, query, plan.candidates if hybrid else k, allowed)
    if plan.mode in ("dense", "hybrid"):
        rankings["dense"] = dense_ranking(index, encode, query, plan.candidates if hybrid else k, allowed)
    fused = fuse_rankings(rankings, plan.weights, plan.k_rrf)
    if plan.context and hybrid and plan.weights.get("context", 0) > 0:
        rankings["context"] = context_ranking(index, fused, plan.context)
        fused = fuse_rankings(rankings, plan.weights, plan.k_rrf)
    return rankings, fused


def describe_candidates(index: Index, encode: QueryEncoder, query: str, rankings, ids: list[int], rows) -> list[dict]:
    """The learned fusion's features (fusion.FEATURES) of the candidates ``ids``, whose ``rows`` are read."""
    vector = encode(query)
    closest = fusion.closest_sentences(sentence_vectors(index.conn, ids, vector.shape[0]), vector)
    texts = {cid: row["text"] or "" for cid, row in rows.items()}
    return fusion.describe(rankings, ids, texts, closest, query_terms(query))


def search_passages(index: Index, encode: QueryEncoder, query: str, k: int, plan: Plan = Plan()) -> list[Hit]:
    """The ``k`` best passages for ``query`` as the plan says; hybrid search orders the fused
    candidates by the learned fusion when the plan carries its weights (fusion.py)."""
    rankings, fused = rank_candidates(index, encode, query, k, plan)
    rows = None
    if plan.learned and plan.mode == "hybrid" and fused:
        ids = [cid for cid, _, _ in fused]
        rows = chunk_rows(index.conn, ids)
        chances = fusion.probabilities(describe_candidates(index, encode, query, rankings, ids, rows), plan.learned)
        order = sorted(range(len(fused)), key=lambda n: -chances[n])  # stable: ties keep the fusion's order
        fused = [(fused[n][0], chances[n], fused[n][2]) for n in order]
    hits = hits_for(index, fused[:k], rows)
    terms = query_terms(query)
    for hit in hits:
        hit.match["terms"] = [t for t in terms if t in hit.text.lower()]
    return hits


def hits_for(index: Index, ranked: list[tuple[int, float, dict]], rows=None) -> list[Hit]:
    """Ranked (chunk id, score, match) triples as Hits carrying their citation (``rows``: already read)."""
    if rows is None:
        rows = chunk_rows(index.conn, [cid for cid, _, _ in ranked])
    hits: list[Hit] = []
    for cid, score, match in ranked:
        row = rows.get(cid)
        if row is None:
            continue
        hits.append(
            Hit(
                chunk_id=cid,
                text=row["text"],
                score=round(score, 4),
                source=row["source"],
                document_id=row["document_id"],
                document_title=row["document_title"],
                document_type=row["document_type"],
                organisation=row["organisation"],
                body=row["body"],
                meeting_date=row["meeting_date"],
                agenda_item=row["agenda_item"],
                section=row["section"],
                paragraph=row["paragraph"],
                page=row["page"],
                last_page=row["last_page"],
                printed_page=row["printed_page"],
                ocr=row["ocr"],
                match=dict(match),
                page_breaks=json.loads(row["page_breaks"]) if row["page_breaks"] else [],
            )
        )
    return hits
