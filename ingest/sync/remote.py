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


# The files of a publishing system ingest reads, by suffix: what the kind is called and how such a file
# starts. PDFs, and Word documents (a zip package; Legistar keeps a matter's summary and fiscal note as .docx).
FETCHED = {".pdf": ("PDF", b"%PDF"), ".docx": ("Word document", b"PK\x03\x04")}


def suffix_of(url: str | None) -> str | None:
    """The suffix of a file the address names, when ingest reads that kind of file."""
    path = (url or "").lower().split("?", 1)[0].split("#", 1)[0]
    return next((suffix for suffix in FETCHED if path.endswith(suffix)), None)


def slug(text: str, limit: int = 60) -> str:
    """A file-system-safe short name."""
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-")[:limit] or "paper"
