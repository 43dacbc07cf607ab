"""What the metadata fits share: candidates of labelled papers, body-grouped cross-validation, and
the weights file (ingest/logistic.py reads it).

Each fit describes every candidate of every labelled development paper (a date, an organisation),
marks the right ones, and scores a logistic regression by cross-validation grouped by body, so each
paper is judged by a model that never saw its body. The blind bodies of eval/wide/split.json are
never read.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold, LeaveOneGroupOut

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "eval" / "wide" / "labels"
SPLIT = ROOT / "eval" / "wide" / "split.json"


@dataclass
class Paper:
    body: str  # the folder of its body: the cross-validation group
    file: str
    want: object  # the labelled value (None: the paper gives none)
    candidates: list  # each with .features (dict) and a value the caller compares with ``want``


def development_labels() -> list[tuple[str, dict]]:
    """(body folder, paper label) of every paper of the development bodies."""
    dev = set(json.loads(SPLIT.read_text())["dev"])
    out = []
    for label_file in sorted(LABELS.glob("*.json")):
        labels = json.loads(label_file.read_text())
        if labels["folder"] in dev:
            out.extend((labels["folder"], paper) for paper in labels["papers"])
    return out


def matrix(papers: list[Paper], features: Sequence[str], right: Callable[[Paper, object], bool]):
    """Feature rows of every candidate, their labels, body groups and the paper each belongs to."""
    X, y, groups, owner = [], [], [], []
    for index, paper in enumerate(papers):
        for candidate in paper.candidates:
            X.append([candidate.features[f] for f in features])
            y.append(int(right(paper, candidate)))
            groups.append(paper.body)
            owner.append(index)
    return np.array(X), np.array(y), groups, np.array(owner)


def held_out_probabilities(X: np.ndarray, y: np.ndarray, groups: list[str], C: float, folds: int = 5) -> np.ndarray:
    """Each candidate's probability from a model fitted without its body (``folds`` 0: one fold per body)."""
    bodies = sorted(set(groups))
    out = np.zeros(len(y))
    split = LeaveOneGroupOut() if folds == 0 else GroupKFold(n_splits=min(folds, len(bodies)))
    for train, test in split.split(X, y, groups):
        out[test] = LogisticRegression(C=C, max_iter=1000).fit(X[train], y[train]).predict_proba(X[test])[:, 1]
    return out


def best_per_paper(probs: np.ndarray, owner: np.ndarray, papers: list[Paper], threshold: float) -> list:
    """The chosen candidate of each paper (None below ``threshold`` or without candidates)."""
    chosen = []
    for index, paper in enumerate(papers):
        mine = probs[owner == index]
        if len(mine) == 0 or mine.max() < threshold:
            chosen.append(None)
        else:
            chosen.append(paper.candidates[int(mine.argmax())])
    return chosen


def fit(X: np.ndarray, y: np.ndarray, C: float) -> LogisticRegression:
    return LogisticRegression(C=C, max_iter=1000).fit(X, y)


def write_weights(path: Path, features: Sequence[str], model: LogisticRegression, threshold: float,
                  papers: list[Paper], candidates: int, held_out: dict, how: str, labels: str) -> None:
    path.parent.mkdir(exist_ok=True)
    path.write_text(json.dumps({
        "features": list(features), "coef": [round(float(w), 4) for w in model.coef_[0]],
        "intercept": round(float(model.intercept_[0]), 4), "threshold": round(float(threshold), 2),
        "fitted_on": {"papers": len(papers), "bodies": len({p.body for p in papers}), "candidates": candidates,
                      "labels": labels, "date": time.strftime("%Y-%m-%d")},
        "body_held_out": {"papers": len(papers), **held_out},
        "model": how,
    }, indent=1) + "\n")


def print_weights(features: Sequence[str], model: LogisticRegression) -> None:
    for name, weight in sorted(zip(features, model.coef_[0]), key=lambda p: -abs(p[1])):
        print(f"  {name:20s} {weight:+.2f}")
