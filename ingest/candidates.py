"""What the metadata models share: a named candidate of a paper's opening lines, described by where
it stands and how it is written, and the choice among candidates by a fitted logistic model (see
ingest/logistic.py), falling back to the header rules' pick."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path

from . import logistic

HEAD_LINES = 150  # the opening lines candidates are looked for in
MAX_LINE = 300  # a longer "line" is running text: read its start only


@dataclass(frozen=True)
class Candidate:
    name: str
    features: dict[str, float]


def key(name: str) -> str:
    """A name as compared: its lower-case words."""
    return " ".join(re.findall(r"[a-z0-9]+", name.lower()))


def placement(entry: dict, rank: int, name_key: str, rule_key: str) -> dict[str, float]:
    """Where a name stands and how it is written: ``entry`` holds the first line it stands on
    ("first"), how often it recurs ("count"), and whether it ever fills its line ("whole"), is in
    capitals ("caps"), opens its line ("start"), and whether it only stands in sentences ("sentence")."""
    return {
        "first_line": math.log1p(entry["first"]) / math.log1p(HEAD_LINES),
        "top": float(entry["first"] < 5),
        "repeats": math.log1p(entry["count"] - 1),
        "whole_line": float(entry["whole"]),
        "line_start": float(entry["start"]),
        "only_in_sentences": float(entry["sentence"]),
        "capitals": float(entry["caps"]),
        "rule_pick": float(bool(rule_key) and (rule_key in name_key or name_key in rule_key)),
        "rank": min(rank, 5) / 5,
        "words": min(len(name_key.split()), 8) / 8,
    }


def choose(found: list[Candidate], rule_pick: str | None, weights: Path) -> str | None:
    """The best-supported candidate when the model at ``weights`` finds it likely enough, else the
    header rules' pick."""
    model = logistic.load(weights)
    if model is None or not found:
        return rule_pick
    best = max(found, key=lambda c: logistic.probability(c.features, model))
    return best.name if logistic.probability(best.features, model) >= model["threshold"] else rule_pick
