"""Where a commitment was first made: "Where was the commitment to open two hubs first made?" is
answered by the commitment's timeline, its first appearance first, each appearance cited."""

from __future__ import annotations

import re

from minutebook.search.chat.answer import Answer, Citation, cite, first_words, where_said
from minutebook.search.chat.conversation import Turn
from minutebook.search.chat.evidence import Evidence
from minutebook.search.chat.answerers.decision import UPDATE_CHARS, choose_decision

TRACKED = ("commitment", "recommendation", "action")


def answer(turn: Turn, evidence: Evidence) -> Answer | None:
    if not FIRST_COMMITTED.search(turn.question):
        return None
    row = choose_decision(evidence.decisions, turn.question, evidence.subject, evidence.lexicon, evidence.context, evidence.paper)
    if row is None or row["kind"] not in TRACKED:
        return None
    text, citations = timeline_answer(evidence.appearances(row["id"]), lambda r: evidence.passage_for(r, r["text"]))
    return Answer.cited(turn.query, text, citations)


# "Where was the commitment to open two hubs first made?", "When did the council first pledge ...?"
FIRST_COMMITTED = re.compile(
    r"\bfirst\s+(?:commit(?:ted|ment)?|made|promised?|pledged?|set\s+out|appear(?:ed)?|said)\b", re.IGNORECASE,
)


def timeline_answer(rows: list[dict], passage_for) -> tuple[str, list[Citation]]:
    """A commitment's timeline: where it was first made, then each later paper it appears in, each
    cited to the passage that holds it. ``rows`` are its appearances, first first
    (registers.appearances); ``passage_for(row)`` finds the Hit recording a row (or None)."""
    cited = [(row, hit) for row in rows for hit in [passage_for(row)] if hit is not None]
    if not cited:
        return "", []
    citations = [cite(n, hit) for n, (_, hit) in enumerate(cited, start=1)]
    (first, first_hit), later = cited[0], cited[1:]
    said = first_words(first["text"], UPDATE_CHARS).rstrip(".")
    answer = f'First committed in {where_said(first_hit)}: "{said}" [1]'
    if later:
        answer += ". It appears again in " + "; ".join(
            f"{where_said(hit)} [{n}]" for n, (_, hit) in enumerate(later, start=2))
    return answer + ".", citations
