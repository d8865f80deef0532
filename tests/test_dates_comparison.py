"""Comparison anaphora of financial and statistical news: "a year earlier", "a year ago",
"the year-earlier period", "the same period last year" are the period under discussion a
year back; its grain is that of the period named before them."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.dates import resolve

ANCHOR = date(1989, 10, 26)  # a Thursday, while third-quarter results are reported


def value_of(text: str, phrase: str, anchor: date = ANCHOR) -> str | None:
    return next((t.timex_value for t in resolve(text, anchor) if t.text == phrase), None)


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("Net income rose in the third quarter to $5 million from $4 million a year earlier.",
         "a year earlier", "1988-Q3"),
        ("Third-quarter profit grew 19% from a year ago.", "a year ago", "1988-Q3"),
        ("September sales rose 5% from a year earlier.", "a year earlier", "1988-09"),
        ("September sales rose 5% from a year ago.", "a year ago", "1988-09"),
        ("Net rose in the third quarter.\n\nIn the year-earlier period, the company earned "
         "$4 million.", "the year-earlier period", "1988-Q3"),
        ("Net was $5 million, compared with $3 million for the corresponding period last year.",
         "the corresponding period last year", "1988-Q3"),
        ("Sales rose in the third quarter. In the same period last year, sales fell.",
         "the same period last year", "1988-Q3"),
        # no period under discussion: the year before the publish date
        ("Net rose to $5 million from $4 million a year earlier.", "a year earlier", "1988"),
    ],
)
def test_a_comparison_takes_the_grain_of_the_period_under_discussion(
        text: str, phrase: str, expected: str) -> None:
    assert value_of(text, phrase) == expected


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("Net rose in the third quarter.\n\nFor the nine months, net was $5 million, up from "
         "$4 million a year earlier.", "a year earlier", "1988"),
        ("Net rose in the third quarter.\n\nIn the first nine months, net was $306 million, "
         "compared with a loss in the 1988 period.", "the 1988 period", "1988"),
        ("Net rose in the third quarter.\n\nFor the nine months, net fell, compared with "
         "year-earlier net income of $9 million.", "year-earlier", "1988"),
    ],
)
def test_a_span_longer_than_a_quarter_makes_the_comparison_one_of_years(
        text: str, phrase: str, expected: str) -> None:
    assert value_of(text, phrase) == expected


def test_the_longer_span_holds_only_in_its_own_paragraph() -> None:
    text = ("Net rose in the third quarter.\n\nFor the nine months, net was $5 million.\n\n"
            "Sales rose 9% from a year earlier.")
    assert value_of(text, "a year earlier") == "1988-Q3"


def test_nine_months_in_jail_is_no_reporting_span() -> None:
    text = ("Net rose in the third quarter.\n\nHe spent nine months in jail, and a year "
            "earlier he had lost his job.")
    assert value_of(text, "a year earlier") == "1988-Q3"


def test_a_month_named_in_passing_elsewhere_is_no_period_under_discussion() -> None:
    text = "He took office in March.\n\nUnemployment is higher than a year ago."
    assert value_of(text, "a year ago") == "1988"


@pytest.mark.parametrize(
    "text",
    [
        "Net rose in the latest quarter. The unit earned $24 million, compared with a loss of "
        "$3 million last year.",
        "In the latest quarter, sales were $1.76 billion, up 13% from last year's $1.55 billion.",
    ],
)
def test_last_year_on_the_other_side_of_a_comparison_is_the_period_a_year_back(
        text: str) -> None:
    assert value_of(text, "last year") == "1988-Q3"


@pytest.mark.parametrize(
    "text",
    [
        "Net rose in the latest quarter. The company was founded last year.",
        "Net rose in the latest quarter. It sold 5,000 cars last year.",  # no comparison
    ],
)
def test_last_year_without_a_comparison_of_amounts_is_the_year(text: str) -> None:
    assert value_of(text, "last year") == "1988"


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        # mostly May to July: the second calendar quarter
        ("In the quarter ended July 31, Jayark had 5.6 million shares.", "the quarter",
         "1989-Q2"),
        ("Sales rose in the quarter ended Sept. 30.", "the quarter", "1989-Q3"),
        # a 52-week fiscal year closing on the first days of January: last year's Q4
        ("Sales rose in the quarter ended Jan. 1.", "the quarter", "1988-Q4"),
        # a numbered fiscal quarter keeps its number
        ("Profit rose in the fourth quarter ended Aug. 26.", "the fourth quarter", "1989-Q4"),
    ],
)
def test_a_quarter_ended_on_a_day_is_the_calendar_quarter_it_mostly_covers(
        text: str, phrase: str, expected: str) -> None:
    assert value_of(text, phrase) == expected


def test_quarter_to_quarter_is_a_compound_adjective_not_a_timex() -> None:
    text = "Net rose in the third quarter. The quarter-to-quarter comparison was helped."
    assert value_of(text, "The quarter") is None
