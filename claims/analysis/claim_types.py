"""Claim types: multi-label cues for the labels in ``records.CLAIM_TYPES``.

Each label has a small set of lexical cues, read on the normalized claim:

* quantity: a number, percentage, amount or rate (years and article numbers
  alone do not count);
* comparison: comparatives and superlatives (``more than``, ``as many ... as``,
  ``the highest since``, ``twice as``, ``down from``), unless the compared
  quality is evaluative (``the dullest campaign``);
* causal: ``because``, ``caused by``, ``led to``, ``driven by``, ``result of`` ...;
* prediction: future tense and forecasts (``will``, ``expected to``, ``plans to``);
* rule: laws, treaties, rules, mandates (``Under the ... Act``, ``Article 5``);
* historical: a past event tied to a year, a date or a named period;
* personal_experience: the speaker's own experience (``I``, ``my``);
* opinion: evaluative or rhetorical wording.

``checkable`` is False when the claim is only opinion (or a question).
"""

from __future__ import annotations

import re

from claims.analysis.lexicon import IRREGULAR_PAST
from claims.records import CLAIM_TYPES, Entity

__all__ = ["classify"]

_COMPARISON = re.compile(
    r"\b(?:more|less|fewer|greater|higher|lower|larger|smaller|bigger|faster|slower|longer|shorter|"
    r"older|younger|cheaper|dearer|better|worse)\s+(?:[\w'’-]+\s+){0,7}?than\b|"
    r"\bas (?:many|much|few|little|high|low|large|big|fast|often|likely)\b(?:\s+[\w-]+){0,6}?\s+as\b|"
    r"\b(?:already\s+|just\s+|twice\s+)?as\s+(?!well\b|soon\b|far\b|long\b|such\b|part\b|a\b|the\b)[a-z]+\s+as\b|"
    r"\b(?!other\b|rather\b|whether\b|further\b)[a-z]+er\s+than\b|\b(?:doubled|tripled|halved|quadrupled)\b|"
    r"\b(?:the|its|their|his|her|a)\s+(?:new\s+)?(?:highest|lowest|largest|smallest|biggest|fastest|slowest|longest|shortest|most|least|"
    r"fewest|best|worst|first(?!\s+(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|few|several|dozen|hundred)\b))|only|oldest|youngest|strongest|weakest)\b(?:\s+[\w'’-]+){0,5}?\s+"
    r"(?:since|in|of|for|ever|on record|in history|anywhere|by)\b|"
    r"\b(?:record|all-time)\s+(?:high|low|number|level)\b|\bbreaking the (?:course |world )?record\b|"
    r"\b(?:twice|three times|four times|half)\s+as\b|\bdouble the\b|\b(?:down|up)\s+from\b|"
    r"\bcompared\s+(?:with|to)\b|\b(?:well |far )?(?:short of|ahead of|behind)\s+(?:the\s+|its\s+|their\s+)?[\w'’]+\s*(?:target|average|goal|forecast|record)|"
    r"\bthe\s+[a-z]+est\b(?:\s+[\w'’-]+){0,7}?\s+(?:since|ever|on record|in history|in (?:a|two|three|\d+) (?:decades?|years?|generations?))\b|\b(?:above|below)\s+(?:the\s+)?(?:average|target|national)\b|"
    r"\bfrom\s+[£$€]?[\d.,]+\s*(?:percent|%|\w+)?(?:\s+[a-z]+){0,2}\s+to\s+[£$€]?[\d.,]+|"
    r"\bto\s+[£$€]?[\d.,]+\s*(?:million|billion|bn|m|percent|%)?(?:\s+(?:a|per)\s+\w+)?,?\s+from\s+[£$€]?[\d.,]+|"
    r",\s+against\s+(?:about\s+|around\s+|just\s+|(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:target|average|goal|benchmark|budget|pot|total|fund|limit)\s+of\s+)?[£$€]?\d|"
    r"\bthe (?:highest|lowest|largest|longest|fastest|most|least|biggest|smallest)(?:\s+[\w-]+){0,3}\s+(?:on record|ever)\b|"
    r"\b(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))(?:-[a-z]+est|\s+(?:largest|biggest|busiest|highest|lowest|most|least|best|worst|smallest|fastest|oldest|richest|poorest|longest|strongest))\b|"
    r"\b(?:than any|than the|than in)\b|\bfor the first time\b|\bthe first (?:fall|rise|time)\b|"
    r"\b(?:down|up)\s+(?:by\s+)?[\d.,]+\s*(?:percent|per cent|%|percentage points?)|"
    r"\b(?:from|on|than)\s+(?:a|the previous|the same)\s+(?:year|month|quarter|week)\s+(?:earlier|before|ago)\b|"
    r"\b(?:year-on-year|year on year|on last year|on the previous year)\b|\bthe same as (?:in|last|the|a|before)\b|"
    r"\bmost\s+(?:sharply|steeply|rapidly|quickly|slowly|strongly)\b|\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten)-?fold\b|"
    # "below inflation", "four times the current rate", "climbed by almost a quarter to 212"
    r"\b(?:below|above|behind|ahead of|outpaced?|outstripp?(?:ed|ing)?)\s+(?:the\s+)?(?:rate of\s+)?inflation\b|"
    r"\b(?:twice|two|three|four|five|six|seven|eight|nine|ten|\d+(?:\.\d+)?)\s+times\s+(?:the|that|its|their|as|higher|more|larger|bigger|faster)\b|"
    r"\b(?:rose|rise|rises|fell|fall|falls|climbed|climbs|dropped|drops|increased|decreased|grew|jumped|slumped|soared|plunged)\s+"
    r"(?:by\s+)?(?:almost\s+|about\s+|nearly\s+|around\s+|roughly\s+|more than\s+|just over\s+|just under\s+)?"
    r"(?:a quarter|a third|a fifth|a tenth|half|[\d.,]+\s*(?:percent|per cent|%)?)"
    r"(?:\s+(?:last|this|in|over|the|a|year|month|week|quarter|on|year-on-year|\d{4})){0,3}\s+to\s+[\d£$€]|"
    # "below the OECD average", "38 percent above the long-term average", "15 percent more for apples"
    r"\b(?:above|below|under|over)\s+(?:the\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){0,2}?(?:average|norm|mean|minimum|maximum|threshold|ceiling)\b|"
    r"\b[\d.,]+\s*(?:percent|per cent|%)\s+(?:more|less|higher|lower|fewer|cheaper|dearer|bigger|smaller)\b|"
    r"\b(?:its|their|his|her|our|my)\s+[a-z]+est\b(?:\s+[\w'’-]+){0,4}?\s+(?:since|ever|on record|in history)\b|"
    r"\bthe (?:most|least)\s+(?!of\b|important\b|likely\b)[a-z]+(?:ed|ive|ible|able|ent|ant|ous|ic|al)\b|"
    r"\b(?:more|less),\s+not\s+(?:less|more)\b|\bin line with\b|"
    r"\b(?:above|below)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?(?:inflation rate|rate of inflation|level|limit|line|target|figure)\b|"
    r"\b(?:the|its|their|his|her)\s+(?:busiest|heaviest|earliest|wealthiest|poorest|richest|fastest|slowest|"
    r"biggest|largest|highest|lowest|longest|shortest|best|worst|deadliest|costliest|hottest|coldest|wettest|driest|warmest)\b(?!-)|"
    r"\b[a-z]+est-[a-z]+ing\b",
    re.I,
)
# "Under the national Fire Cover Standard, ...": a sentence governed by a named rule.
_UNDER_NAMED = re.compile(r"\s*Under (?:the |its |their )?(?:[a-z]+\s+){0,2}[A-Z]")
_LIMIT = re.compile(r"(?:no |not )?(?:more|less|fewer)\s+than", re.I)
# "I would have gone back", "I thought my son would too", "how we would pay": not forecasts.
_NOT_A_FORECAST = re.compile(
    r"\bwould(?:n't| not)? have\s+(?!to\b)\w+|\b(?:thought|knew|hoped|wondered|feared)\b[^,.;]{0,40}?\bwould\b|"
    r"\b(?:how|whether|what|where)\s+(?:\w+\s+){1,3}?would\b", re.I)
