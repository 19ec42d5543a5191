"""When the reported incident happened, as the text says it: weekdays, "yesterday",
month-and-day dates in the title and lead, resolved against the article's date.

Two reports of one shooting published days apart both point to the same day
("early Saturday" on a Saturday, "Saturday's shooting" on the Monday after);
two look-alike reports of a city's shootings a week apart point to different
days. Measured over the neighbour edges of gva_dev (cosine >= 0.1, title + four
lead sentences): of pairs of one incident published within a week of each
other, 52% name a common day and 12% only different days; of pairs of
different incidents, 11% and 58%. A common day is also what keeps a trial
months later with its shooting ("the Jan. 7 shooting"): 23% of same-incident
pairs more than a week apart share one, against almost none of the others.

A regex over five short texts, no tagger: it runs on every ingested article.
Undated articles (Multi-News) resolve nothing, and then no evidence is drawn.
"""

from __future__ import annotations

import datetime as dt
import re

import numpy as np

from newsfuse.cluster.levels import lead_sentences
from newsfuse.types import Article

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_WHEN = re.compile(
    r"\b(mon|tues|wednes|thurs|fri|satur|sun)day\b"
    r"|\b(yesterday|last night|today|tonight|this morning)\b"
    # "Jan. 7", "July 4": not a year ("May 2014"), a time ("Jan 7:30") or a full date's
    # year ("Jan. 7, 2013" still gives Jan. 7 of the article's year or the one before).
    r"|\b(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})\b(?![:\d])",
    re.IGNORECASE,
)


def _resolve(match: re.Match[str], published: dt.date) -> dt.date | None:
    """The day one mention names: the latest such weekday or date not after publication."""
    weekday, relative, month, day = match.groups()
    if weekday:
        back = (published.weekday() - _WEEKDAYS.index(weekday.lower()[:3])) % 7
        return published - dt.timedelta(days=back)
    if relative:
        yesterday = relative.lower() in ("yesterday", "last night")
        return published - dt.timedelta(days=int(yesterday))
    try:
        named = dt.date(published.year, _MONTHS.index(month.lower()[:3]) + 1, int(day))
        if named > published + dt.timedelta(days=1):  # "Dec. 30" in a January article
            named = named.replace(year=published.year - 1)
    except ValueError:  # "Feb 30", or Feb 29 of a year before
        return None
    return named


def incident_days(
    article: Article, title: str, sentences: int, min_words: int = 0
) -> frozenset[int]:
    """Ordinals of the days the title and first `sentences` sentences (of at least
    `min_words` words, levels.lead_sentences) name (none when the article is undated or
    `sentences` is 0)."""
    if article.date is None or sentences <= 0:
        return frozenset()
    published = article.date
    if isinstance(published, dt.datetime):
        published = published.date()
    texts = [title, *lead_sentences(article, sentences, min_words)]
    days = set()
    for text in texts:
        for match in _WHEN.finditer(text):
            day = _resolve(match, published)
            if day is not None:
                days.add(day.toordinal())
    return frozenset(days)


def day_evidence(
    rows: np.ndarray, cols: np.ndarray, days: list[frozenset[int]], base: int
) -> np.ndarray:
    """Per edge: 1 where the two ends name a common incident day, -1 where both name days
    and none in common, 0 otherwise (one or both name none)."""
    out = np.zeros(len(rows))
    for i, (a, b) in enumerate(zip(rows.tolist(), cols.tolist(), strict=True)):
        da, db = days[a - base], days[b - base]
        if da and db:
            out[i] = 1.0 if da & db else -1.0
    return out
