"""Browse what the index holds: documents (with outline, passages, appearances) and meetings."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field

from minutebook.search.filters import Filters

SUMMARY_COLUMNS = (
    "id", "title", "type", "source", "organisation", "body", "meeting_date", "published_date",
    "agenda_item", "agenda_item_title", "author", "wards", "key_decision", "exempt", "first_page",
    "last_page", "meeting_id", "repeat_of",
)


@dataclass
class Listing:
    """One page of a listing: the rows, and where they sit in the whole."""

    total: int
    limit: int
    offset: int
    items: list[dict] = field(default_factory=list)


def _summary(row: sqlite3.Row) -> dict:
    data = {c: row[c] for c in SUMMARY_COLUMNS}
    for flag in ("key_decision", "exempt"):
        data[flag] = None if data[flag] is None else bool(data[flag])
    return data


def _documents(conn: sqlite3.Connection, where: str, params: list, order: str, limit: int, offset: int) -> Listing:
    """One page of the documents matching ``where``, in ``order``, with how many match in all."""
    total = conn.execute(f"SELECT count(*) FROM documents d WHERE {where}", params).fetchone()[0]
    rows = conn.execute(
        f"SELECT {', '.join('d.' + c for c in SUMMARY_COLUMNS)} FROM documents d WHERE {where}"
        f" ORDER BY {order} LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return Listing(total, limit, offset, [_summary(r) for r in rows])


def list_documents(conn: sqlite3.Connection, filters: Filters, limit: int, offset: int, title: str | None = None) -> Listing:
    where, params = filters.where("d")
    if title:
        where += " AND lower(d.title) LIKE ?"
        params.append(f"%{title.lower()}%")
    return _documents(conn, where, params, "d.meeting_date IS NULL, d.meeting_date DESC, d.source, d.ordinal", limit, offset)


def list_undated(conn: sqlite3.Connection, filters: Filters, limit: int) -> Listing:
    """Papers that give no meeting date (each once, however often republished), by organisation,
    body and title: the calendar cannot place them, so it lists them apart."""
    where, params = filters.where("d")
    return _documents(conn, f"{where} AND d.meeting_date IS NULL AND d.repeat_of IS NULL", params,
                      "d.organisation IS NULL, d.organisation, d.body IS NULL, d.body, d.title", limit, 0)


def get_document(conn: sqlite3.Connection, document_id: str) -> dict | None:
    """A document's metadata, section outline, passages and every appearance of the same paper."""
    row = conn.execute(f"SELECT {', '.join(SUMMARY_COLUMNS)} FROM documents WHERE id = ?", [document_id]).fetchone()
    if row is None:
        return None
    document = _summary(row)
    original = document["repeat_of"] or document["id"]
    chunks = conn.execute(
        "SELECT id, ordinal, text, page, last_page, printed_page, section, paragraph, kind"
        " FROM chunks WHERE document_id = ? ORDER BY ordinal",
        [original],
    ).fetchall()
    outline: list[dict] = []
    for chunk in chunks:
        if chunk["section"] and (not outline or outline[-1]["section"] != chunk["section"]):
            outline.append({"section": chunk["section"], "page": chunk["page"], "chunk_id": chunk["id"]})
    appearances = conn.execute(
        f"SELECT {', '.join(SUMMARY_COLUMNS)} FROM documents WHERE id = ? OR repeat_of = ?"
        " ORDER BY meeting_date, source",
        [original, original],
    ).fetchall()
    return {
        **document,
        "outline": outline,
        "passages": [dict(c) for c in chunks],
        "appearances": [_summary(a) for a in appearances],
    }


def list_meetings(conn: sqlite3.Connection, filters: Filters, limit: int, offset: int) -> Listing:
    """Meetings (one body on one date) with how many papers went to them, newest first."""
    where, params = filters.where("d")
    grouped = (
        "SELECT d.meeting_id AS id, min(d.body) AS body, min(d.meeting_date) AS date,"
        " min(d.organisation) AS organisation, count(DISTINCT coalesce(d.repeat_of, d.id)) AS papers"
        f" FROM documents d WHERE d.meeting_id IS NOT NULL AND {where} GROUP BY d.meeting_id"
    )
    total = conn.execute(f"SELECT count(*) FROM ({grouped})", params).fetchone()[0]
    rows = conn.execute(f"{grouped} ORDER BY date DESC, body LIMIT ? OFFSET ?", [*params, limit, offset])
    return Listing(total, limit, offset, [dict(r) for r in rows])


def _item_order(item: str | None) -> tuple[bool, int]:
    """Where an agenda item sorts: by its leading number ("4", "4a" -> 4; "Part B" -> 0), papers
    without an item last."""
    match = re.match(r"\s*(\d+)", item or "")
    return item is None, int(match.group(1)) if match else 0


def get_meeting(conn: sqlite3.Connection, meeting_id: str) -> dict | None:
    """A meeting: its body and date, its agenda items and the papers that went to it."""
    papers = sorted(
        conn.execute(f"SELECT {', '.join(SUMMARY_COLUMNS)}, ordinal FROM documents WHERE meeting_id = ?", [meeting_id]),
        key=lambda p: (*_item_order(p["agenda_item"]), p["ordinal"], p["source"], p["id"]),
    )
    if not papers:
        return None
    # A paper republished for the same meeting (a pack and a separate file) is listed once.
    seen: set[str] = set()
    papers = [p for p in papers if (p["repeat_of"] or p["id"]) not in seen and not seen.add(p["repeat_of"] or p["id"])]
    first = papers[0]
    items: dict[str, str | None] = {}
    for paper in papers:
        if paper["agenda_item"] and paper["agenda_item"] not in items:
            items[paper["agenda_item"]] = paper["agenda_item_title"] or paper["title"]
    return {
        "id": meeting_id,
        "body": first["body"],
        "date": first["meeting_date"],
        "organisation": first["organisation"],
        "items": [{"agenda_item": k, "title": v} for k, v in items.items()],
        "papers": [_summary(p) for p in papers],
    }
