"""The site's pages, generated from a Timeline: `{path: markdown}`. Knows nothing of MkDocs.

Markdown is used only for the structure this package controls (front matter with an
escaped title, date headings with fixed ids). Everything that comes from articles sits
in raw HTML blocks and goes through `esc`, so it is shown, never interpreted.
Iteration is always over sorted or already-ordered data: the same Timeline gives the
same bytes.

One module per page (`home`: the story at a glance; `timeline_page`: the timeline and
newest first; `articles`,
`sources`, `disagreements`, `undated`, `people`, `exports_page`), on top of `layout`
(page paths and parts), `context` (ids, anchors, links), `fragments` (shared markup)
and `entries` (an entry with its source lines).
"""

from __future__ import annotations

from timeline.model import Timeline
from timeline.site.pages.articles import article_page
from timeline.site.pages.context import Context, build_context, sorted_articles
from timeline.site.pages.disagreements import disagreements_page
from timeline.site.pages.exports_page import exports_page
from timeline.site.pages.home import home_page
from timeline.site.pages.layout import (
    DISAGREEMENTS,
    EXPORT_FILES,
    EXPORTS,
    HOME,
    NEWEST,
    PAGE_LIMIT,
    PEOPLE,
    SCRIPT,
    SOURCES,
    STYLESHEET,
    TIMELINE,
    UNDATED,
    Page,
    SiteOptions,
)
from timeline.site.pages.people import people_pages
from timeline.site.pages.sources import sources_page
from timeline.site.pages.timeline_page import newest_pages, timeline_pages
from timeline.site.pages.undated import undated_pages

__all__ = [
    "DISAGREEMENTS",
    "EXPORTS",
    "EXPORT_FILES",
    "HOME",
    "NEWEST",
    "PAGE_LIMIT",
    "PEOPLE",
    "SCRIPT",
    "SOURCES",
    "STYLESHEET",
    "TIMELINE",
    "UNDATED",
    "Context",
    "Page",
    "SiteOptions",
    "build_pages",
    "render_pages",
]


def build_pages(timeline: Timeline, options: SiteOptions | None = None) -> list[Page]:
    """Every generated page, in a fixed order; nav pages flagged."""
    ctx = build_context(timeline, options or SiteOptions())
    pages = [Page(HOME, home_page(ctx), in_nav=True)] if ctx.options.home else []
    pages += [
        *timeline_pages(ctx),
        *newest_pages(ctx),
        Page(SOURCES, sources_page(ctx), in_nav=True),
        Page(DISAGREEMENTS, disagreements_page(ctx), in_nav=True),
        *undated_pages(ctx),
        *people_pages(ctx),
        *[article_page(ctx, r) for r in sorted_articles(timeline)],
    ]
    if ctx.options.exports:
        pages.append(Page(EXPORTS, exports_page(ctx), in_nav=True))
    return pages


def render_pages(timeline: Timeline, options: SiteOptions | None = None) -> dict[str, str]:
    """`{path: markdown}` for every generated page."""
    return {p.path: p.content for p in build_pages(timeline, options)}
