"""Parts: decompose quantity and comparison claims into roles.

Roles: ``subject`` (who/what the claim is about), ``metric`` (what is
measured), ``value`` (the number as written), ``comparator`` (``equal``,
``more``, ``less``, ``most``, ``least``, ``increase``, ``decrease``),
``object`` (what the subject is compared with) and ``period`` (when).

The rules read the normalized claim.  For ``as many N per capita as Y`` the
metric is ``N <past verb> per capita`` ("soldiers lost per capita").  When a
claim has no period of its own, a named period in the sentence just before it
("the War on Terror") is used.  Offsets point at the article span each part
was derived from (the whole sentence when no closer span is found).
"""

from __future__ import annotations

import re

from claims.records import ClaimPart, Entity

__all__ = ["decompose"]

_VERB = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|shall|should|lost|won|"
    r"rose|fell|reached|stood|spends?|spent|carries|carry|carried|raised|generated|produces?|produced|"
    r"attracts?|attracted|supplied|supplies|found|recorded|reported|costs?|hit|remained|remains|"
    r"employs?|received|trains?|trained|mobilise|mobilize|shares?|kept|keeps?|grew|grows?|increased|"
    r"decreased|dropped|declined|climbed|doubled|halved|cut|cuts|set|broke|finished|started|scored|"
    r"took|takes|lives|live|feed|feeds|brings|bring|fell|accounts?|accounted|makes?|made|gets?|got|"
    r"sells?|sold|buys?|bought|pays?|paid|earns?|earned|owns?|owned|holds?|held|counts?|expects?|"
    r"plans?|says?|forecasts?|predicts?|reach|reaches|stands?|needs?|wants?|spreads?|waits?|"
    r"generates?|supplies|ran|runs|sat|saw|began|became|gave|went|came|told|left|led|brought|wrote|spoke|drove|"
    r"knew|thought|felt|met|loses|\w+ed)\b"
)
_PAST = re.compile(r"\b(?:lost|won|spent|kept|took|made|got|sold|bought|paid|held|grew|cut|\w+ed)\b")
_COPULA = {"is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could"}
_EVENT = re.compile(
    r"\b(?:the\s+)?((?:[A-Z][\w’'-]*\s+)*(?:War|Crisis|Revolution|Games|Olympics|Pandemic|Depression)"
    r"(?:\s+(?:on|of|in)\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)?(?:\s+(?:I|II|III))?)"
    r"|\bthe (pandemic|financial crisis|Cold War)\b"
)
_PERIOD = re.compile(
    r"\b(?:in\s+|at\s+|by\s+)?(the\s+(?:year|12 months|twelve months|three months|quarter|six months)\s+to|the end of)\s+"
    r"((?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{4})|"
    r"\b((?i:since|between|in|during|from|by|until|over|after|before))\s+"
    r"((?:\d{1,2}\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December)?\s?"
    r"(?:(?:early|late|mid-)\s?)?(?:1[5-9]\d\d|20\d\d)(?:\s+and\s+(?:1[5-9]\d\d|20\d\d))?|the\s+(?:1[89]|20)\d0s|9/11)|"
    r"\b((?:over|in|within|during)\s+(?:the (?:past|last|next) (?:\w+ )?(?:years?|decades?|months?)|"
    r"(?:two|three|four|five|six|seven|eight|nine|ten|\d+) (?:years|months|decades)(?! ago)))\b"
)
_OBJECT_END = re.compile(
    r"(?:,\s+(?:the|a|but|while|according|down|up|which|and then|compared)\b|;|\s+(?:since|in \d|last|this|over|during|because|according)\b|$)"
)


def _find(original: str, sent_start: int, sent_end: int, text: str) -> tuple[int | None, int | None]:
    """Article offsets of ``text`` inside the sentence (case-insensitive), else the sentence span."""
    if not text:
        return None, None
    segment = original[sent_start:sent_end]
    low = segment.lower()
    if len(low) != len(segment):  # lower-casing changed the length (rare): offsets would drift
        low = segment
    i = low.find(text.lower())
    if i >= 0:
        return sent_start + i, sent_start + i + len(text)
    i = low.find(text.split()[0].lower())
    if i >= 0:
        return sent_start + i, min(sent_end, sent_start + i + len(text))
    return sent_start, sent_end


def _strip_the(text: str) -> str:
    text = re.sub(r"^(?:in|at|for|on|with)\s+", "", text.strip(" ,."))
    return re.sub(r"^(?:the|The)\s+", "", text)


