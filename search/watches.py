"""Saved searches: a query with its filters, kept in the index folder (``watches.json``), whose feed
lists what the papers say about it that entered the index after the watch was made."""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

WATCHES_FILE = "watches.json"


@dataclass(frozen=True)
class Watch:
    id: str
    query: str
    filters: dict = field(default_factory=dict)  # Filters fields with a value
    created: str = ""  # ISO time: the feed lists papers first seen from then on


def load(index_dir: Path) -> list[Watch]:
    path = index_dir / WATCHES_FILE
    return [Watch(**w) for w in json.loads(path.read_text())] if path.exists() else []


def _save(index_dir: Path, watches: list[Watch]) -> None:
    index_dir.mkdir(parents=True, exist_ok=True)
    partial = index_dir / f".{WATCHES_FILE}.tmp"
    partial.write_text(json.dumps([asdict(w) for w in watches], indent=1) + "\n")
    os.replace(partial, index_dir / WATCHES_FILE)


def add(index_dir: Path, query: str, filters: dict) -> Watch:
    """A new watch (or the existing one for the same query and filters)."""
    query = " ".join(query.split())
    if not query:
        raise ValueError("a watch needs words to search for")
    filters = {k: v for k, v in sorted(filters.items()) if v}
    digest = hashlib.sha1(json.dumps([query.lower(), filters]).encode()).hexdigest()[:6]
    watch_id = f"{re.sub(r'[^a-z0-9]+', '-', query.lower()).strip('-')[:40]}-{digest}"
    watches = load(index_dir)
    for watch in watches:
        if watch.id == watch_id:
            return watch
    watch = Watch(watch_id, query, filters, time.strftime("%Y-%m-%dT%H:%M:%S%z"))
    _save(index_dir, [*watches, watch])
    return watch


def remove(index_dir: Path, watch_id: str) -> bool:
    watches = load(index_dir)
    kept = [w for w in watches if w.id != watch_id]
    if len(kept) == len(watches):
        return False
    _save(index_dir, kept)
    return True


def find(index_dir: Path, watch_id: str) -> Watch | None:
    return next((w for w in load(index_dir) if w.id == watch_id), None)
