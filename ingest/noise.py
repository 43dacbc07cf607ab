"""Clean extracted page text into lines: drop what the printer added, keep what the author wrote.

Removed: running headers and footers (lines repeated at the edges of many pages), "Page N" stamps,
bare page numbers, "intentionally left blank", HTML/markdown emphasis left by converters, repeated
boilerplate notices. Kept but normalised: bullets (including the U+F0B7/U+F0A7 glyphs PDFs use),
words hyphenated across a line break. The page number printed on each page is detected here.
"Agenda Item N" stamps are kept: the pack splitter needs them and drops them itself.
"""

from __future__ import annotations

import re
from collections import Counter

from minutebook.vocabulary import Page

from .chunk import Line

_TAG = re.compile(r"</?(?:b|i|u|em|strong|sup|sub|span|p|a|font|br|li|ul|ol|div|td|th|tr|table|caption|thead|tbody)\b[^>]{0,300}>", re.IGNORECASE)
_MD_LINK = re.compile(r"\[([^\]\n]{1,300})\]\((?:[^)\s]{1,500})\)")
_EMPHASIS = re.compile(r"\*\*|__")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_BLANK_PAGE = re.compile(r"^\s*(?:this page (?:is|has been) (?:intentionally|deliberately) left blank\.?|\[?blank page\]?)\s*$", re.IGNORECASE)

# Page stamps a pack or printer adds; the captured number is the printed page.
_PAGE_STAMP = re.compile(r"^\s*(?:page|pg\.?)\s*(\d{1,4})(?:\s*(?:of|/)\s*\d{1,4})?\s*\.?\s*$", re.IGNORECASE)
_PAGE_IN_LINE = re.compile(r"\bpage\s*(\d{1,4})\s*of\s*\d{1,4}\b", re.IGNORECASE)
_BARE_NUMBER = re.compile(r"^\s*[-–]?\s*(\d{1,4})\s*[-–]?\s*$")
_AGENDA_STAMP = re.compile(r"^\s*#*\s*agenda\s+item\s*(?:no\.?\s*)?(\d{1,3}[a-z]?(?:\.\d{1,2})?)\s*$", re.IGNORECASE)

# Bullets: private-use glyphs from Symbol/Wingdings fonts, unicode bullets, markdown markers.
_BULLET = re.compile(r"^(\s*)(?:[\uf0b7\uf0a8\u2022\u25aa\u25cf\u25a0\u2023\u2043\u25e6]|[-*+](?=\s))\s*")
_SUB_BULLET = re.compile(r"^(\s*)(?:[\uf0a7\uf0d8\uf076\uf0fc\u25e6\u25cb]\s*|o\s+(?=[A-Z0-9£$\"'(“]))")
# A markdown "- " before a paragraph number is list syntax, not a bullet: "- 3.4 Text", "- i. Note".
_LIST_BEFORE_NUMBER = re.compile(r"^\s*[-*]\s+(?=(?:\(?\d{1,2}(?:\.\d{1,2})*[.)]?|\(?[a-z]{1,4}[.)]|\([a-z]{1,4}\))\s)")

_EDGE_LINES = 4  # lines at the top and the bottom of a page where running headers live
_HYPHEN_END = re.compile(r"[A-Za-z]{2,}-$")


def strip_markup(text: str) -> str:
    """One line without converter markup (HTML tags, markdown emphasis and links)."""
    if "<" in text:
        text = _TAG.sub(" ", text)
    if "](" in text:
        text = _MD_LINK.sub(r"\1", text)
    if "*" in text or "_" in text:
        text = _EMPHASIS.sub("", text)
    text = _CONTROL.sub("", text)
    return text.replace("\u00a0", " ").rstrip(" \r\n")  # trailing tabs are empty table cells


