"""Decision extraction on hand-written papers in several councils' styles, each with its gold rows.

Gold rows are (kind, reference, items); a row with items None only asserts the kind and reference.
One test scores all fixtures together (precision and recall must reach 0.95); the others assert
exact rows and details for one style each.
"""

from __future__ import annotations


import pytest

from minutebook.ingest.read import html_to_text
from minutebook.ingest.structure import build_documents
from minutebook.vocabulary import Page

MODERNGOV_MINUTES = """MINUTES OF THE MEETING of the Licensing Committee held on Tuesday, 7 January 2025 at 2.00 pm

Present

Councillor Brown (in the Chair)

12. Apologies for absence (AI 1)

Apologies were received from Councillor Green.

13. Minutes of the previous meeting (AI 2)

RESOLVED that the minutes of the meeting held on 5 November 2024 be approved as a correct record.

14. Gambling Policy (AI 3)

The Licensing Manager introduced the report. Members asked about the consultation.

The Licensing Manager said a summary of the responses will be brought back to the Committee in six months.

RESOLVED that the Committee:

(i) Approve the draft gambling policy for consultation.

(ii) Note the timetable set out in paragraph 4.2.

(iii) Agree that the final policy will return to the Committee in March 2025 for adoption.

15. Licensing Service Update (AI 4)

RESOLVED that the update be noted.

16. UNRESOLVED BALANCE of the licensing reserve

The UNRESOLVED BALANCE was reported to members for information.
"""

NHS_MINUTES = """Minutes of the Board of Directors meeting held in public on 3 March 2024

1. Welcome and apologies

The Chair welcomed members.

2. Integrated Performance Report

The Chief Operating Officer presented the report. The Board discussed waiting times.

AGREED: The Board approved the revised elective recovery trajectory.

3. Annual Plan 2024/25

The Board RESOLVED to approve the annual plan, subject to the changes discussed.

It was resolved that the Chief Executive sign the plan on behalf of the Board.

4. Freedom to Speak Up

Officers to circulate the guardian's annual report to all members before the next meeting.
"""

US_MINUTES = """CITY OF RIVERTON PLANNING COMMISSION MINUTES
Regular Meeting, March 4, 2024

1. CALL TO ORDER

2. APPROVAL OF THE AGENDA

RESULT: APPROVED [UNANIMOUS]
MOTION BY: Lopez
SECOND: Chen
AYES: Lopez, Chen, Ortiz, Smith, Jones
ABSENT: Park

3. VARIANCE 24-017

Commissioner Ortiz made a motion, seconded by Commissioner Smith, to deny the variance. Motion failed 2-3.

4. BUDGET

Commissioner Lopez moved to adopt the budget for fiscal year 2025. Motion carried 5-0.
"""

DECISION_RECORD = """KENT COUNTY COUNCIL – RECORD OF DECISION

DECISION TO BE TAKEN BY:
Cabinet Member for Highways

DECISION NUMBER:
25/00012

Subject Matter: Winter Gritting Routes

Decision:
As Cabinet Member for Highways I agree to:

APPROVE the revised winter gritting routes set out in the report.

DELEGATE authority to the Director of Highways to make minor changes to the routes.

Reason(s) for decision:
The routes have not been reviewed since 2015.
"""

REPORT = """Title of meeting: Health and Wellbeing Board
Date of meeting: 12 March 2025
Subject: Physical Activity Strategy
Report by: Director of Public Health

1. Purpose of report

1.1 To seek approval of the physical activity strategy.

2. Recommendations

2.1 The Health and Wellbeing Board is recommended to:

(a) Approve the physical activity strategy 2025-2030.

(b) Note the action plan at Appendix A.

(c) Agree that a progress report is presented to the Board in twelve months.

3. Background

3.1 The previous strategy ended in 2024. We will publish the strategy on the council website.

4. Next steps

4.1 The Board is recommended to approve the strategy so that delivery can start in April.
"""

ANNUAL_REPORT = """Director of Public Health Annual Report 2024

Chapter 1: Our town

The population of the town grew by 3% over the decade.

Recommendations

Recommendation 1: Make every school a healthy school

- Offer free breakfast clubs in every primary school.
- Train staff in mental health first aid.

Recommendation 2: Reduce smoking in pregnancy

- Commission a specialist stop-smoking service for pregnant women.

Recommendation 3: Grow the community champions network

Glossary

Champion: a volunteer who shares health messages.
"""

STRATEGY = """Riverton Health and Wellbeing Strategy 2024-2029

Our priorities

We will reduce the gap in healthy life expectancy between the most and least deprived wards.

In the first year we will open two new community health hubs.

We will need to work with partners on this, but funding is not yet agreed.

Progress update

ID\tCommitment\tLead\tStatus\tLatest update
1.1\tIncrease physical activity among adults\tLeisure Trust\tGreen\tTwo new walking groups started.
1.2\tReduce loneliness in older people\tAge Concern\tAmber\tBefriending pilot delayed to spring.
2.1\tImprove access to mental health support\tNHS Trust\tRed\tWaiting lists have grown.
"""

AGENDA = """NOTICE OF MEETING

LICENSING COMMITTEE

TUESDAY, 4 MARCH 2025 AT 2.00 PM

AGENDA

1 Apologies for absence

2 Minutes of the previous meeting (Pages 3 - 8)

RECOMMENDED that the minutes of the meeting held on 7 January 2025 be approved as a correct record.

3 Street Trading Policy (Pages 9 - 20)

To consider the report of the Head of Regulatory Services.
"""

# (kind, reference, items) per fixture; items None = not asserted.
GOLD = {
    "moderngov_minutes": (MODERNGOV_MINUTES, [
        ("resolution", "13", []),
        ("action", "14", None),
        ("resolution", "14", ["Approve the draft gambling policy for consultation.",
                              "Note the timetable set out in paragraph 4.2.",
                              "Agree that the final policy will return to the Committee in March 2025 for adoption."]),
        ("action", "14", None),
        ("resolution", "15", []),
    ]),
    "nhs_minutes": (NHS_MINUTES, [
        ("resolution", "2", []),
        ("resolution", "3", []),
        ("resolution", "3", []),
        ("action", "4", None),
    ]),
    "us_minutes": (US_MINUTES, [
        ("resolution", "2", []),
        ("resolution", "3", []),
        ("resolution", "4", []),
    ]),
    "decision_record": (DECISION_RECORD, [
        ("resolution", "25/00012", ["APPROVE the revised winter gritting routes set out in the report.",
                              "DELEGATE authority to the Director of Highways to make minor changes to the routes."]),
    ]),
    "report": (REPORT, [
        ("recommendation", "2", ["Approve the physical activity strategy 2025-2030.", "Note the action plan at Appendix A.",
                                 "Agree that a progress report is presented to the Board in twelve months."]),
        ("action", "2.1", None),
        ("commitment", None, None),
    ]),
    "annual_report": (ANNUAL_REPORT, [
        ("recommendation", "1", ["Offer free breakfast clubs in every primary school.", "Train staff in mental health first aid."]),
        ("recommendation", "2", ["Commission a specialist stop-smoking service for pregnant women."]),
        ("recommendation", "3", []),
    ]),
    "strategy": (STRATEGY, [
        ("commitment", None, None),
        ("commitment", None, None),
        ("commitment", "1.1", None),
        ("commitment", "1.2", None),
        ("commitment", "2.1", None),
    ]),
    "agenda": (AGENDA, [
        ("recommendation", "2", []),
    ]),
}


def _decisions(text: str, name: str = "paper.txt"):
    docs = build_documents([Page(f"/papers/{name}", 1, text)], "h" * 64, 1200)
    return [decision for doc in docs for decision in doc.decisions]


def _of_kind(text: str, kind: str, name: str = "paper.txt"):
    """The decisions of one kind read from a paper's text."""
    return [decision for decision in _decisions(text, name) if decision.kind == kind]


def _texts_of_kind(text: str, kind: str, name: str = "paper.txt") -> list[str]:
    """The texts of the decisions of one kind read from a paper's text."""
    return [decision.text for decision in _of_kind(text, kind, name)]


def _plain_texts(text: str, kind: str) -> list[str]:
    """The same, each on one line with single spaces, as a wrapped paragraph reads."""
    return [" ".join(said.split()) for said in _texts_of_kind(text, kind)]


def _one_starts(texts: list[str], words: str) -> bool:
    """Whether one of the rows' texts opens with ``words``."""
    return any(text.startswith(words) for text in texts)


def _one_ends(texts: list[str], words: str) -> bool:
    """Whether one of the rows' texts closes with ``words``."""
    return any(text.endswith(words) for text in texts)


def _the_resolution(text: str):
    """The one resolution read from a paper's text, and its words on one line."""
    [row] = _of_kind(text, "resolution")
    return row, " ".join(row.text.split())


def _rows(decisions):
    return [(d.kind, d.reference, d.items) for d in decisions]


def _matches(gold, got) -> bool:
    kind, reference, items = gold
    return got[0] == kind and got[1] == reference and (items is None or got[2] == items)


@pytest.mark.parametrize("name", sorted(GOLD))
def test_fixture_rows_are_exact(name):
    text, gold = GOLD[name]
    rows = _rows(_decisions(text, f"{name}.txt"))
    assert len(rows) == len(gold), rows
    for expected, got in zip(gold, rows):
        assert _matches(expected, got), (expected, got)


def test_precision_and_recall_over_all_fixtures():
    true_positive = predicted = expected = 0
    for name, (text, gold) in GOLD.items():
        rows = _rows(_decisions(text, f"{name}.txt"))
        predicted += len(rows)
        expected += len(gold)
        left = list(rows)
        for item in gold:
            hit = next((row for row in left if _matches(item, row)), None)
            if hit is not None:
                left.remove(hit)
                true_positive += 1
    precision, recall = true_positive / predicted, true_positive / expected
    assert precision >= 0.95 and recall >= 0.95, (precision, recall)


def test_resolution_details_and_unresolved_is_never_a_match():
    decisions = _decisions(MODERNGOV_MINUTES, "minutes.txt")
    resolutions = [d for d in decisions if d.kind == "resolution"]
    assert not any("UNRESOLVED" in d.text for d in decisions)
    assert resolutions[1].title == "Gambling Policy"
    assert resolutions[1].details["meeting_date"] == "2025-01-07"
    assert resolutions[2].details["outcome"] == "noted"


def test_actions_resolve_due_dates_against_the_meeting():
    actions = _of_kind(MODERNGOV_MINUTES, "action", "minutes.txt")
    six_months, march = actions
    assert six_months.details["due_text"] == "in six months"
    assert six_months.details["due_date"] == "2025-07-07"
    assert march.details["due_date"] == "2025-03-01"  # a month is its first day
    assert "Officers" in _of_kind(NHS_MINUTES, "action")[0].details["who"]


def test_us_votes_give_mover_seconder_and_counts():
    first, failed, carried = _decisions(US_MINUTES, "us.txt")
    assert first.details["mover"] == "Lopez" and first.details["seconder"] == "Chen"
    assert first.details["votes"]["for"] == 5 and first.details.get("unanimous")
    assert failed.details["outcome"] == "failed" and failed.details["votes"] == {"for": 2, "against": 3, "abstain": 0}
    assert carried.details["votes"]["for"] == 5


KENT_VOTES = """MINUTES of a meeting of the County Council held on Thursday, 9 January 2025.

285. English Devolution White Paper
(Item 3)

1) Mr Gough proposed, and Mr Oakford seconded the motion that

“County Council is asked to:
(1) Endorse the joint work
(2) Note the timetable”

2) Mr Hood proposed and Mr Baldock seconded the following amendment:

“County Council is asked to:
(1) Reject the joint work”

3) The voting on the amendment was as follows:

For (14)

Mr Baldock, Mr Hood

Against (45)

Mr Gough, Mr Oakford

Amendment lost.

4) The Chairman put the motion to the vote and the voting was as follows:

For (39)

Mr Gough, Mr Oakford

Against (19)

Mr Hood

Abstain (1)

Ms Constantine

Motion carried.

5) RESOLVED that the County Council:
(1) Endorses the joint work
(2) Notes the timetable
"""


def test_recorded_votes_follow_the_motion_not_the_lost_amendment():
    decisions = _decisions(KENT_VOTES, "kent.txt")
    resolutions = [d for d in decisions if d.kind == "resolution"]
    assert len(resolutions) == 1  # the quoted motion and amendment are not resolutions
    resolution = resolutions[0]
    assert resolution.reference == "285"
    assert resolution.items == ["Endorses the joint work", "Notes the timetable"]
    assert resolution.details["votes"] == {"for": 39, "against": 19, "abstain": 1}
    assert resolution.details["mover"] == "Mr Gough" and resolution.details["seconder"] == "Mr Oakford"


def test_recommendation_details_and_no_restated_rows():
    decisions = _decisions(REPORT, "report.txt")
    recommendations = [d for d in decisions if d.kind == "recommendation"]
    assert len(recommendations) == 1  # "4.1 The Board is recommended to approve" restates the list
    details = recommendations[0].details
    assert details["addressee"] == "The Health and Wellbeing Board"
    assert details["meeting_date"] == "2025-03-12"
    assert details["report_title"] == "Physical Activity Strategy"


def test_progress_table_commitments_carry_owner_status_update():
    rows = [d for d in _of_kind(STRATEGY, "commitment", "strategy.txt") if d.reference]
    assert rows[1].text == "Reduce loneliness in older people"
    assert rows[1].details == {"owner": "Age Concern", "status": "Amber", "update": "Befriending pilot delayed to spring."}


def test_minutes_without_markers_record_decisions_in_prose():
    text = """Harbour Trust Board Meeting Minutes 12 December 2024

1. Anti-Bribery Policy

Updated with change in legislation - the policy was accepted by the Board.

2. Accounts

There were no questions and the accounts were accepted and approved.
Proposer: Dana Fox
Seconder: Sam Ash

3. Any other business

The chair thanked the staff.
"""
    resolutions = _of_kind(text, "resolution", "minutes.txt")
    assert [d.reference for d in resolutions] == ["1", "2"]
    assert resolutions[1].details["mover"] == "Dana Fox"
    assert resolutions[1].details["seconder"] == "Sam Ash"


def test_what_follows_the_decision_verb_is_what_was_decided_not_a_condition():
    text = """Harbour Trust Board Meeting Minutes 12 December 2024

1. Trustees

After discussion the board agreed to co-opt Dana Fox as a trustee and she would be invited to join the meeting for the next item.

2. Moorings

The board agreed to hold the mooring fees, but would review them if the harbour dues rose.

3. Slipway

Members asked whether the board had agreed the slipway works last year. The chair said it would be agreed once quotes were in.

4. Hall

The caretaker asked if the hall could open on Sundays and the board agreed to a trial from March.
"""
    resolutions = _texts_of_kind(text, "resolution", "minutes.txt")
    assert len(resolutions) == 3
    assert resolutions[2].startswith("The caretaker asked if the hall could open on Sundays and the board agreed")
    assert resolutions[0].startswith("After discussion the board agreed to co-opt Dana Fox")
    assert resolutions[1].startswith("The board agreed to hold the mooring fees")


def test_agenda_items_follow_their_numbering_and_captions_not_only_their_lines():
    # A long item title is not read as opening a paragraph; its number, the next in sequence, still
    # opens the item. A caption in capitals ends the item before it, and its lettered list restarts.
    agenda = """HARBOURSIDE WATER DISTRICT
BOARD OF DIRECTORS REGULAR MEETING AGENDA
Tuesday, May 9, 2023 at 6:00 p.m.

4. CONSENT CALENDAR
4.1 Approve Minutes of the Regular Meeting of April 11, 2023
4.2 Receive and File the Treasurer's Report for March 2023
4.3 Adopt Resolution No. 23-14 Authorizing the General Manager to Execute an Agreement with Bayline Pumps for Pump Station Maintenance in an Amount Not to Exceed $85,000
5. RESOLUTIONS
REGULAR ACTIONS OF THE BOARD:
A. RESOLUTION (2023-15) Contract with Quay Marine Services for buoy maintenance from July 1, 2023 through June 30, 2024 in an amount not to exceed $40,000.
B. RESOLUTION (2023-16) Enter into a Memorandum of Understanding with the Harbour Fire District for shared dispatch.
RULES AND FEES:
A. RESOLUTION (2023-17) Amend the schedule of connection fees effective July 1, 2023.
"""
    rows = _texts_of_kind(agenda, "recommendation", "agenda.txt")
    assert any(text.startswith("4.2 Receive and File") and "4.3" not in text for text in rows)
    assert any(text.startswith("4.3 Adopt Resolution No. 23-14") for text in rows)
    assert any(text.startswith("A. RESOLUTION (2023-15) Contract with Quay Marine") and "(2023-16)" not in text for text in rows)
    assert any(text.startswith("B. RESOLUTION (2023-16) Enter into") and "RULES AND FEES" not in text for text in rows)
    assert any(text.startswith("A. RESOLUTION (2023-17) Amend") for text in rows)


def test_notes_in_bullet_points_record_decisions_told_without_their_subject():
    notes = """QUAYFORD PARISH COUNCIL
Notes of the meeting held on Tuesday 10 September 2024

7. Planning
 a) 24/01432/HOUS - Rose Cottage - rear extension.
    - Plans viewed. Nothing of concern.
    - Agreed unanimously: no objection to this application.
8. Finance
 - Two insurance quotes were circulated.
 - Agreed to move to Quayguard on a three-year agreement at £612 a year.
 - Financial Regulations: deferred - the Chair wants to check the payment limits.
9. Highways
 - Mill Row lorries - agreed to ask the County for weight limit signs.
 - Deferred footpath repairs - agreed to ask the County for a date.
"""
    resolutions = _of_kind(notes, "resolution", "minutes.txt")
    texts = [d.text for d in resolutions]
    assert any("Agreed unanimously: no objection to this application." in text for text in texts)
    assert any("Agreed to move to Quayguard on a three-year agreement" in text for text in texts)
    assert any("Mill Row lorries - agreed to ask the County" in text for text in texts)
    assert [d.details["outcome"] for d in resolutions if "Financial Regulations" in d.text] == ["deferred"]
    assert [d.details["outcome"] for d in resolutions if "footpath repairs" in d.text] == ["approved"]  # a caption's word
    assert not any("Plans viewed" in text or "quotes were circulated" in text for text in texts)


def test_a_resolution_directing_staff_and_an_officer_s_undertaking_are_tasks():
    minutes = """Township of Quayford
Minutes of the Regular Council Meeting, June 18, 2024

7. Delegations
A resident spoke about flooding on Quay Road. The Director of Public Works undertook to meet her on site within two weeks.

8. Staff Reports
Resolution No. 2024-149
Moved by Councillor Fox Seconded by Councillor Ash
THAT Council receive Report PW-2024-11; AND THAT staff be directed to prepare the required by-law.
CARRIED
"""
    actions = _texts_of_kind(minutes, "action", "minutes.txt")
    assert any(text.startswith("The Director of Public Works undertook to meet her on site") for text in actions)
    assert any("staff be directed to prepare the required by-law" in text for text in actions)
    assert not any("A resident spoke about flooding" == text for text in actions)


WELSH_MINUTES = """CYNGOR CYMUNED CWM ARIAN

Cofnodion cyfarfod misol y Cyngor a gynhaliwyd nos Fawrth, 16 Ionawr 2024, am 7.30yh.

3. Cofnodion
Derbyniwyd cofnodion y cyfarfod diwethaf. Penderfynwyd eu cymeradwyo fel cofnod cywir.

4. Goleuadau stryd
Mae'r golau ger yr ysgol wedi diffodd eto.
Gweithredu: Clerc i gysylltu eto â'r Cyngor Sir.

5. Cynllunio
Cais am estyniad i Dyddyn Isaf: Cytunwyd i gefnogi'r cais heb sylwadau pellach.

6. Cyllid
Argymhellodd y Clerc fod y Cyngor yn gosod praesept o £18,500 ar gyfer 2024/25.
Cynigiwyd gwelliant i osod praesept o £17,500. Collwyd y gwelliant o 2 bleidlais i 6.
Cynigiwyd gan y Cyng. Llinos Wyn, eiliwyd gan y Cyng. Owain Harri, a phenderfynwyd gosod praesept o £18,500.

7. Maes chwarae
Cytunodd y Cyng. Rhian Tegid i siarad â pherchennog y tir. Bydd y Cynghorydd Owain Harri yn trefnu trwsio'r siglen.

CP 48/24 - Rheoliadau Ariannol
Argymhelliad y Pwyllgor: "Bod y Cyngor yn mabwysiadu'r Rheoliadau Ariannol diwygiedig."
"""


def test_welsh_minutes_decisions_and_tasks():
    decisions = _decisions(WELSH_MINUTES, "cofnodion.txt")
    resolutions = [d.text for d in decisions if d.kind == "resolution"]
    assert any("Penderfynwyd eu cymeradwyo fel cofnod cywir" in t for t in resolutions)
    assert any("Cytunwyd i gefnogi'r cais" in t for t in resolutions)
    assert any("Collwyd y gwelliant" in t for t in resolutions)
    assert any("a phenderfynwyd gosod praesept o £18,500" in t for t in resolutions)
    tasks = {d.details.get("who"): d.text for d in decisions if d.kind == "action"}
    assert "gysylltu eto" in tasks.get("Clerc", "")
    assert "siarad â pherchennog" in tasks.get("y Cyng. Rhian Tegid", "")
    assert "trwsio'r siglen" in tasks.get("y Cynghorydd Owain Harri", "")
    recommendations = [d.text for d in decisions if d.kind == "recommendation"]
    assert any(t.startswith("Argymhellodd y Clerc fod y Cyngor yn gosod praesept") for t in recommendations)
    assert any("Bod y Cyngor yn mabwysiadu'r Rheoliadau Ariannol" in t for t in recommendations)
    assert not any("Mae'r golau" in d.text for d in decisions)  # a report of the lamp is no decision


def test_a_tables_decision_column_gives_each_row_as_a_decision():
    text = ("Minutes of the meeting of the Quayford Community Grants Panel held on 12 March 2024\n\n"
            "4. Applications\n"
            "Ref\tApplicant\tProject\tAmount requested\tDecision\n"
            "CG/24/01\tQuay Allotments Association\tRaised beds\t£1,980\tApproved £1,980\n"
            "CG/24/02\tFriends of Mill Park\tTwo benches\t£1,200\tRefused - outside the scheme's criteria\n"
            "CG/24/03\tQuay Scouts\tNew tents\t£1,850\tWithdrawn by the applicant\n\n"
            "5. Planning applications\n"
            "Application No.\tSite\tProposal\tOfficer recommendation\tCommittee decision\tVote\n"
            "24/00112/OUT\tLand north of Mill Lane\tUp to 65 dwellings\tGrant subject to conditions\tRefused, contrary to officer recommendation\t6 for, 5 against\n")
    decisions = _decisions(text, "minutes.txt")
    resolutions = {d.text: d.details for d in decisions if d.kind == "resolution"}
    assert resolutions["CG/24/01 | Quay Allotments Association | Raised beds | £1,980 | Approved £1,980"]["outcome"] == "approved"
    assert any(t.startswith("CG/24/02") and t.endswith("Refused - outside the scheme's criteria") for t in resolutions)
    assert not any("Withdrawn" in t for t in resolutions)  # a withdrawn application decides nothing
    refused = next(d for t, d in resolutions.items() if t.startswith("24/00112/OUT"))
    assert refused["outcome"] == "refused" and refused["votes"] == {"for": 6, "against": 5, "abstain": 0}
    recommended = [d.text for d in decisions if d.kind == "recommendation"]
    # the officers' recommendation is a recommendation of its own, without what the committee then decided
    assert recommended == ["24/00112/OUT | Land north of Mill Lane | Up to 65 dwellings | Grant subject to conditions"]


def test_proposed_seconded_and_resolved_in_one_sentence_is_a_resolution():
    text = """Minutes of the meeting of Quayford Community Council held on 12 March 2024

9. Finance
The Clerk reported the balances at the end of February.
Proposed by Cllr Bethan Gwilym, seconded by Cllr Idris Mathias, and resolved to approve the following payments:
"""
    assert any(t.startswith("Proposed by Cllr Bethan Gwilym, seconded by Cllr Idris Mathias, and resolved to approve")
               for t in _texts_of_kind(text, "resolution", "minutes.txt"))


def test_a_councillor_named_with_a_middle_name_is_tasked():
    text = """Minutes of the meeting of Quayford Community Council held on 12 March 2024

7. Defibrillator
Cllr Aled Rhys Prydderch agreed to arrange installation of the equipment and to register it with the ambulance service.
"""
    tasks = [(d.details.get("who"), d.text) for d in _of_kind(text, "action", "minutes.txt")]
    assert [who for who, _ in tasks] == ["Cllr Aled Rhys Prydderch"]


def test_someone_telling_what_the_body_did_is_no_decision_of_the_meeting():
    text = """Minutes of the meeting of Quayford City Council held on 13 August 2025

7. Public hearing: closure of Harbour Lane
Ms. Fox said the closure had harmed her business. She noted that there were two reasons that Council approved the closure of the lane last year.
After the hearing the Council approved the reopening of Harbour Lane to traffic on weekdays.
"""
    texts = _texts_of_kind(text, "resolution", "minutes.txt")
    assert not any("She noted" in t for t in texts)
    assert any(t.startswith("After the hearing the Council approved the reopening") for t in texts)


