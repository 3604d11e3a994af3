"""Derived columns the suites assert on, computed in plain pandas.

Great Expectations validates one DataFrame at a time and cannot look across
tables, so facts such as "the article exists" or "the sentence equals the
article text at its offsets" are computed here as helper columns.  These
functions only *describe* rows; they never decide: the GX expectations in
``checks.suites`` are the authority that passes or fails a row.

Helper columns that cannot be computed for a row (e.g. the article text is
unknown) are left null so that only the check that explains the real cause
(``article_exists``) fails; GX column-map expectations skip nulls.

Only imported by ``checks.gate`` inside ``run_gate`` (pandas is slow to import).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta

import numpy as np
import pandas as pd

from claims.records import CLAIM_TYPES

# Columns each input table must have (extra columns are ignored).
ARTICLE_COLUMNS: tuple[str, ...] = ("article_id", "text", "origin", "url", "published", "version", "supersedes")
CLAIM_COLUMNS: tuple[str, ...] = (
    "claim_id", "article_id", "sentence", "claim", "char_start", "char_end", "sentence_index",
    "score", "model", "threshold", "extractor", "extracted_at", "attribution", "speaker",
    "speaker_start", "speaker_end", "quote_start", "quote_end", "claim_types", "checkable",
)  # fmt: skip
ENTITY_COLUMNS: tuple[str, ...] = ("claim_id", "article_id", "kind", "text", "start", "end")
PART_COLUMNS: tuple[str, ...] = ("claim_id", "role", "text", "start", "end")
REFERENCE_COLUMNS: tuple[str, ...] = ("article_id", "text")

# A publication date may run ahead of UTC by a time zone (up to +14 h) or a
# publisher's clock: allow this much before calling it "in the future".
PUBLISHED_TOLERANCE = timedelta(days=1)

_WORD = re.compile(r"\S+")


def missing_columns(df: pd.DataFrame, required: tuple[str, ...]) -> list[str]:
    """The required columns ``df`` lacks, in order."""
    return [c for c in required if c not in df.columns]


def with_offset_names(df: pd.DataFrame) -> pd.DataFrame:
    """Accept the warehouse's ``char_start``/``char_end`` for entity and part offsets."""
    renames = {
        old: new
        for old, new in (("char_start", "start"), ("char_end", "end"))
        if old in df.columns and new not in df.columns
    }
    return df.rename(columns=renames) if renames else df


def article_texts(*frames: pd.DataFrame) -> dict[str, str]:
    """``article_id -> text`` from frames with those columns; later frames win."""
    texts: dict[str, str] = {}
    for df in frames:
        if len(df) == 0 or "article_id" not in df.columns or "text" not in df.columns:
            continue
        for aid, text in zip(df["article_id"], df["text"], strict=True):
            if isinstance(aid, str) and isinstance(text, str):
                texts[aid] = text
    return texts


def _is_missing(value: object) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def _as_int(value: object) -> int | None:
    """An offset as int, or None when missing or not a whole number."""
    if _is_missing(value):
        return None
    try:
        f = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return int(f) if f.is_integer() else None


def _numeric(df: pd.DataFrame, columns: tuple[str, ...]) -> None:
    """Coerce columns to numbers in place; anything unparseable becomes NaN (then fails not-null)."""
    for col in columns:
        if col in df.columns:
            df[col] = pd.to_numeric(df[col], errors="coerce")


def _bools(values: Sequence[bool | None]) -> pd.Series:
    return pd.Series(pd.array(values, dtype="boolean"))


def _article_length(article_ids: pd.Series, texts: Mapping[str, str]) -> pd.Series:
    lengths = [
        float(len(texts[a])) if isinstance(a, str) and a in texts else np.nan for a in article_ids
    ]
    return pd.Series(lengths, dtype="float64", index=article_ids.index)


def _span_ok(start: object, end: object, length: float) -> bool | None:
    """Both offsets null -> None (nothing to check); else whether 0 <= start < end <= length."""
    s_missing, e_missing = _is_missing(start), _is_missing(end)
    if s_missing and e_missing:
        return None
    if math.isnan(length):
        return None  # article unknown: article_exists explains it
    s, e = _as_int(start), _as_int(end)
    return s is not None and e is not None and 0 <= s < e <= length


def _as_list(value: object) -> list | None:
    if isinstance(value, (list, tuple)):
        return list(value)
    if isinstance(value, np.ndarray):
        return value.tolist()
    return None


