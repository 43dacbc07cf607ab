"""Running headers, stamps and page numbers go; bullets and hyphenated words are repaired."""

from __future__ import annotations

from minutebook.ingest.noise import clean_pages, normalise_bullet, printed_page_number, strip_markup, without_line_numbers
from minutebook.vocabulary import Page


def _pdf(texts: list[str]) -> list[Page]:
    return [Page("/x/pack.pdf", i + 1, text) for i, text in enumerate(texts)]


def test_running_header_footer_and_page_numbers_are_removed():
    topics = ["taxis", "street trading", "gambling", "alcohol", "scrap metal"]
    pages = _pdf([
        f"{n}\nWestshire Borough Council - Licensing Committee\nBody text about {topic}.\n"
        f"The committee discussed {topic} at length.\nMembers asked questions on {topic}.\n"
        f"Officers answered on {topic}.\nwww.westshire.gov.uk\n"
        for n, topic in enumerate(topics, start=1)
    ])
    lines = [line for line in clean_pages(pages) if line.text]
    texts = [line.text for line in lines]
    assert texts.count("Westshire Borough Council - Licensing Committee") == 1  # kept once, as the title
    assert not any("www.westshire.gov.uk" in text for text in texts)
    assert "Body text about gambling." in texts
    assert not any(text.strip().isdigit() for text in texts)
    assert [line.printed_page for line in lines if "about alcohol." in line.text] == ["4"]


def test_page_stamps_set_printed_page_and_leave_the_text():
    pages = _pdf([
        "Cover letter about the supplement.\n",
        "3. Background\nThe council agreed the budget.\nPage 17\nAgenda Item 6\n",
        "More text on the next page.\nPage 18\nAgenda Item 6\n",
    ])
    lines = [line for line in clean_pages(pages) if line.text]
    assert [line.printed_page for line in lines if line.page == 2] == ["17"] * 3
    assert not any(line.text.startswith("Page ") for line in lines)
    assert sum(line.text == "Agenda Item 6" for line in lines) == 2  # stamps stay for the pack splitter


def test_printed_page_number_forms():
    assert printed_page_number(["Planning Commission January 27, 2020 Minutes Page 2 of 3", "Body"], 3) == "2"
    assert printed_page_number(["12", "Body text", "more"], 40) == "12"
    assert printed_page_number(["Body text", "Page 31"], 40) == "31"
    assert printed_page_number(["Body only"], 3) is None


def test_text_file_stamps_give_printed_pages_only_between_consecutive_stamps():
    text = "Intro line\nPage 4\nLine on five\nPage 5\nLine on six\nPage 6\nTail\n"
    lines = [line for line in clean_pages([Page("/x/a.txt", 1, text)]) if line.text]
    by_text = {line.text: line.printed_page for line in lines}
    assert by_text == {"Intro line": None, "Line on five": "5", "Line on six": "6", "Tail": None}
    assert all(line.page == 1 for line in lines)  # no invented PDF pages


def test_bullets_are_normalised():
    assert normalise_bullet("\uf0b7 Meeting called to order") == "• Meeting called to order"
    assert normalise_bullet("\uf0a7 In 2017, the SSA received") == "◦ In 2017, the SSA received"
    assert normalise_bullet("o Percentage of complaints") == "◦ Percentage of complaints"
    assert normalise_bullet("- 3.4 Particular groups") == "3.4 Particular groups"
    assert normalise_bullet("- i. Note the activity") == "i. Note the activity"
    assert normalise_bullet("- * Comply with the conditions") == "• Comply with the conditions"
    assert normalise_bullet("organisations were consulted") == "organisations were consulted"


def test_markup_from_converters_is_stripped():
    assert strip_markup("<b>Date of meeting:</b>\t9 <sup>th</sup> February 2022") == " Date of meeting: \t9  th  February 2022"
    assert strip_markup("**RESOLVED that the report be noted.**") == "RESOLVED that the report be noted."
    assert strip_markup("see [www.example.gov.uk](http://www.example.gov.uk)") == "see www.example.gov.uk"


def test_words_hyphenated_across_lines_are_joined():
    lines = clean_pages([Page("/x/a.txt", 1, "The committee recom-\nmended approval of the plan.\n")])
    assert lines[0].text == "The committee recommended"
    assert lines[1].text == "approval of the plan."


def test_repeated_notice_in_a_text_file_is_kept_once():
    notice = "THIS ITEM IS FOR INFORMATION ONLY"
    text = "\n".join([notice, "First para.", notice, "Second para.", notice, "Third para."])
    texts = [line.text for line in clean_pages([Page("/x/a.txt", 1, text)]) if line.text]
    assert texts == [notice, "First para.", "Second para.", "Third para."]


