from __future__ import annotations

import duckdb
import pytest

from claims.records import Article
from tests.warehouse.conftest import TEXT_A, TEXT_B, make_article, make_claim, stage_and_commit
from warehouse import load
from warehouse.errors import WarehouseError


def stage_only(db, run_id: str, articles, claims) -> None:
    """Start a run and stage its batch, as a run that dies before its commit leaves it."""
    load.start_run(db, run_id, sources=["x"])
    plan = load.plan_articles(articles, set(), {})
    c_rows, e_rows, p_rows = load.claim_rows(claims, run_id)
    load.stage(db, run_id, articles=load.article_rows(plan, run_id, load.now_utc()), claims=c_rows,
               entities=e_rows, parts=p_rows)


def _count(db, table: str) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]
    finally:
        con.close()


def test_plan_articles_splits_new_duplicate_and_versions() -> None:
    a = make_article()
    a_changed = make_article(TEXT_A + " A correction was added.")
    b = make_article(TEXT_B, url=None)
    plan = load.plan_articles([a, a, a_changed, b], stored_ids=set(), latest_by_url={})
    assert [x.article_id for x in plan.new] == [a.article_id, a_changed.article_id, b.article_id]
    assert len(plan.duplicates) == 1
    assert plan.version[a_changed.article_id] == 2
    assert plan.supersedes[a_changed.article_id] == a.article_id
    assert b.article_id not in plan.supersedes

    again = load.plan_articles([a], stored_ids={a.article_id}, latest_by_url={a.url: (a.article_id, 1)})
    assert again.new == [] and len(again.duplicates) == 1


def test_commit_stores_batch_and_second_run_adds_nothing(db) -> None:
    art = make_article()
    claim = make_claim(art, "Unemployment fell to 4.2% in October, the statistics office said.")
    first = stage_and_commit(db, "run-1", [art], [claim])
    assert first["articles_stored"] == 1 and first["claims_queued"] == 1
    assert _count(db, "claim_entities") == 1 and _count(db, "claim_parts") == 1
    second = stage_and_commit(db, "run-2", [art], [claim])
    assert second["articles_stored"] == 0 and second["articles_duplicate"] == 1
    assert second["claims_in"] == 0
    for table, n in [("articles", 1), ("claims", 1), ("claim_entities", 1), ("claim_parts", 1)]:
        assert _count(db, table) == n, table
    assert _count(db, "staging_claims") == 0


def test_changed_text_at_same_url_is_a_new_linked_version(db) -> None:
    v1 = make_article()
    stage_and_commit(db, "run-1", [v1], [])
    v2 = make_article(TEXT_A.replace("4.2%", "4.3%"))
    stage_and_commit(db, "run-2", [v2], [make_claim(v2, "Unemployment fell to 4.3% in October, the statistics office said.")])
    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute("SELECT article_id, version, supersedes FROM articles ORDER BY version").fetchall()
    queue_articles = {r[0] for r in con.execute("SELECT article_id FROM review_queue").fetchall()}
    con.close()
    assert rows == [(v1.article_id, 1, None), (v2.article_id, 2, v1.article_id)]
    assert queue_articles == {v2.article_id}


def test_failed_claims_go_to_quarantine_with_reason(db) -> None:
    art = make_article()
    good = make_claim(art, "Unemployment fell to 4.2% in October, the statistics office said.")
    bad = make_claim(art, "The mayor opened a new bridge on Monday.")
    counts = stage_and_commit(db, "run-1", [art], [good, bad], reject_claims={bad.claim_id})
    assert counts["claims_queued"] == 1 and counts["claims_quarantined"] == 1
    con = duckdb.connect(str(db), read_only=True)
    q = con.execute('SELECT kind, record_id, "check", reason, first_run_id, times_seen FROM quarantine').fetchall()
    con.close()
    assert q == [("claim", bad.claim_id, "hand-made", "rejected by test", "run-1", 1)]


