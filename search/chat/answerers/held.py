"""Where and at what time a meeting is held: "Where and at what time did the District Council meet on
May 11?" or "What time did the special meeting start?" is answered by the lines of that meeting's own
paper that give its time of day ("Date/Time: May 11, 6:30pm") and its place ("Location: Quay Hall, 12
Harbour Road"), in the paper of the meeting or period the question names. Such a question says
nothing beyond the meeting itself, so the sentences of the passages answer it poorly: what it asks
about is only that the meeting met."""

from __future__ import annotations

import re

from minutebook.ingest.chunk import sentence_spans
from minutebook.ingest.dates import TIME_OF_DAY
from minutebook.ingest.noise import STREET

from minutebook.search.chat.answer import ANSWER_PASSAGES, Answer, cited_lines
from minutebook.search.chat.conversation import MEETING_WORDS, Turn, asked_beyond
from minutebook.search.chat.evidence import Evidence
from minutebook.search.chat.kinds import PLACE_LABEL
from minutebook.search.chat.period import in_period
from minutebook.search.storage.lexicon import stem

_ASKS_TIME = re.compile(r"\bwhat\s+time\b|\bwhen\b.{0,80}\b(?:start|starts|started|begin|begins|began)\b", re.IGNORECASE)
# "What time did the meeting end?": the line that closes it ("Moved ... to adjourn at 8:45 P.M.",
# "The meeting will close by 9 pm"), not the time it opened.
_ENDS = re.compile(r"\b(?:adjourn\w*|end|ends|ended|close[sd]?|conclude[sd]?|finish\w*)\b", re.IGNORECASE)  # asked, and said
_ASKS_PLACE = re.compile(r"\bwhere\b|\bwhat\s+(?:venue|location|address)\b", re.IGNORECASE)
# The words of a question about a meeting's time and place that say nothing else.
_MEETING_WORDS = MEETING_WORDS | {stem(word) for word in (
    "take takes took place start starts started begin begins began convene convened time venue location address located "
    "happen happened special regular annual ordinary extraordinary adjourned public end ends ended finish finished close "
    "closed conclude concluded adjourn").split()}
# A place: labelled ("Location:", "Venue:", "Place:"), a street address, or "held at / in".
_PLACE = re.compile(rf"{PLACE_LABEL}|\bheld\s+(?:at|in)\b|{STREET}")


def answer(turn: Turn, evidence: Evidence) -> Answer | None:
    wants_time, wants_place = bool(_ASKS_TIME.search(turn.question)), bool(_ASKS_PLACE.search(turn.question))
    ends = wants_time and bool(_ENDS.search(turn.question))
    if not (wants_time or wants_place) or not evidence.context.get("date_from"):
        return None
    if asked_beyond(turn.query, evidence.names_found(ANSWER_PASSAGES)) - _MEETING_WORDS:
        return None  # it asks about something at the meeting, not where or when it met
    for hit in evidence.hits[:ANSWER_PASSAGES]:
        if not in_period(hit.meeting_date, evidence.context):
            continue  # the paper of the meeting named: its own header says when and where
        paper = evidence.paper(hit.document_id)
        found: dict[str, tuple[str, int]] = {}
        for chunk_id, text in zip(paper.ids, paper.texts):
            for start, end in sentence_spans(text):
                line = text[start:end].strip()
                if wants_time and ("time" not in found or ends) and TIME_OF_DAY.search(line) and (not ends or _ENDS.search(line)):
                    found["time"] = (line, chunk_id)  # the first time of day, or the last that closes the meeting
                if wants_place and "place" not in found and _PLACE.search(line):
                    found["place"] = (line, chunk_id)
        if (not wants_time or "time" in found) and (not wants_place or "place" in found):
            return cited_lines(turn.query, list(dict.fromkeys(found[key] for key in ("time", "place") if key in found)), evidence.hit)
    return None
