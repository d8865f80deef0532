"""Event mentions: a clause with a resolved date becomes a mention of a happening.

For every dated expression we find the word it governs (the trigger: "spoke", "meeting",
"summit"), the kind of happening it names (a class from the lexicon, so "call" and
"conversation" compare equal), the people, organisations and places in its sentence, its
status (reported, scheduled, ongoing) and a concise summary. Vague references ("in recent
months") become context, and announced happenings with no date become upcoming mentions.
Everything is rules over tokens and the word tables in `events_<language>.json`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache, cached_property
from typing import Any

from timeline.corpus import Article
from timeline.dates.values import Duration, Grain, Point, Reference, Timex, Unanchored, day
from timeline.lexicon import Lexicon, lemma, lexicon
from timeline.text import Sentence, paragraphs, sentence_at, sentences

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
    # what merging compares: kinds of happening (the one named first), actor keys,
    # content lemmas of the sentence and of its paragraph
    classes: tuple[str, ...] = ()
    actor_keys: tuple[str, ...] = ()
    people: tuple[str, ...] = ()  # actor keys of persons
    lemmas: tuple[str, ...] = ()
    context: tuple[str, ...] = ()

    @property
    def grain(self) -> Grain | None:
        value = self.timex.value
        return value.grain if isinstance(value, Point) else None

    @property
    def happening(self) -> str | None:
        return self.classes[0] if self.classes else None

    # the same values as sets, computed once: merging compares each mention many times
    @cached_property
    def class_set(self) -> frozenset[str]:
        return frozenset(self.classes)

    @cached_property
    def actor_set(self) -> frozenset[str]:
        return frozenset(self.actor_keys)

    @cached_property
    def people_set(self) -> frozenset[str]:
        return frozenset(self.people)

    @cached_property
    def lemma_set(self) -> frozenset[str]:
        return frozenset(self.lemmas)

    @cached_property
    def context_set(self) -> frozenset[str]:
        return frozenset(self.context)


@dataclass(frozen=True)
class Extraction:
    """What one article yields: dated mentions, vague context and undated upcoming happenings."""

    dated: tuple[Mention, ...]
    context: tuple[Mention, ...] = ()
    upcoming: tuple[Mention, ...] = ()


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower().replace("’", "'")

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalnum()

    @property
    def is_cap(self) -> bool:
        return self.text[:1].isupper()


@dataclass(frozen=True)
class Entity:
    """A person, organisation or place named in the body."""

    key: str  # what compares equal across articles ("zelensky" for Zelensky/Zelenskyy)
    display: str
    start: int
    end: int
    kind: str  # person, org, place, role
    titles: tuple[str, ...] = ()
    nationality: str | None = None


@dataclass(frozen=True)
class Trigger:
    index: int  # token index in the sentence
    length: int  # tokens
    classes: tuple[str, ...]
    generic: bool = False  # 'took place', 'held': the happening is named around it


_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[A-Za-z0-9]+(?:['’\-][A-Za-z0-9]+)*|\S")
_BOUNDARY_PUNCT = frozenset(',;:()[]—–"“”')
_BOUNDARY_WORDS = frozenset(
    [
        "that",
        "which",
        "who",
        "whom",
        "when",
        "where",
        "while",
        "because",
        "but",
        "although",
        "though",
        "after",
        "before",
        "since",
        "until",
        "whereas",
    ]
)
_CONNECTORS = frozenset({"of", "for", "the"})
_ORDINALS = frozenset(
    [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "last",
        "latest",
        "next",
    ]
)
_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "their", "its", "this", "that", "our"})
_TOPIC_PREPOSITIONS = frozenset({"on", "about", "over", "regarding", "against", "into"})
_BYLINE = re.compile(r"^(?:By|Written by|Reporting by|Reported by)\s+[A-Z][\w.'’-]+")
_DATELINE = re.compile(r"^[A-Z][A-Z .,'’-]{2,40}\s+[—–-]+\s+")
_BULLET = re.compile(r"^[-*•]\s+")
_MAX_SUMMARY = 220
_TRAILING_ATTRIBUTION = re.compile(
    r",\s+(?:according to [^,.]{1,60}|(?:(?:the|a|an)\s+)?(?:[A-Z][\w.’'-]*\s+){0,4}"
    r"[A-Za-z][\w.’'-]*\s+(?:said|says|reported|added|confirmed|announced))\.$"
)
_LEADING_ATTRIBUTION = re.compile(r"^According to [^,]{1,60},\s+")
_CLASS_WINDOW = 10  # words around a reporting verb searched for what it reports


@cache
def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans of quoted speech (curly or straight double quotes, within a paragraph)."""
    spans: list[tuple[int, int]] = []
    for para in paragraphs(text):
        chunk = para.of(text)
        for m in re.finditer(r"“[^”]*”?|\"[^\"]*\"?", chunk):
            spans.append((para.start + m.start(), para.start + m.end()))
    return spans


def tokenize(text: str, offset: int = 0) -> list[Token]:
    return [Token(m.group(), offset + m.start(), offset + m.end()) for m in _TOKEN.finditer(text)]


# --- public entry points -------------------------------------------------------------


def find_mentions(article: Article, timexes: list[Timex]) -> list[Mention]:
    """Dated mentions of happenings in one article (see `extract` for context/upcoming)."""
    return list(extract(article, timexes).dated)


