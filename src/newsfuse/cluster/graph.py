"""Sparse top-k cosine neighbour graph, built in row blocks.

A dense n x n similarity matrix needs 1.8 GB at 15k articles and 80 GB at
100k; multiplying a block of rows at a time and keeping each row's k best
neighbours keeps memory at O(n k) (plus one block) while staying exact.
"""

from __future__ import annotations

import numpy as np
from scipy import sparse

BLOCK_CELLS = 1 << 24  # similarity cells per block, bounding the block product's size


def _top_k_block(
    sims: sparse.csr_matrix, row_offset: int, k: int, min_sim: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(rows, cols, values) of the k largest off-diagonal entries >= min_sim per row.

    Works on the sparse entries only: drop weak and self pairs, then sort by
    (row, -similarity, column) and keep each row's first k.
    """
    coo = sims.tocoo()
    rows = coo.row.astype(np.int64) + row_offset
    cols = coo.col.astype(np.int64)
    keep = (coo.data >= min_sim) & (rows != cols)
    rows, cols, vals = rows[keep], cols[keep], coo.data[keep]
    order = np.lexsort((cols, -vals, rows))
    rows, cols, vals = rows[order], cols[order], vals[order]
    starts = np.searchsorted(rows, rows, side="left")
    rank = np.arange(len(rows)) - starts
    top = rank < k
    return rows[top], cols[top], vals[top]


def knn_graph(matrix: sparse.csr_matrix, k: int, min_sim: float) -> sparse.csr_matrix:
    """Symmetric graph of each row's k most cosine-similar rows (rows L2-normalized)."""
    n = matrix.shape[0]
    transposed = sparse.csr_matrix(matrix.T)  # CSR once, not per block
    parts: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    step = max(1, BLOCK_CELLS // max(n, 1))
    for start in range(0, n, step):
        block = matrix[start : start + step] @ transposed
        parts.append(_top_k_block(sparse.csr_matrix(block), start, k, min_sim))
    rows = np.concatenate([p[0] for p in parts]) if parts else np.empty(0, dtype=np.int64)
    cols = np.concatenate([p[1] for p in parts]) if parts else np.empty(0, dtype=np.int64)
    vals = np.concatenate([p[2] for p in parts]) if parts else np.empty(0)
    graph = sparse.csr_matrix((vals, (rows, cols)), shape=(n, n))
    # Similarity is symmetric, so an edge kept by either endpoint has the same value.
    return sparse.csr_matrix(graph.maximum(graph.T))
