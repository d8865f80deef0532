"""An unexpected error in the pipeline, named by the article it happened on.

Bad input is reported where it is read (timeline/corpus.py). An article whose analysis
fails is left out and listed (`timeline.executor`). Anything that goes wrong after, in
the stages of the whole story, is a defect of the tool, but the user still needs to know
which article set it off (to report it, or to set the article aside): `build_named` runs
the pipeline and, when it fails, runs each article alone through it to find the first
that fails by itself. The error becomes a CorpusError naming that article's file, chained
to the original, so the command prints one line and exits 1; nothing is swallowed.
"""

from __future__ import annotations

from pathlib import Path

from timeline.corpus import CorpusError
from timeline.executor import Executor
from timeline.model import Article, Timeline
from timeline.pipeline import build_timeline
from timeline.progress import QUIET, Progress
from timeline.store import AnalysisStore

REPORT = "an internal error of timeline, please report it with this file"


def build_named(
    articles: list[Article],
    title: str,
    corpus: Path,
    executor: Executor | None = None,
    store: AnalysisStore | None = None,
    progress: Progress = QUIET,
) -> Timeline:
    """`build_timeline`, with an unexpected error turned into a CorpusError naming the
    article that causes it (or the corpus, when no article fails alone)."""
    try:
        return build_timeline(articles, title, executor, store, progress)
    except (CorpusError, KeyboardInterrupt, MemoryError):
        raise
    except Exception as exc:
        culprit = failing_alone(articles)
        where = culprit.path if culprit is not None else corpus
        what = "while reading this article" if culprit else "while merging the articles"
        raise CorpusError(where, f"{what}: {type(exc).__name__}: {exc} ({REPORT})") from exc


def failing_alone(articles: list[Article]) -> Article | None:
    """The first article whose timeline alone fails."""
    for article in articles:
        try:
            build_timeline([article])
        except Exception:
            return article
    return None
