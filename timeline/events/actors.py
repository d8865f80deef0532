"""Actors: the people, organisations and places an article names, and who a sentence's
roles ('the Russian leader') refer to."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cached_property
from itertools import takewhile

from timeline.events.lexicon import Lexicon, lemma, lexicon, stem
from timeline.events.tokens import Token, strip_possessive, tokenize
from timeline.text import sentences

_CONTRACTION = re.compile(r"['’](?:d|ll|re|ve|m|t)$")
_INITIALS = re.compile(r"(?:[A-Za-z]\.){2,}")
_ENDS_POSSESSIVE = re.compile(r"['’]s$")
_QUOTE_OR_DASH = "“\"‘'—–-:"
_GENERIC_TITLES = frozenset({"leader", "official", "head"})
_AFTER = re.compile(r"[ \t]+([a-z][a-z\-]*)(?:[ \t]+([a-z][a-z\-]*))?")
_ROMAN = re.compile(r"[ivxlcdm]+")
_NUMBER_AFTER = re.compile(r"[ \t]+\d+(?:[.,]\d+)?\b(?![-–]\d)")  # not a score: 2-1
_FULL_STOP = re.compile(r"\.[\"'”’)\]]*\s*\Z")
_LINE = re.compile(r"[^\n]+")
_WORD = re.compile(r"[^\W\d_][\w'’\-]*")


@dataclass(frozen=True)
class Evidence:
    """What the article's own writing says about its capitalised words: a capital that
    opens a sentence or sits in a title-case headline says nothing; one in running text
    mid-sentence does, and a word also written in lower case is a common word."""

    starts: frozenset[int]  # sentence starts
    mid_caps: frozenset[str]  # words capitalised mid-sentence in running text
    lowered: frozenset[str]  # words the article also writes in lower case
    located: frozenset[int]  # starts of words right after a locative preposition

    @cached_property
    def mid_lower(self) -> frozenset[str]:
        return frozenset(w.lower() for w in self.mid_caps)


@dataclass(frozen=True)
class Entity:
    """A person, organisation or place named in the body."""

    key: str  # what compares equal across articles ("zelensky" for Zelensky/Zelenskyy)
    display: str
    start: int
    end: int
    kind: str  # person, org, place, role, unknown (happening: a name, never an actor)
    titles: tuple[str, ...] = ()
    nationality: str | None = None


def find_entities(body: str, lex: Lexicon | None = None) -> list[Entity]:
    """People, organisations and places, from runs of capitalised words and the tables."""
    starts = frozenset(s.start for s in sentences(body))
    return entities_in(body, tokenize(body), starts, lex or lexicon())


def entities_in(
    body: str, tokens: list[Token], starts: frozenset[int], lex: Lexicon
) -> list[Entity]:
    """`find_entities` given the body's tokens and the starts of its sentences."""
    headline = _headline_tokens(body, tokens, lex)
    ev = _evidence(tokens, starts, headline, lex)
    entities: list[Entity] = []
    for run in _cap_runs(tokens, lex, body, headline, ev):
        entities.extend(_classify(run, tokens, ev, lex))
    entities = [_as_role(e, body, lex) for e in entities]
    # a lone surname takes the person it names elsewhere in the article
    persons = {e.key for e in entities if e.kind == "person"}
    entities = [
        replace(e, kind="person") if e.kind == "unknown" and e.key in persons else e
        for e in entities
    ]
    entities = [e for e in entities if not _designation(e, body)]
    entities = _without_happenings(entities)
    things = _things(entities, body, lex)
    entities = [e for e in entities if e.kind == "person" or stem(e.key) not in things]
    return _namesakes(entities, lex)


def _evidence(
    tokens: list[Token], starts: frozenset[int], headline: set[int], lex: Lexicon
) -> Evidence:
    mid_caps = {
        strip_possessive(t.text)
        for i, t in enumerate(tokens)
        if t.is_cap
        and t.start not in starts
        and i not in headline
        and i
        and tokens[i - 1].text not in _QUOTE_OR_DASH
    }
    lowered = {t.text for t in tokens if t.text.islower()}
    located = {
        t.start for i, t in enumerate(tokens) if t.is_cap and _after_locative(tokens, i, lex)
    }
    return Evidence(starts, frozenset(mid_caps), frozenset(lowered), frozenset(located))


def _after_locative(tokens: list[Token], i: int, lex: Lexicon) -> bool:
    """'in the Oval Office', 'at Buckingham Palace': right after a locative preposition,
    or after one and 'the'."""
    prev = tokens[i - 1].text.lower() if i else ""
    if prev == "the" and i > 1:
        prev = tokens[i - 2].text.lower()
    return prev in lex.locative_prepositions


