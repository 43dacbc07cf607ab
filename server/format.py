"""How the web pages show things: dates, labels and file names; a passage with the query's words
marked or the sentences an answer read out of it; an answer's [n] markers as links; a register
row's state and details; an error message in the words of the form."""

from __future__ import annotations

import re
from datetime import date

from markupsafe import Markup, escape

from minutebook.ingest.read import PDF_SUFFIXES, WORD_SUFFIXES


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


FIELD_NAMES = {"date_from": "the “Meeting from” date", "date_to": "the “Meeting to” date", "as_at": "the “As at” date"}


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
    return (path or "").lower().endswith(tuple(PDF_SUFFIXES))


def has_pages(path: str | None) -> bool:
    """Whether a paper's file has pages a reader can cite: a PDF's, or a Word document's as Word broke them."""
    return (path or "").lower().endswith(tuple(PDF_SUFFIXES | WORD_SUFFIXES))


# ---- the tracker: the decision registers as tables ----


# Details worth a line of their own, in this order, with their labels (the rest repeat the citation).
DETAIL_LABELS = {
    "mover": "Moved by", "seconder": "Seconded by", "votes": "Votes", "report_title": "Report", "author": "Author",
    "addressee": "To", "owner": "Owner", "update": "Latest update", "who": "Who", "due_text": "Due",
    "due_date": "Due date",
}


def row_state(row: dict) -> str:
    """What the tracker's status column shows: an action's status, a recommendation's outcome,
    a resolution's result or a commitment's status as the paper gives it."""
    details = row.get("details") or {}
    return row.get("status") or row.get("outcome") or details.get("outcome") or details.get("status") or ""


def _natural(value: str | None) -> tuple:
    """"9" before "13", "13a" after "13"; missing references last."""
    if not value:
        return (1, ())
    return (0, tuple((0, int(p), "") if p.isdigit() else (1, 0, p.lower()) for p in re.findall(r"\d+|\D+", value)))


def sort_rows(rows: list[dict], sort: str) -> list[dict]:
    """Rows in the order asked for; ties keep the register's own order (newest meeting first)."""
    date_of = lambda r: r["citation"].get("meeting_date") or ""  # noqa: E731
    if sort == "oldest":
        return sorted(rows, key=lambda r: (not date_of(r), date_of(r)))
    if sort == "reference":
        return sorted(rows, key=lambda r: _natural(r.get("reference")))
    if sort == "status":
        return sorted(rows, key=lambda r: (not row_state(r), row_state(r)))
    return sorted(rows, key=date_of, reverse=True)  # newest; undated ("") last, stable


def detail_lines(row: dict) -> list[tuple[str, str]]:
    details = row.get("details") or {}
    lines = []
    for key, name in DETAIL_LABELS.items():
        value = details.get(key)
        if value in (None, "", [], {}):
            continue
        if key == "due_date" and details.get("due_text"):
            continue  # shown with the words it came from
        if key == "due_text" and details.get("due_date") and long_date(details["due_date"]) not in value:
            value = f"{value} ({long_date(details['due_date'])})"
        if isinstance(value, dict):
            value = ", ".join(f"{k} {v}" for k, v in value.items())
        elif isinstance(value, list):
            value = "; ".join(map(str, value))
        if key == "report_title" and value == row.get("title"):
            continue
        lines.append((name, str(value)))
    return lines


# ---- chat: [n] markers that link to the passages they cite ----


_MARKER = re.compile(r"\[(\d+)\]")


def mark_spans(text: str, spans) -> Markup:
    """``text`` HTML-escaped, with the [start, end) ``spans`` an answer read out in <mark>."""
    out, last = [], 0
    for start, end in sorted(spans or ()):
        if start < last:
            continue
        out += [escape(text[last:start]), Markup('<mark class="read">'), escape(text[start:end]), Markup("</mark>")]
        last = end
    out.append(escape(text[last:]))
    return Markup("").join(out)


def cite_markers(text: str, citations) -> Markup:
    """``text`` HTML-escaped, with each ``[n]`` of a citation turned into a link to its passage."""
    by_n = {c.n: c for c in citations or ()}
    out, last = [], 0
    for found in _MARKER.finditer(text):
        citation = by_n.get(int(found.group(1)))
        if citation is None:
            continue
        out.append(escape(text[last:found.start()]))
        where = citation.document_title + (f", page {citation.page}" if citation.page else "")
        out.append(Markup('<a class="marker" href="/papers/{}#chunk-{}" title="{}">[{}]</a>').format(
            citation.document_id, citation.chunk_id, where, citation.n))
        last = found.end()
    out.append(escape(text[last:]))
    return Markup("").join(out)
