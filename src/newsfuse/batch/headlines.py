"""Story headlines as a Ray Data stage: computed where the articles are.

`ingest` computes each new story's headline in its one process (spaCy parses of
titles and leads: 1.4 ms CPU an article on Multi-News train, the largest serial
cost left on the batch's driver). Here the article rows are tagged with their
story, grouped into buckets of stories, and each bucket's headlines are computed by
the one headline function (`newsfuse.headlines.story_headlines`, the same as
`headline(articles)` for each story) in a worker; only (story id, headline) pairs
reach the driver, which stores them with the stories.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator, Sequence
from functools import partial
from typing import Any

import pyarrow as pa
import ray.data

from newsfuse.batch.cluster import full_article
from newsfuse.config import Config
from newsfuse.types import Story


def _tag(batch: pa.Table, story_of: dict[str, str], buckets: int) -> pa.Table:
    ids = batch.column("id").to_pylist()
    keep = [i for i, a in enumerate(ids) if a in story_of]
    batch = batch.take(pa.array(keep, pa.int64()))
    stories = [story_of[ids[i]] for i in keep]
    bucket = [zlib.crc32(s.encode()) % buckets for s in stories]
    return batch.append_column("story", pa.array(stories, pa.string())).append_column(
        "bucket", pa.array(bucket, pa.int64())
    )


def _order(row: dict[str, Any]) -> tuple[bool, str, int]:
    """As the store orders a story's articles: by date, undated last, then arrival."""
    return (row["date"] is None, str(row["date"] or ""), int(row["position"]))


def _headlines(group: pa.Table, config: Config) -> Iterator[dict[str, Any]]:
    from newsfuse.headlines import story_headlines

    members: dict[str, list[dict[str, Any]]] = {}
    for row in group.to_pylist():
        members.setdefault(str(row["story"]), []).append(row)
    stories = [
        (story, [full_article(r) for r in sorted(rows, key=_order)])
        for story, rows in sorted(members.items())
    ]
    found = story_headlines(stories, config.brief.models.headline_nlp())
    yield {"story": list(found), "headline": list(found.values())}


def headlines(
    once: ray.data.Dataset, stories: Sequence[Story], config: Config, buckets: int
) -> list[tuple[str, str]]:
    """(story id, headline) of every story, computed in the workers."""
    story_of = {a: s.id for s in stories for a in s.article_ids}
    if not story_of:
        return []
    rows = once.drop_columns(["signature", "shingles"])  # what the headline never reads
    tagged = rows.map_batches(
        partial(_tag, story_of=story_of, buckets=buckets), batch_format="pyarrow"
    )
    found = tagged.groupby("bucket", num_partitions=buckets).map_groups(
        partial(_headlines, config=config), batch_format="pyarrow"
    )
    return [(str(r["story"]), str(r["headline"])) for r in found.iter_rows()]
