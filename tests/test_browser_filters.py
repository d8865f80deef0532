"""The timeline filters (assets/timeline.js) in headless Chromium: each filter shows exactly
the entries it should, they combine, the result count is announced, the state lives in
the address, everything works from the keyboard alone, and without JavaScript every entry
shows and no control appears.

The site is the demo corpus with an outlet given to each article (the demo's articles name
none), built with the demo's mkdocs.yml; what each filter should show is worked out from
the same Timeline in Python.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from browser_kit import (
    WAIT,
    chromium,
    low_contrast,
    open_page,
    serve,
    skip_unless_chromium,
)

pytestmark = pytest.mark.browser
REPO = Path(__file__).resolve().parent.parent
OUTLETS = ("Outlet A", "Outlet B <i>&amp;</i>")  # the second: markup stays text

skip_unless_chromium()

from selenium import webdriver  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402


@dataclass(frozen=True)
class Entry:
    anchor: str
    status: str
    outlets: frozenset[str]
    actors: tuple[str, ...]
    key: bool


def _corpus(folder: Path) -> Path:
    """The demo articles, each given an outlet in turn."""
    folder.mkdir(parents=True)
    for index, path in enumerate(sorted((REPO / "corpus").glob("*.md"))):
        head, _, body = path.read_text("utf-8").partition("\n---\n")
        front = yaml.safe_load(head.removeprefix("---\n"))
        front["source"] = OUTLETS[index % len(OUTLETS)]
        text = "---\n" + yaml.safe_dump(front, allow_unicode=True) + "---\n" + body
        (folder / path.name).write_text(text, "utf-8")
    return folder


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Entry]]:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from timeline.corpus import load_corpus
    from timeline.pipeline import build_timeline
    from timeline.site.pages import SiteOptions
    from timeline.site.pages.context import actors, build_context

    root = tmp_path_factory.mktemp("filters")
    corpus = _corpus(root / "corpus")
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text("utf-8"))
    config["docs_dir"] = str(REPO / "docs")
    config["plugins"] = ["search", {"timeline": {"corpus": str(corpus)}}]
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), "utf-8")
    build(load_config(str(root / "mkdocs.yml"), strict=True, site_dir=str(root / "site")))
    timeline = build_timeline(load_corpus(corpus), config["site_name"])
    ctx = build_context(timeline, SiteOptions())
    entries = [
        Entry(ctx.event_ids[e.id], e.status,
              frozenset(a.source for i in e.sources if (a := ctx.articles[i]).source),
              tuple(actors(e)), e.id in ctx.key_moments)
        for e in timeline.events
    ]
    yield root / "site", entries
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="module")
def server(built: tuple[Path, list[Entry]]) -> Iterator[str]:
    with serve(built[0]) as url:
        yield url


@pytest.fixture(scope="module")
def entries(built: tuple[Path, list[Entry]]) -> list[Entry]:
    return built[1]


@pytest.fixture(scope="module")
def browser() -> Iterator[webdriver.Chrome]:
    with chromium() as driver:
        yield driver


VISIBLE = """
return [...document.querySelectorAll(arguments[0])]
  .filter(e => e.checkVisibility()).map(e => e.id);
