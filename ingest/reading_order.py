"""A page's lines in the order they stand on it, when its content order is not that order.

pypdf gives text in the order the PDF draws it. Most generators draw a page top to bottom (a
column or a table's cell at a time), but some draw a line's pieces at different times: a minute's
item at the left margin first, its "Moved by ... Motion Carried 7-0." later, after the lines below
it. Read in drawing order, each motion lands beside another item. When the drawing keeps going back
up the page, the page is read again from the positions of its pieces: lines top to bottom, each
line's pieces left to right. A table (most pieces inside the page start level with others, in
columns) is left as drawn, a cell at a time, as is a page drawn a column at a time, which goes back
up once per column.
"""

from __future__ import annotations

from collections import Counter

from .margins import LINE, Segment

MIN_RETURNS = 4  # times the drawing goes back up the page before its order is not the reading order
RETURN_SHARE = 0.1  # ... and as a share of its pieces
MIN_PIECE = 25  # characters, the median piece: runs of a line's words (a letter at a time says too little where words part)
COLUMN_SHARE = 0.5  # of the pieces starting inside the page, starting level with another: a table
SAME_PLACE = 5.0  # points: pieces starting this close along the line start at the same column


def _same_line(a: Segment, b: Segment) -> bool:
    return abs(a.y - b.y) <= LINE * max(a.size, b.size)


def _moves(segments: list[Segment]) -> list[tuple[Segment, float]]:
    """Each piece the drawing moves to another line for, with the move across lines (+ or -)."""
    return [(after, after.y - before.y) for before, after in zip(segments, segments[1:]) if not _same_line(before, after)]


def _down(moves: list[tuple[Segment, float]]) -> int:
    """-1 when the page's y runs upward (PDF's own axis: drawing down the page lowers y), +1 when a
    generator turned the axis over; judged by which way most moves go."""
    return -1 if sum(1 for _, move in moves if move < 0) >= len(moves) / 2 else 1


def _scrambled(segments: list[Segment], moves: list[tuple[Segment, float]], down: int) -> bool:
    """Whether a page's pieces are drawn out of reading order: the drawing goes back up the page often."""
    returns = sum(1 for _, move in moves if move * down < 0)
    lengths = sorted(len(segment.text.strip()) for segment in segments)
    return returns >= MIN_RETURNS and returns >= RETURN_SHARE * len(segments) and lengths[len(lengths) // 2] >= MIN_PIECE


def _lines(segments: list[Segment], down: int) -> list[list[Segment]]:
    """The pieces grouped into lines, top to bottom, each line's pieces left to right."""
    lines: list[list[Segment]] = []
    for segment in sorted(segments, key=lambda s: s.y * down):
        if lines and _same_line(lines[-1][0], segment):
            lines[-1].append(segment)
        else:
            lines.append([segment])
    return [sorted(line, key=lambda s: s.x) for line in lines]


def _in_columns(segments: list[Segment]) -> bool:
    """Whether most pieces starting inside the page (right of its left margin) start level with another:
    a table's columns, whose cells are best read a cell at a time, as drawn."""
    left = min(segment.x for segment in segments)
    inner = Counter(round(segment.x / SAME_PLACE) for segment in segments if segment.x > left + segment.size)
    total = sum(inner.values())
    return total > 0 and sum(n for n in inner.values() if n > 1) > COLUMN_SHARE * total


def in_reading_order(text: str, segments: list[Segment]) -> str:
    """The page's text with its lines as they stand on the page, or ``text`` as drawn when that is
    the reading order already, when the page is a table, or when a piece spans lines (each piece a run
    of one line's words, its position says where each word stands)."""
    if len(segments) < 2 or any("\n" in segment.text.strip() for segment in segments):
        return text
    moves = _moves(segments)
    down = _down(moves)
    if not _scrambled(segments, moves, down) or _in_columns(segments):
        return text
    return "\n".join(" ".join(" ".join(s.text.split()) for s in line) for line in _lines(segments, down))
