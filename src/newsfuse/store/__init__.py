"""Storage backends behind one interface, chosen by name through the registry.

The configured database names its backend: a URL's scheme (`postgresql://...`:
"postgresql"; `postgres://` is the same), anything else an SQLite file ("sqlite").
Backends are registered in the entry-point group `newsfuse.stores` (pyproject.toml),
so another package adds one with a module and one line; its factory takes the
database as configured (a URL string, or a Path for SQLite) and returns a Store.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import cast

from newsfuse.config import Config, database
from newsfuse.registry import Registry, registry
from newsfuse.store.base import Placement, StateStore, Store
from newsfuse.store.sqlite import SCHEMA_VERSION, SQLiteStore

STORES: Registry = registry(
    "store",
    "newsfuse.stores",
    {
        "sqlite": "newsfuse.store.sqlite:SQLiteStore",
        "postgresql": "newsfuse.store.postgres:PostgresStore",
    },
)
_ALIASES = {"postgres": "postgresql"}  # URL schemes naming a registered store


def store_name(db: str | Path) -> tuple[str, str | Path]:
    """The registered name of the backend for a configured database, and the database
    as that backend takes it: a URL whose scheme names a registered store stays a
    string; anything else is an SQLite file (as `config.database` reads it)."""
    if isinstance(db, str) and "://" in db:
        scheme = db.partition("://")[0].lower()
        name = _ALIASES.get(scheme, scheme)
        if name != "sqlite" and name in STORES.names():
            return name, db
    return "sqlite", database(db)


def open_store(config: Config) -> Store:
    """The store for `config.db`, from the registered backend its scheme names (E702
    if that backend cannot be loaded, e.g. psycopg missing)."""
    name, db = store_name(config.db)
    factory = cast(Callable[[str | Path], Store], STORES.load(name))
    return factory(db)


__all__ = [
    "SCHEMA_VERSION",
    "STORES",
    "Placement",
    "SQLiteStore",
    "StateStore",
    "Store",
    "open_store",
    "store_name",
]
