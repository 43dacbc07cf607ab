"""Questions name where to look (a meeting, a period, a body, a paper type); retrieval prefers it."""

from __future__ import annotations

from datetime import date

import pytest

from minutebook.search.ranking.understand import named_body, paper_type, question_period, understand
from minutebook.search.service import Minutebook
from minutebook.settings import load_settings

TODAY = date(2026, 12, 2)


@pytest.mark.parametrize(
    ("question", "period"),
    [
        ("At the 17 June 2020 board, where did the city rank?", ("2020-06-17", "2020-06-17")),
        ("What did the Cabinet decide on Wednesday, 23rd September, 2020?", ("2020-09-23", "2020-09-23")),
        ("What was approved in July 2021 about housing?", ("2021-07-01", "2021-07-31")),
        ("What did the board agree in 2022 on cycling?", ("2022-01-01", "2022-12-31")),
        ("What was reported last September?", ("2026-09-01", "2026-09-30")),
        ("What was decided last year?", ("2025-01-01", "2025-12-31")),
    ],
)
def test_dates_and_periods_in_a_question_become_a_meeting_period(question, period):
    assert question_period(question, TODAY)[:2] == period


@pytest.mark.parametrize(
    "question",
    ["What does the Domestic Abuse Strategy 2020-2023 promise?", "What is in the Annual Report 2023/24?",
     "How much did the 2022 campaign cost?", "What did the board decide about parking?"],
)
def test_spans_names_and_bare_years_are_not_periods(question):
    assert question_period(question, TODAY) is None


def test_bodies_and_paper_types_are_recognised():
    bodies = ["Health and Wellbeing Board", "Cabinet", "Board"]
    assert named_body("what did the health and wellbeing board agree", bodies) == "Health and Wellbeing Board"
    assert named_body("What did Cabinet decide?", bodies) == "Cabinet"
    assert named_body("what did the board decide", bodies) is None  # "board" is any board
    assert paper_type("the safeguarding annual report") == "annual_report"
    assert paper_type("in the minutes of March") == "minutes"
    context = understand("What did the Cabinet resolve on 4 March 2025?", bodies, TODAY)
    assert (context.date_from, context.body, context.asks_for) == ("2025-03-04", "Cabinet", "decision")
    assert understand("What was recommended about parks?", bodies, TODAY).asks_for == "recommendation"
    assert understand("Who took the decision on parks?", bodies, TODAY).asks_for is None
    # "the proposed development" names a thing: the question asks what was decided about it.
    assert understand("What did the Cabinet decide about the Quay Hall proposed development?", bodies, TODAY).asks_for == "decision"
    assert understand("What changes were proposed to the constitution?", bodies, TODAY).asks_for == "recommendation"


MOTION = ("Minute 41. Allotment rents. Councillor Price proposed, and Councillor Lee seconded, that allotment rents "
          "for the coming year be frozen at the current level for every plot holder in the borough.")
RESOLUTION = "Minute 41 (continued). Following a vote, RESOLVED that allotment rents be frozen for the coming year."
OTHERS = [
    "The committee noted the report on allotment rents in neighbouring boroughs and the rents charged there.",
    "Members discussed the condition of allotment sheds and asked about rents for the coming year.",
]


@pytest.fixture(scope="module")
def library(tmp_path_factory, embedder):
    from minutebook.search.storage.build import build_index

    papers = tmp_path_factory.mktemp("understand-papers")
    for n, text in enumerate([MOTION, *OTHERS, RESOLUTION]):
        (papers / f"minutes-{n}.txt").write_text(text + "\n")
    settings = load_settings(index_dir=tmp_path_factory.mktemp("understand-index"))
    build_index([papers], settings, embedder, progress=False)
    return Minutebook(settings, embedder)


def test_a_question_about_what_was_decided_puts_the_passage_recording_it_first(library):
    result = library.search("What did the committee resolve about allotment rents for the coming year?", k=4)
    assert result.context["asks_for"] == "decision"
    assert "RESOLVED" in result.results[0].text
    assert result.results[0].match["context_rank"] == 1
    # Without the preference, reciprocal rank fusion puts the longer motion that repeats the
    # question's words first.
    plain = library.search("allotment rents for the coming year", k=4, fusion_method="rrf")
    assert "RESOLVED" not in plain.results[0].text
