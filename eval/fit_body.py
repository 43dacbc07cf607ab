"""Fit the body model (ingest/weights/body.json) on the development bodies' labels.

    python eval/fit_body.py [--papers DIR] [--dry-run]

Each body-shaped name of each labelled development paper (ingest/body.py describes them) is a
positive when it names the labelled body (as eval/score_wide.py compares names). Papers whose label
names no body are left out, as the scoring leaves them. The threshold maximises right minus twice
wrong over the body-held-out choices, each falling back to the header rules' pick as ingest does.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from fitting import (  # noqa: E402
    Paper, arguments, best_per_paper, development_labels, first_paper_metadata, fit_and_write, held_out_probabilities, matrix,
    tally_names,
)
from score_wide import same_name  # noqa: E402

from minutebook.ingest.body import FEATURES, WEIGHTS, rule_stands  # noqa: E402

C = 0.5
WRONG_COST = 2


def main() -> int:
    args = arguments(__doc__)
    papers, rules_given = [], []
    for body, label in development_labels():
        if label.get("body"):
            meta = first_paper_metadata(args.papers / label["file"])
            found = meta.body_candidates if meta else []
            papers.append(Paper(body, label["file"], label["body"], found))
            rules_given.append(meta.body_rule if meta else None)
    X, y, groups, owner = matrix(papers, FEATURES, lambda paper, c: same_name(c.name, paper.want))
    probs = held_out_probabilities(X, y, groups, C, folds=0)  # few papers per body: one fold each
    curve = {}
    for t in np.arange(0.05, 0.96, 0.05):
        chosen = best_per_paper(probs, owner, papers, t)
        # as ingest does (body.choose)
        curve[float(t)] = tally_names([r if rule_stands(p.candidates, r) else c or r
                                       for c, r, p in zip(chosen, rules_given, papers)], papers)
    threshold = max(curve, key=lambda t: (curve[t]["right"] - WRONG_COST * curve[t]["wrong"], t))
    rule = tally_names(rules_given, papers)
    print(f"{len(papers)} papers naming a body, of {len(set(groups))} development bodies; "
          f"{len(y)} candidates ({int(y.sum())} right); {sum(1 for p in papers if not p.candidates)} papers without any")
    print(f"header rules alone:          {rule}")
    for t, counts in curve.items():
        print(f"  t={t:.2f} model, else the rules: {counts}")
    print(f"chosen (t={threshold:.2f}):          {curve[threshold]}")
    return fit_and_write(
        args, X, y, C, FEATURES, WEIGHTS, threshold, papers,
        {**curve[threshold], "header_rules_alone": rule},
        f"scikit-learn LogisticRegression(C={C}); threshold: most right minus {WRONG_COST} x wrong, else the rules' pick",
        "eval/wide/labels of the development bodies in eval/wide/split.json")


if __name__ == "__main__":
    raise SystemExit(main())
