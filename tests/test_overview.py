"""The SVG overview: well-formed, titled and described, a linked mark per entry, a close-up
for long stories, a text alternative, escaped labels."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date

from site_factory import article, big_story, demo, event, mention, order

from timeline.model import ResolvedArticle, Timeline
from timeline.site import overview
from timeline.values import day, year

SVG = "{http://www.w3.org/2000/svg}"


def _render(t: Timeline) -> str:
    return overview.render(list(t.events), lambda e: f"#e-{e.id}", t.title)


def _svg(figure: str) -> ET.Element:
    match = re.search(r"<svg class=\"tl-overview\".*?</svg>", figure, flags=re.S)
    assert match, figure
    text = match.group(0).replace("<svg ", f'<svg xmlns="{SVG[1:-1]}" ', 1)
    return ET.fromstring(text)


def test_svg_is_well_formed_with_title_and_desc() -> None:
    svg = _svg(_render(demo()))
    assert svg.find(f"{SVG}title").text == "Overview of Demo story"
    desc = svg.find(f"{SVG}desc").text
    assert desc.startswith("5 entries from 1 Jan 2022 to 17 Oct 2025")
    assert svg.get("aria-labelledby") == "tl-ov-title"
    width, height = (float(v) for v in svg.get("viewBox").split()[2:])
    assert width > 0 and height > 0


def test_every_entry_is_a_linked_mark() -> None:
    t = demo()
    svg = _svg(_render(t))
    links = {a.get("href") for a in svg.iter(f"{SVG}a")}
    assert {f"#e-{e.id}" for e in t.events} <= links
    for a in svg.iter(f"{SVG}a"):
        assert a.find(f"{SVG}title") is not None  # hover text names the entry


def test_long_story_gets_a_closeup_of_its_busy_stretch() -> None:
    figure = _render(demo())  # 2022 to 2025, days crowded in October 2025
    assert "Close-up: 14 Oct 2025 to 18 Oct 2025" in figure
    short = Timeline("Short", demo().articles, tuple(e for e in demo().events if e.id != "invasion"
                                                     and e.id != "improved"))
    assert "Close-up" not in _render(short)


def test_text_alternative_lists_months() -> None:
    figure = _render(demo())
    assert "<li>October 2025: 3 entries (2 reported, 1 scheduled)</li>" in figure
    assert "<li>January 2022: 1 entries (1 reported)</li>" in figure
    assert "<figcaption>" in figure


def test_marks_read_without_colour() -> None:
    svg = _svg(_render(demo()))
    classes = [c.get("class") for c in svg.iter(f"{SVG}circle")]
    assert "tl-ov-filled" in classes and "tl-ov-hollow" in classes  # reported vs scheduled


def test_ticks_are_few_enough_to_read() -> None:
    a = article("a", "It began in 1990. It ended on Monday.")
    events = [event("old", mention(a, "1990", year(1990))),
              event("new", mention(a, "Monday", day(date(2025, 10, 13))))]
    figure = overview.render(list(order(events)), lambda e: "#", "Long")
    svg = _svg(figure)
    labels = [t.text for t in svg.iter(f"{SVG}text") if t.get("class") == "tl-ov-label"]
    assert 2 <= len(labels) <= overview.MAX_TICKS + 1


def test_hostile_summary_is_escaped_and_nothing_for_no_events() -> None:
    a = article("h", "On Monday <script>alert(1)</script> happened.")
    m = mention(a, "Monday", day(date(2025, 10, 13)), summary="</title><script>x</script>")
    t = Timeline("<b>bold</b>", (ResolvedArticle(a, (m.timex,)),), order([event("h", m)]))
    figure = _render(t)
    assert "<script" not in figure and "<b>" not in figure
    _svg(figure)  # still parses
    assert overview.render([], lambda e: "#", "Empty") == ""


def test_deterministic() -> None:
    assert _render(demo()) == _render(demo())


def test_skewed_story_gets_a_broken_axis_with_labels_apart() -> None:
    """2022 then October 2025: the empty years are cut out, not drawn as a long blank."""
    figure = _render(demo())
    svg = _svg(figure)
    cuts = [line for line in svg.iter(f"{SVG}line") if "tl-ov-cut" in (line.get("class") or "")]
    assert cuts  # the cut mark on the axis
    assert "The axis is cut where no entry falls (1 Jan 2023 to 31 Jan 2025" in figure
    whole = overview._broken(list(demo().events))
    widths = [p.x1 - p.x0 for p in whole.pieces]
    assert len(widths) == 3 and widths[-1] == max(widths)  # October, with most entries
    labels = overview._placed_labels(whole)
    spans = []
    for x, label, anchor in labels:
        width = len(label) * overview.FONT * overview.CHAR
        left = x if anchor == "start" else x - width if anchor == "end" else x - width / 2
        spans.append((left, left + width))
    assert all(a[1] < b[0] for a, b in zip(spans, spans[1:], strict=False))


def test_even_story_keeps_one_linear_axis() -> None:
    a = article("a", "It began on Monday. It went on on Friday.")
    events = [event("m", mention(a, "Monday", day(date(2025, 10, 13)))),
              event("f", mention(a, "Friday", day(date(2025, 10, 17))))]
    assert len(overview._broken(list(order(events))).pieces) == 1
    assert "tl-ov-cut" not in overview.render(list(order(events)), lambda e: "#", "Even")


def test_dots_never_overlap() -> None:
    """Days too close on the whole-story scale share a stack instead of overlapping."""
    a = article("a", "All of 2025. On Monday. On Tuesday. On Wednesday.")
    events = [event("y", mention(a, "2025", year(2025)))] + [
        event(name, mention(a, name, day(date(2025, 10, 13 + i))))
        for i, name in enumerate(("Monday", "Tuesday", "Wednesday"))
    ]  # a year-long axis: a day is about two units wide
    svg = _svg(overview.render(list(order(events)), lambda e: "#", "Tight"))
    circles = [(float(c.get("cx")), float(c.get("cy"))) for c in svg.iter(f"{SVG}circle")]
    assert len(circles) >= 3
    r = overview.DOT
    for i, (x1, y1) in enumerate(circles):
        for x2, y2 in circles[i + 1 :]:
            assert (x1 - x2) ** 2 + (y1 - y2) ** 2 >= (2 * r) ** 2, (x1, y1, x2, y2)


def test_count_under_a_column_is_as_legible_as_the_others() -> None:
    """The '+n' under a full stack was drawn at 0.7 of the label size: about 10 px on a
    phone. A day with more entries than a stack holds is a column, its count set like
    every other label, inside the drawing's height."""
    body = " ".join(f"Event {i} on Friday." for i in range(overview.MAX_STACK + 3))
    a = article("a", body)
    events = [
        event(f"e{i}", mention(a, "Friday", day(date(2025, 10, 17))))
        for i in range(overview.MAX_STACK + 3)
    ]
    svg = _svg(overview.render(list(order(events)), lambda e: "#", "Busy day"))
    assert [r.get("class") for r in svg.iter(f"{SVG}rect")] == ["tl-ov-column"]
    assert list(svg.iter(f"{SVG}circle")) == []
    more = [t for t in svg.iter(f"{SVG}text") if (t.text or "").isdigit()]
    assert [t.text for t in more] == [str(overview.MAX_STACK + 3)]
    sizes = {t.get("font-size") for t in svg.iter(f"{SVG}text")}
    assert sizes == {str(overview.FONT)}
    height = float(svg.get("viewBox").split()[3])
    assert float(more[0].get("y")) <= height


