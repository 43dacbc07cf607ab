"""How likely an answer is to give what was asked: a probability, from a logistic model over what a
reader would weigh (how well the sentences read out support the question, how much of its subject
and of its whole wording the cited passage holds with its paper's title and meeting, whether the
question asks for a kind of thing (a date, a count, a person) or about a subject, where the passage
stood in the search, which way of answering gave it).

The model is fitted on the development questions' answers, each body held out in turn
(eval/fit_confidence.py writes weights/confidence.json); an answer is right there when it holds every
key fact of an answerable question. Without the weights file, answers carry no confidence.
"""

from __future__ import annotations

import math
from pathlib import Path

from minutebook.ingest import logistic
from minutebook.search.chat.answer import Answer, coverage
from minutebook.search.chat.conversation import Turn, subject_terms
from minutebook.search.chat.evidence import Evidence
from minutebook.search.chat.kinds import Asked
from minutebook.search.ranking.retrieve import query_terms

WEIGHTS = Path(__file__).with_name("weights") / "confidence.json"
FEATURES = ("support", "by_passages", "by_record", "rank", "passage_share", "scene_share", "specific")
RECORD_ANSWERERS = ("listed", "decision", "timeline")  # answers read from a decision row


def model() -> dict | None:
    return logistic.load(WEIGHTS)


def features(turn: Turn, answer: Answer, evidence: Evidence) -> dict[str, float]:
    """The features of a found ``answer``, by the names in FEATURES."""
    asked = evidence.searched_for or turn.query
    first = answer.citations[0]
    rank = next((n for n, hit in enumerate(evidence.hits) if hit.chunk_id == first.chunk_id), len(evidence.hits))
    passage = f"{first.document_title or ''} {first.section or ''} {first.text}"
    # the meeting and body the question names are found in what the paper says of itself
    scene = f"{passage} {first.organisation or ''} {first.body or ''} {first.meeting_date or ''}"
    return {
        "support": min(answer.evidence, 3.0),
        "by_passages": float(answer.answered_by == "passages"),
        "by_record": float(answer.answered_by in RECORD_ANSWERERS),
        "rank": math.log1p(rank),
        "passage_share": coverage(evidence.lexicon, subject_terms(asked), passage),
        "scene_share": coverage(evidence.lexicon, query_terms(asked), scene),
        "specific": float(Asked.read(turn).asks != "other"),  # a date, a count, a person, a place ... not "what about X?"
    }


def probability(turn: Turn, answer: Answer, evidence: Evidence) -> float | None:
    """The probability that a found answer gives what was asked, or None without a fitted model."""
    weights = model()
    if weights is None or not answer.found or not answer.citations:
        return None
    return round(logistic.probability(features(turn, answer, evidence), weights), 3)
