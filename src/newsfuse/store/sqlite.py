"""SQLite storage, the embedded default: one file, versioned schema, transactional writes.

The schema version lives in SQLite's `user_version` pragma; opening a database of
a newer version is refused rather than misread. Sentences are stored so that
citations (article id + sentence id) can be resolved without re-splitting.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import time
from collections.abc import Collection, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import numpy as np

from newsfuse.errors import ErrorCode, NewsfuseError
from newsfuse.lang import scored_codes
from newsfuse.store.base import (
    ASSIGN_HEAD,
    ASSIGN_OLD,
    ASSIGN_TAIL,
    MOVED,
    READ_MARK,
    WRITE_MARK,
    Member,
    Nesting,
    story_from_members,
)
from newsfuse.store.lock import file_lock
from newsfuse.store.query import SEARCH_SECONDS, match_expression
from newsfuse.types import Article, Failure, SearchHit, Sentence, Story, StoryEvent

SCHEMA_VERSION = 9  # 7: articles.kind; 8: article_events (events inside storylines)
# 9: articles.language (issue 25, language as data)
CACHE_KIB = -65536  # page cache: 64 MB (negative = KiB, SQLite's convention)
CHECKPOINT_PAGES = 16384  # WAL pages between automatic checkpoints: 64 MB of 4 KB pages

_SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    title TEXT,
    body TEXT NOT NULL,
    outlet TEXT,
    byline TEXT,
    date TEXT,
    url TEXT,
    source TEXT NOT NULL,
    duplicate_of TEXT REFERENCES articles(id),
    minhash BLOB,  -- schema < 4 only: signatures holds them since
    n_shingles INTEGER,
    ingested_at TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'article',  -- schema 7: Article.kind
    language TEXT NOT NULL DEFAULT 'en'  -- schema 9: Article.language (ISO 639, 'und')
);
CREATE INDEX IF NOT EXISTS articles_duplicate_of ON articles(duplicate_of);
-- The MinHash signatures of originals, apart from the wide article rows: every ingest
-- reads the last 50,000 to rebuild the near-duplicate index, and reading them from
-- the articles table walked each row's body pages (docs/benchmarks.md).
CREATE TABLE IF NOT EXISTS signatures (
    seq INTEGER PRIMARY KEY REFERENCES articles(seq),
    id TEXT NOT NULL,
    minhash BLOB NOT NULL,
    n_shingles INTEGER NOT NULL
);
-- Sentences are clustered by their article's seq, which only grows, so a batch's
-- rows append to the end of one B-tree. Until schema 5 they were keyed by content-hash
-- ids (two indexes), and each batch dirtied pages all over both: WAL traffic per batch
-- grew with the archive (docs/benchmarks.md).
CREATE TABLE IF NOT EXISTS article_sentences (
    seq INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    id TEXT NOT NULL,
    paragraph INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (seq, idx)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS stories (
    id TEXT PRIMARY KEY,
    headline TEXT,
    first_date TEXT,
    last_date TEXT,
    updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS story_articles (
    article_id TEXT PRIMARY KEY REFERENCES articles(id),
    story_id TEXT NOT NULL REFERENCES stories(id),
    rank INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS story_articles_story ON story_articles(story_id, rank);
CREATE TABLE IF NOT EXISTS story_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    story_id TEXT NOT NULL,
    other_id TEXT,
    detail TEXT,
    at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS story_events_story ON story_events(story_id);
CREATE TABLE IF NOT EXISTS article_events (
    article_id TEXT PRIMARY KEY REFERENCES articles(id),
    event_id TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS article_events_event ON article_events(event_id);
CREATE TABLE IF NOT EXISTS cluster_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    clustered INTEGER NOT NULL,
    data BLOB NOT NULL,
    saved_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS cluster_state_parts (
    name TEXT PRIMARY KEY,
    data BLOB NOT NULL
);
-- Full-text index of titles and bodies (external content: the text stays in articles
-- only), so any stored story can be found, also once it has left the clustering
-- window. Porter stems, diacritics folded. Rows are added with their article and
-- articles are never changed or deleted, so no triggers are needed.
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
    title, body, content='articles', content_rowid='seq',
    tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TABLE IF NOT EXISTS failures (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    source TEXT NOT NULL,
    code TEXT NOT NULL,
    message TEXT NOT NULL,
    at TEXT NOT NULL,
    UNIQUE (source, code, message)
);
"""

