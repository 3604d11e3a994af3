"""claimflow's settings: one typed object, overridable by ``CLAIMFLOW_*`` env vars.

Every field has a documented default; there are no secrets, so nothing here
needs one.  Precedence, lowest first: the defaults below, environment
variables ``CLAIMFLOW_<FIELD>`` (upper case), then explicit keyword arguments
(which is how CLI options such as ``--home`` arrive).

Only stdlib imports: the CLI reads settings on every start-up.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from claims.errors import ClaimflowError

ENV_PREFIX = "CLAIMFLOW_"


class SettingsError(ClaimflowError):
    """A setting has a value that cannot be used."""


def _default_home() -> Path:
    """``$XDG_DATA_HOME/claimflow``, else ``~/.local/share/claimflow``."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "claimflow"


def _doc(text: str) -> dict[str, str]:
    return {"doc": text}


@dataclass(frozen=True)
class Settings:
    """All of claimflow's knobs.  Read with :func:`load_settings`."""

    home: Path = field(
        default_factory=_default_home,
        metadata=_doc(
            "Data home: the DuckDB file, Parquet exports, data-quality reports, snapshots and "
            "(unless you configure Prefect yourself) Prefect's state. "
            "Default $XDG_DATA_HOME/claimflow or ~/.local/share/claimflow."
        ),
    )
    threshold: float | None = field(
        default=None,
        metadata=_doc("Check-worthiness threshold; default: the one the shipped model was trained with."),
    )
    model_path: Path | None = field(
        default=None,
        metadata=_doc("Check-worthiness model artifact to load; default: the one shipped in the package."),
    )
    speaker_tagger: bool = field(
        default=True,
        metadata=_doc("Use the shipped speaker-mention tagger next to the attribution rules; "
                      "false: rules only (the extractor version then says so)."),
    )
    batch_size: int = field(
        default=8, metadata=_doc("Articles per extract task (one Prefect task per batch).")
    )
    lock_timeout: float = field(
        default=30.0,
        metadata=_doc("Seconds to keep retrying while another process holds the DuckDB file."),
    )
    http_timeout: float = field(default=10.0, metadata=_doc("Seconds per HTTP request."))
    user_agent: str = field(
        default="claimflow/0.1 (+fact-checking pipeline)",
        metadata=_doc("User-Agent sent when fetching pages and feeds."),
    )
    prefect_startup_timeout: int = field(
        default=120,
        metadata=_doc("Seconds Prefect's temporary server may take to start (its default, 20, is too short)."),
    )
    queue_limit: int = field(default=20, metadata=_doc("Rows `claimflow queue` prints by default."))
    progress: bool | None = field(
        default=None,
        metadata=_doc("Show progress on stderr; default: only when stderr is a terminal."),
    )

    # Derived locations -------------------------------------------------
    @property
    def db_path(self) -> Path:
        """The warehouse: ``<home>/warehouse.duckdb``."""
        return self.home / "warehouse.duckdb"

    @property
    def snapshot_path(self) -> Path:
        """Read-only copy refreshed after each run: ``<home>/snapshot/warehouse.duckdb``."""
        return self.home / "snapshot" / "warehouse.duckdb"

    @property
    def exports_dir(self) -> Path:
        """Parquet exports, hive-partitioned by ingest date."""
        return self.home / "exports"

    @property
    def reports_dir(self) -> Path:
        """Data-quality reports (self-contained HTML + JSON)."""
        return self.home / "reports"

    @property
    def prefect_home(self) -> Path:
        return self.home / "prefect"


def _coerce(name: str, raw: Any, annotation: str) -> Any:
    if raw is None:
        return None
    if isinstance(raw, str) and raw.strip() == "" and "None" in annotation:
        return None
    try:
        if "Path" in annotation:
            return Path(raw).expanduser()
        if annotation.startswith("bool"):
            if isinstance(raw, bool):
                return raw
            low = str(raw).strip().lower()
            if low in {"1", "true", "yes", "on"}:
                return True
            if low in {"0", "false", "no", "off"}:
                return False
            raise ValueError(f"expected true/false, got {raw!r}")
        if annotation.startswith("float"):
            return float(raw)
        if annotation.startswith("int"):
            return int(raw)
        return str(raw)
    except ValueError as exc:
        raise SettingsError(f"setting {name} ({ENV_PREFIX}{name.upper()}): {exc}") from None


def load_settings(env: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
    """Build :class:`Settings` from defaults, ``CLAIMFLOW_*`` env vars and overrides.

    ``overrides`` whose value is ``None`` are ignored, so CLI options that were
    not given fall through to the environment.
    """
    if env is None:
        env = os.environ
    values: dict[str, Any] = {}
    for f in fields(Settings):
        key = ENV_PREFIX + f.name.upper()
        if overrides.get(f.name) is not None:
            values[f.name] = _coerce(f.name, overrides[f.name], str(f.type))
        elif key in env:
            values[f.name] = _coerce(f.name, env[key], str(f.type))
    unknown = set(overrides) - {f.name for f in fields(Settings)}
    if unknown:
        raise SettingsError(f"unknown setting(s): {', '.join(sorted(unknown))}")
    s = Settings(**values)
    if s.threshold is not None and not 0.0 <= s.threshold <= 1.0:
        raise SettingsError(f"setting threshold must be in [0, 1], got {s.threshold}")
    if s.batch_size < 1:
        raise SettingsError(f"setting batch_size must be >= 1, got {s.batch_size}")
    return s


def describe() -> list[tuple[str, str, str]]:
    """(env var, default, doc) for every setting, for docs and `claimflow settings`."""
    out = []
    for f in fields(Settings):
        default = f.default_factory() if callable(f.default_factory) else f.default  # type: ignore[misc]
        out.append((ENV_PREFIX + f.name.upper(), str(default), f.metadata.get("doc", "")))
    return out
