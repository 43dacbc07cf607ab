"""Read files into pages: PDF (pypdf, one Page per PDF page), Word (.docx, word.py), text, Markdown and HTML.

Every failure becomes an ``UnreadableFile`` with a reason a person understands, so the caller can
report it and go on with the other files.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
from collections.abc import Iterator
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

from minutebook.vocabulary import Page

from . import broken_words, english, forms, ligatures, margins, pdf_tables, reading_order, word
from .columns import tabulate
from .ocr import Ocr

PDF_SUFFIXES = {".pdf"}
TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
WORD_SUFFIXES = {".docx"}
READABLE_SUFFIXES = PDF_SUFFIXES | TEXT_SUFFIXES | HTML_SUFFIXES | WORD_SUFFIXES

# A page with fewer visible characters than this has no usable text layer (a scan).
MIN_PAGE_CHARS = 20


class UnreadableFile(Exception):
    """A file that cannot be read; the message is the reason shown to the user."""


def content_hash(content: bytes) -> str:
    """What file_hash gives for a file holding ``content`` (a file already read into memory)."""
    return hashlib.sha256(content).hexdigest()


def file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_pages(path: Path, ocr: Ocr | None = None) -> Iterator[Page]:
    """Yield the pages of one file, or raise UnreadableFile. A PDF page without a text layer is read
    by ``ocr`` when given (see ocr.py); without it, it stays empty."""
    suffix = path.suffix.lower()
    if path.is_symlink() and not path.exists():
        raise UnreadableFile("broken symlink (its target does not exist)")
    if not os.access(path, os.R_OK):
        raise UnreadableFile("permission denied")
    if not path.is_file():
        raise UnreadableFile("not a regular file")
    if path.stat().st_size == 0:
        raise UnreadableFile("empty file (0 bytes)")
    if suffix in PDF_SUFFIXES:
        yield from _read_pdf(path, ocr)
    elif suffix in HTML_SUFFIXES:
        yield Page(source=str(path), number=1, text=html_to_text(decode_text(path.read_bytes())))
    elif suffix in TEXT_SUFFIXES:
        yield Page(source=str(path), number=1, text=tabulate(decode_text(path.read_bytes())))  # columns of spaces as tabs
    elif suffix in WORD_SUFFIXES:
        try:
            yield from word.read_docx(path)
        except word.NotWord as exc:
            raise UnreadableFile(str(exc)) from exc
    else:
        raise UnreadableFile(f"unsupported file type {suffix or '(none)'}")


def decode_text(raw: bytes) -> str:
    """Decode text whose encoding is unknown: BOMs first, then UTF-8, then Windows-1252."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="replace")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", errors="replace")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # cp1252 leaves five bytes undefined; replace them rather than fail the whole file.
    return raw.decode("cp1252", errors="replace")


_NEEDS_CRYPTOGRAPHY = "encrypted PDF (AES) that needs the cryptography package: pip install cryptography"


def _read_pdf(path: Path, ocr: Ocr | None) -> Iterator[Page]:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError

    with path.open("rb") as handle:
        head = handle.read(1024)
    if b"%PDF-" not in head:
        raise UnreadableFile("not a PDF (no %PDF header), although named .pdf")
    # pypdf logs recoverable damage as warnings; the summary reports what matters.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(path, strict=False)
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):
                    raise UnreadableFile("encrypted PDF (needs a password)")
            except UnreadableFile:
                raise
            except DependencyError as exc:
                raise UnreadableFile(_NEEDS_CRYPTOGRAPHY) from exc
            except Exception as exc:  # pypdf raises several types for unsupported ciphers
                raise UnreadableFile(f"encrypted PDF that cannot be opened ({exc})") from exc
        page_count = len(reader.pages)
    except UnreadableFile:
        raise
    except DependencyError as exc:
        raise UnreadableFile(_NEEDS_CRYPTOGRAPHY) from exc
    except RecursionError as exc:
        raise UnreadableFile("corrupt PDF (objects refer to each other in a loop)") from exc
    except Exception as exc:  # pypdf raises many types on damaged files; none may stop the ingest
        raise UnreadableFile(f"corrupt PDF ({_short(exc)})") from exc
    if page_count == 0:
        raise UnreadableFile("PDF has no pages")
    texts = []
    for number in range(1, page_count + 1):
        try:
            page = reader.pages[number - 1]
            collector = margins.Collector()
            drawn = reading_order.in_reading_order(page.extract_text(visitor_text=collector) or "", collector.segments)
            text = margins.with_owners(drawn, collector.segments, float(page.mediabox.width))
            text = forms.with_fields(text, forms.filled_fields(page))
        except DependencyError as exc:  # AES-encrypted content without the cryptography package
            raise UnreadableFile(_NEEDS_CRYPTOGRAPHY) from exc
        except Exception as exc:  # a damaged page must not lose the rest of the file
            logging.getLogger(__name__).warning("%s page %d unreadable: %s", path, number, exc)
            text = ""
        texts.append(text)
    tables = pdf_tables.read_tables(path) if any(text.strip() for text in texts) else {}  # a scan has no text to set its tables in
    pages = [Page(source=str(path), number=number, text=pdf_tables.with_tables(text, tables.get(number, [])).replace("\x00", ""))
             for number, text in enumerate(texts, start=1)]
    _reread(path, pages)
    pages = broken_words.repair(ligatures.repair(pages))
    _split_by_word_list(pages)
    # A scan has no text layer; a font without a usable character map gives one that is not words.
    # OCR reads both from the page as printed.
    scans = [page.number for page in pages if not has_text(page.text) or garbled(page.text)]
    not_read: dict[int, str] = {}
    if scans and ocr is not None:
        recognised, not_read = ocr.read(path, scans)
        for number, found in recognised.items():
            pages[number - 1] = replace(pages[number - 1], text=found.text, ocr=round(found.confidence, 3))
        for number, why in not_read.items():
            pages[number - 1] = replace(pages[number - 1], unread=why)
    if not any(has_text(page.text) for page in pages):
        why = next(iter(not_read.values()), None)
        raise UnreadableFile(f"no text layer on any of {page_count} pages (scanned image; "
                             + (f"not read by OCR: {why})" if why else "needs OCR)"))
    yield from pages


