"""Claim analysis: speaker, normalized claim, types, entities and parts per sentence.

>>> from claims.sentences import split_sentences
>>> from claims.analysis import analyse_article
>>> text = 'She met voters. "We, as Estonia, lost as many soldiers per capita as the United States," she said.'
>>> analyse_article(text, split_sentences(text))[1].claim
'Estonia lost as many soldiers per capita as the United States'

Rules and regular expressions, plus (when the caller passes its output) the
speaker-mention tagger the project trains itself (``claims.model.mentions``);
nothing is downloaded.  See docs/extraction.md for the conventions.  The
analysis is document-level so that pronouns and titles resolve across sentences.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from datetime import datetime

from claims.analysis.attribution import Frame, find_frame, frame_at_mention, quote_spans
from claims.analysis.claim_types import classify
from claims.analysis.entities import find_entities
from claims.analysis.normalize import find_abbreviations, normalize_claim
from claims.analysis.parts import decompose
from claims.analysis.people import ORG_KIND_ALT, People, Person, word_re
from claims.analysis.tagged import TAGGER_MIN_CONFIDENCE, TaggedMention, chosen_span
from claims.records import Sentence, SentenceAnalysis

__all__ = ["EXTRACTOR_NAME", "EXTRACTOR_VERSION", "TAGGER_MIN_CONFIDENCE", "analyse_article", "extractor_id"]

EXTRACTOR_NAME = "claimflow-rules"
EXTRACTOR_VERSION = "0.20.0"

_WORK_TABLE = {ord("’"): "'", ord("‘"): "'", ord("“"): '"', ord("”"): '"', ord("*"): " ", ord("„"): '"'}


# A wire dateline opening an article or sentence: "VALMORA, Nov 18 (MPA) - ", "LONDON (Reuters) — ".
_DATELINE = re.compile(
    r"^\s*[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3}"
    r"(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)(?:,?\s+\d{4})?)?"
    r"(?:\s*\([A-Za-z][\w .&/-]{0,30}\))?\s*(?:-{1,2}|–|—)\s+"
)


def _dateline_end(sentence: str) -> int:
    """Length of a wire dateline opening ``sentence`` (0 if none).

    A dateline needs a date or an agency in brackets, so a plain upper-case
    word followed by a dash is not taken as one.
    """
    m = _DATELINE.match(sentence)
    if m is None or not re.search(r"\d|\(", m.group(0)):
        return 0
    return m.end()


def extractor_id(tagger_version: str | None = None) -> str:
    """``name@version`` as stored on claim records: the rules' version, plus the speaker
    tagger's hash when one took part (``claimflow-rules@0.15.0+speakers.1a2b3c4d``)."""
    if tagger_version is None:
        return f"{EXTRACTOR_NAME}@{EXTRACTOR_VERSION}"
    return f"{EXTRACTOR_NAME}@{EXTRACTOR_VERSION}+speakers.{tagger_version.rsplit('+', 1)[-1]}"


def _speaker_of(
    frame: Frame, people: People, original: str
) -> tuple[str | None, Person | None, int | None, int | None]:
    """(speaker name, person, start, end) for a frame's speaker phrase."""
    if frame.speaker_text is None or frame.speaker_start is None or frame.speaker_end is None:
        return None, None, None, None
    s, e = frame.speaker_start, frame.speaker_end
    mention = people.named_in(s, e)
    if mention is None:
        person = people.resolve_text(original[s:e], s)
        if person is not None:
            return person.name, person, s, e
    if mention is None and frame.kind == "quote":
        # "said the OECD's chief economist, Clara Jansen." names the person after a comma.
        line_end = original.find("\n", e)
        mention = people.named_in(s, line_end if line_end >= 0 else len(original))
        if mention is not None and original[e:mention.start].count(".") > 0:
            mention = None
    if mention is not None:
        return mention.person.name, mention.person, mention.start, mention.end
    person = people.resolve_text(original[s:e], s)
    if person is not None:
        return person.name, person, s, e
    phrase = original[s:e].strip()
    phrase = _clean_group(phrase)
    if not phrase:
        return None, None, None, None
    return phrase, None, s, e


