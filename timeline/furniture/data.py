"""The furniture patterns of one language, read from `data/<language>.yaml` and compiled
once: one pattern per shape (all kinds in one alternation, a named group per kind) for
the analysis, and the header patterns the importer reads front matter with."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

SHAPES = ("line", "prefix", "within", "section")
HEADER_KEYS = ("author", "published", "updated", "dateline", "date")
_FRAGMENT = re.compile(r"\{([a-z_]+)\}")


@dataclass(frozen=True)
class KindPattern:
    """One pattern of the data, as written (fragments filled in) and compiled."""

    kind: str
    shape: str
    pattern: re.Pattern[str]


@dataclass(frozen=True, eq=False)  # one instance per language: hashed by identity
class Furniture:
    language: str
    # per shape, every kind in one alternation: `lastgroup` names the kind that matched
    line: re.Pattern[str]  # fullmatch over a sentence
    prefix: re.Pattern[str]  # match at a sentence start
    within: re.Pattern[str]  # search in a sentence
    section: re.Pattern[str]  # search over the body
    caption_kinds: frozenset[str]  # credits whose caption is the sentence before them
    patterns: tuple[KindPattern, ...]  # each pattern alone (tests, the benchmark)
    headers: dict[str, tuple[re.Pattern[str], ...]]  # importer: fullmatch over a line


@cache
def furniture(language: str = "en") -> Furniture:
    """The language's furniture data (English when the language has none)."""
    folder = resources.files("timeline.furniture").joinpath("data")
    path = folder.joinpath(f"{language}.yaml")
    if not path.is_file():
        path = folder.joinpath("en.yaml")
    data: dict[str, Any] = yaml.safe_load(path.read_text("utf-8"))
    return compiled(language, data)


def compiled(language: str, data: dict[str, Any]) -> Furniture:
    expand = _expander(data.get("fragments") or {})
    kinds: dict[str, dict[str, Any]] = data["kinds"]
    singles = tuple(
        KindPattern(kind, shape, re.compile(expand(p)))
        for kind, shapes in kinds.items()
        for shape in SHAPES
        for p in shapes.get(shape) or ()
    )
    combined = {shape: _alternation(kinds, shape, expand) for shape in SHAPES}
    headers = {
        key: tuple(re.compile(expand(p)) for p in (data.get("headers") or {}).get(key) or ())
        for key in HEADER_KEYS
    }
    return Furniture(
        language=language,
        line=re.compile(rf"(?:{combined['line']})\.?"),
        prefix=re.compile(combined["prefix"]),
        within=re.compile(combined["within"]),
        section=re.compile(combined["section"]),
        caption_kinds=frozenset(k for k, shapes in kinds.items() if shapes.get("caption")),
        patterns=singles,
        headers=headers,
    )


def _alternation(kinds: dict[str, dict[str, Any]], shape: str, expand: Any) -> str:
    groups = [
        f"(?P<{kind}>{'|'.join(f'(?:{expand(p)})' for p in shapes[shape])})"
        for kind, shapes in kinds.items()
        if shapes.get(shape)
    ]
    return "|".join(groups) or r"(?!)"  # (?!) never matches: a shape no kind uses


def _expander(fragments: dict[str, str]) -> Any:
    """{name} -> the fragment (itself expanded), as a non-capturing group; {1,3} and other
    quantifiers are left alone."""
    done: dict[str, str] = {}

    def fill(pattern: str, seen: tuple[str, ...] = ()) -> str:
        def one(m: re.Match[str]) -> str:
            name = m.group(1)
            if name not in fragments:
                raise ValueError(f"unknown fragment {{{name}}} in furniture data")
            if name in seen:
                raise ValueError(f"fragment {{{name}}} refers to itself")
            if name not in done:
                done[name] = f"(?:{fill(' '.join(str(fragments[name]).split()), (*seen, name))})"
            return done[name]

        return _FRAGMENT.sub(one, pattern)

    return fill
