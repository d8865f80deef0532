"""Offsets shorter than a day ("eleven hours later", "40 minutes earlier") move the clock,
not the calendar: from a known clock time the time they give (the day after or before only
when that crosses midnight), from a day that day, never a shift by whole days."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.dates import resolve

WEDNESDAY = date(2025, 11, 19)  # the publish day; Monday is 2025-11-17


def reading(text: str, phrase: str) -> tuple[str, str] | None:
    return next(((t.type, t.timex_value) for t in resolve(text, WEDNESDAY) if t.text == phrase),
                None)


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        # from a clock time: clock arithmetic, the day changes only across midnight
        ("The tanker left port at 9 p.m. on Monday. Eleven hours later the tanker sank.",
         "Eleven hours later", ("TIME", "2025-11-18T08:00")),
        ("The alarm sounded at 9 p.m. on Monday. Forty minutes earlier, a guard saw smoke.",
         "Forty minutes earlier", ("TIME", "2025-11-17T20:20")),
        ("The blast hit at 11:50 p.m. Sunday. Thirty minutes later, police arrived.",
         "Thirty minutes later", ("TIME", "2025-11-17T00:20")),
        ("The ferry left at 12:15 a.m. on Tuesday. Forty minutes earlier, the crew boarded.",
         "Forty minutes earlier", ("TIME", "2025-11-17T23:35")),
        ("The polls closed at 8 p.m. on Tuesday; 90 minutes later the result was announced.",
         "90 minutes later", ("TIME", "2025-11-18T21:30")),
        ("The plane left at 10:30 a.m. Monday. 5 1/2 hours later it landed.",
         "5 1/2 hours later", ("TIME", "2025-11-17T16:00")),
        ("The plane left at 10:30 a.m. Monday. An hour and a half later it landed.",
         "An hour and a half later", ("TIME", "2025-11-17T12:00")),
        # from a day (no clock time): that day
        ("The ship left on Monday. Eleven hours later the tanker sank.",
         "Eleven hours later", ("DATE", "2025-11-17")),
        ("The ship left on Monday.\n\nEleven hours later the tanker sank.",
         "Eleven hours later", ("DATE", "2025-11-17")),
        ("Rescuers arrived on Monday. 30 seconds later the second blast hit.",
         "30 seconds later", ("DATE", "2025-11-17")),
        ("The strike was called off on Monday, and hours later the minister resigned.",
         "hours later", ("DATE", "2025-11-17")),
        ("Rescuers reached the mine on Monday. Several hours later, the first miners emerged.",
         "Several hours later", ("DATE", "2025-11-17")),
        ("The rally began on Monday night. Moments later, shots rang out.",
         "Moments later", ("DATE", "2025-11-17")),
        ("Rescuers arrived on Monday. A few minutes later, the roof collapsed.",
         "A few minutes later", ("DATE", "2025-11-17")),
        # from the publish time, which is not known: the publish day
        ("Two hours ago the rebels attacked the base.", "Two hours ago", ("DATE", "2025-11-19")),
        # with no date to count from: the duration, as TimeML tags it (no guessed day)
        ("Eleven hours later the tanker sank.", "Eleven hours", ("DURATION", "PT11H")),
        ("But a minute and a half later, a pilot calls in.", "a minute and a half",
         ("DURATION", "PT1M30S")),
        ("Hours later the tanker sank.", "Hours", ("DURATION", "PTXH")),
        # an offset from a happening, not from a date, is a duration (TimeML)
        ("Protesters gathered on Monday. Two hours after the blast, police arrived.",
         "Two hours", ("DURATION", "PT2H")),
        ("The fire started a few minutes before midnight on Saturday.", "a few minutes",
         ("DURATION", "PTXM")),
        # offsets of whole days still move whole days
        ("The plane left on Monday. Two days later, it landed.", "Two days later",
         ("DATE", "2025-11-19")),
        ("The plane landed on Monday. A day earlier, it had left Lima.", "A day earlier",
         ("DATE", "2025-11-16")),
    ],
)
def test_sub_day_offsets_move_the_clock_not_the_calendar(
        text: str, phrase: str, expected: tuple[str, str]) -> None:
    assert reading(text, phrase) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Results from Friday's vote are expected within hours.",
        "The fire started a few minutes before midnight on Saturday.",
        "Protesters gathered on Monday. Two hours after the blast, police arrived.",
        "On Monday the mine flooded. Hours later, 40 miners were still missing.",
    ],
)
def test_no_day_moves_by_a_count_of_hours(text: str) -> None:
    for t in resolve(text, WEDNESDAY):
        span = t.interval()
        if span is not None:
            assert date(2025, 11, 14) <= span[0] <= date(2025, 11, 21), (t.text, t.timex_value)