def test_the_meetings_decision_after_another_verb_of_its_own_is_a_resolution():
    text = """Minutes of the meeting of Quayford Community Council held on 8 July 2025

8. Old post road
A resident asked whether the CC would support keeping the road open. The CC was sympathetic to the cause and decided to look further into the history of the right of way.

9. Hall hire
The Committee considered the request from the youth club and agreed to waive the hire fee for the summer.

10. Correspondence
A letter from the county was read. The clerk had replied and noted the points raised.
"""
    texts = _texts_of_kind(text, "resolution", "minutes.txt")
    assert any(t.startswith("The CC was sympathetic to the cause and decided to look further") for t in texts)
    assert any(t.startswith("The Committee considered the request from the youth club and agreed to waive") for t in texts)
    assert not any("clerk had replied" in t for t in texts)


def test_a_vote_told_in_a_sentence_is_a_resolution_with_its_outcome():
    minutes = """Quayford Community Council
Minutes of the meeting held on 11 September 2024

5. Christmas lights
AR proposed buying a new LED set this year. The amendment to wait a year was put to the vote first and fell, 2 for, 4 against.
AR's proposal to buy the new LED set now was then voted on and carried 5 to 2.
The lights were much admired last year.
"""
    resolutions = _of_kind(minutes, "resolution", "minutes.txt")
    outcomes = {d.text.split(" was ")[0]: d.details.get("outcome") for d in resolutions}
    assert outcomes.get("The amendment to wait a year") == "lost"
    assert outcomes.get("AR's proposal to buy the new LED set now") == "carried"
    assert len(resolutions) == 2


def test_all_agreed_closes_a_proposal_in_minutes_without_markers():
    minutes = """Quayford Community Council
Minutes of the meeting held on 11 September 2024

6. Gala
We gave £75 last year. AR proposed £100 this year, JB seconded, all agreed.
All the stalls were booked.
Everyone was in favour of putting a memorial bench by the top gate.
"""
    assert _texts_of_kind(minutes, "resolution", "minutes.txt") == [
        "We gave £75 last year. AR proposed £100 this year, JB seconded, all agreed.",
        "Everyone was in favour of putting a memorial bench by the top gate."]


def test_one_vote_on_a_consent_calendar_covers_each_of_its_items():
    minutes = """QUAYFORD PLANNING COMMISSION
REGULAR MEETING MINUTES
January 27, 2020, 7:00 p.m.

1. CALL TO ORDER AND ROLL CALL

The meeting was called to order at 7:07 p.m.

2. APPROVAL OF THE AGENDA

RESULT: APPROVED [UNANIMOUS]
MOTION BY: Fox
SECOND: Ash

3. APPROVAL OF CONSENT CALENDAR

1. December 9, 2019 Planning Commission Minutes

Adopt the December 9, 2019 Planning Commission minutes.

2. Planning Commission Meeting Calendar 2020

Approve the proposed meeting schedule for calendar year 2020.

RESULT: APPROVED [UNANIMOUS]
MOTION BY: Birch
SECOND: Fox
"""
    texts = _texts_of_kind(minutes, "resolution", "minutes.txt")
    assert any("Adopt the December 9, 2019 Planning Commission minutes." in t and "Approve the proposed meeting schedule" in t
               for t in texts)
    assert not any("called to order" in t for t in texts)  # the agenda's approval stays its own item


def test_an_officer_named_with_a_title_recommending_to_the_meeting_is_a_recommendation():
    minutes = """Town of Quayford Select Board
Minutes of the meeting of March 11, 2024

4. Harbour Office Roof
Three bids were received. Ms. Fenwick recommended that the contract be awarded to the low bidder, Quay Roofing.
Mr. Ash asked about the warranty.
The Board voted 3-0 to award the contract to Quay Roofing, Inc.
"""
    recommendations = _texts_of_kind(minutes, "recommendation", "minutes.txt")
    assert recommendations == ["Ms. Fenwick recommended that the contract be awarded to the low bidder, Quay Roofing."]


def test_a_paper_or_committee_recommending_to_the_meeting_mid_sentence_is_a_recommendation():
    minutes = """Quayford Health Board
Minutes of the meeting held on 26 September 2024

6. Primary Care Funding
Mr Ash presented the paper, which recommended that the Board approve funding of £412,000 to the Quay Practice.
7. Annual Accounts
The Chair of the Audit Committee advised that the Committee had considered the accounts and recommended that the Board approve them.
Members noted that the accounts would be published in October.
"""
    recommendations = _texts_of_kind(minutes, "recommendation", "minutes.txt")
    assert [text[:40] for text in recommendations] == ["Mr Ash presented the paper, which recomm", "The Chair of the Audit Committee advised"]


def test_a_member_asking_the_staff_themselves_sets_them_a_task():
    minutes = """Town of Quayford Select Board
Minutes of the meeting of March 11, 2024

6. Abatements
Ms. Fox asked staff to prepare a draft policy raising the maximum abatement for the Board's review in April.
Mr. Ash asked why the limit had not changed since 2015.
"""
    actions = _texts_of_kind(minutes, "action", "minutes.txt")
    assert actions == ["Ms. Fox asked staff to prepare a draft policy raising the maximum abatement for the Board's review in April."]


def test_decisions_handle_a_large_paper_and_never_raise():
    big = "\n".join([MODERNGOV_MINUTES, REPORT, STRATEGY] * 40)
    assert len(_of_kind(big, "resolution", "big.txt")) >= 3  # repeats collapse; timing is for bench/
    for odd in ["", "RESOLVED", "RESOLVED that:\n\n(1)", "Recommendations\n\n1\n", "\t\t\n" * 50, "(a)\n(b)\n" * 100]:
        _decisions(odd, "odd.txt")


def test_promises_of_other_writers_tables_and_self_descriptions_are_not_commitments():
    text = """Northshire Health and Wellbeing Strategy 2024-2029

1. Our priorities
We will open three new community health hubs in the north of the county by 2026.
Section 4 sets out how we will monitor progress against each priority.
19 Efficiency ASC Jo Bloggs Care at home Realignment of savings We will review the contract -409.8 -136.6 0.0

Appendix A: letter from the Ministry
Dear Leaders,
We will ask you to work with other councils in your area to develop proposals.
Yours sincerely,
The Minister
"""
    texts = _texts_of_kind(text, "commitment", "strategy.txt")
    assert texts == ["We will open three new community health hubs in the north of the county by 2026."]


def test_standing_routines_and_quoted_motions_are_not_promised_actions():
    text = """Report to Cabinet
Date of meeting: 4 March 2025
Subject: Capital Strategy
1. Governance
1.1 Quarterly reports on treasury activity are presented to the Audit Committee.
1.2 The final capital programme is presented to Cabinet in January each year.
1.3 The Scrutiny Committee had resolved: "That an update be brought back to the next meeting of the Committee."
1.4 A progress report will come back to Cabinet in six months.
"""
    texts = _texts_of_kind(text, "action", "report.txt")
    assert texts == ["A progress report will come back to Cabinet in six months."]


# ---- whose words, which minute, where a list ends -------------------------------------------

WRAPPED_MINUTE_HEADINGS = """MINUTES of a meeting of the Northshire County Council held on Thursday, 15 May 2025.

118. Apologies for Absence
(Item 1)

Apologies were received from Mrs Patel.

119. Declarations of Interests by Members in items on the agenda for this meeting
(Item 2)

Mr Lane declared an interest in Item 6 as a governor of a local school.

120. Minutes of the meeting held on 10 April 2025 and, if in order, to be
approved
(Item 3)

RESOLVED that the minutes of the meeting held on 10 April 2025 be approved as a correct record.

121. School Transport Policy
(Item 4)

1) Mrs Shaw proposed, and Mr Lane seconded the motion that

“County Council is asked to adopt the School Transport Policy.”

2) Mr Ford proposed and Ms Hart seconded that the motion be put to the vote.
Agreed.

3) The Chairman put the motion set out in paragraph 1 to the vote and the voting was as follows:

For (40)

Against (12)

Motion carried.

4) RESOLVED that Council adopts the School Transport Policy.

122. Joint Waste Partnership - Terms of Reference and Membership
update
(Item 5)

RESOLVED that Council agrees the revised terms of reference.
"""


def test_a_wrapped_minute_heading_still_opens_its_minute():
    resolutions = _of_kind(WRAPPED_MINUTE_HEADINGS, "resolution", "minutes.txt")
    assert [d.reference for d in resolutions] == ["120", "121", "122"]
    assert resolutions[0].title.startswith("Minutes of the meeting held on 10 April 2025")


def test_a_closure_motion_is_not_the_motion_that_became_the_resolution():
    resolution = _of_kind(WRAPPED_MINUTE_HEADINGS, "resolution", "minutes.txt")[1]
    assert resolution.details["mover"] == "Mrs Shaw" and resolution.details["seconder"] == "Mr Lane"
    district = """Minutes of the Cabinet of Southvale District Council, 3 June 2025

7. Leisure Centre Contract

Cllr Amis moved, and Cllr Boyd seconded, the recommendation in the report.
Cllr Carr moved, and Cllr Dunn seconded, that the question be now put.

RESOLVED that the leisure centre contract be awarded to the preferred bidder.
"""
    resolution = _of_kind(district, "resolution", "cabinet.txt")[0]
    assert resolution.details["mover"] == "Cllr Amis" and resolution.details["seconder"] == "Cllr Boyd"


def _long_budget_resolution() -> str:
    letters = "abcdefghijklmnopqrstuv"
    parts = ["MINUTES of a meeting of the County Council held on Thursday, 13 February 2025.", "",
             "40. Revenue Budget 2025-26", "(Item 6)", "", "RESOLVED that:", "",
             "County Council, having given due regard to the s25 report, agrees the following:", ""]
    for n, letter in enumerate(letters):
        if letter == "o":
            parts += ["In addition:"]
        parts += [f"({letter}) The budget proposal number {n + 1} as set out in the final draft",
                  "budget report published on 5 February 2025, together with the necessary",
                  "funding and subject to the approval to spend arrangements.", ""]
    return "\n".join(parts)


def test_a_resolution_list_runs_on_after_in_addition_and_past_eighty_lines():
    resolution = _of_kind(_long_budget_resolution(), "resolution", "minutes.txt")[0]
    assert len(resolution.items) == 22
    assert resolution.items[-1].startswith("The budget proposal number 22")
    short = """Minutes of the Board of Directors held on 2 April 2025

4. Capital Plan

The Board RESOLVED to:
(a) approve the capital plan;
(b) note the risks;

In addition:
(c) ask the Finance Committee to review the plan in October.

5. Any other business

In addition:
The Chair thanked the staff.
"""
    resolution = _of_kind(short, "resolution", "trust.txt")[0]
    assert len(resolution.items) == 3


def test_an_enactment_s_clause_that_amends_is_its_decision():
    text = ("ORDINANCE NO. 14-2024\nAN ORDINANCE OF THE CITY OF HARBOURSIDE AMENDING THE MOORINGS CODE\n\n"
            "WHEREAS, the Moorings Code is silent on floating pontoons; and\n\n"
            "NOW, THEREFORE, THE CITY OF HARBOURSIDE ORDAINS AS FOLLOWS:\n\n"
            "Section 1. The Harbourside Moorings Code No. 3-2001 is hereby amended to add Section 9, Floating Pontoons.\n\n"
            "ADOPTED this 4th day of March, 2024.\n")
    rows = _texts_of_kind(text, "resolution", "ordinance.txt")
    assert any("Moorings Code No. 3-2001 is hereby amended to add Section 9" in row for row in rows), rows
    assert not any(row.startswith("WHEREAS") for row in rows)  # a recital is not what it enacts
    fees = _texts_of_kind("RESOLUTION NO. 310-2024\n\nA resolution modifying the moorings fee schedule of resolution 262-2019.\n\n"
                          "The fees in the attached schedule take effect on 1 May 2024.\n", "resolution", "resolution.txt")
    assert "A resolution modifying the moorings fee schedule of resolution 262-2019." in fees  # its title says what it does


def test_a_proposed_record_of_decision_is_not_a_resolution():
    proposed = DECISION_RECORD.replace("– RECORD OF DECISION", "– PROPOSED RECORD OF DECISION")
    assert not _of_kind(proposed, "resolution", "prod.txt")
    draft = DECISION_RECORD.replace("KENT COUNTY COUNCIL – RECORD OF DECISION", "Draft Decision - Record of Decision")
    assert not _of_kind(draft, "resolution", "draft.txt")
    assert len(_of_kind(DECISION_RECORD, "resolution", "record.txt")) == 1


def test_background_and_attached_documents_are_not_recommendations():
    call_in = """By: Scrutiny Research Officer
To: Cabinet - 4 March 2025
Subject: Library Opening Hours - Scrutiny Committee call-in
Summary: The Scrutiny Committee's comments on the library opening hours decision.

1. The Scrutiny Committee considered the decision on 29 January 2025.

Recommendation:
The Cabinet is asked to consider the comments of the Scrutiny Committee and confirm, amend or rescind decision 25/00031.

Attached documents
a) 25-00031 - Decision Report
b) Appendix 1 - Equality Impact Assessment

Background documents
a) Agenda for Scrutiny Committee on Wednesday, 29th January, 2025
b) Agenda for Cabinet on Thursday, 30th January, 2025
"""
    rows = _of_kind(call_in, "recommendation", "callin.txt")
    assert len(rows) == 1 and rows[0].items == []
    report = """Report to County Council, 9 January 2025
Subject: Local Government Reorganisation

Recommendations:

County Council is asked to:

(1) Endorse the joint work with the district councils
(2) Note the timetable for proposals


1. Background

1.1 The Government published its White Paper in December 2024.
"""
    rows = _of_kind(report, "recommendation", "report.txt")
    assert [d.items for d in rows] == [["Endorse the joint work with the district councils", "Note the timetable for proposals"]]


def test_letters_answers_and_amendments_are_not_the_bodys_commitments():
    strategy = """Westmoor Carers Strategy 2025-2030

1. Our priorities
We will open a carers' hub in every district by 2027.
We will consider a carers' discount card with local businesses.

Appendix B: letter from the Department
Dear Colleagues,
We will publish the new carers' guidance in the spring.
Yours ever,
The Secretary of State
"""
    texts = _texts_of_kind(strategy, "commitment", "strategy.txt")
    assert texts == ["We will open a carers' hub in every district by 2027."]
    questions = """Questions put and answers given - County Council 13 March 2025

Question 4
Mrs Lowe asked the Cabinet Member for Highways about lorries using rural lanes.

Answer
Thank you for the question. We will write to the hauliers and ask them to use the signed routes.
"""
    assert not _of_kind(questions, "commitment", "questions.txt")
    amendment = """Budget Amendment Form
Amendment Name: Independent Group Alternative Budget
Proposer: Mr Ray Holt Seconder: Mrs Ann Webb

County Council is asked to agree the following:

1. Youth services
We will create a universal youth service funded from the prevention grant.
"""
    decisions = _decisions(amendment, "amendment.txt")
    assert not [d for d in decisions if d.kind in ("commitment", "recommendation")]


def test_past_arrangements_motions_and_nouns_are_not_promised_actions():
    annual = """Safeguarding Partnership Annual Report 2023-24

6. Scrutiny
Practices were overseen by the ICB, and arrangements were made that any concerns would be reported to the Partnership Executive.
The findings of the audit will inform the reporting back to the Board on each priority.
The Partnership will bring its revised threshold document back to the Board in March 2025.
"""
    texts = _texts_of_kind(annual, "action", "annual.txt")
    assert texts == ["The Partnership will bring its revised threshold document back to the Board in March 2025."]
    report = """Report to Cabinet
Date of meeting: 4 March 2025
Subject: Family Hubs

5. Cabinet Committee motion
5.1 On 21 November 2024 the Cabinet Committee passed a motion proposing that:
That the decision be delayed until the funding is confirmed; and that an update be brought to the next meeting.
5.2 Officers will report back to Cabinet in six months on the new service.
"""
    texts = _texts_of_kind(report, "action", "report.txt")
    assert texts == ["Officers will report back to Cabinet in six months on the new service."]
    minutes = """Minutes of the Health and Wellbeing Board meeting held on 24 November 2021

36. Prevent Strategy

It was agreed that a report on the funding options would come back to the Board in March 2022.
RESOLVED that delivery and funding options post Autumn 2022 are researched and are presented within a report to the Board.
"""
    actions = _of_kind(minutes, "action", "minutes.txt")
    assert [d.details.get("due_date") for d in actions] == ["2022-03-01", None]


def test_a_decision_in_prose_that_refers_back_is_read_with_the_sentence_it_refers_to():
    text = """Harbour Trust Board Meeting Minutes 20 June 2025

5. Auditor
The members were asked to consider the nomination of Quay Audit LLP as the trust's auditor for the coming year. The nomination was carried.

6. Lone Working Policy
The plan now covers staff working from home. The trustees endorsed this plan.

7. Accounts
The accounts were approved. The board accepted these notes to the accounts.
"""
    texts = _texts_of_kind(text, "resolution", "minutes.txt")
    assert "The members were asked to consider the nomination of Quay Audit LLP as the trust's auditor for the coming year. " \
           "The nomination was carried." in texts
    assert "The plan now covers staff working from home. The trustees endorsed this plan." in texts
    # A sentence before that is itself a decision is not what the next one refers to: two rows.
    assert "The accounts were approved." in texts and "The board accepted these notes to the accounts." in texts


def test_minutes_without_markers_number_each_decision_once():
    text = """Trust Board Meeting Minutes 14 March 2024

1. Welcome
The chair welcomed everyone.

4. Decisions:
1. Volunteer Policy
Updated with change in legislation – the policy was accepted by the Board.
2. Lone Working Policy
The policy was accepted by the Board.
3. Finance, Property and Audit Committee Terms of Reference
The terms of reference have been updated to reflect the merger of
the Finance and Property and Audit Committees. The board accepted
the terms of reference.
4. People Committee Terms of Reference
The board accepted the terms of reference.

5. Plans and Priorities:
It was agreed at the Closed Board meeting that the priorities within the
document need to be categorised. These will be graded at the Board Away
Day on 6th March 2024.
"""
    resolutions = _of_kind(text, "resolution", "board.txt")
    assert [d.reference for d in resolutions] == ["1", "2", "3", "4", "5"]
    assert resolutions[-1].text.startswith("It was agreed at the Closed Board meeting")


def test_a_sentence_broken_by_blank_lines_and_emphasis_is_read_whole():
    text = """Eastbury Health and Care Blueprint 2024

4. Our vision

***Our vision is for everyone in Eastbury to live healthy lives. We will do things because they matter to local people, we know that they***



*work and we know that they will make a measurable difference to their lives.*

- 4.3 We heard that the vision is broadly supported by partners.
"""
    texts = _texts_of_kind(text, "commitment", "blueprint.txt")
    assert texts == ["We will do things because they matter to local people, we know that they work and we know "
                     "that they will make a measurable difference to their lives."]


def test_we_will_seek_is_a_promise_and_a_we_will_list_is_one_promise_per_item():
    text = """Southmead Air Quality and Active Travel Plan 2025

2. Clean air

This priority is a shared commitment that we will seek to cut roadside nitrogen dioxide by a third.
We will see how the first year goes before setting targets.

Cleaner air cannot be achieved by any one organisation, so we must work together. We will:

- Empower the Clean Air Partnership to lead the work in every ward
- Enable schools to run car-free streets at the start and end of the day

3. Active travel
Cycling has doubled since 2019.
"""
    texts = _texts_of_kind(text, "commitment", "plan.txt")
    assert texts == [
        "This priority is a shared commitment that we will seek to cut roadside nitrogen dioxide by a third.",
        "Empower the Clean Air Partnership to lead the work in every ward",
        "Enable schools to run car-free streets at the start and end of the day",
    ]


def test_a_review_at_the_next_meeting_and_a_requested_update_are_follow_ups():
    text = """Riverside Libraries Trust - Board Meeting Minutes 20 March 2024

5. Health & Safety
The board reviewed the lone working guidance at its meeting in January.
The board will review the fire risk assessments against the insurer's checklist at the next meeting.
An update on the staff training records for the next board meeting was requested.
"""
    actions = _of_kind(text, "action", "minutes.txt")
    assert [d.text for d in actions] == [
        "The board will review the fire risk assessments against the insurer's checklist at the next meeting.",
        "An update on the staff training records for the next board meeting was requested.",
    ]
    assert actions[1].details["due_text"] == "for the next board meeting"


def test_a_record_of_decision_gives_its_rows_the_decision_maker_number_and_subject_of_its_head():
    # Labels alone on their line, values on the next; a maker's title wrapped mid-phrase.
    record = DECISION_RECORD.replace(
        "Cabinet Member for Highways\n\nDECISION NUMBER", "Mr Neil Baker, Cabinet Member for Highways and\nTransport\n\nDECISION NUMBER",
    ).replace("Subject Matter: Winter Gritting Routes", "Subject Matter / Title of Decision\nWinter Gritting Routes")
    docs = build_documents([Page("/papers/record.txt", 1, record)], "h" * 64, 1200)
    (row,) = docs[0].decisions
    assert row.reference == "25/00012" and row.title == "Winter Gritting Routes"
    assert row.details["decision_maker"] == "Mr Neil Baker, Cabinet Member for Highways and Transport"
    assert docs[0].document.title == "Record of decision 25/00012: Winter Gritting Routes"
    proposed = build_documents([Page("/papers/p.txt", 1, record.replace("– RECORD", "– PROPOSED RECORD"))], "h" * 64, 1200)
    assert proposed[0].document.title == "Proposed record of decision 25/00012: Winter Gritting Routes"
    assert not proposed[0].decisions  # still to be taken
    # A report proposing a decision names no maker (nobody has taken it yet), and its number is the
    # decision's, not a commitment's.
    report = REPORT.replace("Subject: Physical Activity Strategy", "Subject: Physical Activity Strategy\nDecision no: 25/00099")
    rows = [d for doc in build_documents([Page("/papers/r.txt", 1, report)], "h" * 64, 1200) for d in doc.decisions]
    assert [d.reference for d in rows if d.kind == "commitment"] == [None]
    assert not any("decision_maker" in d.details for d in rows)


# Minutes give tasks to people in several styles: an action column's initials (UK parish), a
# councillor who "agreed to", the Clerk, a US library director who "will".
PARISH_ACTION_MINUTES = """Minutes of the Meeting of Barnby Parish Council held on 12 March 2024

Present: Cllrs Ash, Birch and Cole

24/031 Playground
The fence by the swings is broken. AS to obtain two quotes for a new fence.
Cllr Birch agreed to ask the school about sharing the cost.
The summerhouse door is loose and the clerk agreed to oil its hinges.

24/032 Correspondence
A letter about parking on Church Lane was noted. The Clerk will write to the County Council.
It was agreed that BC will collect the new keys.
The chairman said the noticeboard was damaged and Cllr Ash agreed to repaint it.
The broken bench to be reported to the County Council.
Would the hall continue to be used for the fete?
The hall roof needs to be repaired before winter.
Cllr Cole would be away in April.
The Council will meet again on 9 April 2024.
"""

LIBRARY_MINUTES = """Warrenby Public Library District
Minutes of the Regular Meeting of the Board of Trustees, May 20, 2020

6. Reopening
Director Smith will survey staff about returning to the building. Trustee Jones asked about masks.
Trustee Jones said she would like a report on masks. Director Smith stated she will check the insurance cover.
"""


def test_minutes_give_tasks_to_people_in_each_style():
    parish = _of_kind(PARISH_ACTION_MINUTES, "action", "minutes.txt")
    assert [d.details.get("who") for d in parish] == [
        "AS", "Cllr Birch", "the clerk", "The Clerk", "BC", "Cllr Ash", None]  # not who "would be away", nor the Council
    assert "due_text" not in parish[2].details  # "the summerhouse" names no season it is due by
    assert parish[-1].text == "The broken bench to be reported to the County Council."  # not a question, nor what "needs to be" done
    assert parish[0].text == "AS to obtain two quotes for a new fence."
    library = _of_kind(LIBRARY_MINUTES, "action", "minutes.txt")
    assert [(d.details["who"], d.text[:30]) for d in library] == [
        ("Director Smith", "Director Smith will survey sta"), ("Director Smith", "Director Smith stated she will")]  # not a wish


def test_a_task_asked_of_someone_and_a_task_referring_back_are_read_whole():
    text = """Minutes of the meeting of Quayford Parish Council held on 9 April 2025

4. Premises
The lease renewal has been held up by the lack of plans from the county. DF asked to help find these.
Cllr Ash was asked to write to the landowner about the gate.
SA to ask the school about a second bench. SA will also chase this.
Cllr Reid requested that the Council ask the county to repaint the bus shelter.
Cllr Reid said that she had asked that it was minuted last time.
"""
    tasks = [(d.details.get("who"), d.text) for d in _of_kind(text, "action", "minutes.txt")]
    assert ("DF", "The lease renewal has been held up by the lack of plans from the county. DF asked to help find these.") in tasks
    assert ("Cllr Ash", "Cllr Ash was asked to write to the landowner about the gate.") in tasks
    assert ("SA", "SA will also chase this.") in tasks  # the sentence before is a task of its own
    # a member asking for something to be done sets a task whose doer is not said; asking what was done sets none
    assert (None, "Cllr Reid requested that the Council ask the county to repaint the bus shelter.") in tasks
    assert not any("minuted last time" in text for _, text in tasks)


