"""Writing outputs without harm: where an output may go, how it is written, and what a
killed or concurrent run leaves behind.

- `Project` names what no output may replace: the project folder (where mkdocs.yml is),
  its docs folder, the corpus, the working folder, and any folder above one of them.
  `check_site_dir`, `check_output_file` and `check_output_folder` refuse those, and what
  is not the tool's own: a site folder is replaced only when empty or holding the marker
  file `SITE_MARKER` that every build writes; an output file only when it is empty or an
  export this tool wrote.
- `write_atomic` writes a file beside its target and moves it into place; files and
  folders get the modes the user's umask gives (mkstemp and mkdtemp make them private).
- `output_lock` holds `.NAME.lock` beside an output while it is written: a second writer
  fails with a message instead of racing, and the first thing a writer does once the lock
  is its own is to remove what a killed writer left beside the output (staging folders,
  temporary files), since no live writer can own them.

Refusals are CorpusErrors naming the path, so the command prints one line and exits 1.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from timeline.corpus import CorpusError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no lock, the other checks still hold
    fcntl = None  # type: ignore[assignment]

SITE_MARKER = ".timeline-site"
MARKER_TEXT = "Built by `timeline build`; the next build replaces this folder.\n"
# The first bytes of what `extract` and `export` write: such a file may be replaced.
EXPORT_HEADS = (
    b'{\n  "schema_version":',  # timeline.json
    b'{\n  "title": {\n    "text": {',  # TimelineJS
    b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//timeline//",  # iCalendar
    b"id,date,start,end,label,status,summary,",  # CSV
)


# --- what must not be replaced --------------------------------------------------------------


@dataclass(frozen=True)
class Project:
    """Folders and files an output must never replace, with what each is (for messages)."""

    protected: tuple[tuple[Path, str], ...]
    inputs: tuple[Path, ...] = ()  # folders whose files an output must not land in

    @classmethod
    def around(cls, config_file: Path | None, corpus: Path | None) -> Project:
        """The project of a command: the folder of its mkdocs.yml (when there is one), that
        file and its docs folder, the corpus, and the working folder."""
        protected: list[tuple[Path, str]] = [(Path.cwd().resolve(), "the working folder")]
        inputs: list[Path] = []
        if config_file is not None and config_file.is_file():
            config = config_file.resolve()
            protected += [(config.parent, "the project folder (where mkdocs.yml is)"),
                          (config, "the MkDocs configuration"),
                          (config.parent / _docs_dir(config), "the docs folder")]
            inputs.append(config.parent / _docs_dir(config))
        if corpus is not None:
            protected.append((corpus.resolve(), "the corpus folder"))
            inputs.append(corpus.resolve())
        return cls(tuple(protected), tuple(inputs))

    def refuse(self, target: Path, inside_inputs: bool = True) -> None:
        """CorpusError if `target` is a protected path, holds one, or (with
        `inside_inputs`) lies inside the corpus or the docs folder."""
        for path, what in self.protected:
            if target == path:
                raise CorpusError(target, f"refusing to write here: this is {what}")
            if path.is_relative_to(target):
                raise CorpusError(target, f"refusing to write here: this folder holds {what}"
                                  f" ({path})")
        if inside_inputs:
            for folder in self.inputs:
                if target.is_relative_to(folder):
                    raise CorpusError(target, f"refusing to write inside {folder}: outputs do "
                                      "not go among the articles or the docs")


def _docs_dir(config: Path) -> str:
    """The `docs_dir` of an mkdocs.yml (MkDocs' own default when unset or unreadable)."""
    from mkdocs.utils.yaml import yaml_load

    try:
        with config.open(encoding="utf-8") as handle:
            loaded = yaml_load(handle)
    except Exception:  # an unreadable config is MkDocs' to report; keep the default
        return "docs"
    value = loaded.get("docs_dir") if isinstance(loaded, dict) else None
    return value if isinstance(value, str) and value else "docs"


def resolved(path: Path) -> Path:
    """An absolute path with links and '..' resolved as far as it exists."""
    return path.expanduser().resolve()


def check_site_dir(target: Path, project: Project) -> None:
    """A site folder may be missing, empty, or a site this tool built (with the marker)."""
    project.refuse(target)
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        raise CorpusError(target, "refusing to replace it: it exists and is not a folder")
    if target.is_dir() and not (target / SITE_MARKER).is_file() and any(target.iterdir()):
        raise CorpusError(target, f"refusing to replace it: the folder is not empty and holds "
                          f"no {SITE_MARKER} marker, so `timeline build` did not make it "
                          "(remove it, or choose another --site-dir)")


def check_output_file(target: Path, project: Project) -> None:
    """An output file may be missing, empty, or an export this tool wrote."""
    project.refuse(target)
    if not target.parent.is_dir():
        raise CorpusError(target.parent, "no such folder")
    if target.is_dir():
        raise CorpusError(target, "refusing to write: it is a folder (name a file)")
    if target.exists() and not _is_export(target):
        raise CorpusError(target, "refusing to replace it: the file exists and is not a "
                          "timeline export (remove it, or choose another name)")


def _is_export(path: Path) -> bool:
    if not path.is_file():  # a FIFO or device: never opened
        return False
    try:
        with path.open("rb") as handle:
            head = handle.read(64)
    except OSError:
        return False
    return not head or head.startswith(EXPORT_HEADS)


def check_output_folder(target: Path, project: Project, inputs: Iterable[Path] = ()) -> None:
    """A folder files are written into (the corpus for `import`, `--out` for `timeml`): not
    the project, docs or working folder nor one above them, and not the folder of an input
    file (outputs keep the input names and would replace them)."""
    project.refuse(target, inside_inputs=False)
    for source in inputs:
        if resolved(source).parent == target:
            raise CorpusError(target, f"refusing to write here: the outputs would replace the "
                              f"inputs ({source} is in this folder)")
    if target.exists() and not target.is_dir():
        raise CorpusError(target, "refusing to write: it exists and is not a folder")


# --- modes ---------------------------------------------------------------------------------


def umask() -> int:
    """The process umask, read without changing it where the system tells it."""
    with contextlib.suppress(OSError), open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o022)  # elsewhere: set and restore at once
    os.umask(mask)
    return mask


