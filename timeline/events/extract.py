"""One article's mentions: each dated expression that governs a happening becomes a
mention; vague ones become context; announced happenings without a date, upcoming."""

from __future__ import annotations

from dataclasses import replace

from timeline.events.actors import entities_of
from timeline.events.build import all_happenings, mention_of, undated_upcoming
from timeline.events.furniture import content_sentences, only_date
from timeline.events.lexicon import Lexicon, lexicon
from timeline.events.reading import Reading
from timeline.events.summary import paragraph_lemmas
from timeline.events.tokens import in_spans, quote_spans
from timeline.model import Article, Extraction, Mention, Timex
from timeline.text import Sentence, sentence_at
from timeline.values import Duration, Reference, Unanchored


def find_mentions(article: Article, timexes: list[Timex]) -> list[Mention]:
    """Dated mentions of happenings in one article (see `extract` for context/upcoming)."""
    return list(extract(article, timexes).dated)


def extract(article: Article, timexes: list[Timex], with_undated: bool = True) -> Extraction:
    """Dated mentions, context and (with_undated) upcoming mentions of one article."""
    text = _ArticleReading(article, timexes)
    dated: list[Mention] = []
    context: list[Mention] = []
    upcoming: list[Mention] = []
    placed: set[int] = set()  # sentences whose happening is dated or announced
    for timex, sent in _eventful(text, timexes, with_undated):
        mention = mention_of(text.reading(sent), timex)
        kind = _kind(mention, text.lex) if mention is not None else None
        if kind in ("dated", "upcoming"):
            (dated if kind == "dated" else upcoming).append(mention)
            placed.add(sent.start)
        elif kind == "context":
            context.append(replace(mention, status="context"))
    if with_undated:
        for sent in text.sentences:
            if sent.start not in placed:
                upcoming.extend(undated_upcoming(text.reading(sent)))
    return Extraction(tuple(_dedupe(dated)), tuple(context), tuple(_dedupe(upcoming)))


def undated_mentions(article: Article, timexes: list[Timex]) -> list[Mention]:
    """Sentences that name a happening but carry no date (no DATE or TIME among
    `timexes` lies inside them; used by publish-date inference): the mention's timex is a
    placeholder FUTURE_REF/PAST_REF by the trigger's tense."""
    text = _ArticleReading(article, timexes, with_context=False)
    dates = [t for t in timexes if t.type in ("DATE", "TIME")]
    return [
        m
        for sent in text.sentences
        # a dated sentence is not read at all: reading costs, and inference scans it anyway
        if not any(t.start >= sent.start and t.end <= sent.end for t in dates)
        for m in all_happenings(text.reading(sent))
    ]


class _ArticleReading:
    """The article's content sentences, each read once (on demand) with its dates."""

    def __init__(self, article: Article, timexes: list[Timex], with_context: bool = True):
        self.article = article
        self.lex: Lexicon = lexicon(article.language)
        self.sentences = content_sentences(article.body, article.language)
        self.entities = entities_of(article.body, article.language)
        self.spans = [(t.start, t.end) for t in timexes]
        self.with_context = with_context
        self._readings: dict[int, Reading] = {}

    def reading(self, sent: Sentence) -> Reading:
        if sent.start not in self._readings:
            context = ()
            if self.with_context:
                lemmas = paragraph_lemmas(self.article.body, self.article.language)
                context = lemmas.get(sent.paragraph, ())
            self._readings[sent.start] = Reading(
                self.article, sent, self.entities, self.spans, self.lex, context
            )
        return self._readings[sent.start]


def _eventful(text: _ArticleReading, timexes: list[Timex], with_undated: bool):
    """(timex, sentence) for each date that may date a happening, in text order: not in
    furniture, not quoted speech dated by its attribution, not a line that is only a date;
    durations only when vague ('in recent months'), undated values only for context."""
    body = text.article.body
    quoted = _quoted_timexes(body, timexes, text.sentences)
    for timex in sorted(timexes, key=lambda t: t.start):
        sent = sentence_at(text.sentences, timex.start)
        if sent is None or timex.start in quoted or only_date(sent.of(body), timex):
            continue
        value = timex.value
        # a vague stretch ("in recent months", PXM) is context, like PAST_REF
        vague_span = isinstance(value, Duration) and value.amount is None
        if timex.type not in ("DATE", "TIME") and not vague_span:
            continue
        vague = isinstance(value, Reference | Unanchored) or vague_span
        if timex.interval() is None and not (with_undated and vague):
            continue
        yield timex, sent


def _kind(mention: Mention, lex: Lexicon) -> str | None:
    """'dated', 'upcoming' (an announcement with a future reference), 'context' (vague),
    or None (a future reference that announces nothing, or 'now')."""
    value = mention.timex.value
    if mention.timex.interval() is not None:
        return "dated"
    if isinstance(value, Reference) and value.kind == "FUTURE":
        announced = mention.status == "scheduled" and mention.actors
        return "upcoming" if announced and mention.happening in lex.schedulable else None
    return "context" if value.timex != "PRESENT_REF" else None


def _quoted_timexes(body: str, timexes: list[Timex], sents: list[Sentence]) -> set[int]:
    """Starts of dates inside quoted speech whose sentence also dates the statement
    outside the quote ('"we made progress today," Trump said Wednesday'): the article
    vouches for the statement's date, the quoted word belongs to the speaker's day."""
    quotes = quote_spans(body)
    inside = {t.start for t in timexes if in_spans(t.start, quotes)}
    out = set()
    for t in timexes:
        if t.start not in inside:
            continue
        sent = sentence_at(sents, t.start)
        if sent and any(
            o.start not in inside and sent.start <= o.start < sent.end and o.interval()
            for o in timexes
        ):
            out.add(t.start)
    return out


def _dedupe(mentions: list[Mention]) -> list[Mention]:
    """Two dates governing the same trigger: the finer one stays ('Friday's meeting -
    their fourth this year')."""
    best: dict[tuple[str, int], Mention] = {}
    for m in mentions:
        key = (m.article, m.trigger_start)
        cur = best.get(key)
        if cur is None or _fineness(m) > _fineness(cur):
            best[key] = m
    return sorted(best.values(), key=lambda m: (m.timex.start, m.trigger_start))


def _fineness(m: Mention) -> float:
    span = m.timex.interval()
    if span is None:
        return -1e9
    return -float((span[1] - span[0]).days)
