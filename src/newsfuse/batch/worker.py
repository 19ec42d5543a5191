"""What a batch worker does: one long-lived process per CPU, holding its models.

The batch's stages run as methods of a `Worker` (a Ray actor, made remote by the
driver): the process starts and imports newsfuse, trafilatura and spaCy once, and
loads each model (language identifier, headline parser) once, for every shard,
partition and bucket it is handed, where a task per stage paid them per task.
Data moves between stages as blocks in Ray's object store: one Arrow table per
input shard, a row per article holding the pickled (article with sentences, MinHash
signature, shingle count) the store takes. A method is given the blocks it needs as
arguments (Ray resolves them: shared memory on one machine, a transfer between
machines) and the rows it needs as (block, row) indices in the order to use them.
Only small things go back to the driver: per-article numbers, band key hashes,
edges, headlines, the stream state's clusterer.
"""

from __future__ import annotations

import json
import pickle
import time
from collections.abc import Sequence
from typing import Any

import numpy as np
import pyarrow as pa

from newsfuse.batch.read import items_of
from newsfuse.cluster.partition import Bounds, LevelEdges, own_edges, partition_clusterer
from newsfuse.cluster.stream import StreamClusterer
from newsfuse.config import Config
from newsfuse.dedupe.sharded import band_ranges_for, bucket_keys, fingerprint, key_hashes
from newsfuse.types import Article, Failure

Record = tuple[Article, np.ndarray, int]  # what Store.add_articles takes


def records_at(blocks: Sequence[pa.Table], at: np.ndarray, rows: np.ndarray) -> list[Record]:
    """The records at (block `at[i]`, row `rows[i]`), in that order."""
    columns = [b.column("record") for b in blocks]
    return [pickle.loads(columns[int(b)][int(r)].as_py()) for b, r in zip(at, rows, strict=True)]


class Worker:
    """A batch worker: the stages' pure functions with the config's models loaded once."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.spent: dict[str, float] = {}  # CPU seconds of each method, this process

    def _spend(self, stage: str, since: float) -> None:
        self.spent[stage] = self.spent.get(stage, 0.0) + time.process_time() - since

    def cpu(self) -> dict[str, float]:
        """CPU seconds this worker spent in each stage, and in all (its start,
        imports and Ray's own threads included)."""
        return {**self.spent, "process": time.process_time()}

    def read(self, path: str) -> tuple[dict[str, Any], Any]:
        """Extract one shard (as ingest reads it, languages settled by the model),
        fingerprint its articles and make their store records: per-item numbers
        for the driver, and a reference to the shard's block of records."""
        since = time.process_time()
        import ray

        config = self.config
        items = list(items_of(path, config.extract, config.brief.models))
        articles = [a for a in items if isinstance(a, Article)]
        fps = fingerprint(range(len(articles)), [a.body for a in articles], config.dedupe)
        ranges = band_ranges_for(config.dedupe)
        keys = [bucket_keys(fp, ranges) for fp in fps]
        meta: dict[str, Any] = {
            "items": len(items),
            "failures": [
                (seq, json.dumps([f.source, f.code, f.message]))
                for seq, f in enumerate(items)
                if isinstance(f, Failure)
            ],
            "seq": np.array([s for s, a in enumerate(items) if isinstance(a, Article)], np.int64),
            "id": [a.id for a in articles],
            "kind": [a.kind for a in articles],
            "language": [a.language for a in articles],
            "date": [a.date.isoformat() if a.date else None for a in articles],
            "nkeys": np.array([len(k) for k in keys], dtype=np.int64),
            "keys": key_hashes([k for ks in keys for k in ks]),
        }
        blobs = [
            pickle.dumps((a, fp.signature, fp.shingles), protocol=5)
            for a, fp in zip(articles, fps, strict=True)
        ]
        block = pa.table({"record": pa.array(blobs, pa.binary())})
        out = meta, ray.put(block)
        self._spend("read", since)
        return out

    def signatures(self, rows: np.ndarray, block: pa.Table) -> list[tuple[np.ndarray, int]]:
        """(signature, shingle count) of `rows` of one block: the candidates' sides."""
        since = time.process_time()
        out = [(s, n) for _, s, n in records_at([block], np.zeros(len(rows), np.int64), rows)]
        self._spend("signatures", since)
        return out

    def link(
        self,
        bounds: Bounds,
        starts: np.ndarray,
        keep: bool,
        at: np.ndarray,
        rows: np.ndarray,
        *blocks: Any,
    ) -> tuple[dict[str, LevelEdges], StreamClusterer | None]:
        """One partition's positive edges of both levels (the stream clusterer's own
        linking); `at`/`rows` pick its articles in clustering order. `keep`: the
        partition starts where the stream's window does, so its clusterer is the
        state's vectors (batch/state.py), sent back too."""
        since = time.process_time()
        articles = [a for a, _, _ in records_at(blocks, at, rows)]
        clusterer = partition_clusterer(articles, bounds, self.config.cluster, starts)
        out = own_edges(clusterer, bounds), clusterer if keep else None
        self._spend("link", since)
        return out

    def headlines(
        self, stories: list[tuple[str, int]], at: np.ndarray, rows: np.ndarray, *blocks: Any
    ) -> list[tuple[str, str]]:
        """(story id, headline) of each story: `stories` (id, member count) in the
        order of `at`/`rows`, each story's members already in the store's order."""
        since = time.process_time()
        from newsfuse.headlines import story_headlines

        articles = [a for a, _, _ in records_at(blocks, at, rows)]
        members, k = [], 0
        for story, size in stories:
            members.append((story, articles[k : k + size]))
            k += size
        models = self.config.brief.models
        found = story_headlines(members, models.headline_nlp(), recurring=models.recurring())
        out = list(found.items())
        self._spend("headlines", since)
        return out

    def window(
        self, base: int, starts: np.ndarray, at: np.ndarray, rows: np.ndarray, *blocks: Any
    ) -> StreamClusterer:
        """The stream state's clusterer without its levels (newsfuse.batch.state):
        the originals from `base` on, linked along the stream's cuts."""
        since = time.process_time()
        from newsfuse.batch.state import window_clusterer

        articles = [a for a, _, _ in records_at(blocks, at, rows)]
        out = window_clusterer(articles, base, starts, self.config.cluster)
        self._spend("window", since)
        return out

    def write_parquet(
        self, path: str, links: dict[str, str], rows: np.ndarray, block: pa.Table
    ) -> int:
        """One shard's articles as a Parquet file (analytics), with duplicate links."""
        since = time.process_time()
        import dataclasses

        import pyarrow.parquet as pq

        from newsfuse.batch.read import article_row

        records = records_at([block], np.zeros(len(rows), np.int64), rows)
        table = pa.Table.from_pylist(
            [
                article_row(dataclasses.replace(a, duplicate_of=links.get(a.id)))
                for a, _, _ in records
            ]
        )
        pq.write_table(table, path)
        out = len(records)
        self._spend("write_parquet", since)
        return out
