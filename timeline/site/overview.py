"""The overview: the story's span drawn at build time as an inline SVG, with a text alternative.

Day entries are dots stacked on their day (more than MAX_STACK close together: a column
as tall as their number says, on a log scale, so a story of thousands of entries still
reads); longer values (week, month, year) are bars in lanes above the axis. Filled marks
are reported, hollow ones scheduled or other, so the picture reads without colour
(print, high contrast). The drawing uses a fixed viewBox with large type, so it stays
legible when scaled to a phone's width.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from timeline.model import Event
from timeline.site.markup import (
    MONTHS,
    esc,
    one_line,
    short_day,
    status_label,
    value_label,
    with_mod,
)
from timeline.values import Grain, Point

WIDTH = 720
MARGIN = 24
FONT = 28  # in viewBox units: about 14 px when the figure is 360 px wide (a phone)
GAP = 24  # between the two panels
CLOSEUP_DAYS = 42
DOT = 8
STACK = 18  # vertical step between stacked dots
BAR = 12
LANE = 18
MAX_STACK = 8  # dots drawn per stack; a stack with more is drawn as a column
COLUMN = 2 * DOT  # a column's width
MAX_PIECES = 5  # stretches of a broken axis at most: each needs room for its labels
MAX_LANES = 6
MAX_TICKS = 6
BREAK = 28  # room for the cut between two stretches of a broken axis
MIN_PIECE = 56  # the narrowest a stretch is drawn, so its label fits
MIN_GAP_DAYS = 60  # an empty stretch is cut out when it is this long ...
GAP_SHARE = 0.1  # ... and this share of the span that holds most entries
CORE = 0.1  # that span: from this quantile of the entries' first days to its complement
CHAR = 0.56  # average glyph width as a share of the font size, to keep labels apart
POINT_GRAINS = (Grain.DAY, Grain.PART_OF_DAY, Grain.HOUR, Grain.MINUTE)


Href = Callable[[Event], str]


@dataclass(frozen=True)
class Piece:
    """A stretch of days drawn linearly between two x positions."""

    first: date
    last: date
    x0: float
    x1: float

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def x(self, d: date) -> float:
        return self.x0 + (d - self.first).days * (self.x1 - self.x0) / self.days


@dataclass(frozen=True)
class Scale:
    """Dates to x positions: one linear piece, or several with the empty stretches
    between them cut out (a broken axis)."""

    pieces: tuple[Piece, ...]

    @classmethod
    def linear(cls, first: date, last: date) -> Scale:
        return cls((Piece(first, last, MARGIN, WIDTH - MARGIN),))

    @property
    def first(self) -> date:
        return self.pieces[0].first

    @property
    def last(self) -> date:
        return self.pieces[-1].last

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def _piece(self, d: date) -> Piece:
        index = bisect.bisect_right([p.first for p in self.pieces], d) - 1
        return self.pieces[max(index, 0)]

    def x(self, d: date) -> float:
        """Left edge of a day (the day after a piece's last: its right edge)."""
        piece = self._piece(d)
        return min(max(piece.x(d), piece.x0), piece.x1)

    def mid(self, d: date) -> float:
        piece = self._piece(d)
        return self.x(d) + (piece.x1 - piece.x0) / piece.days / 2

    def gaps(self) -> list[tuple[date, date, float]]:
        """The cut-out stretches: first and last empty day, and where the break is drawn."""
        return [
            (a.last + timedelta(days=1), b.first - timedelta(days=1), (a.x1 + b.x0) / 2)
            for a, b in zip(self.pieces, self.pieces[1:], strict=False)
        ]


def _broken(events: list[Event]) -> Scale:
    """The whole story's axis: the stretches entries cover, in order, with long empty
    stretches cut out; each stretch gets room by the entries it holds (and a little by
    its length), so a dense month is not crushed by years of near silence."""
    spans = sorted(e.interval for e in events)
    first, last = spans[0][0], max(end for _, end in spans)
    # the span that holds most entries, so decades of background told in passing do not
    # make a two-year story's empty years look short
    lo, hi = spans[int(len(spans) * CORE)][0], spans[int(len(spans) * (1 - CORE))][0]
    min_gap = max(MIN_GAP_DAYS, (hi - lo).days * GAP_SHARE)
    runs: list[list[date]] = []
    for start, end in spans:
        if runs and (start - runs[-1][1]).days <= min_gap:
            runs[-1][1] = max(runs[-1][1], end)
        else:
            runs.append([start, end])
    while len(runs) > MAX_PIECES:  # join the stretches across the shortest cut
        i = min(range(len(runs) - 1), key=lambda k: (runs[k + 1][0] - runs[k][1], k))
        runs[i : i + 2] = [[runs[i][0], max(runs[i][1], runs[i + 1][1])]]
    if len(runs) == 1:
        return Scale.linear(first, last)
    counts = [sum(1 for e in events if a <= e.interval[0] <= b) for a, b in runs]
    weights = [c + math.sqrt((b - a).days + 1) / 10 for c, (a, b) in zip(counts, runs, strict=True)]
    room = WIDTH - 2 * MARGIN - BREAK * (len(runs) - 1) - MIN_PIECE * len(runs)
    pieces, x = [], float(MARGIN)
    for (a, b), w in zip(runs, weights, strict=True):
        width = MIN_PIECE + room * w / sum(weights)
        pieces.append(Piece(a, b, x, x + width))
        x += width + BREAK
    return Scale(tuple(pieces))


def render(events: list[Event], href: Href, title: str) -> str:
    """A <figure> with the SVG and its text alternative ('' when there is nothing to draw)."""
    if not events:
        return ""
    whole = _broken(events)
    window = _closeup(events, whole)
    shade = [window] if window else []
    body, height = _panel(events, whole, href, 0, "Whole story", shade)
    if window:
        inside = [e for e in events if _within(e, window)]
        label = f"Close-up: {short_day(window.first)} to {short_day(window.last)}"
        more, extra = _panel(inside, window, href, height + GAP, label, [])
        body += more
        height += GAP + extra
    return _figure(title, whole, window, events, body, height)


def _panel(
    events: list[Event], scale: Scale, href: Href, top: int, label: str, shade: list[Scale]
) -> tuple[list[str], int]:
    """One strip: its label, bars in lanes, the axis with ticks, stacked dots."""
    points = [e for e in events if _is_point(e)]
    lanes = _lanes([e for e in events if not _is_point(e)])
    bars_top = top + 2 * FONT + 16
    axis_y = bars_top + min(len(lanes), MAX_LANES) * LANE + 8
    out = [
        f'<text class="tl-ov-label tl-ov-panel" x="{MARGIN}" y="{top + FONT}" '
        f'font-size="{FONT}">{esc(label)}</text>',
        *[_shade(scale, window, bars_top - 4, axis_y + 4) for window in shade],
        *_bars(lanes, scale, href, bars_top),
        *_axis(scale, axis_y, top + 2 * FONT + 6),
        *_dots(points, scale, href, axis_y + 16),
    ]
    return out, axis_y + 16 + _stack_height(points, scale) + 8 - top


def _shade(whole: Scale, window: Scale, y0: int, y1: int) -> str:
    x0, x1 = whole.x(window.first), whole.x(window.last + timedelta(days=1))
    return (
        f'<rect class="tl-ov-window" x="{x0:.1f}" y="{y0}" width="{max(x1 - x0, 3):.1f}" '
        f'height="{y1 - y0}"/>'
    )


def _closeup(events: list[Event], whole: Scale) -> Scale | None:
    """The busiest stretch of CLOSEUP_DAYS, when the story is long and most of its day
    entries crowd into it; None when the whole span already reads well."""
    days = sorted(e.interval[0] for e in events if _is_point(e))
    if whole.days <= CLOSEUP_DAYS * 2 or len(days) < 2:
        return None
    best, best_count, end = days[0], 0, 0
    for index, first in enumerate(days):  # sliding window over the sorted days
        while end < len(days) and days[end] < first + timedelta(days=CLOSEUP_DAYS):
            end += 1
        if end - index > best_count:
            best, best_count = first, end - index
    inside = [d for d in days if best <= d < best + timedelta(days=CLOSEUP_DAYS)]
    if best_count < 2:
        return None
    first, last = inside[0], inside[-1]
    # Short periods (weeks) overlapping the stretch belong in the close-up too.
    for e in events:
        start, end = e.interval
        if (end - start).days < 14 and start <= last and end >= first:
            first, last = min(first, start), max(last, end)
    return Scale.linear(first - timedelta(days=1), last + timedelta(days=1))


def _within(e: Event, window: Scale) -> bool:
    first, last = e.interval
    return first >= window.first and last <= window.last


def _is_point(e: Event) -> bool:
    return isinstance(e.value, Point) and e.value.grain in POINT_GRAINS


def _lanes(spans: list[Event]) -> list[list[Event]]:
    """Greedy lane assignment: a bar goes in the first lane whose last bar has ended."""
    lanes: list[list[Event]] = []
    for e in sorted(spans, key=lambda e: (e.interval[0], e.interval[1], e.id)):
        for lane in lanes:
            if lane[-1].interval[1] < e.interval[0]:
                lane.append(e)
                break
        else:
            lanes.append([e])
    return lanes


def _mark_class(e: Event) -> str:
    return "tl-ov-filled" if e.status == "reported" else "tl-ov-hollow"


def _tooltip(e: Event) -> str:
    when = with_mod(value_label(e.value), e.mod)
    return f"{when} ({status_label(e.status)}): {one_line(e.summary)}"


def _link(e: Event, href: Href, shape: str) -> str:
    return f'<a href="{href(e)}"><title>{esc(_tooltip(e))}</title>{shape}</a>'


def _bars(lanes: list[list[Event]], scale: Scale, href: Href, top: int) -> list[str]:
    out: list[str] = []
    for index, lane in enumerate(lanes[:MAX_LANES]):
        y = top + index * LANE
        for e in lane:
            x0, x1 = scale.x(e.interval[0]), scale.x(e.interval[1] + timedelta(days=1))
            rect = (
                f'<rect class="{_mark_class(e)}" x="{x0:.1f}" y="{y}" '
                f'width="{max(x1 - x0 - 2, 4):.1f}" height="{BAR}" rx="3"/>'
            )
            out.append(_link(e, href, rect))
    return out


def _stacks(points: list[Event], scale: Scale) -> list[tuple[float, list[Event]]]:
    """Day entries stacked by day; days drawn closer than a dot's width share one stack
    (at their first day), so no two dots overlap however tight the scale."""
    by_day: dict[date, list[Event]] = {}
    for e in points:
        by_day.setdefault(e.interval[0], []).append(e)
    stacks: list[tuple[float, list[Event]]] = []
    for d, items in sorted(by_day.items()):
        x = scale.mid(d)
        if stacks and x - stacks[-1][0] < 2 * DOT + 2:
            stacks[-1][1].extend(items)
        else:
            stacks.append((x, list(items)))
    return stacks


def _dots(points: list[Event], scale: Scale, href: Href, top: int) -> list[str]:
    """A dot per entry in each stack; a stack of more than MAX_STACK is a column instead,
    as tall as its count says, with the count below it where there is room."""
    stacks = _stacks(points, scale)
    most = max((len(items) for _, items in stacks), default=0)
    out: list[str] = []
    labels: list[tuple[float, str]] = []
    for x, items in stacks:
        if len(items) <= MAX_STACK:
            for i, e in enumerate(items):
                circle = f'<circle class="{_mark_class(e)}" cx="{x:.1f}" cy="{top + i * STACK}" ' \
                         f'r="{DOT}"/>'
                out.append(_link(e, href, circle))
            continue
        height = _column_height(len(items), most)
        first, last = items[0].interval[0], max(e.interval[1] for e in items)
        when = short_day(first) if first == last else f"{short_day(first)} to {short_day(last)}"
        column = (
            f'<rect class="tl-ov-column" x="{x - COLUMN / 2:.1f}" y="{top - DOT}" '
            f'width="{COLUMN}" height="{height}" rx="3"/>'
        )
        tip = f"{len(items)} entries, {when}"
        out.append(f'<a href="{href(items[0])}"><title>{esc(tip)}</title>{column}</a>')
        labels.append((x, str(len(items))))
    # the counts on one row below the tallest column, clear of every column
    out += _count_labels(labels, top - DOT + _column_height(most, most) + FONT)
    return out


def _column_height(count: int, most: int) -> int:
    """From the height of a full stack of dots up to twice that for the busiest column,
    on a log scale: a column of 9 and one of 900 entries both read."""
    full = MAX_STACK * STACK
    if most <= MAX_STACK + 1:
        return full
    return round(full * (1 + math.log(count / MAX_STACK) / math.log(most / MAX_STACK)))


def _count_labels(labels: list[tuple[float, str]], y: int) -> list[str]:
    """The counts under the columns, each dropped that would touch the one before it."""
    out: list[str] = []
    right = -math.inf
    for x, text in labels:
        width = len(text) * FONT * CHAR
        if x - width / 2 < right + FONT / 2:
            continue
        right = x + width / 2
        out.append(
            f'<text class="tl-ov-label" x="{x:.1f}" y="{y}" text-anchor="middle" '
            f'font-size="{FONT}">{text}</text>'
        )
    return out


def _stack_height(points: list[Event], scale: Scale) -> int:
    counts = [len(items) for _, items in _stacks(points, scale)]
    most = max(counts, default=0)
    if most <= MAX_STACK:
        return most * STACK
    return _column_height(most, most) + FONT


def _axis(scale: Scale, y: int, label_y: int) -> list[str]:
    """The axis line of each stretch, a cut mark between stretches, and tick labels that
    never overlap one another."""
    out = [
        f'<line class="tl-ov-axis" x1="{p.x0:.1f}" y1="{y}" x2="{p.x1:.1f}" y2="{y}"/>'
        for p in scale.pieces
    ]
    for _, _, x in scale.gaps():
        out += [
            f'<line class="tl-ov-axis tl-ov-cut" x1="{x + dx - 5:.1f}" y1="{y + 9}" '
            f'x2="{x + dx + 5:.1f}" y2="{y - 9}"/>'
            for dx in (-4, 4)
        ]
    for x, label, anchor in _placed_labels(scale):
        out.append(
            f'<line class="tl-ov-axis" x1="{x:.1f}" y1="{y - 6}" x2="{x:.1f}" y2="{y + 6}"/>'
        )
        out.append(
            f'<text class="tl-ov-label" x="{x:.1f}" y="{label_y}" text-anchor="{anchor}" '
            f'font-size="{FONT}">{esc(label)}</text>'
        )
    return out


def _placed_labels(scale: Scale) -> list[tuple[float, str, str]]:
    """Ticks of every stretch as (x, label, text-anchor), dropping any label that would
    touch the one before it; the first tick of each stretch is placed first."""
    placed: list[tuple[float, str, str, float, float]] = []
    for piece in scale.pieces:
        ticks = _ticks(piece, max(1, int((piece.x1 - piece.x0) // (FONT * 4))))
        for rank, (d, label) in sorted(enumerate(ticks), key=lambda t: (t[0] > 0, t[0])):
            x = scale.x(d)
            width = len(label) * FONT * CHAR
            anchor = "start" if x < WIDTH * 0.15 or rank == 0 else (
                "end" if x > WIDTH * 0.85 else "middle")
            left = x if anchor == "start" else x - width if anchor == "end" else x - width / 2
            if all(left + width + FONT / 2 < l0 or left > r0 + FONT / 2 for *_, l0, r0 in placed):
                placed.append((x, label, anchor, left, left + width))
    return [(x, label, anchor) for x, label, anchor, *_ in sorted(placed)]


def _ticks(piece: Piece, most: int = MAX_TICKS) -> list[tuple[date, str]]:
    """Tick days and labels of one stretch: days, months or years, thinned to `most`."""
    most = min(most, MAX_TICKS)
    if piece.days <= 62:
        step = max(1, -(-piece.days // most))
        days = [piece.first + timedelta(days=i) for i in range(0, piece.days, step)]
        return [(d, f"{d.day} {MONTHS[d.month - 1][:3]}") for d in days]
    months = _month_starts(piece)
    if len(months) <= most * 4:
        step = max(1, -(-len(months) // most))
        return [(d, f"{MONTHS[d.month - 1][:3]} {d.year}") for d in months[::step]]
    years = [d for d in months if d.month == 1] or months[:1]
    step = max(1, -(-len(years) // most))
    return [(d, str(d.year)) for d in years[::step]]


def _month_starts(scale: Piece) -> list[date]:
    out: list[date] = []
    y, m = scale.first.year, scale.first.month
    if scale.first.day != 1:
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    while date(y, m, 1) <= scale.last:
        out.append(date(y, m, 1))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out or [scale.first]


def _legend() -> str:
    """The key, in HTML so its text keeps the page's size on a phone."""
    def key(shape: str) -> str:
        return f'<svg class="tl-ov-key" viewBox="0 0 20 20" aria-hidden="true">{shape}</svg>'

    dot = '<circle class="{}" cx="10" cy="10" r="7"/>'
    bar = '<rect class="tl-ov-filled" x="1" y="6" width="18" height="8" rx="3"/>'
    column = '<rect class="tl-ov-column" x="6" y="1" width="8" height="18" rx="2"/>'
    return (
        '<p class="tl-ov-legend">'
        f"<span>{key(dot.format('tl-ov-filled'))} reported</span> "
        f"<span>{key(dot.format('tl-ov-hollow'))} scheduled or other</span> "
        f"<span>{key(bar)} a week, month or year</span> "
        f"<span>{key(column)} over {MAX_STACK} entries close together</span></p>"
    )


def _figure(
    title: str, whole: Scale, window: Scale | None, events: list[Event], body: list[str],
    height: int,
) -> str:
    span = f"{short_day(whole.first)} to {short_day(whole.last)}"
    desc = (
        f"{len(events)} entries from {span}. Dots are single days, bars longer periods; "
        "filled marks were reported, hollow ones scheduled or other."
    )
    if 'class="tl-ov-column"' in "".join(body):
        desc += (f" Where more than {MAX_STACK} day entries fall close together, a column "
                 "stands for them, taller the more there are, with their number below.")
    gaps = whole.gaps()
    if gaps:
        cut = "; ".join(f"{short_day(a)} to {short_day(b)}" for a, b, _ in gaps)
        desc += (
            f" The axis is cut where no entry falls ({cut}), and each stretch is drawn wider "
            "the more entries it holds."
        )
    if window:
        desc += (
            f" A close-up below shows {short_day(window.first)} to {short_day(window.last)}, "
            "where most day entries fall."
        )
    svg = [
        f'<svg class="tl-overview" viewBox="0 0 {WIDTH} {height}" role="group" '
        f'aria-labelledby="tl-ov-title" aria-describedby="tl-ov-desc">',
        f'<title id="tl-ov-title">Overview of {esc(one_line(title))}</title>',
        f'<desc id="tl-ov-desc">{esc(desc)}</desc>',
        *body,
        "</svg>",
    ]
    # kept out of the search index: its marks repeat every summary, so a search would land
    # on the top of the page instead of on the entry under its date
    return "\n".join([
        '<figure class="tl-overview-figure" data-search-exclude>',
        *svg,
        _legend(),
        f"<figcaption>{esc(desc)}</figcaption>",
        *_text_alternative(events),
        "</figure>",
    ]) + "\n"


def _text_alternative(events: list[Event]) -> list[str]:
    """Entries per month (by start), the same facts as the picture, as a list."""
    months: dict[tuple[int, int], dict[str, int]] = {}
    for e in events:
        start = e.interval[0]
        counts = months.setdefault((start.year, start.month), {})
        counts[e.status] = counts.get(e.status, 0) + 1
    items = []
    for (y, m), counts in sorted(months.items()):
        total = sum(counts.values())
        detail = ", ".join(f"{n} {status_label(s).lower()}" for s, n in sorted(counts.items()))
        items.append(f"<li>{MONTHS[m - 1]} {y}: {total} entries ({esc(detail)})</li>")
    return [
        '<details class="tl-overview-text"><summary>The overview as text</summary>',
        "<ul>", *items, "</ul></details>",
    ]
