"""Who a person is to someone else, as each report states it: a sister or a brother.

Why a slot of its own: a report that calls a wounded 15-year-old "his sister" and one
that calls the same 15-year-old "his brother" disagree on who was hurt, yet no age or
count differs. A relative is keyed by the age given beside the kinship noun ("his
15-year-old sister", "her brother, 15,"); two reports differ when they give the same
age to counterpart nouns (sister / brother, son / daughter …) and neither report also
gives that age to the other noun (then there may be two such relatives).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from newsfuse.analyze.updates import ended_sentences, pair
from newsfuse.types import Article, Citation, Comparison

_COUNTERPART = {
    "sister": "brother", "daughter": "son", "niece": "nephew", "aunt": "uncle",
    "mother": "father", "wife": "husband", "grandmother": "grandfather",
    "granddaughter": "grandson", "stepdaughter": "stepson", "girlfriend": "boyfriend",
}  # fmt: skip
_COUNTERPART |= {v: k for k, v in _COUNTERPART.items()}
_KIN = "|".join(sorted(_COUNTERPART, key=len, reverse=True))
_AGED_KIN = re.compile(
    rf"\b(?P<n>\d{{1,2}})[- ]years?[- ]old (?P<kin>{_KIN})\b|"
    rf"\b(?:his|her|their) (?P<kin2>{_KIN}),? (?:age |aged )?(?P<n2>\d{{1,2}})\b(?![- ]year|%)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Kin:
    article: int
    age: int
    noun: str
    phrase: str
    citation: Citation


def _kin(k: int, article: Article, off: set[str]) -> Iterator[Kin]:
    for sentence in ended_sentences(article, off):
        for m in _AGED_KIN.finditer(sentence.text):
            noun = (m["kin"] or m["kin2"]).lower()
            age = int(m["n"] or m["n2"])
            yield Kin(k, age, noun, m.group(0), Citation(article.id, sentence.id))


def relation_differences(
    articles: Sequence[Article], off: Sequence[set[str]], dates: Sequence[str]
) -> Iterator[Comparison]:
    """One item per age that two reports give to counterpart kinship nouns."""
    found = [kin for k, a in enumerate(articles) for kin in _kin(k, a, off[k])]
    said = {(kin.article, kin.age, kin.noun) for kin in found}
    done: set[int] = set()
    for i, a in enumerate(found):
        for b in found[i + 1 :]:
            if a.article == b.article or a.age != b.age or a.age in done:
                continue
            if _COUNTERPART[a.noun] != b.noun:
                continue
            if (a.article, a.age, b.noun) in said or (b.article, b.age, a.noun) in said:
                continue  # a report naming both: two relatives of that age
            done.add(a.age)
            side_a = (a.phrase, a.citation, dates[a.article])
            side_b = (b.phrase, b.citation, dates[b.article])
            summary, cites = pair(f"relation of the {a.age}-year-old", side_a, side_b)
            yield Comparison("conflict", summary, cites)
