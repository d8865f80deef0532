"""Language data: the word tables and rule patterns of one language, loaded once.

The engine knows no English; it reads `data/<language>.yaml` (format described at the top
of that file), expands each rule's {placeholders} into alternations of the named word
table and compiles the patterns. Nothing here depends on a particular rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

try:  # the regex parser and its opcodes, to read the first words off the rule patterns
    import re._constants as _OP
    import re._parser as _sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _OP  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

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
    "anarel": "anaphoric_relations",
    "pmod": "point_mods",
    "suffixmod": "suffix_mods",
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
    starts: re.Pattern[str]  # words a match can start with, on lower-cased text (fast)
    rules_for: dict[str, tuple[int, ...]]  # start word (or "#digit") -> rules that may follow
    future_cues: frozenset[str]
    past_cues: frozenset[str]
    strong_past_cues: frozenset[str]
    # start word -> what its rules allow as the next word; a start not followed by one of
    # these cannot begin a match ("the company" is tried by no rule of "the")
    followers: Followers = field(default_factory=lambda: Followers((), {}))

    def scanner_of(self, rules: tuple[int, ...]) -> re.Pattern[str]:
        """The combined scanner of some rules (those that may begin with one word),
        compiled once on first use."""
        return _scanner(self.code, rules)

    def table(self, name: str) -> dict[str, Any]:
        return self.tables.get(name) or {}

    def lookup(self, name: str, word: str) -> Any:
        """The meaning of a word (or phrase) in a table, spaces and case normalised."""
        return self.table(name).get(normalise(word))


@cache
def _scanner(code: str, rules: tuple[int, ...]) -> re.Pattern[str]:
    """One named group per rule: a hit's `lastgroup` is the first rule that matches there,
    so the rules before it need not be tried again."""
    every = load(code).rules
    return re.compile("|".join(f"(?P<r{i}>{_bare(every[i])})" for i in rules), re.IGNORECASE)


def normalise(word: str) -> str:
    return " ".join(word.lower().replace(".", "").split())


@cache
def load(code: str) -> Language:
    """The language `code`; raises LookupError when there is no data file for it."""
    path = DATA_DIR / f"{code}.yaml"
    if not path.is_file():
        raise LookupError(f"no date data for language {code!r}")
    tables = yaml.safe_load(path.read_text(encoding="utf-8"))
    _check_words(tables, path)
    words = {key: _alternation(tables, table) for key, table in _TABLE_PLACEHOLDERS.items()}
    words.update(_derived_placeholders(tables, words))
    rules = tuple(_compile_rule(spec, words) for spec in tables.get("rules", []))
    starts, rules_for = _start_words(rules)
    return Language(
        code,
        tables,
        rules,
        starts,
        rules_for,
        frozenset(normalise(w) for w in tables.get("future_cues", [])),
        frozenset(normalise(w) for w in tables.get("past_cues", [])),
        frozenset(normalise(w) for w in tables.get("strong_past_cues", [])),
        Followers(rules, rules_for),
    )


def _check_words(tables: dict[str, Any], path: Path) -> None:
    """YAML reads a bare on/off/yes/no as a boolean: a word list holding one has lost a
    word silently ("on" in a list of prepositions)."""
    for key, table in tables.items():
        if isinstance(table, list) and any(isinstance(w, bool) for w in table):
            raise ValueError(f"{path}: {key}: a bare on/off/yes/no is read as true/false; "
                             "quote it")


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


def _start_words(rules: tuple[Rule, ...]) -> tuple[re.Pattern[str], dict[str, tuple[int, ...]]]:
    """Where a match may start: the first words the rule patterns allow, read off the
    compiled patterns, so the prefilter follows the rules without a list of its own.
    Also, for each start the prefilter can find, the rules that may begin with it.
    (A word cut short by a character class, "mid" in "mid-", is a stem.)"""
    per_rule = [_first_words(list(_parse(rule.pattern.pattern)), 0) for rule in rules]
    firsts = set().union(*per_rule)
    if _ANY in firsts:
        every = tuple(range(len(rules)))
        return re.compile(r"\b[a-z]|(?<![\d,.])\d|['’]\d"), {"": every}
    cut = sorted((w[:-1] for w in firsts if w.endswith("*")), key=len)
    stems: list[str] = []
    for word in cut:
        if not any(word.startswith(shorter) for shorter in stems):
            stems.append(word)
    whole = [w for w in firsts if w and w != _DIGIT and not w.endswith("*")
             and not any(w.startswith(stem) for stem in stems)]
    alternatives = [rf"{re.escape(w)}\b" for w in sorted(whole, key=len, reverse=True)]
    alternatives += [re.escape(w) for w in sorted(stems, key=len, reverse=True)]
    digits = r"|(?<![\d,.])\d" if _DIGIT in firsts else ""
    regex = re.compile(r"\b(?:" + "|".join(alternatives) + ")" + digits + r"|['’]\d")
    rules_for = {key: _rules_starting(key, per_rule) for key in [*whole, *stems]}
    rules_for[_DIGIT] = tuple(i for i, f in enumerate(per_rule) if _DIGIT in f)
    return regex, rules_for


# Starts so common that most of their occurrences begin no date ("the company"): for these
# the next word is checked against what the rules allow before the rules are tried.
_FILTERED_STARTS = 8  # rules at least, sharing one start word


class Followers(dict[str, "re.Pattern[str] | None"]):
    """For each whole start word shared by many rules, a pattern for the word that may
    come next (read off the parsed rules, like the start words); None for a start word
    not filtered. Only a necessary condition: a start it rejects is one no rule of that
    word can match. Worked out for a word the first time a text holds it (reading every
    rule at load cost seconds at every start, for words most runs never meet);
    `enabled` off turns the filter off."""

    def __init__(self, rules: tuple[Rule, ...], rules_for: dict[str, tuple[int, ...]]):
        super().__init__()
        self.rules, self.rules_for, self.enabled = rules, rules_for, True

    def __missing__(self, key: str) -> re.Pattern[str] | None:
        self[key] = found = self._follower(key)
        return found

    def get(self, key: str, default: object = None) -> re.Pattern[str] | None:  # type: ignore[override]
        return self[key] if self.enabled else None

    def every(self) -> dict[str, re.Pattern[str]]:
        """Every filtered start word's pattern (all worked out)."""
        return {key: found for key in self.rules_for if (found := self[key]) is not None}

    def _follower(self, key: str) -> re.Pattern[str] | None:
        indexes = self.rules_for.get(key, ())
        if len(indexes) < _FILTERED_STARTS or not key.isalpha():
            return None
        seconds = set().union(
            *(_after_key(list(_parse(self.rules[i].pattern.pattern)), 0, "", key) for i in indexes)
        )
        return None if _ANY in seconds else _word_pattern(seconds)


