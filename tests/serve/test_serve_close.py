"""Closing the server's archive (serve/archive.py) while requests are still on their way:
the reads already running finish, and a request that arrives once closing began is a
numbered error (E606), never "RuntimeError: cannot schedule new futures after
shutdown" from a shut-down pool (a bare 500); nothing closed is opened again.

Fixtures: Wikinews articles bundled in examples/."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest

import newsfuse
from newsfuse.app import Newsfuse
from newsfuse.config import Config
from newsfuse.errors import ErrorCode, NewsfuseError
from newsfuse.serve import writer
from newsfuse.serve.archive import Archive
from newsfuse.serve.marks import Marks
from newsfuse.store import open_store

ROOT = Path(__file__).resolve().parents[2]
WIKINEWS = ROOT / "examples" / "articles" / "en.wikinews.org"


def _archive(tmp_path: Path) -> Config:
    config = Config(db=tmp_path / "news.db")
    with newsfuse.open(config.db, config) as archive:
        archive.ingest([WIKINEWS / "M001-01.txt"])
    return config


def _slow_count(archive: Newsfuse) -> int:
    time.sleep(0.05)  # still on its reader thread when close begins
    return archive.count_stories()


def test_reads_pending_at_close_finish_and_later_ones_are_e606(tmp_path: Path) -> None:
    config = _archive(tmp_path)

    async def scenario() -> list[object]:
        archive = Archive(config)
        assert await archive.read(("count",), lambda nf: nf.count_stories()) == 1
        running = [asyncio.create_task(archive.run(_slow_count)) for _ in range(6)]
        await asyncio.sleep(0.01)  # the six are on reader threads (or queued for one)
        archive.close()
        late = asyncio.create_task(archive.run(lambda nf: nf.count_stories()))
        written = asyncio.create_task(
            archive.write(writer.ingest_data, b"text", "late.txt", "text/plain")
        )
        return await asyncio.gather(*running, late, written, return_exceptions=True)

    answers = asyncio.run(scenario())
    assert answers[:6] == [1] * 6  # the reads already running were answered
    for refused in answers[6:]:  # no RuntimeError, no new writer process
        assert isinstance(refused, NewsfuseError), refused
        assert refused.code == ErrorCode.CLOSING
    with newsfuse.open(config.db, config) as archive:
        assert archive.count_stories() == 1  # the write after close wrote nothing


def test_a_closed_mark_thread_never_reopens_its_connection(tmp_path: Path) -> None:
    config = _archive(tmp_path)
    marks = Marks(lambda: open_store(config), every=0.05)
    assert marks.current() is not None
    marks.close()
    with pytest.raises(NewsfuseError) as refused:
        marks.refresh()  # before: opened a new connection nobody would close
    assert refused.value.code == ErrorCode.CLOSING
