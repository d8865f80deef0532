"""Event mentions: a clause with a resolved date becomes a mention of a happening."""

from __future__ import annotations

from dataclasses import dataclass

from timeline.corpus import Article
from timeline.dates.values import Timex
from timeline.text import Sentence, sentence_at, sentences

STATUSES = ("reported", "scheduled", "ongoing", "context")


@dataclass(frozen=True)
class Mention:
    """One article's mention of a dated happening, pointing back into its body."""

    article: str  # Article.id
    sentence: Sentence
    sentence_text: str
    timex: Timex
    summary: str
    trigger: str
    trigger_start: int
    trigger_end: int
    status: str = "reported"
    actors: tuple[str, ...] = ()


def find_mentions(article: Article, timexes: list[Timex]) -> list[Mention]:
    """One mention per dated sentence (first implementation)."""
    sents = sentences(article.body)
    mentions: list[Mention] = []
    seen: set[int] = set()
    for timex in timexes:
        if timex.type not in ("DATE", "TIME") or timex.interval() is None:
            continue
        sent = sentence_at(sents, timex.start)
        if sent is None or sent.start in seen:
            continue
        seen.add(sent.start)
        text = sent.of(article.body)
        mentions.append(
            Mention(article.id, sent, text, timex, text, timex.text, timex.start, timex.end)
        )
    return mentions
