"""Attribution: who says a sentence, and which part of it is the claim.

``find_frame`` reads one sentence and returns a :class:`Frame`:

* ``quote``: a direct quote with its frame, after it (``"...," she said``,
  ``"...," said EU High Representative Kaja Kallas``) or before it
  (``Brandt told reporters: "..."``); a sentence that is only a quote has no
  frame and inherits the previous quote's speaker (``continuation``);
* ``reported``: ``X said/claimed/argued that ...``, ``X said ...``,
  ``..., X said.``, ``According to X, ...`` and ``..., according to X``;
* ``none``: everything else.

Offsets are into the article.  The speaker is returned as a phrase with its
span; resolving pronouns and titles to people is done by the caller.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from claims.analysis.lexicon import IRREGULAR_PAST, SPEECH_VERBS, THAT_ONLY_VERBS, WEEKDAYS
from claims.analysis.people import ROLE_ALT

__all__ = ["Frame", "find_frame", "quote_spans"]

#: The speech verbs as one regex alternation, longest first (shared with ``tagged``).
SPEECH_VERB_ALT = "|".join(re.escape(v) for v in sorted(SPEECH_VERBS, key=len, reverse=True))
_AUX = r"(?:(?:has|have|had|also|then|later|again|previously|recently|repeatedly|once|further|publicly|reportedly)\s+)*"
_SUBJ_PRON = r"(?:he|she|they|it|we|I|He|She|They|It|We)"
_NP = r"(?:[\w'’.&()-]+(?:\s+[\w'’.&()-]+){0,7}?)"
_FRAME_AFTER_SUBJ = re.compile(
    rf"^\s*,?\s*(?P<spk>{_NP})(?:,\s+(?:the|a|an|its|his|her|their)\s+[^,\"“”]{{1,60}},)?\s+{_AUX}(?P<verb>{SPEECH_VERB_ALT})\b")
_FRAME_AFTER_VERB = re.compile(rf"^\s*,?\s*(?P<verb>{SPEECH_VERB_ALT})\s+(?P<spk>[^;!?]+?)\s*[.!?]?\s*$")
_FRAME_BEFORE = re.compile(rf"(?P<spk>{_NP}),?\s+{_AUX}(?P<verb>{SPEECH_VERB_ALT})\b(?P<obj>[^\":]{{0,60}}?)\s*[:,]\s*$")
# "Oduya was blunt: "..."", "Hale put it simply: "..."": a person's clause, a colon, then the quote.
_COLON_INTRO = re.compile(
    r"^(?:(?:But|And|However|Meanwhile|Still|Yet)\b,?\s+)?(?P<spk>(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*|He|She|They|We)"
    r"\s+(?:was|were|is|are|put it|had|has|kept it|summed it up|did not mince (?:his|her|their) words)\b[^\"“:]{0,40}:\s*$"
)
_ACCORDING_START = re.compile(
    r"^According to (?P<spk>[^,]+?)(?:,\s+(?P<app>(?:a|an|the|who|which|whose|its|his|her)\b(?:[^,]|,(?=\d))*"
    rf"|(?:[a-z][\w'’-]*\s+){{0,2}}(?:{ROLE_ALT})\s+(?:of|at|for)\b(?:[^,]|,(?=\d))*))?,\s+(?P<content>.+)$", re.S)
_ACCORDING_PLAIN = re.compile(r"^According to (?P<spk>[^,]+?),\s+(?P<content>.+)$", re.S)
_FINITE_VERB = re.compile(rf"\b(?:is|are|was|were|has|have|had|will|would|can|could|may|must|spends?|costs?|\w+ed|{'|'.join(sorted(IRREGULAR_PAST))})\b")
_ACCORDING_END = re.compile(
    r"^(?P<content>.+?),?\s+according to (?P<spk>[^,]+?)(?:,\s+(?:which|who|whose|a|an|the)\b[^,]*)?\s*[.!?]?$", re.S)
_END_FRAME = re.compile(
    rf"^(?P<content>.+),\s+(?P<spk>{_SUBJ_PRON}|(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[A-Z][\w'’.-]*)(?:\s+[\w'’.()-]+){{0,7}}?|(?:official|government|new|latest|provisional)\s+(?:figures|data|statistics|estimates|records)|"
    r"(?:[a-z][\w'’-]*\s+){1,5}[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,2}|"
    r"(?:(?:senior|local|health|government|western|european|us|u\.s\.)\s+)?(?:officials|analysts|economists|police|experts|critics|residents|sources|diplomats|organisers|organizers|campaigners|researchers|doctors|witnesses|scientists)"
    r"(?:\s+(?:at|from|of|in)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:of|for|and|[A-Z][\w'’-]*))*)?)\s+"
    rf"{_AUX}(?P<verb>said|says|told reporters|told journalists|told [A-Z][\w'’]*(?:\s+[\w'’]+){0,3}?|told (?:a|an|the)\s+[\w'’-]+(?:\s+[\w'’-]+){0,3}?|announced|found|show|shows|showed|added|warned|reported|confirmed|estimated|estimates|predicted|predicts|forecast|forecasts|wrote|argued|claimed|insisted|stressed)"
    r"(?:\s+(?:on|in|at|last|this|earlier|late|early)\b[^,.]*)?\s*[.!?]?$",
    re.S,
)
_END_FRAME_VERB_FIRST = re.compile(
    r"^(?P<content>.+),\s+(?P<verb>said|says|according to)\s+(?P<spk>[^,.]+?)"
    r"(?:,\s+(?:the|a|an|its|his|her|their|who|whose)\s+[^,.]+)?\s*[.!?]?$", re.S
)
_SAYING = re.compile(
    r"^(?:(?:But|And|However|Meanwhile|Still|Yet)\b,?\s+)?(?P<spk>"
    # a role noun before a full name: "Union leader Kofi Mensah rejected that, saying ..."
    r"(?:[A-Z][\w'’-]*\s+)?(?:[a-z][\w'’-]*\s+){1,2}[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,2}(?=\s+[a-z])|"
    rf"(?:The|A|An|Its|Their)\s+(?:(?:[a-z]+\s+){{0,2}}?(?:{ROLE_ALT})\b|[a-z]+)|"
    # "Fishing organisations in Arvenia and Dostria welcomed the deal, saying ..."
    r"[A-Z][\w'’-]*(?:\s+[a-z][\w'’-]*){1,2}(?:\s+(?:in|of|from|across)\s+[A-Z][\w'’-]*(?:\s+(?:and|&)\s+[A-Z][\w'’-]*)?)?(?=\s+[a-z]+ed\b)|"
    r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}|He|She|They|We|I)(?:\s*\([A-Z]{2,8}\))?"
    r"(?:,\s+(?:which|who|whose)\b(?:[^,]|,(?=\d))*,)?\s+[^,\"“]{1,160},\s+"
    r"(?:(?:saying|arguing|claiming|insisting)(?:\s+that)?|(?:warning|noting|adding)\s+that|"
    r"(?:telling|reminding|assuring|warning)\s+(?:[\w'’-]+\s+){1,4}?that)\s+(?P<content>[^\"“]+?)\s*[.!?]?$",
    re.S,
)
# "Figures from X show (that) ...", "Data from X show ...", "X's figures show ..."
_FIGURES_FROM = re.compile(
    r"^(?i:(?:the\s+)?(?:(?:latest|new|official|provisional|recent)\s+)?(?:figures|data|statistics|numbers))(?:\s+|,\s*)"
    r"(?:from|by|published by|released by|compiled by)\s+(?P<spk>[^,\"“]+?),?\s+(?:show|shows|showed|suggest|suggested|indicate|indicated|reveal|revealed)"
    r"(?:\s+that)?\s+(?P<content>[^\"“]+?)\s*[.!?]?$",
    re.S,
)
_OWN_FIGURES = re.compile(
    r"^(?P<spk>(?:[Tt]he\s+)?[A-Z][\w'’.&-]*(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w'’.&-]*){0,6})['’]s\s+(?:(?:latest|own|new|official|provisional)\s+)?"
    r"(?:figures|data|statistics|numbers)\s+(?:show|shows|showed|suggest|suggested|indicate|indicated|reveal|revealed)"
    r"(?:\s+that)?\s+(?P<content>[^\"“]+?)\s*[.!?]?$",
    re.S,
)
# "figures published by X", "a report from X", "data released by X" inside "according to ...".
_SOURCE_WRAPPER = re.compile(
    r"(?i:(?:the\s+|a\s+|an\s+)?(?:(?:latest|new|official|provisional|recent|annual|quarterly|monthly)\s+)*"
    r"(?:[a-z]+\s+)?(?:figures|data|statistics|numbers|estimates|a\s+report|report|study|survey|analysis|research|poll|records|census|count|audit|inspection|results|accounts)\s+"
    r"(?:(?:published|released|compiled|collected|issued|gathered|filed|lodged|submitted)\s+(?:(?:on\s+\w+day|(?:last|this|earlier\s+this)\s+(?:week|month|year)|"
    r"in\s+(?:\d{4}|[A-Z][a-z]+\s+\d{4}))\s+)?)?(?:by|from|of|in|at|with)\s+)"
)
_SOURCE_TAIL = re.compile(
    rf"\s+(?:(?:published|released|issued)\s+)?(?:on|in|this|last|earlier)\s+(?:(?:{'|'.join(WEEKDAYS)})|week|month|year|\d{{1,2}}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{{4}}|\d{{4}}|(?:January|February|March|April|May|June|July|August|September|October|November|December))\b.*$"
)
# "..., the administrators, Calder Ross Restructuring, said on Monday."
_END_NAMED_GROUP = re.compile(
    r"^(?P<content>.+),\s+(?:the|its|their|his|her)\s+[a-z]+(?:\s+[a-z]+)?,\s+(?P<spk>[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*){0,5}),\s+"
    r"(?:said|says|told\s+[\w'’ ]+?|added|announced|confirmed|warned)(?:\s+(?:on|in|at|last|this|earlier)\b[^,.]*)?\s*[.!?]?$",
    re.S,
)
# "Wild bee numbers fell ..., figures from the Department for X (DX) show."
_END_FIGURES = re.compile(
    r"^(?P<content>.+?),\s+(?:the\s+)?(?:(?:latest|new|official|provisional|recent)\s+)?(?:figures|data|statistics|numbers)\s+"
    r"(?:from|by|published by|released by|compiled by)\s+(?:the\s+)?(?P<spk>[^,\"“]+?)\s+(?:show|shows|showed|suggest|suggests|suggested|indicate|indicates|reveal|reveals)\s*[.!?]?$",
    re.S,
)
# "Of the trainees ..., 11 percent reoffend within a year, he says, compared with ...": a frame inside the sentence.
_PARENTHETICAL = re.compile(
    r"^(?P<c1>[^\"“]+?),\s+(?P<spk>he|she|they|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+(?:says|said|adds|added|argues|argued|insists|insisted|claims|claimed|believes|estimates|estimated|reckons|reckoned|thinks|warns|warned|cautions|cautioned|notes|noted|suggests|suggested),\s+(?P<c2>[^\"“]+?)\s*[.!?]?$",
    re.S,
)
# "X accused the police of ... and said (that) ...": the speaker is the subject of the first verb.
_AND_SAID = re.compile(
    r"^(?:(?:But|And|However|Meanwhile|Still|Yet)\b,?\s+)?(?P<spk>"
    r"(?:[A-Z][\w'’-]*\s+)?(?:[a-z][\w'’-]*\s+){0,2}[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,2}(?=\s+[a-z]|,)|"
    r"(?:The|A|An|Its|Their)\s+[a-z]+(?:\s+[a-z]+)??|"
    r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}|He|She|They|We|I)(?:,\s+\d{1,3},)?(?:,\s+(?:who|whose|which)\b[^,]*,)?\s+"
    r"(?:[a-z]+ed|[a-z]+s)\b[^;]{1,120}?\s+(?:and|but)\s+(?P<verb>said|says|claimed|argued|insisted|warned|added|stressed)"
    r"\s+(?:that\s+)?(?P<content>[^\"“]+?)\s*[.!?]?$",
    re.S,
)
_NEGATED = re.compile(r"(?:\b(?:not|never|to|did|didn't|don't|doesn't|won't|cannot|can't|could|would|will)\s+)$", re.I)
_NOT_CONTENT_AFTER = re.compile(
    r"^\s*(?:(?:if|whether|why|how|what|when|where|so|nothing|anything|goodbye|against|of|about(?!\s+(?:[\d£$€]|a |an |one |two |three |half))|"
    r"on|for|to|with|by|from|into)\b|(?:no|yes)\s*(?:[.,;]|$))",
    re.I,
)
_DOCUMENT_SUBJECT = re.compile(r"\b(?:Article|Act|law|treaty|Treaty|charter|Charter|constitution|Constitution|rules?|Rules?|regulations?|Regulations?|clause)\b")
_NOT_NP = re.compile(r"\b(?:could|would|will|is|are|was|were|has|have|had|be|been|not|can|should|must)\b")
_FUNCTION_WORD = re.compile(r"(?:and|but|or|then|which|who|that|so|as|when|while)$")
_OPENERS = re.compile(r"^(?:(?:But|And|However|Meanwhile|Still|Yet|So|Then|Now|Also|Instead|Indeed|Later|Earlier)\b,?\s+)+")


@dataclass
class Frame:
    """The attribution frame of one sentence (offsets into the article)."""

    kind: str = "none"  # quote | reported | none
    speaker_text: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    content: list[tuple[int, int]] = field(default_factory=list)
    quote: tuple[int, int] | None = None
    continuation: bool = False  # a quote with no frame: inherit the previous quote's speaker


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans of quoted passages (marks included); a quote never crosses a newline.

    Curly quotes open (“) and close (”); straight quotes toggle.  A quote left
    open at the end of a line runs to the end of the line.
    """
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        open_at: int | None = None
        for i in range(line.start(), line.end()):
            c = text[i]
            if c == "“" or (c == '"' and open_at is None):
                if open_at is None:
                    open_at = i
            elif c == "”" or c == '"':
                if open_at is not None:
                    spans.append((open_at, i + 1))
                    open_at = None
        if open_at is not None:
            spans.append((open_at, line.end()))
    return spans


