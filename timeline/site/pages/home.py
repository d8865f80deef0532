"""The home page: the story at a glance. Its title, span and counts, and its key moments
as a compact timeline of headlines, each linking to its entry in the full timeline."""

from __future__ import annotations

from timeline.model import Event
from timeline.site.markup import esc, one_line
from timeline.site.pages.context import Context
from timeline.site.pages.disagreements import dissent
from timeline.site.pages.fragments import (
    block,
    count_label,
    doc,
    empty,
    noun,
    story_span,
    when,
)
from timeline.site.pages.layout import DISAGREEMENTS, HOME, NEWEST, PEOPLE, SOURCES, TIMELINE
from timeline.site.pages.sources import LEFT_OUT


def home_page(ctx: Context) -> str:
    t = ctx.timeline
    moments = [e for e in t.events if e.id in ctx.key_moments]
    # the story's own title as the heading (the nav calls the page 'Home')
    heading = f'<h1 id="story">{esc(one_line(t.title))}</h1>'
    parts = [block([heading, _lead(ctx), _counts(ctx), _left_out(ctx)])]
    if t.events:
        parts += ["## Key moments {#key-moments}\n", block(_moments(ctx, moments))]
    parts.append(block([_more(ctx)]))
    return doc(t.title, *parts)


def _outlets(ctx: Context) -> set[str]:
    return {name for a in ctx.articles.values() if (name := one_line(a.source))}


def _lead(ctx: Context) -> str:
    t = ctx.timeline
    if not t.events:
        return (
            f'<p class="tl-lead">No dated entries yet: '
            f"{count_label(len(t.articles), 'article')} read so far.</p>"
        )
    outlets = _outlets(ctx)
    by = f" by {count_label(len(outlets), 'outlet')}" if outlets else ""
    return (
        f'<p class="tl-lead">A sourced timeline {esc(story_span(t.events))}, drawn from '
        f"{count_label(len(t.articles), 'article')}{by}. Every entry links to the sentences "
        "it comes from.</p>"
    )


def _counts(ctx: Context) -> str:
    t = ctx.timeline
    disputed = sum(1 for e in t.events if dissent(e))
    figures = [
        (len(t.events), "entry", "entries", TIMELINE),
        (len(t.articles), "article", None, SOURCES),
        (len(_outlets(ctx)), "outlet", None, SOURCES),
        (disputed, "disagreement", None, DISAGREEMENTS),
    ]
    items = [
        f'<li><a href="{ctx.url(HOME, page)}"><strong>{n}</strong> '
        f"{noun(n, word, plural)}</a></li>"
        for n, word, plural, page in figures
        if n or word != "outlet"  # no outlet named: said in the lead, not as '0 outlets'
    ]
    return '<ul class="tl-stats" aria-label="The story in figures">' + "".join(items) + "</ul>"


def _left_out(ctx: Context) -> str:
    errors = ctx.timeline.errors
    if not errors:
        return ""
    which = count_label(len(errors), "article")
    verb = "was" if len(errors) == 1 else "were"
    return (
        f'<p class="tl-meta tl-left-out-note">{which} {verb} left out because '
        f'{"it" if len(errors) == 1 else "they"} could not be read: '
        f'<a href="{ctx.url(HOME, SOURCES, LEFT_OUT)}">which and why</a>.</p>'
    )


def _moments(ctx: Context, moments: list[Event]) -> list[str]:
    if not moments:
        return [empty("No key moments picked yet: see the full timeline.")]
    intro = (
        f'<p class="tl-meta">{_moments_count(len(moments), len(ctx.timeline.events))}, '
        "in date order: the entries with the most evidence behind them (articles and outlets "
        "that report them, later articles that refer back to them). Background and context "
        "are left out.</p>"
    )
    items = [_moment(ctx, e) for e in moments]
    return [intro, '<ol class="tl-moments">', *items, "</ol>"]


def _moments_count(moments: int, entries: int) -> str:
    return f"{count_label(moments, 'key moment')} of {count_label(entries, 'entry', 'entries')}"


def _moment(ctx: Context, e: Event) -> str:
    sources = count_label(len(e.sources), "source")
    return (
        f'<li class="tl-moment"><span class="tl-when">{when(e)}</span> '
        f'<span><a class="tl-moment-headline" href="{ctx.entry_link(HOME, e)}">'
        f"{esc(one_line(e.headline or e.summary))}</a>"
        f' <span class="tl-count">({sources})</span></span></li>'
    )


def _more(ctx: Context) -> str:
    entries = count_label(len(ctx.timeline.events), "entry", "entries")
    links = [
        f'<a class="md-button md-button--primary" href="{ctx.url(HOME, TIMELINE)}">'
        f"The full timeline ({entries})</a>",
        f'<a class="md-button" href="{ctx.url(HOME, NEWEST)}">Newest first</a>',
        f'<a class="md-button" href="{ctx.url(HOME, PEOPLE)}">People and places</a>',
    ]
    return '<p class="tl-home-links">' + " ".join(links) + "</p>"
