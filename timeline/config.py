"""Settings in one place: defaults for the commands, the plugin and the pipeline."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DEFAULT_CORPUS = Path("corpus")
DEFAULT_SITE_DIR = Path("site")
DEFAULT_JSON = Path("timeline.json")
DEFAULT_LANGUAGE = "en"
CORPUS_SUFFIXES = (".md", ".markdown")


@dataclass(frozen=True)
class Settings:
    """What a run of the pipeline needs to know beyond the corpus itself."""

    corpus: Path = DEFAULT_CORPUS
    language: str = DEFAULT_LANGUAGE
    title: str = "Timeline"
