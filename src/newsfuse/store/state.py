"""The clustering state's storage, an interface of its own beside the Store's: the
stream clusterer's saved head and its content-named parts (cluster/state.py says
what they hold). Only the tracker and `newsfuse check` read or write it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the core owns this object; the state only borrows its connection
    from newsfuse.store.core import SQLCore


class SQLStateStore:
    """The StateStore interface (store/base.py) in the tables cluster_state and
    cluster_state_parts of one SQL core's archive."""

    def __init__(self, core: SQLCore) -> None:
        self._core = core

    def head(self) -> tuple[bytes, int] | None:
        rows = self._core._rows("SELECT data, clustered FROM cluster_state")
        return (bytes(rows[0][0]), int(rows[0][1])) if rows else None

    def part(self, name: str) -> bytes | None:
        rows = self._core._rows("SELECT data FROM cluster_state_parts WHERE name = ?", (name,))
        return bytes(rows[0][0]) if rows else None

    def names(self) -> set[str]:
        return {str(r[0]) for r in self._core._rows("SELECT name FROM cluster_state_parts")}

    def save(
        self, head: bytes, clustered: int, parts: Mapping[str, bytes], keep: Collection[str]
    ) -> None:
        core = self._core
        saved_at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with core.transaction():
            core._exec(
                "INSERT INTO cluster_state (id, clustered, data, saved_at) VALUES (1, ?, ?, ?)"
                " ON CONFLICT (id) DO UPDATE SET clustered = excluded.clustered,"
                " data = excluded.data, saved_at = excluded.saved_at",
                (clustered, head, saved_at),
            )
            core._many(
                "INSERT INTO cluster_state_parts (name, data) VALUES (?, ?)"
                " ON CONFLICT (name) DO NOTHING",
                list(parts.items()),
            )
            wanted = set(keep)
            gone = [(n,) for n in self.names() if n not in wanted]
            core._many("DELETE FROM cluster_state_parts WHERE name = ?", gone)
