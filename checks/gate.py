"""The data-quality gate: validate a batch, split it into passed and quarantined rows.

``run_gate`` validates the four tables of a batch with the suites in
``checks.suites`` (Great Expectations, result_format COMPLETE so every failing
row is known by its DataFrame index) and returns which articles and claims
passed plus one quarantine row per (record, failed check).

Cascade (documented in docs/data-quality.md):

- an article that fails quarantines all its claims (check ``article quarantined``);
- a claim that fails, or whose article failed, quarantines its entities and
  parts (check ``claim quarantined``);
- a failing entity or part quarantines only itself: the claim is still a
  good claim without that annotation.

Every input row ends up passed or quarantined; ``run_gate`` checks that the
counts reconcile and raises ``GateError`` (naming the run_id) if they do not,
or if an expectation could not be evaluated at all.

This module imports neither pandas nor great_expectations at import time.
"""

from __future__ import annotations

import json
import math
import time
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from checks.errors import GateError

if TYPE_CHECKING:
    import pandas

KINDS: tuple[str, ...] = ("article", "claim", "entity", "part")
QUARANTINE_COLUMNS: tuple[str, ...] = ("kind", "record_id", "check", "reason", "run_id", "payload")
ARTICLE_QUARANTINED = "article quarantined"
CLAIM_QUARANTINED = "claim quarantined"
EXAMPLES = 5


@dataclass
class ExpectationOutcome:
    """How one expectation fared on one table."""

    name: str  # meta slug, e.g. "score_in_unit_interval"
    check: str  # expectation type + column(s), e.g. "expect_column_values_to_be_between(score)"
    column: str  # the column (pair expectations: "A,B")
    notes: str  # plain-English meaning
    success: bool
    unexpected_count: int
    examples: list[str] = field(default_factory=list)  # "record_id: value", at most EXAMPLES


@dataclass
class SuiteOutcome:
    """How one table's suite fared."""

    name: str  # suite name, e.g. "claimflow.claims"
    kind: str  # 'article' | 'claim' | 'entity' | 'part'
    success: bool
    evaluated: int  # expectations evaluated
    successful: int  # expectations that passed
    rows: int  # rows validated
    rows_failed: int  # rows failing at least one expectation of this suite (not cascades)
    expectations: list[ExpectationOutcome] = field(default_factory=list)
    skipped: str | None = None  # why GX did not run (e.g. "no rows")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class GateResult:
    """What passed, what is quarantined and why, and how each suite fared."""

    articles_passed: list[str]
    claims_passed: list[str]
    quarantine: pandas.DataFrame  # columns QUARANTINE_COLUMNS
    suites: list[SuiteOutcome]
    # Positions (0-based, input order) of entity/part rows that passed; they have no ids.
    entity_rows_passed: list[int] = field(default_factory=list)
    part_rows_passed: list[int] = field(default_factory=list)
    run_id: str = ""
    counts: dict[str, dict[str, int]] = field(default_factory=dict)  # kind -> in/passed/quarantined
    seconds: float = 0.0

    @property
    def success(self) -> bool:
        """True when nothing was quarantined."""
        return len(self.quarantine) == 0

    def summary(self) -> dict[str, Any]:
        """JSON-ready summary (no payloads)."""
        return {
            "run_id": self.run_id,
            "success": self.success,
            "seconds": round(self.seconds, 3),
            "counts": self.counts,
            "suites": [s.to_dict() for s in self.suites],
        }


@dataclass
class _Failure:
    kind: str
    row: int
    check: str
    reason: str


def _json_value(value: Any) -> Any:
    """A JSON-safe version of a DataFrame cell."""
    import numpy as np
    import pandas as pd

    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, np.ndarray):
        return [_json_value(v) for v in value.tolist()]
    if isinstance(value, (list, tuple)):
        return [_json_value(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _json_value(v) for k, v in value.items()}
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, (datetime, date, pd.Timestamp)):
        return value.isoformat()
    if isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def _payload(df: pandas.DataFrame, row: int) -> str:
    record = {str(k): _json_value(v) for k, v in df.iloc[row].to_dict().items()}
    return json.dumps(record, ensure_ascii=False, sort_keys=True)


