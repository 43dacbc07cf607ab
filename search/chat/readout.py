"""How a chosen sentence is read out: with the sentence it goes on from, the list it introduces,
the fields of its record, its paragraph's neighbours, the items of a long resolution the question is
about, and who "she" is from the passage before.

An answer is a sentence of the papers; read alone it may not say what it is about ("It was carried
6-1.") or may stop where its point goes on ("The Board agreed:"). Everything read with it comes from
the same passage, or from the next one of its section where a list runs on.
"""

from __future__ import annotations

import re

from minutebook.ingest.chunk import BULLET_GLYPHS, opens_list_item, sentence_spans, split_sentences
from minutebook.ingest.motions import is_roll_call, records_an_outcome
from minutebook.ingest.resolutions import records_a_decision

from minutebook.search.chat.answer import MIN_WORDS, coverage
from minutebook.search.storage.lexicon import Lexicon


def asks(sentence: str) -> bool:
    """A question in the papers ("Can the Cabinet Member tell me ...?"), read out with its reply."""
    return sentence.rstrip().endswith("?")


INTRODUCED_CHARS = 300  # how much of the list a sentence ending in ":" introduces is read out with it
# A sentence that goes on from the one before: "At this session, the Plan was largely agreed" (or
# one recording the outcome of the motion just described).
OPENING_WORDS = 6  # "RESULT: FAILED [4-2]", "The motion was carried": said first, not after a new motion
_MOVES = re.compile(r"(?:moved\s+by\b|motion\s*:|it\s+was\s+moved\b|on\s+(?:the\s+)?motion\s+(?:of|by)\b)", re.IGNORECASE)
_SECONDS = re.compile(r"\bseconded\b|^second(?:ed)?\s*(?:by\b|:)", re.IGNORECASE)  # "Councillor Birch seconded."
_REFERS_BACK = re.compile(r"^(?:at|in|during|after|following|from)\s+(?:this|that|these|those)\b", re.IGNORECASE)


def text_after(sentence: str, passage: str) -> str:
    """The text of ``passage`` after ``sentence`` ("" when it is not found or ends the passage)."""
    at = passage.find(sentence)
    return passage[at + len(sentence):].strip() if at >= 0 else ""


def list_introduced(sentence: str, passage: str) -> str:
    """The start of the list a sentence ending in ":" introduces in its passage, else ""."""
    return text_after(sentence, passage)[:INTRODUCED_CHARS] if sentence.rstrip().endswith(":") else ""


def named_before(sentence: str, passage: str, subject: list[str], lexicon: Lexicon) -> str:
    """For a decision that names what it decided only by reference ("The Board agreed to carrying
    out the bids"), the earlier sentence of its passage that names it best, followed by " " when it
    comes just before, else by " … "; "" when there is none."""
    at = passage.find(sentence)
    if at <= 0 or not records_a_decision(sentence):
        return ""
    own = coverage(lexicon, subject, sentence)
    if own >= MIN_WORDS:
        return ""
    before = [(start, end) for start, end in sentence_spans(passage) if end <= at]
    start, end = max(before, key=lambda span: coverage(lexicon, subject, passage[span[0]:span[1]]), default=(0, 0))
    if end == 0 or coverage(lexicon, subject, passage[start:end]) <= own:
        return ""
    return f"{passage[start:end]} {'' if passage[end:at].isspace() else '… '}"


# A record laid out a field a line ("Harbour School 12 Quay Street" / "Window Replacement" /
# "Ward 3: Okafor"): a field names what the record is about, the next fields say what it is.
FIELD_WORDS = 10  # a line this short, without a full stop, is a field
RECORD_FIELDS = 2  # the fields read out after the one chosen


_STOPS = (".", "!", "?", ";", ":")  # a line ending so is a sentence or a lead-in, not a field


def _is_field(line: str) -> bool:
    line = line.strip()
    return bool(line) and len(line.split()) <= FIELD_WORDS and not line.endswith(_STOPS)


