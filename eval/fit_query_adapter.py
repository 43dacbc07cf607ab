"""Fit the query adapter of dense search (search/ranking/query_adapter.py) on the development questions.

Each answerable development question is embedded as a search reads it (repaired), and every passage
of its index is a candidate; the passages holding its evidence, as `minutebook eval` judges a hit,
are the right ones. The map q -> q + U(Vᵀq) of rank RANK is fitted by gradient descent on the
softmax of the mapped query's cosines over all passages (temperature TEMPERATURE) with a penalty on
the size of UVᵀ (PENALTY), so the map stays near the model's own vectors. It is scored by dense
recall@5 / MRR@10 with cross-validation grouped by body (five folds; a question's group is the
folder of its evidence, or the paper for a paper on its own), beside the model's own vectors. The
blind questions (eval/wide/questions-blind.json, eval/fresh/) are never read.

    python eval/fit_query_adapter.py --wide-index IDX --papers-index IDX [--dry-run]

IDX for --wide-index holds ../shared/papers-wide (with corpus/), for --papers-index ../shared/papers
and corpus/, each built by `minutebook ingest`.
"""

from __future__ import annotations

import dataclasses
import json
import time
from pathlib import Path

import numpy as np
import torch
from sklearn.model_selection import GroupKFold

from fit_fusion import figures
from fitting import body_group, index_arguments

from minutebook.search.evaluate import is_hit, load_questions
from minutebook.search.ranking import query_adapter
from minutebook.search.ranking.retrieve import hits_for
from minutebook.search.service import Minutebook
from minutebook.search.storage.vectors import stored_vectors
from minutebook.settings import load_settings

ROOT = Path(__file__).resolve().parent.parent
WIDE_SETS = ["eval/wide/questions-dev.json", "eval/wide/questions-dev-2.json", "eval/wide/questions-dev-3.json"]
PAPERS_SETS = ["eval/questions.json", "eval/heldout.json", "eval/heldout2.json"]
RANK = 16  # body held out, ranks 16, 64 and the full matrix were within 0.005 of each other
PENALTY = 0.1  # of 0.01, 0.03, 0.1, 0.3, 1, 3 the best body-held-out recall@5
TEMPERATURE = 0.05
STEPS = 150
LEARNING_RATE = 1e-3
FOLDS = 5


@dataclasses.dataclass
class Asked:
    question_set: str
    group: str
    index: int  # which index's passages it is ranked among
    vector: np.ndarray  # the query as the model embeds it
    right: list[int]  # rows of that index's passage matrix holding the evidence


def passages_of(library: Minutebook) -> tuple[np.ndarray, np.ndarray]:
    """(chunk ids, their vectors) of every passage of the library's current index (a flat one: the
    development indexes are small)."""
    return stored_vectors(library.index.vectors)


def ask_set(library: Minutebook, path: str, index: int, hits: dict) -> list[Asked]:
    """The answerable questions of a set, each with the rows of its index's passage matrix whose
    passages (``hits``: row -> Hit) hold its evidence."""
    asked = []
    for question in load_questions(ROOT / path):
        if not question.answerable:
            continue
        right = [row for row, hit in hits.items() if is_hit(hit, question.evidence)]
        if right:
            repaired = library.understood(question.question)[0]  # as a search reads it
            asked.append(Asked(path, body_group(question.evidence[0].source), index, library.encode.plain(repaired), right))
    return asked


def fit(asked: list[Asked], passages: list[torch.Tensor]) -> tuple[np.ndarray, np.ndarray]:
    torch.manual_seed(0)
    dimension = passages[0].shape[1]
    u = (torch.randn(dimension, RANK) * 0.01).requires_grad_()
    v = (torch.randn(dimension, RANK) * 0.01).requires_grad_()
    optimiser = torch.optim.Adam([u, v], lr=LEARNING_RATE)
    by_index = [[a for a in asked if a.index == n] for n in range(len(passages))]
    queries = [torch.tensor(np.array([a.vector for a in group])) if group else None for group in by_index]
    for _ in range(STEPS):
        optimiser.zero_grad()
        low_rank = u @ v.T
        loss = (low_rank ** 2).sum() * PENALTY
        for group, q, matrix in zip(by_index, queries, passages):
            if not group:
                continue
            mapped = q + q @ low_rank.T
            scores = (mapped / mapped.norm(dim=1, keepdim=True)) @ matrix.T / TEMPERATURE
            right = torch.stack([torch.logsumexp(scores[n, a.right], dim=0) for n, a in enumerate(group)])
            loss = loss + (torch.logsumexp(scores, dim=1) - right).sum() / len(asked)
        loss.backward()
        optimiser.step()
    return u.detach().numpy(), v.detach().numpy()


