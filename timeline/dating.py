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

from bisect import bisect_left, insort
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from timeline.analysis import Analysis
from timeline.anchoring import anchored_dates, mentions_of, span_at_offset
from timeline.config import TUNING
from timeline.executor import SharedMap
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


def infer_publish_dates(
    analyses: list[Analysis], mapper: SharedMap | None = None
) -> list[Analysis]:
    """The analyses with `published` set on their article (marked inferred, with
    evidence) where it can be inferred; others unchanged except for evidence explaining
    why not. Each undated article is inferred on its own against the round's index of
    known happenings; `mapper` may spread them over processes."""
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
        found = (mapper or _serial)(_infer_against, index, undated)
        guesses.update((a.article.id, g) for a, g in zip(undated, found, strict=True))
    return [_with_guess(a, guesses.get(a.article.id)) for a in analyses]


def _serial(
    fn: Callable[[HappeningIndex, Analysis], Guess], index: HappeningIndex, items: list[Analysis]
) -> list[Guess]:
    return [fn(index, item) for item in items]


def _infer_against(index: HappeningIndex, analysis: Analysis) -> Guess:
    return infer_one(analysis, index)


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
        self.own_events = own
        self.own = HappeningIndex(own)
        # the entries the article has a mention in, as the other articles alone tell them
        self.told: dict[str, Event | None] = {}
        for e in index.told_by(self.article):
            rest = [m for m in e.mentions if m.article != self.article]
            self.told[e.id] = make_event(rest) if rest else None

    @property
    def events(self) -> list[Event]:
        """Every known happening as the article sees it (only asked for when nothing
        matches)."""
        seen = [self._seen(e) for e in self.index.events]
        return [e for e in seen if e is not None] + self.own_events

    def middle_start(self) -> date | None:
        """The middle start of the known happenings as the article sees them."""
        starts = list(self.index.starts)  # sorted
        for e in self.index.told_by(self.article):
            starts.pop(bisect_left(starts, e.interval[0]))
            again = self.told[e.id]
            if again is not None:
                insort(starts, again.interval[0])
        for e in self.own_events:
            insort(starts, e.interval[0])
        return starts[len(starts) // 2] if starts else None

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

    anchor = known.middle_start()
    days = _candidate_days(_matched(analysis, anchor, undated, match) or known.events)
    if not days:
        return Guess(None, 0.0, (_NO_MATCH,))
    bounds = _bounds(undated)
    readings = _DayReadings(analysis, days, match)
    scored = [(_tense_score(readings.agreement(d), d, bounds), d) for d in days]
    best = max(s for s, _ in scored)
    if best <= 0:
        return Guess(None, 0.0, (_NO_AGREEMENT,))
    ties = [d for s, d in scored if s >= best - 1e-9]
    if ties[0] == days[0]:
        return Guess(None, 0.0, (_only_bounded(ties[-1]),))
    chosen = min(ties, key=lambda d: (_age(analysis, d), d))
    reasons = _reasons(readings.of(chosen), chosen, match, bounds)
    return _guess(chosen, ties, reasons, best)


class _DayReadings:
    """The article's dated mentions read from each candidate day, and how well they
    agree with the known happenings. Anchoring the article to a day is cheap, but a long
    window of many articles makes it the cost of inference; most dates move with the day
    in a weekly pattern ('yesterday', 'on Thursday', 'last week') or not at all (explicit
    dates). So the article is anchored to the window's first eight days and to its middle
    and last day: where every date that matches a known happening keeps to one of those
    two patterns on all of them, any other day's dates follow from the pattern; where
    one does not ('the 25th', 'last month'), every day is anchored."""

    _PROBES = 8  # a week and a day: every weekday, and the pattern's repeat

    def __init__(
        self, analysis: Analysis, days: list[date], match: Callable[[Mention], list[Match]]
    ):
        self.analysis, self.match, self.start = analysis, match, days[0]
        self.exact: dict[date, list[Mention]] = {}
        self.model = self._model(days) if len(days) > self._PROBES + 4 else None

    def of(self, day: date) -> list[Mention]:
        """The exact reading of one day."""
        if day not in self.exact:
            self.exact[day] = dated_mentions(self.analysis, day)
        return self.exact[day]

    def agreement(self, day: date) -> float:
        if self.model is None:
            return _agreement(self.of(day), self.match)
        total = 0.0
        for m, offsets in self.model:
            span = m.timex.interval()
            if offsets is not None:
                lo, hi = offsets[(day - self.start).days % 7]
                span = (day + timedelta(days=lo), day + timedelta(days=hi))
            total += _support(m, self.match, span)[0]
        return total

    def _model(self, days: list[date]) -> list[tuple[Mention, list[tuple[int, int]] | None]] | None:
        """Each matching mention with its weekly offsets from the day (None: fixed), or
        None when some matching date keeps to neither pattern."""
        probes = list(dict.fromkeys([*days[: self._PROBES], days[len(days) // 2], days[-1]]))
        seen: dict[_Key, list[tuple[date, tuple[date, date] | None]]] = {}
        first: dict[_Key, Mention] = {}
        keys: set[_Key] | None = None
        for d in probes:
            reads = self.of(d)
            here = {(m.timex.start, m.timex.end) for m in reads}
            if keys is not None and here != keys:
                return None  # a date read on one day and not on another
            keys = here
            for m in reads:
                key = (m.timex.start, m.timex.end)
                first.setdefault(key, m)
                seen.setdefault(key, []).append((d, m.timex.interval()))
        model: list[tuple[Mention, list[tuple[int, int]] | None]] = []
        for key, m in first.items():
            if not self.match(m):
                continue  # matches nothing: agrees with nothing, whatever the day
            pattern = _weekly(seen[key], self.start)
            if pattern is False:
                return None
            model.append((m, pattern if pattern is not True else None))
        return model


def _weekly(
    values: list[tuple[date, tuple[date, date] | None]], start: date
) -> list[tuple[int, int]] | bool:
    """True when the value is the same every day; the offsets from the day per weekday
    (counted from `start`) when it moves with the day; False otherwise."""
    if any(v is None for _, v in values):
        return False
    if all(v == values[0][1] for _, v in values):
        return True
    offsets: dict[int, tuple[int, int]] = {}
    for d, span in values:
        assert span is not None
        offset = ((span[0] - d).days, (span[1] - d).days)
        if offsets.setdefault((d - start).days % 7, offset) != offset:
            return False
    return [offsets[p] for p in range(7)] if len(offsets) == 7 else False


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
    return sum(_support(m, match, m.timex.interval())[0] for m in reads)


def _support(
    m: Mention, match: Callable[[Mention], list[Match]], span: tuple[date, date] | None
) -> tuple[float, Event | None]:
    """The known happening that best supports the mention's date (`span`), and how
    much."""
    best: tuple[float, Event | None] = (0.0, None)
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
        _, e = _support(m, match, m.timex.interval())
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
