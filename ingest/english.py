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
