"""Turn a file's pages into documents and their chunks.

pages -> clean lines (noise) -> papers (packs: split at agenda-item stamps, classify)
      -> metadata per paper -> sections (heading paths) -> tables / passages -> chunks.
A chunk never crosses a section or a paper. Whatever goes wrong, the file still yields one
"other" document with plain chunks: odd input must not stop an ingest.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path

from minutebook.vocabulary import Chunk, Document, Page, ParsedDocument

from .chunk import Line, pack_passages
from .dates import parse_date
from .decisions import extract_decisions
from .metadata import Meta, extract
from .noise import clean_pages
from .packs import agenda_items, classify, split_pack
from .sections import Section, sectionize
from .tables import row_text, split_tables, table_rows

log = logging.getLogger(__name__)

_ROOT = {
    "agenda": "Agenda", "minutes": "Minutes", "report": "Report", "appendix": "Appendix",
    "strategy": "Strategy", "annual_report": "Annual report", "progress_update": "Progress update",
    "decision_record": "Decision", "other": "Document",
}
MAX_LINE = 200_000  # a 5 MB "line" is cut into pieces the chunker can pack without quadratic work


def build_documents(
    pages: list[Page], file_hash: str, max_chars: int
) -> list[ParsedDocument]:
    """The documents in one file's pages, each with its chunks in reading order; a chunk from a page
    read by OCR carries that page's word confidence (the lowest, over several pages)."""
    if not pages:
        return []
    try:
        documents = _build(pages, file_hash, max_chars)
    except Exception:  # noqa: BLE001 - a parser bug must cost structure, never the file
        log.exception("structure parsing failed for %s; indexing it as one plain document", pages[0].source)
        documents = _fallback(pages, file_hash, max_chars)
    read_by_ocr = {page.number: page.ocr for page in pages if page.ocr is not None}
    if read_by_ocr:
        for paper in documents:
            for chunk in paper.chunks:
                found = [read_by_ocr[n] for n in range(chunk.page, (chunk.last_page or chunk.page) + 1) if n in read_by_ocr]
                chunk.ocr = min(found) if found else None
    return documents


def _split_long_lines(pages: list[Page]) -> list[Page]:
    out = []
    for page in pages:
        text = page.text or ""
        if len(text) > MAX_LINE and max((len(part) for part in text.split("\n")), default=0) > MAX_LINE:
            pieces = []
            for part in text.split("\n"):
                pieces.extend(part[i:i + MAX_LINE] for i in range(0, max(1, len(part)), MAX_LINE))
            text = "\n".join(pieces)
        out.append(Page(page.source, page.number, text, page.printed))
    return out


def _build(pages: list[Page], file_hash: str, max_chars: int) -> list[ParsedDocument]:
    source = pages[0].source
    lines = clean_pages(_split_long_lines(pages))
    papers = split_pack(lines, paged=len(pages) > 1)
    if not papers:  # no text at all (a scan): one empty document, as for any odd input
        return [ParsedDocument(Document(source=source, file_hash=file_hash, ordinal=0, title=Path(source).stem,
                                        first_page=pages[0].number, last_page=pages[-1].number), [])]
    results: list[ParsedDocument] = []
    pack_meta: Meta | None = None
    items: dict[str, str] = {}
    for ordinal, paper in enumerate(papers):
        kind = classify(paper.lines)
        in_pack = paper.in_pack and ordinal > 0 and pack_meta is not None
        meta = extract(paper.lines, kind, pack_meta if in_pack else None, items, paper.agenda_item)
        if in_pack:
            meta.published_date = pack_meta.published_date
        if paper.in_pack and ordinal == 0:
            pack_meta, items = meta, agenda_items(paper.lines)
            # The pack front's own "Date:" is when the pack went out; else it is known by its meeting.
            meta.published_date = parse_date(meta.labels.get("date_plain")) or meta.meeting_date
        title = meta.title or meta.agenda_item_title or Path(source).stem
        kind = classify(paper.lines, title) if kind == "other" else kind
        pages_used = [line.page for line in paper.lines]
        document = Document(
            source=source, file_hash=file_hash, ordinal=ordinal, title=title[:200], type=kind,
            organisation=meta.organisation, body=meta.body, meeting_date=meta.meeting_date,
            published_date=meta.published_date, agenda_item=meta.agenda_item,
            agenda_item_title=meta.agenda_item_title, author=meta.author, wards=meta.wards,
            key_decision=meta.key_decision, exempt=meta.exempt,
            first_page=min(pages_used), last_page=max(pages_used),
        )
        # Sections are computed once: chunks use those with text, decisions need every heading too.
        sections = sectionize(paper.lines, _ROOT.get(document.type, "Document"), keep_empty=True)
        chunk_sections = _with_bare_items(sections)
        results.append(ParsedDocument(document, _chunks(document, chunk_sections, max_chars),
                                      extract_decisions(document, sections, meta.labels)))
    return results


