"""For the new-story tests: raw article texts as copied from a news page with the importer's
`date` marker (written for the tests: no research data), and the title a built page shows."""

from __future__ import annotations

import html
import re
from pathlib import Path

TITLE = "The old bridge: a story"
RAW_TEXTS = {
    "vote.txt": "date 2025-10-16\nCouncil votes to close the old bridge\n"
                "The city council voted on Tuesday to close the old bridge over the river. "
                "Repairs will start on Monday, 3 November 2025, the mayor said.\n",
    "protest.txt": "date 2025-10-20\nBridge closure angers shop owners\n"
                   "Shop owners near the old bridge protested on Saturday against its "
                   "closure. The council will hear them on Thursday.\n",
}
ARTICLE_IDS = ("council-votes-to-close-the-old-bridge", "bridge-closure-angers-shop-owners")
# An article that comes later, to add to a story already built.
LATER_TEXT = ("reopen.txt", "date 2025-10-24\nBridge to reopen for pedestrians\n"
              "The council decided on Wednesday that pedestrians may cross the old bridge "
              "again from Saturday.\n")


def site_title_of(page: Path) -> str:
    """The site's title as a built page's <title> gives it: MkDocs writes `PAGE - SITE`, or
    `SITE` alone on a page titled like the site (the tests' titles hold no ' - ')."""
    found = re.search(r"<title>([^<]*)</title>", page.read_text(encoding="utf-8"))
    assert found is not None, page
    return html.unescape(found[1]).split(" - ")[-1]
