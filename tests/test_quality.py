"""Only papers are papers, and a poor text layer is said: housekeeping files in a folder are passed
over with a message; pages without text, with unreadable characters or with words run together are
reported by ingest instead of being indexed silently."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from minutebook.ingest.pipeline import find_files, parse_files
from minutebook.ingest.quality import text_warnings
from minutebook.ingest.read import (
    BROKEN_SHARE, DOUBLED_SHARE, RUN_TOGETHER_SHARE, broken_lines, doubled_letters, file_hash, read_pages, run_together,
)
from minutebook.ingest.structure import build_documents
from minutebook.vocabulary import Page

from .paperkit import write_pdf

MINUTES = ("Minutes of the Harbour Board held on 3 March 2022\n"
           "12. Dredging contract\nRESOLVED that the dredging contract be awarded to the lowest tender.")


def test_a_folders_readme_and_licence_are_passed_over_unless_asked_for(tmp_path: Path):
    (tmp_path / "README.md").write_text("# Papers\nThese are the board's papers. RESOLVED that nothing.")
    (tmp_path / "LICENSE.txt").write_text("Permission is hereby granted ...")
    (tmp_path / "minutes.txt").write_text(MINUTES)
    found = find_files([tmp_path])
    assert [p.name for p in found.files] == ["minutes.txt"]
    assert sorted(Path(n.source).name for n in found.passed_over) == ["LICENSE.txt", "README.md"]
    assert all("not a board paper" in n.reason for n in found.passed_over)
    assert found.skipped == []
    everything = find_files([tmp_path], all_files=True)
    assert sorted(p.name for p in everything.files) == ["LICENSE.txt", "README.md", "minutes.txt"]
    named = find_files([tmp_path / "README.md"])  # a file named on the command line is always read
    assert [p.name for p in named.files] == ["README.md"] and named.passed_over == []


def test_a_paper_whose_name_starts_like_a_housekeeping_file_is_still_read(tmp_path: Path):
    write_pdf(tmp_path / "notice-of-meeting.pdf", [MINUTES])
    (tmp_path / "changes-to-parking-zones.txt").write_text(MINUTES)
    assert sorted(p.name for p in find_files([tmp_path]).files) == ["changes-to-parking-zones.txt",
                                                                    "notice-of-meeting.pdf"]


def test_poor_text_layers_are_reported_page_by_page():
    good = "The committee resolved to approve the budget for the coming year, as set out in the report. " * 3
    pages = [
        Page("x.pdf", 1, good),
        Page("x.pdf", 2, ""),
        Page("x.pdf", 3, "6',8/398+74,8.+2++8 3'/ 2+8,/ 8.8+ 6',2/398+ 74,8.+2 ++8.7 " * 4),
        Page("x.pdf", 4, "Thecommitteeresolvedtoapprovethebudgetforthecomingyear asset outinthereport. " * 3),
    ]
    warnings = text_warnings(pages)
    assert len(warnings) == 3
    assert warnings[0].startswith("no text on 1 of 4 pages (2)")
    assert warnings[1].startswith("unreadable characters on 1 of 4 pages (3)")
    assert warnings[2].startswith("words run together on 1 of 4 pages (4)")
    assert text_warnings([pages[0]]) == []
    # a table of figures is not "unreadable": it still has words
    table = "Library fund 2020 1,234,567 1,300,000 5.3% Building fund 2020 45,000 50,000 11.1% " * 5
    assert text_warnings([Page("t.pdf", 1, table)]) == []


def test_ingest_reports_a_pdf_with_a_page_without_text(tmp_path: Path):
    path = write_pdf(tmp_path / "pack.pdf", [MINUTES, ""])
    [parsed] = list(parse_files([path], 1200))
    assert parsed.warnings == ["no text on 1 of 2 pages (2) (scanned images; not searchable without OCR)"]


SHARED_PAPERS = Path(__file__).resolve().parents[2] / "shared" / "papers"


@pytest.mark.skipif(not SHARED_PAPERS.exists(), reason="needs ../shared/papers")
def test_words_run_together_get_their_spaces_back_from_the_glyph_positions():
    # A real agenda whose text layer, read by pypdf, is "Tuesday,January10,2023" and "CityofHermosaBeach".
    path = next(SHARED_PAPERS.glob("*/hermosa_beach_agenda_1.pdf"))
    pages = list(read_pages(path))
    assert "Tuesday, January 10, 2023" in pages[0].text and "City of Hermosa Beach" in pages[0].text
    assert max(run_together(page.text) for page in pages) < RUN_TOGETHER_SHARE and text_warnings(pages) == []
    [first, *_] = build_documents(pages, file_hash(path), 1200)
    assert (first.document.meeting_date, first.document.organisation) == ("2023-01-10", "City of Hermosa Beach")


def test_words_with_no_spaces_anywhere_are_split_by_a_word_list_and_said_so(tmp_path):
    crowded = "Recommendation:StaffrecommendsthattheCityCouncilapprovetheminutesoftheregularmeeting. " * 3
    path = write_pdf(tmp_path / "agenda.pdf", ["City Council Agenda, 10 January 2023\n" + crowded])
    [page] = list(read_pages(path))
    assert "Staff recommends that the City Council approve the minutes of the regular meeting" in page.text
    assert text_warnings([page]) == ["words ran together on its only page and were split by an English word list "
                                     "(check names and figures against the original)"]


WORD_PLACED_MINUTES = """Minutes of the 12th meeting of the Harbour Community Council held on 4 March 2024
1. Members present were: A Lund (chair), B Okafor and C Ferreira.
2. Apologies were received from D Nash.
3. Recruitment. Agreed to hold a stall at the spring fair on 20
April to find new members, and to print leaflets for it.
4. Planning. The council had no objection to the extension at 4 Quay Street.
5. Date of next meeting: 8 April 2024 at 7 pm."""


def test_a_page_whose_words_are_placed_one_by_one_is_read_in_lines(tmp_path):
    # Google Docs' renderer places each word as a text object of its own: pypdf reads one word a
    # line, which broke headings after their first word and made "20 / April" a numbered heading.
    from pypdf import PdfReader

    from .paperkit import write_word_placed_pdf

    path = write_word_placed_pdf(tmp_path / "minutes.pdf", [WORD_PLACED_MINUTES])
    assert broken_lines(PdfReader(path).pages[0].extract_text()) > BROKEN_SHARE  # the defect is there to mend
    [page] = list(read_pages(path))
    assert "3. Recruitment. Agreed to hold a stall at the spring fair on 20" in page.text.split("\n")
    assert broken_lines(page.text) < BROKEN_SHARE and text_warnings([page]) == []
    [first, *_] = build_documents([page], file_hash(path), 1200)
    assert first.document.meeting_date == "2024-03-04"
    sections = {chunk.section for chunk in first.chunks}
    assert not any("April" in (section or "") for section in sections), sections
    [recruitment] = [" ".join(chunk.text.split()) for chunk in first.chunks if "Recruitment" in chunk.text]
    assert "spring fair on 20 April to find new members" in recruitment


def test_lines_still_broken_a_word_at_a_time_are_said_so():
    text = "\n".join(WORD_PLACED_MINUTES.split())
    assert text_warnings([Page("m.pdf", 1, text)]) == [
        "one word a line on its only page (the text layer places each word apart; headings and sentences may be read broken)"]


def test_a_page_printed_with_a_shadow_is_read_once_per_letter(tmp_path):
    # A shadow or fake bold draws each letter twice a hair apart: pypdf reads "JJAANNUUAARRYY  99".
    from pypdf import PdfReader

    from .paperkit import write_shadowed_pdf

    schedule = "HARBOUR COMMISSION\n2025 MEETING SCHEDULE\nHeld every 2nd Thursday at 7 pm\nJANUARY 9\nMARCH 13\nJULY 10"
    path = write_shadowed_pdf(tmp_path / "schedule.pdf", [schedule])
    assert doubled_letters(PdfReader(path).pages[0].extract_text()) > DOUBLED_SHARE  # the defect is there to mend
    [page] = list(read_pages(path))
    assert [line.strip() for line in page.text.split("\n")][:4] == schedule.split("\n")[:4]
    assert doubled_letters(page.text) == 0 and text_warnings([page]) == []
    assert doubled_letters("Committee approved the Mississippi accounts; the booklet was reissued") == 0
    unmended = replace(page, text=PdfReader(path).pages[0].extract_text())  # as when pdfium cannot open it
    assert text_warnings([unmended]) == ["letters read twice on its only page (the text layer draws each letter "
                                         "twice, as a shadow; search finds fewer of those words)"]
