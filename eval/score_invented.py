"""Score decisions on the invented papers of eval/invented, written and labelled without sight of any real paper.

    python eval/score_invented.py [--show] [--json] [--as-pdf | --as-scan | --as-html | --as-printed | --as-pleading | --as-word]

``--as-pdf`` writes each paper as a PDF first (fpdf2, the test extra: its lines wrapped at an A4
page's width, its pages broken where they fill, a footer on each) and reads it back as ingest reads a
PDF, so what reading a PDF costs the decisions (wrapped lines, page breaks, page furniture) shows
beside the text's figures. ``--as-scan`` goes on to draw that PDF's pages as images (200 dpi, grey, no
text layer, as a scanner makes them) and reads them back through OCR, as ingest reads a scan.
``--as-pleading`` writes the PDF as pleading paper does, every line numbered down the left margin.
``--as-table`` sets each paper as a clerk sets minutes in a word processor's table (a row per
numbered item: its number, its minute, and the owners its lines end with, "Action: Clerk", in a
column of their own) and prints it to PDF with Chromium. ``--as-html`` writes each paper as a web page the way a CMS stores minutes (a ``<p>`` per line, a run
of numbered, lettered or bulleted lines as an ``<ol>`` or ``<ul>`` without its markers) and reads it
back as ingest reads HTML. ``--as-printed`` prints that web page to PDF with headless Chromium
(Debian's ``chromium``), its header and footer on (the time printed, the page's address, "2/6"), as
a council's web minutes are saved, and reads the PDF back. ``--as-word`` writes each paper as a Word
document (.docx) as a clerk keeps one: a paragraph per line, its lists Word's own numbered lists (the
markers drawn from Word's numbering, not typed), its tab-separated rows a table.

Twelve papers in as many house styles (UK parish, community and town councils, a village hall's
trustees, a residents' association; a US city council, school board, utility board, county board and
planning agenda; a Canadian township) are development data for the forms decisions take: a change
that reads a new form must find more here without lowering precision here or on the real papers
(``score_wide.py``). Found and precision are judged as ``score_wide.py`` judges them.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "eval"))

import score_wide  # noqa: E402
from minutebook.ingest.ocr import Ocr  # noqa: E402
from minutebook.ingest.decision_text import parse_marker  # noqa: E402
from minutebook.ingest.read import read_pages  # noqa: E402
from minutebook.settings import load_settings  # noqa: E402
from minutebook.ingest.structure import build_documents  # noqa: E402

INVENTED = ROOT / "eval" / "invented"


UNICODE_FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")  # Debian's fonts-dejavu-core


def _paper(text: str, footer: bool = False):
    """An A4 fpdf2 document set in the body font, and ``text`` as that font can print it."""
    from fpdf import FPDF  # the test extra

    class Paper(FPDF):
        def footer(self) -> None:  # as minutes are signed page by page
            if footer:
                self.set_y(-15)
                self.cell(0, 5, f"Signed .......................... Chair        Page {self.page_no()}", align="C")

    pdf = Paper(format="A4")
    if UNICODE_FONT.exists():
        pdf.add_font("body", fname=str(UNICODE_FONT))
        pdf.set_font("body", size=10)
    else:  # the core font is Latin-1: other letters lose their accents, dashes and quotes their shape
        pdf.set_font("Helvetica", size=10)
        text = "".join(ch if ord(ch) < 256 else unicodedata.normalize("NFKD", ch)[0] for ch in
                       text.translate(str.maketrans("‘’“”–—…", "''\"\"--.")))
    return pdf, text


def as_pdf(text: str, path: Path) -> Path:
    """``text`` written as an A4 PDF, a paragraph per line, wrapped at the page's width, with a footer."""
    pdf, text = _paper(text, footer=True)
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.add_page()
    for line in text.split("\n"):
        if line.strip():
            pdf.multi_cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.ln(3)
    pdf.output(str(path))
    return path


