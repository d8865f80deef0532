"""The Timeline and timeline.json: ordering by interval, upcoming and undated lists apart
from dated entries, validation against the shipped JSON Schema, byte-identical output."""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path

import jsonschema
import pytest

from timeline.anchoring import find_mentions
from timeline.merge import make_event
from timeline.model import Article, Timex
from timeline.pipeline import build_timeline
from timeline.timeline import dumps, order_events, schema, to_json
from timeline.values import day, month, week_of, year

STORY = [
    Article(
        "herald",
        Path("herald.md"),
        "Mayor meets union",
        "Mayor Jane Okafor met union leaders on Wednesday to end the port strike. "
        "The Springfield council will vote on the deal on Monday.\n\n"
        "In recent months, the union has grown frustrated with the mayor.\n\n"
        "Okafor and Governor Tim Walsh will meet in Boston; no date has been set.",
        source="Herald",
        url="https://example.org/herald",
        published=date(2024, 3, 8),
    ),
    Article(
        "courier",
        Path("courier.md"),
        "Strike talks",
        "Mayor Jane Okafor said Thursday that her meeting with union leaders on Wednesday "
        "went well. The Springfield council is scheduled to vote on the deal on Monday.\n\n"
        "The port strike began in January.",
        source="Courier",
    ),
]


@pytest.fixture(scope="module")
def doc() -> dict:
    return json.loads(dumps(build_timeline(STORY, "Strike")))


@pytest.fixture(scope="module")
def validator():
    shipped = schema()
    cls = jsonschema.validators.validator_for(shipped)
    cls.check_schema(shipped)
    return cls(shipped, format_checker=cls.FORMAT_CHECKER)


def _event(value, text: str = "The council voted on Wednesday."):
    body = text
    art = Article("x", Path("x.md"), "x", body, published=date(2024, 3, 8))
    phrase = "on Wednesday"
    start = body.index(phrase)
    (m,) = find_mentions(art, [Timex(phrase, start, start + len(phrase), "DATE", value)])
    return make_event([m])


def test_order_is_by_start_then_end_of_the_interval():
    d = _event(day(date(2024, 3, 4)))
    w = _event(week_of(date(2024, 3, 4)))
    m = _event(month(2024, 3))
    y = _event(year(2024))
    later = _event(day(date(2024, 3, 6)))
    ordered = order_events([later, d, w, m, y])
    assert [e.date for e in ordered] == ["2024", "2024-03", "2024-03-04", "2024-W10", "2024-03-06"]


def test_demo_like_story_validates_against_the_schema(doc, validator):
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(doc)]
    assert errors == []


def test_events_are_sorted_and_carry_the_contract_fields(doc):
    keys = [(e["start"], e["end"]) for e in doc["events"]]
    assert keys == sorted(keys)
    for e in doc["events"]:
        assert {
            "id",
            "date",
            "start",
            "end",
            "summary",
            "status",
            "sources",
            "mentions",
            "conflicts",
        } <= set(e)
        for m in e["mentions"]:
            assert {
                "article",
                "sentence",
                "phrase",
                "value",
                "start",
                "end",
                "trigger",
                "trigger_start",
                "trigger_end",
                "actors",
                "status",
            } <= set(m)


def test_offsets_point_into_the_bodies(doc):
    bodies = {a.id: a.body for a in STORY}
    for e in doc["events"]:
        for m in e["mentions"]:
            body = bodies[m["article"]]
            assert body[m["trigger_start"] : m["trigger_end"]] == m["trigger"]
            assert body[m["phrase_start"] : m["phrase_end"]] == m["phrase"]


def test_the_shared_happenings_are_single_entries_with_both_sources(doc):
    meeting = [e for e in doc["events"] if e["date"] == "2024-03-06"]
    vote = [e for e in doc["events"] if e["date"] == "2024-03-11"]
    assert len(meeting) == 1 and set(meeting[0]["sources"]) == {"herald", "courier"}
    assert len(vote) == 1 and set(vote[0]["sources"]) == {"herald", "courier"}
    assert vote[0]["status"] == "scheduled"