def _word_pattern(words: set[str]) -> re.Pattern[str]:
    stems = sorted((w[:-1] for w in words if w.endswith("*")), key=len, reverse=True)
    whole = sorted((w for w in words if w not in (_DIGIT, _ANY) and not w.endswith("*")),
                   key=len, reverse=True)
    alternatives = [rf"{re.escape(w)}\b" for w in whole] + [re.escape(w) for w in stems]
    if _DIGIT in words:
        alternatives += [r"\d", r"['’]\d"]
    return re.compile(r"[^\w'’]*(?:" + ("|".join(alternatives) or "(?!)") + ")")


def _after_key(items: list[Any], depth: int, prefix: str, key: str) -> set[str]:
    """The words that may follow the first word `key` in a parsed pattern (as
    `_first_words` gives them); empty when the pattern cannot start with `key`; _ANY when
    it cannot tell."""
    if depth > 60:
        return {_ANY}
    for i, (op, av) in enumerate(items):
        if op in (_OP.AT, _OP.ASSERT, _OP.ASSERT_NOT):
            continue
        rest = items[i + 1 :]
        if op is _OP.LITERAL:
            ch = chr(av).lower()
            if ch.isalpha() or (ch == "'" and prefix):
                prefix += ch
                if not key.startswith(prefix):
                    return set()
                continue
            return _after_separator(items[i:], depth, prefix, key)
        if op is _OP.SUBPATTERN:
            return _after_key(list(av[-1]) + rest, depth + 1, prefix, key)
        if op is _OP.BRANCH:
            return set().union(*(_after_key(list(alt) + rest, depth + 1, prefix, key)
                                 for alt in av[1]))
        if _no_word_chars(op, av):
            return _after_separator(items[i:], depth, prefix, key)
        if op in (_OP.MAX_REPEAT, _OP.MIN_REPEAT) and (av[1] == 1 or (not prefix and av[0])):
            # an optional group, or a repeat that opens the first word ("\d+"): its first
            # pass decides the first word (a class returns at once, see below)
            low, _high, sub = av
            once = _after_key(list(sub) + rest, depth + 1, prefix, key)
            return once | _after_key(rest, depth + 1, prefix, key) if low == 0 else once
        if not prefix:  # a class opens the word: digits, or a few letters ("[QH]1")
            starts = _class_starts(op, av, prefix)
            if _ANY not in starts and not any(s[0] == key[0] for s in starts if s != _DIGIT):
                return set()
        return {_ANY} if key.startswith(prefix) else set()
    return {_ANY} if prefix == key else set()


def _after_separator(items: list[Any], depth: int, prefix: str, key: str) -> set[str]:
    """The first word `prefix` ended at items[0]: if it is `key`, the words after the
    separator (white space, punctuation) that follows."""
    if prefix != key:
        return set()
    j = 0
    while j < len(items):
        op, av = items[j]
        apostrophe = op is _OP.LITERAL and chr(av) in _APOSTROPHES
        if op in (_OP.AT, _OP.ASSERT, _OP.ASSERT_NOT) or (
                _no_word_chars(op, av) and not apostrophe):
            j += 1
            continue
        break
    return _first_words(items[j:], depth + 1)


