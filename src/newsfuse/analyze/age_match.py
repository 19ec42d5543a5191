"""Ages a report gives a person by naming the age first: "identified the 25-year-old as
<First> <Surname>".

Why its own fill: a first report gives ages without names ("a 25-year-old man was
killed"), and a later one names the person ("the medical examiner identified the
25-year-old as …"); another report's "<Surname>, 24," then disagrees with it, yet the
named-age fill (ages.py) reads only "<Name>, N," and "N-year-old <Name>". This fill puts
the age under the same slot ("age of <surname>") so the two are compared.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from newsfuse.analyze.ages import NAMED_AGE, citation_at
from newsfuse.analyze.fills import Fill
from newsfuse.analyze.updates import pair
from newsfuse.types import Article, Citation, Comparison

_IDENTIFIED = re.compile(
    r"\bidentified (?:the|a) (?P<n>\d{1,3})[- ]years?[- ]old(?: (?:man|woman|boy|girl|male|"
    r"female|victim|teen|teenager))? as (?P<name>[A-Z][a-z'’]+(?: [A-Z][a-z'’]+){1,2})\b"
)


def identified_ages(k: int, article: Article, starts: list[int]) -> Iterator[Fill]:
    """Fills "age of <surname>" from "identified the N-year-old as <Name>"."""
    for m in _IDENTIFIED.finditer(article.body):
        cite = citation_at(article, starts, m.start())
        if cite is not None:
            surname = m["name"].split()[-1].lower()
            yield Fill(k, f"age of {surname}", str(int(m["n"])), m.group(0), cite)


# One person held: an N-year-old man "taken into custody", or "<Surname> was … arrested".
_HELD = (
    r"(?:[^.;]{0,80}?\b(?:was|has been|had been) (?:later )?(?:taken into custody|arrested|"
    r"detained|charged|booked))"
)
_AGED_HELD = re.compile(
    r"^(?:An?|The) (?P<n>\d{1,2})[- ]years?[- ]old (?:man|woman|male|female|teen|teenager|"
    rf"boy|girl|suspect){_HELD}"
)
# Between the person and "held": another person or a victim's verb makes it not theirs.
_OTHER_PERSON = re.compile(r"\d|\b(?:shot|killed|wounded|injured|died|and an?)\b")
_NAMED_HELD = re.compile(rf"^(?P<surname>[A-Z][a-z'’]+){_HELD}")


@dataclass(frozen=True)
class Held:
    """The one person a report says was held, with the age it gives them."""

    article: int
    age: int
    phrase: str  # the age's phrase
    citations: tuple[Citation, ...]  # the age's sentence, then the custody one if apart


def _held(k: int, article: Article, off: set[str]) -> Held | None:
    """The report's first custody sentence about one person, aged there or by name."""
    for sentence in article.sentences:
        text = sentence.text.strip()
        if sentence.id in off:
            continue
        cite = Citation(article.id, sentence.id)
        aged = _AGED_HELD.match(text)
        if aged and not _OTHER_PERSON.search(aged.group(0), aged.end("n")):
            return Held(k, int(aged["n"]), aged.group(0), (cite,))
        named = _NAMED_HELD.match(text)
        if named:
            return _named_age(k, article, named["surname"], cite)
    return None


def _named_age(k: int, article: Article, surname: str, held: Citation) -> Held | None:
    """ "<First> <Surname>, N," earlier in the report gives the held person's age."""
    for sentence in article.sentences:
        for m in NAMED_AGE.finditer(sentence.text):
            if m["name"].split()[-1] == surname:
                cite = Citation(article.id, sentence.id)
                cites = (cite,) if cite == held else (cite, held)
                return Held(k, int(m["n"]), m.group(0).rstrip(","), cites)
    return None


def held_age_differences(
    articles: Sequence[Article], off: Sequence[set[str]], dates: Sequence[str]
) -> Iterator[Comparison]:
    """At most one item: two reports giving the one person held different ages."""
    found = [h for k, a in enumerate(articles) if (h := _held(k, a, off[k])) is not None]
    for i, a in enumerate(found):
        for b in found[i + 1 :]:
            if a.age == b.age:
                continue
            side_a = (a.phrase, a.citations[0], dates[a.article])
            side_b = (b.phrase, b.citations[0], dates[b.article])
            summary, cites = pair("age of the person held", side_a, side_b)
            extra = [c for c in (*a.citations[1:], *b.citations[1:])]
            yield Comparison("number_mismatch", summary, (*cites, *extra))
            return
