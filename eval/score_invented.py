"""Score decisions on the invented papers of eval/invented, written and labelled without sight of any real paper.

    python eval/score_invented.py [--show] [--json]

Twelve papers in as many house styles (UK parish, community and town councils, a village hall's
trustees, a residents' association; a US city council, school board, utility board, county board and
planning agenda; a Canadian township) are development data for the forms decisions take: a change
that reads a new form must find more here without lowering precision here or on the real papers
(``score_wide.py``). Found and precision are judged as ``score_wide.py`` judges them.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "eval"))

import score_wide  # noqa: E402
from minutebook.ingest.structure import build_documents  # noqa: E402
from minutebook.vocabulary import Page  # noqa: E402

INVENTED = ROOT / "eval" / "invented"


def score() -> list[dict]:
    """One record per paper: labels found and rows holding a label, with what was missed and added."""
    labels = json.loads((INVENTED / "labels.json").read_text())["papers"]
    records = []
    for name, golds in labels.items():
        path = INVENTED / name
        documents = build_documents([Page(str(path), 1, path.read_text())], score_wide.file_hash(path), 1200)
        rows = score_wide.decision_rows(documents)
        found = score_wide.finders(rows, golds)
        right = {i for hits in found for i in hits}
        records.append({
            "paper": name, "labels": len(golds), "found": sum(bool(hits) for hits in found), "rows": len(rows), "rows_right": len(right),
            "missed": [f"{g['kind']}: {g['snippet']}" for g, hits in zip(golds, found) if not hits],
            "extra": [f"{r.kind}: {r.text[:120]}" for i, r in enumerate(rows) if i not in right],
        })
    return records


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="list each paper's missed and extra decisions")
    parser.add_argument("--json", action="store_true", help="print the records as JSON")
    args = parser.parse_args()
    records = score()
    if args.json:
        print(json.dumps(records, indent=1))
        return 0
    for r in records:
        print(f"{r['paper'][:52]:<54}found {score_wide._ratio(r['found'], r['labels']):>14}   precision {score_wide._ratio(r['rows_right'], r['rows']):>14}")
        if args.show:
            print("".join(f"    MISS  {m}\n" for m in r["missed"]) + "".join(f"    EXTRA {e}\n" for e in r["extra"]), end="")
    found, labels = sum(r["found"] for r in records), sum(r["labels"] for r in records)
    right, rows = sum(r["rows_right"] for r in records), sum(r["rows"] for r in records)
    print(f"{'ALL':<54}found {score_wide._ratio(found, labels):>14}   precision {score_wide._ratio(right, rows):>14}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