def _rules_starting(key: str, per_rule: list[set[str]]) -> tuple[int, ...]:
    """Rules whose text may begin with `key`: the word itself, a word it begins (when
    `key` is a stem), or a stem that begins it."""
    def may(words: set[str]) -> bool:
        return any(w == key or w.rstrip("*") == key or (w.endswith("*") and key.startswith(w[:-1]))
                   or w.startswith(key) for w in words)
    return tuple(i for i, words in enumerate(per_rule) if may(words))


def _no_word_chars(op: Any, av: Any) -> bool:
    """A parsed item that cannot match a letter or digit (white space, punctuation)."""
    if op is _OP.IN:
        return all(_no_word_chars(o, a) for o, a in av)
    if op is _OP.LITERAL:
        return not chr(av).isalnum()
    if op is _OP.RANGE:
        return not any(chr(x).isalnum() for x in range(av[0], av[1] + 1))
    if op is _OP.CATEGORY:
        return av in (_OP.CATEGORY_SPACE, _OP.CATEGORY_NOT_WORD)
    if op in (_OP.MAX_REPEAT, _OP.MIN_REPEAT):
        return all(_no_word_chars(o, a) for o, a in av[2])
    return False


_DIGIT, _ANY = "#digit", "#any"
_APOSTROPHES = "'’"
DIGIT = _DIGIT  # the key of rules_for for a start with a digit
_MAX_PATHS = 20000


def _parse(pattern: str) -> Any:
    return _sre_parse.parse(pattern, re.IGNORECASE)


def _first_words(items: list[Any], depth: int, prefix: str = "") -> set[str]:
    """The words (lower case, possibly cut short) a sequence of parsed regex items can
    start with; _DIGIT if it can start with a digit, _ANY if with an unknown letter."""
    if depth > 60:
        return {_ANY}
    for i, (op, av) in enumerate(items):
        if op in (_OP.AT, _OP.ASSERT, _OP.ASSERT_NOT):
            continue  # zero width: boundaries and look-arounds
        if op is _OP.LITERAL:
            ch = chr(av).lower()
            if ch.isalpha() or (ch == "'" and prefix):
                prefix += ch
                continue
            return _word_ends(prefix, ch)
        rest = items[i + 1 :]
        if op is _OP.SUBPATTERN:
            return _first_words(list(av[-1]) + rest, depth + 1, prefix)
        if op is _OP.BRANCH:
            return set().union(*(_first_words(list(alt) + rest, depth + 1, prefix)
                                 for alt in av[1]))
        if op in (_OP.MAX_REPEAT, _OP.MIN_REPEAT):
            low, _high, sub = av
            once = _first_words(list(sub) + rest, depth + 1, prefix)
            return once | _first_words(rest, depth + 1, prefix) if low == 0 else once
        return _class_starts(op, av, prefix)
    return {prefix} if prefix else {_ANY}  # the pattern ends: the word is complete


def _word_ends(prefix: str, ch: str) -> set[str]:
    """A literal that is no letter: it ends the word, or starts a number ("'90s" too)."""
    if prefix:  # a digit glued on ("FY2024") leaves no word boundary: the word is cut
        return {prefix + "*"} if ch.isdigit() else {prefix}
    return {_DIGIT} if ch.isdigit() or ch in _APOSTROPHES else {_ANY}


def _class_starts(op: Any, av: Any, prefix: str) -> set[str]:
    """A character class: after letters it ends the word when it holds no letter, and
    leaves it cut short otherwise; at the start only digits are known."""
    if prefix:
        return {prefix if _no_word_chars(op, av) else prefix + "*"}
    if op is _OP.IN and all(o is _OP.LITERAL and chr(a).isalpha() for o, a in av):
        return {chr(a).lower() + "*" for _, a in av}  # a few letters: "[QH]1"
    if op is _OP.IN and all(o is _OP.LITERAL and chr(a) in _APOSTROPHES for o, a in av):
        return {_DIGIT}  # "'90s": the prefilter always looks at an apostrophe and a digit
    digits = op is _OP.IN and all(
        o is _OP.RANGE and chr(a[0]).isdigit() or o is _OP.LITERAL and chr(a).isdigit()
        or o is _OP.CATEGORY and a is _OP.CATEGORY_DIGIT for o, a in av)
    return {_DIGIT} if digits else {_ANY}


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

    # A single space in a pattern is any run of white space; " ?" is optional white space.
    # (Character classes are kept as written; one holds no '[', so a search for the next
    # class scans on from each '[' only to the next.)
    spaced = re.sub(r"\[[^\[\]]*\]| \?| ", lambda m: _SPACES.get(m.group(), m.group()),
                    pattern)
    return re.sub(r"\{([a-z]\w*)\}", sub, spaced)


_SPACES = {" ": r"\s+", " ?": r"\s*"}


def _bare(rule: Rule) -> str:
    """A rule's pattern with its named groups made anonymous, for the combined scanner."""
    return re.sub(r"\(\?P<\w+>", "(?:", rule.pattern.pattern)
