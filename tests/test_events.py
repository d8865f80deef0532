"""Event mentions: the trigger each date governs, status, actors, summaries, what is not
an event (furniture, durations, vague context) and dates relative to named happenings.

Timexes are built by hand here so these tests pin the event stage alone."""

from __future__ import annotations

from datetime import date
from importlib import resources
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.anchoring import extract, find_mentions
from timeline.events import find_entities, summarize
from timeline.events.lexicon import lexicon
from timeline.events.relative import relative_references as references_in
from timeline.furniture import furniture, is_furniture
from timeline.model import Article, Timex
from timeline.values import Duration, Reference, day, month, week_of, year

PUB = date(2024, 3, 8)  # a Friday


def article(body: str, published: date | None = PUB, aid: str = "a") -> Article:
    return Article(aid, Path(f"{aid}.md"), "t", body, published=published)


def tx(body: str, phrase: str, value, n: int = 0, type_: str = "DATE") -> Timex:
    start = -1
    for _ in range(n + 1):
        start = body.index(phrase, start + 1)
    return Timex(phrase, start, start + len(phrase), type_, value)


WED, THU, FRI = day(date(2024, 3, 6)), day(date(2024, 3, 7)), day(date(2024, 3, 8))


def monday_and_wednesday(body: str) -> list:
    """Mentions of a body that says 'on Monday' and 'on Wednesday' (in that week)."""
    dates = [tx(body, "on Monday", day(date(2024, 3, 4))), tx(body, "on Wednesday", WED)]
    return find_mentions(article(body), dates)


def test_date_attaches_to_the_verb_it_governs():
    body = (
        "Mayor Jane Okafor spoke to Governor Tim Walsh on Wednesday, hours after "
        "threatening to close the port."
    )
    (m,) = find_mentions(article(body), [tx(body, "on Wednesday", WED)])
    assert m.trigger == "spoke"
    assert body[m.trigger_start : m.trigger_end] == "spoke"
    assert m.happening == "CALL"  # speaking *to a person* is a call
    assert {"okafor", "walsh"} <= set(m.actor_keys)
    assert "Jane Okafor" in m.actors and "Tim Walsh" in m.actors


def test_several_dates_in_one_sentence_give_several_mentions():
    body = (
        "The union voted on Monday to strike, and the mayor met its leaders on Wednesday "
        "in City Hall."
    )
    mentions = monday_and_wednesday(body)
    assert [m.trigger for m in mentions] == ["voted", "met"]
    assert [m.happening for m in mentions] == ["ELECT", "MEET"]


def test_speaking_to_reporters_is_a_statement_not_a_call():
    body = "Speaking to reporters on Wednesday, the mayor said the strike would end soon."
    (m,) = find_mentions(article(body), [tx(body, "on Wednesday", WED)])
    assert m.trigger == "Speaking" and m.happening == "SAY"


@pytest.mark.parametrize(
    ("sentence", "phrase", "value", "status"),
    [
        ("The two leaders will meet in Geneva on Friday.", "on Friday", FRI, "scheduled"),
        (
            "Senior diplomats are scheduled to meet next week to continue talks.",
            "next week",
            week_of(date(2024, 3, 11)),
            "scheduled",
        ),
        ("She plans to visit Kyiv on Friday.", "on Friday", FRI, "scheduled"),
        ("The council voted on Wednesday to raise fares.", "on Wednesday", WED, "reported"),
        ("Talks with the union continued on Thursday.", "on Thursday", THU, "reported"),
        ("Mayor Jane Okafor is meeting union leaders today.", "today", FRI, "ongoing"),
        ("The union continues to picket the port this week.", "this week", week_of(PUB), "ongoing"),
    ],
)
def test_status_from_cues_and_the_publish_date(sentence, phrase, value, status):
    (m,) = find_mentions(article(sentence), [tx(sentence, phrase, value)])
    assert m.status == status


