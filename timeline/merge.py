"""Merging: mentions of one happening across articles become one Event.

Two mentions name the same happening when they agree on the kind of happening (class
from the lexicon: call/conversation/spoke-to are one class; a trigger the lexicon does not
know may be of any kind, given the same verb or the same actors in much the same words),
share actors and words, and
their dates are compatible: equal or nested, or close enough (a day or two) that the
sources disagree about one happening rather than describe two. Clustering is average-link
agglomerative over those pair scores, so one loose pair cannot chain two stories together.
The entry keeps the date most articles support; dissenting dates become `conflicts`.
"""

from __future__ import annotations

import hashlib
import heapq
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import replace
from datetime import date
from types import MappingProxyType

from timeline.config import TUNING
from timeline.events.actors import Form, canonical_names
from timeline.events.lexicon import lemma, lexicon
from timeline.model import Conflict, Event, Mention
from timeline.values import Reference, Value


def similarity(a: Mention, b: Mention) -> float:
    """How alike two mentions are as descriptions of one happening, ignoring dates (0..1)."""
    return _weighted(_parts(a, b))


def _weighted(parts: Mapping[str, float]) -> float:
    return sum(weight * parts[k] for k, weight in TUNING.merge_weights)


def _parts(a: Mention, b: Mention) -> Mapping[str, float]:
    return {
        "class": class_agreement(a, b),
        "actors": actor_agreement(a, b),
        "words": min(1.0, 2 * _jaccard(a.lemma_set, b.lemma_set)),
        "context": min(1.0, 2 * _jaccard(a.context_set, b.context_set)),
    }


class Likeness:
    """Similarity of mention pairs, remembered by what it compares: the fields `_parts`
    reads, never the date. Publish-date inference compares each undated article's
    mentions with the same known happenings under many candidate days and in every round,
    and outlets telling one story reuse its wording, so few pairs are new. One per run:
    it keeps the mentions it has seen (their ids stand for them) and grows with the run.
    Stages may share one: `_parts` reads nothing but the fields of the key (and the word
    tables and tuning, fixed for a run), so one key is one similarity whatever a stage
    made of the mention (its article, its date, how actors were named story-wide)."""

    def __init__(self) -> None:
        self._ids: dict[tuple, int] = {}  # what a mention tells -> a small id
        self._seen: dict[int, tuple[Mention, int]] = {}  # id(m) -> (m kept alive, its id)
        self._pairs: dict[tuple[int, int], tuple[Mapping[str, float], float]] = {}

    def key(self, m: Mention) -> int:
        """What the mention tells, as a small number: mentions with one key compare
        alike with any other."""
        seen = self._seen.get(id(m))
        if seen is None:
            told = (m.classes, m.trigger, m.actor_keys, m.people, m.lemmas, m.context)
            seen = self._seen[id(m)] = (m, self._ids.setdefault(told, len(self._ids)))
        return seen[1]

    def compare(self, a: Mention, b: Mention) -> tuple[Mapping[str, float], float]:
        """`_parts(a, b)` and `similarity(a, b)`."""
        key = (self.key(a), self.key(b))
        found = self._pairs.get(key)
        if found is None:
            parts = MappingProxyType(_parts(a, b))  # shared, so read-only
            found = self._pairs[key] = (parts, _weighted(parts))
        return found


def _compare(
    a: Mention, b: Mention, likeness: Likeness | None
) -> tuple[Mapping[str, float], float]:
    """`_parts(a, b)` and their weighted sum, remembered if `likeness` is given."""
    if likeness is not None:
        return likeness.compare(a, b)
    parts = _parts(a, b)
    return parts, _weighted(parts)


