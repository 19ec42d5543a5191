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
3. `stream_levels`: all partitions' edges merged as the stream merges them, link
   batch by link batch (`link_starts`: ingest's cuts), with its regrouping and
   window, on a clusterer holding only the levels: the stream's clusters given the
   stream's edges, and a cluster crossing a partition boundary is one cluster;
   `link_groups` merges the same edges best-first at once instead (what
   `recluster` does).

Background statistics: IDF is general-English IDF (idf.py), a fixed function of
the term, so every partition computes the same weight without a shuffle. What the
context stands in for is the stream's memory: boilerplate sentence counts, each
earlier article's density, and the neighbours of the first articles of a
partition. On news the stream's reach is its whole window (articles link far
back), so `overlap` at the window gives the stream's edges; a smaller one trades
agreement for work, measured (tests/batch, docs/benchmarks.md).
"""

from __future__ import annotations

import bisect
import itertools
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


def link_starts(write_batches: Sequence[int] | np.ndarray, step: int) -> np.ndarray:
    """Where the stream's link batches start among articles in arrival order, given
    each article's write batch (`ingest` hands the tracker the originals of each
    write batch of inputs; `StreamClusterer.add` links them `step` at a time from
    the call's first): a batch's edge weights use the densities after the whole
    batch, so the batch path links along the same cuts."""
    batches = np.asarray(write_batches, dtype=np.int64)
    if not len(batches):
        return np.zeros(0, dtype=np.int64)
    new_call = np.flatnonzero(np.r_[True, batches[1:] != batches[:-1]])
    ends = np.r_[new_call[1:], len(batches)]
    step = max(1, step)
    return np.concatenate([np.arange(a, b, step) for a, b in zip(new_call, ends, strict=True)])


def partition_bounds(
    n: int, size: int, overlap: int, starts: np.ndarray | None = None
) -> list[Bounds]:
    """Partitions of `n` articles in arrival order: `size` own articles each, after
    up to `overlap` articles of context. With `starts` (link_starts), every bound is
    moved to a link batch's start (own parts forward, contexts back, so a context is
    at least `overlap`): a partition then links along the stream's cuts."""
    size = max(1, size)
    if starts is None:
        return [Bounds(max(0, own - overlap), own, min(n, own + size)) for own in range(0, n, size)]
    return _snapped(n, list(range(0, n, size)), overlap, starts)


def _snapped(n: int, targets: Sequence[int], overlap: int, starts: np.ndarray) -> list[Bounds]:
    """Partitions owning from each of `targets`, every bound moved to a link batch's
    start (own parts forward, contexts back, so a context is at least `overlap`)."""
    cuts = [int(c) for c in starts if 0 <= c < n] or [0]
    owns = sorted({cuts[min(bisect.bisect_left(cuts, k), len(cuts) - 1)] for k in targets})
    out = []
    for k, own in enumerate(owns):
        end = owns[k + 1] if k + 1 < len(owns) else n
        start = cuts[max(0, bisect.bisect_right(cuts, own - overlap) - 1)]
        out.append(Bounds(min(start, own), own, end))
    return out if n else []


def balanced_bounds(n: int, parts: int, overlap: int, starts: np.ndarray) -> list[Bounds]:
    """At most `parts` partitions of `n` articles that each link about as many
    articles (own + context: linking is the work), so that `parts` workers finish
    together: the first owns L, each later one L - overlap after `overlap` of
    context, L = (n + (parts - 1) * overlap) / parts. Fewer partitions when a
    context would be all a partition links (n not above the overlap: one)."""
    parts = max(1, parts)
    while parts > 1 and (n + (parts - 1) * overlap) / parts <= overlap:
        parts -= 1
    linked = (n + (parts - 1) * overlap) / parts
    targets = [0] + [round(linked + k * (linked - overlap)) for k in range(parts - 1)]
    return _snapped(n, targets, overlap, starts)


def partition_edges(
    articles: Sequence[Article],
    bounds: Bounds,
    options: ClusterOptions,
    starts: np.ndarray | None = None,
) -> dict[str, LevelEdges]:
    """Each level's positive edges whose newer end is in `bounds`' own part.

    `articles` are positions bounds.start..bounds.end-1, in arrival order. They are
    linked a stream batch at a time (`starts`: the link batches' global starts,
    link_starts; default every `batch_size`), by the stream clusterer's own `link`
    (one scoring); context articles are linked too, so that the own articles see
    the memory the stream would have, but their edges are another partition's."""
    clusterer = partition_clusterer(articles, bounds, options, starts)
    return own_edges(clusterer, bounds)


def partition_clusterer(
    articles: Sequence[Article],
    bounds: Bounds,
    options: ClusterOptions,
    starts: np.ndarray | None = None,
) -> StreamClusterer:
    """The stream clusterer after linking `articles` (`partition_edges`' steps): when
    the partition starts where the stream's window does, its vectors, index and
    densities are the state's (newsfuse.batch.state.window_clusterer's)."""
    clusterer = StreamClusterer(options)
    if starts is None:
        cuts = list(range(0, len(articles), max(1, options.batch_size)))
    else:
        inside = np.asarray(starts, dtype=np.int64)
        inside = inside[(inside >= bounds.start) & (inside < bounds.end)] - bounds.start
        cuts = sorted({0, *inside.tolist()})
    for a, b in zip(cuts, [*cuts[1:], len(articles)], strict=True):
        clusterer.link(articles[a:b])
        if options.window > 0:
            clusterer.index.expire(clusterer.count - options.window)
    return clusterer