def extract(article: Article, timexes: list[Timex], with_undated: bool = True) -> Extraction:
    """Dated mentions, context and (with_undated) upcoming mentions of one article."""
    lex = lexicon(article.language)
    body = article.body
    sents = _content_sentences(body, article.language)
    entities = list(_entities(body, article.language))
    spans = [(t.start, t.end) for t in timexes]
    builders: dict[int, _Builder] = {}

    def builder(sent: Sentence) -> _Builder:
        if sent.start not in builders:
            context = _paragraph_lemmas(body, article.language).get(sent.paragraph, ())
            builders[sent.start] = _Builder(article, sent, entities, spans, lex, context)
        return builders[sent.start]

    dated: list[Mention] = []
    context: list[Mention] = []
    upcoming: list[Mention] = []
    quoted = _quoted_timexes(body, timexes, sents)
    dated_sentences: set[int] = set()
    for timex in sorted(timexes, key=lambda t: t.start):
        sent = sentence_at(sents, timex.start)
        value = timex.value
        # a vague stretch ("in recent months", PXM) is context, like PAST_REF
        vague_span = isinstance(value, Duration) and value.amount is None
        if sent is None or timex.start in quoted or _only_date(sent.of(body), timex):
            continue
        if timex.type not in ("DATE", "TIME") and not vague_span:
            continue
        vague = isinstance(value, Reference | Unanchored) or vague_span
        if timex.interval() is None and not (with_undated and vague):
            continue
        mention = builder(sent).mention(timex)
        if mention is None:
            continue
        if timex.interval() is not None:
            dated.append(mention)
            dated_sentences.add(sent.start)
        elif isinstance(value, Reference) and value.kind == "FUTURE":
            if (
                mention.status == "scheduled"
                and mention.actors
                and (mention.happening in lex.schedulable)
            ):
                upcoming.append(mention)
                dated_sentences.add(sent.start)
        elif value.timex != "PRESENT_REF":
            context.append(replace(mention, status="context"))
    if with_undated:
        for sent in sents:
            if sent.start not in dated_sentences:
                upcoming.extend(builder(sent).undated_upcoming())
    return Extraction(tuple(_dedupe(dated)), tuple(context), tuple(_dedupe(upcoming)))


# triggers and lemmas of a sentence depend only on its text and where its dates are, so
# re-reading an article under another candidate publish day reuses them
_TRIGGER_CACHE: dict[tuple, tuple[list[Trigger], tuple[str, ...]]] = {}
_MENTION_CACHE: dict[tuple, tuple[Trigger, dict[str, Any]] | None] = {}


@cache
def _tokens(body: str, start: int, end: int) -> list[Token]:
    return tokenize(body[start:end], start)


@cache
def _content_sentences(body: str, language: str) -> list[Sentence]:
    lex = lexicon(language)
    return [s for s in sentences(body) if not is_furniture(s.of(body), lex)]


@cache
def _entities(body: str, language: str) -> tuple[Entity, ...]:
    return tuple(find_entities(body, lexicon(language)))


@cache
def _paragraph_lemmas(body: str, language: str) -> dict[int, tuple[str, ...]]:
    lex = lexicon(language)
    return {i: content_lemmas(p.of(body), lex) for i, p in enumerate(paragraphs(body))}


def _quoted_timexes(body: str, timexes: list[Timex], sents: list[Sentence]) -> set[int]:
    """Starts of dates inside quoted speech whose sentence also dates the statement
    outside the quote ('"we made progress today," Trump said Wednesday'): the article
    vouches for the statement's date, the quoted word belongs to the speaker's day."""
    quotes = quote_spans(body)
    inside = {t.start for t in timexes if any(s <= t.start < e for s, e in quotes)}
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


def _only_date(sentence: str, timex: Timex) -> bool:
    """A line that is nothing but a date (a timestamp, 'Updated Oct. 16') names no happening."""
    rest = sentence.replace(timex.text, " ")
    return len(re.findall(r"[A-Za-z]{2,}", rest)) < 2


def is_furniture(sentence: str, lex: Lexicon | None = None) -> bool:
    """Page furniture and headlines: bylines, comment prompts, related lists, headings."""
    lex = lex or lexicon()
    low = sentence.lower().strip()
    if any(cue in low for cue in lex.furniture) and len(low) < 120:
        return True
    if _BYLINE.match(sentence.strip()) and len(sentence) < 100:
        return True
    return _is_headline(sentence)


def undated_mentions(article: Article, timexes: list[Timex]) -> list[Mention]:
    """Sentences that name a happening but carry no date (used by publish-date inference):
    the mention's timex is a placeholder FUTURE_REF/PAST_REF by the trigger's tense."""
    lex = lexicon(article.language)
    body = article.body
    sents = _content_sentences(body, article.language)
    entities = list(_entities(body, article.language))
    spans = [(t.start, t.end) for t in timexes]
    out: list[Mention] = []
    for sent in sents:
        make = _Builder(article, sent, entities, spans, lex, ())
        out.extend(make.all_happenings())
    return out


# --- building one mention --------------------------------------------------------------


