#!/usr/bin/env python3
"""Check the development question set for `minutebook eval`.

Usage:
    python eval/check_questions.py [--questions eval/questions.json] [--papers DIR]

Checks:
  * the file is a JSON list of objects with the expected fields and types;
  * ids are unique (corpus questions "cNNN", PDF questions "pNNN");
  * categories are valid;
  * unanswerable questions have no evidence and no answer keywords, all other
    questions have at least one evidence entry and 1-4 answer keywords;
  * every snippet is 6-15 words, single-line, free of markdown markers, and
    occurs in its source (whitespace- and case-normalised): corpus sources are
    text files relative to the repo root, PDF sources are files under the papers
    folder, read with pypdf on the given 1-based page;
  * every answer keyword occurs (normalised) in the source text within 600
    characters of at least one of the question's evidence snippets.

Prints a per-category count table and any failures; exits 1 on failure.
Only the standard library and pypdf are used.
"""
from __future__ import annotations

import argparse
import json
import logging
import re
import sys
from collections import Counter
from pathlib import Path

CATEGORIES = [
    "commitment",
    "resolution",
    "recommendation",
    "fact",
    "who",
    "paraphrase",
    "filtered",
    "typo",
    "unanswerable",
]
# Minimum counts for corpus questions, per the brief.
MIN_CORPUS = {c: 6 for c in CATEGORIES}
MIN_CORPUS["unanswerable"] = 8
MIN_CORPUS_TOTAL = 64
MIN_PDF_TOTAL = 16
NEIGHBOURHOOD = 600
SNIPPET_MIN_WORDS, SNIPPET_MAX_WORDS = 6, 15
BAD_SNIPPET_MARKERS = ("**", "#", "\n", "\r", "\t")

REPO_ROOT = Path(__file__).resolve().parent.parent


def norm(text: str) -> str:
    """Collapse all whitespace to single spaces and lower-case."""
    return re.sub(r"\s+", " ", text).strip().lower()


class Sources:
    """Loads and caches normalised source texts."""

    def __init__(self, repo_root: Path, papers: Path):
        self.repo_root = repo_root
        self.papers = papers
        self._text: dict[Path, str] = {}
        self._pdf: dict[Path, object] = {}
        self._pages: dict[tuple[Path, int], str] = {}

    def corpus_text(self, source: str) -> str:
        path = (self.repo_root / source).resolve()
        if path not in self._text:
            self._text[path] = norm(path.read_text(encoding="utf-8"))
        return self._text[path]

    def pdf_page(self, source: str, page: int) -> str:
        path = (self.papers / source).resolve()
        key = (path, page)
        if key not in self._pages:
            if path not in self._pdf and path.suffix.lower() == ".pdf":
                from pypdf import PdfReader  # imported lazily: only PDFs need it

                logging.getLogger("pypdf").setLevel(logging.ERROR)
                self._pdf[path] = PdfReader(str(path))
            if path.suffix.lower() in (".html", ".htm"):
                if page != 1:
                    raise ValueError(f"page {page} out of range (an HTML paper is page 1)")
                self._pages[key] = norm(_html_text(path.read_bytes().decode("utf-8", "replace")))
                return self._pages[key]
            reader = self._pdf[path]
            n = len(reader.pages)
            if not 1 <= page <= n:
                raise ValueError(f"page {page} out of range (PDF has {n} pages)")
            self._pages[key] = norm(reader.pages[page - 1].extract_text() or "")
        return self._pages[key]


def _html_text(html: str) -> str:
    """Visible text of an HTML page: tags, scripts and styles dropped. (Ingest's html_to_text does
    this for the index; the checker runs on a bare Python without the package, so it keeps its own.)"""
    from html.parser import HTMLParser

    parts: list[str] = []

    class Visible(HTMLParser):
        skip = 0

        def handle_starttag(self, tag, attrs):
            self.skip += tag in ("script", "style")

        def handle_endtag(self, tag):
            self.skip -= tag in ("script", "style") and self.skip > 0

        def handle_data(self, data):
            if not self.skip:
                parts.append(data)

    Visible().feed(html)
    return " ".join(parts)


