"""Articles: one Markdown file each, YAML front matter plus the body text.

`check_corpus` reads a corpus folder and reports every problem it finds (each with the
file and, where it applies, the line); `load_corpus` returns the articles or raises one
CorpusError that carries all of them. Article text is untrusted: nothing here executes
or interprets it beyond a safe YAML load of the front matter.
"""

from __future__ import annotations

import difflib
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from timeline.config import (
    CORPUS_SUFFIXES,
    DEFAULT_LANGUAGE,
    FIRST_DAY,
    KEY_SUGGESTION_CUTOFF,
    LAST_DAY,
    MAX_ARTICLE_BYTES,
    MAX_FRONT_MATTER_DEPTH,
)
from timeline.model import Article

ERROR = "error"
WARNING = "warning"

FRONT_MATTER_FENCE = "---"
TEXT_KEYS = ("title", "source", "url", "author", "dateline", "program", "language")
KNOWN_KEYS = (*TEXT_KEYS, "published")
# An article id becomes a file name, a page URL and an anchor: keep it to word characters.
ID_PATTERN = re.compile(r"\w[\w.-]*")
LANGUAGE_PATTERN = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")
# Keys other tools use for what this format calls otherwise: suggested for an unknown key
# before the nearest spelling, since `date` is nearer to `dateline` than to `published`.
KEY_SYNONYMS = {
    "date": "published", "pubdate": "published", "published_at": "published",
    "publication_date": "published", "publish_date": "published",
    "headline": "title", "outlet": "source", "publisher": "source", "link": "url",
    "byline": "author", "lang": "language", "location": "dateline", "place": "dateline",
}
DATE_PATTERN = re.compile(r"\d{4}-\d{2}-\d{2}")
DATETIME_PATTERN = re.compile(
    r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?"
)


@dataclass(frozen=True)
class Problem:
    """One finding about the corpus; `line` is a 1-based file line when it applies."""

    path: Path
    message: str
    line: int | None = None
    severity: str = ERROR

    def __str__(self) -> str:
        return f"{where(self.path, self.line)}: {self.severity}: {shown(self.message)}"


def shown(text: object) -> str:
    """Text for one line of a message: characters that do not print (a newline, a carriage
    return, bidi controls, bytes a file name could not decode) are written as escapes, so
    a file name or a front-matter key cannot forge a line of diagnostics."""
    return "".join(ch if ch.isprintable() else _escape(ch) for ch in str(text))


