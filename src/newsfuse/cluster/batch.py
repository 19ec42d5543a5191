"""Batch story clustering: TF-IDF, candidate top-k graph, density correction, average linkage.

Measured on Multi-News val and Wikinews (docs/tuning.md, scripts/tune_cluster.py).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from newsfuse.cluster.candidates import neighbour_graph
from newsfuse.cluster.features import tfidf_matrix
from newsfuse.cluster.graph import local_scaling
from newsfuse.cluster.linkage import NO_DATE, average_linkage
from newsfuse.config import ClusterOptions
from newsfuse.types import Article


def _days(articles: Sequence[Article]) -> np.ndarray:
    """Proleptic ordinal of each article's date, NO_DATE where unknown."""
    return np.array(
        [a.date.toordinal() if a.date is not None else NO_DATE for a in articles],
        dtype=np.int64,
    )


def cluster_articles(articles: Sequence[Article], options: ClusterOptions) -> list[list[int]]:
    """Groups of indices into `articles` reporting the same story.

    Every index appears exactly once; groups are ordered by their smallest
    index and indices ascend. Deterministic: same input, same output.
    """
    n = len(articles)
    if n == 0:
        return []
    if n == 1:
        return [[0]]
    matrix = tfidf_matrix(articles, options)
    graph = neighbour_graph(matrix, options)
    graph = local_scaling(graph, options.neighbors, options.density_correction)
    return average_linkage(
        graph, options.threshold, _days(articles), options.max_day_gap, options.centroid_weight
    )
