"""The web face: server-rendered pages over the same library the API calls.

    /                       search, with filters and sort; cited passages with the query terms marked
    /papers/{document_id}   a paper: metadata, outline, passages (anchors ``#chunk-{id}``), appearances
    /calendar               meetings by body and date (``/meetings`` is the JSON API's)
    /calendar/{meeting_id}  a meeting: its agenda items and papers
    /tracker                the decision registers as tables: filters, "as at" date, sort, CSV of the rows shown
    /tracker.csv            exactly the rows a /tracker page shows (same parameters), as CSV
    /ask                    chat: a cited answer; the questions so far ride along in the query (``h``)
    /files/{document_id}    the original file of an indexed paper
    /static/...             the stylesheet

Nothing is fetched from elsewhere: the pages work offline.
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from datetime import date
from pathlib import Path
from urllib.parse import parse_qsl, urlencode

from fastapi import FastAPI, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader

from minutebook.search.decisions import registers
from minutebook.search import watches
from minutebook.search.chat.answer import NOT_FOUND
from minutebook.search.filters import Filters
from minutebook.search.decisions.registers import RegisterQuery, rows_to_csv
from minutebook.search.service import BadQuery, Minutebook
from minutebook.vocabulary import OUTCOMES

from .format import (
    cite_markers, detail_lines, file_name, friendly, has_pages, highlight, is_pdf, label, long_date, mark_spans, row_state, sort_rows,
)
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


TABS = (("resolutions", "Resolutions"), ("recommendations", "Recommendations"), ("commitments", "Commitments"),
        ("actions", "Actions"))
STATE_HEADINGS = {"resolutions": "Result", "recommendations": "Outcome", "commitments": "Status", "actions": "Status"}
ROW_SORTS = ("newest", "oldest", "reference", "status")
TRACKER_ROWS = 100  # rows per tracker page
MAX_TURNS = 10  # questions carried from page to page; older ones drop off
def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True, trim_blocks=True, lstrip_blocks=True)
    env.filters.update(highlight=highlight, long_date=long_date, label=label, file_name=file_name, is_pdf=is_pdf, has_pages=has_pages,
                       cite_markers=cite_markers, mark_spans=mark_spans, row_state=row_state, detail_lines=detail_lines)
    env.globals["document_label"] = label  # for macros that take how to show a value
    return env


_facet_cache: "weakref.WeakKeyDictionary[object, dict[str, list[str]]]" = weakref.WeakKeyDictionary()


OUTLINE_OPEN = 15  # a paper's outline of more sections starts folded
UNDATED_SHOWN = 200  # papers listed under "Date unknown" on the calendar


def by_paper(hits: list) -> list[list]:
    """Results grouped by paper, each paper where its best passage ranked, its passages in rank order."""
    groups: dict[str, list] = {}
    for hit in hits:
        groups.setdefault(hit.document_id, []).append(hit)
    return list(groups.values())


def _facets(library: Minutebook) -> dict[str, list[str]]:
    """The bodies and document types in the index, for the filter menus (read once per opened index,
    so a reloaded index brings its own)."""
    cached = _facet_cache.get(library.index)
    if cached is None:
        conn = library.index.conn
        cached = _facet_cache[library.index] = {
            name: [r[0] for r in conn.execute(f"SELECT DISTINCT {column} FROM documents WHERE {column} IS NOT NULL ORDER BY 1")]
            for name, column in (("organisations", "organisation"), ("bodies", "body"), ("types", "type"))
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

    def watch_page(library: Minutebook, form: dict | None = None, error: str | None = None, status: int = 200):
        return page("watchlist.html", status, title="Watches", section="watches", facets=_facets(library),
                    watches=watches.load(library.settings.index_dir), form=form or {"q": "", "organisation": "", "body": ""},
                    error=error)

    @app.get("/watchlist", response_class=HTMLResponse, include_in_schema=False)
    def watchlist(request: Request) -> HTMLResponse:
        return watch_page(request.app.state.library)

    @app.post("/watchlist", response_class=HTMLResponse, include_in_schema=False)
    async def add_watch(request: Request) -> Response:
        library: Minutebook = request.app.state.library
        fields = dict(parse_qsl((await request.body()).decode("utf-8", "replace")))
        form = {k: fields.get(k, "").strip() for k in ("q", "organisation", "body")}
        try:
            watches.add(library.settings.index_dir, form["q"], {k: form[k] for k in ("organisation", "body")})
        except ValueError as exc:
            return watch_page(library, form, friendly(str(exc)), 422)
        return RedirectResponse("/watchlist", status_code=303)

    @app.post("/watchlist/{watch_id}/remove", response_class=HTMLResponse, include_in_schema=False)
    def remove_watch(request: Request, watch_id: str) -> Response:
        if not watches.remove(request.app.state.library.settings.index_dir, watch_id):
            return not_found(f"There is no watch “{watch_id}”.", "watches")
        return RedirectResponse("/watchlist", status_code=303)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def search_page(
        request: Request,
        q: str = "",
        organisation: str = "",
        body: str = "",
        document_type: str = "",
        date_from: str = "",
        date_to: str = "",
        agenda_item: str = "",
        sort: str = "relevance",
    ) -> HTMLResponse:
        library: Minutebook = request.app.state.library
        form = {
            "q": q, "organisation": organisation.strip(), "body": body.strip(), "document_type": document_type.strip(),
            "date_from": date_from.strip(),
            "date_to": date_to.strip(), "agenda_item": agenda_item.strip(), "sort": sort,
        }
        filters = Filters(**{k: form[k] or None for k in ("organisation", "body", "document_type", "date_from", "date_to", "agenda_item")})
        result, error, status = None, None, 200
        if q.strip():
            try:
                result = library.search(q, RESULTS, filters, "hybrid", sort)
            except BadQuery as exc:
                error, status = friendly(str(exc)), 422
        title = f"{' '.join(q.split())} – search" if q.strip() else "Search"
        return page(
            "search.html", status, title=title, section="search", form=form, result=result, error=error,
            facets=_facets(library), filtered=bool(filters), papers=by_paper(result.results) if result else [],
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
                    passages_from=passages_from, passages_pdf=is_pdf(first["source"]), OUTLINE_OPEN=OUTLINE_OPEN)

    @app.get("/calendar", response_class=HTMLResponse, include_in_schema=False)
    def meetings_page(request: Request, offset: str = "0") -> HTMLResponse:
        offset = max(int(offset), 0) if offset.isdigit() else 0
        listing = request.app.state.library.meetings(Filters(), MEETINGS_PER_PAGE, offset)
        # Grouped by organisation, then body: papers of several councils each keep their own bodies.
        groups: dict[str, dict[str, list[dict]]] = {}
        for meeting in listing.items:
            groups.setdefault(meeting["organisation"] or "", {}).setdefault(meeting["body"], []).append(meeting)
        organisations = [(organisation, sorted(bodies.items(), key=lambda kv: kv[0].lower()))
                         for organisation, bodies in sorted(groups.items(), key=lambda kv: (not kv[0], kv[0].lower()))]
        # Papers without a meeting date follow the oldest meetings, under "Date unknown".
        last_page = listing.offset + len(listing.items) >= listing.total
        undated = request.app.state.library.undated(Filters(), UNDATED_SHOWN) if last_page else None
        return page("meetings.html", title="Meetings", section="meetings", listing=listing, organisations=organisations,
                    undated=undated)

    @app.get("/calendar/{meeting_id}", response_class=HTMLResponse, include_in_schema=False)
    def meeting_page(request: Request, meeting_id: str) -> HTMLResponse:
        meeting = request.app.state.library.meeting(meeting_id)
        if meeting is None:
            return not_found(f"There is no meeting with id “{meeting_id}” in the index.", "meetings")
        return page("meeting.html", title=f"{meeting['body']}, {long_date(meeting['date'])}", section="meetings",
                    meeting=meeting)

    def tracker_rows(library: Minutebook, form: dict) -> list[dict]:
        """Every row of the register the form names, filtered and in the order asked for."""
        plural = form["register"]
        filters = Filters(organisation=form["organisation"] or None, body=form["body"] or None,
                          date_from=form["date_from"] or None, date_to=form["date_to"] or None)
        query = RegisterQuery(
            form["q"] or None, form["status"] if plural == "actions" else None,
            form["outcome"] if plural == "recommendations" else None, form["as_at"],
        )
        listing = library.register(plural, filters, query, library.settings.max_limit, 0)  # validates
        rows = listing.items
        if listing.total > len(rows):
            rows = registers.list_decisions(library.index.conn, registers.KINDS[plural], filters, query, listing.total, 0).items
        return sort_rows(rows, form["sort"])

    def tracker_form(register: str, organisation: str, body: str, date_from: str, date_to: str, q: str, status: str,
                     outcome: str, as_at: str, sort: str) -> dict:
        return {
            "register": register if register in registers.KINDS else "resolutions", "organisation": organisation.strip(),
            "body": body.strip(),
            "date_from": date_from.strip(), "date_to": date_to.strip(), "q": " ".join(q.split()),
            "status": status.strip(), "outcome": outcome.strip(),
            "as_at": as_at.strip() or date.today().isoformat(), "sort": sort if sort in ROW_SORTS else "newest",
        }

    def tracker_link(path: str, form: dict, **changes) -> str:
        """``path`` with the form's non-empty values (status and outcome only where they apply)."""
        values = {**form, **changes}
        if values["register"] != "actions":
            values.pop("status", None)
        if values["register"] != "recommendations":
            values.pop("outcome", None)
        if values["register"] != "actions":
            values.pop("as_at", None)
        if values.get("sort") == "newest":
            values.pop("sort")
        return path + "?" + urlencode({k: v for k, v in values.items() if v not in ("", None)})

    @app.get("/tracker", response_class=HTMLResponse, include_in_schema=False)
    def tracker_page(
        request: Request, register: str = "resolutions", organisation: str = "", body: str = "", date_from: str = "",
        date_to: str = "",
        q: str = "", status: str = "", outcome: str = "", as_at: str = "", sort: str = "newest", offset: str = "0",
    ) -> HTMLResponse:
        library: Minutebook = request.app.state.library
        if register not in registers.KINDS:
            return not_found(f"There is no register called “{register}”; choose one of the tabs.", "tracker")
        form = tracker_form(register, organisation, body, date_from, date_to, q, status, outcome, as_at, sort)
        start = max(int(offset), 0) if offset.isdigit() else 0
        rows, error, status_code = [], None, 200
        try:
            rows = tracker_rows(library, form)
        except BadQuery as exc:
            error, status_code = friendly(str(exc)), 422
        shown = rows[start:start + TRACKER_ROWS]
        passages = {row["id"]: registers.decision_passage(library.index.conn, row) for row in shown}
        page_link = lambda path, **changes: tracker_link(path, form, **changes)  # noqa: E731
        name = dict(TABS)[register]
        return page(
            "tracker.html", status_code, title=f"{name} – tracker", section="tracker", form=form, tabs=TABS,
            rows=shown, total=len(rows), start=start, per_page=TRACKER_ROWS, passages=passages, error=error,
            link=page_link, state_heading=STATE_HEADINGS[register], statuses=registers.STATUSES,
            outcomes=(*OUTCOMES, registers.NO_MINUTES), facets=_facets(library), register_name=name,
            filtered=any(form[k] for k in ("organisation", "body", "date_from", "date_to", "q"))
            or (register == "actions" and form["status"]) or (register == "recommendations" and form["outcome"]),
        )

    @app.get("/tracker.csv", include_in_schema=False)
    def tracker_csv(
        request: Request, register: str = "resolutions", organisation: str = "", body: str = "", date_from: str = "",
        date_to: str = "",
        q: str = "", status: str = "", outcome: str = "", as_at: str = "", sort: str = "newest", offset: str = "0",
        limit: str = "",
    ) -> Response:
        """The rows a tracker page with the same parameters shows (``limit`` rows from ``offset``; all without)."""
        library: Minutebook = request.app.state.library
        if register not in registers.KINDS:
            return not_found(f"There is no register called “{register}”.", "tracker")
        form = tracker_form(register, organisation, body, date_from, date_to, q, status, outcome, as_at, sort)
        try:
            rows = tracker_rows(library, form)
        except BadQuery as exc:
            return page("error.html", 422, title="Please check the filters", message=friendly(str(exc)), section="tracker")
        start = max(int(offset), 0) if offset.isdigit() else 0
        rows = rows[start:start + int(limit)] if limit.isdigit() else rows[start:]
        stamp = f"-as-at-{form['as_at']}" if register == "actions" else ""
        return Response(rows_to_csv(rows), media_type="text/csv; charset=utf-8", headers={
            "Content-Disposition": f'attachment; filename="{register}{stamp}.csv"', "X-Content-Type-Options": "nosniff",
        })

    # Answers computed for a conversation so far, so each follow-up computes only its own answer.
    answers: "OrderedDict[tuple, object]" = OrderedDict()
    answers_lock = threading.Lock()

    def answer_for(library: Minutebook, questions: tuple[str, ...]):
        key = (str(library.index.generation), questions)
        with answers_lock:
            if key in answers:
                answers.move_to_end(key)
                return answers[key]
        answer = library.chat([{"role": "user", "content": q} for q in questions])
        with answers_lock:
            answers[key] = answer
            while len(answers) > 256:
                answers.popitem(last=False)
        return answer

    @app.get("/ask", response_class=HTMLResponse, include_in_schema=False)
    def ask_page(request: Request, q: str = "", h: list[str] = Query([])) -> HTMLResponse:
        library: Minutebook = request.app.state.library
        asked = [" ".join(x.split()) for x in (*h, q)]
        questions = [x for x in asked if x][-MAX_TURNS:]
        turns, error, status_code = [], None, 200
        for i, question in enumerate(questions):
            try:
                turns.append((question, answer_for(library, tuple(questions[: i + 1]))))
            except BadQuery as exc:
                error, status_code = friendly(str(exc)), 422
                questions = questions[:i]  # keep what was answered; the form still shows what was typed
                break
        latest = turns[-1] if turns else None
        title = f"{latest[0]} – ask" if latest and not error else "Ask"
        return page(
            "ask.html", status_code, title=title, section="ask", earlier=turns[:-1], latest=latest,
            history=questions[-(MAX_TURNS - 1):] if questions else [], typed=q if error else "", error=error,
            not_found=NOT_FOUND,
        )

    @app.get("/files/{document_id}", include_in_schema=False)
    def original_file(request: Request, document_id: str) -> Response:
        try:
            source = find_source(request.app.state.library, document_id)
        except SourceUnavailable as exc:
            return page("error.html", exc.status, title="File not available", message=str(exc), section="search")
        return source_response(source)

    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