_NO_PLANS = re.compile(r"\b(?:no|not any|never had any)\s+plans?\s+to\b", re.I)
_EVALUATIVE = re.compile(
    r"\b(?:dullest|most beautiful|more deserving|most deserving|better than anyone|worst of|"
    r"saddest|greatest|finest|proudest|most exciting|most boring|better than this|(?:will|would) want more than)\b",
    re.I,
)
_CAUSAL = re.compile(
    r"\b(?:because(?: of)?|caused(?: partly| mainly| largely)? by|causes?|led to|leads? to|lead to|due to(?!\s+(?:be|resume|start|begin|open|close|end|finish|meet|hold|take|return|vote|sign|launch|arrive|expire|report|publish|announce|decide|rule|appear|complete|continue|reopen|restart|go|come|leave|retire|visit|travel|face|hear|give|make|run|stand|testify|speak|deliver|present|release|reach|enter|join|host|play|sit|submit|conclude)\b)|"
    r"result(?:ed)? (?:of|in)|as a result|driven(?: partly| mainly| largely)? by|thanks to|linked to|"
    r"blamed on|so that|that is why|that's why|which (?:allows|means)|helped|contributed to|"
    r"responsible for|would force|(?:punished|blamed|penalised|penalized|rewarded)\s+(?:[\w'’-]+\s+){1,4}?for|"
    r",\s+(?:squeezing|pushing|driving|forcing|prompting|causing|fuelling|fueling|sending|hurting|triggering|costing|saving)|"
    r"(?:will|would|could|may|might)\s+lead\s+(?:[\w'’-]+\s+){0,4}?to|meant that|, wiping|"
    r"(?:would|will|could)\s+(?:destroy|damage|harm|kill|wipe out|devastate)|(?:collapsed|failed|ended)\s+after|"
    r"(?:pushed|driven|forced)\s+(?:up|down)|(?:pushed|forced|driven|drove)\s+(?:[\w'’-]+\s+){1,3}?(?:north|south|east|west|away|towards|deeper|further)\b|"
    r"drag(?:s|ged)?\s+(?:[\w'’-]+\s+){1,3}?(?:down|up)\b|"
    r"fined\s+(?:[£$€]?[\w.,'’-]+\s+){1,4}?for\b|left\s+(?:[\w'’-]+\s+){1,4}?(?:relying|struggling|waiting|unable|exposed|short)\b|left\s+(?:[\d,.]+|one|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands|millions)\s+(?:[\w-]+\s+){0,2}?(?:ill|dead|injured|sick|homeless|hurt|wounded|stranded|without)\b|(?:it|this|that|the (?:policy|scheme|plan|strategy|approach))\s+(?:has\s+|had\s+)?worked|"
    r"(?:driven|drove|drives|caused)\s+(?:much|most|some|part|half)\s+of|would have\s+(?:lowered|reduced|prevented|saved|stopped|cut|raised|avoided))\b",
    re.I,
)
_PREDICTION = re.compile(
    r"\b(?:will|won't|going to|(?:is|are)\s+(?:expected|set|due|scheduled|likely|forecast)\s+to|(?:was|were)\s+(?:un)?likely\s+to|"
    r"expects?|expected|plans? to|planned|predicted|predicts?|forecasts?|(?:is|are) due|would|"
    r"next (?:year|month|week|season)(?!['’]s)|by (?:the end of )?20[2-9]\d|['’]ll|in 20[3-9]\d|(?<!who )(?<!which )(?<!nobody )(?<!no one )could(?!\s+not\b|n't\b|n’t\b|\s+(?:least|ill|barely|hardly) afford\b)|"
    r"should\s+(?:return|fall|rise|reach|ease|grow|recover|increase|decrease|drop|improve|be back)|"
    r"(?:may|might)\s+(?:be|not|no longer|soon|have to|become|face|lose|close|run out|need)|"
    r"(?:runs|starts|begins|opens|kicks off|takes place)\s+(?:from|on)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b",
    re.I,
)
_RULE = re.compile(
    r"\b(?:Act|law|laws|legal|legally|illegal|treaty|Treaty|charter|constitution|regulations?|"
    r"Regulations|rules?|Rules|mandate|clause|statute|legislation|binding|required|requires|"
    r"Article \d+|must by law|entitled to|banned|speed limit|planning permission|limits (?:it|them)|Standards|Code|Directive|Convention|Guidelines|moratorium|ratif(?:y|ied|ies)|into force|(?:will|would|shall) have to be|obliged to|"
    r"(?:is|are|be|been|was|were) (?:banned|prohibited|outlawed)|(?:will|would) ban)\b",
)
_MUST = re.compile(r"\b(?:must|shall|may only|only counts|limits?\b.*\bto)\b", re.I)
_HISTORICAL_ANCHOR = re.compile(
    r"(?<!Act )(?<!Act of )\b(?:1[5-9]\d\d|20[0-2]\d)\b|\b9/11\b|\bWorld War\b|\bCold War\b|\bthe (?:1[89]|20)\d0s\b|"
    r"\b(?:founded|established|invaded|declared independence|opened in|was set by)\b|"
    r"\bon\s+\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\b",
)
_PAST = re.compile(rf"\b(?:{'|'.join(sorted(IRREGULAR_PAST))}|\w+ed)\b", re.I)
# "as the population ages", "as prices rise": a clause explaining an expected or reported change.
_EXPLAINING_AS = re.compile(
    r"\bas\s+(?:the\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){0,2}?(?:population|prices|costs|demand|rates|temperatures|numbers|wages|incomes)\s+"
    r"(?:ages|age|rise|rises|fall|falls|grow|grows|increase|increases|decline|declines|climb|climbs|shrinks?|soar|soars)\b",
    re.I,
)
_SHIFTING_AS = re.compile(
    r"\bas\s+(?:[\w'’-]+\s+){1,4}?(?:switch|switches|shift|shifts|move|moves|turn|turns|age|ages|retire|retires)\b", re.I
)
_CHANGE = re.compile(
    r"\b(?:expected|forecast|projected|set|likely|will|would|pass|reach|rise|rose|fall|fell|grow|grew|increase|increased|double|doubled)\b",
    re.I,
)
_FIRST_SINGULAR = re.compile(r"\b(?:I|my|me|myself|I'm|I've|I’m|I’ve)\b")
_OPINION = re.compile(
    r"\b(?:nobody should|should stop|should have|should never|should not|shouldn't|ought|should work|deserves?|sad|wonderful|proud|beautiful|insult|naive|frankly|"
    r"simply(?![^.]*\bbecause\b)|without doubt|it is time|it's time|far too|too slow|dullest|deserving|painful|wrong|"
    r"nobody should|cannot afford|really want|wants us to think|entirely preventable|foundation for|"
    r"is the future|are the future|a tax on|better than this|endless|heard these promises|"
    r"doesn't really|doesn’t really|must respect|quite simply|courage|paper promises|"
    r"everything else|both ways|I believe|I think|we believe|in my view|shameful|disgrace|"
    r"unacceptable|ridiculous|great day|terrible|fantastic|amazing|crisis means|"
    r"least afford|ill afford|punishing|punish|betrayal|so-called|taking a gamble|breaks? my heart|heartbreaking|not a plan|should be \w+ing\b|scandal|worth fighting for|should be (?:a|an|forced|made)\b|(?:is|are)\s+failing|squandered|betrayed|not safe|no place (?:to|for)|nobody\b[^.,]{0,40}\bshould|on the backs of|cannot keep|(?:nobody|no one) ever|no amount of|(?:is|was|are|were)\s+broken|cannot be (?:left|allowed|expected) to|(?:was|is|were|are)\s+(?:both\s+)?(?:fair|unfair|reasonable|unreasonable)\s+and\s+(?:affordable|reasonable|fair)|"
    r"(?:is|are|was|were|long|been)\s+overdue|never too late|(?:is|are|am|was|were|'re|getting|grown)\s+(?:sick and\s+)?tired of|"
    r"(?:ministers|governments?|both sides|officials|regulators|leaders|councils|politicians|lawmakers|everyone)\s+should\s+(?!(?:fall|rise|ease|grow|recover|increase|decrease|drop|improve|be back|reach)\b))\b",
    re.I,
)


