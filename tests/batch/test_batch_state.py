"""An archive `batch` builds is the archive `ingest` would leave: `check` finds
nothing, failures are reported as ingest reports them without stopping the input
after them, and a later `ingest` continues the stream from the saved clustering
state, on SQLite and PostgreSQL.

Skips when the optional `ray` extra is not installed (CI installs it)."""

from __future__ import annotations

import dataclasses
import gzip
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsfuse.check import check
from newsfuse.config import Config
from newsfuse.store import Store, open_store

ray = pytest.importorskip("ray", reason="the optional extra: pip install -e '.[ray]'")
pipeline = pytest.importorskip("newsfuse.batch.pipeline")

# Hostile lines as a crawl dump carries them: a truncated record, JSON nested past
# any parser's stack, a record whose text is a control character.
HOSTILE = ["{broken\n", "[" * 100_000 + "]" * 100_000 + "\n", '{"text": "\x00", "title": 5}\n']


@pytest.fixture(scope="module")
def local_ray() -> Iterator[None]:
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    yield
    ray.shutdown()


@pytest.fixture(scope="module")
def workers(local_ray: None) -> list[Any]:
    """Two batch workers for the module's runs (started once: their imports and
    models are the run's fixed cost; what they hold is the options, not the archive)."""
    return list(pipeline.start_workers(Config(), 2))


@pytest.fixture(params=["sqlite", "postgresql"])
def config(request: pytest.FixtureRequest, tmp_path: Path) -> Config:
    if request.param == "sqlite":
        return dataclasses.replace(Config(), db=tmp_path / "batch.db")
    return dataclasses.replace(Config(), db=request.getfixturevalue("postgres_url"))


def _records(shared_dir: Path, n: int) -> list[str]:
    """The first `n` records of gva_dev (dated outlet articles, syndicated copies
    among them; evaluation only, read from ../shared, never bundled)."""
    path = shared_dir / "data" / "clustering" / "gva_dev.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        return [line for _, line in zip(range(n), lines, strict=False)]


def _write(path: Path, lines: list[str]) -> str:
    path.write_text("".join(lines), encoding="utf-8")
    return str(path)


def _events(store: Store) -> dict[str, str]:
    return {m[0]: e for e, m in store.event_members()}


def test_batch_leaves_ingests_state(
    workers: list[Any], shared_dir: Path, tmp_path: Path, config: Config
) -> None:
    from newsfuse._pipeline import ingest

    records = _records(shared_dir, 330)
    paths = [
        _write(tmp_path / "part-0.jsonl", records[:120]),
        _write(tmp_path / "part-1.jsonl", [*records[120:200], *HOSTILE, *records[200:280]]),
    ]
    more = _write(tmp_path / "more.jsonl", records[280:])
    store = open_store(config)
    # partitions of 100 with all history as context: the stream's edges, 3 partitions
    options = pipeline.BatchOptions(partition_size=100, overlap=400)
    report, _ = pipeline.run(paths, config, store, options, workers=workers)
    # each hostile line a numbered failure with its input and line, in input order
    assert [f.code for f in report.failed] == ["E105", "E130", "E105"]
    assert [f.message.split(":")[0] for f in report.failed] == ["line 81", "line 82", "line 83"]
    assert all(f.source == paths[1] for f in report.failed)
    # ... and the records after them are stored
    stored = {str(r[0]) for r in store.sql("SELECT id FROM articles")}
    assert report.articles == len(stored) > 250
    assert check(store, config.lock_wait) == []
    # the single process over the same inputs: the same events, before and after
    # another ingest into both (which continues from the state each saved)
    config_single = dataclasses.replace(config, db=tmp_path / "single.db")
    single = open_store(config_single)
    ingest(paths, config_single, single)
    assert _events(store) == _events(single)
    # headlines computed in the workers: those ingest stores
    headlines = {s.id: s.headline for s in single.stories()}
    assert {s.id: s.headline for s in store.stories()} == headlines
    ingest([more], config, store)
    assert check(store, config.lock_wait) == []
    ingest([more], config_single, single)
    assert _events(store) == _events(single)
