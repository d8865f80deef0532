"""Hostile articles through a real MkDocs build, then the built HTML inspected: nothing from
an article's body or front matter may add markup, run code or change a page's structure.
Also: the built site loads nothing from other hosts, and builds byte-identical."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, PluginError

BODY = """\
On Monday <script>alert("body")</script> the council met in <b>secret</b>.

<img src=x onerror=alert(1)> On Tuesday the mayor resigned [click me](javascript:alert(2)).

<a href="javascript:alert(3)">a link</a> and <iframe src="https://evil.example/"></iframe>
{: onclick="alert(4)" }

# Injected Heading

## Another injected heading {#fake-id}

<!-- hidden comment -->

Template braces {{ config.site_name }} and {% include "base.html" %} stay text.

<div markdown="1">**not bold** inside a div</div>
</div></div></article></ol>

<style>body { display: none }</style> <svg onload=alert(5)></svg>

    indented code block

```html
<script>alert(6)</script>
```

| a | b |
|---|---|
| 1 | 2 |

&lt;script&gt;alert(7)&lt;/script&gt; and \x02wzxhzdk:0\x03 placeholders.

[ref]: javascript:alert(8)
"""

BENIGN = "On Monday the council met.\n\nOn Tuesday the mayor resigned.\n"

ARTICLES = {
    "hostile": {
        "title": '</title><script>alert("title")</script><!--',
        "source": "<img src=x onerror=alert(9)> Gazette",
        "url": "javascript:alert(10)",
        "author": "[author](javascript:alert(11)) {: onclick=alert(12) }",
        "published": "2025-10-17",
    },
    "sneaky-url": {
        "title": "# Heading title {: onclick=alert(13) }",
        "source": "{{ config.site_name }}",
        "url": " JaVaScRiPt:alert(14)",
        "published": "2025-10-16",
    },
    "quoted-url": {
        "title": "Quoted",
        "source": "Herald",
        "url": 'https://example.org/ok?a=1&b="x"onmouseover="alert(15)',
        "published": "2025-10-15",
    },
    "benign": {"title": "Benign", "source": "Herald", "url": "https://example.org/b",
               "published": "2025-10-15"},
}

CONFIG = {
    "site_name": "Hostile test",
    "docs_dir": "docs",
    "site_dir": "site",
    "theme": {"name": "material", "font": False, "features": ["content.tooltips"]},
    "plugins": ["search", {"timeline": {"corpus": "corpus"}}],
    # Extensions that widen what Markdown would interpret, to prove none reaches article text.
    "markdown_extensions": [
        "admonition", "attr_list", "md_in_html", "tables", "footnotes", "def_list",
        {"toc": {"permalink": True}},
    ],
}


def write_project(root: Path, articles: dict[str, dict[str, str]]) -> Path:
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "index.md").write_text("# Home\n\nA test site.\n", encoding="utf-8")
    corpus = root / "corpus"
    corpus.mkdir()
    for name, front in articles.items():
        body = BENIGN if name == "benign" else BODY
        text = "---\n" + yaml.safe_dump(front, allow_unicode=True) + "---\n" + body
        (corpus / f"{name}.md").write_text(text, encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text(yaml.safe_dump(CONFIG, sort_keys=False), encoding="utf-8")
    return config


def build_site(root: Path, articles: dict[str, dict[str, str]] = ARTICLES) -> Path:
    config_file = write_project(root, articles)
    config = load_config(str(config_file), strict=True)
    build(config)
    return root / "site"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(tmp_path_factory.mktemp("hostile"))


class Page(HTMLParser):
    """Tags, attributes, comments and script bodies of one built page."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.comments: list[str] = []
        self.scripts: list[str] = []
        self.headings: list[tuple[str, str]] = []
        self._stack: list[str] = []
        self._text: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        self._stack.append(tag)
        self._text = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.scripts.append("".join(self._text))
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append((tag, "".join(self._text)))

    def handle_data(self, data: str) -> None:
        self._text.append(data)

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)


def pages(site: Path) -> dict[str, Page]:
    files = sorted(site.rglob("*.html"))
    return {p.relative_to(site).as_posix(): Page(p.read_text("utf-8")) for p in files}


def article_pages(site: Path) -> dict[str, Page]:
    return {k: v for k, v in pages(site).items() if k.startswith("articles/")}


URL_ATTRS = ("href", "src", "action", "formaction", "xlink:href", "data", "poster")


def test_no_injected_scripts_or_handlers(site: Path) -> None:
    for path, page in pages(site).items():
        for tag, attrs in page.tags:
            assert not [a for a in attrs if a.startswith("on")], (path, tag, attrs)
            assert tag not in ("iframe", "style", "img", "object", "embed", "base"), path
            if tag == "form":
                assert attrs.get("name") == "search", path  # Material's search box only
            for name in URL_ATTRS:
                value = re.sub(r"[\s\x00-\x1f]", "", attrs.get(name, "")).lower()
                assert not value.startswith(("javascript:", "data:", "vbscript:")), (path, attrs)
        for body in page.scripts:
            assert "alert(" not in body, path


