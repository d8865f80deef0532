"""A page per article: its metadata (an inferred publish date with its evidence), its text
with every sentence an anchor and every date marked, and the entries it feeds."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from timeline.model import Article, ResolvedArticle, Timex
from timeline.site.markup import NO_DATE, esc, external_link, one_line, shown_url, url_refusal
from timeline.site.pages.context import Context
from timeline.site.pages.entries import event_item
from timeline.site.pages.fragments import (
    NO_SEARCH,
    block,
    count_label,
    doc,
    empty,
    time_element,
    timex_title,
)
from timeline.site.pages.layout import Page
from timeline.text import paragraphs, sentences
from timeline.values import Point


def article_page(ctx: Context, resolved: ResolvedArticle) -> Page:
    a = resolved.article
    path = ctx.article_pages[a.id]
    body = [
        block(_article_meta(ctx, path, a)),
        "## Text {#text}\n",
        block(_article_text(ctx, path, a, resolved.timexes)),
        "## Entries from this article {#entries}\n",
        _article_entries(ctx, path, a.id),
    ]
    return Page(path, doc(a.title or a.id, *body))


# --- metadata ---------------------------------------------------------------------------


def _article_meta(ctx: Context, page: str, a: Article) -> list[str]:
    rows = [
        ("Outlet", esc(one_line(a.source)) if one_line(a.source) else "not stated"),
        ("Author", esc(one_line(a.author)) if a.author else ""),
        ("Published", _published_cell(ctx, page, a)),
        ("Original", _original_cell(a.url)),
        ("File", f"<code>{esc(a.path.name)}</code>"),
        ("Language", esc(a.language)),
    ]
    items = [f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows if v]
    return ['<dl class="tl-article-meta">', *items, "</dl>"]


def _published_cell(ctx: Context, page: str, a: Article) -> str:
    if a.published is None:
        return "not stated (dates in this article are not resolved)"
    text = esc(a.published.isoformat())
    stamp = f'<time datetime="{text}">{text}</time>'
    if not a.published_inferred:
        return stamp
    count = len(a.published_evidence)
    evidence = "".join(f"<li>{_linked_ids(ctx, page, x)}</li>" for x in a.published_evidence)
    details = (
        f'<details class="tl-evidence"><summary>How it was inferred '
        f"({count_label(count, 'clue')})</summary><ul>{evidence}</ul></details>"
    )
    note = (
        ' <span class="tl-meta">not stated in the article; worked out from the dates other '
        "articles give the same happenings</span>"
    )
    return f'{stamp} <span class="tl-inferred">inferred</span>{note}' + (details if count else "")


def _linked_ids(ctx: Context, page: str, text: str) -> str:
    """Untrusted text, escaped, with the ids of known articles turned into links to them
    (one pass, so a link is never matched again)."""
    safe = esc(one_line(text))
    ids = sorted((esc(i) for i in ctx.articles), key=len, reverse=True)
    if not ids:
        return safe
    by_escaped = {esc(i): i for i in ctx.articles}
    pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, ids)) + r")(?![\w-])")

    def link(match: re.Match[str]) -> str:
        article = ctx.articles[by_escaped[match.group(1)]]
        href = ctx.url(page, ctx.article_pages[article.id])
        return f'<a href="{href}">“{esc(one_line(article.title) or article.id)}”</a>'

    return pattern.sub(link, safe)


def _original_cell(url: str | None) -> str:
    if not url:
        return ""
    shown = esc(shown_url(url))
    return external_link(url, shown) or f"{shown} ({url_refusal(url)}; not linked)"


# --- the text ---------------------------------------------------------------------------


def _article_text(ctx: Context, page: str, a: Article, timexes: tuple[Timex, ...]) -> list[str]:
    """The body, paragraph by paragraph, each sentence an anchor, each date marked."""
    marks = _non_overlapping(timexes)
    paras = paragraphs(a.body)
    by_para: dict[int, list] = {}
    for index, s in enumerate(sentences(a.body)):
        by_para.setdefault(s.paragraph, []).append((index + 1, s))
    out = ['<div class="tl-article-text">']
    for p_index, para in enumerate(paras):
        pieces: list[str] = []
        pos = para.start
        for number, s in by_para.get(p_index, []):
            pieces.append(_plain(a.body[pos : s.start]))
            inner = _marked(ctx, page, a, s.start, s.end, marks)
            pieces.append(f'<span class="tl-sentence" id="s{number}">{inner}</span>')
            pieces.append(_announces(ctx, page, a.id, s.start))
            pos = s.end
        pieces.append(_plain(a.body[pos : para.end]))
        out.append("<p>" + "".join(pieces) + "</p>")
    out.append("</div>")
    return out


def _plain(text: str) -> str:
    """Untrusted text; line breaks inside a paragraph kept as <br>."""
    return "<br>".join(esc(line) for line in text.split("\n"))


def _non_overlapping(timexes: Iterable[Timex]) -> list[Timex]:
    kept: list[Timex] = []
    for t in sorted(timexes, key=lambda t: (t.start, -t.end)):
        if not kept or t.start >= kept[-1].end:
            kept.append(t)
    return kept


def _marked(ctx: Context, page: str, a: Article, start: int, end: int, marks: list[Timex]) -> str:
    """One sentence with its dates marked; `marks` are sorted and non-overlapping."""
    out: list[str] = []
    pos = start
    first = bisect.bisect_left(marks, start, key=lambda t: t.start)
    for t in marks[first:]:
        if t.start >= end:
            break
        if t.end > end:
            continue
        out.append(_plain(a.body[pos : t.start]))
        out.append(_timex_mark(ctx, page, a, t))
        pos = t.end
    out.append(_plain(a.body[pos:end]))
    return "".join(out)


def _timex_mark(ctx: Context, page: str, a: Article, t: Timex) -> str:
    title = timex_title(ctx, a.id, t)
    text = a.body[t.start : t.end]
    if not isinstance(t.value, Point):
        return f'<span class="tl-timex" title="{esc(title)}">{_plain(text)}</span>'
    mark = time_element(t.value, text, title).replace("<time", '<time class="tl-timex"', 1)
    event = ctx.feeds.get((a.id, t.start))
    if event is None:
        return mark
    return f'<a class="tl-feeds" href="{ctx.entry_link(page, event)}">{mark}</a>'


def _announces(ctx: Context, page: str, article_id: str, sentence_start: int) -> str:
    """After a sentence that announces a happening without a date: a note linking to
    the entry it feeds (in the timeline, or among the announced on the Undated page)."""
    target = ctx.announces.get((article_id, sentence_start))
    if target is None:
        return ""
    path, anchor, summary = target
    return (
        f' <a class="tl-feeds tl-announce" href="{ctx.url(page, path, anchor)}" '
        f'title="{esc(one_line(summary))}">{NO_DATE}</a>'
    )


def _article_entries(ctx: Context, page: str, article_id: str) -> str:
    events = ctx.article_events.get(article_id, [])
    if not events:
        return empty("No dated entries come from this article.")
    items = [event_item(ctx, page, e) for e in events]
    return block([f'<ul class="tl-article-entries" {NO_SEARCH}>', *items, "</ul>"])
