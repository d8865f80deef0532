"""Publish-date inference for articles whose front matter gives none.

An undated article is read against every candidate publish day in the window the corpus
covers: its relative dates ("said Thursday", "today", "on Friday") are resolved with that
day as anchor, and the day scores by how well the dates then agree with the happenings
that dated articles (and the article's own explicit dates) report. Happenings the article
tells without a date still bound the day by their tense: what it reports as past came
before publication, what it announces comes after. The best day wins; when several fit
equally, the one closest to what the article reports, then the earliest (news appears soon
after what it reports). Candidate days run from a week before the first happening the
article may report to a week after the last (at most `Tuning.max_window_days`); each costs
one resolution of the article, remembered across rounds. When nothing matches, the
article stays undated and its evidence says why, so its relative dates are left
unresolved rather than guessed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache

from timeline.config import TUNING
from timeline.dates import resolve
from timeline.events import extract, quote_spans, undated_mentions
from timeline.events.actors import Form
from timeline.merge import (
    Likeness,
    Names,
    actor_forms,
    by_kind,
    is_statement,
    make_event,
    matches_event,
    merge_mentions,
    names_as_known,
    renamed,
)
from timeline.model import Article, Event, Mention, Timex

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


def infer_publish_dates(articles: list[Article], likeness: Likeness | None = None) -> list[Article]:
    """Articles with `published` set (and marked inferred, with evidence) where it can be
    inferred; others unchanged except for evidence explaining why not. `likeness`
    remembers pair similarities, for a caller that compares the same mentions later."""
    undated = sorted((a for a in articles if a.published_day is None), key=lambda a: a.id)
    if not undated:
        return articles
    known = [a for a in articles if a.published_day is not None]
    guesses: dict[str, Guess] = {}
    readings = _Readings()  # holds across rounds, like the likeness
    likeness = Likeness() if likeness is None else likeness
    for _ in range(TUNING.rounds):
        # the happenings of every dated (or already inferred) article, merged once per
        # round; each undated article is then read against them without its own mentions
        dated = known + [
            replace(a, published=guesses[a.id].day)
            for a in undated
            if a.id in guesses and guesses[a.id].day
        ]
        everything = reference_events(dated, likeness)
        told_by = _told_by(everything)
        forms = actor_forms(m for e in everything for m in e.mentions)  # the story's names
        for article in undated:
            others = _without(everything, article.id, told_by.get(article.id, set()))
            guesses[article.id] = infer_one(article, others, readings, likeness, forms)
    return [_with_guess(a, guesses.get(a.id)) for a in articles]


def _with_guess(article: Article, guess: Guess | None) -> Article:
    if guess is None:
        return article
    if guess.day is None:
        return replace(article, published_evidence=guess.evidence)
    return replace(
        article, published=guess.day, published_inferred=True, published_evidence=guess.evidence
    )


def reference_events(articles: list[Article], likeness: Likeness | None = None) -> list[Event]:
    """The happenings the dated articles report, merged."""
    return merge_mentions([m for a in articles for m in _dated_mentions(a)], likeness)


def _told_by(events: list[Event]) -> dict[str, set[int]]:
    """Per article, the positions of the entries it has a mention in."""
    out: dict[str, set[int]] = {}
    for i, e in enumerate(events):
        for article in e.sources:
            out.setdefault(article, set()).add(i)
    return out


def _without(events: list[Event], article_id: str, told: set[int]) -> list[Event]:
    """The entries as the other articles alone tell them (`told`: the positions of those
    the article has a mention in)."""
    out = []
    for i, e in enumerate(events):
        if i not in told:
            out.append(e)
            continue
        rest = [m for m in e.mentions if m.article != article_id]
        if rest:
            out.append(make_event(rest))
    return out


@lru_cache(maxsize=4096)
def _dated_mentions(article: Article) -> tuple[Mention, ...]:
    timexes = list(_resolved(article.body, article.published_day, article.language))
    return extract(article, timexes, with_undated=False).dated


@lru_cache(maxsize=8192)
def _resolved(body: str, anchor: date | None, language: str) -> tuple[Timex, ...]:
    """resolve(), remembered: the same article is read under several candidate days."""
    return tuple(resolve(body, anchor, language))


# --- known happenings, indexed ---------------------------------------------------------


@dataclass
class _Pool:
    """The known happenings an article is read against, each mention indexed by its kinds
    of happening (None for no known kind), and within a kind grouped by what it tells
    (`Likeness.key`): mentions told alike compare alike, so each group is compared once.
    Only mentions of a shared kind, or with no known kind on one side, can match (see
    `class_agreement`)."""

    events: list[Event]
    likeness: Likeness
    entries: list[tuple[Event, Mention]] = field(init=False)
    by_class: dict[str | None, list[int]] = field(init=False)
    by_kind: dict[str, list[Event]] = field(init=False)
    # per kind, the positions of its entries grouped by what they tell (built when asked)
    groups: dict[str | None, dict[int, list[int]]] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.entries = [(e, m) for e in self.events for m in e.mentions]
        self.by_class = {}
        for i, (_, m) in enumerate(self.entries):
            for c in m.classes or (None,):
                self.by_class.setdefault(c, []).append(i)
        self.by_kind = by_kind(self.events)

    def best_match(self, m: Mention) -> tuple[float, Event | None]:
        """The most similar known happening, if alike enough; on a tie the one whose
        mention comes first (as `_best_of` over the entries in order would find)."""
        best, first = 0.0, -1
        for c in self._kinds(m):
            for members in self._groups(c).values():
                parts, s = self.likeness.compare(m, self.entries[members[0]][1])
                if parts["class"] == 0 or s < TUNING.match_threshold or s < best:
                    continue
                i = next((i for i in members if not _same_date(m, self.entries[i][1])), -1)
                if i >= 0 and (s > best or i < first):
                    best, first = s, i
        return (best, self.entries[first][0]) if first >= 0 else (0.0, None)

    def _kinds(self, m: Mention) -> list[str | None]:
        """The groups a mention may match in: its own kinds and the mentions of no known
        kind; every group when it has no known kind itself."""
        if not m.classes:
            return list(self.by_class)
        return [*m.classes, None]

    def _groups(self, c: str | None) -> dict[int, list[int]]:
        if c not in self.groups:
            groups: dict[int, list[int]] = {}
            for i in self.by_class.get(c, ()):
                groups.setdefault(self.likeness.key(self.entries[i][1]), []).append(i)
            self.groups[c] = groups
        return self.groups[c]

    def same_kind(self, m: Mention) -> list[Event]:
        """Entries with a mention of the mention's kind of happening, in order."""
        return self.by_kind.get(m.happening or "", [])


