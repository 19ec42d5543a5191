"""Reading the two levels back: the events of a storyline, and the storyline brief.

A storyline (`s-...`, a stored story) is months of coverage of a developing
story; its events (`e-...`) are the incidents and direct follow-ups inside it
(tracking.py keeps both as articles arrive). The two levels are merged
independently, so an event is shown in the storyline holding most of its
articles, and every event has exactly one storyline.

The storyline brief reads as a reader follows such a story: one dated line per
event, oldest first, each naming the event by its stored headline (made by the
writer as story headlines are: newsfuse.headlines), then the brief of the latest event, built by
the ordinary `build_brief` from that event's articles only.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from newsfuse import summarize  # its names load on use: listing events builds no brief
from newsfuse.config import BriefOptions
from newsfuse.store import Store
from newsfuse.store.base import Member, story_from_members
from newsfuse.types import Brief, Story

# Shown for an event whose headline is not stored yet: an archive made before event
# headlines were stored, until its next ingest or `recluster` (`check` reports it).
UNSTORED = "(headline not stored yet: run `newsfuse check --repair`)"


def _events(store: Store, only: str | None = None) -> dict[str, list[Member]]:
    """Event id -> member rows (all events, or one), ordered by (date, undated last;
    ingest order)."""
    rows: dict[str, list[Member]] = {}
    for event_id, member in store.event_members(only):
        rows.setdefault(event_id, []).append(member)
    for members in rows.values():
        members.sort(key=lambda m: (m[3] is None, m[3] or 0))  # stable: ingest order kept
    return rows


def events_by_storyline(store: Store) -> dict[str, list[Story]]:
    """Storyline id -> its events (Story records with `e-` ids and their stored
    headlines), oldest first; an event goes to the storyline holding most of its
    articles."""
    storyline_of = store.memberships()
    heads = store.event_headlines()
    out: dict[str, list[Story]] = {}
    for event_id, members in _events(store).items():
        counts = Counter(s for a, *_ in members if (s := storyline_of.get(a)) is not None)
        if not counts:
            continue
        storyline = min(counts, key=lambda s: (-counts[s], s))
        event = story_from_members(event_id, heads.get(event_id), members)
        out.setdefault(storyline, []).append(event)
    for events in out.values():
        events.sort(key=lambda e: (e.first_date is None, e.first_date or 0, e.id))
    return out


def event_story(store: Store, event_id: str) -> Story | None:
    """One stored event as a Story record with its stored headline, or None."""
    found = store.events_by_ids([event_id])
    return found[0] if found else None


@dataclass(frozen=True)
class StorylineBrief:
    """A storyline's timeline of events (each with its headline) and the brief of its
    latest event."""

    storyline: Story
    events: tuple[Story, ...]  # oldest first, with their stored headlines
    latest: Brief


def storyline_brief(store: Store, story: Story, options: BriefOptions) -> StorylineBrief:
    """The brief of a storyline: its events, then the latest event's brief. A
    storyline stored before events existed (no event rows) is one event."""
    named = tuple(events_by_storyline(store).get(story.id) or [story])
    latest = max(named, key=_recency)
    articles = store.articles(latest.article_ids)
    brief = summarize.build_brief(latest.id, articles, options, latest.headline)  # one headline
    return StorylineBrief(story, named, brief)


def _recency(event: Story) -> tuple[dt.date, dt.date]:
    """What makes an event the storyline's latest news: its last report, then its
    first (events are listed by first report: a week-long event that began before a
    one-day one can still be the newer news)."""
    oldest = dt.date.min
    return (event.last_date or event.first_date or oldest, event.first_date or oldest)


def _span(event: Story) -> str:
    first, last = event.first_date, event.last_date
    if first is None:
        return "undated"
    return first.isoformat() if last in (None, first) else f"{first}–{last}"


def event_line(event: Story) -> str:
    """`2010-01-12–2010-01-15 · Headline (5 articles, e-...)`"""
    n = len(event.article_ids) + len(event.duplicate_ids)
    noun = "article" if n == 1 else "articles"
    title = event.headline or UNSTORED
    return f"{_span(event)} · {title} ({n} {noun}, {event.id})"


def render_storyline(sb: StorylineBrief, sections: list[str] | None = None) -> str:
    """Markdown: the storyline's headline, one line per event, the latest event's brief."""
    title = sb.storyline.headline or sb.latest.headline
    count = f"{len(sb.events)} event{'s' if len(sb.events) != 1 else ''}"
    lines = [f"# {title}", "", f"*Storyline {sb.storyline.id}: {count}*", ""]
    lines += [f"- {event_line(e)}" for e in sb.events]
    latest = summarize.render_markdown(sb.latest, sections or []).replace("# ", "## Latest: ", 1)
    return "\n".join([*lines, "", latest])