def _short(value: Any, limit: int = 80) -> str:
    value = _json_value(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # offsets coerced to float by NaN-able columns
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _record_id(kind: str, df: pandas.DataFrame, row: int) -> str:
    """A readable id: article_id / claim_id, or claim_id#kind@start-end for children."""

    def cell(col: str) -> str:
        value = _json_value(df.at[row, col]) if col in df.columns else None
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return "?" if value is None else str(value)

    if kind == "article":
        return cell("article_id") if cell("article_id") != "?" else f"article row {row}"
    if kind == "claim":
        return cell("claim_id") if cell("claim_id") != "?" else f"claim row {row}"
    label = cell("kind") if kind == "entity" else cell("role")
    return f"{cell('claim_id')}#{kind}:{label}@{cell('start')}-{cell('end')}"


def _columns_of(config: Any) -> list[str]:
    kwargs = config.kwargs
    if "column" in kwargs:
        return [kwargs["column"]]
    return [kwargs[k] for k in ("column_A", "column_B") if k in kwargs]


def _exception_message(info: Any) -> str | None:
    """The first line of the exception GX caught while evaluating an expectation, if any.

    GX reports it either flat (``{"raised_exception": True, ...}``) or per metric
    (``{"MetricConfigurationID(...)": {"raised_exception": True, ...}}``).
    """
    if not isinstance(info, dict):
        return None
    candidates = [info, *(v for v in info.values() if isinstance(v, dict))]
    for item in candidates:
        if item.get("raised_exception"):
            lines = str(item.get("exception_message") or "unknown error").strip().splitlines()
            return lines[0] if lines else "unknown error"
    return None


def _evaluate(
    kind: str, df: pandas.DataFrame, record_ids: list[str], run_id: str
) -> tuple[SuiteOutcome, list[_Failure]]:
    """Run the suite for ``kind`` on the prepared ``df``; one _Failure per (row, expectation)."""
    from checks import runtime

    suite = runtime.suite_for(kind)
    result = runtime.validate(kind, df)
    if len(result.results) != len(suite.expectations):
        raise GateError(
            f"run {run_id}: {suite.name} returned {len(result.results)} results "
            f"for {len(suite.expectations)} expectations"
        )
    failures: list[_Failure] = []
    outcomes: list[ExpectationOutcome] = []
    for res in result.results:
        config = res.expectation_config
        columns = _columns_of(config)
        check = f"{config.type}({','.join(columns)})"
        error = _exception_message(res.exception_info)
        if error is not None:
            raise GateError(f"run {run_id}: {suite.name} could not evaluate {check}: {error}")
        meta = config.meta or {}
        notes = str(meta.get("notes", check))
        rows = [int(i) for i in (res.result.get("unexpected_index_list") or [])]
        count = int(res.result.get("unexpected_count") or 0)
        if (
            count != len(rows)
            or any(not 0 <= r < len(df) for r in rows)
            or (not res.success and not rows)
        ):
            raise GateError(
                f"run {run_id}: {suite.name} {check} reported {count} failing rows "
                f"but indexed {len(rows)}; cannot tell which rows failed"
            )
        shown = list(meta.get("show", []))
        show = shown if meta.get("helper") and shown else [*columns, *shown]
        examples: list[str] = []
        for row in rows:
            got = ", ".join(
                f"{c}={_short(df.at[row, c])}" for c in dict.fromkeys(show) if c in df.columns
            )
            failures.append(_Failure(kind, row, check, f"{notes} Got {got}."))
            if len(examples) < EXAMPLES:
                examples.append(f"{record_ids[row]}: {got}")
        outcomes.append(
            ExpectationOutcome(
                name=str(meta.get("name", check)),
                check=check,
                column=",".join(columns),
                notes=notes,
                success=bool(res.success),
                unexpected_count=count,
                examples=examples,
            )
        )
    stats = result.statistics
    outcome = SuiteOutcome(
        name=suite.name,
        kind=kind,
        success=bool(result.success),
        evaluated=int(stats.get("evaluated_expectations", len(outcomes))),
        successful=int(stats.get("successful_expectations", sum(o.success for o in outcomes))),
        rows=len(df),
        rows_failed=len({f.row for f in failures}),
        expectations=outcomes,
    )
    return outcome, failures


def _skipped(kind: str, reason: str) -> SuiteOutcome:
    from checks.suites import SUITE_NAMES

    return SuiteOutcome(
        name=SUITE_NAMES[kind], kind=kind, success=True, evaluated=0, successful=0,
        rows=0, rows_failed=0, skipped=reason,
    )  # fmt: skip


def _require(df: pandas.DataFrame, required: tuple[str, ...], table: str, run_id: str) -> None:
    from checks.prepare import missing_columns

    if len(df) == 0:
        return
    missing = missing_columns(df, required)
    if missing:
        raise GateError(f"run {run_id}: {table} table lacks columns {', '.join(missing)}")


def run_gate(
    *,
    articles: pandas.DataFrame,
    claims: pandas.DataFrame,
    entities: pandas.DataFrame,
    parts: pandas.DataFrame,
    reference_articles: pandas.DataFrame,
    run_id: str,
    now: datetime | None = None,
) -> GateResult:
    """Validate one batch; see the module docstring for the cascade rules.

    ``reference_articles`` (article_id, text) holds every article the claims
    may point at; this batch's articles are added to it.  ``now`` (UTC)
    defaults to the current time and decides "published in the future".
    Raises ``GateError`` when the input lacks columns, an expectation cannot
    be evaluated, or the passed/quarantined counts do not reconcile.
    """
    import pandas as pd

    from checks import prepare

    started = time.perf_counter()
    now = now or datetime.now(UTC)
    entities = prepare.with_offset_names(entities)
    parts = prepare.with_offset_names(parts)
    tables = {"article": articles, "claim": claims, "entity": entities, "part": parts}
    required = {
        "article": prepare.ARTICLE_COLUMNS,
        "claim": prepare.CLAIM_COLUMNS,
        "entity": prepare.ENTITY_COLUMNS,
        "part": prepare.PART_COLUMNS,
    }
    for kind, df in tables.items():
        _require(df, required[kind], f"{kind}s", run_id)
    _require(reference_articles, prepare.REFERENCE_COLUMNS, "reference_articles", run_id)

    originals = {kind: df.reset_index(drop=True) for kind, df in tables.items()}
    texts = prepare.article_texts(originals["article"], reference_articles)
    claim_article: dict[str, str] = {}
    if len(originals["claim"]):
        for cid, aid in zip(
            originals["claim"]["claim_id"], originals["claim"]["article_id"], strict=True
        ):
            if isinstance(cid, str) and isinstance(aid, str):
                claim_article.setdefault(cid, aid)

    prepared: dict[str, pd.DataFrame] = {}
    if len(originals["article"]):
        prepared["article"] = prepare.prepare_articles(originals["article"], now=now)
    if len(originals["claim"]):
        prepared["claim"] = prepare.prepare_claims(originals["claim"], texts)
    if len(originals["entity"]):
        prepared["entity"] = prepare.prepare_entities(originals["entity"], claim_article, texts)
    if len(originals["part"]):
        prepared["part"] = prepare.prepare_parts(originals["part"], claim_article, texts)

    record_ids = {
        kind: [_record_id(kind, originals[kind], row) for row in range(len(originals[kind]))]
        for kind in KINDS
    }
    suites: list[SuiteOutcome] = []
    failures: list[_Failure] = []
    for kind in KINDS:
        if kind not in prepared:
            suites.append(_skipped(kind, "no rows"))
            continue
        outcome, found = _evaluate(kind, prepared[kind], record_ids[kind], run_id)
        suites.append(outcome)
        failures.extend(found)

    failures.extend(_cascade(originals, failures))
    return _assemble(originals, record_ids, suites, failures, run_id, started)


def _failed_rows(failures: list[_Failure], kind: str) -> set[int]:
    return {f.row for f in failures if f.kind == kind}


def _cascade(originals: dict[str, pandas.DataFrame], failures: list[_Failure]) -> list[_Failure]:
    """Quarantine claims of failed articles, then entities/parts of failed claims."""
    extra: list[_Failure] = []

    def checks_by_id(kind: str, id_column: str, found: list[_Failure]) -> dict[str, list[str]]:
        df = originals[kind]
        by_id: dict[str, list[str]] = {}
        for f in found:
            if f.kind == kind:
                value = df.at[f.row, id_column]
                if isinstance(value, str):
                    by_id.setdefault(value, []).append(f.check)
        return by_id

    bad_articles = checks_by_id("article", "article_id", failures)
    claims = originals["claim"]
    for row in range(len(claims)):
        aid = claims.at[row, "article_id"]
        if isinstance(aid, str) and aid in bad_articles:
            reason = f"Its article {aid} was quarantined ({'; '.join(dict.fromkeys(bad_articles[aid]))})."
            extra.append(_Failure("claim", row, ARTICLE_QUARANTINED, reason))

    bad_claims = checks_by_id("claim", "claim_id", [*failures, *extra])
    for kind in ("entity", "part"):
        df = originals[kind]
        for row in range(len(df)):
            cid = df.at[row, "claim_id"]
            if isinstance(cid, str) and cid in bad_claims:
                reason = f"Its claim {cid} was quarantined ({'; '.join(dict.fromkeys(bad_claims[cid]))})."
                extra.append(_Failure(kind, row, CLAIM_QUARANTINED, reason))
    return extra


def _assemble(
    originals: dict[str, pandas.DataFrame],
    record_ids: dict[str, list[str]],
    suites: list[SuiteOutcome],
    failures: list[_Failure],
    run_id: str,
    started: float,
) -> GateResult:
    """Build the quarantine table and passed lists, and check that counts reconcile."""
    import pandas as pd

    failures = sorted(failures, key=lambda f: (KINDS.index(f.kind), f.row, f.check))
    seen: set[tuple[str, int, str]] = set()
    quarantined_rows: dict[str, set[int]] = {kind: set() for kind in KINDS}
    rows: list[dict[str, str]] = []
    payloads: dict[tuple[str, int], str] = {}
    for f in failures:
        if (f.kind, f.row, f.check) in seen:
            continue
        seen.add((f.kind, f.row, f.check))
        quarantined_rows[f.kind].add(f.row)
        if (f.kind, f.row) not in payloads:
            payloads[(f.kind, f.row)] = _payload(originals[f.kind], f.row)
        rows.append(
            {
                "kind": f.kind,
                "record_id": record_ids[f.kind][f.row],
                "check": f.check,
                "reason": f.reason.replace("\n", " "),
                "run_id": run_id,
                "payload": payloads[(f.kind, f.row)],
            }
        )
    quarantine = pd.DataFrame(rows, columns=list(QUARANTINE_COLUMNS))

    passed_rows: dict[str, list[int]] = {}
    counts: dict[str, dict[str, int]] = {}
    for kind in KINDS:
        n = len(originals[kind])
        failed = _failed_rows(failures, kind)
        passed_rows[kind] = [r for r in range(n) if r not in failed]
        quarantined = len(quarantined_rows[kind])
        counts[kind] = {"in": n, "passed": len(passed_rows[kind]), "quarantined": quarantined}
        overlap = quarantined_rows[kind].intersection(passed_rows[kind])
        if len(passed_rows[kind]) + quarantined != n or overlap or not failed <= set(range(n)):
            raise GateError(
                f"run {run_id}: {kind} rows do not reconcile: {n} in, "
                f"{len(passed_rows[kind])} passed, {quarantined} quarantined"
            )

    articles_passed = [
        str(originals["article"].at[r, "article_id"]) for r in passed_rows["article"]
    ]
    claims_passed = [str(originals["claim"].at[r, "claim_id"]) for r in passed_rows["claim"]]
    for kind, ids in (("article", articles_passed), ("claim", claims_passed)):
        if len(set(ids)) != len(ids):
            raise GateError(f"run {run_id}: duplicate {kind} ids passed the gate")
    return GateResult(
        articles_passed=articles_passed,
        claims_passed=claims_passed,
        quarantine=quarantine,
        suites=suites,
        entity_rows_passed=passed_rows["entity"],
        part_rows_passed=passed_rows["part"],
        run_id=run_id,
        counts=counts,
        seconds=time.perf_counter() - started,
    )
