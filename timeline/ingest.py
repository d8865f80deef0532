"""Import raw article text (as copied from a news page) into corpus files.

A raw text may open with header shapes (a `date YYYY-MM-DD` marker, a
`Title/ PLACE/ Author/ Program/` line, a headline on its own line), header lines (a
byline, publish and update lines, a wire dateline before the first paragraph) and carry
page furniture (comment prompts, "Related Content", lone punctuation, promos such as
"READ MORE: ..." or "Sign up for ...", credits, and related-article teasers: another
story's headline in capitals between paragraphs). Headers become front matter, whole
furniture lines are dropped, every other line is kept character for character. The
header shapes are a table below; header lines and furniture are the language data of
`timeline.furniture`, which the analysis reads too.

Decisions (documented in the README):
- A publish date is never invented: no `published` key unless the text states a date
  with its year (a wire dateline's "March 3" takes its year only from another header line).
- With no headline, the title is the lead sentence (shortened at a clause boundary) and
  a YAML comment in the front matter says so.
- Each line of the raw text is a paragraph (news pages put one paragraph per line), except
  that a hard-wrapped line continuing a sentence stays joined to it; paragraphs are
  separated by one blank line so Markdown keeps them apart.
- File names are slugs of the title, made unique within one import by `-2`, `-3`... An
  existing file with the same content is left as is; a different one is an error unless
  `force` (then it is replaced). Nothing is written unless every input is fine, and each
  file is written to a temporary name first, then moved into place.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import yaml

from timeline.config import CORPUS_SUFFIXES, DEFAULT_LANGUAGE
from timeline.corpus import (
    ERROR,
    CorpusError,
    Problem,
    parse_article,
    read_bytes,
    read_text,
    shown,
)
from timeline.furniture import Furniture, furniture
from timeline.furniture import is_furniture as is_furniture_text
from timeline.furniture.headers import PageHeader, publish_date
from timeline.outputs import output_lock, write_atomic
from timeline.text import continues_sentence, ends_line, sentences

# Header shapes at the start of the text, tried until none matches; each applies once.
# Named groups become front matter keys. "(?=\S)" after the leading white space: a failing
# match gives none of it back to the header (on a run of blank lines that was quadratic).
HEADER_SHAPES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "date marker",
        re.compile(r"\A\s*(?i:date)[ \t]+(?P<published>\d{4}-\d{2}-\d{2})(?:[ \t]+|\n|\Z)"),
    ),
    (
        "slash header",  # Title/ PLACE/ Author/ Program/
        re.compile(
            r"\A\s*(?=\S)(?P<title>[^\n]{1,300}?)/[ \t]+(?P<dateline>[^/\n]{1,60}?)/[ \t]+"
            r"(?P<author>[^/\n]{1,80}?)/[ \t]+(?P<program>[^/\n]{1,80}?)/(?:[ \t]+|\n|\Z)"
        ),
    ),
    (
        "headline",  # a short first line that does not end like a sentence or a clause
        re.compile(
            r"\A\s*(?=\S)(?=[^\n]*\w)(?P<title>(?:[^\s]+[ \t]+){0,24}[^\s]*[^\s.,;:…])[ \t]*\n"
        ),
    ),
)

# A related-article teaser between paragraphs: the headline of another story set in
# capitals. A subheading is short ("WHAT COMES NEXT"); a teaser is a whole headline, so a
# line of at least this many words, all in capitals, with no sentence-final stop (a
# shouted quote ends with "!" or ".").
TEASER_MIN_WORDS = 6
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\Z")

TITLE_MAX = 120  # a title taken from the lead sentence is cut to about this length
SLUG_MAX = 60
DERIVED_TITLE_NOTE = "# title: the lead sentence (the text has no headline)"


@dataclass(frozen=True)
class Imported:
    """One raw text turned into a corpus file."""

    source: Path  # the raw file
    slug: str
    meta: dict[str, object]
    body: str
    title_derived: bool = False

    def document(self) -> str:
        """The corpus file text: YAML front matter written by safe_dump, then the body."""
        front = yaml.safe_dump(self.meta, sort_keys=False, allow_unicode=True, width=10**6)
        note = f"{DERIVED_TITLE_NOTE}\n" if self.title_derived else ""
        return f"---\n{note}{front}---\n\n{self.body}"


# --- reading one raw text --------------------------------------------------------------


def parse_raw(path: Path, text: str) -> Imported:
    """Front matter and body from a raw article text; CorpusError if nothing is left."""
    furn = furniture(DEFAULT_LANGUAGE)
    header, lines = header_lines(text.split("\n"), furn)
    meta, rest = _headers(path, "\n".join(lines))
    # A header may have shared its line with what is now a furniture line (`date ... .`);
    # below the headers, a line in capitals may be another story's headline.
    body = paragraphs_text(
        "\n".join(ln for ln in rest.split("\n") if not (is_furniture(ln) or is_teaser(ln)))
    )
    if not body.strip():
        raise CorpusError(path, "no article text left after the header and page furniture")
    header = header.with_dateline(body, furn)  # kept in the body: the analysis skips it
    meta = {**_header_meta(header), **meta}  # a header shape says it more surely
    derived = "title" not in meta
    if derived:
        meta["title"] = lead_title(body)
        if not meta["title"]:
            raise CorpusError(path, "no headline, and no sentence with words to take a title from")
    order = ("title", "source", "author", "dateline", "program", "published")
    ordered = {key: meta[key] for key in order if key in meta}
    return Imported(path, slugify(str(ordered["title"])), ordered, body, derived)


def is_furniture(line: str) -> bool:
    """A line that is page furniture through and through (the furniture data's rules;
    headlines and teasers are the importer's own)."""
    return bool(line.strip()) and is_furniture_text(line, furniture(DEFAULT_LANGUAGE))


# Header lines (byline, publish lines) are read at the top of the page: until this many
# lines of text have been seen (the headline, a byline without "By", the lead).
HEADER_REGION_LINES = 3


def header_lines(lines: list[str], furn: Furniture) -> tuple[PageHeader, list[str]]:
    """The header lines of the page's top read (and left out), and every other line
    that is not furniture."""
    header = PageHeader()
    kept: list[str] = []
    text_lines = 0
    for line in lines:
        read = header.read(line, furn) if text_lines < HEADER_REGION_LINES else None
        if read is not None:
            header = read
        elif not is_furniture_text(line, furn):
            kept.append(line)
            text_lines += bool(line.strip())
    return header, kept


def _header_meta(header: PageHeader) -> dict[str, object]:
    meta: dict[str, object] = {}
    if header.author:
        meta["author"] = header.author
    if header.place:
        meta["dateline"] = header.place
    if header.agency:
        meta["source"] = header.agency
    published = publish_date(header)
    if published is not None:
        meta["published"] = published
    return meta


def is_teaser(line: str) -> bool:
    """A body line that is another story's headline set in capitals ("HEGSETH PLEDGES 'MORE
    FIREPOWER' FOR UKRAINE BUT HOLDS OFF TOMAHAWK COMMITMENTS"): every cased letter upper
    case, at least TEASER_MIN_WORDS words with letters, no sentence-final stop."""
    stripped = line.strip()
    words = [w for w in stripped.split() if any(c.isalpha() for c in w)]
    return (
        len(words) >= TEASER_MIN_WORDS and stripped.isupper() and not _SENTENCE_END.search(stripped)
    )


def _headers(path: Path, text: str) -> tuple[dict[str, object], str]:
    meta: dict[str, object] = {}
    used: set[str] = set()
    progress = True
    while progress:
        progress = False
        for name, pattern in HEADER_SHAPES:
            match = pattern.match(text)
            groups = match.groupdict() if match else {}
            if not match or name in used or any(key in meta for key in groups):
                continue
            for key, value in groups.items():
                # Header values are one line of text: any white space (tabs, U+0085,
                # U+2028, which YAML would read as line breaks) becomes one space.
                meta[key] = (
                    _published(path, value) if key == "published" else " ".join(value.split())
                )
            used.add(name)
            text = text[match.end() :]
            progress = True
    return meta, text


def _published(path: Path, value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise CorpusError(path, f"invalid date in the `date` header {value!r}: {exc}", 1) from exc


def paragraphs_text(text: str) -> str:
    """The lines, verbatim, one paragraph each (blank line between), except a line that
    continues a hard-wrapped sentence, which stays joined to it by its line break. The
    joining rule is the sentence splitter's, so both read the lines alike."""
    paragraphs: list[str] = []
    joinable = False
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            joinable = False
        elif joinable and continues_sentence(line):
            paragraphs[-1] += "\n" + line
        else:
            paragraphs.append(line)
        joinable = bool(line) and not ends_line(line)
    return "\n\n".join(paragraphs) + "\n" if paragraphs else ""


def lead_title(body: str) -> str:
    """A title from the first sentence with words in it: whole if short, else cut at the
    last clause boundary (or word) before TITLE_MAX; "" if no sentence has words."""
    worded = (s.of(body) for s in sentences(body) if re.search(r"\w", s.of(body)))
    sentence = " ".join(next(worded, "").split()).rstrip(".!?:;, ")
    if len(sentence) <= TITLE_MAX:
        return sentence
    head = sentence[:TITLE_MAX]
    cut = max(head.rfind(", "), head.rfind("; "), head.rfind(" — "))
    if cut >= TITLE_MAX // 3:
        return head[:cut]
    space = head.rfind(" ")
    return (head[:space] if space > 0 else head).rstrip(",;:") + "…"


def slugify(title: str) -> str:
    """Readable file name from a title: lower-case words joined by '-', accents removed
    from Latin letters, other scripts kept; apostrophes dropped ("Trump's" -> "trumps")."""
    plain = "".join(_unaccent(c) for c in title.replace("'", "").replace("’", "")).lower()
    slug = ""
    for word in re.findall(r"[^\W_]+", plain):
        if slug and len(slug) + 1 + len(word) > SLUG_MAX:
            break
        slug = f"{slug}-{word}" if slug else word[:SLUG_MAX]
    return slug or "article"


def _unaccent(char: str) -> str:
    base = unicodedata.normalize("NFKD", char)[:1]
    return base if base.isascii() else unicodedata.normalize("NFC", char)


# --- importing files -------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    """What import did (or would do) with one raw file."""

    imported: Imported
    target: Path
    action: str  # "write", "replace" or "unchanged"


def plan_import(files: Sequence[Path], into: Path, force: bool = False) -> list[Outcome]:
    """Read every raw file and decide each target; CorpusError listing every problem."""
    problems: list[Problem] = []
    parsed: list[Imported] = []
    for path in files:
        text, problem = read_text(path)
        if problem is not None:
            problems.append(problem)
            continue
        try:
            parsed.append(parse_raw(path, text))
        except CorpusError as exc:
            problems.extend(exc.problems)
    outcomes = [_outcome(item, into, force, problems) for item in _unique_slugs(parsed)]
    if problems:
        first = problems[0]
        raise CorpusError(first.path, first.message, first.line, problems=tuple(problems))
    return outcomes


def import_files(files: Sequence[Path], into: Path, force: bool = False) -> list[Outcome]:
    """Plan, then write every file that changes (atomically); nothing if any input is bad."""
    outcomes = plan_import(files, into, force)
    into.mkdir(parents=True, exist_ok=True)
    with output_lock(into):  # one import into a folder at a time
        for outcome in outcomes:
            if outcome.action != "unchanged":
                write_atomic(outcome.target, outcome.imported.document())
    return outcomes


def _unique_slugs(parsed: list[Imported]) -> list[Imported]:
    """Same title, different article: `-2`, `-3` in order of the raw file names, so the
    names do not depend on the order the files were given in."""
    taken: set[str] = set()
    result: list[Imported] = []
    for item in sorted(parsed, key=lambda i: (i.slug, str(i.source))):
        slug, n = item.slug, 1
        while slug in taken:
            n += 1
            slug = f"{item.slug}-{n}"
        taken.add(slug)
        result.append(replace(item, slug=slug))
    return result


def _outcome(item: Imported, into: Path, force: bool, problems: list[Problem]) -> Outcome:
    target = into / f"{item.slug}{CORPUS_SUFFIXES[0]}"
    document = item.document()
    _, found = parse_article(target, document)  # what we write must load back cleanly
    problems.extend(replace(p, path=item.source) for p in found if p.severity == ERROR)
    for other in (into / f"{item.slug}{suffix}" for suffix in CORPUS_SUFFIXES[1:]):
        if other.exists():
            problems.append(Problem(item.source, f"would duplicate the article id of {other}"))
    if not (target.exists() or target.is_symlink()):
        return Outcome(item, target, "write")
    existing, problem = read_bytes(target)  # never blocks on a FIFO planted there
    if problem is not None:  # not even --force replaces what is not a corpus file
        problems.append(Problem(item.source, f"{shown(target)}: {problem.message}"))
    elif existing == document.encode("utf-8"):
        return Outcome(item, target, "unchanged")
    elif not force:
        problems.append(
            Problem(
                item.source, f"{target} exists with different content (use --force to replace it)"
            )
        )
    return Outcome(item, target, "replace")