def _tagged_speaker(
    text: str, span: tuple[int, int], people: People, rules_person: Person | None,
    sp_s: int | None, sp_e: int | None, it_referents: list[tuple[str, str]],
) -> tuple[str, Person | None, int, int] | None:
    """(speaker, person, start, end) for a tagged mention, or None to keep the rules' speaker.

    The span is resolved like a frame's speaker phrase (names, surnames, pronouns,
    ``the minister``, organisations as written).  A person the rules resolved is only
    replaced by another person, or trimmed by a mention inside the rules' own
    (``Sprinter Kaisa Orlund`` becomes ``Kaisa Orlund``, ``Sprinter`` the role).
    """
    s, e = span
    if rules_person is None and sp_s is not None and sp_s < s and e == sp_e and re.fullmatch(r"(?:[A-Z][\w'’-]*\s+)+", text[sp_s:s]):
        return None  # the rules kept a capitalised first word the tagger dropped ("Visit Merriford")
    if sp_e is not None and sp_e <= s and re.fullmatch(r",\s+(?:the|a|an)\s+(?:[\w'’-]+\s+){0,3}", text[sp_e:s]):
        return None  # "Households First, the consumer group, said": the tagger took the appositive
    if text[max(0, s - 4):s].lower() == "the " and re.fullmatch(r"[a-z][a-z -]*", text[s:e]):
        s -= 4  # "the interior minister": a title reference
    speaker, person, t_s, t_e = _speaker_of(
        Frame(kind="reported", speaker_text=text[s:e], speaker_start=s, speaker_end=e), people, text)
    if person is None and speaker and re.fullmatch(r"[Ii]t|[Tt]hey", speaker):
        speaker = it_referents[-1][0] if it_referents else None
    if not speaker or t_s is None or t_e is None:
        return None
    if person is None and text[max(0, t_s - 4):t_s] in ("the ", "The "):
        t_s -= 4  # an organisation's span keeps its article, as the rules' spans do
    if (t_s, t_e) == (sp_s, sp_e):
        return None
    if rules_person is not None and person is None:
        inside = sp_s is not None and sp_e is not None and sp_s <= s and e <= sp_e
        if not (inside and rules_person.name.endswith(" " + speaker)):
            return None
        lead = rules_person.name[: -len(speaker)].strip()
        rules_person.name = speaker
        if rules_person.role is None and lead:
            rules_person.role = lead
        return speaker, rules_person, t_s, t_e
    return speaker, person, t_s, t_e


def _closing_frame(
    frame: Frame, i: int, sentences: list[Sentence], frames: list[Frame], quotes: list[tuple[int, int]]
) -> Frame | None:
    """The attributed frame of a later sentence where a quote opened in sentence ``i`` closes."""
    sent = sentences[i]
    span = next((q for q in quotes if sent.start <= q[0] < sent.end), None)
    if span is None or span[1] <= sent.end:
        return None
    for j in range(i + 1, len(sentences)):
        if sentences[j].start >= span[1]:
            break
        if sentences[j].start < span[1] <= sentences[j].end:
            later = frames[j]
            if later.kind == "quote" and not later.continuation and later.speaker_text is not None:
                return later
            break
    return None


_ORG_DESCRIPTOR = re.compile(rf"\b(?:{ORG_KIND_ALT})\s+$")


def _organisation_named(text: str, person: Person, start: int | None) -> bool:
    """A one-word "person" introduced by an organisation noun (``Online retailer Parcelly``) is an organisation."""
    if person.name != person.surname or person.gender is not None or start is None:
        return False
    for m in word_re(person.name).finditer(text):
        first = m.start()
        after = text[m.end():m.end() + 80]
        if (_ORG_DESCRIPTOR.search(text[max(0, first - 30):first])
                or re.match(rf"(?:['’]s)?,\s+(?:the|a|an)\s+[^,]*\b(?:{ORG_KIND_ALT})\b", after)):
            return True
    return False


