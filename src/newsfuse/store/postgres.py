"""PostgreSQL storage, for an archive on a database server: shared by several readers
(`newsfuse serve` processes, analysts' notebooks), or grown past what one file on one
disk should hold. Chosen by giving a `postgresql://` URL as the database.

The tables are SQLite's (sqlite.py) in PostgreSQL's types: dates are DATE, blobs
BYTEA, and the search index is a stored tsvector column (title weighted A, body B)
with a GIN index instead of FTS5. Search speaks the same query language
(store/query.py) and ranks a title match 4x a body match, as SQLite's BM25 weights
do; stemming is PostgreSQL's English snowball stemmer, and accents are not folded
(that needs the `unaccent` extension, which not every server has).

Writes go through explicit transactions (autocommit otherwise); like SQLite, one
ingest at a time per archive: the stream-clustering state is one writer's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import Any

import numpy as np

from newsfuse.config import describe_database as redact
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
from newsfuse.store.lock import wait_for
from newsfuse.store.query import SEARCH_SECONDS, tsquery_expression
from newsfuse.store.sqlite import PAGE_QUERY
from newsfuse.types import Article, Failure, SearchHit, Sentence, Story, StoryEvent

try:
    import psycopg
except ImportError:  # an optional extra: pip install 'newsfuse[postgres]'
    psycopg = None  # type: ignore[assignment]

SCHEMA_VERSION = 3  # 2: articles.kind; 3: articles.language (issue 25)
INDEXED_CHARS = 500_000  # body characters in the search index (tsvector holds at most 1 MB)
# ts_rank weights of the {D, C, B, A} labels: body (B) 0.25, title (A) 1.0, i.e. 1:4 as
# SQLite's BM25 weights (sqlite.SEARCH_WEIGHTS).
RANK_WEIGHTS = "{0, 0, 0.25, 1}"
HEADLINE = "StartSel=**, StopSel=**, MaxWords=24, MinWords=12, ShortWord=2, MaxFragments=1"
_ARTICLE_FIELDS = (
    "id",
    "title",
    "body",
    "outlet",
    "byline",
    "date",
    "url",
    "source",
    "duplicate_of",
    "kind",
    "language",
)
_LOCK = 7_146_917  # advisory lock key: one process creates or upgrades the schema
# The writer lock (store/lock.py): a session advisory lock of the writer's connection,
# keyed by this and the schema's name; PostgreSQL drops it when the connection dies.
_WRITER = "SELECT pg_try_advisory_lock(hashtextextended('newsfuse-writer:' || current_schema(), 0))"
_UNLOCK = "SELECT pg_advisory_unlock(hashtextextended('newsfuse-writer:' || current_schema(), 0))"


def _text(value: str | None) -> str | None:
    """Text PostgreSQL can store: NUL (which SQLite keeps, PostgreSQL refuses, failing
    the whole batch: issue 24) becomes U+FFFD, one character for one, so sentence
    offsets into the body stay right."""
    return value.replace("\x00", "\ufffd") if value and "\x00" in value else value


_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS newsfuse_schema (version INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    title TEXT,
    body TEXT NOT NULL,
    outlet TEXT,
    byline TEXT,
    date DATE,
    url TEXT,
    source TEXT NOT NULL,
    duplicate_of TEXT REFERENCES articles(id),
    n_shingles INTEGER,
    ingested_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    kind TEXT NOT NULL DEFAULT 'article',
    language TEXT NOT NULL DEFAULT 'en',  -- schema 3: Article.language (ISO 639, 'und')
    fts tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce(title, '')), 'A')
        || setweight(to_tsvector('english', left(body, {INDEXED_CHARS})), 'B')
    ) STORED
);
CREATE INDEX IF NOT EXISTS articles_duplicate_of ON articles (duplicate_of);
CREATE INDEX IF NOT EXISTS articles_fts ON articles USING GIN (fts);
CREATE TABLE IF NOT EXISTS signatures (
    seq BIGINT PRIMARY KEY REFERENCES articles (seq),
    id TEXT NOT NULL,
    minhash BYTEA NOT NULL,
    n_shingles INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS article_sentences (
    seq BIGINT NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    id TEXT NOT NULL,
    paragraph INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (seq, idx)
);
CREATE TABLE IF NOT EXISTS stories (
    id TEXT PRIMARY KEY,
    headline TEXT,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS story_articles (
    article_id TEXT PRIMARY KEY REFERENCES articles (id),
    story_id TEXT NOT NULL REFERENCES stories (id),
    rank INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS story_articles_story ON story_articles (story_id, rank);
CREATE TABLE IF NOT EXISTS story_events (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind TEXT NOT NULL,
    story_id TEXT NOT NULL,
    other_id TEXT,
    detail TEXT,
    at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS story_events_story ON story_events (story_id);
CREATE TABLE IF NOT EXISTS article_events (
    article_id TEXT PRIMARY KEY REFERENCES articles (id),
    event_id TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS article_events_event ON article_events (event_id);
CREATE TABLE IF NOT EXISTS cluster_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    clustered INTEGER NOT NULL,
    data BYTEA NOT NULL,
    saved_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS cluster_state_parts (name TEXT PRIMARY KEY, data BYTEA NOT NULL);
CREATE TABLE IF NOT EXISTS failures (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source TEXT NOT NULL,
    code TEXT NOT NULL,
    message TEXT NOT NULL,
    at TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (source, code, message)
);
"""


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _connect(url: str) -> Any:
    if psycopg is None:
        message = "PostgreSQL needs the driver: pip install 'newsfuse[postgres]'"
        raise NewsfuseError(ErrorCode.BAD_DB, message)
    try:
        return psycopg.connect(url, autocommit=True)
    except psycopg.Error as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise NewsfuseError(ErrorCode.BAD_DB, f"{redact(url)}: cannot connect: {first}") from None