@dataclass
class _Builder:
    article: Article
    sent: Sentence
    entities: list[Entity]
    timex_spans: list[tuple[int, int]]
    lex: Lexicon
    para_lemmas: tuple[str, ...]
    tokens: list[Token] = field(init=False)

    def __post_init__(self) -> None:
        self.text = self.sent.of(self.article.body)
        self.tokens = _tokens(self.article.body, self.sent.start, self.sent.end)
        inside = tuple(
            sp for sp in self.timex_spans if sp[0] < self.sent.end and self.sent.start < sp[1]
        )
        self.in_timex = [any(s <= t.start < e for s, e in inside) for t in self.tokens]
        key = (self.article.id, self.article.body, self.article.language, self.sent.start, inside)
        self.key = key
        if key not in _TRIGGER_CACHE:
            if len(_TRIGGER_CACHE) > 50_000:
                _TRIGGER_CACHE.clear()
            _TRIGGER_CACHE[key] = (self._triggers(), self._lemmas())
        self.triggers, self.lemmas = _TRIGGER_CACHE[key]

    # -- dated mentions

    def mention(self, timex: Timex) -> Mention | None:
        # which word a date governs depends on where it is, not on its value: an article
        # re-read under another candidate publish day reuses it
        key = (self.key, self.para_lemmas, timex.start, timex.end)
        if key not in _MENTION_CACHE:
            if len(_MENTION_CACHE) > 50_000:
                _MENTION_CACHE.clear()
            trig = self._governing(timex)
            _MENTION_CACHE[key] = None if trig is None else (trig, self._fixed(trig))
        found = _MENTION_CACHE[key]
        if found is None:
            return None
        trig, fixed = found
        return Mention(timex=timex, status=self._status(trig, timex), **fixed)

    def undated_upcoming(self) -> list[Mention]:
        """Announced happenings with no date: a future cue before a non-reporting trigger."""
        out = []
        for trig in self.triggers:
            if not trig.classes or trig.classes[0] not in self.lex.schedulable:
                continue
            if self._status(trig, None) != "scheduled" or self._conditional(trig):
                continue
            timex = Timex(
                "",
                self.tokens[trig.index].start,
                self.tokens[trig.index].start,
                "DATE",
                Reference("FUTURE"),
                rule="undated",
            )
            m = self._make(timex, trig)
            if m.actors:
                out.append(m)
        return out

    def _conditional(self, trig: Trigger) -> bool:
        """A future inside 'if ...' or 'whether ...' is a possibility, not an announcement."""
        window = [t.lower for t in self.tokens[: trig.index]]
        return any(w in ("if", "whether", "unless") for w in window)

    def all_happenings(self) -> list[Mention]:
        """Undated happenings with the tense of their clause: past ones as PAST_REF,
        announced ones as FUTURE_REF (statements themselves are left out)."""
        out = []
        for trig in self.triggers:
            if not (trig.classes or trig.generic) or (
                trig.classes and trig.classes[0] in self.lex.reporting
            ):
                continue
            classes = self._happening_classes(trig)
            if not classes or classes[0] in self.lex.reporting:
                continue
            if self._status(trig, None) == "scheduled":
                if self._conditional(trig):
                    continue
                kind = "FUTURE"
            elif self._segment_past(trig):
                kind = "PAST"
            else:
                continue
            tok = self.tokens[trig.index]
            timex = Timex("", tok.start, tok.start, "DATE", Reference(kind), rule="undated")
            out.append(self._make(timex, trig))
        return out

    def _segment_past(self, trig: Trigger) -> bool:
        """A past verb at or before the trigger in its clause ('confirmed the call',
        'which took place')."""
        lo, _ = self._segment(trig.index, trig.index)
        verbs = [
            t for t in self.triggers if lo <= t.index <= trig.index and (t.classes or t.generic)
        ]
        return any(self._is_past(t) for t in verbs)

    def _make(self, timex: Timex, trig: Trigger) -> Mention:
        return Mention(timex=timex, status=self._status(trig, timex), **self._fixed(trig))

    def _fixed(self, trig: Trigger) -> dict[str, Any]:
        """The fields of a mention that do not depend on its date."""
        first, last = self.tokens[trig.index], self.tokens[trig.index + trig.length - 1]
        actors = self._actors()
        keys = tuple(dict.fromkeys(e.key for e in actors))
        return {
            "article": self.article.id,
            "sentence": self.sent,
            "sentence_text": self.text,
            "summary": summarize(self.text, self.lex),
            "trigger": self.article.body[first.start : last.end],
            "trigger_start": first.start,
            "trigger_end": last.end,
            "actors": tuple(self._display(k) for k in keys),
            "classes": self._happening_classes(trig),
            "actor_keys": keys,
            "people": tuple(dict.fromkeys(e.key for e in actors if e.kind == "person")),
            "lemmas": self.lemmas,
            "context": tuple(sorted(set(self.para_lemmas) | set(keys))),
        }

    def _lemmas(self) -> tuple[str, ...]:
        return content_lemmas(self.text, self.lex, exclude=self.timex_spans, offset=self.sent.start)

    # -- triggers

    def _triggers(self) -> list[Trigger]:
        out: list[Trigger] = []
        i = 0
        toks = self.tokens
        while i < len(toks):
            trig = self._trigger_at(i)
            if trig:
                out.append(trig)
                i += trig.length
            else:
                i += 1
        return out

    def _trigger_at(self, i: int) -> Trigger | None:
        toks = self.tokens
        tok = toks[i]
        if not tok.is_word or self.in_timex[i] or (tok.is_cap and i > 0):
            return None
        lex = self.lex
        if i > 0 and (toks[i - 1].lower, tok.lower) in lex.non_event_phrases:
            return None  # "in charge", "in place": idioms, not happenings
        # stopwords never name a happening ('not' must not become 'note'); reporting
        # verbs that are also stopwords ('said', 'told') are listed as irregular forms
        if tok.lower in lex.not_verbs or (
            tok.lower in lex.stopwords and tok.lower not in lex.irregular
        ):
            return None
        for n in range(min(lex.longest_phrase, len(toks) - i), 0, -1):
            words = toks[i : i + n]
            if not all(w.is_word for w in words) or any(self.in_timex[i : i + n]):
                continue
            key = tuple(lemma(w.text) for w in words)
            if key in lex.classes:
                classes = lex.classes[key]
                if key[0] in ("speak", "talk"):
                    classes = ("CALL",) if self._speaks_to_person(i + n) else ("SAY",)
                return Trigger(i, n, classes)
            if key in lex.generic:
                return Trigger(i, n, (), generic=True)
        low = tok.lower
        if low in lex.not_verbs or low in lex.stopwords or "-" in low:
            return None
        if i > 0 and toks[i - 1].lower in _DETERMINERS and low.endswith(("ed", "ing")):
            return None  # "the damaged areas": an adjective, not a verb
        verbish = (low.endswith("ed") and len(low) > 4) or (low.endswith("ing") and len(low) > 5)
        after_modal = i > 0 and toks[i - 1].lower in lex.modals - {"to"} and low.isalpha()
        if verbish or after_modal or low in lex.past_forms:
            return Trigger(i, 1, ())
        return None

    def _speaks_to_person(self, j: int) -> bool:
        """'spoke to Putin' is a call; 'speaking to reporters' or 'in Brussels' is a statement."""
        toks = self.tokens
        if j >= len(toks) or toks[j].lower not in ("to", "with"):
            return False
        for tok in toks[j + 1 : j + 6]:
            if tok.lower in self.lex.speech_objects:
                return False
            ent = self._entity_at(tok.start)
            if ent is not None and ent.kind in ("person", "role"):
                return True
        return False

    def _governing(self, timex: Timex) -> Trigger | None:
        """The trigger a date attaches to: nearest in its clause segment, left preferred;
        after '<date>, when ...' the when-clause names the happening."""
        toks = self.tokens
        first = next((i for i, t in enumerate(toks) if t.start >= timex.start), len(toks))
        last = max(
            first, next((i for i, t in enumerate(toks) if t.start >= timex.end), len(toks)) - 1
        )
        if last + 2 < len(toks) and toks[last + 1].text == "," and toks[last + 2].lower == "when":
            after = [t for t in self.triggers if t.index > last + 2]
            if after:
                return after[0]
        lo, hi = self._segment(first, last)
        inside = [t for t in self.triggers if lo <= t.index <= hi]
        if not inside and (lo == 0 or hi == len(toks) - 1):
            # a lead-in date ("Later that day, ...") belongs to the clause after it
            lo2, hi2 = self._segment(hi + 2, hi + 2) if hi + 2 < len(toks) else (lo, hi)
            inside = [t for t in self.triggers if lo2 <= t.index <= hi2]
        if not inside:
            # no verb or known happening in the clause: its nearest content word names it
            # ("the loss to City on Saturday"), rather than a verb across a clause boundary
            noun = self._content_word(lo, hi, first, last)
            return noun if noun is not None else self._nearest_in_clause(first, last)
        pool = inside
        # words before the date govern it ("met them on Wednesday to end the strike",
        # "sentenced X to eight years on Wednesday for fraud"); after it only a noun
        # right next to it ("Friday's meeting", "his August summit") or, failing any
        # word before, the nearest one after; a noun that is only the topic of a
        # preposition ("vote on the deal on Monday") yields to the verb
        left = [t for t in pool if t.index < first]
        right = [t for t in pool if t.index > last]
        adjacent = [t for t in right if t.index == last + 1 and not self._is_verb(t)]

        def distance(t: Trigger) -> float:
            d = float(first - (t.index + t.length - 1)) if t.index < first else t.index - last + 0.5
            if self._is_topic(t):
                d += 3.0
            return d - (0.6 if t.classes else 0)

        candidates = (left + adjacent) or right
        best = min(candidates, key=lambda t: (distance(t), t.index))
        return self._verb_of_object(best) if best.index < first else best

    def _content_word(self, lo: int, hi: int, first: int, last: int) -> Trigger | None:
        def ok(i: int) -> bool:
            tok = self.tokens[i]
            low = tok.lower
            return (
                not self.in_timex[i]
                and low.isalpha()
                and len(low) > 2
                and not tok.is_cap
                and low not in self.lex.stopwords
                and low not in _ORDINALS
                and low not in _DETERMINERS
            )

        left = [i for i in range(lo, first) if ok(i)]
        right = [i for i in range(last + 1, hi + 1) if ok(i)]
        index = left[-1] if left else (right[0] if right else None)
        return Trigger(index, 1, ()) if index is not None else None

    def _nearest_in_clause(self, first: int, last: int) -> Trigger | None:
        """An elliptical clause ('while in the U.S. this week'): the nearest word that
        names a happening, without crossing a semicolon."""
        hard = [i for i, t in enumerate(self.tokens) if t.text == ";"]
        lo = max([i for i in hard if i < first], default=-1)
        hi = min([i for i in hard if i > last], default=len(self.tokens))
        near = [t for t in self.triggers if lo < t.index < hi]
        left = [t for t in near if t.index < first]
        if left:
            return left[-1]
        return near[0] if near else None

    def _is_verb(self, t: Trigger) -> bool:
        low = self.tokens[t.index].lower
        return low in self.lex.past_forms or low.endswith(("ed", "ing")) or t.generic

    def _verb_of_object(self, t: Trigger) -> Trigger:
        """'praised the talks on Thursday': the verb, not its object, carries the date
        (a reporting or generic verb still takes the object's class later)."""
        if self._is_verb(t):
            return t
        i = t.index - 1
        while i >= 0 and self.tokens[i].lower in _DETERMINERS:
            i -= 1
        if i == t.index - 1:
            return t  # "helped broker": no object phrase between, the noun-verb stays
        verb = next((v for v in self.triggers if v.index + v.length - 1 == i), None)
        return verb if verb is not None and self._is_verb(verb) else t

    def _is_topic(self, t: Trigger) -> bool:
        """A noun after a preposition ('about the strike', 'on the deal')."""
        for tok in reversed(self.tokens[max(0, t.index - 3) : t.index]):
            low = tok.lower
            if low in _TOPIC_PREPOSITIONS:
                return True
            if low not in ("the", "a", "an", "his", "her", "their", "its", "this", "that"):
                return False
        return False

    def _segment(self, first: int, last: int) -> tuple[int, int]:
        toks = self.tokens
        lo = first
        while lo > 0 and not self._is_boundary(lo - 1):
            lo -= 1
        hi = last
        while hi < len(toks) - 1 and not self._is_boundary(hi + 1):
            hi += 1
        return lo, hi

    def _is_boundary(self, i: int) -> bool:
        tok = self.tokens[i]
        if self.in_timex[i]:
            return False
        return tok.text in _BOUNDARY_PUNCT or tok.lower in _BOUNDARY_WORDS

    def _happening_classes(self, trig: Trigger) -> tuple[str, ...]:
        """The trigger's classes; a generic verb ('took place', 'held') or a verb that
        reports a happening as its object ('revealed ... a phone call', 'confirmed the
        call') takes the class of the happening named near it. Verbs of saying keep
        their own class: what is said is a proposition, not the happening itself."""
        own = trig.classes
        if own and own[0] not in self.lex.reporting:
            return own
        if not own and not trig.generic:
            # 'file an appeal', 'make a visit': an unlisted verb names its object
            obj = next(
                (t for t in self.triggers if 0 < t.index - trig.index <= 3 and t.classes), None
            )
            return obj.classes if obj else ()
        if own:
            word = lemma(self.tokens[trig.index].text)
            if word not in self.lex.happening_reporters:
                return own
        near = sorted(
            (
                trig.index - t.index if t.index < trig.index else t.index - trig.index + 3,
                t.index,
                t.classes,
            )
            for t in self.triggers
            if t is not trig
            and t.classes
            and t.classes[0] not in self.lex.reporting
            and abs(t.index - trig.index) <= _CLASS_WINDOW
        )
        near = [n for n in near if n[0] <= _CLASS_WINDOW + 3]
        found = tuple(dict.fromkeys(c for _, _, cs in near[:1] for c in cs))
        return tuple(dict.fromkeys(found + own))

    # -- status

    def _status(self, trig: Trigger, timex: Timex | None) -> str:
        toks = self.tokens
        lex = self.lex
        before = [
            t.lower
            for t, in_t in zip(
                toks[max(0, trig.index - 5) : trig.index],
                self.in_timex[max(0, trig.index - 5) : trig.index],
                strict=True,
            )
            if not in_t
        ]
        after = [t.lower for t in toks[trig.index + trig.length : trig.index + trig.length + 3]]
        for cue in lex.future_cues:
            if _contains(before, cue):
                return "scheduled"
        if (
            after[:1]
            and after[0] in ("will", "would")
            and len(after) > 1
            and after[1] in ("take", "be", "happen", "go", "begin", "start")
        ):
            return "scheduled"
        published = self.article.published_day
        span = timex.interval() if timex is not None else None
        if span and published and span[0] > published:
            return "scheduled"
        if (
            before[-1:]
            and before[-1] in ("is", "are", "am")
            and toks[trig.index].lower.endswith("ing")
        ):
            return "ongoing"
        if _contains(before, ("continues", "to")) or _contains(before, ("continue", "to")):
            return "ongoing"
        if (
            span
            and published
            and span[0] == published
            and not (self._is_past(trig) or self._segment_past(trig))
        ):
            return "scheduled"  # the publish day itself, told without a past verb
        return "reported"

    def _is_past(self, trig: Trigger) -> bool:
        low = self.tokens[trig.index].lower
        prev = self.tokens[trig.index - 1].lower if trig.index else ""
        return (
            low.endswith("ed")
            or low in self.lex.past_forms
            or prev in ("had", "has", "have", "was", "were")
        )

    # -- actors

    def _display(self, key: str) -> str:
        return _display_name(self.article.body, self.article.language, key)

    def _entity_at(self, offset: int) -> Entity | None:
        for e in self.entities:
            if e.start <= offset < e.end:
                return e
        return None

    def _actors(self) -> list[Entity]:
        found = [e for e in self.entities if self.sent.start <= e.start < self.sent.end]
        found = [e for e in found if e.kind != "role"] + [
            r for r in (self._resolve_role(e) for e in found if e.kind == "role") if r
        ]
        found.sort(key=lambda e: e.start)
        return found

    def _resolve_role(self, role: Entity) -> Entity | None:
        """'the U.S. president', 'the Russian leader' -> the person the article introduced
        with that title (and nationality, where both say one)."""
        people: dict[str, list[Entity]] = {}
        for e in self.entities:
            if e.kind == "person":
                people.setdefault(e.key, []).append(e)
        generic = {"leader", "official", "head"}
        cands: dict[str, str | None] = {}
        for key, forms in people.items():
            titles = {t for f in forms for t in f.titles}
            if titles and (titles & set(role.titles) or set(role.titles) <= generic):
                cands[key] = next((f.nationality for f in forms if f.nationality), None)
        if role.nationality:
            same = [k for k, n in cands.items() if n == role.nationality]
            keys = same or [k for k, n in cands.items() if n is None]
        else:
            keys = list(cands)
        if len(keys) != 1:
            return None
        best = max(people[keys[0]], key=lambda p: len(p.display))
        return replace(best, start=role.start, end=role.end)


