"""Dates in the forms councils write them, turned into ISO strings.

Regexes find the candidate (so a date inside a sentence is found without fuzzy parsing of the
whole sentence); python-dateutil does the month names. Numeric dates are UK day-first unless that
is impossible ("4/23/19"); a date without a year takes the year from context when one is given.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from dateutil import parser as _dateparser

# Welsh papers name the months in Welsh ("12 Mawrth 2024", "16 Ionawr 2024"); each is read as its English name.
_WELSH_MONTHS = {"ionawr": "January", "chwefror": "February", "mawrth": "March", "ebrill": "April", "mai": "May",
                 "mehefin": "June", "gorffennaf": "July", "awst": "August", "medi": "September", "hydref": "October",
                 "tachwedd": "November", "rhagfyr": "December"}
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|" + "|".join(_WELSH_MONTHS) + r")\.?"
)
_WEEKDAY = r"(?:(?P<w>mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# A scanned page's superscript ordinal reads back as a quote, a degree sign or a stray letter
# ("18" March", "18t March").
_ORD = r"(?:\s*(?:st|nd|rd|th)\b|[\"\u201c\u201d\u2019'\u00b0*]{1,2}|[th]\b)?"
_YEAR = r"(?:19|20)\d\d"

# "Wednesday, 23rd September, 2020", "9 February 2022", "23 rd September", "9<sup>th</sup> Feb",
# and the form of enactments: "this 4th day of March, 2021"
_DAY_MONTH = re.compile(
    rf"\b{_WEEKDAY}(?P<d>[0-3]?\d){_ORD}(?:\s+day)?\s*(?:of\s+)?(?P<m>{_MONTH})(?:,?\s*(?P<y>{_YEAR}))?(?![\w/])",
    re.IGNORECASE,
)
# "January 27, 2020", "Monday, January 29, 2018", "Jan. 5 2021"; a text layer without word spaces
# runs the month into its day ("January10,2023"), which is read only with its year.
_MONTH_DAY = re.compile(
    rf"\b{_WEEKDAY}(?P<m>{_MONTH})(?:\s+(?P<d>[0-3]?\d){_ORD},?(?:\s+(?P<y>{_YEAR}))?"
    rf"|(?P<d2>[0-3]?\d),\s*(?P<y2>{_YEAR}))(?![\w/:.]\d)",
    re.IGNORECASE,
)
# "23/09/2020", "17/1/2025", "4/23/19", "10.12.24"
_NUMERIC = re.compile(r"(?<![\d/.])(?P<a>[0-3]?\d)[/.](?P<b>[01]?\d|[0-3]?\d)[/.](?P<y>(?:19|20)?\d\d)(?![\d/])")
_ISO = re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")
# "September 2023", "October 2022": month precision, used only when asked for; not a span
# ("March 2020-21").
MONTH = _MONTH
_MONTH_YEAR = re.compile(rf"\b(?P<m>{_MONTH}),?\s+(?P<y>{_YEAR})\b(?![/-]\d)", re.IGNORECASE)

_MONTH_WORD = re.compile(rf"\b{_MONTH}(?!\w)", re.IGNORECASE)
# A time of day: "6:00 P.M.", "10.30 am", "530pm" (a text layer dropping the colon).
TIME_OF_DAY = re.compile(r"\b\d{1,2}(?:[:.]\d\d)?\s*(?:a\.?m\b\.?|p\.?m\b\.?)|\b\d{3,4}\s*(?:am|pm)\b", re.IGNORECASE)
_BARE_YEAR = re.compile(rf"\b{_YEAR}\b(?![/-]\d)")  # "in 2019"; not a span ("2019-20")
_MAX_SCAN = 4000  # dates live in short header lines; never scan megabytes


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return datetime(year, month, day).date().isoformat()
    except ValueError:
        return None


def _named(day: str, month: str, year: str | None, default_year: int | None) -> str | None:
    if year is None and (default_year is None or month.islower() and month[:3] in {"may", "mar"}):
        return None  # "they may" / "2 mar" in prose are not dates without a year
    month = _WELSH_MONTHS.get(month.lower(), month)
    try:
        parsed = _dateparser.parse(
            f"{int(day)} {month.rstrip('.')} {year or default_year}", dayfirst=True, fuzzy=False
        )
    except (ValueError, OverflowError):
        return None
    return parsed.date().isoformat()


def _numeric(a: str, b: str, y: str, month_first: bool = False) -> str | None:
    year = int(y) if len(y) == 4 else 2000 + int(y)
    # UK day-first by default; the other order only when the first cannot be a date.
    day_first, other = _iso(year, int(b), int(a)), _iso(year, int(a), int(b))
    return (other or day_first) if month_first else (day_first or other)


def numeric_order(text: str) -> bool:
    """Whether a paper writes numeric dates month first (US), judged from the paper itself: its
    unambiguous numeric dates (13/01 is day first, 01/13 month first), else its written dates
    ("January 13, 2022" is the US order, "13 January 2022" the UK one)."""
    text = text[:_MAX_SCAN * 4]
    month_first = day_first = numeric = 0
    for match in _NUMERIC.finditer(text):
        a, b = int(match["a"]), int(match["b"])
        month_first += b > 12 >= a
        day_first += a > 12 >= b
        numeric += 1
    if not numeric:
        return False  # no numeric date to read either way: spare the scan of written ones
    if month_first != day_first:
        return month_first > day_first
    us = sum(1 for m in _MONTH_DAY.finditer(text) if m["y"] or m["y2"])
    uk = sum(1 for m in _DAY_MONTH.finditer(text) if m["y"])
    return us > uk


def find_dates(text: str, default_year: int | None = None, month_first: bool = False) -> list[tuple[int, str]]:
    """Every date in ``text`` as (offset, ISO date), in reading order; ``month_first`` reads an
    ambiguous date (numeric, or a named month between two days) as the US write it (see ``numeric_order``)."""
    text = text[:_MAX_SCAN]
    named = (_MONTH_DAY, _DAY_MONTH) if month_first else (_DAY_MONTH, _MONTH_DAY)
    found = _dates(text, default_year, month_first, named)
    # A list of dates without years ("JANUARY 14 MARCH 11 JUNE 10") is read the way that uses every
    # month and day in it: read day first, it would pair "14 MARCH" and leave "JANUARY" over.
    if len(_MONTH_WORD.findall(text)) < 2:
        return found  # one month name cannot be read two ways
    other = _dates(text, default_year, month_first, named[::-1])
    return other if len(other) > len(found) else found


def _dates(text: str, default_year: int | None, month_first: bool, named: tuple[re.Pattern, re.Pattern]) -> list[tuple[int, str]]:
    found: dict[int, tuple[int, str]] = {}
    taken: list[tuple[int, int]] = []

    def add(match: re.Match, iso: str | None) -> None:
        if iso is None:
            return
        start, end = match.span()
        if any(s < end and start < e for s, e in taken):
            return  # overlaps a date already found by a more specific pattern
        taken.append((start, end))
        weekday = match.groupdict().get("w")
        if weekday and _WEEKDAYS.index(weekday[:3].lower()) != date.fromisoformat(iso).weekday():
            return  # "Tuesday 2 April 2014" (the 29th, read by OCR without its 9): the day and weekday disagree
        found[start] = (start, iso)

    for match in _ISO.finditer(text):
        add(match, _iso(int(match["y"]), int(match["m"]), int(match["d"])))
    for pattern in named:
        for match in pattern.finditer(text):
            groups = match.groupdict()
            add(match, _named(groups["d"] or groups.get("d2"), groups["m"], groups["y"] or groups.get("y2"), default_year))
    for match in _NUMERIC.finditer(text):
        add(match, _numeric(match["a"], match["b"], match["y"], month_first))
    return [found[key] for key in sorted(found)]


def parse_date(text: str | None, default_year: int | None = None) -> str | None:
    """The first date in ``text`` as ISO (YYYY-MM-DD), or None."""
    if not text:
        return None
    dates = find_dates(text, default_year)
    return dates[0][1] if dates else None


def year_of(iso: str | None) -> int | None:
    return int(iso[:4]) if iso else None


def find_year(text: str) -> int | None:
    """The first plausible year mentioned in ``text`` (context for dates written without one)."""
    match = re.search(r"\b((?:19|20)\d\d)\b", text[:_MAX_SCAN])
    return int(match.group(1)) if match else None


def month_year(text: str) -> str | None:
    """'October 2022' as '2022-10-01' (a paper dated only by month)."""
    months = month_years(text)
    return months[0] if months else None


def month_years(text: str) -> list[str]:
    """Every "Month YYYY" in ``text`` as the first of that month ('2022-10-01'), in reading order."""
    found = (_named("1", match["m"], match["y"], None) for match in _MONTH_YEAR.finditer(text[:_MAX_SCAN]))
    return [iso for iso in found if iso]


# A financial, fiscal or school year: "2022/23", "2019-20", "2018-2019" (two years running).
_FINANCIAL_YEAR = re.compile(rf"(?<![\d/.-])({_YEAR})\s?[/-]\s?((?:19|20)?\d\d)(?![\d/.-]?\d)")


def financial_years(text: str) -> set[int]:
    """The financial years a text names, each by the calendar year it starts in."""
    found = set()
    for m in _FINANCIAL_YEAR.finditer(text):
        first, last = int(m[1]), int(m[2])
        if last == (first + 1 if len(m[2]) == 4 else (first + 1) % 100):
            found.add(first)
    return found


def date_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` gives a date or a month ("9 February 2022", "Oct 18, 2021", "4/23/19",
    "November 2022", "in 2019"), as (start, end) offsets, overlaps merged, in reading order."""
    spans = sorted(
        match.span()
        for pattern in (_DAY_MONTH, _MONTH_DAY, _NUMERIC, _ISO, _MONTH_YEAR, _BARE_YEAR)
        for match in pattern.finditer(text[:_MAX_SCAN])
    )
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def month_number(name: str) -> int | None:
    """1-12 for a month's name or abbreviation ("Sept", "march"), else None."""
    parsed = _named("1", name, "2000", None) if re.fullmatch(_MONTH, name, re.IGNORECASE) else None
    return int(parsed[5:7]) if parsed else None
