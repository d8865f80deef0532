"""TimeML documents in and out: the DCT, the TEXT, gold TIMEX3 tags, and tagged output.

Offsets. The official TempEval-3 evaluator compares the TEXT with its tags removed, as
written (entities such as `&amp;` left escaped), so output tags are inserted into the
original TEXT and nothing else is touched. The resolver and the scorer, though, work on
the text a reader sees: `TimeMLDocument.text` is the tag-stripped TEXT with entities
decoded, and every offset (gold timexes, system timexes) is an index into it.
`raw_offsets` maps each of those indices to the matching index in `raw` (the stripped
TEXT as written), so a tag never lands inside an entity and both sides of the
comparison agree on extents.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import ModuleType

from timeline.corpus import CorpusError, read_bytes
from timeline.model import Timex
from timeline.outputs import output_lock, write_atomic

# One markup item inside TEXT: a comment, a processing instruction or a tag (attribute
# values may hold '>' when quoted). TimeML has no CDATA; were there one, it stays as text.
# Linear by construction: every part of an item can match one way only (the name ends
# where name characters end, '/' belongs to the attributes only when no '>' follows), and
# nothing an item holds may start another ('<' is not allowed in XML attribute values,
# '--' not in comments), so a failing item scans to the next '<' at most.
_MARKUP = re.compile(
    r"<!--(?:[^-]|-(?!-))*-->|<\?(?:[^?<]|\?(?!>))*\?>"
    r"|<(?P<close>/)?(?P<name>[A-Za-z_][\w.:-]*)(?![\w.:-])"
    r"(?P<attrs>(?:[^<>\"'/]|/(?!>)|\"[^<\"]*\"|'[^<']*')*)"
    r"(?P<empty>/)?>"
)
# (a name starts where name characters start: a search tries each run once)
_ATTR = re.compile(r"(?<![\w.:-])([\w.:-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_ENTITY = re.compile(r"&(?:#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_TEXT_OPEN = re.compile(r"<TEXT(?:\s[^<>]*)?>")
_TEXT_CLOSE = "</TEXT>"
_DCT = re.compile(r"<DCT\b[^<>]*>((?:[^<]|<(?!/?DCT\b))*)</DCT>")
_DCT_VALUE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class GoldTimex:
    """A TIMEX3 annotated inside TEXT; `start`/`end` index `TimeMLDocument.text`."""

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None
    tid: str | None = None


@dataclass(frozen=True)
class TimeMLDocument:
    path: Path
    source: str  # the whole file, verbatim
    text_start: int  # index in `source` where TEXT content begins
    text_end: int  # index in `source` where TEXT content ends (at `</TEXT>`)
    raw: str  # TEXT with tags removed, as written (entities escaped)
    text: str  # `raw` with entities decoded: what the resolver sees
    raw_offsets: tuple[int, ...]  # text index -> raw index; len(text) + 1 entries
    dct_value: str
    dct: date
    gold: tuple[GoldTimex, ...]


@dataclass(frozen=True)
class _Stripped:
    raw: str
    # For each markup item: its position in `raw` and the source slice it came from.
    tags: tuple[tuple[int, re.Match[str]], ...]


def read_timeml(path: Path | str) -> TimeMLDocument:
    """Read a TimeML file; raise CorpusError naming the file on malformed input."""
    path = Path(path)
    data, problem = read_bytes(path)  # a regular file of a sane size, never a FIFO
    if problem is not None:
        raise CorpusError(path, problem.message)
    try:
        # decoded as is (\r\n kept): the output must match the input byte for byte
        source = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CorpusError(path, f"cannot read TimeML file: {exc}") from exc
    return parse_timeml(source, path)


def parse_timeml(source: str, path: Path | str = "<string>") -> TimeMLDocument:
    path = Path(path)
    _check_well_formed(source, path)
    opening = _TEXT_OPEN.search(source)
    if opening is None:
        raise CorpusError(path, "no <TEXT> element")
    text_start = opening.end()
    text_end = source.find(_TEXT_CLOSE, text_start)
    if text_end < 0:
        raise CorpusError(path, "no </TEXT> closing tag", _line(source, text_start))
    dct_value = _dct_value(source, path)
    stripped = _strip(source, text_start, text_end)
    text, raw_offsets = _decode(stripped.raw)
    gold = tuple(_gold_timexes(stripped, text, raw_offsets, source, path))
    return TimeMLDocument(
        path=path,
        source=source,
        text_start=text_start,
        text_end=text_end,
        raw=stripped.raw,
        text=text,
        raw_offsets=tuple(raw_offsets),
        dct_value=dct_value,
        dct=date.fromisoformat(dct_value[:10]),
        gold=gold,
    )


def _check_well_formed(source: str, path: Path) -> None:
    try:
        ET.fromstring(source.encode("utf-8"))
    except ET.ParseError as exc:
        line = exc.position[0] if exc.position else None
        raise CorpusError(path, f"malformed XML: {exc}", line) from exc


def _line(source: str, index: int) -> int:
    return source.count("\n", 0, index) + 1


def _dct_value(source: str, path: Path) -> str:
    match = _DCT.search(source)
    if match is None:
        raise CorpusError(path, "no <DCT> element (the document creation time)")
    for tag in _MARKUP.finditer(match.group(1)):
        if tag.group("name") == "TIMEX3" and not tag.group("close"):
            value = _attributes(tag.group("attrs")).get("value", "")
            if _DCT_VALUE.match(value):
                try:
                    date.fromisoformat(value[:10])
                except ValueError:
                    break
                return value
            break
    raise CorpusError(
        path, "<DCT> holds no TIMEX3 with a YYYY-MM-DD value", _line(source, match.start())
    )


def _attributes(attrs: str) -> dict[str, str]:
    return {m.group(1): html.unescape(m.group(2) if m.group(2) is not None else m.group(3))
            for m in _ATTR.finditer(attrs)}


def _strip(source: str, start: int, end: int) -> _Stripped:
    parts: list[str] = []
    tags: list[tuple[int, re.Match[str]]] = []
    length = 0
    pos = start
    for match in _MARKUP.finditer(source, start, end):
        chunk = source[pos : match.start()]
        parts.append(chunk)
        length += len(chunk)
        tags.append((length, match))
        pos = match.end()
    parts.append(source[pos:end])
    return _Stripped("".join(parts), tuple(tags))


def _decode(raw: str) -> tuple[str, list[int]]:
    """Decode entities; map every decoded index (and the end) to its raw index."""
    out: list[str] = []
    offsets: list[int] = []
    pos = 0
    for match in _ENTITY.finditer(raw):
        for i in range(pos, match.start()):
            offsets.append(i)
        out.append(raw[pos : match.start()])
        decoded = html.unescape(match.group(0))
        offsets.extend([match.start()] * len(decoded))
        out.append(decoded)
        pos = match.end()
    offsets.extend(range(pos, len(raw) + 1))
    out.append(raw[pos:])
    return "".join(out), offsets


def _raw_to_text(raw_offsets: Sequence[int]) -> dict[int, int]:
    # Inverse map; a raw index inside an entity has no entry (tags never sit there).
    inverse: dict[int, int] = {}
    for t, r in enumerate(raw_offsets):
        inverse.setdefault(r, t)
    return inverse


def _gold_timexes(
    stripped: _Stripped, text: str, raw_offsets: Sequence[int], source: str, path: Path
) -> Iterable[GoldTimex]:
    inverse = _raw_to_text(raw_offsets)
    open_timex: list[tuple[int, dict[str, str], re.Match[str]]] = []
    for raw_pos, tag in stripped.tags:
        if tag.group("name") != "TIMEX3" or tag.group("empty"):
            continue
        if not tag.group("close"):
            open_timex.append((raw_pos, _attributes(tag.group("attrs")), tag))
            continue
        if not open_timex:
            raise CorpusError(path, "</TIMEX3> without an opening tag", _line(source, tag.start()))
        raw_start, attrs, opening = open_timex.pop()
        start, end = inverse.get(raw_start), inverse.get(raw_pos)
        if start is None or end is None:
            raise CorpusError(path, "TIMEX3 boundary inside an entity",
                              _line(source, opening.start()))
        yield GoldTimex(
            start=start,
            end=end,
            text=text[start:end],
            type=attrs.get("type", ""),
            value=attrs.get("value", ""),
            mod=attrs.get("mod"),
            tid=attrs.get("tid"),
        )


# --- output ---------------------------------------------------------------------------


def _escape_attr(value: str) -> str:
    return html.escape(value, quote=True)


def _open_tag(number: int, timex: Timex) -> str:
    attrs = [
        ("tid", f"t{number}"),
        ("type", timex.type),
        ("value", timex.value.timex),
    ]
    if timex.mod:
        attrs.append(("mod", timex.mod))
    return "<TIMEX3 " + " ".join(f'{k}="{_escape_attr(v)}"' for k, v in attrs) + ">"


def _usable(timexes: Iterable[Timex], length: int) -> list[Timex]:
    """Timexes sorted by position, dropping empty, out-of-range or overlapping ones."""
    kept: list[Timex] = []
    last_end = 0
    for timex in sorted(timexes, key=lambda t: (t.start, -t.end)):
        if 0 <= timex.start < timex.end <= length and timex.start >= last_end:
            kept.append(timex)
            last_end = timex.end
    return kept


def annotate(doc: TimeMLDocument, timexes: Iterable[Timex], first_tid: int = 1) -> str:
    """The document with `timexes` (offsets into `doc.text`) tagged inside the original TEXT.

    Existing annotations inside TEXT are dropped; everything outside TEXT is kept as is.
    Timex ids start at `first_tid` (t0 is the DCT by TimeML convention).
    """
    inserts: list[tuple[int, str]] = []
    for number, timex in enumerate(_usable(timexes, len(doc.text)), start=first_tid):
        inserts.append((doc.raw_offsets[timex.start], _open_tag(number, timex)))
        inserts.append((doc.raw_offsets[timex.end], "</TIMEX3>"))
    parts: list[str] = [doc.source[: doc.text_start]]
    pos = 0
    # Sorted by raw position; a closing tag and the next opening tag at the same position
    # keep their order (close first) because inserts were appended in text order.
    for raw_pos, tag in sorted(inserts, key=lambda item: item[0]):
        parts.append(doc.raw[pos:raw_pos])
        parts.append(tag)
        pos = raw_pos
    parts.append(doc.raw[pos:])
    parts.append(doc.source[doc.text_end :])
    return "".join(parts)


def strip_text(source: str) -> str:
    """The TEXT content of a TimeML source with all tags removed, as written."""
    opening = _TEXT_OPEN.search(source)
    if opening is None:
        raise ValueError("no <TEXT> element")
    end = source.index(_TEXT_CLOSE, opening.end())
    return _strip(source, opening.end(), end).raw


# --- whole files ----------------------------------------------------------------------


def resolver() -> Callable[[str, date | None, str], list[Timex]]:
    """`timeline.dates.resolve`, the function.

    Importing the submodule timeline/dates/resolve.py rebinds the package attribute
    `resolve` to that module, shadowing the function; then use the module's entry point.
    """
    import timeline.dates

    found = timeline.dates.resolve
    return found.resolve_text if isinstance(found, ModuleType) else found


def annotate_files(paths: Sequence[Path], out_dir: Path, language: str = "en") -> list[Path]:
    """Tag every TimeML file in `paths` and write it under the same name into `out_dir`.

    All inputs are read and checked first, so a bad file stops the run before anything
    is written; each output goes to a temporary file that is then moved into place.
    """
    docs = [read_timeml(path) for path in paths]
    names = [doc.path.name for doc in docs]
    duplicate = next((name for name in names if names.count(name) > 1), None)
    if duplicate is not None:
        raise CorpusError(duplicate, "two inputs share this file name; outputs would collide")
    out_dir.mkdir(parents=True, exist_ok=True)
    resolve = resolver()
    written: list[Path] = []
    with output_lock(out_dir):
        for doc in docs:
            tagged = annotate(doc, resolve(doc.text, doc.dct, language))
            target = out_dir / doc.path.name
            write_atomic(target, tagged)
            written.append(target)
    return written
