"""Which sentences of the passages found answer a question: candidates ranked by the share of the
question's subject they hold and their closeness in meaning, gated (of the kind asked, from the
paper and meeting named, recording a decision when one is asked about), and read out with what
they introduce or go on from, each cited to its passage (extractive_answer)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from minutebook.ingest.chunk import BULLET_GLYPHS, opens_list_item, sentence_spans, split_sentences
from minutebook.ingest.metadata import header_fields
from minutebook.ingest.motions import is_roll_call, records_an_outcome
from minutebook.ingest.noise import is_furniture
from minutebook.ingest.packs import PAGE_RANGE
from minutebook.ingest.resolutions import records_a_decision
from minutebook.ingest.sections import headings_of
from minutebook.vocabulary import Hit

from minutebook.search.chat.conversation import Turn, subject_terms
from minutebook.search.chat.kinds import Asked, answers_the_kind, of_the_kind, promises
from minutebook.search.chat.names import by_initials, name_words, names_present, question_names, words_of
from minutebook.search.chat.period import financial_years, in_period, paper_speaks_of_period, speaks_of_period
from minutebook.search.storage.lexicon import Lexicon
from minutebook.search.chat.answer import ANSWER_PASSAGES, MIN_MEANING, MIN_WORDS, Citation, cite, coverage, where_said

# Chat looks this far down the ranking for passages one of whose sentences is close in meaning to the
# question, and adds the closest few: a paraphrase that shares no words with its answer ranks low as a
# whole passage ("pandemic death toll" -> "over 400 people have died", 20th), while the sentence saying
# it is among the closest of all (dev set: c049 answered).
MEANING_CANDIDATES, MEANING_PASSAGES = 30, 2
SEMANTIC_WEIGHT = 1.0  # weight of question-sentence cosine beside word coverage (0..1 each)
SEMANTIC_POOL = 8  # sentences (best by words) that are also compared by meaning
KIND_POOL = 4  # and at most this many more of the kind asked for
SEMANTIC_CHARS = 240  # what a sentence says is in its first words; the rest costs time

ANSWER_SENTENCES = 3  # an answer reads out at most this many sentences
SECOND_SENTENCE = 0.6  # another sentence joins the answer when its support is this close to the best
KIND_SECOND = 0.65  # or, when the best is not of the kind asked for, the best that is, this close

# A contents line points to an answer, it does not give one: it names two pages ("Chapter 5:
# Recommendations page 41 ... page 44") or a range of them ("5 Annual Report (Pages 13 - 16)").
_CONTENTS = re.compile(rf"\bpages?\s+\d+\b.*\bpages?\s+\d+\b|{PAGE_RANGE}", re.IGNORECASE)
KIND_BONUS = 0.3  # a sentence of the kind asked for (a number, a date, a recommendation ...) gains this


def _sentence_score(sentence: str, rank: int, subject: list[str], lexicon: Lexicon, asked: Asked, context: str = "") -> float:
    # A sentence is read with its paper's title and heading: "the strategy" in the title is said there.
    score = coverage(lexicon, subject, f"{sentence} {context}") + 0.2 / rank
    score += KIND_BONUS * of_the_kind(sentence, asked)
    if _says_little(sentence):
        score -= 0.3
    return score


def _says_little(sentence: str) -> bool:
    """A heading, a fragment or a contents line: it answers nothing."""
    return len(sentence) < 25 or bool(_CONTENTS.search(sentence))


# A reference to a source: "Data Team (2023). Resident Survey, Data Observatory.", a web address.
# A passage whose lines mostly give one is a reference list; elsewhere a sentence is a reference when it
# opens as one (an address, an author and year) or points to one ("available at:"): a sentence that
# only goes on to an address ("join by video at 5:15 p.m. ... Direct link https://...") says something.
_ADDRESS = r"https?://|\bwww\."
_SOURCE_ELSE = r"\bavailable\s+(?:at|from)\s*:|^\W*(?:\d{1,3}\.\s+)?[^.]{0,120}\(\d{4}[a-z]?\)\."  # points to one, or an author and year
_SOURCE_LINE = re.compile(rf"{_ADDRESS}|{_SOURCE_ELSE}", re.IGNORECASE)
_SOURCE_SENTENCE = re.compile(rf"^\W*(?:{_ADDRESS})|{_SOURCE_ELSE}", re.IGNORECASE)


def source_sentences(passage: str, spans: list[tuple[int, int]]):
    """A test of whether the sentence at an offset of ``passage`` (split into ``spans``) is a reference
    to a source. A page read as one long line holds sentences of every kind beside its web addresses."""
    lines = [line for line in passage.split("\n") if line.strip()]
    cites = sum(bool(_SOURCE_LINE.search(line)) for line in lines)
    if cites >= 2 and 2 * cites >= len(lines):
        return lambda offset: True  # a reference list
    cited = [(start, end) for start, end in spans if _SOURCE_SENTENCE.search(passage[start:end])]
    return lambda offset: any(start <= offset < end for start, end in cited)


def says_nothing(sentence: str, reply: str = "") -> bool:
    """A question ("Can the Cabinet Member tell me how many ...?") asks; a paper's header block
    ("Title of meeting: ... Subject: ... Report by: ...") labels the paper. Neither answers; a
    reference to a source (source_sentences) names where something was said, and does not say it either.
    A question with its reply after it (minutes of questions and answers: "What would correcting the
    £52k ledger error cost?" / "Nothing: it is a timing difference.") says what the reply answers, and is read
    out with it."""
    return (_asks(sentence) and (not reply or _asks(reply))) or header_fields(sentence) >= 2


def _asks(sentence: str) -> bool:
    return sentence.rstrip().endswith("?")


def _next_sentence(passage: str, spans: list[tuple[int, int]], number: int) -> str:
    return passage[spans[number + 1][0]:spans[number + 1][1]] if number + 1 < len(spans) else ""


@dataclass
class Candidate:
    sentence: str
    index: int  # position of its passage among the hits
    score: float
    words: float = 0.0  # share of the question's subject its passage holds, with the paper's title and heading
    meaning: float = 0.0  # cosine with the question (0 when not compared)
    kind: float = 0.0  # how well it is of the kind of answer asked for (see of_the_kind)
    number: int = 0  # its place among its passage's sentences (sentence_spans), as the index keeps their vectors; -1: an item title


def ranked_sentences(
    turn: Turn, hits: list[Hit], lexicon: Lexicon, similarity=None, keep=None, asked: Asked | None = None,
    stored: dict[int, list[float]] | None = None,
) -> list[Candidate]:
    """The sentences of ``hits`` (see answer_passages) that ``keep`` allows, best supported first.

    Support is the share of the question's subject the sentence holds (read with its paper's
    title and heading), plus its cosine with the question, so a sentence that says the same in
    other words competes with one that repeats the question. The cosines of a passage's sentences
    come from the vectors the index keeps (``stored``: passage position -> one cosine per sentence),
    else from embedding the likeliest sentences now (``similarity``: sentences -> cosines).
    """
    subject = subject_terms(turn.query)
    asked = asked or Asked.read(turn)
    names = question_names(turn.query)
    read = [f"{hit.text} {_context_of(hit)}" for hit in hits]  # each passage with its paper's title, heading and names
    spelt = [spelt_out(text, names) for text in read]
    passage_cover = [coverage(lexicon, subject, f"{text} {names_in_full}") for text, names_in_full in zip(read, spelt)]
    found = [
        (hit.text[start:end], index, number)
        for index, hit in enumerate(hits)
        for spans in [sentence_spans(hit.text)]
        for cites in [source_sentences(hit.text, spans)]
        for number, (start, end) in enumerate(spans)
        if not cites(start) and not says_nothing(hit.text[start:end], _next_sentence(hit.text, spans, number))
    ]
    found += _item_titles(hits)
    candidates = [
        Candidate(sentence, index, _sentence_score(sentence, index + 1, subject, lexicon, asked, f"{_read_with(sentence, hits[index])} {spelt[index]}"),
                  passage_cover[index], kind=of_the_kind(sentence, asked), number=number)
        for sentence, index, number in found
    ]
    if keep is not None:  # before embedding: the pool compared by meaning is of sentences that may answer
        candidates = [c for c in candidates if keep(c)]
    candidates.sort(key=lambda c: -c.score)
    unmeasured = []
    stored = stored or {}
    for candidate in candidates:
        cosines = stored.get(candidate.index)
        if cosines is not None and 0 <= candidate.number < len(cosines):
            candidate.meaning = float(cosines[candidate.number])
            candidate.score += SEMANTIC_WEIGHT * candidate.meaning
        else:
            unmeasured.append(candidate)
    if similarity and unmeasured:
        # Embedding every sentence costs more than the search: the best by words are embedded, and
        # the best few of the kind asked for ("It is recommended that ..."), which say it in few words.
        pool = unmeasured[:SEMANTIC_POOL]
        pool += [c for c in unmeasured[SEMANTIC_POOL:] if c.kind > 0][:KIND_POOL]
        for candidate, close in zip(pool, similarity([c.sentence[:SEMANTIC_CHARS] for c in pool])):
            candidate.score += SEMANTIC_WEIGHT * close
            candidate.meaning = close
    return sorted(candidates, key=lambda c: -c.score)


# An agenda's or a minute's item title is what the item is, and often who brings it ("Pilot of the
# Harbour Scheme – Dana Fox"); the structure layer makes it the heading of the text under it. It may
# answer as a sentence of the best-ranked passage under it. A report's headings only name its parts.
ITEM_TITLE_TYPES = ("agenda", "minutes")
ITEM_TITLE_WORDS = 4  # "Background", "Public Comment" name a part, not an item


def _item_titles(hits: list[Hit]) -> list[tuple[str, int, int]]:
    """(title, passage position, -1) for the item title agenda or minutes passages stand under (the
    nearest heading of four words or more), with the best-ranked of them, unless its text repeats
    it; -1: the index keeps no sentence vector for it."""
    found, seen = [], set()
    for index, hit in enumerate(hits):
        # the nearest heading that is an item's title: a passage may stand under a sub-heading
        # ("Comments") of the item; the first part of the path is the paper's own root
        headings = [part.strip() for part in headings_of(hit.section or "")]
        title = next((part for part in reversed(headings) if len(part.split()) >= ITEM_TITLE_WORDS), "")
        if (title and hit.document_type in ITEM_TITLE_TYPES and (title, hit.document_id) not in seen
                and title not in hit.text and not says_nothing(title)):
            seen.add((title, hit.document_id))
            found.append((title, index, -1))
    return found


def answer_passages(hits: list[Hit], closest: dict[int, float]) -> list[Hit]:
    """The passages an answer is read from: the first ANSWER_PASSAGES of the ranking, then the
    MEANING_PASSAGES of the rest whose closest sentence is closest in meaning to the question
    (``closest``: chunk id -> that sentence's cosine), in ranking order."""
    rest = [(closest[hit.chunk_id], n) for n, hit in enumerate(hits[ANSWER_PASSAGES:], start=ANSWER_PASSAGES) if hit.chunk_id in closest]
    added = sorted(n for _, n in sorted(rest, reverse=True)[:MEANING_PASSAGES])
    return hits[:ANSWER_PASSAGES] + [hits[n] for n in added]


def spelt_out(text: str, names: list[list[str]]) -> str:
    """The question's long names that ``text`` gives only by their initials, in full: a paper calling
    itself "HESB" holds the words of "Harbourside Emergency Services Board" a question asks by."""
    tokens = set(re.findall(r"\w+", text.lower()))
    return " ".join(" ".join(words) for words in map(name_words, names) if by_initials(words, tokens))


def _context_of(hit: Hit) -> str:
    """What every sentence of a passage is read with: its paper's title, body and organisation and its
    heading. A title block names them too, and is not the answer for doing so."""
    return " ".join(part for part in (hit.document_title, hit.section or "", hit.body or "", hit.organisation or "") if part)


def _read_with(sentence: str, hit: Hit) -> str:
    """What a sentence is read with when weighing what it is about: its paper's title and heading,
    and, for a sentence recording a decision ("The Board agreed to carrying out the bids"), the
    discussion before it in its passage, which that decision concludes and names the subject of,
    and the list it introduces when it ends in ":", which says what was decided."""
    context = _context_of(hit)
    if not records_a_decision(sentence):
        return context
    at = hit.text.find(sentence)
    context = f"{_introduced(sentence, hit.text)} {context}"  # "The Council agreed to call on ... to:" and what to
    return f"{hit.text[:at]} {context}" if at > 0 else context


# A question answered by an address, a phone number or an e-mail: furniture may answer it. The words
# ask in lower case: "Telephone" in "the Harbour Telephone Relay Board" is part of a name.
_ASKS_CONTACT = re.compile(r"\b(?:where|address|venue|located|location|phone|telephone|call|e-?mail|contact|website)\b")


def asks_contact(question: str) -> bool:
    return bool(_ASKS_CONTACT.search(question[:1].lower() + question[1:]))


_NAMED_RECORD = re.compile(
    r"\b(?:resolution|decision|minute|motion|ordinance|item|record)s?\s+(?:no\.?\s*|number\s*)?(?P<ref>\d+(?:[/.-]\d+)+)\b", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z]{2,}")
_DASHES = str.maketrans("‐‑‒–—−", "------")


def _compact(reference: str) -> str:
    """A record's number as papers space and dash it alike: "112 – 2023" and "112-2023"."""
    return re.sub(r"\s", "", reference.translate(_DASHES))

FRAGMENT_WORDS = 4  # a sentence of fewer words must itself name what the question is about


def _with_neighbours(sentence: str, passage: str) -> str:
    """A sentence with the one before it in its passage ("E. RESOLUTION (2019-41) Contract with ...
    Amount to be received ... is not to exceed $142,000.00.") and the list it introduces."""
    at = passage.find(sentence)
    before = [passage[start:end] for start, end in sentence_spans(passage) if end <= at][-1:] if at > 0 else []
    return " ".join([*before, sentence, _introduced(sentence, passage)])


def answer_gate(
    turn: Turn, hits: list[Hit], lexicon: Lexicon, decided: bool, asked: str | None = None, context: dict | None = None,
    paper=None, kind: Asked | None = None,
):
    """A test of whether a sentence may answer: it is of the kind asked, from a paper naming the
    things named, about the meeting named, and (for a question about what was decided) records a
    decision taken. What the question asks is read once; the names and the period are checked once
    per passage and, when the passage lacks one, against its whole paper (``paper(document_id)``, a
    Paper): a paper says "Portsmouth" or the month of the meeting its minutes record once, not in
    every passage."""
    names = question_names(asked or turn.question)
    kind = kind or Asked.read(turn)
    report = kind.report
    context = context or {}
    named: dict[int, bool] = {}
    in_time: dict[int, bool] = {}

    subject = subject_terms(turn.query)
    # "resolution 2019-44", "decision 24/00093": a record named by its number is answered only by a
    # sentence that gives that number, or goes on from one that does (papers space it as they like:
    # "(2019- 44)").
    references = {_compact(m["ref"]) for m in _NAMED_RECORD.finditer(asked or turn.question)}

    asks_where = turn.asks == "where" or asks_contact(turn.question)
    yes_or_no = bool(_YES_OR_NO.match(turn.question))
    years_asked = financial_years(asked or turn.question)

    def may_answer(candidate: Candidate) -> bool:
        sentence, hit = candidate.sentence, hits[candidate.index]
        if not asks_where and is_furniture(sentence):
            return False  # an address, a phone line or a signature rule says where, not what
        # The paper may be that record: its title gives the number ("Resolution No 112 – 2023").
        if references and not any(r in _compact(f"{hit.document_title or ''} {_with_neighbours(sentence, hit.text)}") for r in references):
            return False
        if len(_WORD.findall(sentence)) < FRAGMENT_WORDS and not coverage(lexicon, subject, sentence):
            return False  # a table's total line, a stray label: what it is about is only in its context
        # The passage says the period once ("In July 2020, the Panel published ... It recommends ..."):
        # any of its sentences may answer for it; or its paper does (an agenda pack's minutes of the
        # month before).
        if candidate.index not in in_time:
            in_time[candidate.index] = speaks_of_period(f"{hit.text} {_context_of(hit)}", hit.meeting_date, context) or (
                paper is not None and paper_speaks_of_period(paper(hit.document_id), context))
        if not in_time[candidate.index]:
            return False
        if years_asked and (told := financial_years(sentence)) and not told & years_asked:
            return False  # the figure or decision of another financial year ("the 2018-2019 budget" for 2019-20)
        if not answers_the_kind(sentence, turn.question, kind, lexicon):
            return False
        if report and promises(sentence, report):
            return False  # a report still to come has no findings yet
        if kind.taken and not yes_or_no and (_FAILED.match(_following(sentence, hit.text)) or _FAILED_IN.search(sentence)):
            return False  # a motion that failed is not what was appointed or approved (though it says "did they?")
        if candidate.index not in named:  # the passage holds the sentence: one check per passage
            named[candidate.index] = names_present(names, words_of(_as_read(hit)), lexicon) or (
                paper is not None and names_present(names, _words_in_reach(hit, paper(hit.document_id)), lexicon))
        if (decided or kind.taken or kind.kind == "outcome") and (
                hit.document_type == "agenda" and in_period(hit.meeting_date, context)
                or hit.meeting_date and context.get("date_from") and hit.meeting_date < context["date_from"]):
            return False  # an agenda goes out before its meeting, as an earlier meeting's papers do: what they tell was decided before
        # Minutes tell what was done in their own words ("the Clerk will write to the landowner"): that is the
        # record of the decision, when they are the minutes of the meeting asked about (an earlier
        # meeting's minutes in a pack mention the next one's date); so is an enactment or a record of
        # decision, every line of which is the decision. An agenda or a report needs the words of one.
        minuted = hit.document_type in ("minutes", "decision_record") and (
            not context.get("date_from") or in_period(hit.meeting_date, context) or hit.meeting_date is None)
        return named[candidate.index] and (not decided or records_a_decision(sentence) or minuted)

    return may_answer


def _as_read(hit: Hit) -> str:
    """A passage with what names it: its paper's title, body and organisation, its heading and its file."""
    return f"{hit.text} {_context_of(hit)} {hit.source}"


def _words_in_reach(hit: Hit, whole) -> frozenset[str]:
    """The words a question's names may stand in for a passage of ``whole`` (its Paper). A report names
    its subject once, in its title block: the whole paper. Minutes name each item's in its heading, so
    a name elsewhere in them is another item's, but for the passage just before (an item runs on over
    passages, and a heading is not always read as one) and their opening passage, which names the
    meeting every item is of ("a joint session was held with the Harbour Ferries Committee")."""
    if hit.document_type != "minutes":
        return whole.words
    return words_of(f"{whole.opening} {whole.before(hit.chunk_id)} {_as_read(hit)}")


INTRODUCED_CHARS = 300  # how much of the list a sentence ending in ":" introduces is read out with it
# A sentence that goes on from the one before: "At this session, the Plan was largely agreed" (or
# one recording the outcome of the motion just described).
OPENING_WORDS = 6  # "RESULT: FAILED [4-2]", "The motion was carried": said first, not after a new motion
_YES_OR_NO = re.compile(r"(?:[^,?]{0,60},\s*)?(?:did|was|were|has|have|is|are|does|do)\b", re.IGNORECASE)  # "In May, did ...?"
_FAILED = re.compile(r"\W*(?:the\s+)?(?:motion\s+)?(?:failed|was\s+(?:lost|defeated)|lost|defeated)\b", re.IGNORECASE)
_FAILED_IN = re.compile(r"\bmotion\s+(?:failed|was\s+(?:lost|defeated))\b|\bfailed\s+to\s+(?:pass|carry)\b", re.IGNORECASE)  # said in the same sentence
_MOVES = re.compile(r"(?:moved\s+by\b|motion\s*:|it\s+was\s+moved\b|on\s+(?:the\s+)?motion\s+(?:of|by)\b)", re.IGNORECASE)
_SECONDS = re.compile(r"\bseconded\b|^second(?:ed)?\s*(?:by\b|:)", re.IGNORECASE)  # "Councillor Birch seconded."
_REFERS_BACK = re.compile(r"^(?:at|in|during|after|following|from)\s+(?:this|that|these|those)\b", re.IGNORECASE)


def _following(sentence: str, passage: str) -> str:
    """The text of ``passage`` after ``sentence`` ("" when it is not found or ends the passage)."""
    at = passage.find(sentence)
    return passage[at + len(sentence):].strip() if at >= 0 else ""


def _introduced(sentence: str, passage: str) -> str:
    """The start of the list a sentence ending in ":" introduces in its passage, else ""."""
    return _following(sentence, passage)[:INTRODUCED_CHARS] if sentence.rstrip().endswith(":") else ""


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
    following = _following(sentence, passage)
    if not following:
        return sentence, ""
    if not sentence.endswith(":"):
        if _asks(sentence):  # a question is read with its reply
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
_PERSON = re.compile(r"(?:he|she|they)\b", re.IGNORECASE)
NAMING_BACK = 3  # sentences looked back over for the one naming who "she" is


def last_naming(passage: str) -> str:
    """The last of the closing sentences of ``passage`` that does not itself open with "he", "she" or
    "they" ("Ms. Ash said she walks the towpath daily."), when it is short; else ""."""
    spans = sentence_spans(passage)[-NAMING_BACK:]
    for start, end in reversed(spans):
        text = passage[start:end].strip()
        if not _PERSON.match(text):
            # not _short_point: "Ms." opens it as a list marker would
            return text if len(text) <= NEIGHBOUR_CHARS and not _LIST_GLYPH.search(text) else ""
    return ""


def _opening(passage: str) -> str:
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


def _flat(text: str) -> str:
    return " ".join(text.split())


def _unread(text: str, read: list[str]) -> str:
    """``text``, unless the answer reads it already (``read``: what it reads, whitespace closed up)."""
    return text if text and not any(_flat(text) in other for other in read) else ""


def only_promised(report: str | None, hits: list[Hit]) -> bool:
    """Whether the passages mention ``report`` (whose findings a question asks for) only as one
    still to come."""
    if not report:
        return False
    mentions = [
        sentence for hit in hits[:ANSWER_PASSAGES]
        for sentence in (hit.text[start:end] for start, end in sentence_spans(hit.text))
        if report in " ".join(sentence.lower().split())
    ]
    return bool(mentions) and all(promises(sentence, report) for sentence in mentions)


def extractive_answer(
    turn: Turn, hits: list[Hit], lexicon: Lexicon, similarity=None, max_sentences: int = ANSWER_SENTENCES,
    min_support: float = 0.0, decided: bool = False, asked: str | None = None, context: dict | None = None,
    paper=None, said: str = "", stored: dict[int, list[float]] | None = None, next_passage=None, previous_passage=None,
) -> tuple[str, list[Citation], float]:
    """The best supported sentences (up to ``max_sentences``) of the top passages, each with its marker, and the
    support of the best; ("", [], support) when no sentence reaches ``min_support``. ``asked`` is
    the question with its misspellings corrected, for the names it holds; ``paper`` gives a
    paper's words and dates (see answer_gate); sentences in ``said`` (an earlier part's answer) are not used;
    ``next_passage(hit)`` gives the passage after ``hit`` in its section (a list may go on there),
    ``previous_passage(hit)`` the one before (it names who a passage's opening "She said ..." is)."""
    kind = Asked.read(turn)  # what the question asks for, read once
    if only_promised(kind.report, hits):
        return "", [], 0.0
    gate = answer_gate(turn, hits, lexicon, decided, asked, context, paper, kind)
    if kind.kind == "record":
        max_sentences = 1  # "which resolution ...?" asks for one; the next record of the list is another
    ranked = [
        c for c in ranked_sentences(turn, hits, lexicon, similarity, gate, kind, stored)
        if (c.words >= MIN_WORDS or c.meaning >= MIN_MEANING)  # says what was asked about, or means it
        and c.sentence not in said  # not already said in answer to an earlier part of the question
    ]
    best = ranked[0].score if ranked else 0.0
    if not ranked or best < min_support:
        return "", [], best
    chosen: list[Candidate] = [ranked[0]]
    for candidate in ranked[1:]:
        if len(chosen) == max_sentences or candidate.score < SECOND_SENTENCE * best:
            break
        if all(candidate.sentence != c.sentence for c in chosen) and not _says_little(candidate.sentence):
            chosen.append(candidate)
    if not any(c.kind for c in chosen):
        # "What was recommended about X?": the best sentence may state X; the answer must also hold
        # the recommendation, when one supports the question nearly as well.
        of_kind = next((c for c in ranked if c.kind > 0 and c.score >= KIND_SECOND * best), None)
        if of_kind is not None:
            chosen = [*chosen[: max_sentences - 1], of_kind]
    chosen.sort(key=lambda c: (c.index, hits[c.index].text.find(c.sentence)))  # in reading order
    citations: list[Citation] = []
    parts: list[str] = []
    subject = subject_terms(turn.query)

    def number(hit: Hit) -> int:
        """The passage's marker, citing it once however many of its sentences are read out."""
        known = next((c.n for c in citations if c.chunk_id == hit.chunk_id), None)
        if known is None:
            citations.append(cite(len(citations) + 1, hit))
        return known or len(citations)

    for candidate in chosen:
        if any(_flat(candidate.sentence) in _flat(part) for part in parts):
            continue  # already read out as the sentence going on from another
        hit = hits[candidate.index]
        lead = named_before(candidate.sentence, hit.text, subject, lexicon)
        following = next_passage(hit) if next_passage and candidate.sentence.rstrip().endswith(":") else None
        said, said_next = read_out(candidate.sentence, hit.text, subject, lexicon, following.text if following else "")
        if said == candidate.sentence.rstrip():
            # read with its paragraph's neighbours (an item title: with the first sentence under it),
            # each unless the answer reads it already
            prior, later = ("", _opening(hit.text)) if candidate.number < 0 else paragraph_neighbours(candidate.sentence, hit.text)
            read = [_flat(c.sentence) for c in chosen if c is not candidate] + [_flat(part) for part in parts]
            said = " ".join(filter(None, (_unread("" if lead else prior, read), said, _unread(later, read))))
            # the passage's first sentence says "She ...": who she is, from the passage before, cited for it
            unnamed = candidate.number == 0 and not lead and not prior and _PERSON.match(candidate.sentence.strip())
            earlier = previous_passage(hit) if unnamed and previous_passage else None
            if earlier is not None and (named := _unread(last_naming(earlier.text), read)):
                parts.append(f"{named} [{number(earlier)}]")
        parts.append(f"{lead}{said} [{number(hit)}]")
        if said_next:  # the list goes on in the next passage, which is cited for it
            parts.append(f"{said_next} [{number(following)}]")
    if turn.asks == "where" and citations:
        parts.insert(0, f"In {where_said(hits[chosen[0].index])}:")
    return " ".join(parts), citations, best


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
