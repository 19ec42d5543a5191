"""newsfuse: the news about an event, from many outlets, as one cited brief.

The Python API is a thin layer over the pipeline::

    import newsfuse
    with newsfuse.open("news.db") as nf:
        report = nf.ingest(["examples/articles"])
        for story in nf.stories():
            print(newsfuse.render_markdown(nf.brief(story.id)))

    briefs = newsfuse.brief_files(["a.txt", "b.html"], words=120)  # no database
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

from newsfuse import pipeline, storylines
from newsfuse.analyze.dossier import Analyzer
from newsfuse.analyze.render import dossier_to_dict
from newsfuse.config import Config, database
from newsfuse.errors import ErrorCode, NewsfuseError
from newsfuse.extract.sources import iter_upload
from newsfuse.store import Store, open_store
from newsfuse.storylines import StorylineBrief
from newsfuse.summarize import brief_to_dict, render_markdown
from newsfuse.types import (
    Article,
    Brief,
    Citation,
    Dossier,
    Failure,
    IngestReport,
    SearchHit,
    Sentence,
    Story,
    StoryEvent,
    StoryHit,
)

__version__ = "0.1.0"


class Newsfuse:
    """An archive of articles and stories in one database, with its config."""

    def __init__(self, config: Config | None = None, store: Store | None = None) -> None:
        self.config = config or Config()
        self.store = store or open_store(self.config)
        self.analyzer = Analyzer(
            self.config.analyze, self.config.brief
        )  # loads its model on first use
        self._session: pipeline.IngestSession | None = None  # made by the first ingest

    def ingest(self, paths: Sequence[str | Path], stdin: BinaryIO | None = None) -> IngestReport:
        """Add articles from files, folders or stdin ("-"); each new article joins a
        story (or opens one) as it arrives."""
        return pipeline.ingest(paths, self.config, self.store, stdin=stdin, session=self._ingest())

    def ingest_data(
        self, data: bytes, name: str = "<upload>", media_type: str | None = None
    ) -> IngestReport:
        """Add the articles of one document held in memory (an upload): its format from
        `media_type`, else from `name`'s extension, else sniffed from the content."""
        return self.ingest_items(iter_upload(data, name, self.config.extract, media_type))

    def ingest_items(self, items: Iterable[Article | Failure]) -> IngestReport:
        """Add articles already extracted (and record the failures met extracting them),
        in the same ingest session as `ingest`."""
        return pipeline.ingest_items(items, self.config, self.store, session=self._ingest())

    def _ingest(self) -> pipeline.IngestSession:
        """The ingest session every ingest call shares (made by the first)."""
        if self._session is None:
            self._session = pipeline.IngestSession(self.store, self.config)
        return self._session

    def stories(self) -> list[Story]:
        return pipeline.stories(self.store, self.config)

    def story_page(self, sort: str = "size", limit: int = 50, offset: int = 0) -> list[Story]:
        """One page of the stories: "size" (most articles first) or "recent" (latest
        article date first); reads only that page, whatever the archive's size."""
        return pipeline.story_page(self.store, sort, limit, offset)

    def count_stories(self) -> int:
        return self.store.count_stories()

    def story(self, story_id: str) -> Story:
        """One story, its headline up to date; E201 if there is none of that id."""
        return pipeline.story(self.store, story_id, self.config)

    def article(self, article_id: str) -> Article:
        """One stored article with its sentences; E202 if there is none of that id."""
        found = self.store.articles([article_id])
        if not found:
            raise NewsfuseError(ErrorCode.NO_ARTICLE, f"no article {article_id!r}")
        return found[0]

    def failures(self) -> list[Failure]:
        """Every input that could not be read, as recorded at ingest."""
        return self.store.failures()

    def changes(self, story_id: str | None = None) -> list[StoryEvent]:
        """Recorded merges and splits of storylines and events (all, or those naming
        `story_id`)."""
        return self.store.events(story_id)

    def events(self, story_id: str | None = None) -> list[StoryEvent]:
        """The old name of `changes` (from before events were a clustering level)."""
        return self.changes(story_id)

    def storyline_events(self, story_id: str) -> list[Story]:
        """The events of a storyline (`e-` ids, oldest first, no headlines)."""
        self.story(story_id)  # E201 if there is no such storyline
        return storylines.events_by_storyline(self.store).get(story_id, [])

    def storyline_brief(self, story_id: str, words: int | None = None) -> StorylineBrief:
        """One dated line per event of the storyline, then the latest event's brief."""
        config = self.config if words is None else self.config.with_words(words)
        return pipeline.storyline(self.store, story_id, config)

    def articles(self, ids: Sequence[str] | None = None) -> list[Article]:
        return self.store.articles(ids)

    def brief(self, story_id: str, words: int | None = None) -> Brief:
        config = self.config if words is None else self.config.with_words(words)
        return pipeline.brief_story(self.store, story_id, config)

    def brief_and_analyze(
        self, story_id: str, words: int | None = None, analysis: bool = True
    ) -> tuple[Brief, Dossier | None]:
        """The brief and (with `analysis`) the dossier of a story, its articles read once."""
        config = self.config if words is None else self.config.with_words(words)
        analyzer = self.analyzer if analysis else None
        return pipeline.brief_and_analyze(self.store, story_id, config, analyzer)

    def analyze(self, story_id: str) -> Dossier:
        """Entities, quotes, claims, numbers, timeline and where sources differ."""
        return pipeline.analyze_story(self.store, story_id, self.config, self.analyzer)

    def search(self, query: str, limit: int = 10) -> list[StoryHit]:
        """Stories whose articles match `query` (words, "phrases", word*, OR, -word;
        newsfuse.store.query), best first, with the matching passages. Every stored
        story is searchable, also once it has left the clustering window."""
        return pipeline.search(self.store, query, limit)

    def recluster(self) -> list[StoryEvent]:
        """Re-cluster the whole archive as a batch; returns the merges and splits."""
        self.flush()
        self._session = None  # its tracker state is replaced by the batch result
        return pipeline.recluster(self.store, self.config)

    def flush(self) -> None:
        """Save the story-clustering state now (ingest saves it periodically)."""
        if self._session is not None:
            self._session.save(force=True)

    def close(self) -> None:
        self.flush()
        self.store.close()

    def __enter__(self) -> Newsfuse:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def open(db: str | Path = "newsfuse.db", config: Config | None = None) -> Newsfuse:
    """Open (or create) the archive in SQLite file `db`, or in the PostgreSQL database
    of a `postgresql://` URL (needs the `postgres` extra)."""
    return Newsfuse(replace(config or Config(), db=database(db)))


