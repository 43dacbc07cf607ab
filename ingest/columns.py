"""Plain-text tables set out in columns of spaces, rewritten as tab-separated rows.

A text export or a typed plain-text paper lines a table up with runs of spaces ("Item   Responsible
Target date" over "Obtain three bids   Trent Holloway   10/4/2024"). Whitespace is collapsed when
lines are cleaned, so the columns are read here first: a header of short column names followed by rows
whose cells start where the header's columns start (a cell may wrap onto a line of its own under its
column). Everything else passes through unchanged.
"""

from __future__ import annotations

import re

_GAP = re.compile(r"\S+(?: \S+)*")  # a cell: words separated by single spaces
_SET_OUT = re.compile(r"\t|\s\|\s|^\s*\|")  # a line already set out in tabs or bars is read as such
MIN_COLUMNS = 3  # two columns of spaced words are as often a label and its value
MIN_ROWS = 2
MAX_HEADER_WORDS = 3  # a column's name: "Target date", "Responsible officer"
SLACK = 1  # characters a cell may start off its column


def _cells(line: str) -> list[tuple[int, str]]:
    """(start, text) of each run of words set off from the next by two spaces or more."""
    return [(match.start(), match.group(0)) for match in _GAP.finditer(line)]


def _is_header(cells: list[tuple[int, str]]) -> bool:
    return (len(cells) >= MIN_COLUMNS and all(len(text.split()) <= MAX_HEADER_WORDS for _, text in cells)
            and not any(text.endswith((".", ",", ";")) for _, text in cells))


def _column_of(start: int, columns: list[int]) -> int | None:
    return next((n for n, at in enumerate(columns) if abs(start - at) <= SLACK), None)


def _row(line: str, columns: list[int]) -> list[str] | None:
    """The line's cells, one per column (empty where it has none), or None when a cell starts off every column."""
    cells = [""] * len(columns)
    for start, text in _cells(line):
        column = _column_of(start, columns)
        if column is None:
            return None
        cells[column] = text
    return cells


def tabulate(text: str) -> str:
    """``text`` with each table set out in columns of spaces rewritten as tab-separated lines."""
    lines = text.split("\n")
    out: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        header = _cells(line) if not _SET_OUT.search(line) else []
        if not _is_header(header):
            out.append(line)
            index += 1
            continue
        columns = [start for start, _ in header]
        rows: list[list[str]] = []
        end = index + 1
        while end < len(lines) and lines[end].strip() and not _SET_OUT.search(lines[end]):
            cells = _row(lines[end], columns)
            if cells is None:
                break
            if rows and not cells[0]:  # a cell wrapped onto a line of its own, under its column
                rows[-1] = [f"{above} {below}".strip() for above, below in zip(rows[-1], cells)]
            else:
                rows.append(cells)
            end += 1
        if sum(1 for cells in rows if sum(1 for cell in cells if cell) >= 2) < MIN_ROWS:
            out.append(line)
            index += 1
            continue
        out.append("\t".join(text for _, text in header))
        out.extend("\t".join(cells) for cells in rows)
        index = end
    return "\n".join(out)
