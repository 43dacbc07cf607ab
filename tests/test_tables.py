"""Tab-laid tables become one record per row, each cell named by its column."""

from __future__ import annotations

from minutebook.ingest.chunk import Line
from minutebook.ingest.tables import row_text, split_tables, table_rows

HEADER = "\tCommitment\tLead agencies\tLatest achievements"
TRACKER = [
    "Wellbeing Strategy progress update",
    "",
    HEADER,
    "\tPeople live active, safe and independent lives\t\t",
    "1.1\tPromote healthier lifestyles.\tPublic Health\tNew smoking service launched",
    "1.2\tSupport carers and families\tAdult Services\tCarers centre opened",
    "",
    HEADER,
    "\t\t\tand a carers' forum meets monthly.",
    "1.3\tImprove access to\tHousing\tAdvice pods installed",
    "\tdigital tools.\t\t",
    "\tInequalities in health outcomes are reduced\t\t",
    "2.1\tClose the gap between neighbourhoods.\tPublic Health\tSee 1.1",
    "",
    "Next steps are set out below.",
]


def _lines() -> list[Line]:
    return [Line(text, 1 + i // 8) for i, text in enumerate(TRACKER)]


def test_table_region_is_found_between_text():
    segments = split_tables(_lines())
    assert [kind for kind, _ in segments] == ["text", "table", "text"]
    assert segments[2][1][-1].text == "Next steps are set out below."


def test_rows_join_continuations_skip_repeated_headers_and_carry_groups():
    segments = split_tables(_lines())
    header, rows = table_rows(segments[1][1])
    assert header == ["", "Commitment", "Lead agencies", "Latest achievements"]
    assert [row.key for row in rows] == ["1.1", "1.2", "1.3", "2.1"]
    assert rows[1].cells[3] == "Carers centre opened and a carers' forum meets monthly."
    assert rows[2].cells[1] == "Improve access to digital tools."
    assert rows[0].group == "People live active, safe and independent lives"
    assert rows[3].group == "Inequalities in health outcomes are reduced"
    assert (rows[1].lines[0].page, rows[1].lines[-1].page) == (1, 2)  # the row ran over a page break


def test_row_text_names_every_cell():
    header, rows = table_rows(split_tables(_lines())[1][1])
    assert row_text(header, rows[0]) == (
        "1.1 | Commitment: Promote healthier lifestyles. | Lead agencies: Public Health | "
        "Latest achievements: New smoking service launched")


def test_named_key_column_and_two_cell_lines():
    lines = [Line(t, 1) for t in ["Ref\tRisk\tOwner", "R1\tFlooding\tHighways", "R2\tCyber attack\tIT", "R3\tFunding\tFinance"]]
    header, rows = table_rows(split_tables(lines)[0][1])
    assert row_text(header, rows[1]) == "Ref: R2 | Risk: Cyber attack | Owner: IT"
    two_cells = [Line(t, 1) for t in ["Contents\tpage", "Foreword\tpage 3", "Background\tpage 6", "Glossary\tpage 9"]]
    assert [kind for kind, _ in split_tables(two_cells)] == ["text"]


# ---- ruled tables in a PDF ----------------------------------------------------------------------

GRANTS = [
    ("Ref", "Applicant", "Project", "Decision"),
    ("GR/01", "Ashby Lane Allotment Holders Association", "Raised beds and an accessible path to the lower plots", "Approved £1,200"),
    ("GR/02", "Friends of Tollgate Green", "Two benches and spring bulb planting along the north walk", "Refused - outside the scheme's criteria"),
    ("GR/03", "Tollgate Youth Football", "Portable goals, bibs and a first aid kit for the under-nines", "Approved £450 subject to a constitution"),
]


def _ruled_table_pdf(path, rows_per_page: int):
    """Minutes whose grants table is ruled, its cells wrapped over lines, and broken over a page after
    ``rows_per_page`` rows without its header printed again."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_font("Helvetica", size=10)
    pdf.add_page()
    pdf.multi_cell(0, 5, "Minutes of the Grants Panel held on 4 June 2024\n\n5. GRANT APPLICATIONS\n"
                         "The Panel considered the applications below.", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    for part in (GRANTS[: rows_per_page + 1], GRANTS[rows_per_page + 1:]):
        with pdf.table(col_widths=(20, 50, 60, 50), text_align="LEFT", first_row_as_headings=part[0] is GRANTS[0]) as table:
            for cells in part:
                row = table.row()
                for cell in cells:
                    row.cell(cell)
        if part[0] is GRANTS[0]:
            pdf.add_page()
    pdf.multi_cell(0, 5, "\n6. CLOSE\nThe meeting closed at 8.10 pm.", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


def test_a_ruled_pdf_table_is_read_a_row_a_line_and_goes_on_over_a_page_break(tmp_path):
    from minutebook.ingest.read import read_pages

    pages = list(read_pages(_ruled_table_pdf(tmp_path / "grants.pdf", rows_per_page=1)))
    first, second = ([line for line in page.text.split("\n") if "\t" in line] for page in pages)
    assert first == ["\t".join(GRANTS[0]), "\t".join(GRANTS[1])]  # wrapped cells joined, each row one line
    assert second == ["\t".join(cells) for cells in (GRANTS[0], *GRANTS[2:])]  # the header carried over
    assert "The Panel considered the applications below." in pages[0].text
    assert "The meeting closed at 8.10 pm." in pages[1].text


def test_each_row_of_a_ruled_pdf_table_of_decisions_is_a_resolution(tmp_path):
    from minutebook.ingest.read import file_hash, read_pages
    from minutebook.ingest.structure import build_documents

    pdf = _ruled_table_pdf(tmp_path / "grants.pdf", rows_per_page=2)
    (parsed,) = build_documents(list(read_pages(pdf)), file_hash(pdf), 1200)
    rows = [d for d in parsed.decisions if d.kind == "resolution"]
    assert [(d.text.split(" | ")[0], d.details.get("outcome")) for d in rows] == [
        ("GR/01", "approved"), ("GR/02", "refused"), ("GR/03", "approved")]


def test_a_box_drawn_round_a_paragraph_is_no_table(tmp_path):
    from fpdf import FPDF

    from minutebook.ingest.read import read_pages

    pdf = FPDF(format="A4")
    pdf.set_font("Helvetica", size=10)
    pdf.add_page()
    notice = "Members of the public may address the Panel on any item for up to three minutes."
    pdf.multi_cell(60, 5, notice, border=1, new_x="LMARGIN", new_y="NEXT")
    pdf.multi_cell(0, 5, "1. APOLOGIES\nNone were received.", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(tmp_path / "box.pdf"))
    (page,) = read_pages(tmp_path / "box.pdf")
    assert "\t" not in page.text and " ".join(page.text.split()).startswith(notice)


def test_minutes_set_in_a_grid_of_item_minute_and_owner_read_down_their_cells(tmp_path):
    # One column of running text beside numbers and initials is a page laid out in cells, not a table of
    # records: its minutes keep their sentences (and their RESOLVED) instead of becoming one row each.
    from fpdf import FPDF

    from minutebook.ingest.read import read_pages

    minute = ("The Clerk reported that the play area inspection had found two worn swing chains. "
              "RESOLVED: that the chains be replaced before the summer holidays.")
    pdf = FPDF(format="A4")
    pdf.set_font("Helvetica", size=10)
    pdf.add_page()
    with pdf.table(col_widths=(15, 140, 25), text_align="LEFT") as table:
        for cells in (("Item", "Minute", "Action"), ("4.", minute, "JB"), ("5.", "None were received.", "")):
            row = table.row()
            for cell in cells:
                row.cell(cell)
    pdf.output(str(tmp_path / "grid.pdf"))
    (page,) = read_pages(tmp_path / "grid.pdf")
    assert "\t" not in page.text
    assert "RESOLVED: that the chains be replaced" in " ".join(page.text.split())


def test_a_ruled_tables_group_headings_open_sections_and_its_blank_keys_are_the_key_above(tmp_path):
    from fpdf import FPDF

    from minutebook.ingest.read import file_hash, read_pages
    from minutebook.ingest.structure import build_documents

    rows = [("Ref", "Risk", "Control"), ("1. Finances", "", ""), ("1.1", "Precept not submitted on time", "Clerk diary reminder"),
            ("1.2", "Wrong salary paid to the clerk", "Payroll checked monthly"), ("", "Salary paid late", "Standing order set up"),
            ("2. Assets", "", ""),
            ("2.1", "Damage to the bus shelter", "Annual inspection by members"), ("2.2", "Theft of the mower", "Kept in the locked store")]
    pdf = FPDF(format="A4")
    pdf.set_font("Helvetica", size=10)
    pdf.add_page()
    pdf.multi_cell(0, 5, "Risk register adopted by the Parish Council", new_x="LMARGIN", new_y="NEXT")
    with pdf.table(col_widths=(20, 80, 80), text_align="LEFT") as table:
        for cells in rows:
            row = table.row()
            for cell in cells:
                row.cell(cell)
    pdf.output(str(tmp_path / "risks.pdf"))
    pages = list(read_pages(tmp_path / "risks.pdf"))
    (parsed,) = build_documents(pages, file_hash(tmp_path / "risks.pdf"), 1200)
    passages = {chunk.text: chunk.section for chunk in parsed.chunks if chunk.kind == "table_row"}
    assert passages["Ref: 1.2 | Risk: Wrong salary paid to the clerk | Control: Payroll checked monthly"].endswith("1. Finances")
    assert passages["Ref: 2.1 | Risk: Damage to the bus shelter | Control: Annual inspection by members"].endswith("2. Assets")
    # a row whose number cell is left blank is another risk of the number above, not text running on
    assert "Ref: 1.2 | Risk: Salary paid late | Control: Standing order set up" in passages


def test_a_plain_text_table_in_columns_of_spaces_is_read_as_tab_separated_rows():
    from minutebook.ingest.columns import tabulate

    text = ("ACTION LOG\n"
            "Ref     Action                                Owner         Due\n"
            "24/041  Written update to Ms Ash on the       A Varsani     31/10/2024\n"
            "        recovery plan\n"
            "24/042  Confirm funding allocation            F Adeyinka    04/10/2024\n"
            "\n"
            "County Executive Officer: Dana Ash     County Counsel: Lee Fox\n"
            "AYES: Ocampo, Hadley   NOES: None\n"
            "ABSENT: Ruiz   ABSTAIN: None\n"
            "Who     | What                    | By when\n"
            "Kirsty  | Draft attendance plan   | 15 May\n")
    lines = tabulate(text).split("\n")
    # the wrapped cell joins its row's cell above it
    assert lines[:4] == ["ACTION LOG", "Ref\tAction\tOwner\tDue", "24/041\tWritten update to Ms Ash on the recovery plan\tA Varsani\t31/10/2024",
                         "24/042\tConfirm funding allocation\tF Adeyinka\t04/10/2024"]
    assert lines[4:] == text.split("\n")[5:]  # label-and-value lines, vote lines and a table in bars stay as they are
