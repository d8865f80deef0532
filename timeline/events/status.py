"""Status of a mention: reported, scheduled (will meet, is scheduled to, a later date),
ongoing (is meeting, continues to)."""

from __future__ import annotations

import re
from functools import cache

from timeline.events.governing import segment
from timeline.events.lexicon import Lexicon
from timeline.events.reading import Reading
from timeline.events.triggers import Trigger
from timeline.model import Timex

_FUTURE_AFTER = ("take", "be", "happen", "go", "begin", "start")  # '... will take place'
_PERFECT_OR_PASSIVE = ("had", "has", "have", "was", "were")


def status(r: Reading, trig: Trigger, timex: Timex | None) -> str:
    before = _words_before(r, trig)
    joined = _spaced(before)  # joined once: each cue is looked up in it
    if _announced(r, trig, joined):
        return "scheduled"
    published = r.article.published_day
    span = timex.interval() if timex is not None else None
    if span and published and span[0] > published:
        return "scheduled"
    if (
        before[-1:]
        and before[-1] in ("is", "are", "am")
        and r.tokens[trig.index].lower.endswith("ing")
    ):
        return "ongoing"
    if " continues to " in joined or " continue to " in joined:
        return "ongoing"
    if (
        span
        and published
        and span[0] == published
        and not (is_past(r, trig) or segment_past(r, trig))
    ):
        return "scheduled"  # the publish day itself, told without a past verb
    return "reported"


def _words_before(r: Reading, trig: Trigger) -> list[str]:
    """Up to five words before the trigger, leaving out those inside dates."""
    lo = max(0, trig.index - 5)
    pairs = zip(r.tokens[lo : trig.index], r.in_timex[lo : trig.index], strict=True)
    return [t.lower for t, in_timex in pairs if not in_timex]


def _announced(r: Reading, trig: Trigger, joined: str) -> bool:
    """A future cue before the trigger ('will', 'is scheduled to', 'plans to') or 'will
    take place' after it; `joined` is the words before it, `_spaced`."""
    if _future_cues(r.lex).search(joined):
        return True
    end = trig.index + trig.length
    after = [t.lower for t in r.tokens[end : end + 3]]
    return len(after) > 1 and after[0] in ("will", "would") and after[1] in _FUTURE_AFTER


def _spaced(words: list[str] | tuple[str, ...]) -> str:
    """Words joined and padded with spaces, so a cue matches whole words only."""
    return f" {' '.join(words)} "


@cache  # one Lexicon per language
def _future_cues(lex: Lexicon) -> re.Pattern[str]:
    """Any future cue, `_spaced`, as one pattern: a single search of the joined words
    finds what testing each cue in turn would (with no cues, nothing)."""
    cues = "|".join(re.escape(_spaced(cue)) for cue in lex.future_cues)
    return re.compile(cues or "(?!)")  # an empty pattern would match every text


def is_past(r: Reading, trig: Trigger) -> bool:
    low = r.tokens[trig.index].lower
    prev = r.tokens[trig.index - 1].lower if trig.index else ""
    return low.endswith("ed") or low in r.lex.past_forms or prev in _PERFECT_OR_PASSIVE


def segment_past(r: Reading, trig: Trigger) -> bool:
    """A past verb at or before the trigger in its clause ('confirmed the call',
    'which took place')."""
    lo, _ = segment(r, trig.index, trig.index)
    verbs = [t for t in r.triggers if lo <= t.index <= trig.index and (t.classes or t.generic)]
    return any(is_past(r, t) for t in verbs)


def conditional(r: Reading, trig: Trigger) -> bool:
    """A future inside 'if ...' or 'whether ...' is a possibility, not an announcement."""
    return any(t.lower in ("if", "whether", "unless") for t in r.tokens[: trig.index])
