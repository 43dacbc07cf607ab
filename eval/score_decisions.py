"""Score decision extraction on the sample corpus against eval/decisions_gold.json.

    python eval/score_decisions.py [--show]

A predicted row matches a gold row of the same kind and source when the gold snippet
(whitespace- and case-normalised) is inside the row's text; each gold row matches at most one
prediction. Gold covers every resolution and recommendation in the corpus, but only a sample of
commitments and actions, so precision for those two kinds is a lower bound.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from minutebook.ingest.read import file_hash, read_pages  # noqa: E402
from minutebook.ingest.structure import build_documents  # noqa: E402
from minutebook.vocabulary import DECISION_KINDS  # noqa: E402

COMPLETE = {"resolution", "recommendation"}  # kinds whose gold lists every row


def _norm(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())


def predict(sources: list[str]) -> tuple[dict[str, list], float]:
    """{source: [Decision, ...]} and the seconds spent in structure + decisions."""
    out: dict[str, list] = {}
    spent = 0.0
    for source in sources:
        path = ROOT / source
        pages = list(read_pages(path))
        start = time.perf_counter()
        parsed = build_documents(pages, file_hash(path), 1200)
        spent += time.perf_counter() - start
        out[source] = [decision for doc in parsed for decision in doc.decisions]
    return out, spent


def score(gold: list[dict], predicted: dict[str, list]) -> dict[str, dict]:
    results: dict[str, dict] = {}
    for kind in DECISION_KINDS:
        golds = [g for g in gold if g["kind"] == kind]
        preds = [(source, d) for source, rows in predicted.items() for d in rows if d.kind == kind]
        used: set[int] = set()
        matched_gold = 0
        misses, items_wrong = [], []
        for g in golds:
            snippet = _norm(g["snippet"])
            hit = next((i for i, (source, d) in enumerate(preds)
                        if i not in used and source == g["source"] and snippet in _norm(d.text)), None)
            if hit is None:
                misses.append(g)
                continue
            used.add(hit)
            matched_gold += 1
            if g.get("items") is not None and len(preds[hit][1].items) != g["items"]:
                items_wrong.append((g, len(preds[hit][1].items)))
        extra = [preds[i] for i in range(len(preds)) if i not in used]
        results[kind] = {
            "gold": len(golds), "predicted": len(preds), "matched": matched_gold,
            "precision": len(used) / len(preds) if preds else 1.0,
            "recall": matched_gold / len(golds) if golds else 1.0,
            "misses": misses, "extra": extra, "items_wrong": items_wrong,
        }
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="list misses, unmatched predictions and item-count errors")
    args = parser.parse_args()
    gold = json.loads((ROOT / "eval" / "decisions_gold.json").read_text())
    sources = sorted({g["source"] for g in gold} | {f"corpus/{p.name}" for p in (ROOT / "corpus").glob("*.txt")})
    predicted, spent = predict(sources)
    results = score(gold, predicted)
    print(f"structure + decisions over {len(sources)} files: {spent:.2f} s")
    for kind, r in results.items():
        note = "" if kind in COMPLETE else "  (gold is a sample: precision is a lower bound)"
        print(f"{kind:15s} gold {r['gold']:3d}  predicted {r['predicted']:3d}  matched {r['matched']:3d}  "
              f"precision {r['precision']:.3f}  recall {r['recall']:.3f}  item counts wrong {len(r['items_wrong'])}{note}")
        if args.show:
            for g in r["misses"]:
                print(f"    MISS  {g['source']}  {g['snippet']!r}")
            if kind in COMPLETE:
                for source, d in r["extra"]:
                    print(f"    EXTRA {source}  p{d.page}  {d.text[:140]!r}")
            for g, n in r["items_wrong"]:
                print(f"    ITEMS {g['source']}  {g['snippet'][:60]!r}: gold {g['items']}, got {n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
