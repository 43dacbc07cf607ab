#!/usr/bin/env python3
"""The (question, candidate sentence) pairs chat weighs, labelled right or wrong, for fitting and
judging a model that reads the two together.

    python eval/sentence_pairs.py --wide-index W --papers-index P --out pairs.json [--top 30]

Every question of every set (eval/run_sets.py's list) is asked through chat; the sentences the
answer gate lets answer (``sentences.ranked_sentences`` with its gate) are kept, best supported
first, up to ``--top`` per question, each with the parts of its support. A sentence is right when
it holds every key fact of the question, or holds one and stands in the evidence's paper with words
of the evidence's snippet (most of the snippet's words, or the snippet holds most of its words).
Unanswerable questions' sentences are all wrong. Each question keeps its set and group, so a fit
can hold sets out.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from minutebook.search.chat import sentences  # noqa: E402
from minutebook.search.evaluate import load_questions, normalise, of_evidence_paper  # noqa: E402
from minutebook.search.service import Minutebook  # noqa: E402
from minutebook.settings import load_settings  # noqa: E402

from run_sets import question_sets  # noqa: E402

OVERLAP = 0.7  # share of the shorter text's words the longer holds, for "words of the snippet"


def overlaps(sentence: str, snippet: str) -> bool:
    a, b = set(normalise(sentence).split()), set(normalise(snippet).split())
    if not a or not b:
        return False
    return len(a & b) >= OVERLAP * min(len(a), len(b))


def right(sentence: str, source: str, question) -> bool:
    if not question.answerable:
        return False
    text = normalise(sentence)
    keys = [key for key in map(normalise, question.answer_keywords) if key]
    held = [k for k in keys if k in text]
    if keys and len(held) == len(keys):
        return True
    return bool(held) and any(of_evidence_paper(source, e) and overlaps(sentence, e.snippet) for e in question.evidence)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--wide-index", type=Path, required=True)
    ap.add_argument("--papers-index", type=Path, required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--top", type=int, default=30)
    args = ap.parse_args()
    libraries = {"wide": Minutebook(load_settings(index_dir=args.wide_index)),
                 "papers": Minutebook(load_settings(index_dir=args.papers_index))}

    seen: list[tuple] = []  # what ranked_sentences returned during the current question
    original = sentences.ranked_sentences

    def recording(turn, hits, *args, **kwargs):
        ranked = original(turn, hits, *args, **kwargs)
        seen.append((turn.query, hits, ranked))
        return ranked

    sentences.ranked_sentences = recording
    out = []
    for group, index, path in question_sets():
        for question in load_questions(path):
            seen.clear()
            answer = libraries[index].chat([{"role": "user", "content": question.question}])
            candidates = []
            for query, hits, ranked in seen:
                for c in ranked[: args.top]:
                    hit = hits[c.index]
                    candidates.append({
                        "query": query, "sentence": c.sentence, "score": round(c.score, 4), "words": round(c.words, 4),
                        "meaning": round(c.meaning, 4), "kind": round(c.kind, 4), "rank": c.index, "number": c.number,
                        "title": hit.document_title or "", "section": hit.section or "", "source": hit.source,
                        "page": hit.page, "right": right(c.sentence, hit.source, question),
                    })
            out.append({"set": path.name, "group": group, "id": question.id, "question": question.question,
                        "answerable": question.answerable,
                        "answered_by": answer.answered_by, "found": answer.found, "candidates": candidates})
        print(f"{path.name}: {sum(1 for q in out if q['set'] == path.name)} questions", file=sys.stderr)
    args.out.write_text(json.dumps(out))
    pairs = sum(len(q["candidates"]) for q in out)
    print(f"{len(out)} questions, {pairs} pairs, {sum(c['right'] for q in out for c in q['candidates'])} right", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
