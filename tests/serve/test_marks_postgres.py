"""The server's mark thread on PostgreSQL (serve/marks.py): its change check, asked 20
times a second, reads no table (it ran the whole mark query, counts over stories and
articles, every 50 ms: issue 24), and it still sees another connection's commit.

Fixtures: Wikinews articles bundled in examples/; a throwaway PostgreSQL server."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import psycopg

import newsfuse
from newsfuse.config import Config
from newsfuse.serve.marks import Marks
from newsfuse.store import open_store

ROOT = Path(__file__).resolve().parents[2]
WIKINEWS = ROOT / "examples" / "articles" / "en.wikinews.org"


def test_the_change_check_reads_no_table(postgres_url: str) -> None:
    config = Config(db=postgres_url)
    with newsfuse.open(config.db, config) as archive:
        archive.ingest([WIKINEWS / "M001-01.txt"])
    store = open_store(config)
    answers: list[object] = []
    try:
        with psycopg.connect(postgres_url) as locker:  # holds the locks until rollback
            locker.execute("LOCK TABLE articles, stories, story_events, cluster_state")
            check = threading.Thread(target=lambda: answers.append(store.data_version()))
            check.start()
            check.join(5.0)  # a query of any of those tables waits for the rollback
            answered = bool(answers)
            locker.rollback()
        check.join(10.0)
    finally:
        store.close()
    assert answered, "data_version waited for a table lock: it reads the tables"


def test_the_mark_thread_sees_another_connections_commit(postgres_url: str) -> None:
    config = Config(db=postgres_url)
    with newsfuse.open(config.db, config) as writer:
        writer.ingest([WIKINEWS / "M001-01.txt"])
        marks = Marks(lambda: open_store(config), every=0.05)
        try:
            first = marks.current()
            writer.ingest([WIKINEWS / "M002-01.txt"])  # another connection commits
            deadline = time.monotonic() + 10.0
            while marks.known() == first:
                assert time.monotonic() < deadline, "the mark thread missed the commit"
                time.sleep(0.01)
        finally:
            marks.close()
