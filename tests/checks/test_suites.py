"""The suites themselves: well-formed metadata and real GX verdicts on tiny frames."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pandas as pd
import pytest

from checks import prepare, runtime
from checks.suites import SUITE_NAMES, all_suites
from tests.checks.conftest import NOW, article_row, child_rows, claim_for, claim_row, frames


def _check(config: Any) -> str:
    kw = config.kwargs
    cols = [kw["column"]] if "column" in kw else [kw["column_A"], kw["column_B"]]
    return f"{config.type}({','.join(cols)})"


def _failing(result: Any, name: str) -> list[int]:
    """Row indices that failed the expectation whose meta name is ``name``."""
    for res in result.results:
        if res.expectation_config.meta["name"] == name:
            return sorted(int(i) for i in res.result.get("unexpected_index_list") or [])
    raise AssertionError(f"no expectation named {name}")


def test_every_expectation_is_named_explained_and_distinct(gx_context: Any) -> None:
    suites = all_suites()
    assert {k: s.name for k, s in suites.items()} == SUITE_NAMES
    for suite in suites.values():
        metas = [e.meta for e in suite.expectations]
        assert all(m.get("name") and len(m.get("notes", "")) > 15 for m in metas), suite.name
        assert len({m["name"] for m in metas}) == len(metas), suite.name
        checks = [_check(e.configuration) for e in suite.expectations]
        assert len(set(checks)) == len(checks), suite.name


def test_context_is_shared_and_progress_bars_are_off(gx_context: Any) -> None:
    assert runtime.get_context() is gx_context
    assert gx_context.progress_bars["globally"] is False
    assert runtime.suite_for("claim") is runtime.suite_for("claim")


def test_valid_prepared_tables_pass_every_suite(gx_context: Any, good_batch: dict) -> None:
    kw = frames(
        [good_batch["article"]], good_batch["claims"], good_batch["entities"], good_batch["parts"]
    )
    texts = prepare.article_texts(kw["reference_articles"])
    links = {good_batch["claim"].claim_id: good_batch["article"]["article_id"]}
    tables = {
        "article": prepare.prepare_articles(kw["articles"], now=NOW),
        "claim": prepare.prepare_claims(kw["claims"], texts),
        "entity": prepare.prepare_entities(kw["entities"], links, texts),
        "part": prepare.prepare_parts(kw["parts"], links, texts),
    }
    for kind, df in tables.items():
        result = runtime.validate(kind, df)
        failed = [r.expectation_config.meta["name"] for r in result.results if not r.success]
        assert result.success, (kind, failed)


def test_name_at_version_pattern(gx_context: Any) -> None:
    art = article_row()
    base = claim_row(claim_for(art))
    models = ["claimbuster-minilm@1.0.0", "rules@0.1", "org/model_x@2024.1+cpu",
              "claimbuster", "@1.0", "name@", "two words@1"]  # fmt: skip
    rows = [{**base, "claim_id": f"{i:016x}", "model": m} for i, m in enumerate(models)]
    df = prepare.prepare_claims(pd.DataFrame(rows), {art["article_id"]: art["text"]})
    assert _failing(runtime.validate("claim", df), "model_name_at_version") == [3, 4, 5, 6]


def test_url_and_id_patterns(gx_context: Any) -> None:
    urls = ["https://example.org/a?b=1", "http://x.io", None, "ftp://example.org/x",
            "https://exa mple.org", "example.org/a", "https://"]  # fmt: skip
    rows = [article_row(url="https://example.org/base", origin=f"o{i}") for i in range(len(urls))]
    for i, (row, url) in enumerate(zip(rows, urls, strict=True)):
        row.update(url=url, article_id=f"{i:016x}")
    rows[0]["article_id"] = "0123456789ABCDEF"  # upper case is not our id format
    df = prepare.prepare_articles(pd.DataFrame(rows), now=NOW)
    result = runtime.validate("article", df)
    assert _failing(result, "url_format") == [3, 4, 5, 6]
    assert _failing(result, "article_id_format") == [0]


@pytest.mark.parametrize(
    ("published", "ok"),
    [
        (datetime(2026, 11, 28, 11, tzinfo=UTC), True),
        (datetime(2026, 11, 29, 11, tzinfo=UTC), True),  # within a day: time zones
        (datetime(2026, 11, 30, tzinfo=UTC), False),
        (datetime(2027, 1, 1), False),  # naive: read as UTC
        (None, True),
        ("yesterday-ish", False),
    ],
)
def test_published_not_in_future_helper(published: object, ok: bool) -> None:
    df = prepare.prepare_articles(pd.DataFrame([article_row(published=published)]), now=NOW)
    assert bool(df.at[0, "published_not_in_future"]) is ok


def test_claim_helpers_leave_unknown_articles_unjudged() -> None:
    art = article_row()
    claim = claim_for(art)
    row = claim_row(claim, article_id="ffffffffffffffff")
    df = prepare.prepare_claims(
        pd.DataFrame([row, claim_row(claim)]), {art["article_id"]: art["text"]}
    )
    assert df["article_exists"].tolist() == [False, True]
    assert pd.isna(df.at[0, "sentence_matches_span"]) and bool(df.at[1, "sentence_matches_span"])
    assert pd.isna(df.at[0, "article_length"]) and df.at[1, "article_length"] == len(art["text"])
    assert df["sentence_words"].tolist() == [9.0, 9.0]


def test_claim_types_accept_numpy_arrays_from_duckdb() -> None:
    import numpy as np

    art = article_row()
    rows = [claim_row(claim_for(art), claim_types=v) for v in
            (np.array(["quantity", "causal"]), [], ("opinion",), ["Quantity"], "quantity")]  # fmt: skip
    df = prepare.prepare_claims(pd.DataFrame(rows), {art["article_id"]: art["text"]})
    assert df["claim_types_known"].tolist() == [True, True, True, False, False]


def test_entities_and_parts_link_to_claims() -> None:
    art = article_row()
    claim = claim_for(art)
    ents, parts = child_rows(claim)
    links = {claim.claim_id: art["article_id"]}
    texts = {art["article_id"]: art["text"]}
    e = prepare.prepare_entities(pd.DataFrame([*ents, {**ents[0], "claim_id": "x"}]), links, texts)
    assert e["claim_exists"].tolist() == [True, True, False]
    assert e["article_matches_claim"].tolist()[:2] == [True, True] and pd.isna(
        e.at[2, "article_matches_claim"]
    )
    p = prepare.prepare_parts(pd.DataFrame(parts), links, texts)
    assert p["span_complete"].tolist() == [True, True]
    assert p["article_length"].tolist() == [len(art["text"])] * 2
