"""'What is the first recommendation of the annual report?', 'What does recommendation 3 say?':
a decision picked by its place in the list a paper gives, not by what it is about.

The registers keep each paper's recommendations, resolutions, actions and commitments in the
paper's order; the paper is the one the question names (its title and body hold most of the
question's other words). Nothing is answered when no such paper has that many.
"""

from __future__ import annotations

import re

from minutebook.vocabulary import Hit

from .answer import ANSWER_PASSAGES, MIN_WORDS, Citation, cite, coverage, first_words, where_said
from .conversation import QUESTION_WORDS, Turn
from .retrieve import query_terms
from .lexicon import Lexicon, stem

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


def nth_asked(question: str) -> tuple[str, int, bool] | None:
    """(kind, place, by_number) a question asks for: place 1 is the first, -1 the last;
    ``by_number`` when it gives the decision's own number ("recommendation 3")."""
    m = _NTH.search(question)
    if m is None:
        return None
    if m["number"]:
        return m["kind_named"].lower(), int(m["number"]), True
    place = m["place"].lower()
    n = -1 if place in ("last", "final") else _ORDINALS.get(place) or int(re.match(r"\d+", place).group(0))
    return m["kind"].lower(), n, False


def _pick(rows: list[dict], place: int, by_number: bool) -> dict | None:
    if by_number:
        named = [r for r in rows if (r.get("reference") or "").rstrip(".)") == str(place)]
        if named:
            return named[0]
    if place == -1:
        return rows[-1] if rows else None
    return rows[place - 1] if 0 < place <= len(rows) else None


def nth_answer(turn: Turn, hits: list[Hit], lexicon: Lexicon, rows_of, passage_for) -> tuple[str, list[Citation]]:
    """The decision at the place asked for in the paper the question names, cited to its passage.
    ``rows_of(document_id, kind)`` lists a paper's decisions of a kind in order;
    ``passage_for(row, text)`` finds the Hit recording ``text``."""
    asked = nth_asked(turn.question)
    if asked is None:
        return "", []
    kind, place, by_number = asked
    said = _NTH.search(turn.question).group(0).lower().split()
    # The words naming the paper: its year counts here ("the 2024 annual report"), as does its body.
    naming = [t for t in query_terms(turn.query) if t not in QUESTION_WORDS and stem(t) not in {stem(w) for w in said}]
    papers: dict[str, tuple[float, Hit]] = {}
    for hit in hits[:ANSWER_PASSAGES]:
        if hit.document_id not in papers:
            papers[hit.document_id] = (coverage(lexicon, naming, f"{hit.document_title} {hit.body or ''} {hit.source}"), hit)
    # The paper named best first; of papers named as well, the higher ranked (dicts keep rank order).
    for named, hit in sorted(papers.values(), key=lambda p: -p[0]):
        if naming and named < MIN_WORDS:
            break  # not a paper the question names
        row = _pick(rows_of(hit.document_id, kind), place, by_number)
        passage = passage_for(row, row["text"]) if row else None
        if passage is None:
            continue
        which = f"{kind.capitalize()} {place}" if by_number else f"The {' '.join(said[:-1])} {kind}"
        return f'{which} in {where_said(passage)}: {first_words(row["text"], READ_CHARS)} [1]', [
            cite(1, passage)]
    return "", []
