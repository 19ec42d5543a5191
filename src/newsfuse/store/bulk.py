"""Reads and writes of the SQL core by batch: one statement for many rows.

On PostgreSQL every statement is a round trip to the server, so the writer's
per-article lookups (which story or event holds each article a regrouping touched,
the stories whose headlines an ingest made stale) cost a round trip each; issue 26
asks for a store that speaks in batches. These are those lookups, a query per CHUNK
ids, and the partitioned read of the originals (`iter_originals`) that a batch job
uses instead of loading the archive into memory. SQLCore (store/core.py) inherits
them; the statements are the same on both backends.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from typing import Any

from newsfuse.errors import ErrorCode, NewsfuseError
from newsfuse.lang import scored_codes
from newsfuse.store.base import Member, Nesting, Placement, story_from_members
from newsfuse.store.sql import STALE_EVENT
from newsfuse.types import Article, Story

# A story's members in the order Store.story lists them; a.seq breaks the ties of
# duplicates that arrived with the same position (originals never tie).
_MEMBERS = (
    "SELECT sa.story_id, a.id, a.duplicate_of, a.outlet, a.date FROM story_articles sa"
    " JOIN articles a ON a.id = sa.article_id WHERE sa.story_id IN ({ids})"
    " ORDER BY sa.story_id, a.date IS NULL, a.date, sa.position, sa.duplicate, a.seq"
)


# An event's members in the order storylines.events_by_storyline lists them: by date,
# undated last, then ingest order (an event's headline reads its originals in it).
_EVENT_MEMBERS = (
    "SELECT e.event_id, a.id, a.duplicate_of, a.outlet, a.date FROM article_events e"
    " JOIN articles a ON a.id = e.article_id WHERE e.event_id IN ({ids})"
    " ORDER BY e.event_id, a.date IS NULL, a.date, a.seq"
)


def stored_date(value: object) -> dt.date | None:
    """A stored date: PostgreSQL's DATE, SQLite's ISO text."""
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)) if value else None


def member_row(row: Sequence[Any]) -> Member:
    """(id, duplicate_of, outlet, date) from a row of those columns."""
    return (row[0], row[1], row[2], stored_date(row[3]))


class BulkMixin:
    """Batch reads and writes over the core's plumbing (implemented by SQLCore)."""

    _writer: Nesting  # the backend's writer-lock nesting

    def transaction(self) -> AbstractContextManager[None]:
        raise NotImplementedError

    def _rows(self, query: str, args: Sequence[object] | None = None) -> list[tuple[Any, ...]]:
        raise NotImplementedError

    def _many(self, query: str, rows: Sequence[Sequence[object]]) -> None:
        raise NotImplementedError

    def _by_ids(self, query: str, ids: Sequence[str]) -> Iterator[tuple[Any, ...]]:
        raise NotImplementedError

    def articles(self, ids: Sequence[str] | None = None) -> list[Article]:
        raise NotImplementedError

    def writer(self, wait: float) -> AbstractContextManager[None]:
        raise NotImplementedError

    def writer_busy(self) -> bool:
        """Whether another writer holds the archive's writer lock now (a try, at once
        released): a writer that must wait reads its input ahead meanwhile."""
        if self._writer.depth:
            return False  # this store holds it
        try:
            with self.writer(0.0):
                return False
        except NewsfuseError as exc:
            if exc.code is ErrorCode.LOCKED:
                return True
            raise

    def stories_of(self, ids: Sequence[str]) -> dict[str, str]:
        """The story holding each of `ids` that is in one (Store.story_of, by batch)."""
        query = "SELECT article_id, story_id FROM story_articles WHERE article_id IN ({ids})"
        return {str(a): str(s) for a, s in self._by_ids(query, list(dict.fromkeys(ids)))}

    def events_of(self, ids: Sequence[str]) -> dict[str, str]:
        """The event holding each of `ids` that is in one (Store.event_of, by batch)."""
        query = "SELECT article_id, event_id FROM article_events WHERE article_id IN ({ids})"
        return {str(a): str(e) for a, e in self._by_ids(query, list(dict.fromkeys(ids)))}

    def stories_by_ids(self, ids: Sequence[str]) -> list[Story]:
        """The stored stories of `ids` (in that order; unknown ids left out), each as
        Store.story gives it, in two queries per CHUNK ids instead of two per story."""
        ids = list(dict.fromkeys(ids))
        query = "SELECT id, headline FROM stories WHERE id IN ({ids})"
        heads = {str(i): h for i, h in self._by_ids(query, ids)}
        members: dict[str, list[Member]] = {i: [] for i in heads}
        for row in self._by_ids(_MEMBERS, list(heads)):
            members[str(row[0])].append(member_row(row[1:]))
        return [story_from_members(i, heads[i], members[i]) for i in ids if i in heads]

    def set_headlines(self, headlines: Sequence[tuple[str, str | None]]) -> None:
        """Set the headline of each (story id, headline), in one statement."""
        with self.transaction():
            self._many(
                "UPDATE stories SET headline = ? WHERE id = ?", [(h, s) for s, h in headlines]
            )

    def event_headlines(self, ids: Sequence[str] | None = None) -> dict[str, str | None]:
        """The stored headline of each event (all, or those of `ids`); None is stale."""
        if ids is None:
            rows = self._rows("SELECT event_id, headline FROM event_headlines")
        else:
            query = "SELECT event_id, headline FROM event_headlines WHERE event_id IN ({ids})"
            rows = list(self._by_ids(query, list(dict.fromkeys(ids))))
        return {str(e): (None if h is None else str(h)) for e, h in rows}

    def events_by_ids(self, ids: Sequence[str]) -> list[Story]:
        """The stored events of `ids` (in that order; ids without articles left out) as
        Story records with their stored headlines."""
        ids = list(dict.fromkeys(ids))
        members: dict[str, list[Member]] = {}
        for row in self._by_ids(_EVENT_MEMBERS, ids):
            members.setdefault(str(row[0]), []).append(member_row(row[1:]))
        heads = self.event_headlines([i for i in ids if i in members])
        return [story_from_members(i, heads.get(i), members[i]) for i in ids if i in members]

    def set_event_headlines(self, headlines: Sequence[tuple[str, str | None]]) -> None:
        """Store the headline of each (event id, headline); an event id given None
        headline and no article is dropped (its articles moved elsewhere)."""
        with self.transaction():
            self._many(
                "INSERT INTO event_headlines (event_id, headline) VALUES (?, ?)"
                " ON CONFLICT (event_id) DO UPDATE SET headline = excluded.headline",
                [(e, h) for e, h in headlines if h is not None],
            )
            self._many(
                "DELETE FROM event_headlines WHERE event_id = ? AND NOT EXISTS"
                " (SELECT 1 FROM article_events WHERE event_id = ?)",
                [(e, e) for e, h in headlines if h is None],
            )

    def _stale_events(self, members: Sequence[tuple[str, str]]) -> None:
        """Mark stale the headline of each event that `members` (article id, event id)
        give an original or take one from; duplicates and rows stored as they were
        change no event's headline (it reads only the originals)."""
        query = (
            "SELECT a.id, a.duplicate_of, e.event_id FROM articles a LEFT JOIN article_events e"
            " ON e.article_id = a.id WHERE a.id IN ({ids})"
        )
        ids = list(dict.fromkeys(a for a, _ in members))
        stored = {str(r[0]): (r[1], r[2]) for r in self._by_ids(query, ids)}
        stale: dict[str, None] = {}
        for article, event in members:
            duplicate_of, before = stored.get(article, (None, None))
            if duplicate_of is None and before != event:
                stale |= dict.fromkeys([event, *([str(before)] if before else [])])
        self._many(STALE_EVENT, [(e,) for e in stale])

    def _unchanged_event_headlines(self, members: Sequence[tuple[str, str]]) -> dict[str, str]:
        """Stored headlines of the events whose originals `members` leave as they are
        (an event's order is its articles' dates and ingest order: the set decides)."""
        rows = self._rows(
            "SELECT h.event_id, h.headline, e.article_id FROM event_headlines h JOIN"
            " article_events e ON e.event_id = h.event_id JOIN articles a ON a.id ="
            " e.article_id WHERE h.headline IS NOT NULL AND a.duplicate_of IS NULL"
        )
        old: dict[str, tuple[str, set[str]]] = {}
        for eid, head, aid in rows:
            old.setdefault(str(eid), (str(head), set()))[1].add(str(aid))
        originals = {
            str(r[0]) for r in self._rows("SELECT id FROM articles WHERE duplicate_of IS NULL")
        }
        new: dict[str, set[str]] = {}
        for aid, eid in members:
            if aid in originals:
                new.setdefault(eid, set()).add(aid)
        return {e: old[e][0] for e, ids in new.items() if e in old and old[e][1] == ids}

    def _unchanged_headlines(self, stories: Sequence[Story]) -> dict[str, str]:
        """Stored headlines of the stories whose originals, in position order, are the
        `article_ids` of the story of that id among `stories`."""
        rows = self._rows(
            "SELECT s.id, s.headline, sa.article_id FROM stories s JOIN story_articles sa"
            " ON sa.story_id = s.id WHERE s.headline IS NOT NULL AND sa.duplicate = 0"
            " ORDER BY s.id, sa.position"
        )
        old: dict[str, tuple[str, list[str]]] = {}
        for sid, head, aid in rows:
            old.setdefault(str(sid), (str(head), []))[1].append(str(aid))
        return {
            s.id: old[s.id][0]
            for s in stories
            if s.id in old and tuple(old[s.id][1]) == tuple(s.article_ids)
        }

    def _changed_stories(self, members: Sequence[Placement]) -> list[str]:
        """The stories whose rows `members` change (new stories first among them), then
        the stories losing an article (the `emptied` table of ASSIGN_OLD)."""
        query = (
            "SELECT article_id, story_id, position, duplicate FROM story_articles"
            " WHERE article_id IN ({ids})"
        )
        ids = list(dict.fromkeys(p.article_id for p in members))
        stored = {str(r[0]): (str(r[1]), int(r[2]), int(r[3])) for r in self._by_ids(query, ids)}
        changed = dict.fromkeys(
            p.story_id
            for p in members
            if stored.get(p.article_id) != (p.story_id, p.position, int(p.duplicate))
        )
        losing = (str(r[0]) for r in self._rows("SELECT story_id FROM emptied ORDER BY story_id"))
        return list(changed | dict.fromkeys(losing))

    def iter_originals(
        self, after: int = 0, limit: int | None = None, page: int = 1000
    ) -> Iterator[tuple[int, Article]]:
        """(seq, article) of the originals `Store.originals` lists, in ingest order, from
        the first whose seq is above `after`, at most `limit`: read a `page` at a time,
        so a batch job walks a large archive in partitions (issue 26)."""
        codes = scored_codes()
        marks = ", ".join("?" for _ in codes)
        left = limit if limit is not None else -1
        while left != 0:
            size = page if left < 0 else min(page, left)
            rows = self._rows(
                "SELECT seq, id FROM articles WHERE duplicate_of IS NULL AND kind = 'article'"
                f" AND language IN ({marks}) AND seq > ? ORDER BY seq LIMIT ?",
                (*codes, after, size),
            )
            if not rows:
                return
            found = {a.id: a for a in self.articles([str(r[1]) for r in rows])}
            for seq, aid in rows:
                yield int(seq), found[str(aid)]
            after = int(rows[-1][0])
            left = left - len(rows) if left > 0 else left