def test_no_injected_headings_comments_or_ids(site: Path) -> None:
    for path, page in pages(site).items():
        texts = " ".join(text for _, text in page.headings)
        assert "Injected" not in texts and "injected" not in texts, path
        assert "Heading title" not in texts or path.startswith("articles/sneaky-url"), path
        assert not any("hidden comment" in c for c in page.comments), path
        ids = [attrs.get("id") for _, attrs in page.tags]
        assert "fake-id" not in ids, path


def test_article_text_keeps_only_our_markup(site: Path) -> None:
    html = (site / "articles" / "hostile" / "index.html").read_text("utf-8")
    start = html.index('<div class="tl-article-text">')
    end = html.index("</div>", start)
    inner = Page(html[start:end])
    assert {tag for tag, _ in inner.tags} <= {"div", "p", "br", "span", "time", "a"}
    for tag, attrs in inner.tags:
        if tag == "a":
            assert attrs["class"].split()[0] == "tl-feeds", attrs
            assert attrs["href"].startswith(("../../timeline/", "../../undated/")), attrs
    assert "{{ config.site_name }}" in html and "{% include" in html  # shown, not run
    assert "&lt;script&gt;alert(&#34;body&#34;)" in html or "&lt;script&gt;alert(&quot;body" in html


def test_page_structure_is_the_same_as_for_a_benign_article(site: Path) -> None:
    by_path = article_pages(site)
    hostile = by_path["articles/hostile/index.html"]
    benign = by_path["articles/benign/index.html"]

    def shape(page: Page) -> list[str]:
        return [tag for tag, _ in page.headings]

    assert shape(hostile) == shape(benign)
    assert [t for t, _ in hostile.tags].count("h1") == 1


def test_titles_and_front_matter_are_text(site: Path) -> None:
    page = article_pages(site)["articles/hostile/index.html"]
    h1 = next(text for tag, text in page.headings if tag == "h1")
    assert h1.strip() == '</title><script>alert("title")</script><!--'
    html = (site / "articles" / "hostile" / "index.html").read_text("utf-8")
    assert "javascript:alert(10) (not a web address; not linked)" in html


def test_only_http_urls_are_linked(site: Path) -> None:
    hrefs = [a.get("href", "") for p in pages(site).values() for t, a in p.tags if t == "a"]
    external = [h for h in hrefs if h.startswith(("http:", "https:"))]
    assert "https://example.org/b" in external
    quoted = [h for h in external if h.startswith("https://example.org/ok")]
    assert quoted and all('"' in h for h in quoted)  # the quote stayed inside the value
    assert not any("alert(14)" in h or "alert(10)" in h for h in hrefs)


def test_offline_no_external_scripts_styles_or_fonts(site: Path) -> None:
    for path, page in pages(site).items():
        for tag, attrs in page.tags:
            if tag == "script" and "src" in attrs:
                assert not re.match(r"(https?:)?//", attrs["src"]), (path, attrs)
            if tag == "link":
                assert not re.match(r"(https?:)?//", attrs.get("href", "")), (path, attrs)
    for css in site.rglob("*.css"):
        text = css.read_text("utf-8")
        assert "fonts.googleapis" not in text and "@import url(http" not in text


def test_same_corpus_same_bytes(site: Path) -> None:
    again = site.parent / "site-again"
    build(load_config(str(site.parent / "mkdocs.yml"), strict=True, site_dir=str(again)))
    first = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    second = {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()}
    assert first.keys() == second.keys()
    assert [k for k in first if first[k] != second[k]] == []


def test_bad_corpus_is_a_plugin_error_naming_the_file(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    config_file = write_project(tmp_path, {"benign": ARTICLES["benign"]})
    (tmp_path / "corpus" / "broken.md").write_text("---\ntitle: [unclosed\n---\nx\n", "utf-8")
    config = load_config(str(config_file), strict=True)
    with pytest.raises((PluginError, Abort)):
        build(config)
    assert re.search(r"timeline: \S*broken\.md:2: front matter", caplog.text)
    assert not (tmp_path / "site").exists()


def test_plugin_watches_the_corpus_adds_its_assets_and_drops_html_tooltips(tmp_path: Path) -> None:
    config_file = write_project(tmp_path, {"benign": ARTICLES["benign"]})
    config = load_config(str(config_file), strict=True)
    config = config.plugins.on_config(config)
    assert str((tmp_path / "corpus").resolve()) in config.watch
    assert "assets/timeline.css" in config.extra_css
    assert "assets/timeline.js" in [str(script) for script in config.extra_javascript]
    assert "content.tooltips" not in config.theme["features"]  # asked for in CONFIG


def test_search_index_keeps_article_text_escaped(site: Path) -> None:
    """Material's search renders titles and text as HTML: they must stay escaped there."""
    import json

    docs = json.loads((site / "search" / "search_index.json").read_text("utf-8"))["docs"]
    for doc in docs:
        for field in ("title", "text"):
            assert not re.search(r"<(script|img|iframe|svg|style|b)\b", doc[field]), doc
    assert any("&lt;script&gt;alert" in doc["text"] for doc in docs)
