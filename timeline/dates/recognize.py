"""Find temporal expressions: the language's rules run over the text, productions read
the named groups into underspecified values (timeline.dates.partial).

Speed matters (whole corpora go through here). A cheap regex on the lower-cased text finds
the words a rule may start with (read off the rules themselves, see language.py); there one
combined regex of the rules that may begin with that word says whether any matches, and
only then are those rules tried one by one. The longest match wins, then the earliest,
then the first rule listed; a production may decline a match.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from timeline import values as v
from timeline.dates.language import DIGIT, Language, Rule, normalise
from timeline.dates.partial import Anaphor, Calendar, Fixed, Partial, Shift, Weekday


@dataclass(frozen=True)
class Found:
    """A recognized expression before anchoring."""

    start: int
    end: int
    rule: str
    type: str
    partial: Partial
    mod: str | None = None


@dataclass
class Match:
    """What a production sees: the named groups (original text) and where they sit.

    A production may set `keep_lead` False to leave an optional leading group named
    `lead` out of the extent ("the" before "third-quarter" is not part of the timex)."""

    groups: dict[str, str]
    text: str  # the whole input, for looking at the words around
    start: int
    end: int
    keep_lead: bool = True

    def has(self, name: str) -> bool:
        return name in self.groups

    def word(self, name: str) -> str:
        return normalise(self.groups.get(name, ""))

    def before(self, chars: int = 30) -> str:
        return self.text[max(0, self.start - chars) : self.start]

    def after(self, chars: int = 30) -> str:
        return self.text[self.end : self.end + chars]


Production = Callable[[Match, Language], "tuple[str, Partial, str | None] | None"]


def recognize(text: str, lang: Language) -> list[Found]:
    """All expressions in `text`, non-overlapping, in text order."""
    found: list[Found] = []
    pos = 0
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters change length when lower-cased
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    rules_for, followers = lang.rules_for, lang.followers
    for candidate in lang.starts.finditer(lowered):
        start = candidate.start()
        if start < pos:
            continue
        word = candidate.group()
        rules = rules_for.get(word if word[-1].isalpha() else DIGIT) or rules_for.get("", ())
        if not rules:
            continue
        follow = followers.get(word)
        end = candidate.end()
        if follow is not None and not lowered[end : end + 1].isalnum() and not follow.match(
                lowered, end):
            continue  # "the company": no rule of "the" goes on with "company"
        hit = lang.scanner_of(rules).match(text, start)
        if hit is None:
            continue
        first = int(hit.lastgroup[1:])
        best = _best_at(text, start, [i for i in rules if i >= first], lang)
        if best is not None:
            found.append(best)
            pos = best.end
    return found


def _best_at(text: str, start: int, rule_indexes: list[int], lang: Language) -> Found | None:
    """The longest match a production accepts at `start` (the first rule on a tie)."""
    best: Found | None = None
    for index in rule_indexes:
        rule = lang.rules[index]
        m = rule.pattern.match(text, start)
        if m is None or (best is not None and m.end() - m.start() <= best.end - best.start):
            continue
        made = _produce(rule, m, text, lang)
        if made is not None:
            best = made
    return best


def _produce(rule: Rule, m: re.Match[str], text: str, lang: Language) -> Found | None:
    groups = {k: val for k, val in m.groupdict().items() if val is not None}
    match = Match(groups, text, m.start(), m.end())
    try:
        made = PRODUCTIONS[rule.make](match, lang)
    except (ValueError, OverflowError):  # numbers beyond any calendar ("the 99th century")
        return None
    if made is None:
        return None
    type_, partial, mod = made
    start = m.end("lead") if not match.keep_lead and "lead" in groups else m.start()
    if _quoted_title(text, start, match.end):
        return None
    return Found(start, match.end, rule.name, rule.type or type_, partial, mod)


def _quoted_title(text: str, start: int, end: int) -> bool:
    """A capitalised phrase right after an opening quotation mark is a title: ABC's
    "This Week" is a programme, not a week."""
    words = text[start:end].split()
    if len(words) < 2 or not all(w[0].isupper() for w in words):
        return False
    return text[max(0, start - 1) : start] in ('"', "`", "“")


# --- helpers that read a group through the language tables ---------------------------------


def number(word: str, lang: Language) -> float | None:
    """A number written in digits or words ("48", "twenty-four", "a"); None if vague."""
    word = normalise(word)
    if not word:
        return None
    if word[0].isdigit():
        whole, _, fraction = word.partition(" ")
        try:
            value = float(whole.replace(",", ""))
        except ValueError:
            return None
        if fraction:
            top, _, bottom = fraction.partition("/")
            value += int(top) / int(bottom) if int(bottom) else 0
        # a run of hundreds of digits is no amount of anything (and its float is infinite)
        return value if math.isfinite(value) else None
    value = lang.lookup("numbers", word)
    if value is not None:
        return float(value)
    parts = re.split(r"[- ]", word)
    vals = [lang.lookup("numbers", p) for p in parts]
    return float(sum(vals)) if parts and all(x is not None for x in vals) else None


def day_of_month(word: str, lang: Language) -> int | None:
    word = normalise(word)
    digits = re.match(r"\d+", word)
    value = int(digits.group()) if digits else lang.lookup("ordinals", word)
    return value if value and 1 <= value <= 31 else None


def year_of(word: str, lang: Language) -> int | None:
    """A year in digits ("1989", "'89" as 89) or spoken ("nineteen ninety-four")."""
    word = normalise(word)
    if word.isdigit():
        y = int(word)
        if len(word) == 2:
            return 1900 + y if y >= 30 else 2000 + y
        return y
    for century, base in (lang.table("spoken_centuries") or {}).items():
        if word.startswith(century):
            rest = word[len(century) :].strip().removeprefix("and").strip()
            if not rest:
                return int(base)
            n = 0.0 if rest == "hundred" else number(rest, lang)
            return int(base + n) if n is not None and n < 100 else None
    return None


def _capitalised(word: str) -> bool:
    return bool(word) and word[0].isupper()


def _abbreviated(word: str, lang: Language, table: str) -> bool:
    """An abbreviation ("Sat", "Mar") rather than the full name."""
    full = max((k for k, val in lang.table(table).items() if val == lang.lookup(table, word)),
               key=len, default="")
    return len(normalise(word)) < len(full)


def _mod(m: Match, lang: Language) -> str | None:
    if m.has("approx"):
        return "APPROX"
    if m.has("pmod"):
        return lang.lookup("point_mods", m.word("pmod").rstrip("-"))
    if m.has("dmod"):
        return lang.lookup("duration_mods", m.word("dmod"))
    if m.has("suffix"):
        return lang.lookup("suffix_mods", m.word("suffix"))
    if m.has("hyphenmod"):  # "end-2025", "start-2026"
        return {"end": "END", "start": "START", "mid": "MID"}[m.word("hyphenmod")]
    return None


# --- productions -----------------------------------------------------------------------


def make_calendar(m: Match, lang: Language) -> tuple[str, Partial, str | None] | None:
    month = _month(m, lang)
    if month is False:
        return None
    day = day_of_month(m.groups["day"], lang) if m.has("day") else None
    if m.has("day") and day is None:
        return None
    year = year_of(m.groups["year"], lang) if m.has("year") else None
    if m.has("year") and year is None:
        return None
    if year is not None and month is None and not _is_year(m, lang):
        return None
    if year is not None and _spoken_alone(m, lang):
        return None
    steps = lang.lookup("relations", m.word("rel")) if m.has("rel") and day is None else None
    if m.has("dayrel") and day is not None and not m.has("weekday"):
        steps = lang.lookup("relations", m.word("dayrel"))  # "last Oct. 23"
    if m.has("rel") and day is None and steps is None:
        return None
    year_steps = lang.lookup("relations", m.word("relyear")) if m.has("relyear") else None
    weekday = lang.lookup("weekdays", m.groups["weekday"]) if m.has("weekday") else None
    if weekday is not None and not _capitalised(m.groups["weekday"]):
        return None
    cal = Calendar(year=year, month=month or None, day=day, weekday=weekday, steps=steps,
                   year_steps=year_steps, whole_week=m.has("weekof"))
    return "DATE", cal, "APPROX" if m.has("approx") else _mod(m, lang)


def make_ordinal_day(m: Match, lang: Language) -> tuple[str, Partial, str | None] | None:
    """"on the 25th", "Saturday the 15th": a day of a month the anchor decides; only where
    nothing makes the ordinal count something else ("the 25th anniversary")."""
    day = day_of_month(m.groups["day"], lang)
    weekday = lang.lookup("weekdays", m.groups["weekday"]) if m.has("weekday") else None
    if day is None or (weekday is not None and not _capitalised(m.groups["weekday"])):
        return None
    if _noun_follows(m, lang):
        return None
    words = re.findall(r"[a-z]+", m.before(24).lower())
    if weekday is None and not (words and words[-1] in lang.tables.get(
            "ordinal_day_prepositions", [])):
        return None
    return "DATE", Calendar(day=day, weekday=weekday), None


def _noun_follows(m: Match, lang: Language) -> bool:
    """A word other than those that may follow a date comes next: the date word modifies
    a noun ("the 25th anniversary", "overnight trading")."""
    follower = re.match(r"\s*([A-Za-z]+)", m.after(16))
    return bool(follower) and follower.group(1).lower() not in lang.tables.get(
        "date_followers", [])


def _spoken_alone(m: Match, lang: Language) -> bool:
    """A spoken year that is also a plain number ("two thousand") reads as a year only as
    "the year two thousand" or after a preposition of time."""
    spoken = normalise(m.groups.get("year", ""))
    phrases = [c for c in lang.table("spoken_centuries") if " " in c]
    if m.has("theyear") or m.has("month") or not spoken.startswith(tuple(phrases)):
        return False
    words = re.findall(r"[a-z]+", m.before(12).lower())
    return not words or words[-1] not in lang.tables.get("month_prepositions", [])


def _month(m: Match, lang: Language) -> int | None | bool:
    """The month the match names, None when it names none, False when the word is not
    a month here ("may" the verb, "march" the walk)."""
    if m.has("monthnum"):
        return int(m.groups["monthnum"])
    if not m.has("month"):
        return None
    word = m.groups["month"]
    month = lang.lookup("months", word)
    if not _capitalised(word):
        return False
    alone = not (m.has("day") or m.has("year"))
    if _abbreviated(word, lang, "months") and alone and not word.endswith("."):
        return False
    if alone and not (m.has("pmod") or m.has("rel")) and _first_name(m, lang):
        return False  # "April Ryan asked", "reporter June Carter"
    if alone and not (m.has("pmod") or m.has("rel")) and normalise(word) in _ambiguous(lang):
        return month if _month_context(m, lang) else False
    return month


def _first_name(m: Match, lang: Language) -> bool:
    """A month name followed by a capitalised word that is no date word, with no date
    preposition before it, is a first name."""
    follower = re.match(r" ([A-Z][a-z]+)\b", m.after(20))
    if not follower or lang.lookup("weekdays", follower.group(1)) is not None:
        return False
    return not _month_context(m, lang)


def _ambiguous(lang: Language) -> frozenset[str]:
    return frozenset(normalise(w) for w in lang.tables.get("ambiguous_months", []))


def _month_context(m: Match, lang: Language) -> bool:
    """A word that is also a common word reads as a month after a date preposition."""
    words = re.findall(r"[A-Za-z]+", m.before(20))
    preps = lang.tables.get("month_prepositions", [])
    return bool(words) and words[-1].lower() in preps


_YEAR_BEFORE = re.compile(r"(?<![\d,.$])(?:1[5-9]|20)\d\d,$")


def _is_year(m: Match, lang: Language) -> bool:
    """A four-digit number read as a year, unless money, a count or a measure."""
    before = m.before(12).rstrip()
    after = m.after(16).lstrip().lower()
    if before.endswith(("$", "#", "No.", "no.", "£", "€")) or (
            re.search(r"\d[,.]?$", before) and not _YEAR_BEFORE.search(before)):
        return False  # "$1.5 2000", "1,500 2000"; but a list of years: "in 1994, 1995"
    if m.has("fiscal") or m.has("pmod") or m.has("hyphenmod") or m.text[
            m.start : m.end].lower().startswith("the year"):
        return True
    label = re.search(r"(?<![A-Za-z])([A-Za-z]+)\.?$", before)  # a word's start only
    if label and label.group(1).lower() in lang.tables.get("not_year_after", []):
        return False  # "Section 1983", "Flight 1549"
    first = re.match(r"[a-z%]+", after)
    if first and first.group() in lang.tables.get("not_year_before", []):
        return False
    address = re.match(r"(?:[A-Z][\w.]* ){1,2}([A-Za-z]+)", m.after(40).lstrip())
    return not (address and address.group(1).lower() in lang.tables.get("street_words", []))


def make_decade(m: Match, lang: Language) -> tuple[str, Partial, str | None] | None:
    if m.has("decade"):
        start = int(m.groups["decade"])
    elif m.has("decade3") and not m.text[m.start : m.end].lower().startswith("the"):
        return None  # "in their 90s" is an age, "the 90s" a decade
    elif m.has("decade2") or m.has("decade3"):  # "the '90s", "the 90s"
        two = int(m.groups.get("decade2") or m.groups["decade3"])
        start = (1900 if two >= 30 else 2000) + two
    else:
        start = lang.lookup("decade_words", m.word("decadeword"))
        if start is None:
            return None
    return "DATE", Fixed(v.decade(start)), _mod(m, lang)


def make_century(m: Match, lang: Language) -> tuple[str, Partial, str | None] | None:
    nth = int(m.groups["ordnum"]) if m.has("ordnum") else lang.lookup("ordinals", m.word("ord"))
    if not nth or not 2 <= nth <= 21:  # the calendar here starts in year 1
        return None
    # "the 20th century" keeps its article; in "the 19th-century bridge" it is the noun's
    m.keep_lead = m.groups["hyphen"] != "-" or not re.match(r" [a-z]", m.after(2))
    return "DATE", Fixed(v.century((nth - 1) * 100)), _mod(m, lang)


def make_weekday(m: Match, lang: Language) -> tuple[str, Partial, str | None] | None:
    word = m.groups["weekday"]
    if not _capitalised(word) or _is_name(m, lang) or _in_holiday(m, lang):
        return None
    if _abbreviated(word, lang, "weekdays") and not word.endswith("."):
        return None
    rel = m.word("rel")
    steps = lang.lookup("relations", rel) if rel else None
    if rel and steps is None:
        return None
    if not (rel or m.has("anarel") or m.has("pmod")) and _names_a_kind(m, lang):
        return None
    if m.has("anarel"):
        steps = lang.lookup("anaphoric_relations", m.word("anarel"))
    part = lang.lookup("parts_of_day", m.word("part")) if m.has("part") else None
    wd = Weekday(lang.lookup("weekdays", word), steps if steps != 0 else None, part,
                 from_reference=m.has("anarel"), either_week=_either_week(rel, lang))
    return ("TIME" if part else "DATE"), wd, _mod(m, lang)


# "Tuesday-Thursday", "Monday-to-Friday": another weekday joined to this one by a hyphen
_WEEKDAY_PAIR = re.compile(r"[-–](?:to-)?([A-Za-z]+)")
_PAIR_OPENING = re.compile(r"(?<![A-Za-z])[A-Za-z]+[-–](?:to-)?$")
_NEXT_WORDS = re.compile(r" ([a-z]+)(?: ([a-z]+))?")


def _names_a_kind(m: Match, lang: Language) -> bool:
    """A weekday before a noun of what happens on it every week names the kind, not a day:
    "plans to end Sunday trading", "the museum's Saturday opening hours", "a Tuesday-Thursday
    schedule" (both weekdays). After a preposition of time it is one occurrence ("in Friday
    trading", "at Sunday service"); a possessive ("Saturday's opening") is one too."""
    after = m.after(40)
    pair = _WEEKDAY_PAIR.match(after)
    if pair and lang.lookup("weekdays", pair.group(1)) is not None:
        after = after[pair.end() :]
    words = _NEXT_WORDS.match(after)
    nouns = lang.tables.get("weekday_habitual_nouns", ())
    if not words or not (words.group(1) in nouns or f"{words.group(1)} {words.group(2)}" in nouns):
        return False
    before = _PAIR_OPENING.sub("", m.before(30))  # the second of a pair: "Tuesday-Thursday"
    previous = re.findall(r"[a-z]+", before.lower())
    return not (previous and previous[-1] in lang.tables.get("weekday_occurrence_before", ()))


