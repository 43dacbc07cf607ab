"""Read a conversation: what the latest question asks, and what a follow-up refers back to.

No generative model: a follow-up ("and what did they decide?", "when was that?") is recognised by
its pronouns and its lack of a subject of its own, and borrows the subject of the question before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from minutebook.ingest.dates import date_spans
from minutebook.search.chat.names import name_words, question_names
from minutebook.search.decisions.registers import BODY_WORDS, DECISION_WORDS, is_about_a_decision
from minutebook.search.ranking.retrieve import query_terms
from minutebook.search.ranking.understand import is_date_word
from minutebook.search.storage.lexicon import stem

ANAPHORA = frozenset("they them their that this it its those these he she his her there then".split())
QUESTION_WORDS = frozenset(
    "what when where who whom which how why many much did does do was were is are tell show give explain "
    "describe know find me please happened happen".split()
)
_FOLLOW_UP_START = re.compile(r"^\s*(?:and|also|so|then|what about|how about|but)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Turn:
    question: str  # the latest user message, as written
    query: str  # what to search for: the question, plus the earlier subject for a follow-up
    asks: str  # decision | when | who | where | quantity | frequency | other
    followup: bool
    previous_question: str | None = None  # the question a follow-up refers back to (itself resolved)


def subject_terms(question: str) -> list[str]:
    """The words that say what a question is about (not how it asks, nor who decides)."""
    return [
        t for t in query_terms(question)
        if t not in QUESTION_WORDS and t not in ANAPHORA and t not in DECISION_WORDS and t not in BODY_WORDS
        and not is_date_word(t)
    ]


def measure_asked(nouns: str) -> re.Pattern:
    """A question naming the measure it asks for: "what local death toll ...", "what were the for,
    against and abstain vote counts", "what is the estimated cost". The words between are the
    measure's own, never a verb of the question ("what did they return?", "what was recommended
    about the share of ...?" ask no measure)."""
    return re.compile(
        r"\bwhat\s+(?:(?:is|was|are|were)\s+)?(?:the\s+)?"
        r"(?:(?!(?:is|was|are|were|did|does|do|has|have|had|will|would|can|could|should|about|of|on|in|to|from|with"
        r"|by|at|into|that|which|who|\w+ed\s+(?:about|of|on|in|to|by|for|that))\b)[\w'-]+,?\s+){0,5}?"
        rf"(?:{nouns})s?\b",
        re.IGNORECASE,
    )


_MEASURE = measure_asked("number|percentage|proportion|share|toll|figure|rate|total|amount|count|payback|return")


# "When the team links people up with groups, what proportion feel less isolated?": the opening
# clause sets the scene; the question is what follows its comma.
_SCENE = re.compile(
    r"^(?:and\s+)?(?:when|if|once|after|where)\b[^?]*?,\s*"
    r"(?=(?:(?:by|until|to|on|at|from)\s+)?(?:what|how|which|who|whom|when|where|is|are|was|were|do|does|did|can|will)\b)")


def what_it_asks(question: str) -> str:
    lower = question.lower().strip()
    lower = lower[m.end():] if (m := _SCENE.match(lower)) else lower
    if re.match(r"(?:and\s+)?(?:where|in which (?:paper|meeting|document))\b", lower) or "first commit" in lower or "first made" in lower:
        return "where"
    if re.match(r"(?:and\s+)?who\b", lower):  # "who took the decision" asks for a person
        return "who"
    if re.match(r"(?:and\s+)?(?:when|by when|(?:by|at|from|until|to|on)?\s*what (?:date|day|time))\b", lower):
        return "when"
    if re.match(r"(?:and\s+)?how (?:often|frequently|regularly)\b", lower):
        return "frequency"
    # "How many recommendations were made?" asks for a number, not for the recommendations; "how long
    # do applicants have to appeal the decision?" for a time, not for the decision.
    if re.search(r"\bhow (?:many|much|long|big|large|far|old)\b", lower) or _MEASURE.search(lower):
        return "quantity"
    if is_about_a_decision(question):
        return "decision"
    return "other"


SCENE_LEFT = 3  # words a question must keep once its scene is taken out, else it is read whole


def without_scene(question: str, known: str) -> str:
    """What a question asks about, without the meeting it names: its dates, and those of its
    names (question_names) that ``known`` holds, the bodies and places of
    the papers found ("What is proposed at 216 14th Street that came before the Manhattan Beach
    Planning Commission in November 2022?" -> "What is proposed at 216 14th Street that came before
    the in ?"). Every sentence of the right paper is of that meeting; the one that names it, a title
    block, is not the answer for doing so."""
    kept, at = [], 0
    for start, end in date_spans(question):
        kept.append(question[at:start])
        at = end
    text = " ".join([*kept, question[at:]])
    known_words = set(re.findall(r"\w+", known.lower()))
    for phrase in question_names(question):
        words = name_words(phrase)
        if all(word in known_words for word in words):
            for word in words:
                text = re.sub(rf"\b{re.escape(word)}(?:['’]s)?\b", " ", text, flags=re.IGNORECASE)
    text = " ".join(text.split())
    return text if len(re.findall(r"\w+", text)) >= SCENE_LEFT else question


# The words of a question about when or where a body meets that say nothing else (stems); the
# answerers reading meetings' times, places and schedules add their own.
MEETING_WORDS = frozenset(stem(word) for word in "meet meets met meeting meetings held hold holds session sessions".split())


def asked_beyond(question: str, known: str) -> set[str]:
    """The stems of the subject words a question keeps once the meeting it names (``known``, see
    without_scene) is taken out: what it asks about at that meeting, if anything. A body's number
    ("Ward Committee 12") and a possessive's "s" say nothing."""
    return {stem(term) for term in subject_terms(without_scene(question, known)) if len(term) > 1 and not term.isdigit()}


def read_turn(messages: list[dict]) -> Turn:
    """The latest user question, resolved against the user questions before it."""
    questions = [m["content"] for m in messages if m.get("role") == "user" and m.get("content", "").strip()]
    if not questions:
        raise ValueError("the conversation has no question from the user")
    question = questions[-1]
    if len(questions) == 1:
        return Turn(question, question, what_it_asks(question), followup=False)
    previous = read_turn([{"role": "user", "content": q} for q in questions[:-1]])
    words = set(query_terms(question)) | {w.lower() for w in re.findall(r"\w+", question)}
    own_subject = subject_terms(question)
    followup = bool(_FOLLOW_UP_START.match(question)) or (len(own_subject) <= 1 and bool(words & ANAPHORA)) or not own_subject
    if not followup:
        return Turn(question, question, what_it_asks(question), followup=False)
    borrowed = " ".join(t for t in subject_terms(previous.query) if t not in own_subject)
    return Turn(question, f"{question} {borrowed}".strip(), what_it_asks(question), True, previous.query)
