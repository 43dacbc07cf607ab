"""The places and bodies a question names, and whether a paper names them too.

"What did Southampton's Health and Wellbeing Board decide?" is not answered from a Portsmouth paper:
a name must be in the passage or its paper, allowing for misspellings ("Wellbeeing"), names spelt
by their sound ("Is This Luv"), an acronym's expansion, and long names shortened.
"""

from __future__ import annotations

import re

import jellyfish
from rapidfuzz import fuzz, process

from minutebook.ingest.dates import month_number
from minutebook.ingest.english import NUMBER_WORDS
from minutebook.search.storage.lexicon import Lexicon, stem as _stem

# Capitalised words that start questions, or name times, not a particular thing.
_NOT_NAMES = frozenset(
    "what when where who whom which how why did does do was were is are has have had can could would will "
    "in on at of for to the a an and or by from with according after before during since this that these "
    "those its it their there then i monday tuesday wednesday thursday friday saturday sunday".split()
)
NAME_TYPO = 80  # rapidfuzz ratio at which a passage word is taken for a misspelt name
# A name spelt by its sound ("Luv", "Kuyahoga") is taken for a word of the paper that sounds the same
# (Metaphone) and is this close in spelling, if that word is distinctive: one in at most DISTINCTIVE
# of the passages ("Hove" must not be taken for "have").
SOUNDS_LIKE, DISTINCTIVE = 55, 0.02  # "luv"/"love" 57; "leaf"/"love" 50 (same Metaphone, another word)
JOINERS = frozenset("and of for & the".split())


def question_names(question: str) -> list[list[str]]:
    """The proper names a question is about, as phrases of lower-cased words.

    "Southampton's Health and Wellbeing Board" gives [["southampton"], ["health", "and",
    "wellbeing", "board"]]. Capitalised words next to each other (joined by "and", "of") make one
    phrase; the first word of the question, and month and question words, are not names.
    """
    phrases: list[list[str]] = []
    current: list[str] = []
    for n, match in enumerate(re.finditer(r"[A-Za-z][\w'’&-]*|\b\d+(?:st|nd|rd|th)\b", question)):
        word = match.group(0)
        if word[0].isdigit():  # "East 9th Street": an ordinal inside a name is one of its words
            if current:
                current.append(word.lower())
            continue
        clean = re.sub(r"['’]s$", "", word)
        is_name = (n > 0 and clean.lower() not in _NOT_NAMES and month_number(clean) is None  # "Oct", "Sept"
                   and (clean[0].isupper() or clean.isupper()))
        if is_name:  # of "Margate-area", "Covid-19", the name is the capitalised part: passages split at hyphens
            current.extend(part.lower() for part in re.split(r"-", clean) if part[:1].isupper())
        elif current and clean.lower() in JOINERS and not word.endswith(("'s", "’s")):
            current.append(clean.lower())
            continue
        if not is_name or word != clean:  # a possessive ends its phrase: "Southampton's Board"
            while current and (current[-1] in JOINERS or current[-1][0].isdigit()):
                current.pop()
            if current:
                phrases.append(current)
            current = []
    while current and (current[-1] in JOINERS or current[-1][0].isdigit()):
        current.pop()
    if current:
        phrases.append(current)
    return phrases


