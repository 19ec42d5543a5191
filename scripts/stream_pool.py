"""A labelled article stream from Multi-News *train*, with stories local in time.

The pooled val/test files are shuffled as a whole: a story's articles arrive
anywhere in 15k, and no pooled set is larger than that. Stream settings that
only bind at scale (how far back regrouping reaches, refresh_max_age) need a
longer stream whose stories, like real ones, arrive over a stretch of the feed
and end. Here each of the first `--clusters` train clusters (in file order)
opens at an even rate, and each of its articles arrives a uniform random
number of articles later, up to `--spread`; the stream is sorted by arrival.
Train only: nothing tuned on it touches val or test.

    python scripts/stream_pool.py --clusters 22000 --spread 8192 --out /tmp/train_stream.jsonl
    python scripts/tune_cluster.py --file /tmp/train_stream.jsonl --mode stream \\
        --grid refresh_max_age=0,16384
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from train_scorer import TRAIN

from newsfuse.evaluation.datasets import open_output, read_summary_clusters


def build(clusters: int, spread: int, seed: int) -> list[tuple[float, dict[str, object]]]:
    """(arrival, record) for every article of the first `clusters` train clusters."""
    rng = random.Random(seed)
    rows = read_summary_clusters(TRAIN, clusters)
    rate = sum(len(r.documents) for r in rows) / max(1, len(rows))  # articles per story
    out: list[tuple[float, dict[str, object]]] = []
    for rank, row in enumerate(rows):
        for i, doc in enumerate(row.documents):
            record: dict[str, object] = {
                "id": f"{row.id}#{i}",
                "title": doc.title,
                "text": doc.text,
                "source": doc.source,
                "date": doc.date,
                "lang": "en",
                "cluster": row.id,
            }
            out.append((rank * rate + rng.uniform(0, spread), record))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clusters", type=int, default=22_000)
    ap.add_argument("--spread", type=int, default=8192, help="articles over which a story arrives")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    stream = sorted(build(args.clusters, args.spread, args.seed), key=lambda x: x[0])
    with open_output(args.out) as fh:
        for _, record in stream:
            fh.write(json.dumps(record) + "\n")
    print(f"{len(stream)} articles, {args.clusters} stories -> {args.out}")


if __name__ == "__main__":
    main()
