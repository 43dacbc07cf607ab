#!/usr/bin/env python3
"""Chat figures per distinct fact, over question sets that ask the same facts again.

    python eval/distinct_facts.py --index IDX eval/wide/questions-blind.json eval/fresh/questions-wide-*.json

Fresh sets written over the same few papers ask the same facts again (one schedule's hearing date,
one agenda's presenter). Questions are grouped as one fact when their first evidence is on the same
paper and page and they share a key fact (case and punctuation aside); each fact counts once, its
questions' results averaged. A question is right when its answer holds every key fact and cites its
evidence, as `minutebook eval --chat` judges it.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from minutebook.search.evaluate import load_questions, normalise, run_chat_benchmark  # noqa: E402
from minutebook.search.service import Minutebook  # noqa: E402
from minutebook.settings import load_settings  # noqa: E402


def group_facts(results: list[tuple[str, int | None, list[str], bool]]) -> list[list[bool]]:
    """(source, page, key facts, right) per answerable question -> each fact's questions' results."""
    facts: list[tuple[str, int | None, set[str], list[bool]]] = []
    for source, page, keywords, right in results:
        said = {normalise(k) for k in keywords}  # as the chat judge compares key facts
        for fact_source, fact_page, fact_words, oks in facts:
            if fact_source == source and fact_page == page and fact_words & said:
                fact_words |= said
                oks.append(right)
                break
        else:
            facts.append((source, page, said, [right]))
    return [oks for _, _, _, oks in facts]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--index", required=True, type=Path, help="the index the questions are asked of")
    parser.add_argument("questions", nargs="+", type=Path, help="question sets (minutebook eval's format)")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    library = Minutebook(load_settings(index_dir=args.index))
    results = []
    for path in args.questions:
        questions = load_questions(path)
        failed = {f["id"] for f in run_chat_benchmark(library, questions)["failures"]}
        results += [(q.evidence[0].source, q.evidence[0].page, list(q.answer_keywords), q.id not in failed)
                    for q in questions if q.answerable]
        print(f"{path.name}: {sum(q.answerable for q in questions)} answerable", file=sys.stderr)
    if not results:
        print("no answerable questions", file=sys.stderr)
        return 1
    facts = group_facts(results)
    per_question = sum(right for *_, right in results) / len(results)
    per_fact = sum(sum(oks) / len(oks) for oks in facts) / len(facts)
    print(f"{len(results)} answerable questions, right {per_question:.3f}; "
          f"{len(facts)} distinct facts, right (each fact once) {per_fact:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
