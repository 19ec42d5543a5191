"""Which dated events belong to the story: tied to its main entities, or on its days.

Why a filter after dating: every dated sentence of every article is a candidate, but
outlet text dates much that is not the story: captions ("… signs autographs, Saturday,
Oct. 3, 2015, in Franklin"), video widgets ("Vernon Odom reports on Action News at 6pm on
June 1, 2018"), teasers and table lines, background statistics ("the 23rd homicide
investigated by Metro in 2017"), and other incidents a report recalls ("Heaven Sutton …
was shot and killed in 2012", "Leona Helmsley … in 2007"). An event is kept when its
sentence names one of the story's main entities (people, organisations, places that two
articles name, or that one article names most), or names nobody else and is dated to a
day within two weeks of its article's date (the incident itself, told with pronouns).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from newsfuse.analyze.background import off_story, teaser_strip
from newsfuse.analyze.ownstory import other_incident
from newsfuse.extract.pagetext import not_report_text
from newsfuse.summarize.select import furniture
from newsfuse.types import Article, Entity, TimelineEvent

_KINDS = {"person", "organization", "place", "group"}
MAX_MAIN = 8
NEAR_DAYS = 14
LONG_BEFORE_DAYS = 60
# A city's toll for the day ("at least eight people were killed … in Chicago shootings
# throughout the day"): a statistic, not the story's event.
_TOLL = re.compile(
    r"\b(?:people|persons) (?:were|have been|had been) (?:\w+ )?(?:killed|shot|wounded)\b"
    r"[^.]*\b(?:in|during) (?:[A-Z][a-z]+ |separate |other |weekend )*shootings\b"
)
_FURNITURE = re.compile(
    r"\breports? (?:during|on) .{0,40}\bnews\b|\bwatch (?:the|our|below)\b|\bembed\b|"
    r"news videos|this (?:image|photo) (?:provided|taken)|\bpictured\b|\(ap photo|photo:|"
    r"\[related|\bposted:|\bpublished\b|copyright|all rights reserved|read more\b|"
    r"^(?:date|incident|data|number|type)\b.{0,40}[–-]|"
    r"\bwill (?:be )?updat|\bcheck back\b|\bstory (?:will be|is being) updated\b",
    re.IGNORECASE,
)
# A relative or a criminal record in a sentence set well before the story: a family's
# history (a boy's mother killed the summer before, another son shot two years earlier)
# or a suspect's record (a prison term handed down years ago), though it names the
# story's people (read on gva_dev, fresh5 and fresh6t): not the story's own past, which
# the seeds' air campaign launched "last fall" is.
_KIN_OR_RECORD = re.compile(
    r"\b(?:(?:grand|step)?(?:mother|father|son|daughter|parents?|child|children|grandson"
    r"|granddaughter)|brother|sister|sibling|uncle|aunt|cousin|nephew|niece|husband|wife"
    r"|boyfriend|girlfriend|sentenced|convicted|pleaded|prison|probation|parole)s?\b"
    r"|\b[A-Z][a-z]+ Sr\.",  # a father of the same name (a victim's father shot years before)
    re.IGNORECASE,
)
# A record served, whatever day it gives (a suspect who served part of an old term and
# finished his probation on a day in April, as the paper reported before): background.
_RECORD = re.compile(
    r"\b(?:completed|finished) (?:his|her|their) (?:probation|parole|sentence)\b"
    r"|\bonly served\b|\bserved (?:\w+ ){1,2}(?:years?|months?) (?:in|of|before|behind)\b"
    r"|\baccording to (?:previous|earlier|past) \w+ reports\b",
    re.IGNORECASE,
)
# No event but the report's own day: "Further details weren't immediately available
# Thursday", a victim's condition that "could not be obtained" that day (fresh7t, after its
# one run); a person who "declined to comment Sunday" is read as the story's (fresh3).
_NO_EVENT = re.compile(
    r"\b(?:details|information|updates?|condition)\s+(?:(?:was|were|is|are)(?:n['’]t| not)"
    r"|(?:has|have)(?:n['’]t| not) been(?: made)?|could(?:n['’]t| not) be)"
    r" (?:immediately )?(?:available|released|obtained)\b",
    re.IGNORECASE,
)
# An AP caption: ", Saturday, Oct. 3, 2015, in Franklin" / "on Tuesday, Sept. 25, 2018, after"
_CAPTION = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), [A-Z][a-z]{2,8}\.? "
    r"\d{1,2}, \d{4}, (?:in|at|after|before|during|outside)\b"
)


def main_entities(entities: Sequence[Entity], articles: Sequence[Article]) -> set[str]:
    """Ids of the story's main entities: named by two or more articles or three times by
    one (the suspect only the later report names), else the most mentioned; at most
    MAX_MAIN, the most widely named first."""
    candidates = [e for e in entities if e.kind in _KINDS and e.mentions]
    spread = {e.id: len({m.article_id for m in e.mentions}) for e in candidates}
    ranked = sorted(candidates, key=lambda e: (-spread[e.id], -len(e.mentions)))
    several = len(articles) > 1
    chosen = [e for e in ranked if not several or spread[e.id] > 1 or len(e.mentions) >= 3]
    chosen = chosen[:MAX_MAIN]
    if not chosen:
        chosen = ranked[:3]
    return {e.id for e in chosen}


def story_timeline(
    events: Sequence[TimelineEvent],
    articles: Sequence[Article],
    entities: Sequence[Entity],
    other: set[str] | None = None,
) -> tuple[TimelineEvent, ...]:
    """The events of the story (see the module docstring), in their given order; `other`:
    the sentences of other incidents (ownstory.other_incident), if the caller has them."""
    main = main_entities(entities, articles)
    spans: dict[str, list[tuple[int, int, str]]] = {}
    for entity in entities:
        if entity.kind in _KINDS:
            for m in entity.mentions:
                spans.setdefault(m.article_id, []).append((m.start, m.end, entity.id))
    sentences = {s.id: (a, s) for a in articles for s in a.sentences}
    people = {e.id for e in entities if e.kind == "person"}
    off = {sid for a in articles for sid in off_story(a)}
    teasers = {sid for a in articles for sid in teaser_strip(a)}  # other stories, named or not
    teasers |= other_incident(articles) if other is None else other  # another incident's
    teasers |= not_reporting(articles)  # what the brief leaves out, the timeline does too
    forms = _forms(entities, main)
    first = min((a.date for a in articles if a.date is not None), default=None)
    shared = _shared_periods(events)
    kept = []
    for event in events:
        article, sentence = sentences[event.citation.sentence_id]
        text = sentence.text.strip()
        if _FURNITURE.search(text) or _CAPTION.search(text) or text[-1:] not in ".!?\"”'’":
            continue
        if furniture(text) or sentence.id in teasers:  # the briefs' one furniture check
            continue
        named = {
            eid
            for start, end, eid in spans.get(article.id, ())
            if sentence.start <= start and end <= sentence.end
        }
        of_story = bool(named & main) or bool(forms and forms.search(text))
        if sentence.id in off and not named & main & people:
            continue  # another incident, an earlier time, a statistic: unless of its people
        if _background(event, text, first, shared, bool(named & main & people)):
            continue
        if of_story or (not (named & people) and _near(event, article.date)):
            kept.append(event)
    return tuple(kept)


def not_reporting(articles: Sequence[Article]) -> set[str]:
    """Ids of the lines the brief reads as no part of the report (extract.pagetext: notes,
    embeds, captions, credits, link labels, posts): the timeline read `article.sentences`
    whole, so a caption's date or a gallery's line could reach it (issue 20)."""
    return {a.sentences[k].id for a in articles for k in not_report_text(a.sentences)}


def _background(
    event: TimelineEvent,
    text: str,
    first: dt.date | None,
    shared: set[tuple[int, int]],
    of_people: bool,
) -> bool:
    """A relative's death years ago, a suspect's record, the city's toll, a report's own
    day with nothing happening on it: not the story's events. An event long before the
    story stays when two reports date its period or its sentence names a main person,
    unless that sentence tells a relative's or a record's (`_KIN_OR_RECORD`)."""
    if _TOLL.search(text) or _RECORD.search(text) or _NO_EVENT.search(text):
        return True
    if _period(event) in shared:
        return False
    if _before(event, first, NEAR_DAYS) and _KIN_OR_RECORD.search(text):
        return True
    return _long_before(event, first) and not of_people


def _forms(entities: Sequence[Entity], main: set[str]) -> re.Pattern[str] | None:
    """The written forms of the main entities, and a person's surname alone: the small
    model misses a name after a dateline ("BUSTI – Thomas Carlson, the 50-year-old …")."""
    forms: set[str] = set()
    for e in entities:
        if e.id in main:
            forms.update((e.name, *e.aliases))
            if e.kind == "person" and len(e.name.split()[-1]) >= 4:
                forms.add(e.name.split()[-1])
    words = sorted((re.escape(f) for f in forms if len(f) >= 3), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(words) + r")(?!\w)") if words else None


def _period(event: TimelineEvent) -> tuple[int, int]:
    """(year, month) of an event, month 0 when only its year or season is known."""
    return event.date.year, event.date.month if event.precision in ("day", "week", "month") else 0


def _shared_periods(events: Sequence[TimelineEvent]) -> set[tuple[int, int]]:
    """Periods two or more articles date events in: the story's own past (the abuses a
    trial story is about), not one report's background."""
    seen: dict[tuple[int, int], set[str]] = {}
    for event in events:
        seen.setdefault(_period(event), set()).add(event.citation.article_id)
    return {p for p, ids in seen.items() if len(ids) > 1}


def _long_before(event: TimelineEvent, first: dt.date | None) -> bool:
    """Does the event's whole period end more than LONG_BEFORE_DAYS before the story's first
    report? Read on gva_dev (tuning sets): every such event was background, a father shot
    in 2000, a couple watched "since November 2015", a feud "20 years ago"; the story
    starts when it is first reported, unless two of its articles date events in that
    period (`_shared_periods`) or the sentence names one of its main people (the seeds'
    air campaign Assad's allies launched "last fall")."""
    return _before(event, first, LONG_BEFORE_DAYS)


def _before(event: TimelineEvent, first: dt.date | None, days: int) -> bool:
    """Does the event's whole period end more than `days` before the story's first report?"""
    if first is None:
        return False
    ends = {"day": 0, "week": 6, "month": 31, "season": 92, "year": 366}
    end = event.date + dt.timedelta(days=ends.get(event.precision, 0))
    return (first - end).days > days


def _near(event: TimelineEvent, date: dt.date | None) -> bool:
    """A day (or week) within NEAR_DAYS of the article's own date."""
    if date is None or event.precision not in ("day", "week"):
        return False
    return abs((event.date - date).days) <= NEAR_DAYS
