"""What a publishing system lists: the papers of a meeting, each with its address and the facts the
system gives about it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class RemotePaper:
    url: str
    name: str  # the file name to keep it under
    meeting: str  # the folder of its meeting: body, date and the system's meeting id
    facts: dict = field(default_factory=dict)  # organisation, body, meeting_date, agenda_item, ... (see ingest/facts.py)


@dataclass
class Listing:
    papers: list[RemotePaper] = field(default_factory=list)
    meetings: int = 0
    restricted: int = 0  # items and documents the system marks restricted (exempt): not fetched
    failed: list[str] = field(default_factory=list)  # meetings (or parts) that could not be read, and why


def slug(text: str, limit: int = 60) -> str:
    """A file-system-safe short name."""
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-")[:limit] or "paper"
