"""Rule-based sentence splitting with exact character offsets.

``split_sentences(text)`` returns :class:`~claims.records.Sentence` records whose
``start``/``end`` index into ``text`` (``text[s.start:s.end] == s.text``), with
surrounding whitespace stripped.  Pure Python, no models.

Rules, in order:

* A newline always ends a sentence (paragraph breaks and headline lines).
* A candidate boundary is a run of ``.``, ``!``, ``?`` or ``…``, optionally
  followed by closing quotes/brackets, then whitespace.
* No split when the next word starts lower-case (``"Stop," she said`` never had
  a boundary; ``"Is it?" she asked`` and ``… wants us`` keep going).
* No split after a known abbreviation (``Dr.``, ``Mr.``, ``Jan. 5``, ``No. 5``,
  ``e.g.``), a single-letter initial (``John F. Kennedy``) or a dotted acronym
  (``U.S.``) unless the next word is a common sentence opener (``The``, ``She``).
* No split between a closing quote and an attribution that follows it
  (``"Stop!" Kallas said.`` is one sentence).
* Decimals (``3.5``) and URLs never contain a boundary, because a boundary needs
  whitespace after it.
"""

from __future__ import annotations

import re

from claims.records import Sentence

__all__ = ["split_sentences"]

# Titles and abbreviations after which a period never ends a sentence.
_TITLES = {
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "capt", "sgt",
    "st", "mt", "rev", "hon", "pres", "supt", "insp", "cmdr", "adm", "maj", "messrs", "fr",
}
# Abbreviations that do not end a sentence when a number follows.
_BEFORE_NUMBER = {
    "no", "nos", "art", "sec", "vol", "p", "pp", "fig", "ch", "para", "approx", "est", "ca",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
}
# Abbreviations that usually continue (followed by a name, a number or lower case).
_CONTINUING = {"e.g", "i.e", "cf", "vs", "approx", "incl", "viz", "al", "jr", "sr", "inc", "ltd", "co", "corp"}
# Words that typically open a sentence; after "U.S." they signal a real boundary.
_OPENERS = {
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "but", "and", "this", "that",
    "these", "those", "there", "in", "on", "at", "for", "if", "when", "while", "after", "before",
    "its", "his", "her", "their", "our", "my", "meanwhile", "however", "so", "yet", "some",
    "many", "most", "officials", "critics", "as", "what", "why", "how", "who", "last", "next",
    "under", "according", "during", "since", "with", "from", "by", "no", "not", "one", "all",
}
_SPEECH_VERBS = (
    r"said|says|say|added|adds|asked|asks|told|tells|wrote|writes|continued|explained|insisted|"
    r"argued|warned|noted|stressed|replied|recalled|claimed|declared|stated|admitted|shouted|"
    r"countered|conceded|remarked|observed|joked|concluded|according"
)

_CLOSERS = "\"'”’»)]"
_BOUNDARY = re.compile(r"(?:\.{2,}|[.!?…]+)[" + re.escape(_CLOSERS) + r"]*(?=\s|$)")
_WORD_BEFORE = re.compile(r"(?<![\w])([A-Za-z][A-Za-z.]*)$")
_ATTRIBUTION_AFTER = re.compile(
    r"[A-Z][\w'’.-]*\s+(?:(?:[A-Z][\w'’.-]*|[a-z]+),?\s+){0,4}(?:" + _SPEECH_VERBS + r")\b"
)
_PRONOUN_ATTRIBUTION = re.compile(r"(?:he|she|they|it|we|I)\s+(?:" + _SPEECH_VERBS + r")\b", re.I)


def _next_word(line: str, pos: int) -> str:
    """The first word after ``pos``, skipping whitespace and opening quotes/brackets."""
    m = re.match(r"\s*[\"'“‘«(\[]*([^\s\"'“”‘’«»()\[\]]*)", line[pos:])
    return m.group(1) if m else ""


def _is_boundary(line: str, m: re.Match[str]) -> bool:
    """Whether the punctuation run ``m`` in ``line`` really ends a sentence."""
    rest = line[m.end():]
    if not rest.strip():
        return True
    nxt = _next_word(line, m.end())
    if not nxt:
        return True
    first = nxt[0]
    if first.islower():
        return False
    punct = m.group(0)
    closed_quote = punct[-1] in "\"'”’»"
    after = rest.lstrip()
    # '"Stop!" Mayor Jonas Berg said.' is one sentence; '"... claiming." He added that ...' is two
    # (a quote closed by a full stop has had its attribution already).
    if closed_quote and not punct.startswith(".") and (_ATTRIBUTION_AFTER.match(after) or _PRONOUN_ATTRIBUTION.match(after)):
        return False
    if not punct.startswith(".") or punct.startswith("..") or closed_quote:
        return True
    if punct != ".":
        return True
    # A single period: look at the word before it.
    wm = _WORD_BEFORE.search(line[: m.start()])
    if not wm:
        return True
    word = wm.group(1)
    low = word.lower().rstrip(".")
    if low in _TITLES:
        return False
    if low in _BEFORE_NUMBER and first.isdigit():
        return False
    if low in _CONTINUING:
        return first.isupper() and nxt.lower() in _OPENERS
    if len(word) == 1 and word.isupper():
        # Initial ("John F. Kennedy") unless a sentence clearly starts.
        return nxt.lower() in _OPENERS
    if "." in word:  # dotted acronym: U.S., U.K., a.m.
        return nxt.lower() in _OPENERS
    return True


def _split_line(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    """Append (start, end) spans of the sentences in ``text[start:end]``."""
    line = text[start:end]
    pos = 0
    for m in _BOUNDARY.finditer(line):
        if _is_boundary(line, m):
            out.append((start + pos, start + m.end()))
            pos = m.end()
    out.append((start + pos, end))


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences with exact offsets (see module docstring)."""
    spans: list[tuple[int, int]] = []
    for lm in re.finditer(r"[^\n]+", text):
        _split_line(text, lm.start(), lm.end(), spans)
    sentences: list[Sentence] = []
    for s, e in spans:
        chunk = text[s:e]
        stripped = chunk.strip()
        if not stripped:
            continue
        s2 = s + (len(chunk) - len(chunk.lstrip()))
        e2 = s2 + len(stripped)
        sentences.append(Sentence(index=len(sentences), start=s2, end=e2, text=text[s2:e2]))
    return sentences
