"""The `timeline` command end to end, in temporary folders."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from story_kit import site_title_of

from timeline.cli import main
from timeline.outputs import SITE_MARKER

GOOD_BODY = "The council met on Monday, 6 October 2025. It will vote next week.\n"
MKDOCS_YML = "site_name: Test\ntheme:\n  name: material\n  font: false\n"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def good_corpus(make_corpus):
    make_corpus.article("council", body=GOOD_BODY, published="2025-10-10", source="Gazette")
    make_corpus.article("bridge", body="The bridge closed on Tuesday.\n", published="2025-10-09")
    return make_corpus.root


# --- check -------------------------------------------------------------------------------


def test_check_clean_corpus(capsys, good_corpus):
    code, _, err = run(capsys, "check", "--corpus", str(good_corpus))
    assert code == 0
    assert "2 articles, 0 errors, 0 warnings" in err


def test_check_reports_every_problem_as_path_line_severity(capsys, make_corpus):
    bad = make_corpus.raw("bad.md", "---\ntitle: T\npublished: 2025-02-30\n---\nText.\n")
    worse = make_corpus.raw("worse.md", "---\ntitle: [\n---\nText.\n")
    make_corpus.article("odd", extra="x")
    code, _, err = run(capsys, "check", "--corpus", str(make_corpus.root))
    assert code == 1
    odd = make_corpus.root / "odd.md"
    for start in (
        f"{bad}:3: error: invalid `published` date",
        f"{worse}:2: error: front matter is not valid YAML",
        f"{odd}:3: warning: unknown key",
    ):
        assert any(line.startswith(start) for line in err.splitlines()), start


def test_check_warnings_alone_exit_0(capsys, make_corpus):
    make_corpus.article("odd", extra="x")
    assert run(capsys, "check", "--corpus", str(make_corpus.root))[0] == 0


def test_check_missing_folder(capsys, tmp_path):
    code, _, err = run(capsys, "check", "--corpus", str(tmp_path / "none"))
    assert code == 1 and "corpus folder not found" in err


# --- extract -----------------------------------------------------------------------------


def test_extract_writes_json_byte_identical_across_runs(capsys, good_corpus, tmp_path):
    one, two = tmp_path / "one.json", tmp_path / "two.json"
    assert run(capsys, "extract", "--corpus", str(good_corpus), "-o", str(one))[0] == 0
    assert run(capsys, "extract", "--corpus", str(good_corpus), "-o", str(two))[0] == 0
    assert one.read_bytes() == two.read_bytes()
    data = json.loads(one.read_text(encoding="utf-8"))
    assert [a["id"] for a in data["articles"]] == ["bridge", "council"]
    assert not list(tmp_path.glob(".*.tmp"))  # no temporary file left behind


def test_extract_to_stdout(capsys, good_corpus):
    code, out, _ = run(capsys, "extract", "--corpus", str(good_corpus), "-o", "-")
    assert code == 0 and json.loads(out)["articles"]


def test_extract_bad_corpus_leaves_existing_json_untouched(capsys, make_corpus, tmp_path):
    make_corpus.raw("broken.md", "---\ntitle: T\n---\n\xff".encode("latin-1"))
    output = tmp_path / "timeline.json"
    previous = '{\n  "schema_version": 1, "title": "the previous run"\n}\n'
    output.write_text(previous, encoding="utf-8")
    code, _, err = run(capsys, "extract", "--corpus", str(make_corpus.root), "-o", str(output))
    assert code == 1
    assert f"{make_corpus.root / 'broken.md'}:4: not UTF-8 text" in err
    assert "Traceback" not in err
    assert output.read_text(encoding="utf-8") == previous


def test_extract_empty_corpus(capsys, tmp_path):
    (tmp_path / "corpus").mkdir()
    code, _, err = run(capsys, "extract", "--corpus", str(tmp_path / "corpus"), "-o", "-")
    assert code == 1 and "empty corpus" in err


# --- import ------------------------------------------------------------------------------


def test_import_writes_and_refuses_to_clobber(capsys, tmp_path):
    raw = tmp_path / "raw.txt"
    raw.write_text(f"Council to vote on the bridge\n\n{GOOD_BODY}", encoding="utf-8")
    into = tmp_path / "corpus"
    code, out, _ = run(capsys, "import", str(raw), "--into", str(into))
    target = into / "council-to-vote-on-the-bridge.md"
    assert code == 0 and f"wrote {target}" in out
    assert run(capsys, "check", "--corpus", str(into))[0] == 0
    assert "unchanged" in run(capsys, "import", str(raw), "--into", str(into))[1]
    raw.write_text(f"Council to vote on the bridge\n\nChanged. {GOOD_BODY}", encoding="utf-8")
    code, _, err = run(capsys, "import", str(raw), "--into", str(into))
    assert code == 1 and "--force" in err and "Changed" not in target.read_text(encoding="utf-8")
    assert run(capsys, "import", str(raw), "--into", str(into), "--force")[0] == 0
    assert "Changed" in target.read_text(encoding="utf-8")


def test_import_missing_file(capsys, tmp_path):
    code, _, err = run(capsys, "import", str(tmp_path / "nope.txt"), "--into", str(tmp_path))
    assert code == 1 and "nope.txt" in err and "Traceback" not in err


# --- build -------------------------------------------------------------------------------


def write_site_project(root: Path, plugin: bool, corpus: Path | None = None) -> Path:
    (root / "docs").mkdir(parents=True, exist_ok=True)
    (root / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    text = MKDOCS_YML
    if plugin:
        text += f"plugins:\n  - timeline:\n      corpus: {corpus or 'corpus'}\n"
    config = root / "mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    return config


def existing_site(root: Path) -> Path:
    """A site an earlier `timeline build` made (it holds the marker)."""
    site = root / "site"
    site.mkdir()
    (site / "marker.html").write_text("old site", encoding="utf-8")
    (site / SITE_MARKER).write_text("built by timeline\n", encoding="utf-8")
    return site


def test_build_replaces_site_only_on_success(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    config = write_site_project(tmp_path, plugin=False)
    site = existing_site(tmp_path)
    (tmp_path / "docs" / "index.md").write_text("[broken](missing.md)\n", encoding="utf-8")
    code, _, err = run(capsys, "build", "-f", str(config), "--site-dir", str(site))
    assert code == 1 and "left untouched" in err
    assert (site / "marker.html").read_text(encoding="utf-8") == "old site"
    (tmp_path / "docs" / "index.md").write_text("# Fixed\n", encoding="utf-8")
    assert run(capsys, "build", "-f", str(config), "--site-dir", str(site))[0] == 0
    assert (site / "index.html").exists() and not (site / "marker.html").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs", "mkdocs.yml", "site"]


def test_build_missing_config(capsys, tmp_path):
    code, _, err = run(capsys, "build", "-f", str(tmp_path / "mkdocs.yml"))
    assert code == 1 and "mkdocs.yml: MkDocs configuration not found" in err


def test_build_bad_corpus_leaves_site_untouched(capsys, tmp_path, monkeypatch, make_corpus):
    monkeypatch.chdir(tmp_path)
    config = write_site_project(tmp_path, plugin=True)
    site = existing_site(tmp_path)
    make_corpus.raw("bad.md", "---\ntitle: [\n---\nText.\n")
    make_corpus.raw("worse.md", "---\ntitle: T\npublished: 2025-02-30\n---\nText.\n")
    options = ["-f", str(config), "--site-dir", str(site), "--corpus", str(make_corpus.root)]
    code, _, err = run(capsys, "build", *options)
    assert code == 1 and "Traceback" not in err
    for where in ("bad.md:2: front matter is not valid YAML", "worse.md:3: invalid `published`"):
        assert f"{make_corpus.root / where}" in err
    assert (site / "marker.html").read_text(encoding="utf-8") == "old site"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "docs", "mkdocs.yml", "site"]


def test_build_demo_site_with_corpus_override(capsys, tmp_path, monkeypatch, repo_root):
    project = tmp_path / "project"
    shutil.copytree(repo_root / "docs", project / "docs")
    shutil.copy(repo_root / "mkdocs.yml", project / "mkdocs.yml")
    monkeypatch.chdir(project)
    code, _, err = run(capsys, "build", "--corpus", str(repo_root / "corpus"))
    assert code == 0, err
    assert (project / "site" / "index.html").exists()


def test_corpus_override_survives_repeated_config_loads(tmp_path, make_corpus):
    """`mkdocs serve` loads the config again with the same overrides on every rebuild."""
    from mkdocs.config import load_config

    from timeline.cli import _overrides
    from timeline.run import RunOptions

    config = write_site_project(tmp_path, plugin=True, corpus=tmp_path / "elsewhere")
    overrides = _overrides(config, str(make_corpus.root), None, RunOptions(jobs=2))
    for _ in range(2):
        loaded = load_config(str(config), **overrides)
        assert loaded.plugins["timeline"].config["corpus"] == str(make_corpus.root.resolve())
        assert loaded.plugins["timeline"].config["jobs"] == 2
        assert "search" not in loaded.plugins  # the plugin list of mkdocs.yml is kept as is


def test_extract_into_a_missing_folder(capsys, good_corpus, tmp_path):
    target = tmp_path / "missing" / "timeline.json"
    code, _, err = run(capsys, "extract", "--corpus", str(good_corpus), "-o", str(target))
    assert code == 1 and f"{target.parent}: no such folder" in err
    assert not target.parent.exists()


def test_demo_site_is_byte_identical_across_builds(capsys, tmp_path, monkeypatch, repo_root):
    """Same corpus, same site; MkDocs stamps the build day into sitemap.xml, so it is fixed
    with SOURCE_DATE_EPOCH as for any reproducible build."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1760659200")
    monkeypatch.chdir(repo_root)
    sites = [tmp_path / "one", tmp_path / "two"]
    for site in sites:
        assert run(capsys, "build", "--site-dir", str(site))[0] == 0

    def tree(root: Path) -> dict[str, bytes]:
        return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}

    one, two = (tree(site) for site in sites)
    assert one.keys() == two.keys()
    assert [name for name in one if one[name] != two[name]] == []


