"""Generated pages from hand-built Timelines: structure, links, hover text, safety, splits."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from html.parser import HTMLParser

import pytest
from site_factory import (
    BODY_A,
    PUBLISHED,
    announcement,
    article,
    demo,
    event,
    many,
    mention,
    order,
)

from timeline.model import Conflict, Mention, ResolvedArticle, Timeline
from timeline.site.markup import safe_url, slug, unique_slugs, value_label, with_mod
from timeline.site.pages import (
    DISAGREEMENTS,
    NEWEST,
    PEOPLE,
    SOURCES,
    TIMELINE,
    UNDATED,
    Context,
    SiteOptions,
    build_pages,
    render_pages,
)
from timeline.values import day, week_of


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return render_pages(demo())


def test_every_page_exists_and_nav_is_small(pages: dict[str, str]) -> None:
    for path in (TIMELINE, NEWEST, SOURCES, DISAGREEMENTS, UNDATED, PEOPLE, "exports.md"):
        assert path in pages
    for article_id in ("outlet-a-story", "outlet-b-story", "undated-story"):
        assert f"articles/{article_id}.md" in pages
    nav = [p.path for p in build_pages(demo()) if p.in_nav]
    assert not any(p.startswith("articles/") for p in nav)
    assert len(nav) <= 8


def test_headings_put_each_grain_in_its_place(pages: dict[str, str]) -> None:
    found = re.findall(r"^(#+) (.+?) \{#([^}]+)\}$", pages[TIMELINE], flags=re.M)
    headings = [(level, re.sub(r"<[^>]+>", "", label), id_) for level, label, id_ in found]
    assert '## <time datetime="2022">2022</time> {#y2022}' in pages[TIMELINE]
    assert '#### <time datetime="2025-W41">Week of 6 October 2025</time>' in pages[TIMELINE]
    assert headings == [
        ("##", "2022", "y2022"),
        ("##", "2025", "y2025"),
        ("###", "February 2025", "t-2025-02"),
        ("###", "October 2025", "t-2025-10"),
        ("####", "Week of 6 October 2025", "t-2025-w41"),
        ("####", "Wednesday 15 October 2025", "t-2025-10-15"),
        ("####", "Friday 17 October 2025", "t-2025-10-17"),
    ]
    text = pages[TIMELINE]
    order_ = [text.index(f'id="e-{name}"') for name in ("invasion", "improved", "stalled", "call")]
    assert order_ == sorted(order_)


def test_date_phrase_carries_its_resolution(pages: dict[str, str]) -> None:
    expected = (
        '<time tabindex="0" datetime="2025-10-15" '
        'title="&#x27;Wednesday&#x27; in “Trump spoke to Putin”, '
        'published 2025-10-17 → 2025-10-15">Wednesday</time>'
    )
    assert expected in pages[TIMELINE]
    assert 'datetime="2025-W41"' in pages[TIMELINE]
    assert "Week of 6 October 2025 (2025-W41)" in pages[TIMELINE]


def test_source_link_jumps_to_the_sentence(pages: dict[str, str]) -> None:
    pattern = r'href="\.\./articles/outlet-a-story/#(s\d+)" title="He will meet'
    link = re.search(pattern, pages[TIMELINE])
    assert link
    article_page = pages["articles/outlet-a-story.md"]
    span = rf'<span class="tl-sentence" id="{link.group(1)}">(.*?)</span>'
    sentence = re.search(span, article_page)
    assert sentence and "meet Zelensky on" in sentence.group(1)


def test_status_marks_and_conflict_callout(pages: dict[str, str]) -> None:
    text = pages[TIMELINE]
    call = text[text.index('id="e-call"') : text.index('id="e-meeting"')]
    meeting = text[text.index('id="e-meeting"') :]
    assert "tl-status-reported" in call and "tl-status-scheduled" in meeting
    assert "Sources disagree on the date" in call
    assert "Sources disagree" not in meeting
    callout = re.sub(r"<[^>]+>", "", call[call.index("tl-conflict") :])
    assert (
        "Sources are evenly split: 1 of 2 says Wednesday 15 October 2025, the date this entry "
        "uses.“Trump calls Putin” (Outlet B) says Thursday 16 October 2025 (Thursday)"
    ) in callout
    assert callout.count("Trump calls Putin") == 1  # the conflict is listed once
    assert '../disagreements/#e-call' in call


def test_disagreements_side_by_side(pages: dict[str, str]) -> None:
    text = pages[DISAGREEMENTS]
    assert "{#e-call}" in text
    rows = re.findall(r"<tr><td>.*?</tr>", text)
    assert len(rows) == 2
    assert "2025-10-15" in rows[0] and "2025-10-16" in rows[1]
    assert "differs from the entry" not in rows[0] and "differs from the entry" in rows[1]
    assert "e-meeting" not in text


def test_newest_first_reverses_the_order(pages: dict[str, str]) -> None:
    text = pages[NEWEST]
    positions = [text.index(f"#e-{name}") for name in ("meeting", "call", "stalled", "improved")]
    assert positions == sorted(positions)


def test_article_page_marks_dates_and_links_entries(pages: dict[str, str]) -> None:
    text = pages["articles/outlet-a-story.md"]
    assert text.startswith('---\ntitle: Trump spoke to Putin\n---\n')
    assert '<a class="tl-feeds" href="../../timeline/#e-call"><time class="tl-timex"' in text
    assert text.count('class="tl-sentence"') == 6
    assert 'href="https://example.org/a"' in text
    entries = text[text.index("{#entries}") :]
    assert entries.count("<li>") == 5


def test_unsafe_url_is_shown_not_linked(pages: dict[str, str]) -> None:
    text = pages["articles/outlet-b-story.md"]
    assert "javascript:alert(1) (not a web address; not linked)" in text
    assert 'href="javascript' not in "".join(pages.values())


def test_inferred_publish_date_is_marked_with_evidence() -> None:
    t = demo()
    a = replace(t.articles[2].article, published=date(2025, 10, 16), published_inferred=True,
                published_evidence=("same events as outlet-b-story",))
    t = replace(t, articles=(*t.articles[:2], ResolvedArticle(a, ())))
    text = render_pages(t)["articles/undated-story.md"]
    assert '<time datetime="2025-10-16">2025-10-16</time> <span class="tl-inferred">inferred' \
        in text
    assert "not stated in the article" in text
    assert '<details class="tl-evidence"><summary>How it was inferred (1 clue)</summary>' in text
    # the article named in the evidence is linked by its title
    assert '<li>same events as <a href="../outlet-b-story/">“Trump calls Putin”</a></li>' in text


def test_announcing_sentence_links_its_entry_in_the_article_text() -> None:
    text = render_pages(demo())["articles/outlet-a-story.md"]
    sentence = re.search(r'id="s6">A summit date is yet to be set\.</span>( <a [^>]+>[^<]+</a>)',
                         text)
    assert sentence, text
    assert 'class="tl-feeds tl-announce" href="../../undated/#u-summit"' in sentence.group(1)
    assert "announced, no date given" in sentence.group(1)


def test_undated_people_and_sources(pages: dict[str, str]) -> None:
    undated = pages[UNDATED]
    announced = undated[undated.index("{#announced}") : undated.index("{#context}")]
    assert announced.count("A summit date is yet to be set.</p>") == 1  # merged and loose: once
    assert 'id="u-summit"' in announced
    context = undated[undated.index("{#context}") : undated.index("{#no-publish-date}")]
    assert "still shapes the talks" in context
    assert "Undated story" in undated[undated.index("{#no-publish-date}") :]
    people = pages[PEOPLE]  # a small story: every actor's entries on the one page
    assert '<h3 id="a-trump">Trump</h3>' in people
    trump = people[people.index('id="a-trump"') : people.index('id="a-zelensky"')]
    assert re.findall(r"#e-\w+", trump) == ["#e-call"]
    assert 'href="../people/#a-trump"' in pages[TIMELINE]  # an entry's actors link there
    assert not any(path.startswith("people/") for path in pages)
    sources = pages[SOURCES]
    assert sources.index("Outlet A") < sources.index("Outlet B") < sources.index("not stated")
    assert "3 articles, 2 of them from 2 named outlets." in sources


def test_sources_count_reads_well() -> None:
    from timeline.site.pages.sources import _sources_count

    assert _sources_count(5, 0, 0) == "5 articles; none names its outlet."
    assert _sources_count(1, 1, 1) == "1 article from 1 outlet."
    assert _sources_count(4, 3, 2) == "4 articles, 3 of them from 2 named outlets."


def test_same_timeline_same_bytes() -> None:
    assert render_pages(demo()) == render_pages(demo())


def test_links_follow_directory_urls_setting() -> None:
    flat = render_pages(demo(), SiteOptions(directory_urls=False))
    assert 'href="../articles/outlet-a-story.html#s1"' in flat[TIMELINE]
    assert 'href="../timeline/index.html#e-call"' in flat["articles/outlet-a-story.md"]


def test_relative_urls() -> None:
    ctx = Context(demo(), SiteOptions())
    assert ctx.url("sources.md", "articles/x.md", "s2") == "../articles/x/#s2"
    assert ctx.url("timeline/index.md", "timeline/newest.md") == "newest/"
    assert ctx.url("timeline/newest.md", "timeline/index.md", "e-1") == "../#e-1"
    assert ctx.url("exports.md", "exports/timeline.csv") == "timeline.csv"
    assert ctx.url("people.md", "people.md", "a-x") == "#a-x"


def test_big_timeline_is_split_with_stable_anchors() -> None:
    pages_ = build_pages(many(400), SiteOptions(page_limit=150))
    paths = [p.path for p in pages_]
    assert "timeline/2024.md" in paths and "timeline/2025.md" in paths
    assert not any(p.in_nav for p in pages_ if p.path.startswith("timeline/20"))
    by_path = {p.path: p.content for p in pages_}
    assert 'id="e-big-0"' in by_path["timeline/2024.md"]
    assert "timeline/2024.md" in by_path  # entry 0 is in 2024, its anchor on that page
    assert 'href="2024/#e-big-0"' in by_path[TIMELINE]  # the overview links into the part
    # the same entry keeps its page and anchor when more entries are added later
    bigger = {p.path: p.content for p in build_pages(many(420), SiteOptions(page_limit=150))}
    assert 'id="e-big-0"' in bigger["timeline/2024.md"]


HOSTILE = [
    "<script>alert(1)</script>",
    "[click](javascript:alert(1))",
    "text {: onclick=\"alert(1)\" }",
    "\n# Injected heading\n",
    "<!-- comment -->",
    "{{ config.site_name }} {% if x %}",
    "<img src=x onerror=alert(1)>",
    "\x02wzxhzdk:0\x03",
]


@pytest.mark.parametrize("payload", HOSTILE)
def test_untrusted_text_is_escaped_everywhere(payload: str) -> None:
    body = f"Trump met Putin on Wednesday. {payload} More text. A visit is planned."
    a = article("h", body, title=f"T {payload}", source=f"S {payload}", author=payload,
                published_inferred=True, published_evidence=(f"{payload} h2",))
    m = mention(a, "Wednesday", day(date(2025, 10, 15)), actors=(payload,), summary=payload)
    b = article("h2", f"Trump met Putin on Thursday. {payload}", title=f"U {payload}",
                source=payload)
    other = mention(b, "Thursday", day(date(2025, 10, 16)), actors=(payload,))
    announced = announcement(a, "A visit is planned")
    announced = replace(announced, timex=replace(announced.timex, text=payload))
    conflict = (Conflict(day(date(2025, 10, 16)), ("h2",)),)
    entry = event("x", m, other, announced, conflicts=conflict)
    t = Timeline(payload, (ResolvedArticle(a, (m.timex,)), ResolvedArticle(b, (other.timex,))),
                 order([entry]), (announced,), (event("u", announced),))
    assert "Sources disagree" in render_pages(t)[TIMELINE]  # the callout is rendered too
    for path, text in render_pages(t).items():
        assert "<script" not in text, path
        assert "<img" not in text and "<!--" not in text, path
        assert "\x02" not in text, path
        assert not re.search(r"^# Injected", text, flags=re.M), path
        assert not [name for _, name, _ in attributes(text) if name.startswith("on")], path


def attributes(text: str) -> list[tuple[str, str, str]]:
    """Every (tag, attribute, value) an HTML parser sees in the text."""
    found: list[tuple[str, str, str]] = []

    class Collect(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.extend((tag, name, value or "") for name, value in attrs)

    Collect().feed(text)
    return found


def test_safe_url_and_slugs() -> None:
    assert safe_url("https://example.org/x?y=1") == "https://example.org/x?y=1"
    for bad in ("javascript:alert(1)", " JAVASCRIPT:x", "data:text/html,x", "//evil.org",
                "http://", "http://a b", "mailto:x@y"):
        assert safe_url(bad) is None, bad
    assert slug("Ünïcode & Co!") == "n-code-co"
    assert unique_slugs(["A b", "a-b", "a b"]) == {"A b": "a-b", "a b": "a-b-2", "a-b": "a-b-3"}
    assert value_label(day(date(2025, 10, 15))) == "Wednesday 15 October 2025"


def test_modifiers_read_as_words() -> None:
    assert with_mod("Week of 13 October 2025", "START") == "early in the week of 13 October 2025"
    assert with_mod("October 2025", "MID") == "mid-October 2025"
    assert with_mod("2022", "ON_OR_AFTER") == "since 2022"
    assert with_mod("2022", None) == "2022"


def test_sentence_anchors_match_sentence_order() -> None:
    text = render_pages(demo())["articles/outlet-a-story.md"]
    ids = re.findall(r'class="tl-sentence" id="s(\d+)"', text)
    assert ids == [str(i) for i in range(1, len(ids) + 1)]
    assert BODY_A.count(".") == len(ids)


def test_empty_timeline_still_builds_every_page() -> None:
    a = article("quiet", "Nothing dated here.")
    pages_ = render_pages(Timeline("Quiet", (ResolvedArticle(a, ()),), ()))
    assert "No dated entries yet." in pages_[TIMELINE]
    assert "No disagreements between sources." in pages_[DISAGREEMENTS]
    assert "articles/quiet.md" in pages_


def _with_meeting_sources(*extra: Mention) -> dict[str, str]:
    """The demo with more mentions on the Friday meeting entry."""
    t = demo()
    events = [
        replace(e, mentions=(*e.mentions, *extra)) if e.id == "meeting" else e for e in t.events
    ]
    return render_pages(replace(t, events=tuple(events)))


def test_undated_announcement_reads_as_such_with_its_sentence() -> None:
    b = demo().articles[1].article
    b = replace(b, body=b.body + " Zelensky is due at the White House.")
    m = announcement(b, "Zelensky is due", actors=("Zelensky",))
    t = demo()
    arts = (t.articles[0], ResolvedArticle(b, t.articles[1].timexes), t.articles[2])
    events = tuple(
        replace(e, mentions=(*e.mentions, m)) if e.id == "meeting" else e for e in t.events
    )
    text = render_pages(replace(t, articles=arts, events=events))[TIMELINE]
    meeting = text[text.index('id="e-meeting"') :]
    assert '<span class="tl-nodate">announced, no date given</span> — <a href=' in meeting
    assert 'href="../articles/outlet-b-story/#s3" title="Zelensky is due at the White House."' \
        in meeting
    assert "<time" in meeting and "></time>" not in meeting.replace("Friday</time>", "")
    assert "Sources disagree" not in meeting  # an announcement does not dispute the date
    assert "FUTURE_REF" not in meeting


def test_one_line_per_source_article() -> None:
    a = demo().articles[0].article
    again = mention(a, "Friday", day(date(2025, 10, 17)), "scheduled")
    week = mention(a, "last week", week_of(date(2025, 10, 13)), "scheduled")
    # a second sentence
    other = replace(again, clause=replace(again.clause, sentence=replace(again.sentence, start=0)))
    text = _with_meeting_sources(again, week, other)[TIMELINE]
    meeting = text[text.index('id="e-meeting"') :]
    sources = meeting[: meeting.index("</ul>")]
    assert sources.count("<li>") == 1  # one article, one line
    assert sources.count(">Friday</time>") == 1  # the same phrase is not repeated
    assert ">last week</time>" in sources  # a week holding the day agrees: no callout
    assert "Sources disagree" not in meeting
    assert "; also <a " in sources  # further sentences of the article, each linked
    assert re.search(r'<a href="[^"]+#s1" title="[^"]+">sentence 1</a>', sources)


def test_hostile_announcement_sentence_is_escaped() -> None:
    body = "Trump met Putin on Wednesday. <script>alert(1)</script> Talks are planned."
    a = article("h", body, title="<b>T</b>")
    dated = mention(a, "Wednesday", day(date(2025, 10, 15)))
    m = announcement(a, "Talks are planned")
    m = replace(m, timex=replace(m.timex, text="<img src=x onerror=alert(1)>"))
    t = Timeline("x", (ResolvedArticle(a, (dated.timex,)),), order([event("x", dated, m)]),
                 (m,), (event("u", m),))
    for path, text in render_pages(t).items():
        assert "<script" not in text and "<img" not in text and "<b>" not in text, path
    pages_ = render_pages(t)
    assert "“&lt;img src=x onerror=alert(1)&gt;”, announced, no date given" in pages_[UNDATED]
    assert "Wednesday</time> <span class=\"tl-nodate\">(also announced without a date)" \
        in pages_[TIMELINE]


def test_big_newest_first_is_split_like_the_timeline() -> None:
    pages_ = build_pages(many(400), SiteOptions(page_limit=150))
    by_path = {p.path: p.content for p in pages_}
    nav = [p.path for p in pages_ if p.in_nav]
    assert "timeline/newest-2024.md" in by_path and "timeline/newest-2025.md" in by_path
    assert not any(p.startswith("timeline/newest-") for p in nav)
    index = by_path[NEWEST]
    assert index.index("newest-2025/") < index.index("newest-2024/")  # newest part first
    part = by_path["timeline/newest-2024.md"]
    assert '<li id="e-big-0" ' in part and 'href="../2024/#e-big-0"' in part
    ids = [int(n) for n in re.findall(r'<li id="e-big-(\d+)" ', part)]
    assert ids == sorted(ids, reverse=True) and len(ids) > 100
    assert len(by_path[NEWEST]) < 2000  # the index lists parts, not entries


def test_hostile_evidence_is_escaped_and_ids_still_linked() -> None:
    t = demo()
    evidence = ('<script>alert(1)</script> outlet-b-story [x](javascript:alert(2)) '
                '"><img src=x onerror=alert(3)> outlet-b-story-not-an-id')
    a = replace(t.articles[2].article, published=date(2025, 10, 16), published_inferred=True,
                published_evidence=(evidence,))
    t = replace(t, articles=(*t.articles[:2], ResolvedArticle(a, ())))
    text = render_pages(t)["articles/undated-story.md"]
    assert "<script" not in text and "<img" not in text
    assert text.count('<a href="../outlet-b-story/">') == 1  # the id, not the longer word
    assert not [name for _, name, _ in attributes(text) if name.startswith("on")]


def _contrast(a: str, b: str) -> float:
    def lum(hex_: str) -> float:
        parts = [int(hex_[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in parts]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_status_colours_are_readable_in_both_palettes() -> None:
    """WCAG AA (4.5:1) for the status marks on Material's light and slate backgrounds."""
    from importlib import resources

    css = resources.files("timeline.site").joinpath("assets/timeline.css").read_text("utf-8")
    light = css[css.index(":root {") : css.index("}", css.index(":root {"))]
    dark = css[css.index('[data-md-color-scheme="slate"] {') :]
    dark = dark[: dark.index("}")]
    for block, background in ((light, "#ffffff"), (dark, "#1e2029")):
        colours = re.findall(r"--tl-(?:reported|scheduled|other): (#[0-9a-f]{6})", block)
        assert len(colours) == 3, block
        for colour in colours:
            assert _contrast(colour, background) >= 4.5, (colour, background)


