"""Direction cues of a clause: does an expression look back from the anchor or ahead?

News reports what happened, so an expression looks back unless an explicit future marker
("will", "is scheduled to", "plans to", "next") sits nearer to it than a past marker
("said", "had", a past participle). A weekday governed by the present tense of a scheduled
happening ("The council votes on Monday", "The game is against United on Wednesday") looks
ahead too; a present reporting verb ("says") does not. The cue words are language data.
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


def direction(text: str, start: int, end: int, lang: Language, present: bool = True
              ) -> Direction:
    """The direction of the expression at text[start:end], from the nearest cue word.
    `present`: whether the present tense of a scheduled happening counts (for weekdays)."""
    before = _words(_clause_before(text, start), lang)
    after = _words(_clause_after(text, end, lang), lang)
    cues: list[tuple[int, Direction]] = []
    for distance, i in enumerate(range(len(before.words) - 1, -1, -1)):
        d = _prospective(before.words[i], lang) or _cue(before.words, i, lang) or (
            _scheduled(before, i, lang, distance, after.words) if present else None)
        if d:
            cues.append((distance, d))
            break
    for i in range(len(after.words)):
        d = _cue(after.words, i, lang) or (_scheduled(after, i, lang) if present else None)
        if d:
            cues.append((i + AFTER_PENALTY, d))
            break
    if not cues:
        return Direction(PAST)
    return min(cues, key=lambda c: c[0])[1]


def _clause_before(text: str, start: int) -> str:
    chunk = text[max(0, start - WINDOW_BEFORE) : start]
    ends = list(_CLAUSE_END.finditer(chunk))
    return chunk[ends[-1].end() :] if ends else chunk


def _clause_after(text: str, end: int, lang: Language) -> str:
    chunk = text[end : end + WINDOW_AFTER]
    stop = _CLAUSE_END.search(chunk)
    chunk = chunk[: stop.start()] if stop else chunk
    subordinate = _subordinate_after(lang.code)
    sub = subordinate.search(chunk)
    while sub:  # a phrase set off by commas is skipped: the clause may go on after it
        close = chunk.find(",", sub.end())
        if close < 0:
            return chunk[: sub.start()]
        chunk = chunk[: sub.start()] + chunk[close:]
        sub = subordinate.search(chunk, sub.start() + 1)
    return chunk


@cache
def _subordinate_after(code: str) -> re.Pattern[str]:
    """After the date, a comma that opens a participle phrase or a relative clause ends the
    date's own clause, whose finite verb decides: in "made the offer on Monday, opening what
    analysts expect to be a long fight" the future belongs to the analysts, and in "will
    meet the minister on Wednesday, prepared to offer concessions" "prepared" is no past
    tense. A participle is a word with a participle ending or an irregular one, perhaps
    after an adverb ("clearly shaken by")."""
    t = load(code).tables

    def words(key: str) -> str:
        alts = sorted(t.get(key, []), key=len, reverse=True)
        return "|".join(re.escape(w) for w in alts) or "(?!)"

    ly = re.escape(str(t.get("adverb_suffix") or "")) or "(?!)"
    adverb = rf"(?:(?:{words('participle_adverbs')}|[a-z]+{ly})\s+)?"
    participle = rf"[a-z]+(?:{words('participle_suffixes')})|{words('irregular_participles')}"
    return re.compile(rf",\s+(?:{words('subordinate_openers')}|{adverb}(?:{participle}))\b")


@dataclass(frozen=True)
class _Chunk:
    """The words of a clause chunk; for each, whether it was capitalised (a name, or a
    sentence's first word) and whether punctuation separates it from the word before."""

    words: list[str]
    caps: list[bool]
    apart: list[bool]


def _words(chunk: str, lang: Language) -> _Chunk:
    """Words of a chunk, with two-word cues ("going to", "is scheduled") joined."""
    matches = list(_WORD.finditer(chunk))
    # Capitalised words are mostly names ("United States"); they are no verbs.
    words = [w if w[0].isupper() and w[1:].islower() and len(w) > 4 else w.lower()
             for w in (m.group() for m in matches)]
    pairs = _pair_cues(lang.code)
    joined: list[str] = []
    for i, w in enumerate(words):
        pair = f"{w} {words[i + 1]}" if i + 1 < len(words) else ""
        joined.append(pair if pair in pairs else w)
    caps = [m.group()[0].isupper() for m in matches]
    apart = [i > 0 and not chunk[matches[i - 1].end() : m.start()].isspace()
             for i, m in enumerate(matches)]
    return _Chunk(joined, caps, apart)


@cache
def _pair_cues(code: str) -> frozenset[str]:
    lang = load(code)
    t = _present_tables(code)
    return (lang.future_cues | lang.past_cues | _prospective_cues(code)
            | frozenset(w for w in t.verbs if " " in w))


@cache
def _prospective_cues(code: str) -> frozenset[str]:
    return frozenset(load(code).tables.get("prospective_cues", []))


def _prospective(word: str, lang: Language) -> Direction | None:
    """A past plan for what follows it ("planned to leave on Thursday"): the date is the
    planned happening's, ahead. Only before the date: in "On Friday, the government
    planned to pay ..." Friday is the day of the planning."""
    return Direction(FUTURE, word) if word in _prospective_cues(lang.code) else None


def _cue(words: list[str], i: int, lang: Language) -> Direction | None:
    word = words[i]
    if word in lang.future_cues:
        if " ".join(words[max(0, i - 2) : i]) in _plans_overtaken(lang.code):
            return Direction(PAST, f"had been {word}")  # "had been due to expire Friday"
        return Direction(FUTURE, word)
    if word in lang.past_cues or (len(word) > 4 and word.endswith("ed") and word.islower()):
        after = words[i + 1] if i + 1 < len(words) else ""
        if after in lang.future_cues and word in lang.tables.get("past_auxiliaries", ()):
            return Direction(FUTURE, f"{word} {after}")  # "were planning to", "was due"
        if _adjectival(words, i, lang):
            return None  # "an unspecified date", "will be paid": no past tense
        return Direction(PAST, word, word in lang.strong_past_cues)
    if word.endswith("'ll"):
        return Direction(FUTURE, word)
    return None


def _scheduled(chunk: _Chunk, i: int, lang: Language, distance: int | None = None,
               after: list[str] | None = None) -> Direction | None:
    """A present-tense verb of a scheduled happening at word i (FUTURE), or a present
    copula `distance` words before the date; PAST when the clause goes on to report a
    statement ("reports Thursday that ...")."""
    t = _present_tables(lang.code)
    word = chunk.words[i]
    if distance is not None and word in t.copulas:
        if distance > t.reach or t.blockers.intersection(chunk.words[i + 1 :]):
            return None
        return Direction(FUTURE, word)
    if word not in t.verbs or not _after_subject(chunk, i, word in t.plural, t):
        return None
    if after and after[0] in t.reporting:
        return Direction(PAST, word)
    return Direction(FUTURE, word)


def _after_subject(chunk: _Chunk, i: int, plural: bool, t: _Present) -> bool:
    """The word before position i can be the subject of a verb there: a pronoun, a name,
    or (singular) a noun opening its clause or following a determiner ("the council
    votes"), or (plural) a plural noun ("the two leaders meet")."""
    if i == 0 or chunk.apart[i]:
        return False
    w1 = chunk.words[i - 1]
    if w1 in t.determiners:
        return False
    if w1 in (t.plural_subjects if plural else t.subjects) or chunk.caps[i - 1]:
        return True
    if plural:
        return w1.endswith(t.plural_suffix) and w1 not in t.subjects
    if i == 1 or chunk.caps[i - 2] or _determines(chunk.words[i - 2], t):
        return True  # "the council votes", "This year's festival opens"
    # one adjective between: "the new stadium opens" (not "cited news reports")
    return i > 2 and chunk.words[i - 2] not in t.breakers and _determines(chunk.words[i - 3], t)


def _determines(word: str, t: _Present) -> bool:
    """A determiner or a possessive ("the", "its", "Smith's")."""
    return word in t.determiners or word.endswith(t.possessive)


@dataclass(frozen=True)
class _Present:
    verbs: frozenset[str]
    plural: frozenset[str]  # the plural forms among the verbs
    copulas: frozenset[str]
    subjects: frozenset[str]
    plural_subjects: frozenset[str]
    plural_suffix: str
    determiners: frozenset[str]
    possessive: str
    breakers: frozenset[str]  # words that end a noun phrase: no adjective
    blockers: frozenset[str]
    reporting: frozenset[str]
    reach: int


@cache
def _present_tables(code: str) -> _Present:
    t = load(code).tables

    def words(key: str) -> frozenset[str]:
        return frozenset(t.get(key, []))

    plural = words("scheduled_verbs_plural")
    return _Present(words("scheduled_verbs_singular") | plural, plural, words("present_copulas"),
                    words("subject_words"), words("plural_subject_words"),
                    str(t.get("plural_suffix", "")) or "\0", words("determiners"),
                    str(t.get("possessive_suffix", "")) or "\0", words("not_in_subject"),
                    words("copula_blocked_by"), words("reporting_after"),
                    int(t.get("copula_reach", 0)))


def _adjectival(words: list[str], i: int, lang: Language) -> bool:
    """The participle at words[i] follows a determiner or "be", perhaps with an adverb
    between ("a still unspecified date", "the previously announced plan")."""
    before = _not_tense_after(lang.code)
    if i and words[i - 1] in before:
        return True
    t = lang.tables
    adverb = i > 1 and (words[i - 1] in t.get("participle_adverbs", ())
                        or words[i - 1].endswith(t.get("adverb_suffix") or "\0"))
    return bool(adverb) and words[i - 2] in before


@cache
def _plans_overtaken(code: str) -> frozenset[str]:
    return frozenset(load(code).tables.get("plans_overtaken", []))


@cache
def _not_tense_after(code: str) -> frozenset[str]:
    return frozenset(load(code).tables.get("not_tense_after", []))
