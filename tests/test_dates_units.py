"""Unit tests of the date stage's parts: language data, recognizer, tense, anchoring."""

from __future__ import annotations

from datetime import date

import pytest

from timeline import values as v
from timeline.dates.anchor import Context, anchor_value
from timeline.dates.language import load
from timeline.dates.partial import Anaphor, Calendar, Shift, Weekday
from timeline.dates.recognize import number, recognize, year_of
from timeline.dates.tense import FUTURE, PAST, Direction, direction

EN = load("en")
FRIDAY = date(2025, 10, 17)


def spans(text: str) -> list[str]:
    return [text[f.start : f.end] for f in recognize(text, EN)]


# --- language data ------------------------------------------------------------------------


def test_language_is_loaded_once() -> None:
    assert load("en") is EN


def test_unknown_language_is_a_lookup_error() -> None:
    with pytest.raises(LookupError):
        load("xx")


def test_every_rule_names_a_known_production() -> None:
    from timeline.dates.recognize import PRODUCTIONS

    assert {r.make for r in EN.rules} <= set(PRODUCTIONS)
    assert len({r.name for r in EN.rules}) == len(EN.rules)


@pytest.mark.parametrize(("word", "value"), [("48", 48), ("twenty-four", 24), ("a", 1),
                                             ("5 1/2", 5.5), ("several", None)])
def test_numbers(word: str, value: float | None) -> None:
    assert number(word, EN) == value


@pytest.mark.parametrize(("word", "value"), [("1989", 1989), ("'89", None), ("89", 1989),
                                             ("nineteen ninety-four", 1994),
                                             ("two thousand", 2000)])
def test_years(word: str, value: int | None) -> None:
    assert (year_of(word.strip("'"), EN) if word[0] != "'" else None) == value


# --- recognizer ------------------------------------------------------------------------------


def test_longest_match_wins() -> None:
    assert spans("It closed on Oct. 15, 1999, in Paris.") == ["Oct. 15, 1999"]


def test_extents_leave_out_prepositions_and_keep_modifiers() -> None:
    assert spans("Sales fell in the third quarter and since early 2024.") == [
        "the third quarter", "early 2024"]


def test_adjectival_durations_leave_out_the_article() -> None:
    assert spans("the two-year contract") == ["two-year"]


@pytest.mark.parametrize("text", [
    "The minister may resign.", "Thousands march on the capital.", "She deserves a second chance.",
    "It ran in the Sunday Times.", "He paid $1989 for it.", "A fall in prices.",
    "They sold 2000 shares.", "He lives at 1600 Pennsylvania Avenue.",
])
def test_false_friends(text: str) -> None:
    assert spans(text) == []


def test_recognizer_never_fails_on_odd_text() -> None:
    for text in ["", " ", "İstanbul May 5", "\x00\u2028 Friday", "9999-99-99", "12/40/2020"]:
        for f in recognize(text, EN):
            assert 0 <= f.start < f.end <= len(text)


# --- tense ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "sign", "cue"), [
    ("The leaders will meet on Friday.", FUTURE, "will"),
    ("The leaders met on Friday.", PAST, "met"),
    ("He said Friday that they will meet.", PAST, "said"),
    ("The leaders are expected to sign the deal Friday.", FUTURE, "expected"),
    ("The deal is on Friday.", FUTURE, "is"),  # a copula names a scheduled state
    ("Talks on Friday in Geneva.", PAST, None),  # no cue words: news looks back
    ("The council votes on Friday.", FUTURE, "votes"),
    ("Trump says Friday he will sign it.", PAST, "says"),
])
def test_direction_comes_from_the_nearest_cue(text: str, sign: int, cue: str | None) -> None:
    start = text.index("Friday")
    found = direction(text, start, start + 6, EN)
    assert (found.sign, found.cue) == (sign, cue)


# --- anchoring -----------------------------------------------------------------------------------


def anchored(partial, sign: int = PAST, cue: str | None = None, reference=None,
             strong: bool = False) -> str:
    result = anchor_value(partial, Context(FRIDAY, Direction(sign, cue, strong), reference))
    assert result is not None
    return result.value.timex


