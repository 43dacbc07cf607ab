""""When was that?": a follow-up asking when is about the source of the previous answer, whose
meeting and paper answer it."""

from __future__ import annotations

from minutebook.vocabulary import Hit

from minutebook.search.chat.answer import Answer, Citation, cite, where_said
from minutebook.search.chat.conversation import Turn
from minutebook.search.chat.evidence import Evidence


def answer(turn: Turn, evidence: Evidence) -> Answer | None:
    if not (turn.followup and turn.asks == "when" and turn.previous_question):
        return None
    previous = evidence.previous()
    if previous is None or not previous.found or not previous.citations:
        return None
    source = evidence.hit(previous.citations[0].chunk_id)
    if source is None:
        return None
    text, citations = when_answer(source)
    return Answer.cited(turn.query, text, citations)


def when_answer(hit: Hit) -> tuple[str, list[Citation]]:
    """For "when was that?": the meeting and paper of the previous answer's source."""
    if hit.meeting_date:
        meeting = f"at the {hit.body} meeting on {hit.meeting_date}" if hit.body else f"on {hit.meeting_date}"
        return f"That was {meeting}, in {where_said(hit)}. [1]", [cite(1, hit)]
    return f"The paper gives no meeting date; it is {where_said(hit)}. [1]", [cite(1, hit)]
