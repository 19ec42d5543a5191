"""Where a case stands, as each report states it: charged or not, accidental or not,
the victim named or not.

Why slots of their own: what changes most between dated reports of one shooting is not a
number but a status. The first report says it is "up to the district attorney to file any
charges", police are not sure "if the shooting was intentional", "did not
release the boy's identity"; a later one says the mother "faces felony manslaughter
charges", calls it "the accidental shooting", names the boy. A reader needs both sides,
dated, as an update (updates.py). Compared only when one report says the matter is open
and another settles it, never two settled values (a father's "accidentally shot" and a
coroner's "homicide" are both true of one death). Statements about an earlier or another
case (previously, in 2012, unrelated) and background sentences do not count.

Why keyed by person: "the boyfriend … would be released without charges" and "Williams
… is charged with criminal homicide" are two people, not an update. Each statement keeps
the people its sentence names (names, role nouns); two statements that both name people
and share none are not compared. A report that itself settles a slot is not its open side
(an updated story keeps "no charges have been filed" above the charge).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from newsfuse.analyze.updates import pair
from newsfuse.types import Article, Citation, Comparison

_OPEN, _SETTLED = "open", "settled"
_CHARGES = (
    re.compile(
        r"\b(?:no charges? (?:(?:has|have|had) (?:yet )?been|(?:was|were|are|is)) "
        r"(?:filed|made|brought)|(?:has|have|had)(?: not|n['’]t) (?:yet )?been charged|"
        r"(?:is|was|are|were|will) not (?:be )?(?:facing|face|charged)|"
        r"released without (?:any )?charges|(?:decide|determine|up to)[^.]{0,40}"
        r"\b(?:whether to (?:file|bring)|file|bring) (?:any )?(?:possible )?charges)\b",
        re.IGNORECASE,
    ),
    re.compile(
        r"\b(?:(?:is|was|were|are|has been|have been|had been|being) (?:arrested and |later )?"
        r"charged with|faces? (?:[\w-]+ ){0,7}charges?\b|charged (?:him|her|them) with|"
        r"filed (?:[\w-]+ ){0,3}charges against)",
        re.IGNORECASE,
    ),
)
_MANNER = (
    re.compile(
        r"\b(?:(?:unsure|not sure|unclear|(?:do not|don['’]t) know|investigating|determine)"
        r" (?:if|whether) (?:the shooting |it )?(?:was )?(?:intentional|accidental|an accident)"
        r"|(?:not|n['’]t) (?:yet )?(?:ready to )?(?:call|calling|label|labeling|ruled?|ruling)"
        r" (?:this|it|the \w+) (?:a |an )?(?:murder-suicide|homicide|suicide|accident)"
        r"|manner of death (?:is|was|remains|remained) (?:still )?(?:pending|undetermined))\b",
        re.IGNORECASE,
    ),
    re.compile(
        r"\b(?:accidental (?:shooting|discharge)|(?:was|been) (?:shot )?accidentally|"
        r"(?:ruled|declared|deemed|classified as|determined to be) (?:an? )?(?:accident(?:al)?|"
        r"homicide|murder-suicide|suicide))\b",
        re.IGNORECASE,
    ),
)
_VICTIM_NOUN = r"(?:victim|boy|girl|man|woman|teen|teenager|child|toddler|infant|baby|student)"
_UNNAMED = re.compile(
    r"\b(?:(?:did not|didn['’]t|have not|haven['’]t|has not|hasn['’]t|had not|would not|"
    r"declined to|will not|not) (?:yet )?(?:release|released|releasing|identif\w+|name|named|"
    r"naming)(?: the)? (?:\w+['’]s )?(?:identity|name)|"
    rf"(?:the )?{_VICTIM_NOUN}['’]s (?:name|identity) (?:has|was|is|had|have)(?: not|n['’]t) "
    rf"(?:yet )?been (?:released|made public)|(?:the )?{_VICTIM_NOUN} (?:has|had|was)(?: not|"
    r"n['’]t) (?:yet )?been (?:identified|named))\b",
    re.IGNORECASE,
)
_NAME = r"[A-Z][a-z'’-]+(?: [A-Z]\.)?(?: [A-Z][a-z'’-]+){1,2}"
_NAMED = re.compile(
    rf"\b(?:identified (?:him |her |the \w+ )?as|{_VICTIM_NOUN}(?: \w+)?,) (?P<name>{_NAME})"
)
_PEOPLE_NOUNS = re.compile(
    r"\b(?:boyfriend|girlfriend|husband|wife|son|daughter|father|mother|brother|sister|"
    r"uncle|aunt|cousin|nephew|niece|relative|friend|neighbou?r|driver|officer|deputy|"
    r"trooper|homeowner|owner|clerk|guard|shooter|gunman|victim)s?\b",
    re.IGNORECASE,
)
_NOT_PEOPLE = {"police", "the", "a", "an", "however", "but", "he", "she", "they", "it", "no",
               "on", "in", "at", "after", "before", "according", "authorities", "officers",
               "investigators", "detectives", "county", "city", "department", "sheriff",
               "district", "attorney", "office", "court", "chief", "sgt", "lt", "capt",
               *(d.lower() for d in calendar.day_name),
               *(m.lower() for m in calendar.month_name if m)}  # fmt: skip
# Who said it is not whom it is about: "…, Sgt. John Smith said", "according to Chief Doutt".
_ATTRIBUTED = re.compile(
    r"(?:[A-Z][\w.]*\s){1,4}(?:said|says|told)\b|\b(?:said|says|according to)"
    r"(?:\s(?:[A-Z][\w.]*|of|the)){1,6}"
)
# Open statements about one person ("was released without charges", "is not facing
# charges"), not the case ("no charges have been filed"): only these are keyed by person.
_PERSONAL = re.compile(r"released|not (?:be )?(?:facing|face|charged)|been charged", re.I)
_ELSEWHERE = re.compile(
    r"\b(?:unrelated|separate|previously|prior|in (?:19|20)\d\d|last year|years? ago)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Status:
    article: int
    slot: str
    value: str  # "open" | "settled"
    phrase: str
    citation: Citation
    people: frozenset[str] = frozenset()


def _people(text: str) -> frozenset[str]:
    """Who a statement's sentence is about: its capitalized words that are not an
    agency, a title or a day, and its role nouns ("boyfriend")."""
    text = _ATTRIBUTED.sub(" ", text)
    words = re.findall(r"(?<![\w.])([A-Z][a-z]+)(?:['’]s)?\b", text)
    found = {w.lower() for w in words if w.lower() not in _NOT_PEOPLE}
    found |= {m.group(0).lower().rstrip("s") for m in _PEOPLE_NOUNS.finditer(text)}
    return frozenset(found)


def _clause(text: str, m: re.Match[str]) -> str:
    """The match with a few words either side, cut at clause marks: the side a reader sees."""
    start = max(text.rfind(c, 0, m.start()) for c in ",;:") + 1
    left = text[start : m.start()].split()[-4:]
    right = re.split(r"[,;:.]", text[m.end() :], maxsplit=1)[0].split()[:4]
    return " ".join([*left, m.group(0), *right]).strip()


def _statuses(k: int, article: Article, off: set[str]) -> Iterator[_Status]:
    """Every statement of each slot in the article's own report, in order (one per
    sentence and slot)."""
    for sentence in article.sentences:
        text = sentence.text
        if sentence.id in off or _ELSEWHERE.search(text) or text.rstrip()[-1:] not in ".!\"”’'":
            continue
        cite = Citation(article.id, sentence.id)
        for slot, (open_, settled) in (("charges", _CHARGES), ("accidental or not", _MANNER)):
            for value, pattern in ((_OPEN, open_), (_SETTLED, settled)):
                m = pattern.search(text)
                if m:
                    keyed = slot == "charges" and (value == _SETTLED or _PERSONAL.search(m[0]))
                    people = _people(text) if keyed else frozenset()
                    yield _Status(k, slot, value, _clause(text, m), cite, people)
                    break
        for value, pattern, group in ((_OPEN, _UNNAMED, 0), (_SETTLED, _NAMED, "name")):
            m = pattern.search(text)
            if m:
                phrase = m.group(group) if group else _clause(text, m)
                yield _Status(k, "identity", value, phrase, cite)
                break


def status_differences(
    articles: Sequence[Article], off: Sequence[set[str]], dates: Sequence[str]
) -> list[Comparison]:
    """One item per slot: the first report that leaves it open against the first that
    settles it (see the module docstring)."""
    by_slot: dict[str, list[_Status]] = {}
    for k, article in enumerate(articles):
        for status in _statuses(k, article, off[k]):
            by_slot.setdefault(status.slot, []).append(status)
    found = []
    for slot, statuses in by_slot.items():
        match = _open_settled(statuses)
        if match is None:
            continue
        a, b = match
        sides = (a.phrase, a.citation, dates[a.article]), (b.phrase, b.citation, dates[b.article])
        summary, cites = pair(slot, *sides)
        found.append(Comparison("conflict", summary, cites))
    return found


def _open_settled(statuses: list[_Status]) -> tuple[_Status, _Status] | None:
    """The first open statement and the first settled one of another article about the
    same people (or about nobody in particular); an article that settles the slot
    itself is no open side."""
    settles = {s.article for s in statuses if s.value == _SETTLED}
    opens = [s for s in statuses if s.value == _OPEN and s.article not in settles]
    for a in opens:
        for b in (s for s in statuses if s.value == _SETTLED and s.article != a.article):
            if a.people and b.people and not a.people & b.people:
                continue  # two people: one released, another charged
            return a, b
    return None