def _headline_tokens(body: str, tokens: list[Token], lex: Lexicon) -> set[int]:
    """Indexes of the tokens on headline lines: lines whose words, less the small words a
    headline leaves lowercase, are all capitalised ('Trump Turns to Russia After Gaza
    Ceasefire', 'Weighing the Tomahawk Option'), at least two of them, and no full stop at
    the end (a line of names, 'Donald Trump and Vladimir Putin.', is a sentence). There
    every word is capitalised, so a capital is no sign of a name."""
    spans = []
    for m in _LINE.finditer(body):
        if _FULL_STOP.search(m.group()):
            continue
        words = [w for w in _WORD.findall(m.group()) if w.lower() not in lex.headline_small_words]
        if len(words) >= 2 and all(w[0].isupper() for w in words):
            spans.append((m.start(), m.end()))
    starts = [t.start for t in tokens]
    return {
        i for s, e in spans for i in range(bisect_left(starts, s), bisect_left(starts, e))
    }


def _attested_headline_words(
    tokens: list[Token], headline: set[int], ev: Evidence, lex: Lexicon
) -> set[int]:
    """The tokens on headline lines that count as capitalised: words the article writes
    capitalised in running text, and known places of one to three words ('Trump' and
    'Russia' in 'Trump Turns to Russia', 'South Africa' in 'CAPE TOWN, South Africa (AP)';
    not 'Turns')."""
    known = lex.places | lex.nationalities.keys()
    out = set()
    for i in headline:
        parts = strip_possessive(tokens[i].text).lower().split("-")
        if all(p in ev.mid_lower or p in known for p in parts):
            out.add(i)
        for n in (2, 3):
            span = range(i, i + n)
            if (
                all(j in headline for j in span)
                and " ".join(strip_possessive(tokens[j].lower) for j in span) in known
            ):
                out.update(span)
    return out


def _designation(e: Entity, body: str) -> bool:
    """A capitalised word before a number labels a grade or a model ('a Category 3
    storm', 'Level 4', 'Boeing 747'): not an actor ('the FBI's 10 Most Wanted' is one)."""
    return (
        e.kind == "unknown"
        and _NUMBER_AFTER.match(body, e.end) is not None
        and not _ENDS_POSSESSIVE.search(body[e.start : e.end])
    )


def _without_happenings(entities: list[Entity]) -> list[Entity]:
    """The entities less names of happenings and periods, and less the other forms the
    article gives a storm's or an operation's own name ('Lena' after 'Hurricane Lena');
    a person keeps their name."""
    named = {e.key for e in entities if e.kind == "happening" and e.key}
    return [
        e for e in entities if e.kind != "happening" and (e.kind == "person" or e.key not in named)
    ]


def _namesakes(entities: list[Entity], lex: Lexicon) -> list[Entity]:
    """Two people of one surname in one article take different keys: two full names with
    different first names ('Donald Trump', 'Melania Trump'), or a full name and a surname
    the article writes only after a title no form of that full name has ('President Trump',
    'First Lady Melania Trump'). One of them keeps the surname's key, which the bare
    surnames share: the one named by title and surname alone if there is one (the article
    tells the other apart by first name), else the one named most (the first introduced on
    a tie), a titled surname counting for the full name whose office it shares ('Secretary
    Okafor' for 'Secretary Jane Okafor'). The others take a key of their full name. An
    article naming one person of the surname keeps its keys."""
    groups: dict[str, list[int]] = {}
    for i, e in enumerate(entities):
        if e.kind == "person":
            groups.setdefault(e.key, []).append(i)
    keys: dict[int, str] = {}
    for idx in groups.values():
        keys.update(_namesake_keys(idx, entities, lex))
    if not keys:
        return entities
    return [replace(e, key=keys[i]) if i in keys else e for i, e in enumerate(entities)]


def _namesake_keys(idx: list[int], entities: list[Entity], lex: Lexicon) -> dict[int, str]:
    """Index -> new key of the entities (of one surname key) that name a namesake."""
    who = _namesake_of(idx, entities, lex)
    names = Counter(who.values())  # in order of introduction
    if len(names) < 2:
        return {}
    firsts = list(names)
    main = next(
        (n for n in firsts if len(n) == 1),
        min(firsts, key=lambda n: (-names[n], firsts.index(n))),
    )
    out = {}
    for i, n in who.items():
        if n[0] != main[0] and not (len(n[0]) == 1 or len(main[0]) == 1):
            out[i] = _key(" ".join(n))
    return out


