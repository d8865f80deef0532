"""Progress on a terminal only: the stage, articles done, rate and time left; nothing
when stderr is a file or a pipe (CI logs)."""

from __future__ import annotations

import io

from timeline.progress import Progress


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_nothing_is_written_when_not_a_terminal():
    stream = io.StringIO()
    p = Progress(stream)
    p.start("analysing", 10)
    for _ in range(10):
        p.advance()
    p.finish()
    assert stream.getvalue() == ""


def test_a_terminal_sees_stage_count_rate_and_time_left():
    stream = Tty()
    p = Progress(stream)
    p.start("analysing", 4)
    p.advance()
    line = p.line()
    assert line.startswith("analysing: 1/4 articles (") and "/s" in line
    p.advance(3)  # the last one is always drawn
    assert "4/4 articles" in stream.getvalue()
    p.finish()
    assert stream.getvalue().endswith("\r\x1b[K")


def test_a_stage_without_a_count_shows_its_name():
    stream = Tty()
    p = Progress(stream)
    p.start("merging")
    assert "merging" in stream.getvalue()
