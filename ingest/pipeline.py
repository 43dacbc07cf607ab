"""From paths to parsed papers: find the files, read each, and structure it into documents.

Files are processed one at a time (a generator), so memory holds one file's text, never the corpus.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from minutebook.vocabulary import ParsedDocument, Skipped

from .read import READABLE_SUFFIXES, UnreadableFile, file_hash, read_pages
from .structure import build_documents


@dataclass
class ParsedFile:
    source: str
    file_hash: str
    pages: int
    papers: list[ParsedDocument] = field(default_factory=list)


def find_files(paths: Iterable[Path], exclude: Iterable[str] = ()) -> tuple[list[Path], list[Skipped]]:
    """Readable files under ``paths`` (recursively, sorted), and what was passed over and why.

    Files named explicitly are always tried; inside folders, hidden files and files of other
    types are passed over silently (a folder of papers holds images, spreadsheets, ...).
    """
    patterns = list(exclude)
    found: list[Path] = []
    skipped: list[Skipped] = []
    seen_dirs: set[tuple[int, int]] = set()

    def excluded(path: Path) -> bool:
        return any(fnmatch.fnmatch(path.name, p) or fnmatch.fnmatch(str(path), p) for p in patterns)

    for given in paths:
        path = Path(given)
        if not path.exists():
            skipped.append(Skipped(str(path), "no such file or folder"))
        elif path.is_file():
            if not excluded(path):
                found.append(path.resolve())
        else:
            for root, dirs, files in os.walk(path, followlinks=True, onerror=None):
                stat = os.stat(root)
                if (stat.st_dev, stat.st_ino) in seen_dirs:  # a symlink loop, or a folder seen twice
                    dirs[:] = []
                    continue
                seen_dirs.add((stat.st_dev, stat.st_ino))
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    file = Path(root) / name
                    if name.startswith(".") or excluded(file):
                        continue
                    if file.suffix.lower() in READABLE_SUFFIXES:
                        found.append(file.resolve())
    # The same file reached twice (two arguments, or a symlink) is read once.
    unique = list(dict.fromkeys(found))
    return unique, skipped


def parse_files(files: Iterable[Path], max_chars: int) -> Iterator[ParsedFile | Skipped]:
    """Parse each file into papers, or say why it was skipped; identical files are parsed once."""
    seen: dict[str, str] = {}
    for path in files:
        try:
            digest = file_hash(path)
        except OSError as exc:
            yield Skipped(str(path), f"cannot read ({exc.strerror or exc})")
            continue
        if digest in seen:
            yield Skipped(str(path), f"duplicate of {seen[digest]} (same bytes)")
            continue
        try:
            pages = list(read_pages(path))
        except UnreadableFile as exc:
            yield Skipped(str(path), str(exc))
            continue
        except OSError as exc:
            yield Skipped(str(path), f"cannot read ({exc.strerror or exc})")
            continue
        papers = build_documents(pages, digest, max_chars)
        if not any(paper.chunks for paper in papers):
            yield Skipped(str(path), "no text found")
            continue
        seen[digest] = str(path)
        yield ParsedFile(str(path), digest, len(pages), papers)
