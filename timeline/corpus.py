"""Articles: one Markdown file each, YAML front matter plus the body text."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path


class CorpusError(Exception):
    """A problem with one corpus file, reported with the file and, where known, the line."""

    def __init__(self, path: Path | str, message: str, line: int | None = None):
        self.path = Path(path)
        self.line = line
        self.message = message
        where = f"{self.path}:{line}" if line else str(self.path)
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True)
class Article:
    """One news article. `body` is the text after the front matter, verbatim;
    `body_line` is the file line on which the body starts (for messages)."""

    id: str
    path: Path
    title: str
    body: str
    source: str | None = None
    url: str | None = None
    author: str | None = None
    published: date | datetime | None = None
    language: str = "en"
    body_line: int = 1
    published_inferred: bool = False
    published_evidence: tuple[str, ...] = field(default=())

    @property
    def published_day(self) -> date | None:
        """The calendar day of publication, as written (no time-zone shift)."""
        if isinstance(self.published, datetime):
            return self.published.date()
        return self.published
