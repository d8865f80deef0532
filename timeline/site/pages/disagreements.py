"""Where sources disagree on a date: which sources differ from an entry, the warning
callout in the entry, and the Disagreements page that sets the sources side by side."""

from __future__ import annotations

from datetime import date

from timeline.model import Event, Mention
from timeline.site.markup import esc, one_line, value_label, with_mod
from timeline.site.pages.context import Context
from timeline.site.pages.fragments import (
    NO_SEARCH,
    article_link,
    article_ref,
    block,
    doc,
    empty,
    gives_date,
    phrase,
    phrases,
)
from timeline.site.pages.layout import DISAGREEMENTS
from timeline.values import Value

# --- which sources differ ---------------------------------------------------------------


def _nested(a: tuple[date, date], b: tuple[date, date]) -> bool:
    return (a[0] <= b[0] and b[1] <= a[1]) or (b[0] <= a[0] and a[1] <= b[1])


def dissent(e: Event) -> list[tuple[Value, list[str]]]:
    """Dates that sources give and the entry's date does not fit (a week holding the
    entry's day agrees with it), with their articles; the merger's conflicts included."""
    out: dict[Value, list[str]] = {}
    for m in e.mentions:
        span = m.timex.interval()
        if span is not None and not _nested(span, e.interval):
            out.setdefault(m.timex.value, []).append(m.article)
    for c in e.conflicts:
        out.setdefault(c.value, []).extend(c.articles)
    return sorted(
        ((v, list(dict.fromkeys(a))) for v, a in out.items()),
        key=lambda item: (item[0].timex, item[1]),
    )


def _agreeing_articles(e: Event) -> list[str]:
    dissenting = {a for _, articles in dissent(e) for a in articles}
    return [
        a for a in e.sources
        if a not in dissenting and any(m.article == a and gives_date(m) for m in e.mentions)
    ]


# --- the callout in an entry ------------------------------------------------------------


def conflict_callout(ctx: Context, page: str, e: Event) -> str:
    """'Sources disagree: most sources (3 of 4) say Thursday 16 October 2025, the date this
    entry uses. “Title” (Outlet) says Wednesday 15 October 2025 (“Wednesday”).'"""
    differing = dissent(e)
    if not differing:
        return ""
    others = [f"<li>{_says(ctx, page, e, value, articles)}</li>" for value, articles in differing]
    compare = ctx.url(page, DISAGREEMENTS, ctx.event_ids[e.id])
    return (
        f'<div class="admonition warning tl-conflict" role="note" {NO_SEARCH}>'
        '<p class="admonition-title">Sources disagree on the date</p>'
        f"<p>{_majority(e, differing)}</p><ul>{''.join(others)}</ul>"
        f'<p><a href="{compare}">Compare the sources side by side</a></p></div>'
    )


def _majority(e: Event, differing: list[tuple[Value, list[str]]]) -> str:
    agree = len(_agreeing_articles(e))
    total = agree + len({a for _, articles in differing for a in articles})
    label = f"<strong>{esc(with_mod(value_label(e.value), e.mod))}</strong>"
    uses = "the date this entry uses"
    if agree * 2 > total:
        return f"Most sources ({agree} of {total}) say {label}, {uses}."
    verb = "says" if agree == 1 else "say"
    if agree * 2 == total:
        return f"Sources are evenly split: {agree} of {total} {verb} {label}, {uses}."
    return f"Only {agree} of {total} sources {verb} {label}, {uses}; the others differ."


