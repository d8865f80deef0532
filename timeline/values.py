"""Typed temporal values and the recognized expression that carries one.

A calendar value is a start plus a grain (Duckling's idea): its TIMEX3 form, the
interval it covers and its sort key all follow from those two, so nothing
downstream ever parses a value string again.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum


class Grain(Enum):
    """How much of the calendar a value pins down, coarsest first."""

    CENTURY = "century"
    DECADE = "decade"
    YEAR = "year"
    HALF = "half"
    QUARTER = "quarter"
    SEASON = "season"
    MONTH = "month"
    WEEK = "week"
    DAY = "day"
    PART_OF_DAY = "part_of_day"
    HOUR = "hour"
    MINUTE = "minute"


# TimeML season codes and the months each covers (northern hemisphere, as TimeML assumes).
SEASON_MONTHS: dict[str, tuple[int, int]] = {
    "SP": (3, 5),
    "SU": (6, 8),
    "FA": (9, 11),
    "WI": (12, 2),
}
PARTS_OF_DAY = ("MO", "MI", "AF", "EV", "NI", "DT")


# Equality covers every field: a day and the month that starts on it are different values.
@dataclass(frozen=True)
class Point:
    """A stretch of the calendar: `start` is its first day, `grain` its size.

    `season` and `part` name the season (SP/SU/FA/WI) or part of day (MO/AF/EV/NI)
    for those grains (`part` "WE" on a week is its weekend); `hour`/`minute` hold a
    clock time for TIME values.
    """

    start: date
    grain: Grain
    season: str | None = None
    part: str | None = None
    hour: int | None = None
    minute: int | None = None

    @property
    def timex(self) -> str:
        return _point_timex(self)

    def interval(self) -> tuple[date, date]:
        """First and last calendar day the value covers (cut at the end of the calendar)."""
        try:
            return self.start, _point_end(self)
        except (ValueError, OverflowError):
            return self.start, date.max

    @property
    def is_time(self) -> bool:
        return self.grain in (Grain.PART_OF_DAY, Grain.HOUR, Grain.MINUTE)


@dataclass(frozen=True)
class Duration:
    """A length of time: TIMEX3 `P3D`, `PT48H`, `P2Y`, `P1DE`; amount None is `X` (vague)."""

    amount: float | None
    unit: str  # one of DURATION_UNITS

    @property
    def timex(self) -> str:
        if self.amount is not None and not float(self.amount).is_integer():
            split = _split_fraction(self.amount, self.unit)
            if split:
                return split
        code, is_time = DURATION_UNITS[self.unit]
        amount = "X" if self.amount is None else _number(self.amount)
        return f"P{'T' if is_time else ''}{amount}{code}"

    def interval(self) -> None:
        return None


# A fraction of a unit written in the next smaller one: 5 1/2 hours is PT5H30M.
_SMALLER_UNIT = {
    "year": ("month", 12),
    "week": ("day", 7),
    "day": ("hour", 24),
    "hour": ("minute", 60),
    "minute": ("second", 60),
}


def _split_fraction(amount: float, unit: str) -> str | None:
    smaller = _SMALLER_UNIT.get(unit)
    if smaller is None:
        return None
    rest = (amount - int(amount)) * smaller[1]
    if not float(rest).is_integer():
        return None
    big, small = Duration(int(amount), unit).timex, Duration(rest, smaller[0]).timex
    if int(amount) == 0:
        return small
    time_part = small.split("T", 1)[1] if "T" in small else None
    if time_part is not None and "T" not in big:
        return f"{big}T{time_part}"  # P1DT12H
    return big + small[small.index("T") + 1 :] if "T" in small else big + small[1:]


# unit -> (TIMEX3 letter, belongs after the T designator)
DURATION_UNITS: dict[str, tuple[str, bool]] = {
    "second": ("S", True),
    "minute": ("M", True),
    "hour": ("H", True),
    "day": ("D", False),
    "week": ("W", False),
    "month": ("M", False),
    "quarter": ("Q", False),
    "year": ("Y", False),
    "decade": ("DE", False),
    "century": ("CE", False),
}


@dataclass(frozen=True)
class Recurrence:
    """A SET: `every Monday` is `XXXX-WXX-1`, `weekly` is `P1W`, `each year` is `P1Y`."""

    value: str
    quant: str | None = None  # EVERY, EACH
    freq: str | None = None  # e.g. 2X for "twice a week"

    @property
    def timex(self) -> str:
        return self.value

    def interval(self) -> None:
        return None


@dataclass(frozen=True)
class Reference:
    """A vague reference to the past, present or future: PAST_REF, PRESENT_REF, FUTURE_REF."""

    kind: str  # PAST, PRESENT, FUTURE

    @property
    def timex(self) -> str:
        return f"{self.kind}_REF"

    def interval(self) -> None:
        return None


@dataclass(frozen=True)
class Unanchored:
    """A value whose anchor is unknown, in TIMEX3 form with X placeholders (`XXXX-10-17`)."""

    value: str

    @property
    def timex(self) -> str:
        return self.value

    def interval(self) -> None:
        return None


Value = Point | Duration | Recurrence | Reference | Unanchored

TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")


def _number(amount: float) -> str:
    return str(int(amount)) if float(amount).is_integer() else f"{amount:g}"


def _point_timex(p: Point) -> str:
    y = f"{p.start.year:04d}"
    g = p.grain
    if g is Grain.CENTURY:
        return y[:2]
    if g is Grain.DECADE:
        return y[:3]
    if g is Grain.YEAR:
        return y
    if g is Grain.HALF:
        return f"{y}-H{1 if p.start.month <= 6 else 2}"
    if g is Grain.QUARTER:
        return f"{y}-Q{(p.start.month - 1) // 3 + 1}"
    if g is Grain.SEASON:
        return f"{y}-{p.season}"
    if g is Grain.MONTH:
        return f"{y}-{p.start.month:02d}"
    if g is Grain.WEEK:
        iso_year, week, _ = p.start.isocalendar()
        weekend = "-WE" if p.part == "WE" else ""
        return f"{iso_year:04d}-W{week:02d}{weekend}"
    day = p.start.isoformat()
    if g is Grain.DAY:
        return day
    if g is Grain.PART_OF_DAY:
        return f"{day}T{p.part}"
    if g is Grain.HOUR:
        return f"{day}T{p.hour:02d}:00"
    return f"{day}T{p.hour:02d}:{p.minute or 0:02d}"


def _point_end(p: Point) -> date:
    s, g = p.start, p.grain
    if g is Grain.CENTURY:
        return date(s.year + 99, 12, 31)
    if g is Grain.DECADE:
        return date(s.year + 9, 12, 31)
    if g is Grain.YEAR:
        return date(s.year, 12, 31)
    if g in (Grain.HALF, Grain.QUARTER, Grain.SEASON):
        months = {Grain.HALF: 6, Grain.QUARTER: 3, Grain.SEASON: 3}[g]
        return _add_months(s, months) - timedelta(days=1)
    if g is Grain.MONTH:
        return date(s.year, s.month, calendar.monthrange(s.year, s.month)[1])
    if g is Grain.WEEK:
        return s + timedelta(days=6)
    return s


def _add_months(d: date, months: int) -> date:
    index = d.year * 12 + d.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


# --- constructors, so callers never compute a start by hand ----------------------------


def day(d: date) -> Point:
    return Point(d, Grain.DAY)


def week_of(d: date) -> Point:
    return Point(d - timedelta(days=d.weekday()), Grain.WEEK)


def month(year: int, month_: int) -> Point:
    return Point(date(year, month_, 1), Grain.MONTH)


def year(year_: int) -> Point:
    return Point(date(year_, 1, 1), Grain.YEAR)


def quarter(year_: int, q: int) -> Point:
    return Point(date(year_, 3 * (q - 1) + 1, 1), Grain.QUARTER)


def half(year_: int, h: int) -> Point:
    return Point(date(year_, 1 if h == 1 else 7, 1), Grain.HALF)


def season(year_: int, code: str) -> Point:
    first_month = SEASON_MONTHS[code][0]
    return Point(date(year_, first_month, 1), Grain.SEASON, season=code)


def decade(year_: int) -> Point:
    return Point(date(year_ - year_ % 10, 1, 1), Grain.DECADE)


def century(year_: int) -> Point:
    return Point(date(year_ - year_ % 100, 1, 1), Grain.CENTURY)


def shift(p: Point, steps: int) -> Point:
    """The value `steps` grains away (next week, last month, two years ago)."""
    g = p.grain
    if g in (Grain.DAY, Grain.PART_OF_DAY, Grain.HOUR, Grain.MINUTE):
        return Point(p.start + timedelta(days=steps), g, p.season, p.part, p.hour, p.minute)
    if g is Grain.WEEK:
        return Point(p.start + timedelta(weeks=steps), g, part=p.part)
    months = {
        Grain.MONTH: 1,
        Grain.QUARTER: 3,
        Grain.SEASON: 12,
        Grain.HALF: 6,
        Grain.YEAR: 12,
        Grain.DECADE: 120,
        Grain.CENTURY: 1200,
    }[g]
    return Point(_add_months(p.start, months * steps), g, p.season)
