"""Languages without tables: explicit dates found by shape, normalised by dateparser."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

from timeline.dates import resolve

ANCHOR = date(2025, 10, 17)


def test_french_explicit_dates() -> None:
    text = "Le sommet aura lieu le 17 octobre 2025. En mars 2024, rien. Il y avait 12 personnes."
    assert [(t.text, t.timex_value) for t in resolve(text, ANCHOR, "fr")] == [
        ("17 octobre 2025", "2025-10-17"), ("mars 2024", "2024-03")]


def test_german_numeric_and_written_dates() -> None:
    found = resolve("Am 3. März 2024 und am 12.03.2024 kamen 12 Leute.", ANCHOR, "de")
    assert [t.timex_value for t in found] == ["2024-03-03", "2024-03-12"]
    assert all(t.rule and t.type == "DATE" for t in found)


def test_a_date_without_a_year_takes_the_nearest_year() -> None:
    found = resolve("Il est arrivé le 3 septembre.", ANCHOR, "fr")
    assert [t.timex_value for t in found] == ["2025-09-03"]


def test_an_unknown_language_code_yields_nothing() -> None:
    assert resolve("17 octobre 2025", ANCHOR, "xx") == []


def test_english_never_imports_dateparser() -> None:
    code = ("import sys, datetime; from timeline.dates import resolve; "
            "resolve('On Friday, May 3, 2024, he left.', datetime.date(2025, 10, 17)); "
            "print('dateparser' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
