"""A learned detector of decisions, for the forms the extractors' rules do not know.

Every sentence of a paper's running text, and every heading, is a unit. A unit is described by
its words and word pairs (numbers folded to one token), the words of the line before it and of
its heading, each hashed into a fixed number of slots, and scored by a multinomial logistic
model (resolution, recommendation, action or none) fitted on the labelled papers of the
development bodies (``eval/fit_decisions.py`` writes ``weights/decision_units.json`` with what it
was fitted on and its body-held-out precision). A unit becomes a row only when its kind's
probability reaches the threshold chosen with the fit, and only when no rule row already holds it.
"""

from __future__ import annotations

import json
import math
import re
import zlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from minutebook.vocabulary import Decision, Document

from .decision_text import Entry, normalise, sentences

WEIGHTS = Path(__file__).with_name("weights") / "decision_units.json"
SLOTS = 1 << 12
KINDS = ("none", "resolution", "recommendation", "action")
MAX_UNIT = 600  # characters: a longer "sentence" is a run of text without stops, no single decision
_WORD = re.compile(r"[a-z]+|\d+")


@dataclass(frozen=True)
class Unit:
    text: str
    page: int
    last_page: int
    section: str
    before: str  # the unit before it (an agenda's "RECOMMENDATION:" label, a mover's line)
    heading: bool


def units(entries: list[Entry]) -> list[Unit]:
    """The paper's sentences and headings in reading order."""
    spans = [(s.start, s.text, s.page, s.last_page, False) for s in sentences(entries)]
    spans += [(i, e.text, e.page, e.page, True) for i, e in enumerate(entries) if e.heading and e.text]
    spans.sort(key=lambda span: (span[0], not span[4]))
    out, before = [], ""
    for start, text, page, last_page, heading in spans:
        if len(text) <= MAX_UNIT:
            out.append(Unit(text, page, last_page, entries[start].section.path, before, heading))
        before = text
    return out


def _tokens(text: str) -> list[str]:
    return ["0" if t.isdigit() else t for t in _WORD.findall(text.lower())]


def _slot(feature: str) -> int:
    return zlib.crc32(feature.encode()) % SLOTS


def features(unit: Unit) -> dict[int, float]:
    """Hashed slot -> value; words and pairs of the unit count most, its context less."""
    out: dict[int, float] = {}

    def add(name: str, value: float = 1.0) -> None:
        slot = _slot(name)
        out[slot] = out.get(slot, 0.0) + value

    words = _tokens(unit.text)
    for word in set(words):
        add(f"w:{word}")
    for pair in set(zip(words, words[1:])):
        add(f"b:{pair[0]}_{pair[1]}")
    for word in set(_tokens(unit.before)[-8:]):
        add(f"p:{word}")
    for word in set(_tokens(unit.section.rsplit(" > ", 1)[-1])[:8]):
        add(f"h:{word}")
    add(f"len:{min(len(words) // 5, 8)}")
    add("heading" if unit.heading else "sentence")
    if words:
        add(f"first:{words[0]}")
    return out


@cache
def _model() -> dict | None:
    try:
        model = json.loads(WEIGHTS.read_text())
    except (OSError, ValueError):
        return None
    model["dense"] = [dict(zip(map(int, row["slots"]), row["weights"])) for row in model["coef"]]
    return model


def probabilities(unit: Unit, model: dict) -> list[float]:
    feats = features(unit)
    scores = [b + sum(w.get(slot, 0.0) * v for slot, v in feats.items())
              for b, w in zip(model["intercept"], model["dense"])]
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]


def detect(document: Document, entries: list[Entry], taken: list[Decision]) -> list[tuple[int, Decision]]:
    """Rows for units the model is sure of that no rule row holds; (entry index, row) pairs."""
    model = _model()
    if model is None:
        return []
    held = [normalise(d.text) for d in taken]
    out = []
    for index, unit in enumerate(units(entries)):
        probs = probabilities(unit, model)
        best = max(range(1, len(KINDS)), key=probs.__getitem__)
        if probs[best] < model["threshold"]:
            continue
        text = normalise(unit.text)
        if len(text) < 12 or any(text in other or other in text for other in held):
            continue
        held.append(text)
        out.append((index, Decision(
            kind=KINDS[best], document_id=document.id, ordinal=0, text=unit.text, page=unit.page,
            last_page=unit.last_page, section=unit.section,
            details={"found_by": "model", "probability": round(probs[best], 3)},
        )))
    return out