def _inner(text: str, s: int, e: int) -> tuple[int, int]:
    """Shrink a quote span to its content (marks, spaces and trailing , . removed)."""
    if s < e and text[s] in "\"“":
        s += 1
    if e > s and text[e - 1] in "\"”":
        e -= 1
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:"):
        e -= 1
    return s, e


def _strip_np(text: str, start: int) -> tuple[str, int]:
    """Trim spaces, commas and leading openers from a phrase; return (phrase, new start)."""
    lead = len(text) - len(text.lstrip(" ,"))
    text, start = text[lead:], start + lead
    m = _OPENERS.match(text)
    if m:
        text, start = text[m.end():], start + m.end()
    return text.rstrip(" ,"), start


def _subject_before(sentence: str, verb_start: int) -> tuple[str, int] | None:
    """The subject phrase that ends right before a speech verb, with its offset in the sentence."""
    prefix = sentence[:verb_start]
    prefix = re.sub(rf"\s+{_AUX}$", " ", prefix)
    prefix = prefix.rstrip()
    if not prefix or '"' in prefix or "“" in prefix or "”" in prefix:
        return None
    # Drop an appositive that closes the subject: "X, who chairs ...," / "X, the region's ...," /
    # "X, 54,".  A document's publisher is its source: "The report, published by X on Monday," -> X.
    pub = re.match(r"^(?:.*?\S\s+)?(?P<doc>(?:[Tt]he|[Aa]|[Aa]n|[Ii]ts|[Tt]heir)\s+(?:[\w'’-]+\s+){0,3}?"
                   r"(?:report|study|survey|review|analysis|audit|inquiry|paper|poll)),\s+"
                   r"(?:published|released|commissioned|compiled|written|carried out|conducted)\s+(?:by|for)\s+"
                   r"(?P<src>[^,]+?)(?:\s+(?:on|in|last|this|earlier)\s+[^,]+)?,$", prefix)
    if pub:
        return pub.group("src"), pub.start("src")
    # "The study, published on Wednesday in the journal X, found that": the document speaks.
    doc = re.match(r"^(?:.*?\S\s+)?(?P<doc>(?:[Tt]he|[Aa]|[Aa]n|[Ii]ts|[Tt]heir)\s+(?:[\w'’-]+\s+){0,3}?"
                   r"(?:report|study|survey|review|analysis|audit|paper|poll)),\s+(?:published|released)\s+(?![^,]*\bby\b)[^,]+,$", prefix)
    if doc:
        return doc.group("doc"), doc.start("doc")
    for _ in range(3):  # "Maureen Caddick, 78, who spoke during public questions,"
        app = re.match(r"^(.*?\S),\s+(?:(?:who|which|whose|the|a|an|of|from|speaking|writing|responding|commenting|asked|dated)\b(?:[^,]|,(?=\d)|,\s*\d{1,3},)*"
                       r"|\d{1,3}|aged \d{1,3}|[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*)?\s+(?:of|at|for)\s+[^,]*"
                       r"|[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*['’]s\s+[a-z][^,]*),$", prefix)
        if not app:
            break
        prefix = app.group(1) + ","
    # "Professor X Y, vice-chancellor of Z," : a role appositive without an article.
    app = re.match(r"^(.*?\b[A-Z][\w'’-]+),\s+[a-z][\w'’-]*(?:\s+[\w'’-]+){0,7},$", prefix)
    if app and "," not in app.group(1):
        prefix = app.group(1)
    prefix = prefix.rstrip(",")
    start = 0
    commas = [m.start() for m in re.finditer(r",(?!\d)", prefix)]  # "4,200" is a number, not a clause break
    if commas:
        start = commas[-1] + 1
    phrase, pstart = _strip_np(prefix[start:], start)
    # "Marine biologist Dr. X Y of the Corran Sea Institute": the affiliation is not counted.
    counted = re.sub(r"\s+(?:of|at|from)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|of|for|and|&))*$", "", phrase or "") or phrase
    document = re.match(r"(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir)\s+(?:[\w-]+\s+){0,2}?(?:survey|study|report|poll|review|analysis|audit)\b", phrase or "")
    if not phrase or len(counted.split()) > (14 if document else 8):
        return None
    if not phrase[0].isupper() and re.match(
        r"(?:and|but|or|that|which|who|whose|where|when|while|if|as|to|of|in|on|at|for|with|from|by|"
        r"adding|saying|including|after|before|because|than|then|so)\b",
        phrase,
    ):
        return None
    if _NOT_NP.search(phrase):
        return None
    if re.search(r"\b(?:after|before|since|until)\b", phrase):
        return None  # "four months after the theatre warned that": a time clause, not a speaker
    if re.match(r"(?i:less|more|fewer|what|about|half|twice|around|almost|nearly)\b", phrase) or " of what " in phrase:
        return None  # "less than a third of what the council says ...": a comparison, not a speaker
    if re.search(r"\b(?:is|are|was|were|will|would|can|could|should|must|may|might)\b", phrase):
        return None
    if _DOCUMENT_SUBJECT.search(phrase):
        return None
    return phrase, pstart


