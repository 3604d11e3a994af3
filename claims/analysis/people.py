"""People: person mentions, roles, and resolution of pronouns, titles and surnames.

A document-level index built once per article:

* names are runs of two or three capitalised tokens that are not organisations,
  places, months or sentence openers (``Kaja Kallas``, ``Dr. Helena Marsh``);
  single tokens become people when they speak (``Trump claimed``) or when they
  are the surname of a person already named (``Kallas``);
* a role is read from the words before a name (``EU High Representative Kaja
  Kallas``, ``Race director Paul Vance``) or from an appositive
  (``Finland's defence minister, Aino Virtanen,`` / ``Helena Marsh, the
  region's chief medical officer``);
* ``resolve`` maps a pronoun (``she``), a title (``the minister``), a surname
  or a full name at some offset to a :class:`Person`: pronouns go to the most
  recent subject-like mention outside quotes whose gender fits, titles to the
  latest person whose role contains that noun.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from claims.analysis.lexicon import (
    COUNTRIES_AND_PLACES,
    FEMALE_NAMES,
    IRREGULAR_PAST,
    MALE_NAMES,
    NOT_NAME_WORDS,
    ORG_KIND_NOUNS,
    ORG_WORDS,
    PLACE_WORDS,
    ROLE_NOUNS,
    SPEECH_VERBS,
    TITLE_WORDS,
)

__all__ = ["ORG_KIND_ALT", "ROLE_ALT", "Mention", "People", "Person", "PRONOUN_RE", "TITLE_REF_RE", "word_re"]

_TOKEN = r"(?:O'[A-Z][a-zà-öø-ÿ\u0100-\u024f]+|(?:Mc|Mac|De|Di|Da|Le|La|Du)[A-Z][a-zà-öø-ÿ\u0100-\u024f]+|[A-ZÀ-ÖØ-Þ\u0100-\u024f][a-zà-öø-ÿ\u0100-\u024f]+(?:-[A-ZÀ-ÖØ-Þ\u0100-\u024f]?[a-zà-öø-ÿ\u0100-\u024f]+)?)"
_RUN = re.compile(rf"(?<![\w'-]){_TOKEN}(?:\.?\s{{1,2}}{_TOKEN})*(?![\w-])")
FIRST_NAMES = FEMALE_NAMES | MALE_NAMES
_HONORIFIC = re.compile(r"(?:Dr|Mr|Mrs|Ms|Prof|Professor|Sir|Dame)\.?$")
PRONOUN_RE = re.compile(r"\b(she|he|her|his|him|hers|herself|himself)\b", re.I)
#: Regex alternations shared by the analysis rules (longest first, so a longer noun wins).
ROLE_ALT = "|".join(sorted((r for r in ROLE_NOUNS if r.isalpha()), key=len, reverse=True)) + (
    r"|[a-z]+olog(?:ist|er)|[a-z]+[cg]ian|[a-z]+ographer")  # hydrologist, politician, oceanographer
ORG_KIND_ALT = "|".join(re.escape(w) for w in sorted(ORG_KIND_NOUNS, key=len, reverse=True))
_IRREGULAR_ALT = "|".join(sorted(IRREGULAR_PAST, key=len, reverse=True))
_ROLE_SUFFIX = re.compile(r"[a-z]+olog(?:ist|er)s?|[a-z]+[cg]ians?|[a-z]+ographers?")
TITLE_REF_RE = re.compile(rf"\b[Tt]he ((?:[a-z]+ ){{0,2}}(?:{ROLE_ALT}|MP|MEP|MSP))\b")  # "the MP" too


@lru_cache(maxsize=4096)
def word_re(word: str) -> re.Pattern[str]:
    """A name or word standing alone (not inside a longer word), compiled once per word."""
    return re.compile(rf"(?<![\w'’-]){re.escape(word)}(?![\w-])")
_ORG_ALT = "|".join(sorted((re.escape(w) for w in ORG_WORDS), key=len, reverse=True))
_SPEECH_ALT = "|".join(re.escape(v) for v in SPEECH_VERBS)
_OBJECT_BEFORE = re.compile(
    r"(?:\b(?:with|to|of|by|for|from|about|against|meet|met|meeting|beat|beating|than|and|or|told|"
    r"reminded|asked|called|urged|criticised|criticized|thanked|beating|defeating|defeated|replacing|replaced|succeeding|succeeded)\s+)"
    r"(?:(?:the|a|an|his|her|its|their)\s+(?:[a-z][\w-]*\s+){0,3})?$"  # "beating the independent candidate X"
)
# Role words that make a different office: "the chancellor" is not the shadow chancellor.
_OTHER_OFFICE = ("shadow", "former", "deputy", "vice", "assistant", "acting", "junior", "ex")
_ROLE_STOP = frozenset(
    "said says the a an by with to and for from at in on as that who which when while after before "
    "told meet met of its his her their is are was were be been between among including like than "
    "said, says, put".split()
)


def _inside_org_name(text: str, start: int, end: int) -> bool:
    """Whether the word at ``start:end`` is part of an organisation's name.

    ``Office of Rail Statistics``, ``Rail Statistics``: the word follows an
    organisation noun and ``of``/``for``, or an organisation noun follows it.
    """
    if re.search(rf"\b(?:{_ORG_ALT})\s+(?:of|for)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+|(?:and|&)\s+)*$", text[max(0, start - 60):start]):
        return True
    return bool(re.match(rf"(?:\s+[A-Z][\w'’-]*)*\s+(?:{_ORG_ALT})\b", text[end:end + 60]))


@dataclass
class Person:
    """One person named in the article."""

    name: str
    surname: str
    gender: str | None = None  # "f", "m" or None (unknown)
    role: str | None = None
    first_start: int = 0

    def fits(self, pronoun: str) -> bool:
        """Whether a pronoun can refer to this person."""
        p = pronoun.lower()
        want = "f" if p in ("she", "her", "hers", "herself") else "m"
        return self.gender in (None, want)


@dataclass
class Mention:
    """A name, surname, pronoun or title mention of ``person`` at ``start:end``."""

    person: Person
    start: int
    end: int
    kind: str  # "name" | "surname" | "single"
    subject: bool = True
    in_quote: bool = False


@dataclass
class People:
    """Person index of one article (see module docstring)."""

    text: str  # the work copy of the article (same offsets as the original)
    quotes: list[tuple[int, int]] = field(default_factory=list)
    persons: list[Person] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    not_people: set[str] = field(default_factory=set)  # capitalised names seen used as places or organisations

    # -- building -----------------------------------------------------------------
    @classmethod
    def build(cls, text: str, sentence_spans: list[tuple[int, int]], quotes: list[tuple[int, int]]) -> People:
        """Index every person mention in ``text`` (the same-length work copy)."""
        people = cls(text=text, quotes=quotes)
        by_name: dict[str, Person] = {}
        for s, e in sentence_spans:
            for m in _RUN.finditer(text, s, e):
                people._add_run(m, s, e, by_name)
        people._add_single_tokens(sentence_spans, by_name)
        people.mentions.sort(key=lambda x: x.start)
        return people

    def _in_quote(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.quotes)

    def _add_run(self, m: re.Match[str], sent_start: int, sent_end: int, by_name: dict[str, Person]) -> None:
        tokens = [(t.group(0), m.start() + t.start()) for t in re.finditer(r"\S+", m.group(0))]
        tokens = [(t.rstrip("."), p) for t, p in tokens]
        # Leading titles and role nouns are not part of a name: "Chief Constable Priya Raman",
        # "Criminologist Dr. Hannah Voss".  A capitalised word before a known first name is one too.
        while tokens and (tokens[0][0] in NOT_NAME_WORDS or tokens[0][0] in TITLE_WORDS
                          or tokens[0][0].lower() in ROLE_NOUNS
                          or (len(tokens) >= 3 and tokens[1][0] in FIRST_NAMES and tokens[0][0] not in FIRST_NAMES)):
            tokens.pop(0)
        # "Trade Minister Paulo Ferrante": everything up to the last title word, if a name of two
        # or more words is left ("John Baker" keeps its surname).
        # An occupation opening a sentence before a two-word name ("Sprinter Kaisa Orlund, who ...",
        # "Glazer Dominic Ferrand, 52, ..."); mid-sentence such a word is more likely a name ("Calder Ross ...").
        if (len(tokens) >= 3 and tokens[0][1] == sent_start and tokens[0][0] not in FIRST_NAMES
                and re.fullmatch(r"[A-Z][a-z]+(?:er|or|ist|ian|ant|ent|ee|ess|man|woman)", tokens[0][0])):
            tokens = tokens[1:]
        titled = [i for i, (t, _) in enumerate(tokens) if t in TITLE_WORDS or t.lower() in ROLE_NOUNS]
        if titled and len(tokens) - titled[-1] - 1 >= 2:
            tokens = tokens[titled[-1] + 1:]
        if not tokens:
            return
        words = [t for t, _ in tokens]
        if any(w in ORG_WORDS or w in PLACE_WORDS or w in COUNTRIES_AND_PLACES for w in words):
            return
        # "Rail Drivers' Association", "National Farmers' Union": a plural possessive before a
        # capitalised word is part of an organisation's name.
        if re.match(r"['’]\s+[A-Z]", self.text[m.end():m.end() + 3]):
            return
        org_after = re.match(r"['’]s\s+([A-Z][\w-]*)", self.text[m.end():m.end() + 40])
        if org_after and org_after.group(1) in ORG_WORDS:  # "Hallvik Fishermen's Cooperative"
            return
        # "Institute for Civic Data": capitalised words after an organisation noun and "of"/"for".
        if _inside_org_name(self.text, tokens[0][1], tokens[0][1] + len(tokens[0][0])):
            return
        if any(w in NOT_NAME_WORDS for w in words):
            return
        start = tokens[0][1]
        end = tokens[-1][1] + len(tokens[-1][0])
        after = self.text[end:end + 3]
        if after.startswith("'s") and len(words) == 1:
            pass
        if len(words) == 1:
            person = self._by_surname(words[0], by_name)
            if person is None and re.search(r"\b(?:Sir|Dame)\s+$", self.text[max(0, start - 6):start]):
                # "Sir Geoffrey said" after "Sir Geoffrey Allardyce": a knight goes by his first name
                person = next((p for p in reversed(self.persons) if p.name.split()[0] == words[0]), None)
            if person:
                self._mention(person, start, end, "surname", sent_start)
            return
        if len(words) > 3 and not (len(words) == 4 and words[0] in FIRST_NAMES):  # "Ana Sofía Ruiz Calderón" stays whole
            words, tokens = words[-3:], tokens[-3:]
            start = tokens[0][1]
        name = " ".join(words)
        person = by_name.get(name)
        if person is None and len(words) == 2:  # "Ferreira Montalbán" after "Lucía Ferreira Montalbán"
            person = next((p for p in reversed(self.persons)
                           if len(p.name.split()) >= 3 and p.name.endswith(" " + name)), None)
        if person is None:
            if not self._plausible_person(words, start, end, sent_start, sent_end):
                return
            person = Person(name=name, surname=words[-1], gender=self._gender(words[0], start), first_start=start)
            person.role = self._roles(start, end, sent_start, sent_end)
            by_name[name] = person
            self.persons.append(person)
        elif person.role is None:
            person.role = self._roles(start, end, sent_start, sent_end)
        self._mention(person, start, end, "name", sent_start)

    def _plausible_person(self, words: list[str], start: int, end: int, s: int, e: int) -> bool:
        """A capitalised run counts as a person unless it looks like something else."""
        if words[0] in FEMALE_NAMES or words[0] in MALE_NAMES:
            return True
        before = self.text[max(s, start - 40):start]
        after = self.text[end:min(e, end + 40)]
        # "the abandoned Marlpit Yard", "runs Second Shift, a charity": a place, project or organisation,
        # here and wherever else the same words appear.
        name = " ".join(words)
        if name in self.not_people:
            return False
        if re.match(r"\s+(?:No\.?\s*)?\d", after):  # "Local Transport Note 1/20": a document, not a person
            self.not_people.add(name)
            return False
        det = re.search(r"\b(?:the|a|an|its|their)\s+((?:(?!(?:is|was|are|were|be|been|has|had|said|says|told)\s)[a-z][\w'’-]*\s+){0,2})$", before)
        if det and not self._has_role_noun(det.group(1)):  # "the economist Jane Doe" is a person
            self.not_people.add(name)
            return False
        if re.search(r"\b(?:in|at|near|outside|inside|across|around)\s+$", before):  # "his home in Pellow Cross"
            self.not_people.add(name)
            return False
        if re.search(r"\b(?:runs|ran|founded|co-founded|owns|owned|manages|managed|chairs|heads|joined|launched|set up)\s+$", before):
            self.not_people.add(name)
            return False
        if re.match(rf",\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,2}}?(?:{ORG_KIND_ALT}|think tank|project|scheme|site|estate|development)\b(?!['’])"
                    rf"(?!\s+(?:{ROLE_ALT})\b)", after):  # "a network engineer" is a person
            self.not_people.add(name)
            return False
        if re.search(r"(?:Dr|Mr|Mrs|Ms|Prof|Professor|Sir|Dame)\.?\s+$", before):
            return True
        if re.match(rf"\s*(?:,\s*(?:who|whose|a|an|the|aged)\b|,\s*\d{{1,3}},|\s+(?:{_SPEECH_ALT})\b)", after):
            return True
        if re.match(rf",[^,]{{1,90}},\s+(?:{_SPEECH_ALT})\b", self.text[end:e]):  # "X Y, regional secretary of Z, said"
            return True
        if re.search(rf"\b(?:{_SPEECH_ALT})\s+$", before):
            return True
        if re.search(rf"\b(?:{ROLE_ALT})\s+$", before, re.I):
            return True
        # Two or three capitalised words that are neither org nor place: a name
        # unless the run opens the sentence with a common word.
        if start != s:
            return True
        # At a sentence start, a name whose surname recurs on its own elsewhere
        # ("Dolores Whitcombe keeps ..." ... "Whitcombe says") is a person.
        # ... or one that acts and is then "she"/"he": "Teodora Blanc keeps her late husband's tools".
        if re.match(rf"\s+(?:[a-z]+s|[a-z]+ed|has|had|was|{_IRREGULAR_ALT})\b", after) and re.search(r"\b(?:her|his|she|he)\b", self.text[end:end + 250]):
            return True
        surname, before_surname = words[-1], words[-2]
        for other in word_re(surname).finditer(self.text):
            if other.start() == end - len(surname):
                continue
            if not re.search(rf"{re.escape(before_surname)}\.?\s+$", self.text[max(0, other.start() - 30):other.start()]):
                return True
        return False

    def _gender(self, first: str, start: int) -> str | None:
        before = self.text[max(0, start - 6):start]
        if re.search(r"\bMr\.?\s+$", before):
            return "m"
        if re.search(r"\bM(?:rs|s)\.?\s+$", before):
            return "f"
        if first in FEMALE_NAMES and first not in MALE_NAMES:
            return "f"
        if first in MALE_NAMES and first not in FEMALE_NAMES:
            return "m"
        return None

    def _by_surname(self, word: str, by_name: dict[str, Person]) -> Person | None:
        for person in reversed(self.persons):
            if person.surname == word:
                return person
        for person in reversed(self.persons):  # "Park Seo-yeon" ... "Park said" (family name first)
            parts = person.name.split()
            if len(parts) == 2 and parts[0] == word and word not in FIRST_NAMES and "-" in parts[1]:
                return person
        for person in reversed(self.persons):  # "Rafael Ortuño Vidal" ... "Ortuño said"
            parts = person.name.split()
            if len(parts) == 3 and parts[1] == word and word not in FIRST_NAMES:
                return person
        return None

    def _add_single_tokens(self, spans: list[tuple[int, int]], by_name: dict[str, Person]) -> None:
        """Single capitalised tokens that speak or act like people (``Trump claimed``)."""
        singles: dict[str, Person] = {}
        pattern = re.compile(rf"(?<![\w'-])({_TOKEN})(?:'s)?\s+(?:has\s+|had\s+|also\s+|will\s+)?(?:{_SPEECH_ALT}|boasted|visited|reminded|welcomed|expects|told)\b")
        for s, e in spans:
            for m in pattern.finditer(self.text, s, e):
                w = m.group(1)
                if w in NOT_NAME_WORDS or w in ORG_WORDS or w in COUNTRIES_AND_PLACES or w in PLACE_WORDS or w in TITLE_WORDS:
                    continue
                if any(p.surname == w for p in self.persons) or w in singles:
                    continue
                if m.group(0)[len(w):].startswith("'s"):
                    continue
                if re.search(r"\b(?:in|of|from|and|at|to|with|for)\s+$", self.text[max(s, m.start(1) - 6):m.start(1)]):
                    continue  # "organisations in Arvenia and Dostria welcomed": a place
                if re.search(r"\w['’]s?\s+$", self.text[max(s, m.start(1) - 4):m.start(1)]):
                    continue  # "The Midwives' Guild said": the end of an organisation's name
                if w in self.not_people:
                    continue
                if self.text[m.end(1):m.end(1) + 1] == "'":
                    continue
                person = Person(name=w, surname=w, first_start=m.start(1))
                singles[w] = person
                self.persons.append(person)
        # Mentions of every single-token person and of surnames used alone.
        known = [m.start for m in self.mentions]
        for person in self.persons:
            word = word_re(person.surname)
            for s, e in spans:
                for m in word.finditer(self.text[s:e]):
                    start = s + m.start()
                    if any(x.start <= start < x.end for x in self.mentions):
                        continue
                    if start in known:
                        continue
                    # Skip the surname inside a longer capitalised run naming someone else.
                    prev = self.text[max(0, start - 20):start]
                    if re.search(rf"{_TOKEN}\s$", prev) and not re.search(r"(?:^|[\s\"(])(?:The|But|And|However|Meanwhile|said|Dr\.|Mr\.|Mrs\.|Ms\.)\s$", prev):
                        pw = re.search(rf"({_TOKEN})\s$", prev)
                        if pw and pw.group(1) not in NOT_NAME_WORDS and pw.group(1) not in TITLE_WORDS:
                            continue
                    if _inside_org_name(self.text, start, start + len(person.surname)):
                        continue
                    kind = "single" if person.name == person.surname else "surname"
                    self._mention(person, start, start + len(person.surname), kind, s)

    def _mention(self, person: Person, start: int, end: int, kind: str, sent_start: int) -> None:
        before = self.text[sent_start:start]
        after = self.text[end:end + 2]
        subject = not after.startswith("'s") and (not _OBJECT_BEFORE.search(before)
                                                  or bool(re.search(r"\b[Aa]ccording to\s+$", before)))  # the source speaks
        self.mentions.append(Mention(person, start, end, kind, subject, self._in_quote(start)))

    # -- roles --------------------------------------------------------------------
    def _role_before(self, start: int, sent_start: int) -> str | None:
        """Role from the words just before a name, or from a preceding appositive."""
        before = self.text[sent_start:start]
        before = re.sub(r"(?:Dr|Mr|Mrs|Ms|Professor|Prof|Sir|Dame)\.?\s+$", "", before)
        app = re.search(r"(?:^|[,;:]\s+|\b(?:said|by|with|and|to|from)\s+)((?:[Tt]he |[Ii]ts |[Hh]is |[Hh]er |[Tt]heir )?[\w'. -]+?),\s+$", before)
        if app:
            phrase = re.sub(r"^(?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir) ", "", app.group(1).strip())
            if self._has_role_noun(phrase) and len(phrase.split()) <= 7:
                return phrase
            return None
        tokens = before.rstrip().split(" ")
        if not before.endswith(" "):
            return None
        picked: list[str] = []
        for tok in reversed(tokens):
            bare = tok.strip()
            if not bare or bare.lower() in _ROLE_STOP and not (bare == "of" and picked and picked[-1][:1].isupper()):
                break
            if re.search(r"[,;:\"()]", bare) or bare.endswith("."):
                break
            picked.append(bare)
            if len(picked) >= 6:
                break
        picked.reverse()
        while picked and (picked[0] == "of" or picked[0] in NOT_NAME_WORDS - {"Kenyan", "Swedish", "Ethiopian", "Finnish", "Estonian", "German", "French", "British", "American", "Russian", "Ukrainian", "European"}):
            picked.pop(0)
        role = " ".join(picked)
        if role and self._has_role_noun(role):
            return role
        return None

    def _roles(self, start: int, end: int, sent_start: int, sent_end: int) -> str | None:
        """The role before the name and the one after it (``Councillor X, the cabinet member for ...``),
        joined when both are there; ``Dr X`` with no other role is a doctor."""
        before, after = self._role_before(start, sent_start), self._role_after(end, sent_end)
        if before and after and before.lower() not in after.lower():
            return f"{before}, {after}"
        role = before or after
        honorific = re.search(r"\b(Dr|Prof|Professor)\.?\s+$", self.text[max(0, start - 12):start])
        if role is None and honorific:  # "Dr X" is the doctor, "Professor X" the professor
            return "doctor" if honorific.group(1) == "Dr" else "professor"
        return role

    def _role_after(self, end: int, sent_end: int) -> str | None:
        """Role from an appositive after the name: ``Marsh, the region's chief medical officer``."""
        m = re.match(r",\s+(?:(?:the|a|an|(?P<owner>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?['’]s))\s+"
                     rf"|(?=(?:[a-z][\w-]*\s+){{0,2}}(?:{ROLE_ALT})\b))([^,.;\"]+?)\s*(?:[,.;\"]|$)",
                     self.text[end:sent_end])
        if not m:
            return None
        role = re.split(r"\s+(?:who|which|whose|that)\b", m.group(2), maxsplit=1)[0]  # "a network engineer who spent ..."
        head = re.split(r"\s+(?:of|at|for|in)\s", role, maxsplit=1)[0]  # "director general of the National ... Service"
        if self._has_role_noun(head) and len(head.split()) <= 8 and len(role.split()) <= 14:
            return f"{m.group('owner')} {role}" if m.group("owner") else role
        return None

    @staticmethod
    def _has_role_noun(phrase: str) -> bool:
        return any(w.lower().strip("'s") in ROLE_NOUNS or w.lower() in ROLE_NOUNS or _ROLE_SUFFIX.fullmatch(w.lower())
                   for w in re.findall(r"[\w'-]+", phrase))

    # -- lookup -------------------------------------------------------------------
    def named_in(self, start: int, end: int) -> Mention | None:
        """The first name/surname mention inside ``start:end``, preferring a full name that is not
        a possessive ("Brightlearn's founder, Jarrah Wolstenholme" names Wolstenholme)."""
        inside = [m for m in self.mentions if start <= m.start and m.end <= end]
        for m in inside:
            if m.kind == "name" and not self.text.startswith(("'s", "’s"), m.end):
                return m
        return inside[0] if inside else None

    def resolve_pronoun(self, pronoun: str, pos: int, *, learn: bool = True) -> Person | None:
        """The person a third-person pronoun at ``pos`` refers to (most recent subject that fits)."""
        earlier = [m for m in self.mentions if m.end <= pos and not m.in_quote]
        # A one-word name of unknown gender ("Brightlearn said") is often an organisation:
        # it is a candidate only when no full name fits.
        if any(m.person.name != m.person.surname and m.person.fits(pronoun) for m in earlier):
            earlier = [m for m in earlier if not (m.person.name == m.person.surname and m.person.gender is None)]
        fallback: Person | None = None
        for m in reversed(earlier[-12:]):
            if not m.person.fits(pronoun):
                continue
            if m.subject:
                fallback = m.person
                break
            if fallback is None:
                fallback = m.person
        if fallback is None:
            for m in reversed(earlier):
                if m.person.fits(pronoun):
                    fallback = m.person
                    break
        if fallback is not None and learn and fallback.gender is None:
            fallback.gender = "f" if pronoun.lower() in ("she", "her", "hers", "herself") else "m"
        return fallback

    def resolve_title(self, noun: str, pos: int) -> Person | None:
        """The latest person before ``pos`` whose role contains every word of ``noun`` (``the minister``)."""
        words = [w.lower() for w in noun.split()]
        for m in reversed([m for m in self.mentions if m.end <= pos]):
            role = (m.person.role or "").lower()
            # Every word must fit: "the health secretary" is not the union's general secretary,
            # and "the chancellor" is not the shadow (or former, deputy ...) chancellor.
            if not all(re.search(rf"\b{re.escape(w)}\b", role) for w in words):
                continue
            if any(re.search(rf"\b{mod}\b", role) and mod not in words for mod in _OTHER_OFFICE):
                continue
            return m.person
        return None

    def resolve_text(self, text: str, start: int) -> Person | None:
        """Resolve a speaker phrase found at ``start`` (name, surname, pronoun or title)."""
        mention = self.named_in(start, start + len(text))
        if mention is not None:
            return mention.person
        bare = text.strip()
        if PRONOUN_RE.fullmatch(bare):
            return self.resolve_pronoun(bare, start)
        t = TITLE_REF_RE.fullmatch(bare) or TITLE_REF_RE.match(bare)
        if t and t.end() == len(bare):
            return self.resolve_title(t.group(1), start)
        return None
