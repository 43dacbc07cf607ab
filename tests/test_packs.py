"""Agenda packs split at agenda-item stamps; each paper gets a type."""

from __future__ import annotations

from minutebook.ingest.chunk import Line
from minutebook.ingest.packs import agenda_items, classify, split_pack


def _lines(text: str, page: int = 1) -> list[Line]:
    return [Line(t, page) for t in text.splitlines()]


TEXT_PACK = """NOTICE OF MEETING
LICENSING COMMITTEE
TUESDAY, 4 MARCH 2025 AT 2.00 PM
AGENDA
1 Apologies for absence
2 Minutes of the previous meeting (Pages 3 - 8)
3 Street Trading Policy (Pages 9 - 20)
# Agenda Item 2
MINUTES OF THE MEETING of the Licensing Committee held on Tuesday, 7 January 2025 at 2.00 pm
12. Apologies
None were received.
# Agenda Item 3
Title of meeting: Licensing Committee
Subject: Street Trading Policy
Report by: Head of Regulatory Services
1. Purpose of report
1.1 To agree a new policy.
"""


def test_text_pack_splits_at_markdown_stamps():
    papers = split_pack(_lines(TEXT_PACK), paged=False)
    assert [p.agenda_item for p in papers] == [None, "2", "3"]
    assert all(p.in_pack for p in papers)
    assert papers[1].lines[0].text.startswith("MINUTES OF THE MEETING")
    assert not any("Agenda Item" in line.text for p in papers for line in p.lines)
    assert [classify(p.lines) for p in papers] == ["agenda", "minutes", "report"]


def test_pdf_stamp_at_page_foot_starts_the_paper_at_the_top_of_its_page():
    lines = (
        _lines("Dear Member\nPlease find enclosed the documents for Item 6.", 1)
        + _lines("From: Leader of the Council\nTo: Council - 6 March 2025\nSubject: Budget\nPage 1\nAgenda Item 6", 2)
        + _lines("1. Background\nMore text.\nAgenda Item 6", 3)
        + _lines("By: Chief Executive\nTo: Council\nSubject: Pay Policy\nAgenda Item 7", 4)
    )
    papers = split_pack(lines, paged=True)
    assert [(p.agenda_item, p.lines[0].page, p.lines[-1].page) for p in papers] == [(None, 1, 1), ("6", 2, 3), ("7", 4, 4)]
    assert papers[1].lines[0].text.startswith("From:")


def test_file_without_stamps_is_one_paper():
    papers = split_pack(_lines("Annual Report 2023/24\nForeword\nText."), paged=False)
    assert len(papers) == 1 and papers[0].agenda_item is None and not papers[0].in_pack


def test_classify_types():
    assert classify(_lines("CITY OF RIVERTON\nPLANNING COMMISSION\nREGULAR MEETING MINUTES\nJanuary 27, 2020")) == "minutes"
    assert classify(_lines("Tuesday,January10,2023\nCityCouncil\nRegularMeetingAgenda")) == "agenda"
    assert classify(_lines("A G E N D A\n1. Call to order")) == "agenda"
    assert classify(_lines("CYNGOR CYMUNED CWM ARIAN\nCofnodion cyfarfod misol y Cyngor, 16 Ionawr 2024")) == "minutes"  # Welsh
    assert classify(_lines("NORTHSHIRE COUNCIL – RECORD OF DECISION\nDECISION TO BE TAKEN BY:\nCabinet Member")) == "decision_record"
    assert classify(_lines("By: Scrutiny Officer\nTo: Cabinet - 4 March 2025\nSubject: Minutes of the call-in\nSummary: text")) == "report"
    assert classify(_lines("Director of Public Health Annual Report 2023/24\nContents")) == "annual_report"
    assert classify(_lines("Wellbeing Strategy 2017-2025. Progress update October 2022\n\tA\tB\tC")) == "progress_update"
    assert classify(_lines("Our Libraries Strategy\nForeword\nText")) == "strategy"
    assert classify(_lines("Some notes\nText"), title="Appendix B - Consultation responses") == "appendix"
    assert classify(_lines("Hello\nworld")) == "other"


def test_an_enactment_is_a_decision_record():
    numbered = "Resolution NO\n112 – 2023\nA resolution setting the fees for hall hire."
    recited = ("HARBOURSIDE PORT DISTRICT\nWHEREAS, the District owns the quay; and\n"
               "WHEREAS, the quay needs repair;\nNOW, THEREFORE, BE IT RESOLVED that the works proceed.")
    assert classify(_lines(numbered)) == "decision_record"
    assert classify(_lines(recited)) == "decision_record"
    # One recital quoted in a paper is not an enactment, nor is a report that attaches one.
    assert classify(_lines("Quay Hall Trust\nNotes\nWHEREAS the hall was let twice, income rose.")) == "other"
    assert classify(_lines("Subject: Quay fees\nReport by: Harbour Master\nResolution No. 12 is attached")) == "report"


