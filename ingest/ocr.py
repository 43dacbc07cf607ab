"""Read the pages of a PDF that have no text layer (scans) by OCR, and only those.

A page is rendered (pypdfium2) and its words recognised by Tesseract 5 (Debian's ``tesseract-ocr``),
one thread per page: on two cores a threaded Tesseract spends its time waiting (measured on a
scanned minutes page at 200 dpi: 8.9 s threaded, 1.2 s with one thread). Words keep Tesseract's
lines, so structure and decisions read an OCR'd page as any other. What Tesseract said
(its TSV) is cached under the rendered image's hash, so a page is never recognised
twice. What could not be read (no engine, a page past the limits, a failure) is said, never
silently dropped.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ENGINE = "tesseract"


@dataclass(frozen=True)
class Recognised:
    text: str
    confidence: float  # mean word confidence, 0-1


@dataclass(frozen=True)
class Ocr:
    """How pages without text are read: ``engine`` "tesseract" or "off"."""

    engine: str = ENGINE
    dpi: int = 300
    page_seconds: float = 60.0  # a page that takes longer is left unread and reported
    max_pages: int = 100  # pages per file; the rest are reported
    cache: Path | None = None  # folder of recognised pages, by image hash
    on_page: Callable[[Path, int, int], None] | None = None  # told (file, n, of) before each page, for progress
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)  # Tesseract processes run at once

    @classmethod
    def from_settings(cls, settings, on_page: Callable[[Path, int, int], None] | None = None) -> "Ocr":
        return cls(settings.ocr, settings.ocr_dpi, settings.ocr_page_seconds, settings.ocr_max_pages,
                   settings.model_cache / "ocr", on_page, settings.ocr_workers)

    def missing(self) -> str | None:
        """Why pages cannot be OCR'd here, or None when they can."""
        if self.engine == "off":
            return "OCR is off (MINUTEBOOK_OCR=off)"
        if shutil.which("tesseract") is None:
            return "Tesseract is not installed (apt-get install tesseract-ocr)"
        return None

    def fingerprint(self) -> str:
        """What the parsed text depends on: a parse cached without OCR is read again with it."""
        return "off" if self.missing() else f"{self.engine}-{self.dpi}"

    def read(self, path: Path, numbers: list[int]) -> tuple[dict[int, Recognised], dict[int, str]]:
        """The pages ``numbers`` of ``path`` recognised, and the reason for each page that was not."""
        reason = self.missing()
        if reason:
            return {}, {n: reason for n in numbers}
        import pypdfium2

        done: dict[int, Recognised] = {}
        failed: dict[int, str] = {}
        # pdfium renders one page at a time (it is not thread-safe); Tesseract, a process per page
        # with one thread each, reads up to ``workers`` pages at once. A few rendered pages wait at
        # most, so memory stays bounded.
        pending: dict[int, Future] = {}

        def collect(number: int) -> None:
            try:
                found = pending.pop(number).result()
                if found.text.strip():
                    done[number] = found
                else:
                    failed[number] = "OCR found no words (a blank or damaged image)"
            except subprocess.TimeoutExpired:
                failed[number] = f"OCR took over {self.page_seconds:g} s (MINUTEBOOK_OCR_PAGE_SECONDS)"
            except Exception as exc:  # noqa: BLE001 - a bad page costs that page only
                failed[number] = f"OCR failed ({' '.join(str(exc).split())[:120] or type(exc).__name__})"

        document = pypdfium2.PdfDocument(str(path))
        try:
            with ThreadPoolExecutor(max_workers=max(1, self.workers)) as pool:
                for count, number in enumerate(numbers):
                    if count >= self.max_pages:
                        failed[number] = f"past the {self.max_pages} pages OCR reads per file (MINUTEBOOK_OCR_MAX_PAGES)"
                        continue
                    if self.on_page is not None:
                        self.on_page(path, count + 1, len(numbers))
                    while len(pending) >= 2 * max(1, self.workers):
                        collect(next(iter(pending)))
                    try:
                        image = document[number - 1].render(scale=self.dpi / 72).to_pil().convert("L")
                    except Exception as exc:  # noqa: BLE001 - a page pdfium cannot draw costs that page only
                        failed[number] = f"OCR failed ({' '.join(str(exc).split())[:120] or type(exc).__name__})"
                        continue
                    pending[number] = pool.submit(self._recognise, image)
                for number in list(pending):
                    collect(number)
        finally:
            document.close()
        return done, failed

    def _recognise(self, image) -> Recognised:
        import io

        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
        png = buffer.getvalue()
        key = hashlib.sha256(png + f"{ENGINE}-{self.dpi}".encode()).hexdigest()
        cached = self.cache / f"{key}.json" if self.cache else None
        if cached and cached.exists():
            data = json.loads(cached.read_text())
            if "tsv" in data:  # what Tesseract said, so a change in how it is read needs no OCR again
                return from_tsv(data["tsv"])
        result = subprocess.run(
            ["tesseract", "stdin", "stdout", "--psm", "3", "-l", "eng", "tsv"], input=png, capture_output=True,
            timeout=self.page_seconds, env={**os.environ, "OMP_THREAD_LIMIT": "1"}, check=False,
        )
        if result.returncode != 0:
            raise RuntimeError(result.stderr.decode(errors="replace").strip().splitlines()[-1:] or "tesseract failed")
        tsv = result.stdout.decode("utf-8", errors="replace")
        if cached:
            cached.parent.mkdir(parents=True, exist_ok=True)
            tmp = cached.with_suffix(".tmp")
            tmp.write_text(json.dumps({"tsv": tsv}))
            tmp.replace(cached)
        return from_tsv(tsv)


# A blank line where the step down to a line is this many times the page's usual line step: a
# paragraph gap on the page, as a typist leaves one.
PARAGRAPH_GAP = 1.5


def from_tsv(tsv: str) -> Recognised:
    """Tesseract's TSV as text: words joined on their line, lines in Tesseract's reading order, a blank
    line where the page leaves a gap (PARAGRAPH_GAP); and the mean confidence of the words.

    Tesseract's own paragraphs are not used: it makes paragraphs of short lines ("Moved by Cllr Ash" /
    "Seconded by Cllr Fox" / "THAT Council ..."), which would part a motion from its words."""
    lines: dict[tuple[int, int, int], list[str]] = {}
    tops: dict[tuple[int, int, int], int] = {}
    confidences: list[float] = []
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) != 12 or not cells[11].strip():
            continue
        key = (int(cells[2]), int(cells[3]), int(cells[4]))
        lines.setdefault(key, []).append(cells[11].strip())
        tops[key] = min(tops.get(key, int(cells[7])), int(cells[7]))
        confidence = float(cells[10])
        if confidence >= 0:
            confidences.append(confidence / 100)
    order = sorted(lines)
    steps = [tops[b] - tops[a] for a, b in zip(order, order[1:])]
    down = sorted(step for step in steps if step > 0)
    usual = down[len(down) // 2] if down else 0
    out = [" ".join(lines[order[0]])] if order else []
    for key, step in zip(order[1:], steps):
        if usual and step > PARAGRAPH_GAP * usual:
            out.append("")
        out.append(" ".join(lines[key]))
    return Recognised("\n".join(out), sum(confidences) / len(confidences) if confidences else 0.0)
