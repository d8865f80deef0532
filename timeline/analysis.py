"""One analysis per article: everything about it that does not depend on its publish day.

An article is read once: its sentences (furniture left out), its date expressions with
the direction of their clauses (`timeline.dates.analyse_dates`), its people and
organisations, and for every date expression the clause of the happening it governs
(trigger, kinds, actors, words, tense). Anchoring the article to a day
(`timeline.anchoring`) is then a cheap function of this analysis and the day, so
publish-date inference can try many days, and `serve` can keep analyses between runs
(`timeline.store`), without reading the text again.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass

from timeline.dates.resolve import DateAnalysis, analyse_dates, anchor_dates
from timeline.events.actors import actors_in, display_names, entities_in
from timeline.events.build import all_happenings, governed_clause, undated_upcoming
from timeline.events.lexicon import Lexicon, lexicon
from timeline.events.reading import Reading
from timeline.events.relative import RelativeReference, relative_references
from timeline.events.status import may_announce
from timeline.events.summary import content_lemma, summarize
from timeline.events.tokens import Token, quote_spans, tokenize
from timeline.events.triggers import find_triggers
from timeline.furniture import furniture, layout, only_date
from timeline.model import Article, Clause, Mention
from timeline.text import Sentence, paragraphs, sentences

Span = tuple[int, int]


@dataclass(frozen=True)
class Analysis:
    """What one article tells, whatever day it was published."""

    article: Article
    dates: DateAnalysis | None  # None: a language without date data (fallback at anchoring)
    sentences: tuple[Sentence, ...]  # content sentences (no furniture), in order
    # the clause each date expression governs, by the end offset of the expression
    # (expressions never overlap, and anchoring may only widen one to the left)
    clauses: dict[int, Clause]
    only_dates: frozenset[int]  # ends of expressions that are a line of their own
    relative: tuple[RelativeReference, ...]  # 'a day before the meeting'
    # announced happenings without a date (FUTURE_REF), per sentence start
    announced: tuple[tuple[int, Mention], ...]
    # happenings told without a date, with their tense (PAST_REF/FUTURE_REF): what
    # publish-date inference bounds an undated article's day with; empty when dated
    happenings: tuple[Mention, ...]
    quotes: tuple[Span, ...]  # quoted speech


def analyse(article: Article) -> Analysis:
    """The article read once, in its own language."""
    dates = analyse_dates(article.body, article.language)
    spans = [(f.start, f.end) for f in dates.found] if dates else []
    return analysis_of(article, dates, spans)


def analysis_of(article: Article, dates: DateAnalysis | None, spans: list[Span]) -> Analysis:
    """The analysis of an article whose date expressions lie at `spans` (the resolver's,
    or given by hand to read the event stage alone)."""
    text = _Text(article, lexicon(article.language))
    relative = tuple(relative_references(article.body, text.entities, text.lex))
    text.mark([*spans, *((r.start, r.end) for r in relative)])
    clauses: dict[int, Clause] = {}
    lone: set[int] = set()
    for start, end in [*spans, *((r.start, r.end) for r in relative)]:
        reading = text.reading_at(start)
        if reading is None:
            continue
        if only_date(reading.text, article.body[start:end]):
            lone.add(end)
        clause = governed_clause(reading, start, end)
        if clause is not None:
            clauses[end] = clause
    return Analysis(
        article=article,
        dates=dates,
        sentences=tuple(text.sentences),
        clauses=clauses,
        only_dates=frozenset(lone),
        relative=relative,
        announced=tuple(_announced(text)),
        happenings=tuple(_happenings(text, dates)) if article.published_day is None else (),
        quotes=tuple(quote_spans(article.body)),
    )


def _announced(text: _Text) -> list[tuple[int, Mention]]:
    """Announced happenings without a date, in every sentence that has a future cue."""
    out: list[tuple[int, Mention]] = []
    for sent in text.sentences:
        if may_announce(text.tokens_of(sent), text.lex):
            reading = text.reading(sent)
            out.extend((sent.start, m) for m in undated_upcoming(reading))
    return out


def _happenings(text: _Text, dates: DateAnalysis | None) -> list[Mention]:
    """Happenings of sentences that hold no explicit date (their relative dates are what
    inference reads under each candidate day)."""
    body, language = text.article.body, text.article.language
    explicit = [t for t in anchor_dates(body, dates, None, language) if t.type in ("DATE", "TIME")]
    return [
        m
        for sent in text.sentences
        if not any(t.start >= sent.start and t.end <= sent.end for t in explicit)
        for m in all_happenings(text.reading(sent))
    ]


class _Text:
    """The article's words, sentences, paragraphs and entities, each found once, and a
    reading of each content sentence made on demand (only while analysing)."""

    def __init__(self, article: Article, lex: Lexicon):
        self.article = article
        self.lex = lex
        body = article.body
        self.tokens = tokenize(body)
        self.starts = [t.start for t in self.tokens]
        every = sentences(body)
        # furniture (credits, timestamps, comments...) is left out; a sentence that opens
        # with a furniture prefix is read from after it
        page = layout(body, every, furniture(article.language), lex.headline_small_words)
        self.sentences = list(page.content)
        self.sentence_ends = [s.end for s in self.sentences]
        found = entities_in(body, self.tokens, frozenset(s.start for s in every), lex)
        self.entities = tuple(sorted(found, key=lambda e: e.start))
        self.lemmas = [content_lemma(t, lex) for t in self.tokens]
        self.entity_starts = [e.start for e in self.entities]
        self.displays = display_names(self.entities)
        self.paragraphs = paragraphs(body)
        self.in_timex = [False] * len(self.tokens)
        self._para_lemmas: dict[int, tuple[str, ...]] = {}
        self._readings: dict[int, Reading] = {}

    def mark(self, spans: list[Span]) -> None:
        """Flag the tokens that start inside a date expression."""
        for start, end in spans:
            for i in range(bisect_left(self.starts, start), bisect_left(self.starts, end)):
                self.in_timex[i] = True

    def tokens_of(self, sent: Sentence) -> list[Token]:
        return self.tokens[self._range(sent.start, sent.end)]

    def _range(self, start: int, end: int) -> slice:
        return slice(bisect_left(self.starts, start), bisect_left(self.starts, end))

    def reading_at(self, offset: int) -> Reading | None:
        """The reading of the content sentence holding `offset`, if any."""
        i = bisect_left(self.sentence_ends, offset + 1)
        if i < len(self.sentences) and self.sentences[i].start <= offset:
            return self.reading(self.sentences[i])
        return None

    def reading(self, sent: Sentence) -> Reading:
        found = self._readings.get(sent.start)
        if found is None:
            found = self._readings[sent.start] = self._read(sent)
        return found

    def _read(self, sent: Sentence) -> Reading:
        body, lex = self.article.body, self.lex
        span = self._range(sent.start, sent.end)
        tokens, in_timex = self.tokens[span], self.in_timex[span]
        lo = bisect_left(self.entity_starts, sent.start)
        hi = bisect_left(self.entity_starts, sent.end)
        text = sent.of(body)
        return Reading(
            body=body,
            article=self.article.id,
            sent=sent,
            text=text,
            summary=summarize(text, lex),
            tokens=tokens,
            in_timex=in_timex,
            triggers=find_triggers(tokens, in_timex, lex, self.entities),
            lemmas=_sorted_set(
                lemma
                for lemma, inside in zip(self.lemmas[span], in_timex, strict=True)
                if lemma and not inside
            ),
            entities=self.entities,
            actors=tuple(actors_in(list(self.entities[lo:hi]), self.entities)),
            displays=self.displays,
            lex=lex,
            para_lemmas=self._paragraph_lemmas(sent.paragraph),
        )

    def _paragraph_lemmas(self, index: int) -> tuple[str, ...]:
        if index not in self._para_lemmas:
            para = self.paragraphs[index]
            lemmas = self.lemmas[self._range(para.start, para.end)]
            self._para_lemmas[index] = _sorted_set(lemma for lemma in lemmas if lemma)
        return self._para_lemmas[index]


def _sorted_set(words: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(set(words)))
