"""The site's pages, generated from a Timeline: `{path: markdown}`. Knows nothing of MkDocs.

Markdown is used only for the structure this module controls (front matter with an
escaped title, date headings with fixed ids). Everything that comes from articles sits
in raw HTML blocks and goes through `esc`, so it is shown, never interpreted.
Iteration is always over sorted or already-ordered data: the same Timeline gives the
same bytes.
"""

from __future__ import annotations

import bisect
import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

import yaml

from timeline.corpus import Article
from timeline.dates.values import Grain, Point, Timex, Value, day
from timeline.events import Mention
from timeline.merge import Event
from timeline.site import overview
from timeline.site.markup import (
    MONTHS,
    NO_DATE,
    datetime_attr,
    esc,
    one_line,
    published_label,
    safe_url,
    slug,
    status_label,
    unique_slugs,
    value_anchor,
    value_label,
    with_mod,
)
from timeline.text import paragraphs, sentences
from timeline.timeline import ResolvedArticle, Timeline

# More entries than this and the timeline is split into a page per year (and a year
# with more than this into a page per month): few pages, stable anchors, small nav.
PAGE_LIMIT = 150

TIMELINE = "timeline/index.md"
NEWEST = "timeline/newest.md"
SOURCES = "sources.md"
DISAGREEMENTS = "disagreements.md"
UNDATED = "undated.md"
PEOPLE = "people.md"
EXPORTS = "exports.md"
STYLESHEET = "assets/timeline.css"
# Files of the exports, beside the pages (names fixed: they are linked from outside).
EXPORT_FILES = {
    "json": "exports/timeline.json",
    "timelinejs": "exports/timelinejs.json",
    "ics": "exports/timeline.ics",
    "csv": "exports/timeline.csv",
}
UNKNOWN_OUTLET = "Outlet not stated"
COARSE = (Grain.CENTURY, Grain.DECADE, Grain.YEAR)
SPANS = (Grain.HALF, Grain.QUARTER, Grain.SEASON, Grain.MONTH)


@dataclass(frozen=True)
class Page:
    path: str  # Markdown path relative to the docs folder
    content: str
    in_nav: bool = False


@dataclass(frozen=True)
class SiteOptions:
    directory_urls: bool = True  # MkDocs' use_directory_urls: decides relative links
    page_limit: int = PAGE_LIMIT
    exports: bool = True


@dataclass
class Context:
    """What every renderer needs to look things up and link between pages."""

    timeline: Timeline
    options: SiteOptions
    articles: dict[str, Article] = field(default_factory=dict)
    article_pages: dict[str, str] = field(default_factory=dict)
    sentence_ids: dict[str, dict[int, int]] = field(default_factory=dict)
    event_pages: dict[str, str] = field(default_factory=dict)
    event_ids: dict[str, str] = field(default_factory=dict)
    feeds: dict[tuple[str, int], Event] = field(default_factory=dict)
    actor_ids: dict[str, str] = field(default_factory=dict)
    # sentences announcing a happening without a date -> (page, anchor, summary) of its entry
    announces: dict[tuple[str, int], tuple[str, str, str]] = field(default_factory=dict)

    def url(self, from_page: str, to_page: str, anchor: str | None = None) -> str:
        """A relative link from one generated page to another page (or file), with anchor."""
        if to_page == from_page and anchor:
            return f"#{anchor}"
        base = posixpath.dirname(_page_url(from_page, self.options.directory_urls)) or "."
        target = _page_url(to_page, self.options.directory_urls)
        rel = posixpath.relpath(target or ".", base)
        if target.endswith("/") or not target:
            rel = "./" if rel == "." else rel + "/"
        return esc(rel + (f"#{anchor}" if anchor else ""))

    def entry_link(self, from_page: str, event: Event) -> str:
        return self.url(from_page, self.event_pages[event.id], self.event_ids[event.id])

    def sentence_link(self, from_page: str, mention: Mention) -> str:
        index = self.sentence_ids.get(mention.article, {}).get(mention.sentence.start)
        anchor = f"s{index}" if index else None
        return self.url(from_page, self.article_pages[mention.article], anchor)


def _page_url(path: str, directory_urls: bool) -> str:
    """The URL MkDocs gives a page (or a plain file), relative to the site root."""
    if not path.endswith(".md"):
        return path
    stem = path[:-3]
    if not directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem[:-5]
    return stem + "/"


# --- entry point ------------------------------------------------------------------------


def build_pages(timeline: Timeline, options: SiteOptions | None = None) -> list[Page]:
    """Every generated page, in a fixed order; nav pages flagged."""
    ctx = _context(timeline, options or SiteOptions())
    parts = _partition(list(timeline.events), ctx.options.page_limit)
    pages = [
        *_timeline_pages(ctx, parts),
        *_newest_pages(ctx, parts),
        Page(SOURCES, _sources_page(ctx), in_nav=True),
        Page(DISAGREEMENTS, _disagreements_page(ctx), in_nav=True),
        Page(UNDATED, _undated_page(ctx), in_nav=True),
        Page(PEOPLE, _people_page(ctx), in_nav=True),
        *[_article_page(ctx, r) for r in _sorted_articles(timeline)],
    ]
    if ctx.options.exports:
        pages.append(Page(EXPORTS, _exports_page(ctx), in_nav=True))
    return pages


def render_pages(timeline: Timeline, options: SiteOptions | None = None) -> dict[str, str]:
    """`{path: markdown}` for every generated page."""
    return {p.path: p.content for p in build_pages(timeline, options)}


