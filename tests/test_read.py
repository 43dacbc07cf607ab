"""Reading files into pages: every supported type, encodings, and clear reasons for bad files."""

from __future__ import annotations

import pytest

from minutebook.ingest.read import UnreadableFile, decode_text, html_to_text, read_pages

from . import paperkit


def test_pdf_pages_keep_their_numbers(tmp_path):
    pdf = paperkit.write_pdf(tmp_path / "report.pdf", paperkit.CYCLING_REPORT_PAGES)
    pages = list(read_pages(pdf))
    assert [p.number for p in pages] == [1, 2, 3]
    assert "twelve kilometres" in pages[1].text
    assert "4.2 million" in pages[2].text


def test_html_gives_visible_text_not_tags_or_scripts(tmp_path):
    text = html_to_text(paperkit.FLOOD_NOTICE_HTML)
    assert "raised embankments" in text
    assert "<p>" not in text and "tracking" not in text and "color" not in text
    assert "# Decision notice: flood defence scheme" in text  # headings stay recognisable


def test_html_reads_as_a_browser_shows_it():
    html = ("<p>The Board\n   agreed the   budget.</p><ol start=\"3\" type=\"i\"><li>Quay Road</li><li>Harbour\nlights</li></ol>"
            "<ul><li>a bullet</li></ul><pre>Item  Cost\nDredging  4,000</pre>")
    assert html_to_text(html) == ("The Board agreed the budget.\niii. Quay Road\niv. Harbour lights\n• a bullet\n"
                                  "Item Cost\nDredging 4,000\n")  # a <pre>'s lines stay lines


