"""The body whose meeting a paper is for, chosen among candidates by the evidence around each, or left
to the header rules.

Every body-shaped name of the paper's opening lines is a candidate ("Planning Commission", "Board of
Trustees", "Audit Committee", "Harbourside Parish Council"), described by where it stands and how it
is written: the first line it appears on, whether it fills or opens its line or only stands in
sentences, capitals, how often it recurs, whether a paper's words come before it on its line
("Agenda of the", "Minutes of the meeting of") or "meeting" after it, whether it is the paper's
organisation, and whether the header rules (metadata.find_body) pick it. A logistic model fitted on
the development bodies' labels (``eval/fit_body.py`` writes ``weights/body.json``) scores them; the
best is kept above the fit's threshold, else the rules' pick stands.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from .candidates import HEAD_LINES, MAX_LINE, Candidate, key as _key, placement
from .candidates import choose as _choose

WEIGHTS = Path(__file__).with_name("weights") / "body.json"

_PAPER_BEFORE = re.compile(r"\b(?:agenda|minutes|notice|summons|summary|record|meeting|session)\s+(?:of|for)\s+(?:the\s+)?$", re.IGNORECASE)
_MEETING_AFTER = re.compile(r"^\s*(?:(?:regular|special|ordinary|annual|adjourned)\s+)?(?:meeting|session)\b", re.IGNORECASE)
_PROSE_BEFORE = re.compile(r"\b[a-z]+\s+(?:[a-z]+\s+)?$")  # "... was held by the Planning Commission"

FEATURES = (
    "first_line", "top", "repeats", "whole_line", "line_start", "only_in_sentences", "capitals", "rule_pick",
    "rank", "words", "paper_before", "meeting_after", "the_organisation",
)


def candidates(lines: list[str], names: Callable[[str], list[tuple[int, int, str]]], rule_pick: str | None,
               organisation: str | None) -> list[Candidate]:
    """Each distinct body of the opening ``lines``, described where it first appears; ``names(text)``
    gives the bodies a line names, as (start, end, name)."""
    seen: dict[str, dict] = {}
    order: list[str] = []
    texts = [line.strip()[:MAX_LINE] for line in lines[:HEAD_LINES] if line.strip()]
    for number, text in enumerate(texts):
        for start, end, name in names(text):
            key = _key(name)
            if len(key.split()) < 2 and key != _key(rule_pick or ""):
                continue  # "Board", "Council" alone say what kind of body, not which
            if key not in seen:
                order.append(key)
                seen[key] = {"name": name, "first": number, "count": 0, "whole": False, "caps": False, "start": False,
                             "sentence": True, "paper": False, "meeting": False}
            entry = seen[key]
            entry["count"] += 1
            entry["whole"] |= end - start >= 0.6 * len(text)
            entry["caps"] |= text[start:end].isupper()
            entry["start"] |= start <= 3
            entry["sentence"] &= bool(_PROSE_BEFORE.search(text[:start]))
            entry["paper"] |= bool(_PAPER_BEFORE.search(text[:start]))
            entry["meeting"] |= bool(_MEETING_AFTER.match(text[end:]))
    rule_key, organisation_key = _key(rule_pick or ""), _key(organisation or "")
    out = []
    for rank, key in enumerate(order):
        entry = seen[key]
        out.append(Candidate(entry["name"], {
            **placement(entry, rank, key, rule_key),
            "paper_before": float(entry["paper"]),
            "meeting_after": float(entry["meeting"]),
            "the_organisation": float(bool(organisation_key) and key == organisation_key),
        }))
    return out


def rule_stands(found: list[Candidate], rule_pick: str | None) -> bool:
    """Whether the header rules' pick stands without the model: a pick the candidates do not hold
    ("Harbour Libraries Ltd", no body by its shape) is not weighed against them."""
    return bool(rule_pick) and not any(c.features["rule_pick"] for c in found)


def choose(found: list[Candidate], rule_pick: str | None) -> str | None:
    """The best-supported candidate when it is likely enough, else the header rules' pick."""
    return rule_pick if rule_stands(found, rule_pick) else _choose(found, rule_pick, WEIGHTS)