def _namesake_of(
    idx: list[int], entities: list[Entity], lex: Lexicon
) -> dict[int, tuple[str, ...]]:
    """Index -> the person an entity names: (first, last) of a full name; for a surname
    after a title, the full name whose office it shares, or (last,) when the article's
    full names of that surname all hold other offices. Bare surnames are left out."""
    who: dict[int, tuple[str, ...]] = {}
    offices: dict[tuple[str, ...], set[str]] = {}
    for i in idx:
        words = name_words(entities[i].display, lex)
        if len(words) > 1:
            who[i] = words[:1] + words[-1:]
            offices.setdefault(who[i], set()).update(_offices(entities[i], lex))
    if not who:
        return who
    for i in idx:
        words = name_words(entities[i].display, lex)
        mine = _offices(entities[i], lex)
        if len(words) != 1 or not mine:
            continue
        shared = [n for n, held in offices.items() if _share_office(mine, held)]
        if len(shared) == 1:
            who[i] = shared[0]
        elif not shared and all(offices.values()):
            who[i] = words
    return dict(sorted(who.items()))


def _offices(e: Entity, lex: Lexicon) -> frozenset[str]:
    """The titles of a person that say which office they hold: not a courtesy title (an
    honorific of one word: 'Mr', 'Dr') or a generic one ('leader')."""
    courtesy = {h[0] for h in lex.honorifics if len(h) == 1}
    return frozenset(t for t in e.titles if t not in courtesy and t not in _GENERIC_TITLES)


def _share_office(a: frozenset[str], b: set[str]) -> bool:
    """Two sets of titles share one, an abbreviation agreeing with its word ('Sen.',
    'Senator'; 'Gov.', 'Governor')."""
    return any(x.startswith(y) or y.startswith(x) for x in a for y in b)


def _things(entities: list[Entity], body: str, lex: Lexicon) -> set[str]:
    """Names the article uses as things: a name right before a generic head noun
    ('Tomahawk missiles', 'Tomahawk cruise missiles') names a weapon or a product, and so do
    its other forms in the article ('Tomahawks'); a person or place never is one."""
    persons = {e.key for e in entities if e.kind == "person"}
    out = set()
    for e in entities:
        if e.kind in ("person", "place", "role") or e.key in persons:
            continue
        m = _AFTER.match(body, e.end)
        if m and (
            m.group(1) in lex.thing_heads
            or (m.group(2) in lex.thing_heads and _modifier(m.group(1), lex))
        ):
            out.add(stem(e.key))
    return out


def _modifier(word: str, lex: Lexicon) -> bool:
    """A lowercase word that may sit between a name and its head noun ('cruise'), not a
    verb or a function word ('Smith sent missiles')."""
    if word in lex.stopwords or word in lex.past_forms or word in lex.auxiliaries:
        return False
    return not word.endswith(("ed", "s")) and (lemma(word),) not in lex.classes


def display_names(entities: Iterable[Entity]) -> dict[str, str]:
    """Per actor key, the full form the article gives the name ('Donald Trump' for
    'Trump'): a multi-word form, the most frequent, the first introduced on a tie (so
    'Melania Trump' in passing does not rename 'Donald Trump')."""
    forms: dict[str, list[str]] = {}
    for e in entities:
        if e.kind != "role":
            forms.setdefault(e.key, []).append(e.display)
    out = {}
    for key, names in forms.items():
        counts = Counter(names)
        out[key] = min(counts, key=lambda f, c=counts, n=names: (" " not in f, -c[f], n.index(f)))
    return out


# --- who a sentence names ------------------------------------------------------------------


def entity_at(entities: tuple[Entity, ...], offset: int) -> Entity | None:
    return next((e for e in entities if e.start <= offset < e.end), None)


def actors_in(found: list[Entity], entities: tuple[Entity, ...]) -> list[Entity]:
    """The entities `found` in a sentence in text order, roles replaced by the person
    they mean among the article's `entities`."""
    roles = (resolve_role(e, entities) for e in found if e.kind == "role")
    out = [e for e in found if e.kind != "role"] + [r for r in roles if r]
    return sorted(out, key=lambda e: e.start)


def resolve_role(role: Entity, entities: tuple[Entity, ...]) -> Entity | None:
    """'the U.S. president', 'the Russian leader' -> the person the article introduced
    with that title (and nationality, where both say one)."""
    people: dict[str, list[Entity]] = {}
    for e in entities:
        if e.kind == "person":
            people.setdefault(e.key, []).append(e)
    cands: dict[str, str | None] = {}
    for key, forms in people.items():
        titles = {t for f in forms for t in f.titles}
        if titles and (titles & set(role.titles) or set(role.titles) <= _GENERIC_TITLES):
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


# --- runs of capitalised words ---------------------------------------------------------------


