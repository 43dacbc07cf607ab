"""Passages are bounded and never cut a sentence in half."""

from __future__ import annotations

from minutebook.ingest.chunk import Line, opens_list_item, pack_passages, split_sentences, page_at


def _sentences(n: int) -> list[str]:
    return [f"Sentence number {i} says the board approved item {i} after a long discussion." for i in range(n)]


def test_sentences_keep_abbreviations_initials_and_numbers():
    text = "Cllr. J. Smith moved the motion, e.g. on the budget. It was agreed at 10.30 a.m. on the day. 3.1 Next."
    assert split_sentences(text) == [
        "Cllr. J. Smith moved the motion, e.g. on the budget.",
        "It was agreed at 10.30 a.m. on the day.",
        "3.1 Next.",
    ]


def test_passages_are_bounded_and_every_sentence_is_whole():
    sentences = _sentences(60)
    lines = [Line(s, page=1 + i // 20) for i, s in enumerate(sentences)]
    passages = pack_passages(lines, max_chars=400)
    assert len(passages) > 5
    assert all(len(p.text) <= 400 for p in passages)
    joined = [s for p in passages for s in split_sentences(p.text.replace("\n", " "))]
    assert joined == sentences


def test_passages_know_first_and_last_page():
    lines = [Line("The committee agreed the plan", page=4), Line("after a vote of seven to two.", page=5)]
    (passage,) = pack_passages(lines, max_chars=500)
    assert passage.text == "The committee agreed the plan after a vote of seven to two."
    assert (passage.page, passage.last_page) == (4, 5)


def test_a_passage_over_a_page_break_knows_where_each_page_begins():
    lines = [Line("Members discussed the car park at length.", page=4),
             Line("The committee agreed that evening charges rise to 2 pounds.", page=5),
             Line("It asked for a report in June.", page=5)]
    (passage,) = pack_passages(lines, max_chars=500)
    assert passage.page_breaks == ((passage.text.index("The committee"), 5),)
    assert page_at(passage.page, passage.page_breaks, passage.text.index("Members")) == 4
    assert page_at(passage.page, passage.page_breaks, passage.text.index("It asked")) == 5
    # A sentence running over the break is cited where it starts.
    (run_on,) = pack_passages([Line("The committee agreed the plan", page=4), Line("after a vote.", page=5)], 500)
    assert run_on.page_breaks == () and (run_on.page, run_on.last_page) == (4, 5)


def test_an_over_long_sentence_is_cut_at_word_boundaries_within_the_bound():
    words = [f"word{i}" for i in range(2000)]
    (line,) = [Line(" ".join(words), page=1)]
    passages = pack_passages([line], max_chars=300)
    assert all(len(p.text) <= 300 for p in passages)
    assert " ".join(p.text for p in passages).split() == words


def test_words_hyphenated_across_lines_are_joined():
    lines = [Line("The safeguard-", page=1), Line("ing partnership met.", page=1)]
    (passage,) = pack_passages(lines, max_chars=200)
    assert passage.text == "The safeguarding partnership met."


def test_a_year_wrapped_onto_its_own_line_goes_on_with_its_sentence():
    lines = [Line(t, 1) for t in ("The board agreed the policy, with effect from 1 February", "2013. External advice will follow.",
                                  "2. The next item was the budget.")]
    text = pack_passages(lines, 900)[0].text
    assert "with effect from 1 February 2013." in text
    assert text.endswith("\n2. The next item was the budget.")  # a numbered paragraph still opens its own


def test_a_name_wrapped_at_its_initial_goes_on_and_a_lettered_list_does_not():
    lines = [Line(t, 1) for t in ("Designating the lowest bidder as Quay Excavating, LC (Ann",
                                  "E. Ash, Managing Member), $2,318,400.50.")]
    assert pack_passages(lines, 900)[0].text == ("Designating the lowest bidder as Quay Excavating, LC (Ann "
                                                 "E. Ash, Managing Member), $2,318,400.50.")
    items = [Line(t, 1) for t in ("D. Approve the minutes", "E. Receive the budget report")]
    assert pack_passages(items, 900)[0].text == "D. Approve the minutes\nE. Receive the budget report"


def test_a_list_and_the_sentence_introducing_it_share_a_passage():
    lines = [Line(s, page=1) for s in _sentences(4)]
    lines += [Line("", page=1), Line("Harbourside representatives raised the survey figures of the harbour board showing the moorings at risk:", page=2),
              Line("", page=2), Line("• 212 moorings at Quayford", page=2), Line("• 97 moorings at Millbrook", page=2)]
    passages = pack_passages(lines, max_chars=400)
    assert all(len(p.text) <= 400 for p in passages)
    holding = next(p for p in passages if "212 moorings" in p.text)
    assert holding.text.startswith("Harbourside representatives raised") and holding.page == 2
    assert not any(p.text.rstrip().endswith(":") for p in passages)
    # A sentence ending in ":" that no list follows stays where it is.
    plain = pack_passages([Line(s, page=1) for s in _sentences(5)] + [Line("", page=1), Line("Present:", page=1),
                                                                       Line("", page=1), Line(_sentences(7)[6], page=1)], 400)
    assert any(p.text.rstrip().endswith("Present:") for p in plain)


def test_initials_run_together_do_not_end_a_sentence():
    text = "It was proposed by Cllr. M. Ash and seconded by Cllr. J.J. Fox that the lease be approved. This was agreed unanimously."
    assert split_sentences(text) == ["It was proposed by Cllr. M. Ash and seconded by Cllr. J.J. Fox that the lease be approved.",
                                     "This was agreed unanimously."]


def test_a_line_wrapped_at_a_short_word_before_a_stop_or_bracket_goes_on_with_its_sentence():
    for wrapped in ("(Cox) and Channel 39 (Verizon).", "Mr. Ash of the Harbour Trust.", "No. 12 on the list."):
        lines = [Line(t, 1) for t in ("Meetings of the Harbour Board are also broadcast on Channel 35", wrapped,
                                      "(b) The next item was the budget.")]
        text = pack_passages(lines, 900)[0].text
        assert f"broadcast on Channel 35 {wrapped}" in text
        assert text.endswith("\n(b) The next item was the budget.")  # a lettered item still opens its own


def test_a_dash_or_bullet_with_its_space_lost_still_opens_a_list_item():
    assert opens_list_item("-Agreed it would be a good idea to ask the local MP.")
    assert opens_list_item("•Susan Jones reported on funding.")
    assert not opens_list_item("-5 degrees overnight was forecast.")
    assert not opens_list_item("-based services were discussed.")
