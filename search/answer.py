"""Compose a cited answer from retrieved passages and decision rows, offline and extractive.

Every sentence of an answer is taken from a passage (or built from a decision row and its metadata)
and followed by a marker [n] to the exact passage that supports it. When the evidence is weak the
answer says so and offers the nearest passages as closest matches, never as an answer.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field, replace

import jellyfish
from rapidfuzz import fuzz, process

from minutebook.ingest.chunk import sentence_spans, split_sentences
from minutebook.ingest.commitments import states_a_commitment
from minutebook.ingest.dates import MONTH, find_dates, month_years
from minutebook.ingest.metadata import header_fields
from minutebook.ingest.resolutions import records_a_decision, records_an_outcome
from minutebook.vocabulary import Hit

from .conversation import Turn, measure_asked, subject_terms
from .registers import BODY_WORDS
from .understand import asks_for
from .lexicon import Lexicon, stem as _stem

NOT_FOUND = "Not found in the papers."
ANSWER_PASSAGES = 8  # answers come from the passages chat retrieves (dev set: 5 -> 8 gained c043, lost none)
# Chat looks this far down the ranking for passages one of whose sentences is close in meaning to the
# question, and adds the closest few: a paraphrase that shares no words with its answer ranks low as a
# whole passage ("pandemic death toll" -> "over 400 people have died", 20th), while the sentence saying
# it is among the closest of all (dev set: c049 answered).
MEANING_CANDIDATES, MEANING_PASSAGES = 30, 2
SEMANTIC_WEIGHT = 1.0  # weight of question-sentence cosine beside word coverage (0..1 each)
SEMANTIC_POOL = 8  # sentences (best by words) that are also compared by meaning
KIND_POOL = 4  # and at most this many more of the kind asked for
SEMANTIC_CHARS = 240  # what a sentence says is in its first words; the rest costs time
# An answer's passage holds this much of the subject, or its sentence is this close in meaning. On the
# dev set every MIN_MEANING from 0.40 to 0.50 gives the same answers but one: p020's resolution,
# which says "bathing beach monitoring" for "water quality at swimming spots", is at 0.49.
MIN_WORDS, MIN_MEANING = 0.45, 0.45
SECOND_SENTENCE = 0.85  # a second sentence joins the answer when its support is this close to the best
KIND_SECOND = 0.65  # or, when the best is not of the kind asked for, the best that is, this close
_DATE_WORDS = re.compile(
    r"\b(?:19|20)\d\d\b|\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\b"
    r"|\b\d{1,2}(?:[:.]\d\d)?\s*[ap]\.?m\b\.?|\b\d{1,2}:\d\d\b|\b(?:noon|midday|midnight)\b",  # and a time of day
    re.IGNORECASE,
)
_VOTING = re.compile(r"\b(?:vot(?:e|es|ed|ing)|ayes|nays|noes|abstain\w*|abstentions?|unanimous\w*)\b", re.IGNORECASE)
# "meets monthly", "on a quarterly basis", "every six weeks", "twice a year", "three times per term"
_FREQUENCY = re.compile(
    r"\b(?:daily|weekly|fortnightly|monthly|quarterly|annually|yearly|bi-?monthly|bi-?annually|biannually|half-yearly"
    r"|twice|every\s+(?:\w+\s+)?(?:day|week|fortnight|month|quarter|year|term|meeting)s?"
    r"|(?:once|\w+\s+times)\s+(?:a|per|each|every)\s+\w+)\b",
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
    evidence: float = 0.0  # support of the best sentence (subject share + cosine + bonuses; see MINUTEBOOK_MIN_EVIDENCE)


def coverage(lexicon: Lexicon, subject: list[str], text: str) -> float:
    """Share of the question's subject, weighted by rarity, that ``text`` contains."""
    if not subject:
        return 0.0
    present = {_stem(w) for w in re.findall(r"\w+", text.lower())}
    weights = {t: lexicon.idf_weight(t) for t in subject}
    total = sum(weights.values()) or 1.0
    return sum(w for t, w in weights.items() if _stem(t) in present) / total


def _citation(n: int, hit: Hit) -> Citation:
    return Citation(
        n=n, text=hit.text, chunk_id=hit.chunk_id, source=hit.source, document_id=hit.document_id,
        document_title=hit.document_title, document_type=hit.document_type, body=hit.body,
        meeting_date=hit.meeting_date, agenda_item=hit.agenda_item, section=hit.section, page=hit.page,
    )


# A paragraph or list number opening a sentence: "3.1 ", "2. ", "(iv) ", "b) ".
_LEADING_NUMBER = re.compile(r"^\s*\(?(?:\d{1,2}(?:\.\d{1,2})+[.)]?|(?:\d{1,2}|[ivx]{1,4}|[a-z])[.)])\s+", re.IGNORECASE)


_MONEY_QUESTION = re.compile(
    r"\bhow much\b.*\b(?:cost|costs|spend|spent|pay|paid|worth|budget|fund|funding|funded|price|grant|grants"
    r"|receive|received|allocate|allocated|allocation|award|awarded|raise|raised|save|saved|saving|savings)\b", re.IGNORECASE)
