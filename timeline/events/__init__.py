"""Event mentions: a clause with a resolved date becomes a mention of a happening.

For every dated expression we find the word it governs (the trigger: "spoke", "meeting",
"summit"), the kind of happening it names (a class from the lexicon, so "call" and
"conversation" compare equal), the people, organisations and places in its sentence, its
status (reported, scheduled, ongoing) and a concise summary. Vague references ("in recent
months") become context, and announced happenings with no date become upcoming mentions.
Everything is rules over tokens and the word tables in `data/<language>.yaml`.

The modules, in the order a sentence goes through them:

- `lexicon`: the word tables (`data/en.yaml`) and lemmas;
- `tokens`: words as character spans, quoted stretches;
- `actors`: people, organisations and places, and who a role refers to;
- `triggers`: the words that name a happening, and its kinds;
- `reading`: one sentence as read for mentions (tokens, dates, triggers);
- `governing`: which trigger a date attaches to;
- `status`: the tense of a clause (announced, ongoing, past);
- `summary`: the concise summary and the content words merging compares;
- `build`: a `Clause` (what a sentence tells of one happening) from a sentence;
- `relative`: dates relative to a named happening ('a day before the meeting').

Page furniture (bylines, credits, comments...) is found by `timeline.furniture` before
any of this. An article's sentences are read once, by `timeline.analysis`; mentions are its clauses
with their dates (`timeline.anchoring`).
"""

from timeline.events.actors import Entity, find_entities
from timeline.events.relative import RelativeReference, relative_references, relative_timex
from timeline.events.summary import summarize
from timeline.events.tokens import Token, quote_spans, tokenize

__all__ = [
    "Entity",
    "RelativeReference",
    "Token",
    "find_entities",
    "quote_spans",
    "relative_references",
    "relative_timex",
    "summarize",
    "tokenize",
]