LONG_RUN = 20  # letters in a row beyond any ordinary word
RUN_TOGETHER_SHARE = 0.3  # of a page's letters in such runs (seen: 0.00-0.07 on normal papers, 0.6+ without spaces)
RESPACE_SHARE = 0.1  # a page this crowded is read again by pdfium (kept only if its words run together less)
# A page whose lines are mostly single words had each word placed as a text object of its own (as
# Google Docs' renderer does), which pypdf reads as one word a line: headings, sentences and dates
# broken apart. Seen: up to 0.64 on ordinary pages (charts, sign-in lists), 0.8-1.0 when so placed.
BROKEN_SHARE = 0.7
BROKEN_MIN_LINES = 5  # a page of fewer lines says nothing about how its words are placed
# A page printed with a shadow or a fake bold draws each letter twice, a hair apart, which pypdf
# reads as "HHAARRBBOOUURR". Seen: no ordinary word of the development papers reads so; 0.57 of the
# words of a page so printed.
DOUBLED_SHARE = 0.1
LETTERS = re.compile(r"[^\W\d_]+")  # runs of letters: words, or words printed without spaces
_WORD4 = re.compile(r"[^\W\d_]{4,}")


def run_together(text: str) -> float:
    """The share of a page's letters that stand in runs of LONG_RUN or more: words printed without
    spaces between them (English words are shorter)."""
    runs = LETTERS.findall(text)
    letters = sum(map(len, runs))
    return sum(len(r) for r in runs if len(r) >= LONG_RUN) / letters if letters else 0.0


def broken_lines(text: str) -> float:
    """The share of a page's lines that hold a single word (0 on a page of few lines)."""
    lines = [line for line in text.split("\n") if line.strip()]
    if len(lines) < BROKEN_MIN_LINES:
        return 0.0
    return sum(len(line.split()) == 1 for line in lines) / len(lines)


def doubled_letters(text: str) -> float:
    """The share of a page's words (four letters or more) read with every letter twice ("CCOOMMMM")."""
    words = _WORD4.findall(text)
    return sum(len(w) % 2 == 0 and w[0::2] == w[1::2] for w in words) / len(words) if words else 0.0


def _measures(text: str) -> tuple[float, float, float]:
    return run_together(text), broken_lines(text), doubled_letters(text)


LIMITS = (RESPACE_SHARE, BROKEN_SHARE, DOUBLED_SHARE)


def _reads_badly(text: str) -> bool:
    return any(measure > limit for measure, limit in zip(_measures(text), LIMITS))


def _reads_better(new: str, old: str) -> bool:
    """Whether a page's text as pdfium reads it mends what was wrong with it and breaks nothing."""
    now, was = _measures(new), _measures(old)
    return (all(n <= max(w, limit) for n, w, limit in zip(now, was, LIMITS))
            and any(n < w for n, w in zip(now, was)))


