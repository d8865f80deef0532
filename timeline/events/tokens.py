"""Words of the body as character spans, and the quoted stretches among them."""

from __future__ import annotations

import re

from timeline.text import paragraphs

_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[A-Za-z0-9]+(?:['’\-][A-Za-z0-9]+)*|\S")
_QUOTE = re.compile(r"“[^”]*”?|\"[^\"]*\"?")
_POSSESSIVE = re.compile(r"['’]s?$")


class Token:
    """A word or a punctuation mark, as a span of the text. What the rules ask of a
    token is worked out once, when it is made: a sentence's words are asked about many
    times."""

    __slots__ = ("text", "start", "end", "lower", "is_word", "is_cap")

    def __init__(self, text: str, start: int, end: int):
        self.text = text
        self.start = start
        self.end = end
        self.lower = text.lower().replace("’", "'")
        self.is_word = text[:1].isalnum()
        self.is_cap = text[:1].isupper()

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start}, {self.end})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Token) and (self.text, self.start, self.end) == (
            other.text,
            other.start,
            other.end,
        )

    def __hash__(self) -> int:
        return hash((self.text, self.start, self.end))


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
