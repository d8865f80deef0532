"""What the timeline pages say about each entry beyond its text: key moment and background
marks in words, the headline, and the data the filters match on (escaped JSON lists)."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from html import unescape
from html.parser import HTMLParser

import pytest
from site_factory import article, demo, event, mention, order

from timeline.model import ResolvedArticle, Timeline
from timeline.salience import ranked
from timeline.site.pages import NEWEST, TIMELINE, render_pages
from timeline.site.pages.context import actors
from timeline.values import day


class Entries(HTMLParser):
    """The attributes of every element with an id starting 'e-' (the entries)."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.found: dict[str, dict[str, str]] = {}
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "li" and values.get("id", "").startswith("e-"):
            self.found[values["id"]] = values


@pytest.fixture(scope="module")
def story() -> Timeline:
    return ranked(demo())


def _entry_html(page: str, anchor: str) -> str:
    start = page.rindex("<li", 0, page.index(f'id="{anchor}"'))
    return page[start : page.index("</li>", start)]


def test_entries_carry_what_the_filters_match(story: Timeline) -> None:
    pages = render_pages(story)
    sources = {r.article.id: r.article.source for r in story.articles}
    for path in (TIMELINE, NEWEST):
        found = Entries(pages[path]).found
        assert len(found) == len(story.events)
        for e in story.events:
            attrs = found[f"e-{e.id}"]
            assert attrs["data-status"] == e.status
            assert json.loads(attrs["data-actors"]) == actors(e)
            assert set(json.loads(attrs["data-outlets"])) == {sources[a] for a in e.sources
                                                              if sources[a]}
            assert ("data-key-moment" in attrs) == e.key_moment


def test_key_moment_and_background_are_marked_in_words(story: Timeline) -> None:
    page = render_pages(story)[TIMELINE]
    for e in story.events:
        html = _entry_html(page, f"e-{e.id}")
        assert ("Key moment</span>" in html) == e.key_moment, e.id
        assert ("Background</span>" in html) == e.background, e.id
        assert ("tl-entry-background" in html) == e.background, e.id
    assert any(e.background for e in story.events) and any(e.key_moment for e in story.events)


def test_headline_leads_when_it_differs_from_the_summary(story: Timeline) -> None:
    call = next(e for e in story.events if e.id == "call")
    told = replace(story, events=tuple(
        replace(e, headline="Trump and Putin speak") if e is call else e for e in story.events
    ))
    page = render_pages(told)[TIMELINE]
    html = _entry_html(page, "e-call")
    assert '<p class="tl-headline">Trump and Putin speak</p>' in html
    assert html.index("tl-headline") < html.index("tl-summary")
    assert "tl-headline" not in _entry_html(page, "e-meeting")  # headline == summary: once
    assert "Trump and Putin speak</a>" in render_pages(told)[NEWEST]


def test_filter_data_of_hostile_names_stays_text() -> None:
    payload = '"><img src=x onerror=alert(1)> ]" \' {{x}}'
    a = article("h", "Trump met Putin on Wednesday.", source=f"Outlet {payload}")
    m = mention(a, "Wednesday", day(a.published_day.replace(day=15)),  # type: ignore[union-attr]
                actors=(f"Actor {payload}", "Putin"))
    t = Timeline("Hostile", (ResolvedArticle(a, (m.timex,)),), order([event("x", m)]))
    page = render_pages(t)[TIMELINE]
    attrs = Entries(page).found["e-x"]
    assert json.loads(attrs["data-outlets"]) == [f"Outlet {payload}"]
    assert json.loads(attrs["data-actors"]) == [f"Actor {payload}", "Putin"]
    tag = re.search(r'<li class="tl-entry[^>]*>', page)
    assert tag and "<img" not in unescape(tag.group()).split('data-outlets="')[0]
    assert "<img" not in page


def test_filter_slot_is_empty_and_kept_out_of_search(story: Timeline) -> None:
    for path in (TIMELINE, NEWEST):
        page = render_pages(story)[path]
        assert '<div class="tl-filter" data-tl-filter data-search-exclude></div>' in page
