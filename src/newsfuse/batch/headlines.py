"""Story and event headlines, computed in the workers.

`ingest` computes each new story's and event's headline in its one process (spaCy
parses of titles and leads: ~1.5 ms CPU an article on Multi-News train, the
largest per-article cost after extraction). Here the stories of both levels are cut
into buckets of consecutive oldest articles (stories are local in time, so a
bucket reads few blocks), an event in the bucket of its storyline when they share
their oldest article (most events are a whole storyline: its headline is reused,
as `store_headlines` reuses it), and each bucket's headlines are made by the one
headline function (`newsfuse.headlines.story_headlines`) in a worker. Only (story
id, headline) pairs reach the driver.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from newsfuse.batch.arrival import Arrival
from newsfuse.types import Story


def _order(arrival: Arrival, index: int) -> tuple[bool, str, int]:
    """As the store orders a story's articles: by date, undated last, then arrival."""
    date = arrival.dates[index]
    return (date is None, date or "", int(arrival.position[index]))


def buckets(
    stories: Sequence[Story], arrival: Arrival, count: int
) -> list[list[tuple[str, list[int]]]]:
    """`count` buckets of (story id, member indices into `arrival` in the store's
    order), of about equal articles, cut along the stories' oldest articles."""
    at = {aid: k for k, aid in enumerate(arrival.ids)}
    members = [
        (s.id, sorted((at[a] for a in s.article_ids), key=lambda i: _order(arrival, i)))
        for s in stories
        if s.article_ids
    ]
    members.sort(key=lambda m: (min(m[1]), m[0]))
    sizes = np.cumsum([len(m) for _, m in members]) if members else np.zeros(0)
    total = int(sizes[-1]) if len(sizes) else 0
    out: list[list[tuple[str, list[int]]]] = [[] for _ in range(max(1, count))]
    for (story, index), upto in zip(members, sizes, strict=True):
        out[min(len(out) - 1, int((upto - 1) * len(out) // max(1, total)))].append((story, index))
    return [b for b in out if b]


def submit(
    bucket: list[tuple[str, list[int]]], arrival: Arrival, blocks: Sequence[Any], worker: Any
) -> Any:
    """One bucket's headline call, started in `worker`."""
    flat = np.array([i for _, index in bucket for i in index], dtype=np.int64)
    where, rows, needed = arrival.pick(flat, blocks)
    sizes = [(story, len(index)) for story, index in bucket]
    return worker.headlines.remote(sizes, where, rows, *needed)
