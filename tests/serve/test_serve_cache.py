"""The answers the server's reader threads share (serve/cache.py): served stale only
while another reader refreshes them and for a bounded time, and caught up with the
writer's commits: a story uploaded while clients read shows up within that bound, and
no answer ever mixes two committed states.

Fixtures: Wikinews articles bundled in examples/ (two stories, M001 and M002)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import newsfuse
from newsfuse.config import Config
from newsfuse.serve import create_app
from newsfuse.serve.archive import STALE_SECONDS
from newsfuse.serve.cache import SharedCache
from newsfuse.serve.marks import POLL_SECONDS, Marks
from newsfuse.store import open_store

ROOT = Path(__file__).resolve().parents[2]
WIKINEWS = ROOT / "examples" / "articles" / "en.wikinews.org"


def test_a_stale_answer_is_served_only_while_another_reader_refreshes() -> None:
    cache = SharedCache(size=4, stale_seconds=0.5)
    assert cache.get(("k",), 1, lambda: "one") == "one"
    assert cache.get(("k",), 1, lambda: "never computed") == "one"
    started, release = threading.Event(), threading.Event()

    def slow() -> str:
        started.set()
        release.wait(10)
        return "two"

    refresher = threading.Thread(target=lambda: cache.get(("k",), 2, slow))
    refresher.start()
    assert started.wait(10)
    # mark 2 is being computed by the refresher: the others get the previous answer
    assert cache.get(("k",), 2, lambda: "not while refreshing") == "one"
    time.sleep(0.6)  # past stale_seconds: a reader computes its own answer
    assert cache.get(("k",), 2, lambda: "own") == "own"
    release.set()
    refresher.join(10)
    assert cache.get(("k",), 2, lambda: "never computed") == "two"

    def boom() -> str:
        raise RuntimeError("the refresh failed")

    with pytest.raises(RuntimeError):
        cache.get(("k",), 3, boom)
    # a failed refresh is not waited for: the next reader computes the answer itself
    assert cache.get(("k",), 3, lambda: "three") == "three"


def test_a_story_uploaded_while_clients_read_shows_up_in_bounded_time(tmp_path: Path) -> None:
    answers: list[dict[str, object]] = []
    with TestClient(create_app(Config(db=tmp_path / "news.db"))) as client:
        first = WIKINEWS / "M001-01.txt"
        assert client.post("/api/articles", content=first.read_bytes()).status_code == 200
        assert client.get("/api/stories").json()["total"] == 1  # cached from here on
        done = threading.Event()

        def read() -> None:
            while not done.is_set():
                answers.append(client.get("/api/stories").json())

        readers = [threading.Thread(target=read) for _ in range(3)]
        for reader in readers:
            reader.start()
        second = (WIKINEWS / "M002-01.txt").read_bytes()
        report = client.post("/api/articles", params={"name": "M002-01.txt"}, content=second)
        assert report.json()["new_stories"] == 1
        uploaded = time.monotonic()
        deadline = uploaded + STALE_SECONDS + 5.0
        while client.get("/api/stories").json()["total"] != 2:
            assert time.monotonic() < deadline, "the uploaded story never showed up"
            time.sleep(0.05)
        caught_up = time.monotonic() - uploaded
        done.set()
        for reader in readers:
            reader.join(30)
    assert caught_up < STALE_SECONDS + 5.0
    assert answers and {a["total"] for a in answers} <= {1, 2}
    for answer in answers:  # the total and the page come from one committed state
        stories = answer["stories"]
        assert isinstance(stories, list) and len(stories) == answer["total"]


def test_a_refresh_runs_later_and_an_own_write_is_never_served_stale() -> None:
    cache = SharedCache(size=4, stale_seconds=5.0)
    jobs: list[Callable[[], object]] = []
    assert cache.get(("k",), 1, lambda: "one", jobs.append) == "one"  # cold: computed now
    assert not jobs
    # a newer mark: the previous answer at once, its refresh handed to a reader thread
    assert cache.get(("k",), 2, lambda: "two", jobs.append) == "one"
    assert cache.get(("k",), 2, lambda: "again", jobs.append) == "one" and len(jobs) == 1
    jobs.pop()()
    assert cache.get(("k",), 2, lambda: "again", jobs.append) == "two"
    cache.written()  # the server answered a write: what was cached before is not served
    assert cache.get(("k",), 3, lambda: "three", jobs.append) == "three" and not jobs


def test_the_mark_thread_sees_another_connections_commit(tmp_path: Path) -> None:
    config = Config(db=tmp_path / "news.db")
    with newsfuse.open(config.db, config) as writer:
        writer.ingest([WIKINEWS / "M001-01.txt"])
        marks = Marks(lambda: open_store(config), every=0.05)
        try:
            assert marks.known() is None  # nothing read before the first request
            first = marks.current()
            assert marks.known() == first
            writer.ingest([WIKINEWS / "M002-01.txt"])  # another connection commits
            deadline = time.monotonic() + 10.0
            while marks.known() == first:  # the thread re-reads it, no request asks
                assert time.monotonic() < deadline, "the mark thread missed the commit"
                time.sleep(0.01)
        finally:
            marks.close()


def test_an_uploader_reads_what_it_uploaded_at_once_and_a_cli_write_soon(tmp_path: Path) -> None:
    config = Config(db=tmp_path / "news.db")
    with TestClient(create_app(config)) as client:
        first = (WIKINEWS / "M001-01.txt").read_bytes()
        assert client.post("/api/articles", content=first).status_code == 200
        for _ in range(3):  # cached, answered on the event loop from here on
            assert client.get("/api/stories").json()["total"] == 1
        second = (WIKINEWS / "M002-01.txt").read_bytes()
        assert client.post("/api/articles", params={"name": "M002.txt"}, content=second)
        assert client.get("/api/stories").json()["total"] == 2  # at once, never stale
        assert client.get("/api").json()["stories"] == 2
        with newsfuse.open(config.db, config) as cli:  # a writer outside the server
            cli.ingest([WIKINEWS / "M003-01.txt"])
        done = time.monotonic()
        while client.get("/api/stories").json()["total"] != 3:
            assert time.monotonic() - done < POLL_SECONDS + STALE_SECONDS + 5.0
            time.sleep(0.02)
