"""The library face the CLI and HTTP share: open the model and index once, validate, search."""

from __future__ import annotations

import time
from dataclasses import dataclass

from minutebook.settings import Settings
from minutebook.vocabulary import Hit

from .embed import Embedder, resolve_model_path
from .index import Index, IndexMissing, open_index
from .retrieve import QueryEncoder, dense_search


class BadQuery(ValueError):
    """A request the user must change; the message says how."""


@dataclass
class SearchResult:
    query: str
    total: int
    results: list[Hit]
    took_ms: float


def load_embedder(settings: Settings) -> Embedder:
    return Embedder(resolve_model_path(settings.model_path), settings.threads, settings.batch_size)


class Minutebook:
    """An opened index with its model: what a running server or a CLI command searches."""

    def __init__(self, settings: Settings, embedder: Embedder | None = None) -> None:
        self.settings = settings
        self.index: Index = open_index(settings.index_dir)  # fails fast, before the slow model load
        self.embedder = embedder or load_embedder(settings)
        if self.index.manifest.get("model_id") not in (None, self.embedder.model_id):
            raise IndexMissing(
                f"the index in {settings.index_dir} was built with {self.index.manifest.get('model')}, "
                f"not the configured model {self.embedder.name}: re-run `minutebook ingest`"
            )
        self.encode = QueryEncoder(self.embedder)

    def check_query(self, query: str, k: int) -> str:
        query = " ".join(query.split())
        if not query:
            raise BadQuery("the query is empty: type some words to search for")
        if len(query) > self.settings.max_query_chars:
            raise BadQuery(
                f"the query is {len(query)} characters long; the limit is {self.settings.max_query_chars}"
            )
        if not 1 <= k <= self.settings.max_k:
            raise BadQuery(f"k must be between 1 and {self.settings.max_k}, not {k}")
        return query

    def search(self, query: str, k: int = 10) -> SearchResult:
        query = self.check_query(query, k)
        started = time.perf_counter()
        hits = dense_search(self.index, self.encode, query, k)
        return SearchResult(query, len(hits), hits, round((time.perf_counter() - started) * 1000, 2))

    def health(self) -> dict:
        return {"status": "ok", "documents": int(self.index.documents), "chunks": int(self.index.chunks)}
