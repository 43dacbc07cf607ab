"""Who is to act, from a column in the right-hand margin of minutes, read beside its line.

Minutes often give each task's owner in a narrow column at the right of the page ("DF", "SA/
Agenda", "DF & SA") level with the line of the minute it belongs to. Content order reads that column
apart from the text, as a run of short lines elsewhere on the page, which breaks the sentences it
falls between and loses whose task each is. From the positions of the page's text, the column's
entries are taken out of the flow and each is written after the sentence it stands beside, as
"Action: DF", where the task reader finds it.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from .chunk import opens_list_item

log = logging.getLogger(__name__)

# An owner as an action column gives one: initials or a capitalised word, perhaps with "/" or "&"
# to join the next ("SA/", "DF &", "Agenda", "Clerk").
# Initials: two to four capitals, perhaps ending in a lower-case letter that tells two members apart ("PW"
# and "PWh"; never a plural's "s"), or single letters joined by a slash ("S/C", a sub-committee).
MAC_INITIALS = r"[A-Z]{1,2}Ma?c[A-Z]"  # a Mc or Mac name's: "DMcK"
INITIALS = rf"(?:[A-Z]{{2,4}}[a-rt-z]?|[A-Z](?:/[A-Z])+|{MAC_INITIALS})"
# Who is to act on the minute above, on a line of its own with no colon: "Action RM, HL, CA", "ACTION ALL", "Action
# EP". Only initials (of two or three letters) follow, so an "Action Plan", "ACTION ITEMS" or "ACTION LOG" heading is none.
ACTION_WORD = r"(?-i:Actions?|ACTIONS?)"  # the label's word as minutes write it without a colon: "Action GP to write ..."
_BARE_OWNER = rf"(?:[A-Z]{{2,3}}[a-rt-z]?|{MAC_INITIALS}|All|ALL)"
BARE_OWNER_LABEL = rf"{ACTION_WORD}\s+(?!LOG\b)(?P<owners>{_BARE_OWNER}(?:\s*(?:[/&,]|\band\b)\s*{_BARE_OWNER})*)\s*\.?$"
OWNER_LINE = re.compile(rf"^{BARE_OWNER_LABEL}")
_OWNER = re.compile(rf"^(?:{INITIALS}|[A-Z][a-z]+)(?:\s*[/&,]\s*(?:{INITIALS}|[A-Z][a-z]+)?)*\s*[/&,]?$")
_INITIALS = re.compile(rf"\b{INITIALS}\b")
_HEADING = re.compile(r"^(?:actions?(?:\s+by)?|owner|lead|who|by)$", re.IGNORECASE)  # the column's own title, above its owners
MARGIN = 0.75  # of the page's width: a column starting right of this is in the margin
SAME_X = 4.0  # points: a column's entries start level with each other
RIGHT_ALIGNED = 4.0  # font sizes: how much further left a flush-right column's longest entry may start
MIN_ENTRIES = 2  # entries that make a column, not a stray word
WRAP = 1.8  # font sizes: an entry's next piece stands within this below it
OVERLAP = 0.4  # of the lower height: an entry and a line overlapping this much stand side by side
LINE = 0.4  # font sizes: pieces of text whose baselines differ by less are on one line
GAP = 1.0  # of its height: else the line above it, within this, is the minute it closes
FOLLOWING_LINES = 5  # lines a minute may run on after the line its owner stands beside


@dataclass
class Segment:
    text: str
    x: float
    y: float
    size: float


class Collector:
    """A pypdf ``visitor_text`` that keeps each piece of text with where it starts on the page."""

    def __init__(self) -> None:
        self.segments: list[Segment] = []

    def __call__(self, text, cm, tm, font_dict, font_size) -> None:
        if not text.strip():
            return
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        scale = abs(cm[3] * tm[3]) or 1.0
        self.segments.append(Segment(text, x, y, (font_size or 10.0) * scale))


def _column(segments: list[Segment], width: float) -> list[Segment]:
    """The entries of the page's margin column, top to bottom; none when there is no column: owners
    starting level with each other in the margin, with nothing else (but page numbers) that far right."""
    right = [s for s in segments if s.x >= MARGIN * width and not s.text.strip().isdigit()]
    owners = [s for s in right if _OWNER.match(s.text.strip())]
    if not owners:
        return []
    # the column: the x most owners start at (a line's last word may look like one, "Mr")
    start = max(owners, key=lambda s: (sum(abs(o.x - s.x) <= SAME_X for o in owners), -s.x)).x
    start = min(o.x for o in owners if abs(o.x - start) <= SAME_X)
    others = [s for s in right if not _OWNER.match(s.text.strip())]
    if any(s.x >= start - SAME_X for s in others):
        return []  # a line's text runs on into the margin: no column of its own
    # a column set flush right starts its joined entries further left ("KC/GD/IK" over "GD"): those
    # within a few characters' width belong to it while no other text stands as far right (a line's
    # last word, "... outstanding. HL", is a single name)
    joined = [o for o in owners if start - RIGHT_ALIGNED * o.size <= o.x < start - SAME_X and re.search(r"\w\s*[/&,]\s*\w", o.text)
              and not any(s.x >= o.x - SAME_X for s in others)]
    column = [s for s in owners if s.x >= start - SAME_X] + joined
    column = sorted(column, key=lambda s: -s.y)
    if column and _HEADING.match(column[0].text.strip()):
        column = column[1:]
    if len(column) < MIN_ENTRIES or 2 * sum(bool(_INITIALS.search(s.text)) for s in column) < len(column):
        return []  # a table's last column of words ("High", "Open"), not of people
    return column


@dataclass
class Entry:
    """One owner of the column and the height it spans on the page."""
    owner: str
    low: float
    high: float


def _entries(column: list[Segment]) -> list[Entry]:
    """Each entry of the column, top to bottom; an entry wraps onto the next line ("SA/" over "Agenda")."""
    entries: list[Entry] = []
    for segment in column:
        text = segment.text.strip()
        last = entries[-1] if entries else None
        if last and last.owner[-1] in "/&," and last.low - segment.y <= WRAP * segment.size:
            last.owner, last.low = f"{last.owner} {text}", segment.y
        else:
            entries.append(Entry(text, segment.y, segment.y + segment.size))
    return entries


def _lines(body: list[Segment]) -> dict[float, list[Segment]]:
    """The page's text by line: each baseline with the pieces on it (an item letter set a little low
    is on the line it numbers)."""
    lines: dict[float, list[Segment]] = {}
    for segment in body:
        key = next((y for y in lines if abs(y - segment.y) <= LINE * segment.size), segment.y)
        lines.setdefault(key, []).append(segment)
    return lines


def _beside(lines: dict[float, list[Segment]], low: float, high: float) -> list[Segment]:
    """The line an entry spanning ``low``-``high`` stands beside: the one its height overlaps most, or,
    set in the gap after a minute, the line above it."""
    def height(y: float) -> float:
        return max(s.size for s in lines[y])

    def overlap(y: float) -> float:
        return min(high, y + height(y)) - max(low, y)

    best = max(lines, key=overlap, default=None)
    if best is not None and overlap(best) >= OVERLAP * min(high - low, height(best)):
        return sorted(lines[best], key=lambda s: s.x)
    above = [y for y in lines if low < y <= high + GAP * (high - low)]
    return sorted(lines[min(above)], key=lambda s: s.x) if above else []


def _without(lines: list[str], pieces: list[str]) -> list[str]:
    """``lines`` without the column's pieces: read as lines of their own (a table's column comes
    after the text), or each at the end of the line it stands beside."""
    kept = []
    for line in lines:
        if line.strip() in pieces:
            pieces.remove(line.strip())
        else:
            kept.append(line)
    for piece in pieces:
        ending = re.compile(rf"\s+{re.escape(piece)}\s*$")
        at = next((n for n, line in enumerate(kept) if ending.search(line)), None)
        if at is not None:
            kept[at] = ending.sub("", kept[at])
    return kept


def _minute_end(lines: list[str], at: int) -> int:
    """The last line of the sentence that line ``at`` is in: a minute's owner stands beside any of its lines."""
    end = at
    while (end < min(at + FOLLOWING_LINES, len(lines) - 1) and not re.search(r"[.!?:;]\s*$", lines[end])
           and lines[end + 1].strip() and not opens_list_item(lines[end + 1])):  # a bullet or "(b)" opens another point
        end += 1
    return end