def test_intentionally_blank_pages_vanish():
    pages = _pdf(["Report text.", "This page is intentionally left blank", "More text."])
    assert [line.text for line in clean_pages(pages) if line.text] == ["Report text.", "More text."]


def test_a_running_footer_glued_to_the_last_line_of_a_page_is_cut_off():
    footer = "\t 2024-05-01 draft Board Minutes v1    \t{}"
    texts = [f"Minute {n}\nThe board discussed item {n} at length.\n" + footer.format(n) for n in (1, 2)]
    texts.append("Minute 3\nThe library entrance was changed by the" + footer.format(3))
    lines = [line.text for line in clean_pages(_pdf(texts)) if line.text]
    assert lines[-1] == "The library entrance was changed by the"
    assert not any("draft Board Minutes" in line for line in lines)


def test_a_browsers_print_stamp_is_furniture_but_an_item_number_at_page_tops_is_not():
    # A page printed from a browser carries the time it was printed and the page's address on every
    # page; a sentence the page break cuts ("... with mid-year" / "tutoring data ...") must not get the
    # stamp in its middle. "4." opening several pages is an item number: it stays.
    texts = [f"4. Item {n}\nThe Board heard item {n}.\nDr. Fox will provide the Board with mid-year\n12/7/26, 12:53 AM\n"
             f"file:///minutes.html {n}/3" for n in (1, 2, 3)]
    texts = [text.replace(f"4. Item {n}", "4." if n > 1 else "4. Item 1") for n, text in enumerate(texts, start=1)]
    lines = [line.text for line in clean_pages(_pdf(texts)) if line.text]
    assert not any("12:53" in line or "file:///" in line for line in lines)
    assert lines.count("4.") == 2


def test_a_line_the_minutes_print_between_paragraphs_is_kept_where_a_page_break_leaves_it():
    # "CARRIED 7/0" ends a page or opens the next as often as a running footer would, but it also
    # stands between the paragraphs of a page: it is the minutes' text, not the page's furniture.
    pages = _pdf([
        "Quayford Shire Council - Ordinary Meeting\n1. Opening\nThe President opened the meeting.\n"
        "2. Leave of absence\nMoved Cr Ash, Seconded Cr Birch\nThat Cr Cole be granted leave.\nCARRIED 7/0\n"
        "3. Minutes\nThe minutes were read.\nMoved Cr Birch, Seconded Cr Ash\nThat the minutes be confirmed.\nCARRIED 7/0",
        "CARRIED 7/0\nQuayford Shire Council - Ordinary Meeting\n4. Road works\nThe report was discussed.\n"
        "Moved Cr Dale, Seconded Cr Ash\nThat the tender be awarded.\nCARRIED 6/1\n5. Grants\nThe grants were listed.",
        "Quayford Shire Council - Ordinary Meeting\n6. Close\nThe meeting closed at 11am.\nMoved Cr Ash, Seconded Cr Cole\n"
        "That the meeting close.\nCARRIED 7/0",
    ])
    texts = [line.text for line in clean_pages(pages) if line.text]
    assert texts.count("CARRIED 7/0") == 4
    assert texts.count("Quayford Shire Council - Ordinary Meeting") == 1  # the running head still goes


def test_a_pages_margin_line_numbers_go_but_an_agendas_item_numbers_stay():
    # Pleading paper numbers every line down its margin; extracted, each number is the line's first word.
    minutes = ["HARBOURSIDE CITY COUNCIL", "MINUTES OF MARCH 4, 2025", "", "Moved by Councilmember Ash,",
               "seconded by Councilmember Fox:", "That the Council:", "a) accept the bid of Quayford Paving;",
               "b) direct staff to report back in June.", "CARRIED 5-0", "", "12 residents spoke on the item."]
    numbered = [f"{n} {line}".rstrip() for n, line in enumerate(minutes, start=1)]
    assert without_line_numbers(numbered) == minutes
    # An agenda whose every line is an item numbered without a stop: each opens a title, its numbers are its own.
    agenda = ["1 Call to order", "2 Roll call", "3 Minutes of March 4, 2025", "4 Quay Road paving", "5 Public comment",
              "6 Harbour lights", "7 Adjournment", "8 Closed session", "9 Report out", "10 Next meeting"]
    assert without_line_numbers(agenda) == agenda


def test_a_tables_header_printed_again_at_each_page_top_is_the_tables_not_the_pages():
    header = "Ref\tApplicant\tDecision"
    pages = _pdf([f"Wexcombe Town Council\nGrants Panel\n{header}\nGR/{n}1\tBowls Club\tApproved\nGR/{n}2\tScouts\tRefused"
                  for n in range(1, 4)])
    texts = [line.text for line in clean_pages(pages)]
    assert texts.count(header) == 3
    assert texts.count("Grants Panel") == 1  # the running head goes, but for the first page's title
