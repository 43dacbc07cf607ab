"""Actions: promised follow-ups ("to return to the Board in February 2022", "a report will come
back in six months", "officers to circulate", "will report back to").

One row per sentence that promises a follow-up. ``due_text`` is the time as written; ``due_date``
is an ISO date where the text allows: a month and year ("February 2022") is the FIRST day of that
month (always the first, so dates sort and compare consistently), and a relative period ("in six
months", "in 3 weeks") is counted from the document's meeting date, as are loose times ("the coming
months", "by the spring"; see LOOSE); a season with its year ("by the summer 2024") is that season's
first month. "The next meeting" is dated when the register is read, by the body's next meeting in
the papers.
"""

from __future__ import annotations

import re
from datetime import date

from dateutil.relativedelta import relativedelta

from minutebook.vocabulary import Decision, Document

from .dates import month_year, parse_date
from .decision_text import ENUMERATOR, Entry, Sentence, minute_of, parse_marker, referred_to, row_cells, sentences
from .english import NUMBER_WORDS, count_words
from .margins import ACTION_WORD, BARE_OWNER_LABEL, INITIALS, MAC_INITIALS
from .people import OFFICER_ROLE, TITLE, attending, name_pattern

# A follow-up is a verb of coming back / reporting / circulating aimed at a body or a meeting;
# "return to schools" or "bring this work back" is not one.
_TARGET = r"(?:the\s+|a\s+|its\s+|each\s+|our\s+)?(?:next\s+|future\s+|following\s+)?(?:[\w&'’-]+\s+){0,4}?(?:board|committee|cabinet|council|panel|hwb|h&wb|meeting|members|governing\s+body|partnership|forum|executive|scrutiny)\b"
# "the next meeting", "its next Harbour & Quays Committee meeting": a meeting of a body still to come.
NEXT_MEETING = r"(?:the|its)\s+next\s+(?:[\w&'’-]+\s+){0,4}meeting"
# Who a board directs to act, in either case: its staff and officers ("the Superintendent", "the Health &
# Human Services Director", "staff"). A task's actor (_ACTOR) is an officer only in capitals: "officers
# will" describes.
_ROLE = OFFICER_ROLE
# An officer as a board names one, by title, the post's words on either side of it ("the Health & Human Services
# Director", "the Director Infrastructure"); one it directs, also by the post's initials ("the CAO"), which after
# "asked" are as often the body's own ("asked the PC to nominate a trustee").
_POST = rf"(?:(?:[A-Z][\w'’-]*|&)\s+){{0,4}}{_ROLE}"  # an officer's post, with the words before its title
# the service named after a post: "Director of Services, Planning and Transportation", "Executive Director of Education"
_SERVICE = r"(?:,?\s+(?:(?:of|for|and|in|the|&)\s+)*[A-Z(][\w'’()&-]*)*"
_OFFICER = rf"(?:the\s+)?{_POST}(?:\s+(?-i:[A-Z])[\w&'’-]*){{0,3}}"
_TITLED_NAME = rf"(?-i:{TITLE})\.?\s+(?-i:[A-Z])[\w'’-]+"  # one directed by name: "directed Mr. Dukes to advertise"
_A_REPORT = r"(?:a|an)\s+(?:further\s+|follow[- ]up\s+|progress\s+|full\s+|written\s+)?(?:report|update)\b"  # a report asked for
_VERB = (
    # "come back to the Board" or "come back in six months", not "come back to work"
    rf"(?:report(?:ed|ing)?\s+back|(?:come|coming)\s+back(?:\s+to\s+{_TARGET}|(?!\s+to\b))|brought\s+back|bring\s+(?:[\w'’ ]{{1,40}}?\s+)?back\s+to|"
    rf"return(?:ed|ing|s)?\s+(?:to\s+{_TARGET}|for\s+(?:approval|agreement|consideration|decision))|be\s+circulated|(?:to|will|would)\s+circulate|"
    rf"(?:be|is|are)\s+presented\s+(?:\w+\s+){{0,3}}?(?:to|at)\s+{_TARGET}|(?:be|is|are)\s+(?:reported|brought|submitted)\s+(?:\w+\s+){{0,3}}?(?:to|at)\s+{_TARGET}|"
    r"schedule\s+time\s+on\s+the\s+next\s+agenda|"
    # a report asked for: "requested a further report in six months", "bring a report on the lease to the June meeting"
    rf"requested\s+{_A_REPORT}|bring\s+{_A_REPORT}[^.;]{{0,80}}?\b(?:to|at)\s+{_TARGET}|"
    # a motion handing on the work: "to adopt and refer to the City Manager to implement", "direct staff to prepare"
    r"refer(?:red|ring)?\s+(?:it\s+|this\s+)?to\s+(?:the\s+)?(?:[A-Z][\w&'’-]*\s+){1,4}(?:to|for)\s+[a-z]+|"
    # the body directing or asking an officer, or giving direction to one ("directed the CAO to", "asked the General
    # Manager to schedule ...", "gave direction to staff to prepare an ordinance")
    rf"(?:direct(?:ed|s)?|(?:gave|give|gives|given|provided)\s+(?:\w+\s+)?direction\s+to)\s+(?:{_OFFICER}|(?:the\s+)?(?-i:[A-Z]{{2,5}})|{_TITLED_NAME})\s+to\s+[a-z]+"
    rf"|(?<!\bwho\s)asked\s+(?:{_OFFICER}|{_TITLED_NAME})\s+to\s+[a-z]+|"
    # a decision's own clause instructing an officer: "to instruct the Executive Director of Education and
    # Children's Services to hold public meetings", "requests the Chief Executive to report"
    # (the clause's own verb, at its start: "the Committee (PAC) has requested the Department to" reports another's request)
    rf"^(?:{ENUMERATOR})?(?:to\s+)?(?:instruct|request)(?:ed|s)?\s+(?:the\s+)?{_POST}\b{_SERVICE},?\s+to\s+[a-z]+|"
    # "Staff was directed to return with a phasing option", "the Clerk is directed to write", "The Clerk was
    # instructed to write again", "The Director of Place was asked to report", and a resolution's clause: "AND THAT
    # staff be directed to prepare the by-law"
    rf"(?:^|\b(?-i:the)\s+|(?<=\bthat\s)){_POST}(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){{0,2}}|\s+(?-i:[A-Z])[\w'’-]+)?"
    r"\s+(?:was|were|is|are|be)\s+(?:also\s+|further\s+)?(?:directed|instructed|asked|requested)\s+to\s+[a-z]+|"
    # "will review the policy at the next meeting", "an update for the next board meeting was requested"
    rf"(?:review|consider|discuss)(?:ing)?\b[^.;]{{0,120}}?\bat\s+{NEXT_MEETING}|"
    rf"(?:update|report)\b[^.;]{{0,100}}?\bfor\s+{NEXT_MEETING}\s+was\s+requested|"
    # "the treasurer should chase the insurer before the next board meeting", "a plan would be drawn up for the next meeting"
    rf"(?:will|would|should|shall|to)\s+(?:be\s+)?[a-z]+\b[^.;]{{0,100}}?\b(?:at|for|before|to|by)\s+{NEXT_MEETING})"
)
_FOLLOW_UP = re.compile(_VERB, re.IGNORECASE)
_FUTURE = re.compile(r"\b(?:will|would|shall|to|could|should|resolved|agreed|agree|happy\s+to|asked|requested|expected|due)\b|^(?:\w\)\s+)?that\b", re.IGNORECASE)
_DIRECTIVE = re.compile(r"^(?:RESOLVED|AGREED|DECIDED)\b|^it\s+was\s+(?:resolved|agreed)\b", re.IGNORECASE)
# "Quarterly reports are presented to the Committee" describes a standing routine, not a promise.
_ROUTINE = re.compile(r"\b(?:each|every)\s+(?:year|quarter|month|meeting)\b|\b(?:annually|quarterly|half[- ]yearly|monthly|routinely)\b", re.IGNORECASE)
# "arrangements were made that any concerns would be reported": a past arrangement told in
# reported speech, not a follow-up promised here ("it was agreed that ... would" stays a promise).
_PAST_ARRANGEMENT = re.compile(
    r"\b(?:was|were|had\s+been|has\s+been|have\s+been)\s+(?:made|arranged|established|set\s+up|put\s+in\s+place)\s+(?:so\s+)?that\b.*\bwould\b",
    re.IGNORECASE,
)
# "... passed a motion proposing that:", "the following amendment:": the words after are a motion's.
_MOTION_LEAD = re.compile(r"\b(?:motion|amendment)\b[^.]*:\s*$", re.IGNORECASE)
# "post Autumn 2022", "from April 2024", "until March 2025": a period's bounds, not when it is due.
_PERIOD_BOUND = re.compile(r"\b(?:post|after|beyond|since|from|until|till)\s*$", re.IGNORECASE)
_NOT_FUTURE = re.compile(r"\b(?:was|were|had\s+been|has\s+been)\s+(?:reported|brought|circulated|presented|returned)\b", re.IGNORECASE)

