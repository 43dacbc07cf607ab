"""Ruled tables on a PDF page written as rows of tab-separated cells, where the text layer runs them together.

A PDF's text layer gives a table a line at a time across its cells: a cell that wraps interleaves
its lines with its neighbours', so a row's task, owner and outcome come out as several lines of
mixed words and no reader can tell which cell said what. A table drawn with ruling lines says
where each cell is; pdfplumber finds the cells from those lines. When the table is one of records
(a header naming its columns, two or more columns of text), the lines of the page's text that hold
its letters are replaced by its rows, one line each, cells parted by tabs, as tables.py reads them.
A table that goes on over a page break without its header row repeated is given the header of the
table it continues. A table whose letters the text layer does not hold together, or a grid that is
a page's layout (item, minute, owner), leaves the page's text as it was.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

MIN_COLUMNS = 3  # cells of a row holding text: fewer is a box drawn round a paragraph or a label and its value
MIN_ROWS = 2  # rows holding text: one is a header whose table the page break carried over
LABEL_WORDS = 5  # words of a column's name ("Amount requested", "Officer recommendation")
PHRASE_WORDS = 2  # a cell of more words is text, not a number, a name or a code
COVERED = 0.8  # of the table's letters the replaced lines must hold, else the text layer placed them elsewhere
SAME_EDGE = 3.0  # points: column edges this close are the same column on the next page
SPACE = 0.15  # of the font's size: a gap this wide between letters parts two words (pdfplumber's fixed 3 points joins some)
FURNITURE = 0.1  # of the page's height: running heads and footers stand in its top and bottom tenth
_NOT_LETTER = re.compile(r"[\W_]+")


@dataclass
class Table:
    rows: list[list[str]]  # cells, their wrapped lines joined
    edges: list[float]  # the x of each column's left edge, and the right edge of the last
    top: bool  # nothing of the page's text but its running head stands above it
    bottom: bool  # nothing but its footer stands below it
    header: list[str] | None = None  # the row naming its columns: its own first row, or carried over
    carried: bool = False  # the header is the table's it goes on from, over a page break


def _cell(text: str | None) -> str:
    """A cell's wrapped lines as one line ("in-\\nkind" joined as a word)."""
    text = re.sub(r"(?<=\w)-\n(?=[a-z])", "-", text or "")
    return " ".join(text.split())


def read_tables(path: Path) -> dict[int, list[Table]]:
    """The ruled tables of each page (by page number) with a row of at least MIN_COLUMNS cells holding
    text; none when pdfplumber cannot read the file."""
    import pdfplumber

    found: dict[int, list[Table]] = {}
    try:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                if tables := _page_tables(page):
                    found[page.page_number] = tables
                page.close()  # its parsed objects, which a long paper would otherwise keep for every page
    except Exception as exc:  # noqa: BLE001 - a file pdfplumber cannot parse keeps its text as read
        log.warning("%s: tables not read: %s", path, exc)
        return {}
    for number, tables in found.items():
        before = found.get(number - 1, [None])[-1]
        for index, table in enumerate(tables):
            if index == 0 and _continues(table, before):
                table.header, table.carried = before.header, True
            elif _names_columns(table.rows[0]):
                table.header = table.rows[0]
    return found


def _page_tables(page) -> list[Table]:
    tables = []
    words = None
    for table in page.find_tables():
        rows = [row for row in _filled_down(table.extract(x_tolerance_ratio=SPACE)) if any(row)]
        if not rows or max(sum(1 for cell in row if cell) for row in rows) < MIN_COLUMNS:
            continue
        if words is None:  # the page's text outside its head and foot, read once a table is found
            body = (FURNITURE * page.height, (1 - FURNITURE) * page.height)
            words = [w for w in page.extract_words() if body[0] <= w["top"] and w["bottom"] <= body[1]]
        x0, top, x1, bottom = table.bbox
        edges = sorted({round(cell[0], 1) for cell in table.cells}) + [round(x1, 1)]
        outside = [w for w in words if not (x0 <= (w["x0"] + w["x1"]) / 2 <= x1 and top <= (w["top"] + w["bottom"]) / 2 <= bottom)]
        tables.append(Table(rows, edges, top=not any(w["bottom"] <= top for w in outside), bottom=not any(w["top"] >= bottom for w in outside)))
    return tables


def _filled_down(raw: list[list[str | None]]) -> list[list[str]]:
    """The rows' cells as text, a cell spanning rows given to each row it spans. The empty cells (or
    None, a cell another covers) at the start of a row of a ruled table are covered from above (a
    risk's number and topic over its several risks): each such row is a record of that key, as a
    reader takes it, not text running on from the row above (a ruled table's cells hold their own
    wrapped lines). Only a record's cells are given down, not a header's or a group heading's."""
    rows: list[list[str]] = []
    above: list[str] | None = None
    for index, row in enumerate(raw):
        cells = [_cell(cell) for cell in row]
        lead = next((n for n, cell in enumerate(cells) if cell), len(cells))
        if above is not None and sum(1 for cell in cells if cell) >= 2:
            cells[:lead] = above[:lead]
        if sum(1 for cell in cells if cell) >= 2 and not (index == 0 and _names_columns(cells)):
            above = cells
        rows.append(cells)
    return rows


