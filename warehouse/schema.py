"""The warehouse schema, as numbered migrations.

The table and view names and their columns are the SQL contract that
fact-checkers write queries against; ``docs/schema.md`` documents them and a
test checks that every column here is documented there.  Never edit a
migration that has shipped: add a new one.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from warehouse.errors import WarehouseError

if TYPE_CHECKING:
    import duckdb

_ARTICLE_COLUMNS = """
    article_id   VARCHAR NOT NULL,
    url          VARCHAR,
    title        VARCHAR,
    source       VARCHAR,
    author       VARCHAR,
    published    TIMESTAMPTZ,
    text         VARCHAR NOT NULL,
    origin       VARCHAR NOT NULL,
    content_hash VARCHAR NOT NULL,
    version      INTEGER NOT NULL,
    supersedes   VARCHAR,
    fetched_at   TIMESTAMPTZ,
    ingested_at  TIMESTAMPTZ NOT NULL,
    ingest_date  DATE NOT NULL,
    run_id       VARCHAR NOT NULL
"""

_CLAIM_COLUMNS = """
    claim_id       VARCHAR NOT NULL,
    article_id     VARCHAR NOT NULL,
    sentence       VARCHAR NOT NULL,
    claim          VARCHAR NOT NULL,
    char_start     INTEGER NOT NULL,
    char_end       INTEGER NOT NULL,
    sentence_index INTEGER NOT NULL,
    score          DOUBLE NOT NULL,
    model          VARCHAR NOT NULL,
    threshold      DOUBLE NOT NULL,
    extractor      VARCHAR NOT NULL,
    extracted_at   TIMESTAMPTZ NOT NULL,
    publisher      VARCHAR,
    attribution    VARCHAR NOT NULL,
    speaker        VARCHAR,
    speaker_role   VARCHAR,
    speaker_start  INTEGER,
    speaker_end    INTEGER,
    quote_start    INTEGER,
    quote_end      INTEGER,
    claim_types    VARCHAR[] NOT NULL,
    checkable      BOOLEAN NOT NULL,
    flags          VARCHAR[] NOT NULL,
    run_id         VARCHAR NOT NULL
"""

_ENTITY_COLUMNS = """
    entity_id  VARCHAR NOT NULL,
    claim_id   VARCHAR NOT NULL,
    article_id VARCHAR NOT NULL,
    kind       VARCHAR NOT NULL,
    text       VARCHAR NOT NULL,
    char_start INTEGER NOT NULL,
    char_end   INTEGER NOT NULL,
    value      VARCHAR,
    unit       VARCHAR,
    run_id     VARCHAR NOT NULL
"""

_PART_COLUMNS = """
    part_id    VARCHAR NOT NULL,
    claim_id   VARCHAR NOT NULL,
    role       VARCHAR NOT NULL,
    text       VARCHAR NOT NULL,
    char_start INTEGER,
    char_end   INTEGER,
    run_id     VARCHAR NOT NULL
"""

# The review queue: claims awaiting review, newest article versions only,
# ordered by priority = score x checkable factor x recency.
_REVIEW_QUEUE = """
CREATE OR REPLACE VIEW review_queue AS
SELECT
    c.claim_id,
    round(c.score
          * CASE WHEN c.checkable THEN 1.0 ELSE 0.25 END
          * 1.0 / (1.0 + greatest(date_diff('hour', coalesce(a.published, a.ingested_at), now()), 0) / (24.0 * 14)),
          4) AS priority,
    c.status,
    c.assignee,
    c.claim,
    c.speaker,
    c.speaker_role,
    c.claim_types,
    c.checkable,
    c.score,
    c.sentence,
    c.article_id,
    a.title,
    a.source,
    a.url,
    a.published,
    c.char_start,
    c.char_end,
    c.queued_at
FROM claims c
JOIN articles a USING (article_id)
WHERE c.status IN ('queued', 'in_review')
  AND NOT EXISTS (SELECT 1 FROM articles n WHERE n.supersedes = a.article_id)
ORDER BY priority DESC, c.queued_at, c.claim_id
"""

MIGRATIONS: list[tuple[int, str, str]] = [
    (
        1,
        "articles, claims, entities, parts, quarantine, runs, verdicts, staging, review_queue",
        f"""
