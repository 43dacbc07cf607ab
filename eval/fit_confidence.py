"""Fit chat's answer confidence (search/chat/confidence.py) on the development questions.

Every development question is asked through chat; each answer given is described by the chat code
itself (confidence.features) and marked right when the question is answerable and the answer holds
every key fact (as `minutebook eval --chat` judges it), wrong otherwise (a fact missing, or an
answer to a question the papers do not answer). A logistic regression is scored by cross-validation
grouped by body (an answer's group is the body folder of the paper it cites first, or that paper),
so each answer is judged by a model that never saw its body, beside the same model over the hand
support alone. The blind questions (eval/wide/questions-blind.json, eval/fresh/) are never read.

    python eval/fit_confidence.py --wide-index IDX --papers-index IDX [--dry-run]
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import numpy as np
from sklearn.metrics import brier_score_loss, roc_auc_score

from fitting import body_group, fit, held_out_probabilities, index_arguments, print_weights, write_model

from run_sets import question_sets

from minutebook.search.chat import confidence
from minutebook.search.evaluate import facts_given, load_questions
from minutebook.search.service import Minutebook
from minutebook.settings import load_settings

ROOT = Path(__file__).resolve().parent.parent

C = 1.0
BINS = (0.0, 0.2, 0.4, 0.6, 0.8, 1.01)


def describe(libraries: dict[str, Minutebook]) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """One row per development answer given: its features, whether it is right, its body group."""
    X, y, groups = [], [], []
    for group, index, path in question_sets():
        if group != "dev":
            continue
        for question in load_questions(path):
            turn, evidence, answer = libraries[index].read_and_answer([{"role": "user", "content": question.question}])
            if not answer.found or not answer.citations:
                continue
            described = confidence.features(turn, answer, evidence)
            right = question.answerable and all(facts_given(question, answer.answer))
            X.append([described[f] for f in confidence.FEATURES])
            y.append(int(right))
            groups.append(body_group(answer.citations[0].source))
        print(f"{path.relative_to(ROOT)}: {len(y)} answers so far", file=sys.stderr)
    return np.array(X), np.array(y), groups


def reliability(p: np.ndarray, y: np.ndarray) -> str:
    lines = []
    for low, high in zip(BINS, BINS[1:]):
        inside = (p >= low) & (p < high)
        if inside.any():
            lines.append(f"  {low:.1f}-{min(high, 1.0):.1f}: {inside.sum():4d} answers, predicted {p[inside].mean():.2f}, right {y[inside].mean():.2f}")
    return "\n".join(lines)


def main() -> int:
    args = index_arguments(__doc__)
    logging.basicConfig(level=logging.WARNING)
    libraries = {"wide": Minutebook(load_settings(index_dir=args.wide_index)),
                 "papers": Minutebook(load_settings(index_dir=args.papers_index))}
    X, y, groups = describe(libraries)
    print(f"{len(y)} answers ({y.sum()} right) over {len(set(groups))} bodies and papers")
    support = confidence.FEATURES.index("support")
    held = held_out_probabilities(X, y, groups, C)
    alone = held_out_probabilities(X[:, [support]], y, groups, C)
    for name, p in (("every feature", held), ("support alone", alone)):
        print(f"body held out, {name}: AUC {roc_auc_score(y, p):.3f}, Brier {brier_score_loss(y, p):.3f}")
        print(reliability(p, y))
    final = fit(X, y, C)
    print_weights(confidence.FEATURES, final)
    if not args.dry_run:
        write_model(confidence.WEIGHTS, confidence.FEATURES, final,
                    {"answers": len(y), "right": int(y.sum()), "bodies": len(set(groups)),
                     "labels": "development questions' key facts"},
                    {"auc": round(roc_auc_score(y, held), 3), "brier": round(brier_score_loss(y, held), 3),
                     "support_alone_auc": round(roc_auc_score(y, alone), 3)},
                    f"logistic regression, C={C}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
