"""`claimflow serve`: the pipeline on a cron schedule.

Schedules need a standing Prefect server (the temporary one refuses to
schedule).  With PREFECT_API_URL set we use that server; otherwise we start
`prefect server start` on 127.0.0.1 with its state in the data home, and stop
it when serve stops.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from claims.errors import ClaimflowError
from flows.prefect_env import configure_prefect
from flows.settings import Settings


class ServeError(ClaimflowError):
    """The schedule or the local Prefect server could not be set up."""


def validate_cron(cron: str) -> str:
    """Raise a one-line ServeError unless ``cron`` is a valid 5-field cron expression.

    Uses cronsim (what Prefect itself validates with) rather than Prefect, because
    importing Prefect fixes its settings before PREFECT_API_URL is known.
    """
    from datetime import datetime

    from cronsim import CronSim, CronSimError

    if len(cron.split()) != 5:
        raise ServeError(f"invalid --cron {cron!r}: expected 5 fields (minute hour day month weekday)")
    try:
        CronSim(cron, datetime.now())
    except CronSimError as exc:
        raise ServeError(f"invalid --cron {cron!r}: {exc}") from None
    return cron


def wait_for_server(api_url: str, timeout: float, proc: subprocess.Popen | None = None) -> None:
    import httpx

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise ServeError(f"prefect server exited with status {proc.returncode} before answering at {api_url}")
        try:
            if httpx.get(f"{api_url}/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise ServeError(f"prefect server did not answer at {api_url} within {timeout:.0f}s")


def start_local_server(settings: Settings, port: int, log_path: Path) -> tuple[subprocess.Popen, str]:
    """Start `prefect server start` in the background; return (process, api url)."""
    api_url = f"http://127.0.0.1:{port}/api"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    log = open(log_path, "ab")  # noqa: SIM115 - lives as long as the server
    proc = subprocess.Popen(
        [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
        env=dict(os.environ),
    )
    try:
        wait_for_server(api_url, settings.prefect_startup_timeout, proc)
    except BaseException:
        proc.terminate()
        raise
    return proc, api_url


def serve_pipeline(
    settings: Settings,
    *,
    sources: list[str],
    cron: str,
    name: str,
    port: int,
    echo: Callable[[str], None] = print,
) -> None:
    configure_prefect(settings)
    validate_cron(cron)
    server = None
    if not os.environ.get("PREFECT_API_URL"):
        log_path = settings.home / "logs" / "prefect-server.log"
        echo(f"starting a local Prefect server on 127.0.0.1:{port} (log: {log_path}) ...")
        server, api_url = start_local_server(settings, port, log_path)
        os.environ["PREFECT_API_URL"] = api_url
        echo(f"Prefect UI: {api_url[:-4]}")
    from flows.pipeline import pipeline

    echo(f"serving claimflow-pipeline/{name} on cron {cron!r}; press Ctrl-C to stop")
    try:
        pipeline.serve(
            name=name,
            cron=cron,
            parameters={"sources": sources or None, "home": str(settings.home)},
            pause_on_shutdown=True,
        )
    finally:
        if server is not None:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
            echo("local Prefect server stopped")
