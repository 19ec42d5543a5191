"""A report's date of the shooting against another report's weekday for it.

Why apart from days.py: the day slot compares weekdays of reports filed within a week,
but a later report often dates the shooting ("… on Sept. 29", paraphrased) while the
first report of the day said "early Monday"; if that date fell on a Tuesday, the two
disagree on the day, and no weekday pair shows it. The weekday is resolved against its
own report's date (the last such weekday on or before it), so the later report may be
filed any time after; the two agree when they name the same day, or adjacent days
either side of midnight (days.py's rule).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from datetime import date, timedelta

from newsfuse.analyze.days import _EVENT, _OTHER, _STOPS, Day, _agree, _dates_event, _first_day
from newsfuse.analyze.updates import pair
from newsfuse.types import Article, Citation, Comparison

_MONTHS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
           "sep": 9, "oct": 10, "nov": 11, "dec": 12}  # fmt: skip
_DATE = re.compile(
    r"\bon (?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|"
    r"Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.? "
    r"(?P<d>\d{1,2})\b(?:,? (?P<y>(?:19|20)\d\d))?"
)
_MAX_BEFORE = 6  # days from the shooting to the weekday's report


def _on(m: re.Match[str], filed: date) -> date | None:
    """The calendar day a date names, in its report's year (or the year before)."""
    month = _MONTHS[m["mon"][:3].lower()]
    year = int(m["y"]) if m["y"] else filed.year
    try:
        named = date(year, month, int(m["d"]))
    except ValueError:
        return None
    if not m["y"] and named > filed:  # "Dec. 30" in a January report
        return None if (month, named.day) == (2, 29) else named.replace(year=year - 1)
    return named


def _first_date(k: int, article: Article, off: set[str]) -> tuple[date, Day] | None:
    """The article's first date that dates the shooting itself."""
    if article.date is None:
        return None
    for sentence in article.sentences:
        text = sentence.text
        if sentence.id in off or not _EVENT.search(text) or text.rstrip()[-1:] not in _STOPS:
            continue
        for m in _DATE.finditer(text):
            if _OTHER.search(text[max(0, m.start() - 30) : m.start()]):
                continue
            if not _dates_event(text, m.start(), m.end()):
                continue
            named = _on(m, article.date)
            if named is not None:
                cite = Citation(article.id, sentence.id)
                return named, Day(k, named.weekday(), "", m.group(0), cite)
    return None


def date_differences(
    articles: Sequence[Article], off: Sequence[set[str]], dates: Sequence[str]
) -> Iterator[Comparison]:
    """At most one item: a report's date against another's weekday for the shooting."""
    named = [n for k, a in enumerate(articles) if (n := _first_date(k, a, off[k]))]
    weekdays = [d for k, a in enumerate(articles) if (d := _first_day(k, a, off[k]))]
    for on, a in named:
        for b in weekdays:
            filed = articles[b.article].date
            if b.article == a.article or filed is None:
                continue
            if not 0 <= (filed - on).days <= _MAX_BEFORE:
                continue
            meant = filed - timedelta(days=(filed.weekday() - b.weekday) % 7)
            if meant == on or (abs((meant - on).days) == 1 and _agree(a, b)):
                continue
            side_a = (a.phrase, a.citation, dates[a.article])
            side_b = (b.phrase, b.citation, dates[b.article])
            summary, cites = pair("day", side_a, side_b)
            yield Comparison("number_mismatch", summary, cites)
            return
