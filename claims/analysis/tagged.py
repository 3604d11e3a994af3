"""Speaker mentions proposed by the tagger (``claims.model.mentions``): when to trust one, and its words.

Pure text functions.  ``analyse_article`` resolves the chosen span with the same
people index as the rules' own mentions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any, Protocol

from claims.analysis.attribution import SPEECH_VERB_ALT, SUBORDINATE_RE
from claims.analysis.lexicon import SPEECH_VERBS, THAT_ONLY_VERBS


class TaggedMention(Protocol):
    """A speaker mention proposed by a tagger: offsets into the sentence, and its confidence."""

    start: int | None
    end: int | None
    confidence: float


#: How sure the tagger must be before its mention replaces the rules' answer.  Chosen on the
#: blind first runs of heldout10-16 with taggers that had not seen each set; anywhere from
#: 0.8 to 0.95 gives the same accuracy there (see docs/extraction.md, "Speaker tagger").
TAGGER_MIN_CONFIDENCE = 0.9

_CONNECTOR = r"(?:of|for|and|at|from|on|in|by|to|with|the|a|an|de|du|van|von)"
_TRAILING = re.compile(rf"(?:\s+{_CONNECTOR})+$")
_SPEECH = re.compile(rf"\s*(?:{SPEECH_VERB_ALT})\b")
# Capitalised words glued on after a name ("Castellan" + " Ratings", "Dunmere Health" + " Board").
_MORE_NAME = re.compile(r"(?:['’]?\s(?:(?:of|for|and|the|de|du)\s)*[A-Z][\w-]*(?:['’][A-Z][\w-]*|(?<=s)['’])?(?![\w'’]))+")
_TRAILING_VERB = re.compile(rf"\s+(?:{SPEECH_VERB_ALT})$")
_WORD = re.compile(r"\s+[\w'’-]+")


def widen(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The tagged span made whole: capitalised words that continue a name are taken in, and a
    span that stops on a connector (``spokesperson for the``) runs on to the speech verb.

    A trailing connector that leads nowhere (``UNCHF in``) is dropped.
    """
    tail = _TRAILING.search(sentence, start, end)
    if tail is not None and re.search(r"\b(?:of|for|from|the)$", sentence[start:end]):
        pos, words = end, 0
        while words < 6:
            if _SPEECH.match(sentence, pos) or not (w := _WORD.match(sentence, pos)):
                break
            pos, words = w.end(), words + 1
        if words and _SPEECH.match(sentence, pos):
            return start, pos
    if tail is not None:
        end = tail.start()
    verb = _TRAILING_VERB.search(sentence, start, end)
    if verb is not None and re.search(r"[A-Z][\w'’-]*$", sentence[start:verb.start()]):
        # "National Statistics Bureau show": the verb is not part of the name ("member states" is not a name)
        end = verb.start()
    if end > start and sentence[end - 1].isalnum() and sentence[start].isupper():
        more = _MORE_NAME.match(sentence, end)
        if more is not None and not _SPEECH.match(sentence, end):
            end = more.end()
    return start, end


# Something in the sentence must report speech before the tagger may give it a speaker
# the rules did not find: a speech verb, "according to", a quote mark.
# "found", "showed" ... count only with "that" ("The researchers found particles in ..." is not speech).
_CUE = re.compile(r"[\"“”]|\baccording to\b|\b(?:"
                  + "|".join(re.escape(v) for v in sorted(set(SPEECH_VERBS) - THAT_ONLY_VERBS, key=len, reverse=True))
                  + r"|saying|telling|adding|warning|arguing|insisting)\b|\b(?:" + "|".join(sorted(THAT_ONLY_VERBS, key=len, reverse=True))
                  + r")\s+(?:[\w,]+\s+){0,3}?that\b|\b(?:figures|data|statistics)\s+(?:from|published by|by)\b[^.]{0,80}\bshows?\b", re.I)


def chosen_span(mention: TaggedMention | None, sentence: str, sent_start: int,
                sp_s: int | None, sp_e: int | None) -> tuple[int, int] | None:
    """Article offsets of the (widened) tagged mention if it is confident and differs from the rules'.

    Never a mention inside quotation marks.  Where the rules found no speaker at all, the
    sentence must also carry a speech cue.
    """
    if mention is None or mention.start is None or mention.end is None or mention.confidence < TAGGER_MIN_CONFIDENCE:
        return None
    if sum(sentence.count(q, 0, mention.start) for q in ('"', "“", "”")) % 2 == 1:
        return None  # inside a quote: the words quoted, not who is quoting them
    if sp_s is None and (not _CUE.search(sentence) or SUBORDINATE_RE.search(sentence, 0, mention.start)):
        return None  # no speech in the sentence, or the mention sits in a clause about something else
    s, e = widen(sentence, mention.start, mention.end)
    if e <= s:
        return None
    span = (sent_start + s, sent_start + e)
    return None if span == (sp_s, sp_e) else span


_ANY_SPEECH = re.compile(rf"[\"“”]|\baccording to\b|\b(?:{SPEECH_VERB_ALT}"
                         + r"|reckon|reckons|reckoned|saying|telling|adding|arguing|insisting|warning|claiming|writing)\b", re.I)


def worth_tagging(sentence: str) -> bool:
    """Whether the tagger could change anything here: a quote mark, ``according to`` or a speech
    verb.  Without one the rules find no frame and a tagged mention is never taken, so the
    pipeline skips the model for such sentences (the analyses are the same)."""
    return bool(_ANY_SPEECH.search(sentence))


def tag_where_useful(tagger: Any, texts: Sequence[str], wanted: Iterable[int]) -> list[TaggedMention | None]:
    """One tagger call for the ``wanted`` texts worth tagging; a mention (or None) per text."""
    order = [i for i in sorted(wanted) if worth_tagging(texts[i])]
    found = dict(zip(order, tagger.mentions([texts[i] for i in order]), strict=True))
    return [found.get(i) for i in range(len(texts))]
