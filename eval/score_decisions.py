"""Score decision extraction against eval/decisions_gold.json, or against the row-by-row audit.

    python eval/score_decisions.py [--show]
    python eval/score_decisions.py --audit [--show]

Gold: a predicted row matches a gold row of the same kind and source when the gold snippet
(whitespace- and case-normalised) is inside the row's text; each gold row matches at most one
prediction. Gold covers every resolution, recommendation and action in the corpus, but only a
sample of commitments, so precision for commitments is a lower bound (the audit judges them all).

Audit (eval/decisions_audit.json): every row of the audited scope was read against its paper and
judged right, wrong or borderline. Rows now extracted are matched to it by kind, source,
occurrence and the start of their text; precision counts only rows judged right (a row nobody
judged yet is listed and counted as not right), recall is the share of the rows judged right
that are still found. The audit's own before/after flags give the figures it was made with.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from minutebook.ingest.read import file_hash, read_pages  # noqa: E402
from minutebook.ingest.structure import build_documents  # noqa: E402
from minutebook.vocabulary import DECISION_KINDS  # noqa: E402

COMPLETE = {"resolution", "recommendation", "action"}  # kinds whose gold lists every row


def _norm(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())


def predict(sources: list[str]) -> tuple[dict[str, list], float]:
    """{source: [Decision, ...]} and the seconds spent in structure + decisions."""
    out: dict[str, list] = {}
    spent = 0.0
    for source in sources:
        path = ROOT / source
        try:
            pages = list(read_pages(path))
        except Exception as error:  # noqa: BLE001 - an unreadable paper (a scan) has no rows to score
            print(f"skipped {source}: {error}")
            continue
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


def _key(decision_text: str) -> str:
    return _norm(decision_text.replace("*", ""))[:100]


def score_audit(audit: dict, predicted: dict[str, list]) -> dict[str, dict]:
    """Per kind: rows now extracted in the audit's scope, judged by the audit; and the audit's own
    before/after figures."""
    uk = ("/kent/", "/suffolk-libraries/")
    rows = audit["rows"]
    by_key = {(r["kind"], r["source"], r["occurrence"], _key(r["text"])): r for r in rows}
    alias = {r["id"]: r.get("same_as", r["id"]) for r in rows}
    results: dict[str, dict] = {}
    for kind in DECISION_KINDS:
        scope = audit["scope"].get(kind)
        judged = [r for r in rows if r["kind"] == kind]
        expected = {alias[r["id"]] for r in judged if r["verdict"] == "right"}
        seen: dict[tuple, int] = {}
        verdicts, found, unjudged, details = [], set(), [], []
        for source, decisions in predicted.items():
            if scope != "all" and not any(part in source for part in uk):
                continue
            for d in decisions:
                if d.kind != kind:
                    continue
                base = (kind, source, _key(d.text))
                seen[base] = seen.get(base, 0) + 1
                row = by_key.get((kind, source, seen[base], base[2]))
                if row is None:
                    verdicts.append("unjudged")
                    unjudged.append((source, d))
                    continue
                verdicts.append(row["verdict"])
                if row["verdict"] == "right":
                    found.add(alias[row["id"]])
                for field, want in row.get("expect", {}).items():
                    got = len(d.items) if field == "items" else d.reference if field == "reference" else d.details.get(field)
                    if got != want:
                        details.append((row, field, want, got))

        def figures(states: list[str], hits: set) -> dict:
            right = states.count("right")
            return {"rows": len(states), "right": right, "wrong": states.count("wrong"),
                    "borderline": states.count("borderline"), "unjudged": states.count("unjudged"),
                    "precision": right / len(states) if states else 1.0,
                    "recall": len(hits & expected) / len(expected) if expected else 1.0}

        then = {tag: figures([r["verdict"] for r in judged if r[tag]],
                             {alias[r["id"]] for r in judged if r[tag] and r["verdict"] == "right"})
                for tag in ("before", "after")}
        for tag in ("before", "after"):  # right rows with a wrong field (minute, title, items, mover, due date)
            then[tag]["field_errors"] = sum(1 for r in judged if r[tag] and tag in r.get("detail_errors", {}))
        results[kind] = {"now": figures(verdicts, found), **then, "unjudged": unjudged, "details": details,
                         "lost": [r for r in judged if r["verdict"] == "right" and alias[r["id"]] not in found
                                  and r.get("same_as") is None]}
    return results


def _sources(audit: bool, gold: list[dict]) -> list[str]:
    corpus = {f"corpus/{p.name}" for p in (ROOT / "corpus").glob("*.txt")}
    if not audit:
        return sorted({g["source"] for g in gold} | corpus)
    papers = ROOT.parent / "shared" / "papers"
    return sorted(corpus | {f"../shared/papers/{p.relative_to(papers)}" for p in papers.rglob("*.pdf")})


def _print_audit(results: dict[str, dict], show: bool) -> None:
    for kind, r in results.items():
        for tag in ("before", "after", "now"):
            f = r[tag]
            print(f"{kind:15s} {tag:6s} rows {f['rows']:3d}  right {f['right']:3d}  wrong {f['wrong']:2d}  borderline {f['borderline']:2d}  "
                  f"unjudged {f['unjudged']:2d}  precision {f['precision']:.3f}  recall {f['recall']:.3f}"
                  + (f"  right rows with a wrong field {f['field_errors']}" if "field_errors" in f else ""))
        if show:
            for source, d in r["unjudged"]:
                print(f"    UNJUDGED {source}  p{d.page}  {d.text[:140]!r}")
            for row in r["lost"]:
                print(f"    LOST  {row['source']}  p{row['page']}  {row['text'][:140]!r}")
            for row, field, want, got in r["details"]:
                print(f"    DETAIL {row['source']}  {row['text'][:60]!r}: {field} {got!r}, audit says {want!r}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="list misses, unmatched predictions and item-count errors")
    parser.add_argument("--audit", action="store_true", help="score against eval/decisions_audit.json (reads ../shared/papers too)")
    args = parser.parse_args()
    gold = json.loads((ROOT / "eval" / "decisions_gold.json").read_text())
    predicted, spent = predict(_sources(args.audit, gold))
    if args.audit:
        print(f"structure + decisions over {len(predicted)} files: {spent:.2f} s")
        _print_audit(score_audit(json.loads((ROOT / "eval" / "decisions_audit.json").read_text()), predicted), args.show)
        return 0
    results = score(gold, predicted)
    print(f"structure + decisions over {len(predicted)} files: {spent:.2f} s")
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
