"""Heading paths and paragraph numbers for the numbering styles councils use."""

from __future__ import annotations

from minutebook.ingest.chunk import Line
from minutebook.ingest.sections import classify_line, sectionize


def _lines(text: str, page: int = 1) -> list[Line]:
    return [Line(t, page) for t in text.splitlines()]


def _paths(text: str, root: str = "Report") -> dict[str, str | None]:
    return {s.path: s.paragraph for s in sectionize(_lines(text), root)}


REPORT = """1. Purpose of report

1.1 To update the board on air quality.

2. Recommendations

2.1 The Board is recommended to:
i. Note the progress made
ii. Agree the next steps

3. Background

3.1 The council declared a climate emergency.

3.2 Monitoring shows improvement.
3.2.1 Nitrogen dioxide fell by 5%.
"""


def test_report_numbering_builds_paths_and_paragraphs():
    paths = _paths(REPORT)
    assert paths == {
        "Report > 1. Purpose of report > 1.1": "1.1",
        "Report > 2. Recommendations > 2.1": "2.1",
        "Report > 3. Background > 3.1": "3.1",
        "Report > 3. Background > 3.2": "3.2",
        "Report > 3. Background > 3.2 > 3.2.1": "3.2.1",
    }


def test_recommendation_items_stay_in_their_paragraph():
    sections = sectionize(_lines(REPORT), "Report")
    recs = next(s for s in sections if s.path.endswith("2.1"))
    assert [line.text for line in recs.lines if line.text] == [
        "2.1 The Board is recommended to:", "i. Note the progress made", "ii. Agree the next steps"]


def test_minute_numbers_with_item_references_and_numbered_resolutions():
    text = """UNRESTRICTED ITEMS

84. Apologies
(Item 1)

Apologies were received from Mr A.

88. 24/00108 - Revenue and Capital Budget Monitoring Report – November
2024-25
(Item 5)

1. Mr B introduced the report which set out the forecast.
2. RESOLVED that Cabinet agree to:
A) Note the forecast overspend
b) Agree the virements
"""
    paths = _paths(text, "Minutes")
    assert "Minutes > 84. Apologies (Item 1)" in paths
    assert "Minutes > 88. 24/00108 - Revenue and Capital Budget Monitoring Report – November 2024-25 (Item 5) > 2." in paths
    assert paths["Minutes > 88. 24/00108 - Revenue and Capital Budget Monitoring Report – November 2024-25 (Item 5) > 2."] == "2"


def test_markdown_minutes_headings_are_siblings_whatever_their_hashes():
    text = "## Present\nCouncillor A\n### Officers present\nB\n## 28. Apologies (AI 1)\nNone.\n### 29. Declarations of interest\nNone declared.\n"
    paths = _paths(text, "Minutes")
    assert list(paths) == ["Minutes > Present", "Minutes > Present > Officers present",
                           "Minutes > 28. Apologies (AI 1)", "Minutes > 29. Declarations of interest"]
    assert paths["Minutes > 29. Declarations of interest"] == "29"


def test_pdf_lines_that_wrap_are_paragraphs_not_headings():
    text = ("Introduction\n1. The power of call-in was established under the Local Government Act 2000,\n"
            "which provides for overview and scrutiny committees to review decisions.\n"
            "2. At the council any two members may give notice of their wish to call-in a decision\n"
            "the Constitution sets out the criteria, at section\n17.67 for calling-in a decision.\n")
    paths = _paths(text)
    assert list(paths) == ["Report > Introduction > 1.", "Report > Introduction > 2."]
    assert not any("17.67" in path for path in paths)


def test_heading_kinds():
    assert classify_line("# Agenda Item 3")[0:2] == ("heading", 1.0)
    assert classify_line("A. Introduction")[2] == "A. Introduction"
    assert classify_line("X. PUBLIC HEARINGS")[2] == "X. PUBLIC HEARINGS"
    assert classify_line("WHAT CREATES GOOD HEALTH?") == ("heading", 2.0, "WHAT CREATES GOOD HEALTH?", None)
    # a line wholly in parentheses is a reference or an aside, even where a title could stand
    assert classify_line("(Council Communication No. 21-428)", opens_numbered=True) is None
    assert classify_line("Council Communication", opens_numbered=True)[0] == "heading"
    assert classify_line("RESULT: APPROVED [UNANIMOUS]") is None
    assert classify_line("9 February 2022") is None
    assert classify_line("4 IN 10 HAVE A DEGREE") is None
    assert classify_line("3. RESOLVED that the report be noted.") == ("para", 2.5, "3.", "3")
    assert classify_line("Background", isolated=True, next_long=True) == ("heading", 2.0, "Background", None)
    assert classify_line("Background", isolated=False, next_long=True) is None
    assert classify_line("Chapter 1\tpage 06 - 11") is None


def test_number_alone_on_its_line_joins_its_title():
    text = "1.\n\nWelcome and Apologies\n\nApologies from Mike.\n2.\nAppointment of Board Members\nThe board agreed.\n"
    paths = _paths(text, "Minutes")
    assert list(paths) == ["Minutes > 1. Welcome and Apologies", "Minutes > 2. Appointment of Board Members"]


