"""What a question says about *where* to look: the meeting date or period, the body, the paper type.

"At the 17 June 2020 board", "in July 2021", "last September", "in 2022", "the Cabinet", "the annual
report". These become a context that retrieval prefers (a ranking of its own in the fusion), not a
hard filter: papers often report what an earlier meeting did ("In July 2021 the Board approved ..."),
and on the development set a hard filter lost those passages while a preference kept them.
Explicit filters (``Filters``) stay hard.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from minutebook.ingest.dates import MONTH, find_dates, month_number, month_years

# A year on its own names a period only after "in", "during", "of", "for" ("in 2022"), and is not a
# span ("2020-2023", "2023/24") nor part of a name ("the 2022 campaign" says nothing of meetings).
_YEAR = re.compile(r"\b(?:in|during|for|throughout)\s+(?P<y>(?:19|20)\d\d)\b(?![/-]\d)", re.IGNORECASE)
_RELATIVE_MONTH = re.compile(rf"\b(?P<which>last|this)\s+(?P<m>{MONTH})(?!\w)", re.IGNORECASE)
_RELATIVE_YEAR = re.compile(r"\b(?P<which>last|this)\s+year\b", re.IGNORECASE)
_NUMBER_OR_YEAR = re.compile(r"^(?:[0-3]?\d(?:st|nd|rd|th)?|(?:19|20)\d\d)$")


def is_date_word(term: str) -> bool:
    """A word of a date ("13", "march", "2025"): it says which meeting, not what was said there."""
    return bool(_NUMBER_OR_YEAR.match(term)) or (len(term) > 3 and month_number(term) is not None)


# Words that name a kind of paper, most specific first.
DOCUMENT_TYPE_WORDS: tuple[tuple[str, str], ...] = (
    (r"\bannual reports?\b", "annual_report"),
    (r"\bprogress (?:update|report)s?\b", "progress_update"),
    (r"\b(?:records? of decision|decision records?|decision reports?)\b", "decision_record"),
    (r"\bminutes\b", "minutes"),
    (r"\bagendas?\b", "agenda"),
    (r"\bstrateg(?:y|ies)\b", "strategy"),
    (r"\bappendi(?:x|ces)\b", "appendix"),
)


@dataclass(frozen=True)
class Context:
    """Where a question points: a meeting period, a body, a paper type (each may be None)."""

    date_from: str | None = None
    date_to: str | None = None
    body: str | None = None
    document_type: str | None = None
    asks_for: str | None = None  # "decision" or "recommendation": passages recording one come first
    said: tuple[str, ...] = ()  # the words that said so, for explaining a result

    def __bool__(self) -> bool:
        return bool(self.date_from or self.body or self.document_type or self.asks_for)
    def as_dict(self) -> dict:
        return {k: v for k, v in (("date_from", self.date_from), ("date_to", self.date_to), ("body", self.body),
                                  ("document_type", self.document_type), ("asks_for", self.asks_for),
                                  ("said", list(self.said))) if v}


def _month_range(year: int, month: int) -> tuple[str, str]:
    last = calendar.monthrange(year, month)[1]
    return date(year, month, 1).isoformat(), date(year, month, last).isoformat()


def question_period(question: str, today: date) -> tuple[str, str, str] | None:
    """(from, to, words) of the meeting date or period a question names, or None."""
    days = sorted({iso for _, iso in find_dates(question)})
    if len(days) == 1:  # one full date: that meeting
        return days[0], days[0], days[0]
    if days:  # several dates: the span they cover
        return days[0], days[-1], "dates " + ", ".join(days)
    if months := month_years(question):
        first = date.fromisoformat(months[0])
        return (*_month_range(first.year, first.month), first.strftime("%B %Y"))
    if m := _RELATIVE_MONTH.search(question):
        month = month_number(m["m"]) or 1
        year = today.year if m["which"].lower() == "this" or month < today.month else today.year - 1
        return (*_month_range(year, month), m.group(0))
    if m := _RELATIVE_YEAR.search(question):
        year = today.year - (m["which"].lower() == "last")
        return f"{year}-01-01", f"{year}-12-31", m.group(0)
    if m := _YEAR.search(question):
        return f"{m['y']}-01-01", f"{m['y']}-12-31", m.group(0)
    return None


def named_body(text: str, bodies: list[str]) -> str | None:
    """The longest body the papers record that ``text`` names ("Health and Wellbeing Board")."""
    text = " ".join(text.split())
    # A one-word body ("Cabinet") counts only as written with its capital: "board" is any board.
    named = [
        b for b in bodies
        if b and len(b) > 3 and re.search(rf"\b{re.escape(b)}\b", text, 0 if " " not in b.strip() else re.IGNORECASE)
    ]
    return max(named, key=len) if named else None


def paper_type(text: str) -> str | None:
    for pattern, kind in DOCUMENT_TYPE_WORDS:
        if re.search(pattern, text, re.IGNORECASE):
            return kind
    return None


_DECIDED = frozenset("decide decided decision resolve resolved agree agreed approve approved vote voted".split())
_PROPOSED = frozenset("recommend recommended recommendation recommendations propose proposed asked".split())


def asks_for(question: str) -> str | None:
    """"decision" when a question asks what was decided (resolved, agreed, approved),
    "recommendation" when it asks what was proposed, else None. "Who took the decision" asks for
    a person, not for the decision's record."""
    if re.match(r"\s*(?:and\s+)?who\b", question, re.IGNORECASE):
        return None
    # "the proposed development" names a thing; it does not ask what was proposed.
    asked = _NAMING_PROPOSAL.sub(" ", question)
    words = set(re.findall(r"\w+", asked.lower()))
    return "recommendation" if words & _PROPOSED else "decision" if words & _DECIDED else None


# "proposed" before the thing it describes ("proposed development", "the recommended option"); not "was
# proposed for", "recommended that", "proposed by".
_NAMING_PROPOSAL = re.compile(
    r"\b(?:recommended|proposed)(?=\s+(?!(?:that|to|by|for|in|at|on|as|about|and|or|with|from|the|a|an|this|its|their|it|them)\b)[a-z])"
    r"|\b(?:the|a|an|this|that|these|those|its|their|any)\s+(?:recommended|proposed)\b", re.IGNORECASE)


def understand(question: str, bodies: list[str], today: date | None = None) -> Context:
    """The context a question names; ``question`` may carry expanded acronyms ("HWB" -> its name)."""
    period = question_period(question, today or date.today())
    body = named_body(question, bodies)
    kind = paper_type(question)
    record = asks_for(question)
    said = [part for part in (period[2] if period else None, body, kind and kind.replace("_", " "),
                              record and f"a {record}") if part]
    return Context(period[0] if period else None, period[1] if period else None, body, kind, record, tuple(said))
