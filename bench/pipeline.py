"""Scale benchmark of the whole pipeline on a large synthetic corpus.

The corpus is generated deterministically from the demo articles in `corpus/`: each
synthetic article is a rewrite of one seed (paragraphs dropped and swapped, wording and
name forms varied, a byline or a comment prompt added), from an invented outlet, and
belongs to one "episode" of the story: episode k happens k weeks after the seeds, so a
corpus of hundreds of articles spans months the way a long-running story does. Each
episode has its own cast: the most named people after the protagonist take invented
surnames (a different pair per episode, episode 0 keeps the seeds' names), so episodes
are different happenings, as the weeks of a real story are, rather than copies that no
reader could tell apart. Most
articles are undated (publish days then have to be inferred), the rest are published
on their episode's day or the day after. Article i is the same whatever N is, so a
smaller corpus is a prefix of a larger one.

Per stage (load, inference, resolution, mentions, merge) it prints CPU and wall seconds,
articles/s and words/s (per CPU second, which other work on the machine disturbs less),
the tracemalloc peak of that stage and the process max RSS after it. Timing and memory
are measured in two separate child processes (tracemalloc slows Python down several
times), each starting with cold caches.

Usage: python bench/pipeline.py [-n 50 200 500] [--seed 0] [--undated 0.8] [--no-memory]
       python bench/pipeline.py --write DIR -n 200     # only write the corpus
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

from timeline.corpus import load_corpus
from timeline.events import find_entities
from timeline.model import Article

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "corpus"
STAGES = ("load", "analysis", "names", "inference", "anchoring", "merge", "salience")
ARTICLES_PER_EPISODE = 25
OUTLETS = (
    "Northern Ledger",
    "Capital Wire",
    "Harbour Times",
    "Evening Courier",
    "Daily Meridian",
    "Lakeside Post",
    "Global Dispatch",
    "Valley Herald",
)
# surnames the cast takes in later episodes (one list per recast person)
SURNAMES = (
    ("Sokolov", "Orlov", "Volkov", "Morozov", "Lebedev"),
    ("Kovalenko", "Bondar", "Melnyk", "Shevchuk", "Tkachenko"),
)
AUTHORS = ("A. Novak", "B. Okafor", "C. Lindqvist", "D. Moreau", "E. Tanaka", "F. Haddad")
# (phrase, alternative): each applied to a rewrite with probability 1/2
REWORDINGS = (
    ("spoke with", "talked with"),
    ("spoke to", "talked to"),
    ("phone call", "telephone call"),
    ("President Donald Trump", "President Trump"),
    ("Volodymyr Zelensky", "Volodymyr Zelenskyy"),
    ("the summit", "the meeting"),
    ("said on", "said late on"),
    ("told reporters", "told journalists"),
)


# --- the synthetic corpus --------------------------------------------------------------


def generate(n: int, seed: int = 0, undated_share: float = 0.8) -> list[tuple[str, str]]:
    """(file name, file text) of n synthetic articles."""
    seeds = load_corpus(SEEDS)
    known = sorted(a.published_day for a in seeds if a.published_day is not None)
    story_day = known[len(known) // 2] if known else date(2025, 1, 1)
    cast = _cast(seeds)
    return [_article(i, seeds, cast, story_day, seed, undated_share) for i in range(n)]


def _cast(seeds: list[Article]) -> list[tuple[str, ...]]:
    """The surname forms of the most named people after the first (the protagonist)."""
    counts: Counter[str] = Counter()
    forms: dict[str, set[str]] = {}
    for article in seeds:
        for e in find_entities(article.body):
            if e.kind == "person":
                counts[e.key] += 1
                forms.setdefault(e.key, set()).add(e.display.split()[-1])
    recast = [key for key, _ in counts.most_common(len(SURNAMES) + 1)][1:]
    return [tuple(sorted(forms[k], key=lambda f: (-len(f), f))) for k in recast]


def _recast(text: str, cast: list[tuple[str, ...]], episode: int) -> str:
    """Episode k's people: person j takes surname k // 5**j mod 5 of its list."""
    if episode == 0:
        return text
    for j, names in enumerate(cast):
        choices = SURNAMES[j]
        new = choices[(episode // len(choices) ** j) % len(choices)]
        for name in names:
            text = re.sub(rf"\b{re.escape(name)}\b", new, text)
    return text


def _article(
    i: int,
    seeds: list[Article],
    cast: list[tuple[str, ...]],
    story_day: date,
    seed: int,
    undated_share: float,
) -> tuple[str, str]:
    rng = random.Random(f"{seed}:{i}")
    source = seeds[rng.randrange(len(seeds))]
    episode = i // ARTICLES_PER_EPISODE
    meta: dict[str, Any] = {
        "title": _recast(source.title, cast, episode),
        "source": rng.choice(OUTLETS),
        "author": rng.choice(AUTHORS),
    }
    if rng.random() >= undated_share:
        day = (source.published_day or story_day) + timedelta(weeks=episode)
        meta["published"] = (day + timedelta(days=rng.choice((0, 0, 1)))).isoformat()
    front = yaml.safe_dump(meta, sort_keys=True, allow_unicode=True)
    body = _recast(_rewrite(source, rng), cast, episode)
    return f"{i:04d}-{source.id[:40]}.md", f"---\n{front}---\n\n{body}\n"


def _rewrite(source: Article, rng: random.Random) -> str:
    paras = [p for p in source.body.split("\n\n") if p.strip()]
    kept = paras[:1] + [p for p in paras[1:] if rng.random() < 0.8]
    if len(kept) > 3 and rng.random() < 0.5:
        j = rng.randrange(1, len(kept) - 1)
        kept[j], kept[j + 1] = kept[j + 1], kept[j]
    text = "\n\n".join(kept)
    for phrase, other in REWORDINGS:
        if rng.random() < 0.5:
            text = text.replace(phrase, other)
    if rng.random() < 0.3:
        text = f"By {rng.choice(AUTHORS)}\n\n{text}"
    if rng.random() < 0.2:
        text += "\n\nYou must Register or Login to post a comment."
    return text


def write_corpus(folder: Path, files: list[tuple[str, str]]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files:
        (folder / name).write_text(text, "utf-8")


# --- the stages ------------------------------------------------------------------------


def run_stages(folder: Path, measure: Callable[[str, Callable[[], Any]], Any]) -> None:
    """The pipeline's stages in order, each through `measure(name, thunk)`, as
    build_timeline runs them."""
    from timeline import pipeline
    from timeline.analysis import analyse

    articles = measure("load", lambda: load_corpus(folder))
    analyses = measure("analysis", lambda: [analyse(a) for a in articles])
    named = measure("names", lambda: pipeline.name_actors(analyses))
    dated = measure("inference", lambda: pipeline.infer_publish_dates(named))
    readings = measure("anchoring", lambda: pipeline.anchor_all(dated))
    merged = measure("merge", lambda: pipeline.merge_stage(readings))
    measure("salience", lambda: pipeline.ranked(merged))


def _warm_up() -> None:
    """Load the word tables and the resolver's rules before anything is timed."""
    from timeline.pipeline import build_timeline

    body = "The mayor met union leaders on Friday."
    build_timeline(
        [Article("warm-up", Path("warm-up.md"), "Warm-up", body, published=date(2025, 1, 3))]
    )


def child(folder: Path, mode: str) -> dict[str, dict[str, float]]:
    """Run the stages once in this process; seconds (mode 'time') or memory ('memory')."""
    _warm_up()
    out: dict[str, dict[str, float]] = {}

    def timed(name: str, thunk: Callable[[], Any]) -> Any:
        t0, c0 = time.perf_counter(), time.process_time()
        result = thunk()
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        out[name] = {
            "seconds": time.process_time() - c0,
            "wall": time.perf_counter() - t0,
            "max_rss_mb": rss,
        }
        return result

    def traced(name: str, thunk: Callable[[], Any]) -> Any:
        tracemalloc.reset_peak()
        result = thunk()
        out[name] = {"peak_mb": tracemalloc.get_traced_memory()[1] / 2**20}
        return result

    if mode == "memory":
        tracemalloc.start()
    run_stages(folder, timed if mode == "time" else traced)
    return out


# --- report ------------------------------------------------------------------------------


@dataclass
class Row:
    stage: str
    seconds: float  # CPU time of the process
    wall: float
    articles: int
    words: int
    peak_mb: float | None
    max_rss_mb: float

    def cells(self) -> list[str]:
        rate = self.seconds or 1e-9
        peak = f"{self.peak_mb:.1f}" if self.peak_mb is not None else "-"
        return [
            self.stage,
            f"{self.seconds:.2f}",
            f"{self.wall:.2f}",
            f"{self.articles / rate:,.0f}",
            f"{self.words / rate:,.0f}",
            peak,
            f"{self.max_rss_mb:.0f}",
        ]


def measure_size(n: int, seed: int, undated: float, memory: bool) -> list[Row]:
    files = generate(n, seed, undated)
    words = sum(len(text.split("\n---\n", 1)[-1].split()) for _, text in files)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        write_corpus(folder, files)
        times = _spawn(folder, "time")
        peaks = _spawn(folder, "memory") if memory else {}
    rows = [
        Row(
            s,
            times[s]["seconds"],
            times[s]["wall"],
            n,
            words,
            peaks.get(s, {}).get("peak_mb"),
            times[s]["max_rss_mb"],
        )
        for s in STAGES
    ]
    cpu, wall = sum(r.seconds for r in rows), sum(r.wall for r in rows)
    top_peak = max((r.peak_mb for r in rows if r.peak_mb is not None), default=None)
    rows.append(Row("total", cpu, wall, n, words, top_peak, rows[-1].max_rss_mb))
    return rows


def _spawn(folder: Path, mode: str) -> dict[str, dict[str, float]]:
    cmd = [sys.executable, __file__, "--child", mode, str(folder)]
    done = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return json.loads(done.stdout)


def print_table(n: int, undated: int, words: int, rows: list[Row]) -> None:
    print(f"\nN = {n} articles ({undated} undated), {words:,} words")
    header = ["stage", "cpu s", "wall s", "articles/s", "words/s", "tracemalloc MB", "max RSS MB"]
    table = [header] + [r.cells() for r in rows]
    widths = [max(len(r[i]) for r in table) for i in range(len(header))]
    for r in table:
        pairs = enumerate(zip(r, widths, strict=True))
        print("  ".join(c.rjust(w) if i else c.ljust(w) for i, (c, w) in pairs))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, nargs="+", default=[50, 200, 500])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--undated", type=float, default=0.8, help="share of undated articles")
    parser.add_argument("--no-memory", action="store_true", help="skip the tracemalloc pass")
    parser.add_argument("--write", type=Path, help="only write the corpus (first -n) here")
    parser.add_argument("--child", nargs=2, metavar=("MODE", "DIR"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(Path(args.child[1]), args.child[0])))
        return 0
    if args.write:
        write_corpus(args.write, generate(args.n[0], args.seed, args.undated))
        return 0
    for n in args.n:
        files = generate(n, args.seed, args.undated)
        undated = sum("\npublished:" not in text.split("\n---\n", 1)[0] for _, text in files)
        words = sum(len(text.split("\n---\n", 1)[-1].split()) for _, text in files)
        rows = measure_size(n, args.seed, args.undated, not args.no_memory)
        print_table(n, undated, words, rows)
    print(
        "\ncpu s (process CPU time), wall s and max RSS from one run, tracemalloc peak (Python "
        "heap, per stage)\nfrom a second run; articles/s and words/s (whitespace-separated body "
        "words) per CPU second;\none run per size, cold caches; seeds: "
        f"{SEEDS.relative_to(ROOT)}/"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
