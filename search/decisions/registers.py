"""The decision registers: resolutions, recommendations, commitments and actions, with citations,
links, outcomes (recommendations) and statuses (actions), as rows or CSV."""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
import sqlite3
from dataclasses import dataclass
from datetime import date

from minutebook.search.catalog import Listing
from minutebook.search.filters import Filters
from minutebook.search.storage.bm25 import tokenize
from minutebook.search.storage.lexicon import stem as _stem
from minutebook.search.ranking.retrieve import query_terms
from minutebook.search.ranking.understand import is_date_word


def fts_query(terms: list[str]) -> str:
    """An FTS5 expression matching any term; each term is quoted, so no input is FTS syntax."""
    return " OR ".join('"' + t.replace('"', '""') + '"' for t in terms)


def _matching(conn, terms: list[str], every: bool = False) -> tuple[str, list]:
    """(relation of (rowid, rank) of the decision rows holding any, or ``every``, term; its
    parameters). FTS5 in the embedded store; in PostgreSQL the same BM25 (FTS5's over a row's text
    and title) from the weights published with the rows (search.storage.postgres)."""
    if getattr(conn, "dialect", "sqlite") == "postgresql":
        phrases = [tokens for tokens in map(tokenize, terms) if tokens]
        counts = Counter(token for tokens in phrases for token in tokens)  # FTS5 scores each phrase
        having = f" HAVING count(*) = {len(counts)}" if every else ""
        return ("SELECT p.rowid, -sum(p.weight * q.n) AS rank FROM decision_postings p"
                " JOIN decision_terms t ON t.term_id = p.term_id"
                " JOIN unnest(?::text[], ?::int[]) AS q(term, n) ON q.term = t.term"
                f" GROUP BY p.rowid{having}"), [list(counts), list(counts.values())]
    expression = fts_query(terms)
    return "SELECT rowid, rank FROM decisions_fts WHERE decisions_fts MATCH ?", [expression.replace(" OR ", " AND ") if every else expression]


KINDS = {"resolutions": "resolution", "recommendations": "recommendation", "commitments": "commitment", "actions": "action"}
STATUSES = ("open", "fulfilled", "overdue", "undated")
_NEXT_MEETING = re.compile(r"\bnext\s+(?:[\w&'’-]+\s+){0,3}?meeting\b", re.IGNORECASE)
NO_MINUTES = "minutes not in the papers"

_SELECT = (
    "SELECT x.rowid AS rowid, x.id, x.kind, x.text, x.items, x.page, x.last_page, x.section, x.reference,"
    " x.title, x.details, d.id AS document_id, d.title AS document_title, d.type AS document_type,"
    " d.source, d.organisation, d.body, d.meeting_date, d.agenda_item FROM decisions x JOIN documents d ON d.id = x.document_id"
)


@dataclass(frozen=True)
class RegisterQuery:
    """What a register listing asks for, beyond the document filters."""

    q: str | None = None  # words in the decision's text or title
    status: str | None = None  # actions: open, fulfilled, overdue, undated
    outcome: str | None = None  # recommendations: agreed, amended, noted, deferred, rejected, ...
    as_at: str | None = None  # ISO date actions are judged at (default today)


def _links(conn: sqlite3.Connection, ids: list[str]) -> dict[str, list[dict]]:
    """Links touching each decision, in both directions, with the date of the paper each end is in."""
    found: dict[str, list[dict]] = {i: [] for i in ids}
    for start in range(0, len(ids), 500):
        part = ids[start:start + 500]
        marks = ",".join("?" * len(part))
        for row in conn.execute(
            "SELECT l.*, coalesce(td.meeting_date, tx.meeting_date) AS target_date FROM links l"
            " LEFT JOIN documents td ON td.id = l.target_id"
            " LEFT JOIN (SELECT x.id, d.meeting_date FROM decisions x JOIN documents d ON d.id = x.document_id)"
            " tx ON tx.id = l.target_id"
            f" WHERE l.source_id IN ({marks}) OR l.target_id IN ({marks})", [*part, *part]
        ):
            link = {k: row[k] for k in ("kind", "source_id", "target_id", "outcome", "score", "target_date")}
            link["evidence"] = json.loads(row["evidence"])
            for end in (row["source_id"], row["target_id"]):
                if end in found:
                    found[end].append(link)
    return found


