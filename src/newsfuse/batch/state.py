"""The stream clustering state a batch leaves, as `ingest` would have left it.

`ingest` saves its StreamClusterer with the archive, so that `check` can see every
original was clustered and the next `ingest` links new articles to the recent ones
and continues their stories. The batch clusters in partitions and replays the
stream's merge steps on the driver (newsfuse.cluster.partition.stream_levels), so
it has the stream's levels (clusters, newest members, edges) but no vectors. What
the state also needs (the vectorizer, the neighbour index, densities, days, lead
names) is rebuilt by linking, in a worker while others make headlines, the
originals still in the stream's window: at most `window` articles (50,000 by
default), whatever the archive's size. Inside the window it is the stream's state exactly
when the input fits the window; past it the replay starts at the window's first
article, so boilerplate counts and densities forget what came before it.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from newsfuse.cluster.state import dump_state
from newsfuse.cluster.stream import StreamClusterer
from newsfuse.config import ClusterOptions
from newsfuse.store import Store
from newsfuse.tracking import story_name_of
from newsfuse.types import Article


def window_clusterer(
    articles: Sequence[Article], base: int, starts: np.ndarray, options: ClusterOptions
) -> StreamClusterer:
    """A clusterer (levels empty: the driver sets the replayed ones) with the vectors,
    index and per-article fields of `articles`, the originals from clustering
    position `base` (the replayed window's start) on, linked as the stream linked
    them (`starts`: its link batches). Runs in a worker."""
    clusterer = StreamClusterer(options)
    clusterer.index.count = base
    clusterer.densities.base = base
    n = base + len(articles)
    cuts = sorted({base, *(int(s) for s in starts if base <= s < n)})
    for a, b in zip(cuts, [*cuts[1:], n], strict=True):
        if b <= a:  # nothing clustered (an input of failures or pages only)
            continue
        clusterer.link(articles[a - base : b - base])
        if options.window > 0:
            clusterer.index.expire(clusterer.count - options.window)
    return clusterer


def save_state(store: Store, clusterer: StreamClusterer, ids: Sequence[str]) -> None:
    """Store the state as `StoryTracker.save` does: each active cluster named after
    its oldest article (`ids`: every clustered original, in clustering order), the
    name the batch gave its story and the stream gives a cluster."""
    names = {k: story_name_of(ids[k], "s") for k in clusterer.graph.members}
    event_names = {k: story_name_of(ids[k], "e") for k in clusterer.events.members}
    state = dump_state(clusterer, names, store.state.names(), event_names)
    store.state.save(state.head, clusterer.count, state.parts, state.names)
