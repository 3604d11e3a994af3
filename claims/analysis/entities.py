"""Entities: people, organisations, places, dates and quantities with offsets.

Pure regex and word lists.  Quantities carry a normalized ``value`` (a plain
number as text, "6200000" for "£6.2 million") and a ``unit`` ("%",
"percentage points", "GBP", "per capita", "per 100,000 people").
"""

from __future__ import annotations

import re
from datetime import datetime

from claims.analysis.dates import find_dates
from claims.analysis.lexicon import (
    COUNTRIES_AND_PLACES,
    NOT_NAME_WORDS,
    ORG_WORDS,
    PLACE_WORDS,
    TITLE_WORDS,
)
from claims.analysis.normalize import Abbreviation
from claims.analysis.people import People
from claims.records import Entity

__all__ = ["find_entities", "number_value"]

_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_SCALE = r"(?:\s*(?:million|billion|trillion|bn|m|k)\b)?"
_WORDNUM = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "thousand": 1000, "dozen": 12, "half": 0.5, "third": 1 / 3, "quarter": 0.25,
    "twice": 2, "double": 2, "triple": 3, "thrice": 3,
}
_CURRENCY = {"£": "GBP", "$": "USD", "€": "EUR", "euro": "EUR", "euros": "EUR", "dollar": "USD",
             "dollars": "USD", "pound": "GBP", "pounds": "GBP", "cent": "cents", "cents": "cents",
             "pence": "pence", "penny": "pence", "p": "pence"}
_PERCENT = re.compile(rf"(?<![\w.])({_NUM})\s*(percentage points?|per ?cent|%)")
_MONEY = re.compile(rf"([£$€])\s?({_NUM}){_SCALE}|(?<![\w.])({_NUM}){_SCALE}(?:\s+(euros?|dollars?|pounds?|cents?|pence|penny)|(p))\b")
_RATE = re.compile(
    rf"(?:(?<![\w.])(?P<num>{_NUM})\s+(?P<noun>(?:[a-z-]+\s+){{0,3}}?))?(?<![\w-])per\s+"
    r"(?P<per>capita|head|person|household|resident|inhabitant|pupil|patient|litre|liter|kilo|kilogram|"
    r"kilometre|mile|day|week|month|year|hour|night|(?:\d{1,3}(?:,\d{3})+|\d+)\s+[a-z]+)\b"
)
_NUMBER = re.compile(rf"(?<![\w.,/:])({_NUM})(?!\.\d|,\d){_SCALE}(?P<unit>°?[CF]\b|\s*(?:mph|kph|km/h|mpg|dB|decibels|degrees|km|kilometres|kilometers|miles|kg|tonnes|tons|GW|MW|kWh|hours|minutes|seconds|weeks|days|months|years|decades)\b)?(?![\w/:])")
_WORD_NUMBER = re.compile(
    r"\b(?:one|two|three|four|a) in (?:two|three|four|five|six|seven|eight|nine|ten|\d{1,3})\b(?![.,]\d)|\b(?:a|one|two) (?:third|quarter|half)s?\b|"
    r"\b(" + "|".join(w for w in _WORDNUM if w not in ("one", "half", "third", "quarter", "hundred", "thousand")) + r")\b"
    r"(?P<unit>\s+(?:times|hours|minutes|seconds|days|weeks|months|years|decades|centuries))?",
    re.I,
)
_ONE_IN_DIGITS = re.compile(r"\b(?:one|two|three|four|a) in \d{1,3}\b(?![.,]\d)", re.I)
_NOT_ORG_ACRONYMS = {"GDP", "GNP", "CPI", "VAT", "CEO", "CFO", "TV", "PM", "MP", "AM", "II", "III", "IV", "US", "UK", "DNA", "ID", "OK"}
_CAP_RUN = re.compile(r"[A-Z][\w'’&.-]*(?:\s+(?:(?:of|for|and|on|the|de|du|des)\s+)*[A-Z][\w'’&-]*)*")
_MULTI_PLACES = {"United States", "United Kingdom", "Middle East", "North Sea", "Baltic Sea", "Black Sea", "South Africa", "New Zealand", "Saudi Arabia", "Hong Kong", "Costa Rica", "The Hague"}
_EVENT_WORDS = {"War", "Wars", "Terror", "Crisis", "Revolution", "Pandemic", "Depression", "Games", "Olympics"}
_LABEL_BEFORE = re.compile(r"(?:Article|Articles|No\.|Nos\.|Section|Chapter|Clause|Room|Page|Paragraph|Rule|Resolution|Level|Category|Stage|Phase|Grade|Class|Route|Gate|Platform|World War|Title)\s+$", re.I)
_ACRONYM = re.compile(r"(?<![\w.])([A-Z]{2,6})(?![\w.])")


