"""General patterns found in blind evaluation (sentences written for these tests)."""

from __future__ import annotations

from claims.analysis import analyse_article
from claims.analysis.claim_types import classify
from claims.sentences import split_sentences


def _analyse(text: str):
    return analyse_article(text, split_sentences(text))


def _types(claim: str) -> list[str]:
    return classify(claim, claim, [], frame_kind="none")[0]


def test_wire_dateline_is_stripped_and_not_a_value():
    text = "BRESKA, Mar 4 (NWS) - Bakers in the town of Breska will close their shops for a day, the guild said."
    a = _analyse(text)[0]
    assert a.claim == "Bakers in the town of Breska will close their shops for a day"
    assert not any(e.text in ("4", "Mar 4") for e in a.entities)
    text = "OSLOVA (Agency) — The central bank left its main rate unchanged at 3 percent."
    assert _analyse(text)[0].claim.startswith("The central bank left its main rate")


def test_role_noun_then_full_name_saying_frame():
    text = "Party chairwoman Elena Varga dismissed the report, saying the numbers were out of date."
    a = _analyse(text)[0]
    assert a.speaker == "Elena Varga"
    assert a.claim == "The numbers were out of date"


def test_figures_from_and_possessive_figures_are_reported_speech():
    a = _analyse("Data from the national statistics office show that bread prices rose by 11 percent.")[0]
    assert a.attribution == "reported"
    assert a.speaker == "national statistics office"
    assert a.claim == "Bread prices rose by 11 percent"
    b = _analyse("The Treasury's figures show borrowing fell to 40 billion.")[0]
    assert b.attribution == "reported"
    assert b.claim == "Borrowing fell to 40 billion"


def test_quote_over_two_sentences_attributed_after_the_second():
    text = 'The trainer spoke after the match. "Nobody expected this result. We played without fear," Okafor said.'
    results = _analyse(text)
    assert results[1].attribution == "quote"
    assert results[1].speaker is not None
    assert results[1].speaker == results[2].speaker
    assert "Okafor" in results[1].speaker


def test_due_to_verb_is_scheduled_not_causal():
    assert "causal" not in _types("The committee is due to publish its findings in spring")
    assert "causal" in _types("The delay was due to a shortage of parts")


def test_could_not_in_past_narrative_is_not_prediction():
    assert "prediction" not in _types("The pupils could not reach the school because the road flooded")
    assert "prediction" in _types("The river could burst its banks")


def test_first_n_is_not_a_comparison():
    assert "comparison" not in _types("The first 200 buses were delivered in May")
    assert "comparison" in _types("It was the first rise in prices since 2019")


def test_asked_frame_and_would_raise_are_not_causal():
    text = "Asked whether the fee was fair, the minister said the charge would raise 30 million a year."
    a = _analyse(text)[0]
    assert a.claim == "The charge would raise 30 million a year"
    assert "causal" not in a.types


def test_left_people_ill_is_causal():
    assert "causal" in _types("A gas leak at the plant left 60 workers ill")
    assert "causal" in _types("The storm left three people dead")


def test_were_likely_to_is_prediction():
    assert "prediction" in _types("Economists said prices were likely to climb")


def test_ordinal_superlative_rank_is_comparison():
    assert "comparison" in _types("Dornfeld is now the third-largest city in the region")
    assert "comparison" in _types("The airport became the second busiest in the country")
    assert "comparison" not in _types("The second test was cancelled")
