"""A story folder: what `timeline new` writes, and the configuration `timeline build` uses
outside one.

The files are templates in `timeline/templates/story/`, named without leading dots so that
package data includes them; `FILES` says where each goes in a story folder. A template
holds tokens (`__TITLE__`, `__YAML_TITLE__`, `__YAML_PACKAGE__`) that `story_files`
replaces: the YAML ones with a YAML scalar, so no title can break mkdocs.yml.

A story is written whole or not at all: into a staging folder first, then moved into
place; a folder that already holds one of its files is refused, touching nothing.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sys
import tempfile
import unicodedata
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import yaml

from timeline import __version__
from timeline.corpus import CorpusError, shown
from timeline.outputs import staging_folder

TEMPLATE = "templates/story"
# template file in the package -> its place in a story folder
FILES = (
    ("mkdocs.yml", "mkdocs.yml"),
    ("docs/about.md", "docs/about.md"),
    ("README.md", "README.md"),
    ("gitignore", ".gitignore"),
    ("workflow.yml", ".github/workflows/site.yml"),
)
# git keeps no empty folder: an empty hidden file (the corpus skips it) keeps corpus/
KEEP_CORPUS = "corpus/.gitkeep"
# what a site build reads: the built-in configuration used outside a story folder
SITE_FILES = ("mkdocs.yml", "docs/about.md")
CONFIG = "mkdocs.yml"
WORKFLOW = ".github/workflows/site.yml"
DISTRIBUTION = "timeline"
# Characters that would take a title off its one line in mkdocs.yml, or that cannot be
# written as UTF-8 (a lone surrogate stands for an undecodable byte in an argument).
UNFIT_CATEGORIES = frozenset({"Cc", "Cs", "Zl", "Zp"})


# --- what goes in it --------------------------------------------------------------------------


def one_line(text: str) -> str:
    """A title or a package spec, stripped; ValueError when it is empty or not one line."""
    line = text.strip()
    if not line:
        raise ValueError("it is empty")
    if any(unicodedata.category(ch) in UNFIT_CATEGORIES for ch in line):
        raise ValueError(f"give one line of text, not {shown(line)!r}")
    return line


def site_title(text: str) -> str:
    """A site's title: one line, and no '<' (MkDocs themes write `site_name` into the
    page as HTML, so '<b>' would be markup); ValueError otherwise."""
    title = one_line(text)
    if "<" in title:
        raise ValueError(f"a site's title cannot hold '<' (MkDocs themes show it as HTML): "
                         f"{shown(title)!r}")
    return title


def title_of_folder(folder: Path) -> str:
    """A title from a folder's name: `gaza-ceasefire` -> `Gaza ceasefire`."""
    words = folder.resolve().name.replace("-", " ").replace("_", " ").split()
    title = " ".join(words)
    try:
        return site_title(title[:1].upper() + title[1:])
    except ValueError:
        return "Timeline"


def story_files(title: str, package: str) -> dict[str, str]:
    """Each file of a new story, by its path in the story folder, as text."""
    tokens = {
        "__YAML_TITLE__": _yaml_scalar(title),
        "__YAML_PACKAGE__": _yaml_scalar(package),
        "__TITLE__": title,
    }
    files = {}
    for source, target in FILES:
        text = resources.files("timeline").joinpath(TEMPLATE, source).read_text("utf-8")
        for token, value in tokens.items():
            text = text.replace(token, value)
        files[target] = text
    files[KEEP_CORPUS] = ""
    return files


def _yaml_scalar(text: str) -> str:
    """`text` as one YAML scalar (quoted when it needs to be), on one line."""
    line = yaml.safe_dump({"k": text}, allow_unicode=True, width=sys.maxsize)
    return line.removeprefix("k: ").rstrip("\n")


# --- where CI installs timeline from ----------------------------------------------------------


@dataclass(frozen=True)
class Install:
    """What `pip install` takes in CI (`spec`), and why it may not work there (`note`)."""

    spec: str
    note: str | None = None


def current_install() -> Install:
    """Where this copy of timeline came from, when another machine can reach it (PEP 610's
    direct_url.json); else this version's release."""
    release = f"{DISTRIBUTION}=={__version__}"
    try:
        text = metadata.distribution(DISTRIBUTION).read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        text = None
    if not text:  # from a package index (or not installed at all)
        return Install(release)
    try:
        origin = json.loads(text)
    except ValueError:
        return Install(release)
    return install_from(origin, release) if isinstance(origin, dict) else Install(release)


