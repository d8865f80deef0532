"""The timeline itself, in two readings: in order under date headings (year, then month
or longer span, then day or week), and newest first. A big story is split into the same
parts for both, so an entry keeps its page and anchor."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from timeline.model import Event
from timeline.site import overview
from timeline.site.markup import datetime_attr, esc, one_line, value_anchor, value_label
from timeline.site.pages.context import Context
from timeline.site.pages.entries import entry_list, filter_attributes, flags, headline
from timeline.site.pages.fragments import (
    block,
    count_label,
    doc,
    empty,
    status,
    story_span,
    when,
)
from timeline.site.pages.layout import (
    DISAGREEMENTS,
    NEWEST,
    TIMELINE,
    Page,
    Part,
    newest_part_path,
    part_label,
    part_path,
)
from timeline.values import Grain, Point, Value, day

COARSE = (Grain.CENTURY, Grain.DECADE, Grain.YEAR)
SPANS = (Grain.HALF, Grain.QUARTER, Grain.SEASON, Grain.MONTH)

# A date heading: (id, label, datetime); labels and ids contain no input text.
Heading = tuple[str, str, str | None]


@dataclass(frozen=True)
class Reading:
    """One way through the entries: an index page, and a page per part when split."""

    index: str
    title: str
    back: str  # the link from a part back to the index
    part_path: Callable[[str], str]
    intro: Callable[[Context], str]
    body: Callable[[Context, str, list[Event]], list[str]]


def timeline_pages(ctx: Context) -> list[Page]:
    reading = Reading(TIMELINE, "Timeline", "All parts of the timeline", part_path,
                      _timeline_intro, _timeline_body)
    return _reading_pages(ctx, reading, ctx.parts)


def newest_pages(ctx: Context) -> list[Page]:
    """The entries latest first, newest part first."""
    reading = Reading(NEWEST, "Newest first", "All parts, newest first", newest_part_path,
                      _newest_intro, _newest_body)
    return _reading_pages(ctx, reading, list(reversed(ctx.parts)))


# Where assets/timeline.js puts the filters (outlet, actor, status, key moments): empty,
# so without the script the page shows every entry and no control that does nothing.
FILTER_SLOT = block(['<div class="tl-filter" data-tl-filter data-search-exclude></div>'])


def _reading_pages(ctx: Context, r: Reading, parts: list[Part]) -> list[Page]:
    intro = r.intro(ctx)
    if len(parts) == 1:
        body = r.body(ctx, r.index, parts[0][1])
        page = doc(r.title, intro, FILTER_SLOT, *body, searchable=_searchable(r))
        return [Page(r.index, page, True)]
    items = [
        f'<li><a href="{ctx.url(r.index, r.part_path(k))}">{esc(part_label(k))}</a>'
        f" ({count_label(len(events), 'entry', 'entries')})</li>"
        for k, events in parts
    ]
    index = ["## Parts", "", block(['<ul class="tl-parts">', *items, "</ul>"])]
    pages = [Page(r.index, doc(r.title, intro, *index, searchable=_searchable(r)), True)]
    for number, (key, events) in enumerate(parts):
        path = r.part_path(key)
        steps = _part_nav(ctx, r, parts, number)
        title = f"{r.title}: {part_label(key)}"
        body = r.body(ctx, path, events)
        page = doc(title, steps, FILTER_SLOT, *body, steps, searchable=_searchable(r))
        pages.append(Page(path, page))
    return pages


def _part_nav(ctx: Context, r: Reading, parts: list[Part], number: int) -> str:
    """Links to the part before and after, and back to the list of parts; the filters
    travel with them (assets/timeline.js adds them to links marked data-tl-keep-filter)."""
    path = r.part_path(parts[number][0])
    links = [f'<a href="{ctx.url(path, r.index)}">{r.back}</a>']
    if number > 0:
        key = parts[number - 1][0]
        links.insert(0, f'<a rel="prev" data-tl-keep-filter href="'
                        f'{ctx.url(path, r.part_path(key))}">← {esc(part_label(key))}</a>')
    if number + 1 < len(parts):
        key = parts[number + 1][0]
        links.append(f'<a rel="next" data-tl-keep-filter href="'
                     f'{ctx.url(path, r.part_path(key))}">{esc(part_label(key))} →</a>')
    return block(['<nav class="tl-part-nav" aria-label="Parts" data-search-exclude>',
                  " · ".join(links), "</nav>"])


# --- in order ---------------------------------------------------------------------------


def _timeline_intro(ctx: Context) -> str:
    t = ctx.timeline
    events = t.events
    outlets = {r.article.source for r in t.articles if r.article.source}
    span = f" {esc(story_span(events))}" if events else ""
    by = f" by {count_label(len(outlets), 'outlet')}" if outlets else ""
    summary = (
        f"<p class=\"tl-intro\"><strong>{esc(one_line(t.title))}</strong>: "
        f"{count_label(len(events), 'dated entry', 'dated entries')}{span}, drawn from "
        f"{count_label(len(t.articles), 'article')}{by}. "
        "Hover or tap a date to see how it was resolved; follow a source to read the sentence it "
        f'comes from. Also: <a href="{ctx.url(TIMELINE, NEWEST)}">newest first</a>, '
        f'<a href="{ctx.url(TIMELINE, DISAGREEMENTS)}">where sources disagree</a>.</p>'
    )
    figure = overview.render(list(events), lambda e: ctx.entry_link(TIMELINE, e), t.title)
    return block([summary]) + "\n" + figure


def _timeline_body(ctx: Context, page: str, events: list[Event]) -> list[str]:
    """Date headings with the entries of each date listed beneath, in timeline order; an
    entry repeats its date only where it says more than the innermost heading above."""
    out: list[str] = []
    for section in _sections(events):
        out += section.headings
        out.append(block(entry_list(ctx, page, section.events, section.label)))
    return out or [empty("No dated entries yet.")]


@dataclass
class _Section:
    headings: list[str]  # the headings that open it (Markdown lines)
    label: str | None  # the label of the innermost heading above its entries
    events: list[Event] = field(default_factory=list)


def _sections(events: list[Event]) -> list[_Section]:
    """Entries in runs under the same headings; a new year or level-3 heading closes the
    headings below it."""
    sections: list[_Section] = []
    open_ids: list[str | None] = [None, None, None]  # year, level 3, level 4
    label: str | None = None
    for e in events:
        lines: list[str] = []
        for depth, h in enumerate(_headings_for(e)):
            if h is None or h[0] == open_ids[depth]:
                continue
            open_ids[depth:] = [h[0]] + [None] * (2 - depth)
            label = h[1]
            lines.append(f"{'#' * (depth + 2)} {_heading_time(h)} {{#{h[0]}}}\n")
        if lines or not sections:
            sections.append(_Section(lines, label))
        sections[-1].events.append(e)
    return sections


def _heading_time(h: Heading) -> str:
    """A date heading's label as a <time> element."""
    return f'<time datetime="{esc(h[2])}">{esc(h[1])}</time>' if h[2] else esc(h[1])


