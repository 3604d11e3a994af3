"""Case- and punctuation-folded text: the lenient match the gold benchmarks and the tagger's labels use."""

from __future__ import annotations

import re


def fold(text: str | None) -> str | None:
    """``text`` lower-cased (casefold), curly apostrophes made straight, punctuation turned into
    spaces and runs of spaces collapsed; None stays None."""
    if text is None:
        return None
    text = text.replace("’", "'").casefold()
    text = re.sub(r"[^\w\s]", " ", text)
    return re.sub(r"\s+", " ", text).strip()
