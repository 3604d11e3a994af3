"""Read the CheckThat! 2024 task 1 (English) TSV files."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from claims.errors import ClaimflowError

SPLITS = {
    "train": "CT24_checkworthy_english_train.tsv",
    "dev": "CT24_checkworthy_english_dev.tsv",
    "dev-test": "CT24_checkworthy_english_dev-test.tsv",
}


class DatasetError(ClaimflowError):
    """A dataset file is missing or malformed (the message names the file)."""


@dataclass(frozen=True)
class Split:
    """One split: sentence ids, texts and 0/1 labels (1 = check-worthy)."""

    name: str
    ids: list[str]
    texts: list[str]
    labels: list[int]


def read_split(path: Path, name: str = "") -> Split:
    """Read one TSV with header ``Sentence_id, Text, class_label``."""
    if not path.is_file():
        raise DatasetError(f"{path}: dataset file not found")
    ids: list[str] = []
    texts: list[str] = []
    labels: list[int] = []
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t")
        missing = {"Sentence_id", "Text", "class_label"} - set(reader.fieldnames or [])
        if missing:
            raise DatasetError(f"{path}: missing columns {sorted(missing)}")
        for n, row in enumerate(reader, start=2):
            label = (row["class_label"] or "").strip()
            if label not in ("Yes", "No"):
                raise DatasetError(f"{path}:{n}: class_label {label!r} is not Yes/No")
            ids.append(row["Sentence_id"])
            texts.append(row["Text"] or "")
            labels.append(1 if label == "Yes" else 0)
    return Split(name or path.stem, ids, texts, labels)


def read_dataset(data_dir: str | Path) -> dict[str, Split]:
    """The train, dev and dev-test splits found in ``data_dir`` (dev-test optional)."""
    d = Path(data_dir)
    if not d.is_dir():
        raise DatasetError(f"{d}: dataset folder not found")
    out = {}
    for name, fname in SPLITS.items():
        p = d / fname
        if p.is_file() or name != "dev-test":
            out[name] = read_split(p, name)
    return out
