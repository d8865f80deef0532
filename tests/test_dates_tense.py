"""Direction cues of a clause: which words decide whether a date looks back or ahead."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.dates import resolve

MONDAY = date(1989, 10, 30)


def value_of(text: str, phrase: str, anchor: date = MONDAY) -> str | None:
    return next((t.timex_value for t in resolve(text, anchor) if t.text == phrase), None)


def test_the_words_of_another_date_are_no_tense_cue() -> None:
    # "last" belongs to "last Thursday"; Nov. 6 is the coming one, not last year's.
    text = "It said it would extend its bid, due to expire last Thursday, to Nov. 6."
    assert value_of(text, "Nov. 6") == "1989-11-06"


def test_penn_treebank_quotes_end_a_clause() -> None:
    text = ("``This father will leave at dawn (4 a.m. EDT Thursday),'' Castro said.")
    assert value_of(text, "4 a.m. EDT Thursday", date(2000, 4, 5)) == "2000-04-06T04:00"


@pytest.mark.parametrize(
    "text",
    [
        "The dividend would be paid on an unspecified date in January.",
        "The dividend will be paid in January.",
    ],
)
def test_participles_after_a_determiner_or_be_are_no_past_tense(text: str) -> None:
    assert value_of(text, "January") == "1990-01"


@pytest.mark.parametrize(
    "text",
    [
        "He was probably killed soon after being captured.",
        "He was soon released from the hospital.",
        "A trickle of cash soon became a flood.",
    ],
)
def test_soon_in_a_past_clause_or_before_after_is_no_future_reference(text: str) -> None:
    assert value_of(text, "soon") is None


@pytest.mark.parametrize(
    "text",
    [
        "The budget will soon move into surplus.",
        "Prosecutors have told him that they may soon seek an indictment.",
    ],
)
def test_soon_in_a_future_clause_is_a_future_reference(text: str) -> None:
    assert value_of(text, "soon") == "FUTURE_REF"


def test_may_looks_ahead() -> None:
    assert value_of("The board may meet Friday to vote.", "Friday") == "1989-11-03"


def test_a_cue_before_the_date_outweighs_a_participle_after_it() -> None:
    text = ("Qantas will almost double its flights to India by August in the search for"
            " new markets untouched by the crisis.")
    assert value_of(text, "August", date(1998, 2, 13)) == "1998-08"


def test_a_day_a_few_weeks_back_stays_in_a_future_clause() -> None:
    text = "She said she would bring aid to the cities where the Aug. 7 blasts killed 257 people."
    assert value_of(text, "Aug. 7", date(1998, 8, 18)) == "1998-08-07"


def test_a_month_behind_in_a_future_clause_is_next_years() -> None:
    assert value_of("Elections will be held in June.", "June", date(1998, 8, 18)) == "1999-06"


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("The offer was extended to Nov. 16. It had been due to expire Friday evening.",
         "Friday evening", "1989-10-27TEV"),
        ("The offer is due to expire Friday evening.", "Friday evening", "1989-11-03TEV"),
    ],
)
def test_a_plan_that_had_been_made_lies_in_the_past(text: str, phrase: str, value: str) -> None:
    assert value_of(text, phrase) == value


def test_a_date_opening_its_sentence_takes_the_verb_after_a_long_subject() -> None:
    text = ("On Tuesday, the National Abortion and Reproductive Rights Action League plans"
            " to hold a news conference.")
    assert value_of(text, "Tuesday", date(1998, 10, 26)) == "1998-10-27"


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [("The stock rose to a high in June from $29.75 in March.", "March", "1989-03"),
     ("The dividend is payable Jan. 2 to holders of record.", "Jan. 2", "1990-01-02"),
     ("Elections will be held in March.", "March", "1990-03")],
)
def test_a_month_alone_without_a_cue_is_in_the_past(text: str, phrase: str, value: str) -> None:
    assert value_of(text, phrase) == value


def test_effective_looks_ahead() -> None:
    text = "It also created an office of the chairman, effective Feb. 1."
    assert value_of(text, "Feb. 1", date(1989, 10, 26)) == "1990-02-01"


# --- scheduled present: a weekday governed by a present-tense happening looks ahead ---------


@pytest.mark.parametrize(
    ("text", "phrase", "anchor", "expected"),
    [
        ("The Springfield council votes on Monday on the deal.", "Monday",
         date(2024, 3, 9), "2024-03-11"),
        ("Her first game in charge is against United on Wednesday.", "Wednesday",
         date(2021, 4, 12), "2021-04-14"),
        ("The summit opens Tuesday in Geneva.", "Tuesday", date(2024, 3, 9), "2024-03-12"),
        ("The company reports earnings on Thursday.", "Thursday", date(2024, 3, 9), "2024-03-14"),
        ("The two leaders meet Tuesday in Geneva.", "Tuesday", date(2024, 3, 9), "2024-03-12"),
        ("The new stadium opens Friday.", "Friday", date(2024, 3, 13), "2024-03-15"),
        ("Smith's team faces Leeds on Saturday.", "Saturday", date(2024, 3, 13), "2024-03-16"),
        ("He and Arafat meet separately Monday with Albright.", "Monday",
         date(1998, 5, 1), "1998-05-04"),
        # the publish day's own weekday is that day
        ("The council votes on Saturday.", "Saturday", date(2024, 3, 9), "2024-03-09"),
    ],
)
def test_a_scheduled_present_looks_ahead(text: str, phrase: str, anchor: date,
                                         expected: str) -> None:
    assert value_of(text, phrase, anchor) == expected


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        # present reporting verbs: the saying happened that day
        ("Trump says Tuesday he will sign the bill.", "Tuesday", "2024-03-05"),
        ("The minister tells reporters Friday that talks failed.", "Friday", "2024-03-08"),
        ("The company reports Thursday that sales fell.", "Thursday", "2024-03-07"),
        # nouns that look like verbs, and other tenses
        ("In a televised address Friday, he spoke of peace.", "Friday", "2024-03-08"),
        ("The EU issued new rules Monday.", "Monday", "2024-03-04"),
        ("He cited news reports Tuesday that the deal was off.", "Tuesday", "2024-03-05"),
        ("He did not meet Monday with Albright.", "Monday", "2024-03-04"),
        ("The council has voted on Monday.", "Monday", "2024-03-04"),
        ("Prices have risen since Monday.", "Monday", "2024-03-04"),
        ("At the close of business Thursday, shares rose.", "Thursday", "2024-03-07"),
        ("On Wednesday, Ricardo Alarcon, head of the assembly, spoke.", "Wednesday", "2024-03-06"),
        ("The toll is 12 after the quake on Friday.", "Friday", "2024-03-08"),
        # headline case: title-case words are no body clause
        ("Trump Speaks With Putin Tuesday", "Tuesday", "2024-03-05"),
    ],
)
def test_reporting_verbs_and_other_tenses_look_back(text: str, phrase: str,
                                                    expected: str) -> None:
    assert value_of(text, phrase, date(2024, 3, 9)) == expected


def test_a_month_in_the_present_tense_is_not_pushed_ahead() -> None:
    # a statistic of a past month, not a schedule
    text = "The jobless rate for August is 3.2 percent."
    assert value_of(text, "August", date(2024, 10, 9)) == "2024-08"


@pytest.mark.parametrize(
    "text",
    [
        "The split would be paid on a still unspecified date in January.",
        "The dividend would be paid on the previously announced date in January.",
    ],
)
def test_a_participle_after_a_determiner_and_an_adverb_is_no_past_tense(text: str) -> None:
    assert value_of(text, "January") == "1990-01"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a past plan for a happening named after it: the happening lies ahead
        ("The team planned to leave Nairobi on Thursday for Dar es Salaam.", "1998-10-01"),
        # a past auxiliary before a future cue keeps the plan ahead
        ("Organizers said a rally in Little Havana on Thursday was expected to draw "
         "thousands.", "1998-10-01"),
        # the date fronted before the plan is the day of the planning
        ("On Thursday, the government planned to pay the first claims.", "1998-09-24"),
        ("The team left Nairobi on Thursday.", "1998-09-24"),
    ],
)
def test_a_past_plan_looks_ahead_to_the_planned_day(text: str, expected: str) -> None:
    assert value_of(text, "Thursday", date(1998, 9, 30)) == expected


TUESDAY = date(2025, 11, 18)


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        # a participle phrase after the date is no tense of the date's clause
        ("The chief executive will meet the minister on Wednesday, prepared to offer"
         " concessions.", "Wednesday", "2025-11-19"),
        ("The president will travel to Paris on Friday, accompanied by aides.", "Friday",
         "2025-11-21"),
        ("The envoy is expected to arrive Thursday, armed with a new offer.", "Thursday",
         "2025-11-20"),
        ("The envoy will arrive on Thursday, clearly shaken by the attack.", "Thursday",
         "2025-11-20"),
        ("The minister will meet strikers on Friday, led by their union chief.", "Friday",
         "2025-11-21"),
        ("The team will fly to Madrid on Sunday, backed by thousands of fans.", "Sunday",
         "2025-11-23"),
        ("The board is scheduled to vote on Thursday, divided over the bid.", "Thursday",
         "2025-11-20"),
        # ... nor one set off by commas: the clause goes on after it
        ("On Wednesday, prepared to offer concessions, the chief executive will meet the"
         " minister.", "Wednesday", "2025-11-19"),
        ("On Friday, which is a holiday, the shops will close.", "Friday", "2025-11-21"),
        # past clauses stay past, with or without the participle
        ("The company announced on Monday, stunned by the news, that it would close.",
         "Monday", "2025-11-17"),
        ("He announced the plan on Monday, stunned by the news.", "Monday", "2025-11-17"),
        ("The envoy arrived on Thursday, armed with a new offer.", "Thursday", "2025-11-13"),
        ("He resigned on Friday, accused of fraud.", "Friday", "2025-11-14"),
        ("The minister arrived on Monday, accompanied by aides, and will leave on Friday.",
         "Monday", "2025-11-17"),
        ("The minister arrived on Monday, accompanied by aides, and will leave on Friday.",
         "Friday", "2025-11-21"),
    ],
)
def test_the_finite_verb_decides_not_a_participle_after_the_date(
        text: str, phrase: str, value: str) -> None:
    assert value_of(text, phrase, TUESDAY) == value
