"""Hand-built Timelines for the site tests: small, with every grain, status and a conflict,
so page, overview and export tests do not depend on the resolver or the merger."""

from __future__ import annotations

import bisect
import random
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from timeline.model import (
    Article,
    Clause,
    Conflict,
    Event,
    Mention,
    ResolvedArticle,
    Timeline,
    Timex,
)
from timeline.text import sentence_at, sentences
from timeline.values import Reference, Value, day, month, week_of, year

PUBLISHED = date(2025, 10, 17)

BODY_A = (
    "Trump spoke to Putin on Wednesday, officials said. He will meet Zelensky on Friday.\n\n"
    "The relationship has improved since February. Talks stalled last week.\n\n"
    "Russia's 2022 invasion still shapes the talks. A summit date is yet to be set."
)
BODY_B = "Trump called Putin on Thursday. The two leaders spoke for hours."


def article(
    id_: str,
    body: str,
    title: str | None = None,
    published: date | None = PUBLISHED,
    **fields: object,
) -> Article:
    return Article(
        id=id_,
        path=Path(f"corpus/{id_}.md"),
        title=title if title is not None else id_.replace("-", " ").title(),
        body=body,
        published=published,
        **fields,  # type: ignore[arg-type]
    )


def mention(
    a: Article,
    phrase: str,
    value: Value,
    status: str = "reported",
    actors: tuple[str, ...] = (),
    summary: str | None = None,
) -> Mention:
    start = a.body.index(phrase)
    end = start + len(phrase)
    timex = Timex(phrase, start, end, "DATE", value, rule="test", anchor=a.published_day)
    sent = sentence_at(sentences(a.body), start)
    assert sent is not None
    text = sent.of(a.body)
    clause = Clause(
        a.id, sent, text, summary or text, phrase, start, start + len(phrase), actors,
        actor_keys=tuple(name.casefold() for name in actors),
    )
    return Mention(clause, timex, status)


def announcement(a: Article, words: str, actors: tuple[str, ...] = ()) -> Mention:
    """An undated announcement as the events stage makes it: FUTURE_REF with an empty
    phrase at the start of the sentence that announces the happening."""
    start = a.body.index(words)
    sent = sentence_at(sentences(a.body), start)
    assert sent is not None
    timex = Timex("", sent.start, sent.start, "DATE", Reference("FUTURE"), rule="announced")
    text = sent.of(a.body)
    clause = Clause(
        a.id, sent, text, text, words.split()[0], start, start + len(words), actors,
        actor_keys=tuple(name.casefold() for name in actors),
    )
    return Mention(clause, timex, "scheduled")


def event(id_: str, *mentions: Mention, conflicts: tuple[Conflict, ...] = ()) -> Event:
    first = mentions[0]
    return Event(id_, first.timex.value, first.summary, first.status, tuple(mentions), conflicts)


def order(events: list[Event]) -> tuple[Event, ...]:
    from timeline.timeline import order_events

    return tuple(order_events(events))


def demo() -> Timeline:
    """Three articles; day, week, month and year entries; a scheduled entry; a conflict
    (Wednesday vs Thursday for the same call); actors; one undated mention."""
    a = article("outlet-a-story", BODY_A, title="Trump spoke to Putin", source="Outlet A",
                url="https://example.org/a", author="A. Writer")
    b = article("outlet-b-story", BODY_B, title="Trump calls Putin", source="Outlet B",
                url="javascript:alert(1)")
    c = article("undated-story", "Nothing is dated here.", title="Undated story", published=None)
    wednesday = mention(a, "Wednesday", day(date(2025, 10, 15)), actors=("Trump", "Putin"))
    thursday = mention(b, "Thursday", day(date(2025, 10, 16)), actors=("Trump",))
    friday = mention(a, "Friday", day(date(2025, 10, 17)), "scheduled", actors=("Zelensky",))
    february = mention(a, "February", month(2025, 2))
    last_week = mention(a, "last week", week_of(date(2025, 10, 6)))
    invasion = mention(a, "2022", year(2022))
    events = [
        event("call", wednesday, thursday, conflicts=(Conflict(day(date(2025, 10, 16)), (b.id,)),)),
        event("meeting", friday),
        event("improved", february),
        event("stalled", last_week),
        event("invasion", invasion),
    ]
    # An announced happening with no date yet, and context with no usable date.
    summit = mention(a, "yet to be set", Reference("FUTURE"), "scheduled")
    still = mention(a, "still", Reference("PRESENT"), "context")
    upcoming = (Event("summit", summit.timex.value, summit.summary, "scheduled", (summit,)),)
    timexes_a = tuple(m.timex for m in (wednesday, friday, february, last_week, invasion))
    articles = (ResolvedArticle(a, timexes_a), ResolvedArticle(b, (thursday.timex,)),
                ResolvedArticle(c, ()))
    return Timeline("Demo story", articles, order(events), (summit, still), upcoming)