def test_inferred_publish_date_is_marked_with_evidence(doc):
    courier = next(a for a in doc["articles"] if a["id"] == "courier")
    assert courier["published"] == "2024-03-07" and courier["published_inferred"] is True
    assert courier["published_evidence"]
    herald = next(a for a in doc["articles"] if a["id"] == "herald")
    assert herald["published_inferred"] is False and herald["published_evidence"] == []


def test_context_and_upcoming_stay_out_of_the_dated_entries(doc):
    assert [u["summary"] for u in doc["upcoming"]] == [
        "Okafor and Governor Tim Walsh will meet in Boston; no date has been set."
    ]
    assert doc["upcoming"][0]["date"] == "FUTURE_REF"
    statuses = {m["status"] for m in doc["undated"]}
    assert "context" in statuses
    dated_sentences = {m["sentence"] for e in doc["events"] for m in e["mentions"]}
    assert not any("recent months" in s for s in dated_sentences)


def test_output_is_byte_identical_across_runs():
    assert dumps(build_timeline(STORY, "Strike")) == dumps(build_timeline(list(STORY), "Strike"))


@pytest.mark.parametrize(
    "breakage",
    [
        lambda d: d["events"][0].update(start="March"),
        lambda d: d["events"][0]["conflicts"].append({"value": "2024-03-05"}),
        lambda d: d["events"][0]["mentions"][0].pop("trigger"),
        lambda d: d["events"][0].update(status="rumoured"),
        lambda d: d["upcoming"][0].update(date="2024-03-08"),
        lambda d: d.pop("upcoming"),
    ],
)
def test_schema_rejects_broken_documents(doc, validator, breakage):
    broken = copy.deepcopy(doc)
    breakage(broken)
    assert list(validator.iter_errors(broken))


def test_to_json_and_dumps_agree(doc):
    timeline = build_timeline(STORY, "Strike")
    assert json.loads(dumps(timeline)) == json.loads(json.dumps(to_json(timeline)))


def test_output_does_not_depend_on_hash_seeds(tmp_path):
    """Set and dict iteration must never leak into the output: two interpreters with
    different hash seeds write the same bytes."""
    import os
    import subprocess
    import sys

    script = (
        "import sys; sys.path.insert(0, 'tests'); from test_timeline import STORY; "
        "from timeline.pipeline import build_timeline; from timeline.timeline import dumps; "
        "sys.stdout.write(dumps(build_timeline(STORY, 'Strike')))"
    )
    root = Path(__file__).resolve().parent.parent
    outputs = [
        subprocess.run(
            [sys.executable, "-c", script],
            cwd=root,
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            check=True,
        ).stdout
        for seed in ("1", "2")
    ]
    assert outputs[0] == outputs[1] and outputs[0]


def test_a_day_before_the_named_meeting_dates_the_call_from_the_meeting():
    """'Just a day before the meeting' resolves against the meeting's entry, not the
    publish date; with no such entry it stays unresolved."""
    articles = [
        Article(
            "a",
            Path("a.md"),
            "a",
            "Mayor Jane Okafor will meet Governor Tim Walsh at City Hall on Friday.",
            published=date(2024, 3, 5),  # a Tuesday
        ),
        Article(
            "b",
            Path("b.md"),
            "b",
            "Just a day before the meeting with Governor Tim Walsh, Okafor held a phone call "
            "with union leaders.",
            published=date(2024, 3, 6),
        ),
    ]
    timeline = build_timeline(articles)
    call = [e for e in timeline.events if "b" in e.sources]
    assert [e.date for e in call] == ["2024-03-07"]
    (m,) = call[0].mentions
    assert m.timex.rule == "event-relative" and m.timex.anchor == date(2024, 3, 8)
    alone = build_timeline(articles[1:])
    assert all("b" not in e.sources for e in alone.events)


def test_an_undated_announcement_of_a_dated_happening_cites_it():
    articles = [
        *STORY,
        Article(
            "bulletin",
            Path("bulletin.md"),
            "b",
            "The Springfield council will vote on the port deal proposed by Mayor Jane Okafor.",
        ),
    ]
    timeline = build_timeline(articles, "Strike")
    (vote,) = [e for e in timeline.events if e.date == "2024-03-11"]
    assert "bulletin" in vote.sources
    undated = [m for m in vote.mentions if m.article == "bulletin"]
    assert undated and undated[0].timex.interval() is None
    assert vote.date == "2024-03-11" and vote.conflicts == ()
