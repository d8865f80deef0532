"""What the event stage yields: mentions of happenings, and one article's extraction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property

from timeline.dates.values import Grain, Point, Timex
from timeline.text import Sentence

STATUSES = ("reported", "scheduled", "ongoing", "context")


@dataclass(frozen=True)
class Mention:
    """One article's mention of a dated happening, pointing back into its body."""

    article: str  # Article.id
    sentence: Sentence
    sentence_text: str
    timex: Timex
    summary: str
    trigger: str
    trigger_start: int
    trigger_end: int
    status: str = "reported"
    actors: tuple[str, ...] = ()
    # what merging compares: kinds of happening (the one named first), actor keys,
    # content lemmas of the sentence and of its paragraph
    classes: tuple[str, ...] = ()
    actor_keys: tuple[str, ...] = ()
    people: tuple[str, ...] = ()  # actor keys of persons
    lemmas: tuple[str, ...] = ()
    context: tuple[str, ...] = ()

    @property
    def grain(self) -> Grain | None:
        value = self.timex.value
        return value.grain if isinstance(value, Point) else None

    @property
    def happening(self) -> str | None:
        return self.classes[0] if self.classes else None

    # computed once: merging compares each mention many times
    @cached_property
    def span(self) -> tuple[date, date] | None:
        """The first and last day the date covers (None for an undated reference)."""
        return self.timex.interval()

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


@dataclass(frozen=True)
class Extraction:
    """What one article yields: dated mentions, vague context and undated upcoming happenings."""

    dated: tuple[Mention, ...]
    context: tuple[Mention, ...] = ()
    upcoming: tuple[Mention, ...] = ()
