"""Salience: how much each entry matters, from evidence a journalist would accept and
the site can show, and the key moments of the story.

Each feature is a count the reader can check (how many articles and outlets report
the entry, how many later articles refer back to it, how many articles date something
to its day, whether it is reported as done, whether it names the actors the story is
about), scaled to 0..1 over the story and weighed by `Tuning.salience_weights`, fitted
on the Timeline17 development stories (`bench/tls.py`). An entry that no source
reported within `Tuning.fresh_days` of its end is history told as background ('in 1984
...'): its salience counts little and it is never a key moment.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from dataclasses import replace
from datetime import date, timedelta

from timeline.config import TUNING
from timeline.model import Event, Timeline

_STATUS_WEIGHT = {"reported": 1.0, "ongoing": 0.5, "scheduled": 0.5, "context": 0.0}


def ranked(timeline: Timeline) -> Timeline:
    """The timeline with every entry's salience, rank, background and key-moment flag."""
    story = _Story(timeline)
    events = [
        replace(e, background=story.background(e), headline=e.headline or e.summary)
        for e in timeline.events
    ]
    scored = [(round(story.salience(e), 4), e) for e in events]
    order = sorted(scored, key=lambda se: (-se[0], se[1].interval, se[1].id))
    rank = {e.id: n for n, (_, e) in enumerate(order, 1)}
    keys = set(key_moment_ids([e for _, e in order], key_moment_count(len(order))))
    return replace(
        timeline,
        events=tuple(
            replace(e, salience=s, rank=rank[e.id], key_moment=e.id in keys) for s, e in scored
        ),
    )


def key_moment_count(entries: int) -> int:
    """The default number of key moments: grows with the square root of the story."""
    lo, hi = TUNING.key_moments_bounds
    return max(min(lo, entries), min(hi, round(TUNING.key_moments_per_sqrt * math.sqrt(entries))))


def key_moment_ids(order: list[Event], count: int) -> list[str]:
    """The first `count` entries (in salience order) that are neither background nor
    context."""
    return [e.id for e in order if e.status != "context" and not e.background][:count]


class _Story:
    """What the features are counted against: who published what when, and the most
    salient value of each feature in the story (to scale it)."""

    def __init__(self, timeline: Timeline):
        self.published: dict[str, date | None] = {}
        self.outlet: dict[str, str] = {}
        for r in timeline.articles:
            a = r.article
            self.published[a.id] = a.published_day
            self.outlet[a.id] = a.source or a.id
        self.day_articles: dict[date, set[str]] = {}
        for e in timeline.events:
            start, end = e.interval
            if start == end:
                self.day_articles.setdefault(start, set()).update(e.sources)
        naming: Counter[str] = Counter()
        for e in timeline.events:
            for key in {k for m in e.mentions for k in m.actor_keys}:
                naming[key] += len(e.sources)
        self.central = {k for k, _ in naming.most_common(5)}
        features = [self.features(e) for e in timeline.events]
        self.top = {
            name: max((f[name] for f in features), default=0.0) or 1.0
            for name, _ in TUNING.salience_weights
        }

    def features(self, e: Event) -> Mapping[str, float]:
        start, end = e.interval
        return {
            "articles": math.log1p(len(e.sources)),
            "outlets": math.log1p(len({self.outlet.get(a, a) for a in e.sources})),
            "later_references": math.log1p(
                sum(1 for a in e.sources if (p := self.published.get(a)) and p > end)
            ),
            "day_attention": math.log1p(len(self.day_articles.get(start, ())))
            if start == end
            else 0.0,
            "reported": _STATUS_WEIGHT.get(e.status, 0.0),
            "central_actors": float(
                bool(self.central & {k for m in e.mentions for k in m.actor_keys})
            ),
        }

    def salience(self, e: Event) -> float:
        f = self.features(e)
        total = sum(w * f[name] / self.top[name] for name, w in TUNING.salience_weights)
        weight = sum(w for _, w in TUNING.salience_weights) or 1.0
        value = total / weight
        return value * TUNING.background_factor if e.background else value

    def background(self, e: Event) -> bool:
        """No source published within `fresh_days` of the entry's end: history."""
        limit = e.interval[1] + timedelta(days=TUNING.fresh_days)
        return not any((p := self.published.get(a)) and p <= limit for a in e.sources)
