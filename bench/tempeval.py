"""TempEval-3 Task A scorer and benchmark for the date resolver.

Scorer (importable): `match`, `count`, `Counts`, `Scores`. Extents are character spans
in the tag-stripped TEXT (entities decoded; see timeline/timeml.py). System and gold
timexes are paired one to one: identical extents first, then the largest overlaps.
Strict = identical extent; relaxed = overlapping extent. P = matches / system,
R = matches / gold, micro-averaged by summing counts over documents. Value F1 =
relaxed F1 x (relaxed matches with the gold value / relaxed matches); type F1 likewise.

Benchmark: `python bench/tempeval.py [DIR...] [--limit N] [--errors FILE] [--no-baseline]
[--value-differences] [--system-dir DIR]`
runs `timeline.dates.resolve` (and `dateparser.search.search_dates` as a baseline) over
TimeML directories and prints the scores per corpus and overall, words per second
(text words / resolver time only, warm, pinned to one core) and peak memory.
"""

from __future__ import annotations

import argparse
import functools
import os
import re
import resource
import sys
import time
import tracemalloc
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DIRS = (
    ROOT.parent / "shared/data/tempeval3/train/timebank",
    ROOT.parent / "shared/data/tempeval3/train/aquaint",
)

# --- scorer --------------------------------------------------------------------------


@dataclass(frozen=True)
class Span:
    """One timex for scoring: extent in the text, TIMEX3 type and value (and evidence)."""

    start: int
    end: int
    type: str
    value: str
    mod: str | None = None
    text: str = ""
    rule: str = ""


@dataclass
class Counts:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0  # relaxed matches with the gold value
    type: int = 0  # relaxed matches with the gold type

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(a + b for a, b in zip(self.astuple(), other.astuple(), strict=True)))

    def astuple(self) -> tuple[int, ...]:
        return (self.gold, self.system, self.strict, self.relaxed, self.value, self.type)


@dataclass(frozen=True)
class Scores:
    strict_p: float
    strict_r: float
    strict_f1: float
    relaxed_p: float
    relaxed_r: float
    relaxed_f1: float
    value_accuracy: float
    value_f1: float
    type_accuracy: float
    type_f1: float


def _ratio(a: float, b: float) -> float:
    return a / b if b else 0.0


def _f1(p: float, r: float) -> float:
    return _ratio(2 * p * r, p + r)


def scores(c: Counts) -> Scores:
    sp, sr = _ratio(c.strict, c.system), _ratio(c.strict, c.gold)
    rp, rr = _ratio(c.relaxed, c.system), _ratio(c.relaxed, c.gold)
    rf = _f1(rp, rr)
    va, ta = _ratio(c.value, c.relaxed), _ratio(c.type, c.relaxed)
    return Scores(sp, sr, _f1(sp, sr), rp, rr, rf, va, rf * va, ta, rf * ta)


def _overlap(a: Span, b: Span) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def match(gold: Sequence[Span], system: Sequence[Span]) -> list[tuple[Span, Span]]:
    """One-to-one pairs of overlapping (gold, system) timexes: exact extents first,
    then the largest overlap, then text order."""
    candidates = [
        (gi, si)
        for gi, g in enumerate(gold)
        for si, s in enumerate(system)
        if _overlap(g, s) > 0
    ]

    def key(pair: tuple[int, int]) -> tuple[bool, int, int, int]:
        g, s = gold[pair[0]], system[pair[1]]
        exact = (g.start, g.end) == (s.start, s.end)
        return (not exact, -_overlap(g, s), g.start, s.start)

    used_gold: set[int] = set()
    used_system: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for gi, si in sorted(candidates, key=key):
        if gi not in used_gold and si not in used_system:
            used_gold.add(gi)
            used_system.add(si)
            pairs.append((gi, si))
    return [(gold[gi], system[si]) for gi, si in sorted(pairs)]


def count(gold: Sequence[Span], system: Sequence[Span]) -> Counts:
    pairs = match(gold, system)
    return Counts(
        gold=len(gold),
        system=len(system),
        strict=sum((g.start, g.end) == (s.start, s.end) for g, s in pairs),
        relaxed=len(pairs),
        value=sum(g.value == s.value for g, s in pairs),
        type=sum(g.type == s.type for g, s in pairs),
    )


# --- error analysis ------------------------------------------------------------------

