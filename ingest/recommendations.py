"""Recommendations: what a report, agenda or annual report asks a body to decide.

One row per recommendation LIST ("2. Recommendations" with its items, "Recommendation(s):" with
APPROVE / DELEGATE paragraphs, "RECOMMENDED that ..." under an agenda item, "The Board is asked
to: ..."), except in annual reports, whose numbered recommendations ("1" + title + bullets, or
"Recommendation 1: ...") are each a row of their own. A report restates its recommendations in
prose ("6.1 The HWB is recommended to approve ..."); once a paper has a Recommendations section,
such restatements are not rows. Minutes are left to resolutions: a motion there ("County Council
is asked to:") is not a report's recommendation, nor is a motion or amendment paper's.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from minutebook.vocabulary import Decision, Document

from .chunk import opens_list_item
from .decision_text import (ENUMERATOR, FIELD_NAME, PARAGRAPH_NUMBER, Entry, Marker, block_pages, collect_block, column_rows, is_motion, minute_of,
                            next_value, parse_marker, says_nothing, sentences, split_items)
from .noise import is_furniture
from .people import OFFICER_ROLE
from .sections import headings_of

_HEADING = re.compile(
    # a bilingual heading gives the other language first: "Te tūtohunga / Recommendation/s"
    r"^(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?(?:[^/|:]{1,40}\s[/|]\s+)?(?:summary\s+of\s+|key\s+|the\s+|(?-i:[A-Z][\w'’]*\s+){1,3})?recommendations?\s*(?:\(s\)|/s)?"
    # whom they go to, and when: "Recommendations to Cabinet (meeting on 8 October 2024):"
    r"(?:\s+(?:to|for)\s+(?:the\s+)?(?-i:[A-Z][\w'’&-]*)(?:\s+(?-i:[A-Z][\w'’&-]*)){0,4}(?:\s*\([^()]{1,60}\))?)?\s*:?\s*$", re.IGNORECASE
)
# The label an agenda item's action stands under, whoever recommends it: "Recommendation:", "Staff
# Recommendation:", "Recommendation of the General Manager:", "Recommended Action:", "Recommended Board
# Action:", "Requested Action:", "Action requested of the Board:", "Suggested Motion (a):", "Recommended Decision:".
def _label_words(whose: str) -> str:
    """A recommending label's words, ``whose`` what may follow "of", "from", "to" or "by"."""
    return (rf"(?:(?-i:[A-Z][\w'’]*\s+){{0,3}}recommendations?\s*(?:\(s\))?(?:\s+(?:of|from|to|by)\s+{whose})?"
            r"|recommended(?:\s+(?-i:[A-Z][\w'’]*\s+){0,2}(?:action|motion|decision)s?)?"
            r"|(?:requested|suggested|proposed)\s+(?-i:[A-Z][\w'’]*\s+){0,2}(?:action|motion|decision)s?(?:\s*\(\w\))?"
            rf"|action\s+requested(?:\s+(?:of|from|by)\s+{whose})?)")


_ANY_WHOSE = r"[\w'’ ]{2,40}?"
_NAMED_WHOSE = r"(?:the\s+)?(?-i:[A-Z][\w'’]*)(?:\s+(?-i:[A-Z][\w'’]*)){0,4}"
# In capitals the label needs no colon: "RECOMMENDATION Council to accept all applications ...".
_LABEL = re.compile(rf"^(?:{_label_words(_ANY_WHOSE)}\s*:|(?-i:RECOMMENDATIONS?)(?=\s+(?-i:[A-Z][a-z])))\s*(?P<rest>\S.*)$", re.IGNORECASE)
# The same label on a line of its own, its action on the lines under it (as board-meeting systems print
# an item's fields: "Recommended Action" / "Approve the minutes of ..."); what follows "of" must be a name,
# as a sentence's "The Committee's recommendation to agree the application for" is no label.
_LABEL_ALONE = re.compile(rf"^{_label_words(_NAMED_WHOSE)}\s*:?$", re.IGNORECASE)
_NUMBERED_REC = re.compile(r"^recommendation\s+(?P<number>\d{1,2})\s*[:.–-]?\s*(?P<rest>.*)$", re.IGNORECASE)
_BODY = r"(?:board|committee|cabinet|council|panel|hwb|h&wb|members?|executive|group|commission|authority|leader|trust|body|director|officer|forum|partnership|governors|you)"
_ASKED = re.compile(rf"\b{_BODY}\s+(?:is|are)\s+(?:hereby\s+|therefore\s+|being\s+)?(?:recommended|asked|requested|invited)\s+to\b", re.IGNORECASE)
# Case matters: "RECOMMENDED that" in capitals is the label, "recommended" in prose is not.
# Who recommends, in the paper's own voice: "Staff recommends the Authority approve", "We recommend that".
_RECOMMENDER = r"(?:[Ss]taff|[Ww]e|[Oo]fficers|(?:[Tt]he\s+)?(?:[A-Z][\w&'’-]*\s+){0,3}(?:[Mm]anager|[Dd]irector|[Dd]epartment))"
_OWN_VOICE = rf"{_RECOMMENDER}\s+(?:therefore\s+|also\s+)?recommends?\s+"
_RECOMMENDS = rf"{_OWN_VOICE}(?:that\s+)?(?:the\s+)?[A-Za-z]"  # "Staff recommends the Authority approve"
_RECOMMENDED = re.compile(r"(?<![A-Za-z])RECOMMENDED\s+(?:that|to|:)|^RECOMMENDED\b|^(?:[Ii]t\s+is\s+)?recommended\s+that\b"
                          rf"|^{_RECOMMENDS}")


