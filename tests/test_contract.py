"""timeline.json, the contract for everything downstream: it validates against the JSON
Schema shipped in the package, and its offsets and order mean what the schema says."""

from __future__ import annotations

import copy
import json

import jsonschema
import pytest

from timeline.corpus import load_corpus
from timeline.pipeline import build_timeline
from timeline.timeline import dumps, schema


@pytest.fixture(scope="module")
def demo(request) -> dict:
    root = request.config.rootpath
    text = dumps(build_timeline(load_corpus(root / "corpus"), "Demo"))
    return json.loads(text)


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    shipped = schema()
    cls = jsonschema.validators.validator_for(shipped)
    cls.check_schema(shipped)
    return cls(shipped, format_checker=cls.FORMAT_CHECKER)


def test_demo_timeline_validates_against_the_shipped_schema(demo, validator):
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(demo)]
    assert errors == []


@pytest.mark.parametrize(
    "breakage",
    [
        lambda d: d.pop("events"),
        lambda d: d.pop("articles"),
        lambda d: d["articles"][0].pop("id"),
        lambda d: d["articles"][0].update(published_inferred="no"),
        lambda d: d["events"][0].pop("date") if d["events"] else d.update(events=[{}]),
        lambda d: d["events"][0].update(sources="x") if d["events"] else d.update(events=[1]),
    ],
)
def test_schema_rejects_broken_documents(demo, validator, breakage):
    broken = copy.deepcopy(demo)
    breakage(broken)
    assert list(validator.iter_errors(broken))


def test_same_corpus_gives_identical_bytes(repo_root):
    articles = load_corpus(repo_root / "corpus")
    assert dumps(build_timeline(articles, "Demo")) == dumps(build_timeline(articles, "Demo"))


def test_timex_offsets_point_into_the_body(demo, repo_root):
    bodies = {a.id: a.body for a in load_corpus(repo_root / "corpus")}
    for article in demo["articles"]:
        body = bodies[article["id"]]
        for timex in article["timexes"]:
            assert body[timex["start"] : timex["end"]] == timex["text"]
            assert timex["text"] in timex["sentence"] and timex["sentence"] in body
            assert timex["type"] in ("DATE", "TIME", "DURATION", "SET")


def test_events_sorted_and_sourced(demo):
    events = demo["events"]
    spans = [(e["start"], e["end"]) for e in events]
    assert spans == sorted(spans)
    ids = {a["id"] for a in demo["articles"]}
    for event in events:
        assert event["start"] <= event["end"]
        assert set(event["sources"]) <= ids
        assert {m["article"] for m in event["mentions"]} == set(event["sources"])


def test_every_demo_article_contributes_dated_events(demo):
    """Done-when of issue 2: dated events from all five articles, each with its sentence."""
    sourced = {s for e in demo["events"] for s in e["sources"]}
    assert sourced == {a["id"] for a in demo["articles"]}
    for event in demo["events"]:
        assert event["date"] and all(m["sentence"] for m in event["mentions"])
