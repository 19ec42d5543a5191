"""Sharded MinHash de-duplication, as NeMo Curator and text-dedup do it.

Fingerprints and LSH band keys are computed in the workers as each shard is read
(`Worker.read`). The keys reach the driver as 8-byte hashes (~20 an article: the
group by key is one sort there, no shuffle and no engine stage); candidate pairs
are few, so only their sides' signatures are fetched from the blocks that hold
them, and each pair is verified by the single-process estimate. Then
`newsfuse.dedupe.sharded.resolve` replays the single-process rule over the
verified edges: the links are the single-process `Deduplicator`'s
(tests/batch/test_batch.py compares them).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from newsfuse.batch.arrival import Arrival
from newsfuse.config import DedupeOptions
from newsfuse.dedupe.sharded import Fingerprint, grouped_pairs, resolve, verify


def links(
    arrival: Arrival, blocks: Sequence[Any], workers: Sequence[Any], options: DedupeOptions
) -> dict[int, int]:
    """Copy position -> original position over the kept articles of `arrival`."""
    import ray

    pairs = grouped_pairs(arrival.keys, arrival.key_owner)
    need = np.array(sorted({p for pair in pairs for p in pair}), dtype=np.int64)
    index = np.searchsorted(arrival.position, need)
    calls = []
    for k, shard in enumerate(np.unique(arrival.shard[index])):
        mine = index[arrival.shard[index] == shard]
        worker = workers[k % len(workers)]
        calls.append((mine, worker.signatures.remote(arrival.row[mine], blocks[int(shard)])))
    fps: dict[int, Fingerprint] = {}
    for mine, call in calls:
        for i, (signature, shingles) in zip(mine, ray.get(call), strict=True):
            position = int(arrival.position[i])
            fps[position] = Fingerprint(position, signature, shingles)
    edges = (verify(fps[a], fps[b], options) for a, b in sorted(pairs))
    present = arrival.position if options.window else None
    return resolve((e for e in edges if e is not None), options.window, present)
