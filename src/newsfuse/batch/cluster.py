"""Clustering as Ray Data stages: partitions scored where they live, one linkage.

Rows in: ``order`` (the article's place among the articles to cluster, 0..n-1, in
arrival order) and the article's fields. Each row goes to its own partition and,
when it falls in the next partition's overlap, to that one too as context (one
shuffle of the article rows, 1 + overlap/size times their size). Each partition
runs `newsfuse.cluster.partition.partition_edges` (the stream clusterer's own
linking) in a worker; only the positive edges reach the driver, where
`link_groups` merges them into one graph per level and agglomerates it with the
stream's score.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from functools import partial
from typing import Any

import numpy as np
import pyarrow as pa
import ray.data

from newsfuse.batch.read import row_article
from newsfuse.cluster.partition import Bounds, LevelEdges, link_groups, partition_edges
from newsfuse.cluster.stream import LEVEL_NAMES
from newsfuse.config import ClusterOptions
from newsfuse.text.sentences import split_sentences
from newsfuse.types import Article


def full_article(row: dict[str, Any]) -> Article:
    """The article of a row with its sentences (split where the row is, not shipped)."""
    article = row_article(row)
    return replace(article, sentences=split_sentences(article.id, article.body))


def _to_partitions(row: dict[str, Any], size: int, overlap: int) -> list[dict[str, Any]]:
    order = int(row["order"])
    own = order // size
    out = [{**row, "part": own}]
    if overlap > 0 and order >= (own + 1) * size - overlap:
        out.append({**row, "part": own + 1})
    return out


def _edges(group: pa.Table, size: int, overlap: int, options: ClusterOptions) -> Iterator[Any]:
    rows = sorted(group.to_pylist(), key=lambda r: int(r["order"]))
    part = int(rows[0]["part"])
    own = part * size
    bounds = Bounds(own - sum(1 for r in rows if int(r["order"]) < own), own, own + size)
    found = partition_edges([full_article(r) for r in rows], bounds, options)
    for level, edges in found.items():
        yield {
            "level": np.full(len(edges.rows), LEVEL_NAMES.index(level), dtype=np.int8),
            "row": edges.rows,
            "col": edges.cols,
            "weight": edges.weights,
        }


def partition_edges_ds(
    rows: ray.data.Dataset, n_rows: int, options: ClusterOptions, size: int, overlap: int
) -> ray.data.Dataset:
    """Every partition's positive edges (level, row, col, weight) of `rows`."""
    parts = rows.flat_map(partial(_to_partitions, size=size, overlap=overlap))
    parts_n = max(1, -(-n_rows // size))
    edges = parts.groupby("part", num_partitions=min(parts_n, 64)).map_groups(
        partial(_edges, size=size, overlap=overlap, options=options), batch_format="pyarrow"
    )
    return edges


def cluster(
    rows: ray.data.Dataset, n: int, options: ClusterOptions, size: int, overlap: int
) -> dict[str, list[list[int]]]:
    """Groups of `order` values per level ("event", "storyline") for the `n` rows."""
    found: dict[int, list[LevelEdges]] = {k: [] for k in range(len(LEVEL_NAMES))}
    for batch in partition_edges_ds(rows, n, options, size, overlap).iter_batches(
        batch_format="numpy"
    ):
        for k in found:
            pick = batch["level"] == k
            found[k].append(
                LevelEdges(batch["row"][pick], batch["col"][pick], batch["weight"][pick])
            )
    return {
        name: link_groups(n, LevelEdges.concat(found[k]), options, name)
        for k, name in enumerate(LEVEL_NAMES)
    }
