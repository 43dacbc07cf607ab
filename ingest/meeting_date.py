"""A paper's meeting date, chosen among candidates by the evidence around each, or left empty.

Every date in the paper's opening text is a candidate. Each is described by what a reader looks
at (where it stands, the words before it, how it is written, how often it recurs, whether the
header rules picked it) and scored by a logistic model fitted on labelled papers of the
development bodies (``eval/fit_meeting_date.py`` writes ``weights/meeting_date.json`` with what it
was fitted on). The best candidate is kept only when its probability reaches the threshold chosen
with the fit: a wrong date is worse than none.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path

from . import logistic
from .chunk import Line
from .dates import MONTH, find_dates

WEIGHTS = Path(__file__).with_name("weights") / "meeting_date.json"
HEAD_LINES = 120  # the opening lines a meeting date is looked for in
HEAD_CHARS = 5000
_WINDOW = 80  # characters before a date read for its cues

_MEETING_WORDS = re.compile(
    r"\b(?:meeting|held|minutes|agenda|session|hearing|regular|special|convened?|commenc\w*|summons|notice|"
    r"board|council|committee|commission)\b", re.IGNORECASE)
_MEETING_LABEL = re.compile(r"(?:date\s+of\s+(?:the\s+)?meeting|meeting\s+date|date\s+of\s+hearing|when)\s*[:\-–]?\s*$",
                            re.IGNORECASE)
_PLAIN_LABEL = re.compile(r"(?:^|\n)\s*(?:date|dated)\s*[:\-–]?\s*$", re.IGNORECASE)
_PROSE_BEFORE = re.compile(
    r"\b(?:will|was|were|has|have|had|is|are|by|until|from|since|before|after|ending|ended|end|due|through|"
    r"expires?|received|dated|letter|email|effective|approved|adopted)\s+(?:on\s+|of\s+)?(?:the\s+)?$", re.IGNORECASE)
_WEEKDAY_BEFORE = re.compile(r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s*$", re.IGNORECASE)
_NUMERIC_DOTS = re.compile(r"^\d{1,2}\.\d{1,2}\.\d{2}$")
_NAMED = re.compile(MONTH, re.IGNORECASE)
_TIME_AFTER = re.compile(r"^[^\n]{0,40}?\b\d{1,2}(?::\d\d|\.\d\d)?\s*(?:a\.?m\.?|p\.?m\.?)|^[^\n]{0,30}?\b\d{1,2}:\d\d\b",
                         re.IGNORECASE)

FEATURES = (
    "bias_first", "log_offset", "rank", "label_meeting", "label_plain", "meeting_words", "prose_before",
    "weekday", "time_after", "named_month", "dotted_short_year", "numeric", "repeats", "rule_pick",
    "latest", "earliest",
)


@dataclass(frozen=True)
class Candidate:
    iso: str
    features: dict[str, float]


def _head_text(lines: list[Line]) -> str:
    out, size = [], 0
    for line in lines[:HEAD_LINES]:
        text = line.text.strip()
        if text:
            out.append(text)
            size += len(text) + 1
            if size > HEAD_CHARS:
                break
    return "\n".join(out)


def candidates(lines: list[Line], rule_pick: str | None, default_year: int | None,
               month_first: bool) -> list[Candidate]:
    """Each distinct date of the paper's opening text, described at its first appearance."""
    text = _head_text(lines)
    found = find_dates(text, default_year, month_first)
    if not found:
        return []
    isos = [iso for _, iso in found]
    first_seen: dict[str, int] = {}
    for offset, iso in found:
        first_seen.setdefault(iso, offset)
    ordered = sorted(first_seen, key=first_seen.get)
    latest, earliest = max(isos), min(isos)
    out = []
    for rank, iso in enumerate(ordered):
        offset = first_seen[iso]
        before = text[max(0, offset - _WINDOW):offset]
        match_text = re.match(r"\S+(?:\s+\S+){0,3}", text[offset:offset + 40]).group()
        end = offset + len(match_text)
        written = text[offset:end]
        out.append(Candidate(iso, {
            "bias_first": 1.0 if rank == 0 else 0.0,
            "log_offset": math.log1p(offset) / math.log1p(HEAD_CHARS),
            "rank": min(rank, 5) / 5,
            "label_meeting": float(bool(_MEETING_LABEL.search(before[-40:]))),
            "label_plain": float(bool(_PLAIN_LABEL.search(before[-20:]))),
            "meeting_words": float(bool(_MEETING_WORDS.search(before.split("\n")[-1] + " " + before[-_WINDOW:]))),
            "prose_before": float(bool(_PROSE_BEFORE.search(before[-40:]))),
            "weekday": float(bool(_WEEKDAY_BEFORE.search(before[-15:])) or bool(_WEEKDAY_BEFORE.search(written[:12] + " "))),
            "time_after": float(bool(_TIME_AFTER.match(text[offset + 6:offset + 60]))),
            "named_month": float(bool(_NAMED.search(written))),
            "dotted_short_year": float(bool(_NUMERIC_DOTS.match(written.split()[0].strip(",;")))),
            "numeric": float(not _NAMED.search(written)),
            "repeats": math.log1p(isos.count(iso) - 1),
            "rule_pick": float(iso == rule_pick),
            "latest": float(iso == latest and latest != earliest),
            "earliest": float(iso == earliest and latest != earliest),
        }))
    return out


def choose(found: list[Candidate], rule_pick: str | None) -> str | None:
    """The best-supported candidate, or None when none is likely enough; without fitted weights,
    the header rules' pick."""
    model = logistic.load(WEIGHTS)
    if model is None:
        return rule_pick
    if not found:
        return None
    scored = max(found, key=lambda c: logistic.probability(c.features, model))
    return scored.iso if logistic.probability(scored.features, model) >= model["threshold"] else None
