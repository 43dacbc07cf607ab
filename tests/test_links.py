"""Links between decisions across papers: recommendation -> resolution (with its outcome),
action -> the later paper that delivered it, progress row -> the recommendation it reports on,
and one commitment's appearances (lineage).

Fixture papers are invented texts run through structure (so the links see what ingest makes of
real layouts), plus a few Document/Decision objects written out by hand. The last test runs the
linker over the sample corpus, prints what it finds and checks only properties that hold for
any corpus.
"""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

import pytest

from minutebook.ingest.read import file_hash, read_pages
from minutebook.ingest.structure import build_documents
from minutebook.search.decisions.links import (
    find_fulfilments,
    group_commitments,
    link_decisions,
    link_progress_reports,
    link_recommendations,
)
from minutebook.vocabulary import LINK_KINDS, OUTCOMES, Decision, Document, Page

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def paper(text: str, name: str) -> list[tuple[Document, list[Decision]]]:
    pages = [Page(f"/fixtures/{name}.txt", 1, text)]
    parsed = build_documents(pages, hashlib.sha256(text.encode()).hexdigest(), 1200)
    return [(p.document, p.decisions) for p in parsed]


def decisions_of(papers, kind: str) -> list[Decision]:
    return [d for _, decisions in papers for d in decisions if d.kind == kind]


# ---- a report and the minutes of its meeting -------------------------------------------------

CYCLE_REPORT = """Title of meeting: Transport Committee
Date of meeting: 12 March 2025
Subject: Cycle Network Expansion
Report by: Director of Highways
Agenda item: 5

1. Purpose of report

1.1 To seek approval of the cycle network expansion programme.

2. Recommendations

2.1 The Committee is recommended to:

(i) Approve the cycle network expansion programme for 2025-2027.

(ii) Agree the consultation plan for the new routes set out in Appendix B.

(iii) Delegate authority to the Director of Highways to award the construction contract.

3. Background

3.1 The network has not been extended since 2019.
"""


def minutes(minute: str, title: str = "Cycle Network Expansion (AI 5)", body: str = "Transport Committee",
            date: str = "12 March 2025") -> str:
    return f"""MINUTES OF THE MEETING of the {body} held on Wednesday, {date} at 6.00 pm

Present

Councillor Patel (in the Chair)

39. Apologies for absence (AI 1)

Apologies were received from Councillor Green.

40. Bus Shelter Replacement (AI 4)

RESOLVED that the Committee approve the bus shelter replacement programme.

41. {title}

The Director of Highways introduced the report.

{minute}

42. Street Lighting Update (AI 6)

RESOLVED that the update be noted.
"""


AGREED = """RESOLVED that the Committee:

(i) Approve the cycle network expansion programme for 2025-2027.

(ii) Agree the consultation plan for the new routes set out in Appendix B.

(iii) Delegate authority to the Director of Highways to award the construction contract."""

AMENDED = """RESOLVED that the Committee:

(i) Approve the cycle network expansion programme for 2025-2027, subject to the removal of the Harbour Road route.

(ii) Agree the consultation plan for the new routes set out in Appendix B.

(iii) Delegate authority to the Director of Highways, in consultation with the Chair, to award the construction contract."""

EXTRA_ITEM = AGREED + "\n\n(iv) Ask officers to bring a cycle parking plan to the Committee."

NOTED = "RESOLVED that the report be noted."

DEFERRED = "RESOLVED that consideration of the report be deferred to the next meeting to allow further work on costs."

REJECTED = """Councillor Brown proposed and Councillor Grey seconded the recommendations in the report.

Upon being put to the vote the motion was lost.

RESOLVED that the recommendations not be approved."""

ALL_RECOMMENDATIONS = "RESOLVED that the recommendations set out in the report be approved."


@pytest.mark.parametrize("minute, outcome", [
    (AGREED, "agreed"), (ALL_RECOMMENDATIONS, "agreed"), (AMENDED, "amended"), (EXTRA_ITEM, "amended"),
    (NOTED, "noted"), (DEFERRED, "deferred"), (REJECTED, "rejected"),
])
def test_recommendations_are_disposed_of_by_the_minute_of_their_agenda_item(minute, outcome):
    papers = paper(CYCLE_REPORT, "report") + paper(minutes(minute), "minutes")
    links = link_recommendations(papers)
    (recommendation,) = decisions_of(papers, "recommendation")
    target = next(r for r in decisions_of(papers, "resolution") if r.reference == "41")
    assert [(l.kind, l.source_id, l.target_id, l.outcome) for l in links] == [
        ("disposed_by", recommendation.id, target.id, outcome)]
    assert "same agenda item 5" in links[0].evidence
    assert 0.9 <= links[0].score <= 1.0


