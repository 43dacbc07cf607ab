"""Scanned pages are read by OCR (Tesseract), and only pages without a text layer; what could not be
read is said. The scans are made here: text drawn on an image, wrapped as a PDF page."""

from __future__ import annotations

import json
import shutil

import pytest

from minutebook.ingest.ocr import Ocr, from_tsv
from minutebook.ingest.pipeline import parse_files
from minutebook.ingest.read import UnreadableFile, read_pages
from minutebook.ingest.structure import build_documents

from .paperkit import write_scanned_pdf

pytestmark = pytest.mark.skipif(shutil.which("tesseract") is None, reason="needs Debian's tesseract-ocr")

SCANNED_MINUTES = """MINUTES OF THE MEETING OF BARNBY PARISH COUNCIL
held on Tuesday 12 March 2024 at 7.30pm

Present: Councillors Ash, Birch and Cole

24/031 Playground
RESOLVED that the quote of 12,500 pounds for new fencing be approved.
AS to order the fencing."""

TYPED_COVER = "Barnby Parish Council\nPapers for the meeting of 12 March 2024\nThe signed minutes follow."


def test_a_scanned_page_is_read_and_a_typed_page_is_never_ocrd(tmp_path):
    path = write_scanned_pdf(tmp_path / "minutes.pdf", [(TYPED_COVER,), SCANNED_MINUTES])
    ocr = Ocr(cache=tmp_path / "ocr")
    cover, scan = read_pages(path, ocr)
    assert cover.ocr is None and "signed minutes follow" in cover.text
    assert scan.ocr is not None and scan.ocr > 0.8
    words = " ".join(scan.text.split()).lower()
    assert "resolved that the quote of 12,500 pounds for new fencing be approved" in words
    assert len(list((tmp_path / "ocr").glob("*.json"))) == 1  # the typed page was not rendered for OCR


def test_a_text_layer_that_is_not_words_is_read_by_ocr_from_the_page_as_printed(tmp_path):
    path = write_scanned_pdf(tmp_path / "minutes.pdf", [SCANNED_MINUTES], garbled_layer=True)
    [without] = read_pages(path, Ocr(engine="off"))
    assert without.ocr is None and "resolved" not in without.text.lower() and len(without.text.split()) > 10
    [page] = read_pages(path, Ocr(cache=tmp_path / "ocr"))
    assert page.ocr is not None and "resolved that the quote of 12,500 pounds" in " ".join(page.text.split()).lower()
    [parsed] = list(parse_files([path], 1200, ocr=Ocr(cache=tmp_path / "ocr")))
    assert parsed.warnings[0].startswith("read by OCR: its only page")
    [unread] = list(parse_files([path], 1200, ocr=Ocr(engine="off")))
    assert unread.warnings == ["unreadable characters on its only page (the text layer is not words; "
                               "not read by OCR: OCR is off (MINUTEBOOK_OCR=off))"]


def test_an_ocrd_page_is_structured_like_any_other_and_is_cached(tmp_path):
    path = write_scanned_pdf(tmp_path / "minutes.pdf", [SCANNED_MINUTES])
    ocr = Ocr(cache=tmp_path / "ocr")
    pages = list(read_pages(path, ocr))
    [paper] = build_documents(pages, "h" * 64, 1200)
    assert paper.document.meeting_date == "2024-03-12" and paper.document.type == "minutes"
    kinds = [d.kind for d in paper.decisions]
    assert "resolution" in kinds and "action" in kinds
    # A second read takes the page from the cache, keyed by the rendered image.
    [cached] = (tmp_path / "ocr").glob("*.json")
    header = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
    words = [f"5\t1\t1\t1\t1\t{n}\t0\t0\t9\t9\t50\t{w}" for n, w in enumerate(["FROM", "THE", "CACHE"] * 3, 1)]
    cached.write_text(json.dumps({"tsv": "\n".join([header, *words])}))
    assert list(read_pages(path, ocr))[0].text == " ".join(["FROM THE CACHE"] * 3)
    # An entry that holds no TSV (written by an older reader) is recognised again, not trusted.
    cached.write_text(json.dumps({"text": "STALE", "confidence": 0.5}))
    assert "RESOLVED" in list(read_pages(path, ocr))[0].text.upper()
    assert "tsv" in json.loads(cached.read_text())


