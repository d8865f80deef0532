"""Fuzz the corpus loader, the importer, the resolver and the whole pipeline for a while.

The strategies and targets are the ones tests/test_fuzz.py runs briefly in CI
(tests/fuzzing.py). Each target runs in rounds of hypothesis examples until the time is
up. A crash is any exception a target does not document; crashes are grouped by their
signature (exception type and the innermost frame in `timeline/`), and the first of each
is shrunk by hypothesis to a minimal example, which is printed with the traceback's last
frames. Known crashes are counted, not shrunk again, so a run keeps looking for new ones.

Usage: python bench/fuzz.py [MINUTES] [--targets NAME ...] [--seed N]
Exit code 1 when any crash was found.
"""

from __future__ import annotations

import argparse
import functools
import random
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from fuzzing import FOLDER_TARGETS, TARGETS  # noqa: E402

ROUND_EXAMPLES = 200


@dataclass
class Crash:
    signature: str
    count: int = 0
    example: Any = None
    trace: str = ""


@dataclass
class Tally:
    tried: dict[str, int] = field(default_factory=dict)
    crashes: dict[str, Crash] = field(default_factory=dict)


def signature(exc: BaseException) -> str:
    """The exception type and the innermost frame in the package, so one defect counts
    once however many inputs reach it."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if "/timeline/" in f.filename]
    where = f"{Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else "?"
    return f"{type(exc).__name__} at {where}"


def run_round(name: str, strategy: st.SearchStrategy[Any], target: Callable[[Any], None],
              tally: Tally, round_seed: int) -> None:
    """One batch of examples; a new crash is shrunk and recorded, known ones counted."""
    last: dict[str, Any] = {}

    @seed(round_seed)
    @settings(max_examples=ROUND_EXAMPLES, deadline=None, database=None,
              suppress_health_check=list(HealthCheck), phases=[Phase.generate, Phase.shrink],
              report_multiple_bugs=False)
    @given(strategy)
    def probe(case: Any) -> None:
        tally.tried[name] = tally.tried.get(name, 0) + 1
        try:
            target(case)
        except Exception as exc:
            sig = f"{name}: {signature(exc)}"
            if sig in tally.crashes:
                tally.crashes[sig].count += 1
                return
            last[sig] = (case, "".join(traceback.format_exception(exc)[-6:]))
            raise

    try:
        probe()
    except Exception as exc:  # hypothesis re-raises the shrunk failure
        sig = f"{name}: {signature(exc)}"
        case, trace = last.get(sig, (None, "".join(traceback.format_exception(exc)[-6:])))
        tally.crashes[sig] = Crash(sig, 1, case, trace)
        print(f"  new crash: {sig}", flush=True)


def _in_folder(target: Callable[[Any, Path], None], folder: Path, case: Any) -> None:
    target(case, folder)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("minutes", type=float, nargs="?", default=1.0)
    names = [*TARGETS, *FOLDER_TARGETS]
    parser.add_argument("--targets", nargs="+", choices=names, default=names)
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    tally = Tally()
    deadline = time.monotonic() + args.minutes * 60
    with tempfile.TemporaryDirectory() as tmp:
        targets = {n: t for n, t in TARGETS.items() if n in args.targets}
        for name, (strategy, target) in FOLDER_TARGETS.items():
            if name in args.targets:
                folder = Path(tmp) / name
                folder.mkdir()
                targets[name] = (strategy, functools.partial(_in_folder, target, folder))
        while time.monotonic() < deadline:
            for name, (strategy, target) in targets.items():
                if time.monotonic() >= deadline:
                    break
                run_round(name, strategy, target, tally, rng.randrange(2**32))
            tried = sum(tally.tried.values())
            print(f"{tried} cases tried, {len(tally.crashes)} distinct crashes", flush=True)
    report(tally, args.minutes)
    return 1 if tally.crashes else 0


def report(tally: Tally, minutes: float) -> None:
    print(f"\n== fuzz: {minutes:g} min")
    for name, count in tally.tried.items():
        crashes = sum(c.count for c in tally.crashes.values() if c.signature.startswith(name))
        print(f"{name:<16} {count:>8} cases tried  {crashes:>6} crashing")
    total = sum(tally.tried.values())
    crashing = sum(c.count for c in tally.crashes.values())
    print(f"{'ALL':<16} {total:>8} cases tried  {crashing:>6} crashing, "
          f"{len(tally.crashes)} distinct")
    for crash in tally.crashes.values():
        print(f"\n-- {crash.signature} ({crash.count} cases); minimal example:\n"
              f"{crash.example!r}\n{crash.trace}")


if __name__ == "__main__":
    sys.exit(main())
