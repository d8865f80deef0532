"""The Exports page: links to the machine-readable files published with the site."""

from __future__ import annotations

from timeline.site.markup import esc
from timeline.site.pages.context import Context
from timeline.site.pages.fragments import block, doc
from timeline.site.pages.layout import EXPORT_FILES, EXPORTS

# (export format, label, what it is for), in the order the page lists them.
FORMATS = (
    ("json", "timeline.json", "the full result, documented by a JSON Schema"),
    ("timelinejs", "TimelineJS JSON", "to embed the story with TimelineJS"),
    ("ics", "iCalendar (.ics)", "day-dated entries as all-day calendar events"),
    ("csv", "CSV", "one row per entry, for spreadsheets"),
)


def exports_page(ctx: Context) -> str:
    items = [
        f'<li><a href="{ctx.url(EXPORTS, EXPORT_FILES[k])}" download>{esc(label)}</a>: '
        f"{esc(why)}</li>"
        for k, label, why in FORMATS
    ]
    intro = block([
        "<p>The timeline in machine-readable forms, built with the site from the same "
        "corpus. The command <code>timeline export --format json|timelinejs|ics|csv</code> "
        "writes the same files.</p>"
    ])
    return doc("Exports", intro, block(["<ul>", *items, "</ul>"]))