def _says(ctx: Context, page: str, e: Event, value: Value, articles: list[str]) -> str:
    """'“Title” (Outlet) says Wednesday 15 October 2025 (“Wednesday”)'."""
    names = []
    said: list[str] = []
    for article_id in articles:
        mentions = [m for m in e.mentions if m.article == article_id and m.timex.value == value]
        names.append(_source_name(ctx, page, article_id, mentions[0] if mentions else None))
        said += [phrase(ctx, m) for m in mentions[:1]]
    verb = "says" if len(names) == 1 else "say"
    quoted = f" ({', '.join(dict.fromkeys(said))})" if said else ""
    return f"{_and(names)} {verb} <strong>{esc(value_label(value))}</strong>{quoted}"


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _source_name(ctx: Context, page: str, article_id: str, m: Mention | None) -> str:
    """An article as a reader names it: “Title” (Outlet), linked to its sentence."""
    a = ctx.articles.get(article_id)
    if a is None:
        return esc(article_id)
    href = ctx.sentence_link(page, m) if m else ctx.url(page, ctx.article_pages[a.id])
    outlet = f" ({esc(one_line(a.source))})" if one_line(a.source) else ""
    return f'<a href="{href}">“{esc(one_line(a.title))}”</a>{outlet}'


# --- the page ---------------------------------------------------------------------------


def disagreements_page(ctx: Context) -> str:
    events = [e for e in ctx.timeline.events if dissent(e)]
    intro = block([
        "<p>Entries whose sources give different dates for what reads as the same happening. "
        "The timeline keeps one date and flags the entry; here the sources stand side by "
        "side.</p>"
    ])
    parts = [intro] if events else [intro, empty("No disagreements between sources.")]
    for e in events:
        anchor = ctx.event_ids[e.id]
        parts.append(f"## {value_label(e.value)} {{#{anchor}}}\n")
        parts.append(block(_disagreement_table(ctx, e)))
    return doc("Disagreements", *parts)


def _disagreement_table(ctx: Context, e: Event) -> list[str]:
    """The entry's summary, then a row per source and date it gives."""
    return [
        f'<p class="tl-summary">{esc(one_line(e.summary))} '
        f'(<a href="{ctx.entry_link(DISAGREEMENTS, e)}">entry in the timeline</a>)</p>',
        '<div class="tl-compare"><table>',
        '<thead><tr><th scope="col">Source</th><th scope="col">What it says</th>'
        '<th scope="col">Date it gives</th></tr></thead>',
        "<tbody>",
        *_disagreement_rows(ctx, e),
        "</tbody></table></div>",
    ]


def _disagreement_rows(ctx: Context, e: Event) -> list[str]:
    """A row per source and date it gives: its phrases, the date, whether it differs; then
    the dates the merger recorded for sources with no mention of them here."""
    differing = {(v, a) for v, articles in dissent(e) for a in articles}
    groups: dict[tuple[str, str], list[Mention]] = {}
    for m in e.mentions:
        if gives_date(m):
            groups.setdefault((m.article, m.timex.timex_value), []).append(m)
    rows = [
        f"<tr><td>{article_ref(ctx, DISAGREEMENTS, ms[0])}</td>"
        f"<td>{phrases(ctx, ms)}{_sentences(ms)}</td>"
        f"<td>{esc(with_mod(value_label(ms[0].timex.value), ms[0].timex.mod))}"
        f"{_differs((ms[0].timex.value, article) in differing)}</td></tr>"
        for (article, _), ms in groups.items()
    ]
    shown = {(ms[0].timex.value, a) for (a, _), ms in groups.items()}
    return rows + [
        f"<tr><td>{article_link(ctx, DISAGREEMENTS, a)}</td><td>—</td>"
        f"<td>{esc(value_label(value))}{_differs(True)}</td></tr>"
        for value, articles in dissent(e)
        for a in articles
        if (value, a) not in shown
    ]


def _sentences(mentions: list[Mention]) -> str:
    """The sentences the phrases stand in, quoted: the date alone cannot be weighed."""
    texts = dict.fromkeys(one_line(m.sentence_text) for m in mentions)
    return "".join(f'<q class="tl-quote">{esc(t)}</q>' for t in texts if t)


def _differs(differs: bool) -> str:
    return ' <strong class="tl-differs">differs from the entry</strong>' if differs else ""
