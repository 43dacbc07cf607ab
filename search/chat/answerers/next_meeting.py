"""When a body meets next: "When is the committee meeting after its March meeting?" or "When is the
next meeting?" is answered by the paper's own line naming its next meeting ("Next meeting: 14 May",
"the Commission will adjourn to its next meeting on ...", "Adjournment to Tuesday ..."): a date
after the meeting the paper is of, in the paper of the meeting or period the question names."""

from __future__ import annotations

import re

from minutebook.ingest.chunk import sentence_spans
from minutebook.ingest.dates import find_dates, numeric_order

from minutebook.search.chat.answer import ANSWER_PASSAGES, Answer, cite
from minutebook.search.chat.conversation import Turn
from minutebook.search.chat.evidence import Evidence
from minutebook.search.chat.period import speaks_of_period

_ASKS_NEXT = re.compile(
    r"\bnext\s+(?:\w+\s+){0,3}?(?:meeting|session|hearing)s?\b|\bmeet(?:s|ing)?\s+(?:again|next)\b"
    r"|\b(?:meet|meets|meeting|session)\b.{0,60}?\b(?:after|following)\b",
    re.IGNORECASE)
_NAMES_NEXT = re.compile(
    r"\bnext\s+(?:\w+\s+){0,2}?(?:meeting|session)\b|\badjourn(?:ed|ment|s)?\b.{0,80}?\b(?:to|until)\b"
    r"|\bwill\s+(?:next\s+)?(?:meet|reconvene)\b",
    re.IGNORECASE)


def answer(turn: Turn, evidence: Evidence) -> Answer | None:
    if turn.asks != "when" or not _ASKS_NEXT.search(turn.question):
        return None
    papers: dict[str, object] = {}  # each paper found, by its best passage, best first
    for hit in evidence.hits[:ANSWER_PASSAGES]:
        papers.setdefault(hit.document_id, hit)
    for hit in papers.values():  # each read whole: the line is rarely the passage found
        if not hit.meeting_date or not speaks_of_period(hit.text, hit.meeting_date, evidence.context):
            continue
        year = int(hit.meeting_date[:4])
        paper = evidence.paper(hit.document_id)
        month_first = numeric_order("\n".join(paper.texts))  # "05/06" as the paper itself writes dates
        # after the paper's meeting, and after any date the question names ("after December 20")
        since = max([hit.meeting_date] + [iso for _, iso in find_dates(turn.question, year, month_first)])
        for chunk_id, text in zip(paper.ids, paper.texts):
            for start, end in sentence_spans(text):
                sentence = text[start:end].strip()
                named = _NAMES_NEXT.search(sentence)
                if named and any(iso > since for at, iso in find_dates(sentence, year, month_first) if at >= named.start()):
                    passage = evidence.hit(chunk_id)
                    return Answer.cited(turn.query, f"{sentence} [1]", [cite(1, passage)]) if passage else None
    return None
