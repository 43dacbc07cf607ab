"""The HTTP face: a thin FastAPI layer over ``minutebook.search.service``."""

from __future__ import annotations

import json
from dataclasses import asdict
import re
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response, StreamingResponse
from fastapi_offline import FastAPIOffline
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from minutebook import __version__
from minutebook.search.chat.answer import Citation as PassageCitation
from minutebook.search import feeds, watches
from minutebook.search.chat.answer import as_dict
from minutebook.vocabulary import Hit
from minutebook.search.filters import Filters
from minutebook.search.decisions.registers import KINDS, RegisterQuery, rows_to_csv
from minutebook.search.service import BadQuery, Minutebook
from minutebook.settings import Settings

from .guard import add_guard
from .web import mount_web


class SearchResponse(BaseModel):
    query: str
    total: int
    took_ms: float
    results: list[Hit]  # the vocabulary dataclass: one definition serves library and HTTP
    decisions: list["DecisionRow"] = []
    searched_for: str | None = None
    corrections: dict[str, str] = {}
    expansions: dict[str, str] = {}
    context: dict = {}  # what the query names: date_from/date_to, body, document_type, asks_for, said


class DocumentSummary(BaseModel):
    id: str
    title: str
    type: str
    source: str
    organisation: str | None = None
    body: str | None = None
    meeting_date: str | None = None
    published_date: str | None = None
    agenda_item: str | None = None
    agenda_item_title: str | None = None
    author: str | None = None
    wards: str | None = None
    key_decision: bool | None = None
    exempt: bool | None = None
    first_page: int | None = None
    last_page: int | None = None
    meeting_id: str | None = None
    repeat_of: str | None = None


class DocumentList(BaseModel):
    total: int
    limit: int
    offset: int
    documents: list[DocumentSummary]


class OutlineEntry(BaseModel):
    section: str
    page: int | None = None
    chunk_id: int


class Passage(BaseModel):
    id: int
    ordinal: int
    text: str
    page: int | None = None
    last_page: int | None = None
    printed_page: str | None = None
    section: str | None = None
    paragraph: str | None = None
    kind: str


class DocumentDetail(DocumentSummary):
    outline: list[OutlineEntry]
    passages: list[Passage]
    appearances: list[DocumentSummary]


class MeetingSummary(BaseModel):
    id: str
    body: str
    date: str
    organisation: str | None = None
    papers: int


class MeetingList(BaseModel):
    total: int
    limit: int
    offset: int
    meetings: list[MeetingSummary]


class AgendaItem(BaseModel):
    agenda_item: str
    title: str | None = None


class MeetingDetail(BaseModel):
    id: str
    body: str
    date: str
    organisation: str | None = None
    items: list[AgendaItem]
    papers: list[DocumentSummary]


class Citation(BaseModel):
    document_id: str
    document_title: str
    document_type: str | None = None
    source: str
    organisation: str | None = None
    body: str | None = None
    meeting_date: str | None = None
    agenda_item: str | None = None
    section: str | None = None
    page: int | None = None
    last_page: int | None = None


class LinkModel(BaseModel):
    kind: str
    source_id: str
    target_id: str
    outcome: str | None = None
    score: float | None = None
    target_date: str | None = None  # meeting date of the paper the link points to
    evidence: list[str] = []


class DecisionRow(BaseModel):
    id: str
    kind: str
    reference: str | None = None
    title: str | None = None
    text: str
    items: list[str]
    details: dict
    citation: Citation
    links: list[LinkModel]
    outcome: str | None = None  # recommendations: how the meeting disposed of them; resolutions: their result as minuted
    status: str | None = None  # actions: open, fulfilled, overdue or undated as at the requested date


class DecisionList(BaseModel):
    total: int
    limit: int
    offset: int
    rows: list[DecisionRow]


class ChatMessage(BaseModel):
    role: str = Field(description="user or assistant")
    content: str = Field(max_length=20_000)


class ChatFilters(BaseModel):
    organisation: str | None = None
    body: str | None = None
    document_type: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    agenda_item: str | None = None
    source: str | None = None


class ChatRequest(BaseModel):
    messages: list[ChatMessage] = Field(description="the conversation so far, oldest first; the last user message is answered")
    filters: ChatFilters = ChatFilters()