def test_a_list_an_item_introduces_sits_inside_it_and_the_next_item_closes_it():
    minutes = """OPEN BOARD MEETING MINUTES

4. Decisions:
1. Anti-Bribery Policy
Updated with change in legislation - the policy was accepted by the Board.
2. Lone Working Policy
The policy was accepted by the Board.
5. Update from Committees: the Finance Committee met in November and reviewed the budget.
The Board agreed to carrying out the bids.
6. Management Reports: the Head of Finance updated the Board.
"""
    paths = [s.path for s in sectionize(_lines(minutes), "Minutes")]
    assert paths == [
        "Minutes > OPEN BOARD MEETING MINUTES > 4.",
        "Minutes > OPEN BOARD MEETING MINUTES > 4. > 1. Anti-Bribery Policy",
        "Minutes > OPEN BOARD MEETING MINUTES > 4. > 2. Lone Working Policy",
        "Minutes > OPEN BOARD MEETING MINUTES > 5.",
        "Minutes > OPEN BOARD MEETING MINUTES > 6.",
    ]
    # A "1." that does not follow its introduction at once restarts the numbering; it is not inside.
    updates = """87. Cabinet Member Updates

1. The Leader provided an update on the following:
(a) The Scrutiny Committee considered a call-in.
1. Mr Watkins provided an update on adult social care.
2. Mrs Chandler provided an update on children's services.
"""
    assert [s.path for s in sectionize(_lines(updates), "Minutes")] == [
        "Minutes > 87. Cabinet Member Updates > 1.",
        "Minutes > 87. Cabinet Member Updates > 1.",
        "Minutes > 87. Cabinet Member Updates > 2.",
    ]



def test_a_capitals_title_wrapped_over_lines_is_one_title_and_its_text_one_section():
    agenda = """GENERAL BUSINESS
3. AWARD OF CONTRACT FOR HARBOURSIDE STREET SIGN
REPLACEMENT PROJECT AND APPROVAL OF NOTICE OF
EXEMPTION
Recommendation: That the Council award the contract, with the town's share at $2,400.
6.A A RESOLUTION OF THE CITY COUNCIL OF THE CITY OF HARBOURSIDE, CALIFORNIA, CERTIFYING
THE RESULTS OF THE ELECTION HELD ON MARCH 3, 2026 AND SUCH OTHER
MATTERS AS PROVIDED BY LAW
8. ADJOURNMENT
"""
    sections = sectionize(_lines(agenda), "Agenda")
    assert [s.path for s in sections] == [
        "Agenda > 3. AWARD OF CONTRACT FOR HARBOURSIDE STREET SIGN REPLACEMENT PROJECT AND APPROVAL OF NOTICE"
        " OF EXEMPTION",
    ]
    # The resolution's title is a sentence, so text: its last line is not a heading of its own.
    assert sections[0].lines[-1].text == "MATTERS AS PROVIDED BY LAW"
    # Two spaces after a colon are a typist's, not a gap between columns: the title goes on.
    agenda = """4. ORDINANCE SECOND READING:  ADOPTION OF ORDINANCE 12-26
REGARDING HARBOURSIDE MOORING FEES
Waive the second reading and adopt Ordinance No. 12-26.
"""
    assert [s.path for s in sectionize(_lines(agenda), "Agenda")] == [
        "Agenda > 4. ORDINANCE SECOND READING:  ADOPTION OF ORDINANCE 12-26 REGARDING HARBOURSIDE MOORING FEES"]
    # A capitals line after a finished one, or after a table's row of figures, is still a heading.
    for text in ("BUDGET SUMMARY 2026  2025  2024 RESERVES HELD AT YEAR END\nINCOME\nGrants rose.\n",
                 "REPORT OF THE HARBOURSIDE FINANCE COMMITTEE.\nINCOME\nGrants rose.\n"):
        assert [s.path for s in sectionize(_lines(text), "Report")][-1] == "Report > INCOME"


def test_a_line_that_is_only_an_outcome_opens_no_section():
    minutes = """05.26.07 Planning - the following applications had been received and discussed:
26/01234/F Harbour Barn, High Street - conversion of garden store to ancillary accommodation and
erection of doors to the adjoining carport
NO OBJECTION
26/01235/F Quay House - two storey rear extension
Approved.
05.26.08 Finance
The accounts were approved for payment.
"""
    sections = sectionize(_lines(minutes), "Minutes")
    assert [s.path for s in sections] == ["Minutes > 05.26.07", "Minutes > 05.26.08 Finance"]
    texts = [line.text for line in sections[0].lines]
    assert "NO OBJECTION" in texts and "Approved." in texts
    assert classify_line("NO OBJECTIONS") is None and classify_line("OBJECTIONS TO THE LOCAL PLAN") is not None