def test_amendment_evidence_says_what_changed():
    papers = paper(CYCLE_REPORT, "report") + paper(minutes(EXTRA_ITEM), "minutes")
    (link,) = link_recommendations(papers)
    assert "the resolution adds item iv" in link.evidence


def test_minute_found_by_its_title_without_agenda_item_numbers():
    papers = paper(CYCLE_REPORT, "report") + paper(minutes(AGREED, title="Cycle Network Expansion"), "minutes")
    (link,) = link_recommendations(papers)
    assert link.outcome == "agreed" and link.target_id
    assert any(e.startswith("minute 41 title matches report title") for e in link.evidence)


def test_minute_found_by_its_words_when_the_title_differs():
    papers = paper(CYCLE_REPORT, "report") + paper(minutes(AMENDED, title="Active Travel Programme"), "minutes")
    (link,) = link_recommendations(papers)
    target = next(r for r in decisions_of(papers, "resolution") if r.reference == "41")
    assert (link.target_id, link.outcome) == (target.id, "amended")
    assert any("echoes recommendation ii" in e for e in link.evidence)


def test_minutes_present_but_no_minute_decides_the_report():
    other = "RESOLVED that the Committee approve the revised parking charges for 2025/26."
    papers = paper(CYCLE_REPORT, "report") + paper(minutes(other, title="Parking Charges (AI 7)"), "minutes")
    (link,) = link_recommendations(papers)
    assert (link.kind, link.target_id, link.outcome) == ("disposed_by", "", "no decision found")


@pytest.mark.parametrize("kwargs", [
    {"body": "Planning Committee"},  # another body's meeting that day
    {"date": "19 March 2025"},  # the same body, another meeting
])
def test_no_link_when_the_meetings_minutes_are_not_in_the_papers(kwargs):
    papers = paper(CYCLE_REPORT, "report") + paper(minutes(AGREED, **kwargs), "minutes")
    assert link_recommendations(papers) == []
    assert link_recommendations(paper(CYCLE_REPORT, "report")) == []


def test_hand_written_objects_agenda_recommendation_to_resolution():
    agenda = Document("/a.pdf", "h1", 0, "Agenda", type="agenda", body="Licensing Committee", meeting_date="2025-03-04")
    record = Document("/m.pdf", "h2", 0, "Minutes", type="minutes", body="Licensing Committee", meeting_date="2025-03-04")
    recommendation = Decision("recommendation", agenda.id, 0,
                              "RECOMMENDED that the minutes of the previous meeting held on 7 January 2025 be approved as a correct record.",
                              reference="2", title="Minutes of the previous meeting (Pages 3 - 8)",
                              details={"agenda_item": "2", "meeting_date": "2025-03-04", "body": "Licensing Committee"})
    apologies = Decision("resolution", record.id, 0, "RESOLVED that the apologies be noted.", reference="17",
                         title="Apologies", section="Minutes > 17. Apologies (AI 1)", details={"outcome": "noted"})
    approved = Decision("resolution", record.id, 1,
                        "RESOLVED that the minutes of the meeting held on 7 January 2025 be approved as a correct record.",
                        reference="18", title="Minutes of the previous meeting", section="Minutes > 18. Minutes of the previous meeting (AI 2)",
                        details={"outcome": "approved"})
    (link,) = link_recommendations([(agenda, [recommendation]), (record, [apologies, approved])])
    assert (link.target_id, link.outcome) == (approved.id, "agreed")


# ---- actions and the later papers that deliver them ------------------------------------------

MARCH_MINUTES = """MINUTES OF THE MEETING of the Transport Committee held on Wednesday, 12 March 2025 at 6.00 pm

Present

Councillor Patel (in the Chair)

21. Road Safety Review (AI 3)

The Head of Transport presented the review of collisions near schools. Members asked about speed limits on estate roads.

Officers to report back on the road safety review in six months.

RESOLVED that the review be noted.

22. Parking Enforcement (AI 4)

A report on parking enforcement options will be brought back to the Committee in September 2025.

RESOLVED that the update be noted.
"""


def report(body: str, date: str, subject: str) -> str:
    return f"""Title of meeting: {body}
Date of meeting: {date}
Subject: {subject}
Report by: Head of Transport

1. Purpose of report

1.1 To update members on {subject.lower()}.
"""