def test_an_action_label_closes_the_whole_point_of_a_list_it_ends():
    text = """Minutes of the meeting of Quayford Community Council held on 8 July 2025

5. Matters arising
• Defibrillator DF, who is finding funding for it, reported to the meeting. Two local firms have been asked to help.
Action: DF
• Bus shelter The glass is still to be replaced.
Action: SA
• Village website The new pages are still being written. www.quayford.org
Action: PWh
"""
    tasks = [(d.details.get("who"), d.text) for d in _of_kind(text, "action", "minutes.txt")]
    assert ("DF", "• Defibrillator DF, who is finding funding for it, reported to the meeting. "
                  "Two local firms have been asked to help. Action: DF") in tasks
    assert ("SA", "• Bus shelter The glass is still to be replaced. Action: SA") in tasks
    # a label run into a sentence that ends without a stop still closes it
    assert [who for who, task in tasks if "new pages" in task] == ["PWh"]


def test_an_action_label_giving_who_then_the_task_is_that_task():
    text = """Minutes of the meeting of Quayford Community Council held on 12 March 2024

5. Police report
Residents asked for a speed sign on the Mill Road approach; members agreed to ask the roads department.
Action: DMcK - write to Roads requesting a speed indicator sign, by 29 March

7. Planning
DMcK will draft the objection and circulate it to members by 20 March.
"""
    tasks = {d.text: (d.details.get("who"), d.details.get("due_date")) for d in _of_kind(text, "action", "minutes.txt")}
    assert tasks["Action: DMcK - write to Roads requesting a speed indicator sign, by 29 March"] == ("DMcK", "2024-03-29")
    assert tasks["DMcK will draft the objection and circulate it to members by 20 March."] == ("DMcK", "2024-03-20")


def test_an_action_label_naming_only_who_is_to_act_closes_the_minute_before_it():
    text = """Minutes of the meeting of Quayford Community Council held on 8 July 2025

1. Roads
The footpath at Mill Lane is still blocked by fallen trees. The roads department will be asked to clear it.
Action: Secretary

2. Harbour wall
Cracks in the wall were reported. A letter will be sent to the harbour trust. Action: DF

3. Website
SA to update the councillors' page.
Action: SA

4. Grants
Action: the grants sub-group will meet in August to score the bids.
"""
    tasks = [(d.details.get("who"), d.text) for d in _of_kind(text, "action", "minutes.txt")]
    assert ("Secretary", "The roads department will be asked to clear it. Action: Secretary") in tasks
    assert ("DF", "A letter will be sent to the harbour trust. Action: DF") in tasks
    assert [who for who, task in tasks if "councillors' page" in task] == ["SA"]  # a task already: read once
    assert not any(task.startswith("4. Grants") or task == "Action: SA" for _, task in tasks)


def test_a_planning_response_is_read_with_its_application():
    text = """Minutes of the meeting of Quayford Parish Council held on 9 April 2025

7. Planning - the following applications had been received and discussed:
25/00412/F Quay House, Harbour Lane
Two storey rear extension and a new porch
NO OBJECTION
25/00418/LB The Old Mill, Mill Lane
Replacement windows to the front elevation
Objection
"""
    rows = [(d.text, d.details.get("outcome")) for d in _of_kind(text, "resolution", "minutes.txt")]
    assert rows == [("25/00412/F Quay House, Harbour Lane Two storey rear extension and a new porch NO OBJECTION", "no objection"),
                    ("25/00418/LB The Old Mill, Mill Lane Replacement windows to the front elevation Objection", "objection")]


def test_who_proposed_and_seconded_closes_a_decision():
    text = """Minutes of the meeting of Quayford Parish Council held on 9 April 2025

2. Election of Officers
Chairman – Cllr Dana Fox Prop: SA 2nd: RD
Vice Chair – Cllr Sam Ash Prop: DF 2nd: RD
3. Finance
The accounts for the year were approved – Prop: RD 2nd: SA The internal audit report was noted.
"""
    rows = [(d.text, d.details.get("mover"), d.details.get("seconder")) for d in _of_kind(text, "resolution", "minutes.txt")]
    assert ("Chairman – Cllr Dana Fox Prop: SA 2nd: RD", "SA", "RD") in rows
    assert ("Vice Chair – Cllr Sam Ash Prop: DF 2nd: RD", "DF", "RD") in rows
    assert ("The accounts for the year were approved – Prop: RD 2nd: SA", "RD", "SA") in rows  # not run on into the next sentence
    carried = _texts_of_kind("Minutes of the meeting of Quayford Parish Council held on 9 April 2025\n\n"
                             "4. Bus shelter\nThe repairs were approved, Proposed: SA Seconded: RD and carried unanimously.\n",
                             "resolution", "minutes.txt")
    assert carried == ["The repairs were approved, Proposed: SA Seconded: RD and carried unanimously."]  # one sentence still


ACTION_LOG = ("Actions carried forward\n"
              "Ref Task Who Progress\n"
              "Feb25.02 DF will book the hall for the summer fete.\n\n"
              "DF In hand\n"
              "Mar25.01 SA to ask the school about a second bench\n\n"
              "The Clerk will install v2.1 of the booking system.\n\n"
              "The fence to be repaired before the summer.\n")


@pytest.mark.parametrize("kind, heading", [("minutes", "Minutes of the meeting of Quayford Parish Council held on 9 April 2025"),
                                           ("agenda", "Quayford Parish Council\nAGENDA for the meeting on 9 April 2025")])
def test_an_action_log_s_rows_are_tasks_in_minutes_and_in_the_agenda_that_carries_them(kind, heading):
    rows = [(d.reference, d.details.get("who"), d.text) for d in _of_kind(f"{heading}\n\n{ACTION_LOG}", "action", f"{kind}.txt")]
    assert ("Feb25.02", "DF", "DF will book the hall for the summer fete.") in rows
    assert ("Mar25.01", "SA", "SA to ask the school about a second bench") in rows  # not the row before's cells
    assert any(text == "The Clerk will install v2.1 of the booking system." for *_, text in rows)  # a version is no row reference
    # what is set down to be done is a task in minutes; an agenda's lines of that shape describe items
    assert any(text == "The fence to be repaired before the summer." for *_, text in rows) is (kind == "minutes")


def test_a_task_after_a_minute_number_and_its_caption_is_read():
    minutes = ("Minutes of the meeting of Quayford Parish Council held on 9 April 2025\n\n"
               "25/043: Quay Road and Verges: Cllr Ms Fox agreed to ask the county for a date to mend the verge.\n")
    [row] = _of_kind(minutes, "action", "minutes.txt")
    assert row.details["who"] == "Cllr Ms Fox"


def test_a_recommendation_said_mid_paragraph_is_read_as_its_sentence():
    report = ("Harbourside Library District\nProposal for a study of opening hours\n\n"
              "The study should hear from families with young children. It is recommended that two evening\n"
              "drop-in sessions be held at the Quay Hall branch to explain it. The study will run\n"
              "for six weeks.\n")
    rows = _texts_of_kind(report, "recommendation", "report.txt")
    assert rows == ["It is recommended that two evening drop-in sessions be held at the Quay Hall branch to explain it."]
    opened = _texts_of_kind("Harbourside Library District\nProposal for a readers' survey\n\n"
                            "Paper forms cost more to send out. With costs in mind, we recommend an online survey with\n"
                            "paper copies at each branch. The survey will run for a month.\n", "recommendation", "report.txt")
    assert opened == ["With costs in mind, we recommend an online survey with paper copies at each branch."]  # after an opening phrase


def test_agenda_items_under_a_verb_heading_ask_the_body_to_act():
    agenda = ("CITY OF HARBOURSIDE\nREGULAR CITY COUNCIL MEETING AGENDA\nMonday, December 12, 2022 6:30 PM\n\n"
              "LEGAL DEPARTMENT - CLAIMS\n"
              "23. Approving payment for the claim of Dana Fox.\n"
              "APPROVING\n"
              "24. 2025 Harbour Grant Program application to the Quayford Trust for dredging\n"
              "the inner harbour.\n"
              "25. Agreement with Quayford Ferries for the winter timetable.\n"
              "PUBLIC HEARINGS\n"
              "26. On the proposed Quay Street parking district.\n")
    rows = _texts_of_kind(agenda, "recommendation", "agenda.txt")
    assert any(t.startswith("23. Approving payment") for t in rows)
    assert any("2025 Harbour Grant Program application" in t for t in rows)
    assert any("Agreement with Quayford Ferries" in t for t in rows)
    assert not any("Quay Street parking district" in t for t in rows)  # a hearing's heading asks nothing


def test_an_agenda_item_titled_only_by_its_parts_asks_through_them():
    agenda = ("HARBOURSIDE LIBRARY DISTRICT\nRegular Meeting of the Board of Trustees\nTuesday, March 4, 2025\n\n"
              "AGENDA\n\n"
              "1.   Call to order\n"
              "2.   Consent Calendar\n"
              "         a. Approve the minutes of the February 4, 2025 meeting\n"
              "         b. Receive and file the harbour accounts for January\n"
              "3.   Reports\n"
              "         a. Quay branch visits\n"
              "         b. Summer reading\n"
              "4.   Adjournment\n")
    rows = _of_kind(agenda, "recommendation", "agenda.txt")
    assert [(d.reference, d.items) for d in rows] == [
        ("2", ["Approve the minutes of the February 4, 2025 meeting", "Receive and file the harbour accounts for January"])]
    assert "Consent Calendar" in rows[0].text  # the parts' shared title, then the parts


def test_an_agenda_caption_ending_in_a_colon_reads_on_into_its_content():
    agenda = ("CITY OF HARBOURSIDE\nREGULAR CITY COUNCIL MEETING AGENDA\nWednesday, December 14, 2022 6:30 PM\n\n"
              "CALL TO ORDER: 6:30 p.m.\n\n"
              "APPROVAL OF AGENDA:\n\n"
              "APPROVAL OF MINUTES:\n\n"
              "Minutes of November 9, 2022 City Council Regular Meeting.\n\n"
              "PUBLIC COMMENTS: Members of the public may address the City Council.\n")
    rows = _texts_of_kind(agenda, "recommendation", "agenda.txt")
    assert "APPROVAL OF MINUTES: Minutes of November 9, 2022 City Council Regular Meeting." in rows
    assert "APPROVAL OF AGENDA:" in rows  # the next caption is not its content


def test_an_applicant_seeking_approval_a_numbered_ordinance_and_a_case_ask_the_body_to_act():
    agenda = ("CITY OF HARBOURSIDE\nDESIGN REVIEW COMMISSION AGENDA\nFriday, June 7, 2019 9:00 AM\n\n"
              "DOWNTOWN DESIGN REVIEW\n\n"
              "Ferry Terminal Signage: Presentation only\n\n"
              "HB2019-012 - Quay Hall Extension: Seeking Final Approval\n\n"
              "HB2019-014 - Harbour Lights Banner: Seeking Conceptual Approval\n\n"
              "LEGISLATION\n\n"
              "Ordinance No. 412-2019 (Ward 3): Determining the route of the harbour path.\n\n"
              "CERTIFICATES OF APPROPRIATENESS\n\n"
              "Case 19-041: Quay House\n\n1204 Harbour Lane, Quayford\n\nReplacement of the front windows\n\n"
              "Case 19-042: The Old Mill\n\n3310 Mill Lane, Quayford\n\nA new porch to the side door\n")
    rows = _texts_of_kind(agenda, "recommendation", "agenda.txt")
    # an application put by its case number, its name, address and work a line each, up to the next case
    assert "Case 19-041: Quay House 1204 Harbour Lane, Quayford Replacement of the front windows" in rows
    assert "Case 19-042: The Old Mill 3310 Mill Lane, Quayford A new porch to the side door" in rows
    assert "Ordinance No. 412-2019 (Ward 3): Determining the route of the harbour path." in rows  # put to the body by its title
    assert "HB2019-012 - Quay Hall Extension: Seeking Final Approval" in rows
    assert "HB2019-014 - Harbour Lights Banner: Seeking Conceptual Approval" in rows
    assert not any("Presentation only" in row for row in rows)


def test_a_body_being_asked_to_act_is_a_recommendation():
    report = ("HARBOURSIDE PLANNING COMMISSION\nSTAFF REPORT\nMeeting of November 1, 2022\n\n"
              "SUBJECT: Time extension for Tentative Parcel Map No. 4410\n\n"
              "The Planning Commission is being asked to approve a twelve-month extension of time for Tentative Parcel Map No. 4410.\n")
    assert any(row.startswith("The Planning Commission is being asked to approve a twelve-month extension")
               for row in _texts_of_kind(report, "recommendation", "report.txt"))


def test_an_outcome_is_read_with_the_numbered_motion_it_closes():
    minutes = ("Minutes of the meeting of Quayford County Council held on 13 March 2025\n\n"
               "7. Harbour Pay Policy\n\n"
               "1) Mr Ash proposed and Mrs Birch seconded that the debate be extended\n"
               "by fifteen minutes.\n"
               "Agreed.\n")
    resolutions = _texts_of_kind(minutes, "resolution", "minutes.txt")
    assert resolutions == ["1) Mr Ash proposed and Mrs Birch seconded that the debate be extended by fifteen minutes. Agreed."]


def test_a_motion_handing_work_on_to_an_officer_is_an_action():
    minutes = ("Minutes of the Regular Meeting of the Harbourside City Council held on March 4, 2024\n\n"
               "12. Request from the Quay Hall Trust to speak on harbour parking.\n"
               "Moved by Ash to receive, file and refer to the City Manager to review the parking rules. Motion Carried 7-0.\n\n"
               "13. Ferry landing lease.\n"
               "Moved by Birch to direct the City Manager to negotiate a lease with Harbour Ferries. Motion Carried 6-1.\n\n"
               "14. Quarterly financial report.\n"
               "Moved by Cole to receive and file. Motion Carried 7-0.\n")
    actions = _texts_of_kind(minutes, "action", "minutes.txt")
    assert len(actions) == 2  # not the report received and filed
    assert actions[0].startswith("Moved by Ash to receive, file and refer to the City Manager")
    assert actions[1].startswith("Moved by Birch to direct the City Manager to negotiate")


def test_loose_times_are_dated_from_the_meeting_with_their_words_kept():
    minutes = ("Minutes of the Meeting of Barnby Parish Council held on 1 October 2024\n\n"
               "24/101 Hall\nThe Clerk will report back to the Council by the spring on the roof repairs.\n"
               "Cllr Ash will bring the lighting plan back to the Council in the coming weeks.\n"
               "The Clerk will report the new lease back to the Council in the autumn 2025.\n")
    actions = _of_kind(minutes, "action", "minutes.txt")
    assert [(a.details["due_text"], a.details["due_date"]) for a in actions] == [
        ("by the spring", "2025-03-01"), ("in the coming weeks", "2024-11-01"),
        ("in the autumn 2025", "2025-09-01")]  # a season with its year: that season's first month


def test_minutes_in_prose_record_a_decision_told_in_reported_speech_but_not_a_hypothesis():
    minutes = ("Minutes of the Meeting of Barnby Parish Council held on 9 April 2024\n\n"
               "24/040 Car park\n"
               "The Council agreed that evening parking charges would rise to 2 pounds from 1 June 2024.\n"
               "Members agreed it would be helpful to hear from residents first.\n")
    resolutions = _texts_of_kind(minutes, "resolution", "minutes.txt")
    assert len(resolutions) == 1  # not the hypothesis
    assert resolutions[0].endswith("The Council agreed that evening parking charges would rise to 2 pounds from 1 June 2024.")


def test_a_recommendation_that_only_says_approve_is_read_with_its_agenda_item():
    agenda = ("CITY OF HARBOURSIDE\nREGULAR CITY COUNCIL MEETING AGENDA\nMonday, December 12, 2022 6:30 PM\n\n"
              "CONSENT CALENDAR\n"
              "14. WARRANT REPORT FOR NOVEMBER 2022\nRECOMMENDATION: Approve.\n"
              "15. TREASURER'S REPORT FOR OCTOBER 2022\nRECOMMENDATION: Approve.\n"
              "16. STREET LIGHTING CONTRACT\n"
              "RECOMMENDATION: It is recommended that the City Council award the street lighting contract to Harbour Electric.\n")
    rows = [(d.title, d.text) for d in _of_kind(agenda, "recommendation", "agenda.txt")]
    assert ("14. WARRANT REPORT FOR NOVEMBER 2022", "14. WARRANT REPORT FOR NOVEMBER 2022 RECOMMENDATION: Approve.") in rows
    assert ("15. TREASURER'S REPORT FOR OCTOBER 2022",
            "15. TREASURER'S REPORT FOR OCTOBER 2022 RECOMMENDATION: Approve.") in rows
    assert any(text.startswith("It is recommended that the City Council award") for _, text in rows)  # says its subject
    assert len(rows) == 3


def test_an_item_number_run_into_its_title_still_names_the_item():
    agenda = ("CITY OF HARBOURSIDE\nREGULAR CITY COUNCIL MEETING AGENDA\nMonday, December 12, 2022 6:30 PM\n\n"
              "CONSENT CALENDAR\n7.TREASURER'S REPORT FOR OCTOBER 2022\nRECOMMENDATION: Receive and file.\n")
    [row] = _of_kind(agenda, "recommendation", "agenda.txt")
    assert row.text == "7.TREASURER'S REPORT FOR OCTOBER 2022 RECOMMENDATION: Receive and file."


ITEMS_DESCRIBED = ("CITY OF HARBOURSIDE\nPARKS BOARD MEETING AGENDA\nThursday, November 10, 2022 6:30 PM\n\n"
                   "NEW BUSINESS\n"
                   "1.Quay Hall Yearly Review How the hall was booked\n"
                   "and what it cost to run over the\nyear.\n"
                   "Recommendation: Note and file.\n"
                   "2.Ferry Slipway Survey Findings of the divers' survey of the slipway.\n"
                   "Recommendation: Note and file.\n")
ITEMS_AS_HEADINGS = ("CITY OF HARBOURSIDE\nREGULAR CITY COUNCIL MEETING AGENDA\nTuesday, December 13, 2022 7:30 PM\n\n"
                     "CONSENT CALENDAR\n\n"
                     "C. HARBOUR DUES COLLECTED IN MARCH 2025\n\nRecommendation: Receive and file.\n\n"
                     "D. FERRY PASSENGER NUMBERS FOR MARCH 2025\n\nRecommendation: Receive and file.\n")


ITEMS_RECEIVED = ("CITY OF HARBOURSIDE\nREGULAR CITY COUNCIL MEETING AGENDA\nMonday, December 12, 2022 6:30 PM\n\n"
                  "ADMINISTRATIVE ITEMS\n"
                  "21. HARBOUR FERRY ANNUAL REPORT\n"
                  "RECOMMENDATION: It is recommended that the Harbour\nBoard receive and file.\n"
                  "22. QUAY HALL AUDIT FOR 2024-25\n"
                  "RECOMMENDATION: It is recommended that the Harbour\nBoard receive and file.\n")


@pytest.mark.parametrize("agenda, rows", [
    (ITEMS_RECEIVED, [  # the same words for several items say what to do, not to what
        ("21. HARBOUR FERRY ANNUAL REPORT",
         "21. HARBOUR FERRY ANNUAL REPORT RECOMMENDATION: It is recommended that the Harbour Board receive and file."),
        ("22. QUAY HALL AUDIT FOR 2024-25",
         "22. QUAY HALL AUDIT FOR 2024-25 RECOMMENDATION: It is recommended that the Harbour Board receive and file."),
    ]),
    (ITEMS_DESCRIBED, [  # the item's title, then the lines describing it, above the label
        ("1.Quay Hall Yearly Review How the hall was booked",
         "1.Quay Hall Yearly Review How the hall was booked and what it cost to run over the year."
         " Recommendation: Note and file."),
        ("2.Ferry Slipway Survey Findings of the divers' survey of the slipway.",
         "2.Ferry Slipway Survey Findings of the divers' survey of the slipway. Recommendation: Note and file."),
    ]),
    (ITEMS_AS_HEADINGS, [  # the item's title set as the heading of the label's section
        ("C. HARBOUR DUES COLLECTED IN MARCH 2025",
         "C. HARBOUR DUES COLLECTED IN MARCH 2025 Recommendation: Receive and file."),
        ("D. FERRY PASSENGER NUMBERS FOR MARCH 2025",
         "D. FERRY PASSENGER NUMBERS FOR MARCH 2025 Recommendation: Receive and file."),
    ]),
])
def test_a_recommendation_that_only_says_note_and_file_is_read_with_its_item(agenda, rows):
    assert [(d.title, d.text) for d in _of_kind(agenda, "recommendation", "agenda.txt")] == rows


HARBOUR_LIBRARY_MINUTES = """HARBOURSIDE PUBLIC LIBRARY DISTRICT
Regular Meeting of the Board of Trustees
Wednesday, June 9, 2021, 6:30 p.m.

1. Call to order — Trustee Ash called the meeting to order at 6:41 p.m.

ATTENDING: Trustees Ash, Birch, Cole

3. Approval of the agenda

MOTION: Trustee Ash moved to approve the agenda as amended. Trustee Birch
seconded.

Roll call vote:

Ayes — Trustees Ash, Birch, Cole

Nays ~ None

Motion carried

4. Public comments — none

5. Director's report

The Director said the building will reopen in June.

Motion carried
"""


def test_an_outcome_standing_alone_carries_the_motion_above_its_roll_call():
    resolutions = _of_kind(HARBOUR_LIBRARY_MINUTES, "resolution", "minutes.txt")
    carried = [d for d in resolutions if "approve the agenda as amended" in d.text]
    assert len(carried) == 1 and "Motion carried" in carried[0].text and "Ayes" in carried[0].text
    # An outcome with no motion moved above it is not given the paragraph before it.
    assert not any("reopen in June" in d.text for d in resolutions)


def test_an_outcome_closes_the_items_last_motion_past_its_discussion():
    """US minutes that debate a motion before its roll call, a UK proposal answered "Agreed
    unanimously.", a bulleted "APPROVED –" line, and an item minuted by its disposition alone."""
    us = ("HARBOURSIDE PUBLIC LIBRARY DISTRICT\nMinutes of the Board of Trustees, Wednesday, June 9, 2021\n\n"
          "8. New Business\n\na. Adopt Ordinance No. 21-07 on the Quay Hall lease\n\n"
          "MOTION: Trustee Ash moved to adopt Ordinance No. 21-07 on the Quay Hall lease.\nTrustee Birch seconded.\n\n"
          "The Director said the lease runs for ten years.\nTrustee Cole asked about the rent.\n\n"
          "Roll call vote:\n\nAyes - Ash, Birch, Cole\nNays - none\n\nMotion carried\n\n"
          "9. Director's report\n\nThe Director said the building will reopen in June.\n\nMotion carried\n")
    rows = _of_kind(us, "resolution", "minutes.txt")
    adopted = [d for d in rows if "Ordinance No. 21-07" in d.text]
    assert len(adopted) == 1 and adopted[0].text.startswith("MOTION: Trustee Ash moved to adopt Ordinance No. 21-07")
    assert "Ayes" in adopted[0].text and "rent" not in adopted[0].text  # the discussion is left out
    # The next item's outcome, with nothing moved in that item, is not given the item above's motion,
    # nor is it a row of its own: what was carried is not on record.
    assert not any("reopen in June" in d.text for d in rows) and len(rows) == 1
    # The roll printed in one run with its outcome, no blank line between: the same motion is closed.
    tight = us.replace("Roll call vote:\n\nAyes", "Roll call vote:\nAyes").replace("none\n\nMotion", "none\nMotion")
    [closed] = _of_kind(tight, "resolution", "minutes.txt")
    assert closed.text.startswith("MOTION: Trustee Ash moved to adopt Ordinance No. 21-07") and "Ayes" in closed.text
    uk = ("Minutes of Harbourside Parish Council held on 3 March 2024\n\n24/031 Planning consultants\n"
          "Members discussed seating on the quay green.\n"
          "It was proposed by Cllr Fox, seconded by Cllr Lane, that Council buy two benches for the quay green.\n"
          "Agreed unanimously.\n")
    proposal = _of_kind(uk, "resolution", "minutes.txt")
    assert len(proposal) == 1 and "buy two benches" in proposal[0].text
    assert (proposal[0].details["mover"], proposal[0].details["seconder"]) == ("Cllr Fox", "Cllr Lane")
    bulleted = ("Harbourside Special Service Area\nMinutes of the Commission, March 2, 2025\n\n"
                "• New Business\n◦ APPROVED – quay festival budget\n◦ Banner repairs were discussed\n")
    assert _texts_of_kind(bulleted, "resolution", "minutes.txt") == ["◦ APPROVED – quay festival budget"]
    disposed = ("Minutes of the Harbourside City Council meeting of February 10, 2025\n\nOLD BUSINESS\n"
                "1. Quay parking survey\nContinued to March 3, 2025.\n\n"
                "2. Library hours\nThe Council continued to discuss the library hours at length and heard from residents.\n")
    items = _of_kind(disposed, "resolution", "minutes.txt")
    assert [(d.text, d.details["outcome"]) for d in items] == [
        ("1. Quay parking survey Continued to March 3, 2025.", "continued")]


