"""Commitments: what a strategy promises, and how each promise is getting on.

Two sources: the rows of a progress table (id, commitment, lead, status/RAG, latest update), one
row per commitment; and "we will ..." sentences in strategies and reports, one row per sentence,
or, after a short lead ("We will:", "we will do this by:"), one row per item of its list. Hedges
("we will need to", "we will see", "we will consider") are not promises. Minutes and agendas
report what others said; they are left out, and so is every "we" that is not the paper's body: a
letter reproduced in it, an answer to a member's question, and a motion or amendment that names
its proposer and seconder (an opposition group's alternative budget).
"""

from __future__ import annotations

import re

from minutebook.vocabulary import Decision, Document

from .decision_text import Entry, is_motion, normalise, parse_marker, sentences
from .sections import Section
from .tables import split_tables, table_rows

_WE_WILL = re.compile(r"\b[Ww]e\s+will\b(?!\s+(?:need|see|know|never|not|have\s+to|be\s+able|look\s+back|hear|also\s+need|then|find|recognise|(?:also\s+)?consider)\b)")
# "we are committing to", "pledged to": a promise in other words (the offences one commits are not).
_COMMITTED = re.compile(r"\b(?:commit(?:s|ted|ting)?|pledged?|promised?)\b(?!\s+(?:suicide|an?\s+offence|offences|crimes?)\b)", re.IGNORECASE)
# "how we will monitor", "what we will be delivering": a paper describing itself, not a promise.
_DESCRIBED = re.compile(r"\b(?:how|what|where|which|when|why)\s+we\s+will\b", re.IGNORECASE)
# "19 Efficiency ASCH Dan Watkins ... We will ..." or "-409.8 -136.6": a table row flattened into text.
_FLATTENED = re.compile(r"[a-z,)]\s+We\s+will\b|(?:^|\s)-?\d[\d,]*\.\d(?:\s|$).*(?:^|\s)-?\d[\d,]*\.\d(?:\s|$)")
# "We will:", "we will embed it further by:": the promises are the list that follows.
_LEAD = re.compile(r"\b[Ww]e\s+will(?:\s+[\w'’-]+){0,5}\s*:$")
_LETTER_OPEN = re.compile(r"^\s*Dear\s+\w")
_LETTER_CLOSE = re.compile(r"^\s*(?:Yours\b|(?:With\s+)?(?:kind|best|warm)\s+(?:regards|wishes)\b|Regards,?\s*$)", re.IGNORECASE)
# "Question 4", "Question by X to Y,", "Answer": a question put at a meeting and the answer given.
_QA_LABEL = re.compile(r"^(?:question\s+(?:\d+|by|from|to)\b.{0,80}|(?:answer|reply)(?:\s+to\s+question\s*\d*)?\s*:?)$", re.IGNORECASE)
_ID = re.compile(r"^[A-Z]{0,3}\s?\d{1,2}(?:\.\d{1,2}){0,2}[a-z]?\.?$")

# Table columns, by what their header says.
_TEXT_COL = re.compile(r"commitment|action|priority|objective|aim|outcome|deliverable|what we will|recommendation", re.IGNORECASE)
_OWNER_COL = re.compile(r"lead|owner|responsib|who|agenc|accountable", re.IGNORECASE)
_STATUS_COL = re.compile(r"status|rag|rating|progress\s*$|on track", re.IGNORECASE)
_UPDATE_COL = re.compile(r"update|achievement|activit|progress|comment|narrative|evidence", re.IGNORECASE)


def _column(header: list[str], pattern: re.Pattern, taken: set[int]) -> int | None:
    for index, name in enumerate(header):
        if index not in taken and pattern.search(name or ""):
            return index
    return None


