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
from newsfuse.summarize.select import furniture
from newsfuse.types import Article, Entity, TimelineEvent

_KINDS = {"person", "organization", "place", "group"}
MAX_MAIN = 8
NEAR_DAYS = 14
_FURNITURE = re.compile(
    r"\breports? (?:during|on) .{0,40}\bnews\b|\bwatch (?:the|our|below)\b|\bembed\b|"
    r"news videos|this (?:image|photo) (?:provided|taken)|\bpictured\b|\(ap photo|photo:|"
    r"\[related|\bposted:|\bpublished\b|copyright|all rights reserved|read more\b|"
    r"^(?:date|incident|data|number|type)\b.{0,40}[–-]|"
    r"\bwill (?:be )?updat|\bcheck back\b|\bstory (?:will be|is being) updated\b",
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
    events: Sequence[TimelineEvent], articles: Sequence[Article], entities: Sequence[Entity]
) -> tuple[TimelineEvent, ...]:
    """The events of the story (see the module docstring), in their given order."""
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
    forms = _forms(entities, main)
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
        if of_story or (not (named & people) and _near(event, article.date)):
            kept.append(event)
    return tuple(kept)


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


def _near(event: TimelineEvent, date: dt.date | None) -> bool:
    """A day (or week) within NEAR_DAYS of the article's own date."""
    if date is None or event.precision not in ("day", "week"):
        return False
    return abs((event.date - date).days) <= NEAR_DAYS
