"""What differs between the SQL backends, in one place: the store's statements are
written once (store/core.py, store/schema.py) with `?` placeholders and `{word}`
type slots, and a Dialect turns them into one backend's SQL.

The differences that are not a word in a statement (how a transaction starts, the
writer lock, full-text search, how a new archive is locked while its schema is
created) live in the backend's module (sqlite.py, postgres.py), each a subclass
of the one core.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from newsfuse.lang import ENGLISH, language


def _same(value: str | None) -> str | None:
    return value


def _frozen(table: Mapping[str, str]) -> Mapping[str, str]:
    return MappingProxyType(dict(table))


@dataclass(frozen=True)
class Dialect:
    """One backend's SQL words: placeholders, column types and the text it can store."""

    name: str
    placeholder: str  # "?" (sqlite3) or "%s" (psycopg)
    types: Mapping[str, str] = field(default_factory=dict)  # "{slot}" in DDL -> SQL
    # Text as the backend can store it (PostgreSQL refuses NUL; SQLite keeps it).
    clean: Callable[[str | None], str | None] = _same

    def sql(self, query: str) -> str:
        """`query` (written with `?` placeholders) in this backend's placeholders.
        No statement of the store has a `?` or `%` inside a literal."""
        return query if self.placeholder == "?" else query.replace("?", self.placeholder)

    def ddl(self, template: str) -> str:
        """A schema template with its `{slot}` words filled for this backend."""
        return template.format_map(self.types)


def statements(script: str) -> list[str]:
    """A script's statements, one per `;` (the store's DDL has none inside a literal
    or a comment), without empty ones."""
    out = []
    for chunk in script.split(";"):
        code = "\n".join(
            line for line in chunk.splitlines() if not line.strip().startswith("--")
        ).strip()
        if code:
            out.append(code)
    return out


def _no_nul(value: str | None) -> str | None:
    """Text PostgreSQL can store: NUL (which SQLite keeps, PostgreSQL refuses, failing
    the whole batch: issue 24) becomes U+FFFD, one character for one, so sentence
    offsets into the body stay right."""
    return value.replace("\x00", "\ufffd") if value and "\x00" in value else value


SQLITE = Dialect(
    "sqlite",
    "?",
    _frozen(
        {
            "serial": "INTEGER PRIMARY KEY AUTOINCREMENT",
            "bigint": "INTEGER",
            "blob": "BLOB",
            "date": "TEXT",
            "time": "TEXT",
            "without_rowid": " WITHOUT ROWID",
            # Schema < 4 kept the signatures in the article rows; upgrading copies them.
            "article_extra": ",\n    minhash BLOB",
        }
    ),
)
# The archive's search index is built in English's configuration (newsfuse.lang):
# one index per archive, so one language; articles in others are indexed by it too.
SEARCH = language(ENGLISH).postgres_search
INDEXED_CHARS = 500_000  # body characters in PostgreSQL's search index (tsvector: 1 MB)
POSTGRES = Dialect(
    "postgresql",
    "%s",
    _frozen(
        {
            "serial": "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
            "bigint": "BIGINT",
            "blob": "BYTEA",
            "date": "DATE",
            "time": "TIMESTAMPTZ",
            "without_rowid": "",
            # The search index: a stored tsvector, title weighted A, body B.
            "article_extra": ",\n    fts tsvector GENERATED ALWAYS AS ("
            f"\n        setweight(to_tsvector('{SEARCH}', coalesce(title, '')), 'A')"
            f"\n        || setweight(to_tsvector('{SEARCH}', left(body, {INDEXED_CHARS})), 'B')"
            "\n    ) STORED",
        }
    ),
    _no_nul,
)
