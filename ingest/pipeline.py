"""From paths to parsed papers: find the files, read each, and structure it into documents.

Files are processed one at a time (a generator), so memory holds one file's text, never the corpus.
"""

from __future__ import annotations

import errno
import fnmatch
import logging
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Protocol

from minutebook.vocabulary import ParsedDocument, Skipped

from .ocr import Ocr
from .quality import text_warnings
from .read import HTML_SUFFIXES, PDF_SUFFIXES, READABLE_SUFFIXES, UnreadableFile, file_hash, read_pages
from .structure import build_documents

# A folder's own housekeeping files (a repository's README, licence, change log ...) are not board
# papers: inside folders they are passed over, with a message, unless asked for.
HOUSEKEEPING = re.compile(
    r"readme|licen[cs]e|copying|changelog|contributing|code_of_conduct|manifest",
    re.IGNORECASE)


@dataclass
class ParsedFile:
    source: str
    file_hash: str
    pages: int
    papers: list[ParsedDocument] = field(default_factory=list)
    reused: bool = False  # taken from the parse cache: the file's bytes were parsed before
    warnings: list[str] = field(default_factory=list)  # about its text layer (ingest.quality)


@dataclass
class Found:
    files: list[Path]  # to read, in order
    skipped: list[Skipped]  # could not be reached, and why
    passed_over: list[Skipped]  # housekeeping files inside folders, not read (``all_files`` reads them)


# Papers in a format not read: said, not passed over silently as a folder's images and spreadsheets are.
UNREAD_PAPERS = {
    ".doc": "a Word 97-2003 document, not read: save it as .docx or PDF to index it",
    ".rtf": "a Rich Text document, not read: save it as .docx or PDF to index it",
    ".odt": "an OpenDocument text, not read: save it as .docx or PDF to index it",
}


def is_housekeeping(path: Path) -> bool:
    return path.suffix.lower() not in PDF_SUFFIXES | HTML_SUFFIXES and bool(HOUSEKEEPING.fullmatch(path.stem))


def find_files(paths: Iterable[Path], exclude: Iterable[str] = (), all_files: bool = False) -> Found:
    """Readable files under ``paths`` (recursively, sorted), and what was passed over and why.

    Files named explicitly are always tried; inside folders, hidden files and files of other
    types are passed over silently (a folder of papers holds images, spreadsheets, ...), papers in
    a format not read (UNREAD_PAPERS) and a README, licence or manifest with a message (the latter
    read when ``all_files``). Symlinks
    are followed (the file indexed is the target); a symlink loop, a broken symlink and a folder
    that cannot be opened are each reported once, and the walk goes on.
    """
    patterns = list(exclude)
    found: list[Path] = []
    skipped: list[Skipped] = []
    passed_over: list[Skipped] = []
    seen_dirs: set[tuple[int, int]] = set()

    def excluded(path: Path) -> bool:
        return any(fnmatch.fnmatch(path.name, p) or fnmatch.fnmatch(str(path), p) for p in patterns)

    def cannot_open(error: OSError) -> None:
        skipped.append(Skipped(str(error.filename or "?"), f"cannot open folder ({error.strerror or error})"))

    def add(file: Path) -> None:
        try:
            found.append(file.resolve(strict=True))
        except RuntimeError:  # Python 3.11 raises this for a loop of links
            skipped.append(Skipped(str(file), "symlink loop (the link leads back to itself)"))
        except FileNotFoundError:
            skipped.append(Skipped(str(file), "broken symlink (its target does not exist)"))
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                skipped.append(Skipped(str(file), "symlink loop (the link leads back to itself)"))
            else:
                skipped.append(Skipped(str(file), f"cannot read ({exc.strerror or exc})"))

    def loops(folder: Path) -> bool:
        """A link to a folder that contains it (``loop -> ..``): reported, not followed."""
        if not folder.is_symlink():
            return False
        target, here = os.path.realpath(folder), os.path.realpath(folder.parent)
        if here == target or here.startswith(target.rstrip(os.sep) + os.sep):
            skipped.append(Skipped(str(folder), "symlink loop (links to a folder that contains it; not followed)"))
            return True
        return False

    for given in paths:
        path = Path(given)
        if not path.exists():
            if path.is_symlink():
                add(path)
            else:
                skipped.append(Skipped(str(path), "no such file or folder"))
        elif not path.is_dir():
            if not excluded(path):
                add(path)
        else:
            for root, dirs, files in os.walk(path, followlinks=True, onerror=cannot_open):
                try:
                    stat = os.stat(root)
                except OSError as exc:
                    cannot_open(exc)
                    dirs[:] = []
                    continue
                if (stat.st_dev, stat.st_ino) in seen_dirs:  # a symlink loop, or a folder seen twice
                    if os.path.islink(root):
                        skipped.append(Skipped(root, "symlink loop (links to a folder already read; read once)"))
                    dirs[:] = []
                    continue
                seen_dirs.add((stat.st_dev, stat.st_ino))
                dirs[:] = [d for d in sorted(dirs) if not d.startswith(".") and not loops(Path(root) / d)]
                for name in sorted(files):
                    file = Path(root) / name
                    if name.startswith(".") or excluded(file):
                        continue
                    if file.suffix.lower() not in READABLE_SUFFIXES:
                        if file.suffix.lower() in UNREAD_PAPERS:
                            passed_over.append(Skipped(str(file), UNREAD_PAPERS[file.suffix.lower()]))
                        continue
                    if not all_files and is_housekeeping(file):
                        passed_over.append(Skipped(str(file), "not a board paper (a folder's README, licence or "
                                                              "manifest); --all-files reads it"))
                        continue
                    add(file)
    # The same file reached twice (two arguments, or a symlink) is read once.
    return Found(list(dict.fromkeys(found)), skipped, passed_over)