def test_dead_run_staging_is_adopted_once(db) -> None:
    art = make_article()
    claim = make_claim(art, "Unemployment fell to 4.2% in October, the statistics office said.")
    # run-1 stages, then dies before its commit
    stage_only(db, "run-1", [art], [claim])
    load.fail_run(db, "run-1", "killed")
    # run-2 sees the article as already staged (not re-extracted) and adopts the batch
    counts = stage_and_commit(db, "run-2", [art], [claim])
    assert counts["articles_duplicate"] == 1
    assert counts["articles_stored"] == 1 and counts["claims_queued"] == 1
    assert counts["claims_recovered"] == 1
    assert _count(db, "articles") == 1 and _count(db, "claims") == 1 and _count(db, "claim_entities") == 1
    con = duckdb.connect(str(db), read_only=True)
    status = con.execute("SELECT run_id, status FROM runs ORDER BY run_id").fetchall()
    con.close()
    assert status == [("run-1", "abandoned"), ("run-2", "completed")]


def test_counts_that_do_not_reconcile_roll_back(db) -> None:
    art = make_article()
    stage_only(db, "run-1", [art], [])
    with pytest.raises(WarehouseError, match="run run-1: article counts do not reconcile"):
        load.commit(db, "run-1", articles_passed=[art.article_id], claims_passed=[], entities_passed=[],
                    parts_passed=[], quarantine=[],
                    counts={"articles_in": 5, "articles_duplicate": 0, "articles_rejected": 0})
    # nothing moved: the batch is still staged, whole
    assert _count(db, "articles") == 0 and _count(db, "staging_articles") == 1


def test_article_build_normalizes_and_hashes() -> None:
    a = Article.build("Line one.  \r\n\r\n\r\n\r\nLine two.", origin="x", url="u")
    assert a.text == "Line one.\n\nLine two."
    assert a.article_id == Article.build("Line one.\n\nLine two.", origin="y", url="u").article_id
    assert a.article_id != Article.build("Line one.\n\nLine two.", origin="y", url="v").article_id


def test_overlapping_runs_count_the_late_article_as_duplicate(db) -> None:
    art = make_article()
    claim = make_claim(art, "Unemployment fell to 4.2% in October, the statistics office said.")
    # run-2 plans and stages before run-1 commits the same article
    stage_only(db, "run-2", [art], [claim])
    con = duckdb.connect(str(db))
    con.execute("INSERT INTO articles SELECT * REPLACE ('run-1' AS run_id) FROM staging_articles")
    con.close()
    counts = load.commit(db, "run-2", articles_passed=[art.article_id], claims_passed=[claim.claim_id],
                         entities_passed=[], parts_passed=[], quarantine=[],
                         counts={"articles_in": 1, "articles_duplicate": 0, "articles_rejected": 0})
    assert counts["articles_stored"] == 0 and counts["articles_duplicate"] == 1
    assert _count(db, "articles") == 1 and _count(db, "staging_articles") == 0


def test_commit_refuses_a_gate_that_lost_a_row(db) -> None:
    art = make_article()
    claim = make_claim(art, "Unemployment fell to 4.2% in October, the statistics office said.")
    stage_only(db, "run-1", [art], [claim])
    with pytest.raises(WarehouseError, match="run run-1: 1 staged claim.* neither passed nor quarantined"):
        load.commit(db, "run-1", articles_passed=[art.article_id], claims_passed=[], entities_passed=[],
                    parts_passed=[], quarantine=[], counts={"articles_in": 1})
    assert _count(db, "articles") == 0 and _count(db, "staging_claims") == 1


def test_fail_run_does_not_touch_a_completed_run(db) -> None:
    art = make_article()
    stage_and_commit(db, "run-1", [art], [])
    load.fail_run(db, "run-1", "late error\nwith a second line")
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT status, error FROM runs").fetchall() == [("completed", None)]
    con.close()
