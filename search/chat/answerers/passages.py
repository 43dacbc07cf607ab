"""The extractive answer: the best supported sentences of the passages found, read out and cited.

A question of two parts ("What was recommended, and what did the trusts do?") gets a sentence for
each; a second part of a word or two ("..., and when?") asks it of the first part's subject, unless
the first part's answer has already said it. For a question about what was decided only a sentence
that records a decision, or a sentence of minutes (which tell what was done in their own words), can
answer: a report or an agenda that merely mentions the subject is no evidence that anything was
decided.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from minutebook.search.chat.answer import NOT_FOUND, Answer, Citation

from minutebook.search.chat.sentences import ANSWER_SENTENCES, answer_passages, extractive_answer
from minutebook.search.chat.conversation import Turn, read_turn, without_scene
from minutebook.search.chat.evidence import Evidence
from minutebook.search.chat.kinds import Asked, answers_the_kind
from minutebook.search.ranking.understand import asks_for
from minutebook.search.storage.lexicon import Lexicon


def answer(turn: Turn, evidence: Evidence) -> Answer | None:
    if not evidence.hits:
        return None
    # "How many young people voted?" asks for a number, which a decision need not hold.
    decided = asks_for(turn.question) == "decision" and turn.asks in ("decision", "other", "when")
    kept = evidence.sentence_vectors([hit.chunk_id for hit in evidence.hits])
    question = evidence.encode((evidence.searched_for or turn.query)[: evidence.max_query_chars])
    pool = answer_passages(evidence.hits, {chunk: float((vectors @ question).max()) for chunk, vectors in kept.items() if len(vectors)})
    parts = question_parts(turn.question) if not turn.followup else [turn.question]
    if len(parts) == 1:
        text, citations, support = _extract(turn, evidence, pool, decided, kept)
    else:  # each question of "What was recommended, and what did the trusts do?" gets its sentence
        answered = answer_parts(turn.question, parts, evidence.lexicon, lambda part_turn, said: _extract(
            part_turn, evidence, pool, decided, kept, max_sentences=1, said=said))
        text, citations = join_answers([(part, text, cited) for part, text, cited, _ in answered])
        support = max(support for _, _, _, support in answered)
    return Answer(answer=text, found=bool(citations), query=turn.query, citations=citations, evidence=round(support, 3))


def _extract(turn: Turn, evidence: Evidence, pool: list, decided: bool, kept: dict, max_sentences: int = ANSWER_SENTENCES,
             said: str = ""):
    """The extractive answer to ``turn`` from the passages ``pool``: (text, citations, support).
    ``kept`` holds the passages' sentence vectors, read once for every part of the question."""
    lexicon = evidence.lexicon
    # Sentences are weighed against the question as repaired ("campaing" -> "campaign").
    if turn.query == evidence.query:  # repaired once already, by the search
        repaired_query = evidence.searched_for or turn.query
    else:
        repaired_query = lexicon.repair(turn.query)[0] if evidence.repair_queries else turn.query
    repaired = replace(turn, query=repaired_query)
    # Sentences are compared in meaning with what the question asks about, not with the meeting it
    # names (the papers found say which bodies and places that is): every sentence of the right
    # paper is of that meeting, and a title block naming it is not the answer for doing so.
    known = " ".join(part for hit in pool for part in (hit.organisation, hit.body) if part)
    about = without_scene(repaired.query, f"{known} {evidence.context.get('body') or ''}")
    question = evidence.encode(about[: evidence.max_query_chars])
    stored = {n: (kept[hit.chunk_id] @ question).tolist() for n, hit in enumerate(pool) if hit.chunk_id in kept}
    return extractive_answer(
        repaired, pool, lexicon, lambda sentences: (evidence.embed(sentences) @ question).tolist(),
        max_sentences=max_sentences, min_support=evidence.min_support, decided=decided,
        asked=evidence.searched_for, context=evidence.context, paper=evidence.paper, said=said, stored=stored,
        next_passage=evidence.next_passage, previous_passage=evidence.previous_passage,
    )


