"""The archive's mark, kept current by one thread, so that a cached read asks nothing.

Every read the server answers from its shared cache (serve/cache.py) needs the
archive's mark, to know whether the cached answer is still current. Each reader used
to ask its own connection for it on every request, and re-read it after every commit
another connection made (issue 24): while an upload was ingested, the writer
committed about once a second, each commit made the next read on each of the four
readers re-read the mark, and that read took 3-24 ms instead of 0.3-0.8 ms with the
writer working; those reads were the slowest percent, so the paced reads' p99 during
an upload was several times their p99 without one. On PostgreSQL (no per-connection
data version) every read ran the whole mark query.

Here one thread with a connection of its own polls the archive's data version every
`every` seconds and re-reads the mark when it moved; a request takes the last mark
read, without a query, and a cached answer is served on the event loop with no
thread hop. Another process's commit is seen within `every` seconds (then served
stale while it is refreshed, as before); the server's own writes are seen at once,
because `Archive.write` has the mark re-read (`refresh`) before it answers.

On PostgreSQL the data version was the whole mark query, run 20 times a second by
this thread even with nothing written (0.5-0.7 ms of the backend's CPU a poll on
2,846 stories); it is now the server's current snapshot, which reads no table
(store/postgres.py; 0.12-0.15 ms a poll: benchmarks/bench_load_marks.py).
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from newsfuse.errors import ErrorCode, NewsfuseError
from newsfuse.store import Store

POLL_SECONDS = 0.05  # how often the mark thread looks for another connection's commit


class Marks:
    """The archive mark as last read by a thread of its own (`current`)."""

    def __init__(self, open_store: Callable[[], Store], every: float = POLL_SECONDS) -> None:
        self._open = open_store
        self._every = every
        self._lock = threading.Lock()  # one connection: one query at a time
        self._stop = threading.Event()
        self._store: Store | None = None
        self._version: object = None
        self._mark: object = None
        self._thread: threading.Thread | None = None

    def known(self) -> object | None:
        """The last mark read, without a query; None before the first (or after a
        failed poll: the next `current` reads it, and a failure reaches a request)."""
        return self._mark

    def current(self) -> object:
        """The last mark read; read now if there is none (the first request)."""
        mark = self._mark
        return self.refresh() if mark is None else mark

    def refresh(self) -> object:
        """Re-read the mark now if the data version moved (after the server's own
        write: so that its client reads what it wrote); the thread is started by the
        first call. After `close`, E606: a closed connection is never reopened."""
        with self._lock:
            if self._stop.is_set():
                raise NewsfuseError(ErrorCode.CLOSING, "the server is shutting down; retry later")
            if self._store is None:
                self._store = self._open()
            version = self._store.data_version()
            if version != self._version or self._mark is None:
                self._mark = self._store.read_mark()
                self._version = version
            mark = self._mark
        if self._thread is None:
            self._start()
        return mark

    def _start(self) -> None:
        with self._lock:
            if self._thread is None and not self._stop.is_set():
                self._thread = threading.Thread(
                    target=self._poll, name="newsfuse-marks", daemon=True
                )
                self._thread.start()

    def _poll(self) -> None:
        while not self._stop.wait(self._every):
            try:
                self.refresh()
            except Exception:  # the next request reads it, and fails visibly
                self._mark = None

    def close(self) -> None:
        """Stop the thread and close its connection."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        with self._lock:
            if self._store is not None:
                self._store.close()
                self._store = None