@cache
def _display_name(body: str, language: str, key: str) -> str:
    """The full form the article gives a name ('Donald Trump' for 'Trump'): a multi-word
    form, the most frequent, the first introduced on a tie (so 'Melania Trump' in passing
    does not rename 'Donald Trump')."""
    forms = [e.display for e in _entities(body, language) if e.key == key and e.kind != "role"]
    if not forms:
        return key
    counts = Counter(forms)
    return min(counts, key=lambda f: (" " not in f, -counts[f], forms.index(f)))


def _contains(words: list[str], cue: tuple[str, ...]) -> bool:
    return f" {' '.join(cue)} " in f" {' '.join(words)} "


def _dedupe(mentions: list[Mention]) -> list[Mention]:
    """Two dates governing the same trigger: the finer one stays ('Friday's meeting -
    their fourth this year')."""
    best: dict[tuple[str, int], Mention] = {}
    order = {Grain.DAY: 0}
    for m in mentions:
        key = (m.article, m.trigger_start)
        cur = best.get(key)
        if cur is None or _fineness(m) > _fineness(cur):
            best[key] = m
    del order
    return sorted(best.values(), key=lambda m: (m.timex.start, m.trigger_start))


def _fineness(m: Mention) -> float:
    span = m.timex.interval()
    if span is None:
        return -1e9
    return -float((span[1] - span[0]).days)


