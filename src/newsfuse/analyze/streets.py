"""A street named with two kinds of way: "West Dickens Street" / "West Dickens Avenue".

Why a slot of its own: the block slot (slots.py) keys a block by its street's name
without the kind of way, so that "Murray Hill Ave." and "Murray Hill Avenue" are one
street; but in a city a Street and an Avenue of one name are two places, and a reader
must know which report is right. Only a report's blocks and numbered addresses count
(a street named in passing may be another), and a report that gives both kinds of way to
the name is not set against either.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from newsfuse.analyze.updates import ended_sentences, pair
from newsfuse.types import Article, Citation, Comparison

_KINDS = {
    "street": "street", "st": "street", "avenue": "avenue", "ave": "avenue", "av": "avenue",
    "road": "road", "rd": "road", "drive": "drive", "dr": "drive", "boulevard": "boulevard",
    "blvd": "boulevard", "lane": "lane", "ln": "lane", "court": "court", "ct": "court",
    "place": "place", "pl": "place", "parkway": "parkway", "pkwy": "parkway",
    "terrace": "terrace", "circle": "circle",
}  # fmt: skip
_WAY = "|".join(sorted((k.capitalize() for k in _KINDS), key=len, reverse=True))
_PLACE = re.compile(
    r"\b\d{2,5} (?:block of )?(?P<dir>(?:[NSEW]\.?|North|South|East|West) )?"
    rf"(?P<name>(?:[A-Z0-9][\w']*\.? ){{1,2}}?)(?P<way>{_WAY})\b\.?"
)


@dataclass(frozen=True)
class Way:
    article: int
    name: str
    kind: str
    phrase: str
    citation: Citation


def _ways(k: int, article: Article, off: set[str]) -> Iterator[Way]:
    for sentence in ended_sentences(article, off):
        for m in _PLACE.finditer(sentence.text):
            name = m["name"].strip().lower()
            if name.rstrip(".") in _KINDS or (not name[:1].isalpha() and "block" not in m[0]):
                continue
            kind = _KINDS[m["way"].lower()]
            yield Way(k, name, kind, m.group(0).rstrip("."), Citation(article.id, sentence.id))


def street_differences(
    articles: Sequence[Article], off: Sequence[set[str]], dates: Sequence[str]
) -> Iterator[Comparison]:
    """One item per street name two reports give different kinds of way."""
    found = [w for k, a in enumerate(articles) for w in _ways(k, a, off[k])]
    kinds: dict[tuple[int, str], set[str]] = {}
    for way in found:
        kinds.setdefault((way.article, way.name), set()).add(way.kind)
    done: set[str] = set()
    for i, a in enumerate(found):
        for b in found[i + 1 :]:
            if a.article == b.article or a.name != b.name or a.kind == b.kind or a.name in done:
                continue
            if len(kinds[(a.article, a.name)]) > 1 or len(kinds[(b.article, b.name)]) > 1:
                continue
            done.add(a.name)
            side_a = (a.phrase, a.citation, dates[a.article])
            side_b = (b.phrase, b.citation, dates[b.article])
            summary, cites = pair("street", side_a, side_b)
            yield Comparison("name_mismatch", summary, cites)
