"""Parquet exports (pyarrow), hive-partitioned by ingest date, and the snapshot.

Each run exports the rows it added, so the exports grow with the warehouse:

    <home>/exports/<table>/ingest_date=YYYY-MM-DD/run-<run_id>-0.parquet

Read them back with DuckDB:
``SELECT * FROM read_parquet('<home>/exports/claims/*/*.parquet', hive_partitioning=true)``.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

from warehouse.connection import reader, writer
from warehouse.errors import WarehouseError

# table -> (query selecting this run's rows, with an ingest_date column)
_EXPORTS: dict[str, str] = {
    "articles": "SELECT * FROM articles WHERE run_id = $run_id",
    "claims": "SELECT *, CAST(queued_at AS DATE) AS ingest_date FROM claims WHERE run_id = $run_id",
    "claim_entities": (
        "SELECT e.*, CAST(c.queued_at AS DATE) AS ingest_date FROM claim_entities e "
        "JOIN claims c USING (claim_id) WHERE e.run_id = $run_id"
    ),
    "claim_parts": (
        "SELECT p.*, CAST(c.queued_at AS DATE) AS ingest_date FROM claim_parts p "
        "JOIN claims c USING (claim_id) WHERE p.run_id = $run_id"
    ),
    "quarantine": (
        "SELECT *, CAST(first_seen AS DATE) AS ingest_date FROM quarantine WHERE first_run_id = $run_id"
    ),
    "runs": "SELECT *, CAST(started_at AS DATE) AS ingest_date FROM runs WHERE run_id = $run_id",
}


def export_run(db_path: Path, exports_dir: Path, run_id: str, *, lock_timeout: float = 30.0) -> dict[str, int]:
    """Write the run's rows of each table as Parquet; return rows written per table."""
    import pyarrow.dataset as ds

    written: dict[str, int] = {}
    tables = {}
    with reader(db_path, lock_timeout=lock_timeout) as con:
        for name, query in _EXPORTS.items():
            tables[name] = con.sql(query, params={"run_id": run_id}).to_arrow_table()
    for name, table in tables.items():
        written[name] = table.num_rows
        if table.num_rows == 0:
            continue
        try:
            ds.write_dataset(
                table,
                base_dir=str(exports_dir / name),
                format="parquet",
                partitioning=["ingest_date"],
                partitioning_flavor="hive",
                basename_template=f"run-{run_id}-{{i}}.parquet",
                existing_data_behavior="overwrite_or_ignore",
            )
        except (OSError, ValueError) as exc:
            raise WarehouseError(f"run {run_id}: cannot export {name} to {exports_dir / name}: {exc}") from None
    return written


def refresh_snapshot(db_path: Path, snapshot_path: Path, *, lock_timeout: float = 30.0) -> Path:
    """Copy the warehouse to ``snapshot_path`` consistently, then swap it in atomically.

    Reviewers can keep a long SQL session open on the snapshot while runs
    write to the live file.
    """
    snapshot_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = snapshot_path.with_name(f".{snapshot_path.stem}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp.duckdb")
    try:
        with writer(db_path, lock_timeout=lock_timeout) as con:
            con.execute("COMMIT")  # ATTACH/COPY FROM DATABASE cannot run inside our transaction
            try:
                main = con.execute("SELECT current_database()").fetchall()[0][0]
                quoted = str(tmp).replace("'", "''")
                con.execute(f"ATTACH '{quoted}' AS snap")
                con.execute(f'COPY FROM DATABASE "{main}" TO snap')
                con.execute("DETACH snap")
            finally:
                con.execute("BEGIN TRANSACTION")
        os.replace(tmp, snapshot_path)
    except OSError as exc:
        raise WarehouseError(f"{snapshot_path}: cannot write the snapshot: {exc}") from None
    finally:
        for leftover in (tmp, Path(str(tmp) + ".wal")):
            leftover.unlink(missing_ok=True)
    return snapshot_path
