"""Underspecified values: what a rule understood before the anchoring pass.

A rule says "some Wednesday", "the month of August in an unknown year" or "one year
before the date last mentioned"; timeline.dates.anchor turns these into concrete values
(timeline.values) given the publish date, the clause's direction and the date last
mentioned. Keeping the two apart lets each rule be tested alone and lets the anchorer
explain which cue decided the reading.
"""

from __future__ import annotations

from dataclasses import dataclass

from timeline.values import Value


@dataclass(frozen=True)
class Calendar:
    """Calendar fields the text stated; a missing year is filled from the anchor and tense."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # 1 = Monday; a check or, without a day, the day itself
    quarter: int | None = None
    half: int | None = None
    season: str | None = None
    part: str | None = None  # part of day (MO, AF, EV, NI)
    hour: int | None = None
    minute: int | None = None
    steps: int | None = None  # last/next/this before a month or season: -1, 1, 0
    year_steps: int | None = None  # years from the anchor's ("last year's third quarter")
    nth: int | None = None  # with weekday and month: the nth such weekday (-1: the last)
    after_day: int = 0  # ... counted from the day after this one (Election Day)
    days_after: int = 0  # days after the day so found (Black Friday follows Thanksgiving)
    easter: int | None = None  # days from Easter Sunday (Good Friday: -2); month is nominal
    whole_week: bool = False  # "the week of March 6": the week that holds the day


@dataclass(frozen=True)
class Weekday:
    """A day of the week; `steps` None means the clause's tense decides the direction."""

    weekday: int  # 1 = Monday
    steps: int | None = None
    part: str | None = None
    hour: int | None = None  # "10 p.m. Wednesday"
    minute: int | None = None
    weekend: bool = False  # "the weekend": the Saturday and Sunday around that day
    from_reference: bool = False  # "the previous Friday": counted from the date last mentioned
    # "next Thursday": the coming one, or the one of the week after when the coming one
    # falls in the current week
    either_week: bool = False


@dataclass(frozen=True)
class Shift:
    """`steps` units from the anchor ("yesterday", "last week", "two years ago").

    `grain` is the unit the result is expressed in when it differs from the unit
    ("two weeks ago" is a day); `part` a part of day ("yesterday morning")."""

    unit: str
    steps: int
    grain: str | None = None
    part: str | None = None
    # "a year ago" after a quarter was named: the same quarter a year before (financial news)
    follows_period: bool = False
    either_week: bool = False  # "next weekend": the one of next week, or this week's


@dataclass(frozen=True)
class Anaphor:
    """`steps` units from the date last mentioned ("the next day", "a year earlier", "that year").

    Without a date mentioned before, it stays unanchored rather than guessed."""

    unit: str
    steps: int
    keep_grain: bool = False  # "a year earlier" keeps the grain of the date it shifts
    grain: str | None = None  # "quarter": the reporting quarter under discussion
    year: int | None = None  # "the 1988 quarter": that quarter in the year named
    part: str | None = None  # "the next morning"
    # "period" rather than "quarter": the reporting period under discussion, which a
    # longer span ("the nine months") may have made a year
    period: bool = False
    # an offset shorter than a day with no date to count from is what TimeML tags: the
    # duration alone ("[a minute and a half] later")
    undated: Value | None = None


@dataclass(frozen=True)
class Fixed:
    """A value that needs no anchor (durations, vague references, sets, full dates)."""

    value: Value


Partial = Calendar | Weekday | Shift | Anaphor | Fixed
