"""``claimflow score`` through click's CliRunner (real shipped model, no mocks)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from claims.scoring import load_scorer
from flows.cli_model import score, train

CLAIM = "Unemployment fell to 3.5 percent last year, the lowest in fifty years."
GREETING = "Thank you very much, good evening."


def _jsonl(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_score_stdin_jsonl_in_input_order() -> None:
    res = CliRunner().invoke(score, [], input=f"{GREETING}\n\n{CLAIM}\n")
    assert res.exit_code == 0, res.output
    rows = _jsonl(res.output)
    assert [r["text"] for r in rows] == [GREETING, CLAIM]
    assert rows[1]["score"] > rows[0]["score"]
    assert rows[1]["checkworthy"] is True and rows[0]["checkworthy"] is False
    thr = load_scorer().threshold
    assert all(r["checkworthy"] == (r["score"] >= thr) for r in rows)


def test_score_file(tmp_path: Path) -> None:
    f = tmp_path / "s.txt"
    f.write_text(f"{CLAIM}\n{GREETING}\n", encoding="utf-8")
    res = CliRunner().invoke(score, [str(f)])
    assert res.exit_code == 0, res.output
    assert [r["text"] for r in _jsonl(res.output)] == [CLAIM, GREETING]


def test_score_csv_column(tmp_path: Path) -> None:
    f = tmp_path / "s.csv"
    f.write_text(f'id,sentence\n1,"{CLAIM}"\n2,"{GREETING}"\n', encoding="utf-8")
    res = CliRunner().invoke(score, [str(f), "--column", "sentence"])
    assert res.exit_code == 0, res.output
    rows = _jsonl(res.output)
    assert [r["text"] for r in rows] == [CLAIM, GREETING]
    assert rows[0]["checkworthy"] and not rows[1]["checkworthy"]


def test_score_missing_column_names_file(tmp_path: Path) -> None:
    f = tmp_path / "s.tsv"
    f.write_text("id\ttext\n1\thello\n", encoding="utf-8")
    res = CliRunner().invoke(score, [str(f), "--column", "sentence"])
    assert res.exit_code == 1
    assert str(f) in res.output and "sentence" in res.output


def test_score_table() -> None:
    res = CliRunner().invoke(score, ["--format", "table"], input=f"{CLAIM}\n{GREETING}\n")
    assert res.exit_code == 0, res.output
    lines = res.output.splitlines()
    assert lines[0].split() == ["score", "worthy", "text"]
    assert "yes" in lines[2] and "Unemployment" in lines[2]
    assert "no" in lines[3] and "Thank you" in lines[3]
    assert load_scorer().version in res.output


def test_score_bad_path_is_one_line_error(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    res = CliRunner().invoke(score, [str(missing)])
    assert res.exit_code == 1
    assert f"{missing}: file not found" in res.output
    assert "Traceback" not in res.output


def test_score_bad_model_path_is_one_line_error(tmp_path: Path) -> None:
    res = CliRunner().invoke(score, ["--model", str(tmp_path / "m")], input="hello\n")
    assert res.exit_code == 1
    assert str(tmp_path / "m") in res.output


def test_train_missing_data_folder_names_it(tmp_path: Path) -> None:
    res = CliRunner().invoke(train, ["--data", str(tmp_path / "no-data"), "--out", str(tmp_path / "o"),
                                     "--card", str(tmp_path / "card.md"), "--quick"])
    assert res.exit_code == 1
    assert str(tmp_path / "no-data") in res.output
