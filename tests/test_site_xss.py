"""The hostile site (tests/hostile_site.py) read as files: every payload reaches the
tooltips, and nothing of it becomes markup in any page, in the search index (which
Material's search renders as HTML), in the TimelineJS export (HTML by its spec), or in an
inline script; every link out carries rel="noopener noreferrer"; no invisible character
reaches what a reader sees. tests/test_browser_xss.py runs the same site in a browser."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from hostile_site import FIELDS, build_site, front_matter, groups, payloads

from timeline.site.markup import INVISIBLE, one_line

# What Material's search keeps of a page's markup in the index (its plugin's `keep` set).
SEARCH_TAGS = {"p", "code", "pre", "li", "ol", "ul", "sub", "sup"}
# What the TimelineJS export writes around article text.
TIMELINEJS_TAGS = {"p", "ul", "li", "a"}
FORBIDDEN_TAGS = {
    "applet", "audio", "base", "bgsound", "embed", "frame", "frameset", "iframe", "image",
    "img", "isindex", "keygen", "marquee", "math", "object", "picture", "portal", "source",
    "style", "template", "textarea", "video", "xmp", "animate", "set", "use", "foreignobject",
}
URL_ATTRS = ("href", "src", "action", "formaction", "data", "poster", "background", "srcset",
             "xlink:href", "ping")
# Strings only article text holds (the payloads' hosts and calls), never the theme.
ARTICLE_ONLY = ("xss.example", "evil.example", "alert(", "confirm(", "prompt(", "msgbox(")


class Markup(HTMLParser):
    """Tags with attributes, inline script bodies and data of an HTML text."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.scripts: list[tuple[dict[str, str], str]] = []  # (attributes, body)
        self._script: list[str] | None = None
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        if tag == "script":
            self._script = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            attrs = next(a for t, a in reversed(self.tags) if t == "script")
            self.scripts.append((attrs, "".join(self._script)))
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(tmp_path_factory.mktemp("xss-static"))


@pytest.fixture(scope="module")
def pages(site: Path) -> dict[str, Markup]:
    return {p.relative_to(site).as_posix(): Markup(p.read_text("utf-8"))
            for p in sorted(site.rglob("*.html"))}


def test_the_corpus_puts_every_payload_in_every_field() -> None:
    chunks = groups()
    assert len(payloads()) >= 100
    for k, field in enumerate(FIELDS):
        seen = {p for i in range(len(chunks)) for p in chunks[(i + k) % len(chunks)]}
        assert seen == set(payloads()), field
        assert all(front_matter(i, chunks)[field] for i in range(len(chunks)))


def test_every_payload_reaches_the_date_tooltips(pages: dict[str, Markup]) -> None:
    titles = " ".join(
        attrs["title"] for page in pages.values() for tag, attrs in page.tags
        if tag in ("time", "span") and "title" in attrs
    )
    missing = [p for p in payloads() if one_line(p) not in titles]
    assert missing == []


def test_no_page_gets_markup_from_an_article(pages: dict[str, Markup]) -> None:
    problems: list[tuple[str, str, object]] = []
    for path, page in pages.items():
        for tag, attrs in page.tags:
            handlers = [a for a in attrs if a.startswith("on")]
            if handlers or tag in FORBIDDEN_TAGS:
                problems.append((path, tag, attrs))
            if tag == "meta" and "http-equiv" in attrs:
                problems.append((path, tag, attrs))
            for name in URL_ATTRS:
                value = re.sub(r"[\s\x00-\x1f]", "", attrs.get(name, "")).lower()
                if value.startswith(("javascript:", "data:", "vbscript:")):
                    problems.append((path, tag, attrs))
            if tag in ("script", "link") and re.match(r"(https?:)?//", attrs.get("src", "")
                                                      + attrs.get("href", "")):
                problems.append((path, tag, attrs))
        problems += [(path, "script", body[:80]) for _, body in page.scripts
                     if any(word in body for word in ARTICLE_ONLY)]
    assert problems == []


def test_every_link_out_has_noopener_noreferrer(pages: dict[str, Markup]) -> None:
    links = [attrs for page in pages.values() for tag, attrs in page.tags
             if tag == "a" and urlsplit(attrs.get("href", "")).scheme]
    assert links  # the corpus has linkable addresses
    for attrs in links:
        parts = urlsplit(attrs["href"])
        assert parts.scheme in ("http", "https") and "@" not in parts.netloc, attrs
        assert {"noopener", "noreferrer"} <= set(attrs.get("rel", "").split()), attrs


def test_material_tooltips_are_off_though_mkdocs_yml_asks(
    site: Path, pages: dict[str, Markup]
) -> None:
    asked = yaml.safe_load((site.parent / "mkdocs.yml").read_text("utf-8"))
    assert "content.tooltips" in asked["theme"]["features"]
    for path, page in pages.items():
        settings = [json.loads(body) for attrs, body in page.scripts
                    if attrs.get("id") == "__config"]
        assert settings and "content.tooltips" not in settings[0]["features"], path
        sources = [attrs.get("src", "") for attrs, _ in page.scripts]
        assert any(src.endswith("assets/timeline.js") for src in sources), path


def _tags_in(html: str) -> list[tuple[str, dict[str, str]]]:
    return Markup(html).tags


def test_search_index_holds_article_text_as_text(site: Path) -> None:
    """Material's search puts each title and text into the page with innerHTML."""
    docs = json.loads((site / "search" / "search_index.json").read_text("utf-8"))["docs"]
    for doc in docs:
        for key in ("title", "text"):
            for tag, attrs in _tags_in(doc[key]):
                assert tag in SEARCH_TAGS and not attrs, (doc["location"], key, tag, attrs)
    text = " ".join(doc["title"] + " " + doc["text"] for doc in docs)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text  # the payloads are in, as text


def test_timelinejs_export_holds_article_text_as_text(site: Path) -> None:
    data = json.loads((site / "exports" / "timelinejs.json").read_text("utf-8"))
    slides = [data["title"], *data["events"]]
    assert len(slides) > 10
    for slide in slides:
        for key in ("headline", "text"):
            for tag, attrs in _tags_in(slide["text"][key]):
                assert tag in TIMELINEJS_TAGS, (key, tag, attrs)
                assert set(attrs) <= {"href", "rel"}, (key, tag, attrs)
                if tag == "a":
                    assert urlsplit(attrs["href"]).scheme in ("http", "https"), attrs
                    assert {"noopener", "noreferrer"} <= set(attrs["rel"].split()), attrs
        assert "<" not in slide.get("display_date", "") + slide.get("group", "")


def test_no_invisible_character_reaches_a_reader(site: Path) -> None:
    assert any(re.search(f"[{INVISIBLE}]", p) for p in payloads())
    shown = [*site.rglob("*.html"), site / "search" / "search_index.json",
             site / "exports" / "timelinejs.json", site / "exports" / "timeline.csv",
             site / "exports" / "timeline.ics"]
    for path in shown:
        text = path.read_text("utf-8")
        assert not re.search(f"[{INVISIBLE}]", text), path
