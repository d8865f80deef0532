"""Small pure helpers shared by the pages, the overview and the exports: escaping untrusted
text, safe links, stable anchors and human labels for calendar values.

Article text and front matter are untrusted. Every piece of it reaches HTML only through
`esc`, inside raw HTML blocks that Markdown leaves alone, so no Markdown syntax in it
(links, attribute lists, headings) is ever interpreted. Everything shown passes `clean`,
which also drops the invisible characters that reorder or hide text (bidi controls,
zero-width characters); a web address from an article becomes a link only through
`safe_url` and `external_link`.
"""

from __future__ import annotations

import html
import re
from datetime import date
from urllib.parse import quote, urlsplit

from timeline.values import Grain, Point, Value

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
SEASONS = {"SP": "Spring", "SU": "Summer", "FA": "Autumn", "WI": "Winter"}
PARTS_OF_DAY = {
    "MO": "morning", "MI": "midday", "AF": "afternoon", "EV": "evening", "NI": "night",
    "DT": "daytime",
}
STATUS_LABELS = {
    "reported": "Reported",
    "scheduled": "Scheduled",
    "ongoing": "Ongoing",
    "context": "Context",
}

# C0/C1 controls other than tab and newlines: junk in prose, and the Markdown stash
# uses \x02/\x03 as placeholder delimiters, so none may reach a page.
CONTROLS = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
# Characters that change how the text around them reads without showing themselves
# ('https://evil.example/\u202eexe.pdf' shows as '.../fdp.exe'): the Arabic letter mark;
# zero-width space, non-joiner, joiner, LRM, RLM; the bidi embeddings and overrides
# (LRE RLE PDF LRO RLO); word joiner and invisible operators; the bidi isolates
# (LRI RLI FSI PDI); the zero-width no-break space (BOM).
INVISIBLE = r"\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
_CONTROL = re.compile(f"[{CONTROLS}]")
_HIDDEN = re.compile(f"[{CONTROLS}{INVISIBLE}]")
_INVISIBLE = re.compile(f"[{INVISIBLE}]")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def clean(text: str | None) -> str:
    """Untrusted text as it may be shown: without control characters, bidi controls or
    zero-width characters (the corpus keeps them; only what the site shows loses them)."""
    return _HIDDEN.sub("", text or "")


def esc(text: str | None) -> str:
    """Untrusted text as HTML character data or attribute value (quotes escaped too)."""
    return html.escape(clean(text), quote=True)


def one_line(text: str | None) -> str:
    """Collapse all white space (for titles, summaries and attribute values)."""
    return " ".join(clean(text).split())


# Every link out of the site: no referrer, no opener, no endorsement of the target.
EXTERNAL_REL = "nofollow noopener noreferrer"
WEB_SCHEMES = ("http", "https")


def url_refusal(url: str) -> str | None:
    """Why a web address from an article is not made a link, or None when it may be: only
    absolute http(s) addresses with a host, no user name or password (`user:pass@` also
    disguises the real host), and nothing a browser reads differently from how it shows."""
    url = url.strip()
    if _CONTROL.search(url) or any(c.isspace() or c == "\\" for c in url):
        return "holds spaces, control characters or backslashes"
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError:
        return "not a web address"
    if parts.scheme.lower() not in WEB_SCHEMES or not parts.hostname:
        return "not a web address"
    if "@" in parts.netloc:
        return "holds a user name or password"
    if _INVISIBLE.search(parts.netloc):
        return "hides invisible characters in its host name"
    return None


def safe_url(url: str | None) -> str | None:
    """The URL as a link target when `url_refusal` finds nothing, with invisible
    characters percent-encoded so it shows as the browser will read it; else None."""
    if not url or url_refusal(url):
        return None
    return _percent_encoded(url.strip())


def shown_url(url: str | None) -> str:
    """A web address as text: invisible characters percent-encoded (visible, never
    reordering the text), controls dropped, white space collapsed."""
    return one_line(_percent_encoded(url or ""))


def external_link(url: str | None, label: str, css_class: str = "") -> str | None:
    """A link to a web address from an article, `label` being HTML already; None when
    the address may not be linked (the caller shows it as text)."""
    target = safe_url(url)
    if target is None:
        return None
    cls = f' class="{css_class}"' if css_class else ""
    return f'<a{cls} href="{esc(target)}" rel="{EXTERNAL_REL}">{label}</a>'


def _percent_encoded(text: str) -> str:
    return _INVISIBLE.sub(lambda m: quote(m.group(), safe=""), text)


def slug(text: str, fallback: str = "x") -> str:
    """Lower-case ASCII letters, digits and hyphens: safe in a path, a URL and an id."""
    return _NOT_SLUG.sub("-", text.lower()).strip("-") or fallback


def unique_slugs(names: list[str], fallback: str = "x") -> dict[str, str]:
    """A distinct slug per name; collisions get -2, -3 ... in sorted order (deterministic)."""
    out: dict[str, str] = {}
    used: set[str] = set()
    for name in sorted(set(names)):
        base = slug(name, fallback)
        candidate, n = base, 1
        while candidate in used:
            n += 1
            candidate = f"{base}-{n}"
        used.add(candidate)
        out[name] = candidate
    return out


def value_anchor(value: Value) -> str:
    """The id of a date heading: the TIMEX3 value, slugged (`t-2025-10-15`)."""
    return "t-" + slug(value.timex)


# --- labels -----------------------------------------------------------------------------


def day_label(d: date, weekday: bool = True) -> str:
    text = f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    return f"{WEEKDAYS[d.weekday()]} {text}" if weekday else text