def normalise_bullet(text: str) -> str:
    """Bullets as "• " and sub-bullets as "◦ "; list markers before numbers dropped."""
    if match := _LIST_BEFORE_NUMBER.match(text):
        return text[match.end():]
    if match := _SUB_BULLET.match(text):
        return f"{match.group(1)}◦ {text[match.end():]}"
    if match := _BULLET.match(text):
        rest = text[match.end():]
        rest = _BULLET.sub("", rest, count=1) if rest[:1] in "*-•" else rest  # "- * Item"
        return f"{match.group(1)}• {rest}" if rest.strip() else ""
    return text


def _key(text: str) -> str:
    """Running-header identity: digits vary from page to page, the rest does not."""
    return re.sub(r"\d+", "#", " ".join(text.split()).lower())


def printed_page_number(lines: list[str], page_count: int) -> str | None:
    """The page number printed on a page, read from its first and last lines."""
    edge = [line for line in lines if line.strip()]
    edge = edge[:3] + edge[-3:]
    stamps = [m.group(1) for line in edge if (m := _PAGE_STAMP.match(line) or _PAGE_IN_LINE.search(line[:200]))]
    if stamps:
        return stamps[-1]  # a pack's "Page N" stamp is what readers cite over a form's own number
    limit = max(50, page_count * 20)
    for line in edge:
        if (m := _BARE_NUMBER.match(line)) and 0 < int(m.group(1)) <= limit:
            return m.group(1)
    return None


def _running_lines(page_lines: list[list[str]]) -> set[str]:
    """Keys of lines repeated at the edges of many pages, and never inside a page's body: running
    headers and footers. A line a paper also prints between its paragraphs ("CARRIED 7/0", "That
    Council:") is its text, wherever a page break happens to leave it."""
    with_text = [lines for lines in page_lines if any(line.strip() for line in lines)]
    if len(with_text) < 2:
        return set()
    counts: Counter[str] = Counter()
    inside: set[str] = set()
    for lines in with_text:
        kept = [line for line in lines if line.strip()]
        edges = {*range(min(_EDGE_LINES, len(kept))), *range(max(len(kept) - _EDGE_LINES, 0), len(kept))}
        counts.update({_key(kept[at]) for at in edges if not _heads_table(kept, at)})
        inside.update(_key(line) for line in kept[_EDGE_LINES:-_EDGE_LINES])
    threshold = max(2, int(0.4 * len(with_text) + 0.5))
    # Keys need some letters, or the three numbers of a printed date and time ("12/7/26, 12:53 AM", as a
    # browser stamps each page it prints): "#." is an item number that happens to sit at many page tops.
    return {key for key, count in counts.items()
            if count >= threshold and key not in inside and (sum(ch.isalpha() for ch in key) >= 3 or key.count("#") >= 3)}


def _heads_table(lines: list[str], at: int) -> bool:
    """Whether line ``at`` is a table's header row: the line after it is a row of as many tab-parted
    cells. A table's header printed again after a page break is the table's, not the page's."""
    cells = lines[at].count("\t")
    return cells >= 2 and at + 1 < len(lines) and lines[at + 1].count("\t") == cells


def _without_running_tail(text: str, running: set[str]) -> str:
    """A line with a running footer glued on after a tab ("... was changed by the \t 2016-12-15 draft
    Minutes v1 \t4"), as extraction leaves it when the footer shares the body's last baseline."""
    for at in (m.start() for m in re.finditer("\t", text)):
        if _key(text[at:]) in running:
            return text[:at].rstrip()
    return text


# A decision's own words, which minutes repeat under every item: its label ("OFFICER RECOMMENDATION",
# "COUNCIL RESOLUTION 2024/147", "MOTION CARRIED"), its verb ("RESOLVED that ...") or its outcome
# ("CARRIED UNANIMOUSLY R2024-211"); or an item's number.
_DECISION_WORDS = re.compile(r"^\s*(?:[\w'’]+\s+){0,3}(?:recommendations?|resolution|decision|motion)\b"
                             r"|^\s*(?:(?:carried|defeated|lost)\b|resolved|\d)", re.IGNORECASE)