def _record_goes_on(sentence: str, passage: str) -> str:
    """The next fields of the record a chosen line belongs to, when the line stands on its own
    without a full stop (a field, or the record's title line: "Case 7 - Demolition of a shed" /
    "Project Address: 12 Quay Street"); "" otherwise."""
    lines = [line.strip() for line in passage.split("\n")]
    if sentence not in lines or sentence.rstrip().endswith(_STOPS) or opens_list_item(sentence):
        return ""
    fields = []
    for line in lines[lines.index(sentence) + 1:]:
        if len(fields) == RECORD_FIELDS or not _is_field(line) or opens_list_item(line):
            break
        fields.append(line)
    return " ".join(fields)


def read_out(sentence: str, passage: str, subject: list[str] = (), lexicon: Lexicon | None = None, more: str = "") -> tuple[str, str]:
    """A chosen sentence as the answer says it: with the list it introduces when it ends in ":"
    ("The Board agreed:"), or with the next sentence when that goes on from it ("At this session,
    ..."). Returns (what is read from ``passage``, what is read from ``more``): a list running to
    the end of its passage goes on in the next passage of its section (``more``), and a long list
    is read by the items the question is about (``subject``), as a resolution is."""
    sentence = sentence.rstrip()
    following = text_after(sentence, passage)
    if not following:
        return sentence, ""
    if not sentence.endswith(":"):
        if asks(sentence):  # a question is read with its reply
            reply = split_sentences(following.split("\n", 1)[0])
            return (f"{sentence} {reply[0]}" if reply else sentence), ""
        if fields := _record_goes_on(sentence, passage):
            return f"{sentence} {fields}", ""
        first_line = following.split("\n", 1)[0]
        next_ones = split_sentences(first_line) if first_line.strip() else []
        after = next_ones[0] if next_ones else ""
        # It goes on when it refers back, or opens by moving what was just described ("Moved by X to adopt"),
        # seconding the motion just described, recording how it went or who voted how ("Nays: Ash.").
        opening = " ".join(after.split()[:OPENING_WORDS])
        goes_on = after and (_REFERS_BACK.match(after) or _MOVES.match(after) or _SECONDS.search(opening)
                             or records_an_outcome(opening) or is_roll_call(after))
        if not goes_on or len(after) > INTRODUCED_CHARS:
            return sentence, ""
        said = [after]
        for more_of_roll in next_ones[1:]:  # a vote's roll goes on a line a vote: "Nays: Ash. Absent: Birch."
            if not is_roll_call(more_of_roll) or sum(map(len, said)) + len(more_of_roll) > INTRODUCED_CHARS:
                break
            said.append(more_of_roll)
        return " ".join([sentence, *said]), ""
    here = [line.strip() for line in following.split("\n") if line.strip()]
    there = []
    for line in more.split("\n") if here and all(opens_list_item(line) for line in here) else ():
        if not opens_list_item(line):
            break  # the list has ended
        there.append(line.strip())
    items = here + there
    if lexicon is not None and sum(map(len, items)) > INTRODUCED_CHARS:
        chosen = items_asked_about(items, list(subject), lexicon)
    else:
        chosen, size = [], 0
        for n, line in enumerate(items):
            if chosen and size + len(line) > INTRODUCED_CHARS:
                break
            chosen.append(n)
            size += len(line)
    said_here = " ".join(items[n] for n in chosen if n < len(here))
    return f"{sentence} {said_here}".rstrip(), " ".join(items[n] for n in chosen if n >= len(here))


NEIGHBOUR_CHARS = 250  # a neighbour longer than this is a point of its own
PARAGRAPH_CHARS = 400  # a sentence is read with its neighbours up to this length in all
FOLLOWING = 3  # sentences of the paragraph read after the one chosen


