"""Header blocks and minutes preambles in several councils' styles become paper metadata."""

from __future__ import annotations

import pytest

from minutebook.ingest.chunk import Line
from minutebook.ingest.metadata import Meta, extract, header_labels


def _lines(text: str) -> list[Line]:
    return [Line(t, 1) for t in text.splitlines()]


MODERNGOV_REPORT = """Title of meeting: Health and Wellbeing Board

Date of meeting: 27th September 2023

Subject: Air Quality Update

Report by: Jane Doe, Director of Public Health, Northtown City Council

Wards affected: All

Key decision: NO

1. Purpose of report
"""


def test_moderngov_report_header():
    meta = extract(_lines(MODERNGOV_REPORT), "report")
    assert meta.title == "Air Quality Update"
    assert meta.body == "Health and Wellbeing Board"
    assert meta.meeting_date == "2023-09-27"
    assert meta.author == "Jane Doe, Director of Public Health, Northtown City Council"
    assert meta.organisation == "Northtown City Council"
    assert meta.wards == "All"
    assert meta.key_decision is False


def test_tab_separated_header_takes_year_from_the_pack():
    lines = _lines("Title of meeting:\tHealth and Wellbeing Board\nSubject:\tLocal Outbreak Board\n"
                   "Date of meeting:\t23 rd September\nReport by:\tDirector of Public Health\nWards affected:\tAll")
    pack = Meta(body="Health and Wellbeing Board", meeting_date="2020-09-23", organisation="Northtown City Council")
    meta = extract(lines, "report", pack=pack, items={"4": "Local Outbreak Board (info)"}, agenda_item="4")
    assert meta.meeting_date == "2020-09-23"
    assert meta.published_date == "2020-09-23"
    assert meta.agenda_item == "4" and meta.agenda_item_title == "Local Outbreak Board (info)"
    assert meta.organisation == "Northtown City Council"


def test_minutes_carry_the_meeting_they_record_and_the_pack_they_came_in():
    lines = _lines("MINUTES OF THE MEETING of the Health and Wellbeing Board held on Wednesday, 24 November 2021 at 10.00 am\n"
                   "Present\nCouncillor A Smith")
    pack = Meta(body="Health and Wellbeing Board", meeting_date="2022-02-09")
    meta = extract(lines, "minutes", pack=pack, agenda_item="3")
    assert meta.meeting_date == "2021-11-24"
    assert meta.published_date == "2022-02-09"
    assert meta.body == "Health and Wellbeing Board"
    assert meta.title.startswith("Minutes of the Health and Wellbeing Board")


def test_from_to_subject_decision_header():
    lines = _lines("From:  Sarah Jones, Corporate Director of Children and\nEducation\n"
                   "To:   Cabinet - 4 March 2025\nSubject:  Family Hub Contracts\nDecision no:  24/00093\n"
                   "Key Decision : For the reason that:\n• It affects more than 2 Electoral Divisions\n"
                   "Classification: Unrestricted\nElectoral Division:     Sheppey")
    meta = extract(lines, "report")
    assert meta.author.startswith("Sarah Jones, Corporate Director")
    assert meta.body == "Cabinet"
    assert meta.meeting_date == "2025-03-04"
    assert meta.title == "Family Hub Contracts"
    assert meta.key_decision is True
    assert meta.exempt is False
    assert meta.wards == "Sheppey"


def test_us_minutes_header_and_body():
    lines = _lines("EAST RIVERTON\nPLANNING COMMISSION\nREGULAR MEETING MINUTES\nJanuary 27, 2020, 7:00 p.m.\n"
                   "1. CALL TO ORDER\nRESULT: APPROVED [UNANIMOUS]\nMOTION BY: Smith")
    meta = extract(lines, "minutes")
    assert meta.body == "Planning Commission"
    assert meta.meeting_date == "2020-01-27"


def test_kent_style_minutes_with_county_and_body_lines():
    lines = _lines("NORTHSHIRE COUNTY COUNCIL\n\nCABINET\n\nMINUTES of a meeting of the Cabinet held in the Council Chamber, Sessions\n"
                   "House, County Hall, Northtown on Thursday, 30 January 2025.\nPRESENT: Mr A (Chairman)")
    meta = extract(lines, "minutes")
    assert meta.organisation == "Northshire County Council"
    assert meta.body == "Cabinet"
    assert meta.meeting_date == "2025-01-30"


