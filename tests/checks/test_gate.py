"""run_gate on real GX validations: a rogues' gallery batch, cascades, reconciliation."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime
from typing import Any

import pandas as pd
import pytest

from checks.errors import GateError
from checks.gate import ARTICLE_QUARANTINED, CLAIM_QUARANTINED, QUARANTINE_COLUMNS, run_gate
from claims.errors import ClaimflowError
from tests.checks.conftest import (
    ARTICLE_TEXT,
    NOW,
    RUN_ID,
    article_row,
    child_rows,
    claim_for,
    claim_row,
    frames,
)

BETWEEN = "expect_column_values_to_be_between"
IN_SET = "expect_column_values_to_be_in_set"
REGEX = "expect_column_values_to_match_regex"
NOT_NULL = "expect_column_values_to_not_be_null"
UNIQUE = "expect_column_values_to_be_unique"
LENGTHS = "expect_column_value_lengths_to_be_between"
PAIR = "expect_column_pair_values_a_to_be_greater_than_b"


def cid(i: int) -> str:
    return f"{i:016x}"


def _gallery() -> tuple[dict[str, Any], dict[tuple[str, str], set[str]], dict[str, Any]]:
    """A batch where each bad row has one known defect.

    Returns (run_gate kwargs, {(kind, record_id): expected checks}, ids of good rows).
    """
    good = article_row()
    text = good["text"]
    future = article_row(
        text=ARTICLE_TEXT + " Later paragraph.", url="https://example.org/a/2",
        published=datetime(2027, 6, 1, tzinfo=UTC),
    )  # fmt: skip
    bad_url = article_row(text=ARTICLE_TEXT + " Third.", url="https://example.org/a/3")
    bad_url["url"] = "not a url"
    bad_version = article_row(
        text=ARTICLE_TEXT + " Fourth.", url="https://example.org/a/4", version=0
    )
    short = article_row(text="Too short to be an article.", url="https://example.org/a/5")
    blank = article_row(text=ARTICLE_TEXT + " Sixth.", url="https://example.org/a/6")
    blank["text"] = " " * 120
    bad_id = article_row(text=ARTICLE_TEXT + " Seventh.", url="https://example.org/a/7")
    bad_id["article_id"] = "NOT-HEX"
    dup = article_row(text=ARTICLE_TEXT + " Eighth.", url="https://example.org/a/8")
    articles = [good, future, bad_url, bad_version, short, blank, bad_id, dup, dict(dup)]
    expected: dict[tuple[str, str], set[str]] = {
        ("article", future["article_id"]): {f"{IN_SET}(published_not_in_future)"},
        ("article", bad_url["article_id"]): {f"{REGEX}(url)"},
        ("article", bad_version["article_id"]): {f"{BETWEEN}(version)"},
        ("article", short["article_id"]): {f"{LENGTHS}(text)"},
        ("article", blank["article_id"]): {f"{REGEX}(text)"},
        ("article", "NOT-HEX"): {f"{REGEX}(article_id)"},
        ("article", dup["article_id"]): {f"{UNIQUE}(article_id)"},
    }

    base = claim_for(good)
    start = base.char_start
    critics = text.index("Critics were")
    claims: list[dict] = [claim_row(base)]
    ents, parts = child_rows(base)

    def bad(i: int, checks: set[str], **override: Any) -> None:
        claims.append(claim_row(base, claim_id=cid(i), **override))
        expected[("claim", cid(i))] = checks

    bad(1, {f"{BETWEEN}(score)"}, score=1.5)
    bad(2, {f"{PAIR}(score,threshold)"}, score=0.3)
    bad(3, {f"{BETWEEN}(threshold)"}, threshold=-0.1)
    bad(4, {f"{BETWEEN}(char_start)", f"{IN_SET}(sentence_matches_span)"}, char_start=-1)
    bad(5, {f"{PAIR}(char_end,char_start)", f"{IN_SET}(sentence_matches_span)"}, char_end=start)
    bad(6, {f"{PAIR}(article_length,char_end)", f"{IN_SET}(sentence_matches_span)"},
        char_start=len(text) - 10, char_end=len(text) + 50)  # fmt: skip
    bad(7, {f"{IN_SET}(sentence_matches_span)"}, sentence=base.sentence.replace("4.2", "9.9"))
    bad(8, {f"{IN_SET}(article_exists)"}, article_id="ffffffffffffffff")
    bad(9, {f"{LENGTHS}(sentence)", f"{BETWEEN}(sentence_words)"},
        sentence="Critics were", char_start=critics, char_end=critics + 12)  # fmt: skip
    bad(10, {f"{REGEX}(claim)"}, claim="   ")
    bad(11, {f"{IN_SET}(attribution)"}, attribution="hearsay")
    bad(12, {f"{IN_SET}(claim_types_known)"}, claim_types=["quantity", "gossip"])
    bad(13, {f"{IN_SET}(speaker_matches_attribution)"}, attribution="none")
    bad(14, {f"{IN_SET}(speaker_span_in_article)"}, speaker_end=len(text) + 5)
    bad(15, {f"{IN_SET}(quote_span_in_article)"}, quote_start=10, quote_end=None)
    bad(16, {f"{REGEX}(model)"}, model="claimbuster")
    bad(17, {f"{NOT_NULL}(extractor)"}, extractor=None)
    bad(18, {f"{REGEX}(claim_id)"})
    claims[-1]["claim_id"] = "XYZ"
    expected[("claim", "XYZ")] = expected.pop(("claim", cid(18)))
    bad(19, {f"{NOT_NULL}(score)"}, score=None)
    bad(20, {f"{BETWEEN}(sentence_index)"}, sentence_index=-1)
    bad(21, {f"{UNIQUE}(claim_id)"})
    claims.append(claim_row(base, claim_id=cid(21)))
    bad(22, {f"{IN_SET}(claim_types_known)"}, claim_types=None)

    # A valid claim on the future-dated article: quarantined only by cascade.
    on_future = claim_for(future)
    claims.append(claim_row(on_future))
    expected[("claim", on_future.claim_id)] = {ARTICLE_QUARANTINED}
    fut_ents, fut_parts = child_rows(on_future)
    for e in fut_ents:
        expected[("entity", f"{on_future.claim_id}#entity:{e['kind']}@{e['start']}-{e['end']}")] = {
            CLAIM_QUARANTINED
        }
    for p in fut_parts:
        rid = f"{on_future.claim_id}#part:{p['role']}@{p['start'] if p['start'] is not None else '?'}-{p['end'] if p['end'] is not None else '?'}"
        expected[("part", rid)] = {CLAIM_QUARANTINED}
    ents += fut_ents
    parts += fut_parts
    # A child of a claim that failed its own check.
    ents.append({**ents[0], "claim_id": cid(1)})
    expected[("entity", f"{cid(1)}#entity:PERCENT@{ents[0]['start']}-{ents[0]['end']}")] = {
        CLAIM_QUARANTINED
    }

    gid = base.claim_id
    e0 = ents[0]

    def bad_entity(checks: set[str], **override: Any) -> None:
        row = {**e0, **override}
        ents.append(row)
        expected[
            (
                "entity",
                f"{row['claim_id']}#entity:{row['kind']}@{row['start'] if row['start'] is not None else '?'}-{row['end']}",
            )
        ] = checks

    bad_entity({f"{IN_SET}(kind)"}, kind="ANIMAL")
    bad_entity({f"{PAIR}(article_length,end)"}, start=len(text) - 2, end=len(text) + 3)
    bad_entity({f"{PAIR}(end,start)"}, start=30, end=20)
    bad_entity({f"{IN_SET}(claim_exists)"}, claim_id="eeeeeeeeeeeeeeee")
    bad_entity({f"{IN_SET}(article_matches_claim)"}, article_id=future["article_id"])
    bad_entity({f"{NOT_NULL}(start)", f"{IN_SET}(span_complete)"}, start=None)

    def bad_part(checks: set[str], **override: Any) -> None:
        row = {
            "claim_id": gid,
            "role": "subject",
            "text": "unemployment",
            "start": 18,
            "end": 30,
            **override,
        }
        parts.append(row)
        s = row["start"] if row["start"] is not None else "?"
        e = row["end"] if row["end"] is not None else "?"
        expected[("part", f"{row['claim_id']}#part:{row['role']}@{s}-{e}")] = checks

    bad_part({f"{IN_SET}(role)"}, role="boss")
    bad_part({f"{IN_SET}(span_complete)"}, end=None)
    bad_part({f"{REGEX}(text)"}, text="")

    good_ids = {"article": good["article_id"], "claim": gid}
    return frames(articles, claims, ents, parts), expected, good_ids


@pytest.fixture(scope="module")
def gallery(gx_context: Any) -> tuple[Any, dict, dict, dict]:
    kwargs, expected, good_ids = _gallery()
    result = run_gate(**kwargs, run_id=RUN_ID, now=NOW)
    return result, expected, good_ids, kwargs


def _checks_by_record(result: Any) -> dict[tuple[str, str], set[str]]:
    found: dict[tuple[str, str], set[str]] = {}
    for row in result.quarantine.to_dict("records"):
        found.setdefault((row["kind"], row["record_id"]), set()).add(row["check"])
    return found


def test_each_bad_row_is_quarantined_with_exactly_its_checks(gallery) -> None:
    result, expected, _, _ = gallery
    found = _checks_by_record(result)
    mismatched = {k: (v, found.get(k)) for k, v in expected.items() if found.get(k) != v}
    assert not mismatched
    assert set(found) == set(expected), set(found) ^ set(expected)


def test_good_rows_pass(gallery) -> None:
    result, _, good_ids, kwargs = gallery
    assert result.articles_passed == [good_ids["article"]]
    assert result.claims_passed == [good_ids["claim"]]
    ents = kwargs["entities"]
    assert [int(i) for i in result.entity_rows_passed] == [0, 1]
    assert set(ents.loc[result.entity_rows_passed, "claim_id"]) == {good_ids["claim"]}
    assert [int(i) for i in result.part_rows_passed] == [0, 1]


def test_counts_reconcile_and_quarantine_shape(gallery) -> None:
    result, expected, _, kwargs = gallery
    assert list(result.quarantine.columns) == list(QUARANTINE_COLUMNS)
    assert set(result.quarantine["run_id"]) == {RUN_ID}
    tables = {"article": "articles", "claim": "claims", "entity": "entities", "part": "parts"}
    for kind, table in tables.items():
        c = result.counts[kind]
        assert c["in"] == len(kwargs[table]) == c["passed"] + c["quarantined"]
    # the duplicated article is two rows with one id: both quarantined
    assert result.counts["article"]["quarantined"] == len(kwargs["articles"]) - 1
    # one quarantine row per (record row, check): only the identical duplicate rows repeat
    q = result.quarantine
    repeated = q[q.duplicated(["kind", "record_id", "check", "payload"], keep=False)]
    assert len(repeated) == 4
    assert set(repeated["check"]) == {f"{UNIQUE}(article_id)", f"{UNIQUE}(claim_id)"}


def test_reasons_and_payloads_are_readable(gallery) -> None:
    result, _, _, _ = gallery
    q = result.quarantine.set_index(["record_id", "check"])
    reason = q.loc[(cid(1), "expect_column_values_to_be_between(score)"), "reason"]
    assert "between 0 and 1" in reason and "score=1.5" in reason
    payload = json.loads(q.loc[(cid(1), "expect_column_values_to_be_between(score)"), "payload"])
    assert payload["claim_id"] == cid(1) and payload["score"] == 1.5
    assert payload["claim_types"] == ["quantity"]
    assert all("\n" not in r for r in result.quarantine["reason"])
    cascaded = result.quarantine[result.quarantine["check"] == ARTICLE_QUARANTINED]
    assert cascaded["reason"].str.contains("published_not_in_future").all()


def test_suite_outcomes_report_counts_and_examples(gallery) -> None:
    result, _, _, _ = gallery
    by_kind = {s.kind: s for s in result.suites}
    claims = by_kind["claim"]
    assert not claims.success and claims.evaluated == len(claims.expectations)
    assert claims.successful == sum(e.success for e in claims.expectations) < claims.evaluated
    score = next(e for e in claims.expectations if e.name == "score_in_unit_interval")
    assert score.unexpected_count == 1 and score.column == "score"
    assert score.examples == [f"{cid(1)}: score=1.5"]
    unique = next(e for e in claims.expectations if e.name == "claim_id_unique")
    assert unique.unexpected_count == 2


def test_clean_batch_passes_everything(gx_context, good_batch) -> None:
    kwargs = frames(
        [good_batch["article"]], good_batch["claims"], good_batch["entities"], good_batch["parts"]
    )
    result = run_gate(**kwargs, run_id=RUN_ID, now=NOW)
    assert result.success and len(result.quarantine) == 0
    assert all(s.success and s.evaluated > 0 for s in result.suites)
    assert result.claims_passed == [good_batch["claim"].claim_id]


def test_warehouse_offset_names_and_odd_index_are_accepted(gx_context, good_batch) -> None:
    kwargs = frames(
        [good_batch["article"]], good_batch["claims"], good_batch["entities"], good_batch["parts"]
    )
    kwargs["entities"] = kwargs["entities"].rename(
        columns={"start": "char_start", "end": "char_end"}
    )
    kwargs["claims"].index = [100]
    result = run_gate(**kwargs, run_id=RUN_ID, now=NOW)
    assert result.success, result.quarantine
    assert result.entity_rows_passed == [0, 1]


def test_stored_reference_article_counts_as_existing(gx_context, good_batch) -> None:
    kwargs = frames([], good_batch["claims"], good_batch["entities"], good_batch["parts"])
    kwargs["reference_articles"] = pd.DataFrame(
        [{"article_id": good_batch["article"]["article_id"], "text": ARTICLE_TEXT}]
    )
    result = run_gate(**kwargs, run_id=RUN_ID, now=NOW)
    assert result.success and result.articles_passed == []
    assert result.claims_passed == [good_batch["claim"].claim_id]


def test_empty_inputs_are_quick_and_pass() -> None:
    empty = pd.DataFrame()
    started = time.perf_counter()
    result = run_gate(articles=empty, claims=empty, entities=empty, parts=empty,
                      reference_articles=empty, run_id=RUN_ID)  # fmt: skip
    assert time.perf_counter() - started < 1.0
    assert (
        result.articles_passed == [] and result.claims_passed == [] and len(result.quarantine) == 0
    )
    assert [s.skipped for s in result.suites] == ["no rows"] * 4
    assert all(c == {"in": 0, "passed": 0, "quarantined": 0} for c in result.counts.values())


def test_missing_columns_raise_gate_error_naming_run() -> None:
    claims = pd.DataFrame([{"claim_id": cid(1), "score": 0.5}])
    with pytest.raises(
        GateError, match=r"run run-test-0001: claims table lacks columns article_id"
    ) as err:
        run_gate(articles=pd.DataFrame(), claims=claims, entities=pd.DataFrame(), parts=pd.DataFrame(),
                 reference_articles=pd.DataFrame(), run_id=RUN_ID)  # fmt: skip
    assert isinstance(err.value, ClaimflowError)


def test_gx_evaluation_errors_are_found_in_both_shapes() -> None:
    from checks.gate import _exception_message

    flat = {"raised_exception": True, "exception_message": "boom\ntrace"}
    nested = {"MetricConfigurationID(x)": {"raised_exception": True, "exception_message": "no col"}}
    fine = {"raised_exception": False, "exception_message": None}
    assert _exception_message(flat) == "boom"
    assert _exception_message(nested) == "no col"
    assert _exception_message(fine) is None and _exception_message(None) is None


def test_frames_pulled_out_of_duckdb_validate_the_same(gx_context, good_batch) -> None:
    import duckdb

    claims = [
        *good_batch["claims"],
        claim_row(good_batch["claim"], claim_id=cid(7), speaker_end=9999),
    ]
    kwargs = frames([good_batch["article"]], claims, good_batch["entities"], good_batch["parts"])
    con = duckdb.connect()
    pulled = {}
    for name, df in kwargs.items():
        con.register("t", df)
        pulled[name] = con.sql("SELECT * FROM t").df()  # lists come back as numpy arrays
        con.unregister("t")
    result = run_gate(**pulled, run_id=RUN_ID, now=NOW)
    assert result.claims_passed == [good_batch["claim"].claim_id]
    assert result.quarantine["check"].tolist() == [
        "expect_column_values_to_be_in_set(speaker_span_in_article)"
    ]
    assert result.counts["entity"] == {"in": 2, "passed": 2, "quarantined": 0}


def test_importing_the_gate_is_light() -> None:
    import subprocess
    import sys

    code = (
        "import sys, checks, checks.gate, checks.report, checks.errors, checks.suites, checks.runtime;"
        "heavy = [m for m in ('pandas', 'great_expectations', 'numpy') if m in sys.modules];"
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
