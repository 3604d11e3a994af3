"""Ingestion: files, folders, JSON/JSONL, HTML, RSS/Atom feeds and URLs to ``Article`` records.

>>> result = ingest_sources(["articles/", "https://example.com/feed.xml"])
>>> result.articles, result.rejected, result.duplicates

Bad input never raises: it becomes ``Rejected(source, reason)`` and the rest
goes on.  Slow libraries (trafilatura, feedparser, httpx) are imported only
when a source needs them.  See docs/ingest.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from claims.ingest.errors import SourceError
from claims.ingest.fetch import (
    Fetcher,
    FetchError,
    FetchResponse,
    HttpFetcher,
    StaticFetcher,
)
from claims.ingest.sources import EXTENSIONS, iter_sources
from claims.records import Article, Rejected

__all__ = [
    "EXTENSIONS",
    "FetchError",
    "FetchResponse",
    "Fetcher",
    "HttpFetcher",
    "IngestResult",
    "SourceError",
    "StaticFetcher",
    "ingest_sources",
    "iter_sources",
]


@dataclass
class IngestResult:
    """What a batch of sources produced.

    ``articles`` are unique by ``article_id`` (first occurrence kept);
    ``duplicates`` counts the later copies dropped; ``skipped`` lists files
    inside folders that were passed over for their extension.
    """

    articles: list[Article] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    duplicates: int = 0
    skipped: list[str] = field(default_factory=list)


def ingest_sources(sources: Sequence[str], *, fetcher: Fetcher | None = None) -> IngestResult:
    """Ingest every source into one ``IngestResult`` (duplicates within the batch collapsed)."""
    result = IngestResult()
    seen: set[str] = set()
    for item in iter_sources(sources, fetcher=fetcher, on_skip=result.skipped.append):
        if isinstance(item, Rejected):
            result.rejected.append(item)
        elif item.article_id in seen:
            result.duplicates += 1
        else:
            seen.add(item.article_id)
            result.articles.append(item)
    return result
