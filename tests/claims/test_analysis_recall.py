"""Recall patterns for claim types and parts bugs (sentences written for these tests)."""

from __future__ import annotations

from claims.analysis import analyse_article
from claims.analysis.claim_types import classify
from claims.sentences import split_sentences


def _analyse(text: str):
    return analyse_article(text, split_sentences(text))


def _types(claim: str) -> list[str]:
    return classify(claim, claim, [], frame_kind="none")[0]


def _parts(text: str) -> dict[str, str]:
    return {p.role: p.text for p in _analyse(text)[0].parts}


def test_year_on_year_and_same_as_and_most_sharply_are_comparisons():
    assert "comparison" in _types("Ticket sales were down 8 percent from a year earlier")
    assert "comparison" in _types("Exports grew 3 percent year-on-year")
    assert "comparison" in _types("The harvest was the same as in 2019")
    assert "comparison" in _types("Demand rose most sharply among students")
    assert "comparison" in _types("Applications saw a five-fold jump")


def test_comparison_parts_for_tripled_same_as_and_most_sharply():
    p = _parts("Rents in the old town had almost tripled since late 2021.")
    assert p["comparator"] == "increase"
    assert p["period"] == "since late 2021"
    assert _parts("The club paid a bonus of 4 million euros, the same as in 2022.")["comparator"] == "equal"
    assert _parts("Accidents fell most sharply in towns with 20 mph limits.")["comparator"] == "most"
    assert _parts("Orders reached 90 units, down 7 percent on last year.")["comparator"] == "decrease"


def test_punished_for_and_participial_result_clause_are_causal():
    assert "causal" in _types("Shoppers punished the chain for the price rises")
    assert "causal" in _types("Fuel costs doubled in a year, forcing hauliers to cut routes")


def test_as_clause_explaining_an_expected_change_is_causal():
    assert "causal" in _types("Pension spending is expected to climb as the population ages")
    assert "causal" not in _types("She spoke as the crowd left")


def test_evaluative_predicates_are_opinion():
    assert _types("The repairs were overdue") == ["opinion"]
    assert _types("It is never too late to learn a language") == ["opinion"]
    assert _types("Residents are tired of the noise") == ["opinion"]
    assert _types("Regulators should act before the winter") == ["opinion"]
    assert _types("Fans will want more than apologies") == ["opinion"]
    assert "opinion" not in _types("Inflation should fall next year")


def test_thousands_separator_kept_in_object():
    assert _parts("Membership grew to 48,200, up from 39,500 in 2018.")["object"] == "39,500 in 2018"


def test_subject_not_cut_to_a_determiner():
    assert _parts("The cuts would save about 30 million euros a year.")["subject"] == "The cuts"


def test_pence_is_a_money_unit():
    a = _analyse("The shop charged 45 pence per bag.")[0]
    money = [e for e in a.entities if e.kind == "MONEY"]
    assert money and money[0].text == "45 pence" and money[0].unit == "pence"
    b = _analyse("Stamps now cost 85p each.")[0]
    assert any(e.kind == "MONEY" and e.text == "85p" for e in b.entities)