def test_agenda_items_read_the_list_and_drop_page_references():
    items = agenda_items(_lines(TEXT_PACK))
    assert items == {"1": "Apologies for absence", "2": "Minutes of the previous meeting", "3": "Street Trading Policy"}


def test_agenda_items_ignore_dates_and_statistics():
    items = agenda_items(_lines("AGENDA\n9 February 2022\n1 Welcome\n2 Apologies\n4 IN 10 people\n3 Budget"))
    assert items == {"1": "Welcome", "2": "Apologies", "3": "Budget"}


def test_minutes_that_do_not_call_themselves_minutes_are_known_by_the_meeting_told_in_the_past():
    us = ["ELMHURST PUBLIC LIBRARY DISTRICT", "Regular Meeting of the Board of Trustees", "Wednesday, May 20, 2020",
          "1. Call to order - Trustee Ash called the meeting to order at 7:16 p.m.", "2. Roll Call",
          "ATTENDING: Trustees Ash, Birch, Cole", "3. Approval of the agenda"]
    uk = ["Barnby Village Hall Committee", "Meeting held on 3 May 2024", "Present: Mrs Ash (Chair), Mr Birch",
          "Apologies: Mr Cole", "1. The report of the treasurer was received."]
    assert classify(_lines("\n".join(us))) == "minutes"
    assert classify(_lines("\n".join(uk))) == "minutes"
    # A report that lists who it is for is still a report.
    report = ["Barnby Parish Council", "Report to the meeting of 3 May 2024", "Purpose of report: the playground fence"]
    assert classify(_lines("\n".join(report))) == "report"


def test_a_pack_splits_where_a_page_opens_the_minutes_of_a_meeting():
    agenda = _lines("Quay Hall Council\nAudit Committee\nA meeting of the Audit Committee will be held:\n"
                    "Date: 18 November 2021\n1 Minutes of the last meeting\n2 Annual accounts", page=1)
    minutes = _lines("AUDIT COMMITTEE\n14 OCTOBER 2021\nPRESENT:\nCouncillors Ash and Birch\n"
                     "1 DECLARATIONS OF INTEREST\nNone.", page=2)
    more = _lines("Present: the Clerk for item 4\n4 ANNUAL ACCOUNTS\nRESOLVED: that the accounts be approved.", page=3)
    papers = split_pack(agenda + minutes + more, paged=True)
    assert [len(p.lines) for p in papers] == [6, 9]
    assert [classify(p.lines) for p in papers] == ["agenda", "minutes"]
    # Minutes that open the file are one paper; a page naming who was present without a title
    # block and date above it goes on from the page before.
    assert len(split_pack(minutes + more, paged=True)) == 1


def test_notes_of_a_meeting_are_its_minutes():
    assert classify(_lines("Tuesday, 9 June 2020\nHarbourside Playground\nNotes from First Residents Meeting\n1. Chair: A Ash")) == "minutes"


def test_a_meetings_title_block_with_its_day_and_hour_is_an_agenda():
    block = "HARBOUR BOARD\nQuay Hall Chambers\n12 Harbour Road\nMARCH 3, 2021\n07:00 P.M.\nWelcome and apologies"
    assert classify(_lines(block)) == "agenda"
    # A schedule lists many meetings; a notice moving a meeting gives two dates on its line.
    schedule = ("HARBOUR BOARD 2022 CALENDAR OF MEETINGS\nThursday, January 13, 2022\n10:00 am\nThursday, March 10, 2022\n"
                "Thursday, May 12, 2022\nThursday, July 14, 2022\nThursday, September 8, 2022")
    assert classify(_lines(schedule)) == "other"
    moved = "HARBOUR BOARD\nThe meeting of Thursday, March 4, 2021 at 7:00 p.m. is moved to April 8, 2021.\nThe Clerk"
    assert classify(_lines(moved)) == "other"


def test_a_paper_telling_how_its_motions_went_is_minutes_whatever_its_head_says():
    head = ("HARBOUR BOARD MEETING REPORT\nActions taken by the Board on the items of this meeting agenda.\n"
            "March 3, 2021 7:00 PM\n")
    items = "".join(f"{n}. Approving the Quay Hall lease {n}. Moved by Ash to adopt. Motion Carried 5-1.\n(A) Lease plan\n"
                    for n in range(1, 6))
    assert classify(_lines(head + items)) == "minutes"
    # An agenda that mentions one earlier outcome is still an agenda.
    agenda = "HARBOUR BOARD MEETING AGENDA\nMarch 3, 2021 7:00 PM\n" + "".join(f"{n}. Item {n}\n(A) Report\n" for n in range(1, 12))
    assert classify(_lines(agenda + "The lease was approved last month (Motion Carried 5-1).\n")) == "agenda"