_MONEY_MEASURE = measure_asked("cost|budget|price|grant|allocation|funding|spend|value")
# An amount of money: "£4.2m", "$14,429.00", "4.2 million pounds". Without a currency sign "25m" is as
# likely metres ("a 25m pool") and "5k" a run.
_MONEY = re.compile(r"[£$€]\s?\d|\b\d[\d,.]*\s?(?:million|billion|pounds|dollars|euros)\b", re.IGNORECASE)
_NUMBER = re.compile(r"\d+(?:[,.]\d+)*")  # "1,070", "5.5"; not the comma after "2015,"
_YEAR_NUMBER = re.compile(r"^(?:19|20)\d\d$")
_COUNTED = re.compile(r"\bhow many\s+(?:more\s+|fewer\s+)?(?P<thing>[a-z][\w-]*)", re.IGNORECASE)
_FINDING = re.compile(r"\b(?:conclu(?:de|ded|des|sion|sions)|found|finds|findings|show(?:s|ed)?|reveal(?:s|ed)?|recommend(?:s|ed|ations?)?)\b", re.IGNORECASE)
# "What happened to the motion?" asks how it was disposed of: a sentence recording that answers.
_OUTCOME_QUESTION = re.compile(r"\bwhat\s+(?:happened|was\s+the\s+(?:outcome|result|vote))\b", re.IGNORECASE)
# A contents line ("Chapter 5: Recommendations page 41") points to an answer; it does not give one.
_CONTENTS = re.compile(r"\bpages?\s+\d+\b.*\bpages?\s+\d+\b", re.IGNORECASE)
_RECOMMENDING = re.compile(r"\brecommend(?:s|ed|ing|ations?)?\b", re.IGNORECASE)
# "Which resolution covers beach monitoring?" asks for a record by its number: "RESOLUTION (2019-38)
# Authorize ...", "Minute 25", "Decision No. 24/00093".
_WHICH_RECORD = re.compile(r"\bwhich\s+(?:[\w'-]+\s+){0,4}?(?:resolution|motion|ordinance|minute|decision)s?\b", re.IGNORECASE)
_NUMBERED_RECORD = re.compile(
    r"\b(?:resolution|motion|ordinance|minute|decision)s?\s*(?:no\.?|number|#)?\s*\(?\s*[A-Za-z]{0,4}\d", re.IGNORECASE)
KIND_BONUS = 0.3  # a sentence of the kind asked for (a number, a date, a recommendation ...) gains this


# Numbers that name rather than count: part of a name ("Covid-19", "M-25"), a paragraph number where
# a run of text goes on to the next paragraph ("... other areas 5.6 This will be enhanced"), a day of a
# month ("16th January", "March 12"), a date in figures ("2016-12-15", "15/12/16"), a financial year
# ("2017/18"), a time ("7:00 p.m."), a place in order ("the 3rd floor"), a part of a paper ("see
# Section 5", "Appendix 2") or a label or code ("v1", "Q3", "A27", "31542R").
_MONTH_NAMED = rf"(?=[A-Z])(?i:{MONTH})(?!\w)"  # "January", "JAN"; not "may" the verb
_NAMING_NUMBER = re.compile(
    rf"(?<=[A-Za-z]-)\d+|\b\d{{1,2}}\.\d{{1,2}}(?=\s+[A-Z][a-z])"
    rf"|\b[0-3]?\d(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_NAMED}|{_MONTH_NAMED}\s+[0-3]?\d(?:st|nd|rd|th)?\b"
    rf"|\b\d{{1,2}}:\d\d\s*(?i:[ap]\.?m\b\.?)?|\b\d{{1,2}}\.\d\d\s*(?i:[ap]\.?m\b\.?)|\b\d{{1,2}}\s*(?i:[ap]\.?m\b\.?)|\b\d+(?i:st|nd|rd|th)\b"
    r"|\b(?i:section|paragraph|para|appendix|annex|page|item|table|figure|chapter|option|phase|stage|tier|part"
    r"|schedule|recommendation|minute|resolution)\s+\(?\d[\d.]*"
    r"|\b\d{4}-\d\d-\d\d\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b(?:19|20)\d\d[/-]\d\d\b|(?<=[A-Za-z])\d+|\b\d+(?=[A-Z]{1,3}\b)"
)


def _counts_in(sentence: str) -> tuple[str, list[re.Match]]:
    """The numbers of a sentence that may be counts, with the sentence they were found in: not a
    year, not the paragraph or list number it opens with ("2. A Relational ..."), nor a number
    that names (_NAMING_NUMBER)."""
    sentence = _LEADING_NUMBER.sub("", sentence)
    naming = [m.span() for m in _NAMING_NUMBER.finditer(sentence)]
    return sentence, [
        m for m in _NUMBER.finditer(sentence)
        if not _YEAR_NUMBER.match(m.group(0)) and not any(start <= m.start() < end for start, end in naming)
    ]


def _counts(sentence: str, thing: str | None) -> bool:
    """Whether a sentence gives a count, and, when the question says what is counted ("how many
    sessions"), a number next to that thing."""
    sentence, numbers = _counts_in(sentence)
    if not thing:
        return bool(numbers)
    stem = _stem(thing.lower())
    return any(
        any(_stem(w) == stem for w in re.findall(r"[a-z]+", sentence[n.end():n.end() + 40].lower())[:3])
        for n in numbers
    )


@dataclass(frozen=True)
class Asked:
    """What kind of sentence answers a question, read from it once."""

    asks: str  # decision | when | who | where | quantity | frequency | other
    money: bool = False  # an amount of money
    counted: str | None = None  # the thing "how many" counts
    kind: str | None = None  # "recommendation", "commitment", a report's "findings", a motion's "outcome", a numbered "record", when asked for
    report: str | None = None  # the report whose findings are asked for ("final report"), see report_asked_about

    @classmethod
    def read(cls, turn: Turn) -> "Asked":
        words = set(re.findall(r"\w+", turn.question.lower()))
        report = report_asked_about(turn.question)
        kind = "findings" if report else "outcome" if _OUTCOME_QUESTION.search(turn.question) else "record" if _WHICH_RECORD.search(turn.question) else next(
            (k for k in ("recommendation", "commitment") if words & _KIND_WORDS[k]), None)
        counted = _COUNTED.search(turn.question)
        return cls(turn.asks, bool(_MONEY_QUESTION.search(turn.question) or _MONEY_MEASURE.search(turn.question)), counted["thing"] if counted else None, kind, report)


