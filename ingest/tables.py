"""Tab-separated tables as one record per row, each cell named by its column.

Extractors lay table cells out with tabs. A progress tracker repeats its header row after every
page break, lets a row's text run on into the next row (the key cell left empty), and puts group
headings in a row of their own. Rows are rebuilt from that, then each becomes
"1.1 | Priority Commitments: ... | Lead agencies: ... | Latest achievements: ..." so a search
hit says which column the words came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .chunk import Line

MIN_CELLS = 3  # two-cell tab lines are label/value headers or contents lines, not tables
MIN_ROWS = 3


@dataclass
class Row:
    key: str
    cells: list[str]
    lines: list[Line] = field(default_factory=list)
    group: str | None = None


def _cells(text: str) -> list[str]:
    return [" ".join(cell.split()) for cell in text.split("\t")]


def is_table_line(text: str) -> bool:
    return text.count("\t") >= MIN_CELLS - 1 and sum(1 for cell in _cells(text) if cell) >= 1


def split_tables(lines: list[Line]) -> list[tuple[str, list[Line]]]:
    """Runs of ("text" | "table", lines). Blank lines inside a table do not end it."""
    segments: list[tuple[str, list[Line]]] = []
    index, count = 0, len(lines)
    while index < count:
        if not is_table_line(lines[index].text):
            start = index
            while index < count and not is_table_line(lines[index].text):
                index += 1
            segments.append(("text", lines[start:index]))
            continue
        start = end = index
        rows = 0
        while index < count and (is_table_line(lines[index].text) or not lines[index].text.strip()):
            if lines[index].text.strip():
                rows += 1
                end = index + 1
            index += 1
        index = end
        kind = "table" if rows >= MIN_ROWS else "text"
        if segments and segments[-1][0] == kind == "text":
            segments[-1] = ("text", segments[-1][1] + lines[start:end])
        else:
            segments.append((kind, lines[start:end]))
    return segments


def table_rows(lines: list[Line]) -> tuple[list[str], list[Row]]:
    """(column names, rows) of one table region."""
    table_lines = [line for line in lines if line.text.strip()]
    if not table_lines:
        return [], []
    header = _cells(table_lines[0].text)
    header_key = [cell.lower() for cell in header]
    width = len(header)
    rows: list[Row] = []
    group: str | None = None
    for line in table_lines[1:]:
        cells = _cells(line.text)
        if [cell.lower() for cell in cells[: len(header_key)]] == header_key:
            continue  # the header repeated after a page break
        cells += [""] * (width - len(cells))
        filled = [i for i, cell in enumerate(cells) if cell]
        if not filled:
            continue
        key = cells[0]
        if not key and len(filled) == 1 and filled[0] < max(1, width - 1) and len(cells[filled[0]]) >= 20 and cells[filled[0]][0].isupper():
            group = cells[filled[0]]  # a row holding only a group heading
            continue
        if not key and rows:
            previous = rows[-1]  # the previous row's text runs on
            previous.cells = [f"{a} {b}".strip() for a, b in zip(previous.cells, cells + [""] * (len(previous.cells) - len(cells)))]
            previous.lines.append(line)
            continue
        rows.append(Row(key, cells, [line], group))
    return header, rows


def row_text(header: list[str], row: Row) -> str:
    """ "key | Column: value | Column: value" with empty cells left out."""
    parts = [(f"{header[0]}: {row.key}" if header and header[0] else row.key)] if row.key else []
    for index, cell in enumerate(row.cells[1:], start=1):
        if not cell:
            continue
        name = header[index] if index < len(header) else ""
        parts.append(f"{name}: {cell}" if name else cell)
    if not row.key and row.cells and row.cells[0]:
        parts.insert(0, row.cells[0])
    return " | ".join(parts)
