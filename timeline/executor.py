"""Where the per-article work runs: in this process, in a pool of processes on every
core, or on a Dask cluster. The work is the same pure function of one article
(`analysis.analyse`), so every executor gives the same analyses in the same order, and
the same timeline.json byte for byte.

An article whose analysis fails is left out with an `ArticleError` naming it; the
others go on.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, Protocol, TypeVar

from timeline.analysis import Analysis, analyse
from timeline.model import Article, ArticleError
from timeline.progress import QUIET, Progress
from timeline.store import AnalysisStore

T = TypeVar("T")
R = TypeVar("R")

# fewer articles than this are analysed in this process: a pool costs more to start
_POOL_MINIMUM = 16
_CHUNK = 8  # articles per task sent to a worker


class Executor(Protocol):
    """Runs a function over items, results in the items' order. `reduce_map`: how the
    story-wide merge maps its independent groups (None: here, in this process)."""

    def map(
        self, fn: Callable[[T], R], items: Sequence[T], progress: Progress = QUIET
    ) -> list[R]: ...

    @property
    def reduce_map(self) -> Callable[[Callable[[Any], Any], list[Any]], list[Any]] | None: ...

    @property
    def story_map(self) -> SharedMap | None:
        """How per-article work that reads the whole story (publish-date inference,
        against the index of known happenings) is spread: `fn(shared, item)` for each
        item; None, in this process."""
        ...


class Local:
    """This machine: `jobs` processes (1: this process only)."""

    def __init__(self, jobs: int | None = None):
        self.jobs = max(1, jobs if jobs is not None else os.cpu_count() or 1)

    @property
    def reduce_map(self) -> None:
        """The merge stays in this process: sending its groups out costs more than it
        saves on one machine."""
        return None

    @property
    def story_map(self) -> SharedMap | None:
        """Forked workers start with the shared state as this process holds it, so only
        the items and the answers travel (None where processes cannot fork)."""
        if self.jobs == 1 or _context().get_start_method() != "fork":
            return None
        return self._map_shared

    def _map_shared(
        self, fn: Callable[[Any, Any], Any], shared: Any, items: list[Any]
    ) -> list[Any]:
        global _SHARED
        _SHARED = (fn, shared)  # read by the forked workers, never sent
        try:
            return self.map(_with_shared, items)
        finally:
            _SHARED = None

    def map(self, fn: Callable[[T], R], items: Sequence[T], progress: Progress = QUIET) -> list[R]:
        if self.jobs == 1 or len(items) < _POOL_MINIMUM:
            out = []
            for item in items:
                out.append(fn(item))
                progress.advance()
            return out
        results: list[R] = []
        with ProcessPoolExecutor(self.jobs, mp_context=_context()) as pool:
            for result in pool.map(fn, items, chunksize=_CHUNK):
                results.append(result)
                progress.advance()
        return results


def _context() -> multiprocessing.context.BaseContext:
    """Fork where it is safe (one thread, so no lock can be held at the fork): the
    workers then start with the word tables this process has loaded."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


class Dask:
    """A Dask cluster: the scheduler at `address`, or a local one of `jobs` workers."""

    def __init__(self, address: str | None = None, jobs: int | None = None):
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError as exc:  # the optional extra
            raise RuntimeError(
                "the dask executor needs the dask extra: pip install 'timeline[dask]'"
            ) from exc
        if address:
            self.client = Client(address)
        else:
            cluster = LocalCluster(
                n_workers=jobs or os.cpu_count() or 1, threads_per_worker=1, processes=True
            )
            self.client = Client(cluster)

    def map(self, fn: Callable[[T], R], items: Sequence[T], progress: Progress = QUIET) -> list[R]:
        from dask.distributed import as_completed

        futures = self.client.map(fn, list(items), pure=False)
        for _ in as_completed(futures):
            progress.advance()
        return list(self.client.gather(futures))

    @property
    def reduce_map(self) -> Callable[[Callable[[Any], Any], list[Any]], list[Any]]:
        """The merge's independent groups are clustered on the workers (the reduce)."""
        return self.map

    @property
    def story_map(self) -> None:
        """Inference reads the whole story's index: it stays with the client."""
        return None

    def close(self) -> None:
        self.client.close()


SharedMap = Callable[[Callable[[Any, Any], Any], Any, list[Any]], list[Any]]
_SHARED: tuple[Callable[[Any, Any], Any], Any] | None = None


def _with_shared(item: Any) -> Any:
    """In a forked worker: the function on the state shared at the fork."""
    assert _SHARED is not None
    fn, shared = _SHARED
    return fn(shared, item)


def analysed(article: Article) -> Analysis | ArticleError:
    """The article's analysis, or the error that stopped it (named, never raised)."""
    try:
        return analyse(article)
    except RecursionError:
        return ArticleError(article.id, article.path, "too deeply nested to analyse")
    except Exception as exc:  # one article's failure must not cost the others
        return ArticleError(
            article.id, article.path, f"internal error while analysing: {type(exc).__name__}: {exc}"
        )


def analyse_all(
    articles: Sequence[Article],
    executor: Executor | None = None,
    store: AnalysisStore | None = None,
    progress: Progress = QUIET,
) -> tuple[list[Analysis], list[ArticleError]]:
    """Every article analysed (from the store when it holds it), in order, and the
    articles that could not be."""
    executor = executor or Local(1)
    found: dict[int, Analysis | ArticleError] = {}
    if store is not None:
        for i, article in enumerate(articles):
            kept = store.get(article)
            if kept is not None:
                found[i] = kept
    todo = [i for i in range(len(articles)) if i not in found]
    progress.start("analysing", len(todo))
    for i, result in zip(
        todo, executor.map(analysed, [articles[i] for i in todo], progress), strict=True
    ):
        found[i] = result
        if store is not None and isinstance(result, Analysis):
            store.put(articles[i], result)
    progress.finish()
    results = [found[i] for i in range(len(articles))]
    return _split(results)


def _split(results: Iterable[Any]) -> tuple[list[Analysis], list[ArticleError]]:
    analyses = [r for r in results if isinstance(r, Analysis)]
    errors = [r for r in results if isinstance(r, ArticleError)]
    return analyses, errors
