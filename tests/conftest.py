"""Suite-wide fixtures: every test starts with no CLAIMFLOW_* settings from the caller."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(autouse=True)
def _clean_claimflow_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for key in list(os.environ):
        if key.startswith("CLAIMFLOW_"):
            monkeypatch.delenv(key, raising=False)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh data home, also exported as CLAIMFLOW_HOME."""
    h = tmp_path / "home"
    monkeypatch.setenv("CLAIMFLOW_HOME", str(h))
    return h
