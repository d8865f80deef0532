"""A hostile corpus and the site built from it, for the XSS tests (static and in a browser).

Every payload of tests/data/xss_payloads.txt goes into every front-matter field (title,
source, url, author, dateline, program) of some article, and into the body beside a date,
so it reaches the marked dates' tooltips, the entries, the search index and the exports.
Payloads are grouped (PER_ARTICLE to an article, the fields of one article taking
different groups) so the site stays a few dozen pages; a few more articles carry web
addresses with payloads in them (LINKABLE), which do become links.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

REPO = Path(__file__).resolve().parent.parent
PAYLOADS = Path(__file__).resolve().parent / "data" / "xss_payloads.txt"
FIELDS = ("title", "source", "url", "author", "dateline", "program")
PER_ARTICLE = 10
# Date phrases the resolver marks, one beside each payload in the body.
DATES = ("on Monday", "last week", "on 3 October 2025", "next Friday", "in August",
         "on Tuesday", "in October 2024", "yesterday", "in 2023")
PUBLISHED = ("2025-10-17", "2025-10-16", "2025-10-15", None)  # None: inferred or unknown
# Addresses that are web addresses, so they become links, with payloads where a link's
# target or text could break: an article each (its other fields from the groups).
LINKABLE = (
    "https://evil.example/{U+202E}fdp.exe",
    'https://example.org/search?q="><img src=x onerror=alert(1)>',
    "https://example.org/'onmouseover='alert(1)'",
    "https://example.org/#</a><script>alert(1)</script>",
)
# Theme features beyond the demo's: Material's own tooltips (which render a title as HTML;
# the plugin must turn them off) and instant loading with prefetch (which must not fetch
# outside hosts).
EXTRA_FEATURES = ("content.tooltips", "navigation.instant", "navigation.instant.prefetch")
# Markdown extensions that widen what Markdown would interpret in article text.
EXTRA_EXTENSIONS = ("abbr", "def_list", "footnotes", "md_in_html", "tables")
_CHAR = re.compile(r"\{U\+([0-9A-F]{4,6})\}")


def decoded(text: str) -> str:
    """{U+XXXX} as the character it names."""
    return _CHAR.sub(lambda m: chr(int(m.group(1), 16)), text)


def payloads() -> list[str]:
    """The payload list: one per line, '#' comments skipped, {U+XXXX} decoded."""
    lines = PAYLOADS.read_text("utf-8").splitlines()
    return [decoded(line) for line in lines if line.strip() and not line.startswith("#")]


def groups() -> list[list[str]]:
    items = payloads()
    return [items[i : i + PER_ARTICLE] for i in range(0, len(items), PER_ARTICLE)]


def front_matter(index: int, chunks: list[list[str]]) -> dict[str, str]:
    """Article `index`: field k holds the group index + k, so every group (every payload)
    lands in every field across the corpus."""
    front = {
        field: " ".join(chunks[(index + k) % len(chunks)]) for k, field in enumerate(FIELDS)
    }
    published = PUBLISHED[index % len(PUBLISHED)]
    if published:
        front["published"] = published
    return front


def body(chunk: list[str]) -> str:
    """A paragraph per payload, the payload inside the sentence that holds a date."""
    paragraphs = [
        f"The council met {DATES[i % len(DATES)]} {payload} and the mayor spoke."
        for i, payload in enumerate(chunk)
    ]
    return "\n\n".join(paragraphs) + "\n"


def write_corpus(folder: Path) -> int:
    """The hostile articles as corpus files; returns how many."""
    folder.mkdir(parents=True)
    chunks = groups()
    articles = {
        f"hostile-{index:02d}": (front_matter(index, chunks), body(chunk))
        for index, chunk in enumerate(chunks)
    }
    for index, url in enumerate(LINKABLE):
        front = {**front_matter(index + 1, chunks), "url": decoded(url)}
        articles[f"linked-{index}"] = (front, body(chunks[index]))
    for name, (front, text) in articles.items():
        head = "---\n" + yaml.safe_dump(front, allow_unicode=True) + "---\n"
        (folder / f"{name}.md").write_text(head + text, "utf-8")
    return len(articles)


def write_config(root: Path, corpus: Path) -> Path:
    """The demo's mkdocs.yml (its docs, theme and nav) on the hostile corpus, with the
    extra features and extensions above."""
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text("utf-8"))
    config["docs_dir"] = str(REPO / config.get("docs_dir", "docs"))
    config["site_dir"] = str(root / "site")
    config["theme"]["features"] = [*config["theme"].get("features", []), *EXTRA_FEATURES]
    config["markdown_extensions"] = [*config["markdown_extensions"], *EXTRA_EXTENSIONS]
    config["plugins"] = ["search", {"timeline": {"corpus": str(corpus)}}]
    path = root / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), "utf-8")
    return path


def build_site(root: Path) -> Path:
    """Build the hostile site under `root` (strict); returns the site folder."""
    corpus = root / "corpus"
    write_corpus(corpus)
    build(load_config(str(write_config(root, corpus)), strict=True))
    return root / "site"