def test_action_fulfilled_by_a_later_report_and_one_left_open():
    papers = (paper(MARCH_MINUTES, "march")
              + paper(report("Transport Committee", "10 September 2025", "Road Safety Review - six month update"), "safety")
              + paper(report("Transport Committee", "10 September 2025", "Parking Charges 2026"), "charges")
              + paper(report("Planning Committee", "8 October 2025", "Parking Enforcement Options"), "planning")
              + paper(report("Transport Committee", "15 January 2025", "Parking Enforcement Options"), "earlier"))
    safety, parking = decisions_of(papers, "action")
    assert "road safety review" in safety.text and "parking enforcement" in parking.text
    delivered = next(doc for doc, _ in papers if doc.title.startswith("Road Safety Review"))
    links = find_fulfilments(papers)
    assert [(l.kind, l.source_id, l.target_id) for l in links] == [("fulfilled_by", safety.id, delivered.id)]
    assert "road, safety, review" in links[0].evidence[0] and "2025-09-10" in links[0].evidence[0]


def test_action_fulfilled_by_a_later_minute():
    later = minutes("RESOLVED that the road safety review update be noted.", title="Road Safety Review (AI 4)",
                    date="9 July 2025")
    papers = paper(MARCH_MINUTES, "march") + paper(later, "july")
    links = find_fulfilments(papers)
    target = next(r for r in decisions_of(papers, "resolution") if r.title == "Road Safety Review" and r.reference == "41")
    assert [(l.kind, l.target_id) for l in links] == [("fulfilled_by", target.id)]


# ---- progress on past recommendations, and commitment lineage ----------------------------------

STRATEGY = """Riverton Health and Wellbeing Strategy 2024-2029

Date: 1 April 2024

Our priorities

We will open two new community health hubs in the north of the town.

We will open a new leisure centre in the south of the town by 2027.

We will reduce the gap in healthy life expectancy between the most and least deprived wards.
"""

PROGRESS = """Riverton Health and Wellbeing Strategy 2024-2029: progress update

Date: 14 October 2025

ID\tCommitment\tLead\tStatus\tLatest update
1.1\tOpen two new community health hubs in the north of the town\tIntegrated Care Board\tAmber\tOne hub open in Northgate; the second is delayed to spring.
1.2\tReduce the gap in healthy life expectancy between the most and least deprived wards\tPublic Health\tRed\tThe gap widened slightly in the latest data.
2.1\tImprove access to talking therapies for young people\tNHS Trust\tGreen\tWaiting times have halved.
"""

ANNUAL_2024 = """Director of Public Health Annual Report 2024

Date: 5 December 2024

Chapter 1: Our town

The population of the town grew by 3% over the decade.

Recommendations

Recommendation 1: Make every school a healthy school

- Offer free breakfast clubs in every primary school.
- Train staff in mental health first aid.

Recommendation 2: Reduce smoking in pregnancy

- Commission a specialist stop-smoking service for pregnant women.

Recommendation 3: Grow the community champions network
"""

ANNUAL_2025 = """Director of Public Health Annual Report 2025

Date: 4 December 2025

Chapter 1: Healthy homes

Damp and mould affect one home in ten.

Progress on past recommendations

Recommendation\tLead\tStatus\tProgress
Offer free breakfast clubs in every primary school\tSchools team\tGreen\t40 of 52 primary schools now run a breakfast club.
Commission a specialist stop-smoking service for pregnant women\tPublic Health\tAmber\tThe service was commissioned and starts in January.
Grow the community champions network\tCommunities team\tGreen\tThe network has 210 champions.

Our strategy commitments

ID\tCommitment\tLead\tStatus\tLatest update
1.1\tOpen two new community health hubs in the north of the town\tIntegrated Care Board\tGreen\tBoth hubs are now open.
3.4\tPlant 500 street trees in the most deprived wards\tParks service\tGreen\t520 trees planted.
"""


@pytest.fixture(scope="module")
def strategy_papers():
    return (paper(STRATEGY, "strategy") + paper(PROGRESS, "progress")
            + paper(ANNUAL_2024, "annual2024") + paper(ANNUAL_2025, "annual2025"))


def _text(papers, decision_id: str) -> str:
    return next(d.text for _, decisions in papers for d in decisions if d.id == decision_id)


def test_progress_on_past_recommendations_reports_on_their_origin(strategy_papers):
    links = link_progress_reports(strategy_papers)
    pairs = sorted((_text(strategy_papers, l.source_id)[:30], _text(strategy_papers, l.target_id)[:20]) for l in links)
    assert pairs == [
        ("Commission a specialist stop-s", "Recommendation 2: Re"),
        ("Grow the community champions n", "Recommendation 3: Gr"),
        ("Offer free breakfast clubs in ", "Recommendation 1: Ma"),
    ]
    assert all(l.kind == "reports_on" and l.score == 1.0 for l in links)


