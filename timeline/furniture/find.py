"""Furniture as spans over an article body, and the content sentences left around them.

The body is never changed: furniture is found, as (kind, shape, start, end), and the
analysis reads only the content sentences (a sentence with a furniture prefix is read
from after it). One pass over the sentences; each compiled pattern runs at most once per
sentence, the comment-section pattern once over the body.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from timeline.config import TUNING
from timeline.furniture.data import Furniture
from timeline.text import Sentence, sentences

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_LETTERS = re.compile(r"[A-Za-z]{2,}")
_CLOSING = ".!?\"”’'"
_BRACKETS = ")]"


@dataclass(frozen=True)
class FurnitureSpan:
    kind: str  # credit, print, correction, timestamp, comments, promo, byline, dateline, headline
    shape: str  # line, prefix, within, section, caption
    start: int
    end: int


@dataclass(frozen=True)
class Layout:
    """An article body split into furniture and content."""

    furniture: tuple[FurnitureSpan, ...]  # in text order
    content: tuple[Sentence, ...]  # content sentences, trimmed of furniture prefixes


def layout(
    body: str, sents: Iterable[Sentence], furn: Furniture, small_words: frozenset[str] | None
) -> Layout:
    """The furniture of a body whose sentences are `sents`, and its content sentences.
    `small_words` are the words a headline leaves in lower case (None: no headline rule,
    for the importer, which reads headlines itself)."""
    found: list[FurnitureSpan] = []
    content: list[Sentence] = []
    section = furn.section.search(body)
    for sent in sents:
        if section is not None and sent.end > section.start():
            start = min(sent.start, section.start())
            found.append(FurnitureSpan(_kind(section), "section", start, len(body)))
            break
        rest = _strip_prefixes(body, sent, furn, found)
        if rest is None:
            continue
        whole = _whole(body, rest, furn, small_words)
        if whole is not None:
            found.append(FurnitureSpan(whole[0], whole[1], rest.start, rest.end))
            continue
        content.append(rest)
    captions = _captions(body, found, content, furn)
    gone = {c.start for c in captions}
    return Layout(
        tuple(sorted([*found, *captions], key=lambda s: (s.start, s.end))),
        tuple(s for s in content if s.start not in gone),
    )


def _kind(match: re.Match[str]) -> str:
    return match.lastgroup or "furniture"


def _strip_prefixes(
    body: str, sent: Sentence, furn: Furniture, found: list[FurnitureSpan]
) -> Sentence | None:
    """The sentence after its furniture prefixes (a credit, a timestamp, a dateline, one
    after another), None when nothing is left."""
    pos = sent.start
    while (m := furn.prefix.match(body, pos, sent.end)) is not None and m.end() > pos:
        found.append(FurnitureSpan(_kind(m), "prefix", pos, m.end()))
        pos = m.end()
        while pos < sent.end and body[pos].isspace():
            pos += 1
    if pos >= sent.end:
        return None
    return sent if pos == sent.start else Sentence(pos, sent.end, sent.paragraph)


def _whole(
    body: str, sent: Sentence, furn: Furniture, small_words: frozenset[str] | None
) -> tuple[str, str] | None:
    """(kind, shape) when the whole sentence is furniture."""
    m = furn.line.fullmatch(body, sent.start, sent.end)
    if m is not None:
        return _kind(m), "line"
    m = furn.within.search(body, sent.start, sent.end)
    if m is not None:
        return _kind(m), "within"
    if small_words is not None and is_headline(sent.of(body), small_words):
        return "headline", "line"
    return None


def _captions(
    body: str, found: list[FurnitureSpan], content: list[Sentence], furn: Furniture
) -> list[FurnitureSpan]:
    """A credit at the start of a sentence takes the content sentence just before it, on
    the same line, as its caption ("Protesters in Tahrir Square. Photograph: AP")."""
    by_end = {s.end: s for s in content}
    captions = []
    for credit in found:
        if credit.shape != "prefix" or credit.kind not in furn.caption_kinds:
            continue
        end = len(body[: credit.start].rstrip())
        caption = by_end.get(end)
        if (
            caption is not None
            and "\n" not in body[end : credit.start]
            and len(caption.of(body).split()) <= TUNING.caption_max_words
        ):
            captions.append(FurnitureSpan(credit.kind, "caption", caption.start, caption.end))
    return captions


def is_headline(sentence: str, small_words: frozenset[str]) -> bool:
    """A line without closing punctuation whose words are mostly capitalised."""
    s = sentence.strip()
    last = s.rstrip(_BRACKETS)[-1:]  # "(He said so.)" ends like a sentence
    if not s or (last and last in _CLOSING):
        return False
    words = _WORD.findall(s)
    if len(words) < 2:
        return True
    caps = sum(1 for w in words if w[0].isupper())
    content = sum(1 for w in words if w.lower() not in small_words)
    return content > 0 and caps / content >= 0.7


def is_furniture(text: str, furn: Furniture, small_words: frozenset[str] | None = None) -> bool:
    """Every sentence of the text is furniture (a headline counts only when `small_words`
    are given); text that starts a comment section is furniture."""
    sents = sentences(text)
    return bool(sents) and not layout(text, sents, furn, small_words).content


def only_date(sentence: str, phrase: str) -> bool:
    """A line that is nothing but a date (a timestamp, 'Updated Oct. 16') names no happening."""
    rest = sentence.replace(phrase, " ")
    return len(_LETTERS.findall(rest)) < 2
