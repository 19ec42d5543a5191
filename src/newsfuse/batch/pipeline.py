"""The batch pipeline: extract -> de-duplicate -> cluster -> store, as Ray Data stages.

The archive it writes is the one `ingest` builds from the same input in one process:
the same articles in the same order (`seq`), the same duplicate links (the sharded
de-duplication replays the single-process rule), and events and storylines from the
stream's scoring over partitions (newsfuse.cluster.partition). The driver holds a few
numbers per article (position, kind, the order to cluster in) and the edges; the
texts stay in the workers until the writer streams them, in arrival order, through
the store's batched `add_articles` (one writer, so `seq` is arrival order).
"""

from __future__ import annotations

import pickle
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import cast

import numpy as np
import pyarrow as pa
import ray.data

from newsfuse.batch import cluster as batch_cluster
from newsfuse.batch import dedupe as batch_dedupe
from newsfuse.batch import headlines as batch_headlines
from newsfuse.batch.read import (
    articles_once,
    failure_of,
    keep_positions,
    read,
    shard_paths,
    with_positions,
)
from newsfuse.batch.state import save_state, window_clusterer
from newsfuse.cluster.partition import link_starts
from newsfuse.cluster.stream import LEVEL_NAMES
from newsfuse.config import Config
from newsfuse.lang import scored
from newsfuse.store import Store
from newsfuse.tracking import story_name_of
from newsfuse.types import Failure, Story

WRITE_BATCH = 500  # articles per store transaction, as ingest


@dataclass
class BatchReport:
    """What a batch run did, and what each stage cost (wall seconds)."""

    articles: int = 0
    duplicates: int = 0
    failures: int = 0
    # each failure as `ingest` reports it (numbered code, input and line), in input order
    failed: list[Failure] = field(default_factory=list)
    already_present: int = 0
    stories: int = 0
    events: int = 0
    seconds: dict[str, float] = field(default_factory=dict)
    sizes: dict[str, int] = field(default_factory=dict)  # bytes through each shuffle

    def summary_line(self) -> str:
        return (
            f"stored {self.articles}, duplicates {self.duplicates}, already present "
            f"{self.already_present}, failed {self.failures}; {self.stories} stories, "
            f"{self.events} events"
        )


@dataclass(frozen=True)
class BatchOptions:
    """How the batch is cut: partitions of the clustering order (articles) and their
    context, and the number of shuffle partitions of the de-duplication joins."""

    partition_size: int = 65_536
    overlap: int = 50_000  # the stream's window: its edges (docs/batch.md)
    join_partitions: int = 4
    blocks: int = 8  # blocks the read rows are split into (parallelism of the stages)
    parquet: Path | None = None  # also write articles, stories and events here


class _Clock:
    def __init__(self, report: BatchReport) -> None:
        self.report, self.last = report, time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.report.seconds[stage] = round(now - self.last, 3)
        self.last = now


def _meta(rows: ray.data.Dataset) -> pa.Table:
    """Position, id, kind and language of every article, sorted by position (the
    driver's few numbers per article)."""
    cols = ["position", "id", "kind", "language"]
    parts = [b for b in rows.select_columns(cols).iter_batches(batch_format="pyarrow")]
    table = pa.concat_tables(parts) if parts else pa.table({c: [] for c in cols})
    return table.sort_by("position")


def _with_order(batch: pa.Table, positions: np.ndarray) -> pa.Table:
    order = np.searchsorted(positions, batch.column("position").to_numpy())
    return batch.append_column("order", pa.array(order, pa.int64()))


def _stories(
    groups: list[list[int]], ids: Sequence[str], dups: dict[str, list[str]], prefix: str
) -> list[Story]:
    """Story records named as the stream names them (after the oldest article)."""
    out = []
    for members in sorted(groups, key=lambda m: (-len(m), m[0])):
        aids = tuple(ids[i] for i in members)
        extra = tuple(d for a in aids for d in dups.get(a, ()))
        out.append(Story(id=story_name_of(aids[0], prefix), article_ids=aids, duplicate_ids=extra))
    return out


