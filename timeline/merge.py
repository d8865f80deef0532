"""Merging: mentions of one happening across articles become one Event.

Two mentions name the same happening when they agree on the kind of happening (class
from the lexicon: call/conversation/spoke-to are one class; a trigger the lexicon does not
know may be of any kind, given the same verb or the same actors in much the same words),
share actors and words, and
their dates are compatible: equal or nested, or close enough (a day or two) that the
sources disagree about one happening rather than describe two. Clustering is average-link
agglomerative over those pair scores, so one loose pair cannot chain two stories together.
The entry keeps the date most articles support; dissenting dates become `conflicts`.

Only pairs that can score above zero are compared (`candidate_pairs`): the same date and
a shared kind, verb or actor; or, for dates that agree only loosely (a day apart, a week
around a day), the same kind of happening and a shared actor. A story of thousands of
articles costs what its mentions share, not the square of their number.
"""

from __future__ import annotations

import hashlib
import heapq
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from timeline.config import TUNING
from timeline.events.lexicon import lemma, lexicon
from timeline.model import Clause, Conflict, Event, Mention
from timeline.values import Reference, Value

# --- similarity ------------------------------------------------------------------------


def similarity(a: Mention, b: Mention) -> float:
    """How alike two mentions are as descriptions of one happening, ignoring dates (0..1)."""
    return _weighted(_parts(a.clause, b.clause))


def _weighted(parts: Mapping[str, float]) -> float:
    return sum(weight * parts[k] for k, weight in TUNING.merge_weights)


def _parts(a: Clause, b: Clause, kind: float | None = None) -> Mapping[str, float]:
    """The parts of the similarity (`kind`: their class agreement, if known already)."""
    return {
        "class": class_agreement(a, b) if kind is None else kind,
        "actors": actor_agreement(a, b),
        "words": min(1.0, 2 * _jaccard(a.lemma_set, b.lemma_set)),
        "context": min(1.0, 2 * _jaccard(a.context_set, b.context_set)),
    }


