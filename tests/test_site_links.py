"""What the site shows of article text and web addresses: escaping, the link policy (only
http(s) without credentials becomes a link, always with rel="... noopener noreferrer"),
and invisible characters (bidi controls, zero-width characters) neutralised for display
while the corpus keeps them."""

from __future__ import annotations

import json
import re
from datetime import date
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st
from site_factory import article, demo, event, mention, order

from timeline.model import ResolvedArticle, Timeline
from timeline.site import exports
from timeline.site.markup import (
    EXTERNAL_REL,
    INVISIBLE,
    clean,
    esc,
    external_link,
    one_line,
    safe_url,
    shown_url,
    url_refusal,
)
from timeline.site.pages import SOURCES, render_pages
from timeline.values import day

INVISIBLE_CHARS = [chr(c) for c in (
    0x061C, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
    0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF,
)]

# (address from an article, linked?) — the link policy as a table.
LINKS = [
    ("https://example.org/2025/10/16/story", True),
    ("http://example.org/", True),
    ("HTTPS://EXAMPLE.ORG/A", True),
    ("https://example.org:8443/a?b=1&c=2#frag", True),
    ("https://xn--bcher-kva.example/", True),
    ("https://bücher.example/", True),
    ("  https://example.org/padded  ", True),
    ("https://[2001:db8::1]/v6", True),
    ("https://evil.example/\u202eexe.pdf", True),  # linked, the override shown encoded
    ("javascript:alert(1)", False),
    (" JaVaScRiPt:alert(1)", False),
    ("java\tscript:alert(1)", False),
    ("javascript&colon;alert(1)", False),
    ("vbscript:msgbox(1)", False),
    ("data:text/html,<script>alert(1)</script>", False),
    ("data:image/svg+xml;base64,PHN2Zz4=", False),
    ("file:///etc/passwd", False),
    ("ftp://example.org/x", False),
    ("mailto:someone@example.org", False),
    ("tel:+15555550100", False),
    ("//evil.example/protocol-relative", False),
    ("/relative/path", False),
    ("example.org/no-scheme", False),
    ("http://", False),
    ("https:///no-host", False),
    ("https:evil.example", False),
    ("https://user:secret@example.org/", False),
    ("https://user@example.org/", False),
    ("https://@example.org/", False),
    ("https://example.org@evil.example/", False),
    ("https://example.org\\@evil.example/", False),
    ("https:\\\\evil.example\\", False),
    ("https://example.org/a b", False),
    ("https://example.org/\x00", False),
    ("https://example.org/\x1b[31m", False),
    ("https://exa\u200bmple.org/", False),  # invisible in the host: IDNA would drop it
    ("https://example.org:99999/", False),
    ("https://[::1/", False),
    ("", False),
]


@pytest.mark.parametrize(("url", "linked"), LINKS)
def test_link_policy(url: str, linked: bool) -> None:
    link = safe_url(url)
    assert (link is not None) is linked
    assert (url_refusal(url) is None) is linked if url else link is None
    if link is None:
        assert external_link(url, "x") is None
        return
    parts = urlsplit(link)
    assert parts.scheme.lower() in ("http", "https") and parts.hostname
    assert "@" not in parts.netloc
    assert not re.search(f"[{INVISIBLE}\\s]", link)
    html = external_link(url, "label", "tl-external")
    assert html == (
        f'<a class="tl-external" href="{esc(link)}" rel="{EXTERNAL_REL}">label</a>'
    )
    assert {"noopener", "noreferrer"} <= set(EXTERNAL_REL.split())


def test_a_reversed_address_shows_as_it_goes() -> None:
    url = "https://evil.example/\u202eexe.pdf"
    assert safe_url(url) == "https://evil.example/%E2%80%AEexe.pdf"
    assert shown_url(url) == "https://evil.example/%E2%80%AEexe.pdf"
    assert shown_url("javascript:\u2066alert(1)") == "javascript:%E2%81%A6alert(1)"


@pytest.mark.parametrize("char", INVISIBLE_CHARS)
def test_invisible_characters_are_neutralised_for_display(char: str) -> None:
    text = f"Gaz{char}ette report{char}"
    assert clean(text) == "Gazette report"
    assert esc(text) == "Gazette report"
    assert one_line(f"{char} a {char} b ") == "a b"
    assert "%" in shown_url(f"https://example.org/{char}")


