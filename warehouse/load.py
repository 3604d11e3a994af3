"""Loading a run's batch: runs bookkeeping, staging, and the atomic commit.

A run moves its rows through three short transactions:

1. :func:`stage` writes the new articles and their claims (with entities and
   parts) to the ``staging_*`` tables, tagged with the run id;
2. the gate (``checks``) validates what :func:`staged_frames` hands it;
3. :func:`commit` moves passing rows to ``articles``/``claims``/children,
   failing rows to ``quarantine``, clears the run's staging rows and writes
   the run's counts, all in one transaction.

If a run dies between 1 and 3, its staging rows stay behind, and the next run
adopts them (:func:`adopt_orphans`) and gates them with its own batch: the
batch is completed once, never duplicated.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claims.records import Article, Claim, Rejected, stable_id
from warehouse.connection import reader, writer
from warehouse.errors import WarehouseError

if TYPE_CHECKING:
    import duckdb
    import pandas as pd

# A run still marked 'running' after this long is taken to have died.
STALE_RUN_AFTER = timedelta(hours=1)


def now_utc() -> datetime:
    return datetime.now(UTC)


def first_line(text: str) -> str:
    """The first non-empty line of a message (DuckDB and GX errors run to several)."""
    for line in str(text).splitlines():
        if line.strip():
            return line.strip()
    return ""


def new_run_id() -> str:
    """Sortable, unique run id: ``r20261128T021500Z-1a2b3c``."""
    ts = now_utc()
    return "r" + ts.strftime("%Y%m%dT%H%M%SZ") + "-" + stable_id(ts.isoformat(), id(ts), length=6)


# --------------------------------------------------------------------------- runs
def start_run(
    db_path: Path,
    run_id: str,
    *,
    sources: Sequence[str],
    model: str | None = None,
    extractor: str | None = None,
    flow_run_id: str | None = None,
    lock_timeout: float = 30.0,
) -> None:
    with writer(db_path, lock_timeout=lock_timeout) as con:
        con.execute(
            "INSERT INTO runs (run_id, flow_run_id, started_at, status, sources, model, extractor) "
            "VALUES (?, ?, ?, 'running', ?, ?, ?)",
            [run_id, flow_run_id, now_utc(), list(sources), model, extractor],
        )


def fail_run(db_path: Path, run_id: str, error: str, *, lock_timeout: float = 30.0) -> None:
    """Mark a run failed with its one-line error (its staging rows stay for adoption)."""
    with writer(db_path, lock_timeout=lock_timeout) as con:
        con.execute(
            "UPDATE runs SET status = 'failed', finished_at = ?, error = ? WHERE run_id = ? AND status = 'running'",
            [now_utc(), first_line(error)[:2000], run_id],
        )


# ------------------------------------------------------------- article planning
@dataclass
class ArticlePlan:
    """Which ingested articles are new, which are already stored."""

    new: list[Article] = field(default_factory=list)
    duplicates: list[Article] = field(default_factory=list)
    version: dict[str, int] = field(default_factory=dict)  # article_id -> version
    supersedes: dict[str, str] = field(default_factory=dict)  # article_id -> older article_id


def plan_articles(
    articles: Iterable[Article],
    stored_ids: set[str],
    latest_by_url: dict[str, tuple[str, int]],
) -> ArticlePlan:
    """Pure: split articles into new/duplicate and give new ones their version.

    The same text at the same URL is the same article (a duplicate, a no-op).
    A known URL with new text becomes version n+1, linked to version n.
    """
    plan = ArticlePlan()
    seen: set[str] = set()
    latest = dict(latest_by_url)
    for art in articles:
        if art.article_id in stored_ids or art.article_id in seen:
            plan.duplicates.append(art)
            continue
        seen.add(art.article_id)
        version, older = 1, None
        if art.url and art.url in latest:
            older, prev = latest[art.url]
            version = prev + 1
        plan.new.append(art)
        plan.version[art.article_id] = version
        if older:
            plan.supersedes[art.article_id] = older
        if art.url:
            latest[art.url] = (art.article_id, version)
    return plan


def known_articles(
    db_path: Path, articles: Sequence[Article], *, lock_timeout: float = 30.0
) -> tuple[set[str], dict[str, tuple[str, int]]]:
    """Stored (or staged) ids among ``articles``, and the latest version per URL."""
    if not Path(db_path).exists():
        return set(), {}
    import pyarrow as pa

    ids = pa.table({"article_id": pa.array([a.article_id for a in articles], pa.string())})
    urls = pa.table({"url": pa.array(sorted({a.url for a in articles if a.url}), pa.string())})
    with writer(db_path, lock_timeout=lock_timeout) as con:  # writer: migrates a new file
        con.register("batch_ids", ids)
        con.register("batch_urls", urls)
        stored = {
            r[0]
            for r in con.execute(
                "SELECT article_id FROM articles WHERE article_id IN (SELECT article_id FROM batch_ids) "
                "UNION SELECT article_id FROM staging_articles WHERE article_id IN (SELECT article_id FROM batch_ids)"
            ).fetchall()
        }
        latest = {
            r[0]: (r[1], int(r[2]))
            for r in con.execute(
                "SELECT url, arg_max(article_id, version), max(version) FROM ("
                "  SELECT url, article_id, version FROM articles"
                "  UNION ALL SELECT url, article_id, version FROM staging_articles"
                ") WHERE url IN (SELECT url FROM batch_urls) GROUP BY url"
            ).fetchall()
        }
    return stored, latest


# ----------------------------------------------------------------------- staging
def article_rows(plan: ArticlePlan, run_id: str, ingested_at: datetime) -> list[dict[str, Any]]:
    rows = []
    for a in plan.new:
        rows.append(
            {
                "article_id": a.article_id,
                "url": a.url,
                "title": a.title,
                "source": a.source,
                "author": a.author,
                "published": a.published,
                "text": a.text,
                "origin": a.origin,
                "content_hash": stable_id("text", a.text, length=32),
                "version": plan.version[a.article_id],
                "supersedes": plan.supersedes.get(a.article_id),
                "fetched_at": a.fetched_at,
                "ingested_at": ingested_at,
                "ingest_date": ingested_at.date(),
                "run_id": run_id,
            }
        )
    return rows


def claim_rows(claims: Sequence[Claim], run_id: str) -> tuple[list[dict], list[dict], list[dict]]:
    """Flatten claims into (claims, entities, parts) rows for staging."""
    c_rows, e_rows, p_rows = [], [], []
    for c in claims:
        row = c.to_row()
        row["run_id"] = run_id
        c_rows.append(row)
        if c.analysis is None:
            continue
        for e in c.analysis.entities:
            e_rows.append(
                {
                    "entity_id": stable_id("entity", c.claim_id, e.kind, e.start, e.end, e.text),
                    "claim_id": c.claim_id,
                    "article_id": c.article_id,
                    "kind": e.kind,
                    "text": e.text,
                    "char_start": e.start,
                    "char_end": e.end,
                    "value": e.value,
                    "unit": e.unit,
                    "run_id": run_id,
                }
            )
        for p in c.analysis.parts:
            p_rows.append(
                {
                    "part_id": stable_id("part", c.claim_id, p.role, p.start, p.end, p.text),
                    "claim_id": c.claim_id,
                    "role": p.role,
                    "text": p.text,
                    "char_start": p.start,
                    "char_end": p.end,
                    "run_id": run_id,
                }
            )
    return c_rows, e_rows, p_rows


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict]) -> int:
    if not rows:
        return 0
    import pyarrow as pa

    data = pa.Table.from_pylist(rows)
    con.register("_rows", data)
    try:
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _rows")
    finally:
        con.unregister("_rows")
    return len(rows)


def stage(
    db_path: Path,
    run_id: str,
    *,
    articles: list[dict],
    claims: list[dict],
    entities: list[dict],
    parts: list[dict],
    lock_timeout: float = 30.0,
) -> dict[str, int]:
    """Write one run's batch to staging, whole or not at all (re-staging replaces it)."""
    with writer(db_path, lock_timeout=lock_timeout) as con:
        for table in ("staging_articles", "staging_claims", "staging_entities", "staging_parts"):
            con.execute(f"DELETE FROM {table} WHERE run_id = ?", [run_id])
        return {
            "articles": _insert(con, "staging_articles", articles),
            "claims": _insert(con, "staging_claims", claims),
            "entities": _insert(con, "staging_entities", entities),
            "parts": _insert(con, "staging_parts", parts),
        }