def test_minutes_are_not_dated_by_the_earlier_minutes_they_approve():
    lines = _lines("HARBOUR AUDIT COMMITTEE\n14 OCTOBER 2021\n(18:30 TO 19:40)\nPRESENT: Dana Fox (Chair)\n"
                   "1 DECLARATIONS OF INTEREST\nNone.\n2 MINUTES OF THE MEETING HELD ON 9 SEPTEMBER 2021 (Agenda item 3)\n"
                   "RESOLVED: That the minutes of the meeting held on 9 September are agreed as a correct record.")
    assert extract(lines, "minutes").meeting_date == "2021-10-14"
    # In an agenda pack, read by the header rules alone.
    assert extract(lines, "minutes", Meta(meeting_date="2021-11-18")).meeting_date == "2021-10-14"


def test_agenda_date_prefers_written_month_over_revision_stamp():
    meta = extract(_lines("REVISED\n4/23/19\nRIVER COUNTY BOARD OF HEALTH\nAGENDA – April 24, 2019\n1. Call to Order."), "agenda")
    assert meta.meeting_date == "2019-04-24"
    assert meta.body == "River County Board of Health"


def test_exempt_and_part_two_marks():
    assert extract(_lines("Exempt: Yes\nSubject: Land sale"), "report").exempt is True
    assert extract(_lines("PART II\nSubject: Land sale\nReport by: Officer"), "report").exempt is True
    assert extract(_lines("Subject: Land sale\nReport by: Officer"), "report").exempt is None


def test_header_labels_ignore_prose_and_need_a_separator():
    labels = header_labels(_lines("The subject of this report is roads.\nDate 24 January 2013\nTitle of Meeting Board Meeting"))
    assert "subject" not in labels
    assert labels["date_plain"] == "24 January 2013"
    assert labels["meeting"] == "Board Meeting"


def test_a_council_named_as_a_partner_is_not_the_publisher():
    from minutebook.ingest.metadata import find_organisation

    assert find_organisation(["Northtown Libraries is a charity supported by Westshire County Council"]) is None
    head = ["Councillor Ray, Leader of Eastvale & Marsh Borough Council, spoke", "Westshire County Council"]
    assert find_organisation(head) == "Westshire County Council"
    assert find_organisation(["Report of Eastvale & Marsh Borough Council"]) == "Eastvale & Marsh Borough Council"
    # "and" joins two councils, not the words of one name.
    assert find_organisation(["Work between KCC, Medway Council and District and Borough Council Leaders"]) is None


def test_a_date_in_a_report_summary_sentence_is_not_its_meeting_date():
    report = """Decision Report
Future of the Riverside Family Hubs
Summary: The current contracts for the two hubs will come to an end on 31 March 2025 and are not renewed.
1. Introduction
"""
    assert extract(_lines(report), "report").meeting_date is None
    wrapped = "Decision Report\nSummary: Following decisions about the hubs, the current\ncontracts come to an end on 31 March 2025.\n1. Introduction\n"
    assert extract(_lines(wrapped), "report").meeting_date is None
    dated = "Cabinet\n4 March 2025\nFuture of the Riverside Family Hubs\n1. Introduction\n"
    assert extract(_lines(dated), "report").meeting_date == "2025-03-04"


def test_a_meeting_date_is_chosen_from_the_evidence_not_a_minute_number():
    """Minute numbers in MM.YY.NN form look like dotted dates; the meeting's date on the title line wins."""
    text = ("Minutes of the Meeting of Hollybrook Parish Council\nheld on Thursday 30 April 2026 at 7.30pm\n"
            "04.26.01 Apologies for absence\n04.26.02 Declarations of interest\n04.26.03 Minutes of 26 March 2026")
    meta = extract(_lines(text), "minutes")
    assert meta.meeting_date == "2026-04-30"
    assert {c.iso for c in meta.date_candidates} >= {"2026-04-30", "2026-03-26"}


def test_a_us_paper_reads_its_numeric_dates_month_first():
    text = "CITY OF MAPLE GROVE\nCITY COUNCIL AGENDA\n12/06/2022\nRegular Meeting 6:00 PM\nDecember 6, 2022 minutes to follow"
    meta = extract(_lines(text), "agenda")
    assert meta.meeting_date == "2022-12-06"
    assert meta.organisation == "City of Maple Grove"


@pytest.mark.parametrize("title", ["2025 Board Meeting Schedule", "Harbour Trust Board and Committee Calendar",
                                   "Schedule of Council Meetings 2025"])
def test_a_schedule_of_meetings_has_no_meeting_date_of_its_own(title):
    text = (f"{title}\nHarbour Trust\nThursday, January 16, 2025 10:00 a.m. Board Room\n"
            "Thursday, February 20, 2025 10:00 a.m. Board Room\nThursday, March 20, 2025 10:00 a.m. Board Room")
    assert extract(_lines(text), "other").meeting_date is None
    # the same dates under an agenda's title: the first is its meeting's
    agenda = text.replace(title, "Harbour Trust Board Agenda")
    assert extract(_lines(agenda), "agenda").meeting_date == "2025-01-16"


