"""Small pieces of markup every page uses: the page frame (front matter, raw HTML blocks),
dates with their resolution on hover, status marks and references to articles."""

from __future__ import annotations

from collections.abc import Iterable

import yaml

from timeline.model import Article, Event, Mention, Timex
from timeline.site.markup import (
    NO_DATE,
    datetime_attr,
    esc,
    one_line,
    published_label,
    slug,
    span_label,
    status_label,
    value_label,
    with_mod,
)
from timeline.site.pages.context import Context
from timeline.values import Grain, Point, Value

# --- the page frame ---------------------------------------------------------------------


def front_matter(title: str, searchable: bool = True) -> str:
    """Page title as YAML meta: escaped HTML, since the theme prints titles unescaped; a
    page that only repeats others is kept out of the search index."""
    meta: dict[str, object] = {"title": esc(one_line(title))}
    if not searchable:
        meta["search"] = {"exclude": True}
    text = yaml.safe_dump(meta, allow_unicode=True, width=10**6, sort_keys=False)
    return f"---\n{text}---\n\n"


def block(lines: Iterable[str]) -> str:
    """A raw HTML block: its lines joined with no blank line, so Markdown keeps it whole."""
    return "\n".join(line for line in lines if line) + "\n"


def doc(title: str, *parts: str, searchable: bool = True) -> str:
    body = "\n".join(p.rstrip("\n") + "\n" for p in parts if p)
    return front_matter(title, searchable) + body


# Marks a part of a page the search index leaves out: what another page already holds
# (an article's sentences, source lines, lists of entries), so the index carries the
# articles' text once and every hit lands where the text lives. (Material's search skips
# an element with this attribute and everything in it; no element inside may have the
# same tag, or the skipping ends at its end tag.)
NO_SEARCH = "data-search-exclude"


def empty(text: str = "Nothing here yet.") -> str:
    return block([f'<p class="tl-empty">{esc(text)}</p>'])


def count_label(count: int, word: str, plural: str | None = None) -> str:
    """'1 article', '3 articles', '2 entries' (with `plural` given)."""
    return f"{count} {noun(count, word, plural)}"


def noun(count: int, word: str, plural: str | None = None) -> str:
    """The word in the number `count` asks for: 'article', 'articles', 'entries'."""
    return word if count == 1 else plural or word + "s"


# --- dates ------------------------------------------------------------------------------


def time_element(value: Value, text: str, title: str) -> str:
    dt = datetime_attr(value)
    attr = f' datetime="{esc(dt)}"' if dt else ""
    return f'<time{attr} title="{esc(title)}">{esc(text)}</time>'


def phrase(ctx: Context, m: Mention) -> str:
    """A source's date phrase with its resolution as hover text; focusable, so keyboard
    users get the same tooltip."""
    title = timex_title(ctx, m.article, m.timex)
    mark = time_element(m.timex.value, one_line(m.timex.text), title)
    return mark.replace("<time", '<time tabindex="0"', 1)


# Values too coarse to bound a story: 'the 2000s' or '2000–2099' would say it runs to 2099.
UNBOUNDED = (Grain.CENTURY, Grain.DECADE)


def story_span(events: Iterable[Event]) -> str:
    """'from 2022 to the week of 20 October 2025': from the entry that starts first to the
    one that ends last (the shorter one on a tie), each at its own grain, decades and
    centuries left out when there is anything finer; '' for none."""
    every = list(events)
    items = [e for e in every if not _grain_in(e, UNBOUNDED)] or every
    if not items:
        return ""
    first = min(items, key=lambda e: (e.interval[0], e.interval[1], e.id))
    last = max(items, key=lambda e: (e.interval[1], e.interval[0], e.id))
    return span_label(first.value, last.value)


def _grain_in(e: Event, grains: tuple[Grain, ...]) -> bool:
    return isinstance(e.value, Point) and e.value.grain in grains


def when(e: Event) -> str:
    """The entry's own date as a reader's label, its TIMEX3 value on hover."""
    label = with_mod(value_label(e.value), e.mod)
    return time_element(e.value, label, resolution(e.value, e.mod))


def timex_title(ctx: Context, article_id: str, timex: Timex) -> str:
    """'Wednesday' in “Title”, published 2025-10-17 → 2025-10-15 (and the cue used)."""
    article = ctx.articles.get(article_id)
    name = one_line(article.title) if article else article_id
    stated = published_label(
        article.published_day if article else None,
        article.published_inferred if article else False,
    )
    resolved = resolution(timex.value, timex.mod)
    text = f"'{one_line(timex.text)}' in “{name}”, {stated} → {resolved}"
    if timex.anchor and article and timex.anchor != article.published_day:
        text += f"; anchored to {timex.anchor.isoformat()}"
    if timex.cue in ctx.event_ids:  # counted from another entry: its id means nothing here
        text += "; counted from the happening it names"
    elif timex.cue:
        text += f"; cue '{one_line(timex.cue)}'"
    return text


def resolution(value: Value, mod: str | None = None) -> str:
    if isinstance(value, Point) and value.grain is Grain.DAY and not mod:
        return value.start.isoformat()
    return f"{with_mod(value_label(value), mod)} ({value.timex})"


def gives_date(m: Mention) -> bool:
    return m.timex.interval() is not None


def phrases(ctx: Context, mentions: list[Mention]) -> str:
    """The distinct date phrases of one article's mentions, each with its resolution on
    hover; an announcement without a date reads as such, never as an empty date."""
    seen: set[tuple[str, str]] = set()
    out: list[str] = []
    for m in mentions:
        key = (one_line(m.timex.text).casefold(), m.timex.timex_value)
        if gives_date(m) and key not in seen:
            seen.add(key)
            out.append(phrase(ctx, m))
    undated = [m for m in mentions if not gives_date(m)]
    if not out:
        return no_date(undated[0])
    if undated:
        out[-1] += ' <span class="tl-nodate">(also announced without a date)</span>'
    return ", ".join(out)


def no_date(m: Mention) -> str:
    """An undated announcement: its wording when it has one ('soon'), and the plain fact."""
    text = one_line(m.timex.text)
    quoted = f"“{esc(text)}”, " if text else ""
    return f'<span class="tl-nodate">{quoted}{NO_DATE}</span>'


def status(status_: str) -> str:
    return f'<span class="tl-status tl-status-{slug(status_)}">{esc(status_label(status_))}</span>'


# --- articles ---------------------------------------------------------------------------


def published(a: Article) -> str:
    """'published 2025-10-17', marked when inferred; escaped."""
    return esc(published_label(a.published_day, a.published_inferred))


def article_ref(ctx: Context, page: str, mention: Mention) -> str:
    """'Title' (outlet, published ...) linking to the sentence in the article page."""
    a = ctx.articles.get(mention.article)
    if a is None:
        return esc(mention.article)
    link = ctx.sentence_link(page, mention)
    sentence = esc(one_line(mention.sentence_text))
    title = f'<a href="{link}" title="{sentence}">{esc(one_line(a.title))}</a>'
    outlet = f' <span class="tl-outlet">{esc(one_line(a.source))}</span>' if a.source else ""
    return f"{title}{outlet}, {published(a)}"


def article_link(ctx: Context, page: str, article_id: str) -> str:
    a = ctx.articles.get(article_id)
    if a is None:
        return esc(article_id)
    return f'<a href="{ctx.url(page, ctx.article_pages[a.id])}">{esc(one_line(a.title))}</a>'
