"""The whole pipeline: corpus → dates → events → merged, ordered Timeline."""

from __future__ import annotations

from timeline.corpus import Article
from timeline.dates import resolve
from timeline.dating import infer_publish_dates
from timeline.events import find_mentions
from timeline.merge import merge_mentions
from timeline.timeline import ResolvedArticle, Timeline, order_events


def build_timeline(articles: list[Article], title: str = "Timeline") -> Timeline:
    """Pure function of the articles: same input, same Timeline."""
    dated = infer_publish_dates(articles)
    resolved = [ResolvedArticle(a, tuple(resolve(a.body, a.published_day, a.language))) for a in dated]
    mentions = [m for r in resolved for m in find_mentions(r.article, list(r.timexes))]
    events = order_events(merge_mentions(mentions))
    return Timeline(title, tuple(resolved), tuple(events))
