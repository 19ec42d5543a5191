"""Clustering as partitions (newsfuse.cluster.partition) keeps the stream's scoring:
one partition is exactly the single-process batch clustering, and partitions with
context agree with it (no Ray needed: the pure functions the Ray stage runs)."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from newsfuse.cluster import cluster_batch
from newsfuse.cluster.partition import cluster_partitioned, partition_bounds
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