def _cap_runs(
    tokens: list[Token], lex: Lexicon, body: str, headline: set[int], ev: Evidence
) -> list[list[int]]:
    """Token indexes of each run of capitalised words that may be one name (on a headline
    line, only words the article capitalises elsewhere count as capitalised)."""
    attested = _attested_headline_words(tokens, headline, ev, lex) if headline else set()
    runs: list[list[int]] = []
    cur: list[int] = []

    def flush() -> None:
        nonlocal cur
        if cur:
            runs.append(cur)
        cur = []

    for i, tok in enumerate(tokens):
        if cur and "\n" in body[tokens[cur[-1]].end : tok.start]:
            flush()  # a line break ends a name (headlines, list items)
        if tok.is_cap and tok.is_word and (i not in headline or i in attested):
            if strip_possessive(tok.lower.rstrip(".")) in lex.calendar_words:
                flush()
                continue
            cur.append(i)
            if _ENDS_POSSESSIVE.search(tok.text):
                flush()
            continue
        if cur and _joins(tokens, i, cur, lex):
            if tok.text != ".":
                cur.append(i)
            continue
        flush()
    flush()
    return runs


def _joins(tokens: list[Token], i: int, cur: list[int], lex: Lexicon) -> bool:
    """A connector ('of', 'for the') or a title's full stop ('Sen.') inside a name, with a
    capitalised word after it."""
    tok, low = tokens[i], tokens[i].lower.rstrip(".")
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if nxt is not None and low in ("of", "for") and nxt.lower == "the" and i + 2 < len(tokens):
        nxt = tokens[i + 2]  # "Institute for the Study of War"
    if nxt is None or not nxt.is_cap:
        return False
    if low == "and":
        return _joint_name(tokens, i, cur, lex)
    if low in lex.name_connectors:
        return low != "the" or tokens[i - 1].lower in ("of", "for")
    return tok.text == "." and tokens[cur[-1]].lower in lex.titles


def _joint_name(tokens: list[Token], i: int, cur: list[int], lex: Lexicon) -> bool:
    """'and' inside an organisation's name: 'the Competition and Markets Authority', 'the
    Securities and Exchange Commission'. After 'the', a word or two that name nothing on
    their own, then two or three capitalised words ending with an organisation word."""
    lows = [tokens[j].lower for j in cur]
    before = tokens[cur[0] - 1].lower if cur[0] else ""
    if lows[0] == "the":  # a sentence's 'The' is in the run
        lows, before = lows[1:], "the"
    if before != "the" or not 0 < len(lows) <= 2:
        return False
    if len(lows) == 2 and lows[-1] in lex.org_words:
        return False  # a whole name already ('the Calder Group and Vesta Partners')
    if any(w in lex.places or w in lex.nationalities for w in lows):
        return False
    after = []
    for tok in tokens[i + 1 : i + 4]:
        if not (tok.is_cap and tok.is_word):
            break
        after.append(tok.lower)
    return len(after) >= 2 and after[-1] in lex.org_words


def _as_role(e: Entity, body: str, lex: Lexicon) -> Entity:
    """'the U.S. president', 'the Russian leader': a nationality and a lowercase title
    refer to a person introduced elsewhere."""
    if e.kind != "place" or e.display not in lex.nationalities.values():
        return e
    m = re.match(r"\s+([a-z]+)\b", body[e.end : e.end + 30])
    if not m or m.group(1) not in lex.titles:
        return e
    end = e.end + m.end()
    return Entity("", body[e.start : end], e.start, end, "role", (m.group(1),), e.display)


# --- what a run names --------------------------------------------------------------------------


def _classify(run: list[int], tokens: list[Token], ev: Evidence, lex: Lexicon) -> list[Entity]:
    words = [tokens[i] for i in run]
    if len(words) == 1 and "-" in words[0].text:
        pair = _hyphenated(words[0], ev, lex)
        if pair is not None:
            return pair
    while words and _no_name_word(run[len(run) - len(words)], tokens, ev, lex):
        words = words[1:]
    while words and words[-1].lower in lex.name_connectors:
        words = words[:-1]
    while words and _compound_modifier(words[0].text):
        words = words[1:]  # "Washington-based Institute ...": the institute is the name
    split = _plural_head(words, ev, lex)
    if split:
        return _classify_words(words[:1], ev, lex) + _classify_words(words[split:], ev, lex)
    cut = _affiliation(words, lex)
    if cut:
        head = words[:cut]
        while head[-1].lower in lex.name_connectors:
            head = head[:-1]
        return _classify_words(head, ev, lex) + _classify_words(words[cut:], ev, lex)
    return _classify_words(words, ev, lex) if words else []


