"""`newsfuse batch` (Ray Data, local mode) against single-process `ingest` on the same
Multi-News train documents: throughput, per-stage seconds, shuffle sizes, and the
agreement of the two archives (duplicate links, events and storylines, BCubed).

    python benchmarks/bench_batch.py --articles 2000 --shards 4 --workers 2
    python benchmarks/bench_batch.py --articles 10000 --cpu-only --overlap 2048 \
        --partition-size 4096

`--cpu-only` times the pure functions each stage runs, in this process, in CPU
seconds (what a scaling estimate needs, and less sensitive to a loaded machine).

Speeds live here and in docs/benchmarks.md, never in tests.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import tempfile
import time
from pathlib import Path

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


def stage_cpu(pool: Path, size: int, overlap: int) -> dict[str, float]:
    """CPU ms per article of each stage's pure function, run in this process."""
    from newsfuse.cluster.partition import LevelEdges, link_groups, partition_bounds
    from newsfuse.cluster.partition import partition_edges as link_partition
    from newsfuse.dedupe.sharded import fingerprint, links_in_process
    from newsfuse.extract import iter_articles
    from newsfuse.types import Article

    config, clock, cost = Config(), time.process_time, {}
    start = clock()
    found = [a for a in iter_articles([str(pool)], config.extract) if isinstance(a, Article)]
    articles = list({a.id: a for a in found}.values())
    n = len(articles)
    cost["extract"], start = clock() - start, clock()
    fps = fingerprint(range(n), [a.body for a in articles], config.dedupe)
    cost["fingerprint"], start = clock() - start, clock()
    links_in_process([a.body for a in articles], config.dedupe)
    cost["dedupe_all_steps"], start = clock() - start, clock()
    parts = [
        link_partition(articles[b.start : b.end], b, config.cluster)
        for b in partition_bounds(n, size, overlap)
    ]
    cost["link_partitions"], start = clock() - start, clock()
    for level in ("event", "storyline"):
        link_groups(n, LevelEdges.concat([p[level] for p in parts]), config.cluster, level)
    cost["linkage"], start = clock() - start, clock()
    store = open_store(dataclasses.replace(config, db=pool.with_name("cpu.db")))
    for s in range(0, n, 500):
        rows = [
            (a, fps[i].signature, fps[i].shingles) for i, a in enumerate(articles[s : s + 500], s)
        ]
        store.add_articles(rows)
    cost["store_sqlite"] = clock() - start
    return {"articles": n, **{k: round(1000 * v / n, 3) for k, v in cost.items()}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--shards", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--partition-size", type=int, default=8192)
    parser.add_argument("--overlap", type=int, default=4096)
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

    from newsfuse.batch.pipeline import BatchOptions, run

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        n = write_pool(args.articles, root / "pool.jsonl")
        paths = split(root / "pool.jsonl", args.shards)
        config = dataclasses.replace(Config(), db=root / "ingest.db")
        single = open_store(config)
        start = time.perf_counter()
        ingest(paths, config, single)
        ingest_s = time.perf_counter() - start
        batch_config = dataclasses.replace(config, db=root / "batch.db")
        store = open_store(batch_config)
        start = time.perf_counter()
        ray.init(
            num_cpus=args.workers,
            object_store_memory=1_500_000_000,
            include_dashboard=False,
            log_to_driver=False,
            configure_logging=False,
        )
        options = BatchOptions(args.partition_size, args.overlap)
        report, _ = run(paths, batch_config, store, options)
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
            "stages_s": report.seconds,
            "shuffle_bytes": report.sizes,
            **agreement(single, store),
        }
        print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
