"""Progress of a long run on a terminal: the stage, articles done, rate and time left.

Shown on stderr only when it is a terminal, redrawn in place at most a few times a
second; nothing at all in CI logs or when output is piped.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    """One line of progress, for a run of stages."""

    def __init__(self, stream: TextIO | None = None, enabled: bool | None = None):
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.stage, self.total, self.done = "", 0, 0
        self.started = self.drawn = 0.0

    def start(self, stage: str, total: int = 0) -> None:
        """A new stage, of `total` articles (0: no count)."""
        self.stage, self.total, self.done = stage, total, 0
        self.started = time.monotonic()
        self._draw(force=True)

    def advance(self, n: int = 1) -> None:
        self.done += n
        self._draw(force=self.done >= self.total > 0)

    def finish(self) -> None:
        if self.enabled and self.drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()

    def line(self) -> str:
        """The line as it would be drawn now."""
        if not self.total:
            return f"{self.stage} …"
        elapsed = max(time.monotonic() - self.started, 1e-9)
        rate = self.done / elapsed
        left = (self.total - self.done) / rate if rate > 0 else 0.0
        eta = f", {left:.0f} s left" if self.done < self.total and rate > 0 else ""
        return f"{self.stage}: {self.done}/{self.total} articles ({rate:.0f}/s{eta})"

    def _draw(self, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self.drawn < 0.2:
            return
        self.drawn = now
        self.stream.write("\r\x1b[K" + self.line())
        self.stream.flush()


QUIET = Progress(enabled=False)