def adopt_orphans(db_path: Path, run_id: str, *, lock_timeout: float = 30.0) -> dict[str, int]:
    """Take over staging rows left by runs that died before their commit.

    A run counts as dead when it is marked failed, or still 'running' after
    STALE_RUN_AFTER, or has no runs row at all.  Returns rows adopted per table.
    """
    if not Path(db_path).exists():
        return {"articles": 0, "claims": 0}
    cutoff = now_utc() - STALE_RUN_AFTER
    adopted: dict[str, int] = {}
    with writer(db_path, lock_timeout=lock_timeout) as con:
        dead = [
            r[0]
            for r in con.execute(
                """
                SELECT DISTINCT s.run_id FROM (
                    SELECT run_id FROM staging_articles UNION SELECT run_id FROM staging_claims
                    UNION SELECT run_id FROM staging_entities UNION SELECT run_id FROM staging_parts) s
                LEFT JOIN runs r USING (run_id)
                WHERE s.run_id <> ? AND (r.run_id IS NULL OR r.status <> 'running' OR r.started_at < ?)
                """,
                [run_id, cutoff],
            ).fetchall()
        ]
        for table, key in (
            ("staging_articles", "articles"),
            ("staging_claims", "claims"),
            ("staging_entities", "entities"),
            ("staging_parts", "parts"),
        ):
            n = 0
            for old in dead:
                n += int(
                    con.execute(
                        f"SELECT count(*) FROM {table} WHERE run_id = ?", [old]
                    ).fetchall()[0][0]
                )
                con.execute(f"UPDATE {table} SET run_id = ? WHERE run_id = ?", [run_id, old])
            adopted[key] = n
        for old in dead:
            con.execute(
                "UPDATE runs SET status = 'abandoned', error = coalesce(error, '') || ? "
                "WHERE run_id = ? AND status <> 'completed'",
                [f" staging adopted by {run_id}", old],
            )
    return adopted