def _records(batch: pa.Table, links: dict[str, str]) -> pa.Table:
    """Each row as a pickled (article with sentences and duplicate link, signature,
    shingle count): what `Store.add_articles` takes, made in the workers."""
    blobs = []
    for row in batch.to_pylist():
        article = batch_cluster.full_article(row)
        article = replace(article, duplicate_of=links.get(article.id))
        signature = np.asarray(row["signature"], dtype=np.uint64)
        blobs.append(pickle.dumps((article, signature, int(row["shingles"]))))
    return pa.table({"position": batch.column("position"), "record": pa.array(blobs, pa.binary())})


def write_articles(
    rows: ray.data.Dataset, store: Store, links: dict[str, str], progress: Callable[[int], None]
) -> int:
    """Stream the articles, in arrival order, into the store a batch at a time."""
    records = rows.map_batches(partial(_records, links=links), batch_format="pyarrow")
    written = 0
    ordered = records.sort("position").iter_batches(batch_size=WRITE_BATCH, batch_format="pyarrow")
    for batch in cast(Iterator[pa.Table], ordered):
        items = [pickle.loads(b) for b in batch.column("record").to_pylist()]
        present = store.has_articles([a.id for a, _, _ in items])
        store.add_articles([item for item in items if item[0].id not in present])
        written += len(items)
        progress(written)
    return written


def configure(options: BatchOptions) -> None:
    """Small shuffles for small jobs: a hash shuffle's aggregating actors each hold a
    CPU by default (2 CPUs, 200 partitions: the tasks that feed them wait), so they
    are few and share the workers' CPUs."""
    ctx = ray.data.DataContext.get_current()
    ctx.max_hash_shuffle_aggregators = max(1, options.join_partitions)
    ctx.default_hash_shuffle_parallelism = max(1, options.join_partitions)
    ctx.join_operator_actor_num_cpus_override = 0.1
    ctx.hash_shuffle_operator_actor_num_cpus_override = 0.1
    ctx.hash_aggregate_operator_actor_num_cpus_override = 0.1
    ctx.enable_progress_bars = False


def run(
    inputs: Sequence[str],
    config: Config,
    store: Store,
    options: BatchOptions = BatchOptions(),
    progress: Callable[[int], None] = lambda n: None,
) -> tuple[BatchReport, dict[str, list[Story]]]:
    """Build the archive from `inputs` (files, folders, globs) into an empty `store`."""
    configure(options)
    report = BatchReport()
    clock = _Clock(report)
    paths = shard_paths(inputs)
    once, meta = _read(paths, config, store, options, report, clock)
    pos = batch_dedupe.links(once, config.dedupe, options.join_partitions)
    ids = meta.column("id").to_pylist()
    positions = meta.column("position").to_numpy()
    at = {int(p): i for i, p in enumerate(positions)}
    links = {ids[at[c]]: ids[at[o]] for c, o in pos.items()}
    report.duplicates = len(links)
    clock.lap("dedupe")
    kinds, langs = meta.column("kind").to_pylist(), meta.column("language").to_pylist()
    # as ingest: only articles (not pages) in a scored language are clustered, and
    # only their duplicates ride along
    scored_ids = {ids[i] for i in range(len(ids)) if kinds[i] == "article" and scored(langs[i])}
    take = [i for i in range(len(ids)) if ids[i] in scored_ids and ids[i] not in links]
    clustered = positions[take]
    to_cluster = keep_positions(once, clustered).map_batches(
        partial(_with_order, positions=clustered), batch_format="pyarrow"
    )
    # ingest hands the tracker each write batch's originals: the stream's link cuts
    write_batches = clustered // WRITE_BATCH
    shell, retired = batch_cluster.cluster(
        to_cluster,
        len(take),
        config.cluster,
        options.partition_size,
        options.overlap,
        write_batches,
    )
    groups = {name: shell.groups(name, retired[name]) for name in LEVEL_NAMES}
    clock.lap("cluster")
    riding = {c: o for c, o in links.items() if c in scored_ids}
    clustered_ids = [ids[i] for i in take]
    stories = _archive_stories(groups, clustered_ids, riding)
    report.stories, report.events = len(stories["storyline"]), len(stories["event"])
    titles = batch_headlines.headlines(once, stories["storyline"], config, options.join_partitions)
    clock.lap("headlines")
    _write(once, store, links, stories, progress, config, titles)
    clock.lap("write")
    with store.writer(config.lock_wait):
        starts = link_starts(write_batches, config.cluster.batch_size)
        save_state(store, window_clusterer(store, shell, starts, config.cluster), clustered_ids)
    clock.lap("state")
    if options.parquet is not None:
        write_parquet(once, links, stories, options.parquet)
        clock.lap("parquet")
    return report, stories


