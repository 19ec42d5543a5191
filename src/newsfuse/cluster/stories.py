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
from collections.abc import Iterable


class StoryGraph:
    """Stories keyed by their oldest article's id, with link sums between them."""

    def __init__(self, threshold: float, alpha: float) -> None:
        self.threshold = threshold
        self.alpha = alpha
        self.story_of: dict[int, int] = {}  # article id -> story key
        self.members: dict[int, list[int]] = {}
        self.links: dict[int, dict[int, float]] = {}
        self.within: dict[int, float] = {}  # sum of link weights inside the story

    def score(self, a: int, b: int) -> float:
        size_a, size_b = len(self.members[a]), len(self.members[b])
        avg = self.links[a].get(b, 0.0) / (size_a * size_b)
        if self.alpha == 0.0:
            return avg
        norm_a = (size_a + 2 * self.within[a]) / size_a**2
        norm_b = (size_b + 2 * self.within[b]) / size_b**2
        return float(avg / (norm_a * norm_b) ** (self.alpha / 2))

    def add(self, article: int, links: Iterable[tuple[int, float]]) -> None:
        """A new one-article story linked to earlier articles (weights > 0 only)."""
        self.story_of[article] = article
        self.members[article] = [article]
        self.within[article] = 0.0
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
        return keep

    def agglomerate(self, seeds: Iterable[int] | None = None) -> list[tuple[int, int]]:
        """Merge pairs, best score first, while >= threshold; return (kept, absorbed).

        With `seeds` (stream: the stories of just-added articles) only merges that
        involve a seed, or a story grown from one, are considered; other stories
        were settled before and nothing between them has changed. Without, every
        pair is (batch: average linkage over the whole graph).
        """
        starts = self.links if seeds is None else [self.story_of[a] for a in seeds]
        heap = []
        for a in dict.fromkeys(starts):
            for b in self.links[a]:
                if (seeds is not None or a < b) and (s := self.score(a, b)) >= self.threshold:
                    heap.append((-s, min(a, b), max(a, b), 0, 0))
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
            for other in self.links[keep]:
                if (s := self.score(keep, other)) >= self.threshold:
                    x, y = min(keep, other), max(keep, other)
                    heapq.heappush(heap, (-s, x, y, version.get(x, 0), version.get(y, 0)))
        return merges

    def regroup(self, stories: Iterable[int], edges: Iterable[tuple[int, int, float]]) -> list[int]:
        """Dissolve `stories` into one-article stories and merge them again best-first.

        `edges` are the positive article links touching their members (links to
        other stories included). This is batch agglomeration restricted to recent
        stories: it revisits merges the stream made before later articles showed
        better partners, and may split a story or merge it differently. Returns
        the members, ascending.
        """
        members: list[int] = []
        for story in dict.fromkeys(stories):
            for other in self.links.pop(story):
                if other in self.links:
                    self.links[other].pop(story, None)
            members += self.members.pop(story)
            del self.within[story]
        members.sort()
        for article in members:
            self.story_of[article] = article
            self.members[article] = [article]
            self.within[article] = 0.0
            self.links[article] = {}
        for a, b, weight in edges:
            sa, sb = self.story_of.get(a), self.story_of.get(b)
            if sa is not None and sb is not None and sa != sb:
                self.links[sa][sb] = self.links[sa].get(sb, 0.0) + weight
                self.links[sb][sa] = self.links[sb].get(sa, 0.0) + weight
        self.agglomerate(members)
        return members

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
        return gone
