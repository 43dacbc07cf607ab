#!/usr/bin/env python3
"""Record the first run of fresh question sets, before anything is changed after they were written.

    python eval/first_run.py --wide-index W --papers-index P --wide eval/fresh/questions-wide-N.json \
        --sample eval/fresh/questions-corpus-M.json [--trim] > eval/fresh/first_run-N.txt

A fresh set is written from the papers alone, by readers who see neither the code nor its answers.
``--trim`` first cuts each snippet over 15 words to the shortest run of its words holding every answer
keyword (readers copy whole sentences; a passage boundary should not decide whether a short answer
counts as found) and writes the sets back. The header says how many answerable questions share a run
of five words with a passage an earlier set asked about (earlier sets of the same kind, and for the
wide sets the development and held-out ones over papers-wide), then the figures, then the full
`minutebook eval` reports. W is an index of ../shared/papers-wide and corpus/, P one of corpus/ and
../shared/papers, as eval/run_sets.py takes them.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from minutebook.search.evaluate import (  # noqa: E402
    format_chat_report, format_report, load_questions, normalise, run_benchmark, run_chat_benchmark,
)
from minutebook.search.service import Minutebook  # noqa: E402
from minutebook.settings import load_settings  # noqa: E402

EVAL = ROOT / "eval"
TRIM_WORDS = 15  # snippets longer than this are cut to the run holding the answer keywords
SHARED_RUN = 5  # words in a row that make a passage one an earlier set already asked about


def trimmed(snippet: str, keywords: list[str]) -> str:
    """The shortest run of at least TRIM_WORDS of the snippet's words holding every keyword, else the snippet."""
    words = snippet.split()
    if len(words) <= TRIM_WORDS:
        return snippet
    wanted = [normalise(k) for k in keywords]
    for size in range(TRIM_WORDS, len(words) + 1):
        for start in range(len(words) - size + 1):
            run = " ".join(words[start:start + size])
            if all(k in normalise(run) for k in wanted):
                return run
    return snippet


def trim_set(path: Path) -> int:
    """Trim every long snippet of a question file in place; how many were cut."""
    questions = json.loads(path.read_text())
    cut = 0
    for question in questions:
        for evidence in question.get("evidence", []):
            short = trimmed(evidence["snippet"], question.get("answer_keywords", []))
            cut += short != evidence["snippet"]
            evidence["snippet"] = short
    path.write_text(json.dumps(questions, indent=1, ensure_ascii=False) + "\n")
    return cut


def word_runs(text: str, size: int = SHARED_RUN) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i:i + size]) for i in range(len(words) - size + 1)}


def sharing(path: Path, earlier: list[Path]) -> tuple[int, int]:
    """(answerable questions whose evidence shares a run of words with an earlier set's, answerable questions)."""
    seen: set[tuple[str, ...]] = set()
    for other in earlier:
        for question in json.loads(other.read_text()):
            for evidence in question.get("evidence", []):
                seen |= word_runs(evidence["snippet"])
    answerable = [q for q in json.loads(path.read_text()) if q.get("evidence")]
    shared = sum(any(word_runs(e["snippet"]) & seen for e in q["evidence"]) for q in answerable)
    return shared, len(answerable)


def earlier_sets(path: Path, kind: str) -> list[Path]:
    others = sorted((EVAL / "fresh").glob(f"questions-{kind}-*.json"))
    if kind == "wide":
        others += sorted((EVAL / "wide").glob("questions-*.json"))
    return [p for p in others if p.resolve() != path.resolve()]  # a set shares every passage with itself


def figures(search: dict, chat: dict) -> str:
    overall = search["overall"]["hybrid"]
    return (f"recall@5 {overall['recall@5']}  MRR@10 {overall['mrr@10']}  key facts {chat['key_facts']}  "
            f"cited {chat['evidence_cited']}  answerable refused {chat['answerable_refused']}  "
            f"unanswerable refused {chat['unanswerable_refused']}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wide-index", required=True, type=Path, help="index of papers-wide and corpus/")
    parser.add_argument("--papers-index", required=True, type=Path, help="index of corpus/ and ../shared/papers")
    parser.add_argument("--wide", type=Path, help="the fresh set over the held-out bodies' papers")
    parser.add_argument("--sample", type=Path, help="the fresh set over the sample papers")
    parser.add_argument("--trim", action="store_true", help="first cut long snippets (the sets are rewritten)")
    args = parser.parse_args()
    sets = [(path, kind, index) for path, kind, index in
            ((args.wide, "wide", args.wide_index), (args.sample, "corpus", args.papers_index)) if path]
    if not sets:
        parser.error("give --wide, --sample or both")
    logging.basicConfig(level=logging.WARNING)
    if args.trim:
        for path, _, _ in sets:
            print(f"{path.name}: {trim_set(path)} snippets cut", file=sys.stderr)
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    header = [f"# First runs of {', '.join(p.name for p, _, _ in sets)}, before any change after they were written.",
              f"# Commit {commit or 'unknown'}; indexes built by its ingest."]
    lines, reports = [], []
    for path, kind, index in sets:
        questions = load_questions(path)
        answerable = [q for q in questions if q.answerable]
        shared, counted = sharing(path, earlier_sets(path, kind))
        header.append(f"# {path.name}: {len(questions)} questions ({len(questions) - len(answerable)} unanswerable); "
                      f"{shared} of its {counted} answerable questions share a run of {SHARED_RUN} words with an earlier set's passage.")
        library = Minutebook(load_settings(index_dir=index))
        search, chat = run_benchmark(library, questions), run_chat_benchmark(library, questions)
        lines.append(f"#   {path.stem} ({len(questions)}, {len(questions) - len(answerable)} unanswerable):  {figures(search, chat)}")
        named = path.resolve().relative_to(ROOT) if path.resolve().is_relative_to(ROOT) else path
        reports += [f"## minutebook eval --index IDX {named}", format_report(search),
                    f"## minutebook eval --chat --index IDX {named}", format_chat_report(chat)]
    print("\n".join(header + ["#"] + lines + ["#"] + reports))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
