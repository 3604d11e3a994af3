"""Small records built inline, and a helper that stages + commits them without GX."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from claims.records import Article, Claim, ClaimPart, Entity, SentenceAnalysis, claim_id_for
from warehouse import load

NOW = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)

TEXT_A = (
    "Unemployment fell to 4.2% in October, the statistics office said.\n\n"
    "The mayor opened a new bridge on Monday. Everyone loved it."
)
TEXT_B = "Exports to Norway rose by 12% last year, according to customs data. It was a sunny day."


def make_article(text: str = TEXT_A, url: str | None = "https://news.example/a") -> Article:
    return Article.build(text, origin="test", url=url, title="Test article", source="Example News",
                         published=datetime(2026, 11, 20, tzinfo=UTC))


def make_claim(article: Article, sentence: str, score: float = 0.9) -> Claim:
    start = article.text.index(sentence)
    end = start + len(sentence)
    analysis = SentenceAnalysis(
        claim=sentence.rstrip("."),
        types=["quantity"],
        entities=[Entity("PERCENT", "4.2%", start + 21, start + 25, value="4.2", unit="%")]
        if "4.2%" in sentence else [],
        parts=[ClaimPart("subject", "Unemployment", start, start + 12)] if "Unemployment" in sentence else [],
    )
    return Claim(
        claim_id=claim_id_for(article.article_id, start, end), article_id=article.article_id,
        sentence=sentence, claim=analysis.claim, char_start=start, char_end=end, sentence_index=0,
        score=score, model="test-model@1", threshold=0.5, extractor="test-rules@1", extracted_at=NOW,
        publisher=article.source, analysis=analysis,
    )


def stage_and_commit(db: Path, run_id: str, articles: list[Article], claims: list[Claim],
                     *, reject_claims: set[str] = frozenset(), sources=("test",)) -> dict:
    """Run the load half of a pipeline run, with a hand-made gate decision."""
    load.start_run(db, run_id, sources=list(sources))
    stored, latest = load.known_articles(db, articles)
    plan = load.plan_articles(articles, stored, latest)
    c_rows, e_rows, p_rows = load.claim_rows([c for c in claims if c.article_id in plan.version], run_id)
    load.stage(db, run_id, articles=load.article_rows(plan, run_id, NOW), claims=c_rows,
               entities=e_rows, parts=p_rows)
    adopted = load.adopt_orphans(db, run_id)
    batch = load.staged_frames(db, run_id)
    import pandas as pd

    ok_claims = [c for c in batch.claims["claim_id"] if c not in reject_claims]
    quarantine = pd.DataFrame(
        [{"kind": "claim", "record_id": c, "check": "hand-made", "reason": "rejected by test",
          "payload": "{}"} for c in batch.claims["claim_id"] if c in reject_claims],
        columns=["kind", "record_id", "check", "reason", "payload"],
    )
    return load.commit(
        db, run_id,
        articles_passed=list(batch.articles["article_id"]),
        claims_passed=ok_claims,
        entities_passed=list(batch.entities["entity_id"]),
        parts_passed=list(batch.parts["part_id"]),
        quarantine=load.quarantine_rows(run_id, quarantine, []),
        counts={"articles_in": len(articles), "articles_duplicate": len(plan.duplicates),
                "articles_rejected": 0, "articles_recovered": adopted["articles"],
                "claims_recovered": adopted["claims"]},
    )


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "warehouse.duckdb"