def many(count: int) -> Timeline:
    """`count` day entries from one article spread over two years (to test page splits)."""
    sentences_ = [f"Event number {i} happened on day {i}." for i in range(count)]
    a = article("big", "\n\n".join(sentences_), title="Big story")
    sents = sentences(a.body)
    events = []
    for i in range(count):
        phrase = f"day {i}."
        start = a.body.index(f"on {phrase}") + 3
        d = date(2024, 1, 1).toordinal() + i * 3
        value = day(date.fromordinal(d))
        timex = Timex(phrase[:-1], start, start + len(phrase) - 1, "DATE", value, anchor=PUBLISHED)
        sent = sentence_at(sents, start)
        assert sent is not None
        clause = Clause(a.id, sent, sent.of(a.body), sent.of(a.body), "happened", 0, 0)
        m = Mention(clause, timex)
        events.append(Event(f"big-{i}", value, m.summary, "reported", (m,)))
    return Timeline("Big", (ResolvedArticle(a, tuple(e.mentions[0].timex for e in events)),),
                    order(events))


# --- a story at real size -----------------------------------------------------------------

SYLLABLES = (
    "ka", "lo", "mi", "ren", "sa", "to", "vi", "bar", "den", "el", "fo", "gu", "hal", "in",
    "jo", "ku", "lin", "mor", "na", "os", "pe", "qui", "ra", "sol", "tu", "ur", "vel", "wa",
    "xa", "yo", "zen", "an",
)
SPEAKERS = ("a spokesperson", "an aide", "a minister", "officials", "a diplomat")
GRAINS = (("day", 85), ("week", 7), ("month", 6), ("year", 2))
STATUSES = (("reported", 80), ("scheduled", 12), ("ongoing", 5), ("context", 3))


def _name(index: int) -> str:
    """A distinct made-up name per index, first letters spread over the alphabet."""
    digits = []
    for _ in range(5):
        index, rest = divmod(index, len(SYLLABLES))
        digits.append(SYLLABLES[rest])
    first = (digits[0] + digits[1]).capitalize()
    last = (digits[2] + digits[3] + digits[4]).capitalize()
    return f"{first} {last}"