def test_serve_forces_live_reload_and_passes_the_corpus(capsys, tmp_path, monkeypatch, make_corpus):
    """`timeline serve` hands MkDocs live reload explicitly (click 8.3 loses the default)
    and the corpus override; the plugin then watches that folder."""
    import mkdocs.commands.serve

    calls: list[tuple[tuple, dict]] = []
    monkeypatch.setattr(mkdocs.commands.serve, "serve", lambda *a, **k: calls.append((a, k)))
    config = write_site_project(tmp_path, plugin=True)
    code, _, _ = run(capsys, "serve", "-f", str(config), "--corpus", str(make_corpus.root))
    assert code == 0
    ((args, kwargs),) = calls
    assert args == (str(config),) and kwargs["livereload"] is True
    assert kwargs["plugins"]["timeline"]["corpus"] == str(make_corpus.root.resolve())


def test_resolve_json_gives_the_evidence_as_data(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["resolve", "Friday", "--anchor", "2025-10-17", "--json",
                 "--context", "He will meet Zelensky on Friday."])
    (found,) = json.loads(capsys.readouterr().out)
    assert code == 0
    assert (found["value"], found["grain"], found["cue"]) == ("2025-10-17", "day", "will")
    assert found["interval"] == ["2025-10-17", "2025-10-17"]


