"""'What is the first recommendation of the annual report?', 'What does recommendation 3 say?':
a decision picked by its place in the list a paper gives, not by what it is about.

The registers keep each paper's recommendations, resolutions, actions and commitments in the
paper's order; the paper is the one the question names (its title and body hold most of the
question's other words). Nothing is answered when no such paper has that many.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from minutebook.vocabulary import Hit

from minutebook.search.chat.answer import ANSWER_PASSAGES, MIN_WORDS, Answer, Citation, cite, coverage, first_words, where_said
from minutebook.search.chat.conversation import QUESTION_WORDS, Turn
from minutebook.search.chat.evidence import Evidence
from minutebook.search.ranking.retrieve import query_terms
from minutebook.search.storage.lexicon import Lexicon, stem

_ORDINALS = {word: n for n, word in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth".split(), start=1)}
_KINDS = "recommendation|resolution|action|commitment"
# "the first recommendation", "the 3rd resolution", "the last action"; "recommendation 3", "recommendation no. 3"
_NTH = re.compile(
    rf"\b(?P<place>{'|'.join(_ORDINALS)}|last|final|\d{{1,2}}(?:st|nd|rd|th))\s+(?P<kind>{_KINDS})s?\b"
    rf"|\b(?P<kind_named>{_KINDS})\s+(?:no\.?\s*|number\s*)?(?P<number>\d{{1,2}})\b(?![/.-]\d)",
    re.IGNORECASE,
)
READ_CHARS = 400  # how much of the chosen decision is read out


@dataclass(frozen=True)
class Nth:
    """A decision asked for by its place: ``place`` 1 is the first, -1 the last; ``by_number`` when
    the question gives the decision's own number ("recommendation 3"); ``said`` how it said so."""

    kind: str
    place: int
    by_number: bool
    said: str


def nth_asked(question: str) -> Nth | None:
    """The decision a question asks for by its place in a paper's list, if it does."""
    m = _NTH.search(question)
    if m is None:
        return None
    if m["number"]:
        return Nth(m["kind_named"].lower(), int(m["number"]), True, m.group(0).lower())
    place = m["place"].lower()
    n = -1 if place in ("last", "final") else _ORDINALS.get(place) or int(re.match(r"\d+", place).group(0))
    return Nth(m["kind"].lower(), n, False, m.group(0).lower())


def _pick(rows: list[dict], asked: Nth) -> dict | None:
    if asked.by_number:
        named = [r for r in rows if (r.get("reference") or "").rstrip(".)") == str(asked.place)]
        if named:
            return named[0]
    if asked.place == -1:
        return rows[-1] if rows else None
    return rows[asked.place - 1] if 0 < asked.place <= len(rows) else None


def nth_decision(question: str, query: str, hits: list[Hit], lexicon: Lexicon, rows_of, passage_for) -> tuple[Nth, dict, Hit] | None:
    """The decision at the place ``question`` asks for in the paper it names, with the passage recording
    it; None when it asks for no place or no paper among ``hits`` it names has that many.
    ``rows_of(document_id, kind)`` lists a paper's decisions of a kind in order;
    ``passage_for(row, text)`` finds the Hit recording ``text``."""
    asked = nth_asked(question)
    if asked is None:
        return None
    # The words naming the paper: its year counts here ("the 2024 annual report"), as does its body.
    asking = {stem(w) for w in asked.said.split()}
    naming = [t for t in query_terms(query) if t not in QUESTION_WORDS and stem(t) not in asking]
    papers: dict[str, tuple[float, Hit]] = {}
    for hit in hits[:ANSWER_PASSAGES]:
        if hit.document_id not in papers:
            papers[hit.document_id] = (coverage(lexicon, naming, f"{hit.document_title} {hit.body or ''} {hit.source}"), hit)
    # The paper named best first; of papers named as well, the higher ranked (dicts keep rank order).
    for named, hit in sorted(papers.values(), key=lambda p: -p[0]):
        if naming and named < MIN_WORDS:
            break  # not a paper the question names
        row = _pick(rows_of(hit.document_id, asked.kind), asked)
        passage = passage_for(row, row["text"]) if row else None
        if passage is not None:
            return asked, row, passage
    return None


def nth_answer(turn: Turn, hits: list[Hit], lexicon: Lexicon, rows_of, passage_for) -> tuple[str, list[Citation]]:
    """The decision at the place asked for in the paper the question names, cited to its passage."""
    found = nth_decision(turn.question, turn.query, hits, lexicon, rows_of, passage_for)
    if found is None:
        return "", []
    asked, row, passage = found
    said = asked.said.split()
    which = f"{asked.kind.capitalize()} {asked.place}" if asked.by_number else f"The {' '.join(said[:-1])} {asked.kind}"
    return f'{which} in {where_said(passage)}: {first_words(row["text"], READ_CHARS)} [1]', [cite(1, passage)]


def answer(turn: Turn, evidence: Evidence) -> Answer | None:
    text, citations = nth_answer(turn, evidence.hits, evidence.lexicon, evidence.rows_of, evidence.passage_for)
    return Answer.cited(turn.query, text, citations)
