"""Claim analysis over the bundled sample articles and the gold set's integrity."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claims.analysis import analyse_article
from claims.ingest import ingest_sources
from claims.records import ATTRIBUTIONS, CLAIM_TYPES
from claims.sentences import split_sentences

ROOT = Path(__file__).parents[2]
SAMPLES = ROOT / "flows" / "samples"
GOLD = ROOT / "tests" / "data" / "claims_gold.jsonl"
ROLES = {"subject", "metric", "value", "comparator", "object", "period"}


@pytest.fixture(scope="module")
def articles():
    result = ingest_sources([str(SAMPLES)])
    assert not result.rejected, [r.message() for r in result.rejected]
    return result.articles


def test_samples_cover_the_formats(articles) -> None:
    origins = [a.origin for a in articles]
    assert len(articles) >= 14
    for ext in (".txt", ".md", ".html", ".json", ".jsonl"):
        assert any(o.split(":")[0].endswith(ext) for o in origins), ext
    assert sum(a.published is not None for a in articles) >= 8


def test_every_offset_points_back_into_the_article(articles) -> None:
    for article in articles:
        text = article.text
        sentences = split_sentences(text)
        analyses = analyse_article(text, sentences, published=article.published)
        assert len(analyses) == len(sentences), article.origin
        for s, a in zip(sentences, analyses, strict=True):
            assert a.attribution in ATTRIBUTIONS
            assert set(a.types) <= set(CLAIM_TYPES)
            assert a.claim.strip() == a.claim and a.claim, (article.origin, s.text)
            if a.attribution == "none":
                assert a.speaker is None and a.speaker_start is None
            if a.speaker_start is not None:
                assert 0 <= a.speaker_start < a.speaker_end <= len(text)
            for e in a.entities:
                assert text[e.start : e.end] == e.text, (article.origin, e)
                assert s.start <= e.start and e.end <= s.end
            for p in a.parts:
                assert p.role in ROLES
                if p.start is not None:
                    assert 0 <= p.start < p.end <= len(text)
            if a.parts:
                assert {"quantity", "comparison"} & set(a.types)


def test_gold_file_is_well_formed() -> None:
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) >= 80
    for row in rows:
        assert (ROOT / row["file"]).exists(), row["file"]
        assert set(row["types"]) <= set(CLAIM_TYPES), row
        assert not row["claim"].endswith("."), row["claim"]
        if {"quantity", "comparison"} & set(row["types"]):
            assert set(row["parts"]) == ROLES
        else:
            assert "parts" not in row


def test_empty_article() -> None:
    assert analyse_article("", []) == []
