"""Compose a cited answer from retrieved passages and decision rows, offline and extractive.

Every sentence of an answer is taken from a passage (or built from a decision row and its metadata)
and followed by a marker [n] to the exact passage that supports it. When the evidence is weak the
answer says so and offers the nearest passages as closest matches, never as an answer.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from minutebook.ingest.chunk import split_sentences
from minutebook.vocabulary import Hit

from .conversation import Turn, subject_terms
from .lexicon import Lexicon

NOT_FOUND = "Not found in the papers."
ANSWER_PASSAGES = 3  # answers come from the best few passages; each sentence costs an embedding
SEMANTIC_WEIGHT = 1.0  # weight of question-sentence cosine beside word coverage (0..1 each)
_DATE_WORDS = re.compile(
    r"\b(?:19|20)\d\d\b|\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\b",
    re.IGNORECASE,
)
_PERSON = re.compile(r"\b(?:[A-Z][a-z]+ [A-Z][a-z'-]+|Director|Chair|Councillor|Cllr|Officer|Manager|Lead|Head of)\b")


@dataclass
class Citation:
    n: int
    text: str  # the exact passage
    chunk_id: int
    source: str
    document_id: str
    document_title: str
    document_type: str | None = None
    body: str | None = None
    meeting_date: str | None = None
    agenda_item: str | None = None
    section: str | None = None
    page: int | None = None


@dataclass
class Answer:
    answer: str
    found: bool
    citations: list[Citation] = field(default_factory=list)
    decisions: list[dict] = field(default_factory=list)
    closest: list[Citation] = field(default_factory=list)  # offered when not found
    query: str = ""  # what was searched for (a follow-up carries the earlier subject)
    evidence: float = 0.0  # strength of the best evidence, 0..1


def _stem(word: str) -> str:
    return word[:5]


def coverage(lexicon: Lexicon, subject: list[str], text: str) -> float:
    """Share of the question's subject, weighted by rarity, that ``text`` contains."""
    if not subject:
        return 0.0
    present = {_stem(w) for w in re.findall(r"\w+", text.lower())}
    weights = {t: lexicon.idf_weight(t) for t in subject}
    total = sum(weights.values()) or 1.0
    return sum(w for t, w in weights.items() if _stem(t) in present) / total


def _context(hit: Hit) -> str:
    return " ".join(part for part in (hit.text, hit.document_title, hit.section or "", hit.body or "") if part)


def evidence_strength(lexicon: Lexicon, subject: list[str], hits: list[Hit]) -> float:
    """The best-covered of the top passages: how much of what was asked about the papers hold."""
    return max((coverage(lexicon, subject, _context(h)) for h in hits[:3]), default=0.0)


def _citation(n: int, hit: Hit) -> Citation:
    return Citation(
        n=n, text=hit.text, chunk_id=hit.chunk_id, source=hit.source, document_id=hit.document_id,
        document_title=hit.document_title, document_type=hit.document_type, body=hit.body,
        meeting_date=hit.meeting_date, agenda_item=hit.agenda_item, section=hit.section, page=hit.page,
    )


_LEADING_NUMBER = re.compile(r"^\s*\(?(?:\d{1,2}(?:\.\d{1,2})*|[ivx]{1,4}|[a-z])[.)]\s+", re.IGNORECASE)


def _sentence_score(sentence: str, rank: int, subject: list[str], lexicon: Lexicon, asks: str) -> float:
    score = coverage(lexicon, subject, sentence) + 0.2 / rank
    if asks == "quantity" and re.search(r"\d", _LEADING_NUMBER.sub("", sentence)):
        score += 0.3
    elif asks == "when" and _DATE_WORDS.search(sentence):
        score += 0.3
    elif asks == "who" and _PERSON.search(sentence):
        score += 0.2
    if len(sentence) < 25:
        score -= 0.3  # a heading or fragment answers nothing
    return score


def _where(hit: Hit) -> str:
    parts = [hit.document_title]
    if hit.body:
        parts.append(hit.body)
    if hit.meeting_date:
        parts.append(hit.meeting_date)
    if hit.agenda_item:
        parts.append(f"item {hit.agenda_item}")
    if hit.page:
        parts.append(f"page {hit.page}")
    return ", ".join(parts)


