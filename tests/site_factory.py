"""Hand-built Timelines for the site tests: small, with every grain, status and a conflict,
so page, overview and export tests do not depend on the resolver or the merger."""

from __future__ import annotations

from datetime import date
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
