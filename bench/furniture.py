"""How much page furniture a corpus holds, and how many dates and entries come from it.

Runs the analysis over a corpus folder and lays each body out with `timeline.furniture`
(the same data the analysis uses). Per kind of furniture it prints how many spans it
found (by shape), how many resolved dates fall inside them, how many dated mentions the
analysis took from inside them (a date that is furniture: should be 0) and how many
mentions' sentences overlap them (furniture text in a summary: should be 0), and, with
`--entries`, how many timeline entries have only furniture mentions. A fixed random
sample of each kind is printed, so anyone can judge precision by eye; what the analysis
drops is exactly the whole-sentence spans (line, within, section, caption) and the
prefixes.

Usage: python bench/furniture.py CORPUS_DIR [--samples N] [--entries] [--jobs N]
"""

from __future__ import annotations

import argparse
import random
import sys
from bisect import bisect_right
from collections import Counter
from pathlib import Path

from timeline.analysis import Analysis
from timeline.anchoring import anchored
from timeline.corpus import load_corpus
from timeline.events.lexicon import lexicon
from timeline.executor import Local, analyse_all
from timeline.furniture import FurnitureSpan, furniture, layout
from timeline.model import Mention
from timeline.pipeline import timeline_of
from timeline.text import sentences

SEED = 17  # the samples are the same on every run


class Spans:
    """One article's furniture spans, looked up by offset."""

    def __init__(self, spans: tuple[FurnitureSpan, ...]):
        self.spans = spans
        self.starts = [s.start for s in spans]

    def at(self, offset: int) -> FurnitureSpan | None:
        i = bisect_right(self.starts, offset) - 1  # spans never overlap
        return self.spans[i] if i >= 0 and offset < self.spans[i].end else None

    def overlapping(self, start: int, end: int) -> FurnitureSpan | None:
        return next((s for s in self.spans if s.start < end and start < s.end), None)


def furniture_of(analysis: Analysis) -> Spans:
    article = analysis.article
    body, language = article.body, article.language
    small = lexicon(language).headline_small_words
    return Spans(layout(body, sentences(body), furniture(language), small).furniture)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--samples", type=int, default=8, help="sample spans per kind")
    parser.add_argument("--entries", action="store_true", help="also build the timeline")
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args(argv)
    articles = load_corpus(args.corpus)
    analyses, errors = analyse_all(articles, Local(args.jobs))
    spans = {a.article.id: furniture_of(a) for a in analyses}
    shapes: Counter[tuple[str, str]] = Counter()
    chars: Counter[str] = Counter()
    dates: Counter[str] = Counter()
    mentions: Counter[str] = Counter()
    in_summary: Counter[str] = Counter()
    total_dates = total_mentions = 0
    samples: dict[str, list[tuple[str, FurnitureSpan]]] = {}
    for analysis in analyses:
        found = spans[analysis.article.id]
        for span in found.spans:
            shapes[span.kind, span.shape] += 1
            chars[span.kind] += span.end - span.start
            samples.setdefault(span.kind, []).append((analysis.article.id, span))
        reading = anchored(analysis, analysis.article.published_day)
        for timex in reading.timexes:
            total_dates += 1
            span = found.at(timex.start)
            if span is not None:
                dates[span.kind] += 1
        for m in reading.extraction.dated:
            total_mentions += 1
            span = found.at(m.timex.start)
            if span is not None:
                mentions[span.kind] += 1
            elif (over := found.overlapping(m.sentence.start, m.sentence.end)) is not None:
                in_summary[over.kind] += 1
    body_chars = sum(len(a.article.body) for a in analyses)
    print(f"{len(analyses)} articles ({len(errors)} not analysed), {body_chars} characters, "
          f"{total_dates} dates, {total_mentions} dated mentions")
    print(f"{'kind':<11} {'spans':>6}  {'by shape':<44} {'chars':>8} {'dates':>6} "
          f"{'mentions':>8} {'in sentence':>11}")
    kinds = sorted({k for k, _ in shapes}, key=lambda k: -sum(n for (kk, _), n in
                                                                shapes.items() if kk == k))
    for kind in kinds:
        by_shape = ", ".join(f"{s} {n}" for (k, s), n in sorted(shapes.items()) if k == kind)
        count = sum(n for (k, _), n in shapes.items() if k == kind)
        print(f"{kind:<11} {count:>6}  {by_shape:<44} {chars[kind]:>8} {dates[kind]:>6} "
              f"{mentions[kind]:>8} {in_summary[kind]:>11}")
    print(f"{'ALL':<11} {sum(shapes.values()):>6}  {'':<44} {sum(chars.values()):>8} "
          f"{sum(dates.values()):>6} {sum(mentions.values()):>8} {sum(in_summary.values()):>11}")
    print("dates: resolved dates inside furniture; mentions: dated mentions the analysis took "
          "from inside furniture;\nin sentence: other dated mentions whose sentence overlaps "
          "furniture (the summary may show it)")
    if args.entries:
        _entries(analyses, spans)
    _samples(analyses, samples, args.samples)
    return 0


def _entries(analyses: list[Analysis], spans: dict[str, Spans]) -> None:
    timeline = timeline_of(analyses)

    def from_furniture(m: Mention) -> bool:
        return spans[m.article].at(m.timex.start) is not None

    only = sum(1 for e in timeline.events if all(from_furniture(m) for m in e.mentions))
    some = sum(1 for e in timeline.events if any(from_furniture(m) for m in e.mentions))
    print(f"entries: {len(timeline.events)}; only from furniture: {only}; "
          f"with a furniture mention: {some}")


def _samples(
    analyses: list[Analysis], samples: dict[str, list[tuple[str, FurnitureSpan]]], n: int
) -> None:
    bodies = {a.article.id: a.article.body for a in analyses}
    rng = random.Random(SEED)
    for kind in sorted(samples):
        items = samples[kind]
        print(f"\n== {kind}: {n} of {len(items)}")
        for article, span in rng.sample(items, min(n, len(items))):
            text = " ".join(bodies[article][span.start : span.end].split())
            text = text if len(text) <= 200 else text[:200] + " …"
            print(f"  [{span.shape}] {text}")


if __name__ == "__main__":
    sys.exit(main())