def records_a_recommendation(text: str) -> bool:
    """Whether a passage sets out recommendations ("Recommendations:", "The Board is asked to")."""
    if _ASKED.search(text) or _RECOMMENDED.search(text):
        return True
    return any(_HEADING.match(line) or _LABEL.match(line) or _NUMBERED_REC.match(line)
               for line in (raw.strip() for raw in text.split("\n")))


def _is_phrase(text: str) -> bool:
    """A line that makes a recommendation: "The Board is asked to", "RECOMMENDED that" (capitals)."""
    return bool(_ASKED.search(text) or _RECOMMENDED.search(text))

_ADDRESSEE = re.compile(
    rf"(?P<who>(?:the\s+)?[A-Z][\w&'’ ,-]{{0,80}}?{_BODY})\s+(?:is|are)\s+(?:hereby\s+|therefore\s+)?(?:recommended|asked|requested|invited)\s+to",
    re.IGNORECASE,
)
_ADDRESSEE_LINE = re.compile(rf"^(?:that\s+)?(?P<who>(?:the\s+)?[A-Z][\w&'’ -]{{0,60}}{_BODY})\s*:?$", re.IGNORECASE)
_NOT_RECOMMENDATION = re.compile(
    r"reasons?\s+for\s+(?:the\s+)?recommendations?|progress\s+on\s+(?:past|previous)|recommendation\s+tracking"
    r"|recommendations?\s*(?:\(s\))?\s+set\s+out\s+above|implications?\s+of\s+the\s+recommendations?",
    re.IGNORECASE,
)
# Section headings that always end a recommendations block, whatever their number.
_OTHER_SECTION = re.compile(
    r"^(?:\d{1,2}\.?\s+)?(?:background|introduction|purpose|summary|reasons?|executive|context|implications?|appendi|"
    r"legal|financial|finance|equality|consultation|risk|next steps|conclusion|glossary|references|contents)",
    re.IGNORECASE,
)

# "Attached documents", "Background documents", "Contact details": lists that follow the
# recommendations in a report but are not recommendations.
_NEXT_PART = re.compile(
    r"^(?:(?:background|attached|supporting|appended)\s+(?:documents?|papers?)|(?:list\s+of\s+)?appendices|contact\s+(?:details|officers?))\b",
    re.IGNORECASE,
)


def _ends_list(text: str) -> bool:
    """A line that opens the report's next part: "Background documents", or a numbered section title
    ("1. Background") that a PDF line did not mark as a heading."""
    marker = parse_marker(text)
    numbered = marker is not None and marker.family in ("number", "decimal")
    title = marker.rest if numbered else text
    if len(title.split()) > 4 or title.rstrip().endswith((".", ";")):
        return False
    return bool(_NEXT_PART.match(title) or (numbered and _OTHER_SECTION.match(title)))


def _is_heading(entry: Entry) -> bool:
    return (entry.heading or entry.opens) and bool(_HEADING.match(entry.text)) and not _NOT_RECOMMENDATION.search(entry.text)


def _numbered_start(entries: list[Entry], index: int, expected: int) -> str | None:
    """The recommendation's title when line ``index`` opens recommendation number ``expected``.

    Forms: "Recommendation 2: ...", a "2. Title" heading, or "2" alone with its title below.
    """
    entry = entries[index]
    if entry.text == str(expected):
        following = next((e.text for e in entries[index + 1:index + 4] if e.text), None)
        return following if following and not parse_marker(following) else None
    match = _NUMBERED_REC.match(entry.text)
    if match and int(match.group("number")) == expected:
        return match.group("rest").strip() or None
    if entry.heading:
        match = re.match(r"^(\d{1,2})\.\s+(\S.*)$", entry.text)
        if match and int(match.group(1)) == expected and not _OTHER_SECTION.match(match.group(2)):
            return match.group(2)
    return None


def _heading_block(entries: list[Entry], start: int) -> list[int]:
    """Lines of a Recommendations section: up to the next section no deeper than its heading.

    Numbered headings that count 1, 2, 3 ... inside it are its recommendations (annual reports
    set each one as a heading), and a repeated "Recommendations" running head does not end it.
    """
    head = entries[start]
    taken: list[int] = []
    expected = 1
    for index in range(start + 1, len(entries)):
        entry = entries[index]
        if entry.opens and entry.depth <= head.depth:
            if _HEADING.match(entry.text) and not _NOT_RECOMMENDATION.search(entry.text):
                continue  # the section's running head again
            if _numbered_start(entries, index, expected):
                expected += 1
            elif not (entry.heading is False and parse_marker(entry.text) and not _OTHER_SECTION.match(entry.text.split(None, 1)[-1])):
                break
        elif (entry.heading and _OTHER_SECTION.match(entry.text)) or _ends_list(entry.text):
            break
        taken.append(index)
    while taken and not entries[taken[-1]].text:
        taken.pop()
    return taken


