from __future__ import annotations

import duckdb

from tests.warehouse.conftest import make_article, make_claim, stage_and_commit
from tests.warehouse.test_connection import _hold_lock
from warehouse.export import export_run, refresh_snapshot


def test_export_is_hive_partitioned_parquet(db, tmp_path) -> None:
    art = make_article()
    claim = make_claim(art, "Unemployment fell to 4.2% in October, the statistics office said.")
    stage_and_commit(db, "run-1", [art], [claim])
    out = tmp_path / "exports"
    written = export_run(db, out, "run-1")
    assert written["articles"] == 1 and written["claims"] == 1 and written["runs"] == 1
    files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.parquet"))
    assert any(f.startswith("claims/ingest_date=") and f.endswith("run-run-1-0.parquet") for f in files)
    con = duckdb.connect()
    rows = con.execute(
        f"SELECT claim_id, ingest_date FROM read_parquet('{out}/claims/*/*.parquet', hive_partitioning=true)"
    ).fetchall()
    assert rows[0][0] == claim.claim_id and rows[0][1] is not None
    # a second run that adds nothing writes nothing
    stage_and_commit(db, "run-2", [art], [claim])
    assert sum(export_run(db, out, "run-2").values()) == 1  # only its runs row
    n = con.execute(f"SELECT count(*) FROM read_parquet('{out}/claims/*/*.parquet', hive_partitioning=true)").fetchall()
    assert n == [(1,)]


def test_snapshot_is_readable_while_a_writer_holds_the_live_file(db, tmp_path) -> None:
    art = make_article()
    stage_and_commit(db, "run-1", [art], [make_claim(art, "The mayor opened a new bridge on Monday.")])
    snap = refresh_snapshot(db, tmp_path / "snap" / "warehouse.duckdb")
    proc = _hold_lock(db, 10)
    try:
        con = duckdb.connect(str(snap), read_only=True)
        assert con.execute("SELECT count(*) FROM review_queue").fetchall() == [(1,)]
        con.close()
    finally:
        proc.kill()
        proc.wait()
