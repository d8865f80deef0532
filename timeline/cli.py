"""The `timeline` command: thin wrappers that parse options, call the core, print, exit.

Each subcommand is one `cmd_*` function taking the parsed arguments and returning an
exit code; `main` dispatches and prints expected errors (CorpusError with all its
problems, OSError) as `path:line: message` on stderr with exit code 1, no traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import shlex
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from timeline import __version__
from timeline.config import DEFAULT_CORPUS, DEFAULT_JSON, DEFAULT_SITE_DIR, Settings

if TYPE_CHECKING:
    from timeline.model import Timeline
    from timeline.run import RunOptions

DESCRIPTION = (
    "Turn a folder of news articles into a sourced, ordered chronology of events "
    "and publish it as a static site."
)
PLUGIN_NAME = "timeline"  # the MkDocs plugin entry point (pyproject.toml)
CONFIG_FILE = "mkdocs.yml"  # the project's configuration, in the working folder
NEXT_STEPS = (
    "  timeline import FILE...   raw article text -> corpus/",
    "  timeline check            every problem in the articles",
    "  timeline build            the site, in site/",
    "  timeline serve            look at it on http://127.0.0.1:8000/",
    "README.md there says how to publish it on GitHub Pages.",
)
E = TypeVar("E", bound=BaseException)


def cmd_new(args: argparse.Namespace) -> int:
    """A story folder from the template (timeline/story.py), then the next commands."""
    from timeline.corpus import shown
    from timeline.story import (
        WORKFLOW,
        Install,
        create_story,
        current_install,
        story_files,
        title_of_folder,
    )

    folder = Path(args.dir)
    title = args.title or title_of_folder(folder)
    install = Install(args.package) if args.package else current_install()
    create_story(folder, story_files(title, install.spec))
    print(f"created the story {shown(title)!r} in {shown(folder)}")
    if install.note:
        print(f"note: {install.note}: the workflow installs {shown(install.spec)!r}; set "
              f"TIMELINE_PACKAGE in {shown(folder / WORKFLOW)} to where CI can get timeline "
              "(or run `timeline new` with --package)", file=sys.stderr)
    steps = [] if folder.resolve() == Path.cwd().resolve() else [
        f"  cd {shlex.quote(shown(folder))}"]
    print("\n".join(["next:", *steps, *NEXT_STEPS]))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from timeline.corpus import shown
    from timeline.ingest import import_files
    from timeline.outputs import Project, check_output_folder, resolved

    into = resolved(Path(args.into))
    check_output_folder(into, Project.around(Path(CONFIG_FILE), None))
    for outcome in import_files([Path(f) for f in args.files], into, force=args.force):
        verb = {"write": "wrote", "replace": "replaced", "unchanged": "unchanged"}[outcome.action]
        print(f"{verb} {shown(outcome.target)} (from {shown(outcome.imported.source)})")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from timeline.corpus import ERROR, check_corpus

    articles, problems = check_corpus(args.corpus)
    for problem in problems:
        print(problem, file=sys.stderr)
    errors = sum(p.severity == ERROR for p in problems)
    warnings = len(problems) - errors
    print(f"{len(articles)} articles, {errors} errors, {warnings} warnings", file=sys.stderr)
    return 1 if errors else 0


def cmd_extract(args: argparse.Namespace) -> int:
    from timeline.timeline import dumps

    target = _output_file(args.output, args.corpus)
    timeline = _timeline_of(Path(args.corpus), _title(args.title), _run_options(args))
    _write_output(target, dumps(timeline))
    _report_warnings(Path(args.corpus))
    return _report_left_out(timeline)


def _report_left_out(timeline: Timeline) -> int:
    """Articles left out of the timeline (each named, the output still written): exit 1."""
    from timeline.corpus import shown

    for error in timeline.errors:
        print(f"{shown(error.path)}: error: {shown(error.message)} (left out)", file=sys.stderr)
    return 1 if timeline.errors else 0


def _report_warnings(corpus: Path) -> None:
    """One line for the corpus's warnings (an unknown front-matter key, a stray file),
    which `check` lists: a typo such as `publishd:` would otherwise pass unnoticed."""
    from timeline.corpus import WARNING, check_corpus, shown

    count = sum(p.severity == WARNING for p in check_corpus(corpus)[1])
    if not count:
        return
    option = "" if corpus.resolve() == DEFAULT_CORPUS.resolve() else (
        f" --corpus {shlex.quote(shown(corpus))}")
    noun = "warning" if count == 1 else "warnings"
    print(f"{count} {noun} in the corpus; run `timeline check{option}` to see them",
          file=sys.stderr)


def _title(given: str | None) -> str:
    """The title given, else the one mkdocs.yml in the working folder sets (the plugin's
    `title`, else `site_name`), so the exports match the site's; else the default."""
    from mkdocs.exceptions import MkDocsException
    from yaml import YAMLError

    if given is not None:
        return given
    try:
        loaded = _load_yaml(Path(CONFIG_FILE))
        options = _plugin_options(Path(CONFIG_FILE)).get(PLUGIN_NAME)
    except (OSError, YAMLError, MkDocsException):  # no or a broken mkdocs.yml: not ours
        return Settings().title
    plugin_title = options.get("title") if isinstance(options, dict) else None
    for found in (plugin_title, loaded.get("site_name")):
        if isinstance(found, str) and found.strip():
            return found.strip()
    return Settings().title