# A run of capitalised words, "of", "and", "for", "the" or "&" between them: "Harbour Safety Organisation".
_NAME_RUN = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:(?:of|and|for|the|&)\s+)*[A-Z][\w'’-]*)+")
ACRONYM_LETTERS = (3, 6)  # shorter initials ("us", "so") would match too much


def initials(text: str) -> frozenset[str]:
    """The acronyms a text's capitalised names make, lower case: "Harbour Safety Organisation" gives
    "hso". A question may use the short form of a name its paper gives only in full."""
    found: set[str] = set()
    low, high = ACRONYM_LETTERS
    for run in _NAME_RUN.finditer(text):
        letters = "".join(w[0] for w in run.group(0).split() if w[0].isupper()).lower()
        found.update(letters[i:j] for i in range(len(letters)) for j in range(i + low, min(i + high, len(letters)) + 1))
    return frozenset(found)


def words_of(text: str) -> frozenset[str]:
    """The distinct lower-case words of a text, and the initials of its names, as names_present reads them."""
    lower = text.lower()  # "AT&T" is a name as a question gives it, and its letters as words
    return frozenset(re.findall(r"\w+", lower)) | frozenset(re.findall(r"\w+(?:&\w+)+", lower)) | initials(text)


def sounds_like(word: str, tokens: frozenset[str], lexicon: Lexicon) -> bool:
    """Whether a distinctive word among ``tokens`` sounds like ``word`` and is spelt nearly so."""
    sound = jellyfish.metaphone(word)
    common = DISTINCTIVE * lexicon.passages
    return bool(sound) and any(
        fuzz.ratio(word, t) >= SOUNDS_LIKE and jellyfish.metaphone(t) == sound and lexicon.df.get(t, 0) <= common
        for t in tokens if t.isalpha()
    )


def name_words(phrase: list[str]) -> list[str]:
    """A name's own words, without its joiners ("of", "and", "the")."""
    return [w for w in phrase if w not in JOINERS]


def by_initials(words: list[str], tokens: set[str] | frozenset[str]) -> bool:
    """Whether ``tokens`` (lower-case words) name a long name (its name_words) by its initials ("hfsc")."""
    return len(words) >= ACRONYM_LETTERS[0] and "".join(w[0] for w in words) in tokens


def names_present(names: list[list[str]], tokens: frozenset[str], lexicon: Lexicon) -> bool:
    """Whether ``text`` names each phrase: a one-word name in full (or its acronym's expansion),
    a longer name by at least half of its words, weighed by rarity (papers shorten and reorder long
    names, and keep their distinctive words)."""
    present = {_stem(w) for w in tokens}

    def has(word: str) -> bool:
        if _stem(word) in present:
            return True
        # A misspelt name ("Wellbeeing") still names the thing, if a word of the passage is that close.
        if process.extractOne(word, [t for t in tokens if t[:1] == word[:1]], scorer=fuzz.ratio, score_cutoff=NAME_TYPO):
            return True
        if sounds_like(word, tokens, lexicon):
            return True
        expansion = lexicon.acronyms.get(word)  # "PNA" said in full
        return bool(expansion) and all(_stem(w) in present for w in re.findall(r"\w+", expansion.lower()) if len(w) > 3)

    for phrase in names:
        words = name_words(phrase)
        if by_initials(words, tokens):
            continue  # "Harbourside Ferry Services Company" named by its initials, "HFSC"
        if len(words) == 1:
            if not has(words[0]):
                return False
            continue
        # Half of a long name, weighed by rarity, and its rarest word: "Quay and Millbrook" is not
        # named by a paper saying only "Quay", a word every paper of that council holds, nor
        # "Southampton City Council" by one saying "City Council".
        weights = {w: lexicon.idf_weight(w) for w in words}
        if not has(max(weights, key=weights.get)) or sum(weight for w, weight in weights.items() if has(w)) < 0.5 * sum(weights.values()):
            return False
    return True


# A numbered part of a thing: "Phase 2", "Part A", "Type III", "Round Two", "item 8.2". Not a
# reference ("24/00093", "C-23"), a quantity ("about 300", "12%") or a date ("June 2020").
_PART_NUMBERS = {word: n for word, n in NUMBER_WORDS.items() if n < 13 and len(word) > 2}  # "one" to "twelve"
_UNIT_WORDS = "|".join(sorted(_PART_NUMBERS, key=len, reverse=True))
_PART = re.compile(
    rf"\b(?=(?P<head>[A-Za-z]{{3,}})\s+(?P<id>\d{{1,3}}(?:\.\d{{1,3}})*[a-z]?|[A-Z]|[IVX]{{1,4}}|(?i:{_UNIT_WORDS}))\b"
    r"(?![,.]?\d|\s*(?:%|per\s*cent)|[/-]\w))")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10}
_NOT_PARTS = _NOT_NAMES | frozenset(
    "about around approximately nearly almost over under than some just only least most total totalling "
    "were are received had has have rated scored ranked aged age plus minus up down another other more fewer less".split())


def numbered_parts(text: str) -> dict[str, frozenset[str]]:
    """The numbered parts a text names, by the word they are parts of: "Phase 2 and Phase 3" gives
    {"phase": {"2", "3"}}; "Phase II" and "Phase Two" give "2" too."""
    parts: dict[str, set[str]] = {}
    for m in _PART.finditer(text):
        head, ident = m["head"].lower(), m["id"]
        if head in _NOT_PARTS or month_number(head):
            continue
        if ident.lower() in _PART_NUMBERS:
            ident = str(_PART_NUMBERS[ident.lower()])
        elif ident.lower() in _ROMAN and (len(ident) > 1 or m["head"][0].isupper()):
            ident = str(_ROMAN[ident.lower()])
        elif ident.isalpha() and not m["head"][0].isupper():
            continue  # "phase A" of prose; "Part A" names one
        parts.setdefault(head, set()).add(ident.lower())
    return {head: frozenset(ids) for head, ids in parts.items()}


def _same_part(a: str, b: str) -> bool:
    return a == b or a.startswith(b + ".") or b.startswith(a + ".")  # "item 8" holds "item 8.2"


def another_part(sentence: str, asked: dict[str, frozenset[str]]) -> bool:
    """Whether ``sentence`` names a numbered part other than the one asked about, and not that one
    ("Phase 1 started with two schools" for a question about Phase 2)."""
    told = numbered_parts(sentence)
    return any(not any(_same_part(a, t) for a in asked[head] for t in ids) for head, ids in told.items() if head in asked)
