"""From pages to documents and chunks: packs, metadata, sections, tables, pages, robustness."""

from __future__ import annotations


from minutebook.ingest.structure import build_documents as _build_documents
from minutebook.vocabulary import Page, stable_key


def _parsed(pages, file_hash, max_chars):
    """(document, chunks) pairs, the shape these tests assert on."""
    return [(p.document, p.chunks) for p in _build_documents(pages, file_hash, max_chars)]

PACK = """NOTICE OF MEETING

LICENSING COMMITTEE

TUESDAY, 4 MARCH 2025 AT 2.00 PM

AGENDA

1 Apologies for absence

2 Minutes of the previous meeting (Pages 3 - 8)

3 Street Trading Policy (Pages 9 - 20)

4 Taxi Fares Review (Pages 21 - 30)

5 Annual Report of the Licensing Service (Pages 31 - 40)

# Agenda Item 2

MINUTES OF THE MEETING of the Licensing Committee held on Tuesday, 7 January 2025 at 2.00 pm

12. Apologies for absence

Apologies were received from Councillor Brown.

13. Gambling Policy

The committee considered the draft gambling policy.

RESOLVED that the gambling policy be approved for consultation.

# Agenda Item 3

Title of meeting:\tLicensing Committee
Date of meeting:\t4 th March
Subject:\tStreet Trading Policy
Report by:\tHead of Regulatory Services
Wards affected:\tAll
Key decision:\tYes

1. Purpose of report

1.1 To agree a new street trading policy for the town centre.

2. Recommendations

2.1 The Committee is recommended to approve the policy.

Page 10

# Agenda Item 4

Title of meeting: Licensing Committee
Subject: Taxi Fares Review
Report by: Licensing Manager

1. Background

1.1 Fares were last reviewed in 2019. Fuel costs have risen since then.

# Agenda Item 5

Subject: Annual Report of the Licensing Service 2024

From: Licensing Manager

Summary of the year

The service processed 1,200 applications and held 14 hearings.
"""


def _text_pages(text: str) -> list[Page]:
    return [Page("/papers/pack.txt", 1, text)]


def test_pack_with_three_reports_becomes_five_papers():
    # Item 5 has no full report header and calls itself an annual report.
    docs = _parsed(_text_pages(PACK), "hash1", 600)
    summary = [(d.type, d.agenda_item, d.meeting_date, d.published_date) for d, _ in docs]
    assert summary == [
        ("agenda", None, "2025-03-04", "2025-03-04"),
        ("minutes", "2", "2025-01-07", "2025-03-04"),
        ("report", "3", "2025-03-04", "2025-03-04"),
        ("report", "4", "2025-03-04", "2025-03-04"),
        ("annual_report", "5", "2025-03-04", "2025-03-04"),
    ]
    assert all(d.body == "Licensing Committee" for d, _ in docs)
    report = docs[2][0]
    assert report.title == "Street Trading Policy"
    assert report.agenda_item_title == "Street Trading Policy"
    assert report.author == "Head of Regulatory Services"
    assert report.key_decision is True
    assert [d.ordinal for d, _ in docs] == [0, 1, 2, 3, 4]
    assert docs[3][0].id == stable_key("hash1", "3")


def test_chunks_stay_in_their_section_and_carry_context():
    docs = _parsed(_text_pages(PACK), "hash1", 600)
    minutes_chunks = docs[1][1]
    resolved = next(c for c in minutes_chunks if "RESOLVED" in c.text)
    assert resolved.section == "Minutes > 13. Gambling Policy"
    assert resolved.paragraph == "13"
    assert "Apologies" not in resolved.text
    report_chunks = docs[2][1]
    recs = next(c for c in report_chunks if c.text.startswith("2.1"))
    assert recs.section == "Report > 2. Recommendations > 2.1"
    assert recs.context == "Street Trading Policy | Licensing Committee | 2025-03-04 | Report > 2. Recommendations > 2.1"
    assert recs.embed_text.endswith(recs.text)
    assert recs.printed_page is None  # one "Page 10" stamp alone proves nothing about this line
    assert all(c.page == 1 for _, chunks in docs for c in chunks)  # a text file has one page
    assert not any("Agenda Item" in c.text or c.text.strip() == "Page 10" for _, chunks in docs for c in chunks)


def test_pdf_pages_give_chunk_pages_and_printed_numbers():
    pages = [
        Page("/papers/r.pdf", 1, "1\nFrom: Director of Place\nTo: Cabinet - 4 March 2025\nSubject: Parking Charges\n"
             "1. Background\n1.1 Parking charges have not changed since 2015 and now cover less than half\n"
             "of the cost of enforcement.\n"),
        Page("/papers/r.pdf", 2, "2\n2. Proposal\n2.1 Charges rise by 10p an hour from April.\n"),
        Page("/papers/r.pdf", 3, "3\n3. Legal implications\n3.1 The council may set charges under the 1984 Act.\n"),
    ]
    [(doc, chunks)] = _parsed(pages, "h2", 500)
    assert (doc.type, doc.body, doc.meeting_date, doc.first_page, doc.last_page) == ("report", "Cabinet", "2025-03-04", 1, 3)
    by_para = {c.paragraph: (c.page, c.last_page, c.printed_page) for c in chunks}
    assert by_para["1.1"] == (1, 1, "1")
    assert by_para["2.1"] == (2, 2, "2")
    assert by_para["3.1"] == (3, 3, "3")


