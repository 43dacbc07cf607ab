"""A fitted logistic model kept as a small JSON file beside the code: its features, weights,
intercept and decision threshold, with what it was fitted on (see eval/fitting.py)."""

from __future__ import annotations

import json
import math
from functools import cache
from pathlib import Path


@cache
def load(path: Path) -> dict | None:
    """The model at ``path``, or None when it is missing or unreadable (callers then fall back to rules)."""
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError):
        return None


def probability(features: dict[str, float], model: dict) -> float:
    z = model["intercept"] + sum(w * features.get(name, 0.0) for name, w in zip(model["features"], model["coef"]))
    return 1 / (1 + math.exp(-z))
