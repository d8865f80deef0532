"""Properties of timeline.dates.resolve that hold for any text and any anchor.

For any input: no exception; every timex lies inside the text and its `text` is the
slice it claims; timexes do not overlap; every value is a well-formed TIMEX3 value;
every type is a TimeML type; intervals run forwards; the same input gives the same
output. The strategies mix random text with date-ish tokens so the recognizer fires.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.model import Timex
from timeline.timeml import read_timeml, resolver
from timeline.values import TIMEX_TYPES

# --- the TIMEX3 value grammar ----------------------------------------------------------

_YEAR = r"[0-9X]{4}"  # 2025, XXXX, 199X (a year in a decade), 19XX
_MONTH = r"(?:0[1-9]|1[0-2]|XX)"
_DAY = r"(?:0[1-9]|[12][0-9]|3[01]|XX)"
_WEEK = r"W(?:0[1-9]|[1-4][0-9]|5[0-3]|XX)"
_TIME = r"T(?:MO|MI|AF|EV|NI|DT|(?:[01][0-9]|2[0-4]|XX)(?::[0-5][0-9](?::[0-5][0-9](?:\.\d+)?)?)?)"
_CALENDAR = (
    rf"(?:[0-9X]{{2,3}}"  # century 19, decade 199; X for an unknown digit (19X, XXX)
    rf"|{_YEAR}(?:-{_MONTH}(?:-{_DAY}(?:{_TIME})?)?"
    rf"|-{_WEEK}(?:-(?:[1-7X](?:{_TIME})?|WE))?"
    rf"|-Q[1-4X]|-H[12X]|-(?:SP|SU|FA|WI))?"
    rf"|{_TIME})"  # a bare time of day
)
_AMOUNT = r"(?:\d+(?:\.\d+)?|X)"
_DURATION = (
    rf"P(?:(?:{_AMOUNT}(?:Y|M|W|D|Q|DE|CE|ML))+(?:T(?:{_AMOUNT}[HMS])+)?"
    rf"|T(?:{_AMOUNT}[HMS])+)"
)
TIMEX3_VALUE = re.compile(rf"(?:{_CALENDAR}|{_DURATION}|PAST_REF|PRESENT_REF|FUTURE_REF)")
_FULL_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")

MODS = {"START", "MID", "END", "APPROX", "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER",
        "MORE_THAN", "LESS_THAN", "EQUAL_OR_MORE", "EQUAL_OR_LESS"}


def is_timex3_value(value: str) -> bool:
    if not TIMEX3_VALUE.fullmatch(value):
        return False
    day = _FULL_DAY.match(value)
    if day:  # the grammar allows 2025-02-30; the calendar does not
        try:
            date(*map(int, day.groups()))
        except ValueError:
            return False
    return True


def test_the_grammar_accepts_timeml_values_and_rejects_others() -> None:
    good = ["2025-10-17", "2025-10", "2025-W42", "2025", "2025-Q3", "2025-SU", "2025-H1",
            "2025-10-16TMO", "2025-10-16T15:00", "1989-10-27T24", "P3D", "P2Y", "PT4H",
            "PT1M30S", "P1Y6M", "PXM", "P1DE", "PAST_REF", "PRESENT_REF", "FUTURE_REF",
            "XXXX-10-17", "XXXX-WXX-1", "199", "19", "199X", "19XX", "1989-XX", "1998-12-XX",
            "2000-W2".replace("W2", "W02"), "1989-QX", "XXXX-07", "XXXX", "2025-W42-WE",
            "XXX"]
    bad = ["", "2025-13", "2025-02-30", "2025-W54", "P", "PT", "3D", "2025-10-17T", "2025/10/17",
           "NOW", "2025-Q5", "P1E", "2025-10-17TXY", "2025-10-17 ", "2025\n", "Oct 17"]
    assert [v for v in good if not is_timex3_value(v)] == []
    assert [v for v in bad if is_timex3_value(v)] == []


# --- the properties ------------------------------------------------------------------


def check(text: str, anchor: date | None) -> list[Timex]:
    found = resolver()(text, anchor, "en")
    assert isinstance(found, list)
    for t in found:
        assert isinstance(t, Timex)
        assert 0 <= t.start < t.end <= len(text), (t.start, t.end, len(text))
        assert text[t.start : t.end] == t.text, t
        assert t.type in TIMEX_TYPES, t
        value = t.value.timex
        assert is_timex3_value(value), (t.text, value)
        assert t.mod is None or t.mod in MODS, t
        interval = t.interval()
        if interval is not None:
            assert interval[0] <= interval[1], (t.text, value, interval)
    spans = sorted((t.start, t.end) for t in found)
    for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
        assert end <= start, f"overlapping timexes: {spans}"
    return found


def _words(text: str) -> list[str]:
    return text.split()


MONTHS = _words("January February March April May June July August September October November "
          "December Jan. Feb. Mar. Apr. Jun. Jul. Aug. Sept. Sep. Oct. Nov. Dec.")
WEEKDAYS = _words("Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon. Tue. Wed. Thu. "
            "Fri. Sat. Sun. Mondays weekend")
WORDS = _words("the a an of in on at by since until before after during ago last next this that "
         "past coming previous following early mid mid- late earlier later recent recently "
         "today yesterday tomorrow tonight now currently then morning afternoon evening night "
         "day days week weeks month months year years decade decades century quarter quarters "
         "half spring summer fall autumn winter every each weekly daily monthly annually "
         "first second third fourth fifth one two three four ten dozen several few couple "
         "hours minutes seconds said says will would may march said met meet a.m. p.m. noon "
         "midnight 's '90s 1990s fiscal year-ago year-earlier about nearly almost more than "
         "less over within for between and or to from through")
PUNCT = list(".,;:!?/-–—'\"()[]&%$#@*+=") + ["...", "''", "``"]
ODD = ["é", "ß", "ü", "中文", "日本", "𝟚𝟘𝟚𝟝", "١٢", "ß", "\u200b", "\u00a0", "\u0301",
       "\u202e", "🙂", "Ⅻ", "ﬁ", "\t", "\n", "\n\n", "\r\n", "  "]

numbers = st.one_of(
    st.integers(0, 3000).map(str),
    st.tuples(st.integers(1, 31), st.sampled_from(["st", "nd", "rd", "th"])).map(
        lambda t: f"{t[0]}{t[1]}"),
    st.integers(1000, 99999).map(lambda n: f"{n:,}"),
    st.tuples(st.integers(0, 13), st.integers(0, 32), st.integers(0, 2100)).map(
        lambda t: f"{t[0]}/{t[1]}/{t[2]}"),
    st.tuples(st.integers(0, 2100), st.integers(0, 13), st.integers(0, 32)).map(
        lambda t: f"{t[0]:04d}-{t[1]:02d}-{t[2]:02d}"),
    st.integers(0, 24).map(lambda h: f"{h}:{h * 7 % 60:02d}"),
)
token = st.one_of(
    st.sampled_from(MONTHS),
    st.sampled_from(WEEKDAYS),
    st.sampled_from(WORDS),
    st.sampled_from(PUNCT),
    st.sampled_from(ODD),
    numbers,
    st.text(max_size=6),
).flatmap(lambda t: st.sampled_from([t, t.lower(), t.upper(), t.title()]))
separator = st.sampled_from([" ", " ", " ", "", "\n", "-", "/", ", ", ". ", "  "])
datey_text = st.lists(st.tuples(token, separator), max_size=40).map(
    lambda parts: "".join(a + b for a, b in parts))
anchors = st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))

SETTINGS = settings(max_examples=400, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(text=datey_text, anchor=anchors)
def test_properties_hold_on_date_like_text(text: str, anchor: date | None) -> None:
    check(text, anchor)


@SETTINGS
@given(text=st.text(max_size=200), anchor=anchors)
def test_properties_hold_on_any_text(text: str, anchor: date | None) -> None:
    check(text, anchor)


@SETTINGS
@given(text=datey_text, anchor=anchors)
def test_resolution_is_deterministic(text: str, anchor: date | None) -> None:
    assert resolver()(text, anchor, "en") == resolver()(text, anchor, "en")


@settings(max_examples=200, deadline=None)
@given(prefix=datey_text, phrase=st.sampled_from(["last week", "Oct. 17, 2025", "Friday",
                                                   "three years", "every Monday", "today"]),
       anchor=anchors)
def test_properties_hold_around_known_phrases(
    prefix: str, phrase: str, anchor: date | None
) -> None:
    check(f"{prefix} {phrase} {prefix}", anchor)


def test_recognizer_fires_on_the_generated_text() -> None:
    # Guard against vacuous properties: the date-ish strategy must produce timexes.
    sample = "He said Friday that sales fell last week, and will rise in March 2026 every year."
    assert check(sample, date(2025, 10, 17)), "the resolver found nothing in a date-rich sentence"


TRAIN = Path(__file__).resolve().parents[2] / "shared/data/tempeval3/train"


def test_properties_hold_on_every_train_document() -> None:
    paths = sorted(TRAIN.glob("*/*.tml"))
    total = 0
    for path in paths:
        doc = read_timeml(path)
        total += len(check(doc.text, doc.dct))
        check(doc.text, None)
    assert not paths or total > 0


@given(st.integers(min_value=1583, max_value=4099))
def test_easter_is_a_sunday_between_march_22_and_april_25(year: int) -> None:
    from timeline.dates.anchor import easter_sunday

    easter = easter_sunday(year)
    assert easter.isoweekday() == 7
    assert date(year, 3, 22) <= easter <= date(year, 4, 25)


def test_easter_on_known_years() -> None:
    from timeline.dates.anchor import easter_sunday

    assert [easter_sunday(y).isoformat() for y in (1998, 2000, 2019, 2024, 2038)] == [
        "1998-04-12", "2000-04-23", "2019-04-21", "2024-03-31", "2038-04-25"]


@SETTINGS
@given(text=datey_text, anchor=anchors)
def test_the_next_word_filter_never_loses_a_match(text: str, anchor: date | None) -> None:
    """The per-start-word filter on the next word (language.followers) only saves work:
    with it cleared, every text resolves exactly the same."""
    from timeline.dates.language import load
    lang = load("en")
    filtered = resolver()(text, anchor, "en")
    lang.followers.enabled = False
    try:
        unfiltered = resolver()(text, anchor, "en")
    finally:
        lang.followers.enabled = True
    assert filtered == unfiltered


def test_the_next_word_filter_covers_the_commonest_start() -> None:
    from timeline.dates.language import load

    follow = load("en").followers["the"]
    assert follow.match("the 1990s", 3) and follow.match("the past week", 3)
    assert not follow.match("the company", 3)
