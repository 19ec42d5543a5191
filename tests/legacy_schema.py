"""Archives as older newsfuse wrote them, for the upgrade tests.

`tests/data/archive_schema8.db` is a real SQLite archive written by the code of main
before named migrations (commit f870b3b: `newsfuse ingest` of the two bundled
freebeacon.com seed articles and six bundled Wikinews articles, CC BY 2.5, then a
copy of one of them with a line added, stored as its duplicate): schema 8, ranks
packed in story_articles.rank, a saved clustering state.

`LEGACY` turns an archive of this code back into the shape of the schema before
named migrations (the reverse of schema.ARTICLE_LANGUAGE and STORY_POSITIONS), for
either backend, so that the older numbered upgrades can be tested from a file this
code wrote.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path

ARCHIVE_8 = Path(__file__).resolve().parent / "data" / "archive_schema8.db"

LEGACY = (
    "ALTER TABLE articles DROP COLUMN language",
    "DROP TABLE schema_migrations",
    "DROP INDEX story_articles_story",
    "ALTER TABLE story_articles ADD COLUMN rank INTEGER NOT NULL DEFAULT 0",
    "UPDATE story_articles SET rank = 2 * position + duplicate",
    "ALTER TABLE story_articles DROP COLUMN position",
    "ALTER TABLE story_articles DROP COLUMN duplicate",
    "CREATE INDEX story_articles_story ON story_articles (story_id, rank)",
)


def execute(db: str | Path, statements: Sequence[str]) -> None:
    """Run `statements` on the archive `db` outside newsfuse: an SQLite file, or a
    postgresql:// URL (to put an archive back into an older shape)."""
    if isinstance(db, Path):
        with sqlite3.connect(db) as conn:
            for sql in statements:
                conn.execute(sql)
        return
    import psycopg

    with psycopg.connect(db, autocommit=True) as conn:
        for sql in statements:
            conn.execute(sql)