def _people(a: Mention, b: Mention) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The actor keys of each mention that name persons, and every person key. A key
    counts as a person when either mention knows it as one (one article may name 'Walsh'
    bare, another 'Governor Tim Walsh')."""
    people = a.people_set | b.people_set
    return a.actor_set & people, b.actor_set & people, people


def actor_agreement(a: Mention, b: Mention) -> float:
    """People weigh most: two statements by different people are different happenings."""
    pa, pb, people = _people(a, b)
    if pa and pb:
        return 0.7 * _cosine(pa, pb) + 0.3 * _cosine(a.actor_set - people, b.actor_set - people)
    return _cosine(a.actor_set, b.actor_set)


def different_people(a: Mention, b: Mention) -> bool:
    """Both name people and share none of them."""
    pa, pb, _ = _people(a, b)
    return bool(pa and pb and not pa & pb)


def _people_cosine(a: Mention, b: Mention) -> float:
    pa, pb, _ = _people(a, b)
    return _cosine(pa, pb) if pa and pb else 1.0


def class_agreement(a: Mention, b: Mention) -> float:
    """1 for the same kind of happening, less for statements (everything is said) or a
    shared secondary class, 0 for different kinds."""
    if a.happening and a.happening == b.happening:
        return 0.5 if a.happening in lexicon().reporting else 1.0
    if a.class_set & b.class_set:
        return 0.5
    if not a.classes or not b.classes:
        # a happening the lexicon does not know (on one side or both: outlets name one
        # happening in words a closed list never covers, 'rejected' and 'rebuffed'): the
        # same verb, or the same actors in much the same words, still say it is one kind
        if lemma(a.trigger) == lemma(b.trigger):
            return 0.5
        if _cosine(a.actor_set, b.actor_set) >= 0.5 and _jaccard(a.lemma_set, b.lemma_set) >= 0.2:
            return 0.5
    return 0.0


def _cosine(sa: AbstractSet[str], sb: AbstractSet[str]) -> float:
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / math.sqrt(len(sa) * len(sb))


def _jaccard(sa: AbstractSet[str], sb: AbstractSet[str]) -> float:
    union = len(sa | sb)
    return len(sa & sb) / union if union else 0.0


def date_relation(a: Mention, b: Mention) -> str:
    """'agree' (equal or nested), 'conflict' (close days), or 'apart'."""
    ia, ib = a.span, b.span
    if ia is None or ib is None:
        same_ref = a.timex.timex_value == b.timex.timex_value
        return "agree" if same_ref else "apart"
    if (ia[0] <= ib[0] and ib[1] <= ia[1]) or (ib[0] <= ia[0] and ia[1] <= ib[1]):
        return "agree"
    short = max((ia[1] - ia[0]).days, (ib[1] - ib[0]).days) == 0
    gap = min(abs((ia[0] - ib[1]).days), abs((ib[0] - ia[1]).days))
    return "conflict" if short and gap <= TUNING.conflict_gap_days else "apart"


def pair_score(a: Mention, b: Mention, likeness: Likeness | None = None) -> float | None:
    """The merge score of two mentions; None when they cannot be one happening.
    `likeness` remembers the pair's similarity across calls."""
    relation = date_relation(a, b)
    if relation == "apart":
        return None
    if a.classes and b.classes and a.class_set.isdisjoint(b.class_set):
        return 0.0  # different kinds of happening (class_agreement is 0): nothing to weigh
    parts, score = _compare(a, b, likeness)
    if parts["class"] == 0 or different_people(a, b):
        return 0.0
    # a date a day or two off, or one that merely contains the other's (a week around a
    # day), pins the happening loosely: in any week an actor in the news does many things
    # of one kind, so a shared actor inside an overlapping interval is not enough
    loose = relation == "conflict" or a.span != b.span
    # actors must agree where either names some; a disputed date always needs them
    need_actors = relation == "conflict" or bool(a.actor_set or b.actor_set)
    if loose and not _firmly_alike(a, b, parts, score, need_actors):
        return 0.0
    if a.article == b.article and relation == "conflict":
        return None  # one article giving two dates tells two happenings
    if a.article == b.article:
        # within one article only a retelling merges: same kind and strongly alike, or
        # the same sentence repeated (a lead restated in the body)
        repeated = _jaccard(a.lemma_set, b.lemma_set) >= 0.8
        if not repeated and (parts["class"] < 1 or score < TUNING.same_article_threshold):
            return 0.0
        return max(score, TUNING.merge_threshold) if repeated else score
    return score


