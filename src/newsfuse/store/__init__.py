"""Storage backends behind one interface, chosen by the configured database."""

from __future__ import annotations

from newsfuse.config import Config
from newsfuse.store.base import Store
from newsfuse.store.sqlite import SCHEMA_VERSION, SQLiteStore


def open_store(config: Config) -> Store:
    """The store for `config.db` (an SQLite file path; ":memory:" for a throwaway one)."""
    return SQLiteStore(config.db)


__all__ = ["SCHEMA_VERSION", "SQLiteStore", "Store", "open_store"]