def _in_holiday(m: Match, lang: Language) -> bool:
    """The weekday of "Good Friday", "Easter Sunday": the holiday rule reads the two words
    (and leaves both out in a name such as "the Good Friday Agreement")."""
    before = re.search(r"(?<![A-Za-z'])([A-Za-z']+)\s+$", m.before(20))
    return bool(before) and lang.lookup("holidays", f"{before.group(1)} {m.word('weekday')}"
                                        ) is not None


def _is_name(m: Match, lang: Language) -> bool:
    """"Sunday Times", "Ruby Tuesday": the weekday is part of a name (data lists the
    words that follow the weekday in names, and names that end with one)."""
    after = normalise(m.after(20))
    if any(after.startswith(f + " ") or after == f
           for f in lang.tables.get("weekday_name_followers", [])):
        return True
    if re.match(r"\.[a-z]{2,}\b", m.after(8)):
        return True  # a web address: "Monday.com"
    before = normalise(m.before(20) + m.text[m.start : m.end])
    return any(before.endswith(" " + n) or before == n
               for n in lang.tables.get("weekday_names", []))


def make_deictic(m: Match, lang: Language) -> tuple[str, Partial, str | None] | None:
    part = lang.lookup("parts_of_day", m.word("part")) if m.has("part") else None
    if m.has("deictic"):
        if m.word("deictic") == "overnight" and _noun_follows(m, lang):
            return None  # "overnight trading"
        if _titled(m, m.groups["deictic"]) or _of_an_era(m, lang):
            return None
        steps, own_part = lang.lookup("deictic_days", m.word("deictic"))
        part = part or own_part
    elif m.has("lastpart"):
        steps = -1
    elif m.has("beforeafter"):
        steps = -2 if m.word("beforeafter").startswith("before") else 2
    else:
        steps = 0
    mod = _mod(m, lang) or _EARLIER_LATER.get(m.word("earlier"))
    if m.has("this"):
        mod = lang.lookup("point_mods", m.word("this").split()[0])
    return ("TIME" if part else "DATE"), Shift("day", steps, part=part), mod


