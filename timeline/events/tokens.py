"""Words of the body as character spans, and the quoted stretches among them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from timeline.text import paragraphs

_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[A-Za-z0-9]+(?:['’\-][A-Za-z0-9]+)*|\S")
_QUOTE = re.compile(r"“[^”]*”?|\"[^\"]*\"?")
_POSSESSIVE = re.compile(r"['’]s?$")


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int

    @cached_property
    def lower(self) -> str:
        return self.text.lower().replace("’", "'")

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalnum()

    @property
    def is_cap(self) -> bool:
        return self.text[:1].isupper()


def tokenize(text: str, offset: int = 0) -> list[Token]:
    return [Token(m.group(), offset + m.start(), offset + m.end()) for m in _TOKEN.finditer(text)]


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans of quoted speech (curly or straight double quotes, within a paragraph)."""
    spans: list[tuple[int, int]] = []
    for para in paragraphs(text):
        chunk = para.of(text)
        for m in _QUOTE.finditer(chunk):
            spans.append((para.start + m.start(), para.start + m.end()))
    return spans


def in_spans(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= offset < e for s, e in spans)


def strip_possessive(word: str) -> str:
    return _POSSESSIVE.sub("", word)