def _sorted_articles(timeline: Timeline) -> list[ResolvedArticle]:
    return sorted(timeline.articles, key=lambda r: r.article.id)


def _context(timeline: Timeline, options: SiteOptions) -> Context:
    ctx = Context(timeline, options)
    articles = [r.article for r in _sorted_articles(timeline)]
    ctx.articles = {a.id: a for a in articles}
    slugs = unique_slugs([a.id for a in articles], "article")
    ctx.article_pages = {a.id: f"articles/{slugs[a.id]}.md" for a in articles}
    ctx.sentence_ids = {
        a.id: {s.start: i + 1 for i, s in enumerate(sentences(a.body))} for a in articles
    }
    ids = unique_slugs([e.id for e in timeline.events], "entry")
    ctx.event_ids = {e.id: f"e-{ids[e.id]}" for e in timeline.events}
    for key, events in _partition(list(timeline.events), options.page_limit):
        for e in events:
            ctx.event_pages[e.id] = _part_path(key)
    ctx.feeds = {(m.article, m.timex.start): e for e in timeline.events for m in e.mentions}
    ctx.actor_ids = _actor_slugs(timeline.events)
    for e in timeline.upcoming:
        for m in e.mentions:
            key = (m.article, m.sentence.start)
            ctx.announces.setdefault(key, (UNDATED, f"u-{slug(e.id)}", e.summary))
    for e in timeline.events:
        for m in e.mentions:
            if m.timex.interval() is None:
                ctx.announces[(m.article, m.sentence.start)] = (
                    ctx.event_pages[e.id], ctx.event_ids[e.id], e.summary
                )
    return ctx


# --- shared fragments -------------------------------------------------------------------


def _front_matter(title: str) -> str:
    """Page title as YAML meta: escaped HTML, since the theme prints titles unescaped."""
    meta = yaml.safe_dump({"title": esc(one_line(title))}, allow_unicode=True, width=10**6)
    return f"---\n{meta}---\n\n"


def _block(lines: Iterable[str]) -> str:
    """A raw HTML block: its lines joined with no blank line, so Markdown keeps it whole."""
    return "\n".join(line for line in lines if line) + "\n"


def _doc(title: str, *parts: str) -> str:
    return _front_matter(title) + "\n".join(p.rstrip("\n") + "\n" for p in parts if p)


def _time(value: Value, text: str, title: str) -> str:
    dt = datetime_attr(value)
    attr = f' datetime="{esc(dt)}"' if dt else ""
    return f'<time{attr} title="{esc(title)}">{esc(text)}</time>'


def _phrase(ctx: Context, m: Mention) -> str:
    """A source's date phrase with its resolution as hover text; focusable, so keyboard
    users get the same tooltip."""
    title = _timex_title(ctx, m.article, m.timex)
    mark = _time(m.timex.value, one_line(m.timex.text), title)
    return mark.replace("<time", '<time tabindex="0"', 1)


def _when(e: Event) -> str:
    """The entry's own date as a reader's label, its TIMEX3 value on hover."""
    return _time(e.value, with_mod(value_label(e.value), e.mod), _resolution(e.value, e.mod))


def _timex_title(ctx: Context, article_id: str, timex: Timex) -> str:
    """'Wednesday' in “Title”, published 2025-10-17 → 2025-10-15 (and the cue used)."""
    article = ctx.articles.get(article_id)
    name = one_line(article.title) if article else article_id
    published = published_label(
        article.published_day if article else None,
        article.published_inferred if article else False,
    )
    resolved = _resolution(timex.value, timex.mod)
    text = f"'{one_line(timex.text)}' in “{name}”, {published} → {resolved}"
    if timex.anchor and article and timex.anchor != article.published_day:
        text += f"; anchored to {timex.anchor.isoformat()}"
    if timex.cue:
        text += f"; cue '{one_line(timex.cue)}'"
    return text


def _resolution(value: Value, mod: str | None = None) -> str:
    if isinstance(value, Point) and value.grain is Grain.DAY and not mod:
        return value.start.isoformat()
    return f"{with_mod(value_label(value), mod)} ({value.timex})"


def _status(status: str) -> str:
    return f'<span class="tl-status tl-status-{slug(status)}">{esc(status_label(status))}</span>'


def _article_ref(ctx: Context, page: str, mention: Mention) -> str:
    """'Title' (outlet, published ...) linking to the sentence in the article page."""
    a = ctx.articles.get(mention.article)
    if a is None:
        return esc(mention.article)
    link = ctx.sentence_link(page, mention)
    sentence = esc(one_line(mention.sentence_text))
    outlet = f' <span class="tl-outlet">{esc(one_line(a.source))}</span>' if a.source else ""
    when = esc(published_label(a.published_day, a.published_inferred))
    return f'<a href="{link}" title="{sentence}">{esc(one_line(a.title))}</a>{outlet}, {when}'


def _article_link(ctx: Context, page: str, article_id: str) -> str:
    a = ctx.articles.get(article_id)
    if a is None:
        return esc(article_id)
    return f'<a href="{ctx.url(page, ctx.article_pages[a.id])}">{esc(one_line(a.title))}</a>'


# --- the timeline -----------------------------------------------------------------------


def _partition(events: list[Event], limit: int) -> list[tuple[str, list[Event]]]:
    """Events grouped into page parts: '' (one page), years, or months of a big year."""
    if len(events) <= limit:
        return [("", events)]
    parts: dict[str, list[Event]] = {}
    by_year: dict[int, list[Event]] = {}
    for e in events:
        by_year.setdefault(e.interval[0].year, []).append(e)
    for year_, items in by_year.items():
        for e in items:
            key = str(year_) if len(items) <= limit else f"{year_}-{e.interval[0].month:02d}"
            parts.setdefault(key, []).append(e)
    return list(parts.items())


