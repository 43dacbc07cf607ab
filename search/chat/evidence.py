"""What chat's answerers read: the search made for a turn and lookups into the index behind it.

The service builds one Evidence per question; each answerer (search/answerers/) reads only this, so
the answerers know nothing of the index, the model or the settings object.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from itertools import takewhile

from minutebook.ingest.dates import find_dates, month_years
from minutebook.ingest.decision_text import parse_marker
from minutebook.vocabulary import Hit

from minutebook.search.chat.names import words_of
from minutebook.search.storage.lexicon import Lexicon


def _numbered(line: str) -> bool:
    marker = parse_marker(line.strip())
    return marker is not None and marker.family in ("number", "decimal")


@dataclass(frozen=True)
class Paper:
    """What chat checks a question's names and period against when a passage does not say them: a
    paper says "Portsmouth" or the month of the meeting its minutes record once, not in every passage."""
    texts: tuple[str, ...]  # its passages, in reading order
    ids: tuple[int, ...] = ()  # their chunk ids (Evidence.hit gives each as a citable passage)

    def before(self, chunk_id: int) -> str:
        """The text of the passage before ``chunk_id`` ("" for the first): a minute's item runs on
        over passages, and its opening names what the rest is about."""
        at = self.ids.index(chunk_id) if chunk_id in self.ids else 0
        return self.texts[at - 1] if at > 0 else ""

    @cached_property
    def opening(self) -> str:
        """What its first passage says before its first numbered item ("6. Quay Hall"): a paper's title
        block, the minutes' record of which meeting they are of and who was there."""
        lines = self.texts[0].split("\n") if self.texts else []
        return "\n".join(takewhile(lambda line: not _numbered(line), lines))

    @cached_property
    def words(self) -> frozenset[str]:
        """Its distinct lower-case words (names.words_of)."""
        return frozenset().union(*map(words_of, self.texts))

    @cached_property
    def days(self) -> frozenset[str]:
        """The dates it gives, ISO; read only when a question names a period."""
        return frozenset(iso for text in self.texts for _, iso in find_dates(text))

    @cached_property
    def months(self) -> frozenset[str]:
        """The months it names with their year ("November 2022"), as "2022-11"."""
        return frozenset(iso[:7] for text in self.texts for iso in month_years(text))


@dataclass
class Evidence:
    hits: list[Hit]  # the passages found, best first
    decisions: list[dict]  # decision rows, when the question asks about one
    lexicon: Lexicon
    query: str  # what was searched for
    searched_for: str | None  # the query as repaired, when it was
    context: dict  # the meeting period, body, paper type the question names
    subject: list[str]  # the words saying what the (repaired) question is about
    passage_for: Callable[..., Hit | None]  # (row, text, anywhere=False): the passage recording text
    paper: Callable[[str], Paper]  # a paper's words and dates, by its document id
    author_of: Callable[[str], str | None]  # a paper's recorded author
    rows_of: Callable[[str, str], list[dict]]  # (document id, kind): a paper's decisions in order
    appearances: Callable[[str], list[dict]]  # a commitment's appearances, first first
    next_passage: Callable[[Hit], Hit | None]  # the passage after a hit in its section
    previous_passage: Callable[[Hit], Hit | None]  # the passage before a hit in its section
    hit: Callable[[str], Hit | None]  # a passage by its chunk id
    encode: Callable[[str], object]  # a text's unit vector (numpy)
    embed: Callable[[list[str]], object]  # sentences' unit vectors (numpy matrix)
    sentence_vectors: Callable[[list[str]], dict]  # chunk id -> its sentences' stored vectors
    previous: Callable[[], object] = lambda: None  # the answer to the conversation before this turn
    min_support: float = 0.0  # the least support an extractive answer needs
    max_query_chars: int = 1000
    repair_queries: bool = True

    def names_found(self, count: int) -> str:
        """The organisations and bodies of the first ``count`` passages found, and the body the
        question names: the meeting a question's names may be taken out as (conversation.without_scene)."""
        parts = [part for hit in self.hits[:count] for part in (hit.organisation, hit.body) if part]
        return " ".join([*parts, self.context.get("body") or ""])