"""


def _shown(driver: webdriver.Chrome, selector: str = "li.tl-entry") -> list[str]:
    return driver.execute_script(VISIBLE, selector)


def _expect(entries: list[Entry], keep: Callable[[Entry], bool]) -> list[str]:
    return [e.anchor for e in entries if keep(e)]


def _count(driver: webdriver.Chrome) -> str:
    return driver.find_element(By.CSS_SELECTOR, ".tl-filter-count").text


def _wait_shown(driver: webdriver.Chrome, expected: list[str], selector: str = "li.tl-entry"
                ) -> None:
    """Until the entries shown are `expected` (typing waits for a pause)."""
    try:
        WebDriverWait(driver, WAIT).until(lambda d: _shown(d, selector) == expected)
    finally:
        assert _shown(driver, selector) == expected


def test_the_demo_gives_every_filter_something_to_do(entries: list[Entry]) -> None:
    """Guards the test itself: each filter below keeps some entries and drops others."""
    assert len(entries) > 5
    for keep in (lambda e: OUTLETS[1] in e.outlets, lambda e: e.status == "scheduled",
                 lambda e: e.key, lambda e: any("putin" in a.casefold() for a in e.actors)):
        assert 0 < len(_expect(entries, keep)) < len(entries)


def test_each_filter_shows_exactly_its_entries(
    browser: webdriver.Chrome, server: str, entries: list[Entry]
) -> None:
    open_page(browser, f"{server}/timeline/")
    everything = [e.anchor for e in entries]
    assert _shown(browser) == everything
    assert _count(browser) == f"Showing all {len(entries)} entries."

    outlet = Select(browser.find_element(By.ID, "tl-filter-outlet"))
    assert [o.text for o in outlet.options] == ["All outlets", *OUTLETS]
    outlet.select_by_visible_text(OUTLETS[1])
    expected = _expect(entries, lambda e: OUTLETS[1] in e.outlets)
    _wait_shown(browser, expected)
    assert _count(browser) == f"Showing {len(expected)} of {len(entries)} entries."
    outlet.select_by_index(0)

    actor = browser.find_element(By.ID, "tl-filter-actor")
    actor.send_keys("PUTIN")
    _wait_shown(browser, _expect(entries, lambda e: any("putin" in a.casefold()
                                                          for a in e.actors)))
    actor.clear()
    actor.send_keys(Keys.SPACE, Keys.BACKSPACE)  # an input event for the cleared box
    _wait_shown(browser, everything)

    status = Select(browser.find_element(By.ID, "tl-filter-status"))
    status.select_by_visible_text("Scheduled")
    _wait_shown(browser, _expect(entries, lambda e: e.status == "scheduled"))
    status.select_by_index(0)

    browser.find_element(By.ID, "tl-filter-key").click()
    key_only = _expect(entries, lambda e: e.key)
    _wait_shown(browser, key_only)
    outlet.select_by_visible_text(OUTLETS[0])  # filters combine
    _wait_shown(browser, _expect(entries, lambda e: e.key and OUTLETS[0] in e.outlets))

    browser.find_element(By.CSS_SELECTOR, ".tl-filter-reset").click()
    _wait_shown(browser, everything)
    assert not browser.find_element(By.ID, "tl-filter-key").is_selected()


def test_headings_without_a_shown_entry_are_hidden(
    browser: webdriver.Chrome, server: str, entries: list[Entry]
) -> None:
    open_page(browser, f"{server}/timeline/?key=1")
    _wait_shown(browser, _expect(entries, lambda e: e.key))
    years = browser.execute_script(
        "return [...document.querySelectorAll('.md-content h2[id^=y]')]"
        ".map(h => [h.id, h.checkVisibility()])"
    )
    # the demo's background years (2022, 2024) hold no key moment; 2025 does
    assert dict(years) == {"y2022": False, "y2024": False, "y2025": True}
    contents = browser.execute_script(
        "return ['y2022', 'y2025'].map(id => document.querySelector("
        "'.md-sidebar--secondary a[href=\"#' + id + '\"]').closest('li').hidden)"
    )
    assert contents == [True, False]  # the table of contents follows


def test_the_filters_live_in_the_address(
    browser: webdriver.Chrome, server: str, entries: list[Entry]
) -> None:
    open_page(browser, f"{server}/timeline/")
    Select(browser.find_element(By.ID, "tl-filter-status")).select_by_visible_text("Reported")
    browser.find_element(By.ID, "tl-filter-key").click()
    WebDriverWait(browser, WAIT).until(lambda d: "key=1" in d.current_url)
    assert "status=reported" in browser.current_url
    open_page(browser, browser.current_url)  # a shared or reloaded address keeps the view
    assert browser.find_element(By.ID, "tl-filter-key").is_selected()
    _wait_shown(browser, _expect(entries, lambda e: e.key and e.status == "reported"))
    # a value the page does not offer is ignored, not trusted
    open_page(browser, f"{server}/timeline/?status=%3Cb%3Ex&outlet=nowhere")
    assert Select(browser.find_element(By.ID, "tl-filter-status")).first_selected_option.text \
        == "Any status"
    assert _shown(browser) == [e.anchor for e in entries]


def test_newest_first_is_filtered_too(
    browser: webdriver.Chrome, server: str, entries: list[Entry]
) -> None:
    open_page(browser, f"{server}/timeline/newest/?key=1")
    shown = set(_shown(browser, "ol.tl-newest > li"))
    assert shown == set(_expect(entries, lambda e: e.key))


def test_keyboard_alone_reaches_and_works_every_filter(
    browser: webdriver.Chrome, server: str, entries: list[Entry]
) -> None:
    open_page(browser, f"{server}/timeline/")
    before = browser.find_element(By.CSS_SELECTOR, ".tl-filter")
    # the stop before the filters: the last link above them (the overview's text fold)
    browser.execute_script(
        "const stops = [...document.querySelectorAll('.md-content a[href], .md-content summary')]"
        ".filter(e => e.compareDocumentPosition(arguments[0]) & Node.DOCUMENT_POSITION_FOLLOWING);"
        "stops[stops.length - 1].focus();", before)
    order = []
    for _ in range(5):
        browser.switch_to.active_element.send_keys(Keys.TAB)
        order.append(browser.switch_to.active_element.get_attribute("id"))
    assert order == ["tl-filter-outlet", "tl-filter-actor", "tl-filter-status",
                     "tl-filter-key", "tl-filter-reset"]
    for label in ("tl-filter-outlet", "tl-filter-actor", "tl-filter-status", "tl-filter-key"):
        assert browser.find_element(By.CSS_SELECTOR, f"label[for={label}]").text

    reset = browser.switch_to.active_element
    reset.send_keys(Keys.SHIFT, Keys.TAB)  # back to the checkbox
    browser.switch_to.active_element.send_keys(Keys.SPACE)
    _wait_shown(browser, _expect(entries, lambda e: e.key))
    browser.switch_to.active_element.send_keys(Keys.SHIFT, Keys.TAB)  # the status
    browser.switch_to.active_element.send_keys(Keys.SHIFT, Keys.TAB)  # the actor box
    browser.switch_to.active_element.send_keys("trump", Keys.ENTER)
    _wait_shown(browser, _expect(entries, lambda e: e.key and any(
        "trump" in a.casefold() for a in e.actors)))
    live = browser.find_element(By.CSS_SELECTOR, ".tl-filter-count")
    assert live.get_attribute("aria-live") == "polite" and live.get_attribute("role") == "status"
    browser.switch_to.active_element.send_keys(Keys.TAB, Keys.TAB, Keys.TAB, Keys.ENTER)
    assert browser.switch_to.active_element.text == "Show all"
    _wait_shown(browser, [e.anchor for e in entries])
    assert browser.find_element(By.ID, "tl-filter-actor").get_attribute("value") == ""
    browser.find_element(By.ID, "tl-filter-outlet").send_keys(Keys.ARROW_DOWN)  # a select
    _wait_shown(browser, _expect(entries, lambda e: OUTLETS[0] in e.outlets))


def test_without_javascript_every_entry_shows_and_no_control(
    browser: webdriver.Chrome, server: str, entries: list[Entry]
) -> None:
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        open_page(browser, f"{server}/timeline/?key=1&status=scheduled")
        time.sleep(0.5)
        assert _shown(browser) == [e.anchor for e in entries]
        assert browser.find_elements(By.CSS_SELECTOR, ".tl-filter form, .tl-filter select") == []
    finally:
        browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


def test_filter_controls_have_text_contrast_and_fit_a_phone(
    browser: webdriver.Chrome, server: str
) -> None:
    selectors = ("label[for=tl-filter-outlet]", "#tl-filter-outlet", "#tl-filter-actor",
                 "#tl-filter-reset", ".tl-filter-count", "label[for=tl-filter-key]")
    assert low_contrast(browser, f"{server}/timeline/?key=1", selectors) == []
    open_page(browser, f"{server}/timeline/?key=1", 390, 844)
    wide = browser.execute_script(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert wide <= 0