def _part_path(key: str) -> str:
    return TIMELINE if not key else f"timeline/{key}.md"


def _part_label(key: str) -> str:
    if "-" in key:
        year_, month_ = key.split("-")
        return f"{MONTHS[int(month_) - 1]} {year_}"
    return key


def _timeline_pages(ctx: Context, parts: list[tuple[str, list[Event]]]) -> list[Page]:
    intro = _timeline_intro(ctx)
    if len(parts) == 1:
        body = _timeline_body(ctx, TIMELINE, parts[0][1]) or [_empty("No dated entries yet.")]
        return [Page(TIMELINE, _doc("Timeline", intro, *body), in_nav=True)]
    index = ["## Parts", "", _block(_parts_list(ctx, parts))]
    pages = [Page(TIMELINE, _doc("Timeline", intro, *index), in_nav=True)]
    for key, events in parts:
        path = _part_path(key)
        back = _block([f'<p><a href="{ctx.url(path, TIMELINE)}">All parts of the timeline</a></p>'])
        body = _timeline_body(ctx, path, events)
        pages.append(Page(path, _doc(f"Timeline: {_part_label(key)}", back, *body)))
    return pages


def _parts_list(ctx: Context, parts: list[tuple[str, list[Event]]]) -> list[str]:
    items = [
        f'<li><a href="{ctx.url(TIMELINE, _part_path(k))}">{esc(_part_label(k))}</a>'
        f" ({len(events)} entries)</li>"
        for k, events in parts
    ]
    return ['<ul class="tl-parts">', *items, "</ul>"]


def _timeline_intro(ctx: Context) -> str:
    t = ctx.timeline
    events = t.events
    outlets = {r.article.source for r in t.articles if r.article.source}
    if events:
        first, last = events[0].interval[0], max(e.interval[1] for e in events)
        span = f" from {esc(value_label(day(first)))} to {esc(value_label(day(last)))}"
    else:
        span = ""
    by = f" by {len(outlets)} outlet{'s' if len(outlets) != 1 else ''}" if outlets else ""
    summary = (
        f"<p class=\"tl-intro\"><strong>{esc(one_line(t.title))}</strong>: {len(events)} "
        f"dated entries{span}, drawn from {len(t.articles)} articles{by}. "
        "Hover a date to see how it was resolved; follow a source to read the sentence it "
        f'comes from. Also: <a href="{ctx.url(TIMELINE, NEWEST)}">newest first</a>, '
        f'<a href="{ctx.url(TIMELINE, DISAGREEMENTS)}">where sources disagree</a>.</p>'
    )
    figure = overview.render(list(events), lambda e: ctx.entry_link(TIMELINE, e), t.title)
    return _block([summary]) + "\n" + figure


def _timeline_body(ctx: Context, page: str, events: list[Event]) -> list[str]:
    """Date headings (year, then month or longer span, then day or week) with the entries
    of each value listed beneath, in timeline order."""
    out: list[str] = []
    block: list[Event] = []
    year_: int | None = None
    level3: str | None = None
    level4: str | None = None
    heading: str | None = None  # label of the innermost heading: an entry repeats only more

    def flush() -> None:
        if block:
            out.append(_block(_entries(ctx, page, block, heading)))
            block.clear()

    for e in events:
        headings = _headings_for(e.value)
        if e.interval[0].year != year_:
            flush()
            year_, level3, level4 = e.interval[0].year, None, None
            heading = str(year_)
            out.append(f'## <time datetime="{year_:04d}">{year_}</time> {{#y{year_}}}\n')
        h3, h4 = headings
        if h3 and h3[0] != level3:
            flush()
            level3, level4, heading = h3[0], None, h3[1]
            out.append(f"### {_heading_time(h3)} {{#{h3[0]}}}\n")
        if h4 and h4[0] != level4:
            flush()
            level4, heading = h4[0], h4[1]
            out.append(f"#### {_heading_time(h4)} {{#{h4[0]}}}\n")
        block.append(e)
    flush()
    return out


Heading = tuple[str, str, str | None] | None  # (id, label, datetime)


def _heading_time(h: tuple[str, str, str | None]) -> str:
    """A date heading's label as a <time> element (labels contain no input text)."""
    return f'<time datetime="{esc(h[2])}">{esc(h[1])}</time>' if h[2] else esc(h[1])


def _headings_for(value: Value) -> tuple[Heading, Heading]:
    """The level-3 and level-4 headings an entry sits under (labels contain no input text)."""
    if not isinstance(value, Point) or value.grain in COARSE:
        return None, None
    if value.grain in SPANS:
        return _heading(value), None
    start = value.start
    month_ = Point(date(start.year, start.month, 1), Grain.MONTH)
    inner = value if value.grain in (Grain.DAY, Grain.WEEK) else day(start)
    return _heading(month_), _heading(inner)


def _heading(value: Point) -> tuple[str, str, str | None]:
    return value_anchor(value), value_label(value), datetime_attr(value)


def _entries(ctx: Context, page: str, events: list[Event], heading: str | None) -> list[str]:
    items = (_entry(ctx, page, e, heading) for e in events)
    return ['<ol class="tl-entries">', *items, "</ol>"]