def test_a_when_clause_after_the_date_names_the_happening():
    body = (
        "Relations have improved since February, when the two clashed during a tense "
        "televised meeting at the White House."
    )
    (m,) = find_mentions(article(body), [tx(body, "February", month(2024, 2))])
    assert m.trigger == "clashed" and m.happening == "CLASH"


def test_finer_date_wins_when_two_govern_one_trigger():
    body = (
        "In Friday's meeting with the mayor, their fourth this year, the union will press for pay."
    )
    timexes = [tx(body, "Friday", FRI), tx(body, "this year", Reference("PRESENT"))]
    (m,) = find_mentions(article(body), timexes)
    assert m.timex.text == "Friday" and m.trigger == "meeting"


@pytest.mark.parametrize(
    "line",
    [
        "You must Register or Login to post a comment.",
        "Related Content",
        "Jane Doe contributed to this reporting.",
        "Mayor Meets Union Leaders Over Port Strike",
    ],
)
def test_page_furniture_and_headlines_are_not_events(line):
    assert is_furniture(line, furniture(), lexicon().headline_small_words)
    body = f"{line}\n\nThe council voted on Wednesday to raise fares."
    timexes = [tx(body, "Wednesday", WED)] + (
        [tx(body, "Monday", day(date(2024, 3, 4)))] if "Monday" in line else []
    )
    mentions = find_mentions(article(body), timexes)
    assert [m.trigger for m in mentions] == ["voted"]


def test_a_headline_with_a_date_gives_no_mention():
    body = (
        "Mayor Meets Union Leaders On Wednesday\n\nThe council voted on Wednesday to raise fares."
    )
    mentions = find_mentions(
        article(body), [tx(body, "Wednesday", WED), tx(body, "Wednesday", WED, 1)]
    )
    assert len(mentions) == 1 and mentions[0].trigger == "voted"


def test_durations_and_vague_references_are_not_dated_events():
    body = (
        "The strike has lasted three weeks. In recent months, the union has grown "
        "frustrated with the mayor."
    )
    timexes = [
        tx(body, "three weeks", Duration(3, "week"), type_="DURATION"),
        tx(body, "recent months", Reference("PAST")),
    ]
    ex = extract(article(body), timexes)
    assert ex.dated == ()
    assert [m.timex.text for m in ex.context] == ["recent months"]
    assert ex.context[0].status == "context"


def test_announced_happening_without_a_date_is_upcoming():
    body = "The mayor and the governor will meet in Albany; no date has been set."
    ex = extract(article(body), [])
    assert ex.dated == ()
    (m,) = ex.upcoming
    assert m.trigger == "meet" and m.status == "scheduled"
    assert m.timex.timex_value == "FUTURE_REF"


def test_a_conditional_future_is_not_an_announcement():
    body = "If the talks fail, the mayor will meet the governor in Albany."
    assert extract(article(body), []).upcoming == ()


def test_deictic_in_a_quote_yields_to_the_statement_date():
    body = '"We made progress today," Mayor Jane Okafor said Wednesday at a dinner.'
    timexes = [tx(body, "today", FRI), tx(body, "Wednesday", WED)]
    (m,) = find_mentions(article(body), timexes)
    assert m.timex.text == "Wednesday" and m.trigger == "said"


def test_role_phrases_resolve_to_the_person_the_article_introduced():
    body = (
        "French President Emmanuel Macron and Mayor Jane Okafor spoke on Monday. "
        '"We agree," the French president said on Wednesday.'
    )
    mentions = monday_and_wednesday(body)
    assert "macron" in mentions[1].actor_keys


def test_spelling_variants_of_a_name_share_a_key():
    keys = {e.key for e in find_entities("Volodymyr Zelenskyy met Zelensky's aides.") if e.key}
    assert "zelensky" in keys and "zelenskyy" not in keys


def test_weekday_names_are_not_actors():
    ents = find_entities("The mayor confirmed a call with Tim Walsh Thursday.")
    assert [e.display for e in ents] == ["Tim Walsh"]


