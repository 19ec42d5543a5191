"""Clustering scores: BCubed (primary), pairwise P/R/F1 and ARI.

All computed from the gold x predicted contingency table, so scoring 100k
items is linear in the number of items, never quadratic in pairs.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from sklearn.metrics import adjusted_rand_score


@dataclass(frozen=True)
class ClusterScores:
    """Scores of a predicted clustering against gold labels."""

    bcubed_precision: float
    bcubed_recall: float
    bcubed_f1: float
    pairwise_precision: float
    pairwise_recall: float
    pairwise_f1: float
    ari: float
    n_pred: int
    n_gold: int


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r > 0 else 0.0


def _codes(labels: Sequence[Hashable]) -> np.ndarray:
    """Dense integer codes 0..k-1 for arbitrary hashable labels."""
    index: dict[Hashable, int] = {}
    return np.fromiter((index.setdefault(x, len(index)) for x in labels), dtype=np.int64)


def score_clustering(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> ClusterScores:
    """Score `pred` against `gold` (one label per item, same order).

    BCubed is per-item averaged (Bagga & Baldwin 1998): an item's precision is
    the share of its predicted cluster that shares its gold label. Pairwise
    counts same-cluster pairs (Miranda et al. 2018); with no predicted pairs
    precision is vacuously 1.0, with no gold pairs recall is 1.0.
    """
    if len(gold) != len(pred):
        raise ValueError(f"gold has {len(gold)} labels, pred has {len(pred)}")
    n = len(gold)
    g, p = _codes(gold), _codes(pred)
    if n == 0:
        return ClusterScores(1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0, 0)
    table = sparse.coo_matrix((np.ones(n), (g, p))).tocsr()
    table.sum_duplicates()
    n_ij = table.data.astype(np.float64)  # items in gold i AND pred j, per nonzero cell
    rows, cols = table.nonzero()
    gold_sizes = np.bincount(g).astype(np.float64)
    pred_sizes = np.bincount(p).astype(np.float64)
    # Each of the n_ij items in a cell has precision n_ij/|pred j| and recall n_ij/|gold i|.
    b_p = float(np.sum(n_ij * n_ij / pred_sizes[cols]) / n)
    b_r = float(np.sum(n_ij * n_ij / gold_sizes[rows]) / n)
    same_both = float(np.sum(n_ij * (n_ij - 1)) / 2)
    same_pred = float(np.sum(pred_sizes * (pred_sizes - 1)) / 2)
    same_gold = float(np.sum(gold_sizes * (gold_sizes - 1)) / 2)
    pw_p = same_both / same_pred if same_pred else 1.0
    pw_r = same_both / same_gold if same_gold else 1.0
    return ClusterScores(
        bcubed_precision=b_p,
        bcubed_recall=b_r,
        bcubed_f1=_f1(b_p, b_r),
        pairwise_precision=pw_p,
        pairwise_recall=pw_r,
        pairwise_f1=_f1(pw_p, pw_r),
        ari=float(adjusted_rand_score(g, p)),
        n_pred=len(pred_sizes),
        n_gold=len(gold_sizes),
    )