def _entry(ctx: Context, page: str, e: Event, heading: str | None = None) -> str:
    """One entry; its date is spelled out only where it says more than the heading above."""
    anchor = ctx.event_ids[e.id]
    label = with_mod(value_label(e.value), e.mod)
    when = f' <span class="tl-when">{_when(e)}</span>' if label != heading else ""
    lines = [
        f'<li class="tl-entry tl-entry-{slug(e.status)}" id="{anchor}">',
        f'<p class="tl-head">{_status(e.status)}{when}'
        f' <a class="tl-permalink" href="#{anchor}" aria-label="Link to this entry">#</a></p>',
        f'<p class="tl-summary">{esc(one_line(e.summary))}</p>',
        _sources_list(ctx, page, e),
        _conflict_callout(ctx, page, e),
        _actors_line(ctx, page, e),
        "</li>",
    ]
    return "\n".join(line for line in lines if line)


def _by_article(mentions: Iterable[Mention]) -> list[list[Mention]]:
    """Mentions grouped per article, articles in the order they first appear."""
    groups: dict[str, list[Mention]] = {}
    for m in mentions:
        groups.setdefault(m.article, []).append(m)
    return list(groups.values())


def _sources_list(ctx: Context, page: str, e: Event) -> str:
    """One line per source article: its date phrases, then the article linked to the
    sentence, then any further sentences of it that mention the happening."""
    items = [f"<li>{_source_group(ctx, page, group)}</li>" for group in _by_article(e.mentions)]
    return '<ul class="tl-sources" aria-label="Sources">' + "".join(items) + "</ul>"


def _source_group(ctx: Context, page: str, mentions: list[Mention]) -> str:
    return f"{_phrases(ctx, mentions)} — {_article_ref(ctx, page, mentions[0])}" + _more_sentences(
        ctx, page, mentions
    )


def _gives_date(m: Mention) -> bool:
    return m.timex.interval() is not None


def _phrases(ctx: Context, mentions: list[Mention]) -> str:
    """The distinct date phrases of one article's mentions, each with its resolution on
    hover; an announcement without a date reads as such, never as an empty date."""
    seen: set[tuple[str, str]] = set()
    out: list[str] = []
    for m in mentions:
        key = (one_line(m.timex.text).casefold(), m.timex.timex_value)
        if _gives_date(m) and key not in seen:
            seen.add(key)
            out.append(_phrase(ctx, m))
    undated = [m for m in mentions if not _gives_date(m)]
    if not out:
        return _no_date(undated[0])
    if undated:
        out[-1] += ' <span class="tl-nodate">(also announced without a date)</span>'
    return ", ".join(out)


def _no_date(m: Mention) -> str:
    """An undated announcement: its wording when it has one ('soon'), and the plain fact."""
    text = one_line(m.timex.text)
    quoted = f"“{esc(text)}”, " if text else ""
    return f'<span class="tl-nodate">{quoted}{NO_DATE}</span>'


def _more_sentences(ctx: Context, page: str, mentions: list[Mention]) -> str:
    starts = list(dict.fromkeys(m.sentence.start for m in mentions))
    if len(starts) < 2:
        return ""
    by_start = {m.sentence.start: m for m in reversed(mentions)}
    numbers = ctx.sentence_ids.get(mentions[0].article, {})
    links = [
        f'<a href="{ctx.sentence_link(page, by_start[s])}" '
        f'title="{esc(one_line(by_start[s].sentence_text))}">sentence {numbers.get(s, "?")}</a>'
        for s in starts[1:]
    ]
    return f'<span class="tl-more">; also {", ".join(links)}</span>'


def _conflict_callout(ctx: Context, page: str, e: Event) -> str:
    """'Sources disagree: most sources (3 of 4) say Thursday 16 October 2025, the date this
    entry uses. “Title” (Outlet) says Wednesday 15 October 2025 (“Wednesday”).'"""
    dissent = _dissent(e)
    if not dissent:
        return ""
    others = [f"<li>{_says(ctx, page, e, value, articles)}</li>" for value, articles in dissent]
    compare = ctx.url(page, DISAGREEMENTS, ctx.event_ids[e.id])
    return (
        '<div class="admonition warning tl-conflict" role="note">'
        '<p class="admonition-title">Sources disagree on the date</p>'
        f"<p>{_majority(e, dissent)}</p><ul>{''.join(others)}</ul>"
        f'<p><a href="{compare}">Compare the sources side by side</a></p></div>'
    )


def _majority(e: Event, dissent: list[tuple[Value, list[str]]]) -> str:
    agree = len(_agreeing_articles(e))
    total = agree + len({a for _, articles in dissent for a in articles})
    label = f"<strong>{esc(with_mod(value_label(e.value), e.mod))}</strong>"
    uses = "the date this entry uses"
    if agree * 2 > total:
        return f"Most sources ({agree} of {total}) say {label}, {uses}."
    verb = "says" if agree == 1 else "say"
    if agree * 2 == total:
        return f"Sources are evenly split: {agree} of {total} {verb} {label}, {uses}."
    return f"Only {agree} of {total} sources {verb} {label}, {uses}; the others differ."


