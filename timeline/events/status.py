"""The tense of a clause, which decides a mention's status: announced (will meet, is
scheduled to), ongoing (is meeting, continues to) or past (met, has met)."""

from __future__ import annotations

import re
from functools import cache

from timeline.events.governing import segment
from timeline.events.lexicon import Lexicon
from timeline.events.reading import Reading
from timeline.events.tokens import Token
from timeline.events.triggers import Trigger

_FUTURE_AFTER = ("take", "be", "happen", "go", "begin", "start")  # '... will take place'
_PERFECT_OR_PASSIVE = ("had", "has", "have", "was", "were")


def tense(r: Reading, trig: Trigger) -> tuple[bool, bool, bool]:
    """(announced, ongoing, past) of the trigger's clause: what its status needs besides
    its date and the publish day (`timeline.model.status_of`)."""
    before = _words_before(r, trig)
    joined = _spaced(before)  # joined once: each cue is looked up in it
    ongoing = (
        (
            bool(before[-1:])
            and before[-1] in ("is", "are", "am")
            and r.tokens[trig.index].lower.endswith("ing")
        )
        or " continues to " in joined
        or " continue to " in joined
    )
    past = is_past(r, trig) or segment_past(r, trig)
    return _announced(r, trig, joined), ongoing, past


def undated_status(r: Reading, trig: Trigger) -> str:
    """The status of a happening told without a date."""
    announced, ongoing, past = tense(r, trig)
    return "scheduled" if announced else "ongoing" if ongoing else "reported"


def may_announce(tokens: list[Token], lex: Lexicon) -> bool:
    """Whether a sentence holds any word a future cue starts with (or 'will take place'):
    a sentence without one announces nothing, and need not be read for it."""
    joined = _spaced([t.lower for t in tokens])
    return " will " in joined or " would " in joined or bool(_future_cues(lex).search(joined))


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
