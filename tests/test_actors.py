"""Actors: the forms a story writes one actor in become one key and one name; people who
share a surname stay apart when the story does not say which one it means; a name before a
generic head noun is a thing, not an actor.

Names here are invented or chosen for their spelling; the rules are general."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from timeline.anchoring import find_mentions
from timeline.events.actors import (
    Form,
    canonical_names,
    display_names,
    find_entities,
    name_words,
)
from timeline.events.lexicon import lexicon
from timeline.merge import merge_mentions
from timeline.model import Article, Timex
from timeline.naming import named_mentions
from timeline.values import day

WED = day(date(2024, 3, 6))


def person(display: str, count: int = 1) -> Form:
    return Form(display.split()[-1].lower(), display, True, count)


def names_of(forms: list[Form]) -> dict[str, str]:
    """display of each form -> the name of the actor it is mapped to."""
    return {display: name for (_, display), (_, name) in canonical_names(forms).items()}


def test_spellings_and_a_bare_surname_are_one_actor_named_by_its_fullest_commonest_form():
    forms = [
        person("Volodymyr Zelenskyy", 3),
        person("Volodymyr Zelensky", 2),
        person("Zelenskiy"),
        person("Zelensky", 5),
    ]
    names = names_of(forms)
    assert set(names.values()) == {"Volodymyr Zelenskyy"}
    keys = {key for key, _ in canonical_names(forms).values()}
    assert len(keys) == 1


def test_the_canonical_name_does_not_depend_on_input_order():
    forms = [person("Anna Kowalska", 2), person("Anna Kowalskaa", 2), person("Kowalska")]
    assert canonical_names(forms) == canonical_names(list(reversed(forms)))
    assert set(names_of(forms).values()) == {"Anna Kowalska"}  # tie: alphabetical


def test_titles_and_honorifics_are_stripped():
    lex = lexicon()
    assert name_words("Secretary of State Marco Rubio", lex) == ("marco", "rubio")
    assert name_words("Mr. Putin's", lex) == ("putin",)
    assert name_words("President", lex) == ("president",)  # nothing left to strip to
    names = names_of([person("Vladimir Putin", 2), person("President Vladimir Putin")])
    assert set(names.values()) == {"Vladimir Putin"}
    org = Form("foreign ministry", "Foreign Ministry", False)
    assert names_of([org]) == {"Foreign Ministry": "Foreign Ministry"}  # not a person's title


def test_a_compound_adjective_is_not_part_of_a_name():
    body = "The Washington-based Institute for the Study of War and Iran-backed rebels."
    ents = find_entities(body)
    assert [e.display for e in ents] == ["Institute for the Study of War"]


def test_a_plural_joins_its_singular_for_things_not_people():
    things = names_of([Form("patriot", "Patriot", False, 2), Form("patriots", "Patriots", False)])
    assert set(things.values()) == {"Patriot"}
    people = names_of([person("Ann Adams"), person("Ann Adam")])  # short surname: no fuzz
    assert set(people.values()) == {"Ann Adams", "Ann Adam"}


def test_different_first_names_or_distant_spellings_stay_apart():
    names = names_of([person("Maria Kowalczyk"), person("Mario Kowalczyk"), person("Jan Kowal")])
    assert len(set(names.values())) == 3
    assert len(set(names_of([person("John Smith"), person("John Smyth")]).values())) == 2


def test_a_bare_surname_two_people_share_stays_apart_unless_one_dominates():
    even = names_of([person("John Okafor", 2), person("Jane Okafor", 2), person("Okafor")])
    assert even["Okafor"] == "Okafor"
    assert len(set(even.values())) == 3
    keys = {
        key
        for key, _ in canonical_names([person("John Okafor", 2), person("Jane Okafor", 2)]).values()
    }
    assert len(keys) == 2  # two people, two keys, though the surname is one
    lopsided = names_of([person("John Okafor", 9), person("Jane Okafor"), person("Okafor")])
    assert lopsided["Okafor"] == "John Okafor"


def test_a_place_is_not_the_person_whose_surname_it_spells():
    names = names_of([person("Michael Jordan"), Form("jordan", "Jordan", False)])
    assert names["Jordan"] == "Jordan"


def test_namesakes_in_one_article_take_different_keys():
    body = (
        "Mayor John Okafor met Governor Tim Walsh. His wife Jane Okafor spoke to reporters. "
        "John Okafor said the talks went well, and Okafor left for Albany."
    )
    ents = {e.display: e.key for e in find_entities(body)}
    assert ents["John Okafor"] == ents["Okafor"] != ents["Jane Okafor"]


def test_a_name_before_a_generic_head_noun_is_a_thing_not_an_actor():
    body = (
        "Governor Tim Walsh weighs buying Harrier cruise missiles from Ukraine. "
        "Critics say Harriers would escalate. The Falcon X-9 jet landed on Monday."
    )
    displays = [e.display for e in find_entities(body)]
    assert "Tim Walsh" in displays and "Ukraine" in displays
    assert not any(d.startswith(("Harrier", "Falcon")) for d in displays)


def test_a_person_before_a_head_noun_stays_a_person():
    body = "Mayor Jane Okafor met Tim Walsh. Critics say Walsh missiles are a joke."
    assert "Tim Walsh" in [e.display for e in find_entities(body)]


def test_named_happenings_and_periods_are_not_actors():
    body = (
        "Mayor Jane Okafor said the port had not been this quiet since World War II. "
        "Governor Tim Walsh met veterans of the Korean War and the Cold War in Boston, "
        "athletes back from the Olympics, the Olympic Games and Super Bowl LVIII, and "
        "survivors of the Battle of Britain and the Great Depression."
    )
    displays = [e.display for e in find_entities(body)]
    assert displays == ["Jane Okafor", "Tim Walsh", "Boston"]


def test_a_storm_and_its_own_name_are_not_actors():
    body = (
        "Hurricane Lena hit Port Arthur on Wednesday. Tropical Storm Omar followed. "
        "Governor Lena Ortiz said Lena had weakened, and Omar was far out at sea."
    )
    displays = [e.display for e in find_entities(body)]
    assert displays == ["Port Arthur", "Lena Ortiz"]


def test_names_headed_by_something_else_stay_actors():
    """A happening word inside a name headed by another noun ('Institute for the Study of
    War', 'Secretary of War Pete Hegseth') does not make it a happening; a place stays."""
    body = (
        "The Institute for the Study of War said Secretary of War Pete Hegseth met "
        "Kowal in the Oval Office."
    )
    displays = [e.display for e in find_entities(body)]
    assert displays == ["Institute for the Study of War", "Pete Hegseth", "Kowal", "Oval Office"]


def test_a_mention_does_not_count_a_named_war_among_its_actors():
    (m,) = mentions(
        "a",
        "Governor Tim Walsh said on Wednesday the Cold War and World War II were over.",
        "on Wednesday",
    )
    assert m.actors == ("Tim Walsh",) and m.people == ("walsh",)


# --- capitals that are no evidence of a name -------------------------------------------------


def kinds(body: str) -> list[tuple[str, str]]:
    return [(e.display, e.kind) for e in find_entities(body)]


def test_a_title_case_headline_line_names_only_what_the_text_capitalises_elsewhere():
    body = (
        "Mayor Jane Okafor met Governor Tim Walsh in Springfield on Monday.\n\n"
        "Okafor Turns to Walsh After Strike Talks Stall\n\n"
        "Weighing the Harbor Option\n\n"
        "Okafor said the talks would resume in Springfield."
    )
    displays = [e.display for e in find_entities(body)]
    assert displays == [
        "Jane Okafor",
        "Tim Walsh",
        "Springfield",
        "Okafor",
        "Walsh",
        "Okafor",
        "Springfield",
    ]


def test_a_known_place_in_a_headline_line_stays_a_place():
    body = "Crisis Talks Move to South Africa\n\nMayor Jane Okafor left for the talks."
    assert kinds(body) == [("South Africa", "place"), ("Jane Okafor", "person")]


def test_a_line_of_names_ending_with_a_full_stop_is_a_sentence_not_a_headline():
    body = "Mayor Jane Okafor and Governor Tim Walsh."
    assert [e.display for e in find_entities(body)] == ["Jane Okafor", "Tim Walsh"]


def test_a_plural_opening_a_sentence_is_not_a_name():
    body = (
        "Athletes back from the trip met Mayor Jane Okafor on Monday. "
        "Crews cleared the port. Veterans of the Korean War marched in Boston."
    )
    assert kinds(body) == [("Jane Okafor", "person"), ("Boston", "place")]


def test_a_sentence_opener_the_text_writes_in_lower_case_is_not_a_name():
    body = "Security was tight as Mayor Jane Okafor arrived. The security detail left early."
    assert kinds(body) == [("Jane Okafor", "person")]


def test_a_plural_opener_stays_when_the_text_capitalises_it_mid_sentence():
    body = "Mayor Ann Williams met the board. Williams said the talks went well. Kowal agreed."
    ents = kinds(body)
    assert ents[:2] == [("Ann Williams", "person"), ("Williams", "person")]
    assert ("Kowal", "unknown") in ents  # not plural-shaped: a name, as before


def test_a_plural_inside_a_sentence_keeps_its_name():
    body = "Mayor Jane Okafor thanked the Veterans of Foreign Wars."
    assert kinds(body) == [("Jane Okafor", "person"), ("Veterans of Foreign Wars", "unknown")]


def test_a_contraction_before_a_name_is_dropped_even_mid_sentence():
    assert [e.display for e in find_entities("For City News, I'm Ana Ruiz.")] == [
        "City News",
        "Ana Ruiz",
    ]


def test_a_plural_nationality_names_its_country_even_opening_a_sentence():
    body = "Americans voted on Tuesday. “We trust the Europeans,” Mayor Jane Okafor said."
    assert kinds(body) == [("U.S.", "place"), ("Europe", "place"), ("Jane Okafor", "person")]


def test_sentence_adverbs_are_not_names():
    assert find_entities("Therefore, the talks ended. Otherwise, nothing changed.") == []


def test_a_common_word_opening_a_sentence_does_not_join_the_name_after_it():
    body = (
        "Earlier Tim Walsh met Kowal. Separately Jane Okafor called. Unlike Walsh, "
        "Okafor stayed. Perhaps Kowal knew. Later Bill Ortiz said no."
    )
    displays = [e.display for e in find_entities(body)]
    assert displays == [
        "Tim Walsh",
        "Kowal",
        "Jane Okafor",
        "Walsh",
        "Okafor",
        "Kowal",
        "Bill Ortiz",
    ]


def test_a_grade_or_a_model_before_a_number_is_not_an_actor():
    body = (
        "Hurricane Lena hit Port Arthur as a Category 3 storm. Mayor Jane Okafor flew a Cessna 172."
    )
    assert kinds(body) == [("Port Arthur", "place"), ("Jane Okafor", "person")]
    assert [e.display for e in find_entities("Price is on the FBI's 10 most wanted list.")] == [
        "Price",
        "FBI",
    ]


def test_lone_initials_and_acronyms_are_no_names_of_people():
    body = "Sen. Lindsey Graham (R-S.C.) spoke. The jet touched down at RAF Mildenhall."
    ents = kinds(body)
    assert ents[0] == ("Lindsey Graham", "person")
    assert [d for d, _ in ents] == ["Lindsey Graham", "RAF Mildenhall"]
    assert ("RAF Mildenhall", "person") not in ents


# --- places named by a building or a site ------------------------------------------------------


def test_a_building_or_a_site_is_a_place():
    body = (
        "Trump met Kowal in the Oval Office on Friday. Protesters gathered in Red Square and "
        "outside Buckingham Palace."
    )
    ents = dict(kinds(body))
    assert ents["Oval Office"] == ents["Red Square"] == ents["Buckingham Palace"] == "place"


def test_a_head_that_also_names_an_organisation_is_a_place_only_where_something_is_in_it():
    body = (
        "The Kremlin said on Monday that envoys would meet inside the Kremlin. "
        "White House officials arrived at the White House."
    )
    assert kinds(body) == [
        ("Kremlin", "org"),
        ("Kremlin", "place"),
        ("White House", "org"),
        ("White House", "place"),
    ]


def test_an_organisation_headed_by_an_organisation_word_keeps_its_titles_inside():
    body = (
        "Mark Montgomery of the Foundation for Defense of Democracies met officials of the "
        "Ministry of Foreign Affairs and Bank of England Governor Andrew Bailey."
    )
    ents = kinds(body)
    assert ("Foundation for Defense of Democracies", "org") in ents
    assert ("Ministry of Foreign Affairs", "org") in ents
    assert ("Andrew Bailey", "person") in ents


def test_an_affiliation_after_a_name_is_its_own_actor():
    body = (
        "Sen. John Cornyn of Texas met Mark Montgomery of the Heritage Foundation. "
        "“We need Tomahawks for the United States of America,” Governor Tim Walsh said."
    )
    ents = kinds(body)
    assert ents[:4] == [
        ("John Cornyn", "person"),
        ("Texas", "place"),
        ("Mark Montgomery", "person"),  # mid-sentence, 'Mark' is a name
        ("Heritage Foundation", "org"),
    ]
    assert ("U.S.", "place") in ents and ("Tim Walsh", "person") in ents
    assert kinds("Secretary of State Marco Rubio met the Bank of England.") == [
        ("Marco Rubio", "person"),
        ("Bank of England", "org"),
    ]


def mentions(aid: str, body: str, phrase: str) -> list:
    art = Article(aid, Path(f"{aid}.md"), "t", body, published=date(2024, 3, 8))
    start = body.index(phrase)
    return find_mentions(art, [Timex(phrase, start, start + len(phrase), "DATE", WED)])


def test_merging_sees_one_actor_for_the_spellings_of_a_name():
    ms = (
        mentions(
            "a",
            "President Volodymyr Zelenskyy spoke to Mayor Ed Kowal on Wednesday.",
            "on Wednesday",
        )
        + mentions(
            "b", "Kowal held a phone call with Volodymyr Zelenskiy on Wednesday.", "on Wednesday"
        )
        + mentions(
            "c", "Zelensky confirmed a call with Mayor Ed Kowal on Wednesday.", "on Wednesday"
        )
    )
    ms = named_mentions(ms)
    keys = {k for m in ms for k in m.actor_keys}
    assert len(keys) == 2
    (event,) = merge_mentions(ms)
    assert set(event.sources) == {"a", "b", "c"}
    kowal, zelensky = sorted(event.actors)  # one name each (a 1:1 tie goes alphabetically)
    assert kowal == "Ed Kowal" and zelensky == "Volodymyr Zelenskiy"


def display_name(body: str, key: str) -> str:
    return display_names(find_entities(body))[key]


def keys_by_display(body: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for e in find_entities(body):
        out.setdefault(e.display, set()).add(e.key)
    return out


def test_a_surname_after_another_office_is_not_the_namesake_full_name():
    """'Governor Okafor' and 'Mayor Jane Okafor' hold different offices: two people. The
    one the article names by title and surname alone keeps the surname's key, and so do
    its bare surnames; the full name takes its own key and display."""
    body = (
        "Governor Okafor signed the harbour budget on Monday. Mayor Jane Okafor, who had "
        "opposed it, spoke to reporters. Okafor said the port would reopen in spring."
    )
    keys = keys_by_display(body)
    assert keys["Okafor"] == {"okafor"}  # the governor, titled or bare
    assert keys["Jane Okafor"] == {"jane okafor"}
    assert display_name(body, "okafor") == "Okafor"
    assert display_name(body, "jane okafor") == "Jane Okafor"


def test_a_titled_surname_goes_to_the_namesake_of_its_office_and_counts_for_them():
    """Two full names; 'Sen. Walsh' shares an office with 'Senator Tim Walsh' only, so it
    is his and makes him the most named: he keeps the surname's key and the bare one."""
    body = (
        "Mayor Jane Walsh met Senator Tim Walsh in Salem on Monday. Sen. Walsh promised "
        "funds for the harbour, and Walsh left for Boston."
    )
    keys = keys_by_display(body)
    assert keys["Tim Walsh"] == keys["Walsh"] == {"walsh"}  # 'Sen. Walsh' and 'Walsh'
    assert keys["Jane Walsh"] == {"jane walsh"}
    assert display_name(body, "walsh") == "Tim Walsh"


def test_one_person_under_several_titles_keeps_one_key():
    """An abbreviated title ('Gov.') and a courtesy one ('Mr.') are no other office: one
    person, the surname's key throughout, as before namesakes were told apart."""
    body = (
        "Governor Tim Walsh met harbour workers in Salem on Monday. Gov. Walsh promised "
        "funds, and Mr. Walsh said the port would reopen. Walsh left for Boston."
    )
    keys = {e.key for e in find_entities(body) if e.kind == "person"}
    assert keys == {"walsh"}


def test_a_mention_names_the_namesake_it_is_about():
    """The mention of the governor's signing names the governor, not the mayor who shares
    the surname (the article's only full name)."""
    (m,) = mentions(
        "a",
        "Governor Okafor signed the harbour budget on Wednesday, as Mayor Jane Okafor looked on.",
        "on Wednesday",
    )
    assert dict(zip(m.actor_keys, m.actors, strict=True)) == {
        "okafor": "Okafor",
        "jane okafor": "Jane Okafor",
    }


def test_naming_indexes_a_name_by_a_bounded_number_of_keys():
    """Spellings a letter apart are found by deletion neighbourhoods; a word no name is
    that long (untrusted text) gets a fixed few keys, not an explosion of deletions."""
    from timeline.events.actors import _LastWords

    assert len(_LastWords._keys("zelenskyy")) < 20
    assert len(_LastWords._keys("x" * 500)) <= 3
    assert max(len(_LastWords._keys("abcdefghijklmnopqrstuvwxyz"[:n])) for n in range(30)) < 1200


def test_spellings_a_letter_apart_join_but_long_nonsense_never_does():
    from timeline.events.actors import Form, canonical_names

    forms = [Form("zelensky", "Zelensky", True), Form("zelenskyy", "Zelenskyy", True),
             Form("a" * 60, "A" + "a" * 59, True), Form("a" * 59 + "b", "A" + "a" * 58 + "b", True)]
    names = canonical_names(forms)
    assert names[("zelensky", "Zelensky")] == names[("zelenskyy", "Zelenskyy")]
    assert names[forms[2].key, forms[2].display] != names[forms[3].key, forms[3].display]