def _sentence_score(sentence: str, rank: int, subject: list[str], lexicon: Lexicon, asked: Asked, context: str = "") -> float:
    # A sentence is read with its paper's title and heading: "the strategy" in the title is said there.
    score = coverage(lexicon, subject, f"{sentence} {context}") + 0.2 / rank
    score += KIND_BONUS * _of_the_kind(sentence, asked)
    if len(sentence) < 25 or _CONTENTS.search(sentence):
        score -= 0.3  # a heading, a fragment or a contents line answers nothing
    return score


# A reference to a source: "Data Team (2023). Resident Survey, Data Observatory.", a web address.
# A passage with several is a reference list.
_SOURCE_LINE = re.compile(r"https?://|\bwww\.|\bavailable\s+(?:at|from)\s*:|^\W*(?:\d{1,3}\.\s+)?[^.]{0,120}\(\d{4}[a-z]?\)\.", re.IGNORECASE)


def source_lines(passage: str):
    """A test of whether the character at an offset of ``passage`` is in a reference to a source."""
    lines, at = [], 0
    for line in passage.split("\n"):
        lines.append((at, at + len(line), bool(_SOURCE_LINE.search(line))))
        at += len(line) + 1
    if sum(cites for _, _, cites in lines) >= 2:
        return lambda offset: True  # a reference list
    return lambda offset: any(start <= offset <= end and cites for start, end, cites in lines)


def says_nothing(sentence: str) -> bool:
    """A question ("Can the Cabinet Member tell me how many ...?") asks; a paper's header block
    ("Title of meeting: ... Subject: ... Report by: ...") labels the paper. Neither answers; a
    reference to a source (source_lines) names where something was said, and does not say it either."""
    return sentence.rstrip().endswith("?") or header_fields(sentence) >= 2


def _of_the_kind(sentence: str, asked: Asked) -> float:
    """How well a sentence is of the kind of answer asked for: 0, 1, or 2 for a count of the very
    thing counted."""
    if asked.money:
        return float(bool(_MONEY.search(sentence)))
    if asked.asks == "quantity":
        return _counts(sentence, None) + _counts(sentence, asked.counted) if asked.counted else float(_counts(sentence, None))
    if asked.asks == "when":
        return float(bool(_DATE_WORDS.search(sentence)))
    if asked.asks == "frequency":
        return float(bool(_FREQUENCY.search(sentence)))
    if asked.asks == "who":
        return 2 / 3 * bool(_PERSON.search(sentence))
    if asked.kind == "recommendation":
        return float(bool(_RECOMMENDING.search(sentence)))
    if asked.kind == "commitment":
        return float(states_a_commitment(sentence))
    if asked.kind == "findings":
        return float(bool(_FINDING.search(sentence)))
    if asked.kind == "record":
        return float(bool(_NUMBERED_RECORD.search(sentence)))
    if asked.kind == "outcome":
        return float(records_a_decision(sentence) or records_an_outcome(sentence))
    return 0.0


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


# Capitalised words that start questions, or name times, not a particular thing.
_NOT_NAMES = frozenset(
    "what when where who whom which how why did does do was were is are has have had can could would will "
    "in on at of for to the a an and or by from with according after before during since this that these "
    "those its it their there then i january february march april may june july august september october "
    "november december monday tuesday wednesday thursday friday saturday sunday".split()
)
NAME_TYPO = 80  # rapidfuzz ratio at which a passage word is taken for a misspelt name
# A name spelt by its sound ("Luv", "Kuyahoga") is taken for a word of the paper that sounds the same
# (Metaphone) and is this close in spelling, if that word is distinctive: one in at most DISTINCTIVE
# of the passages ("Hove" must not be taken for "have").
SOUNDS_LIKE, DISTINCTIVE = 55, 0.02  # "luv"/"love" 57; "leaf"/"love" 50 (same Metaphone, another word)
_JOINERS = frozenset("and of for & the".split())


def question_names(question: str) -> list[list[str]]:
    """The proper names a question is about, as phrases of lower-cased words.

    "Southampton's Health and Wellbeing Board" gives [["southampton"], ["health", "and",
    "wellbeing", "board"]]. Capitalised words next to each other (joined by "and", "of") make one
    phrase; the first word of the question, and month and question words, are not names.
    """
    phrases: list[list[str]] = []
    current: list[str] = []
    for n, match in enumerate(re.finditer(r"[A-Za-z][\w'’&-]*", question)):
        word = match.group(0)
        clean = re.sub(r"['’]s$", "", word)
        is_name = n > 0 and clean.lower() not in _NOT_NAMES and (clean[0].isupper() or clean.isupper())
        if is_name:  # of "Margate-area", "Covid-19", the name is the capitalised part: passages split at hyphens
            current.extend(part.lower() for part in re.split(r"-", clean) if part[:1].isupper())
        elif current and clean.lower() in _JOINERS and not word.endswith(("'s", "’s")):
            current.append(clean.lower())
            continue
        if not is_name or word != clean:  # a possessive ends its phrase: "Southampton's Board"
            while current and current[-1] in _JOINERS:
                current.pop()
            if current:
                phrases.append(current)
            current = []
    while current and current[-1] in _JOINERS:
        current.pop()
    if current:
        phrases.append(current)
    return phrases


