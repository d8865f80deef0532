"""One name per actor across the story: 'Zelensky', 'Volodymyr Zelenskyy' and 'President
Zelenskiy' are one actor to merging, to the entries and to the site.

The names are found once, from every clause of every analysed article (who an article
names does not depend on its date), and each clause is renamed once; every later stage
(inference, merging, the site) then sees the same keys.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from timeline.analysis import Analysis
from timeline.events.actors import Form, canonical_names
from timeline.model import Clause, Mention

Names = dict[tuple[str, str], tuple[str, str]]  # (key, display) -> the actor's (key, display)


def story_names(analyses: Iterable[Analysis]) -> Names:
    """The story-wide name of every way its articles write an actor."""
    return names_of(c for a in analyses for c in clauses_of(a))


def names_of(clauses: Iterable[Clause]) -> Names:
    """One name per actor among the clauses."""
    return canonical_names(actor_forms(clauses))


def named_mentions(mentions: list[Mention]) -> list[Mention]:
    """Mentions with one name per actor among them (the story-wide naming of a set of
    mentions made outside the pipeline)."""
    names = names_of(m.clause for m in mentions)
    return [replace(m, clause=renamed(m.clause, names)) for m in mentions]


def clauses_of(analysis: Analysis) -> list[Clause]:
    """Every clause of an analysis: those its dates govern and its undated ones."""
    return [
        *analysis.clauses.values(),
        *(m.clause for _, m in analysis.announced),
        *(m.clause for m in analysis.happenings),
    ]


def actor_forms(clauses: Iterable[Clause]) -> list[Form]:
    """Every way the clauses write an actor, with how often (first written first)."""
    counts: Counter[tuple[str, str, bool]] = Counter()
    for c in clauses:
        for key, name in zip(c.actor_keys, c.actors, strict=True):
            counts[(key, name, key in c.people_set)] += 1
    return [Form(key, name, person, n) for (key, name, person), n in counts.items()]


def named(analysis: Analysis, names: Names) -> Analysis:
    """The analysis with its actors named as the story names them."""
    cache: dict[int, Clause] = {}  # a clause shared by several dates is renamed once

    def clause(c: Clause) -> Clause:
        if id(c) not in cache:
            cache[id(c)] = renamed(c, names)
        return cache[id(c)]

    def mention(m: Mention) -> Mention:
        return replace(m, clause=clause(m.clause))

    return replace(
        analysis,
        clauses={end: clause(c) for end, c in analysis.clauses.items()},
        announced=tuple((start, mention(m)) for start, m in analysis.announced),
        happenings=tuple(mention(m) for m in analysis.happenings),
    )


def renamed(c: Clause, names: Names) -> Clause:
    """The clause with its actors named as `names` says (a form it lacks stays as is)."""
    pairs = [names.get((k, a), (k, a)) for k, a in zip(c.actor_keys, c.actors, strict=True)]
    keys = {old: new for old, (new, _) in zip(c.actor_keys, pairs, strict=True)}
    unique = dict(pairs)  # one name per key, first named first
    if tuple(unique) == c.actor_keys and tuple(unique.values()) == c.actors:
        return c
    return replace(
        c,
        actors=tuple(unique.values()),
        actor_keys=tuple(unique),
        people=tuple(dict.fromkeys(keys.get(k, k) for k in c.people)),
        context=tuple(sorted({keys.get(w, w) for w in c.context})),
    )