def test_commitment_lineage_links_each_appearance_to_the_first(strategy_papers):
    links = group_commitments(strategy_papers)
    hubs = next(d for d in decisions_of(strategy_papers, "commitment") if d.text.startswith("We will open two"))
    gap = next(d for d in decisions_of(strategy_papers, "commitment") if d.text.startswith("We will reduce the gap"))
    by_target: dict[str, list[str]] = {}
    for link in links:
        by_target.setdefault(link.target_id, []).append(_text(strategy_papers, link.source_id)[:25])
    assert by_target.pop(hubs.id) == ["Open two new community he"] * 2  # progress update, annual report
    assert by_target.pop(gap.id) == ["Reduce the gap in healthy"]
    # the rest: last year's recommendations tracked in this year's table (link_decisions keeps
    # those as reports_on only); the leisure centre, therapies and trees appear once each
    recommendations = {d.id for d in decisions_of(strategy_papers, "recommendation")}
    assert set(by_target) <= recommendations and len(by_target) == 3
    assert all(l.kind == "same_commitment" and l.score >= 0.85 for l in links)


def test_link_decisions_does_not_repeat_a_progress_link_as_lineage(strategy_papers):
    links = link_decisions(strategy_papers)
    kinds = sorted(l.kind for l in links)
    assert kinds == ["reports_on"] * 3 + ["same_commitment"] * 3


# ---- the sample corpus ----------------------------------------------------------------------


def test_sample_corpus_links(capsys):
    papers = []
    for path in sorted(CORPUS.glob("*.txt")):
        parsed = build_documents(list(read_pages(path)), file_hash(path), 1200)
        papers.extend((p.document, p.decisions) for p in parsed)
    decisions = {d.id: (doc, d) for doc, decs in papers for d in decs}
    documents = {doc.id: doc for doc, _ in papers}
    start = time.perf_counter()
    links = link_decisions(papers)
    spent = time.perf_counter() - start
    with capsys.disabled():
        print(f"\n{len(links)} links over {len(papers)} papers in {spent * 1000:.0f} ms")
        for link in links:
            source_doc, source = decisions[link.source_id]
            target = decisions.get(link.target_id)
            where = (f"{target[1].kind} {target[1].reference or ''} in {target[0].title[:50]!r}" if target
                     else f"paper {documents[link.target_id].title[:60]!r}" if link.target_id in documents else "-")
            print(f"  {link.kind:15s} {link.outcome or '':17s} {link.score:.2f}  {source.kind} in {source_doc.title[:40]!r}: "
                  f"{source.text[:60]!r} -> {where}\n      {link.evidence}")
    assert spent < 1.0
    for link in links:
        assert link.kind in LINK_KINDS and 0 <= link.score <= 1 and link.evidence
        assert link.source_id in decisions
        if link.kind == "disposed_by":
            assert link.outcome in OUTCOMES
        elif link.kind == "fulfilled_by":
            source_doc = decisions[link.source_id][0]
            target_doc = documents.get(link.target_id) or decisions[link.target_id][0]
            assert (target_doc.meeting_date or target_doc.published_date) > (source_doc.meeting_date or source_doc.published_date)
        else:
            assert link.target_id in decisions


def test_partly_rejected_recommendations_are_amended():
    partly = AGREED.replace("Delegate authority to the Director of Highways to award the construction contract.",
                            "That authority to award the construction contract not be delegated; the award to come to the Committee.")
    papers = paper(CYCLE_REPORT, "report") + paper(minutes(partly), "minutes")
    (link,) = link_recommendations(papers)
    assert link.outcome == "amended"


def test_the_actions_own_words_must_show_in_what_delivers_it():
    march = minutes("A cycle parking plan will be brought back to the Committee in June 2025.\n\n" + AGREED)
    papers = (paper(march, "march")
              + paper(report("Transport Committee", "11 June 2025", "Cycle Network Expansion - contract award"), "award"))
    assert find_fulfilments(papers) == []
    papers += paper(report("Transport Committee", "9 July 2025", "Cycle Parking Plan"), "parking")
    (link,) = find_fulfilments(papers)
    assert documents_titled(papers, "Cycle Parking Plan") == link.target_id


def documents_titled(papers, title: str) -> str:
    return next(doc.id for doc, _ in papers if doc.title == title)