def prepare_articles(articles: pd.DataFrame, *, now: datetime) -> pd.DataFrame:
    """Articles plus ``published_not_in_future`` (null-safe, tz-naive read as UTC)."""
    df = articles.reset_index(drop=True).copy()
    _numeric(df, ("version",))
    parsed = pd.to_datetime(df["published"], utc=True, errors="coerce")
    limit = (
        pd.Timestamp(now).tz_convert("UTC")
        if pd.Timestamp(now).tzinfo
        else pd.Timestamp(now, tz="UTC")
    )
    limit = limit + PUBLISHED_TOLERANCE
    flags: list[bool] = []
    for raw, ts in zip(df["published"], parsed, strict=True):
        if _is_missing(raw):
            flags.append(True)
        elif ts is pd.NaT or pd.isna(ts):
            flags.append(False)  # present but not a date
        else:
            flags.append(bool(ts <= limit))
    df["published_not_in_future"] = _bools(flags)
    return df


def prepare_claims(claims: pd.DataFrame, texts: Mapping[str, str]) -> pd.DataFrame:
    """Claims plus article_exists, article_length, sentence_matches_span, sentence_words,
    claim_types_known, speaker_matches_attribution, speaker_span_in_article,
    quote_span_in_article."""
    df = claims.reset_index(drop=True).copy()
    _numeric(
        df,
        ("char_start", "char_end", "sentence_index", "score", "threshold",
         "speaker_start", "speaker_end", "quote_start", "quote_end"),
    )  # fmt: skip
    df["article_exists"] = _bools([isinstance(a, str) and a in texts for a in df["article_id"]])
    df["article_length"] = _article_length(df["article_id"], texts)

    matches: list[bool | None] = []
    for aid, sentence, start, end in zip(
        df["article_id"], df["sentence"], df["char_start"], df["char_end"], strict=True
    ):
        text = texts.get(aid) if isinstance(aid, str) else None
        s, e = _as_int(start), _as_int(end)
        if text is None or s is None or e is None or not isinstance(sentence, str):
            matches.append(None)
        else:
            matches.append(text[s:e] == sentence)
    df["sentence_matches_span"] = _bools(matches)

    df["sentence_words"] = pd.Series(
        [float(len(_WORD.findall(s))) if isinstance(s, str) else np.nan for s in df["sentence"]],
        dtype="float64",
    )

    known = set(CLAIM_TYPES)
    type_flags: list[bool] = []
    for value in df["claim_types"]:
        items = _as_list(value)
        type_flags.append(
            items is not None and all(isinstance(t, str) and t in known for t in items)
        )
    df["claim_types_known"] = _bools(type_flags)

    speaker_flags: list[bool | None] = []
    for attribution, speaker in zip(df["attribution"], df["speaker"], strict=True):
        if not isinstance(attribution, str):
            speaker_flags.append(None)  # not-null check on attribution reports it
            continue
        has_speaker = isinstance(speaker, str) and bool(speaker.strip())
        speaker_flags.append(has_speaker == (attribution != "none"))
    df["speaker_matches_attribution"] = _bools(speaker_flags)

    for prefix in ("speaker", "quote"):
        df[f"{prefix}_span_in_article"] = _bools(
            [
                _span_ok(s, e, n)
                for s, e, n in zip(
                    df[f"{prefix}_start"], df[f"{prefix}_end"], df["article_length"], strict=True
                )
            ]
        )
    return df


def _child_frame(df: pd.DataFrame, claim_article: Mapping[str, str]) -> pd.DataFrame:
    df = with_offset_names(df).reset_index(drop=True).copy()
    _numeric(df, ("start", "end"))
    df["claim_exists"] = _bools([isinstance(c, str) and c in claim_article for c in df["claim_id"]])
    df["span_complete"] = _bools(
        [_is_missing(s) == _is_missing(e) for s, e in zip(df["start"], df["end"], strict=True)]
    )
    return df


def prepare_entities(
    entities: pd.DataFrame, claim_article: Mapping[str, str], texts: Mapping[str, str]
) -> pd.DataFrame:
    """Entities plus claim_exists, article_matches_claim, article_length, span_complete.

    ``claim_article`` maps each claim_id of this batch to its article_id.
    """
    df = _child_frame(entities, claim_article)
    df["article_matches_claim"] = _bools(
        [
            None if not isinstance(c, str) or c not in claim_article else claim_article[c] == a
            for c, a in zip(df["claim_id"], df["article_id"], strict=True)
        ]
    )
    df["article_length"] = _article_length(df["article_id"], texts)
    return df


def prepare_parts(
    parts: pd.DataFrame, claim_article: Mapping[str, str], texts: Mapping[str, str]
) -> pd.DataFrame:
    """Parts plus claim_exists, article_length (through the claim's article), span_complete."""
    df = _child_frame(parts, claim_article)
    article_ids = pd.Series(
        [claim_article.get(c) if isinstance(c, str) else None for c in df["claim_id"]], dtype=object
    )
    df["article_length"] = _article_length(article_ids, texts).to_numpy()
    return df
