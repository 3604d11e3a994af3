"""Turn source strings (paths, folders, URLs) into articles or rejections.

A source is a file, a folder (walked recursively in sorted order; hidden
files and folders, README files and unsupported extensions skipped) or an
http(s) URL.
One bad source never stops the others: every failure becomes a ``Rejected``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path

from claims.ingest.decode import decode_html, decode_text, sniff_xml_charset
from claims.ingest.errors import SourceError, unexpected
from claims.ingest.feeds import iter_feed
from claims.ingest.fetch import Fetcher, FetchError, FetchResponse, HttpFetcher
from claims.ingest.htmlpage import extract_page
from claims.ingest.jsonrecords import iter_json, iter_jsonl
from claims.ingest.markdown import markdown_to_text
from claims.ingest.plaintext import split_title
from claims.records import Article, Rejected

#: File extension -> reader kind.
EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
}

_FEED_TYPES = {
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/feed+xml",
    "application/x-rss+xml",
}
_HTML_TYPES = {"text/html", "application/xhtml+xml"}
#: Files passed over inside folders (still read when named explicitly).
FOLDER_SKIP_NAMES = frozenset({"readme", "readme.md", "readme.txt", "readme.markdown"})
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")

Item = Article | Rejected


class _Context:
    """Shared state of one run: the fetcher (an HttpFetcher made on first need)."""

    def __init__(self, fetcher: Fetcher | None, on_skip: Callable[[str], None] | None) -> None:
        self._fetcher = fetcher
        self._owned: HttpFetcher | None = None
        self.on_skip = on_skip

    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            self._owned = HttpFetcher()
            self._fetcher = self._owned
        return self._fetcher

    def close(self) -> None:
        if self._owned is not None:
            self._owned.close()


def iter_sources(
    sources: Sequence[str],
    *,
    fetcher: Fetcher | None = None,
    on_skip: Callable[[str], None] | None = None,
) -> Iterator[Item]:
    """Yield an ``Article`` or ``Rejected`` for everything the sources hold, lazily, in order.

    ``fetcher`` serves URLs and feed-entry links (default: an ``HttpFetcher``
    created on first use).  ``on_skip(path)`` is called for each file skipped
    inside a folder because its extension is not supported.  Never raises for
    a bad source.
    """
    if isinstance(sources, str | os.PathLike):
        sources = [sources]  # type: ignore[list-item]
    ctx = _Context(fetcher, on_skip)
    try:
        for source in sources:
            source = os.fspath(source)
            try:
                yield from _iter_source(source, ctx)
            except SourceError as exc:
                yield Rejected(exc.source or source, exc.reason)
            except Exception as exc:  # noqa: BLE001 - one bad source must not stop the batch
                yield Rejected(source, unexpected(exc))
    finally:
        ctx.close()


def _iter_source(source: str, ctx: _Context) -> Iterator[Item]:
    given = source  # origins of explicitly named files keep the spelling the user gave
    scheme = _SCHEME.match(source)
    if scheme:
        name = scheme.group(1).lower()
        if name in ("http", "https"):
            yield from _iter_url(source, ctx)
            return
        if name == "file":
            from urllib.parse import unquote, urlparse

            source = unquote(urlparse(source).path)
        else:
            raise SourceError(f"unsupported URL scheme '{name}' (use http, https or a path)")
    path = Path(source).expanduser()
    if path.is_dir():
        yield from _iter_folder(path, source, ctx)
    elif path.is_file():
        kind = EXTENSIONS.get(path.suffix.lower())
        if kind is None:
            raise SourceError(
                f"unsupported file type '{path.suffix or '(none)'}' "
                f"(supported: {', '.join(sorted(EXTENSIONS))})"
            )
        yield from _iter_file(path, kind, ctx, origin=given)
    elif path.exists():
        raise SourceError("not a regular file or folder")
    else:
        raise SourceError("no such file or directory")


def _iter_folder(folder: Path, source: str, ctx: _Context) -> Iterator[Item]:
    files: list[Path] = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        files.extend(Path(root) / n for n in names if not n.startswith("."))
    files.sort(key=lambda p: p.relative_to(folder).parts)
    found = 0
    for path in files:
        kind = EXTENSIONS.get(path.suffix.lower())
        if kind is None or path.name.lower() in FOLDER_SKIP_NAMES or not path.is_file():
            if ctx.on_skip is not None:
                ctx.on_skip(str(path))
            continue
        found += 1
        try:
            yield from _iter_file(path, kind, ctx)
        except SourceError as exc:
            yield Rejected(str(path), exc.reason)
        except Exception as exc:  # noqa: BLE001 - one bad file must not stop the folder
            yield Rejected(str(path), unexpected(exc))
    if not found:
        raise SourceError(
            f"folder holds no supported files ({', '.join(sorted(EXTENSIONS))})", source
        )


def _iter_file(path: Path, kind: str, ctx: _Context, origin: str | None = None) -> Iterator[Item]:
    origin = origin or str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"cannot read file: {exc.strerror or exc}", origin) from exc
    try:
        yield from _iter_bytes(data, kind, origin, ctx, content_charset=None, url=None)
    except SourceError as exc:
        raise SourceError(exc.reason, exc.source or origin) from exc


def _iter_bytes(
    data: bytes,
    kind: str,
    origin: str,
    ctx: _Context,
    *,
    content_charset: str | None,
    url: str | None,
    fetched_at: datetime | None = None,
) -> Iterator[Item]:
    """Dispatch one document's bytes to the reader for ``kind``."""
    what = "response" if url else "file"
    if kind == "feed":
        # Same empty/binary/encoding checks as other text; feedparser decodes by itself.
        decode_text(data, kind=what, charset=sniff_xml_charset(data) or content_charset)
        yield from iter_feed(data, origin, get_fetcher=ctx.fetcher)
        return
    if kind == "html":
        html = decode_html(data, kind=what, charset=content_charset)
        text, meta = extract_page(html, url=url)
        yield Article.build(text, origin, fetched_at=fetched_at, **meta)
        return
    text = decode_text(data, kind=what, charset=content_charset)
    if kind == "json":
        yield from iter_json(text, origin, fetched_at=fetched_at)
    elif kind == "jsonl":
        yield from iter_jsonl(text, origin, fetched_at=fetched_at)
    elif kind == "markdown":
        title, body, front = markdown_to_text(text)
        if not body.strip():
            raise SourceError("no text after stripping Markdown")
        yield Article.build(
            body,
            origin,
            url=front.get("url") or url,
            title=title,
            source=front.get("source") or front.get("publisher"),
            author=front.get("author"),
            published=_published(front.get("published") or front.get("date")),
            language=front.get("language") or front.get("lang"),
            fetched_at=fetched_at,
        )
    else:
        title, body = split_title(text)
        yield Article.build(body, origin, url=url, title=title, fetched_at=fetched_at)


