"""Publish-date inference for articles whose front matter gives none.

An undated article is read against every candidate publish day in the window the story
covers: its relative dates ("said Thursday", "today", "on Friday") are anchored to that
day (`timeline.anchoring`, a cheap function of the article's analysis), and the day
scores by how well the dates then agree with the happenings that dated articles (and the
article's own explicit dates) report. What each of the article's clauses matches among
the known happenings does not depend on the day, so it is looked up once, in an index of
the known happenings (`timeline.index`). Happenings the article tells without a date
still bound the day by their tense: what it reports as past came before publication,
what it announces comes after. The best day wins; when several fit equally, the one
closest to what the article reports, then the earliest (news appears soon after what it
reports). Candidate days run from a week before the first happening the article may
report to a week after the last (at most `Tuning.max_window_days`). When nothing
matches, the article stays undated and its evidence says why, so its relative dates are
left unresolved rather than guessed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from timeline.analysis import Analysis
from timeline.anchoring import anchored_dates, mentions_of, span_at_offset
from timeline.config import TUNING
from timeline.index import HappeningIndex, Match, match_score
from timeline.merge import is_statement, make_event, matches_event, merge_mentions
from timeline.model import Event, Mention, Timex

_NO_MATCH = (
    "no publish date inferred: no dated article reports the same happenings and the "
    "text gives no explicit date; its relative dates are left unresolved"
)
_NO_AGREEMENT = (
    "no publish date inferred: nothing in the text agrees with the dated "
    "happenings of the corpus; its relative dates are left unresolved"
)


@dataclass(frozen=True)
class Guess:
    day: date | None
    score: float
    evidence: tuple[str, ...]


def infer_publish_dates(analyses: list[Analysis]) -> list[Analysis]:
    """The analyses with `published` set on their article (marked inferred, with
    evidence) where it can be inferred; others unchanged except for evidence explaining
    why not."""
    undated = sorted(
        (a for a in analyses if a.article.published_day is None), key=lambda a: a.article.id
    )
    if not undated:
        return analyses
    known = [
        m
        for a in analyses
        if (day := a.article.published_day)
        for m in dated_mentions(a, day, quoted=True)
    ]
    guesses: dict[str, Guess] = {}
    for _ in range(TUNING.rounds):
        # the happenings of every dated (or already inferred) article, merged once per
        # round; each undated article is then read against them without its own mentions
        guessed = [
            m
            for a in undated
            if (day := guesses[a.article.id].day if a.article.id in guesses else None)
            for m in dated_mentions(a, day, quoted=True)
        ]
        index = HappeningIndex(merge_mentions(known + guessed))
        for analysis in undated:
            guesses[analysis.article.id] = infer_one(analysis, index)
    return [_with_guess(a, guesses.get(a.article.id)) for a in analyses]


def _with_guess(analysis: Analysis, guess: Guess | None) -> Analysis:
    if guess is None:
        return analysis
    article = analysis.article
    if guess.day is None:
        article = replace(article, published_evidence=guess.evidence)
    else:
        article = replace(
            article,
            published=guess.day,
            published_inferred=True,
            published_evidence=guess.evidence,
        )
    return replace(analysis, article=article)


def dated_mentions(analysis: Analysis, day: date | None, quoted: bool = False) -> list[Mention]:
    """The article's dated mentions read from `day`; deictic words in quotes date the
    statement, not the article, so quoted dates are left out unless asked for."""
    timexes = anchored_dates(analysis, day)
    if not quoted:
        timexes = _unquoted(analysis, timexes)
    return list(mentions_of(analysis, timexes, day).dated)


def _unquoted(analysis: Analysis, timexes: list[Timex]) -> list[Timex]:
    return [t for t in timexes if not span_at_offset(analysis.quotes, t.start)]


# --- one article -------------------------------------------------------------------------


_MATCHES = 5  # known happenings a mention may be, best first
_Key = tuple[int, int]  # a date's span: the clause it governs matches the same whatever the day


class _Known:
    """The known happenings as one article must see them: without its own mentions (a
    guess of an earlier round), and with the happenings it dates itself."""

    def __init__(self, analysis: Analysis, index: HappeningIndex, own: list[Event]):
        self.article = analysis.article.id
        self.index = index
        self.own = HappeningIndex(own)
        # the entries the article has a mention in, as the other articles alone tell them
        self.told: dict[str, Event | None] = {}
        for e in index.events:
            if self.article in e.sources:
                rest = [m for m in e.mentions if m.article != self.article]
                self.told[e.id] = make_event(rest) if rest else None
        self.events = [self._seen(e) for e in index.events]
        self.events = [e for e in self.events if e is not None] + own

    def _seen(self, e: Event) -> Event | None:
        return self.told.get(e.id, e) if e.id in self.told else e

    def matches(self, m: Mention) -> list[Match]:
        """The known happenings the mention may be, best first (the others' first, on a
        tie with the article's own explicit dates)."""
        found = [(s, e) for s, e in self.index.matches(m, skip=self.article)]
        seen = [(s, x) for s, e in found if (x := self._seen(e)) is not None]
        both = seen + self.own.matches(m)
        return sorted(both, key=lambda se: -se[0])[:_MATCHES]

    def same_kind(self, m: Mention) -> list[Event]:
        found = [self._seen(e) for e in self.index.same_kind(m)]
        return [e for e in found if e is not None] + self.own.same_kind(m)


def infer_one(analysis: Analysis, index: HappeningIndex) -> Guess:
    """The best-supported publish day of one article, or None with the reason."""
    own = merge_mentions(dated_mentions(analysis, None, quoted=True))
    known = _Known(analysis, index, own)
    undated = _undated_matches(analysis, known)
    memo: dict[_Key, list[Match]] = {}

    def match(m: Mention) -> list[Match]:
        key = (m.timex.start, m.timex.end)
        if key not in memo:
            memo[key] = known.matches(m)
        return memo[key]

    anchor = _anchor(known.events)
    days = _candidate_days(_matched(analysis, anchor, undated, match) or known.events)
    if not days:
        return Guess(None, 0.0, (_NO_MATCH,))
    bounds = _bounds(undated)
    readings = {d: dated_mentions(analysis, d) for d in days}
    scored = [(_tense_score(_agreement(readings[d], match), d, bounds), d) for d in days]
    best = max(s for s, _ in scored)
    if best <= 0:
        return Guess(None, 0.0, (_NO_AGREEMENT,))
    ties = [d for s, d in scored if s >= best - 1e-9]
    if ties[0] == days[0]:
        return Guess(None, 0.0, (_only_bounded(ties[-1]),))
    chosen = min(ties, key=lambda d: (_age(analysis, d), d))
    reasons = _reasons(readings[chosen], chosen, match, bounds)
    return _guess(chosen, ties, reasons, best)


def _only_bounded(last: date) -> str:
    return (
        "no publish date inferred: the text only bounds its date from above "
        f"(on or before {last.isoformat()}); its relative dates are left unresolved"
    )


def _guess(chosen: date, ties: list[date], reasons: list[str], best: float) -> Guess:
    evidence = list(reasons)
    if len(ties) > 1:
        evidence.append(
            f"days {ties[0].isoformat()} to {ties[-1].isoformat()} fit equally well; "
            f"{chosen.isoformat()} is closest to what the article reports "
            "(news appears soon after what it tells)"
        )
    return Guess(chosen, best, tuple(evidence))


def _age(analysis: Analysis, day: date) -> int:
    """Total age in days, at `day`, of the past day-grain dates the article gives outside
    quotes, read with `day` as publish date (news appears soon after what it tells)."""
    total = 0
    for t in _unquoted(analysis, anchored_dates(analysis, day)):
        span = t.interval()
        if span is None or span[0] != span[1]:
            continue
        if span[0] <= day:  # only what it reports as past says how fresh it is
            total += (day - span[0]).days
    return total


def _anchor(events: list[Event]) -> date | None:
    """The day an article is first read from, to see what it may report: the middle
    start of the known happenings."""
    probe = sorted(e.interval[0] for e in events)
    return probe[len(probe) // 2] if probe else None


def _matched(
    analysis: Analysis,
    anchor: date | None,
    undated: list[tuple[Mention, list[Event]]],
    match: Callable[[Mention], list[Match]],
) -> list[Event]:
    """The known happenings the article may report, whatever its date: only days near
    them are worth trying (a long story spans months)."""
    if anchor is None:
        return []
    # the best match of each mention: the day window follows what it most likely is
    found = {
        id(e): e for m in dated_mentions(analysis, anchor, quoted=True) for _, e in match(m)[:1]
    }
    found.update({id(e): e for _, cands in undated for e in cands})
    return sorted(found.values(), key=lambda e: (e.interval, e.id))


def _candidate_days(events: list[Event]) -> list[date]:
    """Days within the margin of the start of a short happening (under a week), from the
    first such day up to the longest window allowed."""
    starts = sorted(e.interval[0] for e in events if (e.interval[1] - e.interval[0]).days < 7)
    if not starts:
        return []
    margin = timedelta(days=TUNING.window_margin_days)
    lo = starts[0] - margin
    hi = min(starts[-1] + margin, lo + timedelta(days=TUNING.max_window_days))
    return [lo + timedelta(days=i) for i in range((hi - lo).days + 1)]


def _undated_matches(analysis: Analysis, known: _Known) -> list[tuple[Mention, list[Event]]]:
    """Undated happenings of the article with the known happenings they may be (for
    tense bounds): the best match and any nearly as good, since outlets can split one
    story."""
    out = []
    for m in analysis.happenings:
        candidates = [e for e in known.same_kind(m) if not is_statement(e) and matches_event(m, e)]
        scores = [_best_mention_score(m, e) for e in candidates]
        best = max(scores, default=0.0)
        if best < TUNING.match_threshold + 0.1:
            continue
        margin = best - TUNING.alternative_margin
        out.append((m, [e for e, s in zip(candidates, scores, strict=True) if s >= margin]))
    return out


def _best_mention_score(m: Mention, e: Event) -> float:
    """The similarity of the entry's most similar mention (of a compatible kind)."""
    return max((match_score(m, other) for other in e.mentions), default=0.0)


def _agreement(reads: list[Mention], match: Callable[[Mention], list[Match]]) -> float:
    """How well the article's mentions in one reading agree in date with the known
    happenings they may be: per mention, the best of similarity times date agreement."""
    return sum(_support(m, match)[0] for m in reads)


def _support(m: Mention, match: Callable[[Mention], list[Match]]) -> tuple[float, Event | None]:
    """The known happening that best supports the mention's date, and how much."""
    best: tuple[float, Event | None] = (0.0, None)
    span = m.timex.interval()
    for sim, e in match(m):
        value = sim * _date_agreement(span, e)
        if value > best[0]:
            best = (value, e)
    return best


def _reasons(
    reads: list[Mention],
    day: date,
    match: Callable[[Mention], list[Match]],
    bounds: list[_Bound],
) -> list[str]:
    """Why `day` (the chosen one) scores: the dates that agree, and the binding bounds."""
    reasons = []
    for m in reads:
        _, e = _support(m, match)
        timex = m.timex
        if e is not None:
            reasons.append(
                f"“{timex.text}” ({m.trigger}) read from {day.isoformat()} is "
                f"{timex.timex_value}; {_describe(e)} dates it {e.date}"
            )
    return list(dict.fromkeys(reasons + _binding(day, bounds)))


@dataclass(frozen=True)
class _Bound:
    """An undated happening of the article and the known one that bounds its publish
    day: told as past, it came before publication; announced, it comes after."""

    mention: Mention
    past: bool
    event: Event
    edge: date  # the event's start (past) or end (announced)

    def fits(self, day: date) -> bool:
        return day >= self.edge if self.past else day <= self.edge


def _bounds(undated: list[tuple[Mention, list[Event]]]) -> list[_Bound]:
    """Each undated happening bounded by the candidate that binds least: satisfied if any
    reading satisfies it, so after the earliest, before the latest."""
    out = []
    for m, candidates in undated:
        past = m.timex.timex_value == "PAST_REF"
        if past:
            e = min(candidates, key=lambda c: c.interval[0])
        else:
            e = max(candidates, key=lambda c: c.interval[1])
        out.append(_Bound(m, past, e, e.interval[0] if past else e.interval[1]))
    return out


def _tense_score(total: float, day: date, bounds: list[_Bound]) -> float:
    """`total` plus (or minus) the tense weight per undated happening that `day` fits
    (or not): what the article tells as past came before it, what it announces after."""
    for b in bounds:
        total += TUNING.tense_weight if b.fits(day) else -TUNING.tense_weight
    return total


def _binding(day: date, bounds: list[_Bound]) -> list[str]:
    """The bounds `day` fits that bind most, which alone explain the choice."""
    lower: list[tuple[date, str]] = []
    upper: list[tuple[date, str]] = []
    for b in bounds:
        if b.fits(day):
            told = "past" if b.past else "to come"
            note = f"tells “{b.mention.trigger}” as {told} ({_describe(b.event)}: {b.event.date})"
            (lower if b.past else upper).append((b.edge, note))
    out = []
    if lower:
        out.append(f"{max(lower)[1]}: published on or after {max(lower)[0].isoformat()}")
    if upper:
        out.append(f"{min(upper)[1]}: published on or before {min(upper)[0].isoformat()}")
    return out


def _date_agreement(mi: tuple[date, date] | None, e: Event) -> float:
    """1 for the same day, 0.5 for nested values, less for a day or two apart."""
    if mi is None:
        return 0.0
    ei = e.interval
    width = max((mi[1] - mi[0]).days, (ei[1] - ei[0]).days)
    if (mi[0] <= ei[0] and ei[1] <= mi[1]) or (ei[0] <= mi[0] and mi[1] <= ei[1]):
        return 1.0 if width == 0 or mi == ei else 0.5
    if width > 0:
        return 0.0
    gap = min(abs((mi[0] - ei[1]).days), abs((ei[0] - mi[1]).days))
    return max(0.0, 1.0 - gap / 3)


def _describe(e: Event) -> str:
    sources = ", ".join(e.sources)
    return f"the same happening in {sources}"
