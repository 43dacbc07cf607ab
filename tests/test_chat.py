"""Chat over HTTP: cited answers, decision answers, follow-ups, refusals and streaming."""

from __future__ import annotations

import json

import httpx
import pytest


def ask(server, *turns, **filters):
    messages = [{"role": "user" if i % 2 == 0 else "assistant", "content": t} for i, t in enumerate(turns)]
    response = httpx.post(f"{server}/chat", json={"messages": messages, "filters": filters}, timeout=60)
    assert response.status_code == 200, response.text
    return response.json()


def test_a_fact_is_answered_with_a_sentence_and_its_marker(server):
    body = ask(server, "How many households are waiting for an allotment?")
    assert body["found"] is True
    assert "412 households" in body["answer"] and "[1]" in body["answer"]
    first = body["citations"][0]
    assert first["n"] == 1 and "412 households" in first["text"]
    assert (first["document_title"], first["page"], first["agenda_item"]) == ("Allotments Review", 8, "4")
    # The sentence read out is marked in its passage, and only what the answer says is marked.
    read = [first["text"][start:end] for start, end in first["spans"]]
    assert any("412 households" in sentence for sentence in read)
    assert all(" ".join(sentence.split()) in " ".join(body["answer"].split()) for sentence in read)


def test_an_answer_says_how_likely_it_is_to_give_what_was_asked(server):
    body = ask(server, "How many households are waiting for an allotment?")
    assert body["found"] is True and 0 < body["confidence"] < 1
    refused = ask(server, "How much was spent on the mayor's car?")
    assert refused["found"] is False and refused["confidence"] is None


def test_who_wrote_a_report_is_answered_from_its_header(server):
    body = ask(server, "Who wrote the report on the allotments review?")
    assert body["found"] is True and "Sam Okoro, Allotments Officer" in body["answer"]
    assert body["answered_by"] == "who"
    assert body["citations"][0]["document_title"] == "Allotments Review"


def test_when_a_body_meets_next_is_read_from_the_papers_own_line_after_its_meeting(server):
    body = ask(server, "When does the Planning and Regulation Committee meet after its 6 February 2024 meeting?")
    assert body["found"] is True and body["answered_by"] == "next_meeting"
    assert "12 March 2024" in body["answer"] and "12 March 2024" in body["citations"][0]["text"]
    # A meeting the papers name no next meeting for is not given one.
    later = ask(server, "When does the Planning and Regulation Committee meet after its 12 March 2024 meeting?")
    assert later["answered_by"] != "next_meeting"


def test_a_decision_in_a_long_resolution_is_answered_by_its_own_item_and_passage(server):
    body = ask(server, "What did the committee decide about reporting back on car park use?")
    assert body["found"] is True
    assert "officers report back on the effect on car park use" in body["answer"]
    assert "report back" in body["citations"][0]["text"]


def test_a_decision_question_is_answered_by_the_resolution(server):
    body = ask(server, "What did the committee decide about evening parking charges?")
    assert body["found"] is True
    assert "resolved on 2024-02-06" in body["answer"]
    assert "evening parking charges be removed" in body["answer"]
    assert "RESOLVED" in body["citations"][0]["text"]
    assert body["decisions"][0]["kind"] == "resolution"
    assert body["answered_by"] == "decision"


def test_follow_ups_are_read_against_the_conversation(server):
    first = ask(server, "What did the committee decide about evening parking charges?")
    when = ask(server, "What did the committee decide about evening parking charges?", first["answer"], "When was that?")
    assert when["found"] is True and "2024-02-06" in when["answer"] and when["answered_by"] == "previous"
    decided = ask(server, "Tell me about the review of the street trees policy", "...", "And what did they decide?")
    assert decided["found"] is True and "Street Trees Policy be adopted" in decided["answer"]


