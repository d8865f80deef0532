"""The built demo site in a real browser: Debian's headless Chromium driven by chromedriver.

Serves the site on 127.0.0.1 with a threaded http.server and checks: no console errors,
the timeline shows every entry, the built-in search finds one, the overview SVG renders,
and no request leaves localhost. Saves screenshots (desktop and phone width, light and
dark) into $TIMELINE_ARTIFACTS (default ./artifacts), where CI keeps them.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_kit import (
    CONTRAST_JS,
    WAIT,
    chromium,
    low_contrast,
    open_page,
    outside,
    palette,
    requested,
    serve,
    skip_unless_chromium,
)

pytestmark = pytest.mark.browser
REPO = Path(__file__).resolve().parent.parent

skip_unless_chromium()

from selenium import webdriver  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.remote.webelement import WebElement  # noqa: E402
from selenium.webdriver.support import expected_conditions as ec  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    site = tmp_path_factory.mktemp("browser") / "site"
    build(load_config(str(REPO / "mkdocs.yml"), strict=True, site_dir=str(site)))
    return site


@pytest.fixture(scope="module")
def expected_summaries() -> list[str]:
    from timeline.corpus import load_corpus
    from timeline.pipeline import build_timeline

    timeline = build_timeline(load_corpus(REPO / "corpus"))
    return [" ".join(e.summary.split()) for e in timeline.events]


@pytest.fixture(scope="module")
def server(demo_site: Path) -> Iterator[str]:
    with serve(demo_site) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[webdriver.Chrome]:
    with chromium() as driver:
        yield driver


@pytest.fixture(scope="module")
def artifacts() -> Path:
    folder = Path(os.environ.get("TIMELINE_ARTIFACTS", "artifacts"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _severe(driver: webdriver.Chrome) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def test_pages_load_without_console_errors_or_outside_requests(
    browser: webdriver.Chrome, server: str
) -> None:
    browser.get_log("performance")  # start from a clean log
    for path in ("", "timeline/", "timeline/newest/", "sources/", "disagreements/",
                 "undated/", "people/", "exports/", "about/", "dates/"):
        open_page(browser, f"{server}/{path}")
        assert _severe(browser) == [], path
    links = browser.execute_script(
        "return [...document.querySelectorAll('a[href]')].map(a => a.href)"
    )
    assert links  # the exports page links its files
    assert outside(requested(browser), server) == []


def test_timeline_shows_every_entry(
    browser: webdriver.Chrome, server: str, expected_summaries: list[str]
) -> None:
    open_page(browser, f"{server}/timeline/")
    entries = browser.find_elements(By.CSS_SELECTOR, "li.tl-entry")
    assert len(entries) == len(expected_summaries) > 0
    shown = [e.find_element(By.CSS_SELECTOR, ".tl-summary").text for e in entries]
    assert shown == expected_summaries
    times = browser.find_elements(By.CSS_SELECTOR, "ul.tl-sources time[title]")
    assert times and all("→" in t.get_attribute("title") for t in times)


def test_source_link_opens_the_sentence(browser: webdriver.Chrome, server: str) -> None:
    open_page(browser, f"{server}/timeline/")
    link = browser.find_element(By.CSS_SELECTOR, "ul.tl-sources a[href*='#s']")
    anchor = link.get_attribute("href").split("#")[1]
    link.click()
    WebDriverWait(browser, WAIT).until(lambda d: d.current_url.endswith(f"#{anchor}"))
    sentence = browser.find_element(By.ID, anchor)
    assert "tl-sentence" in sentence.get_attribute("class") and sentence.text
    assert _severe(browser) == []


def test_keyboard_reaches_a_date_and_its_resolution(
    browser: webdriver.Chrome, server: str
) -> None:
    open_page(browser, f"{server}/timeline/")
    permalink = browser.find_element(By.CSS_SELECTOR, "li.tl-entry a.tl-permalink")
    browser.execute_script("arguments[0].focus()", permalink)
    permalink.send_keys(Keys.TAB)  # the next stop is the first source's date phrase
    focused = browser.switch_to.active_element
    assert focused.tag_name == "time"
    tip = _shown_tip(browser)
    assert "→" in tip.text and "published" in tip.text
    assert focused.get_attribute("aria-describedby") == tip.get_attribute("id")
    focused.send_keys(Keys.ESCAPE)
    assert not tip.is_displayed()


def _shown_tip(driver: webdriver.Chrome) -> WebElement:
    """The date tip (assets/timeline.js) once it shows some text."""
    return WebDriverWait(driver, WAIT).until(
        lambda d: next((t for t in d.find_elements(By.CSS_SELECTOR, ".tl-tip")
                        if t.is_displayed() and t.text), None)
    )


def test_hovering_a_date_shows_its_resolution_as_text(
    browser: webdriver.Chrome, server: str
) -> None:
    open_page(browser, f"{server}/timeline/")
    phrase = browser.find_elements(By.CSS_SELECTOR, "ul.tl-sources time[title]")[0]
    title = phrase.get_attribute("title")
    ActionChains(browser).move_to_element(phrase).perform()
    tip = _shown_tip(browser)
    assert tip.text == " ".join(title.split())
    assert tip.find_elements(By.CSS_SELECTOR, "*") == []  # text, no elements
    ActionChains(browser).move_to_element(browser.find_element(By.TAG_NAME, "h1")).perform()
    WebDriverWait(browser, WAIT).until(lambda d: not tip.is_displayed())
    assert phrase.get_attribute("title") == title  # given back for the browser's own tip


def test_overview_renders(browser: webdriver.Chrome, server: str) -> None:
    open_page(browser, f"{server}/timeline/")
    svg = browser.find_element(By.CSS_SELECTOR, "svg.tl-overview")
    assert svg.size["width"] > 100 and svg.size["height"] > 50
    marks = svg.find_elements(By.CSS_SELECTOR, "circle, rect")
    assert marks and any(m.size["width"] > 0 for m in marks)


def test_search_finds_an_entry(
    browser: webdriver.Chrome, server: str, expected_summaries: list[str]
) -> None:
    words = re.findall(r"[A-Za-z]{6,}", expected_summaries[-1])
    assert words, expected_summaries[-1]
    word = max(words, key=len)
    open_page(browser, f"{server}/timeline/")
    browser.find_element(By.CSS_SELECTOR, "label.md-search__icon, .md-search__input").click()
    box = WebDriverWait(browser, WAIT).until(
        ec.element_to_be_clickable((By.CSS_SELECTOR, "input.md-search__input"))
    )
    box.send_keys(word)
    results = WebDriverWait(browser, WAIT).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, ".md-search-result__item")
    )
    assert results
    text = " ".join(r.text for r in results).lower()
    assert word.lower() in text


def test_screenshots(browser: webdriver.Chrome, server: str, artifacts: Path) -> None:
    shots = {
        "timeline-desktop-light.png": (1280, 1400, "default", "timeline/"),
        "timeline-desktop-dark.png": (1280, 1400, "slate", "timeline/"),
        "timeline-phone-light.png": (390, 1600, "default", "timeline/"),
        "timeline-phone-dark.png": (390, 1600, "slate", "timeline/"),
        "home-desktop-light.png": (1280, 1400, "default", ""),
        "home-desktop-dark.png": (1280, 1400, "slate", ""),
        "home-phone-light.png": (390, 1600, "default", ""),
        "home-phone-dark.png": (390, 1600, "slate", ""),
    }
    for name, (width, height, scheme, page) in shots.items():
        open_page(browser, f"{server}/{page}", width, height)
        browser.execute_script(
            "document.body.setAttribute('data-md-color-scheme', arguments[0])", scheme
        )
        path = artifacts / name
        assert browser.save_screenshot(str(path)), name
        assert path.stat().st_size > 10_000, name


# --- from the UX review of the built demo site --------------------------------------------

PAGES = ("", "timeline/", "timeline/newest/", "sources/", "disagreements/", "undated/",
         "people/", "exports/", "about/", "dates/")

def test_nothing_overflows_sideways_on_a_phone(browser: webdriver.Chrome, server: str) -> None:
    for path in PAGES:
        open_page(browser, f"{server}/{path}", 390, 844)
        wide = browser.execute_script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert wide <= 0, path


def test_day_headings_stand_above_the_entry_text(
    browser: webdriver.Chrome, server: str
) -> None:
    """A chronology leads with its dates: a day or week heading was set smaller than the
    summaries under it."""
    for width in (1280, 390):
        open_page(browser, f"{server}/timeline/", width, 900)
        size = browser.execute_script(
            "return [document.querySelector('h4 > time[datetime]'),"
            " document.querySelector('li.tl-entry .tl-summary')]"
            ".map(e => parseFloat(getComputedStyle(e).fontSize))"
        )
        assert size[0] > size[1] * 1.05, (width, size)


def test_entry_links_have_text_contrast_in_both_palettes(
    browser: webdriver.Chrome, server: str
) -> None:
    for scheme in ("default", "slate"):
        palette(browser, f"{server}/timeline/", scheme)
        permalink = browser.find_element(By.CSS_SELECTOR, "a.tl-permalink")
        ratio = browser.execute_script(CONTRAST_JS, permalink)
        assert ratio >= 4.5, (scheme, ratio)
        quote = browser.find_element(By.CSS_SELECTOR, "details.tl-quotes > summary")
        assert browser.execute_script(CONTRAST_JS, quote) >= 4.5, scheme


def test_quoted_sentences_open_by_touch_or_keyboard(
    browser: webdriver.Chrome, server: str
) -> None:
    open_page(browser, f"{server}/timeline/", 390, 844)
    fold = browser.find_element(By.CSS_SELECTOR, "details.tl-quotes")
    quote = fold.find_element(By.CSS_SELECTOR, "q")
    assert not quote.is_displayed()
    summary = fold.find_element(By.CSS_SELECTOR, "summary")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", summary)
    summary.click()
    assert quote.is_displayed() and quote.text
    link = fold.find_element(By.CSS_SELECTOR, "li a[href*='#s']")
    assert link.is_displayed()


def test_disagreement_sentences_get_the_full_width_on_a_phone(
    browser: webdriver.Chrome, server: str
) -> None:
    """Three columns at 390 px left each about 100 px: a source title ran to ten lines.
    On a phone the sentence goes under the source and date, across the row."""
    open_page(browser, f"{server}/disagreements/", 390, 844)
    row = browser.find_element(By.CSS_SELECTOR, ".tl-compare tbody tr")
    cells = row.find_elements(By.CSS_SELECTOR, "td")
    said = cells[1].rect
    assert said["width"] >= 0.9 * row.rect["width"]
    assert said["y"] > cells[0].rect["y"] and said["y"] > cells[2].rect["y"]
    assert cells[1].find_element(By.CSS_SELECTOR, "q.tl-quote").text
    open_page(browser, f"{server}/disagreements/", 1280, 900)
    cells = browser.find_elements(By.CSS_SELECTOR, ".tl-compare tbody tr:first-child td")
    assert len({round(c.rect["y"]) for c in cells}) == 1  # side by side on a desktop


def test_dates_in_article_text_have_contrast_in_both_palettes(
    browser: webdriver.Chrome, server: str
) -> None:
    """A date in an article's text is a link on the code background: Material's slate link
    blue gave 4.1:1 there."""
    open_page(browser, f"{server}/sources/")
    article = browser.find_element(By.CSS_SELECTOR, "ul.tl-articles a").get_attribute("href")
    for scheme in ("default", "slate"):
        palette(browser, article, scheme)
        dates = browser.find_elements(By.CSS_SELECTOR, "a.tl-feeds time.tl-timex")
        assert dates, article
        ratio = browser.execute_script(CONTRAST_JS, dates[0])
        assert ratio >= 4.5, (scheme, ratio)


def test_tapping_a_date_shows_its_resolution(browser: webdriver.Chrome, server: str) -> None:
    """The page says 'hover or tap a date': on a touch screen the tap shows the same tip."""
    browser.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": True})
    try:
        open_page(browser, f"{server}/timeline/", 390, 844)
        phrase = browser.find_elements(By.CSS_SELECTOR, "ul.tl-sources time[title]")[2]
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", phrase)
        x, y = browser.execute_script(
            "const b = arguments[0].getBoundingClientRect(); return [b.x + 4, b.y + 4]", phrase
        )
        for kind, points in (("touchStart", [{"x": x, "y": y}]), ("touchEnd", [])):
            browser.execute_cdp_cmd("Input.dispatchTouchEvent",
                                    {"type": kind, "touchPoints": points})
        assert "→" in _shown_tip(browser).text
    finally:
        browser.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": False})


def test_search_lands_on_the_entry_under_its_date(
    browser: webdriver.Chrome, server: str, expected_summaries: list[str]
) -> None:
    """The overview repeated every summary at the top of the page, so the timeline's hit
    for an entry's words was the page top; it is the date section holding the entry."""
    words = re.findall(r"[A-Za-z]{7,}", expected_summaries[0])
    word = max(words, key=len)
    open_page(browser, f"{server}/timeline/")
    browser.find_element(By.CSS_SELECTOR, "label.md-search__icon, .md-search__input").click()
    box = WebDriverWait(browser, WAIT).until(
        ec.element_to_be_clickable((By.CSS_SELECTOR, "input.md-search__input"))
    )
    box.send_keys(word)
    links = WebDriverWait(browser, WAIT).until(  # the results for the whole word
        lambda d: [h for a in d.find_elements(By.CSS_SELECTOR, ".md-search-result__item a")
                   if f"h={word}" in (h := a.get_attribute("href") or "")]
    )
    timeline = [h for h in links if "/timeline/?" in h]
    assert timeline, links
    assert all("#" in h for h in timeline), timeline


