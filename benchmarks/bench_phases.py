"""Where ingest time goes as the archive grows: seconds per stage per segment of one run.

bench_pipeline.py gives one time per size; this shows which stages make time per
article rise between sizes. Stage functions are wrapped with timers (exclusive
time: a wrapped call inside another is not counted twice); the wrappers cost
a few percent, so the totals are a little above bench_pipeline's.

    python benchmarks/bench_phases.py --size 120000 --segment 10000
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from bench_pipeline import write_pool

import newsfuse
from newsfuse import _pipeline as pipeline  # its stages are timed from outside
from newsfuse.cluster import index, stories, stream, vectorize
from newsfuse.dedupe import index as dedupe_index
from newsfuse.store import core, state
from newsfuse.tracking import StoryTracker

STAGES: dict[str, list[tuple[Any, str]]] = {
    "dedupe": [(dedupe_index.Deduplicator, "check_and_add")],
    "store": [(core.SQLCore, n) for n in ("has_articles", "add_articles", "assign")],
    "vectorize + index": [
        (vectorize.StreamVectorizer, "transform"),
        (index.NeighbourIndex, "add_and_link"),
        (stream.StreamClusterer, "link"),
    ],
    "merge": [
        (stories.StoryGraph, "agglomerate"),
        (stories.StoryGraph, "add"),
        (StoryTracker, "add"),
        (stream.StreamClusterer, "expire"),
    ],
    "regroup": [(stream.StreamClusterer, "refresh")],
    "state save": [(StoryTracker, "save"), (state.SQLStateStore, "save")],
    "headlines": [(pipeline, "store_headlines")],  # the refresh at the end of the ingest
}

seconds: defaultdict[str, float] = defaultdict(float)
_open: list[str] = []
_batches = pipeline._batches
# CPU seconds of this process (`--clock cpu`, the default: the machine is shared) or
# wall seconds (`--clock wall`).
CLOCKS = {"cpu": time.process_time, "wall": time.perf_counter}
_clock = CLOCKS["cpu"]


def _timed(stage: str, func: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = _clock()
        _open.append(stage)
        try:
            return func(*args, **kwargs)
        finally:
            _open.pop()
            spent = _clock() - start
            seconds[stage] += spent
            if _open:
                seconds[_open[-1]] -= spent  # exclusive time of the enclosing stage

    return wrapper


def _timed_batches(items: Any, size: int) -> Iterator[Any]:
    """pipeline._batches, with the time spent reading and extracting counted."""
    it = _batches(items, size)
    while True:
        start = _clock()
        batch = next(it, None)
        seconds["extract"] += _clock() - start
        if batch is None:
            return
        yield batch


def run(pool: Path, db: Path, segment: int) -> list[dict[str, float]]:
    """Ingest `pool` into a new database; stage seconds per `segment` input documents."""
    for stage, targets in STAGES.items():
        for owner, name in targets:
            setattr(owner, name, _timed(stage, getattr(owner, name)))
    pipeline._batches = _timed_batches
    rows: list[dict[str, float]] = []
    seen, last, start = [0], 0.0, _clock()

    def progress(_: object) -> None:
        nonlocal last
        seen[0] += 1
        if seen[0] % segment == 0:
            now = _clock()
            row = {k: v - sum(r.get(k, 0.0) for r in rows) for k, v in seconds.items()}
            row["total"] = now - start - last
            rows.append(row)
            last = now - start

    with newsfuse.open(db) as nf:
        nf.ingest([pool], progress=progress)
    now = _clock()  # the tail: the last partial segment and the headline refresh
    row = {k: v - sum(r.get(k, 0.0) for r in rows) for k, v in seconds.items()}
    row["total"] = now - start - last
    rows.append(row)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=120_000)
    parser.add_argument("--segment", type=int, default=10_000)
    parser.add_argument("--clock", choices=sorted(CLOCKS), default="cpu")
    parser.add_argument("--pool", type=Path, help="the pool file (written if absent)")
    args = parser.parse_args()
    global _clock
    _clock = CLOCKS[args.clock]
    with tempfile.TemporaryDirectory() as tmp:
        pool = args.pool or Path(tmp) / "pool.jsonl"
        if not pool.exists():
            write_pool(args.size, pool)
        rows = run(pool, Path(tmp) / "phases.db", args.segment)
    names = ["extract", *STAGES]
    print("| documents | " + " | ".join(names) + " | other (commits, loop) | total |")
    print("|---:|" + "---:|" * (len(names) + 2))
    for i, row in enumerate(rows):
        span = f"{i * args.segment // 1000}–{(i + 1) * args.segment // 1000}k"
        span = span if i < len(rows) - 1 else "end (refresh)"
        other = row["total"] - sum(row.get(n, 0.0) for n in names)
        cells = " | ".join(f"{row.get(n, 0.0):.1f}" for n in names)
        print(f"| {span} | {cells} | {other:.1f} | {row['total']:.1f} |")


if __name__ == "__main__":
    main()