def _read(
    paths: Sequence[str],
    config: Config,
    store: Store,
    options: BatchOptions,
    report: BatchReport,
    clock: _Clock,
) -> tuple[ray.data.Dataset, pa.Table]:
    """Read, position, store the failures, keep each id once, fingerprint: the
    articles with their fingerprints, and the driver's few numbers per article."""
    rows = with_positions(read(paths, config.extract, config.brief.models), len(paths))
    rows = rows.repartition(options.blocks).materialize()
    bad = rows.filter(lambda r: r["failure"] is not None).select_columns(["position", "failure"])
    for row in sorted(bad.iter_rows(), key=lambda r: int(r["position"])):
        failure = failure_of(str(row["failure"]))
        report.failed.append(failure)
        store.add_failure(failure)
    report.failures = len(report.failed)
    once = articles_once(rows).materialize()
    clock.lap("read")
    fps = batch_dedupe.fingerprints(once, config.dedupe)
    once = once.join(fps, "inner", options.join_partitions, on=("position",)).materialize()
    report.sizes["articles"] = int(once.size_bytes())  # what the cluster shuffle moves
    report.sizes["fingerprints"] = int(fps.size_bytes())  # what the dedupe joins move
    meta = _meta(once)
    report.articles = len(meta)
    report.already_present = rows.filter(lambda r: r["failure"] is None).count() - len(meta)
    clock.lap("fingerprint")
    return once, meta


def _archive_stories(
    groups: dict[str, list[list[int]]], ids: list[str], links: dict[str, str]
) -> dict[str, list[Story]]:
    dups: dict[str, list[str]] = {}
    for copy, original in links.items():
        dups.setdefault(original, []).append(copy)
    return {
        "storyline": _stories(groups["storyline"], ids, dups, "s"),
        "event": _stories(groups["event"], ids, dups, "e"),
    }


def _write(
    once: ray.data.Dataset,
    store: Store,
    links: dict[str, str],
    stories: dict[str, list[Story]],
    progress: Callable[[int], None],
    config: Config,
    titles: list[tuple[str, str]],
) -> None:
    from newsfuse.headlines import store_headlines

    with store.writer(config.lock_wait):
        write_articles(once, store, links, progress)
        store.replace_stories(stories["storyline"])
        store.replace_events(
            [(a, e.id) for e in stories["event"] for a in (*e.article_ids, *e.duplicate_ids)]
        )
        store.set_headlines(titles)  # computed in the workers (batch/headlines.py)
        store_headlines(store, config.brief.models.headline_nlp())  # any left: none


def write_parquet(
    once: ray.data.Dataset, links: dict[str, str], stories: dict[str, list[Story]], out: Path
) -> None:
    """articles/ (one file per block, written by the workers), stories.parquet and
    events.parquet (id, article_ids, duplicate_ids) for analytics."""
    import pyarrow.parquet as pq

    out.mkdir(parents=True, exist_ok=True)
    articles = once.drop_columns(["signature", "shingles", "failure", "shard", "seq"])
    articles.map_batches(partial(_linked, links=links), batch_format="pyarrow").write_parquet(
        str(out / "articles")
    )
    for level, name in (("storyline", "stories"), ("event", "events")):
        rows = [
            {"id": s.id, "article_ids": list(s.article_ids), "duplicate_ids": list(s.duplicate_ids)}
            for s in stories[level]
        ]
        pq.write_table(pa.Table.from_pylist(rows), out / f"{name}.parquet")


def _linked(batch: pa.Table, links: dict[str, str]) -> pa.Table:
    ids = batch.column("id").to_pylist()
    return batch.drop_columns(["duplicate_of"]).append_column(
        "duplicate_of", pa.array([links.get(i) for i in ids], pa.string())
    )
