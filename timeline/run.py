"""How one run of the pipeline is carried out: on how many cores or which cluster, with
which store of analyses, showing progress or not. The commands and the MkDocs plugin
build their timeline here, so every way in runs the same way."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from timeline.corpus import load_corpus
from timeline.executor import Dask, Executor, Local
from timeline.failures import build_named
from timeline.model import Timeline
from timeline.progress import QUIET, Progress
from timeline.store import AnalysisStore

EXECUTORS = ("local", "dask")


@dataclass(frozen=True)
class RunOptions:
    """`jobs`: processes for the per-article work (None: every core); `executor`:
    'local' or 'dask' (`scheduler`: a Dask scheduler's address, else a local cluster);
    `cache`: keep analyses between runs, in `cache_dir` (default: the user's cache)."""

    jobs: int | None = None
    executor: str = "local"
    scheduler: str | None = None
    cache: bool = True
    cache_dir: Path | None = None
    progress: bool | None = None  # None: when stderr is a terminal

    @staticmethod
    def from_env() -> RunOptions:
        """Defaults a user can set once: TIMELINE_JOBS, TIMELINE_CACHE_DIR,
        TIMELINE_NO_CACHE."""
        jobs = os.environ.get("TIMELINE_JOBS")
        folder = os.environ.get("TIMELINE_CACHE_DIR")
        return RunOptions(
            jobs=int(jobs) if jobs and jobs.isdigit() else None,
            cache=not os.environ.get("TIMELINE_NO_CACHE"),
            cache_dir=Path(folder) if folder else None,
        )


def timeline_of_corpus(folder: Path, title: str, run: RunOptions | None = None) -> Timeline:
    """The corpus folder's timeline; an article that cannot be analysed is left out and
    listed in `Timeline.errors`; an unexpected error names the article it comes from."""
    run = run or RunOptions()
    articles = load_corpus(folder)
    executor = make_executor(run)
    store = AnalysisStore(run.cache_dir) if run.cache else None
    progress = Progress(enabled=run.progress)
    try:
        return build_named(articles, title, folder, executor, store, progress)
    finally:
        if isinstance(executor, Dask):
            executor.close()
        if store is not None:
            store.prune()


def make_executor(run: RunOptions) -> Executor:
    if run.executor == "dask":
        return Dask(run.scheduler, run.jobs)
    return Local(run.jobs)


__all__ = ["EXECUTORS", "QUIET", "RunOptions", "make_executor", "timeline_of_corpus"]
