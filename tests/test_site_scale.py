"""The site of a story at real size (issue 13): 8,400 entries from 250 articles naming
2,000 people and places, built by MkDocs with the demo's mkdocs.yml. No page may exceed
1 MB of HTML, the search index may not carry the articles' text twice, and the People
index must reach every actor. Structural checks only: nothing here is timed."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from site_factory import article, big_story, event, many, mention, order

from timeline.model import Timeline
from timeline.site.pages.context import actors
from timeline.site.pages.layout import part_label, partition, people_pages
from timeline.values import day

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.site_size import SiteSize, measure, write_config  # noqa: E402

PAGE_LIMIT = 1024 * 1024  # bytes of HTML a phone may be asked to load for one page
# The index may hold the articles' text once, and beside it the entries' headlines and
# the names: well under twice the text of the corpus.
INDEX_SHARE = 1.5


# --- how pages are cut (fast) ---------------------------------------------------------


def test_parts_cover_the_story_in_order_within_the_limits() -> None:
    events = list(many(900).events)
    for limit, mentions in ((150, 600), (40, 60), (7, 7)):
        parts = partition(events, limit, mentions)
        assert [e for _, items in parts for e in items] == events
        assert len({key for key, _ in parts}) == len(parts)
        for _, items in parts:
            assert len(items) <= limit and sum(len(e.mentions) for e in items) <= mentions
    assert partition(events[:10], 150) == [("", events[:10])]


def test_small_neighbours_share_a_part_and_a_busy_day_is_cut() -> None:
    from datetime import date

    body = " ".join(f"Item {i} on Friday." for i in range(12)) + " Once in 1990."
    a = article("a", body)
    busy = [event(f"d{i}", mention(a, f"Item {i} on Friday", day(date(2025, 10, 17))))
            for i in range(12)]
    old = [event("old", mention(a, "Once in 1990", day(date(1990, 5, 1))))]
    parts = partition(list(order(old + busy)), 5)
    keys = [key for key, _ in parts]
    assert keys == ["1990", "2025-10-17-part-1", "2025-10-17-part-2", "2025-10-17-part-3"]
    assert part_label(keys[2]) == "17 October 2025, part 2"
    days = [event(f"x{i}", mention(a, f"Item {i} on Friday", day(date(2025, 10, 1 + i))))
            for i in range(12)]
    packed = [key for key, _ in partition(list(order(days)), 5)]
    assert packed == ["2025-10-01-to-2025-10-05", "2025-10-06-to-2025-10-10",
                      "2025-10-11-to-2025-10-12"]
    assert part_label(packed[0]) == "1 to 5 October 2025"


def test_people_pages_hold_each_actor_whole_or_in_order() -> None:
    counts = [("Abel", 3), ("Ada", 9), ("Ana", 2), ("Bo", 1), ("Élan", 4), ("Зоя", 2)]
    pages = people_pages(counts, lines=5)
    for path, items in pages:
        assert sum(stop - first for _, first, stop in items) <= 5, path
    for name, count in counts:
        slices = [(first, stop) for _, items in pages for n, first, stop in items if n == name]
        assert slices[0][0] == 0 and slices[-1][1] == count
        assert all(a[1] == b[0] for a, b in zip(slices, slices[1:], strict=False))
    paths = [path for path, _ in pages]
    assert paths[0] == "people/a.md" and "people/e.md" in paths and "people/other.md" in paths
    assert len(paths) == len(set(paths))
    assert people_pages(counts, lines=100) == [("people.md", [(n, 0, c) for n, c in counts])]


# --- the built site -------------------------------------------------------------------


@pytest.fixture(scope="module")
def story() -> Timeline:
    return big_story()


@pytest.fixture(scope="module")
def site(story: Timeline, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The big story's site: the plugin as configured, the pipeline replaced by the
    story (which the pipeline could not make to measure)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from timeline.site import plugin

    root = tmp_path_factory.mktemp("scale")
    (root / "corpus").mkdir()
    config = write_config(root, root / "corpus", root / "site")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(plugin, "timeline_of_corpus", lambda folder, title, run: story)
        build(load_config(str(config), strict=True))
    yield root / "site"


@pytest.fixture(scope="module")
def size(site: Path) -> SiteSize:
    figures = measure(site)
    print(f"\nscale site: {figures}")
    return figures


def test_the_story_is_at_real_size(story: Timeline) -> None:
    assert len(story.events) >= 8000 and 200 <= len(story.articles) <= 400
    assert len({a for e in story.events for a in actors(e)}) >= 1500


def test_no_page_is_over_a_megabyte(site: Path, size: SiteSize) -> None:
    assert size.pages > len(list((site / "articles").iterdir()))
    assert size.largest[1] < PAGE_LIMIT, size.largest


def test_every_entry_has_a_page_and_an_anchor(site: Path, story: Timeline) -> None:
    anchors: set[str] = set()
    for page in (site / "timeline").rglob("index.html"):
        if "newest" not in page.parent.name:
            anchors |= set(re.findall(r'<li class="tl-entry[^"]*" id="([^"]+)"',
                                      page.read_text("utf-8")))
    assert len(anchors) == len(story.events)


def test_the_search_index_does_not_hold_the_text_twice(
    site: Path, story: Timeline, size: SiteSize
) -> None:
    corpus = sum(len(r.article.body) for r in story.articles)
    assert size.index_text < INDEX_SHARE * corpus, (size.index_text, corpus)
    docs = json.loads((site / "search" / "search_index.json").read_text("utf-8"))["docs"]
    text = "\n".join(d["title"] + "\n" + d["text"] for d in docs)
    # each article is found, and the entries by their headlines
    for r in story.articles[::25]:
        first = r.article.body.split(". ")[0]
        assert text.count(first) >= 1, r.article.id
    for e in story.events[::400]:
        assert e.headline in text, e.id


def test_people_index_links_every_actor(site: Path, story: Timeline) -> None:
    index = (site / "people" / "index.html").read_text("utf-8")
    assert len(index.encode()) < PAGE_LIMIT
    names = {a for e in story.events for a in actors(e)}
    links = re.findall(r'<a href="([^"]+)">([^<]+)</a>', index)
    linked = {name: href for href, name in links if name in names}
    assert set(linked) == names
    pages: dict[str, str] = {}
    for name, href in sorted(linked.items())[::50]:  # a sample: each anchor exists
        path, anchor = urlsplit(href).path, urlsplit(href).fragment
        target = (site / "people" / path / "index.html").resolve()
        if target not in pages:
            pages[str(target)] = target.read_text("utf-8")
        assert f'id="{anchor}"' in pages[str(target)], (name, href)
