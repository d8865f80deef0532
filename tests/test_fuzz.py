"""The fuzz suite in CI: every target of tests/fuzzing.py under hypothesis, bounded by the
`fuzz-ci` settings profile (a few seconds each; TIMELINE_FUZZ_PROFILE=fuzz-deep for a
longer run, bench/fuzz.py for minutes). A target fails on any exception it does not
document: the corpus loader and the importer report problems, the resolver, the pipeline
and the exports never raise."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import pytest
from fuzzing import FOLDER_TARGETS, TARGETS
from hypothesis import given, settings

PROFILE = settings.get_profile(os.environ.get("TIMELINE_FUZZ_PROFILE", "fuzz-ci"))


@pytest.mark.parametrize("name", sorted(TARGETS))
def test_fuzz(name: str) -> None:
    strategy, target = TARGETS[name]

    @settings(PROFILE)
    @given(strategy)
    def probe(case: Any) -> None:
        target(case)

    probe()


@pytest.mark.parametrize("name", sorted(FOLDER_TARGETS))
def test_fuzz_through_the_file_system(name: str) -> None:
    strategy, target = FOLDER_TARGETS[name]
    with tempfile.TemporaryDirectory() as tmp:

        @settings(PROFILE)
        @given(strategy)
        def probe(case: Any) -> None:
            target(case, Path(tmp))

        probe()
