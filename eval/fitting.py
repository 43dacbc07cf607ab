"""What the metadata fits share: candidates of labelled papers, body-grouped cross-validation, and
the weights file (ingest/logistic.py reads it).

Each fit describes every candidate of every labelled development paper (a date, an organisation),
marks the right ones, and scores a logistic regression by cross-validation grouped by body, so each
paper is judged by a model that never saw its body. The blind bodies of eval/wide/split.json are
never read.
"""

from __future__ import annotations

import argparse
import json
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath

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


def arguments(doc: str) -> argparse.Namespace:
    """The fit scripts' command line: --papers DIR (the wide collection) and --dry-run."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--papers", type=Path, default=ROOT.parent / "shared" / "papers-wide")
    parser.add_argument("--dry-run", action="store_true", help="print the figures, write nothing")
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    return parser.parse_args()


def index_arguments(doc: str) -> argparse.Namespace:
    """The question fits' command line: --wide-index IDX (../shared/papers-wide with corpus/),
    --papers-index IDX (../shared/papers with corpus/) and --dry-run."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--wide-index", type=Path, required=True)
    parser.add_argument("--papers-index", type=Path, required=True)
    parser.add_argument("--dry-run", action="store_true", help="print the figures, write nothing")
    return parser.parse_args()


def first_paper_metadata(path: Path):
    """The metadata (ingest/metadata.py's Meta, with its candidates) of the first paper in a file,
    or None when the file has no readable text."""
    from minutebook.ingest.metadata import extract
    from minutebook.ingest.noise import clean_pages
    from minutebook.ingest.packs import classify, split_pack
    from minutebook.ingest.read import UnreadableFile, read_pages

    try:
        pages = list(read_pages(path))
    except UnreadableFile:
        return None
    papers = split_pack(clean_pages(pages), paged=len(pages) > 1)
    if not papers:
        return None
    return extract(papers[0].lines, classify(papers[0].lines))


def body_group(source: str) -> str:
    """A paper's cross-validation group: the folder of its body ("kent/minutes.pdf" -> "kent"), or
    the paper itself for one of corpus/ (the sample papers are of several bodies) or one on its own."""
    path = PurePath(source.replace("\\", "/"))
    return path.parent.name if path.parent.name not in ("", "corpus") else str(path)


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


def tally_names(picks: list, papers: list[Paper]) -> dict[str, int]:
    """Right, wrong and empty among each paper's pick (a name, a candidate or None), names compared
    as eval/score_wide.py compares them."""
    from score_wide import same_name

    counts = {"right": 0, "wrong": 0, "empty": 0}
    for pick, paper in zip(picks, papers):
        name = pick if isinstance(pick, str) or pick is None else pick.name
        counts["empty" if name is None else "right" if same_name(name, paper.want) else "wrong"] += 1
    return counts


def fit(X: np.ndarray, y: np.ndarray, C: float) -> LogisticRegression:
    return LogisticRegression(C=C, max_iter=1000).fit(X, y)


def model_fields(features: Sequence[str], model: LogisticRegression) -> dict:
    """A fitted model as ingest/logistic.py reads it: its features, their weights and the intercept."""
    return {"features": list(features), "coef": [round(float(w), 4) for w in model.coef_[0]],
            "intercept": round(float(model.intercept_[0]), 4)}


def write_weights(path: Path, features: Sequence[str], model: LogisticRegression, threshold: float,
                  papers: list[Paper], candidates: int, held_out: dict, how: str, labels: str) -> None:
    path.parent.mkdir(exist_ok=True)
    path.write_text(json.dumps({
        **model_fields(features, model), "threshold": round(float(threshold), 2),
        "fitted_on": {"papers": len(papers), "bodies": len({p.body for p in papers}), "candidates": candidates,
                      "labels": labels, "date": time.strftime("%Y-%m-%d")},
        "body_held_out": {"papers": len(papers), **held_out},
        "model": how,
    }, indent=1) + "\n")


def write_model(path: Path, features: Sequence[str], model: LogisticRegression, fitted_on: dict, held_out: dict,
                how: str) -> None:
    """A model fitted on questions, with what it was fitted on and its body-held-out figures."""
    path.parent.mkdir(exist_ok=True)
    path.write_text(json.dumps({**model_fields(features, model), "fitted_on": {**fitted_on, "date": time.strftime("%Y-%m-%d")},
                                "body_held_out": held_out, "model": how}, indent=1) + "\n")
    print(f"wrote {path.relative_to(ROOT)}")


def print_weights(features: Sequence[str], model: LogisticRegression) -> None:
    for name, weight in sorted(zip(features, model.coef_[0]), key=lambda p: -abs(p[1])):
        print(f"  {name:20s} {weight:+.2f}")


def fit_and_write(args: argparse.Namespace, X: np.ndarray, y: np.ndarray, C: float, features: Sequence[str], path: Path,
                  threshold: float, papers: list[Paper], held_out: dict, how: str, labels: str) -> int:
    """Fit on every development paper, print the weights and (unless --dry-run) write them."""
    final = fit(X, y, C)
    print_weights(features, final)
    if not args.dry_run:
        write_weights(path, features, final, threshold, papers, len(y), held_out, how, labels)
        print(f"wrote {path.relative_to(ROOT)}")
    return 0
