"""Triggers: the words of a sentence that name a happening ('spoke', 'meeting', 'summit'),
with the kinds of happening (classes of the lexicon) they name."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from timeline.config import TUNING
from timeline.events.actors import Entity, entity_at
from timeline.events.lexicon import Lexicon, lemma
from timeline.events.tokens import Token

if TYPE_CHECKING:
    from timeline.events.reading import Reading


@dataclass(frozen=True)
class Trigger:
    index: int  # token index in the sentence
    length: int  # tokens
    classes: tuple[str, ...]
    generic: bool = False  # 'took place', 'held': the happening is named around it


def find_triggers(
    tokens: list[Token], in_timex: list[bool], lex: Lexicon, entities: tuple[Entity, ...]
) -> list[Trigger]:
    """Every trigger of a sentence, left to right, longest phrase first."""
    out: list[Trigger] = []
    i = 0
    while i < len(tokens):
        trig = _trigger_at(tokens, in_timex, i, lex, entities)
        out.extend([trig] if trig else [])
        i += trig.length if trig else 1
    return out


def _trigger_at(
    toks: list[Token], in_timex: list[bool], i: int, lex: Lexicon, entities: tuple[Entity, ...]
) -> Trigger | None:
    tok = toks[i]
    if not tok.is_word or in_timex[i] or (tok.is_cap and i > 0):
        return None
    if i > 0 and (toks[i - 1].lower, tok.lower) in lex.non_event_phrases:
        return None  # "in charge", "in place": idioms, not happenings
    if _rate_unit(toks, in_timex, i, lex):
        return None  # "465p a share": a unit of the amount, not a statement
    # stopwords never name a happening ('not' must not become 'note'); reporting
    # verbs that are also stopwords ('said', 'told') are listed as irregular forms
    if tok.lower in lex.not_verbs or (
        tok.lower in lex.stopwords and tok.lower not in lex.irregular
    ):
        return None
    known = _known_phrase(toks, in_timex, i, lex, entities)
    return known if known is not None else _unlisted_verb(toks, i, lex)


def _rate_unit(toks: list[Token], in_timex: list[bool], i: int, lex: Lexicon) -> bool:
    """Token i is the unit of a rate: an amount (a number that is no date), 'a' or 'per',
    then the noun ('465p a share', '$4 per gallon')."""
    if i < 2 or toks[i - 1].lower not in lex.rate_words or in_timex[i - 2]:
        return False
    return any(c.isdigit() for c in toks[i - 2].text)


def _known_phrase(
    toks: list[Token], in_timex: list[bool], i: int, lex: Lexicon, entities: tuple[Entity, ...]
) -> Trigger | None:
    """The longest phrase of the lexicon starting at token i."""
    for n in range(min(lex.longest_phrase, len(toks) - i), 0, -1):
        words = toks[i : i + n]
        if not all(w.is_word for w in words) or any(in_timex[i : i + n]):
            continue
        key = tuple(lemma(w.text) for w in words)
        if key in lex.classes:
            classes = lex.classes[key]
            if key[0] in ("speak", "talk"):
                to_person = _speaks_to_person(toks, i + n, lex, entities)
                classes = ("CALL",) if to_person else ("SAY",)
            return Trigger(i, n, classes)
        if key in lex.generic:
            return Trigger(i, n, (), generic=True)
    return None


def _unlisted_verb(toks: list[Token], i: int, lex: Lexicon) -> Trigger | None:
    """A word the lexicon does not list that reads as a verb (-ed, -ing, after a modal,
    an irregular past form)."""
    low = toks[i].lower
    if low in lex.not_verbs or low in lex.stopwords or "-" in low:
        return None
    if i > 0 and toks[i - 1].lower in lex.determiners and low.endswith(("ed", "ing")):
        return None  # "the damaged areas": an adjective, not a verb
    verbish = (low.endswith("ed") and len(low) > 4) or (low.endswith("ing") and len(low) > 5)
    after_modal = i > 0 and toks[i - 1].lower in lex.modals - {"to"} and low.isalpha()
    if verbish or after_modal or low in lex.past_forms or _infinitive(toks, i, lex):
        return Trigger(i, 1, ())
    return None


def _infinitive(toks: list[Token], i: int, lex: Lexicon) -> bool:
    """'to raise its bid', 'to sell the unit': after 'to' and before a determiner a word is
    a verb ('to court the ...' is one too; 'to prison', 'to reporters' are not followed by
    one)."""
    return (
        0 < i < len(toks) - 1
        and toks[i - 1].lower == "to"
        and toks[i].lower.isalpha()
        and toks[i + 1].lower in lex.determiners
    )


def _speaks_to_person(
    toks: list[Token], j: int, lex: Lexicon, entities: tuple[Entity, ...]
) -> bool:
    """'spoke to Putin' is a call; 'speaking to reporters' or 'in Brussels' is a statement."""
    if j >= len(toks) or toks[j].lower not in ("to", "with"):
        return False
    for tok in toks[j + 1 : j + 6]:
        if tok.lower in lex.speech_objects:
            return False
        ent = entity_at(entities, tok.start)
        if ent is not None and ent.kind in ("person", "role"):
            return True
    return False


def happening_classes(r: Reading, trig: Trigger) -> tuple[str, ...]:
    """The trigger's classes; a generic verb ('took place', 'held') or a verb that
    reports a happening as its object ('revealed ... a phone call', 'confirmed the
    call') takes the class of the happening named near it. Verbs of saying keep
    their own class: what is said is a proposition, not the happening itself."""
    own = trig.classes
    if own and own[0] not in r.lex.reporting:
        return own
    if not own and not trig.generic:
        # 'file an appeal', 'make a visit': an unlisted verb names its object
        obj = next((t for t in r.triggers if 0 < t.index - trig.index <= 3 and t.classes), None)
        return obj.classes if obj else ()
    if own and lemma(r.tokens[trig.index].text) not in r.lex.happening_reporters:
        return own
    return tuple(dict.fromkeys(_reported_classes(r, trig) + own))


def _reported_classes(r: Reading, trig: Trigger) -> tuple[str, ...]:
    """The classes of the nearest non-statement trigger around a reporting verb (words
    after it count three farther)."""
    window = TUNING.class_window
    near = sorted(
        (
            trig.index - t.index if t.index < trig.index else t.index - trig.index + 3,
            t.index,
            t.classes,
        )
        for t in r.triggers
        if t is not trig
        and t.classes
        and t.classes[0] not in r.lex.reporting
        and abs(t.index - trig.index) <= window
    )
    near = [n for n in near if n[0] <= window + 3]
    return tuple(dict.fromkeys(c for _, _, cs in near[:1] for c in cs))
