"""PostgreSQL storage, for an archive on a database server: shared by several readers
(`newsfuse serve` processes, analysts' notebooks), or grown past what one file on one
disk should hold. Chosen by giving a `postgresql://` URL as the database.

The statements and tables are the SQL core's (store/core.py, store/schema.py) in
PostgreSQL's types (store/dialect.py): dates are DATE, blobs BYTEA, and the search
index is a stored tsvector column (title weighted A, body B) with a GIN index instead
of FTS5. Search speaks the same query language (store/query.py) and ranks a title
match 4x a body match, as SQLite's BM25 weights do; stemming is PostgreSQL's English
snowball stemmer, and accents are not folded (that needs the `unaccent` extension,
which not every server has).

Writes go through explicit transactions (autocommit otherwise); like SQLite, one
ingest at a time per archive: the stream-clustering state is one writer's. The
numbered version in `newsfuse_schema` still counts the schema (2 plus the named
migrations after the base) so that an older newsfuse refuses a newer archive.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager

from newsfuse.config import describe_database as redact
from newsfuse.errors import ErrorCode, NewsfuseError
from newsfuse.store.base import Nesting
from newsfuse.store.core import SQLCore
from newsfuse.store.dialect import POSTGRES, SEARCH
from newsfuse.store.lock import wait_for
from newsfuse.store.query import SEARCH_SECONDS, tsquery_expression
from newsfuse.store.schema import BASE, MIGRATIONS, Step
from newsfuse.types import SearchHit

try:
    import psycopg
except ImportError:  # an optional extra: pip install 'newsfuse[postgres]'
    psycopg = None  # type: ignore[assignment]

BASE_VERSION = 2  # the numbered schema the base step makes (2: articles.kind)
SCHEMA_VERSION = BASE_VERSION + len(MIGRATIONS)
# ts_rank weights of the {D, C, B, A} labels: body (B) 0.25, title (A) 1.0, i.e. 1:4 as
# SQLite's BM25 weights (sqlite.SEARCH_WEIGHTS).
RANK_WEIGHTS = "{0, 0, 0.25, 1}"
HEADLINE = "StartSel=**, StopSel=**, MaxWords=24, MinWords=12, ShortWord=2, MaxFragments=1"
_LOCK = 7_146_917  # advisory lock key: one process creates or upgrades the schema
# The writer lock (store/lock.py): a session advisory lock of the writer's connection,
# keyed by this and the schema's name; PostgreSQL drops it when the connection dies.
_WRITER = "SELECT pg_try_advisory_lock(hashtextextended('newsfuse-writer:' || current_schema(), 0))"
_UNLOCK = "SELECT pg_advisory_unlock(hashtextextended('newsfuse-writer:' || current_schema(), 0))"
_EXTRA = """
CREATE TABLE IF NOT EXISTS newsfuse_schema (version INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS articles_fts ON articles USING GIN (fts)
"""
_SEARCH = (
    f"WITH q AS (SELECT to_tsquery('{SEARCH}', ?) AS q),"
    " hits AS (SELECT a.seq, a.id, a.body, ts_rank(?::float4[], a.fts, q.q, 1) AS score"
    "  FROM articles a, q WHERE a.fts @@ q.q ORDER BY score DESC, a.seq LIMIT ?)"
    f" SELECT h.id, sa.story_id, h.score, ts_headline('{SEARCH}', h.body, q.q, ?),"
    " h.body FROM hits h CROSS JOIN q LEFT JOIN story_articles sa ON sa.article_id = h.id"
    " ORDER BY h.score DESC, h.seq"
)


def _connect(url: str) -> object:
    if psycopg is None:
        message = "PostgreSQL needs the driver: pip install 'newsfuse[postgres]'"
        raise NewsfuseError(ErrorCode.BAD_DB, message)
    try:
        return psycopg.connect(url, autocommit=True)
    except psycopg.Error as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise NewsfuseError(ErrorCode.BAD_DB, f"{redact(url)}: cannot connect: {first}") from None


class PostgresStore(SQLCore):
    """The Store interface over one PostgreSQL database (its current schema)."""

    dialect = POSTGRES

    def __init__(self, url: str) -> None:
        self.url = url
        self.where = redact(url)
        self._nesting = Nesting()
        self._writer = Nesting()
        self.search_seconds = SEARCH_SECONDS  # a search is cut off past it (E503)
        super().__init__(_connect(url))
        try:
            self._migrate()
        except psycopg.Error as exc:
            self._db.close()
            raise NewsfuseError(ErrorCode.BAD_DB, f"{self.where}: {exc}") from None
        except BaseException:
            self._db.close()
            raise

    def _migrate(self) -> None:
        with self.transaction():
            self._exec("SELECT pg_advisory_xact_lock(?)", (_LOCK,))
            tables = {
                r[0]
                for r in self._rows(
                    "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
                )
            }
            if "articles" in tables and "newsfuse_schema" not in tables:
                message = f"{self.where}: not a newsfuse database (it has other tables)"
                raise NewsfuseError(ErrorCode.BAD_DB, message)
            version = self._version() if "newsfuse_schema" in tables else None
            if version is not None and version > SCHEMA_VERSION:
                raise NewsfuseError(
                    ErrorCode.BAD_DB,
                    f"{self.where}: schema version {version} is newer than this "
                    f"newsfuse ({SCHEMA_VERSION}); upgrade newsfuse",
                )
            if self._apply([Step("base", run=self._base), *MIGRATIONS]) or version is None:
                self._exec("DELETE FROM newsfuse_schema")
                self._exec("INSERT INTO newsfuse_schema VALUES (?)", (SCHEMA_VERSION,))

    def _version(self) -> int | None:
        row = self._rows("SELECT max(version) FROM newsfuse_schema")[0]
        return None if row[0] is None else int(row[0])

    def _base(self) -> None:
        """The base step: make schema 2, from nothing or from version 1."""
        self._script(BASE)
        self._script(_EXTRA)
        # Schema 2 (Article.kind): archives of schema 1 hold articles only.
        self._exec(
            "ALTER TABLE articles ADD COLUMN IF NOT EXISTS kind TEXT NOT NULL DEFAULT 'article'"
        )

    def writer(self, wait: float) -> AbstractContextManager[None]:
        """The archive's writer lock: a session advisory lock of this connection."""
        return self._writer.block(lambda: self._advisory(wait))

    @contextmanager
    def _advisory(self, wait: float) -> Iterator[None]:
        wait_for(
            lambda: bool(self._rows(_WRITER)[0][0]), wait, lambda: "another process", self.where
        )
        try:
            yield
        finally:
            if not self._db.closed:
                self._exec(_UNLOCK)

    def data_version(self) -> object:
        """The server's current snapshot (xmin:xmax:in-progress xids): any commit of a
        writing transaction changes it, and it reads no table. It was the whole mark
        query (counts over stories and articles), which the server's mark thread ran
        20 times a second (issue 24). Other databases' commits change it too: then the
        mark is re-read for nothing, never missed."""
        return self._rows("SELECT pg_current_snapshot()::text")[0][0]

    @contextmanager
    def reading(self) -> Iterator[None]:
        """A repeatable-read, read-only transaction: one snapshot for all its reads."""
        if self._nesting.depth:  # inside a transaction already: that is the snapshot
            yield
            return
        with self._db.transaction():
            self._exec("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            yield

    def transaction(self) -> AbstractContextManager[None]:
        """One transaction around the block (rolled back on error); nested blocks join it."""
        return self._nesting.block(self._db.transaction)

    def search(self, query: str, limit: int) -> list[SearchHit]:
        expression = tsquery_expression(query)
        try:
            with self.transaction():
                timeout = max(1, int(self.search_seconds * 1000))
                self._exec(f"SET LOCAL statement_timeout = {timeout}")
                rows = self._rows(_SEARCH, (expression, RANK_WEIGHTS, limit, HEADLINE))
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


def _snippet(headline: str, body: str) -> str:
    """ts_headline's passage on one line, with "…" where it cuts the body (as FTS5's
    snippet marks it)."""
    text = " ".join(headline.split())
    plain = text.replace("**", "")
    head = "" if " ".join(body.split()).startswith(plain) else "…"
    tail = "" if " ".join(body.split()).endswith(plain) else "…"
    return f"{head}{text}{tail}"
