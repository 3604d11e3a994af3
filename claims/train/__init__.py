"""Rebuild the shipped check-worthiness artifact from the CheckThat! 2024 task 1 folder.

``train(data_dir, out_dir)`` fits the components on the train split, fits the
logistic combiner (ensemble weights + calibration) on dev, picks the threshold
by cross-validation on dev, measures dev and dev-test, writes the artifact and
returns its metrics.  Heavy libraries (scikit-learn, torch) load lazily; they
come with the ``claimflow[train]`` extras and are never needed to score.
"""

from __future__ import annotations

from claims.train.pipeline import TrainConfig, train

__all__ = ["TrainConfig", "train"]
