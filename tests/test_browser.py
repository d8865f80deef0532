"""The built demo site in a real browser: Debian's headless Chromium driven by chromedriver.

Serves the site on 127.0.0.1 with a threaded http.server and checks: no console errors,
the timeline shows every entry, the built-in search finds one, the overview SVG renders,
and no request leaves localhost. Saves screenshots (desktop and phone width, light and
dark) into $TIMELINE_ARTIFACTS (default ./artifacts), where CI keeps them.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import shutil
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
REPO = Path(__file__).resolve().parent.parent
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
)
WAIT = 20  # seconds, for the search worker and page loads

selenium = pytest.importorskip("selenium", reason="selenium is not installed")
if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
    pytest.skip(
        f"needs {CHROMIUM} and {CHROMEDRIVER} (apt-get install chromium chromium-driver)",
        allow_module_level=True,
    )

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
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


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="module")
def server(demo_site: Path) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(demo_site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[webdriver.Chrome]:
    profile = tempfile.mkdtemp(prefix="timeline-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(WAIT)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="module")
def artifacts() -> Path:
    folder = Path(os.environ.get("TIMELINE_ARTIFACTS", "artifacts"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _open(driver: webdriver.Chrome, url: str, width: int = 1280, height: int = 1000) -> None:
    driver.set_window_size(width, height)
    driver.get(url)
    WebDriverWait(driver, WAIT).until(
        lambda d: d.execute_script("return document.readyState") == "complete"
    )


def _severe(driver: webdriver.Chrome) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def _requested(driver: webdriver.Chrome) -> list[str]:
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def test_pages_load_without_console_errors_or_outside_requests(
    browser: webdriver.Chrome, server: str
) -> None:
    browser.get_log("performance")  # start from a clean log
    for path in ("", "timeline/", "timeline/newest/", "sources/", "disagreements/",
                 "undated/", "people/", "exports/", "dates/"):
        _open(browser, f"{server}/{path}")
        assert _severe(browser) == [], path
    links = browser.execute_script(
        "return [...document.querySelectorAll('a[href]')].map(a => a.href)"
    )
    assert links  # the exports page links its files
    outside = [u for u in _requested(browser) if not u.startswith((server, "data:", "blob:"))]
    assert outside == []


def test_timeline_shows_every_entry(
    browser: webdriver.Chrome, server: str, expected_summaries: list[str]
) -> None:
    _open(browser, f"{server}/timeline/")
    entries = browser.find_elements(By.CSS_SELECTOR, "li.tl-entry")
    assert len(entries) == len(expected_summaries) > 0
    shown = [e.find_element(By.CSS_SELECTOR, ".tl-summary").text for e in entries]
    assert shown == expected_summaries
    times = browser.find_elements(By.CSS_SELECTOR, "ul.tl-sources time[title]")
    assert times and all("→" in t.get_attribute("title") for t in times)


def test_source_link_opens_the_sentence(browser: webdriver.Chrome, server: str) -> None:
    _open(browser, f"{server}/timeline/")
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
    _open(browser, f"{server}/timeline/")
    permalink = browser.find_element(By.CSS_SELECTOR, "li.tl-entry a.tl-permalink")
    browser.execute_script("arguments[0].focus()", permalink)
    permalink.send_keys(Keys.TAB)  # the next stop is the first source's date phrase
    focused = browser.switch_to.active_element
    assert focused.tag_name == "time"
    tip = WebDriverWait(browser, WAIT).until(  # shown, then filled: wait for its text
        lambda d: [t for t in d.find_elements(By.CSS_SELECTOR, ".md-tooltip2--active") if t.text]
    )
    assert "→" in tip[0].text and "published" in tip[0].text


def test_overview_renders(browser: webdriver.Chrome, server: str) -> None:
    _open(browser, f"{server}/timeline/")
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
    _open(browser, f"{server}/timeline/")
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
        "timeline-desktop-light.png": (1280, 1400, "default"),
        "timeline-desktop-dark.png": (1280, 1400, "slate"),
        "timeline-phone-light.png": (390, 1600, "default"),
        "timeline-phone-dark.png": (390, 1600, "slate"),
    }
    for name, (width, height, scheme) in shots.items():
        _open(browser, f"{server}/timeline/", width, height)
        browser.execute_script(
            "document.body.setAttribute('data-md-color-scheme', arguments[0])", scheme
        )
        path = artifacts / name
        assert browser.save_screenshot(str(path)), name
        assert path.stat().st_size > 10_000, name
