"""Phrase-table benchmark: how the date resolver does on a table of marked sentences.

`python bench/phrases.py [TABLE.yaml] [--no-failures]` (default: the held-out modern news
table bench/data/phrases_modern_en.yaml; tests/data/phrases_en.yaml works too) runs
`timeline.dates.resolve` on every sentence and prints, per group and overall:

- found:  the bracketed extent overlaps a system timex (relaxed recognition);
- extent: that timex has exactly the bracketed extent;
- value / type / mod: the overlapping timex's TIMEX3 value (`value.timex`), type and mod
  equal the table's (a missed phrase counts as wrong: rates are over all cases);
- extra:  cases whose sentence also gives a timex outside the bracket, beyond the
  `others` the group allows (ranges, "the day before" hanging on a named day);
- false positives: `nothing` sentences that give any timex.

The overall row is also given without the groups whose note starts with "contested" (a
convention TimeML annotators genuinely differ on).

Then every failing case with what was expected and what came back, with the rule and cue
that fired. It is a measurement, not a test: it exits 0 whatever the figures (1 only
when the table itself cannot be read).

The loader (`load_table`, `unmark`) reads the format of tests/data/phrases_en.yaml plus two
optional group keys, `note` and `others`, and `name`/`note` on `nothing` blocks.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_TABLE = ROOT / "bench" / "data" / "phrases_modern_en.yaml"
_MARKED = re.compile(r"^([^\[\]]*)\[([^\[\]]+)\]([^\[\]]*)$")

Resolve = Callable[[str, date, str], list[Any]]

# --- the table ------------------------------------------------------------------------


def unmark(sentence: str) -> tuple[str, int, int]:
    """The sentence without brackets, and the start/end of the bracketed extent."""
    match = _MARKED.match(sentence)
    if match is None:
        raise ValueError(f"sentence needs exactly one [extent]: {sentence!r}")
    before, phrase, _ = match.groups()
    text = sentence.replace("[", "").replace("]", "")
    return text, len(before), len(before) + len(phrase)


@dataclass(frozen=True)
class Case:
    """One marked sentence and the timex the table expects for its bracketed extent."""

    group: str
    anchor: date
    text: str
    start: int
    end: int
    value: str
    type: str
    mod: str | None = None
    others: int = 0
    note: str = ""

    @property
    def phrase(self) -> str:
        return self.text[self.start:self.end]


@dataclass(frozen=True)
class Nothing:
    """A sentence that must yield no timex."""

    group: str
    anchor: date
    text: str
    note: str = ""


@dataclass(frozen=True)
class Table:
    cases: list[Case]
    nothing: list[Nothing]


def load_table(path: Path) -> Table:
    """Read a phrase table; a malformed one raises ValueError naming the group."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    cases = [case for group in raw["groups"] for case in _group_cases(group)]
    nothing = [
        Nothing(block.get("name", "nothing"), date.fromisoformat(block["anchor"]), text,
                block.get("note", ""))
        for block in raw.get("nothing", [])
        for text in block["sentences"]
    ]
    return Table(cases, nothing)


def _group_cases(group: dict[str, Any]) -> list[Case]:
    try:
        anchor = date.fromisoformat(group["anchor"])
        return [
            Case(group["name"], anchor, *unmark(sentence), value=str(group["value"]),
                 type=group["type"], mod=group.get("mod"), others=group.get("others", 0),
                 note=" ".join(str(group.get("note", "")).split()))
            for sentence in group["sentences"]
        ]
    except (KeyError, ValueError) as error:
        raise ValueError(f"group {group.get('name')!r}: {error}") from error


# --- scoring --------------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    """What the resolver gave for one case: the timex over the bracket and the others."""

    case: Case
    got: Any | None  # the Timex overlapping the bracket most, if any
    extra: tuple[Any, ...]  # timexes outside the bracket beyond the allowed `others`

    @property
    def found(self) -> bool:
        return self.got is not None

    @property
    def extent(self) -> bool:
        return self.found and (self.got.start, self.got.end) == (self.case.start, self.case.end)

    @property
    def value(self) -> bool:
        return self.found and self.got.value.timex == self.case.value

    @property
    def type(self) -> bool:
        return self.found and self.got.type == self.case.type

    @property
    def mod(self) -> bool:
        return self.found and self.got.mod == self.case.mod

    @property
    def ok(self) -> bool:
        return self.extent and self.value and self.type and self.mod and not self.extra


def _overlap(timex: Any, case: Case) -> int:
    return min(timex.end, case.end) - max(timex.start, case.start)


def judge(case: Case, timexes: list[Any]) -> Outcome:
    overlapping = [t for t in timexes if _overlap(t, case) > 0]
    got = max(overlapping, key=lambda t: _overlap(t, case), default=None)
    outside = [t for t in timexes if t not in overlapping]
    return Outcome(case, got, tuple(outside) if len(outside) > case.others else ())