def _table_rows(document: Document, sections: list[Section]) -> list[tuple[int, Decision]]:
    found = []
    order = 0
    for section in sections:
        for kind, lines in split_tables(section.lines):
            if kind != "table":
                continue
            header, rows = table_rows(lines)
            taken: set[int] = set()
            text_col = _column(header, _TEXT_COL, taken)
            if text_col is None:
                continue
            taken.add(text_col)
            owner_col = _column(header, _OWNER_COL, taken)
            taken.add(owner_col if owner_col is not None else -1)
            status_col = _column(header, _STATUS_COL, taken)
            taken.add(status_col if status_col is not None else -1)
            update_col = _column(header, _UPDATE_COL, taken)
            if owner_col is None and status_col is None and update_col is None:
                continue  # a list of priorities, not a tracker
            for row in rows:
                cells = row.cells + [""] * (len(header) - len(row.cells))
                text = cells[text_col] if text_col < len(cells) else ""
                if not text or not (_ID.match(row.key or "") or text_col == 0):
                    continue

                def cell(col: int | None) -> str | None:
                    return cells[col] if col is not None and col < len(cells) and cells[col] else None

                details = {"owner": cell(owner_col), "status": cell(status_col), "update": cell(update_col), "group": row.group}
                pages = [line.page for line in row.lines]
                found.append((order, Decision(
                    kind="commitment", document_id=document.id, ordinal=0, text=text, items=[],
                    page=min(pages), last_page=max(pages) if max(pages) != min(pages) else None,
                    section=section.path, reference=row.key or None, title=row.group,
                    details={k: v for k, v in details.items() if v},
                )))
                order += 1
    return found


def _other_voices(entries: list[Entry]) -> set[int]:
    """Lines where someone other than the paper's body says "we".

    A letter reproduced in the paper ("Dear Leaders ... Yours ever") is its writer's (a ministry,
    a regulator); a "Dear" with no sign-off is not taken for a letter. From the first "Question"
    or "Answer" label on, a paper is questions put at a meeting and the answers given: an answer
    is a reply to a member, not a strategy's promise.
    """
    lines: set[int] = set()
    opened: int | None = None
    for n, entry in enumerate(entries):
        if _QA_LABEL.match(entry.text):
            lines.update(range(n, len(entries)))
            break
        if _LETTER_OPEN.match(entry.text):
            opened = n
        elif opened is not None and _LETTER_CLOSE.match(entry.text):
            lines.update(range(opened, n + 1))
            opened = None
    return lines


def _we_will(document: Document, entries: list[Entry]) -> list[tuple[int, Decision]]:
    found = []
    seen: set[str] = set()
    others = _other_voices(entries)
    under_lead = False  # in the list after "We will:" / "we will do this by:", each item is a promise
    for sentence in sentences(entries):
        text = sentence.text
        item = under_lead and parse_marker(text) is not None
        under_lead = item or bool(_LEAD.search(text) and _WE_WILL.search(text))
        if not item and (not _WE_WILL.search(text) or len(text) < 25):
            continue
        if sentence.start in others or _DESCRIBED.search(text) or _FLATTENED.search(text):
            continue  # a letter or an answer, a paper describing itself, or a table row
        marker = parse_marker(text)
        body = marker.rest if marker else text
        key = normalise(body)
        if key in seen:
            continue
        seen.add(key)
        entry = entries[sentence.start]
        found.append((sentence.start, Decision(
            kind="commitment", document_id=document.id, ordinal=0, text=body, items=[], page=sentence.page,
            last_page=sentence.last_page if sentence.last_page != sentence.page else None,
            section=entry.section.path, reference=None, title=entry.section.path.rsplit(" > ", 1)[-1],
            details={},
        )))
    return found


def states_a_commitment(text: str) -> bool:
    """Whether a sentence makes a promise ("we will ...", "is committed to"), not describes one."""
    return bool((_WE_WILL.search(text) or _COMMITTED.search(text)) and not _DESCRIBED.search(text))


def extract_commitments(document: Document, entries: list[Entry], sections: list[Section]) -> list[tuple[int, Decision]]:
    """(order, commitment) for each tracked commitment and each "we will" promise."""
    if document.type in ("minutes", "agenda", "decision_record") or is_motion(entries):
        return []
    # Table rows sort by their position among tables; offset them past the prose so order is stable.
    rows = [(len(entries) + order, decision) for order, decision in _table_rows(document, sections)]
    return _we_will(document, entries) + rows
