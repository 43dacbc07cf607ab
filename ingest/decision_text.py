"""Shared ground for the decision extractors: a paper as a stream of cleaned lines, list markers,
blocks of text that run from a header to the end of its list, and the minute a line sits in.

Each extractor (resolutions, recommendations, commitments, actions) reads the same stream, so the
markdown/PDF clean-up and the "where does this list end" rules live here once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .chunk import GLUED_BULLET, ends_sentence, split_sentences
from .margins import ACTION_WORD, OWNER_LINE
from .sections import Section, headings_of, outcome_only
from .tables import is_table_line


@dataclass
class Entry:
    """One line of a paper as the extractors see it."""

    text: str  # cleaned: no markdown emphasis, html tags or heading hashes; whitespace collapsed
    page: int
    section: Section
    heading: bool = False  # a heading line (it is not in the section's text; ``text`` is its title)
    opens: bool = False  # the first line of a new section (a heading or a numbered paragraph)
    table: bool = False  # a tab-separated table row (tables are read as rows, not prose)
    cells: tuple[str, ...] = ()  # a table row's cells, cleaned (``text`` runs them together)

    @property
    def depth(self) -> int:
        return self.section.path.count(" > ")


# A list item's own number or letter before its words: "3. ", "(b) ", "iv) ".
ENUMERATOR = r"\(?(?:\d{1,3}|[a-z]|[ivx]{1,4})[.)]\)?\s+"
# A paragraph's number before its first sentence: "18.4 Council APPROVED ...", "3) The Board ...".
PARAGRAPH_NUMBER = r"\(?\d{1,3}(?:\.\d{1,3})*[.)]?\)?\s+"

_TAGS = re.compile(r"</?(?:b|i|u|strong|em|sup|sub|span|p|br|font)\b[^>]*>", re.IGNORECASE)
_LINKS = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def clean(text: str) -> str:
    """A line without the converter's markup, so patterns see the words a reader sees."""
    text = _TAGS.sub("", text).replace("**", "").replace("__", "").replace("\x00", "")
    text = re.sub(r"(?<=\S)\*+(?=\s|$)|(?:^|(?<=\s))\*+(?=\w)", "", text)  # "*emphasis*", not a "* " bullet
    text = _LINKS.sub(r"\1", text)
    text = re.sub(r"^\s*#{1,6}\s+", "", text)
    text = re.sub(r":\s*[-–—]\s*$", ":", text)  # "The Committee agreed:-", as British minutes lead into a list
    return " ".join(text.split())


def build_entries(sections: list[Section]) -> list[Entry]:
    """Every line of the paper in reading order, headings included, each with its section."""
    entries: list[Entry] = []
    for section in sections:
        title = section.path.rsplit(" > ", 1)[-1]
        first_is_heading = bool(section.lines) and section.lines[0] is section.heading
        if section.heading is not None and not first_is_heading:
            entries.append(Entry(clean(title), section.heading.page, section, heading=True, opens=True))
        for index, line in enumerate(section.lines):
            table = is_table_line(line.text)
            entries.append(Entry(clean(line.text), line.page, section, opens=index == 0 and first_is_heading, table=table,
                                 cells=tuple(clean(cell) for cell in line.text.split("\t")) if table else ()))
    return entries


_CELL_BREAK = re.compile(r"\s\|\s")


def row_cells(entry: Entry, keep_empty: bool = False) -> list[str]:
    """The cells of a table row, without the empty ones unless ``keep_empty``: a tab-separated row's, or
    a plain-text row's set off by " | " ("7 | Award of contract | APPROVED 5-0"); [] for a line that is
    no row."""
    cells = entry.cells or (_CELL_BREAK.split(entry.text) if _CELL_BREAK.search(entry.text) else [])
    return [cell.strip() for cell in cells if keep_empty or cell.strip()]


# A line or cell that says there is nothing: "-", "None", "N/A", "APPROVAL OF MINUTES – NONE".
_NOTHING = re.compile(r"^\W*$|(?:^|[-–:])\s*(?:none|n/?a|nil)\W*$", re.IGNORECASE)


