"""De-duplication as sharded stages: the same links as `Deduplicator`, in parallel.

The single-process `Deduplicator` takes articles one by one: an article is a copy
of the best verified original among the last `window` originals before it. Done at
scale the way NeMo Curator, datatrove and text-dedup do it, that becomes four steps,
each a pure function here so that any engine (Ray in newsfuse.batch, or a plain
loop in tests) can run them:

1. `fingerprint`: a MinHash signature and shingle count per article (parallel, per row);
2. `bucket_keys`: one key per LSH band (or one exact key for very short texts);
   grouping rows by key across workers yields the candidate pairs (`bucket_pairs`);
3. `verify`: the estimated containment of each candidate pair, kept when it passes;
4. `resolve`: one pass in arrival order over the verified pairs decides which
   articles are originals and which original each copy links to.

Steps 1-3 are where the work is; step 4 touches only verified pairs, which are few.
Because a copy's original must itself be an original and must be among the last
`window` originals, step 4 replays the single-process rule exactly instead of taking
connected components (components would chain A~B~C into one even when A and C
differ, and ignore the window): the links are identical, which tests check.
"""

from __future__ import annotations

import bisect
import hashlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from newsfuse.config import DedupeOptions
from newsfuse.dedupe.index import MIN_SHINGLES, band_ranges, containment
from newsfuse.dedupe.shingles import empty_minhash, shingles, signature_of


@dataclass(frozen=True)
class Fingerprint:
    """What de-duplication knows of one article: its place in arrival order, its
    MinHash signature (uint64 values) and how many distinct shingles it has."""

    position: int
    signature: np.ndarray
    shingles: int


@dataclass(frozen=True)
class Edge:
    """A verified near-copy candidate: `later` may be a copy of `earlier`."""

    earlier: int
    later: int
    score: float


def fingerprint(
    positions: Sequence[int], bodies: Sequence[str], options: DedupeOptions
) -> list[Fingerprint]:
    """Fingerprints of a batch of bodies (one permutation setup per batch)."""
    template = empty_minhash(options)
    out: list[Fingerprint] = []
    for position, body in zip(positions, bodies, strict=True):
        shingle_set = shingles(body, options)
        out.append(Fingerprint(position, signature_of(shingle_set, template), len(shingle_set)))
    return out


def bucket_keys(fp: Fingerprint, ranges: Sequence[tuple[int, int]]) -> list[bytes]:
    """The buckets an article falls in: one per LSH band, prefixed by the band's
    number; a text under MIN_SHINGLES shingles matches only exact copies, so it
    gets one key of its whole signature and count instead (as in the index)."""
    raw = np.asarray(fp.signature, dtype=np.uint64).tobytes()
    if fp.shingles < MIN_SHINGLES:
        return [b"x" + fp.shingles.to_bytes(4, "little") + raw]
    return [band.to_bytes(2, "little") + raw[start:end] for band, (start, end) in enumerate(ranges)]


def key_hashes(keys: Sequence[bytes]) -> np.ndarray:
    """Bucket keys as 64-bit hashes (8 bytes a band instead of the band's values):
    what the batch's driver groups. A collision only adds a candidate pair, which
    verification (the estimated containment) then decides as for any other pair."""
    digests = b"".join(hashlib.blake2b(k, digest_size=8).digest() for k in keys)
    return np.frombuffer(digests, dtype="<u8").astype(np.uint64)


def grouped_pairs(keys: np.ndarray, positions: np.ndarray) -> set[tuple[int, int]]:
    """Every (earlier, later) pair of positions sharing a key: `keys[i]` is a key of
    the article at `positions[i]` (an article appears once per key). One sort of
    the keys, on the driver: they are 8 bytes each, so a group by key needs no
    shuffle until the keys of all articles no longer fit one machine's memory."""
    order = np.argsort(keys, kind="stable")
    ordered, owners = keys[order], positions[order]
    starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
    ends = np.r_[starts[1:], len(ordered)]
    pairs: set[tuple[int, int]] = set()
    for a, b in zip(starts[ends - starts > 1], ends[ends - starts > 1], strict=True):
        pairs.update(bucket_pairs(int(p) for p in owners[a:b]))
    return pairs


def bucket_pairs(positions: Iterable[int]) -> Iterator[tuple[int, int]]:
    """Every (earlier, later) pair of the articles sharing one bucket."""
    members = sorted(set(positions))
    for k, later in enumerate(members):
        for earlier in members[:k]:
            yield earlier, later


def verify(a: Fingerprint, b: Fingerprint, options: DedupeOptions) -> Edge | None:
    """The pair as an edge when the later text is contained in the earlier enough
    (exact copies only, for short texts), else None."""
    earlier, later = (a, b) if a.position < b.position else (b, a)
    if min(a.shingles, b.shingles) < MIN_SHINGLES:
        same = a.shingles == b.shingles and np.array_equal(a.signature, b.signature)
        return Edge(earlier.position, later.position, 1.0) if same else None
    score = containment(later.signature, later.shingles, earlier.signature, earlier.shingles)
    if score < options.containment:
        return None
    return Edge(earlier.position, later.position, score)


def resolve(
    edges: Iterable[Edge], window: int, present: np.ndarray | None = None
) -> dict[int, int]:
    """Copy position -> original position, by the single-process rule: in arrival
    order, an article's original is its best verified candidate (highest score,
    then earliest) that is itself an original and among the last `window`
    originals before it (0 = all); an article with none is an original.

    Positions are 0..n-1 unless `present` (sorted) lists them: a batch whose
    failed records or repeated texts left gaps ranks articles by it instead."""

    def rank(position: int) -> int:  # articles before `position`
        if present is None:
            return position
        return int(np.searchsorted(present, position))

    by_later: dict[int, list[Edge]] = {}
    for edge in edges:
        by_later.setdefault(edge.later, []).append(edge)
    links: dict[int, int] = {}
    copies: list[int] = []  # copy positions, ascending (to rank originals)
    for later in sorted(by_later):
        originals_before = rank(later) - len(copies)
        best: tuple[float, int] | None = None
        for edge in by_later[later]:
            if edge.earlier in links:
                continue
            rank_of = rank(edge.earlier) - bisect.bisect_left(copies, edge.earlier)
            if window and originals_before - rank_of > window:
                continue
            key = (-edge.score, edge.earlier)
            if best is None or key < best:
                best = key
        if best is not None:
            links[later] = best[1]
            copies.append(later)
    return links


def band_ranges_for(options: DedupeOptions) -> list[tuple[int, int]]:
    """The LSH bands of the options (the single-process index's bands)."""
    return band_ranges(options.lsh_threshold, options.num_perm)


def links_in_process(bodies: Sequence[str], options: DedupeOptions) -> dict[int, int]:
    """All four steps in one process (the reference the engines are compared with):
    copy position -> original position for `bodies` in arrival order."""
    fps = fingerprint(range(len(bodies)), bodies, options)
    ranges = band_ranges_for(options)
    buckets: dict[bytes, list[int]] = {}
    for fp in fps:
        for key in bucket_keys(fp, ranges):
            buckets.setdefault(key, []).append(fp.position)
    pairs = {pair for members in buckets.values() for pair in bucket_pairs(members)}
    edges = (verify(fps[a], fps[b], options) for a, b in sorted(pairs))
    return resolve((e for e in edges if e is not None), options.window)
