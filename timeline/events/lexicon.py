"""Word knowledge for events and merging, read from `data/<language>.yaml` beside this module.

Language knowledge is data: the classes of happenings, cue words for status, titles and
place names live in the YAML file (its format is described at its top); this module only
loads it, once per language, and offers the word-level helpers (lemma, stem) that the
event stage and merging share.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml


@dataclass(frozen=True, eq=False)  # one instance per language: hashed by identity
class Lexicon:
    classes: dict[tuple[str, ...], tuple[str, ...]]  # lemma phrase -> classes
    longest_phrase: int
    reporting: frozenset[str]
    generic: frozenset[tuple[str, ...]]
    speech_objects: frozenset[str]
    irregular: dict[str, str]
    past_forms: frozenset[str]
    future_cues: tuple[tuple[str, ...], ...]
    undated_future_cues: tuple[str, ...]
    modals: frozenset[str]
    auxiliaries: frozenset[str]
    not_verbs: frozenset[str]
    titles: frozenset[str]
    org_words: frozenset[str]
    company_suffixes: frozenset[str]
    places: frozenset[str]
    nationalities: dict[str, str]
    not_names: frozenset[str]
    discourse_openers: tuple[str, ...]
    relative_units: dict[str, int]
    number_words: dict[str, int | None]
    relative_directions: dict[str, int]
    stopwords: frozenset[str]
    schedulable: frozenset[str]
    happening_reporters: frozenset[str]
    place_words: frozenset[str]
    non_event_phrases: frozenset[tuple[str, ...]]
    calendar_words: frozenset[str]
    clause_boundaries: frozenset[str]
    name_connectors: frozenset[str]
    ordinals: frozenset[str]
    determiners: frozenset[str]
    rate_words: frozenset[str]
    topic_prepositions: frozenset[str]
    headline_small_words: frozenset[str]
    openers_without_comma: frozenset[str]
    honorifics: tuple[tuple[str, ...], ...]  # longest first
    thing_heads: frozenset[str]
    happening_heads: frozenset[tuple[str, ...]]
    happening_prefixes: frozenset[tuple[str, ...]]
    place_heads: frozenset[str]
    locative_prepositions: frozenset[str]


def stem(word: str) -> str:
    """A light suffix stripper: enough to make 'meetings'/'meeting', 'hinted'/'hint' agree."""
    w = word.lower()
    if len(w) <= 3:
        return w
    doubled = False
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("ied") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("ing") and len(w) > 5:
        w, doubled = w[:-3], True
    elif w.endswith("ed") and len(w) > 4:
        w, doubled = w[:-2], True
    elif w.endswith(("ches", "shes", "sses", "xes", "zes")):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if doubled and len(w) > 2 and w[-1] == w[-2] and w[-1] in "bdgmnprt":
        w = w[:-1]
    return w[:-1] if len(w) > 3 and w.endswith("e") else w


@cache
def lemma(word: str) -> str:
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    lex = lexicon()
    if w in lex.irregular:
        base = lex.irregular[w]
        return base if base == w else stem(base)
    return stem(w)


def phrase_lemmas(phrase: str) -> tuple[str, ...]:
    return tuple(lemma(w) for w in phrase.split())


@cache
def lexicon(language: str = "en") -> Lexicon:
    data_dir = resources.files("timeline.events").joinpath("data")
    path = data_dir.joinpath(f"{language}.yaml")
    if not path.is_file():
        path = data_dir.joinpath("en.yaml")
    data: dict[str, Any] = yaml.safe_load(path.read_text("utf-8"))
    irregular = dict(data["irregular"])
    classes: dict[tuple[str, ...], list[str]] = {}
    for cls, words in data["classes"].items():
        for w in words:
            classes.setdefault(_lemmas(w, irregular), []).append(cls)
    return _build(data, irregular, {k: tuple(dict.fromkeys(v)) for k, v in classes.items()})


def _lemmas(phrase: str, irregular: dict[str, str]) -> tuple[str, ...]:
    out = []
    for w in phrase.lower().split():
        if w in irregular:
            base = irregular[w]
            out.append(base if base == w else stem(base))
        else:
            out.append(stem(w))
    return tuple(out)


def _build(data: dict[str, Any], irregular: dict[str, str], classes: dict) -> Lexicon:
    return Lexicon(
        classes=classes,
        longest_phrase=max((len(k) for k in classes), default=1),
        reporting=frozenset(data["reporting_classes"]),
        generic=frozenset(_lemmas(p, irregular) for p in data["generic_verbs"]),
        speech_objects=frozenset(data["speech_objects"]),
        irregular=irregular,
        past_forms=frozenset(data["past_forms"]),
        future_cues=tuple(tuple(c.split()) for c in data["future_cues"]),
        undated_future_cues=tuple(data["undated_future_cues"]),
        modals=frozenset(data["modals"]),
        auxiliaries=frozenset(data["auxiliaries"]),
        not_verbs=frozenset(data["not_verbs"]),
        titles=frozenset(data["titles"]),
        # a company suffix names an organisation too
        org_words=frozenset(data["org_words"]) | frozenset(data.get("company_suffixes", [])),
        company_suffixes=frozenset(data.get("company_suffixes", [])),
        places=frozenset(data["places"]),
        nationalities=dict(data["nationalities"]),
        not_names=frozenset(data["not_names"]),
        discourse_openers=tuple(sorted(data["discourse_openers"], key=len, reverse=True)),
        relative_units=dict(data["relative_units"]),
        number_words=dict(data["number_words"]),
        relative_directions=dict(data["relative_directions"]),
        stopwords=frozenset(data["stopwords"]),
        schedulable=frozenset(data["schedulable_classes"]),
        place_words=frozenset(data["place_words"]),
        non_event_phrases=frozenset(tuple(p.split()) for p in data["non_event_phrases"]),
        happening_reporters=frozenset(
            _lemmas(w, irregular)[0] for w in data["happening_reporters"]
        ),
        calendar_words=frozenset(data["calendar_words"]),
        clause_boundaries=frozenset(data["clause_boundaries"]),
        name_connectors=frozenset(data["name_connectors"]),
        ordinals=frozenset(data["ordinals"]),
        determiners=frozenset(data["determiners"]),
        rate_words=frozenset(data.get("rate_words", [])),
        topic_prepositions=frozenset(data["topic_prepositions"]),
        headline_small_words=frozenset(data["headline_small_words"]),
        openers_without_comma=frozenset(data["openers_without_comma"]),
        honorifics=tuple(
            sorted((tuple(h.split()) for h in data["honorifics"]), key=len, reverse=True)
        ),
        thing_heads=frozenset(data["thing_heads"]),
        happening_heads=frozenset(tuple(h.split()) for h in data["happening_heads"]),
        happening_prefixes=frozenset(tuple(h.split()) for h in data["happening_prefixes"]),
        place_heads=frozenset(data["place_heads"]),
        locative_prepositions=frozenset(data["locative_prepositions"]),
    )
