"""What the source of a file says about it, which wins over what is read from its text.

A file synced from a council's publishing system (ModernGov, Legistar) has a sidecar beside it,
``NAME.source.json``, holding the system's facts: organisation, body, meeting date, agenda item and
its title, the document's title and its address. Ingest reads the paper as any other, then gives it
these facts; what the sidecar does not give stays as read from the text.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path

from minutebook.vocabulary import Decision, Document

SUFFIX = ".source.json"
FIELDS = ("organisation", "body", "meeting_date", "agenda_item", "agenda_item_title", "title")
WHOLE_FILE = ("agenda_item", "agenda_item_title", "title")  # facts about the file, not each paper of a pack


def sidecar(path: Path) -> Path:
    return path.with_name(path.name + SUFFIX)


@dataclass(frozen=True)
class SourceFacts:
    fields: dict  # organisation, body, meeting_date, ... (FIELDS) as the source gives them
    decisions: list[dict]  # what the source records the meeting decided (Legistar: each item acted on)


def read(path: Path) -> SourceFacts:
    """What the sidecar of ``path`` says, read once (nothing without one, or when it cannot be read)."""
    try:
        facts = json.loads(sidecar(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        facts = None
    if not isinstance(facts, dict):
        return SourceFacts({}, [])
    recorded = facts.get("decisions") if isinstance(facts.get("decisions"), list) else []
    return SourceFacts(
        {k: str(facts[k]) for k in FIELDS if facts.get(k)},
        [d for d in recorded if isinstance(d, dict) and (d.get("reference") or d.get("title"))],
    )


def with_decisions(document: Document, found: list, recorded: list[dict]) -> list:
    """The paper's decisions (``found``, read from its text) with what the source records: a
    resolution naming the same matter ("CB 119583") gains the source's result, mover, seconder and
    votes; a matter no resolution names becomes a resolution of its own."""
    out = list(found)
    ordinal = max((d.ordinal for d in found), default=-1)
    for record in recorded:
        known = {k: v for k, v in (("outcome", record.get("outcome")), ("mover", record.get("mover")),
                                   ("seconder", record.get("seconder")), ("tally", record.get("tally")),
                                   ("votes", record.get("votes")), ("source", "legistar")) if v}
        matter = (record.get("reference") or "").strip()
        same = next((d for d in out if d.kind == "resolution" and matter and (
            d.reference == matter or matter.lower() in d.text.lower())), None)
        if same is not None:
            out[out.index(same)] = replace(same, details={**same.details, **known})
            continue
        ordinal += 1
        text = " ".join(part for part in (record.get("action"), record.get("title")) if part)
        out.append(Decision(kind="resolution", document_id=document.id, ordinal=ordinal, text=text,
                            reference=matter or record.get("agenda_item"), title=record.get("title"), details=known))
    return out


def write(path: Path, facts: dict) -> None:
    sidecar(path).write_text(json.dumps({k: v for k, v in facts.items() if v}, indent=1, ensure_ascii=False) + "\n",
                             encoding="utf-8")


def apply(document: Document, facts: dict, papers_in_file: int) -> Document:
    """``document`` with the source's facts; the item and title only when the file is this one paper."""
    given = {k: v for k, v in facts.items() if k in FIELDS and (papers_in_file == 1 or k not in WHOLE_FILE)}
    return replace(document, **given) if given else document