CREATE TABLE runs (
    run_id               VARCHAR PRIMARY KEY,
    flow_run_id          VARCHAR,
    started_at           TIMESTAMPTZ NOT NULL,
    finished_at          TIMESTAMPTZ,
    status               VARCHAR NOT NULL,
    sources              VARCHAR[],
    model                VARCHAR,
    extractor            VARCHAR,
    articles_in          INTEGER,
    articles_duplicate   INTEGER,
    articles_rejected    INTEGER,
    articles_quarantined INTEGER,
    articles_stored      INTEGER,
    sentences            INTEGER,
    claims_in            INTEGER,
    claims_recovered     INTEGER,
    claims_existing      INTEGER,
    claims_quarantined   INTEGER,
    claims_queued        INTEGER,
    report_path          VARCHAR,
    error                VARCHAR
);
CREATE TABLE articles ({_ARTICLE_COLUMNS}, PRIMARY KEY (article_id));
CREATE TABLE claims (
    {_CLAIM_COLUMNS},
    queued_at TIMESTAMPTZ NOT NULL,
    status    VARCHAR NOT NULL DEFAULT 'queued',
    assignee  VARCHAR,
    taken_at  TIMESTAMPTZ,
    PRIMARY KEY (claim_id)
);
CREATE TABLE claim_entities ({_ENTITY_COLUMNS});
CREATE TABLE claim_parts ({_PART_COLUMNS});
CREATE TABLE quarantine (
    quarantine_id VARCHAR PRIMARY KEY,
    kind          VARCHAR NOT NULL,
    record_id     VARCHAR NOT NULL,
    "check"       VARCHAR NOT NULL,
    reason        VARCHAR NOT NULL,
    stage         VARCHAR NOT NULL,
    payload       VARCHAR,
    first_run_id  VARCHAR NOT NULL,
    last_run_id   VARCHAR NOT NULL,
    first_seen    TIMESTAMPTZ NOT NULL,
    last_seen     TIMESTAMPTZ NOT NULL,
    times_seen    INTEGER NOT NULL
);
CREATE TABLE verdicts (
    verdict_id  VARCHAR PRIMARY KEY,
    claim_id    VARCHAR NOT NULL,
    reviewer    VARCHAR NOT NULL,
    rating      VARCHAR NOT NULL,
    note        VARCHAR,
    review_url  VARCHAR,
    reviewed_at TIMESTAMPTZ NOT NULL
);
CREATE TABLE staging_articles ({_ARTICLE_COLUMNS});
CREATE TABLE staging_claims ({_CLAIM_COLUMNS});
CREATE TABLE staging_entities ({_ENTITY_COLUMNS});
CREATE TABLE staging_parts ({_PART_COLUMNS});
{_REVIEW_QUEUE};
""",
    ),
]

SCHEMA_VERSION = MIGRATIONS[-1][0]


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
    ).fetchall()[0][0]
    if not exists:
        return 0
    return int(con.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchall()[0][0])


def migrate(con: duckdb.DuckDBPyConnection, db_path: Path | str = "warehouse") -> int:
    """Apply the migrations this file has not yet applied; return the version."""
    version = current_version(con)
    if version > SCHEMA_VERSION:
        raise WarehouseError(
            f"{db_path}: warehouse schema v{version} is newer than this claimflow (v{SCHEMA_VERSION}); upgrade claimflow"
        )
    for number, description, sql in MIGRATIONS:
        if number <= version:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(
                "CREATE TABLE IF NOT EXISTS schema_version ("
                "version INTEGER PRIMARY KEY, description VARCHAR, applied_at TIMESTAMPTZ)"
            )
            con.execute(sql)
            con.execute(
                "INSERT INTO schema_version VALUES (?, ?, now())", [number, description]
            )
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        version = number
    return version


def check_version(con: duckdb.DuckDBPyConnection, db_path: Path) -> None:
    """Readers cannot migrate: say so if the file is behind or ahead."""
    version = current_version(con)
    if version != SCHEMA_VERSION:
        raise WarehouseError(
            f"{db_path}: warehouse schema is v{version}, this claimflow expects v{SCHEMA_VERSION}; "
            "run `claimflow run` (or `claimflow migrate`) once to migrate it"
        )