@pytest.mark.parametrize(("text", "shown"), [
    ("\u202eFDP.exe", "FDP.exe"),
    ("Reu\u200bters", "Reuters"),
    ("\u2067عربي\u2069 and English", "عربي and English"),
    ("plain text, kept: é ü ß — “quotes” ‹›", "plain text, kept: é ü ß — “quotes” ‹›"),
    ("tab\tand\nnewline kept by clean", "tab\tand\nnewline kept by clean"),
    ("bell\x07 and nul\x00 dropped", "bell and nul dropped"),
])
def test_clean_table(text: str, shown: str) -> None:
    assert clean(text) == shown


@given(st.text())
def test_escaped_text_is_inert(text: str) -> None:
    out = esc(text)
    assert not re.search(r"[<>\"'\x00-\x08\x0b\x0c\x0e-\x1f]", out)
    assert not re.search(f"[{INVISIBLE}]", out)
    assert "&" not in re.sub(r"&(amp|lt|gt|quot|#x27);", "", out)


@given(st.text())
def test_safe_url_never_lets_a_non_web_address_through(text: str) -> None:
    link = safe_url(text)
    if link is not None:
        parts = urlsplit(link)
        assert parts.scheme.lower() in ("http", "https") and parts.hostname
        assert "@" not in parts.netloc and "\\" not in link
        assert not re.search(f"[{INVISIBLE}\\s\\x00-\\x1f\\x7f-\\x9f]", link)


# --- in the pages and exports -------------------------------------------------------


class Anchors(HTMLParser):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.links: list[dict[str, str]] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.links.append({k: v or "" for k, v in attrs})


def _story(url: str, title: str = "Story", source: str = "Outlet", author: str = "") -> Timeline:
    a = article("story", "Trump spoke to Putin on Wednesday.", title=title, url=url,
                source=source, author=author)
    m = mention(a, "Wednesday", day(date(2025, 10, 15)))
    return Timeline("Story", (ResolvedArticle(a, (m.timex,)),), order([event("call", m)]))


def _external(html: str) -> list[dict[str, str]]:
    return [a for a in Anchors(html).links if "://" in a.get("href", "")]


@pytest.mark.parametrize(("url", "linked"), LINKS)
def test_pages_and_timelinejs_follow_the_link_policy(url: str, linked: bool) -> None:
    timeline = _story(url)
    pages = render_pages(timeline)
    slides = json.loads(exports.timelinejs(timeline))["events"]
    for html in (*pages.values(), *(s["text"]["text"] for s in slides)):
        for link in _external(html):
            assert link["href"] == safe_url(url)
            assert {"noopener", "noreferrer"} <= set(link["rel"].split())
    found = [x for html in pages.values() for x in _external(html)]
    assert bool(found) is linked
    article_page = pages["articles/story.md"]
    if url.strip() and not linked:
        assert f"({url_refusal(url)}; not linked)" in article_page


def test_every_external_link_in_the_demo_pages_has_the_rel() -> None:
    pages = render_pages(demo())
    links = [x for html in pages.values() for x in _external(html)]
    assert links
    assert all(x["rel"] == EXTERNAL_REL for x in links)
    assert all(x["rel"] == EXTERNAL_REL for x in _external(pages[SOURCES]))


def test_credentials_are_shown_not_linked() -> None:
    page = render_pages(_story("https://user:pw@example.org/x"))["articles/story.md"]
    assert "https://user:pw@example.org/x (holds a user name or password; not linked)" in page
    assert 'href="https://user' not in page


def test_bidi_and_zero_width_in_front_matter_are_neutralised_on_every_page() -> None:
    rlo, zwsp = "\u202e", "\u200b"
    timeline = _story(
        f"https://evil.example/{rlo}exe.pdf",
        title=f"Ti{zwsp}tle {rlo}txet",
        source=f"Out{zwsp}let{rlo}",
        author=f"\u2066Au{zwsp}thor\u2069",
    )
    a = timeline.articles[0].article
    assert rlo in a.title and zwsp in (a.source or "")  # the corpus keeps them
    outputs = [*render_pages(timeline).values(), exports.timelinejs(timeline),
               exports.csv_text(timeline), exports.icalendar(timeline)]
    for text in outputs:
        assert not re.search(f"[{INVISIBLE}]", text)
    page = render_pages(timeline)["articles/story.md"]
    assert "Title txet" in page and "Outlet" in page and "Author" in page
    assert "https://evil.example/%E2%80%AEexe.pdf" in page
