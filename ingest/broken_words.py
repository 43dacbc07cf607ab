"""Words a text layer breaks with a space: "Agreem ent", "pandem ic", "St andards", "N otice".

A PDF places a word's glyphs itself; where a font's spacing or a justified line leaves a gap inside a
word, pypdf reads a space there, and neither piece can then be searched. A drop capital is the same
break: the first letter, set larger, is read apart from the rest of its word, on its line or at the
end of the line above. Two pieces are joined when together they make a word and one of them is no
word on its own. A word is one of the English list wordninja ships (by frequency; its rarest entries
are run-together junk and are left out), so "the rapist" stays two words, and the joined word must
be one too (not merely one the file holds: a page whose words run together holds
"litigationpursuant"; nor is a piece a word because the file repeats it, as it repeats a break). Only a piece starting in
lower case, or one in capitals after capitals that end a line, continues a word ("Mr Smith" stays
two).
"""

from __future__ import annotations

import re
from dataclasses import replace

from minutebook.vocabulary import Page

from . import english

KNOWN_WORDS = 100_000  # the words of the list counted as English (its tail holds run-together junk)
# A drop capital, set apart from the rest of its word, is read as a letter of its own: "N otice",
# "A nyone", or on a line of its own or at the end of the line above ("N" / "otice is hereby given",
# "... a public meeting. M" / "EETING INFORMATION").
_PAIR = re.compile(r"\b([A-Za-z]{2,}|[A-Z]) ([a-z]{2,})\b")
_ACROSS_LINES = re.compile(r"(^|[ \t]+)([A-Z]{1,3})[ \t]*\n([A-Z]{2,}|[a-z]{2,})\b", re.MULTILINE)


def repair(pages: list[Page]) -> list[Page]:
    """The pages with words broken by a space joined again; unchanged where none is found."""
    text = "\n".join(page.text for page in pages)
    if not (_PAIR.search(text) or _ACROSS_LINES.search(text)):
        return pages
    ranks = english.word_ranks()

    def is_word(piece: str) -> bool:
        return ranks.get(piece.lower(), KNOWN_WORDS) < KNOWN_WORDS

    def joins(first: str, second: str) -> bool:
        return not (is_word(first) and is_word(second)) and ranks.get((first + second).lower(), KNOWN_WORDS) < KNOWN_WORDS

    def join(match: re.Match) -> str:
        first, second = match.groups()
        return first + second if joins(first, second) else match.group()

    def join_across(match: re.Match) -> str:
        before, first, second = match.groups()
        if not joins(first, second):
            return match.group()
        # A letter alone on its line joins the next; one ending a line of text moves down to its word.
        return f"{first}{second}" if not before else f"\n{first}{second}"

    return [replace(page, text=_ACROSS_LINES.sub(join_across, _PAIR.sub(join, page.text))) for page in pages]
