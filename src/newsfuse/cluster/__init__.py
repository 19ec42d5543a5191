"""Story clustering: group articles that report the same event."""

from newsfuse.cluster.batch import cluster_articles

__all__ = ["cluster_articles"]
