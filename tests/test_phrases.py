"""The English phrase tables (tests/data/phrases_en.yaml): the specification the date
resolver must meet. Each sentence must give exactly one timex, spanning exactly the
bracketed text, with the table's value, type and mod; the `nothing` sentences none."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from timeline.timeml import resolver
from timeline.values import TIMEX_TYPES

TABLE_PATH = Path(__file__).parent / "data" / "phrases_en.yaml"
TABLE: dict[str, Any] = yaml.safe_load(TABLE_PATH.read_text(encoding="utf-8"))
MODS = {"START", "MID", "END", "APPROX", "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER",
        "MORE_THAN", "LESS_THAN", "EQUAL_OR_MORE", "EQUAL_OR_LESS"}
_MARKED = re.compile(r"^([^\[\]]*)\[([^\[\]]+)\]([^\[\]]*)$")


def unmark(sentence: str) -> tuple[str, int, int]:
    """The sentence without brackets, and the start/end of the bracketed extent."""
    match = _MARKED.match(sentence)
    if match is None:
        raise ValueError(f"sentence needs exactly one [extent]: {sentence!r}")
    before, phrase, _ = match.groups()
    text = sentence.replace("[", "").replace("]", "")
    return text, len(before), len(before) + len(phrase)


def phrase_cases() -> list[Any]:
    return [
        pytest.param(group, sentence, id=f"{group['anchor']} {sentence}")
        for group in TABLE["groups"]
        for sentence in group["sentences"]
    ]


def nothing_cases() -> list[Any]:
    return [
        pytest.param(date.fromisoformat(block["anchor"]), sentence, id=sentence)
        for block in TABLE["nothing"]
        for sentence in block["sentences"]
    ]


def found(text: str, anchor: date) -> list[tuple[str, int, int, str, str, str | None]]:
    return [
        (t.text, t.start, t.end, t.type, t.value.timex, t.mod)
        for t in resolver()(text, anchor, "en")
    ]


@pytest.mark.parametrize(("group", "sentence"), phrase_cases())
def test_phrase_resolves_to_one_full_span_value(group: dict[str, Any], sentence: str) -> None:
    text, start, end = unmark(sentence)
    anchor = date.fromisoformat(group["anchor"])
    expected = (text[start:end], start, end, group["type"], group["value"], group.get("mod"))
    assert found(text, anchor) == [expected]


@pytest.mark.parametrize(("anchor", "sentence"), nothing_cases())
def test_false_friends_yield_nothing(anchor: date, sentence: str) -> None:
    assert found(sentence, anchor) == []


# --- the table itself ----------------------------------------------------------------


def test_table_is_well_formed() -> None:
    assert set(TABLE) == {"groups", "nothing"}
    names = [group["name"] for group in TABLE["groups"]]
    assert len(names) == len(set(names)), "group names must be unique"
    for group in TABLE["groups"]:
        assert set(group) <= {"name", "anchor", "value", "type", "mod", "sentences"}, group
        date.fromisoformat(group["anchor"])
        assert isinstance(group["value"], str), group["name"]
        assert group["type"] in TIMEX_TYPES, group["name"]
        assert group.get("mod") is None or group["mod"] in MODS, group["name"]
        assert group["sentences"], group["name"]
        for sentence in group["sentences"]:
            unmark(sentence)
    for block in TABLE["nothing"]:
        date.fromisoformat(block["anchor"])
        for sentence in block["sentences"]:
            assert "[" not in sentence and "]" not in sentence


def test_table_is_large_and_covers_every_type() -> None:
    cases = phrase_cases()
    assert len(cases) >= 150
    assert {group["type"] for group in TABLE["groups"]} == set(TIMEX_TYPES)
    assert len({group["anchor"] for group in TABLE["groups"]}) >= 3
    assert len(nothing_cases()) >= 15


def test_unmark_finds_the_extent() -> None:
    assert unmark("Prices rose [last week].") == ("Prices rose last week.", 12, 21)
    with pytest.raises(ValueError):
        unmark("no brackets")
    with pytest.raises(ValueError):
        unmark("[two] [brackets]")
