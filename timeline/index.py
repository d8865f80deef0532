"""The known happenings, indexed by what their mentions tell: kinds of happening, trigger
verbs and actors. Two mentions can only be alike (`merge.class_agreement` above 0) when
they share a kind, or when one has no known kind and they share the verb or an actor;
the index hands out exactly those, so publish-date inference compares a mention with the
few known mentions it may match rather than with every one (merging blocks its pairs by
the same keys, `merge.candidate_pairs`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from timeline.config import TUNING
from timeline.merge import _parts, _weighted, by_kind, open_keys
from timeline.model import Clause, Event, Mention

Match = tuple[float, Event]  # how alike, and the known happening


@dataclass
class HappeningIndex:
    events: list[Event]
    entries: list[tuple[Event, Mention]] = field(init=False)
    kinds: dict[str, list[int]] = field(init=False)  # kind -> entries of that kind
    shared: dict[tuple[str, str], list[int]] = field(init=False)  # verb/actor -> entries
    unknown: set[int] = field(init=False)  # entries of no known kind
    by_kind: dict[str, list[Event]] = field(init=False)
    by_article: dict[str, list[Event]] = field(init=False)  # the entries each article tells
    starts: list[date] = field(init=False)  # every entry's first day, sorted

    def __post_init__(self) -> None:
        self.entries = [(e, m) for e in self.events for m in e.mentions]
        self.by_article = {}
        for e in self.events:
            for article in e.sources:
                self.by_article.setdefault(article, []).append(e)
        self.starts = sorted(e.interval[0] for e in self.events)
        self.kinds, self.shared, self.unknown = {}, {}, set()
        for i, (_, m) in enumerate(self.entries):
            c = m.clause
            for kind in c.classes:
                self.kinds.setdefault(kind, []).append(i)
            if not c.classes:
                self.unknown.add(i)
            for key in open_keys(c):
                self.shared.setdefault(key, []).append(i)
        self.by_kind = by_kind(self.events)

    def told_by(self, article: str) -> list[Event]:
        """The entries the article has a mention in, in order."""
        return self.by_article.get(article, [])

    def candidates(self, c: Clause) -> list[int]:
        """Positions of the known mentions that may be alike, in order. When they are
        more than `Tuning.match_candidates` (a long story), those that share the clause's
        most telling keys: its rarest kinds, verb or actors, as many as fit; a clause
        whose every key is common to the whole story is matched with nothing (it says
        little about its date)."""
        lists = [self.kinds[k] for k in c.classes if k in self.kinds]
        lists += [self.shared[k] for k in open_keys(c) if k in self.shared]
        if sum(map(len, lists)) <= TUNING.match_candidates:
            return self._alike(c)
        found: set[int] = set()
        for postings in sorted(lists, key=len):
            if len(found) + len(postings) > TUNING.match_candidates:
                break
            found.update(postings)
        return sorted(found)

    def _alike(self, c: Clause) -> list[int]:
        """Every known mention that may be alike, in order."""
        found: set[int] = set()
        for kind in c.classes:
            found.update(self.kinds.get(kind, ()))
        for key in open_keys(c):
            postings = self.shared.get(key, ())
            # of no known kind, anything sharing a verb or actor may match; of a known
            # kind, only what is of no known kind itself
            found.update(postings if not c.classes else self.unknown.intersection(postings))
        return sorted(found)

    def matches(self, m: Mention, skip: str | None = None, most: int = 5) -> list[Match]:
        """The known happenings alike enough to the mention (each with its most similar
        mention's score), best first, at most `most` (on a tie, the one first in order)."""
        best: dict[int, tuple[float, int, Event]] = {}
        for i in self.candidates(m.clause):
            event, other = self.entries[i]
            if other.article == skip:
                continue
            score = match_score(m, other)
            if score > 0 and (id(event) not in best or score > best[id(event)][0]):
                best[id(event)] = (score, best.get(id(event), (0, i))[1], event)
        ranked = sorted(best.values(), key=lambda x: (-x[0], x[1]))
        return [(score, event) for score, _, event in ranked[:most]]

    def same_kind(self, m: Mention) -> list[Event]:
        """Entries with a mention of the mention's kind of happening, in order, among
        those the mention may be alike to (`candidates`)."""
        kind = {id(e) for e in self.by_kind.get(m.happening or "", ())}
        if not kind:
            return []
        found: dict[int, Event] = {}
        for i in self.candidates(m.clause):
            event = self.entries[i][0]
            if id(event) in kind:
                found.setdefault(id(event), event)
        order = {id(e): n for n, e in enumerate(self.events)}
        return sorted(found.values(), key=lambda e: order[id(e)])


def match_score(m: Mention, other: Mention) -> float:
    """How alike a mention is to a known one, if of a compatible kind and alike enough
    (else 0); never its very own date (an article's explicit dates are known too)."""
    if other.article == m.article and other.timex.start == m.timex.start:
        return 0.0
    parts = _parts(m.clause, other.clause)
    if parts["class"] == 0:
        return 0.0
    score = _weighted(parts)
    return score if score >= TUNING.match_threshold else 0.0
