"""Sentences, paragraphs and quotations as spans into the text."""

from __future__ import annotations

from timeline.text import paragraphs, quotations, sentence_at, sentences, span_at


def test_sentences_keep_offsets_and_skip_abbreviations() -> None:
    text = "Mr. Smith met Gen. Jones on Oct. 5. They spoke.\n\nA new paragraph."
    found = [(s.of(text), s.paragraph) for s in sentences(text)]
    assert found == [("Mr. Smith met Gen. Jones on Oct. 5.", 0), ("They spoke.", 0),
                     ("A new paragraph.", 1)]


def test_paragraphs_are_trimmed() -> None:
    text = "  one\n\n\n two  \n"
    assert [p.of(text) for p in paragraphs(text)] == ["one", "two"]


def test_sentence_at_an_offset() -> None:
    text = "One. Two."
    sents = sentences(text)
    assert sentence_at(sents, text.index("Two")).of(text) == "Two."
    assert sentence_at(sents, len(text) + 5) is None


def test_quotations_of_each_style() -> None:
    text = 'He said "today," and “tomorrow” and ``never\'\' again.'
    assert [q.of(text) for q in quotations(text)] == ['"today,"', "“tomorrow”", "``never''"]


def test_an_unbalanced_quote_does_not_swallow_the_next_paragraph() -> None:
    text = 'He said "we\n\nwill see" later.'
    assert quotations(text) == []


def test_span_at() -> None:
    text = 'a "b" c "d"'
    quotes = quotations(text)
    assert span_at(quotes, text.index("b")).of(text) == '"b"'
    assert span_at(quotes, text.index("c")) is None
