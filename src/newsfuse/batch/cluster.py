"""Clustering in the workers: partitions scored where they live, one linkage.

The articles to cluster (kept originals of a scored language, in arrival order)
are cut into partitions along the stream's link batches (`link_starts`), by
default one per worker, sized so each links about as many articles (own +
context: `balanced_bounds`). Each partition runs
`newsfuse.cluster.partition.partition_edges` (the stream clusterer's own linking)
in a worker, reading its articles from the shards' blocks; only the positive edges
reach the driver, where `stream_levels` replays the stream's merge steps over them
(one graph per level: a cluster crossing a partition boundary is one cluster).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from newsfuse.batch.arrival import Arrival
from newsfuse.cluster.partition import (
    Bounds,
    LevelEdges,
    balanced_bounds,
    partition_bounds,
    stream_levels,
)
from newsfuse.cluster.stream import LEVEL_NAMES, StreamClusterer
from newsfuse.config import ClusterOptions


def bounds_for(n: int, size: int, overlap: int, parts: int, starts: np.ndarray) -> list[Bounds]:
    """Partitions of `size` own articles, or (size 0) one per worker, balanced."""
    if size > 0:
        return partition_bounds(n, size, overlap, starts)
    return balanced_bounds(n, parts, overlap, starts)


def submit(
    arrival: Arrival,
    take: np.ndarray,
    bounds: Sequence[Bounds],
    starts: np.ndarray,
    base: int,
    blocks: Sequence[Any],
    workers: Sequence[Any],
) -> tuple[list[Any], Any]:
    """Each partition's linking, started in a worker (`take`: the clustered articles'
    indices into `arrival`, in clustering order); the calls, to `collect`, and the
    call whose clusterer is the state's vectors (the partition starting at `base`,
    the stream window's start; None when no partition does)."""
    calls, state = [], None
    for k, part in enumerate(sorted(bounds, key=lambda b: b.start - b.end)):  # largest first
        at, rows, needed = arrival.pick(take[part.start : part.end], blocks)
        keep = part.start == base and part.end == len(take)
        worker = workers[k % len(workers)]
        calls.append(worker.link.remote(part, starts, keep, at, rows, *needed))
        state = calls[-1] if keep else state
    return calls, state


def collect(
    calls: Sequence[Any], n: int, starts: np.ndarray, options: ClusterOptions
) -> tuple[StreamClusterer, dict[str, dict[int, list[int]]]]:
    """The partitions' edges merged on the driver as the stream merges them
    (`stream_levels`: its levels, and each level's retired groups)."""
    import ray

    found: list[tuple[dict[str, LevelEdges], Any]] = ray.get(list(calls))
    edges = {name: LevelEdges.concat([f[name] for f, _ in found]) for name in LEVEL_NAMES}
    return stream_levels(n, edges, starts, options)