def _escape(ch: str) -> str:
    code = ord(ch)
    named = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
    if ch in named:
        return named[ch]
    return f"\\x{code:02x}" if code < 0x100 else (
        f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")


def where(path: object, line: int | None = None) -> str:
    """`path:line` (or `path`) for a message, escaped."""
    return f"{shown(path)}:{line}" if line else shown(path)


class CorpusError(Exception):
    """A problem with one corpus file, reported with the file and, where known, the line.
    Raised by `load_corpus` with every error found in `problems`."""

    def __init__(
        self,
        path: Path | str,
        message: str,
        line: int | None = None,
        problems: tuple[Problem, ...] = (),
    ):
        self.path = Path(path)
        self.line = line
        self.message = message
        self.problems = problems or (Problem(self.path, message, line),)
        super().__init__(f"{where(self.path, line)}: {shown(message)}")


class _TooDeep(yaml.YAMLError):
    def __init__(self, mark: yaml.Mark) -> None:
        super().__init__(f"nested more than {MAX_FRONT_MATTER_DEPTH} levels deep")
        self.problem_mark = mark


class _Loader(yaml.SafeLoader):
    """SafeLoader that keeps timestamps as text, so `published` is parsed (and its errors
    reported) here rather than by YAML, which raises plain ValueErrors for 2025-13-01.
    It also refuses nesting deeper than MAX_FRONT_MATTER_DEPTH: the composer recurses once
    per level, and 20,000 brackets ended in a RecursionError."""

    _depth = 0

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self._depth >= MAX_FRONT_MATTER_DEPTH:
            raise _TooDeep(self.peek_event().start_mark)
        self._depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


# --- public API --------------------------------------------------------------------------


def check_corpus(directory: Path | str) -> tuple[list[Article], list[Problem]]:
    """Every article that could be read, sorted by id, and every problem found."""
    folder = Path(directory)
    if not folder.exists():
        return [], [Problem(folder, "corpus folder not found")]
    if not folder.is_dir():
        return [], [Problem(folder, "corpus path is not a folder")]
    problems: list[Problem] = []
    articles: list[Article] = []
    for path in _drop_duplicates(list(_corpus_files(folder, problems)), problems):
        article, found = read_article(path)
        problems.extend(found)
        if article is not None:
            articles.append(article)
    if not articles and not any(p.severity == ERROR for p in problems):
        suffixes = ", ".join(f"*{s}" for s in CORPUS_SUFFIXES)
        problems.append(Problem(folder, f"empty corpus: no articles ({suffixes}) in this folder"))
    problems.sort(key=lambda p: (str(p.path), p.line or 0, p.severity, p.message))
    return sorted(articles, key=lambda a: a.id), problems


def load_corpus(directory: Path | str) -> list[Article]:
    """The articles of a corpus folder sorted by id; CorpusError listing every error."""
    articles, problems = check_corpus(directory)
    errors = tuple(p for p in problems if p.severity == ERROR)
    if errors:
        first = errors[0]
        raise CorpusError(first.path, first.message, first.line, problems=errors)
    return articles


def read_article(path: Path) -> tuple[Article | None, list[Problem]]:
    """One corpus file: the article (None if it has errors) and the problems found."""
    text, problem = read_text(path)
    if problem:
        return None, [problem]
    return parse_article(path, text)


def parse_article(path: Path, text: str) -> tuple[Article | None, list[Problem]]:
    """An article from the text of a corpus file (`path` names it in messages and gives the id)."""
    problems: list[Problem] = []
    split = _split_front_matter(path, text, problems)
    if split is None:
        return None, problems
    yaml_text, body, body_line = split
    meta = _parse_yaml(path, yaml_text, problems)
    if meta is None:
        return None, problems
    fields = _validate_fields(path, meta, problems)
    if not body.strip():
        problems.append(Problem(path, "empty body: the article has no text", body_line))
    if not ID_PATTERN.fullmatch(path.stem):
        problems.append(
            Problem(path, "file name is not a usable id: use letters, digits, '-', '_' or '.'")
        )
    if any(p.severity == ERROR for p in problems):
        return None, problems
    return Article(id=path.stem, path=path, body=body, body_line=body_line, **fields), problems


# --- files and text ----------------------------------------------------------------------


def _corpus_files(folder: Path, problems: list[Problem]) -> Iterator[Path]:
    """Corpus files under the folder (recursively, hidden entries skipped), in name order;
    other files are reported, since a stray .txt is usually an article not yet imported.
    A corpus file must be a regular file inside the folder (see `_refused`)."""
    root = folder.resolve()
    for path in _files_below(folder, problems):
        if path.suffix.lower() not in CORPUS_SUFFIXES:
            hint = " (import raw text with `timeline import`)" if path.suffix == ".txt" else ""
            problems.append(Problem(path, f"ignored: not a corpus file{hint}", None, WARNING))
            continue
        refusal = _refused(path, root)
        if refusal is None:
            yield path
        else:
            problems.append(refusal)


def _files_below(folder: Path, problems: list[Problem]) -> list[Path]:
    """Every entry below `folder` that is no folder, hidden ones skipped, by depth then
    name. A folder that cannot be read is an error (its articles would be missing); a
    link to a folder is not followed."""
    found: list[Path] = []
    pending = [folder]
    while pending:
        current = pending.pop()
        try:
            with os.scandir(current) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            problems.append(Problem(current, f"cannot read folder: {exc.strerror or exc}"))
            continue
        for entry in entries:
            path = Path(entry.path)
            if entry.name.startswith("."):
                continue
            if entry.is_dir(follow_symlinks=False):
                pending.append(path)
            elif entry.is_symlink() and path.is_dir():
                problems.append(Problem(path, "link to a folder: not followed", None, WARNING))
            else:
                found.append(path)
    return sorted(found, key=lambda p: (len(p.parts), str(p)))


def _refused(path: Path, root: Path) -> Problem | None:
    """Why a corpus file is not read, if it is not: a link that leads out of the corpus
    folder (it would publish a file from elsewhere), a broken link, or anything but a
    regular file (a device such as /dev/zero never ends, a FIFO waits for a writer)."""
    if path.is_symlink():
        try:
            target = path.resolve(strict=True)
        except (OSError, RuntimeError):
            return Problem(path, "broken link: its target does not exist")
        if not target.is_relative_to(root):
            return Problem(path, f"link to a file outside the corpus folder ({target}): refused")
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        return Problem(path, f"cannot read file: {exc.strerror or exc}")
    return None if stat.S_ISREG(mode) else _not_regular(path, mode)


def _not_regular(path: Path, mode: int) -> Problem:
    kinds = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
             (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"),
             (stat.S_ISDIR, "a folder"))
    kind = next((name for test, name in kinds if test(mode)), "not a regular file")
    return Problem(path, f"not a regular file ({kind}): refused without reading it")


def read_bytes(path: Path, limit: int = MAX_ARTICLE_BYTES) -> tuple[bytes, Problem | None]:
    """The bytes of a regular file of at most `limit` bytes, or the problem that prevents
    reading it. Checked before opening (a device or FIFO is never opened) and again on
    the open file (it may have been swapped since); at most limit + 1 bytes are read, so
    a huge or endless file costs no more than that."""
    try:
        mode = path.stat().st_mode
        if not stat.S_ISREG(mode):
            return b"", _not_regular(path, mode)
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            mode = os.fstat(handle.fileno()).st_mode
            if not stat.S_ISREG(mode):
                return b"", _not_regular(path, mode)
            data = handle.read(limit + 1)
    except OSError as exc:
        return b"", Problem(path, f"cannot read file: {exc.strerror or exc}")
    if len(data) > limit:
        return b"", Problem(path, f"file is larger than {limit // 1024 // 1024} MiB, the limit "
                            "for one article (see README, The corpus): refused")
    return data, None


def read_text(path: Path) -> tuple[str, Problem | None]:
    """A file's text with line ends normalised to \\n, or the problem that prevents it."""
    data, problem = read_bytes(path)
    if problem is not None:
        return "", problem
    if b"\0" in data:  # no text format we read has NUL bytes
        return "", Problem(path, "binary file, not UTF-8 text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        bad = data[exc.start : exc.start + 1].hex()
        return "", Problem(path, f"not UTF-8 text (invalid byte 0x{bad})", line)
    return text.replace("\r\n", "\n").replace("\r", "\n"), None


def _split_front_matter(
    path: Path, text: str, problems: list[Problem]
) -> tuple[str, str, int] | None:
    """(YAML text, body, first body line). The YAML starts on file line 2."""
    lines = text.split("\n")
    if lines[0].rstrip() != FRONT_MATTER_FENCE:
        problems.append(
            Problem(
                path,
                "no front matter: the file must start with a '---' line, then YAML "
                "with at least `title:`, then a closing '---' line",
                1,
            )
        )
        return None
    for index in range(1, len(lines)):
        if lines[index].rstrip() == FRONT_MATTER_FENCE:
            body = "\n".join(lines[index + 1 :])
            return "\n".join(lines[1:index]), body, index + 2
    problems.append(Problem(path, "front matter is not closed: no second '---' line", 1))
    return None


def _parse_yaml(path: Path, yaml_text: str, problems: list[Problem]) -> dict[str, Any] | None:
    """The front matter mapping with each key's file line under '__lines__'."""
    try:
        node = yaml.compose(yaml_text, Loader=_Loader)
        data = yaml.load(yaml_text, Loader=_Loader)  # _Loader is a SafeLoader
    except _TooDeep as exc:
        problems.append(Problem(path, f"front matter is {exc}", exc.problem_mark.line + 2))
        return None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        problems.append(Problem(path, f"front matter is not valid YAML: {reason}", line))
        return None
    if data is None:
        data, node = {}, None
    if not isinstance(data, dict) or (node is not None and not isinstance(node, yaml.MappingNode)):
        problems.append(Problem(path, "front matter must be a mapping of `key: value` lines", 2))
        return None
    lines: dict[str, int] = {}
    for key_node, _ in node.value if node is not None else []:
        key, line = str(key_node.value), key_node.start_mark.line + 2
        if key in lines:
            message = f"duplicate key `{key}` (first on line {lines[key]})"
            problems.append(Problem(path, message, line))
        lines.setdefault(key, line)
    return {"__lines__": lines, **{str(k): v for k, v in data.items()}}


def _validate_fields(path: Path, meta: dict[str, Any], problems: list[Problem]) -> dict[str, Any]:
    lines: dict[str, int] = meta.pop("__lines__")

    def report(key: str, message: str, severity: str = ERROR) -> None:
        problems.append(Problem(path, message, lines.get(key, 2 if key in meta else 1), severity))

    for key in meta:
        if key not in KNOWN_KEYS:
            report(key, f"unknown key `{key}` is ignored{_suggestion(key)}", WARNING)
    fields: dict[str, Any] = {}
    for key in TEXT_KEYS:
        value = meta.get(key)
        if value is None:  # `key:` with nothing after it, or `null`: as if left out
            if key == "title" and key in meta:
                report(key, "`title` is empty: give the headline")
            continue
        if not isinstance(value, str):
            report(key, f"`{key}` must be text, not {_kind(value)} (put it in quotes)")
        elif not value.strip():
            report(key, f"`{key}` is empty")
        else:
            fields[key] = value.strip()
    if "title" not in meta:
        report("title", "missing `title` in the front matter")
    if "language" in fields and not LANGUAGE_PATTERN.fullmatch(fields["language"]):
        code = fields.pop("language")
        report("language", f"`language` must be a language code such as `en`, not {code!r}")
    fields.setdefault("language", DEFAULT_LANGUAGE)
    if meta.get("published") is not None:
        published, error = parse_published(meta["published"])
        if error:
            report("published", error)
        else:
            fields["published"] = published
    return fields


def _suggestion(key: object) -> str:
    """': did you mean `published`?' for a misspelt or foreign key; else the known keys."""
    name = str(key).strip().lower().replace("-", "_")
    match = KEY_SYNONYMS.get(name) or next(
        iter(difflib.get_close_matches(name, KNOWN_KEYS, n=1, cutoff=KEY_SUGGESTION_CUTOFF)),
        None,
    )
    if match is not None:
        return f": did you mean `{match}`?"
    return f" (known keys: {', '.join(KNOWN_KEYS)})"


def parse_published(value: Any) -> tuple[date | datetime | None, str | None]:
    """A publish date `YYYY-MM-DD` or a datetime with a UTC offset; (value, error)."""
    text = value if isinstance(value, str) else None
    if text is None:
        return None, f"`published` must be a date such as 2025-10-17, not {_kind(value)}"
    text = text.strip()
    if DATE_PATTERN.fullmatch(text):
        try:
            day = date.fromisoformat(text)
        except ValueError as exc:
            return None, f"invalid `published` date {text!r}: {exc}"
        return _in_calendar(day, text)
    if not DATETIME_PATTERN.fullmatch(text):
        return None, (
            f"invalid `published` value {text!r}: use a date (2025-10-17) "
            "or a datetime with offset (2025-10-17T08:30:00-04:00)"
        )
    try:
        moment = datetime.fromisoformat(re.sub(r"Z$", "+00:00", text))
    except ValueError as exc:
        return None, f"invalid `published` datetime {text!r}: {exc}"
    if moment.tzinfo is None:
        return None, f"`published` datetime {text!r} needs a UTC offset, e.g. {text}+00:00"
    return _in_calendar(moment, text)


def _in_calendar(
    published: date | datetime, text: str
) -> tuple[date | datetime | None, str | None]:
    day = published.date() if isinstance(published, datetime) else published
    if FIRST_DAY <= day <= LAST_DAY:
        return published, None
    return None, (
        f"`published` {text!r} is outside the calendar the timeline works in "
        f"({FIRST_DAY.isoformat()} to {LAST_DAY.isoformat()})"
    )


def _kind(value: Any) -> str:
    names = {bool: "true/false", int: "a number", float: "a number", list: "a list"}
    return "a mapping" if isinstance(value, dict) else names.get(type(value), type(value).__name__)


def _drop_duplicates(paths: list[Path], problems: list[Problem]) -> list[Path]:
    """Ids (file stems) must be unique, also ignoring case, since file systems and URLs
    may fold it: `a.md` beside `a.markdown` or `A.md` is an error on the later file."""
    seen: dict[str, Path] = {}
    kept: list[Path] = []
    for path in paths:
        first = seen.setdefault(path.stem.casefold(), path)
        if first is path:
            kept.append(path)
        else:
            problems.append(Problem(path, f"duplicate article id `{path.stem}` (also {first})"))
    return kept