def _content_after_verb(sentence: str, verb: str, verb_end: int) -> int | None:
    """Where the reported content starts after a speech verb, or None if it is not speech."""
    rest = sentence[verb_end:]
    if verb in ("warned", "warns", "reminded", "assured", "informed", "advised", "promised"):
        m = re.match(r"\s+(?:[\w'’-]+\s+){1,4}?that\b", rest)
        if m and not re.match(r"\s+that\b", rest):
            return verb_end + m.end()
    if verb in ("told", "tells"):
        m = re.match(r"\s+(?:reporters|journalists|MPs|members|delegates|parliament|lawmakers|the\s+[\w'’]+(?:\s+[A-Z][\w'’]*){0,3})"
                     r"\s+(?:on|in|at|last|this|earlier)\b[\w' ]{0,30}?\s+that\s+", rest)
        if m:  # "told MPs on the committee that ..."
            return verb_end + m.end()
        m = re.match(r"\s+(?:reporters|journalists|MPs|members|delegates|parliament|lawmakers|the\s+[A-Z][\w'’]*(?:\s+[A-Z][\w'’]*){0,3})"
                     r"(?:\s+(?:on|in|at|last|this|earlier)\b[\w ]{0,20}?)?\s+(?:that\s+)?(?=(?:the|a|an|his|her|its|their|[A-Z]|\d)\b)", rest)
        if m:
            return verb_end + m.end()
        m = re.match(r"\s+[\w'’ .-]{1,40}?(?:\s+(?:on|in|at|last|this|earlier)\b[\w ]{0,20}?)?(?:\s+that\b|\s*:)", rest)
        if not m:
            return None
        return verb_end + m.end()
    m = re.match(r"(?:\s+(?:on|in|at|last|this|earlier|late|early|during)\b[^,\"“]{0,40}?)?(?:,\s*(?:however|though|too|also|again|instead|privately|publicly),)?\s+that\b", rest)
    if m:
        return verb_end + m.end()
    if verb in THAT_ONLY_VERBS:
        return None
    if _NOT_CONTENT_AFTER.match(rest):
        return None
    m = re.match(r"\s*[:,]?\s*", rest)
    return verb_end + (m.end() if m else 0)