def _firmly_alike(
    a: Mention, b: Mention, parts: Mapping[str, float], score: float, need_actors: bool
) -> bool:
    """The evidence loosely agreeing dates need to be one happening: the same kind and
    status, strongly alike, and (when asked) the actors agreeing."""
    return (
        parts["class"] == 1
        and a.status == b.status
        and score >= TUNING.conflict_threshold
        and not (need_actors and parts["actors"] < TUNING.loose_date_actor_agreement)
    )


# --- clustering ------------------------------------------------------------------------


def cluster(
    mentions: list[Mention], threshold: float | None = None, likeness: Likeness | None = None
) -> list[list[Mention]]:
    """Average-link agglomerative clustering; deterministic for a given input.

    Only pairs of one kind of happening whose dates are compatible are scored (see
    `_Scores`), and only clusters joined by at least one positive pair are ever compared:
    a story of hundreds of entries stays fast.
    Ties go to the pair of clusters whose first mentions come first."""
    items = sorted(mentions, key=_mention_key)
    scores = _Scores(items, likeness)
    members: dict[int, list[int]] = {i: [i] for i in range(len(items))}
    bar = TUNING.merge_threshold if threshold is None else threshold
    links = _Links({pair: score for pair, score in scores.scores.items() if score}, bar)
    while (best := links.pop_best()) is not None:
        x, y = best
        neighbours = links.remove(x, y)
        members[x] = sorted(members[x] + members.pop(y))
        for z, blocked in neighbours.items():
            # a pair that may never merge stays so: the merged cluster still holds it
            value = None if blocked else _link(members[min(x, z)], members[max(x, z)], scores)
            links.set(x, z, value)
    return [[items[i] for i in members[k]] for k in sorted(members)]


class _Links:
    """Average-link scores between current clusters, with each cluster's neighbours and a
    heap of the pairs at or above the threshold, so a merge step costs what it touches
    rather than a pass over every link. None marks a pair that may never merge."""

    def __init__(self, links: dict[tuple[int, int], float | None], threshold: float):
        self.threshold = threshold
        self.links: dict[tuple[int, int], float | None] = {}
        self.near: dict[int, set[int]] = {}
        self.heap: list[tuple[float, int, int]] = []
        for (x, y), value in links.items():
            self.set(x, y, value)

    def set(self, a: int, b: int, value: float | None) -> None:
        x, y = min(a, b), max(a, b)
        self.links[(x, y)] = value
        self.near.setdefault(x, set()).add(y)
        self.near.setdefault(y, set()).add(x)
        if value is not None and value >= self.threshold:
            heapq.heappush(self.heap, (-value, x, y))

    def pop_best(self) -> tuple[int, int] | None:
        """The best pair (highest score, then the earliest clusters); stale entries skipped."""
        while self.heap:
            value, x, y = heapq.heappop(self.heap)
            if self.links.get((x, y), None) == -value:
                return x, y
        return None

    def remove(self, x: int, y: int) -> dict[int, bool]:
        """Drop every link of x and y; the clusters they linked to, each with whether
        either link was one that may never merge (None)."""
        around = (self.near.pop(x, set()) | self.near.pop(y, set())) - {x, y}
        blocked = {}
        for z in around:
            self.near[z] -= {x, y}
            pairs = [(min(a, z), max(a, z)) for a in (x, y)]
            blocked[z] = any(p in self.links and self.links[p] is None for p in pairs)
            for p in pairs:
                self.links.pop(p, None)
        self.links.pop((x, y), None)
        return blocked


_UNSCORED = -1.0  # no pair scores below 0


