""""next <weekday>" and "next weekend" are ambiguous when the nearest one still falls in
the current week (Monday to Sunday): the value keeps the resolver's reading and the other
reading is exposed in `Timex.alternatives`; otherwise there is one reading."""

from __future__ import annotations

import json
from datetime import date

import pytest

from timeline.cli import main
from timeline.dates import resolve
from timeline.values import Point

MONDAY, TUESDAY, WEDNESDAY = date(2025, 11, 17), date(2025, 11, 18), date(2025, 11, 19)
THURSDAY, FRIDAY, SATURDAY, SUNDAY = (date(2025, 11, d) for d in (20, 21, 22, 23))


def reading(text: str, phrase: str, anchor: date) -> tuple[str, tuple[str, ...]]:
    t = next(t for t in resolve(text, anchor) if t.text == phrase)
    return t.timex_value, tuple(a.timex for a in t.alternatives)


@pytest.mark.parametrize(
    ("anchor", "text", "phrase", "value", "alternatives"),
    [
        # the nearest one is in this week: it, or the one a week later
        (TUESDAY, "The vote is next Thursday.", "next Thursday", "2025-11-20", ("2025-11-27",)),
        (MONDAY, "The vote is next Thursday.", "next Thursday", "2025-11-20", ("2025-11-27",)),
        (WEDNESDAY, "The vote is next Thursday.", "next Thursday", "2025-11-20",
         ("2025-11-27",)),
        (MONDAY, "The team plays next Sunday.", "next Sunday", "2025-11-23", ("2025-11-30",)),
        (FRIDAY, "The market opens next Saturday.", "next Saturday", "2025-11-22",
         ("2025-11-29",)),
        (TUESDAY, "Talks resume next Friday morning.", "next Friday morning", "2025-11-21TMO",
         ("2025-11-28TMO",)),
        (TUESDAY, "They will meet next weekend.", "next weekend", "2025-W48-WE",
         ("2025-W47-WE",)),
        (FRIDAY, "They will meet next weekend.", "next weekend", "2025-W48-WE",
         ("2025-W47-WE",)),
        # the nearest one is next week, or today's weekday: one reading
        (THURSDAY, "The vote is next Thursday.", "next Thursday", "2025-11-27", ()),
        (FRIDAY, "The vote is next Thursday.", "next Thursday", "2025-11-27", ()),
        (SUNDAY, "The vote is next Thursday.", "next Thursday", "2025-11-27", ()),
        (TUESDAY, "The vote is next Monday.", "next Monday", "2025-11-24", ()),
        (SATURDAY, "They will meet next weekend.", "next weekend", "2025-W48-WE", ()),
        (SUNDAY, "They will meet next weekend.", "next weekend", "2025-W48-WE", ()),
        # words that name the nearest one, and bare weekdays, are not ambiguous
        (TUESDAY, "The vote is this coming Thursday.", "this coming Thursday", "2025-11-20",
         ()),
        (TUESDAY, "The vote is this Thursday.", "this Thursday", "2025-11-20", ()),
        (TUESDAY, "The vote will be held on Thursday.", "Thursday", "2025-11-20", ()),
        (FRIDAY, "The vote is this Friday.", "this Friday", "2025-11-21", ()),
        (TUESDAY, "The vote was last Thursday.", "last Thursday", "2025-11-13", ()),
        (TUESDAY, "The vote is next week.", "next week", "2025-W48", ()),
    ],
)
def test_next_is_ambiguous_only_when_the_nearest_one_is_this_week(
        anchor: date, text: str, phrase: str, value: str, alternatives: tuple[str, ...]) -> None:
    assert reading(text, phrase, anchor) == (value, alternatives)


def test_the_alternative_is_the_same_weekday_a_week_later() -> None:
    for anchor in (MONDAY, TUESDAY, WEDNESDAY):
        for t in resolve("The board meets next Saturday.", anchor):
            (other,) = t.alternatives
            assert isinstance(other, Point) and isinstance(t.value, Point)
            assert (other.start - t.value.start).days == 7 and other.start.isoweekday() == 6


def test_resolve_json_shows_the_alternatives(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["resolve", "next Thursday", "--anchor", "2025-11-18", "--context",
                 "The vote is next Thursday.", "--json"]) == 0
    (found,) = json.loads(capsys.readouterr().out)
    assert (found["value"], found["alternatives"]) == ("2025-11-20", ["2025-11-27"])
    assert main(["resolve", "next Thursday", "--anchor", "2025-11-18"]) == 0
    assert "2025-11-27 (ambiguous)" in capsys.readouterr().out
    assert main(["resolve", "next Thursday", "--anchor", "2025-11-21", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["alternatives"] == []
