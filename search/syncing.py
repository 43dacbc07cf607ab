"""Keep an index up with its sources: fetch what is new from each (ingest/sync), then ingest the
synced folder (through the queue into PostgreSQL when ``MINUTEBOOK_DATABASE_URL`` is set). The command line's `minutebook sync` and `minutebook serve --sync-every` both run it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from minutebook.ingest.sync import Fetcher, Source, SyncError, SyncReport, load_sources, remember, sync
from minutebook.settings import Settings

from minutebook.search.storage.build import BuildReport, NothingIndexed, build_index
from minutebook.search.storage.embed import Embedder

BACK_DAYS, AHEAD_DAYS = 365, 90  # the default window of meetings a sync looks at
SOURCES_FILE = "sources.json"
SYNCED_FOLDER = "synced"


@dataclass
class Synced:
    reports: list[SyncReport] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)  # sources that could not be synced, and why
    built: BuildReport | None = None  # the ingest of what was fetched (None when nothing was)


def sources_path(settings: Settings) -> Path:
    return settings.index_dir / SOURCES_FILE


def known_sources(settings: Settings) -> list[Source]:
    return load_sources(sources_path(settings))


def window(since: date | None = None, until: date | None = None) -> tuple[date, date]:
    today = date.today()
    return since or today - timedelta(days=BACK_DAYS), until or today + timedelta(days=AHEAD_DAYS)


def sync_and_ingest(settings: Settings, embedder: Callable[[], Embedder], sources: list[Source],
                    since: date, until: date, interval: float = 1.0,
                    say: Callable[[str], None] = lambda message: None, progress: bool = False) -> Synced:
    """Sync each source (a source that answers is remembered), then ingest the synced folder if
    anything new came. ``embedder`` gives the model when it is needed, so a sync that fetches nothing
    never loads it."""
    folder = settings.index_dir / SYNCED_FOLDER
    done = Synced()
    fetcher = Fetcher(interval=interval)
    try:
        for source in sources:
            say(f"syncing {source.key}")
            try:
                done.reports.append(sync(source, folder, fetcher, since, until, say))
            except SyncError as exc:
                done.failures.append(f"{source.key}: {exc}")
                continue
            remember(sources_path(settings), source)
    finally:
        fetcher.close()
    if any(r.fetched for r in done.reports):
        try:
            if settings.database_url:  # through the queue, published into the database
                from minutebook.search.storage import queue

                done.built = queue.ingest(settings.database_url, settings, embedder(), [folder], say=say)
            else:
                done.built = build_index([folder], settings, embedder(), progress=progress)
        except NothingIndexed as exc:
            done.failures.append(str(exc))
    return done
