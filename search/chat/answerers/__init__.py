"""Chat's ways of answering, one module each, tried in order: the first that answers is the answer.

Each module has ``answer(turn, evidence) -> Answer | None``. The specific ways come first (a
follow-up asking when, a decision by its place in a list, a decision record, a commitment's
timeline, who took or wrote something, when a body meets next, when it meets by its schedule, where and
when a meeting is held);
the extractive answer from the passages comes last.
"""

from __future__ import annotations

from minutebook.search.chat.answer import NOT_FOUND, Answer
from minutebook.search.chat.conversation import Turn, read_turn
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
    asked = [{"role": "user", "content": part} for part in parts]
    answered: list[tuple[str, Answer]] = []
    for n, part in enumerate(parts):
        part_turn = read_turn(asked[: n + 1])
        said = " ".join(a.answer for _, a in answered if a.found)
        if not passages.answered_already(part_turn, said, turn.question, evidence.lexicon):
            answered.append((part, _first(part_turn, evidence)))
    text, citations = passages.join_answers([(part, a.answer if a.found else "", a.citations if a.found else [])
                                             for part, a in answered])
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
