"""The whole pipeline: corpus → publish dates → dates → events → merged, ordered Timeline."""

from __future__ import annotations

from collections import Counter

from timeline.dates import resolve
from timeline.dating import infer_publish_dates
from timeline.events import RelativeReference, extract, relative_references, relative_timex
from timeline.events.lexicon import lexicon
from timeline.merge import (
    Likeness,
    attach,
    by_kind,
    canonical_actors,
    matches_event,
    merge_mentions,
    merge_upcoming,
)
from timeline.model import Article, Event, Extraction, Mention, ResolvedArticle, Timeline, Timex
from timeline.timeline import order_events
from timeline.values import Grain, Point


def build_timeline(articles: list[Article], title: str = "Timeline") -> Timeline:
    """Pure function of the articles: same input, same Timeline."""
    # the merges compare many of the mentions inference compared: one memory of pairs
    likeness = Likeness()
    dated = infer_publish_dates(articles, likeness)
    resolved = [resolve_article(a) for a in dated]
    return merge_stage(resolved, [extract_from(r) for r in resolved], title, likeness)


def merge_stage(
    resolved: list[ResolvedArticle],
    first: list[Extraction],
    title: str = "Timeline",
    likeness: Likeness | None = None,
) -> Timeline:
    """From each article's first extraction to the ordered Timeline: merge, date what is
    relative to a named happening, extract again, merge again. `likeness` remembers pair
    similarities (one is made here if none is given)."""
    # the second merge compares mostly the same mentions again: remember their pairs
    likeness = Likeness() if likeness is None else likeness
    events = merge_mentions([m for x in first for m in x.dated], likeness)
    # second pass: "a day before the meeting" dates itself by the happening it names
    resolved = [with_relative_dates(r, events) for r in resolved]
    extractions = [extract_from(r) for r in resolved]
    events = merge_mentions([m for x in extractions for m in x.dated], likeness)
    announced = [m for x in extractions for m in x.upcoming]
    scheduled = by_kind([e for e in events if e.status == "scheduled"])
    fits = [_covered(m, scheduled, likeness) for m in announced]
    covered = [m for m, fit in zip(announced, fits, strict=True) if fit]
    announced = [m for m, fit in zip(announced, fits, strict=True) if not fit]
    # an article that announces a dated happening without its date still reports it
    events = attach(events, covered, likeness)
    # context mentions are named in the same story-wide scope as the dated ones
    dated = [m for x in extractions for m in x.dated]
    context = canonical_actors(dated + [m for x in extractions for m in x.context])[len(dated) :]
    return Timeline(
        title,
        tuple(resolved),
        tuple(order_events(events)),
        undated=tuple(context + announced),
        upcoming=tuple(merge_upcoming(announced, likeness)),
    )


def _covered(m: Mention, scheduled: dict[str, list[Event]], likeness: Likeness) -> bool:
    """An announced happening that a dated scheduled entry (by kind) already covers
    (unless the sentence says outright that no date is set)."""
    if any(cue in m.sentence_text.lower() for cue in lexicon().undated_future_cues):
        return False
    fits = scheduled.get(m.happening or "", [])
    return any(matches_event(m, e, likeness=likeness) for e in fits)


def resolve_article(article: Article) -> ResolvedArticle:
    """Temporal expressions of one article, anchored to its (possibly inferred) publish day;
    with no publish day, relative expressions stay unanchored."""
    timexes = resolve(article.body, article.published_day, article.language)
    return ResolvedArticle(article, tuple(sorted(timexes, key=lambda t: (t.start, t.end))))


def extract_from(resolved: ResolvedArticle) -> Extraction:
    return extract(resolved.article, list(resolved.timexes))


def with_relative_dates(resolved: ResolvedArticle, events: list[Event]) -> ResolvedArticle:
    """Add timexes for phrases dated relative to a named happening, replacing whatever
    the resolver read into the same words (e.g. 'a day' as a duration)."""
    article = resolved.article
    added: list[Timex] = []
    for ref in relative_references(article):
        target = _referenced_event(ref, article.id, events)
        if target is None or not isinstance(target.value, Point):
            continue
        timex = relative_timex(ref, target.value, target.id)
        if timex is not None:
            added.append(timex)
    if not added:
        return resolved
    kept = [
        t for t in resolved.timexes if not any(t.start < a.end and a.start < t.end for a in added)
    ]
    timexes = sorted(kept + added, key=lambda t: (t.start, t.end))
    return ResolvedArticle(article, tuple(timexes))


def _referenced_event(ref: RelativeReference, article_id: str, events: list[Event]) -> Event | None:
    """The day-grain entry of the named kind that best fits: cited by the same article,
    sharing the actors named after the noun."""
    best: tuple[float, str] | None = None
    choice = None
    for e in events:
        if not isinstance(e.value, Point) or e.value.grain is not Grain.DAY:
            continue
        kinds = Counter(m.happening for m in e.mentions if m.happening)
        if not kinds or kinds.most_common(1)[0][0] not in ref.noun_classes:
            continue
        keys = {k for m in e.mentions for k in m.actor_keys}
        score = (1.0 if article_id in e.sources else 0.0) + len(keys & set(ref.actor_keys))
        if score <= 0:
            continue
        if best is None or (score, e.id) > best:
            best, choice = (score, e.id), e
    return choice
