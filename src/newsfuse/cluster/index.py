"""Neighbour retrieval for arriving articles: a log-structured inverted index.

An arriving batch must find its nearest earlier articles in time that does not
grow with the archive. Two articles about one event share some of their
highest-weighted terms (names, places, rare nouns), so candidates are articles
sharing one of the new article's `candidate_terms` top terms; a term that is a
top term of more than `max_postings` indexed articles ("president", "police")
carries little event signal and is what would make the work quadratic, so it
is skipped; the best `candidates` per article (by the pruned product) are
re-scored with the exact cosine of the full vectors. The exact all-pairs graph
took ~400 s at 93k articles; this one keeps ~0.7 of its edges (mostly weak
ones carried by common words) at equal clustering quality (docs/tuning.md).

Rows live in chunks, merged like an LSM tree (a chunk absorbs the next when it
is no bigger), so there are O(log n) chunks and each row is copied O(log n)
times in all. Old chunks leave the index when they fall out of the active
window (`expire`): their articles stay stored and searchable, but new articles
no longer link to them, which bounds memory and time per article.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

import numpy as np
from scipy import sparse
from sklearn.preprocessing import normalize

from newsfuse.config import ClusterOptions

Edges = tuple[np.ndarray, np.ndarray, np.ndarray]  # (rows, cols, values), global row ids
LEVELS = 1024  # score levels for the linear-time per-row candidate cut


def top_terms(matrix: sparse.csr_matrix, terms: int) -> sparse.csr_matrix:
    """Each row's `terms` largest entries (ties: lower column first), others dropped."""
    coo = matrix.tocoo()
    order = np.lexsort((coo.col, -coo.data, coo.row))
    rows = coo.row[order]
    rank = np.arange(len(rows)) - np.searchsorted(rows, rows, side="left")
    keep = order[rank < terms]
    return sparse.csr_matrix(
        (coo.data[keep], (coo.row[keep], coo.col[keep])), shape=matrix.shape, dtype=np.float64
    )


def top_k_edges(rows: np.ndarray, cols: np.ndarray, vals: np.ndarray, k: int) -> Edges:
    """Each row's k largest edges; ties go to the lower column, so output is deterministic."""
    order = np.lexsort((cols, -vals, rows))
    rows, cols, vals = rows[order], cols[order], vals[order]
    rank = np.arange(len(rows)) - np.searchsorted(rows, rows, side="left")
    top = rank < k
    return rows[top], cols[top], vals[top]


def _widen(matrix: sparse.csr_matrix, width: int) -> sparse.csr_matrix:
    """The same rows with `width` columns (the vocabulary only grows; no copy)."""
    return sparse.csr_matrix(
        (matrix.data, matrix.indices, matrix.indptr), shape=(matrix.shape[0], width)
    )


