"""Small pieces of ingestion: dates, decoding, title rules, Markdown, content sniffing."""

from __future__ import annotations

import subprocess
import sys
import time
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from claims.ingest.dates import parse_published
from claims.ingest.decode import decode_text
from claims.ingest.errors import SourceError
from claims.ingest.fetch import FetchError, FetchResponse
from claims.ingest.htmlpage import fragment_to_text, read_page_meta
from claims.ingest.markdown import markdown_to_text, strip_inline
from claims.ingest.plaintext import split_title
from claims.ingest.sources import sniff_kind


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-05T09:30:00Z", datetime(2024, 3, 5, 9, 30, tzinfo=UTC)),
        ("2024-03-05T09:30:00+01:00", datetime(2024, 3, 5, 8, 30, tzinfo=UTC)),
        ("2024-03-05T09:30:00.250-05:00", datetime(2024, 3, 5, 14, 30, 0, 250000, tzinfo=UTC)),
        ("2024-03-05 09:30", datetime(2024, 3, 5, 9, 30, tzinfo=UTC)),  # naive -> UTC
        ("2024-03-05", datetime(2024, 3, 5, tzinfo=UTC)),
        ("Tue, 05 Mar 2024 08:30:00 GMT", datetime(2024, 3, 5, 8, 30, tzinfo=UTC)),
        ("Wed, 06 Mar 2024 10:00:00 +0100", datetime(2024, 3, 6, 9, 0, tzinfo=UTC)),
        ("5 March 2024", datetime(2024, 3, 5, tzinfo=UTC)),
        (1709627400, datetime(2024, 3, 5, 8, 30, tzinfo=UTC)),
        (date(2024, 3, 5), datetime(2024, 3, 5, tzinfo=UTC)),
        (
            datetime(2024, 3, 5, 9, 30, tzinfo=timezone(timedelta(hours=1))),
            datetime(2024, 3, 5, 8, 30, tzinfo=UTC),
        ),
        (
            time.struct_time((2024, 3, 5, 8, 30, 0, 1, 65, 0)),
            datetime(2024, 3, 5, 8, 30, tzinfo=UTC),
        ),
        ("yesterday-ish", None),
        ("", None),
        ("2024-13-45", None),
        (None, None),
        (True, None),
        (["2024-03-05"], None),
        (10**20, None),
    ],
)
def test_parse_published(value: object, expected: datetime | None) -> None:
    parsed = parse_published(value)
    assert parsed == expected
    if parsed is not None:
        assert parsed.tzinfo is UTC


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file (0 bytes)"),
        (b" \n\t ", "file contains only whitespace"),
        (b"abc\x00def", "binary file (NUL byte at offset 3)"),
        (b"ok \xe2\x82 broken", "invalid UTF-8 at byte offset 3 (byte 0xe2)"),
    ],
)
def test_decode_rejections(data: bytes, reason: str) -> None:
    with pytest.raises(SourceError) as info:
        decode_text(data)
    assert info.value.reason == reason


def test_decode_boms_and_charsets() -> None:
    assert decode_text("\ufeffCaf\u00e9".encode()) == "Caf\u00e9"
    assert decode_text("Caf\u00e9".encode("utf-16")) == "Caf\u00e9"
    assert (
        decode_text("Caf\u00e9 \u2013".encode("cp1252"), charset="iso-8859-1") == "Caf\u00e9 \u2013"
    )
    with pytest.raises(SourceError, match="unknown charset"):
        decode_text(b"abc", charset="no-such-charset")


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Headline here\n\nBody.", "Headline here"),
        ("Is this a headline?\n\nBody.", "Is this a headline?"),
        ("\n\nHeadline after blank lines\n\nBody.", "Headline after blank lines"),
        ("A lead sentence.\n\nBody.", None),
        ("A label:\n\nBody.", None),
        ("Headline\nBody right after.", None),
        ("Headline only\n\n", None),
        ("x" * 201 + "\n\nBody.", None),
    ],
)
def test_txt_title_rule(text: str, title: str | None) -> None:
    found, body = split_title(text)
    assert found == title
    if title:
        assert body.strip() == "Body."


@pytest.mark.parametrize(
    ("markdown", "plain"),
    [
        ("**bold** and __strong__ and *em* and _em_", "bold and strong and em and em"),
        ("a [link](https://x.org/a_(b)) here", "a link here"),
        ("a [ref link][1] here", "a ref link here"),
        ("an ![image](i.png) gone", "an  gone"),
        ("`code` and ``co`de``", "code and co`de"),
        ("5 * 3 * 2 = 30 and 2*3", "5 * 3 * 2 = 30 and 2*3"),
        ("snake_case_name stays", "snake_case_name stays"),
        (r"escaped \*stars\* stay", "escaped *stars* stay"),
        ("AT&amp;T <b>bold</b> <!-- hidden -->", "AT&T bold "),
        ("~~struck~~ text", "struck text"),
        ("see <https://x.org/a>", "see https://x.org/a"),
        ("costs < 5 and > 2", "costs < 5 and > 2"),
    ],
)
def test_strip_inline(markdown: str, plain: str) -> None:
    assert strip_inline(markdown) == plain