def test_the_anchor_weekday_is_the_anchor_day_unless_last_or_next() -> None:
    assert anchored(Weekday(5)) == "2025-10-17"
    assert anchored(Weekday(5), FUTURE, "will") == "2025-10-17"
    assert anchored(Weekday(5, steps=-1)) == "2025-10-10"
    assert anchored(Weekday(5, steps=1)) == "2025-10-24"


def test_weekdays_look_back_by_default_and_ahead_after_a_future_cue() -> None:
    assert anchored(Weekday(1)) == "2025-10-13"
    assert anchored(Weekday(1), FUTURE, "will") == "2025-10-20"


def test_a_month_without_a_year_takes_the_nearest_occurrence() -> None:
    assert anchored(Calendar(month=8)) == "2025-08"
    assert anchored(Calendar(month=1, day=2)) == "2026-01-02"
    assert anchored(Calendar(month=3), FUTURE, "will") == "2026-03"
    assert anchored(Calendar(month=12), PAST, "had", strong=True) == "2024-12"
    assert anchored(Calendar(month=12), PAST, "offered") == "2025-12"  # two months ahead
    assert anchored(Calendar(month=3), PAST, "bought") == "2025-03"
    assert anchored(Calendar(month=4, steps=-1)) == "2025-04"
    assert anchored(Calendar(month=11, steps=-1)) == "2024-11"


def test_shifts_from_the_anchor() -> None:
    assert anchored(Shift("week", -1)) == "2025-W41"
    assert anchored(Shift("day", -1)) == "2025-10-16"
    assert anchored(Shift("year", -2, grain="year")) == "2023"
    assert anchored(Shift("day", 0, part="MO")) == "2025-10-17TMO"


def test_anaphora_shift_the_reference_keeping_its_grain() -> None:
    q3 = v.quarter(2025, 3)
    assert anchored(Anaphor("year", -1, keep_grain=True), reference=q3) == "2024-Q3"
    assert anchored(Anaphor("day", 1), reference=v.day(date(2025, 9, 3))) == "2025-09-04"
    assert anchored(Anaphor("day", 1)) == "XXXX-XX-XX"


def test_the_quarter_without_a_reference_is_the_last_one_ended() -> None:
    assert anchored(Anaphor("quarter", 0, grain="quarter")) == "2025-Q3"


def test_impossible_dates_are_dropped() -> None:
    assert anchor_value(Calendar(year=2025, month=2, day=30),
                        Context(FRIDAY, Direction(PAST))) is None


def test_holidays() -> None:
    assert anchored(Calendar(month=11, weekday=4, nth=4), FUTURE, "will") == "2025-11-27"
    assert anchored(Calendar(year=2024, month=5, weekday=1, nth=-1)) == "2024-05-27"


@pytest.mark.parametrize("text", [
    "the 1st century", "100000 years ago", "99999999999 weeks ago", "next century",
    "December 31, 9999 and the next day", "5000000000000000000000 days ago", "10000 days ago",
])
@pytest.mark.parametrize("anchor", [date(1, 1, 1), FRIDAY, date(9999, 12, 31), None])
def test_dates_beyond_the_calendar_are_dropped_not_raised(text: str, anchor: date | None) -> None:
    from timeline.dates import resolve

    for t in resolve(text, anchor):
        assert t.timex_value
        t.interval()


@pytest.mark.parametrize(("amount", "unit", "timex"), [
    (5.5, "hour", "PT5H30M"), (2.5, "year", "P2Y6M"), (1.5, "day", "P1DT12H"),
    (0.5, "hour", "PT30M"), (3, "day", "P3D"), (None, "week", "PXW"), (2.25, "month", "P2.25M"),
])
def test_fractional_durations_use_the_smaller_unit(amount, unit: str, timex: str) -> None:
    assert v.Duration(amount, unit).timex == timex


@pytest.mark.parametrize(("text", "value"), [
    ("Sales in Q3 2024 rose.", "2024-Q3"), ("H1 2025 results", "2025-H1"),
    ("FY2024 revenue", "2024"), ("in the ’90s", "199"), ("at 3pm", "2025-10-17T15:00"),
])
def test_compact_news_forms(text: str, value: str) -> None:
    from timeline.dates import resolve

    assert [t.timex_value for t in resolve(text, FRIDAY)] == [value]
