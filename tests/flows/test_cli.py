"""The CLI through click's runner, on a warehouse built without the orchestrator."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from flows.cli import cli
from flows.settings import load_settings
from tests.warehouse.conftest import make_article, make_claim, stage_and_commit
from warehouse.export import refresh_snapshot


@pytest.fixture
def filled(home):
    settings = load_settings()
    art = make_article()
    hi = make_claim(art, "Unemployment fell to 4.2% in October, the statistics office said.", score=0.95)
    lo = make_claim(art, "The mayor opened a new bridge on Monday.", score=0.6)
    stage_and_commit(settings.db_path, "run-1", [art], [hi, lo])
    return settings, hi, lo


def invoke(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def test_every_command_has_help() -> None:
    for name, cmd in cli.commands.items():
        assert cmd.help, f"`claimflow {name}` has no help text"
        res = invoke(name, "--help")
        assert res.exit_code == 0, name


def test_queue_table_json_csv(filled) -> None:
    settings, hi, lo = filled
    res = invoke("queue")
    assert res.exit_code == 0
    assert res.output.splitlines()[0].split()[:3] == ["claim_id", "priority", "status"]
    assert hi.claim_id in res.output and "(2 rows)" in res.output
    rows = json.loads(invoke("queue", "--format", "json", "-n", "1").output)
    assert [r["claim_id"] for r in rows] == [hi.claim_id]
    assert rows[0]["claim_types"] == ["quantity"]
    parsed = list(csv.DictReader(io.StringIO(invoke("queue", "--format", "csv").output)))
    assert [r["claim_id"] for r in parsed] == [hi.claim_id, lo.claim_id]


def test_sql_claim_take_verdict_export(filled, tmp_path) -> None:
    settings, hi, lo = filled
    out = json.loads(invoke("sql", "SELECT count(*) AS n FROM claims", "--format", "json").output)
    assert out == [{"n": 2}]
    res = CliRunner().invoke(cli, ["sql", "DROP TABLE claims"])
    assert res.exit_code == 1 and res.output.startswith("Error: ") and "read-only" in res.output
    assert len(res.output.strip().splitlines()) == 1

    detail = invoke("claim", hi.claim_id).output
    assert "in its paragraph:" in detail and "»Unemployment fell to 4.2%" in detail
    assert json.loads(invoke("claim", hi.claim_id, "--format", "json").output)["claim_id"] == hi.claim_id

    assert invoke("take", hi.claim_id, "--reviewer", "ana").exit_code == 0
    res = CliRunner().invoke(cli, ["take", hi.claim_id, "--reviewer", "ben"])
    assert res.exit_code == 1 and f"claim_id {hi.claim_id}: already taken by ana" in res.output
    assert invoke("verdict", hi.claim_id, "--reviewer", "ana", "--rating", "false", "--note", "wrong").exit_code == 0
    target = tmp_path / "cr.json"
    invoke("export-claimreview", "--organisation", "Desk", "-o", str(target))
    recs = json.loads(target.read_text())
    assert recs[0]["claimReviewed"] == hi.claim and recs[0]["reviewRating"]["ratingValue"] == 1


def test_unknown_claim_is_one_line(filled) -> None:
    res = CliRunner().invoke(cli, ["claim", "0000"])
    assert res.exit_code == 1 and res.output == "Error: claim_id 0000: no such claim\n"


def test_missing_warehouse_is_one_line(home) -> None:
    res = CliRunner().invoke(cli, ["queue"])
    assert res.exit_code == 1 and "no warehouse yet" in res.output and "Traceback" not in res.output


def test_busy_warehouse_falls_back_to_snapshot(filled, monkeypatch) -> None:
    settings, hi, _ = filled
    refresh_snapshot(settings.db_path, settings.snapshot_path)
    monkeypatch.setenv("CLAIMFLOW_LOCK_TIMEOUT", "0.3")
    hold = "import sys,time,duckdb; c=duckdb.connect(sys.argv[1]); print('locked', flush=True); time.sleep(20)"
    proc = subprocess.Popen([sys.executable, "-c", hold, str(settings.db_path)], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "locked"
        res = CliRunner().invoke(cli, ["queue", "--format", "json"])
        assert res.exit_code == 0, res.output
        assert "answering from the snapshot" in res.stderr
        assert json.loads(res.stdout)[0]["claim_id"] == hi.claim_id
    finally:
        proc.kill()
        proc.wait()


def test_settings_env_overrides_and_errors(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("CLAIMFLOW_HOME", str(tmp_path / "h"))
    monkeypatch.setenv("CLAIMFLOW_BATCH_SIZE", "3")
    s = load_settings()
    assert s.home == tmp_path / "h" and s.batch_size == 3
    assert load_settings(home=tmp_path / "cli").home == tmp_path / "cli"
    monkeypatch.setenv("CLAIMFLOW_LOCK_TIMEOUT", "soon")
    res = CliRunner().invoke(cli, ["queue"])
    assert res.exit_code == 1
    assert "CLAIMFLOW_LOCK_TIMEOUT" in res.output and len(res.output.strip().splitlines()) == 1


def test_queue_starts_fast(filled) -> None:
    """`claimflow queue` must not import pandas, Prefect or Great Expectations."""
    code = (
        "import sys, flows.cli as c\n"
        "try:\n    c.cli(['queue', '-n', '1'], standalone_mode=False)\nexcept SystemExit: pass\n"
        "bad = [m for m in ('pandas', 'prefect', 'great_expectations', 'onnxruntime') if m in sys.modules]\n"
        "print('SLOW', bad)"
    )
    t0 = time.monotonic()
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env={**__import__('os').environ})
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip().endswith("SLOW []"), res.stdout
    assert time.monotonic() - t0 < 5

