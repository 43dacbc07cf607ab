"""Which sentences of the passages found answer a question: candidates ranked by the share of the
question's subject they hold and their closeness in meaning, gated (of the kind asked, from the
paper and meeting named, recording a decision when one is asked about), and read out with what
they introduce or go on from (readout.py), each cited to its passage (extractive_answer)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from minutebook.ingest.chunk import sentence_spans
from minutebook.ingest.dates import financial_years
from minutebook.ingest.metadata import header_fields
from minutebook.ingest.noise import is_furniture
from minutebook.ingest.packs import PAGE_RANGE
from minutebook.ingest.resolutions import records_a_decision
from minutebook.ingest.sections import headings_of
from minutebook.vocabulary import Hit

from minutebook.search.chat.conversation import Turn, subject_terms
from minutebook.search.chat.kinds import Asked, answers_the_kind, of_the_kind, promises
from minutebook.search.chat.names import another_part, by_initials, name_words, names_present, numbered_parts, question_names, words_of
from minutebook.search.chat.period import in_period, paper_speaks_of_period, speaks_of_period
from minutebook.search.chat.readout import (
    PRONOUN, asks, flat, last_naming, list_introduced, named_before, paragraph_neighbours, passage_opening, read_out, text_after,
    unread,
)
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
    return (asks(sentence) and (not reply or asks(reply))) or header_fields(sentence) >= 2


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
    context = f"{list_introduced(sentence, hit.text)} {context}"  # "The Council agreed to call on ... to:" and what to
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
    return " ".join([*before, sentence, list_introduced(sentence, passage)])


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
    parts_asked = numbered_parts(asked or turn.question)

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
        if parts_asked and another_part(sentence, parts_asked):
            return False  # of another phase, part or round of the thing asked about ("Phase 1" for Phase 2)
        if not answers_the_kind(sentence, turn.question, kind, lexicon):
            return False
        if report and promises(sentence, report):
            return False  # a report still to come has no findings yet
        if kind.taken and not yes_or_no and (_FAILED.match(text_after(sentence, hit.text)) or _FAILED_IN.search(sentence)):
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


_YES_OR_NO = re.compile(r"(?:[^,?]{0,60},\s*)?(?:did|was|were|has|have|is|are|does|do)\b", re.IGNORECASE)  # "In May, did ...?"
_FAILED = re.compile(r"\W*(?:the\s+)?(?:motion\s+)?(?:failed|was\s+(?:lost|defeated)|lost|defeated)\b", re.IGNORECASE)
_FAILED_IN = re.compile(r"\bmotion\s+(?:failed|was\s+(?:lost|defeated))\b|\bfailed\s+to\s+(?:pass|carry)\b", re.IGNORECASE)  # said in the same sentence


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
        if any(flat(candidate.sentence) in flat(part) for part in parts):
            continue  # already read out as the sentence going on from another
        hit = hits[candidate.index]
        lead = named_before(candidate.sentence, hit.text, subject, lexicon)
        following = next_passage(hit) if next_passage and candidate.sentence.rstrip().endswith(":") else None
        said, said_next = read_out(candidate.sentence, hit.text, subject, lexicon, following.text if following else "")
        if said == candidate.sentence.rstrip():
            # read with its paragraph's neighbours (an item title: with the first sentence under it),
            # each unless the answer reads it already
            prior, later = ("", passage_opening(hit.text)) if candidate.number < 0 else paragraph_neighbours(candidate.sentence, hit.text)
            read = [flat(c.sentence) for c in chosen if c is not candidate] + [flat(part) for part in parts]
            said = " ".join(filter(None, (unread("" if lead else prior, read), said, unread(later, read))))
            # the passage's first sentence says "She ...": who she is, from the passage before, cited for it
            unnamed = candidate.number == 0 and not lead and not prior and PRONOUN.match(candidate.sentence.strip())
            earlier = previous_passage(hit) if unnamed and previous_passage else None
            if earlier is not None and (named := unread(last_naming(earlier.text), read)):
                parts.append(f"{named} [{number(earlier)}]")
        parts.append(f"{lead}{said} [{number(hit)}]")
        if said_next:  # the list goes on in the next passage, which is cited for it
            parts.append(f"{said_next} [{number(following)}]")
    if turn.asks == "where" and citations:
        parts.insert(0, f"In {where_said(hits[chosen[0].index])}:")
    return " ".join(parts), citations, best