def number_value(text: str) -> str | None:
    """A plain number for "6.2 million", "14,000", "two"; None if not a number."""
    m = re.match(rf"({_NUM})\s*(million|billion|trillion|bn|m|k)?$", text.strip(), re.I)
    if m:
        v = float(m.group(1).replace(",", ""))
        scale = (m.group(2) or "").lower()
        v *= {"million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "trillion": 1e12, "k": 1e3}.get(scale, 1)
        return _fmt(v)
    word = text.strip().lower()
    fr = re.match(r"(one|two|three|four|a) in (\w+)$", word)
    if fr:
        k = 1 if fr.group(1) == "a" else _WORDNUM.get(fr.group(1), 1)
        n = int(fr.group(2)) if fr.group(2).isdigit() else _WORDNUM.get(fr.group(2))
        if n:
            return _fmt(k / n)
    frac = re.match(r"(?:a|one|two) (third|quarter|half)s?$", word)
    if frac:
        k = 2 if word.startswith("two") else 1
        return _fmt(k * _WORDNUM[frac.group(1)])
    if word in _WORDNUM:
        return _fmt(_WORDNUM[word])
    return None


def _fmt(v: float) -> str:
    return str(int(v)) if abs(v - round(v)) < 1e-9 else f"{v:.4g}"


def find_entities(
    original: str,
    start: int,
    end: int,
    *,
    people: People,
    abbreviations: dict[str, Abbreviation],
    published: datetime | None,
) -> list[Entity]:
    """Entities in ``original[start:end]`` with article offsets, sorted by start."""
    sent = original[start:end]
    out: list[Entity] = []
    taken: list[tuple[int, int]] = []

    def add(kind: str, s: int, e: int, value: str | None = None, unit: str | None = None, *, overlap: bool = False) -> None:
        if not overlap and any(s < te and ts < e for ts, te in taken):
            return
        taken.append((s, e))
        out.append(Entity(kind, sent[s:e], start + s, start + e, value, unit))

    for d in find_dates(sent, published):
        if d.text.lower() in ("may",):
            continue
        add("DATE", d.start, d.end, d.value)
    for m in _PERCENT.finditer(sent):
        unit: str | None = "percentage points" if m.group(2).startswith("percentage") else "%"
        add("PERCENT", m.start(), m.end(), number_value(m.group(1)), unit)
    for m in _MONEY.finditer(sent):
        if m.group(1):
            amount = m.group(0)[1:].strip()
            add("MONEY", m.start(), m.end(), number_value(amount), _CURRENCY[m.group(1)])
        else:
            unit = m.group(4) or m.group(5)
            amount = m.group(0)[: (m.start(4) if m.group(4) else m.start(5)) - m.start()].strip()
            add("MONEY", m.start(), m.end(), number_value(amount), _CURRENCY[unit.lower()])
    for m in _RATE.finditer(sent):
        if m.group("num"):
            unit = f"{m.group('noun')}per {m.group('per')}".strip()
            add("RATE", m.start(), m.end(), number_value(m.group("num")), unit, overlap=True)
        else:
            s = m.start("per") - 4
            add("RATE", s, m.end(), None, f"per {m.group('per')}", overlap=True)
    for m in _ONE_IN_DIGITS.finditer(sent):  # "one in 12" before the bare "12"
        add("NUMBER", m.start(), m.end(), number_value(m.group(0)))
    for m in _NUMBER.finditer(sent):
        if _LABEL_BEFORE.search(sent[: m.start()]):
            continue
        unit = (m.group("unit") or "").strip() or None
        text = m.group(0)[: m.start("unit") - m.start()] if unit else m.group(0)
        add("NUMBER", m.start(), m.end(), number_value(text), unit)
    for m in _WORD_NUMBER.finditer(sent):
        if re.match(r"\s+o['’]clock", sent[m.end():]):
            continue  # "seven o'clock" is a time of day
        unit = (m.group("unit") or "").strip() or None
        text = m.group(0)[: m.start("unit") - m.start()] if unit else m.group(0)
        add("NUMBER", m.start(), m.end(), number_value(text), unit)

    for mention in people.mentions:
        if start <= mention.start and mention.end <= end:
            add("PERSON", mention.start - start, mention.end - start, mention.person.name)
    for abbr, a in abbreviations.items():
        for m in re.finditer(rf"(?<![\w]){re.escape(abbr)}(?!\w)", sent):
            if start + m.start() - 1 >= 0 and original[start + m.start() - 1] == "(":
                continue
            add("ORG", m.start(), m.end(), a.long)
        i = sent.find(a.long)
        if i >= 0:
            add("ORG", i, i + len(a.long), abbr)
    for m in _CAP_RUN.finditer(sent):
        text = m.group(0).rstrip(".")
        s, e = m.start(), m.start() + len(text)
        words = text.split()
        while words and words[0] in NOT_NAME_WORDS | {"The", "A", "An"}:
            s += len(words[0]) + 1
            words = words[1:]
        while words and words[-1] in {"of", "for", "and", "on", "the"}:
            words = words[:-1]
        if not words:
            continue
        e = s + len(" ".join(words))
        bare = [re.sub(r"['’]s$", "", w) for w in words]
        if any(w in _EVENT_WORDS for w in bare):
            continue
        joined = " ".join(bare)
        if any(p in joined for p in _MULTI_PLACES):
            for p in _MULTI_PLACES:
                i = sent.find(p, s, e + 1)
                if i >= 0:
                    add("PLACE", i, i + len(p))
            continue
        if any(w in ORG_WORDS for w in bare) and bare[-1] not in {"Act", "Treaty", "Rules", "Regulations", "Rights"}:
            add("ORG", s, e)
        elif any(w in PLACE_WORDS for w in bare) and len(words) > 1 or all(w in COUNTRIES_AND_PLACES for w in bare):
            if words[-1].endswith(("'s", "’s")):
                e -= 2
            add("PLACE", s, e)
    for m in re.finditer(r"\bU\.[SK]\.", sent):
        add("PLACE", m.start(), m.end())
    for m in re.finditer(r"\b(?:in|near|from|at|to|of|across|outside)\s+([A-Z][a-z]+)\b", sent):
        w = m.group(1)
        if w in NOT_NAME_WORDS or w in ORG_WORDS or w in TITLE_WORDS or w in _EVENT_WORDS or any(p.surname == w for p in people.persons):
            continue
        add("PLACE", m.start(1), m.end(1))
    for m in _ACRONYM.finditer(sent):
        if m.group(1) not in _NOT_ORG_ACRONYMS:
            add("ORG", m.start(), m.end())
    for w in re.finditer(r"\b[A-Z][a-z]+\b", sent):
        if w.group(0) in COUNTRIES_AND_PLACES:
            add("PLACE", w.start(), w.end())
    out.sort(key=lambda x: (x.start, x.end))
    return out
