"""Special files in a corpus or given to `import`/`timeml`: devices, FIFOs, links out of the
corpus, huge files, deep front matter, unreadable folders and file names that would forge
a line of diagnostics. Each is refused with a message naming the file, without reading it
(a FIFO is never opened, a device never read, a huge file read no further than the limit).

The cases that could hang run the command in a child process with a timeout."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from timeline.cli import main
from timeline.config import MAX_ARTICLE_BYTES
from timeline.corpus import ERROR, check_corpus, load_corpus, shown

ARTICLE = "---\ntitle: T\npublished: 2025-10-17\n---\nThe council met on Monday.\n"
HANG = 60  # seconds: far more than any of these commands needs


def timeline(*argv: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The command in a child process, so a hang fails the test instead of stopping it."""
    return subprocess.run([sys.executable, "-m", "timeline.cli", *argv], cwd=cwd,
                          capture_output=True, text=True, timeout=HANG)


def errors(folder: Path) -> list[tuple[str, str]]:
    _, problems = check_corpus(folder)
    return [(p.path.name, p.message) for p in problems if p.severity == ERROR]


@pytest.fixture
def corpus(make_corpus) -> Path:
    make_corpus.raw("good.md", ARTICLE)
    return make_corpus.root


# --- devices, FIFOs, links -----------------------------------------------------------------


@pytest.mark.parametrize("command", ["check", "extract"])
def test_a_fifo_in_the_corpus_is_refused_without_waiting(corpus, tmp_path, command):
    os.mkfifo(corpus / "pipe.md")
    extra = ["-o", str(tmp_path / "t.json")] if command == "extract" else []
    done = timeline(command, "--corpus", str(corpus), *extra)
    assert done.returncode == 1
    assert "pipe.md: error: not a regular file (a FIFO)" in done.stderr or (
        "pipe.md: not a regular file (a FIFO)" in done.stderr)
    assert "Traceback" not in done.stderr


def test_import_refuses_a_fifo_and_a_device(tmp_path):
    fifo = tmp_path / "raw.txt"
    os.mkfifo(fifo)
    done = timeline("import", str(fifo), "/dev/zero", "--into", str(tmp_path / "corpus"))
    assert done.returncode == 1
    assert f"{fifo}: not a regular file (a FIFO)" in done.stderr
    assert "/dev/zero: not a regular file (a character device)" in done.stderr
    assert not (tmp_path / "corpus").exists()


def test_import_refuses_a_fifo_planted_as_its_target(tmp_path):
    raw = tmp_path / "raw.txt"
    raw.write_text("Council meets\nThe council met on Monday.\n", encoding="utf-8")
    into = tmp_path / "corpus"
    into.mkdir()
    os.mkfifo(into / "council-meets.md")
    done = timeline("import", str(raw), "--into", str(into), "--force")
    assert done.returncode == 1 and "not a regular file (a FIFO)" in done.stderr


def test_timeml_refuses_a_fifo(tmp_path):
    fifo = tmp_path / "doc.tml"
    os.mkfifo(fifo)
    done = timeline("timeml", str(fifo), "--out", str(tmp_path / "out"))
    assert done.returncode == 1 and "not a regular file (a FIFO)" in done.stderr


def test_a_link_to_dev_zero_is_refused_without_reading(corpus):
    (corpus / "zero.md").symlink_to("/dev/zero")
    done = timeline("check", "--corpus", str(corpus))
    assert done.returncode == 1
    assert "zero.md: error: link to a file outside the corpus folder (/dev/zero)" in done.stderr


def test_a_socket_in_the_corpus_is_refused(corpus):
    """Not only links out of the folder: whatever is not a regular file is refused."""
    import socket

    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(corpus / "s.md"))
        assert ("s.md", "not a regular file (a socket): refused without reading it"
                ) in errors(corpus)


def test_a_link_to_a_file_outside_the_corpus_is_refused_and_not_published(
        corpus, tmp_path, capsys):
    secret = tmp_path / "secret.md"
    secret.write_text(ARTICLE.replace("The council", "The secret"), encoding="utf-8")
    (corpus / "leak.md").symlink_to(secret)
    assert ("leak.md", f"link to a file outside the corpus folder ({secret}): refused"
            ) in errors(corpus)
    out = tmp_path / "timeline.json"
    assert main(["extract", "--corpus", str(corpus), "-o", str(out)]) == 1
    assert "leak.md" in capsys.readouterr().err and not out.exists()