def _affiliation(words: list[Token], lex: Lexicon) -> int:
    """Where an affiliation starts after a name ('John Smith of the Heritage Foundation',
    'Sen. John Cornyn of Texas'): the index of the complement's first word when the words
    before the first connector end with a plain name (not a title, an organisation or a
    place word: 'Secretary of State', 'Bank of England' stay whole) and the complement is
    a known place or is headed by an organisation or place word; else 0."""
    c = next((i for i, w in enumerate(words) if w.lower in ("of", "for")), 0)
    if c == 0 or _name_head(strip_possessive(words[c - 1].lower).rstrip("."), lex):
        return 0
    start = c
    while start < len(words) and words[start].lower in lex.name_connectors:
        start += 1
    rest = [strip_possessive(w.lower).rstrip(".") for w in words[start:]]
    if not rest:
        return 0
    known = " ".join(rest) in lex.places or " ".join(rest) in lex.nationalities
    head = _head(rest, lex)[-1]
    return start if known or head in lex.org_words or head in lex.place_heads else 0


def _no_name_word(i: int, tokens: list[Token], ev: Evidence, lex: Lexicon) -> bool:
    """A word listed as no name or a discourse opener, at the front of a run, whose
    capital says nothing: it opens a sentence or a quote ('Earlier Trump said', 'Despite
    Trump'), or it is a function word or a contraction ('The', "I'm"). Mid-sentence, 'met
    Mark Montgomery' has a capital that means a name."""
    tok = tokens[i]
    low = tok.lower.rstrip(".")
    if low in lex.nationalities or not (low in lex.not_names or low in lex.discourse_openers):
        return False
    opens = tok.start in ev.starts or not i or tokens[i - 1].text in _QUOTE_OR_DASH
    return opens or not low.isalpha() or low in lex.stopwords or low in lex.calendar_words


def _plural_head(words: list[Token], ev: Evidence, lex: Lexicon) -> int:
    """Where the name proper starts after a plural opening a sentence and its connector
    ('Veterans of the Korean War marched'; the capital is the sentence's): the index of the
    first word after the connector, or 0 when the head is one of the lexicon's name heads
    ('Forces of ...', 'Chiefs of Staff'), not a lone plural, capitalised mid-sentence
    elsewhere or not at a sentence start ('Veterans of Foreign Wars' mid-sentence)."""
    if len(words) < 3 or words[1].lower not in lex.name_connectors:
        return 0
    if words[0].start not in ev.starts or strip_possessive(words[0].text) in ev.mid_caps:
        return 0
    low = strip_possessive(words[0].lower)
    if not _plural_like(low) or _name_head(low, lex):
        return 0
    i = 1
    while i < len(words) and words[i].lower in lex.name_connectors:
        i += 1
    return i if i < len(words) else 0


def _plural_like(low: str) -> bool:
    """A word shaped like a plural common noun ('veterans', 'crews'), not like a name
    ending in s ('hamas', 'brussels' are known or -as; 'congress', 'vilnius')."""
    return len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "us", "is", "as"))


def _name_head(low: str, lex: Lexicon) -> bool:
    """A word that heads names of organisations, offices and places ('Forces', 'Chiefs')."""
    heads = (lex.titles, lex.org_words, lex.place_words, lex.place_heads, lex.places)
    return any(low in h or stem(low) in h for h in heads) or (low,) in lex.happening_heads


def _compound_modifier(word: str) -> bool:
    """A capitalised compound adjective ('Washington-based', 'Kremlin-backed')."""
    parts = word.split("-")
    return len(parts) > 1 and parts[-1].isalpha() and parts[-1].islower()


def _hyphenated(word: Token, ev: Evidence, lex: Lexicon) -> list[Entity] | None:
    """A hyphenated pair of names ('Trump-Putin'), each classified alone."""
    parts = word.text.split("-")
    if not all(p[:1].isupper() for p in parts):
        return None
    out, pos = [], word.start
    for p in parts:
        out.extend(_classify_words([Token(p, pos, pos + len(p))], ev, lex))
        pos += len(p) + 1
    return out


def _classify_words(words: list[Token], ev: Evidence, lex: Lexicon) -> list[Entity]:
    names = [strip_possessive(w.text) for w in words]
    if any(_CONTRACTION.search(w.text.lower()) for w in words):
        return []  # "He’d", "We’re": contractions start quotes, they are not names
    if len(names) > 1 and all(n.isupper() and len(n) > 3 for n in names):
        return []  # a shouted headline
    lows = [n.lower() if _INITIALS.fullmatch(n) else n.lower().rstrip(".") for n in names]
    joined = " ".join(lows)
    if _sentence_opener(words, names[0], joined, ev, lex):
        return []  # a capitalised sentence opener, not a name
    start, end = words[0].start, words[-1].end
    own_name = _happening_name(lows, lex)
    if own_name is not None:
        return [Entity(_key(" ".join(own_name)), " ".join(names), start, end, "happening")]
    country = _country(joined, lex)
    if country is not None:
        return [Entity(_key(country), country, start, end, "place")]
    if joined in lex.places:
        return [Entity(_key(" ".join(names)), " ".join(names), start, end, "place")]
    head = _head(lows, lex)
    org_head = len(head) < len(lows) and head[-1] in lex.org_words
    # titles in the complement of a plain head title nobody ('Veterans of Foreign Wars')
    if any(w in lex.titles for w in (lows if org_head else head)):
        titled = _titled(words, names, lows, lex)
        if not org_head or titled.kind == "person" and len(titled.display.split()) > 1:
            return [titled]  # 'Bank of England Governor Andrew Bailey'
    if org_head:
        # 'Foundation for Defense of Democracies', 'Ministry of Foreign Affairs': an
        # organisation, whatever titles its complement holds
        return [Entity(_key(" ".join(names)), " ".join(names), start, end, "org")]
    return _untitled(words, names, lows, ev, lex)


