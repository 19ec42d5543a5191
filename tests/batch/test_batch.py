"""The Ray Data de-duplication stage in local mode gives the single-process links.

Skips when the optional `ray` extra is not installed (CI installs it)."""

from __future__ import annotations

import dataclasses
import gzip
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsfuse.config import Config, DedupeOptions
from newsfuse.dedupe import Deduplicator
from newsfuse.dedupe.sharded import links_in_process
from newsfuse.extract import iter_articles
from newsfuse.types import Article

ray = pytest.importorskip("ray", reason="the optional extra: pip install -e '.[ray]'")
batch_dedupe = pytest.importorskip("newsfuse.batch.dedupe")
batch_read = pytest.importorskip("newsfuse.batch.read")


@pytest.fixture(scope="module")
def local_ray() -> Iterator[None]:
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    yield
    ray.shutdown()


def test_ray_links_equal_single_process(local_ray: None, gva_bodies: list[str]) -> None:
    bodies = gva_bodies[:600]
    options = DedupeOptions()
    expected = links_in_process(bodies, options)
    assert len(expected) >= 3
    rows = ray.data.from_items(
        [{"position": i, "body": b} for i, b in enumerate(bodies)], override_num_blocks=4
    )
    assert batch_dedupe.links(rows, options, partitions=2) == expected


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
    local_ray: None, shared_dir: Path, tmp_path: Path
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
    rows = batch_read.with_positions(batch_read.read(paths, options), len(paths))
    assert rows.filter(lambda r: r["failure"] is not None).count() == 1
    once = sorted(batch_read.articles_once(rows).take_all(), key=lambda r: r["position"])
    assert [r["id"] for r in once] == [a.id for a in expected]
    assert batch_read.row_article(once[7]) == dataclasses.replace(expected[7], sentences=())
    # and de-duplication over those rows links the ids the single process links
    options_d = DedupeOptions(window=60)  # small, so the window's rank over gaps counts
    found = batch_dedupe.links(batch_read.articles_once(rows), options_d, partitions=2)
    by_position = {int(r["position"]): r["id"] for r in once}
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
    local_ray: None, shared_dir: Path, tmp_path: Path
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
    report, _ = run(paths, config_b, store, BatchOptions(partition_size=200, overlap=200))
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


def test_shard_languages_settled_as_ingest(shared_dir: Path, tmp_path: Path) -> None:
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
    rows = batch_read._extract({"shard": 0, "path": str(path)}, config.extract, config.brief.models)
    got = {r["id"]: r["language"] for r in rows if r["failure"] is None}
    assert got == want
    assert "fr" in got.values()