@pytest.mark.parametrize(
    "question",
    [
        "What did the committee decide about fireworks displays?",
        "How much was spent on the mayor's car?",
        # The papers answer these for another place, another meeting, or not with an amount.
        "How many households are waiting for an allotment in Southampton?",
        "What did the committee decide about evening parking charges at its 12 March 2024 meeting?",
        "How much did the allotments review cost?",
    ],
)
def test_a_question_the_papers_do_not_answer_is_refused(server, question):
    body = ask(server, question)
    assert body["found"] is False, body["answer"]
    assert body["answer"].startswith("Not found in the papers")
    assert body["citations"] == [] and body["closest"]


def test_the_answer_streams_as_server_sent_events(server):
    with httpx.stream("POST", f"{server}/chat", params={"stream": "true"}, timeout=60,
                      json={"messages": [{"role": "user", "content": "How many households are waiting for an allotment?"}]}) as response:
        assert response.headers["content-type"].startswith("text/event-stream")
        events = [block for block in response.read().decode().split("\n\n") if block]
    names = [block.split("\n")[0].removeprefix("event: ") for block in events]
    assert names[0] == "answer" and names[-2:] == ["citations", "done"]
    pieces = [json.loads(block.split("\n")[1].removeprefix("data: ")) for block in events if block.startswith("event: answer")]
    assert "412 households" in " ".join(pieces)
    citations = json.loads(events[-2].split("\n")[1].removeprefix("data: "))
    assert citations["found"] is True and citations["citations"][0]["n"] == 1


@pytest.mark.parametrize(
    "payload",
    [{"messages": []}, {"messages": [{"role": "system", "content": "hi"}]}, {"messages": [{"role": "assistant", "content": "hi"}]}, {}],
)
def test_bad_conversations_get_422(server, payload):
    response = httpx.post(f"{server}/chat", json=payload)
    assert response.status_code == 422 and response.json()["error"]


def test_who_took_a_decision_is_answered_from_its_record(server):
    body = ask(server, "Who took decision 24/00071 on the gritting routes?")
    assert body["found"] is True
    assert body["answer"] == ("Decision 24/00071 (Winter Gritting Routes 2024-25) was taken on 2024-10-02 by "
                              "Mr Tom Ashby, Cabinet Member for Highways and Transport. [1]")
    cited = body["citations"][0]
    assert "DECISION TO BE TAKEN BY" in cited["text"] and cited["page"] == 1
    assert cited["document_title"] == "Record of decision 24/00071: Winter Gritting Routes 2024-25"
    # Named by subject instead of number, the same record answers.
    by_subject = ask(server, "Who made the decision on the winter gritting routes?")
    assert "Mr Tom Ashby" in by_subject["answer"] and by_subject["citations"][0]["chunk_id"] == cited["chunk_id"]


def _library(tmp_path_factory, embedder, name: str, papers: dict[str, str]):
    """A Minutebook over ``papers`` (file name -> text), ingested into an index of its own."""
    from minutebook.search.storage.build import build_index
    from minutebook.search.service import Minutebook
    from minutebook.settings import load_settings

    folder = tmp_path_factory.mktemp(name)
    for file, text in papers.items():
        (folder / file).write_text(text)
    settings = load_settings(index_dir=tmp_path_factory.mktemp(f"{name}-index"))
    build_index([folder], settings, embedder, progress=False)
    return Minutebook(settings, embedder)


@pytest.fixture(scope="module")
def strategy_library(tmp_path_factory, embedder):
    """A strategy, its progress update and two annual reports, ingested: one commitment in three papers."""
    from .test_links import ANNUAL_2024, ANNUAL_2025, PROGRESS, STRATEGY

    return _library(tmp_path_factory, embedder, "strategy", {
        "strategy.txt": STRATEGY, "progress.txt": PROGRESS, "annual-2024.txt": ANNUAL_2024, "annual-2025.txt": ANNUAL_2025})