class _Scores:
    """Pair scores of the mentions being clustered. Only pairs that may merge are scored:
    date-compatible ones of a shared kind of happening (or one of no known kind), each
    kind's mentions sorted by start so each looks ahead only as far as its own interval
    reaches. Any other pair scores 0 when its dates are compatible (different kinds) and
    None when they are apart, as `pair_score` would say."""

    def __init__(self, items: list[Mention], likeness: Likeness | None = None):
        self.items = items
        self.likeness = likeness
        self.scores: dict[tuple[int, int], float | None] = {}
        kinds: dict[str | None, list[int]] = {None: []}
        for i, m in enumerate(items):
            for kind in m.classes:
                kinds.setdefault(kind, []).append(i)
        # a mention of no known kind may be any kind (`class_agreement`): it is scored
        # within every kind's group, and with the others of no known kind
        for i, m in enumerate(items):
            if not m.classes:
                for members in kinds.values():
                    members.append(i)
        for members in kinds.values():
            self._score_window(sorted(members, key=lambda i: (_start(items[i]), i)))

    def _score_window(self, order: list[int]) -> None:
        for pos, i in enumerate(order):
            span = self.items[i].span
            for j in order[pos + 1 :]:
                other = self.items[j].span
                if span and other and (other[0] - span[1]).days > TUNING.conflict_gap_days:
                    break
                pair = (min(i, j), max(i, j))
                if pair not in self.scores:
                    a, b = self.items[pair[0]], self.items[pair[1]]
                    self.scores[pair] = pair_score(a, b, self.likeness)

    def get(self, i: int, j: int) -> float | None:
        s = self.scores.get((i, j) if i < j else (j, i), _UNSCORED)
        if s is not _UNSCORED:
            return s
        return None if date_relation(self.items[i], self.items[j]) == "apart" else 0.0


def _start(m: Mention) -> date:
    return m.span[0] if m.span else date.min


def _link(a: list[int], b: list[int], scores: _Scores) -> float | None:
    total = 0.0
    for i in a:
        for j in b:
            s = scores.get(i, j)
            if s is None:
                return None
            total += s
    return total / (len(a) * len(b))


def _mention_key(m: Mention) -> tuple:
    return (m.article, m.timex.start, m.trigger_start)


# --- actors ----------------------------------------------------------------------------


Names = dict[tuple[str, str], tuple[str, str]]  # (key, display) -> the actor's (key, display)


def canonical_actors(mentions: list[Mention]) -> list[Mention]:
    """The mentions with one key and one name per actor across the story (see
    `canonical_names`): 'Zelensky', 'Volodymyr Zelenskyy' and 'President Zelenskiy' are one
    actor to merging, to the entries and to the site."""
    names = canonical_names(actor_forms(mentions))
    return [renamed(m, names) for m in mentions]


def actor_forms(mentions: Iterable[Mention]) -> list[Form]:
    """Every way the mentions write an actor, with how often (first written first)."""
    counts: Counter[tuple[str, str, bool]] = Counter()
    for m in mentions:
        for key, name in zip(m.actor_keys, m.actors, strict=True):
            counts[(key, name, key in m.people_set)] += 1
    return [Form(key, name, person, n) for (key, name, person), n in counts.items()]


def names_as_known(known: list[Form], new: list[Mention]) -> Names:
    """Story-wide names for `new` mentions that will be compared with known ones already
    named (by `canonical_actors` over their own scope; `known`: their `actor_forms`): an
    actor key of `new` that the known mentions do not use takes the name they give that
    actor ('Calder' -> 'Calder Group'), even where a fuller form in `new` would name it
    otherwise, so both sides use one key. A key they use already stays: it matches as it
    is, and the display one article chose for it may not be the story's ('Melania Trump'
    for every 'Trump' of an article that names her)."""
    names = canonical_names([*known, *actor_forms(new)])
    uses: Counter[tuple[str, str]] = Counter()
    for f in known:
        uses[(f.key, f.display)] += f.count
    as_known: Names = {}
    for form, _ in uses.most_common():  # the most used known form names its actor
        as_known.setdefault(names[form], form)
    keys = {key for key, _ in uses}
    return {
        form: as_known.get(actor, actor) for form, actor in names.items() if form[0] not in keys
    }