def _output_file(output: str, corpus: str) -> Path | None:
    """The file an `-o` option names, checked before any work (None: standard output)."""
    from timeline.outputs import Project, check_output_file, resolved

    if output == "-":
        return None
    target = resolved(Path(output))
    check_output_file(target, Project.around(Path(CONFIG_FILE), Path(corpus)))
    return target


def _write_output(target: Path | None, text: str) -> None:
    from timeline.corpus import shown
    from timeline.outputs import output_lock, write_atomic

    if target is None:
        sys.stdout.buffer.write(text.encode("utf-8"))  # bytes: the .ics keeps its CRLFs
        sys.stdout.flush()
        return
    with output_lock(target):
        write_atomic(target, text)
    print(f"wrote {shown(target)}", file=sys.stderr)


def _timeline_of(corpus: Path, title: str, run: RunOptions) -> Timeline:
    from timeline.run import timeline_of_corpus

    return timeline_of_corpus(corpus, title, run)


def _run_options(args: argparse.Namespace) -> RunOptions:
    """How the pipeline runs, from the options (the environment gives the defaults)."""
    from timeline.run import RunOptions

    env = RunOptions.from_env()
    return RunOptions(
        jobs=args.jobs if args.jobs is not None else env.jobs,
        executor=args.executor,
        scheduler=args.scheduler,
        cache=env.cache and not args.no_cache,
        cache_dir=Path(args.cache_dir) if args.cache_dir else env.cache_dir,
    )


def cmd_build(args: argparse.Namespace) -> int:
    """Strict MkDocs build into a staging folder beside the target, moved into place only
    when the build succeeds, so a failed build leaves the existing site as it was. The
    target must be a site this tool built, or empty (see timeline/outputs.py); the build
    holds a lock beside it, and removes what killed builds left there."""
    from timeline.corpus import shown
    from timeline.outputs import Project, check_site_dir, output_lock, resolved

    with _site_config(args.config_file, args.corpus, args.title) as (config_file, corpus, name):
        target = resolved(Path(args.site_dir))
        folder = Path(corpus) if corpus else _configured_corpus(config_file)
        project = Project.around(config_file, folder)
        check_site_dir(target, project)
        target.parent.mkdir(parents=True, exist_ok=True)
        with output_lock(target):
            check_site_dir(target, project)  # again: another build may have finished meanwhile
            run = _run_options(args)
            code = _build_into(config_file, name, corpus, args.title, target, run)
    if code == 0:
        print(f"built {shown(target)}", file=sys.stderr)
    _report_warnings(folder)
    return code


@contextlib.contextmanager
def _site_config(
    given: str | None, corpus: str | None, title: str | None
) -> Iterator[tuple[Path, str | None, str]]:
    """The mkdocs.yml a build or a server reads, the corpus to point it at, and what to
    call the configuration in messages: the file -f names; else mkdocs.yml in the working
    folder; else the built-in configuration of a story folder (timeline/story.py),
    written to a temporary folder for the run, on --corpus or ./corpus."""
    from timeline.corpus import CorpusError, shown
    from timeline.story import write_site_config

    if given is not None or Path(CONFIG_FILE).is_file():
        config_file = _config_file(given or CONFIG_FILE)
        yield config_file, corpus, shown(config_file)
        return
    folder = Path(corpus or DEFAULT_CORPUS)
    if not folder.is_dir():
        raise CorpusError(folder, f"no such corpus folder, and no {CONFIG_FILE} here: give "
                          "--corpus DIR, or start a story with `timeline new DIR`")
    print(f"no {CONFIG_FILE} here: using the built-in configuration of a story folder "
          "(`timeline new DIR` writes one you can edit)", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="timeline-config-") as temporary:
        config = write_site_config(Path(temporary), title or Settings().title)
        yield config, str(folder), "the built-in configuration"


