"""Chat's ways of answering, one module each, tried in order: the first that answers is the answer.

Each module has ``answer(turn, evidence) -> Answer | None``. The specific ways come first (a
follow-up asking when, a decision by its place in a list, a decision record, a commitment's
timeline, who took or wrote something, when a body meets next, when it meets by its schedule, where and
when a meeting is held);
the extractive answer from the passages comes last.
"""

from __future__ import annotations

from minutebook.search.chat.answer import NOT_FOUND, Answer
from minutebook.search.chat.conversation import Turn
from minutebook.search.chat.evidence import Evidence
from minutebook.search.chat.kinds import Asked, gives_the_hard_facts
from minutebook.search.chat.answerers import decision, held, listed, next_meeting, passages, previous, schedule, timeline, who

ANSWERERS = (previous, listed, decision, timeline, who, next_meeting, schedule, held, passages)


def first_answer(turn: Turn, evidence: Evidence) -> Answer:
    """The answer of the first answerer that gives one, named in ``answered_by``; else a "not found"
    that keeps the support the extractive answer measured. A question of two parts ("Who was chair,
    and who was vice chair?") answered by a specific way has each part answered in turn (the
    extractive answer reads each part itself)."""
    parts = passages.question_parts(turn.question) if not turn.followup else [turn.question]
    answer = _first(turn, evidence, whole=len(parts) == 1)
    if len(parts) == 1 or not answer.found or answer.answered_by == "passages":
        return answer

    def answer_part(part_turn: Turn, said: str) -> tuple[str, list, float]:
        part_answer = _first(part_turn, evidence)
        return (part_answer.answer, part_answer.citations, part_answer.evidence) if part_answer.found else ("", [], 0.0)

    answered = passages.answer_parts(turn.question, parts, evidence.lexicon, answer_part)
    text, citations = passages.join_answers([(part, text, cited) for part, text, cited, _ in answered])
    if not citations:
        return answer
    return Answer(answer=text, found=True, query=turn.query, citations=citations, evidence=answer.evidence,
                  answered_by=answer.answered_by)


def _first(turn: Turn, evidence: Evidence, whole: bool = True) -> Answer:
    refused = Answer(answer=NOT_FOUND, found=False, query=turn.query)
    # Hard facts of what is asked hold for every way of answering: "how much" needs an amount, "how
    # did they vote" a vote (the extractive answer checks these and more of each sentence itself). A
    # question of several parts has them checked part by part, as each part is answered.
    asked = Asked.read(turn) if whole else None
    for answerer in ANSWERERS:
        answer = answerer.answer(turn, evidence)
        if answer is not None and answer.found and asked and not gives_the_hard_facts(answer.answer, asked):
            continue
        if answer is not None and answer.found:
            answer.answered_by = answerer.__name__.rsplit(".", 1)[-1]
            return answer
        if answer is not None:
            refused.evidence = answer.evidence
    return refused
