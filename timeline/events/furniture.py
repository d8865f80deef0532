"""What is not an event: page furniture, headlines, and lines that are only a date."""

from __future__ import annotations

import re

from timeline.events.lexicon import Lexicon, lexicon
from timeline.text import Sentence

_BYLINE = re.compile(r"^(?:By|Written by|Reporting by|Reported by)\s+[A-Z][\w.'’-]+")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_CLOSING = ".!?\"”’'"


def is_furniture(sentence: str, lex: Lexicon | None = None) -> bool:
    """Page furniture and headlines: bylines, comment prompts, related lists, headings."""
    lex = lex or lexicon()
    low = sentence.lower().strip()
    if any(cue in low for cue in lex.furniture) and len(low) < 120:
        return True
    if _BYLINE.match(sentence.strip()) and len(sentence) < 100:
        return True
    return is_headline(sentence, lex)


def is_headline(sentence: str, lex: Lexicon) -> bool:
    """A line without closing punctuation whose words are mostly capitalised."""
    s = sentence.strip()
    if not s or s[-1] in _CLOSING:
        return False
    words = _WORD.findall(s)
    if len(words) < 2:
        return True
    caps = sum(1 for w in words if w[0].isupper())
    content = sum(1 for w in words if w.lower() not in lex.headline_small_words)
    return content > 0 and caps / content >= 0.7


def only_date(sentence: str, phrase: str) -> bool:
    """A line that is nothing but a date (a timestamp, 'Updated Oct. 16') names no happening."""
    rest = sentence.replace(phrase, " ")
    return len(re.findall(r"[A-Za-z]{2,}", rest)) < 2


def content_sentences(body: str, sents: list[Sentence], lex: Lexicon) -> list[Sentence]:
    """The sentences of the body that are not furniture."""
    return [s for s in sents if not is_furniture(s.of(body), lex)]
