"""What an answer is: its text, its citations (each the exact passage, where it stands, and the
spans of the sentences read out of it), and the helpers every way of answering shares.

Every sentence of an answer is taken from a passage (or built from a decision row and its metadata)
and followed by a marker [n] to the exact passage that supports it. When the evidence is weak the
answer says so and offers the nearest passages as closest matches, never as an answer.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from minutebook.ingest.chunk import page_at, sentence_spans, split_sentences
from minutebook.vocabulary import Hit

from minutebook.search.storage.lexicon import Lexicon, stem as _stem
from minutebook.search.storage.repeats import normalise

NOT_FOUND = "Not found in the papers."
ANSWER_PASSAGES = 9  # answers come from the passages chat retrieves first (docs/chat.md: 5, 8, 9, 12 measured)
# An answer's passage holds this much of the subject, or its sentence is this close in meaning. On the
# dev set every MIN_MEANING from 0.40 to 0.50 gives the same answers but one: p020's resolution,
# which says "bathing beach monitoring" for "water quality at swimming spots", is at 0.49.
MIN_WORDS, MIN_MEANING = 0.45, 0.45


@dataclass
class Citation:
    n: int
    text: str  # the exact passage
    chunk_id: int
    source: str
    document_id: str
    document_title: str
    document_type: str | None = None
    organisation: str | None = None
    body: str | None = None
    meeting_date: str | None = None
    agenda_item: str | None = None
    section: str | None = None
    page: int | None = None
    spans: list[list[int]] = field(default_factory=list)  # [start, end) in ``text`` of each sentence read out
    ocr: float | None = None  # the passage was read by OCR from a scan: its word confidence
    # [offset, page] where each later page of a passage that runs over a page break begins: ``page``
    # is the page of the first sentence read out (mark_read)
    page_breaks: list[list[int]] = field(default_factory=list)


@dataclass
class Answer:
    answer: str
    found: bool
    citations: list[Citation] = field(default_factory=list)
    decisions: list[dict] = field(default_factory=list)
    closest: list[Citation] = field(default_factory=list)  # offered when not found
    query: str = ""  # what was searched for (a follow-up carries the earlier subject)
    evidence: float = 0.0  # support of the best sentence (subject share + cosine + bonuses; see MINUTEBOOK_MIN_EVIDENCE)
    answered_by: str = ""  # the way of answering that gave it (search/chat/answerers/), "" when not found
    confidence: float | None = None  # the probability that it gives what was asked (chat/confidence.py)

    @classmethod
    def cited(cls, query: str, text: str, citations: list[Citation]) -> "Answer | None":
        """An answerer's (text, citations) as an Answer, or None when it cites nothing (it did not answer)."""
        return cls(answer=text, found=True, query=query, citations=citations) if citations else None


def coverage(lexicon: Lexicon, subject: list[str], text: str) -> float:
    """Share of the question's subject, weighted by rarity, that ``text`` contains."""
    if not subject:
        return 0.0
    present = {_stem(w) for w in re.findall(r"\w+", text.lower())}
    weights = {t: lexicon.idf_weight(t) for t in subject}
    total = sum(weights.values()) or 1.0
    return sum(w for t, w in weights.items() if _stem(t) in present) / total


def cite(n: int, hit: Hit) -> Citation:
    return Citation(
        n=n, text=hit.text, chunk_id=hit.chunk_id, source=hit.source, document_id=hit.document_id,
        document_title=hit.document_title, document_type=hit.document_type, organisation=hit.organisation, body=hit.body,
        meeting_date=hit.meeting_date, agenda_item=hit.agenda_item, section=hit.section, page=hit.page, ocr=hit.ocr,
        page_breaks=hit.page_breaks,
    )


def where_said(hit: Hit) -> str:
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


def first_words(text: str, limit: int) -> str:
    """The whole sentences of ``text`` that fit in ``limit`` characters, or its first words and "..."."""
    taken = ""
    for sentence in split_sentences(text):
        if len(taken) + len(sentence) + 1 > limit:
            break
        taken = f"{taken} {sentence}".strip()
    if taken:
        return taken
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:. ") + " ..."