# --- crashes that were tracebacks: now a `path:line: message` and exit 1 ------------------


@pytest.mark.parametrize("command", ["check", "extract"])
@pytest.mark.parametrize(
    ("front", "fragment"),
    [
        ("title: null\n", "`title` is empty"),
        ("title:\n", "`title` is empty"),
        ("title: T\npublished: 9999-12-31\n", "outside the calendar"),
        ("title: T\npublished: 0001-01-01T00:00:00+00:00\n", "outside the calendar"),
    ],
)
def test_bad_front_matter_is_a_message_not_a_traceback(
    capsys, make_corpus, tmp_path, command, front, fragment
):
    path = make_corpus.raw("bad.md", f"---\n{front}---\nThe council met on Monday.\n")
    extra = ["-o", str(tmp_path / "out.json")] if command == "extract" else []
    code, _, err = run(capsys, command, "--corpus", str(make_corpus.root), *extra)
    assert code == 1
    assert f"{path}:" in err and fragment in err and "Traceback" not in err
    assert not (tmp_path / "out.json").exists()


@pytest.mark.parametrize("anchor", ["2025-10-17", "9998-12-31", "0002-01-01"])
def test_resolve_a_phrase_with_hundreds_of_digits(capsys, anchor):
    code, out, err = run(capsys, "resolve", f"{'9' * 400} years later", "--anchor", anchor)
    assert code in (0, 1) and "Traceback" not in err and "inf" not in out


