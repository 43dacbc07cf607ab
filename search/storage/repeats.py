"""Recognise the same paper republished (a report in two packs, minutes as a file and in a pack).

A repeat is searched once: its passages are not indexed again, and every appearance is listed
with the first one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from minutebook.vocabulary import Document

WINDOW_CHARS = 2000  # each of three windows (start, middle, end): bounded so comparison stays cheap
MIN_CHARS = 400  # short papers (cover letters, front sheets) repeat boilerplate without being the same
SIMILARITY = 90.0  # rapidfuzz ratio (0-100) every window must reach
LENGTH_TOLERANCE = 0.15


def normalise(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


@dataclass
class _Seen:
    id: str
    type: str
    length: int
    windows: tuple[str, str, str]


def _windows(normal: str) -> tuple[str, str, str]:
    """Start, middle and end: two papers sharing a boilerplate opening still differ later on."""
    middle = max(0, len(normal) // 2 - WINDOW_CHARS // 2)
    return normal[:WINDOW_CHARS], normal[middle:middle + WINDOW_CHARS], normal[-WINDOW_CHARS:]


class RepeatFinder:
    """Remembers papers seen in this build; says which earlier paper a new one repeats."""

    def __init__(self) -> None:
        self._seen: list[_Seen] = []

    def original_of(self, document: Document, text: str) -> str | None:
        normal = normalise(text)
        if len(normal) < MIN_CHARS:
            return None
        windows = _windows(normal)
        for seen in self._seen:
            if seen.type != document.type or abs(seen.length - len(normal)) > LENGTH_TOLERANCE * seen.length:
                continue
            if all(fuzz.ratio(a, b, score_cutoff=SIMILARITY) for a, b in zip(seen.windows, windows)):
                return seen.id
        self._seen.append(_Seen(document.id, document.type, len(normal), windows))
        return None
