"""What kind of answer a question asks for, and whether a sentence is of that kind.

"How many ..." wants a count (not a year, a date or "Section 5"), "when" a date or a time, "how
often" a frequency, "who" someone the question does not name, "how much did it cost" an amount of
money, "which resolution" a numbered record, "what was recommended" a recommendation. Read once
from the question (``Asked``), then asked of each sentence: as a bonus (``of_the_kind``) and, for
the kinds a sentence cannot answer without, as a test (``answers_the_kind``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from minutebook.ingest.actions import LOOSE, NEXT_MEETING, RELATIVE, sets_a_task
from minutebook.ingest.commitments import states_a_commitment
from minutebook.ingest.dates import MONTH
from minutebook.ingest.english import count_words
from minutebook.ingest.motions import VOTE_LABEL, records_an_outcome
from minutebook.ingest.noise import STREET, without_addresses
from minutebook.ingest.recommendations import asks_to_act
from minutebook.ingest.resolutions import records_a_decision

from minutebook.search.chat.conversation import Turn, measure_asked
from minutebook.search.storage.lexicon import Lexicon, stem as _stem
from minutebook.search.chat.names import DISTINCTIVE, words_of

_MONTHS = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
# A date as a question or an answer gives it: a day with its month first ("17 March", "March 17th"), so
# that "17 March" is a new date beside the "March" a question names; a date in figures ("9/22/16",
# "2019-07-29"); a year; a month; a time of day.
_DAY_MONTH = rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}\b|\b{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?\b"
_IN_FIGURES = r"\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b(?:19|20)\d\d-\d\d-\d\d\b"
_YEAR_MONTH_TIME = (rf"\b(?:19|20)\d\d\b|\b{_MONTHS}\b"
                    r"|\b\d{1,2}(?:[:.]\d\d)?\s*[ap]\.?m\b\.?|\b\d{1,2}:\d\d\b|\b(?:noon|midday|midnight)\b")
_DATE_WORDS = re.compile(f"{_DAY_MONTH}|{_IN_FIGURES}|{_YEAR_MONTH_TIME}", re.IGNORECASE)
# The dates that weigh in a sentence's favour leave out dates in figures, which minutes give for what
# they approve ("Minutes from 11/30/17 meeting approved") more than for what is to come.
_NAMED_DATE_WORDS = re.compile(f"{_DAY_MONTH}|{_YEAR_MONTH_TIME}", re.IGNORECASE)
_VOTING = re.compile(r"\b(?:vot(?:e|es|ed|ing)|ayes|nays|noes|abstain\w*|abstentions?|unanimous\w*)\b", re.IGNORECASE)
# "meets monthly", "on a quarterly basis", "every six weeks", "twice a year", "three times per term"
_FREQUENCY = re.compile(
    r"\b(?:daily|weekly|fortnightly|monthly|quarterly|annually|yearly|bi-?monthly|bi-?annually|biannually|half-yearly"
    r"|twice|every\s+(?:\w+\s+)?(?:day|week|fortnight|month|quarter|year|term|meeting)s?"
    r"|(?:once|\w+\s+times)\s+(?:a|per|each|every)\s+\w+)\b",
    re.IGNORECASE,
)
_PERSON = re.compile(r"\b(?:[A-Z][a-z]+ [A-Z][a-z'-]+|Director|Chair|Councillor|Cllr|Officer|Manager|Lead|Head of)\b")
# A paragraph or list number opening a sentence: "3.1 ", "2. ", "(iv) ", "b) ".
_LEADING_NUMBER = re.compile(r"^\s*\(?(?:\d{1,2}(?:\.\d{1,2})+[.)]?|(?:\d{1,2}|[ivx]{1,4}|[a-z])[.)])\s+", re.IGNORECASE)
_MONEY_QUESTION = re.compile(
    r"\bhow much\b.*\b(?:cost|costs|costing|spend|spending|spent|pay|pays|paying|paid|worth|budget|fund|funding|funded|price"
    r"|grant|grants|receive|received|allocate|allocated|allocation|award|awarded|raise|raised|save|saved|saving|savings"
    r"|charge|charges|charged|charging|fee|fees|revenue|revenues|income|earn|earns|earned|bring\s+in|brought\s+in|owe|owed"
    r"|borrow|borrowed|bid|bids|money|rent|rents)\b", re.IGNORECASE)
_MONEY_MEASURE = measure_asked("cost|budget|price|grant|allocation|funding|spend|spending|expenditure|value|fee|charge|revenue"
                               r"|income|dollar amount|amount(?!\s+of\b)|settlement|contract sum|premium")  # "the amount of time" is no money
# An amount of money: "£4.2m", "$14,429.00", "4.2 million pounds". Without a currency sign "25m" is as
# likely metres ("a 25m pool") and "5k" a run.
_CURRENCY = r"[£$€]\s?"  # a sign before a sum: "£4.2m", "$ 14,429.00"
MONEY = re.compile(rf"{_CURRENCY}\d|\b\d[\d,.]*\s?(?:million|billion|pounds|dollars|euros)\b", re.IGNORECASE)
# A number in figures ("1,070", "5.5"; not the comma after "2015,") or in words ("five focus groups";
# not "one", as often a pronoun as a count).
_NUMBER = re.compile(rf"\d+(?:[,.]\d+)*|\b(?:{count_words(leave_out=('a', 'an', 'one'))})\b", re.IGNORECASE)
_YEAR_NUMBER = re.compile(r"^(?:19|20)\d\d$")
_COUNTED = re.compile(r"\bhow many\s+(?:more\s+|fewer\s+)?(?P<thing>[a-z][\w-]*)", re.IGNORECASE)
_FINDING = re.compile(r"\b(?:conclu(?:de|ded|des|sion|sions)|found|finds|findings|show(?:s|ed)?|reveal(?:s|ed)?|recommend(?:s|ed|ations?)?)\b", re.IGNORECASE)
# "What happened to the motion?" asks how it was disposed of: a sentence recording that answers.
# "What was reported out of closed session?", "What action did the board report?": what a meeting did.
_OUTCOME_QUESTION = re.compile(r"\bwhat\s+(?:happened|was\s+the\s+(?:outcome|result|vote))\b|\breport(?:ed|s)?\s+out\b"
                               r"|\bwhat\s+action\s+(?:did|was)\b", re.IGNORECASE)
_RECOMMENDING = re.compile(r"\brecommend(?:s|ed|ing|ations?)?\b", re.IGNORECASE)
# "Which resolution covers beach monitoring?" asks for a record by its number: "RESOLUTION (2019-38)
# Authorize ...", "Minute 25", "Decision No. 24/00093".
_WHICH_RECORD = re.compile(r"\bwhich\s+(?:[\w'-]+\s+){0,4}?(?:resolution|motion|ordinance|minute|decision)s?\b", re.IGNORECASE)
_NUMBERED_RECORD = re.compile(
    r"\b(?:resolution|motion|ordinance|minute|decision)s?\s*(?:no\.?|number|#)?\s*\(?\s*[A-Za-z]{0,4}\d", re.IGNORECASE)
# Numbers that name rather than count: part of a name ("Covid-19", "M-25"), a paragraph number where
# a run of text goes on to the next paragraph ("... other areas 5.6 This will be enhanced"), a day of a
# month ("16th January", "March 12", "1 st April" where a raised "st" was read apart), a date in
# figures ("2016-12-15", "15/12/16"), a financial year
# ("2017/18"), a time ("7:00 p.m."), a place in order ("the 3rd floor"), a part of a paper ("see
# Section 5", "Appendix 2", "Ward 3", "sections 4210, 4212 and 4217", "Regulations 3 to 9", "type 2
# diabetes"), a record's number ("Resolution No. 24-31", "no. 1207"), a list's marker inside a sentence
# ("Action Required: (1) Members ..."), a label or code ("v1", "Q3", "A27", "31542R"), a case number
# ("31-072"), a street number ("118 West 9th Street") or a note's marker after a quotation or a
# sentence's end ("... disrupt their activities'* 18", "up to 60 a day.6").
_MONTH_NAMED = rf"(?=[A-Z])(?i:{MONTH})(?!\w)"  # "January", "JAN"; not "may" the verb
_NAMING_NUMBER = re.compile(
    rf"(?<=[A-Za-z]-)\d+|\b\d{{1,2}}\.\d{{1,2}}(?=\s+[A-Z][a-z])"
    rf"|\b[0-3]?\d(?:\s?(?:st|nd|rd|th))?\s+(?:of\s+)?{_MONTH_NAMED}|{_MONTH_NAMED}\s+[0-3]?\d(?:st|nd|rd|th)?\b"
    rf"|\b\d{{1,2}}:\d\d\s*(?i:[ap]\.?m\b\.?)?|\b\d{{1,2}}\.\d\d\s*(?i:[ap]\.?m\b\.?)|\b\d{{1,2}}\s*(?i:[ap]\.?m\b\.?)|\b\d+(?i:st|nd|rd|th)\b"
    r"|\b(?i:section|paragraph|para|appendix|annex|page|item|table|figure|chapter|option|phase|stage|tier|part"
    r"|schedule|recommendation|minute|resolution|ward|district|regulation|reg|rule|article|clause|type|level|grade|category"
    r"|band|priority|objective|step|question)s?\s+\(?\d[\d.]*(?:(?:,\s*|,?\s+and\s+|\s*[&-]\s*|\s+to\s+)\(?\d[\d.]*)*"
    r"|\b(?i:no|nos|number)\.?\s*\d[\d./-]*|\(\d{1,2}\)(?=\s+[A-Z])"
    r"|\b\d{4}-\d\d-\d\d\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b(?:19|20)\d\d[/-]\d\d\b|(?<=[A-Za-z])\d+|\b\d+(?=[A-Z]{1,3}\b)"
    rf"|\b\d{{2,}}-\d{{3,}}\b|{STREET}"
    r"|(?:(?<=[a-z][.!?])|(?<=['\"’”*])\s?)\d{1,3}(?=\s+[A-Z]|\s*$)"  # a note's marker, not "approx.60 groups"
)


_A_DAY_MONTH = re.compile(_DAY_MONTH, re.IGNORECASE)


def _date_key(date: str) -> str:
    """A date as it may be compared whichever way it is written: "21 November", "November 21st" and
    "21st of November" are one day."""
    date = " ".join(date.lower().split())
    if _A_DAY_MONTH.fullmatch(date):
        month, day = re.search(_MONTHS, date)[0], int(re.search(r"\d+", date)[0])
        return f"{month} {day}"
    return date


def _counts_in(sentence: str, thing: str | None = None, spelt: bool = False, money: bool = False) -> tuple[str, list[re.Match]]:
    """The numbers of a sentence that may be counts, with the sentence they were found in: not a
    year, not the paragraph or list number it opens with ("2. A Relational ..."), nor a number
    that names (_NAMING_NUMBER). A number in words is a count of the thing a question counts
    (``thing``: "how many focus groups" -> "five focus groups") or, when it counts nothing named, a
    measure ("how long ...?" -> "five minutes"); ``spelt``: or of whatever it counts ("three members"),
    as an answer may say it (not money, which is given in figures). A number measuring something
    else than ``thing`` is none of its counts (_measures), but an amount when the question also asks
    one (``money``: "how many ... and how much ...?")."""
    sentence = _LEADING_NUMBER.sub("", sentence)
    naming = [m.span() for m in _NAMING_NUMBER.finditer(sentence)]
    return sentence, [
        m for m in _NUMBER.finditer(sentence)
        if not _YEAR_NUMBER.match(m.group(0)) and not any(start <= m.start() < end for start, end in naming)
        and (m.group(0)[0].isdigit() or (_next_to(sentence, m, thing) if thing else bool(_UNIT.match(sentence, m.end())))
             or spelt and bool(_COUNTED_NOUN.match(sentence, m.end())) and not (thing and _UNIT.match(sentence, m.end())))
        and not (thing and _measures(sentence, m, thing, money))
    ]


# A number in words measures when a unit follows it: "five minutes", "twelve months", "ten per cent".
_TIMES = r"seconds?|minutes?|hours?|days?|weeks?|months?|years?"
_LENGTHS = rf"{_TIMES}|miles?|feet|metres?|meters?"  # of time or of distance
_UNIT = re.compile(rf"[\s-]+(?:{_LENGTHS}|per\s*cent|percent)\b", re.IGNORECASE)


def _span(lengths: str) -> str:
    """A length in ``lengths``: "12 months", "a two-year lease", "three (3) minutes", "a year and a half"."""
    return rf"(?:\d[\d,.]*|\b(?:{count_words()})(?:\s*\(\d+\))?)(?:\s+and\s+a\s+half)?[\s-]+(?:{lengths})\b"


_A_SPAN = _span(_LENGTHS)  # of time or distance
# A time told from another: "within six months", "one year after the park opens", "in the coming
# weeks", "by the spring" (as an action's due time is read, ingest/actions.py), "within 30 minutes of
# the start", "two days before", "within the month", "at the next meeting".
_RELATIVE_TIME = re.compile(
    rf"\b(?:{RELATIVE.pattern}|{LOOSE.pattern}|{_A_SPAN}\s+(?:after|from|following)\b|{_span(_TIMES)}\s+(?:before|prior\s+to|of\s+the)\b"
    rf"|within\s+the\s+(?:day|week|month|year)\b|(?:at|by|before|until|to)\s+{NEXT_MEETING}\b)", re.IGNORECASE)
# It counts what follows it as a plural or joined on: "three members", "a five-member board" (English
# spells small counts out where a table would give figures); a span of time counts no thing asked for.
_COUNTED_NOUN = re.compile(r"-[a-z]{3,}\b|\s+(?:[a-z]+\s+)?[a-z]{2,}(?<![su])s\b")


_UNIT_WORDS = frozenset(_stem(w) for w in re.findall(r"[a-z]+", _LENGTHS + "|percent|percentage|pounds|dollars|euros"))
_SUM_FOLLOWS = re.compile(rf"{_CURRENCY}$")  # what stands before a number that is a sum of money


def _measures(sentence: str, number: re.Match, thing: str, money: bool = False) -> bool:
    """Whether ``number`` measures time, distance, a share or (unless ``money`` is asked for too)
    money ("6 weeks", "30%", "£769,000"), so counts no ``thing`` a question counts unless the thing
    is that unit ("how many weeks ...?"): "how many people responded?" is not answered by "the
    consultation ran for 6 weeks"."""
    if _stem(thing.lower()) in _UNIT_WORDS:
        return False
    return (bool(_UNIT.match(sentence, number.end())) or sentence.startswith("%", number.end())
            or not money and bool(_SUM_FOLLOWS.search(sentence, 0, number.start())))


