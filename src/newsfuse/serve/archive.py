"""The archive a server owns: one writer process, several reader threads.

Ingest keeps its clustering session in memory between calls, so all writes run, one
at a time, in a single writer process holding the one `Newsfuse` that writes
(serve/writer.py; its ingests take the archive's writer lock, so a CLI ingest waits
its turn: store/lock.py).
Reads run on a pool of reader threads, each with a database connection of its own
(SQLite connections belong to the thread that opened them; WAL lets them read while
the writer writes), so a slow upload or fetch no longer holds up every read (issue
24: one worker thread for all, every read waited up to 19 s behind an upload). The
analysis model is shared by the readers, one analysis at a time.

What the readers load (connections, models, vocabularies) lives as long as the
server, so it is moved out of the cyclic garbage collector's sight (`gc.freeze`)
once loaded: a full collection that walked it stopped every thread of the server
for 0.2-0.5 s (issue 24: all eight paced clients waited together, several times
during one upload). Short-lived objects are still freed as before.

Every call has an overall deadline (`timeout`): past it the request is answered with
E605 while the work finishes on its thread (a thread cannot be stopped); searches
and fetches are bounded by their own deadlines as well.

Closing lets the reads already on a reader thread finish, then closes the mark's
connection, then the writer. A request that reaches the archive once closing began is
answered E606 (it used to raise "RuntimeError: cannot schedule new futures after
shutdown" from the reader pool, a bare 500; a read that needed the mark after the mark
thread closed reopened its connection and left it open; a write started a new writer
process after the old one was closed).
"""

from __future__ import annotations

import asyncio
import gc
import multiprocessing
import threading
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import suppress
from functools import partial
from typing import TypeVar

from newsfuse.analyze.dossier import Analyzer
from newsfuse.app import Newsfuse
from newsfuse.config import Config
from newsfuse.errors import ErrorCode, NewsfuseError
from newsfuse.serve import writer
from newsfuse.serve.cache import Missing, SharedCache
from newsfuse.serve.marks import Marks
from newsfuse.store import open_store
from newsfuse.types import Brief, Dossier

T = TypeVar("T")

REPORTS_KEPT = 256  # briefs (with their dossiers) remembered: a dossier takes 1-2 s
READERS = 4  # reader threads (and database connections)
PAGES_KEPT = 256  # answers the readers keep while the archive is unchanged
STALE_SECONDS = 2.0  # longest a previous answer is served while one reader refreshes it


