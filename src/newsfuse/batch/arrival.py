"""The driver's view of the read: a few numbers per article, in arrival order.

Each shard's worker sends back per-item numbers (place in the shard, id, kind,
language, date, band key hashes) and keeps the texts in a block of the object
store. Here they become one arrival order (the order `ingest` reads the same
files in: shard after shard), each content id kept once at its first position (a
text repeated across shards is "already present" in `ingest`, never a copy), and
the (block, row) picks that later stages hand the workers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from newsfuse.batch.read import failure_of
from newsfuse.types import Failure


@dataclass(frozen=True)
class Arrival:
    """The articles kept (each content id once), in arrival order."""

    position: np.ndarray  # arrival position among all items (articles and failures)
    shard: np.ndarray  # the block holding the article
    row: np.ndarray  # its row in that block
    ids: list[str]
    kinds: list[str]
    languages: list[str]
    dates: list[str | None]
    keys: np.ndarray  # band key hashes of the kept articles, flat
    key_owner: np.ndarray  # the position each key belongs to
    failures: list[tuple[int, Failure]]  # (position, failure), in arrival order
    repeated: int  # articles whose content id came earlier: "already present"

    def pick(
        self, index: np.ndarray, blocks: Sequence[Any]
    ) -> tuple[np.ndarray, np.ndarray, list[Any]]:
        """What a worker needs to read the articles at `index` (into these arrays), in
        that order: the block of each (into the returned list of block references),
        its row, and the blocks themselves (each once)."""
        index = np.asarray(index, dtype=np.int64)
        shards, at = np.unique(self.shard[index], return_inverse=True)
        return at.astype(np.int64), self.row[index], [blocks[int(s)] for s in shards]


def _cat(parts: list[np.ndarray], dtype: Any) -> np.ndarray:
    return np.concatenate(parts).astype(dtype) if parts else np.zeros(0, dtype)


def arrival(metas: Sequence[dict[str, Any]]) -> Arrival:
    """One arrival order from the shards' numbers (`Worker.read`'s), in shard order."""
    offset, seen = 0, set()
    cols: dict[str, list[Any]] = {k: [] for k in ("position", "shard", "row", "keys", "owner")}
    ids: list[str] = []
    kinds: list[str] = []
    langs: list[str] = []
    dates: list[str | None] = []
    failures, repeated = [], 0
    for shard, meta in enumerate(metas):
        failures += [(offset + seq, failure_of(text)) for seq, text in meta["failures"]]
        positions = offset + meta["seq"]
        keep = np.zeros(len(positions), dtype=bool)
        for k, aid in enumerate(meta["id"]):
            keep[k] = aid not in seen
            seen.add(aid)
        repeated += int((~keep).sum())
        kept = np.flatnonzero(keep)
        cols["position"].append(positions[kept])
        cols["shard"].append(np.full(len(kept), shard))
        cols["row"].append(kept)
        owners = np.repeat(positions, meta["nkeys"])
        cols["keys"].append(meta["keys"][np.repeat(keep, meta["nkeys"])])
        cols["owner"].append(owners[np.repeat(keep, meta["nkeys"])])
        ids += [meta["id"][k] for k in kept]
        kinds += [meta["kind"][k] for k in kept]
        langs += [meta["language"][k] for k in kept]
        dates += [meta["date"][k] for k in kept]
        offset += meta["items"]
    return Arrival(
        _cat(cols["position"], np.int64),
        _cat(cols["shard"], np.int64),
        _cat(cols["row"], np.int64),
        ids,
        kinds,
        langs,
        dates,
        _cat(cols["keys"], np.uint64),
        _cat(cols["owner"], np.int64),
        failures,
        repeated,
    )
