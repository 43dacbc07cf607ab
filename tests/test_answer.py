"""The offline answer composer on passages written here: which sentence answers, and how it is read out.

Most run without the model (``similarity=None``): support is then the share of the question's subject
a sentence holds plus the bonus for being the kind of answer asked for; one adds the real model's
cosine, as chat does.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from minutebook.ingest.dates import financial_years
from minutebook.search.chat.answer import ANSWER_PASSAGES, Citation

from minutebook.search.chat.readout import paragraph_neighbours, read_out
from minutebook.search.chat.sentences import MEANING_PASSAGES, answer_passages, asks_contact, extractive_answer, spelt_out
from minutebook.search.chat.conversation import read_turn, without_scene
from minutebook.search.chat.evidence import Paper
from minutebook.search.chat.kinds import Asked, answers_the_kind, names_someone
from minutebook.search.chat.names import another_part, names_present, numbered_parts, question_names, words_of
from minutebook.search.chat.answerers.listed import nth_asked
from minutebook.search.chat.answerers.passages import join_answers, question_parts
from minutebook.search.storage.lexicon import Lexicon
from minutebook.vocabulary import Hit


# Other papers' passages: a real corpus says "report", "strategy", "make", "share" everywhere, so
# those words say little about what a question is after (their idf is low).
BACKGROUND = ["The strategy sets out how partners make the city a fairer place to live. The report was noted."] * 30


def lexicon(*texts: str) -> Lexicon:
    df: dict[str, int] = {}
    texts = (*texts, *BACKGROUND)
    for text in texts:
        for word in set(text.lower().replace(".", " ").replace(",", " ").split()):
            df[word] = df.get(word, 0) + 1
    return Lexicon(df, {}, len(texts))


def hit(text: str, n: int = 1, title: str = "Community Report") -> Hit:
    return Hit(chunk_id=n, text=text, score=1.0, source=f"/papers/{n}.pdf", document_id=f"d{n}",
               document_title=title, page=n)


def answers(sentence: str, question: str) -> bool:
    """Whether ``sentence`` is of the kind of answer ``question`` asks for (kinds.answers_the_kind)."""
    return answers_the_kind(sentence, question, Asked.read(read_turn([{"role": "user", "content": question}])), lexicon(sentence))


def answer(question: str, *passages: str, embedder=None) -> str:
    """The extractive answer; with ``embedder``, sentences are also compared by meaning (the real model)."""
    hits = [hit(text, n) for n, text in enumerate(passages, start=1)]
    similarity = None
    if embedder is not None:
        asked = embedder.encode([question])[0]
        similarity = lambda sentences: (embedder.encode(sentences) @ asked).tolist()  # noqa: E731
    turn = read_turn([{"role": "user", "content": question}])
    text, _, _ = extractive_answer(turn, hits, lexicon(*passages), similarity)
    return text


def test_how_many_is_answered_by_a_count_of_the_thing_asked_not_by_a_year():
    passage = ("The Shed was first discussed in 2018 by a group of neighbours. "
               "The Shed has now grown to include around 40 members and a second workshop.")
    said = answer("How many members does the Shed have?", passage)
    assert "40 members" in said and "2018" not in said
    # A count that says "it" is read with the sentence it refers back to.
    said = answer("How many members does the Shed have?", passage.replace("The Shed has", "It has"))
    assert said.startswith("The Shed was first discussed in 2018") and "40 members" in said


def test_a_figure_of_another_financial_year_is_not_the_answer():
    passage = ("In 2020/21 the Harbourside Trust received a grant of £50,000 for the new duties. "
               "The harbour ferry timetable changes in the spring.")
    question = "How much grant did the Harbourside Trust receive in 2022/23?"
    assert answer(question, passage) == ""
    assert "£50,000" in answer(question.replace("2022/23", "2020-21"), passage)
    assert financial_years("the 2018-2019 budget, the 1999/00 accounts, plan 2019-2024, ref 2019-44") == {2018, 1999}


def test_a_sentence_about_another_numbered_part_is_not_the_answer():
    passage = "Phase 1 of the Quayford cycle lane opened in May with two crossings at Mill Row and Dock Street."
    question = "Which crossings will Phase 2 of the Quayford cycle lane add?"
    assert answer(question, passage) == ""
    assert "Mill Row" in answer(question.replace("Phase 2", "Phase I"), passage)  # a roman numeral is the same part
    assert "Mill Row" in answer(question.replace("Phase 2", "phase one"), passage)
    assert numbered_parts("Part A, Type III, phase two, item 8.2; Bill C-23, decision 24/00093, about 300, 12%, June 2020") == {
        "part": {"a"}, "type": {"3"}, "phase": {"2"}, "item": {"8.2"}}
    assert not another_part("Item 8.2 was approved.", numbered_parts("What did item 8 decide?"))  # a part of the part asked


def test_a_sentence_is_read_with_the_next_of_its_paragraph_but_not_with_another_point():
    passage = ("The Board agreed to fund the Quay Hall reading scheme from the Harbour bequest. "
               "A maximum of 2,500 dollars will be given.\n\n"
               "The Board agreed to repaint the reading room. Did anyone object?\n"
               "- Repainting starts in May.\n"
               "The painters were thanked. Tenders close in June.")
    said = answer("Which fund will pay for the Quay Hall reading scheme?", passage)
    assert said.startswith("The Board agreed to fund the Quay Hall reading scheme") and "2,500 dollars" in said
    # the next paragraph, a question and a list item are other points
    assert paragraph_neighbours("A maximum of 2,500 dollars will be given.", passage) == ("", "")
    assert paragraph_neighbours("The Board agreed to repaint the reading room.", passage) == ("", "")
    assert paragraph_neighbours("Did anyone object?", passage) == ("", "")
    # the sentence before is read only for a sentence referring back to it
    assert paragraph_neighbours("The painters were thanked.", passage) == ("", "Tenders close in June.")
    # up to three sentences after it, within the paragraph's limit
    longer = passage + " Work starts in July. The hall reopens in May. Keys go to the clerk."
    assert paragraph_neighbours("The painters were thanked.", longer) == (
        "", "Tenders close in June. Work starts in July. The hall reopens in May.")
    assert paragraph_neighbours("Tenders close in June.", passage) == ("", "")
    assert paragraph_neighbours("Tenders close in June.", passage.replace("Tenders close", "They close")) == ("", "")
    assert paragraph_neighbours("They close in June.", passage.replace("Tenders close", "They close")) == (
        "The painters were thanked.", "")


def test_a_sentence_opening_in_lower_case_is_read_with_the_line_it_goes_on_from():
    # a line break inside a sentence splits it; the answer must not start halfway through
    passage = ("For the 2024 season, the Harbourside Trust expects a grant\n"
               "of $1,200 from the Quay Hall fund. It pays for the ferry.")
    assert paragraph_neighbours("of $1,200 from the Quay Hall fund.", passage) == (
        "For the 2024 season, the Harbourside Trust expects a grant", "It pays for the ferry.")
    # but not across paragraphs, nor from a list item
    assert paragraph_neighbours("of $1,200 from the Quay Hall fund.", passage.replace("grant\n", "grant\n\n"))[0] == ""
    assert paragraph_neighbours("of $1,200 from the Quay Hall fund.", "- a grant\n" + passage.split("\n")[1])[0] == ""


def test_a_passage_opening_with_she_is_read_with_who_she_is_from_the_passage_before():
    before = hit("Dana Fox, 12 Quay Street, Harbourside\nMs. Fox said she launches her dinghy there every week. "
                 "She thanked the council for the new railings.", 1)
    opening = hit("She said the harbour master had logged no complaints about the slipway since 2019.", 2)
    question = "Which speaker said the harbour master had logged no complaints about the slipway?"
    turn = read_turn([{"role": "user", "content": question}])
    text, cited, _ = extractive_answer(turn, [opening], lexicon(before.text, opening.text),
                                       previous_passage=lambda h: before if h is opening else None)
    assert text.startswith("Ms. Fox said she launches her dinghy there every week. [1] She said the harbour master")
    assert [c.chunk_id for c in cited] == [1, 2]  # the passage naming her is cited for it
    # a passage opening otherwise, or with no passage before, is read as it is
    text, cited, _ = extractive_answer(turn, [opening], lexicon(before.text, opening.text), previous_passage=lambda h: None)
    assert text.startswith("She said") and len(cited) == 1


def test_a_year_or_a_paragraph_number_is_not_a_count():
    asks = read_turn([{"role": "user", "content": "How many residents are waiting for a dentist?"}]).asks
    assert asks == "quantity"
    assert not answers("3.1 Since 2015, the Blueprint has set out commitments to residents.", "How many residents?")
    assert answers("Some 1,070 residents are waiting.", "How many residents?")


def test_a_count_in_words_counts_the_thing_asked_about():
    question = "How many focus groups did the consultant propose for Quay Hall?"
    assert answers("The consultants will hold five focus groups with residents.", question)
    assert answers("We propose twenty-four focus groups.", question)
    assert not answers("The survey stays open for eight weeks.", question)  # a count in words of something else
    assert not answers("One of the groups will meet at the library.", question)
    # A question that counts nothing named asks for a measure: "five minutes" gives one.
    assert answers("Speakers at the lectern have five minutes each.", "How long may a speaker address the board?")
    assert not answers("Speakers may address the board once.", "How long may a speaker address the board?")
    # A count in words of what the paper calls the thing by another name, or a measure joined on.
    assert answers("Three members of the five-member board form a quorum.", "How many harbour commissioners make a quorum?")
    assert answers("Approve a two-year lease with the Quayford rowing club.", "How long is the rowing club's lease?")
    assert not answers("The fund pays for three new wardens.", "How much money goes to the warden scheme?")  # money is in figures


@pytest.mark.parametrize("question, asks", [
    ("What local pandemic death toll was cited when the plan was refreshed?", "quantity"),
    ("What was the return per pound invested?", "quantity"),
    ("What percentage of residents smoke?", "quantity"),
    ("What is the council tax rate for 2024?", "quantity"),
    ("What did the board return to at its next meeting?", "other"),  # a verb of the question, not a measure
    ("What did the report say about the share of the budget?", "other"),
    ("What were the for, against and abstain vote counts on the motion?", "quantity"),
    ("What was recommended about the low share of crimes reaching court?", "decision"),  # the share is the subject
])
def test_a_measure_the_question_names_asks_for_a_number(question, asks):
    assert read_turn([{"role": "user", "content": question}]).asks == asks


def test_a_number_that_names_is_not_a_count():
    question = "What death toll was cited?"
    assert not answers("The refresh was hampered by the Covid-19 pandemic.", question)
    assert not answers("compared with other areas 5.6 This will be enhanced by tracking.", question)
    assert answers("Over 400 people have died from Covid-19.", question)
    assert answers("Unemployment grew by 5.6 per cent.", question)
    # A street number, a ward and a case number name a place or a case; they count nothing.
    windows = "How many windows are to be replaced at the Quay Building?"
    assert not answers("Case 31-072: Quay Building 118 West 9th Street Replacement Windows Ward 6", windows)
    assert answers("Twelve windows, 12 in all, at 40 Harbour Road are to be replaced.", windows)
    # A record's number, the sections of a code and a list's marker name what they stand by; the
    # total asked for is not among them.
    total = "What total amount will the Quayford harbour levy raise?"
    assert not answers("Motion carried to adopt Resolution No. 24-31 confirming the harbour levy report.", total)
    assert not answers("Notice is given under Harbour Code sections 4210, 4212 and 4217 of a hearing on the levy.", total)
    assert answers("The harbour levy will raise $96,400 in its first year.", total)
    votes = "How many votes did Dana Fox receive in the Quayford election?"
    assert not answers("Action Required: (1) Newly elected members will choose a Chair by vote.", votes)
    assert answers("Dana Fox received 1,204 votes.", votes)
    said = answer("What pandemic death toll did the city record?",
                  "The refresh of the plan was hampered by the Covid-19 pandemic and its death toll in the city. "
                  "The city recorded a pandemic death toll of over 400 people.")
    assert said.startswith("The city recorded a pandemic death toll of over 400") and "hampered" not in said


def test_which_resolution_is_answered_by_the_numbered_record_alone():
    passage = ("The bathing beach water monitoring project was discussed at length by the members. "
               "B. RESOLUTION (2019-38) Authorize a contract to run the bathing beach water monitoring project. "
               "C. RESOLUTION (2019-39) Authorize a contract to run the beach water sampling laboratory.")
    said = answer("Which resolution covers the bathing beach water monitoring project?", passage)
    assert said.startswith("B. RESOLUTION (2019-38)") and "2019-39" not in said and "discussed" not in said
    # Asked what was discussed, the same passage answers with more than the record.
    assert "discussed at length" in answer("What was said of the bathing beach water monitoring project?", passage)


def test_passages_ranked_low_join_the_answer_pool_when_a_sentence_is_close_in_meaning():
    hits = [hit(f"Passage {n}.", n) for n in range(ANSWER_PASSAGES + 6)]
    closest = {h.chunk_id: 0.1 for h in hits}
    closest.update({ANSWER_PASSAGES + 4: 0.6, ANSWER_PASSAGES + 1: 0.5, ANSWER_PASSAGES + 2: 0.4, 0: 0.9})
    pool = answer_passages(hits, closest)
    assert MEANING_PASSAGES == 2
    assert [h.chunk_id for h in pool] == [*range(ANSWER_PASSAGES), ANSWER_PASSAGES + 1, ANSWER_PASSAGES + 4]
    # An index without sentence vectors answers from the top of the ranking only.
    assert answer_passages(hits, {}) == hits[:ANSWER_PASSAGES]


def test_how_many_recommendations_asks_for_a_number_not_the_recommendations():
    assert read_turn([{"role": "user", "content": "How many recommendations did the review make?"}]).asks == "quantity"


def test_what_was_recommended_is_answered_with_the_recommendation_beside_the_finding(embedder):
    passage = ("Only an estimated 5% of reported crimes end in a successful court outcome. "
               "The rate has fallen for three years. "
               "It is recommended that the partnership investigate this further, so that more cases reach court.")
    said = answer("What was recommended about the low share of crimes ending in a successful court outcome?", passage,
                  embedder=embedder)
    assert "It is recommended that the partnership investigate" in said


def test_a_commitment_question_prefers_the_promise_to_background():
    passage = ("The number of care leavers in the city has increased year on year. "
               "We will revise and enhance the care leaver offer, so that young people build supportive networks.")
    said = answer("What commitment did the strategy make about the offer to care leavers?", passage)
    assert said.startswith("We will revise and enhance the care leaver offer")


def test_a_sentence_that_goes_on_from_the_answer_is_read_out_with_it():
    passage = ("In December we held a consultation session on the draft Plan with forty partners. "
               "At this session, the Plan was largely agreed and feedback was positive. Other work continued.")
    said, _ = read_out("In December we held a consultation session on the draft Plan with forty partners.", passage)
    assert said.endswith("At this session, the Plan was largely agreed and feedback was positive.")
    assert "Other work" not in said
    # A sentence that does not refer back is left where it is.
    assert read_out("At this session, the Plan was largely agreed and feedback was positive.", passage) == (
        "At this session, the Plan was largely agreed and feedback was positive.", "")


def test_an_agenda_item_title_answers_but_a_report_heading_does_not():
    # The structure layer makes an agenda item's title the heading of the line under it.
    passages = [
        ("Harbour Board Agenda > Pilot of the Quay Hall Reading Scheme – Cllr Dana Fox", "A trial of six months in two branches."),
        ("Harbour Board Agenda > Review of the Mooring Fees – Cllr Cole Ives", "Approval of the minutes – Board Members"),
    ]
    hits = [replace(hit(text, n, title="Harbour Board Agenda"), section=section, document_type="agenda")
            for n, (section, text) in enumerate(passages, start=1)]
    turn = read_turn([{"role": "user", "content": "Who presented the pilot of the Quay Hall Reading Scheme?"}])
    texts = [h.text for h in hits]
    said, cited, _ = extractive_answer(turn, hits, lexicon(*texts, *(s for s, _ in passages)))
    assert said.startswith("Pilot of the Quay Hall Reading Scheme – Cllr Dana Fox") and cited[0].chunk_id == 1
    # It is read with the first sentence under it.
    assert said.startswith("Pilot of the Quay Hall Reading Scheme – Cllr Dana Fox A trial of six months in two branches. [1]")
    # The passage may stand under a sub-heading of the item: the item's title still answers.
    under = [replace(h, section=f"{h.section} > Comments") for h in hits]
    said, _, _ = extractive_answer(turn, under, lexicon(*texts, *(s for s, _ in passages)))
    assert said.startswith("Pilot of the Quay Hall Reading Scheme – Cllr Dana Fox")
    # A report's heading names a part of it; it is not read out as an answer.
    as_report = [replace(h, document_type="report") for h in hits]
    said, _, _ = extractive_answer(turn, as_report, lexicon(*texts, *(s for s, _ in passages)))
    assert "Dana Fox" not in said


def test_a_field_of_a_record_is_read_out_with_the_fields_after_it():
    # A case list laid out a field a line: the line naming the site is read with what is proposed there.
    passage = ("Case 7: Old Town Historic District\nHarbour School 12 Quay Street\nWindow Replacement\nWard 3: Okafor\n"
               "Project Representatives: A. Lund, Lund Builders; the school's bursar, who will attend.")
    said, _ = read_out("Harbour School 12 Quay Street", passage)
    assert said == "Harbour School 12 Quay Street Window Replacement Ward 3: Okafor"
    # So is a record's title line, however long.
    titled = "Case 8 - Proposed Demolition of a Single-Storey Store Building Seeking Final Approval\nProject Address: 9 Quay Street\nWard 3"
    said, _ = read_out("Case 8 - Proposed Demolition of a Single-Storey Store Building Seeking Final Approval", titled)
    assert said.endswith("Project Address: 9 Quay Street Ward 3")
    # A line of prose is no field: it is read out alone.
    prose = "The school asked to replace its windows.\nWindow Replacement\nWard 3: Okafor"
    assert read_out("The school asked to replace its windows.", prose) == ("The school asked to replace its windows.", "")


def test_a_motion_is_read_out_with_its_result():
    passage = "Commissioner Ali made a motion, seconded by Commissioner Lee, to postpone the election.\nRESULT: FAILED [2-4]"
    said, _ = read_out("Commissioner Ali made a motion, seconded by Commissioner Lee, to postpone the election.", passage)
    assert said.endswith("RESULT: FAILED [2-4]")


def test_an_outcome_is_read_out_with_who_voted_how():
    passage = "(B) Quay Hall lease. Moved by Ash to adopt. Motion Carried 5-1-1. Nays: Birch. Absent: Cole. (C) Harbour wall repairs."
    said, _ = read_out("Moved by Ash to adopt.", passage)
    assert said == "Moved by Ash to adopt. Motion Carried 5-1-1. Nays: Birch. Absent: Cole."
    said, _ = read_out("Motion Carried 5-1-1.", passage)
    assert said == "Motion Carried 5-1-1. Nays: Birch. Absent: Cole."


def test_a_list_is_read_on_into_the_next_passage_by_the_items_asked_about():
    words = lexicon("The Board agreed:", "merger with other groups", "integrated working", "shared officer")
    tail = ", as set out in the operating model that the partners have developed together over the last year"
    passage = f"The Board met in March.\nThe Board agreed:\n• it remains committed to further integrated working{tail}"
    more = (f"• that keeping the group as a legal entity was the priority, so it would not be proposing a merger with other groups{tail}\n"
            f"• to propose the appointment of a shared officer for strategic commissioning across the region{tail}\n"
            f"• to continue to work with partners in the city to agree arrangements to deliver system working{tail}\n"
            "Next steps\nThe board will meet again in June.")
    here, there = read_out("The Board agreed:", passage, ["merger", "groups"], words, more)
    assert here == "The Board agreed:"  # a long list: the item here is not about a merger
    assert there.startswith("• that keeping the group as a legal entity") and "shared officer" not in there and "June" not in there
    # Without the next passage, the list is what the passage holds.
    assert read_out("The Board agreed:", passage, ["merger"], words)[0].endswith("over the last year")


def test_misspellings_are_corrected_but_real_words_in_another_form_are_not():
    words = lexicon("check the water quality", "dentistry services in Portsmouth", "a campaign to launch")
    assert words.correct("campaing") == "campaign"
    assert words.correct("checking") is None  # the papers say "check"
    assert words.correct("dentist") is None  # not a slip of the keys for "dentistry"
    repaired, corrections, _ = words.repair("Is dentistry in Portsmuoth checking?")
    assert "Portsmouth" in repaired and corrections == {"portsmuoth": "portsmouth"}


def test_a_slip_of_the_keys_is_mended_by_the_fewest_edits_and_a_real_word_is_left_as_asked():
    words = lexicon("a wider road", "a wider path", "the wider area", "the lowest bidder", "the title of the report",
                    "a rowhouse on the corner", "the tender was awarded")
    assert words.correct("bider") == "bidder"  # one letter left out; "wider" is as near in edits but less alike
    assert words.correct("titel") == "title"  # two letters swapped: one slip, though a rare word list has it
    assert words.correct("tendre") == "tender"
    assert words.correct("townhouse") is None  # an English word the papers do not use is what was meant
    assert words.correct("rivers") is None  # likewise: not "wider" nor "rowhouse"
    assert words.correct("bbbbbb") is None  # nothing within an edit


def test_a_short_word_slipped_on_the_keys_is_mended_to_a_common_word_but_a_name_or_initials_are_not():
    words = lexicon("The board met at the usual time.", "Which items were after the break?", "Mr Dorr opened the door.",
                    "Some members of SOMB spoke.")
    repaired, corrections, _ = words.repair("Wich bord member spoke aftr the break, and at what tme?")
    assert repaired == "Which board member spoke after the break, and at what time?"
    assert corrections == {"wich": "which", "bord": "board", "aftr": "after", "tme": "time"}
    # Capitalised inside the question or in capitals, a short word the papers lack is a name or initials.
    assert words.repair("Did Mr Dorh speak for the SOMV?")[1] == {}
    assert words.correct("zxq") is None  # no common word within an edit


def test_a_place_named_by_the_paper_but_not_the_passage_still_counts_and_another_place_does_not():
    passage = "Some 412 households are waiting for an allotment, up from 300 last year."
    question = "How many households are waiting for an allotment in Portsmouth?"
    turn = read_turn([{"role": "user", "content": question}])
    hits, words = [hit(passage)], lexicon(passage)
    papers = {"d1": Paper(("Portsmouth City Council. Allotments review.\n" + passage,))}
    said, _, _ = extractive_answer(turn, hits, words, paper=papers.get)
    assert "412 households" in said
    papers["d1"] = Paper(("Southampton City Council. Allotments review.\n" + passage,))
    assert extractive_answer(turn, hits, words, paper=papers.get)[0] == ""
    assert extractive_answer(turn, hits, words)[0] == ""  # without the paper, the passage alone decides


def test_a_name_elsewhere_in_the_minutes_is_another_item_s():
    # Minutes name each item's subject in its heading: a vote under another item does not answer.
    from minutebook.search.chat.sentences import Candidate, answer_gate
    passage = "Members voted on the motion: For (30), Against (2). Motion carried."
    turn = read_turn([{"role": "user", "content": "How many members voted for the Quay Hall motion?"}])

    def allowed(document_type: str, paper_text: str) -> bool:
        passage_hit = Hit(chunk_id=1, text=passage, score=1.0, source="/papers/1.pdf", document_id="d1",
                          document_title="Harbour Council", page=3, document_type=document_type, section="7. Ferries")
        gate = answer_gate(turn, [passage_hit], lexicon(passage), False, paper={"d1": Paper((paper_text,))}.get)
        return gate(Candidate(passage, 0, 1.0))

    minutes = "Minutes of the Harbour Council\n6. Quay Hall\nThe hall lease was noted.\n7. Ferries\n" + passage
    assert not allowed("minutes", minutes)
    assert allowed("report", "Quay Hall motion: report to the Harbour Council\n" + passage)  # a report names it once
    # but what the minutes say before their first item names the meeting every item is of
    joint = "Minutes of a joint session with the Quay Hall Trust\n6. Ferries\n" + passage
    assert allowed("minutes", joint)


def test_the_findings_of_a_report_the_papers_only_promise_are_not_found(embedder):
    question = "What did the consultants' final report on the libraries review conclude?"
    promised = ("The libraries review began with a staff event in April. "
                "We will see a final report in October, with the consultants' findings on the review.")
    assert answer(question, promised, embedder=embedder) == ""
    delivered = promised + " The final report concluded that two branches should share one building."
    assert "two branches should share one building" in answer(question, delivered, embedder=embedder)


def test_what_happened_to_a_motion_is_answered_with_its_result():
    passage = ("Staff recommended holding the election of officers in July, as the rules of order provide.\n"
               "Commissioner Ali made a motion, seconded by Commissioner Lee, to postpone the election of officers.\n"
               "RESULT: FAILED [2-4] MOTION BY: Ali SECOND: Lee AYES: Ali, Lee NAYS: Cole, Diaz, Park, Roy")
    said = answer("What happened to the motion to postpone the election of officers?", passage)
    assert "RESULT: FAILED [2-4]" in said


def test_a_contents_line_is_not_an_answer():
    passage = ("Chapter 5: Our recommendations page 41 Chapter 6: First steps page 44\n"
               "Our first recommendation is that every ward has a community health champion.")
    said = answer("What is the first recommendation of the report?", passage)
    assert said.startswith("Our first recommendation is that every ward has a community health champion")


def test_an_agenda_contents_line_giving_pages_is_not_an_answer():
    said = answer("How many flu cases had Quayford recorded?", "6 Flu cases recorded in Quayford (Pages 17 - 22)",
                  "Quayford had recorded 212 flu cases by the winter.")
    assert said == "Quayford had recorded 212 flu cases by the winter. [1]"


def test_two_questions_in_one_are_split_and_anything_else_is_not():
    assert question_parts("What was recommended after the review, and what did the trusts do?") == [
        "What was recommended after the review?", "what did the trusts do?"]
    assert question_parts("What did the board decide about parks and gardens?") == [
        "What did the board decide about parks and gardens?"]
    # A second part of a word or two asks for a time, a cause, a person ... of the first part's subject.
    assert question_parts("What did the harbour master promise to bring back, and when?") == [
        "What did the harbour master promise to bring back?", "when?"]
    assert question_parts("How much must the school hold, and by what date?") == [
        "How much must the school hold?", "by what date?"]
    assert question_parts("Has the strategy been approved, and by which bodies?") == [
        "Has the strategy been approved, and by which bodies?"]
    assert question_parts("What did the board decide, and so?") == ["What did the board decide, and so?"]


def test_answers_to_two_questions_are_joined_with_each_passage_numbered_once():
    first, second = Citation(1, "a", 7, "s", "d", "t"), Citation(1, "b", 9, "s", "d", "t")
    text, citations = join_answers([("A?", "One. [1]", [first]), ("B?", "Two. [1]", [second]), ("C?", "Three. [1]", [first])])
    assert text == "One. [1] Two. [2] Three. [1]"
    assert [(c.n, c.chunk_id) for c in citations] == [(1, 7), (2, 9)]
    # A part the papers do not answer is said to be not found, beside the part they do.
    text, _ = join_answers([("What gifts was he given?", "The gifts were declared. [1]", [first]),
                            ("What were they worth?", "", [])])
    assert text == "The gifts were declared. [1] Not found in the papers: what were they worth?"
    assert join_answers([("A?", "", []), ("B?", "", [])]) == ("", [])


def _chat_over(tmp_path, embedder, paper: str, question: str):
    """The chat reply to ``question`` over an index of the one paper ``paper``."""
    from minutebook.search.storage.build import build_index
    from minutebook.search.service import Minutebook
    from minutebook.settings import load_settings

    (tmp_path / "papers").mkdir()
    (tmp_path / "papers" / "paper.txt").write_text(paper)
    settings = load_settings(index_dir=tmp_path / "index")
    build_index([tmp_path / "papers"], settings, embedder, progress=False)
    return Minutebook(settings, embedder).chat([{"role": "user", "content": question}])


REVIEW_PAPER = """Safeguarding Annual Report