def test_where_a_commitment_was_first_made_is_its_timeline_first_appearance_first(strategy_library):
    answer = strategy_library.chat([{"role": "user", "content":
                                     "Where was the commitment to open two community health hubs first made?"}])
    assert answer.found
    assert answer.answer.startswith('First committed in Riverton Health and Wellbeing Strategy 2024-2029')
    assert '"We will open two new community health hubs in the north of the town" [1]. It appears again in' in answer.answer
    assert "It appears again in" in answer.answer and "[2]" in answer.answer and "[3]" in answer.answer
    # Each appearance is cited to its own paper: the strategy first, then the later ones by date.
    sources = [c.source.rsplit("/", 1)[-1] for c in answer.citations]
    assert sources == ["strategy.txt", "progress.txt", "annual-2025.txt"], answer.answer
    assert all("community health hubs" in c.text for c in answer.citations)


@pytest.mark.parametrize("question, place, recommendation", [
    ("What is the second recommendation of the Director of Public Health Annual Report 2024?", "The second recommendation",
     "Reduce smoking in pregnancy"),
    ("What does recommendation 3 of the 2024 annual report say?", "Recommendation 3", "Grow the community champions network"),
    ("What was the last recommendation in the Director of Public Health Annual Report 2024?", "The last recommendation",
     "Grow the community champions network"),
])
def test_a_recommendation_asked_for_by_its_place_is_read_from_the_paper_named(strategy_library, question, place, recommendation):
    answer = strategy_library.chat([{"role": "user", "content": question}])
    assert answer.found and answer.answer.startswith(f"{place} in Director of Public Health Annual Report 2024")
    read = answer.answer.partition(" Also stated in ")[0]  # where else the body's papers say it, if anywhere
    assert recommendation in read and read.endswith("[1]")
    assert answer.citations[0].source.endswith("annual-2024.txt") and recommendation in answer.citations[0].text


HARBOURSIDE_REPORT = """Harbourside Director of Public Health Annual Report 2025

Contents
Chapter 1: Our communities page 3
Chapter 2: Recommendations page 9
Chapter 3: Progress on past recommendations page 12

Chapter 1: Our communities

Every community has strengths and assets. Working with communities rather than for them improves health
and reduces inequalities, and the recommendations of this report set out how.

Recommendations

The recommendations set a framework for every partner in Harbourside.

1

Identify strengths and enable communities to take control

Recognise every community as having something to offer and take steps to involve residents in decisions.

2

Build support around families and neighbourhoods

Move to place-based working with communities at the heart.

Chapter 3: Progress on past recommendations

The recommendations of the 2024 report on healthy schools have been taken forward by the schools team.
"""


@pytest.fixture(scope="module")
def report_library(tmp_path_factory, embedder):
    return _library(tmp_path_factory, embedder, "report", {"annual-report.txt": HARBOURSIDE_REPORT})


def test_search_for_a_recommendation_by_its_place_gives_its_passage_first(report_library):
    result = report_library.search("What is the first recommendation in the Harbourside Director of Public Health Annual Report 2025?", k=5)
    assert "Recognise every community as having something to offer" in f"{result.results[0].section} {result.results[0].text}"
    assert len(result.results) <= 5 and len({hit.chunk_id for hit in result.results}) == len(result.results)
    second = report_library.search("What is the second recommendation of the Harbourside annual report 2025?", k=5)
    assert "place-based working" in second.results[0].text


def test_a_place_beyond_the_list_is_not_answered_as_that_place(strategy_library):
    answer = strategy_library.chat([{"role": "user", "content":
                                     "What is the fifth recommendation of the Director of Public Health Annual Report 2024?"}])
    assert "fifth recommendation" not in answer.answer.lower()


