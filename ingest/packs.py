"""Split an agenda pack into its papers and say what kind of paper each one is.

ModernGov and similar systems stamp "Agenda Item N" on the pages of each item's paper (at the
top of the first page, or at the foot of every page); converters turn it into a line such as
"# Agenda Item 3". A change of item number starts a new paper. In a PDF the paper starts at the
top of the page carrying the stamp, since a foot-of-page stamp comes after that page's text. A page
that opens the minutes of a meeting (a title block with a date, then who was present) starts a
paper too: packs carry the last meeting's minutes after the agenda, often without a stamp.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .chunk import Line
from .dates import TIME_OF_DAY, find_dates
from .noise import is_agenda_stamp
from .motions import records_an_outcome


@dataclass
class Paper:
    lines: list[Line]
    agenda_item: str | None = None  # from the pack's stamp
    in_pack: bool = False  # one of several papers split out of a pack


# A page that opens a meeting's record: a title block with a date, then who was present
# ("HARBOUR COMMITTEE" / "3 MARCH 2021" / "PRESENT:"). A pack often carries the minutes of the
# last meeting after its agenda, with no stamp between them.
_PRESENT = re.compile(r"^(?:members\s+)?present\s*(?::|-|–|$)", re.IGNORECASE)
OPENING_LINES = 8


def _opens_minutes(lines: list[Line], start: int) -> bool:
    head = [line.text.strip() for line in lines[start:start + OPENING_LINES * 2] if line.text.strip()][:OPENING_LINES]
    present = next((n for n, text in enumerate(head) if _PRESENT.match(text)), None)
    return present is not None and present > 0 and any(find_dates(text) for text in head[:present])


def split_pack(lines: list[Line], paged: bool) -> list[Paper]:
    """Papers in reading order: a new paper at each change of stamp, and (in a paged file) at a page
    that opens the minutes of a meeting. A file without either is one paper."""
    starts: list[tuple[int, str | None]] = [(0, None)]
    page_start: dict[int, int] = {}
    current: str | None = None
    for index, line in enumerate(lines):
        if paged and line.page not in page_start and index > 0 and _opens_minutes(lines, index):
            starts.append((index, current))
        page_start.setdefault(line.page, index)
        item = is_agenda_stamp(line.text) if line.text else None
        if item is None or item == current:
            continue
        current = item
        start = page_start[line.page] if paged else index
        if start <= starts[-1][0]:
            start = index if index > starts[-1][0] else starts[-1][0]
        if start == starts[-1][0]:
            starts[-1] = (start, item)  # the stamp names the paper that starts here
        else:
            starts.append((start, item))
    papers: list[Paper] = []
    for number, (start, item) in enumerate(starts):
        end = starts[number + 1][0] if number + 1 < len(starts) else len(lines)
        body = [line for line in lines[start:end] if not (line.text and is_agenda_stamp(line.text))]
        if any(line.text.strip() for line in body):
            papers.append(Paper(body, item))
    if len(papers) > 1:
        for paper in papers:
            paper.in_pack = True
    return papers


# What a paper says about itself in its first lines. Spaces are optional because some PDFs
# extract without them ("RegularMeetingAgenda").
_MINUTES = re.compile(
    r"^(?:(?:draft|printed|approved|unconfirmed|signed)\s*)?minutes\b(?!\s+of\s+(?:the\s+)?previous)"
    r"|meeting\s*minutes\b|\bminutes\s*of\s*(?:the|a|an)\s*(?:[\w&'’-]+\s*){0,8}?meeting\b"
    r"|^minutes\s*from\b|^notes\s+(?:of|from)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}meeting\b"
    r"|^minute\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,3}meeting\b"  # Scottish councils' "Minute of Meeting of the ... Committee"
    r"|^cofnodion\b(?!.{0,30}\b(?:diwethaf|blaenorol)\b)",  # Welsh: "Cofnodion cyfarfod ...", not "... y cyfarfod diwethaf" (the last one's)
    re.IGNORECASE,
)
# (not a committee system's page "Agenda and minutes" or "Agenda, decisions and minutes", which holds each item's minutes)
_AGENDA = re.compile(
    r"^(?:a\s?g\s?e\s?n\s?d\s?a)\b(?!(?:\s*,\s*decisions)?\s+and\s+(?:minutes|decisions)\b)|meeting\s*agenda\b|^notice\s*of\s*(?:the\s*)?meeting\b|\bsummons\b"
    r"|-\s*agenda\s*-|^agenda\s*(?:for|of)\b|^(?:a|the)\s+meeting\s+of\b.{0,80}\bwill\s+be\s+held\b",
    re.IGNORECASE,
)
_DECISION = re.compile(r"record\s*of\s*decision|decision\s*to\s*be\s*taken\s*by|^decision\s*notice\b", re.IGNORECASE)
_REPORT_LABEL = re.compile(
    r"^(?:title\s+of\s+meeting|report\s+(?:by|of|from|author)|subject|purpose\s+of\s+report|"
    r"decision\s+no|summary)\s*[:\t]",
    re.IGNORECASE,
)
# Minutes that do not call themselves minutes still tell the meeting in the past.
_MINUTED = re.compile(
    # "A meeting of the Select Board was called to order at 6:30", "... and Ms. Lee were present", "The City Council met
    # in session on this date ... present on roll call"
    r"\b(?:called\s+the\s+meeting\s+to\s+order|was\s+called\s+to\s+order|called\s+roll\s+call|were\s+present\b|present\s+on\s+roll\s+call\b"
    r"|met\s+in\s+(?:regular\s+|special\s+|adjourned\s+)?session\b"
    r"|(?:present|attending|in\s+attendance|apologies(?:\s+for\s+absence)?|absent)\s*(?:were|:|-|–))",
)
_FROM_TO = re.compile(r"^(?:from|to|by)\s*:", re.IGNORECASE)
# An enactment opens with its number ("ORDINANCE NO. 41-2021", "Resolution NO 112 - 2023") or
# recites before it enacts ("WHEREAS, ...", "BE IT RESOLVED", "... ORDAINS AS FOLLOWS").
_ENACTMENT_TITLE = re.compile(r"^(?:an?\s+)?(?:ordinance|resolution)\s*(?:no\b|number\b|#)", re.IGNORECASE)
_RECITAL = re.compile(r"^(?:whereas\b|now,?\s+therefore\b|be\s+it\s+(?:further\s+)?(?:resolved|ordained)\b)", re.IGNORECASE)


TITLE_BLOCK = 8  # lines: a meeting paper's title block names the body or meeting, the day and the hour
MAX_DATES_ANNOUNCED = 3  # an agenda's opening may name the minutes it approves, or a deadline; a schedule lists many
_MEETING_TITLE = re.compile(r"\b(?:meeting|board|committee|commission|council)\b", re.IGNORECASE)


def _announces_meeting(head: list[str]) -> bool:
    """Whether the opening lines are a meeting's title block: a line naming a meeting or body, and
    one date, with a time of day ("MARCH 3, 2021" / "07:00 P.M."). A schedule's opening lines
    give many dates, a notice of postponement two on one line."""
    days = [{iso for _, iso in find_dates(text)} for text in head]
    if len(set().union(*days)) > MAX_DATES_ANNOUNCED:
        return False  # a schedule: the meetings of a year
    block = head[:TITLE_BLOCK]
    dated = next((n for n in range(len(block)) if days[n]), None)
    if dated is None or len(days[dated]) != 1:
        return False  # no date, or a notice moving a meeting from one date to another
    if not any(_MEETING_TITLE.search(text) for text in block[:dated + 1]):
        return False
    return any(TIME_OF_DAY.search(text) for text in block[dated:dated + 2])


def _head(lines: list[Line], count: int) -> list[str]:
    out = []
    for line in lines:
        text = line.text.strip().lstrip("#").strip()
        if text:
            out.append(text[:300])
            if len(out) >= count:
                break
    return out


def classify(lines: list[Line], title: str = "") -> str:
    """One of the vocabulary's DOCUMENT_TYPES, from the paper's opening lines and title."""
    head = _head(lines, 30)
    marks: list[tuple[int, str]] = []
    for index, text in enumerate(head):
        if _DECISION.search(text):
            marks.append((index, "decision_record"))
        if _MINUTES.search(text):
            marks.append((index, "minutes"))
        if _AGENDA.search(text):
            marks.append((index, "agenda"))
    labels = sum(1 for text in head if _REPORT_LABEL.match(text))
    from_to = sum(1 for text in head if _FROM_TO.match(text))
    has_report_header = labels >= 2 or (from_to >= 2 and labels >= 1)
    if marks:
        index, kind = min(marks)
        # A report's header comes first; "Minutes of ..." in its subject does not make it minutes.
        if not (has_report_header and kind != "decision_record" and index > 2):
            # nor does an item's "Consent Agenda items #1 and #2" below a meeting already told in the past
            told = kind == "agenda" and (tells_outcomes(lines) or bool(_MINUTED.search(" ".join(head[:index]).lower())))
            return "minutes" if told else kind
    words = f"{title} {' '.join(head[:6])}".lower()
    if has_report_header:
        return "report"
    if any(_ENACTMENT_TITLE.match(text) for text in head[:6]) or sum(bool(_RECITAL.match(text)) for text in head) >= 2:
        return "decision_record"
    if re.search(r"\bannual\s+(?:report|review)\b", words):
        return "annual_report"
    if re.search(r"\bprogress\s+(?:update|report)\b|\btracker\b|\bperformance\s+report\b", words):
        return "progress_update"
    if re.match(r"\s*appendix\b", title, re.IGNORECASE):
        return "appendix"
    if re.search(r"\bstrateg(?:y|ies)\b|\bplan\s+(?:19|20)\d\d", words):
        return "strategy"
    text = " ".join(head).lower()
    if _MINUTED.search(text):
        return "minutes"  # told in the past: who attended, the meeting called to order
    if _announces_meeting(head):
        # a meeting's title block, its date and time of day: its agenda, unless it tells how its items went
        return "minutes" if tells_outcomes(lines) else "agenda"
    if re.search(r"\breport\b|\bpurpose\s+of\s+(?:the\s+)?report\b|\brecommendations?\b", text):
        return "report"
    return "other"


OUTCOME_SHARE = 0.1  # an agenda tells no outcomes; a meeting's record tells one for most items


def tells_outcomes(lines: list[Line]) -> bool:
    """Whether a paper tells how its motions went ("Moved by Lee to adopt. Motion Carried 6-1.") on at
    least one line in ten: it is the record of its meeting, whatever its head calls it ("Actions taken
    by the Council on the items of this meeting agenda")."""
    told = [line for line in lines if line.text.strip()]
    outcomes = sum(records_an_outcome(line.text) for line in told)
    return outcomes >= 3 and outcomes >= OUTCOME_SHARE * len(told)


_AGENDA_LINE = re.compile(r"^\s*(?:•\s*)?(?:item\s+)?(\d{1,2}[a-z]?)[.)]?\s+(\S.{2,300}?)\s*$", re.IGNORECASE)
# The pages an agenda's contents line points to: "(Pages 17 - 72)".
PAGE_RANGE = r"\bpages?\s+\d+\s*(?:-|–|to)\s*\d+\b"
_PAGES_REF = re.compile(rf"\s*\(\s*{PAGE_RANGE}\s*\)\s*$|\s*\(\s*page\s+\d+\s*\)\s*$", re.IGNORECASE)


def agenda_items(lines: list[Line], limit: int = 600) -> dict[str, str]:
    """Item number -> item title from an agenda's list ("5  Health and Wellbeing Strategy (Pages 17 - 72)").

    Items must rise in number, which keeps dates, addresses and phone numbers out.
    """
    items: dict[str, str] = {}
    last = 0
    for line in lines[:limit]:
        match = _AGENDA_LINE.match(line.text)
        if not match:
            continue
        number = int(re.match(r"\d+", match.group(1)).group())
        title = _PAGES_REF.sub("", match.group(2)).strip(" .*")
        if number <= last or number > last + 3 or len(title) < 3 or not title[:1].isupper():
            continue
        if re.match(r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", title, re.IGNORECASE):
            continue  # "9 February 2022" is a date, not item 9
        if re.match(r"(?:in|of|per|out|x|to)\b", title, re.IGNORECASE):
            continue  # "4 IN 10 people" is a statistic
        items[match.group(1)] = title[:200]
        last = number
    return items
