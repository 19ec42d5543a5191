"""The timeline's resolved dates and the context they are read against, and the
resolvers of periods ("last week", "two years ago", "last fall", "summer 2015"): split
from timeline.py, which keeps the days and the patterns that choose a resolver.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

SEASONS = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}
COUNT_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}


@dataclass(frozen=True)
class Resolved:
    date: dt.date
    precision: str


@dataclass
class Context:
    """What an expression is resolved against: the article date and the last day
    the article placed an event on (the anchor of "a day after")."""

    date: dt.date | None
    anchor: dt.date | None
    first: dt.date | None = None  # the story's earliest report date
    incident: dt.date | None = None  # the story's incident day, once read (see build_timeline)


def count(match: re.Match[str]) -> int:
    """The number a "count" group spells ("three", "3", "a")."""
    word = match["count"].lower()
    return int(word) if word.isdigit() else COUNT_WORDS.get(word, 1)


def last_period(match: re.Match[str], context: Context) -> Resolved | None:
    """ "last/this/next week|month|year" against the article date."""
    if context.date is None:
        return None
    step = {"last": -1, "this": 0, "next": 1}[match["which"].lower()]
    unit, date = match["unit"].lower(), context.date
    if unit == "week":
        return Resolved(date + dt.timedelta(weeks=step), "week")
    if unit == "year":
        return Resolved(dt.date(date.year + step, 1, 1), "year")
    index = date.year * 12 + date.month - 1 + step
    return Resolved(dt.date(index // 12, index % 12 + 1, 1), "month")


def ago(match: re.Match[str], context: Context) -> Resolved | None:
    """ "two weeks ago": back from the article date, at the unit's precision."""
    if context.date is None:
        return None
    n = count(match)
    unit = match["unit"].lower().rstrip("s")
    if unit == "day":
        return Resolved(context.date - dt.timedelta(days=n), "day")
    if unit == "week":
        return Resolved(context.date - dt.timedelta(weeks=n), "week")
    if unit == "year":
        return Resolved(dt.date(context.date.year - n, 1, 1), "year")
    index = context.date.year * 12 + context.date.month - 1 - n
    return Resolved(dt.date(index // 12, index % 12 + 1, 1), "month")


def last_season(match: re.Match[str], context: Context) -> Resolved | None:
    """ "last fall": the most recent fall that began before the article date and is
    not the current one (Aug 2016 -> fall 2015); dated by its first month."""
    if context.date is None:
        return None
    month = SEASONS[match["season"].lower()]
    start = dt.date(context.date.year, month, 1)
    if start > context.date:
        start = dt.date(start.year - 1, month, 1)
    months_in = (context.date.year - start.year) * 12 + context.date.month - start.month
    if months_in < 3:  # still in that season: "last" means the one before
        start = dt.date(start.year - 1, month, 1)
    return Resolved(start, "season")


def season_year(match: re.Match[str], context: Context) -> Resolved | None:
    return Resolved(dt.date(int(match["year"]), SEASONS[match["season"].lower()], 1), "season")
