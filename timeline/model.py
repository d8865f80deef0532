"""The nouns of the house, at its bottom: every stage reads and makes these records.

- `Article`: one news article (front matter and verbatim body);
- `Timex`: a temporal expression found in a text, with its typed value (`timeline.values`);
- `Mention`: one article's mention of a dated happening;
- `Event` and `Conflict`: one entry of the timeline, and a date some sources dispute;
- `Timeline`: the ordered entries with their articles.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from pathlib import Path

from timeline.text import Sentence
from timeline.values import Grain, Point, Value

STATUSES = ("reported", "scheduled", "ongoing", "context")


@dataclass(frozen=True)
class Article:
    """One news article. `body` is the text after the front matter, verbatim;
    `body_line` is the file line on which the body starts (for messages)."""

    id: str
    path: Path
    title: str
    body: str
    source: str | None = None
    url: str | None = None
    author: str | None = None
    published: date | datetime | None = None
    language: str = "en"
    body_line: int = 1
    published_inferred: bool = False
    published_evidence: tuple[str, ...] = field(default=())
    dateline: str | None = None
    program: str | None = None

    @property
    def published_day(self) -> date | None:
        """The calendar day of publication, as written (no time-zone shift)."""
        if isinstance(self.published, datetime):
            return self.published.date()
        return self.published


@dataclass(frozen=True)
class Timex:
    """A temporal expression found in a text, with its resolved value and the evidence for it.

    `start`/`end` are character offsets into the text it was found in. `rule` names the
    pattern that matched and `cue` the word that decided the direction or anchor, so a
    reader can be told why a phrase got its date.
    """

    text: str
    start: int
    end: int
    type: str  # DATE, TIME, DURATION, SET
    value: Value
    mod: str | None = None
    rule: str = ""
    cue: str | None = None
    anchor: date | None = None
    # other readings the phrase fits as well ("next Thursday" said on a Tuesday: two or
    # nine days later); empty when it has one reading
    alternatives: tuple[Value, ...] = ()

    @property
    def timex_value(self) -> str:
        return self.value.timex

    def interval(self) -> tuple[date, date] | None:
        return self.value.interval()


# --- TIMEX3 forms and intervals -------------------------------------------------------


@dataclass(frozen=True)
class Clause:
    """What a sentence tells about one happening, whatever its date: the trigger word
    that names it, its kinds, actors and words, and the tense facts its status needs.
    An article's clauses are found once; a Mention is a clause with a date."""

    article: str  # Article.id
    sentence: Sentence
    sentence_text: str
    summary: str
    trigger: str
    trigger_start: int
    trigger_end: int
    actors: tuple[str, ...] = ()
    # what merging compares: kinds of happening (the one named first), actor keys,
    # content lemmas of the sentence and of its paragraph
    classes: tuple[str, ...] = ()
    actor_keys: tuple[str, ...] = ()
    people: tuple[str, ...] = ()  # actor keys of persons
    lemmas: tuple[str, ...] = ()
    context: tuple[str, ...] = ()
    # tense of the clause: a future cue before the trigger ('will', 'plans to'),
    # an ongoing form ('is meeting', 'continues to'), a past verb in the clause
    announced: bool = False
    ongoing: bool = False
    past: bool = False
    verb: str = ""  # the trigger's lemma
    headline: str = ""  # who did what, from the trigger's clause

    @property
    def happening(self) -> str | None:
        return self.classes[0] if self.classes else None

    # computed once: merging compares each clause many times
    @cached_property
    def class_set(self) -> frozenset[str]:
        return frozenset(self.classes)

    @cached_property
    def actor_set(self) -> frozenset[str]:
        return frozenset(self.actor_keys)

    @cached_property
    def people_set(self) -> frozenset[str]:
        return frozenset(self.people)

    @cached_property
    def lemma_set(self) -> frozenset[str]:
        return frozenset(self.lemmas)

    @cached_property
    def context_set(self) -> frozenset[str]:
        return frozenset(self.context)


def status_of(clause: Clause, span: tuple[date, date] | None, published: date | None) -> str:
    """reported, scheduled (announced, or dated after publication), ongoing; the publish
    day itself told without a past verb is still to come."""
    if clause.announced or (span and published and span[0] > published):
        return "scheduled"
    if clause.ongoing:
        return "ongoing"
    if span and published and span[0] == published and not clause.past:
        return "scheduled"
    return "reported"