@pytest.mark.parametrize(
    "raw",
    [
        paperkit.GRANT_NOTE_CP1252.encode("utf-8"),
        b"\xef\xbb\xbf" + paperkit.GRANT_NOTE_CP1252.encode("utf-8"),
        paperkit.GRANT_NOTE_CP1252.encode("cp1252"),
        paperkit.GRANT_NOTE_CP1252.encode("utf-16"),
    ],
    ids=["utf-8", "utf-8-bom", "cp1252", "utf-16"],
)
def test_text_encodings_are_detected(raw):
    assert decode_text(raw) == paperkit.GRANT_NOTE_CP1252


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("empty.pdf", b"", "empty file"),
        ("fake.pdf", b"<html><body>not really a pdf</body></html>", "not a PDF"),
        ("broken.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage\n", "corrupt PDF"),
        ("notes.docx", b"PK\x03\x04 zip bytes", "not a Word document"),
        ("slides.pptx", b"PK\x03\x04 zip bytes", "unsupported file type"),
    ],
)
def test_bad_files_raise_a_readable_reason(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(UnreadableFile, match=reason):
        list(read_pages(path))


def test_a_pdf_without_a_text_layer_is_reported_as_needing_ocr(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 100, style="F")  # drawn, not written: no text layer
    pdf.output(str(tmp_path / "scan.pdf"))
    with pytest.raises(UnreadableFile, match="no text layer"):
        list(read_pages(tmp_path / "scan.pdf"))


def test_ligatures_a_font_maps_wrongly_are_read_as_the_letters_the_words_show():
    from minutebook.ingest.ligatures import repair
    from minutebook.vocabulary import Page

    pages = [
        Page("x.pdf", 1, "Purpose of the MeeƟng: the DisƟnct parking zone, with ﬁve oﬃcers aƩending."),
        Page("x.pdf", 2, "It takes eƯect at the next Ɵme of review; geƫng there is the quesƟon."),
    ]
    fixed = [page.text for page in repair(pages)]
    assert fixed[0] == "Purpose of the Meeting: the Distinct parking zone, with five officers attending."
    assert fixed[1] == "It takes effect at the next time of review; getting there is the question."
    # A letter no ligature turns into English words is left as it is, as are the accents of Europe.
    kept = "Café Ŵyn in Ƀorth, naïve señor"
    assert repair([Page("y.pdf", 1, kept)])[0].text == kept



def test_words_a_text_layer_breaks_with_a_space_are_joined_and_other_pairs_are_not():
    from minutebook.ingest.broken_words import repair
    from minutebook.vocabulary import Page

    pages = [
        Page("x.pdf", 1, "Approve the Professional Services Agreem ent, as the pandem ic ended; St andards apply."),
        Page("x.pdf", 2, "The Agreement runs for the th ird year; pay ments are monthly. Mr Smith and the rapist"
                         " spoke; the Harbourside litigation pursuant to the act; Harbourside litigationpursuant."),
    ]
    fixed = [page.text for page in repair(pages)]
    assert fixed[0] == "Approve the Professional Services Agreement, as the pandemic ended; Standards apply."
    # Two words stay two ("the rapist"), a name is no piece of a word, and a page whose words run
    # together elsewhere gives no licence to join two words into its run.
    assert fixed[1] == ("The Agreement runs for the third year; payments are monthly. Mr Smith and the rapist"
                        " spoke; the Harbourside litigation pursuant to the act; Harbourside litigationpursuant.")
    # A drop capital read apart from its word, on its line or on a line of its own.
    drop = [Page("n.pdf", 1, "N otice is hereby given that the Council will hold a public meeting. M\nEETING INFORMATION\n"
                              "I\ntems on this agenda may change. A new date is set.")]
    assert repair(drop)[0].text == ("Notice is hereby given that the Council will hold a public meeting.\nMEETING INFORMATION\n"
                                    "Items on this agenda may change. A new date is set.")


def test_a_filled_in_form_is_read_with_its_values(tmp_path):
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ArrayObject, BooleanObject, DictionaryObject, FloatObject, NameObject, TextStringObject

    blank = paperkit.write_pdf(tmp_path / "blank.pdf", ["Notice of meeting\nMeeting Type: Regular Special\nDate/Time:\n"
                                                         "Location/Address:\nAgenda\n1. Roll call"])
    writer = PdfWriter(clone_from=PdfReader(blank))

    def field(name: str, value, top: float) -> DictionaryObject:
        return DictionaryObject({
            NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/Widget"),
            NameObject("/T"): TextStringObject(name), NameObject("/V"): value,
            NameObject("/Rect"): ArrayObject([FloatObject(200), FloatObject(top - 12), FloatObject(400), FloatObject(top)]),
            NameObject("/Ff"): BooleanObject(False),
        })

    writer.pages[0][NameObject("/Annots")] = ArrayObject([
        field("DateTime", TextStringObject("Tuesday 12 March 2024, 7pm"), 700),
        field("LocationAddress", TextStringObject("Village Hall,"), 680),
        field("Regular", NameObject("/On"), 720),
        field("Special", NameObject("/Off"), 720),
        field("Chair", TextStringObject("Cllr Ash"), 650),
        # Text typed onto the page beside a field too short for its value, a little into the row above.
        DictionaryObject({
            NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/FreeText"),
            NameObject("/Contents"): TextStringObject("12 Quay Street"),
            NameObject("/Rect"): ArrayObject([FloatObject(330), FloatObject(666), FloatObject(450), FloatObject(684)]),
        }),
    ])
    filled = tmp_path / "notice.pdf"
    with filled.open("wb") as handle:
        writer.write(handle)
    [page] = read_pages(filled)
    lines = page.text.split("\n")
    assert "Date/Time: Tuesday 12 March 2024, 7pm" in lines and "Location/Address: Village Hall, 12 Quay Street" in lines
    assert any(line.startswith("Meeting Type:") and line.endswith("☒ Regular") for line in lines)
    assert "☒ Special" not in page.text  # an unticked box says nothing
    assert lines[-1] == "Chair: Cllr Ash"  # a field whose label is not on the page comes at its end


def _minutes_with_an_action_column(path, rows, owners_last=False):
    """Minutes whose tasks' owners stand in a column at the right of the page, level with their line
    (``rows``: (line, owner or None)), as parish and trust minutes set them out; ``owners_last``
    writes the column after the text, as a table's column often is (content order then reads it
    apart from its lines)."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=False)
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for n, (line, owner) in enumerate(rows):
        if line:
            pdf.text(20, 30 + 6 * n, line)
        if owner and not owners_last:
            pdf.text(185, 30 + 6 * n, owner)
    for n, (_, owner) in enumerate(rows):
        if owner and owners_last:
            pdf.text(185, 30 + 6 * n, owner)
    pdf.output(str(path))
    return path


@pytest.mark.parametrize("owners_last", [False, True])
def test_an_action_column_in_the_margin_is_read_after_the_minute_it_stands_beside(tmp_path, owners_last):
    path = _minutes_with_an_action_column(tmp_path / "minutes.pdf", [
        ("MINUTES OF THE QUAYFORD PARISH COUNCIL MEETING HELD ON 4 MARCH 2025", None),
        ("ITEMS", "Action"),  # the column's own title, no owner
        ("4. Christmas lights", None),
        ("A sub-committee is to order new lights.", "S/C"),
        ("5. Harbour wall", None),
        ("Cracks in the harbour wall were reported. A letter is to be sent to the", None),
        ("harbour trust asking for an inspection.", "DF"),
        ("6. Noticeboard", None),
        ("The noticeboard needs repainting before the summer fete and quotes", "SA/"),
        ("should be sought from local firms.", "Agenda"),
        ("7. Correspondence", None),
        ("A letter of thanks from the Quay Hall trustees was read.", None),
        ("8. Village website", None),
        ("The new pages are still being written.", "PWh"),  # initials told apart from another member's "PW"
    ], owners_last)
    text = next(iter(read_pages(path))).text
    lines = [line.strip() for line in text.splitlines()]
    assert lines.index("Action: DF") == lines.index("harbour trust asking for an inspection.") + 1
    assert lines.index("Action: SA/ Agenda") == lines.index("should be sought from local firms.") + 1
    assert lines.index("Action: PWh") == lines.index("The new pages are still being written.") + 1
    assert lines.index("Action: S/C") == lines.index("A sub-committee is to order new lights.") + 1
    assert "Action: Action" not in lines
    read = [line for line in lines if not line.startswith("Action:")]
    assert not any(line in ("DF", "Agenda") or line.endswith((" DF", " SA/", " Agenda")) for line in read)  # read once, as the owner

    from minutebook.ingest.structure import build_documents
    actions = [d for doc in build_documents(list(read_pages(path)), "h" * 64, 1200) for d in doc.decisions if d.kind == "action"]
    assert any(a.details.get("who") == "DF" and "harbour trust asking for an inspection" in a.text for a in actions)
    assert any(a.details.get("who") == "SA/ Agenda" and "quotes should be sought" in a.text for a in actions)
    assert not any("letter of thanks" in a.text for a in actions)


def test_a_flush_right_action_column_keeps_its_longer_joined_entries(tmp_path):
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=False)
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    rows = [("MINUTES OF THE QUAYFORD COMMUNITY COUNCIL MEETING HELD ON 4 MARCH 2025", None),
            ("5. Matters arising", None),
            ("The bus shelter glass is still to be replaced.", "DF"),
            ("A small group would meet to plan the spring litter pick.", "KC/GD/IK"),
            ("The speed signs are awaited from the county.", "SA"),
            ("The noticeboard quotes are awaited.", "DF/SA")]
    for n, (line, owner) in enumerate(rows):
        pdf.text(20, 30 + 6 * n, line)
        if owner:  # set flush right: a longer entry starts further left
            pdf.set_xy(160, 30 + 6 * n - 4)
            pdf.cell(35, 5, owner, align="R")
    path = tmp_path / "minutes.pdf"
    pdf.output(str(path))
    lines = [line.strip() for line in next(iter(read_pages(path))).text.splitlines()]
    assert lines.index("Action: KC/GD/IK") == lines.index("A small group would meet to plan the spring litter pick.") + 1
    assert lines.index("Action: DF/SA") == lines.index("The noticeboard quotes are awaited.") + 1
    assert lines.index("Action: SA") == lines.index("The speed signs are awaited from the county.") + 1


def test_text_running_into_the_right_margin_is_no_action_column(tmp_path):
    # a line's last words and a page number at the right are the text's own, not a column of owners
    path = _minutes_with_an_action_column(tmp_path / "report.pdf", [
        ("HARBOURSIDE TRUST ANNUAL REPORT", "7"),
        ("The trust opened two reading rooms and welcomed new volunteers, among them", None),
        ("Dana Fox and Sam Ash, who now run the", "Monday"),
        ("evening clubs in the Quay Hall.", None),
    ])
    text = next(iter(read_pages(path))).text
    assert "Action:" not in text and "Monday" in text
    # a table's last column of words is the table's own
    path = _minutes_with_an_action_column(tmp_path / "risks.pdf", [
        ("RISK REGISTER OF THE QUAYFORD PARISH COUNCIL", None),
        ("Loss of the precept through a late demand to the district", "Low"),
        ("Damage to the Quay Hall roof in winter storms", "High"),
        ("Failure of the harbour wall where the cracks were reported", "Medium"),
    ], owners_last=True)
    text = next(iter(read_pages(path))).text
    assert "Action:" not in text and "High" in text


def _drawn(path, pieces):
    """A one-page PDF whose pieces of text (x mm, or None: after the line's last piece; line number;
    words) are drawn in the order given."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=False)
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    ends: dict[int, float] = {}
    for x, line, words in pieces:
        x = ends[line] + pdf.get_string_width(" ") if x is None else x
        pdf.text(x, 30 + 6 * line, words)
        ends[line] = x + pdf.get_string_width(words)
    pdf.output(str(path))
    return path


def test_a_line_s_pieces_drawn_later_are_read_on_their_line(tmp_path):
    items = [("96-3 Certificate of Election of Dana Fox, Mayor.", "Moved by Ash to adopt. Motion Carried 7-0."),
             ("96-4 Certificate of Election of Sam Ash, Council Member.", "Moved by Fox to adopt. Motion Carried 7-0."),
             ("96-5 Appointment of Robin Quill as City Manager.", "Moved by Elliot to adopt. Motion Carried 6-1."),
             ("96-6 Appointment of Dana Elliot as City Clerk.", "Moved by Quill to adopt. Motion Carried 7-0."),
             ("96-7 Appointment of Quay Harbour Master for 1996.", "Moved by Ash to defer. Motion Carried 7-0.")]
    pieces = [(20, 0, "COUNCIL MEETING SUMMARY, JANUARY 2, 1996")]
    for n, (item, motion) in enumerate(items):
        pieces.append((20, 1 + 2 * n, item))  # the item, and the line below it, before the motion beside it
        pieces.append((20, 2 + 2 * n, "The item was read by the City Clerk at the meeting."))
        pieces.append((None, 1 + 2 * n, motion))
    text = next(iter(read_pages(_drawn(tmp_path / "summary.pdf", pieces)))).text
    lines = [" ".join(line.split()) for line in text.splitlines()]
    for item, motion in items:
        assert f"{item} {motion}" in lines

    # a table drawn a column at a time is left as drawn: each cell read whole, not rows run together
    cells = [("Risk", "Loss of the precept through a late demand"), ("Level", "Low, with the demand sent in January"),
             ("Control", "The clerk checks the demand every year")]
    table = [(20 + 60 * c, 0, head) for c, (head, _) in enumerate(cells)]
    for c, (_, cell) in enumerate(cells):
        for row in range(1, 5):
            table.append((20 + 60 * c, row, f"{cell} (row {row})"))
    text = next(iter(read_pages(_drawn(tmp_path / "risks.pdf", table)))).text
    lines = [" ".join(line.split()) for line in text.splitlines()]
    assert "Loss of the precept through a late demand (row 1)" in lines
