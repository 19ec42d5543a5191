"""Timeline of a story: what happened when, with relative dates resolved.

News text dates events relative to the article ("on Tuesday", "last fall", "a
day after"), so each expression is resolved against ITS article's date, never
another's: an undated article yields only absolute dates ("August 16, 2016",
"in 2004"), unless the caller opts into the one story-level rule below.

Regexes over our Sentence texts rather than spaCy DATE entities: the small
model misses or over-extends many date spans, while the phrasings are few and
regular. Conventions (news usage): a bare weekday is the most recent such day
on or before the article date (the same day if it is that weekday); "in June"
is the most recent June not after it; "March 23" without a year is the
occurrence nearest the article date (previews say "Sunday, January 23" of a
coming day); "a day after"/"one day prior" count back from the last day the
article itself placed an event on (else its date). "last week" has precision
"week" (date = that day a week earlier), as none of day|month|year|season fits.

Story rule (`borrow_story_date=True`, off by default): an undated article may
borrow the date of the batch's dated articles when they all share one date, and
every event resolved that way says so in its `expression` ("... [inferred date
2016-08-16]"), since syndicated follow-ups in one story are usually same-day.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Iterator, Sequence

from spacy.tokens import Doc

from newsfuse.analyze.periods import (
    Context,
    Resolved,
    ago,
    count,
    last_period,
    last_season,
    season_year,
)
from newsfuse.analyze.timeline_sources import (
    AFTER_INCIDENT,
    FUTURE,
    WAS_FUTURE,
    clause_end,
    future_after,
    incident_day,
    named_today,
    norm,
    quoted_day_before,
    quoted_elsewhere,
    relation_count,
    said_that,
    sentence_origins,
)
from newsfuse.lang import ENGLISH, language
from newsfuse.types import Article, Citation, Sentence, TimelineEvent

# Month and weekday names are English's (newsfuse.lang); the patterns around them
# (prepositions, seasons, counts) are English grammar: only English and
# undetermined articles are briefed (newsfuse.lang.scored).
_MONTHS = language(ENGLISH).month_names
_MONTH_RE = (
    rf"(?P<month>{'|'.join(_MONTHS)}"
    r"|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
)
_WEEKDAYS = tuple(d.lower() for d in language(ENGLISH).weekday_names)
_WEEKDAY_RE = rf"(?P<weekday>{'|'.join(language(ENGLISH).weekday_names)})"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\b"
_YEAR = r"(?P<year>1[89]\d\d|20\d\d)\b"
_NO_YEAR = r"(?!,?\s*\d{4})"
_I = re.IGNORECASE
_AHEAD_DAYS = 60  # a month and day without a year further ahead than this is past
# A past weekday this many days before the story's first report is read as the coming one
# (a copy dated when first seen); nearer, it is the days before the first report (a report
# reposted days after it was written: "last seen on Tuesday" in a Sunday repost).
_BEFORE_STORY_DAYS = 5


_Resolver = Callable[[re.Match[str], Context], Resolved | None]


def build_timeline(
    articles: Sequence[Article],
    docs: Sequence[Doc] | None = None,
    *,
    borrow_story_date: bool = False,
) -> tuple[TimelineEvent, ...]:
    """One event per (sentence text, date), sorted by date then article order; when several
    expressions of a sentence give the same date ("a day after ... Monday"), the
    event lists them all, joined by "; ".

    `docs` is accepted for a uniform analysis signature and not needed: the
    expressions are matched on Sentence texts (see the module docstring).
    """
    del docs
    shared = _story_date(articles) if borrow_story_date else None
    first = min((a.date for a in articles if a.date is not None), default=None)
    origins = sentence_origins(articles)
    events = _collect(articles, origins, Context(date=shared, anchor=None, first=first))
    if any(AFTER_INCIDENT.search(s.text) for a in articles for s in a.sentences):
        # "three days after the shooting" counts from the incident's day, known once
        # every report's days are read (the story's earliest day near its first report)
        incident = incident_day(events, first)
        if incident is not None:
            story = Context(date=shared, anchor=None, first=first, incident=incident)
            events = _collect(articles, origins, story)
    events.sort(key=lambda e: e[:3])
    merged: dict[tuple[str, dt.date], TimelineEvent] = {}
    for *_, event in events:
        # by text, not sentence id: a caption a page repeats (and a syndicated sentence)
        # is one event, cited where it is first read, not one line per copy
        key = (" ".join(event.text.split()).lower(), event.date)
        if key in merged:
            expression = f"{merged[key].expression}; {event.expression}"
            event = dataclasses.replace(merged[key], expression=expression)
        merged[key] = event
    return tuple(merged.values())


def _collect(
    articles: Sequence[Article], origins: dict[str, dt.date], story: Context
) -> list[tuple[dt.date, int, int, TimelineEvent]]:
    """Every dated expression of every article, keyed for sorting; `story.date` is the
    borrowed story date for undated articles (None: they give only absolute dates)."""
    events: list[tuple[dt.date, int, int, TimelineEvent]] = []
    for order, article in enumerate(articles):
        date, inferred = article.date, False
        if date is None and story.date is not None:
            date, inferred = story.date, True
        context = dataclasses.replace(story, date=date, anchor=date)
        for sentence in article.sentences:
            origin = origins.get(norm(sentence.text))
            here = context
            if origin is not None and date is not None and origin < date:
                here = dataclasses.replace(story, date=origin, anchor=origin)
            for event in _sentence_events(article, sentence, here):
                if inferred:
                    expression = f"{event.expression} [inferred date {date}]"
                    event = dataclasses.replace(event, expression=expression)
                events.append((event.date, order, sentence.index, event))
    return events


def _story_date(articles: Sequence[Article]) -> dt.date | None:
    """The one date all dated articles share, or None (none dated, or several dates)."""
    dates = {a.date for a in articles if a.date is not None}
    return dates.pop() if len(dates) == 1 else None


def _sentence_events(
    article: Article, sentence: Sentence, context: Context
) -> Iterator[TimelineEvent]:
    """Events of one sentence, in text order; advances the article's anchor day."""
    taken: list[tuple[int, int]] = []
    found: list[_Found] = []
    for pattern, resolver in _PATTERNS:
        for match in pattern.finditer(sentence.text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            taken.append(match.span())
            resolved = resolver(match, context)
            if len(match.group(0)) >= 0.8 * len(sentence.text.strip(" .")):
                continue  # a dateline ("Saturday, January 8, 2005"), not an event
            if resolved is not None:
                relation = resolver in _COUNTS and relation_count(match)
                found.append((*match.span(), match.group(0).strip(" ,"), resolved, relation))
    found = _relations(sorted(found, key=lambda f: f[0]), sentence.text)
    citation = Citation(article_id=article.id, sentence_id=sentence.id)
    for _, _, expression, resolved, _ in found:
        yield TimelineEvent(resolved.date, resolved.precision, expression, sentence.text, citation)
    days = [f[3].date for f in found if f[3].precision == "day"]
    if days:
        context.anchor = days[-1]


_Found = tuple[int, int, str, Resolved, bool]  # span, expression, date, a relation count


def _relations(found: list[_Found], text: str) -> list[_Found]:
    """A count of days to another event dates nothing of its own when the sentence names a
    day: it joins the day its object names ("comes a day after … said Monday", "two days
    after his April 4 arrest": one event, not a second line of the same sentence a day
    off); named elsewhere ("arrested Monday …, three days after the shots were fired",
    fresh8t: the count read from the day before), it goes, unless it agrees. Alone, it
    keeps its reading from the anchor or the incident's day."""
    days = [f for f in found if not f[4] and f[3].precision == "day"]
    out = []
    for f in found:
        if not f[4]:
            out.append(f)
            continue
        stop = clause_end(text, f[1])
        inside = [g for g in days if f[1] <= g[0] < stop]
        if inside:
            out.append((*f[:3], inside[0][3], True))
        elif not days or f[3].date in {g[3].date for g in days}:
            out.append(f)  # alone, or agreeing with the day named (merged into one event)
    return out


# --- resolvers: each returns None when the expression cannot be dated honestly ---


def _month(name: str) -> int:
    prefix = name.lower().rstrip(".")[:3]
    return next(i for i, m in enumerate(_MONTHS) if m.lower().startswith(prefix))


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _full_date(match: re.Match[str], context: Context) -> Resolved | None:
    month = _month(match["month"]) + 1
    date = _safe_date(int(match["year"]), month, int(match["day"]))
    return Resolved(date, "day") if date else None


def _month_day(match: re.Match[str], context: Context) -> Resolved | None:
    """ "March 23": the occurrence nearest the article date (needs that date), but never
    more than two months ahead: previews name coming days a few weeks off, while "the
    April 27 shooting" in an October report is the April before, not the next one."""
    if context.date is None:
        return None
    month, day = _month(match["month"]) + 1, int(match["day"])
    candidates = [_safe_date(context.date.year + k, month, day) for k in (-1, 0, 1)]
    valid = [c for c in candidates if c is not None]
    if not valid:
        return None
    reference = context.date
    near = [c for c in valid if (c - reference).days <= _AHEAD_DAYS] or valid
    return Resolved(min(near, key=lambda c: abs((c - reference).days)), "day")


def _month_year(match: re.Match[str], context: Context) -> Resolved | None:
    return Resolved(dt.date(int(match["year"]), _month(match["month"]) + 1, 1), "month")


def _bare_month(match: re.Match[str], context: Context) -> Resolved | None:
    """ "in June": the most recent June not after the article date ("next June" after)."""
    if context.date is None:
        return None
    month = _month(match["month"]) + 1
    year = context.date.year
    after = match.string[match.end() : match.end() + 30].lower()
    prep = match["prep"].lower()
    if prep == "next":
        year += 1 if month <= context.date.month else 0
    elif prep == "last" and (context.date.month - month) % 12 <= 1:
        year -= 1  # "last February" said in March or February: the year before (else "last month")
    elif month > context.date.month and "this year" not in after:
        year -= 1
    return Resolved(dt.date(year, month, 1), "month")


def _year(match: re.Match[str], context: Context) -> Resolved | None:
    return Resolved(dt.date(int(match["year"]), 1, 1), "year")


def _weekday(match: re.Match[str], context: Context) -> Resolved | None:
    """A weekday: the most recent one on or before the article date ("next": after)."""
    if context.date is None:
        return None
    target = _WEEKDAYS.index(match["weekday"].lower())
    if match["that"] and not said_that(match):
        return _that_day(target, context)
    prefix = (match["prefix"] or "").lower()
    if prefix == "next":
        ahead = (target - context.date.weekday()) % 7 or 7
        return Resolved(context.date + dt.timedelta(days=ahead), "day")
    before = match.string[max(0, match.start() - 60) : match.start()]
    if prefix != "last" and (FUTURE.search(before) or future_after(match)):
        ahead = (target - context.date.weekday()) % 7  # "is set for Tuesday", "will appear Monday"
        return Resolved(context.date + dt.timedelta(days=ahead), "day")
    back = (context.date.weekday() - target) % 7
    if prefix == "last" and back == 0:
        back = 7
    if prefix in ("", "on") and back > 7 - back and _coming(match, context, back):
        return Resolved(context.date + dt.timedelta(days=7 - back), "day")
    return Resolved(context.date - dt.timedelta(days=back), "day")


def _that_day(target: int, context: Context) -> Resolved | None:
    """ "that Saturday night": the weekday of an occasion the report named before, on or
    before the last day it placed an event on; undated when it named none (a lead's "the
    carnival that Saturday night" in a report two months on, fresh8t)."""
    if context.anchor is None or context.anchor == context.date:
        return None
    back = (context.anchor.weekday() - target) % 7
    return Resolved(context.anchor - dt.timedelta(days=back), "day")


def _coming(match: re.Match[str], context: Context, back: int) -> bool:
    """Is a bare weekday nearer ahead than behind the coming one? When a plan is told in
    the past ("was supposed to have surgery on Friday" in a Thursday report); or when
    going back would put it five or more days before the story's first report: news
    names a day that far back "last Sunday", and the data sets date some copies when
    first seen, a day or two before they were written ("on Sunday identified" in a copy
    dated the Saturday of the shooting)."""
    assert context.date is not None
    if WAS_FUTURE.search(match.string[max(0, match.start() - 60) : match.start()]):
        return True
    far_before = context.first is not None and (
        context.first - (context.date - dt.timedelta(days=back))
    ) >= dt.timedelta(days=_BEFORE_STORY_DAYS)
    return back >= 5 and far_before


def _relative_day(match: re.Match[str], context: Context) -> Resolved | None:
    if context.date is None or named_today(match) or quoted_elsewhere(match):
        return None
    word = match["word"].lower()
    if word in ("today", "tonight") and quoted_day_before(match, context.date, context.anchor):
        assert context.anchor is not None
        return Resolved(context.anchor, "day")
    offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[word]
    return Resolved(context.date + dt.timedelta(days=offset), "day")


def _days_from_anchor(match: re.Match[str], context: Context) -> Resolved | None:
    """ "a day after"/"one day prior"/"two days later", counted from the anchor day."""
    if context.anchor is None:
        return None
    n = count(match)
    sign = 1 if match["direction"].lower() in ("later", "next", "following") else -1
    return Resolved(context.anchor + dt.timedelta(days=sign * n), "day")


def _days_from_incident(match: re.Match[str], context: Context) -> Resolved | None:
    """ "three days after the shooting": counted from the story's incident day, not from
    the last day the article named (a trial report's "April 21" three sentences before
    is the shooting's day only by chance); undated until the incident day is known."""
    if context.incident is None:
        return None
    n = count(match)
    sign = 1 if match["direction"].lower() == "after" else -1
    return Resolved(context.incident + dt.timedelta(days=sign * n), "day")


_SEASON_RE = r"(?P<season>spring|summer|fall|autumn|winter)"
_COUNT_RE = r"(?P<count>a|an|one|two|three|four|five|\d+)"
# Most specific first: a span taken by one pattern is not matched again.
_PATTERNS: tuple[tuple[re.Pattern[str], _Resolver], ...] = (
    (re.compile(rf"(?:{_WEEKDAY_RE},?\s+)?{_MONTH_RE}\s+{_DAY},?\s+{_YEAR}"), _full_date),
    (re.compile(rf"\b{_DAY}\s+{_MONTH_RE},?\s+{_YEAR}"), _full_date),
    (re.compile(rf"(?:{_WEEKDAY_RE},?\s+)?{_MONTH_RE}\s+{_DAY}{_NO_YEAR}"), _month_day),
    (re.compile(rf"\b{_MONTH_RE},?\s+(?:of\s+)?{_YEAR}"), _month_year),
    (re.compile(rf"\b{_SEASON_RE}\s+(?:of\s+)?{_YEAR}", _I), season_year),
    (re.compile(rf"\blast\s+{_SEASON_RE}\b", _I), last_season),
    (
        re.compile(
            rf"\b(?P<prep>[Ii]n|[Ss]ince|[Dd]uring|[Uu]ntil|[Bb]y|[Ee]arly|[Ll]ate|[Ll]ast"
            rf"|[Tt]his|[Nn]ext|[Bb]etween|[Ff]rom)\s+{_MONTH_RE}(?![A-Za-z])(?!\s*\d)"
        ),
        _bare_month,
    ),
    (re.compile(rf"\b(?:in|since|during|until|by|before|after)\s+{_YEAR}(?!\s+[A-Z])"), _year),
    (re.compile(r"\b(?P<which>last|this|next)\s+(?P<unit>week|month|year)\b", _I), last_period),
    (re.compile(rf"\b{_COUNT_RE}\s+(?P<unit>days?|weeks?|months?|years?)\s+ago\b", _I), ago),
    (AFTER_INCIDENT, _days_from_incident),
    (
        re.compile(
            rf"\b{_COUNT_RE}\s+days?\s+(?P<direction>after|later|earlier|before|prior)\b", _I
        ),
        _days_from_anchor,
    ),
    (
        re.compile(r"\bthe\s+(?P<count>)(?P<direction>next|following|previous)\s+day\b", _I),
        _days_from_anchor,
    ),
    (
        re.compile(
            rf"\b(?:(?P<prefix>on|earlier|later|late|early|last|this|next)\s+)?"
            rf"(?:(?P<that>that)\s+)?{_WEEKDAY_RE}"
            r"(?:\s+(?:morning|afternoon|evening|night))?",
            _I,
        ),
        _weekday,
    ),
    (re.compile(r"\b(?P<word>today|tonight|yesterday|tomorrow)\b", _I), _relative_day),
)
_COUNTS = (_days_from_anchor, _days_from_incident)
