"""Entry point of the date-resolution stage: recognize, then anchor in text order.

One pass over the recognized expressions, in reading order, keeps what anchoring needs
beyond the publish date: the clause's direction (tense.py), the last date mentioned (for
"the next day", "a year earlier"), the first reading of each weekday (a story has one
Friday), "the quarter ended Sept. 30" pairs, and the period under discussion for
comparisons ("up from $4 million a year earlier"): the quarter the story reports on (the
first named), or the year when "the nine months" are discussed. A last pass dates deictic
words inside quotations from their attribution ("... today," Trump said Wednesday).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from timeline import values as v
from timeline.dates.anchor import Anchored, Context, anchor_value
from timeline.dates.language import Language, load
from timeline.dates.partial import Anaphor, Calendar, Fixed, Partial, Shift, Weekday
from timeline.dates.recognize import Found, recognize
from timeline.dates.tense import PAST, Direction, direction
from timeline.model import Timex
from timeline.text import Span, quotations, span_at

# Anaphora at these units look no further back than their paragraph, or the one before when
# they open theirs ("Later that day, ..."); coarser ones ("a year earlier", "the quarter")
# may point anywhere earlier in the text.
_PARAGRAPH_UNITS = frozenset({"day", "week", "weekend", "hour", "minute", "second"})
_HALF_QUARTER_DAYS = 45  # back from a quarter's last day to its middle
_REPORTING_GRAINS = frozenset({v.Grain.QUARTER, v.Grain.HALF, v.Grain.MONTH})


def resolve_text(text: str, anchor: date | None, language: str = "en") -> list[Timex]:
    """All temporal expressions in `text`, resolved against `anchor` (the publish day)."""
    return anchor_dates(text, analyse_dates(text, language), anchor, language)


@dataclass(frozen=True)
class DateAnalysis:
    """What anchoring needs that does not depend on the anchor: the expressions, each
    one's direction (by its clause's tense), and which are tied to a neighbour. Made
    once per text; `anchor_dates` reads it under any publish day."""

    found: tuple[Found, ...]
    directions: tuple[Direction, ...]
    ending: frozenset[int]  # "the quarter ended Sept. 30"
    clocked: dict[int, int]  # clock -> its day: "10:35 a.m. (0735 GMT) Friday"
    out_of_tense: frozenset[int]  # "he was soon released"
    restated: frozenset[int]  # "9 p.m. local time (1800 GMT)": the same time, not tagged
    compared: frozenset[int]  # "up from $5 million last year"


def analyse_dates(text: str, language: str) -> DateAnalysis | None:
    """The anchor-free reading of a text's dates; None for a language without date
    data (its explicit dates are then read by the fallback at anchoring)."""
    try:
        lang = load(language)
    except LookupError:
        return None
    found = recognize(text, lang)
    cues = _without_expressions(text, found)
    directions = [_direction(cues, f, lang) for f in found]
    for i in _range_ends(text, found):  # "from March until May": May as March reads
        directions[i] = directions[i - 1]
    return DateAnalysis(
        tuple(found),
        tuple(directions),
        frozenset(_period_endings(text, found)),
        _clocks_with_day_after(text, found),
        frozenset(i for i, f in enumerate(found) if _out_of_tense(text, cues, f, lang)),
        frozenset(_restated_clocks(text, found)),
        frozenset(i for i, f in enumerate(found) if _compared_amount(text, f, lang)),
    )


def anchor_dates(
    text: str, analysis: DateAnalysis | None, anchor: date | None, language: str
) -> list[Timex]:
    """The expressions of `analysis` (of `text`) resolved against `anchor`, in text order."""
    if isinstance(anchor, datetime):  # a publish time: its day is the anchor
        anchor = anchor.date()
    if analysis is None:
        from timeline.dates.fallback import explicit_dates

        return explicit_dates(text, anchor, language)
    return _anchor_all(text, analysis, anchor, load(language))


# "from March until May", "between 2010 and 2015", "March to May"
_RANGE_OPENING = re.compile(r"(?:from|between)\s+$", re.IGNORECASE)
# The gaps between two expressions below start with "(?<!\s)": a gap starts where an
# expression ends, never in white space, and a search (as a refactor might write it) then
# tries a run of white space once, not from each of its characters (quadratic).
_RANGE_JOIN = re.compile(r"(?<!\s)\s*(?:-|–|to|until|till|through|and)\s*", re.IGNORECASE)


def _range_ends(text: str, found: list[Found]) -> list[int]:
    """Indexes of expressions that end a range opened by the one before them: the end
    reads in the same direction as the start (the join word is no cue of its own)."""
    return [
        i
        for i in range(1, len(found))
        if _RANGE_JOIN.fullmatch(text, found[i - 1].end, found[i].start)
        and _RANGE_OPENING.search(text, max(0, found[i - 1].start - 12), found[i - 1].start)
    ]


def _anchor_all(
    text: str, analysis: DateAnalysis, anchor: date | None, lang: Language
) -> list[Timex]:
    resolved: list[tuple[Found, Anchored]] = []
    in_paragraph: v.Point | None = None  # last date of this paragraph or the one before
    in_text: v.Point | None = None
    last_end = 0
    found, directions = analysis.found, analysis.directions
    ending, clocked = analysis.ending, analysis.clocked
    weekdays: dict[int, Anchored] = {}  # weekday -> its first reading in this text
    span: v.Point | None = None  # the year of "the nine months" named in this paragraph
    topic: v.Point | None = None  # the quarter reported on: the first one named
    for i, f in enumerate(found):
        breaks = _paragraph_breaks(text, last_end, f.start)
        if breaks > 1 or (breaks and in_paragraph is not None and not _opens(text, f.start)):
            in_paragraph = None
        span = None if breaks else span
        last_end = f.end
        if i in analysis.out_of_tense or i in analysis.restated:
            continue
        if i in analysis.compared:  # "compared with $33 million last year"
            f = replace(f, partial=replace(f.partial, follows_period=True))
        reference = _reference(f.partial, in_paragraph, in_text, span, topic)
        if i in clocked:  # "10:35 a.m. (0735 GMT) Friday": the day that follows
            j = clocked[i]
            reference = _day_of(found[j], Context(anchor, directions[j], None))
        span = _span_year(text, f, lang, in_text, anchor) or span
        ctx = Context(anchor, directions[i], reference)
        anchored = _same_weekday(f, ctx, weekdays) or anchor_value(f.partial, ctx)
        if isinstance(f.partial, Weekday) and anchored is not None and f.partial.steps is None:
            weekdays.setdefault(f.partial.weekday, anchored)
        if i in ending and anchored is not None:
            ended = found[i + 1]  # dated by its own clause ("ended" looks back)
            bare = Context(anchor, directions[i + 1], None)
            anchored = _period_ending(anchored, f.partial, ended, bare)
        if anchored is None:
            continue
        f, anchored = _day_around(text, f, anchored, resolved, lang)
        f, anchored = _undated_offset(text, f, anchored)
        resolved.append((f, anchored))
        is_point = isinstance(anchored.value, v.Point)
        of_clock = clocked.get(i - 1) == i  # "at 9 p.m. on Monday": the clock is the finer date
        if is_point and _sets_reference(f.partial) and i - 1 not in ending and not of_clock:
            in_paragraph = in_text = anchored.value
            if topic is None and in_text.grain is v.Grain.QUARTER:
                topic = in_text
    if anchor is not None and any(isinstance(f.partial, Shift) for f, _ in resolved):
        resolved = _date_quotations(text, resolved, lang)
    return [_timex(text, f, a) for f, a in resolved]


def _date_quotations(
    text: str, resolved: list[tuple[Found, Anchored]], lang: Language
) -> list[tuple[Found, Anchored]]:
    """A deictic word inside a quotation ("today", "tomorrow") counts from the day the
    words were said, when the attribution dates them: "... today," Trump said Wednesday."""
    quotes = quotations(text)
    if not quotes:
        return resolved
    out = []
    for f, a in resolved:
        quote = span_at(quotes, f.start) if isinstance(f.partial, Shift) else None
        said = _attribution_day(text, quote, resolved, lang) if quote else None
        if said is not None:
            again = anchor_value(f.partial, Context(said.start, Direction(PAST), None))
            if again is not None:
                a = replace(again, cue=f"said {said.timex}", anchor=said.start)
        out.append((f, a))
    return out


def _attribution_day(
    text: str, quote: Span, resolved: list[tuple[Found, Anchored]], lang: Language
) -> v.Point | None:
    """The day of the statement: a day-grain date right after the closing quote in the
    attribution ("Trump said Wednesday", "he told reporters on Friday")."""
    verbs = frozenset(lang.tables.get("speech_verbs", []))
    for f, a in resolved:
        if f.start < quote.end or not isinstance(a.value, v.Point):
            continue
        between = text[quote.end : f.start]
        if len(between) > 60 or not verbs.intersection(re.findall(r"[a-z]+", between.lower())):
            return None
        return a.value if a.value.grain is v.Grain.DAY else None
    return None


# "the quarter ended Sept. 30": the date names the quarter, it is not a new reference.
_ENDED = re.compile(r"(?<!\s)\s+(?:that\s+|which\s+)?end(?:ed|ing|s)\s+(?:on\s+)?$")


def _period_endings(text: str, found: list[Found]) -> set[int]:
    """Indexes of quarter expressions directly followed by "ended <day>"."""
    pairs = set()
    for i, (f, g) in enumerate(zip(found, found[1:], strict=False)):
        quarterly = (isinstance(f.partial, Anaphor) and f.partial.grain == "quarter") or (
            isinstance(f.partial, Calendar) and f.partial.quarter is not None
        )
        dated = isinstance(g.partial, Calendar) and g.partial.day is not None
        if quarterly and dated and _ENDED.match(text, f.end, g.start):
            pairs.add(i)
    return pairs


# between a clock time and the day it is on: "local time", a parenthetical ("(0735 GMT)")
# or its opening
# (No two runs of white space meet: ",?\s*" after "\s*" gave a failing match n^2 ways to
# split a run of spaces.)
_CLOCK_TO_DAY = re.compile(
    r"(?<!\s)\)?\s*(?:local\s+time\s*)?(?:,\s*)?(?:\([^()]{0,25}\)\s*|\(\s*)?(?:on\s+)?")


def _clocks_with_day_after(text: str, found: list[Found]) -> dict[int, int]:
    """Bare clock times whose day follows them (index -> the day's index), across "local
    time" and a parenthetical, which may hold the same time elsewhere:
    "at 10:35 a.m. (0735 GMT) Friday", "at 9 p.m. local time (1800 GMT) on Sunday",
    "at 4 in the morning (4 a.m. EDT Thursday)", "at 10.30am yesterday"."""
    days: dict[int, int] = {}
    for i in range(len(found) - 1, -1, -1):  # from the end: a chain takes its last link's day
        if not _bare_clock(found[i]) or i + 1 == len(found):
            continue
        g = found[i + 1]
        if _is_day(g) and _CLOCK_TO_DAY.fullmatch(text, found[i].end, g.start):
            days[i] = i + 1
        elif i + 1 in days and _CLOCK_TO_CLOCK.fullmatch(text, found[i].end, g.start):
            days[i] = days[i + 1]  # "9 p.m. local time (1800 GMT) ...": the same day
    return days


# a clock restated in another zone: "9 p.m. local time (1800 GMT"
_CLOCK_TO_CLOCK = re.compile(r"(?<!\s)\s*(?:local\s+time\s*)?(?:,\s*)?\(\s*")


def _restated_clocks(text: str, found: list[Found]) -> list[int]:
    """Clock times in parentheses right after a clock time restate it in another zone
    ("at 10:35 a.m. (0735 GMT) Friday"): the annotated gold leaves them out, and an entry
    needs the time once."""
    return [
        i
        for i in range(1, len(found))
        if _bare_clock(found[i])
        and _bare_clock(found[i - 1])
        and _CLOCK_TO_CLOCK.fullmatch(text, found[i - 1].end, found[i].start)
    ]


def _bare_clock(f: Found) -> bool:
    p = f.partial
    return isinstance(p, Calendar) and p.hour is not None and p.day is None and p.month is None


def _is_day(f: Found) -> bool:
    p = f.partial
    return (
        isinstance(p, Weekday)
        or (isinstance(p, Calendar) and p.day is not None)
        or (isinstance(p, Shift) and p.unit == "day")
    )


def _day_of(f: Found, ctx: Context) -> v.Point | None:
    day = anchor_value(f.partial, ctx)
    return v.day(day.value.start) if day is not None and isinstance(day.value, v.Point) else None


def _period_ending(quarter: Anchored, quarter_of: Partial, ended: Found, ctx: Context) -> Anchored:
    """The calendar quarter holding most of the three months that end on the day given
    ("the quarter ended July 31" is mostly May to July: Q2; one ended Jan. 1 is last
    year's Q4); a numbered (fiscal) quarter keeps its number and takes the year of that day."""
    day = anchor_value(ended.partial, ctx)
    if day is None or not isinstance(day.value, v.Point) or not isinstance(quarter.value, v.Point):
        return quarter
    d = day.value.start
    if quarter.value.grain is v.Grain.QUARTER and isinstance(quarter_of, Calendar):
        return Anchored(v.quarter(d.year, quarter_of.quarter or 1), day.value.timex, d)
    middle = d - timedelta(days=_HALF_QUARTER_DAYS)
    return Anchored(v.quarter(middle.year, (middle.month - 1) // 3 + 1), day.value.timex, d)


def _day_around(
    text: str, f: Found, a: Anchored, resolved: list[tuple[Found, Anchored]], lang: Language
) -> tuple[Found, Anchored]:
    """ "the day before last Tuesday", "the day after Christmas": one expression, the day
    next to the one named."""
    if not (isinstance(a.value, v.Point) and a.value.grain is v.Grain.DAY):
        return f, a
    before = text[max(0, f.start - 30) : f.start].lower()
    for phrase, steps in (lang.tables.get("day_around") or {}).items():
        start = f.start - len(before) + before.rfind(phrase)
        if before.endswith(phrase) and not (resolved and resolved[-1][0].end > start):
            day = v.day(a.value.start + timedelta(days=int(steps)))
            return replace(f, start=start), Anchored(day, a.cue, a.anchor)
    return f, a


def _undated_offset(text: str, f: Found, a: Anchored) -> tuple[Found, Anchored]:
    """An offset shorter than a day with no date to count from ("A minute and a half later,
    a pilot calls in") is tagged as TimeML tags it: the duration, without "later"."""
    p = f.partial
    if not (isinstance(p, Anaphor) and p.undated is not None
            and isinstance(a.value, v.Unanchored)):
        return f, a
    end = f.start + len(text[f.start : f.end].rsplit(None, 1)[0])
    return replace(f, end=end, type="DURATION"), Anchored(p.undated, None, None)


def _same_weekday(f: Found, ctx: Context, weekdays: dict[int, Anchored]) -> Anchored | None:
    """A bare weekday with no cue of its own ("Friday's meeting") is the day the same
    weekday named earlier in the text was read as: one story, one Friday."""
    w = f.partial
    if not isinstance(w, Weekday) or w.steps is not None or ctx.direction.cue is not None:
        return None
    first = weekdays.get(w.weekday)
    if first is None or not isinstance(first.value, v.Point):
        return None
    day = first.value.start
    again = anchor_value(
        Weekday(w.weekday, part=w.part, hour=w.hour, minute=w.minute, weekend=w.weekend),
        Context(day, Direction(PAST), None),
    )
    if again is None:
        return None
    return Anchored(again.value, f"same as {first.value.timex}", first.anchor)


def _paragraph_breaks(text: str, start: int, end: int) -> int:
    return text.count("\n\n", start, end)


def _opens(text: str, start: int) -> bool:
    """The expression opens its paragraph (nothing but a word or two before it)."""
    line_start = text.rfind("\n", 0, start) + 1
    return len(text[line_start:start].split()) <= 1


def _paragraph_bound(partial: Partial) -> bool:
    if isinstance(partial, Anaphor):
        return partial.unit in _PARAGRAPH_UNITS or partial.grain == "quarter"
    return isinstance(partial, Calendar) and partial.hour is not None


def _reference(
    partial: Partial,
    in_paragraph: v.Point | None,
    in_text: v.Point | None,
    span: v.Point | None,
    topic: v.Point | None,
) -> v.Point | None:
    """The date an anaphor counts from. A comparison ("a year ago") or a quarter ("the
    latest period") is the period under discussion: a longer reporting span of this
    paragraph makes it the year; a month counts only within its own paragraph (a month
    named in passing is no period under discussion)."""
    ref = in_paragraph if _paragraph_bound(partial) else in_text
    quarterly = isinstance(partial, Anaphor) and partial.grain == "quarter"
    if not (_comparison(partial) or quarterly):
        return ref
    if span is not None:
        return span
    if isinstance(partial, Shift) and in_text is not None and in_text.grain is v.Grain.MONTH:
        return in_paragraph
    return _reported_quarter(ref, ref is in_paragraph, quarterly, topic)


def _reported_quarter(
    ref: v.Point | None, here: bool, quarterly: bool, topic: v.Point | None
) -> v.Point | None:
    """A quarter named in this paragraph is the one under discussion; one named in passing
    in another paragraph is not: the quarter reported on (the first named) is. Nor is a
    day ("ended Sept. 30") the period of "the latest period"."""
    if topic is None or (ref is not None and here and ref.grain is v.Grain.QUARTER):
        return ref
    if ref is None or ref.grain is v.Grain.QUARTER or quarterly:
        return topic
    return ref


# an amount just before the expression ("$33 million last year") or just after its
# possessive ("last year's $1.55 billion"). The amount is a whole run of digits, points
# and commas (so no comma is both its and the separator's, and a search starts once a run)
_AMOUNT_BEFORE = re.compile(r"(?<![\d.,])\d[\d.,]*(?![\d.,])(?:\s+[a-z]+){0,3}[\s,]*$",
                            re.IGNORECASE)
_AMOUNT_AFTER = re.compile(r"['’]s\s+\W?\d")


def _compared_amount(text: str, f: Found, lang: Language) -> bool:
    """ "last year" as the other side of a comparison of amounts ("up from $5 million last
    year", "from last year's $1.55 billion"): the period under discussion a year back,
    as "a year earlier" is."""
    p = f.partial
    if not (
        isinstance(p, Shift)
        and p.unit == "year"
        and p.steps == -1
        and p.grain is None
        and not p.follows_period
    ):
        return False
    if not (
        _AMOUNT_BEFORE.search(text, max(0, f.start - 40), f.start)
        or _AMOUNT_AFTER.match(text, f.end)
    ):
        return False
    sentence = text[max(0, text.rfind(".", 0, f.start - 1), f.start - 200) : f.start].lower()
    words = lang.tables.get("comparison_words") or ()
    return any(re.search(rf"\b{re.escape(w)}\b", sentence) for w in words)


def _comparison(partial: Partial) -> bool:
    """ "a year earlier", "a year ago", "the year-earlier period", "the 1988 period": the
    period under discussion, a year back."""
    if isinstance(partial, Shift):
        return partial.follows_period
    return isinstance(partial, Anaphor) and (
        (partial.keep_grain and partial.unit == "year") or partial.period
    )


def _span_year(
    text: str, f: Found, lang: Language, last: v.Point | None, anchor: date | None
) -> v.Point | None:
    """The year of the period under discussion when `f` names a reporting span longer than
    a quarter and shorter than a year ("the nine months", "the first six months"): a
    comparison with it ("up from $5 million a year earlier") is one of years."""
    value = f.partial.value if isinstance(f.partial, Fixed) else None
    if not (
        isinstance(value, v.Duration)
        and value.unit == "month"
        and value.amount is not None
        and 3 < value.amount < 12
    ):
        return None
    leads = lang.tables.get("reporting_span_leads") or ()
    if text[f.start : f.end].split(" ", 1)[0].lower() not in leads:
        return None  # "nine months in jail" is no reporting period
    if last is not None and last.grain in _REPORTING_GRAINS:
        return v.year(last.start.year)
    # else the year of the last quarter ended: reports come after their period
    return v.year(anchor.year - (anchor.month <= 3)) if anchor is not None else None


def _sets_reference(partial: Partial) -> bool:
    """Dates that later anaphora may point to; shifted copies of a mention do not."""
    if isinstance(partial, Anaphor):  # "the 1988 period" is a comparison, not the topic
        return partial.steps == 0 and partial.year is None
    return not (isinstance(partial, Shift) and partial.steps != 0 and partial.unit != "day")


def _without_expressions(text: str, found: list[Found]) -> str:
    """The text with every recognized expression blanked out: the words of another date
    ("last Thursday", "two years ago") are not the tense of a clause, and the full stop
    of "Nov. 6" does not end one."""
    parts, last = [], 0
    for f in found:
        if f.start >= last:
            parts.append(text[last : f.start])
            parts.append(" " * (f.end - f.start))
            last = f.end
    parts.append(text[last:])
    return "".join(parts)


def _out_of_tense(text: str, cues: str, f: Found, lang: Language) -> bool:
    """A future reference like "soon" in a clause about the past ("he was soon released")
    speaks of a time after a past event, not after the publish date."""
    if not (isinstance(f.partial, Fixed) and isinstance(f.partial.value, v.Reference)):
        return False
    bound = lang.tables.get("tense_bound_references") or ()
    if text[f.start : f.end].lower() not in bound:
        return False
    d = direction(cues, f.start, f.end, lang)
    return d.sign == PAST and d.cue is not None


def _direction(text: str, f: Found, lang: Language) -> Direction:
    if isinstance(f.partial, Weekday) and text.startswith(("'s", "’s"), f.end):
        return Direction(PAST)  # "Wednesday's ruling": the clause's verb is not its own
    if isinstance(f.partial, (Calendar, Weekday)):
        # A scheduled present looks ahead to a weekday or a day of this month ("closes on
        # the 28th"); a month named in the present tense is as often a statistic of the
        # past ("the figure for August is 3.2%").
        day_alone = (
            isinstance(f.partial, Calendar)
            and f.partial.month is None
            and (f.partial.day is not None)
        )
        return direction(
            text, f.start, f.end, lang, present=isinstance(f.partial, Weekday) or day_alone
        )
    return Direction(PAST)


def _timex(text: str, f: Found, a: Anchored) -> Timex:
    value = a.value
    type_ = "TIME" if isinstance(value, v.Point) and value.is_time else f.type
    if type_ == "TIME" and not (isinstance(value, v.Point) and value.is_time):
        type_ = "DATE" if not isinstance(value, v.Unanchored) else type_
    span = text[f.start : f.end]
    return Timex(span, f.start, f.end, type_, value, f.mod, f.rule, a.cue, a.anchor,
                 a.alternatives)
