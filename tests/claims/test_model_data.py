"""The shipped model on the real CheckThat! 2024 data (skipped when ../shared is absent)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claims.scoring import MODEL_DIR, load_scorer

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "datasets" / "checkthat2024-task1-en"

pytestmark = [pytest.mark.shared, pytest.mark.skipif(not DATA.is_dir(), reason=f"{DATA} absent")]


def test_dataset_reads_with_expected_counts() -> None:
    from claims.train.data import read_dataset

    d = read_dataset(DATA)
    assert len(d["train"].texts) == 22501 and sum(d["train"].labels) == 5413
    assert len(d["dev"].texts) == 1032 and sum(d["dev"].labels) == 238
    assert len(d["dev-test"].texts) == 318 and sum(d["dev-test"].labels) == 108


def test_shipped_model_reproduces_its_recorded_metrics() -> None:
    from claims.train.data import read_dataset
    from claims.train.metrics import ece, prf

    meta = json.loads((MODEL_DIR / "checkworthiness.json").read_text(encoding="utf-8"))
    s = load_scorer()
    d = read_dataset(DATA)
    for split in ("dev", "dev-test"):
        p = s.score(d[split].texts)
        m = prf(d[split].labels, p, s.threshold)
        assert m["f1"] == pytest.approx(meta["metrics"][split]["f1"], abs=0.005)
    assert ece(d["dev"].labels, s.score(d["dev"].texts)) <= 0.05
