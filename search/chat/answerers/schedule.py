"""When a body meets, from its schedule: "On which dates does the board meet in 2019?", "When did
the committee meet in April?", "What is the last meeting date on the 2020 schedule?" are answered by
the lines of a paper listing the body's meetings (a calendar: many dates over many months) that give
the dates in the period the question names, or its first or last one. Such a question asks nothing
but when the meetings are, so a sentence chosen for sharing its words (the schedule's heading) does
not answer it; the dates do."""

from __future__ import annotations

import re

from minutebook.ingest.chunk import sentence_spans
from minutebook.ingest.dates import find_dates, find_year, numeric_order

from minutebook.search.chat.answer import ANSWER_PASSAGES, Answer, cited_lines
from minutebook.search.chat.conversation import MEETING_WORDS, Turn, asked_beyond
from minutebook.search.chat.evidence import Evidence
from minutebook.search.chat.names import JOINERS, names_present, question_names, words_of
from minutebook.search.storage.lexicon import stem

_ASKS_DATES = re.compile(r"^(?:when\b|(?:on\s+)?(?:which|what)\s+(?:dates?|days?)\b|what\s+is\s+the\s+(?:first|last|final|next)\b)",
                         re.IGNORECASE)
_LAST = re.compile(r"\b(?:last|final|latest)\b", re.IGNORECASE)
_FIRST = re.compile(r"\b(?:first|earliest)\b", re.IGNORECASE)
# The words of a question about when a body meets that say nothing else.
_SCHEDULE_WORDS = MEETING_WORDS | {stem(word) for word in (
    "scheduled schedule schedules calendar date dates day days board committee regular monthly year last final latest "
    "first earliest planned due its").split()}
MIN_DAYS, MIN_MONTHS = 4, 3  # a schedule lists meetings over the year, not one meeting's dates
MAX_DATES = 12  # "which dates in 2019" is answered by every one, up to a year of monthly meetings


def answer(turn: Turn, evidence: Evidence) -> Answer | None:
    low, high = evidence.context.get("date_from"), evidence.context.get("date_to")
    if not low and (year := find_year(turn.question)):  # "the last date on its 2020 schedule"
        low, high = f"{year}-01-01", f"{year}-12-31"
    if not low or not _ASKS_DATES.match(turn.question.strip()):
        return None
    names = question_names(turn.question)
    named = {stem(word) for phrase in names for word in phrase if word not in JOINERS}
    if asked_beyond(turn.query, evidence.names_found(ANSWER_PASSAGES)) - _SCHEDULE_WORDS - named:
        return None  # it asks about something else at the meetings
    found = evidence.hits[:ANSWER_PASSAGES]
    for document_id in dict.fromkeys(hit.document_id for hit in found):
        paper = evidence.paper(document_id)
        # A schedule names its body in its heading and title, which are not among its passages' words.
        headed = " ".join(f"{hit.document_title or ''} {hit.section or ''} {hit.body or ''} {hit.organisation or ''}"
                          for hit in found if hit.document_id == document_id)
        if not names_present(names, paper.words | words_of(headed), evidence.lexicon):
            continue
        month_first = numeric_order("\n".join(paper.texts))
        year = int(low[:4])
        lines = [(iso, line, chunk_id)
                 for chunk_id, text in zip(paper.ids, paper.texts) for start, end in sentence_spans(text)
                 for iso, line in _by_date(text[start:end], year, month_first)]
        days = {iso for iso, _, _ in lines}
        if len(days) < MIN_DAYS or len({iso[:7] for iso in days}) < MIN_MONTHS:
            continue  # not a schedule
        wanted = sorted(iso for iso in days if low <= iso <= high)
        if _LAST.search(turn.question):
            wanted = wanted[-1:]
        elif _FIRST.search(turn.question):
            wanted = wanted[:1]
        if not wanted or len(wanted) > MAX_DATES:
            continue
        chosen = list(dict.fromkeys((line, chunk_id) for iso, line, chunk_id in lines if iso in wanted))
        return cited_lines(turn.query, chosen, evidence.hit)
    return None


def _by_date(sentence: str, year: int, month_first: bool) -> list[tuple[str, str]]:
    """(ISO date, its part of the sentence): a schedule's row runs several meetings together
    ("Friday, June 4, 2021 10:30 a.m. Quay Hall Friday, July 2, 2021 ..."); each date goes with
    the words up to the next."""
    dates = find_dates(sentence, year, month_first)
    if len(dates) == 1:
        return [(dates[0][1], sentence.strip())]
    ends = [at for at, _ in dates[1:]] + [len(sentence)]
    return [(iso, sentence[at:end].strip(" ,;")) for (at, iso), end in zip(dates, ends)]
