from __future__ import annotations

import subprocess
import sys
import time

import pytest

from warehouse.connection import reader, writer
from warehouse.errors import WarehouseBusy, WarehouseMissing
from warehouse.schema import SCHEMA_VERSION, current_version, migrate

HOLD = """
import sys, time, duckdb
con = duckdb.connect(sys.argv[1])
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
con.close()
"""


def _hold_lock(db, seconds: float) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(db), str(seconds)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
    return proc


def test_migrate_is_idempotent(db) -> None:
    with writer(db) as con:
        assert current_version(con) == SCHEMA_VERSION
        assert migrate(con) == SCHEMA_VERSION
        tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert {"articles", "claims", "quarantine", "runs", "review_queue", "verdicts"} <= tables


def test_reader_on_missing_file_names_it(tmp_path) -> None:
    missing = tmp_path / "nope.duckdb"
    with pytest.raises(WarehouseMissing, match="nope.duckdb: no warehouse yet"):
        with reader(missing):
            pass


def test_reader_gives_up_with_one_line_when_a_writer_holds_the_file(db) -> None:
    with writer(db):
        pass
    proc = _hold_lock(db, 5)
    try:
        t0 = time.monotonic()
        with pytest.raises(WarehouseBusy) as info:
            with reader(db, lock_timeout=0.5):
                pass
        assert time.monotonic() - t0 < 4
        assert "warehouse is busy" in str(info.value) and "\n" not in str(info.value)
    finally:
        proc.kill()
        proc.wait()


def test_reader_waits_for_a_short_writer(db) -> None:
    with writer(db):
        pass
    proc = _hold_lock(db, 1.0)
    try:
        with reader(db, lock_timeout=20) as con:
            assert con.execute("SELECT count(*) FROM claims").fetchall() == [(0,)]
    finally:
        proc.wait()


def test_writer_rolls_back_a_failed_block(db) -> None:
    with pytest.raises(RuntimeError):
        with writer(db) as con:
            con.execute("INSERT INTO verdicts VALUES ('v', 'c', 'r', 'true', NULL, NULL, now())")
            raise RuntimeError("boom")
    with reader(db) as con:
        assert con.execute("SELECT count(*) FROM verdicts").fetchall() == [(0,)]