def as_pleading(text: str, path: Path) -> Path:
    """``text`` as an A4 PDF with each line numbered in the left margin, from 1 on every page."""
    pdf, text = _paper(text)
    pdf.set_auto_page_break(auto=False)
    pdf.add_page()
    number, y = 0, 20.0
    for paragraph in text.split("\n"):
        if not paragraph.strip():
            y += 3
            continue
        for line in pdf.multi_cell(170, 5, paragraph, dry_run=True, output="LINES"):
            if y > 270:
                pdf.add_page()
                number, y = 0, 20.0
            number += 1
            pdf.set_xy(8, y)
            pdf.cell(8, 5, str(number), align="R")
            pdf.set_xy(25, y)
            pdf.cell(170, 5, line)
            y += 5
    pdf.output(str(path))
    return path


def as_scan(pdf: Path, path: Path, dpi: int = 200) -> Path:
    """``pdf``'s pages drawn as grey images and bound as a PDF with no text layer: a scan of it."""
    import pypdfium2

    document = pypdfium2.PdfDocument(str(pdf))
    try:
        images = [document[n].render(scale=dpi / 72).to_pil().convert("L") for n in range(len(document))]
    finally:
        document.close()
    images[0].save(path, save_all=True, append_images=images[1:], resolution=dpi)
    return path


# The <ol> type a browser numbers each marker family in; other families (2.1, APPROVE) stay paragraphs.
_LIST_TYPES = {"bullet": "ul", "number": "1", "letter": "a", "roman": "i"}


def _closing(kind: str) -> str:
    return "</ul>" if kind == "ul" else "</ol>"


def as_html(text: str) -> str:
    """``text`` as a CMS stores it: each line a paragraph, each run of list items (as ingest reads
    their markers) an ``<ol>`` of its type or a ``<ul>``, with the markers left to the browser, and
    each run of tab-separated lines a ruled table."""
    out, open_list, table = ["<html><body>"], None, False
    for line in text.split("\n"):
        if "\t" in line:  # a table's row, cells parted by tabs: its first row is its header
            if open_list:
                out.append(_closing(open_list))
                open_list = None
            tag = "td" if table else "th"
            out.append(("" if table else "<table border=1>") + "<tr>" + "".join(f"<{tag}>{html.escape(cell)}</{tag}>" for cell in line.split("\t")) + "</tr>")
            table = True
            continue
        if table:
            out.append("</table>")
            table = False
        marker = parse_marker(line.strip())
        kind = _LIST_TYPES.get(marker.family) if marker else None
        if kind in ("a", "i") and line.strip().lstrip("(")[:1].isupper():
            kind = kind.upper()  # "A.", "(IV)": the browser draws capitals for type "A" and "I"
        if open_list and kind != open_list:
            out.append(_closing(open_list))
            open_list = None
        if kind:
            if not open_list:
                start = f' start="{marker.value}"' if kind == "1" and marker.value != "1" else ""
                out.append("<ul>" if kind == "ul" else f'<ol type="{kind}"{start}>')
                open_list = kind
            out.append(f"<li>{html.escape(marker.rest)}</li>")
        elif line.strip():
            out.append(f"<p>{html.escape(line)}</p>")
    if open_list:
        out.append(_closing(open_list))
    if table:
        out.append("</table>")
    return "\n".join([*out, "</body></html>"])


_WORD_FORMATS = {"ul": "bullet", "1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman"}