# --- entities ------------------------------------------------------------------------


def find_entities(body: str, lex: Lexicon | None = None) -> list[Entity]:
    """People, organisations and places, from runs of capitalised words and the tables."""
    lex = lex or lexicon()
    sents = sentences(body)
    starts = {s.start for s in sents}
    tokens = tokenize(body)
    mid_caps = {
        _strip_possessive(t.text)
        for i, t in enumerate(tokens)
        if t.is_cap and t.start not in starts and i and tokens[i - 1].text not in "“\"‘'—–-:"
    }
    runs = _cap_runs(tokens, lex, body)
    entities: list[Entity] = []
    for run in runs:
        entities.extend(_classify(run, tokens, starts, mid_caps, lex, body))
    entities = [_as_role(e, body, lex) for e in entities]
    # a lone surname takes the person it names elsewhere in the article
    persons = {e.key: e for e in entities if e.kind == "person"}
    out = []
    for e in entities:
        if e.kind == "unknown" and e.key in persons:
            e = replace(e, kind="person")
        out.append(e)
    return out


def _as_role(e: Entity, body: str, lex: Lexicon) -> Entity:
    """'the U.S. president', 'the Russian leader': a nationality and a lowercase title
    refer to a person introduced elsewhere."""
    if e.kind != "place" or e.display not in lex.nationalities.values():
        return e
    m = re.match(r"\s+([a-z]+)\b", body[e.end : e.end + 30])
    if not m or m.group(1) not in lex.titles:
        return e
    return Entity(
        "",
        body[e.start : e.end + m.end()],
        e.start,
        e.end + m.end(),
        "role",
        (m.group(1),),
        e.display,
    )


