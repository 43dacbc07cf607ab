"""Retrieval benchmark: recall@1/5/10, MRR@10 and latency of each ranking mode, side by side.

A question file is a JSON list of ``{"id", "question", "category", "evidence": [{"source",
"snippet", "page"?}]}``. A result is a hit when its passage contains an evidence snippet (compared
case-, whitespace- and punctuation-insensitively, a table row's cells without their column names),
its source path ends with the evidence's ``source``, and, when the evidence gives a ``page``, the
passage spans that page.
"""

from __future__ import annotations

import json
import re
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path

from minutebook.vocabulary import Hit

from minutebook.search.chat.answer import Citation
from minutebook.search.service import MODES, Minutebook

CUTOFFS = (1, 5, 10)


@dataclass(frozen=True)
class Evidence:
    source: str
    snippet: str
    page: int | None = None


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    category: str
    evidence: tuple[Evidence, ...]
    answer_keywords: tuple[str, ...] = ()

    @property
    def answerable(self) -> bool:
        return bool(self.evidence)


def load_questions(path: Path) -> list[Question]:
    raw = json.loads(Path(path).read_text())
    return [
        Question(
            id=q["id"],
            question=q["question"],
            category=q.get("category", "other"),
            evidence=tuple(Evidence(e["source"], e["snippet"], e.get("page")) for e in q.get("evidence", [])),
            answer_keywords=tuple(q.get("answer_keywords", [])),
        )
        for q in raw
    ]


