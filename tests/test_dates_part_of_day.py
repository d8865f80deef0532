"""A part of day keeps its TimeML value ("Monday night" is TIME ...TNI, as TimeBank writes
it) and covers its calendar day, so later stages can compare it with "Monday" or
"Monday's rally" at the day."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.dates import resolve

WEDNESDAY = date(2025, 11, 19)


def reading(text: str, phrase: str) -> tuple[str, str, str | None, tuple[date, date] | None]:
    t = next(t for t in resolve(text, WEDNESDAY) if t.text == phrase)
    return t.type, t.timex_value, t.mod, t.interval()


def day(d: int) -> tuple[date, date]:
    return date(2025, 11, d), date(2025, 11, d)


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("The rally on Monday night drew thousands.", "Monday night",
         ("TIME", "2025-11-17TNI", None, day(17))),
        ("Tuesday evening's rally was calm.", "Tuesday evening",
         ("TIME", "2025-11-18TEV", None, day(18))),
        ("The rally on Monday evening drew thousands.", "Monday evening",
         ("TIME", "2025-11-17TEV", None, day(17))),
        ("Police raided the camp early Thursday morning.", "early Thursday morning",
         ("TIME", "2025-11-13TMO", "START", day(13))),
        ("The vote ended late Tuesday night.", "late Tuesday night",
         ("TIME", "2025-11-18TNI", "END", day(18))),
        ("Late Wednesday the talks collapsed.", "Late Wednesday",
         ("DATE", "2025-11-19", "END", day(19))),
        ("The announcement came Monday afternoon.", "Monday afternoon",
         ("TIME", "2025-11-17TAF", None, day(17))),
        ("Sunday afternoon's match was delayed.", "Sunday afternoon",
         ("TIME", "2025-11-16TAF", None, day(16))),
        ("Friday night's game was delayed.", "Friday night",
         ("TIME", "2025-11-14TNI", None, day(14))),
        ("The match will be played Saturday evening.", "Saturday evening",
         ("TIME", "2025-11-22TEV", None, day(22))),
        ("Police moved in Monday overnight.", "Monday overnight",
         ("TIME", "2025-11-17TNI", None, day(17))),
        ("The fire started last night.", "last night", ("TIME", "2025-11-18TNI", None, day(18))),
        ("The crowd gathered yesterday afternoon.", "yesterday afternoon",
         ("TIME", "2025-11-18TAF", None, day(18))),
        ("The rally was held Monday at 11 p.m. in the square.", "11 p.m.",
         ("TIME", "2025-11-17T23:00", None, day(17))),
        ("The strike began at 10 p.m. Sunday.", "10 p.m. Sunday",
         ("TIME", "2025-11-16T22:00", None, day(16))),
        ("Monday's rally drew thousands.", "Monday", ("DATE", "2025-11-17", None, day(17))),
    ],
)
def test_a_part_of_day_keeps_its_value_and_covers_its_day(
        text: str, phrase: str,
        expected: tuple[str, str, str | None, tuple[date, date]]) -> None:
    assert reading(text, phrase) == expected


@pytest.mark.parametrize("part", ["morning", "afternoon", "evening", "night"])
def test_a_part_of_day_covers_the_same_day_as_its_weekday(part: str) -> None:
    (bare,) = resolve("The rally was on Monday.", WEDNESDAY)
    (with_part,) = resolve(f"The rally was on Monday {part}.", WEDNESDAY)
    assert with_part.interval() == bare.interval() == day(17)
    assert with_part.type == "TIME" and with_part.timex_value.startswith("2025-11-17T")