def words_of(text: str) -> frozenset[str]:
    """The distinct lower-case words of a text, as names_present reads them."""
    return frozenset(re.findall(r"\w+", text.lower()))


def sounds_like(word: str, tokens: frozenset[str], lexicon: Lexicon) -> bool:
    """Whether a distinctive word among ``tokens`` sounds like ``word`` and is spelt nearly so."""
    sound = jellyfish.metaphone(word)
    common = DISTINCTIVE * lexicon.passages
    return bool(sound) and any(
        fuzz.ratio(word, t) >= SOUNDS_LIKE and jellyfish.metaphone(t) == sound and lexicon.df.get(t, 0) <= common
        for t in tokens if t.isalpha()
    )


# Who answers: "Mrs Sue Chandler", "Supt Jenkins"; a role ("the District Police Commander"); or a name,
# two or more capitalised words each rare in the papers ("Patrick Heisinger", "Larking Gowen").
_HONORIFIC = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Cllr|Councillor|Commissioner|Supt|Superintendent|Insp|Inspector|Prof"
                        r"|Professor|Sir|Dame|Lord|Lady|Rev|Mayor)\.?\s+[A-Z]")
_ROLE = re.compile(r"\b(?:the|its|their|our)\s+(?:[A-Z][\w&'’-]*\s+(?:(?:of|for|and)\s+)?){0,6}(?:[Dd]irector|[Cc]hair(?:man|woman|person)?"
                   r"|[Oo]fficer|[Mm]anager|[Ll]ead|[Hh]ead|Chief\s+Executive|[Ll]eader|Member|[Cc]lerk|Secretary|Commander"
                   r"|Superintendent|Inspector|Co-?ordinator|Advis[eo]r|Consultant|Researcher|Headteacher|Principal|Trust|Foundation"
                   r"|Charity|Society)\b")
_ROLE_WORDS = frozenset("vice chair chairman chairwoman deputy director officer officers manager lead head chief executive "
                        "leader member members clerk secretary commander".split())  # "Vice Chair" is a role, not a name
_CAPITALISED_RUN = re.compile(r"(?<![\w.])[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+)+")


def names_someone(sentence: str, question: str, lexicon: Lexicon) -> bool:
    """Whether a sentence names a person, a role or an organisation the question does not."""
    asked = words_of(question)
    if _HONORIFIC.search(sentence):
        return True
    if any(m.group(0).lower().split()[-1] not in asked for m in _ROLE.finditer(sentence)):
        return True  # "the District Police Commander", "the Saints Foundation"
    rare = DISTINCTIVE * lexicon.passages
    return any(
        all(w not in asked and w not in _ROLE_WORDS and lexicon.df.get(w, 0) <= rare for w in words)
        for run in _CAPITALISED_RUN.finditer(sentence)
        for words in [re.sub(r"['’]s\b", "", run.group(0).lower()).split()]
    )