def _row(record: sqlite3.Row, links: list[dict], as_at: str, minutes_present: bool,
         meetings: dict[str, list[str]]) -> dict:
    details = json.loads(record["details"])
    row = {
        "id": record["id"],
        "kind": record["kind"],
        "reference": record["reference"],
        "title": record["title"],
        "text": record["text"],
        "items": json.loads(record["items"]),
        "details": details,
        "citation": {k: record[k] for k in (
            "document_id", "document_title", "document_type", "source", "organisation", "body", "meeting_date",
            "agenda_item", "section", "page", "last_page",
        )},
        "links": links,
    }
    if record["kind"] == "resolution" and details.get("outcome"):
        row["outcome"] = details.pop("outcome")  # the resolution's own result ("carried", "noted"): one outcome field
    if record["kind"] == "recommendation":
        disposed = [l for l in links if l["kind"] == "disposed_by" and l["source_id"] == record["id"]]
        row["outcome"] = disposed[0]["outcome"] if disposed else ("no decision found" if minutes_present else NO_MINUTES)
    if record["kind"] == "action":
        if not details.get("due_date") and _NEXT_MEETING.search(details.get("due_text") or ""):
            following = [d for d in meetings.get((record["body"] or "").lower(), ()) if d > (record["meeting_date"] or "9")]
            if following:  # "to the next meeting": the body's next meeting in the papers
                details["due_date"] = min(following)
        row["status"] = action_status(record["id"], details.get("due_date"), links, as_at)
    return row


def action_status(action_id: str, due_date: str | None, links: list[dict], as_at: str) -> str:
    """fulfilled when a later paper delivered it by ``as_at``; overdue when its date passed first;
    open while it is not due; undated when the papers give no date it is due by."""
    if any(
        l["kind"] == "fulfilled_by" and l["source_id"] == action_id and (l["target_date"] or "") <= as_at
        for l in links
    ):
        return "fulfilled"
    if not due_date:
        return "undated"
    return "overdue" if due_date < as_at else "open"


def _meetings(conn: sqlite3.Connection, records: list[sqlite3.Row]) -> dict[str, list[str]]:
    """Each body's meeting dates in the papers (lower-cased body name), read only when ``records``
    hold an action (an action "for the next meeting" is due at its body's next one)."""
    found: dict[str, list[str]] = {}
    if not any(r["kind"] == "action" for r in records):
        return found
    for body, day in conn.execute("SELECT DISTINCT lower(body), meeting_date FROM documents"
                                  " WHERE body IS NOT NULL AND meeting_date IS NOT NULL"):
        found.setdefault(body, []).append(day)
    return found


def _minutes_recorded(conn: sqlite3.Connection) -> set[tuple[str, str]]:
    """(body, date) of every meeting whose minutes are in the papers."""
    rows = conn.execute("SELECT lower(body), meeting_date FROM documents WHERE type = 'minutes' AND meeting_date IS NOT NULL")
    return {(b or "", d) for b, d in rows}


def list_decisions(
    conn: sqlite3.Connection, kind: str, filters: Filters, query: RegisterQuery, limit: int, offset: int
) -> Listing:
    where, params = filters.where("d")
    sql = f"{_SELECT} WHERE x.kind = ? AND {where}"
    args: list = [kind, *params]
    if query.q and (terms := query_terms(query.q)):
        matching, expression = _matching(conn, terms, every=True)
        sql += f" AND x.rowid IN (SELECT rowid FROM ({matching}) AS m)"
        args.extend(expression)
    sql += " ORDER BY d.meeting_date IS NULL, d.meeting_date DESC, d.source, x.ordinal"
    records = conn.execute(sql, args).fetchall()
    as_at = query.as_at or date.today().isoformat()
    links = _links(conn, [r["id"] for r in records])
    minutes = _minutes_recorded(conn)
    meetings = _meetings(conn, records)
    rows = [
        _row(r, links[r["id"]], as_at, ((r["body"] or "").lower(), r["meeting_date"]) in minutes, meetings)
        for r in records
    ]
    if query.status:
        rows = [r for r in rows if r.get("status") == query.status]
    if query.outcome:
        rows = [r for r in rows if r.get("outcome") == query.outcome]
    return Listing(len(rows), limit, offset, rows[offset:offset + limit])