def paragraph_neighbours(sentence: str, passage: str) -> tuple[str, str]:
    """The sentences of ``sentence``'s paragraph read with it, (before, after), each "" when there is
    none: minutes and reports spread one point over a few short sentences ("The grant was agreed. A
    maximum of $2,500 will be given."), and the sentence that answers best may leave the figure or
    the name to the next one, two or three. The one before is read only when the sentence refers back to
    it ("It has grown to 40 members"). A list item, a heading, a question and the next paragraph are
    other points, never read with it."""
    at = passage.find(sentence)
    if at < 0:
        return "", ""
    spans = sentence_spans(passage)
    end = at + len(sentence)
    before = next(((a, b) for a, b in reversed(spans) if b <= at), None)
    after = next(((a, b) for a, b in spans if a >= end), None)

    def same_point(span, gap: str) -> str:
        text = passage[span[0]:span[1]].strip() if span else ""
        # a heading, a field line or a question stands apart, as does the next paragraph
        return text if _short_point(text) and text.endswith((".", "!")) and "\n\n" not in gap else ""

    refers_back = _REFERS_TO_BEFORE.match(sentence.strip()) and not opens_list_item(sentence)
    prior = same_point(before, passage[before[1]:at]) if refers_back and before else ""
    if before and sentence.strip()[:1].islower() and not opens_list_item(sentence) and "\n\n" not in passage[before[1]:at]:
        # a sentence opening in lower case goes on from the line before ("... expects a grant" / "of $1,200 ...")
        text = passage[before[0]:before[1]].strip()
        prior = text if len(text) <= NEIGHBOUR_CHARS and not opens_list_item(text) else prior
    following: list[str] = []  # up to FOLLOWING sentences of the paragraph, within PARAGRAPH_CHARS
    while after and len(following) < FOLLOWING:
        said = same_point(after, passage[end:after[0]])
        if not said or len(sentence) + sum(map(len, following)) + len(said) > PARAGRAPH_CHARS:
            break
        following.append(said)
        end = after[1]
        after = next(((a, b) for a, b in spans if a >= end), None)
    later = " ".join(following)
    if len(sentence) + len(later) + len(prior) > PARAGRAPH_CHARS:
        prior = ""
    return prior, later


# "She stated that ...": who is speaking is named before, in the passage before when this one opens so.
PRONOUN = re.compile(r"(?:he|she|they)\b", re.IGNORECASE)
NAMING_BACK = 3  # sentences looked back over for the one naming who "she" is


def last_naming(passage: str) -> str:
    """The last of the closing sentences of ``passage`` that does not itself open with "he", "she" or
    "they" ("Ms. Ash said she walks the towpath daily."), when it is short; else ""."""
    spans = sentence_spans(passage)[-NAMING_BACK:]
    for start, end in reversed(spans):
        text = passage[start:end].strip()
        if not PRONOUN.match(text):
            # not _short_point: "Ms." opens it as a list marker would
            return text if len(text) <= NEIGHBOUR_CHARS and not _LIST_GLYPH.search(text) else ""
    return ""


def passage_opening(passage: str) -> str:
    """The first sentence of a passage, when it is a short point of its own ("" otherwise)."""
    spans = sentence_spans(passage)
    first = passage[spans[0][0]:spans[0][1]].strip() if spans else ""
    return first if _short_point(first) else ""


def _short_point(text: str) -> bool:
    """Whether a sentence may be read beside another: some words, short, and no list item (opening
    one, or items run together on a line: "... strengths: • Staff • Hours")."""
    return bool(text) and len(text) <= NEIGHBOUR_CHARS and not opens_list_item(text) and not _LIST_GLYPH.search(text)


_REFERS_TO_BEFORE = re.compile(r"(?:it|this|that|these|those|they|he|she|such)\b", re.IGNORECASE)
# Bullets inside a line; "§" is how a symbol font's bullet often comes out of a text layer.
_LIST_GLYPH = re.compile(f"[{BULLET_GLYPHS}§]")


def flat(text: str) -> str:
    return " ".join(text.split())


def unread(text: str, read: list[str]) -> str:
    """``text``, unless the answer reads it already (``read``: what it reads, whitespace closed up)."""
    return text if text and not any(flat(text) in other for other in read) else ""


MAX_ITEMS = 3  # a long resolution is answered by the items the question is about
SHORT_RESOLUTION = 600  # characters: a resolution this short is read out whole


def items_asked_about(items: list[str], subject: list[str], lexicon: Lexicon) -> list[int]:
    """Positions of the items a question is about: all of a short list, the best few of a long one."""
    if len(items) <= MAX_ITEMS or sum(map(len, items)) <= SHORT_RESOLUTION:
        return list(range(len(items)))
    scores = [coverage(lexicon, subject, item) for item in items]
    best = max(scores)
    if best <= 0:
        return list(range(MAX_ITEMS))
    keep = sorted(range(len(items)), key=lambda i: -scores[i])[:MAX_ITEMS]
    return sorted(i for i in keep if scores[i] >= 0.6 * best)