def _country(joined: str, lex: Lexicon) -> str | None:
    """The country a nationality word names, its plural too ('Russian', 'the Europeans')."""
    if joined in lex.nationalities:
        return lex.nationalities[joined]
    return lex.nationalities.get(joined[:-1]) if joined.endswith("s") else None


def _head(lows: list[str], lex: Lexicon) -> list[str]:
    """The words of a name before its first connector ('institute' of 'Institute for the
    Study of War'), all of them if it has none."""
    return list(takewhile(lambda w: w not in lex.name_connectors, lows)) or lows


def _happening_name(lows: list[str], lex: Lexicon) -> tuple[str, ...] | None:
    """If the lowercased words of a name name a happening or a period, the words of its
    own name: () for 'World War II', 'the Cold War', 'Battle of Britain', 'the Olympics'
    (the head, i.e. the words before a connector less a trailing numeral, ends with one of
    the lexicon's happening heads), ('lena',) for 'Hurricane Lena' (a happening prefix
    before a proper name). None for any other name: 'Institute for the Study of War' is
    headed by 'institute'."""
    for n in (2, 1):
        if len(lows) > n and tuple(lows[:n]) in lex.happening_prefixes:
            return tuple(lows[n:])
    head = _head(lows, lex)
    while len(head) > 1 and _ROMAN.fullmatch(head[-1]):
        head.pop()  # 'World War II'
    if any(tuple(head[-n:]) in lex.happening_heads for n in (1, 2) if len(head) >= n):
        return ()
    return None


def _sentence_opener(
    words: list[Token], name: str, joined: str, ev: Evidence, lex: Lexicon
) -> bool:
    """A lone capitalised word opening a sentence that is not known, not capitalised
    elsewhere in the article (a person's surname is, where their full name is given) and
    does not look like a name, is shaped like a plural ('Athletes', 'Crews') or is also
    written in lower case ('Security ... the security detail'). 'Kowal held a call' is a
    name."""
    if len(words) != 1 or words[0].start not in ev.starts:
        return False
    if joined in lex.places or _country(joined, lex) or name in ev.mid_caps:
        return False
    return not _looks_like_name(name, lex) or _plural_like(joined) or joined in ev.lowered


def _titled(words: list[Token], names: list[str], lows: list[str], lex: Lexicon) -> Entity:
    """'President Donald Trump', 'Sen. Lindsey Graham', 'Secretary of State': a person
    with titles (and nationality), an organisation, or a bare role."""
    cut = max(i for i, w in enumerate(lows) if w in lex.titles) + 1
    if cut + 1 < len(lows) and lows[cut] == "of":
        cut += 2
    titles = tuple(w for w in lows[:cut] if w in lex.titles)
    nationality = next((lex.nationalities[w] for w in lows[:cut] if w in lex.nationalities), None)
    rest, start, end = names[cut:], words[0].start, words[-1].end
    if not rest:
        return Entity("", " ".join(names), start, end, "role", titles, nationality)
    if len(rest) > 4 or any(w.lower() in lex.org_words for w in rest):
        return Entity(_key(" ".join(rest)), " ".join(rest), start, end, "org")
    display = " ".join(rest)
    return Entity(_person_key(rest), display, words[cut].start, end, "person", titles, nationality)


def _untitled(
    words: list[Token], names: list[str], lows: list[str], ev: Evidence, lex: Lexicon
) -> list[Entity]:
    start, end, display = words[0].start, words[-1].end, " ".join(names)
    head = _head(lows, lex)[-1]
    if head in lex.place_heads and (len(words) > 1 or head in lex.org_words):
        # 'Oval Office', 'Red Square', 'Buckingham Palace' are places (a lone 'Park' may
        # be a surname); a head that also names an organisation ('the Kremlin said',
        # 'White House officials') is one unless the text puts something in it ('at the
        # White House')
        place = head not in lex.org_words or start in ev.located
        return [Entity(_key(display), display, start, end, "place" if place else "org")]
    if any(w in lex.org_words for w in lows):
        return [Entity(_key(display), display, start, end, "org")]
    if len(words) > 1 and any(w in lex.place_words for w in lows):
        return [Entity(_key(display), display, start, end, "place")]
    if len(words) > 1 and (lows[0] in lex.places or lows[0] in lex.nationalities):
        # "selling Ukraine Tomahawk missiles": a place, then something else
        return _classify_words(words[:1], ev, lex) + _classify_words(words[1:], ev, lex)
    if len(names) in (2, 3) and all(_name_word(n) for n in names):
        return [Entity(_person_key(names), display, start, end, "person")]
    if len(names) == 1 and (len(names[0]) <= 2 and not names[0].isupper() or len(names[0]) == 1):
        return []  # 'St', or a lone initial ('R' of 'R-S.C.')
    key = _person_key(names) if len(names) == 1 else _key(display)
    return [Entity(key, display, start, end, "unknown")]


