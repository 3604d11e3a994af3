"""Publication dates to tz-aware UTC datetimes; anything unparseable becomes None."""

from __future__ import annotations

import email.utils
import re
import time
from datetime import UTC, date, datetime

_FORMATS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d",
    "%d %B %Y",
    "%B %d, %Y",
    "%d %b %Y",
    "%b %d, %Y",
)


def parse_published(value: object) -> datetime | None:
    """A publication date as a tz-aware UTC datetime, or None if it cannot be read.

    Accepts datetimes, dates, ``time.struct_time`` (taken as UTC), epoch seconds,
    ISO 8601 strings (``Z`` and offsets; naive values are taken as UTC),
    RFC 2822 strings (RSS ``pubDate``) and a few common written forms.
    Never raises.
    """
    try:
        return _parse(value)
    except (ValueError, TypeError, OverflowError, OSError):
        return None


def _parse(value: object) -> datetime | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, datetime):
        return _utc(value)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=UTC)
    if isinstance(value, time.struct_time):
        return datetime(*value[:6], tzinfo=UTC)
    if isinstance(value, int | float):
        return datetime.fromtimestamp(float(value), tz=UTC)
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text:
        return None
    iso = re.sub(r"(\d)\s*[zZ]$", r"\1+00:00", text)
    try:
        return _utc(datetime.fromisoformat(iso))
    except ValueError:
        pass
    try:
        parsed = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        parsed = None
    if parsed is not None:
        return _utc(parsed)
    for fmt in _FORMATS:
        try:
            return _utc(datetime.strptime(text, fmt))
        except ValueError:
            continue
    return None


def _utc(value: datetime) -> datetime:
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)