@dataclass
class StagedBatch:
    """One run's staged rows as DataFrames, shaped for ``checks.gate.run_gate``."""

    articles: pd.DataFrame
    claims: pd.DataFrame
    entities: pd.DataFrame
    parts: pd.DataFrame
    reference_articles: pd.DataFrame


def staged_frames(db_path: Path, run_id: str, *, lock_timeout: float = 30.0) -> StagedBatch:
    """Pull the run's staged batch (GX validates DataFrames, not DuckDB tables)."""
    with reader(db_path, lock_timeout=lock_timeout) as con:
        arts = con.execute("SELECT * FROM staging_articles WHERE run_id = ?", [run_id]).df()
        claims = con.execute(
            "SELECT * FROM staging_claims WHERE run_id = ? ORDER BY article_id, char_start", [run_id]
        ).df()
        ents = con.execute(
            "SELECT * EXCLUDE (char_start, char_end), char_start AS start, char_end AS \"end\" "
            "FROM staging_entities WHERE run_id = ?",
            [run_id],
        ).df()
        parts = con.execute(
            "SELECT * EXCLUDE (char_start, char_end), char_start AS start, char_end AS \"end\" "
            "FROM staging_parts WHERE run_id = ?",
            [run_id],
        ).df()
        ref = con.execute(
            """
            SELECT article_id, text FROM staging_articles WHERE run_id = ?
            UNION ALL
            SELECT article_id, text FROM articles
            WHERE article_id IN (SELECT article_id FROM staging_claims WHERE run_id = ?)
            """,
            [run_id, run_id],
        ).df()
    for frame in (claims,):
        for col in ("claim_types", "flags"):
            if col in frame:
                frame[col] = frame[col].map(lambda v: [] if v is None else list(v))
    return StagedBatch(arts, claims, ents, parts, ref)


# ------------------------------------------------------------------------ commit
def quarantine_rows(
    run_id: str, gate_quarantine: pd.DataFrame | None, rejected: Sequence[Rejected]
) -> list[dict[str, Any]]:
    """Rows for the quarantine table from gate failures and ingest rejects."""
    rows: list[dict[str, Any]] = []
    if gate_quarantine is not None and len(gate_quarantine):
        for rec in gate_quarantine.to_dict("records"):
            rows.append(
                {
                    "kind": str(rec["kind"]),
                    "record_id": str(rec["record_id"]),
                    "check": str(rec["check"]),
                    "reason": str(rec["reason"]),
                    "stage": "check",
                    "payload": rec.get("payload"),
                }
            )
    for rej in rejected:
        rows.append(
            {
                "kind": "source",
                "record_id": rej.source,
                "check": f"{rej.stage}:readable",
                "reason": rej.reason,
                "stage": rej.stage,
                "payload": json.dumps({"source": rej.source}),
            }
        )
    seen: set[str] = set()
    out = []
    for r in rows:
        r["quarantine_id"] = stable_id("quarantine", r["kind"], r["record_id"], r["check"])
        if r["quarantine_id"] in seen:
            continue
        seen.add(r["quarantine_id"])
        out.append(r)
    return out


def commit(
    db_path: Path,
    run_id: str,
    *,
    articles_passed: Sequence[str],
    claims_passed: Sequence[str],
    entities_passed: Sequence[str],
    parts_passed: Sequence[str],
    quarantine: list[dict[str, Any]],
    counts: dict[str, int],
    report_path: str | None = None,
    lock_timeout: float = 30.0,
) -> dict[str, int]:
    """Move the run's staged batch to its final tables, in one transaction.

    Returns the final counts that were written to the ``runs`` row.  Raises
    :class:`WarehouseError` (naming the run) when the counts do not reconcile.
    """
    import pyarrow as pa

    ts = now_utc()
    quarantined_ids = {
        kind: {q["record_id"] for q in quarantine if q["kind"] == kind and q.get("stage") == "check"}
        for kind in ("article", "claim")
    }
    with writer(db_path, lock_timeout=lock_timeout) as con:
        done = con.execute("SELECT status FROM runs WHERE run_id = ?", [run_id]).fetchall()
        if done and done[0][0] == "completed":
            # A retried enqueue after a commit that went through: report, don't redo.
            return stored_counts(con, run_id)
        con.register("ok_articles", pa.table({"id": pa.array(list(articles_passed), pa.string())}))
        con.register("ok_claims", pa.table({"id": pa.array(list(claims_passed), pa.string())}))
        staged = _staged_ids(con, "staging_articles", "article_id", run_id)
        staged_claims = _staged_ids(con, "staging_claims", "claim_id", run_id)
        # The gate must account for every staged row: passed or quarantined.
        for kind, ids, passed in (
            ("article", staged, set(articles_passed)),
            ("claim", staged_claims, set(claims_passed)),
        ):
            unaccounted = ids - passed - quarantined_ids[kind]
            if unaccounted:
                raise WarehouseError(
                    f"run {run_id}: {len(unaccounted)} staged {kind}(s) neither passed nor quarantined, "
                    f"e.g. {sorted(unaccounted)[0]}; nothing was committed"
                )
        passed_articles = staged & set(articles_passed)
        # Stored meanwhile by an overlapping run: a duplicate, not a new article.
        already = con.execute(
            "SELECT count(*) FROM staging_articles WHERE run_id = ? "
            "AND article_id IN (SELECT id FROM ok_articles) AND article_id IN (SELECT article_id FROM articles)",
            [run_id],
        ).fetchall()[0][0]
        stored = con.execute(
            "INSERT OR IGNORE INTO articles SELECT * FROM staging_articles "
            "WHERE run_id = ? AND article_id IN (SELECT id FROM ok_articles)",
            [run_id],
        ).fetchall()[0][0]
        queued = con.execute(
            "INSERT OR IGNORE INTO claims BY NAME "
            "SELECT *, ? AS queued_at, 'queued' AS status FROM staging_claims "
            "WHERE run_id = ? AND claim_id IN (SELECT id FROM ok_claims)",
            [ts, run_id],
        ).fetchall()[0][0]
        passed_claims = staged_claims & set(claims_passed)
        con.register("ok_entities", pa.table({"id": pa.array(list(entities_passed), pa.string())}))
        con.register("ok_parts", pa.table({"id": pa.array(list(parts_passed), pa.string())}))
        for table, child, key, ok in (
            ("staging_entities", "claim_entities", "entity_id", "ok_entities"),
            ("staging_parts", "claim_parts", "part_id", "ok_parts"),
        ):
            con.execute(
                f"INSERT INTO {child} SELECT * FROM {table} WHERE run_id = ? "
                f"AND claim_id IN (SELECT id FROM ok_claims) AND {key} IN (SELECT id FROM {ok}) "
                f"AND {key} NOT IN (SELECT {key} FROM {child})",
                [run_id],
            )
        _upsert_quarantine(con, run_id, quarantine, ts)
        for table in ("staging_articles", "staging_claims", "staging_entities", "staging_parts"):
            con.execute(f"DELETE FROM {table} WHERE run_id = ?", [run_id])
        final = dict(counts)
        final.update(
            articles_duplicate=counts.get("articles_duplicate", 0) + int(already),
            articles_stored=int(stored),
            articles_quarantined=len(staged - passed_articles),
            claims_in=len(staged_claims),
            claims_queued=int(queued),
            claims_existing=len(passed_claims) - int(queued),
            claims_quarantined=len(staged_claims - passed_claims),
        )
        _check_reconciles(run_id, final)
        con.execute(
            """
            UPDATE runs SET status = 'completed', finished_at = ?, report_path = ?, error = NULL,
                articles_in = ?, articles_duplicate = ?, articles_rejected = ?,
                articles_quarantined = ?, articles_stored = ?, sentences = ?,
                claims_in = ?, claims_recovered = ?, claims_existing = ?,
                claims_quarantined = ?, claims_queued = ?
            WHERE run_id = ?
            """,
            [
                ts,
                report_path,
                final.get("articles_in", 0),
                final["articles_duplicate"],
                final.get("articles_rejected", 0),
                final["articles_quarantined"],
                final["articles_stored"],
                final.get("sentences", 0),
                final["claims_in"],
                final.get("claims_recovered", 0),
                final["claims_existing"],
                final["claims_quarantined"],
                final["claims_queued"],
                run_id,
            ],
        )
    return final