def install_from(origin: dict[str, object], release: str) -> Install:
    """The pip spec for an install described by a PEP 610 record."""
    url = origin.get("url")
    parts = urlsplit(url if isinstance(url, str) else "")
    if parts.scheme in ("", "file"):
        return Install(release, f"this timeline was installed from {shown(url or 'here')}, "
                       "which CI cannot reach")
    public, note = _without_credentials(urlunsplit(parts))
    vcs = origin.get("vcs_info")
    if isinstance(vcs, dict) and vcs.get("vcs") and vcs.get("commit_id"):
        return Install(f"{DISTRIBUTION} @ {vcs['vcs']}+{public}@{vcs['commit_id']}", note)
    if "archive_info" in origin:
        return Install(f"{DISTRIBUTION} @ {public}", note)
    return Install(release, f"this timeline was installed from {shown(public)} in a way "
                   "this command does not know")


def _without_credentials(url: str) -> tuple[str, str | None]:
    """The URL with any password or token left out: it would be committed with the story."""
    split = urlsplit(url)
    if split.password is None and (split.scheme == "ssh" or split.username is None):
        return urlunsplit(split), None
    host = split.hostname or ""
    netloc = f"{host}:{split.port}" if split.port else host
    public = urlunsplit(split._replace(netloc=netloc))
    return public, "the credentials in the URL timeline was installed from are left out"


# --- writing it -----------------------------------------------------------------------------


def create_story(folder: Path, files: dict[str, str]) -> None:
    """Write the files into `folder` (created when missing), all or none: a folder that
    holds one of them already is refused (CorpusError), nothing written."""
    _check_free(folder, files)
    if folder.exists():
        _move_into(folder, files)
    else:
        _create(folder, files)


def write_site_config(folder: Path, title: str) -> Path:
    """The built-in site configuration with `title`, written into an existing empty
    folder (for a build outside a story folder); returns its mkdocs.yml."""
    files = story_files(title, f"{DISTRIBUTION}=={__version__}")
    _write_all(folder, {path: files[path] for path in SITE_FILES})
    return folder / CONFIG


def _check_free(folder: Path, files: dict[str, str]) -> None:
    if not folder.parent.is_dir():
        raise CorpusError(folder.parent, "no such folder")
    if folder.exists() and not folder.is_dir():
        raise CorpusError(folder, "refusing to write: it exists and is not a folder")
    taken = sorted({found for path in files if (found := _taken(folder, path))})
    if taken:
        raise CorpusError(folder, f"refusing to overwrite what is there already: "
                          f"{', '.join(taken)} (choose a new folder, or move them aside); "
                          "nothing written")


def _taken(folder: Path, path: str) -> str | None:
    """`path`, or the first folder of it, when something is in its way."""
    target = folder / path
    for parent in reversed(target.relative_to(folder).parents[:-1]):
        place = folder / parent
        if place.is_symlink() or (place.exists() and not place.is_dir()):
            return str(parent)
    if target.exists() or target.is_symlink():
        return path
    return None


def _write_all(root: Path, files: dict[str, str]) -> None:
    for path, text in files.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)  # modes from the umask
        target.write_text(text, encoding="utf-8", newline="\n")


def _create(folder: Path, files: dict[str, str]) -> None:
    """A new folder: staged beside it and renamed into place, whole."""
    staging = staging_folder(folder)  # with the umask's mode, as the folder should be
    try:
        _write_all(staging, files)
        os.rename(staging, folder)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _move_into(folder: Path, files: dict[str, str]) -> None:
    """An existing folder: staged inside it, then each file moved into place; a failure
    takes back the files and folders moved or made so far."""
    staging = Path(tempfile.mkdtemp(prefix=".timeline-new-", dir=folder))
    made: list[Path] = []
    try:
        _write_all(staging, files)
        for path in files:
            target = folder / path
            for parent in reversed(target.relative_to(folder).parents[:-1]):
                if not (folder / parent).exists():
                    (folder / parent).mkdir()
                    made.append(folder / parent)
            if target.exists():  # appeared since the check: never replaced
                raise CorpusError(target, "refusing to overwrite: it appeared meanwhile")
            os.rename(staging / path, target)
            made.append(target)
    except BaseException:
        for done in reversed(made):
            with contextlib.suppress(OSError):  # a folder someone filled meanwhile stays
                if done.is_dir():
                    done.rmdir()
                else:
                    done.unlink()
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
