"""``claimflow score`` and ``claimflow train``: the check-worthiness model from the command line.

Only click is imported at module level; numpy, onnxruntime and the training
libraries load when a command runs.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import click

DEFAULT_CARD = Path("docs/model-card.md")


def _read_text(file: str | None) -> tuple[str, str]:
    """The input's text and a name for messages (``<stdin>`` for ``-`` or no file)."""
    if file in (None, "-"):
        try:
            return sys.stdin.buffer.read().decode("utf-8"), "<stdin>"
        except UnicodeDecodeError as exc:
            raise click.ClickException(f"<stdin>: not UTF-8 text (byte {exc.start})") from None
        except AttributeError:  # a text-only stdin (e.g. a test runner's)
            return sys.stdin.read(), "<stdin>"
    p = Path(file)
    try:
        return p.read_text(encoding="utf-8"), str(p)
    except FileNotFoundError:
        raise click.ClickException(f"{p}: file not found") from None
    except IsADirectoryError:
        raise click.ClickException(f"{p}: is a folder, expected a file") from None
    except UnicodeDecodeError:
        raise click.ClickException(f"{p}: not UTF-8 text") from None
    except OSError as exc:
        raise click.ClickException(f"{p}: cannot read ({exc.strerror})") from None


def _sentences(text: str, name: str, column: str | None) -> list[str]:
    """Non-blank lines, or the ``column`` of a TSV/CSV (delimiter from the extension or sniffed)."""
    if column is None:
        return [line.strip() for line in text.splitlines() if line.strip()]
    if name.endswith(".tsv"):
        delim = "\t"
    elif name.endswith(".csv"):
        delim = ","
    else:
        first = text.split("\n", 1)[0]
        delim = "\t" if "\t" in first else ","
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delim)
    if column not in (reader.fieldnames or []):
        raise click.ClickException(f"{name}: no column {column!r} (columns: {', '.join(reader.fieldnames or [])})")
    return [(row[column] or "").strip() for row in reader]


@click.command("score")
@click.argument("file", required=False)
@click.option("--column", default=None, help="Read this column of a TSV/CSV file instead of lines.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl", show_default=True,
              help="jsonl: one object per sentence; table: for people.")
@click.option("--model", "model_path", type=click.Path(path_type=Path), default=None,
              help="Model artifact folder (default: the shipped model).")
def score(file: str | None, column: str | None, fmt: str, model_path: Path | None) -> None:
    """Score sentences for check-worthiness: one per line from FILE (or stdin)."""
    from claims.errors import ClaimflowError
    from claims.scoring import load_scorer

    text, name = _read_text(file)
    sentences = _sentences(text, name, column)
    try:
        scorer = load_scorer(model_path)
        probs = scorer.score(sentences)
    except ClaimflowError as exc:
        raise click.ClickException(str(exc)) from None
    if fmt == "jsonl":
        for s, p in zip(sentences, probs, strict=True):
            rec = {"text": s, "score": round(float(p), 4), "checkworthy": bool(p >= scorer.threshold)}
            click.echo(json.dumps(rec, ensure_ascii=False))
        return
    from flows.formatting import table

    rows = [(f"{p:.3f}", "yes" if p >= scorer.threshold else "no", s) for s, p in zip(sentences, probs, strict=True)]
    click.echo(table(["score", "worthy", "text"], rows, max_width=90))
    click.echo(f"model {scorer.name} {scorer.version}, threshold {scorer.threshold}")


@click.command("train")
@click.option("--data", "data_dir", required=True, type=click.Path(path_type=Path),
              help="Folder with the CheckThat! 2024 task 1 English TSV files.")
@click.option("--out", "out_dir", required=True, type=click.Path(path_type=Path),
              help="Artifact folder to write (the shipped one is claims/model).")
@click.option("--card", "card_path", type=click.Path(path_type=Path), default=DEFAULT_CARD, show_default=True,
              help="Where to write the model card.")
@click.option("--quick", is_flag=True, help="TF-IDF component only (about a minute, no torch).")
@click.option("--layers", type=int, default=None, help="Encoder layers to keep (default from TrainConfig).")
@click.option("--threshold-rule", type=click.Choice(["temporal", "dev-cv"]), default="temporal", show_default=True,
              help="temporal: F1-optimal on the newest train debates (trains a twin model, ~12 min more); "
                   "dev-cv: F1-optimal on dev cross-validation.")
def train(data_dir: Path, out_dir: Path, card_path: Path, quick: bool, layers: int | None,
          threshold_rule: str) -> None:
    """Rebuild the check-worthiness artifact from the dataset folder; print metrics; write the model card."""
    from claims.errors import ClaimflowError

    try:
        from claims.train import TrainConfig
        from claims.train import train as run_train

        cfg = TrainConfig(threshold_rule=threshold_rule)
        if quick:
            cfg.encoder_layers = 0
        elif layers is not None:
            cfg.encoder_layers = layers
        metrics = run_train(data_dir, out_dir, cfg, log=lambda m: click.echo(m, err=True), card_path=card_path)
    except ModuleNotFoundError as exc:
        raise click.ClickException(f"training needs the extras: pip install 'claimflow[train]' ({exc.name} missing)") from None
    except ClaimflowError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(json.dumps(metrics, indent=2))
    click.echo(f"artifact written to {out_dir}; model card {card_path}")


@click.command("train-speakers")
@click.option("--gold", "gold_path", type=click.Path(path_type=Path), default=Path("tests/data/claims_gold.jsonl"),
              show_default=True, help="Hand-annotated gold sentences (JSONL); article paths are relative to --root.")
@click.option("--root", type=click.Path(path_type=Path), default=Path("."), show_default=True,
              help="Folder the gold's article paths are relative to.")
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=Path("claims/model/speaker_tagger"),
              show_default=True, help="Artifact folder to write.")
@click.option("--epochs", type=float, default=6.0, show_default=True)
@click.option("--exclude", multiple=True, help="Gold splits to leave out of training (for a blind test).")
@click.option("--cv", "cv_groups", multiple=True, help="Gold splits to cross-validate on first (one training each).")
def train_speakers(gold_path: Path, root: Path, out_dir: Path, epochs: float, exclude: tuple[str, ...],
                   cv_groups: tuple[str, ...]) -> None:
    """Train the speaker-mention tagger on the gold sentences and write its int8 ONNX artifact."""
    from claims.errors import ClaimflowError

    if not gold_path.is_file():
        raise click.ClickException(f"{gold_path}: gold file not found")
    try:
        from claims.train.speakers import train_speaker_tagger

        meta = train_speaker_tagger(gold_path, root, out_dir, epochs=epochs, exclude=exclude, cv_groups=cv_groups,
                                    log=lambda m: click.echo(m, err=True))
    except ModuleNotFoundError as exc:
        raise click.ClickException(f"training needs the extras: pip install 'claimflow[train]' ({exc.name} missing)") from None
    except ClaimflowError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(json.dumps(meta["training"], indent=2))
    click.echo(f"speaker tagger {meta['version']} written to {out_dir}")