def first_hits(asked: list[Asked], passages: list[np.ndarray], adapter=None) -> list[int | None]:
    ranks = []
    for a in asked:
        vector = adapter(a.vector) if adapter else a.vector
        order = np.argsort(-(passages[a.index] @ vector))[:10]
        ranks.append(next((rank for rank, row in enumerate(order, start=1) if row in a.right), None))
    return ranks


def main() -> int:
    args = index_arguments(__doc__)
    asked: list[Asked] = []
    matrices: list[np.ndarray] = []
    for n, (index_dir, sets) in enumerate(((args.wide_index, WIDE_SETS), (args.papers_index, PAPERS_SETS))):
        library = Minutebook(dataclasses.replace(load_settings(), index_dir=index_dir, query_adapter=False))
        ids, matrix = passages_of(library)
        matrices.append(matrix)
        row_of = {int(cid): row for row, cid in enumerate(ids)}
        hits = {row_of[hit.chunk_id]: hit for hit in hits_for(library.index, [(int(cid), 0.0, {}) for cid in ids])}  # read once
        for path in sets:
            asked.extend(ask_set(library, path, n, hits))
    passages = [torch.tensor(m) for m in matrices]
    groups = [a.group for a in asked]
    held_out: list[int | None] = [None] * len(asked)
    for train, test in GroupKFold(n_splits=FOLDS).split(asked, groups=groups):
        adapter = query_adapter.QueryAdapter(*fit([asked[n] for n in train], passages))
        for n, rank in zip(test, first_hits([asked[n] for n in test], matrices, adapter)):
            held_out[n] = rank
    plain = first_hits(asked, matrices)
    print(f"{len(asked)} development questions, {len(set(groups))} bodies; dense recall@5 / MRR@10, "
          "model's vectors -> mapped (body held out):")
    results = {}
    for name in WIDE_SETS + PAPERS_SETS:
        rows = [n for n, a in enumerate(asked) if a.question_set == name]
        before, after = figures([plain[n] for n in rows]), figures([held_out[n] for n in rows])
        results[name] = {"questions": len(rows), "model": [round(x, 3) for x in before], "mapped": [round(x, 3) for x in after]}
        print(f"  {name:32s} {before[0]:.3f} / {before[1]:.3f} -> {after[0]:.3f} / {after[1]:.3f}")
    before, after = figures(plain), figures(held_out)
    print(f"  {'all':32s} {before[0]:.3f} / {before[1]:.3f} -> {after[0]:.3f} / {after[1]:.3f}")
    u, v = fit(asked, passages)
    if not args.dry_run:
        query_adapter.WEIGHTS.parent.mkdir(exist_ok=True)
        query_adapter.WEIGHTS.write_text(json.dumps({
            "u": np.round(u.astype(float), 5).tolist(), "v": np.round(v.astype(float), 5).tolist(),
            "embedder": library.embedder.float_model_id,  # the vectors it maps; quantised ones are mapped alike
            "fitted_on": {"questions": len(asked), "bodies": len(set(groups)), "passages": sum(len(m) for m in matrices),
                          "sets": WIDE_SETS + PAPERS_SETS, "date": time.strftime("%Y-%m-%d")},
            "body_held_out": {**results, "all": {"questions": len(asked), "model": [round(x, 3) for x in before],
                                                 "mapped": [round(x, 3) for x in after]}},
            "model": f"q + U(V^T q), rank {RANK}; softmax over every passage, temperature {TEMPERATURE}; "
                     f"penalty {PENALTY} on |UV^T|^2; Adam, {STEPS} steps, learning rate {LEARNING_RATE}",
        }) + "\n")
        print(f"wrote {query_adapter.WEIGHTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