@dataclass
class Tally:
    """Counts for a set of cases."""

    cases: int = 0
    found: int = 0
    extent: int = 0
    value: int = 0
    type: int = 0
    mod: int = 0
    extra: int = 0

    def add(self, outcome: Outcome) -> None:
        self.cases += 1
        for name in ("found", "extent", "value", "type", "mod"):
            setattr(self, name, getattr(self, name) + int(getattr(outcome, name)))
        self.extra += int(bool(outcome.extra))

    def row(self, label: str) -> str:
        rates = [self._rate(getattr(self, n)) for n in ("found", "extent", "value", "type", "mod")]
        return f"{label[:58]:<58} {self.cases:>4} " + " ".join(rates) + f" {self.extra:>5}"

    def _rate(self, count: int) -> str:
        return f"{count / self.cases:>6.3f}" if self.cases else "     -"


@dataclass
class Report:
    outcomes: list[Outcome] = field(default_factory=list)
    false_positives: list[tuple[Nothing, list[Any]]] = field(default_factory=list)
    nothing: int = 0


def run(table: Table, resolve: Resolve) -> Report:
    report = Report(nothing=len(table.nothing))
    for case in table.cases:
        report.outcomes.append(judge(case, resolve(case.text, case.anchor, "en")))
    for item in table.nothing:
        found = resolve(item.text, item.anchor, "en")
        if found:
            report.false_positives.append((item, found))
    return report


# --- printing -------------------------------------------------------------------------

HEADER = f"{'group':<58} {'n':>4}  found extent  value   type    mod {'extra':>5}"


def tallies(outcomes: Iterable[Outcome], key: Callable[[Outcome], str]) -> dict[str, Tally]:
    by_key: dict[str, Tally] = {}
    for outcome in outcomes:
        by_key.setdefault(key(outcome), Tally()).add(outcome)
    return by_key


def summary_lines(report: Report) -> list[str]:
    overall = Tally()
    for outcome in report.outcomes:
        overall.add(outcome)
    lines = [HEADER]
    lines += [t.row(g) for g, t in tallies(report.outcomes, lambda o: o.case.group).items()]
    lines += ["", HEADER.replace("group", "by expected type")]
    lines += [t.row(k) for k, t in sorted(tallies(report.outcomes, lambda o: o.case.type).items())]
    settled = Tally()
    for outcome in report.outcomes:
        if not outcome.case.note.startswith("contested"):
            settled.add(outcome)
    found = sum(o.found for o in report.outcomes)
    value_found = sum(o.value for o in report.outcomes)
    lines += [
        "", overall.row("OVERALL"), settled.row("OVERALL without groups noted as contested"),
        f"value accuracy on found phrases: {value_found}/{found}"
        f" = {value_found / max(found, 1):.3f}",
        f"cases fully right (extent, value, type, mod, no extra): "
        f"{sum(o.ok for o in report.outcomes)}/{len(report.outcomes)}",
        f"false positives: {len(report.false_positives)}/{report.nothing}"
        " must-yield-nothing sentences gave a timex",
    ]
    return lines


def _describe(timex: Any) -> str:
    mod = f" mod={timex.mod}" if timex.mod else ""
    cue = f" cue={timex.cue!r}" if timex.cue else ""
    return (f"[{timex.text}] {timex.value.timex} {timex.type}{mod}"
            f"  (rule {timex.rule or '?'}{cue})")


def failure_lines(report: Report) -> list[str]:
    lines = ["FAILURES (expected vs got)"]
    for outcome in report.outcomes:
        if outcome.ok:
            continue
        case = outcome.case
        mod = f" mod={case.mod}" if case.mod else ""
        lines += [
            f"- {case.anchor} {case.text}",
            f"    group:    {case.group}" + (f"  [note: {case.note}]" if case.note else ""),
            f"    expected: [{case.phrase}] {case.value} {case.type}{mod}",
            f"    got:      {_describe(outcome.got) if outcome.got else 'nothing'}",
        ]
        lines += [f"    extra:    {_describe(t)}" for t in outcome.extra]
    lines += ["", "FALSE POSITIVES (must yield nothing)"]
    for item, found in report.false_positives:
        lines += [f"- {item.anchor} {item.text}  ({item.group})"]
        lines += [f"    got:      {_describe(t)}" for t in found]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("table", nargs="?", type=Path, default=DEFAULT_TABLE)
    parser.add_argument("--no-failures", action="store_true", help="print the figures only")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from timeline.timeml import resolver

    try:
        table = load_table(args.table)
    except (OSError, ValueError, KeyError, TypeError, yaml.YAMLError) as error:
        print(f"{args.table}: cannot read the phrase table: {error}", file=sys.stderr)
        return 1
    report = run(table, resolver())
    print(f"phrase table: {args.table}")
    print("\n".join(summary_lines(report)))
    if not args.no_failures:
        print()
        print("\n".join(failure_lines(report)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
