"""The shipped check-worthiness scorer: API, behaviour on clear cases, errors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from claims.errors import ClaimflowError
from claims.scoring import MODEL_DIR, ModelArtifactError, Scorer, load_scorer

CLAIMS = [
    "Unemployment fell to 3.5 percent last year, the lowest rate in fifty years.",
    "We have spent $6 trillion in the Middle East since 2001.",
    "Crime in our cities went up 20 percent under this administration.",
    "The bill raised taxes on 40 million middle-class families.",
]
CHATTER = [
    "Thank you very much.",
    "Good evening, everybody.",
    "Well, let me say this.",
    "I'm so happy to be here tonight.",
]


def test_shipped_scorer_has_name_version_threshold() -> None:
    s = load_scorer()
    assert isinstance(s, Scorer)
    assert s.name == "claimflow-checkworthiness"
    assert s.version and isinstance(s.version, str)
    assert 0.0 < s.threshold < 1.0


def test_statistics_score_higher_than_greetings() -> None:
    s = load_scorer()
    claims, chatter = s.score(CLAIMS), s.score(CHATTER)
    assert claims.min() > chatter.max()
    assert (claims >= s.threshold).all()
    assert (chatter < s.threshold).all()


def test_shape_range_order_and_determinism() -> None:
    s = load_scorer()
    texts = CLAIMS + CHATTER + ["", "   ", "x" * 5000]
    p = s.score(texts)
    assert p.shape == (len(texts),) and p.dtype == np.float64
    assert np.all((p >= 0) & (p <= 1))
    assert np.array_equal(p, s.score(texts))
    # Batched scoring gives each sentence the score it gets alone (order kept).
    alone = np.array([s.score([t])[0] for t in texts])
    np.testing.assert_allclose(p, alone, atol=1e-5)
    assert s.score([]).shape == (0,)


def test_load_scorer_is_cached_per_process() -> None:
    assert load_scorer() is load_scorer()
    assert load_scorer(MODEL_DIR) is load_scorer(str(MODEL_DIR))


def test_missing_artifact_names_the_path(tmp_path: Path) -> None:
    with pytest.raises(ClaimflowError, match=str(tmp_path / "nowhere")):
        load_scorer(tmp_path / "nowhere")


def _copy_artifact(dst: Path) -> Path:
    shutil.copytree(MODEL_DIR, dst, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return dst


def test_corrupt_file_is_detected(tmp_path: Path) -> None:
    art = _copy_artifact(tmp_path / "art")
    meta = json.loads((art / "checkworthiness.json").read_text(encoding="utf-8"))
    victim = art / max(meta["files"], key=lambda f: (art / f).stat().st_size)
    data = bytearray(victim.read_bytes())
    data[len(data) // 2] ^= 0xFF
    victim.write_bytes(bytes(data))
    with pytest.raises(ModelArtifactError, match=f"{victim.name}.*corrupt"):
        load_scorer(art)


def test_missing_weights_file_is_detected(tmp_path: Path) -> None:
    art = _copy_artifact(tmp_path / "art")
    meta = json.loads((art / "checkworthiness.json").read_text(encoding="utf-8"))
    victim = art / sorted(meta["files"])[0]
    victim.unlink()
    with pytest.raises(ModelArtifactError, match=f"{victim.name}.*missing"):
        load_scorer(art)


def test_corrupt_metadata_is_detected(tmp_path: Path) -> None:
    art = _copy_artifact(tmp_path / "art")
    (art / "checkworthiness.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(ModelArtifactError, match="checkworthiness.json"):
        load_scorer(art)


def test_metadata_lists_files_and_metrics() -> None:
    meta = json.loads((MODEL_DIR / "checkworthiness.json").read_text(encoding="utf-8"))
    for fname in meta["files"]:
        assert (MODEL_DIR / fname).is_file()
    assert meta["metrics"]["dev"]["ece"] <= 0.05
    assert sum((MODEL_DIR / f).stat().st_size for f in meta["files"]) <= 50 * 1024 * 1024


def test_tiny_quick_training_builds_a_loadable_artifact(tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    from claims.train import TrainConfig, train
    from claims.train.data import SPLITS

    yes = [f"The deficit grew by {n} billion dollars in {1990 + n}." for n in range(12)]
    yes += [f"Taxes went up {n} percent for {n} million families." for n in range(12)]
    no = [f"Thank you, {w}, it is great to be here." for w in ("Bob", "Mary", "Jim", "Ann", "Sue", "Tom")]
    no += [f"Well, I {w} that, and let me say this." for w in ("heard", "said", "mean", "see", "know", "feel")]
    no += [f"Good {w} to all of you." for w in ("evening", "morning", "night", "day", "luck", "folks")]
    no += ["I appreciate it.", "Let me finish.", "Go ahead.", "That's right.", "Thank you.", "Okay."]
    data = tmp_path / "data"
    data.mkdir()
    for split in ("train", "dev"):
        rows = [f"{i}\t{t}\tYes" for i, t in enumerate(yes)] + [f"{100 + i}\t{t}\tNo" for i, t in enumerate(no)]
        (data / SPLITS[split]).write_text("Sentence_id\tText\tclass_label\n" + "\n".join(rows) + "\n")
    cfg = TrainConfig(encoder_layers=0, cv_folds=2, speed_runs=1)
    metrics = train(data, tmp_path / "model", cfg, log=lambda m: None, card_path=tmp_path / "card.md")
    assert metrics["dev"]["f1"] > 0.8
    s = load_scorer(tmp_path / "model")
    assert s.score(["The deficit grew by 7 billion dollars."])[0] > s.score(["Thank you, Tom."])[0]
    assert "Model card" in (tmp_path / "card.md").read_text()
