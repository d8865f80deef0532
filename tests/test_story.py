"""A story folder (timeline/story.py): the files `timeline new` writes, the title and the
package spec in them, writing all or nothing, and where CI installs timeline from."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from timeline import story
from timeline.corpus import CorpusError
from timeline.story import (
    FILES,
    KEEP_CORPUS,
    SITE_FILES,
    Install,
    create_story,
    install_from,
    site_title,
    story_files,
    title_of_folder,
)

REPO = Path(__file__).resolve().parent.parent
RELEASE = "timeline==0.1.0"


def files(title: str = "Bridge story", package: str = RELEASE) -> dict[str, str]:
    return story_files(title, package)


def tree(root: Path) -> dict[str, bytes | None]:
    return {str(p.relative_to(root)): None if p.is_dir() else p.read_bytes()
            for p in sorted(root.rglob("*"))}


# --- the files ---------------------------------------------------------------------------


def test_every_template_file_is_rendered_without_tokens_left():
    rendered = files()
    assert set(rendered) == {target for _, target in FILES} | {KEEP_CORPUS}
    assert set(SITE_FILES) <= set(rendered)
    for path, text in rendered.items():
        assert not re.search(r"__[A-Z_]+__", text), path
    assert rendered[KEEP_CORPUS] == ""


def test_the_site_configuration_is_offline_strict_and_names_the_corpus():
    config = yaml.load(files()["mkdocs.yml"], Loader=yaml.Loader)  # MkDocs' !!python tags
    assert config["site_name"] == "Bridge story"
    assert config["theme"]["name"] == "material" and config["theme"]["font"] is False
    assert config["strict"] is True and config["extra"]["generator"] is False
    assert {"timeline": {"corpus": "corpus"}} in config["plugins"]
    assert set(config["validation"]["links"].values()) == {"warn"}
    pages = [next(iter(entry.values())) for entry in config["nav"]]
    written = {path.removeprefix("docs/") for path in files() if path.startswith("docs/")}
    assert written <= set(pages)  # every page written by hand is in the nav
    assert "http" not in files()["mkdocs.yml"].replace("# ", "")  # nothing from elsewhere


def test_the_workflow_builds_and_deploys_to_pages():
    workflow = yaml.safe_load(files(package="timeline @ git+https://example.org/t@abc")[
        ".github/workflows/site.yml"])
    assert workflow["env"]["TIMELINE_PACKAGE"] == "timeline @ git+https://example.org/t@abc"
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    runs = [step.get("run", "") for step in build["steps"]]
    assert 'python -m pip install "$TIMELINE_PACKAGE"' in runs
    assert runs.index("timeline check") < runs.index("timeline build")
    uses = [step.get("uses", "") for step in build["steps"] + deploy["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    upload = next(s for s in build["steps"] if "upload-pages-artifact" in s.get("uses", ""))
    assert upload["with"]["path"] == "site/"
    assert workflow["permissions"] == {"contents": "read"}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"
    assert "default_branch" in deploy["if"]


def test_gitignore_keeps_outputs_out_of_git():
    lines = files()[".gitignore"].splitlines()
    assert {"site/", "timeline.json", "__pycache__/"} <= set(lines)


def test_the_readme_gives_the_title_and_the_next_commands():
    readme = files(title="Bridge story")["README.md"]
    assert readme.startswith("# Bridge story\n")
    for command in ("timeline import", "timeline check", "timeline build", "timeline serve",
                    "Source: GitHub Actions"):
        assert command in readme


def test_package_data_ships_every_template_file():
    """setuptools globs package-data inside the package: each template file must match."""
    tomllib = pytest.importorskip("tomllib")  # Python 3.11 and later
    data = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    package = REPO / "timeline"
    shipped = {path for pattern in data["tool"]["setuptools"]["package-data"]["timeline"]
               for path in package.glob(pattern)}
    for source, _ in FILES:
        assert package / story.TEMPLATE / source in shipped, source


@given(st.text(min_size=1, max_size=80))
def test_any_fit_title_is_site_name_exactly(text):
    try:
        title = site_title(text)
    except ValueError:
        return
    config = yaml.safe_load(files(title=title)["mkdocs.yml"])
    assert config["site_name"] == title


@pytest.mark.parametrize("text", ["", "  ", "two\nlines", "a\u2028b", "a\x85b", "bell\x07",
                                  "lone \udcff byte", "<b>bold</b>"])
def test_unfit_titles_are_refused(text):
    with pytest.raises(ValueError):
        site_title(text)


@pytest.mark.parametrize(
    ("name", "title"),
    [("gaza-ceasefire", "Gaza ceasefire"), ("my_story 2025", "My story 2025"),
     ("élections", "Élections"), ("<x>", "Timeline")],
)
def test_title_of_a_folder(tmp_path, name, title):
    assert title_of_folder(tmp_path / name) == title


# --- writing all or nothing ----------------------------------------------------------------


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def test_a_new_folder_gets_every_file_with_the_umask_modes(tmp_path, umask_022):
    folder = tmp_path / "story"
    create_story(folder, files())
    assert {p for p in files()} == {str(p.relative_to(folder)) for p in folder.rglob("*")
                                    if p.is_file()}
    modes = {p.relative_to(folder): stat.S_IMODE(p.stat().st_mode) for p in folder.rglob("*")}
    assert {m for p, m in modes.items() if (folder / p).is_dir()} == {0o755}
    assert {m for p, m in modes.items() if (folder / p).is_file()} == {0o644}
    assert stat.S_IMODE(folder.stat().st_mode) == 0o755
    assert sorted(p.name for p in tmp_path.iterdir()) == ["story"]  # no staging left


def test_an_existing_folder_gets_the_files_beside_its_own(tmp_path):
    folder = tmp_path / "story"
    (folder / "corpus").mkdir(parents=True)
    (folder / "corpus" / "a.md").write_text("mine", encoding="utf-8")
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    create_story(folder, files())
    assert (folder / "corpus" / "a.md").read_text(encoding="utf-8") == "mine"
    assert (folder / "mkdocs.yml").is_file() and (folder / KEEP_CORPUS).is_file()
    assert not [p for p in folder.iterdir() if p.name.startswith(".timeline-new-")]


@pytest.mark.parametrize("mine", ["mkdocs.yml", "docs/about.md", ".gitignore", "docs"])
def test_a_folder_holding_one_of_the_files_is_refused_untouched(tmp_path, mine):
    folder = tmp_path / "story"
    (folder / mine).parent.mkdir(parents=True, exist_ok=True)
    (folder / mine).write_text("mine", encoding="utf-8")
    before = tree(tmp_path)
    with pytest.raises(CorpusError, match=f"there already: {re.escape(mine)} "):
        create_story(folder, files())
    assert tree(tmp_path) == before


def test_a_missing_parent_or_a_file_in_the_way_is_refused(tmp_path):
    with pytest.raises(CorpusError, match="no such folder"):
        create_story(tmp_path / "missing" / "story", files())
    (tmp_path / "story").write_text("a file", encoding="utf-8")
    with pytest.raises(CorpusError, match="not a folder"):
        create_story(tmp_path / "story", files())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["story"]


@pytest.mark.parametrize("exists", [False, True])
def test_a_failed_move_leaves_nothing_written(tmp_path, monkeypatch, exists):
    folder = tmp_path / "story"
    if exists:
        (folder / "notes").mkdir(parents=True)
    before = tree(tmp_path)
    real, calls = os.rename, []

    def rename(source, target):
        calls.append(target)
        if len(calls) == 3 or not exists:
            raise OSError(28, "No space left on device")
        real(source, target)

    monkeypatch.setattr(story.os, "rename", rename)
    with pytest.raises(OSError):
        create_story(folder, files())
    assert tree(tmp_path) == before


# --- where CI installs timeline from --------------------------------------------------------


@pytest.mark.parametrize(
    ("origin", "spec", "noted"),
    [
        ({"url": "file:///home/me/timeline", "dir_info": {"editable": True}}, RELEASE, True),
        ({"url": "https://github.com/me/timeline.git",
          "vcs_info": {"vcs": "git", "commit_id": "abc123"}},
         "timeline @ git+https://github.com/me/timeline.git@abc123", False),
        ({"url": "https://me:s3cret@github.com/me/timeline.git",
          "vcs_info": {"vcs": "git", "commit_id": "abc123"}},
         "timeline @ git+https://github.com/me/timeline.git@abc123", True),
        ({"url": "https://example.org/timeline-0.1.0-py3-none-any.whl", "archive_info": {}},
         "timeline @ https://example.org/timeline-0.1.0-py3-none-any.whl", False),
        ({"url": "https://example.org/x"}, RELEASE, True),
        ({}, RELEASE, True),
    ],
)
def test_the_install_spec_is_where_ci_can_get_timeline(origin, spec, noted):
    found = install_from(origin, RELEASE)
    assert found.spec == spec and (found.note is not None) == noted
    assert "s3cret" not in found.spec + (found.note or "")


def test_this_install_gives_a_spec():
    found = story.current_install()
    assert isinstance(found, Install) and found.spec.startswith("timeline")
