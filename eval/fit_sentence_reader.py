#!/usr/bin/env python3
"""Fit a model that reads a question and a candidate sentence together (a cross-encoder made from the
bundled MiniLM: its top layers fine-tuned, a linear head on the first token) and judge it beside the
hand-weighted support.

    python eval/fit_sentence_reader.py --pairs pairs.json [--hold SET ...] [--epochs 3] [--layers 2]
        [--top 15] [--save reader.pt] [--score-only reader.pt]

``pairs.json`` comes from eval/sentence_pairs.py. Only development questions are fitted on, minus the
sets named by ``--hold`` (judged as held-out development); the blind groups are only judged. Each
question's ``--top`` best-supported candidates are read. The loss is the softmax over a question's
candidates (the right ones should come first) plus a pointwise logistic loss (every candidate of an
unanswerable question is wrong), so the score also says whether anything answers.

Printed per group: of the questions with a right candidate among those read, the share whose first
sentence is right by the support alone, by the reader alone and by the support plus the reader's
probability at several weights; and the area under the ROC curve of the best candidate's score,
questions with a right candidate against unanswerable ones.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

import numpy as np
import torch
from sklearn.metrics import roc_auc_score
from transformers import AutoModel, AutoTokenizer

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from minutebook.search.storage.embed import resolve_model_path  # noqa: E402

WEIGHTS = (0.0, 0.25, 0.5, 0.75, 1.0, 1.5)


class Reader(torch.nn.Module):
    def __init__(self, path: Path, trained_layers: int):
        super().__init__()
        self.encoder = AutoModel.from_pretrained(str(path))
        self.head = torch.nn.Linear(self.encoder.config.hidden_size, 1)
        for parameter in self.encoder.parameters():
            parameter.requires_grad = False
        for layer in self.encoder.encoder.layer[-trained_layers:]:
            for parameter in layer.parameters():
                parameter.requires_grad = True

    def forward(self, batch) -> torch.Tensor:
        hidden = self.encoder(**batch).last_hidden_state[:, 0]
        return self.head(hidden).squeeze(-1)


def auc(positive: list[float], negative: list[float]) -> float | None:
    if not positive or not negative:
        return None
    return float(roc_auc_score([1] * len(positive) + [0] * len(negative), positive + negative))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pairs", type=Path, required=True)
    ap.add_argument("--hold", nargs="*", default=["questions-dev-6.json", "questions-dev-7.json", "heldout2.json",
                                                  "questions-dev-sample.json"])
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--layers", type=int, default=2)
    ap.add_argument("--top", type=int, default=15)
    ap.add_argument("--max-length", type=int, default=64)
    ap.add_argument("--lr", type=float, default=3e-5)
    ap.add_argument("--save", type=Path)
    ap.add_argument("--score-only", type=Path, help="judge a saved reader instead of fitting one")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    torch.manual_seed(args.seed)
    random.seed(args.seed)
    torch.set_num_threads(2)

    questions = json.loads(args.pairs.read_text())
    for q in questions:
        q["candidates"] = q["candidates"][: args.top]
    path = resolve_model_path("")
    tokenizer = AutoTokenizer.from_pretrained(str(path))
    reader = Reader(path, args.layers)

    def encode(candidates):
        return tokenizer([c["query"] for c in candidates], [c["sentence"] for c in candidates], truncation="longest_first",
                         max_length=args.max_length, padding=True, return_tensors="pt")

    fit = [q for q in questions if q["group"] == "dev" and q["set"] not in args.hold and q["candidates"]]
    if args.score_only:
        reader.load_state_dict(torch.load(args.score_only), strict=False)
    else:
        trainable = [p for p in reader.parameters() if p.requires_grad]
        optimiser = torch.optim.AdamW(trainable, lr=args.lr)
        bce = torch.nn.BCEWithLogitsLoss()
        print(f"fitting on {len(fit)} questions, {sum(len(q['candidates']) for q in fit)} pairs, "
              f"{sum(c['right'] for q in fit for c in q['candidates'])} right", file=sys.stderr)
        for epoch in range(args.epochs):
            random.shuffle(fit)
            reader.train()
            started, total = time.time(), 0.0
            for n, q in enumerate(fit, 1):
                logits = reader(encode(q["candidates"]))
                labels = torch.tensor([float(c["right"]) for c in q["candidates"]])
                loss = bce(logits, labels)
                if labels.any():
                    loss = loss - (torch.logsumexp(logits[labels > 0], 0) - torch.logsumexp(logits, 0))
                optimiser.zero_grad()
                loss.backward()
                optimiser.step()
                total += loss.item()
                if n % 200 == 0:
                    print(f"  epoch {epoch + 1}: {n}/{len(fit)} loss {total / n:.3f} ({time.time() - started:.0f} s)", file=sys.stderr)
        if args.save:
            layers = len(reader.encoder.encoder.layer)
            trained = {k: v for k, v in reader.state_dict().items() if not k.startswith("encoder.") or any(
                k.startswith(f"encoder.encoder.layer.{i}.") for i in range(layers - args.layers, layers))}
            torch.save(trained, args.save)

    reader.eval()
    started, pairs = time.time(), 0
    with torch.no_grad():
        for q in questions:
            if q["candidates"]:
                for c, probability in zip(q["candidates"], torch.sigmoid(reader(encode(q["candidates"]))).tolist()):
                    c["reader"] = probability
                pairs += len(q["candidates"])
    print(f"scored {pairs} pairs in {time.time() - started:.0f} s", file=sys.stderr)

    groups = {}
    for q in questions:
        group = "dev (fitted)" if q["group"] == "dev" and q["set"] not in args.hold else (
            "dev (held out)" if q["group"] == "dev" else q["group"])
        groups.setdefault(group, []).append(q)
    print(f"{'group':<22}{'n':>5}" + "".join(f"{'w=' + str(w):>8}" for w in WEIGHTS) + f"{'alone':>8}   AUC support / mix 0.5")
    for group, members in groups.items():
        answerable = [q for q in members if any(c["right"] for c in q["candidates"])]
        shares = []
        for w in WEIGHTS:
            shares.append(np.mean([max(q["candidates"], key=lambda c: c["score"] + w * c["reader"])["right"] for q in answerable]))
        alone = np.mean([max(q["candidates"], key=lambda c: c["reader"])["right"] for q in answerable])
        unanswerable = [q for q in members if not q["answerable"] and q["candidates"]]
        unanswerable_none = sum(1 for q in members if not q["answerable"] and not q["candidates"])
        aucs = []
        for w in (0.0, 0.5):
            best = lambda q: max(c["score"] + w * c["reader"] for c in q["candidates"])  # noqa: E731
            aucs.append(auc([best(q) for q in answerable], [best(q) for q in unanswerable]))
        print(f"{group:<22}{len(answerable):>5}" + "".join(f"{s:>8.3f}" for s in shares) + f"{alone:>8.3f}   "
              + " / ".join(f"{a:.3f}" if a is not None else "-" for a in aucs)
              + f"   ({len(unanswerable)} unanswerable with candidates, {unanswerable_none} with none)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
