"""The archive's tables, written once for every backend, and its named migrations.

An archive records the migrations applied to it by name in `schema_migrations`;
opening it applies the missing ones in order, each in the transaction that records
it (store/core.py `_apply`), and refuses an archive that names one this code does not
know (written by a newer newsfuse). A new archive runs every step from the first, so
the upgrade path is the path every archive takes, and tested by every test.

The first step of each backend ("base") creates the tables as they stood before
migrations had names (SQLite schema 8, PostgreSQL schema 2) and upgrades archives
of the older numbered versions to it (sqlite.py, postgres.py). The steps after it
are shared: the same statements, in each dialect's types.

Adding a migration: append a Step to MIGRATIONS with a new name; never edit or
reorder a released one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsfuse.errors import ErrorCode, NewsfuseError

if TYPE_CHECKING:  # the core runs the steps; this module only says what they are
    from newsfuse.store.core import SQLCore

# Schema templates ({slot}: store/dialect.py). The tables as of SQLite schema 8.
BASE = """
CREATE TABLE IF NOT EXISTS articles (
    seq {serial},
    id TEXT NOT NULL UNIQUE,
    title TEXT,
    body TEXT NOT NULL,
    outlet TEXT,
    byline TEXT,
    date {date},
    url TEXT,
    source TEXT NOT NULL,
    duplicate_of TEXT REFERENCES articles (id),
    n_shingles INTEGER,
    ingested_at {time} NOT NULL,
    kind TEXT NOT NULL DEFAULT 'article'{article_extra}
);
CREATE INDEX IF NOT EXISTS articles_duplicate_of ON articles (duplicate_of);
-- The MinHash signatures of originals, apart from the wide article rows: every ingest
-- reads the last 50,000 to rebuild the near-duplicate index, and reading them from
-- the articles table walked each row's body pages (docs/benchmarks.md).
CREATE TABLE IF NOT EXISTS signatures (
    seq {bigint} PRIMARY KEY REFERENCES articles (seq),
    id TEXT NOT NULL,
    minhash {blob} NOT NULL,
    n_shingles INTEGER NOT NULL
);
-- Sentences are clustered by their article's seq, which only grows, so a batch's
-- rows append to the end of one B-tree (until SQLite schema 5 they were keyed by
-- content-hash ids, and WAL traffic per batch grew with the archive).
CREATE TABLE IF NOT EXISTS article_sentences (
    seq {bigint} NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    id TEXT NOT NULL,
    paragraph INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (seq, idx)
){without_rowid};
CREATE TABLE IF NOT EXISTS stories (
    id TEXT PRIMARY KEY,
    headline TEXT,
    updated_at {time} NOT NULL
);
CREATE TABLE IF NOT EXISTS story_articles (
    article_id TEXT PRIMARY KEY REFERENCES articles (id),
    story_id TEXT NOT NULL REFERENCES stories (id),
    rank INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS story_articles_story ON story_articles (story_id, rank);
CREATE TABLE IF NOT EXISTS story_events (
    id {serial},
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
    data {blob} NOT NULL,
    saved_at {time} NOT NULL
);
CREATE TABLE IF NOT EXISTS cluster_state_parts (name TEXT PRIMARY KEY, data {blob} NOT NULL);
CREATE TABLE IF NOT EXISTS failures (
    id {serial},
    source TEXT NOT NULL,
    code TEXT NOT NULL,
    message TEXT NOT NULL,
    at {time} NOT NULL,
    UNIQUE (source, code, message)
);
"""

MIGRATIONS_TABLE = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    name TEXT PRIMARY KEY,
    applied_at {time} NOT NULL
)
"""

# story_articles.rank packed two things into one number: the article's place in the
# clustering order and whether it is a duplicate riding with its original (2 * place,
# or 2 * originals clustered + 1). They become two columns; rank // 2 and rank % 2 keep
# every stored story's order exactly (a recluster wrote ranks 0, 1, 2, ...: their
# order is kept too, the flag of such a row being only a tie-breaker).
STORY_POSITIONS = """
DROP INDEX IF EXISTS story_articles_story;
ALTER TABLE story_articles ADD COLUMN position {bigint} NOT NULL DEFAULT 0;
ALTER TABLE story_articles ADD COLUMN duplicate INTEGER NOT NULL DEFAULT 0;
UPDATE story_articles SET position = rank / 2, duplicate = rank % 2;
ALTER TABLE story_articles DROP COLUMN rank;
CREATE INDEX IF NOT EXISTS story_articles_story
    ON story_articles (story_id, position, duplicate);
"""


@dataclass(frozen=True)
class Step:
    """One named migration: a script template (store/dialect.py slots), or a function
    the backend runs (its base step)."""

    name: str
    script: str = ""
    run: Callable[[], None] | None = None


# Article.language (issue 25, language as data): an ISO 639 code or 'und'. Archives
# made before it were all scored as English.
ARTICLE_LANGUAGE = """
ALTER TABLE articles ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
"""

# Event headlines (issue 25, reads never write): stored by the writer when an event's
# originals change, as story headlines are; NULL is stale. An archive made before it
# gets a stale row per event, which its next ingest or recluster computes (`check`
# reports them until then).
EVENT_HEADLINES = """
CREATE TABLE IF NOT EXISTS event_headlines (
    event_id TEXT PRIMARY KEY,
    headline TEXT
);
INSERT INTO event_headlines (event_id) SELECT DISTINCT event_id FROM article_events
    WHERE true ON CONFLICT (event_id) DO NOTHING;
"""

# The steps after each backend's base step, in order.
MIGRATIONS = (
    Step("story-positions", STORY_POSITIONS),
    Step("article-language", ARTICLE_LANGUAGE),
    Step("event-headlines", EVENT_HEADLINES),
)


def apply(core: SQLCore, steps: Sequence[Step]) -> int:
    """Apply the named migrations the archive of `core` lacks, in order (the caller
    holds the transaction and the schema lock); how many were applied. E301 if the
    archive names one this code does not know."""
    core._script(MIGRATIONS_TABLE)
    applied = {str(r[0]) for r in core._rows("SELECT name FROM schema_migrations")}
    unknown = sorted(applied - {s.name for s in steps})
    if unknown:
        message = (
            f"{core.where}: the archive has migrations this newsfuse does not know"
            f" ({', '.join(unknown)}); upgrade newsfuse"
        )
        raise NewsfuseError(ErrorCode.BAD_DB, message)
    done = 0
    for step in steps:
        if step.name in applied:
            continue
        if step.run is not None:
            step.run()
        core._script(step.script)
        stamp = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        core._exec(
            "INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)", (step.name, stamp)
        )
        done += 1
    return done