class ChatResponse(BaseModel):
    answer: str
    found: bool
    citations: list[PassageCitation]
    decisions: list[DecisionRow]
    closest: list[PassageCitation] = []
    query: str
    evidence: float
    answered_by: str = Field("", description="the way of answering that gave it: previous, listed, decision, timeline, who, passages; empty when not found")
    confidence: float | None = Field(None, description="the probability that the answer gives what was asked, from a model fitted on questions with known answers; null when not found")


class HealthResponse(BaseModel):
    status: str
    documents: int
    chunks: int


class ErrorResponse(BaseModel):
    error: str


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse(status_code=status, content={"error": message})


def _add_register_routes(app: FastAPI, plural: str, singular: str) -> None:
    """GET /{plural} (filtered, paged, JSON or CSV) and GET /{plural}/{id} for one register."""

    @app.get(f"/{plural}", response_model=DecisionList, summary=f"The {singular} register",
             responses={200: {"content": {"text/csv": {}}}})
    def register(
        request: Request,
        filters: Filters = Depends(),
        q: str | None = Query(None, description="words in the text or title"),
        status: str | None = Query(None, description="actions: open, fulfilled, overdue or undated"),
        outcome: str | None = Query(None, description="recommendations: agreed, amended, noted, deferred, rejected, no decision found"),
        as_at: str | None = Query(None, description="ISO date actions are judged at (default today)"),
        limit: int = Query(50, description="rows per page"),
        offset: int = Query(0, description="rows to skip"),
        format: str = Query("json", description="json or csv"),
    ):
        if format not in ("json", "csv"):
            raise BadQuery(f"format must be json or csv, not {format!r}")
        page = request.app.state.library.register(plural, filters, RegisterQuery(q, status, outcome, as_at), limit, offset)
        if format == "csv":
            return Response(rows_to_csv(page.items), media_type="text/csv; charset=utf-8",
                            headers={"Content-Disposition": f'attachment; filename="{plural}.csv"'})
        return DecisionList(total=page.total, limit=page.limit, offset=page.offset, rows=page.items)

    @app.get(f"/{plural}/{{decision_id}}", response_model=DecisionRow, summary=f"One {singular} with its links")
    def one(request: Request, decision_id: str, as_at: str | None = Query(None)) -> DecisionRow:
        row = request.app.state.library.decision(decision_id, as_at)
        if row is None or row["kind"] != singular:
            raise StarletteHTTPException(404, f"no {singular} {decision_id!r}; GET /{plural} lists them")
        return DecisionRow(**row)


def _chat_events(payload: "ChatResponse"):
    """The answer sentence by sentence ("answer" events), then "citations", then "done"."""
    pieces = re.split(r"(?<=\])\s+", payload.answer)
    for piece in pieces:
        yield f"event: answer\ndata: {json.dumps(piece)}\n\n"
    rest = payload.model_dump(exclude={"answer"})
    yield f"event: citations\ndata: {json.dumps(rest)}\n\n"
    yield "event: done\ndata: {}\n\n"


def _base(request: Request) -> str:
    return str(request.base_url).rstrip("/")


