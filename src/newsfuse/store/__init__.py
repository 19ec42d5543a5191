"""Storage backends behind one interface, chosen by the configured database."""

from __future__ import annotations

from newsfuse.config import Config, database
from newsfuse.store.base import Store
from newsfuse.store.sqlite import SCHEMA_VERSION, SQLiteStore


def open_store(config: Config) -> Store:
    """The store for `config.db`: PostgreSQL for a postgresql:// URL, else the SQLite
    file at that path (":memory:" for a throwaway one)."""
    db = database(config.db)
    if isinstance(db, str):
        from newsfuse.store.postgres import PostgresStore  # psycopg: an optional extra

        return PostgresStore(db)
    return SQLiteStore(db)


__all__ = ["SCHEMA_VERSION", "SQLiteStore", "Store", "open_store"]
