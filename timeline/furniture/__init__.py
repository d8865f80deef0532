"""Page furniture: what a news page prints around the story that is not the story.

Photo credits and captions, print-edition notes, corrections, live-blog timestamps and
"Updated"/"Posted" lines, reader comments, promos, bylines and datelines. The patterns are
language data (`data/<language>.yaml`, compiled once per language by `data`); `find`
lays an article body out as furniture spans and content sentences, without changing the
body; `headers` reads the byline, publish lines and wire dateline of an imported text.
The analysis (`timeline.analysis`) and the importer (`timeline.ingest`) both use them.
"""

from timeline.furniture.data import Furniture, KindPattern, furniture
from timeline.furniture.find import (
    FurnitureSpan,
    Layout,
    is_furniture,
    is_headline,
    layout,
    only_date,
)

__all__ = [
    "Furniture",
    "FurnitureSpan",
    "KindPattern",
    "Layout",
    "furniture",
    "is_furniture",
    "is_headline",
    "layout",
    "only_date",
]
