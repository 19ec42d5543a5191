"""On which day it happened, as each report first says it: "Friday evening" / "Saturday".

Why a slot of its own: outlets of one weekend often put a shooting on different days (one
report's "Friday evening", another's "6:30 p.m. Saturday"), and no clock time or count
shows it. Each article's first weekday in a sentence about the event (shot, fired, a
shooting that happened) is its day; a weekday said of something else ("police said
Monday", "died Sunday", a vigil, a court date) is not. Two days differ unless they are the
same weekday, or adjacent ones on either side of midnight ("late Saturday" / "early
Sunday", "Saturday night" / "Sunday"). Only dated reports within a week of each other
compare: a weekday names a different day in a report filed weeks later, and undated
reports (Multi-News) may be of different weeks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from newsfuse.analyze.updates import pair
from newsfuse.types import Article, Citation, Comparison

_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DAY = re.compile(
    r"\b(?P<before>(?:early|late|last|on|this|about|around|before|after|until|since)\s+)?"
    r"(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"(?P<after>\s+(?:morning|afternoon|evening|night|overnight))?\b"
)
_EVENT = re.compile(
    r"\b(?:shot|shooting|shootings|fired (?:shots|at|on|into)|gunfire|opened fire|gunshots?|"
    r"killed|wounded|injured|happened|occurred|erupted|broke out)\b",
    re.IGNORECASE,
)
# A weekday said of a later step of the story, not of the shooting.
_OTHER = re.compile(
    r"\b(?:said|says|told|announced|confirmed|identified|released|died|pronounced|vigil|"
    r"funeral|visitation|memorial|court|arraign\w*|charged|arrested|booked|hearing|"
    r"surrender\w*|updated?|posted)\b",
    re.IGNORECASE,
)
# The weekday as the event's name: "Monday's shooting", "a Friday night shooting".
_NOUN_AFTER = re.compile(
    r"(?:['’]s)?(?:\s+(?:morning|afternoon|evening|night)(?:['’]s)?)?\s+(?:shooting|gunfire)\b",
    re.IGNORECASE,
)
# The weekday of a statement: "Police on Tuesday said a shooting … was accidental".
_SAID_AFTER = re.compile(r"\s+(?:said|says|announced|told|confirmed|identified|released)\b")
_MAX_APART = 6  # days between two reports' dates
_STOPS = ".!?\"”'’"


@dataclass(frozen=True)
class Day:
    """One article's day of the event: weekday index, part of day, phrase, citation."""

    article: int
    weekday: int
    part: str  # "early", "late" or ""
    phrase: str
    citation: Citation


def _part(m: re.Match[str]) -> str:
    words = f"{m['before'] or ''} {m['after'] or ''}".lower().split()
    if {"early", "morning", "overnight"} & set(words):
        return "early"
    if {"late", "night", "overnight"} & set(words):
        return "late"
    return "evening" if {"evening", "afternoon"} & set(words) else ""


def _dates_event(text: str, start: int, end: int) -> bool:
    """An event word next to the weekday, no comma between: "shot in the head on
    Saturday", "a Friday night shooting"; not a weekday in another clause ("the
    weekend's shooting ..., officers returned to the scene Tuesday", paraphrased)."""
    before = re.split(r"[,;]", text[max(0, start - 70) : start])[-1]
    return bool(_EVENT.search(before) or _NOUN_AFTER.match(text, end))


def _first_day(k: int, article: Article, off: set[str]) -> Day | None:
    """The article's first weekday that dates the event itself."""
    for sentence in article.sentences:
        text = sentence.text
        if sentence.id in off or not _EVENT.search(text) or text.rstrip()[-1:] not in _STOPS:
            continue  # background, or a headline ("… was to begin nursing job Monday")
        for m in _DAY.finditer(text):
            if (m["before"] or "").strip() in ("since", "until"):
                continue  # "killed … since Tuesday": a period, not the day
            if _OTHER.search(text[max(0, m.start() - 30) : m.start()]) or _SAID_AFTER.match(
                text, m.end()
            ):
                continue  # "police said Monday", "died Sunday", "on Tuesday said"
            if not _dates_event(text, m.start(), m.end()):
                continue
            weekday = _DAYS.index(m["day"].lower())
            phrase = m.group(0).strip()
            return Day(k, weekday, _part(m), phrase, Citation(article.id, sentence.id))
    return None


def _agree(a: Day, b: Day) -> bool:
    """Same weekday, or adjacent days either side of midnight."""
    if a.weekday == b.weekday:
        return True
    if (a.weekday + 1) % 7 == b.weekday:
        early, late = a, b
    elif (b.weekday + 1) % 7 == a.weekday:
        early, late = b, a
    else:
        return False
    return late.part == "early" or (early.part == "late" and late.part in ("", "early"))


def _apart(da: str, db: str) -> int:
    if not (da and db):  # undated: the weekdays may be of different weeks
        return _MAX_APART + 1
    return abs((date.fromisoformat(da[:10]) - date.fromisoformat(db[:10])).days)


def day_differences(
    articles: Sequence[Article], off: Sequence[set[str]], dates: Sequence[str]
) -> Iterator[Comparison]:
    """At most one item: the first two reports, within a week, that date the event on
    different days."""
    days = [d for k, a in enumerate(articles) if (d := _first_day(k, a, off[k])) is not None]
    for i, a in enumerate(days):
        for b in days[i + 1 :]:
            da, db = dates[a.article], dates[b.article]
            if _agree(a, b) or _apart(da, db) > _MAX_APART:
                continue
            summary, cites = pair("day", (a.phrase, a.citation, da), (b.phrase, b.citation, db))
            yield Comparison("number_mismatch", summary, cites)
            return