def _subject(claim: str) -> tuple[str, re.Match[str] | None]:
    claim = re.sub(r",\s+(?:which|who|whose|a|an|the)\b[^,]*,", lambda m: " " * len(m.group(0)), claim)
    claim = re.sub(r",\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+(?:,\s+\d{1,3})?,", lambda m: " " * len(m.group(0)), claim)
    claim = re.sub(r"^(?:Under|According to|In|On|After|Before|During|Since|By|Once|When|If|Although|While|As|Because)\b[^,]*,\s+",
                   lambda m: " " * len(m.group(0)), claim)
    for m in _VERB.finditer(claim):
        if m.start() == 0:
            continue
        rest = claim[m.end():]
        word = m.group(0).lower()
        if word in ("speed", "seed", "breed", "greed", "deed", "weed", "steed") or m.group(0)[:1].isupper():
            continue  # "speed limit", "Tomas Reed": not verbs
        if word.endswith("ed") and re.search(r"\b(?:the|a|an|most|least|new|its|their|his|her|our|more|less|very|well|"
                                              r"badly|poorly|fully|newly|recently|once|twice|heavily|highly|so)\s+$", claim[: m.start()], re.I):
            continue  # "the most disadvantaged areas", "new armoured vehicle": an adjective
        if word not in _COPULA and re.match(r"\s+(?:have|has|had|are|were|is|was|will|would|could|can|may|might|must)\b", rest):
            continue  # "My mortgage costs have doubled": the noun before an auxiliary is not the verb
        if (_PAST.fullmatch(word) and re.match(r"\s+(?:by|for|from|under|on|to\s+(?:the|a|an|its|their|\w+s)\b)\b", rest)
                and _VERB.search(rest)):
            continue  # "The hourly rate paid to providers would rise": a reduced relative clause
        subj = re.sub(r"\s+", " ", claim[: m.start()]).strip()
        if not subj or re.fullmatch(r"(?:the|a|an|its|their|his|her|our|this|these|those|some|all)", subj, re.I):
            continue
        subj = re.sub(r"\s+(?:already|now|also|still|only|just|even|currently|again|previously)$", "", subj)
        subj = re.sub(r"^(?:About|Around|Almost|Nearly|Some|Roughly)\s+", "", subj)
        # A time adjunct is the period, not the subject: "Rainfall in the valley since January 2026".
        subj = re.sub(r"\s+(?:since|during|between|until|over|last|this)\s+(?:[\w-]+\s+){0,2}?"
                      r"(?:\d{4}|January|February|March|April|May|June|July|August|September|October|November|"
                      r"December|year|month|week|decade)\b.*$", "", subj)
        return subj, m
    return "", None


