"""TF-IDF word + character n-gram features and a linear model, numpy only.

The same analyzers are used at training time (given to scikit-learn's
``TfidfVectorizer`` as callables) and at inference time here, so features match
exactly.  The weights are stored in a plain ``.npz`` (no pickle).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np

_WORD_RE = re.compile(r"(?u)\b\w+\b")
_DIGIT_RE = re.compile(r"\d")


def normalise(text: str) -> str:
    """Lower-case, collapse whitespace, map every digit to ``0``."""
    return _DIGIT_RE.sub("0", " ".join(text.lower().split()))


def word_ngrams(text: str) -> list[str]:
    """Word unigrams and bigrams of the normalised text."""
    toks = _WORD_RE.findall(normalise(text))
    return toks + [f"{a} {b}" for a, b in zip(toks, toks[1:], strict=False)]


def char_ngrams(text: str, lo: int = 2, hi: int = 5) -> list[str]:
    """Character n-grams inside word boundaries (like scikit-learn's ``char_wb``)."""
    grams: list[str] = []
    for word in normalise(text).split():
        w = f" {word} "
        n_len = len(w)
        for n in range(lo, hi + 1):
            if n > n_len:
                break
            grams.extend(w[i : i + n] for i in range(n_len - n + 1))
    return grams


ANALYZERS = {"word": word_ngrams, "char": char_ngrams}


def pack_vocab(terms: Sequence[str]) -> np.ndarray:
    """Terms as one newline-joined utf-8 byte array (loads without pickle)."""
    return np.frombuffer("\n".join(terms).encode("utf-8"), dtype=np.uint8)


def unpack_vocab(arr: np.ndarray) -> list[str]:
    """Inverse of :func:`pack_vocab`."""
    return bytes(arr.tobytes()).decode("utf-8").split("\n")


class TfidfBlock:
    """One TF-IDF vectorizer (sublinear tf, l2 norm) restricted to its vocabulary."""

    def __init__(self, analyzer: str, terms: list[str], idf: np.ndarray) -> None:
        self.analyzer = ANALYZERS[analyzer]
        self.index = {t: i for i, t in enumerate(terms)}
        self.idf = idf.astype(np.float64)

    def dot(self, texts: Sequence[str], coef: np.ndarray) -> np.ndarray:
        """``coef @ x`` for each text's l2-normalised tf-idf vector ``x`` (whole batch at once)."""
        rows: list[int] = []
        cols: list[int] = []
        counts: list[int] = []
        index = self.index
        for r, text in enumerate(texts):
            hits = [(index[g], c) for g, c in Counter(self.analyzer(text)).items() if g in index]
            rows.extend([r] * len(hits))
            cols.extend(j for j, _ in hits)
            counts.extend(c for _, c in hits)
        n = len(texts)
        if not cols:
            return np.zeros(n)
        r_arr = np.asarray(rows, dtype=np.int64)
        c_arr = np.asarray(cols, dtype=np.int64)
        vals = (1.0 + np.log(np.asarray(counts, dtype=np.float64))) * self.idf[c_arr]
        norms = np.sqrt(np.bincount(r_arr, vals * vals, minlength=n))
        dots = np.bincount(r_arr, vals * coef[c_arr], minlength=n)
        return np.divide(dots, norms, out=np.zeros(n), where=norms > 0)


class TfidfLinear:
    """Word and char TF-IDF blocks feeding a logistic-regression logit."""

    def __init__(self, path: Path) -> None:
        with np.load(path, allow_pickle=False) as z:
            self.word = TfidfBlock("word", unpack_vocab(z["word_vocab"]), z["word_idf"])
            self.char = TfidfBlock("char", unpack_vocab(z["char_vocab"]), z["char_idf"])
            self.coef_word = z["coef_word"].astype(np.float64)
            self.coef_char = z["coef_char"].astype(np.float64)
            self.intercept = float(z["intercept"])

    def logits(self, texts: Sequence[str]) -> np.ndarray:
        """Raw decision values (before calibration) for each text."""
        return self.intercept + self.word.dot(texts, self.coef_word) + self.char.dot(texts, self.coef_char)