def _titled(m: Match, word: str) -> bool:
    """A day word capitalised inside a sentence is part of a title: "USA Today", "NBC's
    Today show", "This is VOA Today"."""
    return word[:1].isupper() and m.text.startswith(word, m.start) and bool(
        re.search(r"[A-Za-z\d]\s+$", m.before(20)))


_ERA_AFTER = re.compile(r"['’]s\s+([a-z]+)(?:\s+([a-z]+))?")


def _of_an_era(m: Match, lang: Language) -> bool:
    """"today's youth", "in today's world", "the people of tomorrow": the present or the
    future as an era, not a day."""
    nouns = lang.tables.get("era_nouns", ())
    after = _ERA_AFTER.match(m.text, m.end)
    if after and (after.group(1) in nouns or after.group(2) in nouns):
        return True
    words = re.findall(r"[a-z]+", m.before(20).lower())
    return len(words) >= 2 and words[-1] == "of" and m.word("deictic") in lang.tables.get(
        "era_after_of", ()) and not m.after(2).startswith(("'", "’"))


# "earlier today", "Later yesterday" (TimeBank: START, END)
_EARLIER_LATER = {"earlier": "START", "later": "END"}


def make_relative(m: Match, lang: Language) -> tuple[str, Partial, str | None] | None:
    rel = m.word("rel")
    steps = lang.lookup("relations", rel)
    if steps is None:
        return None
    unit = lang.lookup("calendar_units", m.word("cunit"))
    whole = normalise(m.text[m.start : m.end])
    if whole.startswith("the next") or (whole.startswith("the last") and unit == "day"):
        return None  # "the next day/week" points at a mentioned date, not at the anchor
    if whole.startswith("the") and steps == -1 and unit in ("decade", "century"):
        return "DURATION", Fixed(_duration(1, unit, lang)), None  # "the past decade"
    mod = _mod(m, lang) or _EARLIER_LATER.get(m.word("earlier"))
    return "DATE", Shift(unit, steps, either_week=unit == "weekend" and _either_week(rel, lang)
                         ), mod


