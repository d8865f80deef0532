"""Settings in one place: defaults for the commands, the plugin and the pipeline."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

DEFAULT_CORPUS = Path("corpus")
DEFAULT_SITE_DIR = Path("site")
DEFAULT_JSON = Path("timeline.json")
DEFAULT_LANGUAGE = "en"
CORPUS_SUFFIXES = (".md", ".markdown")

# Corpus files (and raw texts to import) larger than this are refused, read no further:
# 2 MiB is some 300,000 words, far beyond any article; a bigger file is a dump, a log or
# a device. The front matter is a few flat keys: nesting deeper than this is refused.
MAX_ARTICLE_BYTES = 2 * 1024 * 1024
MAX_FRONT_MATTER_DEPTH = 20
# How alike an unknown front-matter key must be to a known one (difflib's ratio, 0..1) to
# be suggested: `publishd` (0.94) and `Title` get `did you mean`; `tags` (0.4 at best) not.
KEY_SUGGESTION_CUTOFF = 0.6

# The calendar the pipeline works in: a year inside Python's (0001..9999) at each end, so
# every stage may count days, weeks and months around any date without leaving it. The
# resolver drops values outside; the corpus loader refuses publish dates outside.
FIRST_DAY = date(2, 1, 1)
LAST_DAY = date(9998, 12, 31)


@dataclass(frozen=True)
class Settings:
    """What a run of the pipeline needs to know beyond the corpus itself."""

    corpus: Path = DEFAULT_CORPUS
    language: str = DEFAULT_LANGUAGE
    title: str = "Timeline"


@dataclass(frozen=True)
class Tuning:
    """The thresholds of the event stage, in one place. Scores are 0..1 similarities of two
    mentions (see `timeline.merge.similarity`); days are calendar days."""

    # -- merging mentions into entries (timeline/merge.py)
    # average pair score two clusters need to merge
    merge_threshold: float = 0.42
    # days two day-grain dates may differ by and still be one happening told differently
    conflict_gap_days: int = 2
    # the stricter bar for dates that agree only loosely (sources a day or two apart, a
    # week around a day) and for an undated mention to cite a dated entry
    conflict_threshold: float = 0.55
    # how much the actors must agree for loosely agreeing dates (a day apart, or a week
    # around a day) to be one happening: 0.5 is more than one shared person of two
    loose_date_actor_agreement: float = 0.5
    # the bar for two mentions in one article (only a retelling merges)
    same_article_threshold: float = 0.6
    # weight of each part of the similarity, summed in this order
    merge_weights: tuple[tuple[str, float], ...] = (
        ("class", 0.4),
        ("actors", 0.3),
        ("words", 0.15),
        ("context", 0.15),
    )

    # -- publish-date inference (timeline/dating.py)
    # how far beyond the happenings an article may report its publish day may lie
    window_margin_days: int = 7
    # the longest stretch of candidate days tried for one article
    max_window_days: int = 120
    # how alike a mention must be to a known happening to count as reporting it
    match_threshold: float = 0.45
    # score for (or against) a day per undated happening whose tense it fits (or not)
    tense_weight: float = 0.5
    # matches this close to the best also count as readings of an undated happening
    alternative_margin: float = 0.15
    # passes over the undated articles (later passes read earlier guesses as dated)
    rounds: int = 2
    # the most known mentions one clause is compared with (its rarest keys first)
    match_candidates: int = 128

    # -- salience: how much an entry matters (timeline/salience.py); each feature is
    # scaled to 0..1 over the story, then weighed (fitted on t17-dev: bench/tls.py)
    salience_weights: tuple[tuple[str, float], ...] = (
        ("articles", 0.30),  # distinct articles that report it
        ("outlets", 0.10),  # distinct outlets that report it
        ("later_references", 0.15),  # articles published after it that refer back to it
        ("day_attention", 0.25),  # articles that date something to its day
        ("reported", 0.10),  # reported as done, rather than scheduled or ongoing
        ("central_actors", 0.10),  # names the actors the story names most
    )
    # an entry no source reported within this many days of its end is background
    fresh_days: int = 7
    # background entries count this much of their salience
    background_factor: float = 0.2
    # key moments: about this many per square root of the entries, within bounds
    key_moments_per_sqrt: float = 2.0
    key_moments_bounds: tuple[int, int] = (5, 60)

    # -- event mentions (timeline/events/)
    # summaries longer than this are cut at a clause boundary
    max_summary: int = 220
    # words around a reporting verb searched for the happening it reports
    class_window: int = 10

    # -- page furniture (timeline/furniture/)
    # a sentence just before a photo credit is its caption only when this short: a longer
    # one is text a scraped page fused with the caption
    caption_max_words: int = 40


TUNING = Tuning()
