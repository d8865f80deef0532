"""The scale benchmark's synthetic corpus (bench/pipeline.py): deterministic, a smaller
corpus is a prefix of a larger one, mostly undated, spread over weeks, and loadable.
Behaviour only: nothing here times anything."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.pipeline import generate, run_stages, write_corpus  # noqa: E402
from timeline.corpus import load_corpus  # noqa: E402
from timeline.pipeline import build_timeline  # noqa: E402
from timeline.timeline import dumps  # noqa: E402


def test_the_corpus_is_deterministic_and_grows_by_appending():
    small, large = generate(6), generate(30)
    assert small == generate(6)
    assert large[:6] == small
    assert generate(6, seed=1) != small


def test_most_articles_are_undated_and_the_dated_span_weeks(tmp_path):
    write_corpus(tmp_path, generate(60, undated_share=0.8))
    articles = load_corpus(tmp_path)
    assert len(articles) == 60
    days = sorted(a.published_day for a in articles if a.published_day)
    assert 0 < len(days) < 30
    assert (days[-1] - days[0]).days >= 14  # 60 articles are three weekly episodes


def test_rewrites_vary_the_text_and_keep_it_readable(tmp_path):
    write_corpus(tmp_path, generate(12))
    bodies = [a.body for a in load_corpus(tmp_path)]
    assert len(set(bodies)) == len(bodies)
    assert all(b.strip() and "\n\n" in b for b in bodies)


def test_the_stages_compose_to_the_pipeline(tmp_path):
    """The benchmark times the same stages build_timeline runs, with the same result."""
    write_corpus(tmp_path, generate(8))
    seen: dict[str, object] = {}

    def measure(name, thunk):
        seen[name] = thunk()
        return seen[name]

    run_stages(tmp_path, measure)
    stages = ["load", "analysis", "names", "inference", "anchoring", "merge", "salience"]
    assert list(seen) == stages
    assert dumps(seen["salience"]) == dumps(build_timeline(load_corpus(tmp_path)))
