"""Heading paths: where in a paper each line sits, e.g. "Report > 4. Background > 4.2".

Every heading or numbered paragraph gets a rank; a new one closes every open entry of equal or
deeper rank. Ranks put markdown "#" headings at 1, the paper's main sections (numbered "4.",
minute "28.", ALL CAPS, short title lines, "##") at 2, a numbered paragraph "3." inside a
minute at 2.5, "4.2" at 3, "4.2.1" at 4, short "i. Title" sub-headings at 4. A heading line
leaves the text (the path carries it); a numbered paragraph stays in the text it opens.
Sub-items such as (a), i., (1) do not open sections: a chunk per sub-item would be too small.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .chunk import Line
from .margins import OWNER_LINE
from .votes import COUNT_LINE

_MARKDOWN = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_INT = re.compile(r"^(\d{1,3})([.)]?)\s+(\S.*)$")
_DECIMAL = re.compile(r"^(\d{1,2}(?:\.\d{1,3}){1,3})\.?\)?\s+(\S.*)$")
_ROMAN_UPPER = re.compile(r"^([IVX]{1,5})\.\s+(\S.*)$")
_LETTER_UPPER = re.compile(r"^([A-Z])[.)]\s+(\S.*)$")
_SUB_ITEM = re.compile(r"^\(?([a-z]|[ivx]{1,5})[.)]\s+(\S.*)$")
_NUMBER_ONLY = re.compile(r"^(\d{1,3})\.?$")
# A minute's reference heading it, as parish and town councils number them by year: "24/041 APOLOGIES",
# "31/24 CORRESPONDENCE", "P24/107: Planning", a committee's initials before it: "QPC 24/050 Terms of reference".
_REFERENCE_FORM = r"(?P<year>(?:[A-Z]{1,5}\s?)?(?P<first>\d{2,4})/)(?P<number>\d{2,3})"
_MINUTE_REF = re.compile(rf"^(?P<reference>{_REFERENCE_FORM})[.:)]?\s+(?P<rest>\S.*)$")
_ITEM_REF = re.compile(r"^\((?:item|ai|agenda item)\s*\d{1,3}[a-z]?\)$", re.IGNORECASE)
_MONTHS = re.compile(
    r"^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b",
    re.IGNORECASE,
)
_NOT_HEADING_START = re.compile(r"^(?:resolved|agreed|noted|result|motion|ayes|nays|noes|abstain|absent|second(?:ed)?|page)\b", re.IGNORECASE)
# A line that is only an outcome ("NO OBJECTION", "APPROVED.", "Refused", "CARRIED 7/2") says what became of the
# item above it, in a table's column or under its text: it names no topic, so it opens no section.
_OUTCOME_ONLY = re.compile(
    r"^(?:(?:no\s+)?(?:objections?|comments?)(?:\s+raised)?|approved|refused|granted|carried|deferred|withdrawn|adopted"
    r"|rejected|supported|not\s+supported|support|agreed|noted|resolved|defeated|lost|failed|passed)"
    # with how it went: "CARRIED 7/2", "Lost (3-6)", "CARRIED UNANIMOUSLY"
    r"(?:\s+unanimously|\s+\(?unanimous\)?|\s+\(?\d{1,2}\s*[-/–:]\s*\d{1,2}(?:\s*[-/–:]\s*\d{1,2})?\)?)?$",
    re.IGNORECASE,
)


_REFERENCE = re.compile(rf"^{_REFERENCE_FORM}$")  # a minute's reference alone: "25/25"


def _next_minute(reference: str | None) -> str | None:
    """The minute reference after ``reference`` ("25/26" after "25/25", "P24/108" after "P24/107")."""
    match = _REFERENCE.match(reference or "")
    return f"{match['year']}{int(match['number']) + 1:0{len(match['number'])}d}" if match else None


def outcome_only(text: str) -> bool:
    """Whether a line says only what became of an item ("NO OBJECTION", "Approved.")."""
    return bool(_OUTCOME_ONLY.match(text.strip().rstrip(".!")))


_TABLE_ROW_END = re.compile(r"(?:\s[-+(£$€]?\d[\d,.]*%?\)?){2}$")
_QUANTITY = re.compile(r"^(?:in|of|x|per|out|to|and|%|million|years?|people)\b", re.IGNORECASE)

MAX_TITLE = 100
UNMARKED_ITEMS = 100  # a paper numbering items without a stop ("5 Minutes") does not reach a hundred
MAX_WRAPPED_TITLE = 300  # a title over several lines keeps them all: its last words name the item


@dataclass
class Section:
    path: str
    paragraph: str | None
    lines: list[Line] = field(default_factory=list)
    heading: Line | None = None  # the line that opened it (a heading, or a numbered paragraph's first line)


@dataclass
class _Entry:
    rank: float
    title: str
    label: str | None  # paragraph number, where the entry has one


def _title_like(title: str, max_words: int = 14) -> bool:
    """Short, capitalised, and not a sentence: a heading rather than a paragraph."""
    title = title.strip()
    if not title or len(title) > MAX_TITLE or len(title.split()) > max_words:
        return False
    if title[-1] in ".,;:" and not title.endswith("etc."):
        return False
    if not (title[0].isupper() or title[0].isdigit() or title[0] in "'\"‘“("):
        return False
    if _TABLE_ROW_END.search(title):
        return False  # "TOTAL BUDGET CHANGES -120.5 0.0 0.0": a table's row ends in its figures
    return (not _NOT_HEADING_START.match(title) and not outcome_only(title)
            and not COUNT_LINE.match(title)  # "For (34)" over its names
            and not OWNER_LINE.match(title))  # "Action RM, HL": who acts on the minute above, not a title


def _is_caps(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 4 and sum(ch.isupper() for ch in letters) >= 0.85 * len(letters)


def headings_of(path: str) -> list[str]:
    """The headings of a section path below the paper's root: "Agenda > 4. Budget > Comments" ->
    ["4. Budget", "Comments"]."""
    return path.split(" > ")[1:]


def classify_line(text: str, isolated: bool = False, next_long: bool = False,
                  opens_numbered: bool = False, expected: int | None = None,
                  next_minute: str | None = None) -> tuple[str, float, str, str | None] | None:
    """("heading" | "para", rank, title, paragraph label) for a line that opens a section.

    ``isolated``: blank lines around it; ``next_long``: prose follows; ``opens_numbered``: it
    ends a sentence-free gap and a numbered paragraph follows. These only matter for plain title
    lines, which are headings only by their position. ``expected``: the number the last numbered
    item makes next, which opens an item even when its title starts with a figure ("24. 2021 Grant
    Program application", "25. $125,000 in grant funds"). ``next_minute``: the minute reference that follows
    the last one ("25/26" after "25/25"), which is that minute even where it reads as a financial year.
    """
    text = text.strip()
    if not text or "\t" in text or len(text) > 2000:
        return None
    markdown = _MARKDOWN.match(text)
    if markdown:
        inner = markdown.group(2).strip("*_ ").strip()
        if not inner:
            return None
        numbered = classify_line(inner)
        if numbered and numbered[3]:
            # A marked-up heading is a heading even when long: "### 2.1 The Board is asked to:".
            rank = 2.0 if numbered[1] == 2.5 else numbered[1]
            title = numbered[2] if numbered[0] == "heading" else inner[:MAX_TITLE]
            return ("heading", rank, title, numbered[3])
        return ("heading", float(len(markdown.group(1))), inner[:MAX_TITLE], None)
    if match := _DECIMAL.match(text):
        label, rest = match.group(1), match.group(2)
        if all(int(part) < 100 for part in label.split(".")) and not re.match(r"^\d", rest):
            rank = 1.0 + label.count(".") + 1
            if _title_like(rest, 12):
                return ("heading", rank, f"{label} {rest}", label)
            return ("para", rank, label, label)
        return None
    if match := _MINUTE_REF.match(text):
        reference, first, second, rest = match["reference"], match["first"], match["number"], match["rest"]
        # not a date ("12/03") or a financial year ("25/26", "2023/24"), which a line may open with too
        date_like = len(second) == 2 and int(second) <= 12
        year_pair = int(second) == (int(first) + 1) % 10 ** len(second)
        if (reference == next_minute or not (date_like or year_pair)) and ":" not in rest and _title_like(rest, 12):
            return ("heading", 2.0, f"{reference} {rest}", reference)
        return None
    if match := _INT.match(text):
        number, mark, rest = match.groups()
        listed = bool(mark) and expected is not None and int(number) == expected and not re.match(r"^\S+\s*$", rest)
        if int(number) == 0 or _MONTHS.match(rest) or not listed and re.match(r"^(?:[%£$]|\d[\d,.]*(?:\s|%|$))", rest):
            return None
        if not mark and (_QUANTITY.match(rest) or rest.split()[0].isupper() and len(rest.split()[0]) <= 3):
            return None  # "4 IN 10 HAVE A DEGREE" is a statistic, not section 4
        if not mark and int(number) >= UNMARKED_ITEMS:
            return None  # "625 Phone system upgrade": an amount beside its line of a budget, not item 625
        if _title_like(rest):
            return ("heading", 2.0, f"{number}. {rest}", number)
        if mark:
            return ("para", 2.5, f"{number}.", number)
        return None
    if match := _ROMAN_UPPER.match(text):
        if _title_like(match.group(2)):
            return ("heading", 2.0, f"{match.group(1)}. {match.group(2)}", match.group(1))
        return None
    if match := _LETTER_UPPER.match(text):
        if _title_like(match.group(2), 8):
            return ("heading", 2.0, f"{match.group(1)}. {match.group(2)}", match.group(1))
        return None
    if match := _SUB_ITEM.match(text):
        if _title_like(match.group(2), 8) and isolated:
            return ("heading", 4.0, text[:MAX_TITLE], None)
        return None
    if _is_caps(text) and _title_like(text, 12) and ":" not in text[:-1] and not re.match(r"^[\d£$]", text):
        return ("heading", 2.0, text[:MAX_TITLE], None)
    # a line wholly in parentheses is an aside or a reference ("(Report No. 24-117)"), not a title
    if (isolated and next_long or opens_numbered) and sum(ch.isalpha() for ch in text) >= 3 and _title_like(text, 10) and len(text) <= 80 \
            and ":" not in text and not re.search(r"\d{4}$", text) and not (text.startswith("(") and text.endswith(")")):
        return ("heading", 2.0, text, None)
    return None


# A capitals title too long for its line wraps: the line breaks after a joining word or a comma
# ("... BETWEEN THE TOWNS OF" / "HARBOURSIDE AND MILLBROOK ..."), before a parenthesis or a joining word,
# or simply at the width of the column, which a capitals line of 40 characters or more fills.
_JOINS_ON = re.compile(r"(?:[,&/–-]|\b(?:AND|OR|OF|THE|A|AN|TO|FOR|IN|ON|AT|BY|WITH|FROM|REGARDING|BETWEEN|INTO|AS|THAT|WHICH))$", re.IGNORECASE)
_JOINED_TO = re.compile(r"^(?:\(|(?:AND|OR|OF|THE|TO|FOR|IN|ON|AT|BY|WITH|FROM|REGARDING|BETWEEN|PURSUANT|INC\.?|LLC)\b)")
WRAP_WIDTH = 40
# Two spaces between columns of a table's row; after a stop or a colon they are a typist's ("READING:  ADOPTION OF").
_COLUMN_GAP = re.compile(r"(?<![.:;,])  ")


def _continues(previous: str, text: str) -> bool:
    """Whether a capitals line carries on the capitals line above it rather than opening a section."""
    if not previous or not _is_caps(previous) or re.search(r"[.:;!?]$", previous):
        return False
    if _COLUMN_GAP.search(previous) or sum(ch.isdigit() for ch in previous) > 0.2 * len(previous.replace(" ", "")):
        return False  # a table's row of columns or figures, not a title
    return bool(_JOINS_ON.search(previous) or _JOINED_TO.match(text) or len(previous) >= WRAP_WIDTH)


def _heading_wrap(lines: list[Line], index: int) -> int | None:
    """Index of the "(Item N)" line ending a minute heading that wraps over up to three lines."""
    for j in range(index + 1, min(len(lines), index + 4)):
        text = lines[j].text.strip()
        if not text or len(text) > 100:
            return None
        if text.endswith(")") and _ITEM_REF.match(text[text.rfind("("):]):
            return j
    return None


def sectionize(lines: list[Line], root: str, keep_empty: bool = False) -> list[Section]:
    """The paper's lines grouped into sections, each with its heading path.

    ``keep_empty`` keeps sections that hold only their heading (decision extraction needs every
    heading, e.g. "2. Recommendations" directly followed by "2.1 The Board is recommended to:").
    """
    stack: list[_Entry] = []
    sections: list[Section] = [Section(root, None)]
    count = len(lines)

    def nonblank_after(index: int) -> int | None:
        for j in range(index + 1, min(count, index + 4)):
            if lines[j].text.strip():
                return j
        return None

    def open_entry(rank: float, title: str, label: str | None) -> None:
        while stack and stack[-1].rank >= rank:
            stack.pop()
        stack.append(_Entry(rank, title, label))
        path = " > ".join([root] + [entry.title for entry in stack])
        paragraph = next((entry.label for entry in reversed(stack) if entry.label), None)
        sections.append(Section(path, paragraph))

    # A numbered entry ending in ":" ("4. Decisions:") and followed at once by "1." introduces a
    # list: its items sit inside it, and the next number of the outer list ("5.") closes them.
    sublist: tuple[float, int] | None = None  # (rank, last number) of such a list
    introduced_at: int | None = None  # the line of the last numbered entry, when it ends with ":"
    skip = -1
    heading_end = -1  # the last line of the title of the section open now
    last_number = 0  # of the last numbered entry opened, under any heading ("23." then "APPROVING" then "24.")
    last_minute: str | None = None  # the reference of the last minute opened ("25/25")
    for index, line in enumerate(lines):
        if index <= skip:
            continue
        text = line.text.strip()
        if not text:
            sections[-1].lines.append(line)
            continue
        nxt = nonblank_after(index)
        if _NUMBER_ONLY.match(text) and nxt is not None and _title_like(lines[nxt].text.strip(), 10):
            # "1." alone, its title a line or two below (two-column minutes).
            open_entry(2.0, f"{_NUMBER_ONLY.match(text).group(1)}. {lines[nxt].text.strip()}", _NUMBER_ONLY.match(text).group(1))
            sections[-1].heading = line
            skip = heading_end = nxt
            continue
        prev_blank = index == 0 or not lines[index - 1].text.strip()
        next_blank = index + 1 >= count or not lines[index + 1].text.strip()
        next_long = nxt is not None and len(lines[nxt].text.strip()) >= 60
        prev_ends = prev_blank or bool(re.search(r"[.:;!?]$", lines[index - 1].text.strip()))
        opens_numbered = prev_ends and len(text) <= 60 and nxt is not None and bool(_INT.match(lines[nxt].text.strip()))
        found = classify_line(text, prev_blank and next_blank, next_long, opens_numbered,
                              last_number + 1 if last_number else None, _next_minute(last_minute))
        if found is None:
            sections[-1].lines.append(line)
            continue
        kind, rank, title, label = found
        previous = lines[index - 1].text.strip() if index else ""
        if kind == "heading" and label is None and _is_caps(text) and _continues(previous, text):
            if stack and heading_end == index - 1:
                # The title goes on: the heading above takes this line, and the section keeps it.
                stack[-1].title = f"{stack[-1].title} {text}"[:MAX_WRAPPED_TITLE]
                sections[-1].path = " > ".join([root] + [entry.title for entry in stack])
                heading_end = index
            else:
                sections[-1].lines.append(line)
            continue
        if kind == "para" and not prev_blank and not re.search(r"[.:;!?)]$", previous) and not _title_like(previous, 8):
            sections[-1].lines.append(line)  # "section\n17.67 for calling-in": a number wrapped mid-sentence
            continue
        if kind == "heading" and label and not next_blank and nxt is not None:
            follow = lines[nxt].text.strip()
            wrapped = _heading_wrap(lines, index)
            if wrapped is not None:
                title = " ".join([title] + [lines[j].text.strip() for j in range(index + 1, wrapped + 1)])
                skip = wrapped  # "88. Budget Monitoring Report –" / "2024-25" / "(Item 5)"
            elif follow[:1].islower() or (len(text) >= 60 and not text.startswith("#") and not _is_caps(title)):
                # A PDF line that wraps into the next is the start of a paragraph, not a heading.
                kind, title, rank = "para", f"{label}." if "." not in label else label, (2.5 if rank == 2.0 else rank)
        if label and _REFERENCE.match(label):
            last_minute = label
        if label and label.isdigit():
            number = last_number = int(label)
            if sublist and number == sublist[1] + 1:
                rank, sublist = sublist[0], (sublist[0], number)
            elif number == 1 and introduced_at is not None and stack and not any(
                    lines[j].text.strip() for j in range(introduced_at + 1, index)):
                rank = stack[-1].rank + 0.25
                sublist = (rank, 1)
            else:
                sublist = None
                # The next number of an open list is its next item, a heading or a paragraph alike:
                # "2. Quay Hall Lease - to consider the report on ..." does not sit inside "1. Mooring Fees".
                previous_item = next((entry for entry in reversed(stack) if entry.label == str(number - 1)), None)
                if previous_item is not None:
                    rank = previous_item.rank
            introduced_at = index if text.endswith(":") else None
        open_entry(rank, title, label)
        sections[-1].heading = line
        heading_end = max(index, skip) if kind == "heading" else -1
        if kind == "para":
            sections[-1].lines.append(line)
    if keep_empty:
        return sections
    return [section for section in sections if any(line.text.strip() for line in section.lines)]
