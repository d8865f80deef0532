"""The anchoring pass: underspecified values become concrete typed values.

Deictic values ("Wednesday", "last week", "in August") are anchored to the publish date,
in the direction the clause gives; anaphoric ones ("the next day", "a year earlier", "that
year") to the date last mentioned. Nothing is guessed: without an anchor, a value keeps
X placeholders (an Unanchored value).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from timeline import values as v
from timeline.config import FIRST_DAY, LAST_DAY
from timeline.dates.partial import Anaphor, Calendar, Fixed, Partial, Shift, Weekday
from timeline.dates.tense import FUTURE, PAST, Direction


@dataclass(frozen=True)
class Context:
    """What anchoring may use: the publish date, the clause's direction, the last date."""

    anchor: date | None
    direction: Direction
    reference: v.Point | None = None  # the date last mentioned (for anaphora)


@dataclass(frozen=True)
class Anchored:
    value: v.Value
    cue: str | None  # the word or date that decided the reading
    anchor: date | None  # the date the value was computed from
    alternatives: tuple[v.Value, ...] = ()  # other readings that fit as well


def anchor_value(partial: Partial, ctx: Context) -> Anchored | None:
    """The concrete value, or None when the fields name no real date (Feb 30) or one
    outside the calendar that can be represented ("100000 years ago", "the 1st century")."""
    try:
        anchored = _anchor(partial, ctx)
    except (ValueError, OverflowError):
        return None
    return anchored if anchored is None or in_calendar(anchored.value) else None


def in_calendar(value: v.Value) -> bool:
    """The value lies within the pipeline's calendar (FIRST_DAY..LAST_DAY), so later
    stages can count days around it; one at the very ends of the calendar is dropped."""
    span = value.interval()
    return span is None or (span[0] >= FIRST_DAY and span[1] <= LAST_DAY)


def _anchor(partial: Partial, ctx: Context) -> Anchored | None:
    if isinstance(partial, Fixed):
        return Anchored(partial.value, None, None)
    if isinstance(partial, Calendar):
        return _calendar(partial, ctx)
    if isinstance(partial, Weekday):
        return _weekday(partial, ctx)
    if isinstance(partial, Shift):
        return _shift(partial, ctx)
    return _anaphor(partial, ctx)


# --- calendar fields --------------------------------------------------------------------


def _calendar(c: Calendar, ctx: Context) -> Anchored | None:
    if c.hour is not None and c.day is None and c.month is None:
        return _clock(c, ctx)
    year, cue, used = c.year, None, None
    if year is None and c.year_steps is not None and ctx.anchor is not None:
        year, cue, used = ctx.anchor.year + c.year_steps, "this year", ctx.anchor
    if year is None and any(x is not None for x in (c.month, c.quarter, c.half, c.season)):
        if ctx.anchor is None:
            return Anchored(v.Unanchored(_x_value(c)), None, None)
        year, cue = _year_for(c, ctx)
        used = ctx.anchor
        if c.weekday is not None and c.day is not None:
            year, cue = _year_with_weekday(c, year, cue)
    if year is None and c.day is not None and c.month is None and ctx.anchor is not None:
        return _day_of_month(c, ctx)  # "on the 25th"
    if year is None:
        return None
    point = _point(c, year)
    return Anchored(point, cue, used) if point else None


def _day_of_month(c: Calendar, ctx: Context) -> Anchored | None:
    """A day named without its month ("on the 25th", "Saturday the 15th"): in the publish
    month, or the month before or after when the weekday or the tense says so."""
    assert ctx.anchor is not None and c.day is not None
    anchor, d = ctx.anchor, ctx.direction
    months = [_month_shift(anchor, k) for k in (0, -1, 1, -2, 2)]
    days = [date(y, m, c.day) for y, m in months if c.day <= _month_length(y, m)]
    if c.weekday is not None:
        days = [x for x in days if x.isoweekday() == c.weekday]
        cue = "weekday"
    elif d.cue and d.sign == PAST:
        days = [x for x in days if x <= anchor]
        cue = d.cue
    elif d.cue and d.sign == FUTURE:
        days = [x for x in days if x >= anchor]
        cue = d.cue
    else:
        cue = "publish month"
    if not days:
        return None
    best = min(days, key=lambda x: abs((x - anchor).days))
    return Anchored(v.day(best), cue, anchor)


