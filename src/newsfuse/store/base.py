"""The storage interface every backend implements (SQLite, PostgreSQL)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import TYPE_CHECKING, NamedTuple, Protocol

from newsfuse.types import Article, Failure, SearchHit, Story, StoryEvent

if TYPE_CHECKING:  # annotations only: opening an archive imports no numpy
    import numpy as np


class Placement(NamedTuple):
    """An article's place in a story. A story lists its articles by date, then by
    `position` (the article's place in the clustering order; a duplicate takes the
    number of originals clustered when it arrived), then originals before duplicates."""

    article_id: str
    story_id: str
    position: int
    duplicate: bool = False


class StateStore(Protocol):
    """The stream clusterer's saved state (cluster/state.py): a head, rewritten by
    every save, and parts named by their content, each stored once."""

    def head(self) -> tuple[bytes, int] | None:
        """The saved head and how many originals the state has seen."""
        ...

    def part(self, name: str) -> bytes | None:
        """A stored part, by its (content-derived) name."""
        ...

    def names(self) -> set[str]:
        """The names of the stored parts."""
        ...

    def save(
        self, head: bytes, clustered: int, parts: Mapping[str, bytes], keep: Collection[str]
    ) -> None:
        """Replace the state in one transaction: the new head, the `parts` not stored
        yet; stored parts not named in `keep` (the head's parts) are deleted."""
        ...


class Store(Protocol):
    """Articles (with their MinHash signatures), stories and reported failures."""

    def transaction(self) -> AbstractContextManager[None]:
        """All writes inside commit together or not at all."""
        ...

    def has_article(self, article_id: str) -> bool: ...

    def has_articles(self, ids: Sequence[str]) -> set[str]:
        """Which of `ids` are stored (a batch's check in a query or a few)."""
        ...

    def add_article(self, article: Article, signature: np.ndarray, n_shingles: int) -> None: ...

    def add_articles(self, rows: Sequence[tuple[Article, np.ndarray, int]]) -> None:
        """Store (article, MinHash signature, shingle count) rows in one transaction."""
        ...

    def articles(self, ids: Sequence[str] | None = None) -> list[Article]:
        """Articles by id (in the given order), or all in ingest order."""
        ...

    def signatures(self, last: int = 0) -> Iterator[tuple[str, np.ndarray, int]]:
        """(id, MinHash signature, shingle count) of the original articles in ingest
        order: all, or the `last` ones."""
        ...

    def search(self, query: str, limit: int) -> list[SearchHit]:
        """The stored articles (originals and duplicates) best matching the search
        text `query` (newsfuse.store.query), at most `limit`, best first."""
        ...

    def add_failure(self, failure: Failure) -> None: ...

    def failures(self, limit: int | None = None, offset: int = 0) -> list[Failure]:
        """Recorded failures, oldest first: all, or `limit` from `offset`."""
        ...

    def replace_stories(self, stories: Sequence[Story]) -> None:
        """Swap in a new clustering of the whole archive."""
        ...

    def stories(self) -> list[Story]: ...

    def story(self, story_id: str) -> Story | None: ...

    def story_page(self, sort: str, limit: int, offset: int = 0) -> list[Story]:
        """One page of the stories: sort "size" (most member articles, duplicates
        included, first) or "recent" (latest article date first, undated last);
        ties by id."""
        ...

    def assign(self, members: Sequence[Placement]) -> None:
        """Put articles in stories; stories are created as needed and their stored
        headlines marked stale (None)."""
        ...

    def merge_story(self, kept: str, gone: str) -> None:
        """Move every article of story `gone` to `kept` and delete `gone`."""
        ...

    def set_headline(self, story_id: str, headline: str | None) -> None: ...

    def add_event(self, event: StoryEvent) -> None: ...

    def events(self, story_id: str | None = None) -> list[StoryEvent]:
        """Recorded story changes (all, or those naming `story_id`), oldest first."""
        ...

    def count_stories(self) -> int: ...

    def story_of(self, article_id: str) -> str | None: ...

    def memberships(self) -> dict[str, str]:
        """Article id -> story id, for every assigned article."""
        ...

    def duplicate_pairs(self) -> list[tuple[str, str]]:
        """(duplicate id, original id) pairs in ingest order."""
        ...

    @property
    def state(self) -> StateStore:
        """Where the stream clusterer's saved state lives (an interface of its own)."""
        ...

    def originals(self, skip: int = 0) -> list[Article]:
        """Original (non-duplicate) articles in ingest order, after the first `skip`."""
        ...

    def writer(self, wait: float) -> AbstractContextManager[None]:
        """Hold the archive's writer lock (one writer per archive, any process): wait up
        to `wait` seconds for another writer, then E302. Reentrant."""
        ...

    def write_mark(self) -> tuple[object, ...]:
        """A value that changes whenever a writer changes articles, stories or the
        clustering state: a writer compares it to see whether another one wrote."""
        ...

    def data_version(self) -> object:
        """A value that changes when another connection commits a change to the archive
        (compare values of one store only): readers cache what they computed until then."""
        ...

    def read_mark(self) -> tuple[object, ...]:
        """Like `write_mark`, and also changed when headlines are stored: a value that
        the server's readers can compare across connections (serve/cache.py)."""
        ...

    def reading(self) -> AbstractContextManager[None]:
        """One read-only snapshot for the block's reads (no write lock taken), so an
        answer built from several queries sees one committed state."""
        ...

    def select(self, query: str, args: Sequence[object] = ()) -> list[tuple[object, ...]]:
        """Rows of one read-only statement (`?` placeholders), in the snapshot of an
        enclosing `reading` block when there is one (the server's listings)."""
        ...

    def sql(self, query: str, args: Sequence[object] = ()) -> list[tuple[object, ...]]:
        """Rows of one statement (`?` placeholders) in a transaction of its own, for
        maintenance (newsfuse.check); not for the hot path."""
        ...

    # Events, the finer level inside storylines (tracking.py): article -> event id.
    def assign_events(self, members: Sequence[tuple[str, str]]) -> None:
        """(article id, event id) rows, inserted or moved."""
        ...

    def merge_event(self, kept: str, gone: str) -> None:
        """Move every article of event `gone` to event `kept`."""
        ...

    def replace_events(self, members: Sequence[tuple[str, str]]) -> None:
        """Replace every event membership (recluster), in one transaction."""
        ...

    def event_of(self, article_id: str) -> str | None: ...

    def event_members(self, event_id: str | None = None) -> list[tuple[str, Member]]:
        """(event id, member row) of every article with an event (or of event
        `event_id`'s articles), in ingest order."""
        ...

    def writer_busy(self) -> bool:
        """Whether another writer holds the writer lock now."""
        ...

    def stories_of(self, ids: Sequence[str]) -> dict[str, str]:
        """The story of each of `ids` that is in one (story_of by batch)."""
        ...

    def events_of(self, ids: Sequence[str]) -> dict[str, str]:
        """The event of each of `ids` that is in one (event_of by batch)."""
        ...

    def stories_by_ids(self, ids: Sequence[str]) -> list[Story]:
        """The stored stories of `ids` as `story` gives each, in that order."""
        ...

    def set_headlines(self, headlines: Sequence[tuple[str, str | None]]) -> None:
        """Set the headline of each (story id, headline) in one transaction."""
        ...

    def event_headlines(self, ids: Sequence[str] | None = None) -> dict[str, str | None]:
        """The stored headline of each event (all, or those of `ids`); None is stale."""
        ...

    def events_by_ids(self, ids: Sequence[str]) -> list[Story]:
        """The stored events of `ids` (Story records, `e-` ids, stored headlines)."""
        ...

    def set_event_headlines(self, headlines: Sequence[tuple[str, str | None]]) -> None:
        """Store each (event id, headline); None drops an event left without articles."""
        ...

    def iter_originals(
        self, after: int = 0, limit: int | None = None, page: int = 1000
    ) -> Iterator[tuple[int, Article]]:
        """(seq, article) of the originals after seq `after`, in ingest order, at most
        `limit`, read a `page` at a time."""
        ...

    def close(self) -> None: ...


Member = tuple[str, str | None, str | None, dt.date | None]  # id, duplicate_of, outlet, date


def story_from_members(story_id: str, headline: str | None, members: Sequence[Member]) -> Story:
    """A story from its member rows, ordered by (date, undated last; rank): originals
    and duplicates apart, outlets in order of appearance, the span of the dates."""
    dates = sorted(day for *_, day in members if day)
    return Story(
        id=story_id,
        article_ids=tuple(a for a, dup, _, _ in members if dup is None),
        duplicate_ids=tuple(a for a, dup, _, _ in members if dup is not None),
        headline=headline,
        outlets=tuple(dict.fromkeys(o for _, _, o, _ in members if o)),
        first_date=dates[0] if dates else None,
        last_date=dates[-1] if dates else None,
    )


class Nesting:
    """A context entered once per holder, nested blocks joining the outermost: the
    transaction of one connection (`outermost()`: begin, commit, or roll back on error)
    and the writer lock of one store."""

    def __init__(self) -> None:
        self.depth = 0

    @contextmanager
    def block(self, outermost: Callable[[], AbstractContextManager[None]]) -> Iterator[None]:
        if self.depth:
            self.depth += 1
            try:
                yield
            finally:
                self.depth -= 1
            return
        with outermost():
            self.depth = 1
            try:
                yield
            finally:
                self.depth = 0
