"""The data-quality report: one self-contained HTML page and a JSON twin per run.

GX Data Docs pull CSS/JS from CDNs; this page has inline CSS only, no scripts
and no external assets, so it opens offline and can be mailed around.  Every
value that comes from data is escaped with ``html.escape``.
"""

from __future__ import annotations

import html
import json
import re
import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from checks.gate import ExpectationOutcome, GateResult, SuiteOutcome

MAX_QUARANTINE_ROWS = 500  # shown in the HTML; the JSON has them all
LATEST = "latest.html"

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;
max-width:72rem;padding:0 1rem;color:#1f2328;line-height:1.45}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{margin-top:2rem;border-bottom:1px solid #d0d7de}
.meta{color:#59636e;font-size:.9rem}
.banner{padding:.8rem 1rem;border-radius:6px;font-weight:600;margin:1rem 0}
.ok{background:#dafbe1;color:#116329}.bad{background:#ffebe9;color:#a40e26}
.skip{background:#eef1f4;color:#59636e}
table{border-collapse:collapse;width:100%;margin:.6rem 0;font-size:.9rem}
th,td{border:1px solid #d0d7de;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}td.num{text-align:right;font-variant-numeric:tabular-nums}
.pill{display:inline-block;padding:0 .5rem;border-radius:1rem;font-size:.8rem;font-weight:600}
code{font-size:.8rem;background:#f6f8fa;padding:0 .2rem;border-radius:3px;word-break:break-all}
details summary{cursor:pointer;color:#0969da}pre{white-space:pre-wrap;word-break:break-all;
font-size:.8rem;background:#f6f8fa;padding:.5rem;margin:.3rem 0}
ul.ex{margin:0;padding-left:1.1rem}
"""


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _safe_name(run_id: str) -> str:
    """A file-name-safe form of ``run_id``."""
    return re.sub(r"[^A-Za-z0-9._-]+", "_", run_id).strip("._") or "run"


def _pill(success: bool, skipped: str | None = None) -> str:
    if skipped:
        return '<span class="pill skip">skipped</span>'
    return '<span class="pill ok">pass</span>' if success else '<span class="pill bad">FAIL</span>'


def _counts_table(result: GateResult) -> str:
    labels = {"article": "Articles", "claim": "Claims", "entity": "Entities", "part": "Claim parts"}
    rows = "".join(
        f"<tr><td>{_e(labels.get(kind, kind))}</td><td class=num>{c.get('in', 0)}</td>"
        f"<td class=num>{c.get('passed', 0)}</td><td class=num>{c.get('quarantined', 0)}</td></tr>"
        for kind, c in result.counts.items()
    )
    return (
        "<table><thead><tr><th>Records</th><th>In</th><th>Passed</th><th>Quarantined</th>"
        f"</tr></thead><tbody>{rows}</tbody></table>"
    )


def _expectation_row(exp: ExpectationOutcome) -> str:
    examples = (
        "<ul class=ex>" + "".join(f"<li>{_e(x)}</li>" for x in exp.examples) + "</ul>"
        if exp.examples
        else ""
    )
    return (
        f"<tr><td>{_pill(exp.success)}</td><td>{_e(exp.notes)}<br><code>{_e(exp.check)}</code></td>"
        f"<td class=num>{exp.unexpected_count}</td><td>{examples}</td></tr>"
    )


def _suite_section(suite: SuiteOutcome) -> str:
    head = f"<h3>{_pill(suite.success, suite.skipped)} {_e(suite.name)}</h3>"
    if suite.skipped:
        return head + f"<p class=meta>Not run: {_e(suite.skipped)}.</p>"
    summary = (
        f"<p class=meta>{suite.successful} of {suite.evaluated} checks passed; "
        f"{suite.rows_failed} of {suite.rows} rows failed at least one check.</p>"
    )
    failed = sorted(
        (x for x in suite.expectations if not x.success), key=lambda x: -x.unexpected_count
    )
    passed = [x for x in suite.expectations if x.success]
    thead = (
        "<table><thead><tr><th>Result</th><th>What is checked</th><th>Failing rows</th>"
        "<th>Examples</th></tr></thead><tbody>"
    )
    body = ""
    if failed:
        body += thead + "".join(_expectation_row(x) for x in failed) + "</tbody></table>"
    if passed:
        body += (
            f"<details{'' if failed else ' open'}><summary>{len(passed)} check(s) passed</summary>"
            + thead
            + "".join(_expectation_row(x) for x in passed)
            + "</tbody></table></details>"
        )
    return head + summary + body


def _by_check_table(result: GateResult) -> str:
    q = result.quarantine
    if len(q) == 0:
        return ""
    counts = q.groupby(["kind", "check"], sort=False).size().sort_values(ascending=False)
    rows = "".join(
        f"<tr><td>{_e(kind)}</td><td><code>{_e(check)}</code></td><td class=num>{int(n)}</td></tr>"
        for (kind, check), n in counts.items()
    )
    return (
        "<table><thead><tr><th>Kind</th><th>Failed check</th><th>Records</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )


def _quarantine_section(result: GateResult) -> str:
    q = result.quarantine
    if len(q) == 0:
        return "<p>Nothing was quarantined.</p>"
    shown = q.head(MAX_QUARANTINE_ROWS)
    rows = "".join(
        f"<tr><td>{_e(r['kind'])}</td><td><code>{_e(r['record_id'])}</code></td>"
        f"<td>{_e(r['reason'])}<br><code>{_e(r['check'])}</code></td>"
        f"<td><details><summary>record</summary><pre>{_e(_pretty(r['payload']))}</pre></details></td></tr>"
        for r in shown.to_dict("records")
    )
    more = (
        f"<p class=meta>{len(q) - len(shown)} more rows are in the JSON report.</p>"
        if len(q) > len(shown)
        else ""
    )
    return (
        _by_check_table(result)
        + "<table><thead><tr><th>Kind</th><th>Record</th><th>Why</th><th>Data</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>{more}"
    )


def _pretty(payload: object) -> str:
    try:
        return json.dumps(json.loads(str(payload)), indent=2, ensure_ascii=False)
    except (TypeError, ValueError):
        return str(payload)


def _extra_section(extra: dict[str, Any] | None) -> str:
    if not extra:
        return ""
    rows = "".join(
        f"<tr><th>{_e(k)}</th><td>{_e(v if isinstance(v, str) else json.dumps(v, default=str))}</td></tr>"
        for k, v in extra.items()
    )
    return f"<h2>Run details</h2><table><tbody>{rows}</tbody></table>"


def render_html(result: GateResult, run_id: str, *, extra: dict | None = None) -> str:
    """The report page as a string (self-contained, no external references)."""
    generated = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    n_quarantined = sum(c.get("quarantined", 0) for c in result.counts.values())
    if n_quarantined:
        banner = (
            f'<div class="banner bad">{n_quarantined} record(s) quarantined: they were not stored '
            "for review. Reasons are listed below.</div>"
        )
    else:
        banner = '<div class="banner ok">All records passed the data-quality checks.</div>'
    suites = "".join(_suite_section(s) for s in result.suites)
    return (
        "<!DOCTYPE html><html lang=en><head><meta charset=utf-8>"
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Data quality: run {_e(run_id)}</title><style>{_CSS}</style></head><body>"
        f"<h1>Data quality report</h1><p class=meta>Run <code>{_e(run_id)}</code> · "
        f"generated {_e(generated)} · gate took {result.seconds:.2f} s</p>"
        f"{banner}{_counts_table(result)}"
        f"<h2>Checks</h2>{suites}"
        f"<h2>Quarantined records</h2>{_quarantine_section(result)}"
        f"{_extra_section(extra)}</body></html>"
    )


def report_dict(result: GateResult, run_id: str, *, extra: dict | None = None) -> dict[str, Any]:
    """The JSON report: summary, passed ids, every quarantine row, extra."""
    return {
        **result.summary(),
        "run_id": run_id,
        "generated_at": datetime.now(UTC).isoformat(),
        "articles_passed": list(result.articles_passed),
        "claims_passed": list(result.claims_passed),
        "entity_rows_passed": list(result.entity_rows_passed),
        "part_rows_passed": list(result.part_rows_passed),
        "quarantine": result.quarantine.to_dict("records"),
        "extra": extra or {},
    }


def _write(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def write_report(
    result: GateResult, out_dir: Path, run_id: str, *, extra: dict | None = None
) -> Path:
    """Write ``dq-<run_id>.html`` and ``dq-<run_id>.json`` to ``out_dir``, copy the HTML
    to ``latest.html``, and return the HTML path."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    name = _safe_name(run_id)
    html_path = out_dir / f"dq-{name}.html"
    _write(html_path, render_html(result, run_id, extra=extra))
    report = report_dict(result, run_id, extra=extra)
    _write(
        out_dir / f"dq-{name}.json",
        json.dumps(report, indent=2, ensure_ascii=False, default=str),
    )
    shutil.copyfile(html_path, out_dir / LATEST)
    return html_path
