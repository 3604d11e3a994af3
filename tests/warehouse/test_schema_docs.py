"""The schema is a contract: every column of every table and view is documented."""

from __future__ import annotations

import re
from pathlib import Path

from warehouse.connection import writer

DOC = Path(__file__).resolve().parents[2] / "docs" / "schema.md"


def _documented() -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    current = None
    for line in DOC.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^## `(\w+)`", line)
        if m:
            current = out.setdefault(m.group(1), set())
            continue
        m = re.match(r"^\| (\w+) \|", line)
        if current is not None and m and m.group(1) != "column":
            current.add(m.group(1))
    return out


def test_every_table_and_column_is_documented(tmp_path) -> None:
    documented = _documented()
    with writer(tmp_path / "w.duckdb") as con:
        rows = con.execute(
            "SELECT table_name, column_name FROM information_schema.columns "
            "WHERE table_name NOT LIKE 'staging_%' AND table_name <> 'schema_version'"
        ).fetchall()
    missing = sorted(f"{t}.{c}" for t, c in rows if c not in documented.get(t, set()))
    assert not missing, f"undocumented in docs/schema.md: {missing}"
    stale = sorted(
        f"{t}.{c}" for t, cols in documented.items() for c in cols
        if (t, c) not in set(rows)
    )
    assert not stale, f"documented but not in the schema: {stale}"
