"""Fit the organisation model (ingest/weights/organisation.json) on the development bodies' labels.

    python eval/fit_organisation.py [--papers DIR] [--dry-run]

Each organisation-shaped name of each labelled development paper (ingest/organisation.py
describes them), and of the earlier development papers (eval/papers_organisations.json), is a positive when it names the labelled organisation (as eval/score_wide.py
compares names). Papers whose label names no organisation are left out, as the scoring leaves them.
The threshold maximises right minus twice wrong over the body-held-out choices: a wrong
organisation files a paper under someone else.
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
    tally_names,
)
from score_wide import same_name  # noqa: E402

from minutebook.ingest.organisation import FEATURES, WEIGHTS  # noqa: E402

EARLIER = ROOT / "eval" / "papers_organisations.json"  # the earlier development papers: ../shared/papers, corpus/
C = 0.5
WRONG_COST = 2


def paper_candidates(path: Path):
    meta = first_paper_metadata(path)
    return meta.organisation_candidates if meta else []


def main() -> int:
    args = arguments(__doc__)
    papers = []
    for file, name in json.loads(EARLIER.read_text())["organisations"].items():
        if name:  # corpus/ papers are grouped by their organisation, ../shared/papers by folder
            group = f"corpus/{name}" if file.startswith("corpus/") else "/".join(file.split("/")[:2])
            path = (ROOT if file.startswith("corpus/") else args.papers.parent) / file
            papers.append(Paper(group, file, name, paper_candidates(path)))
    for body, label in development_labels():
        if label.get("organisation"):
            papers.append(Paper(body, label["file"], label["organisation"], paper_candidates(args.papers / label["file"])))
    X, y, groups, owner = matrix(papers, FEATURES, lambda paper, c: same_name(c.name, paper.want))
    probs = held_out_probabilities(X, y, groups, C, folds=0)  # few papers per body: one fold each
    curve = {float(t): tally_names(best_per_paper(probs, owner, papers, t), papers) for t in np.arange(0.05, 0.96, 0.05)}
    threshold = max(curve, key=lambda t: (curve[t]["right"] - WRONG_COST * curve[t]["wrong"], -t))
    rule = tally_names([next((c.name for c in p.candidates if c.features["rule_pick"]), None) for p in papers], papers)
    print(f"{len(papers)} papers naming an organisation, of {len(set(groups))} development bodies; "
          f"{len(y)} candidates ({int(y.sum())} right); {sum(1 for p in papers if not p.candidates)} papers without any")
    print(f"letterhead rules alone:         {rule}")
    for t, counts in curve.items():
        print(f"  t={t:.2f} {counts}")
    print(f"model, body-held-out (t={threshold:.2f}): {curve[threshold]}")
    rules = [next((c.name for c in p.candidates if c.features["rule_pick"]), None) for p in papers]
    chosen = best_per_paper(probs, owner, papers, threshold)
    combined = tally_names([c or r for c, r in zip(chosen, rules)], papers)  # what ingest does (organisation.choose)
    print(f"model, else the rules' pick:    {combined}")
    return fit_and_write(
        args, X, y, C, FEATURES, WEIGHTS, threshold, papers,
        {**curve[threshold], "model_else_rules": combined, "letterhead_rules_alone": rule},
        f"scikit-learn LogisticRegression(C={C}); threshold: most right minus {WRONG_COST} x wrong",
        "eval/wide/labels of the development bodies in eval/wide/split.json, and eval/papers_organisations.json")


if __name__ == "__main__":
    raise SystemExit(main())
