"""Tests for the rule-based sentence splitter (claims.sentences)."""

from __future__ import annotations

import pytest

from claims.sentences import split_sentences


def texts(text: str) -> list[str]:
    """Split ``text`` and check every offset before returning the sentence texts."""
    out = split_sentences(text)
    for i, s in enumerate(out):
        assert s.index == i
        assert text[s.start : s.end] == s.text
        assert s.text == s.text.strip() and s.text
    return [s.text for s in out]


def test_plain_sentences_and_offsets() -> None:
    text = "  The council met on Monday. It approved the budget!  Was it enough?  "
    assert texts(text) == ["The council met on Monday.", "It approved the budget!", "Was it enough?"]
    first = split_sentences(text)[0]
    assert (first.start, first.end) == (2, 28)


@pytest.mark.parametrize(
    "text",
    [
        "The U.S. is talking to Russia and the U.K. agrees.",
        "Dr. Maria Lind and Mr. Olsen met Prof. Haas in the morning.",
        "The vote is set for Jan. 14 in room No. 5 of the town hall.",
        "Growth slowed to 3.5 percent from 4.25 percent, the bank said.",
        "Some fruit, e.g. apples and pears, got dearer.",
        "John F. Kennedy visited Berlin in 1963.",
        "Visit example.com/news.html for more.",
    ],
)
def test_abbreviations_decimals_initials_do_not_split(text: str) -> None:
    assert texts(text) == [text]


def test_acronym_at_end_splits_before_an_opener() -> None:
    assert texts("Troops returned to the U.S. The ministry confirmed it.") == [
        "Troops returned to the U.S.",
        "The ministry confirmed it.",
    ]


def test_quote_followed_by_attribution_is_one_sentence() -> None:
    text = '"We were there for you," she said. "Right now, Russia doesn\'t want peace." Then she left.'
    assert texts(text) == [
        '"We were there for you," she said.',
        '"Right now, Russia doesn\'t want peace."',
        "Then she left.",
    ]


def test_question_or_exclamation_inside_quote_with_attribution() -> None:
    assert texts('"Is this fair?" she asked. "Stop now!" Mayor Jonas Berg said. Fine.') == [
        '"Is this fair?" she asked.',
        '"Stop now!" Mayor Jonas Berg said.',
        "Fine.",
    ]


def test_curly_quotes() -> None:
    text = "“We lost too much,” the minister said. “It must end.” Talks resume on Friday."
    assert texts(text) == [
        "“We lost too much,” the minister said.",
        "“It must end.”",
        "Talks resume on Friday.",
    ]


def test_newlines_always_end_a_sentence() -> None:
    text = "Budget deal reached\n\nThe council agreed on a plan\nIt costs €4m."
    assert texts(text) == ["Budget deal reached", "The council agreed on a plan", "It costs €4m."]


def test_ellipses() -> None:
    assert texts("If we wait … they win. And then... nothing. We act… Now.") == [
        "If we wait … they win.",
        "And then... nothing.",
        "We act…",
        "Now.",
    ]


def test_empty_text() -> None:
    assert split_sentences("") == []
    assert split_sentences("  \n\n ") == []


def test_quote_closed_by_a_full_stop_ends_the_sentence_before_a_new_attribution():
    text = ('"They are honest about taxes," Wren said, "but the levy would raise £3bn, not £6bn." '
            "He added that the gap would be borrowed.")
    assert [s.text for s in split_sentences(text)] == [
        '"They are honest about taxes," Wren said, "but the levy would raise £3bn, not £6bn."',
        "He added that the gap would be borrowed.",
    ]
    assert len(split_sentences('"Stop the works!" Mayor Ilse Brandt said.')) == 1
