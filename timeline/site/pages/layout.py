"""Where every generated page lives, and how a big timeline is cut into parts.

Paths are Markdown paths relative to the docs folder; `page_url` turns one into the URL
MkDocs gives it, so links between pages can be relative.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from timeline.model import Event
from timeline.site.markup import MONTHS

# A page of the timeline holds at most this many entries and mentions (each mention is a
# source line and a quoted sentence): about half a megabyte of HTML at most, so a phone
# loads any page. A bigger story is cut by the calendar (years, months, days, and a busy
# day into numbered parts), small neighbours packed into one part ('2000 to 2008').
PAGE_LIMIT = 150
PAGE_MENTIONS = 600

# A page of People and places lists at most this many entry lines (about 300 bytes each):
# actors in alphabetical order, a page per initial letter, a busy letter (or one actor
# named by thousands of entries) over several pages.
PEOPLE_LINES = 2000

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
# A page of People and places: its path and what it lists, as (name, first, stop): the
# actor's entries[first:stop].
PeoplePage = tuple[str, list[tuple[str, int, int]]]


@dataclass(frozen=True)
class Page:
    path: str  # Markdown path relative to the docs folder
    content: str
    in_nav: bool = False


@dataclass(frozen=True)
class SiteOptions:
    directory_urls: bool = True  # MkDocs' use_directory_urls: decides relative links
    page_limit: int = PAGE_LIMIT
    page_mentions: int = PAGE_MENTIONS
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


def partition(events: list[Event], limit: int, mentions: int = PAGE_MENTIONS) -> list[Part]:
    """Events (in timeline order) grouped into page parts: '' (one page) when they fit,
    else runs of years, months or days ('2025', '2025-10', '2025-10-16', packed
    neighbours '2000-to-2008', a busy day's parts '2025-10-16-part-2')."""
    def fits(items: list[Event]) -> bool:
        return len(items) <= limit and sum(len(e.mentions) for e in items) <= mentions

    if fits(events):
        return [("", events)]
    return _split(events, 0, fits)


# Calendar units a story is cut by, coarsest first: the key of an entry's first day.
_UNITS = (
    lambda d: f"{d.year:04d}",
    lambda d: f"{d.year:04d}-{d.month:02d}",
    lambda d: d.isoformat(),
)


def _split(events: list[Event], level: int, fits: Callable[[list[Event]], bool]) -> list[Part]:
    groups: dict[str, list[Event]] = {}
    for e in events:
        groups.setdefault(_UNITS[level](e.interval[0]), []).append(e)
    parts: list[Part] = []
    run: list[str] = []  # keys of the units packed into the part being filled
    items: list[Event] = []
    for key, group in groups.items():
        if fits(items + group):
            run.append(key)
            items += group
            continue
        if items:
            parts.append((_run_key(run), items))
        run, items = ([key], list(group)) if fits(group) else ([], [])
        if not run:
            deeper = level + 1 < len(_UNITS)
            parts += _split(group, level + 1, fits) if deeper else _pieces(key, group, fits)
    if items:
        parts.append((_run_key(run), items))
    return parts


def _run_key(keys: list[str]) -> str:
    return keys[0] if len(keys) == 1 else f"{keys[0]}-to-{keys[-1]}"


def _pieces(key: str, events: list[Event], fits: Callable[[list[Event]], bool]) -> list[Part]:
    """A day too busy for one page, in numbered parts (one entry at least in each)."""
    pieces: list[list[Event]] = [[]]
    for e in events:
        if pieces[-1] and not fits(pieces[-1] + [e]):
            pieces.append([])
        pieces[-1].append(e)
    return [(f"{key}-part-{n}", items) for n, items in enumerate(pieces, 1)]


def part_path(key: str) -> str:
    return TIMELINE if not key else f"timeline/{key}.md"


def newest_part_path(key: str) -> str:
    return f"timeline/newest-{key}.md"


def part_label(key: str) -> str:
    """'2025', 'October 2025', '16 October 2025', 'January to March 2025',
    '16 October 2025, part 2'."""
    if "-part-" in key:
        unit, _, number = key.partition("-part-")
        return f"{part_label(unit)}, part {number}"
    if "-to-" in key:
        first, _, last = key.partition("-to-")
        return _range_label(first, last)
    return _unit_label(key)


def _unit_label(key: str) -> str:
    numbers = [int(n) for n in key.split("-")]
    if len(numbers) == 1:
        return str(numbers[0])
    if len(numbers) == 2:
        return f"{MONTHS[numbers[1] - 1]} {numbers[0]}"
    return f"{numbers[2]} {MONTHS[numbers[1] - 1]} {numbers[0]}"


def _range_label(first: str, last: str) -> str:
    """Two units of the same kind, the shared year (and month) said once."""
    a, b = first.split("-"), last.split("-")
    if len(a) > 1 and a[0] == b[0]:
        head = _unit_label(first).rsplit(" ", 1)[0]
        if len(a) == 3 and a[1] == b[1]:
            head = head.split(" ", 1)[0]
        return f"{head} to {_unit_label(last)}"
    return f"{_unit_label(first)} to {_unit_label(last)}"


def initial(name: str) -> str:
    """The letter a name is filed under: its first letter without accents ('Élysée' under
    'e'), or 'other' (digits, other scripts)."""
    first = unicodedata.normalize("NFKD", name.strip()[:1]).casefold()[:1]
    return first if "a" <= first <= "z" else "other"


def initial_label(key: str) -> str:
    return "Other" if key == "other" else key.upper()


def people_pages(counts: list[tuple[str, int]], lines: int = PEOPLE_LINES) -> list[PeoplePage]:
    """Actors (in reading order, with their number of entries) on pages: all on the People
    page when they fit, else one page per initial letter ('people/a.md'), a letter with
    more than `lines` entry lines over several ('people/a-2.md'), an actor cut across
    pages when it alone has more."""
    if sum(count for _, count in counts) <= lines:
        return [(PEOPLE, [(name, 0, count) for name, count in counts])]
    by_letter: dict[str, list[tuple[str, int]]] = {}
    for name, count in counts:
        by_letter.setdefault(initial(name), []).append((name, count))
    pages: list[PeoplePage] = []
    for letter, names in by_letter.items():
        slices: list[list[tuple[str, int, int]]] = [[]]
        room = lines
        for name, count in names:
            first = 0
            while first < count:
                if room == 0 or (first == 0 and count > room and room < lines):
                    slices.append([])
                    room = lines
                take = min(count - first, room)
                slices[-1].append((name, first, first + take))
                first += take
                room -= take
        for number, items in enumerate(slices, 1):
            key = letter if number == 1 else f"{letter}-{number}"
            pages.append((f"people/{key}.md", items))
    return pages