def _best_of(
    m: Mention, entries: Iterable[tuple[Event, Mention]], likeness: Likeness
) -> tuple[float, Event | None]:
    best: tuple[float, Event | None] = (0.0, None)
    for e, other in entries:
        if _same_date(m, other):
            continue
        parts, s = likeness.compare(m, other)
        if parts["class"] == 0:  # different kinds of happening (`class_agreement`)
            continue
        if s >= TUNING.match_threshold and s > best[0]:
            best = (s, e)
    return best


def _same_date(m: Mention, other: Mention) -> bool:
    """The very date of the mention (its own explicit dates are in the pool)."""
    return other.article == m.article and other.timex.start == m.timex.start


def _best_match(m: Mention, events: list[Event], likeness: Likeness) -> tuple[float, Event | None]:
    return _best_of(m, ((e, other) for e in events for other in e.mentions), likeness)


# --- one article -------------------------------------------------------------------------


_Key = tuple[int, int, int]  # a mention's trigger start and date span
_Reads = tuple[tuple[_Key, Timex, str], ...]  # one reading: each mention's key, date, trigger


class _Readings:
    """The dated mentions of each article read from each candidate day, kept across rounds
    (only the reference happenings change between rounds, not the reading). Per day only
    what scoring needs is kept: the mention's key, its date and trigger; per article one
    mention per key stands for all days (what it matches does not depend on its date).

    Most days read the article's dates exactly as another day does (a weekday changes
    only when the anchor crosses it): mentions are extracted once per distinct reading.
    This is exact because extraction looks at the publish day only for a mention's
    status, which scoring does not use, and at a date only through its span and value."""

    def __init__(self) -> None:
        self.days: dict[tuple[str, str, date], _Reads] = {}
        self.mentions: dict[tuple[str, str], dict[_Key, Mention]] = {}
        self.by_reading: dict[tuple[str, str, tuple], _Reads] = {}

    def of(self, article: Article, day: date) -> _Reads:
        key = (article.id, article.body, day)
        if key not in self.days:
            timexes = _unquoted(article, day)
            reading = (article.id, article.body, tuple(map(_content, timexes)))
            if reading not in self.by_reading:
                self.by_reading[reading] = self._extract(article, day, timexes)
            self.days[key] = self.by_reading[reading]
        return self.days[key]

    def _extract(self, article: Article, day: date, timexes: list[Timex]) -> _Reads:
        same = self.mentions.setdefault((article.id, article.body), {})
        found = []
        for m in extract(replace(article, published=day), timexes, with_undated=False).dated:
            k = (m.trigger_start, m.timex.start, m.timex.end)
            same.setdefault(k, m)
            found.append((k, m.timex, m.trigger))
        return tuple(found)

    def mention(self, article: Article, key: _Key) -> Mention:
        return self.mentions[(article.id, article.body)][key]