BOARD_UPDATE = """Riverton Clinical Commissioning Group: operating model update

Date: 9 September 2025

Operating model - next steps

At the youth council elections held in the autumn, 1,204 young people voted, twice as many as in the elections before.

The Governing Board met in March to review the outcome of the discussions with the other groups in the region and what they mean for the operating model of health and care in Riverton.

The Governing Board agreed:

- it remains strongly committed to further integrated working with Riverton Council under the executive leadership of the council's chief executive, the clinical leadership of the group and the elected leadership of the council, as the partners have set out together over the last year
- that it would support the delegation of the group's functions to the council's chief executive to lead and continue the development of health and care in Riverton, including the further integration of executive roles across the group and the council
- to propose the appointment of a shared accountable officer with the other groups for strategic commissioning across the region and as the chief executive of the integrated care system
- that retaining the group as a legal entity, with its own board and dedicated functions based within the town, was the more significant priority and it would thus not be proposing a merger with the other groups of the region
- to continue to work with partners to agree arrangements to deliver system working across the south of the county
"""


@pytest.fixture(scope="module")
def update_library(tmp_path_factory, embedder):
    return _library(tmp_path_factory, embedder, "update", {"update.txt": BOARD_UPDATE})


def test_a_list_agreed_is_read_on_into_the_next_passage_and_both_are_cited(update_library):
    answer = update_library.chat([{"role": "user", "content": "What did the Governing Board agree about a merger with the other groups?"}])
    assert answer.found and "The Governing Board agreed:" in answer.answer
    assert "not be proposing a merger with the other groups" in answer.answer
    merger = next(c for c in answer.citations if "proposing a merger" in c.text)
    agreed = next(c for c in answer.citations if "The Governing Board agreed:" in c.text)
    assert merger.chunk_id != agreed.chunk_id  # the list goes on in the next passage, cited for its item


def test_how_many_voted_asks_for_a_number_not_for_a_decision(update_library):
    answer = update_library.chat([{"role": "user", "content": "How many young people voted in the youth council elections?"}])
    assert answer.found and "1,204 young people voted" in answer.answer



HARBOUR_AGENDA = """AGENDA
Harbourside Town Council
Meeting to be held on Thursday 12 March 2026 at 7.00 pm in the Quay Hall

1. Apologies for absence
2. Harbour wall repairs
Report of the Harbour Master. On 14 May 2024 the Council approved the harbour wall repair contract with
Quayside Marine Ltd for £86,000. The works are now due to start in April 2026, and the Council is asked to
note the revised programme for the harbour wall.
3. Appointment of Harbour Master
The Council is asked to appoint Dana Fox as Harbour Master from 1 April 2026.
4. Date of next meeting
"""

HARBOUR_MINUTES = """MINUTES
Harbourside Town Council
Minutes of the meeting held on Tuesday 14 May 2024 at 7.00 pm in the Quay Hall

Present: Councillors Adeyemi (Chair), Brooks, Carter and Dunmore.

12. Harbour wall repairs
The Harbour Master reported on the tenders received for the harbour wall.
RESOLVED that the harbour wall repair contract be awarded to Quayside Marine Ltd for £86,000.
"""


COMMUNITY_MINUTES = """MINUTES
Quayside Community Council
Minutes of the meeting held on Tuesday 2 September 2025 at 7.30 pm in the Church Rooms

Present: Mr Gale (Chair), Mrs Hughes, Mr Innes.

4. Quay Lane gate
A resident asked for support over the locked gate on the old path along Quay Lane. Members felt the
path should be open to walkers and the Clerk will write to the landowner asking for the gate to be reopened.
"""


@pytest.fixture(scope="module")
def harbour_library(tmp_path_factory, embedder):
    return _library(tmp_path_factory, embedder, "harbour", {
        "agenda-2026-03-12.txt": HARBOUR_AGENDA, "minutes-2024-05-14.txt": HARBOUR_MINUTES,
        "community-minutes-2025-09-02.txt": COMMUNITY_MINUTES})


