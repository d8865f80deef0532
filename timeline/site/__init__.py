"""The published site: pages, the SVG overview and exports generated from a Timeline.

`pages.build_pages` and `exports.render` are plain functions of a Timeline and know
nothing of MkDocs; `plugin.TimelinePlugin` is the thin adapter that adds their output
to a MkDocs build.
"""
