"""When someone died and when police were called, as each report states it.

Why slots of their own: the time slot (slots.py) is when the shots were fired, and it
skips "pronounced dead at 1:19 a.m." on purpose; but two reports that put one death, or
one call to police, at different times disagree as plainly as two times of a shooting,
and a reader needs both sides. A call's time may be a clock ("called … about 1 p.m.") or
a part of the day ("a 911 call Saturday morning"): each value is a range of minutes of
the day, and two reports differ when their ranges do not meet and lie within four
hours (further apart they are likely two events: a death the next evening, a second call).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from newsfuse.analyze.updates import ended_sentences, pair
from newsfuse.types import Article, Citation, Comparison

_CLOCK = (
    r"(?P<qual>(?:about|around|approximately|shortly|just|near)\s+(?:before\s+|after\s+)?|"
    r"(?:before|after)\s+)?(?P<h>\d{1,2})(?::(?P<m>\d{2}))?\s*(?P<ap>[ap])\.?m\b\.?"
)
_PART = r"(?P<part>morning|afternoon|evening)"
_DEATH = re.compile(
    rf"\b(?:pronounced dead|declared dead|died)\b(?P<mid>[^;]{{0,50}}?)\bat\s+{_CLOCK}",
    re.IGNORECASE,
)
_CALL = re.compile(
    r"\b(?:(?:were|was) (?:called|dispatched|summoned)|(?:911 )?call(?:ed)? (?:came|come) in|"
    r"(?:got|received|took) an? (?:911 )?call)\b"
    rf"(?P<mid>[^;]{{0,60}}?)(?:\b(?:at\s+)?{_CLOCK}|\b(?:\w+day\s+)?{_PART}\b)",
    re.IGNORECASE,
)
# A clause between the verb and the time that makes the time another event's.
_OTHER = re.compile(r"\b(?:after|when|while|before|and|but|said|says|shot|shooting)\b", re.I)
_PARTS = {"morning": (300, 720), "afternoon": (720, 1080), "evening": (1020, 1320)}
_MAX_GAP = 240  # minutes; further apart, two events rather than one stated two ways
_SLOTS = (("time of death", _DEATH), ("time police were called", _CALL))


@dataclass(frozen=True)
class Clock:
    """One report's first time for one slot, as a range of minutes of the day."""

    article: int
    low: int
    high: int
    phrase: str
    citation: Citation


def _range(m: re.Match[str]) -> tuple[int, int]:
    """Minutes of the day a clock or part of the day stands for."""
    if m.groupdict().get("part"):
        return _PARTS[m["part"].lower()]
    minutes = (int(m["h"]) % 12 + (12 if m["ap"].lower() == "p" else 0)) * 60 + int(m["m"] or 0)
    qual = (m["qual"] or "").lower().split()
    if "before" in qual:
        return minutes - 30, minutes
    if "after" in qual:
        return minutes, minutes + 30
    if qual:  # "about 1 p.m." (a round time stands for half an hour either side)
        spread = 30 if minutes % 30 == 0 else 10
        return minutes - spread, minutes + spread
    return minutes, minutes


def _first(k: int, article: Article, pattern: re.Pattern[str], off: set[str]) -> Clock | None:
    for sentence in ended_sentences(article, off):
        for m in pattern.finditer(sentence.text):
            if _OTHER.search(m["mid"]):
                continue
            low, high = _range(m)
            phrase = m.group(0).strip()
            return Clock(k, low, high, phrase, Citation(article.id, sentence.id))
    return None


def _differ(a: Clock, b: Clock) -> bool:
    gap = max(a.low, b.low) - min(a.high, b.high)
    return 0 < gap <= _MAX_GAP


def clock_differences(
    articles: Sequence[Article], off: Sequence[set[str]], dates: Sequence[str]
) -> Iterator[Comparison]:
    """Per slot, at most one item: the first two reports whose times cannot meet."""
    for label, pattern in _SLOTS:
        clocks = [c for k, a in enumerate(articles) if (c := _first(k, a, pattern, off[k]))]
        pairs = [(a, b) for i, a in enumerate(clocks) for b in clocks[i + 1 :] if _differ(a, b)]
        if pairs:
            a, b = pairs[0]
            side_a = (a.phrase, a.citation, dates[a.article])
            side_b = (b.phrase, b.citation, dates[b.article])
            summary, cites = pair(label, side_a, side_b)
            yield Comparison("number_mismatch", summary, cites)