# Value disagreements that are notation, not meaning: the gold writes a value the TimeML
# 1.2.1 value syntax writes otherwise ("1949-XX" for the year 1949, "2000-W7" for week 07,
# "198X" for the 1980s). Counted apart so that a reader can tell annotation convention from
# resolver error; the TempEval-3 figures above never use this.
_NOTATION = (
    ("year written with X months", re.compile(r"(\d{4})(?:-XX)+"), lambda m: m.group(1)),
    ("week number unpadded", re.compile(r"(\d{4})-W(\d)"),
     lambda m: f"{m.group(1)}-W0{m.group(2)}"),
    ("decade written with X", re.compile(r"(\d{3})X"), lambda m: m.group(1)),
)
_PARTS_OF_DAY = ("MO", "AF", "EV", "NI")


def value_difference(gold: str, system: str) -> str:
    """What kind of disagreement a relaxed match with different values is."""
    for name, pattern, canonical in _NOTATION:
        found = pattern.fullmatch(gold)
        if found and canonical(found) == system:
            return f"notation: {name}"
    if system[:-2].endswith("T") and system[-2:] in _PARTS_OF_DAY and (
            system[:-3] == gold.split("T")[0]):
        return "part of day given as the day (TIME vs DATE convention)"
    if _days_apart(gold, system) == 7:
        return "the same weekday a week apart"
    return "other"


def _days_apart(gold: str, system: str) -> int | None:
    """Days between two day values (times of day ignored), None unless both are days."""
    try:
        a = datetime.strptime(gold[:10], "%Y-%m-%d")
        b = datetime.strptime(system[:10], "%Y-%m-%d")
    except ValueError:
        return None
    return abs((a - b).days)


def value_differences(gold: Sequence[Span], system: Sequence[Span]) -> Counter[str]:
    return Counter(value_difference(g.value, s.value) for g, s in match(gold, system)
                   if g.value != s.value)



def _show(span: Span) -> str:
    mod = f" mod={span.mod}" if span.mod else ""
    rule = f" [{span.rule}]" if span.rule else ""
    return f"{span.start}-{span.end} {span.text!r} {span.type} {span.value}{mod}{rule}"


def mismatches(text: str, gold: Sequence[Span], system: Sequence[Span]) -> list[str]:
    """Lines describing every difference between gold and system for one document."""
    pairs = match(gold, system)
    matched_gold = {id(g) for g, _ in pairs}
    matched_system = {id(s) for _, s in pairs}
    lines: list[str] = []
    for g in gold:
        if id(g) not in matched_gold:
            lines.append(f"  MISSED    {_show(g)}  | {_context(text, g)}")
    for s in system:
        if id(s) not in matched_system:
            lines.append(f"  SPURIOUS  {_show(s)}  | {_context(text, s)}")
    for g, s in pairs:
        problems = []
        if (g.start, g.end) != (s.start, s.end):
            problems.append("EXTENT")
        if g.value != s.value:
            problems.append("VALUE")
        if g.type != s.type:
            problems.append("TYPE")
        if problems:
            lines.append(
                f"  {'+'.join(problems):9} gold {_show(g)}\n"
                f"            sys  {_show(s)}  | {_context(text, g)}"
            )
    return lines


def _context(text: str, span: Span, width: int = 60) -> str:
    left = text[max(0, span.start - width) : span.start]
    right = text[span.end : span.end + width]
    return " ".join(f"{left}[{text[span.start:span.end]}]{right}".split())


# --- systems -------------------------------------------------------------------------

System = Callable[[str, "datetime"], list[Span]]


@functools.cache
def _resolver() -> Callable[..., list]:
    from timeline.timeml import resolver

    return resolver()


def ours(text: str, dct: datetime) -> list[Span]:
    return [
        Span(t.start, t.end, t.type, t.value.timex, t.mod, t.text, t.rule)
        for t in _resolver()(text, dct.date(), "en")
    ]


_DATEPARSER_SETTINGS: dict[str, object] = {}


def dateparser_baseline(text: str, dct: datetime) -> list[Span]:
    """dateparser's own recognizer; matches mapped to offsets, values at day grain, DATE."""
    from dateparser.search import search_dates

    found = search_dates(
        text, languages=["en"], settings={**_DATEPARSER_SETTINGS, "RELATIVE_BASE": dct}
    )
    return _locate(text, found or [])