def test_pages_ocr_could_not_read_are_named_and_the_rest_is_kept(tmp_path):
    path = write_scanned_pdf(tmp_path / "pack.pdf", [(TYPED_COVER,), SCANNED_MINUTES])
    [parsed] = list(parse_files([path], 1200, ocr=Ocr(engine="off")))
    assert parsed.pages == 2 and any("signed minutes follow" in c.text for p in parsed.papers for c in p.chunks)
    assert parsed.warnings == ["no text on 1 of 2 pages (2) (scanned images; not read by OCR: OCR is off (MINUTEBOOK_OCR=off))"]
    [timed_out] = list(parse_files([path], 1200, ocr=Ocr(page_seconds=0.001)))
    assert "OCR took over" in timed_out.warnings[0]
    [read] = list(parse_files([path], 1200, ocr=Ocr(cache=tmp_path / "ocr")))
    assert read.warnings[0].startswith("read by OCR: 1 of 2 pages (2) (read from the page images; mean word confidence")


def test_an_image_only_file_without_ocr_says_so(tmp_path):
    path = write_scanned_pdf(tmp_path / "scan.pdf", [SCANNED_MINUTES])
    with pytest.raises(UnreadableFile, match=r"no text layer on any of 1 pages \(scanned image; not read by OCR: OCR is off"):
        list(read_pages(path, Ocr(engine="off")))


def test_a_phrase_from_a_scanned_page_is_found_and_marked_as_read_by_ocr(tmp_path, embedder):
    from minutebook.search.storage.build import build_index
    from minutebook.search.service import Minutebook
    from minutebook.settings import load_settings

    from .paperkit import write_pdf

    papers = tmp_path / "papers"
    papers.mkdir()
    write_scanned_pdf(papers / "signed-minutes.pdf", [(TYPED_COVER,), SCANNED_MINUTES])
    write_pdf(papers / "agenda.pdf", ["Barnby Parish Council\nAgenda for the meeting of 9 April 2024\n"
                                      "1. Apologies\n2. The village hall car park and its lighting"])
    settings = load_settings(index_dir=tmp_path / "index", model_cache=tmp_path / "cache")
    report = build_index([papers], settings, embedder, progress=False)
    assert [w.reason for w in report.warnings if w.source.endswith("signed-minutes.pdf")][0].startswith("read by OCR: 1 of 2 pages (2)")
    library = Minutebook(settings, embedder)
    [first, *_] = library.search("quote for new fencing", k=3).results
    assert first.source.endswith("signed-minutes.pdf") and first.page == 2 and first.ocr > 0.8
    cover = [h for h in library.search("signed minutes follow", k=3).results if h.page == 1][0]
    assert cover.ocr is None  # the typed page of the same file
    answer = library.chat([{"role": "user", "content": "What did Barnby Parish Council resolve about the fencing quote?"}])
    assert answer.found and "12,500" in answer.answer and answer.citations[0].ocr > 0.8


def test_an_answer_read_from_a_passage_over_a_page_break_is_cited_at_its_own_page(tmp_path, embedder):
    from minutebook.search.storage.build import build_index
    from minutebook.search.service import Minutebook
    from minutebook.settings import load_settings

    from .paperkit import write_pdf

    papers = tmp_path / "papers"
    papers.mkdir()
    write_pdf(papers / "minutes.pdf", [
        "Barnby Parish Council\nMinutes of the meeting held on 9 April 2024\n\n5. Car park\n"
        "Members discussed the village hall car park and the cost of its upkeep at length.",
        "The Council agreed that evening parking charges would rise to 2 pounds from 1 June 2024.\n"
        "The Clerk will report on income at the September meeting.",
    ])
    settings = load_settings(index_dir=tmp_path / "index", model_cache=tmp_path / "cache")
    build_index([papers], settings, embedder, progress=False)
    answer = Minutebook(settings, embedder).chat(
        [{"role": "user", "content": "What did Barnby Parish Council agree about evening parking charges?"}])
    assert answer.found and "2 pounds" in answer.answer
    [cited] = [c for c in answer.citations if "2 pounds" in c.text]
    assert cited.text.index("Members discussed") < cited.text.index("The Council agreed")  # one passage, two pages
    assert cited.page == 2


