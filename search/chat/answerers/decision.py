"""A decision row as the answer: "What did the board decide about the Prevent duty?" is answered
by the resolution the registers hold (of the kind its verb names, from the meeting it names, about
its subject), read out item by item, each item cited to the passage recording it."""

from __future__ import annotations

import re

from minutebook.search.chat.answer import Answer, Citation, cite, coverage, first_words

from minutebook.search.chat.period import in_period, speaks_of_period
from minutebook.search.chat.readout import items_asked_about
from minutebook.search.chat.conversation import Turn
from minutebook.search.chat.evidence import Evidence
from minutebook.search.chat.kinds import KIND_WORDS
from minutebook.search.storage.lexicon import Lexicon
from minutebook.search.chat.names import names_present, question_names, words_of
from minutebook.search.decisions.registers import BODY_WORDS
from minutebook.search.ranking.understand import asks_for


def answer(turn: Turn, evidence: Evidence) -> Answer | None:
    if turn.asks != "decision":
        return None
    row = choose_decision(evidence.decisions, turn.question, evidence.subject, evidence.lexicon, evidence.context, evidence.paper)
    if row is None:
        return None
    text, citations = decision_answer(row, evidence.subject, evidence.lexicon, lambda said: evidence.passage_for(row, said))
    return Answer.cited(turn.query, text, citations)


UPDATE_CHARS = 300  # how much of a tracked commitment's latest update is read out


def decision_answer(row: dict, subject: list[str], lexicon: Lexicon, passage_for) -> tuple[str, list[Citation]]:
    """A decision row read out as an answer; each item cites the passage that records it.

    ``passage_for(text)`` finds the Hit recording ``text`` in the row's paper (or None).
    """
    c = row["citation"]
    verb = {"resolution": "resolved", "recommendation": "was recommended to", "action": "was promised",
            "commitment": "committed"}.get(row["kind"], "decided")
    who = f"The {c['body']}" if c.get("body") else f"{c['document_title']}"
    maker = (row.get("details") or {}).get("decision_maker")
    if maker:  # a record of decision: one member or officer decided
        who, verb = maker, "decided"
    when = f" on {c['meeting_date']}" if c.get("meeting_date") else ""
    numbered = "decision" if c.get("document_type") == "decision_record" else "minute"
    label = f" ({numbered} {row['reference']}, {row['title']})" if row["kind"] == "resolution" and row.get("reference") else ""
    head = f"{who}{when} {verb}" if row["kind"] == "recommendation" else f"{who} {verb}{when}{label}"
    items = row["items"] or [row["text"]]
    chosen = items_asked_about(items, subject, lexicon)
    if len(chosen) < len(items):
        head += f" (item{'s' if len(chosen) > 1 else ''} {', '.join(str(i + 1) for i in chosen)} of {len(items)})"
    citations: list[Citation] = []
    numbers: dict[int, int] = {}
    cited: list[tuple[str, int | None]] = []  # (item as read out, its citation number)
    for i in chosen:
        passage = passage_for(items[i])
        if passage is not None and passage.chunk_id not in numbers:
            numbers[passage.chunk_id] = len(citations) + 1
            citations.append(cite(numbers[passage.chunk_id], passage))
        text = items[i].rstrip(".;")
        cited.append((f"({i + 1}) {text}" if row["items"] else text, numbers[passage.chunk_id] if passage else None))
    outcome = f" Outcome: {row['outcome']}." if row.get("outcome") else ""
    progress = _progress(row.get("details") or {}, passage_for, citations, numbers)
    if len(citations) == 1 and all(n == 1 for _, n in cited):  # all from one passage: one marker, at the end
        return f"{head}: {'; '.join(text for text, _ in cited)}. [1]{outcome}{progress}", citations
    parts = [f"{text} [{n}]" if n else text for text, n in cited]
    return f"{head}: {'; '.join(parts)}.{outcome}{progress}", citations


def _progress(details: dict, passage_for, citations: list[Citation], numbers: dict[int, int]) -> str:
    """A tracked commitment's owner, status and latest update ("what has been delivered against
    it?" is the question asked most of a progress tracker), the update cited to its passage."""
    said = [f"{label}: {details[key]}." for key, label in (("owner", "Owner"), ("status", "Status")) if details.get(key)]
    update = " ".join((details.get("update") or "").split())
    if update:
        shown = first_words(update, UPDATE_CHARS)
        passage = passage_for(update[:UPDATE_CHARS])
        marker = ""
        if passage is not None:
            if passage.chunk_id not in numbers:
                numbers[passage.chunk_id] = len(citations) + 1
                citations.append(cite(numbers[passage.chunk_id], passage))
            marker = f" [{numbers[passage.chunk_id]}]"
        said.append(f"Latest update: {shown if shown.endswith(('.', '...')) else shown + '.'}{marker}")
    return "".join(f" {part}" for part in said)


MIN_DECISION_COVERAGE = 0.5


def choose_decision(
    rows: list[dict], question: str, subject: list[str], lexicon: Lexicon, context: dict | None = None, paper=None,
) -> dict | None:
    """The decision row a question asks for: of the kind its verb names, from the meeting it names,
    covering its subject, taken by the bodies it names and in a paper naming the places it names
    (``paper``, as for answer_gate). A question about what was decided is not answered by a recommendation the
    minutes do not show was agreed."""
    context = context or {}
    words = set(re.findall(r"\w+", question.lower()))
    wanted = [kind for kind, verbs in KIND_WORDS.items() if words & verbs]
    decided = asks_for(question) == "decision"

    def read(row: dict) -> str:  # the row with its paper's title and body, which a question may name
        c = row["citation"]
        return f"{row.get('title') or ''} {row['text']} {c.get('document_title') or ''} {c.get('body') or ''} {c.get('source') or ''}"

    def cover(row: dict) -> float:
        return coverage(lexicon, subject, read(row))

    # The first body the question names took the decision ("What did Kent's Scrutiny Committee agree
    # about decision 24/00093?"): the row or its paper's title says so. Other names ("Portsmouth",
    # "COVID", the "Cabinet Members" it asks to act) may be anywhere in the paper.
    names = question_names(question)
    bodies = [name for name in names if name[-1] in BODY_WORDS][:1]
    places = [name for name in names if name not in bodies]

    ranked = sorted(rows, key=lambda r: (r["kind"] in wanted, in_period(r["citation"].get("meeting_date"), context), cover(r)), reverse=True)
    for row in ranked:
        if decided and row["kind"] == "recommendation" and row.get("outcome") not in ("agreed", "amended"):
            continue
        if not speaks_of_period(row["text"], row["citation"].get("meeting_date"), context):
            continue  # the question names another meeting
        if cover(row) >= MIN_DECISION_COVERAGE and names_present(bodies, words_of(read(row)), lexicon) and (
            names_present(places, words_of(read(row)), lexicon)
            or (paper is not None and names_present(places, paper(row["citation"]["document_id"]).words, lexicon))
        ):
            return row
    return None
