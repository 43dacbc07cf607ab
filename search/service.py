"""The library face the CLI and HTTP share: open the model and index once, validate, search."""

from __future__ import annotations

import time
from datetime import date
from dataclasses import dataclass, field

from minutebook.settings import Settings
from minutebook.vocabulary import OUTCOMES, Hit

from . import catalog, registers
from .catalog import Listing
from .embed import Embedder, resolve_model_path
from .filters import Filters
from .index import Index, IndexMissing, open_index
from .registers import RegisterQuery
from .retrieve import QueryEncoder, search_passages

MODES = ("hybrid", "lexical", "dense")
SORTS = ("relevance", "date")


class BadQuery(ValueError):
    """A request the user must change; the message says how."""


@dataclass
class SearchResult:
    query: str
    total: int
    results: list[Hit]
    took_ms: float
    decisions: list[dict] = field(default_factory=list)  # decision rows, when the query asks about one


def _check_dates(filters: Filters, as_at: str | None = None) -> None:
    values = {"date_from": filters.date_from, "date_to": filters.date_to, "as_at": as_at}
    for name, value in values.items():
        if value:
            try:
                date.fromisoformat(value)
            except ValueError:
                raise BadQuery(f"{name} must be a date like 2022-02-09, not {value!r}") from None


def load_embedder(settings: Settings) -> Embedder:
    return Embedder(resolve_model_path(settings.model_path), settings.threads, settings.batch_size)


class Minutebook:
    """An opened index with its model: what a running server or a CLI command searches."""

    def __init__(self, settings: Settings, embedder: Embedder | None | bool = None) -> None:
        """``embedder=False`` opens the index for browsing only (no model load, no search)."""
        self.settings = settings
        self.index: Index = open_index(settings.index_dir)  # fails fast, before the slow model load
        if embedder is False:
            return
        self.embedder = embedder or load_embedder(settings)
        if self.index.manifest.get("model_id") not in (None, self.embedder.model_id):
            raise IndexMissing(
                f"the index in {settings.index_dir} was built with {self.index.manifest.get('model')}, "
                f"not the configured model {self.embedder.name}: re-run `minutebook ingest`"
            )
        self.encode = QueryEncoder(self.embedder)
        self.embedder.encode(["warm up"])  # the first call is slow; pay it before the first user does

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

    def search(
        self, query: str, k: int = 10, filters: Filters = Filters(), mode: str = "hybrid", sort: str = "relevance"
    ) -> SearchResult:
        query = self.check_query(query, k)
        if mode not in MODES:
            raise BadQuery(f"mode must be one of {', '.join(MODES)}, not {mode!r}")
        if sort not in SORTS:
            raise BadQuery(f"sort must be one of {', '.join(SORTS)}, not {sort!r}")
        _check_dates(filters)
        started = time.perf_counter()
        s = self.settings
        hits = search_passages(
            self.index, self.encode, query, k, mode, filters, s.candidates,
            {"lexical": s.lexical_weight, "dense": s.dense_weight}, s.rrf_k,
        )
        if sort == "date":  # newest meeting first; undated papers last, in relevance order
            hits.sort(key=lambda h: h.meeting_date or "", reverse=True)
        decisions = (
            registers.decisions_for_query(self.index.conn, query, filters)
            if registers.is_about_a_decision(query) else []
        )
        return SearchResult(query, len(hits), hits, round((time.perf_counter() - started) * 1000, 2), decisions)

    def check_page(self, limit: int, offset: int) -> None:
        if not 1 <= limit <= self.settings.max_limit:
            raise BadQuery(f"limit must be between 1 and {self.settings.max_limit}, not {limit}")
        if offset < 0:
            raise BadQuery(f"offset must be 0 or more, not {offset}")

    def documents(self, filters: Filters = Filters(), limit: int = 50, offset: int = 0, title: str | None = None) -> Listing:
        self.check_page(limit, offset)
        _check_dates(filters)
        return catalog.list_documents(self.index.conn, filters, limit, offset, title)

    def document(self, document_id: str) -> dict | None:
        return catalog.get_document(self.index.conn, document_id)

    def meetings(self, filters: Filters = Filters(), limit: int = 50, offset: int = 0) -> Listing:
        self.check_page(limit, offset)
        _check_dates(filters)
        return catalog.list_meetings(self.index.conn, filters, limit, offset)

    def meeting(self, meeting_id: str) -> dict | None:
        return catalog.get_meeting(self.index.conn, meeting_id)

    def register(
        self, kind: str, filters: Filters = Filters(), query: RegisterQuery = RegisterQuery(),
        limit: int = 50, offset: int = 0,
    ) -> Listing:
        """One decision register ("resolutions", "recommendations", "commitments", "actions")."""
        if kind not in registers.KINDS:
            raise BadQuery(f"register must be one of {', '.join(registers.KINDS)}, not {kind!r}")
        self.check_page(limit, offset)
        _check_dates(filters, query.as_at)
        if query.status and query.status not in registers.STATUSES:
            raise BadQuery(f"status must be one of {', '.join(registers.STATUSES)}, not {query.status!r}")
        if query.outcome and query.outcome not in (*OUTCOMES, registers.NO_MINUTES):
            raise BadQuery(f"outcome must be one of {', '.join(OUTCOMES)}, not {query.outcome!r}")
        return registers.list_decisions(self.index.conn, registers.KINDS[kind], filters, query, limit, offset)

    def decision(self, decision_id: str, as_at: str | None = None) -> dict | None:
        _check_dates(Filters(), as_at)
        return registers.get_decision(self.index.conn, decision_id, as_at)

    def health(self) -> dict:
        return {"status": "ok", "documents": int(self.index.documents), "chunks": int(self.index.chunks)}
