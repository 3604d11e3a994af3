"""Fetching URLs behind one small interface.

``Fetcher`` is what ingestion needs from the network: ``fetch(url)`` returns a
``FetchResponse`` for any HTTP status and raises ``FetchError`` only when no
response could be had (refused connection, DNS failure, timeout, oversize
body).  ``HttpFetcher`` is the real implementation (httpx, imported lazily);
``StaticFetcher`` serves a fixed dict of pages for offline runs and tests.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass
from http import HTTPStatus
from typing import Protocol, runtime_checkable

from claims.errors import ClaimflowError

DEFAULT_USER_AGENT = "claimflow/0.1 (+fact-checking pipeline)"


class FetchError(ClaimflowError):
    """A URL could not be fetched; the message names the URL and the cause."""

    def __init__(self, url: str, reason: str) -> None:
        self.url = url
        self.reason = reason
        super().__init__(f"{url}: {reason}")


@dataclass(frozen=True)
class FetchResponse:
    """What a fetch returned: final URL, HTTP status, Content-Type and raw body."""

    url: str
    status: int
    content_type: str
    body: bytes

    @property
    def ok(self) -> bool:
        """True for 2xx/3xx statuses."""
        return 200 <= self.status < 400

    @property
    def mime(self) -> str:
        """The media type without parameters, lower-cased (``text/html``)."""
        return self.content_type.split(";", 1)[0].strip().lower()

    @property
    def charset(self) -> str | None:
        """The ``charset`` parameter of the Content-Type, if any."""
        for param in self.content_type.split(";")[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "charset" and value.strip():
                return value.strip().strip("\"'").lower()
        return None

    def raise_for_status(self) -> None:
        """Raise ``FetchError`` naming the URL and status for 4xx/5xx responses."""
        if self.status >= 400:
            raise FetchError(self.url, f"HTTP {self.status} {_phrase(self.status)}".rstrip())


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


@runtime_checkable
class Fetcher(Protocol):
    """Anything that can turn a URL into a ``FetchResponse``."""

    def fetch(self, url: str) -> FetchResponse:
        """Fetch ``url``; raise ``FetchError`` if no HTTP response could be had."""
        ...


class StaticFetcher:
    """Serves pages from a dict ``{url: (content_type, body)}``; unknown URLs get a 404.

    ``requests`` records every URL asked for, in order.
    """

    def __init__(self, pages: Mapping[str, tuple[str, bytes | str]]) -> None:
        self.pages = dict(pages)
        self.requests: list[str] = []

    def fetch(self, url: str) -> FetchResponse:
        self.requests.append(url)
        if url not in self.pages:
            return FetchResponse(url=url, status=404, content_type="text/plain", body=b"")
        content_type, body = self.pages[url]
        if isinstance(body, str):
            body = body.encode("utf-8")
        return FetchResponse(url=url, status=200, content_type=content_type, body=body)


class HttpFetcher:
    """Fetches over HTTP(S) with httpx: redirects followed, retries, size cap.

    Connection errors (refused, DNS, connect timeout) and 5xx responses are
    retried ``retries`` times with exponential back-off starting at
    ``backoff`` seconds.  Bodies larger than ``max_bytes`` raise ``FetchError``.
    Use as a context manager, or call ``close()``, to release connections.
    """

    def __init__(
        self,
        timeout: float = 10,
        user_agent: str = DEFAULT_USER_AGENT,
        retries: int = 2,
        max_bytes: int = 5_000_000,
        backoff: float = 0.5,
    ) -> None:
        self.timeout = timeout
        self.user_agent = user_agent
        self.retries = max(0, retries)
        self.max_bytes = max_bytes
        self.backoff = backoff
        self._client = None

    def _get_client(self):  # noqa: ANN202 - httpx is imported lazily
        if self._client is None:
            import httpx

            self._client = httpx.Client(
                timeout=self.timeout,
                follow_redirects=True,
                headers={"User-Agent": self.user_agent},
            )
        return self._client

    def close(self) -> None:
        """Close the underlying connection pool."""
        if self._client is not None:
            self._client.close()
            self._client = None

    def __enter__(self) -> HttpFetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def fetch(self, url: str) -> FetchResponse:
        import httpx

        client = self._get_client()
        attempt = 0
        while True:
            try:
                response = self._fetch_once(client, url)
            except (httpx.ConnectError, httpx.ConnectTimeout, httpx.RemoteProtocolError) as exc:
                if attempt < self.retries:
                    self._sleep(attempt)
                    attempt += 1
                    continue
                raise FetchError(url, _describe(exc, self.timeout)) from exc
            except httpx.TimeoutException as exc:
                raise FetchError(url, _describe(exc, self.timeout)) from exc
            except httpx.InvalidURL as exc:
                raise FetchError(url, f"invalid URL ({exc})") from exc
            except httpx.HTTPError as exc:
                raise FetchError(url, _describe(exc, self.timeout)) from exc
            if response.status >= 500 and attempt < self.retries:
                self._sleep(attempt)
                attempt += 1
                continue
            return response

    def _sleep(self, attempt: int) -> None:
        if self.backoff > 0:
            time.sleep(self.backoff * (2**attempt))

    def _fetch_once(self, client, url: str) -> FetchResponse:  # noqa: ANN001
        with client.stream("GET", url) as resp:
            declared = resp.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > self.max_bytes:
                raise FetchError(
                    url, f"body of {declared} bytes exceeds max_bytes={self.max_bytes}"
                )
            chunks: list[bytes] = []
            size = 0
            for chunk in resp.iter_bytes():
                size += len(chunk)
                if size > self.max_bytes:
                    raise FetchError(url, f"body exceeds max_bytes={self.max_bytes}")
                chunks.append(chunk)
            return FetchResponse(
                url=str(resp.url),
                status=resp.status_code,
                content_type=resp.headers.get("content-type", ""),
                body=b"".join(chunks),
            )


def _describe(exc: Exception, timeout: float) -> str:
    """One line naming what went wrong with a request."""
    import httpx

    if isinstance(exc, httpx.TimeoutException):
        return f"timed out after {timeout:g}s ({type(exc).__name__})"
    text = str(exc) or type(exc).__name__
    lowered = text.lower()
    if "refused" in lowered:
        return f"connection refused ({text})"
    if "name or service" in lowered or "name resolution" in lowered or "nodename" in lowered:
        return f"DNS lookup failed ({text})"
    if isinstance(exc, httpx.ConnectError):
        return f"connection failed ({text})"
    return f"request failed: {type(exc).__name__}: {text}"