# --- from the UX review of the built demo site --------------------------------------------


def test_entry_quotes_the_sentences_it_rests_on(pages: dict[str, str]) -> None:
    """Hover text on the source links is out of reach on a phone and in print: the
    sentences are quoted in a fold, each linked to its place in the article."""
    text = pages[TIMELINE]
    call = text[text.index('id="e-call"') : text.index('id="e-meeting"')]
    fold = re.search(r'<details class="tl-quotes"[^>]*><summary>(.*?)</summary>(.*?)</details>',
                     call)
    assert fold, call
    assert fold.group(1) == "What the sources say (2 sentences)"
    quoted = re.findall(r'<li><q>(.*?)</q> <a href="([^"]+)">(.*?)</a></li>', fold.group(2))
    assert [(q, name) for q, _, name in quoted] == [
        ("Trump spoke to Putin on Wednesday, officials said.", "Trump spoke to Putin, sentence 1"),
        ("Trump called Putin on Thursday.", "Trump calls Putin, sentence 1"),
    ]
    assert [href for _, href, _ in quoted] == [
        "../articles/outlet-a-story/#s1", "../articles/outlet-b-story/#s1",
    ]
    improved = text[text.index('id="e-improved"') :]
    improved = improved[: improved.index("</li>\n")]
    assert "tl-quotes" not in improved  # its summary is its one sentence, word for word


