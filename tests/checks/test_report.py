"""The self-contained HTML report and its JSON twin."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from checks.gate import run_gate
from checks.report import LATEST, write_report
from tests.checks.conftest import NOW, RUN_ID, article_row, child_rows, claim_for, claim_row, frames

EVIL = "<script>alert('x')</script>"


@pytest.fixture(scope="module")
def mixed_result(gx_context: Any) -> Any:
    """One good article with a good claim, one hostile article that fails (version 0)."""
    good = article_row()
    claim = claim_for(good)
    ents, parts = child_rows(claim)
    hostile = article_row(text=good["text"] + " More text.", url="https://example.org/x", version=0)
    hostile["title"] = EVIL
    bad_claim = claim_row(claim, claim_id="00000000000000aa", speaker=EVIL, attribution="none")
    orphaned = claim_for(hostile)  # valid, but its article fails: "article quarantined"
    ents.append({**ents[0], "claim_id": "00000000000000aa"})  # "claim quarantined"
    claims = [claim_row(claim), bad_claim, claim_row(orphaned)]
    kwargs = frames([good, hostile], claims, ents, parts)
    return run_gate(**kwargs, run_id=RUN_ID, now=NOW)


def test_writes_html_json_and_latest(tmp_path: Path, mixed_result: Any) -> None:
    out = tmp_path / "reports" / "dq"
    path = write_report(
        mixed_result, out, RUN_ID, extra={"sources": ["feed.xml"], "note": "<b>hi</b>"}
    )
    assert path == out / f"dq-{RUN_ID}.html"
    assert (out / LATEST).read_bytes() == path.read_bytes()
    data = json.loads((out / f"dq-{RUN_ID}.json").read_text(encoding="utf-8"))
    assert data["run_id"] == RUN_ID and data["counts"] == mixed_result.counts
    assert len(data["quarantine"]) == len(mixed_result.quarantine)
    assert data["claims_passed"] == mixed_result.claims_passed
    assert data["extra"]["sources"] == ["feed.xml"]
    assert {s["name"] for s in data["suites"]} == {s.name for s in mixed_result.suites}


def test_html_is_self_contained_and_escaped(tmp_path: Path, mixed_result: Any) -> None:
    page = write_report(mixed_result, tmp_path, RUN_ID, extra={"note": "<b>hi</b>"}).read_text(
        encoding="utf-8"
    )
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", page, re.I)
    assert not re.search(r"<script|<link|@import|url\(", page, re.I)
    assert "<b>hi</b>" not in page and "&lt;b&gt;hi&lt;/b&gt;" in page
    assert "&lt;script&gt;" in page  # the hostile title/speaker is shown, escaped


def test_html_speaks_plainly(tmp_path: Path, mixed_result: Any) -> None:
    page = write_report(mixed_result, tmp_path, RUN_ID).read_text(encoding="utf-8")
    assert "record(s) quarantined" in page
    assert "Article versions start at 1." in page  # the failing expectation's notes
    assert "expect_column_values_to_be_between(version)" in page
    assert "article quarantined" in page and "claim quarantined" in page
    for suite in mixed_result.suites:
        assert suite.name in page
        assert f"{suite.successful} of {suite.evaluated} checks passed" in page


def test_run_id_is_made_file_safe(tmp_path: Path, mixed_result: Any) -> None:
    path = write_report(mixed_result, tmp_path, "run/../2026 11:28")
    assert path.parent == tmp_path and path.name == "dq-run_.._2026_11_28.html"
    data = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    assert data["run_id"] == "run/../2026 11:28"


def test_empty_run_report(tmp_path: Path) -> None:
    empty = pd.DataFrame()
    result = run_gate(articles=empty, claims=empty, entities=empty, parts=empty,
                      reference_articles=empty, run_id="empty")  # fmt: skip
    page = write_report(result, tmp_path, "empty").read_text(encoding="utf-8")
    assert "All records passed" in page and "Not run: no rows." in page