def extractive_answer(
    turn: Turn, hits: list[Hit], lexicon: Lexicon, similarity=None, max_sentences: int = 2
) -> tuple[str, list[Citation]]:
    """The best one or two sentences of the top passages, each with its marker.

    ``similarity`` (sentences -> cosine with the question), when given, lets a sentence that says
    the same in other words compete with one that repeats the question's words.
    """
    subject = subject_terms(turn.query)
    candidates = [
        (sentence, rank)
        for rank, hit in enumerate(hits[:ANSWER_PASSAGES], start=1)
        for line in hit.text.split("\n")
        for sentence in split_sentences(line)
    ]
    meaning = similarity([s for s, _ in candidates]) if similarity and candidates else [0.0] * len(candidates)
    scored = [
        (_sentence_score(sentence, rank, subject, lexicon, turn.asks) + SEMANTIC_WEIGHT * close, sentence, rank - 1)
        for (sentence, rank), close in zip(candidates, meaning)
    ]
    scored.sort(key=lambda item: -item[0])
    if not scored or not answers_the_kind(scored[0][1], turn.question, turn.asks):
        return "", []
    chosen: list[tuple[str, int]] = []
    for score, sentence, index in scored:
        if len(chosen) == max_sentences or (chosen and score < 0.75 * scored[0][0]):
            break
        if all(sentence != s for s, _ in chosen):
            chosen.append((sentence, index))
    citations: list[Citation] = []
    numbers: dict[int, int] = {}
    parts: list[str] = []
    for sentence, index in chosen:
        if index not in numbers:
            numbers[index] = len(citations) + 1
            citations.append(_citation(numbers[index], hits[index]))
        parts.append(f"{sentence.rstrip()} [{numbers[index]}]")
    if turn.asks == "where" and citations:
        first = hits[min(numbers)]
        parts.insert(0, f"In {_where(first)}:")
    return " ".join(parts), citations


def decision_answer(row: dict, hits: list[Hit], passage: Hit | None) -> tuple[str, list[Citation]]:
    """A decision row read out as an answer, cited to the passage that records it."""
    c = row["citation"]
    verb = {"resolution": "resolved", "recommendation": "was recommended to", "action": "was promised",
            "commitment": "committed"}.get(row["kind"], "decided")
    who = f"The {c['body']}" if c.get("body") else f"{c['document_title']}"
    when = f" on {c['meeting_date']}" if c.get("meeting_date") else ""
    label = f" (minute {row['reference']}, {row['title']})" if row["kind"] == "resolution" and row.get("reference") else ""
    if row["kind"] == "recommendation":
        head = f"{who}{when} {verb}"
    else:
        head = f"{who} {verb}{when}{label}"
    items = row["items"]
    body = "; ".join(f"({i}) {item.rstrip('.;')}" for i, item in enumerate(items, start=1)) if items else row["text"]
    outcome = f" Outcome: {row['outcome']}." if row.get("outcome") else ""
    if passage is None:
        return f"{head}: {body}.{outcome}", []
    return f"{head}: {body}. [1]{outcome}", [_citation(1, passage)]


# Which register a question about a decision is asking after, by its verb.
_KIND_WORDS = {
    "resolution": {"resolve", "resolved", "decide", "decided", "decision", "agree", "agreed", "approve", "approved", "vote", "voted", "resolution"},
    "recommendation": {"recommend", "recommended", "recommendation", "recommendations", "asked"},
    "action": {"promise", "promised", "action", "actions", "follow"},
    "commitment": {"commit", "committed", "commitment", "commitments", "pledge"},
}
MIN_DECISION_COVERAGE = 0.5


def choose_decision(rows: list[dict], question: str, subject: list[str], lexicon: Lexicon) -> dict | None:
    """The decision row a question asks for: of the kind its verb names, covering its subject."""
    words = set(re.findall(r"\w+", question.lower()))
    wanted = [kind for kind, verbs in _KIND_WORDS.items() if words & verbs]
    ranked = sorted(
        rows,
        key=lambda r: (r["kind"] in wanted, coverage(lexicon, subject, f"{r.get('title') or ''} {r['text']}")),
        reverse=True,
    )
    for row in ranked:
        if coverage(lexicon, subject, f"{row.get('title') or ''} {row['text']}") >= MIN_DECISION_COVERAGE:
            return row
    return None


def asks_for_a_resolution(question: str) -> bool:
    """Whether a question asks what was decided (resolved, agreed, approved), not what was proposed."""
    words = set(re.findall(r"\w+", question.lower()))
    return bool(words & _KIND_WORDS["resolution"]) and not words & _KIND_WORDS["recommendation"]


def answers_the_kind(sentence: str, question: str, asks: str) -> bool:
    """A how-many answer needs a number, a when answer a date, that the question did not give."""
    given = set(re.findall(r"\d[\d,.]*", question)) | {m.lower() for m in _DATE_WORDS.findall(question)}
    sentence = _LEADING_NUMBER.sub("", sentence)  # "2. A Relational ..." is numbered, not a number
    if asks == "quantity":
        return any(n not in given for n in re.findall(r"\d[\d,.]*", sentence))
    if asks == "when":
        return any(m.lower() not in given for m in _DATE_WORDS.findall(sentence))
    return True


def when_answer(hit: Hit) -> tuple[str, list[Citation]]:
    """For "when was that?": the meeting and paper of the previous answer's source."""
    if hit.meeting_date:
        meeting = f"at the {hit.body} meeting on {hit.meeting_date}" if hit.body else f"on {hit.meeting_date}"
        return f"That was {meeting}, in {_where(hit)}. [1]", [_citation(1, hit)]
    return f"The paper gives no meeting date; it is {_where(hit)}. [1]", [_citation(1, hit)]


def as_dict(answer: Answer) -> dict:
    return asdict(answer)