def test_upcoming_happening_quotes_its_sentences() -> None:
    t = demo()
    b = t.articles[1].article
    b = replace(b, body=b.body + " A summit is planned.")
    extra = announcement(b, "A summit is planned")
    upcoming = (replace(t.upcoming[0], mentions=(*t.upcoming[0].mentions, extra)),)
    arts = (t.articles[0], ResolvedArticle(b, t.articles[1].timexes), t.articles[2])
    text = render_pages(replace(t, articles=arts, upcoming=upcoming))[UNDATED]
    summit = text[text.index('id="u-summit"') :]
    assert "What the sources say (2 sentences)" in summit
    assert "<q>A summit is planned.</q>" in summit


def test_disagreements_quote_what_each_source_says(pages: dict[str, str]) -> None:
    text = pages[DISAGREEMENTS]
    assert '<th scope="col">What it says</th>' in text
    rows = re.findall(r"<tr><td>.*?</tr>", text)
    assert '<q class="tl-quote">Trump spoke to Putin on Wednesday, officials said.</q>' in rows[0]
    assert '<q class="tl-quote">Trump called Putin on Thursday.</q>' in rows[1]
    assert '<div class="tl-compare"><table>' in text  # the hook for the phone layout


def test_undated_page_lists_inferred_publish_dates() -> None:
    """'Every article has a publish date' read as if every date were stated when some
    were inferred; inferred ones are listed, marked, with a note on how."""
    t = demo()
    a = replace(t.articles[2].article, published=date(2025, 10, 16), published_inferred=True)
    t = replace(t, articles=(*t.articles[:2], ResolvedArticle(a, ())))
    text = render_pages(t)[UNDATED]
    section = text[text.index("{#no-publish-date}") :]
    assert "1 of 3 articles states no publish date; 1 was inferred" in section
    assert ">Undated story</a> — published 2025-10-16 (inferred)</li>" in section
    stated = [
        replace(r, article=replace(r.article, published=PUBLISHED, published_inferred=False))
        for r in t.articles
    ]
    text = render_pages(replace(t, articles=tuple(stated)))[UNDATED]
    assert "Every article states its publish date." in text
    text = render_pages(demo())[UNDATED]  # one article with no date at all
    assert "1 of 3 articles states no publish date." in text
    assert ">Undated story</a> — no date found</li>" in text


