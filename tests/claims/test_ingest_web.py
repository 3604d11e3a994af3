"""Ingesting URLs and feeds against a real HTTP server on 127.0.0.1 (no mocks)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from claims.ingest import (
    Fetcher,
    FetchError,
    FetchResponse,
    HttpFetcher,
    StaticFetcher,
    ingest_sources,
    iter_sources,
)
from claims.ingest.feeds import MIN_FULL_TEXT_CHARS
from claims.records import Article, Rejected, article_id_for


def page(title: str, author: str, published: str, canonical: str, paragraphs: list[str]) -> str:
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{title} | Local Ledger</title>
<meta name="author" content="{author}">
<meta property="article:published_time" content="{published}">
<meta property="og:site_name" content="Local Ledger">
<link rel="canonical" href="{canonical}">
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/subscribe">Subscribe today and get unlimited access to every story</a></li></ul></nav></header>
<main><article><h1>{title}</h1>
{body}
</article>
<aside><h2>Most read</h2><ul><li><a href="/x">Ten things you did not know about the harbour</a></li></ul></aside></main>
<footer><p>&copy; 2024 Local Ledger. All rights reserved. Registered office: 1 Quay Street.</p></footer>
</body></html>"""


JOBS_PARAGRAPHS = [
    "The finance minister said on Tuesday that unemployment fell to 4.2 percent last year, "
    "the lowest level since 2008.",
    "Opposition leaders disputed the figure, saying the rate had risen in three of the last "
    "four quarters.",
    '"We have created 300,000 jobs since January," the minister told parliament.',
]
BRIDGE_PARAGRAPHS = [
    "The Old Mill Bridge will close to traffic in September for repairs expected to cost "
    "6.2 million pounds, the county council said.",
    "The bridge, which opened in 1887, carries about 14,000 vehicles a day according to the "
    "council's latest traffic survey.",
]
JOBS_TEXT = "\n\n".join(JOBS_PARAGRAPHS)
JOBS_CANONICAL = "https://ledger.example/economy/jobs"
BRIDGE_CANONICAL = "https://ledger.example/local/bridge"
BOILERPLATE = ("Subscribe", "Most read", "Ten things", "All rights reserved", "Home")

FULL_CONTENT = " ".join(
    f"Paragraph {i}: the council said the harbour wall repairs will cost 3.1 million pounds."
    for i in range(8)
)
assert len(FULL_CONTENT) >= MIN_FULL_TEXT_CHARS


def rss(base: str) -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Local Ledger</title><link>{base}/</link><description>News</description>
<item>
  <title>Harbour wall repairs approved</title>
  <link>{base}/news/harbour</link>
  <dc:creator>Sam Reed</dc:creator>
  <pubDate>Tue, 05 Mar 2024 08:30:00 GMT</pubDate>
  <description>Short teaser.</description>
  <content:encoded><![CDATA[<p>{FULL_CONTENT}</p><script>track()</script>]]></content:encoded>
</item>
<item>
  <title>Jobless rate at 15-year low</title>
  <link>{base}/news/jobs.html</link>
  <author>jane@ledger.example (Jane Doe)</author>
  <pubDate>Wed, 06 Mar 2024 10:00:00 +0100</pubDate>
  <description>The minister says unemployment fell.</description>
</item>
<item>
  <title>Gone story</title>
  <link>{base}/missing</link>
  <description>Teaser only.</description>
</item>
</channel></rss>"""


def atom(base: str) -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Ledger Atom</title><id>urn:ledger</id><updated>2024-03-07T00:00:00Z</updated>
<entry>
  <title>Harbour wall repairs approved</title><id>urn:1</id>
  <link href="{base}/news/harbour-atom"/>
  <author><name>Sam Reed</name></author>
  <published>2024-03-05T09:30:00+01:00</published><updated>2024-03-06T00:00:00Z</updated>
  <content type="html">&lt;p&gt;{FULL_CONTENT}&lt;/p&gt;</content>
</entry>
<entry>
  <title>Bridge to close</title><id>urn:2</id>
  <link href="{base}/news/bridge"/>
  <updated>2024-03-07T12:00:00Z</updated>
  <summary>The bridge closes.</summary>
</entry>
</feed>"""