def _next_to(sentence: str, number: re.Match, thing: str) -> bool:
    """Whether ``thing`` is among the three words after ``number`` ("5 sessions", "five new sessions")."""
    stem = _stem(thing.lower())
    return any(_stem(w) == stem for w in re.findall(r"[a-z]+", sentence[number.end():number.end() + 40].lower())[:3])


def _counts(sentence: str, thing: str | None) -> bool:
    """Whether a sentence gives a count, and, when the question says what is counted ("how many
    sessions"), a number next to that thing."""
    sentence, numbers = _counts_in(sentence)  # in figures only: a number in words may answer, but earns no kind bonus
    if not thing:
        return bool(numbers)
    return any(_next_to(sentence, n, thing) for n in numbers)


_WHY = re.compile(r"\s*(?:(?:and|but|so)\s+)?(?:why|for\s+what\s+reasons?)\b", re.IGNORECASE)
_BECAUSE = re.compile(r"\b(?:because|due\s+to|owing\s+to|as\s+a\s+result|result(?:s|ed)?\s+(?:of|from)|in\s+order\s+to|so\s+that|since|given\s+that"
                      r"|in\s+response\s+to|in\s+light\s+of|in\s+view\s+of|on\s+account\s+of|caused\s+by|reasons?|to\s+allow|to\s+ensure"
                      r"|to\s+enable|to\s+avoid|to\s+comply)\b", re.IGNORECASE)