# A field's name on a line of its own, as board-meeting systems print an item's fields ("Public Content",
# "Motion & Voting"): a few capitalised words.
FIELD_NAME = re.compile(r"^(?:(?:[A-Z][\w'’&/-]*|&)\s*){1,4}$")


def says_nothing(text: str) -> bool:
    return bool(_NOTHING.search(text))


def column_rows(entries: list[Entry], header: re.Pattern) -> list[tuple[int, list[str], int, dict[str, int]]]:
    """The rows of each table whose header row has a column ``header`` matches: (the row's entry index,
    its cells in place, empty ones kept, the place of that column, and every column's place by its
    header, lower case)."""
    found = []
    index = 0
    while index < len(entries):
        names = row_cells(entries[index], keep_empty=True) if entries[index].table else []
        at = next((n for n, name in enumerate(names) if header.match(name)), None)
        index += 1
        if at is None:
            continue
        columns = {name.lower(): n for n, name in enumerate(names) if name}
        while index < len(entries) and entries[index].table:
            cells = row_cells(entries[index], keep_empty=True)
            if cells != names:  # the header printed again after a page break
                found.append((index, cells, at, columns))
            index += 1
    return found


# ---- list markers -------------------------------------------------------------------------

_BULLET = re.compile(rf"^(?:(?:[-•*▪◦●■‣➢➤\u2022\uf0b7\uf0a7\uf0d8\uf076]|o(?=\s+[A-Z]))\s+|{GLUED_BULLET})(.*)$")
_DECIMAL = re.compile(r"^\(?(\d{1,2}\.\d{1,2}(?:\.\d{1,2})?)\.?\)?\s+(\S.*)$")
_NUMBER = re.compile(r"^(?:\((\d{1,2})\)|(\d{1,2})(?:\.\)|[.)]))\s*(\S.*)$")
_LETTER = re.compile(r"^(?:\(([a-zA-Z]|[ivxIVX]{2,5})\)|([a-zA-Z]|[ivxIVX]{2,5})(?:\.\)|[.)]))\s+(\S.*)$")
# "APPROVE the ...", "DELEGATE authority ...": an imperative in capitals. A past tense in capitals
# ("RESOLVED that", "AGREED") heads a decision; it is not an item of one.
_CAPS_VERB = re.compile(r"^(?!(?:RESOLVED|AGREED|DECIDED|RECOMMENDED|NOTED)\b)([A-Z]{4,})\s+(?=[a-z])")
_ROMAN = re.compile(r"^(?:i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii)$", re.IGNORECASE)


@dataclass(frozen=True)
class Marker:
    family: str  # bullet | decimal | number | letter | roman | caps
    value: str  # the marker as written ("iv", "2.1", "b"); empty for bullets
    rest: str  # the item's text after the marker
    ambiguous: bool = False  # a letter that is also a roman numeral (i, v, x)


def parse_marker(text: str) -> Marker | None:
    """The list marker opening ``text`` ("(a)", "ii.", "2.1", "- ", "APPROVE the ..."), if any."""
    bullet = _BULLET.match(text)
    if bullet:
        inner = parse_marker(bullet.group(1))  # "- i. Note ..." is item i, written as a bullet
        return inner if inner and inner.family != "caps" else Marker("bullet", "", bullet.group(1))
    if match := _DECIMAL.match(text):
        return Marker("decimal", match.group(1), match.group(2))
    if match := _NUMBER.match(text):
        return Marker("number", match.group(1) or match.group(2), match.group(3))
    if match := _LETTER.match(text):
        value = match.group(1) or match.group(2)
        if len(value) > 1:
            return Marker("roman", value.lower(), match.group(3)) if _ROMAN.match(value) else None
        return Marker("letter", value.lower(), match.group(3), ambiguous=value.lower() in "ivx")
    if match := _CAPS_VERB.match(text):
        return Marker("caps", match.group(1), text)
    return None


