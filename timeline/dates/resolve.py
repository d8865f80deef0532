"""Entry point of the date-resolution stage (placeholder until the recognizer lands)."""

from __future__ import annotations

from datetime import date

from timeline.dates.values import Timex


def resolve_text(text: str, anchor: date | None, language: str = "en") -> list[Timex]:
    return []