@dataclass(frozen=True)
class Mention:
    """One article's mention of a dated happening: a clause with its date and status."""

    clause: Clause
    timex: Timex
    status: str = "reported"

    # what the clause tells, read through the mention
    @property
    def article(self) -> str:
        return self.clause.article

    @property
    def sentence(self) -> Sentence:
        return self.clause.sentence

    @property
    def sentence_text(self) -> str:
        return self.clause.sentence_text

    @property
    def summary(self) -> str:
        return self.clause.summary

    @property
    def trigger(self) -> str:
        return self.clause.trigger

    @property
    def trigger_start(self) -> int:
        return self.clause.trigger_start

    @property
    def trigger_end(self) -> int:
        return self.clause.trigger_end

    @property
    def actors(self) -> tuple[str, ...]:
        return self.clause.actors

    @property
    def classes(self) -> tuple[str, ...]:
        return self.clause.classes

    @property
    def actor_keys(self) -> tuple[str, ...]:
        return self.clause.actor_keys

    @property
    def people(self) -> tuple[str, ...]:
        return self.clause.people

    @property
    def lemmas(self) -> tuple[str, ...]:
        return self.clause.lemmas

    @property
    def context(self) -> tuple[str, ...]:
        return self.clause.context

    @property
    def happening(self) -> str | None:
        return self.clause.happening

    @property
    def class_set(self) -> frozenset[str]:
        return self.clause.class_set

    @property
    def actor_set(self) -> frozenset[str]:
        return self.clause.actor_set

    @property
    def people_set(self) -> frozenset[str]:
        return self.clause.people_set

    @property
    def lemma_set(self) -> frozenset[str]:
        return self.clause.lemma_set

    @property
    def context_set(self) -> frozenset[str]:
        return self.clause.context_set

    @property
    def grain(self) -> Grain | None:
        value = self.timex.value
        return value.grain if isinstance(value, Point) else None

    @cached_property
    def span(self) -> tuple[date, date] | None:
        """The first and last day the date covers (None for an undated reference)."""
        return self.timex.interval()


@dataclass(frozen=True)
class Extraction:
    """What one article yields: dated mentions, vague context and undated upcoming happenings."""

    dated: tuple[Mention, ...]
    context: tuple[Mention, ...] = ()
    upcoming: tuple[Mention, ...] = ()


@dataclass(frozen=True)
class Conflict:
    """A date some sources give for the happening that differs from the entry's date."""

    value: Value
    articles: tuple[str, ...]


@dataclass(frozen=True)
class Event:
    """One entry of the timeline: a happening, its date, and every mention of it."""

    id: str
    value: Value
    summary: str
    status: str
    mentions: tuple[Mention, ...]
    conflicts: tuple[Conflict, ...] = ()
    mod: str | None = None
    # what an editor reads first: a short who-did-what, and how much the entry matters
    headline: str = ""
    salience: float = 0.0  # 0..1 (`timeline.salience`)
    rank: int = 0  # 1 = the most salient entry; 0 = not ranked
    key_moment: bool = False  # among the story's key moments
    background: bool = False  # told only as history: no source reported it when it happened

    @property
    def date(self) -> str:
        return self.value.timex

    @property
    def interval(self) -> tuple[date, date]:
        span = self.value.interval()
        assert span is not None, "events carry calendar values"
        return span

    @cached_property
    def sources(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.article for m in self.mentions))

    @cached_property
    def actors(self) -> tuple[str, ...]:
        """Display names of the actors that matter to the entry: those of its summary's
        mention and those at least two mentions name, most named first; per key the
        form most mentions use (multi-word forms first)."""
        forms: dict[str, Counter[str]] = {}
        for m in self.mentions:
            for key, name in zip(m.actor_keys, m.actors, strict=True):
                forms.setdefault(key, Counter())[name] += 1
        summary_keys = {k for m in self.mentions if m.summary == self.summary for k in m.actor_keys}
        order = list(forms)
        kept = [k for k in order if k in summary_keys or sum(forms[k].values()) >= 2]
        kept.sort(key=lambda k: (-sum(forms[k].values()), order.index(k)))
        return tuple(
            min(forms[k], key=lambda f, c=forms[k]: (" " not in f, -c[f], f)) for k in kept
        )


# --- similarity ------------------------------------------------------------------------


@dataclass(frozen=True)
class ArticleError:
    """An article the pipeline could not read; the rest of the story goes on without it."""

    article: str  # Article.id
    path: Path
    message: str

    def __str__(self) -> str:
        return f"{self.path}: error: {self.message}"


@dataclass(frozen=True)
class ResolvedArticle:
    """An article with the temporal expressions found in its body."""

    article: Article
    timexes: tuple[Timex, ...]


@dataclass(frozen=True)
class Timeline:
    title: str
    articles: tuple[ResolvedArticle, ...]
    events: tuple[Event, ...]
    # context without a usable date and announced happenings without one, as mentions
    undated: tuple[Mention, ...] = field(default=())
    # announced happenings without a date, merged across articles
    upcoming: tuple[Event, ...] = field(default=())
    # articles left out because they could not be read
    errors: tuple[ArticleError, ...] = field(default=())
