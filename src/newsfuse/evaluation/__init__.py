"""Evaluation of newsfuse stages against gold data (clustering metrics)."""

from newsfuse.evaluation.cluster_metrics import ClusterScores, score_clustering

__all__ = ["ClusterScores", "score_clustering"]
