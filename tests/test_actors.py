"""Actors: the forms a story writes one actor in become one key and one name; people who
share a surname stay apart when the story does not say which one it means; a name before a
generic head noun is a thing, not an actor.

Names here are invented or chosen for their spelling; the rules are general."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from timeline.corpus import Article
from timeline.dates.values import Timex, day
from timeline.events import find_mentions
from timeline.events.actors import Form, canonical_names, find_entities, name_words
from timeline.events.lexicon import lexicon
from timeline.merge import canonical_actors, merge_mentions

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
    keys = {k for m in canonical_actors(ms) for k in m.actor_keys}
    assert len(keys) == 2
    (event,) = merge_mentions(ms)
    assert set(event.sources) == {"a", "b", "c"}
    kowal, zelensky = sorted(event.actors)  # one name each (a 1:1 tie goes alphabetically)
    assert kowal == "Ed Kowal" and zelensky == "Volodymyr Zelenskiy"
