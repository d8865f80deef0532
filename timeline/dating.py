"""Publish-date inference for articles whose front matter gives none."""

from __future__ import annotations

from timeline.corpus import Article


def infer_publish_dates(articles: list[Article]) -> list[Article]:
    """First implementation: leaves undated articles undated."""
    return articles