def _shift(span: tuple[int, int], base: int) -> tuple[int, int]:
    return span[0] + base, span[1] + base


def find_frame(text: str, start: int, end: int, quotes: list[tuple[int, int]]) -> Frame:
    """The attribution frame of the sentence ``text[start:end]`` (``text`` is the work copy)."""
    sent = text[start:end]
    qs = [(max(s, start), min(e, end)) for s, e in quotes if s < end and e > start]
    qs = [q for q in qs if not _scare_quote(text, q, start)]
    if qs:
        frame = _quote_frame(text, start, end, qs)
        if frame is not None:
            return frame
    return _reported_frame(sent, start)


def _scare_quote(text: str, q: tuple[int, int], sent_start: int) -> bool:
    """A short quoted phrase inside running prose (``accused the police of "managing decline"``).

    It is a label, not speech: it has at most four words, does not end in
    speech punctuation, and follows a lower-case word in the same sentence.
    """
    s, e = q
    inner = text[s:e].strip("\"“” ")
    if len(inner.split()) > 4 or re.search(r"[,.!?;:]$", inner):
        return False
    return bool(re.search(r"\b[a-z][\w'’-]*\s+$", text[sent_start:s]))


def _quote_frame(text: str, start: int, end: int, qs: list[tuple[int, int]]) -> Frame | None:
    first_s, last_e = qs[0][0], qs[-1][1]
    before = text[start:first_s]
    after = text[last_e:end]
    inner = [_inner(text, s, e) for s, e in qs]
    quote = (qs[0][0], qs[-1][1])
    # Frame between two quotes: "A," she said. "B."  (or "A," she said, "B.")
    if len(qs) >= 2 and not before.strip():
        mid = text[qs[0][1]:qs[1][0]]
        m = _FRAME_AFTER_SUBJ.match(mid) or _FRAME_AFTER_VERB.match(mid.rstrip(" ,"))
        if m and len(mid) < 80:
            s, e = m.span("spk")
            return Frame("quote", m.group("spk"), qs[0][1] + s, qs[0][1] + e, inner, quote)
    if after.strip(" .,!?;:"):
        m = _FRAME_AFTER_SUBJ.match(after)
        if m and len(m.group("spk").split()) <= 8 and not _FUNCTION_WORD.match(m.group("spk")):
            s, e = m.span("spk")
            return Frame("quote", m.group("spk"), last_e + s, last_e + e, inner, quote)
        m = _FRAME_AFTER_VERB.match(after)
        if m:
            s, e = m.span("spk")
            return Frame("quote", m.group("spk"), last_e + s, last_e + e, inner, quote)
    if before.strip():
        m = _FRAME_BEFORE.search(before)
        if m and not after.strip(" .,!?;:"):
            sub = _subject_before(before, m.start("verb"))
            if sub:
                phrase, ps = sub
                return Frame("quote", phrase, start + ps, start + ps + len(phrase), inner, quote)
        m = _COLON_INTRO.match(before)
        if m and not after.strip(" .,!?;:"):
            s, e = m.span("spk")
            return Frame("quote", m.group("spk"), start + s, start + e, inner, quote)
        return None
    if not after.strip(" .,!?;:\"”"):
        # Only a quote: a continuation of the previous speaker's quote.
        return Frame("quote", None, None, None, inner, quote, continuation=True)
    return None