def _group_subject(original: str, s: int | None, e: int | None) -> str | None:
    """An organisation speaker as a subject (``the ministry``), or None for pronouns and wrappers."""
    if s is None or e is None:
        return None
    phrase = original[s:e].strip(" ,")
    if re.fullmatch(r"(?i:he|she|they|it|we|i|you)", phrase) or len(phrase.split()) > 8:
        return None
    if re.match(r"(?:[Tt]he\s+)?(?:report|study|survey|analysis|figures|data|statistics)\b", phrase):
        return None  # lower case: a document, not "the Data Protection Authority"
    return _strip_descriptor(re.sub(r"\s*\([A-Z]{2,8}\)$", "", phrase))


def _introduced_person(text: str, start: int, people: People):
    """The one person named in the paragraph before a paragraph that opens at ``start`` with a quote.

    None unless ``start`` opens its paragraph and the previous paragraph names
    exactly one person as a subject (outside quotes; "Whitcombe's block" does not count).
    """
    para_start = text.rfind("\n\n", 0, start)
    if para_start < 0 or text[para_start:start].strip():
        return None
    prev_start = text.rfind("\n\n", 0, para_start)
    prev_start = 0 if prev_start < 0 else prev_start + 2
    named = [m for m in people.mentions if prev_start <= m.start < para_start and not m.in_quote and m.subject]
    if not named or len({id(m.person) for m in named}) != 1:
        return None
    return named[0]


def _clean_group(phrase: str) -> str:
    """A non-person speaker as written, without article, report wrapper or abbreviation."""
    phrase = phrase.replace("**", "").strip(" ,.")
    phrase = re.sub(r"^(?:a|an|the|A|An|The)\s+", "", phrase)
    m = re.match(
        r"^(?:\d{4}\s+|[a-z]+\s+)?(?:report|study|survey|analysis|poll|statement|review|figures|data|statistics|estimates|accounts)\b.*?\s+"
        r"(?:by|from|published by|filed at|filed with)\s+(?:the\s+)?([A-Z].+?)(?:\s+(?:last|this|earlier this)\s+(?:week|month|year))?$",
        phrase,
    ) or re.match(
        r"^(?:report|study|survey|analysis|poll|statement|review|figures|data|statistics|estimates)\s+"
        r"(?:by|from|of(?!\s+[\d,]+\s)|published by)\s+(?:the\s+)?(.+)$",
        phrase,
    )
    if m:
        phrase = m.group(1)
    sized = re.match(r"^(survey|poll|study|census|report)\s+of\s+[\d,]+\s", phrase)
    if sized:  # "survey of 2,300 students": the survey speaks
        phrase = sized.group(1)
    phrase = re.sub(r"\s*\([A-Z]{2,8}\)$", "", phrase)
    # "the HSD figures", "the NSB's figures": the named source (not "official figures" or "the pilot report")
    wrapped = re.match(r"^(?:(?P<name>[A-Z][\w&'’.-]*(?:\s+(?:[A-Z][\w&'’.-]*|of|for|and))*?)|(?P<owner>[\w&.-]+(?:\s+[\w&.-]+)?)(?=['’]s))"
                       r"(?:['’]s)?\s+(?:latest\s+|new\s+|own\s+|official\s+|annual\s+)?(?:figures|data|statistics|report|survey|analysis|estimates|research|accounts)$",
                       phrase)
    if wrapped:
        phrase = re.sub(r"['’]s$", "", wrapped.group("name") or wrapped.group("owner"))
    return _strip_descriptor(phrase)


def _earlier_group(phrase: str, speaker: str, earlier: list[str]) -> str:
    """An earlier unnamed individual that ``the official``/``the spokesperson`` refers back to, else ``speaker``."""
    m = re.fullmatch(r"\s*[Tt]he\s+(official|spokesperson|spokesman|spokeswoman|source|diplomat|aide|adviser|advisor|insider)\s*", phrase)
    if not m:
        return speaker  # institutions stay as written ("the ministry"); only unnamed individuals carry over
    head = m.group(1)
    for prev in reversed(earlier):
        if prev != head and re.search(rf"\b{re.escape(head)}\b", prev):
            return prev
    return speaker


