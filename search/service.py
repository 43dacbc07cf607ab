"""The library face the CLI and HTTP share: open the model and index once, validate, search."""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from datetime import date
from dataclasses import dataclass, field
from functools import lru_cache

from minutebook.settings import Settings
from minutebook.vocabulary import OUTCOMES, Hit

from minutebook.search import catalog
from minutebook.search.chat import confidence, llm
from minutebook.search.decisions import registers
from minutebook.search.catalog import Listing
from minutebook.search.storage.embed import Embedder, resolve_model_path
from minutebook.search.filters import Filters
from minutebook.search.storage import backend
from minutebook.search.storage.index import Index, IndexMissing
from minutebook.search.storage.lexicon import common_words
from minutebook.search.decisions.registers import RegisterQuery
from minutebook.search.storage.store import sentence_vectors
from minutebook.search.chat.answer import NOT_FOUND, Answer, cite, corroborate, mark_read
from minutebook.search.chat.sentences import MEANING_CANDIDATES
from minutebook.search.chat.answerers import first_answer
from minutebook.search.chat.answerers.listed import nth_decision
from minutebook.search.chat.conversation import Turn, read_turn, subject_terms
from minutebook.search.chat.evidence import Evidence, Paper
from minutebook.search.ranking import fusion, query_adapter
from minutebook.search.ranking.retrieve import Plan, QueryEncoder, hits_for, search_passages
from minutebook.search.ranking.understand import Context, understand

MODES = ("hybrid", "lexical", "dense")
SORTS = ("relevance", "date")
MAX_OFFSET = 1_000_000_000
PAPERS_KEPT = 32  # papers whose words and dates are kept in memory (see _paper)


class BadQuery(ValueError):
    """A request the user must change; the message says how."""


@dataclass
class SearchResult:
    query: str
    total: int
    results: list[Hit]
    took_ms: float
    decisions: list[dict] = field(default_factory=list)  # decision rows, when the query asks about one
    searched_for: str | None = None  # the query as repaired, when it was
    corrections: dict[str, str] = field(default_factory=dict)  # misspelt word -> corpus word
    expansions: dict[str, str] = field(default_factory=dict)  # acronym -> its definition in the papers
    context: dict = field(default_factory=dict)  # the meeting period, body, paper type the query names


def _check_dates(filters: Filters, as_at: str | None = None) -> None:
    values = {"date_from": filters.date_from, "date_to": filters.date_to, "as_at": as_at}
    for name, value in values.items():
        if value:
            try:
                date.fromisoformat(value)
            except ValueError:
                raise BadQuery(f"{name} must be a date like 2022-02-09, not {value!r}") from None


def load_embedder(settings: Settings, threads: int | None = None) -> Embedder:
    threads = settings.threads if threads is None else threads
    return Embedder(resolve_model_path(settings.model_path), threads, settings.batch_size, settings.quantize,
                    settings.runtime, settings.model_cache)


