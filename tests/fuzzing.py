"""Fuzz strategies and targets shared by tests/test_fuzz.py (bounded, in CI) and
bench/fuzz.py (minutes-long runs that count crashes).

A *target* is a function of one generated case that must not raise anything but the
errors it documents (CorpusError for bad input). The strategies mix random text with
"real-page-shaped" text: sentences built from news-like fragments, dates in many forms,
numbers (some absurdly long), punctuation, hyphenated names such as `user-2010`,
brackets, quotes and URLs, and publish dates anywhere in the calendar, its ends included.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from timeline.corpus import CorpusError, parse_article
from timeline.dates.explain import explain
from timeline.dates.resolve import resolve_text
from timeline.ingest import parse_raw
from timeline.model import Article, Timeline
from timeline.pipeline import build_timeline
from timeline.site.exports import FORMATS, render
from timeline.timeline import dumps

# --- settings profiles ---------------------------------------------------------------------

# "fuzz-ci" keeps each fuzz test to a few seconds; "fuzz-deep" is for a longer local run
# (TIMELINE_FUZZ_PROFILE=fuzz-deep pytest tests/test_fuzz.py). bench/fuzz.py runs by time.
_COMMON = dict(deadline=None, suppress_health_check=list(HealthCheck), derandomize=False)
settings.register_profile("fuzz-ci", max_examples=30, **_COMMON)  # type: ignore[arg-type]
settings.register_profile("fuzz-deep", max_examples=2000, **_COMMON)  # type: ignore[arg-type]


# --- text ---------------------------------------------------------------------------------

SUBJECTS = [
    "The council", "President Donald Trump", "Mayor Jane Okafor-Smith", "user-2010",
    "the Ministry of Defence", "Putin", "officials", "He", "A spokesman", "NATO",
    "the U.S.", "Zelenskyy's office", "the 2010s-era board", "Sen. J. Mansour",
    "COVID-19", "F-16s", "the G7", "Q3", "the 9/11 commission", "[Reuters]", "@user2010",
]
VERBS = [
    "met", "said", "will meet", "resigned", "announced", "signed", "was released",
    "is scheduled to vote", "leaked", "wrote that oil leaked", "spoke to Putin",
    "plans to visit", "warned", "denied", "arrived", "fell", "struck", "ended the strike",
]
DATES = [
    "on Monday", "last week", "next Friday", "May 5, 2010", "2010-05-28", "in 2010",
    "3 days ago", "the '90s", "the 1990s", "at 10:35 a.m. (0735 GMT) Friday",
    "between 2010 and 2015", "from March until May", "a year earlier", "yesterday",
    "this morning", "on the 25th", "Christmas Day", "the third quarter", "Q4 2024",
    "the quarter ended Sept. 30", "two decades ago", "in the 21st century", "tonight",
    "at 9 p.m. local time (1800 GMT) on Sunday", "mid-next year", "the day before",
    "9999", "0001-01-01", "9999-12-31", "year 10000", "the 99th century", "1/2/3",
    "10,000 years ago", "next century", "last millennium", "5 1/2 hours", "0.5 weeks",
    "two days before the summit", "3 weeks after the meeting", "the day after the vote",
]
FILLERS = [
    ",", ";", ":", " —", " (", ")", '"', "“", "”", "'", "’", "[", "]", "...", "!", "?",
    " https://example.org/2010/05/28/story?id=1&x=2", " http://evil.example/\u202eexe.pdf",
    " user:pass@host", " #hashtag", " 50%", " $4.5 million", " 2-1", " No. 10",
    " <b>", " </script>", " &amp;", " \t", "\n", "\n\n", " 1:1:1:1", " ---",
]
WORDS = ["oil", "talks", "the", "vote", "deal", "strike", "and", "after", "when", "which"]


def digits() -> st.SearchStrategy[str]:
    """Numbers from one digit to a few hundred (floats of those overflow)."""
    return st.integers(min_value=1, max_value=400).map(lambda n: "9" * n) | st.integers(
        min_value=0, max_value=10**12).map(str)


def fragment() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(SUBJECTS), st.sampled_from(VERBS), st.sampled_from(DATES),
        st.sampled_from(FILLERS), st.sampled_from(WORDS), digits(),
        st.builds(lambda d, u: f"{d} {u} ago", digits(), st.sampled_from(
            ["days", "weeks", "years", "decades", "centuries", "hours"])),
        st.builds(lambda d: f"in {d}", digits()),
        st.builds(lambda d, w: f"{d} {w} the summit", digits(), st.sampled_from(
            ["days before", "weeks after", "days after"])),
        st.text(min_size=1, max_size=6),
    )


@st.composite
def news_sentence(draw: st.DrawFn) -> str:
    parts = [draw(st.sampled_from(SUBJECTS)), draw(st.sampled_from(VERBS))]
    parts += draw(st.lists(fragment(), max_size=8))
    return " ".join(parts) + draw(st.sampled_from([".", "!", "?", "", ".\n", ".\n\n"]))


def news_text() -> st.SearchStrategy[str]:
    """A body shaped like a news page: sentences, paragraphs, furniture-like lines."""
    return st.lists(news_sentence(), min_size=1, max_size=8).map(" ".join)


def any_text() -> st.SearchStrategy[str]:
    return st.one_of(news_text(), st.text(max_size=300), st.lists(
        fragment(), max_size=20).map("".join))


CALENDAR_ENDS = [date(1, 1, 1), date(1, 1, 7), date(1, 12, 31), date(9999, 1, 1),
                 date(9999, 12, 25), date(9999, 12, 31), date(9998, 12, 31)]


def anchors() -> st.SearchStrategy[date]:
    """Publish days anywhere in 0001..9999, the ends of the calendar often."""
    return st.one_of(st.sampled_from(CALENDAR_ENDS), st.dates(), st.dates(
        min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)))


def published_values() -> st.SearchStrategy[date | datetime | None]:
    def with_offset(d: date, hours: int) -> datetime:
        return datetime(d.year, d.month, d.day, 12, tzinfo=timezone(timedelta(hours=hours)))

    return st.one_of(st.none(), anchors(), st.builds(
        with_offset, anchors(), st.integers(min_value=-12, max_value=12)))


# --- corpus files --------------------------------------------------------------------------

FRONT_KEYS = ["title", "source", "url", "author", "published", "language", "dateline",
              "program", "publishd", "tags"]
YAML_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=40),
    st.sampled_from(["", " ", "2025-10-17", "2025-13-01", "0001-01-01", "9999-12-31",
                     "2025-10-17T08:30:00-04:00", "2025-10-17T08:30:00", "10000-01-01",
                     "en", "EN", "x" * 10, "null", "~", "<script>"]),
    st.dates().map(str),
)
YAML_VALUES = st.recursive(
    YAML_SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner,
                                                                max_size=3),
    max_leaves=6,
)


@st.composite
def front_matter(draw: st.DrawFn) -> str:
    """YAML front matter: mostly a mapping of known keys to values of any type."""
    mapping = draw(st.dictionaries(st.sampled_from(FRONT_KEYS), YAML_VALUES, max_size=6))
    if draw(st.booleans()):
        mapping.setdefault("title", draw(st.text(min_size=1, max_size=30)))
    text = yaml.safe_dump(mapping, allow_unicode=True, sort_keys=False)
    return draw(st.one_of(st.just(text), st.just(text), st.text(max_size=80),
                          st.sampled_from(["[" * 50, "{a: " * 30, "- " * 40, "a: &x [*x]"])))


@st.composite
def corpus_file(draw: st.DrawFn) -> str:
    """The text of a corpus file: front matter (sometimes broken) and a body."""
    fence = draw(st.sampled_from(["---\n", "---\n", "--- \n", "", "---"]))
    closing = draw(st.sampled_from(["---\n", "---\n", "", "---"]))
    return fence + draw(front_matter()) + closing + draw(any_text())


# --- targets -------------------------------------------------------------------------------


def load_text(text: str) -> None:
    """The corpus loader on one file's text: an article or problems, never an exception."""
    article, problems = parse_article(Path("fuzz.md"), text)
    assert (article is None) == any(p.severity == "error" for p in problems)
    for problem in problems:
        str(problem)


