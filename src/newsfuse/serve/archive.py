"""The archive a server owns, used from one worker thread.

SQLite connections belong to the thread that opened them, and ingest keeps its
clustering session in memory between calls, so the server does not open the
database per request: every call runs, one at a time, on a single worker thread
that opened it. The event loop stays free for other requests meanwhile; writes
are serialised as SQLite would serialise them anyway.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from newsfuse import Newsfuse
from newsfuse.config import Config
from newsfuse.types import Brief, Dossier

T = TypeVar("T")

DOSSIERS_KEPT = 64  # analysed stories remembered (about 1-2 s each to recompute)


class Archive:
    """One `Newsfuse` archive behind a one-thread executor, with analysed stories cached."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsfuse-db")
        self._archive: Newsfuse | None = None
        # (story id, its articles) -> dossier; a story that gains an article has
        # another key, so a cached dossier is never stale.
        self._dossiers: OrderedDict[tuple[str, tuple[str, ...]], Dossier] = OrderedDict()

    def _open(self) -> Newsfuse:
        if self._archive is None:
            self._archive = Newsfuse(self.config)
        return self._archive

    async def run(self, call: Callable[[Newsfuse], T]) -> T:
        """`call(archive)` on the worker thread; its result or its exception."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, lambda: call(self._open()))

    def report(
        self, archive: Newsfuse, story_id: str, words: int | None, analysis: bool
    ) -> tuple[Brief, Dossier | None]:
        """Brief and (cached) dossier of a story; runs on the worker thread. An unknown
        story is E201 from brief_and_analyze."""
        story = archive.store.story(story_id)
        key = (story_id, story.article_ids if story else ())
        cached = self._dossiers.get(key) if analysis else None
        brief, dossier = archive.brief_and_analyze(story_id, words, analysis and cached is None)
        dossier = cached or dossier
        if dossier is None:
            return brief, None
        self._dossiers[key] = dossier
        self._dossiers.move_to_end(key)
        while len(self._dossiers) > DOSSIERS_KEPT:
            self._dossiers.popitem(last=False)
        return brief, dossier

    def close(self) -> None:
        """Close the database on its own thread, then stop the worker."""

        def shut() -> None:
            if self._archive is not None:
                self._archive.close()
                self._archive = None

        self._executor.submit(shut).result()
        self._executor.shutdown()
