"""Exports of a Timeline: timeline.json, TimelineJS JSON, iCalendar and CSV.

Every export is a pure function of the Timeline (no clock, no randomness, sorted
iteration), so the same corpus gives byte-identical files.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from timeline.model import Article, Event, Timeline
from timeline.site.markup import (
    NO_DATE,
    clean,
    esc,
    external_link,
    one_line,
    phrase_label,
    published_label,
    safe_url,
    value_label,
    with_mod,
)
from timeline.timeline import dumps
from timeline.values import Grain, Point

FORMATS = ("json", "timelinejs", "ics", "csv")
HEADLINE_CHARS = 100
ICS_LINE_OCTETS = 75
PRODID = "-//timeline//timeline exports//EN"
ICS_STATUS = {"reported": "CONFIRMED", "scheduled": "TENTATIVE", "ongoing": "CONFIRMED"}
DAY_GRAINS = (Grain.DAY, Grain.PART_OF_DAY, Grain.HOUR, Grain.MINUTE)
# Cells a spreadsheet would read as a formula; such cells get a leading apostrophe.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def render(timeline: Timeline, kind: str) -> str:
    """The export of one kind as text (the .ics uses CRLF line ends, as RFC 5545 asks)."""
    renderers: dict[str, Callable[[Timeline], str]] = {
        "json": dumps,
        "timelinejs": timelinejs,
        "ics": icalendar,
        "csv": csv_text,
    }
    if kind not in renderers:
        raise ValueError(f"unknown export format {kind!r}; choose one of {', '.join(FORMATS)}")
    return renderers[kind](timeline)


def _articles(timeline: Timeline) -> dict[str, Article]:
    return {r.article.id: r.article for r in timeline.articles}


def _source_line(a: Article) -> str:
    outlet = f"{one_line(a.source)}, " if a.source else ""
    return f"{one_line(a.title)} ({outlet}{published_label(a.published_day, a.published_inferred)})"


# --- TimelineJS -------------------------------------------------------------------------


def timelinejs(timeline: Timeline) -> str:
    """TimelineJS3 JSON: a title slide and one slide per entry. TimelineJS renders
    headline and text as HTML, so all article text in them is escaped."""
    articles = _articles(timeline)
    data: dict[str, Any] = {
        "title": {
            "text": {
                "headline": esc(one_line(timeline.title)),
                "text": f"<p>{len(timeline.events)} entries from {len(articles)} articles.</p>",
            }
        },
        "events": [_slide(e, articles) for e in timeline.events],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _slide(e: Event, articles: dict[str, Article]) -> dict[str, Any]:
    slide: dict[str, Any] = {"unique_id": _uid_part(e.id), "start_date": _tl_date(e, True)}
    end = _tl_date(e, False)
    if end is not None:
        slide["end_date"] = end
    slide["display_date"] = with_mod(value_label(e.value), e.mod)
    slide["text"] = {"headline": esc(_headline(e.summary)), "text": _slide_text(e, articles)}
    slide["group"] = e.status
    return slide


def _tl_date(e: Event, start: bool) -> dict[str, str] | None:
    """A TimelineJS date: year, month, day as far as the grain goes; spans get an end."""
    value = e.value
    first, last = e.interval
    if isinstance(value, Point) and value.grain in (Grain.YEAR, Grain.MONTH, *DAY_GRAINS):
        if not start:
            return None
        out = {"year": str(first.year)}
        if value.grain is not Grain.YEAR:
            out["month"] = str(first.month)
        if value.grain in DAY_GRAINS:
            out["day"] = str(first.day)
        if value.grain in (Grain.HOUR, Grain.MINUTE):
            out["hour"] = str(value.hour or 0)
            out["minute"] = str(value.minute or 0)
        return out
    d = first if start else last
    return {"year": str(d.year), "month": str(d.month), "day": str(d.day)}


def _headline(summary: str) -> str:
    text = one_line(summary)
    if len(text) <= HEADLINE_CHARS:
        return text
    cut = text[:HEADLINE_CHARS].rsplit(" ", 1)[0]
    return cut + "…"


def _slide_text(e: Event, articles: dict[str, Article]) -> str:
    """The summary, then one line per source article with its distinct date phrases."""
    items = []
    for article_id, phrases in _phrases_by_article(e).items():
        a = articles.get(article_id)
        name = esc(_source_line(a)) if a else esc(article_id)
        ref = (external_link(a.url, name) if a else None) or name
        items.append(f"<li>{esc(', '.join(phrases))} — {ref}</li>")
    return f"<p>{esc(one_line(e.summary))}</p><ul>{''.join(items)}</ul>"


def _phrases_by_article(e: Event) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for m in e.mentions:
        label = phrase_label(m.timex.text, m.timex.interval() is not None)
        phrases = out.setdefault(m.article, [])
        if label not in phrases:
            phrases.append(label)
    return out


# --- iCalendar --------------------------------------------------------------------------


def icalendar(timeline: Timeline) -> str:
    """RFC 5545 calendar: an all-day VEVENT per day-grain entry. DTSTAMP comes from the
    data (the latest publish date among the entry's sources), never from the clock."""
    articles = _articles(timeline)
    fallback = max((a.published_day for a in articles.values() if a.published_day), default=None)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{ics_text(one_line(timeline.title))}",
    ]
    for e in timeline.events:
        if isinstance(e.value, Point) and e.value.grain in DAY_GRAINS:
            lines += _vevent(timeline.title, e, articles, fallback)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def _vevent(title: str, e: Event, articles: dict[str, Article], fallback: date | None) -> list[str]:
    day = e.interval[0]
    sources = [articles[a] for a in e.sources if a in articles]
    stamp = max((a.published_day for a in sources if a.published_day), default=fallback) or day
    description = "\n".join(
        [f"Status: {e.status}", *[f"Source: {_source_line(a)}" for a in sources]]
    )
    lines = [
        "BEGIN:VEVENT",
        f"UID:{_uid(title, e)}",
        f"DTSTAMP:{_ics_date(stamp)}T000000Z",
        f"DTSTART;VALUE=DATE:{_ics_date(day)}",
        # the last day of the calendar has no next day to end on: a length instead
        f"DTEND;VALUE=DATE:{_ics_date(day + timedelta(days=1))}" if day < date.max
        else "DURATION:P1D",
        f"SUMMARY:{ics_text(one_line(e.summary))}",
        f"DESCRIPTION:{ics_text(description)}",
        f"CATEGORIES:{ics_text(e.status)}",
        "TRANSP:TRANSPARENT",
    ]
    if e.status in ICS_STATUS:
        lines.append(f"STATUS:{ICS_STATUS[e.status]}")
    links = [u for a in sources if (u := safe_url(a.url))]
    if links:
        lines.append(f"URL:{links[0]}")
    lines.append("END:VEVENT")
    return lines