class PostgresStore:
    """The Store interface over one PostgreSQL database (its public schema)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._db = _connect(url)
        self._nesting = Nesting()
        self._writer = Nesting()
        self.search_seconds = SEARCH_SECONDS  # a search is cut off past it (E503)
        try:
            self._migrate()
        except psycopg.Error as exc:
            self._db.close()
            raise NewsfuseError(ErrorCode.BAD_DB, f"{redact(url)}: {exc}") from None
        except BaseException:
            self._db.close()
            raise

    def _migrate(self) -> None:
        with self.transaction():
            self._db.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK,))
            tables = {
                r[0]
                for r in self._db.execute(
                    "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
                )
            }
            if "articles" in tables and "newsfuse_schema" not in tables:
                message = f"{redact(self.url)}: not a newsfuse database (it has other tables)"
                raise NewsfuseError(ErrorCode.BAD_DB, message)
            self._db.execute(_SCHEMA)
            row = self._db.execute("SELECT max(version) FROM newsfuse_schema").fetchone()
            if row[0] is None:
                self._db.execute("INSERT INTO newsfuse_schema VALUES (%s)", (SCHEMA_VERSION,))
            elif row[0] < SCHEMA_VERSION:
                # Schema 2 (Article.kind): archives of schema 1 hold articles only.
                self._db.execute(
                    "ALTER TABLE articles ADD COLUMN IF NOT EXISTS kind TEXT NOT NULL"
                    " DEFAULT 'article'"
                )
                # Schema 3 (Article.language, issue 25): earlier archives were all
                # scored as English. (Additive; migration "add_article_language".)
                self._db.execute(
                    "ALTER TABLE articles ADD COLUMN IF NOT EXISTS language TEXT NOT NULL"
                    " DEFAULT 'en'"
                )
                self._db.execute("UPDATE newsfuse_schema SET version = %s", (SCHEMA_VERSION,))
            elif row[0] > SCHEMA_VERSION:
                raise NewsfuseError(
                    ErrorCode.BAD_DB,
                    f"{redact(self.url)}: schema version {row[0]} is newer than this "
                    f"newsfuse ({SCHEMA_VERSION}); upgrade newsfuse",
                )

    def writer(self, wait: float) -> AbstractContextManager[None]:
        """The archive's writer lock: a session advisory lock of this connection."""
        return self._writer.block(lambda: self._advisory(wait))

    @contextmanager
    def _advisory(self, wait: float) -> Iterator[None]:
        wait_for(
            lambda: bool(self._rows(_WRITER)[0][0]),
            wait,
            lambda: "another process",
            redact(self.url),
        )
        try:
            yield
        finally:
            if not self._db.closed:
                self._db.execute(_UNLOCK)

    def write_mark(self) -> tuple[object, ...]:
        return tuple(self._rows(WRITE_MARK)[0])

    def data_version(self) -> object:
        return self.read_mark()  # no per-connection counter: what writers change

    def read_mark(self) -> tuple[object, ...]:
        return tuple(self._rows(READ_MARK)[0])

    @contextmanager
    def reading(self) -> Iterator[None]:
        """A repeatable-read, read-only transaction: one snapshot for all its reads."""
        if self._nesting.depth:  # inside a transaction already: that is the snapshot
            yield
            return
        with self._db.transaction():
            self._db.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            yield

    def select(self, query: str, args: Sequence[object] = ()) -> list[tuple[object, ...]]:
        with self._db.cursor() as cur:
            cur.execute(query.replace("?", "%s"), tuple(args))
            return list(cur.fetchall())

    def sql(self, query: str, args: Sequence[object] = ()) -> list[tuple[object, ...]]:
        with self.transaction(), self._db.cursor() as cur:
            cur.execute(query.replace("?", "%s"), tuple(args))
            return list(cur.fetchall()) if cur.description else []

    def transaction(self) -> AbstractContextManager[None]:
        """One transaction around the block (rolled back on error); nested blocks join it."""
        return self._nesting.block(self._db.transaction)

    def _rows(self, query: str, args: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        rows: list[tuple[Any, ...]] = self._db.execute(query, args).fetchall()
        return rows

    def has_article(self, article_id: str) -> bool:
        return bool(self._rows("SELECT 1 FROM articles WHERE id = %s", (article_id,)))

    def add_article(self, article: Article, signature: np.ndarray, n_shingles: int) -> None:
        with self.transaction():
            [(seq,)] = self._rows(
                "INSERT INTO articles (id, title, body, outlet, byline, date, url, source,"
                " duplicate_of, n_shingles, kind, language)"
                " VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"
                " RETURNING seq",
                (
                    *(article.id, _text(article.title), _text(article.body)),
                    *(_text(article.outlet), _text(article.byline), article.date),
                    *(_text(article.url), _text(article.source), article.duplicate_of),
                    *(n_shingles, article.kind, article.language),
                ),
            )
            if article.duplicate_of is None:
                blob = np.asarray(signature, dtype=np.uint64).tobytes()
                self._db.execute(
                    "INSERT INTO signatures (seq, id, minhash, n_shingles) VALUES (%s, %s, %s, %s)",
                    (seq, article.id, blob, n_shingles),
                )
            with self._db.cursor() as cur:
                cur.executemany(
                    'INSERT INTO article_sentences (seq, idx, id, paragraph, start, "end", text)'
                    " VALUES (%s, %s, %s, %s, %s, %s, %s)",
                    [
                        (seq, s.index, s.id, s.paragraph, s.start, s.end, _text(s.text))
                        for s in article.sentences
                    ],
                )

    def _sentences(self, ids: Sequence[str]) -> dict[str, list[Sentence]]:
        out: dict[str, list[Sentence]] = {i: [] for i in ids}
        rows = self._rows(
            'SELECT a.id, s.id, s.idx, s.paragraph, s.start, s."end", s.text'
            " FROM articles a JOIN article_sentences s ON s.seq = a.seq"
            " WHERE a.id = ANY(%s) ORDER BY s.seq, s.idx",
            (list(ids),),
        )
        for aid, sid, idx, para, start, end, text in rows:
            out[aid].append(Sentence(sid, idx, para, start, end, text))
        return out

    def articles(self, ids: Sequence[str] | None = None) -> list[Article]:
        cols = ", ".join(_ARTICLE_FIELDS)
        if ids is None:
            rows = self._rows(f"SELECT {cols} FROM articles ORDER BY seq")
        else:
            found = {
                r[0]: r
                for r in self._rows(f"SELECT {cols} FROM articles WHERE id = ANY(%s)", (list(ids),))
            }
            rows = [found[i] for i in ids if i in found]
        sentences = self._sentences([r[0] for r in rows])
        return [
            Article(**dict(zip(_ARTICLE_FIELDS, r, strict=True)), sentences=tuple(sentences[r[0]]))
            for r in rows
        ]

    def signatures(self, last: int = 0) -> Iterator[tuple[str, np.ndarray, int]]:
        rows = self._db.execute(
            "SELECT id, minhash, n_shingles FROM (SELECT seq, id, minhash, n_shingles"
            " FROM signatures ORDER BY seq DESC LIMIT %s) recent ORDER BY seq",
            (last if last > 0 else None,),
        )
        for aid, blob, n in rows:
            yield aid, np.frombuffer(bytes(blob), dtype=np.uint64), int(n)

    def search(self, query: str, limit: int) -> list[SearchHit]:
        expression = tsquery_expression(query)
        try:
            with self.transaction():
                timeout = max(1, int(self.search_seconds * 1000))
                self._db.execute(f"SET LOCAL statement_timeout = {timeout}")
                rows = self._rows(
                    "WITH q AS (SELECT to_tsquery('english', %s) AS q),"
                    " hits AS (SELECT a.seq, a.id, a.body,"
                    " ts_rank(%s::float4[], a.fts, q.q, 1) AS score"
                    "  FROM articles a, q WHERE a.fts @@ q.q ORDER BY score DESC, a.seq LIMIT %s)"
                    " SELECT h.id, sa.story_id, h.score, ts_headline('english', h.body, q.q, %s),"
                    " h.body FROM hits h CROSS JOIN q"
                    " LEFT JOIN story_articles sa ON sa.article_id = h.id"
                    " ORDER BY h.score DESC, h.seq",
                    (expression, RANK_WEIGHTS, limit, HEADLINE),
                )
        except psycopg.errors.QueryCanceled:
            message = (
                f"search {query[:80]!r} took over {self.search_seconds:g} s and was cut off;"
                " name fewer or rarer words"
            )
            raise NewsfuseError(ErrorCode.SEARCH_TIMEOUT, message) from None
        return [
            SearchHit(aid, sid, float(score), _snippet(snip, body))
            for aid, sid, score, snip, body in rows
        ]

    def add_failure(self, failure: Failure) -> None:
        with self.transaction():
            self._db.execute(
                "INSERT INTO failures (source, code, message) VALUES (%s, %s, %s)"
                " ON CONFLICT (source, code, message) DO UPDATE SET at = now()",
                (_text(failure.source), failure.code, _text(failure.message)),
            )

    def failures(self, limit: int | None = None, offset: int = 0) -> list[Failure]:
        rows = self._rows(
            "SELECT source, code, message FROM failures ORDER BY id LIMIT %s OFFSET %s",
            (limit, offset),
        )
        return [Failure(*r) for r in rows]

    def replace_stories(self, stories: Sequence[Story]) -> None:
        with self.transaction(), self._db.cursor() as cur:
            cur.execute("DELETE FROM story_articles")
            cur.execute("DELETE FROM stories")
            cur.executemany(
                "INSERT INTO stories (id, headline) VALUES (%s, %s)",
                [(s.id, s.headline) for s in stories],
            )
            cur.executemany(
                "INSERT INTO story_articles (article_id, story_id, rank) VALUES (%s, %s, %s)",
                [
                    (aid, s.id, rank)
                    for s in stories
                    for rank, aid in enumerate([*s.article_ids, *s.duplicate_ids])
                ],
            )

    def _story_from_row(self, row: tuple[Any, ...]) -> Story:
        members = self._rows(
            "SELECT a.id, a.duplicate_of, a.outlet, a.date FROM story_articles sa"
            " JOIN articles a ON a.id = sa.article_id WHERE sa.story_id = %s"
            " ORDER BY a.date IS NULL, a.date, sa.rank",
            (row[0],),
        )
        return story_from_members(row[0], row[1], members)

    def stories(self) -> list[Story]:
        return [
            self._story_from_row(r)
            for r in self._rows("SELECT id, headline FROM stories ORDER BY id")
        ]

    def story(self, story_id: str) -> Story | None:
        rows = self._rows("SELECT id, headline FROM stories WHERE id = %s", (story_id,))
        return self._story_from_row(rows[0]) if rows else None

    def story_page(self, sort: str, limit: int, offset: int = 0) -> list[Story]:
        rows = self._rows(PAGE_QUERY[sort], (limit, offset))
        return [self._story_from_row(r) for r in rows]

    def assign(self, members: Sequence[tuple[str, str, int]]) -> None:
        """As SQLiteStore.assign: duplicates follow, emptied stories are deleted."""
        with self.transaction(), self._db.cursor() as cur:
            for statement in ASSIGN_HEAD:
                cur.execute(statement)
            cur.executemany(MOVED, [(a, s) for a, s, _ in members])
            cur.execute(ASSIGN_OLD)
            cur.executemany(
                "INSERT INTO stories (id, headline) VALUES (%s, NULL)"
                " ON CONFLICT (id) DO UPDATE SET headline = NULL, updated_at = now()",
                [(sid,) for sid in dict.fromkeys(sid for _, sid, _ in members)],
            )
            cur.executemany(
                "INSERT INTO story_articles (article_id, story_id, rank) VALUES (%s, %s, %s)"
                " ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id,"
                " rank = excluded.rank",
                list(members),
            )
            for statement in ASSIGN_TAIL:
                cur.execute(statement)

    def merge_story(self, kept: str, gone: str) -> None:
        with self.transaction():
            self._db.execute(
                "INSERT INTO stories (id, headline) VALUES (%s, NULL) ON CONFLICT (id) DO NOTHING",
                (kept,),
            )
            self._db.execute(
                "UPDATE story_articles SET story_id = %s WHERE story_id = %s", (kept, gone)
            )
            self._db.execute("DELETE FROM stories WHERE id = %s", (gone,))
            self._db.execute(
                "UPDATE stories SET headline = NULL, updated_at = now() WHERE id = %s", (kept,)
            )

    def set_headline(self, story_id: str, headline: str | None) -> None:
        self._db.execute("UPDATE stories SET headline = %s WHERE id = %s", (headline, story_id))

    def add_event(self, event: StoryEvent) -> None:
        self._db.execute(
            "INSERT INTO story_events (kind, story_id, other_id, detail, at)"
            " VALUES (%s, %s, %s, %s, %s)",
            (event.kind, event.story_id, event.other_id, event.detail, event.at or _now()),
        )

    def events(self, story_id: str | None = None) -> list[StoryEvent]:
        where, args = (
            ("", ())
            if story_id is None
            else (" WHERE story_id = %s OR other_id = %s", (story_id, story_id))
        )
        rows = self._rows(
            f"SELECT kind, story_id, other_id, detail, at FROM story_events{where} ORDER BY id",
            args,
        )
        return [StoryEvent(*r) for r in rows]

    def count_stories(self) -> int:
        return int(self._rows("SELECT count(*) FROM stories")[0][0])

    def story_of(self, article_id: str) -> str | None:
        rows = self._rows(
            "SELECT story_id FROM story_articles WHERE article_id = %s", (article_id,)
        )
        return str(rows[0][0]) if rows else None

    def memberships(self) -> dict[str, str]:
        return dict(self._rows("SELECT article_id, story_id FROM story_articles"))

    def duplicate_pairs(self) -> list[tuple[str, str]]:
        rows = self._rows(
            "SELECT id, duplicate_of FROM articles WHERE duplicate_of IS NOT NULL ORDER BY seq"
        )
        return [(str(a), str(b)) for a, b in rows]

    def cluster_state(self) -> tuple[bytes, int] | None:
        rows = self._rows("SELECT data, clustered FROM cluster_state")
        return (bytes(rows[0][0]), int(rows[0][1])) if rows else None

    def cluster_state_part(self, name: str) -> bytes | None:
        rows = self._rows("SELECT data FROM cluster_state_parts WHERE name = %s", (name,))
        return bytes(rows[0][0]) if rows else None

    def cluster_state_parts(self) -> set[str]:
        return {r[0] for r in self._rows("SELECT name FROM cluster_state_parts")}

    def save_cluster_state(
        self, head: bytes, clustered: int, parts: Mapping[str, bytes], keep: Collection[str]
    ) -> None:
        with self.transaction(), self._db.cursor() as cur:
            cur.execute(
                "INSERT INTO cluster_state (id, clustered, data) VALUES (1, %s, %s)"
                " ON CONFLICT (id) DO UPDATE SET clustered = excluded.clustered,"
                " data = excluded.data, saved_at = now()",
                (clustered, head),
            )
            cur.executemany(
                "INSERT INTO cluster_state_parts (name, data) VALUES (%s, %s)"
                " ON CONFLICT DO NOTHING",
                list(parts.items()),
            )
            cur.execute("DELETE FROM cluster_state_parts WHERE NOT (name = ANY(%s))", (list(keep),))

    def assign_events(self, members: Sequence[tuple[str, str]]) -> None:
        with self.transaction(), self._db.cursor() as cur:
            cur.executemany(
                "INSERT INTO article_events (article_id, event_id) VALUES (%s, %s)"
                " ON CONFLICT (article_id) DO UPDATE SET event_id = excluded.event_id",
                list(members),
            )

    def merge_event(self, kept: str, gone: str) -> None:
        self._db.execute(
            "UPDATE article_events SET event_id = %s WHERE event_id = %s", (kept, gone)
        )

    def replace_events(self, members: Sequence[tuple[str, str]]) -> None:
        with self.transaction():
            self._db.execute("DELETE FROM article_events")
            self.assign_events(members)

    def event_of(self, article_id: str) -> str | None:
        rows = self._rows(
            "SELECT event_id FROM article_events WHERE article_id = %s", (article_id,)
        )
        return str(rows[0][0]) if rows else None

    def event_members(self, event_id: str | None = None) -> list[tuple[str, Member]]:
        where, args = (" WHERE e.event_id = %s", (event_id,)) if event_id else ("", ())
        rows = self._rows(
            "SELECT e.event_id, a.id, a.duplicate_of, a.outlet, a.date FROM article_events e"
            f" JOIN articles a ON a.id = e.article_id{where} ORDER BY a.seq",
            args,
        )
        return [(str(e), (a, d, o, t)) for e, a, d, o, t in rows]

    def originals(self, skip: int = 0) -> list[Article]:
        rows = self._rows(
            "SELECT id FROM articles WHERE duplicate_of IS NULL AND kind = 'article'"
            " AND language = ANY(%s) ORDER BY seq OFFSET %s",
            (list(scored_codes()), skip),
        )
        return self.articles([r[0] for r in rows])

    def close(self) -> None:
        self._db.close()


def _snippet(headline: str, body: str) -> str:
    """ts_headline's passage on one line, with "…" where it cuts the body (as FTS5's
    snippet marks it)."""
    text = " ".join(headline.split())
    plain = text.replace("**", "")
    head = "" if " ".join(body.split()).startswith(plain) else "…"
    tail = "" if " ".join(body.split()).endswith(plain) else "…"
    return f"{head}{text}{tail}"