def _locate(text: str, found: Iterable[tuple[str, datetime]]) -> list[Span]:
    spans: list[Span] = []
    cursor = 0
    for phrase, when in found:
        start = text.find(phrase, cursor)
        if start < 0:
            start = text.find(phrase)
        if start < 0:
            continue
        end = start + len(phrase)
        cursor = end
        spans.append(Span(start, end, "DATE", when.date().isoformat(), None, phrase))
    return spans


# --- benchmark -----------------------------------------------------------------------


@dataclass(frozen=True)
class Document:
    name: str
    text: str
    dct: datetime
    gold: tuple[Span, ...]
    words: int


@dataclass
class Run:
    counts: Counts = field(default_factory=Counts)
    seconds: float = 0.0
    words: int = 0
    docs: int = 0
    outputs: dict[str, list[Span]] = field(default_factory=dict)


def load(directory: Path, limit: int | None = None) -> list[Document]:
    from timeline.timeml import read_timeml

    docs = []
    for path in sorted(directory.glob("*.tml"))[:limit]:
        doc = read_timeml(path)
        gold = tuple(Span(g.start, g.end, g.type, g.value, g.mod, g.text) for g in doc.gold)
        dct = datetime(doc.dct.year, doc.dct.month, doc.dct.day)
        docs.append(Document(path.name, doc.text, dct, gold, len(doc.text.split())))
    return docs


def run(system: System, docs: Sequence[Document]) -> Run:
    """Score `system` on `docs`, timing only the system calls."""
    result = Run()
    for doc in docs:
        began = time.perf_counter()
        try:
            spans = system(doc.text, doc.dct)
        except Exception as exc:
            exc.add_note(f"while resolving {doc.name}")
            raise
        result.seconds += time.perf_counter() - began
        result.counts += count(doc.gold, spans)
        result.words += doc.words
        result.docs += 1
        result.outputs[doc.name] = spans
    return result


def score_annotated(directory: Path, docs: Sequence[Document]) -> Run:
    """Score TimeML files already tagged by a system (e.g. `timeline timeml --out DIR`):
    DIR holds one file per gold document, under the same name."""
    from timeline.corpus import CorpusError
    from timeline.timeml import read_timeml

    result = Run()
    for doc in docs:
        tagged = read_timeml(directory / doc.name)
        if tagged.text != doc.text:
            raise CorpusError(tagged.path, "TEXT differs from the gold document's TEXT")
        spans = [Span(g.start, g.end, g.type, g.value, g.mod, g.text) for g in tagged.gold]
        result.counts += count(doc.gold, spans)
        result.words += doc.words
        result.docs += 1
        result.outputs[doc.name] = spans
    return result


def traced_peak(system: System, docs: Sequence[Document]) -> int:
    """Peak Python heap (bytes) while `system` loads and runs over `docs`."""
    tracemalloc.start()
    try:
        for doc in docs:
            system(doc.text, doc.dct)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def max_rss_mb() -> float:
    # ru_maxrss is in kilobytes on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def pin_to_one_core() -> str:
    if hasattr(os, "sched_setaffinity"):
        core = max(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {core})
        return f"pinned to core {core}"
    return "not pinned (no sched_setaffinity)"


HEADER = (
    f"{'system':<11}{'corpus':<10}{'docs':>5}{'words':>7}{'gold':>6}{'sys':>6}"
    f"{'strictP':>8}{'strictR':>8}{'strictF1':>9}{'relaxP':>8}{'relaxR':>8}{'relaxF1':>8}"
    f"{'valueF1':>8}{'typeF1':>8}{'valAcc':>8}{'words/s':>10}"
)


def row(system: str, corpus: str, r: Run) -> str:
    s, c = scores(r.counts), r.counts
    speed = r.words / r.seconds if r.seconds else float("nan")
    return (
        f"{system:<11}{corpus:<10}{r.docs:>5}{r.words:>7}{c.gold:>6}{c.system:>6}"
        f"{s.strict_p:>8.4f}{s.strict_r:>8.4f}{s.strict_f1:>9.4f}"
        f"{s.relaxed_p:>8.4f}{s.relaxed_r:>8.4f}{s.relaxed_f1:>8.4f}"
        f"{s.value_f1:>8.4f}{s.type_f1:>8.4f}{s.value_accuracy:>8.4f}{speed:>10.0f}"
    )


def combine(runs: Iterable[Run]) -> Run:
    total = Run()
    for r in runs:
        total.counts += r.counts
        total.seconds += r.seconds
        total.words += r.words
        total.docs += r.docs
        total.outputs.update(r.outputs)
    return total