def starts_list(marker: Marker) -> bool:
    """Whether a marker can be the first item of a list: (1), (a), (i), a bullet, 2.1, APPROVE."""
    if marker.family in ("bullet", "decimal", "caps", "roman"):
        return True
    return marker.value in ("1", "a", "i")


def next_value(value: str) -> str | None:
    """The marker the item after ``value`` bears in its list, as ``parse_marker`` gives it (letters in
    lower case, numbers as wide as written): "4" -> "5", "4.2" -> "4.3", "09" -> "10", "B" -> "c"."""
    head, _, last = value.rpartition(".")
    if last.isdigit():
        after = str(int(last) + 1).zfill(len(last))
        return f"{head}.{after}" if head else after
    if len(value) == 1 and value.isalpha() and value.lower() != "z":
        return chr(ord(value.lower()) + 1)
    return None


def family_of(first: Marker) -> str:
    return "roman" if first.family == "letter" and first.value == "i" else first.family


def same_family(family: str, marker: Marker, depth: int = 0) -> bool:
    if family == "roman":
        return marker.family == "roman" or (marker.family == "letter" and bool(_ROMAN.match(marker.value)))
    if family == "decimal":
        return marker.family == "decimal" and marker.value.count(".") == depth
    return marker.family == family


def split_items(lines: list[str]) -> tuple[str, list[str]]:
    """(lead text, items) of a block: items are the top-level list entries, sub-points folded in.

    The first marker sets the list's family; a first marker line ending in ":" followed by a list
    of another family is the lead ("2.1 The Board is recommended to:" then "i. ... ii. ...").
    """
    markers = [parse_marker(text) for text in lines]
    family: str | None = None
    depth = 0
    first_index = next((i for i, m in enumerate(markers) if m and starts_list(m)), None)
    if first_index is not None:
        first = markers[first_index]
        later = [m for m in markers[first_index + 1:] if m and starts_list(m)]
        if first.rest.endswith(":") and later and family_of(later[0]) != family_of(first):
            markers[first_index] = None  # a numbered lead, not an item
    lead: list[str] = []
    items: list[str] = []
    for text, marker in zip(lines, markers):
        if marker and family is None and starts_list(marker):
            family, depth = family_of(marker), marker.value.count(".")
            items.append(marker.rest)
        elif marker and family and same_family(family, marker, depth):
            items.append(marker.rest)
        elif items:
            items[-1] = f"{items[-1]} {text}"
        else:
            lead.append(text)
    if family == "caps" and len(items) < 2:
        return " ".join(lines), []  # one capitalised verb is a sentence, not a list
    return " ".join(lead), [item.strip() for item in items]


# ---- blocks ---------------------------------------------------------------------------------



def ends_clause(text: str) -> bool:
    """Whether a line ends a sentence or a clause (".", "!", "?", ":" or ";"): else a wrapped line
    carries it on."""
    return text.rstrip()[-1:] in tuple(".:;!?")


def introduces(text: str) -> bool:
    """Whether a line ends by introducing what follows: a colon, or a dash set apart ("RESOLVED -"),
    not a word broken at the line's end ("co-")."""
    text = text.rstrip()
    return text.endswith(":") or bool(re.search(r"\s[-–]$", text))


