"""`timeline resolve`: one phrase explained, clear failures."""

from __future__ import annotations

import pytest

from timeline.cli import main


def test_resolve_explains_the_reading(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["resolve", "on Wednesday", "--anchor", "2025-10-17",
                 "--context", "Trump spoke to Putin on Wednesday."])
    out = capsys.readouterr().out
    assert code == 0
    assert "2025-10-15" in out and "day" in out and "spoke" in out and "rule" in out


def test_resolve_names_the_scheduled_present_that_decided(
        capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["resolve", "Monday", "--anchor", "2024-03-09",
                 "--context", "The Springfield council votes on Monday on the deal."])
    out = capsys.readouterr().out
    assert code == 0
    assert "2024-03-11" in out and "votes" in out


def test_resolve_without_context(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["resolve", "last week", "--anchor", "2025-10-17"]) == 0
    assert "2025-W41" in capsys.readouterr().out


@pytest.mark.parametrize(("argv", "message"), [
    (["resolve", "today", "--anchor", "2025-13-01"], "not a date"),
    (["resolve", "hello there", "--anchor", "2025-10-17"], "no temporal expression"),
    (["resolve", "Friday", "--anchor", "2025-10-17", "--context", "Nothing here."],
     "does not contain"),
])
def test_resolve_fails_clearly(argv: list[str], message: str,
                               capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 1
    assert message in capsys.readouterr().err
