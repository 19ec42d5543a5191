"""Sharded MinHash de-duplication on Ray Data, as NeMo Curator and text-dedup do it.

Rows in: ``position`` (arrival order, as `ingest` would see the articles) and
``body``. Fingerprints are computed per batch in the workers; LSH band keys are
grouped across workers (a shuffle of small rows: a key and a position); candidate
pairs are verified after joining each side's fingerprint (two shuffles of the
pairs, which are few); only verified edges reach the driver, where
`newsfuse.dedupe.sharded.resolve` replays the single-process rule. The links are
the single-process `Deduplicator`'s (tests/batch/test_batch.py compares them).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import Any, cast

import numpy as np
import ray.data

from newsfuse.config import DedupeOptions
from newsfuse.dedupe.sharded import (
    Edge,
    Fingerprint,
    band_ranges_for,
    bucket_keys,
    bucket_pairs,
    fingerprint,
    resolve,
    verify,
)

Batch = dict[str, np.ndarray]


def _fingerprints(batch: Batch, options: DedupeOptions) -> Batch:
    fps = fingerprint([int(p) for p in batch["position"]], [str(b) for b in batch["body"]], options)
    return {
        "position": np.array([fp.position for fp in fps], dtype=np.int64),
        "signature": np.stack([fp.signature for fp in fps])
        if fps
        else np.zeros((0, options.num_perm), np.uint64),
        "shingles": np.array([fp.shingles for fp in fps], dtype=np.int64),
    }


def _keys(row: dict[str, Any], ranges: list[tuple[int, int]]) -> list[dict[str, Any]]:
    fp = Fingerprint(
        int(row["position"]), np.asarray(row["signature"], np.uint64), int(row["shingles"])
    )
    return [{"key": key, "position": fp.position} for key in bucket_keys(fp, ranges)]


PAIR_SHIFT = 32  # a pair as one int64: earlier << 32 | later (positions below 2**31)


def _pairs(group: Batch) -> Iterator[Batch]:
    pairs = [(a << PAIR_SHIFT) | b for a, b in bucket_pairs(int(p) for p in group["position"])]
    yield {"pair": np.array(pairs, dtype=np.int64)}


def _split(batch: Batch) -> Batch:
    pair = batch["pair"].astype(np.int64)
    return {"earlier": pair >> PAIR_SHIFT, "later": pair & ((1 << PAIR_SHIFT) - 1)}


def _side(fps: ray.data.Dataset, name: str) -> ray.data.Dataset:
    """The fingerprints with their columns renamed for one side of a pair."""
    return cast(
        ray.data.Dataset,
        fps.rename_columns(
            {"position": name, "signature": f"{name}_signature", "shingles": f"{name}_shingles"}
        ),
    )


def _verified(batch: Batch, options: DedupeOptions) -> Batch:
    kept: list[Edge] = []
    for k in range(len(batch["earlier"])):
        a = Fingerprint(
            int(batch["earlier"][k]),
            batch["earlier_signature"][k],
            int(batch["earlier_shingles"][k]),
        )
        b = Fingerprint(
            int(batch["later"][k]), batch["later_signature"][k], int(batch["later_shingles"][k])
        )
        edge = verify(a, b, options)
        if edge is not None:
            kept.append(edge)
    return {
        "earlier": np.array([e.earlier for e in kept], dtype=np.int64),
        "later": np.array([e.later for e in kept], dtype=np.int64),
        "score": np.array([e.score for e in kept], dtype=np.float64),
    }


def fingerprints(rows: ray.data.Dataset, options: DedupeOptions) -> ray.data.Dataset:
    """Columns position, signature, shingles of `rows` (columns position, body),
    computed in the workers and kept (read by the joins and by the writer)."""
    texts = rows.select_columns(["position", "body"])
    fps = texts.map_batches(partial(_fingerprints, options=options), batch_format="numpy")
    return cast(ray.data.Dataset, fps.materialize())


def verified_edges(
    rows: ray.data.Dataset, options: DedupeOptions, partitions: int
) -> ray.data.Dataset:
    """The verified near-copy edges of `rows` (columns position, body)."""
    return edges_of(fingerprints(rows, options), options, partitions)


def edges_of(fps: ray.data.Dataset, options: DedupeOptions, partitions: int) -> ray.data.Dataset:
    """The verified near-copy edges of fingerprints `fps` (`fingerprints`' columns)."""
    ranges = band_ranges_for(options)
    keys = fps.flat_map(partial(_keys, ranges=ranges))
    pairs = keys.groupby("key", num_partitions=partitions).map_groups(_pairs, batch_format="numpy")
    # a pair shares several bands when the texts are close: verify it once
    unique = (
        pairs.groupby("pair", num_partitions=partitions)
        .count()
        .map_batches(_split, batch_format="numpy")
    )
    joined = unique.join(_side(fps, "earlier"), "inner", partitions, on=("earlier",))
    joined = joined.join(_side(fps, "later"), "inner", partitions, on=("later",))
    return joined.map_batches(partial(_verified, options=options), batch_format="numpy")


def _positions(rows: ray.data.Dataset) -> np.ndarray:
    """Every position present, sorted (8 bytes an article on the driver)."""
    parts = [
        b["position"] for b in rows.select_columns(["position"]).iter_batches(batch_format="numpy")
    ]
    return np.sort(np.concatenate(parts)) if parts else np.zeros(0, np.int64)


def links(rows: ray.data.Dataset, options: DedupeOptions, partitions: int) -> dict[int, int]:
    """Copy position -> original position: the single-process links, computed in
    the workers (only verified edges and the positions reach the driver)."""
    edges = [
        Edge(int(row["earlier"]), int(row["later"]), float(row["score"]))
        for row in verified_edges(rows, options, partitions).iter_rows()
    ]
    present = _positions(rows) if options.window else None
    return resolve(edges, options.window, present)