def short_day(d: date) -> str:
    return f"{d.day} {MONTHS[d.month - 1][:3]} {d.year}"


def value_label(value: Value) -> str:
    """A reader's label for a value: 'Wednesday 15 October 2025', 'October 2025'."""
    if not isinstance(value, Point):
        return value.timex
    s, g = value.start, value.grain
    end = value.interval()[1]
    labels = {
        Grain.CENTURY: lambda: f"{s.year}–{end.year}",
        Grain.DECADE: lambda: f"The {s.year}s",
        Grain.YEAR: lambda: str(s.year),
        Grain.HALF: lambda: f"{'First' if s.month <= 6 else 'Second'} half of {s.year}",
        Grain.QUARTER: lambda: f"Q{(s.month - 1) // 3 + 1} {s.year}",
        Grain.SEASON: lambda: _season_label(value),
        Grain.MONTH: lambda: f"{MONTHS[s.month - 1]} {s.year}",
        Grain.WEEK: lambda: f"Week of {day_label(s, weekday=False)}",
        Grain.DAY: lambda: day_label(s),
    }
    if g in labels:
        return labels[g]()
    return f"{day_label(s)}, {_time_of_day(value)}"


_DAY_GRAINS = (Grain.DAY, Grain.PART_OF_DAY, Grain.HOUR, Grain.MINUTE)


def end_label(value: Value) -> str:
    """A value as one end of a span, at its own grain, to read inside a sentence:
    '2022', 'October 2025', 'the week of 20 October 2025', '16 October 2025'."""
    if not isinstance(value, Point):
        return value.timex
    s, g = value.start, value.grain
    if g is Grain.WEEK:
        return f"the week of {day_label(s, weekday=False)}"
    if g in _DAY_GRAINS:
        return day_label(s, weekday=False)
    label = value_label(value)
    if g in (Grain.HALF, Grain.DECADE, Grain.SEASON):  # 'First half of 2025', 'Spring 2025'
        return ("the " if g is Grain.HALF else "") + label[0].lower() + label[1:]
    return label


def span_label(first: Value, last: Value) -> str:
    """'from 2022 to the week of 20 October 2025': each end at its own grain; one value
    alone reads 'on 16 October 2025' or 'in October 2025'."""
    if first != last:
        return f"from {end_label(first)} to {end_label(last)}"
    on_a_day = isinstance(first, Point) and first.grain in _DAY_GRAINS
    return f"{'on' if on_a_day else 'in'} {end_label(first)}"


def _season_label(value: Point) -> str:
    name = SEASONS.get(value.season or "", "Season")
    year = value.start.year
    return f"{name} {year}–{str(year + 1)[2:]}" if value.season == "WI" else f"{name} {year}"


def _time_of_day(value: Point) -> str:
    if value.grain is Grain.PART_OF_DAY:
        return PARTS_OF_DAY.get(value.part or "", "during the day")
    return f"{value.hour or 0:02d}:{value.minute or 0:02d}"


def datetime_attr(value: Value) -> str | None:
    """A valid HTML `datetime` for the value, or None where HTML has no form for it."""
    if not isinstance(value, Point):
        return None
    g, s = value.grain, value.start
    if g is Grain.DAY or g is Grain.PART_OF_DAY:
        return s.isoformat()
    if g in (Grain.HOUR, Grain.MINUTE):
        return f"{s.isoformat()}T{value.hour or 0:02d}:{value.minute or 0:02d}"
    if g is Grain.WEEK:
        return value.timex
    if g is Grain.MONTH:
        return f"{s.year:04d}-{s.month:02d}"
    if g in (Grain.YEAR, Grain.HALF, Grain.QUARTER, Grain.SEASON):
        return f"{s.year:04d}"
    return None


# An announcement that names no date (a FUTURE_REF with no phrase, or 'soon'), as read.
NO_DATE = "announced, no date given"


def phrase_label(text: str | None, dated: bool) -> str:
    """A source's date phrase in quotes for plain-text outputs; an undated announcement
    reads as such, never as an empty pair of quotes."""
    words = one_line(text)
    if dated and words:
        return f"“{words}”"
    return f"“{words}”, {NO_DATE}" if words else NO_DATE


def status_label(status: str) -> str:
    return STATUS_LABELS.get(status, status.capitalize())


def published_label(published: date | None, inferred: bool) -> str:
    if published is None:
        return "publish date unknown"
    return f"published {published.isoformat()}" + (" (inferred)" if inferred else "")


# TimeML `mod` values as reading words ("early October 2025", "since 2022").
MOD_WORDS = {
    "START": "early", "MID": "mid", "END": "late", "APPROX": "about",
    "BEFORE": "before", "AFTER": "after", "ON_OR_BEFORE": "on or before",
    "ON_OR_AFTER": "since", "LESS_THAN": "less than", "MORE_THAN": "more than",
    "EQUAL_OR_LESS": "at most", "EQUAL_OR_MORE": "at least",
}


# Inside a week the position words need "in": "early in the week of 13 October 2025".
WEEK_POSITION = {"START": "early in", "MID": "in the middle of", "END": "late in"}


def with_mod(label: str, mod: str | None) -> str:
    """A label with its TimeML modifier as words: 'mid-October 2025', 'since 2022'."""
    word = MOD_WORDS.get(mod or "")
    if not word:
        return label
    if label.startswith("Week of "):
        return f"{WEEK_POSITION.get(mod or '', word)} the w{label[1:]}"
    if mod == "MID":
        return f"mid-{label}"
    return f"{word} {label}"
