"""Merging mentions across articles: one entry per happening with every source, the
majority date with conflicts, different happenings on one day kept apart, stable ids.

Stories here are invented (not the demo corpus) so the rules are tested, not the seeds."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from timeline.anchoring import find_mentions
from timeline.config import TUNING
from timeline.merge import cluster, date_relation, merge_mentions, pair_score
from timeline.model import Article, Timex
from timeline.values import day, month, week_of

TUE, WED, THU, FRI = (day(date(2024, 3, d)) for d in (5, 6, 7, 8))


def mentions(aid: str, body: str, dated: list[tuple[str, object]], published=date(2024, 3, 8)):
    art = Article(aid, Path(f"{aid}.md"), "t", body, published=published)
    timexes = []
    for phrase, value in dated:
        start = body.index(phrase)
        timexes.append(Timex(phrase, start, start + len(phrase), "DATE", value))
    return find_mentions(art, timexes)


def call_story() -> list:
    """Four outlets report one phone call; one dates it a day earlier."""
    return (
        mentions(
            "a",
            "Mayor Jane Okafor spoke to Governor Tim Walsh on Wednesday about the port strike.",
            [("on Wednesday", WED)],
        )
        + mentions(
            "b",
            "Okafor confirmed a lengthy call with Governor Tim Walsh on Thursday, aides said.",
            [("on Thursday", THU)],
        )
        + mentions(
            "c",
            "Mayor Jane Okafor held a phone call with Walsh on Thursday to discuss the strike.",
            [("on Thursday", THU)],
        )
        + mentions(
            "d",
            "Okafor revealed Thursday that she was on a long phone call with Tim Walsh.",
            [("Thursday", THU)],
        )
    )


def test_one_happening_across_outlets_is_one_entry_with_every_source():
    events = merge_mentions(call_story())
    (call,) = [e for e in events if "a" in e.sources]
    assert set(call.sources) == {"a", "b", "c", "d"}
    assert len(events) == 1


def test_the_majority_date_wins_and_the_dissent_is_a_conflict():
    (call,) = merge_mentions(call_story())
    assert call.date == "2024-03-07"
    assert [(c.value.timex, c.articles) for c in call.conflicts] == [("2024-03-06", ("a",))]


def test_different_happenings_on_the_same_day_stay_apart():
    ms = (
        mentions(
            "a",
            "Mayor Jane Okafor spoke to Governor Tim Walsh on Wednesday.",
            [("on Wednesday", WED)],
        )
        + mentions(
            "b",
            "Speaking in Boston on Wednesday, Senator Ed Markey warned against new tariffs.",
            [("on Wednesday", WED)],
        )
        + mentions(
            "c",
            "A fire destroyed a warehouse in Lowell on Wednesday, officials said.",
            [("on Wednesday", WED)],
        )
        + mentions(
            "d",
            "Okafor spoke to Governor Walsh on Wednesday about the strike.",
            [("on Wednesday", WED)],
        )
    )
    events = merge_mentions(ms)
    groups = sorted(sorted(e.sources) for e in events)
    assert groups == [["a", "d"], ["b"], ["c"]]


def test_statements_by_different_people_stay_apart():
    ms = mentions(
        "a", "Governor Tim Walsh said on Tuesday that the port would reopen.", [("on Tuesday", TUE)]
    ) + (
        mentions(
            "b",
            "Senator Ed Markey said on Tuesday that the port would reopen.",
            [("on Tuesday", TUE)],
        )
    )
    assert len(merge_mentions(ms)) == 2


def test_dates_far_apart_never_merge():
    a, b = mentions(
        "a", "Mayor Jane Okafor met union leaders on Tuesday.", [("on Tuesday", TUE)]
    ) + mentions(
        "b", "Mayor Jane Okafor met union leaders in January.", [("in January", month(2024, 1))]
    )
    assert date_relation(a, b) == "apart" and pair_score(a, b) is None
    assert len(merge_mentions([a, b])) == 2


def test_a_week_supports_a_day_inside_it():
    ms = mentions(
        "a",
        "Union leaders met Mayor Jane Okafor on Wednesday at City Hall.",
        [("on Wednesday", WED)],
    ) + mentions(
        "b",
        "Union leaders met Mayor Jane Okafor at City Hall this week.",
        [("this week", week_of(date(2024, 3, 6)))],
    )
    (e,) = merge_mentions(ms)
    assert e.date == "2024-03-06" and e.conflicts == ()


def test_conflicting_dates_need_strong_agreement():
    """A day apart and only loosely alike: two happenings, not a disputed date."""
    ms = mentions(
        "a", "Mayor Jane Okafor met union leaders on Wednesday.", [("on Wednesday", WED)]
    ) + mentions(
        "b",
        "Governor Tim Walsh will meet business owners in Salem on Thursday.",
        [("on Thursday", THU)],
    )
    assert len(merge_mentions(ms)) == 2


def test_ids_are_stable_and_independent_of_input_order():
    ms = call_story()
    first = [e.id for e in merge_mentions(ms)]
    again = [e.id for e in merge_mentions(list(reversed(ms)))]
    assert first == again
    assert first[0].startswith("2024-03-07-")


def test_best_summary_comes_from_a_mention_with_the_entry_date():
    (call,) = merge_mentions(call_story())
    assert "Wednesday" not in call.summary


def naive_average_link(ms: list, threshold: float) -> list[list]:
    """Average-link clustering the slow, obvious way: every pair of clusters compared at
    every step; a pair that may never merge (None) blocks its clusters."""
    items = sorted(ms, key=lambda m: (m.article, m.timex.start, m.trigger_start))
    n = len(items)
    scores = {(i, j): pair_score(items[i], items[j]) for i in range(n) for j in range(i + 1, n)}
    members = {i: [i] for i in range(n)}

    def link(a: list[int], b: list[int]) -> float | None:
        """The average over pairs that are evidence: from two articles, or a retelling
        within one (a positive score)."""
        pairs = [(i, j) for i in a for j in b]
        values = [scores[(min(i, j), max(i, j))] for i, j in pairs]
        if None in values:
            return None
        counted = [
            v for (i, j), v in zip(pairs, values, strict=True)
            if items[i].article != items[j].article or v > 0
        ]
        return sum(counted) / len(counted) if counted else None

    while True:
        pairs = [(x, y) for x in members for y in members if x < y]
        scored = [(link(members[x], members[y]), x, y) for x, y in pairs]
        ok = [(v, -x, -y) for v, x, y in scored if v is not None and v >= threshold]
        if not ok:
            return [[items[i] for i in members[k]] for k in sorted(members)]
        _, x, y = max(ok)
        members[-x] = sorted(members[-x] + members.pop(-y))


def test_clustering_matches_the_obvious_average_link():
    """The heap-and-neighbours clustering merges exactly what comparing every pair of
    clusters at every step would, on a mix of stories, outlets and days."""
    ms = call_story() + [
        m
        for aid, body, phrase, value in [
            (
                "e",
                "Okafor spoke to Governor Walsh on Wednesday about the strike.",
                "on Wednesday",
                WED,
            ),
            ("f", "A fire destroyed a warehouse in Lowell on Wednesday.", "on Wednesday", WED),
            (
                "g",
                "Firefighters fought a warehouse fire in Lowell on Wednesday night.",
                "on Wednesday",
                WED,
            ),
            (
                "h",
                "Mayor Jane Okafor met union leaders on Friday to end the strike.",
                "on Friday",
                FRI,
            ),
            ("i", "Okafor met the union on Friday and the strike ended.", "on Friday", FRI),
            ("j", "Senator Ed Markey warned against tariffs on Tuesday.", "on Tuesday", TUE),
        ]
        for m in mentions(aid, body, [(phrase, value)])
    ]
    got = [[(m.article, m.timex.start) for m in group] for group in cluster(ms)]
    want = [
        [(m.article, m.timex.start) for m in group]
        for group in naive_average_link(ms, TUNING.merge_threshold)
    ]
    assert got == want
    assert len(got) < len(ms)  # something merged, so the comparison says something


def rebuff_story() -> list:
    """One council vote told with a verb the lexicon knows ('rejected') and with one it
    does not ('rebuffed', 'turned down'), beside other happenings of the day."""
    return [
        m
        for aid, body in [
            ("r1", "The Springfield council rejected the port operator's offer on Wednesday."),
            ("r2", "The Springfield council rebuffed the offer of the port operator on Wednesday."),
            ("r3", "On Wednesday the Springfield council turned down the port operator's offer."),
            ("r4", "Mayor Jane Okafor opened a ferry terminal in Springfield on Wednesday."),
            ("r5", "Dock workers in Springfield cheered loudly on Wednesday."),
        ]
        for m in mentions(aid, body, [("Wednesday", WED)])
    ]


def test_a_trigger_the_lexicon_lacks_merges_with_one_it_knows_on_shared_evidence():
    """'rejected' has a kind of happening, 'rebuffed' none: the same actors in much the
    same words still make them one happening (the evidence two unknown triggers need);
    a known and an unknown trigger that share only a place stay apart, and two known
    kinds that differ never merge."""
    rejected, rebuffed, _, opened, cheered = rebuff_story()
    assert rejected.classes and not rebuffed.classes and opened.classes and not cheered.classes
    assert (pair_score(rejected, rebuffed) or 0) >= TUNING.merge_threshold
    assert pair_score(cheered, opened) == 0  # shares the place only
    assert pair_score(rejected, opened) == 0  # both known, different kinds
    groups = sorted(sorted(e.sources) for e in merge_mentions(rebuff_story()))
    assert groups == [["r1", "r2", "r3"], ["r4"], ["r5"]]


def test_clustering_matches_the_obvious_average_link_with_unknown_kinds():
    """Mentions of no known kind are scored against every kind's mentions: the clustering
    still merges what comparing every pair would."""
    ms = rebuff_story() + call_story()
    got = [[(m.article, m.timex.start) for m in group] for group in cluster(ms)]
    want = [
        [(m.article, m.timex.start) for m in group]
        for group in naive_average_link(ms, TUNING.merge_threshold)
    ]
    assert got == want
    assert any({m.article for m in g} >= {"r1", "r2"} for g in cluster(ms))


def test_the_story_names_an_actor_once_across_articles():
    """A short form one article uses ('Calder') takes the name another gives the same
    actor ('Calder Group'); the First Lady, whom the article tells apart by her first
    name, keeps her own full-name key beside the President's."""
    from timeline.naming import named_mentions

    known = mentions(
        "k",
        "Calder Group raised its offer for Northgate Logistics on Wednesday, and "
        "President Donald Trump praised it.",
        [("on Wednesday", WED)],
    )
    (new,) = mentions(
        "n",
        "Calder sweetened its bid for Northgate on Thursday, as President Trump and "
        "First Lady Melania Trump watched.",
        [("on Thursday", THU)],
    )
    assert set(new.actor_keys) == {"calder", "northgate", "trump", "melania trump"}
    named = named_mentions(known + [new])[-1]
    assert named.actor_keys == ("calder group", "northgate logistics", "trump", "melania trump")
    assert named.people == ("trump", "melania trump")
    assert "calder group" in named.context and "calder" not in named.actor_keys