def _pick(rng: random.Random, table: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([k for k, _ in table], [w for _, w in table])[0]


def _value(rng: random.Random, start: date, busy: list[date]) -> tuple[Value, str]:
    """A date for an entry, with the phrase an article would use for it: mostly days,
    many of them in a few busy weeks, a few history years long before the story."""
    grain = _pick(rng, GRAINS)
    if grain == "year" and rng.random() < 0.5:
        y = rng.randint(1980, 2005)
        return year(y), f"in {y}"
    if rng.random() < 0.6:
        d = rng.choice(busy) + timedelta(days=rng.randint(0, 6))
    else:
        d = start + timedelta(days=rng.randint(0, 700))
    if grain == "week":
        return week_of(d), f"in the week of {d.day} {d:%B} {d.year}"
    if grain == "month":
        return month(d.year, d.month), f"in {d:%B} {d.year}"
    if grain == "year":
        return year(d.year), f"in {d.year}"
    return day(d), f"on {d.day} {d:%B} {d.year}"


def _reporter(rng: random.Random, published: list[date], value: Value) -> int:
    """An article published in the ten days after a value starts (so most entries
    are news when told), any article for history long before the story."""
    first = value.interval()[0]  # type: ignore[index]
    lo = bisect.bisect_left(published, first)
    hi = bisect.bisect_right(published, first + timedelta(days=10))
    return rng.randrange(lo, hi) if hi > lo else rng.randrange(len(published))


def big_story(
    articles: int = 250, entries: int = 8400, actors: int = 2500, outlets: int = 12, seed: int = 8
) -> Timeline:
    """A story at real size for the site's scale tests: `entries` entries from `articles`
    articles of `outlets` outlets, naming `actors` people and places (a few very often,
    most once or twice), over two years with busy weeks, with context without a date;
    short headlines, and salience, ranks and key moments as the pipeline gives them."""
    from timeline.salience import ranked

    rng = random.Random(seed)
    start = date(2009, 1, 1)
    busy = sorted(start + timedelta(days=rng.randint(0, 700)) for _ in range(12))
    names = [_name(i * 7919 % len(SYLLABLES) ** 5) for i in range(actors)]
    weights = [1 / (i + 1) for i in range(actors)]
    published = sorted(start + timedelta(days=rng.randint(0, 730)) for _ in range(articles))
    # (article index, sentence text, date phrase, value, status, actors, entry index)
    planned: list[tuple[int, str, str, Value, str, tuple[str, ...], int]] = []
    for n in range(entries):
        value, phrase = _value(rng, start, busy)
        status = _pick(rng, STATUSES)
        who = tuple(dict.fromkeys(rng.choices(names, weights, k=rng.randint(1, 3))))
        for k in range(rng.choice((1, 1, 1, 2, 2, 3, 5))):
            text = (f"{' and '.join(who)} met officials about matter {n} {phrase}, "
                    f"{SPEAKERS[k % len(SPEAKERS)]} said after talks that lasted hours.")
            planned.append((_reporter(rng, published, value), text, phrase, value, status,
                            who, n))
    extra = [f"Officials say matter {n} still weighs on the talks, as it has for years."
             for n in range(entries // 8)]
    return ranked(_assemble(planned, extra, published, outlets))


def _assemble(
    planned: list[tuple[int, str, str, Value, str, tuple[str, ...], int]],
    extra: list[str],
    published: list[date],
    outlets: int,
) -> Timeline:
    """Articles whose bodies hold the planned sentences (three to a paragraph), their
    mentions merged into entries by plan, and the extra sentences as undated context."""
    by_article: dict[int, list[int]] = {}
    for index, plan in enumerate(planned):
        by_article.setdefault(plan[0], []).append(index)
    mentions: dict[int, list[Mention]] = {}
    resolved, undated = [], []
    for number, day_ in enumerate(published):
        own = by_article.get(number, [])
        lines = [planned[i][1] for i in own] + extra[number::len(published)]
        body = "\n\n".join(" ".join(lines[i : i + 3]) for i in range(0, len(lines), 3))
        a = article(f"story-{number:04d}", body or "Nothing.", title=f"Report {number} on the "
                    "talks", published=day_, source=f"Outlet {number % outlets}")
        sents = sentences(a.body)
        timexes = []
        for i in own:
            _, text, phrase, value, status, who, entry = planned[i]
            at = a.body.index(text)
            begin = at + text.index(phrase)
            timex = Timex(phrase, begin, begin + len(phrase), "DATE", value, rule="test",
                          anchor=day_)
            sent = sentence_at(sents, at)
            assert sent is not None
            clause = Clause(a.id, sent, text, text, "met", at, at + 3, who,
                            actor_keys=tuple(w.casefold() for w in who))
            mentions.setdefault(entry, []).append(Mention(clause, timex, status))
            timexes.append(timex)
        for text in extra[number::len(published)]:
            at = a.body.index(text)
            sent = sentence_at(sents, at)
            assert sent is not None
            still = at + text.index("still")
            timex = Timex("still", still, still + 5, "DATE", Reference("PRESENT"), rule="test")
            clause = Clause(a.id, sent, text, text, "weighs", at, at + 3)
            undated.append(Mention(clause, timex, "context"))
        resolved.append(ResolvedArticle(a, tuple(timexes)))
    events = [
        replace(event(f"entry-{n:05d}", *ms), headline=f"{ms[0].actors[0]} on matter {n}")
        for n, ms in sorted(mentions.items())
    ]
    return Timeline("A story at real size", tuple(resolved), order(events), tuple(undated))
