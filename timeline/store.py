"""Analyses kept on disk between runs, so `serve` and a re-run after editing one article
of a thousand read only what changed.

An analysis depends on the article's id, language, body and whether it is dated, and on
the code and language data that made it: the key is a digest of all of those (the code
digest covers every source and data file of the package, so a changed rule never meets
an old analysis). Each entry is written atomically, with a digest of its payload; a
missing, stale, truncated or corrupt entry is recomputed, never trusted.

Entries are pickles, which can run code when read: the store lives in the user's cache
folder (`$XDG_CACHE_HOME/timeline`, else `~/.cache/timeline`, or `--cache-dir`), never
in the project or corpus folder, so a story folder received from someone else cannot
plant one.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import time
from dataclasses import replace
from functools import cache
from importlib import resources
from pathlib import Path

from timeline.analysis import Analysis
from timeline.model import Article

_MAGIC = b"timeline-analysis\n"
_DIGEST = hashlib.sha256().digest_size
_STALE_DAYS = 30  # folders of other code versions unused this long are removed


def default_folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "timeline"


@cache
def code_digest() -> str:
    """A digest of every source and data file of the package."""
    digest = hashlib.sha256()
    root = resources.files("timeline")
    for path in sorted(_files(Path(str(root))), key=lambda p: p.as_posix()):
        digest.update(path.relative_to(Path(str(root))).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _files(folder: Path) -> list[Path]:
    return [
        p
        for p in folder.rglob("*")
        if p.is_file() and p.suffix in (".py", ".yaml", ".json") and "__pycache__" not in p.parts
    ]


def article_key(article: Article) -> str:
    """What an analysis of the article depends on, as a digest."""
    digest = hashlib.sha256()
    for part in (article.id, article.language, str(article.published_day is None), article.body):
        data = part.encode("utf-8", "surrogatepass")
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


class AnalysisStore:
    """Analyses on disk under `folder`, one file per article content."""

    def __init__(self, folder: Path | None = None):
        self.root = folder or default_folder()
        self.folder = self.root / "analyses" / code_digest()[:20]

    def _path(self, article: Article) -> Path:
        key = article_key(article)
        return self.folder / key[:2] / f"{key}.pickle"

    def get(self, article: Article) -> Analysis | None:
        """The stored analysis of the article, if a sound one is there."""
        try:
            data = self._path(article).read_bytes()
        except OSError:
            return None
        payload = _verified(data)
        if payload is None:
            return None
        try:
            analysis = pickle.loads(payload)
        except Exception:  # a corrupt entry is recomputed
            return None
        if not isinstance(analysis, Analysis) or analysis.article.id != article.id:
            return None
        # the key covers what the analysis read; the rest of the front matter is today's
        return replace(analysis, article=article)

    def put(self, article: Article, analysis: Analysis) -> None:
        """Keep the analysis; a store that cannot be written is only a slower run."""
        path = self._path(article)
        payload = pickle.dumps(analysis, protocol=pickle.HIGHEST_PROTOCOL)
        data = _MAGIC + hashlib.sha256(payload).digest() + payload
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            tmp.write_bytes(data)
            os.replace(tmp, path)
        except OSError:
            return

    def prune(self) -> None:
        """Remove the stores of other code versions not used for a while."""
        parent = self.folder.parent
        if not parent.is_dir():
            return
        if self.folder.is_dir():
            os.utime(self.folder)  # in use
        limit = time.time() - _STALE_DAYS * 86400
        for other in parent.iterdir():
            if other != self.folder and other.is_dir() and other.stat().st_mtime < limit:
                shutil.rmtree(other, ignore_errors=True)


def _verified(data: bytes) -> bytes | None:
    if not data.startswith(_MAGIC):
        return None
    head = len(_MAGIC)
    digest, payload = data[head : head + _DIGEST], data[head + _DIGEST :]
    return payload if hashlib.sha256(payload).digest() == digest else None