def test_an_agenda_does_not_say_what_its_own_meeting_decided(harbour_library):
    # The agenda goes out before its meeting: the decision it tells is an earlier meeting's.
    then = harbour_library.chat([{"role": "user", "content": "What did Harbourside Town Council decide about the harbour wall in March 2026?"}])
    assert not then.found, then.answer
    earlier = harbour_library.chat([{"role": "user", "content": "What did Harbourside Town Council decide about the harbour wall in May 2024?"}])
    assert earlier.found and "Quayside Marine" in earlier.answer
    assert any("RESOLVED" in c.text for c in earlier.citations)
    # Nor who its meeting chose: the agenda only proposes the name.
    chosen = harbour_library.chat([{"role": "user", "content": "Was Dana Fox appointed Harbour Master in March 2026?"}])
    assert not chosen.found, chosen.answer
    proposed = harbour_library.chat([{"role": "user", "content": "What appointment is Harbourside Town Council asked to make in March 2026?"}])
    assert proposed.found and "Dana Fox" in proposed.answer, proposed.answer


# A notice's list of members, its lines apart as a PDF's sidebar reads.
HARBOUR_NOTICE = """HARBOUR BOARD
Notice of meeting

Alex Morgan, Chair

Sam Patel, Vice Chair

Jo Reid  Executive Director

The Harbour Board will hold its public meetings in 2026 on the last Friday of each month at 10.30 am
in the Quay Hall. Members of the public may attend and speak on any item on the agenda.
"""


@pytest.fixture(scope="module")
def notice_library(tmp_path_factory, embedder):
    return _library(tmp_path_factory, embedder, "notice", {"notice-2026.txt": HARBOUR_NOTICE, "agenda-2026-03-27.txt": MARCH_NOTICE,
                                                             "schedule-2025.txt": QUAY_SCHEDULE})


QUAY_SCHEDULE = """Quay Hall Trust
2025 MONTHLY TRUSTEES MEETING SCHEDULE
The trustees meet on the second Tuesday of the month. Location: the Quay Hall library.
PUBLIC MEETINGS: JANUARY 14 MARCH 11 JUNE 10 SEPTEMBER 9 DECEMBER 9
"""


MARCH_NOTICE = """NOTICE AND AGENDA OF MEETING
Harbour Board
Date/Time: Friday 27 March 2026, 10.30 am
Location: Quay Hall, 12 Harbour Road

1. Apologies for absence
2. Harbour wall repairs: the works are due to start in April 2026.
3. Moorings charges for 2026/27
4. Close of meeting: the meeting will end by 12.30 pm.
"""


@pytest.mark.parametrize("question, person, post", [
    ("Who was the Executive Director of the Harbour Board in 2026?", "Jo Reid", "Executive Director"),
    ("Who chaired the Harbour Board?", "Alex Morgan", "Chair"),
])
def test_who_holds_a_post_is_read_from_the_papers_list_of_members(notice_library, question, person, post):
    answer = notice_library.chat([{"role": "user", "content": question}])
    assert answer.found and answer.answered_by == "who", answer.answer
    assert person in answer.answer and post in answer.answer
    assert "Sam Patel" not in answer.answer  # the vice chair's line is another post


def test_each_part_of_a_two_part_question_is_answered_by_its_own_way(notice_library):
    answer = notice_library.chat([{"role": "user", "content": "Who chaired the Harbour Board, and who was its vice chair?"}])
    assert answer.found and answer.answered_by == "who", answer.answer
    assert "Alex Morgan" in answer.answer and "Sam Patel" in answer.answer, answer.answer


def test_a_post_the_list_does_not_hold_is_not_given_a_name_from_it(notice_library):
    answer = notice_library.chat([{"role": "user", "content": "Who was the Treasurer of the Harbour Board in 2026?"}])
    assert not (answer.found and answer.answered_by == "who"), answer.answer