def _comparator(claim: str) -> tuple[str | None, str | None, str | None, int | None]:
    """(comparator, metric, object, where) from the comparison wording."""
    m = re.search(r"\bas (?:many|much|few|little)\s+(?P<metric>[\w\s-]+?)\s+as\s+(?P<obj>.+)$", claim)
    if m:
        obj = _OBJECT_END.split(m.group("obj"), maxsplit=1)[0]
        return "equal", m.group("metric"), obj, m.start()
    m = re.search(r"\bas\s+(?!well\b|soon\b|far\b|long\b|such\b|many\b|much\b)(?P<adj>[a-z]+)\s+as\s+(?P<obj>.+)$", claim)
    if m and not re.search(r"\b(?:twice|times|half)\s+as\s*$", claim[: m.start() + 3]):
        obj = _OBJECT_END.split(m.group("obj"), maxsplit=1)[0]
        return "equal", None, obj, m.start()
    m = re.search(r"\b(?:twice|three times|four times|\w+ times)\s+as\s+(?:many|much|high|likely|large)?\s*(?P<metric>[\w\s-]*?)\s*as\s+(?P<obj>.+)$", claim)
    if m:
        obj = _OBJECT_END.split(m.group("obj"), maxsplit=1)[0]
        return "more", m.group("metric") or None, obj, m.start()
    m = re.search(
        r"\b(?P<cmp>(?i:more|greater|higher|larger|bigger|faster|longer|less|fewer|lower|smaller|slower|shorter))"
        r"\s+(?P<metric>(?:[\w'’-]+\s+){0,7}?)than\s+(?P<obj>.+)$",
        claim,
    )
    if m:
        cmp = "more" if m.group("cmp").lower() in ("more", "greater", "higher", "larger", "bigger", "faster", "longer") else "less"
        if not m.group("metric").strip() and _BOUND.match(m.group("obj")):
            change = _CHANGE_VERB.search(claim[: m.start()])
            if change:  # "had gone up by more than £400": the change is the comparison
                return ("increase" if change.group("up") else "decrease"), None, None, change.start()
            return cmp, None, None, m.start()  # "fewer than one in five ...": a bound on the value, no object
        obj = _OBJECT_END.split(m.group("obj"), maxsplit=1)[0]
        return cmp, m.group("metric").strip() or None, obj, m.start()
    m = re.search(r"\b[\d.,]+\s*(?:percent|per cent|%)\s+(?P<cmp>more|less|higher|lower|fewer|bigger|smaller)\b(?!\s+(?:[\w'’-]+\s+){0,7}?than\b)", claim)
    if m:
        return ("more" if m.group("cmp") in ("more", "higher", "bigger") else "less"), None, None, m.start()
    m = re.search(r"\b(?P<cmp>more|less),\s+not\s+(?:less|more)\b", claim)
    if m:
        return m.group("cmp"), None, None, m.start()
    m = re.search(
        r"\b(?i:the|its|their|his|her|our|my)\s+(?P<cmp>highest|largest|biggest|most|longest|fastest|lowest|smallest|least|fewest|shortest|best|worst|"
        r"(?!(?:interest|harvest|protest|contest|request|forest|guest|honest|modest|earnest|rest|test|west|chest|quest)\b)[a-z]{2,}est)"
        r"\s+(?P<metric>(?:[\w’'-]+\s+){0,7}?[\w’'-]+?)?\s*(?:since|in|of|for|ever|by)\b",
        claim,
    )
    if m:
        cmp = "least" if m.group("cmp") in ("lowest", "smallest", "least", "fewest", "shortest") else "most"
        metric = m.group("metric") or None
        if m.group("cmp") not in ("highest", "largest", "biggest", "most", "longest", "fastest", "lowest", "smallest", "least", "fewest", "shortest"):
            metric = None  # "its wettest spring since 1979": the adjective is the measure, not a metric
        elif metric and re.search(r"\b(?:I|we|he|she|they|you|that|which|who)\b", metric):
            metric = None  # "the toughest budget I have had to set in 11 years": a clause, not a metric
        return cmp, metric, None, m.start()
    m = re.search(r"\bthe (?P<cmp>most|least)\s+(?!of\b|important\b|likely\b)[a-z]+(?:ed|ive|ible|able|ent|ant|ous|ic|al)\b", claim)
    if m:
        return m.group("cmp"), None, None, m.start()
    m = re.search(r"\b(?i:the|its|their|his|her)\s+(?:(?P<least>lowest|smallest|slowest|shortest|poorest|cheapest)|busiest|heaviest|"
                  r"earliest|wealthiest|richest|fastest|biggest|largest|highest|longest|best|worst|deadliest|costliest|hottest|"
                  r"coldest|wettest|driest|warmest)\b", claim)
    if m:
        return ("least" if m.group("least") else "most"), None, None, m.start()
    m = re.search(r"\bin line with\s+(?P<obj>(?:[^,;]|,(?=\d{3}\b))+)", claim)
    if m:
        return "equal", None, _OBJECT_END.split(m.group("obj"), maxsplit=1)[0], m.start()
    m = re.search(r"\b(?!(?:other|rather|whether|further|never|under|over|after|number|water|order|later|ever|per)\b)"
                  r"[a-z]{3,}er\s+than\s+(?P<obj>.+)$", claim)
    if m:
        return "more", None, _OBJECT_END.split(m.group("obj"), maxsplit=1)[0], m.start()
    m = re.search(r"\b(?:compared (?:with|to)|(?:well |far )?short of|(?:well |far )?above|(?:well |far )?below)\s+(?P<obj>(?:[^,;]|,(?=\d{3}\b))+)", claim)
    if m:
        obj = _OBJECT_END.split(m.group("obj"), maxsplit=1)[0]
        if "short of" in m.group(0) or "below" in m.group(0):
            return "less", None, obj, m.start()
        if "above" in m.group(0):
            return "more", None, obj, m.start()
        ours, theirs = _first_number(claim[: m.start()]), _first_number(obj)
        if ours is not None and theirs is not None and ours != theirs:
            return ("more" if ours > theirs else "less"), None, obj, m.start()
    m = re.search(r"\b(?:the|its|their) first\b(?:\s+[\w-]+){0,3}?\s+(?:to|since|in)\b", claim)
    if m:
        return "first", None, None, m.start()
    m = re.search(r"\bmost\s+(?:sharply|steeply|rapidly|quickly|slowly|strongly)\b", claim)
    if m:
        return "most", None, None, m.start()
    m = re.search(r"\bthe same as\b", claim)
    if m:
        return "equal", None, None, m.start()
    m = re.search(r"\b(?:down|up)\s+(?:by\s+)?[\d.,]+\s*(?:percent|per cent|%|percentage points?)", claim)
    if m and not re.search(r"\b(?:down|up) from\b", claim):
        return ("decrease" if m.group(0).startswith("down") else "increase"), None, None, m.start()
    m = re.search(r"\b(?:down|up) from\s+(?P<obj>(?:[^,;]|,(?=\d{3}\b))+)", claim)
    if m:
        cmp = "decrease" if m.group(0).startswith("down") else "increase"
        return cmp, None, m.group("obj"), m.start()
    m = re.search(r"\b(?P<verb>raised|raising|lifted|boosted|increased|cut|cutting|reduced|lowered|slashed)\s+"
                  r"(?:the\s+|its\s+|their\s+|our\s+)?(?P<metric>[a-z][\w'’ -]{2,40}?)\s+by\s+[\d£$€a-z]", claim)
    if m:
        up = m.group("verb") in ("raised", "raising", "lifted", "boosted", "increased")
        return ("increase" if up else "decrease"), m.group("metric"), None, m.start()
    m = re.search(r"\b(?:rose|risen|rises?|increased|increases?|climbed|grew|grown|grows?|went up|jumped|doubled|tripled|quadrupled|soared|surged)\b", claim)
    if m:
        return "increase", None, None, m.start()
    m = re.search(r"\b(?:fell|fallen|falls?|dropped|drops?|declined|declines?|decreased|decreases?|went down|halved|cut)\b", claim)
    if m:
        return "decrease", None, None, m.start()
    return None, None, None, None


