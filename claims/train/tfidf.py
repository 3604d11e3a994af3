"""Fit the TF-IDF word+char logistic regression and save it as a numpy ``.npz``."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from claims.model.tfidf import ANALYZERS, pack_vocab


def _vectorizers(min_df_word: int = 2, min_df_char: int = 3):
    from sklearn.feature_extraction.text import TfidfVectorizer

    word = TfidfVectorizer(analyzer=ANALYZERS["word"], sublinear_tf=True, min_df=min_df_word, dtype=np.float64)
    char = TfidfVectorizer(analyzer=ANALYZERS["char"], sublinear_tf=True, min_df=min_df_char, dtype=np.float64)
    return word, char


class TfidfModel:
    """scikit-learn side of :class:`claims.model.tfidf.TfidfLinear` (training only)."""

    def __init__(self, C: float = 4.0) -> None:
        self.C = C

    def fit(self, texts: Sequence[str], labels: Sequence[int]) -> TfidfModel:
        from scipy.sparse import hstack
        from sklearn.linear_model import LogisticRegression

        self.word, self.char = _vectorizers()
        X = hstack([self.word.fit_transform(texts), self.char.fit_transform(texts)]).tocsr()
        self.lr = LogisticRegression(C=self.C, max_iter=3000, solver="liblinear")
        self.lr.fit(X, np.asarray(labels))
        return self

    def logits(self, texts: Sequence[str]) -> np.ndarray:
        from scipy.sparse import hstack

        X = hstack([self.word.transform(texts), self.char.transform(texts)]).tocsr()
        return self.lr.decision_function(X)

    def save(self, path: Path) -> None:
        """Write vocabularies, idf and weights (float32) to ``path`` (.npz, no pickle)."""
        nw = len(self.word.vocabulary_)
        coef = self.lr.coef_[0]

        def ordered(vec) -> list[str]:
            terms = [""] * len(vec.vocabulary_)
            for t, i in vec.vocabulary_.items():
                terms[i] = t
            return terms

        np.savez_compressed(
            path,
            word_vocab=pack_vocab(ordered(self.word)),
            word_idf=self.word.idf_.astype(np.float32),
            char_vocab=pack_vocab(ordered(self.char)),
            char_idf=self.char.idf_.astype(np.float32),
            coef_word=coef[:nw].astype(np.float32),
            coef_char=coef[nw:].astype(np.float32),
            intercept=np.float64(self.lr.intercept_[0]),
        )


def oof_logits(texts: Sequence[str], labels: Sequence[int], C: float, folds: int = 5, seed: int = 0) -> np.ndarray:
    """Out-of-fold logits on the training set (stratified k-fold)."""
    from sklearn.model_selection import StratifiedKFold

    texts = list(texts)
    y = np.asarray(labels)
    out = np.zeros(len(texts))
    for tr, te in StratifiedKFold(folds, shuffle=True, random_state=seed).split(texts, y):
        m = TfidfModel(C).fit([texts[i] for i in tr], y[tr])
        out[te] = m.logits([texts[i] for i in te])
    return out
