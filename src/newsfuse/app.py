"""The application layer: every interface (the CLI, the HTTP server, `watch`, the
Python API) reads and writes an archive through `Newsfuse`, and briefs files
without an archive through `brief_inputs`; the pipeline behind it is private.

Reads never write: a story's headline is stored by the writer when the story
changes (newsfuse.headlines) and read back as it is.

The modules behind it are loaded at their first use (newsfuse.lazy): they import
numpy, scikit-learn, spaCy and trafilatura (about 2 s), which opening an archive,
listing its changes, searching or checking it never need (docs/benchmarks.md,
"Fast start").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, BinaryIO

from newsfuse.config import Config, database
from newsfuse.errors import ErrorCode, NewsfuseError
from newsfuse.lazy import lazy_module
from newsfuse.store import Store, open_store
from newsfuse.types import (
    Article,
    Brief,
    Dossier,
    Failure,
    IngestReport,
    SearchHit,
    Story,
    StoryEvent,
    StoryHit,
)

if TYPE_CHECKING:
    from newsfuse import _pipeline, storylines
    from newsfuse import check as checking
    from newsfuse.analyze import dossier
    from newsfuse.extract import fetch, sources
    from newsfuse.storylines import StorylineBrief

    Progress = _pipeline.Progress
    BriefAndDossier = _pipeline.BriefAndDossier
    StorylineAndDossier = tuple[StorylineBrief, Dossier | None]
else:
    _pipeline = lazy_module("newsfuse._pipeline")
    storylines = lazy_module("newsfuse.storylines")
    checking = lazy_module("newsfuse.check")
    dossier = lazy_module("newsfuse.analyze.dossier")
    sources = lazy_module("newsfuse.extract.sources")
    fetch = lazy_module("newsfuse.extract.fetch")  # http.client, ssl: for URLs only

SEARCH_DEPTH = 20  # matching articles read per story asked for, to rank the stories


def is_url(text: str) -> bool:
    """Whether an input names an http(s) URL rather than a path (the CLI tells them
    apart; newsfuse.extract.fetch, loaded only when an input is looked at)."""
    return fetch.is_url(text)


class Newsfuse:
    """An archive of articles and stories in one database, with its config."""

    def __init__(self, config: Config | None = None, store: Store | None = None) -> None:
        self.config = config or Config()
        self.store = store or open_store(self.config)
        self._analyzer: dossier.Analyzer | None = None  # made (model loaded) on first use
        self._session: _pipeline.IngestSession | None = None  # made by the first ingest

    def ingest(
        self,
        paths: Sequence[str | Path],
        stdin: BinaryIO | None = None,
        progress: Progress | None = None,
    ) -> IngestReport:
        """Add articles from files, folders or stdin ("-"); each new article joins a
        story (or opens one) as it arrives; `progress` sees each item read."""
        session = self._ingest()
        return _pipeline.ingest(paths, self.config, self.store, stdin, progress, session)

    def ingest_data(
        self, data: bytes, name: str = "<upload>", media_type: str | None = None
    ) -> IngestReport:
        """Add the articles of one document held in memory (an upload): its format from
        `media_type`, else from `name`'s extension, else sniffed from the content."""
        return self.ingest_items(sources.iter_upload(data, name, self.config.extract, media_type))

    def ingest_items(self, items: Iterable[Article | Failure]) -> IngestReport:
        """Add articles already extracted (and record the failures met extracting them),
        in the same ingest session as `ingest`."""
        return _pipeline.ingest_items(items, self.config, self.store, session=self._ingest())

    def _ingest(self) -> _pipeline.IngestSession:
        """The ingest session every ingest call shares (made by the first)."""
        if self._session is None:
            self._session = _pipeline.IngestSession(self.store, self.config)
        return self._session

    @property
    def analyzer(self) -> dossier.Analyzer:
        """The story analyzer (its spaCy model loads on its first analysis)."""
        if self._analyzer is None:
            self._analyzer = dossier.Analyzer(self.config.analyze, self.config.brief)
        return self._analyzer

    @analyzer.setter
    def analyzer(self, analyzer: dossier.Analyzer) -> None:
        """Share one analyzer (one loaded model) between archives: the server's readers."""
        self._analyzer = analyzer

    def stories(self) -> list[Story]:
        """Every stored storyline, with its stored headline."""
        return self.store.stories()

    def story_page(self, sort: str = "size", limit: int = 50, offset: int = 0) -> list[Story]:
        """One page of the stories: "size" (most articles first) or "recent" (latest
        article date first); reads only that page, whatever the archive's size."""
        return self.store.story_page(sort, limit, offset)

    def count_stories(self) -> int:
        return self.store.count_stories()

    def story(self, story_id: str) -> Story:
        """One story (storyline `s-` or event `e-`); E201 if there is none of that id."""
        return _pipeline.story(self.store, story_id, self.config)

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
        """The events of a storyline (`e-` ids, oldest first, stored headlines)."""
        self.story(story_id)  # E201 if there is no such storyline
        return storylines.events_by_storyline(self.store).get(story_id, [])

    def storyline_map(self, headlines: bool = False) -> dict[str, list[Story]]:
        """Storyline id -> its events, oldest first, with their stored headlines (read,
        never computed: the writer stores them, newsfuse.headlines). `headlines` is
        kept for callers from before they were stored."""
        del headlines
        return storylines.events_by_storyline(self.store)

    def storyline_brief(self, story_id: str, words: int | None = None) -> StorylineBrief:
        """One dated line per event of the storyline, then the latest event's brief."""
        config = self.config if words is None else self.config.with_words(words)
        return _pipeline.storyline(self.store, story_id, config)

    def storyline_and_analyze(self, story_id: str, analysis: bool = True) -> StorylineAndDossier:
        """The storyline brief and (with `analysis`) the dossier of its latest event."""
        found = self.storyline_brief(story_id)
        latest = next(e for e in found.events if e.id == found.latest.story_id)
        if not analysis:
            return found, None
        return found, self.analyzer.analyze(latest.id, self.articles(latest.article_ids))

    def articles(self, ids: Sequence[str] | None = None) -> list[Article]:
        return self.store.articles(ids)

    def brief(self, story_id: str, words: int | None = None) -> Brief:
        config = self.config if words is None else self.config.with_words(words)
        return _pipeline.brief_story(self.store, story_id, config)

    def brief_and_analyze(
        self, story_id: str, words: int | None = None, analysis: bool = True
    ) -> tuple[Brief, Dossier | None]:
        """The brief and (with `analysis`) the dossier of a story, its articles read once."""
        config = self.config if words is None else self.config.with_words(words)
        analyzer = self.analyzer if analysis else None
        return _pipeline.brief_and_analyze(self.store, story_id, config, analyzer)

    def analyze(self, story_id: str) -> Dossier:
        """Entities, quotes, claims, numbers, timeline and where sources differ."""
        return _pipeline.analyze_story(self.store, story_id, self.config, self.analyzer)

    def search(self, query: str, limit: int = 10) -> list[StoryHit]:
        """Stories whose articles match `query` (words, "phrases", word*, OR, -word;
        newsfuse.store.query), best first, with the matching passages. Every stored
        story is searchable, also once it has left the clustering window. Stories are
        ranked by their best-matching article, among the `SEARCH_DEPTH * limit` best
        articles of the whole archive."""
        by_story: dict[str, list[SearchHit]] = {}
        for hit in self.store.search(query, SEARCH_DEPTH * max(limit, 1)):
            if hit.story_id is not None:
                by_story.setdefault(hit.story_id, []).append(hit)
        found: list[StoryHit] = []
        for story_id, hits in list(by_story.items())[:limit]:
            story = self.store.story(story_id)
            if story is not None:
                found.append(StoryHit(story, tuple(hits)))
        return found

    def check(self, repair: bool = False) -> tuple[list[checking.Finding], list[checking.Finding]]:
        """The archive's broken invariants (newsfuse.check): (found, still broken after
        the repair); with `repair`, repaired under the writer lock."""
        if not repair:
            found = checking.check(self.store, self.config.lock_wait)
            return found, found
        self.flush()
        self._session = None  # a repair may re-cluster: the session's state is stale
        found = checking.repair(self.store, self.config)
        return found, checking.check(self.store, self.config.lock_wait)

    def recluster(self) -> list[StoryEvent]:
        """Re-cluster the whole archive as a batch; returns the merges and splits."""
        self.flush()
        self._session = None  # its tracker state is replaced by the batch result
        return _pipeline.recluster(self.store, self.config)

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