def visit_story() -> list:
    """Three outlets announce Friday's meeting of the mayor and the governor; one of them
    also tells of another meeting of the mayor's that week (her deputy and the harbour
    businesses): a shared actor inside an overlapping interval, a different happening."""
    week = week_of(date(2024, 3, 6))
    return (
        mentions(
            "a",
            "Mayor Jane Okafor will meet Governor Tim Walsh at City Hall on Friday.",
            [("on Friday", FRI)],
            published=TUE.start,
        )
        + mentions(
            "b",
            "Governor Tim Walsh is scheduled to meet Mayor Okafor in Salem on Friday. "
            "Okafor, meanwhile, has arranged for her deputy to meet harbour businesses "
            "in Salem this week.",
            [("on Friday", FRI), ("this week", week)],
            published=TUE.start,
        )
        + mentions(
            "c",
            "Okafor plans to meet the governor Friday to discuss the strike.",
            [("Friday", FRI)],
            published=TUE.start,
        )
    )


def test_a_week_around_a_day_sharing_one_actor_is_another_happening():
    events = merge_mentions(visit_story())
    by_date = {e.date: e for e in events}
    assert set(by_date) == {"2024-03-08", "2024-W10"}
    assert set(by_date["2024-03-08"].sources) == {"a", "b", "c"}
    assert [m.timex.text for m in by_date["2024-W10"].mentions] == ["this week"]


