"""Storylines and events in a store that follow the news: incremental assignment,
recorded merges and splits, batch re-clustering with stable ids.

Two levels (cluster/levels.py): a *storyline* ("story", id `s-...`, the stories
table) is months of coverage of a developing story; an *event* (id `e-...`, the
article_events table) is one incident with its direct follow-ups. Both are kept
the same way, below; an event is shown in the storyline holding most of its
articles (`storyline_events`).

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
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from newsfuse.cluster.state import dump_state, load_state
from newsfuse.cluster.stories import StoryGraph
from newsfuse.cluster.stream import StreamClusterer
from newsfuse.config import ClusterOptions
from newsfuse.store import Placement, Store
from newsfuse.types import Article, IngestReport, Story, StoryEvent


def story_name(article: Article) -> str:
    """The id of a story opened by `article`."""
    return story_name_of(article.id)


def story_name_of(article_id: str, prefix: str = "s") -> str:
    """The id of a storyline (prefix "s") or event ("e") opened by that article."""
    return f"{prefix}-{article_id[:12]}"


@dataclass
class _Step:
    """What one `add` did at one level, as the tracker records it."""

    prefix: str  # "s" (storylines) or "e" (events)
    names: dict[int, str]  # active cluster key -> id
    keys: StoryGraph
    touched: set[int]
    retired: dict[int, list[int]]


class StoryTracker:
    """Assigns arriving articles to the storylines and events of one store."""

    def __init__(self, store: Store, options: ClusterOptions) -> None:
        self.store = store
        self.options = options
        self.clusterer = StreamClusterer(options)
        self.names: dict[int, str] = {}  # active storyline key -> story id
        self.event_names: dict[int, str] = {}  # active event key -> event id
        saved = store.state.head()
        loaded = load_state(saved[0], options, store.state.part) if saved else None
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
        """Assign new originals (in arrival order) and duplicates of stored articles to
        storylines and events; record the merges and splits the stream made."""
        first = self.clusterer.count
        out = self.clusterer.add(originals)
        c = self.clusterer
        storylines = _Step("s", self.names, c.graph, out.touched, out.retired)
        events = _Step("e", self.event_names, c.events, out.event_touched, out.event_retired)
        rows = self._level(storylines, first, out.dropped, report)
        event_rows = self._level(events, first, out.dropped, report)
        fresh = {p.article_id: p.story_id for p in rows}
        self.store.assign(self._duplicates(duplicates, fresh, self.store.stories_of))
        fresh_events = {p.article_id: p.story_id for p in event_rows}
        dup_rows = self._duplicates(duplicates, fresh_events, self.store.events_of)
        self.store.assign_events([(p.article_id, p.story_id) for p in dup_rows])

    def _level(
        self, step: _Step, first: int, dropped: dict[int, str], report: IngestReport
    ) -> list[Placement]:
        """Store one level's assignments, merges and splits; one placement an article
        (its position: the article's place in the clustering order)."""
        graph, ids, base = step.keys, self.clusterer.ids, self.clusterer.densities.base

        def id_of(article: int) -> str:
            # A tracker call longer than the window (only with a window below the
            # ingest batch or a restart's replay) drops its first articles from `ids`.
            return ids[article - base] if article >= base else dropped[article]

        storyline = step.prefix == "s"
        before_of = self.store.stories_of if storyline else self.store.events_of
        touched = {a: id_of(a) for a in step.touched}
        held = before_of(list(touched.values()))  # one query per batch, not per article
        before = {a: held.get(aid) for a, aid in touched.items()}
        new, grown, rows = set(), set(), []
        for article in [*sorted(step.touched), *range(first, self.clusterer.count)]:
            key = graph.story_of.get(article)
            if key is None:  # retired with its story in this call: assigned earlier
                key = next(k for k, m in step.retired.items() if article in m)
            if key not in step.names:
                step.names[key] = story_name_of(id_of(key), step.prefix)
                new.add(step.names[key])
            rows.append(Placement(id_of(article), step.names[key], article))
            if article >= first and step.names[key] not in new:
                grown.add(step.names[key])
        if storyline:  # rows already stored as they are keep their story's headline
            self.store.assign(rows)
            report.new_stories += len(new)
            report.grown_stories += len(grown)
        else:
            self.store.assign_events([(p.article_id, p.story_id) for p in rows])
        self._merged(step, report)
        self._splits(step, before, rows, report)
        return rows

    def _splits(
        self,
        step: _Step,
        before: dict[int, str | None],
        rows: list[Placement],
        report: IngestReport,
    ) -> None:
        """Record articles that regrouping moved out of a cluster that still exists."""
        alive = set(step.names.values())
        moved = Counter(
            (old, name)
            for (_, name, article, _) in rows
            if (old := before.get(article)) is not None and old != name and old in alive
        )
        for (old, name), n in sorted(moved.items()):
            self._event(report, StoryEvent("split", old, name, f"regrouped: {n} articles"))

    def _merged(self, step: _Step, report: IngestReport) -> None:
        """Names whose cluster key vanished: merged into the cluster holding that article
        (recorded), or left the active window with their cluster (forgotten)."""
        graph = step.keys
        for key in [k for k in step.names if k not in graph.members]:
            gone = step.names.pop(key)
            if key in step.retired or key not in graph.story_of:
                continue
            kept = step.names[graph.story_of[key]]
            if step.prefix == "s":
                self.store.merge_story(kept, gone)
            else:
                self.store.merge_event(kept, gone)
            self._event(report, StoryEvent("merge", kept, gone, "an article linked both"))

    def _event(self, report: IngestReport, event: StoryEvent) -> None:
        self.store.add_event(event)
        report.events.append(event)

    def _duplicates(
        self,
        duplicates: Sequence[Article],
        fresh: dict[str, str],
        stored: Callable[[Sequence[str]], dict[str, str]],
    ) -> list[Placement]:
        """Duplicates ride along with their originals: each in its original's cluster,
        placed after the originals clustered so far."""
        rows = []
        held = stored([o for d in duplicates if (o := d.duplicate_of) and o not in fresh])
        for dup in duplicates:
            assert dup.duplicate_of is not None
            cluster = fresh.get(dup.duplicate_of) or held.get(dup.duplicate_of)
            if cluster is not None:
                rows.append(Placement(dup.id, cluster, self.clusterer.count, duplicate=True))
        return rows

    def save(self) -> None:
        """Persist the clusterer so the next run continues from here."""
        stored = self.store.state.names()
        state = dump_state(self.clusterer, self.names, stored, self.event_names)
        self.store.state.save(state.head, self.clusterer.count, state.parts, state.names)
        self.saved_count = self.clusterer.count

    def recluster(self, reason: str = "recluster") -> list[StoryEvent]:
        """Batch re-clustering of the archive with the stream's scoring, both levels;
        stable ids."""
        originals = self.store.originals()
        old = self.store.memberships()
        old_events = {m[0]: e for e, m in self.store.event_members()}
        clusterer = StreamClusterer.batch(originals, self.options)
        groups = _by_size(clusterer.graph.members)
        names, changes = _stable_names(groups, originals, old, reason)
        event_groups = _by_size(clusterer.events.members)
        event_names, event_changes = _stable_names(event_groups, originals, old_events, reason, "e")
        self.clusterer, self.names, self.event_names = clusterer, names, event_names
        stories = _stories(groups, names, originals, self.store)
        self.store.replace_stories(stories)
        event_rows = _stories(event_groups, event_names, originals, self.store)
        self.store.replace_events(
            [(a, e.id) for e in event_rows for a in (*e.article_ids, *e.duplicate_ids)]
        )
        for change in changes + event_changes:
            self.store.add_event(change)
        self.save()
        return changes + event_changes


def _by_size(members: dict[int, list[int]]) -> list[tuple[int, list[int]]]:
    return sorted(members.items(), key=lambda kv: (-len(kv[1]), kv[0]))


def _stable_names(
    groups: list[tuple[int, list[int]]],
    originals: Sequence[Article],
    old: dict[str, str],
    reason: str,
    prefix: str = "s",
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
        name = choice or story_name_of(originals[min(members)].id, prefix)
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
