"""Language data: the word tables and rule patterns of one language, loaded once.

The engine knows no English; it reads `data/<language>.yaml` (format described at the top
of that file), expands each rule's {placeholders} into alternations of the named word
table and compiles the patterns. Nothing here depends on a particular rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).parent / "data"

# placeholder -> the word table whose keys it matches
_TABLE_PLACEHOLDERS = {
    "month": "months",
    "weekday": "weekdays",
    "ord": "ordinals",
    "unit": "units",
    "cunit": "calendar_units",
    "season": "seasons",
    "part": "parts_of_day",
    "rel": "relations",
    "pmod": "point_mods",
    "dmod": "duration_mods",
    "ref": "references",
    "deictic": "deictic_days",
    "set": "set_words",
    "vague": "vague_numbers",
    "approx": "approx_words",
    "holiday": "holidays",
    "decadeword": "decade_words",
}


@dataclass(frozen=True)
class Rule:
    """One recognition rule: a name that reads like its phrase, a pattern, a production."""

    name: str
    make: str
    pattern: re.Pattern[str]
    type: str | None = None


@dataclass(frozen=True)
class Language:
    code: str
    tables: dict[str, Any]
    rules: tuple[Rule, ...]
    scanner: re.Pattern[str]  # all rules in one alternation: can a match start here?
    starts: re.Pattern[str]  # words a match can start with, on lower-cased text (fast)
    future_cues: frozenset[str]
    past_cues: frozenset[str]
    strong_past_cues: frozenset[str]

    def table(self, name: str) -> dict[str, Any]:
        return self.tables.get(name) or {}

    def lookup(self, name: str, word: str) -> Any:
        """The meaning of a word (or phrase) in a table, spaces and case normalised."""
        return self.table(name).get(normalise(word))


def normalise(word: str) -> str:
    return " ".join(word.lower().replace(".", "").split())


@cache
def load(code: str) -> Language:
    """The language `code`; raises LookupError when there is no data file for it."""
    path = DATA_DIR / f"{code}.yaml"
    if not path.is_file():
        raise LookupError(f"no date data for language {code!r}")
    tables = yaml.safe_load(path.read_text(encoding="utf-8"))
    words = {key: _alternation(tables, table) for key, table in _TABLE_PLACEHOLDERS.items()}
    words.update(_derived_placeholders(tables, words))
    rules = tuple(_compile_rule(spec, words) for spec in tables.get("rules", []))
    scanner = re.compile("|".join(f"(?:{_bare(r)})" for r in rules), re.IGNORECASE)
    return Language(
        code,
        tables,
        rules,
        scanner,
        _start_words(tables),
        frozenset(normalise(w) for w in tables.get("future_cues", [])),
        frozenset(normalise(w) for w in tables.get("past_cues", [])),
        frozenset(normalise(w) for w in tables.get("strong_past_cues", [])),
    )


def _alternation(tables: dict[str, Any], table: str) -> str:
    """Regex alternation of a table's words, longest first; spaces match any white space,
    and an abbreviation may carry a full stop ("Oct.", "Sept.")."""
    keys = tables.get(table) or {}
    alts = []
    for word in sorted(keys, key=lambda w: (-len(str(w)), str(w))):
        text = re.escape(str(word)).replace(r"\ ", r"\s+")
        if table in ("months", "weekdays") and _is_abbreviation(keys, str(word)):
            text += r"\.?"
        alts.append(text)
    return "(?:" + "|".join(alts) + ")" if alts else "(?!)"


def _is_abbreviation(table: dict[str, Any], word: str) -> bool:
    """A shorter form of a longer word with the same meaning ("Sept" for "September")."""
    return any(len(str(k)) > len(word) and v == table[word] for k, v in table.items())


def _derived_placeholders(tables: dict[str, Any], words: dict[str, str]) -> dict[str, str]:
    """Placeholders built from tables plus digits: numbers, days of month, years."""
    number_word = _alternation(tables, "numbers")
    tens = "|".join(k for k, v in (tables.get("numbers") or {}).items() if v in range(20, 100, 10))
    ones = "|".join(k for k, v in (tables.get("numbers") or {}).items() if v in range(1, 10)
                    and len(k) > 2)
    compound = f"(?:{tens})(?:[- ](?:{ones}))" if tens and ones else "(?!)"
    units1 = [k for k, v in (tables.get("units") or {}).items() if not k.endswith("s") or k == v]
    teens = "|".join(k for k, v in (tables.get("numbers") or {}).items() if v in range(10, 20))
    centuries = tables.get("spoken_centuries") or {}
    prefix = "|".join(k for k in centuries if " " not in k) or "(?!)"
    alone = "|".join(k.replace(" ", r"\s+") for k in centuries if " " in k) or "(?!)"
    rest = f"(?:{compound}|{tens}|{teens}|{ones}|hundred)"
    spoken_year = rf"(?:(?:{prefix}) {rest}|(?:{alone})(?: and)?(?: {rest})?)"
    clockday = (rf"(?:,? (?:(?P<weekday>{words['weekday']})|(?P<month>{words['month']}) "
                rf"(?P<day>3[01]|[12]\d|0?[1-9])(?!\d)))?")
    return {
        "clockday": clockday,
        "num": rf"(?:\d+(?:\.\d+)?(?: \d/\d)?|{compound}|{number_word})",
        "unit1": "(?:" + "|".join(sorted(units1, key=len, reverse=True)) + ")",
        "daynum": r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)|" + words["ord"],
        "year": rf"(?:(?:1[0-9]\d\d|20\d\d)(?![\d])(?!,\d)(?!\.\d)|{spoken_year})",
    }


def _start_words(tables: dict[str, Any]) -> re.Pattern[str]:
    """Where a match may start: any word of the tables or of the patterns, a digit or an
    apostrophe before one ('90s). A superset is safe; it only has to be cheap to find."""
    words: set[str] = set()
    for name in (*_TABLE_PLACEHOLDERS.values(), "numbers", "spoken_centuries"):
        words.update(str(k).lower() for k in tables.get(name) or {})
    for spec in tables.get("rules", []):
        words.update(re.findall(r"(?<![\\{<?])\b[a-z]+(?:'s)?\b", spec["pattern"].lower()))
    firsts = {w.split()[0].rstrip(".-") for w in words if w.split()}
    firsts = {w for w in firsts if re.fullmatch(r"[a-z][a-z'-]*", w)}
    alternation = "|".join(sorted(map(re.escape, firsts), key=len, reverse=True))
    return re.compile(rf"\b(?:{alternation})\b|(?<![\d])\d|'\d")


def _compile_rule(spec: dict[str, Any], words: dict[str, str]) -> Rule:
    pattern = _expand(spec["pattern"], words)
    # Whole words only: no letter or digit glued on either side.
    regex = re.compile(rf"(?<![\w])(?:{pattern})(?![\w])", re.IGNORECASE)
    return Rule(spec["name"], spec["make"], regex, spec.get("type"))


def _expand(pattern: str, words: dict[str, str]) -> str:
    def sub(m: re.Match[str]) -> str:
        key = m.group(1)
        if key not in words:
            raise KeyError(f"unknown placeholder {{{key}}} in rule pattern {pattern!r}")
        return words[key]

    # A single space in a pattern is any run of white space.
    spaced = re.sub(r"\[[^\]]*\]| ", lambda m: r"\s+" if m.group() == " " else m.group(), pattern)
    return re.sub(r"\{([a-z]\w*)\}", sub, spaced)


def _bare(rule: Rule) -> str:
    """A rule's pattern with its named groups made anonymous, for the combined scanner."""
    return re.sub(r"\(\?P<\w+>", "(?:", rule.pattern.pattern)