# A question about what a meeting did: someone elected or appointed, something adopted or approved.
# "who was elected", "was Dana Fox appointed" (the subject may stand between the two words), and the
# same in the active voice: "who did the council appoint".
_TAKEN = re.compile(r"\b(?:was|were|got|been)(?:\s+[\w'’.-]+){0,4}?\s+(?:elected|appointed|chosen|selected|adopted|approved|passed"
                    r"|rejected|decided|agreed|voted|granted|imposed)\b"
                    r"|\bdid(?:\s+[\w'’.-]+){1,6}?\s+(?:elect|appoint|choose|select|adopt|approve|pass|reject|decide|agree|vote|grant|impose)\b",
                    re.IGNORECASE)

# How long something lasts is answered by a span ("12 months", "a two-year lease", "three (3) minutes") or the time it
# runs until ("until the end of June"), not by any number nearby.
_ASKS_SPAN = re.compile(r"\bhow\s+long\b(?!\s+ago\b)", re.IGNORECASE)
_SPAN_GIVEN = re.compile(rf"{_A_SPAN}|\b(?:until|till|through)\b[^.;]{{0,30}}?(?:{MONTH}|\b(?:19|20)\d\d\b)", re.IGNORECASE)
_ASKS_VOTES = re.compile(r"\bhow\s+did\b.{0,80}?\bvote\b|\bwho\s+voted\b|\bwhat\s+was\s+the\s+(?:\w+\s+)?vote\b", re.IGNORECASE)
_ASKS_DAY = re.compile(r"\b(?:what|which)\s+(?:date|day)\b(?!\s+of\s+the\s+(?:week|month))", re.IGNORECASE)  # "on what date ...?": a day, not a month
_DAY_GIVEN = re.compile(f"{_DAY_MONTH}|{_IN_FIGURES}", re.IGNORECASE)
# "Who chaired the board?", "Who was chosen as the new mayor?": the office asked about, which the
# answer names beside the person ("Dana Fox, Chair"); a list of staff or members names other people.
_ASKS_OFFICE = re.compile(
    r"\bwho\s+(?:(?:is|was|were|will\s+be|has\s+been|had\s+been)\s+(?:(?:chosen|elected|appointed|named|selected|made)\s+"
    r"(?:as\s+)?)?(?:the\s+)?(?:new\s+)?(?P<office>vice[- ]chair|chair|president|mayor|clerk|treasurer|secretary)"
    r"|(?P<verb>chair|preside)(?:s|d|ed)?)\b", re.IGNORECASE)
