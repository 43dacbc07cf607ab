"""The corpus's own words: document frequencies, acronym definitions, and the query repairs they allow
(misspelt words corrected to the nearest word the papers use; acronyms expanded from their definitions)."""

from __future__ import annotations

import re
import sqlite3
import threading
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

import Stemmer
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from minutebook.ingest.english import word_ranks

_WORD = re.compile(r"[a-z][a-z'’-]*[a-z]|[a-z]", re.IGNORECASE)
# "Pharmaceutical Needs Assessment (PNA)": capitalised words followed by their initials in brackets.
_DEFINITION = re.compile(r"((?:[A-Z][\w&'’-]*\s+(?:(?:and|of|for|the|&|in|on)\s+)?){1,8})\(([A-Z][A-Za-z&]{1,9})\)")
# A slip of the keys is a letter left out, added, changed or two swapped (OSA edits): one in a word of
# up to SHORT_WORD letters, two in a longer one.
SHORT_WORD = 7
MIN_TYPO_LENGTH = 5  # shorter words are too often real words the papers happen not to use
# A word of three or four letters that is neither in the papers nor a common English word, typed in
# lower case, is a slip of the keys only when one edit makes a common English word the papers use
# ("bord" -> "board", "wich" -> "which", "tme" -> "time"); typed with a capital inside the question or
# in capitals it is a name or initials ("Dorr", "SOMB"), which an edit would turn into another word.
MIN_SHORT_TYPO = 3
COMMON_WORDS = 60000  # a word among the commonest in English is meant, even when the papers never use it
_INFLECTIONS = ("ing", "ings")  # "-ed" and "-s" forms are left to correction: "embeded" is a typo

SCHEMA = """
CREATE TABLE lexicon (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE acronyms (acronym TEXT NOT NULL, expansion TEXT NOT NULL, df INTEGER NOT NULL);
"""


_PER_THREAD = threading.local()  # a PyStemmer Stemmer is not thread-safe; the server answers in a pool


@lru_cache(maxsize=500_000)
def stem(word: str) -> str:
    """A word's Porter stem (the algorithm of FTS5's porter tokenizer), so "helping" meets "help" and
    "recommendations" meets "recommended": one stemmer for BM25 and for chat's word matching."""
    stemmer = getattr(_PER_THREAD, "stemmer", None)
    if stemmer is None:
        stemmer = _PER_THREAD.stemmer = Stemmer.Stemmer("porter")
    return stemmer.stemWord(word.lower())


def words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def _acronym_matches(expansion: str, acronym: str) -> bool:
    initials = "".join(w[0] for w in expansion.split() if w[0].isupper() or w[0] == "&")
    letters = "".join(ch for ch in acronym if ch.isupper() or ch == "&")
    return len(letters) >= 2 and initials.upper() == letters.upper()


def build_lexicon(conn: sqlite3.Connection) -> None:
    """Count each word's passages and collect acronym definitions, streaming over the chunks."""
    conn.executescript(SCHEMA)
    df: Counter[str] = Counter()
    acronyms: Counter[tuple[str, str]] = Counter()
    for (text,) in conn.execute("SELECT text FROM chunks"):
        df.update(set(words(text)))
        for match in _DEFINITION.finditer(text):
            acronym = match.group(2)
            expansion = " ".join(match.group(1).split())
            # Keep only the words the initials cover: "the Board's Pharmaceutical Needs Assessment".
            parts = expansion.split()
            for start in range(len(parts)):
                candidate = " ".join(parts[start:])
                if _acronym_matches(candidate, acronym) and candidate[0].isupper():
                    acronyms[(acronym, candidate)] += 1
                    break
    conn.executemany("INSERT INTO lexicon (term, df) VALUES (?, ?)", df.items())
    conn.executemany(
        "INSERT INTO acronyms (acronym, expansion, df) VALUES (?, ?, ?)",
        [(a, e, n) for (a, e), n in acronyms.items()],
    )


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """The English words common enough to be meant as typed (the COMMON_WORDS commonest), read once."""
    return frozenset(word for word, rank in word_ranks().items() if rank < COMMON_WORDS)


