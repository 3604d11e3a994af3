"""The temporal threshold rule's pure parts: which train rows are held out, and the bootstrap median."""

from __future__ import annotations

import numpy as np
import pytest

from claims.train.data import DatasetError
from claims.train.metrics import best_threshold
from claims.train.pipeline import MIN_HOLDOUT, bootstrap_threshold, holdout_split, usable_holdout


def test_holdout_is_the_train_rows_newer_than_every_dev_row():
    mask = holdout_split(["5", "120", "300", "301", "999"], ["7", "300", "42"])
    assert mask.tolist() == [False, False, False, True, True]


def test_holdout_needs_numeric_ids_and_a_dev_split():
    with pytest.raises(DatasetError, match="numeric sentence ids"):
        holdout_split(["a1", "a2"], ["b"])
    with pytest.raises(DatasetError, match="dev split is empty"):
        holdout_split(["1", "2"], [])


def test_a_holdout_too_small_or_one_class_is_not_used():
    big = np.ones(MIN_HOLDOUT + 10, dtype=bool)
    assert usable_holdout(big, [0, 1] * ((MIN_HOLDOUT + 10) // 2))
    assert not usable_holdout(big, [0] * (MIN_HOLDOUT + 10))  # no positives
    small = np.zeros(MIN_HOLDOUT + 10, dtype=bool)
    small[:10] = True
    assert not usable_holdout(small, [0, 1] * ((MIN_HOLDOUT + 10) // 2))


def test_bootstrap_median_sits_where_the_classes_separate():
    rng = np.random.default_rng(1)
    # Positives score around 0.25, negatives around 0.05: the best cut is low, well below 0.5.
    y = np.r_[np.ones(300), np.zeros(900)].astype(int)
    p = np.r_[rng.normal(0.25, 0.04, 300), rng.normal(0.05, 0.04, 900)].clip(0, 1)
    thr, (p10, p50, p90) = bootstrap_threshold(y, p, runs=60, seed=0)
    assert 0.10 <= thr <= 0.20
    assert p10 <= p50 <= p90
    assert abs(thr - best_threshold(y, p)) <= 0.03
