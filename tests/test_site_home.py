"""The home page (the story at a glance), the span of a story at each end's own grain,
key moments (flagged or a configured number) and the articles left out."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from site_factory import demo

from timeline.model import ArticleError, Timeline
from timeline.salience import ranked
from timeline.site.markup import span_label
from timeline.site.pages import HOME, SOURCES, TIMELINE, SiteOptions, build_pages, render_pages
from timeline.values import Grain, Point, day, month, week_of, year


@pytest.fixture(scope="module")
def story() -> Timeline:
    return ranked(demo())


def _moments(home: str) -> list[str]:
    """The entry anchors the key moments link to, in page order."""
    block = home[home.index('<ol class="tl-moments">') :]
    block = block[: block.index("</ol>")]
    return re.findall(r'href="[^"]*#(e-[\w-]+)"', block)


@pytest.mark.parametrize(
    ("first", "last", "expected"),
    [
        (year(2022), week_of(date(2025, 10, 20)), "from 2022 to the week of 20 October 2025"),
        (day(date(2025, 10, 12)), day(date(2025, 10, 17)),
         "from 12 October 2025 to 17 October 2025"),
        (month(2025, 2), day(date(2025, 10, 17)), "from February 2025 to 17 October 2025"),
        (Point(date(2025, 1, 1), Grain.HALF), month(2025, 10),
         "from the first half of 2025 to October 2025"),
        (Point(date(1990, 1, 1), Grain.DECADE), year(2025), "from the 1990s to 2025"),
        (day(date(2025, 10, 16)), day(date(2025, 10, 16)), "on 16 October 2025"),
        (month(2025, 10), month(2025, 10), "in October 2025"),
    ],
)
def test_span_uses_each_ends_own_grain(first, last, expected) -> None:
    assert span_label(first, last) == expected


def test_home_tells_the_story(story: Timeline) -> None:
    pages = render_pages(story)
    home = pages[HOME]
    assert '<h1 id="story">Demo story</h1>' in home
    # the demo runs from the 2022 entry to the Friday of 17 October 2025
    assert "A sourced timeline from 2022 to 17 October 2025, drawn from 3 articles by 2 " \
           "outlets." in home
    figures = dict(re.findall(r"<strong>(\d+)</strong> (\w+)</a>", home))
    assert figures == {"5": "entries", "3": "articles", "2": "outlets", "1": "disagreement"}
    assert 'href="timeline/"' in home  # the full timeline


def test_key_moments_are_the_flagged_entries_in_date_order(story: Timeline) -> None:
    home = render_pages(story)[HOME]
    flagged = [f"e-{e.id}" for e in story.events if e.key_moment]
    assert flagged and _moments(home) == flagged
    call = next(e for e in story.events if e.id == "call")
    item = home[home.index('href="timeline/#e-call"') :]
    assert item.index(call.headline) < item.index("(2 sources)") < item.index("</li>")


def test_configured_number_of_key_moments(story: Timeline) -> None:
    by_rank = sorted(story.events, key=lambda e: e.rank)
    eligible = [e for e in by_rank if not e.background and e.status != "context"]
    for count in (0, 1, 2, 10):
        home = render_pages(story, SiteOptions(key_moments=count))[HOME]
        expected = {f"e-{e.id}" for e in eligible[:count]}
        shown = _moments(home) if count else []
        assert set(shown) == expected, count
        if count == 0:
            assert 'class="tl-moments"' not in home


def test_background_is_never_a_key_moment(story: Timeline) -> None:
    background = {f"e-{e.id}" for e in story.events if e.background}
    assert background  # the demo's 2022 invasion and its February
    forced = replace(story, events=tuple(replace(e, key_moment=True) for e in story.events))
    for t, options in ((story, SiteOptions(key_moments=99)), (forced, SiteOptions(key_moments=9))):
        assert not background & set(_moments(render_pages(t, options)[HOME]))


def test_home_page_is_in_the_nav_and_can_be_left_out(story: Timeline) -> None:
    nav = [p.path for p in build_pages(story) if p.in_nav]
    assert nav[0] == HOME
    assert HOME not in render_pages(story, SiteOptions(home=False))


def test_home_with_no_entries_still_reads() -> None:
    empty = replace(demo(), events=())
    home = render_pages(empty)[HOME]
    assert "No dated entries yet: 3 articles read so far." in home
    assert "tl-moments" not in home


def test_left_out_articles_are_listed_with_their_message_escaped(story: Timeline) -> None:
    errors = (
        ArticleError("broken", Path("corpus/broken.md"), "<script>alert(1)</script> failed"),
        ArticleError("empty", Path("corpus/empty.md"), "the body is empty"),
    )
    pages = render_pages(replace(story, errors=errors))
    sources = pages[SOURCES]
    left = sources[sources.index("{#left-out}") :]
    assert "<code>broken.md</code>: &lt;script&gt;alert(1)&lt;/script&gt; failed" in left
    assert "<code>empty.md</code>: the body is empty" in left
    assert "<script>" not in sources
    home = pages[HOME]
    assert "2 articles were left out because they could not be read" in home
    assert 'href="sources/#left-out"' in home
    assert "left-out" not in render_pages(story)[SOURCES]  # no section without errors


def test_decades_and_centuries_do_not_stretch_the_span(story: Timeline) -> None:
    """A real story (Timeline17's Iraq war) read 'from 200–299 to 2000–2099'."""
    from site_factory import article, event, mention

    a = article("c", "Since the 2000s and in the 200s, people met.")
    coarse = [event("c", mention(a, "the 2000s", Point(date(2000, 1, 1), Grain.CENTURY))),
              event("d", mention(a, "the 200s", Point(date(200, 1, 1), Grain.DECADE)))]
    wider = replace(story, events=story.events + tuple(coarse))
    assert "A sourced timeline from 2022 to 17 October 2025," in render_pages(wider)[HOME]
    only = replace(story, events=tuple(coarse))
    assert "from the 200s to 2000–2099" in render_pages(only)[HOME]


def test_timeline_header_uses_the_span_too(story: Timeline) -> None:
    assert "5 dated entries from 2022 to 17 October 2025" in render_pages(story)[TIMELINE]


def _project(root: Path, corpus: Path, **options: object) -> Path:
    """A story folder: no docs of its own, the plugin on `corpus` with `options`."""
    import yaml

    (root / "docs").mkdir(parents=True)
    config = {
        "site_name": "Plugin options", "docs_dir": "docs", "site_dir": "site",
        "theme": {"name": "material", "font": False},
        "plugins": [{"timeline": {"corpus": str(corpus), **options}}],
    }
    path = root / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config), encoding="utf-8")
    return path


def test_plugin_options_home_and_key_moments(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    corpus = Path(__file__).resolve().parents[1] / "corpus"
    built = _project(tmp_path / "three", corpus, key_moments=3)
    build(load_config(str(built), strict=True))
    home = (tmp_path / "three" / "site" / "index.html").read_text("utf-8")
    assert home.count('class="tl-moment"') == 3 and "3 key moments of " in home
    without = _project(tmp_path / "none", corpus, home=False)
    build(load_config(str(without), strict=True))
    assert not (tmp_path / "none" / "site" / "index.html").exists()
    for bad in (-1, True):
        caplog.clear()
        with pytest.raises(Abort):
            build(load_config(str(_project(tmp_path / f"bad{bad}", corpus, key_moments=bad)),
                              strict=True))
        assert "`key_moments` must be a whole number, 0 or more" in caplog.text
