"""Check-worthiness scoring of sentences with the shipped model (no torch at run time).

>>> scorer = load_scorer()            # the artifact inside claims/model/, loaded once
>>> probs = scorer.score(["Unemployment fell to 3.5 percent last year.", "Thank you."])
>>> probs >= scorer.threshold         # check-worthy?

The artifact is a folder holding ``checkworthiness.json`` and the files it lists.
Each component (a numpy TF-IDF logistic regression, an int8 ONNX MiniLM
classifier) yields one logit per sentence; a logistic "combiner" fitted at
training time turns the logits into one calibrated probability.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from claims.errors import ClaimflowError

MODEL_DIR = Path(__file__).resolve().parent / "model"
META_NAME = "checkworthiness.json"
BATCH = 1024


class ModelArtifactError(ClaimflowError):
    """The model artifact is missing, incomplete or corrupt (the message names the path)."""


class _Component(Protocol):
    def logits(self, texts: Sequence[str]) -> np.ndarray: ...


def sha256_file(path: Path) -> str:
    """Hex sha256 of a file's bytes."""
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _load_component(spec: dict[str, Any], root: Path) -> _Component:
    kind = spec.get("kind")
    if kind == "tfidf-lr":
        from claims.model.tfidf import TfidfLinear

        return TfidfLinear(root / spec["file"])
    if kind == "onnx-classifier":
        from claims.model.encoder import OnnxClassifier

        return OnnxClassifier(root / spec["file"], root / spec["tokenizer"], int(spec["max_len"]))
    raise ModelArtifactError(f"{root / META_NAME}: unknown component kind {kind!r}")


class Scorer:
    """A loaded check-worthiness model: ``score(texts)`` gives calibrated probabilities."""

    name: str
    version: str
    threshold: float

    def __init__(self, meta: dict[str, Any], root: Path) -> None:
        self.meta = meta
        self.root = root
        self.name = str(meta["name"])
        self.version = str(meta["version"])
        self.threshold = float(meta["threshold"])
        self.components = [_load_component(c, root) for c in meta["components"]]
        self.weights = np.asarray(meta["combiner"]["weights"], dtype=np.float64)
        self.bias = float(meta["combiner"]["bias"])
        if len(self.weights) != len(self.components):
            raise ModelArtifactError(f"{root / META_NAME}: combiner has {len(self.weights)} weights "
                                     f"for {len(self.components)} components")

    def logits(self, texts: Sequence[str]) -> np.ndarray:
        """Component logits, shape ``(len(texts), n_components)``."""
        return np.stack([c.logits(texts) for c in self.components], axis=1) if texts else \
            np.zeros((0, len(self.components)))

    def score(self, texts: Sequence[str]) -> np.ndarray:
        """Calibrated probability that each text is check-worthy, in input order (float64)."""
        texts = [t if isinstance(t, str) else ("" if t is None else str(t)) for t in texts]
        out = np.empty(len(texts), dtype=np.float64)
        for start in range(0, len(texts), BATCH):
            z = self.bias + self.logits(texts[start : start + BATCH]) @ self.weights
            out[start : start + BATCH] = 1.0 / (1.0 + np.exp(-z))
        return out

    def __repr__(self) -> str:
        return f"Scorer(name={self.name!r}, version={self.version!r}, threshold={self.threshold})"


def read_meta(path: Path) -> tuple[dict[str, Any], Path]:
    """The metadata of the artifact at ``path`` (a folder or its json) and its folder."""
    meta_path = path / META_NAME if path.is_dir() else path
    if not meta_path.is_file():
        raise ModelArtifactError(f"{meta_path}: model artifact not found")
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelArtifactError(f"{meta_path}: unreadable model metadata ({exc})") from exc
    if not isinstance(meta, dict):
        raise ModelArtifactError(f"{meta_path}: model metadata is not a JSON object")
    missing = {"name", "version", "threshold", "components", "combiner", "files"} - set(meta)
    if missing:
        raise ModelArtifactError(f"{meta_path}: model metadata lacks {sorted(missing)}")
    if not isinstance(meta["files"], dict) or not isinstance(meta["components"], list):
        raise ModelArtifactError(f"{meta_path}: 'files' must map names to sha256, 'components' be a list")
    return meta, meta_path.parent


def _verify(meta: dict[str, Any], root: Path) -> None:
    for comp in meta["components"]:
        for key in ("file", "tokenizer"):
            name = comp.get(key) if isinstance(comp, dict) else None
            if name and name not in meta["files"]:
                raise ModelArtifactError(f"{root / name}: model file has no recorded sha256")
    for fname, digest in meta["files"].items():
        f = root / fname
        if not f.is_file():
            raise ModelArtifactError(f"{f}: model file missing")
        if sha256_file(f) != digest:
            raise ModelArtifactError(f"{f}: model file corrupt (sha256 mismatch)")


@functools.cache
def _load(path: str) -> Scorer:
    meta, root = read_meta(Path(path))
    _verify(meta, root)
    try:
        return Scorer(meta, root)
    except ModelArtifactError:
        raise
    except Exception as exc:  # a corrupt file that still matched its hash, a bad key, ...
        raise ModelArtifactError(f"{root}: cannot load model ({type(exc).__name__}: {exc})") from exc


def load_scorer(path: str | Path | None = None) -> Scorer:
    """The scorer of the artifact at ``path`` (``None``: the shipped one), cached per process."""
    p = MODEL_DIR if path is None else Path(path)
    return _load(str(p.expanduser().resolve()))
