"""Grid-evaluate story clustering on a labelled pooled set (tuning: val and Wikinews only).

Usage:
  python scripts/tune_cluster.py --data val --grid threshold=0.08,0.1 centroid_weight=0.9
  python scripts/tune_cluster.py --data wikinews --mode stream --level storyline
  python scripts/tune_cluster.py --data gva --grid event_threshold=0.08,0.1
  python scripts/tune_cluster.py --file /tmp/train_stream.jsonl --mode stream
  python scripts/tune_cluster.py --data gva --small 3 --level storyline --mode stream
--small K: instead of the whole set, 200 fresh small archives of K same-topic incidents
each (evaluation/cluster_small.py): how often two incidents share a cluster.
Datasets: val = multinews_val_pooled, wikinews = wikinews_pooled, gva = gva_dev (events),
test = multinews_test_pooled
(report once with tuned defaults; never tune on it); --file reads any pooled-schema file,
e.g. a Multi-News train stream from scripts/stream_pool.py. One markdown row per setting.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import resource
import time
from dataclasses import fields, replace
from functools import partial
from pathlib import Path
from typing import Any

from newsfuse.cluster import cluster_batch, cluster_stream
from newsfuse.config import ClusterOptions, ExtractOptions
from newsfuse.evaluation import score_clustering
from newsfuse.evaluation.cluster_small import score_small, topic_samples
from newsfuse.extract import iter_articles
from newsfuse.types import Article

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "clustering"
FILES = {
    "val": "multinews_val_pooled.jsonl.gz",
    "test": "multinews_test_pooled.jsonl.gz",
    "wikinews": "wikinews_pooled.jsonl",
    "gva": "gva_dev.jsonl.gz",
}


def load(path: Path, limit: int | None) -> tuple[list[Article], list[str]]:
    """Articles in file order and their gold cluster labels."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        labels = [json.loads(line)["cluster"] for line in itertools.islice(fh, limit)]
    # Articles come through the production extractor, so tuning sees what ingest sees.
    articles: list[Article] = []
    gold: list[str] = []
    for item in iter_articles([path], ExtractOptions()):
        if isinstance(item, Article):
            line_no = int(item.source.rsplit(":", 1)[1])
            if line_no > len(labels):
                break
            articles.append(item)
            gold.append(labels[line_no - 1])
    return articles, gold


def parse_grid(items: list[str]) -> list[dict[str, Any]]:
    """['threshold=0.1,0.2', 'bigrams=true'] -> list of ClusterOptions overrides."""
    types = {f.name: f.type for f in fields(ClusterOptions)}
    axes: list[list[tuple[str, Any]]] = []
    for item in items:
        key, values = item.split("=", 1)
        conv: Any = {"float": float, "int": int, "bool": lambda v: v.lower() == "true"}[
            str(types[key]).removesuffix(" | None")
        ]
        axes.append([(key, conv(v)) for v in values.split(",")])
    return [dict(combo) for combo in itertools.product(*axes)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", choices=sorted(FILES), default="val")
    ap.add_argument("--file", type=Path, help="a pooled-schema JSONL file instead of --data")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--grid", nargs="*", default=[])
    ap.add_argument("--mode", nargs="+", choices=("stream", "batch"), default=["stream", "batch"])
    ap.add_argument("--level", choices=("event", "storyline"), default="event")
    ap.add_argument("--small", type=int, default=0, help="K incidents per small archive")
    ap.add_argument("--samples", type=int, default=200)
    ap.add_argument("--pool", type=int, default=0, help="draw from the POOL most alike")
    ap.add_argument("--digits", type=int, default=3, help="decimals of the scores")
    args = ap.parse_args()
    if args.small:
        small(args)
        return
    t0 = time.perf_counter()
    path = args.file or SHARED / FILES[args.data]
    articles, gold = load(path, args.limit)
    print(f"# {path.name}: {len(articles)} articles, loaded in {time.perf_counter() - t0:.1f}s")
    print("| mode | settings | B-P | B-R | B-F1 | pw-F1 | ARI | pred/gold | s |")
    print("|---|---|---|---|---|---|---|---|---|")
    for overrides in parse_grid(args.grid):
        opts = replace(ClusterOptions(), **overrides)
        for mode in args.mode:
            t = time.perf_counter()
            groups = (cluster_stream if mode == "stream" else cluster_batch)(
                articles, opts, args.level
            )
            pred = [0] * len(articles)
            for g, members in enumerate(groups):
                for i in members:
                    pred[i] = g
            s = score_clustering(gold, pred)
            label = " ".join(f"{k}={v}" for k, v in overrides.items()) or "defaults"
            d = args.digits
            print(
                f"| {mode} | {label} | {s.bcubed_precision:.{d}f} | {s.bcubed_recall:.{d}f} | "
                f"{s.bcubed_f1:.{d}f} | {s.pairwise_f1:.{d}f} | {s.ari:.{d}f} | "
                f"{s.n_pred}/{s.n_gold} | {time.perf_counter() - t:.1f} |",
                flush=True,
            )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"# total {time.perf_counter() - t0:.1f}s, peak RSS {peak:.0f} MB")


def small(args: argparse.Namespace) -> None:
    """The --small table: one row per setting and mode over the same samples."""
    articles, gold = load(args.file or SHARED / FILES[args.data], args.limit)
    samples = topic_samples(articles, gold, args.small, args.samples, args.pool)
    print(f"# {len(samples)} archives of {args.small} incidents (pool {args.pool}), {args.level}")
    print("| mode | settings | mixed | split | B-P | B-R |")
    print("|---|---|---|---|---|---|")
    for overrides in parse_grid(args.grid):
        opts = replace(ClusterOptions(), **overrides)
        for mode in args.mode:
            method = cluster_stream if mode == "stream" else cluster_batch
            group = partial(method, options=opts, level=args.level)
            s = score_small(articles, gold, samples, group)
            label = " ".join(f"{k}={v}" for k, v in overrides.items()) or "defaults"
            print(
                f"| {mode} | {label} | {s.mixed:.3f} | {s.split:.3f} | "
                f"{s.bcubed_precision:.3f} | {s.bcubed_recall:.3f} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
