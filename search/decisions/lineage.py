"""Commitment lineage: one commitment's appearances across papers (a strategy's "we will", a
report's recommendation, a resolution, a progress-table row, an annual report's update).

Appearances are taken in date order (undated last) and each joins the group of the earlier
appearance it most closely repeats; every later member links to the group's first appearance,
so a timeline is the first appearance plus everything linked to it, ordered by date.
"""

from __future__ import annotations

import re
from collections import Counter

from minutebook.vocabulary import Decision, Document, Link

from minutebook.search.decisions.link_text import paper_date, parts, similarity, terms

SAME_TEXT = 85  # two appearances in (nearly) the same words
SAME_ID_TEXT = 70  # with the same commitment id ("1.1"), looser wording is enough
MIN_WORDS = 4  # "Develop the plan" says too little to be recognised elsewhere
COMMON_WORD_GROUPS = 300  # a word in more groups than this is too common to find candidates by
_ID = re.compile(r"^[A-Z]{0,3}\s?\d{1,2}(?:\.\d{1,2}){1,2}[a-z]?$|^[A-Z]{1,3}\s?\d{1,2}[a-z]?$")
_KINDS = ("commitment", "recommendation", "resolution")
_WE_WILL = re.compile(r"^.{0,120}?\bwe\s+will\s+", re.IGNORECASE)


def _commitment_id(decision: Decision) -> str | None:
    reference = (decision.reference or "").strip().rstrip(".")
    return reference.upper().replace(" ", "") if _ID.match(reference) else None


def _promise(text: str) -> str:
    """The promise without its preamble: "In the first year we will open ..." -> "open ..."."""
    match = _WE_WILL.search(text)
    return text[match.end():] if match else text


def _pair(a: Decision, b: Decision) -> tuple[int, str]:
    """(similarity, evidence) between two appearances."""
    best, where = 0, ""
    for text_a in map(_promise, parts(a)):
        words_a = set(terms(text_a))
        if len(words_a) < MIN_WORDS:
            continue
        for j, text_b in enumerate(map(_promise, parts(b))):
            words_b = set(terms(text_b))
            if len(words_b) < MIN_WORDS or len(words_a & words_b) < MIN_WORDS - 1:
                continue  # too few words in common to say the same thing: skip the fuzzy scores
            score = similarity(text_a, text_b)
            if score > best:
                best, where = score, (f" (item {j + 1})" if len(b.items) > 1 else "")
    same_id = _commitment_id(a) and _commitment_id(a) == _commitment_id(b)
    if same_id and best >= SAME_ID_TEXT:
        return max(best, SAME_TEXT), f"same commitment id {_commitment_id(a)}{where}, wording score {best}"
    if best >= SAME_TEXT:
        return best, f"same wording{where}, score {best}"
    return 0, ""


def group_commitments(papers: list[tuple[Document, list[Decision]]]) -> list[Link]:
    """same_commitment links from each later appearance to the first, for groups holding a commitment."""
    units = []
    for position, (document, decisions) in enumerate(papers):
        for decision in decisions:
            if decision.kind in _KINDS:
                date = paper_date(document)
                units.append(((date is None, date or "", position, decision.ordinal), document, decision))
    units.sort(key=lambda unit: unit[0])
    groups: list[list[tuple[Document, Decision, str]]] = []
    # Only groups sharing a rare word with a new appearance can hold its repeat: an inverted index of
    # words keeps this near linear (comparing every pair took hours at 100x the sample corpus).
    postings: dict[str, set[int]] = {}
    for _, document, decision in units:
        words = {w for text in parts(decision) for w in terms(_promise(text))}
        shared: Counter[int] = Counter()
        for word in words:
            groups_with_word = postings.get(word, ())
            if len(groups_with_word) <= COMMON_WORD_GROUPS:
                shared.update(groups_with_word)
        candidates = [index for index, count in shared.items() if count >= MIN_WORDS - 1]  # as _pair requires
        best = (0, -1, "")
        for index in sorted(candidates):
            group = groups[index]
            if any(member_doc.id == document.id or member_doc.id == document.repeat_of for member_doc, _, _ in group):
                continue  # one appearance per paper; a repeated paper is not a new appearance
            for member_doc, member, _ in group:
                score, evidence = _pair(decision, member)
                if score > best[0]:
                    best = (score, index, evidence.replace(",", f" as in \"{member_doc.title}\",", 1))
        if best[1] >= 0:
            target = best[1]
            groups[target].append((document, decision, best[2]))
        else:
            target = len(groups)
            groups.append([(document, decision, "")])
        for word in words:
            postings.setdefault(word, set()).add(target)
    links = []
    for group in groups:
        if len(group) < 2 or not any(decision.kind == "commitment" for _, decision, _ in group):
            continue
        first_doc, first, _ = group[0]
        for document, decision, evidence in group[1:]:
            dates = f"first in \"{first_doc.title}\"" + (f" ({paper_date(first_doc)})" if paper_date(first_doc) else "")
            links.append(Link("same_commitment", decision.id, first.id, None, _score(evidence), [evidence, dates]))
    return links


def _score(evidence: str) -> float:
    match = re.search(r"score (\d+)", evidence)
    value = int(match.group(1)) / 100 if match else 0.85
    return round(max(value, 0.85) if evidence.startswith("same commitment id") else value, 3)
