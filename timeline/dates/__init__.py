"""Date resolution: find temporal expressions and anchor them to the publish date."""

from timeline.dates.values import Grain, Point, Timex, Value

__all__ = ["Grain", "Point", "Timex", "Value", "resolve"]


def resolve(text: str, anchor=None, language: str = "en") -> list[Timex]:  # pragma: no cover
    """All temporal expressions in `text`, resolved against `anchor` (the publish day)."""
    from timeline.dates.resolve import resolve_text

    return resolve_text(text, anchor, language)
