"""Building mentions from one sentence: the dated one a date governs, and the undated
happenings it announces or tells as past."""

from __future__ import annotations

from typing import Any

from timeline.events.actors import actors_in, display_name
from timeline.events.governing import governing
from timeline.events.reading import Reading
from timeline.events.status import conditional, segment_past, status
from timeline.events.summary import summarize
from timeline.events.triggers import Trigger, happening_classes
from timeline.model import Mention, Timex
from timeline.values import Reference

# which word a date governs depends on where it is, not on its value: an article re-read
# under another candidate publish day reuses it, and the mention's date-free fields
_CACHE: dict[tuple, tuple[Trigger, dict[str, Any]] | None] = {}
_CACHE_LIMIT = 50_000


def mention_of(r: Reading, timex: Timex) -> Mention | None:
    """The mention of the happening a date governs, if the sentence names one."""
    key = (r.key, r.para_lemmas, timex.start, timex.end)
    if key not in _CACHE:
        if len(_CACHE) > _CACHE_LIMIT:
            _CACHE.clear()
        trig = governing(r, timex)
        _CACHE[key] = None if trig is None else (trig, _fixed(r, trig))
    found = _CACHE[key]
    if found is None:
        return None
    trig, fixed = found
    return Mention(timex=timex, status=status(r, trig, timex), **fixed)


def undated_upcoming(r: Reading) -> list[Mention]:
    """Announced happenings with no date: a future cue before a non-reporting trigger."""
    out = []
    for trig in r.triggers:
        if not trig.classes or trig.classes[0] not in r.lex.schedulable:
            continue
        if status(r, trig, None) != "scheduled" or conditional(r, trig):
            continue
        m = _make(r, _placeholder(r, trig, "FUTURE"), trig)
        if m.actors:
            out.append(m)
    return out


def all_happenings(r: Reading) -> list[Mention]:
    """Undated happenings with the tense of their clause: past ones as PAST_REF,
    announced ones as FUTURE_REF (statements themselves are left out)."""
    out = []
    for trig in r.triggers:
        if not (trig.classes or trig.generic) or (
            trig.classes and trig.classes[0] in r.lex.reporting
        ):
            continue
        classes = happening_classes(r, trig)
        if not classes or classes[0] in r.lex.reporting:
            continue
        kind = _tense(r, trig)
        if kind is not None:
            out.append(_make(r, _placeholder(r, trig, kind), trig))
    return out


def _tense(r: Reading, trig: Trigger) -> str | None:
    """FUTURE for an announcement (not a condition), PAST for a past clause, else None."""
    if status(r, trig, None) == "scheduled":
        return None if conditional(r, trig) else "FUTURE"
    return "PAST" if segment_past(r, trig) else None


def _placeholder(r: Reading, trig: Trigger, kind: str) -> Timex:
    """An empty FUTURE_REF/PAST_REF at the trigger, standing for 'no date given'."""
    at = r.tokens[trig.index].start
    return Timex("", at, at, "DATE", Reference(kind), rule="undated")


def _make(r: Reading, timex: Timex, trig: Trigger) -> Mention:
    return Mention(timex=timex, status=status(r, trig, timex), **_fixed(r, trig))


def _fixed(r: Reading, trig: Trigger) -> dict[str, Any]:
    """The fields of a mention that do not depend on its date."""
    body = r.article.body
    first, last = r.tokens[trig.index], r.tokens[trig.index + trig.length - 1]
    actors = actors_in(r.sent, r.entities)
    keys = tuple(dict.fromkeys(e.key for e in actors))
    return {
        "article": r.article.id,
        "sentence": r.sent,
        "sentence_text": r.text,
        "summary": summarize(r.text, r.lex),
        "trigger": body[first.start : last.end],
        "trigger_start": first.start,
        "trigger_end": last.end,
        "actors": tuple(display_name(body, r.article.language, k) for k in keys),
        "classes": happening_classes(r, trig),
        "actor_keys": keys,
        "people": tuple(dict.fromkeys(e.key for e in actors if e.kind == "person")),
        "lemmas": r.lemmas,
        "context": tuple(sorted(set(r.para_lemmas) | set(keys))),
    }
