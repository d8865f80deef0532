"""Direction cues of a clause: does an expression look back from the anchor or ahead?

News reports what happened, so an expression looks back unless an explicit future marker
("will", "is scheduled to", "plans to", "next") sits nearer to it than a past marker
("said", "had", a past participle). The cue words are language data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from timeline.dates.language import Language, load

PAST, FUTURE = -1, 1

# How far to look for the governing verb, in characters, before and after the expression.
WINDOW_BEFORE = 90
WINDOW_AFTER = 80
AFTER_PENALTY = 3  # words: a verb before the date governs it more often than one after
_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")
# A clause ends at sentence punctuation or a semicolon; commas often separate the
# verb from its date ("said on Friday, hours after ..."), so they do not.
# Newswire writes quotation marks as `` and '' (Penn Treebank style).
_CLAUSE_END = re.compile(r"[.!?;:\n\"“”]\s|''|``")


@dataclass(frozen=True)
class Direction:
    """PAST or FUTURE, with the cue word that decided it (None when it is the default)."""

    sign: int
    cue: str | None = None
    strong: bool = False  # a cue that may move a yearless month to last year


def direction(text: str, start: int, end: int, lang: Language) -> Direction:
    """The direction of the expression at text[start:end], from the nearest cue word."""
    before = _words(_clause_before(text, start), lang)
    after = _words(_clause_after(text, end), lang)
    cues: list[tuple[int, Direction]] = []
    for distance, i in enumerate(range(len(before) - 1, -1, -1)):
        if (d := _cue(before, i, lang)) is not None:
            cues.append((distance, d))
            break
    for i in range(len(after)):
        if (d := _cue(after, i, lang)) is not None:
            cues.append((i + AFTER_PENALTY, d))
            break
    if not cues:
        return Direction(PAST)
    return min(cues, key=lambda c: c[0])[1]


def _clause_before(text: str, start: int) -> str:
    chunk = text[max(0, start - WINDOW_BEFORE) : start]
    ends = list(_CLAUSE_END.finditer(chunk))
    return chunk[ends[-1].end() :] if ends else chunk


def _clause_after(text: str, end: int) -> str:
    chunk = text[end : end + WINDOW_AFTER]
    stop = _CLAUSE_END.search(chunk)
    return chunk[: stop.start()] if stop else chunk


def _words(chunk: str, lang: Language) -> list[str]:
    """Words of a chunk, with two-word cues ("going to", "is scheduled") joined."""
    # Capitalised words are mostly names ("United States"); they are no verbs.
    words = [w if w[0].isupper() and w[1:].islower() and len(w) > 4 else w.lower()
             for w in _WORD.findall(chunk)]
    joined: list[str] = []
    for i, w in enumerate(words):
        pair = f"{w} {words[i + 1]}" if i + 1 < len(words) else ""
        joined.append(pair if pair in lang.future_cues or pair in lang.past_cues else w)
    return joined


def _cue(words: list[str], i: int, lang: Language) -> Direction | None:
    word = words[i]
    if word in lang.future_cues:
        if " ".join(words[max(0, i - 2) : i]) in _plans_overtaken(lang.code):
            return Direction(PAST, f"had been {word}")  # "had been due to expire Friday"
        return Direction(FUTURE, word)
    if word in lang.past_cues or (len(word) > 4 and word.endswith("ed") and word.islower()):
        if i and words[i - 1] in _not_tense_after(lang.code):
            return None  # "an unspecified date", "will be paid": no past tense
        return Direction(PAST, word, word in lang.strong_past_cues)
    if word.endswith("'ll"):
        return Direction(FUTURE, word)
    return None


@cache
def _plans_overtaken(code: str) -> frozenset[str]:
    return frozenset(load(code).tables.get("plans_overtaken", []))


@cache
def _not_tense_after(code: str) -> frozenset[str]:
    return frozenset(load(code).tables.get("not_tense_after", []))
