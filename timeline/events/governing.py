"""Which trigger a date governs: the nearest in its clause, words before it preferred
('spoke to Putin on Wednesday, hours after threatening ...' dates 'spoke')."""

from __future__ import annotations

from timeline.events.reading import Reading
from timeline.events.triggers import Trigger

_BOUNDARY_PUNCT = frozenset(',;:()[]—–"“”')


def governing(r: Reading, start: int, end: int) -> Trigger | None:
    """The trigger the date at body[start:end] attaches to: nearest in its clause
    segment, left preferred; after '<date>, when ...' the when-clause names the
    happening."""
    toks = r.tokens
    first, last = date_tokens(r, start, end)
    if last + 2 < len(toks) and toks[last + 1].text == "," and toks[last + 2].lower == "when":
        after = [t for t in r.triggers if t.index > last + 2]
        if after:
            return after[0]
    lo, hi = segment(r, first, last)
    inside = [t for t in r.triggers if lo <= t.index <= hi]
    if not inside and (lo == 0 or hi == len(toks) - 1):
        # a lead-in date ("Later that day, ...") belongs to the clause after it
        lo2, hi2 = segment(r, hi + 2, hi + 2) if hi + 2 < len(toks) else (lo, hi)
        inside = [t for t in r.triggers if lo2 <= t.index <= hi2]
    if not inside:
        # no verb or known happening in the clause: its nearest content word names it
        # ("the loss to City on Saturday"), rather than a verb across a clause boundary
        noun = _content_word(r, lo, hi, first, last)
        return noun if noun is not None else _nearest_in_clause(r, first, last)
    return _nearest(r, inside, first, last)


def date_tokens(r: Reading, start: int, end: int) -> tuple[int, int]:
    """The first and last token the date lies in. A date may sit inside a longer token
    ('user-2010', 'x2010y'): that token is the date's, so no word is both before and after
    it. A date between tokens (no overlap) stands just before the next token."""
    toks = r.tokens
    overlapping = [i for i, t in enumerate(toks) if t.start < end and start < t.end]
    if overlapping:
        return overlapping[0], overlapping[-1]
    first = next((i for i, t in enumerate(toks) if t.start >= start), len(toks))
    return first, first


def _nearest(r: Reading, inside: list[Trigger], first: int, last: int) -> Trigger:
    """Words before the date govern it ("met them on Wednesday to end the strike",
    "sentenced X to eight years on Wednesday for fraud"); after it only a noun right next
    to it ("Friday's meeting", "his August summit") or, failing any word before, the
    nearest one after; a noun that is only the topic of a preposition ("vote on the deal
    on Monday") yields to the verb."""
    left = [t for t in inside if t.index < first]
    right = [t for t in inside if t.index > last]
    adjacent = [t for t in right if t.index == last + 1 and not is_verb(r, t)]

    def distance(t: Trigger) -> float:
        d = float(first - (t.index + t.length - 1)) if t.index < first else t.index - last + 0.5
        if _is_topic(r, t):
            d += 3.0
        return d - (0.6 if t.classes else 0)

    # a trigger glued to the date ('user-2010' read as a word) is all there is: it governs
    best = min((left + adjacent) or right or inside, key=lambda t: (distance(t), t.index))
    return _verb_of_object(r, best) if best.index < first else best


def _content_word(r: Reading, lo: int, hi: int, first: int, last: int) -> Trigger | None:
    def ok(i: int) -> bool:
        tok = r.tokens[i]
        low = tok.lower
        return (
            not r.in_timex[i]
            and low.isalpha()
            and len(low) > 2
            and not tok.is_cap
            and low not in r.lex.stopwords
            and low not in r.lex.ordinals
            and low not in r.lex.determiners
        )

    left = [i for i in range(lo, first) if ok(i)]
    right = [i for i in range(last + 1, hi + 1) if ok(i)]
    index = left[-1] if left else (right[0] if right else None)
    return Trigger(index, 1, ()) if index is not None else None


def _nearest_in_clause(r: Reading, first: int, last: int) -> Trigger | None:
    """An elliptical clause ('while in the U.S. this week'): the nearest word that
    names a happening, without crossing a semicolon."""
    hard = [i for i, t in enumerate(r.tokens) if t.text == ";"]
    lo = max([i for i in hard if i < first], default=-1)
    hi = min([i for i in hard if i > last], default=len(r.tokens))
    near = [t for t in r.triggers if lo < t.index < hi]
    left = [t for t in near if t.index < first]
    if left:
        return left[-1]
    return near[0] if near else None


def is_verb(r: Reading, t: Trigger) -> bool:
    low = r.tokens[t.index].lower
    return low in r.lex.past_forms or low.endswith(("ed", "ing")) or t.generic


def _verb_of_object(r: Reading, t: Trigger) -> Trigger:
    """'praised the talks on Thursday': the verb, not its object, carries the date
    (a reporting or generic verb still takes the object's class later)."""
    if is_verb(r, t):
        return t
    i = t.index - 1
    while i >= 0 and r.tokens[i].lower in r.lex.determiners:
        i -= 1
    if i == t.index - 1:
        return t  # "helped broker": no object phrase between, the noun-verb stays
    verb = next((v for v in r.triggers if v.index + v.length - 1 == i), None)
    return verb if verb is not None and is_verb(r, verb) else t


def _is_topic(r: Reading, t: Trigger) -> bool:
    """A noun after a preposition ('about the strike', 'on the deal')."""
    for tok in reversed(r.tokens[max(0, t.index - 3) : t.index]):
        if tok.lower in r.lex.topic_prepositions:
            return True
        if tok.lower not in r.lex.determiners:
            return False
    return False


def segment(r: Reading, first: int, last: int) -> tuple[int, int]:
    """The clause around tokens first..last: up to the nearest boundaries."""
    lo = first
    while lo > 0 and not _is_boundary(r, lo - 1):
        lo -= 1
    hi = last
    while hi < len(r.tokens) - 1 and not _is_boundary(r, hi + 1):
        hi += 1
    return lo, hi


def _is_boundary(r: Reading, i: int) -> bool:
    if r.in_timex[i]:
        return False
    tok = r.tokens[i]
    return tok.text in _BOUNDARY_PUNCT or tok.lower in r.lex.clause_boundaries