class ParseCache(Protocol):
    """Where earlier parses of unchanged files are kept (``minutebook.search.storage.parsed`` has one)."""

    def get(self, source: str, file_hash: str) -> ParsedFile | None: ...

    def put(self, parsed: ParsedFile) -> None: ...


@dataclass(frozen=True)
class Kept:
    """A file of the previous index not given this time: kept as it was indexed (``file_hash``)."""

    path: Path
    file_hash: str


def parse_files(
    files: Iterable[Path | Kept], max_chars: int, cache: ParseCache | None = None, ocr: Ocr | None = None,
) -> Iterator[ParsedFile | Skipped]:
    """Parse each file into papers, or say why it was skipped; identical files are parsed once.

    A file whose bytes were parsed before (same path and sha256, found in ``cache``) is not read
    again: its papers come from the cache, marked ``reused``. A ``Kept`` file is taken from the
    cache by the hash it was indexed with; if the cache lacks it, it is read again from disk.
    No exception from one file stops the others: each becomes a ``Skipped`` with its reason.
    PDF pages without a text layer are read by ``ocr`` when given.
    """
    seen: dict[str, str] = {}
    for item in files:
        if isinstance(item, Kept):
            path, digest = item.path, item.file_hash
            hit = cache.get(str(path), digest) if cache else None
            if hit is None and not path.exists():
                yield Skipped(str(path), "in the previous index but no longer on disk, and its parse is not cached; dropped")
                continue
            if hit is not None:
                if digest in seen:
                    yield Skipped(str(path), f"duplicate of {seen[digest]} (same bytes)")
                    continue
                seen[digest] = str(path)
                yield hit
                continue
        else:
            path = item
        try:
            digest = file_hash(path)
        except OSError as exc:
            yield Skipped(str(path), _os_reason(exc))
            continue
        if digest in seen:
            yield Skipped(str(path), f"duplicate of {seen[digest]} (same bytes)")
            continue
        hit = cache.get(str(path), digest) if cache else None
        if hit is not None:
            seen[digest] = str(path)
            yield hit
            continue
        parsed = parse_file(path, digest, max_chars, ocr)
        if isinstance(parsed, Skipped):
            yield parsed
            continue
        seen[digest] = str(path)
        if cache is not None:
            cache.put(parsed)
        yield parsed


def parse_file(path: Path, digest: str, max_chars: int, ocr: Ocr | None = None,
               source: str | None = None) -> ParsedFile | Skipped:
    """One file (whose sha256 is ``digest``) parsed into papers, or why it was skipped. ``source``
    names the file in citations when ``path`` is a copy of it (a queued file read by a worker)."""
    name = source or str(path)
    try:
        pages = list(read_pages(path, ocr))  # one file's pages at a time, never the corpus
        if source:
            pages = [replace(page, source=source) for page in pages]
        papers = build_documents(pages, digest, max_chars)
    except UnreadableFile as exc:
        return Skipped(name, str(exc))
    except OSError as exc:
        return Skipped(name, _os_reason(exc))
    except Exception as exc:  # a bug met by one odd file must not stop the ingest of the rest
        logging.getLogger(__name__).exception("cannot parse %s", name)
        return Skipped(name, f"could not be parsed ({type(exc).__name__}: {str(exc)[:120]}); please report this")
    if not any(paper.chunks for paper in papers):
        return Skipped(name, "no text found")
    return ParsedFile(name, digest, len(pages), papers, warnings=text_warnings(pages))


def _os_reason(exc: OSError) -> str:
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno == errno.ELOOP:
        return "symlink loop (the link leads back to itself)"
    if exc.errno == errno.ENOENT:
        return "file disappeared before it could be read"
    return f"cannot read ({exc.strerror or exc})"