def _name_word(word: str) -> bool:
    """A word of a person's name: capitalised letters, not an acronym ('RAF Mildenhall')."""
    return word[:1].isupper() and word.isalpha() and not (len(word) > 1 and word.isupper())


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


# --- one name per actor across a story ---------------------------------------------------------


@dataclass(frozen=True)
class Form:
    """One way the story writes an actor: its key, its display and how often it is used."""

    key: str
    display: str
    person: bool
    count: int = 1

    @cached_property
    def words(self) -> tuple[str, ...]:
        return name_words(self.display, lexicon(), person=self.person)


def name_words(display: str, lex: Lexicon, person: bool = True) -> tuple[str, ...]:
    """The words of a name that identify it: lowercase, a possessive dropped and, for a
    person, titles and honorifics stripped from the front ('Secretary of State Marco
    Rubio's' -> marco rubio; 'Foreign Ministry' keeps its first word)."""
    words = [w.rstrip(".") for w in strip_possessive(display).lower().split()]
    while person and len(words) > 1:
        phrase = next((h for h in lex.honorifics if tuple(words[: len(h)]) == h), None)
        cut = len(phrase) if phrase else 1 if words[0] in lex.titles else 0
        if not cut or cut >= len(words):
            break
        words = words[cut:]
    return tuple(words)


def canonical_names(forms: list[Form]) -> dict[tuple[str, str], tuple[str, str]]:
    """(key, display) of every form -> (key, display) of the actor it names. Forms of one
    actor: a plural or possessive and its singular, spellings of one surname a letter or
    two apart with the same first name (Zelensky, Zelenskyy, Zelenskiy), and a bare
    surname with the one full name that ends with it (kept apart when two people share
    it and neither clearly dominates). The actor's name is its most complete form, then
    the most used, then the first in alphabetical order."""
    merged: dict[tuple[str, str], Form] = {}
    for f in forms:
        old = merged.get((f.key, f.display))
        if old is not None:
            f = Form(f.key, f.display, f.person or old.person, f.count + old.count)
        merged[(f.key, f.display)] = f
    items = sorted(merged.values(), key=lambda f: (-len(f.words), -f.count, f.display))
    groups: list[list[Form]] = []
    index = _LastWords()
    for f in items:
        near = index.candidates(f)
        target = _group_of(f, [groups[i] for i in near])
        if target is None:
            groups.append([f])
            index.add(f, len(groups) - 1)
        else:
            groups[near[target]].append(f)
            index.add(f, near[target])
    return _naming(_short_forms(groups))