def with_owners(text: str, segments: list[Segment], width: float) -> str:
    """``text`` (the page read in content order) with its margin column's entries written after the
    sentences they stand beside; unchanged when the page has no such column or an entry's line is
    not found."""
    try:
        return _with_owners(text, segments, width)
    except Exception:  # noqa: BLE001 - reading a column may cost its owners, never the page
        log.exception("margin column not read")
        return text


def _with_owners(text: str, segments: list[Segment], width: float) -> str:
    column = _column(segments, width)
    if not column:
        return text
    in_column = {id(segment) for segment in column}
    lines_by_y = _lines([s for s in segments if id(s) not in in_column])
    lines = _without(text.split("\n"), [segment.text.strip() for segment in column])
    after: dict[int, list[str]] = {}
    searched_from = 0
    for entry in _entries(column):
        beside = _beside(lines_by_y, entry.low, entry.high)
        longest = max((s.text.strip() for s in beside), key=len, default="")
        if len(longest) < 3:
            continue
        at = next((n for n in range(searched_from, len(lines)) if longest in lines[n]), None)
        if at is None:
            continue
        searched_from = at
        after.setdefault(_minute_end(lines, at), []).append(f"Action: {entry.owner}")
    # each entry a paragraph of its own: the minute after it is another's
    return "\n".join(part for n, line in enumerate(lines) for part in [line, *(piece for label in after.get(n, []) for piece in (label, ""))])
