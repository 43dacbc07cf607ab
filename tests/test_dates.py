"""Dates in every form councils write them become ISO strings."""

from __future__ import annotations

import pytest

from minutebook.ingest.dates import date_spans, find_dates, parse_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("9 February 2022", "2022-02-09"),
        ("Wednesday, 23rd September, 2020", "2020-09-23"),
        ("23/09/2020", "2020-09-23"),
        ("17/1/2025", "2025-01-17"),
        ("January 27, 2020", "2020-01-27"),
        ("Minutes from Monday, January 29, 2018 – 9:00am", "2018-01-29"),
        ("held on Thursday, 30 January 2025 at 10.00 am.", "2025-01-30"),
        ("Date 10th September 2015", "2015-09-10"),
        ("WEDNESDAY, 9 FEBRUARY 2022 AT 10.00 AM", "2022-02-09"),
        ("9 th February 2022", "2022-02-09"),
        ("ADOPTED this 4th day of March, 2021", "2021-03-04"),
        ("2024-03-05", "2024-03-05"),
        ("Cabinet - 4 March 2025", "2025-03-04"),
        ("a gynhaliwyd nos Fawrth, 12 Mawrth 2024 am 7.00yh", "2024-03-12"),  # Welsh: the months in Welsh
        ("Cofnodion cyfarfod misol y Cyngor, 16 Ionawr 2024", "2024-01-16"),
    ],
)
def test_written_forms(text, expected):
    assert parse_date(text) == expected


def test_year_comes_from_context_when_missing():
    assert parse_date("23 rd September", default_year=2020) == "2020-09-23"
    assert parse_date("23 rd September") is None  # never guess a year


@pytest.mark.parametrize("text", ['held on 18" March 2024 at 7pm', "held on 18\u201d March 2024", "held on 18t March 2024"])
def test_a_scanned_superscript_ordinal_still_reads(text):
    assert parse_date(text) == "2024-03-18"


def test_numeric_dates_are_day_first_unless_impossible():
    assert parse_date("04/05/2021") == "2021-05-04"
    assert parse_date("REVISED 4/23/19") == "2019-04-23"


def test_prose_and_times_are_not_dates():
    assert parse_date("they may be asked to attend at 10.00") is None
    assert parse_date("Page 3 of 26") is None
    assert parse_date("") is None


def test_find_dates_returns_every_date_in_order():
    found = find_dates("from March 1, 2019 through February 28, 2020")
    assert [iso for _, iso in found] == ["2019-03-01", "2020-02-28"]


def test_a_date_whose_weekday_disagrees_is_not_taken():
    # OCR drops the 9 of a superscripted "29th": "Tuesday 2 April 2014" was a Wednesday.
    assert find_dates("held on Tuesday 2 April 2014 at 7.30 pm") == []
    assert find_dates("held on Tuesday 29 April 2014 at 7.30 pm") == [(8, "2014-04-29")]
    assert find_dates("Monday, January 29, 2018") == [(0, "2018-01-29")]
    assert find_dates("Wed 3rd March 2021, and 2 April 2014") == [(0, "2021-03-03"), (24, "2014-04-02")]


def test_date_spans_cover_dates_months_and_years_but_not_numbers_or_spans():
    text = "Held 18 Oct 2021; minutes of May 9, 2005 and 4/23/19; in November 2022, in 2019; 216 14th Street; 2019-20 budget"
    assert [text[a:b] for a, b in date_spans(text)] == ["18 Oct 2021", "May 9, 2005", "4/23/19", "November 2022", "2019"]


def test_a_list_of_dates_without_years_is_read_the_way_that_uses_every_month():
    listed = find_dates("PUBLIC MEETINGS: JANUARY 14 MARCH 11 JUNE 10", 2019)
    assert [iso for _, iso in listed] == ["2019-01-14", "2019-03-11", "2019-06-10"]
    # Days written before their months stay so.
    assert [iso for _, iso in find_dates("on 10 March and 14 July", 2019)] == ["2019-03-10", "2019-07-14"]
