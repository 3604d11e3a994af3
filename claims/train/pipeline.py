"""Training pipeline: components -> combiner -> threshold -> metrics -> artifact."""

from __future__ import annotations

import hashlib
import json
import shutil
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from claims.scoring import META_NAME, Scorer, sha256_file
from claims.train.data import DatasetError, read_dataset
from claims.train.metrics import best_threshold, ece, prf

MODEL_NAME = "claimflow-checkworthiness"
FAMILY = "1.0"


@dataclass
class TrainConfig:
    """What to train.  ``encoder_layers=0`` trains the TF-IDF component only (fast)."""

    tfidf_C: float = 4.0
    encoder_layers: int = 3
    encoder_epochs: float = 2.0
    encoder_lr: float = 8e-5
    encoder_max_len: int = 64
    encoder_batch_size: int = 32
    seed: int = 0
    cv_folds: int = 5
    speed_runs: int = 5
    #: Components the shipped combiner uses when the encoder is trained.  The TF-IDF model is
    #: still fitted and measured (as a candidate in the metrics and model card), but its
    #: lexical features fit the train/dev debates far better than newer ones (dev 0.90 vs
    #: dev-test 0.77 F1), so it is left out of the shipped stack for generalisation.
    ship: tuple[str, ...] = ("encoder",)
    #: How the shipped threshold is chosen.  ``"temporal"``: F1-optimal on the newest train
    #: debates (the train sentences newer than every dev sentence), scored by a twin model
    #: fitted on the older train sentences and calibrated on dev like the shipped one: the
    #: product meets newer text than it was trained on, and dev (interleaved with train in
    #: time) cannot show that shift.  ``"dev-cv"``: F1-optimal on dev cross-validation.
    threshold_rule: str = "temporal"
    bootstrap: int = 200


def fit_combiner(z: np.ndarray, y: np.ndarray, seed: int = 0) -> tuple[np.ndarray, float]:
    """Logistic regression on component logits: ensemble weights and Platt calibration."""
    from sklearn.linear_model import LogisticRegression

    lr = LogisticRegression(C=1.0, max_iter=1000).fit(z, y)
    return lr.coef_[0].astype(float), float(lr.intercept_[0])


def cv_combiner(z: np.ndarray, y: np.ndarray, folds: int, seed: int = 0) -> np.ndarray:
    """Out-of-fold calibrated probabilities on the combiner's own data (for ECE and threshold)."""
    from sklearn.model_selection import StratifiedKFold

    out = np.zeros(len(y))
    for tr, te in StratifiedKFold(folds, shuffle=True, random_state=seed).split(z, y):
        w, b = fit_combiner(z[tr], y[tr])
        out[te] = 1 / (1 + np.exp(-(b + z[te] @ w)))
    return out


def measure_speed(scorer: Scorer, texts: list[str], runs: int = 5) -> float:
    """Median sentences/s of ``scorer.score`` over ``runs`` batched passes of ``texts``."""
    scorer.score(texts[:64])  # warm-up
    rates = []
    for _ in range(runs):
        t = time.perf_counter()
        scorer.score(texts)
        rates.append(len(texts) / (time.perf_counter() - t))
    return float(np.median(rates))


#: The temporal holdout must be at least this big, with both classes, or training falls back to dev CV.
MIN_HOLDOUT = 200


def holdout_split(train_ids: list[str], dev_ids: list[str]) -> np.ndarray:
    """Mask of the train sentences newer than every dev sentence (ids are chronological)."""
    if not dev_ids:
        raise DatasetError("temporal threshold: the dev split is empty")
    try:
        ids = np.array([int(i) for i in train_ids])
        cutoff = max(int(i) for i in dev_ids)
    except ValueError as exc:
        raise DatasetError(f"temporal threshold needs numeric sentence ids ({exc})") from None
    return ids > cutoff


def usable_holdout(mask: np.ndarray, labels: list[int]) -> bool:
    """Whether the held-out rows are enough to pick a threshold on: MIN_HOLDOUT rows, both classes."""
    y = np.asarray(labels)[mask]
    return len(y) >= MIN_HOLDOUT and 0 < int(y.sum()) < len(y)


def bootstrap_threshold(y: np.ndarray, p: np.ndarray, runs: int, seed: int = 0) -> tuple[float, list[float]]:
    """Median over bootstrap resamples of the F1-optimal threshold, and its 10/50/90th percentiles.

    The median is far steadier than the optimum of one noisy sample.
    """
    rng = np.random.default_rng(seed)
    ts = [best_threshold(y[i], p[i]) for i in (rng.integers(0, len(y), len(y)) for _ in range(runs))]
    q = [round(float(v), 3) for v in np.percentile(ts, [10, 50, 90])]
    return round(float(np.median(ts)), 2), q


