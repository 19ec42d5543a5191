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


def stage_cpu(pool: Path, size: int, overlap: int) -> dict[str, object]:
    """CPU ms per article of `ingest` and of each stage's pure function (what the Ray
    stages run), in this process, on the same input; and the agreement of the
    batch's clusters (computed as the Ray stages compute them) with ingest's."""
    from newsfuse.batch.pipeline import WRITE_BATCH, _archive_stories
    from newsfuse.batch.state import save_state, window_clusterer
    from newsfuse.cluster.partition import (
        LevelEdges,
        link_starts,
        partition_bounds,
        stream_levels,
    )
    from newsfuse.cluster.partition import partition_edges as link_partition
    from newsfuse.dedupe.sharded import fingerprint, links_in_process
    from newsfuse.extract import iter_articles
    from newsfuse.headlines import store_headlines
    from newsfuse.types import Article

    config, clock, cost = Config(), time.process_time, {}
    single = open_store(dataclasses.replace(config, db=pool.with_name("ingest.db")))
    start = clock()
    ingest([str(pool)], config, single)
    cost["ingest_single_process"], start = clock() - start, clock()
    items = list(iter_articles([str(pool)], config.extract))
    first: dict[str, int] = {}
    for position, item in enumerate(items):
        if isinstance(item, Article):
            first.setdefault(item.id, position)
    articles = [items[p] for p in sorted(first.values())]
    n = len(articles)
    cost["extract"], start = clock() - start, clock()
    fps = fingerprint(range(n), [a.body for a in articles], config.dedupe)
    cost["fingerprint"], start = clock() - start, clock()
    links_in_process([a.body for a in articles], config.dedupe)
    cost["dedupe_all_steps"], start = clock() - start, clock()
    originals = single.originals()  # the clustered originals (dedupe gives the same links)
    m = len(originals)
    starts = link_starts(np.array([first[a.id] for a in originals]) // WRITE_BATCH, 256)
    bounds = partition_bounds(m, size, overlap, starts)
    parts = [link_partition(originals[b.start : b.end], b, config.cluster, starts) for b in bounds]
    cost["link_partitions"], start = clock() - start, clock()
    edges = {lv: LevelEdges.concat([p[lv] for p in parts]) for lv in ("event", "storyline")}
    shell, retired = stream_levels(m, edges, starts, config.cluster)
    groups = {lv: shell.groups(lv, retired[lv]) for lv in ("event", "storyline")}
    cost["stream_replay"], start = clock() - start, clock()
    ids = [a.id for a in originals]
    store = open_store(dataclasses.replace(config, db=pool.with_name("cpu.db")))
    for s in range(0, n, 500):
        rows = [
            (a, fps[i].signature, fps[i].shingles) for i, a in enumerate(articles[s : s + 500], s)
        ]
        store.add_articles(rows)
    cost["store_write"], start = clock() - start, clock()
    stories = _archive_stories(groups, ids, {})
    store.replace_stories(stories["storyline"])
    store.replace_events([(a, e.id) for e in stories["event"] for a in e.article_ids])
    store_headlines(store, config.brief.models.headline_nlp())
    cost["stories_and_headlines"], start = clock() - start, clock()
    base = shell.densities.base
    clusterer = window_clusterer(single.originals(skip=base), base, starts, config.cluster)
    clusterer.levels = shell.levels
    save_state(store, clusterer, ids)
    cost["state_window_replay"] = clock() - start
    events = {m[0]: e for e, m in single.event_members()}
    lines = single.memberships()
    agree = {}
    for name, theirs in (("events", events), ("storylines", lines)):
        ours = _labels(groups["event" if name == "events" else "storyline"], ids)
        keys = sorted(ours)
        f1 = score_clustering([theirs[k] for k in keys], [ours[k] for k in keys]).bcubed_f1
        agree[f"{name}_bcubed_vs_ingest"] = round(f1, 4)
    return {
        "articles": n,
        "clustered": m,
        "partitions": [(b.start, b.own, b.end) for b in bounds],
        "ms_cpu_per_article": {k: round(1000 * v / n, 3) for k, v in cost.items()},
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
    mine, out = {os.getpid()}, {}
    for _ in range(6):  # the tree is a few levels deep
        mine |= {pid for pid, (parent, _, _) in procs.items() if parent in mine}
    for pid in mine - {os.getpid()}:
        _, name, cpu = procs[pid]
        key = "workers" if name.startswith("ray::") else name
        out[key] = round(out.get(key, 0.0) + cpu, 1)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--shards", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--partition-size", type=int, default=0, help="0: one per worker")
    parser.add_argument("--overlap", type=int, default=50_000)
    parser.add_argument("--cpu-only", action="store_true")
    args = parser.parse_args()
    if args.cpu_only:
        with tempfile.TemporaryDirectory() as tmp:
            write_pool(args.articles, Path(tmp) / "pool.jsonl")
            print(
                json.dumps(stage_cpu(Path(tmp) / "pool.jsonl", args.partition_size, args.overlap))
            )
        return
    import ray

    from newsfuse.batch.pipeline import BatchOptions, run, start_workers

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
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
        result = {
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
        print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
