"""Where the per-article work runs does not change the result: one process, a pool of
processes, a Dask cluster (a LocalCluster here) all give byte-identical timeline.json.
Stored analyses are reused and a corrupt store entry is recomputed, never trusted."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from timeline.corpus import load_corpus
from timeline.executor import Local, analyse_all
from timeline.pipeline import build_timeline
from timeline.store import AnalysisStore
from timeline.timeline import dumps

REPO = Path(__file__).resolve().parent.parent


def demo() -> list:
    return load_corpus(REPO / "corpus")


def many(tmp_path: Path) -> list:
    """The demo twice over under other ids, enough for a pool to start."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for n in range(4):
        for path in sorted((REPO / "corpus").glob("*.md")):
            shutil.copy(path, folder / f"{path.stem}-{n}.md")
    return load_corpus(folder)


def test_a_process_pool_gives_the_same_bytes_as_one_process(tmp_path):
    articles = many(tmp_path)
    one = dumps(build_timeline(articles, "T", executor=Local(1)))
    assert dumps(build_timeline(articles, "T", executor=Local(2))) == one


def test_dask_gives_the_same_bytes_as_one_process():
    pytest.importorskip("dask.distributed")
    from timeline.executor import Dask

    articles = demo()
    one = dumps(build_timeline(articles, "T", executor=Local(1)))
    cluster = Dask(jobs=2)
    try:
        assert dumps(build_timeline(articles, "T", executor=cluster)) == one
    finally:
        cluster.close()


def test_stored_analyses_are_reused_and_give_the_same_bytes(tmp_path, monkeypatch):
    import timeline.executor

    store = AnalysisStore(tmp_path / "store")
    articles = demo()
    first = dumps(build_timeline(articles, "T", store=store))
    calls = []
    real = timeline.executor.analyse
    monkeypatch.setattr(timeline.executor, "analyse", lambda a: calls.append(a.id) or real(a))
    assert dumps(build_timeline(articles, "T", store=store)) == first
    assert calls == []  # nothing read again
    edited = [
        articles[0].__class__(**{**articles[0].__dict__, "body": articles[0].body + "\n\nMore."}),
        *articles[1:],
    ]
    build_timeline(edited, "T", store=store)
    assert calls == [articles[0].id]  # only the edited article


@pytest.mark.parametrize("damage", ["truncate", "flip", "garbage", "empty"])
def test_a_damaged_store_entry_is_recomputed(tmp_path, damage):
    store = AnalysisStore(tmp_path / "store")
    articles = demo()
    expected = dumps(build_timeline(articles, "T", store=store))
    for path in store.folder.rglob("*.pickle"):
        data = path.read_bytes()
        if damage == "truncate":
            path.write_bytes(data[: len(data) // 2])
        elif damage == "flip":
            path.write_bytes(data[:-10] + bytes([data[-10] ^ 0xFF]) + data[-9:])
        elif damage == "garbage":
            path.write_bytes(b"timeline-analysis\n" + b"\0" * 40)
        else:
            path.write_bytes(b"")
    assert dumps(build_timeline(articles, "T", store=store)) == expected


def test_analyses_are_keyed_by_what_they_read(tmp_path):
    store = AnalysisStore(tmp_path / "store")
    article = next(a for a in demo() if a.published is not None)
    analyses, _ = analyse_all([article], store=store)
    assert store.get(article) is not None
    assert store.get(replace(article, body=article.body + " x")) is None
    assert store.get(replace(article, language="fr")) is None
    assert store.get(replace(article, published=None)) is None  # undated: read otherwise
    kept = store.get(replace(article, title="Another title"))  # the title is not read
    assert kept is not None and kept.article.title == "Another title"