def test_progress_table_becomes_table_row_chunks():
    header = "\tPriority Commitments\tLead agencies\tLatest achievements"
    text = "\n".join([
        "Health Strategy 2017-2025. Progress update October 2022", header,
        "\tPeople live healthy lives\t\t",
        "1.1\tPromote healthy lifestyles.\tPublic Health\tStop smoking service relaunched",
        "1.2\tSupport carers.\tAdult Services\tCarers hub opened", header,
        "\t\t\tand evaluated by the university.",
        "1.3\tImprove mental health access.\tNHS Trust\tWaiting times fell",
    ])
    [(doc, chunks)] = _parsed(_text_pages(text), "h3", 800)
    assert doc.type == "progress_update"
    rows = [c for c in chunks if c.kind == "table_row"]
    assert [c.paragraph for c in rows] == ["1.1", "1.2", "1.3"]
    assert rows[1].text == ("1.2 | Priority Commitments: Support carers. | Lead agencies: Adult Services | "
                            "Latest achievements: Carers hub opened and evaluated by the university.")
    assert rows[0].section.endswith("> People live healthy lives")


def test_chunks_are_bounded():
    text = "Subject: Long report\nReport by: Officer\n\n1. Background\n\n" + " ".join(
        f"Sentence {i} explains the background in some detail." for i in range(400))
    [(_, chunks)] = _parsed(_text_pages(text), "h4", 300)
    assert len(chunks) > 20 and all(len(c.text) <= 300 for c in chunks)


def test_odd_input_never_raises():
    junk = bytes(range(256)).decode("latin-1") * 50
    for pages in (
        [Page("/x/e.txt", 1, "")],
        [Page("/x/e.pdf", 1, ""), Page("/x/e.pdf", 2, "   \n")],
        [Page("/x/big.txt", 1, "word " * 1_000_000)],
        [Page("/x/junk.txt", 1, junk)],
        [Page("/x/plain.txt", 1, "just some words with no structure at all")],
    ):
        docs = _parsed(pages, "h", 500)
        assert len(docs) == 1
        doc, chunks = docs[0]
        assert doc.type in {"other", "report", "agenda", "minutes", "strategy"}
        assert all(len(c.text) <= 500 for c in chunks)
    assert _parsed([], "h", 500) == []


def test_a_large_pack_is_split_into_its_many_papers():
    big = PACK * 60  # about 100 KB with 300 stamped papers; timing is measured in bench/, not here
    docs = _parsed(_text_pages(big), "h5", 800)
    assert len(docs) > 200


BARE_AGENDA = """City of Harbourside
NOTICE AND AGENDA OF WARD COUNCIL MEETING
Notice is hereby given that Ward Council 004 will hold a public meeting on 6 June 2023.

MEETING AGENDA

1. Roll Call and Quorum Determination
2. Public comment
3. Approval of minutes from meeting date: 9 May 2023
4. Discussions
The council will hear an update on the search for a new district commander and on the vacancies.
5. Announcement of the next regular meeting
"""


SCHEDULE = """HARBOURSIDE LICENSING BOARD
2025 MEETING SCHEDULE
Held on the second Thursday of the month in the Council Chamber at 7 pm.

JANUARY 9

MARCH 13

JULY 10

NOTES

A meeting may move when a holiday falls on its day.

FOREWORD

BACKGROUND

The board thanks its members for their service over the year.
"""


def test_agenda_items_that_are_only_their_heading_are_text_to_search():
    # Items listed with nothing under them are a list, not headings of empty sections: search and
    # chat must find "Approval of minutes from meeting date: 9 May 2023".
    [(_, chunks)] = _parsed([Page(source="ward-agenda.pdf", number=1, text=BARE_AGENDA)], "h", 900)
    [listed] = [c for c in chunks if "Roll Call" in c.text]
    assert listed.text.split("\n")[-3:] == ["1. Roll Call and Quorum Determination", "2. Public comment",
                                            "3. Approval of minutes from meeting date: 9 May 2023"]
    assert not listed.section.endswith("Roll Call and Quorum Determination")  # the list's section, not an item's
    assert any("5. Announcement of the next regular meeting" in c.text for c in chunks)
    [discussed] = [c for c in chunks if "district commander" in c.text]
    assert discussed.section.endswith("4. Discussions")  # an item with text keeps its own section


def test_a_list_of_bare_capitalised_lines_is_text_and_a_lone_bare_heading_is_not():
    [(_, chunks)] = _parsed([Page(source="schedule.pdf", number=1, text=SCHEDULE)], "h", 900)
    [dates] = [c for c in chunks if "JANUARY 9" in c.text]
    assert " ".join(dates.text.split()).endswith("JANUARY 9 MARCH 13 JULY 10")
    assert not any("FOREWORD" in c.text for c in chunks)  # a lone heading of text set out otherwise
    assert any(c.section.endswith("BACKGROUND") and "thanks its members" in c.text for c in chunks)