def write_errors(path: Path, corpora: dict[str, list[Document]], runs: dict[str, Run]) -> None:
    lines: list[str] = []
    for corpus, docs in corpora.items():
        for doc in docs:
            found = mismatches(doc.text, doc.gold, runs[corpus].outputs[doc.name])
            if found:
                lines.append(f"== {corpus}/{doc.name} (DCT {doc.dct.date()})")
                lines.extend(found)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    tmp.replace(path)


def print_value_differences(corpora: dict[str, list[Document]], runs: dict[str, Run]) -> None:
    """How the value mismatches of each corpus divide into notation, part-of-day
    convention and the rest, and the value F1 had notation variants counted equal."""
    for corpus, docs in corpora.items():
        kinds: Counter[str] = Counter()
        for doc in docs:
            kinds += value_differences(doc.gold, runs[corpus].outputs[doc.name])
        c = runs[corpus].counts
        notation = sum(n for kind, n in kinds.items() if kind.startswith("notation"))
        lenient = scores(Counts(c.gold, c.system, c.strict, c.relaxed, c.value + notation, c.type))
        print(f"{corpus}: {sum(kinds.values())} value mismatches: " + "; ".join(
            f"{kind} {n}" for kind, n in kinds.most_common()))
        print(f"{corpus}: value F1 {scores(c).value_f1:.4f}; with notation variants counted "
              f"equal {lenient.value_f1:.4f} (a diagnostic, not the TempEval-3 measure)")


def evaluate(
    name: str, system: System, corpora: dict[str, list[Document]], memory: bool
) -> dict[str, Run]:
    everything = [doc for docs in corpora.values() for doc in docs]
    peak = traced_peak(system, everything) if memory else None  # also the warm-up pass
    if not memory and everything:
        system(everything[0].text, everything[0].dct)  # warm-up: imports, tables, caches
    runs = {corpus: run(system, docs) for corpus, docs in corpora.items()}
    for corpus, r in runs.items():
        print(row(name, corpus, r))
    print(row(name, "overall", combine(runs.values())))
    if peak is not None:
        print(f"{name}: tracemalloc peak {peak / 2**20:.1f} MB; "
              f"process max RSS so far {max_rss_mb():.1f} MB")
    else:
        print(f"{name}: process max RSS so far {max_rss_mb():.1f} MB")
    return runs


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="*", type=Path, metavar="DIR",
                        help="TimeML directories (default: TempEval-3 train timebank, aquaint)")
    parser.add_argument("--limit", type=int, default=None, metavar="N",
                        help="only the first N documents of each directory")
    parser.add_argument("--errors", type=Path, default=None, metavar="FILE",
                        help="write per-document mismatches of our resolver to FILE")
    parser.add_argument("--no-baseline", action="store_true", help="skip dateparser")
    parser.add_argument("--value-differences", action="store_true",
                        help="break our value mismatches down into notation variants, the "
                        "part-of-day convention and the rest")
    parser.add_argument("--system-dir", type=Path, default=None, metavar="DIR",
                        help="instead of running anything, score the tagged TimeML files in "
                        "DIR (same file names as the gold documents)")
    args = parser.parse_args(argv)

    from timeline.corpus import CorpusError

    dirs = args.dirs or list(DEFAULT_DIRS)
    try:
        corpora = {d.name: load(d, args.limit) for d in dirs}
    except CorpusError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for d in dirs:
        if not corpora[d.name]:
            print(f"error: {d}: no .tml files", file=sys.stderr)
            return 1
    if args.system_dir:
        try:
            runs = {corpus: score_annotated(args.system_dir, docs)
                    for corpus, docs in corpora.items()}
        except CorpusError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        print(HEADER)
        for corpus, r in runs.items():
            print(row("annotated", corpus, r))
        print(row("annotated", "overall", combine(runs.values())))
        if args.errors:
            write_errors(args.errors, corpora, runs)
        return 0
    print(f"TempEval-3 Task A, {pin_to_one_core()}; start RSS {max_rss_mb():.1f} MB")
    print(HEADER, flush=True)
    runs = evaluate("timeline", ours, corpora, memory=True)
    if args.errors:
        write_errors(args.errors, corpora, runs)
        print(f"mismatches written to {args.errors}")
    if args.value_differences:
        print_value_differences(corpora, runs)
    if not args.no_baseline:
        evaluate("dateparser", dateparser_baseline, corpora, memory=False)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
