"""Markdown to plain text, without a Markdown library.

Kept: the words.  Dropped: heading marks, emphasis, link targets, images,
list bullets, blockquote marks, code fences, horizontal rules, HTML tags,
reference-link definitions and table separator rows.  Soft-wrapped lines of a
paragraph are joined with spaces; paragraphs are separated by a blank line;
list items, headings and table rows stay on their own lines.

Title: the first level-1 heading (``# Title`` or ``Title`` underlined with
``===``) becomes the title and is removed from the body.  A leading front
matter block (``---`` ... ``---`` with ``key: value`` lines) supplies
``title``, ``author``, ``date``/``published``, ``url`` and ``source``; its
``title`` wins over the heading.
"""

from __future__ import annotations

import html
import re

_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_ATX = re.compile(r"^\s{0,3}(#{1,6})(?:\s+(.*?))?\s*#*\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_HR = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_LIST = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+(.*)$")
_QUOTE = re.compile(r"^\s{0,3}>\s?")
_REFDEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+.*$")
_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_FRONT_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*)$")

_INLINE = [
    (re.compile(r"<!--.*?-->", re.S), ""),
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), ""),  # images
    (re.compile(r"!\[([^\]]*)\]\[[^\]]*\]"), ""),
    (re.compile(r"\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)"), r"\1"),  # [text](url)
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # [text][ref]
    (re.compile(r"<(https?://[^>\s]+)>"), r"\1"),  # autolinks
    (re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>"), ""),  # inline HTML tags
    (re.compile(r"(`+)(.+?)\1"), r"\2"),  # inline code
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*\\])\*(?=[^\s*])(.+?)(?<=[^\s*\\])\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w\\])_(?=[^\s_])(.+?)(?<=[^\s_\\])_(?!\w)"), r"\1"),
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|~])"), r"\1"),  # backslash escapes
]


def strip_inline(line: str) -> str:
    """Inline Markdown (links, emphasis, code, tags, escapes) to plain text."""
    for pattern, repl in _INLINE:
        line = pattern.sub(repl, line)
    return html.unescape(line)


def parse_front_matter(text: str) -> tuple[dict[str, str], str]:
    """``(meta, rest)``: simple ``key: value`` front matter, keys lower-cased."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, text
    for end in range(1, len(lines)):
        if lines[end].strip() in ("---", "..."):
            meta: dict[str, str] = {}
            for line in lines[1:end]:
                match = _FRONT_KEY.match(line.strip())
                if match and match.group(2).strip():
                    meta[match.group(1).lower()] = match.group(2).strip().strip("\"'")
            return meta, "\n".join(lines[end + 1 :])
    return {}, text


def markdown_to_text(markdown: str) -> tuple[str | None, str, dict[str, str]]:
    """``(title, body, front_matter)`` for a Markdown document."""
    markdown = markdown.replace("\r\n", "\n").replace("\r", "\n")
    meta, markdown = parse_front_matter(markdown)
    title: str | None = None
    blocks: list[list[str]] = []
    current: list[tuple[str, bool]] = []  # (line, is_markdown) of the current block
    joinable = False  # may the next plain line be joined to current[-1]?
    in_fence: str | None = None
    lines = markdown.split("\n")

    def flush() -> None:
        nonlocal current, joinable
        kept = [strip_inline(line).strip() if md else line for line, md in current]
        kept = [line for line in kept if line.strip()]
        if kept:
            blocks.append(kept)
        current = []
        joinable = False

    i = 0
    while i < len(lines):
        raw = lines[i]
        i += 1
        fence = _FENCE.match(raw)
        if in_fence is not None:
            if fence and fence.group(1) == in_fence:
                in_fence = None
                flush()
            else:
                current.append((raw.rstrip(), False))
            continue
        if fence:
            flush()
            in_fence = fence.group(1)
            continue
        line = raw
        while _QUOTE.match(line):
            line = _QUOTE.sub("", line, count=1)
        if not line.strip():
            flush()
            continue
        if _REFDEF.match(line) or _HR.match(line) and not (current and joinable):
            flush()
            continue
        heading = _ATX.match(line)
        setext = None
        if heading is None and joinable and len(current) == 1 and _SETEXT.match(line):
            setext = line.strip()[0]
        if heading or setext:
            if heading:
                level = len(heading.group(1))
                text = strip_inline(heading.group(2) or "").strip()
                flush()
            else:
                level = 1 if setext == "=" else 2
                text = strip_inline(current.pop()[0]).strip()
                flush()
            if level == 1 and title is None and text:
                title = text
            elif text:
                blocks.append([text])
            continue
        if _TABLE_SEP.match(line) and "|" in line:
            continue
        item = _LIST.match(line)
        if item:
            current.append((item.group(1).strip(), True))
            joinable = True
            continue
        if line.lstrip().startswith("|") or line.count("|") >= 2 and "|" in line.strip()[1:-1]:
            cells = [strip_inline(c).strip() for c in line.strip().strip("|").split("|")]
            current.append((" | ".join(c for c in cells if c), False))
            joinable = False
            continue
        text = line.strip()
        if joinable and current:
            current[-1] = (f"{current[-1][0]} {text}", True)
        else:
            current.append((text, True))
        joinable = True
    flush()
    body = "\n\n".join("\n".join(block) for block in blocks)
    if meta.get("title"):
        title = meta["title"]
    return title, body, meta
