"""Build the list of cross-story boilerplate sentences (newsfuse.summarize.recurring).

Reads every Multi-News TRAIN cluster, splits each document into sentences with
the production splitter, and counts in how many clusters each normalised
sentence occurs; those in at least MIN_STORIES clusters (and of at least
MIN_WORDS words) are written as sorted uint64 hashes. Deterministic: rerunning
reproduces the file byte for byte; the script prints its sha256, to pin as
DATA_SHA256 in recurring.py.

    python scripts/build_recurring.py [--jobs 2] [--show 20]
"""

from __future__ import annotations

import argparse
import hashlib
import time
from collections import Counter
from io import BytesIO
from multiprocessing import Pool
from pathlib import Path

import numpy as np
from train_scorer import TRAIN, load_sample

from newsfuse.evaluation.datasets import SummaryCluster
from newsfuse.summarize import recurring
from newsfuse.text.sentences import split_sentences

OUT = Path(__file__).resolve().parents[1] / "src/newsfuse/summarize/data" / recurring.DATA_FILE


def cluster_sentences(cluster: SummaryCluster) -> dict[int, str]:
    """Hash -> one example text, of the distinct sentences of the cluster's documents."""
    out: dict[int, str] = {}
    for i, doc in enumerate(cluster.documents):
        for s in split_sentences(f"{cluster.id}:{i}", doc.text):
            h = recurring.sentence_hash(s.text)
            if h:
                out.setdefault(h, s.text)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--show", type=int, default=20, help="print the most frequent ones")
    parser.add_argument("--out", default=str(OUT))
    args = parser.parse_args()
    start = time.perf_counter()
    clusters = load_sample(TRAIN, 10**9)
    counts: Counter[int] = Counter()
    example: dict[int, str] = {}
    with Pool(args.jobs) as pool:
        for found in pool.imap(cluster_sentences, clusters, chunksize=64):
            counts.update(found.keys())
            for h, text in found.items():
                example.setdefault(h, text)
    keep = sorted(h for h, n in counts.items() if n >= recurring.MIN_STORIES)
    for h, n in counts.most_common(args.show):
        print(f"{n:6d}  {example[h][:100]}")
    buffer = BytesIO()
    np.save(buffer, np.array(keep, dtype=np.uint64), allow_pickle=False)
    data = buffer.getvalue()
    Path(args.out).write_bytes(data)
    took = time.perf_counter() - start
    print(f"{len(clusters)} clusters, {len(counts)} sentences, {len(keep)} kept, {took:.0f} s")
    print(f"{args.out}: {len(data)} bytes, sha256 {hashlib.sha256(data).hexdigest()}")


if __name__ == "__main__":
    main()