def _with_bare_items(sections: list[Section]) -> list[Section]:
    """The sections passages are made of: those with text, and lists of bare items.

    An agenda or a schedule often lists items that are only their heading ("1. Roll Call", "3.
    Approval of the minutes of the last meeting", "JANUARY 9" / "MARCH 13"). Headings that
    open nothing (no text, no section inside them) and stand together are one passage of the section
    around them; a numbered one stands alone too. A lone unnumbered one ("FOREWORD") heads text set
    out otherwise, and stays out.
    """
    out: list[Section] = []
    run: list[tuple[Section, str]] = []  # bare headings standing together, with their titles

    def close_run() -> None:
        first, title = run[0] if run else (None, "")
        if len(run) > 1 or (first is not None and first.paragraph and title.startswith(first.paragraph)):
            # the titles, which hold a heading's wrapped lines
            out.append(Section(first.path.rsplit(" > ", 1)[0], None, [replace(s.heading, text=t) for s, t in run]))
        run.clear()

    for n, section in enumerate(sections):
        if any(line.text.strip() for line in section.lines):
            close_run()
            out.append(section)
            continue
        following = sections[n + 1].path if n + 1 < len(sections) else ""
        if section.heading is None or following.startswith(section.path + " > "):
            continue  # it opens the sections inside it, whose paths name it
        parent, title = section.path.rsplit(" > ", 1)
        if run and run[0][0].path.rsplit(" > ", 1)[0] != parent:
            close_run()
        run.append((section, title))
    close_run()
    return out


def _context(document: Document, section: str | None) -> str:
    parts = [document.title, document.body, document.meeting_date, section]
    return " | ".join(part for part in parts if part)


def _chunks(document: Document, sections: list[Section], max_chars: int) -> list[Chunk]:
    chunks: list[Chunk] = []

    def add(text: str, page: int, last_page: int, printed: str | None, section: str, paragraph: str | None, kind: str,
            breaks=()) -> None:
        chunks.append(Chunk(
            document_id=document.id, ordinal=len(chunks), text=text, page=page, last_page=last_page,
            printed_page=printed, section=section, paragraph=paragraph,
            context=_context(document, section), kind=kind, page_breaks=[list(b) for b in breaks],
        ))

    for section in sections:
        for kind, lines in split_tables(section.lines):
            if kind == "text":
                for passage in pack_passages(lines, max_chars):
                    add(passage.text, passage.page, passage.last_page, passage.printed_page,
                        section.path, section.paragraph, "text", passage.page_breaks)
                continue
            header, rows = table_rows(lines)
            for row in rows:
                path = f"{section.path} > {row.group}" if row.group else section.path
                text = row_text(header, row)
                first, last = row.lines[0], row.lines[-1]
                # A long row is cut; each later piece restates the row key so it still says whose text it is.
                prefix = f"{row.key} | " if row.key and len(row.key) < max_chars // 4 else ""
                pieces = [text] if len(text) <= max_chars else [
                    (prefix if i else "") + p.text
                    for i, p in enumerate(pack_passages([Line(text, first.page, first.printed_page)], max_chars - len(prefix)))
                ]
                for piece in pieces:
                    add(piece, first.page, last.page, first.printed_page, path, row.key or section.paragraph, "table_row")
    return chunks


def _fallback(pages: list[Page], file_hash: str, max_chars: int) -> list[ParsedDocument]:
    source = pages[0].source
    document = Document(source=source, file_hash=file_hash, ordinal=0, title=Path(source).stem,
                        first_page=pages[0].number, last_page=pages[-1].number)
    lines = [Line(text[:MAX_LINE], page.number, page.printed) for page in pages for text in (page.text or "").splitlines()]
    chunks = [
        Chunk(document_id=document.id, ordinal=i, text=p.text, page=p.page, last_page=p.last_page,
              printed_page=p.printed_page, context=document.title, page_breaks=[list(b) for b in p.page_breaks])
        for i, p in enumerate(pack_passages(lines, max_chars))
    ]
    return [ParsedDocument(document, chunks)] if chunks else []