def _failing_analysis(monkeypatch) -> None:
    """Analysing an article whose body says BOOM raises (a defect not found yet)."""
    import timeline.executor

    real = timeline.executor.analyse

    def analyse(article):
        if "BOOM" in article.body:
            raise ZeroDivisionError("division by zero")
        return real(article)

    monkeypatch.setattr(timeline.executor, "analyse", analyse)


@pytest.mark.parametrize("command", [["extract", "-o", "-"], ["export", "--format", "json"]])
def test_an_article_that_cannot_be_analysed_is_left_out_and_named(
    capsys, make_corpus, monkeypatch, command
):
    """One article's failure never costs the others: it is named, left out and listed in
    the output, and the command exits 1 with the output written."""
    _failing_analysis(monkeypatch)
    make_corpus.article("fine", body="The council met on Monday.\n", published="2025-10-10")
    bad = make_corpus.article("trigger", body="The BOOM came on Tuesday.\n",
                              published="2025-10-10")
    code, out, err = run(capsys, *command, "--corpus", str(make_corpus.root), "--jobs", "1")
    assert code == 1 and "Traceback" not in err
    assert f"{bad}: error: internal error while analysing: ZeroDivisionError" in err
    assert "(left out)" in err
    doc = json.loads(out)
    assert [e["article"] for e in doc["errors"]] == ["trigger"]
    assert [a["id"] for a in doc["articles"]] == ["fine"] and doc["events"]


def test_a_story_stage_error_names_the_article_that_sets_it_off(capsys, make_corpus, monkeypatch):
    """A defect in a stage of the whole story: the message names the article that sets
    it off (found by running each article alone), exit 1, no traceback."""
    import timeline.pipeline

    make_corpus.article("fine", body="The council met on Monday.\n", published="2025-10-10")
    bad = make_corpus.article("trigger", body="The BOOM came on Tuesday.\n",
                              published="2025-10-10")
    real = timeline.pipeline.merge_stage

    def merge_stage(readings, title="Timeline", mapper=None):
        if any("BOOM" in r.analysis.article.body for r in readings):
            raise ZeroDivisionError("division by zero")
        return real(readings, title, mapper)

    monkeypatch.setattr(timeline.pipeline, "merge_stage", merge_stage)
    code, out, err = run(capsys, "extract", "-o", "-", "--corpus", str(make_corpus.root))
    assert code == 1 and out == "" and "Traceback" not in err
    assert f"{bad}: while reading this article: ZeroDivisionError: division by zero" in err
    assert "please report it" in err


def test_a_build_leaves_out_an_article_it_cannot_analyse(capsys, tmp_path, monkeypatch,
                                                        make_corpus):
    """The site is built from the other articles and lists the one left out; exit 1."""
    _failing_analysis(monkeypatch)
    monkeypatch.chdir(tmp_path)
    config = write_site_project(tmp_path, plugin=True, corpus=make_corpus.root)
    make_corpus.article("fine", body="The council met on Monday.\n", published="2025-10-10")
    bad = make_corpus.article("trigger", body="The BOOM came on Tuesday.\n")
    code, _, err = run(capsys, "build", "-f", str(config), "--jobs", "1")
    assert code == 1 and "Traceback" not in err
    assert f"{bad}: error: internal error while analysing: ZeroDivisionError" in err
    assert (tmp_path / "site" / "index.html").exists()
    exported = json.loads((tmp_path / "site" / "exports" / "timeline.json").read_text())
    assert [e["article"] for e in exported["errors"]] == ["trigger"]


