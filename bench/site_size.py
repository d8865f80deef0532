"""How big the site of a story is: pages, the largest page, total size, the search index.

Builds the site of a corpus folder with the demo's mkdocs.yml (its docs, theme and nav)
into a temporary folder and prints the number of HTML pages, the largest page, the
total size of the pages and of the whole site, and the size of the search index, with
how much text the index holds against the text of the corpus (the article bodies): an
index that carries every article twice shows a ratio of 2 or more.

Usage: python bench/site_size.py CORPUS_DIR [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
MB = 1024 * 1024


@dataclass(frozen=True)
class SiteSize:
    pages: int  # HTML pages
    largest: tuple[str, int]  # the largest page (path in the site, bytes)
    pages_bytes: int  # all HTML pages
    site_bytes: int  # every file of the site
    index_bytes: int  # search/search_index.json
    index_text: int  # characters of text (titles and texts) the index holds


def measure(site: Path) -> SiteSize:
    """The figures of a built site."""
    pages = sorted(site.rglob("*.html"))
    sizes = {p.relative_to(site).as_posix(): p.stat().st_size for p in pages}
    largest = max(sizes.items(), key=lambda item: (item[1], item[0]), default=("", 0))
    index = site / "search" / "search_index.json"
    docs = json.loads(index.read_text("utf-8"))["docs"] if index.exists() else []
    return SiteSize(
        pages=len(pages),
        largest=largest,
        pages_bytes=sum(sizes.values()),
        site_bytes=sum(p.stat().st_size for p in site.rglob("*") if p.is_file()),
        index_bytes=index.stat().st_size if index.exists() else 0,
        index_text=sum(len(d["title"]) + len(d["text"]) for d in docs),
    )


def write_config(folder: Path, corpus: Path, site: Path) -> Path:
    """The demo's mkdocs.yml pointed at `corpus`, building into `site`."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8"))
    config["docs_dir"] = str(ROOT / config.get("docs_dir", "docs"))
    config["site_dir"] = str(site)
    config["plugins"] = ["search", {"timeline": {"corpus": str(corpus.resolve())}}]
    path = folder / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), "utf-8")
    return path


def corpus_text(corpus: Path) -> int:
    """Characters of article text in the corpus (bodies, front matter left out)."""
    from timeline.corpus import load_corpus

    return sum(len(a.body) for a in load_corpus(corpus))


def report(size: SiteSize, text: int) -> str:
    ratio = size.index_text / text if text else 0.0
    return "\n".join([
        f"pages            {size.pages}",
        f"largest page     {size.largest[1] / MB:.2f} MB  {size.largest[0]}",
        f"pages, total     {size.pages_bytes / MB:.1f} MB",
        f"site, total      {size.site_bytes / MB:.1f} MB",
        f"search index     {size.index_bytes / MB:.2f} MB",
        f"index text       {size.index_text / MB:.2f} MB of text, {ratio:.2f} x the corpus text "
        f"({text / MB:.2f} MB)",
    ])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="the corpus folder")
    parser.add_argument("--keep", type=Path, help="build into this folder and keep it")
    args = parser.parse_args(argv)
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    with tempfile.TemporaryDirectory(prefix="site-size-") as tmp:
        site = args.keep or Path(tmp) / "site"
        try:
            build(load_config(str(write_config(Path(tmp), args.corpus, site)), strict=True))
        except MkDocsException as error:
            print(f"{args.corpus}: {error}", file=sys.stderr)
            return 1
        print(report(measure(site), corpus_text(args.corpus)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