_LEAD_MARK = re.compile(r"^(?:\(?[0-9ivx]{1,4}(?:\.\d{1,3})*[.)]\s+|[-•*▪]\s+)", re.IGNORECASE)
READ_PREFIX = 60  # a long sentence shortened in the answer is known by its first words


def _plain(text: str) -> str:
    return " ".join(_LEAD_MARK.sub("", text.strip()).split())


def mark_read(answer: Answer) -> None:
    """Give each citation the spans of its passage's sentences that the answer reads out, so the
    reader sees which words were used: a sentence counts when the answer holds it (without its
    paragraph number or bullet), or, if long, its first words. A passage that runs over a page
    break is then cited at the page of the first sentence read out."""
    said = _plain(answer.answer)
    for citation in answer.citations:
        spans = []
        for start, end in sentence_spans(citation.text):
            plain = _plain(citation.text[start:end])
            if len(plain) >= 12 and (plain in said or (len(plain) > 2 * READ_PREFIX and plain[:READ_PREFIX] in said)):
                spans.append([start, end])
        citation.spans = spans
        if spans:
            citation.page = page_at(citation.page, citation.page_breaks, spans[0][0])


CORROBORATING = 2  # passages at most cited beside an answer's own for saying the same sentence
_MIN_SAID = 40  # characters: a sentence this long is one statement, not a common phrase


def corroborate(answer: Answer, hits: list[Hit], limit: int = CORROBORATING) -> int:
    """Cite, after the answer's own passages, others found that state a sentence it reads out word for
    word (an agenda's item and the minutes recording it, a report and the pack carrying it): where
    else the body's papers say it. Reads the spans ``mark_read`` gave; returns how many it added."""
    said = [words for c in answer.citations for a, b in c.spans if len(words := normalise(c.text[a:b])) >= _MIN_SAID]
    cited = {c.chunk_id for c in answer.citations}
    papers = {c.document_id for c in answer.citations}
    # the same body's other papers: a sentence shared across bodies is boilerplate, not corroboration
    bodies = {(c.organisation, c.body) for c in answer.citations}
    added = 0
    for hit in hits:
        if added >= limit or not said:
            break
        if hit.chunk_id in cited or hit.document_id in papers or (hit.organisation, hit.body) not in bodies:
            continue
        plain = normalise(hit.text)
        if any(s in plain for s in said):
            citation = cite(len(answer.citations) + 1, hit)
            answer.citations.append(citation)
            papers.add(hit.document_id)
            added += 1
    if added:  # said in the answer, so the reader knows why the passage is listed
        markers = ", ".join(f"[{c.n}]" for c in answer.citations[-added:])
        answer.answer = f"{answer.answer} Also stated in {markers}."
    return added


def as_dict(answer: Answer) -> dict:
    return asdict(answer)


def cited_lines(query: str, lines: list[tuple[str, int]], hit_of) -> "Answer | None":
    """An answer reading out (line, chunk id) pairs in order, each line cited to its passage (a
    passage cited once, after its lines in a row); ``hit_of(chunk_id)`` gives the passage. None when
    one cannot be found."""
    order = list(dict.fromkeys(chunk_id for _, chunk_id in lines))
    passages = [hit_of(chunk_id) for chunk_id in order]
    if not all(passages):
        return None
    runs: list[tuple[list[str], int]] = []  # lines of one passage in a row are cited once, after the last
    for line, chunk_id in lines:
        if runs and runs[-1][1] == chunk_id:
            runs[-1][0].append(line)
        else:
            runs.append(([line], chunk_id))
    text = " ".join(f"{'; '.join(said)} [{order.index(chunk_id) + 1}]" for said, chunk_id in runs)
    return Answer.cited(query, text, [cite(n, passage) for n, passage in enumerate(passages, start=1)])
