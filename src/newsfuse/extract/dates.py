"""Dates from datelines and metadata, with a small explicit regex set.

A dateline is a line that holds a date and nothing else (Wikinews starts every
article with "Saturday, January 8, 2005"; the Free Beacon seed has "August 16,
2016" under the photo). Explicit patterns instead of dateparser: dateparser is
slow and reads plain words ("Tuesday", "now") as dates, which would invent
dates for headings; a miss here only leaves the date unknown.
"""

from __future__ import annotations

import datetime as dt
import re

from newsfuse.lang import ENGLISH, language

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
# Full month names from English's resources (newsfuse.lang); the abbreviations above
# and the patterns below are English's dateline forms.
_MONTH_NAMES = frozenset(m.lower() for m in language(ENGLISH).month_names)

_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_MONTH = r"(?P<month>[a-z]{3,9})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
# "Published:", "Updated" etc. only announce the date; a trailing clock time is
# still part of a date-only line ("August 16, 2016 3:45 pm EDT").
_PREFIX = r"(?:(?:published|updated|posted|last\s+updated)(?:\s+on)?:?\s+)?"
_TIME = r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[a-z]{2,5})?)?"

_DATELINES = (
    # August 16, 2016 / Saturday, January 8, 2005 / Aug. 16, 2016
    re.compile(rf"^{_PREFIX}{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}{_TIME}$", re.I),
    # 16 August 2016 / Tuesday, 16 August 2016
    re.compile(rf"^{_PREFIX}{_WEEKDAY}{_DAY}\s+{_MONTH},?\s+{_YEAR}{_TIME}$", re.I),
    # 2016-08-16, optionally with an ISO time
    re.compile(
        rf"^{_PREFIX}(?P<year>\d{{4}})-(?P<mnum>\d{{2}})-(?P<day>\d{{2}})(?:[T ][\d:.+\-Z]+)?$",
        re.I,
    ),
)
# Wikinews sometimes glues the dateline to the first sentence ("Saturday, March
# 26, 2005 Up to four times...", "Tuesday, January 18, 2005Through a telethon").
# Only the full weekday form is split off: it cannot be the start of a sentence.
_GLUED_DATELINE = re.compile(
    r"^(?:mon|tues|wednes|thurs|fri|satur|sun)day,\s+"
    rf"{_MONTH}\s+{_DAY},\s+{_YEAR}(?!\d)\s*(?=(?-i:[A-Z\"“‘']))",
    re.I,
)
_ISO_PREFIX = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])")

# A dateline is short; anything longer is prose that mentions a date.
_MAX_DATELINE_CHARS = 60
_MIN_YEAR, _MAX_YEAR = 1800, 2200


def _month_number(token: str) -> int | None:
    token = token.lower().rstrip(".")
    if token in _MONTH_NAMES:
        return _MONTHS[token[:3]]
    return _MONTHS.get(token)


def _make_date(year: int, month: int | None, day: int) -> dt.date | None:
    if month is None or not _MIN_YEAR <= year <= _MAX_YEAR:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_dateline(line: str) -> dt.date | None:
    """The date if `line` is only a date (optionally weekday/time), else None."""
    line = line.strip()
    if not line or len(line) > _MAX_DATELINE_CHARS:
        return None
    for pattern in _DATELINES:
        match = pattern.match(line)
        if match is None:
            continue
        groups = match.groupdict()
        if groups.get("mnum"):
            month: int | None = int(groups["mnum"])
        else:
            month = _month_number(groups["month"])
        return _make_date(int(groups["year"]), month, int(groups["day"]))
    return None


# Datelines of raw scrapes (../shared/data/scrapes), read by find_dateline:
# "[January 24, 2018 - ZurichTimes.net]", "On April 22, 2015", "Jun 29, 2008 — Jim Bray",
# "news.goldseek.com / By: Jim Willie CB, GoldenJackass.com / 26 December 2017".
_FIELD_SEPARATORS = re.compile(r"\s+[-–—|/]\s+|\s*[|]\s*")
_ON_DATE = re.compile(r"^(?:posted\s+|published\s+|updated\s+)?on\s+(?P<date>.{6,40})$", re.I)
# "By Looking at Lyme Disease on Friday Dec 29 2017 04:24" (a byline with its date).
_BYLINE_ON = re.compile(r"^by:?\s+.{1,80}?\s+on\s+(?P<date>.{6,45})$", re.I)
# "Vatican City, Jan 24, 2018 / 04:26 am (CNA/EWTN News).- In his message ...":
# a place, the date and a time or agency, glued to the first sentence.
_PLACE_DATE = re.compile(
    r"^[A-Z][\w.'’ -]{1,40},\s+(?P<date>[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4})\s*(?:/|\(|—|–|-)"
)
_MAX_FIELDS_WORDS = 20


def find_dateline(line: str) -> tuple[dt.date, bool] | None:
    """(date, whole line is a dateline) for the dateline forms of raw scrapes, else None.

    Whole-line forms (a date alone, bracketed, after "On", in a byline "By X on
    DATE", or one field of a short "source / author / date" line) are metadata and
    can be dropped from the body; a place-and-date prefix glued to the first
    sentence ("Vatican City, Jan 24, 2018 / 04:26 am (CNA/EWTN News).- In his...")
    gives the date and stays in the body.
    """
    stripped = line.strip().strip("[]()").strip()
    if (date := parse_dateline(stripped)) is not None:
        return date, True
    for pattern in (_ON_DATE, _BYLINE_ON):
        if (match := pattern.match(stripped)) and (date := parse_dateline(match["date"])):
            return date, True
    if not more_words(stripped, _MAX_FIELDS_WORDS):
        for field in _FIELD_SEPARATORS.split(stripped):
            if (date := parse_dateline(field.strip())) is not None:
                return date, True
    if (match := _PLACE_DATE.match(line)) and (date := parse_dateline(match["date"])):
        return date, False
    return None


def more_words(line: str, n: int) -> bool:
    return len(line.split(maxsplit=n)) > n


def split_glued_dateline(line: str) -> tuple[dt.date, str] | None:
    """(date, rest of line) when `line` starts with a weekday dateline, else None."""
    match = _GLUED_DATELINE.match(line)
    if match is None:
        return None
    date = _make_date(int(match["year"]), _month_number(match["month"]), int(match["day"]))
    rest = line[match.end() :].strip()
    if date is None or not rest:
        return None
    return date, rest


def parse_iso_date(value: object) -> dt.date | None:
    """A metadata date ("2016-08-16", "2016-08-16T10:30:00Z"), else None."""
    if not isinstance(value, str):
        return None
    match = _ISO_PREFIX.match(value)
    if match is None:
        return None
    year, month, day = (int(g) for g in match.groups())
    return _make_date(year, month, day)
