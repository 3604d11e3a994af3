"""The seed article, through ingest + extract with the shipped model (skips without ../shared)."""

from __future__ import annotations

from pathlib import Path

import pytest

from claims.extract import extract_batch
from claims.ingest import ingest_sources
from claims.scoring import load_scorer

SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seeds" / "article-nato-kallas.txt"
pytestmark = pytest.mark.skipif(not SEED.exists(), reason="../shared/seeds is not here")


@pytest.fixture(scope="module")
def claims_by_text():
    result = ingest_sources([str(SEED)])
    assert not result.rejected and len(result.articles) == 1
    art = result.articles[0]
    out = extract_batch(result.articles, load_scorer())
    for c in out.claims:  # every claim points back at its sentence
        assert art.text[c.char_start : c.char_end] == c.sentence
    return {c.claim: c for c in out.claims}


def test_estonia_claim(claims_by_text) -> None:
    c = claims_by_text["Estonia lost as many soldiers per capita as the United States"]
    a = c.analysis
    assert (a.speaker, a.speaker_role, a.attribution) == ("Kaja Kallas", "EU High Representative", "quote")
    assert set(a.types) >= {"comparison", "quantity"} and a.checkable
    parts = {p.role: p.text for p in a.parts}
    assert parts["subject"] == "Estonia" and parts["object"] == "United States"
    assert parts["metric"] == "soldiers lost per capita" and parts["comparator"] == "equal"
    assert "war on terror" in parts["period"].lower()
    assert a.quote_start is not None and c.char_start <= a.quote_start < a.quote_end <= c.char_end


def test_article_5_claim(claims_by_text) -> None:
    c = claims_by_text["Article 5 was only invoked after 9/11"]
    assert c.analysis.speaker == "Kaja Kallas"
    assert {"historical", "rule"} <= set(c.analysis.types)


def test_opinion_is_not_checkable_or_low(claims_by_text) -> None:
    for text, c in claims_by_text.items():
        if "really want peace" in text:
            assert not c.analysis.checkable or c.score < 0.5