def _either_week(rel: str, lang: Language) -> bool:
    """"next" before a weekday or "weekend" may name the nearest one or the one after."""
    return rel in lang.tables.get("either_week_relations", ())


def make_current(m: Match, lang: Language) -> tuple[str, Partial, str | None] | None:
    """"the year", "the end of the month", "year-end": the unit that holds the anchor."""
    if m.has("yearend"):
        return "DATE", Calendar(month=12, day=31), None
    if "ended" in m.groups:
        return "DURATION", Fixed(v.Duration(1, "year")), None  # "the year ended June 30"
    unit = lang.lookup("calendar_units", m.word("cunit"))
    return ("DATE", Shift(unit, 0), _mod(m, lang)) if unit else None


def make_beyond(m: Match, lang: Language) -> tuple[str, Partial, str | None] | None:
    """"the week before last", "the weekend before last", "Friday after next": two steps."""
    steps = -2 if m.word("beyond").startswith("before") else 2
    if m.has("weekday"):
        if not _capitalised(m.groups["weekday"]):
            return None
        return "DATE", Weekday(lang.lookup("weekdays", m.groups["weekday"]), steps), None
    unit = lang.lookup("calendar_units", m.word("cunit"))
    if unit == "day":
        return None  # "the day before last Tuesday": a day next to a date (resolve.py)
    if unit == "weekend":
        return "DATE", Weekday(6, steps, weekend=True), None
    return "DATE", Shift(unit, steps), None


