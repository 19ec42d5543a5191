"""Stories as a growing graph of article clusters, merged by one linkage score.

Both clustering modes share this structure and its score, so they cannot
disagree about what "similar enough" means:

- stream (`attach`): an arriving article starts alone and merges, best first,
  with linked stories while the score stays >= threshold; if that joins two
  stories that existed before, the merge is returned so it can be recorded;
- batch (`agglomerate`): every article starts alone and all pairs are merged
  best first (average linkage over the whole archive).

The score is the size-normalised average linkage of linkage.py: the sum of
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

    def _best(self, story: int) -> int | None:
        best, best_score = None, self.threshold
        for other in self.links[story]:
            s = self.score(story, other)
            if s > best_score or (s == best_score and (best is None or other < best)):
                best, best_score = other, s
        return best

    def attach(self, article: int) -> tuple[int, list[tuple[int, int]]]:
        """Stream step for a just-added article: (its story, merges of earlier stories)."""
        current, joined, merges = article, False, []
        while (other := self._best(current)) is not None:
            if joined:  # the story already holds the article: two old stories meet
                keep = min(current, other)
                merges.append((keep, max(current, other)))
            current = self.merge(current, other)
            joined = True
        return current, merges

    def agglomerate(self) -> None:
        """Batch: merge all pairs, best score first, while >= threshold."""
        version = dict.fromkeys(self.members, 0)
        heap = [
            (-self.score(a, b), a, b, 0, 0)
            for a in self.links
            for b in self.links[a]
            if a < b and self.score(a, b) >= self.threshold
        ]
        heapq.heapify(heap)
        while heap:
            _, a, b, va, vb = heapq.heappop(heap)
            if version.get(a) != va or version.get(b) != vb:
                continue  # stale: one side merged since this entry was pushed
            keep = self.merge(a, b)
            version.pop(max(a, b))
            version[keep] += 1
            for other in self.links[keep]:
                s = self.score(keep, other)
                if s >= self.threshold:
                    x, y = min(keep, other), max(keep, other)
                    heapq.heappush(heap, (-s, x, y, version[x], version[y]))

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