def test_summary_drops_dateline_bullet_and_opener():
    assert (
        summarize("ALBANY — The council voted on Wednesday.") == "The council voted on Wednesday."
    )
    assert summarize("- However, the union struck.") == "The union struck."
    long = "The council voted on Wednesday to raise fares, " + "and more, " * 40 + "end."
    assert len(summarize(long)) < 230 and summarize(long).endswith("…")


def relative_references(art: Article) -> list:
    lex = lexicon()
    return references_in(art.body, tuple(find_entities(art.body, lex)), lex)


def test_dates_relative_to_a_named_happening_are_recognised():
    body = "Just a day before the meeting, the mayor held a phone call with Governor Tim Walsh."
    (ref,) = relative_references(article(body))
    assert ref.text == "Just a day before the meeting"
    assert ref.days == -1 and "MEET" in ref.noun_classes
    body2 = "The call took place two days after his scheduled visit to Kyiv."
    (ref2,) = relative_references(article(body2))
    assert ref2.days == 2 and ref2.text.endswith("visit")


def test_statement_words_do_not_anchor_relative_references():
    body = "A day after the announcement, the mayor resigned."
    assert relative_references(article(body)) == []


def test_mentions_are_deterministic():
    body = "The council voted on Wednesday to raise fares. The mayor met the union on Thursday."
    timexes = [tx(body, "on Wednesday", WED), tx(body, "on Thursday", THU)]
    assert find_mentions(article(body), timexes) == find_mentions(
        article(body), list(reversed(timexes))
    )


def test_summary_drops_attribution_unless_a_quote_needs_it():
    assert (
        summarize("Dockworkers marched on Wednesday, police said.")
        == "Dockworkers marched on Wednesday."
    )
    assert summarize("According to aides, the mayor resigned.") == "The mayor resigned."
    quoted = "“We agree,” the mayor said."
    assert summarize(quoted) == quoted


@pytest.mark.parametrize(
    ("line", "phrase"),
    [
        ("By Jane Doe and Tim Walsh, March 8, 2024", "March 8, 2024"),
        ("Updated: Wednesday", "Wednesday"),
        ("Wednesday, 10:42 a.m.", "Wednesday"),
    ],
)
def test_bylines_and_timestamps_are_not_events(line, phrase):
    body = f"{line}\n\nThe council voted on Wednesday to raise fares."
    timexes = [tx(body, phrase, FRI), tx(body, "on Wednesday", WED)]
    mentions = find_mentions(article(body), timexes)
    assert [m.trigger for m in mentions] == ["voted"]


def test_word_tables_are_yaml_beside_the_package_and_say_their_format():
    text = resources.files("timeline.events").joinpath("data/en.yaml").read_text("utf-8")
    assert text.startswith("#") and "Format:" in text
    data = yaml.safe_load(text)
    assert data["classes"]["CALL"] and all(data[key] for key in data)
    lex = lexicon("en")
    assert lex.classes[("call",)] == ("CALL",) and "spoke" in lex.past_forms


def test_a_language_without_tables_reads_the_english_ones():
    assert lexicon("xx").classes == lexicon("en").classes


def test_one_pattern_finds_a_future_cue_where_testing_each_cue_does():
    # status looks every cue up at once in the words before the trigger, joined once
    from dataclasses import replace
    from itertools import product

    from timeline.events.status import _future_cues, _spaced

    lex = lexicon()
    words = ["will", "is", "set", "to", "planned", "said", "scheduled", "going", "willing"]
    for n in range(4):
        for window in product(words, repeat=n):
            joined = _spaced(window)
            each = any(_spaced(cue) in joined for cue in lex.future_cues)
            assert bool(_future_cues(lex).search(joined)) == each, window
    assert not _future_cues(replace(lex, future_cues=())).search(_spaced(["will", "meet"]))


