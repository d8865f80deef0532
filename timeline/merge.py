"""Merging: mentions of one happening across articles become one Event."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from timeline.dates.values import Value
from timeline.events import Mention


@dataclass(frozen=True)
class Conflict:
    """A date some sources give for the happening that differs from the entry's date."""

    value: str
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

    @property
    def date(self) -> str:
        return self.value.timex

    @property
    def interval(self) -> tuple[date, date]:
        span = self.value.interval()
        assert span is not None, "events carry calendar values"
        return span

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.article for m in self.mentions))


def merge_mentions(mentions: list[Mention]) -> list[Event]:
    """First implementation: every mention is its own event."""
    return [
        Event(f"e{i + 1}", m.timex.value, m.summary, m.status, (m,), mod=m.timex.mod)
        for i, m in enumerate(mentions)
    ]