def make_weekend(m: Match, lang: Language) -> tuple[str, Partial, str | None] | None:
    return "DATE", Weekday(6, weekend=True), None


def make_holiday(m: Match, lang: Language) -> tuple[str, Partial, str | None] | None:
    spec = lang.lookup("holidays", m.word("holiday"))
    if not spec or not _capitalised(m.groups["holiday"]):
        return None
    steps = lang.lookup("relations", m.word("rel")) if m.has("rel") else None
    if _names_a_thing(m):
        return None  # "the Good Friday Agreement", "Christmas Island"
    cal = Calendar(month=spec["month"], day=spec.get("day"), weekday=spec.get("weekday"),
                   nth=spec.get("nth"), after_day=spec.get("after_day", 0),
                   days_after=spec.get("days_after", 0), easter=spec.get("easter"),
                   steps=steps, whole_week=m.has("weekof"))
    return "DATE", cal, None


def _names_a_thing(m: Match) -> bool:
    """A capitalised word right after a holiday makes the two a name, unless it is a
    date word ("Christmas Day", "Easter Monday" are holidays of their own)."""
    follower = re.match(r" ([A-Z][a-z]+)", m.after(20))
    return bool(follower) and not _DATE_WORD.fullmatch(follower.group(1))


_DATE_WORD = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Eve|Day|Morning|Night"
                        r"|Afternoon|Evening|Weekend|Week|Season|Holiday|Holidays")


def make_season(m: Match, lang: Language) -> tuple[str, Partial, str | None] | None:
    code = lang.lookup("seasons", m.word("season"))
    steps = lang.lookup("relations", m.word("rel")) if m.has("rel") else None
    year = year_of(m.groups["year"], lang) if m.has("year") else None
    if steps is None and year is None and not _season_context(m, lang):
        return None
    return "DATE", Calendar(year=year, season=code, steps=steps), _mod(m, lang)


def _season_context(m: Match, lang: Language) -> bool:
    """"in the fall" is a season, "a fall in prices" is not."""
    words = re.findall(r"[A-Za-z]+", m.before(20).lower())
    if m.has("pmod"):
        return True
    if words and words[-1] == "the":
        words = words[:-1]
    return bool(words) and words[-1] in lang.tables.get("season_prepositions", [])


def make_ago(m: Match, lang: Language) -> tuple[str, Partial, str | None] | None:
    unit = lang.lookup("units", m.word("unit"))
    if not m.has("num") and not m.word("unit").endswith("s"):
        return None  # "year ago" needs its number; "years ago" is some time back
    amount = number(m.groups.get("num", ""), lang)
    if amount is None:
        return "DATE", Fixed(v.Reference("PAST")), None
    # counted back in years: "a decade ago" is ten years back, the year 1989 in 1999 (not
    # the 1980s, nor the 1990s when said in 2005)
    unit, amount = _in_calendar_units(unit, amount, lang, every_multiple=True)
    if not amount.is_integer():
        return None
    grain = "day" if unit == "day" else unit
    shift = Shift(unit, -int(amount), grain=grain, follows_period=unit == "year" and amount == 1)
    return "DATE", shift, _mod(m, lang)


