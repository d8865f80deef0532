"""Durations and sets: compound adjectives ("decades-long"), "daily"."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.dates import resolve

ANCHOR = date(2000, 1, 7)


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("the government's decades-long battle with exiles", "decades-long", "PXY"),
        ("after their third day-long meeting", "day-long", "P1D"),
        ("a two-week-long strike", "two-week-long", "P2W"),
        ("a 24-hour-long vigil", "24-hour-long", "PT24H"),
    ],
)
def test_a_unit_long_adjective_is_a_duration(text: str, phrase: str, value: str) -> None:
    found = [(t.text, t.type, t.timex_value) for t in resolve(text, ANCHOR)]
    assert found == [(phrase, "DURATION", value)]


def test_long_alone_is_no_duration() -> None:
    assert resolve("the longest meeting so far", ANCHOR) == []



def test_daily_before_a_name_is_a_newspaper() -> None:
    text = "The Communist Party daily Granma published the letter. Protesters gather daily."
    assert [(t.text, t.type) for t in resolve(text, ANCHOR)] == [("daily", "SET")]
    assert resolve(text, ANCHOR)[0].start == text.rindex("daily")


@pytest.mark.parametrize(
    ("text", "value"),
    [("Islam will one day be the second largest religion.", "FUTURE_REF"),
     ("The strike lasted one day.", "P1D"),
     ("He will stay for one day.", "P1D")],
)
def test_one_day_after_will_is_some_future_day(text: str, value: str) -> None:
    assert [t.timex_value for t in resolve(text, ANCHOR)] == [value]


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [("It took a year and a half.", "a year and a half", "P1Y6M"),
     ("after two and a half years", "two and a half years", "P2Y6M"),
     ("But a minute and a half later, a pilot calls in.", "a minute and a half", "PT1M30S"),
     ("Prices fell for three consecutive days.", "three consecutive days", "P3D"),
     ("after two straight years of losses", "two straight years", "P2Y")],
)
def test_counted_durations_with_halves_or_runs(text: str, phrase: str, value: str) -> None:
    assert [(t.text, t.timex_value) for t in resolve(text, ANCHOR)] == [(phrase, value)]


def test_half_an_hour_is_thirty_minutes() -> None:
    assert [t.timex_value for t in resolve("It took half an hour.", ANCHOR)] == ["PT30M"]


@pytest.mark.parametrize("phrase", ["years ago", "decades ago", "months ago"])
def test_a_bare_plural_ago_is_some_time_back(phrase: str) -> None:
    found = resolve(f"The company, which just {phrase} was failing, is healthy.", ANCHOR)
    assert [(t.text, t.timex_value) for t in found] == [(phrase, "PAST_REF")]


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [("The shop closes on Mondays.", "Mondays", "XXXX-WXX-1"),
     ("Flights leave on Tuesday nights.", "Tuesday nights", "XXXX-WXX-2TNI")],
)
def test_a_plural_weekday_is_a_set(text: str, phrase: str, value: str) -> None:
    assert [(t.text, t.type, t.timex_value) for t in resolve(text, ANCHOR)] == [
        (phrase, "SET", value)]


def test_a_team_called_suns_is_no_set() -> None:
    assert resolve("The Phoenix Suns won.", ANCHOR) == []