def test_coming_back_to_work_is_no_follow_up():
    minutes = HARBOUR_LIBRARY_MINUTES + "\n6. Reopening\n\nStaff on leave may come back to work in May.\n\nThe reopening plan will come back to the Board in June.\n"
    actions = _texts_of_kind(minutes, "action", "minutes.txt")
    assert any("come back to the Board in June" in text for text in actions)
    assert not any("come back to work" in text for text in actions)


def test_work_aimed_at_the_next_meeting_is_a_follow_up():
    minutes = ("Minutes of the Harbourside Libraries Board held on 21 January 2025\n\n"
               "4. Insurance\nIt was agreed that the treasurer should chase the insurer before the next board meeting.\n\n"
               "5. Quay Hall\nIt was agreed a repair plan would be drawn up for the next Harbour & Quays meeting.\n\n"
               "6. Premises\nThe next meeting will be held at Quay Hall.\nThe roof was repaired before the last meeting.\n")
    actions = [(d.text, d.details.get("due_text")) for d in _of_kind(minutes, "action", "minutes.txt")]
    assert [text for text, _ in actions] == [
        "It was agreed that the treasurer should chase the insurer before the next board meeting.",
        "It was agreed a repair plan would be drawn up for the next Harbour & Quays meeting."]
    assert all(due and "next" in due for _, due in actions)  # dated by the body's next meeting when read


def test_decisions_in_more_publishing_styles():
    """A Canadian council's numbered motions closed by "Carried.", a licensing board's "Decision:",
    a committee that "resolved to:" a list, and a verbatim transcript's "I move that ... Carried."."""
    canadian = ("Minutes of the Regular Meeting of Council of the Township of Harbourside held on March 4, 2024\n\n"
                "5. Road Resurfacing Tender\n\n"
                "R2024-041 Moved by Councillor Fox, seconded by Councillor Lane\n"
                "THAT Council award the road resurfacing tender to Quay Paving Ltd. in the amount of $412,000.\n"
                "Carried.\n\n"
                "R2024-042 Moved by Councillor Lane, seconded by Councillor Fox\n"
                "THAT the library hours be extended on Saturdays.\nDefeated.\n")
    rows = _of_kind(canadian, "resolution", "minutes.txt")
    assert [(d.details["mover"], d.details["seconder"], d.details["outcome"]) for d in rows] == [
        ("Councillor Fox", "Councillor Lane", "carried"), ("Councillor Lane", "Councillor Fox", "failed")]
    assert "THAT Council award the road resurfacing tender to Quay Paving Ltd." in rows[0].text
    licensing = ("Minutes of the Licensing Board meeting held on 12 June 2024\n\n"
                 "4. Application for a premises licence - The Quay Tavern, 3 Harbour Street\n"
                 "The Board considered the application and heard from the applicant.\n"
                 "Decision: Granted subject to the conditions set out in the report.\n\n"
                 "5. Decision - 25/00123 - Harbour Walls, which had been called in, may proceed.\n")
    assert _texts_of_kind(licensing, "resolution", "minutes.txt") == [
        "Decision: Granted subject to the conditions set out in the report."]
    committee = ("Minutes of the Harbourside Finance Committee held on 3 April 2024\n\n"
                 "6. Budget monitoring\nThe Committee resolved to:\n"
                 "a) note the forecast underspend of £12,000;\nb) transfer £5,000 to the harbour reserve.\n")
    listed = _of_kind(committee, "resolution", "minutes.txt")
    assert [d.items for d in listed] == [["note the forecast underspend of £12,000;", "transfer £5,000 to the harbour reserve."]]
    transcript = ("Council Meeting 14 May 2024\n\nMayor Fox: I move that By-law No. 35/2024 be read a first time.\n"
                  "Councillor Lane: Second.\nMayor Fox: All those in favour? Contrary? Carried.\n")
    moved = _of_kind(transcript, "resolution", "minutes.txt")
    assert len(moved) == 1 and "By-law No. 35/2024 be read a first time" in moved[0].text


def test_staff_recommending_in_their_own_voice_is_a_recommendation():
    agenda = ("HARBOURSIDE HOUSING AUTHORITY\nREGULAR MEETING AGENDA\nNovember 15, 2022\n\n"
              "1. APPROVAL OF MINUTES\nStaff recommends the Housing Authority approve the minutes of the meeting of October 18, 2022.\n\n"
              "2. QUAY STREET PLAYGROUND\nResidents recommend more swings at the playground.\n")
    rows = _texts_of_kind(agenda, "recommendation", "agenda.txt")
    assert rows == ["Staff recommends the Housing Authority approve the minutes of the meeting of October 18, 2022."]


def test_an_agenda_item_that_asks_the_body_to_act_is_a_recommendation():
    agenda = ("HARBOURSIDE CITY COUNCIL\nREGULAR MEETING AGENDA\nMarch 4, 2025\n\n"
              "1. QUAY SAFETY COMMITTEE REPORT - Authorize the City Manager to\n"
              "purchase a harbour patrol boat from the Quay Safety grant.\n\n"
              "2. Approving Supplemental Agreement No. 2 with Quayford Design, Inc. for the\n"
              "seawall study, not to exceed $41,000.\n\n"
              "3. Communication from a resident about parking on Quay Street.\n\n"
              "4. APPROVAL OF MINUTES – NONE\n\n"
              "5. ANNUAL HARBOUR REVIEW - City Council to receive and file this report.\n\n"
              "5B. Consideration of Ordinance No. 12 on mooring fees.\n\n"
              "6. Harbour grants\n"
              "The grants are listed below.\n\n"
              "C. RESOLUTION (2025- 07) Authorize the Harbour Master to enter an agreement with Quayford Marine.\n\n"
              "7. QUAY WARRANTS – Staff recommends the City Council approve the warrant runs of March 2025.\n\n"
              "8. PUBLIC HEARING: SECOND READING OF ORDINANCE NO. 12-\n25 - Waive second reading and adopt Ordinance No. 12-25.\n\n"
              "9 2026 HARBOUR COMMITTEE ASSIGNMENTS - Approve the 2026 Harbour Committee\nassignments as submitted by the Mayor.\n")
    rows = [(d.reference, d.text) for d in _of_kind(agenda, "recommendation", "agenda.txt")]
    assert rows == [
        ("1", "1. QUAY SAFETY COMMITTEE REPORT - Authorize the City Manager to purchase a harbour patrol boat from the Quay Safety grant."),
        ("2", "2. Approving Supplemental Agreement No. 2 with Quayford Design, Inc. for the seawall study, not to exceed $41,000."),
        ("5", "5. ANNUAL HARBOUR REVIEW - City Council to receive and file this report."),
        ("5B", "5B. Consideration of Ordinance No. 12 on mooring fees."),
        ("c", "C. RESOLUTION (2025- 07) Authorize the Harbour Master to enter an agreement with Quayford Marine."),
        ("7", "7. QUAY WARRANTS – Staff recommends the City Council approve the warrant runs of March 2025."),
        ("8", "8. PUBLIC HEARING: SECOND READING OF ORDINANCE NO. 12- 25 - Waive second reading and adopt Ordinance No. 12-25."),
        # a bare number before a title in capitals opens an item too
        ("9", "9 2026 HARBOUR COMMITTEE ASSIGNMENTS - Approve the 2026 Harbour Committee assignments as submitted by the Mayor."),
    ]
    minutes = agenda.replace("REGULAR MEETING AGENDA", "MINUTES OF THE REGULAR MEETING")
    assert not _of_kind(minutes, "recommendation", "minutes.txt")


def test_an_amendment_put_to_a_recorded_vote_is_a_decision_of_its_own():
    minutes = ("Minutes of the Harbourside County Council meeting held on 6 March 2025\n\n"
               "7) Mr Fox proposed and Mrs Lane seconded the following amendment to the motion set out in paragraph 6:\n"
               "“Council is asked to defer the quay charges for a year.”\n\n"
               "8) Following the debate, the Chairman put the amendment set out in\n"
               "paragraph 7 to the vote and the voting was as follows:\n\n"
               "For (14)\n\nMr Fox, Mrs Lane, Dr Ash\n\nAgainst (45)\n\nMr Birch, Mrs Cole\n\nAbstain (4)\n\nMr Dale\n\n"
               "Amendment lost.\n\n"
               "9) RESOLVED that the quay charges set out in the report be approved.\n")
    rows = _of_kind(minutes, "resolution", "minutes.txt")
    vote = next(d for d in rows if "to the vote" in d.text)
    assert vote.text == ("8) Following the debate, the Chairman put the amendment set out in paragraph 7 to the vote "
                         "and the voting was as follows: Amendment lost.")
    assert vote.details["outcome"] == "lost" and vote.details["votes"] == {"for": 14, "against": 45, "abstain": 4}
    assert any(d.text.startswith("9) RESOLVED that the quay charges") for d in rows)


def test_a_transcript_vote_is_a_decision_though_a_motion_read_out_says_resolved():
    filler = "".join(f"Councillor Lane: The harbour has served us well for {n} years and more.\n\n" for n in range(20))
    transcript = ("Council Meeting 14 May 2024\n\n"
                  "Councillor Fox moves that the Minutes of the meeting held on April 9, 2024 be taken as read and confirmed.\n\n"
                  "Madam Speaker: All those in favour? Contrary? Carried.\n\n"
                  "Madam Speaker: All those in favour of Items 2 to 9 of the Harbour Report? Contrary? Carried. Item No. 1, Madam Clerk.\n\n"
                  + filler +
                  "Councillor Ash: I will read my motion. BE IT RESOLVED that the City write to the harbour board.\n\n"
                  "Madam Speaker: Abstain (0)\n\nMotion carried.\n")
    rows = _texts_of_kind(transcript, "resolution", "minutes.txt")
    assert rows[0] == ("Councillor Fox moves that the Minutes of the meeting held on April 9, 2024 be taken as read and confirmed. "
                       "Madam Speaker: All those in favour? Contrary? Carried.")
    assert rows[1].startswith("Madam Speaker: All those in favour of Items 2 to 9 of the Harbour Report? Contrary? Carried.")
    assert not any(text.endswith("Abstain (0) Motion carried.") and len(text) < 40 for text in rows)


def test_an_agenda_set_out_as_paragraphs_reads_each_paragraph_as_an_item():
    agenda = ("Harbourside Planning Commission\nAgenda for June 7, 2025\n\n"
              "ADMINISTRATIVE APPROVALS\n\n"
              "Ordinance No. 41-2025 (Ward 3/Councillor Fox): Authorizing the Director of Harbours to lease the quay store.\n\n"
              "Project Representative: Ada Fox, Quayford Design\n\n"
              "Direct Dial/Ext: 0300 041 4043 e-mail: clerk@harbourside.example Ask for: Ben Lane\n")
    rows = _texts_of_kind(agenda, "recommendation", "agenda.txt")
    assert rows == ["Ordinance No. 41-2025 (Ward 3/Councillor Fox): Authorizing the Director of Harbours to lease the quay store."]


def test_a_resolved_that_sentence_and_a_lettered_one_are_resolutions():
    text = """Minutes of the meeting of Quayford Community Council held on 11 March 2025

48/25 MATTERS ARISING
(iii) The street light outside Quay Hall is still not repaired.
Resolved that the Clerk report the fault again and ask for a date.

52/25 FINANCE
(b) Resolved that the following payments be approved:
    Quay Hall - room hire £15.00
    Harbour Grounds Ltd - grass cutting £420.00
"""
    rows = _texts_of_kind(text, "resolution", "minutes.txt")
    assert any(row.startswith("Resolved that the Clerk report the fault again") for row in rows)
    assert any("Resolved that the following payments be approved" in row for row in rows)
    # a capitalised verb in prose is still no header
    assert not _texts_of_kind("Minutes of the meeting of Quayford Community Council held on 11 March 2025\n\n"
                              "1. Roads\nAgreed speed limits were discussed at length with the police.\n",
                              "resolution", "minutes.txt")


def test_planning_responses_under_a_label_and_at_the_end_of_the_application_s_row():
    text = """Minutes of the meeting of Quayford Parish Council held on 9 April 2025

51/25 PLANNING
(i) 25/0934/FUL - Extension to rear of dwelling, Quay Cottage.
    Observations: The Council has no objection.
(ii) 25/0951/OUT - One dwelling on land beside the Old Mill.
    Observations: The Council objects as the site lies outside the settlement boundary.
Application     Location / proposal                         Response
25/00452/HOU    Harbour View, Back Lane - rear extension     No objection subject to obscure glazing
25/00467/TCA    St Anne's churchyard - fell 1 sycamore       Support

Decisions notified by the planning authority:
25/00198/HOU    3 Glebe Close - conservatory                 Approved

60/25 CORRESPONDENCE
Comments: the hall trust thanked the council for its grant.
"""
    rows = [(d.text, d.details.get("outcome")) for d in _of_kind(text, "resolution", "minutes.txt")]
    assert rows == [
        ("(i) 25/0934/FUL - Extension to rear of dwelling, Quay Cottage. Observations: The Council has no objection.",
         "The Council has no objection"),
        ("(ii) 25/0951/OUT - One dwelling on land beside the Old Mill. Observations: The Council objects as the site lies "
         "outside the settlement boundary.", "The Council objects as the site lies outside the settlement boundary"),
        ("25/00452/HOU Harbour View, Back Lane - rear extension No objection subject to obscure glazing", "no objection"),
        ("25/00467/TCA St Anne's churchyard - fell 1 sycamore Support", "support"),
    ]  # not another authority's decision, nor a comment under no application


def test_a_labelled_planning_response_answers_the_application_the_minute_names_without_a_reference():
    text = """Minutes of the meeting of Quayford Parish Council held on 18 March 2014

7. Planning
The following application was considered: Four Limes - conversion of garage to one holiday cottage
The Fooks
Comment: Council would not wish to see a separate dwelling created.

8. Correspondence
Comments: the hall trust thanked the council for its grant.
"""
    rows = [d.text for d in _of_kind(text, "resolution", "minutes.txt")]
    assert rows == ["The following application was considered: Four Limes - conversion of garage to one holiday cottage The Fooks "
                    "Comment: Council would not wish to see a separate dwelling created."]


def test_a_vote_on_the_motion_is_read_with_the_sentence_proposing_it():
    text = """Minutes of the meeting of Quayford Parish Council held on 16 April 2024

9. Memorial bench
Cllr Ash proposed, and Cllr Fox seconded, that a second memorial bench be permitted on the playing field. Several
members felt that a policy on memorials is needed first. After debate the motion was put to the vote and was lost,
2 in favour and 4 against.

10. Nature emergency
Cllr Cole proposed, and Cllr Dunn seconded, that this Council declares a nature emergency. Following debate, the
amendment was put to the vote and was lost (4 in favour, 7 against).
"""
    rows = {d.text: d.details.get("outcome") for d in _of_kind(text, "resolution", "minutes.txt")}
    bench = next(t for t in rows if "memorial bench" in t)
    assert bench.startswith("Cllr Ash proposed, and Cllr Fox seconded") and bench.endswith("4 against.") and rows[bench] == "lost"
    # an amendment's vote is not the motion's
    assert not any("nature emergency" in t and "amendment was put" in t for t in rows)


def test_a_vote_with_its_count_records_what_was_voted_on():
    text = """Minutes of the Regular Meeting of the Harbourside Unified School District Board held on January 23, 2025

G. CONSENT AGENDA
Motion to approve Consent Agenda Items G.1-G.4: Fox / Second: Ash / Vote: 5-0

H. CLOSED SESSION REPORT
The Board President reported that in closed session the Board voted 4-1 to accept the resignation of one employee.

I. ANNOUNCEMENTS
Vote: 5-0.

J. PLANNING
ACTION: Time extension for the Quay Road parcel map granted.
Motion: Fox / Second: Birch Vote: 6-0-0-1 (Absent: Cole)
"""
    rows = _of_kind(text, "resolution", "minutes.txt")
    assert [(r.text, r.details.get("votes")) for r in rows] == [
        ("Motion to approve Consent Agenda Items G.1-G.4: Fox / Second: Ash / Vote: 5-0", {"for": 5, "against": 0, "abstain": 0}),
        ("The Board President reported that in closed session the Board voted 4-1 to accept the resignation of one employee.",
         {"for": 4, "against": 1, "abstain": 0}),
        # a vote's own line is read with the action taken above it
        ("ACTION: Time extension for the Quay Road parcel map granted. Motion: Fox / Second: Birch Vote: 6-0-0-1 (Absent: Cole)",
         {"for": 6, "against": 0, "abstain": 0, "absent": 1}),
    ]  # a count alone says nothing of what was voted on


def test_a_board_directing_its_officers_gives_them_a_task():
    text = """Minutes of the Regular Meeting of the Harbourside Water District Board held on November 14, 2024

5. Rate study
After discussion, the Board directed the General Manager to prepare two rate options for the December meeting.
Staff was directed to return with a low-income assistance program.

6. Reports
The Director of Finance directed the audit last year.
Moved by Trustee Fox That the Committee recommend that the Board direct staff to reduce the sidewalk programme.
"""
    tasks = _texts_of_kind(text, "action", "minutes.txt")
    assert tasks == ["After discussion, the Board directed the General Manager to prepare two rate options for the December meeting.",
                     "Staff was directed to return with a low-income assistance program."]


def test_a_summary_table_row_with_its_outcome_is_a_resolution():
    text = """Harbourside County Board of Supervisors
Summary Action Minutes of the meeting held on February 25, 2025

ITEM | DESCRIPTION | ACTION
1 | Invocation | Led by Supervisor Fox
2 | Approval of Agenda | APPROVED 5-0 (Fox/Ash)
3 | Award of contract to Quay Paving, Inc., $1,187,430 | APPROVED 4-1 (Ash/Fox; Birch no)
4 | Quarterly report on the harbour encampment | RECEIVED AND FILED
5 | Public comment | Seven speakers. NO ACTION TAKEN
"""
    rows = [(r.text, r.details.get("outcome"), r.details.get("votes")) for r in _of_kind(text, "resolution", "minutes.txt")]
    assert rows == [
        ("2 | Approval of Agenda | APPROVED 5-0 (Fox/Ash)", "approved", {"for": 5, "against": 0, "abstain": 0}),
        ("3 | Award of contract to Quay Paving, Inc., $1,187,430 | APPROVED 4-1 (Ash/Fox; Birch no)", "approved",
         {"for": 4, "against": 1, "abstain": 0}),
        ("4 | Quarterly report on the harbour encampment | RECEIVED AND FILED", "received", None),
    ]


def test_a_motion_carried_with_its_count_written_with_a_slash_is_a_resolution():
    text = """Minutes of the Ordinary Meeting of the Shire of Quayford Council held on 21 August 2024

7.1 Ordinary Meeting of Council held 17 July 2024
COUNCIL RESOLUTION 2024/142
Moved Cr Fox, Seconded Cr Ash
That the Minutes of the Ordinary Meeting of Council held on 17 July 2024 be confirmed as a true and correct record.
CARRIED 7/0

9.2.1 Supply of bituminous seals
COUNCIL RESOLUTION 2024/146
Moved Cr Birch, Seconded Cr Fox
That Council accept the tender from Quay Seals Pty Ltd for the lump sum of $612,480.
CARRIED 6/1
"""
    rows = [(r.text, r.details.get("votes")) for r in _of_kind(text, "resolution", "minutes.txt")]
    assert any("That the Minutes of the Ordinary Meeting" in text and votes == {"for": 7, "against": 0, "abstain": 0}
               for text, votes in rows)
    assert any("accept the tender from Quay Seals" in text and votes == {"for": 6, "against": 1, "abstain": 0}
               for text, votes in rows)


def test_an_outcome_wrapped_onto_the_next_line_or_said_after_the_motion_s_words_closes_its_motion():
    text = """Minutes of the Regular Meeting of the Harbourside City Council held on March 12, 2024

9.A Mid-year budget review
The Finance Director presented the review. Councilmember Fox moved, seconded by
Councilmember Ash, to adopt Resolution No. 2024-020. The motion
carried by the following roll call vote:
AYES: Ash, Birch, Fox
NOES: Cole

9.B Accessory dwelling units
Councilmember Birch moved, seconded by Councilmember Fox, to introduce Ordinance No. 1190.
The main motion to introduce and waive first reading of Ordinance No. 1190
passed 4-1.

9.C Harbour lights
Councilmember Cole spoke in support and said this motion should be passed unanimously in the spring.
"""
    rows = [(r.text, r.details.get("votes"), r.details.get("outcome")) for r in _of_kind(text, "resolution", "minutes.txt")]
    assert any(text.endswith("The motion carried by the following roll call vote:") and "Resolution No. 2024-020" in text
               for text, _, _ in rows)
    assert any(text.endswith("The main motion to introduce and waive first reading of Ordinance No. 1190 passed 4-1.")
               and votes == {"for": 4, "against": 1, "abstain": 0} for text, votes, _ in rows)
    assert not any("should be passed" in text for text, _, _ in rows)  # a wish is no outcome


def test_the_action_taken_on_an_item_and_a_motion_declared_lost_are_resolutions():
    text = """Minutes of the Regular Meeting of the Quayford Planning Commission held on August 22, 2024

3. MINUTES
    ACTION: Minutes of August 8, 2024 approved as submitted.

7. PUBLIC HEARING - 12 Harbour Lane
    ACTION: Continued to September 12, 2024, without opening the public
    hearing.

8. NOTICE OF MOTION - Harbour lights
The motion, proposed by Cllr Fox and seconded by Cllr Ash, was put to a vote with 3 votes for and
4 against, and the Chair declared the motion lost.

9. REPORTS
Action: Clerk
Action: The administration recommends that the consent calendar be approved.
"""
    rows = [(r.text, r.details.get("outcome")) for r in _of_kind(text, "resolution", "minutes.txt")]
    assert ("ACTION: Minutes of August 8, 2024 approved as submitted.", "approved") in rows
    assert ("ACTION: Continued to September 12, 2024, without opening the public hearing.", "continued") in rows
    assert any(text.endswith("and the Chair declared the motion lost.") for text, _ in rows)
    assert not any(text.startswith("Action: ") for text, _ in rows)  # who acts, or what is proposed, not what was done


def test_a_summary_table_in_html_keeps_its_cells():
    html = """<html><body><h1>Harbourside County Board of Supervisors</h1>
<p>Summary Action Minutes of the meeting held on February 25, 2025</p>
<table><tr><th>Item</th><th>Description</th><th>Action</th></tr>
<tr><td>2</td><td>Approval of Agenda</td><td>APPROVED 5-0 (Fox/Ash)</td></tr>
<tr><td>3</td><td>Quarterly report on the harbour encampment</td><td>RECEIVED AND FILED</td></tr>
<tr><td>4</td><td>Public comment</td><td>Seven speakers. NO ACTION TAKEN</td></tr>
</table></body></html>"""
    rows = [r.text for r in _of_kind(html_to_text(html), "resolution", "minutes.md")]
    assert rows == ["2 | Approval of Agenda | APPROVED 5-0 (Fox/Ash)",
                    "3 | Quarterly report on the harbour encampment | RECEIVED AND FILED"]


def test_html_minutes_keep_a_motion_and_its_browser_numbered_list_together():
    """A CMS stores each line of a motion as a paragraph and a lettered list as <ol type="a"> with no
    letters in its text: read as a browser shows it, the motion keeps its mover, words and items."""
    html = """<html><body><h1>Harbourside Local Board</h1>
<p>Minutes of a meeting held on Wednesday, 19 June 2024</p>
<h2>5 Harbour Road parking</h2>
<p>Resolution number HB/2024/61</p>
<p>MOVED by Chairperson D Fox, seconded by Member S Ash:</p>
<p>That the Harbourside Local Board:</p>
<ol type="a">
  <li>support the proposal to limit parking on
      Harbour Road to two hours</li>
  <li>request a report on enforcement by
      September 2024.</li>
</ol>
<p>CARRIED</p>
</body></html>"""
    text = html_to_text(html)
    assert "a. support the proposal to limit parking on Harbour Road to two hours\nb. request a report" in text
    [motion] = _of_kind(text, "resolution", "minutes.html")
    assert "MOVED by Chairperson D Fox" in motion.text and "a. support the proposal" in motion.text
    assert "b. request a report on enforcement by September 2024." in motion.text and motion.text.endswith("CARRIED")


def test_an_action_log_table_gives_each_task_its_owner_and_due_date():
    text = """Minutes of the meeting of the Quayford Police and Crime Panel held on 6 February 2024

9. WORK PROGRAMME
The Panel RESOLVED to agree the work programme.

ACTION LOG - MEETING OF 6 FEBRUARY 2024

No.   | Action                                              | Owner                  | Due date
24/01 | Send the Panel's report on the precept to the Commissioner | Chair              | 8 February 2024
24/02 | Circulate response times broken down by district     | Chief Executive        | 1 March 2024
"""
    tasks = [(d.reference, d.text, d.details.get("who"), d.details.get("due_date")) for d in _of_kind(text, "action", "minutes.txt")]
    assert tasks == [("24/01", "Send the Panel's report on the precept to the Commissioner", "Chair", "2024-02-08"),
                     ("24/02", "Circulate response times broken down by district", "Chief Executive", "2024-03-01")]


