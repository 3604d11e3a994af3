"""The pipeline's steps as plain functions; ``flows.pipeline`` wraps each in a task.

Each step only wires ``claims``, ``warehouse`` and ``checks`` together, so it
can be tested (and run) without Prefect.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claims.records import Article, Claim, Rejected
from flows import progress
from flows.settings import Settings


def samples_dir() -> Path:
    """The bundled sample articles (the default source of `claimflow run`)."""
    return Path(__file__).parent / "samples"


@dataclass
class Ingested:
    articles: list[Article]
    rejected: list[Rejected]
    in_batch_duplicates: int = 0

    @property
    def articles_in(self) -> int:
        return len(self.articles) + self.in_batch_duplicates + len(self.rejected)


@dataclass
class RunSummary:
    """What a run did; every figure is also in its ``runs`` row."""

    run_id: str
    counts: dict[str, int] = field(default_factory=dict)
    rejected: list[str] = field(default_factory=list)  # one line per bad source
    report_path: str | None = None
    exported: dict[str, int] = field(default_factory=dict)

    def lines(self) -> list[str]:
        c = self.counts
        return [
            f"run {self.run_id}",
            f"  articles: {c.get('articles_in', 0)} in, {c.get('articles_stored', 0)} stored, "
            f"{c.get('articles_duplicate', 0)} already known, {c.get('articles_rejected', 0)} rejected, "
            f"{c.get('articles_quarantined', 0)} quarantined",
            f"  sentences: {c.get('sentences', 0)}",
            f"  claims: {c.get('claims_in', 0)} checked, {c.get('claims_queued', 0)} queued, "
            f"{c.get('claims_quarantined', 0)} quarantined, {c.get('claims_existing', 0)} already queued",
            f"  data-quality report: {self.report_path}",
        ]


def ingest(sources: Sequence[str], settings: Settings) -> Ingested:
    """Read every source; bad ones become :class:`Rejected` with a one-line reason."""
    from claims.ingest import ingest_sources
    from claims.ingest.fetch import HttpFetcher

    with HttpFetcher(timeout=settings.http_timeout, user_agent=settings.user_agent) as fetcher:
        result = ingest_sources(list(sources), fetcher=fetcher)
    return Ingested(list(result.articles), list(result.rejected), result.duplicates)


def plan(settings: Settings, articles: Sequence[Article]):
    """Which articles are new (with versions), which are already stored."""
    from warehouse.load import known_articles, plan_articles

    stored, latest = known_articles(settings.db_path, articles, lock_timeout=settings.lock_timeout)
    return plan_articles(articles, stored, latest)


def batches(items: Sequence[Any], size: int) -> list[list[Any]]:
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


def load_scorer_for(settings: Settings):
    from claims.scoring import load_scorer

    return load_scorer(settings.model_path)


def load_tagger_for(settings: Settings):
    """The shipped speaker tagger, or None when ``speaker_tagger`` is off."""
    if not settings.speaker_tagger:
        return None
    from claims.model.mentions import load_mention_tagger

    return load_mention_tagger()


def extract(articles: Sequence[Article], settings: Settings):
    """Claims from one batch of articles (the scorer is loaded once per process)."""
    from claims.extract import extract_batch

    scorer = load_scorer_for(settings)
    return extract_batch(
        articles,
        scorer,
        tagger=load_tagger_for(settings),
        threshold=settings.threshold,
        on_article=lambda _art, n: progress.PROGRESS.article_done(n),
    )


def load(settings: Settings, run_id: str, article_plan, claims: Sequence[Claim]) -> dict[str, int]:
    """Stage the batch, then adopt what dead runs left in staging."""
    from datetime import UTC, datetime

    from warehouse.load import adopt_orphans, article_rows, claim_rows, stage

    c_rows, e_rows, p_rows = claim_rows(claims, run_id)
    staged = stage(
        settings.db_path,
        run_id,
        articles=article_rows(article_plan, run_id, datetime.now(UTC)),
        claims=c_rows,
        entities=e_rows,
        parts=p_rows,
        lock_timeout=settings.lock_timeout,
    )
    adopted = adopt_orphans(settings.db_path, run_id, lock_timeout=settings.lock_timeout)
    return {
        "articles_staged": staged["articles"],
        "claims_staged": staged["claims"],
        "articles_recovered": adopted.get("articles", 0),
        "claims_recovered": adopted.get("claims", 0),
    }


@dataclass
class Checked:
    """The gate's verdict, with the ids of the entity and part rows that passed."""

    gate: Any
    entities_passed: list[str]
    parts_passed: list[str]


def check(settings: Settings, run_id: str) -> Checked:
    """Validate the staged batch with the Great Expectations suites."""
    from checks.gate import run_gate
    from warehouse.load import staged_frames

    batch = staged_frames(settings.db_path, run_id, lock_timeout=settings.lock_timeout)
    gate = run_gate(
        articles=batch.articles,
        claims=batch.claims,
        entities=batch.entities,
        parts=batch.parts,
        reference_articles=batch.reference_articles,
        run_id=run_id,
    )
    return Checked(
        gate=gate,
        entities_passed=[str(x) for x in batch.entities["entity_id"].iloc[list(gate.entity_rows_passed)]],
        parts_passed=[str(x) for x in batch.parts["part_id"].iloc[list(gate.part_rows_passed)]],
    )


def enqueue(
    settings: Settings,
    run_id: str,
    checked: Checked,
    rejected: Sequence[Rejected],
    counts: dict[str, int],
) -> RunSummary:
    """Write the report, then commit passing rows to the queue and failing ones to quarantine."""
    from checks.report import write_report
    from warehouse.load import commit, quarantine_rows

    gate = checked.gate
    report = write_report(gate, settings.reports_dir, run_id, extra={"counts": counts})
    final = commit(
        settings.db_path,
        run_id,
        articles_passed=gate.articles_passed,
        claims_passed=gate.claims_passed,
        entities_passed=checked.entities_passed,
        parts_passed=checked.parts_passed,
        quarantine=quarantine_rows(run_id, gate.quarantine, rejected),
        counts=counts,
        report_path=str(report),
        lock_timeout=settings.lock_timeout,
    )
    return RunSummary(
        run_id=run_id,
        counts=final,
        rejected=[r.message() for r in rejected],
        report_path=str(report),
    )


def publish(settings: Settings, run_id: str) -> dict[str, int]:
    """After the commit: export the run's rows to Parquet and refresh the snapshot."""
    from warehouse.export import export_run, refresh_snapshot

    exported = export_run(settings.db_path, settings.exports_dir, run_id, lock_timeout=settings.lock_timeout)
    refresh_snapshot(settings.db_path, settings.snapshot_path, lock_timeout=settings.lock_timeout)
    return exported
