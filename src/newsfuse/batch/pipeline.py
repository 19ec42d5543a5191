"""The batch pipeline: extract -> de-duplicate -> cluster -> headlines -> store, on Ray.

The archive it writes is the one `ingest` builds from the same input in one process:
the same articles in the same order (`seq`), the same duplicate links (the sharded
de-duplication replays the single-process rule), and events and storylines from the
stream's scoring over partitions (newsfuse.cluster.partition). One `Worker` actor
per CPU runs every stage (newsfuse.batch.worker: started and importing once, models
loaded once); the texts stay in the object store as one block per shard, and the
driver holds a few numbers per article (arrival.py), the edges, and the store. The
driver's own work runs while the workers work: it writes the articles while the
partitions link, and the stories while the headlines and the state's vectors are
made.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np

from newsfuse.batch import cluster as batch_cluster
from newsfuse.batch import dedupe as batch_dedupe
from newsfuse.batch import headlines as batch_headlines
from newsfuse.batch.arrival import Arrival, arrival
from newsfuse.batch.read import shard_paths
from newsfuse.batch.state import save_state
from newsfuse.batch.worker import Worker, records_at
from newsfuse.cluster.partition import Bounds, link_starts, window_start
from newsfuse.cluster.stream import LEVEL_NAMES, StreamClusterer
from newsfuse.config import Config
from newsfuse.lang import scored
from newsfuse.store import Store
from newsfuse.tracking import story_name_of
from newsfuse.types import Failure, Story

WRITE_BATCH = 500  # articles per store transaction, as ingest


@dataclass
class BatchReport:
    """What a batch run did, and what each stage cost (wall and driver CPU seconds)."""

    articles: int = 0
    duplicates: int = 0
    failures: int = 0
    # each failure as `ingest` reports it (numbered code, input and line), in input order
    failed: list[Failure] = field(default_factory=list)
    already_present: int = 0
    stories: int = 0
    events: int = 0
    seconds: dict[str, float] = field(default_factory=dict)
    driver_cpu: dict[str, float] = field(default_factory=dict)
    partitions: list[tuple[int, int, int]] = field(default_factory=list)
    sizes: dict[str, int] = field(default_factory=dict)
    worker_cpu: list[dict[str, float]] = field(default_factory=list)  # each worker's, by stage

    def summary_line(self) -> str:
        return (
            f"stored {self.articles}, duplicates {self.duplicates}, already present "
            f"{self.already_present}, failed {self.failures}; {self.stories} stories, "
            f"{self.events} events"
        )


@dataclass(frozen=True)
class BatchOptions:
    """How the batch is cut: partitions of the clustering order (articles; 0 = one
    per worker, balanced) and their context, and the workers (0 = one per CPU Ray
    offers)."""

    partition_size: int = 0
    overlap: int = 50_000  # the stream's window: its edges (docs/batch.md)
    workers: int = 0
    parquet: Path | None = None  # also write articles, stories and events here


class _Clock:
    """Wall and driver CPU seconds of each stage (a stage's wall holds the workers'
    time; the driver's CPU is its own)."""

    def __init__(self, report: BatchReport) -> None:
        self.report = report
        self.last = (time.perf_counter(), time.process_time())

    def lap(self, stage: str) -> None:
        now = (time.perf_counter(), time.process_time())
        self.report.seconds[stage] = round(now[0] - self.last[0], 3)
        self.report.driver_cpu[stage] = round(now[1] - self.last[1], 3)
        self.last = now


def start_workers(config: Config, count: int = 0) -> list[Any]:
    """One Worker actor per CPU Ray offers (or `count`), each holding `config`."""
    import ray

    offered = ray.available_resources()  # type: ignore[no-untyped-call]
    count = count or max(1, int(offered.get("CPU", 1)))
    actor = ray.remote(num_cpus=1)(Worker)
    return [actor.remote(config) for _ in range(count)]


def read_shards(paths: Sequence[str], workers: Sequence[Any]) -> tuple[list[Any], list[Any]]:
    """Every shard read in a worker (the next idle one): each shard's numbers, and
    its block's reference, in shard order."""
    from ray.util import ActorPool

    pool = ActorPool(list(workers))
    results = list(pool.map(lambda w, path: w.read.remote(path), list(paths)))
    return [meta for meta, _ in results], [block for _, block in results]


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


def write_articles(
    arr: Arrival,
    blocks: Sequence[Any],
    store: Store,
    links: dict[str, str],
    progress: Callable[[int], None],
) -> int:
    """Store the kept articles in arrival order, WRITE_BATCH to a transaction,
    reading each shard's block from the object store (the driver's one pass over
    the texts; it runs while the workers link)."""
    import ray

    written = 0
    for shard, ref in enumerate(blocks):
        rows = arr.row[arr.shard == shard]
        if not len(rows):
            continue
        block = ray.get(ref)
        for start in range(0, len(rows), WRITE_BATCH):
            part = rows[start : start + WRITE_BATCH]
            items = records_at([block], np.zeros(len(part), np.int64), part)
            items = [(replace(a, duplicate_of=links.get(a.id)), s, n) for a, s, n in items]
            present = store.has_articles([a.id for a, _, _ in items])
            store.add_articles([item for item in items if item[0].id not in present])
            written += len(items)
            progress(written)
    return written


def _clustered(arr: Arrival, copies: dict[int, int]) -> np.ndarray:
    """Indices (into `arr`) of the articles `ingest` clusters: articles (not pages)
    in a scored language that are not copies, in arrival order."""
    return np.array(
        [
            i
            for i in range(len(arr.ids))
            if arr.kinds[i] == "article"
            and scored(arr.languages[i])
            and int(arr.position[i]) not in copies
        ],
        dtype=np.int64,
    )


def run(
    inputs: Sequence[str],
    config: Config,
    store: Store,
    options: BatchOptions = BatchOptions(),
    progress: Callable[[int], None] = lambda n: None,
    workers: list[Any] | None = None,
) -> tuple[BatchReport, dict[str, list[Story]]]:
    """Build the archive from `inputs` (files, folders, globs) into an empty `store`
    (Ray initialised by the caller: this machine or a cluster). `workers`: actors
    from `start_workers` the caller keeps (and ends); by default started and ended here."""
    import ray

    report = BatchReport()
    mine = start_workers(config, options.workers) if workers is None else []
    try:
        paths = shard_paths(inputs)
        return report, _run(paths, config, store, options, workers or mine, report, progress)
    finally:
        for worker in mine:
            ray.kill(worker)


def _arrive(
    paths: Sequence[str], store: Store, workers: list[Any], report: BatchReport
) -> tuple[Arrival, list[Any]]:
    """The shards read in the workers and put in arrival order (`ingest`'s), each failure
    reported and recorded in the archive as `ingest` records it."""
    metas, blocks = read_shards(paths, workers)
    arr = arrival(metas)
    for _, failure in arr.failures:
        report.failed.append(failure)
        store.add_failure(failure)
    report.failures, report.already_present = len(arr.failures), arr.repeated
    report.articles = len(arr.ids)
    return arr, blocks


def _run(
    paths: Sequence[str],
    config: Config,
    store: Store,
    options: BatchOptions,
    workers: list[Any],
    report: BatchReport,
    progress: Callable[[int], None],
) -> dict[str, list[Story]]:
    import ray

    clock = _Clock(report)
    arr, blocks = _arrive(paths, store, workers, report)
    clock.lap("read")
    copies = batch_dedupe.links(arr, blocks, workers, config.dedupe)
    by_position = {int(p): i for i, p in enumerate(arr.position)}
    links = {arr.ids[by_position[c]]: arr.ids[by_position[o]] for c, o in copies.items()}
    report.duplicates = len(links)
    clock.lap("dedupe")
    take = _clustered(arr, copies)
    started = _start_linking(arr, take, blocks, workers, options, config)
    calls, window, starts, base, _ = started
    report.partitions = [(b.start, b.own, b.end) for b in started.bounds]
    with store.writer(config.lock_wait):
        write_articles(arr, blocks, store, links, progress)
        clock.lap("write_articles (partitions linking)")
        shell, retired = batch_cluster.collect(calls, len(take), starts, config.cluster)
        clock.lap("link_wait_and_replay")
        if shell.densities.base != base:  # the cuts decide both: not expected
            at, rows, needed = arr.pick(take[shell.densities.base :], blocks)
            window = workers[0].window.remote(shell.densities.base, starts, at, rows, *needed)
        stories, heads = _finish(arr, take, (shell, retired), links, blocks, workers)
        report.stories, report.events = len(stories["storyline"]), len(stories["event"])
        report.sizes["headlines"] = _store_stories(store, stories, heads, config)
        clock.lap("stories_and_headlines")
        clusterer = ray.get(window)
        clusterer = clusterer[1] if isinstance(clusterer, tuple) else clusterer
        clusterer.levels = shell.levels
        save_state(store, clusterer, [arr.ids[i] for i in take])
        clock.lap("state")
    if options.parquet is not None:
        write_parquet(arr, blocks, workers, links, stories, options.parquet)
        clock.lap("parquet")
    report.worker_cpu = ray.get([w.cpu.remote() for w in workers])
    return stories


class _Linking(NamedTuple):
    """The partitions' linking and the state's window, started in the workers."""

    calls: list[Any]
    window: Any  # a partition's call (edges, clusterer), or the window's (clusterer)
    starts: np.ndarray
    base: int
    bounds: list[Bounds]


def _start_linking(
    arr: Arrival,
    take: np.ndarray,
    blocks: Sequence[Any],
    workers: Sequence[Any],
    options: BatchOptions,
    config: Config,
) -> _Linking:
    """Each partition linked in a worker, and the state's vectors (the window's
    originals linked once more: they need only the cuts) in the worker with the
    least to link, so that it runs while the driver writes and replays."""
    # ingest hands the tracker each write batch's originals: the stream's link cuts
    starts = link_starts(arr.position[take] // WRITE_BATCH, config.cluster.batch_size)
    bounds = batch_cluster.bounds_for(
        len(take), options.partition_size, options.overlap, len(workers), starts
    )
    base = window_start(len(take), starts, config.cluster.window)
    calls, state = batch_cluster.submit(arr, take, bounds, starts, base, blocks, workers)
    if state is None:  # no partition starts at the window: link it once more
        at, rows, needed = arr.pick(take[base:], blocks)
        spare = workers[len(calls) % len(workers)]
        state = spare.window.remote(base, starts, at, rows, *needed)
    return _Linking(calls, state, starts, base, bounds)


def _finish(
    arr: Arrival,
    take: np.ndarray,
    levels: tuple[StreamClusterer, dict[str, dict[int, list[int]]]],
    links: dict[str, str],
    blocks: Sequence[Any],
    workers: Sequence[Any],
) -> tuple[dict[str, list[Story]], list[Any]]:
    """The stories of both levels, and their headlines started in the workers, in
    buckets given to the worker with the least so far (by articles)."""
    shell, retired = levels
    groups = {name: shell.groups(name, retired[name]) for name in LEVEL_NAMES}
    # as ingest: only the copies of articles in a scored language ride along
    rides = {
        arr.ids[i]
        for i in range(len(arr.ids))
        if arr.kinds[i] == "article" and scored(arr.languages[i])
    }
    riding = {c: o for c, o in links.items() if c in rides}
    stories = _archive_stories(groups, [arr.ids[i] for i in take], riding)
    load = [0.0] * len(workers)
    calls = []
    for bucket in batch_headlines.buckets(
        [*stories["storyline"], *stories["event"]], arr, 4 * len(workers)
    ):
        k = int(np.argmin(load))
        calls.append(batch_headlines.submit(bucket, arr, blocks, workers[k]))
        load[k] += sum(len(index) for _, index in bucket)
    return stories, calls


def _store_stories(
    store: Store, stories: dict[str, list[Story]], calls: list[Any], config: Config
) -> int:
    """Write both levels' stories while the workers make their headlines, then the
    headlines; any story left without one (none) is made here. How many made."""
    import ray

    from newsfuse.headlines import refocus_storylines, store_headlines

    store.replace_stories(stories["storyline"])
    store.replace_events(
        [(a, e.id) for e in stories["event"] for a in (*e.article_ids, *e.duplicate_ids)]
    )
    found = [pair for call in ray.get(calls) for pair in call]
    lines = {s.id for s in stories["storyline"]}
    store.set_headlines([(s, h) for s, h in found if s in lines])
    store.set_event_headlines([(s, h) for s, h in found if s not in lines])
    models = config.brief.models  # a storyline is headed by its focus event (#21)
    refocus_storylines(store, stories["storyline"], stories["event"], dict(found), models)
    left = store.sql("SELECT id FROM stories WHERE headline IS NULL LIMIT 1") or store.sql(
        "SELECT event_id FROM event_headlines WHERE headline IS NULL LIMIT 1"
    )
    if left:
        store_headlines(store, config.brief.models.headline_nlp(), config.brief.models.recurring())
    return len(found)


def write_parquet(
    arr: Arrival,
    blocks: Sequence[Any],
    workers: Sequence[Any],
    links: dict[str, str],
    stories: dict[str, list[Story]],
    out: Path,
) -> None:
    """articles/ (one file per shard, written by the workers), stories.parquet and
    events.parquet (id, article_ids, duplicate_ids) for analytics."""
    import pyarrow as pa
    import pyarrow.parquet as pq
    import ray

    (out / "articles").mkdir(parents=True, exist_ok=True)
    calls = []
    for shard, ref in enumerate(blocks):
        rows = arr.row[arr.shard == shard]
        if len(rows):
            path = str(out / "articles" / f"part-{shard:05d}.parquet")
            worker = workers[shard % len(workers)]
            calls.append(worker.write_parquet.remote(path, links, rows, ref))
    ray.get(calls)
    for level, name in (("storyline", "stories"), ("event", "events")):
        rows_out = [
            {"id": s.id, "article_ids": list(s.article_ids), "duplicate_ids": list(s.duplicate_ids)}
            for s in stories[level]
        ]
        pq.write_table(pa.Table.from_pylist(rows_out), out / f"{name}.parquet")