def make_anaphor(m: Match, lang: Language) -> tuple[str, Partial, str | None] | None:
    period = m.word("period") or m.word("cunit")
    quarterly = "quarter" if period in ("quarter", "period") else None
    generic = bool(period) and period != "quarter"  # "period", "nine months"
    if m.has("dayba"):  # "the day before", closing its clause: not "the day before the vote"
        if re.match(r"\s*(?:\w|,\s*on\b)", m.after(8)):
            return None  # a word follows, or the day itself: "The day before, on Monday"
        steps = -1 if m.word("beforeafter") == "before" else 1
        part = lang.lookup("parts_of_day", "night") if m.word("dayba") == "night" else None
        return ("TIME" if part else "DATE"), Anaphor("day", steps, part=part), None
    if m.has("subday"):  # "hours later", "a few minutes earlier": uncounted, so that day
        unit = lang.lookup("units", m.word("subday"))
        return "DATE", Anaphor("day", 0, undated=_duration(None, unit, lang) if unit else None
                               ), None
    if m.has("yearago"):
        m.keep_lead = m.has("period")
        return "DATE", Anaphor("year", -1, keep_grain=True, grain=quarterly,
                               period=generic), None
    if m.has("num"):
        amount = number(m.groups["num"], lang)
        if amount is not None and (m.has("half1") or m.has("half2")):
            amount += 0.5  # "an hour and a half later"
        unit = lang.lookup("units", m.word("unit"))
        undated = _duration(amount, unit, lang) if unit in _FINER_UNIT or unit == "second" else None
        while amount is not None and not amount.is_integer() and unit in _FINER_UNIT:
            unit, amount = _FINER_UNIT[unit], amount * 60  # "5 1/2 hours": 330 minutes
        if amount is None or not amount.is_integer():
            return None
        sign = 1 if m.word("later") == "later" else -1
        unit, amount = _in_calendar_units(unit, amount, lang)
        return "DATE", Anaphor(unit, sign * int(amount), keep_grain=unit == "year",
                               undated=undated), _mod(m, lang)
    if m.has("relyear"):
        steps = lang.lookup("relations", m.word("relyear"))
        return "DATE", Anaphor("year", steps or 0, keep_grain=True, grain="quarter",
                               period=generic), None
    if m.has("year"):
        year = year_of(m.groups["year"], lang)
        return "DATE", Anaphor("quarter", 0, grain="quarter", year=year, period=generic), None
    if quarterly:
        if period == "period" and not m.has("latest"):
            return None
        return "DATE", Anaphor("quarter", 0, grain="quarter", period=generic), None
    if m.has("part"):
        steps = {"the next": 1, "the following": 1, "the previous": -1}.get(m.word("that"), 0)
        return "TIME", Anaphor("day", steps, part=lang.lookup("parts_of_day", m.word("part"))), None
    unit = lang.lookup("calendar_units", m.word("cunit"))
    if unit is None:
        return None
    that = m.word("that")
    steps = {"the following": 1, "the next": 1, "the previous": -1, "the prior": -1,
             "the preceding": -1}.get(that, 0)
    return "DATE", Anaphor(unit, steps), None


# A part of a clock unit is counted in the next finer one (60 of them each).
_FINER_UNIT = {"hour": "minute", "minute": "second"}


def make_quarter(m: Match, lang: Language) -> tuple[str, Partial, str | None] | None:
    if m.has("qletter"):
        return _quarter_code(m, lang)
    if m.has("month2"):
        return _quarter_of_months(m, lang)
    kind = m.word("qh")
    if kind == "period":
        return None
    ordinal = m.word("ord")
    nth = 4 if ordinal in ("final", "last") else lang.lookup("ordinals", ordinal)
    if kind == "half" and ordinal in ("final", "last"):
        nth = 2
    limit = 4 if kind == "quarter" else 2
    if not nth or nth > limit:
        return None
    m.keep_lead = m.groups.get("hyphen") != "-" or m.has("rel") or m.has("year")
    y = m.groups.get("year") or m.groups.get("year2")
    year = year_of(y, lang) if y else None
    relyear = m.word("relyear") or m.word("relyear2")
    steps = lang.lookup("relations", relyear) if relyear and year is None else None
    if kind == "quarter":
        return "DATE", Calendar(year=year, quarter=nth, year_steps=steps), None
    return "DATE", Calendar(year=year, half=nth, year_steps=steps), None


