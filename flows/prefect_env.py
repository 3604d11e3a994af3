"""Prefect's environment, set before Prefect is imported.

With no server configured, Prefect starts a temporary one; its first start
takes 14-22 s here, longer than its 20 s default timeout, so we raise it.
Prefect's state lives in the data home unless the user configured Prefect
(PREFECT_API_URL or PREFECT_HOME already set).
"""

from __future__ import annotations

import os
from collections.abc import MutableMapping

from flows.settings import Settings


def configure_prefect(settings: Settings, env: MutableMapping[str, str] | None = None) -> dict[str, str]:
    """Set Prefect's env defaults for this process; return what was set."""
    if env is None:
        env = os.environ
    wanted = {
        "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": str(settings.prefect_startup_timeout),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "DO_NOT_TRACK": "1",
        "PREFECT_LOGGING_LEVEL": "WARNING",
    }
    if "PREFECT_API_URL" not in env and "PREFECT_HOME" not in env:
        settings.prefect_home.mkdir(parents=True, exist_ok=True)
        wanted["PREFECT_HOME"] = str(settings.prefect_home)
    applied = {}
    for key, value in wanted.items():
        if key not in env:
            env[key] = value
            applied[key] = value
    return applied
