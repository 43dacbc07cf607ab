"""Keep up with a council: fetch the papers its publishing system (ModernGov, Legistar) lists into a
folder, each with the system's facts in a sidecar (ingest/facts.py), for ingest to read.

Only new papers are fetched: a paper whose address was fetched before and whose file is still there
is not fetched again. The state is saved after every file, so an interrupted sync resumes where it
stopped and loses nothing; a paper that fails is reported and the rest go on.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from .. import facts
from . import legistar, moderngov
from .fetch import Fetcher, SyncError
from .remote import FETCHED, slug

KINDS = {"moderngov": moderngov.list_papers, "legistar": legistar.list_papers}
STATE_FILE = "sync-state.json"

__all__ = ["KINDS", "Fetcher", "Source", "SyncError", "SyncReport", "load_sources", "remember", "sync"]


@dataclass(frozen=True)
class Source:
    kind: str  # moderngov | legistar
    url: str  # the ModernGov site, or the Legistar API of one client
    names: tuple[str, ...] = ()  # committees (ModernGov) or bodies (Legistar), by name or id; none: all
    organisation: str | None = None  # the council the papers are of (the systems do not say)

    @property
    def key(self) -> str:
        return f"{self.kind} {self.url.rstrip('/')}"


@dataclass
class SyncReport:
    source: str
    meetings: int = 0
    listed: int = 0  # papers the system lists for those meetings
    fetched: int = 0
    unchanged: int = 0  # fetched by an earlier sync: not fetched again
    restricted: int = 0  # restricted (exempt) items and documents: never fetched
    failed: list[str] = field(default_factory=list)  # papers that could not be fetched, and why

    def to_dict(self) -> dict:
        return asdict(self)


def sync(source: Source, folder: Path, fetcher: Fetcher, since: date, until: date,
         progress: Callable[[str], None] = lambda message: None) -> SyncReport:
    """Fetch the papers ``source`` lists for meetings from ``since`` to ``until`` into ``folder``.
    A source that cannot be read at all raises SyncError; single papers that fail are reported."""
    listing = KINDS[source.kind](source.url, fetcher, list(source.names), since, until, source.organisation)
    report = SyncReport(source.key, listing.meetings, len(listing.papers), restricted=listing.restricted,
                        failed=list(listing.failed))
    state_path = folder / STATE_FILE
    state = json.loads(state_path.read_text()) if state_path.exists() else {}
    for n, paper in enumerate(listing.papers, start=1):
        known = state.get(paper.url)
        if known and (folder / known["file"]).exists():
            report.unchanged += 1
            continue
        progress(f"fetching {n} of {len(listing.papers)}: {paper.facts.get('title') or paper.name}")
        try:
            content = fetcher.get(paper.url).content
        except SyncError as exc:
            report.failed.append(f"{paper.url}: {exc}")
            continue
        kind, signature = FETCHED[Path(paper.name).suffix.lower()]  # a fetched file must be the kind its name says
        if not content.startswith(signature):
            report.failed.append(f"{paper.url}: not a {kind} (the system gave {len(content)} bytes of something else)")
            continue
        path = folder / slug(urlsplit(source.url).netloc) / paper.meeting / paper.name
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(path.name + ".part")
        partial.write_bytes(content)
        facts.write(path, paper.facts)  # the facts first: a file is never read without them
        os.replace(partial, path)
        state[paper.url] = {"file": str(path.relative_to(folder)), "sha256": hashlib.sha256(content).hexdigest()}
        state_path.with_suffix(".tmp").write_text(json.dumps(state, indent=1))
        os.replace(state_path.with_suffix(".tmp"), state_path)
        report.fetched += 1
    return report


def load_sources(path: Path) -> list[Source]:
    """The sources remembered in ``path`` (a JSON list), [] when there is none."""
    if not path.exists():
        return []
    return [Source(s["kind"], s["url"], tuple(s.get("names", ())), s.get("organisation")) for s in json.loads(path.read_text())]


def remember(path: Path, source: Source) -> None:
    """Add ``source`` to those remembered in ``path`` (replacing one of the same system and address)."""
    sources = [s for s in load_sources(path) if s.key != source.key] + [source]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps([{**asdict(s), "names": list(s.names)} for s in sources], indent=1) + "\n")
