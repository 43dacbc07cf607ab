"""Fit the meeting-date model (ingest/weights/meeting_date.json) on the development bodies' labels.

    python eval/fit_meeting_date.py [--papers DIR] [--dry-run]

Each candidate date of each labelled development paper (ingest/meeting_date.py describes them) is
a positive when it is the labelled meeting date. A logistic regression (scikit-learn) is scored by
cross-validation grouped by body, so every paper is judged by a model that never saw its body; the
threshold is the lowest at which the held-out choices give a wrong date for at most 3% of papers.
The blind bodies of eval/wide/split.json are never read.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from minutebook.ingest.meeting_date import FEATURES, WEIGHTS  # noqa: E402
from minutebook.ingest.metadata import extract  # noqa: E402
from minutebook.ingest.noise import clean_pages  # noqa: E402
from minutebook.ingest.packs import classify, split_pack  # noqa: E402
from minutebook.ingest.read import UnreadableFile, read_pages  # noqa: E402

LABELS = ROOT / "eval" / "wide" / "labels"
EARLIER = ROOT / "eval" / "papers_dates.json"  # the earlier development papers (../shared/papers)
SPLIT = ROOT / "eval" / "wide" / "split.json"
MAX_WRONG = 0.03
C = 0.2


def paper_candidates(path: Path):
    try:
        pages = list(read_pages(path))
    except UnreadableFile:
        return []
    papers = split_pack(clean_pages(pages), paged=len(pages) > 1)
    if not papers:
        return []
    first = papers[0]
    return extract(first.lines, classify(first.lines)).date_candidates


def load(papers_dir: Path):
    dev = set(json.loads(SPLIT.read_text())["dev"])
    rows = []  # (body, file, label date, [candidates])
    earlier = papers_dir.parent / "papers"
    for file, date in json.loads(EARLIER.read_text())["dates"].items():
        rows.append((f"papers/{file.split('/')[0]}", file, date, paper_candidates(earlier / file)))
    for label_file in sorted(LABELS.glob("*.json")):
        labels = json.loads(label_file.read_text())
        if labels["folder"] not in dev:
            continue
        for paper in labels["papers"]:
            rows.append((labels["folder"], paper["file"], paper.get("meeting_date"), paper_candidates(papers_dir / paper["file"])))
    return rows


def outcome(probs: np.ndarray, isos: list[str], want: str | None, threshold: float) -> str:
    if len(isos) == 0 or probs.max() < threshold:
        return "right" if want is None else "empty"
    return "right" if isos[int(probs.argmax())] == want else "wrong"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=Path, default=ROOT.parent / "shared" / "papers-wide")
    parser.add_argument("--dry-run", action="store_true", help="print the figures, write nothing")
    args = parser.parse_args()
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    rows = load(args.papers)
    X, y, groups, owner = [], [], [], []
    for index, (body, _, want, cands) in enumerate(rows):
        for c in cands:
            X.append([c.features[f] for f in FEATURES])
            y.append(int(c.iso == want))
            groups.append(body)
            owner.append(index)
    X, y, owner = np.array(X), np.array(y), np.array(owner)
    bodies = sorted(set(groups))
    oof = np.zeros(len(y))
    for train, test in GroupKFold(n_splits=min(5, len(bodies))).split(X, y, groups):
        model = LogisticRegression(C=C, max_iter=1000).fit(X[train], y[train])
        oof[test] = model.predict_proba(X[test])[:, 1]

    def tally(probs: np.ndarray, threshold: float) -> dict[str, int]:
        counts = {"right": 0, "wrong": 0, "empty": 0}
        for index, (_, _, want, cands) in enumerate(rows):
            mask = owner == index
            counts[outcome(probs[mask], [c.iso for c in cands], want, threshold)] += 1
        return counts

    threshold = next((t for t in np.arange(0.05, 1.0, 0.01) if tally(oof, t)["wrong"] <= MAX_WRONG * len(rows)), 0.99)
    rule = {"right": 0, "wrong": 0, "empty": 0}
    for _, _, want, cands in rows:
        pick = next((c.iso for c in cands if c.features["rule_pick"]), None)
        rule["right" if pick == want else "empty" if pick is None else "wrong"] += 1
    held_out = tally(oof, float(threshold))
    print(f"{len(rows)} papers of {len(bodies)} development bodies, {len(y)} candidates ({int(y.sum())} right)")
    print(f"header rules alone:            {rule}")
    print(f"model, body-held-out (t={threshold:.2f}): {held_out}")
    final = LogisticRegression(C=C, max_iter=1000).fit(X, y)
    for name, weight in sorted(zip(FEATURES, final.coef_[0]), key=lambda p: -abs(p[1])):
        print(f"  {name:20s} {weight:+.2f}")
    if args.dry_run:
        return 0
    WEIGHTS.parent.mkdir(exist_ok=True)
    WEIGHTS.write_text(json.dumps({
        "features": list(FEATURES), "coef": [round(float(w), 4) for w in final.coef_[0]],
        "intercept": round(float(final.intercept_[0]), 4), "threshold": round(float(threshold), 2),
        "fitted_on": {"papers": len(rows), "bodies": len(bodies), "candidates": len(y),
                      "labels": "eval/wide/labels of the development bodies in eval/wide/split.json, "
                                "and eval/papers_dates.json", "date": time.strftime("%Y-%m-%d")},
        "body_held_out": {"papers": len(rows), **held_out, "header_rules_alone": rule},
        "model": f"scikit-learn LogisticRegression(C={C}); threshold: lowest with wrong <= {MAX_WRONG:.0%} of papers",
    }, indent=1) + "\n")
    print(f"wrote {WEIGHTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