def _reread(path: Path, pages: list[Page]) -> None:
    """Pages whose text layer reads badly are read again by pdfium, which builds spaces and lines
    from the glyphs' positions and drops a glyph drawn twice in one place: words run together
    ("Tuesday,January10,2023"), one word a line, or every letter twice. pdfium's text is kept when
    it reads better."""
    poor = [page for page in pages if has_text(page.text) and _reads_badly(page.text)]
    if not poor:
        return
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(str(path))
    except Exception:  # noqa: BLE001 - pdfium cannot open what pypdf could: keep pypdf's text
        return
    try:
        for page in poor:
            try:
                text = document[page.number - 1].get_textpage().get_text_range().replace("\r\n", "\n").replace("\r", "\n")
            except Exception:  # noqa: BLE001 - keep the page as pypdf read it
                continue
            if has_text(text) and _reads_better(text, page.text):
                pages[page.number - 1] = replace(page, text=text.replace("\x00", ""))
    finally:
        document.close()


def _split_by_word_list(pages: list[Page]) -> None:
    """A page still crowded when the glyph positions give no spaces either: its long runs split by a word list."""
    for index, page in enumerate(pages):
        if has_text(page.text) and run_together(page.text) > RUN_TOGETHER_SHARE:
            pages[index] = replace(page, text=split_runs(page.text), split_by_word_list=True)


_LONG_RUN = re.compile(rf"[^\W\d_]{{{LONG_RUN},}}")


def split_runs(text: str) -> str:
    """Runs of letters too long for a word split into the likeliest words of an English word list
    (wordninja: "Staffrecommendsapprovethe" -> "Staff recommends approve the"); the last resort
    when the PDF's glyph positions give no spaces either."""
    import wordninja

    return _LONG_RUN.sub(lambda run: " ".join(wordninja.split(run.group())) or run.group(), text)


GARBLED_LETTER_SHARE = 0.3  # of a page's visible characters (seen: 0.64+ even on budget tables, 0.0 when garbled)


def garbled(text: str) -> bool:
    """Whether a page's text layer is not words: too few of its visible characters are letters (a
    font without a usable character map gives control codes and punctuation for every glyph)."""
    return sum(map(len, LETTERS.findall(text))) < GARBLED_LETTER_SHARE * len("".join(text.split()))


def has_text(text: str) -> bool:
    """Whether a page has a usable text layer (a scan's has none, or a few stray characters)."""
    return len("".join(text.split())) >= MIN_PAGE_CHARS


def _short(exc: Exception) -> str:
    """An exception as one short line for the summary."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 160 else text[:157] + "..."


_BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "tr", "table", "section", "article", "header", "footer",
    "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "hr", "dd", "dt",
}
_CELL_TAGS = {"td", "th"}
_SKIP_TAGS = {"script", "style", "head", "noscript", "template", "svg"}


def _list_marker(kind: str, n: int) -> str:
    """The number a browser shows before the ``n``th item of an ``<ol type=kind>``."""
    return english.list_numeral(n, kind) + "."


class _TextExtractor(HTMLParser):
    """The text a browser shows: whitespace in the source is a space, block elements start lines, and
    list items carry the numbers or bullets the browser draws (a CMS stores "a) accept the apology"
    as ``<ol type="a"><li>accept the apology``)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0
        self._lists: list[list] = []  # [type, next number] of each open list, innermost last
        self._pre = 0  # inside <pre>, where the source's own line breaks and spaces are shown

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _SKIP_TAGS:
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")
        elif tag in _CELL_TAGS:
            self.parts.append("\t")
        if tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            self.parts.append("#" * int(tag[1]) + " ")
        if tag == "pre":
            self._pre += 1
        elif tag in ("ol", "ul"):
            named = dict(attrs)
            start = named.get("start") or ""
            self._lists.append(["ul" if tag == "ul" else named.get("type") or "1", int(start) if start.isdigit() else 1])
        elif tag == "li" and self._lists:
            kind, n = self._lists[-1]
            self.parts.append("• " if kind == "ul" else _list_marker(kind, n) + " ")
            self._lists[-1][1] += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")
        if tag == "pre":
            self._pre = max(0, self._pre - 1)
        elif tag in ("ol", "ul") and self._lists:
            self._lists.pop()

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data if self._pre else re.sub(r"\s+", " ", data))


def html_to_text(html: str) -> str:
    """Visible text of an HTML page, a line per block element, headings marked, list items numbered.

    No blank line stands between blocks: HTML minutes give each line of a motion ("Moved by ...",
    "Seconded by ...", "THAT ...") and a list's lead-in ("That the Board:") a paragraph of its own,
    which blank lines would part as the paper's paragraphs; a PDF's text gives none either."""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) if "\t" not in line else line.strip() for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line) + "\n"