def _says(ctx: Context, page: str, e: Event, value: Value, articles: list[str]) -> str:
    """'“Title” (Outlet) says Wednesday 15 October 2025 (“Wednesday”)'."""
    names = []
    phrases: list[str] = []
    for article_id in articles:
        mentions = [m for m in e.mentions if m.article == article_id and m.timex.value == value]
        names.append(_source_name(ctx, page, article_id, mentions[0] if mentions else None))
        phrases += [_phrase(ctx, m) for m in mentions[:1]]
    verb = "says" if len(names) == 1 else "say"
    said = f" ({', '.join(dict.fromkeys(phrases))})" if phrases else ""
    return f"{_and(names)} {verb} <strong>{esc(value_label(value))}</strong>{said}"


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _source_name(ctx: Context, page: str, article_id: str, m: Mention | None) -> str:
    """An article as a reader names it: “Title” (Outlet), linked to its sentence."""
    a = ctx.articles.get(article_id)
    if a is None:
        return esc(article_id)
    href = ctx.sentence_link(page, m) if m else ctx.url(page, ctx.article_pages[a.id])
    outlet = f" ({esc(one_line(a.source))})" if one_line(a.source) else ""
    return f'<a href="{href}">“{esc(one_line(a.title))}”</a>{outlet}'


def _nested(a: tuple[date, date], b: tuple[date, date]) -> bool:
    return (a[0] <= b[0] and b[1] <= a[1]) or (b[0] <= a[0] and a[1] <= b[1])


def _dissent(e: Event) -> list[tuple[Value, list[str]]]:
    """Dates that sources give and the entry's date does not fit (a week holding the
    entry's day agrees with it), with their articles; the merger's conflicts included."""
    out: dict[Value, list[str]] = {}
    for m in e.mentions:
        span = m.timex.interval()
        if span is not None and not _nested(span, e.interval):
            out.setdefault(m.timex.value, []).append(m.article)
    for c in e.conflicts:
        out.setdefault(c.value, []).extend(c.articles)
    return sorted(
        ((v, list(dict.fromkeys(a))) for v, a in out.items()),
        key=lambda item: (item[0].timex, item[1]),
    )


def _agreeing_articles(e: Event) -> list[str]:
    dissenting = {a for _, articles in _dissent(e) for a in articles}
    return [
        a for a in e.sources
        if a not in dissenting and any(m.article == a and _gives_date(m) for m in e.mentions)
    ]


def _disagrees(e: Event) -> bool:
    return bool(_dissent(e))


def _actors(e: Event) -> list[str]:
    """The entry's actors (merged by the events stage), cleaned and in a stable order."""
    names = {one_line(a) for a in e.actors}
    return sorted((n for n in names if n), key=lambda n: (n.casefold(), n))


def _actor_slugs(events: Iterable[Event]) -> dict[str, str]:
    names = [a for e in events for a in _actors(e)]
    return {name: "a-" + s for name, s in unique_slugs(names, "actor").items()}


def _actors_line(ctx: Context, page: str, e: Event) -> str:
    names = _actors(e)
    if not names:
        return ""
    links = [f'<a href="{ctx.url(page, PEOPLE, ctx.actor_ids[n])}">{esc(n)}</a>' for n in names]
    return f'<p class="tl-actors">People and places: {", ".join(links)}</p>'


# --- newest first -----------------------------------------------------------------------


def _newest_pages(ctx: Context, parts: list[tuple[str, list[Event]]]) -> list[Page]:
    """The entries latest first; split like the timeline (same parts, newest part first),
    so a big story gives a few pages, and an entry keeps its page and anchor."""
    if len(parts) == 1:
        listing = _newest_listing(ctx, NEWEST, parts[0][1])
        return [Page(NEWEST, _doc("Newest first", _newest_intro(ctx, NEWEST), listing), True)]
    ordered = list(reversed(parts))
    items = [
        f'<li><a href="{ctx.url(NEWEST, _newest_part_path(k))}">{esc(_part_label(k))}</a>'
        f" ({len(events)} entries)</li>"
        for k, events in ordered
    ]
    index = ["## Parts", "", _block(['<ul class="tl-parts">', *items, "</ul>"])]
    pages = [Page(NEWEST, _doc("Newest first", _newest_intro(ctx, NEWEST), *index), True)]
    for key, events in ordered:
        path = _newest_part_path(key)
        back = _block([f'<p><a href="{ctx.url(path, NEWEST)}">All parts, newest first</a></p>'])
        title = f"Newest first: {_part_label(key)}"
        pages.append(Page(path, _doc(title, back, _newest_listing(ctx, path, events))))
    return pages


def _newest_part_path(key: str) -> str:
    return f"timeline/newest-{key}.md"


def _newest_intro(ctx: Context, page: str) -> str:
    return _block([
        "<p>The same entries, latest first. Each links to its place in the "
        f'<a href="{ctx.url(page, TIMELINE)}">timeline</a>, with its sources.</p>'
    ])


def _newest_listing(ctx: Context, page: str, events: list[Event]) -> str:
    latest = sorted(events, key=lambda e: (e.interval[1], e.interval[0], e.id), reverse=True)
    items = [_newest_item(ctx, page, e) for e in latest]
    return _block(['<ol class="tl-newest">', *items, "</ol>"]) if items else _empty()


def _newest_item(ctx: Context, page: str, e: Event) -> str:
    when = _when(e)
    sources = len(e.sources)
    return (
        f'<li id="{ctx.event_ids[e.id]}">{_status(e.status)} <span class="tl-when">{when}</span> '
        f'<a href="{ctx.entry_link(page, e)}">{esc(one_line(e.summary))}</a>'
        f' <span class="tl-count">({sources} source{"s" if sources != 1 else ""})</span></li>'
    )


def _empty(text: str = "Nothing here yet.") -> str:
    return _block([f'<p class="tl-empty">{esc(text)}</p>'])


# --- sources ----------------------------------------------------------------------------


