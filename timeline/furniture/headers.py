"""The header lines of a raw news page: byline, publish and update lines, wire dateline.

The importer reads them into front matter ("By Sam Ortiz" -> author; "Published Nov. 9,
2025" -> published; "LONDON, March 3 (Reuters) -" -> dateline and source). A publish date
is never invented: a time without a date is none, and a date without a year (a wire
dateline's "March 3") takes its year only from another header line of the same page,
else there is no publish date. Dates are read by dateparser from the date text the
furniture data found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from typing import Any

from timeline.furniture.data import Furniture

_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")


@dataclass(frozen=True)
class PageHeader:
    """What the header lines of a page say (raw date texts, read by `publish_date`)."""

    author: str | None = None
    published: str | None = None  # the date text of a publish line
    updated: str | None = None  # the date text of an update line
    place: str | None = None  # a wire dateline's place
    agency: str | None = None  # the agency a wire dateline names
    wire_date: str | None = None  # a wire dateline's date ("March 3")

    def read(self, line: str, furn: Furniture) -> PageHeader | None:
        """This header with what a whole header line adds; None when the line is no
        header line (or tells only what is known already)."""
        for key in ("author", "published", "updated"):
            for pattern in furn.headers[key]:
                m = pattern.fullmatch(line.strip())
                if m is None:
                    continue
                value = m.group("author") if key == "author" else _date_text(m["stamp"], furn)
                if key != "author" and value is None:
                    return self  # a time alone: a header line that gives no date
                if getattr(self, key) is not None:
                    return self
                return replace(self, **{key: " ".join(str(value).split())})
        return None

    def with_dateline(self, line: str, furn: Furniture) -> PageHeader:
        """This header with the wire dateline that opens `line`, if one does."""
        if self.place is not None:
            return self
        for pattern in furn.headers["dateline"]:
            m = pattern.match(line.strip())
            if m is not None:
                groups = m.groupdict()
                place, agency, stamp = groups.get("place"), groups.get("agency"), groups["stamp"]
                return replace(
                    self,
                    place=" ".join(place.split()) if place else None,
                    agency=agency,
                    wire_date=stamp,
                )
        return self


def _date_text(stamp: str, furn: Furniture) -> str | None:
    """The calendar date inside a stamp ("Mon March 4, 2024" of "3:15 PM ET, Mon March 4,
    2024"), None for a time alone."""
    m = furn.headers["date"][0].search(stamp) if furn.headers["date"] else None
    return m.group() if m else None


def publish_date(header: PageHeader) -> date | None:
    """The first publication day the header lines state: the publish line's date, else
    the wire dateline's (its year completed from the other lines), else the update line's;
    None unless some date with a year is stated."""
    published = _day(header.published)
    updated = _day(header.updated)
    if published is not None:
        return published
    reference = updated
    wire = _day(header.wire_date) if _has_year(header.wire_date) else None
    if wire is None and header.wire_date and reference is not None:
        wire = _in_year_before(header.wire_date, reference)
    return wire or updated


def _has_year(text: str | None) -> bool:
    return bool(text and _YEAR.search(text))


def _day(text: str | None) -> date | None:
    if not _has_year(text):
        return None
    found = _parser().get_date_data(str(text))
    return found.date_obj.date() if found and found.date_obj else None


def _in_year_before(text: str, reference: date) -> date | None:
    """A month and day without a year, in the year that puts it on or before `reference`
    (a dateline precedes the page's later update)."""
    for year in (reference.year, reference.year - 1):
        day = _day(f"{text} {year}")
        if day is not None and day <= reference:
            return day
    return None


@cache
def _parser() -> Any:
    # imported when a header has a date (heavy, and most imports have none); one parser,
    # English (without languages a failed parse costs some 40 times more); day, month and
    # year must all be stated, else dateparser fills them in from today
    from dateparser.date import DateDataParser  # type: ignore[import-untyped]

    return DateDataParser(languages=["en"], settings={"REQUIRE_PARTS": ["day", "month", "year"]})