def create_app(settings: Settings, library: Minutebook | None = None) -> FastAPI:
    """The app; the model and index load once, in the lifespan (or are passed in by tests)."""

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        app.state.library = library or Minutebook(settings)
        yield

    # The API's page (/docs) loads Swagger UI from files shipped in a package, not a CDN: it works
    # offline. ReDoc is left out: it fetches its logo from the web.
    app = FastAPIOffline(
        redoc_url=None,
        title="minutebook",
        version=__version__,
        description="Cited search over council and public board papers.",
        lifespan=lifespan,
        responses={422: {"model": ErrorResponse}},
    )

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = []
        for error in exc.errors():
            where = ".".join(str(p) for p in error.get("loc", ()) if p not in ("query", "body"))
            problems.append(f"{where}: {error.get('msg')}" if where else str(error.get("msg")))
        return _error(422, "; ".join(problems) or "invalid request")

    @app.exception_handler(BadQuery)
    async def bad_query(request: Request, exc: BadQuery) -> JSONResponse:
        return _error(422, str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return _error(exc.status_code, str(exc.detail))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        return _error(500, "internal error; the server log has the details")

    @app.get("/search", response_model=SearchResponse, summary="Cited passages for a query")
    def search(
        request: Request,
        q: str = Query(..., description="what to look for, in plain words"),
        k: int = Query(10, description="how many passages to return"),
        mode: str = Query("hybrid", description="hybrid (default), lexical or dense"),
        sort: str = Query("relevance", description="relevance or date (newest meeting first)"),
        filters: Filters = Depends(),
    ) -> SearchResponse:
        result = request.app.state.library.search(q, k, filters, mode, sort)
        return SearchResponse(
            query=result.query,
            total=result.total,
            took_ms=result.took_ms,
            results=result.results,
            decisions=result.decisions,
            searched_for=result.searched_for,
            corrections=result.corrections,
            expansions=result.expansions,
            context=result.context,
        )

    @app.get("/documents", response_model=DocumentList, summary="Papers in the index, newest meeting first")
    def documents(
        request: Request,
        filters: Filters = Depends(),
        title: str | None = Query(None, description="words in the title"),
        limit: int = Query(50, description="rows per page"),
        offset: int = Query(0, description="rows to skip"),
    ) -> DocumentList:
        page = request.app.state.library.documents(filters, limit, offset, title)
        return DocumentList(total=page.total, limit=page.limit, offset=page.offset, documents=page.items)

    @app.get("/documents/{document_id}", response_model=DocumentDetail, summary="A paper: metadata, outline, passages, appearances")
    def document(request: Request, document_id: str) -> DocumentDetail:
        found = request.app.state.library.document(document_id)
        if found is None:
            raise StarletteHTTPException(404, f"no document {document_id!r}; GET /documents lists them")
        return DocumentDetail(**found)

    @app.get("/meetings", response_model=MeetingList, summary="Meetings (a body on a date), newest first")
    def meetings(
        request: Request,
        filters: Filters = Depends(),
        limit: int = Query(50, description="rows per page"),
        offset: int = Query(0, description="rows to skip"),
    ) -> MeetingList:
        page = request.app.state.library.meetings(filters, limit, offset)
        return MeetingList(total=page.total, limit=page.limit, offset=page.offset, meetings=page.items)

    @app.get("/meetings/{meeting_id}", response_model=MeetingDetail, summary="A meeting: its items and papers")
    def meeting(request: Request, meeting_id: str) -> MeetingDetail:
        found = request.app.state.library.meeting(meeting_id)
        if found is None:
            raise StarletteHTTPException(404, f"no meeting {meeting_id!r}; GET /meetings lists them")
        return MeetingDetail(**found)

    for plural, singular in KINDS.items():
        _add_register_routes(app, plural, singular)

    @app.post("/chat", response_model=ChatResponse, summary="A cited answer to the last question of a conversation",
              responses={200: {"content": {"text/event-stream": {}}}})
    def chat(request: Request, body: ChatRequest, stream: bool = Query(False, description="answer as server-sent events")):
        answer = request.app.state.library.chat([m.model_dump() for m in body.messages], Filters(**body.filters.model_dump()))
        payload = ChatResponse(**as_dict(answer))
        if not stream:
            return payload
        return StreamingResponse(_chat_events(payload), media_type="text/event-stream")

    ATOM = "application/atom+xml; charset=utf-8"

    @app.get("/feeds/overdue.atom", summary="Atom feed of the actions overdue today", response_class=Response)
    def overdue(request: Request) -> Response:
        return Response(feeds.overdue_feed(request.app.state.library, _base(request)), media_type=ATOM)

    @app.get("/feeds/{watch_id}.atom", summary="Atom feed of a watch: new passages and decisions about its query",
             response_class=Response)
    def watch_feed(request: Request, watch_id: str) -> Response:
        library = request.app.state.library
        watch = watches.find(library.settings.index_dir, watch_id)
        if watch is None:
            return _error(404, f"no watch called {watch_id!r}; `minutebook watch list` lists them")
        return Response(feeds.watch_feed(library, watch, _base(request)), media_type=ATOM)

    @app.get("/watches", summary="The saved searches (watches) and their feeds")
    def watch_list(request: Request) -> dict:
        base = _base(request)
        return {"watches": [{**asdict(w), "feed": f"{base}/feeds/{w.id}.atom"}
                            for w in watches.load(request.app.state.library.settings.index_dir)]}

    @app.get("/readyz", response_model=HealthResponse, summary="Ready: index and model loaded")
    @app.get("/healthz", response_model=HealthResponse, summary="Alias of /readyz")
    def ready(request: Request) -> HealthResponse:
        return HealthResponse(**request.app.state.library.health())

    @app.get("/livez", summary="The process is up")
    def live() -> dict:
        return {"status": "ok"}

    add_guard(app, settings)  # body and time limits, following a new index, POST /admin/reload
    mount_web(app)
    return app
