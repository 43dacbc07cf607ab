#!/usr/bin/env python3
"""The right page in the top five, on PDFs: minutebook's search beside a naive page search.

    python eval/right_page.py --wide-index W --papers-index P [--json]

Every answerable question of the development and blind sets (eval/run_sets.py) whose evidence is a
page of a PDF is asked of both. Minutebook finds the page when one of the five passages its search
returns stands on it (a passage running over pages counts for each). The naive search reads each
page of the same PDFs as pypdf extracts it, cuts it into windows of WINDOW words (STRIDE apart),
encodes them with the same MiniLM model, and ranks the pages by their closest window's cosine with
the question; it finds the page when that page is among its first five. W and P are the indexes
run_sets.py asks (W of ../shared/papers-wide and corpus/, P of corpus/ and ../shared/papers); the
naive search holds only those folders' PDFs.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "eval")]

from minutebook.search.evaluate import load_questions, on_evidence_page  # noqa: E402
from minutebook.search.service import Minutebook  # noqa: E402
from minutebook.settings import load_settings  # noqa: E402

import run_sets  # noqa: E402

SHARED = ROOT.parent / "shared"
FOLDERS = {"wide": SHARED / "papers-wide", "papers": SHARED / "papers"}  # what each index's evidence is relative to
WINDOW, STRIDE = 100, 50  # words: MiniLM reads about 128 word pieces
TOP = 5


@dataclass(frozen=True)
class Page:
    file: str  # relative to its folder, as evidence names it
    number: int  # 1-based


def windows(text: str) -> list[str]:
    """A page's text as overlapping runs of WINDOW words (one, if it is shorter)."""
    words = text.split()
    return [" ".join(words[start:start + WINDOW]) for start in range(0, max(len(words) - WINDOW, 0) + 1, STRIDE)] if words else []


class NaivePages:
    """Every page of a folder's PDFs, searchable by its closest window."""

    def __init__(self, folder: Path, encode) -> None:
        owners: list[int] = []
        texts: list[str] = []
        self.pages: list[Page] = []
        for path in sorted(folder.rglob("*.pdf")):
            try:
                pages = PdfReader(path).pages
                extracted = [page.extract_text() or "" for page in pages]
            except Exception as exc:  # noqa: BLE001 - a PDF pypdf cannot read has no pages for it
                print(f"{path.name}: unreadable by pypdf ({exc})", file=sys.stderr)
                continue
            for number, text in enumerate(extracted, start=1):
                self.pages.append(Page(str(path.relative_to(folder)), number))
                for window in windows(text):
                    owners.append(len(self.pages) - 1)
                    texts.append(window)
        self.owner = np.array(owners, dtype=np.int64)
        self.vectors = encode(texts)

    def top(self, query: np.ndarray, k: int = TOP) -> list[Page]:
        """The k pages closest to a question's (normalised) vector."""
        cosines = self.vectors @ query
        best = np.full(len(self.pages), -np.inf, dtype=np.float32)
        np.maximum.at(best, self.owner, cosines)
        return [self.pages[i] for i in np.argsort(-best, kind="stable")[:k] if np.isfinite(best[i])]


def run(libraries: dict[str, Minutebook], naive: dict[str, NaivePages]) -> list[dict]:
    """One record per PDF question: its group and whether each search finds its page."""
    records = []
    for group, index, path in run_sets.question_sets():
        for question in load_questions(path):
            evidence = [e for e in question.evidence if e.source.lower().endswith(".pdf") and e.page]
            if not evidence:
                continue
            library = libraries[index]
            hits = library.search(question.question, k=TOP).results
            pages = naive[index].top(library.encode.plain(question.question))  # the vector the search cached
            records.append({
                "group": group, "set": path.name, "id": question.id,
                "minutebook": any(on_evidence_page(h, e) for e in evidence for h in hits),
                "naive": any(page == Page(e.source.lstrip("./"), e.page) for e in evidence for page in pages),
            })
    return records


def table(records: list[dict]) -> str:
    groups: dict[str, list[dict]] = defaultdict(list)
    for r in records:
        groups[r["group"]].append(r)
    lines = [f"{'group':22s} {'questions':>9s} {'minutebook':>11s} {'naive':>7s}  right page in the top {TOP}, PDFs only"]
    for group, rs in groups.items():
        mine, theirs = (sum(r[k] for r in rs) / len(rs) for k in ("minutebook", "naive"))
        lines.append(f"{group:22s} {len(rs):9d} {mine:11.3f} {theirs:7.3f}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wide-index", required=True, type=Path, help="index of papers-wide and corpus/")
    parser.add_argument("--papers-index", required=True, type=Path, help="index of corpus/ and ../shared/papers")
    parser.add_argument("--json", action="store_true", help="print each question's result as JSON")
    args = parser.parse_args()
    logging.basicConfig(level=logging.ERROR)
    libraries = {"wide": Minutebook(load_settings(index_dir=args.wide_index)),
                 "papers": Minutebook(load_settings(index_dir=args.papers_index))}
    encode = libraries["wide"].embedder.encode
    naive = {name: NaivePages(folder, encode) for name, folder in FOLDERS.items()}
    records = run(libraries, naive)
    print(json.dumps(records, indent=1) if args.json else table(records))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