def _according_source(m: re.Match[str]) -> tuple[int, int]:
    """Span of the source inside an ``according to`` phrase: ``figures published by X on Thursday`` -> X."""
    s, e = m.span("spk")
    phrase = m.string[s:e]
    lead = _SOURCE_WRAPPER.match(phrase)
    if lead:
        s += lead.end()
    tail = _SOURCE_TAIL.search(m.string[s:e])
    if tail:
        e = s + tail.start()
    return s, e


def _reported_frame(sent: str, base: int) -> Frame:
    m = _ACCORDING_START.match(sent)
    if m and m.group("app") and _FINITE_VERB.search(m.group("app")) and not re.match(r"(?:who|which|whose)\b", m.group("app")):
        m = _ACCORDING_PLAIN.match(sent)  # "According to the ministry, the country spends ...": no appositive
    if m:
        return _reported(m, base, "content", "spk")
    m = _ACCORDING_END.match(sent)
    if m:
        s, e = _according_source(m)
        if len(m.string[s:e].split()) <= 10:
            cs, ce = _trim(sent, *m.span("content"))
            return Frame("reported", sent[s:e], base + s, base + e, [(base + cs, base + ce)])
    m = _END_FIGURES.match(sent) or _END_NAMED_GROUP.match(sent)
    if m:
        return _reported(m, base, "content", "spk")
    m = _PARENTHETICAL.match(sent)
    if m and not _in_quotes(sent, m.start("spk")):
        c1s, c1e = m.span("c1")
        c2s, c2e = _trim(sent, *m.span("c2"))
        s_, e_ = m.span("spk")
        # "Traffic on Mill Lane, she reckons, would rise": subject and verb join without the comma;
        # "..., he says, compared with ..." keeps it.
        joins_verb = re.match(rf"(?!compared|based|adjusted)(?:would|will|is|are|was|were|has|have|had|could|can|may|might|must|should|now\s+\w+|\w+ed|{'|'.join(sorted(IRREGULAR_PAST))})\b", m.group("c2"))
        c1_end = c1e if joins_verb else c1e + 1
        return Frame("reported", m.group("spk"), base + s_, base + e_, [(base + c1s, base + c1_end), (base + c2s, base + c2e)])
    m = _AND_SAID.match(sent)
    if m and not _in_quotes(sent, m.start("verb")):
        return _reported(m, base, "content", "spk")
    m = _END_FRAME.match(sent)
    if m and re.match(r"(?i:less|more|fewer|about|around|almost|nearly|half|twice|what)\b", m.group("spk")):
        m = None  # "..., less than a third of what the council says race day costs it": not a frame
    if m and not re.search(r"\b(?:that|who|which)\s*$", m.group("content")):
        return _reported(m, base, "content", "spk")
    m = _END_FRAME_VERB_FIRST.match(sent)
    if (
        m
        and len(m.group("spk").split()) <= 8
        and not _NOT_NP.search(m.group("spk"))
        and not re.match(r"(?:that|if|whether|it|they|we|this)\b", m.group("spk"))
        and not re.search(r"\d", m.group("spk"))
        and not re.search(r",\s+(?:who|which|whose)\b[^,]*$", m.group("content"))
    ):
        return _reported(m, base, "content", "spk")
    m = _FIGURES_FROM.match(sent) or _OWN_FIGURES.match(sent)
    if m:
        return _reported(m, base, "content", "spk")
    m = _SAYING.match(sent)
    if m:
        return _reported(m, base, "content", "spk")
    for vm in re.finditer(rf"\b(?P<verb>{SPEECH_VERB_ALT})\b", sent):
        if _in_quotes(sent, vm.start()):
            continue
        if _NEGATED.search(sent[: vm.start()]):
            continue
        sub = _subject_before(sent, vm.start())
        if sub is None:
            continue
        content_start = _content_after_verb(sent, vm.group("verb"), vm.end())
        if content_start is None or not sent[content_start:].strip(" .\"”"):
            continue
        phrase, ps = sub
        cs, ce = _trim(sent, content_start, len(sent.rstrip()))
        return Frame("reported", phrase, base + ps, base + ps + len(phrase), [(base + cs, base + ce)])
    return Frame("none", content=[(base, base + len(sent))])