def _strip_possessive(word: str) -> str:
    return re.sub(r"['’]s?$", "", word)


def _cap_runs(tokens: list[Token], lex: Lexicon, body: str) -> list[list[int]]:
    runs: list[list[int]] = []
    cur: list[int] = []
    for i, tok in enumerate(tokens):
        low = tok.lower.rstrip(".")
        if cur and "\n" in body[tokens[cur[-1]].end : tok.start]:
            runs.append(cur)  # a line break ends a name (headlines, list items)
            cur = []
        if tok.is_cap and tok.is_word and _strip_possessive(low) in lex.calendar_words:
            if cur:
                runs.append(cur)
            cur = []
            continue
        if tok.is_cap and tok.is_word:
            cur.append(i)
            if re.search(r"['’]s$", tok.text):
                runs.append(cur)
                cur = []
            continue
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if nxt is not None and low in ("of", "for") and nxt.lower == "the" and i + 2 < len(tokens):
            nxt = tokens[i + 2]  # "Institute for the Study of War"
        if (
            cur
            and nxt is not None
            and nxt.is_cap
            and (
                (low in _CONNECTORS and (low != "the" or tokens[i - 1].lower in ("of", "for")))
                or (tok.text == "." and tokens[cur[-1]].lower in lex.titles)
            )
        ):
            if tok.text != ".":
                cur.append(i)
            continue
        if cur:
            runs.append(cur)
        cur = []
    if cur:
        runs.append(cur)
    return runs