def brief_files(
    paths: Sequence[str | Path], words: int | None = None, config: Config | None = None
) -> list[Brief]:
    """Brief files directly, no database: one brief per story, biggest first.

    Inputs that cannot be read are skipped; use `pipeline.brief_paths` to get them.
    """
    config = config or Config()
    if words is not None:
        config = config.with_words(words)
    return [brief for brief, _ in pipeline.brief_paths(paths, config)[0]]


def analyze_files(
    paths: Sequence[str | Path], words: int | None = None, config: Config | None = None
) -> list[tuple[Brief, Dossier]]:
    """Brief and analyze files directly, no database: (brief, dossier) per story."""
    config = config or Config()
    if words is not None:
        config = config.with_words(words)
    results = pipeline.brief_paths(paths, config, analyzer=Analyzer(config.analyze, config.brief))[
        0
    ]
    return [(brief, dossier) for brief, dossier in results if dossier is not None]


__all__ = [
    "Analyzer",
    "Article",
    "Brief",
    "Citation",
    "Config",
    "Dossier",
    "ErrorCode",
    "Failure",
    "IngestReport",
    "Newsfuse",
    "NewsfuseError",
    "SearchHit",
    "Sentence",
    "Story",
    "StoryEvent",
    "StoryHit",
    "StorylineBrief",
    "analyze_files",
    "brief_files",
    "brief_to_dict",
    "dossier_to_dict",
    "open",
    "render_markdown",
]
