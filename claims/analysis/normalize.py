"""Normalization: rewrite a sentence's claim so it stands alone.

Conventions (see docs/extraction.md):

* the attribution frame and quote marks are removed; the claim is the quoted
  or reported content (``"X," she said`` -> ``X``);
* editorial brackets are unwrapped (``[The] U.S.`` -> ``The U.S.``), Markdown
  emphasis and list bullets dropped;
* discourse openers (``But``, ``However,``, ``Meanwhile,``) are dropped;
* first-person subjects are replaced by their referent: ``We, as Estonia,
  lost`` -> ``Estonia lost``; a leading ``I`` by the speaker's name when the
  verb can be agreed (``I have`` -> ``Name has``, past tense kept);
* a leading ``he``/``she``/``his``/``her``, a title (``The minister``) or a
  surname is replaced by the person's full name;
* relative dates become absolute when the article's date is known
  (``on Thursday`` -> ``on 26 June 2025``, ``last year`` -> ``in 2024``);
* an abbreviation the article defines is expanded once as ``Long Form (ABBR)``;
* the first letter is upper-cased; the final period (and a trailing comma,
  colon or semicolon) is dropped; ``?`` and ``!`` are kept;
* anything left context-dependent (first-person words, ``they``/``it``
  subjects) is kept as written and flagged ``uncertain_rewrite``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from claims.analysis.dates import rewrite_dates
from claims.analysis.lexicon import CONNECTORS, IRREGULAR_PAST
from claims.analysis.people import TITLE_REF_RE, People, Person

__all__ = ["Abbreviation", "find_abbreviations", "normalize_claim"]

UNCERTAIN = "uncertain_rewrite"
_SMALL = {"of", "for", "and", "the", "on", "in", "de", "des", "du", "la", "le", "to", "at"}
_DEF = re.compile(r"\(([A-Z][A-Za-z]{1,7})\)")
_CONNECTOR_RE = re.compile(r"^(?:(?:" + "|".join(CONNECTORS) + r")\b,?\s+)+")
_FIRST_PERSON = re.compile(r"\b(?:I|me|my|mine|myself|[Ww]e|[Uu]s|[Oo]ur|[Oo]urs|[Oo]urselves)\b")
# Past-tense verbs, plus adverbs that may stand between "I" and one ("I never ...").
_IRREGULAR_PAST = IRREGULAR_PAST | {"never", "once", "also", "still", "always", "only", "used"}
_MODALS = {"will", "would", "can", "could", "should", "must", "may", "might", "shall", "won't", "can't", "couldn't",
           "wouldn't", "shouldn't"}
_AGREE = {"have": "has", "am": "is", "are": "is", "were": "was", "do": "does", "'ve": "has", "'m": "is"}


@dataclass
class Abbreviation:
    """An abbreviation defined in the article: ``long (abbr)`` at ``start``."""

    abbr: str
    long: str
    start: int
    end: int


def find_abbreviations(text: str) -> dict[str, Abbreviation]:
    """Abbreviations the article defines as ``Long Form (ABBR)``.

    The long form is the shortest run of words before the parenthesis whose
    initials (small words like "of", "for", "and" skipped) spell the abbreviation.
    """
    found: dict[str, Abbreviation] = {}
    for m in _DEF.finditer(text):
        abbr = m.group(1)
        letters = [c for c in abbr.upper() if c.isalpha()]
        before = text[max(0, m.start() - 200):m.start()]
        # Hyphenated words count once ("Co-operation" in OECD) or per part ("Anti-Doping" in CADA).
        for word_re in (r"[\w'’-]+", r"[\w'’]+"):
            words = list(re.finditer(word_re, before))
            need = list(reversed(letters))
            picked_start = None
            i = len(words) - 1
            while need and i >= 0:
                w = words[i].group(0)
                if w.lower() in _SMALL and need != list(reversed(letters)):
                    i -= 1
                    continue
                if w[0].upper() == need[0]:
                    need.pop(0)
                    picked_start = words[i].start()
                    i -= 1
                    continue
                break
            if not need and picked_start is not None:
                break
        if need or picked_start is None or abbr in found:
            continue
        base = max(0, m.start() - 200)
        long = before[picked_start:].strip()
        found[abbr] = Abbreviation(abbr, long, base + picked_start, m.end())
    return found


def _clean(text: str) -> str:
    text = text.replace("**", "").replace("__", "")
    text = re.sub(r"\[([^\]]{1,40})\]", r"\1", text)
    text = re.sub(r"[\"“”]", "", text)
    text = re.sub(r"(?:(?<=\s)|^)‘|’(?=\s|$|[,.;:])(?<!s’)", "", text)
    text = re.sub(r"^\s*[-*•]\s+", "", text)
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    return text


def _strip_end(text: str) -> str:
    return re.sub(r"[\s.,;:]+$", "", text)


def _agree_singular(rest: str) -> str:
    m = re.match(r"(\S+)(.*)$", rest, re.S)
    if not m:
        return rest
    word, tail = m.group(1), m.group(2)
    low = word.lower()
    if low in _AGREE:
        return _AGREE[low] + tail
    return rest


def _swap_first_person(claim: str, speaker: Person | None, flags: list[str]) -> str:
    m = re.match(r"^[Ww]e,?\s+as\s+(?:an?\s+|the\s+)?(?P<x>[A-Z][^,]{1,60}),\s+(?P<rest>.+)$", claim, re.S)
    if m:
        x, rest = m.group("x"), m.group("rest")
        if not x.endswith("s"):
            rest = _agree_singular(rest)
        return f"{x} {rest}"
    m = re.match(r"^I(?:'m|'ve|\s+)(?P<rest>.*)$", claim.replace("’", "'"), re.S)
    if m and speaker is not None:
        head = re.match(r"I('m|'ve|\s+)", claim.replace("’", "'"))
        assert head is not None
        contraction = head.group(1).strip()
        rest = m.group("rest").lstrip()
        if contraction:
            return f"{speaker.name} {_AGREE[contraction]} {rest}"
        word = rest.split(" ", 1)[0].lower()
        if word in _AGREE:
            return f"{speaker.name} {_agree_singular(rest)}"
        if word in _IRREGULAR_PAST or word.endswith("ed") or word in _MODALS:
            return f"{speaker.name} {rest}"  # past tense and modals do not change with the person
        adverb = re.match(r"(?:first|never|always|still|just|also|only|once|often|already|really|even)\s+(\S+)", rest)
        if adverb and (adverb.group(1).lower() in _IRREGULAR_PAST or adverb.group(1).lower().endswith("ed")):
            return f"{speaker.name} {rest}"  # "I first came here": an adverb before a past verb
        flags.append(UNCERTAIN)
    return claim


def _swap_third_person(claim: str, content_start: int, people: People, work: str, frame_kind: str, flags: list[str],
                       speaker: Person | None = None) -> str:
    """Replace a leading pronoun, title or surname with the person's full name.

    In reported speech a pronoun that fits the speaker is the speaker
    ("The chief executive said she expected ..."), whoever was named last.
    """
    m = re.match(r"^(?P<p>[Hh]e|[Ss]he|[Hh]is|[Hh]er)\b", claim)
    if m:
        word = m.group("p")
        pos = _find_word(work, word, content_start)
        if frame_kind == "reported" and speaker is not None and speaker.fits(word):
            person: Person | None = speaker
            if speaker.gender is None:
                speaker.gender = "f" if word.lower() in ("she", "her") else "m"
        else:
            person = people.resolve_pronoun(word, pos) if pos is not None else None
        if person is None:
            flags.append(UNCERTAIN)
            return claim
        name = person.name + ("'s" if word.lower() in ("his", "her") else "")
        return name + claim[m.end():]
    t = TITLE_REF_RE.match(claim)
    if t and t.start() == 0:
        pos = _find_word(work, t.group(0).split()[-1], content_start)
        person = people.resolve_title(t.group(1), pos if pos is not None else content_start)
        if person is not None:
            return person.name + claim[t.end():]
    first = re.match(r"^([A-Z][\w-]+)\b", claim)  # "Hollensby's term" -> "Dmitar Hollensby's term" too
    if first:
        for person in people.persons:
            if person.surname == first.group(1) and person.name != person.surname:
                return person.name + claim[first.end():]
    if re.match(r"^(?:They|It|This|That|These|Those|Its|Their)\b(?!\s+(?:week|month|year|morning|afternoon|evening|season|spring|summer|autumn|winter)\b)", claim):
        flags.append(UNCERTAIN)
    return claim


def _swap_group_pronoun(claim: str, group: str | None, frame_kind: str) -> str:
    """``The ministry said it had hired ...`` -> ``The ministry had hired ...``.

    In reported speech whose speaker is an organisation (not a person), a
    leading subject ``it`` is that organisation (``its members`` is kept as written).
    """
    if frame_kind != "reported" or not group:
        return claim
    m = re.match(r"^[Ii]t\b(?!['’])", claim)
    last = group.split()[-1] if group.split() else ""
    if not m or not last or re.fullmatch(r"[a-z][\w'’-]*(?<!s)s|[Pp]olice|[Pp]eople", last):
        return claim  # "Landlords' groups say it will ...": a plural common noun is not "it" (a name is)
    return group[0].upper() + group[1:] + claim[m.end():]


def _find_word(work: str, word: str, start: int) -> int | None:
    m = re.compile(rf"\b{re.escape(word)}\b", re.I).search(work, start, start + 400)
    return m.start() if m else None


def _expand_abbreviations(claim: str, abbreviations: dict[str, Abbreviation]) -> str:
    for abbr, a in abbreviations.items():
        if a.long.lower() in claim.lower():
            continue
        claim = re.sub(rf"(?<![(\w]){re.escape(abbr)}(?![\w)])", f"{a.long} ({abbr})", claim, count=1)
    return claim


def normalize_claim(
    original: str,
    work: str,
    content: list[tuple[int, int]],
    *,
    frame_kind: str,
    speaker: Person | None,
    people: People,
    sentence: str,
    published: datetime | None,
    abbreviations: dict[str, Abbreviation],
    speaker_group: str | None = None,
) -> tuple[str, str, list[str]]:
    """(claim, plain claim, flags) for one sentence (see module docstring).

    The plain claim is the same rewrite before relative dates and
    abbreviations are expanded; claim types are read from it.
    """
    flags: list[str] = []
    if not content:
        plain = _strip_end(_clean(sentence))
        return plain, plain, flags
    pieces = [_clean(original[s:e]) for s, e in content]
    claim = pieces[0] if pieces else ""
    for piece in pieces[1:]:
        # '"We can help," she said, "but it would be ..."': the halves join with their comma.
        sep = ", " if re.match(r"(?:but|and|so|or|yet|because|although|though|while|which)\b", piece) and not claim.endswith(",") else " "
        claim = claim + sep + piece
    claim = _strip_end(claim)
    claim = _CONNECTOR_RE.sub("", claim)
    claim = claim.strip()
    content_start = content[0][0]
    claim = _swap_first_person(claim, speaker, flags)
    claim = _swap_third_person(claim, content_start, people, work, frame_kind, flags, speaker)
    if speaker is None or speaker_group == speaker.name:  # an organisation, or a one-word name that may be one
        claim = _swap_group_pronoun(claim, speaker_group, frame_kind)
    plain = claim
    if published is not None:
        claim = rewrite_dates(claim, published)
    claim = _expand_abbreviations(claim, abbreviations)
    if frame_kind == "quote" and _FIRST_PERSON.search(claim) and UNCERTAIN not in flags:
        flags.append(UNCERTAIN)
    if claim:
        claim = claim[0].upper() + claim[1:]
    if plain:
        plain = plain[0].upper() + plain[1:]
    return claim, plain, flags