def _classify(
    run: list[int],
    tokens: list[Token],
    starts: set[int],
    mid_caps: set[str],
    lex: Lexicon,
    body: str,
) -> list[Entity]:
    words = [tokens[i] for i in run]
    # split hyphenated pairs of names ("Trump-Putin")
    if len(words) == 1 and "-" in words[0].text:
        parts = words[0].text.split("-")
        if all(p[:1].isupper() for p in parts):
            out, pos = [], words[0].start
            for p in parts:
                out.extend(_classify_words([Token(p, pos, pos + len(p))], starts, mid_caps, lex))
                pos += len(p) + 1
            return out
    while (
        words
        and words[0].lower.rstrip(".") in lex.not_names
        and words[0].lower not in lex.nationalities
    ):
        words = words[1:]
    while words and words[-1].lower in _CONNECTORS:
        words = words[:-1]
    if not words:
        return []
    return _classify_words(words, starts, mid_caps, lex)


def _classify_words(
    words: list[Token], starts: set[int], mid_caps: set[str], lex: Lexicon
) -> list[Entity]:
    names = [_strip_possessive(w.text) for w in words]
    if any(re.search(r"['’](?:d|ll|re|ve|m|t)$", w.text.lower()) for w in words):
        return []  # "He’d", "We’re": contractions start quotes, they are not names
    if len(names) > 1 and all(n.isupper() and len(n) > 3 for n in names):
        return []  # a shouted headline
    lows = [
        n.lower().rstrip(".") if not re.fullmatch(r"(?:[A-Za-z]\.){2,}", n) else n.lower()
        for n in names
    ]
    start, end = words[0].start, words[-1].end
    joined = " ".join(lows)
    if (
        len(words) == 1
        and words[0].start in starts
        and names[0] not in mid_caps
        and not (joined in lex.places or joined in lex.nationalities)
        and not _looks_like_name(names[0], lex)
    ):
        return []  # a capitalised sentence opener, not a name
    if joined in lex.nationalities:
        country = lex.nationalities[joined]
        return [Entity(_key(country), country, start, end, "place")]
    if joined in lex.places:
        return [Entity(_key(" ".join(names)), " ".join(names), start, end, "place")]
    title_idx = [i for i, w in enumerate(lows) if w in lex.titles]
    if title_idx:
        cut = title_idx[-1] + 1
        if cut + 1 < len(lows) and lows[cut] == "of":
            cut += 2
        titles = tuple(w for w in lows[:cut] if w in lex.titles)
        nationality = next(
            (lex.nationalities[w] for w in lows[:cut] if w in lex.nationalities), None
        )
        rest = names[cut:]
        if not rest:
            return [Entity("", " ".join(names), start, end, "role", titles, nationality)]
        if len(rest) > 4 or any(w.lower() in lex.org_words for w in rest):
            return [Entity(_key(" ".join(rest)), " ".join(rest), start, end, "org")]
        display = " ".join(rest)
        return [
            Entity(_person_key(rest), display, words[cut].start, end, "person", titles, nationality)
        ]
    if any(w in lex.org_words for w in lows):
        return [Entity(_key(" ".join(names)), " ".join(names), start, end, "org")]
    if len(words) > 1 and any(w in lex.place_words for w in lows):
        return [Entity(_key(" ".join(names)), " ".join(names), start, end, "place")]
    if len(words) > 1 and (lows[0] in lex.places or lows[0] in lex.nationalities):
        # "selling Ukraine Tomahawk missiles": a place, then something else
        return _classify_words(words[:1], starts, mid_caps, lex) + _classify_words(
            words[1:], starts, mid_caps, lex
        )
    if len(names) in (2, 3) and all(n[:1].isupper() and n.isalpha() for n in names):
        return [Entity(_person_key(names), " ".join(names), start, end, "person")]
    if len(names) == 1 and (len(names[0]) <= 2 and not names[0].isupper()):
        return []
    return [
        Entity(
            _person_key(names) if len(names) == 1 else _key(" ".join(names)),
            " ".join(names),
            start,
            end,
            "unknown",
        )
    ]


def _looks_like_name(word: str, lex: Lexicon) -> bool:
    """A sentence-initial capitalised word that is unlikely to be an ordinary word."""
    low = word.lower()
    if low in lex.not_names or low in lex.stopwords or low in lex.discourse_openers:
        return False
    if low.endswith(("ing", "ly", "ed", "'s")) or len(low) < 3 or not word.isalpha():
        return False
    return (lemma(low),) not in lex.classes


def _key(name: str) -> str:
    return re.sub(r"(.)\1+", r"\1", name.lower().replace(".", ""))


def _person_key(names: list[str]) -> str:
    """Surname, letters collapsed, so 'Zelenskyy' and 'Zelensky' agree."""
    return _key(names[-1])


# --- summaries and words ---------------------------------------------------------------


