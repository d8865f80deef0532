"""Benchmark of the event stage: does the timeline put each happening on one entry, with
the right date, the dissent listed, and the right publish days for undated articles?

Gold lives in bench/data/events/*.yaml (format at the top of demo.yaml): hand-annotated
happenings, each with the date an editor would give it and the date phrases that mention
it in each article. The pipeline runs on the articles as they are (undated ones undated),
and the figures are:

- merge B-cubed precision/recall/F1 over the gold mentions (a gold mention the timeline
  does not place on any entry counts as a singleton), and pairwise precision/recall/F1;
- coverage: gold mentions placed on some entry;
- date accuracy: gold happenings whose entry (the one holding most of their mentions)
  carries the gold date;
- conflicts: gold disagreements reported exactly, and entries reporting a conflict that
  the gold does not have;
- publish days: undated articles whose inferred day is the gold day (or in its range, or
  left undated when the gold says nothing supports a date).

Usage: python bench/events.py [FILE.yaml ...]
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from timeline.corpus import load_corpus
from timeline.model import Article, Timeline
from timeline.pipeline import build_timeline

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data" / "events"


@dataclass
class Gold:
    article: str
    start: int
    end: int
    happening: str


@dataclass
class Scores:
    name: str
    gold: int = 0
    covered: int = 0
    b3_p: float = 0.0
    b3_r: float = 0.0
    pair_tp: int = 0
    pair_sys: int = 0
    pair_gold: int = 0
    happenings: int = 0
    dated_right: int = 0
    conflicts_gold: int = 0
    conflicts_right: int = 0
    conflicts_spurious: int = 0
    published_gold: int = 0
    published_right: int = 0
    unannotated_entries: int = 0
    seconds: float = 0.0
    misses: list[str] = field(default_factory=list)


def load_case(path: Path) -> tuple[dict[str, Any], list[Article]]:
    case = yaml.safe_load(path.read_text("utf-8"))
    if "corpus" in case:
        articles = load_corpus(ROOT / case["corpus"])
    else:
        articles = [
            Article(
                a["id"], Path(f"{a['id']}.md"), a["id"], a["body"], published=a.get("published")
            )
            for a in case["articles"]
        ]
    return case, articles


def locate(body: str, context: str, phrase: str) -> tuple[int, int]:
    at = body.find(context)
    if at < 0:
        raise ValueError(f"context not found: {context!r}")
    inner = context.find(phrase)
    if inner < 0:
        raise ValueError(f"phrase {phrase!r} not in context {context!r}")
    return at + inner, at + inner + len(phrase)


def gold_mentions(case: dict[str, Any], articles: list[Article]) -> list[Gold]:
    bodies = {a.id: a.body for a in articles}
    out = []
    for h in case["happenings"]:
        for m in h["mentions"]:
            start, end = locate(bodies[m["article"]], m["context"], m["phrase"])
            out.append(Gold(m["article"], start, end, h["id"]))
    return out


def system_entry(g: Gold, timeline: Timeline) -> str | None:
    for e in timeline.events:
        for m in e.mentions:
            if m.article == g.article and m.timex.start < g.end and g.start < m.timex.end:
                return e.id
    return None


def score(path: Path) -> Scores:
    case, articles = load_case(path)
    t0 = time.perf_counter()
    timeline = build_timeline(articles, case.get("name", path.stem))
    s = Scores(case.get("name", path.stem), seconds=time.perf_counter() - t0)
    golds = gold_mentions(case, articles)
    entries = [system_entry(g, timeline) for g in golds]
    # a gold mention on no entry is its own singleton cluster
    sys_ids = [e if e is not None else f"missing-{i}" for i, e in enumerate(entries)]
    s.gold = len(golds)
    s.covered = sum(e is not None for e in entries)
    for i, g in enumerate(golds):
        same_sys = {j for j in range(len(golds)) if sys_ids[j] == sys_ids[i]}
        same_gold = {j for j in range(len(golds)) if golds[j].happening == g.happening}
        s.b3_p += len(same_sys & same_gold) / len(same_sys)
        s.b3_r += len(same_sys & same_gold) / len(same_gold)
        if entries[i] is None:
            s.misses.append(f"not on any entry: {g.happening} in {g.article}")
    for i in range(len(golds)):
        for j in range(i + 1, len(golds)):
            same_sys = sys_ids[i] == sys_ids[j]
            same_gold = golds[i].happening == golds[j].happening
            s.pair_sys += same_sys
            s.pair_gold += same_gold
            s.pair_tp += same_sys and same_gold
    events = {e.id: e for e in timeline.events}
    annotated = {e for e in entries if e}
    s.unannotated_entries = sum(1 for e in events if e not in annotated)
    for h in case["happenings"]:
        s.happenings += 1
        ids = [entries[i] for i, g in enumerate(golds) if g.happening == h["id"] and entries[i]]
        entry = events[Counter(ids).most_common(1)[0][0]] if ids else None
        if entry is not None and entry.date == str(h["date"]):
            s.dated_right += 1
        else:
            got = entry.date if entry else "nothing"
            s.misses.append(f"date of {h['id']}: {got}, gold {h['date']}")
        gold_conflicts = {(str(v), tuple(sorted(a))) for v, a in (h.get("conflicts") or {}).items()}
        conflicts = entry.conflicts if entry else ()
        got_conflicts = {(c.value.timex, tuple(sorted(c.articles))) for c in conflicts}
        if gold_conflicts:
            s.conflicts_gold += 1
            if got_conflicts == gold_conflicts:
                s.conflicts_right += 1
            else:
                s.misses.append(f"conflicts of {h['id']}: {sorted(got_conflicts)}")
        elif got_conflicts:
            s.conflicts_spurious += 1
            s.misses.append(f"spurious conflict on {h['id']}: {sorted(got_conflicts)}")
    published = {r.article.id: r.article.published_day for r in timeline.articles}
    for aid, want in (case.get("published") or {}).items():
        s.published_gold += 1
        got = published.get(aid)
        if _published_ok(got, want):
            s.published_right += 1
        else:
            s.misses.append(f"publish day of {aid}: {got}, gold {want}")
    return s


def _published_ok(got: date | None, want: Any) -> bool:
    if want is None:
        return got is None
    if isinstance(want, list):
        return got is not None and want[0] <= got <= want[1]
    return got == want


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _row(s: Scores) -> list[str]:
    b3p = s.b3_p / s.gold if s.gold else 0.0
    b3r = s.b3_r / s.gold if s.gold else 0.0
    pp = s.pair_tp / s.pair_sys if s.pair_sys else 1.0
    pr = s.pair_tp / s.pair_gold if s.pair_gold else 1.0
    return [
        s.name[:34],
        f"{b3p:.3f}",
        f"{b3r:.3f}",
        f"{_f1(b3p, b3r):.3f}",
        f"{pp:.3f}",
        f"{pr:.3f}",
        f"{_f1(pp, pr):.3f}",
        f"{s.covered}/{s.gold}",
        f"{s.dated_right}/{s.happenings}",
        f"{s.conflicts_right}/{s.conflicts_gold} (+{s.conflicts_spurious})",
        f"{s.published_right}/{s.published_gold}",
        str(s.unannotated_entries),
        f"{s.seconds:.1f}",
    ]


def total(scores: list[Scores]) -> Scores:
    t = Scores("ALL (micro)")
    for s in scores:
        for name in (
            "gold",
            "covered",
            "b3_p",
            "b3_r",
            "pair_tp",
            "pair_sys",
            "pair_gold",
            "happenings",
            "dated_right",
            "conflicts_gold",
            "conflicts_right",
            "conflicts_spurious",
            "published_gold",
            "published_right",
            "unannotated_entries",
            "seconds",
        ):
            setattr(t, name, getattr(t, name) + getattr(s, name))
    return t


def main(argv: list[str]) -> int:
    paths = [Path(p) for p in argv] or sorted(DATA.glob("*.yaml"))
    scores = [score(p) for p in paths]
    header = [
        "corpus",
        "B3 P",
        "B3 R",
        "B3 F1",
        "pair P",
        "pair R",
        "pair F1",
        "covered",
        "date acc",
        "conflicts",
        "published",
        "extra",
        "secs",
    ]
    rows = [header] + [_row(s) for s in scores] + [_row(total(scores))]
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    for r in rows:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)))
    print(
        "\nB3 = B-cubed over gold mentions; pair = pairwise; covered = gold mentions on an "
        "entry;\ndate acc = happenings whose entry has the gold date; conflicts = exact "
        "gold disagreements (+ spurious);\npublished = undated articles given the gold "
        "publish day; extra = entries with no gold mention (unannotated)."
    )
    for s in scores:
        for miss in s.misses:
            print(f"  [{s.name[:20]}] {miss}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
