"""The meeting or period a question names, and whether a passage or a paper speaks of it.

"What did the Board decide in July 2021?" is answered from the papers of that meeting, or from a
passage that gives a date or a month in the period.
"""

from __future__ import annotations

from minutebook.ingest.dates import find_dates, month_years


def in_period(day: str | None, context: dict) -> bool:
    return bool(day and context.get("date_from") and context["date_from"] <= day <= context["date_to"])


def speaks_of_period(text: str, meeting_date: str | None, context: dict) -> bool:
    """Whether a passage is from, or says, the meeting date or period a question names (if any):
    its meeting, a date it gives ("9 February 2022"), a month ("In July 2021 the Board approved"),
    or, for a whole year, the year."""
    low, high = context.get("date_from"), context.get("date_to")
    if not low:
        return True
    if in_period(meeting_date, context) or any(in_period(iso, context) for _, iso in find_dates(text)):
        return True
    if any(low[:7] <= month[:7] <= high[:7] for month in month_years(text)):
        return True
    return low[5:] == "01-01" and high[5:] == "12-31" and low[:4] == high[:4] and low[:4] in text


def paper_speaks_of_period(paper, context: dict) -> bool:
    """Whether a paper (a chat.evidence.Paper) gives a date or names a month in the period a
    question names."""
    low, high = context.get("date_from"), context.get("date_to")
    return not low or any(low <= day <= high for day in paper.days) or any(low[:7] <= month <= high[:7] for month in paper.months)
