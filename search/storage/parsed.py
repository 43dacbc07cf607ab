"""The parse cache: a file's papers, kept by (parser, path, sha256), so an unchanged file is not parsed again.

It lives beside the embedding cache, outside the generations (``index/parsed.sqlite``). An entry is
JSON (no pickle) and is stored only if it reads back equal to what was parsed, so a cached parse is
exactly what parsing the file again would give. The key includes a fingerprint of the ingest code
and the passage size, so changing either re-parses everything (stale entries are dropped on open).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zlib
from dataclasses import asdict
from pathlib import Path

from minutebook import vocabulary
from minutebook.ingest.pipeline import ParsedFile
from minutebook.vocabulary import Chunk, Decision, Document, ParsedDocument

PARSE_CACHE_FILE = "parsed.sqlite"


def parser_fingerprint(max_chars: int, ocr: str = "off") -> str:
    """Identifies the code that turns files into papers (every ``ingest`` module, its fitted
    weights and the vocabulary) and how scanned pages are read (``ocr``: Ocr.fingerprint)."""
    from minutebook import ingest

    digest = hashlib.sha256(f"chunk_chars={max_chars} ocr={ocr}".encode())
    modules = sorted(p for folder in ingest.__path__ for pattern in ("*.py", "weights/*.json")
                     for p in Path(folder).glob(pattern))
    for path in [*modules, Path(vocabulary.__file__)]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def to_json(parsed: ParsedFile) -> str:
    return json.dumps({"source": parsed.source, "file_hash": parsed.file_hash, "pages": parsed.pages,
                       "papers": [asdict(paper) for paper in parsed.papers], "warnings": parsed.warnings})


def from_json(text: str) -> ParsedFile:
    data = json.loads(text)
    papers = [
        ParsedDocument(
            Document(**paper["document"]),
            [Chunk(**chunk) for chunk in paper["chunks"]],
            [Decision(**decision) for decision in paper["decisions"]],
        )
        for paper in data["papers"]
    ]
    return ParsedFile(data["source"], data["file_hash"], data["pages"], papers, warnings=data.get("warnings", []))


def encode(parsed: ParsedFile) -> bytes | None:
    """A parse as stored (compressed JSON), or None when it would not read back equal (details
    holding a date or a tuple): a cached parse must be exactly what parsing again would give."""
    try:
        text = to_json(parsed)
        if from_json(text) != parsed:
            return None
    except (TypeError, ValueError):
        return None
    return zlib.compress(text.encode("utf-8"), 3)


def decode(data: bytes) -> ParsedFile | None:
    """A stored parse, marked ``reused``; None when it cannot be read (it is parsed again)."""
    try:
        parsed = from_json(zlib.decompress(data).decode("utf-8"))
    except (zlib.error, ValueError, TypeError, KeyError):
        return None
    parsed.reused = True
    return parsed


class ParseCache:
    """SQLite table of parsed files; one writer (the ingest holding the build lock)."""

    def __init__(self, path: Path, max_chars: int, ocr: str = "off") -> None:
        self.parser = parser_fingerprint(max_chars, ocr)
        self.conn = sqlite3.connect(path)
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=NORMAL")
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS parsed (parser TEXT NOT NULL, source TEXT NOT NULL, sha256 TEXT NOT NULL,"
            " data BLOB NOT NULL, PRIMARY KEY (parser, source, sha256)) WITHOUT ROWID"
        )
        with self.conn:  # entries of other code versions can never be read again
            self.conn.execute("DELETE FROM parsed WHERE parser != ?", [self.parser])

    def get(self, source: str, file_hash: str) -> ParsedFile | None:
        row = self.conn.execute(
            "SELECT data FROM parsed WHERE parser = ? AND source = ? AND sha256 = ?", [self.parser, source, file_hash]
        ).fetchone()
        return decode(row[0]) if row else None

    def put(self, parsed: ParsedFile) -> bool:
        data = encode(parsed)
        if data is not None:
            with self.conn:
                self.conn.execute("INSERT OR REPLACE INTO parsed (parser, source, sha256, data) VALUES (?, ?, ?, ?)",
                                  [self.parser, parsed.source, parsed.file_hash, data])
        return data is not None

    def close(self) -> None:
        self.conn.close()