def test_a_strict_mkdocs_build_fails_on_an_article_left_out(tmp_path, monkeypatch, make_corpus):
    """`mkdocs build --strict` through the plugin alone: a left-out article is a warning,
    so the strict build fails rather than publish a site without it silently."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    _failing_analysis(monkeypatch)
    config = write_site_project(tmp_path, plugin=True, corpus=make_corpus.root)
    make_corpus.article("fine", body="The council met on Monday.\n", published="2025-10-10")
    make_corpus.article("trigger", body="The BOOM came on Tuesday.\n")
    loaded = load_config(str(config), site_dir=str(tmp_path / "out"), strict=True)
    with pytest.raises(Abort):
        build(loaded)


@pytest.mark.parametrize("text", ["site_name: [x\n", "site_name: x\nplugins: 5\n"])
def test_build_with_a_malformed_mkdocs_yml_is_a_message(capsys, tmp_path, monkeypatch, text):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "mkdocs.yml").write_text(text, encoding="utf-8")
    code, _, err = run(capsys, "build")
    assert code == 1 and "site build failed" in err and "Traceback" not in err


# --- help ----------------------------------------------------------------------------------


def test_timeline_alone_prints_the_help(capsys):
    code, out, err = run(capsys)
    assert code == 0 and err == ""
    assert out.startswith("usage: timeline") and "timeline new DIR" in out
    for command in ("new", "import", "check", "extract", "build", "serve", "export"):
        assert f"\n    {command} " in out


def test_every_option_says_what_it_is_and_its_default():
    import argparse

    from timeline.cli import _HelpFormatter, _parser

    (commands,) = [a for a in _parser()._actions if isinstance(a, argparse._SubParsersAction)]
    for name, command in commands.choices.items():
        formatter = _HelpFormatter(prog=f"timeline {name}")
        for action in command._actions:
            if isinstance(action, argparse._HelpAction):
                continue
            assert action.help, (name, action.dest)
            flag = isinstance(action.default, bool)
            if action.option_strings and not flag:
                said = formatter._get_help_string(action) or ""
                assert "default" in said or action.required, (name, action.dest, said)


# --- warnings: `check` lists them, the other commands count them ----------------------------


def test_a_typo_in_the_front_matter_is_pointed_out_by_check_extract_and_build(
    capsys, tmp_path, monkeypatch, make_corpus
):
    make_corpus.article("council", body=GOOD_BODY, publishd="2025-10-10")
    make_corpus.article("bridge", body="The bridge closed on Tuesday.\n", published="2025-10-09")
    code, _, err = run(capsys, "check", "--corpus", str(make_corpus.root))
    assert code == 0 and "unknown key `publishd` is ignored: did you mean `published`?" in err
    out = tmp_path / "out.json"
    code, _, err = run(capsys, "extract", "--corpus", str(make_corpus.root), "-o", str(out))
    assert code == 0
    assert (f"1 warning in the corpus; run `timeline check --corpus {make_corpus.root}` to "
            "see them") in err
    monkeypatch.chdir(tmp_path)  # no mkdocs.yml: the built-in configuration, ./corpus
    code, _, err = run(capsys, "build")
    assert code == 0 and err.splitlines()[-1] == (
        "1 warning in the corpus; run `timeline check` to see them")


def test_a_clean_corpus_gets_no_warning_line(capsys, good_corpus, tmp_path):
    code, _, err = run(capsys, "extract", "--corpus", str(good_corpus), "-o",
                       str(tmp_path / "out.json"))
    assert code == 0 and "warning" not in err


# --- titles, and building outside a story folder -------------------------------------------


def test_build_title_overrides_the_configuration(capsys, tmp_path, monkeypatch, good_corpus):
    monkeypatch.chdir(tmp_path)
    write_site_project(tmp_path, plugin=True)
    assert run(capsys, "build", "--title", "Bridge & council")[0] == 0
    assert site_title_of(tmp_path / "site" / "index.html") == "Bridge & council"
    exported = json.loads((tmp_path / "site" / "exports" / "timeline.json").read_text())
    assert exported["title"] == "Bridge & council"


def test_extract_and_export_take_the_title_of_the_story_folder(capsys, tmp_path, monkeypatch,
                                                              good_corpus):
    monkeypatch.chdir(tmp_path)
    write_site_project(tmp_path, plugin=True)  # site_name: Test
    code, out, _ = run(capsys, "extract", "-o", "-")
    assert code == 0 and json.loads(out)["title"] == "Test"
    code, out, _ = run(capsys, "export", "--format", "json", "--title", "Other")
    assert code == 0 and json.loads(out)["title"] == "Other"
    (tmp_path / "mkdocs.yml").unlink()
    assert json.loads(run(capsys, "extract", "-o", "-")[1])["title"] == "Timeline"


def test_build_outside_a_story_folder_uses_the_built_in_configuration(
    capsys, tmp_path, monkeypatch, good_corpus
):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    code, _, err = run(capsys, "build", "--corpus", str(good_corpus), "--title", "Bridge story")
    assert code == 0, err
    assert "built-in configuration" in err
    site = elsewhere / "site"
    assert site_title_of(site / "index.html") == "Bridge story"
    for page in ("about", "timeline", "sources", "articles/council"):
        assert (site / page / "index.html").is_file(), page
    assert sorted(p.name for p in elsewhere.iterdir()) == ["site"]


def test_build_outside_a_story_folder_without_a_corpus_says_what_to_do(capsys, tmp_path,
                                                                      monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "build")
    assert code == 1 and "Traceback" not in err
    assert "no mkdocs.yml here: give --corpus DIR, or start a story with `timeline new DIR`" in err
    assert list(tmp_path.iterdir()) == []


def test_serve_outside_a_story_folder_serves_the_built_in_configuration(
    capsys, tmp_path, monkeypatch, good_corpus
):
    import mkdocs.commands.serve
    import yaml

    seen: list[tuple[dict, dict]] = []

    def serve(config_file, **kwargs):
        seen.append((yaml.load(Path(config_file).read_text(), Loader=yaml.Loader), kwargs))

    monkeypatch.setattr(mkdocs.commands.serve, "serve", serve)
    monkeypatch.chdir(tmp_path)  # holds corpus/
    assert run(capsys, "serve", "--title", "Bridge story")[0] == 0
    ((config, kwargs),) = seen
    assert config["site_name"] == "Bridge story" and kwargs["site_name"] == "Bridge story"
    assert kwargs["plugins"]["timeline"]["corpus"] == str(good_corpus.resolve())


# --- new -----------------------------------------------------------------------------------


def test_new_writes_a_story_and_says_what_to_do_next(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "new", "bridge-story", "--package", "timeline==0.1.0")
    assert code == 0
    assert "created the story 'Bridge story' in bridge-story" in out
    assert "cd bridge-story" in out and "timeline import" in out
    assert (tmp_path / "bridge-story" / "mkdocs.yml").is_file()
    workflow = (tmp_path / "bridge-story" / ".github" / "workflows" / "site.yml").read_text()
    assert "TIMELINE_PACKAGE: timeline==0.1.0\n" in workflow


def test_new_refuses_a_folder_with_a_story_in_it(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "README.md").write_text("mine\n", encoding="utf-8")
    code, _, err = run(capsys, "new", ".")
    assert code == 1 and "Traceback" not in err
    assert "refusing to overwrite what is there already: README.md (choose" in err
    assert [p.name for p in tmp_path.iterdir()] == ["README.md"]


@pytest.mark.parametrize("title", ["two\nlines", "<script>x</script>", " "])
def test_new_refuses_a_title_that_is_not_one_line_of_text(capsys, tmp_path, title):
    with pytest.raises(SystemExit) as stop:
        main(["new", str(tmp_path / "story"), "--title", title])
    assert stop.value.code == 2 and "argument --title" in capsys.readouterr().err
    assert not (tmp_path / "story").exists()


def test_new_refuses_an_empty_folder_name(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as stop:
        main(["new", ""])
    assert stop.value.code == 2 and "argument DIR: give a folder" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []
