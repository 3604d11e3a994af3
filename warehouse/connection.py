"""The one door to DuckDB: short write connections, read-only readers, lock retries.

DuckDB allows one process to hold a file read-write, and while it does, no
other process can open it at all, not even read-only.  So:

* writers open, do one short transaction, and close (:func:`writer`);
* readers open read-only and retry while a writer holds the file
  (:func:`reader`), up to ``lock_timeout`` seconds, then fail with a one-line
  :class:`WarehouseBusy` that points at the snapshot;
* long SQL sessions use the snapshot (:mod:`warehouse.snapshot`), a copy
  refreshed after each run, which nobody writes to.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from warehouse.errors import WarehouseBusy, WarehouseError, WarehouseMissing

if TYPE_CHECKING:
    import duckdb


def _is_lock_error(exc: Exception) -> bool:
    text = str(exc)
    return "Could not set lock" in text or "Conflicting lock" in text


def open_connection(
    db_path: Path, *, read_only: bool = False, lock_timeout: float = 30.0
) -> duckdb.DuckDBPyConnection:
    """Open ``db_path``, retrying while another process holds its lock."""
    import duckdb

    db_path = Path(db_path)
    if read_only and not db_path.exists():
        raise WarehouseMissing(
            f"{db_path}: no warehouse yet; run `claimflow run` first (or pass --home)"
        )
    if not read_only:
        db_path.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + max(lock_timeout, 0.0)
    delay = 0.05
    while True:
        try:
            con = duckdb.connect(str(db_path), read_only=read_only)
            # Dates of TIMESTAMPTZ columns (export partitions) are UTC dates on any machine.
            con.execute("SET TimeZone = 'UTC'")
            return con
        except duckdb.Error as exc:
            if not _is_lock_error(exc):
                raise WarehouseError(f"{db_path}: cannot open warehouse: {exc}") from None
            if time.monotonic() >= deadline:
                raise WarehouseBusy(
                    f"{db_path}: warehouse is busy (another claimflow process holds it, "
                    f"waited {lock_timeout:.0f}s); retry later, raise CLAIMFLOW_LOCK_TIMEOUT, "
                    "or query the snapshot with --snapshot"
                ) from None
            time.sleep(delay)
            delay = min(delay * 2, 1.0)


@contextmanager
def writer(db_path: Path, *, lock_timeout: float = 30.0) -> Iterator[duckdb.DuckDBPyConnection]:
    """A short read-write connection that runs one transaction.

    Commits when the block ends, rolls back on an exception: a batch is
    either written whole or not at all.
    """
    import duckdb

    from warehouse.schema import migrate

    con = open_connection(db_path, lock_timeout=lock_timeout)
    try:
        migrate(con, db_path)
        con.execute("BEGIN TRANSACTION")
        try:
            yield con
        except BaseException:
            con.execute("ROLLBACK")
            raise
        con.execute("COMMIT")
    except duckdb.Error as exc:
        raise WarehouseError(f"{db_path}: {_first_line(exc)}") from exc
    finally:
        con.close()


@contextmanager
def reader(db_path: Path, *, lock_timeout: float = 30.0) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection (retries while a writer holds the file)."""
    import duckdb

    from warehouse.schema import check_version

    con = open_connection(db_path, read_only=True, lock_timeout=lock_timeout)
    try:
        check_version(con, db_path)
        yield con
    except duckdb.Error as exc:
        raise WarehouseError(f"{db_path}: {_first_line(exc)}") from exc
    finally:
        con.close()


def _first_line(exc: BaseException) -> str:
    lines = [line for line in str(exc).splitlines() if line.strip()]
    return lines[0] if lines else type(exc).__name__
