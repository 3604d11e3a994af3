"""JSON and JSON Lines records to articles.

A ``.json`` file holds one object, a list of objects, or an object with an
``articles``/``items`` list.  A ``.jsonl`` file holds one object per line.
Each object carries its text in ``text``, ``body`` or ``content`` (first
non-empty wins) or raw ``html`` (main text extracted like an HTML page), and
optional metadata: ``url``, ``title``, ``source`` (alias ``publisher``),
``author`` (a string, a list of names or ``{"name": ...}``), ``published``
(aliases ``date``, ``published_at``, ``pubDate``; ISO 8601 preferred) and
``language``.  JSON metadata wins over metadata found in ``html``.

Record origins: the path for a single-object file, ``path#N`` (0-based) for
list items, ``path:LINE`` (1-based) for JSONL lines.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime

from claims.ingest.dates import parse_published
from claims.ingest.errors import SourceError, unexpected
from claims.ingest.htmlpage import extract_page
from claims.records import Article, Rejected

TEXT_KEYS = ("text", "body", "content")
LIST_KEYS = ("articles", "items", "entries", "records")
_PUBLISHED_KEYS = ("published", "date", "published_at", "pubDate", "datePublished")
_SOURCE_KEYS = ("source", "publisher", "site_name")


def record_to_article(
    record: object, origin: str, *, fetched_at: datetime | None = None
) -> Article:
    """Build an Article from one JSON object; raise ``SourceError`` when it has no usable text."""
    if not isinstance(record, dict):
        raise SourceError(f"expected a JSON object, got {_json_type(record)}")
    text = None
    for key in TEXT_KEYS:
        value = record.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            raise SourceError(f"field '{key}' must be a string, got {_json_type(value)}")
        if value.strip():
            text = value
            break
    url = _string(record.get("url"))
    meta: dict[str, object] = {}
    if text is None:
        raw_html = record.get("html")
        if isinstance(raw_html, str) and raw_html.strip():
            text, meta = extract_page(raw_html, url=url)
        elif any(key in record for key in (*TEXT_KEYS, "html")):
            raise SourceError("empty text (text, body, content and html are blank)")
        else:
            raise SourceError("missing text (expected one of 'text', 'body', 'content' or 'html')")
    published_raw = next((record[k] for k in _PUBLISHED_KEYS if record.get(k) is not None), None)
    published = parse_published(published_raw) if published_raw is not None else None
    source = next((_string(record[k]) for k in _SOURCE_KEYS if _string(record.get(k))), None)
    return Article.build(
        text,
        origin,
        url=url or meta.get("url"),
        title=_string(record.get("title")) or meta.get("title"),
        source=source or meta.get("source"),
        author=_author(record.get("author")) or meta.get("author"),
        published=published or meta.get("published"),
        language=_string(record.get("language")) or meta.get("language"),
        fetched_at=fetched_at,
    )


def iter_json(
    text: str, origin: str, *, fetched_at: datetime | None = None
) -> Iterator[Article | Rejected]:
    """Articles from a JSON document; per-item problems become ``Rejected(path#N)``."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SourceError(
            f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}"
        ) from exc
    if isinstance(data, dict):
        if not any(key in data for key in (*TEXT_KEYS, "html")):
            for key in LIST_KEYS:
                if isinstance(data.get(key), list):
                    data = data[key]
                    break
    if isinstance(data, dict):
        yield record_to_article(data, origin, fetched_at=fetched_at)
        return
    if not isinstance(data, list):
        raise SourceError(f"expected a JSON object or a list of objects, got {_json_type(data)}")
    if not data:
        raise SourceError("empty JSON list (no records)")
    for index, record in enumerate(data):
        yield _article_or_rejected(record, f"{origin}#{index}", fetched_at)


def iter_jsonl(
    text: str, origin: str, *, fetched_at: datetime | None = None
) -> Iterator[Article | Rejected]:
    """Articles from JSON Lines; a broken line becomes ``Rejected(path:LINE)``, the rest load."""
    # Only "\n" ends a JSONL record: str.splitlines() would also split on
    # U+2028 and friends, which are legal inside JSON strings.
    for number, raw_line in enumerate(text.split("\n"), start=1):
        line = raw_line.rstrip("\r")
        if not line.strip():
            continue
        line_origin = f"{origin}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Rejected(line_origin, f"invalid JSON at column {exc.colno}: {exc.msg}")
            continue
        yield _article_or_rejected(record, line_origin, fetched_at)


def _article_or_rejected(record: object, origin: str, fetched_at: datetime | None) -> Article | Rejected:
    """One record of a JSON list or JSONL file; a bad record never stops the file."""
    try:
        return record_to_article(record, origin, fetched_at=fetched_at)
    except SourceError as exc:
        return Rejected(origin, exc.reason)
    except Exception as exc:  # noqa: BLE001 - one bad record must not stop the file
        return Rejected(origin, unexpected(exc))


def _string(value: object) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def _author(value: object) -> str | None:
    if isinstance(value, dict):
        return _string(value.get("name"))
    if isinstance(value, list):
        names = [name for name in (_author(v) for v in value) if name]
        return ", ".join(names) or None
    return _string(value)


def _json_type(value: object) -> str:
    return {
        dict: "an object",
        list: "a list",
        str: "a string",
        bool: "a boolean",
        int: "a number",
        float: "a number",
        type(None): "null",
    }.get(type(value), type(value).__name__)