_CHANGE_VERB = re.compile(
    r"\b(?:(?P<up>rose|risen|increased|climbed|grew|grown|gone up|went up|jumped|soared)|"
    r"fell|fallen|dropped|declined|decreased|gone down|went down|shrank|shrunk)\b"
)
_BOUND = re.compile(r"(?:about\s+|around\s+|almost\s+|nearly\s+)?(?:[\d£$€]|(?:one|two|three|four|a) in\b|a (?:third|quarter|fifth|half)\b|half\b)", re.I)
_STOP_NOUN = re.compile(
    r"^(?:per|than|in|of|on|at|for|from|to|by|a|an|the|each|every|as|and|or|but|since|between|during|"
    r"until|over|under|about|with|into|more|less|fewer|is|are|was|were|has|have|had|will|would|who|which|that|"
    r"down|up|last|this|next|year|years|month|months|day|days|week|weeks|time|times|earlier|later|ago|"
    r"now|already|also|only|just|still|again|combined|compared|respectively)$"
)


def _value_noun(claim: str, value_text: str) -> str | None:
    """The noun phrase measured by a value: "48 measles cases" -> "measles cases"."""
    i = claim.find(value_text)
    if i < 0:
        return None
    rest = claim[i + len(value_text):]
    whole = re.match(r"\s+of\s+(?:the|its|their|his|her|our)\s+[\d,]+\s+", rest)
    if whole:  # "41 of its 212 leavers", "88 of the 540 vehicles"
        rest = " " + rest[whole.end():]
    rest = re.sub(r"^\s+(?:of\s+)?(?:(?:the|their|its|his|her|our|all)\s+)?", " ", rest)
    words: list[str] = []
    for w in re.findall(r"[\w'’-]+|[^\w\s]", rest)[:6]:
        if not re.fullmatch(r"[a-z][\w'’-]*", w) or _STOP_NOUN.match(w):
            break
        if words and re.fullmatch(r"out|off|away|back|\w+ing|\w+ed|paid|held|sold|made|taken", w):
            break  # "swimmers paid", "children out", "drivers speeding": the verb after the noun
        words.append(w)
        if len(words) == 3:
            break
    if not words or words[0] in ("percent", "per", "percentage"):
        return None
    return " ".join(words)


