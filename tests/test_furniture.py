"""Page furniture of real news pages: each kind with a table of real-looking examples, the
news it must leave alone, and what the analysis makes of it (no date, no summary text, no
comment section), with the body kept verbatim."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from fuzzing import news_text
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.analysis import analyse
from timeline.anchoring import anchored
from timeline.events.lexicon import lexicon
from timeline.furniture import Layout, furniture, layout
from timeline.model import Article
from timeline.text import sentences

SMALL = lexicon().headline_small_words


def laid_out(text: str) -> Layout:
    return layout(text, sentences(text), furniture(), SMALL)


def furniture_text(text: str) -> list[tuple[str, str]]:
    return [(s.kind, text[s.start : s.end]) for s in laid_out(text).furniture]


def content_text(text: str) -> list[str]:
    return [s.of(text) for s in laid_out(text).content]


# (sentence, kind, the furniture part: the whole sentence, or the prefix before the text)
CREDITS = [
    ("Photograph: Jerry Lampen/Reuters", "Photograph: Jerry Lampen/Reuters"),
    ("Photograph: Charles Whitehouse/AP Thirty-one US marines were killed today.",
     "Photograph: Charles Whitehouse/AP"),
    ("Picture: AP", "Picture: AP"),
    ("(Photo: AP)", "(Photo: AP)"),
    ("(AP Photo/Evan Vucci)", "(AP Photo/Evan Vucci)"),
    ("Photo by Jane Doe/Getty Images", "Photo by Jane Doe/Getty Images"),
    ("Photograph: Sean Smith for the Guardian", "Photograph: Sean Smith for the Guardian"),
    ("Photograph: Getty Images The Ukrainian president spoke at the summit.",
     "Photograph: Getty Images"),
    ("Image copyright Getty Images", "Image copyright Getty Images"),
    ("Image caption Protesters gathered in Tahrir Square on Friday",
     "Image caption Protesters gathered in Tahrir Square on Friday"),
    ("Photographs: Hubble Space Telescope via Getty",
     "Photographs: Hubble Space Telescope via Getty"),
    ("Picture: Reuters/Amr Abdallah Dalsh", "Picture: Reuters/Amr Abdallah Dalsh"),
    ("(Photo by Win McNamee/Getty Images)", "(Photo by Win McNamee/Getty Images)"),
    ("Credit: Doug Mills/The New York Times", "Credit: Doug Mills/The New York Times"),
    ("Photograph: AP/Kevin Lamarque The US president warned Syria on Monday.",
     "Photograph: AP/Kevin Lamarque"),
    ("Illustration: Guardian Design", "Illustration: Guardian Design"),
]
PRINT_NOTES = [
    "A version of this article appeared on p14 of the Main section of the Guardian on "
    "Tuesday 15 June 2010.",
    "This article appeared on p9 of the Guardian review section of the Guardian on Saturday "
    "5 February 2005.",
    "A version of this article appears in print on March 4, 2024, Section A, Page 1 of the "
    "New York edition with the headline: Senate Passes Bill.",
    "This article appeared in the Observer on Sunday 12 June 2005 on p21 of the News section.",
    "It was published on the Guardian website at 00.05 BST on Thursday 17 June 2010.",
    "This article was first published on guardian.co.uk at 10.00 BST on Friday 18 June 2010.",
    "A version of this story appeared in the March 4, 2024 print edition of The Times.",
    "This article appeared in print on page A1.",
    "A version of this article appeared in the Sunday Times magazine.",
    "This article is adapted from the author's new book.",
    "This article was published in the print edition of the Daily Herald on 4 March 2024.",
    "This story appeared on page B3 of the Metro section.",
    "A version of this interview appeared in the G2 section.",
]
CORRECTIONS = [
    "This article was amended on 3 June 2010 to correct the spelling of a name.",
    "This article was corrected on Tuesday 15 June 2010.",
    "Correction: An earlier version of this story gave the wrong date for the vote.",
    "An earlier version of this article misstated the number of victims.",
    "This story has been updated to correct the name of the minister.",
    "Clarification: The council said the figures were provisional.",
    "Corrections and clarifications",
    "The headline on this article was amended on 12 May 2010.",
    "CORRECTION: A previous version misspelled the mayor's name.",
    "Editor's note: This article has been updated with the latest figures.",
    "We apologise for the error.",
    "This caption was amended on 4 March 2024 because it misnamed the city.",
    "Corrections: The report on page 3 gave the wrong date.",
]
# (sentence, the furniture part)
TIMESTAMPS = [
    ("2.33pm: BP says the cap is holding.", "2.33pm: "),
    ("10:00 am ET - Economic outlook hearing - The economy was a key focal point.",
     "10:00 am ET - "),
    ("Updated 3:15 p.m. ET", "Updated 3:15 p.m. ET"),
    ("Posted at 14:02", "Posted at 14:02"),
    ("(Updated 6:40 p.m. (0140 in Egypt)) U.S. officials urged restraint.",
     "(Updated 6:40 p.m. (0140 in Egypt)) "),
    ("1347 GMT: Police fire tear gas in Tahrir Square.", "1347 GMT: "),
    ("9.15am BST: The minister arrives at the inquiry.", "9.15am BST: "),
    ("Published Nov. 9, 2025", "Published Nov. 9, 2025"),
    ("Posted: 12:04 PM, Mar 03, 2024", "Posted: 12:04 PM, Mar 03, 2024"),
    ("Last updated at 21:52 GMT, Wednesday, 13 January 2010",
     "Last updated at 21:52 GMT, Wednesday, 13 January 2010"),
    ("Posted by Keith Stuart at 11:08 AM | Comments (4) | Permalink",
     "Posted by Keith Stuart at 11:08 AM | Comments (4) | Permalink"),
    ("Monday 17 January 2005 16.47 GMT", "Monday 17 January 2005 16.47 GMT"),
    ("Update 4.05pm: The prime minister has resigned.", "Update 4.05pm: "),
    ("Updated: 12:04 PM, Mar 03, 2024", "Updated: 12:04 PM, Mar 03, 2024"),
    ("First published on Tue 4 Mar 2024 09.10 GMT", "First published on Tue 4 Mar 2024 09.10 GMT"),
    ("Bush visits Iraq Jane Doe Monday 17 January 2005 16.47 GMT Thirty marines died today.",
     "Bush visits Iraq Jane Doe Monday 17 January 2005 16.47 GMT "),
]
COMMENT_MARKERS = [
    "At 2:13 pm on 28 May 2010, Jane Smith wrote: I think BP should pay.",
    "At 6:53 P.M. on Jan 13, 2010, Jessica Clark wrote: My heartfelt condolences.",
    # a signature after the comment: the section starts at the sentence that holds it
    "Good point February 2, 2011 at 5:54 pm | Report abuse | Reply",
    "January 27, 2011 at 7:59 pm | I don't believe it.",
    "Report abuse",
    "Comments are not pre-screened before they post.",
    "This comment was removed by a moderator because it broke our community standards.",
    "This comment was removed because the moderators found it broke the House Rules.",
    "Loading comments… Trouble loading?",
    "124 comments on this article",
    "Comments on this entry are closed.",
    "At 11:45 pm on 13 Jan 2010, SheffTim wrote:",
    "March 4, 2024 at 10:12 am | Reply",
]
PROMOS = [
    "Follow us on Twitter",
    "Sign up for our morning newsletter",
    "Read more",
    "Share this",
    "Share this article",
    "Subscribe to the Daily Brief",
    "READ MORE: Council delays the bridge vote again",
    "Click here to read the memo.",
    "You can follow Ana Ruiz on Twitter at @anaruiz.",
    "Join the conversation and share your story in the comments below.",
    "Media playback is unsupported on your device",
    "Send us your pictures and videos to yourpics@bbc.co.uk",
    "Advertisement",
    "Copyright 2011 CNN. All rights reserved.",
    "© 2024 The Associated Press.",
    "Related Content",
    "Most read",
    "Download the City News app for breaking news",
]
BYLINES = [
    "By Sam Ortiz",
    "By SAM ORTIZ, Associated Press",
    "By Jon Henley in Paris",
    "By Jane Doe and Sam Ortiz",
    "By Jane Doe, Sam Ortiz and Li Wei",
    "By Jane Doe, BBC News, Cairo",
    "By Reuters",
    "By The Associated Press",
    "Reporting by Amr Abdallah; Editing by Sam Holmes",
    "CNN's Ben Wedeman and Nic Robertson contributed to this report.",
    "Jane Doe contributed to this reporting.",
    "Written by Sam Ortiz",
    "By Jane Doe | The Daily Herald",
    "Additional reporting by Li Wei in Beijing",
]
# (sentence, the dateline)
DATELINES = [
    ("LONDON, March 3 (Reuters) - The Bank of England raised rates.",
     "LONDON, March 3 (Reuters) - "),
    ("WASHINGTON (AP) — The Senate voted on Tuesday.", "WASHINGTON (AP) — "),
    ("Cairo, Egypt (CNN) -- Protesters gathered again.", "Cairo, Egypt (CNN) -- "),
    ("WASHINGTON — President Trump spoke to Putin.", "WASHINGTON — "),
    ("PARIS (AFP) - French police said the suspect fled.", "PARIS (AFP) - "),
    ("RIO DE JANEIRO, Brazil (AP) — Floods hit the city.", "RIO DE JANEIRO, Brazil (AP) — "),
    ("BEIJING, Jan 5 (Reuters) - China said it would retaliate.", "BEIJING, Jan 5 (Reuters) - "),
    ("Atlanta (CNN) -- A storm hit the city.", "Atlanta (CNN) -- "),
    ("NEW YORK (Reuters) - Stocks fell sharply.", "NEW YORK (Reuters) - "),
    ("GAZA CITY — Airstrikes hit the north.", "GAZA CITY — "),
    ("KYIV, Ukraine (AP) — Russia launched drones.", "KYIV, Ukraine (AP) — "),
    ("BRUSSELS, March 3 (Reuters) — EU leaders met.", "BRUSSELS, March 3 (Reuters) — "),
    ("Port-au-Prince, Haiti (CNN) -- Rescue crews worked overnight.",
     "Port-au-Prince, Haiti (CNN) -- "),
]
# real news that opens or reads like furniture
NEWS = [
    "The photograph was taken on Monday.",
    "Comments by the minister on Tuesday angered unions.",
    "He wrote on Friday that the talks had failed.",
    "Photographs of detainees being humiliated were published on Friday.",
    "Pictures by the agency showed the damage.",
    "This article appeared to anger the minister.",
    "It appeared on Friday that talks had failed.",
    "This report was corrected by the ministry on Monday.",
    "Correction facilities were overcrowded, the report said.",
    "An earlier version of the bill was rejected in May.",
    "Updated figures show inflation rose in March.",
    "At 2.30pm on Monday the building collapsed.",
    "Published in 2019, the report found widespread abuse.",
    "He posted on Friday that he would resign.",
    "Posted guards stood outside the embassy.",
    "The 9.15am train was cancelled on Tuesday.",
    "At 2pm on 3 March, the minister wrote: we will act.",
    "Users can report abuse to the platform.",
    "The comments were removed on Monday.",
    "Following the vote, the mayor left.",
    "Sign language interpreters were present.",
    "More than 100 people signed up for the repairs.",
    "Watch the bridge, residents said.",
    "A subscriber to the newsletter sold the shares on Monday.",
    "He followed the story on Twitter for weeks.",
    "A copyright dispute reached court on Friday.",
    "By Tuesday, the troops had left.",
    "By Friday the rebels had taken the town.",
    "By March, prices had doubled.",
    "By Christmas the war was over.",
    "By Barack Obama's own admission, the plan failed.",
    "By noon, crowds had gathered.",
    "By Saturday Night Live standards, it was tame.",
    "EU - the bloc said it would respond.",
    "NATO allies met in Brussels on Thursday.",
    "The Editor's note was read out in court on Monday.",
]


@pytest.mark.parametrize(("sentence", "part"), CREDITS)
def test_photo_credits(sentence, part):
    assert furniture_text(sentence)[0] == ("credit", part)
    rest = sentence[len(part) :].strip()
    assert content_text(sentence) == ([rest] if rest else [])


def test_the_sentence_before_a_credit_on_its_line_is_its_caption():
    text = "Protesters gather in Tahrir Square on Friday. Photograph: AP\n\nThe army stood by."
    assert furniture_text(text) == [
        ("credit", "Protesters gather in Tahrir Square on Friday."),
        ("credit", "Photograph: AP"),
    ]
    assert content_text(text) == ["The army stood by."]
    other_line = "The army stood by on Friday.\nPhotograph: AP"
    assert content_text(other_line) == ["The army stood by on Friday."]


@pytest.mark.parametrize("sentence", PRINT_NOTES)
def test_print_edition_notes(sentence):
    assert furniture_text(sentence) == [("print", sentence)]


@pytest.mark.parametrize("sentence", CORRECTIONS)
def test_correction_notes(sentence):
    assert furniture_text(sentence) == [("correction", sentence)]


@pytest.mark.parametrize(("sentence", "part"), TIMESTAMPS)
def test_live_blog_timestamps_and_updated_lines(sentence, part):
    found = furniture_text(sentence)
    assert found[0] == ("timestamp", part)
    rest = sentence[len(part) :].strip()
    assert content_text(sentence) == ([rest] if rest else [])


@pytest.mark.parametrize("marker", COMMENT_MARKERS)
def test_a_comment_section_runs_to_the_end(marker):
    text = (
        "The council voted on Monday to close the bridge.\n\n"
        f"{marker}\n\nThey should have closed it on Friday. Shame on them."
    )
    assert content_text(text) == ["The council voted on Monday to close the bridge."]
    (section,) = [s for s in laid_out(text).furniture if s.kind == "comments"]
    assert section.shape == "section" and section.end == len(text)


@pytest.mark.parametrize("sentence", PROMOS)
def test_follow_newsletter_and_promo_lines(sentence):
    assert {kind for kind, _ in furniture_text(sentence)} == {"promo"}
    assert content_text(sentence) == []


@pytest.mark.parametrize("sentence", BYLINES)
def test_bylines(sentence):
    assert furniture_text(sentence) == [("byline", sentence)]


@pytest.mark.parametrize(("sentence", "part"), DATELINES)
def test_datelines(sentence, part):
    assert furniture_text(sentence) == [("dateline", part)]
    assert content_text(sentence) == [sentence[len(part) :]]


@pytest.mark.parametrize("sentence", NEWS)
def test_news_that_reads_like_furniture_is_content(sentence):
    assert content_text(sentence) == [sentence]
    assert laid_out(sentence).furniture == ()


def test_every_table_has_a_dozen_examples():
    tables = [CREDITS, PRINT_NOTES, CORRECTIONS, TIMESTAMPS, COMMENT_MARKERS, PROMOS, BYLINES,
              DATELINES]
    assert all(len(table) >= 12 for table in tables) and len(NEWS) >= 12


# --- the analysis ---------------------------------------------------------------------

PAGE = (
    "By Sam Ortiz\n\n"
    "Updated 3:15 p.m. ET, Wed March 6, 2024\n\n"
    "WASHINGTON (AP) — The Senate passed the budget on Tuesday after a long debate.\n\n"
    "Senators applaud in the chamber on Tuesday. (AP Photo/Evan Vucci)\n\n"
    "2.33pm: The president signed the bill on Wednesday.\n\n"
    "This article was amended on 7 March 2024 to correct the vote count.\n\n"
    "A version of this article appeared on p14 of the Main section on 8 March 2024.\n\n"
    "March 6, 2024 at 5:54 pm | Report abuse | They should have voted on Monday.\n\n"
    "At 2:13 pm on 9 March 2024, Jane wrote: The vote on Friday was a farce.\n"
)


def _page_article() -> Article:
    return Article("p", Path("p.md"), "Senate passes the budget", PAGE,
                   published=date(2024, 3, 6))


def test_the_analysis_takes_no_date_from_furniture_and_keeps_the_body():
    analysis = analyse(_page_article())
    assert analysis.article.body == PAGE
    dated = anchored(analysis, date(2024, 3, 6)).extraction.dated
    assert sorted(m.timex.text for m in dated) == ["Tuesday", "Wednesday"]
    assert {m.timex.value.timex for m in dated} == {"2024-03-05", "2024-03-06"}


def test_summaries_hold_no_furniture():
    analysis = analyse(_page_article())
    texts = [s.of(PAGE) for s in analysis.sentences]
    assert texts == [
        "The Senate passed the budget on Tuesday after a long debate.",
        "The president signed the bill on Wednesday.",
    ]
    dated = anchored(analysis, date(2024, 3, 6)).extraction.dated
    for m in dated:
        assert not any(w in m.summary for w in ("WASHINGTON", "AP", "2.33pm", "Photo"))


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.one_of(news_text(), st.text(max_size=300), st.lists(st.sampled_from(
    [*(c for c, _ in CREDITS), *COMMENT_MARKERS, *(t for t, _ in TIMESTAMPS), *NEWS,
     *BYLINES, " ", "\n", "\n\n", ". "]), max_size=12).map("".join)))
def test_layout_of_any_text_is_spans_over_it(text):
    found = laid_out(text)
    spans = [(s.start, s.end) for s in found.furniture]
    assert spans == sorted(spans)
    assert all(0 <= a < b <= len(text) for a, b in spans)
    assert all(b1 <= a2 for (_, b1), (a2, _) in zip(spans, spans[1:], strict=False))
    for sent in found.content:
        assert sent.of(text).strip() == sent.of(text) != ""
        assert not any(a < sent.end and sent.start < b for a, b in spans)
