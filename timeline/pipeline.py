"""The whole pipeline, one way, stage after stage:

    articles ─▶ analyse (each article once) ─▶ story names ─▶ publish-date inference
             ─▶ anchor (dates and mentions) ─▶ merge ─▶ dates relative to happenings
             ─▶ announced happenings ─▶ ordered Timeline

`build_timeline(articles, title)` is a pure function of the articles: the same corpus
gives a byte-identical timeline.json and site. Analysing is the only per-article work
and the only costly one; `timeline_of` takes analyses made elsewhere (in a process
pool, on a cluster, or kept on disk from an earlier run).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from timeline.analysis import Analysis, analyse
from timeline.anchoring import Anchored, anchored, mentions_of
from timeline.dating import infer_publish_dates
from timeline.events import RelativeReference, relative_timex
from timeline.events.lexicon import lexicon
from timeline.merge import attach, by_kind, matches_event, merge_mentions, merge_upcoming
from timeline.model import Article, Event, Mention, ResolvedArticle, Timeline, Timex
from timeline.naming import named, story_names
from timeline.timeline import order_events
from timeline.values import Grain, Point


def build_timeline(articles: Sequence[Article], title: str = "Timeline") -> Timeline:
    """Pure function of the articles: same input, same Timeline."""
    return timeline_of([analyse(a) for a in articles], title)


def timeline_of(analyses: Sequence[Analysis], title: str = "Timeline") -> Timeline:
    """The Timeline of analysed articles (in corpus order), stage after stage."""
    named = name_actors(analyses)
    dated = infer_publish_dates(named)
    readings = anchor_all(dated)
    return merge_stage(readings, title)


def name_actors(analyses: Sequence[Analysis]) -> list[Analysis]:
    """The analyses with one name per actor across the story."""
    names = story_names(analyses)
    return [named(a, names) for a in analyses]


def anchor_all(analyses: Sequence[Analysis]) -> list[Anchored]:
    """Each article's dates and mentions, read from its (possibly inferred) publish day;
    with none, its relative dates stay unanchored."""
    return [anchored(a, a.article.published_day) for a in analyses]


def merge_stage(readings: list[Anchored], title: str = "Timeline") -> Timeline:
    """From the articles' mentions to the ordered Timeline: merge; date what is relative
    to a named happening (merging again only if any was); attach announced happenings to
    the dated entries that cover them and merge the rest."""
    events = merge_mentions(_dated(readings))
    # "a day before the meeting" dates itself by the happening it names
    relative = [with_relative_dates(r, events) for r in readings]
    if any(new is not old for new, old in zip(relative, readings, strict=True)):
        readings, events = relative, merge_mentions(_dated(relative))
    announced = [m for r in readings for m in r.extraction.upcoming]
    scheduled = by_kind([e for e in events if e.status == "scheduled"])
    fits = [_covered(m, scheduled) for m in announced]
    # an article that announces a dated happening without its date still reports it
    events = attach(events, [m for m, fit in zip(announced, fits, strict=True) if fit])
    announced = [m for m, fit in zip(announced, fits, strict=True) if not fit]
    context = [m for r in readings for m in r.extraction.context]
    return Timeline(
        title,
        tuple(ResolvedArticle(r.analysis.article, r.timexes) for r in readings),
        tuple(order_events(events)),
        undated=tuple(context + announced),
        upcoming=tuple(merge_upcoming(announced)),
    )


def _dated(readings: list[Anchored]) -> list[Mention]:
    return [m for r in readings for m in r.extraction.dated]


def _covered(m: Mention, scheduled: dict[str, list[Event]]) -> bool:
    """An announced happening that a dated scheduled entry (by kind) already covers
    (unless the sentence says outright that no date is set)."""
    lex = lexicon()
    if any(cue in m.sentence_text.lower() for cue in lex.undated_future_cues):
        return False
    return any(matches_event(m, e) for e in scheduled.get(m.happening or "", []))


def with_relative_dates(reading: Anchored, events: list[Event]) -> Anchored:
    """The reading with dates for phrases dated relative to a named happening, replacing
    whatever the resolver read into the same words (e.g. 'a day' as a duration)."""
    analysis = reading.analysis
    added: list[Timex] = []
    for ref in analysis.relative:
        target = _referenced_event(ref, analysis.article.id, events)
        if target is None or not isinstance(target.value, Point):
            continue
        timex = relative_timex(ref, target.value, target.id)
        if timex is not None:
            added.append(timex)
    if not added:
        return reading
    kept = [
        t for t in reading.timexes if not any(t.start < a.end and a.start < t.end for a in added)
    ]
    timexes = sorted(kept + added, key=lambda t: (t.start, t.end))
    extraction = mentions_of(analysis, timexes, reading.day)
    return Anchored(analysis, reading.day, tuple(timexes), extraction)


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
