"""The web face: server-rendered pages over the same library the API calls.

    /                       search, with filters and sort; cited passages with the query terms marked
    /papers/{document_id}   a paper: metadata, outline, passages (anchors ``#chunk-{id}``), appearances
    /calendar               meetings by body and date (``/meetings`` is the JSON API's)
    /calendar/{meeting_id}  a meeting: its agenda items and papers
    /files/{document_id}    the original file of an indexed paper
    /static/...             the stylesheet

Nothing is fetched from elsewhere: the pages work offline.
"""

from __future__ import annotations

import re
import weakref
from datetime import date
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup, escape

from minutebook.search.filters import Filters
from minutebook.search.service import BadQuery, Minutebook

from .sources import SourceUnavailable, find_source, source_response

HERE = Path(__file__).parent
RESULTS = 10
MEETINGS_PER_PAGE = 100
# Pages load only their own stylesheet: no inline script or style, nothing from another origin.
HTML_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


def _stem(term: str) -> str:
    """A crude stem so "waiting" also marks "wait" and "allotments" marks "allotment" (search stems too)."""
    for suffix in ("ing", "ed", "es", "s"):
        if term.endswith(suffix) and len(term) - len(suffix) >= 4:
            return term[: -len(suffix)]
    return term


def highlight(text: str, terms: list[str] | None) -> Markup:
    """``text`` HTML-escaped, with words starting with a query term wrapped in ``<mark>``."""
    terms = sorted({_stem(t) for t in terms or () if t}, key=len, reverse=True)
    if not terms:
        return escape(text)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, terms)) + r")\w*", re.IGNORECASE)
    out, last = [], 0
    for found in pattern.finditer(text):
        out.append(escape(text[last:found.start()]))
        out.append(Markup("<mark>") + escape(found.group()) + Markup("</mark>"))
        last = found.end()
    out.append(escape(text[last:]))
    return Markup("").join(out)


FIELD_NAMES = {"date_from": "the “Meeting from” date", "date_to": "the “Meeting to” date"}


def friendly(message: str) -> str:
    """A validation message in the words of the form: "date_from must be ..." -> "The “Meeting from” date must be ..."."""
    for field, name in FIELD_NAMES.items():
        message = re.sub(rf"\b{field}\b", name, message)
    message = message[:1].upper() + message[1:]
    return message if message.endswith((".", "?", "!")) else message + "."


def long_date(value: str | None) -> str:
    """2024-03-12 -> 12 March 2024 (anything else as it is)."""
    if not value:
        return ""
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return value
    return f"{day.day} {day:%B %Y}"


def label(value: str | None) -> str:
    """annual_report -> Annual report."""
    return (value or "").replace("_", " ").capitalize()


def file_name(path: str | None) -> str:
    return (path or "").replace("\\", "/").rsplit("/", 1)[-1]


def is_pdf(path: str | None) -> bool:
    return (path or "").lower().endswith(".pdf")


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True, trim_blocks=True, lstrip_blocks=True)
    env.filters.update(highlight=highlight, long_date=long_date, label=label, file_name=file_name, is_pdf=is_pdf)
    return env


_facet_cache: "weakref.WeakKeyDictionary[Minutebook, dict[str, list[str]]]" = weakref.WeakKeyDictionary()


def _facets(library: Minutebook) -> dict[str, list[str]]:
    """The bodies and document types in the index, for the filter menus (read once per library)."""
    cached = _facet_cache.get(library)
    if cached is None:
        conn = library.index.conn
        cached = _facet_cache[library] = {
            name: [r[0] for r in conn.execute(f"SELECT DISTINCT {column} FROM documents WHERE {column} IS NOT NULL ORDER BY 1")]
            for name, column in (("bodies", "body"), ("types", "type"))
        }
    return cached


def mount_web(app: FastAPI) -> None:
    """Add the HTML pages, the original-file route and the stylesheet to ``app``."""
    env = _environment()

    def page(name: str, status: int = 200, **context) -> HTMLResponse:
        html = env.get_template(name).render(**context)
        return HTMLResponse(html, status_code=status, headers=HTML_HEADERS)

    def not_found(what: str, section: str = "search") -> HTMLResponse:
        return page("error.html", 404, title="Not found", message=what, section=section)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def search_page(
        request: Request,
        q: str = "",
        body: str = "",
        document_type: str = "",
        date_from: str = "",
        date_to: str = "",
        agenda_item: str = "",
        sort: str = "relevance",
    ) -> HTMLResponse:
        library: Minutebook = request.app.state.library
        form = {
            "q": q, "body": body.strip(), "document_type": document_type.strip(), "date_from": date_from.strip(),
            "date_to": date_to.strip(), "agenda_item": agenda_item.strip(), "sort": sort,
        }
        filters = Filters(**{k: form[k] or None for k in ("body", "document_type", "date_from", "date_to", "agenda_item")})
        result, error, status = None, None, 200
        if q.strip():
            try:
                result = library.search(q, RESULTS, filters, "hybrid", sort)
            except BadQuery as exc:
                error, status = friendly(str(exc)), 422
        title = f"{' '.join(q.split())} – search" if q.strip() else "Search"
        return page(
            "search.html", status, title=title, section="search", form=form, result=result, error=error,
            facets=_facets(library), filtered=bool(filters),
        )

    @app.get("/papers/{document_id}", response_class=HTMLResponse, include_in_schema=False)
    def paper_page(request: Request, document_id: str) -> HTMLResponse:
        paper = request.app.state.library.document(document_id)
        if paper is None:
            return not_found(f"There is no paper with id “{document_id}” in the index.")
        others = [a for a in paper["appearances"] if a["id"] != paper["id"]]
        # A republished paper shows the passages of its first appearance; pages refer to that file.
        passages_from = paper["repeat_of"] or paper["id"]
        first = next((a for a in paper["appearances"] if a["id"] == passages_from), paper)
        return page("paper.html", title=paper["title"], section="search", paper=paper, others=others,
                    passages_from=passages_from, passages_pdf=is_pdf(first["source"]))

    @app.get("/calendar", response_class=HTMLResponse, include_in_schema=False)
    def meetings_page(request: Request, offset: str = "0") -> HTMLResponse:
        offset = max(int(offset), 0) if offset.isdigit() else 0
        listing = request.app.state.library.meetings(Filters(), MEETINGS_PER_PAGE, offset)
        bodies: dict[str, list[dict]] = {}
        for meeting in listing.items:
            bodies.setdefault(meeting["body"], []).append(meeting)
        return page("meetings.html", title="Meetings", section="meetings", listing=listing,
                    bodies=sorted(bodies.items(), key=lambda kv: kv[0].lower()))

    @app.get("/calendar/{meeting_id}", response_class=HTMLResponse, include_in_schema=False)
    def meeting_page(request: Request, meeting_id: str) -> HTMLResponse:
        meeting = request.app.state.library.meeting(meeting_id)
        if meeting is None:
            return not_found(f"There is no meeting with id “{meeting_id}” in the index.", "meetings")
        return page("meeting.html", title=f"{meeting['body']}, {long_date(meeting['date'])}", section="meetings",
                    meeting=meeting)

    @app.get("/files/{document_id}", include_in_schema=False)
    def original_file(request: Request, document_id: str) -> Response:
        try:
            source = find_source(request.app.state.library, document_id)
        except SourceUnavailable as exc:
            return page("error.html", exc.status, title="File not available", message=str(exc), section="search")
        return source_response(source)

    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
