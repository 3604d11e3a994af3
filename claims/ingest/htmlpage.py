"""HTML pages to main text and metadata.

Main text comes from trafilatura (imported lazily) with comments excluded, so
navigation, headers, footers and other boilerplate are dropped.  Metadata is
read from the page head first (``<title>``, ``og:title``, ``meta author``,
``article:published_time`` and friends, ``og:site_name``, ``link
rel=canonical``, ``<html lang>``) and completed from trafilatura's own
metadata.  ``fragment_to_text`` converts a trusted HTML fragment (a feed
entry's ``content:encoded``) to text without boilerplate removal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from claims.ingest.dates import parse_published
from claims.ingest.errors import SourceError

MIN_LINE_WORDS = 8  # main text needs at least one line this long (nav items are shorter)
SHORT_TEXT_CHARS = 250  # trafilatura's min_extracted_size: shorter results get a second pass

_PUBLISHED_KEYS = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
)
_AUTHOR_KEYS = (
    "author",
    "article:author",
    "dc.creator",
    "byl",
    "parsely-author",
    "sailthru.author",
)
_TITLE_KEYS = ("og:title", "twitter:title", "dc.title")
_SITE_KEYS = ("og:site_name", "application-name", "publisher", "dc.publisher")


@dataclass
class PageMeta:
    """Metadata found in a page's markup."""

    title: str | None = None  # og:title and the like
    title_tag: str | None = None  # the <title> element
    author: str | None = None
    published: str | None = None
    canonical: str | None = None
    site_name: str | None = None
    language: str | None = None


class _HeadParser(HTMLParser):
    """Collects <title>, <meta>, canonical <link> and <html lang>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.title_parts: list[str] = []
        self.canonical: str | None = None
        self.language: str | None = None
        self._in_title = False
        self._in_body = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "").strip() for k, v in attrs}
        if tag == "html" and a.get("lang"):
            self.language = a["lang"]
        elif tag == "title" and not self._in_body:
            self._in_title = True
        elif tag == "body":
            self._in_body = True
        elif tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            value = a.get("content") or a.get("datetime") or ""
            if key and value and key not in self.meta:
                self.meta[key] = value
        elif tag == "link" and "canonical" in a.get("rel", "").lower().split() and a.get("href"):
            self.canonical = self.canonical or a["href"]
        elif (
            tag == "time" and "datepublished" == a.get("itemprop", "").lower() and a.get("datetime")
        ):
            self.meta.setdefault("datepublished", a["datetime"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title_parts.append(data)


def read_page_meta(html: str) -> PageMeta:
    """Metadata from a page's markup (never raises)."""
    parser = _HeadParser()
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # noqa: BLE001 - html.parser can choke on odd markup; keep what we got
        pass
    meta = parser.meta

    def first(keys: tuple[str, ...]) -> str | None:
        for key in keys:
            if meta.get(key):
                return _clean(meta[key])
        return None

    title = first(_TITLE_KEYS)
    title_tag = _clean(" ".join(parser.title_parts))
    author = first(_AUTHOR_KEYS)
    if author and author.startswith(("http://", "https://")):
        author = None  # article:author is often a profile URL
    canonical = parser.canonical if _is_http(parser.canonical) else None
    return PageMeta(
        title=title,
        title_tag=title_tag,
        author=author,
        published=first(_PUBLISHED_KEYS),
        canonical=canonical,
        site_name=first(_SITE_KEYS),
        language=parser.language or None,
    )


def extract_page(html: str, *, url: str | None = None) -> tuple[str, dict[str, object]]:
    """``(main_text, meta)`` of an HTML page; ``meta`` has Article.build keywords.

    ``url`` is used when the page names no canonical link.  Raises
    ``SourceError("no extractable main text ...")`` when trafilatura finds no
    main text, or only short boilerplate-like lines.
    """
    import trafilatura

    doc = trafilatura.bare_extraction(
        html, url=url, include_comments=False, with_metadata=True, include_tables=True
    )
    lines = _lines(doc)
    if sum(map(len, lines)) < SHORT_TEXT_CHARS:
        # Below this size trafilatura falls back to looser extractors that can pick up
        # navigation; a precision-first pass keeps only the story when there is one.
        precise = _lines(
            trafilatura.bare_extraction(
                html, url=url, include_comments=False, favor_precision=True, include_tables=True
            )
        )
        if _has_main_text(precise):
            lines = precise
    if not _has_main_text(lines):
        raise SourceError("no extractable main text (page holds only boilerplate or nothing)")
    page = read_page_meta(html)
    title = page.title or _clean(getattr(doc, "title", None)) or page.title_tag
    titles = [t for t in (title, _clean(getattr(doc, "title", None)), page.title_tag) if t]
    if lines and any(_same(lines[0], t) for t in titles):
        lines = lines[1:]  # trafilatura repeats the headline as the first line
    if not lines:
        raise SourceError("no extractable main text (only a headline)")
    doc_url = getattr(doc, "url", None)
    meta: dict[str, object] = {
        "url": page.canonical or (doc_url if _is_http(doc_url) else None) or url,
        "title": title,
        "source": page.site_name or _clean(getattr(doc, "sitename", None)),
        "author": page.author or _clean(getattr(doc, "author", None)),
        "published": parse_published(page.published) or parse_published(getattr(doc, "date", None)),
        "language": page.language or _clean(getattr(doc, "language", None)),
    }
    return "\n\n".join(lines), meta


class _FragmentParser(HTMLParser):
    _BLOCK = {
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
        "section", "article", "tr", "table", "pre", "figure", "figcaption", "hr", "dd", "dt",
        "header", "footer", "aside",
    }  # fmt: skip
    _SKIP = {"script", "style", "noscript", "template", "iframe", "svg"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skip += 1
        elif tag in self._BLOCK:
            self.parts.append("\n\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag in self._BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def fragment_to_text(fragment: str) -> str:
    """Text of an HTML fragment: block elements become paragraphs, scripts are dropped."""
    if "<" not in fragment and "&" not in fragment:
        return fragment.strip()
    parser = _FragmentParser()
    try:
        parser.feed(fragment)
        parser.close()
    except Exception:  # noqa: BLE001
        pass
    raw = "".join(parser.parts)
    paragraphs = [re.sub(r"\s+", " ", p).strip() for p in re.split(r"\n\s*\n", raw)]
    return "\n\n".join(p for p in paragraphs if p)


def _lines(doc: object) -> list[str]:
    """Non-empty, space-normalized lines of a trafilatura document's text."""
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in text.split("\n")]
    return [line for line in lines if line]


def _has_main_text(lines: list[str]) -> bool:
    return any(len(line.split()) >= MIN_LINE_WORDS for line in lines)


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = re.sub(r"\s+", " ", value).strip()
    return value or None


def _same(a: str, b: str) -> bool:
    def norm(s: str) -> str:
        return re.sub(r"\W+", " ", s).strip().lower()

    return norm(a) == norm(b)


def _is_http(url: object) -> bool:
    return isinstance(url, str) and url.startswith(("http://", "https://"))