def test_an_officer_named_by_title_is_given_a_task_but_a_description_of_staff_is_none():
    text = """Minutes of the meeting of the Quayford Police and Crime Panel held on 6 February 2024

6. PROPOSED PRECEPT
The Chief Finance Officer agreed to provide the Panel with a breakdown of the savings programme.
The Meetings Administrator will make the arrangements with the harbour club.
Staff undertook to advise the Panel on the dune fencing budget before the July meeting.
Cllr Ash will be attending the harbour forum and asked for questions to take.

7. ARRANGEMENTS
Staff will be visible on the video feed, but the public will not.
Staff will have to choose which service to restore first.
"""
    tasks = [(d.details.get("who"), d.text) for d in _of_kind(text, "action", "minutes.txt")]
    assert [who for who, _ in tasks] == ["The Chief Finance Officer", "The Meetings Administrator", "Staff", "Cllr Ash"]


def test_a_decision_told_without_its_subject_is_read_with_the_request_before_it():
    text = """Minutes of the meeting of Quayford Community Council held on 7 October 2024

5. PLANNING
- 24/00835/FUL - holiday lets, Quay Farm. Members were not against it but the access is single track. Agreed to ask for a condition requiring a passing place. DF to submit the comment.

6. GRANTS
- Quayford Toddlers asked for £300 for play equipment. Approved - everyone in favour.
- The curling club asked for £500. After some discussion, agreed to give £250 now and consider the rest later.

7. ROADS
Moved by Cllr Fox, seconded by Cllr Ash, that the council write to the roads department. CARRIED. Agreed unanimously.
"""
    rows = _texts_of_kind(text, "resolution", "minutes.txt")
    assert "Agreed to ask for a condition requiring a passing place." in rows
    assert "• Quayford Toddlers asked for £300 for play equipment. Approved - everyone in favour." in rows
    assert "After some discussion, agreed to give £250 now and consider the rest later." in rows
    assert not any(row.endswith("Agreed unanimously.") and "write to the roads" not in row for row in rows)


def test_a_decision_on_the_proposal_of_a_member_seconded_by_another_is_a_resolution():
    text = """Minutes of the Monthly Meeting of Quayford Municipal District held on 18 November 2024

1. CONFIRMATION OF MINUTES
On the proposal of Cllr Dana Fox, seconded by Cllr Sam Ash, the Minutes of the Monthly Meeting held on 21st October 2024 were confirmed.

2. CIVIC RECEPTION
The Members congratulated Quayford Rovers. On the proposal of Cllr Ash, seconded by Cllr Fox, it was agreed to host a civic reception for the team.
"""
    rows = [(r.text, r.details.get("mover"), r.details.get("seconder")) for r in _of_kind(text, "resolution", "minutes.txt")]
    assert ("On the proposal of Cllr Dana Fox, seconded by Cllr Sam Ash, the Minutes of the Monthly Meeting held on "
            "21st October 2024 were confirmed.", "Cllr Dana Fox", "Cllr Sam Ash") in rows
    assert any("host a civic reception" in text for text, _, _ in rows)


def test_a_task_given_to_a_police_officer_or_a_minister_by_title():
    text = """Minutes of the meeting of Quayford Community Council held on 7 October 2024

2. POLICE REPORT
PC Fox will ask the road policing team whether they can do a weekend check in October.
Revd Ash to arrange the Remembrance service with the school.
"""
    tasks = [(d.details.get("who"), d.text) for d in _of_kind(text, "action", "minutes.txt")]
    assert [who for who, _ in tasks] == ["PC Fox", "Revd Ash"]


def test_a_person_the_minutes_list_as_present_is_tasked_by_bare_name():
    text = """Quayford Village Hall Trustees - minutes of the meeting held on 22 May 2024

Present:
Mr L Penn
Mrs K Lowe
Dana Fox (chair)
Sam Ash (treasurer)
Mr T Hale   Cllr M Kerr
Robin Quill (bookings)
Apologies: Grant Ellery

3. Bookings
The hire rates go up by 5% from September. Robin will update the website and tell the regular hirers.
Dana said she'd write to the neighbour about the late finishes.
Dana and Sam will put in the grant application. Ash to give them the last two years' accounts.
Will to look at the gutters.
Grant will be missed at the fete.
Kerr to ask the county about the verges.
"""
    tasks = [(d.details.get("who"), d.text) for d in _of_kind(text, "action", "minutes.txt")]
    assert [who for who, _ in tasks] == ["Robin", "Dana", "Dana and Sam", "Ash", "Kerr"]
    assert tasks[1][1].startswith("Dana said she'd write")


def test_a_present_list_wrapped_at_the_page_width_still_names_who_is_tasked():
    # the list as a PDF's text gives it: cut wherever the line is full, mid-name too
    text = """Quayford Allotment Society - minutes of the annual general meeting held on 18 November 2023

Present: 27 plot-holders signed the attendance
sheet, including Dana Fox (Chair), Robin
Quill (Secretary), Sam Ash (Treasurer), Lee
Hale and Kim Birch.
Apologies: Grant Ellery

6. Rents
It was agreed that full plots will go up to £50.
Robin to write to everyone with the new rates when the renewal letters go out.
Kim will book the skips for the spring.
"""
    tasks = [(d.details.get("who"), d.text) for d in _of_kind(text, "action", "minutes.txt")]
    assert [who for who, _ in tasks] == ["Robin", "Kim"]


def test_informal_minutes_speaking_for_the_meeting_in_the_first_person_record_decisions():
    text = """Quayford Residents Association - minutes of the committee meeting held on 3 October 2023

Present: Dana Fox (chair), Sam Ash, Robin Quill

2. Hall hire
We decided to put the hire rates up by 5% from 1st September.
After a lot of discussion we agreed to go with Quay Joinery, subject to the grant.
Sam suggested moving £5,000 into a savings account with better interest. Everyone agreed.
We would like the hall to be busier on weekdays.
"""
    texts = _texts_of_kind(text, "resolution", "minutes.txt")
    assert texts == ["We decided to put the hire rates up by 5% from 1st September.",
                     "After a lot of discussion we agreed to go with Quay Joinery, subject to the grant.",
                     "Sam suggested moving £5,000 into a savings account with better interest. Everyone agreed."]


def test_officers_elected_or_appointed_in_minutes_without_markers_are_decisions():
    text = """Harbourside Allotment Society - minutes of the annual general meeting held on 12 March 2024

Present: Dana Fox, Sam Ash, Robin Quill and 14 members

4. Election of officers
Dana Fox was re-elected as Chair unopposed.
Sam Ash was duly elected Treasurer.
Robin Quill was appointed to the committee.
Robin Quill has been a member since 2012 and was a teacher.
"""
    texts = _texts_of_kind(text, "resolution", "minutes.txt")
    assert texts == ["Dana Fox was re-elected as Chair unopposed.", "Sam Ash was duly elected Treasurer.",
                     "Robin Quill was appointed to the committee."]


def test_a_motion_leading_into_a_numbered_list_is_read_whole_up_to_its_outcome():
    text = """Shire of Quayford - Minutes of the Ordinary Meeting of Council held on 21 August 2024

9.2.2 Road Network Application - Quay Road
COUNCIL RESOLUTION 2024/147
Moved Cr Lee, Seconded Cr Fox
That Council:
1. Defer consideration of the application for Quay Road; and
2. Request the Chief Executive Officer to undertake traffic counts on Quay Road during October 2024.
CARRIED 7/0
"""
    rows = _of_kind(text, "resolution", "minutes.txt")
    assert len(rows) == 1
    assert rows[0].text.startswith("Moved Cr Lee, Seconded Cr Fox That Council: 1. Defer consideration")
    assert "2. Request the Chief Executive Officer" in rows[0].text
    assert rows[0].details.get("outcome") == "carried"


def test_a_motion_whose_list_items_wrap_over_lines_is_read_whole_up_to_its_outcome():
    # as a PDF's text gives it: each item wrapped at the width of the page
    text = """SHIRE OF QUAYFORD
MINUTES
ORDINARY MEETING OF COUNCIL
Wednesday 21 August 2024

12.1 CEO Annual Performance Review 2023/24
COUNCIL RESOLUTION 2024/152
Moved Cr Dwyer, Seconded Cr Nguyen
That Council:
1. Adopt the report of the Performance Review Panel dated 8 August 2024, which rates the
CEO's performance for 2023/24 as meeting expectations; and
2. Endorse the key performance indicators for 2024/25 as set out in the report.
CARRIED 7/0
"""
    rows = _of_kind(text, "resolution", "minutes.txt")
    assert len(rows) == 1
    assert rows[0].text.startswith("Moved Cr Dwyer, Seconded Cr Nguyen That Council: 1. Adopt the report")


def test_lettered_items_broken_off_mid_sentence_stay_in_the_list_without_blank_lines():
    # a PDF's text: no blank lines, and the items wrap where the page ends a line
    text = """QUAYFORD DISTRICT COUNCIL
MINUTES OF THE INFRASTRUCTURE COMMITTEE
Wednesday 14 August 2024
6.1 Harbour Wastewater Plant Upgrade
The Three Waters Manager spoke to the report.
Resolution number IC/2024/039
Moved: Cr Ash Seconded: Cr Birch
That the Infrastructure Committee:
a) receives the report titled "Harbour Wastewater Plant
Upgrade - Procurement Approach" dated 30 July 2024;
b) approves the use of an early contractor involvement procurement model
for the Harbour Wastewater Plant Upgrade;
c) recommends to Council that $1.2 million of capital funding be brought
forward from Year 4 to Year 1 of the Long Term
Plan to enable detailed design to commence;
d) notes the indicative project timeline.
CARRIED
6.2 Speed Management Plan
The Roading Manager presented the plan.
"""
    rows = _of_kind(text, "resolution", "minutes.txt")
    assert any('That the Infrastructure Committee: a) receives the report titled "Harbour' in row.text for row in rows)


def test_a_sentence_opening_with_the_body_and_what_it_did_is_a_decision_in_marked_minutes_too():
    text = """Quayford Water District - Minutes of the Regular Board Meeting held on 20 February 2024

5. MINUTES
RESOLVED that the minutes of the meeting held on 16 January 2024 be approved.

6. PUMP STATION
The Board awarded a contract for the Quay Pump Station Rehabilitation to Harbour Constructors, Inc. in the amount of $3,412,000.
By consensus, the Board authorized Director Ash to attend the spring conference at District expense.
Board consensus to send a thank-you letter to the Friends of the Harbour.
Director Fox noted that the Board approved the rate study last year.
"""
    texts = _texts_of_kind(text, "resolution", "minutes.txt")
    assert any(t.startswith("The Board awarded a contract for the Quay Pump Station") for t in texts)
    assert any(t.startswith("By consensus, the Board authorized Director Ash") for t in texts)
    assert any(t.startswith("Board consensus to send a thank-you letter") for t in texts)
    assert not any("rate study" in t for t in texts)


def test_an_agreed_decision_after_who_proposed_and_seconded_it_is_no_quoted_motion():
    text = """QUAYFORD DISTRICT COUNCIL
MINUTES OF THE MEETING OF THE ENVIRONMENTAL SERVICES COMMITTEE HELD ON TUESDAY 4 FEBRUARY 2025

ES/016/2025   RECYCLING CENTRE OPENING HOURS
Proposed by Alderman Fox,
Seconded by Councillor Ash, and

AGREED – that the Committee approve the revised winter opening hours for the Quay Road
recycling centre for a trial period of twelve months.

ES/017/2025   NOTICE OF MOTION
Councillor Ash moved the following motion:
AGREED that the Council writes to the Minister about harbour dredging.
"""
    texts = _texts_of_kind(text, "resolution", "minutes.txt")
    assert any(t.startswith("AGREED – that the Committee approve the revised winter opening hours") for t in texts)
    assert not any("harbour dredging" in t for t in texts)


def test_a_motion_s_words_between_who_moved_it_and_its_outcome_are_read_with_it():
    text = """Quayford District Council - Minutes of the Infrastructure Committee held on 14 August 2024

6.1  Quay Road Wastewater Plant Upgrade

The Three Waters Manager spoke to the report.

Resolution number ISC/2024/039
Moved: Cr Ash    Seconded: Cr Fox

That the Infrastructure Committee:
a)  receives the report titled "Quay Road Wastewater Plant Upgrade";
b)  approves an early contractor involvement procurement model;
c)  notes the indicative project timeline.

CARRIED
"""
    rows = _of_kind(text, "resolution", "minutes.txt")
    assert len(rows) == 1
    assert rows[0].text.startswith("Resolution number ISC/2024/039 Moved: Cr Ash Seconded: Cr Fox That the Infrastructure Committee:")
    assert "approves an early contractor involvement procurement model" in rows[0].text


def test_an_outcome_right_aligned_under_each_motion_of_a_text_file_is_kept_every_time():
    motions = "\n".join(
        f"""{n}.  ITEM {n}
Resolution No. 2024-{n:03d}
Moved by: Councillor Ash    Seconded by: Councillor Fox
BE IT RESOLVED THAT Council approve the harbour works schedule number {n}.
                                                                 CARRIED
""" for n in range(1, 5))
    text = f"THE TOWNSHIP OF QUAYFORD\nREGULAR MEETING OF COUNCIL\nMINUTES\nDate: Tuesday, June 11, 2024\n\n{motions}"
    texts = _texts_of_kind(text, "resolution", "minutes.txt")
    assert [n for n in range(1, 5) if any(f"schedule number {n}." in t for t in texts)] == [1, 2, 3, 4]


SCOTTISH_MINUTE = """QUAYFORD COUNCIL
MINUTE of MEETING of the EDUCATION COMMITTEE held on 5 March 2024

3.  REVENUE BUDGET MONITORING

Decision

The Committee agreed:-
(a)  to note the projected overspend of £1.38 million for 2023/24;
(b)  to approve the budget virements set out in Appendix 2 to the report; and
(c)  to instruct the Head of Education (Primary and Early Years) to review the rate-setting
     methodology before the next budget.

4.  FUNDING UPDATE
The Public Accounts Committee has requested the Department for Education to carry out a review.
"""


def test_a_decision_leading_into_its_list_with_a_colon_and_dash_is_read_with_the_list():
    rows = _of_kind(SCOTTISH_MINUTE, "resolution", "minutes.txt")
    assert len(rows) == 1 and rows[0].text.startswith("The Committee agreed: (a) to note the projected overspend")
    assert len(rows[0].items) == 3


def test_a_decision_s_clause_instructing_an_officer_is_a_task_but_another_body_s_request_is_not():
    tasks = _texts_of_kind(SCOTTISH_MINUTE, "action", "minutes.txt")
    assert any(t.startswith("to instruct the Head of Education (Primary and Early Years) to review") for t in tasks)
    assert not any("Public Accounts Committee" in t for t in tasks)


def test_a_record_of_decisions_headed_decision_reads_its_numbered_list_whole():
    text = """LONDON BOROUGH OF QUAYFORD
CABINET - RECORD OF DECISIONS
Meeting date: Tuesday 16 July 2024

ITEM 5   HARBOUR ESTATE REGENERATION
Report of: Corporate Director of Place

DECISION
1.  To note the outcome of the resident ballot held in March 2024.
2.  To approve the delivery strategy for Phase 2 of the Harbour Estate regeneration.
3.  To delegate authority to the Corporate Director of Place to appoint a main contractor.

REASONS FOR DECISION
The Phase 2 blocks do not meet the Decent Homes standard.
"""
    rows = _of_kind(text, "resolution", "decisions.txt")
    assert len(rows) == 1 and len(rows[0].items) == 3
    assert "To delegate authority to the Corporate Director of Place" in rows[0].text
    assert "Decent Homes" not in rows[0].text


def test_an_agenda_item_s_action_under_any_recommending_label_is_its_recommendation():
    text = """QUAYFORD HARBOUR AUTHORITY
REGULAR MEETING AGENDA
Tuesday, November 15, 2022 at 3:00 p.m.

R-3  HARBOUR DUES ADJUSTMENT - SET PUBLIC HEARING
     General Manager's Recommendation: Set a public hearing for December 13, 2022 at 3:00 p.m.
     to consider a proposed increase to harbour dues.

R-4  CHARTER APPEAL - QUAY ACADEMY
     Requested Action: Conduct a public hearing to consider the level of support for the appeal.

R-5  MOORINGS POLICY
     Staff Recommendation: Deny the request for additional winter moorings at the east quay.

R-6  URGENCY ORDINANCE
     Suggested Motion (a): Adopt Urgency Ordinance No. 24-07 extending the moratorium on new moorings.
"""
    texts = _texts_of_kind(text, "recommendation", "agenda.txt")
    for words in ("Set a public hearing for December 13, 2022", "Conduct a public hearing to consider the level of support",
                  "Deny the request for additional winter moorings", "Adopt Urgency Ordinance No. 24-07"):
        assert any(words in t for t in texts), words


def test_a_recommending_label_on_a_line_of_its_own_heads_the_action_under_it():
    # A board-meeting system prints each item's fields as a name over its value.
    text = """Quayford Unified School District
Regular Meeting of the Board of Education
Tuesday, October 17, 2023

Subject
7.01 Personnel Report No. 5
Category
7. CONSENT ITEMS
Type
Action (Consent)

Recommended Action
Ratify the certificated and classified employment actions listed in Personnel Report No. 5.

Public Content
Personnel Report No. 5 is attached.

Subject
7.02 Harbour Campus Roofing
Suggested Motion
Award Bid No. 23-07 to Quay Roofing, the lowest responsive bidder,
in the amount of $412,000.

Recommendation
Public Content
The bids were opened on October 3.
"""
    rows = _of_kind(text, "recommendation", "agenda.txt")
    assert [r.text for r in rows] == [
        "Ratify the certificated and classified employment actions listed in Personnel Report No. 5.",
        "Award Bid No. 23-07 to Quay Roofing, the lowest responsive bidder, in the amount of $412,000."]


def test_a_motion_above_the_line_naming_who_moved_it_is_what_the_vote_decided():
    # A board-meeting system's minutes: the motion's words under a field's name, who moved and seconded it,
    # then the outcome told as it happens.
    text = """Quayford Unified School District
Minutes of the Regular Meeting of the Board of Education
Tuesday, October 17, 2023

7.06 Consent Items - Motion

Motion & Voting
Approve Consent Items 7.01 to 7.05 as presented.

Motion by Dana Fox, second by Lee Ash.
Final Resolution: Motion Carries
Yea: Dana Fox, Lee Ash, Kim Cole

8.01 Harbour Campus Roofing

Motion & Voting
Award Bid No. 23-07 to Quay Roofing in the amount of $412,000.

Motion by Kim Cole, second by Dana Fox.
Final Resolution: Motion Fails
Yea: Kim Cole
Nay: Dana Fox, Lee Ash
"""
    rows = _of_kind(text, "resolution", "minutes.txt")
    assert [(r.text.split(" Motion by")[0], r.details.get("mover"), r.details.get("outcome")) for r in rows] == [
        ("Approve Consent Items 7.01 to 7.05 as presented.", "Dana Fox", "carried"),
        ("Award Bid No. 23-07 to Quay Roofing in the amount of $412,000.", "Kim Cole", "failed")]


def test_a_recommending_label_may_name_who_recommends_or_to_whom_the_action_goes():
    text = """QUAYFORD BOARD OF WATER COMMISSIONERS
REGULAR MEETING AGENDA
Tuesday, June 17, 2025

7. RESOLUTION NO. 025 302
Recommended Board Action: That the Board adopt Resolution No. 025 302 authorizing a purchase order
for transformers.

8. RESOLUTION NO. 025 304
Action requested of the Board: Adopt Resolution No. 025 304 accepting the state grant.

9. STAGE 1 WATER SUPPLY ALERT
Recommendation of the General Manager: Declare a Stage 1 Water Supply Alert from July 1, 2025.
"""
    texts = _texts_of_kind(text, "recommendation", "agenda.txt")
    for words in ("That the Board adopt Resolution No. 025 302", "Adopt Resolution No. 025 304 accepting the state grant",
                  "Declare a Stage 1 Water Supply Alert"):
        assert any(words in t for t in texts), words
    # a sentence about a recommendation, broken after "for", labels nothing
    minutes = """QUAYFORD LIBRARIES
Minutes of the Board meeting of 24 January 2013

Quay Library group

The Governance Committee's recommendation to agree the application for
membership by the Quay Library group was accepted by the Board.
"""
    assert not _texts_of_kind(minutes, "recommendation", "minutes.txt")


def test_an_agenda_reads_an_item_s_it_is_recommended_paragraph_beside_labelled_items():
    text = """QUAYFORD UNIFIED SCHOOL DISTRICT
REGULAR MEETING OF THE BOARD OF EDUCATION - AGENDA
Tuesday, October 17, 2023, 6:00 p.m.

G.  CONSENT ITEMS (ACTION)
    G-2  Personnel Report No. 5 (Certificated and Classified)
         It is recommended that the Board approve Personnel Report No. 5, as presented.

H.  ACTION ITEMS
    H-1  Harbour Campus Roofing
         Recommended Action: Award Bid No. 23-07 to Quay Roofing, the lowest responsive bidder.
"""
    texts = _texts_of_kind(text, "recommendation", "agenda.txt")
    assert any("It is recommended that the Board approve Personnel Report No. 5" in t for t in texts)
    assert any("Award Bid No. 23-07 to Quay Roofing" in t for t in texts)


def test_what_a_committee_recommends_to_another_body_is_also_a_recommendation_to_that_body():
    text = """QUAYFORD DISTRICT COUNCIL
MINUTES OF THE MEETING OF THE ENVIRONMENTAL SERVICES COMMITTEE HELD ON TUESDAY 4 FEBRUARY 2025

ES/017/2025   DOG CONTROL PENALTIES
Proposed by Alderman Fox,
Seconded by Councillor Ash, and

AGREED – to recommend to Council that the fixed penalty for dog fouling be increased from £80 to £100.

ES/018/2025   RECYCLING CENTRE
AGREED – that the Committee approve the revised winter opening hours for the Quay Road recycling centre.
"""
    rows = _of_kind(text, "recommendation", "minutes.txt")
    assert [(r.text, r.details.get("addressee")) for r in rows] == [
        ("AGREED – to recommend to Council that the fixed penalty for dog fouling be increased from £80 to £100.", "Council")]
    assert len(_of_kind(text, "resolution", "minutes.txt")) == 2


def test_a_planning_response_given_in_a_sentence_with_its_reason_is_read_with_its_application():
    text = """QUAYFORD TOWN COUNCIL
Minutes of the Planning and Environment Committee held on Monday 21st November 2011

142/11  PLANNING APPLICATIONS
11/01418/HOU 14 Priory Walk - Single storey rear extension
No objection, provided the materials match the
existing house.
11/01447/FUL Land adjacent to 22 Cinder Lane - Erection of three dwellings
Object. Overdevelopment of the site and a substandard access onto Cinder Lane.
43.1 C16/0371/HH - Bryn Awel, Heol y Wern - single storey rear extension.
The Council has no objections to this application.

143/11  CORRESPONDENCE
No objection was raised to the date of the next meeting.
"""
    rows = _of_kind(text, "resolution", "minutes.txt")
    assert any(r.text.startswith("11/01418/HOU 14 Priory Walk") and r.text.endswith("existing house.") for r in rows)
    assert any(r.text.startswith("11/01447/FUL") and r.details.get("outcome") == "object" for r in rows)
    assert any(r.text.startswith("43.1 C16/0371/HH") and r.text.endswith("no objections to this application.") for r in rows)
    assert not any("next meeting" in r.text for r in rows)


TOWN_COMMITTEE = """QUAYFORD TOWN COUNCIL
Minutes of the meeting of the Planning and Environment Committee held on Monday 21st November 2011

PE.60/11  MINUTES
          The minutes of the meeting held on 24th October 2011 were confirmed as
          a correct record and signed by the Chairman.

PE.64/11  ALLOTMENTS
          RECOMMENDED to Full Council that allotment rents be increased from
          £28.00 to £32.00 per full plot from 1st October 2012.
          RESOLVED to create four half-plots from the vacant plots.
          The Deputy Town Clerk to offer the half-plots to the first four names on the waiting list.
"""


def test_a_town_committee_s_confirmed_minutes_recommendation_onward_and_clerk_s_task():
    resolutions = _texts_of_kind(TOWN_COMMITTEE, "resolution", "minutes.txt")
    assert any(t.startswith("The minutes of the meeting held on 24th October 2011 were confirmed") for t in resolutions)
    recommendations = _of_kind(TOWN_COMMITTEE, "recommendation", "minutes.txt")
    assert [(r.text.split(" from ")[0], r.details.get("addressee")) for r in recommendations] == [
        ("RECOMMENDED to Full Council that allotment rents be increased", "Full Council")]
    tasks = _of_kind(TOWN_COMMITTEE, "action", "minutes.txt")
    assert [t.details.get("who") for t in tasks] == ["The Deputy Town Clerk"]