@dataclass
class _Chunk:
    first: int  # global id of row 0; rows are consecutive ids
    full: sparse.csr_matrix
    pruned: sparse.csr_matrix
    _postings: sparse.csr_matrix | None = field(default=None, repr=False, compare=False)
    # A cache of `postings`, rebuilt on first use.
    TRANSIENT: ClassVar[frozenset[str]] = frozenset({"_postings"})

    def to_state(self) -> dict[str, Any]:
        return {"first": self.first, "full": self.full, "pruned": self.pruned}

    @classmethod
    def from_state(cls, state: Mapping[str, Any]) -> _Chunk:
        return cls(int(state["first"]), state["full"], state["pruned"])

    @property
    def size(self) -> int:
        return int(self.full.shape[0])

    def postings(self, width: int) -> sparse.csr_matrix:
        """`pruned` transposed (a row per term), with at least `width` term rows.

        It is what `query @ pruned.T` converts the chunk to for every query batch;
        a chunk does not change until merged, so it is converted once and kept,
        and grows empty term rows (amortised) as the vocabulary grows.
        """
        post = self._postings
        if post is None:
            post = sparse.csr_matrix(self.pruned.T)
        if post.shape[0] < width:
            extra = max(width - post.shape[0], post.shape[0] // 4)
            end = np.full(extra, post.indptr[-1], dtype=post.indptr.dtype)
            post = sparse.csr_matrix(
                (post.data, post.indices, np.concatenate([post.indptr, end])),
                shape=(post.shape[0] + extra, post.shape[1]),
            )
        self._postings = post
        return post


def _cut(local: np.ndarray, scores: np.ndarray, rows: int, limit: int) -> np.ndarray:
    """Mask keeping each row's ~`limit` best candidates.

    A full sort of every candidate list costs more than the exact scoring it
    saves, so the cut is linear: scores are bucketed into LEVELS sqrt-spaced
    levels and each row keeps levels from the top down until it has at least
    `limit` (a tie at the cut keeps the whole level). limit 0 keeps all.
    """
    if limit <= 0 or not len(scores):
        return np.ones(len(scores), dtype=bool)
    level = np.minimum((np.sqrt(np.maximum(scores, 0.0)) * LEVELS).astype(np.int64), LEVELS - 1)
    hist = np.bincount(local * LEVELS + level, minlength=rows * LEVELS)
    at_or_above = np.cumsum(hist.reshape(-1, LEVELS)[:, ::-1], axis=1)[:, ::-1]
    cut = np.maximum((at_or_above >= limit).sum(axis=1) - 1, 0)
    return np.asarray(level >= cut[local])


class NeighbourIndex:
    """Top-k earlier neighbours of arriving rows, over the rows of the active window."""

    def __init__(self, options: ClusterOptions) -> None:
        self.options = options
        self.chunks: list[_Chunk] = []
        self.top_df = np.zeros(0, dtype=np.int64)  # per term: indexed rows keeping it on top
        self.df = np.zeros(0, dtype=np.int64)  # per term: indexed rows holding it
        self.count = 0  # global ids handed out so far

    TRANSIENT: ClassVar[frozenset[str]] = frozenset({"options"})

    def to_state(self) -> dict[str, Any]:
        """The index by field: its chunks (each its own state), term counts, ids."""
        return {
            "chunks": [c.to_state() for c in self.chunks],
            "top_df": self.top_df,
            "df": self.df,
            "count": self.count,
        }

    def restore(self, state: Mapping[str, Any]) -> None:
        self.chunks = [_Chunk.from_state(c) for c in state["chunks"]]
        self.top_df = state["top_df"]
        self.df = state["df"]
        self.count = int(state["count"])

    def _pruned(self, full: sparse.csr_matrix) -> sparse.csr_matrix:
        """The top-term rows candidates are found by (all terms if candidate_terms <= 0)."""
        terms = self.options.candidate_terms
        return top_terms(full, terms) if terms > 0 else full

    def _add(self, full: sparse.csr_matrix, pruned: sparse.csr_matrix) -> None:
        width = full.shape[1]
        if len(self.top_df) < width:
            self.top_df = np.concatenate([self.top_df, np.zeros(width - len(self.top_df), int)])
        self.top_df += np.bincount(pruned.indices, minlength=width)
        if len(self.df) < width:
            self.df = np.concatenate([self.df, np.zeros(width - len(self.df), int)])
        self.df += np.bincount(full.indices, minlength=width)
        self.chunks.append(_Chunk(self.count, full, pruned))
        self.count += full.shape[0]
        while len(self.chunks) > 1 and self.chunks[-2].size <= self.chunks[-1].size:
            b, a = self.chunks.pop(), self.chunks.pop()
            w = max(a.full.shape[1], b.full.shape[1])
            self.chunks.append(
                _Chunk(
                    a.first,
                    sparse.csr_matrix(sparse.vstack([_widen(a.full, w), _widen(b.full, w)])),
                    sparse.csr_matrix(sparse.vstack([_widen(a.pruned, w), _widen(b.pruned, w)])),
                )
            )

    def _candidates(self, pruned: sparse.csr_matrix, first: int) -> tuple[np.ndarray, np.ndarray]:
        """(local query row, global id) pairs of earlier rows sharing a kept top term
        (`pruned`: the query rows' top terms)."""
        width = pruned.shape[1]
        cap = self.options.max_postings
        capped = self.top_df[:width] <= cap if cap > 0 else np.ones(width, dtype=bool)
        pruned = sparse.csr_matrix(pruned @ sparse.diags(capped.astype(np.float64)))
        locs, cols, vals = [], [], []
        for chunk in self.chunks:
            postings = chunk.postings(width)
            query = _widen(pruned, postings.shape[0])
            scores = sparse.csr_matrix(query @ postings).tocoo()
            locs.append(scores.row.astype(np.int64))
            cols.append(scores.col.astype(np.int64) + chunk.first)
            vals.append(scores.data)
        local, ids, score = (np.concatenate(x) for x in (locs, cols, vals))
        earlier = (ids < local + first) & (score > 0)
        local, ids, score = local[earlier], ids[earlier], score[earlier]
        keep = _cut(local, score, pruned.shape[0], self.options.candidates)
        return local[keep], ids[keep]

    def _similarities(
        self, rows: sparse.csr_matrix, local: np.ndarray, ids: np.ndarray
    ) -> np.ndarray:
        """Exact cosine of each (query row, indexed id) pair, one chunk at a time: the
        pairs' rows are gathered once, never stacked and re-ordered."""
        sims = np.empty(len(ids))
        width = rows.shape[1]
        for chunk in self.chunks:
            inside = np.flatnonzero((ids >= chunk.first) & (ids < chunk.first + chunk.size))
            if len(inside):
                theirs = _widen(chunk.full[ids[inside] - chunk.first], width)
                products = rows[local[inside]].multiply(theirs)
                sims[inside] = np.asarray(products.sum(axis=1)).ravel()
        return sims

    @property
    def rows(self) -> int:
        """Articles in the index (the active window)."""
        return self.count - self.chunks[0].first if self.chunks else 0

    def reweight(self, rows: sparse.csr_matrix) -> sparse.csr_matrix:
        """`rows` with each term weighted again by the window's own IDF raised to
        `corpus_idf`, then L2-normalized: the vectorizer's IDF is general English's,
        in which "shot", "police" or "senate" are rare words, yet in an archive of
        shootings or of US politics they are in every report and say nothing about
        which event one is. Counted over the indexed rows before this batch (a
        vector is fixed when it arrives), 1 for every term in an empty index."""
        power = self.options.corpus_idf
        if power <= 0 or not rows.nnz:
            return rows
        df = np.zeros(rows.shape[1])
        known = min(len(self.df), rows.shape[1])
        df[:known] = self.df[:known]
        idf = np.log((self.rows + 1.0) / (df + 1.0)) + 1.0
        scaled = sparse.csr_matrix(rows, copy=True)
        scaled.data *= idf[scaled.indices] ** power
        return sparse.csr_matrix(normalize(scaled))

    def add_and_link(self, rows: sparse.csr_matrix) -> Edges:
        """Index `rows` (new global ids count, count+1, ...) and return each one's top-k
        edges (>= min_sim) to earlier indexed rows, batch members included."""
        first = self.count
        pruned = self._pruned(rows)
        self._add(rows, pruned)
        local, ids = self._candidates(pruned, first)
        if not len(ids):
            empty = np.empty(0, dtype=np.int64)
            return empty, empty, np.empty(0)
        sims = self._similarities(rows, local, ids)
        keep = sims >= self.options.min_sim
        return top_k_edges(local[keep] + first, ids[keep], sims[keep], self.options.neighbors)

    def expire(self, before: int) -> None:
        """Drop whole chunks whose rows all have global ids < `before`."""
        while self.chunks and self.chunks[0].first + self.chunks[0].size <= before:
            old = self.chunks.pop(0)
            self.top_df[: old.pruned.shape[1]] -= np.bincount(
                old.pruned.indices, minlength=old.pruned.shape[1]
            )
            width = old.full.shape[1]
            self.df[:width] -= np.bincount(old.full.indices, minlength=width)
