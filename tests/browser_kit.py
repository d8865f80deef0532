"""Driving a built site in Debian's headless Chromium (chromedriver), for the browser tests:
a local static server, the browser, page loads and the requests a page made.

Import it after `skip_unless_chromium()`: selenium and the browser are optional."""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import shutil
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
)
WAIT = 20  # seconds, for the search worker and page loads
# URLs a page may load besides its own server: inline data and blobs the theme makes, and
# the browser's own pages (its new-tab page loads chrome:// resources at start).
LOCAL_SCHEMES = ("data:", "blob:", "about:", "chrome:", "chrome-untrusted:")


def skip_unless_chromium() -> None:
    """Skip the calling test module when selenium or the browser is missing."""
    pytest.importorskip("selenium", reason="selenium is not installed")
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.skip(
            f"needs {CHROMIUM} and {CHROMEDRIVER} (apt-get install chromium chromium-driver)",
            allow_module_level=True,
        )


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    """A threaded static server for `folder` on 127.0.0.1; yields its base URL."""
    handler = functools.partial(_Quiet, directory=str(folder))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@contextlib.contextmanager
def chromium() -> Iterator[Any]:
    """Headless Chromium with browser and performance (network) logs, in a fresh profile."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

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


def open_page(driver: Any, url: str, width: int = 1280, height: int = 1000) -> None:
    from selenium.webdriver.support.ui import WebDriverWait

    driver.set_window_size(width, height)
    driver.get(url)
    WebDriverWait(driver, WAIT).until(
        lambda d: d.execute_script("return document.readyState") == "complete"
    )


def requested(driver: Any) -> list[str]:
    """The URLs the browser asked for since the performance log was last read."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def outside(urls: list[str], server: str) -> list[str]:
    """The URLs that went anywhere but the local server."""
    return [u for u in urls if not u.startswith((server + "/", *LOCAL_SCHEMES)) and u != server]


# The contrast ratio (WCAG) of an element's text against what shows behind it.
CONTRAST_JS = """
const parse = c => {
  const m = c.match(/[\\d.]+/g).map(Number);
  return m.length > 3 ? m : [...m, 1];
};
const lum = rgb => rgb.slice(0, 3).map(v => { v /= 255;
  return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); })
  .reduce((a, v, i) => a + v * [0.2126, 0.7152, 0.0722][i], 0);
const e = arguments[0];
let bg = [255, 255, 255];
const layers = [];
for (let x = e; x; x = x.parentElement) {
  const c = parse(getComputedStyle(x).backgroundColor);
  if (c[3] > 0) layers.push(c);
  if (c[3] >= 1) break;
}
for (const c of layers.reverse()) bg = bg.map((v, i) => v * (1 - c[3]) + c[i] * c[3]);
let alpha = parse(getComputedStyle(e).color)[3];
for (let x = e; x; x = x.parentElement) alpha *= parseFloat(getComputedStyle(x).opacity);
const fg = parse(getComputedStyle(e).color).slice(0, 3)
  .map((v, i) => v * alpha + bg[i] * (1 - alpha));
const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a);
return (hi + 0.05) / (lo + 0.05);
"""


def palette(driver: Any, url: str, scheme: str, width: int = 1280) -> None:
    """Open a page as a reader whose system asks for light or dark: Material picks the
    palette from prefers-color-scheme (and remembers a choice, so that is cleared)."""
    dark = "dark" if scheme == "slate" else "light"
    driver.execute_cdp_cmd(
        "Emulation.setEmulatedMedia",
        {"features": [{"name": "prefers-color-scheme", "value": dark}]},
    )
    open_page(driver, url, width)
    driver.execute_script("localStorage.clear()")
    open_page(driver, url, width)
    assert driver.execute_script(
        "return document.body.getAttribute('data-md-color-scheme')"
    ) == scheme


def low_contrast(driver: Any, url: str, selectors: tuple[str, ...], least: float = 4.5
                 ) -> list[tuple[str, int, str, float]]:
    """The elements (the first match of each selector) whose text contrast is under
    `least`, in both palettes at a desktop's and a phone's width: (scheme, width,
    selector, ratio)."""
    from selenium.webdriver.common.by import By

    found = []
    for scheme in ("default", "slate"):
        for width in (1280, 390):
            palette(driver, url, scheme, width)
            for selector in selectors:
                element = driver.find_element(By.CSS_SELECTOR, selector)
                ratio = driver.execute_script(CONTRAST_JS, element)
                if ratio < least:
                    found.append((scheme, width, selector, ratio))
    return found
