"""`newsfuse batch` (Ray, local mode) against single-process `ingest` on the same
Multi-News train documents: throughput, per-stage seconds, shuffle sizes, and the
agreement of the two archives (duplicate links, events and storylines, BCubed).

    python benchmarks/bench_batch.py --articles 2000 --shards 4 --workers 2
    python benchmarks/bench_batch.py --articles 10000 --cpu-only --overlap 2048 \
        --partition-size 4096

`--cpu-only` times `ingest` and the pure functions each stage runs, in this process,
in CPU seconds (what a scaling estimate needs, and less sensitive to a loaded
machine), and scores the batch's clusters (as the Ray stages compute them) against
the `ingest` archive's.

Speeds live here and in docs/benchmarks.md, never in tests.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np
from bench_pipeline import write_pool

from newsfuse._pipeline import ingest
from newsfuse.config import Config
from newsfuse.evaluation.cluster_metrics import score_clustering
from newsfuse.store import Store, open_store


def split(pool: Path, shards: int) -> list[str]:
    """The pool's lines in `shards` consecutive files (arrival order kept)."""
    lines = pool.read_text(encoding="utf-8").splitlines(keepends=True)
    size = -(-len(lines) // shards)
    paths = []
    for k in range(shards):
        path = pool.with_name(f"part-{k:03d}.jsonl")
        path.write_text("".join(lines[k * size : (k + 1) * size]), encoding="utf-8")
        paths.append(str(path))
    return paths


def agreement(a: Store, b: Store) -> dict[str, object]:
    """Duplicate links identical?, and BCubed F1 of events and storylines (b vs a)."""
    events = [{m[0]: e for e, m in s.event_members()} for s in (a, b)]
    lines = [s.memberships() for s in (a, b)]
    out: dict[str, object] = {
        "duplicates_identical": sorted(a.duplicate_pairs()) == sorted(b.duplicate_pairs()),
        "duplicates": len(a.duplicate_pairs()),
    }
    for name, (x, y) in (("events", events), ("storylines", lines)):
        keys = sorted(set(x) & set(y))
        out[f"{name}_bcubed"] = round(
            score_clustering([x[k] for k in keys], [y[k] for k in keys]).bcubed_f1, 4
        )
        out[f"{name}_missing"] = len(set(x) ^ set(y))
    return out


def _labels(groups: list[list[int]], ids: list[str]) -> dict[str, int]:
    return {ids[i]: k for k, group in enumerate(groups) for i in group}


@dataclasses.dataclass
class _CpuRun:
    """What `stage_cpu`'s phases hand on, and the CPU seconds each phase took.

    Why a record: the phases share a dozen values; one object keeps each phase a short
    function without a long parameter list.
    """

    pool: Path
    config: Config = dataclasses.field(default_factory=Config)
    cost: dict[str, float] = dataclasses.field(default_factory=dict)
    started: float = dataclasses.field(default_factory=time.process_time)
    state: dict[str, Any] = dataclasses.field(default_factory=dict)

    def lap(self, name: str) -> None:
        """Charge the CPU seconds since the last lap to `name`."""
        now = time.process_time()
        self.cost[name], self.started = now - self.started, now


def _cpu_extract(run: _CpuRun) -> None:
    from newsfuse.extract import iter_articles
    from newsfuse.types import Article

    single = open_store(dataclasses.replace(run.config, db=run.pool.with_name("ingest.db")))
    ingest([str(run.pool)], run.config, single)
    run.lap("ingest_single_process")
    items = list(iter_articles([str(run.pool)], run.config.extract))
    first: dict[str, int] = {}
    for position, item in enumerate(items):
        if isinstance(item, Article):
            first.setdefault(item.id, position)
    run.state |= {"single": single, "first": first}
    run.state["articles"] = [items[p] for p in sorted(first.values())]
    run.lap("extract")


def _cpu_dedupe(run: _CpuRun) -> None:
    from newsfuse.dedupe.sharded import fingerprint, links_in_process

    bodies = [a.body for a in run.state["articles"]]
    run.state["fps"] = fingerprint(range(len(bodies)), bodies, run.config.dedupe)
    run.lap("fingerprint")
    links_in_process(bodies, run.config.dedupe)
    run.lap("dedupe_all_steps")


def _cpu_cluster(run: _CpuRun, size: int, overlap: int) -> None:
    from newsfuse.batch.pipeline import WRITE_BATCH
    from newsfuse.cluster.partition import LevelEdges, link_starts, partition_bounds, stream_levels
    from newsfuse.cluster.partition import partition_edges as link_partition

    originals = run.state["single"].originals()  # dedupe gives the same links
    first, m, config = run.state["first"], len(originals), run.config.cluster
    starts = link_starts(np.array([first[a.id] for a in originals]) // WRITE_BATCH, 256)
    bounds = partition_bounds(m, size, overlap, starts)
    parts = [link_partition(originals[b.start : b.end], b, config, starts) for b in bounds]
    run.lap("link_partitions")
    edges = {lv: LevelEdges.concat([p[lv] for p in parts]) for lv in ("event", "storyline")}
    shell, retired = stream_levels(m, edges, starts, config)
    run.state |= {"shell": shell, "starts": starts, "bounds": bounds}
    run.state["groups"] = {lv: shell.groups(lv, retired[lv]) for lv in ("event", "storyline")}
    run.state["ids"] = [a.id for a in originals]
    run.lap("stream_replay")


def _cpu_write(run: _CpuRun) -> None:
    from newsfuse.batch.pipeline import _archive_stories
    from newsfuse.batch.state import save_state, window_clusterer
    from newsfuse.headlines import store_headlines

    articles, fps, ids = run.state["articles"], run.state["fps"], run.state["ids"]
    store = open_store(dataclasses.replace(run.config, db=run.pool.with_name("cpu.db")))
    for s in range(0, len(articles), 500):
        rows = [
            (a, fps[i].signature, fps[i].shingles) for i, a in enumerate(articles[s : s + 500], s)
        ]
        store.add_articles(rows)
    run.lap("store_write")
    stories = _archive_stories(run.state["groups"], ids, {})
    store.replace_stories(stories["storyline"])
    store.replace_events([(a, e.id) for e in stories["event"] for a in e.article_ids])
    store_headlines(store, run.config.brief.models.headline_nlp())
    run.lap("stories_and_headlines")
    shell, single = run.state["shell"], run.state["single"]
    base = shell.densities.base
    originals = single.originals(skip=base)
    clusterer = window_clusterer(originals, base, run.state["starts"], run.config.cluster)
    clusterer.levels = shell.levels
    save_state(store, clusterer, ids)
    run.lap("state_window_replay")


def stage_cpu(pool: Path, size: int, overlap: int) -> dict[str, object]:
    """CPU ms per article of `ingest` and of each stage's pure function (what the Ray
    stages run), in this process, on the same input; and the agreement of the
    batch's clusters (computed as the Ray stages compute them) with ingest's."""
    run = _CpuRun(pool)
    _cpu_extract(run)
    _cpu_dedupe(run)
    _cpu_cluster(run, size, overlap)
    _cpu_write(run)
    single, ids, groups = run.state["single"], run.state["ids"], run.state["groups"]
    events = {m[0]: e for e, m in single.event_members()}
    agree = {}
    for name, theirs in (("events", events), ("storylines", single.memberships())):
        ours = _labels(groups["event" if name == "events" else "storyline"], ids)
        keys = sorted(ours)
        f1 = score_clustering([theirs[k] for k in keys], [ours[k] for k in keys]).bcubed_f1
        agree[f"{name}_bcubed_vs_ingest"] = round(f1, 4)
    n = len(run.state["articles"])
    return {
        "articles": n,
        "clustered": len(ids),
        "partitions": [(b.start, b.own, b.end) for b in run.state["bounds"]],
        "ms_cpu_per_article": {k: round(1000 * v / n, 3) for k, v in run.cost.items()},
        **agree,
    }


def _tree_cpu() -> dict[str, float]:
    """CPU seconds (user + system, from /proc) of this process's descendants by
    name: Ray's GCS, raylet and agents, and the worker processes running the stages."""
    import os

    tick = os.sysconf("SC_CLK_TCK")
    procs: dict[int, tuple[int, str, float]] = {}
    for entry in (e for e in Path("/proc").iterdir() if e.name.isdigit()):
        try:
            stat = (entry / "stat").read_text()
        except (OSError, ValueError):
            continue
        name = stat[stat.index("(") + 1 : stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2 :].split()
        procs[int(entry.name)] = (int(fields[1]), name, (int(fields[11]) + int(fields[12])) / tick)
    mine = {os.getpid()}
    out: dict[str, float] = {}
    for _ in range(6):  # the tree is a few levels deep
        mine |= {pid for pid, (parent, _, _) in procs.items() if parent in mine}
    for pid in mine - {os.getpid()}:
        _, name, cpu = procs[pid]
        key = "workers" if name.startswith("ray::") else name
        out[key] = round(out.get(key, 0.0) + cpu, 1)
    return out


def _ray_run(args: argparse.Namespace, root: Path) -> dict[str, object]:
    """`ingest` in one process, then `batch` on Ray, on the same shards; both timed."""
    import ray

    from newsfuse.batch.pipeline import BatchOptions, run, start_workers

    n = write_pool(args.articles, root / "pool.jsonl")
    paths = split(root / "pool.jsonl", args.shards)
    config = dataclasses.replace(Config(), db=root / "ingest.db")
    single = open_store(config)
    start, ingest_cpu = time.perf_counter(), time.process_time()
    ingest(paths, config, single)
    ingest_s = time.perf_counter() - start
    ingest_cpu = time.process_time() - ingest_cpu
    batch_config = dataclasses.replace(config, db=root / "batch.db")
    store = open_store(batch_config)
    start, cpu = time.perf_counter(), time.process_time()  # Ray's start included
    ray.init(
        num_cpus=args.workers,
        object_store_memory=1_500_000_000,
        include_dashboard=False,
        log_to_driver=False,
        configure_logging=False,
    )
    options = BatchOptions(args.partition_size, args.overlap, args.workers)
    workers = start_workers(batch_config, args.workers)
    report, _ = run(paths, batch_config, store, options, workers=workers)
    cpu = time.process_time() - cpu
    ray_cpu = _tree_cpu()  # Ray's own processes and its workers, before they exit
    ray.shutdown()
    batch_s = time.perf_counter() - start
    return {
        "documents": n,
        "articles": report.articles,
        "ingest_s": round(ingest_s, 1),
        "batch_s": round(batch_s, 1),
        "ingest_articles_per_s": round(report.articles / ingest_s, 1),
        "batch_articles_per_s": round(report.articles / batch_s, 1),
        "speedup": round(ingest_s / batch_s, 3),
        "ingest_cpu_s": round(ingest_cpu, 1),
        "batch_driver_cpu_s": round(cpu, 1),
        "batch_ray_processes_cpu_s": ray_cpu,
        "batch_cpu_s": round(cpu + sum(ray_cpu.values()), 1),
        "load_average": os.getloadavg(),
        "stages_wall_s": report.seconds,
        "stages_driver_cpu_s": report.driver_cpu,
        "partitions": report.partitions,
        "worker_cpu_s": [{k: round(v, 1) for k, v in w.items()} for w in report.worker_cpu],
        **agreement(single, store),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--shards", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--partition-size", type=int, default=0, help="0: one per worker")
    parser.add_argument("--overlap", type=int, default=50_000)
    parser.add_argument("--cpu-only", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.cpu_only:
            write_pool(args.articles, Path(tmp) / "pool.jsonl")
            result = stage_cpu(Path(tmp) / "pool.jsonl", args.partition_size, args.overlap)
            print(json.dumps(result))
        else:
            print(json.dumps(_ray_run(args, Path(tmp)), indent=1))


if __name__ == "__main__":
    main()
