"""The date-resolution stage end to end: seed-article readings, anaphora, quotations."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from timeline.dates import resolve

FRIDAY = date(2025, 10, 17)  # the demo article's publish day
SEED = Path("/work/shared/seeds/000_db39cde1e59b0017.txt")


def values(text: str, anchor: date | None = FRIDAY) -> list[tuple[str, str]]:
    return [(t.text, t.timex_value) for t in resolve(text, anchor)]


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("Trump spoke to Putin on Wednesday, hours after a threat.", "Wednesday", "2025-10-15"),
        ("Trump had hinted on Sunday that he might call.", "Sunday", "2025-10-12"),
        ("The war has dragged on since February.", "February", "2025-02"),
        ("The diplomats met last week.", "last week", "2025-W41"),
        ("Zelensky meets with Donald Trump on Friday.", "Friday", "2025-10-17"),
        ("The two will meet on Friday.", "Friday", "2025-10-17"),
        ("The two will meet on Tuesday.", "Tuesday", "2025-10-21"),
        ("The vote was held on Tuesday.", "Tuesday", "2025-10-14"),
        ("Officials said Saturday that talks stalled.", "Saturday", "2025-10-11"),
        ("The ceasefire is scheduled to start Monday.", "Monday", "2025-10-20"),
        ("Calder made its offer on Monday, opening what analysts expect to be a long fight.",
         "Monday", "2025-10-13"),
    ],
)
def test_weekdays_follow_the_tense_of_their_clause(text: str, phrase: str, value: str) -> None:
    assert (phrase, value) in values(text)


def test_later_that_day_points_to_the_date_before_it() -> None:
    text = "Hegseth spoke in Brussels on Wednesday.\n\nLater that day, his plane landed in England."
    assert values(text) == [("Wednesday", "2025-10-15"), ("Later that day", "2025-10-15")]


def test_anaphora_without_a_date_before_stay_unresolved() -> None:
    assert values("Two days later, the plane landed.") == [("Two days later", "XXXX-XX-XX")]


def test_anaphora_do_not_reach_across_paragraphs() -> None:
    text = "They met on Monday.\n\nThe talks went on.\n\nThe president left the next day."
    assert values(text)[-1] == ("the next day", "XXXX-XX-XX")


def test_the_next_day_counts_from_the_last_date() -> None:
    assert values("The storm hit on Sept. 3. The next day, the river rose.") == [
        ("Sept. 3", "2025-09-03"), ("The next day", "2025-09-04")]


def test_a_quoted_today_is_the_day_of_the_statement() -> None:
    text = '"We made great progress today," Trump said Wednesday.'
    found = resolve(text, FRIDAY)
    assert [(t.text, t.timex_value) for t in found] == [("today", "2025-10-15"),
                                                         ("Wednesday", "2025-10-15")]
    assert found[0].cue == "said 2025-10-15"


def test_a_quoted_today_without_a_dated_attribution_is_the_publish_day() -> None:
    assert values('"We made progress today," Trump said.') == [("today", "2025-10-17")]


def test_without_an_anchor_deictic_values_keep_placeholders() -> None:
    assert values("He left on Wednesday and returns in August.", None) == [
        ("Wednesday", "XXXX-WXX-3"), ("August", "XXXX-08")]


def test_a_publish_time_is_anchored_on_its_day() -> None:
    found = resolve("It happened yesterday.", datetime(2025, 10, 17, 23, 59))
    assert [t.timex_value for t in found] == ["2025-10-16"]


def test_unknown_language_yields_nothing() -> None:
    assert resolve("demain", FRIDAY, "xx") == []


def test_every_timex_carries_its_evidence() -> None:
    for t in resolve("Last week the board met; it will vote on Friday.", FRIDAY):
        assert t.rule
        assert t.anchor == FRIDAY


@pytest.mark.skipif(not SEED.exists(), reason="demo corpus not available")
def test_seed_article_readings() -> None:
    text = SEED.read_text(encoding="utf-8")
    found = {(t.text, t.timex_value) for t in resolve(text, FRIDAY)}
    assert {("Wednesday", "2025-10-15"), ("Sunday", "2025-10-12"), ("February", "2025-02"),
            ("last week", "2025-W41"), ("Friday", "2025-10-17"),
            ("Later that day", "2025-10-15")} <= found


def test_a_bare_weekday_repeats_the_reading_of_its_first_mention() -> None:
    text = "Zelensky will meet Trump on Friday. Friday's meeting is the fourth this year."
    assert [v for t, v in values(text, date(2025, 10, 15)) if t == "Friday"] == [
        "2025-10-17", "2025-10-17"]


def test_a_possessive_weekday_alone_looks_back() -> None:
    text = "Lawyers said they would look for ways around Wednesday's ruling."
    assert values(text) == [("Wednesday", "2025-10-15")]


def test_the_week_of_a_day_is_that_week() -> None:
    assert values("A hearing is set for the week of March 6.", date(2000, 2, 24)) == [
        ("the week of March 6", "2000-W10")]


def test_the_previous_weekday_counts_from_the_day_last_mentioned() -> None:
    text = ("London shares closed lower Friday.\n\nThe index shed 47 points, down 4.5% from the"
            " previous Friday.")
    assert values(text, date(1989, 10, 30)) == [
        ("Friday", "1989-10-27"), ("the previous Friday", "1989-10-20")]


def test_the_previous_weekday_without_a_date_before_counts_from_the_anchor() -> None:
    assert values("Shares fell from the previous Friday.") == [
        ("the previous Friday", "2025-10-10")]


def test_a_capitalised_phrase_after_an_opening_quote_is_a_title() -> None:
    text = 'Baker, speaking on ABC\'s "This Week With David Brinkley," said it was ready.'
    assert values(text) == []


def test_a_quoted_sentence_may_open_with_a_date() -> None:
    assert values('"Last week, we met," he said.') == [("Last week", "2025-W41")]


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("The father will leave at 4 in the morning.", "4 in the morning", "2025-10-17T04:00"),
        ("The rally ended at ten at night.", "ten at night", "2025-10-17T22:00"),
        ("It opens at six in the evening.", "six in the evening", "2025-10-17T18:00"),
    ],
)
def test_an_hour_in_the_morning_is_a_clock_time(text: str, phrase: str, value: str) -> None:
    assert (phrase, value) in values(text)


@pytest.mark.parametrize("text", ["Shares rose 4 in the morning session.",
                                  "Shares rose 4 in the morning.",
                                  "He woke at a in the morning."])
def test_a_count_before_in_the_morning_is_no_clock_time(text: str) -> None:
    assert values(text) == []


def test_the_latest_quarter_is_the_quarter_the_story_reports_on() -> None:
    # A quarter named in the lede is the period under discussion, paragraphs later too;
    # one named in passing ("after a flat second quarter") does not displace it.
    text = ("Kimberly-Clark posted a gain in third-quarter net income.\n\n"
            "After a flat second quarter, the company cited higher prices.\n\n"
            "Interest expense was lower than a year ago.\n\n"
            "Sales fell 59% in the latest quarter.")
    got = dict(values(text, date(1990, 1, 15)))
    assert got["third-quarter"] == "1989-Q3"
    assert got["a year ago"] == "1988-Q3"
    assert got["the latest quarter"] == "1989-Q3"


def test_with_no_quarter_named_the_latest_quarter_is_the_last_one_ended() -> None:
    text = "Sales fell.\n\nTravelers said earnings fell 59% in the latest quarter."
    assert values(text, date(1990, 2, 2))[-1] == ("the latest quarter", "1989-Q4")


def test_a_comparison_period_is_not_the_quarter_under_discussion() -> None:
    text = ("Net rose in the third quarter. It compared with a loss in the 1988 period. "
            "The year-ago results included a charge.")
    assert values(text, date(1989, 11, 2))[-1] == ("year-ago", "1988-Q3")


@pytest.mark.parametrize(
    ("text", "phrase", "mod"),
    [("It won't be profitable until 1994 or later.", "1994 or later", "ON_OR_AFTER"),
     ("It is confident about earnings for 1990 and beyond.", "1990 and beyond", "ON_OR_AFTER")],
)
def test_or_later_opens_a_year_towards_the_future(text: str, phrase: str, mod: str) -> None:
    found = resolve(text, FRIDAY)
    assert [(t.text, t.mod) for t in found] == [(phrase, mod)]


@pytest.mark.parametrize(
    ("text", "phrase", "value", "mod"),
    [("By mid afternoon, officials said it was over.", "mid afternoon", "2025-10-17TAF", "MID"),
     ("At mid-afternoon yesterday, shares fell.", "mid-afternoon yesterday", "2025-10-16TAF",
      "MID")],
)
def test_a_part_of_day_with_early_mid_late(text: str, phrase: str, value: str, mod: str) -> None:
    found = resolve(text, FRIDAY)
    assert [(t.text, t.timex_value, t.mod) for t in found] == [(phrase, value, mod)]


def test_a_second_day_takes_the_month_before_it() -> None:
    text = "The summit will be held on April 24 and 25. The accession comes first."
    assert values(text, date(1999, 2, 10)) == [("April 24", "1999-04-24"), ("25", "1999-04-25")]


@pytest.mark.parametrize("text", ["He was 24 and 25 then.", "The vote was 52 and 48."])
def test_numbers_after_and_without_a_month_are_no_days(text: str) -> None:
    assert values(text) == []


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("The blast occurred at about 10:35 a.m. (0735 GMT) Friday, toppling a building.",
         "about 10:35 a.m.", "1998-08-07T10:35"),
        ("``He will leave at 4 in the morning (4 a.m. EDT Thursday),'' Castro said.",
         "4 in the morning", "1998-08-13T04:00"),
        ("The strike hit at 3:45 p.m. local time Tuesday, officials said.", "3:45 p.m.",
         "1998-08-04T15:45"),
        ("The blast came at 9 p.m. local time (1800 GMT) on Sunday.", "9 p.m.",
         "1998-08-02T21:00"),
        ("It happened at 10.30am yesterday, police said.", "10.30am", "1998-08-07T10:30"),
    ],
)
def test_a_clock_time_takes_the_day_that_follows_it_across_a_parenthetical(
        text: str, phrase: str, expected: str) -> None:
    assert dict(values(text, date(1998, 8, 8)))[phrase] == expected


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("The day before last Tuesday's hearing, he went home.", "The day before last Tuesday",
         "2000-02-21"),
        ("He left on the day after Christmas.", "the day after Christmas", "1999-12-26"),
    ],
)
def test_the_day_before_or_after_a_day_is_one_expression(text: str, phrase: str,
                                                        expected: str) -> None:
    assert dict(values(text, date(2000, 2, 24)))[phrase] == expected


def test_the_day_before_alone_keeps_its_own_reading() -> None:
    assert dict(values("The day before, on Monday, he left.", date(2000, 2, 24))) == {
        "Monday": "2000-02-21"}


@pytest.mark.parametrize("text", ["In 2000 hours of work, he did it.",
                                  "Polls closed at 1800 GMT."])
def test_four_digits_before_hours_or_a_time_zone_are_no_year(text: str) -> None:
    assert all(len(value) != 4 for _, value in values(text))


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("He will be back in a fortnight.", "a fortnight", "P2W"),
        ("A fortnight ago, he left.", "A fortnight ago", "2025-W40"),
        ("He left on Oct. 1. A fortnight later he returned.", "A fortnight later", "2025-W42"),
    ],
)
def test_a_fortnight_counts_two_weeks(text: str, phrase: str, expected: str) -> None:
    assert dict(values(text))[phrase] == expected


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("The fire started at 10.15pm yesterday.", "10.15pm", "2025-10-16T22:15"),
        ("The fair ran Oct. 7-9.", "9", "2025-10-09"),
        ("The fair ran from Oct. 7 to 9.", "9", "2025-10-09"),
        ("He was detained on Tuesday after flying in the day before.", "the day before",
         "2025-10-13"),
        ("The exhibition ran from March until May.", "May", "2025-05"),
        ("The exhibition will run from March until May.", "May", "2026-05"),
    ],
)
def test_a_date_read_from_its_neighbour(text: str, phrase: str, expected: str) -> None:
    """Clock times take their day, range ends their start's month and direction, "the day
    before" the day just named."""
    assert dict(values(text))[phrase] == expected