COUNT_COLUMNS = (
    "articles_in", "articles_duplicate", "articles_rejected", "articles_quarantined", "articles_stored",
    "sentences", "claims_in", "claims_recovered", "claims_existing", "claims_quarantined", "claims_queued",
)


def stored_counts(con: duckdb.DuckDBPyConnection, run_id: str) -> dict[str, int]:
    """The counts a completed run wrote to its ``runs`` row."""
    row = con.execute(f"SELECT {', '.join(COUNT_COLUMNS)} FROM runs WHERE run_id = ?", [run_id]).fetchall()
    return {k: int(v or 0) for k, v in zip(COUNT_COLUMNS, row[0], strict=True)}


def _staged_ids(con: duckdb.DuckDBPyConnection, table: str, key: str, run_id: str) -> set[str]:
    return {r[0] for r in con.execute(f"SELECT {key} FROM {table} WHERE run_id = ?", [run_id]).fetchall()}


def _upsert_quarantine(
    con: duckdb.DuckDBPyConnection, run_id: str, rows: list[dict[str, Any]], ts: datetime
) -> None:
    for r in rows:
        con.execute(
            """
            INSERT INTO quarantine (quarantine_id, kind, record_id, "check", reason, stage, payload,
                                    first_run_id, last_run_id, first_seen, last_seen, times_seen)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
            ON CONFLICT (quarantine_id) DO UPDATE SET
                reason = excluded.reason, payload = excluded.payload,
                last_run_id = excluded.last_run_id, last_seen = excluded.last_seen,
                times_seen = quarantine.times_seen + 1
            """,
            [
                r["quarantine_id"], r["kind"], r["record_id"], r["check"], r["reason"], r["stage"],
                r.get("payload"), run_id, run_id, ts, ts,
            ],
        )


def _check_reconciles(run_id: str, c: dict[str, int]) -> None:
    """articles in = duplicate + rejected + (stored + quarantined - adopted); claims in = queued + existing + quarantined."""
    art_new = c["articles_stored"] + c["articles_quarantined"] - c.get("articles_recovered", 0)
    art_total = c.get("articles_duplicate", 0) + c.get("articles_rejected", 0) + art_new
    if "articles_in" in c and c["articles_in"] != art_total:
        raise WarehouseError(
            f"run {run_id}: article counts do not reconcile: in={c['articles_in']} "
            f"but duplicate+rejected+stored+quarantined-recovered={art_total}"
        )
    claims_out = c["claims_queued"] + c["claims_existing"] + c["claims_quarantined"]
    if c["claims_in"] != claims_out:
        raise WarehouseError(
            f"run {run_id}: claim counts do not reconcile: in={c['claims_in']} "
            f"but queued+existing+quarantined={claims_out}"
        )