def test_home_key_moments_lead_to_their_entries(browser: webdriver.Chrome, server: str) -> None:
    from timeline.corpus import load_corpus
    from timeline.pipeline import build_timeline

    flagged = [e for e in build_timeline(load_corpus(REPO / "corpus")).events if e.key_moment]
    open_page(browser, f"{server}/")
    links = browser.find_elements(By.CSS_SELECTOR, "ol.tl-moments a.tl-moment-headline")
    assert len(links) == len(flagged) > 0
    assert [a.text for a in links] == [" ".join(e.headline.split()) for e in flagged]
    anchor = links[-1].get_attribute("href").split("#")[1]
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", links[-1])
    links[-1].click()
    WebDriverWait(browser, WAIT).until(lambda d: d.current_url.endswith(f"/timeline/#{anchor}"))
    entry = browser.find_element(By.ID, anchor)
    assert "tl-entry" in entry.get_attribute("class")
    assert "Key moment" in entry.find_element(By.CSS_SELECTOR, ".tl-head").text


def test_home_links_have_text_contrast_in_both_palettes(
    browser: webdriver.Chrome, server: str
) -> None:
    selectors = ("a.tl-moment-headline", ".tl-home-links a:not(.md-button--primary)",
                 "ul.tl-stats a", "li.tl-moment .tl-count")
    assert low_contrast(browser, f"{server}/", selectors) == []