def _month_shift(d: date, k: int) -> tuple[int, int]:
    y, m = divmod(d.year * 12 + d.month - 1 + k, 12)
    return y, m + 1


def _month_length(year: int, month: int) -> int:
    y, m = _month_shift(date(year, month, 1), 1)
    return (date(y, m, 1) - timedelta(days=1)).day


def _year_for(c: Calendar, ctx: Context) -> tuple[int, str | None]:
    """The year of a month/quarter/season named without one.

    "last April" is the most recent April before the anchor and "next April" the first
    after. Otherwise the occurrence nearest to the anchor is taken (news is about the
    months around its date: "Jan. 2" in November is next January), except that a month
    alone with no cue at all stays in the past ("from $29.75 in March" in October); an
    explicit future cue asks for one ahead, a past cue for one behind."""
    assert ctx.anchor is not None
    anchor = ctx.anchor
    month = _first_month(c)
    if c.steps is not None:
        return _year_by_relation(c, month, anchor)
    if c.quarter is not None or c.half is not None:
        return _reporting_year(c, month, ctx)
    year = anchor.year
    if month > anchor.month + 6:
        year -= 1
    elif month < anchor.month - 6 and (c.day is not None or ctx.direction.cue is not None):
        year += 1  # "payable Jan. 2"; a month alone with no cue is news of the past
    return _year_by_tense(c, year, month, ctx)


def _reporting_year(c: Calendar, month: int, ctx: Context) -> tuple[int, str | None]:
    """A quarter or half is reported on while it runs or after it ends: one starting more
    than a quarter after the anchor's month is last year's ("fourth quarter" in January),
    unless a future cue looks ahead to one that ended this year more than a quarter ago
    ("expects margins to improve in Q1", said in November, is next year's)."""
    assert ctx.anchor is not None
    anchor, d = ctx.anchor, ctx.direction
    year = anchor.year - (1 if month > anchor.month + 3 else 0)
    last_month = month + (2 if c.quarter is not None else 5)
    # one that ended within the last quarter is still being reported ("expects to report
    # third-quarter results", said in October)
    if d.sign == FUTURE and d.cue and year == anchor.year and last_month < anchor.month - 3:
        return year + 1, d.cue
    return year, "reporting quarter"


def _year_by_relation(c: Calendar, month: int, anchor: date) -> tuple[int, str]:
    named = (month, c.day or 0)
    if c.steps == -1:
        return (anchor.year if named < (anchor.month, 0 if c.day is None else anchor.day)
                else anchor.year - 1), "last"
    if c.steps == 1:
        return (anchor.year if named > (anchor.month, 32 if c.day is None else anchor.day)
                else anchor.year + 1), "next"
    return anchor.year, "this"


def _year_by_tense(c: Calendar, year: int, month: int, ctx: Context) -> tuple[int, str | None]:
    """Move the nearest occurrence a year when the clause's cue says it lies the other way:
    a future cue moves one behind ahead; a past cue moves one well ahead (a strong cue,
    "had", "ended": any one ahead) back. Days count when the text gives one."""
    assert ctx.anchor is not None
    anchor, d = ctx.anchor, ctx.direction
    named = (year, month, c.day or 0)
    ahead = named > (anchor.year, anchor.month, anchor.day if c.day else 0)
    behind = named < (anchor.year, _last_month(c, anchor), anchor.day if c.day else 0)
    months_ahead = (year - anchor.year) * 12 + month - anchor.month
    # A day named a few weeks back is that day even in a future clause ("would bring aid
    # to where the Aug. 7 blasts killed ..."); a month named behind is next year's.
    if d.sign == FUTURE and d.cue and behind and (c.day is None or months_ahead < -2):
        return year + 1, d.cue
    far_ahead = ahead and months_ahead > 2
    if d.sign == PAST and d.cue and (far_ahead or (d.strong and ahead)):
        return year - 1, d.cue
    return year, d.cue if d.cue else "nearest to the anchor"


def _year_with_weekday(c: Calendar, year: int, cue: str | None) -> tuple[int, str | None]:
    """"Thursday, Jan. 6": of the years around the guess, the one where the day is that weekday."""
    for candidate in (year, year - 1, year + 1):
        try:
            if date(candidate, c.month or 1, c.day or 1).isoweekday() == c.weekday:
                return candidate, "weekday matches"
        except ValueError:
            continue
    return year, cue