def renamed(m: Mention, names: Names) -> Mention:
    """The mention with its actors named as `names` says (a form it lacks stays as is)."""
    pairs = [names.get((k, a), (k, a)) for k, a in zip(m.actor_keys, m.actors, strict=True)]
    keys = {old: new for old, (new, _) in zip(m.actor_keys, pairs, strict=True)}
    unique = dict(pairs)  # one name per key, first named first
    if tuple(unique) == m.actor_keys and tuple(unique.values()) == m.actors:
        return m
    return replace(
        m,
        actors=tuple(unique.values()),
        actor_keys=tuple(unique),
        people=tuple(dict.fromkeys(keys.get(k, k) for k in m.people)),
        context=tuple(sorted({keys.get(w, w) for w in m.context})),
    )


# --- events ----------------------------------------------------------------------------


def merge_mentions(mentions: list[Mention], likeness: Likeness | None = None) -> list[Event]:
    """Dated mentions -> one Event per happening, with conflicts where sources disagree
    (`likeness` remembers pair similarities for a caller that merges again)."""
    dated = canonical_actors([m for m in mentions if m.span is not None])
    return _unique_ids([make_event(group) for group in cluster(dated, likeness=likeness)])


def merge_upcoming(mentions: list[Mention], likeness: Likeness | None = None) -> list[Event]:
    """Announced happenings without a date, merged the same way (all share FUTURE_REF);
    `likeness` remembers pair similarities across calls."""
    groups = cluster(canonical_actors(mentions), likeness=likeness)
    events = [make_event(group, Reference("FUTURE")) for group in groups]
    return _unique_ids(sorted(events, key=lambda e: (e.sources, e.id)))


def make_event(group: list[Mention], value: Value | None = None) -> Event:
    """One entry from the mentions of one happening. Undated mentions (an article that
    announces the happening without a date) cite it but take no part in dating it."""
    group = sorted(group, key=_mention_key)
    dated = [m for m in group if m.span is not None]
    winner, conflicts = _choose_value(dated) if value is None else (None, ())
    chosen = value if value is not None else winner.timex.value
    agreeing = [m for m in dated if winner is None or date_relation(m, winner) == "agree"]
    status = _status(dated or group)
    best = best_mention(agreeing or group, status)
    return Event(
        id=event_id(chosen.timex, best, (dated or group)[0]),
        value=chosen,
        summary=best.summary,
        status=status,
        mentions=tuple(group),
        conflicts=conflicts,
        mod=winner.timex.mod if winner is not None else None,
    )


def _choose_value(group: list[Mention]) -> tuple[Mention, tuple[Conflict, ...]]:
    """The value most articles support: a mention supports a value when its interval
    contains the value's (a week supports a day in it); ties go to the finer value, then
    the earlier one. Values disjoint from the winner are the conflicts."""

    def interval(m: Mention) -> tuple[date, date]:
        span = m.span
        assert span is not None
        return span

    votes = [interval(m) for m in _article_votes(group)]
    supports: dict[tuple[date, date], int] = {}  # a value's support, once per value

    def support(v: Mention) -> int:
        iv = interval(v)
        if iv not in supports:
            supports[iv] = sum(1 for lo, hi in votes if lo <= iv[0] and iv[1] <= hi)
        return supports[iv]

    def width(m: Mention) -> int:
        span = interval(m)
        return (span[1] - span[0]).days

    winner = min(group, key=lambda m: (-support(m), width(m), interval(m)[0], _mention_key(m)))
    dissent: dict[Value, list[str]] = {}
    for m in group:
        if date_relation(m, winner) == "conflict":
            dissent.setdefault(m.timex.value, []).append(m.article)
    conflicts = tuple(
        Conflict(value, tuple(dict.fromkeys(arts)))
        for value, arts in sorted(dissent.items(), key=lambda item: item[0].timex)
    )
    return winner, conflicts


def _article_votes(group: list[Mention]) -> list[Mention]:
    """One vote per article: the value it gives most often (first in the text on a tie)."""
    by_article: dict[str, list[Mention]] = {}
    for m in group:
        by_article.setdefault(m.article, []).append(m)
    votes = []
    for mentions in by_article.values():
        counts = Counter(m.timex.timex_value for m in mentions)
        votes.append(min(mentions, key=lambda m: (-counts[m.timex.timex_value], _mention_key(m))))
    return votes