def _addressee(lines: list[str]) -> str | None:
    for text in lines[:4]:
        text = re.sub(r"^\(?\d{1,2}(?:\.\d{1,2})*[.)]?\s+", "", text)
        if match := _ADDRESSEE.search(text):
            who = re.sub(r"^(?:that|it is recommended that)\s+", "", match.group("who").strip(), flags=re.IGNORECASE)
            return who.strip(" ,")
        if match := _ADDRESSEE_LINE.match(text):
            return match.group("who").strip()
    return None


def _row(document: Document, entries: list[Entry], indices: list[int], reference: str | None,
         title: str | None = None, items: list[str] | None = None) -> Decision:
    lines = [entries[i].text for i in indices if entries[i].text]
    lead, found = split_items(lines)
    items = found if items is None else items
    page, last_page = block_pages(entries, indices)
    details = {
        "addressee": _addressee(lines), "report_title": document.title, "author": document.author,
        "meeting_date": document.meeting_date, "body": document.body, "agenda_item": document.agenda_item,
    }
    if document.type == "agenda":
        details["agenda_item"] = minute_of(entries[indices[0]].section)[0] or document.agenda_item
    return Decision(
        kind="recommendation", document_id=document.id, ordinal=0, text=" ".join(lines), items=items,
        page=page, last_page=last_page if last_page != page else None, section=entries[indices[0]].section.path,
        reference=reference, title=title or (minute_of(entries[indices[0]].section)[1] if document.type == "agenda" else document.title),
        details={key: value for key, value in details.items() if value},
    )


def _split_numbered(entries: list[Entry], block: list[int]) -> list[tuple[str, str, list[int]]]:
    """(number, title, line indices) of each numbered recommendation inside a block."""
    starts: list[tuple[int, str, str]] = []
    expected = 1
    for position, index in enumerate(block):
        title = _numbered_start(entries, index, expected)
        if title:
            starts.append((position, str(expected), title))
            expected += 1
    out = []
    for number, (position, label, title) in enumerate(starts):
        end = starts[number + 1][0] if number + 1 < len(starts) else len(block)
        lines = [i for i in block[position:end] if entries[i].text and not _HEADING.match(entries[i].text)]
        if lines and entries[lines[0]].text == label:
            lines = lines[1:]  # the bare number; its title line follows
        out.append((label, title, lines))
    return out


def _bullets(entries: list[Entry], indices: list[int]) -> list[str]:
    items = []
    for index in indices[1:]:
        marker = parse_marker(entries[index].text)
        if marker and marker.family in ("bullet", "letter", "roman"):
            items.append(marker.rest)
    return items


def _formal_blocks(document: Document, entries: list[Entry]) -> tuple[list[tuple[int, Decision]], set[int]]:
    """Recommendations sections, "Recommendation(s):" labels and "Recommendation 1:" lists."""
    found: list[tuple[int, Decision]] = []
    used: set[int] = set()
    labelled: list[tuple[int, Decision, list[str]]] = []  # rows under a "Recommendation:" label, with their lines
    for index, entry in enumerate(entries):
        if index in used or not entry.text:
            continue
        plain = not (entry.heading or entry.opens)
        label = _LABEL.match(entry.text) if plain else None
        bare_label = plain and bool(_HEADING.match(entry.text)) and (entry.text.endswith(":") or _opens_motion(entries, index))
        alone = plain and not label and not bare_label and _field_above(entries, index)
        if (label or bare_label) and not _NOT_RECOMMENDATION.search(entry.text):
            # "Recommendation(s): Cabinet is asked to NOTE ..." or "Recommendations:" over a list
            block = collect_block(entries, index, lambda text: bool(_HEADING.match(text)) or _ends_list(text))
        elif alone:  # "Recommended Action" over the action's own lines
            block = collect_block(entries, index, lambda text: bool(_HEADING.match(text) or _LABEL_ALONE.match(text)) or _ends_list(text),
                                  lead=True)
        elif _is_heading(entry):
            block = [index] + _heading_block(entries, index)
        elif _NUMBERED_REC.match(entry.text) and _numbered_start(entries, index, 1):
            block = [index] + _heading_block(entries, index)
        else:
            continue
        block = [i for i in block if i == index or i not in used]
        texts = [entries[i].text for i in block]
        texts[0] = label.group("rest") if label else ("" if bare_label or alone or not _NUMBERED_REC.match(texts[0]) else texts[0])
        if not any(texts):
            continue
        used.update(block)
        numbered = _split_numbered(entries, block)
        if len(numbered) >= 2:
            for number, title, lines in numbered:
                found.append((lines[0], _row(document, entries, lines, number, title=title, items=_bullets(entries, lines))))
            continue
        decision = _row(document, entries, block, entry.section.paragraph or _label_of(entry.text))
        kept = [t for t in texts if t]
        decision.text = " ".join(kept)
        decision.items = split_items(kept)[1]
        decision.details["addressee"] = decision.details.get("addressee") or None
        decision.details = {k: v for k, v in decision.details.items() if v}
        found.append((index, decision))
        if label or alone:
            labelled.append((index, decision, [entries[i].text for i in block[1 if alone else 0:] if entries[i].text]))
    # "RECOMMENDATION: Approve." says what to do, and its item what to; so do a label's words the
    # paper gives to several items ("It is recommended that the Council receive and file.").
    said = Counter(decision.text for _, decision, _ in labelled)
    for index, decision, lines in labelled:
        if len(decision.text.split()) <= SAYS_ONLY_WHAT or said[decision.text] > 1:
            if item := _item_of(entries, index):
                decision.title, decision.text = item[0], " ".join([item[1], *lines])
    return found, used


