"""Explicit dates in languages without tables of their own, normalised by dateparser.

Our recognizer for such a language is only a few shapes of explicit date ("17 octobre
2025", "3. März", "12/03/2024", "marzo 2024"); dateparser, pinned to the article's language,
says whether the words are a date and which. It is imported only when a text needs it, so
English never pays its start-up time or memory. Deictic phrases are not attempted: they
need cue words that only a language table gives.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import cache
from typing import Any

from timeline import values as v
from timeline.dates.anchor import Context, anchor_value
from timeline.dates.partial import Calendar
from timeline.dates.tense import PAST, Direction
from timeline.model import Timex

_WORD = r"[^\W\d_]{3,}\.?"
_CANDIDATE = re.compile(
    rf"\b(?:\d{{4}}-\d{{2}}-\d{{2}}"
    rf"|\d{{1,2}}[./]\d{{1,2}}[./](?:\d{{4}}|\d{{2}})"
    rf"|\d{{1,2}}\.?(?:er|º|o)?\s+(?:de\s+)?{_WORD}(?:\s+(?:de\s+)?\d{{4}})?"
    rf"|{_WORD}\s+\d{{1,2}},?\s+\d{{4}}"
    rf"|{_WORD}\s+(?:de\s+)?\d{{4}})(?!\w)"
)
RULE = "explicit date (dateparser)"


def explicit_dates(text: str, anchor: date | None, language: str) -> list[Timex]:
    """Explicit dates in `text` that dateparser reads in `language`."""
    found = []
    for m in _CANDIDATE.finditer(text):
        value = _value(m.group(), anchor, language)
        if value is not None:
            found.append(Timex(m.group(), m.start(), m.end(), "DATE", value, None, RULE,
                                 None, anchor if value.grain is not v.Grain.YEAR else None))
    return found


def _value(phrase: str, anchor: date | None, language: str) -> v.Point | None:
    data = normalise(phrase, language, anchor)
    if data is None:
        return None
    parsed, period = data
    if not re.search(r"\d{4}|\d[./]\d{1,2}[./]\d", phrase):  # no year stated: ours decides
        day_ = parsed.day if period == "day" else None
        anchored = anchor_value(Calendar(month=parsed.month, day=day_),
                                Context(anchor, Direction(PAST), None))
        value = anchored.value if anchored else None
        return value if isinstance(value, v.Point) else None
    if period == "month":
        return v.month(parsed.year, parsed.month)
    if period == "year":
        return v.year(parsed.year)
    return v.day(parsed)


def normalise(phrase: str, language: str, anchor: date | None) -> tuple[date, str] | None:
    """The one wrapper around dateparser: (date, period) or None when it is no date."""
    try:
        data = _parser(language).get_date_data(phrase)
    except (ValueError, LookupError):  # unknown language, odd input
        return None
    if data is None or data.date_obj is None:
        return None
    return data.date_obj.date(), data.period or "day"


@cache
def _parser(language: str) -> Any:
    from dateparser.date import DateDataParser  # lazily: heavy, and not needed for English

    settings = {"PREFER_DAY_OF_MONTH": "first", "RETURN_TIME_AS_PERIOD": True,
                "RELATIVE_BASE": datetime(2000, 1, 1)}
    return DateDataParser(languages=[language], settings=settings)
