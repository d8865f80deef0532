"""A new user's story, end to end: from an empty folder, `timeline new`, `import`, `check`,
`build` and `serve` in the story folder with no further set-up, giving a titled site that
GitHub Pages can publish; and `timeline build --corpus DIR --title X` outside any story."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from pages_artifact import pages_tarball_modes
from story_kit import ARTICLE_IDS, RAW_TEXTS, TITLE, site_title_of

from timeline.cli import main

SERVE_DEADLINE = 120  # seconds for `timeline serve` to answer: a bound, not a measure


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty working folder under umask 022, as on a user's machine, with the raw texts
    one folder up."""
    for name, text in RAW_TEXTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    folder = tmp_path / "work"
    folder.mkdir()
    monkeypatch.chdir(folder)
    old = os.umask(0o022)
    try:
        yield folder
    finally:
        os.umask(old)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_new_story_from_an_empty_folder_to_a_publishable_site(
    capsys, workspace, monkeypatch, tmp_path
):
    code, out, _ = run(capsys, "new", "story", "--title", TITLE)
    assert code == 0 and "cd story" in out
    story = workspace / "story"
    monkeypatch.chdir(story)
    raw = [str(tmp_path / name) for name in RAW_TEXTS]
    assert run(capsys, "import", *raw)[0] == 0
    code, _, err = run(capsys, "check")
    assert code == 0 and "2 articles, 0 errors, 0 warnings" in err
    code, _, err = run(capsys, "build")
    assert code == 0, err
    assert "built-in configuration" not in err  # the story's own mkdocs.yml

    site = story / "site"
    assert site_title_of(site / "index.html") == TITLE
    assert site_title_of(site / "about" / "index.html") == TITLE
    for page in ("timeline", "timeline/newest", "sources", "disagreements", "undated",
                 "people", "exports", *(f"articles/{a}" for a in ARTICLE_IDS)):
        assert (site / page / "index.html").is_file(), page
    timeline = (site / "timeline" / "index.html").read_text(encoding="utf-8")
    assert "Shop owners near the old bridge protested" in timeline
    assert "3 November 2025" in timeline
    assert pages_tarball_modes(site, tmp_path / "artifact.tar") == (0o755, {0o755}, {0o644})
    # the story folder holds what `new` wrote, the articles and the site: nothing else
    assert sorted(p.name for p in story.iterdir()) == [
        ".github", ".gitignore", "README.md", "corpus", "docs", "mkdocs.yml", "site"]


def test_build_outside_a_story_folder_with_a_title(capsys, workspace, tmp_path):
    corpus = tmp_path / "articles"
    assert run(capsys, "import", *(str(tmp_path / n) for n in RAW_TEXTS), "--into",
               str(corpus))[0] == 0
    assert not (workspace / "mkdocs.yml").exists()
    code, _, err = run(capsys, "build", "--corpus", str(corpus), "--title", "Bridge watch")
    assert code == 0, err
    site = workspace / "site"
    assert site_title_of(site / "index.html") == "Bridge watch"
    assert all((site / "articles" / a / "index.html").is_file() for a in ARTICLE_IDS)
    assert pages_tarball_modes(site, tmp_path / "artifact.tar") == (0o755, {0o755}, {0o644})
    assert sorted(p.name for p in workspace.iterdir()) == ["site"]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_serve_works_in_a_new_story_folder(capsys, workspace, tmp_path):
    """`timeline serve` in its own process, as a user runs it; stopped by its handle."""
    assert run(capsys, "new", "story", "--title", TITLE)[0] == 0
    story = workspace / "story"
    assert run(capsys, "import", str(tmp_path / "vote.txt"), "--into",
               str(story / "corpus"))[0] == 0
    url = f"http://127.0.0.1:{_free_port()}/"
    server = subprocess.Popen(
        [sys.executable, "-m", "timeline.cli", "serve", "-a", url[7:-1]], cwd=story,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        page = _fetch(url, server)
    finally:
        server.terminate()
        server.wait(timeout=30)
    (tmp_path / "served.html").write_text(page, encoding="utf-8")
    assert site_title_of(tmp_path / "served.html") == TITLE


def _fetch(url: str, server: subprocess.Popen[bytes]) -> str:
    deadline = time.monotonic() + SERVE_DEADLINE
    while time.monotonic() < deadline:
        assert server.poll() is None, "timeline serve exited"
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return str(response.read().decode("utf-8"))
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f"timeline serve did not answer on {url}")