def _has_quantity(claim: str, entities: list[Entity]) -> bool:
    for e in entities:
        if e.kind in ("PERCENT", "MONEY", "RATE"):
            return True
        if e.kind == "NUMBER":
            return True
    return bool(re.search(r"\b(?:per capita|per head|one in (?:two|three|four|five|ten)|a (?:third|quarter)|half of)\b", claim, re.I))


def classify(
    claim: str, sentence: str, entities: list[Entity], *, frame_kind: str, quoted: str = ""
) -> tuple[list[str], bool]:
    """(types, checkable) for one claim; ``entities`` are the sentence's entities.

    Pass the claim before relative dates and abbreviations are rewritten, so a
    resolved "on Thursday" does not read as a historical year, and the quoted
    text as written (``quoted``), so "I" replaced by the speaker's name still
    marks personal experience.
    """
    types: set[str] = set()
    claim_entities = [e for e in entities
                      if e.text in claim or e.text[:1].upper() + e.text[1:] in claim or e.kind in ("RATE",)]
    evaluative = bool(_EVALUATIVE.search(claim))
    if _has_quantity(claim, [e for e in claim_entities if e.kind != "DATE"]) and not evaluative:
        types.add("quantity")
    comparisons = [m.group(0) for m in _COMPARISON.finditer(claim)]
    if comparisons and not evaluative:
        # A limit in a rule ("no more than 80 percent", "drinks with more than 8 grams") is not a comparison.
        limits_only = all(_LIMIT.fullmatch(c.strip()) for c in comparisons)
        if not (limits_only and (_RULE.search(claim) or re.search(r"\b(?:Under|rules?|law)\b", sentence))):
            types.add("comparison")
    if _CAUSAL.search(claim) or ((_EXPLAINING_AS.search(claim) or _SHIFTING_AS.search(claim)) and _CHANGE.search(claim)):
        types.add("causal")
    if _PREDICTION.search(_NOT_A_FORECAST.sub("", _NO_PLANS.sub("", claim))) and not re.search(r"\bhad expected\b", claim):
        types.add("prediction")
    if "prediction" in types and _UNDER_NAMED.match(sentence) \
            and not _PREDICTION.search(re.sub(r"\bshould\s+\w+", "", claim)):
        types.discard("prediction")  # "Under the Fire Cover Standard, the first engine should reach ...": a duty
    if (_RULE.search(claim) or (_MUST.search(claim) and re.search(r"\b(?:Under|law|rules?|required)\b", sentence))
            or _UNDER_NAMED.match(sentence)):
        types.add("rule")
    if _HISTORICAL_ANCHOR.search(claim) and _PAST.search(claim) and "prediction" not in types:
        types.add("historical")
    if frame_kind == "quote" and (_FIRST_SINGULAR.search(claim) or _FIRST_SINGULAR.search(quoted)):
        types.add("personal_experience")
    if _OPINION.search(claim) or evaluative:
        types.add("opinion")
    checkable = bool(types - {"opinion"})
    if "opinion" in types and types <= {"opinion", "causal", "prediction", "personal_experience"} and not (types & {"quantity", "comparison", "historical", "rule"}):
        checkable = False
        types = {"opinion"} | (types & {"personal_experience"})
    if not types and frame_kind == "quote":
        # A quoted statement with no figure, comparison, date, rule, forecast or cause is
        # quote-of-opinion ("It was a fiction from start to finish.").
        types, checkable = {"opinion"}, False
    if claim.rstrip().endswith("?"):
        checkable = False
    if not types:
        checkable = True
    return [t for t in CLAIM_TYPES if t in types], checkable
