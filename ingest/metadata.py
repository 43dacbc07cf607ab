"""What a paper says about itself: who, which meeting, when, which item, by whom.

Council papers open with a labelled header ("Title of meeting: / Date of meeting: / Subject: /
Report by:", "From: / To: / Subject: / Decision no:", tab-separated or on separate lines) or a
minutes preamble ("MINUTES OF THE MEETING of the X held on <date>"). Only the paper's opening
lines are read, so a "Subject:" deep inside an appendix cannot relabel the paper.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .chunk import Line
from .dates import find_dates, find_year, numeric_order, parse_date
from . import body as bodies, organisation
from .organisation import SMALL_WORDS as _SMALL, word_case
from .meeting_date import Candidate, candidates, choose

_HEAD_LINES = 60

_LABELS = {
    "title of meeting": "meeting", "meeting": "meeting", "committee": "meeting", "name of meeting": "meeting",
    "date of meeting": "date", "meeting date": "date", "date": "date_plain",
    "subject": "subject", "subject matter / title of decision": "subject", "title of decision": "subject",
    "title of report": "subject", "report title": "subject", "title": "subject", "re": "subject",
    "report by": "author", "report of": "author", "report from": "author", "report author": "author",
    "author": "author", "lead officer": "author", "from": "from", "by": "from",
    "contact": "contact", "contact officer": "contact", "contact details": "contact",
    "to": "to", "decision no": "decision", "decision number": "decision",
    "decision to be taken by": "decision_maker", "decision taken by": "decision_maker",
    "decision made by": "decision_maker", "decision maker": "decision_maker", "decision taker": "decision_maker",
    "wards affected": "wards", "ward(s) affected": "wards", "wards": "wards", "ward": "wards",
    "electoral division": "wards", "electoral divisions": "wards", "divisions affected": "wards",
    "key decision": "key", "exempt": "exempt", "exempt information": "exempt", "classification": "class",
    "agenda item": "item", "agenda item no": "item", "item no": "item", "item": "item",
}


def _alternation(labels) -> str:
    """The labels as one regex alternation, longest first, any run of spaces between their words."""
    return "|".join(sorted((re.escape(k).replace(r"\ ", r"\s+") for k in labels), key=len, reverse=True))


_LABEL = re.compile(
    r"^\s*(?P<label>" + _alternation(_LABELS) + r")\.?\s*(?P<sep>:|\t|\s{2,}|(?<=of\smeeting)\s|(?<=title\sof\sdecision)(?:\s|$)|(?<=date)\s(?=\d))"
    r"\s*(?P<value>.*)$",
    re.IGNORECASE,
)

# The same labels inside running text, as a header block reads once its lines are joined ("Title of
# meeting: Health and Wellbeing Board Subject: ... Report by: ..."). Labels of one common word ("by:",
# "to:", "date:") also open other lines ("MOTION BY: ..."), so only "subject" and longer ones count.
_INLINE_LABEL = re.compile(
    r"(?<!\w)(?P<label>" + _alternation(k for k in _LABELS if " " in k or k == "subject") + r")\s*:",
    re.IGNORECASE,
)


def header_fields(text: str) -> int:
    """How many different fields of a paper's header block (see _LABELS) ``text`` holds."""
    return len({_LABELS[" ".join(m["label"].lower().split())] for m in _INLINE_LABEL.finditer(text)})


