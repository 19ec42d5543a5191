"""Clustering as partitions: the stream's scoring as pure functions for a batch engine.

The stream clusterer (stream.py) links each arriving article to its best earlier
neighbours and merges best-first. At archive scale the linking is the work
(vectors, neighbour search, density-corrected weights) and it is local in time: an
article links only to articles shortly before it. So the batch path cuts the
arrival order into partitions of `size` articles, each preceded by `overlap`
articles of context, and scores each partition where it lives:

1. `partition_bounds`: the partitions (context start, own start, end);
2. `partition_edges`: the positive event and storyline edges whose newer end is in
   the partition's own part, made by the stream clusterer's own `link` (the same
   vectorizer, background IDF, neighbour index, densities and event similarity)
   over the context and the partition, in arrival order;
3. `link_groups`: all partitions' edges merged into one graph per level and
   agglomerated best-first with the stream's StoryGraph score (what `recluster`
   does): a cluster crossing a partition boundary is one cluster.

Background statistics: IDF is general-English IDF (idf.py), a fixed function of
the term, so every partition computes the same weight without a shuffle. What the
context stands in for is the stream's memory: boilerplate sentence counts, each
earlier article's density, and the neighbours of the first articles of a
partition. With `overlap` at least the stream's useful reach, an edge is the
stream's edge; the agreement is measured, not assumed (tests/batch,
docs/batch.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from newsfuse.cluster.stories import StoryGraph
from newsfuse.cluster.stream import LEVEL_NAMES, StreamClusterer
from newsfuse.config import ClusterOptions
from newsfuse.types import Article


@dataclass(frozen=True)
class Bounds:
    """One partition of the arrival order: context [start, own), own part [own, end)."""

    start: int
    own: int
    end: int


@dataclass(frozen=True)
class LevelEdges:
    """Positive edges of one level, newer end first, in global arrival positions."""

    rows: np.ndarray
    cols: np.ndarray
    weights: np.ndarray

    @classmethod
    def empty(cls) -> LevelEdges:
        none = np.zeros(0, dtype=np.int64)
        return cls(none, none, np.zeros(0, dtype=np.float64))

    @classmethod
    def concat(cls, parts: Sequence[LevelEdges]) -> LevelEdges:
        if not parts:
            return cls.empty()
        return cls(
            np.concatenate([p.rows for p in parts]).astype(np.int64),
            np.concatenate([p.cols for p in parts]).astype(np.int64),
            np.concatenate([p.weights for p in parts]).astype(np.float64),
        )


def partition_bounds(n: int, size: int, overlap: int) -> list[Bounds]:
    """Partitions of `n` articles in arrival order: `size` own articles each, after
    up to `overlap` articles of context."""
    size = max(1, size)
    return [Bounds(max(0, own - overlap), own, min(n, own + size)) for own in range(0, n, size)]


def partition_edges(
    articles: Sequence[Article], bounds: Bounds, options: ClusterOptions
) -> dict[str, LevelEdges]:
    """Each level's positive edges whose newer end is in `bounds`' own part.

    `articles` are positions bounds.start..bounds.end-1, in arrival order. They are
    linked `batch_size` at a time, as the stream links them, by the stream
    clusterer's own `link` (one scoring); context articles are linked too, so that
    the own articles see the memory the stream would have, but their edges are
    another partition's."""
    clusterer = StreamClusterer(options)
    step = max(1, options.batch_size)
    for start in range(0, len(articles), step):
        clusterer.link(articles[start : start + step])
        if options.window > 0:
            clusterer.index.expire(clusterer.count - options.window)
    own = bounds.own - bounds.start
    out = {}
    for name in LEVEL_NAMES:
        runs = clusterer.levels[name].edges
        edges = LevelEdges.concat([LevelEdges(*run) for run in runs])
        keep = edges.rows >= own
        out[name] = LevelEdges(
            edges.rows[keep] + bounds.start,
            edges.cols[keep] + bounds.start,
            edges.weights[keep],
        )
    return out


def level_graph(n: int, edges: LevelEdges, options: ClusterOptions, level: str) -> StoryGraph:
    """The level's StoryGraph of `n` one-article stories and `edges`, each article
    added in arrival order with its links to earlier ones (as the stream adds it)."""
    threshold, alpha = (
        (options.event_threshold, options.event_centroid_weight)
        if level == "event"
        else (options.threshold, options.centroid_weight)
    )
    graph = StoryGraph(threshold, alpha)
    order = np.lexsort((edges.cols, edges.rows))
    rows, cols, weights = edges.rows[order], edges.cols[order], edges.weights[order]
    bounds = np.searchsorted(rows, np.arange(n + 1))
    for article in range(n):
        lo, hi = bounds[article], bounds[article + 1]
        graph.add(article, zip(cols[lo:hi].tolist(), weights[lo:hi].tolist(), strict=True))
    return graph


def link_groups(
    n: int, edges: LevelEdges, options: ClusterOptions, level: str = "event"
) -> list[list[int]]:
    """Groups (sorted positions, sorted) of `n` articles from every partition's
    edges of `level`: one graph, merged best-first with the stream's score."""
    graph = level_graph(n, edges, options, level)
    graph.agglomerate()
    return sorted(sorted(m) for m in graph.members.values())


def cluster_partitioned(
    articles: Sequence[Article],
    options: ClusterOptions,
    size: int,
    overlap: int,
    level: str = "event",
) -> list[list[int]]:
    """All steps in one process (the reference an engine is compared with): groups
    of indices into `articles`, as `cluster_batch` returns them."""
    parts = [
        partition_edges(articles[b.start : b.end], b, options)[level]
        for b in partition_bounds(len(articles), size, overlap)
    ]
    return link_groups(len(articles), LevelEdges.concat(parts), options, level)
