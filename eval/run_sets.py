#!/usr/bin/env python3
"""Every question set, development and blind, in one run: search and chat figures per set and pooled.

    python eval/run_sets.py --wide-index W --papers-index P [--json OUT] [--compare OLD.json]

W is an index of ../shared/papers-wide and corpus/ (the wide and fresh sets are asked of it), P one of
corpus/ and ../shared/papers (the first development set names papers of both). Pooled figures weigh
every question once. ``--json`` keeps each question's result, and ``--compare`` a previous run's, so a
change can be read question by question: which answers it gained and which it lost.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from minutebook.search.evaluate import load_questions, run_benchmark, run_chat_benchmark  # noqa: E402
from minutebook.search.service import Minutebook  # noqa: E402
from minutebook.settings import load_settings  # noqa: E402

EVAL = ROOT / "eval"


def _number(path: Path) -> int:
    tail = path.stem.rsplit("-", 1)[-1]
    return int(tail) if tail.isdigit() else 1


def question_sets() -> list[tuple[str, str, Path]]:
    """(group, index, file) for every set: development sets, then the blind ones."""
    fresh_wide = sorted(EVAL.glob("fresh/questions-wide-*.json"), key=_number)
    fresh_sample = sorted(EVAL.glob("fresh/questions-corpus-*.json"), key=_number)
    return (
        [("dev", "papers", EVAL / name) for name in ("questions.json", "heldout.json", "heldout2.json")]
        + [("dev", "wide", path) for path in sorted(EVAL.glob("wide/questions-dev*.json"))]
        + [("dev", "wide", EVAL / "questions-dev-sample.json")]  # near misses over the sample papers
        + [("blind held-out", "wide", EVAL / "wide/questions-blind.json")]
        + [("blind fresh wide", "wide", path) for path in fresh_wide]
        + [("blind fresh sample", "wide", path) for path in fresh_sample]
    )


def run(libraries: dict[str, Minutebook], chat: bool, search: bool) -> list[dict]:
    """One record per question: its set, group, search rank and chat result."""
    records = []
    for group, index, path in question_sets():
        questions = load_questions(path)
        ranks = run_benchmark(libraries[index], questions, modes=("hybrid",))["ranks"]["hybrid"] if search else {}
        answers = {a["id"]: a for a in run_chat_benchmark(libraries[index], questions)["answers"]} if chat else {}
        for q in questions:
            records.append({"set": path.name, "group": group, "id": q.id, "answerable": q.answerable,
                            **({"rank": ranks.get(q.id)} if search else {}),
                            **{k: v for k, v in answers.get(q.id, {}).items() if k in ("found", "facts", "cited", "page_cited", "answer", "confidence")}})
        print(f"{path.relative_to(EVAL)}: {len(questions)} questions", file=sys.stderr)
    return records


def figures(records: list[dict]) -> dict[str, float | int | None]:
    answerable = [r for r in records if r["answerable"]]
    unanswerable = [r for r in records if not r["answerable"]]

    def mean(values: list[float]) -> float | None:
        return round(sum(values) / len(values), 3) if values else None

    chatted = [r for r in answerable if "found" in r]
    searched = [r for r in answerable if "rank" in r]
    return {
        "questions": len(records),
        "recall@5": mean([1.0 if (r["rank"] or 99) <= 5 else 0.0 for r in searched]),
        "mrr@10": mean([1 / r["rank"] if r["rank"] and r["rank"] <= 10 else 0.0 for r in searched]),
        "key_facts": mean([r["facts"] for r in chatted]),
        "cited": mean([1.0 if r["cited"] else 0.0 for r in chatted]),
        "page_cited": mean([1.0 if r["page_cited"] else 0.0 for r in chatted if "page_cited" in r]),
        "answerable_refused": mean([0.0 if r["found"] else 1.0 for r in chatted]),
        "unanswerable_refused": mean([0.0 if r["found"] else 1.0 for r in unanswerable if "found" in r]),
    }


COLUMNS = ("questions", "recall@5", "mrr@10", "key_facts", "cited", "page_cited", "answerable_refused",
           "unanswerable_refused")


def table(records: list[dict]) -> str:
    rows = [(name, [r for r in records if r["set"] == name]) for name in dict.fromkeys(r["set"] for r in records)]
    rows += [(f"= {group}", [r for r in records if r["group"] == group])
             for group in dict.fromkeys(r["group"] for r in records)]
    heads = ("n", "r@5", "mrr", "facts", "cited", "p.cited", "ans.ref", "unans.ref")
    lines = [f"{'set':<28}" + "".join(f"{h:>10}" for h in heads)]
    for name, rows_of in rows:
        values = figures(rows_of)
        lines.append(f"{name:<28}" + "".join(f"{'-' if values[c] is None else values[c]:>10}" for c in COLUMNS))
    return "\n".join(lines)


def gives_every_fact(record: dict) -> bool:
    """An answer to an answerable question holding every one of its key facts."""
    return bool(record["answerable"] and record.get("found") and record.get("facts") == 1.0)


def calibration(records: list[dict]) -> str:
    """Per group, how well the answers' confidence tells right answers (every key fact of an
    answerable question) from wrong ones: mean confidence beside the share right, the Brier score and
    the area under the ROC curve (the chance a right answer is more confident than a wrong one)."""
    lines = [f"{'group':<28}{'answers':>10}{'conf.':>10}{'right':>10}{'brier':>10}{'auc':>10}"]
    for group in dict.fromkeys(r["group"] for r in records):
        rated = [(r["confidence"], gives_every_fact(r))
                 for r in records if r["group"] == group and r.get("found") and r.get("confidence") is not None]
        if not rated:
            continue
        right = [p for p, ok in rated if ok]
        wrong = [p for p, ok in rated if not ok]
        # written out rather than scikit-learn's: the benchmark (and its tests) run without the fit extra
        brier = sum((p - ok) ** 2 for p, ok in rated) / len(rated)
        pairs = [(a > b) + 0.5 * (a == b) for a in right for b in wrong]
        auc = f"{sum(pairs) / len(pairs):.3f}" if pairs else "-"
        lines.append(f"{group:<28}{len(rated):>10}{sum(p for p, _ in rated) / len(rated):>10.3f}"
                     f"{len(right) / len(rated):>10.3f}{brier:>10.3f}{auc:>10}")
    return "\n".join(lines)


UNSUPPORTED_COST = 2  # an answer the papers do not support is worse than none: it costs two right ones


def trade(records: list[dict]) -> str:
    """Per group, what the least support to answer trades: answers with every key fact, answerable
    questions refused, near misses (unanswerable questions) answered, and the measure a threshold is
    chosen by on the development questions, right answers less UNSUPPORTED_COST per near miss answered."""
    lines = [f"{'group':<28}{'right':>10}{'refused':>10}{'answered':>10}{'of':>6}{'measure':>10}"]
    for group in dict.fromkeys(r["group"] for r in records):
        chatted = [r for r in records if r["group"] == group and "found" in r]
        if not chatted:
            continue
        right = sum(1 for r in chatted if gives_every_fact(r))
        refused = sum(1 for r in chatted if r["answerable"] and not r["found"])
        misses = [r for r in chatted if not r["answerable"]]
        answered = sum(1 for r in misses if r["found"])
        lines.append(f"{group:<28}{right:>10}{refused:>10}{answered:>10}{len(misses):>6}{right - UNSUPPORTED_COST * answered:>10}")
    return "\n".join(lines)


def _right(record: dict) -> bool | None:
    if "found" not in record:
        return None
    if not record["answerable"]:
        return not record["found"]
    return gives_every_fact(record) and bool(record["cited"])


def compare(old: list[dict], new: list[dict]) -> str:
    """Questions whose search rank or chat result changed between two runs."""
    before = {(r["set"], r["id"]): r for r in old}
    lines = []
    for r in new:
        o = before.get((r["set"], r["id"]))
        if o is None:
            continue
        if "rank" in o and "rank" in r and o["rank"] != r["rank"]:
            lines.append(f"  search {r['set']} {r['id']}: rank {o.get('rank')} -> {r.get('rank')}")
        if _right(o) != _right(r) or o.get("answer") != r.get("answer"):
            mark = {(False, True): "GAINED", (True, False): "LOST"}.get((_right(o), _right(r)), "changed")
            lines.append(f"  chat {mark} {r['group']} {r['set']} {r['id']}\n"
                         f"      was: {(o.get('answer') or '')[:200]}\n      now: {(r.get('answer') or '')[:200]}")
    return "\n".join(lines) or "  nothing changed"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wide-index", required=True, type=Path, help="index of papers-wide and corpus/")
    parser.add_argument("--papers-index", required=True, type=Path, help="index of corpus/ and ../shared/papers")
    parser.add_argument("--no-chat", action="store_true", help="search figures only")
    parser.add_argument("--no-search", action="store_true", help="chat figures only")
    parser.add_argument("--json", type=Path, help="write each question's result here")
    parser.add_argument("--compare", type=Path, help="a previous run's --json file: list what changed")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    libraries = {"wide": Minutebook(load_settings(index_dir=args.wide_index)),
                 "papers": Minutebook(load_settings(index_dir=args.papers_index))}
    records = run(libraries, chat=not args.no_chat, search=not args.no_search)
    print(table(records))
    if not args.no_chat:
        print("\nright answers, answerable refused, near misses answered (of), right less two per near miss answered\n"
              + trade(records))
    if any(r.get("confidence") is not None for r in records):
        print("\nconfidence of the answers given\n" + calibration(records))
    if args.json:
        args.json.write_text(json.dumps(records, indent=1))
    if args.compare:
        print("\nchanged since " + str(args.compare))
        print(compare(json.loads(args.compare.read_text()), records))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
