"""Headlines: who did what, in a few words, from the clause of a happening's trigger.

The sentence stays as evidence; the headline is the trigger's clause (up to the nearest
clause boundary on each side), with its subject brought in when the clause starts at the
verb ('..., Trump spoke to Putin'), the date phrase and its preposition left out (the
entry shows the date), attribution and openers dropped, and cut after a content word
once it is long enough. It never ends inside a word.
"""

from __future__ import annotations

from timeline.events.governing import segment
from timeline.events.reading import Reading
from timeline.events.tokens import Token
from timeline.events.triggers import Trigger

_LONGEST = 15  # words
_SHORTEST = 6
_BEFORE_TRIGGER = 7  # words of subject kept before the trigger
_CLOSING = ".,;:—–-"


def headline(r: Reading, trig: Trigger) -> str:
    """The headline of the happening `trig` names in the sentence `r`."""
    lo, hi = segment(r, trig.index, trig.index + trig.length - 1)
    if _lead_in(r, lo) and hi + 2 < len(r.tokens) and r.tokens[hi + 1].text == ",":
        # 'Speaking in Brussels, Hegseth warned ...': the main clause tells who did what
        lo, hi = segment(r, hi + 2, hi + 2)
        trig = next((t for t in r.triggers if lo <= t.index <= hi), trig)
    lo = _with_subject(r, lo, trig.index)
    words = _words(r, lo, hi, trig.index)
    bare = bool(words) and words[-1] <= trig.index + trig.length - 1  # nothing after the verb
    if bare or len([i for i in words if r.tokens[i].is_word]) < _SHORTEST:
        # too short on its own: the clause after it adds the object or the place
        words = _words(r, lo, min(len(r.tokens) - 1, hi + _LONGEST), trig.index)
    return _text(r, words)


def _words(r: Reading, lo: int, hi: int, at: int) -> list[int]:
    """The tokens of the headline from the clause lo..hi around the verb at `at`."""
    keep = _without_asides(r, [i for i in range(lo, hi + 1) if _kept(r, i)], at)
    before = [i for i in keep if i < at]
    if len(before) > _BEFORE_TRIGGER:  # a long subject: from its last name on
        names = [n for n, i in enumerate(before) if _names(r, i)]
        cut = next((n for n in names if len(before) - n <= _BEFORE_TRIGGER), None)
        keep = keep[cut if cut is not None else len(before) - _BEFORE_TRIGGER :]
    return _trimmed(r, keep, at)


def _without_asides(r: Reading, keep: list[int], at: int) -> list[int]:
    """Before the verb, the subject without what a comma sets aside: a lead-in phrase
    ('Speaking in Brussels, Hegseth warned') and an apposition ('Andrey Kartapolov,
    head of the committee, said')."""
    commas = [n for n, i in enumerate(keep) if i < at and r.tokens[i].text == ","]
    if not commas:
        return keep
    first = commas[0]
    named_after = any(_names(r, i) for i in keep[first + 1 :] if i < at)
    if _lead_in(r, keep[0]) and named_after:
        return keep[first + 1 :]
    if any(_content(r, i) for i in keep[:first]) and len(commas) >= 2:
        # 'X, head of Y, said', 'the gunman, who had been arrested before, opened fire'
        return keep[:first] + keep[commas[1] + 1 :]
    return keep


def _lead_in(r: Reading, i: int) -> bool:
    """A word that opens a phrase set before the subject: a participle ('Speaking'), a
    preposition ('During', 'Following', 'In'), an opener ('Notably')."""
    low = r.tokens[i].lower
    return (
        low.endswith("ing")
        or low in r.lex.topic_prepositions
        or low in r.lex.locative_prepositions
        or low in r.lex.clause_boundaries
        or _opener(r, i)
    )


def _with_subject(r: Reading, lo: int, at: int) -> int:
    """Where the clause's subject starts: the clause itself when it has words before the
    verb; else one of the (up to three) clauses before it, skipping relative clauses
    ('the gunman, who had been arrested before, opened fire'): the nearest that opens
    with a name ('Andrey Kartapolov, head of the committee, said'), else the nearest
    naming anyone, else the last noun phrase before the verb."""
    verbs = {i for t in r.triggers for i in range(t.index, t.index + t.length)}
    subject = any(_content(r, i) and i not in verbs for i in range(lo, at))
    if subject and r.tokens[lo].lower not in _RELATIVE:
        return lo
    segments = []
    start = lo
    while start >= 2 and len(segments) < 3:
        start, _ = segment(r, start - 2, start - 2)
        if r.tokens[start].lower not in _RELATIVE:
            segments.append(start)
    for start in segments:
        if _names(r, start):
            return start
    for start in segments:
        if any(_names(r, i) for i in range(start, lo)):
            return start
    for start in segments:
        phrase = _noun_phrase(r, start, lo)
        if phrase is not None:
            return phrase
    return lo