def _status(group: list[Mention]) -> str:
    counts = Counter(m.status for m in group)
    order = ("reported", "scheduled", "ongoing", "context")
    return max(order, key=lambda s: (counts.get(s, 0), -order.index(s)))


def best_mention(group: list[Mention], status: str) -> Mention:
    """The mention whose summary stands for the entry: matching status, naming most of
    the entry's actors, of a readable length, earliest article last as tie-break."""
    keys = Counter(k for m in group for k in set(m.actor_keys))
    happening = Counter(m.happening for m in group if m.happening).most_common(1)
    main = happening[0][0] if happening else None

    def rank(m: Mention) -> tuple:
        coverage = sum(keys[k] for k in set(m.actor_keys))
        return (
            m.status != status,
            m.happening != main,
            m.summary.startswith(("“", '"', "‘", "'")),  # a quote does not say who
            -coverage,
            abs(len(m.summary) - 140) // 40,
            _mention_key(m),
        )

    return min(group, key=rank)


def event_id(value: str, best: Mention, first: Mention) -> str:
    """Stable across runs: date, the trigger's lemma and a digest of the first mention."""
    word = re.sub(r"[^a-z0-9]+", "-", lemma(best.trigger.split()[0]) if best.trigger else "")
    digest = hashlib.sha1(f"{first.article}:{first.timex.start}:{first.trigger_start}".encode())
    slug_value = re.sub(r"[^A-Za-z0-9]+", "-", value).strip("-").lower()
    return f"{slug_value}-{word.strip('-') or 'event'}-{digest.hexdigest()[:6]}"


def _unique_ids(events: list[Event]) -> list[Event]:
    seen: Counter[str] = Counter()
    out = []
    for e in events:
        seen[e.id] += 1
        if seen[e.id] > 1:
            e = Event(
                f"{e.id}-{seen[e.id]}", e.value, e.summary, e.status, e.mentions, e.conflicts, e.mod
            )
        out.append(e)
    return out


def attach(
    events: list[Event], mentions: list[Mention], likeness: Likeness | None = None
) -> list[Event]:
    """Entries with the undated mentions that announce them added as sources (each
    mention to the entry it fits best); `likeness` remembers pairs across calls."""
    extra: dict[str, list[Mention]] = {}
    kinds = by_kind(events)
    known = [m for e in events for m in e.mentions]
    for m in canonical_actors(known + mentions)[len(known) :]:
        same_kind = kinds.get(m.happening or "", [])
        fits = [(matches_event(m, e, likeness=likeness), e.id) for e in same_kind]
        score, eid = max(fits, default=(0.0, ""))
        if score > 0:
            extra.setdefault(eid, []).append(m)
    return [make_event([*e.mentions, *extra[e.id]]) if e.id in extra else e for e in events]


def by_kind(events: list[Event]) -> dict[str, list[Event]]:
    """The entries with a mention of each kind of happening, in order: an undated mention
    only fits an entry of its own kind (`matches_event` wants full class agreement)."""
    out: dict[str, list[Event]] = {}
    for e in events:
        for kind in dict.fromkeys(m.happening for m in e.mentions if m.happening):
            out.setdefault(kind, []).append(e)
    return out


def matches_event(
    m: Mention, event: Event, threshold: float | None = None, likeness: Likeness | None = None
) -> float:
    """How well an undated mention fits an entry (class must agree, actors overlap);
    `likeness` remembers pairs across calls."""
    best = 0.0
    for other in event.mentions:
        parts = _compare(m, other, likeness)[0]
        if parts["class"] < 1 or parts["actors"] < 0.4 or _people_cosine(m, other) < 0.7:
            continue
        best = max(best, _weighted(parts))
    bar = TUNING.conflict_threshold if threshold is None else threshold
    return best if best >= bar else 0.0


def is_statement(event: Event) -> bool:
    """An entry about what someone said (every mention's trigger is a reporting verb)."""
    reporting = lexicon().reporting
    return all(any(c in reporting for c in m.classes) for m in event.mentions)
