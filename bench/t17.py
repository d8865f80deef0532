"""Timeline17 stories as corpus folders: PTB-tokenised texts turned back into prose.

Each story folder of `../shared/data/t17-dev/` holds `articles.json` (`[{uid, dct, text}]`,
text one PTB-tokenised string) and one or more `*.timeline.json` (the editors' timelines).
`write_corpus` writes one corpus file per article (published = dct, title = the first
words of the text, body = the whole detokenised text), so the command line and the
pipeline read the story exactly as a user's own corpus. The data are for evaluation only:
nothing here copies them into the project.

Usage: python bench/t17.py OUT_DIR [STORY...]     # write corpus folders, one per story
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "t17-dev"

_BRACKETS = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}"}
_BRACKET = re.compile("|".join(map(re.escape, _BRACKETS)))
_SPACE_BEFORE = re.compile(r" ([.,;:!?%)\]}]|'s\b|'S\b|n't\b|'re\b|'ve\b|'ll\b|'d\b|'m\b)")
_SPACE_AFTER = re.compile(r"([(\[{$#]) ")
_OPEN_QUOTE = re.compile(r"`` ?")
_CLOSE_QUOTE = re.compile(r" ?''")
_OPEN_SINGLE = re.compile(r"` ?")
_CLOSE_SINGLE = re.compile(r" '(?=\s|$)")
_SENTENCE_END = re.compile(r"(?<=[.!?]) (?=[A-Z\"])")


@dataclass(frozen=True)
class Item:
    uid: str
    published: date
    text: str  # detokenised


@dataclass(frozen=True)
class Task:
    """One editors' timeline and the story it belongs to."""

    story: str
    name: str
    gold: dict[date, str]  # day -> the editors' text

    @property
    def first(self) -> date:
        return min(self.gold)

    @property
    def last(self) -> date:
        return max(self.gold)


def detokenise(text: str) -> str:
    """PTB tokens back to prose: brackets, quotes, spaces before punctuation and clitics."""
    out = _BRACKET.sub(lambda m: _BRACKETS[m.group()], text)
    out = _OPEN_QUOTE.sub("\u201c", out)
    out = _CLOSE_QUOTE.sub("\u201d", out)
    out = _OPEN_SINGLE.sub("\u2018", out)
    out = _CLOSE_SINGLE.sub("\u2019", out)
    out = _SPACE_BEFORE.sub(r"\1", out)
    out = _SPACE_AFTER.sub(r"\1", out)
    return re.sub(r"\s+", " ", out).strip()


def stories(data: Path = DATA) -> list[str]:
    return sorted(p.name for p in data.iterdir() if (p / "articles.json").is_file())


def items(story: str, data: Path = DATA) -> list[Item]:
    raw = json.loads((data / story / "articles.json").read_text(encoding="utf-8"))
    out = [
        Item(str(a["uid"]), date.fromisoformat(a["dct"][:10]), detokenise(a["text"])) for a in raw
    ]
    return sorted(out, key=lambda i: (i.published, i.uid))


def tasks(story: str, data: Path = DATA) -> list[Task]:
    out = []
    for path in sorted((data / story).glob("*.timeline.json")):
        entries = json.loads(path.read_text(encoding="utf-8"))
        gold = {date.fromisoformat(e["date"][:10]): detokenise(e["text"]) for e in entries}
        out.append(Task(story, path.name.removesuffix(".timeline.json"), gold))
    return out


def _title(text: str) -> str:
    words = text.split()
    return " ".join(words[:12]) or "(empty)"


def article_file(story: str, item: Item) -> str:
    """A corpus file: front matter and the text, one sentence per line in paragraphs of
    a few sentences (the source has no paragraph breaks)."""
    front = {
        "title": _title(item.text),
        "source": story.split("_")[-1].upper(),
        "published": item.published.isoformat(),
    }
    sentences = _SENTENCE_END.split(item.text) if item.text else []
    paragraphs = [" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)]
    head = yaml.safe_dump(front, sort_keys=False, allow_unicode=True)
    return f"---\n{head}---\n\n" + "\n\n".join(paragraphs) + "\n"


def write_corpus(
    story: str, out: Path, data: Path = DATA, between: tuple[date, date] | None = None
) -> int:
    """Write the story's articles (those published `between` first and last, if given)
    into `out`; the number written."""
    out.mkdir(parents=True, exist_ok=True)
    n = 0
    for item in items(story, data):
        if between and not between[0] <= item.published <= between[1]:
            continue
        name = f"{story.lower()}-{item.published.isoformat()}-{item.uid}.md"
        (out / name).write_text(article_file(story, item), encoding="utf-8")
        n += 1
    return n


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("stories", nargs="*")
    parser.add_argument("--pooled", action="store_true", help="all stories in one folder")
    args = parser.parse_args(argv)
    if not DATA.is_dir():
        print(f"t17-dev not found at {DATA}", file=sys.stderr)
        return 1
    for story in args.stories or stories():
        target = args.out if args.pooled else args.out / story
        print(story, write_corpus(story, target))
    return 0


if __name__ == "__main__":
    sys.exit(main())
