"""What the source of a file says about it, which wins over what is read from its text.

A file synced from a council's publishing system (ModernGov, Legistar) has a sidecar beside it,
``NAME.source.json``, holding the system's facts: organisation, body, meeting date, agenda item and
its title, the document's title and its address. Ingest reads the paper as any other, then gives it
these facts; what the sidecar does not give stays as read from the text.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from minutebook.vocabulary import Document

SUFFIX = ".source.json"
FIELDS = ("organisation", "body", "meeting_date", "agenda_item", "agenda_item_title", "title")
WHOLE_FILE = ("agenda_item", "agenda_item_title", "title")  # facts about the file, not each paper of a pack


def sidecar(path: Path) -> Path:
    return path.with_name(path.name + SUFFIX)


def read(path: Path) -> dict:
    """The facts the sidecar of ``path`` gives ({} without one, or when it cannot be read)."""
    try:
        facts = json.loads(sidecar(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: str(facts[k]) for k in FIELDS if isinstance(facts, dict) and facts.get(k)}


def write(path: Path, facts: dict) -> None:
    sidecar(path).write_text(json.dumps({k: v for k, v in facts.items() if v}, indent=1, ensure_ascii=False) + "\n",
                             encoding="utf-8")


def apply(document: Document, facts: dict, papers_in_file: int) -> Document:
    """``document`` with the source's facts; the item and title only when the file is this one paper."""
    given = {k: v for k, v in facts.items() if k in FIELDS and (papers_in_file == 1 or k not in WHOLE_FILE)}
    return replace(document, **given) if given else document
