from __future__ import annotations

import cloudpickle
import pytest
from click.testing import CliRunner

from flows.cli import cli
from flows.serving import ServeError, validate_cron


def test_flow_can_be_shipped_to_a_served_subprocess() -> None:
    """`serve` runs each flow run in a subprocess by cloudpickling the flow."""
    from flows.pipeline import pipeline

    restored = cloudpickle.loads(cloudpickle.dumps(pipeline))
    assert restored.name == "claimflow-pipeline"


@pytest.mark.parametrize("cron", ["*/30 * * * *", "0 6 * * mon-fri"])
def test_valid_cron(cron: str) -> None:
    assert validate_cron(cron) == cron


@pytest.mark.parametrize("cron", ["every half hour", "61 * * * *", "* * * *"])
def test_invalid_cron_is_one_line_before_any_server_starts(cron: str, home) -> None:
    with pytest.raises(ServeError, match="invalid --cron"):
        validate_cron(cron)
    res = CliRunner().invoke(cli, ["serve", "--cron", cron])
    assert res.exit_code == 1 and res.output.startswith("Error: invalid --cron")
    assert not (home / "logs").exists()
