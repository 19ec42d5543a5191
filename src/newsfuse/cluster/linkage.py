"""Average-linkage agglomeration over a sparse similarity graph.

Clusters merge, best pair first, while the mean similarity over all cross
pairs stays >= threshold; pairs without an edge count as 0, so a big cluster
must be broadly similar to join another, not linked through one article
(single-link chaining). With centroid_weight (alpha) > 0 the mean is divided
by (|mean_a| |mean_b|)^alpha, moving toward centroid cosine: a story told in
many loosely similar updates (Wikinews) still joins, measured in
docs/tuning.md. Cross sums are kept per cluster pair in dicts, so cost
grows with the number of edges, not n^2. An optional date-span limit acts as
cannot-link: two articles more than max_gap days apart never share a cluster.
"""

from __future__ import annotations

import heapq

import numpy as np
from scipy import sparse

NO_DATE = np.iinfo(np.int64).min  # marks an unknown date in `days`


class _Clusters:
    """Union state: members, cross-similarity sums, sizes and date spans."""

    def __init__(self, graph: sparse.csr_matrix, days: np.ndarray) -> None:
        n = graph.shape[0]
        self.members: list[list[int]] = [[i] for i in range(n)]
        self.size = [1] * n
        self.links: list[dict[int, float]] = [{} for _ in range(n)]
        coo = sparse.triu(graph, k=1).tocoo()
        for i, j, v in zip(coo.row.tolist(), coo.col.tolist(), coo.data.tolist(), strict=True):
            self.links[i][j] = v
            self.links[j][i] = v
        known = days != NO_DATE
        self.first: list[int] = np.where(known, days, np.iinfo(np.int64).max).tolist()
        self.last: list[int] = days.tolist()
        self.version = [0] * n
        self.within = [0.0] * n  # sum of similarities over pairs inside the cluster

    def score(self, a: int, b: int, alpha: float) -> float:
        """Mean cross similarity over (|mean_a| |mean_b|)^alpha.

        |mean_x|^2 = (|x| + 2 within_x) / |x|^2 is the squared norm of the
        cluster's mean vector; alpha=0 is plain average linkage, alpha=1 the
        cosine between cluster centroids.
        """
        avg = self.links[a].get(b, 0.0) / (self.size[a] * self.size[b])
        if alpha == 0.0:
            return avg
        na = (self.size[a] + 2 * self.within[a]) / self.size[a] ** 2
        nb = (self.size[b] + 2 * self.within[b]) / self.size[b] ** 2
        return float(avg / (na * nb) ** (alpha / 2))

    def span_ok(self, a: int, b: int, max_gap: int | None) -> bool:
        """Would the merged cluster's dates stay within max_gap days?"""
        if max_gap is None:
            return True
        last = max(self.last[a], self.last[b])
        if last == NO_DATE:
            return True
        return last - min(self.first[a], self.first[b]) <= max_gap

    def merge(self, a: int, b: int) -> int:
        """Merge b and a into whichever has more links; return the survivor."""
        if len(self.links[a]) < len(self.links[b]):
            a, b = b, a
        la, lb = self.links[a], self.links[b]
        self.within[a] += self.within[b] + la.get(b, 0.0)
        la.pop(b, None)
        lb.pop(a, None)
        for c, v in lb.items():
            la[c] = la.get(c, 0.0) + v
            lc = self.links[c]
            lc[a] = lc.get(a, 0.0) + lc.pop(b)
        self.links[b] = {}
        self.members[a].extend(self.members[b])
        self.members[b] = []
        self.size[a] += self.size[b]
        self.first[a] = min(self.first[a], self.first[b])
        self.last[a] = max(self.last[a], self.last[b])
        self.version[a] += 1
        self.version[b] += 1
        return a


def average_linkage(
    graph: sparse.csr_matrix,
    threshold: float,
    days: np.ndarray | None = None,
    max_gap: int | None = None,
    alpha: float = 0.0,
) -> list[list[int]]:
    """Groups of node indices (each ascending, groups by smallest index)."""
    n = graph.shape[0]
    if days is None:
        days = np.full(n, NO_DATE, dtype=np.int64)
    state = _Clusters(graph, days)
    heap: list[tuple[float, int, int, int, int]] = []
    for a in range(n):
        for b, v in state.links[a].items():
            if a < b and v >= threshold:
                heap.append((-v, a, b, 0, 0))
    heapq.heapify(heap)
    while heap:
        _, a, b, va, vb = heapq.heappop(heap)
        if va != state.version[a] or vb != state.version[b]:
            continue  # stale: one side has merged since this entry was pushed
        if not state.span_ok(a, b, max_gap):
            continue
        c = state.merge(a, b)
        vc = state.version[c]
        for d in state.links[c]:
            avg = state.score(c, d, alpha)
            if avg >= threshold:
                x, y = (c, d) if c < d else (d, c)
                vx, vy = (vc, state.version[d]) if c < d else (state.version[d], vc)
                heapq.heappush(heap, (-avg, x, y, vx, vy))
    groups = [sorted(m) for m in state.members if m]
    return sorted(groups, key=lambda g: g[0])
