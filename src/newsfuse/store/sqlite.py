"""SQLite storage, the embedded default: one file, named migrations, transactional writes.

The statements are the SQL core's (store/core.py); this module adds what is SQLite's
own: the connection and its pragmas, BEGIN IMMEDIATE transactions, the writer lock
on a file beside the archive (store/lock.py), the FTS5 search index and the base step
of the schema, which upgrades archives of the numbered versions 1-7 to 8. SQLite's
`user_version` pragma still counts the schema (8 plus the named migrations after the
base), so that a newsfuse from before named migrations refuses a newer archive
rather than misreading it. Sentences are stored so that citations (article id +
sentence id) can be resolved without re-splitting.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

from newsfuse.errors import ErrorCode, NewsfuseError
from newsfuse.lang import ENGLISH, language
from newsfuse.store.base import Nesting
from newsfuse.store.core import SQLCore
from newsfuse.store.dialect import SQLITE
from newsfuse.store.lock import file_lock
from newsfuse.store.query import SEARCH_SECONDS, match_expression
from newsfuse.store.schema import BASE, MIGRATIONS, Step
from newsfuse.types import Article, SearchHit

BASE_VERSION = 8  # the numbered schema the base step makes (7: articles.kind; 8: article_events)
SCHEMA_VERSION = BASE_VERSION + len(MIGRATIONS)  # user_version once every step is applied
CACHE_KIB = -65536  # page cache: 64 MB (negative = KiB, SQLite's convention)
CHECKPOINT_PAGES = 16384  # WAL pages between automatic checkpoints: 64 MB of 4 KB pages

# Full-text index of titles and bodies (external content: the text stays in articles
# only), so any stored story can be found, also once it has left the clustering
# window. English's tokenizer (newsfuse.lang: Porter stems, diacritics folded), one
# per archive. Rows are added with their article and
# articles are never changed or deleted, so no triggers are needed.
_FTS = f"""
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
    title, body, content='articles', content_rowid='seq',
    tokenize='{language(ENGLISH).sqlite_tokenizer}'
)
"""
# Upgrading from schema < 4: the originals' signatures move to their own table (the
# old column keeps its copy; rows added since leave it NULL).
_COPY_SIGNATURES = """
INSERT OR IGNORE INTO signatures (seq, id, minhash, n_shingles)
    SELECT seq, id, minhash, n_shingles FROM articles
    WHERE duplicate_of IS NULL AND minhash IS NOT NULL
"""
# Upgrading from schema < 5: sentences move to the table keyed by article seq.
_MOVE_SENTENCES = """
INSERT OR IGNORE INTO article_sentences (seq, idx, id, paragraph, start, "end", text)
    SELECT a.seq, s.idx, s.id, s.paragraph, s.start, s."end", s.text
    FROM sentences s JOIN articles a ON a.id = s.article_id ORDER BY a.seq, s.idx;
DROP TABLE sentences
"""
# Schema 7 (Article.kind): archives of earlier versions hold articles only.
_ADD_KIND = "ALTER TABLE articles ADD COLUMN kind TEXT NOT NULL DEFAULT 'article'"
# Upgrading from schema < 6: index the stored articles for search.
_INDEX_TEXT = "INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')"
SEARCH_WEIGHTS = (4.0, 1.0)  # BM25 weight of a title match, of a body match
_SNIPPET_WORDS = 24


class SQLiteStore(SQLCore):
    """The Store interface over one SQLite file (or ":memory:")."""

    dialect = SQLITE

    def __init__(self, path: Path | str) -> None:
        self.path = self.where = str(path)
        self._nesting = Nesting()
        self._writer = Nesting()
        self.search_seconds = SEARCH_SECONDS  # a search is cut off past it (E503)
        try:
            # One thread uses a connection at a time (the server gives each reader thread
            # its own), but it may be closed from another at shutdown.
            db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            super().__init__(db)
            db.execute("PRAGMA foreign_keys = ON")
            # Ingest writes to indexes keyed by content hashes, i.e. all over their
            # pages: a 64 MB page cache (default 2 MB) re-reads fewer of them, and
            # checkpointing every 64 MB of WAL (default 4 MB, i.e. after every
            # batch) copies a page rewritten by several batches once. Durability
            # is unchanged; ingesting 111k articles took ~4 s (2%) less of 187 s
            # (docs/benchmarks.md, ingest speed #5).
            db.execute(f"PRAGMA cache_size = {CACHE_KIB}")
            db.execute(f"PRAGMA wal_autocheckpoint = {CHECKPOINT_PAGES}")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            message = f"{path}: not a newsfuse database ({exc})"
            raise NewsfuseError(ErrorCode.BAD_DB, message) from exc

    def writer(self, wait: float) -> AbstractContextManager[None]:
        """The archive's writer lock (store/lock.py), held by this connection; reentrant."""
        return self._writer.block(lambda: file_lock(self.path, wait))

    def data_version(self) -> object:
        return self._db.execute("PRAGMA data_version").fetchone()[0]

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

    def _migrate(self, tries: int = 50) -> None:
        """Create or upgrade the schema. Two processes opening a new archive at once
        both see version 0: the steps run under the write lock (BEGIN IMMEDIATE, so
        the second waits instead of failing to upgrade a read snapshot), and a loser
        that still fails re-reads the version and tries again."""
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

    def _version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    def _upgrade(self) -> None:
        self._db.execute("PRAGMA journal_mode = WAL")  # a write, on a new file
        if self._version() > SCHEMA_VERSION:
            raise NewsfuseError(
                ErrorCode.BAD_DB,
                f"{self.path}: schema version {self._version()} is newer than this newsfuse "
                f"({SCHEMA_VERSION}); upgrade newsfuse",
            )
        if self._version() == SCHEMA_VERSION and self._has_table("schema_migrations"):
            return  # the usual case: nothing to write, no write lock taken
        with self.transaction():
            self._apply([Step("base", run=self._base), *MIGRATIONS])
            self._db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _has_table(self, name: str) -> bool:
        return bool(self._rows("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)))

    def _base(self) -> None:
        """The base step: make schema 8, from nothing or from versions 1-7."""
        version = self._version()
        if version >= BASE_VERSION:
            return
        if self._has_table("articles") and "kind" not in {
            r[1] for r in self._db.execute("PRAGMA table_info(articles)")
        }:
            self._exec(_ADD_KIND)
        self._script(BASE)
        self._script(_FTS)
        self._script(_COPY_SIGNATURES)
        if self._has_table("sentences"):
            self._script(_MOVE_SENTENCES)
        self._exec(_INDEX_TEXT)

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

    def _index_texts(self, rows: Sequence[tuple[int, Article]]) -> None:
        self._many(
            "INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)",
            [(seq, a.title, a.body) for seq, a in rows],
        )

    def search(self, query: str, limit: int) -> list[SearchHit]:
        title, body = SEARCH_WEIGHTS
        expression = match_expression(query)
        with self._deadline(self.search_seconds, f"search {query[:80]!r}"):
            rows = self._rows(
                f"SELECT a.id, sa.story_id, -bm25(articles_fts, {title}, {body}),"
                f" snippet(articles_fts, 1, '**', '**', '…', {_SNIPPET_WORDS})"
                " FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid"
                " LEFT JOIN story_articles sa ON sa.article_id = a.id"
                " WHERE articles_fts MATCH ?"
                f" ORDER BY bm25(articles_fts, {title}, {body}), a.seq LIMIT ?",
                (expression, limit),
            )
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
