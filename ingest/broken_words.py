"""Words a text layer breaks with a space: "Agreem ent", "pandem ic", "St andards".

A PDF places a word's glyphs itself; where a font's spacing or a justified line leaves a gap inside a
word, pypdf reads a space there, and neither piece can then be searched. Two pieces are joined when
together they make a word and one of them is no word on its own. A word is one of the English list
wordninja ships (by frequency; its rarest entries are run-together junk and are left out) or one the
file itself uses on its own elsewhere, so "the rapist" stays two words; the joined word must be
an English word of that list (not merely one the file holds: a
page whose words run together holds "litigationpursuant"). Only a piece starting in lower case
continues a word ("Mr Smith" stays two).
"""

from __future__ import annotations

import gzip
import re
from collections import Counter
from dataclasses import replace
from functools import cache
from pathlib import Path

from minutebook.vocabulary import Page

KNOWN_WORDS = 100_000  # the words of the list counted as English (its tail holds run-together junk)
_PAIR = re.compile(r"\b([A-Za-z]{2,}) ([a-z]{2,})\b")
_WORD = re.compile(r"[A-Za-z]+")


@cache
def _ranks() -> dict[str, int]:
    """Each word of wordninja's English list (a declared dependency) with its place by frequency."""
    import wordninja

    path = Path(wordninja.__file__).parent / "wordninja" / "wordninja_words.txt.gz"
    return {word: rank for rank, word in enumerate(gzip.decompress(path.read_bytes()).decode().split())}


def repair(pages: list[Page]) -> list[Page]:
    """The pages with words broken by a space joined again; unchanged where none is found."""
    text = "\n".join(page.text for page in pages)
    if not _PAIR.search(text):
        return pages
    ranks = _ranks()
    used = Counter(word.lower() for word in _WORD.findall(text))

    def is_word(piece: str) -> bool:
        # Used twice: the pair itself counts once for each of its pieces.
        return ranks.get(piece.lower(), KNOWN_WORDS) < KNOWN_WORDS or used[piece.lower()] > 1

    def join(match: re.Match) -> str:
        first, second = match.groups()
        joined = (first + second).lower()
        if is_word(first) and is_word(second):
            return match.group()
        if ranks.get(joined, KNOWN_WORDS) < KNOWN_WORDS:
            return first + second
        return match.group()

    return [replace(page, text=_PAIR.sub(join, page.text)) for page in pages]
