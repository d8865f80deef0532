"""Building clauses from one sentence: the one a date governs, and the undated happenings
it announces or tells as past."""

from __future__ import annotations

from timeline.events.governing import governing
from timeline.events.headline import headline
from timeline.events.lexicon import lemma
from timeline.events.reading import Reading
from timeline.events.status import conditional, segment_past, tense, undated_status
from timeline.events.triggers import Trigger, happening_classes
from timeline.model import Clause, Mention, Timex
from timeline.values import Reference


def governed_clause(r: Reading, start: int, end: int) -> Clause | None:
    """The clause of the happening the date at body[start:end] governs, if the sentence
    names one."""
    trig = governing(r, start, end)
    return None if trig is None else clause_of(r, trig)


def undated_upcoming(r: Reading) -> list[Mention]:
    """Announced happenings with no date: a future cue before a non-reporting trigger."""
    out = []
    for trig in r.triggers:
        if not trig.classes or trig.classes[0] not in r.lex.schedulable:
            continue
        if undated_status(r, trig) != "scheduled" or conditional(r, trig):
            continue
        clause = clause_of(r, trig)
        if clause.actors:
            out.append(Mention(clause, _placeholder(r, trig, "FUTURE"), "scheduled"))
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
            clause = clause_of(r, trig)
            out.append(Mention(clause, _placeholder(r, trig, kind), undated_status(r, trig)))
    return out


def _tense(r: Reading, trig: Trigger) -> str | None:
    """FUTURE for an announcement (not a condition), PAST for a past clause, else None."""
    if undated_status(r, trig) == "scheduled":
        return None if conditional(r, trig) else "FUTURE"
    return "PAST" if segment_past(r, trig) else None


def _placeholder(r: Reading, trig: Trigger, kind: str) -> Timex:
    """An empty FUTURE_REF/PAST_REF at the trigger, standing for 'no date given'."""
    at = r.tokens[trig.index].start
    return Timex("", at, at, "DATE", Reference(kind), rule="undated")


def clause_of(r: Reading, trig: Trigger) -> Clause:
    """What the sentence tells about the happening its trigger names."""
    first, last = r.tokens[trig.index], r.tokens[trig.index + trig.length - 1]
    actors = r.actors
    keys = tuple(dict.fromkeys(e.key for e in actors))
    announced, ongoing, past = tense(r, trig)
    return Clause(
        article=r.article,
        sentence=r.sent,
        sentence_text=r.text,
        summary=r.summary,
        trigger=r.body[first.start : last.end],
        trigger_start=first.start,
        trigger_end=last.end,
        actors=tuple(r.displays.get(k, k) for k in keys),
        classes=happening_classes(r, trig),
        actor_keys=keys,
        people=tuple(dict.fromkeys(e.key for e in actors if e.kind == "person")),
        lemmas=r.lemmas,
        context=tuple(sorted(set(r.para_lemmas) | set(keys))),
        announced=announced,
        ongoing=ongoing,
        past=past,
        verb=lemma(r.body[first.start : last.end]),
        headline=headline(r, trig),
    )