_BODY_WORD = r"(?:Board|Committee|Sub-Committee|Cabinet|Council|Commission|Panel|Authority|Forum|Partnership|Assembly|Executive|Scrutiny)"
# Capitalised words ending in a body word; case matters for the words, not for the body word.
_BODY = re.compile(
    rf"(?P<body>(?:[A-Z][\w&'’().-]*\s+(?:(?i:and|of|for|the|&)\s+)?){{0,6}}(?i:{_BODY_WORD})(?:\s+(?i:of)\s+[A-Z]\w+)?)\b"
)
_MINUTES_OF = re.compile(
    r"minutes\s+of\s+(?:the|a|an)\s+(?:\w+\s+)?meeting\s+of\s+(?:the\s+)?(?P<body>.+?)\s+(?:held|on|at|in|which)\b",
    re.IGNORECASE,
)
_ORG = re.compile(
    r"\b(?P<org>(?:[A-Z][\w'’.-]+\s+(?:&\s+)?){1,4}(?i:County|City|Borough|District|Town|Parish|Metropolitan\s+Borough)\s+(?i:Council)"
    r"|(?:[A-Z][\w'’.-]+\s+){1,3}(?i:County|City)\s+(?i:Board\s+of\s+Health)"
    r"|^(?i:City\s+of)\s+[A-Z][\w]+(?:\s+[A-Z][\w]+){0,3}"
    r"|(?i:NHS)\s+(?:[A-Z][\w&]+\s+){1,6}(?i:Trust|Board|Group))\b"
)
# A council named as a partner ("supported by Suffolk County Council", "Leader of Tonbridge & Malling
# Borough Council") is not the paper's publisher.
_PARTNER_BEFORE = re.compile(
    r"(?:\b(?:supported|funded|commissioned|provided|run|delivered|hosted|led|chaired|represented)\s+by|\bwith|\b(?:leader|member|members|officers?|chief executive|representatives?)\s+(?:of|from)|\bfrom)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_NOT_ORG = re.compile(r"\b(?:chamber|center|centre|hall|offices|website|house|room|the)\b", re.IGNORECASE)
_EXEMPT_MARK = re.compile(r"^\s*(?:part\s+(?:ii|2|b)\b|exempt\s+(?:report|appendix|item)|not\s+for\s+publication|confidential\b)", re.IGNORECASE)
_MONTH_WORD = re.compile(r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec", re.IGNORECASE)


@dataclass
class Meta:
    title: str | None = None
    organisation: str | None = None
    body: str | None = None
    meeting_date: str | None = None
    published_date: str | None = None
    agenda_item: str | None = None
    agenda_item_title: str | None = None
    author: str | None = None
    wards: str | None = None
    key_decision: bool | None = None
    exempt: bool | None = None
    labels: dict[str, str] = field(default_factory=dict)
    date_candidates: list[Candidate] = field(default_factory=list)  # what the meeting date was chosen from
    organisation_candidates: list[organisation.Candidate] = field(default_factory=list)  # and the organisation
    body_candidates: list[bodies.Candidate] = field(default_factory=list)  # and the body
    body_rule: str | None = None  # the header rules' body, the body model's fallback


def tidy_case(text: str) -> str:
    """ "HEALTH AND WELLBEING BOARD" -> "Health and Wellbeing Board"; mixed case is left alone."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters or sum(ch.isupper() for ch in letters) < 0.8 * len(letters):
        return text
    words = text.lower().split()
    return " ".join(w if (i and w in _SMALL) else w[:1].upper() + w[1:] for i, w in enumerate(words))


def _clean(value: str, limit: int = 200) -> str:
    value = " ".join(value.replace("\t", " ").split()).strip(" :;,-–|#")
    return value[:limit]


# A maker's title that stops mid-phrase goes on over the next line: "Cabinet Member for Integrated
# Children's" / "Services". (Read so for every label, it also mends a title cut at "- Future of", but
# that title then outranks the minutes a dev question asks for: hybrid recall@5 0.917 -> 0.896.)
_OPEN_ENDED = re.compile(r"(?:\b(?:of|for|and|the|to|in)|[&,'’]s?|['’]s)$", re.IGNORECASE)


def header_labels(lines: list[Line]) -> dict[str, str]:
    """Labelled header fields among the opening lines: kind -> value (first occurrence wins)."""
    found: dict[str, str] = {}
    head = [line.text for line in lines[: _HEAD_LINES * 3] if line.text.strip()][:_HEAD_LINES]
    for index, raw in enumerate(head):
        text = raw.lstrip("#• ").strip()
        match = _LABEL.match(text[:400])
        if not match:
            continue
        kind = _LABELS.get(" ".join(match["label"].lower().split()))
        if kind is None or kind in found:
            continue
        value = match["value"].strip()
        follow = index + 1
        if not value and follow < len(head) and not _LABEL.match(head[follow].strip()[:400]):
            value, follow = head[follow].strip(), follow + 1
        # Wrapped values: a following line that is indented, or starts in lower case.
        while follow < len(head) and len(value) < 300:
            nxt = head[follow]
            if _LABEL.match(nxt.strip()[:400]) or not nxt.strip():
                break
            if nxt[:1].isspace() and kind in {"from", "author", "subject", "to", "wards", "decision_maker"} \
                    or nxt.strip()[:1].islower() or kind == "decision_maker" and _OPEN_ENDED.search(value):
                value = f"{value} {nxt.strip()}"
                follow += 1
                continue
            break
        if kind == "date" and not re.search(r"\d", value):
            continue
        if value:
            found[kind] = _clean(value, 400)
    return found


# What a title says of the paper before naming the body: "Minutes of the Meeting of", "A Regular
# Meeting of the", "Agenda for the", "Notice and Agenda of".
_PAPER_WORDS = re.compile(
    r"^(?:(?:the|a|an|draft|notice|minutes|agenda|summons|summary|report|record|action|notes|special|regular|"
    r"ordinary|annual|adjourned|extraordinary|meeting|session)\s+(?:(?:of|for|to|and)\s+)?)+(?:the\s+)?",
    re.IGNORECASE)


def _body_from(text: str) -> str | None:
    match = _BODY.search(text)
    if not match:
        return None
    body = _PAPER_WORDS.sub("", match["body"].strip())
    return tidy_case(body) if _BODY.search(body) else None


_PLACE_KIND = r"(?i:city|town|village|county|borough|township|municipality)"  # the kind of place a council governs
# "Council of the City of Quayford": the body named by its place's kind, as "City Council".
_COUNCIL_OF_PLACE = re.compile(
    r"\b(?P<body>(?i:council|board\s+of\s+supervisors|board\s+of\s+commissioners))\s+(?i:of)\s+(?i:the)\s+"
    rf"(?P<kind>{_PLACE_KIND})\s+(?i:of)\s+[A-Z]")


def _body_names(text: str) -> list[tuple[int, int, str]]:
    """Every body a line names, without the paper's words before it: (start, end, name)."""
    out = [(match.start(), match.end("kind"), tidy_case(f"{match['kind']} {match['body']}"))
           for match in _COUNCIL_OF_PLACE.finditer(text)]
    for match in _BODY.finditer(text):
        raw = match["body"].strip()
        name = _PAPER_WORDS.sub("", raw)
        if _BODY.search(name):
            out.append((match.start("body") + len(raw) - len(name), match.end("body"), tidy_case(name)))
    return out


def _is_organisation(text: str) -> bool:
    match = _ORG.search(text)
    return bool(match) and len(match["org"]) >= len(text.strip()) - 3


# "City of Quay Heights Estates" (also across a line break: "CITY OF" / "QUAY HEIGHTS ESTATES"),
# "Council of the City of Quayford", "Town of ...": a municipality named by its kind and place.
_MUNICIPALITY = re.compile(
    rf"(?:^|\n\s*|\b(?i:council|corporation|mayor)\s+(?i:of)\s+(?i:the)\s+)(?P<kind>{_PLACE_KIND})"
    r"\s+(?i:of)\s+(?P<place>[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,3})")


def _municipality(head: list[str]) -> str | None:
    """A letterhead's "City of X", when no council is named outright."""
    match = _MUNICIPALITY.search("\n".join(head[:12]))
    if not match:
        return None
    words = []
    for word in match["place"].split():
        if not re.match(r"[A-Z]", word) or re.search(r"\d", word) or word.rstrip(",.").upper() in {"AGENDA", "MINUTES", "NOTICE"}:
            break
        words.append(word.rstrip(",."))
    if not words or _NOT_ORG.search(" ".join(words)):
        return None
    return " ".join([match["kind"].capitalize(), "of", *(word_case(w) for w in words)])


def find_organisation(head: list[str]) -> str | None:
    candidates = list(head)
    # A place name and "CITY COUNCIL" on two lines of a letterhead.
    candidates += [f"{a.strip()} {b.strip()}" for a, b in zip(head, head[1:])
                   if len(a.split()) == 1 and not _PAPER_WORDS.fullmatch(a.strip() + " ")]
    matches = []
    for text in candidates:
        for match in _ORG.finditer(text[:400]):
            if _PARTNER_BEFORE.search(text[max(0, match.start() - 40):match.start()]):
                continue
            org = " ".join(match["org"].split())
            place = re.split(r"\s(?i:city|county|borough|district|town|parish|metropolitan)\b", org)[0]
            if not _NOT_ORG.search(place):
                matches.append(org)
    # A council is the publisher more often than an NHS body or a board it works with.
    matches.sort(key=lambda org: not re.search(r"council$", org, re.IGNORECASE))
    if matches:
        return " ".join(word_case(w) for w in matches[0].split())
    return _municipality(head)


def find_body(head: list[str], labels: dict[str, str], scan: bool = True) -> str | None:
    if labels.get("meeting"):
        value = labels["meeting"]
        parts = [p for p in re.split(r"\s+[-–]\s+", value) if _BODY.search(p)]
        body = _body_from(parts[-1]) if parts else None
        return body or tidy_case(_clean(re.split(r"\s[-–]\s|\d", value)[0]))
    for text in head[:20]:
        if match := _MINUTES_OF.search(text):
            if body := _body_from(match["body"]):
                return body
    if labels.get("to"):
        value = labels["to"]
        for part in reversed(re.split(r",|\s[-–]\s", value)):
            if not find_dates(part, 2000) and _BODY.search(part):
                return _clean(re.sub(r"^(?:all\s+)?members\s+of\s+(?:the\s+)?", "", part.strip(), flags=re.IGNORECASE))
    for text in head[:20] if scan else ():
        line = text.strip()
        if len(line) > 80 or _is_organisation(line) or ":" in line:
            continue
        line = re.split(r"\s[-–]\s", line)[0]  # "COUNTY COUNCIL - THURSDAY, 9 JANUARY 2025"
        if _PARTNER_BEFORE.search(line[: line.find(_BODY.search(line)["body"])] if _BODY.search(line) else ""):
            continue  # "supported by Hollybrook Town Council": a partner, not the meeting's body
        if body := _body_from(line):
            if len(body) >= len(line) * 0.5:
                return body
    return None


# An earlier meeting's minutes as an item of these: "4 MINUTES OF THE MEETING HELD ON 12 MAY", "To approve
# the minutes of the last meeting", "RESOLVED: That the minutes ... are agreed as a correct record".
_MINUTES_ITEM = re.compile(
    r"^(?:\d{1,3}[.)]?\s+|(?:to\s+)?(?:approve|confirm|agree|receive|sign)\b.*\bminutes\b|.*\bminutes\s+of\s+the\s+(?:previous|last)\b"
    r"|.*\bminutes\b.*\b(?:agreed|approved|confirmed|signed|accepted|adopted)\b|.*\b(?:true|correct)\s+record\b)", re.IGNORECASE)


def _first_date(texts: list[str], default_year: int | None) -> str | None:
    """First date among lines, preferring a written month over a numeric stamp ("REVISED 4/23/19")."""
    numeric = None
    for text in texts:
        if text.lower().lstrip().startswith(("date:", "dated")):
            continue  # a covering letter's own date, not the meeting's
        for _, iso in find_dates(text, default_year):
            if _MONTH_WORD.search(text):
                return iso
            numeric = numeric or iso
    return numeric


_ADOPTED = re.compile(r"\b(?:adopted|passed|enacted)\b", re.IGNORECASE)
# A paper whose title calls it a schedule or calendar of meetings ("2019 Board Meeting Schedule",
# "Board and Committee Calendar", "Schedule of Council Meetings") is of every meeting it lists, and so
# of no one meeting: it has no meeting date.
_SCHEDULE_TITLE = re.compile(
    r"\b(?:meetings?\s+(?:schedule|calendar|dates)|(?:schedule|calendar|timetable)\s+of\s+(?:\w+\s+){0,3}meetings"
    r"|(?:board|council|committees?|commission)\s+calendar)\b", re.IGNORECASE)
_TITLE_LINES = 5


def _lists_meetings(head: list[str]) -> bool:
    """Whether the paper's title calls it a schedule or calendar of meetings."""
    return any(_SCHEDULE_TITLE.search(text) for text in head[:_TITLE_LINES])


def _is_header_line(text: str) -> bool:
    """A short line of its own: not prose, nor the wrapped end of a sentence ("contracts end on 31 March 2025.")."""
    text = text.strip()
    return (len(text) <= 90 and not text[:1].islower()
            and not re.search(r"\w[.;]\s*$|\b(?:will|would|was|were|has|have|is|are)\b", text))


def extract(lines: list[Line], kind: str, pack: Meta | None = None, items: dict[str, str] | None = None,
            agenda_item: str | None = None) -> Meta:
    """Metadata of one paper; ``pack`` is the pack front's metadata when the paper came from a pack."""
    labels = header_labels(lines)
    head = [line.text.lstrip("#• ").strip() for line in lines[: _HEAD_LINES * 3] if line.text.strip()][:_HEAD_LINES]
    meta = Meta(labels=labels)
    context_year = (int(pack.meeting_date[:4]) if pack and pack.meeting_date else None) or find_year(" ".join(head[:30]))

    # A paper in a pack went to the pack's meeting; only its own header may name another body.
    own_body = find_body(head, labels if pack is None else labels, scan=pack is None)
    if pack:
        meta.organisation = pack.organisation or find_organisation(head)
    else:
        rule_organisation = find_organisation(head)
        meta.organisation_candidates = organisation.candidates([line.text for line in lines], rule_organisation, own_body)
        meta.organisation = organisation.choose(meta.organisation_candidates, rule_organisation)
        meta.body_candidates = bodies.candidates([line.text for line in lines], _body_names, own_body, meta.organisation)
        meta.body_rule = own_body
        own_body = bodies.choose(meta.body_candidates, own_body)
    meta.body = own_body or (pack.body if pack else None)
    if meta.body is None and meta.organisation and re.search(r"board|commission|authority|council$", meta.organisation, re.IGNORECASE):
        meta.body = meta.organisation  # "Cuyahoga County Board of Health", "Ayton Community Council" are both
    if meta.organisation is None and meta.body and _is_organisation(meta.body):
        meta.organisation = meta.body  # a parish or city council meeting as itself
    written = organisation.spellings([line.text for line in lines[: _HEAD_LINES * 3]])
    meta.organisation, meta.body = organisation.as_written(meta.organisation, written), organisation.as_written(meta.body, written)

    date = None
    if labels.get("date"):
        date = parse_date(labels["date"], context_year)
    if date is None and kind == "minutes":
        for index, text in enumerate(head[:25]):
            # "4 MINUTES OF THE MEETING HELD ON 12 MAY": an item approving an earlier meeting's minutes.
            if re.search(r"\bminutes\b", text, re.IGNORECASE) and not _MINUTES_ITEM.match(text):
                date = _first_date([" ".join(head[max(0, index - 1):index + 3])], context_year)
                if date:
                    break
    if date is None and labels.get("to"):
        date = parse_date(labels["to"], context_year)
    enacted = None
    if date is None and kind == "decision_record":
        # An enactment is dated where it says it was adopted or passed ("ADOPTED this 4th day of
        # March, 2021"); the date it takes effect is not its meeting's.
        date = enacted = next((found[0][1] for line in lines[:400] if (match := _ADOPTED.search(line.text))
                               and (found := find_dates(line.text[match.end():], context_year))), None)
    if date is None and kind == "decision_record":  # else a record of decision's date sits by its signature
        tail = [line.text for line in lines[-60:] if line.text.strip()]
        for index, text in enumerate(tail):
            if re.search(r"^\s*(?:signed|date|dated)\b|\bsigned\b.*\bdate\b", text, re.IGNORECASE):
                dates = [iso for t in tail[max(0, index - 3):index + 2] for _, iso in find_dates(t, context_year)]
                date = dates[-1] if dates else date
    if date is None and (kind in {"agenda", "minutes", "report"} or "date_plain" in labels):
        # A date in a sentence of the summary ("contracts end on 31 March 2025") is not the
        # meeting's: a report's meeting date stands on a header line of its own.
        lines_with_dates = head[:25] if kind != "report" else [t for t in head[:25] if _is_header_line(t)]
        date = _first_date(lines_with_dates, context_year)
    if date is None and labels.get("date_plain"):
        date = parse_date(labels["date_plain"], context_year)
    if pack:
        meta.meeting_date = date or pack.meeting_date  # a paper in a pack went to the pack's meeting
    else:
        month_first = numeric_order("\n".join(line.text for line in lines[:400]))
        meta.date_candidates = candidates(lines, date, context_year, month_first)
        meta.meeting_date = None if _lists_meetings(head) else choose(meta.date_candidates, date) or enacted
    if pack:
        meta.published_date = pack.meeting_date

    meta.agenda_item = agenda_item or (re.match(r"\d{1,3}[a-z]?", labels["item"]).group() if re.match(r"\d", labels.get("item", "")) else None)
    if meta.agenda_item and items:
        meta.agenda_item_title = items.get(meta.agenda_item)
    meta.author = next((labels[k] for k in ("author", "from", "contact") if labels.get(k)), None)
    if meta.author:
        meta.author = _clean(re.split(r"\s{2,}|\t", meta.author)[0] if "\t" in meta.author else meta.author)
    meta.wards = labels.get("wards")
    if "key" in labels:
        value = labels["key"].lower()
        meta.key_decision = False if re.match(r"no\b", value) else (None if re.match(r"n/?a\b", value) else True)
    if "exempt" in labels:
        meta.exempt = not re.match(r"(?:no|none|n/?a)\b", labels["exempt"].lower())
    elif "class" in labels:
        meta.exempt = not re.match(r"(?:unrestricted|public|open|official)\b", labels["class"].lower())
    if meta.exempt is None and any(_EXEMPT_MARK.match(text) for text in head[:15]):
        meta.exempt = True
    meta.title = _title(head, labels, kind, meta)
    return meta


_SKIP_TITLE = re.compile(
    r"^(?:-{3,}|this item is for information only|\(please note|contents|city council|action|"
    r"page \d|direct dial|e-?mail|ask for|dear |date:|\d+$|[\W\d_]+$)",
    re.IGNORECASE,
)


_RECORD = re.compile(r"\b(?:(?:proposed|draft)\s+)?record\s+of\s+decision\b", re.IGNORECASE)


def _title(head: list[str], labels: dict[str, str], kind: str, meta: Meta) -> str | None:
    if labels.get("subject") and kind == "decision_record":  # not to be taken for the report proposing it
        named = next((m.group(0) for line in head if (m := _RECORD.search(line))), "record of decision")
        number = f" {labels['decision']}" if labels.get("decision") else ""
        return f"{named[:1].upper()}{' '.join(named[1:].lower().split())}{number}: {labels['subject']}"
    if labels.get("subject"):
        return labels["subject"]
    when = meta.meeting_date
    if kind == "minutes" and meta.body:
        return f"Minutes of the {meta.body} meeting" + (f" of {when}" if when else "")
    if kind == "agenda" and meta.body:
        return f"Agenda of the {meta.body} meeting" + (f" of {when}" if when else "")
    if meta.agenda_item_title:
        return meta.agenda_item_title
    for index, text in enumerate(head[:30]):
        clean = _clean(text)
        if len(clean) < 4 or _SKIP_TITLE.match(clean) or _LABEL.match(clean) or not any(ch.isalpha() for ch in clean):
            continue
        if meta.organisation and clean.lower() == meta.organisation.lower():
            continue
        # A title set in big type often breaks into one or two words a line ("CAPITAL" / "STRATEGY"),
        # and a record's number may stand below its name ("Resolution NO" / "112 – 2023").
        parts = [clean]
        if re.search(r"\b(?:no\.?|number|#)$", clean, re.IGNORECASE) and index + 1 < len(head):
            parts.append(_clean(head[index + 1]))
            return tidy_case(" ".join(parts))[:200]
        for nxt in head[index + 1:index + 4]:
            if len(clean.split()) <= 3 and len(nxt.split()) <= 3 and nxt.isupper() == clean.isupper() and not _SKIP_TITLE.match(nxt):
                parts.append(_clean(nxt))
            else:
                break
        return tidy_case(" ".join(parts))[:200]
    return None