def _published(value: str | None) -> datetime | None:
    from claims.ingest.dates import parse_published

    return parse_published(value) if value else None


def _iter_url(url: str, ctx: _Context) -> Iterator[Item]:
    try:
        response = ctx.fetcher().fetch(url)
        response.raise_for_status()
    except FetchError as exc:
        raise SourceError(exc.reason, url) from exc
    fetched_at = datetime.now(UTC)
    kind = sniff_kind(response)
    yield from _iter_bytes(
        response.body,
        kind,
        url,
        ctx,
        content_charset=response.charset,
        url=url,
        fetched_at=fetched_at,
    )


def sniff_kind(response: FetchResponse) -> str:
    """Reader kind for a fetched document: Content-Type first, then the body, then the URL."""
    mime = response.mime
    head = response.body[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    looks_feed = any(tag in head for tag in (b"<rss", b"<feed", b"<rdf:rdf"))
    looks_html = head.startswith((b"<!doctype html", b"<html")) or b"<html" in head[:512]
    if mime in _FEED_TYPES:
        return "feed"
    if mime in _HTML_TYPES:
        return "feed" if looks_feed and not looks_html else "html"
    if mime in ("application/json", "text/json") or mime.endswith("+json"):
        return "json"
    if mime in ("application/x-ndjson", "application/jsonl", "application/x-jsonlines"):
        return "jsonl"
    if looks_feed and not looks_html:
        return "feed"
    if looks_html:
        return "html"
    if mime == "text/markdown":
        return "markdown"
    suffix = EXTENSIONS.get(Path(response.url.split("?", 1)[0]).suffix.lower())
    if suffix:
        return suffix
    if mime in ("text/xml", "application/xml"):
        return "feed"
    if head.startswith(b"<"):
        return "html"
    return "text"
