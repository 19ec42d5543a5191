"""The server's writer: a process of its own that holds the one writing `Newsfuse`.

Ingest is CPU-bound Python. On a thread of the server it held the interpreter lock
for most of an upload, and reads waited for it even with connections of their own
(issue 24; reads during an upload had a p99 six times their p99 without one). In a
process of its own the writer uses its own core, and the server's threads only read.

The functions below run in that process (a `ProcessPoolExecutor` of one worker made
by serve/archive.py); `start` opens the archive there once, and every later call
uses it, so the ingest session (dedupe index, clustering state) stays in memory
between requests as before. Its ingests take the archive's writer lock like any
other writer (store/lock.py). The module-level archive is that process's only
state: the server process never sets it.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from newsfuse.app import Newsfuse
from newsfuse.config import Config
from newsfuse.types import IngestReport
from newsfuse.watch import Poll, Watcher

WRITER_NICENESS = 10  # added to the writer process's nice value (lower priority)
_OPEN: dict[str, Newsfuse] = {}  # the writer process's archive, under "archive"
_WATCHERS: dict[tuple[str, ...], Watcher] = {}  # followed feeds' validators, by URLs


def start(config: Config) -> None:
    """Open the archive in this (writer) process, at a lower CPU priority than the
    server's: on two cores, an upload's ingest took a core the readers wanted, and
    paced reads during an upload had a p99 30 times their p99 without one (issue 24).
    An upload now takes the CPU the reads leave; with no reads, it takes as long."""
    os.nice(WRITER_NICENESS)
    _OPEN["archive"] = Newsfuse(config)


def _archive() -> Newsfuse:
    return _OPEN["archive"]


def ingest_data(data: bytes, name: str, media_type: str | None) -> IngestReport:
    """An uploaded document's articles into the archive."""
    return _archive().ingest_data(data, name, media_type)


def ingest_urls(urls: Sequence[str]) -> IngestReport:
    """The pages or feeds at `urls` into the archive."""
    return _archive().ingest(list(urls))


def poll(urls: Sequence[str]) -> Poll:
    """One poll of followed feeds (conditional requests: validators kept here)."""
    key = tuple(urls)
    if key not in _WATCHERS:
        _WATCHERS[key] = Watcher(_archive(), urls)
    return _WATCHERS[key].poll()


def close() -> None:
    """Save the clustering state and close the archive."""
    archive = _OPEN.pop("archive", None)
    if archive is not None:
        archive.close()