def test_minutes_that_tell_a_decision_in_their_own_words_answer_what_was_decided(harbour_library):
    # No "resolved" or "agreed": what the minutes of the meeting say was done is what was decided.
    answer = harbour_library.chat([{"role": "user", "content": "What did Quayside Community Council decide about the locked gate on Quay Lane?"}])
    assert answer.found and "write to the landowner" in answer.answer, answer.answer


def test_where_and_when_a_meeting_is_held_is_read_from_its_own_paper(notice_library):
    answer = notice_library.chat([{"role": "user", "content": "Where and at what time does the Harbour Board meet on 27 March 2026?"}])
    assert answer.found and answer.answered_by == "held", answer.answer
    assert "10.30 am" in answer.answer and "Quay Hall, 12 Harbour Road" in answer.answer
    ends = notice_library.chat([{"role": "user", "content": "What time will the Harbour Board meeting on 27 March 2026 end?"}])
    assert ends.answered_by == "held" and "12.30 pm" in ends.answer and "10.30 am" not in ends.answer, ends.answer
    # A question about something at the meeting is not one about its time and place.
    other = notice_library.chat([{"role": "user", "content": "When will the harbour wall works start, per the March 2026 agenda?"}])
    assert other.answered_by != "held"


def test_when_a_body_meets_is_read_from_its_schedule(notice_library):
    every = notice_library.chat([{"role": "user", "content": "On which dates does the Quay Hall Trust meet in 2025?"}])
    assert every.answered_by == "schedule", every.answer
    assert all(day in every.answer for day in ("JANUARY 14", "MARCH 11", "JUNE 10", "SEPTEMBER 9", "DECEMBER 9"))
    last = notice_library.chat([{"role": "user", "content": "What is the last Quay Hall Trust meeting date on its 2025 schedule?"}])
    assert last.answered_by == "schedule" and "DECEMBER 9" in last.answer and "JUNE 10" not in last.answer, last.answer
    june = notice_library.chat([{"role": "user", "content": "When did the Quay Hall Trust meet in June 2025?"}])
    assert june.answered_by == "schedule" and "JUNE 10" in june.answer and "MARCH 11" not in june.answer, june.answer
    # Something else about the meetings is not a question for the schedule.
    other = notice_library.chat([{"role": "user", "content": "When will the harbour wall works start in 2026?"}])
    assert other.answered_by != "schedule"


# One sentence in a body's agenda and in the minutes of the same meeting, and in another body's agenda.
_PLAY_AREA = "To adopt a play area policy under which the swings and climbing frame are inspected every spring by an approved contractor."
QUAYFORD_AGENDA = f"""QUAYFORD PARISH COUNCIL
Agenda for the meeting to be held on Tuesday 3 June 2025 at 7.30 pm in the Quay Hall

4. Apologies for absence
5. Play area
{_PLAY_AREA}
6. Correspondence
"""
QUAYFORD_MINUTES = f"""QUAYFORD PARISH COUNCIL
Minutes of the meeting held on Tuesday 3 June 2025 at 7.30 pm in the Quay Hall

Present: Cllr Fox (Chair), Cllr Ash, Cllr Reid.

5. Play area
Members discussed the draft circulated by the Clerk. {_PLAY_AREA} RESOLVED that the policy be adopted.
"""
HARBOURSIDE_AGENDA = f"""HARBOURSIDE TOWN COUNCIL
Agenda for the meeting to be held on Monday 9 June 2025 at 7 pm

7. Play area
{_PLAY_AREA}
"""


@pytest.fixture(scope="module")
def play_area_library(tmp_path_factory, embedder):
    return _library(tmp_path_factory, embedder, "play-area", {
        "quayford-agenda-2025-06-03.txt": QUAYFORD_AGENDA, "quayford-minutes-2025-06-03.txt": QUAYFORD_MINUTES,
        "harbourside-agenda-2025-06-09.txt": HARBOURSIDE_AGENDA})