def test_no_date_is_given_when_the_paper_only_mentions_one_in_passing():
    text = "Annual Risk Register\nThe register was last reviewed by the clerk, who will report again before 31 March 2024."
    assert extract(_lines(text), "other").meeting_date is None


def test_a_council_meeting_as_itself_is_its_own_organisation_and_a_letterhead_names_the_city():
    meta = extract(_lines("Minutes of the Meeting of Hollybrook Parish Council\nheld on 3 May 2024"), "minutes")
    assert (meta.body, meta.organisation) == ("Hollybrook Parish Council", "Hollybrook Parish Council")
    letterhead = extract(_lines("CITY OF\nCEDAR FALLS HEIGHTS 100 MAIN STREET\nAGENDA\nCity Council\nJanuary 9, 2023"), "agenda")
    assert letterhead.organisation == "City of Cedar Falls Heights"
    speech = extract(_lines("HOLLYBROOK TOWN COUNCIL\nPlanning Committee\nMinutes of the meeting held on 4 May 2023\n"
                            "1. Applications\nThe Committee heard that the City of London had objected."), "minutes")
    assert speech.organisation == "Hollybrook Town Council"  # the letterhead, not a city named in the minutes


# The organisation is chosen among every organisation-shaped name by a fitted model; these are the
# publishing styles it meets, each written here in a few lines.
ORGANISATION_STYLES = [
    ("US letterhead over two lines", "CITY OF\nMAPLE GROVE HEIGHTS\nREGULAR MEETING AGENDA\nPLANNING COMMISSION\n"
     "Tuesday, March 5, 2024 7:00 PM\n1. Call to order", "agenda", "City of Maple Grove Heights"),
    ("UK parish minutes", "Barnby Parish Council\nMinutes of the Parish Council meeting held on 12 March 2024\n"
     "Present: Cllrs Ash and Birch", "minutes", "Barnby Parish Council"),
    ("school district board", "Riverbend Unified School District\nBoard of Education\nSpecial Meeting Agenda\n"
     "April 6, 2016", "agenda", "Riverbend Unified School District"),
    ("library district", "Elmhurst Public Library District\nBoard of Trustees Regular Meeting\nMay 20, 2020\n"
     "AGENDA", "agenda", "Elmhurst Public Library District"),
    ("a city's board named only by its hall's address", "PARKS AND RECREATION BOARD\nCity Council Chambers\n"
     "12 Quay Street\nHarbourside, California 90210\nNOVEMBER 10, 2022\n06:00 P.M.\n1. Call to order", "agenda",
     "City of Harbourside"),
    ("a postal line wrapped before its code", "December 20, 2022\n6:00 PM\nCouncil Chambers of City Hall\n"
     "40 Harbour Drive\nHarbourside Heights, CA\n90274\nAGENDA\nPLANNING COMMISSION", "agenda", "City of Harbourside Heights"),
    ("a heading in capitals, its short words as the text writes them", "DE LA MER CITY COUNCIL\nREGULAR MEETING AGENDA\n"
     "Monday, March 4, 2024 6:30 PM\nThe De La Mer City Council will meet in the Harbour Room.", "agenda", "De La Mer City Council"),
    ("a post signed before its council", "Thursday, 5 March 2020\nHarbourside Playground Restoration\n"
     "Notes from First Open Meeting\n1. Chair: Dana Fox, Chairman Harbourside Parish Council.", "minutes",
     "Harbourside Parish Council"),
    ("a town's name run on by the words after it", "RESOLUTION NO. 12-2024\nA resolution adopting a fee schedule\n"
     "Charges may add the City of Harbourside Surveyor, Solicitor, Clerk.\n"
     "Adopted on April 8, 2024 at the City of Harbourside Meeting (5-0 vote)", "decision_record", "City of Harbourside"),
    ("a county council's heading over its full council's", "NORTHSHIRE COUNTY COUNCIL\nCOUNTY COUNCIL\n"
     "MINUTES of a meeting of the County Council held in the Council Chamber, County Hall, on Thursday, 13 February 2025.",
     "minutes", "Northshire County Council"),
    ("a partner named under the masthead", "Friends of Hollybrook Library\nsupported by Hollybrook Town Council\n"
     "Board minutes, 4 May 2023", "minutes", None),
    ("a Welsh community council, its kind before its place", "CYNGOR CYMUNED CWM ARIAN\n"
     "Cofnodion cyfarfod misol Cyngor Cymuned Cwm Arian a gynhaliwyd nos Fawrth, 16 Ionawr 2024.\nPresennol:", "minutes",
     "Cyngor Cymuned Cwm Arian"),
]


