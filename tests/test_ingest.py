"""Import of raw article text: header shapes, furniture, verbatim text, dates, file names."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from timeline.corpus import CorpusError, load_corpus, parse_article
from timeline.ingest import import_files, is_furniture, is_teaser, parse_raw, slugify

LEAD = (
    "The council voted on Monday to close the old bridge, after engineers found cracks in "
    "two of its piers. Repairs will start next week."
)


def imported(text: str, name: str = "raw.txt"):
    return parse_raw(Path(name), text)


def front_and_body(document: str):
    _, front, body = document.split("---\n", 2)
    return yaml.safe_load(front), body


# --- header shapes -------------------------------------------------------------------


def test_date_marker_gives_published_and_the_rest_of_the_line_is_body():
    item = imported(f" date 2024-03-05 {LEAD}\n\nSecond paragraph here.")
    assert item.meta["published"] == date(2024, 3, 5)
    assert item.body == f"{LEAD}\n\nSecond paragraph here.\n"
    # no headline: the lead sentence, and a comment says so
    assert item.meta["title"] == LEAD.split(". ")[0]
    assert item.title_derived and "# title:" in item.document()


def test_a_long_lead_sentence_is_cut_at_a_clause_boundary():
    lead = "The council voted on Monday to close the old bridge, " + "and more words " * 10 + "end."
    assert imported(lead).meta["title"] == "The council voted on Monday to close the old bridge"


def test_slash_header_gives_title_place_author_program():
    item = imported(f"Bridge Closed After Cracks Found/ LYON/ M. Dupont/ Evening News/ {LEAD}\n")
    assert item.meta == {
        "title": "Bridge Closed After Cracks Found",
        "author": "M. Dupont",
        "dateline": "LYON",
        "program": "Evening News",
    }
    assert item.body == f"{LEAD}\n"
    assert not item.title_derived


def test_headline_first_line():
    item = imported(f"Old bridge to close after engineers find cracks\n\n.\n\n{LEAD}\n")
    assert item.meta == {"title": "Old bridge to close after engineers find cracks"}
    assert item.body == f"{LEAD}\n"


def test_a_first_line_that_reads_as_a_sentence_is_not_a_headline():
    item = imported(f"{LEAD}\nSecond paragraph.\n")
    assert item.title_derived
    assert item.body == f"{LEAD}\n\nSecond paragraph.\n"


def test_no_date_is_ever_invented():
    for text in (f"Headline words here\n\n{LEAD}", LEAD, f"A/ B/ C/ D/ {LEAD}"):
        item = imported(text)
        assert "published" not in item.meta
        assert "published" not in front_and_body(item.document())[0]


def test_invalid_date_marker_is_an_error_on_line_1():
    with pytest.raises(CorpusError) as caught:
        imported(f"date 2024-02-30 {LEAD}")
    assert caught.value.line == 1 and "2024-02-30" in caught.value.message


# --- furniture and verbatim text -----------------------------------------------------


@pytest.mark.parametrize(
    "line",
    ["You must Register or Login to post a comment.", "Related Content", "Comments", ".", "***",
     "  —  ", "Leave a comment", "Advertisement"],
)
def test_furniture_lines(line):
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line", ["Comments from the mayor were brief.", "Related content was removed.", "A.", "2025"]
)
def test_text_lines_are_not_furniture(line):
    assert not is_furniture(line)


@pytest.mark.parametrize(
    "line",
    ["READ MORE: Council delays the bridge vote again", "RELATED: Engineers warn of cracks",
     "Watch: the mayor on the bridge closure", "See also | Ten bridges at risk",
     "Sign up for our morning newsletter", "Subscribe to the Daily Brief",
     "CLICK HERE TO GET THE NEWS APP", "Download the City News app for breaking news",
     "Follow Ana Ruiz on X"],
)
def test_promo_lines_are_furniture(line):
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    ["More than 100 people signed up for the repairs.", "Watch the bridge, residents said.",
     "Related works will start in May.", "Sign language interpreters were present.",
     "Following the vote, the mayor left."],
)
def test_text_that_opens_like_a_promo_is_kept(line):
    assert not is_furniture(line) and not is_teaser(line)


@pytest.mark.parametrize(
    "line",
    ["MAYOR VOWS ‘FULL REPAIRS’ FOR BRIDGE BUT HOLDS OFF ON NEW TOLLS",
     "ENGINEERS FIND CRACKS IN TWO MORE CITY BRIDGES"],
)
def test_a_headline_in_capitals_is_a_teaser(line):
    assert is_teaser(line)


@pytest.mark.parametrize(
    "line",
    ["WHAT COMES NEXT", "THE VOTE", "“WE WILL NOT CLOSE THIS BRIDGE WITHOUT A PLAN!”",
     "THE BRIDGE IS SAFE AND WILL STAY OPEN.", "Engineers Find Cracks In Two More City Bridges"],
)
def test_a_subheading_or_a_shouted_sentence_is_not_a_teaser(line):
    assert not is_teaser(line)


def test_a_teaser_between_paragraphs_is_dropped_and_a_subheading_kept():
    raw = (
        f"Old bridge to close after engineers find cracks\n\n{LEAD}\n\n"
        "ENGINEERS FIND CRACKS IN TWO MORE CITY BRIDGES\n\n"
        "“It is not safe,” the engineer added.\n\n"
        "WHAT COMES NEXT\n\n"
        "READ MORE: Council delays the bridge vote again\n\n"
        "The council meets again on Friday.\n"
    )
    item = imported(raw)
    assert item.body == (
        f"{LEAD}\n\n“It is not safe,” the engineer added.\n\nWHAT COMES NEXT\n\n"
        "The council meets again on Friday.\n"
    )


def test_a_headline_in_capitals_on_the_first_line_is_the_title():
    item = imported(f"ENGINEERS FIND CRACKS IN TWO MORE CITY BRIDGES\n\n{LEAD}\n")
    assert item.meta["title"] == "ENGINEERS FIND CRACKS IN TWO MORE CITY BRIDGES"
    assert item.body == f"{LEAD}\n"


def test_furniture_dropped_everything_else_verbatim():
    raw = (
        "Headline about the bridge\n\n.\n\n"
        "First “quoted” paragraph — with dashes.\n"
        "- a list item\n"
        "Comments\n"
        "Second paragraph, with *stars* and <b>tags</b> kept as text.\n\n\n"
        "Related Content\n"
        "You must Register or Login to post a comment."
    )
    item = imported(raw)
    assert item.body == (
        "First “quoted” paragraph — with dashes.\n\n- a list item\n\n"
        "Second paragraph, with *stars* and <b>tags</b> kept as text.\n"
    )


def test_hard_wrapped_sentence_lines_stay_together():
    item = imported("Title\n\nThe council met on Monday and\ndecided to close the bridge.\nNext.")
    assert item.body == "The council met on Monday and\ndecided to close the bridge.\n\nNext.\n"


def test_title_from_the_first_sentence_with_words():
    assert imported("!! Hello there. More text.").meta["title"] == "Hello there"


def test_punctuation_after_a_header_is_furniture_too():
    with pytest.raises(CorpusError, match="no article text"):
        imported("date 2025-10-17 .")


def test_header_values_are_one_line():
    item = imported("Head\u2028line\twith\x85breaks/ PLACE/ A. Writer/ Show/ Text.")
    assert item.meta["title"] == "Head line with breaks"


def test_nothing_left_is_an_error():
    with pytest.raises(CorpusError, match="no article text"):
        imported("Headline only\n\nComments\n")


# --- the written file ----------------------------------------------------------------


@pytest.mark.parametrize(
    "title",
    [
        "Bridge: closed --- for good",
        "title: injected\n---",
        "!!python/object/apply:os.system ['true']",
        "'quotes' \"and\" #hash",
        "Ünïcödé — «title»",
    ],
)
def test_hostile_titles_round_trip_through_safe_yaml(title):
    item = imported(f"x/ PLACE/ Author/ Program/ {LEAD}")
    hostile = type(item)(item.source, slugify(title), {**item.meta, "title": title}, item.body)
    article, problems = parse_article(Path("x.md"), hostile.document())
    assert problems == [] and article is not None
    assert article.title == title.strip() and article.body == "\n" + item.body


def test_slugs_are_readable():
    assert slugify("Trump's Call: Putin & Zelenskyy, Again!") == "trumps-call-putin-zelenskyy-again"
    assert slugify("Café à Paris") == "cafe-a-paris"
    assert slugify("Война и мир") == "война-и-мир"
    assert slugify("!!!") == "article"
    assert len(slugify("word " * 50)) <= 60


def write_raw(folder: Path, name: str, text: str | bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_same_title_gets_numbered_names_independent_of_order(tmp_path):
    a = write_raw(tmp_path / "raw", "a.txt", f"Same headline\n\n{LEAD}")
    b = write_raw(tmp_path / "raw", "b.txt", "Same headline\n\nOther text.")
    one = import_files([a, b], tmp_path / "one")
    two = import_files([b, a], tmp_path / "two")
    names = {o.imported.source.name: o.target.name for o in one}
    assert names == {"a.txt": "same-headline.md", "b.txt": "same-headline-2.md"}
    assert names == {o.imported.source.name: o.target.name for o in two}
    assert len(load_corpus(tmp_path / "one")) == 2


def test_reimport_is_unchanged_and_differing_file_needs_force(tmp_path):
    raw = write_raw(tmp_path / "raw", "a.txt", f"Some headline\n\n{LEAD}")
    into = tmp_path / "corpus"
    (first,) = import_files([raw], into)
    assert first.action == "write"
    assert import_files([raw], into)[0].action == "unchanged"
    first.target.write_text("edited by hand", encoding="utf-8")
    with pytest.raises(CorpusError, match="--force"):
        import_files([raw], into)
    assert first.target.read_text(encoding="utf-8") == "edited by hand"
    assert import_files([raw], into, force=True)[0].action == "replace"
    assert load_corpus(into)[0].title == "Some headline"


def test_one_bad_input_writes_nothing(tmp_path):
    good = write_raw(tmp_path / "raw", "good.txt", f"Good headline\n\n{LEAD}")
    bad = write_raw(tmp_path / "raw", "bad.txt", b"Caf\xe9 headline\n\ntext")
    with pytest.raises(CorpusError) as caught:
        import_files([good, bad], tmp_path / "corpus")
    assert [(p.path.name, p.line) for p in caught.value.problems] == [("bad.txt", 1)]
    assert not (tmp_path / "corpus").exists() or not any((tmp_path / "corpus").iterdir())


# --- the seed articles (skipped when ../shared/seeds is absent) ----------------------


def test_seeds_import_to_the_committed_demo_corpus(seeds_dir, tmp_path, repo_root):
    import_files(sorted(seeds_dir.glob("*.txt")), tmp_path)
    made = {p.name: p.read_bytes() for p in tmp_path.glob("*.md")}
    committed = {p.name: p.read_bytes() for p in (repo_root / "corpus").glob("*.md")}
    assert made == committed


def test_seed_lines_survive_verbatim(seeds_dir):
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        item = parse_raw(path, text)
        body_lines = {line for line in item.body.split("\n") if line}
        header_line, *rest = [line.strip() for line in text.split("\n") if line.strip()]
        for line in rest:
            kept = line in body_lines or line == item.meta["title"]
            assert kept or is_furniture(line) or is_teaser(line), line
        assert "published" not in item.meta or header_line.startswith("date ")


# --- any text --------------------------------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

PIECES = st.sampled_from(
    ["date 2025-10-17 ", "date 2025-13-45 ", "Title/ PLACE/ Author/ Program/ ", "Headline",
     "word", "Word", " ", "  ", "\n", "\n\n", "\t", ".", "!", "?", ":", ",", "/", "-", "—", "---",
     "'", '"', "“", "#", "*", "[x](javascript:alert(1))", "{: onclick=x }", "<b>", "Comments",
     "Related Content", "\u2028", "\x85", "\x0c", "é", "й", "0", "2024", "title: x"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=40).map("".join))
def test_any_text_imports_to_a_file_that_loads_back(text):
    try:
        item = parse_raw(Path("raw.txt"), text)
    except CorpusError:
        return
    article, problems = parse_article(Path(f"{item.slug}.md"), item.document())
    assert problems == [] and article is not None
    assert article.title == str(item.meta["title"]).strip()
    assert article.body == "\n" + item.body
    assert "published" not in item.meta or "date 20" in text
    source_lines = {line.strip() for line in text.split("\n")}
    for line in item.body.split("\n"):
        assert not line or line in source_lines or any(line in s for s in source_lines)
