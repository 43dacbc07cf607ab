"""Fit the meeting-date model (ingest/weights/meeting_date.json) on the development bodies' labels.

    python eval/fit_meeting_date.py [--papers DIR] [--dry-run]

Each candidate date of each labelled development paper (ingest/meeting_date.py describes them) is
a positive when it is the labelled meeting date. A logistic regression (scikit-learn) is scored by
cross-validation grouped by body, so every paper is judged by a model that never saw its body; the
threshold is the lowest at which the held-out choices give a wrong date for at most 3% of papers.
The blind bodies of eval/wide/split.json are never read.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from fitting import (  # noqa: E402
    Paper, arguments, best_per_paper, development_labels, first_paper_metadata, fit_and_write, held_out_probabilities, matrix,
)

from minutebook.ingest.meeting_date import FEATURES, WEIGHTS  # noqa: E402

EARLIER = ROOT / "eval" / "papers_dates.json"  # the earlier development papers (../shared/papers)
MAX_WRONG = 0.03
C = 0.2


def paper_candidates(path: Path):
    meta = first_paper_metadata(path)
    return meta.date_candidates if meta else []


def load(papers_dir: Path) -> list[Paper]:
    papers = []
    earlier = papers_dir.parent / "papers"
    for file, date in json.loads(EARLIER.read_text())["dates"].items():
        papers.append(Paper(f"papers/{file.split('/')[0]}", file, date, paper_candidates(earlier / file)))
    for body, label in development_labels():
        papers.append(Paper(body, label["file"], label.get("meeting_date"), paper_candidates(papers_dir / label["file"])))
    return papers


def tally(chosen: list, papers: list[Paper]) -> dict[str, int]:
    counts = {"right": 0, "wrong": 0, "empty": 0}
    for pick, paper in zip(chosen, papers):
        iso = pick if isinstance(pick, str) or pick is None else pick.iso
        if iso is None:
            counts["right" if paper.want is None else "empty"] += 1
        else:
            counts["right" if iso == paper.want else "wrong"] += 1
    return counts


def main() -> int:
    args = arguments(__doc__)
    papers = load(args.papers)
    X, y, groups, owner = matrix(papers, FEATURES, lambda paper, c: c.iso == paper.want)
    probs = held_out_probabilities(X, y, groups, C)
    threshold = next((t for t in np.arange(0.05, 1.0, 0.01)
                      if tally(best_per_paper(probs, owner, papers, t), papers)["wrong"] <= MAX_WRONG * len(papers)), 0.99)
    rule = tally([next((c.iso for c in p.candidates if c.features["rule_pick"]), None) for p in papers], papers)
    held_out = tally(best_per_paper(probs, owner, papers, float(threshold)), papers)
    print(f"{len(papers)} papers of {len(set(groups))} development bodies, {len(y)} candidates ({int(y.sum())} right)")
    print(f"header rules alone:            {rule}")
    print(f"model, body-held-out (t={threshold:.2f}): {held_out}")
    return fit_and_write(
        args, X, y, C, FEATURES, WEIGHTS, float(threshold), papers, {**held_out, "header_rules_alone": rule},
        f"scikit-learn LogisticRegression(C={C}); threshold: lowest with wrong <= {MAX_WRONG:.0%} of papers",
        "eval/wide/labels of the development bodies in eval/wide/split.json, and eval/papers_dates.json")


if __name__ == "__main__":
    raise SystemExit(main())