def temporal_threshold(tr, dev, cfg: TrainConfig, log: Callable[[str], None]) -> dict[str, Any]:
    """Fit a twin encoder on the older train debates, calibrate it on dev, pick the threshold on the newest."""
    import tempfile

    from claims.model.encoder import OnnxClassifier
    from claims.train.finetune import export_onnx, train_classifier

    new = holdout_split(tr.ids, dev.ids)
    fit_x = [t for t, k in zip(tr.texts, new, strict=True) if not k]
    fit_y = [v for v, k in zip(tr.labels, new, strict=True) if not k]
    hx = [t for t, k in zip(tr.texts, new, strict=True) if k]
    hy = np.array([v for v, k in zip(tr.labels, new, strict=True) if k])
    log(f"threshold: twin encoder on {len(fit_x)} older train sentences, holdout {len(hx)} newest")
    model = train_classifier(fit_x, fit_y, layers=cfg.encoder_layers, epochs=cfg.encoder_epochs, lr=cfg.encoder_lr,
                             batch_size=cfg.encoder_batch_size, max_len=cfg.encoder_max_len, seed=cfg.seed, log=log)
    with tempfile.TemporaryDirectory() as tmp:
        onnx_path, tok_path = export_onnx(model, Path(tmp), cfg.encoder_max_len)
        enc = OnnxClassifier(onnx_path, tok_path, cfg.encoder_max_len)
        zd, zh = enc.logits(dev.texts), enc.logits(hx)
    yd = np.asarray(dev.labels)
    w, b = fit_combiner(zd[:, None], yd)
    ph = 1 / (1 + np.exp(-(b + zh * w[0])))
    thr, q = bootstrap_threshold(hy, ph, cfg.bootstrap, cfg.seed)
    dev_cv_thr = best_threshold(yd, cv_combiner(zd[:, None], yd, cfg.cv_folds, cfg.seed))
    out = {"fit": len(fit_x), "holdout": len(hx), "holdout_yes": round(float(hy.mean()), 3) if len(hy) else 0.0,
           "newer_than_id": max(int(i) for i in dev.ids), "threshold": thr, "bootstrap_p10_p50_p90": q,
           "holdout_at_threshold": prf(hy, ph, thr), "dev_cv_threshold": dev_cv_thr,
           "holdout_at_dev_cv_threshold": prf(hy, ph, dev_cv_thr), "holdout_ece": ece(hy, ph)}
    log(f"threshold (temporal holdout): {out}")
    return out


def model_version(meta: dict[str, Any]) -> str:
    """``FAMILY+hash`` of everything that decides a score: files, components, combiner, threshold."""
    key = {k: meta[k] for k in ("files", "components", "combiner", "threshold")}
    h = hashlib.sha256(json.dumps(key, sort_keys=True).encode()).hexdigest()
    return f"{FAMILY}+{h[:8]}"


