"""What GitHub's Pages upload makes of a site folder: actions/upload-pages-artifact tars it
with this command, and a root or an entry that others cannot read is a deployment error."""

from __future__ import annotations

import stat
import subprocess
import tarfile
from pathlib import Path

TAR = ["tar", "--dereference", "--hard-dereference", "--exclude=.git", "--exclude=.github"]


def pages_tarball_modes(site: Path, tarball: Path) -> tuple[int, set[int], set[int]]:
    """The modes in the Pages tarball of `site`: its root's, its folders', its files'."""
    subprocess.run([*TAR, "--directory", str(site), "-cf", str(tarball), "."], check=True)
    with tarfile.open(tarball) as archive:
        members = archive.getmembers()
    root = next(m for m in members if m.name in (".", "./"))
    folders = {stat.S_IMODE(m.mode) for m in members if m.isdir()}
    files = {stat.S_IMODE(m.mode) for m in members if m.isfile()}
    return stat.S_IMODE(root.mode), folders, files