class Minutebook:
    """An opened index with its model: what a running server or a CLI command searches."""

    def __init__(self, settings: Settings, embedder: Embedder | None | bool = None) -> None:
        """``embedder=False`` opens the index for browsing only (no model load, no search)."""
        self.settings = settings
        self.index: Index = backend.open_current(settings)  # fails fast, before the slow model load
        self._reload_lock = threading.Lock()
        # A paper's words, for the names a chat answer's paper must hold; keyed by generation too.
        self._paper_in = lru_cache(maxsize=PAPERS_KEPT)(self._read_paper)
        self._checked_at = time.monotonic()
        if embedder is False:
            return
        self.embedder = embedder or load_embedder(settings, settings.query_threads)  # queries: 1 thread each
        if self.index.manifest.get("model_id") not in (None, self.embedder.model_id):
            raise IndexMissing(
                f"the index in {settings.index_dir} was built with {self.index.manifest.get('model')}, "
                f"not the configured model {self.embedder.name}: re-run `minutebook ingest`"
            )
        adapter = query_adapter.load(model_id=self.embedder.model_id) if settings.query_adapter else None
        self.encode = QueryEncoder(self.embedder, adapter=adapter)
        self.embedder.encode(["warm up"])  # the first call is slow; pay it before the first user does
        _ = self.index.lexicon  # and read the papers' words and the English word list that query repair weighs,
        common_words()  # which a one-off search reads only when a word is unknown to the papers

    def refresh_due(self) -> bool:
        """Whether a second has passed since ``current`` was last looked at."""
        return time.monotonic() - self._checked_at >= 1.0

    def refresh(self, force: bool = False) -> bool:
        """Swap in the generation ``current`` now points to, if it moved; True if it did.

        Looks at the link at most once a second unless ``force``. The new generation is opened in
        full before it replaces the old in one assignment, so no request sees a half-open index;
        requests already running finish on the old one. A generation that cannot be opened (or was
        built with another model) leaves the old one served; with ``force`` the error is raised.
        """
        with self._reload_lock:
            if not force and not self.refresh_due():
                return False
            self._checked_at = time.monotonic()
            generation = backend.current(self.settings)
            if generation is None or backend.same(generation, self.index):
                return False
            try:
                index = backend.open_current(self.settings, generation)
                model = getattr(self, "embedder", None)
                if model and index.manifest.get("model_id") not in (None, model.model_id):
                    raise IndexMissing(f"{generation} was built with {index.manifest.get('model')}, "
                                       f"not the configured model {model.name}; still serving {self.index.generation}")
            except Exception:
                logging.getLogger(__name__).exception("cannot open the new index %s", generation)
                if force:
                    raise
                return False
            self.index = index
            return True

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
        self, query: str, k: int = 10, filters: Filters = Filters(), mode: str = "hybrid", sort: str = "relevance",
        fusion_method: str | None = None,
    ) -> SearchResult:
        """Cited passages for ``query``; hybrid search orders them by ``fusion_method`` (settings.fusion
        unless given: "learned" or "rrf")."""
        query = self.check_query(query, k)
        if mode not in MODES:
            raise BadQuery(f"mode must be one of {', '.join(MODES)}, not {mode!r}")
        if sort not in SORTS:
            raise BadQuery(f"sort must be one of {', '.join(SORTS)}, not {sort!r}")
        _check_dates(filters)
        started = time.perf_counter()
        repaired, corrections, expansions, context = self.understood(query)
        hits = self._listed_first(repaired, search_passages(self.index, self.encode, repaired, k, self.plan(context, mode, filters, fusion_method)), k)
        if sort == "date":  # newest meeting first; undated papers last, in relevance order
            hits.sort(key=lambda h: h.meeting_date or "", reverse=True)
        decisions = (
            registers.decisions_for_query(self.index.conn, query, filters)
            if registers.is_about_a_decision(query) else []
        )
        return SearchResult(
            query, len(hits), hits, round((time.perf_counter() - started) * 1000, 2), decisions,
            searched_for=repaired if repaired != query else None, corrections=corrections, expansions=expansions,
            context=context.as_dict(),
        )

    def _listed_first(self, query: str, hits: list[Hit], k: int) -> list[Hit]:
        """``hits`` with, first, the passage of the decision a query asks for by its place in a paper's
        list ("the first recommendation of the annual report"), as the registers keep the list."""
        found = nth_decision(query, query, hits, self.index.lexicon, self._rows_of, self._passage)
        if found is None:
            return hits
        passage = found[2]
        return [passage, *(hit for hit in hits if hit.chunk_id != passage.chunk_id)][:k]

    def understood(self, query: str) -> tuple[str, dict, dict, Context]:
        """The query as searched (misspellings repaired, acronyms expanded, with what was changed)
        and the context it names."""
        repaired, corrections, expansions = (
            self.index.lexicon.repair(query) if self.settings.repair_queries else (query, {}, {})
        )
        return repaired, corrections, expansions, understand(repaired, self.index.bodies)

    def plan(self, context: Context | None, mode: str = "hybrid", filters: Filters = Filters(),
             fusion_method: str | None = None) -> Plan:
        """How the settings rank a query naming ``context``; hybrid search orders by ``fusion_method``
        (settings.fusion unless given)."""
        s = self.settings
        return Plan(
            mode, filters, s.candidates, {"lexical": s.lexical_weight, "dense": s.dense_weight, "context": s.context_weight},
            s.rrf_k, context, fusion.model() if (fusion_method or s.fusion) == "learned" else None,
        )

    def check_page(self, limit: int, offset: int) -> None:
        if not 1 <= limit <= self.settings.max_limit:
            raise BadQuery(f"limit must be between 1 and {self.settings.max_limit}, not {limit}")
        if not 0 <= offset <= MAX_OFFSET:  # SQLite integers are 64-bit: a larger one is an error, not a page
            raise BadQuery(f"offset must be between 0 and {MAX_OFFSET}, not {offset}")

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

    def undated(self, filters: Filters = Filters(), limit: int = 50) -> Listing:
        """Papers with no meeting date, which no meeting lists."""
        self.check_page(limit, 0)
        return catalog.list_undated(self.index.conn, filters, limit)

    def first_seen(self) -> dict[str, str]:
        """Document id -> when it first entered the index ({} for an index built before this was kept)."""
        try:
            return dict(self.index.conn.execute("SELECT document_id, first_seen FROM seen"))
        except sqlite3.Error:
            return {}

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

    def chat(self, messages: list[dict], filters: Filters = Filters()) -> Answer:
        """A cited answer to the latest question of a conversation, or a plain "not found"; each
        citation carries the spans of the sentences the answer reads out of it."""
        turn, evidence, answer = self.read_and_answer(messages, filters)
        answer.decisions = evidence.decisions
        if answer.found:
            answer.confidence = confidence.probability(turn, answer, evidence)
            mark_read(answer)  # the sentences read out, before corroboration reads them or a model rewords them
            if corroborate(answer, evidence.hits):
                mark_read(answer)  # the corroborating passages' own spans
        if answer.found and self.settings.llm_url:
            rewritten = llm.rewrite(
                llm.Endpoint(self.settings.llm_url, self.settings.llm_model, self.settings.llm_key),
                turn.question, answer.answer, {c.n: c.text for c in answer.citations},
            )
            answer.answer = rewritten or answer.answer
        if not answer.found:
            answer.answer = f"{NOT_FOUND} The closest passages are listed below; none of them answers the question."
            answer.closest = [cite(n, hit) for n, hit in enumerate(evidence.hits[:3], start=1)]
        return answer

    def read_and_answer(self, messages: list[dict], filters: Filters = Filters()) -> tuple[Turn, Evidence, Answer]:
        """The latest question as read against the conversation, what the answerers read for it, and
        the first answer they give, before its sentences are marked or corroborated."""
        if not messages:
            raise BadQuery("messages is empty: send at least one {'role': 'user', 'content': ...}")
        if len(messages) > self.settings.max_messages:
            raise BadQuery(f"the conversation has {len(messages)} messages; the limit is {self.settings.max_messages}")
        for message in messages:
            if message.get("role") not in ("user", "assistant"):
                raise BadQuery(f"a message's role must be user or assistant, not {message.get('role')!r}")
        try:
            turn = read_turn(messages)
        except ValueError as exc:
            raise BadQuery(str(exc)) from None
        self.check_query(turn.question, 1)
        # Chat reads reciprocal rank fusion's order: its sentence weights (a passage's rank among them)
        # were set on it, and on the learned order it answered fewer questions (docs/retrieval.md).
        result = self.search(turn.query[: self.settings.max_query_chars], k=MEANING_CANDIDATES, filters=filters,
                             fusion_method="rrf")
        evidence = self._evidence(messages, filters, turn, result)
        return turn, evidence, first_answer(turn, evidence)

    def _evidence(self, messages: list[dict], filters: Filters, turn, result: SearchResult) -> Evidence:
        """What the answerers read for the latest question: its search and lookups into the index."""
        last_user = max(i for i, m in enumerate(messages) if m.get("role") == "user")
        return Evidence(
            hits=result.results, decisions=result.decisions, lexicon=self.index.lexicon, query=result.query,
            searched_for=result.searched_for, context=result.context,
            subject=subject_terms(result.searched_for or turn.query), passage_for=self._passage,
            paper=self._paper, author_of=self._author,
            rows_of=self._rows_of,
            appearances=lambda row_id: registers.appearances(self.index.conn, row_id),
            next_passage=self._next_passage, previous_passage=self._previous_passage, hit=self._hit, encode=self.encode.plain, embed=self.embedder.encode,
            sentence_vectors=lambda chunks: sentence_vectors(self.index.conn, chunks, self.embedder.dimension),
            previous=lambda: self.chat(messages[:last_user], filters),
            min_support=self.settings.min_evidence, max_query_chars=self.settings.max_query_chars,
            repair_queries=self.settings.repair_queries,
        )

    def _next_passage(self, hit: Hit) -> Hit | None:
        """The passage after ``hit`` in its paper, when it is of the same section."""
        return self._neighbour(hit, 1)

    def _previous_passage(self, hit: Hit) -> Hit | None:
        """The passage before ``hit`` in its paper, when it is of the same section."""
        return self._neighbour(hit, -1)

    def _neighbour(self, hit: Hit, step: int) -> Hit | None:
        row = self.index.conn.execute(
            "SELECT n.id FROM chunks c JOIN chunks n ON n.document_id = c.document_id AND n.ordinal = c.ordinal + ?"
            " WHERE c.id = ?", [step, hit.chunk_id],
        ).fetchone()
        found = self._hit(row[0]) if row else None
        return found if found is not None and found.section == hit.section else None

    def _hit(self, chunk_id: int) -> Hit | None:
        """The passage ``chunk_id`` as a search result (None when the index no longer holds it)."""
        found = hits_for(self.index, [(chunk_id, 1.0, {})])
        return found[0] if found else None

    def _paper(self, document_id: str) -> Paper:
        return self._paper_in(self.index.generation, document_id)

    def _read_paper(self, generation, document_id: str) -> Paper:
        """The words and dates of a paper of the index now served (``generation`` keys the cache only)."""
        rows = self.index.conn.execute("SELECT id, text FROM chunks WHERE document_id = ? ORDER BY ordinal", [document_id]).fetchall()
        return Paper(tuple(text for _, text in rows), tuple(chunk_id for chunk_id, _ in rows))

    def _rows_of(self, document_id: str, kind: str) -> list[dict]:
        """A paper's decisions of one kind, in the order it gives them."""
        return registers.document_decisions(self.index.conn, document_id, kind)

    def _author(self, document_id: str) -> str | None:
        row = self.index.conn.execute("SELECT author FROM documents WHERE id = ?", [document_id]).fetchone()
        return row[0] if row else None

    def _passage(self, row: dict, text: str, anywhere: bool = False) -> Hit | None:
        """The passage of ``row``'s paper that records ``text`` (the row, one of its items or, with
        ``anywhere``, a field of the paper's header)."""
        chunk = registers.decision_passage(self.index.conn, row, text, anywhere)
        return self._hit(chunk) if chunk else None

    def health(self) -> dict:
        return {"status": "ok", "documents": int(self.index.documents), "chunks": int(self.index.chunks)}