_A_TIME = r"(?:when|(?:what|which)\s+(?:date|day|time))\b"  # "by" goes before these only: "by when", not "by which bodies"
_TWO_QUESTIONS = re.compile(
    r"^(?P<first>(?:what|who|when|where|how|which|why|did|does|do|was|were|is|are|has|have)\b.+?),?\s+and\s+"
    rf"(?P<second>(?:by\s+(?={_A_TIME}))?(?:what|who|when|where|how|which|why|did|does|do|was|were|is|are|has|have)\b.+)$",
    re.IGNORECASE | re.DOTALL,
)
# A second part that asks only for a time, a cause, a person, a place or a figure ("..., and by
# when?"): it asks that of what the first part is about.
_ELLIPTICAL = re.compile(rf"^(?:by\s+{_A_TIME}|(?:{_A_TIME}|why|who|where|how\s+(?:much|many|long))\b)\W*$", re.IGNORECASE)


def question_parts(question: str) -> list[str]:
    """"What was recommended after the review, and what did the trusts do?" is two questions;
    each is answered by its own sentence, as is "What did she promise, and when?". Anything else is
    one."""
    match = _TWO_QUESTIONS.match(question.strip())
    if not match or len(match["first"].split()) < 3:
        return [question]
    if len(match["second"].split()) < 3 and not _ELLIPTICAL.match(match["second"]):
        return [question]
    return [match["first"].rstrip(" ,?") + "?", match["second"]]


def answered_already(part: Turn, said: str, question: str, lexicon: Lexicon) -> bool:
    """Whether a part of a word or two ("when?") is answered by what the parts before it said ("What
    will she bring back, and when?" answered "a plan, in June"), the whole ``question`` giving what
    it names itself (the meeting's date is no answer to "when?")."""
    return bool(said) and bool(_ELLIPTICAL.match(part.question)) and answers_the_kind(said, question, Asked.read(part), lexicon)


def answer_parts(question: str, parts: list[str], lexicon: Lexicon,
                 answer_part: Callable[[Turn, str], tuple[str, list[Citation], float]]) -> list[tuple[str, str, list[Citation], float]]:
    """Each part of ``question`` answered in turn by ``answer_part(part_turn, said)`` (text, citations,
    support; "" and none when it finds nothing), ``said`` being what the parts before it said; a short
    part they have answered already is left out. Returns (part, text, citations, support) each."""
    asked = [{"role": "user", "content": part} for part in parts]
    answered: list[tuple[str, str, list[Citation], float]] = []
    for n, part in enumerate(parts):
        said = " ".join(text for _, text, _, _ in answered if text)
        part_turn = read_turn(asked[: n + 1])  # "when?" borrows the subject of the part before it
        if not answered_already(part_turn, said, question, lexicon):
            answered.append((part, *answer_part(part_turn, said)))
    return answered


def join_answers(parts: list[tuple[str, str, list[Citation]]]) -> tuple[str, list[Citation]]:
    """Answers to the parts of a question, (part, answer, citations) each, as one: each passage cited
    once and numbered in order, and a part the papers do not answer said to be not found, when
    another part is answered ("... [1] Not found in the papers: what were they worth?")."""
    citations: list[Citation] = []
    number_of: dict[int, int] = {}  # chunk id -> its number in the joined answer
    texts: list[str] = []
    answered = any(cited for _, _, cited in parts)
    for part, text, cited in parts:
        if not cited:
            if answered:
                texts.append(f"{NOT_FOUND[:-1]}: {part[:1].lower()}{part[1:]}")
            continue
        if text in texts:
            continue
        renumber = {}
        for citation in cited:
            if citation.chunk_id not in number_of:
                number_of[citation.chunk_id] = len(citations) + 1
                citations.append(replace(citation, n=number_of[citation.chunk_id]))
            renumber[citation.n] = number_of[citation.chunk_id]
        texts.append(re.sub(r" \[(\d+)\](?=\s|$)", lambda m: f" [{renumber.get(int(m[1]), m[1])}]", text))
    return " ".join(texts), citations