class Site:
    """A tiny web site: routes to (status, content_type or None, body, delay)."""

    def __init__(self) -> None:
        self.routes: dict[str, tuple[int, str | None, bytes, float]] = {}
        self.hits: dict[str, int] = {}
        self.user_agents: list[str] = []
        self.flaky_failures = 0
        handler = self._handler()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server API
                site.hits[self.path] = site.hits.get(self.path, 0) + 1
                site.user_agents.append(self.headers.get("User-Agent", ""))
                if self.path == "/flaky" and site.hits[self.path] <= site.flaky_failures:
                    self._send(503, "text/plain", b"try again")
                    return
                if self.path == "/redirect":
                    self.send_response(302)
                    self.send_header("Location", "/news/jobs.html")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                status, ctype, body, delay = site.routes.get(
                    self.path, (404, "text/html", b"<h1>Not found</h1>", 0.0)
                )
                if delay:
                    time.sleep(delay)
                self._send(status, ctype, body)

            def _send(self, status: int, ctype: str | None, body: bytes) -> None:
                try:
                    self.send_response(status)
                    if ctype:
                        self.send_header("Content-Type", ctype)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, *args: object) -> None:
                pass

        return Handler

    def add(self, path: str, body: str | bytes, ctype: str | None = "text/html; charset=utf-8",
            status: int = 200, delay: float = 0.0) -> str:  # fmt: skip
        self.routes[path] = (status, ctype, body.encode() if isinstance(body, str) else body, delay)
        return self.base + path


@pytest.fixture(scope="module")
def site() -> Iterator[Site]:
    s = Site()
    jobs = page("Jobless rate at 15-year low", "Jane Doe", "2024-03-05T09:30:00+01:00",
                JOBS_CANONICAL, JOBS_PARAGRAPHS)  # fmt: skip
    bridge = page("Bridge to close for repairs", "Owen Pryce", "2024-03-07T08:00:00Z",
                  BRIDGE_CANONICAL, BRIDGE_PARAGRAPHS)  # fmt: skip
    s.add("/news/jobs.html", jobs)
    s.add("/news/bridge", bridge)
    s.add("/page-no-type", jobs, ctype=None)
    s.add("/feed.rss", rss(s.base), ctype="application/rss+xml")
    s.add("/feed-as-text-xml", rss(s.base), ctype="text/xml")
    s.add("/feed-octets", rss(s.base), ctype="application/octet-stream")
    s.add("/atom", atom(s.base), ctype="application/atom+xml; charset=utf-8")
    s.add(
        "/broken-feed",
        "<rss version='2.0'><channel><title>x & y</title>",
        ctype="application/rss+xml",
    )
    s.add("/error", "boom", ctype="text/plain", status=500)
    s.add("/flaky", jobs)
    s.add("/slow", jobs, delay=1.5)
    s.add("/big", "<p>" + "x" * 5000 + "</p>")
    s.add("/empty", b"")
    s.add(
        "/nav-only",
        "<html><body><nav><a href='/'>Home</a> <a href='/n'>News</a></nav></body></html>",
    )
    s.add(
        "/data.json",
        '{"text": "Article from a JSON endpoint.", "title": "J"}',
        ctype="application/json",
    )
    s.thread.start()
    yield s
    s.server.shutdown()
    s.server.server_close()


@pytest.fixture()
def fetcher() -> Iterator[HttpFetcher]:
    with HttpFetcher(timeout=3, retries=1, backoff=0) as f:
        yield f


def closed_port_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/news"


def only(items: list[Article | Rejected], cls: type) -> Article | Rejected:
    assert len(items) == 1, items
    assert isinstance(items[0], cls), items[0]
    return items[0]


# --- pages --------------------------------------------------------------------------------------


def test_html_page_by_url(site: Site, fetcher: HttpFetcher) -> None:
    url = site.base + "/news/jobs.html"
    article = only(list(iter_sources([url], fetcher=fetcher)), Article)
    assert article.origin == url
    assert article.url == JOBS_CANONICAL
    assert article.title == "Jobless rate at 15-year low"
    assert article.author == "Jane Doe"
    assert article.source == "Local Ledger"
    assert article.published == datetime(2024, 3, 5, 8, 30, tzinfo=UTC)
    assert article.fetched_at is not None and article.fetched_at.tzinfo is not None
    assert article.text == JOBS_TEXT
    for junk in BOILERPLATE:
        assert junk not in article.text
    assert article.article_id == article_id_for(JOBS_TEXT, JOBS_CANONICAL)
    assert site.user_agents[-1] == "claimflow/0.1 (+fact-checking pipeline)"


def test_sniffs_html_without_content_type_and_follows_redirects(
    site: Site, fetcher: HttpFetcher
) -> None:
    result = ingest_sources([site.base + "/page-no-type", site.base + "/redirect"], fetcher=fetcher)
    assert result.rejected == []
    assert len(result.articles) == 1 and result.duplicates == 1
    assert result.articles[0].text == JOBS_TEXT