def _people(a: Clause, b: Clause) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The actor keys of each clause that name persons, and every person key. A key
    counts as a person when either clause knows it as one (one article may name 'Walsh'
    bare, another 'Governor Tim Walsh')."""
    people = a.people_set | b.people_set
    return a.actor_set & people, b.actor_set & people, people


def actor_agreement(a: Clause, b: Clause) -> float:
    """People weigh most: two statements by different people are different happenings."""
    pa, pb, people = _people(a, b)
    if pa and pb:
        return 0.7 * _cosine(pa, pb) + 0.3 * _cosine(a.actor_set - people, b.actor_set - people)
    return _cosine(a.actor_set, b.actor_set)


def different_people(a: Clause, b: Clause) -> bool:
    """Both name people and share none of them."""
    pa, pb, _ = _people(a, b)
    return bool(pa and pb and not pa & pb)


def _people_cosine(a: Clause, b: Clause) -> float:
    pa, pb, _ = _people(a, b)
    return _cosine(pa, pb) if pa and pb else 1.0


def class_agreement(a: Clause, b: Clause) -> float:
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
        if a.verb == b.verb:
            return 0.5
        if _cosine(a.actor_set, b.actor_set) >= 0.5 and _jaccard(a.lemma_set, b.lemma_set) >= 0.2:
            return 0.5
    return 0.0


def open_keys(c: Clause) -> list[tuple[str, str]]:
    """What a clause of no known kind must share with another to be alike at all (the
    blocking keys of merging and of the index of known happenings): its verb, or an
    actor (`class_agreement`)."""
    return [("verb", c.verb), *(("actor", k) for k in c.actor_keys)]


def _cosine(sa: AbstractSet[str], sb: AbstractSet[str]) -> float:
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / math.sqrt(len(sa) * len(sb))


def _jaccard(sa: AbstractSet[str], sb: AbstractSet[str]) -> float:
    if not sa or not sb:
        return 0.0
    shared = len(sa & sb) if len(sa) < len(sb) else len(sb & sa)
    return shared / (len(sa) + len(sb) - shared)


# --- dates -----------------------------------------------------------------------------

DateKey = tuple[date, date] | str  # a mention's interval, or its reference ('FUTURE_REF')


def date_key(m: Mention) -> DateKey:
    return m.span if m.span is not None else m.timex.timex_value


def date_relation(a: Mention, b: Mention) -> str:
    """'agree' (equal or nested), 'conflict' (close days), or 'apart'."""
    return dates_relation(date_key(a), date_key(b))


def dates_relation(ia: DateKey, ib: DateKey) -> str:
    """`date_relation` of two date keys."""
    if isinstance(ia, str) or isinstance(ib, str):
        return "agree" if ia == ib else "apart"
    if (ia[0] <= ib[0] and ib[1] <= ia[1]) or (ib[0] <= ia[0] and ia[1] <= ib[1]):
        return "agree"
    short = max((ia[1] - ia[0]).days, (ib[1] - ib[0]).days) == 0
    gap = min(abs((ia[0] - ib[1]).days), abs((ib[0] - ia[1]).days))
    return "conflict" if short and gap <= TUNING.conflict_gap_days else "apart"


# --- the score of a pair ---------------------------------------------------------------


def pair_score(a: Mention, b: Mention) -> float | None:
    """The merge score of two mentions; None when they cannot be one happening."""
    relation = date_relation(a, b)
    if relation == "apart":
        return None
    ca, cb = a.clause, b.clause
    kind = class_agreement(ca, cb)
    if kind == 0 or different_people(ca, cb):
        return 0.0  # different kinds of happening, or of people: nothing to weigh
    parts = _parts(ca, cb, kind)
    score = _weighted(parts)
    # a date a day or two off, or one that merely contains the other's (a week around a
    # day), pins the happening loosely: in any week an actor in the news does many things
    # of one kind, so a shared actor inside an overlapping interval is not enough
    loose = relation == "conflict" or a.span != b.span
    # actors must agree where either names some; a disputed date always needs them
    need_actors = relation == "conflict" or bool(ca.actor_set or cb.actor_set)
    if loose and not _firmly_alike(a, b, parts, score, need_actors):
        return 0.0
    if a.article == b.article and relation == "conflict":
        return None  # one article giving two dates tells two happenings
    if a.article == b.article:
        # within one article only a retelling merges: same kind and strongly alike, or
        # the same sentence repeated (a lead restated in the body)
        repeated = _jaccard(ca.lemma_set, cb.lemma_set) >= 0.8
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


# --- which pairs can score -------------------------------------------------------------


def candidate_pairs(items: list[Mention], only: set[int] | None = None) -> set[tuple[int, int]]:
    """Index pairs (i < j) of the mentions whose `pair_score` can be other than 0 (and
    whose dates are not apart): what the score needs, read as blocking keys.
    - The same date: a shared kind of happening, or (one of no known kind) the same
      trigger verb or a shared actor (`class_agreement` is 0 otherwise).
    - Dates that agree only loosely (nested, or short and a day or two apart) must be
      firmly alike (`_firmly_alike`): the same non-statement kind, and a shared actor
      unless neither names any (nested dates only; a dispute always needs actors).
    With `only`, just the pairs holding one of those positions."""
    pairs: set[tuple[int, int]] = set()
    same_date: dict[DateKey, list[int]] = {}
    for i, m in enumerate(items):
        same_date.setdefault(date_key(m), []).append(i)
    for members in same_date.values():
        if len(members) > 1 and (only is None or not only.isdisjoint(members)):
            _same_date_pairs(items, members, pairs)
    _loose_pairs(items, pairs)
    if only is not None:
        pairs = {p for p in pairs if p[0] in only or p[1] in only}
    return pairs


def _same_date_pairs(items: list[Mention], members: list[int], pairs: set) -> None:
    kinds: dict[str, list[int]] = {}  # kind -> mentions of that kind
    shared: dict[tuple[str, str], list[int]] = {}  # verb or actor -> every mention
    unknown: set[int] = set()
    for i in members:
        c = items[i].clause
        for kind in c.classes:
            kinds.setdefault(kind, []).append(i)
        if not c.classes:
            unknown.add(i)
        for key in open_keys(c):
            shared.setdefault(key, []).append(i)
    for group in kinds.values():
        _add_pairs(group, pairs)
    for group in shared.values():
        if len(group) > 1 and not unknown.isdisjoint(group):
            _add_pairs(group, pairs, unknown)


def _loose_pairs(items: list[Mention], pairs: set) -> None:
    """Pairs of one non-statement kind whose dates overlap or lie a day or two apart,
    sharing an actor (or both naming none): each group sorted by start, each mention
    looking ahead only as far as its own interval (and the gap) reaches."""
    reporting = lexicon().reporting
    groups: dict[tuple[str, str], list[int]] = {}
    for i, m in enumerate(items):
        c = m.clause
        if m.span is None or not c.happening or c.happening in reporting:
            continue
        for key in c.actor_keys or ("",):
            groups.setdefault((c.happening, key), []).append(i)
    gap = TUNING.conflict_gap_days
    for group in groups.values():
        order = sorted(group, key=lambda i: (items[i].span, i))
        for pos, i in enumerate(order):
            reach = items[i].span[1]  # type: ignore[index]
            for j in order[pos + 1 :]:
                if (items[j].span[0] - reach).days > gap:  # type: ignore[index]
                    break
                if items[i].span != items[j].span:
                    pairs.add((i, j) if i < j else (j, i))


def _add_pairs(group: list[int], pairs: set, one_of: set[int] | None = None) -> None:
    """Every pair of the group (with `one_of`: only pairs holding one of those)."""
    for x, i in enumerate(group):
        for j in group[x + 1 :]:
            if i != j and (one_of is None or i in one_of or j in one_of):
                pairs.add((i, j) if i < j else (j, i))


# --- clustering ------------------------------------------------------------------------


Links = dict[tuple[int, int], float | None]  # scored pairs: a positive score, or None (apart)


def cluster(mentions: list[Mention], threshold: float | None = None) -> list[list[Mention]]:
    """Average-link agglomerative clustering; deterministic for a given input.

    Only the candidate pairs are scored. Two clusters are linked when some pair of their
    mentions scored; a pair that never scored counts 0, or blocks the link when its
    dates are apart. Clusters that no positive link joins never merge, so each
    connected group is clustered on its own. Ties go to the pair of clusters whose
    first mentions come first."""
    return Clustering(mentions, threshold).groups()


class Clustering:
    """Mentions clustered, keeping what it took (the scored links, the connected groups
    and their clusters), so that removing or adding a few mentions (`changed`) scores
    only the new pairs and clusters again only the groups whose members changed."""

    def __init__(
        self,
        mentions: list[Mention],
        threshold: float | None = None,
        mapper: Mapper | None = None,
    ):
        self.bar = TUNING.merge_threshold if threshold is None else threshold
        self.mapper = mapper or _serial
        reps, self.copies = restatements(mentions)
        self.mentions: dict[int, Mention] = dict(enumerate(reps))
        self.links: Links = {}
        self._score(candidate_pairs(list(self.mentions.values())))
        self.clusters: dict[frozenset[int], list[list[int]]] = {}
        self.made: dict[tuple[int, ...], Event] = {}  # entries made, by their mentions' ids
        self._cluster()

    def _score(self, pairs: Iterable[tuple[int, int]]) -> None:
        for i, j in pairs:
            score = pair_score(self.mentions[i], self.mentions[j])
            if score is None or score > 0:
                self.links[(i, j)] = score

    def _cluster(self) -> None:
        """Cluster each connected group, reusing the clusters of a group whose members
        (and so whose links) are unchanged; the groups are independent, so the mapper
        may cluster them anywhere (the reduce of a distributed run)."""
        old, self.clusters = self.clusters, {}
        grouped: set[int] = set()
        todo: list[tuple[frozenset[int], list[int], Links]] = []
        for component, inside in connected(self.links):
            members = frozenset(component)
            grouped.update(members)
            if members in old:
                self.clusters[members] = old[members]
            else:
                todo.append((members, component, inside))
        work = [self._group_work(component, inside) for _, component, inside in todo]
        results = self.mapper(_agglomerated, work)
        for (members, _, _), group, found in zip(todo, work, results, strict=True):
            self.clusters[members] = [[group.order[n] for n in g] for g in found]
        for i in self.mentions:
            if i not in grouped:
                self.clusters[frozenset((i,))] = [[i]]

    def _group_work(self, component: list[int], inside: Links) -> _Group:
        """One group in mention order (so ties break as in one whole run), numbered
        from 0."""
        order = sorted(component, key=lambda i: _mention_key(self.mentions[i]))
        local = {i: n for n, i in enumerate(order)}
        links = {
            (min(local[i], local[j]), max(local[i], local[j])): score
            for (i, j), score in inside.items()
        }
        return _Group(order, [self.mentions[i] for i in order], links, self.bar)

    def groups(self) -> list[list[Mention]]:
        """The clusters (each restatement beside what it restates), each in mention
        order, ordered by their first mention."""
        out = [
            sorted(
                (m for i in group for m in [self.mentions[i], *self.copies.get(i, ())]),
                key=_mention_key,
            )
            for groups in self.clusters.values()
            for group in groups
        ]
        return sorted(out, key=lambda g: _mention_key(g[0]))

    def everything(self) -> list[Mention]:
        return [m for i, r in self.mentions.items() for m in [r, *self.copies.get(i, ())]]

    def changed(self, removed: Iterable[Mention], added: list[Mention]) -> Clustering:
        """A new clustering of these mentions less `removed` plus `added`, as clustering
        them from scratch would find."""
        gone = {id(m) for m in removed}
        reps, copies = restatements([m for m in self.everything() if id(m) not in gone] + added)
        kept = {id(r) for r in reps}
        new = Clustering.__new__(Clustering)
        new.bar, new.clusters, new.made = self.bar, self.clusters, self.made
        new.mapper = self.mapper
        new.mentions = {i: m for i, m in self.mentions.items() if id(m) in kept}
        known = {id(m): i for i, m in new.mentions.items()}
        start = max(self.mentions, default=-1) + 1
        fresh = {start + n: m for n, m in enumerate(r for r in reps if id(r) not in known)}
        new.mentions.update(fresh)
        ids = {id(m): i for i, m in new.mentions.items()}
        new.copies = {
            ids[id(r)]: c for r, c in zip(reps, copies_of(reps, copies), strict=True) if c
        }
        new.links = {
            p: s for p, s in self.links.items() if p[0] in new.mentions and p[1] in new.mentions
        }
        order = list(new.mentions)
        positions = candidate_pairs(
            [new.mentions[i] for i in order], only={n for n, i in enumerate(order) if i in fresh}
        )
        new._score(sorted((min(order[a], order[b]), max(order[a], order[b])) for a, b in positions))
        new._cluster()
        return new


@dataclass(frozen=True)
class _Group:
    """A connected group of mentions to agglomerate, self-contained (to send to a worker)."""

    order: list[int]
    items: list[Mention]
    links: Links
    bar: float


def _agglomerated(group: _Group) -> list[list[int]]:
    return agglomerate(group.items, list(range(len(group.items))), group.links, group.bar)


Mapper = Callable[[Callable[[Any], Any], list[Any]], list[Any]]


def _serial(fn: Callable[[Any], Any], items: list[Any]) -> list[Any]:
    return [fn(item) for item in items]


def restatements(mentions: list[Mention]) -> tuple[list[Mention], dict[int, list[Mention]]]:
    """The mentions less those that restate, in the same article and for the same date,
    what an earlier one of that article tells (the same verb, actors and words: a lead
    repeated in the body). A restatement adds no evidence: it joins the entry of what it
    restates (by position in the returned list) and is never compared on its own, so an
    article repeating one sentence costs no more than saying it once."""
    first: dict[tuple, int] = {}
    reps: list[Mention] = []
    copies: dict[int, list[Mention]] = {}
    for m in sorted(mentions, key=_mention_key):
        c = m.clause
        key = (m.article, date_key(m), m.status, c.verb, c.classes, c.actor_keys, c.lemma_set)
        if key in first:
            copies.setdefault(first[key], []).append(m)
        else:
            first[key] = len(reps)
            reps.append(m)
    return reps, copies


def copies_of(reps: list[Mention], copies: dict[int, list[Mention]]) -> list[list[Mention]]:
    return [copies.get(n, []) for n in range(len(reps))]


def connected(links: Links) -> list[tuple[list[int], Links]]:
    """The groups of mentions that positive links join, each sorted, with the links
    inside each group (a blocking link between two groups never matters: they never
    merge)."""
    parent: dict[int, int] = {}

    def root(i: int) -> int:
        while parent.setdefault(i, i) != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for (i, j), score in links.items():
        if score is not None:
            a, b = root(i), root(j)
            parent[max(a, b)] = min(a, b)
    groups: dict[int, list[int]] = {}
    for i in parent:
        groups.setdefault(root(i), []).append(i)
    inside: dict[int, Links] = {r: {} for r in groups}
    for (i, j), score in links.items():
        if i in parent and j in parent and root(i) == root(j):
            inside[root(i)][(i, j)] = score
    return [(sorted(g), inside[r]) for r, g in groups.items()]


def agglomerate(
    items: list[Mention], members: list[int], links: Links, bar: float
) -> list[list[int]]:
    """Average-link clustering of one connected group by running sums: the link of a
    merged cluster to a neighbour is the sum of its parts' links (Lance-Williams), so no
    pair is ever re-summed.

    The average is over the pairs that are evidence: pairs from different articles, and
    pairs within one article that retell one happening (a positive same-article link).
    Two mentions in one article that are not a retelling say nothing about whether two
    outlets' reports are one happening, so they do not dilute it."""
    dates = {i: {date_key(items[i])} for i in members}
    articles = {i: Counter([items[i].article]) for i in members}
    size = dict.fromkeys(members, 1)
    cluster_of = {i: [i] for i in members}
    sums: Links = dict(links)
    # per linked pair of clusters: how many of its positive links are within one article
    retold = {
        p: int(s is not None and items[p[0]].article == items[p[1]].article)
        for p, s in links.items()
    }
    near: dict[int, set[int]] = {i: set() for i in members}

    def average(x: int, z: int) -> float | None:
        pair = (x, z) if x < z else (z, x)
        total = sums.get(pair)
        if total is None:
            return None
        small, large = sorted((articles[x], articles[z]), key=len)
        same = sum(n * large[a] for a, n in small.items())
        counted = size[x] * size[z] - same + retold.get(pair, 0)
        return total / counted if counted else None

    heap: list[tuple[float, int, int]] = []
    for x, y in sums:
        near[x].add(y)
        near[y].add(x)
        value = average(x, y)
        if value is not None and value >= bar:
            heap.append((-value, x, y))
    heapq.heapify(heap)

    def joined(part: int, z: int) -> tuple[float | None, int]:
        """The summed link of `part` to z and its retellings; 0 when no pair of theirs
        scored, None when one blocks (scored as apart, or unscored with dates apart)."""
        pair = (part, z) if part < z else (z, part)
        if pair in sums:
            return sums[pair], retold.get(pair, 0)
        apart = any(dates_relation(a, b) == "apart" for a in dates[part] for b in dates[z])
        return (None if apart else 0.0), 0

    while heap:
        value, x, y = heapq.heappop(heap)
        if y not in size or x not in size or (x, y) not in sums:
            continue
        if average(x, y) != -value:
            continue  # stale: a side has grown since this was pushed
        around = (near.pop(x) | near.pop(y)) - {x, y}
        totals = {}
        for z in around:
            (a, ra), (b, rb) = joined(x, z), joined(y, z)
            totals[z] = (None if a is None or b is None else a + b), ra + rb
        for z in around:
            near[z] -= {x, y}
            sums.pop((min(y, z), max(y, z)), None)
            retold.pop((min(y, z), max(y, z)), None)
        sums.pop((x, y), None)
        size[x] += size.pop(y)
        dates[x] |= dates.pop(y)
        articles[x] += articles.pop(y)
        cluster_of[x].extend(cluster_of.pop(y))
        near[x] = set(around)
        for z, (total, count) in totals.items():
            pair = (min(x, z), max(x, z))
            sums[pair], retold[pair] = total, count
            near[z].add(x)
            value = average(x, z)
            if value is not None and value >= bar:
                heapq.heappush(heap, (-value, *pair))
    return [sorted(g) for g in cluster_of.values()]


