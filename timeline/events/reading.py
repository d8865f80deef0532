"""One sentence as the event stage reads it: its tokens, which of them lie inside dates,
its triggers and content words, and the article's entities."""

from __future__ import annotations

from dataclasses import dataclass, field

from timeline.events.actors import Entity
from timeline.events.lexicon import Lexicon
from timeline.events.summary import content_lemmas
from timeline.events.tokens import Token, in_spans, span_tokens
from timeline.events.triggers import Trigger, find_triggers
from timeline.model import Article
from timeline.text import Sentence

# which words lie inside dates, the triggers and the lemmas of a sentence depend only on
# its text and where its dates are, so re-reading an article under another candidate
# publish day reuses them
_CACHE: dict[tuple, tuple[list[bool], list[Trigger], tuple[str, ...]]] = {}
_CACHE_LIMIT = 50_000


@dataclass
class Reading:
    article: Article
    sent: Sentence
    entities: tuple[Entity, ...]
    timex_spans: list[tuple[int, int]]
    lex: Lexicon
    para_lemmas: tuple[str, ...]
    text: str = field(init=False)
    tokens: list[Token] = field(init=False)
    in_timex: list[bool] = field(init=False)
    triggers: list[Trigger] = field(init=False)
    lemmas: tuple[str, ...] = field(init=False)
    # what identifies this reading for caches: the sentence and the dates inside it
    key: tuple = field(init=False)

    def __post_init__(self) -> None:
        body, sent = self.article.body, self.sent
        self.text = sent.of(body)
        self.tokens = span_tokens(body, sent.start, sent.end)
        inside = [sp for sp in self.timex_spans if sp[0] < sent.end and sent.start < sp[1]]
        self.key = (self.article.id, body, self.article.language, sent.start, tuple(inside))
        if self.key not in _CACHE:
            if len(_CACHE) > _CACHE_LIMIT:
                _CACHE.clear()
            self.in_timex = [in_spans(t.start, inside) for t in self.tokens]
            _CACHE[self.key] = (self.in_timex, self._triggers(), self._lemmas())
        self.in_timex, self.triggers, self.lemmas = _CACHE[self.key]

    def _triggers(self) -> list[Trigger]:
        return find_triggers(self.tokens, self.in_timex, self.lex, self.entities)

    def _lemmas(self) -> tuple[str, ...]:
        return content_lemmas(self.text, self.lex, exclude=self.timex_spans, offset=self.sent.start)
