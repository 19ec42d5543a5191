"""Look-ups over a story's entities by article offset (speakers, claims, genders)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from newsfuse.types import Entity


class EntityIndex:
    """Find the entity at a span of an article, or the person mentioned last before it."""

    def __init__(self, entities: Sequence[Entity]) -> None:
        self._by_article: dict[str, list[tuple[int, int, Entity]]] = defaultdict(list)
        for ent in entities:
            for m in ent.mentions:
                self._by_article[m.article_id].append((m.start, m.end, ent))
        for spans in self._by_article.values():
            spans.sort(key=lambda s: s[0])

    def at(self, article_id: str, start: int, end: int) -> Entity | None:
        """The entity with the largest mention overlap with [start, end)."""
        best, overlap = None, 0
        for s, e, ent in self._by_article.get(article_id, ()):
            o = min(e, end) - max(s, start)
            if o > overlap:
                best, overlap = ent, o
        return best

    def spans(self, article_id: str) -> list[tuple[int, int, Entity]]:
        """(start, end, entity) of every mention in one article, in text order."""
        return list(self._by_article.get(article_id, ()))

    def person_before(self, article_id: str, pos: int) -> Entity | None:
        """The person mentioned last before `pos` (for "he", "she", "the minister")."""
        found = None
        for s, _, ent in self._by_article.get(article_id, ()):
            if s >= pos:
                break
            if ent.kind == "person":
                found = ent
        return found
