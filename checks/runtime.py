"""One Great Expectations context per process, and validating a DataFrame with it.

``great_expectations`` takes seconds to import and a context is not free, so
both happen on first use and are reused.  Validation runs under a lock: the
pandas data source and its assets are shared.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import great_expectations as gx
    import pandas as pd

DATASOURCE = "claimflow_gate"

_lock = threading.RLock()
_context: Any = None
_batch_definitions: dict[str, Any] = {}
_suites: dict[str, Any] = {}


def get_context() -> Any:
    """The process-wide ephemeral GX context, with progress bars and analytics off."""
    global _context
    with _lock:
        if _context is None:
            import logging

            import great_expectations as gx
            from great_expectations.data_context.types.base import ProgressBarsConfig

            # GX logs its temporary folders at INFO (one module pins its logger to
            # INFO at import); under Prefect's handlers that reaches the terminal.
            for name in ("great_expectations", "great_expectations.data_context.types.base"):
                logging.getLogger(name).setLevel(logging.WARNING)

            context = gx.get_context(mode="ephemeral")
            context.enable_analytics(False)  # GX 1.24 ships no analytics client; stay explicit
            context.variables.progress_bars = ProgressBarsConfig(globally=False)
            context.data_sources.add_or_update_pandas(DATASOURCE)
            _context = context
        return _context


def _batch_definition(kind: str) -> Any:
    """A whole-DataFrame batch definition for table ``kind``, created once."""
    if kind not in _batch_definitions:
        source = get_context().data_sources.get(DATASOURCE)
        asset = source.add_dataframe_asset(name=kind)
        _batch_definitions[kind] = asset.add_batch_definition_whole_dataframe(f"{kind}_whole")
    return _batch_definitions[kind]


def suite_for(kind: str) -> gx.ExpectationSuite:
    """The suite for ``kind`` ('article', 'claim', 'entity', 'part'), built once."""
    with _lock:
        if kind not in _suites:
            from checks.suites import all_suites

            _suites.update(all_suites())
        return _suites[kind]


def validate(kind: str, df: pd.DataFrame) -> Any:
    """Validate ``df`` against the suite for ``kind``; every failing row index is reported.

    Returns GX's ``ExpectationSuiteValidationResult`` (result_format COMPLETE,
    so ``unexpected_index_list`` holds the DataFrame index of every failing row).
    """
    with _lock:
        suite = suite_for(kind)
        batch = _batch_definition(kind).get_batch(batch_parameters={"dataframe": df})
        return batch.validate(suite, result_format={"result_format": "COMPLETE"})