def test_a_date_inside_another_needs_the_evidence_a_disputed_date_needs():
    """Nested dates of different spans merge only when the mentions agree as strongly as
    sources disputing a date must: same kind, same status, actors agreeing."""
    (friday,) = mentions(
        "a", "Mayor Jane Okafor will meet Governor Tim Walsh on Friday.", [("on Friday", FRI)]
    )
    week = week_of(date(2024, 3, 6))
    (same,) = mentions(
        "b", "Mayor Jane Okafor will meet Governor Tim Walsh this week.", [("this week", week)]
    )
    (told_as_past,) = mentions(
        "c", "Mayor Jane Okafor has met harbour businesses this week.", [("this week", week)]
    )
    (fewer_people,) = mentions(
        "d", "Mayor Jane Okafor will meet harbour businesses this week.", [("this week", week)]
    )
    assert date_relation(friday, same) == "agree"
    assert (pair_score(friday, same) or 0) >= TUNING.merge_threshold
    assert told_as_past.status != friday.status and pair_score(friday, told_as_past) == 0
    assert friday.status == fewer_people.status and pair_score(friday, fewer_people) == 0


def test_a_month_around_a_day_merges_when_the_accounts_agree():
    ms = mentions(
        "a", "A jury convicted Mayor Jane Okafor in February.", [("in February", month(2024, 2))]
    ) + mentions(
        "b",
        "Jurors convicted Mayor Jane Okafor on Feb. 22 after a trial.",
        [("on Feb. 22", day(date(2024, 2, 22)))],
    )
    (e,) = merge_mentions(ms)
    assert e.date == "2024-02-22" and e.conflicts == ()


