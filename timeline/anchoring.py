"""Anchoring an analysed article to a publish day: its dates resolved, and its clauses
turned into mentions. A cheap function of the analysis and the day: nothing is read
again, so publish-date inference may anchor one article to many candidate days."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace
from datetime import date

from timeline.analysis import Analysis, analysis_of
from timeline.dates.resolve import anchor_dates
from timeline.events.lexicon import Lexicon, lexicon
from timeline.model import Article, Extraction, Mention, Timex, status_of
from timeline.text import Sentence, sentence_at
from timeline.values import Duration, Reference, Unanchored


@dataclass(frozen=True)
class Anchored:
    """An article read from one publish day: its dates and its mentions."""

    analysis: Analysis
    day: date | None
    timexes: tuple[Timex, ...]
    extraction: Extraction


def anchored(analysis: Analysis, day: date | None) -> Anchored:
    """The article's dates and mentions as if published on `day` (None: only its
    explicit dates are dated)."""
    timexes = anchored_dates(analysis, day)
    return Anchored(analysis, day, tuple(timexes), mentions_of(analysis, timexes, day))


def extract(article: Article, timexes: list[Timex]) -> Extraction:
    """The mentions of an article whose dates are given (the event stage read alone)."""
    analysis = analysis_of(article, None, [(t.start, t.end) for t in timexes])
    return mentions_of(
        analysis, sorted(timexes, key=lambda t: (t.start, t.end)), article.published_day
    )


def find_mentions(article: Article, timexes: list[Timex]) -> list[Mention]:
    """The dated mentions of an article whose dates are given."""
    return list(extract(article, timexes).dated)


def anchored_dates(analysis: Analysis, day: date | None) -> list[Timex]:
    """The article's date expressions resolved against `day`, in text order."""
    article = analysis.article
    timexes = anchor_dates(article.body, analysis.dates, day, article.language)
    return sorted(timexes, key=lambda t: (t.start, t.end))


def mentions_of(analysis: Analysis, timexes: list[Timex], published: date | None) -> Extraction:
    """Dated mentions, context and upcoming mentions of the article, given its dates:
    each date that may date a happening becomes a mention of the clause it governs."""
    lex = lexicon(analysis.article.language)
    dated: list[Mention] = []
    context: list[Mention] = []
    upcoming: list[Mention] = []
    placed: set[int] = set()  # sentences whose happening is dated or announced
    for timex, sent in _eventful(analysis, timexes):
        clause = analysis.clauses.get(timex.end)
        if clause is None:
            continue
        mention = Mention(clause, timex, status_of(clause, timex.interval(), published))
        kind = _kind(mention, lex)
        if kind in ("dated", "upcoming"):
            (dated if kind == "dated" else upcoming).append(mention)
            placed.add(sent.start)
        elif kind == "context":
            context.append(replace(mention, status="context"))
    upcoming.extend(m for start, m in analysis.announced if start not in placed)
    return Extraction(tuple(_dedupe(dated)), tuple(context), tuple(_dedupe(upcoming)))


def _eventful(analysis: Analysis, timexes: list[Timex]) -> list[tuple[Timex, Sentence]]:
    """(timex, sentence) for each date that may date a happening, in text order: not in
    furniture, not quoted speech dated by its attribution, not a line that is only a date;
    durations only when vague ('in recent months'), undated values only for context."""
    sents = list(analysis.sentences)
    quoted = _quoted_timexes(analysis, timexes, sents)
    out = []
    for timex in sorted(timexes, key=lambda t: t.start):
        sent = sentence_at(sents, timex.start)
        if sent is None or timex.start in quoted or timex.end in analysis.only_dates:
            continue
        value = timex.value
        # a vague stretch ("in recent months", PXM) is context, like PAST_REF
        vague_span = isinstance(value, Duration) and value.amount is None
        if timex.type not in ("DATE", "TIME") and not vague_span:
            continue
        vague = isinstance(value, Reference | Unanchored) or vague_span
        if timex.interval() is None and not vague:
            continue
        out.append((timex, sent))
    return out


def _kind(mention: Mention, lex: Lexicon) -> str | None:
    """'dated', 'upcoming' (an announcement with a future reference), 'context' (vague),
    or None (a future reference that announces nothing, or 'now')."""
    value = mention.timex.value
    if mention.timex.interval() is not None:
        return "dated"
    if isinstance(value, Reference) and value.kind == "FUTURE":
        announced = mention.status == "scheduled" and mention.actors
        return "upcoming" if announced and mention.happening in lex.schedulable else None
    return "context" if value.timex != "PRESENT_REF" else None


def _quoted_timexes(analysis: Analysis, timexes: list[Timex], sents: list[Sentence]) -> set[int]:
    """Starts of dates inside quoted speech whose sentence also dates the statement
    outside the quote ('"we made progress today," Trump said Wednesday'): the article
    vouches for the statement's date, the quoted word belongs to the speaker's day."""
    quotes = analysis.quotes
    inside = {t.start for t in timexes if span_at_offset(quotes, t.start)}
    if not inside:
        return set()
    # per sentence, whether a date outside quotes dates it
    dated_outside = {
        sent.start
        for t in timexes
        if t.start not in inside and t.interval() and (sent := sentence_at(sents, t.start))
    }
    return {
        t.start
        for t in timexes
        if t.start in inside
        and (sent := sentence_at(sents, t.start)) is not None
        and sent.start in dated_outside
    }


def span_at_offset(spans: tuple[tuple[int, int], ...], offset: int) -> bool:
    """Whether `offset` lies in one of the sorted, non-overlapping `spans`."""
    i = bisect_right(spans, (offset, _END)) - 1
    return i >= 0 and spans[i][0] <= offset < spans[i][1]


_END = 1 << 62  # sorts after every end offset


def _dedupe(mentions: list[Mention]) -> list[Mention]:
    """Two dates governing the same trigger: the finer one stays ('Friday's meeting -
    their fourth this year')."""
    best: dict[tuple[str, int], Mention] = {}
    for m in mentions:
        key = (m.article, m.trigger_start)
        cur = best.get(key)
        if cur is None or _fineness(m) > _fineness(cur):
            best[key] = m
    return sorted(best.values(), key=lambda m: (m.timex.start, m.trigger_start))


def _fineness(m: Mention) -> float:
    span = m.timex.interval()
    if span is None:
        return -1e9
    return -float((span[1] - span[0]).days)
