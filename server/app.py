"""The HTTP face: a thin FastAPI layer over ``minutebook.search.service``."""

from __future__ import annotations

from contextlib import asynccontextmanager
from dataclasses import asdict

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from minutebook import __version__
from minutebook.search.filters import Filters
from minutebook.search.service import BadQuery, Minutebook
from minutebook.settings import Settings


class HitModel(BaseModel):
    chunk_id: int
    text: str
    score: float
    source: str
    document_id: str
    document_title: str
    document_type: str | None = None
    body: str | None = None
    meeting_date: str | None = None
    agenda_item: str | None = None
    section: str | None = None
    paragraph: str | None = None
    page: int | None = None
    last_page: int | None = None
    printed_page: str | None = None
    match: dict = {}


class SearchResponse(BaseModel):
    query: str
    total: int
    took_ms: float
    results: list[HitModel]


class HealthResponse(BaseModel):
    status: str
    documents: int
    chunks: int


class ErrorResponse(BaseModel):
    error: str


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse(status_code=status, content={"error": message})


def create_app(settings: Settings, library: Minutebook | None = None) -> FastAPI:
    """The app; the model and index load once, in the lifespan (or are passed in by tests)."""

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        app.state.library = library or Minutebook(settings)
        yield

    app = FastAPI(
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
            results=[HitModel(**asdict(hit)) for hit in result.results],
        )

    @app.get("/readyz", response_model=HealthResponse, summary="Ready: index and model loaded")
    @app.get("/healthz", response_model=HealthResponse, summary="Alias of /readyz")
    def ready(request: Request) -> HealthResponse:
        return HealthResponse(**request.app.state.library.health())

    @app.get("/livez", summary="The process is up")
    def live() -> dict:
        return {"status": "ok"}

    return app
