"""Paragraphs and sentences of a body, as character spans into it.

Every later stage points back into the original text by offsets, so nothing here
copies or normalises the text: a span is (start, end) and the text is sliced.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

# Words after which a full stop does not end a sentence.
_ABBREVIATION_WORDS = """mr mrs ms dr prof sen rep gov gen col lt sgt capt st jr sr inc corp co ltd
    vs etc jan feb mar apr jun jul aug sep sept oct nov dec no
    mon tue tues wed thu thur thurs fri sat sun u.s u.k u.n e.g i.e a.m p.m"""
ABBREVIATIONS = frozenset(_ABBREVIATION_WORDS.split())

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n+")
_WORD_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.")
_LONGEST_ABBREVIATION = 12
# A candidate sentence end: terminal punctuation, optional closing quotes/brackets, space.
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+|$)")


@dataclass(frozen=True)
class Span:
    start: int
    end: int

    def of(self, text: str) -> str:
        return text[self.start : self.end]


S = TypeVar("S", bound=Span)


@dataclass(frozen=True)
class Sentence(Span):
    paragraph: int  # index of the paragraph that holds it


def paragraphs(text: str) -> list[Span]:
    """Non-empty paragraphs (blocks separated by blank lines), trimmed of white space."""
    spans: list[Span] = []
    pos = 0
    for brk in [*_PARAGRAPH_BREAK.finditer(text), None]:
        end = brk.start() if brk else len(text)
        span = _trim(text, pos, end)
        if span:
            spans.append(span)
        pos = brk.end() if brk else len(text)
    return spans


def sentences(text: str) -> list[Sentence]:
    """Sentences in reading order; a single line break inside a paragraph also ends one
    when the line reads as a headline or list item (no terminal punctuation)."""
    result: list[Sentence] = []
    for index, para in enumerate(paragraphs(text)):
        for start, end in _split_lines(text, para):
            for s, e in _split_sentences(text, start, end):
                result.append(Sentence(s, e, index))
    return result


def sentence_at(sents: list[Sentence], offset: int) -> Sentence | None:
    """The sentence that holds a character offset."""
    return span_at(sents, offset)


def _trim(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end) if start < end else None


def _split_lines(text: str, para: Span) -> list[tuple[int, int]]:
    """Lines of a paragraph; lines that continue a sentence are joined back."""
    pieces: list[tuple[int, int]] = []
    pos = para.start
    for line_end in [m.start() for m in re.finditer("\n", para.of(text))] + [len(para.of(text))]:
        end = para.start + line_end
        span = _trim(text, pos, end)
        if span:
            joins = pieces and not ends_line(text[pieces[-1][0] : pieces[-1][1]])
            if joins and continues_sentence(text[span.start : span.end]):
                pieces[-1] = (pieces[-1][0], span.end)
                pos = end + 1
                continue
            pieces.append((span.start, span.end))
        pos = end + 1
    return pieces


def ends_line(line: str) -> bool:
    """A line break after this line is a boundary (headline, list item, finished sentence)."""
    return True if not line else line[-1] in ".!?\"”:;" or line.lstrip().startswith(("-", "*"))


def continues_sentence(line: str) -> bool:
    """A line that starts in lower case carries on the sentence of the line before."""
    return bool(line) and line[0].islower()


def _split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    chunk = text[start:end]
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _SENTENCE_END.finditer(chunk):
        if _is_abbreviation(chunk, m.start()) or not _next_starts_sentence(chunk, m.end()):
            continue
        spans.append((start + pos, start + m.end()))
        pos = m.end()
        while pos < len(chunk) and chunk[pos].isspace():
            pos += 1
    if pos < len(chunk):
        spans.append((start + pos, end))
    return spans


def _is_abbreviation(chunk: str, dot: int) -> bool:
    if chunk[dot] != ".":
        return False
    # Look only at a short window before the dot: scanning all of chunk[:dot] at every
    # full stop made sentence splitting quadratic in the paragraph length.
    window = max(0, dot - _LONGEST_ABBREVIATION)
    start = _word_before(chunk, window, dot)
    if start is None or (start == window > 0 and chunk[window - 1].isalpha()):
        return False
    token = chunk[start:dot].lower().rstrip(".")
    # Single capital letters are initials ("J. Mansour"), not sentence ends.
    return token in ABBREVIATIONS or (len(token) == 1 and chunk[dot - 1].isupper())


def _word_before(chunk: str, window: int, end: int) -> int | None:
    """Where the word of letters and dots that ends at `end` starts (at a letter, not
    before `window`); None when no letter is next to `end`. A loop, not a search for
    "[A-Za-z][A-Za-z.]*$", which tries every start and is quadratic in the run."""
    start = end
    while start > window and chunk[start - 1] in _WORD_CHARS:
        start -= 1
    while start < end and chunk[start] == ".":
        start += 1
    return start if start < end else None


def _next_starts_sentence(chunk: str, pos: int) -> bool:
    rest = chunk[pos:].lstrip()
    return not rest or not rest[0].islower()


# A quotation: curly quotes, straight double quotes or TeX-style ``...'' within a paragraph.
# A quotation holds no opening mark of its kind: an unmatched opener then fails at the next
# opener instead of scanning the rest of the paragraph (quadratic in unmatched openers).
_QUOTATION = re.compile(
    r"“[^“”\n]*(?:\n(?!\s*\n)[^“”\n]*)*”"
    r"|\"[^\"\n]*(?:\n(?!\s*\n)[^\"\n]*)*\""
    r"|``(?:[^`'\n]|`(?!`)|'(?!')|\n(?!\s*\n))*''"
)


def quotations(text: str) -> list[Span]:
    """Quoted passages (marks included), in reading order; a quotation never spans a
    blank line, so an unbalanced mark cannot swallow the rest of the text."""
    spans = []
    for m in _QUOTATION.finditer(text):
        if "\n\n" not in m.group():
            spans.append(Span(m.start(), m.end()))
    return spans


def span_at(spans: Sequence[S], offset: int) -> S | None:
    """The span (from a sorted, non-overlapping list) that holds a character offset."""
    lo, hi = 0, len(spans)
    while lo < hi:
        mid = (lo + hi) // 2
        if spans[mid].end <= offset:
            lo = mid + 1
        else:
            hi = mid
    if lo < len(spans) and spans[lo].start <= offset:
        return spans[lo]
    return None
