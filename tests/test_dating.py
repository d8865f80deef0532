"""Publish-date inference: from the article's own cues and the dated articles that report
the same happenings; marked inferred with evidence; no guess when nothing supports one.

The stories are invented; the real resolver reads their dates."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from timeline.model import Article
from timeline.pipeline import build_timeline


def art(aid: str, body: str, published: date | None = None) -> Article:
    return Article(aid, Path(f"{aid}.md"), aid, body, published=published)


DATED = art(
    "dated",
    "Mayor Jane Okafor met union leaders on Wednesday to end the port strike. "
    "The Springfield council will vote on the deal on Monday.\n\n"
    "Governor Tim Walsh praised the talks on Thursday.",
    date(2024, 3, 8),  # a Friday
)
SAID_THURSDAY = art(
    "said-thursday",
    "Mayor Jane Okafor said Thursday that her meeting with union leaders on Wednesday went "
    "well. The Springfield council is scheduled to vote on the deal on Monday.",
)
NO_MATCH = art("bakery", "A bakery in Lowell opened its doors on Tuesday, its owner said.")
TENSE_ONLY = art(
    "tense-only",
    "Mayor Jane Okafor met union leaders to end the port strike, aides confirmed. "
    "The Springfield council will vote on the deal, officials said.",
)


def by_id(articles: list[Article]) -> dict[str, Article]:
    return {a.id: a for a in articles}


def infer_publish_dates(articles: list[Article]) -> list[Article]:
    """The articles with their publish days inferred, as the pipeline infers them."""
    from timeline.analysis import analyse
    from timeline.dating import infer_publish_dates as infer
    from timeline.naming import named, story_names

    analyses = [analyse(a) for a in articles]
    names = story_names(analyses)
    return [a.article for a in infer([named(a, names) for a in analyses])]


def test_weekday_cues_and_a_dated_article_fix_the_day():
    out = by_id(infer_publish_dates([DATED, SAID_THURSDAY]))
    inferred = out["said-thursday"]
    assert inferred.published == date(2024, 3, 7)
    assert inferred.published_inferred is True
    assert inferred.published_evidence
    assert any("Wednesday" in e for e in inferred.published_evidence)


def test_dated_articles_are_left_alone():
    out = by_id(infer_publish_dates([DATED, SAID_THURSDAY]))
    assert out["dated"] == DATED


def test_nothing_to_go_on_means_no_date_and_says_why():
    out = by_id(infer_publish_dates([DATED, NO_MATCH]))
    bakery = out["bakery"]
    assert bakery.published is None and bakery.published_inferred is False
    assert bakery.published_evidence and "no publish date inferred" in bakery.published_evidence[0]


def test_unresolved_articles_keep_relative_dates_out_of_the_timeline():
    timeline = build_timeline([DATED, NO_MATCH])
    assert all("bakery" not in e.sources for e in timeline.events)


def test_tense_against_known_happenings_bounds_the_day():
    out = by_id(infer_publish_dates([DATED, TENSE_ONLY]))
    a = out["tense-only"]
    assert a.published is not None
    assert date(2024, 3, 6) <= a.published <= date(2024, 3, 11)
    text = " ".join(a.published_evidence)
    assert "on or after 2024-03-06" in text and "on or before 2024-03-11" in text


def test_no_dated_articles_and_no_explicit_dates_means_no_inference():
    out = infer_publish_dates([SAID_THURSDAY])
    assert out[0].published is None and out[0].published_evidence


def test_explicit_dates_in_the_text_are_enough():
    a = art(
        "explicit",
        "Mayor Jane Okafor met union leaders on March 6, 2024, to end the port strike. "
        "Okafor said Thursday that the meeting with union leaders on Wednesday went well.",
    )
    (out,) = infer_publish_dates([a])
    assert out.published == date(2024, 3, 7)


def test_inference_is_deterministic():
    articles = [DATED, SAID_THURSDAY, TENSE_ONLY, NO_MATCH]
    assert infer_publish_dates(articles) == infer_publish_dates(articles)
    assert [a.id for a in infer_publish_dates(articles)] == [a.id for a in articles]


def test_today_and_tense_place_an_article_on_the_day_it_reports():
    a = art(
        "today",
        "Mayor Jane Okafor met union leaders today to end the port strike. The Springfield "
        "council will vote on the deal on Monday.",
    )
    out = by_id(infer_publish_dates([DATED, a]))
    assert out["today"].published == date(2024, 3, 6)


def test_matches_are_what_comparing_every_known_mention_in_order_finds():
    """The index hands a mention only the known mentions it may be alike to: the match
    must still be what comparing each entry in order finds: the first on a tie (two
    outlets' identical sentences about two meetings weeks apart), never the mention's own
    date (an article's explicit dates are in its pool)."""
    from timeline.index import HappeningIndex, match_score
    from timeline.merge import make_event

    body = "Mayor Jane Okafor met union leaders on Wednesday to end the port strike."
    early, late = art("early", body, date(2024, 3, 8)), art("late", body, date(2024, 3, 22))
    mine = art("mine", body, date(2024, 3, 15))
    (m,) = mentions_of(mine)
    known = reference_events([early, DATED, late])
    index = HappeningIndex([make_event([m]), *known])
    probes = [m] + [x for a in (DATED, SAID_THURSDAY, TENSE_ONLY) for x in mentions_of(a)]
    for probe in probes:
        assert index.matches(probe) == brute_force(probe, index.entries, match_score)
    (_, event), *_ = index.matches(m)  # its own date first in the pool, then early's, late's
    assert "early" in event.sources and "mine" not in event.sources


def mentions_of(article: Article) -> list:
    """The article's dated mentions, as inference reads them from its publish day."""
    from timeline.analysis import analyse
    from timeline.dating import dated_mentions

    return dated_mentions(analyse(article), article.published_day, quoted=True)


def reference_events(articles: list[Article]) -> list:
    from timeline.merge import merge_mentions
    from timeline.naming import named_mentions

    return merge_mentions(named_mentions([m for a in articles for m in mentions_of(a)]))


def brute_force(probe, entries, score) -> list:
    """Every known happening alike enough, by its best mention, best first (the first
    in order on a tie), at most five."""
    best: dict[int, tuple] = {}
    for n, (event, other) in enumerate(entries):
        s = score(probe, other)
        if s > 0 and (id(event) not in best or s > best[id(event)][0]):
            best[id(event)] = (s, best.get(id(event), (0, n))[1], event)
    return [(s, e) for s, _, e in sorted(best.values(), key=lambda x: (-x[0], x[1]))][:5]


REJECTED = art(
    "rejected",
    "The Springfield council rejected the port operator's offer on Wednesday, its chair said.",
    date(2024, 3, 8),  # a Friday
)
REBUFFED = art(
    "rebuffed", "The Springfield council rebuffed the offer from the port operator on Wednesday."
)


def test_a_verb_the_lexicon_lacks_still_matches_a_known_happening():
    """'rebuffed' names no kind of happening the lexicon knows, 'rejected' does: the same
    actors in much the same words make them one happening to inference as to merging."""
    out = by_id(infer_publish_dates([REJECTED, REBUFFED]))
    inferred = out["rebuffed"]
    assert inferred.published == date(2024, 3, 6)
    assert any("(rebuffed)" in e and "rejected" in e for e in inferred.published_evidence)


def test_matches_look_across_kinds_for_a_mention_of_no_known_kind():
    """The index must find what comparing every known mention finds when one side has no
    known kind: an unknown probe against known mentions, a known probe against unknown
    ones."""
    from timeline.index import HappeningIndex, match_score

    (rebuffed,) = mentions_of(replace(REBUFFED, published=date(2024, 3, 8)))
    (rejected,) = mentions_of(REJECTED)
    assert rejected.classes and not rebuffed.classes
    for probe, known in ((rebuffed, [REJECTED, DATED]), (rejected, [DATED])):
        other = replace(REBUFFED, published=date(2024, 3, 8), id="other")
        index = HappeningIndex(reference_events(known + ([other] if probe is rejected else [])))
        found = index.matches(probe)
        assert found == brute_force(probe, index.entries, match_score)
        assert found, probe.trigger


def test_an_article_is_read_in_the_names_the_story_uses():
    """An undated article that writes 'Calder' and 'Northgate' reports what the dated one
    tells of 'Calder Group' and 'Northgate Logistics': inference compares actors as the
    merge names them story-wide, not as each article spells them."""
    dated = art(
        "dated",
        "Calder Group raised its offer for Northgate Logistics to 465p a share on Thursday.",
        date(2024, 3, 8),  # a Friday
    )
    short = art("short", "Calder sweetened its bid for Northgate on Thursday, bankers said.")
    inferred = by_id(infer_publish_dates([dated, short]))["short"]
    assert inferred.published == date(2024, 3, 7)
    assert any("(sweetened)" in e and "dated" in e for e in inferred.published_evidence)


def test_undated_happenings_come_only_from_sentences_without_a_date():
    from timeline.analysis import analyse

    a = art(
        "mixed",
        "Mayor Jane Okafor met union leaders on Wednesday to end the port strike. "
        "The Springfield council will vote on the deal, officials said.",
    )
    found = analyse(a).happenings
    assert "vote" in [m.trigger for m in found]
    assert all(m.sentence.start > a.body.index("strike.") for m in found)  # not 'met'


def test_inference_reads_each_day_from_the_one_analysis():
    """Inference anchors the article's one analysis to each candidate day: what it reads
    on a day is what analysing the article published that day gives."""
    from datetime import timedelta

    from timeline.analysis import analyse
    from timeline.dating import dated_mentions

    analysis = analyse(SAID_THURSDAY)
    for day in [date(2024, 3, 1) + timedelta(days=i) for i in range(14)]:
        fresh = analyse(replace(SAID_THURSDAY, published=day))
        ours = [(m.trigger, m.timex.timex_value) for m in dated_mentions(analysis, day)]
        theirs = [(m.trigger, m.timex.timex_value) for m in dated_mentions(fresh, day)]
        assert ours and ours == theirs, day
