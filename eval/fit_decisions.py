"""Fit the decision detector (ingest/weights/decision_units.json) on the development bodies' labels.

    python eval/fit_decisions.py [--papers DIR] [--dry-run]

Every unit (sentence or heading, ingest/decision_model.py) of each labelled development paper with
a readable text layer is labelled with the kind of the labelled decision whose snippet it holds
(or that holds it), else "none". A multinomial logistic regression (scikit-learn) is scored by
cross-validation grouped by body; the threshold is the lowest at which the units the held-out
models would add are right for at least 90% of them. The blind bodies are never read.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from minutebook.ingest.decision_model import KINDS, SLOTS, WEIGHTS, features, units  # noqa: E402
from minutebook.ingest.decision_text import build_entries  # noqa: E402
from minutebook.ingest.noise import clean_pages  # noqa: E402
from minutebook.ingest.packs import split_pack  # noqa: E402
from minutebook.ingest.read import UnreadableFile, read_pages  # noqa: E402
from minutebook.ingest.sections import sectionize  # noqa: E402

LABELS = ROOT / "eval" / "wide" / "labels"
SPLIT = ROOT / "eval" / "wide" / "split.json"
MIN_PRECISION = 0.9
C = 0.5


def words(text: str) -> str:
    return " ".join("".join(ch if ch.isalnum() else " " for ch in text.lower()).split())


def unit_kind(text: str, golds: list[dict]) -> str:
    have = words(text)
    for gold in golds:
        want = words(gold["snippet"])
        if len(have) >= 20 and (want in have or have in want or fuzz.partial_ratio(want, have) >= 92):
            return gold["kind"]
    return "none"


def paper_units(path: Path):
    try:
        pages = list(read_pages(path))
    except UnreadableFile:
        return []
    out = []
    for paper in split_pack(clean_pages(pages), paged=len(pages) > 1):
        sections = sectionize(paper.lines, "Document", keep_empty=True)
        out.extend(units(build_entries(sections)))
    return out


def load(papers_dir: Path):
    dev = set(json.loads(SPLIT.read_text())["dev"])
    rows = []  # (body, unit, kind)
    for label_file in sorted(LABELS.glob("*.json")):
        labels = json.loads(label_file.read_text())
        if labels["folder"] not in dev:
            continue
        for paper in labels["papers"]:
            if paper.get("text_layer", "ok") in ("none", "garbled"):
                continue
            golds = [g for g in paper.get("decisions", []) if g["kind"] in KINDS]
            for unit in paper_units(papers_dir / paper["file"]):
                rows.append((labels["folder"], unit, unit_kind(unit.text, golds)))
    return rows


def matrix(rows) -> csr_matrix:
    data, cols, ptr = [], [], [0]
    for _, unit, _ in rows:
        feats = features(unit)
        cols.extend(feats)
        data.extend(feats.values())
        ptr.append(len(cols))
    return csr_matrix((data, cols, ptr), shape=(len(rows), SLOTS))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=Path, default=ROOT.parent / "shared" / "papers-wide")
    parser.add_argument("--dry-run", action="store_true", help="print the figures, write nothing")
    args = parser.parse_args()
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    rows = load(args.papers)
    X = matrix(rows)
    y = np.array([KINDS.index(kind) for _, _, kind in rows])
    groups = [body for body, _, _ in rows]
    bodies = sorted(set(groups))
    oof = np.zeros((len(rows), len(KINDS)))
    for train, test in GroupKFold(n_splits=min(5, len(bodies))).split(X, y, groups):
        model = LogisticRegression(C=C, max_iter=2000).fit(X[train], y[train])
        oof[np.ix_(test, model.classes_)] = model.predict_proba(X[test])

    def added(threshold: float) -> tuple[int, int]:
        best = oof[:, 1:].argmax(axis=1) + 1
        chosen = oof[np.arange(len(y)), best] >= threshold
        return int(chosen.sum()), int((chosen & (best == y)).sum())

    threshold = next((t for t in np.arange(0.3, 1.0, 0.01)
                      if added(t)[0] and added(t)[1] >= MIN_PRECISION * added(t)[0]), 0.99)
    count, right = added(float(threshold))
    for t in (0.4, 0.5, 0.6, 0.7, 0.8):
        print(f"  at {t:.1f}: detected, right = {added(t)}")
    positives = int((y > 0).sum())
    print(f"{len(rows)} units of {len(bodies)} development bodies; {positives} hold a labelled decision")
    print(f"body-held-out at t={threshold:.2f}: {count} units detected, {right} right "
          f"(precision {right / max(count, 1):.3f}, recall of units {right / max(positives, 1):.3f})")
    if args.dry_run:
        return 0
    final = LogisticRegression(C=C, max_iter=2000).fit(X, y)
    coef = []
    for row in final.coef_:
        slots = [int(i) for i in np.flatnonzero(np.abs(row) >= 0.005)]
        coef.append({"slots": slots, "weights": [round(float(row[i]), 3) for i in slots]})
    WEIGHTS.parent.mkdir(exist_ok=True)
    WEIGHTS.write_text(json.dumps({
        "kinds": list(KINDS), "slots": SLOTS, "coef": coef,
        "intercept": [round(float(b), 4) for b in final.intercept_], "threshold": round(float(threshold), 2),
        "fitted_on": {"units": len(rows), "bodies": bodies, "labels": "eval/wide/labels (development split only)",
                      "date": time.strftime("%Y-%m-%d")},
        "body_held_out": {"detected": count, "right": right, "units_with_a_decision": positives},
        "model": f"scikit-learn LogisticRegression(C={C}), multinomial; threshold: lowest with held-out "
                 f"precision >= {MIN_PRECISION}",
    }) + "\n")
    print(f"wrote {WEIGHTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
