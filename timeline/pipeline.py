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
from dataclasses import replace

from timeline.analysis import Analysis
from timeline.anchoring import Anchored, anchored, mentions_of
from timeline.dating import infer_publish_dates
from timeline.events import RelativeReference, relative_timex
from timeline.events.lexicon import lexicon
from timeline.executor import Executor, analyse_all
from timeline.merge import (
    Clustering,
    Mapper,
    attach,
    by_kind,
    events_of,
    matches_event,
    merge_upcoming,
)
from timeline.model import (
    Article,
    ArticleError,
    Event,
    Mention,
    ResolvedArticle,
    Timeline,
    Timex,
)
from timeline.naming import named, story_names
from timeline.progress import QUIET, Progress
from timeline.salience import ranked
from timeline.store import AnalysisStore
from timeline.timeline import order_events
from timeline.values import Grain, Point


def build_timeline(
    articles: Sequence[Article],
    title: str = "Timeline",
    executor: Executor | None = None,
    store: AnalysisStore | None = None,
    progress: Progress = QUIET,
) -> Timeline:
    """Pure function of the articles: same input, same Timeline, whatever runs the
    per-article work (`executor`) and whatever analyses a `store` keeps. An article that
    cannot be analysed is left out and listed in `Timeline.errors`."""
    analyses, errors = analyse_all(articles, executor, store, progress)
    return timeline_of(analyses, title, errors, progress, executor)


def timeline_of(
    analyses: Sequence[Analysis],
    title: str = "Timeline",
    errors: Sequence[ArticleError] = (),
    progress: Progress = QUIET,
    executor: Executor | None = None,
) -> Timeline:
    """The Timeline of analysed articles (in corpus order), stage after stage."""
    progress.start("naming actors")
    named = name_actors(analyses)
    progress.start("inferring publish dates")
    dated = infer_publish_dates(named, executor.story_map if executor is not None else None)
    progress.start("merging")
    readings = anchor_all(dated)
    mapper = executor.reduce_map if executor is not None else None
    timeline = ranked(merge_stage(readings, title, mapper))
    progress.finish()
    return replace(timeline, errors=tuple(errors))


def name_actors(analyses: Sequence[Analysis]) -> list[Analysis]:
    """The analyses with one name per actor across the story."""
    names = story_names(analyses)
    return [named(a, names) for a in analyses]


def anchor_all(analyses: Sequence[Analysis]) -> list[Anchored]:
    """Each article's dates and mentions, read from its (possibly inferred) publish day;
    with none, its relative dates stay unanchored."""
    return [anchored(a, a.article.published_day) for a in analyses]


def merge_stage(
    readings: list[Anchored], title: str = "Timeline", mapper: Mapper | None = None
) -> Timeline:
    """From the articles' mentions to the ordered Timeline: merge; date what is relative
    to a named happening (merging again only if any was); attach announced happenings to
    the dated entries that cover them and merge the rest."""
    clustering = Clustering(_dated(readings), mapper=mapper)
    events = events_of(clustering)
    # "a day before the meeting" dates itself by the happening it names; only what that
    # changes is merged again
    named = NamedHappenings(events)
    relative = [with_relative_dates(r, named) for r in readings]
    changed = [(old, new) for old, new in zip(readings, relative, strict=True) if new is not old]
    if changed:
        removed, added = _difference(changed)
        clustering = clustering.changed(removed, added)
        readings, events = relative, events_of(clustering)
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
    return [m for r in readings for m in r.extraction.dated if m.span is not None]


def _difference(changed: list[tuple[Anchored, Anchored]]) -> tuple[list[Mention], list[Mention]]:
    """The dated mentions the new readings no longer have, and those they add."""
    removed, added = [], []
    for old, new in changed:
        before, after = _dated([old]), _dated([new])
        removed += [m for m in before if m not in after]
        added += [m for m in after if m not in before]
    return removed, added


def _covered(m: Mention, scheduled: dict[str, list[Event]]) -> bool:
    """An announced happening that a dated scheduled entry (by kind) already covers
    (unless the sentence says outright that no date is set)."""
    lex = lexicon()
    if any(cue in m.sentence_text.lower() for cue in lex.undated_future_cues):
        return False
    return any(matches_event(m, e) for e in scheduled.get(m.happening or "", []))


def with_relative_dates(reading: Anchored, named: NamedHappenings) -> Anchored:
    """The reading with dates for phrases dated relative to a named happening, replacing
    whatever the resolver read into the same words (e.g. 'a day' as a duration)."""
    analysis = reading.analysis
    added: list[Timex] = []
    for ref in analysis.relative:
        target = named.referenced(ref, analysis.article.id)
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


class NamedHappenings:
    """The day-grain entries by the kind of happening most of their mentions name: what
    'the meeting' in 'a day before the meeting' may refer to."""

    def __init__(self, events: list[Event]):
        self.by_kind: dict[str, list[tuple[Event, frozenset[str]]]] = {}
        for e in events:
            if not isinstance(e.value, Point) or e.value.grain is not Grain.DAY:
                continue
            kinds = Counter(m.happening for m in e.mentions if m.happening)
            if kinds:
                keys = frozenset(k for m in e.mentions for k in m.actor_keys)
                self.by_kind.setdefault(kinds.most_common(1)[0][0], []).append((e, keys))

    def referenced(self, ref: RelativeReference, article_id: str) -> Event | None:
        """The entry of the named kind that best fits: cited by the same article, sharing
        the actors named after the noun."""
        best: tuple[float, str] | None = None
        choice = None
        wanted = set(ref.actor_keys)
        for kind in dict.fromkeys(ref.noun_classes):
            for e, keys in self.by_kind.get(kind, ()):
                score = (1.0 if article_id in e.sources else 0.0) + len(keys & wanted)
                if score > 0 and (best is None or (score, e.id) > best):
                    best, choice = (score, e.id), e
        return choice
