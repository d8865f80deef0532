"""Every regular expression of `timeline`, how its callers run it, and strings that try it.

Patterns are found, not listed by hand:
- compiled patterns in the modules of `timeline`, also inside tuples, lists, dicts and
  dataclass instances (the import header shapes, the furniture table);
- the patterns the language data builds: the date rules, the start-word prefilter, the
  next-word filters, one combined scanner per start word, the event lexicon's future cues,
  and every furniture pattern (each alone and each shape's alternation of all kinds) and
  header pattern of timeline/furniture/data/*.yaml;
- literal patterns passed to a `re` function in the source (`re.match(r"\\s+", ...)`).

How a pattern is run comes from the source too: each call `NAME.method(...)` on it in the
module that defines it or imports it, or the `re` function a literal is passed to. A
pattern whose callers cannot be found (or that is handed around) runs under `finditer`,
the most demanding way. The data-built patterns are run as timeline/dates/recognize.py
and timeline/events/status.py run them (named in USAGE_OF_DATA_PATTERNS).
"""

from __future__ import annotations

import ast
import dataclasses
import functools
import importlib
import pkgutil
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import timeline

try:
    import re._constants as _OP
    import re._parser as _parser
except ImportError:  # Python 3.10
    import sre_constants as _OP  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

# the ways callers run a pattern, as the test runs them
SEARCH, MATCH, FULLMATCH, SCAN = "search", "match", "fullmatch", "finditer"
_METHOD = {"search": SEARCH, "match": MATCH, "fullmatch": FULLMATCH, "finditer": SCAN,
           "findall": SCAN, "sub": SCAN, "subn": SCAN, "split": SCAN}
# patterns kept in tables, run by a loop over the table
USAGE_OF_TABLES = {
    "timeline.ingest.HEADER_SHAPES": (MATCH,),  # ingest._headers: pattern.match(text)
}
USAGE_OF_DATA_PATTERNS = {
    "rule": (MATCH,),  # recognize._best_at: rule.pattern.match(text, start)
    "scanner": (MATCH,),  # recognize.recognize: lang.scanner_of(rules).match(text, start)
    "starts": (SCAN,),  # recognize.recognize: lang.starts.finditer(lowered)
    "follower": (MATCH,),  # recognize.recognize: follow.match(lowered, end)
    "future cues": (SEARCH,),  # status._announced: _future_cues(lex).search(joined)
    # furniture/find.py: line.fullmatch, prefix.match, within.search over a sentence;
    # section.search over the body
    "furniture line": (FULLMATCH,),
    "furniture prefix": (MATCH,),
    "furniture within": (SEARCH,),
    "furniture section": (SEARCH,),
    # furniture/headers.py: pattern.fullmatch(line), dateline pattern.match(line), the date
    # pattern .search(stamp)
    "header author": (FULLMATCH,),
    "header published": (FULLMATCH,),
    "header updated": (FULLMATCH,),
    "header dateline": (MATCH,),
    "header date": (SEARCH,),
}


@dataclass(frozen=True)
class Found:
    name: str
    pattern: re.Pattern[str]
    methods: tuple[str, ...]


def timeline_modules() -> Iterator[Any]:
    for info in pkgutil.walk_packages(timeline.__path__, "timeline."):
        yield importlib.import_module(info.name)


def all_patterns() -> list[Found]:
    found: dict[str, Found] = {}
    calls = _method_calls()
    defined = _module_level_names()
    for module in timeline_modules():
        for name, value in vars(module).items():
            if name not in defined[module.__name__]:
                continue  # imported: found where it is defined
            for path, pattern in _patterns_in(value, name):
                table = USAGE_OF_TABLES.get(f"{module.__name__}.{name}")
                methods = calls.get((module.__name__, name)) if path == name else table
                key = f"{module.__name__}.{path}"
                found[key] = Found(key, pattern, tuple(sorted(methods or {SCAN})))
    for item in _data_patterns():
        found[item.name] = item
    for item in _literal_patterns():
        found.setdefault(item.name, item)
    return list(found.values())


def _patterns_in(value: Any, path: str, depth: int = 0) -> Iterator[tuple[str, re.Pattern[str]]]:
    if depth > 4:
        return
    if isinstance(value, re.Pattern):
        if isinstance(value.pattern, str):
            yield path, value
    elif isinstance(value, (tuple, list)):
        for i, item in enumerate(value):
            yield from _patterns_in(item, f"{path}[{i}]", depth + 1)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _patterns_in(item, f"{path}[{key!r}]", depth + 1)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from _patterns_in(getattr(value, field.name), f"{path}.{field.name}",
                                    depth + 1)


