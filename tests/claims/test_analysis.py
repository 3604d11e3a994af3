"""Tests for claim analysis (claims.analysis): speaker, claim, types, entities, parts."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from claims.analysis import EXTRACTOR_NAME, EXTRACTOR_VERSION, analyse_article, extractor_id
from claims.records import ATTRIBUTIONS, CLAIM_TYPES, SentenceAnalysis
from claims.sentences import split_sentences

SHARED = Path(__file__).parents[2].parent / "shared"
SEED = SHARED / "seeds" / "article-nato-kallas.txt"


def analyse(text: str, published: datetime | None = None) -> list[tuple[str, SentenceAnalysis]]:
    sentences = split_sentences(text)
    results = analyse_article(text, sentences, published=published)
    assert len(results) == len(sentences)
    return [(s.text, a) for s, a in zip(sentences, results, strict=True)]


def by_sentence(pairs: list[tuple[str, SentenceAnalysis]], fragment: str) -> SentenceAnalysis:
    hits = [a for s, a in pairs if fragment in s]
    assert len(hits) == 1, f"{fragment!r} matched {len(hits)} sentences"
    return hits[0]


ARTICLE = """Finland's defence minister, Aino Virtanen, spoke in Tallinn on Tuesday.

"We, as Finland, have kept conscription when many others abandoned it," she said. "It was not easy."

The minister pointed out that Finland shares a 1,340-kilometre border with Russia.

According to Virtanen, Finland can mobilise 280,000 troops, more than Sweden and Norway combined.

Officials said the country trains 20,000 conscripts every year.

The Organisation for Economic Co-operation and Development (OECD) will meet next month. The OECD said growth fell to 1.2 percent last year.

