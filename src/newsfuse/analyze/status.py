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
"""

from __future__ import annotations

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


def _clause(text: str, m: re.Match[str]) -> str:
    """The match with a few words either side, cut at clause marks: the side a reader sees."""
    start = max(text.rfind(c, 0, m.start()) for c in ",;:") + 1
    left = text[start : m.start()].split()[-4:]
    right = re.split(r"[,;:.]", text[m.end() :], maxsplit=1)[0].split()[:4]
    return " ".join([*left, m.group(0), *right]).strip()


def _statuses(k: int, article: Article, off: set[str]) -> Iterator[_Status]:
    """Each slot's first statement in the article's own report."""
    seen: set[str] = set()
    for sentence in article.sentences:
        text = sentence.text
        if sentence.id in off or _ELSEWHERE.search(text) or text.rstrip()[-1:] not in ".!\"”’'":
            continue
        cite = Citation(article.id, sentence.id)
        for slot, (open_, settled) in (("charges", _CHARGES), ("accidental or not", _MANNER)):
            for value, pattern in ((_OPEN, open_), (_SETTLED, settled)):
                m = pattern.search(text)
                if m and slot not in seen:
                    seen.add(slot)
                    yield _Status(k, slot, value, _clause(text, m), cite)
        for value, pattern, group in ((_OPEN, _UNNAMED, 0), (_SETTLED, _NAMED, "name")):
            m = pattern.search(text)
            if m and "identity" not in seen:
                seen.add("identity")
                phrase = m.group(group) if group else _clause(text, m)
                yield _Status(k, "identity", value, phrase, cite)


def status_differences(
    articles: Sequence[Article], off: Sequence[set[str]], dates: Sequence[str]
) -> list[Comparison]:
    """One item per slot: the first report that leaves it open against the first that
    settles it (see the module docstring)."""
    by_slot: dict[str, dict[str, _Status]] = {}
    for k, article in enumerate(articles):
        for status in _statuses(k, article, off[k]):
            by_slot.setdefault(status.slot, {}).setdefault(status.value, status)
    found = []
    for slot, values in by_slot.items():
        a, b = values.get(_OPEN), values.get(_SETTLED)
        if a is None or b is None or a.article == b.article:
            continue
        sides = (a.phrase, a.citation, dates[a.article]), (b.phrase, b.citation, dates[b.article])
        summary, cites = pair(slot, *sides)
        found.append(Comparison("conflict", summary, cites))
    return found