@cache
def summarize(sentence: str, lex: Lexicon | None = None) -> str:
    """The sentence without dateline, bullet, leading discourse marker, and cut to a clause
    boundary when it runs long."""
    lex = lex or lexicon()
    s = _BULLET.sub("", sentence.strip())
    s = _DATELINE.sub("", s)
    low = s.lower()
    for opener in lex.discourse_openers:
        if (
            low.startswith(opener + ",")
            or low.startswith(opener + " ")
            and opener in ("meanwhile", "however", "still", "in parallel", "separately")
        ):
            rest = s[len(opener) :].lstrip(" ,")
            if rest:
                s = rest[0].upper() + rest[1:]
            break
    if not s.startswith(("“", '"', "‘", "'")):
        # attribution is kept where a quote needs it to say who speaks, dropped elsewhere
        s = _TRAILING_ATTRIBUTION.sub(".", s)
        lead = _LEADING_ATTRIBUTION.match(s)
        if lead and len(s) > lead.end() + 1:
            s = s[lead.end()].upper() + s[lead.end() + 1 :]
    if len(s) > _MAX_SUMMARY:
        cut = max(s.rfind(sep, 0, _MAX_SUMMARY) for sep in (", ", "; ", " — ", " – "))
        if cut > 60:
            s = s[:cut].rstrip(" ,;—–") + " …"
    return s


def content_lemmas(
    text: str,
    lex: Lexicon | None = None,
    exclude: list[tuple[int, int]] | None = None,
    offset: int = 0,
) -> tuple[str, ...]:
    """Sorted distinct lemmas of the content words (no stopwords, dates or numbers)."""
    lex = lex or lexicon()
    out = set()
    for tok in tokenize(text, offset):
        if not tok.is_word or not tok.text[0].isalpha() or len(tok.text) < 3:
            continue
        if exclude and any(s <= tok.start < e for s, e in exclude):
            continue
        if tok.lower in lex.stopwords:
            continue
        out.add(lemma(_strip_possessive(tok.text)))
    return tuple(sorted(out))


def _is_headline(sentence: str) -> bool:
    """A line without closing punctuation whose words are mostly capitalised."""
    s = sentence.strip()
    if not s or s[-1] in ".!?\"”’'":
        return False
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", s)]
    if len(words) < 2:
        return True
    small = {
        "a",
        "an",
        "the",
        "and",
        "or",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "with",
        "by",
        "over",
        "after",
        "from",
        "as",
        "is",
        "but",
    }
    caps = sum(1 for w in words if w[0].isupper())
    content = sum(1 for w in words if w.lower() not in small)
    return content > 0 and caps / content >= 0.7


# --- dates relative to a named happening -------------------------------------------------


@dataclass(frozen=True)
class RelativeReference:
    """'a day before the meeting': an offset from a happening named by a noun."""

    text: str
    start: int
    end: int
    days: int  # signed offset
    noun_classes: tuple[str, ...]
    actor_keys: tuple[str, ...]


_REL = re.compile(
    r"\b(?:(?:just|only|exactly)\s+)?(?P<num>a|an|one|two|three|four|five|six|seven|\d+)\s+"
    r"(?P<unit>days?|weeks?)\s+(?P<dir>before|after|ahead of|prior to|following)\s+"
    r"(?P<det>the|his|her|their|its|this|that|a)\s+(?P<words>[\w’'-]+(?:\s+[\w’'-]+){0,2})",
    re.IGNORECASE,
)
_REL_DAY = re.compile(
    r"\b(?:on\s+)?the\s+(?P<unit>day|week)\s+(?P<dir>before|after)\s+"
    r"(?P<det>the|his|her|their|its)\s+(?P<words>[\w’'-]+(?:\s+[\w’'-]+){0,2})",
    re.IGNORECASE,
)


def relative_references(article: Article) -> list[RelativeReference]:
    """Phrases that date something by its distance from a named happening."""
    lex = lexicon(article.language)
    body = article.body
    entities = find_entities(body, lex)
    out: list[RelativeReference] = []
    for pattern in (_REL, _REL_DAY):
        for m in pattern.finditer(body):
            noun = _event_noun(m, lex)
            if noun is None:
                continue
            end, classes = noun
            num = m.groupdict().get("num") or "one"
            count = int(num) if num.isdigit() else lex.number_words.get(num.lower())
            unit = lex.relative_units.get(m.group("unit").lower())
            direction = lex.relative_directions.get(m.group("dir").lower())
            if not count or not unit or not direction:
                continue
            # actors named right after the noun ("meeting with ... Zelensky at the White House")
            stop = re.search(r"[;,!?]|\.(?:\s|$)", body[end : end + 90])
            tail_end = end + (stop.start() if stop else min(90, len(body) - end))
            keys = tuple(
                dict.fromkeys(e.key for e in entities if end <= e.start < tail_end and e.key)
            )
            out.append(
                RelativeReference(
                    body[m.start() : end], m.start(), end, direction * count * unit, classes, keys
                )
            )
    return sorted(out, key=lambda r: r.start)


def _event_noun(m: re.Match[str], lex: Lexicon) -> tuple[int, tuple[str, ...]] | None:
    """The first word after the determiner that names a (non-statement) happening."""
    pos = m.start("words")
    for word in re.finditer(r"[\w’'-]+", m.group("words")):
        classes = lex.classes.get((lemma(word.group()),), ())
        if classes and classes[0] not in lex.reporting:
            return pos + word.end(), classes
    return None


def relative_timex(ref: RelativeReference, target: Point, rule_cue: str) -> Timex | None:
    """The Timex for a relative reference once its happening's date is known."""
    if target.grain is not Grain.DAY:
        return None
    from datetime import timedelta

    value = day(target.start + timedelta(days=ref.days))
    return Timex(
        ref.text,
        ref.start,
        ref.end,
        "DATE",
        value,
        rule="event-relative",
        cue=rule_cue,
        anchor=target.start,
    )


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def publish_day(article: Article) -> date | None:
    return article.published_day