def _content(t: Timex) -> tuple:
    """What a date is, without how it was reached (its cue and anchor differ by day)."""
    return (t.text, t.start, t.end, t.type, t.value, t.mod, t.rule)


def _unquoted(article: Article, day: date) -> list[Timex]:
    """The article's dates as if published on `day`; deictic words in quotes date the
    statement, not the article, so they are left out."""
    quotes = quote_spans(article.body)
    return [
        t
        for t in _resolved(article.body, day, article.language)
        if not any(s <= t.start < e for s, e in quotes)
    ]


def infer_one(
    article: Article,
    events: list[Event],
    readings: _Readings | None = None,
    likeness: Likeness | None = None,
    forms: list[Form] | None = None,
) -> Guess:
    """The best-supported publish day of one article, or None with the reason. `forms`:
    how the story names its actors (`actor_forms` of the known happenings, by default
    those of `events`); the article's actors are read in those names."""
    readings = _Readings() if readings is None else readings
    own = list(_own_explicit_events(article))
    anchor = _anchor(events + own)
    if forms is None:
        forms = actor_forms(m for e in events for m in e.mentions)
    names = _names(article, own, forms, anchor)
    own = [make_event([renamed(m, names) for m in e.mentions]) for e in own]
    pool = _Pool(events + own, likeness or Likeness())
    undated = _undated_matches(article, pool, names)
    alike: dict[tuple, tuple[float, Event | None]] = {}

    def best(m: Mention) -> tuple[float, Event | None]:
        # what a mention matches depends on what it tells, not on its date's value:
        # a mention told alike under two anchors matches alike
        k = (m.timex.start, m.timex.end, replace(m, timex=None))
        if k not in alike:
            alike[k] = pool.best_match(renamed(m, names))
        return alike[k]

    days = _candidate_days(_matched(article, anchor, undated, best) or pool.events)
    if not days:
        return Guess(None, 0.0, (_NO_MATCH,))
    memo: dict[_Key, tuple[float, Event | None]] = {}

    def match(key: _Key) -> tuple[float, Event | None]:
        if key not in memo:
            memo[key] = best(readings.mention(article, key))
        return memo[key]

    bounds = _bounds(undated)
    agreement: dict[_Reads, float] = {}  # days that share a reading share its agreement

    def score(day: date) -> float:
        reads = readings.of(article, day)
        if reads not in agreement:
            agreement[reads] = _agreement(reads, match)
        return _tense_score(agreement[reads], day, bounds)

    scored = [(score(d), d) for d in days]
    best = max(s for s, _ in scored)
    if best <= 0:
        return Guess(None, 0.0, (_NO_AGREEMENT,))
    ties = [d for s, d in scored if s >= best - 1e-9]
    if ties[0] == days[0]:
        return Guess(None, 0.0, (_only_bounded(ties[-1]),))
    chosen = _choose(article, ties)
    reasons = _reasons(readings.of(article, chosen), chosen, match, bounds)
    return _guess(chosen, ties, reasons, best)


def _only_bounded(last: date) -> str:
    return (
        "no publish date inferred: the text only bounds its date from above "
        f"(on or before {last.isoformat()}); its relative dates are left unresolved"
    )


def _choose(article: Article, ties: list[date]) -> date:
    """Among days that fit equally, news appears soon after what it reports: the day
    closest to the happenings the article dates itself, then the earliest."""
    ages = {d: _age(article, d) for d in ties}
    return min(ties, key=lambda d: (ages[d], d))


def _guess(chosen: date, ties: list[date], reasons: list[str], best: float) -> Guess:
    evidence = list(reasons)
    if len(ties) > 1:
        evidence.append(
            f"days {ties[0].isoformat()} to {ties[-1].isoformat()} fit equally well; "
            f"{chosen.isoformat()} is closest to what the article reports "
            "(news appears soon after what it tells)"
        )
    return Guess(chosen, best, tuple(evidence))