def _data_patterns() -> Iterator[Found]:
    from timeline.dates.language import load
    from timeline.events.lexicon import lexicon
    from timeline.events.status import _future_cues

    lang = load("en")
    for rule in lang.rules:
        yield Found(f"dates/data/en.yaml rule {rule.name!r}", rule.pattern,
                    USAGE_OF_DATA_PATTERNS["rule"])
    yield Found("dates/data/en.yaml start words", lang.starts, USAGE_OF_DATA_PATTERNS["starts"])
    for word, pattern in lang.followers.every().items():
        yield Found(f"dates/data/en.yaml followers of {word!r}", pattern,
                    USAGE_OF_DATA_PATTERNS["follower"])
    # A scanner is the alternation of the rules that may start with one word: linear when
    # its rules are. The widest one stands for them all (there are over a hundred).
    word, rules = max(lang.rules_for.items(), key=lambda item: (len(item[1]), item[0]))
    yield Found(f"dates/data/en.yaml scanner of {word!r} ({len(rules)} rules)",
                lang.scanner_of(rules), USAGE_OF_DATA_PATTERNS["scanner"])
    yield Found("events/data/en.yaml future cues", _future_cues(lexicon()),
                USAGE_OF_DATA_PATTERNS["future cues"])
    yield from _furniture_patterns()


def _furniture_patterns() -> Iterator[Found]:
    from timeline.furniture import furniture
    from timeline.furniture.data import HEADER_KEYS, SHAPES

    for language in _furniture_languages():
        furn = furniture(language)
        name = f"furniture/data/{language}.yaml"
        for shape in SHAPES:
            yield Found(f"{name} {shape} (all kinds)", getattr(furn, shape),
                        USAGE_OF_DATA_PATTERNS[f"furniture {shape}"])
        for i, item in enumerate(furn.patterns):
            yield Found(f"{name} {item.kind} {item.shape} [{i}]", item.pattern,
                        USAGE_OF_DATA_PATTERNS[f"furniture {item.shape}"])
        for key in HEADER_KEYS:
            for i, pattern in enumerate(furn.headers[key]):
                yield Found(f"{name} header {key} [{i}]", pattern,
                            USAGE_OF_DATA_PATTERNS[f"header {key}"])


def _furniture_languages() -> list[str]:
    folder = Path(timeline.__file__).parent / "furniture" / "data"
    return sorted(p.stem for p in folder.glob("*.yaml"))


@functools.cache
def _sources() -> tuple[tuple[str, ast.Module], ...]:
    return tuple((module.__name__, ast.parse(Path(module.__file__ or "").read_text("utf-8")))
                 for module in timeline_modules())


def _module_level_names() -> dict[str, set[str]]:
    names: dict[str, set[str]] = {}
    for module, tree in _sources():
        targets = [t for node in tree.body if isinstance(node, (ast.Assign, ast.AnnAssign))
                   for t in (node.targets if isinstance(node, ast.Assign) else [node.target])]
        names[module] = {t.id for t in targets if isinstance(t, ast.Name)}
    return names


def _method_calls() -> dict[tuple[str, str], set[str]]:
    """(defining module, NAME) -> the methods called on NAME where it is defined and where
    it is imported by name."""
    calls: dict[tuple[str, str], set[str]] = {}
    for module, tree in _sources():
        imported = {alias.asname or alias.name: node.module
                    for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
                    for alias in node.names if node.module}
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            target, method = node.func.value, node.func.attr
            if isinstance(target, ast.Name) and method in _METHOD:
                owner = imported.get(target.id, module)
                calls.setdefault((owner, target.id), set()).add(_METHOD[method])
    return calls


def _literal_patterns() -> Iterator[Found]:
    """`re.search(r"...", text)` and the like with a literal pattern, flags included."""
    for module, tree in _sources():
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and isinstance(node.func.value, ast.Name) and node.func.value.id == "re"
                    and node.func.attr in _METHOD and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                continue
            flags = _flags(node)
            pattern = re.compile(node.args[0].value, flags)
            name = f"{module}:{node.lineno} re.{node.func.attr}({node.args[0].value!r})"
            yield Found(name, pattern, (_METHOD[node.func.attr],))


def _flags(call: ast.Call) -> int:
    position = {"sub": 4, "subn": 4, "split": 3}.get(getattr(call.func, "attr", ""), 2)
    nodes = [k.value for k in call.keywords if k.arg == "flags"] + call.args[position:]
    flags = 0
    for node in nodes:
        for name in re.findall(r"re\.([A-Z]+)", ast.unparse(node)):
            flags |= getattr(re, name)
    return flags


