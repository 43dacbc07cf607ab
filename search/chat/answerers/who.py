"""Who took a decision or wrote a paper: "Who took decision 24/00093?" is answered by the decision
maker its record names; "Who wrote the report on X?" by the author the paper's header names."""

from __future__ import annotations

import re

from minutebook.vocabulary import Hit

from minutebook.search.chat.answer import ANSWER_PASSAGES, MIN_WORDS, Answer, Citation, cite, coverage, where_said
from minutebook.search.chat.conversation import Turn, subject_terms
from minutebook.search.chat.evidence import Evidence
from minutebook.search.storage.lexicon import Lexicon
from minutebook.search.chat.answerers.decision import choose_decision


def answer(turn: Turn, evidence: Evidence) -> Answer | None:
    if turn.asks != "who":
        return None
    text, citations = maker_answer(
        turn, evidence.decisions, evidence.lexicon, lambda row, said: evidence.passage_for(row, said, anywhere=True))
    if not citations:
        text, citations = author_answer(turn, evidence.hits, evidence.lexicon, evidence.author_of)
    return Answer.cited(turn.query, text, citations)


_MAKER_QUESTION = re.compile(
    r"\bwho\s+(?:took|takes|made|makes|signed|is\s+(?:to\s+)?(?:take|taking|make|making))\b.*\bdecision\b"
    r"|\bdecision[- ]?(?:maker|taker)\b|\bwho\s+decided\b",
    re.IGNORECASE,
)


def maker_answer(turn: Turn, rows: list[dict], lexicon: Lexicon, passage_for) -> tuple[str, list[Citation]]:
    """"Who took decision 24/00093?": the decision maker its record of decision names, cited to the
    passage naming them. The row is the one whose reference the question gives, else the one
    covering its subject. ``passage_for(row, text)`` finds the Hit holding ``text`` in the row's paper."""
    if not _MAKER_QUESTION.search(turn.question):
        return "", []
    made = [r for r in rows if (r.get("details") or {}).get("decision_maker")]
    named = [r for r in made if r.get("reference") and r["reference"] in turn.question]
    row = next(iter(named), None) or choose_decision(made, turn.question, subject_terms(turn.query), lexicon)
    maker = row["details"]["decision_maker"] if row else None
    passage = passage_for(row, maker) if row else None
    if passage is None:
        return "", []
    c = row["citation"]
    what = f"Decision {row['reference']}" if row.get("reference") else "The decision"
    about = f" ({row['title']})" if row.get("title") else ""
    when = f" on {c['meeting_date']}" if c.get("meeting_date") else ""
    return f"{what}{about} was taken{when} by {maker}. [1]", [cite(1, passage)]


_AUTHOR_QUESTION = re.compile(r"\b(?:who\s+(?:wrote|authored|prepared|drafted)|author\s+of|who\s+is\s+the\s+author)\b", re.IGNORECASE)


def author_answer(turn: Turn, hits: list[Hit], lexicon: Lexicon, author_of) -> tuple[str, list[Citation]]:
    """"Who wrote the report on X?": the author the paper's header names, cited to its passage.

    ``author_of(document_id)`` gives a paper's recorded author (or None). The paper must be the one
    asked about: its title holds most of the question's subject.
    """
    if not _AUTHOR_QUESTION.search(turn.question):
        return "", []
    subject = subject_terms(turn.query)
    for hit in hits[:ANSWER_PASSAGES]:
        author = author_of(hit.document_id)
        if author and coverage(lexicon, subject, hit.document_title) >= MIN_WORDS:
            return f'The report "{hit.document_title}" ({where_said(hit)}) is by {author}. [1]', [cite(1, hit)]
    return "", []