def _first_month(c: Calendar) -> int:
    if c.month is not None:
        return c.month
    if c.quarter is not None:
        return 3 * (c.quarter - 1) + 1
    if c.half is not None:
        return 1 if c.half == 1 else 7
    return v.SEASON_MONTHS[c.season or "SP"][0]


def _last_month(c: Calendar, anchor: date) -> int:
    """The anchor month; for a quarter, the first month of the anchor's quarter, so that a
    quarter still running is not pushed to next year."""
    if c.quarter is not None:
        return 3 * ((anchor.month - 1) // 3) + 1
    return anchor.month


def _point(c: Calendar, year: int) -> v.Point | None:
    try:
        if c.easter is not None:
            return _day_or_week(easter_sunday(year) + timedelta(days=c.easter), c)
        if c.nth is not None and c.month is not None and c.weekday is not None:
            found = _nth_weekday(year, c.month, c.weekday, c.nth, c.after_day)
            return _day_or_week(found + timedelta(days=c.days_after), c)
        if c.day is not None and c.month is not None:
            d = date(year, c.month, c.day)
            return v.week_of(d) if c.whole_week else _with_time(d, c)
        if c.month is not None:
            return v.month(year, c.month)
        if c.quarter is not None:
            return v.quarter(year, c.quarter)
        if c.half is not None:
            return v.half(year, c.half)
        if c.season is not None:
            return v.season(year, c.season)
        return v.year(year)
    except ValueError:
        return None


def _day_or_week(d: date, c: Calendar) -> v.Point:
    return v.week_of(d) if c.whole_week else v.day(d)


def easter_sunday(year: int) -> date:
    """Western Easter: the anonymous Gregorian computus (Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * el) // 433
    month, day = divmod(h + el - 7 * m + 90, 25)
    return date(year, month, (h + el - 7 * m + 33 * month + 19) % 32)


def _nth_weekday(year: int, month: int, weekday: int, nth: int, after_day: int = 0) -> date:
    """The nth given weekday of a month (-1: the last), counted after day `after_day`."""
    if nth < 0:
        last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
        return last - timedelta(days=(last.isoweekday() - weekday) % 7)
    first = date(year, month, after_day + 1)
    return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))


def _with_time(d: date, c: Calendar) -> v.Point:
    if c.hour is not None:
        grain = v.Grain.MINUTE if c.minute else v.Grain.HOUR
        return v.Point(d, grain, hour=c.hour, minute=c.minute)
    if c.part is not None:
        return v.Point(d, v.Grain.PART_OF_DAY, part=c.part)
    return v.day(d)


def _clock(c: Calendar, ctx: Context) -> Anchored | None:
    ref = ctx.reference
    if ref is not None and ref.grain in (v.Grain.DAY, v.Grain.PART_OF_DAY):
        return Anchored(_with_time(ref.start, c), ref.timex, ref.start)
    if ctx.anchor is None:
        return Anchored(v.Unanchored(f"XXXX-XX-XXT{c.hour:02d}:{c.minute or 0:02d}"), None, None)
    return Anchored(_with_time(ctx.anchor, c), None, ctx.anchor)


def _x_value(c: Calendar) -> str:
    if c.month is not None:
        return f"XXXX-{c.month:02d}" + (f"-{c.day:02d}" if c.day else "")
    if c.quarter is not None:
        return f"XXXX-Q{c.quarter}"
    if c.half is not None:
        return f"XXXX-H{c.half}"
    return f"XXXX-{c.season}"


# --- weekdays ---------------------------------------------------------------------------


def _weekday(w: Weekday, ctx: Context) -> Anchored:
    if ctx.anchor is None:
        return Anchored(v.Unanchored(f"XXXX-WXX-{w.weekday}"), None, None)
    anchor = ctx.anchor
    ref = ctx.reference
    if w.from_reference and ref is not None and ref.grain in (v.Grain.DAY, v.Grain.PART_OF_DAY):
        anchor = ref.start
    back = (anchor.isoweekday() - w.weekday) % 7  # days back to the same or last such day
    others: tuple[date, ...] = ()
    cue: str | None
    if w.steps is not None and w.steps < 0:  # "last Friday", "Friday before last" (-2)
        d, cue = anchor - timedelta(days=(back or 7) + 7 * (-w.steps - 1)), "last"
    elif w.steps is not None and w.steps > 0:
        d, cue = anchor + timedelta(days=((7 - back) % 7 or 7) + 7 * (w.steps - 1)), "next"
        if w.either_week and w.steps == 1 and _same_week(d, anchor):
            others = (d + timedelta(days=7),)  # "next Thursday" said on a Tuesday
    elif ctx.direction.sign == FUTURE:
        d, cue = anchor + timedelta(days=(7 - back) % 7), ctx.direction.cue
    else:
        d, cue = anchor - timedelta(days=back), ctx.direction.cue
    return Anchored(_weekday_point(w, d), cue, anchor,
                    tuple(_weekday_point(w, other) for other in others))


def _weekday_point(w: Weekday, d: date) -> v.Point:
    if w.hour is not None:
        return _with_time(d, Calendar(hour=w.hour, minute=w.minute))
    if w.weekend:
        return v.Point(v.week_of(d).start, v.Grain.WEEK, part="WE")
    return v.Point(d, v.Grain.PART_OF_DAY, part=w.part) if w.part else v.day(d)


def _same_week(a: date, b: date) -> bool:
    """The same calendar week, Monday to Sunday (ISO 8601, as every week value here)."""
    return a.isocalendar()[:2] == b.isocalendar()[:2]


# --- shifts from the anchor ---------------------------------------------------------------


def _shift(s: Shift, ctx: Context) -> Anchored:
    if ctx.anchor is None:
        return Anchored(v.Unanchored(_x_unit(s.unit)), None, None)
    anchor = ctx.anchor
    ref = ctx.reference
    if s.unit in _MINUTES_IN:  # "two hours ago": the publish time is not known, its day is
        return Anchored(v.day(anchor), None, anchor)
    if s.follows_period and ref is not None and ref.grain in _PERIOD_GRAINS:
        return _anaphor(Anaphor(s.unit, s.steps, keep_grain=True), ctx)
    if s.grain == "day" or (s.unit == "day" and s.grain is None):
        days = s.steps * (7 if s.unit == "week" else 1)
        d = anchor + timedelta(days=days)
        point = v.Point(d, v.Grain.PART_OF_DAY, part=s.part) if s.part else v.day(d)
        return Anchored(point, None, anchor)
    point = v.shift(_unit_point(anchor, s.unit), s.steps)
    # "next weekend" said before this week's weekend (Monday to Friday): that one may be meant
    this_one = s.either_week and s.steps == 1 and anchor.isoweekday() <= _FRIDAY
    return Anchored(point, None, anchor, (v.shift(point, -1),) if this_one else ())


_FRIDAY = 5  # ISO weekday number

# "a year ago" after one of these was named compares with that period a year back
# ("September sales rose 5% from a year ago" is September of last year).
_PERIOD_GRAINS = frozenset({v.Grain.QUARTER, v.Grain.HALF, v.Grain.MONTH})


def _unit_point(d: date, unit: str) -> v.Point:
    """The calendar unit of the given size that holds day d."""
    if unit in ("week", "weekend"):
        p = v.week_of(d)
        return v.Point(p.start, v.Grain.WEEK, part="WE") if unit == "weekend" else p
    builders = {
        "day": lambda: v.day(d),
        "month": lambda: v.month(d.year, d.month),
        "quarter": lambda: v.quarter(d.year, (d.month - 1) // 3 + 1),
        "half": lambda: v.half(d.year, 1 if d.month <= 6 else 2),
        "year": lambda: v.year(d.year),
        "decade": lambda: v.decade(d.year),
        "century": lambda: v.century(d.year),
    }
    return builders.get(unit, builders["day"])()


def _x_unit(unit: str) -> str:
    if unit in _MINUTES_IN:  # within some day
        return "XXXX-XX-XX"
    return {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX",
            "quarter": "XXXX-QX", "decade": "XXX", "century": "XX"}.get(unit, "XXXX")


# --- anaphora ----------------------------------------------------------------------------------


def _anaphor(a: Anaphor, ctx: Context) -> Anchored:
    ref = ctx.reference
    if a.grain == "quarter":
        return _quarter_anaphor(a, ctx)
    if ref is None and a.keep_grain and a.unit == "year" and ctx.anchor is not None:
        # "up from $4 million a year earlier" with no period named: the year before
        return Anchored(v.shift(v.year(ctx.anchor.year), a.steps), None, ctx.anchor)
    if ref is None:
        return Anchored(v.Unanchored(_x_unit(a.unit)), None, None)
    if a.unit in _MINUTES_IN:
        return Anchored(_within_day(a, ref), ref.timex, ref.start)
    if a.keep_grain and ref.grain in _MONTHS_PER_GRAIN:
        return Anchored(_shift_keeping_grain(ref, a), ref.timex, ref.start)
    if a.unit == "day":
        if ref.grain not in _DAY_GRAINS:
            return Anchored(v.Unanchored("XXXX-XX-XX"), None, None)
        d = ref.start + timedelta(days=a.steps)
        point = v.Point(d, v.Grain.PART_OF_DAY, part=a.part) if a.part else v.day(d)
        return Anchored(point, ref.timex, ref.start)
    base = _unit_point(ref.start, a.unit)
    return Anchored(v.shift(base, a.steps), ref.timex, ref.start)


# Units shorter than a day, in minutes: an offset in them moves the clock, not the calendar.
_MINUTES_IN = {"hour": 60.0, "minute": 1.0, "second": 1 / 60}
# Grains of a value that lies within one day (a clock time or a part of day is on its day).
_DAY_GRAINS = frozenset({v.Grain.DAY, v.Grain.PART_OF_DAY, v.Grain.HOUR, v.Grain.MINUTE})


def _within_day(a: Anaphor, ref: v.Point) -> v.Point:
    """"Eleven hours later", "40 minutes earlier": from a clock time, the time the offset
    gives (the day after or before only when it crosses midnight); from a day, or a part of
    day whose clock is unknown, that day; from a longer period, that period. Never whole
    days: the count is of hours, not of days."""
    if ref.hour is None:
        return v.day(ref.start) if ref.grain in _DAY_GRAINS else _strip(ref)
    at = datetime.combine(ref.start, time(ref.hour, ref.minute or 0)) + timedelta(
        minutes=round(a.steps * _MINUTES_IN[a.unit]))
    if at.minute == 0 and ref.grain is v.Grain.HOUR:
        return v.Point(at.date(), v.Grain.HOUR, hour=at.hour)
    return v.Point(at.date(), v.Grain.MINUTE, hour=at.hour, minute=at.minute)


def _quarter_anaphor(a: Anaphor, ctx: Context) -> Anchored:
    """"the quarter", "the year-ago quarter", "the 1988 quarter": the reporting quarter
    last mentioned, or else the last one ended before the anchor (what financial news
    reports on), moved as the phrase says."""
    ref, cue = ctx.reference, None
    if a.period and ref is not None and ref.grain is v.Grain.YEAR:
        return _year_period(a, ref, ctx)
    if ref is not None and ref.grain is v.Grain.QUARTER:
        base, cue = _strip(ref), ref.timex
    elif ctx.anchor is not None:
        base, cue = v.shift(_unit_point(ctx.anchor, "quarter"), -1), "last quarter ended"
    else:
        return Anchored(v.Unanchored("XXXX-QX"), None, None)
    if a.year is not None:
        base = v.quarter(a.year, (base.start.month - 1) // 3 + 1)
    point = _shift_keeping_grain(base, a) if a.unit == "year" else v.shift(base, a.steps)
    return Anchored(point, cue, ctx.anchor)


def _year_period(a: Anaphor, ref: v.Point, ctx: Context) -> Anchored:
    """"the year-earlier period", "the 1988 period" when the period under discussion spans
    more than a quarter ("the nine months"): the year that holds it, as the phrase moves it."""
    if a.year is not None:
        return Anchored(v.year(a.year), ref.timex, ctx.anchor)
    return Anchored(v.shift(_strip(ref), a.steps if a.unit == "year" else 0), ref.timex,
                    ctx.anchor)


def _shift_keeping_grain(ref: v.Point, a: Anaphor) -> v.Point:
    months = {"year": 12, "month": 1, "quarter": 3}.get(a.unit, 12)
    steps = a.steps * months // _MONTHS_PER_GRAIN.get(ref.grain, 12)
    return v.shift(_strip(ref), steps)


_MONTHS_PER_GRAIN = {v.Grain.MONTH: 1, v.Grain.QUARTER: 3, v.Grain.HALF: 6, v.Grain.YEAR: 12,
                     v.Grain.SEASON: 12}


def _strip(p: v.Point) -> v.Point:
    return v.Point(p.start, p.grain, season=p.season)

