"""The speaker-mention tagger: which words of a sentence name who makes its claim.

>>> tagger = load_mention_tagger()        # claims/model/speaker_tagger/, loaded once
>>> tagger.mentions(['"Rents are up 9%," Sprinter Kaisa Orlund said.'])
[Mention(start=29, end=41, confidence=0.98)]   # "Kaisa Orlund"

A 3-layer MiniLM with a per-token B/I/O head, fine-tuned by ``claimflow
train-speakers`` on the project's hand-annotated gold sentences and run here as
int8 ONNX (no torch).  It only proposes a span; ``claims.analysis`` decides
whether to use it and resolves pronouns and surnames against the article.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from claims.errors import ClaimflowError

TAGGER_DIR = Path(__file__).resolve().parent / "speaker_tagger"
META_NAME = "speaker_tagger.json"


class TaggerArtifactError(ClaimflowError):
    """The speaker-tagger artifact is missing or corrupt (the message names the path)."""


@dataclass(frozen=True)
class Mention:
    """A proposed speaker mention: offsets into the sentence, and the tagger's confidence (0-1).

    ``start``/``end`` are None when no run of words reached ``min_prob``; the
    confidence is then that of the best run found, for the record.
    """

    start: int | None
    end: int | None
    confidence: float


def decode_span(sentence: str, offsets: Sequence[tuple[int, int]], probs: np.ndarray,
                min_prob: float = 0.5) -> Mention:
    """The best B I* run of tokens as a :class:`Mention` of ``sentence``.

    ``probs`` is the (tokens, 3) softmax over O/B/I.  A run starts at a token
    whose B probability is highest and grows while I wins; it is then widened to
    whole words (``Okonkwo-Hale`` stays whole, a possessive ``'s`` is not taken).
    The run with the highest mean mention probability wins if it reaches ``min_prob``.
    """
    best_span: tuple[int, int] | None = None
    best = 0.0
    n = len(offsets)
    i = 0
    while i < n:
        if offsets[i][0] == offsets[i][1] or probs[i].argmax() != 1:
            i += 1
            continue
        j = i + 1
        while j < n and offsets[j][0] != offsets[j][1] and probs[j].argmax() == 2:
            j += 1
        conf = float(np.mean([probs[i, 1]] + [probs[k, 2] for k in range(i + 1, j)]))
        start, end = offsets[i][0], offsets[j - 1][1]
        while start > 0 and (sentence[start - 1].isalnum()
                             or (sentence[start - 1] == "-" and start > 1 and sentence[start - 2].isalnum())):
            start -= 1
        glued = re.match(r"(?:\w|-(?=\w))*", sentence[end:])
        end += glued.end() if glued else 0
        if conf > best:
            best_span, best = (start, end), conf
        i = j
    if best_span is None or best < min_prob:
        return Mention(None, None, best)
    return Mention(best_span[0], best_span[1], best)


def _softmax(x: np.ndarray) -> np.ndarray:
    z = np.exp(x - x.max(axis=-1, keepdims=True))
    return z / z.sum(axis=-1, keepdims=True)


class MentionTagger:
    """A loaded tagger: ``mentions(sentences)`` gives one :class:`Mention` per sentence."""

    def __init__(self, meta: dict[str, Any], root: Path) -> None:
        from claims.model.encoder import OnnxRunner

        self.meta = meta
        self.name = str(meta["name"])
        self.version = str(meta["version"])
        self.min_prob = float(meta["min_prob"])
        self.runner = OnnxRunner(root / meta["file"], root / meta["tokenizer"], int(meta["max_len"]))

    def mentions(self, sentences: Sequence[str]) -> list[Mention]:
        if not sentences:
            return []
        enc = self.runner.tok.encode_batch(list(sentences))
        outs = self.runner.run_each([e.ids for e in enc])
        return [decode_span(s, e.offsets, _softmax(np.asarray(o, dtype=np.float64)), self.min_prob)
                for s, e, o in zip(sentences, enc, outs, strict=True)]


def read_meta(root: Path = TAGGER_DIR) -> dict[str, Any]:
    path = root / META_NAME
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise TaggerArtifactError(f"{path}: speaker tagger not found (run `claimflow train-speakers`)") from exc
    except json.JSONDecodeError as exc:
        raise TaggerArtifactError(f"{path}: not valid JSON ({exc.msg} at line {exc.lineno})") from exc
    for key in ("name", "version", "file", "tokenizer", "max_len", "min_prob"):
        if key not in meta:
            raise TaggerArtifactError(f"{path}: missing key {key!r}")
    for name in (meta["file"], meta["tokenizer"]):
        if not (root / name).is_file():
            raise TaggerArtifactError(f"{root / name}: listed in {META_NAME} but missing")
    return meta


def load_mention_tagger(root: str | Path | None = None) -> MentionTagger:
    """The tagger in ``root`` (default: the one shipped in ``claims/model/speaker_tagger``)."""
    return _load(str(Path(root).resolve()) if root is not None else str(TAGGER_DIR))


@functools.lru_cache(maxsize=4)
def _load(root: str) -> MentionTagger:
    return MentionTagger(read_meta(Path(root)), Path(root))