Europe simply cannot afford to be naive any longer.
"""
PUBLISHED = datetime(2025, 6, 27, 8, 0, tzinfo=UTC)  # a Friday


def test_extractor_constants() -> None:
    assert EXTRACTOR_NAME == "claimflow-rules"
    assert extractor_id() == f"claimflow-rules@{EXTRACTOR_VERSION}"


def test_one_result_per_sentence_with_valid_labels() -> None:
    for _, a in analyse(ARTICLE, PUBLISHED):
        assert a.attribution in ATTRIBUTIONS
        assert set(a.types) <= set(CLAIM_TYPES)
        assert a.claim and not a.claim.endswith(".")


def test_first_person_quote_with_pronoun_speaker() -> None:
    pairs = analyse(ARTICLE, PUBLISHED)
    a = by_sentence(pairs, "We, as Finland")
    assert a.attribution == "quote"
    assert a.claim == "Finland has kept conscription when many others abandoned it"
    assert a.speaker == "Aino Virtanen"
    assert a.speaker_role == "Finland's defence minister"
    assert ARTICLE[a.speaker_start : a.speaker_end] == "she"
    assert ARTICLE[a.quote_start : a.quote_end].startswith('"We, as Finland')
    follow = by_sentence(pairs, "It was not easy")
    assert follow.attribution == "quote" and follow.speaker == "Aino Virtanen"
    assert "uncertain_rewrite" in follow.flags  # "It" stays as written


def test_title_reference_and_according_to() -> None:
    pairs = analyse(ARTICLE, PUBLISHED)
    a = by_sentence(pairs, "The minister pointed out")
    assert (a.attribution, a.speaker) == ("reported", "Aino Virtanen")
    assert a.claim == "Finland shares a 1,340-kilometre border with Russia"
    b = by_sentence(pairs, "According to Virtanen")
    assert (b.attribution, b.speaker) == ("reported", "Aino Virtanen")
    assert ARTICLE[b.speaker_start : b.speaker_end] == "Virtanen"
    assert set(b.types) >= {"quantity", "comparison"}
    parts = {p.role: p.text for p in b.parts}
    assert parts["subject"] == "Finland"
    assert parts["comparator"] == "more"
    assert parts["value"] == "280,000"
    assert parts["object"] == "Sweden and Norway combined"


def test_group_speaker_and_relative_dates() -> None:
    pairs = analyse(ARTICLE, PUBLISHED)
    a = by_sentence(pairs, "Officials said")
    assert (a.attribution, a.speaker) == ("reported", "Officials")
    b = by_sentence(pairs, "The OECD said growth")
    assert b.speaker == "OECD"
    assert b.claim == "Growth fell to 1.2 percent in 2024"
    c = by_sentence(pairs, "will meet next month")
    assert c.claim == "The Organisation for Economic Co-operation and Development (OECD) will meet in July 2025"
    assert "prediction" in c.types
    d = by_sentence(pairs, "spoke in Tallinn")
    assert d.attribution == "none" and d.speaker is None
    assert d.claim == "Finland's defence minister, Aino Virtanen, spoke in Tallinn on 24 June 2025"


def test_relative_dates_untouched_without_published() -> None:
    pairs = analyse(ARTICLE)
    assert by_sentence(pairs, "The OECD said growth").claim == "Growth fell to 1.2 percent last year"


def test_opinion_is_not_checkable() -> None:
    a = by_sentence(analyse(ARTICLE), "naive")
    assert a.types == ["opinion"] and a.checkable is False


def test_entities_have_offsets_values_and_units() -> None:
    text = "The clinic treated 5.3 per 100,000 people, up 12 percent, at a cost of £6.2 million in March 2024."
    (_, a), = analyse(text)
    kinds = {(e.kind, e.text, e.value, e.unit) for e in a.entities}
    assert ("PERCENT", "12 percent", "12", "%") in kinds
    assert ("MONEY", "£6.2 million", "6200000", "GBP") in kinds
    assert ("RATE", "5.3 per 100,000 people", "5.3", "per 100,000 people") in kinds
    assert ("DATE", "March 2024", "2024-03", None) in kinds
    for e in a.entities:
        assert text[e.start : e.end] == e.text


def test_surname_resolves_and_he_she_follow_gender() -> None:
    text = (
        "Health secretary Daniel Osei met nurse Grace Kim on Monday. "
        '"Some nights I look after 14 patients," she said. '
        '"We hired 400 surgeons," he said. Osei said that waits fell.'
    )
    pairs = analyse(text)
    assert by_sentence(pairs, "Some nights").speaker == "Grace Kim"
    assert by_sentence(pairs, "We hired").speaker == "Daniel Osei"
    last = by_sentence(pairs, "Osei said")
    assert (last.speaker, last.speaker_role, last.claim) == ("Daniel Osei", "Health secretary", "Waits fell")
    assert "personal_experience" in by_sentence(pairs, "Some nights").types


@pytest.mark.skipif(not SEED.exists(), reason="needs ../shared/seeds")
def test_golden_seed_article() -> None:
    text = SEED.read_text(encoding="utf-8")
    pairs = analyse(text)
    estonia = by_sentence(pairs, "We, as Estonia")
    assert estonia.claim == "Estonia lost as many soldiers per capita as the United States"
    assert estonia.speaker == "Kaja Kallas"
    assert estonia.speaker_role == "EU High Representative"
    assert estonia.attribution == "quote"
    assert set(estonia.types) == {"comparison", "quantity"}
    assert estonia.checkable
    parts = {p.role: p for p in estonia.parts}
    assert parts["subject"].text == "Estonia"
    assert parts["metric"].text == "soldiers lost per capita"
    assert parts["comparator"].text == "equal"
    assert parts["object"].text == "United States"
    assert parts["period"].text == "War on Terror"
    assert text[parts["period"].start : parts["period"].end] == "War on Terror"
    assert text[estonia.speaker_start : estonia.speaker_end] == "she"

    article5 = by_sentence(pairs, "Article 5 was only invoked")
    assert article5.attribution == "reported"
    assert article5.speaker == "Kaja Kallas"
    assert article5.claim == "Article 5 was only invoked after 9/11"
    assert {"historical", "rule"} <= set(article5.types)

    peace = by_sentence(pairs, "But right now, Russia")
    assert peace.speaker == "Kaja Kallas" and peace.checkable is False
    assert by_sentence(pairs, "Trump and Zelenskyy").speaker is None
