"""Sparse top-k cosine neighbour graph (exact, in row blocks) and its density correction.

A dense n x n similarity matrix needs 1.8 GB at 15k articles and 80 GB at
100k; multiplying a block of rows at a time and keeping each row's k best
neighbours keeps memory at O(n k) (plus one block) while staying exact.
"""

from __future__ import annotations

import numpy as np
from scipy import sparse

BLOCK_CELLS = 1 << 24  # similarity cells per block, bounding the block product's size


def top_k_edges(
    rows: np.ndarray, cols: np.ndarray, vals: np.ndarray, k: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each row's k largest edges; ties go to the lower column, so output is deterministic."""
    order = np.lexsort((cols, -vals, rows))
    rows, cols, vals = rows[order], cols[order], vals[order]
    rank = np.arange(len(rows)) - np.searchsorted(rows, rows, side="left")
    top = rank < k
    return rows[top], cols[top], vals[top]


def _top_k_block(
    sims: sparse.csr_matrix, row_offset: int, k: int, min_sim: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(rows, cols, values) of the k largest off-diagonal entries >= min_sim per row.

    Works on the sparse entries only: drop weak and self pairs, then keep each
    row's k best.
    """
    coo = sims.tocoo()
    rows = coo.row.astype(np.int64) + row_offset
    cols = coo.col.astype(np.int64)
    keep = (coo.data >= min_sim) & (rows != cols)
    return top_k_edges(rows[keep], cols[keep], coo.data[keep], k)


def symmetric_graph(
    parts: list[tuple[np.ndarray, np.ndarray, np.ndarray]], n: int
) -> sparse.csr_matrix:
    """n x n graph of the (rows, cols, values) edge parts, made symmetric by max."""
    rows = np.concatenate([p[0] for p in parts]) if parts else np.empty(0, dtype=np.int64)
    cols = np.concatenate([p[1] for p in parts]) if parts else np.empty(0, dtype=np.int64)
    vals = np.concatenate([p[2] for p in parts]) if parts else np.empty(0)
    graph = sparse.csr_matrix((vals, (rows, cols)), shape=(n, n))
    # Similarity is symmetric, so an edge kept by either endpoint has the same value.
    return sparse.csr_matrix(graph.maximum(graph.T))


def knn_graph(matrix: sparse.csr_matrix, k: int, min_sim: float) -> sparse.csr_matrix:
    """Exact symmetric graph of each row's k most cosine-similar rows (rows L2-normalized).

    Scores all pairs, so time is quadratic in n; candidates.py is the scalable
    path and this the reference it is measured against.
    """
    n = matrix.shape[0]
    transposed = sparse.csr_matrix(matrix.T)  # CSR once, not per block
    parts: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    step = max(1, BLOCK_CELLS // max(n, 1))
    for start in range(0, n, step):
        block = matrix[start : start + step] @ transposed
        parts.append(_top_k_block(sparse.csr_matrix(block), start, k, min_sim))
    return symmetric_graph(parts, n)


def neighbourhood_density(graph: sparse.csr_matrix, k: int) -> np.ndarray:
    """Mean similarity of each row's k strongest edges (missing edges count as 0).

    The symmetric graph holds each row's own top k plus weaker edges added by
    symmetry, so its k largest entries per row are exactly that row's top k.
    """
    coo = graph.tocoo()
    order = np.lexsort((-coo.data, coo.row))
    rows, vals = coo.row[order], coo.data[order]
    rank = np.arange(len(rows)) - np.searchsorted(rows, rows, side="left")
    top = rank < k
    sums = np.bincount(rows[top], weights=vals[top], minlength=graph.shape[0])
    return np.asarray(sums / max(k, 1))


def local_scaling(graph: sparse.csr_matrix, k: int, beta: float) -> sparse.csr_matrix:
    """Edges minus beta x the mean neighbourhood density of their ends; <= 0 dropped.

    Hubness correction after CSLS (Conneau et al., 2018). A fixed cosine
    threshold means different things in a dense region (Multi-News: many
    US-politics articles about different events, all ~0.2 alike) and a sparse
    one (a Wikinews story among unrelated ones); subtracting each article's
    typical similarity to its k nearest neighbours makes the threshold relative
    to that density (docs/tuning.md: +3 val BCubed F1 points at equal Wikinews).
    """
    if beta == 0.0:
        return graph
    density = neighbourhood_density(graph, k)
    coo = graph.tocoo()
    vals = coo.data - beta * (density[coo.row] + density[coo.col]) / 2
    keep = vals > 0
    return sparse.csr_matrix(
        (vals[keep], (coo.row[keep], coo.col[keep])), shape=graph.shape, dtype=np.float64
    )
