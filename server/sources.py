"""The original files behind indexed papers, found by document id (never by a path from a request)."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from fastapi.responses import FileResponse, Response

from minutebook.ingest.read import WORD_SUFFIXES, decode_text, file_hash
from minutebook.search.service import Minutebook


class SourceUnavailable(LookupError):
    """The document is unknown, or its file has gone or changed; ``status`` and the message say which."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class Source:
    path: Path
    file_hash: str

    @property
    def is_pdf(self) -> bool:
        return self.path.suffix.lower() == ".pdf"

    @property
    def is_word(self) -> bool:
        return self.path.suffix.lower() in WORD_SUFFIXES


WORD_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_hashes: dict[tuple[str, int, int], str] = {}  # (path, mtime_ns, size) -> sha256: hash a file once
_lock = threading.Lock()


def _current_hash(path: Path) -> str:
    stat = path.stat()
    key = (str(path), stat.st_mtime_ns, stat.st_size)
    with _lock:
        known = _hashes.get(key)
    if known is None:
        known = file_hash(path)
        with _lock:
            _hashes[key] = known
    return known


def find_source(library: Minutebook, document_id: str) -> Source:
    """The indexed file of ``document_id``, checked to be the very bytes that were indexed."""
    row = library.index.conn.execute(
        "SELECT source, file_hash FROM documents WHERE id = ?", [document_id]
    ).fetchone()
    if row is None:
        raise SourceUnavailable(404, f"No paper with id {document_id!r} is in the index.")
    source = Source(Path(row["source"]), row["file_hash"])
    if not source.path.is_file():
        raise SourceUnavailable(
            404, f"The original file is no longer at {source.path}; re-run `minutebook ingest` to refresh the index."
        )
    if _current_hash(source.path) != source.file_hash:
        raise SourceUnavailable(
            409, f"The file at {source.path} has changed since it was indexed; re-run `minutebook ingest`."
        )
    return source


def source_response(source: Source) -> Response:
    """PDFs as they are, Word documents as a download; text, Markdown and HTML as UTF-8 plain text
    (never rendered as a page)."""
    headers = {"X-Content-Type-Options": "nosniff"}
    if source.is_pdf:
        return FileResponse(
            source.path, media_type="application/pdf", filename=source.path.name,
            content_disposition_type="inline", headers=headers,
        )
    if source.is_word:
        return FileResponse(source.path, media_type=WORD_MEDIA_TYPE, filename=source.path.name, headers=headers)
    text = decode_text(source.path.read_bytes())
    return Response(text.encode("utf-8"), media_type="text/plain; charset=utf-8", headers=headers)
