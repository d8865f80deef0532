"""Exports: TimelineJS structure, iCalendar read back by the `icalendar` package (RFC 5545
line rules checked on the bytes), CSV read back by the csv module, and the CLI."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, timedelta

import icalendar
import pytest
from site_factory import article, demo, event, mention, order

from timeline.cli import main
from timeline.model import ResolvedArticle, Timeline
from timeline.site import exports
from timeline.timeline import dumps
from timeline.values import day


def test_json_export_is_the_contract() -> None:
    assert exports.render(demo(), "json") == dumps(demo())


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown export format"):
        exports.render(demo(), "xml")


# --- TimelineJS -------------------------------------------------------------------------


def test_timelinejs_structure() -> None:
    data = json.loads(exports.render(demo(), "timelinejs"))
    assert data["title"]["text"]["headline"] == "Demo story"
    slides = {s["unique_id"]: s for s in data["events"]}
    assert list(slides) == [e.id for e in demo().events]
    assert slides["call"]["start_date"] == {"year": "2025", "month": "10", "day": "15"}
    assert "end_date" not in slides["call"]
    assert slides["improved"]["start_date"] == {"year": "2025", "month": "2"}
    assert slides["invasion"]["start_date"] == {"year": "2022"}
    assert slides["stalled"]["start_date"] == {"year": "2025", "month": "10", "day": "6"}
    assert slides["stalled"]["end_date"] == {"year": "2025", "month": "10", "day": "12"}
    assert slides["stalled"]["display_date"] == "Week of 6 October 2025"
    assert slides["meeting"]["group"] == "scheduled"
    for slide in data["events"]:
        assert set(slide["text"]) == {"headline", "text"}
        assert "javascript:" not in slide["text"]["text"]
    assert 'href="https://example.org/a"' in slides["call"]["text"]["text"]


def test_timelinejs_escapes_html() -> None:
    a = article("h", "On Monday <img src=x onerror=alert(1)> met.", title="<script>t</script>")
    m = mention(a, "Monday", day(date(2025, 10, 13)), summary="<img src=x onerror=alert(1)>")
    t = Timeline("<b>x</b>", (ResolvedArticle(a, (m.timex,)),), order([event("h", m)]))
    text = exports.render(t, "timelinejs")
    assert "<img" not in text and "<script" not in text and "<b>" not in text


# --- iCalendar --------------------------------------------------------------------------


def _calendar(t: Timeline) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(exports.render(t, "ics"))


def test_ics_has_all_day_events_for_day_entries_only() -> None:
    cal = _calendar(demo())
    events = list(cal.walk("VEVENT"))
    assert len(events) == 2  # call and meeting; week, month and year entries are not days
    call = next(e for e in events if str(e["SUMMARY"]).startswith("Trump spoke"))
    assert call.decoded("DTSTART") == date(2025, 10, 15)
    assert call.decoded("DTEND") == date(2025, 10, 16)
    assert call["DTSTART"].params["VALUE"] == "DATE"
    assert str(call["STATUS"]) == "CONFIRMED"
    assert str(call["URL"]) == "https://example.org/a"
    meeting = next(e for e in events if str(e["SUMMARY"]).startswith("He will"))
    assert str(meeting["STATUS"]) == "TENTATIVE"
    assert len({str(e["UID"]) for e in events}) == 2
    assert str(cal["VERSION"]) == "2.0" and "PRODID" in cal


def test_ics_line_rules_and_determinism() -> None:
    text = exports.render(demo(), "ics")
    raw = text.encode("utf-8")
    assert raw.endswith(b"\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b"")
    for line in raw.split(b"\r\n"):
        assert len(line) <= 75
    assert "DTSTAMP:20251017T000000Z" in text  # from the sources' publish date, not the clock
    assert exports.render(demo(), "ics") == text


def test_ics_text_escaping_and_folding_round_trip() -> None:
    summary = "Talks, again; in Genève\\Ж — " + "ünïcode " * 20 + "\nsecond line"
    a = article("x", "Leaders met on Monday.", title="X")
    m = mention(a, "Monday", day(date(2025, 10, 13)), summary=summary)
    t = Timeline("T", (ResolvedArticle(a, (m.timex,)),), order([event("x", m)]))
    (vevent,) = _calendar(t).walk("VEVENT")
    assert str(vevent["SUMMARY"]) == " ".join(summary.split())
    for line in exports.render(t, "ics").split("\r\n"):
        assert len(line.encode("utf-8")) <= 75
        line.encode("utf-8").decode("utf-8")  # never split inside a character


def test_fold_never_splits_a_character() -> None:
    line = "SUMMARY:" + "€" * 60
    folded = exports.fold(line)
    parts = folded.split("\r\n ")
    assert "".join(parts) == line
    assert all(len(p.encode("utf-8")) <= 75 for p in parts)
    assert exports.ics_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"


# --- CSV --------------------------------------------------------------------------------


def test_csv_round_trip() -> None:
    rows = list(csv.DictReader(io.StringIO(exports.render(demo(), "csv"), newline="")))
    assert [r["id"] for r in rows] == [e.id for e in demo().events]
    call = next(r for r in rows if r["id"] == "call")
    assert call["start"] == call["end"] == "2025-10-15"
    assert call["sources"] == "outlet-a-story | outlet-b-story"
    assert call["outlets"] == "Outlet A | Outlet B"
    assert call["conflicts"] == "2025-10-16: outlet-b-story"
    stalled = next(r for r in rows if r["id"] == "stalled")
    assert (stalled["start"], stalled["end"]) == ("2025-10-06", "2025-10-12")


def test_csv_guards_against_formulas() -> None:
    a = article("f", "On Monday =HYPERLINK(1) happened.", title="F")
    m = mention(a, "Monday", day(date(2025, 10, 13)), summary='=HYPERLINK("http://x","y")')
    t = Timeline("T", (ResolvedArticle(a, (m.timex,)),), order([event("f", m)]))
    (row,) = csv.DictReader(io.StringIO(exports.render(t, "csv"), newline=""))
    assert row["summary"].startswith("'=")


# --- the command ------------------------------------------------------------------------


def test_cli_export_writes_each_format(make_corpus, tmp_path, capsys) -> None:
    make_corpus.article("council", "The council met on Monday.\n", published="2025-10-17",
                        source="Gazette", url="https://example.org/c")
    corpus = str(make_corpus.root)
    out = tmp_path / "out.ics"
    assert main(["export", "--corpus", corpus, "--format", "ics", "-o", str(out)]) == 0
    cal = icalendar.Calendar.from_ical(out.read_bytes())
    days = [e.decoded("DTSTART") for e in cal.walk("VEVENT")]
    assert days == [date(2025, 10, 13)]
    assert days[0] + timedelta(days=1) == cal.walk("VEVENT")[0].decoded("DTEND")
    capsys.readouterr()
    assert main(["export", "--corpus", corpus, "--format", "csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0][:3] == ["id", "date", "start"] and rows[1][1] == "2025-10-13"
    assert main(["export", "--corpus", corpus, "--format", "timelinejs"]) == 0
    assert json.loads(capsys.readouterr().out)["events"][0]["start_date"]["day"] == "13"


@pytest.mark.parametrize("when", [date(1, 1, 1), date(9, 3, 4), date(9999, 12, 31)])
def test_every_export_at_the_ends_of_the_calendar(when: date) -> None:
    """An entry on the first or last day Python's calendar has: no OverflowError for the
    day after it, and four-digit years (strftime writes year 1 as '1')."""
    a = article("end", "The council met on Monday.", published=when)
    m = mention(a, "Monday", day(when))
    t = Timeline("T", (ResolvedArticle(a, (m.timex,)),), order([event("end", m)]))
    for kind in exports.FORMATS:
        assert exports.render(t, kind)
    (vevent,) = _calendar(t).walk("VEVENT")
    assert vevent.decoded("DTSTART") == when
    assert f"DTSTART;VALUE=DATE:{when.year:04d}{when.month:02d}{when.day:02d}" in exports.render(
        t, "ics")


def test_the_pipeline_and_every_export_at_the_ends_of_the_pipelines_calendar() -> None:
    """Articles published on the first and last day the loader accepts, with phrases that
    reach past them, and undated articles naming those days: resolution, publish-date
    inference, merging and every export run without an OverflowError."""
    from timeline.config import FIRST_DAY, LAST_DAY
    from timeline.pipeline import build_timeline

    bodies = ["The council met yesterday and will meet tomorrow, next week and next year.",
              "The council met on Friday. It met again a week later and 9999 years later.",
              f"The council met on {LAST_DAY.isoformat()}. It met on {FIRST_DAY.isoformat()}."]
    articles = [article(f"a{i}-{j}", body, published=published)
                for i, published in enumerate([FIRST_DAY, LAST_DAY, None])
                for j, body in enumerate(bodies)]
    timeline = build_timeline(articles, "Ends")
    for kind in exports.FORMATS:
        assert exports.render(timeline, kind)
    assert _calendar(timeline).walk("VEVENT")
