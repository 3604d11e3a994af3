"""The pipeline's steps without the orchestrator: real GX, real DuckDB, real Parquet."""

from __future__ import annotations

import dataclasses

import duckdb

from flows import steps
from flows.settings import load_settings
from tests.warehouse.conftest import make_article, make_claim
from warehouse.load import new_run_id, start_run


def test_a_failing_claim_is_quarantined_with_its_expectation(home) -> None:
    settings = load_settings()
    art = make_article()
    good = make_claim(art, "Unemployment fell to 4.2% in October, the statistics office said.")
    # offsets that no longer point at the sentence: the gate must catch it
    bad = dataclasses.replace(make_claim(art, "The mayor opened a new bridge on Monday."), char_start=3)
    run_id = new_run_id()
    start_run(settings.db_path, run_id, sources=["test"])
    plan = steps.plan(settings, [art])
    staged = steps.load(settings, run_id, plan, [good, bad])
    checked = steps.check(settings, run_id)
    assert checked.gate.claims_passed == [good.claim_id]
    summary = steps.enqueue(settings, run_id, checked, [], {
        "articles_in": 1, "articles_duplicate": 0, "articles_rejected": 0,
        "articles_recovered": staged["articles_recovered"], "sentences": 2,
        "claims_recovered": staged["claims_recovered"],
    })
    assert summary.counts["claims_queued"] == 1 and summary.counts["claims_quarantined"] == 1
    con = duckdb.connect(str(settings.db_path), read_only=True)
    rows = con.execute(
        'SELECT record_id, "check", reason, first_run_id FROM quarantine WHERE kind = \'claim\''
    ).fetchall()
    queued = con.execute("SELECT claim_id FROM claims").fetchall()
    con.close()
    assert queued == [(good.claim_id,)]
    assert {r[0] for r in rows} == {bad.claim_id}
    assert all(r[1].startswith("expect_") and r[2] and r[3] == run_id for r in rows)
    report = (settings.reports_dir / f"dq-{run_id}.html").read_text(encoding="utf-8")
    assert bad.claim_id in report
    exported = steps.publish(settings, run_id)
    assert exported["claims"] == 1 and exported["quarantine"] >= 1
    assert (settings.exports_dir / "quarantine").is_dir()
    # a retried enqueue (its commit already went through) reports the same counts, adds nothing
    again = steps.enqueue(settings, run_id, checked, [], {})
    assert again.counts["claims_queued"] == 1 and again.counts["claims_quarantined"] == 1


def test_batches_split_evenly() -> None:
    assert steps.batches(list(range(5)), 2) == [[0, 1], [2, 3], [4]]
    assert steps.batches([], 3) == []