_MOTION_OPENING = re.compile(r"^(?:that\b|\(?(?:[a-h]|[1-9])[.)]\s)", re.IGNORECASE)


def _opens_motion(entries: list[Entry], index: int) -> bool:
    """Whether the line after ``index`` opens a motion or its list ("That the Board:", "a) approve"), as the
    lines under a "Recommendation" set as plain text do."""
    following = next((e.text for e in entries[index + 1:index + 3] if e.text), "")
    return bool(_MOTION_OPENING.match(following))


def _field_above(entries: list[Entry], index: int) -> bool:
    """Whether the line at ``index`` is a recommendation label alone on its line with the action on the next
    line, as a field's name stands over its value."""
    following = entries[index + 1] if index + 1 < len(entries) else None
    return bool(_LABEL_ALONE.match(entries[index].text) and following is not None and following.text
                and not (following.heading or following.opens) and not FIELD_NAME.match(following.text))  # the next field's name: no action


SAYS_ONLY_WHAT = 4  # words: "Approve.", "Receive and file." name no subject
# An item's number the text layer ran into its title ("7.TREASURER'S REPORT"), which no list item has.
_GLUED_NUMBER = re.compile(r"^\(?\d{1,3}[.)](?=[A-Z])")


ITEM_LINES = 6  # an item's title and the few lines describing it, above its recommendation label


def _item_of(entries: list[Entry], index: int) -> tuple[str, str] | None:
    """The numbered agenda item a recommendation label belongs to, as its title and its lines:
    from the nearest line above that opens an item ("5.Quay Hall Yearly Review Report on the hall's year ...")
    or heads the label's section, down to the label, on its page, not past another item's label;
    else the numbered heading of its section."""
    label = entries[index]
    for start in range(index - 1, max(index - 1 - ITEM_LINES, -1), -1):
        above = entries[start]
        if above.page != label.page or above.section is not label.section or _LABEL.match(above.text):
            break
        # the item's title: a line opening it, or the heading of the label's own section
        if above.heading or opens_list_item(above.text) or _GLUED_NUMBER.match(above.text):
            return above.text, " ".join(entry.text for entry in entries[start:index] if entry.text)
    number, title = minute_of(label.section)
    return (f"{number}. {title}",) * 2 if number and title else None


def _label_of(text: str) -> str | None:
    match = re.match(r"^(\d{1,2}(?:\.\d{1,2})*)", text)
    return match.group(1) if match else None


def _phrases(document: Document, entries: list[Entry], used: set[int]) -> list[tuple[int, Decision]]:
    """"RECOMMENDED that ...", "The Board is asked to ..." outside any Recommendations section."""
    found = []
    for index, entry in enumerate(entries):
        text = entry.text
        if index in used or not text or entry.table or not _is_phrase(text):
            continue
        if _NOT_RECOMMENDATION.search(text) or _NOT_RECOMMENDATION.search(entry.section.path):
            continue
        block = collect_block(entries, index, lambda text: _is_phrase(text) or _ends_list(text))
        used.update(block)
        reference = minute_of(entry.section)[0] if document.type == "agenda" else (entry.section.paragraph or _label_of(text))
        found.append((index, _row(document, entries, block, reference)))
    return found


# An agenda item that asks its body to act, in the item's own first words: "6. Approving Supplemental
# Agreement No. 2 with Quayford Design ...", "1. QUAY SAFETY COMMITTEE REPORT - Authorize the City
# Manager to ...", "2. HARBOUR REVIEW - City Council to receive and file this report.", "Consideration of Ordinance No. 12".
# A capitalised title before a dash or colon is the item's name, not its request.
_ITEM_TITLE = (r"(?:[A-Z0-9][A-Z0-9 ,.:;&/’'()-]{3,}?\s*[-–:]\s+"
               # the record it would make: "RESOLUTION (2025-07) Authorize ...", "ORDINANCE NO. 12 - Adopting ..."
               r"|(?:RESOLUTION|ORDINANCE|MOTION)\s*(?:NO\.?\s*)?(?:\([\w -]{1,12}\)|[\w-]{1,12})?\s*(?:\([^)]{1,80}\))?\s*[-–:]?\s+)?")
# who asks in its own voice, and who is asked: "Staff recommends the Harbour Authority approve ...", "City Council to ..."
_ITEM_ADDRESSEE = rf"(?:{_OWN_VOICE})?(?:that\s+)?(?:(?:the\s+)?(?:[A-Z][\w&'’-]*\s+){{0,3}}{_BODY}\s+(?:to\s+)?)?"
_ASKS = re.compile(
    rf"^{_ITEM_TITLE}{_ITEM_ADDRESSEE}(?:to\s+|conditionally\s+)?"
    r"(?:approv(?:e|ing|al\s+of)|adopt(?:ing|ion\s+of)?|authori[sz](?:e|ing|ation\s+(?:of|to|for))|award(?:ing)?"
    r"|accept(?:ing|ance\s+of)?|ratif(?:y|ying|ication\s+of)|appoint(?:ing|ment\s+of)?|waive|receive\s+and\s+file"
    r"|direct(?:ing)?|amend(?:ing|ment\s+(?:of|to))?|grant(?:ing)?|renew(?:ing|al\s+of)?|establish(?:ing)?"
    r"|consider(?:ation\s+of)?)\b(?P<what>.*)$",
    re.IGNORECASE,
)


