"""Real Prefect flow runs: the samples plus every kind of bad input, run twice."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from flows.cli import cli
from flows.steps import samples_dir

BAD_INPUTS = {
    "empty.txt": b"",
    "binary.txt": b"\x00\x01\x02PNG\x00\x00binary",
    "latin1.txt": "Caf\xe9 prices rose by 20% in Lisbon this year, the council said.".encode("latin-1"),
    "feed.rss": b"<rss><channel><item><title>broken",
}
BROKEN_JSONL = (
    json.dumps({"url": "https://example.org/ok", "title": "Fine", "source": "Example",
                "text": "The city council approved a budget of 12 million euros on Tuesday. "
                        "The budget is 8% larger than last year's, the treasurer said."}) + "\n"
    + '{"url": "https://example.org/broken", "text": "unterminated\n'
)
UNREACHABLE = "http://127.0.0.1:9/nothing-listens-here"


def _q(db: Path, sql: str):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    home = tmp_path_factory.mktemp("home")
    src = tmp_path_factory.mktemp("src")
    shutil.copytree(samples_dir(), src / "samples", ignore=shutil.ignore_patterns("README.md"))
    bad = src / "bad"
    bad.mkdir()
    for name, data in BAD_INPUTS.items():
        (bad / name).write_bytes(data)
    (bad / "mixed.jsonl").write_text(BROKEN_JSONL, encoding="utf-8")
    args = ["run", "--home", str(home), "--show", "5", "--no-progress", str(src), UNREACHABLE]
    first = CliRunner().invoke(cli, args)
    second = CliRunner().invoke(cli, args)
    return home, first, second


def test_first_run_queues_claims_from_the_samples(runs) -> None:
    home, first, _ = runs
    assert first.exit_code == 0, first.output
    assert "review queue (top 5)" in first.stdout
    db = home / "warehouse.duckdb"
    n_claims = _q(db, "SELECT count(*) FROM review_queue")[0][0]
    assert n_claims >= 20
    status, flow_run_id, a_in, a_stored, a_dup, a_rej, a_q, c_in, c_queued, c_q = _q(
        db,
        "SELECT status, flow_run_id, articles_in, articles_stored, articles_duplicate, articles_rejected, "
        "articles_quarantined, claims_in, claims_queued, claims_quarantined FROM runs ORDER BY started_at LIMIT 1",
    )[0]
    assert status == "completed" and flow_run_id
    assert a_in == a_stored + a_dup + a_rej + a_q
    assert c_in == c_queued + c_q
    assert a_rej == len(BAD_INPUTS) + 2  # + the broken JSONL line + the unreachable URL
    models = _q(db, "SELECT DISTINCT model, extractor FROM claims")
    assert len(models) == 1 and "@" in models[0][0] and "@" in models[0][1]


def test_bad_inputs_are_named_one_line_each_and_quarantined(runs) -> None:
    home, first, _ = runs
    rejected = [line for line in first.stderr.splitlines() if line.startswith("rejected: ")]
    for name in BAD_INPUTS:
        assert any(name in line for line in rejected), (name, rejected)
    assert any("mixed.jsonl:2" in line for line in rejected)
    assert any(UNREACHABLE in line for line in rejected)
    assert "Traceback" not in first.output
    rows = _q(home / "warehouse.duckdb", "SELECT record_id, reason, times_seen FROM quarantine WHERE kind = 'source'")
    assert len(rows) == len(BAD_INPUTS) + 2
    assert all(reason and "\n" not in reason for _, reason, _ in rows)


def test_second_run_adds_no_rows(runs) -> None:
    home, first, second = runs
    assert second.exit_code == 0, second.output
    db = home / "warehouse.duckdb"
    last = _q(db, "SELECT articles_stored, claims_queued, articles_duplicate, status FROM runs ORDER BY started_at DESC LIMIT 1")[0]
    assert last[:2] == (0, 0) and last[2] > 0 and last[3] == "completed"
    # same rows as after the first run: quarantine rows are updated, not added
    assert _q(db, "SELECT max(times_seen), count(*) FROM quarantine WHERE kind = 'source'")[0] == (2, len(BAD_INPUTS) + 2)
    counts = _q(db, "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM claims), (SELECT count(DISTINCT claim_id) FROM claims)")[0]
    assert counts[1] == counts[2]


def test_exports_and_report(runs) -> None:
    home, _, _ = runs
    con = duckdb.connect()
    n = con.execute(
        f"SELECT count(*) FROM read_parquet('{home}/exports/claims/*/*.parquet', hive_partitioning=true)"
    ).fetchall()[0][0]
    assert n == _q(home / "warehouse.duckdb", "SELECT count(*) FROM claims")[0][0]
    reports = list((home / "reports").glob("dq-*.html"))
    assert len(reports) == 2
    html = reports[0].read_text(encoding="utf-8")
    assert not re.search(r'<(script|link|img)[^>]+(src|href)="https?://', html, re.I)
    assert (home / "snapshot" / "warehouse.duckdb").exists()


def test_documented_example_queries_run(runs) -> None:
    """Every query under 'Example queries' in docs/schema.md runs on a real warehouse."""
    home, _, _ = runs
    doc = (Path(__file__).resolve().parents[2] / "docs" / "schema.md").read_text(encoding="utf-8")
    block = doc.split("## Example queries", 1)[1].split("```sql", 1)[1].split("```", 1)[0]
    statements = (
        "\n".join(line for line in stmt.splitlines() if not line.strip().startswith("--")).strip()
        for stmt in block.split(";")
    )
    queries = [q for q in statements if q]
    assert len(queries) >= 4
    for q in queries:
        res = CliRunner().invoke(cli, ["sql", "--home", str(home), "--format", "json", q])
        assert res.exit_code == 0, (q, res.output)
        json.loads(res.output)