# Upgrading from schema < 4: the originals' signatures move to their own table (the
# old column keeps its copy; rows added since leave it NULL).
_COPY_SIGNATURES = """
INSERT OR IGNORE INTO signatures (seq, id, minhash, n_shingles)
    SELECT seq, id, minhash, n_shingles FROM articles
    WHERE duplicate_of IS NULL AND minhash IS NOT NULL;
"""
# Upgrading from schema < 5: sentences move to the table keyed by article seq.
_MOVE_SENTENCES = """
INSERT OR IGNORE INTO article_sentences (seq, idx, id, paragraph, start, "end", text)
    SELECT a.seq, s.idx, s.id, s.paragraph, s.start, s."end", s.text
    FROM sentences s JOIN articles a ON a.id = s.article_id ORDER BY a.seq, s.idx;
DROP TABLE sentences;
"""
# Upgrading from schema < 6: index the stored articles for search.
# Schema 7 (Article.kind): archives of earlier versions hold articles only.
_ADD_KIND = "ALTER TABLE articles ADD COLUMN kind TEXT NOT NULL DEFAULT 'article';"
# Schema 9 (Article.language, issue 25): archives of earlier versions were all scored
# as English. (Additive; for the integrator: one named migration "add_article_language".)
_ADD_LANGUAGE = "ALTER TABLE articles ADD COLUMN language TEXT NOT NULL DEFAULT 'en';"
_INDEX_TEXT = "INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');"
# Store.story_page of both backends (%s placeholders), by sort. By size, members are
# counted from story_articles' covering index alone: joining every article row as
# well took 2-3x as long (37-41 ms against 13-21 ms over 3,980 stories), and the
# server's readers recompute the page after every batch a writer commits (issue 24).
PAGE_QUERY = {
    "size": "SELECT s.id, s.headline FROM stories s LEFT JOIN (SELECT story_id, count(*) AS n"
    " FROM story_articles GROUP BY story_id) c ON c.story_id = s.id"
    " ORDER BY coalesce(c.n, 0) DESC, s.id LIMIT %s OFFSET %s",
    "recent": "SELECT s.id, s.headline FROM stories s LEFT JOIN story_articles sa"
    " ON sa.story_id = s.id LEFT JOIN articles a ON a.id = sa.article_id GROUP BY s.id"
    " ORDER BY max(a.date) IS NULL, max(a.date) DESC, s.id LIMIT %s OFFSET %s",
}
SEARCH_WEIGHTS = (4.0, 1.0)  # BM25 weight of a title match, of a body match
_SNIPPET_WORDS = 24


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


