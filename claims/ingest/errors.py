"""The error a reader raises when a whole source cannot become articles."""

from __future__ import annotations

from claims.errors import ClaimflowError


class SourceError(ClaimflowError):
    """A source (file, URL, feed) is unusable as a whole.

    ``iter_sources`` turns it into ``Rejected(source, reason)``; it never
    escapes the public API.
    """

    def __init__(self, reason: str, source: str | None = None) -> None:
        self.reason = reason
        self.source = source
        super().__init__(f"{source}: {reason}" if source else reason)


def unexpected(exc: BaseException) -> str:
    """A one-line reason for an exception no reader anticipated."""
    text = str(exc).strip().splitlines()
    return f"unexpected error: {type(exc).__name__}: {text[0] if text else ''}".rstrip(": ")