def as_word(text: str, path: Path) -> Path:
    """``text`` as a clerk keeps it in Word: each line a paragraph, each run of list items (as
    ingest reads their markers) one of Word's own numbered or bulleted lists, its markers drawn by Word
    from its numbering (its format and first number), and each run of tab-separated lines a table."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    numbering = document.part.numbering_part.element
    table_rows: list[list[str]] = []
    list_id, list_kind = None, None

    def new_list(kind: str, start: str) -> str:
        number = str(len(numbering.findall(f"{{{numbering.nsmap['w']}}}num")) + 100)
        text_of = "\u2022" if kind == "ul" else "%1."
        numbering.insert(0, parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{number}"><w:lvl w:ilvl="0"><w:start w:val="{start}"/>'
            f'<w:numFmt w:val="{_WORD_FORMATS[kind]}"/><w:lvlText w:val="{text_of}"/></w:lvl></w:abstractNum>'))
        numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{number}"><w:abstractNumId w:val="{number}"/></w:num>'))
        return number

    def flush_table() -> None:
        if table_rows:
            table = document.add_table(rows=len(table_rows), cols=max(len(row) for row in table_rows))
            for r, row in enumerate(table_rows):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
            table_rows.clear()

    for line in text.split("\n"):
        if "\t" in line:
            table_rows.append(line.split("\t"))
            list_id = None
            continue
        flush_table()
        marker = parse_marker(line.strip())
        kind = _LIST_TYPES.get(marker.family) if marker else None
        if kind in ("a", "i") and line.strip().lstrip("(")[:1].isupper():
            kind = kind.upper()
        if not kind:
            list_id = None
            if line.strip():
                document.add_paragraph(line)
            continue
        if list_id is None or kind != list_kind:
            start = marker.value if kind == "1" and str(marker.value).isdigit() else "1"
            list_id, list_kind = new_list(kind, start), kind
        paragraph = document.add_paragraph(marker.rest)
        paragraph._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{list_id}"/></w:numPr>'))
    flush_table()
    document.save(str(path))
    return path


# A line that opens a numbered item ("7.", "3.2", "24/041", "B."), and an owner named at a line's end
# ("... to the county. Action: Clerk").
_ITEM = re.compile(r"^(\d{1,3}(?:\.\d{1,2})?\.?|\d{2,4}/\d{1,4}\.?|[A-Z]\.)\s+(\S.*)$")
_OWNER = re.compile(r"\s*\bAction\s*[:–-]\s*([^.]{1,40})\.?\s*$", re.IGNORECASE)


def as_table(text: str) -> str:
    """``text`` as a clerk sets minutes in a word processor's table: a row per numbered item with its
    number, its minute (a paragraph per line) and, in a column of their own, the owners its lines
    name at their end ("Action: Clerk"); the lines before the first item stand above the table."""
    head: list[str] = []
    rows: list[tuple[str, list[str]]] = []
    for line in text.split("\n"):
        item = _ITEM.match(line.strip())
        if item:
            rows.append((item[1], [item[2]]))
        elif line.strip():
            (rows[-1][1] if rows else head).append(line.strip())
    out = ["<html><head><style>table{border-collapse:collapse;width:100%}td,th{border:1px solid #444;vertical-align:top;"
           "padding:3px}td.n{width:8%}td.a{width:14%}</style></head><body>", *(f"<p>{html.escape(line)}</p>" for line in head),
           "<table><tr><th>Item</th><th>Minute</th><th>Action</th></tr>"]
    for number, lines in rows:
        owners = [m[1] for line in lines if (m := _OWNER.search(line))]
        minute = "".join(f"<p>{html.escape(_OWNER.sub('', line))}</p>" for line in lines if _OWNER.sub("", line).strip())
        out.append(f'<tr><td class="n">{html.escape(number)}</td><td>{minute}</td><td class="a">{html.escape(", ".join(owners))}</td></tr>')
    return "\n".join([*out, "</table></body></html>"])


def as_printed(page: Path, path: Path) -> Path:
    """The web page ``page`` printed to a PDF by headless Chromium, with its header and footer."""
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--no-first-run", f"--user-data-dir={path.parent / 'profile'}", f"--print-to-pdf={path}", page.as_uri()],
                   capture_output=True, timeout=120, check=True)
    return path


WAYS = ("text", "pdf", "scan", "html", "printed", "pleading", "table", "word")


def written(way: str, path: Path, folder: Path) -> Path:
    """The invented paper ``path`` as a file of the kind ``way`` names, written into ``folder``."""
    stem, text = folder / path.stem, path.read_text()
    if way == "text":
        return path
    if way in ("pdf", "scan"):
        pdf = as_pdf(text, stem.with_suffix(".pdf"))
        return as_scan(pdf, folder / f"{path.stem}-scan.pdf") if way == "scan" else pdf
    if way == "pleading":
        return as_pleading(text, stem.with_suffix(".pdf"))
    if way == "word":
        return as_word(text, stem.with_suffix(".docx"))
    if way == "table":
        page = folder / f"{path.stem}-table.html"
        page.write_text(as_table(text))
        return as_printed(page, page.with_suffix(".pdf"))
    page = stem.with_suffix(".html")
    page.write_text(as_html(text))
    return as_printed(page, stem.with_suffix(".pdf")) if way == "printed" else page


def score(way: str = "text") -> list[dict]:
    """One record per paper: labels found and rows holding a label, with what was missed and added,
    each paper read as ingest reads it from the file ``way`` writes (see WAYS and the module's doc)."""
    labels = json.loads((INVENTED / "labels.json").read_text())["papers"]
    ocr = Ocr.from_settings(load_settings()) if way == "scan" else None
    records = []
    with tempfile.TemporaryDirectory(prefix="invented-") as folder:
        for name, golds in labels.items():
            paper = written(way, INVENTED / name, Path(folder))
            documents = build_documents(list(read_pages(paper, ocr)), score_wide.file_hash(paper), 1200)
            records.append(_record(name, golds, documents))
    return records


def _record(name: str, golds: list[dict], documents: list) -> dict:
    """A paper's labels found and rows holding a label, with what was missed and added."""
    rows = score_wide.decision_rows(documents)
    found = score_wide.finders(rows, golds)
    right = {i for hits in found for i in hits}
    return {
        "paper": name, "labels": len(golds), "found": sum(bool(hits) for hits in found), "rows": len(rows), "rows_right": len(right),
        "missed": [f"{g['kind']}: {g['snippet']}" for g, hits in zip(golds, found) if not hits],
        "extra": [f"{r.kind}: {r.text[:120]}" for i, r in enumerate(rows) if i not in right],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="list each paper's missed and extra decisions")
    parser.add_argument("--json", action="store_true", help="print the records as JSON")
    ways = parser.add_mutually_exclusive_group()
    for way, says in (("pdf", "a PDF written from it"), ("scan", "a scan of that PDF, by OCR"), ("html", "a web page written from it"),
                      ("printed", "that web page printed to PDF by Chromium"), ("pleading", "a PDF with its lines numbered in the margin"),
                      ("table", "minutes set as a table (item, minute, action) printed to PDF by Chromium"),
                      ("word", "a Word document (.docx) written from it, its lists numbered by Word")):
        ways.add_argument(f"--as-{way}", dest="way", action="store_const", const=way, default="text", help=f"read each paper from {says}")
    args = parser.parse_args()
    records = score(args.way)
    if args.json:
        print(json.dumps(records, indent=1))
        return 0
    for r in records:
        print(f"{r['paper'][:52]:<54}found {score_wide._ratio(r['found'], r['labels']):>14}   precision {score_wide._ratio(r['rows_right'], r['rows']):>14}")
        if args.show:
            print("".join(f"    MISS  {m}\n" for m in r["missed"]) + "".join(f"    EXTRA {e}\n" for e in r["extra"]), end="")
    found, labels = sum(r["found"] for r in records), sum(r["labels"] for r in records)
    right, rows = sum(r["rows_right"] for r in records), sum(r["rows"] for r in records)
    print(f"{'ALL':<54}found {score_wide._ratio(found, labels):>14}   precision {score_wide._ratio(right, rows):>14}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