def test_a_task_joined_to_a_report_by_a_semicolon_is_read():
    text = """Quayford Community Council - minutes of the meeting held on 12 March 2019

Present: Cllr A Elliot, Dana Fox (Chair), Sam Ash (Secretary)

4. Councillors' report
The pothole repairs at Quay Bridge have been programmed but no date has been given; Cllr Elliot will chase this
with the roads department and let the secretary know.
"""
    tasks = _of_kind(text, "action", "minutes.txt")
    assert [t.details.get("who") for t in tasks] == ["Cllr Elliot"]


SET_OUT_MINUTES = """QUAYFORD TOWN COUNCIL
Minutes of the meeting of the Planning Committee held on Monday 21st November 2011

PE.64/11  PLANNING APPEALS
          An appeal has been lodged against the refusal of 11/00877/FUL. The Committee agreed
          to reiterate its original objection at appeal.

PE.70/11  LICENSING
          Application for a premises licence, 18 High Street. The Committee agreed not to
          make representations on this application.

PE.71/11  HIGHWAYS
          Following the debate, the Chairman put the motion set out in paragraph 1 and it was agreed unanimously.
          RESOLVED to support the proposed waiting restrictions on Bridge Street.

PE.72/11  SCHOOL CALENDAR
          Superintendent's Recommendation: That the Board adopt Resolution No.
          23-24-31 eliminating 6.5 FTE classified positions.
          Ms. Ash presented the item.

PE.73/11  HARBOUR DREDGING CONTRACT
          Mr. Fox presented the bids. Staff recommended award to the lowest responsive bidder, Quay Marine,
          in the amount of $574,380.
"""


def test_minutes_with_formal_markers_also_read_the_meeting_s_own_agreed_sentences():
    resolutions = _texts_of_kind(SET_OUT_MINUTES, "resolution", "minutes.txt")
    assert "The Committee agreed to reiterate its original objection at appeal." in resolutions
    assert any(text.endswith("The Committee agreed not to make representations on this application.") for text in resolutions)
    # a motion's outcome alone is not a decision of its own: the RESOLVED says what was agreed
    assert not any("put the motion" in text for text in resolutions)
    assert any(text.startswith("RESOLVED to support") for text in resolutions)


def test_minutes_keep_the_recommendation_an_item_was_decided_on_labelled_or_told_read_past_resolution_no():
    recommendations = _texts_of_kind(SET_OUT_MINUTES, "recommendation", "minutes.txt")
    assert recommendations == ["That the Board adopt Resolution No. 23-24-31 eliminating 6.5 FTE classified positions.",
                               "Staff recommended award to the lowest responsive bidder, Quay Marine, in the amount of $574,380."]


def test_a_member_taking_on_a_task_by_a_pronoun_is_a_task_but_an_offer_or_a_refusal_is_not():
    text = """Quayford Community Council - minutes of the meeting held on 9 July 2024

Present: Dana Fox (Chair), Sam Ash, Robin Quill

5. Highways
Robin Quill reported speeding on the Mill Lane bend. He undertook to ask Highways about a 'Slow' road marking.
The grit bin at Braeside needs refilling - she'll report it.
Sam Ash said the volunteers were keen. She offered to help with the autumn clean-up.
The two rotas will not overlap. They will not meet in August.
"""
    tasks = _texts_of_kind(text, "action", "minutes.txt")
    assert any(t.endswith("He undertook to ask Highways about a 'Slow' road marking.") for t in tasks)
    assert any("she'll report it" in t for t in tasks)
    assert not any("offered to help" in t or "will not" in t for t in tasks)


def test_each_item_s_officer_recommendation_and_council_resolution_under_their_repeated_labels():
    items = []
    for n, (what, mover) in enumerate((("receive the Monthly Statement of Financial Activity for July", "Cr Ash"),
                                       ("endorse the payments totalling $1,284,316.45 for July", "Cr Fox"),
                                       ("accept the tender from Quay Seal Pty Ltd for RFT 05/2024", "Cr Quill")), start=1):
        items.append(f"""9.1.{n} Item {n} of the Harbourside Shire
Responsible Officer: Executive Manager Corporate Services
OFFICER RECOMMENDATION
That Council {what}.
COUNCIL RESOLUTION 2024/14{n}
Moved {mover}, Seconded Cr Elliot
That Council {what}.
CARRIED 7/0
""")
    text = "SHIRE OF HARBOURSIDE\nMinutes of the Ordinary Meeting of Council held on 21 August 2024\n\n" + "\n".join(items)
    recommendations = _texts_of_kind(text, "recommendation", "minutes.txt")
    resolutions = _of_kind(text, "resolution", "minutes.txt")
    assert recommendations == ["That Council receive the Monthly Statement of Financial Activity for July.",
                               "That Council endorse the payments totalling $1,284,316.45 for July.",
                               "That Council accept the tender from Quay Seal Pty Ltd for RFT 05/2024."]
    assert [r.details.get("mover") for r in resolutions] == ["Cr Ash", "Cr Fox", "Cr Quill"]
    assert all(r.text.startswith("Moved ") and "OFFICER" not in r.text for r in resolutions)


def test_an_action_taken_label_is_read_on_where_its_line_breaks_before_a_capital():
    text = """CITY OF QUAYFORD PLANNING COMMISSION
Minutes of the Regular Meeting of September 12, 2024

5.1 Conditional Use Permit CUP 24-011, 12 Harbour Road
ACTION: The Commission adopted Resolution No. PC-24-031 approving
CUP 24-011 and DR 24-027, subject to conditions.
Motion: Ash / Second: Fox Vote: 5-0
"""
    rows = _texts_of_kind(text, "resolution", "minutes.txt")
    assert any("approving CUP 24-011 and DR 24-027, subject to conditions." in t for t in rows)


def test_the_board_s_own_sentence_after_who_moved_and_seconded_it_is_its_decision():
    text = """QUAYFORD WATER DISTRICT
Minutes of the Regular Board Meeting of November 14, 2024

7. Quay Pump Station Rehabilitation
Staff reported that six bids were opened on October 29.
On a motion by Director Ash, seconded by Director Fox, the Board awarded a contract for the Quay Pump Station to Harbour Builders, Inc. in the amount of $3,412,000. Vote: 5-0.
"""
    rows = _of_kind(text, "resolution", "minutes.txt")
    assert [(r.text.split(" in the amount")[0], r.details.get("mover"), r.details.get("seconder")) for r in rows] == [
        ("On a motion by Director Ash, seconded by Director Fox, the Board awarded a contract for the Quay Pump Station to Harbour Builders, Inc.",
         "Director Ash", "Director Fox")]


def test_a_scottish_committee_s_minute_approved_and_officers_tasked():
    text = """QUAYFORD COUNCIL
Minute of Meeting of the Education Committee held on 5 March 2024

1. MINUTE OF PREVIOUS MEETING
The minute of meeting of the Committee of 23 January 2024 was submitted and approved as a correct record.

2. COMMUNITY GRANTS
Councillor Ash asked that Members be given the opportunity to see the site.
Officers to arrange a site visit for Members of the Committee before the April meeting.
Officers will continue to monitor uptake of the scheme.
"""
    assert any(t.startswith("The minute of meeting of the Committee of 23 January 2024 was submitted and approved")
               for t in _texts_of_kind(text, "resolution", "minutes.txt"))
    tasks = _of_kind(text, "action", "minutes.txt")
    assert ("Officers", "Officers to arrange a site visit for Members of the Committee before the April meeting.") in [
        (t.details.get("who"), t.text) for t in tasks]
    assert not any("continue to monitor" in t.text for t in tasks)


def test_a_body_named_by_its_initials_decides_but_a_person_by_theirs_takes_a_task():
    text = """Quayford Community Council - minutes of the meeting held on 12 March 2019

Present: Dana Fox (Chair), Sam Ash (Secretary), Robin Quill

7. Windfarm community fund
Quayford Bowling Club asked for £1,800 towards a mower. The CC agreed to award the full £1,800.
GD agreed to write to the club with the decision.
"""
    assert any(t.endswith("The CC agreed to award the full £1,800.") for t in _texts_of_kind(text, "resolution", "minutes.txt"))
    assert not any("GD agreed" in t for t in _texts_of_kind(text, "resolution", "minutes.txt"))


def test_a_select_board_s_votes_told_with_voted():
    text = """TOWN OF QUAYFORD
SELECT BOARD MINUTES
March 11, 2024

3. APPROVAL OF MINUTES

Motion by Ms. Fox, second by Mr. Ash, to approve the minutes of the February
26, 2024 regular session as presented. VOTED 3-0.

4. APPOINTMENTS AND RESIGNATIONS

VOTED: to accept, with regret, the resignation of Robin Quill from the Harbour
Committee, effective February 29, 2024. (Ash/Fox) 3-0. Mr. Ash thanked Mr. Quill.

Dana Elliot appeared before the Board. Motion by Ms. Fox, second by Mr. Ash, to
appoint Dana Elliot to the Harbour Committee. VOTED 3-0.
"""
    rows = _of_kind(text, "resolution", "minutes.txt")
    assert len(rows) == 3
    assert rows[0].text.startswith("Motion by Ms. Fox, second by Mr. Ash, to approve the minutes")
    assert rows[1].text.startswith("VOTED: to accept, with regret, the resignation of Robin Quill")
    assert "to appoint Dana Elliot to the Harbour Committee. VOTED 3-0." in rows[2].text


def test_a_bc_council_s_motions_closed_by_their_numbered_outcomes():
    text = """CITY OF QUAYFORD
MINUTES OF THE REGULAR COUNCIL MEETING
June 11, 2024

2.  ADOPTION OF THE AGENDA
    Moved by Councillor Ash
    Seconded by Councillor Fox
    THAT the agenda for the June 11, 2024 Regular Council Meeting be adopted as
    circulated.
                                                        CARRIED UNANIMOUSLY   R2024-211

3.  ADOPTION OF MINUTES
    Moved by Councillor Quill
    Seconded by Councillor Elliot
    THAT the minutes of the Regular Council Meeting held May 28, 2024 be
    adopted as circulated.
                                                        CARRIED UNANIMOUSLY   R2024-212

4.  FINANCIAL STATEMENTS
    Moved by Councillor Fox
    Seconded by Councillor Ash
    THAT Council approve the 2023 Statement of Financial Information as presented.
                                                        CARRIED UNANIMOUSLY   R2024-213
"""
    rows = _of_kind(text, "resolution", "minutes.txt")
    assert [r.text.split(" THAT ")[1][:40] for r in rows] == [
        "the agenda for the June 11, 2024 Regular", "the minutes of the Regular Council Meeti", "Council approve the 2023 Statement of Fi"]
    assert [r.details.get("mover") for r in rows] == ["Councillor Ash", "Councillor Quill", "Councillor Fox"]


def test_a_governing_board_decides_as_governors_and_its_action_lines_are_tasks():
    text = """QUAYFORD PRIMARY SCHOOL
Minutes of the Full Governing Board meeting held on 12 March 2024

4. Budget 2024-25
The SBM presented the draft budget. Governors approved the 2024-25 budget as presented and authorised the Chair to sign the return.
Action: SBM to submit the approved budget to the local authority by 1 May 2024.

5. Policies
Governors ratified the Pay Policy 2023-24 with effect from 1 September 2023.
"""
    resolutions = _texts_of_kind(text, "resolution", "minutes.txt")
    assert any(t.startswith("Governors approved the 2024-25 budget") for t in resolutions)
    assert any(t.startswith("Governors ratified the Pay Policy") for t in resolutions)
    assert not any("SBM to submit" in t for t in resolutions)
    assert any("SBM to submit" in t for t in _texts_of_kind(text, "action", "minutes.txt"))


def test_a_motion_s_words_set_apart_from_who_moved_it_are_read_with_its_outcome():
    text = """QUAYFORD REGIONAL COUNCIL
Minutes of a meeting of the Catchment Committee held on Thursday 15 August 2024

2.      APOLOGIES

Resolution RC24/041
Moved: Cr Ash
Seconded: Cr Fox

That the Committee accepts the apology from Cr Quill for absence.
                                                                            CARRIED

5.      CONFIRMATION OF MINUTES

Resolution RC24/042
Moved: Cr Fox
Seconded: Cr Elliot

That the Committee confirms the minutes of the meeting held on 4 July 2024 as a true and correct record.
                                                                            CARRIED
"""
    rows = _of_kind(text, "resolution", "minutes.txt")
    assert len(rows) == 2
    assert "That the Committee accepts the apology from Cr Quill for absence." in rows[0].text
    assert "That the Committee confirms the minutes of the meeting held on 4 July 2024" in rows[1].text
    assert [r.details.get("outcome") for r in rows] == ["carried", "carried"]


def test_minutes_that_open_with_a_proposer_keep_what_a_report_recommended_to_the_meeting():
    text = """QUAYFORD COUNCIL
Minutes of the Monthly Meeting held on 9th October 2023

165/23  CONFIRMATION OF MINUTES
The minutes of the meeting of 11th September 2023 were confirmed. Proposed by Cllr. Ash, seconded by Cllr. Fox.

167/23  AGREEMENT UNDER SECTION 85 - HARBOUR GREENWAY
The report of the Director of Services had been circulated. The report recommended that the Council approve an agreement under Section 85 with Northshire County Council for the Harbour Greenway.
It was proposed by Cllr. Quill and seconded by Cllr. Elliot that the agreement be approved. This was agreed unanimously.
"""
    recommendations = _texts_of_kind(text, "recommendation", "minutes.txt")
    assert recommendations == ["The report recommended that the Council approve an agreement under Section 85 with Northshire County Council for the Harbour Greenway."]


def test_a_board_s_own_sentence_after_its_discussion_with_its_verb_in_capitals():
    text = """QUAYFORD INTEGRATED CARE BOARD
Minutes of the Board meeting held in public on 26 September 2024

ICB/24/061  WINTER ACCESS FUNDING
Mr Ash presented the paper. Following discussion, the Board APPROVED non-recurrent funding of £412,000 to Quayford Central PCN.

ICB/24/062  FINANCE REPORT
The Board NOTED the month 5 financial position.
The Board ENDORSED the financial recovery actions set out in section 5 of the report.
"""
    resolutions = _texts_of_kind(text, "resolution", "minutes.txt")
    assert any(t.startswith("Following discussion, the Board APPROVED non-recurrent funding") for t in resolutions)
    assert "The Board ENDORSED the financial recovery actions set out in section 5 of the report." in resolutions
    assert not any("NOTED" in t for t in resolutions)


@pytest.mark.parametrize("label", ["RESOLVED -", "RESOLVED –", "RESOLVED:"])
def test_a_resolved_label_ending_in_a_dash_introduces_its_numbered_resolutions(label):
    text = ("Quayford Harbour Authority\n\nMinutes of the meeting held on 4 May 2025\n\n12. HARBOUR WORKS\n\n"
            f"The Director introduced the report.\n\n{label}\n(1) That the forecast outturn be noted.\n"
            "(2) That the revised capital programme of £18.3m, including the\n    reprofiling in Appendix 2, be approved.\n"
            "(3) That £0.6m of the underspend be transferred to the\n    Harbour Reserve.\n\n"
            "13. DATE OF NEXT MEETING\n\nThe next meeting will be held on 1 June 2025.\n")
    resolution, = _of_kind(text, "resolution", "minutes.txt")
    assert resolution.reference == "12" and len(resolution.items) == 3
    assert resolution.items[1].endswith("be approved.") and resolution.items[2].endswith("Harbour Reserve.")


def test_the_bodys_own_sentences_after_a_paragraph_number_and_sharing_a_line_are_each_a_resolution():
    text = ("Quayford Harbour Trust\n\nMinutes of the meeting of the Board held on 4 May 2025\n\n"
            "18. ANNUAL PLAN\n\n"
            "18.1  The Chief Executive introduced the plan and answered questions on the deficit.\n"
            "18.2  The Board APPROVED the 2025/26 revenue plan and the capital programme of £8.6m. The Board further DELEGATED\n"
            "      authority to the Chief Executive to make final technical adjustments.\n"
            "18.3  Council APPROVED the launch of a voluntary severance scheme, to open on 1 June 2025.\n\n"
            "19. DATE OF NEXT MEETING\n\nThe next meeting will be held on 1 July 2025.\n")
    resolutions = _texts_of_kind(text, "resolution", "minutes.txt")
    assert any(r.startswith("18.2 The Board APPROVED the 2025/26 revenue plan") and "DELEGATED" not in r for r in resolutions)
    assert any(r.startswith("The Board further DELEGATED authority") for r in resolutions)
    assert any(r.startswith("18.3 Council APPROVED the launch") for r in resolutions)
    assert not any("introduced the plan" in r for r in resolutions)


def test_a_motion_above_a_roll_call_of_each_members_vote_is_what_was_carried():
    roll = "".join(f"{name} - {vote}\n" for name, vote in
                   [("Ash", "Yes"), ("Birch", "Yes"), ("Cole", "No"), ("Dale", "Yes"), ("Fox", "Yes"), ("Quill", "Yes"), ("Reid", "Yes")])
    text = ("New Quayford Borough Council\nMinutes of the regular meeting held June 3, 2024\n\n"
            "Motion by Mr. Ash, seconded by Ms. Fox, to accept the Treasurer's Report for May 2024.\n"
            f"Roll call vote:\n{roll}Motion carried 6-1.\n\nMAYOR'S REPORT\nThe Mayor reported on the parade.\n")
    resolution, = _of_kind(text, "resolution", "minutes.txt")
    assert "to accept the Treasurer's Report" in resolution.text and resolution.text.endswith("Motion carried 6-1.")


def test_what_an_officer_or_a_report_recommended_to_the_meeting_is_minuted_as_a_recommendation():
    text = ("Quayford County Commissioners Court\nMinutes of the regular session held May 13, 2024\n\n"
            "ITEM 7. BUDGET AMENDMENT\n"
            "The Auditor recommended approval as an amendment for an unforeseen emergency.\n"
            "Mr. Ash recommended that the Court award the paving contract to Quay Roads for $96,210.\n"
            "The report recommended that the IJB:\n"
            "(a) note the projected overspend;\n(b) approve the financial recovery plan set out in Appendix 2.\n\n"
            "Commissioner Fox moved to approve the amendment. Motion carried 5-0.\n")
    recommendations = _texts_of_kind(text, "recommendation", "minutes.txt")
    assert "The Auditor recommended approval as an amendment for an unforeseen emergency." in recommendations
    assert "Mr. Ash recommended that the Court award the paving contract to Quay Roads for $96,210." in recommendations
    assert any(r.startswith("The report recommended that the IJB:") and r.endswith("set out in Appendix 2.") for r in recommendations)


def test_an_office_holder_or_a_head_of_service_taking_a_task_is_an_action():
    text = ("Quayford Combined Authority\n\nMinutes of the meeting held on 18 March 2025\n\n"
            "91. PUBLIC QUESTIONS\n\nMr Ash asked how parish councils would be consulted. The Mayor undertook to send Mr Ash "
            "a written response setting out the arrangements.\n\n"
            "92. QUALITY REPORT\n\nThe report was received. Chief Nurse to present the thematic review to the Board in July 2025.\n"
            "Head of Health and Community Care to provide members with a briefing note on delayed discharge.\n")
    actions = _texts_of_kind(text, "action", "minutes.txt")
    assert "The Mayor undertook to send Mr Ash a written response setting out the arrangements." in actions
    assert "Chief Nurse to present the thematic review to the Board in July 2025." in actions
    assert "Head of Health and Community Care to provide members with a briefing note on delayed discharge." in actions


def test_a_decision_headed_by_the_word_alone_in_minutes_is_a_resolution():
    text = ("Quayford Integration Joint Board\n\nMinute of the meeting held on 18 September 2024\n\n"
            "6. FINANCIAL MONITORING\nThere was submitted a report by the Chief Finance Officer on the projected overspend.\n\n"
            "Decision\nThe IJB:\n(a) noted the projected overspend of £3.8 million;\n"
            "(b) approved the financial recovery plan set out in Appendix 2 of the report.\n\n"
            "7. DATE OF NEXT MEETING\nThe next meeting will be held on 20 November 2024.\n")
    resolution, = _of_kind(text, "resolution", "minutes.txt")
    assert resolution.reference == "6" and resolution.items == [
        "noted the projected overspend of £3.8 million;", "approved the financial recovery plan set out in Appendix 2 of the report."]


def test_a_committees_recommendation_minuted_in_capitals_and_the_decision_taken_on_it():
    text = ("University of Quayford\n\nMinutes of the meeting of Council held on 20 March 2025\n\n"
            "18. VOLUNTARY SEVERANCE\n\n"
            "18.3  Finance Committee had considered the proposals on 3 March 2025 and RECOMMENDED that Council approve the\n"
            "      launch of a voluntary severance scheme.\n"
            "18.4  On the recommendation of Finance Committee, Council APPROVED the launch of the scheme from 1 April 2025.\n")
    recommendation, = _texts_of_kind(text, "recommendation", "minutes.txt")
    assert recommendation.startswith("18.3 Finance Committee had considered") and recommendation.endswith("severance scheme.")
    assert _texts_of_kind(text, "resolution", "minutes.txt") == [
        "18.4 On the recommendation of Finance Committee, Council APPROVED the launch of the scheme from 1 April 2025."]


def test_a_motion_made_above_a_listing_and_a_roll_call_is_what_was_carried():
    text = ("Quayford Township\nMinutes of the regular meeting of the Board of Trustees held March 11, 2025\n\n"
            "RESOLUTION 2025-018 - PAYMENT OF BILLS\n"
            "Mr. Ash made a motion to adopt Resolution 2025-018 approving payment of warrants 11482 through 11519, "
            "seconded by Mrs. Fox.\nPayments over $2,500.00 included in the listing:\n"
            "  Quay County Engineer - traffic sign materials - $4,912.40\n  Harbour Electric - street lighting - $2,744.15\n"
            "Roll call:\nMr. Ash - yes\nMrs. Fox - yes\nMr. Reid - yes\nMotion carried.\n\n"
            "ADJOURNMENT\nThe meeting adjourned at 8:10 p.m.\n")
    resolution, = _texts_of_kind(text, "resolution", "minutes.txt")
    assert "Mr. Ash made a motion to adopt Resolution 2025-018" in resolution and resolution.endswith("Motion carried.")


def test_a_resolved_in_capitals_with_an_aside_before_what_was_resolved():
    text = """QUAYFORD DISTRICT COUNCIL

LICENSING SUB-COMMITTEE

RECORD OF DECISIONS

Date: Thursday 4 May 2025

1. THE HARBOUR TAVERN, 3 QUAY STREET

During this item the Sub-Committee RESOLVED, under regulation 14(2) of the Hearings Regulations, to exclude the public while footage of the incident was shown.

The Police asked for the licence to be reviewed.

2. DATE OF NEXT HEARING

The Sub-Committee AGREED (5 for, 1 against) that the next hearing be held on 1 June 2025.

The Chair said the venue, as before, was to be confirmed.
"""
    resolutions = _texts_of_kind(text, "resolution", "decisions.txt")
    assert any("RESOLVED, under regulation 14(2) of the Hearings Regulations, to exclude the public" in t for t in resolutions)
    assert any("AGREED (5 for, 1 against) that the next hearing be held on 1 June 2025" in t for t in resolutions)
    assert not any("venue" in t for t in resolutions)


@pytest.mark.parametrize("moved", [
    "Proposed by Cllr Birch\nSeconded by Cllr Dorr",
    "Proposed: Cllr Birch\nSeconded: Cllr Dorr",
    "Proposed by Cllr Birch, seconded by Cllr Dorr",
    "Moved by Cllr Birch",
])
def test_who_proposed_and_seconded_a_resolution_does_not_make_it_a_quoted_motion(moved):
    """Parish minutes name the proposer and seconder on their own lines above what was RESOLVED; only a
    line that introduces a motion's words ("moved the following motion:", "proposed that") quotes one."""
    minutes = ("Quayford Parish Council\nMinutes of the meeting of the Parish Council held on 14 March 2024\n"
               f"24/033 Grass cutting\n{moved}\n"
               "RESOLVED that the grass cutting contract be awarded to Greenway Grounds for £2,300 a year.\n")
    assert _texts_of_kind(minutes, "resolution") == [
        "RESOLVED that the grass cutting contract be awarded to Greenway Grounds for £2,300 a year."]
    quoted = minutes.replace(moved, "Cllr Birch moved the following motion:") + "The motion was lost.\n"
    # the quoted RESOLVED decides nothing; the vote on the motion quoting it is the meeting's decision: it was lost
    [lost] = _of_kind(quoted, "resolution")
    assert lost.text.startswith("Cllr Birch moved the following motion:") and lost.details.get("outcome") == "failed"


