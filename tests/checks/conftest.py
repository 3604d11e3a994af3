"""Tiny, valid batches built inline from claimflow's own records, plus a shared GX context."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pandas as pd
import pytest

from claims.records import (
    Article,
    Claim,
    ClaimPart,
    Entity,
    SentenceAnalysis,
    claim_id_for,
)

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
RUN_ID = "run-test-0001"

ARTICLE_TEXT = (
    'The minister said unemployment fell to 4.2% in October. "We created 50,000 jobs '
    'this year," she told reporters in Lisbon. Critics were not convinced by the figures.'
)
SENTENCE = "The minister said unemployment fell to 4.2% in October."


@pytest.fixture(scope="session")
def gx_context() -> Any:
    """The process-wide GX context (created once; costs seconds)."""
    from checks.runtime import get_context

    return get_context()


def article_row(
    text: str = ARTICLE_TEXT, url: str | None = "https://example.org/a/1", **extra: Any
) -> dict:
    art = Article.build(
        text,
        origin="tests/article.txt",
        url=url,
        title="Jobs",
        source="Example Times",
        published=datetime(2026, 11, 1, tzinfo=UTC),
        fetched_at=NOW,
    )
    row = art.to_dict()
    row.pop("language")
    row.update(
        content_hash="0" * 64,
        version=1,
        supersedes=None,
        ingested_at=NOW,
        run_id=RUN_ID,
    )
    row.update(extra)
    return row


def claim_for(article: dict, sentence: str = SENTENCE, **analysis: Any) -> Claim:
    start = article["text"].index(sentence)
    end = start + len(sentence)
    speaker_start = article["text"].index("The minister")
    defaults: dict[str, Any] = {
        "claim": "Unemployment fell to 4.2% in October.",
        "attribution": "reported",
        "speaker": "the minister",
        "speaker_role": "minister",
        "speaker_start": speaker_start,
        "speaker_end": speaker_start + len("The minister"),
        "types": ["quantity"],
        "entities": [
            Entity(
                kind="PERCENT",
                text="4.2%",
                start=article["text"].index("4.2%"),
                end=article["text"].index("4.2%") + 4,
                value="4.2",
                unit="%",
            ),
            Entity(
                kind="DATE",
                text="October",
                start=article["text"].index("October"),
                end=article["text"].index("October") + 7,
                value="2026-10",
            ),
        ],  # fmt: skip
        "parts": [
            ClaimPart(
                role="metric",
                text="unemployment",
                start=article["text"].index("unemployment"),
                end=article["text"].index("unemployment") + len("unemployment"),
            ),
            ClaimPart(role="value", text="4.2%"),
        ],  # fmt: skip
    }
    defaults.update(analysis)
    return Claim(
        claim_id=claim_id_for(article["article_id"], start, end),
        article_id=article["article_id"],
        sentence=sentence,
        claim=defaults["claim"],
        char_start=start,
        char_end=end,
        sentence_index=0,
        score=0.91,
        model="claimbuster-minilm@1.0.0",
        threshold=0.5,
        extractor="claimflow-rules@0.1.0",
        extracted_at=NOW,
        publisher="Example Times",
        analysis=SentenceAnalysis(
            **{k: v for k, v in defaults.items() if k != "claim"}, claim=defaults["claim"]
        ),
    )


def claim_row(record: Claim, /, **override: Any) -> dict:
    row = record.to_row()
    row["run_id"] = RUN_ID
    row.update(override)
    return row


def child_rows(claim: Claim) -> tuple[list[dict], list[dict]]:
    a = claim.analysis
    assert a is not None
    ents = [
        {"claim_id": claim.claim_id, "article_id": claim.article_id, "kind": e.kind, "text": e.text,
         "start": e.start, "end": e.end, "value": e.value, "unit": e.unit}
        for e in a.entities
    ]  # fmt: skip
    parts = [
        {"claim_id": claim.claim_id, "role": p.role, "text": p.text, "start": p.start, "end": p.end}
        for p in a.parts
    ]
    return ents, parts


def frames(
    articles: list[dict], claims: list[dict], entities: list[dict], parts: list[dict]
) -> dict[str, pd.DataFrame]:
    """Keyword arguments for run_gate; reference_articles = this batch's articles."""
    arts = pd.DataFrame(articles)
    if "published" in arts.columns:
        arts["published"] = pd.to_datetime(arts["published"], utc=True)
    return {
        "articles": arts,
        "claims": pd.DataFrame(claims),
        "entities": pd.DataFrame(entities),
        "parts": pd.DataFrame(parts),
        "reference_articles": arts[["article_id", "text"]] if len(arts) else pd.DataFrame(),
    }


@pytest.fixture()
def good_batch() -> dict[str, Any]:
    """One article, one claim, two entities, two parts: all valid."""
    art = article_row()
    claim = claim_for(art)
    ents, parts = child_rows(claim)
    return {
        "article": art,
        "claim": claim,
        "claims": [claim_row(claim)],
        "entities": ents,
        "parts": parts,
    }