def test_a_company_is_one_actor_under_its_short_name():
    """'Northgate Logistics' is an organisation (not a person keyed 'logistics'), and the
    story's bare 'Northgate' is that company; two '... Partners' firms stay two actors."""
    from timeline.events.actors import Form, canonical_names

    body = (
        "Calder Group made an offer for Northgate Logistics. Vesta Partners and Apex "
        "Partners stayed out. Residents of Pine Hollow fled."
    )
    ents = {e.display: e for e in find_entities(body)}
    assert ents["Northgate Logistics"].kind == "org"
    assert ents["Vesta Partners"].key != ents["Apex Partners"].key
    assert ents["Pine Hollow"].kind == "place"
    full = Form(ents["Northgate Logistics"].key, "Northgate Logistics", False)
    group = Form(ents["Calder Group"].key, "Calder Group", False)
    bare = [Form("northgate", "Northgate", False), Form("calder", "Calder", False)]
    names = canonical_names([full, group, *bare])
    assert names[("northgate", "Northgate")] == names[(full.key, full.display)]
    assert names[("calder", "Calder")] == names[(group.key, group.display)]
    # two companies of one first word: the bare word is neither
    other = Form("calder capital", "Calder Capital", False)
    names = canonical_names([group, other, bare[1]])
    assert names[("calder", "Calder")] == ("calder", "Calder")


def test_the_unit_of_a_price_is_not_a_happening():
    body = "Calder Group raised its offer for Northgate Logistics to 465p a share on Thursday."
    (m,) = find_mentions(article(body), [tx(body, "on Thursday", THU)])
    assert m.trigger == "raised"  # not 'share' (a word of saying) in '465p a share'


def test_an_infinitive_takes_its_own_date():
    """Two dates in one sentence, the second governing an infinitive the lexicon does not
    list: each dates its own verb, and neither is lost."""
    body = (
        "A rival approach from Vesta Partners on March 11 forced Calder to raise its bid, "
        "to 465p, on March 14."
    )
    dates = [
        tx(body, "on March 11", day(date(2024, 3, 11))),
        tx(body, "on March 14", day(date(2024, 3, 14))),
    ]
    mentions = find_mentions(article(body), dates)
    assert [(m.timex.value.timex, m.trigger) for m in mentions] == [
        ("2024-03-11", "forced"),
        ("2024-03-14", "raise"),
    ]


def test_and_inside_an_organisation_name():
    """'the Competition and Markets Authority' is one organisation; two names joined by
    'and' stay two ('Trump and Fox News', 'the U.S. and European Union')."""
    body = (
        "The Competition and Markets Authority said on Friday it would review the deal. "
        "Officials at the Securities and Exchange Commission declined to comment. "
        "Trump and Fox News clashed. Talks between the U.S. and European Union resumed."
    )
    names = {e.display for e in find_entities(body)}
    assert {"Competition and Markets Authority", "Securities and Exchange Commission"} <= names
    assert {"Trump", "Fox News", "European Union"} <= names
    assert "Competition" not in names and "Markets Authority" not in names


# -- a date inside or against any token shape (crash: min() of an empty sequence) -------


def test_a_year_inside_a_hyphenated_name_is_no_crash() -> None:
    """'user-2010': the year lies inside a longer token, so the verb after it is neither
    before nor after the date's tokens as they used to be counted."""
    body = "user-2010 wrote that oil leaked."
    timex = tx(body, "2010", year(2010))
    mentions = find_mentions(article(body, date(2010, 5, 28)), [timex])
    assert [m.trigger for m in mentions] == ["wrote"]


@settings(max_examples=150, deadline=None)
@given(
    before=st.sampled_from(["", "user-", "x", "(", "#", "a.", "'", "“", "--", "v"]),
    after=st.sampled_from(["", "-era", "x", ")", "s", "'s", ".", "”", "-based", "th"]),
    lead=st.sampled_from(["", "He said ", "Oil ", "The vote, "]),
    tail=st.sampled_from([" wrote that oil leaked.", "wrote.", " talks ended", ", when it fell"]),
)
def test_any_token_shape_around_a_date_is_no_crash(before, after, lead, tail) -> None:
    body = f"{lead}{before}2010{after}{tail}"
    start = body.index("2010")
    timex = Timex("2010", start, start + 4, "DATE", year(2010))
    find_mentions(article(body, date(2010, 5, 28)), [timex])  # no exception