def _names_columns(row: list[str]) -> bool:
    """Whether a row names its table's columns: at least MIN_COLUMNS cells, each a label of a few
    words. A table whose first row does not is a page's layout (minutes set as item, minute and
    action), read down its cells as drawn; tables.py names each cell by its column's header."""
    labels = [cell for cell in row if cell]
    return len(labels) >= MIN_COLUMNS and all(len(cell.split()) <= LABEL_WORDS for cell in labels)


def _of_records(rows: list[list[str]]) -> bool:
    """Whether the table's rows are records: two or more of its columns hold text (a median cell of
    more than PHRASE_WORDS words). A grid with a single such column beside numbers and names is a page
    set out in cells (item, minute, owner), whose text reads down the cells as drawn."""
    texts = 0
    for column in zip(*rows):
        sizes = sorted(len(cell.split()) for cell in column if cell)
        texts += bool(sizes) and sizes[len(sizes) // 2] > PHRASE_WORDS
    return texts >= 2


def _continues(table: Table, before: Table | None) -> bool:
    """Whether ``table`` goes on from ``before``, the table ending the page before, without its header
    repeated: it opens its page, ``before`` closes its own, and their columns stand at the same places."""
    return (before is not None and before.header is not None and table.top and before.bottom
            and len(table.edges) == len(before.edges) and all(abs(a - b) <= SAME_EDGE for a, b in zip(table.edges, before.edges))
            and table.rows[0] != before.header)


def with_tables(text: str, tables: list[Table]) -> str:
    """``text`` with the run of lines holding each table of records' words replaced by its rows."""
    lines = text.split("\n")
    for table in tables:
        data = table.rows[not table.carried:]
        if table.header is None or len(data) + 1 < MIN_ROWS or not _of_records(data):
            continue  # a page's layout, or a header a page break parted from its table (the next page's)
        span = _span(lines, table)
        if span is not None:
            lines[span[0]:span[1]] = _written(table.header, data)
    return "\n".join(lines)


def _written(header: list[str], rows: list[list[str]]) -> list[str]:
    """The table's lines: its header, then a row a line, cells parted by tabs. A row of one cell is a
    heading of the rows after it ("1. Finances"), which opens a section of the paper's: it is written
    as a line of text, and the header again after it, so the rows under it stay named by their columns."""
    out = [] if sum(1 for cell in rows[0] if cell) == 1 else ["\t".join(header)]
    for index, row in enumerate(rows):
        filled = [cell for cell in row if cell]
        if len(filled) == 1 and index + 1 < len(rows):
            out += [filled[0], "\t".join(header)]
        else:
            out.append("\t".join(row))
    return out


def _span(lines: list[str], table: Table) -> tuple[int, int] | None:
    """The run of lines (blank ones allowed inside) holding none but the table's letters and digits,
    and the most of them, when that is COVERED of them. Letters, not words: two readers of one PDF
    part its words differently ("Performmonthly"). Every start is tried, as a heading above the table
    may hold some of its letters and end a run begun there; the run then starts at a line sharing a
    word with the table's first row and ends at one sharing a word with its last, so no line of the
    text beside it is taken. Lines already written as table rows are never taken."""
    chars = Counter(_letters(" ".join(" ".join(row) for row in table.rows)))
    first, last = _letters(" ".join(table.rows[0])), _letters(" ".join(table.rows[-1]))
    best = (0, 0, 0)
    for start in range(len(lines)):
        held, end = Counter(), start
        for index in range(start, len(lines)):
            line = Counter(_letters(lines[index]))
            if "\t" in lines[index] or line - (chars - held):
                break
            held += line
            end = index + 1
        begin = next((n for n in range(start, end) if _shares(lines[n], first)), end)
        end = next((n + 1 for n in range(end - 1, begin - 1, -1) if _shares(lines[n], last)), begin)
        total = sum(len(_letters(line)) for line in lines[begin:end])
        if total > best[0]:
            best = (total, begin, end)
    return best[1:] if best[0] and best[0] >= COVERED * sum(chars.values()) else None


def _letters(text: str) -> str:
    return _NOT_LETTER.sub("", text.lower())


def _shares(line: str, row: str) -> bool:
    """Whether a line holds a word (of three letters or more) of a row's letters."""
    return any(len(word) >= 3 and word in row for word in map(_letters, line.split()))
