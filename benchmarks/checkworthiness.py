"""Measure the shipped check-worthiness model on CheckThat! 2024 task 1 (English).

Prints F1 / precision / recall of the Yes class on dev and dev-test at the
model's shipped threshold, ECE on dev, and sentences per second (batched,
median of several passes over dev + dev-test) on this machine's cores.

    python benchmarks/checkworthiness.py --data ../shared/datasets/checkthat2024-task1-en
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from claims.scoring import load_scorer  # noqa: E402
from claims.train.data import read_dataset  # noqa: E402
from claims.train.metrics import ece, prf  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", required=True, type=Path, help="folder with the CT24 task 1 English TSVs")
    ap.add_argument("--model", type=Path, default=None, help="artifact folder (default: shipped)")
    ap.add_argument("--runs", type=int, default=7, help="timed passes for the speed median")
    args = ap.parse_args(argv)

    t = time.perf_counter()
    scorer = load_scorer(args.model)
    load_s = time.perf_counter() - t
    data = read_dataset(args.data)
    print(f"model {scorer.name} {scorer.version}  threshold {scorer.threshold}  load {load_s:.2f} s")
    print(f"{'split':<9} {'n':>5} {'F1':>6} {'P':>6} {'R':>6} {'ECE':>6}  (at 0.5: F1 P R)")
    for name in ("dev", "dev-test"):
        if name not in data:
            continue
        s = data[name]
        p = scorer.score(s.texts)
        m, h = prf(s.labels, p, scorer.threshold), prf(s.labels, p, 0.5)
        print(f"{name:<9} {len(s.texts):>5} {m['f1']:>6.3f} {m['precision']:>6.3f} {m['recall']:>6.3f} "
              f"{ece(s.labels, p):>6.3f}  ({h['f1']:.3f} {h['precision']:.3f} {h['recall']:.3f})")

    texts = [t for name in ("dev", "dev-test") if name in data for t in data[name].texts]
    scorer.score(texts[:64])
    rates = []
    for _ in range(args.runs):
        t = time.perf_counter()
        scorer.score(texts)
        rates.append(len(texts) / (time.perf_counter() - t))
    print(f"speed: {statistics.median(rates):.0f} sentences/s median of {args.runs} batched passes over "
          f"{len(texts)} sentences (min {min(rates):.0f}, max {max(rates):.0f}; {os.cpu_count()} cores; "
          f"load avg {os.getloadavg()[0]:.1f})")
    assert np.all((p >= 0) & (p <= 1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
