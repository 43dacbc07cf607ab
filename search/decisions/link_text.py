"""Shared ground for linking decisions across papers: normalised text, content words, fuzzy
similarity, paper dates and body names.

Everything here is a pure function of its arguments; links.py and lineage.py decide what the
scores mean.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz

from minutebook.vocabulary import Decision, Document

# Words that carry no subject: grammar, and the vocabulary every board paper shares.
STOP = frozenset("""
a an and are as at be been being but by can could do does for from had has have he her his i if in into is it
its may might must no not of on or our she should so such than that the their them then there these they this
those to too up upon was we were what when where which while who whom will with within would you your all any
also each other over under out about after before between per via its it's
""".split())
# Words of following up, time and meetings: an action's "what" is what is left without them.
FOLLOW_UP = frozenset("""
report reports reported reporting back bring brings brought bringing return returns returned returning come
comes coming came present presents presented presenting submit submitted circulate circulated circulating
update updates updated progress final document paper papers agree agreed agreement approval approve
consideration consider considered decision officer officers month months week weeks year years time next
future following meeting meetings board committee cabinet council panel members member hwb wb will would
shall could should happy each further information detail details summary item items report's asked
expected due early late mid end later soon coming one two three four five six seven eight nine ten eleven
twelve spring summer autumn winter january february march april may june july august september october
november december new
""".split())
TIME_WORDS = frozenset("""
month months week weeks year years quarter quarters one two three four five six seven eight nine ten eleven
twelve spring summer autumn winter january february march april may june july august september october
november december
""".split())
NOTE_ONLY = re.compile(
    r"^\W*(?:resolved\W+)?(?:that\s+)?(?:the\s+[\w ,'’&-]{0,80}?\s+)?(?:(?:be|is|was|were|are|has|have)\s+)?(?:to\s+)?"
    r"(?:note|noted|notes|noting|receive|received|receives)\b",
    re.IGNORECASE,
)
_DECIDES = re.compile(r"\b(?:approve[sd]?|agree[sd]?|adopt(?:ed|s)?|endorse[sd]?|support(?:ed|s)?|delegate[sd]?|accept(?:ed|s)?|authori[sz]e[sd]?)\b", re.IGNORECASE)


@lru_cache(maxsize=16384)
def normalise(text: str | None) -> str:
    """Lower case, '&' as 'and', punctuation as space, whitespace collapsed."""
    text = (text or "").lower().replace("&", " and ").replace("’", "'")
    text = re.sub(r"'s\b", "", text)
    return " ".join(re.sub(r"[^\w%£$]+", " ", text).split())


def stem(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


@lru_cache(maxsize=16384)
def terms(text: str | None, drop: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """Content words of ``text`` in order, stemmed, without stop words, ``drop`` or bare numbers."""
    out = []
    for word in normalise(text).split():
        if word in STOP or word in drop or word.isdigit() or len(word) < 2:
            continue
        word = stem(word)
        if word not in out:
            out.append(word)
    return tuple(out)


@lru_cache(maxsize=65536)
def similarity(a: str | None, b: str | None) -> int:
    """0..100: how far two passages say the same thing (word order and a few extra words forgiven,
    one being a small part of the other not)."""
    na, nb = normalise(a), normalise(b)
    if not na or not nb:
        return 0
    sort = fuzz.token_sort_ratio(na, nb)
    subset = fuzz.token_set_ratio(na, nb)
    shorter, longer = sorted((len(na.split()), len(nb.split())))
    # token_set forgives what one side adds; only trust it when the sides are of similar size
    weight = shorter / longer if longer else 0
    return round(max(sort, subset * (0.6 + 0.4 * weight)))


def same_words(a: str | None, b: str | None) -> int:
    """0..100: literal closeness (reworded text scores lower than similarity())."""
    return round(fuzz.ratio(normalise(a), normalise(b)))


def paper_date(document: Document) -> str | None:
    return document.meeting_date or document.published_date


def same_body(a: str | None, b: str | None) -> bool | None:
    """True / False when both bodies are known, None when either is not."""
    if not a or not b:
        return None
    na, nb = normalise(a), normalise(b)
    return na == nb or fuzz.ratio(na, nb) >= 90


def body_phrases(body: str | None) -> list[str]:
    """Ways a paper names its own body: the name, and its initials ("HWB")."""
    if not body:
        return []
    name = normalise(body)
    initials = "".join(word[0] for word in name.split() if word not in ("and", "of", "the", "for"))
    return [name, initials] if len(initials) >= 2 else [name]


def strip_phrases(text: str, phrases: list[str]) -> str:
    out = " " + normalise(text) + " "
    for phrase in phrases:
        out = out.replace(f" {phrase} ", " ")
    return out.strip()


def parts(decision: Decision) -> list[str]:
    """A decision's items, or its whole text when it has none."""
    return [item for item in decision.items if item.strip()] or [decision.text]


def note_only(text: str) -> bool:
    """Whether a resolution or item only notes ("RESOLVED that the report be noted")."""
    return bool(NOTE_ONLY.match(text)) and not _DECIDES.search(text)


def item_label(index: int) -> str:
    numerals = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]
    return numerals[index] if index < len(numerals) else str(index + 1)