def _sources_page(ctx: Context) -> str:
    outlets: dict[str, list[Article]] = {}
    for a in ctx.articles.values():
        outlets.setdefault(one_line(a.source) or UNKNOWN_OUTLET, []).append(a)
    counts = _entry_counts(ctx)
    lines: list[str] = []
    for name, slug_ in sorted(unique_slugs(list(outlets), "outlet").items(), key=_casefold):
        items = sorted(outlets[name], key=lambda a: (a.published_day or date.min, a.id))
        lines += [f'<h2 id="o-{slug_}">{esc(name)}</h2>', '<ul class="tl-articles">']
        lines += [_source_item(ctx, a, counts.get(a.id, 0)) for a in items]
        lines.append("</ul>")
    named = len([a for a in ctx.articles.values() if one_line(a.source)])
    known = len({one_line(a.source) for a in ctx.articles.values() if one_line(a.source)})
    intro = _block([
        f"<p>{_sources_count(len(ctx.articles), named, known)} Each article page shows "
        "its text with every date marked and how it was resolved.</p>"
    ])
    return _doc("Sources", intro, _block(lines) if lines else _empty())


def _sources_count(articles: int, named: int, outlets: int) -> str:
    """'5 articles, 4 of them from 3 named outlets.' in words that fit the numbers."""
    total = f"{articles} article{'s' if articles != 1 else ''}"
    if named == 0:
        return f"{total}; none names its outlet."
    plural = "s" if outlets != 1 else ""
    if named == articles:
        return f"{total} from {outlets} outlet{plural}."
    return f"{total}, {named} of them from {outlets} named outlet{plural}."


def _casefold(item: tuple[str, str]) -> tuple[str, str]:
    return item[0].casefold(), item[0]


def _entry_counts(ctx: Context) -> dict[str, int]:
    counts: dict[str, int] = {}
    for e in ctx.timeline.events:
        for article_id in e.sources:
            counts[article_id] = counts.get(article_id, 0) + 1
    return counts


def _source_item(ctx: Context, a: Article, entries: int) -> str:
    when = esc(published_label(a.published_day, a.published_inferred))
    return (
        f"<li>{_article_link(ctx, SOURCES, a.id)} <span class=\"tl-meta\">{when}"
        f"{_byline(a)}; {entries} entr{'y' if entries == 1 else 'ies'}</span>"
        f"{_external(a.url)}</li>"
    )


def _byline(a: Article) -> str:
    return f", by {esc(one_line(a.author))}" if one_line(a.author) else ""


def _external(url: str | None) -> str:
    link = safe_url(url)
    if not link:
        return ""
    return f' <a class="tl-external" href="{esc(link)}" rel="nofollow noopener">original</a>'


# --- disagreements ----------------------------------------------------------------------


def _disagreements_page(ctx: Context) -> str:
    events = [e for e in ctx.timeline.events if _disagrees(e)]
    intro = _block([
        "<p>Entries whose sources give different dates for what reads as the same happening. "
        "The timeline keeps one date and flags the entry; here the sources stand side by "
        "side.</p>"
    ])
    parts = [intro] if events else [intro, _empty("No disagreements between sources.")]
    for e in events:
        anchor = ctx.event_ids[e.id]
        parts.append(f"## {value_label(e.value)} {{#{anchor}}}\n")
        parts.append(_block(_disagreement_table(ctx, e)))
    return _doc("Disagreements", *parts)


def _disagreement_table(ctx: Context, e: Event) -> list[str]:
    """A row per source and date it gives: its phrases, the date, whether it differs."""
    differing = {(v, a) for v, articles in _dissent(e) for a in articles}
    groups: dict[tuple[str, str], list[Mention]] = {}
    for m in e.mentions:
        if _gives_date(m):
            groups.setdefault((m.article, m.timex.timex_value), []).append(m)
    rows = [
        f"<tr><td>{_article_ref(ctx, DISAGREEMENTS, ms[0])}</td>"
        f"<td>{_phrases(ctx, ms)}</td>"
        f"<td>{esc(with_mod(value_label(ms[0].timex.value), ms[0].timex.mod))}"
        f"{_differs((ms[0].timex.value, article) in differing)}</td></tr>"
        for (article, _), ms in groups.items()
    ]
    shown = {(ms[0].timex.value, a) for (a, _), ms in groups.items()}
    rows += [
        f"<tr><td>{_article_link(ctx, DISAGREEMENTS, a)}</td><td>—</td>"
        f"<td>{esc(value_label(value))}{_differs(True)}</td></tr>"
        for value, articles in _dissent(e)
        for a in articles
        if (value, a) not in shown
    ]
    return [
        f'<p class="tl-summary">{esc(one_line(e.summary))} '
        f'(<a href="{ctx.entry_link(DISAGREEMENTS, e)}">entry in the timeline</a>)</p>',
        "<table>",
        '<thead><tr><th scope="col">Source</th><th scope="col">Phrase</th>'
        '<th scope="col">Date it gives</th></tr></thead>',
        "<tbody>",
        *rows,
        "</tbody></table>",
    ]


def _differs(differs: bool) -> str:
    return ' <strong class="tl-differs">differs from the entry</strong>' if differs else ""


# --- undated ----------------------------------------------------------------------------


