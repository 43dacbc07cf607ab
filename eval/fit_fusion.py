"""Fit the learned fusion of hybrid search (search/ranking/fusion.py) on the development questions.

Every candidate the rankings propose for every answerable development question is described by the
search code itself (retrieve.describe_candidates) and marked by whether it holds the question's
evidence, as `minutebook eval` judges a hit. A logistic regression is scored by cross-validation
grouped by body (a question's group is the folder of its evidence, or the paper for a paper on its
own), so each question is ranked by a model that never saw its body, beside reciprocal rank fusion.
The blind questions (eval/wide/questions-blind.json, eval/fresh/) are never read.

    python eval/fit_fusion.py --wide-index IDX --papers-index IDX [--dry-run]

IDX for --wide-index holds ../shared/papers-wide (with corpus/), for --papers-index ../shared/papers
and corpus/, each built by `minutebook ingest`.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np

from fitting import body_group, fit, held_out_probabilities, index_arguments, print_weights, write_model

from minutebook.search.evaluate import ModeScores, is_hit, load_questions
from minutebook.search.ranking import fusion
from minutebook.search.ranking.retrieve import describe_candidates, hits_for, rank_candidates
from minutebook.search.service import Minutebook
from minutebook.search.storage.store import chunk_rows
from minutebook.settings import load_settings

ROOT = Path(__file__).resolve().parent.parent
WIDE_SETS = ["eval/wide/questions-dev.json"]
PAPERS_SETS = ["eval/questions.json", "eval/heldout.json", "eval/heldout2.json"]
C = 1.0


@dataclasses.dataclass
class Asked:
    question_set: str
    group: str  # the cross-validation group: the evidence's body folder, or its paper
    features: list[list[float]]  # one row per candidate, in reciprocal rank fusion's order
    hits: list[bool]


def describe_set(library: Minutebook, path: str) -> list[Asked]:
    index = library.index
    asked = []
    for question in load_questions(ROOT / path):
        if not question.answerable:
            continue
        repaired, _, _, context = library.understood(question.question)  # as a search reads it
        rankings, fused = rank_candidates(index, library.encode, repaired, 10, library.plan(context, fusion_method="rrf"))
        ids = [cid for cid, _, _ in fused]
        rows = chunk_rows(index.conn, ids)
        described = describe_candidates(index, library.encode, repaired, rankings, ids, rows)
        hits = [is_hit(hit, question.evidence) for hit in hits_for(index, fused, rows)]
        asked.append(Asked(path, body_group(question.evidence[0].source),
                           [[row[f] for f in fusion.FEATURES] for row in described], hits))
    return asked


def first_hit(hits: list[bool], order) -> int | None:
    return next((rank for rank, n in enumerate(order, start=1) if hits[n]), None)


def figures(ranks: list[int | None]) -> tuple[float, float]:
    """recall@5 and MRR@10 over the questions' first-hit ranks, as `minutebook eval` counts them."""
    scores = ModeScores(ranks={str(n): rank for n, rank in enumerate(ranks)})
    ids = list(scores.ranks)
    return scores.recall(ids, 5), scores.mrr(ids)


def main() -> int:
    args = index_arguments(__doc__)
    asked: list[Asked] = []
    for index_dir, sets in ((args.wide_index, WIDE_SETS), (args.papers_index, PAPERS_SETS)):
        library = Minutebook(dataclasses.replace(load_settings(), index_dir=index_dir))
        for path in sets:
            asked.extend(describe_set(library, path))
    X = np.array([row for a in asked for row in a.features])
    y = np.array([int(h) for a in asked for h in a.hits])
    groups = [a.group for a in asked for _ in a.hits]
    held_out = held_out_probabilities(X, y, groups, C, folds=10)
    print(f"{len(asked)} development questions, {len(y)} candidates, {len(set(groups))} bodies; "
          "recall@5 / MRR@10, reciprocal rank fusion -> learned (body held out):")
    results = {}
    start = 0
    by_set: dict[str, tuple[list, list]] = {}
    for a in asked:
        chances = held_out[start:start + len(a.hits)]
        start += len(a.hits)
        rrf, learned = by_set.setdefault(a.question_set, ([], []))
        rrf.append(first_hit(a.hits, range(len(a.hits))))
        learned.append(first_hit(a.hits, sorted(range(len(a.hits)), key=lambda n: -chances[n])))
    for name, (rrf, learned) in by_set.items():
        before, after = figures(rrf), figures(learned)
        results[name] = {"questions": len(rrf), "rrf": [round(v, 3) for v in before], "learned": [round(v, 3) for v in after]}
        print(f"  {name:32s} {before[0]:.3f} / {before[1]:.3f} -> {after[0]:.3f} / {after[1]:.3f}")
    model = fit(X, y, C)
    print_weights(fusion.FEATURES, model)
    if not args.dry_run:
        write_model(fusion.WEIGHTS, fusion.FEATURES, model,
                    {"questions": len(asked), "candidates": len(y), "bodies": len(set(groups)), "sets": WIDE_SETS + PAPERS_SETS},
                    results, f"logistic regression, C={C}, one row per candidate, hit = holds the question's evidence")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