def _is_boilerplate_candidate(text: str) -> bool:
    """Notices that converters repeat on every page of a text file: capitals or a parenthesis."""
    letters = [ch for ch in text if ch.isalpha()]
    # judged by its words, not its indent: a right-aligned "CARRIED" under each motion is no notice
    if len(text.strip()) < 20 or "\t" in text or text.lstrip().startswith("#"):
        return False
    if _DECISION_WORDS.match(text):
        return False
    upper = sum(ch.isupper() for ch in letters) >= 0.8 * len(letters) if letters else False
    return upper or (text.strip().startswith("(") and text.strip().endswith(")")) or bool(re.fullmatch(r"\s*(?:https?://|www\.)\S+\s*", text))


def join_hyphenated(lines: list[Line]) -> list[Line]:
    """Re-join a word split by a line-end hyphen ("recom-" / "mendation")."""
    out = list(lines)
    for i in range(len(out) - 1):
        text = out[i].text
        if not _HYPHEN_END.search(text):
            continue
        nxt = out[i + 1].text.lstrip()
        if not nxt[:1].islower():
            continue
        word, _, rest = nxt.partition(" ")
        out[i] = Line(text[:-1] + word, out[i].page, out[i].printed_page)
        out[i + 1] = Line(rest, out[i + 1].page, out[i + 1].printed_page)
    return out


def _text_file_printed_pages(lines: list[Line]) -> list[Line]:
    """A text file has no pages, but "Page N" stamps mark the foot of printed page N.

    Lines between consecutive stamps N-1 and N are on page N; elsewhere the page is unknown,
    because a converter may have dropped stamps and guessing would cite the wrong page.
    """
    out: list[Line] = []
    pending: list[Line] = []
    previous: int | None = None
    for line in lines:
        match = _PAGE_STAMP.match(line.text)
        if not match:
            pending.append(line)
            continue
        number = int(match.group(1))
        printed = str(number) if previous is not None and number == previous + 1 else None
        out.extend(Line(item.text, item.page, printed) for item in pending)
        pending = []
        previous = number
    out.extend(pending)
    return out


# A line's number in the margin, as its first word: "12 That the Council ..." (not "12.", "12)", "2024").
_LINE_NUMBER = re.compile(r"^\s*(\d{1,3})(?:\s+|$)")
MIN_NUMBERED_LINES = 10  # lines a page numbers before its numbers are taken for the margin's
NUMBERED_SHARE = 0.8  # of a page's lines numbered, and of those numbers each one more than the last


def without_line_numbers(lines: list[str]) -> list[str]:
    """A page numbered line by line down its margin (pleading paper: 1, 2, 3 ... 28) gives every line
    its number as a first word ("3 a) accept the apology", "4 CARRIED"), which hides each line's
    own list marker or outcome. When nearly every line of the page opens with a number one more than
    the line before's, and some of them go on with a sentence or hold nothing else, the numbers are
    the margin's and go; an agenda's items ("1 Call to order", "2 Roll call") each open a title."""
    found = {i: (int(m.group(1)), line[m.end():]) for i, line in enumerate(lines) if (m := _LINE_NUMBER.match(line))}
    with_text = sum(1 for line in lines if line.strip())
    if len(found) < MIN_NUMBERED_LINES or len(found) < NUMBERED_SHARE * with_text:
        return lines
    numbers = [number for number, _ in found.values()]
    steps = sum(1 for a, b in zip(numbers, numbers[1:]) if b == a + 1)
    # The margin numbers every line, so some are a sentence's wrapped end or an empty row.
    if steps < NUMBERED_SHARE * (len(found) - 1) or not any(not row.strip() or row[:1].islower() for _, row in found.values()):
        return lines
    return [found[i][1] if i in found else line for i, line in enumerate(lines)]


