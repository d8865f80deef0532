"""Concise summaries of a sentence, and the content words merging compares."""

from __future__ import annotations

import re

from timeline.config import TUNING
from timeline.events.lexicon import Lexicon, lemma, lexicon
from timeline.events.tokens import Token, strip_possessive

_BULLET = re.compile(r"^[-*•]\s+")
_DATELINE = re.compile(r"^[A-Z][A-Z .,'’-]{2,40}\s+[—–-]+\s+")
_TRAILING_ATTRIBUTION = re.compile(
    r",\s+(?:according to [^,.]{1,60}|(?:(?:the|a|an)\s+)?(?:[A-Z][\w.’'-]*\s+){0,4}"
    r"[A-Za-z][\w.’'-]*\s+(?:said|says|reported|added|confirmed|announced))\.$"
)
_LEADING_ATTRIBUTION = re.compile(r"^According to [^,]{1,60},\s+")
_QUOTE_OPENERS = ("“", '"', "‘", "'")
_CLAUSE_SEPARATORS = (", ", "; ", " — ", " – ")


def summarize(sentence: str, lex: Lexicon | None = None) -> str:
    """The sentence without dateline, bullet, leading discourse marker and (outside quotes)
    attribution, cut to a clause boundary when it runs long."""
    lex = lex or lexicon()
    s = _without_opener(_DATELINE.sub("", _BULLET.sub("", sentence.strip())), lex)
    if not s.startswith(_QUOTE_OPENERS):
        # attribution is kept where a quote needs it to say who speaks, dropped elsewhere
        s = _without_attribution(s)
    return _shortened(s, TUNING.max_summary)


def _without_opener(s: str, lex: Lexicon) -> str:
    """'Meanwhile, the talks ...' -> 'The talks ...'."""
    low = s.lower()
    for opener in lex.discourse_openers:
        if low.startswith(opener + ",") or (
            low.startswith(opener + " ") and opener in lex.openers_without_comma
        ):
            rest = s[len(opener) :].lstrip(" ,")
            return rest[0].upper() + rest[1:] if rest else s
    return s


def _without_attribution(s: str) -> str:
    s = _TRAILING_ATTRIBUTION.sub(".", s)
    lead = _LEADING_ATTRIBUTION.match(s)
    if lead and len(s) > lead.end() + 1:
        s = s[lead.end()].upper() + s[lead.end() + 1 :]
    return s


def _shortened(s: str, limit: int) -> str:
    if len(s) <= limit:
        return s
    cut = max(s.rfind(sep, 0, limit) for sep in _CLAUSE_SEPARATORS)
    return s[:cut].rstrip(" ,;—–") + " …" if cut > 60 else s


def content_lemma(tok: Token, lex: Lexicon) -> str | None:
    """The lemma of a content word (no stopword, number or punctuation), else None."""
    text = tok.text
    if len(text) < 3 or not text[0].isalpha() or tok.lower in lex.stopwords:
        return None
    return lemma(strip_possessive(text))