_RELATIVE = frozenset({"who", "which", "that", "whom", "whose"})


def _content(r: Reading, i: int) -> bool:
    tok = r.tokens[i]
    return tok.is_word and tok.lower not in r.lex.stopwords and not r.in_timex[i]


def _noun_phrase(r: Reading, start: int, end: int) -> int | None:
    """The last noun phrase of tokens start..end (from its determiner), if any."""
    for i in range(end - 1, start - 1, -1):
        if r.tokens[i].lower in r.lex.determiners:
            return i
    return None


def _names(r: Reading, i: int) -> bool:
    tok = r.tokens[i]
    return tok.is_cap and not r.in_timex[i] and any(e.start <= tok.start < e.end for e in r.actors)


def _kept(r: Reading, i: int) -> bool:
    """Not part of a date, nor the preposition that introduces one."""
    if r.in_timex[i]:
        return False
    nxt = i + 1
    return not (
        nxt < len(r.tokens)
        and r.in_timex[nxt]
        and r.tokens[i].lower in ("on", "in", "at", "by", "during", "since", "from", "until")
    )


def _trimmed(r: Reading, keep: list[int], at: int) -> list[int]:
    """At most `_LONGEST` words, ending on a content word; openers and a trailing
    attribution dropped."""
    words = _without_dateline(r, list(keep))
    while words and (r.tokens[words[0]].text in _CLOSING or _opener(r, words[0])):
        words.pop(0)
    count, out = 0, []
    for i in words:
        if r.tokens[i].is_word:
            count += 1
            if count > _LONGEST and i > at:
                break
        out.append(i)
    if len(out) < len(words) and _names(r, words[len(out)]):
        # never cut a name short: finish it ('... with Russian President Vladimir Putin')
        rest = words[len(out) :]
        out += [i for n, i in enumerate(rest) if all(_names(r, j) for j in rest[: n + 1])][:4]
    while out and out[-1] > at and _weak_end(r.tokens[out[-1]], r):
        out.pop()
    tail = [n for n, i in enumerate(out) if i > at and r.tokens[i].text == ","]
    if tail and len(out) - tail[-1] <= 4:  # ', officials said'
        out = out[: tail[-1]]
    return out


def _without_dateline(r: Reading, words: list[int]) -> list[int]:
    """'WASHINGTON — President Trump ...': the place in capitals and its dash go."""
    n = 0
    while n < len(words) and r.tokens[words[n]].text.isupper() and r.tokens[words[n]].is_word:
        n += 1
    if n and n < len(words) and r.tokens[words[n]].text in "—–-":
        return words[n + 1 :]
    return words


def _opener(r: Reading, i: int) -> bool:
    """A word that only links to what came before ('Meanwhile', 'Notably', 'But')."""
    tok = r.tokens[i]
    low = tok.lower
    return (
        low in r.lex.discourse_openers
        or low in ("and", "but", "so", "then")
        or (low.endswith("ly") and i + 1 < len(r.tokens) and r.tokens[i + 1].text == ",")
    )


def _weak_end(tok: Token, r: Reading) -> bool:
    """A headline does not end on punctuation or a function word ('... met the')."""
    low = tok.lower
    return (
        not tok.is_word
        or low in r.lex.stopwords
        or low in r.lex.determiners
        or low in r.lex.clause_boundaries
    )


def _text(r: Reading, words: list[int]) -> str:
    """The kept words as written, with one space where words were left out between."""
    if not words:
        return ""
    parts: list[str] = []
    prev: Token | None = None
    for n, i in enumerate(words):
        tok = r.tokens[i]
        if prev is not None:
            gap = r.body[prev.end : tok.start]
            adjacent = i == words[n - 1] + 1
            if adjacent and len(gap) < 3:
                parts.append(gap)
            elif tok.is_word or tok.text in "“‘([\"'":
                parts.append(" ")
        parts.append(tok.text)
        prev = tok
    text = "".join(parts).strip(" ,;:—–-")
    return text[:1].upper() + text[1:]
