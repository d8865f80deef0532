"""Headlines: who did what, from the clause of the entry's trigger, without its date,
attribution or openers, at most about fifteen words, never cut inside a word or a name."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from timeline.analysis import analyse
from timeline.model import Article

CASES = [
    (
        "Mayor Jane Okafor met union leaders on Wednesday to end the port strike.",
        "Mayor Jane Okafor met union leaders to end the port strike",
    ),
    (
        "Speaking in Brussels on Wednesday, Defence Secretary John Reed warned that the "
        "alliance would respond.",
        "Defence Secretary John Reed warned that the alliance would respond",
    ),
    (
        "WASHINGTON — President Donald Trump spoke to Russian President Vladimir Putin on "
        "Thursday about a ceasefire.",
        "President Donald Trump spoke to Russian President Vladimir Putin about a ceasefire",
    ),
    (
        "Andrey Kartapolov, head of the defence committee, said on Monday that the army would "
        "shoot down any missiles.",
        "Andrey Kartapolov said that the army would shoot down any missiles",
    ),
    (
        "Meanwhile, the council voted on Tuesday to close the library.",
        "The council voted to close the library",
    ),
    (
        "Notably, the company reported record profits on Friday, officials said.",
        "The company reported record profits",
    ),
    (
        "The explosion on the rig on April 20 killed 11 workers and set off the worst oil spill "
        "in US history.",
        "The explosion on the rig killed 11 workers and set off the worst oil spill",
    ),
    (
        "On Saturday, thousands of protesters marched through Cairo demanding that President "
        "Hosni Mubarak resign.",
        "Thousands of protesters marched through Cairo demanding",
    ),
    (
        "Police said the gunman, who had been arrested twice before, opened fire on Sunday.",
        "The gunman opened fire",
    ),
    ("The earthquake struck on 12 January.", "The earthquake struck"),
    (
        "BP chief executive Tony Hayward told a congressional committee on Thursday that he had "
        "not been involved in decisions about the well.",
        "BP chief executive Tony Hayward told a congressional committee",
    ),
    (
        "The jury found Dr Conrad Murray guilty of involuntary manslaughter on Monday after nine "
        "hours of deliberation.",
        "The jury found Dr Conrad Murray guilty of involuntary manslaughter",
    ),
]


def headlines(sentence: str) -> list[str]:
    article = Article("a", Path("a.md"), "t", sentence, published=date(2025, 10, 17))
    return [c.headline for c in analyse(article).clauses.values()]


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_headline_is_who_did_what(sentence: str, expected: str) -> None:
    assert headlines(sentence)[0] == expected


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_headline_is_short_and_whole(sentence: str, expected: str) -> None:
    """At most fifteen words plus the end of a name; never ends inside a word; no date."""
    for h in headlines(sentence):
        words = h.split()
        assert len(words) <= 19
        assert h and h[0].isupper()
        last = words[-1].strip(".,;:\u201d\"'")
        assert last and last in sentence
        for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"):
            assert day not in h