def get_decision(conn: sqlite3.Connection, decision_id: str, as_at: str | None = None) -> dict | None:
    record = conn.execute(f"{_SELECT} WHERE x.id = ?", [decision_id]).fetchone()
    if record is None:
        return None
    minutes = ((record["body"] or "").lower(), record["meeting_date"]) in _minutes_recorded(conn)
    return _row(record, _links(conn, [decision_id])[decision_id], as_at or date.today().isoformat(), minutes,
                _meetings(conn, [record]))


def appearances(conn: sqlite3.Connection, decision_id: str) -> list[dict]:
    """A commitment's appearances across papers, first first: the appearance its lineage links lead
    to (search/lineage.py), then every later one linked to it, in date order (undated last)."""
    first = conn.execute(
        "SELECT target_id FROM links WHERE kind = 'same_commitment' AND source_id = ?", [decision_id]
    ).fetchone()
    first_id = first[0] if first else decision_id
    ids = [first_id, *(r[0] for r in conn.execute(
        "SELECT source_id FROM links WHERE kind = 'same_commitment' AND target_id = ?", [first_id]))]
    records = conn.execute(f"{_SELECT} WHERE x.id IN ({','.join('?' * len(ids))})", ids).fetchall()
    rows = _rows(conn, records)
    first = [r for r in rows if r["id"] == first_id]
    later = sorted((r for r in rows if r["id"] != first_id),
                   key=lambda r: (r["citation"]["meeting_date"] is None, r["citation"]["meeting_date"] or ""))
    return first + later


# Words that make a question about a decision, and say nothing about its subject.
DECISION_WORDS = frozenset(
    "decide decided decides decision decisions resolve resolved resolution resolutions agree agreed "
    "agreement approve approved approval recommend recommended recommendation recommendations commit "
    "committed commitment commitments promise promised pledge action actions outcome vote voted".split()
)


def is_about_a_decision(query: str) -> bool:
    return any(word in DECISION_WORDS for word in query_terms(query))


# Words naming who decides: a question names the body, a resolution often does not.
BODY_WORDS = frozenset("board committee cabinet council panel meeting members they".split())
MIN_COVERAGE = 0.6  # share of a question's subject words a decision row must contain
CANDIDATES = 50  # decision rows ranked by FTS5 that are checked for the subject's words


# "decision 24/00093", "resolution 2019-38": a reference with a separator, not a bare count.
_REFERENCE = re.compile(r"(?<![\w/.-])[A-Za-z]{0,4}\d+(?:[/.-]\d+)+(?![\w/-])")