def collect_block(entries: list[Entry], start: int, stop, max_lines: int = 200, lead: bool = False) -> list[int]:
    """Indices of the lines of a decision block starting at ``start``.

    The block runs on over wrapped lines; past a blank line it goes on only into a list (a line
    opening with a marker) or a sentence cut by a page break. It ends at a new section no deeper
    than its own, at a line ``stop`` rejects (a new decision, a vote line), or after a complete
    sentence that opens no list. ``max_lines`` only guards against a runaway: a budget
    resolution's items (a)-(v) run to some ninety lines. ``lead``: the first line is a label heading
    what follows ("DECISION" / "1. To approve ..."), as a line ending in ":" or a dash does.
    """
    head = entries[start]
    taken = [start]
    gap = False
    in_list = lead or introduces(head.text)
    family: str | None = None
    following: str | None = None  # the number the list's next item bears
    for index in range(start + 1, min(len(entries), start + max_lines)):
        entry = entries[index]
        text = entry.text
        if not text:
            gap = True
            continue
        if entry.opens and entry.depth <= head.depth and not parse_marker(text):
            break
        if entry.heading and not parse_marker(text):
            break
        if stop(text):
            break
        marker = parse_marker(text)
        is_item = marker is not None and (
            (family is None and starts_list(marker)) or (family is not None and same_family(family, marker, marker.value.count(".")))
        )
        previous = entries[taken[-1]].text
        if is_item and entry.heading and following is not None and marker.value != following:
            break  # a numbered heading out of the list's sequence (after "(3)", "13. DATE OF NEXT MEETING") opens the next minute
        if is_item and (in_list or family is not None):
            family = family or family_of(marker)
            following = next_value(marker.value) if marker.family == "number" else None
        elif gap:
            cut = text[:1].islower() and not ends_sentence(previous)
            # the lead's first line, ending in ":" or a label ("Decision" / "" / "To approve ..."), heads what follows
            opening = in_list and family is None and (previous.endswith(":") or lead) and len(taken) == 1
            if not (cut or opening or ((family or in_list) and _subheading(entries, index, family))):
                break  # past a blank line only a list item, its lead or a sentence cut mid-way goes on
        elif family is None and not in_list and ends_sentence(previous) and not text[:1].islower():
            break  # a complete one-sentence decision: the next sentence is someone else's
        if text.endswith(":"):
            in_list = True
        taken.append(index)
        gap = False
    return taken


def _subheading(entries: list[Entry], index: int, family: str | None) -> bool:
    """A short title line inside a list ("2025-26 Revenue Budget", "In addition:"), the list going on
    below it. A line ending in ":" continues only a list already begun (before one, it is a lead)."""
    text = entries[index].text
    if len(text.split()) > 12 or ends_sentence(text) or (text.endswith(":") and family is None):
        return False
    following = next((e.text for e in entries[index + 1:index + 4] if e.text), "")
    marker = parse_marker(following)
    if marker is None:
        return False
    return starts_list(marker) if family is None else same_family(family, marker, marker.value.count("."))


_MINUTE_LINE = re.compile(r"^(\d{1,4})([.)])\s+([A-Z].*)$")  # "294. Minutes of the meeting ..."


def minutes_by_line(entries: list[Entry]) -> list[tuple[str | None, str | None]]:
    """(minute number, minute title) for every line of a paper.

    Minute numbers only go up: a top-level "1)" or "For (57)" that a PDF line made look like a
    heading, after minute 286, is still inside minute 286. A line numbered as the next minute, in
    the same style ("294." after "293."), opens it even where a wrapped title made the PDF line
    read as a paragraph of minute 293. Without numbered minutes, each top-level heading names the
    item ("Participation Team Update (Item 4)").
    """
    current: tuple[str | None, str | None] = (None, None)
    number, style = -1, None
    out = []
    for entry in entries:
        if entry.opens:
            ref, title = minute_of(entry.section)
            own = _MINUTE_LINE.match(entry.text)
            if number >= 0 and own and int(own.group(1)) == number + 1 and own.group(2) == style:
                ref, title = own.group(1), _ITEM_TAIL.sub("", own.group(3)).strip(" -–") or None
            if ref is not None and re.match(r"\d+", ref):
                value = int(re.match(r"\d+", ref).group(0))
                if value > number:
                    number, current = value, (ref, title)
                    style = _heading_style(entry.section, ref) or style
            elif number < 0 and entry.depth == 1 and entry.heading:
                current = (None, title)
        out.append(current)
    return out


def _heading_style(section: Section, ref: str) -> str | None:
    """The punctuation after the minute number in the heading that opened it ("." in "293. Title")."""
    for part in [*headings_of(section.path), section.heading.text.strip() if section.heading else ""]:
        match = re.match(rf"^{re.escape(ref)}([.)])", part.strip())
        if match:
            return match.group(1)
    return None