Learning from the review of Child K

Child K was known to several services before the incident. The review recommended that both hospital
trusts revise their procedures for children who miss medical appointments.

What we have done as a result

The city hospital trust introduced a missed appointments policy and trained all ward staff in it.
The community trust now telephones every family whose child misses two appointments.
"""


def test_a_two_part_question_is_answered_part_by_part(tmp_path, embedder):
    reply = _chat_over(tmp_path, embedder, REVIEW_PAPER,
                       "What did the review of Child K recommend, and what did the trusts do?")
    assert reply.found
    assert "revise their procedures" in reply.answer
    assert "missed appointments policy" in reply.answer or "telephones every family" in reply.answer


QUAY_WALL_MINUTES = """Harbourside Town Council
Minutes of the meeting held on 4 March 2025

7. Quay Wall Repairs
The harbour master reported that the survey of the quay wall had found loose stones along its north side.
{promise}
Members thanked the survey team for their work in difficult weather over the winter.
"""


@pytest.mark.parametrize("promise, when", [
    ("She promised a costed repair plan. The repair plan is to come back to the Council in June 2025.", "June 2025"),
    ("She promised a costed repair plan for the Council in June 2025.", "June 2025"),
])
def test_a_question_ending_and_when_is_asked_of_its_first_part(tmp_path, embedder, promise, when):
    reply = _chat_over(tmp_path, embedder, QUAY_WALL_MINUTES.format(promise=promise),
                       "What did the harbour master promise about the quay wall, and when?")
    assert reply.found and "repair plan" in reply.answer and when in reply.answer
    assert "Not found" not in reply.answer  # a time the first part's answer gave is not asked for again


MARKET_HALL_MINUTES = """Harbourside Town Council
Minutes of the meeting held on 4 March 2025

