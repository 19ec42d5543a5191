"""Stories as a growing graph of article clusters, merged by one linkage score.

Both clustering modes share this structure and its score, so they cannot
disagree about what "similar enough" means:

- stream (`agglomerate(seeds)`): a batch of arriving articles starts as
  one-article stories, and merges involving them happen best first while the
  score stays >= threshold; merges of two stories that existed before are
  returned so they can be recorded;
- batch (`agglomerate()`): every article starts alone and all pairs are merged
  best first (average linkage over the whole archive).

The score is size-normalised average linkage: the sum of
link weights between two stories over |a| |b|, divided by (|mean_a| |mean_b|)
^ alpha, moving toward centroid cosine so a story told in many loosely
similar updates still holds together. A merged story keeps the key of its
oldest article, so story ids stay stable as stories grow and merge.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Mapping
from typing import Any, ClassVar

import numpy as np

SLACK = 1e-9  # relative margin of the factored pre-filter in StoryGraph.above


class StoryGraph:
    """Stories keyed by their oldest article's id, with link sums between them."""

    def __init__(self, threshold: float, alpha: float) -> None:
        self.threshold = threshold
        self.alpha = alpha
        self.story_of: dict[int, int] = {}  # article id -> story key
        self.members: dict[int, list[int]] = {}
        self.links: dict[int, dict[int, float]] = {}
        self.within: dict[int, float] = {}  # sum of link weights inside the story
        self.scale: dict[int, float] = {}  # story key -> its factor of the score (_scale)

    TRANSIENT: ClassVar[frozenset[str]] = frozenset({"threshold", "alpha"})  # options
    DERIVED: ClassVar[frozenset[str]] = frozenset({"story_of", "scale"})  # rebuilt by restore

    def to_state(self) -> dict[str, Any]:
        """The stories by field (not copied: serialise before the graph changes)."""
        return {"members": self.members, "within": self.within, "links": self.links}

    def restore(self, state: Mapping[str, Any]) -> None:
        """Continue from `to_state`'s output; `story_of` and `scale` are recomputed."""
        for key, members in state["members"].items():
            self.set_story(key, list(members), state["within"][key])
        for a, row in state["links"].items():
            self.links[a].update(row)

    def score(self, a: int, b: int) -> float:
        size_a, size_b = len(self.members[a]), len(self.members[b])
        avg = self.links[a].get(b, 0.0) / (size_a * size_b)
        if self.alpha == 0.0:
            return avg
        norm_a = (size_a + 2 * self.within[a]) / size_a**2
        norm_b = (size_b + 2 * self.within[b]) / size_b**2
        return float(avg / (norm_a * norm_b) ** (self.alpha / 2))

    def _scale(self, story: int) -> float:
        """The score factors into link sum x scale[a] x scale[b] (up to rounding)."""
        size = len(self.members[story])
        if self.alpha == 0.0:
            return 1.0 / size
        norm = (size + 2 * self.within[story]) / size**2
        return float(norm ** (-self.alpha / 2) / size)

    def set_story(self, key: int, members: list[int], within: float) -> None:
        """Put a story with no links yet (restoring saved state; links are added after)."""
        self.members[key] = members
        self.within[key] = within
        self.links[key] = {}
        self.story_of.update(dict.fromkeys(members, key))
        self.scale[key] = self._scale(key)

    def above(self, a: int) -> list[tuple[float, int]]:
        """(score, b) for the stories b linked to `a` that score >= threshold.

        The hot loop of merging: a big story has thousands of links, re-scored
        after each article it absorbs. The factored score (one multiply per link)
        rules out nearly all of them; the rest get the exact score, so the result
        is what scoring every link gives (SLACK is far above the rounding).
        """
        scale, threshold = self.scale, self.threshold
        cut = (threshold - SLACK * abs(threshold)) / scale[a]
        near = [b for b, w in self.links[a].items() if w * scale[b] >= cut]
        return [(s, b) for b in near if (s := self.score(a, b)) >= threshold]

    def add(self, article: int, links: Iterable[tuple[int, float]]) -> None:
        """A new one-article story linked to earlier articles (weights > 0 only)."""
        self.story_of[article] = article
        self.members[article] = [article]
        self.within[article] = 0.0
        self.scale[article] = 1.0
        own: dict[int, float] = {}
        self.links[article] = own
        for other, weight in links:
            story = self.story_of.get(other)
            if story is None or weight <= 0 or story == article:
                continue
            own[story] = own.get(story, 0.0) + weight
            self.links[story][article] = self.links[story].get(article, 0.0) + weight

    def merge(self, a: int, b: int) -> int:
        """Merge the younger story into the older; return the survivor's key."""
        keep, gone = (a, b) if a < b else (b, a)
        lk, lg = self.links[keep], self.links.pop(gone)
        self.within[keep] += self.within.pop(gone) + lk.pop(gone, 0.0)
        lg.pop(keep, None)
        for other, weight in lg.items():
            lk[other] = lk.get(other, 0.0) + weight
            lo = self.links[other]
            lo[keep] = lo.get(keep, 0.0) + lo.pop(gone)
        moved = self.members.pop(gone)
        for article in moved:
            self.story_of[article] = keep
        self.members[keep].extend(moved)
        del self.scale[gone]
        self.scale[keep] = self._scale(keep)
        return keep

    def agglomerate(self, seeds: Iterable[int] | None = None) -> list[tuple[int, int]]:
        """Merge pairs, best score first, while >= threshold; return (kept, absorbed).

        With `seeds` (stream: the stories of just-added articles) only merges that
        involve a seed, or a story grown from one, are considered; other stories
        were settled before and nothing between them has changed. Without, every
        pair is (batch: average linkage over the whole graph).
        """
        starts = self.links if seeds is None else [self.story_of[a] for a in seeds]
        heap = [
            (-s, min(a, b), max(a, b), 0, 0)
            for a in dict.fromkeys(starts)
            for s, b in self.above(a)
            if seeds is not None or a < b
        ]
        return self._merge_best_first(heap)

    def _merge_best_first(
        self, heap: list[tuple[float, int, int, int, int]]
    ) -> list[tuple[int, int]]:
        """Pop (-score, a, b, versions) entries and merge while valid; (kept, absorbed)."""
        heapq.heapify(heap)
        version: dict[int, int] = {}
        merges = []
        while heap:
            _, a, b, va, vb = heapq.heappop(heap)
            if a not in self.members or b not in self.members:
                continue  # one side was absorbed since this entry was pushed
            if version.get(a, 0) != va or version.get(b, 0) != vb:
                continue  # stale: one side grew since this entry was pushed
            keep = self.merge(a, b)
            merges.append((keep, max(a, b)))
            version[keep] = version.get(keep, 0) + 1
            for s, other in self.above(keep):
                x, y = min(keep, other), max(keep, other)
                heapq.heappush(heap, (-s, x, y, version.get(x, 0), version.get(y, 0)))
        return merges

    def regroup(
        self, stories: Iterable[int], rows: np.ndarray, cols: np.ndarray, weights: np.ndarray
    ) -> list[int]:
        """Dissolve `stories` into one-article stories and merge them again best-first.

        The edges (rows, cols, weights) are the positive article links touching
        their members (links to other stories included), in the order they were
        made. This is batch agglomeration restricted to recent stories: it
        revisits merges the stream made before later articles showed better
        partners, and may split a story or merge it differently. Returns the
        members, ascending.
        """
        members: list[int] = []
        for story in dict.fromkeys(stories):
            for other in self.links.pop(story):
                if other in self.links:
                    self.links[other].pop(story, None)
            members += self.members.pop(story)
            del self.within[story], self.scale[story]
        members.sort()
        for article in members:
            self.story_of[article] = article
            self.members[article] = [article]
            self.within[article] = 0.0
            self.scale[article] = 1.0
            self.links[article] = {}
        self._merge_best_first(self._relink(rows, cols, weights))
        return members

    def _relink(
        self, rows: np.ndarray, cols: np.ndarray, weights: np.ndarray
    ) -> list[tuple[float, int, int, int, int]]:
        """Link the stories at the ends of the edges; the heap entries of the pairs that
        score >= threshold (every new pair involves a dissolved story: see regroup).

        Vectorized: per edge, a Python loop cost more than the merging. Each pair's
        weights are summed in edge order (np.add.at is sequential) and pairs are
        linked in order of their first edge, as adding edges one by one did (same
        sums, same link order, so the saved state is the same); the factored
        score (`above`) picks the pairs to score.
        """
        ends = np.unique(np.concatenate([rows, cols]))
        keys = np.array([self.story_of.get(a, -1) for a in ends.tolist()], dtype=np.int64)
        sa, sb = keys[np.searchsorted(ends, rows)], keys[np.searchsorted(ends, cols)]
        ok = (sa >= 0) & (sb >= 0) & (sa != sb)
        lo, hi = np.minimum(sa[ok], sb[ok]), np.maximum(sa[ok], sb[ok])
        span = int(hi.max()) + 1 if len(hi) else 1
        pairs, first, where = np.unique(lo * span + hi, return_index=True, return_inverse=True)
        sums = np.zeros(len(pairs))
        np.add.at(sums, where, weights[ok])
        order = np.argsort(first)
        pairs, sums = pairs[order], sums[order]
        lo, hi = pairs // span, pairs % span
        for a, b, weight in zip(lo.tolist(), hi.tolist(), sums.tolist(), strict=True):
            self.links[a][b] = weight
            self.links[b][a] = weight
        stories = np.unique(np.concatenate([lo, hi]))
        scale = np.array([self.scale[k] for k in stories.tolist()])
        factor = scale[np.searchsorted(stories, lo)] * scale[np.searchsorted(stories, hi)]
        threshold = self.threshold
        near = np.flatnonzero(sums * factor >= threshold - SLACK * abs(threshold))
        return [
            (-s, a, b, 0, 0)
            for a, b in zip(lo[near].tolist(), hi[near].tolist(), strict=True)
            if (s := self.score(a, b)) >= threshold
        ]

    def forget(self, stories: Iterable[int]) -> dict[int, list[int]]:
        """Drop stories that left the active window; return their members."""
        gone = {}
        for story in stories:
            for other in self.links.pop(story, {}):
                self.links[other].pop(story, None)
            gone[story] = self.members.pop(story, [])
            for article in gone[story]:
                self.story_of.pop(article, None)
            self.within.pop(story, None)
            self.scale.pop(story, None)
        return gone