def block_pages(entries: list[Entry], indices: list[int]) -> tuple[int, int]:
    pages = [entries[i].page for i in indices]
    return pages[0], max(pages)


# ---- where a line sits ------------------------------------------------------------------------

_NUMBERED = re.compile(r"^(\d{1,4}[A-Za-z]?)[.)]?\s+(\S.*)$")
_ITEM_TAIL = re.compile(r"\s*\((?:item|ai|agenda item)\s*\d{1,3}[a-z]?\)\s*$", re.IGNORECASE)


def minute_of(section: Section) -> tuple[str | None, str | None]:
    """(number, title) of the minute or agenda item a section belongs to.

    The first numbered heading below the root ("33. Health and Wellbeing Strategy (AI 5)") gives
    both; without numbers, the first heading below the root gives the title.
    """
    parts = headings_of(section.path)
    for part in parts:
        match = _NUMBERED.match(part)
        if match and not re.match(r"^[\d.,%£$]+(?:\s|$)", match.group(2)):
            title = _ITEM_TAIL.sub("", match.group(2)).strip(" -–")
            return match.group(1), title or None
    for part in parts:
        if not re.match(r"^[\d.]+$", part):
            return None, _ITEM_TAIL.sub("", part).strip() or None
    return None, None


# ---- paragraphs and sentences -------------------------------------------------------------------


@dataclass
class Sentence:
    text: str
    page: int
    last_page: int
    start: int  # index of the entry the sentence starts in
    end: int  # index of the entry it ends in
    paragraph: int = -1  # index of the entry its paragraph starts in


# Who proposed and seconded, as parish minutes close a decision with them: "Prop: DF 2nd: SA",
# "Proposed: Cllr Fox, Seconded: Cllr Ash".
_NAME = r"[A-Z]{1,3}\b|(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr)\.?\s+(?:[A-Z]\.?\s+)?[A-Z][\w'’-]+"  # initials, or a title and name
PROPOSED = re.compile(
    rf"\b(?:Prop(?:osed)?(?:\s+by)?|Proposer)\s*[:.]?\s*(?P<mover>{_NAME})\s*[,;]?\s+"
    rf"(?:2nd|Sec(?:onded)?(?:\s+by)?|Seconder)\s*[:.]?\s*(?P<seconder>{_NAME})\.?"
)


def _after_proposer(sentence: str) -> list[str]:
    """A sentence split after each proposer and seconder that closes a decision: a line without a
    full stop ("Vice Chair - Dana Fox Prop: SA 2nd: RD") runs on into the next one."""
    parts, start = [], 0
    for match in PROPOSED.finditer(sentence):
        if re.match(r"\s+[A-Z0-9•(]", sentence[match.end():]):  # a new line's words, not "... seconded by SA and carried"
            parts.append(sentence[start:match.end()].strip())
            start = match.end()
    parts.append(sentence[start:].strip())
    return [part for part in parts if part]


# A line opening with an action label starts a point of its own, as a list marker does: an action list's
# "ACTION: Hamish - draft the objection" lines, which end without a stop, are not one run-on sentence; nor are
# "Action GP to write to the club" or "ACTION The Clerk to ...", its colon left out.
_ACTION_LINE = re.compile(rf"^(?i:actions?\s*:\s*\S)|^{ACTION_WORD}\s+[A-Z]")


