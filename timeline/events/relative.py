"""Dates relative to a named happening: 'a day before the meeting', 'two days after the
summit'. They resolve against the entry of the happening they name (see
`timeline.pipeline.with_relative_dates`), never against the publish date."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta

from timeline.config import FIRST_DAY, LAST_DAY
from timeline.events.actors import Entity
from timeline.events.lexicon import Lexicon, lemma
from timeline.model import Timex
from timeline.values import Grain, Point, day


@dataclass(frozen=True)
class RelativeReference:
    """'a day before the meeting': an offset from a happening named by a noun."""

    text: str
    start: int
    end: int
    days: int  # signed offset
    noun_classes: tuple[str, ...]
    actor_keys: tuple[str, ...]


_REL = re.compile(
    r"\b(?:(?:just|only|exactly)\s+)?(?P<num>a|an|one|two|three|four|five|six|seven|\d+)\s+"
    r"(?P<unit>days?|weeks?)\s+(?P<dir>before|after|ahead of|prior to|following)\s+"
    r"(?P<det>the|his|her|their|its|this|that|a)\s+(?P<words>[\w’'-]+(?:\s+[\w’'-]+){0,2})",
    re.IGNORECASE,
)
_REL_DAY = re.compile(
    r"\b(?:on\s+)?the\s+(?P<unit>day|week)\s+(?P<dir>before|after)\s+"
    r"(?P<det>the|his|her|their|its)\s+(?P<words>[\w’'-]+(?:\s+[\w’'-]+){0,2})",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"[;,!?]|\.(?:\s|$)")
_TAIL = 90  # characters after the noun searched for the happening's actors


def relative_references(
    body: str, entities: tuple[Entity, ...], lex: Lexicon
) -> list[RelativeReference]:
    """Phrases that date something by its distance from a named happening."""
    found = (
        _reference(m, body, lex, entities)
        for pattern in (_REL, _REL_DAY)
        for m in pattern.finditer(body)
    )
    return sorted((r for r in found if r is not None), key=lambda r: r.start)


def _reference(
    m: re.Match[str], body: str, lex: Lexicon, entities: tuple[Entity, ...]
) -> RelativeReference | None:
    noun = _event_noun(m, lex)
    if noun is None:
        return None
    end, classes = noun
    num = m.groupdict().get("num") or "one"
    count = int(num) if num.isdigit() else lex.number_words.get(num.lower())
    unit = lex.relative_units.get(m.group("unit").lower())
    direction = lex.relative_directions.get(m.group("dir").lower())
    if not count or not unit or not direction:
        return None
    # actors named right after the noun ("meeting with ... Zelensky at the White House")
    stop = _CLAUSE_END.search(body[end : end + _TAIL])
    tail_end = end + (stop.start() if stop else min(_TAIL, len(body) - end))
    keys = tuple(dict.fromkeys(e.key for e in entities if end <= e.start < tail_end and e.key))
    days = direction * count * unit
    return RelativeReference(body[m.start() : end], m.start(), end, days, classes, keys)


def _event_noun(m: re.Match[str], lex: Lexicon) -> tuple[int, tuple[str, ...]] | None:
    """The first word after the determiner that names a (non-statement) happening."""
    pos = m.start("words")
    for word in re.finditer(r"[\w’'-]+", m.group("words")):
        classes = lex.classes.get((lemma(word.group()),), ())
        if classes and classes[0] not in lex.reporting:
            return pos + word.end(), classes
    return None


def relative_timex(ref: RelativeReference, target: Point, rule_cue: str) -> Timex | None:
    """The Timex for a relative reference once its happening's date is known."""
    if target.grain is not Grain.DAY:
        return None
    try:
        when = target.start + timedelta(days=ref.days)
    except OverflowError:  # "99999999 days before the summit"
        return None
    if not FIRST_DAY <= when <= LAST_DAY:  # the calendar the pipeline works in
        return None
    value = day(when)
    return Timex(
        ref.text,
        ref.start,
        ref.end,
        "DATE",
        value,
        rule="event-relative",
        cue=rule_cue,
        anchor=target.start,
    )