def _ics_date(day: date) -> str:
    """YYYYMMDD, the year in four digits (strftime leaves year 1 as "1")."""
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def _uid_part(text: str) -> str:
    return "".join(ch if ch.isascii() and (ch.isalnum() or ch in "-_.") else "-" for ch in text)


def _uid(title: str, e: Event) -> str:
    """Stable across builds of the same story: the entry id plus a digest of title and date."""
    digest = hashlib.sha256(f"{title}\n{e.id}\n{e.date}".encode()).hexdigest()[:16]
    return f"{_uid_part(e.id)}-{digest}@timeline"


def ics_text(text: str) -> str:
    """RFC 5545 TEXT escaping: backslash, semicolon, comma and line breaks."""
    text = clean(text).replace("\r\n", "\n").replace("\r", "\n")
    return (
        text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """Fold a content line at 75 octets, never inside a UTF-8 sequence (RFC 5545 §3.1)."""
    out: list[str] = []
    current, size, limit = "", 0, ICS_LINE_OCTETS
    for ch in line:
        width = len(ch.encode("utf-8"))
        if size + width > limit:
            out.append(current)
            current, size, limit = "", 0, ICS_LINE_OCTETS - 1  # continuation starts with a space
        current += ch
        size += width
    out.append(current)
    return "\r\n ".join(out)


# --- CSV --------------------------------------------------------------------------------

CSV_COLUMNS = (
    "id", "date", "start", "end", "label", "status", "summary",
    "sources", "outlets", "phrases", "conflicts",
)


def csv_text(timeline: Timeline) -> str:
    """One row per entry; list-valued cells joined with ' | '."""
    articles = _articles(timeline)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for e in timeline.events:
        writer.writerow([_cell(v) for v in _csv_row(e, articles)])
    return buffer.getvalue()


def _csv_row(e: Event, articles: dict[str, Article]) -> list[str]:
    start, end = e.interval
    sources = [articles[a] for a in e.sources if a in articles]
    outlets = [one_line(a.source) for a in sources if a.source]
    return [
        e.id,
        e.date,
        start.isoformat(),
        end.isoformat(),
        with_mod(value_label(e.value), e.mod),
        e.status,
        one_line(e.summary),
        " | ".join(e.sources),
        " | ".join(dict.fromkeys(outlets)),
        " | ".join(dict.fromkeys(one_line(m.timex.text) or NO_DATE for m in e.mentions)),
        " | ".join(f"{c.value.timex}: {', '.join(c.articles)}" for c in e.conflicts),
    ]


def _cell(value: str) -> str:
    value = clean(value)
    return "'" + value if value.startswith(FORMULA_START) else value