def test_the_day_before_a_noun_is_no_date() -> None:
    assert values("He left the day before the vote.") == []


def test_a_bare_on_in_a_word_list_is_refused(tmp_path: Path) -> None:
    from timeline.dates.language import _check_words

    with pytest.raises(ValueError, match="quote it"):
        _check_words({"month_prepositions": ["in", True]}, tmp_path / "xx.yaml")


def test_a_clock_restated_in_another_zone_is_left_out() -> None:
    assert values("The blast came at 9 p.m. local time (1800 GMT) on Sunday.",
                  date(1998, 8, 8)) == [("9 p.m.", "1998-08-02T21:00"), ("Sunday", "1998-08-02")]
    assert values("Polls close at 1800 GMT.", date(1998, 8, 8)) == [("1800 GMT",
                                                                      "1998-08-08T18:00")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The raid began at 2200 hours on Tuesday.",
         [("2200 hours", "2025-10-14T22:00"), ("Tuesday", "2025-10-14")]),
        ("The convoy left at 0600 hours.", [("0600 hours", "2025-10-17T06:00")]),
        ("The vote took 48 hours.", [("48 hours", "PT48H")]),
        ("He worked 1500 hours.", []),
    ],
)
def test_a_24_hour_clock_in_hours_after_at(text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The weekend before last, he left.", [("The weekend before last", "2025-W40-WE")]),
        ("It happened the week before last.", [("the week before last", "2025-W40")]),
        ("He left on Friday before last.", [("Friday before last", "2025-10-03")]),
        ("The vote is the Friday after next.", [("the Friday after next", "2025-10-31")]),
        ("The year before last was hot.", [("The year before last", "2023")]),
        ("It happened two Fridays ago.", []),
        ("The tournament runs through Sunday.", [("Sunday", "2025-10-19")]),
    ],
)
def test_two_steps_back_or_ahead(text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        # a count back in decades or centuries is the year that far back, not a decade
        ("A decade ago, the country was poor.", date(1999, 3, 12), [("A decade ago", "1989")]),
        ("A decade ago, the country was poor.", date(2005, 3, 12), [("A decade ago", "1995")]),
        ("It was founded two decades ago.", date(2005, 3, 12), [("two decades ago", "1985")]),
        ("The bridge was built a century ago.", date(2005, 3, 12), [("a century ago", "1905")]),
        # a list of years: each is a year
        ("It happened in 1994, 1995 and 1997.", FRIDAY,
         [("1994", "1994"), ("1995", "1995"), ("1997", "1997")]),
        ("Sales were 1,995, 2,000 and 2,100 units.", FRIDAY, []),
        # "that same day" points at the date before it, as "that day" does
        ("The plane landed on Monday. That same day, it left.", FRIDAY,
         [("Monday", "2025-10-13"), ("That same day", "2025-10-13")]),
        ("The plane landed on Monday. That same evening, it left.", FRIDAY,
         [("Monday", "2025-10-13"), ("That same evening", "2025-10-13TEV")]),
    ],
)
def test_counts_back_lists_of_years_and_that_same_day(
        text: str, anchor: date, expected: list[tuple[str, str]]) -> None:
    assert values(text, anchor) == expected


