"""Ligature glyphs a font's character map names wrongly: Word's Calibri writes "ti" as one glyph that
some PDFs map to "Ɵ", and "ff" to "Ư" ("MeeƟng", "eƯect"), so the words cannot be searched.

Which letters a wrong character stands for differs between fonts, so it is not looked up in a table:
each such character (a letter of Unicode's Latin Extended-B, which English and the languages of
Western Europe do not use, standing inside a word) is replaced by the one ligature that turns most of
its words in the file into English words. The ligatures Unicode itself encodes ("ﬁ", "ﬀ") are written
out as their letters.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from minutebook.vocabulary import Page

from . import english

LIGATURES = ("ti", "tt", "tti", "ft", "tf", "ff", "fi", "fl", "ffi", "ffl", "fb", "fh", "fj", "fk", "th", "st", "ct")
MIN_SHARE = 0.6  # of its words the chosen ligature must turn into English words
# A Latin Extended-B letter next to a letter of a word ("MeeƟng", "eƯect", "geƫng", "Ɵme").
_SUSPECT = re.compile(r"(?<=[A-Za-z])[\u0180-\u024f]|[\u0180-\u024f](?=[A-Za-z])")
_WORD_AROUND = r"[A-Za-z]*{}[A-Za-z]*"
# Unicode's own ligatures ("ﬁ" U+FB01 ... "ﬆ" U+FB06) as their letters (their compatibility decomposition).
_PRESENTATION_FORMS = str.maketrans({chr(c): unicodedata.normalize("NFKC", chr(c)) for c in range(0xFB00, 0xFB07)})


def repair(pages: list[Page]) -> list[Page]:
    """The pages with each wrongly mapped ligature character replaced, when the file's own words show
    which letters it stands for; unchanged otherwise."""
    pages = [replace(page, text=page.text.translate(_PRESENTATION_FORMS)) for page in pages]
    text = "\n".join(page.text for page in pages)
    suspects = set(_SUSPECT.findall(text))
    if not suspects:
        return pages
    words = english.word_ranks()
    chosen: dict[str, str] = {}
    for char in suspects:
        found = [w for w in re.findall(_WORD_AROUND.format(re.escape(char)), text) if w != char]
        scores = {ligature: sum(w.replace(char, ligature).lower() in words for w in found) for ligature in LIGATURES}
        best, runner_up = sorted(scores.values(), reverse=True)[:2]
        if best >= MIN_SHARE * len(found) and best > runner_up:  # one reading clearly best
            chosen[char] = max(scores, key=scores.get)
    if not chosen:
        return pages
    table = str.maketrans(chosen)
    return [replace(page, text=page.text.translate(table)) if any(c in page.text for c in chosen) else page for page in pages]
