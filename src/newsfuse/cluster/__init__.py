"""Story clustering: group articles that report the same event, in batch or as a stream."""

from newsfuse.cluster.stream import StreamClusterer, cluster_batch, cluster_stream

cluster_articles = cluster_batch  # the batch entry point other stages use

__all__ = ["StreamClusterer", "cluster_articles", "cluster_batch", "cluster_stream"]
