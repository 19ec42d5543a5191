"""Clustering as Ray Data stages: partitions scored where they live, one linkage.

Rows in: ``order`` (the article's place among the articles to cluster, 0..n-1, in
arrival order) and the article's fields. Each row goes to its own partition and,
when it falls in the next partition's overlap, to that one too as context (one
shuffle of the article rows, 1 + overlap/size times their size). Each partition
runs `newsfuse.cluster.partition.partition_edges` (the stream clusterer's own
linking) in a worker; only the positive edges reach the driver, where
`stream_levels` replays the stream's merge steps over them (one graph per level:
a cluster crossing a partition boundary is one cluster).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import replace
from functools import partial
from typing import Any

import numpy as np
import pyarrow as pa
import ray.data

from newsfuse.batch.read import row_article
from newsfuse.cluster.partition import (
    Bounds,
    LevelEdges,
    link_starts,
    partition_bounds,
    partition_edges,
    stream_levels,
)
from newsfuse.cluster.stream import LEVEL_NAMES, StreamClusterer
from newsfuse.config import ClusterOptions
from newsfuse.text.sentences import split_sentences
from newsfuse.types import Article


def full_article(row: dict[str, Any]) -> Article:
    """The article of a row with its sentences (split where the row is, not shipped)."""
    article = row_article(row)
    return replace(article, sentences=split_sentences(article.id, article.body))


def _to_partitions(row: dict[str, Any], bounds: list[Bounds]) -> list[dict[str, Any]]:
    """The row in its own partition and, as context, in every later one whose
    context reaches back to it."""
    order = int(row["order"])
    owns = [b.own for b in bounds]
    own = max(0, bisect.bisect_right(owns, order) - 1)
    out = [{**row, "part": own}]
    for later in range(own + 1, len(bounds)):
        if bounds[later].start > order:
            break
        out.append({**row, "part": later})
    return out


def _edges(
    group: pa.Table, bounds: list[Bounds], starts: np.ndarray, options: ClusterOptions
) -> Iterator[Any]:
    rows = sorted(group.to_pylist(), key=lambda r: int(r["order"]))
    part = bounds[int(rows[0]["part"])]
    assert len(rows) == part.end - part.start, (part, len(rows))
    found = partition_edges([full_article(r) for r in rows], part, options, starts)
    for level, edges in found.items():
        yield {
            "level": np.full(len(edges.rows), LEVEL_NAMES.index(level), dtype=np.int8),
            "row": edges.rows,
            "col": edges.cols,
            "weight": edges.weights,
        }


def partition_edges_ds(
    rows: ray.data.Dataset, bounds: list[Bounds], starts: np.ndarray, options: ClusterOptions
) -> ray.data.Dataset:
    """Every partition's positive edges (level, row, col, weight) of `rows`."""
    parts = rows.flat_map(partial(_to_partitions, bounds=bounds))
    return parts.groupby("part", num_partitions=min(len(bounds), 64)).map_groups(
        partial(_edges, bounds=bounds, starts=starts, options=options), batch_format="pyarrow"
    )


def cluster(
    rows: ray.data.Dataset,
    n: int,
    options: ClusterOptions,
    size: int,
    overlap: int,
    write_batches: np.ndarray,
) -> tuple[StreamClusterer, dict[str, dict[int, list[int]]]]:
    """The `n` rows clustered as the stream clusters them: partitions linked in the
    workers along the stream's link batches (`write_batches`: each row's write batch,
    as `ingest` cuts its input), their edges merged on the driver by replaying the
    stream's steps (`stream_levels`: its levels, and each level's retired groups)."""
    starts = link_starts(write_batches, options.batch_size)
    bounds = partition_bounds(n, size, overlap, starts)
    found: dict[int, list[LevelEdges]] = {k: [] for k in range(len(LEVEL_NAMES))}
    for batch in partition_edges_ds(rows, bounds, starts, options).iter_batches(
        batch_format="numpy"
    ):
        for k in found:
            pick = batch["level"] == k
            found[k].append(
                LevelEdges(batch["row"][pick], batch["col"][pick], batch["weight"][pick])
            )
    edges = {name: LevelEdges.concat(found[k]) for k, name in enumerate(LEVEL_NAMES)}
    return stream_levels(n, edges, starts, options)
