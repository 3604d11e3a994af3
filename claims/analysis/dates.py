"""Dates: find absolute and relative date expressions; resolve relative ones.

Relative expressions ("on Thursday", "last year", "earlier this month") are
resolved against the article's ``published`` date.  Direction for weekdays and
bare month names follows the sentence's tense: future cues ("will", "expected
to", "next") pick the next occurrence, anything else the latest one.

Resolved dates are written as ``D Month YYYY`` ("26 June 2025"), months as
``Month YYYY`` and years as ``YYYY``; ``Date.value`` holds the ISO form
(``2025-06-26``, ``2025-06``, ``2025``; weeks as the ISO date of their Monday).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from claims.analysis.lexicon import IRREGULAR_PAST, MONTHS, WEEKDAYS

__all__ = ["DateMatch", "find_dates", "format_day", "is_future", "rewrite_dates"]

_MONTH_RE = "|".join(MONTHS)
_MONTH_ABBR = r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
_DAY_RE = "|".join(WEEKDAYS)
_NUMWORD = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10}

_FUTURE = re.compile(
    r"\b(will|won't|shall|going to|expected to|expects?|set to|plans? to|due (?:on|in|to)|"
    r"scheduled|upcoming|would|predicts?|predicted|forecasts?|likely|aims? to|intends? to|"
    r"(?:runs|starts|begins|opens|kicks off|takes place|resumes)\s+(?:from|on|this|next))\b",
    re.I,
)

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # "March last year", "3 April next year": one date, not a month plus a year.
    ("month_rel_year", re.compile(rf"\b(?:(\d{{1,2}})(?:st|nd|rd|th)? )?({_MONTH_RE}) (?:of )?((?i:last|next|this)) (?i:year)\b(?!['’]s)")),
    ("dmy", re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)? ({_MONTH_RE}),? (\d{{4}})\b")),
    ("mdy", re.compile(rf"\b({_MONTH_RE}) (\d{{1,2}})(?:st|nd|rd|th)?, (\d{{4}})\b")),
    ("my", re.compile(rf"\b({_MONTH_RE}) (\d{{4}})\b")),
    ("dm", re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)? ({_MONTH_RE})\b(?!,? \d{{4}})")),
    ("md", re.compile(rf"\b({_MONTH_RE}) (\d{{1,2}})(?:st|nd|rd|th)?\b(?!,? \d{{4}})(?![\d,])")),
    ("mabbr", re.compile(rf"\b({_MONTH_ABBR})\. (\d{{1,2}})(?:, (\d{{4}}))?\b")),
    ("nine11", re.compile(r"(?<![\w/])9/11\b")),
    ("decade", re.compile(r"\b(?:the )?((?:1[89]|20)\d0)s\b")),
    # Only the modifier ignores case: "this may mean" is the verb, "this May" the month.
    ("rel_month", re.compile(rf"\b((?i:next|last|this)) ({_MONTH_RE})\b(?! \d)")),
    ("rel_week", re.compile(r"\b(?:(earlier|later) )?(this|last|next) (week|month|year)\b(?!['’]s)", re.I)),
    ("ago", re.compile(r"(?<![\d,.])\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,4}) (years?|months?|weeks?|days?) ago\b", re.I)),
    ("dayword", re.compile(r"\b(yesterday|today|tomorrow)\b", re.I)),
    ("weekday", re.compile(rf"\b({_DAY_RE})\b(?!['’]s)")),
    ("month", re.compile(rf"\b({_MONTH_RE})\b(?! \d)")),
    ("year", re.compile(r"(?<![\d,.$€£/:-])((?:1[89]|20)\d\d)(?!\d|,\d|\.\d|\s*(?:percent|per cent|%))\b")),
]


_PAST_VERB = rf"(?:{'|'.join(sorted(IRREGULAR_PAST))}|\w+ed)"
_PAST_CUE = re.compile(rf"\b{_PAST_VERB}\b", re.I)


@dataclass
class DateMatch:
    """A date expression at ``start:end`` of the scanned text."""

    start: int
    end: int
    text: str
    value: str | None  # ISO form when known
    replacement: str | None = None  # absolute wording for a relative expression


def format_day(d: date) -> str:
    """``26 June 2025``: the one format used in normalized claims."""
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def is_future(text: str) -> bool:
    """Whether ``text`` talks about the future (used for direction of weekdays/months)."""
    return bool(_FUTURE.search(text))


_PAST_ONLY_BEFORE = re.compile(r"\b(?:since|last|ago|earlier)\s+$", re.I)
_FUTURE_ONLY_BEFORE = re.compile(r"\b(?:next|until|till|coming)\s+$", re.I)
_PERFECT = re.compile(
    r"\b(?:has|have|had)\s+(?:not\s+|already\s+|now\s+|just\s+)?(?:been|\w+ed|\w+en|made|taken|seen|done|got|"
    r"paid|spent|built|cut|put|set|kept|held|brought|bought|sold|told|found|lost|won|met|left|run)\b",
    re.I,
)


_GENERIC = re.compile(
    r"\b(?:never|ever|every|usually|always|normally|often|rarely|each|anyone|anybody|annually|must|shall|may only|typical|typically)\b", re.I)


def _today_is_an_event(text: str, start: int, end: int) -> bool:
    """Whether ``today`` dates an event (``announced today``, ``will meet today``), not the present state."""
    left = max(text.rfind(",", 0, start), text.rfind(";", 0, start), text.rfind(".", 0, start))
    after = end + 1 if text[end:end + 1] == "," else end  # "Today, we signed ...": the clause after the comma
    rights = [i for i in (text.find(",", after), text.find(";", after), text.find(".", after)) if i >= 0]
    clause = text[left + 1:start] + " " + text[end:min(rights) if rights else len(text)]
    if _FUTURE.search(clause):
        return True
    return bool(re.search(rf"\b(?!had\b){_PAST_VERB}\b", clause, re.I)
                and not re.search(r"\b(?:has|have|is|are)\s+(?:\w+ed|said|done|made|seen|given|taken|been|become|written|spoken|told|shown)\b",
                                  clause, re.I))


def _local_tense(text: str, start: int) -> bool | None:
    """Tense fixed by the words right before a date, whatever the clause says.

    ``since January`` is past; ``until March`` future; ``a law passed by
    parliament on Thursday`` is past even in a sentence about what *will* happen.
    """
    before = text[max(0, start - 50):start]
    if _PAST_ONLY_BEFORE.search(before):
        return False
    if _FUTURE_ONLY_BEFORE.search(before):
        return True
    words = re.findall(r"[\w'’]+", before)[-4:]
    near = " ".join(words)
    if _FUTURE.search(near) or re.search(r"\b(?:be|being|to)\s+\w+\b", near, re.I):
        return None
    if re.search(r"\b(?:will|would|shall|to|must|could|may)\s+(?:not\s+)?be\s+\w+", before):
        return None  # "will be held at the town hall on ...": a passive future, the clause decides
    # "passed by parliament on", "signed on", "held in": a participle or past verb governs the date.
    m = re.search(r"\b(\w+ed|held|signed|passed|made|taken|won|lost|paid|sold|met|built)\b(?:\s+(?:by|in|at|to)\s+[\w'’ ]{1,25}?)?\s+(?:on|in|at|last)?\s*$", before, re.I)
    if m and m.group(1).lower() not in ("need", "needed", "expected", "scheduled", "planned", "proposed", "due"):
        return False
    return None


def _clause_future(text: str, start: int, end: int, default: bool | None) -> bool | None:
    """Tense around a date: the words right before it, then the clause it sits in decide;
    else ``default``; else the whole text.

    None when nothing marks the tense ("The scheme opens on 3 November").
    """
    local = _local_tense(text, start)
    if local is not None:
        return local
    left = max(text.rfind(",", 0, start), text.rfind(";", 0, start))
    right_candidates = [i for i in (text.find(",", end), text.find(";", end)) if i >= 0]
    right = min(right_candidates) if right_candidates else len(text)
    # "cut its rate on Thursday and signalled that further cuts were likely": each verb phrase its own clause
    joins = [mm for mm in re.finditer(r"\s(?:and|but|that)\s", text[left + 1:right])]
    for mm in joins:
        pos = left + 1 + mm.start()
        if pos < start:
            left = pos
        elif pos >= end:
            right = pos
            break
    clause = text[left + 1:right]
    if _FUTURE.search(clause):
        return True
    if _PAST_CUE.search(clause) or _PERFECT.search(clause):
        return False
    if default is not None:
        return default
    if is_future(text):
        return True
    if _PAST_CUE.search(text):
        return False
    return None


def _month_index(name: str) -> int:
    return MONTHS.index(name) + 1


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    m = year * 12 + (month - 1) + delta
    return m // 12, m % 12 + 1


def _pick_year(pub: date, month: int, day: int, future: bool | None) -> int:
    """Year of a day/month without one: next or latest occurrence, or the nearest if tense is unknown."""
    if future is None:
        candidates = []
        for y in (pub.year - 1, pub.year, pub.year + 1):
            try:
                candidates.append((abs((date(y, month, min(day, 28)) - pub).days), y))
            except ValueError:
                continue
        return min(candidates)[1]
    if future and (month, day) < (pub.month, pub.day):
        return pub.year + 1
    if not future and (month, day) > (pub.month, pub.day):
        return pub.year - 1
    return pub.year


def _resolve_relative(kind: str, m: re.Match[str], pub: date | None, future: bool | None) -> tuple[str | None, str | None]:
    """(ISO value, replacement) of a relative expression; (None, None) if unresolvable."""
    if pub is None:
        return None, None
    if kind == "rel_week":
        edge, which, unit = (m.group(1) or "").lower(), m.group(2).lower(), m.group(3).lower()
        delta = {"this": 0, "last": -1, "next": 1}[which]
        prefix = f"{edge} in " if edge else ""
        if unit == "year":
            y = pub.year + delta
            return str(y), f"{prefix}{y}" if edge else str(y)
        if unit == "month":
            y, mo = _shift_month(pub.year, pub.month, delta)
            words = f"{MONTHS[mo - 1]} {y}"
            return f"{y:04d}-{mo:02d}", f"{prefix}{words}" if edge else words
        monday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=delta)
        words = f"the week of {format_day(monday)}"
        return monday.isoformat(), f"{prefix}{words}" if edge else words
    if kind == "month_rel_year":
        y = pub.year + {"this": 0, "last": -1, "next": 1}[m.group(3).lower()]
        mo = _month_index(m.group(2).capitalize())
        if m.group(1):
            try:
                return date(y, mo, int(m.group(1))).isoformat(), f"{int(m.group(1))} {MONTHS[mo - 1]} {y}"
            except ValueError:
                return None, None
        return f"{y:04d}-{mo:02d}", f"{MONTHS[mo - 1]} {y}"
    if kind == "rel_month":
        which, mo = m.group(1).lower(), _month_index(m.group(2).capitalize())
        if which == "next":  # the first such month after the publication month
            y = pub.year + (1 if mo <= pub.month else 0)
        elif which == "last":  # the latest such month before the publication month
            y = pub.year - (1 if mo >= pub.month else 0)
        else:
            y = pub.year
        return f"{y:04d}-{mo:02d}", f"{MONTHS[mo - 1]} {y}"
    if kind == "ago":
        raw = m.group(1).lower()
        n = _NUMWORD.get(raw) or int(raw)
        unit = m.group(2).lower().rstrip("s")
        if unit == "year":
            return str(pub.year - n), str(pub.year - n)
        if unit == "month":
            y, mo = _shift_month(pub.year, pub.month, -n)
            return f"{y:04d}-{mo:02d}", f"{MONTHS[mo - 1]} {y}"
        try:
            d = pub - timedelta(days=n * (7 if unit == "week" else 1))
        except OverflowError:
            return None, None
        return d.isoformat(), format_day(d)
    if kind == "dayword":
        if m.group(1).lower() == "today" and re.search(r"(?:[\d£$€%]|percent|per cent)\S*\s+$", m.string[max(0, m.start() - 20):m.start()]):
            return None, None  # "to £186 today": today as "now", not a dated event
        if m.group(1).lower() == "today" and not _today_is_an_event(m.string, m.start(), m.end()):
            return None, None  # "Today this airport is full": the present state, not a dated event
        d = pub + timedelta(days={"yesterday": -1, "today": 0, "tomorrow": 1}[m.group(1).lower()])
        return d.isoformat(), format_day(d)
    if kind == "weekday":
        if re.search(r"\b(?:the|a|every|each|my|our|his|her|their|its|worst|best|first|favourite|only|\w+est)\s+$", m.string[max(0, m.start() - 12):m.start()]):
            return None, None  # "the Tuesday queue", "every Friday", "my worst Sunday": not a date
        wd = WEEKDAYS.index(m.group(1))
        if future:
            d = pub + timedelta(days=(wd - pub.weekday()) % 7 or 7)
        else:
            d = pub - timedelta(days=(pub.weekday() - wd) % 7)
        return d.isoformat(), format_day(d)
    if kind == "month":
        clause = re.split(r"[,;.!?]", m.string[:m.start()])[-1]
        if _GENERIC.search(clause):
            return None, None  # "I have never seen hail in July": a month in general, not a dated one
        mo = _month_index(m.group(1))
        y = _pick_year(pub, mo, 15 if future is None else (1 if future else 28), future)
        if future is not None:
            y = pub.year + (1 if future and mo < pub.month else 0) - (1 if not future and mo > pub.month else 0)
        before = m.string[max(0, m.start() - 12):m.start()]
        words = f"{m.group(1)} {y}"
        if not re.search(r"\b(?:in|from|until|till|by|since|on|of|during|before|after|early|late|mid|last|next|this|between|and|to|through)\s+$", before, re.I):
            return f"{y:04d}-{mo:02d}", None
        return f"{y:04d}-{mo:02d}", words
    if kind in ("dm", "md"):
        if _GENERIC.search(re.split(r"[,;.!?]", m.string[:m.start()])[-1]):
            return None, None  # "must publish their rents by 1 March": every year, not one date
        day_s, mon = (m.group(1), m.group(2)) if kind == "dm" else (m.group(2), m.group(1))
        mo, day = _month_index(mon), int(day_s)
        y = _pick_year(pub, mo, day, future)
        try:
            d = date(y, mo, day)
        except ValueError:
            return None, None
        return d.isoformat(), format_day(d)
    return None, None


def _absolute_value(kind: str, m: re.Match[str]) -> str | None:
    """ISO value of an absolute expression."""
    try:
        if kind == "dmy":
            return date(int(m.group(3)), _month_index(m.group(2)), int(m.group(1))).isoformat()
        if kind == "mdy":
            return date(int(m.group(3)), _month_index(m.group(1)), int(m.group(2))).isoformat()
    except ValueError:
        return None
    if kind == "my":
        return f"{int(m.group(2)):04d}-{_month_index(m.group(1)):02d}"
    if kind == "nine11":
        return "2001-09-11"
    if kind == "decade":
        return m.group(1) + "s"
    if kind == "year":
        return m.group(1)
    return None


def find_dates(text: str, published: datetime | date | None = None, *, future: bool | None = None) -> list[DateMatch]:
    """Every date expression in ``text``, left to right, without overlaps."""
    pub = published.date() if isinstance(published, datetime) else published
    taken: list[tuple[int, int]] = []
    found: list[DateMatch] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            if kind == "mabbr":
                value = None
            elif kind in ("month_rel_year", "rel_month", "rel_week", "ago", "dayword", "weekday", "month", "dm", "md"):
                value, repl = _resolve_relative(kind, m, pub, _clause_future(text, m.start(), m.end(), future))
                taken.append((m.start(), m.end()))
                found.append(DateMatch(m.start(), m.end(), m.group(0), value, repl))
                continue
            else:
                value = _absolute_value(kind, m)
            taken.append((m.start(), m.end()))
            found.append(DateMatch(m.start(), m.end(), m.group(0), value, None))
    found.sort(key=lambda d: d.start)
    _order_ranges(text, found)
    return found


def _order_ranges(text: str, found: list[DateMatch]) -> None:
    """``from Friday to Monday``: the end of a weekday range is the first such day after its start."""
    for a, b in zip(found, found[1:], strict=False):
        if not (a.value and b.value and len(a.value) == 10 and len(b.value) == 10):
            continue
        if a.text not in WEEKDAYS or b.text not in WEEKDAYS:
            continue
        if not re.fullmatch(r"\s*(?:to|until|till|-|–|and)\s*", text[a.end:b.start]):
            continue
        start = date.fromisoformat(a.value)
        end = start + timedelta(days=(WEEKDAYS.index(b.text) - start.weekday()) % 7 or 7)
        b.value = end.isoformat()
        if b.replacement is not None:
            b.replacement = format_day(end)


_PREPOSITIONS = ("since", "until", "till", "from", "by", "before", "after", "to", "of", "in", "between", "and", "through")


def rewrite_dates(text: str, published: datetime | date | None, *, future: bool | None = None) -> str:
    """``text`` with relative dates replaced by absolute ones (see module docstring).

    "last year" becomes "in 2024" (or "2024" after a preposition), "on Thursday"
    becomes "on 26 June 2025", "earlier this month" becomes "earlier in June 2025".
    Unchanged when ``published`` is None.
    """
    if published is None:
        return text
    out: list[str] = []
    pos = 0
    for d in find_dates(text, published, future=future):
        if d.replacement is None:
            continue
        before = text[pos:d.start]
        repl = d.replacement
        prev_word = re.search(r"(\w+)\s*$", before)
        prev = prev_word.group(1).lower() if prev_word else ""
        relative_phrase = re.match(r"(?i)(?:earlier |later )?(?:this|last|next) |\w+ \w+ ago|yesterday|today|tomorrow", d.text)
        in_range = prev == "and" and re.search(r"\bbetween\b", text[max(0, d.start - 40):d.start])
        if prev == "and" and not in_range:
            prev = ""  # "and this year I found three": "and" is not a preposition here
        if relative_phrase and not repl.startswith(("earlier", "later")):
            if re.fullmatch(r"\d{4}|[A-Z][a-z]+ \d{4}|the week of .*", repl) and prev not in _PREPOSITIONS:
                repl = "in " + repl
            elif re.fullmatch(r"\d{1,2} [A-Z][a-z]+ \d{4}", repl) and prev not in _PREPOSITIONS + ("on",):
                repl = "on " + repl
        out.append(before)
        out.append(repl)
        pos = d.end
    out.append(text[pos:])
    return "".join(out)