class Archive:
    """The server's `Newsfuse` archives: a writer and per-thread readers, reports cached."""

    def __init__(self, config: Config, readers: int = READERS) -> None:
        self.config = config
        self._writer: ProcessPoolExecutor | None = None  # started by the first write
        self._readers = ThreadPoolExecutor(max_workers=readers, thread_name_prefix="newsfuse-read")
        self._local = threading.local()
        self._shared = SharedCache(PAGES_KEPT, STALE_SECONDS)
        self._marks = Marks(lambda: open_store(config))  # the mark, kept by its thread
        self._opened: list[Newsfuse] = []
        self._lock = threading.Lock()
        self._closing = threading.Event()  # set by `close`: no new call is scheduled
        self._analyzer = Analyzer(config.analyze, config.brief)  # loads its model on first use
        self._analysis = threading.Lock()  # spaCy pipelines are not thread-safe
        # (story id, its articles, words, analysis) -> report; a story that gains an
        # article has another key, so a cached report is never stale.
        self._reports: OrderedDict[tuple[object, ...], tuple[Brief, Dossier | None]] = OrderedDict()

    def _reader(self) -> Newsfuse:
        found: Newsfuse | None = getattr(self._local, "archive", None)
        if found is None:
            found = Newsfuse(self.config)
            found.analyzer = self._analyzer
            self._local.archive = found
            with self._lock:
                self._opened.append(found)
            gc.freeze()  # a reader lives as long as the server (module docstring)
        return found

    def _open(self) -> None:
        """E606 once `close` began: nothing new may start on a pool being shut down."""
        if self._closing.is_set():
            raise NewsfuseError(ErrorCode.CLOSING, "the server is shutting down; retry later")

    def _writing(self) -> ProcessPoolExecutor:
        self._open()
        if self._writer is None:
            self._writer = ProcessPoolExecutor(
                max_workers=1,
                mp_context=multiprocessing.get_context("spawn"),  # no fork of a threaded server
                initializer=writer.start,
                initargs=(self.config,),
            )
        return self._writer

    async def _run(self, pool: Executor, call: Callable[[], T], timeout: float) -> T:
        self._open()
        loop = asyncio.get_running_loop()
        try:
            future = loop.run_in_executor(pool, call)
        except RuntimeError:  # the pool was shut down after the check (close on a thread)
            self._closing.set()
            self._open()
            raise
        try:
            return await asyncio.wait_for(asyncio.shield(future), timeout)
        except TimeoutError:
            message = f"the request took over {timeout:g} s; it goes on in the background"
            raise NewsfuseError(ErrorCode.TIMEOUT, message) from None

    async def run(self, call: Callable[[Newsfuse], T], timeout: float = 30.0) -> T:
        """`call(archive)` on a reader thread (its own connection); never writes."""
        return await self._run(self._readers, lambda: call(self._reader()), timeout)

    async def write(self, call: Callable[..., T], *args: object, timeout: float = 120.0) -> T:
        """`call(*args)`, a function of serve/writer.py, in the writer process, one at a
        time. A writer process that died is replaced for the next write. Before it
        answers, the mark is re-read: its client's next read sees what it wrote."""
        pool = self._writing()
        try:
            return await self._run(pool, partial(call, *args), timeout)
        except BrokenProcessPool:
            self._writer = None
            pool.shutdown(wait=False)
            raise NewsfuseError(ErrorCode.TIMEOUT, "the writer process stopped; retry") from None
        finally:
            if not self._closing.is_set():  # a closed mark thread is not reopened
                await asyncio.to_thread(self._refresh_mark)
            self._shared.written()  # the writer's client will read what it wrote

    def _refresh_mark(self) -> None:
        """The mark re-read after a write; nothing if closing began meanwhile (the
        write is done: its answer is not turned into E606)."""
        try:
            self._marks.refresh()
        except NewsfuseError as error:
            if error.code is not ErrorCode.CLOSING:
                raise

    def cached(
        self, key: tuple[object, ...], make: Callable[[Newsfuse], T]
    ) -> Callable[[Newsfuse], T]:
        """`make` as a reader call whose result the readers share (serve/cache.py)
        until a writer commits; after a commit, the previous answer is served for at
        most STALE_SECONDS while one reader recomputes it. Computed in one snapshot,
        so an answer never mixes two committed states."""
        fresh = self._fresh(make)

        def call(_: Newsfuse) -> T:
            return self._shared.get(key, self._marks.current(), fresh, self._later)

        return call

    async def read(
        self, key: tuple[object, ...], make: Callable[[Newsfuse], T], timeout: float = 30.0
    ) -> T:
        """`cached(key, make)`, answered on the event loop when the shared cache has
        the answer (the mark is kept by its own thread: serve/marks.py), else on a
        reader thread. A cached read makes no query and no thread hop (issue 24)."""
        mark = self._marks.known()
        if mark is not None:
            found = self._shared.lookup(key, mark, self._fresh(make), self._later)
            if not isinstance(found, Missing):
                return found
        return await self.run(self.cached(key, make), timeout)

    def _fresh(self, make: Callable[[Newsfuse], T]) -> Callable[[], T]:
        """`make` on the reader thread that runs it, in one read snapshot."""

        def fresh() -> T:
            archive = self._reader()
            with archive.store.reading():
                return make(archive)

        return fresh

    def _later(self, job: Callable[[], object]) -> None:
        """`job` on a reader thread, after the requests already waiting for one."""
        with suppress(RuntimeError):  # shutting down: the job's answer is not needed
            self._readers.submit(job)

    def report(
        self, archive: Newsfuse, story_id: str, words: int | None, analysis: bool
    ) -> tuple[Brief, Dossier | None]:
        """Brief and (with `analysis`) dossier of a story, cached; runs on a reader. An
        unknown story is E201, a story without articles E303 (brief_and_analyze)."""
        members = self.cached(("members", story_id), partial(_article_ids, story_id))(archive)
        key = (story_id, members, words, analysis)
        with self._lock:
            cached = self._reports.get(key)
        if cached is not None:
            return cached
        brief, _ = archive.brief_and_analyze(story_id, words, analysis=False)
        dossier = None
        if analysis:
            with self._analysis:  # one spaCy analysis at a time
                dossier = archive.analyze(story_id)
        gc.freeze()  # the models a first brief or analysis loaded (module docstring)
        with self._lock:
            self._reports[key] = (brief, dossier)
            while len(self._reports) > REPORTS_KEPT:
                self._reports.popitem(last=False)
        return brief, dossier

    def close(self) -> None:
        """Refuse new calls (E606), let the reads already running finish, then close
        the mark's connection, the writer, and every reader's connection."""
        self._closing.set()
        self._readers.shutdown()  # waits for the reads already on a reader thread
        self._marks.close()
        if self._writer is not None:
            with suppress(BrokenProcessPool):
                self._writer.submit(writer.close).result()
            self._writer.shutdown()
            self._writer = None
        for archive in self._opened:  # readers never write: closing is just closing
            archive.store.close()


def _article_ids(story_id: str, archive: Newsfuse) -> tuple[str, ...]:
    """A story's articles (none for an unknown story): what its cached report is for."""
    story = archive.store.story(story_id)
    return tuple(story.article_ids) if story else ()