def sentences(entries: list[Entry]) -> list[Sentence]:
    """Every sentence of the paper's running text (headings excluded), with its pages.

    Lines join into paragraphs at blank lines and list markers; a sentence keeps the page and
    entry of the line it starts in, so a citation points at the right page.
    """
    out: list[Sentence] = []
    para: list[int] = []

    def flush() -> None:
        if not para:
            return
        offsets, parts, position = [], [], 0
        for index in para:
            offsets.append(position)
            parts.append(entries[index].text)
            position += len(entries[index].text) + 1
        text = " ".join(parts)
        cursor = 0
        for sentence in (part for whole in split_sentences(text) for part in _after_proposer(whole)):
            begin = text.find(sentence, cursor)
            begin = cursor if begin < 0 else begin
            finish = begin + len(sentence)
            cursor = finish
            first = max(i for i, off in enumerate(offsets) if off <= begin)
            last = max(i for i, off in enumerate(offsets) if off < max(finish, begin + 1))
            out.append(Sentence(sentence, entries[para[first]].page, entries[para[last]].page, para[first], para[last], para[0]))
        para.clear()

    for index, entry in enumerate(entries):
        if not entry.text and para and not parse_marker(entries[para[0]].text) and _cut(entries, para[-1], index):
            continue  # blank lines inside a sentence ("we know that they" / "work and ..."), not a list item's
        if not entry.text or entry.heading or entry.table:
            flush()
            continue
        if parse_marker(entry.text) or entry.opens or _ACTION_LINE.match(entry.text) or para and _closes(entries[para[-1]].text) \
                or para and _ACTION_LINE.match(entries[para[0]].text) and entry.text[:1].isupper():  # not one wrapping on in lower case
            flush()  # a line that is only an outcome ("CARRIED", "CARRIED 7/2") or an owner ends its sentence, stop or none
        para.append(index)
    flush()
    return out


def _closes(text: str) -> bool:
    """Whether a line closes the sentence above it: only an outcome, or only who acts on it ("Action RM, HL, CA")."""
    return outcome_only(text) or bool(OWNER_LINE.match(text))


def _cut(entries: list[Entry], last: int, index: int) -> bool:
    """Whether the paragraph ending at line ``last`` stops mid-sentence and goes on in lower case
    after the blank lines from ``index``."""
    if ends_sentence(entries[last].text) or entries[last].text.endswith(":"):
        return False
    following = next((e for e in entries[index:index + 6] if e.text), None)
    return following is not None and not (following.heading or following.table or following.opens) and following.text[:1].islower()


# ---- whose words ----------------------------------------------------------------------------

# "Proposer: ... Seconder: ...", "Proposed by Mr ... Seconded by Mrs ...".
_TITLED = r"(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor)\b"
_PROPOSER = re.compile(rf"\b(?:[Pp]roposer|[Mm]over)\s*:\s*[A-Z]|\b(?:[Pp]roposed|[Mm]oved)\s+by\s*:?\s*{_TITLED}")
_SECONDER = re.compile(rf"\b[Ss]econder\s*:\s*[A-Z]|\b[Ss]econded\s+by\s*:?\s*{_TITLED}")
MOTION_OPENING = 40  # lines in which a motion names its movers


def is_motion(entries: list[Entry]) -> bool:
    """Whether the paper is a motion or amendment (its opening names a proposer and a seconder).

    Its "we will" and "asked to" speak for the movers (an opposition group's alternative budget),
    not for the body whose papers it is in, and nothing in it is decided until a vote.
    """
    opening = " ".join([entry.text for entry in entries if entry.text][:MOTION_OPENING])
    return bool(_PROPOSER.search(opening) and _SECONDER.search(opening))


def normalise(text: str) -> str:
    return " ".join(re.sub(r"[^\w%£$]+", " ", text.lower()).split())


_BACK_REFERENCE = re.compile(r"\b(?:this|these)\b", re.IGNORECASE)


def referred_to(read: list[Sentence], n: int, short: int = 0) -> Sentence | None:
    """The sentence before ``read[n]`` in its paragraph when ``read[n]`` refers back to it, saying
    "this" or "these" ("The trustees endorsed this plan.", "DF asked to help find these."), or
    being ``short`` words or fewer ("The nomination was carried.")."""
    sentence = read[n]
    if n == 0 or read[n - 1].paragraph != sentence.paragraph:
        return None
    if len(re.findall(r"[A-Za-z]+", sentence.text)) <= short or _BACK_REFERENCE.search(sentence.text):
        return read[n - 1]
    return None