def load_bytes(data: bytes, folder: Path) -> None:
    """The corpus loader on a file of raw bytes, through the file system."""
    from timeline.corpus import check_corpus

    (folder / "fuzz.md").write_bytes(data)
    articles, problems = check_corpus(folder)
    assert articles or problems


def import_text(text: str) -> None:
    """The importer: a corpus file that loads back cleanly, or a CorpusError."""
    try:
        imported = parse_raw(Path("raw.txt"), text)
    except CorpusError:
        return
    article, problems = parse_article(Path(f"{imported.slug}.md"), imported.document())
    assert article is not None, problems


def resolve_case(case: tuple[str, date]) -> None:
    """The resolver on any text and publish day: values inside the calendar, explainable."""
    text, anchor = case
    for timex in resolve_text(text, anchor):
        assert 0 <= timex.start < timex.end <= len(text)
        explain(timex)  # every value renders (TIMEX3 value, interval)
        interval = timex.interval()
        if interval is not None:
            assert interval[0] <= interval[1]


@dataclass(frozen=True)
class ArticleCase:
    body: str
    published: date | datetime | None
    title: str = "T"


def articles_of(cases: list[ArticleCase]) -> list[Article]:
    return [Article(id=f"a{i}", path=Path(f"corpus/a{i}.md"), title=c.title, body=c.body,
                    published=c.published) for i, c in enumerate(cases)]