# --- blocking and clustering are exact ---------------------------------------------------


def bench_mentions() -> list[list]:
    """The dated mentions of each hand-annotated bench story and of the demo corpus, as
    the pipeline reads them (story-wide names, inferred publish days)."""
    import yaml

    from timeline.analysis import analyse
    from timeline.anchoring import anchored
    from timeline.corpus import load_corpus
    from timeline.dating import infer_publish_dates
    from timeline.naming import named, story_names

    root = Path(__file__).resolve().parent.parent
    stories = [load_corpus(root / "corpus")]
    for path in sorted((root / "bench" / "data" / "events").glob("*.yaml")):
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
        if "articles" not in gold:
            continue
        stories.append(
            [
                Article(a["id"], Path(f"{a['id']}.md"), a["id"], a["body"],
                        published=a.get("published"))
                for a in gold["articles"]
            ]
        )
    out = []
    for articles in stories:
        analyses = [analyse(a) for a in articles]
        names = story_names(analyses)
        analyses = infer_publish_dates([named(a, names) for a in analyses])
        out.append(
            [m for a in analyses for m in anchored(a, a.article.published_day).extraction.dated]
        )
    return out


def test_blocking_misses_no_pair_that_can_score():
    """Every pair left out of `candidate_pairs` scores 0 or has dates apart: blocking
    only saves work."""
    from timeline.merge import candidate_pairs

    for ms in bench_mentions():
        kept = candidate_pairs(ms)
        for i in range(len(ms)):
            for j in range(i + 1, len(ms)):
                if (i, j) in kept:
                    continue
                score = pair_score(ms[i], ms[j])
                apart = date_relation(ms[i], ms[j]) == "apart"
                assert score == 0.0 or (score is None and apart), (ms[i].summary, ms[j].summary)


def test_clustering_by_running_sums_is_average_link():
    """The blocked, running-sum clustering finds what scoring every pair and re-summing
    every link finds, on every bench story."""
    for ms in bench_mentions():
        assert cluster(ms) == naive_average_link(ms, TUNING.merge_threshold)


def test_a_changed_clustering_is_what_clustering_from_scratch_finds():
    """Removing and adding a few mentions re-clusters only the groups they touch: the
    result must be what clustering the new set from scratch gives."""
    from timeline.merge import Clustering

    for ms in bench_mentions():
        if len(ms) < 6:
            continue
        removed, added = ms[::5], ms[1::7]
        base = [m for m in ms if m not in added]
        after = [m for m in ms if m not in removed]
        changed = Clustering(base).changed(removed, [m for m in added if m not in removed])
        assert changed.groups() == Clustering(after).groups()


def test_an_article_restating_one_sentence_is_one_piece_of_evidence():
    """An article repeating 'On Monday the council met.' a thousand times: the restatements
    join one entry and are never compared pair by pair (the cost stays that of one)."""
    from timeline.analysis import analyse
    from timeline.anchoring import anchored
    from timeline.merge import Clustering

    body = "On Monday the council met. " * 1000
    art = Article("rep", Path("rep.md"), "t", body, published=date(2024, 3, 8))
    analysis = analyse(art)
    ms = list(anchored(analysis, art.published_day).extraction.dated)
    assert len(ms) == 1000
    clustering = Clustering(ms)
    assert len(clustering.mentions) == 1 and clustering.links == {}
    (event,) = merge_mentions(ms)
    assert len(event.mentions) == 1000 and event.date == "2024-03-04"