def own_edges(clusterer: StreamClusterer, bounds: Bounds) -> dict[str, LevelEdges]:
    """Each level's positive edges of a partition's clusterer whose newer end is in
    `bounds`' own part, in global positions."""
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


def _chunks_after(chunks: list[list[int]], first: int, size: int, window: int) -> int:
    """The stream index's chunk layout (first id, rows) after adding a batch and
    expiring (index.py: LSM merges, whole chunks leave the window): its first id,
    the stream's cutoff for forgetting clusters."""
    chunks.append([first, size])
    while len(chunks) > 1 and chunks[-2][1] <= chunks[-1][1]:
        chunks[-2][1] += chunks.pop()[1]
    count = first + size
    while window > 0 and chunks and chunks[0][0] + chunks[0][1] <= count - window:
        chunks.pop(0)
    return chunks[0][0] if chunks else count


def window_start(n: int, starts: np.ndarray, window: int) -> int:
    """Where the stream's window starts once `n` articles are linked along `starts`
    (the replay's `densities.base`, `stream_levels`), from the cuts alone: known
    before the replay, so the state's vectors can be linked while it runs."""
    chunks: list[list[int]] = []
    base = 0
    cuts = [int(s) for s in starts if 0 <= s < n] + [n]
    for first, end in itertools.pairwise(cuts):
        base = max(base, _chunks_after(chunks, first, end - first, window))
    return base


def _forget(shell: StreamClusterer, cutoff: int, retired: dict[str, dict[int, list[int]]]) -> None:
    """StreamClusterer.expire on the levels alone: clusters with no article left in
    the index leave the graph (kept in `retired`), old edge runs are dropped."""
    if cutoff <= shell.densities.base:
        return
    shell.densities.base = cutoff
    for name, lv in shell.levels.items():
        lv.edges = [e for e in lv.edges if len(e[0]) and e[0].max() >= cutoff]
        old = [s for s, newest in lv.newest.items() if newest < cutoff]
        for story in old:
            del lv.newest[story]
        retired[name].update(lv.graph.forget(old))


def stream_levels(
    n: int, edges: dict[str, LevelEdges], starts: np.ndarray, options: ClusterOptions
) -> tuple[StreamClusterer, dict[str, dict[int, list[int]]]]:
    """The stream's merge decisions replayed over all partitions' edges.

    Merging best-first over the whole graph (link_groups, what `recluster` does)
    and merging as articles arrive (`StreamClusterer.add`: each link batch merged
    into what exists, regrouped every few batches) differ by the stream's order-
    dependence (BCubed 0.992 on Multi-News train): the batch is to build the
    archive `ingest` builds, so the driver replays the stream's own steps, batch by
    batch (`starts`, link_starts), on a clusterer holding only the levels: its
    `agglomerate`, `refresh` and window. Returns that clusterer (its levels are the
    stream's; the vectors are not there) and each level's retired clusters."""
    shell = StreamClusterer(options)
    sorted_edges = {}
    for name, e in edges.items():
        order = np.argsort(e.rows, kind="stable")  # keeps each article's link order
        rows, cols, weights = e.rows[order], e.cols[order], e.weights[order]
        sorted_edges[name] = (rows, cols, weights, np.searchsorted(rows, np.arange(n + 1)))
    retired: dict[str, dict[int, list[int]]] = {name: {} for name in LEVEL_NAMES}
    step = max(1, options.batch_size)
    every = {"storyline": options.refresh_batches, "event": options.event_refresh_batches}
    chunks: list[list[int]] = []
    cuts = [int(s) for s in starts if 0 <= s < n] + [n]
    for first, end in itertools.pairwise(cuts):
        shell.index.count = end
        for name, lv in shell.levels.items():
            rows, cols, weights, at = sorted_edges[name]
            for a in range(first, end):
                lo, hi = at[a], at[a + 1]
                lv.graph.add(a, zip(cols[lo:hi].tolist(), weights[lo:hi].tolist(), strict=True))
                lv.newest[a] = a
            lo, hi = at[first], at[end]
            lv.edges.append((rows[lo:hi], cols[lo:hi], weights[lo:hi]))
        for name, lv in shell.levels.items():
            for kept, gone in lv.graph.agglomerate(range(first, end)):
                lv.newest[kept] = max(lv.newest[kept], lv.newest.pop(gone))
            period = step * max(1, every[name])
            if every[name] > 0 and first // period != end // period:
                shell.refresh(name)
        _forget(shell, _chunks_after(chunks, first, end - first, options.window), retired)
    return shell, retired


def stream_groups(
    n: int, edges: dict[str, LevelEdges], starts: np.ndarray, options: ClusterOptions
) -> dict[str, list[list[int]]]:
    """Each level's groups (sorted positions, sorted) as the stream forms them."""
    shell, retired = stream_levels(n, edges, starts, options)
    return {name: shell.groups(name, retired[name]) for name in LEVEL_NAMES}
