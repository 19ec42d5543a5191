"""Edge weights between arriving and earlier articles: cosine minus local density.

A raw cosine means different things in different places: in Multi-News, many
US-politics articles about different events are all ~0.2 alike, while a
Wikinews story among unrelated ones holds together at 0.1. As in the batch
graph (graph.local_scaling, after CSLS, Conneau et al. 2018), an edge loses
`density_correction` x the mean neighbourhood density of its two ends, where an
article's density is the mean of its k best similarities. Here densities are
those known when the edge is made (the new article's against everything
earlier, the earlier one's including what arrived since), so a weight never
depends on articles that have not arrived yet.

A learned edge model (boosted trees on cosine, densities, neighbour rank and
length, trained on Multi-News train pairs) was tried and not kept: +3.9 BCubed
F1 points on Multi-News val but -50 on Wikinews, because it learns
Multi-News's 2-3 articles per story (docs/tuning.md, 2026-11-21 stream).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

import numpy as np


class Densities:
    """Each active article's k best similarities so far (descending; missing = 0).

    Row r holds article id `base + r`; ids below `base` have left the window.
    """

    def __init__(self, k: int) -> None:
        self.k = k
        self.base = 0
        self.values = np.zeros((0, k), dtype=np.float64)

    TRANSIENT: ClassVar[frozenset[str]] = frozenset({"k"})  # from the options

    def to_state(self, rows: int | None = None) -> dict[str, Any]:
        """By field; `rows`: the active ones (rows past them are spare capacity)."""
        return {"values": self.values[:rows], "base": self.base}

    def restore(self, state: Mapping[str, Any]) -> None:
        self.values = state["values"]
        self.base = int(state["base"])

    def grow(self, n: int) -> None:
        """Room for ids < n (amortised doubling)."""
        if n - self.base > len(self.values):
            extra = max(n - self.base - len(self.values), len(self.values) // 2)
            self.values = np.vstack([self.values, np.zeros((extra, self.k))])

    def drop_before(self, base: int) -> None:
        """Forget ids < base."""
        if base > self.base:
            self.values = self.values[base - self.base :].copy()
            self.base = base

    def update(self, rows: np.ndarray, cols: np.ndarray, sims: np.ndarray) -> None:
        """Offer every edge to both of its ends' top-k lists.

        Only offers above an end's current k-th value can change its list, and
        most earlier ends already hold better ones: the others are dropped
        before the sort (the lists come out the same).
        """
        ends = np.concatenate([rows, cols]) - self.base
        offered = np.concatenate([sims, sims])
        enters = offered > self.values[ends, -1]
        ends, offered = ends[enters], offered[enters]
        if not len(ends):
            return
        touched = np.unique(ends)
        owner = np.concatenate([np.repeat(touched, self.k), ends])
        vals = np.concatenate([self.values[touched].ravel(), offered])
        order = np.lexsort((-vals, owner))
        owner, vals = owner[order], vals[order]
        rank = np.arange(len(owner)) - np.searchsorted(owner, owner, side="left")
        top = rank < self.k
        fresh = np.zeros((len(touched), self.k))
        fresh[np.searchsorted(touched, owner[top]), rank[top]] = vals[top]
        self.values[touched] = fresh

    def mean(self, ids: np.ndarray) -> np.ndarray:
        return np.asarray(self.values[ids - self.base].mean(axis=1))


def link_weights(
    rows: np.ndarray,
    cols: np.ndarray,
    sims: np.ndarray,
    densities: Densities,
    beta: float,
    cap: float | None = None,
) -> np.ndarray:
    """Cosine minus beta x the ends' mean density (> 0 links; <= 0 is dropped).

    With `cap`, a density counts at most that much: a neighbourhood that alike is
    one big story (70 near-identical headlines of one Google News story), not a
    hub, and subtracting all of it cut that story's own links (events, levels.py).
    """
    a, b = densities.mean(rows), densities.mean(cols)
    if cap is not None:
        a, b = np.minimum(a, cap), np.minimum(b, cap)
    return np.asarray(sims - beta * (a + b) / 2)