def clean_pages(pages: list[Page]) -> list[Line]:
    """All the pages' lines in reading order, cleaned, each tagged with its PDF and printed page."""
    page_lines = [without_line_numbers([strip_markup(line) for line in (page.text or "").splitlines()]) for page in pages]
    multi = len(pages) > 1
    running = _running_lines(page_lines) if multi else set()
    lines: list[Line] = []
    kept_once: set[str] = set()
    for page, raw in zip(pages, page_lines):
        printed = page.printed or (printed_page_number(raw, len(pages)) if multi else None)
        edge_ids: list[int] = []
        if multi:
            nonblank = [i for i, line in enumerate(raw) if line.strip()]
            edge_ids = nonblank[:3] + nonblank[-3:]
        for i, text in enumerate(raw):
            if not text.strip():
                lines.append(Line("", page.number, printed))
                continue
            if _BLANK_PAGE.match(text):
                continue
            if multi:
                key = _key(text)
                if key in running and not _AGENDA_STAMP.match(text):
                    # A letterhead's first appearance at the top of the first page is the title.
                    if not (page is pages[0] and i in edge_ids[:3] and key not in kept_once):
                        continue
                    kept_once.add(key)
                if _PAGE_STAMP.match(text) or (i in edge_ids and _BARE_NUMBER.match(text)):
                    continue
                if i in edge_ids and "\t" in text:
                    text = _without_running_tail(text, running)
            lines.append(Line(normalise_bullet(text), page.number, printed))
    if not multi:
        lines = _text_file_printed_pages(lines)
        lines = _drop_repeated_boilerplate(lines)
    return join_hyphenated(lines)


def _drop_repeated_boilerplate(lines: list[Line]) -> list[Line]:
    """Keep the first copy of a notice repeated three or more times; drop later copies."""
    counts = Counter(_key(line.text) for line in lines if line.text and _is_boilerplate_candidate(line.text))
    repeated = {key for key, count in counts.items() if count >= 3}
    if not repeated:
        return lines
    seen: set[str] = set()
    out = []
    for line in lines:
        key = _key(line.text) if line.text else ""
        if key in repeated:
            if key in seen:
                continue
            seen.add(key)
        out.append(line)
    return out


# Page furniture a reader skips: a contact line, a postal address, a signature rule. A sentence that
# is one of these says where or how to reach someone, never what a paper says about its subject.
_CONTACT = re.compile(r"\b(?:phone|tel|telephone|fax)\b\.?\s*:?\s*[(+\d]|[\w.+-]+@[\w-]+\.[\w.]+|\bwww\.", re.IGNORECASE)
# A street address: "118 West 9th Street", "12 Harbour Rd."
STREET = (r"\b\d{1,6}[A-Za-z]?\s+(?:[NSEW]\.?\s+)?(?:[A-Z0-9][\w.'’-]*\s+){0,4}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd"
          r"|Drive|Dr|Lane|Ln|Way|Place|Pl|Court|Ct|Parkway|Pkwy|Highway|Hwy|Square|Sq|Terrace|Close|Crescent)\b\.?")
_ADDRESS = re.compile(rf"{STREET}.{{0,80}}(?:\b[A-Z]{{2}}\s+\d{{5}}(?:-\d{{4}})?\b)"
                      r"|\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b")  # US "... CA 94087"; a UK postcode
_SIGNATURE = re.compile(r"^\s*_{5,}")
FURNITURE_WORDS = 20  # longer than this, a sentence says more than an address or a phone number


def is_furniture(sentence: str) -> bool:
    """Whether a sentence is page furniture: a contact line, a postal address or a signature rule,
    with little else in it."""
    if _SIGNATURE.match(sentence):
        return True
    if len(sentence.split()) > FURNITURE_WORDS:
        return False
    return bool(_CONTACT.search(sentence) or _ADDRESS.search(sentence))


def without_addresses(text: str) -> str:
    """``text`` with its postal addresses taken out: "40 N. Harbour Dr Quayton, IL 60100" names a
    street and a town, not a doctor or anyone else."""
    return _ADDRESS.sub(" ", text)


def is_agenda_stamp(text: str) -> str | None:
    """The item number of an "Agenda Item N" stamp line, else None."""
    match = _AGENDA_STAMP.match(text)
    return match.group(1) if match else None
