"""Publish-date inference: from the article's own cues and the dated articles that report
the same happenings; marked inferred with evidence; no guess when nothing supports one.

The stories are invented; the real resolver reads their dates."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

from timeline.dating import infer_publish_dates
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


def test_a_reading_shared_by_several_days_is_what_each_day_reads():
    """Mentions are extracted once per distinct reading of the article's dates (a weekday
    changes only when the anchor crosses it): each day must still score what extracting
    its own reading gives."""
    from dataclasses import replace
    from datetime import timedelta

    from timeline.dating import _Readings, _unquoted
    from timeline.events import extract

    readings = _Readings()
    days = [date(2024, 3, 1) + timedelta(days=i) for i in range(14)]
    for day in days:
        own = replace(SAID_THURSDAY, published=day)
        direct = [
            ((m.trigger_start, m.timex.start, m.timex.end), m.timex.timex_value, m.trigger)
            for m in extract(own, _unquoted(SAID_THURSDAY, day), with_undated=False).dated
        ]
        cached = [(k, t.timex_value, trig) for k, t, trig in readings.of(SAID_THURSDAY, day)]
        assert direct and cached == direct, day
    assert len(readings.by_reading) < len(days)  # some days did share a reading


def test_best_match_is_what_comparing_every_known_mention_in_order_finds():
    """Known mentions told alike are compared once per group (`Likeness.key`); the match
    must still be what comparing each entry in order finds: the first on a tie (two
    outlets' identical sentences about two meetings weeks apart), never the mention's own
    date (an article's explicit dates are in its pool)."""
    from timeline.dating import _best_of, _dated_mentions, _Pool, reference_events
    from timeline.merge import Likeness, make_event

    body = "Mayor Jane Okafor met union leaders on Wednesday to end the port strike."
    early, late = art("early", body, date(2024, 3, 8)), art("late", body, date(2024, 3, 22))
    mine = art("mine", body, date(2024, 3, 15))
    (m,) = _dated_mentions(mine)
    likeness = Likeness()
    known = reference_events([early, DATED, late])
    pool = _Pool([make_event([m]), *known], likeness)
    probes = [m] + [x for a in (DATED, SAID_THURSDAY, TENSE_ONLY) for x in _dated_mentions(a)]
    for probe in probes:
        assert pool.best_match(probe) == _best_of(probe, pool.entries, likeness), probe.trigger
    _, event = pool.best_match(m)  # its own date first in the pool, then early's, late's
    assert event is not None and "early" in event.sources and "mine" not in event.sources


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


def test_best_match_looks_across_kinds_for_a_mention_of_no_known_kind():
    """The pool's kind index must find what comparing every known mention finds when one
    side has no known kind: an unknown probe against known mentions, a known probe
    against unknown ones."""
    from timeline.dating import _best_of, _dated_mentions, _Pool, reference_events
    from timeline.merge import Likeness

    likeness = Likeness()
    (rebuffed,) = _dated_mentions(replace(REBUFFED, published=date(2024, 3, 8)))
    (rejected,) = _dated_mentions(REJECTED)
    assert rejected.classes and not rebuffed.classes
    for probe, known in ((rebuffed, [REJECTED, DATED]), (rejected, [DATED])):
        other = replace(REBUFFED, published=date(2024, 3, 8), id="other")
        pool = _Pool(reference_events(known + ([other] if probe is rejected else [])), likeness)
        found = pool.best_match(probe)
        assert found == _best_of(probe, pool.entries, likeness)
        assert found[1] is not None, probe.trigger


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
    from timeline.dating import _undated_happenings

    a = art(
        "mixed",
        "Mayor Jane Okafor met union leaders on Wednesday to end the port strike. "
        "The Springfield council will vote on the deal, officials said.",
    )
    found = _undated_happenings(a)
    assert "vote" in [m.trigger for m in found]
    assert all(m.sentence.start > a.body.index("strike.") for m in found)  # not 'met'


def test_one_likeness_shared_by_inference_and_merging_changes_nothing(monkeypatch):
    """build_timeline keeps one memory of pair similarities (`merge.Likeness`) from
    inference to the last merge, where mentions are read under other days and their
    actors named story-wide over other articles: the timeline must be what each stage
    with a memory of its own gives, even from a memory another story filled, while
    computing fewer similarities."""
    from timeline import merge
    from timeline.merge import Likeness
    from timeline.pipeline import extract_from, merge_stage, resolve_article
    from timeline.timeline import dumps

    announced = art(
        "announced",
        "Governor Tim Walsh said on Thursday that the Springfield council will vote on the "
        "deal. Okafor will meet union leaders again, aides said.",
        date(2024, 3, 7),
    )
    articles = [DATED, SAID_THURSDAY, TENSE_ONLY, NO_MATCH, announced]

    def stage_by_stage(articles: list[Article], likeness: Likeness | None = None) -> str:
        dated = infer_publish_dates(articles, likeness)
        resolved = [resolve_article(a) for a in dated]
        extractions = [extract_from(r) for r in resolved]
        return dumps(merge_stage(resolved, extractions, likeness=likeness))

    counted = [0]
    parts = merge._parts

    def counting(a, b):
        counted[0] += 1
        return parts(a, b)

    monkeypatch.setattr(merge, "_parts", counting)
    expected = stage_by_stage(articles)  # inference and the merge stage each with its own memory
    apart, counted[0] = counted[0], 0
    assert dumps(build_timeline(articles)) == expected
    assert 0 < counted[0] < apart
    doc = json.loads(expected)  # every use of the memory is exercised:
    assert doc["upcoming"]  # announced happenings merged,
    assert any("tense-only" in e["sources"] for e in doc["events"])  # one attached
    # a memory another set of articles filled, their actors named story-wide otherwise
    other = Likeness()
    stage_by_stage([DATED, TENSE_ONLY, announced, art("walsh", "Walsh met Okafor.")], other)
    assert stage_by_stage(articles, other) == expected
