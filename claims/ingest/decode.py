"""Bytes to text, with the checks every text source needs.

Empty, whitespace-only, binary (NUL bytes) and invalid UTF-8 input raise
``SourceError`` with a one-line reason (invalid UTF-8 names the byte offset).
"""

from __future__ import annotations

import codecs
import re

from claims.ingest.errors import SourceError

_XML_ENCODING = re.compile(rb"""<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)["']""")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def sniff_xml_charset(data: bytes) -> str | None:
    """The encoding an XML declaration names (``<?xml ... encoding="..."?>``), if any."""
    match = _XML_ENCODING.match(data[:512].lstrip(codecs.BOM_UTF8 + b" \t\r\n"))
    return match.group(1).decode("ascii").lower() if match else None


def sniff_html_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a ``<meta>`` tag near its top, if any."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii").lower() if match else None


def decode_text(data: bytes, *, kind: str = "file", charset: str | None = None) -> str:
    """Decode ``data`` (UTF-8 unless a BOM or a non-UTF-8 ``charset`` says otherwise).

    ``kind`` names what is decoded in reasons ("file", "response", "line").
    Raises ``SourceError`` for empty, binary, undecodable or whitespace-only input.
    """
    if not data:
        raise SourceError(f"empty {kind} (0 bytes)")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise SourceError(f"invalid UTF-16 at byte offset {exc.start}") from exc
        return _check_blank(text, kind)
    nul = data.find(b"\x00")
    if nul >= 0:
        raise SourceError(f"binary {kind} (NUL byte at offset {nul})")
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    encoding = _normalize_charset(charset)
    try:
        text = data.decode(encoding)
    except LookupError as exc:
        raise SourceError(f"unknown charset {charset!r}") from exc
    except UnicodeDecodeError as exc:
        if encoding == "utf-8":
            raise SourceError(
                f"invalid UTF-8 at byte offset {exc.start} (byte 0x{data[exc.start]:02x})"
            ) from exc
        raise SourceError(f"invalid {encoding} at byte offset {exc.start}") from exc
    return _check_blank(text, kind)


def _normalize_charset(charset: str | None) -> str:
    if not charset:
        return "utf-8"
    try:
        name = codecs.lookup(charset).name
    except LookupError:
        return charset
    # Browsers treat ISO-8859-1/ASCII labels as windows-1252; so do we.
    if name in ("latin-1", "iso8859-1", "ascii"):
        return "cp1252"
    return "utf-8" if name == "utf-8" else name


def _check_blank(text: str, kind: str) -> str:
    if not text.strip():
        raise SourceError(f"{kind} contains only whitespace")
    return text


def decode_html(data: bytes, *, kind: str = "file", charset: str | None = None) -> str:
    """Decode an HTML page: ``charset`` (from Content-Type) first, else its ``<meta charset>``."""
    if charset is None:
        declared = sniff_html_charset(data)
        if declared and declared.replace("-", "").replace("_", "") != "utf8":
            charset = declared
    return decode_text(data, kind=kind, charset=charset)
