"""Answer a query with cited passages from an opened index."""

from __future__ import annotations

from collections import OrderedDict

import numpy as np

from minutebook.vocabulary import Hit

from .embed import Embedder
from .index import Index


class QueryEncoder:
    """Embeds queries, remembering recent ones: users repeat and refine the same questions."""

    def __init__(self, embedder: Embedder, size: int = 1024) -> None:
        self.embedder = embedder
        self.size = size
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()

    def __call__(self, query: str) -> np.ndarray:
        vector = self._cache.get(query)
        if vector is None:
            vector = self.embedder.encode([query])[0]
            self._cache[query] = vector
            if len(self._cache) > self.size:
                self._cache.popitem(last=False)
        else:
            self._cache.move_to_end(query)
        return vector


def dense_search(index: Index, encode: QueryEncoder, query: str, k: int) -> list[Hit]:
    """The ``k`` passages whose embeddings are nearest the query's (cosine similarity)."""
    if index.vectors.ntotal == 0:
        return []
    vector = encode(query).reshape(1, -1)
    scores, ids = index.vectors.search(vector, min(k, index.vectors.ntotal))
    ranked = [(int(i), float(s)) for i, s in zip(ids[0], scores[0]) if i >= 0]
    return hits_for(index, ranked, "dense_rank")


def hits_for(index: Index, ranked: list[tuple[int, float]], rank_name: str) -> list[Hit]:
    """Ranked (chunk id, score) pairs as Hits carrying their citation."""
    from .store import chunk_rows

    rows = chunk_rows(index.conn, [cid for cid, _ in ranked])
    hits: list[Hit] = []
    for rank, (cid, score) in enumerate(ranked, start=1):
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
                body=row["body"],
                meeting_date=row["meeting_date"],
                agenda_item=row["agenda_item"],
                section=row["section"],
                paragraph=row["paragraph"],
                page=row["page"],
                printed_page=row["printed_page"],
                match={rank_name: rank},
            )
        )
    return hits
