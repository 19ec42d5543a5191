"""A bullet that grazed someone against one that hit them: "grazed" / "shot in the foot".

Why a slot of its own: the wound slot (injuries.py) compares where a person was hit, and
a graze names no part or the same part; but a report that says a 15-year-old was grazed
and one that has the same 15-year-old hit in a foot disagree on how badly. A person is
keyed by the age given just before the verb ("an N-year-old was also shot in the <part>",
"an N-year-old and his M-year-old sister were grazed"); an article that speaks
of "another" person of that age (two of them) gives no value for it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from newsfuse.analyze.updates import ended_sentences, pair
from newsfuse.types import Article, Citation, Comparison

_AGE = re.compile(r"\b(?P<n>\d{1,2})[- ]years?[- ]old\b")
_HIT = re.compile(
    r"\b(?P<graze>grazed)\b|\b(?:shot|struck|hit|wounded) in the (?:left |right |lower |upper )?"
    r"\w+|\bgunshot wounds? to the (?:left |right |lower |upper )?\w+",
    re.IGNORECASE,
)
# Between the age and the verb: only its noun, "and (his|her) …" another subject, a verb.
_BETWEEN = re.compile(r"^[\w\s'’]{0,60}$")
_TWO = re.compile(r"\b(?:another|other|two|both)\s+(?P<n>\d{1,2})[- ]years?[- ]olds?\b", re.I)


@dataclass(frozen=True)
class Graze:
    """One report's statement of how a bullet struck the person of one age."""

    article: int
    age: int
    grazed: bool
    phrase: str
    citation: Citation


def _grazes(k: int, article: Article, off: set[str]) -> Iterator[Graze]:
    twice = {int(m["n"]) for m in _TWO.finditer(article.body)}
    for sentence in ended_sentences(article, off):
        text = sentence.text
        for age in _AGE.finditer(text):
            hit = _HIT.search(text, age.end())
            if hit is None or not _BETWEEN.match(text[age.end() : hit.start()]):
                continue
            if _AGE.search(text, age.end(), hit.start()) and not hit["graze"]:
                continue  # "A, and B was shot in the foot": the hit is B's
            n = int(age["n"])
            if n not in twice:
                phrase = text[age.start() : hit.end()]
                yield Graze(k, n, bool(hit["graze"]), phrase, Citation(article.id, sentence.id))


def graze_differences(
    articles: Sequence[Article], off: Sequence[set[str]], dates: Sequence[str]
) -> Iterator[Comparison]:
    """One item per age that one report says was grazed and another says was hit."""
    firsts: dict[tuple[int, int], Graze] = {}
    for k, article in enumerate(articles):
        for graze in _grazes(k, article, off[k]):
            firsts.setdefault((k, graze.age), graze)
    found = list(firsts.values())
    done: set[int] = set()
    for i, a in enumerate(found):
        for b in found[i + 1 :]:
            if a.article == b.article or a.age != b.age or a.grazed == b.grazed or a.age in done:
                continue
            done.add(a.age)
            side_a = (a.phrase, a.citation, dates[a.article])
            side_b = (b.phrase, b.citation, dates[b.article])
            summary, cites = pair(f"wound of the {a.age}-year-old", side_a, side_b)
            yield Comparison("conflict", summary, cites)