def decisions_for_query(conn: sqlite3.Connection, query: str, filters: Filters, limit: int = 5) -> list[dict]:
    """Decision rows a question about a decision names by their reference ("decision 24/00093"),
    then those that contain most of its subject words, best first."""
    where, params = filters.where("d")
    references = list(dict.fromkeys(_REFERENCE.findall(query)))
    named = conn.execute(
        f"{_SELECT} WHERE x.reference IN ({', '.join('?' * len(references))}) AND {where} ORDER BY x.id LIMIT {limit}",
        [*references, *params],
    ).fetchall() if references else []
    # The meeting's date says which meeting, not what was decided: the row's text never holds it.
    terms = [t for t in query_terms(query) if t not in DECISION_WORDS and t not in BODY_WORDS and not is_date_word(t)]
    if not terms or len(named) == limit:
        return _rows(conn, named)
    # FTS5 ranks alone and, with nothing filtered, stops at the best 50 (a join first would score
    # every matching row); with filters it ranks every match and the filters pick among them.
    cut = "" if filters else f" LIMIT {CANDIDATES}"
    matching, expression = _matching(conn, terms)
    candidates = conn.execute(
        f"WITH best AS ({matching} ORDER BY rank, rowid{cut})"
        f" {_SELECT} JOIN best f ON f.rowid = x.rowid WHERE {where} ORDER BY f.rank, x.rowid LIMIT {CANDIDATES}",
        [*expression, *params],
    ).fetchall()
    stems = {_stem(t) for t in terms}
    records = list(named)
    seen = {r["id"] for r in records}
    for record in candidates:
        # The question may name the paper or body the decision is in ("What did Kent County Council resolve ...").
        words = {_stem(w) for w in query_terms(f"{record['title'] or ''} {record['text']} {record['document_title']} {record['body'] or ''}")}
        if len(stems & words) >= MIN_COVERAGE * len(stems) and record["id"] not in seen:
            records.append(record)
            seen.add(record["id"])
        if len(records) == limit:
            break
    return _rows(conn, records)


def document_decisions(conn: sqlite3.Connection, document_id: str, kind: str) -> list[dict]:
    """A paper's decisions of one kind, in the order the paper gives them."""
    records = conn.execute(f"{_SELECT} WHERE x.document_id = ? AND x.kind = ? ORDER BY x.ordinal", [document_id, kind])
    return _rows(conn, records.fetchall())


def _rows(conn: sqlite3.Connection, records: list[sqlite3.Row]) -> list[dict]:
    links = _links(conn, [r["id"] for r in records])
    minutes = _minutes_recorded(conn)
    today = date.today().isoformat()
    meetings = _meetings(conn, records)
    return [_row(r, links[r["id"]], today, ((r["body"] or "").lower(), r["meeting_date"]) in minutes, meetings)
            for r in records]


def rows_to_csv(rows: list[dict]) -> str:
    """A spreadsheet-ready table: one line per row, items joined by "; ", details as columns."""
    citation_keys = ["document_title", "organisation", "body", "meeting_date", "agenda_item", "section", "page", "last_page", "source"]
    fixed = ["id", "kind", "reference", "title", "text", "items", "outcome", "status", *citation_keys]
    # A detail named like a fixed column (a resolution's own "outcome" word) gets a prefix.
    detail_keys = sorted({k for r in rows for k in r["details"]} - set(citation_keys))
    header = [*fixed, *(f"detail_{k}" if k in fixed else k for k in detail_keys)]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    for r in rows:
        details = [
            "; ".join(map(str, v)) if isinstance(v, list) else (json.dumps(v) if isinstance(v, dict) else v)
            for v in (r["details"].get(k) for k in detail_keys)
        ]
        writer.writerow([
            r["id"], r["kind"], r["reference"], r["title"], r["text"], "; ".join(r["items"]),
            r.get("outcome"), r.get("status"), *(r["citation"][k] for k in citation_keys), *details,
        ])
    return out.getvalue()


def decision_passage(conn: sqlite3.Connection, row: dict, text: str | None = None, anywhere: bool = False) -> int | None:
    """The chunk that records a decision (or ``text``, one of its items, or, ``anywhere`` in the
    paper, one of its header's fields): on its pages, in its paper, sharing most of its words."""
    citation = row["citation"]
    first, last = citation.get("page") or 1, citation.get("last_page") or citation.get("page") or 10**6
    if anywhere:
        first, last = 1, 10**6
    wanted = set(query_terms(text or row["text"]))
    best: tuple[int, int] | None = None
    for chunk_id, text in conn.execute(
        "SELECT id, text FROM chunks WHERE document_id = ? AND page <= ? AND coalesce(last_page, page) >= ?",
        [citation["document_id"], last, first],
    ):
        shared = len(wanted & set(query_terms(text)))
        if best is None or shared > best[0]:
            best = (shared, chunk_id)
    return best[1] if best and best[0] else None