class _LastWords:
    """Groups of forms by the last word of their forms: two forms of one actor have last
    words that are equal, share a stem (a plural) or are spelt a letter or two apart with
    the same first letter (`_same_name`, `_near`), so only those groups need comparing.
    Spellings apart are found by their deletion neighbourhoods: two words within k edits
    become one word after at most k deletions from each."""

    def __init__(self) -> None:
        self.keys: dict[tuple, list[int]] = {}

    @staticmethod
    def _keys(word: str, query: bool = False) -> set[tuple]:
        keys: set[tuple] = {("word", word), ("stem", stem(word))}
        n = len(word)
        if 6 <= n <= _LONG:  # `_near`: an edit per six letters of the longer name
            keys.update(("near", word[0], v) for v in _deletions(word, (n + 2) // 6))
        # deletions grow with the length: longer words (never a real name, but text is
        # untrusted) are compared one by one with those of their first letter
        if (n > _LONG - 3 if not query else n > _LONG - 5) and n <= _NAME_MAX:
            keys.add(("long", word[0]))
        return keys

    def add(self, f: Form, group: int) -> None:
        if not f.words:
            return
        for key in self._keys(f.words[-1]):
            found = self.keys.setdefault(key, [])
            if group not in found[-1:]:
                found.append(group)

    def candidates(self, f: Form) -> list[int]:
        """Positions of the groups that may hold another form of f's actor, in order."""
        if not f.words:
            return []
        keys = self._keys(f.words[-1], query=True)
        return sorted({g for key in keys for g in self.keys.get(key, ())})


_LONG = 18  # the longest last word indexed by its deletions (3 of them)
_NAME_MAX = 40  # no surname is longer: longer words are one actor's only when equal


def _deletions(word: str, k: int) -> set[str]:
    """The word with up to k letters deleted."""
    out, frontier = {word}, {word}
    for _ in range(k):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        out |= frontier
    return out


def _short_forms(groups: list[list[Form]]) -> list[list[Form]]:
    """A company's bare first word joins its name ('Calder' -> 'Calder Group', 'Northgate'
    -> 'Northgate Logistics') when the story names one such company and the word is no
    person's name or place. Groups hold their longest form first."""
    suffixes = lexicon().company_suffixes
    companies: dict[str, list[list[Form]]] = {}
    for g in groups:
        words = g[0].words
        if len(words) == 2 and words[1] in suffixes and not any(f.person for f in g):
            companies.setdefault(words[0], []).append(g)
    out = []
    for g in groups:
        words = g[0].words
        bare = len(words) == 1 and not any(f.person for f in g) and not _is_place(words)
        home = companies.get(words[0], []) if bare else []
        if len(home) == 1:
            home[0].extend(g)
        else:
            out.append(g)
    return out


def _group_of(f: Form, groups: list[list[Form]]) -> int | None:
    """The position among `groups` of the group a form joins (groups hold longer or more
    used forms first), if any."""
    words = f.words
    if not words:
        return None
    same = [i for i, g in enumerate(groups) if any(_same_name(words, o.words, f, o) for o in g)]
    if len(same) == 1:
        return same[0]
    if len(words) == 1 and len(same) > 1:
        # a bare surname shared by several people: the one the story names far more often
        counts = sorted(((sum(o.count for o in groups[i]), i) for i in same), reverse=True)
        if counts[0][0] >= _DOMINANCE * sum(c for c, _ in counts[1:]):
            return counts[0][1]
    return None


_DOMINANCE = 3  # a bare surname goes to a namesake named this many times more than the rest


def _same_name(a: tuple[str, ...], b: tuple[str, ...], fa: Form, fb: Form) -> bool:
    """Two forms of one actor: equal; a plural and its singular (things, not people); one
    surname spelt a little differently; a bare surname and a full name ending with it."""
    if a == b:
        return True
    if not (fa.person or fb.person) and len(a) == len(b) and a[:-1] == b[:-1]:
        return stem(a[-1]) == stem(b[-1])
    if not (fa.person or fb.person) or _is_place(a) or _is_place(b):
        return False  # 'Jordan' the country is not 'Michael Jordan'
    if not _near(a[-1], b[-1]):
        return False
    if len(a) == 1 or len(b) == 1:
        return True
    return a[0] == b[0] or (len(a[0]) == 1 or len(b[0]) == 1) and a[0][0] == b[0][0]


def _is_place(words: tuple[str, ...]) -> bool:
    lex = lexicon()
    name = " ".join(words)
    return name in lex.places or name in lex.nationalities


def _near(a: str, b: str) -> bool:
    """One surname in two spellings: the same first letter, and at most one edit per six
    letters (transliterations: Zelensky, Zelenskyy, Zelenskiy); short names must agree."""
    if a == b:
        return True
    if a[0] != b[0] or min(len(a), len(b)) < 6 or max(len(a), len(b)) > _NAME_MAX:
        return False
    if abs(len(a) - len(b)) > max(len(a), len(b)) // 6:
        return False
    return _edits(a, b) <= max(len(a), len(b)) // 6


def _edits(a: str, b: str) -> int:
    """Levenshtein distance."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def _naming(groups: list[list[Form]]) -> dict[tuple[str, str], tuple[str, str]]:
    """Each form -> its group's (key, name); a key two groups would share (two people of
    one surname) stays with the most used group, the others take their full name's key."""
    named = []
    for g in groups:
        best = min(g, key=lambda f: (-len(f.words), -f.count, f.display))
        person = any(f.person for f in g)
        key = _person_key(list(best.words)) if person else _key(" ".join(best.words))
        named.append((sum(f.count for f in g), key, best, g))
    taken: set[str] = set()
    out: dict[tuple[str, str], tuple[str, str]] = {}
    for _, key, best, g in sorted(named, key=lambda n: (-n[0], n[2].display)):
        if key in taken:
            key = _key(" ".join(best.words))
        taken.add(key)
        display = " ".join(_strip_titles(best.display.split(), len(best.words)))
        for f in g:
            out[(f.key, f.display)] = (key, display)
    return out


def _strip_titles(words: list[str], keep: int) -> list[str]:
    """The display's last `keep` words, without a trailing possessive."""
    kept = words[-keep:]
    kept[-1] = strip_possessive(kept[-1])
    return kept
