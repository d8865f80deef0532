"""The MkDocs plugin `timeline`: a thin adapter that adds the generated pages to a build.

    plugins:
      - search
      - timeline:
          corpus: corpus      # folder of articles, relative to mkdocs.yml
          title: My story     # default: site_name
          exports: true       # publish timeline.json, TimelineJS, .ics and CSV
          home: true          # generate the home page (index.md) that tells the story
          key_moments: 12     # how many key moments it shows (default: grows with the story)

All the work is in `timeline.pipeline` (corpus → Timeline) and `timeline.site.pages`
(Timeline → pages); this module only wires them into MkDocs events, adds the stylesheet
and the tooltip script, and turns off theme features that would read article text as
markup (Material's `content.tooltips`).
"""

from __future__ import annotations

import logging
import os
from importlib import resources
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page as MkDocsPage

from timeline.corpus import CorpusError, shown
from timeline.model import Timeline
from timeline.run import RunOptions, timeline_of_corpus
from timeline.site import exports
from timeline.site.pages import (
    EXPORT_FILES,
    HOME,
    SCRIPT,
    STYLESHEET,
    Page,
    SiteOptions,
    build_pages,
)

# Markdown extensions the generated pages rely on (heading ids, table of contents).
REQUIRED_EXTENSIONS = ("attr_list", "toc")
# Theme features that read article text as markup: Material's tooltips render an element's
# title (which holds article text) as HTML. assets/timeline.js shows the tips as text.
UNSAFE_FEATURES = ("content.tooltips",)
# The generated assets, shipped in the package.
ASSETS = (STYLESHEET, SCRIPT)

log = logging.getLogger(f"mkdocs.plugins.{__name__}")


class TimelineConfig(Config):
    corpus = c.Type(str, default="corpus")
    title = c.Optional(c.Type(str))
    exports = c.Type(bool, default=True)
    home = c.Type(bool, default=True)
    key_moments = c.Optional(c.Type(int))
    # how the pipeline runs (the command line sets these from its options)
    jobs = c.Optional(c.Type(int))  # processes; default every core
    executor = c.Choice(("local", "dask"), default="local")
    scheduler = c.Optional(c.Type(str))
    cache = c.Type(bool, default=True)
    cache_dir = c.Optional(c.Type(str))
    # an article that cannot be read is left out and listed (a warning, so a strict
    # build fails), unless the caller reports it itself
    keep_going = c.Type(bool, default=False)


class TimelinePlugin(BasePlugin[TimelineConfig]):
    def __init__(self) -> None:
        self.timeline: Timeline | None = None
        self.pages: list[Page] = []

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Build the timeline once per build, before files are collected; watch the corpus."""
        moments = self.config.key_moments
        if moments is not None and (isinstance(moments, bool) or moments < 0):
            raise PluginError("timeline: `key_moments` must be a whole number, 0 or more")
        folder = self._corpus_folder(config)
        title = self.config.title or config.site_name
        try:  # an internal error names the article that set it off (timeline/failures.py)
            self.timeline = timeline_of_corpus(folder, title, self._run_options())
        except CorpusError as error:
            raise PluginError(f"timeline: {_describe(error)}") from error
        for error in self.timeline.errors:
            report = log.info if self.config.keep_going else log.warning
            report("timeline: %s: %s (left out)", shown(error.path), shown(error.message))
        options = SiteOptions(
            directory_urls=config.use_directory_urls,
            exports=self.config.exports,
            home=self.config.home,
            key_moments=moments,
        )
        self.pages = build_pages(self.timeline, options)
        config.watch.append(str(folder))
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        if SCRIPT not in [str(script) for script in config.extra_javascript]:
            config.extra_javascript.append(SCRIPT)
        _drop_unsafe_features(config)
        for name in REQUIRED_EXTENSIONS:
            if name not in config.markdown_extensions:
                config.markdown_extensions.append(name)
        return config

    def _run_options(self) -> RunOptions:
        cfg, env = self.config, RunOptions.from_env()
        return RunOptions(
            jobs=cfg.jobs if cfg.jobs is not None else env.jobs,
            executor=cfg.executor,
            scheduler=cfg.scheduler,
            cache=cfg.cache and env.cache,
            cache_dir=Path(cfg.cache_dir) if cfg.cache_dir else env.cache_dir,
        )

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        """Add the pages, the stylesheet and the exports as in-memory files."""
        for page in self.pages:
            level = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
            if page.path == HOME and files.get_file_from_path(HOME) is not None:
                log.info("timeline: the story's home page replaces docs/%s; move that text "
                         "to another page (e.g. about.md) or set the option `home: false`", HOME)
            _add(files, File.generated(config, page.path, content=page.content, inclusion=level))
        for asset in ASSETS:
            text = resources.files("timeline.site").joinpath(asset).read_text("utf-8")
            _add(files, File.generated(config, asset, content=text))
        if self.config.exports and self.timeline is not None:
            for kind, path in EXPORT_FILES.items():
                # bytes: written as is, so the .ics keeps its CRLF line ends
                data = exports.render(self.timeline, kind).encode("utf-8")
                _add(files, File.generated(config, path, content=data))
        return files

    def on_pre_page(
        self, page: MkDocsPage, /, *, config: MkDocsConfig, files: Files
    ) -> MkDocsPage:
        """Date pages (the sitemap's lastmod) by the news, not the clock, so the same corpus
        builds byte-identical; SOURCE_DATE_EPOCH, when set, keeps precedence."""
        as_of = self._as_of()
        if as_of and "SOURCE_DATE_EPOCH" not in os.environ:
            page.update_date = as_of
        return page

    def _as_of(self) -> str | None:
        """The latest publish day in the corpus."""
        if self.timeline is None:
            return None
        days = [r.article.published_day for r in self.timeline.articles]
        known = [d for d in days if d is not None]
        return max(known).isoformat() if known else None

    def _corpus_folder(self, config: MkDocsConfig) -> Path:
        base = Path(config.config_file_path or ".").resolve().parent
        return (base / self.config.corpus).resolve()


def _drop_unsafe_features(config: MkDocsConfig) -> None:
    """Turn off theme features that would render article text as markup, whatever
    mkdocs.yml asks for (said in the log, not as a warning: a strict build goes on)."""
    features = config.theme.get("features")
    if not isinstance(features, list):
        return
    for name in UNSAFE_FEATURES:
        if name in features:
            features.remove(name)
            log.info("timeline: theme feature %s is off: it renders article text as HTML; "
                     "the timeline's own tooltips show it as text", name)


def _add(files: Files, file: File) -> None:
    """Generated files replace a hand-written file of the same path (never docs/ edits)."""
    existing = files.get_file_from_path(file.src_uri)
    if existing is not None:
        files.remove(existing)
    files.append(file)


def _describe(error: CorpusError) -> str:
    if len(error.problems) > 1:
        more = len(error.problems) - 1
        return f"{error} (and {more} more problems; run `timeline check`)"
    return str(error)