def test_an_outcome_label_is_read_with_the_motion_just_above_it():
    minutes = ("Cedar Vale School District\nMinutes of the Regular Meeting of the Board of Trustees, August 12, 2024\n"
               "F.5 Contract Award - HVAC Replacement\n"
               "Trustee Ash asked for more information on the second-lowest bidder.\n"
               "Motion: Ash   Second: Fox - to table the item to the August 26 special meeting.\n"
               "Action: Tabled (5-0).\n"
               "F.6 Unaudited Actuals\nMotion: Fox   Second: Ash\nAction: Approved (5-0) - Unaudited actuals adopted as presented.\n")
    tabled = [" ".join(row.split()) for row in _texts_of_kind(minutes, "resolution") if "Tabled" in row]
    assert len(tabled) == 1 and tabled[0].endswith("Motion: Ash Second: Fox - to table the item to the August 26 special meeting. "
                                                   "Action: Tabled (5-0).")


@pytest.mark.parametrize("title, minute, starts, ends", [
    ("Quayford Parish Council\nMinutes of the meeting of the Parish Council held on 14 March 2024\n24/033 Grass cutting",
     "Cllr Birch proposed that the council accept the quote from Greenway Grounds; this was seconded by Cllr Dorr and carried unanimously.",
     "Cllr Birch proposed that the council accept the quote from Greenway Grounds", "carried unanimously."),
    ("City of Marlow Springs\nMinutes of the Regular City Council Meeting, June 18, 2024\n8.1 Master Fee Schedule",
     "It was moved and seconded (Ash/Fox) to adopt Resolution No. 2024-42 approving the Master Fee Schedule. "
     "Approved on a 4-1 vote (Birch dissenting).",
     "It was moved and seconded (Ash/Fox) to adopt Resolution No. 2024-42", "Approved on a 4-1 vote (Birch dissenting)."),
])
def test_a_motion_told_with_its_outcome_in_sentences_is_one_resolution(title, minute, starts, ends):
    """Proposed, seconded and carried in one sentence, or a vote told alone after the sentence moving it."""
    [row] = _of_kind(f"{title}\n{minute}\n9. Adjournment\nThe meeting adjourned at 9:02 p.m.\n", "resolution")
    assert row.text.startswith(starts) and row.text.endswith(ends)


def test_each_line_of_an_action_list_is_a_task_of_its_own():
    text = """Minutes of the meeting of Quayford Community Council held on 19 March 2024

8. Resilience plan
Members agreed that a working group would review the plan.

Actions summary
ACTION: Morag - chase Roads and Transport about the bus shelter
ACTION: Hamish - draft and circulate the Craigmore objection by Friday 22 March
ACTION: Euan / Shona - windfarm fund application for path resurfacing

Governance
Action: AW
"""
    tasks = {d.text: d.details.get("who") for d in _of_kind(text, "action", "minutes.txt")}
    assert tasks == {
        "ACTION: Morag - chase Roads and Transport about the bus shelter": "Morag",
        "ACTION: Hamish - draft and circulate the Craigmore objection by Friday 22 March": "Hamish",
        "ACTION: Euan / Shona - windfarm fund application for path resurfacing": "Euan / Shona",
    }  # and a heading's owner ("Governance" / "Action: AW") is no task


def test_an_action_list_gives_each_line_to_the_one_it_names():
    text = """Minutes of the Annual Meeting of Quayford Parish Council held on 13 May 2024

24/059 Speed indicator device
It was resolved to buy a speed indicator device.

The meeting closed at 9.07pm.

ACTION LIST
  Clerk      - Order the speed indicator device and apply for the Highways licence (24/059)
  Cllr Pellow - Obtain a second quote for churchyard wall repairs before the June meeting

Delegated matters arising from this meeting:
  • Town Clerk with Chair: tree works quotation up to £2,400 (24/060)
The Chair thanked members for their work over the year.
Cllr Ash - spoke about the arrangements for the village fete in July

Item 4
Presenter: Dana Fox, Director of Finance
"""
    tasks = {d.text: d.details.get("who") for d in _of_kind(text, "action", "minutes.txt")}
    assert tasks == {
        "Clerk - Order the speed indicator device and apply for the Highways licence (24/059)": "Clerk",
        "Cllr Pellow - Obtain a second quote for churchyard wall repairs before the June meeting": "Cllr Pellow",
        "Town Clerk with Chair: tree works quotation up to £2,400 (24/060)": "Town Clerk with Chair",
    }  # the list ends at a line of another kind; a field's label ("Presenter: ...") is no task


def test_a_board_directing_an_officer_by_the_initials_of_the_post_or_by_direction_given_sets_actions():
    minutes = ("County of Alder Ridge\nMinutes of the Board of Supervisors, August 20, 2024\n8. WARMING CENTER OPTIONS\n"
               "No formal action was taken. By consensus, the Board directed the CAO to identify a site for a warming center.\n"
               "Staff were also directed to bring back cost estimates for extended library hours.\n"
               "9. LEAF BLOWERS\nThe Board gave direction to staff to prepare an ordinance banning gas leaf blowers.\n"
               "10. ADJOURNMENT\nThe meeting adjourned at 4:10 p.m.\n")
    assert _plain_texts(minutes, "action") == [
        "By consensus, the Board directed the CAO to identify a site for a warming center.",
        "Staff were also directed to bring back cost estimates for extended library hours.",
        "The Board gave direction to staff to prepare an ordinance banning gas leaf blowers."]


def test_a_committees_recommendations_to_another_body_under_their_lead_in_are_recommendations():
    minutes = ("Westshire County Council\nMinutes of the Health Scrutiny Committee held on 18 September 2024\n"
               "Present: Cllr Ash (Chair), Cllr Birch\n25. Home care\nThe Committee discussed the report.\n"
               "Recommendations to Cabinet (meeting on 8 October 2024):\n"
               "1. That Cabinet ensures that two lots are reserved for small providers.\n"
               "2. That Cabinet reconsiders the proposed hourly rate.\n\n"
               "The Committee AGREED to receive a progress report in March 2025.\n")
    [row] = _of_kind(minutes, "recommendation")
    assert "That Cabinet ensures that two lots" in row.text and "That Cabinet reconsiders" in row.text
    assert "progress report" not in row.text


def test_a_plain_recommendation_heading_over_that_the_board_and_its_list_is_read():
    agenda = ("Harbour Local Board\nOPEN AGENDA\nDate: Wednesday, 15 May 2024\n"
              "9 Approval of a new community lease to the Sea Scouts\nPurpose of the report\n"
              "1. To grant a new community lease to the Sea Scouts for the scout hall.\n"
              "Te tūtohunga / Recommendation/s\nThat the Harbour Local Board:\n"
              "a) approve a new community lease to the Sea Scouts for 10 years.\n"
              "b) note that public notification received no submissions.\n")
    [row] = _of_kind(agenda, "recommendation")
    assert row.text.startswith("That the Harbour Local Board: a) approve a new community lease")


def test_a_matter_deferred_a_proposal_not_supported_and_a_task_for_the_company_secretary():
    minutes = ("Lowfield Hospitals NHS Foundation Trust\nMinutes of the Board of Directors held on 2 May 2024\n"
               "Present: Jo Ash (Chair), Sam Birch\nBM/24/075 GOVERNANCE\n"
               "The Board did not support the further proposal in section 5 to convert eight posts to nursing associate posts.\n\n"
               "Consideration of the revised Standing Orders was DEFERRED to the July\nmeeting, after the governors have reviewed them.\n\n"
               "ACTION: Company Secretary to take the Standing Orders to the Council of\nGovernors on 11 June 2024.\n")
    resolutions = _plain_texts(minutes, "resolution")
    assert _one_starts(resolutions, "The Board did not support the further proposal")
    assert _one_starts(resolutions, "Consideration of the revised Standing Orders was DEFERRED to the July meeting")
    assert any("Company Secretary to take the Standing Orders" in text for text in _texts_of_kind(minutes, "action"))


@pytest.mark.parametrize("said", [
    "Proposed Cllr Birch, seconded Cllr Dorr, all in favour: to accept the quote from Greenway Grounds.",
    "Members voted to accept the quote from Greenway Grounds (5 for, 1 against).",
])
def test_a_parish_decision_proposed_without_by_or_voted_by_members_is_a_resolution(said):
    minutes = ("Quayford Parish Council\nMinutes of the meeting held on 14 March 2024\nPresent: Cllr Ash (Chair), Cllr Birch, Cllr Dorr\n"
               f"24/032 Grass cutting\nThree quotes were considered. {said}\n24/033 Correspondence\nA letter from the county was noted.\n")
    [row] = _of_kind(minutes, "resolution")
    assert row.text.endswith(said)


def test_a_short_outcome_sentence_closes_the_motion_moved_just_before_it():
    for outcome in ("Unanimously approved.", "Approved 5-0.", "Council Member Dorr seconded the motion, which carried 5-0."):
        minutes = ("CITY OF QUAYFORD\nMINUTES OF THE REGULAR MEETING OF THE CITY COUNCIL\nMarch 14, 2024\n3. STREET RESURFACING\n"
                   f"Council Member Birch moved to award the contract to Quay Paving. {outcome}\n4. ADJOURNMENT\n"
                   "The meeting adjourned at 8:15 p.m.\n")
        [row] = _of_kind(minutes, "resolution")
        assert " ".join(row.text.split()).endswith(f"moved to award the contract to Quay Paving. {outcome}"), outcome


def test_a_recommended_or_proposed_decision_label_gives_a_recommendation():
    report = ("Westshire County Council\nReport to: Cabinet\nDate of meeting: 14 March 2024\nSubject: Waste collection\n"
              "1. Purpose of report\n1.1 This report sets out proposals for waste collection.\n2. Options\n"
              "Background text here.\nRecommended decision: That the new waste collection model be approved.\n"
              "3. Background\n3.1 The current contract ends in 2025.\n")
    assert _texts_of_kind(report, "recommendation") == ["That the new waste collection model be approved."]


def test_a_proposal_declared_defeated_a_motion_lost_and_a_decision_after_two_openings():
    minutes = ("Kilbrennan County Council\nMinutes of the Monthly Meeting held on 9 October 2023\nPresent: Cllr Ash (Cathaoirleach), Cllr Birch\n"
               "24/032 Disposal of lands\nCllr Birch proposed that the matter be deferred. The Cathaoirleach declared the proposal to defer defeated.\n"
               "24/033 Road works\nAfter discussion, and by consensus, the Council authorised the Director to seek tenders for the works.\n"
               "24/034 Notice of motion\nCllr Fox moved that the library open on Sundays. Following a show of hands the motion was lost.\n")
    texts = _plain_texts(minutes, "resolution")
    assert _one_ends(texts, "The Cathaoirleach declared the proposal to defer defeated.")
    assert _one_starts(texts, "After discussion, and by consensus, the Council authorised the Director")
    assert _one_ends(texts, "Following a show of hands the motion was lost.")


def test_a_report_asked_for_is_a_follow_up_action():
    minutes = ("Westshire Health Board\nMinutes of the Board meeting held on 14 March 2024\nPresent: Jo Ash (Chair), Sam Birch\n"
               "24/032 Estates update\nThe Board noted the update and requested a further report in six months.\n"
               "24/033 Hall lease\nMembers requested that officers bring a report on the lease to the June meeting.\n"
               "24/034 Any other business\nThere was none.\n")
    assert _plain_texts(minutes, "action") == [
        "The Board noted the update and requested a further report in six months.",
        "Members requested that officers bring a report on the lease to the June meeting."]


def test_a_carried_motion_about_lost_things_is_carried_and_a_lost_motion_failed():
    for moved, outcome in (("Birch moved to fund replacement of lost library books. Motion carried 5-0.", "carried"),
                           ("Birch moved to fund the books. Following a show of hands the motion was lost.", "failed")):
        minutes = ("CITY OF QUAYFORD\nMINUTES OF THE REGULAR MEETING OF THE CITY COUNCIL\nMarch 14, 2024\n3. LIBRARY BOOKS\n"
                   f"{moved}\n4. ADJOURNMENT\nThe meeting adjourned at 8:15 p.m.\n")
        [row] = _of_kind(minutes, "resolution")
        assert row.details.get("outcome") == outcome, moved


@pytest.mark.parametrize("said", ["Agreed the playing field should be used.", "Agreed we would not comment on this one.",
                                  "Agreed it would be a good idea to ask the local MP."])
def test_a_decision_noted_as_agreed_without_its_that_is_a_resolution(said):
    notes = ("Souldern Playground Group\nNotes of the open meeting held on 10 March 2020\nPresent: Emily Ash, Lucy Birch\n"
             f"1. Playing field\nThe options were discussed. {said}\n2. Next meeting\nTo be arranged.\n")
    [decided] = _plain_texts(notes, "resolution")
    assert decided.endswith(said)


def test_a_dash_bullet_without_its_space_starts_the_next_decision():
    notes = ("Souldern Playground Group\nNotes of the open meeting held on 5 March 2020\nPresent: Emily Ash, Lucy Birch\n"
             "1. Funding\n-Agreed the playing field should be used.\n-Susan Jones has found 24 places to apply to for funding.\n"
             "-Agreed it would be a good idea to ask the local MP to support the project.\n2. Next meeting\nTo be arranged.\n")
    texts = _plain_texts(notes, "resolution")
    assert len(texts) == 2 and texts[1].endswith("Agreed it would be a good idea to ask the local MP to support the project.")
    assert "Susan Jones" not in texts[0]


def test_proposed_and_seconded_by_councillors_with_stopped_initials_and_resolved_is_a_resolution():
    minutes = ("Ardmoy County Council\nMinutes of the Ordinary Meeting held on 13th May 2024\nPresent: Cllr. A. Fahy (Cathaoirleach)\n"
               "1. CONFIRMATION OF MINUTES\nProposed by Cllr. E. Moran, seconded by Cllr. P. Walsh, and resolved:\n"
               "\"That the minutes of the Ordinary Meeting held on 8th April 2024 be\nconfirmed.\"\n\n2. VOTES OF SYMPATHY\n"
               "The members extended a vote of sympathy to the family of the late former Cllr. Tomás Ó Gríofa.\n")
    [row] = _plain_texts(minutes, "resolution")
    assert row.startswith("Proposed by Cllr. E. Moran, seconded by Cllr. P. Walsh, and resolved:") and "be confirmed" in row


def test_a_council_asking_or_requesting_an_officer_sets_an_action():
    minutes = ("Mirrigang Shire Council\nMinutes of the Ordinary Meeting held on 23 July 2024\nPresent: Cr Ash (Mayor), Cr Fox\n"
               "11.4 Showground Masterplan\nCouncil Resolution 2024/122   Moved Cr Ash   Seconded Cr Fox\nThat Council:\n"
               "1. Place the draft Masterplan on public exhibition for a period of 42 days.\n"
               "2. Request the General Manager to hold a drop-in session at the Showground pavilion.\n"
               "                                                                  CARRIED 9/0\n"
               "11.5 Roads\nBy consensus, the Council asked the Director Infrastructure to provide a written update to all Councillors.\n")
    actions = _plain_texts(minutes, "action")
    assert _one_ends(actions, "Request the General Manager to hold a drop-in session at the Showground pavilion.")
    assert _one_starts(actions, "By consensus, the Council asked the Director Infrastructure to provide")


def test_a_committees_recommendation_minuted_in_the_present_tense_is_a_recommendation():
    minutes = ("Westmarch Fire and Rescue Authority\nMinutes of the meeting held on 15 February 2024\nPresent: Cllr Ash (Chair)\n"
               "12. ANTI-FRAUD POLICY\nThe Audit Committee had considered the policy at its meeting on 1 February.\n"
               "The Committee RECOMMENDS that the Authority adopt the revised Anti-Fraud Policy.\n"
               "RESOLVED - That the recommendation be adopted.\n")
    assert _plain_texts(minutes, "recommendation") == ["The Committee RECOMMENDS that the Authority adopt the revised Anti-Fraud Policy."]


def test_a_decision_label_a_blank_line_above_its_words_heads_them():
    minutes = ("Strathallan Council\nMinutes of the Environment Committee held on 4 June 2024\nPresent: Councillor Ash (Convener)\n"
               "1. Minutes\n\nDecision\n\nTo approve the minute of the Environment Committee of 16 April 2024 as a correct record.\n\n"
               "2. Roads\n\nThe Committee heard a presentation.\n")
    [row] = _plain_texts(minutes, "resolution")
    assert row.endswith("To approve the minute of the Environment Committee of 16 April 2024 as a correct record.")


def test_a_summary_of_actions_taken_under_a_meetings_title_block_is_its_minutes():
    # No "minutes" or "agenda" in its head: the votes it tells make it the meeting's record, and its
    # title ("ACTION SUMMARY") heads no list of tasks.
    summary = ("HARLOW VALE COUNTY BOARD OF SUPERVISORS\nACTION SUMMARY\n\nRegular Meeting – Tuesday, March 4, 2025 – 9:00 a.m.\n"
               "Board Chambers, 12 Main Street\n\nCONSENT AGENDA (Items 1–6)\nACTION: Approved as recommended.\n"
               "Supervisor Ash moved, Supervisor Fox seconded.\nVote: 5-0 (Ayes: Ash, Fox, Lee, Moss, Reed)\n\n"
               "7.  Sheriff – Purchase of patrol vehicles, $840,000\n    ACTION: Continued to March 18, 2025.\n"
               "    Supervisor Lee moved, Supervisor Moss seconded.\n    Vote: 4-1 (No: Reed)\n\n"
               "8.  Planning – Appeal of a use permit for a solar facility\n    ACTION: Denied the appeal and upheld the Planning Commission.\n"
               "    Supervisor Fox moved, Supervisor Ash seconded.\n    Vote: 5-0\n")
    [doc] = build_documents([Page("/papers/summary.txt", 1, summary)], "h" * 64, 1200)
    assert doc.document.type == "minutes"
    resolutions = [" ".join(d.text.split()) for d in doc.decisions if d.kind == "resolution"]
    assert [text.split(".")[0] for text in resolutions] == [
        "ACTION: Approved as recommended", "ACTION: Continued to March 18, 2025", "ACTION: Denied the appeal and upheld the Planning Commission"]
    assert not [d for d in doc.decisions if d.kind == "action"]


def test_an_officers_or_committees_advice_minuted_in_prose_is_a_recommendation():
    minutes = ("Bramcote Fire Protection District\nMinutes of the Regular Board Meeting held on 16 July 2024\nPresent: Directors Ash, Fox, Lee\n"
               "4. FINAL BUDGET 2024-25\nThe Fire Chief recommended adoption of the final budget as presented.\n"
               "It was moved by Director Ash and seconded by Director Fox to adopt the final budget. The motion passed unanimously.\n"
               "5. STATION ROOF\nTwo tenders had been received. The Estates Committee recommended appointing Hale & Sons Ltd as contractor.\n"
               "6.2 Approval of the Facilities Plan for\nPublic Hearing Posting\nThe Superintendent recommends that the Board set the hearing for June 4.\n")
    recommendations = _plain_texts(minutes, "recommendation")
    assert [text.split(" recommend")[0].split(". ")[-1] for text in recommendations] == [
        "The Fire Chief", "The Estates Committee", "Public Hearing Posting The Superintendent"]


def test_an_officer_instructed_or_management_directed_in_the_passive_sets_an_action():
    minutes = ("Llanferwen Town Council\nMinutes of the meeting held on 8 July 2024\nPresent: Cllr Ash (Mayor), Cllr Fox\n"
               "24/112 HIGHWAYS\nThe resurfacing of Heol Fawr has still not been scheduled. The Clerk was instructed to write again to the Head of Highways.\n"
               "24/113 ROOF\nThe roof of the pavilion leaks. Management was directed to obtain at least three bids for its repair.\n")
    actions = _plain_texts(minutes, "action")
    assert any("The Clerk was instructed to write again to the Head of Highways." in text for text in actions)
    assert _one_ends(actions, "Management was directed to obtain at least three bids for its repair.")


def test_a_motion_closed_by_its_roll_call_alone_is_a_resolution_with_the_rolls_outcome():
    minutes = ("Alder Vista Unified School District\nMinutes of the Regular Meeting of the Board of Education, May 21, 2024\n"
               "Present: Ocampo, Hadley, Tran, Delacroix\n\n3.0  APPROVAL OF AGENDA\n     MOTION: Hadley   SECOND: Tran\n"
               "     To approve the agenda as presented.\n     AYES: Ocampo, Hadley, Tran, Delacroix   NOES: None\n"
               "     ABSENT: Ruiz   ABSTAIN: None\n\n4.0  FIELD LIGHTS\n     MOTION: Delacroix   SECOND: Ocampo\n"
               "     To install field lights at Foothill Middle School.\n     AYES: Delacroix, Ocampo   NOES: Hadley, Tran, Ruiz\n\n"
               "5.0  ROOF\n     MOTION: Tran   SECOND: Hadley\n     To award the roofing bid to Cordero Roofing.\n"
               "     AYES: 4   NOES: 1\n     Motion carried 4-1.\n")
    rows = [d for d in _decisions(minutes) if d.kind == "resolution"]
    said = [(" ".join(d.text.split()), d.details["outcome"], d.details.get("votes")) for d in rows]
    assert [(text.split("To ")[1].split(".")[0], outcome) for text, outcome, _ in said] == [
        ("approve the agenda as presented", "carried"), ("install field lights at Foothill Middle School", "failed"),
        ("award the roofing bid to Cordero Roofing", "carried")]
    assert said[0][2] == {"for": 4, "against": 0, "abstain": 0} and rows[0].details["seconder"] == "Tran"
    assert said[1][2]["against"] == 3


def test_an_action_logs_rows_are_read_past_the_rule_under_its_header_and_under_a_what_column():
    minutes = ("Kestrel Vale Academy Trust\nMinutes of the Board of Trustees held on 4 December 2024\nPresent: JP (Chair), CR, AS\n"
               "1. FINANCE\nTrustees APPROVED the budget.\n\nACTION LOG\n"
               "No.    | Action                                      | Owner  | Deadline\n"
               "-------+---------------------------------------------+--------+-----------\n"
               "24/19  | Website compliance review across all schools | CR     | 31/01/2025\n"
               "24/27  | Submit accounts to ESFA and Companies House  | AS     | 31/12/2024\n\n"
               "ACTION REGISTER\nWho      | What                                        | By when\n"
               "Kirsty   | Draft attendance plan for board review      | 15 May 2025\n")
    actions = {" ".join(d.text.split()): (d.details.get("who"), d.reference) for d in _of_kind(minutes, "action")}
    assert actions == {"Website compliance review across all schools": ("CR", "24/19"),
                       "Submit accounts to ESFA and Companies House": ("AS", "24/27"),
                       "Draft attendance plan for board review": ("Kirsty", None)}


def test_an_action_list_set_out_in_columns_of_spaces_in_a_text_paper_gives_each_task_its_owner(tmp_path):
    from minutebook.ingest.read import read_pages

    paper = tmp_path / "minutes.txt"
    paper.write_text("Cedar Hollow Condominium Association\nMinutes of the Board of Directors meeting held on September 10, 2024\n"
                     "Present: Greg Ostrowski, Patrice Dunmore, Howard Chen\n\n1. ROOF\nThe board discussed the Building C roof.\n\n"
                     "ACTION ITEMS\nItem                                                   Responsible          Target date\n"
                     "Obtain three bids for Building C roof repair            Trent Holloway       10/4/2024\n"
                     "Prepare draft 2025 budget for workshop                  Patrice Dunmore      9/27/2024\n")
    docs = build_documents(list(read_pages(paper)), "h" * 64, 1200)
    actions = {d.text: (d.details.get("who"), d.details.get("due_text")) for doc in docs for d in doc.decisions if d.kind == "action"}
    assert actions == {"Obtain three bids for Building C roof repair": ("Trent Holloway", "10/4/2024"),
                       "Prepare draft 2025 budget for workshop": ("Patrice Dunmore", "9/27/2024")}


def test_an_action_summarys_appointment_and_its_directions_to_staff_and_trustees_agreeing_in_capitals():
    summary = ("HARLOW VALE COUNTY BOARD OF SUPERVISORS\nMinutes of the Regular Meeting of March 4, 2025\nPresent: all Supervisors\n\n"
               "20. Fair Board – Appointment of a member\n    ACTION: Appointed Ms. Lorraine Bell to the Fair Board, term ending 2027.\n\n"
               "21. Homeless Encampment Response Framework\n    (Discussion and possible direction)\n"
               "    Direction to staff: Return within 60 days with a revised framework and cost estimates.\n"
               "    Direction to staff: Consult with neighbouring cities on shared shelter beds.\n")
    assert _one_starts(_plain_texts(summary, "resolution"), "ACTION: Appointed Ms. Lorraine Bell")
    directions = {d.text.split("staff: ")[-1]: d.details.get("who") for d in _of_kind(summary, "action")}
    assert directions == {"Return within 60 days with a revised framework and cost estimates.": "staff",
                          "Consult with neighbouring cities on shared shelter beds.": "staff"}
    trust = ("Kestrel Vale Academy Trust\nMinutes of the Board of Trustees held on 4 December 2024\nPresent: JP (Chair), CR, AS\n"
             "4. RESERVES\nTrustees AGREED to set the minimum free reserves level at 5% of annual income.\n"
             "Action: AS to update the reserves policy.\n")
    assert [" ".join(d.text.split()) for d in _of_kind(trust, "action")] == ["Action: AS to update the reserves policy."]


