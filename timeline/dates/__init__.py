"""Date resolution: find temporal expressions and anchor them to the publish date."""

from __future__ import annotations

from datetime import date

# Imported eagerly: a lazy import of the `resolve` submodule would rebind the package
# attribute `resolve` to that module and shadow the function below.
from timeline.dates.resolve import resolve_text
from timeline.model import Timex

__all__ = ["resolve"]


def resolve(text: str, anchor: date | None = None, language: str = "en") -> list[Timex]:
    """All temporal expressions in `text`, resolved against `anchor` (the publish day)."""
    return resolve_text(text, anchor, language)