def test_the_same_sentence_in_the_bodys_other_paper_is_cited_too(play_area_library):
    answer = play_area_library.chat([{"role": "user", "content": "What did Quayford Parish Council decide about the play area in June 2025?"}])
    assert answer.found and "every spring" in answer.answer, answer.answer
    assert answer.citations[0].source.endswith("quayford-minutes-2025-06-03.txt")  # the record answers; the agenda says it too
    cited = [c.source.rsplit("/", 1)[-1] for c in answer.citations]
    assert {"quayford-agenda-2025-06-03.txt", "quayford-minutes-2025-06-03.txt"} <= set(cited), cited
    assert "harbourside-agenda-2025-06-09.txt" not in cited  # another body's words are not its corroboration
    assert answer.answer.endswith("Also stated in [2].")  # the answer says why the agenda is listed
    assert all(c.spans for c in answer.citations)  # each cited passage marks the sentence it shares


# A minute's item whose name is said only at its opening, in prose under a broader heading, and runs
# on into a second passage.
FOOTBRIDGE_MINUTES = """QUAYFORD PARISH COUNCIL
Minutes of the meeting held on Tuesday 1 July 2025 at 7.30 pm in the Quay Hall

Present: Cllr Fox (Chair), Cllr Ash, Cllr Reid, Cllr Sands.

6. Apologies
Apologies were received from Cllr Moor.

MATTERS ARISING
25/071 The Alder Mill footbridge: Cllr Ash reported that the timber deck of the footbridge by the old mill race has rotted in several places and that two boards gave way last month. A temporary barrier was put up by the county at the north end. Residents who walk to the school by that route now have to go round by the main road, which has no pavement for a stretch of three hundred yards. Members were concerned that children were still climbing over the barrier. Cllr Reid said that the bridge had last been repaired in 2009 and that the parish had then paid a share of the cost. Cllr Sands asked whether the county or the parish owned the structure; the Clerk said that the records were unclear and that the deeds had been asked for. Members agreed that the matter was urgent and that the route should not stay closed over the winter. Cllr Fox noted that a grant might be available from the district for footpath works and asked members to look for other sources of funding.
The county engineer has estimated the cost of a new deck at £18,500. Members will consider how to fund it at the October meeting.

8. Correspondence
A letter from the bowls club thanking the council for its grant was noted.
"""


@pytest.fixture(scope="module")
def footbridge_library(tmp_path_factory, embedder):
    return _library(tmp_path_factory, embedder, "footbridge", {"minutes-2025-07-01.txt": FOOTBRIDGE_MINUTES})


def test_a_minutes_item_named_in_the_passage_before_answers_for_it(footbridge_library):
    question = "How much will a new deck for the Alder Mill footbridge cost?"
    passages = footbridge_library.search(question, k=5).results
    costed = next(hit for hit in passages if "£18,500" in hit.text)
    assert "Alder Mill" not in costed.text and "Alder Mill" not in (costed.section or "")  # said in the passage before only
    answer = footbridge_library.chat([{"role": "user", "content": question}])
    assert answer.found and "£18,500" in answer.answer, answer.answer
    assert answer.citations[0].chunk_id == costed.chunk_id


def test_how_members_voted_is_not_answered_by_a_record_without_the_vote(harbour_library):
    # The decision is recorded, but not how anyone voted: every way of answering needs a vote.
    decided = harbour_library.chat([{"role": "user", "content": "What did Harbourside Town Council decide about the harbour wall in May 2024?"}])
    assert decided.found and "Quayside Marine" in decided.answer
    voted = harbour_library.chat([{"role": "user", "content": "How did the Harbourside Town Council members vote on the harbour wall contract in May 2024?"}])
    assert not voted.found, voted.answer
    recorded = harbour_library.chat([{"role": "user", "content": "What was the recorded vote on the Harbourside harbour wall contract in May 2024?"}])
    assert not recorded.found, recorded.answer  # "what was the recorded vote" asks how members voted too
