"""Who took a decision, wrote a paper or holds a post: "Who took decision 24/00093?" is answered by
the decision maker its record names; "Who wrote the report on X?" by the author the paper's header
names; "Who was the Executive Director of X?" or "Who chaired X?" by the line of a paper's list of
members or officers that puts a name beside that post ("Jo Reid  Executive Director")."""

from __future__ import annotations

import re

from minutebook.vocabulary import Hit

from minutebook.search.chat.answer import ANSWER_PASSAGES, MIN_WORDS, Answer, Citation, cite, coverage, where_said
from minutebook.search.chat.conversation import Turn, subject_terms
from minutebook.search.chat.names import names_present, question_names, words_of
from minutebook.search.chat.period import paper_speaks_of_period, speaks_of_period
from minutebook.search.chat.evidence import Evidence
from minutebook.search.storage.lexicon import Lexicon, stem
from minutebook.search.chat.answerers.decision import choose_decision


def answer(turn: Turn, evidence: Evidence) -> Answer | None:
    if turn.asks != "who":
        return None
    text, citations = maker_answer(
        turn, evidence.decisions, evidence.lexicon, lambda row, said: evidence.passage_for(row, said, anywhere=True))
    if not citations:
        text, citations = author_answer(turn, evidence.hits, evidence.lexicon, evidence.author_of)
    if not citations:
        text, citations = post_answer(turn, evidence)
    return Answer.cited(turn.query, text, citations)


_MAKER_QUESTION = re.compile(
    r"\bwho\s+(?:took|takes|made|makes|signed|is\s+(?:to\s+)?(?:take|taking|make|making))\b.*\bdecision\b"
    r"|\bdecision[- ]?(?:maker|taker)\b|\bwho\s+decided\b",
    re.IGNORECASE,
)


def maker_answer(turn: Turn, rows: list[dict], lexicon: Lexicon, passage_for) -> tuple[str, list[Citation]]:
    """"Who took decision 24/00093?": the decision maker its record of decision names, cited to the
    passage naming them. The row is the one whose reference the question gives, else the one
    covering its subject. ``passage_for(row, text)`` finds the Hit holding ``text`` in the row's paper."""
    if not _MAKER_QUESTION.search(turn.question):
        return "", []
    made = [r for r in rows if (r.get("details") or {}).get("decision_maker")]
    named = [r for r in made if r.get("reference") and r["reference"] in turn.question]
    row = next(iter(named), None) or choose_decision(made, turn.question, subject_terms(turn.query), lexicon)
    maker = row["details"]["decision_maker"] if row else None
    passage = passage_for(row, maker) if row else None
    if passage is None:
        return "", []
    c = row["citation"]
    what = f"Decision {row['reference']}" if row.get("reference") else "The decision"
    about = f" ({row['title']})" if row.get("title") else ""
    when = f" on {c['meeting_date']}" if c.get("meeting_date") else ""
    return f"{what}{about} was taken{when} by {maker}. [1]", [cite(1, passage)]


_AUTHOR_QUESTION = re.compile(r"\b(?:who\s+(?:wrote|authored|prepared|drafted)|author\s+of|who\s+is\s+the\s+author)\b", re.IGNORECASE)


def author_answer(turn: Turn, hits: list[Hit], lexicon: Lexicon, author_of) -> tuple[str, list[Citation]]:
    """"Who wrote the report on X?": the author the paper's header names, cited to its passage.

    ``author_of(document_id)`` gives a paper's recorded author (or None). The paper must be the one
    asked about: its title holds most of the question's subject.
    """
    if not _AUTHOR_QUESTION.search(turn.question):
        return "", []
    subject = subject_terms(turn.query)
    for hit in hits[:ANSWER_PASSAGES]:
        author = author_of(hit.document_id)
        if author and coverage(lexicon, subject, hit.document_title) >= MIN_WORDS:
            return f'The report "{hit.document_title}" ({where_said(hit)}) is by {author}. [1]', [cite(1, hit)]
    return "", []


# "Who was the Executive Director of ...", "Who is the chair of ...", "Who chaired ...": the post is the
# words after "the" up to the body or time the question goes on to, or the verb made a noun.
_POST_QUESTION = re.compile(
    r"^\s*who\s+(?:is|was|are|were|will\s+be|served\s+as|acted\s+as)\s+(?:the\s+|its\s+|their\s+)?(?P<post>[a-z][\w -]{1,40}?)"
    r"\s*(?:\b(?:of|for|at|on|in|to|during|when)\b|[?,]|$)"
    r"|^\s*who\s+(?P<verb>chaired|chairs|clerked|clerks|presided)\b",
    re.IGNORECASE,
)
_VERB_POST = {"chaired": "chair", "chairs": "chair", "clerked": "clerk", "clerks": "clerk", "presided": "president"}
_NAME = re.compile(r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor)\.?\s+)?[A-Z][a-z'’.-]+(?:\s+[A-Z][a-z'’.-]*\.?){1,3}")
POST_LINE_WORDS = 10  # a line of a list of members: a name and a post, no sentence


def post_answer(turn: Turn, evidence: Evidence) -> tuple[str, list[Citation]]:
    """"Who was the Executive Director?": a line of a passage that is only a name beside that post
    ("Alex Morgan, Chair", "Executive Director: Jo Reid"), from a passage of the paper the
    question names, cited to it."""
    match = _POST_QUESTION.search(turn.question)
    if not match:
        return "", []
    post = _VERB_POST.get((match["verb"] or "").lower()) or match["post"]
    wanted = [stem(word) for word in re.findall(r"[a-z]+", post.lower()) if word not in ("a", "an", "the")]
    if not wanted or len(wanted) > 4:
        return "", []
    names = question_names(turn.question)
    for hit in evidence.hits[:ANSWER_PASSAGES]:
        if not names_present(names, words_of(f"{hit.text} {hit.section or ''} {hit.document_title}"), evidence.lexicon):
            continue
        if not (speaks_of_period(hit.text, hit.meeting_date, evidence.context)
                or paper_speaks_of_period(evidence.paper(hit.document_id), evidence.context)):
            continue  # the list of another year's paper
        heading = (hit.section or "").rsplit(" > ", 1)[-1]  # a short line of a list is often read as a heading
        for line in [*hit.text.split("\n"), heading]:
            line = line.strip()
            words = re.findall(r"[A-Za-z]+", line)
            if not line or len(words) > POST_LINE_WORDS:
                continue
            stems = [stem(word.lower()) for word in words]
            at = next((i for i in range(len(stems)) if stems[i:i + len(wanted)] == wanted), None)
            if at is None:
                continue
            # The rest of the line, once the post is taken out, must be someone's name.
            rest = re.sub(r"\s+", " ", line.replace(" ".join(words[at:at + len(wanted)]), " ")).strip(" ,:;–-")
            person = _NAME.fullmatch(rest)
            if person and not any(stem(w.lower()) in wanted for w in rest.split()):
                return f"{line} [1]", [cite(1, hit)]
    return "", []
