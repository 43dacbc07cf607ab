"""A paper's decisions: resolutions, recommendations, commitments and promised actions.

structure.py hands over the paper's sections; this module builds the shared line stream once,
asks each extractor (one module per kind) for its rows, drops repeats (a report that states its
recommendations twice, the same "we will" in a summary and a chapter), and numbers the rows in
reading order. An extractor that fails costs its own rows only, never the paper.
"""

from __future__ import annotations

import logging

from rapidfuzz import fuzz

from minutebook.vocabulary import Decision, Document

from .actions import extract_actions
from .commitments import extract_commitments
from .decision_text import build_entries, normalise
from .recommendations import extract_recommendations, recommended_onward
from .resolutions import extract_resolutions
from .sections import Section

log = logging.getLogger(__name__)

MIN_TEXT = 12  # shorter than "RESOLVED that" plus a word is no decision
NEAR_SAME = 92  # a restated list differs by a bracket or a word ("[Cabinet]"): same decision


def extract_decisions(document: Document, sections: list[Section], labels: dict[str, str] | None = None) -> list[Decision]:
    """Every decision in one paper, in reading order, ``ordinal`` numbering them per document.

    ``labels`` are the paper's header fields (metadata.header_labels): a paper about decision
    "24/00093" gives its rows that number, and a record of decision its subject and decision maker.
    """
    labels = labels or {}
    entries = build_entries(sections)
    resolutions = _rows("resolution", document, lambda: extract_resolutions(document, entries))
    found = resolutions + _rows("recommendation", document, lambda: extract_recommendations(document, entries)
                                + recommended_onward(resolutions))  # and what the meeting recommends to another body
    found += _rows("commitment", document, lambda: extract_commitments(document, entries, sections))
    found += _rows("action", document, lambda: extract_actions(document, entries))
    decisions = _unique(sorted(found, key=lambda pair: pair[0]))
    for ordinal, decision in enumerate(decisions):
        decision.ordinal = ordinal
        if decision.kind in ("resolution", "recommendation"):  # the decision itself, taken or proposed
            decision.reference = decision.reference or labels.get("decision")
        if document.type == "decision_record":
            decision.title = labels.get("subject") or decision.title
            if labels.get("decision_maker"):
                decision.details.setdefault("decision_maker", labels["decision_maker"])
    return decisions


def _rows(kind: str, document: Document, run) -> list[tuple[int, Decision]]:
    """One extractor's rows; a bug in it costs its own rows only, never the paper's."""
    try:
        return run()
    except Exception:  # noqa: BLE001
        log.exception("%s extraction failed for %s", kind, document.source)
        return []


def _unique(found: list[tuple[int, Decision]]) -> list[Decision]:
    """Rows with text, once each: the same kind and the same words is the same decision.

    Resolutions also key on their minute: "RESOLVED that the Board note the report." under two
    minutes is two decisions, while a report stating its recommendations twice is one list.
    """
    seen: set[tuple[str, str, str | None]] = set()
    out: list[Decision] = []
    for _, decision in found:
        minute = decision.reference or decision.title if decision.kind == "resolution" else None
        key = (decision.kind, normalise(decision.text), minute)
        if len(key[1]) < MIN_TEXT:
            continue
        if key in seen or _restated(decision, key[1], out):
            continue
        seen.add(key)
        out.append(decision)
    return out


def _restated(decision: Decision, text: str, kept: list[Decision]) -> bool:
    """A recommendation list or commitment the paper already stated in nearly the same words."""
    if decision.kind not in ("recommendation", "commitment") or len(text) < 40:
        return False
    return any(
        other.kind == decision.kind and fuzz.ratio(text, normalise(other.text), score_cutoff=NEAR_SAME)
        for other in kept
    )
