"""The storage interface every backend implements (SQLite now; PostgreSQL later)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from typing import Protocol

import numpy as np

from newsfuse.types import Article, Failure, Story


class Store(Protocol):
    """Articles (with their MinHash signatures), stories and reported failures."""

    def transaction(self) -> AbstractContextManager[None]:
        """All writes inside commit together or not at all."""
        ...

    def has_article(self, article_id: str) -> bool: ...

    def add_article(self, article: Article, signature: np.ndarray, n_shingles: int) -> None: ...

    def articles(self, ids: Sequence[str] | None = None) -> list[Article]:
        """Articles by id (in the given order), or all in ingest order."""
        ...

    def signatures(self) -> Iterator[tuple[str, np.ndarray, int]]:
        """(id, MinHash signature, shingle count) of every original article."""
        ...

    def add_failure(self, failure: Failure) -> None: ...

    def failures(self) -> list[Failure]: ...

    def replace_stories(self, stories: Sequence[Story]) -> None:
        """Swap in a new clustering of the whole archive."""
        ...

    def stories(self) -> list[Story]: ...

    def story(self, story_id: str) -> Story | None: ...

    def close(self) -> None: ...
