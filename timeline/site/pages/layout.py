"""Where every generated page lives, and how a big timeline is cut into parts.

Paths are Markdown paths relative to the docs folder; `page_url` turns one into the URL
MkDocs gives it, so links between pages can be relative.
"""

from __future__ import annotations

from dataclasses import dataclass

from timeline.model import Event
from timeline.site.markup import MONTHS

# More entries than this and the timeline is split into a page per year (and a year
# with more than this into a page per month): few pages, stable anchors, small nav.
PAGE_LIMIT = 150

HOME = "index.md"
TIMELINE = "timeline/index.md"
NEWEST = "timeline/newest.md"
SOURCES = "sources.md"
DISAGREEMENTS = "disagreements.md"
UNDATED = "undated.md"
PEOPLE = "people.md"
EXPORTS = "exports.md"
STYLESHEET = "assets/timeline.css"
SCRIPT = "assets/timeline.js"  # the text-only tooltips
# Files of the exports, beside the pages (names fixed: they are linked from outside).
EXPORT_FILES = {
    "json": "exports/timeline.json",
    "timelinejs": "exports/timelinejs.json",
    "ics": "exports/timeline.ics",
    "csv": "exports/timeline.csv",
}

# A part of the timeline: its key ('' for a single page, '2025', or '2025-10') and entries.
Part = tuple[str, list[Event]]


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
    home: bool = True  # generate the home page (index.md) that tells the story
    # how many key moments the site shows; None: the entries the pipeline flags
    key_moments: int | None = None


def page_url(path: str, directory_urls: bool) -> str:
    """The URL MkDocs gives a page (or a plain file), relative to the site root."""
    if not path.endswith(".md"):
        return path
    stem = path[:-3]
    if not directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem[:-5]
    return stem + "/"


def partition(events: list[Event], limit: int) -> list[Part]:
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


def part_path(key: str) -> str:
    return TIMELINE if not key else f"timeline/{key}.md"


def newest_part_path(key: str) -> str:
    return f"timeline/newest-{key}.md"


def part_label(key: str) -> str:
    if "-" in key:
        year_, month_ = key.split("-")
        return f"{MONTHS[int(month_) - 1]} {year_}"
    return key