def _in_quotes(sent: str, pos: int) -> bool:
    return sent[:pos].count('"') % 2 == 1


def _trim(sent: str, s: int, e: int) -> tuple[int, int]:
    """Shrink ``sent[s:e]`` past surrounding spaces and commas."""
    while s < e and sent[s] in " ,:":
        s += 1
    while e > s and sent[e - 1] in " ,:":
        e -= 1
    return s, e


def _reported(m: re.Match[str], base: int, content: str, spk: str) -> Frame:
    s, e = m.span(spk)
    cs, ce = _trim(m.string, *m.span(content))
    return Frame("reported", m.group(spk), base + s, base + e, [(base + cs, base + ce)])


#: A relative or subordinate clause opener: a mention after one is about something else.
SUBORDINATE_RE = re.compile(r"\b(?:where|which|who|whom|whose|because|although|whereas)\b", re.I)


def frame_at_mention(text: str, start: int, end: int, m_start: int, m_end: int) -> Frame | None:
    """A reported-speech frame built around a speaker mention the tagger found at ``m_start:m_end``
    in the sentence ``text[start:end]``, for sentences where the patterns above found none.

    ``According to <…mention…>,`` is cut out wherever it stands (with a ``which …``
    clause about the source).  Otherwise the content follows the first speech verb after
    the mention that introduces speech (``X, 78, from Y, told Drivetime she …``, ``X
    accused him of … and said the list …``), if the mention opens the main clause.
    None when neither shape is there, or a quote comes before the mention.
    """
    sent = text[start:end]
    ms, me = m_start - start, m_end - start
    if '"' in sent[:ms]:
        return None  # the mention follows a quote: that is the quote's frame
    acc = None
    for a in re.finditer(r"(?i)\baccording to\b", sent[:ms]):
        acc = a
    if acc is not None and "," not in sent[acc.end():ms]:
        opener = _OPENERS.match(sent)
        if acc.start() == 0 or (opener and opener.end() == acc.start()) or sent[:acc.start()].rstrip().endswith(","):
            comma = re.compile(r",(?!\d)").search(sent, me)
            close = comma.start() if comma else len(sent.rstrip(" ."))
            rel = re.match(r",\s+(?:which|who)\b(?:[^,]|,(?=\d))*", sent[close:])
            if rel:
                close += rel.end()
            before = (0, len(sent[:acc.start()].rstrip())) if acc.start() and not (opener and opener.end() == acc.start()) else None
            after = _trim(sent, close, len(sent.rstrip()))
            if before and after[1] <= after[0]:
                before = (0, len(sent[:acc.start()].rstrip(" ,")))
            spans = [sp for sp in (before, after) if sp and sp[1] > sp[0]]
            if spans:
                return Frame("reported", sent[ms:me], m_start, m_end, [(start + a, start + b) for a, b in spans])
        return None
    figures = re.search(r",\s+(?:figures|data|statistics)\s+(?:from|published by|by)\s+(?:the\s+)?$", sent[:ms])
    shows = re.match(r"\s+shows?\b", sent[me:])
    if figures and shows:  # "..., figures from the X Federation show, the steepest drop since ..."
        after = _trim(sent, me + shows.end(), len(sent.rstrip()))
        # With a second half, keep the comma that joins the two.
        spans = [(0, figures.start() + 1), after] if after[1] > after[0] else [(0, figures.start())]
        return Frame("reported", sent[ms:me], m_start, m_end, [(start + a, start + b) for a, b in spans])
    if SUBORDINATE_RE.search(sent[:ms]):
        return None
    saying = re.compile(r",\s+saying\s+(?:that\s+)?").search(sent, me, min(len(sent), me + 200))
    if saying and not _in_quotes(sent, saying.start()):  # "X rejected the accusation, saying ..."
        cs, ce = _trim(sent, saying.end(), len(sent.rstrip()))
        if len(sent[cs:ce].split()) >= 4:
            return Frame("reported", sent[ms:me], m_start, m_end, [(start + cs, start + ce)])
    for vm in re.finditer(rf"\b(?P<verb>{SPEECH_VERB_ALT})\b", sent[me:me + 160]):
        pos = me + vm.start()
        if _NEGATED.search(sent[me:pos]):
            continue
        content_start = _content_after_verb(sent, vm.group("verb"), me + vm.end())
        told = re.match(r"\s+(?:the\s+)?[\w'’-]+(?:\s+[A-Z][\w'’-]*){0,2}\s+(?:that\s+)?(?=(?:he|she|they|it|we|I|the|a|an|his|her|its|their)\b)",
                        sent[me + vm.end():]) if vm.group("verb") in ("told", "tells") else None
        if content_start is None and told:
            content_start = me + vm.end() + told.end()
        if content_start is None or len(sent[content_start:].split()) < 5:
            continue
        cs, ce = _trim(sent, content_start, len(sent.rstrip()))
        return Frame("reported", sent[ms:me], m_start, m_end, [(start + cs, start + ce)])
    return None