# A question about what was to be done after the meeting: "what was the group supposed to do next?",
# "what were staff told to bring back?", "what follow-up was promised?".
_AHEAD = re.compile(r"\b(?:supposed|due|going|expected|meant|asked|told|directed|instructed|required)\s+to\b|\bwhat\s+(?:\w+\s+){0,4}next\b"
                    r"|\bnext\s+steps?\b|\b(?:come|report|bring\s+\w+|brought)\s+back\b|\bfollow[- ]?up\b|\bundert(?:ook|ake|aken)\b",
                    re.IGNORECASE)
_TO_DO = re.compile(r"\b(?:should|will|shall|(?:is|are|was|were)\s+to)\s+(?:now\s+|then\s+|also\s+|first\s+)?(?!be\b|have\b|need\b)[a-z]{3,}")  # "the group should arrange ..."
_ASKS_MOVER = re.compile(r"\bwho\b.{0,40}?\b(?:moved|seconded|proposed|made\s+the\s+motion)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Asked:
    """What kind of sentence answers a question, read from it once."""

    asks: str  # decision | when | who | where | quantity | frequency | other
    money: bool = False  # an amount of money
    counted: str | None = None  # the thing "how many" counts
    # "recommendation", "commitment", a report's "findings", a motion's "outcome", a numbered "record"
    kind: str | None = None
    report: str | None = None  # the report whose findings are asked for ("final report"), see report_asked_about
    why: bool = False  # a cause ("Why was the meeting cancelled?")
    taken: bool = False  # what a meeting did: someone elected or appointed, something adopted (see _TAKEN)
    votes: bool = False  # how members voted ("How did each commissioner vote?")
    mover: bool = False  # who moved or seconded a motion
    span: bool = False  # how long something lasts ("How long an extension is sought?")
    day: bool = False  # the day of something ("On what date ...?"), which a month alone does not give
    office: str | None = None  # the office a who-question asks the holder of, its first letters ("chair", "presi"), see _ASKS_OFFICE
    ahead: bool = False  # what was to be done after the meeting ("What was the group supposed to do next?"), see _AHEAD

    @classmethod
    def read(cls, turn: Turn) -> "Asked":
        question = turn.question
        words = set(re.findall(r"\w+", question.lower()))
        report = report_asked_about(question)
        if report:
            kind = "findings"
        elif _OUTCOME_QUESTION.search(question):
            kind = "outcome"
        elif _WHICH_RECORD.search(question):
            kind = "record"
        else:
            kind = next((k for k in ("recommendation", "commitment") if words & KIND_WORDS[k]), None)
        money = bool(_MONEY_QUESTION.search(question) or _MONEY_MEASURE.search(question))
        counted = _COUNTED.search(question)
        office = _ASKS_OFFICE.search(question)
        return cls(turn.asks, money, counted["thing"] if counted else None, kind, report,
                   bool(_WHY.match(question)), bool(_TAKEN.search(question)),
                   bool(_ASKS_VOTES.search(question)), bool(_ASKS_MOVER.search(question)),
                   bool(_ASKS_SPAN.search(question)), bool(_ASKS_DAY.search(question)),
                   office and re.split(r"[- ]", (office["office"] or office["verb"]).lower())[0][:5],  # "presi": president, presided
                   bool(_AHEAD.search(question)))


# A place given by its label: "Location:", "Venue:", "Place:", "Location/Address:".
PLACE_LABEL = r"\b(?i:location|venue|place|address)\s*(?:/\s*\w+\s*)?:"
# Where a meeting is held: a street address, a place named by its label, or by its kind ("Quay Hall").
_PLACE = re.compile(rf"{STREET}|{PLACE_LABEL}|\b(?:[A-Z][\w'’-]*\s+){{1,4}}(?:Hall|Chambers?|Room|Cent(?:re|er)"
                    r"|Library|School|Church|Pavilion|Institute|Building|Office)s?\b")


def of_the_kind(sentence: str, asked: Asked) -> float:
    """How well a sentence is of the kind of answer asked for: 0, 1, or 2 for a count of the very
    thing counted."""
    if asked.money:
        return float(bool(MONEY.search(sentence)))
    if asked.asks == "quantity":
        return _counts(sentence, None) + _counts(sentence, asked.counted) if asked.counted else float(_counts(sentence, None))
    if asked.asks == "when":
        return float(bool(_NAMED_DATE_WORDS.search(sentence)))
    if asked.asks == "frequency":
        return float(bool(_FREQUENCY.search(sentence)))
    if asked.asks == "who":
        return 2 / 3 * bool(_PERSON.search(sentence))
    if asked.asks == "where":
        return float(bool(_PLACE.search(sentence)))
    if asked.ahead and asked.kind is None:
        return float(sets_a_task(sentence) or bool(_TO_DO.search(sentence)))
    if asked.kind == "recommendation":  # said so, or an agenda item asking the body to act ("To approve ...")
        return float(bool(_RECOMMENDING.search(sentence) or asks_to_act(_LEADING_NUMBER.sub("", sentence))))
    if asked.kind == "commitment":
        return float(states_a_commitment(sentence))
    if asked.kind == "findings":
        return float(bool(_FINDING.search(sentence)))
    if asked.kind == "record":
        return float(bool(_NUMBERED_RECORD.search(sentence)))
    if asked.kind == "outcome":
        return float(records_a_decision(sentence) or records_an_outcome(sentence))
    return 0.0


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
# A post before a surname ("Director Ash", "Trustee Birch", "Councilmember Cole") names the person.
_TITLED = re.compile(r"\b(?:Director|Chair(?:man|woman|person)?|Trustee|Council\s?[Mm]ember|Alder(?:man|woman)|Supervisor"
                     r"|Manager|Clerk|Treasurer|Secretary|President|Chief|Senator|Representative)\s+(?P<name>[A-Z][a-z'’-]+)")
# A member named by surname alone where a motion or a vote names them: "Moved by Lee", "Nays: Ash".
_VOTED = re.compile(rf"(?i:\b(?:moved|seconded|proposed)\s+by\s+|\b{VOTE_LABEL}\s*[:–—-]\s*)(?P<name>[A-Z][a-z'’-]+)")
# Minutes name members by their initials where they act: "DF presented the report as SA was away",
# "DF to repaint the bench".
_INITIALS_ACTING = re.compile(r"(?<![\w.])(?P<name>[A-Z]{2,3})\s+(?=[a-z])")
_MOTION_WORDS = re.compile(r"\b(?:moved|mover|moves|seconded|seconder|second|proposed|proposer|motion)\b", re.IGNORECASE)
# "Dana Fox", "J. Fox", "Dana FOX": a name of two or more words, the first may be an initial.
_CAPITALISED_RUN = re.compile(r"(?<![\w.])(?:[A-Z]\.?\s?|[A-Z][a-z'’-]+\s+)(?:[A-Z][a-z'’-]+|[A-Z]{2,}\b(?!\.))(?:\s+(?:[A-Z][a-z'’-]+|[A-Z]{2,}\b))*")


def names_someone(sentence: str, question: str, lexicon: Lexicon) -> bool:
    """Whether a sentence names a person, a role or an organisation the question does not (an
    address names none)."""
    sentence = without_addresses(sentence)
    asked = words_of(question)
    if _HONORIFIC.search(sentence):
        return True
    if any(m.group(0).lower().split()[-1] not in asked for m in _ROLE.finditer(sentence)):
        return True  # "the District Police Commander", "the Saints Foundation"
    rare = DISTINCTIVE * lexicon.passages
    if any((name := m["name"].lower()) not in asked and name not in _ROLE_WORDS and lexicon.df.get(name, 0) <= rare
           for pattern in (_TITLED, _VOTED, _INITIALS_ACTING) for m in pattern.finditer(sentence)):
        return True
    return any(
        all(w not in asked and w not in _ROLE_WORDS and lexicon.df.get(w, 0) <= rare for w in words)
        for run in _CAPITALISED_RUN.finditer(sentence)
        for words in [re.sub(r"['’]s\b", "", run.group(0).lower()).split()]
    )


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


def promises(sentence: str, report: str) -> bool:
    """Whether a sentence speaks of ``report`` as still to come ("We will see a final report ...")."""
    return report in " ".join(sentence.lower().split()) and bool(_STILL_TO_COME.search(sentence))


# Which register a question about a decision is asking after, by its verb.
KIND_WORDS = {
    "resolution": {"resolve", "resolved", "decide", "decided", "decision", "agree", "agreed", "approve", "approved", "vote", "voted", "resolution"},
    "recommendation": {"recommend", "recommended", "recommendation", "recommendations", "asked"},
    "action": {"promise", "promised", "action", "actions", "follow"},
    "commitment": {"commit", "committed", "commitment", "commitments", "pledge"},
}


def gives_the_hard_facts(text: str, asked: Asked) -> bool:
    """Whether ``text`` gives what no answer may go without: an amount for "how much did it cost", a
    vote (ayes and nays, a tally, "unanimously") for "how did they vote"."""
    if asked.money and not MONEY.search(text):
        return False
    return not asked.votes or bool(_VOTING.search(text) or records_an_outcome(text))


def answers_the_kind(sentence: str, question: str, asked: Asked, lexicon: Lexicon) -> bool:
    """Whether a sentence can answer what ``question`` asks (read once as ``asked``): a how-many
    answer needs a number, a when answer a date or a time, that the question did not give (and a
    count of votes, a vote); a how-often answer says how often; a how-much-did-it-cost answer gives
    an amount; a who answer names someone the question does not (names_someone); a why answer gives a
    cause."""
    if not gives_the_hard_facts(sentence, asked):
        return False
    given = {n.lower() for n in _NUMBER.findall(question)} | {_date_key(m) for m in _DATE_WORDS.findall(question)}
    if asked.asks == "quantity":
        if asked.span:
            return any(m.group(0).lower() not in question.lower() for m in _SPAN_GIVEN.finditer(sentence))
        if _VOTING.search(question) and not _VOTING.search(sentence):
            return False  # "how many voted for ...?" is answered by a vote, not any count nearby
        counts = _counts_in(sentence, asked.counted, spelt=not asked.money, money=asked.money)[1]
        return any(n.group(0).lower() not in given for n in counts)
    if asked.asks == "when":
        if asked.day:
            return any(_date_key(m) not in given for m in _DAY_GIVEN.findall(sentence)) or bool(_RELATIVE_TIME.search(sentence))
        return any(_date_key(m) not in given for m in _DATE_WORDS.findall(sentence)) or bool(_RELATIVE_TIME.search(sentence))
    if asked.asks == "frequency":
        return bool(_FREQUENCY.search(sentence))
    if asked.asks == "who":
        if asked.mover and not _MOTION_WORDS.search(sentence):
            return False  # who moved or seconded it is said where the motion is
        if asked.office and asked.office not in sentence.lower():
            return False  # who holds an office is said beside its name ("Dana Fox, Chair")
        return names_someone(sentence, question, lexicon)
    if asked.why and not _BECAUSE.search(sentence):
        return False  # "why was it cancelled?" is answered by a cause, not by its being cancelled
    return True