@dataclass
class Lexicon:
    """The lexicon of an opened index, held in memory for query repair."""

    df: dict[str, int]
    acronyms: dict[str, str]  # lower-case acronym -> its most used expansion
    passages: int
    _by_length: dict[int, list[str]] = field(default_factory=dict)

    @classmethod
    def load(cls, conn: sqlite3.Connection) -> "Lexicon":
        try:
            df = dict(conn.execute("SELECT term, df FROM lexicon"))
            rows = conn.execute("SELECT acronym, expansion, df FROM acronyms ORDER BY df DESC").fetchall()
        except sqlite3.OperationalError:  # an index built before the lexicon existed
            df, rows = {}, []
        acronyms: dict[str, str] = {}
        for acronym, expansion, _ in rows:
            acronyms.setdefault(acronym.lower(), expansion)
        passages = conn.execute("SELECT count(*) FROM chunks").fetchone()[0]
        return cls(df, acronyms, passages)

    def __post_init__(self) -> None:
        for term in self.df:  # candidates for a misspelt word are looked up by length
            self._by_length.setdefault(len(term), []).append(term)

    def known(self, term: str) -> bool:
        return term in self.df

    def correct(self, term: str, named: bool = False) -> str | None:
        """The corpus word a misspelt ``term`` most likely meant, or None. ``named``: the question
        writes it as a name or initials (see MIN_SHORT_TYPO)."""
        short = len(term) < MIN_TYPO_LENGTH
        if (self.known(term) or len(term) < MIN_SHORT_TYPO or (short and named) or not term.isalpha()
                or self._inflects_known(term) or term in common_words()):
            return None
        # A word the papers extend ("dentist" -> "dentistry") is another word, not a slip of the keys.
        common = common_words()
        pool = [w for n in range(len(term) - 2, len(term) + 3) for w in self._by_length.get(n, ())
                if not (len(w) > len(term) + 1 and w.startswith(term)) and (not short or w in common)]
        edits = 1 if len(term) <= SHORT_WORD else 2
        found = process.extract(term, pool, scorer=OSA.distance, score_cutoff=edits, limit=None)
        if not found:
            return None
        # The fewest edits first; among as few, the nearest in letters kept ("bider": bidder, not wider),
        # then the word the papers use most.
        return min(found, key=lambda c: (c[1], -fuzz.ratio(term, c[0]), -self.df.get(c[0], 0)))[0]

    def _inflects_known(self, term: str) -> bool:
        """"checking" when the papers say "check": a real word in a form the papers do not use, not
        a misspelling (correcting it to "check-in" would change the question)."""
        for ending in _INFLECTIONS:
            base = term[: -len(ending)] if term.endswith(ending) else ""
            doubled = base[-1:] == base[-2:-1] and self.known(base[:-1])  # "planning" -> "plan"
            if len(base) >= 3 and (self.known(base) or self.known(base + "e") or doubled):
                return True
        return False

    def repair(self, query: str) -> tuple[str, dict[str, str], dict[str, str]]:
        """(query with corrections and expansions, corrections made, acronyms expanded)."""
        corrections: dict[str, str] = {}
        expansions: dict[str, str] = {}
        # how each word is typed: the question's first word is capitalised as any sentence's is
        typed: dict[str, set[str]] = {}
        for n, match in enumerate(_WORD.finditer(query)):
            typed.setdefault(words(match.group())[0], set()).add(match.group() if n else match.group().lower())
        for word, forms in typed.items():
            if word in self.acronyms and word.upper() in query:
                expansions[word.upper()] = self.acronyms[word]
            elif (fixed := self.correct(word, named=not any(form.islower() for form in forms))) is not None:
                corrections[word] = fixed
        repaired = query
        for wrong, right in corrections.items():  # a capitalised name stays one: "Portsmuoth" -> "Portsmouth"
            repaired = re.sub(rf"\b{re.escape(wrong)}\b", lambda m: right.capitalize() if m.group(0)[0].isupper() else right,
                              repaired, flags=re.IGNORECASE)
        if expansions:
            repaired += " " + " ".join(f"{e}" for e in expansions.values())
        return repaired, corrections, expansions

    def idf_weight(self, term: str) -> float:
        """Rarer words say more about what a question is about (smoothed inverse frequency)."""
        import math

        return math.log((self.passages + 1) / (self.df.get(term, 0) + 0.5))