# --- the ends of the calendar and absurd numbers: dropped, never a crash ------------------

CALENDAR_ENDS = [date(1, 1, 1), date(1, 1, 3), date(2, 1, 1), date(9998, 12, 31),
                 date(9999, 12, 25), date(9999, 12, 31)]
PAST_THE_ENDS = ["tomorrow", "yesterday", "next week", "last week", "next month", "last year",
                 "next year", "next decade", "the next century", "a year later", "next Friday",
                 "last Friday", "Christmas", "on the 31st", "the weekend", "in January",
                 "3 days ago", "in 9999", "in the year 1", "the 1st century", "8000 years ago",
                 "8000 years from now", "the day after tomorrow", "the quarter ended Dec. 31"]


@pytest.mark.parametrize("anchor", CALENDAR_ENDS)
def test_values_past_the_ends_of_the_calendar_are_dropped(anchor: date) -> None:
    """A publish day near year 1 or 9999 and a phrase that leaves the calendar: no
    OverflowError; what is kept lies inside the pipeline's calendar."""
    from timeline.config import FIRST_DAY, LAST_DAY

    for phrase in PAST_THE_ENDS:
        for timex in resolve(f"The council met {phrase}.", anchor):
            span = timex.interval()
            assert span is None or FIRST_DAY <= span[0] <= span[1] <= LAST_DAY, (phrase, timex)


@pytest.mark.parametrize("digits", [20, 309, 400])
@pytest.mark.parametrize("unit", ["days ago", "years later", "decades", "weeks", "1/2 hours"])
def test_a_run_of_hundreds_of_digits_is_no_crash(digits: int, unit: str) -> None:
    """'999...9 years later': the float of the number is infinite (OverflowError: cannot
    convert float infinity to integer, in resolve and explain)."""
    from timeline.dates.explain import explain_phrase

    for anchor in (FRIDAY, date(9998, 12, 31)):
        for explanation in explain_phrase(f"{'9' * digits} {unit}", anchor):
            assert "inf" not in explanation.value