def _strip_descriptor(phrase: str) -> str:
    """``Consumer group Shoppers' Voice`` -> ``Shoppers' Voice``: a lower-case description before a name."""
    m = re.match(r"^[A-Za-z][a-z]+(?:\s+(?!(?:of|for|and|the|de|du|on|in|at|to)\b)[a-z][\w-]*){1,2}\s+(?=[A-Z])", phrase) \
        or re.match(rf"^(?:{ORG_KIND_ALT})\s+(?=[A-Z])", phrase)  # "charity Age Forward"
    return phrase[m.end():] if m else phrase


def analyse_article(
    text: str,
    sentences: list[Sentence],
    *,
    published: datetime | None = None,
    author: str | None = None,
    source: str | None = None,
    only: Collection[int] | None = None,
    mentions: Sequence[TaggedMention | None] | None = None,
) -> list[SentenceAnalysis]:
    """One :class:`SentenceAnalysis` per sentence of ``text``, in order.

    ``author`` and ``source`` are accepted for symmetry with the article record;
    sentences without a quote or reported speech get attribution "none" and no
    speaker (the publisher is recorded on the claim elsewhere).  With ``only``, the
    sentences whose index is not in it get the speaker only (flag ``not_analysed``):
    the pipeline passes the indices that scored at or above the threshold.
    ``mentions`` (one per sentence, from the speaker tagger in
    ``claims.model.mentions``) lets a confident tagged mention replace the
    rules' speaker where ``claims.analysis.tagged.chosen_span`` and
    :func:`_tagged_speaker` allow it (flag ``speaker_from_tagger``).
    """
    del author, source
    work = text.translate(_WORK_TABLE)
    quotes = quote_spans(text)
    spans = [(s.start, s.end) for s in sentences]
    people = People.build(work, spans, quotes)
    abbreviations = find_abbreviations(text)
    results: list[SentenceAnalysis] = []
    last_quote: SentenceAnalysis | None = None
    last_quote_person: Person | None = None
    group_speakers: list[str] = []
    # What "it said" can refer to: organisations that spoke, and speakers of unknown gender
    # ("Eastmark Power Networks (EPN) ... said"), with the words that named them.
    it_referents: list[tuple[str, str]] = []
    starts = [sent.start + _dateline_end(sent.text) for sent in sentences]
    frames = [find_frame(work, b, sent.end, quotes) for b, sent in zip(starts, sentences, strict=True)]
    for i, sent in enumerate(sentences):
        body_start, frame = starts[i], frames[i]
        speaker, person, sp_s, sp_e = _speaker_of(frame, people, text)
        it_phrase: str | None = None
        if person is None and speaker and frame.kind != "none":
            # "The official said ..." after "A senior official ... said": the same unnamed speaker;
            # "..., it said." after "the directorate said": the organisation that spoke last.
            if re.fullmatch(r"\s*[Ii]t\s*", frame.speaker_text or "") and it_referents:
                speaker, it_phrase = it_referents[-1]
            else:
                speaker = _earlier_group(frame.speaker_text or "", speaker, group_speakers)
            group_speakers.append(speaker)
        flags: list[str] = []
        closing = _closing_frame(frame, i, sentences, frames, quotes) if frame.kind == "quote" and frame.continuation else None
        if closing is not None:
            # "First sentence. Second sentence," Durand said: the quote's attribution comes later.
            speaker, person, sp_s, sp_e = _speaker_of(closing, people, text)
        elif frame.kind == "quote" and frame.continuation:
            prev_sentence_ok = i > 0 and last_quote is not None and results and results[-1] is last_quote
            introduced = _introduced_person(text, sent.start, people)
            if prev_sentence_ok and last_quote is not None:
                speaker, person = last_quote.speaker, last_quote_person
                sp_s, sp_e = last_quote.speaker_start, last_quote.speaker_end
            elif introduced is not None:
                # A feature's quote paragraph with no attribution, right after the paragraph
                # that introduces one person: that person speaks.
                person, speaker = introduced.person, introduced.person.name
                sp_s, sp_e = introduced.start, introduced.end
                flags.append("inferred_speaker")
            else:
                flags.append("unknown_speaker")
        attribution = frame.kind
        tagged = chosen_span(mentions[i] if mentions is not None else None, sent.text, sent.start, sp_s, sp_e)
        if tagged is not None:
            taken = _tagged_speaker(text, tagged, people, person, sp_s, sp_e, it_referents)
            if taken is not None:
                speaker, person, sp_s, sp_e = taken
                flags = [f for f in flags if f not in ("unknown_speaker", "inferred_speaker")] + ["speaker_from_tagger"]
                if attribution == "none":
                    attribution = "quote" if frame.quote else "reported"
                    anchored = frame_at_mention(work, body_start, sent.end, *tagged) if not frame.quote else None
                    if anchored is not None:
                        frame = anchored
                if person is None:
                    group_speakers.append(speaker)
        # Normalization runs for every sentence: resolving its pronouns teaches the people
        # index genders that later sentences rely on, wanted or not.
        claim, plain, nflags = normalize_claim(
            text,
            work,
            frame.content or [(sent.start, sent.end)],
            frame_kind=frame.kind,
            speaker=person,
            people=people,
            sentence=sent.text,
            published=published,
            abbreviations=abbreviations,
            speaker_group=(it_phrase if it_phrase is not None
                           else _group_subject(text, sp_s, sp_e) if person is None and speaker
                           else person.name if person is not None and _organisation_named(text, person, sp_s)
                           else None),
        )
        flags.extend(f for f in nflags if f not in flags)
        if (attribution != "none" and speaker and sp_s is not None and sp_e is not None and it_phrase is None
                and (person is None or person.gender is None) and not re.fullmatch(r"(?i)it|they|he|she", speaker)):
            it_referents.append((speaker, re.sub(r"\s*\([A-Z]{2,8}\)$", "", text[sp_s:sp_e].strip(" ,"))))
        if only is not None and i not in only:
            # Not wanted (below the threshold): keep the speaker bookkeeping that later
            # sentences lean on, skip entities, types and parts.
            skipped = SentenceAnalysis(
                claim=sent.text, attribution=attribution, speaker=speaker if attribution != "none" else None,
                speaker_start=sp_s if attribution != "none" else None, speaker_end=sp_e if attribution != "none" else None,
                flags=flags + ["not_analysed"],
            )
            if frame.kind == "quote":
                last_quote, last_quote_person = skipped, person
            results.append(skipped)
            continue
        entities = find_entities(text, body_start, sent.end, people=people, abbreviations=abbreviations, published=published)
        quoted = " ".join(text[s:e] for s, e in frame.content) if frame.kind == "quote" else ""
        types, checkable = classify(plain, sent.text, entities, frame_kind=frame.kind, quoted=quoted)
        previous = (sentences[i - 1].start, sentences[i - 1].end) if i > 0 and "\n\n" not in text[sentences[i - 1].end:sent.start] else None
        parts = decompose(claim, types, entities, original=text, sent_start=sent.start, sent_end=sent.end, previous=previous)
        analysis = SentenceAnalysis(
            claim=claim,
            attribution=attribution,
            speaker=speaker if attribution != "none" else None,
            speaker_role=(person.role if person is not None else None) if attribution != "none" else None,
            speaker_start=sp_s if attribution != "none" else None,
            speaker_end=sp_e if attribution != "none" else None,
            quote_start=frame.quote[0] if frame.quote else None,
            quote_end=frame.quote[1] if frame.quote else None,
            types=types,
            checkable=checkable,
            flags=flags,
            entities=entities,
            parts=parts,
        )
        if frame.kind == "quote":
            last_quote, last_quote_person = analysis, person
        results.append(analysis)
    return results