@pytest.mark.parametrize("style, text, kind, organisation", ORGANISATION_STYLES, ids=[s[0] for s in ORGANISATION_STYLES])
def test_the_organisation_is_read_in_each_publishing_style(style, text, kind, organisation):
    assert extract(_lines(text), kind).organisation == organisation


def test_a_board_meeting_as_the_body_is_not_taken_for_its_council():
    meta = extract(_lines("Health and Wellbeing Board\n27 September 2023\nReport of the Director of Public Health\n"
                          "Purpose\n1.1 This report updates the Board.\nRiverton City Council has agreed the plan."), "report")
    assert meta.organisation != "Health and Wellbeing Board"


LIBRARY_AGENDA = """Harbourside Public Library District
Wednesday, May 20, 2020, 7:00 p.m.
Remote meeting by video conference
AGENDA
1. Call to Order and Roll Call of the Board of Trustees
2. Public Comment
3. Approval of the minutes of the Board of Trustees meeting of April 15, 2020
4. Treasurer's report to the Board of Trustees
5. Director's report
6. Adjournment"""


def test_the_body_is_chosen_from_the_names_the_paper_repeats_when_its_header_names_none():
    # No header line names the body; the agenda's items name it three times.
    meta = extract(_lines(LIBRARY_AGENDA), "agenda")
    assert meta.body_rule is None and meta.body == "Board of Trustees"
    assert [c.name for c in meta.body_candidates] == ["Board of Trustees"]


def test_a_body_named_only_by_its_kind_is_no_candidate_and_a_pick_the_candidates_lack_stands():
    text = "Harbour Libraries Ltd - Annual General Meeting\nThe Board met the Council.\nThe Council thanked the Board."
    meta = extract(_lines(text), "minutes")
    assert all(len(c.name.split()) > 1 for c in meta.body_candidates)  # "Board", "Council" alone name no body
    from minutebook.ingest import body

    found = body.candidates(["Supported by Harbour County Council"] * 5, lambda t: [(13, 35, "Harbour County Council")],
                            "Harbour Libraries Ltd", None)
    assert body.choose(found, "Harbour Libraries Ltd") == "Harbour Libraries Ltd"


def test_a_summary_or_record_of_a_meeting_names_its_body_as_minutes_of_one_do():
    from minutebook.ingest import body

    for line in ("SUMMARY OF QUAYFORD CITY COUNCIL MEETING", "Record of the Quayford City Council meeting"):
        start = line.upper().index("QUAYFORD")
        found = body.candidates([line], lambda t: [(start, start + 21, t[start:start + 21])], None, None)
        assert found[0].features["paper_before"] == 1.0, line


def test_a_title_naming_two_kinds_of_paper_names_the_body_after_them():
    meta = extract(_lines("City of Harbourside\nNOTICE AND AGENDA OF HARBOUR DISTRICT COUNCIL MEETING\n"
                          "Notice is hereby given that the Harbour District Council will hold a public meeting.\n"
                          "Date/Time: June 6, 2026, 5:30pm\n1. Roll Call\n2. Public comment"), "agenda")
    assert meta.body == "Harbour District Council"


def test_a_council_named_by_its_place_is_that_places_council():
    meta = extract(_lines("Council of the City of Quayford\n\nMinutes - Regular Meeting\nWednesday, April 30, 2025\n\n"
                          "The Council met at 9:30 a.m.\nMadam Speaker: All those in favour? Contrary? Carried."), "minutes")
    # The candidate is the council of the place; the fitted model weighs it with the others.
    assert [c.name for c in meta.body_candidates][:1] == ["City Council"] and meta.organisation == "City of Quayford"


def test_an_enactment_is_dated_by_its_adoption_not_by_when_it_takes_effect():
    text = ("ORDINANCE NO. 41-2021\nAN ORDINANCE ON MOORINGS\nThis ordinance takes effect July 1, 2021.\n"
            "WHEREAS, the river is used for recreation;\nPASSED AND ADOPTED this 14th day of June, 2021.")
    meta = extract(_lines(text), "decision_record")
    assert [c.iso for c in meta.date_candidates if c.features["rule_pick"]] == ["2021-06-14"]
    assert meta.meeting_date == "2021-06-14"  # the date it says it was adopted, even where the model is unsure
    # Without an adoption line the effective date is not taken for the meeting's.
    undated = "ORDINANCE NO. 41-2021\nAN ORDINANCE ON MOORINGS\nThis ordinance takes effect July 1, 2021."
    assert extract(_lines(undated), "decision_record").meeting_date is None


def test_a_record_number_below_its_name_is_part_of_the_title():
    meta = extract(_lines("Resolution NO\n112 – 2023\nA resolution setting the fees for hall hire."), "decision_record")
    assert meta.title == "Resolution NO 112 – 2023"
