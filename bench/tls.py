"""Timeline summarisation on Timeline17 (t17-dev): does the project pick the days an
editor would put on the story's timeline?

The news-tls protocol (Gholipour Ghalandari & Ifrim 2020), as ../shared/data/t17-dev's
README describes it: one task per editors' timeline; the system reads only the articles
published between the timeline's first and last date; it returns as many days as the
editors' timeline has (l); Date-F1 is the F1 of its set of days against the editors'.
Figures are per task and the mean over tasks.

Systems compared on the same articles:
- `timeline`: the key moments of the project's timeline (entries by `rank`, each
  giving the first day it covers when that is one day; the first l distinct days);
- `sources`: entries ranked by the number of distinct articles that report them;
- `pubcount`: the days on which most articles were published (the field's baseline).

Usage: python bench/tls.py [--jobs N] [--stories S ...] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.t17 import DATA, Task, items, stories, tasks, write_corpus  # noqa: E402
from timeline.executor import Local  # noqa: E402
from timeline.model import Event, Timeline  # noqa: E402
from timeline.pipeline import build_timeline  # noqa: E402


def date_f1(found: list[date], gold: set[date]) -> tuple[float, float, float]:
    chosen = set(found)
    hits = len(chosen & gold)
    p = hits / len(chosen) if chosen else 0.0
    r = hits / len(gold) if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def first_days(events: list[Event], size: int, within: tuple[date, date]) -> list[date]:
    """The first l distinct single days of the entries, in their order."""
    out: list[date] = []
    for e in events:
        start, end = e.interval
        if start != end or not within[0] <= start <= within[1] or start in out:
            continue
        out.append(start)
        if len(out) == size:
            break
    return out


def by_rank(timeline: Timeline) -> list[Event]:
    ranked = [e for e in timeline.events if getattr(e, "rank", None) is not None]
    if not ranked:  # before entries carried a rank: by sources
        return by_sources(timeline)
    return sorted(ranked, key=lambda e: e.rank)


def by_sources(timeline: Timeline) -> list[Event]:
    return sorted(timeline.events, key=lambda e: (-len(e.sources), e.interval, e.id))


SYSTEMS: dict[str, Callable[[Timeline], list[Event]]] = {
    "timeline": by_rank,
    "sources": by_sources,
}


def pubcount(task: Task) -> list[date]:
    counts = Counter(
        i.published for i in items(task.story) if task.first <= i.published <= task.last
    )
    return [d for d, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))][: len(task.gold)]


def run_task(task: Task, jobs: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        n = write_corpus(task.story, folder, between=(task.first, task.last))
        articles = load_corpus_lenient(folder)
        t0 = time.perf_counter()
        timeline = build_timeline(articles, task.name, executor=Local(jobs))
        seconds = time.perf_counter() - t0
    gold = set(task.gold)
    size = len(gold)
    row: dict = {"task": f"{task.story}/{task.name}", "articles": n, "l": size, "secs": seconds}
    for name, order in SYSTEMS.items():
        row[name] = date_f1(first_days(order(timeline), size, (task.first, task.last)), gold)
    row["pubcount"] = date_f1(pubcount(task), gold)
    return row


def load_corpus_lenient(folder: Path) -> list:
    """The corpus less its empty articles (a few scraped texts are empty)."""
    from timeline.corpus import check_corpus

    articles, _ = check_corpus(folder)
    return articles


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jobs", type=int, default=None, help="processes (default: cores)")
    parser.add_argument("--stories", nargs="*", help="story folders (default: all)")
    parser.add_argument("--json", type=Path, help="also write the rows here")
    args = parser.parse_args(argv)
    if not DATA.is_dir():
        print(f"t17-dev not found at {DATA}", file=sys.stderr)
        return 1
    rows = [run_task(t, args.jobs or 2) for s in args.stories or stories() for t in tasks(s)]
    names = [*SYSTEMS, "pubcount"]
    print(f"{'task':40} {'arts':>5} {'l':>4} " + " ".join(f"{n + ' F1':>12}" for n in names))
    for r in rows:
        cells = " ".join(f"{r[n][2]:12.3f}" for n in names)
        print(f"{r['task'][:40]:40} {r['articles']:5d} {r['l']:4d} {cells}")
    means = " ".join(f"{sum(r[n][2] for r in rows) / len(rows):12.3f}" for n in names)
    print(f"{'mean Date-F1':40} {'':5} {'':4} {means}")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2, default=str) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