def test_a_motion_its_roll_call_and_the_outcome_told_after_the_roll_are_one_resolution():
    minutes = ("Alder Vista Unified School District\nMinutes of the Regular Meeting of the Board of Education, May 21, 2024\n"
               "Present: Ocampo, Hadley, Tran, Delacroix\n\n6.1  Resolution No. 2023-24-31, Temporary Contracts\n"
               "     Superintendent's Recommendation: That the Board adopt Resolution No. 2023-24-31.\n"
               "     MOTION: Delacroix   SECOND: Tran\n     To adopt Resolution No. 2023-24-31 as presented.\n"
               "     AYES: Ocampo, Hadley, Tran, Delacroix   NOES: None\n     ABSENT: Ruiz   ABSTAIN: None\n"
               "     Resolution No. 2023-24-31 was adopted by roll call vote 4-0.\n")
    row, said = _the_resolution(minutes)
    assert "To adopt Resolution No. 2023-24-31 as presented." in said and said.endswith("was adopted by roll call vote 4-0.")
    assert row.details["outcome"] == "carried" and row.details["mover"] == "Delacroix"


def test_members_raising_no_objection_to_an_application_is_the_councils_response():
    minutes = ("Whitmoor Parish Council\nMinutes of the meeting held on 11 March 2024\nPresent: Cllr Ash (Chair), Cllr Fox\n"
               "24/037  PLANNING\n        (a) 24/00214/HOUS – 3 Orchard Close, Whitmoor. Single-storey rear extension\n"
               "            and replacement of conservatory.\n            Members raised no objection to the application.\n")
    [row] = _of_kind(minutes, "resolution")
    assert " ".join(row.text.split()).endswith("Members raised no objection to the application.") and row.details["outcome"] == "no objection"


def test_a_panels_recommendations_listed_to_another_body_and_a_motion_lost_before_its_resolution():
    minutes = ("Wessmoor Police and Crime Panel\nMinutes of the meeting held on 5 February 2024\nPresent: Councillor Ash (Chair)\n"
               "34  PROPOSED PRECEPT 2024/25\n    The Panel was recommended to review the proposed precept and make a report to the\n"
               "    Commissioner.\n\n    Councillor Foxton moved, and Councillor Askey seconded, that the Panel veto the\n"
               "    proposed precept. On being put to the vote the motion was lost (2 for, 7 against).\n\n"
               "    RESOLVED - That the Panel supports the proposed precept of £271.80 for a Band D\n    property for 2024/25, by 7 votes to 2.\n\n"
               "    RESOLVED - That the Panel makes the following recommendations to the Commissioner:\n"
               "    (a) That the Commissioner publishes the rural response time improvement plan;\n"
               "    (b) That neighbourhood policing numbers are reported to the Panel each quarter.\n")
    recommendations = _of_kind(minutes, "recommendation")
    assert [" ".join(d.text.split()) for d in recommendations] == [
        "The Panel was recommended to review the proposed precept and make a report to the Commissioner.",
        "That the Commissioner publishes the rural response time improvement plan;",
        "That neighbourhood policing numbers are reported to the Panel each quarter."]
    assert recommendations[1].details["addressee"] == "the Commissioner"
    lost = [d for d in _of_kind(minutes, "resolution") if "veto" in d.text]
    assert len(lost) == 1 and lost[0].details["outcome"] == "failed"


def test_a_resolutions_list_after_an_officers_list_without_blank_lines_between_is_read_whole():
    # A PDF's text layer keeps no blank lines: the officer's list, the council's list and its outcome run together.
    minutes = ("Mirrigang Shire Council\nMinutes of the Ordinary Meeting held on 23 July 2024\nPresent: Cr Ash (Mayor), Cr Fox, Cr Lee\n"
               "11. REPORTS TO COUNCIL\n11.1 Draft Delivery Program 2024-2028 - Adoption\nOfficer Recommendation\nThat Council:\n"
               "1. Adopt the exhibited Delivery Program 2024-2028.\n2. Make the 2024-25 rates and charges as detailed in the report.\n"
               "Council Resolution 2024/119   Moved Cr Ash   Seconded Cr Fox\nThat Council:\n"
               "1. Adopt the Delivery Program 2024-2028 as\n   exhibited, with the amendment tabled at the meeting.\n"
               "2. Make the rates and charges for 2024-25 as detailed in the report, being\n   an increase of 4.9%.\n"
               "                                                                  CARRIED 7/2\n"
               "Division:\nFor: Crs Ash, Fox, Lee\nAgainst: Crs Moss, Reed\n11.2 Tender T2024-07\n")
    row, said = _the_resolution(minutes)
    assert "Council Resolution 2024/119" in said and "as exhibited, with the amendment tabled at the meeting." in said
    assert row.details["outcome"] == "carried"


def test_a_member_asking_that_a_vote_or_dissent_be_recorded_sets_no_task_even_run_on_from_the_outcome():
    # without blank lines, as a PDF gives it, "CARRIED" and the next sentence share a paragraph
    minutes = ("Tollhaven District Council\nMinutes of the Infrastructure Committee held on 14 August 2024\nPresent: Cr Ash (Chair), Cr Oakes\n"
               "6.1 Speed Management Plan\nMoved: Cr Ash    Seconded: Cr Fox\nThat the Committee approves the draft plan for consultation.\n"
               "CARRIED\nCr Oakes requested that his vote against the motion be recorded.\n"
               "Cllr Kinsella asked that her dissent be recorded.\nCr Fox requested that staff report back on the crash data.\n")
    actions = [" ".join(d.text.split()) for d in _of_kind(minutes, "action")]
    assert actions == ["Cr Fox requested that staff report back on the crash data."]
    [row] = _of_kind(minutes, "resolution")
    assert " ".join(row.text.split()).endswith("CARRIED")


def test_minutes_approved_in_brief_staff_and_a_commission_recommending_and_an_officer_asked_in_the_passive():
    minutes = ("Wyvern Vale Integrated Care Board\nMinutes of the Quality and Performance Committee held on 23 May 2024\nPresent: KB (Chair), CH, MY\n"
               "QPC 24/045  Minutes of the last meeting\nThe minutes were APPROVED as an accurate record.\n\n"
               "QPC 24/050  Committee terms of reference - annual review\nThe Committee APPROVED its revised terms of reference, for ratification by the Board.\n\n"
               "QPC 24/051  Zone change ZC-24-02\nThe Planning Commission recommended approval of ZC-24-02 on a 5-1 vote on March 12.\n"
               "Staff recommends adoption of Resolution No. 2024-18 as presented.\n\n"
               "QPC 24/052  Rural bus review\nThe report was noted. The Director of Place was asked to report to the Committee in October 2024.\n")
    resolutions = _plain_texts(minutes, "resolution")
    assert "The minutes were APPROVED as an accurate record." in resolutions
    assert "The Committee APPROVED its revised terms of reference, for ratification by the Board." in resolutions
    recommendations = _plain_texts(minutes, "recommendation")
    assert recommendations == ["The Planning Commission recommended approval of ZC-24-02 on a 5-1 vote on March 12.",
                               "Staff recommends adoption of Resolution No. 2024-18 as presented."]
    assert _one_ends(_plain_texts(minutes, "action"), "The Director of Place was asked to report to the Committee in October 2024.")


def test_a_committee_recommending_that_council_act_and_an_action_label_before_an_officer_by_post():
    minutes = ("Township of North Elmsby\nMinutes of the Committee of the Whole held on 14 May 2024\nPresent: Mayor Ash, Councillor Fox\n"
               "6.2 Report PL-2024-15 - Zoning By-law Amendment ZBA-03-2024\nResolution No. CW-2024-065\nMoved by Councillor Tolmie\n"
               "Seconded by Councillor Guindon\nBe it resolved that Committee of the Whole recommends that Council approve ZBA-03-2024 to\n"
               "rezone part of 4471 Concession 6 from Rural (RU) to Rural Residential (RR).\nCarried\n\n"
               "6.3 Roads\nMembers asked about the gravel programme.\n"
               "Action: Group Manager Strategy and Community to provide members with a breakdown of roading costs.\n"
               "Action: Director of Services, Planning and Transportation, to report to the October meeting.\n")
    [recommendation] = _of_kind(minutes, "recommendation")
    assert recommendation.details["addressee"] == "Council" and "recommends that Council approve ZBA-03-2024" in " ".join(recommendation.text.split())
    actions = {" ".join(d.text.split()): d.details.get("who") for d in _of_kind(minutes, "action")}
    assert actions == {
        "Action: Group Manager Strategy and Community to provide members with a breakdown of roading costs.": "Group Manager Strategy and Community",
        "Action: Director of Services, Planning and Transportation, to report to the October meeting.": "Director of Services, Planning and Transportation"}


def test_action_labels_without_their_colon_and_a_recommendation_label_in_capitals():
    minutes = ("Nantcoed Community Council\nMinutes of the Council Meeting, 9th April 2024\nCouncillors E Ash (EA) Chair, R Fox (RF), H Lee (HL)\n"
               "4) Recruitment of a clerk\nThe advert closed with three applicants. It was agreed that interviews will be held by the staffing panel\n"
               "Action RF, HL\n5) Grants\nAn application from the football club was considered. The Council voted in favour of a grant of £350.\n"
               "Action EA to write to the club\nAn application from the ramblers was deferred to May.\n"
               "6) Audit Committee report\nRECOMMENDATION Council to vire £1,200 from the contingency to the street lighting budget.\n"
               "ACTION The Clerk to obtain notice account rates from two banks before the next meeting.\n"
               "7) Action Plan\nThe draft action plan was noted.\n")
    actions = {" ".join(d.text.split()): d.details.get("who") for d in _of_kind(minutes, "action")}
    assert actions == {
        "It was agreed that interviews will be held by the staffing panel Action RF, HL": "RF, HL",
        "Action EA to write to the club": "EA",
        "ACTION The Clerk to obtain notice account rates from two banks before the next meeting.": "The Clerk"}
    assert _plain_texts(minutes, "recommendation") == ["Council to vire £1,200 from the contingency to the street lighting budget."]
    sections = {d.section for d in _decisions(minutes)}
    assert not any("Action RF" in section for section in sections)


def test_a_motion_labelled_by_its_disposition_and_one_whose_movers_run_into_their_labels():
    minutes = ("MUNICIPALITY OF NORTH ELMSBY\nMinutes of the Meeting, Tuesday, September 20, 2016\n\n4) Minutes:\n\n"
               "Motion:  389-2016       Moved by Ruth Ash                  Seconded by Kevin Fox\n"
               "\"That the minutes of the September 6th, 2016 Council Meeting, be adopted as circulated.\"\n"
               "Disposition                       Carried\n\n"
               "5) Regional board\n\nCorporate Vote - Unweighted\n\n  • 2022-6A-2\n    MovedDirector Penner\n    SecondedDirector Lind\n\n"
               "    That the 2021 Statement of Financial Information be approved as presented.\n\n    Carried Unanimously\n")
    rows = {" ".join(d.text.split()): d for d in _of_kind(minutes, "resolution")}
    assert len(rows) == 2
    [adopted] = [d for text, d in rows.items() if "be adopted as circulated" in text]
    [approved] = [d for text, d in rows.items() if "Financial Information be approved" in text]
    assert adopted.details["outcome"] == "carried" and approved.details["outcome"] == "carried"
    assert approved.details["mover"] == "Director Penner" and approved.details["seconder"] == "Director Lind"


def test_a_motion_told_by_its_labelled_movers_its_unanimous_vote_or_its_words_after_the_roll():
    parish = ("Elmby Parish Council\nMinutes of the Meeting held on 22nd May 2023\n\nVillage Sign\n\n"
              "Cllr Ash proposed that the PC commission a new carved village sign at a cost of £2,400 from reserves.\n\n"
              "Proposed: Cllr L Ash\nSeconded: Cllr A Fox\nMotion not carried (2 for, 3 against).\n\nTree guards\n\n"
              "The PC agreed to buy twelve spiral tree guards at a cost of £96.\n\nProposed: Cllr S Fox\nSeconded: Cllr T Lee\nCarried unanimously.\n")
    rows = {" ".join(d.text.split()): d.details for d in _of_kind(parish, "resolution")}
    assert rows["Cllr Ash proposed that the PC commission a new carved village sign at a cost of £2,400 from reserves. "
                "Proposed: Cllr L Ash Seconded: Cllr A Fox Motion not carried (2 for, 3 against)."]["outcome"] == "failed"
    assert rows["The PC agreed to buy twelve spiral tree guards at a cost of £96. Proposed: Cllr S Fox Seconded: Cllr T Lee "
                "Carried unanimously."]["mover"] == "Cllr S Fox"
    board = ("Larch Falls Public Library\nBoard of Trustees Minutes\nOctober 20, 2021\n\n4. Financial Reports:\n\n"
             "The Director reviewed the first quarter. A motion to receive and file the financial report was made by Trish Ash "
             "and seconded by Colin Fox. Voting was unanimous in favor.\n\n"
             "5. Reservoir coating\nA motion was made by Director Ash, seconded by Director Fox and\ncarried with the following vote:\n"
             "Ayes: Directors Ash, Fox and Lee\nNoes: None\nAbstain: None\nAbsent: None\nto award the reservoir coating contract to Tri-Valley Coatings, Inc.\n"
             "6. Board\nDirector Lee asked about the calendar.\n")
    texts = _plain_texts(board, "resolution")
    assert any("A motion to receive and file the financial report was made by Trish Ash" in text for text in texts)
    assert _one_ends(texts, "Absent: None to award the reservoir coating contract to Tri-Valley Coatings, Inc.")


def test_a_motion_proposed_and_seconded_in_minutes_without_formal_markers_is_their_decision():
    minutes = ("Trefwen Community Council\n\nMinutes of the meeting held on Wednesday 15th October 2014 at 7.30 p.m.\n\n"
               "3.  Minutes of last meeting\n\n10/14/03 It was proposed by Mrs. Ithell and seconded by Mr. Bradshaw that the minutes "
               "of the meeting held on 17th September 2014 be accepted as a true record.\n\n6.  Planning\n\n"
               "It was proposed by Mrs. Meredith and seconded by Mr. Salisbury that the Council objects on the grounds of access. "
               "Carried with one abstention.\n")
    rows = {" ".join(d.text.split()): d.details for d in _of_kind(minutes, "resolution")}
    assert set(rows) == {
        "10/14/03 It was proposed by Mrs. Ithell and seconded by Mr. Bradshaw that the minutes of the meeting held on "
        "17th September 2014 be accepted as a true record.",
        "It was proposed by Mrs. Meredith and seconded by Mr. Salisbury that the Council objects on the grounds of access. "
        "Carried with one abstention."}
    assert rows["It was proposed by Mrs. Meredith and seconded by Mr. Salisbury that the Council objects on the grounds of access. "
                "Carried with one abstention."]["outcome"] == "carried"
    # where RESOLVED records the meeting's decisions, a motion proposed is what its RESOLVED decides
    formal = minutes.replace("Carried with one abstention.", "RESOLVED: That the Council objects on the grounds of access.")
    assert not any(text.startswith("10/14/03 It was proposed") for text in _plain_texts(formal, "resolution"))


def test_a_board_directing_a_person_by_title_and_its_president_taking_a_task():
    minutes = ("Larch Falls Public Library\nMinutes of the Board of Trustees Meeting held October 20, 2021\n\n6. Boat ramp\n"
               "The Board directed Mr. Dukes to advertise for construction bids for the boat ramp.\n"
               "President Castellano will contact the city engineer to request the report before the December meeting.\n")
    actions = {" ".join(d.text.split()): d.details.get("who") for d in _of_kind(minutes, "action")}
    assert actions == {"The Board directed Mr. Dukes to advertise for construction bids for the boat ramp.": None,
                       "President Castellano will contact the city engineer to request the report before the December meeting.":
                           "President Castellano"}


def test_a_motion_proposed_by_initials_and_matters_deferred_to_a_month_or_meeting():
    minutes = ("Trewal Community Council\nMinutes of the meeting held on 23rd August 2022\n\n"
               "5  To approve minutes\n\nProposed (HLE) & Seconded (MT) that the minutes be approved as a true record. "
               "Unanimously agreed and signed by the Chair.\n\n"
               "7  Grants\n\nAn application from the Alwen Valley Ramblers was deferred to May pending a copy of their accounts.\n\n"
               "8  Planning\n\nHHP/2022/098 - Replacement windows. Decision deferred to the September meeting as the plans had not been received.\n\n"
               "9  Hall\n\nMoved by Councillor Lind\nSeconded by Councillor Mendes\nTHAT Council waive the rental fee for the hall.\n\n"
               "Following discussion, the motion was withdrawn with the consent of the seconder.\n")
    texts = _plain_texts(minutes, "resolution")
    assert "Proposed (HLE) & Seconded (MT) that the minutes be approved as a true record. Unanimously agreed and signed by the Chair." in texts
    assert "An application from the Alwen Valley Ramblers was deferred to May pending a copy of their accounts." in texts
    assert _one_ends(texts, "Decision deferred to the September meeting as the plans had not been received.")
    assert not any("waive the rental fee" in text for text in texts)


def test_recommendations_told_in_minutes_by_officers_by_post_and_name_and_by_committees_of_any_object():
    minutes = ("City of Ellis\nMinutes of the City Council Regular Meeting held April 18, 1995\n\n5. ITEMS\n"
               "Auditor Okafor recommended that the match be paid from the project fund.\n"
               "The Finance Committee recommended acceptance of the grant and a supplemental appropriation.\n"
               "The Director of Facilities recommends award to Tri-County Surface for the track.\n"
               "The planning officer had recommended approval subject to the same condition.\n"
               "The Water and Sewer Abatement Board recommends an abatement of $1,200.\n")
    assert len(_plain_texts(minutes, "recommendation")) == 5


def test_a_meeting_told_in_the_past_is_its_minutes_though_an_item_below_names_the_consent_agenda():
    text = ("Select Board Meeting\nMarch 11, 2024\nA meeting of the Wexford Select Board was called to order at 6:30p.m. on Monday, March 11,\n"
            "2024. Ms. Dunn, Chair; Mr. Oko, Ms. Farr and Mr. Szabo were present.\nCONSENT AGENDA\n"
            "1. Application: Common Victualler License\nTo approve a Common Victualler License for Saffron Wheel LLC.\n"
            "VOTE: Upon a motion duly made and seconded, the Select Board voted 5-0 to approve Consent\n"
            "Agenda item #1 as presented.\n")
    [doc] = build_documents([Page("/papers/board.txt", 1, text)], "h" * 64, 1200)
    assert doc.document.type == "minutes"


def test_a_council_that_met_in_session_and_a_motion_seconded_and_passed_in_the_sentence_after():
    minutes = ("CITY OF ELLIS, WASHINGTON\nAPRIL 18, 1995\nBUSINESS MEETING\n1. ROLL CALL\n"
               "The City Council met in session on this date at 2:00 p.m., Mayor Ruth Kall presiding, Council Members\n"
               "Arnold Dupree and Joan Whit present on roll call.\n4. CONSENT AGENDA\nItem No. 11 was removed from the Consent\n"
               "Agenda, and it was the consensus of Council to add Item No. 8 to the Consent Agenda.\n"
               "5. MINUTES\nCommissioner Ram moved to accept the minutes as submitted. Second by Commissioner Birch, passed unanimously.\n")
    [doc] = build_documents([Page("/papers/ellis.txt", 1, minutes)], "h" * 64, 1200)
    assert doc.document.type == "minutes"
    assert "Commissioner Ram moved to accept the minutes as submitted. Second by Commissioner Birch, passed unanimously." \
        in _plain_texts(minutes, "resolution")


def test_a_person_asked_by_title_and_name_and_an_officer_by_post_and_name_asked_in_the_passive():
    minutes = ("City of Ellis\nMinutes of the City Council Regular Meeting held April 18, 1995\n\n5. ITEMS\n"
               "Public Works Director Farrow was asked to obtain a written completion date from the low bidder.\n"
               "The Board asked Ms. Reyes-Moore to return in October with a revenue impact estimate for 2019.\n")
    assert _plain_texts(minutes, "action") == [
        "Public Works Director Farrow was asked to obtain a written completion date from the low bidder.",
        "The Board asked Ms. Reyes-Moore to return in October with a revenue impact estimate for 2019."]


def test_a_decision_closing_its_labelled_proposer_and_seconder_with_its_words_quoted():
    minutes = ("MUNICIPAL DISTRICT OF BALLYKEEL\n\nMINUTES OF PROCEEDINGS OF ANNUAL MEETING HELD ON FRIDAY, 21st JUNE, 2024, AT 3.00 PM\n\n"
               "Present: Councillors: Eamon Cant, Siobhan Dree, Aoife Nolan.\n\nItem No. 1. Election of Mayor:\n"
               "Proposed by: Cllr. Declan Meagher\nSeconded by: Cllr. Siobhan Dree\n"
               "And unanimously Resolved \"That Cllr. Aoife Nolan be elected to fill the Office of Mayor for the coming year.\"\n"
               "Members congratulated the new Mayor.\n")
    row, text = _the_resolution(minutes)
    assert "That Cllr. Aoife Nolan be elected to fill the Office of Mayor for the coming year." in text
    assert row.details.get("mover") == "Cllr. Declan Meagher"


def test_a_town_councils_comments_recommending_approval_or_refusal_to_the_deciding_council():
    minutes = ("Hadley Town Council\nMinutes of the Planning Meeting held on 3rd March 2008\n\n15015 COMMENTS ON APPLICATIONS\n"
               "The town council considered the following applications and the following comments were agreed for the District Council:\n"
               "(a) Erection of 14 dwellings on land north of Millfield Lane (52/2008/002): RECOMMEND REFUSAL on the grounds of flood risk.\n"
               "(b) Conversion of barn to two holiday units at Lower Combe Farm (52/2008/011): RECOMMEND APPROVAL.\n")
    recommendations = _plain_texts(minutes, "recommendation")
    assert _one_ends(recommendations, "(52/2008/002): RECOMMEND REFUSAL on the grounds of flood risk.")
    assert _one_ends(recommendations, "(52/2008/011): RECOMMEND APPROVAL.")


def test_a_decision_labelled_mid_paragraph_and_a_task_under_the_same_label():
    minutes = ("Glenshee Community Council\nMinutes of the meeting held on 11th November 2019\nPresent: AR, ML, HI\n\n"
               "2.2 Grants. Discussion on small grants followed. Decision: Small grants of up to £250 may be approved by Chair "
               "and Treasurer between meetings.\n"
               "2.3 Resilience. Grit bins had been refilled. Decision: Secretary to write to the council roads team asking for an extra grit bin.\n")
    assert _one_ends(_plain_texts(minutes, "resolution"), "Decision: Small grants of up to £250 may be approved by Chair and Treasurer between meetings.")
    assert not any("grit bin" in text for text in _plain_texts(minutes, "resolution"))
    assert _one_ends(_plain_texts(minutes, "action"), "Secretary to write to the council roads team asking for an extra grit bin.")


def test_a_councils_resolution_label_over_its_movers_and_a_web_pages_agenda_and_minutes():
    minutes = ("Brigalow Shire Council\nMinutes of the General Meeting held on Wednesday 21 June 2023\n\nDraft Operational Plan 2023-2024\n"
               "RESOLUTION: That Council adopt the Operational Plan 2023-2024 as presented.\n"
               "MOVED: Cr Pryor SECONDED: Cr Haddad CARRIED RESOLUTION NO.2023/GM3189 5/0\n")
    assert _one_starts(_plain_texts(minutes, "resolution"), "RESOLUTION: That Council adopt the Operational Plan 2023-2024 as presented.")
    page = ("Agenda and minutes\n\nVenue: The Guildhall\n\nItems\nNo. Item\n\n72.\nMinutes\nTo approve the minutes of the meeting held on 15th February 2024.\n"
            "Minutes:\nRESOLVED: That the minutes of the meeting held on 15th February 2024 be approved as a correct record.\n")
    [doc] = build_documents([Page("/papers/page.html", 1, page)], "h" * 64, 1200)
    assert doc.document.type == "minutes"
    assert any(d.kind == "resolution" for d in doc.decisions)


def test_a_committee_resolving_under_a_lead_into_one_paragraph_on_a_page_of_agenda_decisions_and_minutes():
    page = ("Agenda, decisions and minutes\n\nVenue: Committee Room 3\n\nItems\nNo. Item\n\n1.\nDetermination of Exempt Items of Business\n\n"
            "Minutes:\n\nThe Convener proposed that the exempt reports be considered in private.\n\nThe Committee resolved:-\n\n"
            "to exclude the press and public from the meeting from item 9.1 of the agenda onwards.\n\n"
            "2.\nMinute of Previous Meeting\n\nMinutes:\n\nThe Committee resolved:-\n\n(i)         to approve the minute as a correct record; and\n"
            "(ii)        to note the oral update.\n")
    [doc] = build_documents([Page("/papers/page.html", 1, page)], "h" * 64, 1200)
    assert doc.document.type == "minutes"
    texts = [" ".join(d.text.split()) for d in doc.decisions if d.kind == "resolution"]
    assert _one_ends(texts, "to exclude the press and public from the meeting from item 9.1 of the agenda onwards.")
    assert any("to approve the minute as a correct record" in text for text in texts)
