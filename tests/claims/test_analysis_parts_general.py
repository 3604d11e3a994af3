"""Parts on sentences written for these tests: bounds, superlatives, changes, periods and subjects."""

from __future__ import annotations

from datetime import UTC, datetime

from claims.analysis import analyse_article
from claims.sentences import split_sentences

PUBLISHED = datetime(2026, 7, 24, 9, 0, tzinfo=UTC)


def _parts(text: str) -> dict[str, str]:
    a = analyse_article(text, split_sentences(text), published=PUBLISHED)[-1]
    return {p.role: p.text for p in a.parts}


def test_fractions_and_bounds():
    p = _parts("Fewer than one in six ferry crossings ran on time.")
    assert p["value"] == "one in six" and p["comparator"] == "less" and "object" not in p
    assert _parts("Two in seven clinics closed their doors.")["value"] == "Two in seven"
    assert _parts("According to the board, one in 12 pupils missed school.")["value"] == "one in 12"


def test_superlatives_percent_more_and_raised_by():
    p = _parts("The town had its hottest August since 1911.")
    assert p["comparator"] == "most" and "metric" not in p
    assert _parts("Coastal villages were the most isolated, the report said.")["comparator"] == "most"
    assert _parts("Growers expect to pay 12 percent more for fertiliser.")["comparator"] == "more"
    p = _parts("The council raised the parking charge by 20 percent.")
    assert p["comparator"] == "increase" and p["metric"] == "parking charge"
    p = _parts("The board had cut school transport funding by 9 percent.")
    assert p["comparator"] == "decrease" and p["metric"] == "school transport funding"


def test_periods_and_subjects():
    assert _parts("Thefts rose 7 percent in the year to May 2026.")["period"] == "the year to May 2026"
    assert _parts("In 2024, the port handled 3 million containers.")["period"] == "2024"
    assert _parts("The fee charged to drivers will rise by 5 percent.")["subject"] == "The fee charged to drivers"
    assert _parts("Our energy bills have doubled since 2021.")["subject"] == "Our energy bills"
    assert _parts("Snowfall in the hills since December has been 40 percent above the usual average.")["subject"] == (
        "Snowfall in the hills")
    assert _parts("Once fees are counted, the bill is 30 percent higher.")["subject"] == "the bill"
    assert _parts("Ona Vesely, a nurse at the clinic, earns £31,000 a year.")["subject"] == "Ona Vesely"
    assert _parts("Milan Horak expected to sell 400 tickets.")["subject"] == "Milan Horak"


def test_levels_changes_metrics_and_relative_periods():
    p = _parts("Spending on school buses rose to £6.2 million from £2.9 million in 2020.")
    assert p["value"] == "£6.2 million"
    p = _parts("She said her water bill had gone up by more than £200 since 2022.")
    assert p["comparator"] == "increase"
    assert _parts("The trust made a pre-tax loss of £4.1 million last year.")["metric"] == "pre-tax loss"
    assert _parts("The board faces a funding gap of £9 million over the next three years.")["period"] == (
        "over the next three years")
    assert _parts("Bus fares have risen by 30 percent in four years.")["period"] == "in four years"
    p = _parts("The side finished fourth, their best league position since 2001.")
    assert p["comparator"] == "most"
    assert _parts("This is the coldest winter we have had to plan for in 30 years.")["comparator"] == "most"


def test_adjectives_in_subjects_superlatives_and_metrics_after_wholes():
    assert _parts("Pupils in the most deprived wards were 12 percent less likely to pass.")["subject"] == (
        "Pupils in the most deprived wards")
    assert _parts("The regional speed limit on mountain passes is 50mph.")["subject"] == (
        "The regional speed limit on mountain passes")
    assert _parts("Its busiest week came in July 2019, with 9,000 visitors.")["comparator"] == "most"
    p = _parts("Attendance was broadly in line with that of 2019.")
    assert p["comparator"] == "equal" and p["object"] == "that of 2019"
    assert _parts("She said 17 of its 240 trainees had found jobs.")["metric"] == "trainees"
    assert _parts("In 1990, 4,000 bathers paid to swim there.")["metric"] == "bathers"
    p = _parts("The bus driver, Karl Fenn, 52, was fined £4,000.")
    assert p["subject"] == "The bus driver" and p["value"] == "£4,000"
    assert _parts("Only 30 of the 90 ferries had been repaired by the end of May 2026.")["period"] == "the end of May 2026"