def brief_inputs(
    paths: Sequence[str | Path],
    config: Config,
    stdin: BinaryIO | None = None,
    analysis: bool = False,
) -> tuple[list[BriefAndDossier], list[Failure]]:
    """Brief files, folders, URLs or stdin ("-") directly, no database: one
    (brief, dossier or None) per story, biggest first, and the inputs that failed."""
    analyzer = dossier.Analyzer(config.analyze, config.brief) if analysis else None
    return _pipeline.brief_paths(paths, config, stdin=stdin, analyzer=analyzer)


def brief_files(
    paths: Sequence[str | Path], words: int | None = None, config: Config | None = None
) -> list[Brief]:
    """Brief files directly, no database: one brief per story, biggest first.

    Inputs that cannot be read are skipped; `brief_inputs` returns them.
    """
    config = config or Config()
    if words is not None:
        config = config.with_words(words)
    return [brief for brief, _ in brief_inputs(paths, config)[0]]


def analyze_files(
    paths: Sequence[str | Path], words: int | None = None, config: Config | None = None
) -> list[tuple[Brief, Dossier]]:
    """Brief and analyze files directly, no database: (brief, dossier) per story."""
    config = config or Config()
    if words is not None:
        config = config.with_words(words)
    results = brief_inputs(paths, config, analysis=True)[0]
    return [(brief, dossier) for brief, dossier in results if dossier is not None]
