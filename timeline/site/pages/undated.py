"""The Undated page: happenings announced with no date yet, context with no usable date
(on pages of its own when there is much of it), and articles without a publish date."""

from __future__ import annotations

from timeline.model import Mention
from timeline.site.markup import esc, one_line, slug
from timeline.site.pages.context import Context
from timeline.site.pages.entries import quotes, sources_list
from timeline.site.pages.fragments import (
    NO_SEARCH,
    article_link,
    article_ref,
    block,
    count_label,
    doc,
    empty,
    no_date,
    published,
    status,
)
from timeline.site.pages.layout import UNDATED, Page

# Context sentences without a usable date listed on one page at most (about 400 bytes
# each); more go to pages of their own, linked from the Undated page.
CONTEXT_LIMIT = 1000


def undated_pages(ctx: Context) -> list[Page]:
    """The Undated page, and the pages of context sentences when there are too many."""
    upcoming = list(ctx.timeline.upcoming)
    merged = {(m.article, m.sentence.start) for e in upcoming for m in e.mentions}
    loose = [m for m in ctx.timeline.undated if (m.article, m.sentence.start) not in merged]
    announced = [m for m in loose if m.status == "scheduled"]
    context = [m for m in loose if m.status != "scheduled"]
    chunks = [context[i : i + CONTEXT_LIMIT] for i in range(0, len(context), CONTEXT_LIMIT)]
    paths = [f"undated/context-{n}.md" for n in range(1, len(chunks) + 1)]
    if len(chunks) > 1:
        pages = [
            Page(path, doc(f"Context without a usable date, part {n}",
                           block([f'<p><a href="{ctx.url(path, UNDATED, "context")}">'
                                  "Back to Undated</a></p>"]),
                           _context_list(ctx, path, chunk)))
            for n, (path, chunk) in enumerate(zip(paths, chunks, strict=True), 1)
        ]
        listing = block(['<ul class="tl-parts">', *[
            f'<li><a href="{ctx.url(UNDATED, path)}">Part {n}</a> '
            f"({count_label(len(chunk), 'sentence')})</li>"
            for n, (path, chunk) in enumerate(zip(paths, chunks, strict=True), 1)
        ], "</ul>"])
    else:
        pages, listing = [], _context_list(ctx, UNDATED, context)
    return [Page(UNDATED, _undated_page(ctx, announced, listing), in_nav=True), *pages]


def _context_list(ctx: Context, page: str, context: list[Mention]) -> str:
    """Context sentences: searched on their article's page, not here."""
    return _undated_list([_mention_item(ctx, page, m) for m in context], searchable=False)


def _undated_page(ctx: Context, announced: list[Mention], context: str) -> str:
    parts = [
        block([
            "<p>What the articles mention without a date the timeline can place: "
            "happenings announced with no date yet, and context with no usable date.</p>"
        ]),
        "## Announced, no date yet {#announced}\n",
        _undated_list(_upcoming_items(ctx) + [_mention_item(ctx, UNDATED, m) for m in announced]),
        "## Context without a usable date {#context}\n",
        context,
        "## Articles without a publish date {#no-publish-date}\n",
        _no_publish_date(ctx),
    ]
    return doc("Undated", *parts)


def _undated_list(items: list[str], searchable: bool = True) -> str:
    """A list of undated items; context sentences are searched on their article's page."""
    if not items:
        return empty()
    hidden = "" if searchable else f" {NO_SEARCH}"
    return block([f'<ul class="tl-undated"{hidden}>', *items, "</ul>"])


def _upcoming_items(ctx: Context) -> list[str]:
    """Announced happenings merged across sources, each with all its sources."""
    return [
        f'<li id="u-{slug(e.id)}"><p class="tl-summary">{status(e.status)} '
        f"{esc(one_line(e.summary))}</p>"
        + sources_list(ctx, UNDATED, e)
        + quotes(ctx, UNDATED, e)
        + "</li>"
        for e in ctx.timeline.upcoming
    ]


def _mention_item(ctx: Context, page: str, m: Mention) -> str:
    return (
        f"<li><p class=\"tl-summary\">{esc(one_line(m.summary))}</p>"
        f"<p class=\"tl-meta\">{status(m.status)} {_undated_phrase(m)} — "
        f"{article_ref(ctx, page, m)}</p></li>"
    )


def _undated_phrase(m: Mention) -> str:
    text = one_line(m.timex.text)
    if m.status == "scheduled" or not text:
        return no_date(m)
    return f"“{esc(text)}”"


def _no_publish_date(ctx: Context) -> str:
    """Articles that state no publish date: with none at all, or with one the pipeline
    inferred, which is no stated date and is listed so (with the article's evidence)."""
    undated = [a for a in ctx.articles.values() if a.published_day is None]
    inferred = [a for a in ctx.articles.values() if a.published_day and a.published_inferred]
    if not undated and not inferred:
        return empty("Every article states its publish date.")
    lines = [_publish_note(len(ctx.articles), len(undated), len(inferred)), "<ul>"]
    lines += [f"<li>{article_link(ctx, UNDATED, a.id)} — no date found</li>" for a in undated]
    lines += [
        f"<li>{article_link(ctx, UNDATED, a.id)} — {published(a)}</li>" for a in inferred
    ]
    return block([*lines, "</ul>"])


def _publish_note(total: int, undated: int, inferred: int) -> str:
    """'4 of 5 articles state no publish date; 4 were inferred from what other articles
    date, and each article page shows how.'"""
    missing = undated + inferred
    verb = "states" if missing == 1 else "state"
    text = f"{missing} of {count_label(total, 'article')} {verb} no publish date"
    if inferred:
        text += (
            f"; {inferred} {'was' if inferred == 1 else 'were'} inferred from the dates "
            "other articles give the same happenings (each article page shows how)"
        )
    return f'<p class="tl-meta">{text}.</p>'
