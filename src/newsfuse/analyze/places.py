"""Where it happened, as each report first places the incident: a block or a junction.

Why apart from the block slot (slots.py compares blocks of one street): outlets often
place one shooting differently, one at a road junction ("near North High School Rd and
West 46th Street"), the other on a block of another road ("the 6400 block of Whitehaven
Road"); the two share no street, so no per-street slot sees them. Each article's first
place in a sentence about the event (a shooting, a call, a response) is its scene. Two
scenes differ only when neither names a street of the other (a block of one of a
junction's streets is the same place written differently), two junctions differ in a
street, and neither article mentions the other's place anywhere (then it is a second
place of the story, such as where a victim was found, not a disagreement); two corners of
one avenue ("West 16th Street and Mermaid Avenue" / "Mermaid Ave. and W. 15th St.") are
judged by their cross streets alone, since both reports name the avenue.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from newsfuse.analyze.updates import pair
from newsfuse.types import Article, Citation, Comparison

_EVENT = re.compile(
    r"\b(?:shoot|shot|shooting|happen|occur|fired|gunfire|called|respond|erupt|broke out|"
    r"dispatched|reported|found)",
    re.IGNORECASE,
)
_SUFFIX = (
    r"(?:Streets?|St\.|Avenues?|Ave\.|Roads?|Rd\.?|Drive|Dr\.|Boulevards?|Blvd\.?|Lanes?|"
    r"Way|Parkway|Pkwy\.?|Highway|Hwy\.?)"
)
_NAMEWORD = r"(?:\d{1,3}(?:st|nd|rd|th)|[A-Z][a-z]+)"
_STREET = rf"(?:(?:[NSEW]\.?|North|South|East|West) )?{_NAMEWORD}(?: [A-Z][a-z]+){{0,2}}"
_JUNCTION = re.compile(rf"\b(?P<a>{_STREET}(?: {_SUFFIX})?) and (?P<b>{_STREET} {_SUFFIX})")
_BLOCK = re.compile(rf"\b\d{{2,5}} block of (?P<a>{_STREET}(?: {_SUFFIX})?)")
_DROP = {"n", "s", "e", "w", "n.", "s.", "e.", "w.", "north", "south", "east", "west",
         "street", "streets", "st.", "avenue", "avenues", "ave.", "road", "roads", "rd",
         "rd.", "drive", "dr.", "boulevard", "boulevards", "blvd", "blvd.", "lane", "lanes",
         "way", "parkway", "pkwy", "pkwy.", "highway", "hwy", "hwy."}  # fmt: skip


@dataclass(frozen=True)
class Scene:
    """One article's first place of the event: its streets and the verbatim phrase."""

    article: int
    streets: frozenset[str]
    phrase: str
    citation: Citation


def _street(name: str) -> str:
    words = [w for w in name.lower().split() if w not in _DROP]
    return " ".join(words)


def _scenes(k: int, article: Article, off: set[str]) -> Iterator[Scene]:
    """The article's first junction or block in an event sentence (not background)."""
    for sentence in article.sentences:
        if sentence.id in off or not _EVENT.search(sentence.text):
            continue
        found = [m for p in (_JUNCTION, _BLOCK) for m in p.finditer(sentence.text)]
        for m in sorted(found, key=lambda m: m.start()):
            names = [m[g] for g in ("a", "b") if g in m.groupdict() and m[g]]
            streets = frozenset(s for s in (_street(n) for n in names) if s)
            if streets:
                yield Scene(k, streets, m.group(0), Citation(article.id, sentence.id))
                return


def _differ(a: Scene, b: Scene, bodies: Sequence[str]) -> bool:
    if len(a.streets) == 1 or len(b.streets) == 1:
        if a.streets & b.streets:
            return False
    elif a.streets == b.streets:
        return False
    shared = a.streets & b.streets  # two corners of one avenue: the cross streets differ
    mentioned = [
        any(
            re.search(rf"\b{re.escape(s)}\b", bodies[other.article].lower())
            for s in scene.streets - shared
        )
        for scene, other in ((a, b), (b, a))
    ]
    return not any(mentioned)


def scene_differences(
    articles: Sequence[Article], off: Sequence[set[str]], dates: Sequence[str]
) -> Iterator[Comparison]:
    """At most one item: the first two reports that place the incident differently."""
    scenes = [s for k, a in enumerate(articles) for s in _scenes(k, a, off[k])]
    bodies = [a.body for a in articles]
    for i, a in enumerate(scenes):
        for b in scenes[i + 1 :]:
            if _differ(a, b, bodies):
                da, db = dates[a.article], dates[b.article]
                summary, cites = pair(
                    "place", (a.phrase, a.citation, da), (b.phrase, b.citation, db)
                )
                yield Comparison("conflict", summary, cites)
                return
