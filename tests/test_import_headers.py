"""Import reads the header lines of real news pages into front matter: bylines, publish and
update lines, wire datelines, in the styles of several outlets; it never invents a
publish date."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from timeline.ingest import parse_raw

LEAD = "The council voted on Tuesday to close the bridge."

# (outlet style, raw text, the front matter expected beside the title; None: key absent)
PAGES = [
    ("Reuters, no year anywhere",
     f"Bank raises rates\nBy Sam Ortiz\n\nLONDON, March 3 (Reuters) - {LEAD}\n",
     {"author": "Sam Ortiz", "dateline": "LONDON", "source": "Reuters", "published": None}),
    ("Reuters, year from the update line",
     f"Bank raises rates\nUpdated March 4, 2024\n\nLONDON, March 3 (Reuters) - {LEAD}\n",
     {"dateline": "LONDON", "source": "Reuters", "published": date(2024, 3, 3)}),
    ("Reuters, dateline before a new year",
     f"Bank raises rates\nUpdated Jan 2, 2024\n\nLONDON, Dec 31 (Reuters) - {LEAD}\n",
     {"published": date(2023, 12, 31)}),
    ("AP",
     f"Storm hits coast\nBy SAM ORTIZ, Associated Press\nUpdated 3:15 PM EST, March 4, 2024\n\n"
     f"WASHINGTON (AP) — {LEAD}\n",
     {"author": "SAM ORTIZ", "dateline": "WASHINGTON", "source": "AP",
      "published": date(2024, 3, 4)}),
    ("AP, a time without a date",
     f"Storm hits coast\nBy Sam Ortiz\nUpdated 3:15 p.m. ET\n\nWASHINGTON (AP) — {LEAD}\n",
     {"author": "Sam Ortiz", "published": None}),
    ("AFP",
     f"Police hunt suspect\nPublished Nov. 9, 2025\n\nPARIS (AFP) - {LEAD}\n",
     {"dateline": "PARIS", "source": "AFP", "published": date(2025, 11, 9)}),
    ("BBC", f"Council closes bridge\n3 March 2024\n\n{LEAD}\n",
     {"published": date(2024, 3, 3), "author": None, "dateline": None}),
    ("BBC, old pages",
     f"Council closes bridge\nPage last updated at 21:52 GMT, Wednesday, 13 January 2010\n\n"
     f"{LEAD}\n",
     {"published": date(2010, 1, 13)}),
    ("Guardian",
     f"Council closes bridge\nJon Henley in Paris\nMon 3 Mar 2024 14.02 GMT\n\n{LEAD}\n",
     {"published": date(2024, 3, 3)}),
    ("Guardian, first published and last modified",
     f"Council closes bridge\nLast modified on Wed 5 Mar 2024 10.00 GMT\n"
     f"First published on Tue 4 Mar 2024 09.10 GMT\n\n{LEAD}\n",
     {"published": date(2024, 3, 4)}),
    ("CNN",
     f"Protests grow\nBy Jane Doe, CNN\nUpdated 3:15 PM ET, Mon March 4, 2024\n\n"
     f"Cairo, Egypt (CNN) -- {LEAD}\n",
     {"author": "Jane Doe", "dateline": "Cairo, Egypt", "source": "CNN",
      "published": date(2024, 3, 4)}),
    ("CNN, updated before published",
     f"Protests grow\nUpdated 10:00 AM EST, Mon November 10, 2025\n"
     f"Published 8:30 AM EST, Sun November 9, 2025\n\n{LEAD}\n",
     {"published": date(2025, 11, 9)}),
    ("NYT",
     f"Senate passes bill\nBy Jane Doe and Sam Ortiz\nMarch 4, 2024\n\nWASHINGTON — {LEAD}\n",
     {"author": "Jane Doe and Sam Ortiz", "dateline": "WASHINGTON", "source": None,
      "published": date(2024, 3, 4)}),
    ("local paper", f"Council closes bridge\nPosted: 12:04 PM, Mar 03, 2024\n\n{LEAD}\n",
     {"published": date(2024, 3, 3)}),
    ("local paper, byline with the paper",
     f"Council closes bridge\nBy Li Wei | The Daily Herald\nPosted Mar 3, 2024 at 12:04 PM\n\n"
     f"{LEAD}\n",
     {"author": "Li Wei", "published": date(2024, 3, 3)}),
    ("wire, no year anywhere",
     f"China retaliates\nBy Sam Ortiz\n\nBEIJING, Jan 5 (Reuters) - {LEAD}\n",
     {"published": None, "source": "Reuters"}),
    ("the date marker says it more surely",
     f"date 2025-10-17\nCouncil closes bridge\nPublished Nov. 9, 2025\n\n{LEAD}\n",
     {"published": date(2025, 10, 17)}),
    ("the slash header's author",
     f"Council closes bridge/ CITY/ A. Writer/ Morning Show/ {LEAD}\nBy Sam Ortiz\n",
     {"author": "A. Writer", "dateline": "CITY"}),
]


@pytest.mark.parametrize(("style", "raw", "expected"), PAGES, ids=[p[0] for p in PAGES])
def test_header_lines_become_front_matter(style, raw, expected):
    item = parse_raw(Path("raw.txt"), raw)
    for key, value in expected.items():
        assert item.meta.get(key) == value, (style, key)


def test_there_are_a_dozen_outlet_styles():
    assert len(PAGES) >= 12


@pytest.mark.parametrize(("style", "raw", "expected"), PAGES, ids=[p[0] for p in PAGES])
def test_header_lines_leave_the_body_and_the_dateline_stays(style, raw, expected):
    body = parse_raw(Path("raw.txt"), raw).body
    for word in ("By ", "Updated", "Published", "Posted", "GMT", "Last modified"):
        assert word not in body, (style, word)
    assert LEAD in body
    if expected.get("dateline") and expected["dateline"] != "CITY":
        assert body.startswith(str(expected["dateline"]))  # verbatim: the analysis skips it


@pytest.mark.parametrize(
    "line",
    ["By Tuesday, the troops had left the city.", "Published in 2019, the report found abuse.",
     "Updated figures show inflation rose in March."],
)
def test_text_that_opens_like_a_header_stays_text(line):
    item = parse_raw(Path("raw.txt"), f"Council closes bridge\n\n{line}\n\n{LEAD}\n")
    assert line in item.body
    assert "author" not in item.meta and "published" not in item.meta


def test_a_header_line_below_the_top_of_the_page_is_not_read():
    raw = (f"Council closes bridge\n\n{LEAD}\n\nThe mayor spoke.\n\nMore text here.\n\n"
           "March 4, 2024\n")
    assert "published" not in parse_raw(Path("raw.txt"), raw).meta