12. Market Hall Cleaning
The Council considered the tenders received for cleaning the market hall over the next three years.
RESOLVED that the agreement with Quayford Cleaning Ltd for cleaning the market hall{price} be approved.
"""


@pytest.mark.parametrize("price, answered", [("", False), (", at £48,000 a year,", True)])
def test_a_decision_answers_how_much_only_with_an_amount(tmp_path, embedder, price, answered):
    reply = _chat_over(tmp_path, embedder, MARKET_HALL_MINUTES.format(price=price),
                       "What is the value of the agreement with Quayford Cleaning for the market hall?")
    assert reply.found is answered
    if answered:
        assert "£48,000" in reply.answer


def test_a_tracked_commitment_is_answered_with_its_owner_status_and_latest_update():
    from minutebook.search.chat.answerers.decision import decision_answer

    update = "A planning specialist was appointed in July 2022. " + "She has since advised on forty applications. " * 10
    row = {"kind": "commitment", "text": "Work with city planners so that health is reflected in policy.", "items": [],
           "reference": "3.4", "title": "Healthy places", "outcome": None,
           "details": {"owner": "Public Health", "status": "Green", "update": update},
           "citation": {"body": None, "meeting_date": None, "document_title": "Strategy progress update"}}
    passage = hit("Work with city planners so that health is reflected in policy. " + update)
    text, citations = decision_answer(row, ["planners"], lexicon(passage.text), lambda _: passage)
    assert "Owner: Public Health. Status: Green." in text
    assert "Latest update: A planning specialist was appointed in July 2022." in text and text.endswith("[1]")
    assert len(text) < 600 and [c.n for c in citations] == [1]  # the update is cut at a sentence, one passage


def test_a_decision_that_names_its_subject_by_reference_is_read_with_the_discussion_it_concludes():
    question = "Did the trust board agree to pursue the Riverside Heritage Lottery bid?"
    discussion = ("The Development Manager described the Riverside Heritage Lottery bid for the old mill. "
                  "Up to £90k could be awarded over two years. "
                  "The Board agreed to submit the bid.")
    unrelated = ("The Development Manager described the staff survey results for the spring. "
                 "Response rates rose across every team. "
                 "The Board agreed to submit the bid.")
    turn = read_turn([{"role": "user", "content": question}])
    lex = lexicon(discussion, unrelated)
    text, cited, support = extractive_answer(turn, [hit(discussion)], lex, decided=True)
    _, _, support_alone = extractive_answer(turn, [hit(unrelated)], lex, decided=True)
    # Only the decision may answer a question about what was decided; it is read with the sentence
    # that names what it decided, marked as not adjacent, and the discussion counts as its subject.
    assert text == ("The Development Manager described the Riverside Heritage Lottery bid for the old mill. … "
                    "The Board agreed to submit the bid. [1]")
    assert support > support_alone + 0.3


def test_a_name_spelt_by_its_sound_names_a_distinctive_word_but_never_a_common_one():

    passage = "The Is This Love? campaign ran in schools. We have 62 sessions booked and have more to come."
    lex = lexicon(passage)  # "have" is in every background passage too: common; "love" is not
    words = words_of(passage)
    assert names_present(question_names("How many sessions did the Is This Luv campaign deliver?"), words, lex)
    assert not names_present(question_names("How many sessions did Hove deliver?"), words, lex)
    assert not names_present(question_names("How many sessions did the Is This Leaf campaign deliver?"), words, lex)


def test_a_name_joined_by_an_ampersand_is_named_as_the_question_writes_it():
    passage = "Approve a five-year extension of the licence with B&Q for the depot roof."
    lex = lexicon(passage)
    assert names_present(question_names("What rent will B&Q pay for the depot roof?"), words_of(passage), lex)
    assert not names_present(question_names("What rent will P&O pay for the depot roof?"), words_of(passage), lex)


def test_a_long_name_is_not_named_without_its_rarest_word():
    # Another council's paper says "Borough Council": more than half of "Wexford Borough Council" by
    # weight, but not the word that tells which council.
    other = "The Borough Council approved the budget."
    own = "Wexford Borough Council was awarded the grant."
    lex = lexicon(other, own, "The council agreed.")
    asked = question_names("How much was Wexford Borough Council awarded?")
    assert not names_present(asked, words_of(other), lex)
    assert names_present(asked, words_of(own), lex)


def test_an_ordinal_inside_a_name_is_one_of_its_words():
    assert question_names("What did the council decide about Dana Fox's East 9th Street garage?") == [["dana", "fox"], ["east", "9th", "street"]]
    passage = "41. On the request from Dana Fox to turn the garage at 406 E. 9th St into a workshop."
    lex = lexicon(passage, *["Resurfacing of the east end of the High Street."] * 20)  # "east", "street": common words
    assert names_present(question_names("What did the council decide about Dana Fox's East 9th Street garage?"), words_of(passage), lex)
    assert not names_present(question_names("What did the council decide about Dana Fox's East 14th Street garage?"), words_of(passage), lex)


def test_a_long_name_is_named_by_its_distinctive_words_not_its_common_ones():
    passage = "Radio licences for the library network; the board reviewed internet costs."
    lex = lexicon(passage, *["The board met. The county network was reviewed."] * 20)
    assert not names_present(question_names("What did the Harbourside County Emergency Radio Network Board adopt?"), words_of(passage), lex)
    named = "The Harbourside Emergency Radio board adopted its budget."
    assert names_present(question_names("What did the Harbourside County Emergency Radio Network Board adopt?"), words_of(named), lex)


def test_a_name_asked_by_its_initials_is_named_by_the_name_in_full():
    passage = "A lease with the Harbour Safety Organisation, Inc. for a lounge at Quay Hall Airport."
    lex = lexicon(passage)
    assert names_present(question_names("Which lease gave the HSO a lounge at Quay Hall?"), words_of(passage), lex)
    assert not names_present(question_names("Which lease gave the RNLI a lounge at Quay Hall?"), words_of(passage), lex)
    # And the other way: a name asked in full is named by its initials in the paper.
    short = "The HESB will meet by conference call at Quay Hall."
    asked = question_names("When does the Harbourside Emergency Services Board meet at Quay Hall?")
    assert names_present(asked, words_of(short), lexicon(short))
    assert not names_present(question_names("When does the Harbourside Emergency Planning Board meet at Quay Hall?"),
                             words_of(short), lexicon(short))


def test_a_paper_giving_a_name_by_its_initials_holds_its_words_for_the_question():
    # The schedule says "HESB" only; the question asks by the name in full, which is most of its subject.
    schedule = "HESB Board special session: Monday, 5 August 2019, by conference call."
    question = "How was the Harbourside Emergency Services Board special session in August 2019 held?"
    assert "conference call" in answer(question, schedule)
    assert spelt_out(schedule, question_names(question)) == "harbourside emergency services board"
    assert spelt_out(schedule, question_names("How was the Harbourside Emergency Planning Board meeting held?")) == ""


def test_every_sentence_is_weighed_by_the_meaning_the_index_keeps_for_it():
    from minutebook.search.chat.sentences import ranked_sentences

    passage = "The library roof was repaired. Footfall rose by a fifth after Sunday opening. Staff were thanked."
    turn = read_turn([{"role": "user", "content": "How many more people came to the library?"}])
    stored = {0: [0.20, 0.71, 0.05]}  # one cosine per sentence, in sentence_spans order
    ranked = ranked_sentences(turn, [hit(passage)], lexicon(passage), stored=stored)
    assert {c.sentence: c.meaning for c in ranked} == {
        "The library roof was repaired.": 0.20, "Footfall rose by a fifth after Sunday opening.": 0.71, "Staff were thanked.": 0.05,
    }
    assert ranked[0].sentence.startswith("Footfall")  # the words favour the roof; the meaning decides


def test_a_reference_to_a_source_does_not_answer():
    stated = "Over 400 residents have died after testing positive for COVID-19 in the local area."
    references = ("Office for National Statistics (2020). Deaths involving COVID-19 by local area and deprivation: 1 March to 17 April.\n"
                  "Public Health England. Health matters: air pollution, https://www.gov.uk/health-matters")
    # The reference list repeats the question's words; only the sentence stating the number answers.
    said = answer("How many deaths involving COVID-19 were there in the local area?", references, stated)
    assert said == f"{stated} [1]"


def test_a_sentence_beside_a_web_address_on_a_page_read_as_one_line_may_answer():
    # A page whose text layer runs its lines together: the address ends one sentence, and the next,
    # though it goes on to a second address, says what the question asks.
    page = ("1. To watch the meeting only: live streaming via the city's website at https://www.example.gov/planning. "
            "2. If you plan to speak during the meeting, join via Zoom at 2:45 p.m. to be put on the speakers list. "
            "a.Join via Direct URL https://example.zoom.us/j/875 Meeting ID: 875 7398.")
    said = answer("What time must speakers join the Zoom call to be put on the speakers list?", page)
    assert "2:45 p.m." in said


def test_an_index_built_before_sentence_vectors_were_kept_has_none_to_give():
    import sqlite3

    from minutebook.search.storage.store import sentence_vectors

    # Chat then embeds the likeliest sentences at question time (ranked_sentences' similarity).
    assert sentence_vectors(sqlite3.connect(":memory:"), [1, 2], 384) == {}


def test_sentence_vectors_are_kept_as_int8_and_read_back_as_an_earlier_index_kept_them():
    import sqlite3

    import numpy as np

    from minutebook.search.storage.store import SCHEMA, insert_sentence_vectors, sentence_vectors

    rng = np.random.default_rng(3)
    passage = rng.normal(size=(7, 384)).astype(np.float32)
    passage /= np.linalg.norm(passage, axis=1, keepdims=True)
    question = passage[2] + 0.3 * rng.normal(size=384).astype(np.float32)
    question /= np.linalg.norm(question)
    store = sqlite3.connect(":memory:")
    store.executescript(SCHEMA)
    insert_sentence_vectors(store, [(1, passage)])
    [(chunk, kept)] = sentence_vectors(store, [1], 384).items()
    assert chunk == 1 and kept.shape == (7, 384)
    assert np.abs(kept @ question - passage @ question).max() < 0.002  # the cosines chat weighs, to 0.002
    assert store.execute("SELECT length(vectors), length(scales) FROM sentence_vectors").fetchone() == (7 * 384, 7 * 4)
    # An index built before: float16 and no scales column.
    earlier = sqlite3.connect(":memory:")
    earlier.execute("CREATE TABLE sentence_vectors (chunk_id INTEGER PRIMARY KEY, vectors BLOB NOT NULL)")
    earlier.execute("INSERT INTO sentence_vectors VALUES (1, ?)", [passage.astype(np.float16).tobytes()])
    assert np.abs(sentence_vectors(earlier, [1], 384)[1] - passage).max() < 0.001


@pytest.mark.parametrize("question, asked", [
    ("What is the first recommendation of the annual report?", ("recommendation", 1, False)),
    ("what was the 3rd resolution?", ("resolution", 3, False)),
    ("And the last action?", ("action", -1, False)),
    ("What does recommendation 12 say?", ("recommendation", 12, True)),
    ("What did recommendation no. 4 ask for?", ("recommendation", 4, True)),
    ("What did the board resolve on 24/00093?", None),
    ("What was recommended about the first homes scheme?", None),
])
def test_a_decision_asked_for_by_its_place(question, asked):
    nth = nth_asked(question)
    assert (nth and (nth.kind, nth.place, nth.by_number)) == asked


def test_a_question_or_a_header_block_in_a_passage_never_answers():
    asked = ("Can the Cabinet Member tell me how many Sheppey residents moved into a care home on the Island? "
             "Of the 57 Sheppey residents who moved into a care home, 37 remained on the Island.")
    said = answer("How many Sheppey residents who moved into a care home stayed on the Island?", asked)
    assert said.startswith("Of the 57 Sheppey residents") and "tell me" not in said
    header = ("Title of meeting: Health Board Subject: Outbreak Engagement Board Date of meeting: 23 September 2020 "
              "Report by: Director of Public Health Wards affected: All\n"
              "5.1 The Outbreak Engagement Board will continue to meet on a monthly basis.")
    said = answer("How often will the Outbreak Engagement Board meet?", header)
    assert said.startswith("5.1 The Outbreak Engagement Board will continue to meet on a monthly basis") and "Title" not in said


def test_how_often_is_answered_by_a_frequency():
    assert read_turn([{"role": "user", "content": "How often does the panel meet?"}]).asks == "frequency"
    assert answers("The panel meets every six weeks.", "How often does the panel meet?")
    assert answers("It meets three times a year.", "How often does the panel meet?")
    assert not answers("The panel meets at the Civic Centre.", "How often does the panel meet?")


def test_an_amount_of_money_needs_a_currency_or_its_name():
    passage = ("The new centre will have a 25m swimming pool and a learner pool. "
               "The centre is expected to cost £14.5m, funded by borrowing.")
    assert answer("What is the estimated construction cost of the new centre?", passage).startswith("The centre is expected to cost £14.5m")
    assert answer("What is the estimated construction cost of the new pool?", "The new centre will have a 25m swimming pool.") == ""


def test_a_question_of_revenue_fees_bids_or_payments_asks_for_money():
    refurbishment = "Overall time scale for refurbishment 18 - 24 months, with the zip wire installed first."
    for question in ("How much did the council end up paying for the zip wire?",
                     "How much revenue did the golf course bring in during 2021-2022?",
                     "What was the winning bid amount for the bridge rehabilitation?",
                     "How much does the council charge for a sign permit?",
                     "How much money went to the zip wire?",
                     "How much is the annual rent for the zip wire site?",
                     "What total amount did the zip wire and bridge works come to?",
                     "What total dollar amount of invoices was approved?",
                     "What settlement amount did the council approve for the bridge claim?",
                     "What total spending does the 2021-2022 budget show?"):
        assert not answers(refurbishment, question), question
        assert answers("The zip wire, the bridge works and the permits came to $12,500 in 2021-2022.", question), question
    assert answers("Some 4 acres of land were sold.", "How much land was sold?")  # not every how-much is money
    assert answers("Each speaker has 3 minutes.", "What amount of time does each speaker have?")


def test_dates_times_and_parts_of_a_paper_are_not_counts():
    question = "How many responses did the consultation receive?"
    for sentence in ("The consultation ran from 16th January to 12th March.", "The meeting opened at 7:00 p.m.",
                     "This option responds to the consultation feedback (see Section 5).", "The 3rd floor was consulted on."):
        assert not answers(sentence, question), sentence
    assert not answers("Minutes of 2016-12-15 and of 15/12/16, financial year 2017/18, v1, number 31542R", question)
    assert answers("The consultation received 1,204 responses by 12 March.", question)
    assert not answers("The draft goes out for consultation from 1 st April.", question)  # a raised "st" read apart
    for sentence in ("Regulations 3 to 9 set out what the consultation must cover.", "Reg 8 requires the consultation.",
                     "People with type 2 diabetes were asked in the consultation.",
                     "'We will hear every voice in the consultation'* 18", "The consultation was well received.6"):
        assert not answers(sentence, question), sentence  # a regulation, a type, a note's marker
    assert answers("The clerk received approx.60 responses to the consultation.", question)  # a space lost


def test_a_measure_of_something_else_is_no_count_of_the_thing_asked():
    question = "How many people responded to the Quay Hall consultation?"
    for sentence in ("The consultation ran for 6 weeks and is now closed.", "Turnout rose by 30% on last year.",
                     "The consultation cost £12,500 to run.", "Responses must reach the clerk within 28 days."):
        assert not answers(sentence, question), sentence
    assert answers("The consultation received 412 responses.", question)
    assert answers("Some 60 people a day visited the exhibition.", question)
    assert answers("The consultation ran for 6 weeks.", "How many weeks did the Quay Hall consultation run?")  # the unit asked
    # An amount answers when the question asks one beside the count.
    both = "How many wardens will the harbour fund pay for, and how much is it worth each year?"
    assert answers("The fund, worth about £1000 per annum, will be shared by the wardens' group.", both)


def test_a_fragment_answers_only_when_it_names_the_subject_itself():
    table = hit("Total £2,087,728 £3,169,171", 1, title="Love Campaign Spending")
    turn = read_turn([{"role": "user", "content": "How much did the love campaign cost?"}])
    words = lexicon("Total £2,087,728 £3,169,171", "love campaign spending")
    assert extractive_answer(turn, [table], words)[0] == ""  # the campaign is named only by the title
    named = hit("Love campaign: £2,087,728", 2, title="Love Campaign Spending")
    assert extractive_answer(turn, [named], words)[0].startswith("Love campaign: £2,087,728")


def test_a_record_named_by_its_number_is_answered_only_from_that_record():
    passage = ("D. RESOLUTION (2019-40) Enter into a contract with the hospital for health insurance cover at a rate of $7.10. "
               "H. RESOLUTION (2019- 44) Renew the contract with Lincoln National for life insurance cover at a rate of $5.92.")
    said = answer("What does resolution 2019-44 cover, and at what rate?", passage)
    assert "Lincoln National" in said and "5.92" in said and "2019-40" not in said
    assert answer("What does resolution 2019-47 cover, and at what rate?", passage) == ""
    # The sentence going on from the one naming the record answers for it.
    passage = ("E. RESOLUTION (2019- 41) Contract with the school district for school health services. "
               "Amount to be received from the school district is not to exceed $142,000.00.")
    said = answer("Under resolution 2019-41, how much will the board receive from the school district for school health services?",
                  passage)
    assert "$142,000.00" in said
    # Papers dash a number as they like ("2019 – 45"); the question's "2019-45" names it all the same.
    passage = "J. RESOLUTION (2019 – 45) Renew the lease of the harbour office at a rate of $3.10."
    assert "3.10" in answer("What does resolution 2019-45 renew, and at what rate?", passage)


@pytest.mark.parametrize("question, asks", [
    ("When the council links people up with local groups, what proportion feel less isolated?", "quantity"),
    ("If the plan fails, who pays for the repairs?", "who"),
    ("When did the board approve the plan?", "when"),
    ("By what time was the meeting expected to end?", "when"),
])
def test_what_is_asked_is_read_past_a_scene_setting_clause(question, asks):
    assert read_turn([{"role": "user", "content": question}]).asks == asks


def test_the_date_a_question_names_is_no_answer_however_it_is_written():
    question = "On what date was the harbour board's cancelled 21 November 2022 meeting held instead?"
    assert not answers("The meeting of Monday, November 21st, 2022, has been cancelled.", question)
    assert answers("The meeting of November 21st has been moved to 5 December.", question)


def test_a_time_of_day_answers_when():
    assert answers("The meeting will close by 9 pm.", "By what time was the meeting expected to end?")
    assert not answers("The meeting is in the Council Chamber.", "By what time was the meeting expected to end?")


def test_an_agenda_item_asking_its_body_to_act_is_a_recommendation():
    from minutebook.search.chat.kinds import of_the_kind
    asked = Asked(asks="other", kind="recommendation")
    assert of_the_kind("10. To approve the harbour accounts for payment", asked) == 1.0
    assert of_the_kind("Adopt Ordinance No. 12, joining the Quayford library consortium", asked) == 1.0
    assert of_the_kind("The library joined the consortium in 2019.", asked) == 0.0


def test_what_was_to_be_done_next_is_answered_by_a_task_set_down():
    from minutebook.search.chat.kinds import of_the_kind
    asked = Asked.read(read_turn([{"role": "user", "content": "What was the harbour working group supposed to do next?"}]))
    assert asked.ahead and asked.kind is None
    assert of_the_kind("The group should write to the harbour master before the summer.", asked) == 1.0
    assert of_the_kind("Quotes to be obtained for the slipway.", asked) == 1.0
    assert of_the_kind("The harbour master will bring the revised timetable back to the Board in June.", asked) == 1.0
    assert of_the_kind("Members of the working group presented their report on the consultation.", asked) == 0.0
    told = Asked.read(read_turn([{"role": "user", "content": "By which meeting were officers told to have the ferry timetable ready?"}]))
    assert told.ahead
    assert not Asked.read(read_turn([{"role": "user", "content": "What did the working group report?"}])).ahead


def test_a_where_answer_names_a_place():
    from minutebook.search.chat.kinds import of_the_kind
    where = Asked(asks="where")
    assert of_the_kind("Location/Address: Quayford Fieldhouse, 337 Harbour St", where) == 1.0
    assert of_the_kind("The board meets in the Quay Hall Council Chamber.", where) == 1.0
    assert of_the_kind("The board will take public comment before each item.", where) == 0.0


def test_how_long_is_answered_by_a_span_not_by_any_number():
    question = "How long an extension is the applicant seeking for Parcel Map No. 4120?"
    assert answers("The applicant is requesting an extension of 12 months to the tentative map.", question)
    assert answers("Speakers will be limited to three (3) minutes.", "How long may each speaker talk?")
    assert answers("The closure would last at least until the end of June.", "How long will the quay stay closed?")
    assert not answers("Re: Tentative Parcel Map #2001-189 (Parcel Map No. 4120) 1590-1598 Quay Street", question)
    assert not answers("The fee rose by five per cent.", "How long will the quay stay closed?")


def test_on_what_date_is_answered_by_a_day_not_a_month():
    question = "On what date will the Quayford harbour lights be switched on?"
    assert answers("The harbour lights will be switched on on 28 November.", question)
    assert answers("Switch-on is set for 11/28/25 at the quay.", question)
    assert not answers("The quay lamps are to be tested early (in October) ahead of the switch-on.", question)
    assert answers("The quay lamps are to be tested early (in October) ahead of the switch-on.", "When are the quay lamps tested?")


def test_a_time_told_from_another_answers_when():
    question = "When will the Quay Hall fence come back to the board?"
    assert answers("(3) Direct staff to report on the fence to the board one year after the hall reopens.", question)
    assert answers("Officers will bring the fence survey back within six months.", question)
    assert answers("A report on the fence will follow in the coming weeks.", question)
    assert not answers("Officers will bring the fence survey back to the board.", question)


def test_a_count_of_votes_is_answered_by_a_vote():
    question = "How many members voted for the budget?"
    assert not answers("In 2018 the district spent $6,927 of its $270,143 budget.", question)
    assert answers("The budget was approved with 6 votes in favour and 2 against.", question)
    # "against" in a name is no vote: "violence against women" asks for money, not a tally.
    assert answers("The city secured £550,000 for work on violence against women.",
                   "How much funding did the city secure for violence against women?")


def test_a_hyphenated_name_is_named_by_its_capitalised_part():
    assert question_names("Which of the Margate-area hub sites does Kent rent?") == [["margate"], ["kent"]]


def test_a_decision_reported_as_taken_records_a_decision():
    from minutebook.ingest.resolutions import records_a_decision
    assert records_a_decision("The decision was taken in October 2020 to close the pool and re-purpose the building.")
    assert not records_a_decision("A decision on the pool is expected in October.")


def test_a_decision_introducing_a_list_is_weighed_with_what_it_introduces():
    passage = ("The Council agreed to call on the Cabinet Members to:\n"
               "a) write again to the government urging action to close the loopholes on disposable vapes\n"
               "b) promote the recycling of disposable vapes")
    turn = read_turn([{"role": "user", "content": "What did the council resolve to do about disposable vapes?"}])
    said, _, support = extractive_answer(turn, [hit(passage)], lexicon(passage), decided=True)
    assert said.startswith("The Council agreed to call on the Cabinet Members to: a) write again") and support >= 1.0


def test_a_decision_is_chosen_from_the_body_the_question_names_and_may_be_named_by_its_paper():
    from minutebook.search.chat.answerers.decision import choose_decision

    def row(text, body, source, title="Minutes"):
        return {"kind": "resolution", "text": text, "title": None, "items": [], "citation": {
            "document_id": source, "document_title": title, "body": body, "source": source, "meeting_date": None}}

    call_in = row("That implementation of the family hubs decision be postponed pending review.", "Scrutiny Committee", "kent/scrutiny.pdf")
    contracts = row("That the family hubs contracts end and the service is run in house.", "Cabinet", "kent/cabinet.pdf")
    words = lexicon(call_in["text"], contracts["text"], "kent scrutiny committee cabinet")
    question = "What did the Scrutiny Committee agree about the family hubs?"
    assert choose_decision([contracts, call_in], question, ["family", "hubs"], words) is call_in
    question = "What did the Cabinet agree about the family hubs?"
    assert choose_decision([call_in, contracts], question, ["family", "hubs"], words) is contracts
    # "Kent" is named by the paper's source, not the resolution's text.
    question = "What did Kent's Cabinet agree about the family hubs contracts?"
    assert choose_decision([contracts], question, ["family", "hubs", "contracts"], words) is contracts
    assert choose_decision([call_in], "What did the Cabinet agree about the family hubs?", ["family", "hubs"], words) is None


def test_who_holds_an_office_is_answered_beside_the_office():
    for question in ("Who chaired the Quayford Harbour Board in 2020?", "Who was chosen as the new mayor of Quayford?",
                     "Who was president of the Quayford Harbour Board?"):
        assert not answers("Cllr Dana Fox, GIS Manager; Cllr Sam Ash, CAD Administrator", question), question
    assert answers("Members: Cllr Sam Ash, Cllr Dana Fox (Chair)", "Who chaired the Quayford Harbour Board in 2020?")
    assert answers("Councillor Dana Fox was elected Mayor for the coming year.", "Who was chosen as the new mayor of Quayford?")
    assert answers("Cllr Dana Fox, Board President, opened the meeting.", "Who was president of the Quayford Harbour Board?")
    # an office the question only mentions is not what it asks about
    assert answers("Cllr Sam Ash presented the report as Cllr Lee Birch was away.", "Who gave the Treasurer's report?")


def test_a_who_answer_names_someone_the_question_does_not():
    # Of 2,480 passages, everyday words are in many, a name in few; a role may be in few too ("vice", "chair").
    common = "the meeting was held at government center city council chamber select new using nomination process none"
    words = Lexicon({**{w: 150 for w in common.split()}, "chair": 48, "vice": 6, "patrick": 2, "heisinger": 1, "jenkins": 3}, {}, 2480)
    question = "Who gave the East Palo Alto Planning Commission the presentation on stipends?"
    assert not names_someone("The meeting was held at the Government Center, City Council Chamber, East Palo Alto.", question, words)
    assert not names_someone("Select a new Chair/Vice Chair using the nomination process.", question, words)
    assert names_someone("Patrick Heisinger made a presentation.", question, words)
    assert names_someone("Supt Jenkins volunteered to be the sponsor.", question, words)
    assert names_someone("This theme will be led by the Portsmouth District Police Commander.", question, words)
    # A post before a surname names the person; a post before a common word does not.
    assert names_someone("Director Jenkins will review the harbour fees.", question, words)
    assert not names_someone("Chair Select a new member.", question, words)
    # Minutes name members by surname where a motion or a vote does: "Moved by Jenkins", "Nays: Jenkins".
    assert names_someone("Moved by Jenkins to adopt. Motion Carried 5-1.", question, words)
    assert names_someone("Nays: Jenkins.", question, words)
    assert not names_someone("Nays: None.", question, words)  # a common word after the label is no name
    # Minutes name members by their initials where they act; a common word in capitals is no one.
    assert names_someone("DF presented the report as SA was away.", question, words)
    assert not names_someone("THE report was presented.", question, Lexicon({**words.df, "the": 2400}, {}, 2480))
    # A name may open with an initial or give its surname in capitals.
    assert names_someone("Presented by J. Heisinger.", question, words)
    assert names_someone("Patrick HEISINGER made a presentation.", question, words)
    # An address names a street and a town: "Dr" after a street's name is its drive, and no doctor.
    assert not names_someone("Meeting Date Friday, February 28, 2020 1311 S. Harbourview Dr Quayton, IL 60153", question, words)
    assert names_someone("Presented by Patrick Heisinger, 12 Quay Road, Harbourside, CA 90210.", question, words)
    assert not names_someone("The Council Chamber was held.", question, words)


def test_a_period_the_passage_names_lets_any_of_its_sentences_answer():
    passage = ("In July 2020, the National Panel published its review of sudden infant deaths. "
               "It recommends that professionals tailor their safe sleeping advice to each family.")
    turn = read_turn([{"role": "user", "content": "What did the National Panel's July 2020 review recommend about safe sleeping advice?"}])
    context = {"date_from": "2020-07-01", "date_to": "2020-07-31"}
    said, _, _ = extractive_answer(turn, [hit(passage)], lexicon(passage), context=context)
    assert "It recommends that professionals tailor their safe sleeping advice" in said
    # A passage that never names the period does not answer for it.
    other = "It recommends that professionals tailor their safe sleeping advice to each family."
    assert extractive_answer(turn, [hit(other)], lexicon(other), context=context)[0] == ""
    # Unless its paper does: an agenda pack holds the minutes of the month before once, at their head.
    undated = "The National Panel's review recommends that professionals tailor their safe sleeping advice to each family."
    assert extractive_answer(turn, [hit(undated)], lexicon(undated), context=context)[0] == ""
    pack = {"d1": Paper((undated, "Minutes of the meeting held on 14 July 2020"))}
    assert "tailor their safe sleeping advice" in extractive_answer(turn, [hit(undated)], lexicon(undated), context=context, paper=pack.get)[0]
    pack = {"d1": Paper((undated, "Held on 14 September 2020; the accounts for August 2020"))}
    assert extractive_answer(turn, [hit(undated)], lexicon(undated), context=context, paper=pack.get)[0] == ""


def test_a_question_without_its_scene_keeps_what_it_asks_about():
    asked = "What is proposed at 216 14th Street that came before the Manhattan Beach Planning Commission in November 2022?"
    about = without_scene(asked, "City of Manhattan Beach Planning Commission")
    assert "216 14th Street" in about and "proposed" in about
    assert not any(word in about for word in ("Manhattan", "Beach", "Planning", "November", "2022"))
    # A name the papers found do not give is what the question asks about, and stays.
    assert "Manhattan Beach" in without_scene(asked, "Gardena Planning Commission")
    # A question that is all scene is read whole.
    assert without_scene("Manhattan Beach Planning Commission, 9 November 2022?", "Manhattan Beach Planning Commission") == (
        "Manhattan Beach Planning Commission, 9 November 2022?")


def test_a_month_shortened_is_not_a_name():
    assert question_names("How big a loan did Des Moines propose at the meeting of 18 Oct 2021, or in Sept?") == [["des", "moines"]]


def test_a_passage_read_out_twice_is_cited_once():
    first = hit("On a merger with other groups the Board agreed:\n• to keep the group as a legal entity", 1)
    second = hit("• that a merger with other groups would not be proposed this year\n"
                 "The Board noted that a merger with other groups had been discussed with the Board in March.", 2)
    turn = read_turn([{"role": "user", "content": "What did the Board agree about a merger with other groups?"}])
    text, cited, _ = extractive_answer(turn, [first, second], lexicon(first.text, second.text),
                                       max_sentences=3, next_passage=lambda h: second if h is first else None)
    assert "On a merger with other groups the Board agreed:" in text and "would not be proposed this year" in text
    assert "had been discussed with the Board in March" in text
    assert sorted(c.chunk_id for c in cited) == [1, 2]  # the second passage once, whether chosen or read on into


def test_page_furniture_answers_only_a_question_of_where_or_how_to_reach():
    from minutebook.ingest.noise import is_furniture

    assert is_furniture("Cupertino Union School District 1309 S. Mary Avenue Sunnyvale, CA 94087")
    assert is_furniture("Civic Offices, Guildhall Square, Portsmouth PO1 2AL") and is_furniture("Tel: 023 9283 4000")
    assert is_furniture("_____________________ Jodee Schwinn, Deputy City Clerk")
    assert not is_furniture("Members of the public may email comments to the clerk by noon.")
    passage = ("Cupertino Union School District 1309 S. Mary Avenue Sunnyvale, CA 94087\n"
               "The board reported out of closed session that the superintendent's contract was extended by one year.")
    said = answer("What did the Cupertino Union School District board report out of closed session?", passage)
    assert "contract was extended" in said and "Mary Avenue" not in said
    assert "Mary Avenue" in answer("What is the address of the Cupertino Union School District?", passage)


def test_when_and_how_long_are_read_from_the_question_and_answered_by_their_kind():
    from minutebook.search.chat.conversation import what_it_asks

    assert what_it_asks("How long do applicants have to appeal a Planning Commission decision?") == "quantity"
    assert what_it_asks("After the hearing, until what date did the council agree to keep the record open?") == "when"
    # a date in figures is a date; a day and month is a new date beside the month a question names
    assert answers("Case 19-042: Ohio City Historic District (Approved 9/22/16)", "When were the original plans approved?")
    assert answers("The Plan will go to Cabinet on 17 March.", "When is the Plan going to Cabinet, per the March 2026 report?")
    assert not answers("The Plan will go to Cabinet in March.", "When is the Plan going to Cabinet, per the March 2026 report?")
    # a time given by what it is relative to answers when, as a date does
    question = "By when must a speaker hand in a comment card?"
    assert answers("Hand a card to the clerk within 30 minutes of the start of the meeting.", question)
    assert answers("The audit will be presented to the council at the next meeting.", "When will the audit be presented?")
    assert not answers("The path runs within 5 miles of the coast.", question)


@pytest.mark.parametrize("sentence, question, answered", [
    ("The Harbour Board meeting of Monday, 9 March 2026 will not take place.", "Why was the meeting of 9 March 2026 cancelled?", False),
    ("The meeting was cancelled due to a lack of a quorum.", "Why was the meeting of 9 March 2026 cancelled?", True),
    ("It was held online in order to keep members safe.", "Why was the April meeting held by call?", True),
])
def test_why_is_answered_by_a_cause_not_by_the_event_again(sentence, question, answered):
    assert answers(sentence, question) is answered


def test_an_enactment_answers_what_was_decided_in_its_own_words_and_a_report_does_not():
    passage = "Passed at the Quay Hall council meeting (4-1 vote). The harbour fee is raised to $40."
    question = "What was the vote when the Quay Hall council raised the harbour fee?"
    turn = read_turn([{"role": "user", "content": question}])
    enacted = replace(hit(passage), document_type="decision_record")
    text, _, _ = extractive_answer(turn, [enacted], lexicon(passage), decided=True)
    assert "4-1 vote" in text
    reported = replace(hit("Officers propose the harbour fee is raised to $40 when the council next meets."), document_type="report")
    assert extractive_answer(turn, [reported], lexicon(passage), decided=True)[0] == ""


def test_a_title_block_is_not_the_answer_for_naming_the_organisation():
    passage = ("Harbourside Department of Works Advisory Board Meeting Monday, 7 June 2021 at Quay Hall. "
               "Approval of Minutes from 12 March 2021 - Board Members.")
    question = "Which earlier meeting's minutes was the Harbourside works advisory board asked to approve in June 2021?"
    turn = read_turn([{"role": "user", "content": question}])
    paper = replace(hit(passage, title="Advisory Board Meeting"), body="Advisory Board", organisation="Harbourside Department of Works")
    text, _, _ = extractive_answer(turn, [paper], lexicon(passage), max_sentences=1)
    assert text.startswith("Approval of Minutes from 12 March 2021")


@pytest.mark.parametrize("question, taken", [
    ("Who was elected chair at the June meeting?", True),
    ("Who did the Quay Hall board appoint to fill its vacancy?", True),
    ("Which contract did the council approve in May?", True),
    ("What conditions did the commission impose on the permit?", True),
    ("Was the extension granted in November?", True),
    ("What did the board discuss in June?", False),
])
def test_what_a_meeting_did_is_read_in_either_voice(question, taken):
    assert Asked.read(read_turn([{"role": "user", "content": question}])).taken is taken


@pytest.mark.parametrize("question, outcome", [
    ("What was the outcome of the review?", True),
    ("What did the Quay Hall board report out of closed session on 6 June 2023?", True),
    ("What action did the harbour board take on the mooring fees?", True),
    ("What did the harbour master report on the mooring fees?", False),  # a report's findings, not a meeting's act
    ("What actions does the plan set out?", False),
])
def test_what_came_of_a_meeting_s_item_is_asked_as_an_outcome(question, outcome):
    assert (Asked.read(read_turn([{"role": "user", "content": question}])).kind == "outcome") is outcome


def test_an_agenda_does_not_say_whom_its_own_meeting_appointed():
    passage = "5. Discussions: Vacancy Search Update. Ms Dana Fox to present the shortlist for the vacancy."
    turn = read_turn([{"role": "user", "content": "Who did the Quay Hall board appoint to fill its vacancy on 6 June 2023?"}])
    context = {"date_from": "2023-06-06", "date_to": "2023-06-06"}
    agenda = replace(hit(passage, title="Quay Hall board agenda"), document_type="agenda", meeting_date="2023-06-06")
    assert extractive_answer(turn, [agenda], lexicon(passage), context=context)[0] == ""
    minutes = replace(agenda, document_type="minutes", text="The board appointed Ms Dana Fox to fill the vacancy.")
    assert "Dana Fox" in extractive_answer(turn, [minutes], lexicon(minutes.text), context=context)[0]
    # Nor what came of an item: "what was the outcome of ..." is asked of the minutes.
    outcome = read_turn([{"role": "user", "content": "What was the outcome of the Quay Hall board's review of the vacancy on 6 June 2023?"}])
    item = replace(agenda, text="6. Review of the vacancy: the board will vote on the shortlist.")
    assert extractive_answer(outcome, [item], lexicon(item.text), context=context)[0] == ""
    # Nor do an earlier meeting's minutes, written before it met.
    earlier = replace(minutes, meeting_date="2023-05-02", text="The board will appoint Ms Dana Fox to fill the vacancy in June.")
    assert extractive_answer(turn, [earlier], lexicon(earlier.text), context=context)[0] == ""


def test_a_motion_is_read_out_with_its_seconder():
    passage = ("Motion: Mayor Ash moved that Council hold the hearing over to its next meeting. Councilor Birch seconded. "
               "Motion passed 5-0. The next item was the budget.")
    said, _ = read_out("Motion: Mayor Ash moved that Council hold the hearing over to its next meeting.", passage)
    assert said.endswith("Councilor Birch seconded.")
    # An item goes on to the motion made on it.
    item = ("32. On the loan guarantee for remodelling the Quay Community Center. "
            "Moved by Birch to adopt, with the hall to be renamed the Ash Community Hall. Motion Carried 6-1.")
    said, _ = read_out("32. On the loan guarantee for remodelling the Quay Community Center.", item)
    assert said.endswith("renamed the Ash Community Hall.")
    # A sentence that neither seconds, refers back nor records the outcome does not go on.
    said, _ = read_out("Motion passed 5-0.", passage)
    assert said == "Motion passed 5-0."


def test_who_moved_is_answered_where_the_motion_is():
    question = "Who moved the towing contract with Harbourside Auto at the May meeting?"
    assert not answers("12-3456 (D) Contract with Mr Dale Ash of Harbourside Auto for towing services.", question)
    assert answers("Moved by Ms Cole to defer to the next meeting.", question)


def test_how_members_voted_is_answered_by_a_vote():
    question = "How did each Harbourside commissioner vote on the budget resolution?"
    assert not answers("BE IT RESOLVED that the Board of Commissioners adopts the budget in the sum of $1,204,500.", question)
    assert answers("Ayes: Ash, Birch, Cole. Nays: none.", question)
    assert answers("The resolution passed 4-1.", question)


def test_a_motion_that_failed_is_not_what_was_appointed():
    passage = ("Moved by Ash to appoint the firm of Quay & Co as the Harbour Board's counsel. MOTION FAILED. "
               "Moved by Birch to appoint Harbourside Legal LLP as the Harbour Board's counsel. Motion Carried 6-1.")
    said = answer("Which firm did the Harbour Board appoint as its counsel?", passage)
    assert "Harbourside Legal" in said and "Quay & Co" not in said
    # Asked whether it chose the firm that failed, the failed motion is the answer.
    assert "Quay & Co" in answer("Did the Harbour Board appoint Quay & Co as its counsel?", passage)
    # The failure said in the motion's own sentence.
    postponed = ("Commissioner Ash made a motion, seconded by Commissioner Birch, to postpone the election of "
                 "the Harbour Board Chair to July, and the motion failed to pass.")
    assert answer("Who was elected Chair of the Harbour Board in January?", postponed) == ""


def test_a_contact_word_in_a_name_does_not_ask_for_contact_details():
    assert asks_contact("What number should I call to join the Harbour Board meeting?")
    assert asks_contact("Where does the Harbour Board meet?")
    assert asks_contact("Email address for public comment?")
    assert not asks_contact("Who chaired the Harbour Telephone Relay Board in 2020?")


def test_a_question_in_the_minutes_answers_with_its_reply():
    passage = ("Members asked officers about the accounts.\nWhat would correcting the £52k Quay Hall "
               "ledger error cost?\nIt would cost nothing: it is a timing difference.\nCan the Cabinet Member say more?")
    said = answer("How large was the Quay Hall ledger error?", passage)
    assert "£52k" in said and said.rstrip(" [1]").endswith("it is a timing difference.")
    # A question with no reply after it still answers nothing.
    assert answer("What more could the Cabinet Member say?", "Can the Cabinet Member say more about the Quay Hall?") == ""


def test_an_answer_is_more_confident_where_its_passage_holds_what_the_question_names(tmp_path, embedder):
    """The confidence model reads what a reader would: a question whose words the cited passage holds,
    asking a specific thing, is more likely answered than a vague one on the same subject."""
    from minutebook.search.service import Minutebook
    from minutebook.settings import load_settings

    specific = _chat_over(tmp_path, embedder, REVIEW_PAPER, "What did the review of Child K recommend?")
    vague = Minutebook(load_settings(index_dir=tmp_path / "index"), embedder).chat(
        [{"role": "user", "content": "Tell me about missed appointments"}])
    assert specific.found and vague.found
    assert 0 < vague.confidence < specific.confidence < 1


def test_the_confidence_weights_are_fitted_on_the_features_chat_describes():
    from minutebook.search.chat import confidence

    weights = confidence.model()
    assert weights is not None and tuple(weights["features"]) == confidence.FEATURES
    assert weights["fitted_on"]["answers"] > 0 and 0.5 < weights["body_held_out"]["auc"] <= 1

