"""One sentence as the event stage reads it: its tokens, which of them lie inside dates,
its triggers and content words, and the article's entities. Built once per sentence by
the article's analysis (`timeline.analysis`), from the article's tokens."""

from __future__ import annotations

from dataclasses import dataclass

from timeline.events.actors import Entity
from timeline.events.lexicon import Lexicon
from timeline.events.tokens import Token
from timeline.events.triggers import Trigger
from timeline.text import Sentence


@dataclass(frozen=True)
class Reading:
    body: str
    article: str  # Article.id
    sent: Sentence
    text: str
    summary: str
    tokens: list[Token]
    in_timex: list[bool]  # per token: inside a date expression
    triggers: list[Trigger]
    lemmas: tuple[str, ...]  # content lemmas of the sentence, dates left out
    entities: tuple[Entity, ...]
    actors: tuple[Entity, ...]  # the sentence's entities, roles read as the person meant
    displays: dict[str, str]  # actor key -> the article's fullest name for it
    lex: Lexicon
    para_lemmas: tuple[str, ...]  # content lemmas of the sentence's paragraph
