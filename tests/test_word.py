"""Word documents (.docx) are papers too: read with their headings, Word's own list numbers, tables
and pages; a folder's papers in formats not read are said, not passed over silently."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import httpx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from minutebook.ingest.pipeline import find_files
from minutebook.ingest.read import UnreadableFile, read_pages
from minutebook.search.service import Minutebook
from minutebook.search.storage.build import build_index
from minutebook.settings import load_settings

from .conftest import serve


def _word_list(document, num_id: str, format_: str, text: str, start: int = 1) -> str:
    """A numbering definition of its own (Word's ``format_`` drawn as ``text``, from ``start``): its numId."""
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{num_id}"><w:lvl w:ilvl="0"><w:start w:val="{start}"/>'
        f'<w:numFmt w:val="{format_}"/><w:lvlText w:val="{text}"/></w:lvl></w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{num_id}"/></w:num>'))
    return num_id


def _numbered(paragraph, num_id: str) -> None:
    paragraph._p.get_or_add_pPr().append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'))


def write_minutes(path: Path, rendered_break: bool = False) -> Path:
    """Parish-council minutes as a clerk keeps them in Word: a title, numbered minutes as headings,
    lists Word numbers, a motion's lines parted by a soft break, an action table, and a second page
    (a page break the clerk put in, or, as Word saves a file, where Word last broke the pages)."""
    document = docx.Document()
    document.add_heading("Quayford Parish Council", 0)
    document.add_paragraph("Minutes of the meeting of the Parish Council held on 14 March 2024 at the Village Hall")
    document.add_heading("Minutes", level=2)
    _numbered(document.add_heading("Apologies", level=3), _word_list(document, "91", "decimal", "%1."))  # an item Word numbers itself
    document.add_heading("24/031 Apologies", level=1)
    document.add_paragraph("Apologies were received from Cllr Ash.")
    document.add_heading("24/032 Playing field", level=1)
    document.add_paragraph("The council considered three quotes for the new goalposts:")
    letters = _word_list(document, "90", "lowerLetter", "%1)", start=3)  # Word draws "c)", "d)"
    for line in ("Quayford Sports at £1,250", "Harbour Leisure at £1,480"):
        _numbered(document.add_paragraph(line), letters)
    for line in ("First reading of the play area policy", "Second reading of the play area policy"):
        document.add_paragraph(line, style="List Number")
    if rendered_break:  # Word's own record of where it broke the page when it saved the file
        document.add_paragraph("").add_run()._r.append(parse_xml(f'<w:lastRenderedPageBreak {nsdecls("w")}/>'))
        document.add_paragraph("This line is on the page after Word's break.").runs[0]._r.insert(
            0, parse_xml(f'<w:lastRenderedPageBreak {nsdecls("w")}/>'))
    else:
        document.add_page_break()
    document.add_heading("24/033 Grass cutting", level=1)
    motion = document.add_paragraph("Proposed by Cllr Birch")
    motion.add_run().add_break()
    motion.add_run("Seconded by Cllr Dorr")
    document.add_paragraph("RESOLVED that the grass cutting contract be awarded to Greenway Grounds for £2,300 a year.")
    table = document.add_table(rows=2, cols=3)
    for r, row in enumerate([("Item", "Action", "Owner"), ("Noticeboard", "Repaint the noticeboard by May", "Clerk")]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.save(str(path))
    return path


def test_word_is_read_with_its_headings_list_numbers_tables_and_pages(tmp_path: Path):
    pages = list(read_pages(write_minutes(tmp_path / "minutes.docx")))
    assert [p.number for p in pages] == [1, 2]
    first, second = pages[0].text.splitlines(), pages[1].text.splitlines()
    assert first[0] == "# Quayford Parish Council"
    assert "# 24/032 Playing field" in first and "### 1. Apologies" in first  # a heading Word numbers keeps its number
    # Word draws the markers; the document holds only the list's numbering
    assert "c) Quayford Sports at £1,250" in first and "d) Harbour Leisure at £1,480" in first
    assert "1. First reading of the play area policy" in first and "2. Second reading of the play area policy" in first
    assert second[:3] == ["# 24/033 Grass cutting", "Proposed by Cllr Birch", "Seconded by Cllr Dorr"]  # a soft break starts a line
    assert "\tNoticeboard\tRepaint the noticeboard by May\tClerk" in second


def test_where_word_broke_the_pages_they_are_the_pages(tmp_path: Path):
    pages = list(read_pages(write_minutes(tmp_path / "saved.docx", rendered_break=True)))
    assert len(pages) == 2
    assert pages[1].text.startswith("This line is on the page after Word's break.")
    assert "Second reading of the play area policy" in pages[0].text and "24/033 Grass cutting" in pages[1].text


@pytest.mark.parametrize("content, reason", [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "password-protected or in the old .doc format"),
    (b"PK\x03\x04 but not really a zip", "not a Word document"),
    (None, "not a Word document"),  # a zip package with no document in it
])
def test_bad_word_files_raise_a_readable_reason(tmp_path: Path, content, reason):
    path = tmp_path / "minutes.docx"
    if content is None:
        with zipfile.ZipFile(path, "w") as package:
            package.writestr("notes.txt", "hello")
    else:
        path.write_bytes(content)
    with pytest.raises(UnreadableFile, match=reason):
        list(read_pages(path))


def test_a_folders_word_papers_are_read_and_papers_in_formats_not_read_are_said(tmp_path: Path):
    write_minutes(tmp_path / "minutes.docx")
    (tmp_path / "old-minutes.doc").write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    (tmp_path / "agenda.rtf").write_text("{\\rtf1 Agenda}")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    found = find_files([tmp_path])
    assert [p.name for p in found.files] == ["minutes.docx"]
    said = {Path(n.source).name: n.reason for n in found.passed_over}
    assert set(said) == {"old-minutes.doc", "agenda.rtf"}  # an image is no paper: passed over silently
    assert "save it as .docx or PDF" in said["old-minutes.doc"]


def test_word_minutes_are_searched_cited_by_page_and_served(tmp_path: Path, embedder):
    folder = tmp_path / "papers"
    folder.mkdir()
    write_minutes(folder / "minutes-2024-03-14.docx")
    settings = load_settings(index_dir=tmp_path / "index")
    report = build_index([folder], settings, embedder, progress=False)
    assert report.skipped == [] and report.documents == 1
    library = Minutebook(settings)
    [paper] = library.index.conn.execute("SELECT id, type, meeting_date FROM documents").fetchall()
    assert (paper["type"], paper["meeting_date"]) == ("minutes", "2024-03-14")
    rows = library.index.conn.execute("SELECT kind, text, page FROM decisions WHERE kind = 'resolution'").fetchall()
    assert [(r["text"], r["page"]) for r in rows] == [
        ("RESOLVED that the grass cutting contract be awarded to Greenway Grounds for £2,300 a year.", 2)]
    answer = library.chat([{"role": "user", "content": "Who was awarded the grass cutting contract?"}])
    assert answer.found and "Greenway Grounds" in answer.answer
    assert answer.citations[0].page == 2
    server = serve(settings.index_dir)
    url = next(server)
    try:
        served = httpx.get(f"{url}/files/{paper['id']}", timeout=30)
        assert served.status_code == 200
        assert served.headers["content-type"].startswith("application/vnd.openxmlformats-officedocument.wordprocessingml")
        assert served.content == (folder / "minutes-2024-03-14.docx").read_bytes()
        page = httpx.get(f"{url}/ask", params={"q": "Who was awarded the grass cutting contract?"}, timeout=30).text
        assert "Page 2" in page
    finally:
        server.close()
