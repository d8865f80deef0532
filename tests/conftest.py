"""Shared, generic fixtures: the repository root, the seed folder, a corpus factory."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

REPO_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True, scope="session")
def _analysis_store(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Tests keep stored analyses in a folder of their own, never the user's cache."""
    import os

    os.environ["TIMELINE_CACHE_DIR"] = str(tmp_path_factory.mktemp("analyses"))


@pytest.fixture
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture
def seeds_dir() -> Path:
    """The raw demo articles beside the checkout (../shared/seeds); skip when absent."""
    folder = REPO_ROOT.parent / "shared" / "seeds"
    if not any(folder.glob("*.txt")):
        pytest.skip(f"seed articles not available at {folder}")
    return folder


@dataclass
class CorpusFactory:
    """Writes corpus files into `root`: `article()` from front matter fields, `raw()` verbatim."""

    root: Path

    def article(
        self, name: str, body: str = "On Monday the council met.\n", **front: object
    ) -> Path:
        front = {"title": name.replace("-", " ").title(), **front}
        text = "---\n" + yaml.safe_dump(front, sort_keys=False, allow_unicode=True) + "---\n" + body
        return self.raw(f"{name}.md", text)

    def raw(self, filename: str, content: str | bytes) -> Path:
        path = self.root / filename
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", newline="\n")
        return path


@pytest.fixture
def make_corpus(tmp_path: Path) -> CorpusFactory:
    """An empty corpus folder (tmp_path/corpus, created on first write) and its writer."""
    return CorpusFactory(tmp_path / "corpus")