def _verb_heading(entry: Entry, number: str) -> str | None:
    """The heading item ``number`` stands under when it is only a verb of acting ("APPROVING",
    "RECEIVE AND FILE"): it asks for each item below it."""
    parts = [part.strip() for part in headings_of(entry.section.path)]
    if parts and parts[-1].startswith(number):
        parts.pop()  # the item's own heading
    asks = _ASKS.match(parts[-1]) if parts else None
    return parts[-1] if asks and not asks.group("what").strip(" :") else None


# What an agenda item may ask besides its verbs: an applicant's request as a design review agenda states
# it ("Quay Hall Extension: Seeking Final Approval"), a numbered enactment put to the body with its title
# ("Ordinance No. 12-2025 (Ward 3): Determining the route of the harbour path", "RESOLUTION (2025-08) Contract with
# Quay Marine for ..."), an application put by its
# case number ("Case 19-041: Quay House", "V-0112-24 and NC-2040-24; Variance applications for a deck").
_SEEKING = re.compile(r"\bseeking\s+(?:[\w-]+\s+){0,3}approval\b", re.IGNORECASE)
_ENACTMENT_ITEM = re.compile(r"^(?i:resolution|ordinance)\s+(?:(?i:no\.?)\s*[\w-]+\s*(?:\([^)]{1,80}\))?\s*[:–-]|\([\w -]{1,12}\)\s*[:–-]?)\s*[A-Z][a-z]")
_CASE = r"[A-Z]{0,4}-?\d{2,4}-\d{2,5}\b"
_CASE_ITEM = re.compile(rf"^(?:(?i:case)\s+(?:(?i:no)\.?\s*)?)?{_CASE}(?:\s+(?i:and)\s+{_CASE})?\s*[:;–-]\s*[A-Z]")


def asks_to_act(item: str) -> bool:
    """Whether an agenda item's words (its number left off) ask its body to act: "To approve the
    harbour accounts for payment", "Adopt Ordinance No. 12", "HARBOUR REVIEW - City Council to receive
    and file", "Quay Hall Extension: Seeking Final Approval"."""
    asks = _ASKS.match(item)
    if asks and not says_nothing(asks.group("what")):
        return True
    return bool(_SEEKING.search(item) or _ENACTMENT_ITEM.match(item) or _CASE_ITEM.match(item))


MAX_ITEM_LINES = 15  # an item's request and what it names; a long ordinance title reads on in its report


# Agenda item numbers that are no list marker: "5B." (an item added later), "9.A", "E-1", "7.B." (a letter for the section),
# and a bare number before the item's title in capitals ("3 COMMITTEE ASSIGNMENTS - Approve ...").
_ITEM_NUMBERS = (
    re.compile(r"^(?P<number>\d{1,3}[A-Z]|\d{1,2}\.[A-Z]|[A-Z]-?\d{1,2}|[A-Z]\.\d{1,2})\.?\s+(?P<rest>\S.*)$"),
    re.compile(r"^(?P<number>\d{1,2})\s+(?P<rest>(?:[A-Z0-9][A-Z0-9'’&/(),.-]*\s+){2,}\S.*)$"),
)


def _item_number(entry: Entry, after_blank: bool = False) -> tuple[str, str] | None:
    """(number, text after it) when a line opens a numbered agenda item: a section's first line, or
    a numbered line after a blank one."""
    if not entry.text or entry.table:
        return None
    marker = parse_marker(entry.text) if entry.opens or after_blank else None
    if marker is not None and marker.family in ("number", "decimal", "letter"):
        return marker.value, marker.rest
    match = next((m for pattern in _ITEM_NUMBERS if (m := pattern.match(entry.text))), None)
    return (match["number"], match["rest"]) if match else None


