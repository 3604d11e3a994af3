"""Plain records that move between claimflow's stages.

These dataclasses are the contract between ``claims`` (pure extraction),
``warehouse`` (DuckDB/Parquet), ``checks`` (Great Expectations) and ``flows``.
They hold no behaviour beyond small conveniences, so every stage can build and
read them without importing the others.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from datetime import datetime

# Claim type labels (multi-label).  Taxonomy after Full Fact's claim types.
CLAIM_TYPES: tuple[str, ...] = (
    "quantity",  # a number, statistic, rate or amount
    "comparison",  # compares two things (more/less/as many as, ranks, records)
    "causal",  # cause/effect or correlation ("X led to Y")
    "prediction",  # a future event or forecast, incl. scheduled events
    "rule",  # rule, law, treaty, policy: what is allowed/required
    "historical",  # a past event that can be looked up
    "personal_experience",  # the speaker's own experience ("I was there")
    "opinion",  # quote of an opinion; not checkable on its own
)

ATTRIBUTIONS: tuple[str, ...] = ("quote", "reported", "none")


def normalize_text(text: str) -> str:
    """Canonical form of an article's text, used for its identity hash.

    Unicode NFC, unified line endings, trailing spaces removed, runs of blank
    lines collapsed.  Changing this changes every article id: bump
    ``warehouse`` schema version if you do.
    """
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def stable_id(*parts: object, length: int = 16) -> str:
    """A short, stable hex id from its parts (sha256)."""
    h = hashlib.sha256("\x1f".join("" if p is None else str(p) for p in parts).encode("utf-8"))
    return h.hexdigest()[:length]


def article_id_for(text: str, url: str | None) -> str:
    """An article's identity: a hash of its normalized text and its URL."""
    return stable_id("article", normalize_text(text), url or "")


def claim_id_for(article_id: str, char_start: int, char_end: int) -> str:
    """A claim's identity: stable across re-runs and model versions."""
    return stable_id("claim", article_id, char_start, char_end)


@dataclass
class Article:
    """One ingested article.  ``text`` is normalized (see ``normalize_text``)."""

    article_id: str
    text: str
    origin: str  # the file path, feed entry or URL it came from
    url: str | None = None
    title: str | None = None
    source: str | None = None  # publisher, e.g. "Example Times"
    author: str | None = None
    published: datetime | None = None
    language: str | None = None
    fetched_at: datetime | None = None

    @classmethod
    def build(cls, text: str, origin: str, **meta: object) -> Article:
        norm = normalize_text(text)
        url = meta.get("url")
        # ``norm`` is already normalized: hash it directly (same id as article_id_for).
        article_id = stable_id("article", norm, url if isinstance(url, str) else "")
        return cls(article_id=article_id, text=norm, origin=origin, **meta)  # type: ignore[arg-type]

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Rejected:
    """A source (file, record, URL, feed) that could not become an article."""

    source: str  # path, "path:line", URL, "feed-url#entry"
    reason: str  # one line, human readable
    stage: str = "ingest"

    def message(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass
class Sentence:
    """A sentence with its character offsets into the article text."""

    index: int
    start: int
    end: int
    text: str


@dataclass
class Entity:
    """A named entity or quantity, with offsets into the article text."""

    kind: str  # PERSON, ORG, PLACE, DATE, NUMBER, PERCENT, MONEY, RATE, QUANTITY
    text: str
    start: int
    end: int
    value: str | None = None  # normalized value: ISO date, number as text
    unit: str | None = None  # unit for quantities: "soldiers", "%", "USD", "per capita"


@dataclass
class ClaimPart:
    """One part of a decomposed quantity/comparison claim.

    ``role`` is one of subject, metric, value, comparator, object, period.
    ``text`` may be rewritten (e.g. metric "soldiers lost per capita"); the
    offsets point at the article span it was derived from (None if none).
    """

    role: str
    text: str
    start: int | None = None
    end: int | None = None


@dataclass
class SentenceAnalysis:
    """What ``claims`` knows about one sentence beyond its score."""

    claim: str  # stand-alone, normalized claim text (== sentence if unchanged)
    attribution: str = "none"  # one of ATTRIBUTIONS
    speaker: str | None = None
    speaker_role: str | None = None
    speaker_start: int | None = None  # offsets of the mention that names the speaker
    speaker_end: int | None = None
    quote_start: int | None = None  # offsets of the quoted span, if any
    quote_end: int | None = None
    types: list[str] = field(default_factory=list)
    checkable: bool = True
    flags: list[str] = field(default_factory=list)  # e.g. "uncertain_rewrite"
    entities: list[Entity] = field(default_factory=list)
    parts: list[ClaimPart] = field(default_factory=list)


@dataclass
class Claim:
    """A check-worthy sentence turned into a claim record."""

    claim_id: str
    article_id: str
    sentence: str
    claim: str
    char_start: int
    char_end: int
    sentence_index: int
    score: float
    model: str  # "name@version"
    threshold: float
    extractor: str  # "name@version" of the rules that built the record
    extracted_at: datetime
    publisher: str | None = None
    analysis: SentenceAnalysis | None = None

    def to_row(self) -> dict:
        """Flat row for the warehouse (entities and parts go to child tables)."""
        a = self.analysis or SentenceAnalysis(claim=self.claim)
        return {
            "claim_id": self.claim_id,
            "article_id": self.article_id,
            "sentence": self.sentence,
            "claim": self.claim,
            "char_start": self.char_start,
            "char_end": self.char_end,
            "sentence_index": self.sentence_index,
            "score": float(self.score),
            "model": self.model,
            "threshold": float(self.threshold),
            "extractor": self.extractor,
            "extracted_at": self.extracted_at,
            "publisher": self.publisher,
            "attribution": a.attribution,
            "speaker": a.speaker,
            "speaker_role": a.speaker_role,
            "speaker_start": a.speaker_start,
            "speaker_end": a.speaker_end,
            "quote_start": a.quote_start,
            "quote_end": a.quote_end,
            "claim_types": list(a.types),
            "checkable": bool(a.checkable),
            "flags": list(a.flags),
        }
