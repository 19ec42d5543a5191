"""Which date a timeline sentence is read against, when it is not simply its article's.

Outlet pages carry other reports' text: a follow-up keeps the first report's caption, a
repost quotes another outlet's interview. Their relative days ("early Sunday", a quote's
"today") were written against that other report's day, not the page's own date
(read on gva_dev: a caption of the first report dated by the follow-up; a Sunday repost
quoting the Denver Post's "today" of the Thursday before). Also here: the phrasings read
around a relative day that decide which way it points (a plan ahead, a name that is no day,
a count from the incident's day).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from newsfuse.types import Article, TimelineEvent

_COPY_WORDS = 6  # a repeated sentence this long is a copy, not a stock phrase


def norm(text: str) -> str:
    """A sentence compared as copy: whitespace and case aside."""
    return " ".join(text.split()).lower()


def sentence_origins(articles: Sequence[Article]) -> dict[str, dt.date]:
    """Sentence text -> the earliest date of a dated article that prints it. A later report
    that repeats an earlier one's sentence (a caption of the first report kept on the
    follow-up's page, a syndicated paragraph) is that report's text: its "early Sunday"
    is the Sunday before the first report, not the Sunday before the follow-up."""
    out: dict[str, dt.date] = {}
    for article in articles:
        if article.date is None:
            continue
        for sentence in article.sentences:
            if len(sentence.text.split()) < _COPY_WORDS:
                continue
            key = norm(sentence.text)
            if key not in out or article.date < out[key]:
                out[key] = article.date
    return out


# A sentence quoting another outlet's report ("…," said the chief, according to the Denver
# Post / told KUSA-TV): the quote's "today" is that outlet's day, which this report's date
# does not give (a repost, a follow-up).
_OTHER_OUTLET = re.compile(
    r"\b(?:according to|told|(?:said|says) (?:in an interview )?(?:to|with))\s+(?:the\s+)?"
    r"(?:[A-Z][\w.&'’-]*\s+){0,3}(?:Post|Times|News|Tribune|Herald|Journal|Gazette|Star"
    r"|Press|Daily|Chronicle|Sun|Inquirer|Register|Examiner|Bee|Observer|Courier|Globe"
    r"|Reuters|AP|TV|[KW][A-Z]{2,3}(?:-TV)?)\b"
)


def quoted_elsewhere(match: re.Match[str]) -> bool:
    """Is the relative day inside a quotation that the sentence credits to another outlet?"""
    text = match.string
    before = text[: match.start()]
    inside = before.count("“") > before.count("”") or before.count('"') % 2 == 1
    return inside and _OTHER_OUTLET.search(text) is not None


def named_today(match: re.Match[str]) -> bool:
    """A capitalised "Today"/"Tonight" inside a sentence is a name ("Florida Today", "USA
    Today", NBC's "Today" show), not a date: sentence-initial or after a colon it is a date."""
    word = match["word"]
    if not word[:1].isupper():
        return False
    before = match.string[: match.start()].rstrip(" \"“‘'(")
    return bool(before) and not before.endswith((".", ":", "!", "?", "—", "–", "-"))


# "three days after the shooting": counted from the incident's day (`incident_day`), not
# from the last day the report named.
AFTER_INCIDENT = re.compile(
    r"\b(?P<count>a|an|one|two|three|four|five|\d+)\s+days?\s+(?P<direction>after|before)"
    r"\s+the\s+(?:\w+\s+)?(?:shootings?|incident|attack|killings?|stabbing|slaying|crash)\b",
    re.IGNORECASE,
)


def incident_day(
    events: Sequence[tuple[dt.date, int, int, TimelineEvent]], first: dt.date | None
) -> dt.date | None:
    """The story's incident: its earliest day within a week before its first report."""
    if first is None:
        return None
    days = [
        e.date
        for *_, e in events
        if e.precision == "day" and dt.timedelta(0) <= first - e.date <= dt.timedelta(days=7)
    ]
    return min(days, default=None)


# A future verb phrase right before a weekday, in its clause ("An autopsy is set for
# Tuesday", "he will be arraigned on Monday", "a vigil is planned Friday"): not after a
# clause break or a verb of the past ("police said Tuesday he will ...").
FUTURE = re.compile(
    r"(?:\b(?:will|won['’]t|shall|(?:is|are) (?:to|set|due|expected|planned|scheduled|slated)"
    r"|set for|scheduled for|slated for|planned for|plans? to|upcoming|going to)\b"
    r"|['’]ll\b)[^,;.:]*$"
    # a plan told in the past that starts on the day ("had been scheduled to face trial …
    # beginning Monday": the coming Monday, read on fresh7t after its run)
    r"|\b(?:scheduled|set|slated|due|planned)\b[^,;.:]*\b(?:beginning|starting)\s+(?:on\s+)?$",
    re.IGNORECASE,
)


# A plan stated in the past ("was supposed to have surgery on Friday", "were scheduled to
# meet Monday"): the weekday may be either side of the article date, so the nearer one.
WAS_FUTURE = re.compile(
    r"\b(?:was|were) (?:supposed|scheduled|expected|set|due|slated|planned) to\b[^,;.:]*$",
    re.IGNORECASE,
)


def relation_count(match: re.Match[str]) -> bool:
    """Is a count of days a distance to another event ("three days after the shots were
    fired", "one day before Sunday's shooting") rather than a day of its own ("two days
    later", "the next day")?"""
    return match["direction"].lower() in ("after", "before")


def clause_end(text: str, start: int) -> int:
    """Where the object of "days after …" that runs on from `start` ends: at a clause
    break or a conjunction (police looked for a suspect "for three days after the
    shooting" until his arrest on a named April day: that day is not the shooting's)."""
    stop = re.search(r"[,;.:!?—–(]|\b(?:before|after|when|while|until|and|but)\b", text[start:])
    return len(text) if stop is None else start + stop.start()


# A verb of saying or knowing right before "that <weekday>": the "that" is a conjunction
# ("said Friday that Thursday's violence"), the weekday a plain one.
_SAID_THAT = re.compile(
    r"\b(?:said|says|say|told \w+|announced|reported|confirmed|believes?|believed|knew"
    r"|know|learned|added|noted)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)


def said_that(match: re.Match[str]) -> bool:
    """Is the "that" before the weekday a conjunction after a verb of saying?"""
    return _SAID_THAT.search(match.string[max(0, match.start() - 60) : match.start()]) is not None


# A future verb after a weekday that opens its clause ("On Wednesday he will be laid to
# rest": the coming Wednesday, fresh8t), within four words and no verb of saying between
# ("On Monday, police said the suspect will …" is the day they said it).
_FUTURE_AFTER = re.compile(
    r"^,?\s+((?:[\w'’-]+\s+){0,4}?)(?:will|shall|(?:is|are) (?:to|set to|scheduled to"
    r"|expected to|due to|slated to))\b",
    re.IGNORECASE,
)
_SAYING = re.compile(r"\b(?:said|says|say|told|announced|reported|confirmed)\b", re.IGNORECASE)
_CLAUSE_OPENERS = ("", "on", "and", "and on", "but", "but on", "then", "then on")


def future_after(match: re.Match[str]) -> bool:
    """Does a future verb follow the weekday that opens its clause?"""
    clause = re.split(r"[,;:.!?—–]", match.string[: match.start()])[-1]
    if clause.strip(" \"“‘'(").lower() not in _CLAUSE_OPENERS:
        return False
    after = _FUTURE_AFTER.match(match.string[match.end() :])
    return after is not None and not _SAYING.search(after.group(1))


def quoted_day_before(match: re.Match[str], date: dt.date | None, anchor: dt.date | None) -> bool:
    """Is a quote's "today"/"tonight" the day before the report, the last day it named? A
    report dated the day after the day it tells quotes what was said that day: a company's
    statement on "today's events" of a Saturday shooting in a Sunday report, a pastor's
    "our prayer for tonight" at a Tuesday service in a Wednesday report (fresh8t)."""
    if date is None or anchor is None or (date - anchor).days != 1:
        return False
    before, text = match.string[: match.start()], match.string
    opened = before.count("“") > before.count("”") or before.count('"') % 2 == 1
    # a quote carried on from the sentence before: a closing mark and no opening one
    return opened or ("“" not in before and "”" in text[match.end() :])
