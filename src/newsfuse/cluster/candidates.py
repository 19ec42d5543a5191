"""Near-linear top-k cosine graph: inverted-index candidates, exact cosine on candidates only.

The exact graph (graph.knn_graph) scores every pair: 6 s at 10k articles, ~400 s
at 93k. Two articles about one event share some of their highest-weighted
terms (names, places, rare nouns), so candidates come from a pruned index:

1. each article keeps its `terms` highest TF-IDF terms (its "top terms");
2. postings of a top term longer than `max_postings` are dropped: a term that
   many articles rank high ("president", "police") carries little event
   signal, and these lists are what make all-pairs scoring quadratic;
3. candidates of an article = articles sharing a kept top term, ranked by the
   pruned product (the sum of top-term weight products), best `limit` kept;
4. candidates are re-scored with the exact cosine of the full vectors, and the
   usual top-k >= min_sim edges are kept, so edge values (and the thresholds
   tuned on them) mean what they meant with the exact graph.

Work per article is bounded by terms x max_postings (candidates) and limit x
row length (exact scores), so time grows linearly with n; memory is one block
(docs/tuning.md, 2026-11-21: measurements).
"""

from __future__ import annotations

import numpy as np
from scipy import sparse

from newsfuse.cluster.graph import knn_graph, symmetric_graph, top_k_edges
from newsfuse.config import ClusterOptions

BLOCK_CELLS = 1 << 24  # dense block-row lookup table (rows x vocabulary), 128 MB
LEVELS = 1024  # score levels for the linear-time per-row candidate cut


def top_terms(matrix: sparse.csr_matrix, terms: int) -> sparse.csr_matrix:
    """Each row's `terms` largest entries (ties: lower column first), others dropped."""
    coo = matrix.tocoo()
    order = np.lexsort((coo.col, -coo.data, coo.row))
    rows = coo.row[order]
    rank = np.arange(len(rows)) - np.searchsorted(rows, rows, side="left")
    keep = order[rank < terms]
    return sparse.csr_matrix(
        (coo.data[keep], (coo.row[keep], coo.col[keep])), shape=matrix.shape, dtype=np.float64
    )


def cap_postings(pruned: sparse.csr_matrix, max_postings: int) -> sparse.csr_matrix:
    """Drop columns (terms) kept as a top term by more than max_postings rows (0 = no cap)."""
    if max_postings <= 0:
        return pruned
    df = np.bincount(pruned.indices, minlength=pruned.shape[1])
    capped = sparse.csr_matrix(pruned @ sparse.diags((df <= max_postings).astype(np.float64)))
    capped.eliminate_zeros()
    return capped


def best_candidates(
    scores: sparse.csr_matrix, offset: int, limit: int
) -> tuple[np.ndarray, np.ndarray]:
    """(rows, cols) of each row's ~`limit` best-scored off-diagonal candidates.

    A full sort of every candidate list costs more than the exact scoring it
    saves, so the cut is linear: scores are bucketed into LEVELS sqrt-spaced
    levels and each row keeps the levels from the top down until it has at
    least `limit` candidates (a tie at the cut keeps the whole level, so a row
    may get a few more). limit 0 keeps all.
    """
    local = np.repeat(np.arange(scores.shape[0], dtype=np.int64), np.diff(scores.indptr))
    cols = scores.indices.astype(np.int64)
    vals = scores.data
    keep = local + offset != cols
    local, cols, vals = local[keep], cols[keep], vals[keep]
    if limit > 0 and len(vals):
        level = np.minimum((np.sqrt(np.maximum(vals, 0.0)) * LEVELS).astype(np.int64), LEVELS - 1)
        hist = np.bincount(local * LEVELS + level, minlength=scores.shape[0] * LEVELS)
        at_or_above = np.cumsum(hist.reshape(-1, LEVELS)[:, ::-1], axis=1)[:, ::-1]
        cut = np.maximum((at_or_above >= limit).sum(axis=1) - 1, 0)
        keep = level >= cut[local]
        local, cols = local[keep], cols[keep]
    return local + offset, cols


def pair_cosines(
    matrix: sparse.csr_matrix, lookup: np.ndarray, local: np.ndarray, cols: np.ndarray
) -> np.ndarray:
    """Exact dot product of block row `local[p]` (dense in `lookup`) with row `cols[p]`.

    Gathering the candidate rows and reading the block's weights from a flat
    dense table is one vectorized pass over the candidates' nonzeros.
    """
    other = matrix[cols]
    lengths = np.diff(other.indptr)
    width = matrix.shape[1]
    flat = np.repeat(local * width, lengths) + other.indices
    products = np.append(lookup.take(flat) * other.data, 0.0)
    sums = np.add.reduceat(products, other.indptr[:-1].astype(np.int64))
    return np.asarray(np.where(lengths > 0, sums, 0.0))


def candidate_knn_graph(
    matrix: sparse.csr_matrix,
    k: int,
    min_sim: float,
    terms: int,
    max_postings: int,
    limit: int,
) -> sparse.csr_matrix:
    """Symmetric top-k cosine graph over index candidates (rows L2-normalized)."""
    n, width = matrix.shape
    index = cap_postings(top_terms(matrix, terms), max_postings)
    transposed = sparse.csr_matrix(index.T)
    step = max(1, BLOCK_CELLS // max(width, 1))
    lookup = np.zeros(step * width)
    parts: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    for start in range(0, n, step):
        block = matrix[start : start + step]
        scores = sparse.csr_matrix(index[start : start + step] @ transposed)
        scores.sort_indices()  # deterministic candidate order
        rows, cols = best_candidates(scores, start, limit)
        cells = np.repeat(np.arange(block.shape[0]) * width, np.diff(block.indptr))
        cells += block.indices
        lookup[cells] = block.data
        sims = pair_cosines(matrix, lookup, rows - start, cols)
        lookup[cells] = 0.0
        keep = sims >= min_sim
        parts.append(top_k_edges(rows[keep], cols[keep], sims[keep], k))
    return symmetric_graph(parts, n)


def neighbour_graph(matrix: sparse.csr_matrix, options: ClusterOptions) -> sparse.csr_matrix:
    """The top-k graph `options` ask for: candidate-based, or exact if candidate_terms is 0."""
    if options.candidate_terms <= 0:
        return knn_graph(matrix, options.neighbors, options.min_sim)
    return candidate_knn_graph(
        matrix,
        options.neighbors,
        options.min_sim,
        options.candidate_terms,
        options.max_postings,
        options.candidates,
    )
