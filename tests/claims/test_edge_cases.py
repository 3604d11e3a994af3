"""Edge cases found in review: each once broke a claim, an offset or a one-line error."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from click.testing import CliRunner

from claims.analysis import analyse_article
from claims.ingest import ingest_sources
from claims.scoring import ModelArtifactError, load_scorer
from claims.sentences import split_sentences

PUB = datetime(2025, 3, 1, tzinfo=UTC)


def _claims(text: str) -> list[str]:
    return [a.claim for a in analyse_article(text, split_sentences(text), published=PUB)]


def test_numbers_with_separators_before_ago_are_left_alone() -> None:
    assert _claims("Rome was founded 2,000 years ago.") == ["Rome was founded 2,000 years ago"]


def test_a_huge_ago_does_not_crash_the_article() -> None:
    assert _claims("It happened 1000000 days ago. The bridge opened in 1998.")[1] == "The bridge opened in 1998"


def test_first_person_contraction_keeps_single_spaces() -> None:
    out = _claims('"I\'m proud of our record," said Kaja Kallas.')
    assert out == ["Kaja Kallas is proud of our record"]


def test_jsonl_line_with_a_unicode_line_separator_in_a_string(tmp_path) -> None:
    rec = {"url": "https://example.org/x", "text": "The budget rose by 8 percent\u2028to 12 million euros, the treasurer said."}
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps(rec, ensure_ascii=False) + "\n", encoding="utf-8")
    result = ingest_sources([str(path)])
    assert not result.rejected and len(result.articles) == 1


def test_score_rejects_non_utf8_stdin_in_one_line() -> None:
    from flows.cli import cli

    res = CliRunner().invoke(cli, ["score"], input=b"x \xe9\n")
    assert res.exit_code == 1 and res.output.strip() == "Error: <stdin>: not UTF-8 text (byte 2)"


@pytest.mark.parametrize("meta", [[1, 2], {"name": "m", "version": "1", "threshold": 0.5,
                                          "components": [], "combiner": {}, "files": ["x"]}])
def test_malformed_model_metadata_is_a_model_error(tmp_path, meta) -> None:
    (tmp_path / "checkworthiness.json").write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(ModelArtifactError, match="checkworthiness.json"):
        load_scorer(tmp_path)