_WHO = re.compile(
    r"^(?:that\s+|agree\s+that\s+|\w\)\s+)?(?P<who>(?:the\s+)?(?:[A-Z][\w&'’.-]*|of|and|for|&)(?:\s+(?:[A-Z][\w&'’.-]*|of|and|for|the|&)){0,7})\s+"
    r"(?:will|would|to|are|is|agreed\s+to|could|shall)\b"
)
RELATIVE = re.compile(rf"\b(?:in|within)\s+(?:(?:the\s+)?(?:next\s+)?)(?P<n>\d{{1,2}}|{count_words()})\s+(?P<unit>weeks?|months?|years?)(?:['’]?\s*time)?\b", re.IGNORECASE)
_MONTH = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
# Times a minute gives loosely, as the first day they point to from the meeting: a season's first
# month ("by the spring": 1 March next), "the coming months" a quarter on, "the coming weeks" a
# month on, "the coming year" a year on. The words are kept as due_text beside the date.
_SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
_COMING = {"weeks": {"months": 1}, "months": {"months": 3}, "year": {"years": 1}}
_SEASON = "|".join(_SEASONS)
_SEASON_YEAR = re.compile(rf"\b(?P<season>{_SEASON})\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE)
LOOSE = re.compile(r"\b(?:(?:in|over|during|within)\s+)?the\s+(?:coming|next\s+few)\s+(?P<span>weeks|months|year)\b"
                   rf"|\b(?:by|in|during|before|over)\s+(?:the\s+)?(?P<season>{_SEASON})\b(?!\s+(?:19|20)\d\d)",
                   re.IGNORECASE)
# A season standing alone as a due time ("the summer 2024"): "fall" only after "by" or "in" (LOOSE), as
# it is as often the verb.
_SEASON_NOUN = "|".join(season for season in _SEASONS if season != "fall")
_DUE = re.compile(
    rf"\b(?:(?:in|by|at|within|before|for|during|from|until)\s+)?(?:(?:the\s+)?(?:next|following|coming|a\s+future|future)\s+(?:[\w&'’-]+\s+){{0,4}}?(?:meeting|months|weeks|year|quarter)s?"
    rf"|(?:early|mid|late|end\s+of)?\s*{_MONTH}\s+(?:19|20)\d\d|(?:the\s+)?(?:{_SEASON_NOUN}|new\s+year)(?:\s+(?:19|20)\d\d)?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}(?:\s+(?:19|20)\d\d)?)\b",  # whole words: not "the spring" of "the springers"
    re.IGNORECASE,
)


def _bound(text: str, match: re.Match) -> bool:
    """Whether a time names a period's bound ("post Autumn 2022", "from April") rather than a due time."""
    said = match.group(0).strip()
    return bool(re.match(r"(?:from|until)\b", said, re.IGNORECASE) or _PERIOD_BOUND.search(text[: match.start()]))


def _loose(text: str, meeting_date: str | None) -> tuple[str, str | None] | None:
    match = LOOSE.search(text)
    if not match:
        return None
    if not meeting_date:
        return match.group(0), None
    base = date.fromisoformat(meeting_date)
    if match.group("span"):
        return match.group(0), (base + relativedelta(**_COMING[match.group("span").lower()])).isoformat()
    month = _SEASONS[match.group("season").lower()]
    year = base.year if month > base.month else base.year + 1
    return match.group(0), date(year, month, 1).isoformat()


def _due(text: str, meeting_date: str | None) -> tuple[str | None, str | None]:
    """(due_text, due_date ISO) for a follow-up sentence. "The next meeting" stays text here: its
    date is that of the body's next meeting in the papers, known when the register is read."""
    if loose := _loose(text, meeting_date):
        return loose
    relative = RELATIVE.search(text)
    if relative:
        due_text = relative.group(0)
        if meeting_date:
            n = relative.group("n").lower()
            count = int(n) if n.isdigit() else NUMBER_WORDS.get(n, 0)
            unit = relative.group("unit").lower().rstrip("s") + "s"
            base = date.fromisoformat(meeting_date)
            return due_text, (base + relativedelta(**{unit: count})).isoformat()
        return due_text, None
    match = next((m for m in _DUE.finditer(text) if not _bound(text, m)), None)
    if not match:
        return None, None
    due_text = match.group(0).strip()
    default_year = int(meeting_date[:4]) if meeting_date else None
    exact = parse_date(due_text, default_year)
    if exact:
        return due_text, exact
    if season := _SEASON_YEAR.search(due_text):  # "by the summer 2024": that season's first month
        return due_text, date(int(season["year"]), _SEASONS[season["season"].lower()], 1).isoformat()
    return due_text, month_year(due_text)  # first day of the month


_LABEL_WORD = re.compile(r"^(?i:actions?)\s*[:–-]?\s+(?=[A-Z])")  # "ACTION The Clerk to ...": the label names nobody


def _who(text: str) -> str | None:
    marker = parse_marker(text)
    body = _LABEL_WORD.sub("", marker.rest if marker else text)
    match = _WHO.match(body)
    if not match:
        return None
    who = match.group("who").strip()
    if who.lower() in ("it", "this", "that", "there", "the", "a", "he", "she", "they", "we") or len(who) < 2:
        return "we" if who.lower() == "we" else None
    return who


def _row(document: Document, entries: list[Entry], sentence: Sentence, body: str, who: str | None) -> Decision:
    """An action row for ``body``, the sentence without its list marker, cited at its pages."""
    due_text, due_date = _due(body, document.meeting_date)
    entry = entries[sentence.start]
    reference, title = minute_of(entry.section) if document.type == "minutes" else (entry.section.paragraph, None)
    details = {"who": who, "what": body, "due_text": due_text, "due_date": due_date, "meeting_date": document.meeting_date}
    return Decision(
        kind="action", document_id=document.id, ordinal=0, text=body, items=[], page=sentence.page,
        last_page=sentence.last_page if sentence.last_page != sentence.page else None,
        section=entry.section.path, reference=reference, title=title or entry.section.path.rsplit(" > ", 1)[-1],
        details={k: v for k, v in details.items() if v},
    )


# A decision verb in capitals is the meeting's own, never a name after a title ("Trustees AGREED to ...").
_DECIDING = r"(?:RESOLVED|AGREED|DECIDED|APPROVED|NOTED|RECOMMENDED|ENDORSED|RATIFIED)"

# Minutes give tasks to people: "AS to chase the contractor", "Cllr Ash agreed to ask",
# "the Clerk will write", "Director Fox will survey staff", "It was agreed that KG will liaise".
_ACTOR = (
    rf"(?:[A-Z]{{2,3}}|{MAC_INITIALS})(?:\s*(?:&|and|/|,)\s*(?:[A-Z]{{2,3}}|{MAC_INITIALS}))*"  # initials, as an action column writes them
    # a middle name too: "Cllr Aled Rhys Prydderch"; not the meeting's own decision in capitals ("Trustees AGREED to set ...")
    rf"|{TITLE}\.?\s+(?:Ms\.?\s+|Mrs\.?\s+)?(?!{_DECIDING}\b)[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{0,2}}"
    # the clerk's and the chair's offices in either case ("the clerk agreed to"): minutes write them both ways
    r"|(?:[Tt]he\s+)?(?:(?:(?:Deputy|Assistant|Town|Parish)\s+){0,2}[Cc]lerk|[Cc]hair(?:man|woman|person)?|Vice[- ]Chair(?:man)?|[Tt]reasurer|[Ss]ecretary|RFO|Proper\s+Officer"
    r"|Executive\s+Director|Director|Management\s+Team"
    # the body's own office-holders and heads of service: "The Mayor undertook to send ...", "the Vice-Chancellor",
    # "Chief Nurse to present ...", "Head of Health and Community Care to provide ..."
    r"|(?:Executive\s+)?Mayor|(?:Vice[- ])?Chancellor|Chief\s+[A-Z][a-z]+|(?:Head|Director)\s+of\s+(?:(?:[A-Z][\w&'’-]*|and|&)\s+){0,4}[A-Z][\w&'’-]*"
    # an officer by title: "the Chief Finance Officer", "the Meetings Administrator", "Company Secretary", "Staff"
    r"|(?:[A-Z][\w&'’-]*\s+){0,3}(?:Officer|Manager|Administrator|Superintendent|Counsel|Attorney|Engineer|Executive|Secretary|CEO|CAO)"
    r"|[Ss]taff|Officers(?=\s+to\s+[a-z]))"  # "Officers to arrange a site visit", not "Officers will continue"
)


def _assignment(actor: str) -> re.Pattern:
    """A task given to ``actor`` (a pattern), at the start of a sentence or clause."""
    return re.compile(
        # after a caption ("Slipway Repairs – DF to ...") or a minute's number and title run on into
        # its first sentence ("24/032 Footpaths The Clerk will ...", "24/033: Highways: Cllr Ash agreed to ...")
        # or joined on to a report of the discussion ("... the noticeboard was damaged and Cllr Ash agreed to repaint it",
        # "... no date has been given; Cllr Elliot will chase this")
        # or after an action's label without its colon ("Action GP to write to the club", "ACTION The Clerk to ...")
        rf"(?:^(?:{ACTION_WORD}\s+|[\w&'’ -]{{0,60}}?[-–:]\s+|\d{{1,4}}(?:[/.]\d{{1,4}})+[.:]?\s+(?:[\w&'’ -]{{0,60}}?[-–:]\s+|(?:[A-Z][\w'’&-]*\s+){{0,5}}?))?|(?<=\band\s)|(?<=\bthat\s)|(?<=;\s))"
        rf"(?:(?i:it)\s+was\s+(?:agreed|resolved|decided)\s+(?:that\s+)?)?(?P<actor>{actor})\s+"
        # in reported speech: "Director Smith stated she will check ...", "the Clerk said that he would write ...", "Sue said she'd ask ..."
        r"(?:(?:stated|said|shared|confirmed|advised|indicated|explained|reported)\s+(?:that\s+)?(?:she|he|they)(?:\s+|(?=['’])))?"
        r"(?P<how>to|will|would|shall|['’]ll|['’]d|(?:kindly\s+)?(?:agreed|offered|volunteered|undertook)\s+to|(?:is|are)\s+to|(?:(?:was|were|is|are)\s+)?(?:asked|requested)\s+to)"
        r"\s+(?P<verb>[a-z]+)"
    )


_ASSIGNED = _assignment(_ACTOR)
# Welsh minutes give tasks as "Y Clerc i ysgrifennu ..." (the Clerk to write), "Cyng. Eirlys Gwyn i lunio ...",
# "Clerc y Dref i hysbysu ...", "Cytunodd y Cyng. X i drefnu ..." (agreed to arrange), "Addawodd y Cynghorydd X
# godi ..." (promised to raise), "Bydd y Cynghorydd X yn casglu ..." (will collect); the verb after "i" mutates.
_WELSH_ACTOR = (r"(?:[Yy]\s+)?(?:(?:Dirprwy\s+)?[CcGg]lerc(?:\s+y\s+(?:Dref|Cyngor))?|Cadeirydd|Is-gadeirydd|Trysorydd|Maer)"
                r"|(?:[Yy]\s+)?(?:Cyng\.?|Cynghorydd(?:\s+Sir)?)\s+[A-Z][\w'’-]+(?:\s+(?:ap\s+|ab\s+)?[A-Z][\w'’-]+){0,2}")
_WELSH_TASK = re.compile(
    rf"(?:^(?i:gweithredu\s*:\s*)?|(?<=\ba\s)|(?<=;\s))(?:(?P<how>Cytunodd|Addawodd|Gwirfoddolodd|[Bb]ydd)\s+)?(?P<actor>{_WELSH_ACTOR})\s+"
    r"(?(how)(?:i\s+|yn\s+)?|i\s+)(?P<verb>[a-zâêîôûŵŷ'’]+)"  # after "agreed / promised / will" the "i" may go
)
# A member named in the sentence before taking the task on, by a pronoun: "He undertook to ask Highways about
# a marking.", "... at the shop - she'll ring them this week." Only a promise or an undertaking: "he said",
# "she was" or "they will not" report, and an offer ("she offered to help") is not yet a task.
_PRONOUN_TASK = re.compile(
    r"(?:^|(?<=\band\s)|(?<=;\s)|(?<=[-–]\s))(?P<actor>[Hh]e|[Ss]he|[Tt]hey)(?:\s+|(?=['’]))"
    r"(?P<how>(?:agreed|undertook)\s+to|['’]ll|will)\s+(?P<verb>(?!not\b)[a-z]+)"
)


# A task minuted without a doer, as a heading of what is to be done: "Quotes to be obtained.", "The
# situation to be monitored and reported to the County Council.", "Mrs Gray to be informed." No
# finite verb comes before "to be": "the work needs to be done" or "the hall will be used" reports.
_TO_BE_DONE = re.compile(
    r"^(?:[\w&'’ /()-]{0,60}?[-–:]\s+)?[A-Z][\w'’&,/()-]*"
    r"(?:\s+(?!(?:is|are|was|were|will|would|has|have|had|needs?|should|could|may|might|must|shall|can|wants?|likes?)\b)[\w'’&,/()-]+){0,10}?"
    r"\s+(?:still\s+|now\s+|also\s+)?to\s+be\s+(?:[a-z]+ed|made|sent|done|held|taken|put|set|sought|written|brought|drawn|led|given|kept|shown|told)\b"
)


# A member asking for something to be done: "Cllr Ash requested that the Council ask the county to repaint the shelter",
# "DF asked that the lease be checked with the solicitors" (who is to do it is not said).
_REQUESTED = re.compile(rf"(?P<actor>{_ACTOR})\s+(?:asked|requested)\s+(?:that\s+(?!(?:he|she|they|it)\s+(?:was|were|had|would)\b)"
                        # not a member's own vote put on record ("Cr Ash requested that his vote against the motion be recorded")
                        r"(?!(?:his|her|their|the)\s+(?:(?:\w+\s+)?votes?|dissent|abstention|objection)\b)"
                        # or asked the body's staff themselves: "Ms. Ferreira asked staff to prepare a draft policy"
                        rf"|(?:staff|the\s+(?:[A-Z][\w&'’-]*\s+){{0,3}}{_ROLE})\s+to\s+[a-z]+)")


# An action label naming only who is to act, after the minute it closes ("... asking for an
# inspection. Action: DF", a margin column's entry read beside its line: "Action: DF & SA"): the
# task is the sentence before it.
_DOER = rf"(?:{INITIALS}|(?:[Tt]he\s+)?[A-Z][a-z'’-]+|[Aa]ll)"
_LABEL = (rf"(?:(?i:actions?(?:\s+by)?|gweithredu)\s*[:–-]\s*(?P<who>{_DOER}(?:\s*(?:[/&,]|\band\b|\s)\s*{_DOER}){{0,4}})\s*[/&,]?\s*\.?$"
          rf"|{BARE_OWNER_LABEL})")  # or without its colon, initials only: "Action RM, HL, CA"
_ACTION_LABEL = re.compile(rf"^{_LABEL}")
# The label with the task after who is to do it: "Action: DMcK - write to Roads, by 29 March".
_LABELLED_TASK = re.compile(
    rf"^(?i:actions?)\s*:\s*(?P<who>{_DOER}(?:\s*(?:[/&,]|\band\b)\s*{_DOER}){{0,4}})\s+[-–—]\s+(?P<what>[a-z]\S*\s+\S.*)$")
# The label before an officer named by post, its service after it, and the task: "Action: Group Manager Strategy and
# Community to circulate the legal advice", "Action: Director of Services, Planning and Transportation, to report ...".
_LABELLED_OFFICER = re.compile(rf"^(?i:actions?)\s*:\s*(?P<who>{_POST}{_SERVICE}),?\s+to\s+[a-z]+")
# A board's direction under its own label, as an action summary sets it out: "Direction to staff: Return within
# 60 days with a revised framework", "Staff direction: consult the cities on shared shelter beds"; the item's
# title may run into it ("(Discussion and possible direction) Direction to staff: ...").
_DIRECTION_LABEL = re.compile(r"(?:^|(?<=\)\s))(?:direction\s+(?:given\s+)?to\s+(?P<who>staff|(?:the\s+)?[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,3})"
                              r"|(?P<staff>staff)\s+direction)\s*:\s*\S", re.IGNORECASE)
# the label run into the sentence it closes, when that ends without a stop ("... www.quayford.org Action: DF")
_LABEL_AT_END = re.compile(rf"(?<=\S)\s+{_LABEL}")


def _owners(label: re.Match) -> str:
    """Who an action label names, with or without its colon."""
    return label["who"] or label["owners"]


MIN_TASK_WORDS = 3  # before a label run into its sentence: "Website Action: DF" is a heading's owner, not a task


# An action log's row reference ("Mar25.02 AS to chase ..."): a table read as text runs its rows
# into one sentence, and each reference opens the next row.
_LOG_REF = r"[A-Z][A-Za-z]{0,8}\d{1,4}(?:[/.]\d{1,4})+\s+(?=[A-Z])"  # a capital follows: not "install v2.1 of"
_LOG_ROW = re.compile(rf"(?<![\w/.])(?={_LOG_REF})")
_LOG_REFERENCE = re.compile(rf"^{_LOG_REF}")


def _reports(match: re.Match, said: str) -> bool:
    """Whether an assignment's verb reports or describes rather than tasks: "X would be ...", "Staff will be
    visible on video", "Staff will have to choose" (but "Cllr Ash will be attending the meeting")."""
    verb, how = match.group("verb"), match.group("how").replace("’", "'")
    how = {"'d": "would", "'ll": "will"}.get(how, how)
    if how == "would":
        return verb in ("be", "have", "been", "like", "prefer")
    following = said[match.end():].split()[:1]
    return how == "will" and (verb == "be" and not (following and following[0].endswith("ing"))
                              or verb == "have" and following[:1] == ["to"])


# A list of the meeting's actions, under its own heading or lead-in ("ACTION LIST", "Actions summary", "Action
# points", "Matters arising from this meeting:"): each line names who is to act, then the task.
_ACTION_LIST = re.compile(r"^(?:summary\s+of\s+actions|(?:agreed\s+)?(?:actions|action(?=\s))(?:\s+(?:list|points|summary|log|arising|agreed))?"
                          r"|(?:\w+\s+)?matters\s+arising\b[^.]*)\s*:?\s*$", re.IGNORECASE)


TITLE_LINES = 3  # a paper's first lines name it and its body: a list's heading comes after them


def _listed_task(doer: str, separator: str) -> str:
    """A line of an action list: who (``doer``, perhaps with others: "Euan / Shona", "Town Clerk with Chair"),
    ``separator``, then the task."""
    return (rf"^(?P<who>{doer}(?:\s*(?:/|&|,|\band\b)\s*{doer})*(?:\s+with\s+(?:the\s+)?(?:{doer}|[a-z]+(?:\s+[a-z]+)?))?)"
            rf"{separator}(?P<what>\S.{{8,}})$")


# An officer or member by title may stand before a colon ("Town Clerk: award the contract"); a first name only
# before a dash ("Morag - chase the council"), as "Presenter: ..." labels a field.
_FIRST_NAMES = r"[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+)?"
_LISTED_TASKS = (re.compile(_listed_task(_ACTOR, r"\s*:\s+")),
                 re.compile(_listed_task(f"(?:{_ACTOR}|{_FIRST_NAMES})", r"\s+[-–—]\s+")))


def _action_list(document: Document, entries: list[Entry], taken: set[int]) -> list[tuple[int, Decision]]:
    """Each line of an action list ("Clerk - Order the speed sign (24/059)", "• Town Clerk with Chair: tree
    works quotation up to £2,400") as a task of the one it names."""
    found = []
    listing = False
    lines_read = 0  # the paper's own title ("ACTION SUMMARY" over its meeting's day) heads no list
    for index, entry in enumerate(entries):
        text = entry.text.strip()
        lines_read += bool(text)
        if entry.heading or not text:
            listing = bool(entry.heading and _ACTION_LIST.match(text) and lines_read > TITLE_LINES) or (listing and not text)
            continue
        if _ACTION_LIST.match(text):
            listing = lines_read > TITLE_LINES
            continue
        marker = parse_marker(text)
        said = marker.rest if marker and marker.family == "bullet" else text
        task = next((m for pattern in _LISTED_TASKS if (m := pattern.match(said))), None) if listing else None
        if task and index not in taken:
            sentence = Sentence(said, entry.page, entry.page, index, index, index)
            found.append((index, _row(document, entries, sentence, said, " ".join(task["who"].split()))))
        elif not task and not said[:1].islower():
            listing = False  # a line of another kind ends the list; one going on in lower case wraps a task
    return found


def _assignments(document: Document, entries: list[Entry], read: list[Sentence], taken: set[int],
                 undone: bool = True) -> list[tuple[int, Decision]]:
    """Tasks minutes give to a named person or officer ("AS to chase ...", "the Clerk will write ..."),
    each row of an action log's, or, with ``undone``, what is set down to be done ("Quotes to be obtained")."""
    found = []
    listed = name_pattern(attending(entries))
    by_name = _assignment(listed) if listed else None  # a listed person tasked by bare name ("Janet will ...")
    for n, sentence in enumerate(read):
        if sentence.start in taken:
            continue
        marker = parse_marker(sentence.text)
        body = marker.rest if marker and marker.family != "caps" else sentence.text
        for row in [row.strip() for row in _LOG_ROW.split(body) if row.strip()]:
            logged = _LOG_REFERENCE.match(row)
            said = row[logged.end():] if logged else row  # the task after its row's reference
            match = _ASSIGNED.search(said) or (by_name.search(said) if by_name else None) or _PRONOUN_TASK.search(said)
            cited = sentence
            label = _ACTION_LABEL.match(said) if not logged else None
            if labelled := _LABELLED_TASK.match(said) if not logged else None:
                task = _row(document, entries, cited, said, labelled.group("who"))
            elif officer := _LABELLED_OFFICER.match(said) if not logged else None:
                task = _row(document, entries, cited, said, officer["who"])
            elif directed := _DIRECTION_LABEL.search(said) if not logged else None:  # after an item's "(Possible direction)" too
                task = _row(document, entries, cited, said, directed["who"] or directed["staff"])
            elif label:
                before = read[n - 1] if n else None
                if before is None or before.start in taken or any(start == before.start for start, _ in found) \
                        or entries[before.start].heading or _ACTION_LABEL.match(before.text):
                    continue  # a task already, or no sentence of its own to close
                # the label closes the whole point its sentence ends, when that point is a list's item
                first = n - 1
                if before.paragraph >= 0 and parse_marker(entries[before.paragraph].text):
                    while first > 0 and read[first - 1].paragraph == before.paragraph and read[first - 1].start not in taken \
                            and not _ACTION_LABEL.match(read[first - 1].text):
                        first -= 1
                opening = read[first]
                told = " ".join(s.text for s in read[first:n])
                if len(told.split()) < MIN_TASK_WORDS:
                    continue  # "Governance / Action: AW": a heading's owner, not a task
                cited = Sentence(f"{told} {said}", opening.page, sentence.last_page, opening.start, sentence.end, before.paragraph)
                task = _row(document, entries, cited, cited.text, _owners(label))
            elif match and not _reports(match, said):
                before = referred_to(read, n) if not logged and said == body else None
                if before and not _ASSIGNED.search(before.text):  # "DF asked to help find these." says what in the sentence before
                    said = f"{before.text} {said}"
                    cited = Sentence(said, before.page, sentence.last_page, before.start, sentence.end, sentence.paragraph)
                pronoun = match.re is _PRONOUN_TASK
                task = _row(document, entries, cited, said, None if pronoun else match.group("actor").strip())
            elif not match and (welsh := _WELSH_TASK.search(said)):
                task = _row(document, entries, cited, said, welsh["actor"].strip())
            elif (closing := _LABEL_AT_END.search(said)) and not logged and len(said[: closing.start()].split()) >= MIN_TASK_WORDS:
                task = _row(document, entries, sentence, said, _owners(closing))
            elif undone and _TO_BE_DONE.match(said) and not said.rstrip().endswith("?") and not _DIRECTIVE.match(said):
                task = _row(document, entries, sentence, said, None)
            elif undone and _REQUESTED.search(said):
                task = _row(document, entries, sentence, said, None)
            else:
                continue
            if logged:
                task.reference = logged.group(0).strip()
            found.append((cited.start, task))  # where the row's text starts
    return found


def sets_a_task(sentence: str) -> bool:
    """Whether a sentence sets something down to be done after its meeting, in any of the forms the
    minutes' tasks are read in: given to someone ("Cllr Ash to write", "the Clerk will chase ..."),
    without a doer ("Quotes to be obtained."), asked for, or to come back ("report back at the next meeting")."""
    match = _ASSIGNED.search(sentence)
    return bool((match and not _reports(match, sentence)) or _TO_BE_DONE.match(sentence)
                or _REQUESTED.search(sentence) or _FOLLOW_UP.search(sentence))


# An action log set out as a table: a header naming the task's column and its owner's ("No. | Action |
# Owner | Due date"), then a row per task.
_TASK_COLUMN = re.compile(r"^(?:agreed\s+)?actions?(?:\s+(?:agreed|required|to\s+be\s+taken))?$", re.IGNORECASE)
_OTHER_TASK_COLUMN = re.compile(r"^(?:what|tasks?|items?|description)$", re.IGNORECASE)  # when no column says "Action"
_RULE = re.compile(r"^[-=_+|:\s]+$")  # a text table's rule under its header ("-------+--------")
_OWNER_COLUMN = re.compile(r"^(?:owner|lead|by\s+whom|responsible(?:\s+officer)?|who|action\s+by|assigned\s+to)$", re.IGNORECASE)
_DUE_COLUMN = re.compile(r"^(?:due(?:\s+date)?|deadline|by\s+when|target(?:\s+date)?|timescale|date\s+due)$", re.IGNORECASE)


def _log_table(document: Document, entries: list[Entry]) -> list[tuple[int, Decision]]:
    """Each row of an action log table: its task, who owns it and when it is due. A meeting's log, in its
    minutes or agenda; a report's plan with owners is its commitments (commitments.py)."""
    if document.type not in ("minutes", "agenda"):
        return []
    found = []
    columns: dict[str, int] | None = None
    header: list[str] = []
    for index, entry in enumerate(entries):
        if columns is not None and _RULE.match(entry.text):
            continue
        cells = row_cells(entry, keep_empty=True)
        if len(cells) < 2:
            columns = None  # the table has ended
            continue
        if columns is None:
            headed = {kind: next((n for n, cell in enumerate(cells) if pattern.match(cell)), None)
                      for kind, pattern in (("task", _TASK_COLUMN), ("owner", _OWNER_COLUMN), ("due", _DUE_COLUMN))}
            if headed["task"] is None:
                headed["task"] = next((n for n, cell in enumerate(cells) if _OTHER_TASK_COLUMN.match(cell)), None)
            columns = headed if headed["task"] is not None and headed["owner"] is not None else None
            header = cells
            continue
        if cells == header:
            continue  # the header printed again after a page break
        task = cells[columns["task"]] if columns["task"] < len(cells) else ""
        if not task:
            continue
        owner = cells[columns["owner"]] if columns["owner"] < len(cells) else ""
        sentence = Sentence(task, entry.page, entry.page, index, index, index)
        row = _row(document, entries, sentence, task, owner or None)
        due = cells[columns["due"]] if columns["due"] is not None and columns["due"] < len(cells) else ""
        if due:  # the log's own column says when
            row.details["due_text"] = due
            if due_date := _due(due, document.meeting_date)[1]:
                row.details["due_date"] = due_date
        if columns["task"] > 0 and 0 not in (columns["owner"], columns["due"]) and len(cells[0]) <= 12 and cells[0]:
            row.reference = cells[0]  # the log's number for it ("24/01")
        found.append((index, row))
    return found


def _ordered(match: re.Match, text: str) -> bool:
    """Whether a follow-up is an order ("directed the Clerk to write"), not only recommended ("recommend
    that Council direct staff to")."""
    return (bool(re.search(r"\b(?:direct|instruct|request|ask)(?:ed|s|ion)?\b", match.group(0), re.IGNORECASE))  # "2. Request the General Manager to"
            and not re.search(r"\brecommend", text[: match.start()], re.IGNORECASE))


def extract_actions(document: Document, entries: list[Entry]) -> list[tuple[int, Decision]]:
    """(first line index, action) for each promised follow-up in the paper, and in minutes each task
    given to a person (in an agenda, the tasks of the action log it carries)."""
    read = sentences(entries)  # split once, for the follow-ups and the tasks
    logged = _log_table(document, entries)
    taken = {start for start, _ in logged}
    if document.type == "agenda":  # an agenda promises nothing itself, but may carry the last meeting's tasks
        return logged + _assignments(document, entries, read, taken, undone=False)
    found = list(logged)
    directive = False  # inside the items of a resolution: "(2) officers report back ..." is an order
    previous = ""
    for sentence in read:
        text, lead, previous = sentence.text, previous, sentence.text
        if sentence.start in taken:
            continue
        if _DIRECTIVE.match(text):
            directive = True
        elif not parse_marker(text):
            directive = False
        match = _FOLLOW_UP.search(text)
        if not match or _NOT_FUTURE.search(text) or _PAST_ARRANGEMENT.search(text) or _MOTION_LEAD.search(lead):
            continue
        if re.match(r"\w+ing\b", match.group(0)) and re.search(r"\b(?:the|this|any|our|its)\s+$", text[: match.start()], re.IGNORECASE):
            continue  # "will inform the reporting back": the verb as a noun promises nothing
        # The intent must be said outside the verb's own "to the Board" ("presented to Cabinet").
        verb_says_intent = (re.match(r"(?:to|will|would)\b", match.group(0), re.IGNORECASE) or match.group(0).endswith("requested")
                            or _ordered(match, text))
        if not (directive or verb_says_intent or _FUTURE.search(text[: match.start()] + " " + text[match.end(): match.end() + 10])):
            continue
        if _ROUTINE.search(text) and not re.search(r"\b(?:will|shall)\b", text, re.IGNORECASE):
            continue
        before = text[: match.start()]
        if before.count("“") > before.count("”") or before.count('"') % 2 or text.lstrip()[:1] in "\"“":
            continue  # a motion quoted from another meeting orders nothing here
        if re.search(r"recommendations?\s*(?:\(s\))?\s+set\s+out\s+above", text, re.IGNORECASE):
            continue
        marker = parse_marker(text)
        body = marker.rest if marker else text
        found.append((sentence.start, _row(document, entries, sentence, body, _who(body))))
    if document.type in ("minutes", "other"):  # "other": minutes whose type was not recognised
        found += _action_list(document, entries, {start for start, _ in found})
        found += _assignments(document, entries, read, {start for start, _ in found})
    return found