def _agenda_items(document: Document, entries: list[Entry], used: set[int]) -> list[tuple[int, Decision]]:
    """Numbered agenda items that ask the body to approve, adopt or authorise something, outside any
    recommendation already read: on a US agenda the item itself is the recommended action."""
    found = []
    last: str | None = None  # the number of the item before
    for index, entry in enumerate(entries):
        after_blank = index > 0 and not entries[index - 1].text
        number = _item_number(entry, after_blank)
        if number is None and not entry.table and (marker := parse_marker(entry.text)) and (
                _follows(marker, last) or (index > 0 and _caption(entries[index - 1]) and marker.value in ("1", "a"))):
            # "4.3 Adopt ..." after item 4.2, or "A. ..." under a group's caption ("BOARD ORDERS:"), on a line
            # not read as opening a paragraph
            number = marker.value, marker.rest
        last = number[0] if number else last
        # An agenda set out as paragraphs under unnumbered headings (a web page's): each paragraph an
        # item. Under a numbered item a paragraph describes that item ("To consider the report of ...").
        paragraph = (number is None and (entry.opens or after_blank) and entry.text[:1].isupper() and not entry.heading
                     and minute_of(entry.section)[0] is None)
        if index in used or (number is None and not paragraph):
            continue
        lines = [index]
        case = paragraph and bool(_CASE_ITEM.match(entry.text))
        for following in range(index + 1, min(len(entries), index + MAX_ITEM_LINES)):
            if _item_ends(entries[following], paragraph, case, number[0] if number else None):
                break
            lines.append(following)
        if paragraph and entry.text.rstrip().endswith(":"):
            lines += _introduced(entries, lines[-1])  # "APPROVAL OF MINUTES:" / "Minutes of the 9 November meeting."
        if used.intersection(lines):
            continue  # the item's recommendation is already read ("1. MINUTES" / "Staff recommends ...")
        first = number[1] if number else entry.text
        said = " ".join([first] + [entries[i].text for i in lines[1:] if entries[i].text])
        asks = asks_to_act(said)
        if not asks and number and (heading := _verb_heading(entry, number[0])):
            said = f"{heading} {said}"  # "APPROVING" / "24. The grant application to ...": the heading asks for each item
            asks = asks_to_act(said)
        parts = _asking_parts(entries, lines) if number and not asks else []
        if not (asks or parts) or is_furniture(said):
            continue  # nothing asked, or a contact line ("Direct Dial/Ext: ...")
        used.update(lines)
        decision = _row(document, entries, lines, number[0] if number else None)
        decision.items = parts
        found.append((index, decision))
    return found


def _asking_parts(entries: list[Entry], lines: list[int]) -> list[str]:
    """The parts of an item titled only by what they share ("5. Consent Agenda" / "a. Approve the minutes
    ..." / "b. Receive and file the accounts"), when one of them asks the body to act: the item asks
    through its parts, and they are its items."""
    _, parts = split_items([entries[i].text for i in lines[1:] if entries[i].text])
    return parts if any(asks_to_act(part) for part in parts) else []


def _item_ends(later: Entry, paragraph: bool, case: bool, number: str | None = None) -> bool:
    """Whether ``later`` is past an agenda item: a heading or the next numbered item (the number after
    ``number``, the item's own, even on a line not read as opening a paragraph: "4.2 Receive and file
    ..." / "4.3 Adopt Resolution No. ..."); for an item set out as a paragraph, its end; for an
    application put by its case number, whose name, address and work stand a paragraph each, the next
    case."""
    if later.heading or _item_number(later):
        return True
    if _follows(parse_marker(later.text), number) or _caption(later):
        return True
    if case:
        return bool(_CASE_ITEM.match(later.text))
    return later.opens or (paragraph and not later.text)


def _follows(marker: Marker | None, number: str | None) -> bool:
    """Whether ``marker`` numbers the item after item ``number`` ("4.3" after "4.2", "d" after "C")."""
    return bool(marker and number and marker.value and marker.value == next_value(number))


def _caption(entry: Entry) -> bool:
    """A line in capitals ending in ":" that names the group of items after it ("BOARD ORDERS, RULES OR FEES:")."""
    return entry.text.endswith(":") and entry.text.isupper() and len(entry.text) > 4


def _introduced(entries: list[Entry], last: int) -> list[int]:
    """The paragraph after a caption ending in ":", when it is the caption's content: not another
    caption, heading or numbered item."""
    following = next((i for i in range(last + 1, min(len(entries), last + 3)) if entries[i].text), None)
    if following is None:
        return []
    later = entries[following]
    if _item_ends(later, paragraph=True, case=False) or later.text.rstrip().endswith(":") or later.text.isupper():
        return []
    lines = [following]
    while lines[-1] + 1 < len(entries) and entries[lines[-1] + 1].text and not entries[lines[-1] + 1].heading:
        lines.append(lines[-1] + 1)
    return lines


# A recommendation made in running prose, as a sentence of its own: "It is recommended that a prize be
# offered", "We recommend that the team ...". A line-level reading sees it only when it opens a line.
_SAID_IN_PROSE = re.compile(rf"^(?:[A-Z][^,.;]{{0,100}},\s+)?(?:[Ii]t\s+is\s+(?:therefore\s+|also\s+)?recommended\s+that\b|{_RECOMMENDS})")


def _in_prose(document: Document, entries: list[Entry], used: set[int]) -> list[tuple[int, Decision]]:
    """Recommendations said mid-paragraph, each its own sentence, not on a line already read."""
    found = []
    for sentence in sentences(entries):
        if sentence.start in used or not _SAID_IN_PROSE.match(sentence.text) or _is_phrase(entries[sentence.start].text):
            continue
        decision = _row(document, entries, [sentence.start], entries[sentence.start].section.paragraph)
        decision.text, decision.items = sentence.text, []
        found.append((sentence.start, decision))
    return found


