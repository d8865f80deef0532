"""Weekday and month names used as modifiers: a weekday before a noun of what happens on
it every week ("Sunday trading", "Saturday opening hours") names a kind, not a day; a
weekday before a noun of one happening ("a Tuesday deadline", "the Monday meeting") is a
date, and so is a holiday used as a modifier ("Black Friday sales", "May Day rallies")."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.dates import resolve

WEDNESDAY = date(2025, 11, 19)


def readings(text: str) -> list[tuple[str, str]]:
    return [(t.text, t.timex_value) for t in resolve(text, WEDNESDAY)]


@pytest.mark.parametrize(
    "text",
    [
        "The government plans to end Sunday trading.",
        "A ban on Sunday trading was lifted.",
        "Critics want the museum's Saturday opening hours extended.",
        "The story ran in the Sunday papers.",
        "Sunday papers are thinner than they used to be.",
        "Members of the Monday Club met the minister.",
        "Nurses on a Tuesday-Thursday schedule were told to stay home.",
        "Staff work a Monday-to-Friday schedule.",
        "She took a Saturday job at the bakery.",
        "The Sunday service timetable has been cut.",
        "Unions oppose Saturday shifts at the plant.",
        "Saturday opening times will change.",
        "The Monday market has been cancelled for good.",
    ],
)
def test_a_weekday_before_a_habitual_noun_names_no_day(text: str) -> None:
    assert readings(text) == []


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("Saturday hours will return on Monday.", "Monday", "2025-11-24"),
        ("The union faces a Tuesday deadline.", "Tuesday", "2025-11-25"),
        ("The union missed a Tuesday deadline.", "Tuesday", "2025-11-18"),
        ("The Monday meeting was tense.", "Monday", "2025-11-17"),
        ("Friday's vote was close.", "Friday", "2025-11-14"),
        ("Saturday's match was cancelled.", "Saturday", "2025-11-15"),
        ("He testified at a Wednesday hearing.", "Wednesday", "2025-11-19"),
        ("The Thursday session ended early.", "Thursday", "2025-11-13"),
        ("Shares fell in Friday trading.", "Friday", "2025-11-14"),
        ("Shares fell in late Friday trading.", "late Friday", "2025-11-14"),
        ("The bishop spoke at Sunday service.", "Sunday", "2025-11-16"),
        ("Saturday's opening hours were cut short by the storm.", "Saturday", "2025-11-15"),
        ("The store will open next Sunday for the sale.", "next Sunday", "2025-11-23"),
        ("Black Friday sales will start early this year.", "Black Friday", "2025-11-28"),
        ("May Day rallies drew thousands across Europe.", "May Day", "2025-05-01"),
        ("Unions will march on May Day next year.", "May Day", "2026-05-01"),
    ],
)
def test_a_weekday_of_one_happening_is_still_a_date(text: str, phrase: str, value: str) -> None:
    assert (phrase, value) in readings(text)


def test_the_modifier_does_not_add_a_second_date_to_the_sentence() -> None:
    # only Monday is a date: no disagreement between 'Saturday' and 'Monday'
    assert readings("Saturday hours will return on Monday.") == [("Monday", "2025-11-24")]


def test_may_day_is_the_first_of_may_not_the_month() -> None:
    assert readings("Police braced for May Day protests.") == [("May Day", "2025-05-01")]


@pytest.mark.parametrize(
    "text",
    [
        "USA Today reported the deal.",
        "He told NBC's Today show about the deal.",
        "This is VOA Today.",
        "In today's world, that matters.",
        "The case is for today's youth what the blockade was for their parents.",
        "Many of today's personal computers use the chip.",
        "If I were choosing the people of tomorrow, I would choose them.",
    ],
)
def test_a_day_word_in_a_title_or_for_an_era_names_no_day(text: str) -> None:
    assert readings(text) == []


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("Today's vote was close.", "Today", "2025-11-19"),
        ("Tomorrow's meeting is key.", "Tomorrow", "2025-11-20"),
        ("The vote is today.", "today", "2025-11-19"),
        ('"Today, we act," he said.', "Today", "2025-11-19"),
        ("LONDON (Reuters) - Today the bank cut rates.", "Today", "2025-11-19"),
        ("The agenda of tomorrow's meeting was set.", "tomorrow", "2025-11-20"),
    ],
)
def test_a_day_word_of_a_day_is_still_a_date(text: str, phrase: str, value: str) -> None:
    assert (phrase, value) in readings(text)