def _build_into(
    config_file: Path,
    name: str,
    corpus: str | None,
    title: str | None,
    target: Path,
    run: RunOptions,
) -> int:
    """Build with `config_file` (called `name` in messages) into `target`."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from timeline.corpus import CorpusError, shown
    from timeline.outputs import mark_site, replace_folder, staging_folder

    staging = staging_folder(target)
    _log_mkdocs()
    try:
        overrides = _overrides(config_file, corpus, title, run, keep_going=True)
        config = load_config(str(config_file), site_dir=str(staging), strict=True, **overrides)
        # A programmatic build skips these two events; `mkdocs build` runs them.
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
        mark_site(staging)
        replace_folder(staging, target)
        plugin = config.plugins.get(PLUGIN_NAME)
        timeline = getattr(plugin, "timeline", None)
        if timeline is not None and timeline.errors:
            return _report_left_out(timeline)
    except MkDocsException as exc:
        # MkDocs' message as it wrote it (article text in it comes escaped from the plugin)
        print(f"{name}: site build failed: {exc}; {shown(target)} left "
              "untouched", file=sys.stderr)
        corpus_error = _cause(exc, CorpusError)
        if corpus_error is not None:  # the plugin wraps it; list every problem, not the first
            raise corpus_error from None
        return 1
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return 0


def _configured_corpus(config_file: Path) -> Path:
    """The corpus folder the `timeline` plugin reads, as mkdocs.yml sets it (its default
    when the file cannot be read: the build reports that with MkDocs' own message)."""
    from mkdocs.exceptions import MkDocsException
    from yaml import YAMLError

    try:
        options = _plugin_options(config_file).get(PLUGIN_NAME) or {}
    except (OSError, YAMLError, MkDocsException):
        options = {}
    folder = options.get("corpus") if isinstance(options, dict) else None
    return config_file.resolve().parent / (folder if isinstance(folder, str) else "corpus")


def cmd_serve(args: argparse.Namespace) -> int:
    """`mkdocs serve` with live reload forced on (with click 8.3 `mkdocs serve` loses the
    flag's default and watches nothing); the plugin adds the corpus folder to the watch
    list, so editing an article rebuilds the site."""
    from mkdocs.commands.serve import serve
    from mkdocs.exceptions import MkDocsException

    with _site_config(args.config_file, args.corpus, args.title) as (config_file, corpus, name):
        _log_mkdocs()
        try:
            overrides = _overrides(config_file, corpus, args.title, _run_options(args))
            serve(str(config_file), livereload=True, dev_addr=args.dev_addr, **overrides)
        except MkDocsException as exc:
            print(f"{name}: {exc}", file=sys.stderr)
            return 1
    return 0


def _cause(exc: BaseException, kind: type[E]) -> E | None:
    """The first exception of `kind` in the chain that led to `exc`."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, kind):
            return current
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return None


def _config_file(name: str) -> Path:
    from timeline.corpus import CorpusError

    path = Path(name)
    if not path.is_file():
        raise CorpusError(path, "MkDocs configuration not found (use -f to name it)")
    return path


def _overrides(
    config_file: Path,
    corpus: str | None,
    title: str | None,
    run: RunOptions,
    keep_going: bool = False,
) -> dict[str, Any]:
    """load_config() keyword overrides: the title (site_name and the plugin's), and the
    `timeline` plugin pointed at `corpus` and told how to run. Given to load_config, so
    the options are validated like ones written in mkdocs.yml."""
    from timeline.corpus import CorpusError

    titled: dict[str, Any] = {} if title is None else {"site_name": title}
    # The mapping form: MkDocs pops the one-key dicts of the list form while validating,
    # and `mkdocs serve` validates the same overrides again on every rebuild.
    updated = _plugin_options(config_file)
    if PLUGIN_NAME not in updated:
        if corpus is None:
            return titled
        raise CorpusError(config_file, f"--corpus needs the `{PLUGIN_NAME}` plugin in `plugins:`")
    options = dict(updated[PLUGIN_NAME])  # type: ignore[call-overload]
    if corpus is not None:
        options["corpus"] = str(Path(corpus).resolve())
    if title is not None:
        options["title"] = title
    options.update(
        jobs=run.jobs,
        executor=run.executor,
        scheduler=run.scheduler,
        cache=run.cache,
        cache_dir=str(run.cache_dir) if run.cache_dir else None,
        keep_going=keep_going,
    )
    updated[PLUGIN_NAME] = options
    return {**titled, "plugins": updated}


def _plugin_options(config_file: Path) -> dict[str, object]:
    """The `plugins:` of an mkdocs.yml as a mapping of plugin name to its options."""
    loaded = _load_yaml(config_file)
    plugins = loaded.get("plugins") or []
    entries = list(plugins.items()) if isinstance(plugins, dict) else plugins
    if not isinstance(entries, list):  # malformed: MkDocs' validation reports it
        return {}
    options: dict[str, object] = {}
    for entry in entries:
        name, found = _plugin_entry(entry)
        options[name] = dict(found or {})
    return options


def _load_yaml(config_file: Path) -> dict[str, Any]:
    """An mkdocs.yml as MkDocs reads it (its !ENV tags too); {} when it is no mapping."""
    from mkdocs.utils.yaml import yaml_load

    with config_file.open(encoding="utf-8") as handle:
        loaded = yaml_load(handle)
    return loaded if isinstance(loaded, dict) else {}


def _plugin_entry(entry: object) -> tuple[str, dict[str, object] | None]:
    if isinstance(entry, tuple):  # from a `plugins:` mapping
        return str(entry[0]), entry[1]
    if isinstance(entry, dict) and len(entry) == 1:
        ((name, options),) = entry.items()
        return str(name), options
    return str(entry), None


class _StderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever sys.stderr is at the time (tests replace it)."""

    @property  # type: ignore[override]
    def stream(self) -> object:
        return sys.stderr

    @stream.setter
    def stream(self, value: object) -> None:
        pass


def _log_mkdocs() -> None:
    """Show MkDocs' messages as `mkdocs` does (INFO and up, on stderr), once."""
    logger = logging.getLogger("mkdocs")
    if not any(isinstance(h, _StderrHandler) for h in logger.handlers):
        handler = _StderrHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False


def cmd_export(args: argparse.Namespace) -> int:
    """One export of the timeline (json, timelinejs, ics, csv) to a file or stdout; the
    same bytes the site publishes under exports/."""
    from timeline.site.exports import render

    target = _output_file(args.output, args.corpus)
    timeline = _timeline_of(Path(args.corpus), _title(args.title), _run_options(args))
    _write_output(target, render(timeline, args.format))
    _report_warnings(Path(args.corpus))
    return _report_left_out(timeline)


def cmd_resolve(args: argparse.Namespace) -> int:
    from datetime import date

    from timeline.dates.explain import explain_phrase

    try:
        anchor = date.fromisoformat(args.anchor)
    except ValueError:
        print(f"--anchor {args.anchor!r}: not a date (expected YYYY-MM-DD)", file=sys.stderr)
        return 1
    if args.context is not None and args.phrase not in args.context:
        print(f"--context does not contain the phrase {args.phrase!r}", file=sys.stderr)
        return 1
    found = explain_phrase(args.phrase, anchor, args.context)
    if not found:
        print(f"no temporal expression found in {args.phrase!r}", file=sys.stderr)
        return 1
    if args.json:
        import dataclasses
        import json

        print(json.dumps([dataclasses.asdict(e) for e in found], ensure_ascii=False, indent=2))
        return 0
    for index, explanation in enumerate(found):
        if index:
            print()
        print("\n".join(explanation.lines()))
    return 0


def cmd_timeml(args: argparse.Namespace) -> int:
    from timeline.corpus import CorpusError, shown
    from timeline.outputs import Project, check_output_folder, resolved
    from timeline.timeml import annotate_files

    files = [Path(f) for f in args.files]
    out = resolved(Path(args.out))
    try:
        check_output_folder(out, Project.around(Path(CONFIG_FILE), None), inputs=files)
        written = annotate_files(files, out)
    except CorpusError as exc:
        print(f"timeline timeml: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"timeline timeml: cannot write to {shown(args.out)}: {shown(exc)}",
              file=sys.stderr)
        return 1
    for path in written:
        print(shown(path))
    return 0


class _HelpFormatter(argparse.ArgumentDefaultsHelpFormatter):
    """Every option's help ends with its default; a flag, or an option whose default is
    None (its help says what happens then), shows none."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        if action.default is None or isinstance(action.default, bool):
            return action.help
        return super()._get_help_string(action)


CORPUS_HELP = "the folder of articles, one Markdown file each"
TITLE_HELP = "the timeline's title (default: the title ./mkdocs.yml sets, else 'Timeline')"
SITE_TITLE_HELP = ("the site's title (default: site_name in the configuration; 'Timeline' "
                   "with the built-in one)")
SITE_CONFIG_HELP = (f"the MkDocs configuration (default: ./{CONFIG_FILE}; without one, the "
                    "built-in configuration of a story folder, as `timeline new` writes it)")
SITE_CORPUS_HELP = ("the folder of articles (default: the one the configuration names; "
                    "with the built-in configuration, ./corpus)")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="timeline", description=DESCRIPTION, formatter_class=_HelpFormatter,
        epilog="Run `timeline COMMAND --help` for a command's options; `timeline new DIR` "
        "starts a story of your own.",
    )
    parser.add_argument("--version", action="version", version=f"timeline {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(
        name: str, func: Callable[[argparse.Namespace], int], help_: str
    ) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_, description=help_, formatter_class=_HelpFormatter)
        p.set_defaults(func=func)
        return p

    p = add("new", cmd_new, "Start a story: a folder with the site's configuration, an "
            "empty corpus, a README and a GitHub workflow that publishes the site.")
    p.add_argument("dir", metavar="DIR", type=_folder_option,
                   help="the story folder to create, or an existing folder to add the files to")
    p.add_argument("--title", type=_title_option, default=None,
                   help="the story's title, on every page (default: from the folder's name, "
                   "my-story -> 'My story')")
    p.add_argument("--package", type=_one_line, default=None, metavar="SPEC",
                   help="what the GitHub workflow installs timeline from, as `pip install` "
                   "takes it (default: where this timeline was installed from, when CI can "
                   f"reach it; else timeline=={__version__})")

    p = add("import", cmd_import, "Turn raw article text files into corpus files.")
    p.add_argument("files", nargs="+", metavar="FILE", help="raw article text (UTF-8)")
    p.add_argument("--into", default=str(DEFAULT_CORPUS), metavar="DIR",
                   help="the corpus folder to write into (created when missing)")
    p.add_argument(
        "--force", action="store_true", help="replace existing corpus files whose content differs"
    )

    p = add("check", cmd_check, "Validate the corpus and report every problem.")
    p.add_argument("--corpus", default=str(DEFAULT_CORPUS), metavar="DIR", help=CORPUS_HELP)

    p = add("extract", cmd_extract, "Write the timeline as JSON (timeline.json).")
    p.add_argument("--corpus", default=str(DEFAULT_CORPUS), metavar="DIR", help=CORPUS_HELP)
    p.add_argument("-o", "--output", default=str(DEFAULT_JSON), metavar="FILE",
                   help="the file to write; - for standard output")
    p.add_argument("--title", type=_title_option, default=None, help=TITLE_HELP)
    _run_arguments(p)

    p = add("build", cmd_build, "Build the static site (strict).")
    p.add_argument("--corpus", default=None, metavar="DIR", help=SITE_CORPUS_HELP)
    p.add_argument("--site-dir", default=str(DEFAULT_SITE_DIR), metavar="DIR",
                   help="where the site goes; a folder there is replaced only when an earlier "
                   "build made it, or it is empty")
    p.add_argument("-f", "--config-file", default=None, metavar="FILE", help=SITE_CONFIG_HELP)
    p.add_argument("--title", type=_title_option, default=None, help=SITE_TITLE_HELP)
    _run_arguments(p)

    p = add("serve", cmd_serve, "Serve the site with live reload when corpus files change.")
    p.add_argument("--corpus", default=None, metavar="DIR", help=SITE_CORPUS_HELP)
    p.add_argument("-a", "--dev-addr", default="127.0.0.1:8000", metavar="HOST:PORT",
                   help="the address to serve on")
    p.add_argument("-f", "--config-file", default=None, metavar="FILE", help=SITE_CONFIG_HELP)
    p.add_argument("--title", type=_title_option, default=None, help=SITE_TITLE_HELP)
    _run_arguments(p)

    p = add("export", cmd_export, "Write exports: TimelineJS JSON, iCalendar, CSV.")
    p.add_argument("--corpus", default=str(DEFAULT_CORPUS), metavar="DIR", help=CORPUS_HELP)
    p.add_argument("--format", choices=["json", "timelinejs", "ics", "csv"], required=True,
                   help="which export (required)")
    p.add_argument("-o", "--output", default="-", metavar="FILE",
                   help="the file to write; - for standard output")
    p.add_argument("--title", type=_title_option, default=None, help=TITLE_HELP)
    _run_arguments(p)

    p = add("resolve", cmd_resolve, "Explain how one date phrase resolves.")
    p.add_argument("phrase", help="the date phrase, e.g. 'last Friday'")
    p.add_argument("--anchor", required=True, metavar="DATE",
                   help="the publish date to resolve against, YYYY-MM-DD (required)")
    p.add_argument("--context", default=None, metavar="SENTENCE",
                   help="the sentence the phrase is in: its tense settles some readings "
                   "(default: the phrase alone)")
    p.add_argument("--json", action="store_true", help="print the explanation as JSON")

    p = add("timeml", cmd_timeml, "Annotate TimeML documents with TIMEX3 tags.")
    p.add_argument("files", nargs="+", metavar="FILE", help="TimeML documents")
    p.add_argument("--out", required=True, metavar="DIR",
                   help="the folder for the annotated documents (required)")
    return parser


def _one_line(text: str) -> str:
    """A package spec given as an option: one line of text."""
    from timeline.story import one_line

    return _option(one_line, text)


def _folder_option(text: str) -> str:
    """A folder given as an argument: an empty one would be the working folder unasked."""
    if not text:
        raise argparse.ArgumentTypeError("give a folder ('.' for this one)")
    return text


def _title_option(text: str) -> str:
    """A title given as an option: one line, fit for a site (see story.site_title)."""
    from timeline.story import site_title

    return _option(site_title, text)


def _option(check: Callable[[str], str], text: str) -> str:
    try:
        return check(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _run_arguments(p: argparse.ArgumentParser) -> None:
    """How the pipeline runs: cores, cluster, the store of analyses."""
    group = p.add_argument_group("running")
    group.add_argument(
        "-j", "--jobs", type=_positive, default=None, metavar="N",
        help="processes for the per-article work (default: every core, or TIMELINE_JOBS)",
    )
    group.add_argument(
        "--executor", choices=["local", "dask"], default="local",
        help="where the per-article work runs: this machine, or a Dask cluster "
        "(needs `pip install 'timeline[dask]'`)",
    )
    group.add_argument(
        "--scheduler", default=None, metavar="ADDRESS",
        help="with --executor dask: the scheduler to use, e.g. tcp://10.0.0.5:8786 "
        "(default: a local cluster of --jobs workers)",
    )
    group.add_argument(
        "--no-cache", action="store_true",
        help="analyse every article again instead of reusing stored analyses",
    )
    group.add_argument(
        "--cache-dir", default=None, metavar="DIR",
        help="where analyses are kept between runs (default: ~/.cache/timeline, or "
        "TIMELINE_CACHE_DIR)",
    )


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    from timeline.corpus import CorpusError

    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:  # `timeline` alone: what it does and its commands
        parser.print_help()
        return 0
    try:
        return args.func(args)
    except CorpusError as exc:
        for problem in exc.problems:
            print(_where(problem.path, problem.line, problem.message), file=sys.stderr)
    except OSError as exc:  # unreadable input, unwritable output
        print(_where(exc.filename or "timeline", None, exc.strerror or str(exc)), file=sys.stderr)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
    return 1


def _where(path: object, line: int | None, message: str) -> str:
    from timeline.corpus import shown, where

    return f"{where(path, line)}: {shown(message)}"


if __name__ == "__main__":
    sys.exit(main())