def test_hover_text_names_no_internal_entry_id() -> None:
    """A date counted from another happening ('a day before the meeting') carries that
    entry's id as its cue; the reader sees what it means, not the id. A word cue stays."""

    def title_with_cue(cue: str) -> str:
        t = demo()
        m = mention(t.articles[0].article, "last week", week_of(date(2025, 10, 6)))
        m = replace(m, timex=replace(m.timex, cue=cue, anchor=date(2025, 10, 16)))
        events = tuple(replace(e, mentions=(m,)) if e.id == "stalled" else e for e in t.events)
        text = render_pages(replace(t, events=events))[TIMELINE]
        found = re.search(r'<time tabindex="0"[^>]* title="([^"]+)"',
                          text[text.index('id="e-stalled"') :])
        assert found
        return found.group(1)

    counted = title_with_cue("meeting")  # the id of the Friday entry
    assert counted.endswith("anchored to 2025-10-16; counted from the happening it names")
    assert "meeting" not in counted
    assert title_with_cue("said").endswith("; cue &#x27;said&#x27;")


def test_permalink_is_muted_by_colour_not_opacity() -> None:
    """An opacity of 0.5 left the entry links at about 2.3:1, under WCAG AA for text."""
    from importlib import resources

    css = resources.files("timeline.site").joinpath("assets/timeline.css").read_text("utf-8")
    rule = css[css.index(".md-typeset .tl-permalink {") :]
    rule = rule[: rule.index("}")]
    assert "opacity" not in rule and "--md-default-fg-color--light" in rule


def test_timeline_intro_counts_read_well() -> None:
    """A one-article story said '1 dated entries, drawn from 1 articles'."""
    a = demo().articles[1]
    t = demo()
    one = replace(t, articles=(a,), events=tuple(e for e in t.events if e.id == "call")[:1])
    one = replace(one, events=(replace(one.events[0], mentions=one.events[0].mentions[1:]),))
    text = render_pages(one)[TIMELINE]
    assert "1 dated entry on 15 October 2025, " in text
    assert "drawn from 1 article by 1 outlet." in text
    assert "5 dated entries from " in render_pages(demo())[TIMELINE]
    assert "drawn from 3 articles by 2 outlets." in render_pages(demo())[TIMELINE]
