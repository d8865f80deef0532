"""An entry as the timeline shows it: status, date, summary, one line per source article
(its date phrases, linked to the sentence), the disagreement callout and its actors.
The source lines serve the Undated page too."""

from __future__ import annotations

import json
from collections.abc import Iterable

from timeline.model import Event, Mention
from timeline.site.markup import esc, one_line, slug, value_label, with_mod
from timeline.site.pages.context import Context, actors, name_key
from timeline.site.pages.disagreements import conflict_callout
from timeline.site.pages.fragments import (
    NO_SEARCH,
    article_ref,
    count_label,
    phrases,
    status,
    when,
)


def entry_list(ctx: Context, page: str, events: list[Event], heading: str | None) -> list[str]:
    items = (entry(ctx, page, e, heading) for e in events)
    return ['<ol class="tl-entries">', *items, "</ol>"]


def entry(ctx: Context, page: str, e: Event, heading: str | None = None) -> str:
    """One entry; its date is spelled out only where it says more than the heading above.
    Its headline leads when it says less than the summary (the sentence) below it."""
    anchor = ctx.event_ids[e.id]
    label = with_mod(value_label(e.value), e.mod)
    date_ = f' <span class="tl-when">{when(e)}</span>' if label != heading else ""
    background = " tl-entry-background" if e.background else ""
    lines = [
        f'<li class="tl-entry tl-entry-{slug(e.status)}{background}" id="{anchor}"'
        f"{filter_attributes(ctx, e)}>",
        f'<p class="tl-head" {NO_SEARCH}>{status(e.status)}{flags(ctx, e)}{date_}'
        f' <a class="tl-permalink" href="#{anchor}" aria-label="Link to this entry">#</a></p>',
        _headline(e),
        _summary(e),
        sources_list(ctx, page, e),
        quotes(ctx, page, e),
        conflict_callout(ctx, page, e),
        _actors_line(ctx, page, e),
        "</li>",
    ]
    return "\n".join(line for line in lines if line)


def event_item(ctx: Context, page: str, e: Event) -> str:
    """An entry as one line of a list (its date, its headline linked to the timeline)."""
    return (
        f'<li><span class="tl-when">{when(e)}</span> '
        f'<a href="{ctx.entry_link(page, e)}">{esc(headline(e))}</a>{flags(ctx, e)}</li>'
    )


def headline(e: Event) -> str:
    """What an editor reads first: the entry's headline, its summary when it has none."""
    return one_line(e.headline) or one_line(e.summary)


def _headline(e: Event) -> str:
    text = headline(e)
    if text == one_line(e.summary):
        return ""
    return f'<p class="tl-headline">{esc(text)}</p>'


def _summary(e: Event) -> str:
    """The summary; searched only when no headline stands for it (it is a sentence of an
    article, which the article's page already puts in the index)."""
    summary = one_line(e.summary)
    hidden = f" {NO_SEARCH}" if headline(e) != summary else ""
    return f'<p class="tl-summary"{hidden}>{esc(summary)}</p>'


def flags(ctx: Context, e: Event) -> str:
    """Marks in words, so they read without colour: a key moment, or history told in
    passing (background), which is never a key moment."""
    if e.background:
        return ' <span class="tl-flag tl-flag-background">Background</span>'
    if e.id in ctx.key_moments:
        return ' <span class="tl-flag tl-flag-key">Key moment</span>'
    return ""


def filter_attributes(ctx: Context, e: Event) -> str:
    """What the filters (assets/timeline.js) match an entry on, as data attributes: its
    status, outlets and actors (JSON lists of names, escaped), key moment or not."""
    outlets = sorted(
        {name for a in e.sources if (name := one_line(_outlet(ctx, a)))}, key=name_key
    )
    attrs = [
        f'data-status="{esc(slug(e.status))}"',
        f'data-outlets="{esc(json.dumps(outlets, ensure_ascii=False))}"',
        f'data-actors="{esc(json.dumps(actors(e), ensure_ascii=False))}"',
    ]
    if e.id in ctx.key_moments:
        attrs.append('data-key-moment=""')
    return " " + " ".join(attrs)


def _outlet(ctx: Context, article_id: str) -> str | None:
    a = ctx.articles.get(article_id)
    return a.source if a else None


def _by_article(mentions: Iterable[Mention]) -> list[list[Mention]]:
    """Mentions grouped per article, articles in the order they first appear."""
    groups: dict[str, list[Mention]] = {}
    for m in mentions:
        groups.setdefault(m.article, []).append(m)
    return list(groups.values())


def sources_list(ctx: Context, page: str, e: Event) -> str:
    """One line per source article: its date phrases, then the article linked to the
    sentence, then any further sentences of it that mention the happening."""
    items = [f"<li>{_source_group(ctx, page, group)}</li>" for group in _by_article(e.mentions)]
    return (f'<ul class="tl-sources" aria-label="Sources" {NO_SEARCH}>' + "".join(items)
            + "</ul>")


def _source_group(ctx: Context, page: str, mentions: list[Mention]) -> str:
    ref = article_ref(ctx, page, mentions[0])
    return f"{phrases(ctx, mentions)} — {ref}" + _more_sentences(ctx, page, mentions)


def quotes(ctx: Context, page: str, e: Event) -> str:
    """The sentences an entry rests on, quoted in a fold: hover text alone is out of reach
    on a phone, in print and for many screen readers. Left out when the summary above is
    already the one sentence, word for word."""
    seen: dict[tuple[str, int], Mention] = {}
    for m in e.mentions:
        seen.setdefault((m.article, m.sentence.start), m)
    texts = {one_line(m.sentence_text) for m in seen.values()}
    if texts == {one_line(e.summary)}:
        return ""
    items = [_quote(ctx, page, m) for m in seen.values()]
    label = count_label(len(items), "sentence")
    return (
        f'<details class="tl-quotes" {NO_SEARCH}><summary>What the sources say ({label})'
        "</summary>"
        f'<ul>{"".join(items)}</ul></details>'
    )


def _quote(ctx: Context, page: str, m: Mention) -> str:
    a = ctx.articles.get(m.article)
    name = esc(one_line(a.title)) if a else esc(m.article)
    number = ctx.sentence_ids.get(m.article, {}).get(m.sentence.start)
    where = f", sentence {number}" if number else ""
    return (
        f"<li><q>{esc(one_line(m.sentence_text))}</q> "
        f'<a href="{ctx.sentence_link(page, m)}">{name}{where}</a></li>'
    )


def _more_sentences(ctx: Context, page: str, mentions: list[Mention]) -> str:
    starts = list(dict.fromkeys(m.sentence.start for m in mentions))
    if len(starts) < 2:
        return ""
    by_start = {m.sentence.start: m for m in reversed(mentions)}
    numbers = ctx.sentence_ids.get(mentions[0].article, {})
    links = [
        f'<a href="{ctx.sentence_link(page, by_start[s])}" '
        f'title="{esc(one_line(by_start[s].sentence_text))}">sentence {numbers.get(s, "?")}</a>'
        for s in starts[1:]
    ]
    return f'<span class="tl-more">; also {", ".join(links)}</span>'


def _actors_line(ctx: Context, page: str, e: Event) -> str:
    names = actors(e)
    if not names:
        return ""
    links = [f'<a href="{ctx.actor_link(page, n)}">{esc(n)}</a>' for n in names]
    return f'<p class="tl-actors" {NO_SEARCH}>People and places: {", ".join(links)}</p>'
