"""The TempEval-3 Task A scorer in bench/tempeval.py on tiny hand-made cases."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.tempeval import (  # noqa: E402
    Counts,
    Span,
    _locate,
    count,
    load,
    match,
    score_annotated,
    scores,
    value_difference,
)
from timeline.model import Timex
from timeline.timeml import annotate, read_timeml  # noqa: E402
from timeline.values import Unanchored


def span(start: int, end: int, value: str = "2025-10-17", type_: str = "DATE") -> Span:
    return Span(start, end, type_, value)


def test_identical_extents_are_strict_and_relaxed_matches() -> None:
    c = count([span(0, 5)], [span(0, 5)])
    assert (c.gold, c.system, c.strict, c.relaxed, c.value, c.type) == (1, 1, 1, 1, 1, 1)
    s = scores(c)
    assert s.strict_f1 == s.relaxed_f1 == s.value_f1 == s.type_f1 == 1.0


def test_overlap_is_relaxed_but_not_strict() -> None:
    c = count([span(10, 20)], [span(15, 25)])
    assert (c.strict, c.relaxed) == (0, 1)
    s = scores(c)
    assert s.strict_f1 == 0.0
    assert s.relaxed_f1 == 1.0


def test_touching_extents_do_not_overlap() -> None:
    c = count([span(0, 5)], [span(5, 9)])
    assert c.relaxed == 0


def test_matching_is_one_to_one() -> None:
    # Two system timexes inside one gold timex: only one of them may match it.
    c = count([span(0, 20)], [span(0, 5), span(10, 20)])
    assert c.relaxed == 1
    s = scores(c)
    assert s.relaxed_p == pytest.approx(0.5)
    assert s.relaxed_r == pytest.approx(1.0)


def test_exact_extent_is_preferred_over_larger_overlap() -> None:
    gold = [span(0, 10), span(0, 4)]
    system = [span(0, 4)]
    pairs = match(gold, system)
    assert pairs == [(gold[1], system[0])]


def test_one_system_span_cannot_match_two_gold_spans() -> None:
    c = count([span(0, 4), span(5, 9)], [span(0, 9)])
    assert (c.relaxed, c.strict) == (1, 0)


def test_value_f1_is_relaxed_f1_times_value_accuracy() -> None:
    gold = [span(0, 5, "2025-10-17"), span(10, 15, "2025-W42"), span(20, 25, "P3D", "DURATION"),
            span(30, 35, "2025")]
    system = [span(0, 5, "2025-10-17"), span(11, 15, "2025-W41"), span(20, 25, "P3D", "DATE"),
              span(40, 45, "2024")]
    c = count(gold, system)
    assert c == Counts(gold=4, system=4, strict=2, relaxed=3, value=2, type=2)
    s = scores(c)
    assert s.relaxed_p == pytest.approx(3 / 4)
    assert s.relaxed_r == pytest.approx(3 / 4)
    assert s.relaxed_f1 == pytest.approx(0.75)
    assert s.strict_f1 == pytest.approx(0.5)
    assert s.value_accuracy == pytest.approx(2 / 3)
    assert s.value_f1 == pytest.approx(0.75 * 2 / 3)
    assert s.type_f1 == pytest.approx(0.75 * 2 / 3)


def test_micro_average_sums_counts_over_documents() -> None:
    doc1 = count([span(0, 5)], [span(0, 5)])  # perfect, 1 timex
    doc2 = count([span(0, 5), span(6, 9), span(10, 12)], [])  # 3 missed
    s = scores(doc1 + doc2)
    assert s.relaxed_p == 1.0
    assert s.relaxed_r == pytest.approx(1 / 4)  # not the macro mean (1 + 0) / 2
    assert s.relaxed_f1 == pytest.approx(2 * 1 * 0.25 / 1.25)


def test_empty_everything_scores_zero_without_dividing_by_zero() -> None:
    s = scores(count([], []))
    assert s.strict_f1 == s.relaxed_f1 == s.value_f1 == s.type_f1 == 0.0


def test_asymmetric_precision_and_recall() -> None:
    c = count([span(0, 3)], [span(0, 3), span(5, 8), span(10, 13)])
    s = scores(c)
    assert s.strict_p == pytest.approx(1 / 3)
    assert s.strict_r == 1.0
    assert s.strict_f1 == pytest.approx(0.5)


def test_baseline_matches_are_located_in_order() -> None:
    text = "On Monday they met; on Monday again."
    found = [("Monday", datetime(2025, 10, 13)), ("Monday", datetime(2025, 10, 20))]
    spans = _locate(text, found)
    located = [(s.start, s.end, s.value) for s in spans]
    assert located == [(3, 9, "2025-10-13"), (23, 29, "2025-10-20")]


DOC = """<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="2025-10-17">x</TIMEX3></DCT>
<TEXT>Shares fell <TIMEX3 tid="t1" type="DATE" value="2025-10-12">Sunday</TIMEX3> and \
<TIMEX3 tid="t2" type="DATE" value="2025-W41">last week</TIMEX3>.</TEXT>
</TimeML>
"""


def test_tagged_files_are_scored_against_gold(tmp_path: Path) -> None:
    gold_dir, system_dir = tmp_path / "gold", tmp_path / "system"
    gold_dir.mkdir()
    system_dir.mkdir()
    (gold_dir / "d.tml").write_text(DOC, encoding="utf-8")
    doc = read_timeml(gold_dir / "d.tml")
    start = doc.text.index("Sunday")
    # "Sunday" found with a wrong value; "last week" missed.
    wrong = Timex("Sunday", start, start + 6, "DATE", Unanchored("2025-10-19"))
    (system_dir / "d.tml").write_text(annotate(doc, [wrong]), encoding="utf-8")
    result = score_annotated(system_dir, load(gold_dir))
    assert result.counts == Counts(gold=2, system=1, strict=1, relaxed=1, value=0, type=1)


@pytest.mark.parametrize(
    ("gold", "system", "kind"),
    [
        ("1949-XX", "1949", "notation: year written with X months"),
        ("1994-XX-XX", "1994", "notation: year written with X months"),
        ("2000-W7", "2000-W07", "notation: week number unpadded"),
        ("198X", "198", "notation: decade written with X"),
        ("2000-01-07", "2000-01-07TNI", "part of day given as the day (TIME vs DATE convention)"),
        ("1949-XX", "1950", "other"),
        ("2000-W7", "2000-W08", "other"),
        ("2000-01-06", "2000-01-07TNI", "other"),
        ("2000-01-05", "2000-01-12", "the same weekday a week apart"),
        ("2000-01-05TEV", "2000-01-12TNI", "the same weekday a week apart"),
        ("2000-01", "2000-01-12", "other"),
        ("2000-W12", "2000-W012", "other"),
    ],
)
def test_value_differences_tell_notation_from_meaning(gold: str, system: str, kind: str) -> None:
    assert value_difference(gold, system) == kind
