"""Near-duplicate lookup: LSH retrieves candidates, containment verifies them.

Jaccard alone misses syndicated copies with an added paragraph (the sets
differ in size), so a candidate is accepted on the estimated containment of the
smaller shingle set in the larger: C = J(|A|+|B|) / ((1+J) min(|A|,|B|)),
which follows from |A∩B| = J|A∪B| and |A∪B| = |A|+|B|-|A∩B|. Texts with very
few shingles get noisy estimates, so they only match exact normalized copies
(equal signature and shingle count).
"""

from __future__ import annotations

import numpy as np
from datasketch import MinHashLSH

from newsfuse.config import DedupeOptions
from newsfuse.dedupe.shingles import empty_minhash, shingles, signature_of
from newsfuse.types import Article

MIN_SHINGLES = 10  # below this, only exact (normalized) copies count


def band_ranges(threshold: float, num_perm: int) -> list[tuple[int, int]]:
    """Byte ranges of a signature's LSH bands: datasketch's MinHashLSH's bands for
    this threshold and number of permutations (the single-process index and the
    sharded batch de-duplication both band with these)."""
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return [(8 * start, 8 * end) for start, end in lsh.hashranges]


class BandIndex:
    """MinHash LSH: the ids whose signatures agree with a query on a whole band.

    The bands (count and width) are datasketch's MinHashLSH's for the same
    threshold and permutations, so candidates are the same ids. A bucket holds
    one id as a plain string and a list only when shared: datasketch keeps a
    set per bucket, 25 per article, which the garbage collector walked on
    every full collection (most of the dedupe time at 100k articles).
    """

    def __init__(self, threshold: float, num_perm: int) -> None:
        self.ranges = band_ranges(threshold, num_perm)  # in bytes
        self.tables: list[dict[bytes, str | list[str]]] = [{} for _ in self.ranges]

    def _bands(self, sig: np.ndarray) -> list[bytes]:
        raw = sig.tobytes()
        return [raw[start:end] for start, end in self.ranges]

    def insert(self, key: str, sig: np.ndarray) -> None:
        for table, band in zip(self.tables, self._bands(sig), strict=True):
            held = table.setdefault(band, key)
            if isinstance(held, list):
                held.append(key)
            elif held != key:
                table[band] = [held, key]

    def remove(self, key: str, sig: np.ndarray) -> None:
        for table, band in zip(self.tables, self._bands(sig), strict=True):
            held = table[band]
            if isinstance(held, str):
                del table[band]
            else:
                held.remove(key)
                if len(held) == 1:
                    table[band] = held[0]

    def query(self, sig: np.ndarray) -> set[str]:
        found: set[str] = set()
        for table, band in zip(self.tables, self._bands(sig), strict=True):
            held = table.get(band)
            if isinstance(held, str):
                found.add(held)
            elif held is not None:
                found.update(held)
        return found


def containment(sig_a: np.ndarray, n_a: int, sig_b: np.ndarray, n_b: int) -> float:
    """Estimated share of the smaller shingle set contained in the larger one."""
    if min(n_a, n_b) == 0:
        return 0.0
    j = float(np.count_nonzero(sig_a == sig_b)) / len(sig_a)
    return min(1.0, j * (n_a + n_b) / ((1.0 + j) * min(n_a, n_b)))


class Deduplicator:
    """Index of originals; finds the original an article is a near-copy of."""

    def __init__(self, options: DedupeOptions) -> None:
        self.options = options
        self._template = empty_minhash(options)
        self._lsh = BandIndex(options.lsh_threshold, options.num_perm)
        self._sigs: dict[str, tuple[np.ndarray, int]] = {}
        self._order: dict[str, int] = {}  # arrival number, for ties (never reused)
        self._arrivals = 0
        self._exact: dict[tuple[bytes, int], str] = {}

    def __len__(self) -> int:
        return len(self._sigs)

    def add(self, article_id: str, sig: np.ndarray, n_shingles: int) -> None:
        """Index a known original (e.g. when rebuilding from storage); repeats are ignored."""
        if article_id in self._sigs:
            return
        sig = np.asarray(sig, dtype=np.uint64)
        self._sigs[article_id] = (sig, n_shingles)
        self._order[article_id] = self._arrivals
        self._arrivals += 1
        if n_shingles < MIN_SHINGLES:
            self._exact.setdefault((sig.tobytes(), n_shingles), article_id)
        else:
            self._lsh.insert(article_id, sig)
        if 0 < self.options.window < len(self._sigs):
            self._evict(next(iter(self._sigs)))

    def _evict(self, article_id: str) -> None:
        """Forget the oldest original: near-copies are looked for among the last `window`."""
        sig, n = self._sigs.pop(article_id)
        del self._order[article_id]
        if n < MIN_SHINGLES:
            key = (sig.tobytes(), n)
            if self._exact.get(key) == article_id:
                del self._exact[key]
        else:
            self._lsh.remove(article_id, sig)

    def find_original(self, sig: np.ndarray, n_shingles: int) -> str | None:
        """Id of the indexed original `sig` is a near-copy of, or None.

        Among verified candidates the highest containment wins, then the
        earliest indexed, so the answer does not depend on set iteration order.
        """
        sig = np.asarray(sig, dtype=np.uint64)
        if n_shingles < MIN_SHINGLES:
            return self._exact.get((sig.tobytes(), n_shingles))
        best: tuple[float, int] | None = None
        best_id: str | None = None
        for cand in self._lsh.query(sig):
            c_sig, c_n = self._sigs[cand]
            score = containment(sig, n_shingles, c_sig, c_n)
            if score < self.options.containment:
                continue
            key = (-score, self._order[cand])
            if best is None or key < best:
                best, best_id = key, cand
        return best_id

    def check_and_add(self, article: Article) -> tuple[str | None, np.ndarray, int]:
        """(original id or None, signature, shingle count); indexes the article if original."""
        sh = shingles(article.body, self.options)
        sig = signature_of(sh, self._template)
        original = self.find_original(sig, len(sh))
        if original is None:
            self.add(article.id, sig, len(sh))
        return original, sig, len(sh)
