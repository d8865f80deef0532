"""The hostile site (tests/hostile_site.py: every payload of tests/data/xss_payloads.txt in
every front-matter field and beside dates in the body) in headless Chromium, as a reader
would use it: every page is opened (with search highlighting of payload words), every
marked date and other titled mark is hovered with the real mouse and focused, and payload
words and payloads are typed into the search box.

Fails on any call of alert/confirm/prompt/print (replaced, in every frame, before any
page script runs), a real dialog, any element the site does not make (watched from the
first parsed node to the last interaction, and scanned at the end), and any request to a
host other than the local server. The site is built with Material's content.tooltips and
instant loading with prefetch switched on in mkdocs.yml, as a user might have them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from browser_kit import WAIT, chromium, open_page, outside, requested, serve, skip_unless_chromium
from hostile_site import build_site, payloads

pytestmark = pytest.mark.browser

skip_unless_chromium()

from selenium.common.exceptions import (  # noqa: E402
    NoAlertPresentException,
    UnexpectedAlertPresentException,
)
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support import expected_conditions as ec  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

# Runs in every frame before the page's own scripts: records dialogs instead of showing
# them, and every element added to the document (from the first one the parser makes)
# that the site would never make. `window.__tlSuspicious(el)` is the same rule for the
# final scan. Tags and attributes are checked by name, so no payload text is needed here.
GUARD = r"""
(() => {
  const record = (kind, detail) => {
    const line = kind + ": " + String(detail).slice(0, 300);
    try { (window.top.__tlXss = window.top.__tlXss || []).push(line); } catch (e) {}
    console.error("tl-xss " + line);
  };
  for (const name of ["alert", "confirm", "prompt", "print"]) {
    window[name] = (message) => { record(name, message); return null; };
  }
  const FORBIDDEN = new Set(["applet", "audio", "base", "bgsound", "embed", "frame",
    "frameset", "iframe", "image", "img", "isindex", "keygen", "marquee", "math", "object",
    "picture", "portal", "source", "style", "template", "textarea", "video", "xmp",
    "animate", "set", "use", "foreignobject", "select"]);
  const CONTENT = new Set(["a", "abbr", "article", "blockquote", "br", "circle", "code",
    "dd", "del", "desc", "details", "div", "dl", "dt", "em", "figcaption", "figure", "h1",
    "h2", "h3", "h4", "h5", "h6", "hr", "li", "line", "mark", "ol", "p", "path", "pre", "q",
    "rect", "span", "strong", "summary", "svg", "table", "tbody", "td", "text", "th",
    "thead", "time", "title", "tr", "ul", "nav", "g", "sub", "sup"]);
  const URL_ATTRS = ["href", "xlink:href", "src", "action", "formaction", "data", "poster",
    "background", "srcset", "ping", "dynsrc", "lowsrc"];
  const here = () => location.origin;
  const foreign = (value) => {
    try {
      const url = new URL(value, location.href);
      if (["http:", "https:"].includes(url.protocol)) return url.origin !== here();
      return !["about:", "blob:"].includes(url.protocol);
    } catch (e) { return true; }
  };
  // The timeline filters (assets/timeline.js) build a form in the page's one filter slot,
  // an empty div[data-tl-filter] straight under the content: its controls are the site's.
  const FILTER = new Set(["form", "fieldset", "legend", "div", "label", "select", "option",
    "input", "datalist", "button", "p"]);
  const filterPart = (el) => {
    const slot = el.parentElement && el.parentElement.closest("[data-tl-filter]");
    return !!slot && FILTER.has(el.localName) &&
      slot.parentElement.classList.contains("md-content__inner") &&
      document.querySelectorAll("[data-tl-filter]").length === 1;
  };
  const suspicious = (el) => {
    const tag = el.localName;
    const reasons = [];
    const ours = filterPart(el);
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith("on")) reasons.push("handler " + name);
      if (URL_ATTRS.includes(name) && /^\s*(javascript|data|vbscript):/i.test(attr.value)) {
        reasons.push(name + "=" + attr.value);
      }
      if (name === "style" && /url\(|expression|behavior|binding/i.test(attr.value)) {
        reasons.push("style " + attr.value);
      }
    }
    if (FORBIDDEN.has(tag) && !ours) reasons.push("element " + tag);
    if (tag === "meta" && el.hasAttribute("http-equiv")) reasons.push("meta http-equiv");
    if (tag === "link" && (foreign(el.getAttribute("href") || "") ||
        /prefetch|preconnect|preload|import/i.test(el.getAttribute("rel") || ""))) {
      reasons.push("link " + el.getAttribute("rel") + " " + el.getAttribute("href"));
    }
    if (tag === "script" && el.hasAttribute("src") && foreign(el.getAttribute("src"))) {
      reasons.push("script src " + el.getAttribute("src"));
    }
    if (tag === "script" && !el.hasAttribute("src") && /alert|confirm|prompt|\.example/i
        .test(el.textContent)) reasons.push("inline script " + el.textContent);
    if (tag === "a" && el.hasAttribute("href") && foreign(el.getAttribute("href"))) {
      const rel = (el.getAttribute("rel") || "").split(/\s+/);
      if (!rel.includes("noopener") || !rel.includes("noreferrer")) {
        reasons.push("outside link without noopener noreferrer " + el.getAttribute("href"));
      }
    }
    if (["form", "input", "button"].includes(tag) && !/^md-/.test(el.className) && !ours) {
      reasons.push("form control " + tag);  // the theme's own all have md- classes
    }
    const content = el.parentElement &&
      el.parentElement.closest(".md-content__inner, .md-search-result, .tl-tip");
    if (content && !CONTENT.has(tag) && !ours) reasons.push("element in text " + tag);
    if (content && content.classList.contains("tl-tip")) reasons.push("element in tip " + tag);
    return reasons.join("; ");
  };
  window.__tlSuspicious = suspicious;
  const check = (el) => {
    const why = suspicious(el);
    if (why) record("injected", "<" + el.localName + "> " + why);
  };
  new MutationObserver((records) => {
    for (const r of records) {
      for (const node of r.addedNodes) {
        if (node.nodeType !== 1) continue;
        check(node);
        for (const el of node.querySelectorAll("*")) check(el);
      }
      if (r.type === "attributes" && r.target.nodeType === 1) check(r.target);
    }
  }).observe(document, {childList: true, subtree: true, attributes: true});
})();
"""

SCAN = """
const found = [];
for (const el of document.querySelectorAll('*')) {
  const why = window.__tlSuspicious ? window.__tlSuspicious(el) : 'guard missing';
  if (why) found.push('<' + el.localName + '> ' + why);
}
return {found: found, recorded: window.__tlXss || []};
"""

# The marked dates, hovered with the real mouse; and every mark a reader can hover in the
# content (dates, other titled marks, the overview's links, links out of the site, which
# instant loading must not prefetch), focused, swept with pointer events and tapped.
DATES = ".md-content time[title], .md-content .tl-timex[title]"
MARKS = ".md-content [title], .md-content svg a, .md-content a[href^='http']"
TIP_ROOM = 400  # px left free below the marks hovered in one screenful, for their tips

NUMBER_DATES = """
const dates = document.querySelectorAll(arguments[0]);
dates.forEach((el, i) => el.setAttribute('data-tl-date', i));
return dates.length;
"""

# Scrolls date `from` to the top and returns the dates from there that fit in the screen
# above the room kept for tips: [index, x, y] where the pointer reaches the date,
# [index] where it cannot (folded away, under the header, off to the side).
SCREENFUL = """
const [from, room] = arguments;
document.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape', bubbles: true}));
const dates = [...document.querySelectorAll('[data-tl-date]')];
if (!dates[from]) return null;  // the page changed (navigated away)
const header = document.querySelector('.md-header');
const top = header ? header.getBoundingClientRect().bottom : 0;
window.scrollTo(0, dates[from].getBoundingClientRect().top + scrollY - top - 8);
const out = [];
for (let i = from; i < dates.length; i++) {
  const box = dates[i].getBoundingClientRect();
  const x = box.x + Math.min(box.width / 2, 4), y = box.y + box.height / 2;
  const drawn = box.width > 0 && box.height > 0;
  if (drawn && y > innerHeight - room && i > from) break;
  const hit = drawn && y > top && y < innerHeight && x > 0 && x < innerWidth &&
    dates[i].contains(document.elementFromPoint(x, y));
  out.push(hit ? [i, x, y] : [i]);
}
return out;
"""

# Keyboard focus on every mark, before any hover: a focus handler on the element runs
# before the page's delegated ones, so this is where a script that reads the title as
# markup would get it first.
FOCUS_SWEEP = """
return (async () => {
  const marks = [...document.querySelectorAll(arguments[0])];
  for (const el of marks) {
    if (!el.hasAttribute('tabindex') && !el.matches('a[href], button, summary')) {
      el.setAttribute('tabindex', '-1');  // focusable, so focus handlers run
    }
    el.focus({preventScroll: true});
    await Promise.resolve();
  }
  document.activeElement && document.activeElement.blur();
  return marks.length;
})();
"""

# Pointer events and a tap (where a tap does not follow a link) on every mark, including
# those the real pointer cannot reach; then a pause for late errors and async tooltips.
POINTER_SWEEP = """
return (async () => {
  const marks = [...document.querySelectorAll(arguments[0])];
  const fire = (el, types) => {
    for (const type of types) {
      el.dispatchEvent(new MouseEvent(type, {bubbles: !type.endsWith('enter') &&
        !type.endsWith('leave'), view: window}));
    }
  };
  for (const el of marks) {
    fire(el, ['pointerover', 'pointerenter', 'mouseover', 'mouseenter', 'mousemove']);
    if (!el.closest('a[href]')) el.click();
    await Promise.resolve();
    fire(el, ['mouseout', 'mouseleave', 'pointerout', 'pointerleave']);
  }
  await new Promise(done => setTimeout(done, 150));
  return marks.length;
})();
"""

# Words from the payloads, and payloads themselves, typed into the search box.
SEARCHES = (
    "script", "onerror alert", "img iframe", "javascript", "svg onload", "style meta",
    "lt amp quot", "x3cscript u003cscript", "template noscript", "mark time title",
    "<img src=x onerror=alert(1)>", '"><script>alert(1)</script>',
)
HIGHLIGHT = "script alert img onerror iframe svg style time mark lt amp"


@dataclass
class Findings:
    pages: int = 0
    dates: int = 0
    hovered: int = 0  # dates the real mouse reached
    swept: int = 0  # marks given pointer events, taps and focus
    searches: int = 0
    problems: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(tmp_path_factory.mktemp("xss"))


@pytest.fixture(scope="module")
def server(hostile_site: Path) -> Iterator[str]:
    with serve(hostile_site) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as driver:
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": GUARD})
        yield driver


def _page_urls(site: Path, server: str) -> list[str]:
    pages = sorted(p.relative_to(site).parent.as_posix() for p in site.rglob("index.html"))
    return [f"{server}/" + ("" if p == "." else p + "/") for p in pages]


def _dialog(driver: Any) -> str | None:
    """The text of a real dialog the guard failed to catch (dismissed), else None."""
    try:
        alert = driver.switch_to.alert
    except NoAlertPresentException:
        return None
    text = alert.text
    alert.dismiss()
    return text


def _collect(driver: Any, where: str, findings: Findings) -> None:
    try:
        result = driver.execute_script(SCAN)
    except UnexpectedAlertPresentException as error:
        findings.problems.append(f"{where}: dialog {error.alert_text!r}")
        return
    findings.problems += [f"{where}: {line}" for line in result["found"]]
    findings.problems += [f"{where}: {line}" for line in result["recorded"]]
    dialog = _dialog(driver)
    if dialog is not None:
        findings.problems.append(f"{where}: dialog {dialog!r}")
    logged = [e["message"] for e in driver.get_log("browser") if "tl-xss" in e["message"]]
    findings.problems += [f"{where}: {line}" for line in logged]


def _hover_every_date(driver: Any, findings: Findings) -> None:
    """Every mark focused; then each screenful of dates hovered with the mouse, bottom up,
    so a tip (shown below its date) never covers a date still to hover; then every mark
    given pointer events and a tap (also those the pointer cannot reach)."""
    findings.swept += driver.execute_script(FOCUS_SWEEP, MARKS)
    count = driver.execute_script(NUMBER_DATES, DATES)
    findings.dates += count
    start = 0
    while start < count:
        batch = driver.execute_script(SCREENFUL, start, TIP_ROOM)
        if not batch:
            findings.problems.append(f"page changed while hovering: {driver.current_url}")
            return
        for _, x, y in sorted((b for b in batch if len(b) == 3), key=lambda b: -b[2]):
            driver.execute_cdp_cmd("Input.dispatchMouseEvent",
                                   {"type": "mouseMoved", "x": x, "y": y})
            findings.hovered += 1
        start = batch[-1][0] + 1
    driver.execute_script(POINTER_SWEEP, MARKS)


def _visit(driver: Any, url: str, server: str, findings: Findings) -> None:
    open_page(driver, f"{url}?h={quote(HIGHLIGHT)}", height=3000)
    _hover_every_date(driver, findings)
    _collect(driver, url, findings)
    if not driver.current_url.startswith(url):
        findings.problems.append(f"{url}: navigated to {driver.current_url}")
    findings.problems += [f"{url}: request {u}" for u in outside(requested(driver), server)]
    findings.pages += 1


def _search(driver: Any, server: str, findings: Findings) -> None:
    open_page(driver, f"{server}/timeline/")
    driver.find_element(By.CSS_SELECTOR, "label.md-search__icon, .md-search__input").click()
    box = WebDriverWait(driver, WAIT).until(
        ec.element_to_be_clickable((By.CSS_SELECTOR, "input.md-search__input"))
    )
    meta = driver.find_element(By.CSS_SELECTOR, ".md-search-result__meta")
    for words in SEARCHES:
        box.send_keys(Keys.CONTROL, "a")
        box.send_keys(Keys.BACKSPACE)
        WebDriverWait(driver, WAIT).until(lambda d: "Type to start" in meta.text)
        # typed but for the last key in one go: a search per key would redo the same
        driver.execute_script("arguments[0].value = arguments[1]", box, words[:-1])
        box.send_keys(words[-1])
        WebDriverWait(driver, WAIT).until(lambda d: "Type to start" not in meta.text)
        _collect(driver, f"search {words!r}", findings)
        findings.searches += 1
    findings.problems += [f"search: request {u}" for u in outside(requested(driver), server)]


def _filter(driver: Any, server: str, findings: Findings) -> int:
    """The timeline filters with hostile names as options and typed payloads: every
    outlet offered picked in turn, payloads typed as a person or place. Returns how many
    filters were applied."""
    open_page(driver, f"{server}/timeline/")
    outlet = Select(driver.find_element(By.ID, "tl-filter-outlet"))
    applied = 0
    for index in range(1, len(outlet.options)):
        outlet.select_by_index(index)
        applied += 1
    outlet.select_by_index(0)
    actor = driver.find_element(By.ID, "tl-filter-actor")
    for words in SEARCHES:
        actor.clear()
        actor.send_keys(words, Keys.ENTER)
        applied += 1
    _collect(driver, "filters", findings)
    findings.problems += [f"filters: request {u}" for u in outside(requested(driver), server)]
    return applied


def test_hostile_corpus_runs_nothing_injects_nothing_requests_nothing(
    browser: Any, server: str, hostile_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    browser.get_log("performance")
    findings = Findings()
    urls = _page_urls(hostile_site, server)
    for url in urls:
        _visit(browser, url, server, findings)
    _search(browser, server, findings)
    filters = _filter(browser, server, findings)
    with capsys.disabled():
        print(f"\nhostile site: {len(payloads())} payloads, {findings.pages} pages, "
              f"{findings.dates} marked dates ({findings.hovered} hovered with the mouse), "
              f"{findings.swept} marks swept with hover, tap and focus, "
              f"{findings.searches} searches, {filters} filters: "
              f"{len(findings.problems)} problems")
    assert filters > len(SEARCHES)  # hostile outlets were offered and picked
    assert findings.pages == len(urls) > 20
    assert findings.dates > 500 and findings.hovered > findings.dates * 0.9
    assert findings.problems == []
