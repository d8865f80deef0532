"""The Timeline: ordered events with their articles, and its JSON contract (timeline.json)."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

from timeline.model import Article, Event, Mention, ResolvedArticle, Timeline, Timex
from timeline.text import sentence_at, sentences

SCHEMA_VERSION = 2


def order_events(events: list[Event]) -> list[Event]:
    """By the interval each value covers, (start, end) as the contract says: a month
    starts before the days after its first, and a day comes before the week that starts
    with it; ties broken by id for determinism."""
    return sorted(events, key=lambda e: (*e.interval, e.id))


def schema() -> dict[str, Any]:
    """The JSON Schema of timeline.json, shipped in the package."""
    text = resources.files("timeline").joinpath("timeline.schema.json").read_text("utf-8")
    return json.loads(text)


def to_json(timeline: Timeline) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "title": timeline.title,
        "articles": [_article_json(r) for r in timeline.articles],
        "events": [_event_json(e) for e in timeline.events],
        "upcoming": [_upcoming_json(e) for e in timeline.upcoming],
        "undated": [_mention_json(m) for m in timeline.undated],
        "errors": [
            {"article": e.article, "path": _portable(e.path), "message": e.message}
            for e in timeline.errors
        ],
    }


def dumps(timeline: Timeline) -> str:
    """timeline.json text: stable key order and formatting, so equal input gives equal bytes."""
    return json.dumps(to_json(timeline), ensure_ascii=False, indent=2) + "\n"


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def _portable_path(article: Article) -> str:
    return _portable(article.path)


def _portable(path: Path) -> str:
    """The file as `<corpus folder>/<file>`: the same wherever the project is checked out,
    so timeline.json and the site stay byte-identical across machines."""
    folder, name = path.parent.name, path.name
    return f"{folder}/{name}" if folder else name


def _article_json(resolved: ResolvedArticle) -> dict[str, Any]:
    a = resolved.article
    sents = sentences(a.body)
    return {
        "id": a.id,
        "path": _portable_path(a),
        "title": a.title,
        "source": a.source,
        "url": a.url,
        "author": a.author,
        "language": a.language,
        "published": _iso(a.published),
        "published_inferred": a.published_inferred,
        "published_evidence": list(a.published_evidence),
        "timexes": [_timex_json(t, a.body, sents) for t in resolved.timexes],
    }


def _timex_json(t: Timex, body: str, sents: list) -> dict[str, Any]:
    sent = sentence_at(sents, t.start)
    out: dict[str, Any] = {
        "text": t.text,
        "start": t.start,
        "end": t.end,
        "type": t.type,
        "value": t.timex_value,
    }
    if t.mod:
        out["mod"] = t.mod
    out["sentence"] = sent.of(body) if sent else ""
    out["rule"] = t.rule
    if t.cue:
        out["cue"] = t.cue
    out["anchor"] = _iso(t.anchor)
    return out


def _mention_json(m: Mention) -> dict[str, Any]:
    interval = m.timex.interval()
    return {
        "article": m.article,
        "sentence": m.sentence_text,
        "phrase": m.timex.text,
        "phrase_start": m.timex.start,
        "phrase_end": m.timex.end,
        "value": m.timex.timex_value,
        "start": _iso(interval[0]) if interval else None,
        "end": _iso(interval[1]) if interval else None,
        "rule": m.timex.rule,
        "anchor": _iso(m.timex.anchor),
        "trigger": m.trigger,
        "trigger_start": m.trigger_start,
        "trigger_end": m.trigger_end,
        "summary": m.summary,
        "status": m.status,
        "grain": m.grain.value if m.grain else None,
        "actors": list(m.actors),
    }


def _upcoming_json(e: Event) -> dict[str, Any]:
    return {
        "id": e.id,
        "date": e.date,
        "summary": e.summary,
        "status": e.status,
        "sources": list(e.sources),
        "actors": list(e.actors),
        "mentions": [_mention_json(m) for m in e.mentions],
    }


def _event_json(e: Event) -> dict[str, Any]:
    start, end = e.interval
    out: dict[str, Any] = {
        "id": e.id,
        "date": e.date,
        "start": start.isoformat(),
        "end": end.isoformat(),
        "headline": e.headline or e.summary,
        "summary": e.summary,
        "status": e.status,
        "salience": e.salience,
        "rank": e.rank,
        "key_moment": e.key_moment,
        "background": e.background,
        "sources": list(e.sources),
        "actors": list(e.actors),
        "mentions": [_mention_json(m) for m in e.mentions],
        "conflicts": [{"value": c.value.timex, "articles": list(c.articles)} for c in e.conflicts],
    }
    if e.mod:
        out["mod"] = e.mod
    return out
