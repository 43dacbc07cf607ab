"""The English word list a text layer's words are checked against (ligatures a font maps wrongly,
words broken by a space): the one wordninja ships beside its module (a declared dependency), lower
case, commonest first; and how English writes numbers: in words, and as a list's letters and roman
numerals."""

from __future__ import annotations

import gzip
from functools import cache
from pathlib import Path


@cache
def word_ranks() -> dict[str, int]:
    """Each word of the list with its place by frequency (0 is the commonest); read once."""
    import wordninja

    path = Path(wordninja.__file__).parent / "wordninja" / "wordninja_words.txt.gz"
    return {word: rank for rank, word in enumerate(gzip.decompress(path.read_bytes()).decode().split())}


_UNITS = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
# A count in words, as papers write small numbers: "five focus groups", "twenty-four months".
NUMBER_WORDS: dict[str, int] = {
    **{word: n for n, word in enumerate(_UNITS, start=1)},
    **{word: 10 * n for n, word in enumerate(_TENS, start=2)},
    **{f"{ten}-{unit}": 10 * n + u for n, ten in enumerate(_TENS, start=2) for u, unit in enumerate(_UNITS[:9], start=1)},
    "a": 1, "an": 1, "dozen": 12, "hundred": 100,
}


def count_words(leave_out: tuple[str, ...] = ()) -> str:
    """NUMBER_WORDS as a regex alternation, longest first ("twenty-four" before "twenty")."""
    return "|".join(sorted((word for word in NUMBER_WORDS if word not in leave_out), key=len, reverse=True))


_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"),
          (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def list_numeral(n: int, style: str) -> str:
    """The ``n``th item's number as a list draws it: ``style`` "a" / "A" a letter (after "z", "aa"),
    "i" / "I" a roman numeral, "01" two digits, else the number."""
    if style in ("a", "A"):
        letters = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letters.upper() if style == "A" else letters
    if style in ("i", "I"):
        roman, rest = "", n
        for value, letters in _ROMAN:
            while rest >= value:
                roman, rest = roman + letters, rest - value
        return roman.upper() if style == "I" else roman
    return f"{n:02d}" if style == "01" else str(n)