def is_pdf_source(source: str) -> bool:
    return not source.startswith("corpus/")


def check(questions: object, sources: Sources, coverage: bool = True) -> tuple[list[str], Counter, Counter]:
    failures: list[str] = []
    corpus_counts: Counter = Counter()
    pdf_counts: Counter = Counter()

    if not isinstance(questions, list):
        return ["top level is not a JSON list"], corpus_counts, pdf_counts

    seen_ids: set[str] = set()
    for idx, q in enumerate(questions):
        where = f"[{idx}]"
        if not isinstance(q, dict):
            failures.append(f"{where}: not an object")
            continue
        qid = q.get("id")
        where = f"{qid or '[' + str(idx) + ']'}"
        fails_before = len(failures)

        expected = {"id", "question", "category", "evidence", "answer_keywords"}
        missing = expected - q.keys()
        extra = q.keys() - expected
        if missing:
            failures.append(f"{where}: missing fields {sorted(missing)}")
            continue
        if extra:
            failures.append(f"{where}: unexpected fields {sorted(extra)}")

        if not isinstance(qid, str) or not re.fullmatch(r"[cp]\d{3}", qid):
            failures.append(f"{where}: id must look like c001 or p001")
        elif qid in seen_ids:
            failures.append(f"{where}: duplicate id")
        else:
            seen_ids.add(qid)

        if not isinstance(q["question"], str) or not q["question"].strip():
            failures.append(f"{where}: question must be a non-empty string")

        cat = q["category"]
        if cat not in CATEGORIES:
            failures.append(f"{where}: invalid category {cat!r}")

        evidence = q["evidence"]
        keywords = q["answer_keywords"]
        if not isinstance(evidence, list):
            failures.append(f"{where}: evidence must be a list")
            continue
        if not isinstance(keywords, list) or not all(isinstance(k, str) and k.strip() for k in keywords):
            failures.append(f"{where}: answer_keywords must be a list of non-empty strings")
            continue

        if cat == "unanswerable":
            if evidence or keywords:
                failures.append(f"{where}: unanswerable question must have empty evidence and answer_keywords")
        else:
            if not evidence:
                failures.append(f"{where}: answerable question needs at least one evidence entry")
            if not 1 <= len(keywords) <= 4:
                failures.append(f"{where}: needs 1-4 answer_keywords (has {len(keywords)})")

        # Which collection is this question about?
        kinds = set()
        windows: list[str] = []
        for j, ev in enumerate(evidence):
            ew = f"{where} evidence[{j}]"
            if not isinstance(ev, dict):
                failures.append(f"{ew}: not an object")
                continue
            source, snippet = ev.get("source"), ev.get("snippet")
            if not isinstance(source, str) or not isinstance(snippet, str):
                failures.append(f"{ew}: source and snippet must be strings")
                continue
            pdf = is_pdf_source(source)
            kinds.add("pdf" if pdf else "corpus")
            allowed = {"source", "snippet", "page"} if pdf else {"source", "snippet"}
            if ev.keys() - allowed:
                failures.append(f"{ew}: unexpected fields {sorted(ev.keys() - allowed)}")

            n_words = len(snippet.split())
            if not SNIPPET_MIN_WORDS <= n_words <= SNIPPET_MAX_WORDS:
                failures.append(f"{ew}: snippet has {n_words} words (want {SNIPPET_MIN_WORDS}-{SNIPPET_MAX_WORDS})")
            for marker in BAD_SNIPPET_MARKERS:
                if marker in snippet:
                    failures.append(f"{ew}: snippet contains {marker!r}")

            try:
                if pdf:
                    page = ev.get("page")
                    if not isinstance(page, int) or isinstance(page, bool) or page < 1:
                        failures.append(f"{ew}: PDF evidence needs an integer 'page' >= 1")
                        continue
                    text = sources.pdf_page(source, page)
                else:
                    text = sources.corpus_text(source)
            except (OSError, ValueError) as exc:
                failures.append(f"{ew}: cannot read source {source!r}: {exc}")
                continue

            ns = norm(snippet)
            pos = text.find(ns)
            if pos < 0:
                failures.append(f"{ew}: snippet not found in {source}{' p' + str(ev.get('page')) if pdf else ''}: {snippet!r}")
                continue
            # Every occurrence counts as a possible neighbourhood.
            while pos >= 0:
                windows.append(text[max(0, pos - NEIGHBOURHOOD): pos + len(ns) + NEIGHBOURHOOD])
                pos = text.find(ns, pos + 1)

        if len(kinds) > 1:
            failures.append(f"{where}: mixes corpus and PDF evidence")
        if qid and isinstance(qid, str):
            if qid.startswith("c") and "pdf" in kinds:
                failures.append(f"{where}: c-id but PDF evidence")
            if qid.startswith("p") and "corpus" in kinds:
                failures.append(f"{where}: p-id but corpus evidence")

        if windows:
            for kw in keywords:
                if not any(norm(kw) in w for w in windows):
                    failures.append(f"{where}: answer keyword {kw!r} not within {NEIGHBOURHOOD} chars of any snippet")

        if cat in CATEGORIES and isinstance(qid, str):
            (pdf_counts if qid.startswith("p") else corpus_counts)[cat] += 1
        _ = fails_before

    if not coverage:  # a held-out set is small: its questions are checked, not its size
        return failures, corpus_counts, pdf_counts
    # Coverage minimums from the brief.
    for c in CATEGORIES:
        if corpus_counts[c] < MIN_CORPUS[c]:
            failures.append(f"coverage: only {corpus_counts[c]} corpus '{c}' questions (need {MIN_CORPUS[c]})")
    if sum(corpus_counts.values()) < MIN_CORPUS_TOTAL:
        failures.append(f"coverage: only {sum(corpus_counts.values())} corpus questions (need {MIN_CORPUS_TOTAL})")
    if sum(pdf_counts.values()) < MIN_PDF_TOTAL:
        failures.append(f"coverage: only {sum(pdf_counts.values())} PDF questions (need {MIN_PDF_TOTAL})")
    if pdf_counts["unanswerable"] < 2:
        failures.append("coverage: need at least 2 unanswerable PDF questions")
    return failures, corpus_counts, pdf_counts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--questions", type=Path, default=REPO_ROOT / "eval" / "questions.json")
    ap.add_argument("--papers", type=Path, default=REPO_ROOT.parent / "shared" / "papers",
                    help="folder holding the real PDFs (default: ../shared/papers relative to the repo root)")
    ap.add_argument("--held-out", action="store_true",
                    help="a held-out set: check each question, not the development set's minimum counts")
    args = ap.parse_args(argv)

    try:
        questions = json.loads(args.questions.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        print(f"FAIL: cannot load {args.questions}: {exc}")
        return 1

    failures, corpus_counts, pdf_counts = check(questions, Sources(REPO_ROOT, args.papers.resolve()), coverage=not args.held_out)

    print(f"{'category':<16}{'corpus':>8}{'pdf':>6}{'total':>7}")
    for c in CATEGORIES:
        print(f"{c:<16}{corpus_counts[c]:>8}{pdf_counts[c]:>6}{corpus_counts[c] + pdf_counts[c]:>7}")
    tc, tp = sum(corpus_counts.values()), sum(pdf_counts.values())
    print(f"{'TOTAL':<16}{tc:>8}{tp:>6}{tc + tp:>7}")

    if failures:
        print(f"\n{len(failures)} failure(s):")
        for f in failures:
            print(f"  - {f}")
        return 1
    print("\nOK: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