# --- adversarial strings ------------------------------------------------------------------

GENERIC = ["a", "A", " ", "1", ":", "\n", " \n", "a ", "A.", '"', "“", "(", "-", ". ", ", ", "'",
           "1:", "1 ", "1,", "1.", "a-", "\t", "a1", "<a ", "/ ", "``"]
PREFIXED = [("<", "a"), ("<a ", 'a="'), ("“", "a "), ('"', "a\n"), ("(", "1 "), ("<!--", "-"),
            ("``", "a'"), ("Title/ ", "a/ ")]
# After a run, a character that ends it wrongly: a failing match then backtracks over it.
ENDINGS = ("", "\x00", "!")


def adversarial(pattern: re.Pattern[str], n: int) -> list[str]:
    """Strings of about n characters: repetitions of generic troublemakers and of the
    pattern's own literal pieces (alone, with a space, in pairs, after a prefix), each
    also ending in a character that makes a match fail at the very end."""
    pieces = pieces_of(pattern)
    pairs = list(zip(pieces, pieces[1:], strict=False))
    units = [*GENERIC, *pieces, *(p + " " for p in pieces), *(a + b for a, b in pairs)]
    runs = [("", u) for u in dict.fromkeys(units) if u]
    runs += [(a, b) for a, b in [*PREFIXED, *pairs] if b]
    return [_run(prefix, unit, n - len(end)) + end for prefix, unit in runs for end in ENDINGS]


def _run(prefix: str, unit: str, n: int) -> str:
    return prefix + _repeat(unit, n - len(prefix))


def _repeat(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n]


MAX_PIECES = 12


def pieces_of(pattern: re.Pattern[str]) -> list[str]:
    """Literal runs of the pattern ("local", "<!--") and a character each of its classes
    takes, in order of appearance."""
    out: list[str] = []
    _walk(list(_parser.parse(pattern.pattern, pattern.flags)), out)
    return list(dict.fromkeys(p for p in out if p))[:MAX_PIECES]


def _walk(items: list[Any], out: list[str]) -> None:
    run = ""
    for op, av in items:
        if op is _OP.LITERAL:
            run += chr(av)
            continue
        out.append(run)
        run = ""
        if op is _OP.SUBPATTERN:
            _walk(list(av[-1]), out)
        elif op is _OP.BRANCH:
            for alt in av[1][:4]:  # a few alternatives: word tables hold hundreds
                _walk(list(alt), out)
        elif op in (_OP.MAX_REPEAT, _OP.MIN_REPEAT, getattr(_OP, "POSSESSIVE_REPEAT", None)):
            _walk(list(av[2]), out)
        elif op in (_OP.ASSERT, _OP.ASSERT_NOT):
            _walk(list(av[1]), out)
        elif op is getattr(_OP, "ATOMIC_GROUP", None):
            _walk(list(av), out)
        else:
            out.append(_a_char_of(op, av))
    out.append(run)


def _a_char_of(op: Any, av: Any) -> str:
    if op is _OP.IN:
        for sub_op, sub_av in av:
            if sub_op is _OP.NEGATE:
                return "a" if not re.fullmatch(_parser_class(av), "a") else "!"
            char = _a_char_of(sub_op, sub_av)
            if char:
                return char
        return ""
    if op is _OP.RANGE:
        return chr(av[0])
    if op is _OP.NOT_LITERAL:
        return "a" if chr(av) != "a" else "b"
    if op is _OP.CATEGORY:
        return {_OP.CATEGORY_DIGIT: "1", _OP.CATEGORY_SPACE: " ", _OP.CATEGORY_WORD: "a",
                _OP.CATEGORY_NOT_WORD: "-", _OP.CATEGORY_NOT_DIGIT: "a",
                _OP.CATEGORY_NOT_SPACE: "a"}.get(av, "")
    if op is _OP.ANY:
        return "a"
    return ""


def _parser_class(av: Any) -> str:
    """A negated class: try a letter against it by rebuilding a class of its items."""
    chars = []
    for op, arg in av:
        if op is _OP.LITERAL:
            chars.append(re.escape(chr(arg)))
        elif op is _OP.RANGE:
            chars.append(f"{re.escape(chr(arg[0]))}-{re.escape(chr(arg[1]))}")
        elif op is _OP.CATEGORY:
            chars.append({_OP.CATEGORY_DIGIT: r"\d", _OP.CATEGORY_SPACE: r"\s",
                          _OP.CATEGORY_WORD: r"\w"}.get(arg, ""))
    return "[^" + "".join(chars) + "]" if chars else "[^\x00]"
