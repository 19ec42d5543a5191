"""One writer at a time per archive: the writer lock of an SQLite file.

Ingest keeps its clustering state in memory between transactions and saves it now
and then; the state names articles by their position among the stored originals.
Two writers interleaving their articles would each save a state that does not know
the other's (issue 24: 3,453 stories instead of 3,045, a state knowing 2,329 of 4,696
articles). So a writer holds the archive's lock for the whole of its work: an
advisory `flock` on `<db>.lock` beside the SQLite file (PostgreSQL uses a session
advisory lock instead, store/postgres.py). The kernel drops the lock when its
process dies, so a `kill -9` never leaves the archive locked.

A second writer waits up to `wait` seconds, then fails with E302 naming the process
that holds it.
"""

from __future__ import annotations

import errno
import fcntl
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from newsfuse.errors import ErrorCode, NewsfuseError

POLL = 0.05  # seconds between attempts while waiting


def wait_for(
    attempt: Callable[[], bool], wait: float, holder: Callable[[], str], what: str
) -> None:
    """Call `attempt` until it returns True or `wait` seconds pass (then E302)."""
    deadline = time.monotonic() + max(wait, 0.0)
    while not attempt():
        if time.monotonic() >= deadline:
            message = f"{what} is being written by {holder()}; waited {wait:g} s"
            raise NewsfuseError(ErrorCode.LOCKED, message)
        time.sleep(POLL)


@contextmanager
def file_lock(db_path: str, wait: float) -> Iterator[None]:
    """Hold the writer lock of the SQLite file `db_path` (none for ":memory:")."""
    if db_path == ":memory:" or db_path.startswith("file:"):
        yield
        return
    path = Path(db_path + ".lock")
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:

        def attempt() -> bool:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                    return False
                raise
            return True

        def holder() -> str:
            try:
                pid = path.read_text(encoding="ascii").strip()
            except (OSError, UnicodeDecodeError):
                pid = ""
            return f"process {pid}" if pid.isdigit() else "another process"

        wait_for(attempt, wait, holder, db_path)
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        try:
            yield
        finally:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
