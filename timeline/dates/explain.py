"""Why a phrase got its date: the evidence a reader (or the site) can be shown."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from timeline import values as v
from timeline.dates.resolve import resolve_text
from timeline.model import Timex


@dataclass(frozen=True)
class Explanation:
    """One resolved expression, as plain fields."""

    text: str
    type: str
    value: str
    grain: str | None
    mod: str | None
    rule: str
    cue: str | None
    anchor: str | None
    interval: tuple[str, str] | None
    alternatives: tuple[str, ...] = ()  # other readings that fit as well (TIMEX3 values)

    def lines(self) -> list[str]:
        rows = [
            ("phrase", self.text),
            ("value", self.value),
            ("or", " or ".join(self.alternatives) + " (ambiguous)" if self.alternatives else None),
            ("type", self.type),
            ("grain", self.grain),
            ("mod", self.mod),
            ("covers", f"{self.interval[0]} to {self.interval[1]}" if self.interval else None),
            ("rule", self.rule),
            ("cue", self.cue),
            ("anchored to", self.anchor),
        ]
        return [f"{name:<12}{value}" for name, value in rows if value]


def explain(timex: Timex) -> Explanation:
    value = timex.value
    grain = value.grain.value if isinstance(value, v.Point) else _kind(value)
    interval = timex.interval()
    return Explanation(
        timex.text,
        timex.type,
        timex.timex_value,
        grain,
        timex.mod,
        timex.rule,
        timex.cue,
        timex.anchor.isoformat() if timex.anchor else None,
        (interval[0].isoformat(), interval[1].isoformat()) if interval else None,
        tuple(a.timex for a in timex.alternatives),
    )


def explain_phrase(phrase: str, anchor: date, context: str | None = None,
                   language: str = "en") -> list[Explanation]:
    """The expressions of `phrase`; with a context sentence, the phrase is resolved inside
    it (so its tense and cue words count) and the expressions overlapping it are kept."""
    if context is None or phrase not in context:
        return [explain(t) for t in resolve_text(phrase, anchor, language)]
    start = context.index(phrase)
    end = start + len(phrase)
    found = resolve_text(context, anchor, language)
    return [explain(t) for t in found if t.start < end and start < t.end]


def _kind(value: v.Value) -> str:
    return {v.Duration: "duration", v.Recurrence: "set", v.Reference: "vague reference",
            v.Unanchored: "unanchored"}.get(type(value), "")
