"""RSS and Atom feeds to articles (feedparser, imported lazily).

Each entry becomes one article.  Its text is the entry's full content
(``content:encoded`` / Atom ``<content>``, else a long ``description``/
``<summary>``) when that holds at least ``MIN_FULL_TEXT_CHARS`` characters of
text; otherwise the entry's link is fetched with the fetcher and the page's
main text extracted.  Entry metadata (title, author, published) wins over
page metadata; the page's canonical link and site name win over the entry's
link and the feed's title (so an article reached through a feed and directly
by URL gets the same ``url``).  Entry origins are ``feed#N`` (0-based entry index).
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from datetime import UTC, datetime

from claims.ingest.dates import parse_published
from claims.ingest.decode import decode_html
from claims.ingest.errors import SourceError, unexpected
from claims.ingest.fetch import Fetcher, FetchError
from claims.ingest.htmlpage import extract_page, fragment_to_text
from claims.records import Article, Rejected

MIN_FULL_TEXT_CHARS = 400
_EMAIL_NAME = re.compile(r"^\S+@\S+\s*\((?P<name>[^()]+)\)$")  # RSS: jane@x.org (Jane Doe)
_NAME_EMAIL = re.compile(r"^(?P<name>[^<>]+?)\s*<\S+@\S+>$")  # Jane Doe <jane@x.org>
_ENTRY_KEYS = ("title", "link", "content", "summary")


def iter_feed(
    data: bytes, origin: str, *, get_fetcher: Callable[[], Fetcher]
) -> Iterator[Article | Rejected]:
    """Articles from an RSS/Atom document; raise ``SourceError`` if it is not a usable feed."""
    import feedparser

    parsed = feedparser.parse(io.BytesIO(data))
    entries = list(parsed.get("entries") or [])
    if parsed.get("bozo"):
        # A truncated document can leave a husk of an entry behind; drop the empty ones.
        entries = [e for e in entries if any(e.get(k) for k in _ENTRY_KEYS)]
    if not entries:
        if parsed.get("bozo"):
            exc = parsed.get("bozo_exception")
            detail = str(exc).splitlines()[0] if exc is not None and str(exc) else "parse error"
            raise SourceError(f"malformed feed XML: {detail}")
        if not parsed.get("version"):
            raise SourceError("not an RSS or Atom feed (no <rss>, <feed> or <rdf:RDF> root)")
        raise SourceError("feed has no entries")
    feed_title = _text(parsed.get("feed", {}).get("title"))
    for index, entry in enumerate(entries):
        entry_origin = f"{origin}#{index}"
        try:
            yield _entry_article(entry, entry_origin, feed_title, get_fetcher)
        except SourceError as exc:
            yield Rejected(entry_origin, exc.reason)
        except Exception as exc:  # noqa: BLE001 - one bad entry must not stop the feed
            yield Rejected(entry_origin, unexpected(exc))


def entry_full_text(entry: dict) -> str | None:
    """The entry's own full text, if it carries a substantial amount."""
    candidates = [c.get("value", "") for c in entry.get("content") or [] if isinstance(c, dict)]
    candidates.append(entry.get("summary") or "")
    texts = [fragment_to_text(c) for c in candidates if isinstance(c, str) and c.strip()]
    best = max(texts, key=len, default="")
    return best if len(best) >= MIN_FULL_TEXT_CHARS else None


def _entry_article(
    entry: dict, origin: str, feed_title: str | None, get_fetcher: Callable[[], Fetcher]
) -> Article:
    link = _text(entry.get("link"))
    published = None
    for key in ("published", "updated", "created"):
        published = parse_published(entry.get(key)) or parse_published(entry.get(f"{key}_parsed"))
        if published:
            break
    entry_meta: dict[str, object] = {
        "url": link,
        "title": _text(entry.get("title")),
        "author": entry_author(entry),
        "published": published,
        "source": feed_title,
    }
    text = entry_full_text(entry)
    page_meta: dict[str, object] = {}
    fetched_at = None
    if text is None:
        if not link:
            raise SourceError("entry has no full text and no link to fetch")
        if not link.startswith(("http://", "https://")):
            raise SourceError(f"entry has no full text and its link is not http(s): {link}")
        try:
            response = get_fetcher().fetch(link)
            response.raise_for_status()
        except FetchError as exc:
            raise SourceError(f"entry has no full text and its link failed: {exc}") from exc
        fetched_at = datetime.now(UTC)
        try:
            html = decode_html(response.body, kind="response", charset=response.charset)
            text, page_meta = extract_page(html, url=link)
        except SourceError as exc:
            raise SourceError(f"entry link {link}: {exc.reason}") from exc
    meta = {k: v for k, v in page_meta.items() if v}
    meta.update({k: v for k, v in entry_meta.items() if v})
    for key in ("source", "url"):  # the page's own site name and canonical link win
        if page_meta.get(key):
            meta[key] = page_meta[key]
    return Article.build(text, origin, fetched_at=fetched_at, **meta)


def entry_author(entry: dict) -> str | None:
    """The entry's author name(s): ``a@b.c (Name)`` and ``Name <a@b.c>`` give ``Name``."""
    names = []
    for detail in entry.get("authors") or []:
        name = _text(detail.get("name")) if isinstance(detail, dict) else None
        if name and "@" not in name and "(" not in name and ")" not in name:
            names.append(name)
    if len(names) > 1:
        return ", ".join(dict.fromkeys(names))
    raw = _text(entry.get("author"))
    if raw is None:
        return names[0] if names else None
    match = _EMAIL_NAME.match(raw) or _NAME_EMAIL.match(raw)
    return match.group("name").strip() if match else raw


def _text(value: object) -> str | None:
    if isinstance(value, str) and value.strip():
        return " ".join(value.split())
    return None