def article_cases(text: st.SearchStrategy[str] | None = None
                  ) -> st.SearchStrategy[list[ArticleCase]]:
    body = text if text is not None else any_text()
    case = st.builds(ArticleCase, body=body.filter(str.strip),
                     published=published_values(), title=st.text(min_size=1, max_size=20))
    return st.lists(case, min_size=1, max_size=3)


def pipeline_case(cases: list[ArticleCase]) -> None:
    """Articles to timeline.json and every export, each well-formed."""
    timeline = build_timeline(articles_of(cases), title="Fuzz")
    check_exports(timeline)


def check_exports(timeline: Timeline) -> None:
    for kind in FORMATS:
        text = render(timeline, kind)
        if kind in ("json", "timelinejs"):
            json.loads(text)
        elif kind == "csv":
            list(csv.reader(io.StringIO(text)))
        else:
            assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    json.loads(dumps(timeline))


def corpus_to_exports(text: str) -> None:
    """A corpus file's text through the loader, the pipeline and every export."""
    article, _ = parse_article(Path("corpus/fuzz.md"), text)
    if article is not None:
        check_exports(build_timeline([article], title="Fuzz"))


def command_line(text: str, folder: Path) -> None:
    """`timeline check`, `extract`, `export` on a one-file corpus and `import` of the same
    text as a raw file: exit 0 or 1 with one-line messages, never a traceback."""
    import contextlib

    from timeline.cli import main

    corpus = folder / "corpus"
    corpus.mkdir(exist_ok=True)
    (corpus / "fuzz.md").write_text(text, encoding="utf-8", errors="surrogatepass")
    (folder / "raw.txt").write_text(text, encoding="utf-8", errors="surrogatepass")
    commands = (["check", "--corpus", str(corpus)],
                ["extract", "--corpus", str(corpus), "-o", str(folder / "timeline.json")],
                ["export", "--corpus", str(corpus), "--format", "ics", "-o",
                 str(folder / "timeline.ics")],
                ["import", str(folder / "raw.txt"), "--into", str(folder / "imported"),
                 "--force"])
    for argv in commands:
        err, out = io.StringIO(), io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
            code = main(argv)
        assert code in (0, 1) and "Traceback" not in err.getvalue(), (argv, err.getvalue())
        assert all(ch.isprintable() for line in err.getvalue().splitlines() for ch in line)


# name -> (strategy, target); bench/fuzz.py runs them all, test_fuzz.py each in a test
TARGETS: dict[str, tuple[st.SearchStrategy[Any], Callable[[Any], None]]] = {
    "loader-text": (st.one_of(corpus_file(), st.text(max_size=200)), load_text),
    "importer": (any_text(), import_text),
    "resolver": (st.tuples(any_text(), anchors()), resolve_case),
    "pipeline": (article_cases(), pipeline_case),
    "pipeline-news": (article_cases(news_text()), pipeline_case),
    "corpus-to-exports": (corpus_file(), corpus_to_exports),
}
# targets that need a scratch folder: name -> (strategy, target(case, folder))
FOLDER_TARGETS: dict[str, tuple[st.SearchStrategy[Any], Callable[[Any, Path], None]]] = {
    "loader-bytes": (st.binary(max_size=400), load_bytes),
    "command-line": (corpus_file(), command_line),
}
