"""Clustering as partitions (newsfuse.cluster.partition) keeps the stream's scoring:
one partition is exactly the single-process batch clustering, and partitions with
context agree with it (no Ray needed: the pure functions the Ray stage runs)."""

from __future__ import annotations

import dataclasses
import gzip
from pathlib import Path

import numpy as np
import pytest

from newsfuse.cluster import cluster_batch
from newsfuse.cluster.partition import (
    LevelEdges,
    balanced_bounds,
    cluster_partitioned,
    link_starts,
    partition_bounds,
    partition_edges,
    stream_groups,
    stream_levels,
    window_start,
)
from newsfuse.cluster.stream import StreamClusterer
from newsfuse.config import Config
from newsfuse.evaluation.cluster_metrics import score_clustering
from newsfuse.extract import iter_articles
from newsfuse.types import Article


@pytest.fixture(scope="module")
def gva_articles(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> list[Article]:
    """The first 700 records of gva_dev (dated outlet articles; evaluation only, read
    from ../shared, never bundled), extracted as ingest extracts them."""
    path = shared_dir / "data" / "clustering" / "gva_dev.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        records = [line for _, line in zip(range(700), lines, strict=False)]
    sample = tmp_path_factory.mktemp("gva") / "sample.jsonl"
    sample.write_text("".join(records), encoding="utf-8")
    found = [a for a in iter_articles([str(sample)], Config().extract) if isinstance(a, Article)]
    return list({a.id: a for a in found}.values())


def _labels(groups: list[list[int]], n: int) -> list[int]:
    labels = [-1] * n
    for k, group in enumerate(groups):
        for i in group:
            labels[i] = k
    return labels


def test_bounds_cover_the_order_once() -> None:
    bounds = partition_bounds(10, 4, 3)
    assert [(b.start, b.own, b.end) for b in bounds] == [(0, 0, 4), (1, 4, 8), (5, 8, 10)]


@pytest.mark.parametrize("level", ["event", "storyline"])
def test_one_partition_is_the_batch_clustering(gva_articles: list[Article], level: str) -> None:
    options = Config().cluster
    n = len(gva_articles)
    expected = cluster_batch(gva_articles, options, level)
    assert cluster_partitioned(gva_articles, options, n, 0, level) == expected


def test_partitions_with_context_agree(gva_articles: list[Article]) -> None:
    options = Config().cluster
    n = len(gva_articles)
    expected = cluster_batch(gva_articles, options)
    found = cluster_partitioned(gva_articles, options, 200, 200)
    assert sorted(i for g in found for i in g) == list(range(n))
    agreement = score_clustering(_labels(expected, n), _labels(found, n)).bcubed_f1
    assert agreement >= 0.97, agreement


def test_link_starts_follow_the_write_batches() -> None:
    # ingest hands the tracker each write batch's originals; the stream links them
    # `batch_size` at a time from the first of each call
    assert link_starts(np.array([0, 0, 0, 1, 1, 3]), 2).tolist() == [0, 2, 3, 5]
    assert link_starts(np.zeros(0, dtype=np.int64), 2).tolist() == []


def test_bounds_move_to_link_batch_starts() -> None:
    starts = np.array([0, 3, 6, 9])
    bounds = partition_bounds(11, 4, 2, starts)
    # own parts start at the first link batch at or after k * size, contexts reach
    # back at least `overlap` to a link batch's start
    assert [(b.start, b.own, b.end) for b in bounds] == [(0, 0, 6), (3, 6, 9), (6, 9, 11)]


@pytest.mark.parametrize("level", ["event", "storyline"])
def test_partitions_replayed_as_the_stream_are_the_stream(
    gva_articles: list[Article], level: str
) -> None:
    """With all history as context, partitions linked along the stream's batches and
    merged by replaying its steps give the stream's clusters exactly (the batch's
    agreement with `ingest` then rests only on the context: docs/batch.md)."""
    options = Config().cluster
    n = len(gva_articles)
    # as ingest cuts 500-item write batches (here: every 150 articles)
    starts = link_starts(np.arange(n) // 150, options.batch_size)
    bounds = partition_bounds(n, 200, n, starts)
    assert len(bounds) > 2
    parts = [partition_edges(gva_articles[b.start : b.end], b, options, starts) for b in bounds]
    edges = {lv: LevelEdges.concat([p[lv] for p in parts]) for lv in ("event", "storyline")}
    clusterer = StreamClusterer(options)
    for k in range(0, n, 150):  # the tracker's calls
        clusterer.add(gva_articles[k : k + 150])
    assert stream_groups(n, edges, starts, options)[level] == clusterer.groups(level)


def test_balanced_bounds_link_alike() -> None:
    """One partition per worker, each linking about as many articles (own + context),
    every bound on a link batch; an input within the context is one partition."""
    starts = np.arange(0, 126_000, 256)
    bounds = balanced_bounds(126_000, 2, 50_000, starts)
    assert [b.own for b in bounds] == [0, 88_064] and bounds[-1].end == 126_000
    linked = [b.end - b.start for b in bounds]
    assert max(linked) - min(linked) <= 2 * 256 and bounds[1].own - bounds[1].start >= 50_000
    assert len(balanced_bounds(40_000, 2, 50_000, starts)) == 1


@pytest.mark.parametrize("window", [0, 300, 1000, 5000])
def test_window_start_is_the_replays(window: int) -> None:
    """The stream window's start after the last link batch, from the cuts alone, is
    where the replay's clusterer ends up (so the state's vectors can be linked
    before the replay has run)."""
    options = dataclasses.replace(Config().cluster, window=window)
    n = 3_000
    starts = link_starts(np.arange(n) // 170, options.batch_size)
    none = {lv: LevelEdges.empty() for lv in ("event", "storyline")}
    shell, _ = stream_levels(n, none, starts, options)
    assert window_start(n, starts, window) == shell.densities.base
    assert (window_start(n, starts, window) > 0) == (0 < window < n)