def file_mode() -> int:
    return 0o666 & ~umask()


def folder_mode() -> int:
    return 0o777 & ~umask()


# --- writing -------------------------------------------------------------------------------


def write_atomic(target: Path, text: str) -> None:
    """Write the text (UTF-8, line ends as given) to a temporary file beside the target,
    then move it into place: a reader sees the old file or the new one, never half.
    The file gets the umask's mode, like any file the user creates."""
    if not target.parent.is_dir():
        raise FileNotFoundError(errno.ENOENT, "no such folder", str(target.parent))
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        os.fchmod(fd, file_mode())  # mkstemp makes it 0600 whatever the umask
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def staging_folder(target: Path) -> Path:
    """A new empty folder beside `target` to build into, with the umask's mode."""
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.build-", dir=target.parent))
    staging.chmod(folder_mode())  # mkdtemp makes it 0700: a Pages tarball refuses that
    return staging


def mark_site(folder: Path) -> None:
    marker = folder / SITE_MARKER
    marker.write_text(MARKER_TEXT, encoding="utf-8")
    marker.chmod(file_mode())


def replace_folder(new: Path, target: Path) -> None:
    """Move a finished folder into place. The old one is moved aside first and removed
    once the new one is in place; if the move fails, the old one is put back. Nothing is
    left beside the target either way."""
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
        os.replace(target, old / target.name)
    try:
        os.replace(new, target)
    except BaseException:
        if old is not None:
            os.replace(old / target.name, target)
        raise
    finally:
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)


# --- one writer at a time; leftovers of killed writers ---------------------------------------


def leftovers(target: Path) -> list[Path]:
    """What an interrupted write of `target` leaves beside it: staging folders of a build
    (`.NAME.build-*`), an old site moved aside (`.NAME.old-*`), temporary files of an
    atomic write (`.NAME.*.tmp`); for a folder of outputs, the temporary files inside."""
    beside = [p for pattern in (f".{target.name}.build-*", f".{target.name}.old-*",
                                f".{target.name}.*.tmp")
              for p in target.parent.glob(pattern)]
    inside = list(target.glob(".*.tmp")) if target.is_dir() and not target.is_symlink() else []
    return sorted(beside + inside)


def remove_leftovers(target: Path) -> list[Path]:
    removed = []
    for path in leftovers(target):
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
        removed.append(path)
    return removed


@contextlib.contextmanager
def output_lock(target: Path) -> Iterator[None]:
    """Hold `.NAME.lock` beside `target` (an flock, released by the system even when the
    process is killed); fail at once with a message when another run holds it. Once the
    lock is ours, leftovers of earlier, killed writers are removed: a live writer would
    hold the lock. The lock file is removed on release."""
    lock = target.parent / f".{target.name}.lock"
    if fcntl is None:  # pragma: no cover
        remove_leftovers(target)
        yield
        return
    handle = _acquire(lock, target)
    try:
        remove_leftovers(target)
        yield
    finally:
        with contextlib.suppress(OSError):
            lock.unlink()  # before the release: a waiting writer then retries a new file
        handle.close()


def _acquire(lock: Path, target: Path) -> TextIO:
    while True:
        handle = open(lock, "a+", encoding="ascii")  # noqa: SIM115 - held until release
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            handle.close()
            raise CorpusError(target, f"another timeline run ({holder}) is writing it now "
                              f"(lock {lock}); try again when it has finished") from None
        # the file may have been removed by the holder just before we locked it: the lock
        # counts only on the file that is still there
        try:
            same = os.fstat(handle.fileno()).st_ino == os.stat(lock).st_ino
        except FileNotFoundError:
            same = False
        if same:
            handle.truncate(0)
            handle.write(f"PID {os.getpid()}\n")
            handle.flush()
            return handle
        handle.close()
