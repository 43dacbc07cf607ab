"""Cut a section's text into passages of bounded size that never cut a sentence in half.

Text arrives as lines tagged with their page. Lines join into paragraphs (blank lines and bullets
start new ones), paragraphs into sentences, sentences pack greedily into passages of at most
``max_chars``. Only a single sentence longer than ``max_chars`` (a table row flattened into one
line, a 5 MB line) is cut, at a clause or word boundary, because the size bound must hold.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Line:
    text: str
    page: int
    printed_page: str | None = None


@dataclass(frozen=True)
class Passage:
    text: str
    page: int
    last_page: int
    printed_page: str | None = None
    # [offset, page] where each later page begins in ``text``: a sentence is cited at its own page
    page_breaks: tuple[tuple[int, int], ...] = ()


def page_at(page: int | None, page_breaks, offset: int) -> int | None:
    """The page of the character at ``offset`` of a passage that starts on ``page``."""
    for start, later in page_breaks or ():
        if offset >= start:
            page = later
    return page


@dataclass
class _Paragraph:
    text: str
    offsets: list[int]  # char offset where each contributing line starts
    lines: list[Line]

    def line_at(self, offset: int) -> Line:
        return self.lines[max(0, bisect.bisect_right(self.offsets, offset) - 1)]


# Words after which a full stop does not end a sentence.
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "cllr", "prof", "rev", "st", "no", "nos", "vs", "etc", "eg", "e.g",
    "ie", "i.e", "cf", "approx", "co", "ltd", "inc", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "para", "paras", "fig", "ref", "cllrs", "sq", "est", "dept",
    "govt", "p", "pp", "vol", "ch", "sec", "al", "jr", "sr", "hon", "rt", "a.m", "p.m", "am", "pm",
    "cyng",  # Welsh "Cyng." (Cynghorydd, councillor)
}
# ... and of those, the ones that always lead on to a name or a number: a line ending "Resolution No."
# or "Cllr." runs on, where one ending "9.30 pm." or "etc." may close its sentence.
_LEADING = {"mr", "mrs", "ms", "dr", "cllr", "cllrs", "cyng", "prof", "rev", "no", "nos", "vs", "cf", "e.g", "eg", "i.e", "ie",
            "para", "paras", "fig", "ref", "p", "pp", "vol", "ch", "sec", "hon", "rt"}
_BOUNDARY = re.compile(r"[.!?…][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9•])")
_ENDS = re.compile(r"[.!?][\"'”’)]*$")
# A list item opens a paragraph; a year ending a sentence wrapped onto its own line ("with effect
# from 1 February\n2013. External advice ...") does not.
BULLET_GLYPHS = "•▪◦●■\u2022\uf0b7\uf0a7"  # what papers print as bullets (\uf0b7, \uf0a7: a symbol font's)
# A list marker is a number ("3.", "12a)"), a letter ("(b)") or a roman numeral ("iv."), not any short
# word before a stop or bracket: a line wrapped at "Mr. Fox", "No. 12", "(Cox) and Channel 39" goes on.
# A text layer may drop the space after a dash or a bullet glyph: "-Agreed to ask ...", "•Susan reported ...".
GLUED_BULLET = rf"(?-i:[-{BULLET_GLYPHS}](?=[A-Z][a-z]))"
_BULLET = re.compile(rf"^\s*(?:[-*o{BULLET_GLYPHS}]\s+|{GLUED_BULLET}|\(?(?:\d{{1,3}}[a-z]?|[a-z]|[ivx]{{1,4}})[.)]\s+)", re.IGNORECASE)


def opens_list_item(line: str) -> bool:
    """Whether a line opens an item of a list ("• ...", "- ...", "3. ...", "(b) ..."), as a paragraph does."""
    return bool(_BULLET.match(line))


def ends_sentence(line: str) -> bool:
    """Whether a line's last words close a sentence ("... approved.", not "... adopt Resolution No.")."""
    if not _ENDS.search(line):
        return False
    words = line.split()
    return not words or words[-1].rstrip(".!?\"'”’)").lstrip("(\"'“‘[").lower() not in _LEADING