def test_json_endpoint(site: Site, fetcher: HttpFetcher) -> None:
    article = only(list(iter_sources([site.base + "/data.json"], fetcher=fetcher)), Article)
    assert (article.text, article.title) == ("Article from a JSON endpoint.", "J")


# --- feeds --------------------------------------------------------------------------------------


def check_rss_items(items: list[Article | Rejected], origin: str, base: str) -> None:
    assert [type(i).__name__ for i in items] == ["Article", "Article", "Rejected"]
    full, fetched, gone = items
    assert full.origin == f"{origin}#0"
    assert full.url == f"{base}/news/harbour"
    assert full.title == "Harbour wall repairs approved"
    assert full.author == "Sam Reed"
    assert full.source == "Local Ledger"
    assert full.published == datetime(2024, 3, 5, 8, 30, tzinfo=UTC)
    assert full.text == FULL_CONTENT and "track()" not in full.text
    assert full.fetched_at is None or origin.startswith("http")
    # Second entry: only a teaser, so its link was fetched and the page extracted.
    assert fetched.origin == f"{origin}#1"
    assert fetched.text == JOBS_TEXT
    assert fetched.url == JOBS_CANONICAL  # the page's canonical link wins over the entry link
    assert fetched.title == "Jobless rate at 15-year low"
    assert fetched.published == datetime(2024, 3, 6, 9, 0, tzinfo=UTC)  # entry date wins
    assert fetched.author == "Jane Doe"  # from "jane@ledger.example (Jane Doe)"
    assert fetched.fetched_at is not None
    assert gone.source == f"{origin}#2"
    assert f"{base}/missing" in gone.reason and "404" in gone.reason


def test_rss_url(site: Site, fetcher: HttpFetcher) -> None:
    url = site.base + "/feed.rss"
    check_rss_items(list(iter_sources([url], fetcher=fetcher)), url, site.base)


@pytest.mark.parametrize("path", ["/feed-as-text-xml", "/feed-octets"])
def test_feed_sniffed_from_body(site: Site, fetcher: HttpFetcher, path: str) -> None:
    url = site.base + path
    check_rss_items(list(iter_sources([url], fetcher=fetcher)), url, site.base)


def test_local_feed_file_links_to_local_pages(
    site: Site, fetcher: HttpFetcher, tmp_path: Path
) -> None:
    path = tmp_path / "ledger.rss"
    path.write_text(rss(site.base), encoding="utf-8")
    check_rss_items(list(iter_sources([str(path)], fetcher=fetcher)), str(path), site.base)


def test_atom_feed(site: Site, fetcher: HttpFetcher, tmp_path: Path) -> None:
    path = tmp_path / "ledger.atom"
    path.write_text(atom(site.base), encoding="utf-8")
    for source in (site.base + "/atom", str(path)):
        items = list(iter_sources([source], fetcher=fetcher))
        assert [type(i).__name__ for i in items] == ["Article", "Article"], items
        full, fetched = items
        assert full.text == FULL_CONTENT
        assert full.author == "Sam Reed" and full.source == "Ledger Atom"
        assert full.published == datetime(2024, 3, 5, 8, 30, tzinfo=UTC)
        assert full.article_id == article_id_for(FULL_CONTENT, f"{site.base}/news/harbour-atom")
        assert fetched.text == "\n\n".join(BRIDGE_PARAGRAPHS)
        assert fetched.title == "Bridge to close"
        assert fetched.author == "Owen Pryce"  # the entry has none, the page does
        assert fetched.source == "Local Ledger"
        assert fetched.published == datetime(2024, 3, 7, 12, 0, tzinfo=UTC)  # entry <updated>


def test_feed_and_direct_url_of_same_page_collapse(site: Site, fetcher: HttpFetcher) -> None:
    result = ingest_sources(
        [site.base + "/feed.rss", site.base + "/news/jobs.html"], fetcher=fetcher
    )
    assert result.duplicates == 1
    assert len(result.articles) == 2 and len(result.rejected) == 1


# --- failures -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/missing", "HTTP 404 Not Found"),
        ("/error", "HTTP 500 Internal Server Error"),
        ("/broken-feed", "malformed feed XML"),
        ("/empty", "empty response"),
        ("/nav-only", "no extractable main text"),
    ],
)
def test_bad_url_gives_one_rejected(
    site: Site, fetcher: HttpFetcher, path: str, expected: str
) -> None:
    url = site.base + path
    rejected = only(list(iter_sources([url], fetcher=fetcher)), Rejected)
    assert rejected.source == url
    assert expected in rejected.reason, rejected.reason