# A meeting's own recommendation to another body, inside what it resolved: "AGREED – to recommend to
# Council that ...", "(c) recommends to Council that ...", "RESOLVED to RECOMMEND to the Commissioner that
# ...": the clause is a recommendation of its own to the body it names, which that body then decides.
# The body a recommendation goes to: "Council", "Full Council", "the Council of Governors".
_ADDRESSED = r"(?P<who>(?:the\s+)?(?:(?-i:[A-Z])[\w&'’-]*\s+){0,4}?(?-i:[A-Z])[\w&'’-]*)"
_ONWARD = re.compile(rf"\brecommend(?:s|ed)?\s+to\s+{_ADDRESSED}(?:,\s+[^,]{{1,60}},)?\s+(?:that\b|the\b|for\b)", re.IGNORECASE)
# or names it only as the one to act: "Be it resolved that Committee of the Whole recommends that Council approve ..."
_ONWARD_THAT = re.compile(rf"\brecommend(?:s|ed)?\s+that\s+{_ADDRESSED}\s+(?-i:[a-z]+)\b", re.IGNORECASE)


# "RESOLVED - That the Panel makes the following recommendations to the Commissioner: (a) ... (b) ...": each item
# is a recommendation to the body the lead-in names.
_ONWARD_LIST = re.compile(rf"\brecommendations?\s+to\s+{_ADDRESSED}\s*:", re.IGNORECASE)


def recommended_onward(resolutions: list[tuple[int, Decision]]) -> list[tuple[int, Decision]]:
    """A recommendation row for each clause of a resolution that recommends to another body, or each item
    of one listing its recommendations to that body, with that body as its addressee (the resolution itself
    stays a resolution)."""
    found = []
    for start, resolution in resolutions:
        listed = _ONWARD_LIST.search(resolution.text) if resolution.items else None
        if listed and listed.end() <= resolution.text.find(resolution.items[0][:20]):  # in the lead-in, before the items
            details = {**resolution.details, "addressee": listed["who"]}
            found += [(start, replace(resolution, kind="recommendation", text=item, items=[], details=details)) for item in resolution.items]
            continue
        for clause in resolution.items or [resolution.text]:
            match = _ONWARD.search(clause) or _ONWARD_THAT.search(clause)
            if match:
                details = {**resolution.details, "addressee": match["who"]}
                found.append((start, replace(resolution, kind="recommendation", text=clause, items=[], details=details)))
    return found


_RECOMMENDED_TO = re.compile(rf"^(?:{ENUMERATOR})?(?-i:RECOMMENDED)\s+to\s+{_ADDRESSED}\s+that\b", re.IGNORECASE)


# Minutes telling what an officer, a report or a committee put to the meeting: "Staff recommended that the
# Council adopt Resolution No. 2024-020 ...", "The Director recommended requesting a 3 percent increase ...",
# "The Chief Executive recommended that the Members adopt the Draft Plan ...".
# An officer who advises the meeting, by role: "The Auditor recommended approval", "The County Engineer recommended ...".
_ADVISER = rf"(?:[Tt]he\s+)?(?:[A-Z][\w&'’-]*\s+){{0,3}}{OFFICER_ROLE}"
# An officer or a committee whose advice the minutes tell wherever its sentence starts (an item's title may run
# into it): "The Fire Chief recommended adoption of ...", "The Estates Committee recommended appointing ...",
# "The Audit and Risk Committee recommended the accounts to the Board", "The Superintendent recommends that ...",
# "Staff recommends adoption of Resolution No. 2024-18", "The Planning Commission recommended approval", "The Finance
# Committee recommended acceptance of the grant", "The Water and Sewer Abatement Board recommends an abatement".
_COUNSEL = (rf"(?:(?<![\w-])(?-i:The|the)\s+(?:(?:[A-Z][\w&'’-]*|and|&)\s+){{0,4}}(?:[a-z]+\s+)?(?:{OFFICER_ROLE}|(?i:committee|sub-committee|panel|working\s+group|commission|board))"
            r"(?:\s+of\s+[A-Z][\w&'’-]*(?:\s+(?:and\s+)?[A-Z][\w&'’-]*){0,3})?"  # "The Director of Facilities recommends ..."
            # an officer by post and name: "Auditor Okafor recommended that ...", "Public Works Director Farrow recommended ..."
            rf"|(?<![\w-])(?:[A-Z][\w&'’-]*\s+){{0,3}}{OFFICER_ROLE}\s+[A-Z][\w'’-]+"
            r"|^(?-i:Staff))"
            r"\s+(?:therefore\s+|also\s+|unanimously\s+|had\s+|has\s+)?recommend(?:ed|s)\s+(?:that|an?|the|[a-z]{4,})\b")
