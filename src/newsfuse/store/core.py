"""The SQL of the Store, once for every backend: articles, stories, events and failures.

`SQLCore` holds one DB-API connection and a Dialect (store/dialect.py); statements are
written with `?` placeholders and the dialect turns them into the backend's. A
backend (sqlite.py, postgres.py) subclasses it with what cannot be one statement:
opening the connection, transactions and read snapshots, the writer lock, full-text
search and the base step of its schema. The clustering state has its own small
interface (store/state.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any

from newsfuse.lang import scored_codes
from newsfuse.lazy import lazy_module
from newsfuse.store.base import Member, Placement, story_from_members
from newsfuse.store.bulk import BulkMixin
from newsfuse.store.bulk import member_row as _member
from newsfuse.store.bulk import stored_date as _date
from newsfuse.store.dialect import Dialect, statements
from newsfuse.store.schema import Step, apply
from newsfuse.store.sql import (
    ARTICLE_FIELDS,
    ASSIGN_HEAD,
    ASSIGN_OLD,
    ASSIGN_TAIL,
    INSERT_ARTICLE,
    INSERT_SENTENCE,
    INSERT_STORY_ARTICLE,
    MOVED,
    PAGE_QUERY,
    PLACE_EVENT,
    READ_MARK,
    STALE_EVENT,
    STALE_STORY,
    WRITE_MARK,
)
from newsfuse.store.state import SQLStateStore
from newsfuse.types import Article, Failure, Sentence, Story, StoryEvent

if TYPE_CHECKING:
    import numpy as np
else:  # signatures are written and read by ingest only: reads import no numpy
    np = lazy_module("numpy")

CHUNK = 500  # ids per IN (...) list (SQLite allows 999 variables before 3.32)
NO_LIMIT = 2**62  # LIMIT for "all rows": SQLite wants a number before OFFSET


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class SQLCore(BulkMixin):
    """The Store interface over one connection; a backend adds the rest."""

    dialect: Dialect
    where: str  # the archive, for messages (a URL without its password)

    def __init__(self, connection: Any) -> None:
        self._db = connection
        self.state = SQLStateStore(self)

    # --- plumbing -------------------------------------------------------------------
    def transaction(self) -> AbstractContextManager[None]:
        raise NotImplementedError

    def _exec(self, query: str, args: Sequence[object] | None = None) -> Any:
        """Run one statement (no arguments: not parsed for placeholders at all)."""
        sql = self.dialect.sql(query)
        return self._db.execute(sql) if args is None else self._db.execute(sql, tuple(args))

    def _rows(self, query: str, args: Sequence[object] | None = None) -> list[tuple[Any, ...]]:
        return [tuple(r) for r in self._exec(query, args).fetchall()]

    def _many(self, query: str, rows: Sequence[Sequence[object]]) -> None:
        if not rows:
            return
        cur = self._db.cursor()
        try:
            cur.executemany(self.dialect.sql(query), rows)
        finally:
            cur.close()

    def _script(self, template: str) -> None:
        for statement in statements(self.dialect.ddl(template)):
            self._exec(statement)

    def _apply(self, steps: Sequence[Step]) -> int:
        """Apply the named migrations this archive lacks (store/schema.py `apply`)."""
        return apply(self, steps)

    # --- marks and maintenance ------------------------------------------------------
    def write_mark(self) -> tuple[object, ...]:
        return self._rows(WRITE_MARK)[0]

    def read_mark(self) -> tuple[object, ...]:
        return self._rows(READ_MARK)[0]

    def select(self, query: str, args: Sequence[object] = ()) -> list[tuple[object, ...]]:
        """Rows of one read-only statement, in the caller's snapshot if any (`reading`)."""
        return list(self._rows(query, args))

    def sql(self, query: str, args: Sequence[object] = ()) -> list[tuple[object, ...]]:
        """Rows of one statement with `?` placeholders (maintenance: newsfuse.check)."""
        with self.transaction():
            cur = self._exec(query, args)
            return [tuple(r) for r in cur.fetchall()] if cur.description else []

    # --- articles -------------------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        return bool(self._rows("SELECT 1 FROM articles WHERE id = ?", (article_id,)))

    def has_articles(self, ids: Sequence[str]) -> set[str]:
        """Which of `ids` are stored: one query per CHUNK ids, not one per article."""
        return {str(r[0]) for r in self._by_ids("SELECT id FROM articles WHERE id IN ({ids})", ids)}

    def _index_texts(self, rows: Sequence[tuple[int, Article]]) -> None:
        """Add new articles (seq, article) to the search index, where the backend keeps
        one apart from the articles table (SQLite's FTS5; PostgreSQL's is a column)."""

    def add_article(self, article: Article, signature: np.ndarray, n_shingles: int) -> None:
        self.add_articles([(article, signature, n_shingles)])

    def add_articles(self, rows: Sequence[tuple[Article, np.ndarray, int]]) -> None:
        """Store (article, MinHash signature, shingle count) rows in one transaction, a
        statement per table for all of them: on PostgreSQL every statement is a round
        trip to the server, so a batch costs a few instead of a few per article."""
        clean, stamp = self.dialect.clean, now()
        with self.transaction():
            self._many(
                INSERT_ARTICLE,
                [
                    (
                        *(a.id, clean(a.title), clean(a.body), clean(a.outlet), clean(a.byline)),
                        a.date.isoformat() if a.date else None,
                        *(clean(a.url), clean(a.source), a.duplicate_of, n, stamp),
                        *(a.kind, a.language),
                    )
                    for a, _, n in rows
                ],
            )
            query = "SELECT id, seq FROM articles WHERE id IN ({ids})"
            seqs = {str(i): int(s) for i, s in self._by_ids(query, [a.id for a, _, _ in rows])}
            self._index_texts([(seqs[a.id], a) for a, _, _ in rows])
            self._many(
                "INSERT INTO signatures (seq, id, minhash, n_shingles) VALUES (?, ?, ?, ?)",
                [
                    (seqs[a.id], a.id, np.asarray(sig, dtype=np.uint64).tobytes(), n)
                    for a, sig, n in rows
                    if a.duplicate_of is None
                ],
            )
            self._many(
                INSERT_SENTENCE,
                [
                    (seqs[a.id], s.index, s.id, s.paragraph, s.start, s.end, clean(s.text))
                    for a, _, _ in rows
                    for s in a.sentences
                ],
            )

    def _by_ids(self, query: str, ids: Sequence[str]) -> Iterator[tuple[Any, ...]]:
        """Rows of `query` (whose `{ids}` is an IN list) for `ids`, in chunks."""
        for start in range(0, len(ids), CHUNK):
            chunk = list(ids[start : start + CHUNK])
            yield from self._rows(query.format(ids=",".join("?" * len(chunk))), chunk)

    def _sentences(self, ids: Sequence[str]) -> dict[str, list[Sentence]]:
        out: dict[str, list[Sentence]] = {i: [] for i in ids}
        query = (
            'SELECT a.id, s.id, s.idx, s.paragraph, s.start, s."end", s.text'
            " FROM articles a JOIN article_sentences s ON s.seq = a.seq"
            " WHERE a.id IN ({ids}) ORDER BY s.seq, s.idx"
        )
        for aid, sid, idx, para, start, end, text in self._by_ids(query, ids):
            out[aid].append(Sentence(sid, idx, para, start, end, text))
        return out

    def articles(self, ids: Sequence[str] | None = None) -> list[Article]:
        cols = ", ".join(ARTICLE_FIELDS)
        if ids is None:
            rows = self._rows(f"SELECT {cols} FROM articles ORDER BY seq")
        else:
            query = f"SELECT {cols} FROM articles WHERE id IN ({{ids}})"
            found = {r[0]: r for r in self._by_ids(query, ids)}
            rows = [found[i] for i in ids if i in found]
        sentences = self._sentences([r[0] for r in rows])
        out = []
        for r in rows:
            fields = dict(zip(ARTICLE_FIELDS, r, strict=True))
            fields["date"] = _date(fields["date"])
            out.append(Article(**fields, sentences=tuple(sentences[r[0]])))
        return out

    def signatures(self, last: int = 0) -> Iterator[tuple[str, np.ndarray, int]]:
        limit = f" LIMIT {int(last)}" if last > 0 else ""
        rows = self._exec(
            "SELECT id, minhash, n_shingles FROM (SELECT seq, id, minhash, n_shingles"
            f" FROM signatures ORDER BY seq DESC{limit}) recent ORDER BY seq"
        )
        for aid, blob, n in rows:
            yield aid, np.frombuffer(bytes(blob), dtype=np.uint64), int(n)

    def originals(self, skip: int = 0) -> list[Article]:
        """Original (non-duplicate) articles in ingest order, after the first `skip`;
        pages that are not articles (Article.kind), and articles in a language
        without resources (newsfuse.lang), are never clustered, so not here."""
        codes = scored_codes()
        marks = ", ".join("?" for _ in codes)
        rows = self._rows(
            "SELECT id FROM articles WHERE duplicate_of IS NULL AND kind = 'article'"
            f" AND language IN ({marks}) ORDER BY seq LIMIT ? OFFSET ?",
            (*codes, NO_LIMIT, skip),
        )
        return self.articles([r[0] for r in rows])

    def duplicate_pairs(self) -> list[tuple[str, str]]:
        rows = self._rows(
            "SELECT id, duplicate_of FROM articles WHERE duplicate_of IS NOT NULL ORDER BY seq"
        )
        return [(str(a), str(b)) for a, b in rows]

    # --- failures -------------------------------------------------------------------
    def add_failure(self, failure: Failure) -> None:
        clean = self.dialect.clean
        with self.transaction():
            self._exec(
                "INSERT INTO failures (source, code, message, at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (source, code, message) DO UPDATE SET at = excluded.at",
                (clean(failure.source), failure.code, clean(failure.message), now()),
            )

    def failures(self, limit: int | None = None, offset: int = 0) -> list[Failure]:
        rows = self._rows(
            "SELECT source, code, message FROM failures ORDER BY id LIMIT ? OFFSET ?",
            (NO_LIMIT if limit is None else limit, offset),
        )
        return [Failure(*r) for r in rows]

    # --- stories --------------------------------------------------------------------
    def replace_stories(self, stories: Sequence[Story]) -> None:
        """Replace every story. A story without a headline whose id and originals (in
        order) are what they were keeps its stored headline: `headline` reads only a
        story's originals, in order, so a `recluster` recomputes only the headlines of
        stories it changed (it recomputed all: 28 s of 28 at 10k, docs/benchmarks.md)."""
        stamp = now()
        with self.transaction():
            kept = self._unchanged_headlines(stories)
            self._exec("DELETE FROM story_articles")
            self._exec("DELETE FROM stories")
            self._many(
                "INSERT INTO stories (id, headline, updated_at) VALUES (?, ?, ?)",
                [(s.id, s.headline or kept.get(s.id), stamp) for s in stories],
            )
            self._many(
                INSERT_STORY_ARTICLE,
                [
                    (aid, s.id, position, int(position >= len(s.article_ids)))
                    for s in stories
                    for position, aid in enumerate([*s.article_ids, *s.duplicate_ids])
                ],
            )

    def _story_from_row(self, row: Sequence[Any]) -> Story:
        members = self._rows(
            "SELECT a.id, a.duplicate_of, a.outlet, a.date FROM story_articles sa"
            " JOIN articles a ON a.id = sa.article_id WHERE sa.story_id = ?"
            " ORDER BY a.date IS NULL, a.date, sa.position, sa.duplicate",
            (row[0],),
        )
        return story_from_members(row[0], row[1], [_member(m) for m in members])

    def stories(self) -> list[Story]:
        rows = self._rows("SELECT id, headline FROM stories ORDER BY id")
        return [self._story_from_row(r) for r in rows]

    def story(self, story_id: str) -> Story | None:
        rows = self._rows("SELECT id, headline FROM stories WHERE id = ?", (story_id,))
        return self._story_from_row(rows[0]) if rows else None

    def story_page(self, sort: str, limit: int, offset: int = 0) -> list[Story]:
        return [self._story_from_row(r) for r in self._rows(PAGE_QUERY[sort], (limit, offset))]

    def assign(self, members: Sequence[Placement]) -> None:
        """Placements of articles in stories; stories are created as needed. Headlines
        are marked stale where a story's rows change: a story gaining or losing an
        article or an article's place in it; a row stored as it was leaves its story's
        headline as it is (the stream re-assigns every article a regrouping touched).
        Duplicates follow their moved originals, and a story left without articles is
        deleted in the same transaction (ASSIGN_TAIL)."""
        stamp = now()
        with self.transaction():
            for statement in ASSIGN_HEAD:
                self._exec(statement)
            self._many(MOVED, [(p.article_id, p.story_id) for p in members])
            self._exec(ASSIGN_OLD)
            stale = self._changed_stories(members)
            self._many(STALE_STORY, [(sid, stamp) for sid in stale])
            self._many(
                INSERT_STORY_ARTICLE
                + " ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id,"
                " position = excluded.position, duplicate = excluded.duplicate",
                [(p.article_id, p.story_id, p.position, int(p.duplicate)) for p in members],
            )
            for statement in ASSIGN_TAIL:
                self._exec(statement)

    def merge_story(self, kept: str, gone: str) -> None:
        with self.transaction():
            self._exec(STALE_STORY, (kept, now()))
            self._exec("UPDATE story_articles SET story_id = ? WHERE story_id = ?", (kept, gone))
            self._exec("DELETE FROM stories WHERE id = ?", (gone,))

    def set_headline(self, story_id: str, headline: str | None) -> None:
        with self.transaction():
            self._exec("UPDATE stories SET headline = ? WHERE id = ?", (headline, story_id))

    def count_stories(self) -> int:
        return int(self._rows("SELECT count(*) FROM stories")[0][0])

    def story_of(self, article_id: str) -> str | None:
        rows = self._rows("SELECT story_id FROM story_articles WHERE article_id = ?", (article_id,))
        return str(rows[0][0]) if rows else None

    def memberships(self) -> dict[str, str]:
        return {
            str(a): str(s) for a, s in self._rows("SELECT article_id, story_id FROM story_articles")
        }

    # --- story events (merges, splits) ----------------------------------------------
    def add_event(self, event: StoryEvent) -> None:
        with self.transaction():
            self._exec(
                "INSERT INTO story_events (kind, story_id, other_id, detail, at)"
                " VALUES (?, ?, ?, ?, ?)",
                (event.kind, event.story_id, event.other_id, event.detail, event.at or now()),
            )

    def events(self, story_id: str | None = None) -> list[StoryEvent]:
        where, args = (
            ("", None)
            if story_id is None
            else (" WHERE story_id = ? OR other_id = ?", (story_id, story_id))
        )
        query = f"SELECT kind, story_id, other_id, detail, at FROM story_events{where} ORDER BY id"
        return [StoryEvent(*r) for r in self._rows(query, args)]

    # --- events inside storylines (tracking.py) -------------------------------------
    def assign_events(self, members: Sequence[tuple[str, str]]) -> None:
        """(article id, event id) placements; the headline of an event whose originals
        change (one gained, one lost) is marked stale (bulk.py `_stale_events`)."""
        with self.transaction():
            self._stale_events(members)
            self._many(PLACE_EVENT, list(members))

    def merge_event(self, kept: str, gone: str) -> None:
        with self.transaction():
            self._exec(STALE_EVENT, (kept,))
            self._exec("DELETE FROM event_headlines WHERE event_id = ?", (gone,))
            self._exec("UPDATE article_events SET event_id = ? WHERE event_id = ?", (kept, gone))

    def replace_events(self, members: Sequence[tuple[str, str]]) -> None:
        """Replace every event; an event whose originals are what they were keeps its
        stored headline (a `recluster` recomputes only those it changed)."""
        with self.transaction():
            kept = self._unchanged_event_headlines(members)
            self._exec("DELETE FROM article_events")
            self._exec("DELETE FROM event_headlines")
            self._many(PLACE_EVENT, list(members))
            events = dict.fromkeys(e for _, e in members)
            self._many(
                "INSERT INTO event_headlines (event_id, headline) VALUES (?, ?)",
                [(e, kept.get(e)) for e in events],
            )

    def event_of(self, article_id: str) -> str | None:
        rows = self._rows("SELECT event_id FROM article_events WHERE article_id = ?", (article_id,))
        return str(rows[0][0]) if rows else None

    def event_members(self, event_id: str | None = None) -> list[tuple[str, Member]]:
        where, args = (" WHERE e.event_id = ?", (event_id,)) if event_id else ("", None)
        rows = self._rows(
            "SELECT e.event_id, a.id, a.duplicate_of, a.outlet, a.date FROM article_events e"
            f" JOIN articles a ON a.id = e.article_id{where} ORDER BY a.seq",
            args,
        )
        return [(str(r[0]), _member(r[1:])) for r in rows]

    def close(self) -> None:
        self._db.close()
