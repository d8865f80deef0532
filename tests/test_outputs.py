"""Where outputs may go and how they are written: `--site-dir`, `-o`, `--into` and `--out`
refuse what the user owns (the project, corpus and docs folders, a folder above them, a
file or folder the tool did not make) with a message and nothing touched; a killed build's
leftovers are removed by the next one; two writers of one output do not race; files and
folders follow the umask, so the CI-built site can be published as a Pages artifact."""

from __future__ import annotations

import os
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from pages_artifact import pages_tarball_modes

from timeline import outputs
from timeline.cli import main
from timeline.outputs import SITE_MARKER, output_lock

ARTICLE = ("---\ntitle: Council meets\npublished: 2025-10-17\n---\n"
           "The council met on Monday. It will vote next week.\n")
TIMEML = ('<?xml version="1.0" ?>\n<TimeML>\n<DCT><TIMEX3 tid="t0" type="DATE" '
          'value="2025-10-17">2025-10-17</TIMEX3></DCT>\n<TEXT>The council met on Monday.'
          '</TEXT>\n</TimeML>\n')


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A story folder, the working folder of the commands: mkdocs.yml, docs/, corpus/."""
    root = tmp_path / "story"
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (root / "corpus").mkdir()
    (root / "corpus" / "council.md").write_text(ARTICLE, encoding="utf-8")
    (root / "keep.yml").write_text("mine: true\n", encoding="utf-8")
    (root / "README.md").write_text("My notes.\n", encoding="utf-8")
    config = {"site_name": "Story", "theme": {"name": "material", "font": False},
              "plugins": [{"timeline": {"corpus": "corpus"}}]}
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    monkeypatch.chdir(root)
    return root


def tree(root: Path) -> dict[str, bytes | None]:
    """Every path below root with its bytes (None for a folder)."""
    return {str(p.relative_to(root)): None if p.is_dir() else p.read_bytes()
            for p in sorted(root.rglob("*"))}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().err


# --- refusals ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("site_dir", "fragment"),
    [
        (".", "this is the working folder"),
        ("corpus", "this is the corpus folder"),
        ("docs", "this is the docs folder"),
        ("..", "this folder holds the working folder"),
        ("/", "this folder holds"),
        ("mkdocs.yml", "this is the MkDocs configuration"),
        ("keep.yml", "it exists and is not a folder"),
        ("corpus/site", "refusing to write inside"),
    ],
)
def test_site_dir_refuses_what_the_user_owns(project, capsys, site_dir, fragment):
    before = tree(project.parent)
    code, err = run(capsys, "build", "--site-dir", site_dir)
    assert code == 1 and fragment in err and "Traceback" not in err
    assert tree(project.parent) == before


def test_site_dir_refuses_a_folder_the_tool_did_not_build(project, capsys):
    mine = project / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep me\n", encoding="utf-8")
    before = tree(project.parent)
    code, err = run(capsys, "build", "--site-dir", "mine")
    assert code == 1 and f"no {SITE_MARKER} marker" in err
    assert tree(project.parent) == before


def test_site_dir_takes_an_empty_folder_then_replaces_its_own_site(project, capsys):
    (project / "site").mkdir()
    assert run(capsys, "build")[0] == 0
    assert (project / "site" / SITE_MARKER).is_file()
    (project / "site" / "stale.html").write_text("old\n", encoding="utf-8")
    assert run(capsys, "build")[0] == 0
    assert not (project / "site" / "stale.html").exists()
    assert sorted(p.name for p in project.iterdir()) == [
        "README.md", "corpus", "docs", "keep.yml", "mkdocs.yml", "site"]


@pytest.mark.parametrize("command", [["extract"], ["export", "--format", "csv"]])
@pytest.mark.parametrize(
    ("output", "fragment"),
    [
        (".", "this is the working folder"),
        ("corpus", "this is the corpus folder"),
        ("docs", "this is the docs folder"),
        ("..", "this folder holds"),
        ("mkdocs.yml", "this is the MkDocs configuration"),
        ("README.md", "exists and is not a timeline export"),
        ("corpus/timeline.json", "refusing to write inside"),
        ("docs/timeline.json", "refusing to write inside"),
    ],
)
def test_output_files_refuse_what_the_user_owns(project, capsys, command, output, fragment):
    before = tree(project.parent)
    code, err = run(capsys, *command, "-o", output)
    assert code == 1 and fragment in err and "Traceback" not in err
    assert tree(project.parent) == before


def test_an_output_file_replaces_an_earlier_export_of_any_kind(project, capsys):
    for kind in ("json", "timelinejs", "ics", "csv"):
        assert run(capsys, "export", "--format", kind, "-o", "out")[0] == 0
    assert run(capsys, "extract", "-o", "out")[0] == 0
    assert (project / "out").read_text(encoding="utf-8").startswith('{\n  "schema_version"')


@pytest.mark.parametrize("into", [".", "docs", "..", "mkdocs.yml"])
def test_import_refuses_the_project_docs_and_folders_above(project, tmp_path, capsys, into):
    raw = tmp_path / "raw.txt"
    raw.write_text("Council meets\nThe council met on Monday.\n", encoding="utf-8")
    before = tree(project.parent)
    code, err = run(capsys, "import", str(raw), "--into", into)
    assert code == 1 and "refusing to write" in err
    assert tree(project.parent) == before


def test_timeml_refuses_to_write_over_its_inputs(project, tmp_path, capsys):
    data = tmp_path / "tml"
    data.mkdir()
    (data / "doc.tml").write_text(TIMEML, encoding="utf-8")
    before = tree(tmp_path)
    assert main(["timeml", str(data / "doc.tml"), "--out", str(data)]) == 1
    assert "would replace the inputs" in capsys.readouterr().err
    assert main(["timeml", str(data / "doc.tml"), "--out", "."]) == 1
    assert "working folder" in capsys.readouterr().err
    assert tree(tmp_path) == before
    assert main(["timeml", str(data / "doc.tml"), "--out", str(tmp_path / "out")]) == 0


# --- leftovers and races -------------------------------------------------------------------


def test_a_killed_builds_leftovers_are_removed_by_the_next(project, capsys):
    staging = project / ".site.build-k1ll3d"
    (staging / "assets").mkdir(parents=True)
    (staging / "assets" / "big.bin").write_bytes(b"\0" * 100_000)
    (project / ".site.old-k1ll3d" / "site").mkdir(parents=True)
    (project / ".site.lock").write_text("PID 999999\n", encoding="ascii")  # its holder died
    (project / ".timeline.json.x1y2.tmp").write_text("half", encoding="utf-8")
    assert run(capsys, "build")[0] == 0
    assert run(capsys, "extract")[0] == 0
    assert sorted(p.name for p in project.iterdir()) == [
        "README.md", "corpus", "docs", "keep.yml", "mkdocs.yml", "site", "timeline.json"]


def test_a_second_build_of_one_site_fails_cleanly_while_the_first_runs(project, capsys):
    assert run(capsys, "build")[0] == 0
    before = tree(project / "site")
    with output_lock(project / "site"):  # as a build in another process holds it
        code, err = run(capsys, "build")
        assert code == 1 and "another timeline run (PID" in err and "try again" in err
        assert tree(project / "site") == before
    assert run(capsys, "build")[0] == 0


def test_concurrent_builds_in_two_processes(project):
    """Two `timeline build` at once: each either builds or says another run holds the
    lock; the site is whole afterwards and nothing is left beside it."""
    import sys

    runs = [subprocess.Popen([sys.executable, "-m", "timeline.cli", "build"], cwd=project,
                             stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [(p.wait(timeout=300), p.stderr.read() if p.stderr else "") for p in runs]
    assert any(code == 0 for code, _ in results)
    for code, err in results:
        assert code == 0 or "another timeline run" in err, err
    assert (project / "site" / "index.html").is_file()
    assert not [p for p in project.iterdir() if p.name.startswith(".site.")]


def test_a_failed_move_puts_the_old_site_back_and_leaves_nothing(project, capsys, monkeypatch):
    assert run(capsys, "build")[0] == 0
    before = tree(project / "site")
    real_replace = os.replace

    def replace(src, dst):
        if ".site.build-" in str(src):  # the new site into place
            raise OSError(28, "No space left on device", str(dst))
        return real_replace(src, dst)

    monkeypatch.setattr(outputs.os, "replace", replace)
    code, err = run(capsys, "build")
    assert code == 1 and "No space left on device" in err
    assert tree(project / "site") == before
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".")) == []


# --- modes: the umask, not mkstemp's 0600 and mkdtemp's 0700 -------------------------------


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def modes(paths: list[Path]) -> set[int]:
    return {stat.S_IMODE(p.stat().st_mode) for p in paths}


def test_a_built_site_makes_a_publishable_pages_tarball(project, capsys, tmp_path, umask_022):
    """What actions/upload-pages-artifact does: tar the site folder. GitHub documents a
    root or entry without read permission for others as a deployment error."""
    assert run(capsys, "build")[0] == 0
    root, folders, files = pages_tarball_modes(project / "site", tmp_path / "artifact.tar")
    assert (root, folders, files) == (0o755, {0o755}, {0o644})


def test_written_files_follow_the_umask(project, capsys, tmp_path, umask_022):
    raw = tmp_path / "raw.txt"
    raw.write_text("Bridge closes\nThe bridge closed on Tuesday.\n", encoding="utf-8")
    assert run(capsys, "extract", "-o", "timeline.json")[0] == 0
    assert run(capsys, "export", "--format", "ics", "-o", "story.ics")[0] == 0
    assert run(capsys, "import", str(raw), "--into", "corpus")[0] == 0
    assert run(capsys, "import", str(raw), "--into", str(tmp_path / "new-corpus"))[0] == 0
    written = [project / "timeline.json", project / "story.ics",
               project / "corpus" / "bridge-closes.md",
               tmp_path / "new-corpus" / "bridge-closes.md"]
    assert modes(written) == {0o644}
    assert modes([tmp_path / "new-corpus"]) == {0o755}
    os.umask(0o077)
    assert run(capsys, "extract", "-o", "private.json")[0] == 0
    assert modes([project / "private.json"]) == {0o600}