_OFFICER_NAMED = r"(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+[A-Z][\w'’-]+"  # "Ms. Holtzclaw recommended that the contract be awarded ..."
_RECOMMENDED_TO_MEETING = re.compile(rf"^(?:{_RECOMMENDER}|{_ADVISER}|{_OFFICER_NAMED})\s+(?:therefore\s+|also\s+)?recommended\s+\S"
                                     rf"|(?:^(?:[Tt]he\s+)?(?:[\w&'’.-]+\s+){{1,5}}|\b(?:which|and)\s+)(?i:recommend(?:ed|s))\s+that\s+(?:the\s+)?(?:[\w&'’-]+\s+){{0,3}}?"
                                     rf"(?:(?i:{_BODY}|court)|[A-Z]{{2,5}})\b"
                                     # a committee's recommendation minuted in capitals, as its decisions are:
                                     # "Finance Committee had considered the proposals and RECOMMENDED that Council approve ...",
                                     # "The Committee RECOMMENDS that the Authority adopt ..."
                                     rf"|^(?:{PARAGRAPH_NUMBER})?[^.;]*(?<![A-Za-z])RECOMMEND(?:ED|S)\s+(?:that|the|to)\b"
                                     # a council's comment on an application to the body deciding it: "... (52/2008/011): RECOMMEND
                                     # APPROVAL.", "- Recommend refusal on the grounds of flood risk"
                                     r"|(?:^|[:–-]\s*)(?:RECOMMEND(?:ED|S)?\s+(?:APPROVAL|REFUSAL)|[Rr]ecommend(?:ed|s)?\s+(?:approval|refusal))\b"
                                     # Welsh: "Argymhellodd y Clerc fod y Cyngor yn ..." (recommended), "Argymhelliad y Pwyllgor: ..."
                                     r"|\b[Aa]rgymhellodd\b|\b[Aa]rgymhelliad\s+(?:y|yr)\s[^:.]{0,60}:"
                                     # the report's recommendation put to the meeting: "The Panel was recommended to review ..."
                                     rf"|\b(?i:{_BODY})\s+(?:was|were)\s+recommended\s+to\s+[a-z]"
                                     rf"|{_COUNSEL}")


def _recommended_in_minutes(document: Document, entries: list[Entry]) -> list[tuple[int, Decision]]:
    """Each "RECOMMENDED to <body> that ..." a meeting minutes: its recommendation to that body; and
    each sentence telling what its staff recommended to the meeting."""
    found, used = [], set()
    for index, entry in enumerate(entries):
        match = _RECOMMENDED_TO.match(entry.text) if entry.text and not entry.table else None
        if match:
            block = collect_block(entries, index, lambda text: bool(_RECOMMENDED_TO.match(text)) or _ends_list(text))
            used.update(block)
            row = _row(document, entries, block, minute_of(entry.section)[0])
            row.details["addressee"] = match["who"]
            found.append((index, row))
    for sentence in sentences(entries):
        if _RECOMMENDED_TO_MEETING.search(sentence.text) and not used.intersection(range(sentence.start, sentence.end + 1)):
            lines = list(range(sentence.start, sentence.end + 1))
            # "The report recommended that the IJB:" and the list it introduces
            listed = collect_block(entries, sentence.end, _ends_list)[1:] if entries[sentence.end].text.endswith(":") else []
            row = _row(document, entries, lines + listed, minute_of(entries[sentence.start].section)[0])
            if not listed:
                row.text, row.items = sentence.text, []
            used.update(lines + listed)
            found.append((sentence.start, row))
    return found


# A table's column of what officers recommended, beside the item it is about ("Officer recommendation",
# "Staff recommendation" in a planning committee's schedule of applications): each row's cell is a
# recommendation about that row. A column headed only "Recommendation" is as often a progress table's
# list of past recommendations, so whose it is must be said.
_RECOMMENDATION_COLUMN = re.compile(r"^(?:officers?['’]?|staff|planning\s+officers?['’]?s?|director['’]?s?)\s+recommendations?$", re.IGNORECASE)


def _column_recommendations(document: Document, entries: list[Entry]) -> list[tuple[int, Decision]]:
    """Each row of a table with a column of officers' recommendations: the row up to that column (what
    it is about and what was recommended), not what the meeting then decided beside it."""
    found = []
    for index, cells, at, _ in column_rows(entries, _RECOMMENDATION_COLUMN):
        if at >= len(cells) or says_nothing(cells[at]):
            continue
        row = _row(document, entries, [index], minute_of(entries[index].section)[0], items=[])
        row.text = " | ".join(cell for cell in cells[: at + 1] if cell)
        found.append((index, row))
    return found


def extract_recommendations(document: Document, entries: list[Entry]) -> list[tuple[int, Decision]]:
    """(first line index, recommendation) for every recommendation list the paper makes, and each row of a
    table with a column of officers' recommendations."""
    minutes = document.type in ("minutes", "decision_record")
    if not minutes and is_motion(entries):
        return []  # a motion's "asked to agree" is the movers' proposal, not a report's recommendation
    return (_in_minutes(document, entries) if minutes else _in_papers(document, entries)) + _column_recommendations(document, entries)


def _in_minutes(document: Document, entries: list[Entry]) -> list[tuple[int, Decision]]:
    # a committee's own "RECOMMENDED to Full Council that ..." is its recommendation to that body, and minutes
    # keep what officers recommended to the meeting; minutes name who proposed and seconded from their first lines
    return _recommended_in_minutes(document, entries) + (_formal_blocks(document, entries)[0] if document.type == "minutes" else [])


def _in_papers(document: Document, entries: list[Entry]) -> list[tuple[int, Decision]]:
    found, used = _formal_blocks(document, entries)
    if not found:  # a report that sets out its recommendations formally discusses others in its prose
        found = _phrases(document, entries, used)
        found += _in_prose(document, entries, used)  # the lines _phrases read are in ``used``
    elif document.type == "agenda":  # an agenda's items each say what they ask in their own way
        found += _phrases(document, entries, used)
    if document.type == "agenda":
        found += _agenda_items(document, entries, used)
    return found