def train(data_dir: str | Path, out_dir: str | Path, config: TrainConfig | None = None,
          log: Callable[[str], None] = print, card_path: str | Path | None = None) -> dict[str, Any]:
    """Train, write the artifact to ``out_dir`` (and the model card to ``card_path``), return metrics."""
    from claims.train.tfidf import TfidfModel

    cfg = config or TrainConfig()
    t_start = time.time()
    data = read_dataset(data_dir)
    tr, dev = data["train"], data["dev"]
    temporal_ok = False
    if cfg.threshold_rule == "temporal" and cfg.encoder_layers > 0:
        # Checked before any fine-tuning, so bad ids fail in seconds, not after 12 minutes.
        temporal_ok = usable_holdout(holdout_split(tr.ids, dev.ids), tr.labels)
        if not temporal_ok:
            log(f"threshold: fewer than {MIN_HOLDOUT} train sentences newer than dev (or one class only); "
                "using the dev-CV threshold instead")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    staging = out / ".staging"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()

    specs: dict[str, dict[str, Any]] = {}
    dev_logits: dict[str, np.ndarray] = {}
    test_logits: dict[str, np.ndarray] = {}
    test = data.get("dev-test")
    log(f"tfidf: fitting on {len(tr.texts)} train sentences (C={cfg.tfidf_C})")
    tf = TfidfModel(cfg.tfidf_C).fit(tr.texts, tr.labels)
    tf.save(staging / "tfidf.npz")
    specs["tfidf"] = {"kind": "tfidf-lr", "file": "tfidf.npz"}
    dev_logits["tfidf"] = tf.logits(dev.texts)
    if test is not None:
        test_logits["tfidf"] = tf.logits(test.texts)

    if cfg.encoder_layers > 0:
        from claims.model.encoder import OnnxClassifier
        from claims.train.finetune import export_onnx, train_classifier

        log(f"encoder: fine-tuning MiniLM ({cfg.encoder_layers} layers, {cfg.encoder_epochs} epochs)")
        model = train_classifier(tr.texts, tr.labels, layers=cfg.encoder_layers, epochs=cfg.encoder_epochs,
                                 lr=cfg.encoder_lr, batch_size=cfg.encoder_batch_size,
                                 max_len=cfg.encoder_max_len, seed=cfg.seed, log=log)
        onnx_path, tok_path = export_onnx(model, staging, cfg.encoder_max_len)
        specs["encoder"] = {"kind": "onnx-classifier", "file": onnx_path.name, "tokenizer": tok_path.name,
                            "max_len": cfg.encoder_max_len, "layers": cfg.encoder_layers}
        enc = OnnxClassifier(onnx_path, tok_path, cfg.encoder_max_len)
        dev_logits["encoder"] = enc.logits(dev.texts)
        if test is not None:
            test_logits["encoder"] = enc.logits(test.texts)
        shipped = [c for c in cfg.ship if c in specs]
    else:
        shipped = ["tfidf"]
    for name, spec in specs.items():  # unshipped files stay out of the artifact
        if name not in shipped:
            for key in ("file", "tokenizer"):
                if key in spec and not any(specs[o].get(k) == spec[key] for o in shipped for k in ("file", "tokenizer")):
                    (staging / spec[key]).unlink(missing_ok=True)

    y = np.asarray(dev.labels)
    candidates: dict[str, Any] = {}
    for combo in ([[n] for n in specs] + ([list(specs)] if len(specs) > 1 else [])):
        zc = np.stack([dev_logits[n] for n in combo], axis=1)
        oof_c = cv_combiner(zc, y, cfg.cv_folds, cfg.seed)
        thr_c = best_threshold(y, oof_c)
        w_c, b_c = fit_combiner(zc, y)
        entry: dict[str, Any] = {"threshold": thr_c, "dev_cv": {**prf(y, oof_c, thr_c), "ece": ece(y, oof_c)}}
        if test is not None:
            pt = 1 / (1 + np.exp(-(b_c + np.stack([test_logits[n] for n in combo], axis=1) @ w_c)))
            entry["dev-test"] = prf(test.labels, pt, thr_c)
            entry["dev-test_at_0.5"] = prf(test.labels, pt, 0.5)
        candidates["+".join(combo)] = entry
        log(f"candidate {'+'.join(combo)}: {entry}")

    components = [specs[n] for n in shipped]
    z = np.stack([dev_logits[n] for n in shipped], axis=1)
    oof = cv_combiner(z, y, cfg.cv_folds, cfg.seed)
    dev_cv_threshold = best_threshold(y, oof)
    weights, bias = fit_combiner(z, y)
    temporal = None
    if cfg.threshold_rule == "temporal" and shipped == ["encoder"] and temporal_ok:
        temporal = temporal_threshold(tr, dev, cfg, log)
        threshold = temporal["threshold"]
    else:
        threshold = dev_cv_threshold
    log(f"combiner: {shipped} weights {np.round(weights, 3).tolist()} bias {bias:.3f}; threshold {threshold} "
        f"(dev CV {dev_cv_threshold})")

    files = {p.name: sha256_file(p) for p in sorted(staging.iterdir()) if p.is_file()}
    meta: dict[str, Any] = {
        "name": MODEL_NAME,
        "version": "",
        "threshold": threshold,
        "components": components,
        "combiner": {"weights": weights.tolist(), "bias": bias, "fitted_on": "dev"},
        "files": files,
        "config": {**asdict(cfg), "ship": shipped,
                   "threshold_rule": "temporal" if temporal else "dev-cv"},
        "data": "CLEF-2024 CheckThat! Task 1 English (train 22,501 / dev 1,032 / dev-test 318)",
    }
    meta["version"] = model_version(meta)
    (staging / META_NAME).write_text(json.dumps(meta, indent=2), encoding="utf-8")
    scorer = Scorer(meta, staging)

    metrics: dict[str, Any] = {"threshold": threshold, "dev_cv_threshold": dev_cv_threshold}
    metrics["dev_cv"] = {**prf(y, oof, threshold), "ece": ece(y, oof)}
    metrics["dev_cv_at_dev_cv_threshold"] = prf(y, oof, dev_cv_threshold)
    if temporal:
        metrics["temporal"] = temporal
    for name, split in data.items():
        if name == "train":
            continue
        p = scorer.score(split.texts)
        metrics[name] = {**prf(split.labels, p, threshold), "ece": ece(split.labels, p),
                         "at_0.5": prf(split.labels, p, 0.5),
                         "at_dev_cv_threshold": prf(split.labels, p, dev_cv_threshold)}
    bench = dev.texts + data["dev-test"].texts if "dev-test" in data else dev.texts
    metrics["sentences_per_s"] = round(measure_speed(scorer, bench, cfg.speed_runs))
    metrics["size_mb"] = round(sum((staging / f).stat().st_size for f in files) / 1e6, 1)
    metrics["train_seconds"] = round(time.time() - t_start)
    metrics["candidates"] = candidates
    meta["metrics"] = metrics
    (staging / META_NAME).write_text(json.dumps(meta, indent=2), encoding="utf-8")

    for old in out.iterdir():  # replace the previous artifact's files, keep code (.py)
        if old.is_file() and old.suffix in (".npz", ".onnx", ".json"):
            old.unlink()
    for f in staging.iterdir():
        shutil.move(str(f), out / f.name)
    staging.rmdir()
    log(json.dumps(metrics))
    if card_path is not None:
        from claims.train.card import write_card

        write_card(Path(card_path), meta)
    return metrics