def test_a_damaged_scan_is_reported_and_the_rest_of_the_file_is_kept(tmp_path):
    from pypdf import PdfReader

    path = write_scanned_pdf(tmp_path / "pack.pdf", [(TYPED_COVER,), SCANNED_MINUTES])
    image = next(iter(PdfReader(path).pages[1]["/Resources"]["/XObject"].values())).get_object()
    raw = image._data  # the image's bytes as stored (compressed)
    damaged = bytes((b * 7 + 13) % 256 for b in raw)  # same length: the file's offsets stay right
    path.write_bytes(path.read_bytes().replace(raw, damaged))
    [parsed] = list(parse_files([path], 1200, ocr=Ocr(cache=tmp_path / "ocr")))
    assert any("signed minutes follow" in c.text for p in parsed.papers for c in p.chunks)
    assert parsed.warnings == ["no text on 1 of 2 pages (2) (scanned images; not read by OCR: OCR found no words "
                               "(a blank or damaged image))"]


def test_ingest_says_which_scanned_page_it_is_reading(tmp_path):
    path = write_scanned_pdf(tmp_path / "scan.pdf", [SCANNED_MINUTES, SCANNED_MINUTES.replace("24/031", "24/041")])
    told = []
    list(read_pages(path, Ocr(cache=tmp_path / "ocr", on_page=lambda file, n, of: told.append((file.name, n, of)))))
    assert told == [("scan.pdf", 1, 2), ("scan.pdf", 2, 2)]


def test_pages_read_at_once_give_what_one_at_a_time_gives(tmp_path):
    pages = [SCANNED_MINUTES, (TYPED_COVER,), SCANNED_MINUTES.replace("12,500", "9,750"), SCANNED_MINUTES.replace("Ash", "Oak")]
    path = write_scanned_pdf(tmp_path / "pack.pdf", pages)
    one = Ocr(cache=None, workers=1).read(path, [1, 3, 4])
    several = Ocr(cache=None, workers=3).read(path, [1, 3, 4])
    assert one == several and sorted(one[0]) == [1, 3, 4]
    assert "9,750" in one[0][3].text and "Oak" in one[0][4].text


SCANNED_MOTIONS = """TOWNSHIP OF HARBOURSIDE
Minutes of the Regular Meeting of Council held on Monday, October 21, 2024

5.2 Delegation - Winter Maintenance on Quay Road
Ms. Dana Fox asked that Quay Road be ploughed to a higher standard.
Resolution No. 2024-303
Moved by Deputy Mayor Ash
Seconded by Councillor Quill
THAT Council receive the delegation from Dana Fox regarding winter maintenance on Quay Road.
CARRIED"""


def test_a_scanned_motion_keeps_its_mover_seconder_and_words_together(tmp_path):
    """Tesseract puts short lines ("Moved by ...", "Seconded by ...") in paragraphs of their own; read
    as blank lines, they would part the motion from its words and leave "Moved by ... CARRIED" a row."""
    path = write_scanned_pdf(tmp_path / "minutes.pdf", [SCANNED_MOTIONS])
    [paper] = build_documents(list(read_pages(path, Ocr(cache=tmp_path / "ocr"))), "h" * 64, 1200)
    [motion] = [d for d in paper.decisions if d.kind == "resolution"]
    assert "Moved by Deputy Mayor Ash" in motion.text and "receive the delegation" in motion.text
    assert (motion.details["mover"], motion.details["seconder"]) == ("Deputy Mayor Ash", "Councillor Quill")


def test_paragraphs_are_the_pages_gaps_not_tesseracts():
    """Tesseract's own paragraphs split evenly spaced short lines; a blank line is written only where
    the page leaves a gap well over its usual line step."""
    header = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
    placed = [(1, 1, 100, "Moved by Cllr Ash"), (1, 2, 140, "Seconded by Cllr Fox"), (1, 3, 180, "THAT Council buy two benches."),
              (1, 4, 220, "CARRIED"), (2, 1, 300, "Next item follows a gap.")]
    rows = [f"5\t1\t{block}\t{paragraph}\t1\t{n}\t10\t{top}\t20\t30\t90\t{word}"
            for block, paragraph, top, line in placed for n, word in enumerate(line.split(), 1)]
    recognised = from_tsv("\n".join([header, *rows]))
    assert recognised.text.split("\n") == ["Moved by Cllr Ash", "Seconded by Cllr Fox", "THAT Council buy two benches.",
                                            "CARRIED", "", "Next item follows a gap."]
    assert recognised.confidence == 0.9