def _mention_key(m: Mention) -> tuple:
    return (m.article, m.timex.start, m.trigger_start)


# --- events ----------------------------------------------------------------------------


def merge_mentions(mentions: list[Mention]) -> list[Event]:
    """Dated mentions -> one Event per happening, with conflicts where sources disagree."""
    return events_of(Clustering([m for m in mentions if m.span is not None]))


def events_of(clustering: Clustering) -> list[Event]:
    """The entries of a clustering (one made before for the same mentions is reused)."""
    events = []
    for group in clustering.groups():
        key = tuple(map(id, group))
        if key not in clustering.made:
            clustering.made[key] = make_event(group)
        events.append(clustering.made[key])
    return _unique_ids(events)


def merge_upcoming(mentions: list[Mention]) -> list[Event]:
    """Announced happenings without a date, merged the same way (all share FUTURE_REF)."""
    groups = cluster(mentions)
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
        headline=best.clause.headline,
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
            e = replace(e, id=f"{e.id}-{seen[e.id]}")
        out.append(e)
    return out


def attach(events: list[Event], mentions: list[Mention]) -> list[Event]:
    """Entries with the undated mentions that announce them added as sources (each
    mention to the entry it fits best)."""
    extra: dict[str, list[Mention]] = {}
    kinds = by_kind(events)
    for m in mentions:
        same_kind = kinds.get(m.happening or "", [])
        fits = [(matches_event(m, e), e.id) for e in same_kind]
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


def matches_event(m: Mention, event: Event, threshold: float | None = None) -> float:
    """How well an undated mention fits an entry (class must agree, actors overlap)."""
    best = 0.0
    for other in event.mentions:
        parts = _parts(m.clause, other.clause)
        if (
            parts["class"] < 1
            or parts["actors"] < 0.4
            or _people_cosine(m.clause, other.clause) < 0.7
        ):
            continue
        best = max(best, _weighted(parts))
    bar = TUNING.conflict_threshold if threshold is None else threshold
    return best if best >= bar else 0.0


def is_statement(event: Event) -> bool:
    """An entry about what someone said (every mention's trigger is a reporting verb)."""
    reporting = lexicon().reporting
    return all(any(c in reporting for c in m.classes) for m in event.mentions)
