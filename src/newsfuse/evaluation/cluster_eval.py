"""Run a story clusterer over a clustering benchmark file and score it.

All articles are clustered together in file order, as the protocol requires;
the gold labels are read only for scoring. Predictions are written one article
per line, `{"id", "cluster"}`.
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from newsfuse.errors import ErrorCode, NewsfuseError
from newsfuse.evaluation.cluster_methods import CLUSTERERS, LEVELS
from newsfuse.evaluation.cluster_metrics import ClusterScores, score_clustering
from newsfuse.evaluation.datasets import clustering_article, open_output, read_clustering_records


@dataclass(frozen=True)
class ClusterReport:
    """Scores of one clusterer on one dataset, with its running time."""

    dataset: str
    method: str
    level: str
    articles: int
    scores: ClusterScores
    seconds: float  # the clustering call alone (Article construction excluded)
    out_path: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "dataset": self.dataset,
            "method": self.method,
            "level": self.level,
            "articles": self.articles,
            "scores": asdict(self.scores),
            "seconds": self.seconds,
            "out": self.out_path,
        }


def evaluate_clustering(
    dataset_path: Path | str,
    out_path: Path | str,
    method: str = "newsfuse",
    level: str = "event",
) -> ClusterReport:
    """Cluster every article of `dataset_path` with `method` at `level` (event or
    storyline: what newsfuse answers with; baselines have one level); write and
    score the labels."""
    if method not in CLUSTERERS:
        raise NewsfuseError(
            ErrorCode.UNKNOWN_COMPONENT,
            f"no clustering method named {method!r} (known: {', '.join(sorted(CLUSTERERS))})",
        )
    if level not in LEVELS:
        raise NewsfuseError(
            ErrorCode.UNKNOWN_CHOICE, f"unknown level {level!r}; use one of {', '.join(LEVELS)}"
        )
    records = read_clustering_records(dataset_path)
    articles = [clustering_article(r) for r in records]
    start = time.perf_counter()
    labels = CLUSTERERS[method](articles, level)
    seconds = time.perf_counter() - start
    if len(labels) != len(records):
        raise ValueError(f"{method} returned {len(labels)} labels for {len(records)} articles")
    with open_output(Path(out_path)) as out:
        for record, label in zip(records, labels, strict=True):
            out.write(json.dumps({"id": record.id, "cluster": str(label)}) + "\n")
    scores = score_clustering([r.cluster for r in records], labels)
    return ClusterReport(
        dataset=str(dataset_path),
        method=method,
        level=level,
        articles=len(records),
        scores=scores,
        seconds=seconds,
        out_path=str(out_path),
    )
