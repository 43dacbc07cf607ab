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
