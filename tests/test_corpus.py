"""The corpus loader: articles from Markdown files, and every problem with file and line."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from timeline.corpus import ERROR, WARNING, CorpusError, check_corpus, load_corpus


def errors_of(folder):
    _, problems = check_corpus(folder)
    return [(p.path.name, p.line, p.message) for p in problems if p.severity == ERROR]


def test_loads_fields_and_sorts_by_id(make_corpus):
    make_corpus.article("b-second", title="Second", source="Outlet", url="https://x.test/b")
    make_corpus.article("a-first", body="Body text.\n", title="First", author="A. Writer")
    articles = load_corpus(make_corpus.root)
    assert [a.id for a in articles] == ["a-first", "b-second"]
    first, second = articles
    assert (first.title, first.author, first.body, first.language) == (
        "First",
        "A. Writer",
        "Body text.\n",
        "en",
    )
    assert (second.source, second.url, second.published) == ("Outlet", "https://x.test/b", None)
    assert first.body_line == 5  # ---, title, author, ---, then the body


def test_published_date_and_datetime_keep_the_written_day(make_corpus):
    make_corpus.article("d", published=date(2025, 10, 17))
    make_corpus.raw("t.md", "---\ntitle: T\npublished: 2025-10-17T23:30:00-04:00\n---\nText.\n")
    by_id = {a.id: a for a in load_corpus(make_corpus.root)}
    assert by_id["d"].published == date(2025, 10, 17)
    moment = by_id["t"].published
    assert moment == datetime(2025, 10, 17, 23, 30, tzinfo=timezone(timedelta(hours=-4)))
    assert by_id["t"].published_day == date(2025, 10, 17)  # not shifted to UTC (the 18th)


def test_crlf_and_bom_are_accepted(make_corpus):
    make_corpus.raw("w.md", "\ufeff---\r\ntitle: W\r\n---\r\nLine one.\r\n".encode())
    (article,) = load_corpus(make_corpus.root)
    assert (article.title, article.body) == ("W", "Line one.\n")


@pytest.mark.parametrize(
    ("content", "line", "fragment"),
    [
        ("---\ntitle: [unclosed\nauthor: x\n---\nText.\n", 3, "not valid YAML"),
        ("---\ntitle: ok\n  bad: indent\n---\nText.\n", 3, "not valid YAML"),
        ("No front matter here.\n", 1, "no front matter"),
        ("---\ntitle: never closed\nText.\n", 1, "not closed"),
        ("---\n- a\n- b\n---\nText.\n", 2, "mapping"),
        ("---\nauthor: Someone\n---\nText.\n", 1, "missing `title`"),
        ("---\ntitle: 1984\n---\nText.\n", 2, "`title` must be text"),
        ("---\ntitle: ''\n---\nText.\n", 2, "`title` is empty"),
        ("---\ntitle: null\n---\nText.\n", 2, "`title` is empty"),
        ("---\nsource: S\ntitle:\n---\nText.\n", 3, "`title` is empty"),
        ("---\ntitle: T\nsource: {a: 1}\n---\nText.\n", 3, "`source` must be text"),
        ("---\ntitle: T\nurl: 3.5\n---\nText.\n", 3, "`url` must be text"),
        ("---\ntitle: T\ndateline: true\n---\nText.\n", 3, "`dateline` must be text"),
        ("---\ntitle: T\nprogram: 7\n---\nText.\n", 3, "`program` must be text"),
        ("---\ntitle: T\nlanguage: [en]\n---\nText.\n", 3, "`language` must be text"),
        ("---\ntitle: T\npublished: {day: 1}\n---\nText.\n", 3, "must be a date"),
        ("---\ntitle: T\npublished: true\n---\nText.\n", 3, "must be a date"),
        ("---\ntitle: T\npublished: [2025]\n---\nText.\n", 3, "must be a date"),
        ("---\ntitle: T\npublished: 9999-12-31\n---\nText.\n", 3, "outside the calendar"),
        ("---\ntitle: T\npublished: 0001-01-01\n---\nText.\n", 3, "outside the calendar"),
        ("---\ntitle: T\npublished: 9999-12-31T23:00:00+01:00\n---\nText.\n", 3,
         "outside the calendar"),
        ("---\ntitle: T\nauthor: [a, b]\n---\nText.\n", 3, "`author` must be text"),
        ("---\ntitle: T\n\npublished: 2025-13-01\n---\nText.\n", 4, "invalid `published` date"),
        ("---\ntitle: T\npublished: yesterday\n---\nText.\n", 3, "invalid `published` value"),
        ("---\ntitle: T\npublished: 2025-10-17T08:30\n---\nText.\n", 3, "needs a UTC offset"),
        ("---\ntitle: T\npublished: 2025\n---\nText.\n", 3, "must be a date"),
        ("---\ntitle: T\nlanguage: English\n---\nText.\n", 3, "language code"),
        ("---\ntitle: T\ntitle: U\n---\nText.\n", 3, "duplicate key `title`"),
        ("---\ntitle: T\n---\n\n   \n", 4, "empty body"),
    ],
)
def test_each_problem_names_the_line(make_corpus, content, line, fragment):
    make_corpus.raw("bad.md", content)
    problems = errors_of(make_corpus.root)
    assert any(name == "bad.md" and ln == line and fragment in msg for name, ln, msg in problems), (
        problems
    )


def test_undecodable_and_binary_files(make_corpus):
    make_corpus.raw("latin.md", "---\ntitle: T\n---\nCaf\xe9 au lait.\n".encode("latin-1"))
    make_corpus.raw("blob.md", b"\x89PNG\r\n\x1a\n\0\0\0")
    problems = errors_of(make_corpus.root)
    assert ("latin.md", 4, "not UTF-8 text (invalid byte 0xe9)") in problems
    assert any(name == "blob.md" and "binary" in msg for name, _, msg in problems)


def test_duplicate_ids_across_suffixes_and_case(make_corpus):
    make_corpus.article("same")
    make_corpus.raw("same.markdown", "---\ntitle: Other\n---\nText.\n")
    make_corpus.article("Case")
    make_corpus.article("case")
    messages = [m for _, _, m in errors_of(make_corpus.root)]
    assert sum("duplicate article id" in m for m in messages) == 2


def test_unknown_keys_and_stray_files_only_warn(make_corpus):
    make_corpus.article("a", tags=["x"])
    make_corpus.raw("notes.txt", "raw text")
    articles, problems = check_corpus(make_corpus.root)
    assert [a.id for a in articles] == ["a"]
    assert {p.severity for p in problems} == {WARNING}
    assert any(p.line == 3 and "unknown key `tags`" in p.message for p in problems)
    assert load_corpus(make_corpus.root)  # warnings do not stop loading


@pytest.mark.parametrize(
    ("key", "suggested"),
    [("publishd", "published"), ("Title", "title"), ("sorce", "source"),
     ("date", "published"), ("headline", "title"), ("lang", "language")],
)
def test_an_unknown_key_gets_did_you_mean(make_corpus, key, suggested):
    make_corpus.article("a", **{key: "x"})
    (problem,) = check_corpus(make_corpus.root)[1]
    assert problem.severity == WARNING
    assert problem.message == f"unknown key `{key}` is ignored: did you mean `{suggested}`?"


def test_an_unknown_key_like_no_known_one_lists_them(make_corpus):
    make_corpus.raw("a.md", "---\ntitle: A\n1: x\nzzz: y\n---\nText.\n")
    messages = [p.message for p in check_corpus(make_corpus.root)[1]]
    assert len(messages) == 2 and all("did you mean" not in m for m in messages)
    assert all("(known keys: title, source, url" in m for m in messages)


def test_missing_empty_and_non_folder(tmp_path):
    assert "not found" in errors_of(tmp_path / "nope")[0][2]
    (tmp_path / "empty").mkdir()
    assert "empty corpus" in errors_of(tmp_path / "empty")[0][2]
    (tmp_path / "file.md").write_text("x")
    assert "not a folder" in errors_of(tmp_path / "file.md")[0][2]


def test_unusable_file_name_is_an_error(make_corpus):
    make_corpus.raw("has space.md", "---\ntitle: T\n---\nText.\n")
    assert any("usable id" in m for _, _, m in errors_of(make_corpus.root))


def test_load_corpus_raises_with_every_error(make_corpus):
    make_corpus.raw("one.md", "---\ntitle: [\n---\nText.\n")
    make_corpus.raw("two.md", "---\ntitle: T\npublished: 2025-02-30\n---\nText.\n")
    make_corpus.article("fine")
    with pytest.raises(CorpusError) as caught:
        load_corpus(make_corpus.root)
    assert [p.path.name for p in caught.value.problems] == ["one.md", "two.md"]
    assert str(caught.value).startswith(str(make_corpus.root / "one.md") + ":2: ")


def test_hidden_files_are_skipped_and_subfolders_read(make_corpus):
    make_corpus.raw(".draft.md", "broken")
    make_corpus.raw("2025/october.md", "---\ntitle: T\n---\nText.\n")
    assert [a.id for a in load_corpus(make_corpus.root)] == ["october"]


def test_yaml_tags_are_not_executed(make_corpus):
    make_corpus.raw("evil.md", "---\ntitle: !!python/object/apply:os.system ['true']\n---\nX\n")
    assert any("not valid YAML" in m for _, _, m in errors_of(make_corpus.root))


def test_demo_corpus_is_clean(repo_root):
    articles, problems = check_corpus(repo_root / "corpus")
    assert len(articles) == 5
    assert problems == []


# --- any file ---------------------------------------------------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

FILE_PIECES = st.sampled_from(
    ["---\n", "---", "\n", "title: T\n", "title: [\n", "published: 2025-10-17\n",
     "published: 2025-02-30T08:00:00+01:00\n", "author: 3\n", "language: en\n", "x: {a: b}\n",
     "- item\n", "  indented: x\n", "&a [*a, *a]\n", "!!python/name:os.system\n", "Body text.\n",
     ": :\n", '"unterminated\n', "\t\n", "\r\n", "\ufeff", "é", "\x85", "...\n", "# c\n"]
)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(FILE_PIECES, max_size=30).map("".join), st.binary(max_size=4))
def test_any_file_gives_an_article_or_problems_never_an_exception(make_corpus, text, tail):
    path = make_corpus.raw("any.md", text.encode("utf-8") + tail)
    articles, problems = check_corpus(make_corpus.root)
    lines = path.read_bytes().count(b"\n") + 1
    assert all(p.line is None or 1 <= p.line <= lines + 1 for p in problems)
    has_error = any(p.severity == ERROR for p in problems)
    assert has_error != bool(articles)
    for article in articles:
        assert article.title.strip() and article.body.strip()
