"""Stories in a store that follow the news: incremental assignment, recorded merges,
batch re-clustering with stable ids.

`StoryTracker` binds a StreamClusterer to a Store. Each ingested original is
assigned at once to a story (or opens one, named after its first article, so
the id never changes as the story grows); when an article shows two stories to
be one, the younger is merged into the older and a `merge` event is stored.
The clusterer's state is saved with the articles, so the next `ingest`
continues without re-reading the archive; articles stored but not yet
clustered (a crash between transactions) are replayed at load.

`recluster` re-runs the same scoring as a batch over the whole archive and
maps the new groups onto existing ids (a group keeps the id of the old story
it shares most articles with), recording merges and splits instead of
renumbering.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from newsfuse.cluster.state import dump_state, load_state
from newsfuse.cluster.stream import StreamClusterer
from newsfuse.config import ClusterOptions
from newsfuse.store import Store
from newsfuse.summarize import headline
from newsfuse.types import Article, IngestReport, Story, StoryEvent


def story_name(article: Article) -> str:
    """The id of a story opened by `article`."""
    return story_name_of(article.id)


def story_name_of(article_id: str) -> str:
    return f"s-{article_id[:12]}"


class StoryTracker:
    """Assigns arriving articles to the stories of one store."""

    def __init__(self, store: Store, options: ClusterOptions) -> None:
        self.store = store
        self.options = options
        self.clusterer = StreamClusterer(options)
        self.names: dict[int, str] = {}  # active story key -> story id
        self.event_names: dict[int, str] = {}  # active event key -> event id
        saved = store.cluster_state()
        loaded = load_state(saved[0], options, store.cluster_state_part) if saved else None
        self.saved_count = saved[1] if loaded is not None and saved else 0  # in the store
        if saved and loaded is None:
            # Saved vectors mean something else (or the state is of an older format).
            self.recluster("clustering options or state format changed")
        else:
            if loaded is not None:
                self.clusterer, self.names, self.event_names = loaded
            pending = store.originals(skip=self.clusterer.count)
            if pending:
                self.add(pending, [], IngestReport())

    def add(
        self, originals: Sequence[Article], duplicates: Sequence[Article], report: IngestReport
    ) -> None:
        """Assign new originals (in arrival order) and duplicates of stored articles;
        record the merges and splits the stream made."""
        first = self.clusterer.count
        out = self.clusterer.add(originals)
        graph, ids, base = self.clusterer.graph, self.clusterer.ids, self.clusterer.densities.base

        def id_of(article: int) -> str:
            # A tracker call longer than the window (only with a window below the
            # ingest batch or a restart's replay) drops its first articles from `ids`.
            return ids[article - base] if article >= base else out.dropped[article]

        before = {a: self.store.story_of(id_of(a)) for a in out.touched}
        new, grown, rows = set(), set(), []
        for article in [*sorted(out.touched), *range(first, self.clusterer.count)]:
            key = graph.story_of.get(article)
            if key is None:  # retired with its story in this call: assigned earlier
                key = next(k for k, m in out.retired.items() if article in m)
            if key not in self.names:
                self.names[key] = story_name_of(id_of(key))
                new.add(self.names[key])
            rows.append((id_of(article), self.names[key], 2 * article))
            if article >= first and self.names[key] not in new:
                grown.add(self.names[key])
        self.store.assign(rows)
        self._merged(out.retired, report)
        self._splits(before, rows, report)
        self._assign_duplicates(duplicates, {a: s for a, s, _ in rows})
        report.new_stories += len(new)
        report.grown_stories += len(grown)

    def _splits(
        self, before: dict[int, str | None], rows: list[tuple[str, str, int]], report: IngestReport
    ) -> None:
        """Record articles that regrouping moved out of a story that still exists."""
        alive = set(self.names.values())
        moved = Counter(
            (old, name)
            for (_, name, rank) in rows
            if (old := before.get(rank // 2)) is not None and old != name and old in alive
        )
        for (old, name), n in sorted(moved.items()):
            self._event(report, StoryEvent("split", old, name, f"regrouped: {n} articles"))

    def _merged(self, retired: dict[int, list[int]], report: IngestReport) -> None:
        """Names whose story key vanished: merged into the story holding that article
        (recorded), or left the active window with their story (forgotten)."""
        graph = self.clusterer.graph
        for key in [k for k in self.names if k not in graph.members]:
            gone = self.names.pop(key)
            if key in retired or key not in graph.story_of:
                continue
            kept = self.names[graph.story_of[key]]
            self.store.merge_story(kept, gone)
            self._event(report, StoryEvent("merge", kept, gone, "an article linked both"))

    def _event(self, report: IngestReport, event: StoryEvent) -> None:
        self.store.add_event(event)
        report.events.append(event)

    def _assign_duplicates(self, duplicates: Sequence[Article], fresh: dict[str, str]) -> None:
        rows = []
        for dup in duplicates:
            assert dup.duplicate_of is not None
            story = fresh.get(dup.duplicate_of) or self.store.story_of(dup.duplicate_of)
            if story is not None:
                rows.append((dup.id, story, 2 * self.clusterer.count + 1))
        self.store.assign(rows)

    def _retire(self) -> None:
        """Forget names of stories that left the active window (they stay stored)."""
        active = self.clusterer.graph.members
        for key in [k for k in self.names if k not in active]:
            del self.names[key]

    def save(self) -> None:
        """Persist the clusterer so the next run continues from here."""
        state = dump_state(self.clusterer, self.names, self.store.cluster_state_parts())
        self.store.save_cluster_state(state.head, self.clusterer.count, state.parts, state.names)
        self.saved_count = self.clusterer.count

    def recluster(self, reason: str = "recluster") -> list[StoryEvent]:
        """Batch re-clustering of the archive with the stream's scoring; stable ids."""
        originals = self.store.originals()
        old = self.store.memberships()
        clusterer = StreamClusterer.batch(originals, self.options)
        groups = sorted(clusterer.graph.members.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        names, events = _stable_names(groups, originals, old, reason)
        self.clusterer, self.names = clusterer, names
        stories = _stories(groups, names, originals, self.store)
        self.store.replace_stories(stories)
        for event in events:
            self.store.add_event(event)
        self.save()
        return events


def fresh_story(store: Store, story: Story) -> Story:
    """`story` with its headline computed (and stored) if new articles made it stale."""
    if story.headline is None and story.article_ids:
        title = headline(store.articles(story.article_ids))
        store.set_headline(story.id, title)
        story = replace(story, headline=title)
    return story


def fresh_stories(store: Store) -> list[Story]:
    """All stories, computing (and storing) headlines made stale by new articles."""
    return [fresh_story(store, story) for story in store.stories()]


def _stable_names(
    groups: list[tuple[int, list[int]]],
    originals: Sequence[Article],
    old: dict[str, str],
    reason: str,
) -> tuple[dict[int, str], list[StoryEvent]]:
    """Name each new group after the old story it shares most articles with (biggest
    groups choose first); record merges (an old story fully absorbed) and splits."""
    names: dict[int, str] = {}
    taken: set[str] = set()
    sources: dict[int, Counter[str]] = {}
    for key, members in groups:
        counts = Counter(old[originals[i].id] for i in members if originals[i].id in old)
        sources[key] = counts
        choice = next(
            (s for s, _ in sorted(counts.items(), key=lambda x: (-x[1], x[0])) if s not in taken),
            None,
        )
        name = choice or story_name(originals[min(members)])
        while name in taken:
            name += "-"
        names[key] = name
        taken.add(name)
    events = []
    for key, counts in sources.items():
        for source, n in sorted(counts.items()):
            if source == names[key]:
                continue
            kind, story, other = (
                ("split", source, names[key]) if source in taken else ("merge", names[key], source)
            )
            events.append(StoryEvent(kind, story, other, f"{reason}: {n} articles"))
    return names, events


def _stories(
    groups: list[tuple[int, list[int]]],
    names: dict[int, str],
    originals: Sequence[Article],
    store: Store,
) -> list[Story]:
    """Story records for the groups; duplicates follow their originals."""
    dups: dict[str, list[str]] = {}
    for dup_id, original in store.duplicate_pairs():
        dups.setdefault(original, []).append(dup_id)
    stories = []
    for key, members in groups:
        ids = tuple(originals[i].id for i in sorted(members))
        extra = tuple(d for a in ids for d in dups.get(a, ()))
        stories.append(Story(id=names[key], article_ids=ids, duplicate_ids=extra))
    return stories
