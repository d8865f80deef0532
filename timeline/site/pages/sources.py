"""The Sources page: outlets and their articles, with publish dates and entry counts."""

from __future__ import annotations

from datetime import date

from timeline.model import Article
from timeline.site.markup import esc, external_link, one_line, unique_slugs
from timeline.site.pages.context import Context, name_key
from timeline.site.pages.fragments import article_link, block, count_label, doc, empty, published
from timeline.site.pages.layout import SOURCES

UNKNOWN_OUTLET = "Outlet not stated"
LEFT_OUT = "left-out"  # the anchor of the articles left out


def sources_page(ctx: Context) -> str:
    outlets: dict[str, list[Article]] = {}
    for a in ctx.articles.values():
        outlets.setdefault(one_line(a.source) or UNKNOWN_OUTLET, []).append(a)
    counts = _entry_counts(ctx)
    lines: list[str] = []
    slugs = unique_slugs(list(outlets), "outlet")
    for name in sorted(slugs, key=name_key):
        items = sorted(outlets[name], key=lambda a: (a.published_day or date.min, a.id))
        lines += [f'<h2 id="o-{slugs[name]}">{esc(name)}</h2>', '<ul class="tl-articles">']
        lines += [_source_item(ctx, a, counts.get(a.id, 0)) for a in items]
        lines.append("</ul>")
    named = len([a for a in ctx.articles.values() if one_line(a.source)])
    known = len({one_line(a.source) for a in ctx.articles.values() if one_line(a.source)})
    intro = block([
        f"<p>{_sources_count(len(ctx.articles), named, known)} Each article page shows "
        "its text with every date marked and how it was resolved.</p>"
    ])
    return doc("Sources", intro, block(lines) if lines else empty(), _left_out(ctx))


def _left_out(ctx: Context) -> str:
    """The articles the pipeline could not read, with its message: the story goes on
    without them, and the reader is told."""
    errors = ctx.timeline.errors
    if not errors:
        return ""
    items = [
        f"<li><code>{esc(e.path.name)}</code>: {esc(one_line(e.message))}</li>"
        for e in sorted(errors, key=lambda e: (str(e.path), e.article))
    ]
    note = (
        f"<p>{count_label(len(errors), 'article')} could not be read and "
        f"{'is' if len(errors) == 1 else 'are'} not part of the timeline:</p>"
    )
    return f"## Left out {{#{LEFT_OUT}}}\n\n" + block([note, '<ul class="tl-left-out">', *items,
                                                      "</ul>"])


def _sources_count(articles: int, named: int, outlets: int) -> str:
    """'5 articles, 4 of them from 3 named outlets.' in words that fit the numbers."""
    total = count_label(articles, "article")
    if named == 0:
        return f"{total}; none names its outlet."
    if named == articles:
        return f"{total} from {count_label(outlets, 'outlet')}."
    return f"{total}, {named} of them from {count_label(outlets, 'named outlet')}."


def _entry_counts(ctx: Context) -> dict[str, int]:
    counts: dict[str, int] = {}
    for e in ctx.timeline.events:
        for article_id in e.sources:
            counts[article_id] = counts.get(article_id, 0) + 1
    return counts


def _source_item(ctx: Context, a: Article, entries: int) -> str:
    return (
        f"<li>{article_link(ctx, SOURCES, a.id)} <span class=\"tl-meta\">{published(a)}"
        f"{_byline(a)}; {count_label(entries, 'entry', 'entries')}</span>"
        f"{_external(a.url)}</li>"
    )


def _byline(a: Article) -> str:
    return f", by {esc(one_line(a.author))}" if one_line(a.author) else ""


def _external(url: str | None) -> str:
    link = external_link(url, "original", "tl-external")
    return f" {link}" if link else ""
