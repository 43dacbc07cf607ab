"""The English word list a text layer's words are checked against (ligatures a font maps wrongly,
words broken by a space): the one wordninja ships beside its module (a declared dependency), lower
case, commonest first."""

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
