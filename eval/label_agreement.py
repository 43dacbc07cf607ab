"""How far two readers of the same minutes agree on their decisions, and how the parser fares against each.

    python eval/label_agreement.py [--papers DIR] [--json]

``eval/wide/second_reading.json`` holds a second, independent reading of the decisions in some
labelled papers (development and blind). For each split it prints the share of the first reading's
decisions the second also lists and the other way round (the snippets matched as ``score_wide.holds``
matches a row, either way round, kinds aside), then the parser's decisions found against each
reading (a row of the same kind holding the snippet, as ``score_wide.py`` scores). When two readers
agree on most decisions and the parser finds few of either's, the misses are the parser's, not the
labels'.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "eval"))

import score_wide  # noqa: E402

SECOND = ROOT / "eval" / "wide" / "second_reading.json"


def same_decision(one: str, other: str) -> bool:
    """Two readers quoting the same decision: either snippet holds the other (a reader may quote
    more or less of the sentence)."""
    return bool(score_wide.holds(one, other) or score_wide.holds(other, one))


def found(rows, labels: list[dict]) -> int:
    return sum(bool(hits) for hits in score_wide.finders(rows, labels))


def agreement(papers: Path) -> dict:
    second = json.loads(SECOND.read_text())["papers"]
    split = json.loads(score_wide.SPLIT.read_text())
    totals: dict[str, dict[str, int]] = {}
    for file, theirs in second.items():
        folder = file.split("/")[0]
        part = "blind" if folder in split["blind"] else "dev"
        first = next(p for p in json.loads((score_wide.LABELS / f"{folder}.json").read_text())["papers"] if p["file"] == file)
        ours = first["decisions"]
        rows = score_wide.decision_rows(score_wide.parse(papers / file))
        t = totals.setdefault(part, dict.fromkeys(
            ("papers", "first", "second", "first_in_second", "second_in_first", "found_first", "found_second"), 0))
        t["papers"] += 1
        t["first"] += len(ours)
        t["second"] += len(theirs)
        t["first_in_second"] += sum(any(same_decision(a["snippet"], b["snippet"]) for b in theirs) for a in ours)
        t["second_in_first"] += sum(any(same_decision(b["snippet"], a["snippet"]) for a in ours) for b in theirs)
        t["found_first"] += found(rows, ours)
        t["found_second"] += found(rows, theirs)
    return totals


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=Path, default=score_wide.PAPERS, help="the papers-wide folder")
    parser.add_argument("--json", action="store_true", help="print the counts as JSON")
    args = parser.parse_args()
    if not score_wide.papers_ready(args.papers):
        return 3
    totals = agreement(args.papers)
    if args.json:
        print(json.dumps(totals, indent=1))
        return 0
    print(f"{'split':<7}{'papers':>7}  {'first in second':>16}  {'second in first':>16}  {'found (first)':>14}  {'found (second)':>15}")
    for part, t in sorted(totals.items()):
        print(f"{part:<7}{t['papers']:>7}  {score_wide._ratio(t['first_in_second'], t['first']):>16}  "
              f"{score_wide._ratio(t['second_in_first'], t['second']):>16}  {score_wide._ratio(t['found_first'], t['first']):>14}  "
              f"{score_wide._ratio(t['found_second'], t['second']):>15}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