def _quarter_of_months(m: Match, lang: Language) -> tuple[str, Partial, str | None] | None:
    """"the July-September quarter": the calendar quarter those three months make."""
    first = lang.lookup("months", m.groups["month"])
    last = lang.lookup("months", m.groups["month2"])
    if not (first and last and _capitalised(m.groups["month"])) or (
            last - first != 2 or first % 3 != 1):
        return None
    m.keep_lead = True
    return "DATE", Calendar(quarter=(first - 1) // 3 + 1), None


def _quarter_code(m: Match, lang: Language) -> tuple[str, Partial, str | None] | None:
    """"Q3 2024", "H1": written in capitals only (a "q3" is no quarter)."""
    if not m.groups["qletter"].isupper():
        return None
    nth = int(m.groups["ordnum"])
    year = year_of(m.groups["year"], lang) if m.has("year") else None
    if m.groups["qletter"] == "H":
        return ("DATE", Calendar(year=year, half=nth), None) if nth <= 2 else None
    return "DATE", Calendar(year=year, quarter=nth), None


def make_duration(m: Match, lang: Language) -> tuple[str, Partial, str | None] | None:
    if m.has("recent"):
        unit = lang.lookup("units", m.word("unit"))
        return "DURATION", Fixed(_duration(None, unit, lang)), None
    if m.has("bare"):
        words = re.findall(r"[a-z]+", m.before(15).lower())
        if not m.has("dmod") and not (words and words[-1] in lang.tables.get(
                "bare_duration_preceders", [])):
            return None
        unit = lang.lookup("units", m.word("bare"))
        return "DURATION", Fixed(_duration(None, unit, lang)), _mod(m, lang)
    unit = lang.lookup("units", m.word("unit"))
    if m.has("long"):
        return "DURATION", Fixed(_duration(_long_amount(m, lang), unit, lang)), None
    if _some_day(m, unit, lang):
        return "DATE", Fixed(v.Reference("FUTURE")), None
    return _counted(m, unit, lang)


def _counted(m: Match, unit: str, lang: Language) -> tuple[str, Partial, str | None] | None:
    """"three years", "the past 48 hours", "two to three weeks", "$2 million a year"."""
    num_word = m.word("num")
    halves = m.has("half1") or m.has("half2")
    if num_word in ("a", "an") and unit in ("second", "minute") and not (m.has("span") or halves):
        return None  # "a second term", "wait a minute"
    if unit == "quarter" and not m.has("span"):
        return None  # "three-quarters", "a quarter of the shares": a fraction
    if re.fullmatch(r"1\d{3}|20\d\d", num_word):
        return None  # "the 1988 quarter": a year, not a count
    if re.fullmatch(r"0\d{3}", num_word) or (unit == "hour" and re.fullmatch(
            r"[01]\d[0-5]\d|2[0-3][0-5]\d", num_word) and _after_clock_word(m, lang)):
        return None  # "at 2200 hours", "0600 hours": a 24-hour clock
    amount = None if m.has("num2") else number(num_word, lang)
    if amount is not None and halves:
        amount += 0.5  # "a year and a half", "two and a half hours"
    m.keep_lead = m.groups.get("hyphen") != "-" or m.has("span")
    mod = _mod(m, lang) or ("APPROX" if m.has("orso") else None)
    if num_word in ("a", "an") and not m.has("span") and _after_a_count(m):
        return "SET", Fixed(v.Recurrence(_duration(1, unit, lang).timex)), None  # "$2 a year"
    return "DURATION", Fixed(_duration(amount, unit, lang)), mod


def _some_day(m: Match, unit: str | None, lang: Language) -> bool:
    """"Islam will one day be ...": after a future cue, "one day" is some future day."""
    if unit != "day" or m.word("num") != "one" or m.has("span") or m.has("dmod"):
        return False
    words = re.findall(r"[a-z']+", m.before(12).lower())
    return bool(words) and words[-1] in lang.future_cues


def _long_amount(m: Match, lang: Language) -> float | None:
    """"a two-week-long strike" lasts two weeks, "a day-long meeting" one day, and
    "a decades-long battle" an unstated number of decades."""
    if m.has("num"):
        return number(m.word("num"), lang)
    return None if m.word("unit").endswith("s") else 1.0


def _after_a_count(m: Match) -> bool:
    """A rate: "a year" after an amount ("$2 million a year") or a plural ("flights a week")."""
    return bool(re.search(r"(?:\d(?:bn|mn|m|k|tn)?|\b(?:million|billion|thousand|hundred)"
                          r"|(?<![a-z])[a-z]{3,}s)\s+$", m.before(25)))


def _in_calendar_units(unit: str, amount: float, lang: Language, every_multiple: bool = False
                       ) -> tuple[str, float]:
    """Shifts count in calendar units: "a fortnight ago" is two weeks ago; with
    `every_multiple`, decades and centuries count in years too."""
    multiple = lang.table("unit_multiples").get(unit)
    if multiple and (every_multiple or unit not in lang.table("calendar_units")):
        return multiple[0], amount * multiple[1]
    return unit, amount


def _duration(amount: float | None, unit: str, lang: Language) -> v.Duration:
    """TimeML counts some units in others: "two decades" is P20Y."""
    multiple = lang.table("unit_multiples").get(unit)
    if multiple:
        unit, factor = multiple
        amount = None if amount is None else amount * factor
    if amount is not None and not math.isfinite(amount):
        raise OverflowError(f"{amount} {unit}")  # the production declines the match
    return v.Duration(amount, unit)


def make_reference(m: Match, lang: Language) -> tuple[str, Partial, str | None] | None:
    kind = lang.lookup("references", m.word("ref"))
    if m.word("ref") == "soon" and re.search(r"\bas\s+$", m.before(6).lower()):
        return None  # "as soon as" is a conjunction
    follower = re.match(r"\s+([a-z]+)", m.after(16).lower())
    if follower and follower.group(1) in lang.table("reference_relations").get(m.word("ref"), ()):
        return None  # "soon after the war": a relation between events, not a time
    return ("DATE", Fixed(v.Reference(kind)), None) if kind else None


def make_recurrence(m: Match, lang: Language) -> tuple[str, Partial, str | None] | None:
    if m.has("setword"):
        if re.match(r" +[A-Z]", m.after(3)):
            return None  # "the Communist Party daily Granma": a newspaper
        return "SET", Fixed(v.Recurrence(lang.lookup("set_words", m.word("setword")))), None
    quant = m.word("quant").upper() or None
    if m.has("weekday"):
        word = m.groups["weekday"]
        if not _capitalised(word) or (not quant and len(word) < 6):
            return None  # "the Suns", "Weds": a plural weekday is written out
        if re.match(r" ago\b", m.after(4)):
            return None  # "two Fridays ago" is a day, not every Friday
        wd = lang.lookup("weekdays", word)
        part = lang.lookup("parts_of_day", m.word("part")) if m.has("part") else None
        value = f"XXXX-WXX-{wd}" + (f"T{part}" if part else "")
        return "SET", Fixed(v.Recurrence(value, quant=quant)), None
    if m.has("month") or m.has("month2"):
        return _yearly_date(m, lang, quant)
    unit = lang.lookup("units", m.word("unit")) or lang.lookup("calendar_units", m.word("unit"))
    if unit not in v.DURATION_UNITS:
        return None
    if m.has("per") and (unit not in _CALENDAR_RATES or not _after_a_count(m)):
        return None  # "$2 billion per year" recurs; "per second" is a speed
    amount = 2.0 if m.has("other") else number(m.groups["num"], lang) if m.has("num") else 1.0
    if amount is None:
        return None
    value = v.Duration(amount, unit).timex
    if m.has("freq"):
        freq = m.word("freq")
        times = {"once": 1, "twice": 2}.get(freq) or number(freq.split()[0], lang)
        if not times:
            return None
        return "SET", Fixed(v.Recurrence(value, freq=f"{int(times)}X")), None
    return "SET", Fixed(v.Recurrence(value, quant=quant)), None


_CALENDAR_RATES = frozenset({"day", "week", "month", "quarter", "year"})


def _yearly_date(m: Match, lang: Language, quant: str | None
                 ) -> tuple[str, Partial, str | None] | None:
    """"every March", "every Nov. 11", "each 11 November"."""
    word = m.groups.get("month") or m.groups["month2"]
    if not _capitalised(word):
        return None
    month = lang.lookup("months", word)
    day_word = m.groups.get("day") or m.groups.get("day2") or m.groups.get("num")
    day = day_of_month(day_word, lang) if day_word else None
    value = f"XXXX-{month:02d}" + (f"-{day:02d}" if day else "")
    return "SET", Fixed(v.Recurrence(value, quant=quant)), None


def make_clock(m: Match, lang: Language) -> tuple[str, Partial, str | None] | None:
    if m.has("noon"):
        if re.search(r"\bhigh\s+$", m.before(6).lower()):
            return None  # "high noon"
        hour, minute = (0 if m.word("noon") == "midnight" else 12), 0
    else:
        hour = _hour(m, lang)
        if hour is None:
            return None
        minute = int(m.groups["minute"]) if m.has("minute") else 0
        ampm = m.word("ampm") or lang.table("day_halves").get(m.word("half") or m.word("half2"), "")
        if ampm.startswith("p") and hour < 12:
            hour += 12
        elif ampm.startswith("a") and hour == 12:
            hour = 0
        if not ampm and not m.has("tz") and re.search(r"[\d.,$]$", m.before(1)):
            return None
    mod = "APPROX" if m.has("approx") else None
    if _ends_sentence(m):
        m.end -= 1  # "at 10 p.m." closing a sentence: the full stop is the sentence's
    if m.has("weekday"):
        if not _capitalised(m.groups["weekday"]):
            return None
        wd = lang.lookup("weekdays", m.groups["weekday"])
        return "TIME", Weekday(wd, hour=hour, minute=minute), mod
    month = _month(m, lang) if m.has("month") else None
    day = day_of_month(m.groups["day"], lang) if m.has("day") else None
    if month is False:
        return None
    return "TIME", Calendar(month=month, day=day, hour=hour, minute=minute), mod


def _hour(m: Match, lang: Language) -> int | None:
    """The clock hour; "4 in the morning" only after "at", "by", ... (not "rose 4 in the
    morning"), and an article is no hour ("a in the morning")."""
    word = m.word("hour")
    hour = int(number(word, lang) or 0)
    if not 1 <= hour <= 23 or (word.isalpha() and len(word) < 3):
        return None
    if (m.has("half") or m.has("half2") or m.has("milhours")) and not _after_clock_word(m, lang):
        return None  # "rose 4 in the morning", "worked 1500 hours"
    return hour


def _after_clock_word(m: Match, lang: Language) -> bool:
    """"at 4 in the morning" is a time; "rose 4 in the morning" a count."""
    words = re.findall(r"[a-z]+", m.before(12).lower())
    return bool(words) and words[-1] in lang.tables.get("clock_prepositions", [])


def _ends_sentence(m: Match) -> bool:
    return m.text[m.end - 1] == "." and bool(re.match(r"\s*(?:$|\n|[A-Z\"“])", m.after(3)))


_FIRST_DAY = re.compile(r"([A-Z][a-z]+)\.? (3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(,? |[-–])$")


def make_second_day(m: Match, lang: Language) -> tuple[str, Partial, str | None] | None:
    """"April 24 and 25", "Oct. 20-22", "March 3 to 5": the second day takes the month
    named just before it."""
    first = _FIRST_DAY.search(m.before(16))
    month = lang.lookup("months", first.group(1)) if first else None
    if month is None or (first is not None and first.group(3) in "-–" and
                         int(m.groups["day"]) <= int(first.group(2))):
        return None  # "Oct. 20-22" ends after it starts
    m.keep_lead = False
    return "DATE", Calendar(month=month, day=int(m.groups["day"])), None


PRODUCTIONS: dict[str, Production] = {
    "second_day": make_second_day,
    "calendar": make_calendar,
    "decade": make_decade,
    "century": make_century,
    "weekday": make_weekday,
    "deictic": make_deictic,
    "relative": make_relative,
    "season": make_season,
    "current": make_current,
    "weekend": make_weekend,
    "beyond": make_beyond,
    "holiday": make_holiday,
    "ago": make_ago,
    "anaphor": make_anaphor,
    "quarter": make_quarter,
    "duration": make_duration,
    "reference": make_reference,
    "recurrence": make_recurrence,
    "clock": make_clock,
    "ordinal_day": make_ordinal_day,
}
