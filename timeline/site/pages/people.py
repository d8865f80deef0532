"""The People and places page: entries by the actors they name, so a reader can follow
one person or place."""

from __future__ import annotations

from timeline.model import Event
from timeline.site.markup import esc
from timeline.site.pages.context import Context, actors, name_key
from timeline.site.pages.entries import event_item
from timeline.site.pages.fragments import block, doc, empty
from timeline.site.pages.layout import PEOPLE

TITLE = "People and places"


def people_page(ctx: Context) -> str:
    slugs = ctx.actor_ids
    by_actor: dict[str, list[Event]] = {}
    for e in ctx.timeline.events:
        for name in actors(e):
            by_actor.setdefault(name, []).append(e)
    names = sorted(by_actor, key=name_key)
    intro = block([
        "<p>Entries by the people, places and organisations they name, in timeline order.</p>"
    ])
    if not names:
        return doc(TITLE, intro, empty("No people or places recognised yet."))
    index = [
        '<p class="tl-index">'
        + " · ".join(f'<a href="#{slugs[n]}">{esc(n)}</a>' for n in names)
        + "</p>"
    ]
    lines: list[str] = []
    for name in names:
        lines += [f'<h2 id="{slugs[name]}">{esc(name)}</h2>', '<ul class="tl-actor-entries">']
        lines += [event_item(ctx, PEOPLE, e) for e in by_actor[name]]
        lines.append("</ul>")
    return doc(TITLE, intro, block(index), block(lines))