def _first_number(text: str) -> float | None:
    m = re.search(r"\d[\d,]*(?:\.\d+)?", text)
    return float(m.group(0).replace(",", "")) if m else None


def _period(claim: str, previous: str | None) -> str | None:
    m = _PERIOD.search(claim)
    if m and m.group(1):
        return f"{m.group(1)} {m.group(2)}"  # "the year to March 2026"
    if m and m.group(5):
        return m.group(5)  # "over the next two years", "in three years"
    if m:
        prep, when = m.group(3).lower(), m.group(4).strip()
        return f"{prep} {when}" if prep in ("since", "between", "until", "after", "before") else when
    m = _EVENT.search(claim)
    if m:
        return m.group(1) or m.group(2)
    if previous:
        m = _EVENT.search(previous)
        if m:
            return m.group(1) or m.group(2)
    return None


def decompose(
    claim: str,
    types: list[str],
    entities: list[Entity],
    *,
    original: str,
    sent_start: int,
    sent_end: int,
    previous: tuple[int, int] | None = None,
) -> list[ClaimPart]:
    """Parts of a quantity/comparison claim (empty for other claims)."""
    if not {"quantity", "comparison"} & set(types):
        return []
    parts: list[ClaimPart] = []

    def add(role: str, text: str | None, span: tuple[int | None, int | None] | None = None) -> None:
        if not text:
            return
        text = text.strip(" ,")
        if not text:
            return
        s, e = span if span else _find(original, sent_start, sent_end, text)
        parts.append(ClaimPart(role, text, s, e))

    subject, verb = _subject(claim)
    comparator, metric, obj, _where = _comparator(claim)
    if subject:
        add("subject", subject)
    if comparator == "equal" and metric and verb is not None:
        rate = re.search(r"\s+(per\s+\w+(?:\s+\w+)?)$", metric)
        noun = metric[: rate.start()] if rate else metric
        v = verb.group(0)
        pieces = [noun.strip()]
        if v not in _COPULA and _PAST.fullmatch(v):
            pieces.append(v)
        if rate:
            pieces.append(rate.group(1))
        add("metric", " ".join(pieces), _find(original, sent_start, sent_end, noun.strip()))
    ranked = sorted(
        (e for e in entities if e.kind in ("PERCENT", "MONEY", "NUMBER", "RATE") and e.value
         and (e.text in claim or e.text[:1].upper() + e.text[1:] in claim)),
        key=lambda e: (("PERCENT", "MONEY", "RATE", "NUMBER").index(e.kind), not e.text[:1].isdigit() and e.kind == "NUMBER", e.start),
    )
    value = ranked[0] if ranked else None
    to_from = re.search(r"\bto\s+(?P<new>[£$€]?[\d.,]+(?:\s*(?:million|billion|bn|m|percent|%))?),?\s+from\s+[£$€]?\d", claim)
    if to_from:  # "rose to £14.8 million from £3.1 million": the new level is the value
        value = next((e for e in ranked if e.text.startswith(to_from.group("new").split()[0])), value)
    if comparator != "equal":
        value_noun = _value_noun(claim, value.text) if value is not None else None
        if value is not None and not value_noun and not metric:
            # "a pre-tax loss of £38.4 million", "a combined turnover of £3.2 million"
            of = re.search(r"\b(?:a|an|the|its|their)\s+((?:[\w'’-]+\s+){0,2}[\w'’-]+)\s+of\s+(?:about\s+|around\s+|almost\s+|nearly\s+)?$",
                           claim[: max(claim.find(value.text), 0)])
            if of and not re.search(r"\b(?:total|number|share|proportion|average|rate|majority|minority|half|third|quarter)\b", of.group(1)):
                value_noun = of.group(1)
        if value_noun or metric:
            add("metric", value_noun or metric)
    if value is not None:
        add("value", value.text, (value.start, value.end))
    if comparator:
        add("comparator", comparator, _find(original, sent_start, sent_end, claim[_where:_where + 12].split(" ")[0]) if _where is not None else None)
    if obj:
        add("object", _strip_the(obj))
    prev_text = original[previous[0]:previous[1]] if previous else None
    period = _period(claim, prev_text)
    if period:
        span = _find(original, sent_start, sent_end, period)
        if prev_text and span == (sent_start, sent_end) and period in prev_text and previous:
            i = original.find(period, previous[0], previous[1])
            span = (i, i + len(period))
        add("period", period, span)
    return parts
