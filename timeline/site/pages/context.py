"""The shared Context: every id, anchor and page an entry, article or actor gets, worked
out once from the Timeline, and the relative links between generated pages."""

from __future__ import annotations

import math
import posixpath
from collections.abc import Iterable
from dataclasses import dataclass, field

from timeline import salience
from timeline.model import Article, Event, Mention, ResolvedArticle, Timeline
from timeline.site.markup import esc, one_line, slug, unique_slugs
from timeline.site.pages.layout import (
    UNDATED,
    Part,
    PeoplePage,
    SiteOptions,
    page_url,
    part_path,
    partition,
    people_pages,
)
from timeline.text import sentences


@dataclass
class Context:
    """What every renderer needs to look things up and link between pages."""

    timeline: Timeline
    options: SiteOptions
    articles: dict[str, Article] = field(default_factory=dict)
    article_pages: dict[str, str] = field(default_factory=dict)
    sentence_ids: dict[str, dict[int, int]] = field(default_factory=dict)
    article_events: dict[str, list[Event]] = field(default_factory=dict)  # entries it feeds
    parts: list[Part] = field(default_factory=list)
    event_pages: dict[str, str] = field(default_factory=dict)
    event_ids: dict[str, str] = field(default_factory=dict)
    feeds: dict[tuple[str, int], Event] = field(default_factory=dict)
    actor_ids: dict[str, str] = field(default_factory=dict)
    # sentences announcing a happening without a date -> (page, anchor, summary) of its entry
    announces: dict[tuple[str, int], tuple[str, str, str]] = field(default_factory=dict)
    key_moments: frozenset[str] = frozenset()  # ids of the entries the site calls key moments
    # actors in reading order with their entries (timeline order), their pages, and the
    # page each actor's entries start on
    by_actor: dict[str, list[Event]] = field(default_factory=dict)
    people: list[PeoplePage] = field(default_factory=list)
    actor_pages: dict[str, str] = field(default_factory=dict)

    def url(self, from_page: str, to_page: str, anchor: str | None = None) -> str:
        """A relative link from one generated page to another page (or file), with anchor."""
        if to_page == from_page and anchor:
            return f"#{anchor}"
        base = posixpath.dirname(page_url(from_page, self.options.directory_urls))
        target = page_url(to_page, self.options.directory_urls)
        rel = relative(target, base)
        if target.endswith("/") or not target:
            rel = "./" if rel == "." else rel + "/"
        return esc(rel + (f"#{anchor}" if anchor else ""))

    def entry_link(self, from_page: str, event: Event) -> str:
        return self.url(from_page, self.event_pages[event.id], self.event_ids[event.id])

    def actor_link(self, from_page: str, name: str) -> str:
        return self.url(from_page, self.actor_pages[name], self.actor_ids[name])

    def sentence_link(self, from_page: str, mention: Mention) -> str:
        index = self.sentence_ids.get(mention.article, {}).get(mention.sentence.start)
        anchor = f"s{index}" if index else None
        return self.url(from_page, self.article_pages[mention.article], anchor)


def relative(target: str, base: str) -> str:
    """`posixpath.relpath` for two paths from the site root, as strings only: relpath asks
    the file system for the working folder, which at tens of thousands of links a page
    build notices."""
    to = [p for p in target.split("/") if p not in ("", ".")]
    at = [p for p in base.split("/") if p not in ("", ".")]
    same = 0
    while same < min(len(to), len(at)) and to[same] == at[same]:
        same += 1
    return "/".join([".."] * (len(at) - same) + to[same:]) or "."


def sorted_articles(timeline: Timeline) -> list[ResolvedArticle]:
    return sorted(timeline.articles, key=lambda r: r.article.id)


def build_context(timeline: Timeline, options: SiteOptions) -> Context:
    ctx = Context(timeline, options)
    articles = [r.article for r in sorted_articles(timeline)]
    ctx.articles = {a.id: a for a in articles}
    slugs = unique_slugs([a.id for a in articles], "article")
    ctx.article_pages = {a.id: f"articles/{slugs[a.id]}.md" for a in articles}
    ctx.sentence_ids = {
        a.id: {s.start: i + 1 for i, s in enumerate(sentences(a.body))} for a in articles
    }
    for e in timeline.events:
        for article_id in e.sources:
            ctx.article_events.setdefault(article_id, []).append(e)
    ids = unique_slugs([e.id for e in timeline.events], "entry")
    ctx.event_ids = {e.id: f"e-{ids[e.id]}" for e in timeline.events}
    ctx.parts = partition(list(timeline.events), options.page_limit, options.page_mentions)
    ctx.event_pages = {e.id: part_path(key) for key, events in ctx.parts for e in events}
    ctx.feeds = {(m.article, m.timex.start): e for e in timeline.events for m in e.mentions}
    ctx.actor_ids = actor_slugs(timeline.events)
    ctx.by_actor = _by_actor(timeline.events)
    ctx.people = people_pages([(name, len(items)) for name, items in ctx.by_actor.items()])
    ctx.actor_pages = {name: path for path, items in ctx.people for name, first, _ in items
                       if first == 0}
    ctx.announces = _announcements(ctx)
    ctx.key_moments = frozenset(key_moment_ids(timeline.events, options.key_moments))
    return ctx


def key_moment_ids(events: Iterable[Event], count: int | None) -> list[str]:
    """The key moments: the entries the pipeline flags, or the `count` most salient that
    are neither background nor context (when the site is asked for a number)."""
    if count is None:
        return [e.id for e in events if e.key_moment]
    order = sorted(events, key=lambda e: (e.rank or math.inf, e.interval, e.id))
    return salience.key_moment_ids(order, count)


def _announcements(ctx: Context) -> dict[tuple[str, int], tuple[str, str, str]]:
    """Sentences that announce a happening without a date, with the entry each feeds: an
    announced one on the Undated page, or a dated entry that one of its sources did not date."""
    out: dict[tuple[str, int], tuple[str, str, str]] = {}
    for e in ctx.timeline.upcoming:
        for m in e.mentions:
            out.setdefault((m.article, m.sentence.start), (UNDATED, f"u-{slug(e.id)}", e.summary))
    for e in ctx.timeline.events:
        for m in e.mentions:
            if m.timex.interval() is None:
                out[(m.article, m.sentence.start)] = (
                    ctx.event_pages[e.id], ctx.event_ids[e.id], e.summary
                )
    return out


def name_key(name: str) -> tuple[str, str]:
    """Names in reading order: case-insensitive, ties broken by the exact spelling."""
    return name.casefold(), name


def actors(e: Event) -> list[str]:
    """The entry's actors (merged by the events stage), cleaned and in a stable order."""
    names = {one_line(a) for a in e.actors}
    return sorted((n for n in names if n), key=name_key)


def _by_actor(events: Iterable[Event]) -> dict[str, list[Event]]:
    out: dict[str, list[Event]] = {}
    for e in events:
        for name in actors(e):
            out.setdefault(name, []).append(e)
    return {name: out[name] for name in sorted(out, key=name_key)}


def actor_slugs(events: Iterable[Event]) -> dict[str, str]:
    names = [a for e in events for a in actors(e)]
    return {name: "a-" + s for name, s in unique_slugs(names, "actor").items()}
