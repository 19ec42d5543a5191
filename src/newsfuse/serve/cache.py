"""Answers shared by the server's reader threads, served stale while one refreshes.

Each reader thread used to keep its own answers until another connection committed
(issue 24): during an upload every batch commit emptied all four caches, and four
readers recomputed the same story page at once on two cores shared with the writer
process, so paced reads had a p99 40 times their p99 without an upload. Here one
cache serves every reader: when the archive's mark changes, the first reader to see
it has the answer recomputed on a reader thread in the background, and every reader
keeps answering with the previous one meanwhile (stale-while-revalidate), for at most
`stale_seconds` after the change was first seen; past that a reader computes an
answer of its own. An answer older than the server's last own write is never served
stale (a client sees its own upload). So after a commit, answers
catch up within one refresh, and a reader never sees more than one committed state
per answer (the caller computes it in one read snapshot: serve/archive.py).
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any, TypeVar

T = TypeVar("T")


class Missing:
    """The type of MISSING: no answer can be given without computing one."""


MISSING = Missing()


@dataclass
class _Entry:
    mark: object  # the archive's mark when the answer was computed
    value: Any
    made: float  # when its computation started (time.monotonic)
    stale_since: float | None = None  # when a reader first saw a newer mark
    refreshing: bool = False  # a reader is computing the answer for the newer mark


class SharedCache:
    """Answers by key, each labelled with the archive mark it was computed at."""

    def __init__(self, size: int, stale_seconds: float) -> None:
        self.size = size
        self.stale_seconds = stale_seconds
        self._lock = threading.Lock()
        self._entries: OrderedDict[tuple[object, ...], _Entry] = OrderedDict()
        self._written = 0.0  # when the server's last own write was answered

    def written(self) -> None:
        """The server answered one of its own writes: answers computed before now are
        never served stale again, so a client that uploads and then lists sees what
        it uploaded (only the commits of writes still running are served stale)."""
        with self._lock:
            self._written = time.monotonic()

    def lookup(
        self,
        key: tuple[object, ...],
        mark: object,
        make: Callable[[], T],
        later: Callable[[Callable[[], object]], object] | None = None,
    ) -> T | Missing:
        """The answer for `key` at `mark` if it can be given without computing it here:
        cached; or the previous one while it is refreshed (by another reader, or by
        `make` handed to `later`, which runs it on a reader thread), for at most
        `stale_seconds`. MISSING if it must be computed (`get`). Never blocks on I/O:
        the server calls it on its event loop."""
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return MISSING
            self._entries.move_to_end(key)
            if entry.mark == mark:
                return entry.value  # type: ignore[no-any-return]
            now = time.monotonic()
            if entry.stale_since is None:
                entry.stale_since = now
            recent = now - entry.stale_since < self.stale_seconds
            servable = recent and entry.made > self._written
            if servable and entry.refreshing:
                return entry.value  # type: ignore[no-any-return]
            if servable and later is not None:
                entry.refreshing = True
                later(partial(self._refresh, key, mark, make, entry))
                return entry.value  # type: ignore[no-any-return]
            return MISSING

    def get(
        self,
        key: tuple[object, ...],
        mark: object,
        make: Callable[[], T],
        later: Callable[[Callable[[], object]], object] | None = None,
    ) -> T:
        """The answer for `key` at `mark`: as `lookup` gives it, else `make()` here."""
        found = self.lookup(key, mark, make, later)
        if not isinstance(found, Missing):
            return found
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None:
                entry.refreshing = True
        return self._refresh(key, mark, make, entry)

    def _refresh(
        self, key: tuple[object, ...], mark: object, make: Callable[[], T], old: _Entry | None
    ) -> T:
        made = time.monotonic()
        try:
            value = make()
        except BaseException:
            if old is not None:
                with self._lock:
                    old.refreshing = False
            raise
        with self._lock:
            self._entries[key] = _Entry(mark, value, made)
            self._entries.move_to_end(key)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)
        return value