def split_sentences(text: str) -> list[str]:
    """Split prose into sentences, keeping abbreviations, initials and numbering intact."""
    sentences: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.start() + 1
        word = text[start:end].rsplit(None, 1)[-1].rstrip(".!?…").lower() if text[start:end].split() else ""
        word = word.lstrip("(\"'“‘[")
        if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()) or re.fullmatch(r"(?:[a-z]\.)+[a-z]", word):
            continue  # "Mr.", an initial, or initials run together ("Cllr. J.J. Carrigan")
        if re.fullmatch(r"[\d.]+|[ivxlc]+|[a-z]", word) and text[start:end].strip() == text[start:end].strip().split()[0]:
            continue  # a paragraph number such as "3.1." or "iv." opening the text
        sentence = text[start:match.end()].strip()
        if sentence:
            sentences.append(sentence)
        start = match.end()
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) in ``text`` of each sentence of a passage, line by line: the sentences an answer
    is chosen from, and those the index keeps a vector for."""
    spans: list[tuple[int, int]] = []
    at = 0
    for line in text.split("\n"):
        pos = 0
        for sentence in split_sentences(line):
            start = line.find(sentence, pos)  # a sentence is the line's own text, stripped
            spans.append((at + start, at + start + len(sentence)))
            pos = start + len(sentence)
        at += len(line) + 1
    return spans


def _paragraphs(lines: list[Line]) -> list[_Paragraph]:
    paragraphs: list[_Paragraph] = []
    current: _Paragraph | None = None
    for line in lines:
        stripped = " ".join(line.text.split())
        if not stripped:
            current = None
            continue
        if current is None or (opens_list_item(line.text) and not _initial_goes_on(current.text, stripped)):
            current = _Paragraph(text="", offsets=[], lines=[])
            paragraphs.append(current)
        if current.text:
            if current.text.endswith("-") and stripped[:1].islower() and not current.text.endswith(" -"):
                current.text = current.text[:-1]  # a word hyphenated across lines
            else:
                current.text += " "
        current.offsets.append(len(current.text))
        current.lines.append(line)
        current.text += stripped
    return paragraphs


_LETTER_ITEM = re.compile(r"([A-HJ-Z])\.\s+[A-Z]")


def _initial_goes_on(text: str, line: str) -> bool:
    """Whether a line opening like a lettered item ("E. Ash, Managing Member") is the wrapped end of
    a name ("... bidder as Quay Excavating (Ann" / "E. Ash"): the text before stops mid-phrase, and the
    letter does not follow the one opening the paragraph before ("D. ..." then "E. ...")."""
    item = _LETTER_ITEM.match(line)
    if not item or not text or text[-1] in ".:;!?)" or not text[-1].isalpha():
        return False
    return not text.startswith(f"{chr(ord(item[1]) - 1)}.")


def _cut_long(sentence: str, max_chars: int) -> list[str]:
    """Cut one over-long sentence at the last clause or word boundary before the limit."""
    pieces: list[str] = []
    rest = sentence
    while len(rest) > max_chars:
        window = rest[:max_chars]
        cut = max(window.rfind("; "), window.rfind(", "), window.rfind("\t"))
        if cut < max_chars // 2:
            cut = window.rfind(" ")
        if cut < max_chars // 4:
            cut = max_chars - 1  # one unbroken token: a hard cut is the only bounded choice
        pieces.append(rest[: cut + 1].strip())
        rest = rest[cut + 1 :].lstrip()
    if rest.strip():
        pieces.append(rest.strip())
    return pieces


@dataclass(frozen=True)
class _Unit:
    text: str  # a sentence, or a piece of an over-long one
    start: Line
    end: Line
    joined_by: str  # "\n" when it opens a paragraph, " " within one


def _passage(units: list[_Unit]) -> Passage:
    """The passage a run of units makes: their text joined, and where each later page begins."""
    first = units[0].start
    text = units[0].text
    breaks: list[tuple[int, int]] = []
    for unit in units[1:]:
        if unit.start.page > (breaks[-1][1] if breaks else first.page):
            breaks.append((len(text) + 1, unit.start.page))  # the unit starts after its separator
        text = f"{text}{unit.joined_by}{unit.text}"
    return Passage(text, first.page, units[-1].end.page, first.printed_page, tuple(breaks))


def pack_passages(lines: list[Line], max_chars: int) -> list[Passage]:
    """Pack the lines of one section into passages of at most ``max_chars`` characters.

    Sentences of one paragraph join with a space, paragraphs with a newline. A sentence introducing
    a list ("... showing the moorings at risk:") goes on to the next passage with the list, rather
    than ending the passage before it.
    """
    passages: list[Passage] = []
    pending: list[_Unit] = []  # the passage being filled
    size = 0  # its length in characters, separators included

    def flush(carry: bool) -> None:
        """End the passage; with ``carry``, a sentence ending in ":" at its end opens the next one (the
        list it introduces follows)."""
        nonlocal pending, size
        carried = pending.pop() if carry and len(pending) > 1 and pending[-1].text.rstrip().endswith(":") else None
        if pending:
            passages.append(_passage(pending))
        pending = [carried] if carried else []
        size = len(carried.text) if carried else 0

    for paragraph in _paragraphs(lines):
        position = 0
        units: list[tuple[str, Line, Line]] = []
        for sentence in split_sentences(paragraph.text):
            offset = paragraph.text.find(sentence, position)
            offset = position if offset < 0 else offset
            position = offset + len(sentence)
            start_line, end_line = paragraph.line_at(offset), paragraph.line_at(position - 1)
            for piece in _cut_long(sentence, max_chars):
                units.append((piece, start_line, end_line))
        # Start a new passage at a paragraph boundary when the whole paragraph would not fit.
        paragraph_len = sum(len(unit) + 1 for unit, _, _ in units)
        if size and size + paragraph_len > max_chars:
            flush(carry=opens_list_item(paragraph.lines[0].text))
        joined_by = "\n"
        for unit, start_line, end_line in units:
            if size and size + 1 + len(unit) > max_chars:
                flush(carry=False)
            size += len(unit) + (1 if size else 0)
            pending.append(_Unit(unit, start_line, end_line, joined_by))
            joined_by = " "
    flush(carry=False)
    return passages
