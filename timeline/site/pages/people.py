"""People and places: an index of every actor the entries name, by initial letter, and
pages that list each actor's entries in timeline order (a page per letter, a busy letter
over several), so a reader can follow one person or place however big the story."""

from __future__ import annotations

from timeline.site.markup import esc
from timeline.site.pages.context import Context
from timeline.site.pages.entries import event_item
from timeline.site.pages.fragments import NO_SEARCH, block, count_label, doc, empty
from timeline.site.pages.layout import PEOPLE, Page, initial, initial_label

TITLE = "People and places"


def people_pages(ctx: Context) -> list[Page]:
    """The index with every actor's entries when they fit one page, else the index and
    the pages of entries."""
    pages = [Page(PEOPLE, _index(ctx), in_nav=True)]
    if ctx.people and ctx.people[0][0] == PEOPLE:
        return pages
    for number, (path, items) in enumerate(ctx.people):
        pages.append(Page(path, _actors_page(ctx, number, items)))
    return pages


def _index(ctx: Context) -> str:
    names = list(ctx.by_actor)
    named = count_label(len(names), "person, place or organisation",
                        "people, places and organisations")
    intro = block([
        f"<p>The {named} the entries name, by initial letter. Each leads to its entries "
        "in timeline order.</p>"
    ])
    if not names:
        return doc(TITLE, intro, empty("No people or places recognised yet."))
    letters: dict[str, list[str]] = {}
    for name in names:
        letters.setdefault(initial(name), []).append(name)
    jump = " · ".join(f'<a href="#l-{k}">{initial_label(k)}</a>' for k in letters)
    lines = [f'<p class="tl-letters">{jump}</p>']
    whole = ctx.people[0][0] == PEOPLE  # every actor's entries on this page
    for key, group in letters.items():
        lines.append(f'<h2 id="l-{key}">{initial_label(key)}</h2>')
        lines += _entries(ctx, PEOPLE, group) if whole else _names(ctx, group)
    return doc(TITLE, intro, block(lines))


def _names(ctx: Context, names: list[str]) -> list[str]:
    items = [
        f'<li><a href="{ctx.actor_link(PEOPLE, n)}">{esc(n)}</a> '
        f'<span class="tl-count">({len(ctx.by_actor[n])})</span></li>'
        for n in names
    ]
    return ['<ul class="tl-people">', *items, "</ul>"]


def _entries(ctx: Context, page: str, names: list[str]) -> list[str]:
    """Each actor with all its entries, under a heading that is its anchor."""
    lines: list[str] = []
    for name in names:
        lines.append(f'<h3 id="{ctx.actor_ids[name]}">{esc(name)}</h3>')
        lines.append(f'<ul class="tl-actor-entries" {NO_SEARCH}>')
        lines += [event_item(ctx, page, e) for e in ctx.by_actor[name]]
        lines.append("</ul>")
    return lines


def _actors_page(ctx: Context, number: int, items: list[tuple[str, int, int]]) -> str:
    path = ctx.people[number][0]
    first, last = items[0][0], items[-1][0]
    span = esc(first) if first == last else f"{esc(first)} to {esc(last)}"
    lines = [_steps(ctx, number)]
    for name, start, stop in items:
        entries = ctx.by_actor[name]
        if start == 0:
            lines.append(f'<h2 id="{ctx.actor_ids[name]}">{esc(name)}</h2>')
            lines.append(f'<p class="tl-meta">{count_label(len(entries), "entry", "entries")}'
                         "</p>")
        else:
            lines.append(f"<h2>{esc(name)} (continued)</h2>")
        lines.append(f'<ul class="tl-actor-entries" {NO_SEARCH}>')
        lines += [event_item(ctx, path, e) for e in entries[start:stop]]
        lines.append("</ul>")
    lines.append(_steps(ctx, number))
    letter = initial_label(initial(first))
    return doc(f"{TITLE}: {letter}", block([f'<p class="tl-intro">{span}</p>']), block(lines))


def _steps(ctx: Context, number: int) -> str:
    """The page before and after, and the index."""
    path = ctx.people[number][0]
    links = [f'<a href="{ctx.url(path, PEOPLE)}">All people and places</a>']
    if number > 0:
        before = ctx.people[number - 1]
        links.insert(0, f'<a rel="prev" href="{ctx.url(path, before[0])}">'
                        f"← {esc(before[1][0][0])}</a>")
    if number + 1 < len(ctx.people):
        after = ctx.people[number + 1]
        links.append(f'<a rel="next" href="{ctx.url(path, after[0])}">'
                     f"{esc(after[1][0][0])} →</a>")
    return f'<nav class="tl-part-nav" aria-label="Pages" {NO_SEARCH}>' + " · ".join(links) \
        + "</nav>"