class SQLiteStore:
    """The Store interface over one SQLite file (or ":memory:")."""

    def __init__(self, path: Path | str) -> None:
        self.path = str(path)
        try:
            # One thread uses a connection at a time (the server gives each reader thread
            # its own), but it may be closed from another at shutdown.
            self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self._db.execute("PRAGMA foreign_keys = ON")
            # Ingest writes to indexes keyed by content hashes, i.e. all over their
            # pages: a 64 MB page cache (default 2 MB) re-reads fewer of them, and
            # checkpointing every 64 MB of WAL (default 4 MB, i.e. after every
            # batch) copies a page rewritten by several batches once. Durability
            # is unchanged; ingesting 111k articles took ~4 s (2%) less of 187 s
            # (docs/benchmarks.md, ingest speed #5).
            self._db.execute(f"PRAGMA cache_size = {CACHE_KIB}")
            self._db.execute(f"PRAGMA wal_autocheckpoint = {CHECKPOINT_PAGES}")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            message = f"{path}: not a newsfuse database ({exc})"
            raise NewsfuseError(ErrorCode.BAD_DB, message) from exc
        self._nesting = Nesting()
        self._writer = Nesting()
        self.search_seconds = SEARCH_SECONDS  # a search is cut off past it (E503)

    def writer(self, wait: float) -> AbstractContextManager[None]:
        """The archive's writer lock (store/lock.py), held by this connection; reentrant."""
        return self._writer.block(lambda: file_lock(self.path, wait))

    def write_mark(self) -> tuple[object, ...]:
        return tuple(self._db.execute(WRITE_MARK).fetchone())

    def data_version(self) -> object:
        return self._db.execute("PRAGMA data_version").fetchone()[0]

    def read_mark(self) -> tuple[object, ...]:
        return tuple(self._db.execute(READ_MARK).fetchone())

    @contextmanager
    def reading(self) -> Iterator[None]:
        """A deferred transaction: its first read fixes the snapshot (WAL), no lock."""
        if self._nesting.depth:  # inside a transaction already: that is the snapshot
            yield
            return
        self._db.execute("BEGIN DEFERRED")
        try:
            yield
        finally:
            if self._db.in_transaction:  # an interrupted statement may have ended it
                self._db.execute("COMMIT")

    def select(self, query: str, args: Sequence[object] = ()) -> list[tuple[object, ...]]:
        """Rows of one read-only statement, in the caller's snapshot if any (`reading`)."""
        return [tuple(r) for r in self._db.execute(query, tuple(args)).fetchall()]

    def sql(self, query: str, args: Sequence[object] = ()) -> list[tuple[object, ...]]:
        """Rows of one statement with `?` placeholders (maintenance: newsfuse.check)."""
        with self.transaction():
            return [tuple(r) for r in self._db.execute(query, tuple(args)).fetchall()]

    def _migrate(self, tries: int = 50) -> None:
        """Create or upgrade the schema. Two processes opening a new archive at once
        both see version 0: the script takes the write lock first (BEGIN IMMEDIATE,
        so the second waits instead of failing to upgrade a read snapshot), and a
        loser that still fails re-reads the version and tries again."""
        for attempt in range(tries):
            try:
                self._upgrade()
                return
            except sqlite3.OperationalError:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                if attempt == tries - 1:
                    raise
                time.sleep(0.1)

    def _upgrade(self) -> None:
        self._db.execute("PRAGMA journal_mode = WAL")  # a write, on a new file
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise NewsfuseError(
                ErrorCode.BAD_DB,
                f"{self.path}: schema version {version} is newer than this newsfuse "
                f"({SCHEMA_VERSION}); upgrade newsfuse",
            )
        if version < SCHEMA_VERSION:
            tables = {r[0] for r in self._db.execute("SELECT name FROM sqlite_master")}
            moves = _MOVE_SENTENCES if "sentences" in tables else ""
            columns = {r[1] for r in self._db.execute("PRAGMA table_info(articles)")}
            kind = _ADD_KIND if "articles" in tables and "kind" not in columns else ""
            if "articles" in tables and "language" not in columns:
                kind += _ADD_LANGUAGE
            self._db.executescript(
                f"BEGIN IMMEDIATE;{kind}{_SCHEMA}{_COPY_SIGNATURES}{moves}{_INDEX_TEXT}"
                f"PRAGMA user_version = {SCHEMA_VERSION};COMMIT;"
            )

    def transaction(self) -> AbstractContextManager[None]:
        """BEGIN/COMMIT around the block (ROLLBACK on error); nested blocks join the outer one."""
        return self._nesting.block(self._begin_immediate)

    @contextmanager
    def _begin_immediate(self) -> Iterator[None]:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def has_article(self, article_id: str) -> bool:
        row = self._db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row is not None

    def add_article(self, article: Article, signature: np.ndarray, n_shingles: int) -> None:
        with self.transaction():
            seq = self._db.execute(
                "INSERT INTO articles (id, title, body, outlet, byline, date, url, source,"
                " duplicate_of, n_shingles, ingested_at, kind, language)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    article.id,
                    article.title,
                    article.body,
                    article.outlet,
                    article.byline,
                    article.date.isoformat() if article.date else None,
                    article.url,
                    article.source,
                    article.duplicate_of,
                    n_shingles,
                    _now(),
                    article.kind,
                    article.language,
                ),
            ).lastrowid
            self._db.execute(
                "INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)",
                (seq, article.title, article.body),
            )
            if article.duplicate_of is None:
                self._db.execute(
                    "INSERT INTO signatures (seq, id, minhash, n_shingles) VALUES (?, ?, ?, ?)",
                    (seq, article.id, np.asarray(signature, dtype=np.uint64).tobytes(), n_shingles),
                )
            self._db.executemany(
                'INSERT INTO article_sentences (seq, idx, id, paragraph, start, "end", text)'
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (seq, s.index, s.id, s.paragraph, s.start, s.end, s.text)
                    for s in article.sentences
                ],
            )

    def _sentences(self, ids: Sequence[str]) -> dict[str, list[Sentence]]:
        out: dict[str, list[Sentence]] = {i: [] for i in ids}
        for chunk_start in range(0, len(ids), 500):
            chunk = list(ids[chunk_start : chunk_start + 500])
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                'SELECT a.id, s.id, s.idx, s.paragraph, s.start, s."end", s.text'
                " FROM articles a JOIN article_sentences s ON s.seq = a.seq"
                f" WHERE a.id IN ({marks}) ORDER BY s.seq, s.idx",
                chunk,
            )
            for aid, sid, idx, para, start, end, text in rows:
                out[aid].append(Sentence(sid, idx, para, start, end, text))
        return out

    def articles(self, ids: Sequence[str] | None = None) -> list[Article]:
        cols = "id, title, body, outlet, byline, date, url, source, duplicate_of, kind, language"
        if ids is None:
            rows = self._db.execute(f"SELECT {cols} FROM articles ORDER BY seq").fetchall()
        else:
            found: dict[str, tuple[object, ...]] = {}
            for i in range(0, len(ids), 500):
                chunk = list(ids[i : i + 500])
                marks = ",".join("?" * len(chunk))
                for row in self._db.execute(
                    f"SELECT {cols} FROM articles WHERE id IN ({marks})", chunk
                ):
                    found[row[0]] = row
            rows = [found[i] for i in ids if i in found]
        sentences = self._sentences([r[0] for r in rows])
        return [
            Article(
                id=r[0],
                title=r[1],
                body=r[2],
                outlet=r[3],
                byline=r[4],
                date=_date(r[5]),
                url=r[6],
                source=r[7],
                sentences=tuple(sentences[r[0]]),
                duplicate_of=r[8],
                kind=r[9],
                language=r[10],
            )
            for r in rows
        ]

    def signatures(self, last: int = 0) -> Iterator[tuple[str, np.ndarray, int]]:
        sql = "SELECT seq, id, minhash, n_shingles FROM signatures ORDER BY seq DESC"
        if last > 0:
            sql += f" LIMIT {int(last)}"
        rows = self._db.execute(f"SELECT id, minhash, n_shingles FROM ({sql}) ORDER BY seq")
        for aid, blob, n in rows:
            yield aid, np.frombuffer(blob, dtype=np.uint64), int(n)

    def search(self, query: str, limit: int) -> list[SearchHit]:
        title, body = SEARCH_WEIGHTS
        expression = match_expression(query)
        with self._deadline(self.search_seconds, f"search {query[:80]!r}"):
            rows = self._db.execute(
                f"SELECT a.id, sa.story_id, -bm25(articles_fts, {title}, {body}),"
                f" snippet(articles_fts, 1, '**', '**', '…', {_SNIPPET_WORDS})"
                " FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid"
                " LEFT JOIN story_articles sa ON sa.article_id = a.id"
                " WHERE articles_fts MATCH ?"
                f" ORDER BY bm25(articles_fts, {title}, {body}), a.seq LIMIT ?",
                (expression, limit),
            ).fetchall()
        # Snippets cross paragraph breaks; one line each reads better anywhere.
        return [
            SearchHit(aid, sid, float(score), " ".join(snip.split()))
            for aid, sid, score, snip in rows
        ]

    @contextmanager
    def _deadline(self, seconds: float, what: str) -> Iterator[None]:
        """Interrupt the statements of the block after `seconds` (E503)."""
        end = time.monotonic() + seconds
        self._db.set_progress_handler(lambda: int(time.monotonic() > end), 1000)
        try:
            yield
        except sqlite3.OperationalError as exc:
            if "interrupted" not in str(exc):
                raise
            message = f"{what} took over {seconds:g} s and was cut off; name fewer or rarer words"
            raise NewsfuseError(ErrorCode.SEARCH_TIMEOUT, message) from None
        finally:
            self._db.set_progress_handler(None, 0)

    def add_failure(self, failure: Failure) -> None:
        with self.transaction():
            self._db.execute(
                "INSERT INTO failures (source, code, message, at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (source, code, message) DO UPDATE SET at = excluded.at",
                (failure.source, failure.code, failure.message, _now()),
            )

    def failures(self, limit: int | None = None, offset: int = 0) -> list[Failure]:
        rows = self._db.execute(
            "SELECT source, code, message FROM failures ORDER BY id LIMIT ? OFFSET ?",
            (-1 if limit is None else limit, offset),
        )
        return [Failure(*row) for row in rows]

    def replace_stories(self, stories: Sequence[Story]) -> None:
        now = _now()
        with self.transaction():
            self._db.execute("DELETE FROM story_articles")
            self._db.execute("DELETE FROM stories")
            for story in stories:
                self._db.execute(
                    "INSERT INTO stories (id, headline, updated_at) VALUES (?, ?, ?)",
                    (story.id, story.headline, now),
                )
                members = [*story.article_ids, *story.duplicate_ids]
                self._db.executemany(
                    "INSERT INTO story_articles (article_id, story_id, rank) VALUES (?, ?, ?)",
                    [(aid, story.id, rank) for rank, aid in enumerate(members)],
                )

    def _story_from_row(self, row: tuple[str, str | None]) -> Story:
        sid, headline = row
        members = self._db.execute(
            "SELECT a.id, a.duplicate_of, a.outlet, a.date FROM story_articles sa"
            " JOIN articles a ON a.id = sa.article_id WHERE sa.story_id = ?"
            " ORDER BY a.date IS NULL, a.date, sa.rank",
            (sid,),
        ).fetchall()
        return story_from_members(sid, headline, [(a, d, o, _date(t)) for a, d, o, t in members])

    def stories(self) -> list[Story]:
        rows = self._db.execute("SELECT id, headline FROM stories ORDER BY id").fetchall()
        return [self._story_from_row(r) for r in rows]

    def story_page(self, sort: str, limit: int, offset: int = 0) -> list[Story]:
        query = PAGE_QUERY[sort].replace("%s", "?")
        rows = self._db.execute(query, (limit, offset)).fetchall()
        return [self._story_from_row(r) for r in rows]

    def story(self, story_id: str) -> Story | None:
        row = self._db.execute(
            "SELECT id, headline FROM stories WHERE id = ?", (story_id,)
        ).fetchone()
        return self._story_from_row(row) if row else None

    def assign(self, members: Sequence[tuple[str, str, int]]) -> None:
        """(article id, story id, rank) rows; stories are created as needed and their
        headlines marked stale. Duplicates follow their moved originals, and a story
        left without articles is deleted in the same transaction (ASSIGN_TAIL)."""
        now = _now()
        with self.transaction():
            for statement in ASSIGN_HEAD:
                self._db.execute(statement)
            self._db.executemany(MOVED.replace("%s", "?"), [(a, s) for a, s, _ in members])
            self._db.execute(ASSIGN_OLD)
            self._db.executemany(
                "INSERT INTO stories (id, headline, updated_at) VALUES (?, NULL, ?)"
                " ON CONFLICT (id) DO UPDATE SET headline = NULL, updated_at = excluded.updated_at",
                [(sid, now) for sid in dict.fromkeys(sid for _, sid, _ in members)],
            )
            self._db.executemany(
                "INSERT INTO story_articles (article_id, story_id, rank) VALUES (?, ?, ?)"
                " ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id,"
                " rank = excluded.rank",
                members,
            )
            for statement in ASSIGN_TAIL:
                self._db.execute(statement)

    def merge_story(self, kept: str, gone: str) -> None:
        with self.transaction():
            self._db.execute(
                "INSERT INTO stories (id, headline, updated_at) VALUES (?, NULL, ?)"
                " ON CONFLICT (id) DO NOTHING",
                (kept, _now()),
            )
            self._db.execute(
                "UPDATE story_articles SET story_id = ? WHERE story_id = ?", (kept, gone)
            )
            self._db.execute("DELETE FROM stories WHERE id = ?", (gone,))
            self._db.execute(
                "UPDATE stories SET headline = NULL, updated_at = ? WHERE id = ?", (_now(), kept)
            )

    def set_headline(self, story_id: str, headline: str | None) -> None:
        with self.transaction():
            self._db.execute("UPDATE stories SET headline = ? WHERE id = ?", (headline, story_id))

    def add_event(self, event: StoryEvent) -> None:
        with self.transaction():
            self._db.execute(
                "INSERT INTO story_events (kind, story_id, other_id, detail, at)"
                " VALUES (?, ?, ?, ?, ?)",
                (event.kind, event.story_id, event.other_id, event.detail, event.at or _now()),
            )

    def events(self, story_id: str | None = None) -> list[StoryEvent]:
        sql = "SELECT kind, story_id, other_id, detail, at FROM story_events"
        args: tuple[str, ...] = ()
        if story_id is not None:
            sql += " WHERE story_id = ? OR other_id = ?"
            args = (story_id, story_id)
        return [StoryEvent(*row) for row in self._db.execute(sql + " ORDER BY id", args)]

    def count_stories(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM stories").fetchone()[0])

    def story_of(self, article_id: str) -> str | None:
        row = self._db.execute(
            "SELECT story_id FROM story_articles WHERE article_id = ?", (article_id,)
        ).fetchone()
        return str(row[0]) if row else None

    def memberships(self) -> dict[str, str]:
        return dict(self._db.execute("SELECT article_id, story_id FROM story_articles"))

    def duplicate_pairs(self) -> list[tuple[str, str]]:
        rows = self._db.execute(
            "SELECT id, duplicate_of FROM articles WHERE duplicate_of IS NOT NULL ORDER BY seq"
        )
        return [(str(a), str(b)) for a, b in rows]

    def cluster_state(self) -> tuple[bytes, int] | None:
        row = self._db.execute("SELECT data, clustered FROM cluster_state").fetchone()
        return (bytes(row[0]), int(row[1])) if row else None

    def cluster_state_part(self, name: str) -> bytes | None:
        row = self._db.execute(
            "SELECT data FROM cluster_state_parts WHERE name = ?", (name,)
        ).fetchone()
        return bytes(row[0]) if row else None

    def cluster_state_parts(self) -> set[str]:
        return {r[0] for r in self._db.execute("SELECT name FROM cluster_state_parts")}

    def save_cluster_state(
        self, head: bytes, clustered: int, parts: Mapping[str, bytes], keep: Collection[str]
    ) -> None:
        with self.transaction():
            self._db.execute(
                "INSERT INTO cluster_state (id, clustered, data, saved_at) VALUES (1, ?, ?, ?)"
                " ON CONFLICT (id) DO UPDATE SET clustered = excluded.clustered,"
                " data = excluded.data, saved_at = excluded.saved_at",
                (clustered, head, _now()),
            )
            self._db.executemany(
                "INSERT OR IGNORE INTO cluster_state_parts (name, data) VALUES (?, ?)",
                parts.items(),
            )
            wanted = set(keep)
            gone = [(n,) for n in self.cluster_state_parts() if n not in wanted]
            self._db.executemany("DELETE FROM cluster_state_parts WHERE name = ?", gone)

    def assign_events(self, members: Sequence[tuple[str, str]]) -> None:
        with self.transaction():
            self._db.executemany(
                "INSERT INTO article_events (article_id, event_id) VALUES (?, ?)"
                " ON CONFLICT (article_id) DO UPDATE SET event_id = excluded.event_id",
                members,
            )

    def merge_event(self, kept: str, gone: str) -> None:
        with self.transaction():
            self._db.execute(
                "UPDATE article_events SET event_id = ? WHERE event_id = ?", (kept, gone)
            )

    def replace_events(self, members: Sequence[tuple[str, str]]) -> None:
        with self.transaction():
            self._db.execute("DELETE FROM article_events")
            self.assign_events(members)

    def event_of(self, article_id: str) -> str | None:
        row = self._db.execute(
            "SELECT event_id FROM article_events WHERE article_id = ?", (article_id,)
        ).fetchone()
        return str(row[0]) if row else None

    def event_members(self, event_id: str | None = None) -> list[tuple[str, Member]]:
        where, args = (" WHERE e.event_id = ?", (event_id,)) if event_id else ("", ())
        rows = self._db.execute(
            "SELECT e.event_id, a.id, a.duplicate_of, a.outlet, a.date FROM article_events e"
            f" JOIN articles a ON a.id = e.article_id{where} ORDER BY a.seq",
            args,
        )
        return [(str(e), (a, d, o, _date(t))) for e, a, d, o, t in rows]

    def originals(self, skip: int = 0) -> list[Article]:
        """Original (non-duplicate) articles in ingest order, after the first `skip`;
        pages that are not articles (Article.kind) are never clustered, so not here;
        nor are articles in a language without resources (newsfuse.lang.scored)."""
        codes = scored_codes()
        ids = [
            r[0]
            for r in self._db.execute(
                "SELECT id FROM articles WHERE duplicate_of IS NULL AND kind = 'article'"
                f" AND language IN ({','.join('?' * len(codes))})"
                " ORDER BY seq LIMIT -1 OFFSET ?",
                (*codes, skip),
            )
        ]
        return self.articles(ids)

    def close(self) -> None:
        self._db.close()