def test_connection_refused(fetcher: HttpFetcher) -> None:
    url = closed_port_url()
    rejected = only(list(iter_sources([url], fetcher=fetcher)), Rejected)
    assert rejected.source == url
    assert "connection refused" in rejected.reason


def test_dns_failure() -> None:
    url = "http://claimflow-test.invalid/news"
    with HttpFetcher(timeout=3, retries=0) as f:
        rejected = only(list(iter_sources([url], fetcher=f)), Rejected)
    assert rejected.source == url
    assert "DNS" in rejected.reason or "connection" in rejected.reason


def test_timeout(site: Site) -> None:
    with HttpFetcher(timeout=0.3, retries=0) as f:
        rejected = only(list(iter_sources([site.base + "/slow"], fetcher=f)), Rejected)
    assert rejected.reason.startswith("timed out after 0.3s")


def test_retries_5xx_then_gives_up(site: Site) -> None:
    before = site.hits.get("/error", 0)
    with HttpFetcher(retries=2, backoff=0) as f:
        response = f.fetch(site.base + "/error")
    assert response.status == 500
    assert site.hits["/error"] - before == 3
    with pytest.raises(FetchError, match=r"/error: HTTP 500"):
        response.raise_for_status()


def test_retry_recovers_from_transient_5xx(site: Site) -> None:
    site.flaky_failures = 1
    with HttpFetcher(retries=1, backoff=0) as f:
        article = only(list(iter_sources([site.base + "/flaky"], fetcher=f)), Article)
    assert article.text == JOBS_TEXT
    assert site.hits["/flaky"] == 2


def test_max_bytes(site: Site) -> None:
    with HttpFetcher(max_bytes=1000, retries=0) as f:
        with pytest.raises(FetchError, match="max_bytes=1000"):
            f.fetch(site.base + "/big")
        rejected = only(list(iter_sources([site.base + "/big"], fetcher=f)), Rejected)
    assert "exceeds max_bytes" in rejected.reason


def test_one_bad_url_does_not_stop_the_batch(site: Site, fetcher: HttpFetcher) -> None:
    sources = [closed_port_url(), site.base + "/missing", site.base + "/news/bridge"]
    result = ingest_sources(sources, fetcher=fetcher)
    assert [r.source for r in result.rejected] == sources[:2]
    assert [a.url for a in result.articles] == [BRIDGE_CANONICAL]


# --- the offline fetcher ------------------------------------------------------------------------


def test_static_fetcher_serves_pages_and_feeds_offline() -> None:
    base = "https://ledger.example"
    jobs = page("Jobless rate at 15-year low", "Jane Doe", "2024-03-05T09:30:00+01:00",
                JOBS_CANONICAL, JOBS_PARAGRAPHS)  # fmt: skip
    static = StaticFetcher({
        f"{base}/feed.rss": ("application/rss+xml", rss(base).encode()),
        f"{base}/news/jobs.html": ("text/html", jobs),
    })  # fmt: skip
    assert isinstance(static, Fetcher)
    result = ingest_sources([f"{base}/feed.rss", f"{base}/nowhere"], fetcher=static)
    assert [a.title for a in result.articles] == [
        "Harbour wall repairs approved", "Jobless rate at 15-year low",
    ]  # fmt: skip
    assert [r.source for r in result.rejected] == [f"{base}/feed.rss#2", f"{base}/nowhere"]
    assert "HTTP 404" in result.rejected[1].reason
    assert static.requests == [
        f"{base}/feed.rss", f"{base}/news/jobs.html", f"{base}/missing", f"{base}/nowhere",
    ]  # fmt: skip


class ExplodingFetcher:
    """A fetcher with a bug: raises something other than FetchError."""

    def fetch(self, url: str) -> FetchResponse:
        raise RuntimeError(f"bug while fetching {url}\nsecond line")


def test_a_buggy_fetcher_costs_only_its_own_sources(tmp_path: Path) -> None:
    feed = tmp_path / "f.rss"
    feed.write_text(rss("https://ledger.example"), encoding="utf-8")
    result = ingest_sources(["https://ledger.example/page", str(feed)], fetcher=ExplodingFetcher())
    assert [a.origin for a in result.articles] == [f"{feed}#0"]  # full content, no fetch
    assert [r.source for r in result.rejected] == [
        "https://ledger.example/page",
        f"{feed}#1",
        f"{feed}#2",
    ]
    assert result.rejected[0].reason == (
        "unexpected error: RuntimeError: bug while fetching https://ledger.example/page"
    )