def names_present(names: list[list[str]], tokens: frozenset[str], lexicon: Lexicon) -> bool:
    """Whether ``text`` names each phrase: a one-word name in full (or its acronym's expansion),
    a longer name by at least half of its words (papers shorten and reorder long names)."""
    present = {_stem(w) for w in tokens}

    def has(word: str) -> bool:
        if _stem(word) in present:
            return True
        # A misspelt name ("Wellbeeing") still names the thing, if a word of the passage is that close.
        if process.extractOne(word, [t for t in tokens if t[:1] == word[:1]], scorer=fuzz.ratio, score_cutoff=NAME_TYPO):
            return True
        if sounds_like(word, tokens, lexicon):
            return True
        expansion = lexicon.acronyms.get(word)  # "PNA" said in full
        return bool(expansion) and all(_stem(w) in present for w in re.findall(r"\w+", expansion.lower()) if len(w) > 3)

    for phrase in names:
        words = [w for w in phrase if w not in _JOINERS]
        found = sum(has(w) for w in words)
        if found < (1 if len(words) == 1 else (len(words) + 1) // 2):
            return False
    return True


@dataclass
class Candidate:
    sentence: str
    index: int  # position of its passage among the hits
    score: float
    words: float = 0.0  # share of the question's subject its passage holds, with the paper's title and heading
    meaning: float = 0.0  # cosine with the question (0 when not compared)
    kind: float = 0.0  # how well it is of the kind of answer asked for (see _of_the_kind)
    number: int = 0  # its place among its passage's sentences (sentence_spans), as the index keeps their vectors


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
    passage_cover = [coverage(lexicon, subject, f"{hit.text} {_context_of(hit)}") for hit in hits]
    found = [
        (hit.text[start:end], index, number)
        for index, hit in enumerate(hits)
        for cites in [source_lines(hit.text)]
        for number, (start, end) in enumerate(sentence_spans(hit.text))
        if not cites(start) and not says_nothing(hit.text[start:end])
    ]
    candidates = [
        Candidate(sentence, index, _sentence_score(sentence, index + 1, subject, lexicon, asked, _read_with(sentence, hits[index])),
                  passage_cover[index], kind=_of_the_kind(sentence, asked), number=number)
        for sentence, index, number in found
    ]
    if keep is not None:  # before embedding: the pool compared by meaning is of sentences that may answer
        candidates = [c for c in candidates if keep(c)]
    candidates.sort(key=lambda c: -c.score)
    unmeasured = []
    stored = stored or {}
    for candidate in candidates:
        cosines = stored.get(candidate.index)
        if cosines is not None and candidate.number < len(cosines):
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


def answer_passages(hits: list[Hit], closest: dict[int, float]) -> list[Hit]:
    """The passages an answer is read from: the first ANSWER_PASSAGES of the ranking, then the
    MEANING_PASSAGES of the rest whose closest sentence is closest in meaning to the question
    (``closest``: chunk id -> that sentence's cosine), in ranking order."""
    rest = [(closest[hit.chunk_id], n) for n, hit in enumerate(hits[ANSWER_PASSAGES:], start=ANSWER_PASSAGES) if hit.chunk_id in closest]
    added = sorted(n for _, n in sorted(rest, reverse=True)[:MEANING_PASSAGES])
    return hits[:ANSWER_PASSAGES] + [hits[n] for n in added]


def _context_of(hit: Hit) -> str:
    return " ".join(part for part in (hit.document_title, hit.section or "", hit.body or "") if part)


def _read_with(sentence: str, hit: Hit) -> str:
    """What a sentence is read with when weighing what it is about: its paper's title and heading,
    and, for a sentence recording a decision ("The Board agreed to carrying out the bids"), the
    discussion before it in its passage, which that decision concludes and names the subject of,
    and the list it introduces when it ends in ":", which says what was decided."""
    context = _context_of(hit)
    if not records_a_decision(sentence):
        return context
    at = hit.text.find(sentence)
    if sentence.rstrip().endswith(":"):  # "This Council agrees to call on the Cabinet Members to:" and what to
        context = f"{_following(sentence, hit.text)[:INTRODUCED_CHARS]} {context}"
    return f"{hit.text[:at]} {context}" if at > 0 else context


_NAMED_RECORD = re.compile(
    r"\b(?:resolution|decision|minute|motion|ordinance|item|record)s?\s+(?:no\.?\s*|number\s*)?(?P<ref>\d+(?:[/.-]\d+)+)\b", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z]{2,}")
FRAGMENT_WORDS = 4  # a sentence of fewer words must itself name what the question is about


def _with_neighbours(sentence: str, passage: str) -> str:
    """A sentence with the one before it in its passage ("E. RESOLUTION (2019-41) Contract with ...
    Amount to be received ... is not to exceed $142,000.00.") and the list it introduces."""
    at = passage.find(sentence)
    before = [passage[start:end] for start, end in sentence_spans(passage) if end <= at][-1:] if at > 0 else []
    introduced = _following(sentence, passage)[:INTRODUCED_CHARS] if sentence.rstrip().endswith(":") else ""
    return " ".join([*before, sentence, introduced])


def answer_gate(
    turn: Turn, hits: list[Hit], lexicon: Lexicon, decided: bool, asked: str | None = None, context: dict | None = None,
    paper_words=None, kind: Asked | None = None,
):
    """A test of whether a sentence may answer: it is of the kind asked, from a paper naming the
    things named, about the meeting named, and (for a question about what was decided) records a
    decision taken. What the question asks is read once; the names are checked once per passage,
    and, when the passage lacks one, against its whole paper (``paper_words(document_id)``, its
    set of words): a paper says "Portsmouth" or "UK" once, not in every passage."""
    names = question_names(asked or turn.question)
    kind = kind or Asked.read(turn)
    money, report = kind.money, kind.report
    context = context or {}
    named: dict[int, bool] = {}

    subject = subject_terms(turn.query)
    # "resolution 2019-44", "decision 24/00093": a record named by its number is answered only by a
    # sentence that gives that number, or goes on from one that does (papers space it as they like:
    # "(2019- 44)").
    references = {re.sub(r"\s", "", m["ref"]) for m in _NAMED_RECORD.finditer(asked or turn.question)}

    def may_answer(candidate: Candidate) -> bool:
        sentence, hit = candidate.sentence, hits[candidate.index]
        if turn.asks == "who" and not names_someone(sentence, turn.question, lexicon):
            return False
        if references and not any(r in re.sub(r"\s", "", _with_neighbours(sentence, hit.text)) for r in references):
            return False
        if len(_WORD.findall(sentence)) < FRAGMENT_WORDS and not coverage(lexicon, subject, sentence):
            return False  # a table's total line, a stray label: what it is about is only in its context
        if not speaks_of_period(f"{sentence} {_context_of(hit)}", hit.meeting_date, context):
            return False
        if not answers_the_kind(sentence, turn.question, turn.asks) or (money and not _MONEY.search(sentence)):
            return False
        if report and _promises(sentence, report):
            return False  # a report still to come has no findings yet
        if candidate.index not in named:  # the passage holds the sentence: one check per passage
            named[candidate.index] = names_present(names, words_of(f"{hit.text} {_context_of(hit)} {hit.source}"), lexicon) or (
                paper_words is not None and names_present(names, paper_words(hit.document_id), lexicon))
        return named[candidate.index] and (not decided or records_a_decision(sentence))

    return may_answer


INTRODUCED_CHARS = 300  # how much of the list a sentence ending in ":" introduces is read out with it
# A sentence that goes on from the one before: "At this session, the Plan was largely agreed" (or
# one recording the outcome of the motion just described).
OPENING_WORDS = 6  # "RESULT: FAILED [4-2]", "The motion was carried": said first, not after a new motion
_REFERS_BACK = re.compile(r"^(?:at|in|during|after|following|from)\s+(?:this|that|these|those)\b", re.IGNORECASE)


def _following(sentence: str, passage: str) -> str:
    """The text of ``passage`` after ``sentence`` ("" when it is not found or ends the passage)."""
    at = passage.find(sentence)
    return passage[at + len(sentence):].strip() if at >= 0 else ""


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


_ITEM = re.compile(r"^\s*(?:[•\-–*▪●]|\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)])\s", re.IGNORECASE)


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
        first_line = following.split("\n", 1)[0]
        after = split_sentences(first_line)[0] if first_line.strip() else ""
        # It goes on when it refers back, or opens by recording how the motion just described went.
        goes_on = after and (_REFERS_BACK.match(after) or records_an_outcome(" ".join(after.split()[:OPENING_WORDS])))
        return (f"{sentence} {after}" if goes_on and len(after) <= INTRODUCED_CHARS else sentence), ""
    here = [line.strip() for line in following.split("\n") if line.strip()]
    there = []
    for line in more.split("\n") if here and all(_ITEM.match(line) for line in here) else ():
        if not _ITEM.match(line):
            break  # the list has ended
        there.append(line.strip())
    items = here + there
    if lexicon is not None and sum(map(len, items)) > INTRODUCED_CHARS:
        chosen = _items_asked_about(items, list(subject), lexicon)
    else:
        chosen, size = [], 0
        for n, line in enumerate(items):
            if chosen and size + len(line) > INTRODUCED_CHARS:
                break
            chosen.append(n)
            size += len(line)
    said_here = " ".join(items[n] for n in chosen if n < len(here))
    return f"{sentence} {said_here}".rstrip(), " ".join(items[n] for n in chosen if n >= len(here))


# "What did the final report conclude?" asks for the findings of a paper; when the papers speak of
# that paper only as still to come ("We will see a final report in October"), they do not answer.
_FINDINGS_QUESTION = re.compile(
    r"\bwhat\s+(?:did|does|has|have)\s+(?P<subject>.+?)\s+(?:conclude|find|show|say|recommend|reveal|propose)\b",
    re.IGNORECASE,
)
_PAPER_NOUN = re.compile(r"\b(?:[\w-]+\s+)?(?:report|review|evaluation|assessment|study|audit|inquiry|survey)\b", re.IGNORECASE)
_STILL_TO_COME = re.compile(r"\b(?:will|shall|to be|due|expected|forthcoming|awaited|planned|upcoming|once)\b", re.IGNORECASE)


def report_asked_about(question: str) -> str | None:
    """"final report" in "What did the consultants' final report on X conclude?", else None."""
    asked = _FINDINGS_QUESTION.search(question)
    named = _PAPER_NOUN.findall(asked["subject"]) if asked else []
    return " ".join(named[0].lower().split()) if named else None  # the head: "the final report on the review"


def _promises(sentence: str, report: str) -> bool:
    """Whether a sentence speaks of ``report`` as still to come ("We will see a final report ...")."""
    return report in " ".join(sentence.lower().split()) and bool(_STILL_TO_COME.search(sentence))


def only_promised(report: str | None, hits: list[Hit]) -> bool:
    """Whether the passages mention ``report`` (whose findings a question asks for) only as one
    still to come."""
    if not report:
        return False
    mentions = [
        sentence for hit in hits[:ANSWER_PASSAGES] for line in hit.text.split("\n") for sentence in split_sentences(line)
        if report in " ".join(sentence.lower().split())
    ]
    return bool(mentions) and all(_promises(sentence, report) for sentence in mentions)


def extractive_answer(
    turn: Turn, hits: list[Hit], lexicon: Lexicon, similarity=None, max_sentences: int = 2,
    min_support: float = 0.0, decided: bool = False, asked: str | None = None, context: dict | None = None,
    paper_words=None, said: str = "", stored: dict[int, list[float]] | None = None, next_passage=None,
) -> tuple[str, list[Citation], float]:
    """The best one or two supported sentences of the top passages, each with its marker, and the
    support of the best; ("", [], support) when no sentence reaches ``min_support``. ``asked`` is
    the question with its misspellings corrected, for the names it holds; ``paper_words`` gives a
    paper's words (see answer_gate); sentences in ``said`` (an earlier part's answer) are not used;
    ``next_passage(hit)`` gives the passage after ``hit`` in its section (a list may go on there)."""
    kind = Asked.read(turn)  # what the question asks for, read once
    if only_promised(kind.report, hits):
        return "", [], 0.0
    gate = answer_gate(turn, hits, lexicon, decided, asked, context, paper_words, kind)
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
        if all(candidate.sentence != c.sentence for c in chosen):
            chosen.append(candidate)
    if not any(c.kind for c in chosen):
        # "What was recommended about X?": the best sentence may state X; the answer must also hold
        # the recommendation, when one supports the question nearly as well.
        of_kind = next((c for c in ranked if c.kind > 0 and c.score >= KIND_SECOND * best), None)
        if of_kind is not None:
            chosen = [*chosen[: max_sentences - 1], of_kind]
    chosen.sort(key=lambda c: (c.index, hits[c.index].text.find(c.sentence)))  # in reading order
    citations: list[Citation] = []
    numbers: dict[int, int] = {}
    parts: list[str] = []
    subject = subject_terms(turn.query)
    for candidate in chosen:
        if any(candidate.sentence in part for part in parts):
            continue  # already read out as the sentence going on from another
        if candidate.index not in numbers:
            numbers[candidate.index] = len(citations) + 1
            citations.append(_citation(numbers[candidate.index], hits[candidate.index]))
        hit = hits[candidate.index]
        lead = named_before(candidate.sentence, hit.text, subject, lexicon)
        following = next_passage(hit) if next_passage and candidate.sentence.rstrip().endswith(":") else None
        said, said_next = read_out(candidate.sentence, hit.text, subject, lexicon, following.text if following else "")
        parts.append(f"{lead}{said} [{numbers[candidate.index]}]")
        if said_next:  # the list goes on in the next passage, which is cited for it
            citations.append(_citation(len(citations) + 1, following))
            parts.append(f"{said_next} [{len(citations)}]")
    if turn.asks == "where" and citations:
        parts.insert(0, f"In {_where(hits[min(numbers)])}:")
    return " ".join(parts), citations, best


_TWO_QUESTIONS = re.compile(
    r"^(?P<first>(?:what|who|when|where|how|which|why|did|does|do|was|were|is|are|has|have)\b.+?),?\s+and\s+"
    r"(?P<second>(?:what|who|when|where|how|which|why|did|does|do|was|were|is|are|has|have)\b.+)$",
    re.IGNORECASE | re.DOTALL,
)


def question_parts(question: str) -> list[str]:
    """"What was recommended after the review, and what did the trusts do?" is two questions;
    each is answered by its own sentence. Anything else is one."""
    match = _TWO_QUESTIONS.match(question.strip())
    if not match or min(len(match["first"].split()), len(match["second"].split())) < 3:
        return [question]
    return [match["first"].rstrip(" ,?") + "?", match["second"]]


def join_answers(parts: list[tuple[str, list[Citation]]]) -> tuple[str, list[Citation]]:
    """Answers to the parts of a question as one, each passage cited once and numbered in order."""
    citations: list[Citation] = []
    number_of: dict[int, int] = {}  # chunk id -> its number in the joined answer
    texts: list[str] = []
    for text, cited in parts:
        if not cited or text in texts:
            continue
        renumber = {}
        for citation in cited:
            if citation.chunk_id not in number_of:
                number_of[citation.chunk_id] = len(citations) + 1
                citations.append(replace(citation, n=number_of[citation.chunk_id]))
            renumber[citation.n] = number_of[citation.chunk_id]
        texts.append(re.sub(r" \[(\d+)\](?=\s|$)", lambda m: f" [{renumber.get(int(m[1]), m[1])}]", text))
    return " ".join(texts), citations


MAX_ITEMS = 3  # a long resolution is answered by the items the question is about
SHORT_RESOLUTION = 600  # characters: a resolution this short is read out whole


def _items_asked_about(items: list[str], subject: list[str], lexicon: Lexicon) -> list[int]:
    """Positions of the items a question is about: all of a short list, the best few of a long one."""
    if len(items) <= MAX_ITEMS or sum(map(len, items)) <= SHORT_RESOLUTION:
        return list(range(len(items)))
    scores = [coverage(lexicon, subject, item) for item in items]
    best = max(scores)
    if best <= 0:
        return list(range(MAX_ITEMS))
    keep = sorted(range(len(items)), key=lambda i: -scores[i])[:MAX_ITEMS]
    return sorted(i for i in keep if scores[i] >= 0.6 * best)


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
    chosen = _items_asked_about(items, subject, lexicon)
    if len(chosen) < len(items):
        head += f" (item{'s' if len(chosen) > 1 else ''} {', '.join(str(i + 1) for i in chosen)} of {len(items)})"
    citations: list[Citation] = []
    numbers: dict[int, int] = {}
    cited: list[tuple[str, int | None]] = []  # (item as read out, its citation number)
    for i in chosen:
        passage = passage_for(items[i])
        if passage is not None and passage.chunk_id not in numbers:
            numbers[passage.chunk_id] = len(citations) + 1
            citations.append(_citation(numbers[passage.chunk_id], passage))
        text = items[i].rstrip(".;")
        cited.append((f"({i + 1}) {text}" if row["items"] else text, numbers[passage.chunk_id] if passage else None))
    outcome = f" Outcome: {row['outcome']}." if row.get("outcome") else ""
    progress = _progress(row.get("details") or {}, passage_for, citations, numbers)
    if len(citations) == 1 and all(n == 1 for _, n in cited):  # all from one passage: one marker, at the end
        return f"{head}: {'; '.join(text for text, _ in cited)}. [1]{outcome}{progress}", citations
    parts = [f"{text} [{n}]" if n else text for text, n in cited]
    return f"{head}: {'; '.join(parts)}.{outcome}{progress}", citations


UPDATE_CHARS = 300  # how much of a tracked commitment's latest update is read out


def _progress(details: dict, passage_for, citations: list[Citation], numbers: dict[int, int]) -> str:
    """A tracked commitment's owner, status and latest update ("what has been delivered against
    it?" is the question asked most of a progress tracker), the update cited to its passage."""
    said = [f"{label}: {details[key]}." for key, label in (("owner", "Owner"), ("status", "Status")) if details.get(key)]
    update = " ".join((details.get("update") or "").split())
    if update:
        shown = _first_words(update, UPDATE_CHARS)
        passage = passage_for(update[:UPDATE_CHARS])
        marker = ""
        if passage is not None:
            if passage.chunk_id not in numbers:
                numbers[passage.chunk_id] = len(citations) + 1
                citations.append(_citation(numbers[passage.chunk_id], passage))
            marker = f" [{numbers[passage.chunk_id]}]"
        said.append(f"Latest update: {shown if shown.endswith(('.', '...')) else shown + '.'}{marker}")
    return "".join(f" {part}" for part in said)


def _first_words(text: str, limit: int) -> str:
    """The whole sentences of ``text`` that fit in ``limit`` characters, or its first words and "..."."""
    taken = ""
    for sentence in split_sentences(text):
        if len(taken) + len(sentence) + 1 > limit:
            break
        taken = f"{taken} {sentence}".strip()
    if taken:
        return taken
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:. ") + " ..."


# Which register a question about a decision is asking after, by its verb.
_KIND_WORDS = {
    "resolution": {"resolve", "resolved", "decide", "decided", "decision", "agree", "agreed", "approve", "approved", "vote", "voted", "resolution"},
    "recommendation": {"recommend", "recommended", "recommendation", "recommendations", "asked"},
    "action": {"promise", "promised", "action", "actions", "follow"},
    "commitment": {"commit", "committed", "commitment", "commitments", "pledge"},
}
MIN_DECISION_COVERAGE = 0.5


def _within(day: str | None, context: dict) -> bool:
    return bool(day and context.get("date_from") and context["date_from"] <= day <= context["date_to"])


def speaks_of_period(text: str, meeting_date: str | None, context: dict) -> bool:
    """Whether a passage is from, or says, the meeting date or period a question names (if any):
    its meeting, a date it gives ("9 February 2022"), a month ("In July 2021 the Board approved"),
    or, for a whole year, the year."""
    low, high = context.get("date_from"), context.get("date_to")
    if not low:
        return True
    if _within(meeting_date, context) or any(_within(iso, context) for _, iso in find_dates(text)):
        return True
    if any(low[:7] <= month[:7] <= high[:7] for month in month_years(text)):
        return True
    return low[5:] == "01-01" and high[5:] == "12-31" and low[:4] == high[:4] and low[:4] in text


def choose_decision(
    rows: list[dict], question: str, subject: list[str], lexicon: Lexicon, context: dict | None = None, paper_words=None,
) -> dict | None:
    """The decision row a question asks for: of the kind its verb names, from the meeting it names,
    covering its subject, taken by the bodies it names and in a paper naming the places it names
    (``paper_words``, as for answer_gate). A question about what was decided is not answered by a recommendation the
    minutes do not show was agreed."""
    context = context or {}
    words = set(re.findall(r"\w+", question.lower()))
    wanted = [kind for kind, verbs in _KIND_WORDS.items() if words & verbs]
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

    ranked = sorted(rows, key=lambda r: (r["kind"] in wanted, _within(r["citation"].get("meeting_date"), context), cover(r)), reverse=True)
    for row in ranked:
        if decided and row["kind"] == "recommendation" and row.get("outcome") not in ("agreed", "amended"):
            continue
        if not speaks_of_period(row["text"], row["citation"].get("meeting_date"), context):
            continue  # the question names another meeting
        if cover(row) >= MIN_DECISION_COVERAGE and names_present(bodies, words_of(read(row)), lexicon) and (
            names_present(places, words_of(read(row)), lexicon)
            or (paper_words is not None and names_present(places, paper_words(row["citation"]["document_id"]), lexicon))
        ):
            return row
    return None


def answers_the_kind(sentence: str, question: str, asks: str) -> bool:
    """A how-many answer needs a number, a when answer a date, that the question did not give (and
    a count of votes, a vote); a how-often answer says how often."""
    given = set(_NUMBER.findall(question)) | {m.lower() for m in _DATE_WORDS.findall(question)}
    if asks == "quantity":
        if _VOTING.search(question) and not _VOTING.search(sentence):
            return False  # "how many voted for ...?" is answered by a vote, not any count nearby
        return any(n.group(0) not in given for n in _counts_in(sentence)[1])
    if asks == "when":
        return any(m.lower() not in given for m in _DATE_WORDS.findall(sentence))
    if asks == "frequency":
        return bool(_FREQUENCY.search(sentence))
    return True


# "Where was the commitment to open two hubs first made?", "When did the council first pledge ...?"
FIRST_COMMITTED = re.compile(
    r"\bfirst\s+(?:commit(?:ted|ment)?|made|promised?|pledged?|set\s+out|appear(?:ed)?|said)\b", re.IGNORECASE,
)


def timeline_answer(rows: list[dict], passage_for) -> tuple[str, list[Citation]]:
    """A commitment's timeline: where it was first made, then each later paper it appears in, each
    cited to the passage that holds it. ``rows`` are its appearances, first first
    (registers.appearances); ``passage_for(row)`` finds the Hit recording a row (or None)."""
    cited = [(row, hit) for row in rows for hit in [passage_for(row)] if hit is not None]
    if not cited:
        return "", []
    citations = [_citation(n, hit) for n, (_, hit) in enumerate(cited, start=1)]
    (first, first_hit), later = cited[0], cited[1:]
    said = _first_words(first["text"], UPDATE_CHARS).rstrip(".")
    answer = f'First committed in {_where(first_hit)}: "{said}" [1]'
    if later:
        answer += ". It appears again in " + "; ".join(
            f"{_where(hit)} [{n}]" for n, (_, hit) in enumerate(later, start=2))
    return answer + ".", citations


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
    return f"{what}{about} was taken{when} by {maker}. [1]", [_citation(1, passage)]


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
            return f'The report "{hit.document_title}" ({_where(hit)}) is by {author}. [1]', [_citation(1, hit)]
    return "", []


def when_answer(hit: Hit) -> tuple[str, list[Citation]]:
    """For "when was that?": the meeting and paper of the previous answer's source."""
    if hit.meeting_date:
        meeting = f"at the {hit.body} meeting on {hit.meeting_date}" if hit.body else f"on {hit.meeting_date}"
        return f"That was {meeting}, in {_where(hit)}. [1]", [_citation(1, hit)]
    return f"The paper gives no meeting date; it is {_where(hit)}. [1]", [_citation(1, hit)]


def as_dict(answer: Answer) -> dict:
    return asdict(answer)