def test_a_link_to_a_file_inside_the_corpus_is_read(corpus):
    (corpus / "again.md").symlink_to(corpus / "good.md")
    assert sorted(a.id for a in load_corpus(corpus)) == ["again", "good"]


def test_a_broken_link_is_an_error(corpus):
    (corpus / "gone.md").symlink_to(corpus / "nothing-here.md")
    assert ("gone.md", "broken link: its target does not exist") in errors(corpus)


def test_a_link_to_a_folder_is_not_followed(corpus, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "other.md").write_text(ARTICLE, encoding="utf-8")
    (corpus / "linked").symlink_to(outside, target_is_directory=True)
    articles, problems = check_corpus(corpus)
    assert [a.id for a in articles] == ["good"]
    assert any(p.path.name == "linked" and "not followed" in p.message for p in problems)


# --- size and depth ------------------------------------------------------------------------


def test_an_article_over_the_size_limit_is_refused(corpus):
    body = "The council met on Monday. " * (MAX_ARTICLE_BYTES // 27 + 1)
    (corpus / "huge.md").write_text(ARTICLE + body, encoding="utf-8")
    (corpus / "fits.md").write_text(ARTICLE + body[: MAX_ARTICLE_BYTES - len(ARTICLE) - 1],
                                    encoding="utf-8")
    found = errors(corpus)
    assert [name for name, _ in found] == ["huge.md"]
    assert "larger than 2 MiB" in found[0][1]


def test_a_huge_sparse_file_is_not_read_whole(corpus):
    """10 GB of nothing: refused after reading the limit (a full read would take minutes
    and all the memory)."""
    with open(corpus / "sparse.md", "wb") as handle:
        handle.truncate(10 * 1024**3)
    done = timeline("check", "--corpus", str(corpus))
    assert done.returncode == 1 and "sparse.md: error: file is larger than" in done.stderr


def test_twenty_thousand_nested_brackets_are_a_message_with_the_line(corpus, capsys):
    (corpus / "deep.md").write_text("---\ntitle: T\nsource: " + "[" * 20_000 + "\n---\nText.\n",
                                    encoding="utf-8")
    (corpus / "deep-block.md").write_text(
        "---\ntitle: T\nsource:\n" + "".join(f"{' ' * i}- \n" for i in range(1, 60))
        + "---\nText.\n", encoding="utf-8")
    assert main(["check", "--corpus", str(corpus)]) == 1
    err = capsys.readouterr().err
    assert "deep.md:3: error: front matter is nested more than 20 levels deep" in err
    assert "deep-block.md:" in err and "nested more than 20 levels deep" in err
    assert "RecursionError" not in err


# --- folders and names ---------------------------------------------------------------------


def test_an_unreadable_sub_folder_is_an_error_not_skipped(corpus, monkeypatch):
    locked = corpus / "locked"
    locked.mkdir()
    (locked / "hidden-away.md").write_text(ARTICLE, encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path):  # as for a folder without read permission (the tests may run as root)
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    assert ("locked", "cannot read folder: Permission denied") in errors(corpus)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any folder")
def test_an_unreadable_sub_folder_for_real(corpus):
    locked = corpus / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        assert ("locked", "cannot read folder: Permission denied") in errors(corpus)
    finally:
        locked.chmod(0o755)


@pytest.mark.parametrize("name", ["evil\nnews.md", "evil\r\x1b[2Kx.md", "a\u202egnp.md"])
def test_a_file_name_cannot_forge_a_line_of_diagnostics(make_corpus, capsys, name):
    make_corpus.raw(name, "---\ntitle: [\n---\nText.\n")
    assert main(["check", "--corpus", str(make_corpus.root)]) == 1
    err = capsys.readouterr().err
    lines = err.splitlines()
    assert all(ch.isprintable() for line in lines for ch in line)
    assert any(shown(name) in line and "not valid YAML" in line for line in lines)
    assert len(lines) == 2  # the YAML error and the summary, nothing forged


def test_shown_escapes_what_does_not_print() -> None:
    assert shown("a\nb\r\tc\x1b\u202e\udcff é") == "a\\nb\\r\\tc\\x1b\\u202e\\udcff é"


def test_a_front_matter_key_cannot_forge_a_line(make_corpus, capsys):
    make_corpus.raw("key.md", '---\ntitle: T\n"x\\nfake.md:1: error: forged": 1\n---\nText.\n')
    main(["check", "--corpus", str(make_corpus.root)])
    err = capsys.readouterr().err
    assert not any(line.startswith("fake.md") for line in err.splitlines())