def _age(article: Article, day: date) -> int:
    """Total age in days, at `day`, of the past day-grain dates the article gives outside
    quotes, read with `day` as publish date."""
    quotes = quote_spans(article.body)
    total = 0
    for t in _resolved(article.body, day, article.language):
        span = t.interval()
        if span is None or span[0] != span[1] or any(s <= t.start < e for s, e in quotes):
            continue
        if span[0] <= day:  # only what it reports as past says how fresh it is
            total += (day - span[0]).days
    return total


@lru_cache(maxsize=4096)
def _own_explicit_events(article: Article) -> tuple[Event, ...]:
    """Happenings the article dates explicitly (dates that need no anchor); the same in
    every round."""
    timexes = list(_resolved(article.body, None, article.language))
    # only the dated mentions are wanted: what `with_undated` adds is never dated
    found = extract(article, timexes, with_undated=False).dated
    mentions = [m for m in found if m.span is not None]
    return tuple(merge_mentions(mentions))


def _anchor(events: list[Event]) -> date | None:
    """The day an article is first read from, to see what it may report: the middle
    start of the known happenings (remembered: the anchor often recurs in the next round)."""
    probe = sorted(e.interval[0] for e in events)
    return probe[len(probe) // 2] if probe else None


def _names(article: Article, own: list[Event], forms: list[Form], anchor: date | None) -> Names:
    """The article's actors named as the story names them (`forms`: 'Calder Group' where
    it writes 'Calder'), as merging names the actors of every article: per article they
    are only its own spellings. Actors come from the sentence, not from its date, so one
    reading (from the anchor day), the undated happenings and the happenings it dates
    itself (`own`) name them all."""
    if anchor is None:
        return {}
    mentions = [
        *_dated_mentions(replace(article, published=anchor)),
        *_undated_happenings(article),
        *(m for e in own for m in e.mentions),
    ]
    return names_as_known(forms, mentions)


def _matched(
    article: Article,
    anchor: date | None,
    undated: list[tuple[Mention, list[Event]]],
    best: Callable[[Mention], tuple[float, Event | None]],
) -> list[Event]:
    """The known happenings the article may report, whatever its date: only days near
    them are worth trying (a long story spans months)."""
    if anchor is None:
        return []
    # read as if published on the anchor day
    found = {
        id(e): e
        for m in _dated_mentions(replace(article, published=anchor))
        for e in [best(m)[1]]
        if e is not None
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


def _undated_matches(
    article: Article, pool: _Pool, names: Names
) -> list[tuple[Mention, list[Event]]]:
    """Undated happenings of the article (its actors as `names` has them) with the known
    happenings they may be (for tense bounds): the best match and any nearly as good,
    since outlets can split one story."""
    out = []
    for m in (renamed(m, names) for m in _undated_happenings(article)):
        candidates = [
            e
            for e in pool.same_kind(m)
            if not is_statement(e) and matches_event(m, e, likeness=pool.likeness)
        ]
        scores = [_best_match(m, [e], pool.likeness)[0] for e in candidates]
        best = max(scores, default=0.0)  # as _best_match(m, candidates) would find
        if best < TUNING.match_threshold + 0.1:
            continue
        margin = best - TUNING.alternative_margin
        out.append((m, [e for e, s in zip(candidates, scores, strict=True) if s >= margin]))
    return out


@lru_cache(maxsize=4096)
def _undated_happenings(article: Article) -> tuple[Mention, ...]:
    """Happenings the article tells without a date in their sentence; the same in every
    round."""
    # a sentence with its own date is left out: the anchor scan covers it
    return tuple(undated_mentions(article, list(_resolved(article.body, None, article.language))))


def _agreement(reads: _Reads, match: Callable[[_Key], tuple[float, Event | None]]) -> float:
    """How well the article's mentions in one reading agree in date with the known
    happenings they match (`match` does not depend on the day, so neither does this)."""
    total = 0.0
    for key, timex, _ in reads:
        sim, e = match(key)
        if e is not None:
            total += sim * _date_agreement(timex.interval(), e)
    return total


def _reasons(
    reads: _Reads,
    day: date,
    match: Callable[[_Key], tuple[float, Event | None]],
    bounds: list[_Bound],
) -> list[str]:
    """Why `day` (the chosen one) scores: the dates that agree, and the binding bounds."""
    reasons = []
    for key, timex, trigger in reads:
        _, e = match(key)
        if e is not None and _date_agreement(timex.interval(), e) > 0:
            reasons.append(
                f"“{timex.text}” ({trigger}) read from {day.isoformat()} is "
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