def _headings_for(e: Event) -> tuple[Heading, Heading | None, Heading | None]:
    """The year, level-3 and level-4 headings an entry sits under."""
    year_ = e.interval[0].year
    return ((f"y{year_}", str(year_), f"{year_:04d}"), *_inner_headings(e.value))


def _inner_headings(value: Value) -> tuple[Heading | None, Heading | None]:
    if not isinstance(value, Point) or value.grain in COARSE:
        return None, None
    if value.grain in SPANS:
        return _heading(value), None
    start = value.start
    month_ = Point(date(start.year, start.month, 1), Grain.MONTH)
    inner = value if value.grain in (Grain.DAY, Grain.WEEK) else day(start)
    return _heading(month_), _heading(inner)


def _heading(value: Point) -> Heading:
    return value_anchor(value), value_label(value), datetime_attr(value)


# --- newest first -----------------------------------------------------------------------


def _newest_intro(ctx: Context) -> str:
    return block([
        "<p>The same entries, latest first. Each links to its place in the "
        f'<a href="{ctx.url(NEWEST, TIMELINE)}">timeline</a>, with its sources.</p>'
    ])


def _newest_body(ctx: Context, page: str, events: list[Event]) -> list[str]:
    latest = sorted(events, key=lambda e: (e.interval[1], e.interval[0], e.id), reverse=True)
    items = [_newest_item(ctx, page, e) for e in latest]
    return [block(['<ol class="tl-newest">', *items, "</ol>"]) if items else empty()]


def _searchable(r: Reading) -> bool:
    """Newest first repeats the timeline: kept out of the search index."""
    return r.index != NEWEST


def _newest_item(ctx: Context, page: str, e: Event) -> str:
    sources = count_label(len(e.sources), "source")
    background = ' class="tl-entry-background"' if e.background else ""
    return (
        f'<li id="{ctx.event_ids[e.id]}"{background}{filter_attributes(ctx, e)}>'
        f'{status(e.status)}{flags(ctx, e)} <span class="tl-when">{when(e)}</span> '
        f'<a href="{ctx.entry_link(page, e)}">{esc(headline(e))}</a>'
        f' <span class="tl-count">({sources})</span></li>'
    )