def _undated_page(ctx: Context) -> str:
    upcoming = list(ctx.timeline.upcoming)
    merged = {(m.article, m.sentence.start) for e in upcoming for m in e.mentions}
    loose = [m for m in ctx.timeline.undated if (m.article, m.sentence.start) not in merged]
    announced = [m for m in loose if m.status == "scheduled"]
    context = [m for m in loose if m.status != "scheduled"]
    undated_articles = [a for a in ctx.articles.values() if a.published_day is None]
    announced_html = _upcoming_list(ctx, upcoming, announced)
    parts = [
        _block([
            "<p>What the articles mention without a date the timeline can place: "
            "happenings announced with no date yet, and context with no usable date.</p>"
        ]),
        "## Announced, no date yet {#announced}\n",
        announced_html,
        "## Context without a usable date {#context}\n",
        _mention_list(ctx, context),
        "## Articles without a publish date {#no-publish-date}\n",
        _block(
            ["<ul>", *[f"<li>{_article_link(ctx, UNDATED, a.id)}</li>" for a in undated_articles],
             "</ul>"]
        ) if undated_articles else _empty("Every article has a publish date."),
    ]
    return _doc("Undated", *parts)


def _upcoming_list(ctx: Context, upcoming: list[Event], single: list[Mention]) -> str:
    """Announced happenings: merged ones with all their sources, then lone mentions."""
    if not upcoming and not single:
        return _empty()
    items = [
        f'<li id="u-{slug(e.id)}"><p class="tl-summary">{_status(e.status)} '
        f"{esc(one_line(e.summary))}</p>"
        + _sources_list(ctx, UNDATED, e)
        + "</li>"
        for e in upcoming
    ]
    items += [_mention_item(ctx, m) for m in single]
    return _block(['<ul class="tl-undated">', *items, "</ul>"])


def _undated_phrase(m: Mention) -> str:
    text = one_line(m.timex.text)
    if m.status == "scheduled" or not text:
        return _no_date(m)
    return f"“{esc(text)}”"


def _mention_list(ctx: Context, mentions: list[Mention]) -> str:
    if not mentions:
        return _empty()
    return _block(['<ul class="tl-undated">', *[_mention_item(ctx, m) for m in mentions], "</ul>"])


def _mention_item(ctx: Context, m: Mention) -> str:
    return (
        f"<li><p class=\"tl-summary\">{esc(one_line(m.summary))}</p>"
        f"<p class=\"tl-meta\">{_status(m.status)} {_undated_phrase(m)} — "
        f"{_article_ref(ctx, UNDATED, m)}</p></li>"
    )


# --- people and places ------------------------------------------------------------------


def _people_page(ctx: Context) -> str:
    slugs = ctx.actor_ids
    by_actor: dict[str, list[Event]] = {}
    for e in ctx.timeline.events:
        for name in _actors(e):
            by_actor.setdefault(name, []).append(e)
    names = sorted(by_actor, key=lambda n: (n.casefold(), n))
    intro = _block([
        "<p>Entries by the people, places and organisations they name, in timeline order.</p>"
    ])
    if not names:
        return _doc("People and places", intro, _empty("No people or places recognised yet."))
    index = [
        '<p class="tl-index">'
        + " · ".join(f'<a href="#{slugs[n]}">{esc(n)}</a>' for n in names)
        + "</p>"
    ]
    lines: list[str] = []
    for name in names:
        lines += [f'<h2 id="{slugs[name]}">{esc(name)}</h2>', '<ul class="tl-actor-entries">']
        lines += [_event_item(ctx, PEOPLE, e) for e in by_actor[name]]
        lines.append("</ul>")
    return _doc("People and places", intro, _block(index), _block(lines))


# --- articles ---------------------------------------------------------------------------


def _article_page(ctx: Context, resolved: ResolvedArticle) -> Page:
    a = resolved.article
    path = ctx.article_pages[a.id]
    body = [
        _block(_article_meta(ctx, path, a)),
        "## Text {#text}\n",
        _block(_article_text(ctx, path, a, resolved.timexes)),
        "## Entries from this article {#entries}\n",
        _article_entries(ctx, path, a.id),
    ]
    return Page(path, _doc(a.title or a.id, *body))


def _article_meta(ctx: Context, page: str, a: Article) -> list[str]:
    rows = [
        ("Outlet", esc(one_line(a.source)) if one_line(a.source) else "not stated"),
        ("Author", esc(one_line(a.author)) if a.author else ""),
        ("Published", _published_cell(ctx, page, a)),
        ("Original", _original_cell(a.url)),
        ("File", f"<code>{esc(a.path.name)}</code>"),
        ("Language", esc(a.language)),
    ]
    items = [f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows if v]
    return ['<dl class="tl-article-meta">', *items, "</dl>"]


def _published_cell(ctx: Context, page: str, a: Article) -> str:
    if a.published is None:
        return "not stated (dates in this article are not resolved)"
    text = esc(a.published.isoformat())
    stamp = f'<time datetime="{text}">{text}</time>'
    if not a.published_inferred:
        return stamp
    count = len(a.published_evidence)
    evidence = "".join(f"<li>{_linked_ids(ctx, page, x)}</li>" for x in a.published_evidence)
    details = (
        f'<details class="tl-evidence"><summary>How it was inferred ({count} '
        f"clue{'s' if count != 1 else ''})</summary><ul>{evidence}</ul></details>"
    )
    note = (
        ' <span class="tl-meta">not stated in the article; worked out from the dates other '
        "articles give the same happenings</span>"
    )
    return f'{stamp} <span class="tl-inferred">inferred</span>{note}' + (details if count else "")