def test_an_amount_opening_a_budget_line_is_no_item_number():
    budget = """6100-01 Equipment - Maintenance
625 Radio system software upgrade
1,600 Radio maintenance contract
35,800 Regional consortium fees
5 Minutes of the last meeting
The minutes were agreed as a true record.
"""
    paths = [s.path for s in sectionize(_lines(budget), "Document")]
    assert "Document > 625. Radio system software upgrade" not in paths
    assert paths[-1] == "Document > 5. Minutes of the last meeting"  # an agenda's unmarked item still is one
    assert classify_line("625. Radio system software upgrade") is not None  # "625." is marked as an item


def test_a_table_row_ending_in_its_figures_is_no_heading():
    assert classify_line("88. TOTAL BUDGET CHANGES -120.5 0.0 0.0") == ("para", 2.5, "88.", "88")
    assert classify_line("RESIDENTS SURVEYED 1,204 2,310 4,875") is None
    assert classify_line("4. Minutes of 12 March 2024") == ("heading", 2.0, "4. Minutes of 12 March 2024", "4")


def test_the_next_number_of_a_list_is_its_next_item_whether_heading_or_paragraph():
    # A short item reads as a heading, a long one as a numbered paragraph; both are items of one list.
    agenda = """1. To receive apologies for absence

2. Declarations of Interest - to receive any declarations of interest from members relating to items
on the agenda, in accordance with the code of conduct.

3. Harbour Mooring Fees

4. Public Participation - to receive submissions from members of the public relating to items on the
agenda, in accordance with standing orders.
"""
    paths = _paths(agenda, "Agenda")
    assert "Agenda > 2." in paths and "Agenda > 4." in paths
    assert not any("apologies" in path and "2." in path.split(" > ")[-1] for path in paths)
    # numbered paragraphs under a heading of their own stay under it
    report = """Harbour Mooring Fees

1. The fees were last set in 2019 and have not kept pace with the cost of dredging the harbour.

2. Officers propose a rise of five per cent from April, with a reduced rate for residents' boats.
"""
    assert set(_paths(report)) == {"Report > Harbour Mooring Fees > 1.", "Report > Harbour Mooring Fees > 2."}


def test_the_next_number_opens_its_item_under_a_new_heading_though_its_title_starts_with_a_figure():
    agenda = """LEGAL DEPARTMENT - CLAIMS
23. Approving payment for the claim of Dana Fox.
APPROVING
24. 2025 Harbour Grant Program application to the Quayford Trust for dredging
the inner harbour.
25. $125,000 in harbour reserve funds for repairs to the Quay Hall roof.
"""
    paths = _paths(agenda, "Agenda")
    assert "Agenda > APPROVING > 24." in paths and "Agenda > APPROVING > 25." in paths
    # a figure that is not the list's next number is a line of text, not an item
    budget = """1. Harbour maintenance budget
12 2,000 for the slipway and 3,000 for the moorings.
"""
    assert not any(path.endswith("12.") for path in _paths(budget, "Report"))


def test_a_recorded_vote_s_counts_head_no_section():
    minutes = """7. Harbour Dredging Motion

5) The Chairman put the motion to the vote and the voting was as follows.

For (34)

Mr Ash, Mrs Birch, Mr Cole, Mrs Dale, Mr Elm, Mrs Fox, Mr Gray, Mrs Hale, Mr Ives, Mrs Jay and others

Against (2)

Mr Kerr, Mrs Lee

Abstain (0)

Motion carried.
"""
    paths = _paths(minutes, "Minutes")
    assert not any("For (34)" in path or "Against (2)" in path for path in paths)


def test_a_minute_s_reference_by_year_heads_its_minute():
    text = """Minutes of the meeting of Quayford Parish Council held on 16 April 2024
24/041 APOLOGIES FOR ABSENCE
Apologies were received from Cllr Fox.
24/047 Planning
Members agreed to support the application.
2023/24 Accounts were presented.
25/26 budgets will be set in January.
12/03 was the date of the last inspection.
"""
    assert _paths(text, "Minutes") == {"Minutes": None, "Minutes > 24/041 APOLOGIES FOR ABSENCE": "24/041",
                                       "Minutes > 24/047 Planning": "24/047"}
    # a financial year or a date opening a line heads nothing, nor a reference run into its minute's text
    assert classify_line("14/048: Councillors Items Sandbags: Cllr Ash reported he had now") is None


def test_the_next_minute_heads_its_minute_even_where_its_reference_reads_as_a_financial_year():
    # as a PDF's text layer gives it: no blank lines, and a long title in capitals
    text = """Minutes of the meeting of the Council of the University of Carrowdale held on 20 March 2025
25/25  CODE OF PRACTICE ON FREEDOM OF SPEECH AND ACADEMIC FREEDOM (C/25/12)
Council APPROVED the revised Code of Practice on Freedom of Speech.
25/26  MODERN SLAVERY STATEMENT 2024/25 (C/25/13)
Council APPROVED the Modern Slavery Statement for 2024/25.
25/26 budgets will be set in January.
"""
    assert _paths(text, "Minutes") == {
        "Minutes": None,
        "Minutes > 25/25 CODE OF PRACTICE ON FREEDOM OF SPEECH AND ACADEMIC FREEDOM (C/25/12)": "25/25",
        "Minutes > 25/26 MODERN SLAVERY STATEMENT 2024/25 (C/25/13)": "25/26"}
