"""TimeML in and out: gold reading, byte-identical round trips, the command, bad input."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from timeline.cli import main
from timeline.corpus import CorpusError
from timeline.model import Timex
from timeline.timeml import annotate, parse_timeml, read_timeml, strip_text
from timeline.values import Unanchored

TRAIN = Path(__file__).resolve().parents[2] / "shared/data/tempeval3/train"
SAMPLES = [
    "timebank/ABC19980108.1830.0711.tml",
    "timebank/wsj_0006.tml",
    "timebank/APW19980227.0468.tml",
    "aquaint/APW19980807.0261.tml",
    "aquaint/NYT20000601.0442.tml",  # holds &amp; entities inside TEXT
    "aquaint/NYT20000106.0007.tml",
]

needs_data = pytest.mark.skipif(not TRAIN.is_dir(), reason="TempEval-3 train data not present")


def sample_paths() -> list[Path]:
    return [TRAIN / name for name in SAMPLES if (TRAIN / name).exists()]


def as_timexes(doc) -> list[Timex]:
    return [
        Timex(g.text, g.start, g.end, g.type, Unanchored(g.value), g.mod) for g in doc.gold
    ]


SMALL = """<?xml version="1.0" ?>
<TimeML>
<DOCID>X1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2025-10-17" functionInDocument="CREATION_TIME">20251017</TIMEX3></DCT>
<TEXT>
Smith &amp; Sons <EVENT eid="e1">said</EVENT> <TIMEX3 tid="t5" type="DATE" value="2025-10-12">Sunday</TIMEX3> that profits &lt;fell&gt; in <TIMEX3 tid="t6" type="DATE" value="2025-Q3" mod="END">late third quarter</TIMEX3>.
</TEXT>
<TLINK lid="l1" timeID="t5" relatedToTime="t0"/>
</TimeML>
"""  # noqa: E501


# --- reading ---------------------------------------------------------------------------


def test_reads_dct_and_gold_with_offsets_into_the_decoded_text() -> None:
    doc = parse_timeml(SMALL)
    assert doc.dct == date(2025, 10, 17)
    assert doc.dct_value == "2025-10-17"
    assert doc.text == "\nSmith & Sons said Sunday that profits <fell> in late third quarter.\n"
    assert doc.raw == (
        "\nSmith &amp; Sons said Sunday that profits &lt;fell&gt; in late third quarter.\n"
    )
    sunday, quarter = doc.gold
    assert (doc.text[sunday.start : sunday.end], sunday.type, sunday.value) == (
        "Sunday", "DATE", "2025-10-12")
    assert sunday.mod is None and sunday.tid == "t5"
    assert (quarter.text, quarter.value, quarter.mod) == ("late third quarter", "2025-Q3", "END")
    assert doc.text[quarter.start : quarter.end] == quarter.text


def test_offset_map_points_every_decoded_character_at_its_raw_form() -> None:
    doc = parse_timeml(SMALL)
    assert len(doc.raw_offsets) == len(doc.text) + 1
    assert doc.raw_offsets[-1] == len(doc.raw)
    amp = doc.text.index("&")
    assert doc.raw[doc.raw_offsets[amp] :].startswith("&amp;")
    assert doc.raw[doc.raw_offsets[amp + 1]] == " "


@needs_data
def test_gold_counts_over_the_train_set_match_the_published_figures() -> None:
    types: dict[str, int] = {}
    for path in sorted(TRAIN.glob("*/*.tml")):
        doc = read_timeml(path)
        for g in doc.gold:
            assert doc.text[g.start : g.end] == g.text
            types[g.type] = types.get(g.type, 0) + 1
    assert types == {"DATE": 1505, "DURATION": 257, "TIME": 30, "SET": 30}


# --- writing ---------------------------------------------------------------------------


def test_output_keeps_stripped_text_and_outside_of_text_byte_identical() -> None:
    doc = parse_timeml(SMALL)
    start = doc.text.index("Sunday")
    timex = Timex("Sunday", start, start + 6, "DATE", Unanchored("2025-10-12"))
    out = annotate(doc, [timex])
    assert strip_text(out) == strip_text(SMALL)
    assert out[: doc.text_start] == SMALL[: doc.text_start]
    assert out.endswith(SMALL[doc.text_end :])
    # Old annotations are gone, ours is in.
    assert "<EVENT" not in out and 'tid="t5"' not in out
    assert '<TIMEX3 tid="t1" type="DATE" value="2025-10-12">Sunday</TIMEX3>' in out


def test_tags_never_split_an_entity_and_attributes_are_escaped() -> None:
    doc = parse_timeml(SMALL)
    start = doc.text.index("& Sons")
    odd = Timex("& Sons", start, start + 6, "DATE", Unanchored('a"<b>&c'), mod="x&y")
    out = annotate(doc, [odd])
    assert '<TIMEX3 tid="t1" type="DATE" value="a&quot;&lt;b&gt;&amp;c" mod="x&amp;y">' \
        '&amp; Sons</TIMEX3>' in out
    again = parse_timeml(out)
    (g,) = again.gold
    assert (g.start, g.end, g.value, g.mod) == (start, start + 6, 'a"<b>&c', "x&y")


def test_overlapping_and_out_of_range_timexes_are_dropped_not_nested() -> None:
    doc = parse_timeml(SMALL)
    s = doc.text.index("late third quarter")
    whole = Timex("late third quarter", s, s + 18, "DATE", Unanchored("2025-Q3"), "END")
    part = Timex("third quarter", s + 5, s + 18, "DATE", Unanchored("2025-Q3"))
    beyond = Timex("x", len(doc.text), len(doc.text) + 1, "DATE", Unanchored("2025"))
    out = annotate(doc, [part, whole, beyond])
    assert len(parse_timeml(out).gold) == 1
    assert strip_text(out) == strip_text(SMALL)


def test_adjacent_timexes_close_before_the_next_opens() -> None:
    doc = parse_timeml(SMALL)
    s = doc.text.index("late third quarter")
    first = Timex("late", s, s + 4, "DATE", Unanchored("X"))
    second = Timex(" third", s + 4, s + 10, "DATE", Unanchored("Y"))
    out = annotate(doc, [second, first])
    assert "late</TIMEX3><TIMEX3" in out
    assert [g.text for g in parse_timeml(out).gold] == ["late", " third"]


def test_crlf_files_round_trip_byte_for_byte(tmp_path: Path) -> None:
    path = tmp_path / "crlf.tml"
    path.write_bytes(SMALL.replace("\n", "\r\n").encode("utf-8"))
    doc = read_timeml(path)
    assert "\r\n" in doc.text
    out = annotate(doc, as_timexes(doc))
    assert out.encode("utf-8").count(b"\r\n") == SMALL.count("\n")
    assert strip_text(out) == strip_text(path.read_bytes().decode("utf-8"))


@needs_data
@pytest.mark.parametrize("path", sample_paths(), ids=lambda p: p.name)
def test_train_files_round_trip_with_their_gold_timexes(path: Path) -> None:
    doc = read_timeml(path)
    out = annotate(doc, as_timexes(doc))
    source = path.read_bytes().decode("utf-8")
    assert strip_text(out).encode("utf-8") == strip_text(source).encode("utf-8")
    again = parse_timeml(out)
    assert [(g.start, g.end, g.type, g.value, g.mod) for g in again.gold] == [
        (g.start, g.end, g.type, g.value, g.mod) for g in doc.gold
    ]
    tids = re.findall(r'<TIMEX3 tid="(t\d+)"', out[doc.text_start :])
    assert len(tids) == len(set(tids)) == len(doc.gold)


@needs_data
def test_every_train_file_round_trips_when_nothing_is_found() -> None:
    for path in sorted(TRAIN.glob("*/*.tml")):
        doc = read_timeml(path)
        out = annotate(doc, [])
        assert strip_text(out) == strip_text(doc.source), path.name
        assert "<TIMEX3" not in out[doc.text_start : doc.text_start + len(doc.raw)]


# --- malformed input -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "message"),
    [
        (SMALL.replace("<TEXT>", "<BODY>").replace("</TEXT>", "</BODY>"), "no <TEXT>"),
        (re.sub(r"<DCT>.*?</DCT>", "", SMALL), "no <DCT>"),
        (SMALL.replace('value="2025-10-17"', 'value="soon"'), "DCT"),
        (SMALL.replace("</EVENT>", ""), "malformed XML"),
        ("", "malformed XML"),
    ],
    ids=["no-text", "no-dct", "bad-dct-value", "unclosed-tag", "empty"],
)
def test_malformed_input_names_the_file(tmp_path: Path, source: str, message: str) -> None:
    path = tmp_path / "bad.tml"
    path.write_text(source, encoding="utf-8")
    with pytest.raises(CorpusError) as caught:
        read_timeml(path)
    assert message in str(caught.value)
    assert str(path) in str(caught.value)


def test_bad_xml_error_carries_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.tml"
    path.write_text(SMALL.replace("</EVENT>", ""), encoding="utf-8")
    with pytest.raises(CorpusError) as caught:
        read_timeml(path)
    assert caught.value.line is not None and caught.value.line > 1


# --- the command -----------------------------------------------------------------------


def test_command_writes_each_file_under_its_name(tmp_path: Path, capsys) -> None:
    inputs = []
    for i, text in enumerate([SMALL, SMALL.replace("Sunday", "on Friday")]):
        path = tmp_path / "in" / f"doc{i}.tml"
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        inputs.append(path)
    out_dir = tmp_path / "out"
    assert main(["timeml", *map(str, inputs), "--out", str(out_dir)]) == 0
    assert sorted(p.name for p in out_dir.iterdir()) == ["doc0.tml", "doc1.tml"]
    for path in inputs:
        written = (out_dir / path.name).read_text(encoding="utf-8")
        assert strip_text(written) == strip_text(path.read_text(encoding="utf-8"))
        assert "<EVENT" not in written
        parse_timeml(written)  # well-formed, and readable again
    assert str(out_dir / "doc0.tml") in capsys.readouterr().out


def naive_text(source: bytes) -> bytes:
    """TEXT with tags removed by a plain regex, independent of timeline.timeml."""
    inner = source.split(b"<TEXT>", 1)[1].split(b"</TEXT>", 1)[0]
    return re.sub(rb"<[^>]*>", b"", inner)


@needs_data
def test_command_on_train_files(tmp_path: Path) -> None:
    paths = sample_paths()
    assert main(["timeml", *map(str, paths), "--out", str(tmp_path)]) == 0
    for path in paths:
        written = (tmp_path / path.name).read_bytes()
        assert naive_text(written) == naive_text(path.read_bytes())
        outside = re.sub(rb"<TEXT>.*</TEXT>", b"", written, flags=re.DOTALL)
        assert outside == re.sub(rb"<TEXT>.*</TEXT>", b"", path.read_bytes(), flags=re.DOTALL)


def test_command_with_a_bad_file_writes_nothing_and_exits_1(tmp_path: Path, capsys) -> None:
    good = tmp_path / "good.tml"
    good.write_text(SMALL, encoding="utf-8")
    bad = tmp_path / "bad.tml"
    bad.write_text(SMALL.replace("<TEXT>", "<TEXTS>"), encoding="utf-8")
    out_dir = tmp_path / "out"
    assert main(["timeml", str(good), str(bad), "--out", str(out_dir)]) == 1
    err = capsys.readouterr().err
    assert "bad.tml" in err
    assert not out_dir.exists() or not any(out_dir.iterdir())


def test_command_with_a_missing_file_exits_1(tmp_path: Path, capsys) -> None:
    missing = tmp_path / "nope.tml"
    assert main(["timeml", str(missing), "--out", str(tmp_path / "out")]) == 1
    assert "nope.tml" in capsys.readouterr().err
