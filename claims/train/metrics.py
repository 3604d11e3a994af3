"""Classification metrics used by training and the benchmark (numpy only)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def prf(labels: Sequence[int] | np.ndarray, probs: np.ndarray, threshold: float) -> dict[str, float]:
    """Precision, recall and F1 of the positive class at ``threshold``."""
    y = np.asarray(labels, dtype=bool)
    pred = np.asarray(probs) >= threshold
    tp = float(np.sum(pred & y))
    p = tp / max(float(pred.sum()), 1.0)
    r = tp / max(float(y.sum()), 1.0)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"f1": round(f, 4), "precision": round(p, 4), "recall": round(r, 4)}


def ece(labels: Sequence[int] | np.ndarray, probs: np.ndarray, bins: int = 10) -> float:
    """Expected calibration error with equal-width bins over [0, 1]."""
    y = np.asarray(labels, dtype=np.float64)
    p = np.asarray(probs, dtype=np.float64)
    idx = np.minimum((p * bins).astype(int), bins - 1)
    total = 0.0
    for b in range(bins):
        m = idx == b
        if m.any():
            total += m.sum() * abs(p[m].mean() - y[m].mean())
    return round(total / len(p), 4)


def best_threshold(labels: Sequence[int] | np.ndarray, probs: np.ndarray) -> float:
    """Threshold in [0.05, 0.95] (step 0.01) that maximises F1 on these labels."""
    grid = np.round(np.arange(0.05, 0.951, 0.01), 2)
    scores = [prf(labels, probs, float(t))["f1"] for t in grid]
    return float(grid[int(np.argmax(scores))])