def normalise(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


# A table row as a passage shows it ("Topic: Assets | Notes: Indemnity limit £100,000"): each cell
# after its column's name. A snippet copied from the page reads the cells alone, in the same order.
_CELL_NAME = re.compile(r"(?:^|(?<= \| ))[^|:\n]{1,60}: ", re.MULTILINE)


def shown(section: str | None, text: str) -> str:
    """A passage as a result or citation shows it: under its heading. Evidence that is the heading
    ("1. Identify strengths ...", a recommendation's title) is shown with the passage it heads."""
    return normalise(f"{section or ''} {text}")


def holds(snippet: str, section: str | None, text: str) -> bool:
    """The passage, shown under its heading, holds the snippet as the brief for writing questions
    promises to compare it: case, punctuation and whitespace ignored (a text layer that runs words
    together, "JoeLoggia", is the same words as the passage's "Joe Loggia"), and a table row's cells
    read without the column names the passage puts before them."""
    wanted = normalise(snippet).replace(" ", "")
    if wanted in shown(section, text).replace(" ", ""):
        return True
    return " | " in text and wanted in shown(section, _CELL_NAME.sub("", text)).replace(" ", "")


def of_evidence_paper(source: str, item: Evidence) -> bool:
    """A passage's or citation's source is the evidence's paper (named relative to its folder)."""
    return source.replace("\\", "/").endswith(item.source.lstrip("./"))


def on_evidence_page(hit: Hit, item: Evidence) -> bool:
    """The passage is of the evidence's paper and stands on its page (one it runs over counts), when
    the evidence gives a page."""
    if not of_evidence_paper(hit.source, item):
        return False
    return item.page is None or (hit.page or 0) <= item.page <= (hit.last_page or hit.page or 0)


def is_hit(hit: Hit, evidence: tuple[Evidence, ...]) -> bool:
    return any(on_evidence_page(hit, item) and holds(item.snippet, hit.section, hit.text) for item in evidence)


def cites_passage(citation: Citation, evidence: Evidence) -> bool:
    """The citation's passage, as it is shown under its heading, holds the evidence's snippet whole."""
    return of_evidence_paper(citation.source, evidence) and holds(evidence.snippet, citation.section, citation.text)


def cites_page(citation: Citation, evidence: Evidence) -> bool:
    """The citation points at the evidence's paper and page (the page it shows, or one its passage
    runs on to), whether or not the passage holds the whole snippet: a snippet that a passage
    boundary or a table's columns cut in two is still found where the citation sends the reader."""
    if evidence.page is None or not of_evidence_paper(citation.source, evidence):
        return False
    return evidence.page == citation.page or evidence.page in {page for _, page in citation.page_breaks}


def facts_given(question: Question, answer: str) -> list[bool]:
    """Which of the question's key facts the answer's text holds."""
    text = normalise(answer)
    return [normalise(k) in text for k in question.answer_keywords]


def first_hit_rank(hits: list[Hit], evidence: tuple[Evidence, ...]) -> int | None:
    return next((rank for rank, hit in enumerate(hits, start=1) if is_hit(hit, evidence)), None)


@dataclass
class ModeScores:
    ranks: dict[str, int | None] = field(default_factory=dict)  # question id -> first hit rank
    latencies_ms: list[float] = field(default_factory=list)

    def recall(self, ids: list[str], cutoff: int) -> float:
        return sum(1 for i in ids if (self.ranks[i] or 10**9) <= cutoff) / len(ids) if ids else 0.0

    def mrr(self, ids: list[str], cutoff: int = 10) -> float:
        return sum(1 / r for i in ids if (r := self.ranks[i]) and r <= cutoff) / len(ids) if ids else 0.0


def run_benchmark(library: Minutebook, questions: list[Question], modes=MODES, k: int = 10) -> dict:
    """Every answerable question through every mode; returns the report as plain data."""
    answerable = [q for q in questions if q.answerable]
    scores = {mode: ModeScores() for mode in modes}
    for mode in modes:
        library.encode.clear()  # each mode pays for its own query embeddings
        for question in answerable:
            started = time.perf_counter()
            hits = library.search(question.question, k=k, mode=mode).results
            scores[mode].latencies_ms.append((time.perf_counter() - started) * 1000)
            scores[mode].ranks[question.id] = first_hit_rank(hits, question.evidence)
    categories = sorted({q.category for q in answerable})
    by_category = {c: [q.id for q in answerable if q.category == c] for c in categories}
    all_ids = [q.id for q in answerable]

    def summary(ids: list[str], mode: str) -> dict:
        s = scores[mode]
        return {
            **{f"recall@{n}": round(s.recall(ids, n), 3) for n in CUTOFFS},
            "mrr@10": round(s.mrr(ids), 3),
            "questions": len(ids),
        }

    report = {
        "questions": len(questions),
        "answerable": len(answerable),
        "overall": {
            mode: {
                **summary(all_ids, mode),
                "p50_ms": round(statistics.median(scores[mode].latencies_ms), 1) if answerable else 0.0,
                "p95_ms": round(_percentile(scores[mode].latencies_ms, 95), 1) if answerable else 0.0,
            }
            for mode in modes
        },
        "categories": {c: {mode: summary(ids, mode) for mode in modes} for c, ids in by_category.items()},
        "ranks": {mode: dict(scores[mode].ranks) for mode in modes},
        "missed": {
            mode: [
                {"id": q.id, "question": q.question, "rank": scores[mode].ranks[q.id]}
                for q in answerable
                if (scores[mode].ranks[q.id] or 10**9) > 5
            ]
            for mode in modes
        },
    }
    return report


def _percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def format_report(report: dict) -> str:
    modes = list(report["overall"])
    lines = [f"{report['answerable']} answerable of {report['questions']} questions", ""]
    header = f"{'':<16}" + "".join(f"{m:>12}" for m in modes)
    lines.append(header)
    for metric in ("recall@1", "recall@5", "recall@10", "mrr@10", "p50_ms", "p95_ms"):
        lines.append(f"{metric:<16}" + "".join(f"{report['overall'][m][metric]:>12}" for m in modes))
    lines += ["", "recall@5 by category", header]
    for category, per_mode in report["categories"].items():
        n = next(iter(per_mode.values()))["questions"]
        lines.append(f"{category + f' ({n})':<16}" + "".join(f"{per_mode[m]['recall@5']:>12}" for m in modes))
    last = modes[0]
    if report["missed"][last]:
        lines += ["", f"missed by {last} (not in the top 5)"]
        lines += [f"  {m['id']}: {m['question']} (rank {m['rank']})" for m in report["missed"][last]]
    return "\n".join(lines)


def run_chat_benchmark(library: Minutebook, questions: list[Question]) -> dict:
    """Each question asked through chat: key facts in the answer, evidence cited, refusals."""
    per_category: dict[str, dict[str, list[float]]] = {}
    latencies: list[float] = []
    failures: list[dict] = []
    answers: list[dict] = []  # one per question, for comparing runs question by question
    for question in questions:
        started = time.perf_counter()
        answer = library.chat([{"role": "user", "content": question.question}])
        latencies.append((time.perf_counter() - started) * 1000)
        scores = per_category.setdefault(question.category, {"facts": [], "cited": [], "page": [], "refused": []})
        scores["refused"].append(0.0 if answer.found else 1.0)
        answers.append({"id": question.id, "category": question.category, "found": answer.found,
                         "answer": answer.answer, "confidence": answer.confidence})
        if not question.answerable:
            if answer.found:
                failures.append({"id": question.id, "question": question.question, "problem": "answered", "answer": answer.answer})
            continue
        facts = facts_given(question, answer.answer)
        scores["facts"].append(sum(facts) / len(facts) if facts else 1.0)
        cited = any(cites_passage(c, e) for e in question.evidence for c in answer.citations)
        page_cited = cited or any(cites_page(c, e) for e in question.evidence for c in answer.citations)
        scores["cited"].append(1.0 if cited else 0.0)
        scores["page"].append(1.0 if page_cited else 0.0)
        answers[-1].update(facts=sum(facts) / len(facts) if facts else 1.0, cited=cited, page_cited=page_cited)
        if not answer.found or not cited or not all(facts):
            failures.append({"id": question.id, "question": question.question,
                             "problem": "refused" if not answer.found else ("not cited" if not cited else "facts missing"),
                             "answer": answer.answer})

    def mean(values: list[float]) -> float | None:
        return round(sum(values) / len(values), 3) if values else None

    answerable = [c for c in per_category if c != "unanswerable"]
    everything = {key: [v for c in answerable for v in per_category[c][key]] for key in ("facts", "cited", "page", "refused")}
    return {
        "questions": len(questions),
        "key_facts": mean(everything["facts"]),
        "evidence_cited": mean(everything["cited"]),
        "evidence_page_cited": mean(everything["page"]),
        "answerable_refused": mean(everything["refused"]),
        "unanswerable_refused": mean(per_category.get("unanswerable", {}).get("refused", [])),
        "p50_ms": round(statistics.median(latencies), 1) if latencies else 0.0,
        "p95_ms": round(_percentile(latencies, 95), 1),
        "categories": {c: {k: mean(v) for k, v in s.items()} for c, s in per_category.items()},
        "failures": failures,
        "answers": answers,
    }


def format_chat_report(report: dict) -> str:
    lines = [
        f"chat over {report['questions']} questions",
        f"key facts in the answer     {report['key_facts']}",
        f"evidence among citations    {report['evidence_cited']}",
        f"evidence's page cited       {report['evidence_page_cited']}",
        f"answerable refused          {report['answerable_refused']}",
        f"unanswerable refused        {report['unanswerable_refused']}",
        f"latency p50 / p95 (ms)      {report['p50_ms']} / {report['p95_ms']}",
        "",
        f"{'category':<16}{'facts':>8}{'cited':>8}{'refused':>9}",
    ]
    for category, s in sorted(report["categories"].items()):
        lines.append(f"{category:<16}{s['facts'] if s['facts'] is not None else '-':>8}{s['cited'] if s['cited'] is not None else '-':>8}{s['refused']:>9}")
    if report["failures"]:
        lines += ["", "not right"]
        lines += [f"  {f['id']} ({f['problem']}): {f['question']}\n      -> {f['answer'][:160]}" for f in report["failures"]]
    return "\n".join(lines)