def test_markdown_structure() -> None:
    title, body, meta = markdown_to_text(
        "Intro line one\nwrapped here.\n\n# The Title #\n\n## Section\n\n1. first\n2) second\n"
        "   continued\n\n***\n\n> quoted\n> more quoted\n\n[1]: https://x.org\n"
    )
    assert title == "The Title"
    assert meta == {}
    assert body == (
        "Intro line one wrapped here.\n\nSection\n\nfirst\nsecond continued\n\nquoted more quoted"
    )


def test_markdown_front_matter_title_wins() -> None:
    title, body, meta = markdown_to_text(
        '---\ntitle: "Front title"\nauthor: A. Writer\n---\n# Heading\n\nText.'
    )
    assert title == "Front title"
    assert meta["author"] == "A. Writer"
    assert body == "Text."


def test_read_page_meta_fallbacks() -> None:
    meta = read_page_meta(
        "<html><head><title> Plain  title </title>"
        '<meta property="article:author" content="https://x.org/people/jane">'
        '<meta name="dc.date" content="2024-01-02">'
        '<link rel="canonical" href="/relative/path">'
        "</head><body><h1>x</h1></body></html>"
    )
    assert meta.title is None and meta.title_tag == "Plain title"
    assert meta.author is None  # a profile URL is not a name
    assert meta.published == "2024-01-02"
    assert meta.canonical is None  # relative links are not used as identity


def test_fragment_to_text() -> None:
    fragment = (
        "<p>One &amp; two.</p><script>x()</script><ul><li>Item  a</li><li>Item b</li></ul>text"
    )
    assert fragment_to_text(fragment) == "One & two.\n\nItem a\n\nItem b\n\ntext"


@pytest.mark.parametrize(
    ("content_type", "body", "url", "kind"),
    [
        ("application/rss+xml", b"<rss/>", "https://x.org/a", "feed"),
        ("application/atom+xml; charset=utf-8", b"<feed/>", "https://x.org/a", "feed"),
        ("text/xml", b"<?xml version='1.0'?><rss version='2.0'>", "https://x.org/a", "feed"),
        (
            "text/html",
            b"<?xml version='1.0'?>\n<feed xmlns='http://www.w3.org/2005/Atom'>",
            "https://x.org/a",
            "feed",
        ),
        ("text/html; charset=utf-8", b"<!DOCTYPE html><html>", "https://x.org/a", "html"),
        ("", b"\n  <!doctype html><html>", "https://x.org/a", "html"),
        ("application/octet-stream", b"<rss version='2.0'>", "https://x.org/a", "feed"),
        ("application/json", b"{}", "https://x.org/a", "json"),
        ("text/plain", b"Just words.", "https://x.org/a.md", "markdown"),
        ("text/plain", b"Just words.", "https://x.org/a", "text"),
    ],
)
def test_sniff_kind(content_type: str, body: bytes, url: str, kind: str) -> None:
    assert (
        sniff_kind(FetchResponse(url=url, status=200, content_type=content_type, body=body)) == kind
    )


def test_fetch_response_helpers() -> None:
    response = FetchResponse("https://x.org/a", 503, 'text/html; Charset="ISO-8859-1"', b"")
    assert response.mime == "text/html" and response.charset == "iso-8859-1"
    assert not response.ok
    with pytest.raises(FetchError) as info:
        response.raise_for_status()
    assert str(info.value) == "https://x.org/a: HTTP 503 Service Unavailable"


def test_import_is_light() -> None:
    code = (
        "import sys, claims.ingest; "
        "print(sorted(m for m in ('trafilatura', 'feedparser', 'httpx', 'lxml') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_markdown_emphasis_and_links_across_wrapped_lines() -> None:
    _, body, _ = markdown_to_text("The *very\nlong* claim [cites a\nsource](https://x.org) here.")
    assert body == "The very long claim cites a source here."


def test_short_page_keeps_only_the_story() -> None:
    from claims.ingest.htmlpage import extract_page

    html = (
        "<html><head><title>Short</title></head><body><nav><a href=/>Home</a></nav>"
        "<article><p>The minister said unemployment fell to 4.2 percent last year.</p></article>"
        "<footer>Contact</footer></body></html>"
    )
    text, meta = extract_page(html, url="https://x.org/short")
    assert text == "The minister said unemployment fell to 4.2 percent last year."
    assert meta["title"] == "Short" and meta["url"] == "https://x.org/short"


@pytest.mark.parametrize(
    ("entry", "author"),
    [
        ({"author": "jane@x.org (Jane Doe)"}, "Jane Doe"),
        ({"author": "Jane Doe <jane@x.org>"}, "Jane Doe"),
        ({"author": "Jane Doe", "authors": [{"name": "Jane Doe"}]}, "Jane Doe"),
        ({"author": "A", "authors": [{"name": "A"}, {"name": "B"}]}, "A, B"),
        ({"author": "desk@x.org"}, "desk@x.org"),
        ({}, None),
    ],
)
def test_feed_entry_author(entry: dict, author: str | None) -> None:
    from claims.ingest.feeds import entry_author

    assert entry_author(entry) == author