def test_overview_is_kept_out_of_search() -> None:
    """Its marks repeat every summary: indexed, a search for any entry landed on the top of
    the timeline page instead of on the entry under its date."""
    figure = _render(demo())
    assert figure.startswith('<figure class="tl-overview-figure" data-search-exclude>')


def test_a_story_at_real_size_stays_readable() -> None:
    """8,400 entries, most in two years, a few in history decades before: no label touches
    another, the years that hold most entries get most of the width, and the drawing holds
    a bounded number of marks (not one per entry)."""
    story = big_story()
    figure = _render(story)
    svg = _svg(figure)
    assert len(list(svg.iter(f"{SVG}a"))) < 1000 and len(figure) < 250_000
    assert any(r.get("class") == "tl-ov-column" for r in svg.iter(f"{SVG}rect"))
    for y in {t.get("y") for t in svg.iter(f"{SVG}text")}:  # labels on one line apart
        row = sorted(
            (float(t.get("x")), len(t.text or "") * overview.FONT * overview.CHAR,
             t.get("text-anchor"))
            for t in svg.iter(f"{SVG}text") if t.get("y") == y
        )
        spans = [(x - w / 2, x + w / 2) if a == "middle" else (x - w, x) if a == "end"
                 else (x, x + w) for x, w, a in row]
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False)), (y, spans)
    whole = overview._broken(list(story.events))
    core = [p for p in whole.pieces if p.last.year >= 2009]
    assert len(whole.pieces) <= overview.MAX_PIECES
    assert sum(p.x1 - p.x0 for p in core) > 0.6 * (overview.WIDTH - 2 * overview.MARGIN)
