"""Turn a file's pages into documents and their chunks.

First version: one document per file; sections start at Markdown headings and at short numbered
heading lines ("3. Background"); a chunk never crosses a section.
"""

from __future__ import annotations

import re
from pathlib import Path

from minutebook.vocabulary import Chunk, Document, Page

from .chunk import Line, pack_passages

_MARKDOWN_HEADING = re.compile(r"^\s*(#{1,6})\s+(.+?)\s*#*\s*$")
_NUMBERED_HEADING = re.compile(r"^\s*(\d{1,2})\.?\s+([A-Z][^.:;]{2,80})$")


def _heading(line: str) -> tuple[int, str] | None:
    """(level, title) when the line is a heading."""
    if match := _MARKDOWN_HEADING.match(line):
        return len(match.group(1)), match.group(2).strip("* ").strip()
    if match := _NUMBERED_HEADING.match(line):
        return 2, f"{match.group(1)}. {match.group(2).strip()}"
    return None


def _title(pages: list[Page], source: str) -> str:
    for page in pages:
        for line in page.text.splitlines():
            clean = line.strip("#*-_ \t")
            if len(clean) >= 4 and any(ch.isalpha() for ch in clean):
                return clean[:200]
    return Path(source).stem


def build_documents(
    pages: list[Page], file_hash: str, max_chars: int
) -> list[tuple[Document, list[Chunk]]]:
    """The documents in one file's pages, each with its chunks in reading order."""
    if not pages:
        return []
    source = pages[0].source
    document = Document(
        source=source,
        file_hash=file_hash,
        ordinal=0,
        title=_title(pages, source),
        first_page=pages[0].number,
        last_page=pages[-1].number,
    )
    chunks: list[Chunk] = []
    path: list[tuple[int, str]] = []
    section_lines: list[Line] = []

    def flush() -> None:
        section = " > ".join(title for _, title in path) or None
        context = " | ".join(part for part in (document.title, section) if part)
        for passage in pack_passages(section_lines, max_chars):
            chunks.append(
                Chunk(
                    document_id=document.id,
                    ordinal=len(chunks),
                    text=passage.text,
                    page=passage.page,
                    last_page=passage.last_page,
                    printed_page=passage.printed_page,
                    section=section,
                    context=context,
                )
            )
        section_lines.clear()

    for page in pages:
        for raw in page.text.splitlines():
            heading = _heading(raw)
            if heading:
                flush()
                level, title = heading
                while path and path[-1][0] >= level:
                    path.pop()
                path.append((level, title))
            else:
                section_lines.append(Line(raw, page.number, page.printed))
    flush()
    return [(document, chunks)]
