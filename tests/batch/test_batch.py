"""The batch on Ray in local mode reads shards in ingest's order and gives the
single-process duplicate links, and an archive that agrees with `ingest`'s.

Skips when the optional `ray` extra is not installed (CI installs it)."""

from __future__ import annotations

import dataclasses
import gzip
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from newsfuse.config import Config, DedupeOptions
from newsfuse.dedupe import Deduplicator
from newsfuse.dedupe.sharded import (
    band_ranges_for,
    bucket_keys,
    fingerprint,
    grouped_pairs,
    key_hashes,
    links_in_process,
    resolve,
    verify,
)
from newsfuse.extract import iter_articles
from newsfuse.types import Article

ray = pytest.importorskip("ray", reason="the optional extra: pip install -e '.[ray]'")
batch_dedupe = pytest.importorskip("newsfuse.batch.dedupe")
batch_read = pytest.importorskip("newsfuse.batch.read")
pipeline = pytest.importorskip("newsfuse.batch.pipeline")
arrival = pytest.importorskip("newsfuse.batch.arrival").arrival
Worker = pytest.importorskip("newsfuse.batch.worker").Worker


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


def test_hashed_band_keys_give_the_single_process_links(gva_bodies: list[str]) -> None:
    """The driver groups 8-byte hashes of the band keys (one sort, no shuffle): the
    verified and resolved links are those of the byte keys, grouped in process."""
    bodies = gva_bodies[:600]
    options = DedupeOptions()
    expected = links_in_process(bodies, options)
    assert len(expected) >= 3
    fps = fingerprint(range(len(bodies)), bodies, options)
    keys = [bucket_keys(fp, band_ranges_for(options)) for fp in fps]
    owners = np.repeat(np.arange(len(fps)), [len(k) for k in keys])
    pairs = grouped_pairs(key_hashes([k for ks in keys for k in ks]), owners)
    edges = (verify(fps[a], fps[b], options) for a, b in sorted(pairs))
    assert resolve((e for e in edges if e is not None), options.window) == expected


def _shards(shared_dir: Path, root: Path) -> list[str]:
    """Three JSONL shards of real outlet records (gva_dev: syndicated copies among
    them), a record repeated in a later shard (already present, not a copy) and a
    broken line (a failure, not a stop)."""
    path = shared_dir / "data" / "clustering" / "gva_dev.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        records = [line for _, line in zip(range(600), lines, strict=False)]
    shards = [records[:200], [*records[200:400], records[5]], ["{broken\n", *records[400:]]]
    paths = []
    for k, shard in enumerate(shards):
        target = root / f"part-{k}.jsonl"
        target.write_text("".join(shard), encoding="utf-8")
        paths.append(str(target))
    return paths


def test_sharded_read_gives_ingest_order_and_links(
    workers: list[Any], shared_dir: Path, tmp_path: Path
) -> None:
    options = Config().extract
    written = _shards(shared_dir, tmp_path)
    paths = batch_read.shard_paths([str(tmp_path / "part-*.jsonl")])
    assert paths == written
    expected: list[Article] = []
    seen: set[str] = set()
    for item in iter_articles(paths, options):
        if isinstance(item, Article) and item.id not in seen:
            seen.add(item.id)
            expected.append(item)
    metas, blocks = pipeline.read_shards(paths, workers)
    arr = arrival(metas)
    assert len(arr.failures) == 1 and arr.repeated == 1
    assert arr.ids == [a.id for a in expected]
    k = int(np.flatnonzero(arr.shard == 1)[0])  # a worker's record is ingest's article
    record = ray.get(workers[0].signatures.remote(arr.row[k : k + 1], blocks[1]))
    assert record[0][1] >= 1 and len(record[0][0]) == DedupeOptions().num_perm
    # and de-duplication over those rows links the ids the single process links
    options_d = DedupeOptions(window=60)  # small, so the window's rank over gaps counts
    found = batch_dedupe.links(arr, blocks, workers, options_d)
    by_position = dict(zip(arr.position.tolist(), arr.ids, strict=True))
    got = {by_position[c]: by_position[o] for c, o in found.items()}
    dedup = Deduplicator(options_d)
    want = {}
    for article in expected:
        original, _, _ = dedup.check_and_add(article)
        if original is not None:
            want[article.id] = original
    assert want and got == want


def _labels(pairs: list[tuple[str, str]]) -> dict[str, str]:
    return dict(pairs)


def test_batch_archive_agrees_with_ingest(
    workers: list[Any], shared_dir: Path, tmp_path: Path
) -> None:
    """`batch` over shards and `ingest` over the same files build the same archive:
    the same articles in the same order, identical duplicate links, and events that
    agree (BCubed; the stream's order-dependence and the partitions' context are
    what may differ: docs/batch.md)."""
    from newsfuse._pipeline import ingest
    from newsfuse.batch.pipeline import BatchOptions, run
    from newsfuse.evaluation.cluster_metrics import score_clustering
    from newsfuse.store import open_store

    paths = _shards(shared_dir, tmp_path)
    config = dataclasses.replace(Config(), db=tmp_path / "ingest.db")
    single = open_store(config)
    ingest(paths, config, single)
    config_b = dataclasses.replace(config, db=tmp_path / "batch.db")
    store = open_store(config_b)
    options = BatchOptions(partition_size=200, overlap=200)
    report, _ = run(paths, config_b, store, options, workers=workers)
    assert len(report.partitions) >= 2  # partitions linked apart, merged by the replay
    order = "SELECT id FROM articles ORDER BY seq"
    assert store.sql(order) == single.sql(order)
    assert report.duplicates and sorted(store.duplicate_pairs()) == sorted(single.duplicate_pairs())
    events = {m[0]: e for e, m in single.event_members()}
    got = {m[0]: e for e, m in store.event_members()}
    assert set(got) == set(events)
    ids = sorted(events)
    agreement = score_clustering([events[i] for i in ids], [got[i] for i in ids]).bcubed_f1
    assert agreement >= 0.97, agreement
    assert store.count_stories() == single.count_stories() or store.count_stories() > 0
    assert all(s.headline for s in store.stories())


def test_shard_languages_settled_as_ingest(
    local_ray: None, shared_dir: Path, tmp_path: Path
) -> None:
    """A worker's shard settles undetermined languages as `ingest` does: among the
    first 2,000 Multi-News train documents (read from ../shared, never bundled) ten
    pages the markers leave undetermined are settled by the model, one of them to
    French (stored as such, never clustered)."""
    import json

    from newsfuse.lang.detect import settled

    train = shared_dir / "data" / "summarization" / "multinews.train.jsonl.gz"
    if not train.exists():
        pytest.skip(f"{train} not present")
    lines = []
    with gzip.open(train, "rt", encoding="utf-8") as src:
        for line in src:
            cluster = json.loads(line)
            lines += [
                json.dumps({k: d.get(k) for k in ("text", "title", "source", "date")}) + "\n"
                for d in cluster["documents"]
            ]
            if len(lines) >= 2000:
                break
    path = tmp_path / "shard.jsonl"
    path.write_text("".join(lines[:2000]), encoding="utf-8")
    config = Config()
    want = {
        a.id: a.language
        for a in settled(iter_articles([str(path)], config.extract), config.brief.models)
        if isinstance(a, Article)
    }
    meta, _ = Worker(config).read(str(path))  # what a worker reads and sends the driver
    got = dict(zip(meta["id"], meta["language"], strict=True))
    assert got == want
    assert "fr" in got.values()
