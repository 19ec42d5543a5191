"""The pipeline: extract → de-duplicate → cluster → store, and briefs from stories.

Private: every interface (the CLI, the HTTP server, `watch`, the Python API) goes
through the application layer, `newsfuse.app.Newsfuse`, which calls these
functions; they hold no state of their own beyond the store and the config they
are given. Reading never computes nor writes a headline: the writer stores them
when a story changes (newsfuse.headlines).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

import numpy as np

from newsfuse.cluster import cluster_articles
from newsfuse.config import Config, describe_database
from newsfuse.dedupe import Deduplicator
from newsfuse.errors import ErrorCode, NewsfuseError
from newsfuse.extract import iter_articles
from newsfuse.headlines import store_headlines
from newsfuse.lang import scored
from newsfuse.lang.detect import settled
from newsfuse.store import Store
from newsfuse.storylines import StorylineBrief, event_story, storyline_brief
from newsfuse.summarize import build_brief, headline
from newsfuse.tracking import StoryTracker
from newsfuse.types import (
    Article,
    Brief,
    Dossier,
    Failure,
    IngestReport,
    Story,
    StoryEvent,
)

if TYPE_CHECKING:  # the analysis (entities, quotes, claims) is not loaded to ingest
    from newsfuse.analyze.dossier import Analyzer

Progress = Callable[[Article | Failure], None]
_BATCH = 500  # items per write transaction: bounded loss on a crash, few fsyncs
_AHEAD = 8  # batches a writer extracts ahead while another holds the writer lock


def _batches(items: Iterable[Article | Failure], size: int) -> Iterator[list[Article | Failure]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def _ingest_one(
    item: Article | Failure,
    store: Store,
    dedup: Deduplicator,
    report: IngestReport,
    present: set[str],
) -> tuple[Article, np.ndarray, int] | None:
    """One item of a batch: the article to store (marked if a duplicate) with its
    signature and shingle count, or None. `present`: the ids stored or to store."""
    if isinstance(item, Failure):
        report.failures.append(item)
        store.add_failure(item)
        return None
    if item.id in present:
        report.already_present += 1
        return None
    present.add(item.id)
    original, sig, n = dedup.check_and_add(item)
    if original is not None:
        item = _as_duplicate(item, original)
        report.duplicates += 1
    else:
        report.ingested += 1
    return item, sig, n


def _deduplicator(store: Store, config: Config) -> Deduplicator:
    dedup = Deduplicator(config.dedupe)
    for aid, sig, n in store.signatures(last=config.dedupe.window):
        dedup.add(aid, sig, n)
    return dedup


class IngestSession:
    """The de-duplication index and story tracker, kept between ingest calls.

    Building them reads the active window from the store (about 20 s at 93k
    articles, docs/benchmarks.md), so a process that ingests repeatedly keeps one
    session. The clustering state is saved every SAVE_EVERY articles and at
    `close`; articles stored after the last save are replayed at the next load.

    Every write runs in `writing()`, which holds the archive's writer lock (one
    writer per archive, across processes: store/lock.py) and first reloads the index
    and tracker if another writer changed the archive since this session last wrote
    (a server's session and a CLI ingest take turns), or if a failed batch left them
    ahead of what the store kept.
    """

    SAVE_EVERY = 20_000

    def __init__(self, store: Store, config: Config) -> None:
        self.store = store
        self.config = config
        self._loaded: tuple[Deduplicator, StoryTracker] | None = None
        self._mark: tuple[object, ...] | None = None
        self._depth = 0

    @property
    def dedup(self) -> Deduplicator:
        return self._state()[0]

    @property
    def tracker(self) -> StoryTracker:
        return self._state()[1]

    def _state(self) -> tuple[Deduplicator, StoryTracker]:
        if self._loaded is None:
            with self.writing():
                pass
        assert self._loaded is not None
        return self._loaded

    @contextmanager
    def writing(self) -> Iterator[None]:
        """Hold the writer lock around the block, the session current with the store."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        with self.store.writer(self.config.lock_wait):
            if self._loaded is None or self.store.write_mark() != self._mark:
                self._loaded = None  # another writer wrote: what we hold is stale
                self._loaded = (
                    _deduplicator(self.store, self.config),
                    StoryTracker(self.store, self.config.cluster),
                )
            self._depth = 1
            try:
                yield
            except BaseException:
                self._loaded = None  # a rolled-back batch may be in memory: reload
                raise
            finally:
                self._depth = 0
            self._mark = self.store.write_mark()

    def save(self, force: bool = False) -> None:
        """Save the clustering state if due (or `force`d), under the writer lock."""
        if self._loaded is None:
            return
        with self.writing():
            if self._loaded is None:
                return
            tracker = self._loaded[1]
            unsaved = tracker.clusterer.count - tracker.saved_count
            if unsaved and (force or unsaved >= self.SAVE_EVERY):
                tracker.save()


def ingest(
    paths: Sequence[str | Path],
    config: Config,
    store: Store,
    stdin: BinaryIO | None = None,
    progress: Progress | None = None,
    session: IngestSession | None = None,
) -> IngestReport:
    """Read `paths` into `store`, assigning each new article to a story as it arrives
    (tracking.py); bad inputs are reported, never fatal. Without a `session` one is
    made for this call and its state saved at the end."""
    items = iter_articles(paths, config.extract, stdin=stdin)
    return ingest_items(items, config, store, progress, session)


def ingest_items(
    items: Iterable[Article | Failure],
    config: Config,
    store: Store,
    progress: Progress | None = None,
    session: IngestSession | None = None,
) -> IngestReport:
    """`ingest` of already extracted articles (and the failures met extracting them).

    Each batch commits its articles, failures and story memberships together; the
    writer lock is held throughout (IngestSession.writing)."""
    report = IngestReport()
    own = session is None
    session = session or IngestSession(store, config)
    batches = _batches(settled(items, config.brief.models), _BATCH)
    ahead = _read_while_locked(store, batches)
    with session.writing():
        for batch in chain(ahead, batches):
            with store.transaction():
                _ingest_batch(batch, store, session, report, progress)
            session.save()
        session.save(force=own)
        store_headlines(store, config.brief.models.headline_nlp(), config.brief.models.recurring())
        report.stories = store.count_stories()
    return report


def _read_while_locked(
    store: Store, batches: Iterator[list[Article | Failure]]
) -> list[list[Article | Failure]]:
    """Batches extracted while another writer holds the archive (at most _AHEAD):
    writers take turns for de-duplication and story assignment, which need the whole
    archive, but extraction needs none, so a waiting writer does it meanwhile."""
    ahead: list[list[Article | Failure]] = []
    while len(ahead) < _AHEAD and store.writer_busy():
        batch = next(batches, None)
        if batch is None:
            break
        ahead.append(batch)
    return ahead


def _ingest_batch(
    batch: list[Article | Failure],
    store: Store,
    session: IngestSession,
    report: IngestReport,
    progress: Progress | None,
) -> None:
    # The batch's articles are checked and stored a statement per table, not per
    # article: on PostgreSQL each statement is a round trip to the server.
    present = store.has_articles([i.id for i in batch if isinstance(i, Article)])
    rows = []
    for item in batch:
        if progress:
            progress(item)
        row = _ingest_one(item, store, session.dedup, report, present)
        if row is not None:
            rows.append(row)
    store.add_articles(rows)
    stored = [article for article, _, _ in rows]
    pages = [a for a in stored if a.kind != "article"]  # stored, never in a story
    report.non_articles += len(pages)
    # Articles in a language newsfuse has no resources for: stored, never scored (#25).
    stored = [a for a in stored if a.kind == "article" and scored(a.language)]
    originals = [a for a in stored if a.duplicate_of is None]
    duplicates = [a for a in stored if a.duplicate_of is not None]
    session.tracker.add(originals, duplicates, report)


def _as_duplicate(article: Article, original: str) -> Article:
    return replace(article, duplicate_of=original)


def _sort_key(article: Article, order: int) -> tuple[dt.date, int]:
    return (article.date or dt.date.max, order)


def group_stories(articles: Sequence[Article], config: Config) -> list[Story]:
    """Cluster the originals among `articles` (in ingest order) into stories.

    A story's id is that of its first-ingested article, so it stays the same as
    the story grows. Duplicates join the story of their original.
    """
    # other pages, and articles in a language without resources: no story
    articles = [a for a in articles if a.kind == "article" and scored(a.language)]
    originals = [a for a in articles if a.duplicate_of is None]
    order = {a.id: i for i, a in enumerate(articles)}
    dups: dict[str, list[str]] = {}
    for a in articles:
        if a.duplicate_of is not None:
            dups.setdefault(a.duplicate_of, []).append(a.id)
    stories = []
    for group in cluster_articles(originals, config.cluster):
        members = [originals[i] for i in group]
        first = min(members, key=lambda a: order[a.id])
        members.sort(key=lambda a: _sort_key(a, order[a.id]))
        dates = [a.date for a in members if a.date]
        stories.append(
            Story(
                id=f"s-{first.id[:12]}",
                article_ids=tuple(a.id for a in members),
                duplicate_ids=tuple(d for a in members for d in dups.get(a.id, ())),
                headline=headline(members, nlp=config.brief.models.headline_nlp()),
                outlets=tuple(dict.fromkeys(a.outlet for a in members if a.outlet)),
                first_date=min(dates) if dates else None,
                last_date=max(dates) if dates else None,
            )
        )
    return stories


def recluster(store: Store, config: Config) -> list[StoryEvent]:
    """Re-cluster the whole archive as a batch; story ids stay where they can, and the
    merges and splits are recorded and returned. Holds the writer lock."""
    with store.writer(config.lock_wait):
        events = StoryTracker(store, config.cluster).recluster()
        store_headlines(store, config.brief.models.headline_nlp(), config.brief.models.recurring())
        return events


def _find_story(store: Store, story_id: str, config: Config) -> Story:
    """A storyline (`s-...`) or an event (`e-...`, storylines.event_story) by id."""
    found = store.story(story_id)
    if found is None and story_id.startswith("e-"):
        found = event_story(store, story_id)
    if found is None:
        where = describe_database(config.db)
        raise NewsfuseError(ErrorCode.NO_STORY, f"no story {story_id!r} in {where}")
    return found


def story(store: Store, story_id: str, config: Config) -> Story:
    """One stored story (E201 if there is none of that id)."""
    return _find_story(store, story_id, config)


def _stored_story(store: Store, story_id: str, config: Config) -> tuple[Story, list[Article]]:
    story = _find_story(store, story_id, config)
    articles = store.articles(story.article_ids)
    if not articles:  # only a broken archive has one (newsfuse.check finds and repairs it)
        message = f"story {story_id!r} has no articles; `newsfuse check --repair` removes it"
        raise NewsfuseError(ErrorCode.BROKEN_STORY, message)
    return story, articles


def storyline(store: Store, story_id: str, config: Config) -> StorylineBrief:
    """A storyline's brief: one dated line per event, then the latest event's brief."""
    found, _ = _stored_story(store, story_id, config)  # E303 for a broken storyline
    return storyline_brief(store, found, config.brief)


def _stored_brief(story: Story, articles: list[Article], config: Config) -> Brief:
    """The brief of a stored story under the headline the archive lists for it: a
    storyline's is its focus event's (headlines.storyline_focus), not one made from
    all its articles, and the list, the API and the brief show one headline."""
    return build_brief(story.id, articles, config.brief, story.headline)


def brief_story(store: Store, story_id: str, config: Config) -> Brief:
    """The brief of a stored story."""
    story, articles = _stored_story(store, story_id, config)
    return _stored_brief(story, articles, config)


def analyze_story(store: Store, story_id: str, config: Config, analyzer: Analyzer) -> Dossier:
    """The dossier (entities, quotes, claims, numbers, timeline, comparison) of a stored story."""
    story, articles = _stored_story(store, story_id, config)
    return analyzer.analyze(story.id, articles)


BriefAndDossier = tuple[Brief, Dossier | None]


def brief_and_analyze(
    store: Store, story_id: str, config: Config, analyzer: Analyzer | None
) -> BriefAndDossier:
    """Brief of a stored story and, with an `analyzer`, its dossier: articles read once."""
    story, articles = _stored_story(store, story_id, config)
    brief = _stored_brief(story, articles, config)
    return brief, analyzer.analyze(story.id, articles) if analyzer else None


def brief_paths(
    paths: Sequence[str | Path],
    config: Config,
    stdin: BinaryIO | None = None,
    analyzer: Analyzer | None = None,
) -> tuple[list[BriefAndDossier], list[Failure]]:
    """Brief the given files directly, without a database: one brief per story found,
    biggest story first, each with its dossier when an `analyzer` is given."""
    dedup = Deduplicator(config.dedupe)
    articles: list[Article] = []
    failures: list[Failure] = []
    seen: set[str] = set()
    for item in settled(iter_articles(paths, config.extract, stdin=stdin), config.brief.models):
        if isinstance(item, Failure):
            failures.append(item)
        elif item.id not in seen:
            seen.add(item.id)
            original, _, _ = dedup.check_and_add(item)
            articles.append(item if original is None else _as_duplicate(item, original))
    by_id = {a.id: a for a in articles}
    stories = group_stories(articles, config)
    stories.sort(key=lambda s: (-len(s.article_ids), s.id))
    results: list[BriefAndDossier] = []
    for story in stories:
        members = [by_id[i] for i in story.article_ids]
        dossier = analyzer.analyze(story.id, members) if analyzer else None
        results.append((build_brief(story.id, members, config.brief), dossier))
    return results, failures