def _linked_ids(ctx: Context, page: str, text: str) -> str:
    """Untrusted text, escaped, with the ids of known articles turned into links to them
    (one pass, so a link is never matched again)."""
    safe = esc(one_line(text))
    ids = sorted((esc(i) for i in ctx.articles), key=len, reverse=True)
    if not ids:
        return safe
    by_escaped = {esc(i): i for i in ctx.articles}
    pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, ids)) + r")(?![\w-])")

    def link(match: re.Match[str]) -> str:
        article = ctx.articles[by_escaped[match.group(1)]]
        href = ctx.url(page, ctx.article_pages[article.id])
        return f'<a href="{href}">“{esc(one_line(article.title) or article.id)}”</a>'

    return pattern.sub(link, safe)


def _original_cell(url: str | None) -> str:
    link = safe_url(url)
    if link:
        return f'<a href="{esc(link)}" rel="nofollow noopener">{esc(link)}</a>'
    return f"{esc(one_line(url))} (not a web address; not linked)" if url else ""


def _article_text(ctx: Context, page: str, a: Article, timexes: tuple[Timex, ...]) -> list[str]:
    """The body, paragraph by paragraph, each sentence an anchor, each date marked."""
    marks = _non_overlapping(timexes)
    paras = paragraphs(a.body)
    by_para: dict[int, list] = {}
    for index, s in enumerate(sentences(a.body)):
        by_para.setdefault(s.paragraph, []).append((index + 1, s))
    out = ['<div class="tl-article-text">']
    for p_index, para in enumerate(paras):
        pieces: list[str] = []
        pos = para.start
        for number, s in by_para.get(p_index, []):
            pieces.append(_plain(a.body[pos : s.start]))
            inner = _marked(ctx, page, a, s.start, s.end, marks)
            pieces.append(f'<span class="tl-sentence" id="s{number}">{inner}</span>')
            pieces.append(_announces(ctx, page, a.id, s.start))
            pos = s.end
        pieces.append(_plain(a.body[pos : para.end]))
        out.append("<p>" + "".join(pieces) + "</p>")
    out.append("</div>")
    return out


def _plain(text: str) -> str:
    """Untrusted text; line breaks inside a paragraph kept as <br>."""
    return "<br>".join(esc(line) for line in text.split("\n"))


def _non_overlapping(timexes: Iterable[Timex]) -> list[Timex]:
    kept: list[Timex] = []
    for t in sorted(timexes, key=lambda t: (t.start, -t.end)):
        if not kept or t.start >= kept[-1].end:
            kept.append(t)
    return kept


def _marked(ctx: Context, page: str, a: Article, start: int, end: int, marks: list[Timex]) -> str:
    """One sentence with its dates marked; `marks` are sorted and non-overlapping."""
    out: list[str] = []
    pos = start
    first = bisect.bisect_left(marks, start, key=lambda t: t.start)
    for t in marks[first:]:
        if t.start >= end:
            break
        if t.end > end:
            continue
        out.append(_plain(a.body[pos : t.start]))
        out.append(_timex_mark(ctx, page, a, t))
        pos = t.end
    out.append(_plain(a.body[pos:end]))
    return "".join(out)


def _timex_mark(ctx: Context, page: str, a: Article, t: Timex) -> str:
    title = _timex_title(ctx, a.id, t)
    text = a.body[t.start : t.end]
    if not isinstance(t.value, Point):
        return f'<span class="tl-timex" title="{esc(title)}">{_plain(text)}</span>'
    mark = _time(t.value, text, title).replace("<time", '<time class="tl-timex"', 1)
    event = ctx.feeds.get((a.id, t.start))
    if event is None:
        return mark
    return f'<a class="tl-feeds" href="{ctx.entry_link(page, event)}">{mark}</a>'


def _announces(ctx: Context, page: str, article_id: str, sentence_start: int) -> str:
    """After a sentence that announces a happening without a date: a note linking to
    the entry it feeds (in the timeline, or among the announced on the Undated page)."""
    target = ctx.announces.get((article_id, sentence_start))
    if target is None:
        return ""
    path, anchor, summary = target
    return (
        f' <a class="tl-feeds tl-announce" href="{ctx.url(page, path, anchor)}" '
        f'title="{esc(one_line(summary))}">announced, no date given</a>'
    )


def _article_entries(ctx: Context, page: str, article_id: str) -> str:
    events = [e for e in ctx.timeline.events if article_id in e.sources]
    if not events:
        return _empty("No dated entries come from this article.")
    items = [_event_item(ctx, page, e) for e in events]
    return _block(['<ul class="tl-article-entries">', *items, "</ul>"])


def _event_item(ctx: Context, page: str, e: Event) -> str:
    when = _when(e)
    return (
        f'<li><span class="tl-when">{when}</span> '
        f'<a href="{ctx.entry_link(page, e)}">{esc(one_line(e.summary))}</a></li>'
    )


# --- exports ----------------------------------------------------------------------------


def _exports_page(ctx: Context) -> str:
    rows = [
        ("json", "timeline.json", "the full result, documented by a JSON Schema"),
        ("timelinejs", "TimelineJS JSON", "to embed the story with TimelineJS"),
        ("ics", "iCalendar (.ics)", "day-dated entries as all-day calendar events"),
        ("csv", "CSV", "one row per entry, for spreadsheets"),
    ]
    items = [
        f'<li><a href="{ctx.url(EXPORTS, EXPORT_FILES[k])}" download>{esc(label)}</a>: '
        f"{esc(why)}</li>"
        for k, label, why in rows
    ]
    intro = _block([
        "<p>The timeline in machine-readable forms, built with the site from the same "
        "corpus. The command <code>timeline export --format json|timelinejs|ics|csv</code> "
        "writes the same files.</p>"
    ])
    return _doc("Exports", intro, _block(["<ul>", *items, "</ul>"]))

