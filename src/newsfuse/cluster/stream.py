"""Story clustering as articles arrive, and batch re-clustering with the same scores.

Per arriving batch of `batch_size` articles (cost independent of archive size):
vectorize (vectorize.py) → find each article's top-k earlier neighbours in the
active window (index.py) → weight each edge by cosine minus local density
(links.py) → merge the new articles into stories best-first, where each may
join a story, open one, or show two earlier stories to be one (stories.py);
such merges are reported so ids never change silently.

Batch mode (`cluster_batch`) builds exactly the same edges in the same order,
then agglomerates the whole graph at once: same vectors, same edges, same
weights, same linkage score; only the order of merge decisions differs.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

import numpy as np

from newsfuse.cluster.index import NeighbourIndex
from newsfuse.cluster.levels import (
    NO_DAY,
    NO_OUTLET,
    Level,
    event_similarity,
    lead_names,
    name_evidence,
    nest,
    outlet_key,
    storyline_adjustment,
    storyline_evidence,
)
from newsfuse.cluster.links import Densities, link_weights
from newsfuse.cluster.stories import StoryGraph
from newsfuse.cluster.vectorize import StreamVectorizer
from newsfuse.cluster.when import day_evidence, incident_days
from newsfuse.config import ClusterOptions
from newsfuse.types import Article

LEVEL_NAMES = ("event", "storyline")


@dataclass
class LinkedBatch:
    """Edges made for one batch of new articles (global ids; rows are the new ends):
    storyline `weights` and `event_weights` of the same pairs."""

    first: int
    rows: np.ndarray
    cols: np.ndarray
    weights: np.ndarray
    event_weights: np.ndarray


@dataclass
class Assignment:
    """What one `add` did: each new article's story key (in order, as the call ended);
    earlier articles whose story may have changed (regrouped); stories that left
    the active window (key -> members). A story key that existed before and is no
    longer a key was merged into the story now holding that article."""

    stories: list[int] = field(default_factory=list)
    touched: set[int] = field(default_factory=set)
    retired: dict[int, list[int]] = field(default_factory=dict)
    # Article ids of the articles that left the window during the call: `ids` no
    # longer holds them, and a caller naming this call's stories needs them.
    dropped: dict[int, str] = field(default_factory=dict)
    # The same for the event level: each new article's event key, regrouped earlier
    # articles, events that left the window.
    events: list[int] = field(default_factory=list)
    event_touched: set[int] = field(default_factory=set)
    event_retired: dict[int, list[int]] = field(default_factory=dict)


class StreamClusterer:
    """Incremental clustering into events and storylines over an active window of
    recent articles. `graph`, `newest` and `edges` are the storyline level's."""

    def __init__(self, options: ClusterOptions) -> None:
        self.options = options
        self.vectorizer = StreamVectorizer(options)
        self.index = NeighbourIndex(options)
        self.densities = Densities(options.neighbors)
        self.levels = {
            "event": Level(StoryGraph(options.event_threshold, options.event_centroid_weight)),
            "storyline": Level(StoryGraph(options.threshold, options.centroid_weight)),
        }
        self.days = np.zeros(0, dtype=np.int64)
        self.outlets = np.zeros(0, dtype=np.int64)  # outlet key of each id (NO_OUTLET)
        self.lead: list[frozenset[int]] = []  # lead names of each id >= densities.base
        self.when: list[frozenset[int]] = []  # incident days (ordinals) of each such id
        self.story_names: list[frozenset[int]] = []  # storyline names of each such id
        self.ids: list[str] = []  # article id of each id >= densities.base

    TRANSIENT: ClassVar[frozenset[str]] = frozenset({"options"})

    def to_state(self) -> dict[str, Any]:
        """Everything a restored clusterer needs, by field, each component's its own
        (cluster/state.py stores it; tests fail when a field is left out)."""
        active = self.count - self.densities.base  # rows past it are spare capacity
        return {
            "vectorizer": self.vectorizer.to_state(),
            "index": self.index.to_state(),
            "densities": self.densities.to_state(active),
            "levels": {name: level.to_state() for name, level in self.levels.items()},
            "days": self.days[:active],
            "outlets": self.outlets[:active],
            "lead": self.lead,
            "when": self.when,
            "story_names": self.story_names,
            "ids": self.ids,
        }

    def restore(self, state: Mapping[str, Any]) -> None:
        """Continue from `to_state`'s output (a clusterer made with the same options)."""
        self.vectorizer.restore(state["vectorizer"])
        self.index.restore(state["index"])
        self.densities.restore(state["densities"])
        for name, level in self.levels.items():
            level.restore(state["levels"][name])
        self.days = state["days"]
        self.outlets = state["outlets"]
        self.lead = list(state["lead"])
        self.when = list(state["when"])
        self.story_names = list(state["story_names"])
        self.ids = list(state["ids"])

    @property
    def count(self) -> int:
        return self.index.count

    @property
    def graph(self) -> StoryGraph:
        return self.levels["storyline"].graph

    @property
    def newest(self) -> dict[int, int]:
        """Storyline key -> its newest member id."""
        return self.levels["storyline"].newest

    @property
    def edges(self) -> list[tuple[np.ndarray, np.ndarray, np.ndarray]]:
        """Positive storyline links, one run per batch."""
        return self.levels["storyline"].edges

    @property
    def events(self) -> StoryGraph:
        return self.levels["event"].graph

    def storyline_of_events(self) -> dict[int, int]:
        """Active event key -> the key of the storyline it belongs to (levels.nest)."""
        return nest(self.events.members, self.graph.story_of)

    def _grow(self, first: int, articles: Sequence[Article]) -> None:
        n = first + len(articles)
        self.densities.grow(n)
        base = self.densities.base
        if len(self.days) < n - base:
            extra = max(n - base - len(self.days), len(self.days) // 2)
            self.days = np.concatenate([self.days, np.full(extra, NO_DAY, dtype=np.int64)])
            more = np.full(extra, NO_OUTLET, dtype=np.int64)
            self.outlets = np.concatenate([self.outlets, more])
        self.days[first - base : n - base] = [
            a.date.toordinal() if a.date else NO_DAY for a in articles
        ]
        self.outlets[first - base : n - base] = [outlet_key(a.outlet) for a in articles]
        zipf, titles = self.options.event_name_zipf, self.vectorizer.titles
        n, words = self.options.event_when_sentences, self.options.event_lead_words
        cased, story = self.options.event_name_cased, self.options.storyline_name_sentences
        story_zipf = self.options.storyline_name_zipf
        for a, t in zip(articles, titles, strict=True):
            self.lead.append(lead_names(a, t, zipf, words, cased))
            self.when.append(incident_days(a, t, n, words))
            self.story_names.append(
                lead_names(a, t, story_zipf, words, cased, story, headline_case=False)
            )

    def _cannot_link(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        """Edges between dated articles more than max_day_gap apart (always False if None)."""
        gap = self.options.max_day_gap
        if gap is None:
            return np.zeros(len(rows), dtype=bool)
        base = self.densities.base
        a, b = self.days[rows - base], self.days[cols - base]
        return np.asarray((a != NO_DAY) & (b != NO_DAY) & (np.abs(a - b) > gap))

    def link(self, articles: Sequence[Article]) -> LinkedBatch:
        """Vectorize, index and link `articles` (given the next global ids, in order)."""
        first = self.count
        vectors = self.index.reweight(self.vectorizer.transform(articles))
        self._grow(first, articles)
        rows, cols, sims = self.index.add_and_link(vectors)
        keep = ~self._cannot_link(rows, cols)
        rows, cols, sims = rows[keep], cols[keep], sims[keep]
        self.densities.update(rows, cols, sims)
        beta = self.options.density_correction
        base = self.densities.base
        minimum = self.options.event_conflict_names
        evidence = name_evidence(rows, cols, self.lead, base, minimum)
        days_a, days_b = self.days[rows - base], self.days[cols - base]
        weights = link_weights(rows, cols, sims, self.densities, beta)
        story = storyline_evidence(rows, cols, self.story_names, base)
        weights = weights + storyline_adjustment(story, days_a, days_b, self.options)
        when = day_evidence(rows, cols, self.when, base)
        outlets_a, outlet_b = self.outlets[rows - base], self.outlets[cols - base]
        same = (outlets_a == outlet_b) & (outlets_a != NO_OUTLET)
        event_sims = event_similarity(sims, days_a, days_b, evidence, self.options, when, same)
        event_beta = self.options.event_density
        cap = self.options.event_density_cap
        event_weights = link_weights(rows, cols, event_sims, self.densities, event_beta, cap)
        self.ids += [a.id for a in articles]
        for level, w in (("storyline", weights), ("event", event_weights)):
            positive = w > 0
            self.levels[level].edges.append((rows[positive], cols[positive], w[positive]))
        return LinkedBatch(first, rows, cols, weights, event_weights)

    def link_only(self, articles: Sequence[Article], expire: bool = True) -> None:
        """Batch step: link `articles` into the graph as one-article stories, no merging
        (StoryGraph.agglomerate does that once every article is in)."""
        batch = self.link(articles)
        order = np.argsort(batch.rows, kind="stable")
        rows, cols = batch.rows[order], batch.cols[order]
        bounds = np.searchsorted(rows, np.arange(batch.first, batch.first + len(articles) + 1))
        for level, all_weights in (("storyline", batch.weights), ("event", batch.event_weights)):
            weights, lv = all_weights[order], self.levels[level]
            for k in range(len(articles)):
                lo, hi = bounds[k], bounds[k + 1]
                links = zip(cols[lo:hi].tolist(), weights[lo:hi].tolist(), strict=True)
                lv.graph.add(batch.first + k, links)
                lv.newest[batch.first + k] = batch.first + k
        if expire and self.options.window > 0:
            self.index.expire(self.count - self.options.window)

    def add(self, articles: Sequence[Article]) -> Assignment:
        """Stream step: link each batch of `batch_size` articles and merge it into the
        events and storylines best-first (StoryGraph.agglomerate with the batch as
        seeds); every `refresh_batches` batches, regroup the clusters of the last
        `refresh_span` articles (StoryGraph.regroup), which brings stream close to batch."""
        out = Assignment()
        before = self.count
        step = max(1, self.options.batch_size)
        every = {
            "storyline": self.options.refresh_batches,
            "event": self.options.event_refresh_batches,
        }
        touched = {"storyline": out.touched, "event": out.event_touched}
        retired = {"storyline": out.retired, "event": out.event_retired}
        for start in range(0, len(articles), step):
            first = self.count
            self.link_only(articles[start : start + step], expire=False)
            for name, level in self.levels.items():
                for kept, gone in level.graph.agglomerate(range(first, self.count)):
                    level.newest[kept] = max(level.newest[kept], level.newest.pop(gone))
                period = step * max(1, every[name])
                if every[name] > 0 and first // period != self.count // period:
                    touched[name].update(a for a in self.refresh(name) if a < before)
            base, ids = self.densities.base, self.ids
            for name, left in self.expire().items():
                retired[name].update(left)
            out.dropped.update(zip(range(base, self.densities.base), ids, strict=False))
        out.stories = self._keys("storyline", out.retired, before)
        out.events = self._keys("event", out.event_retired, before)
        return out

    def _keys(self, level: str, retired: dict[int, list[int]], before: int) -> list[int]:
        """Each article since `before`: its cluster key at `level` (retired ones included)."""
        story_of = self.levels[level].graph.story_of
        gone = {a: k for k, members in retired.items() for a in members}
        return [story_of.get(i, gone.get(i, i)) for i in range(before, self.count)]

    def refresh(self, level: str = "storyline") -> list[int]:
        """Regroup the clusters holding the last `refresh_span` articles; their members."""
        lv, base = self.levels[level], self.densities.base
        g = lv.graph
        o = self.options
        span, age = (
            (o.refresh_span, o.refresh_max_age)
            if level == "storyline"
            else (o.event_refresh_span, o.event_refresh_max_age)
        )
        if span <= 0:
            return []
        lo = max(self.count - span, base)
        # A story with members older than the window keeps its shape (their links are
        # gone), and so do a big one and one opened more than `refresh_max_age`
        # articles before the span: they are settled, and regrouping them every time
        # costs time that grows with the archive's stories (docs/benchmarks.md).
        oldest = max(base, lo - age) if age > 0 else base
        stories = {g.story_of[a] for a in range(lo, self.count) if a in g.story_of}
        limit = self.options.refresh_max_story
        stories = {s for s in stories if s >= oldest and len(g.members[s]) <= limit}
        if not stories:
            return []
        region = np.array(sorted(a for s in stories for a in g.members[s]))
        rows, cols, weights = (np.concatenate(x) for x in zip(*lv.edges, strict=True))
        touching = np.isin(rows, region) | np.isin(cols, region)
        rows, cols, weights = rows[touching], cols[touching], weights[touching]
        members = g.regroup(stories, rows, cols, weights)
        for key in {g.story_of[a] for a in members}:
            lv.newest[key] = max(g.members[key])
        for key in [k for k in lv.newest if k not in g.members]:
            del lv.newest[key]
        return members

    def expire(self) -> dict[str, dict[int, list[int]]]:
        """Keep the last `window` articles linkable; clusters with no article left in
        the index leave their graph (returned per level: key -> members)."""
        window = self.options.window
        if window <= 0 or self.count <= window:
            return {}
        chunks = len(self.index.chunks)
        self.index.expire(self.count - window)
        if len(self.index.chunks) == chunks:
            return {}
        cutoff = self.index.chunks[0].first if self.index.chunks else self.count
        self.days = self.days[cutoff - self.densities.base :].copy()
        self.outlets = self.outlets[cutoff - self.densities.base :].copy()
        self.lead = self.lead[cutoff - self.densities.base :]
        self.when = self.when[cutoff - self.densities.base :]
        self.story_names = self.story_names[cutoff - self.densities.base :]
        self.ids = self.ids[cutoff - self.densities.base :]
        self.densities.drop_before(cutoff)
        gone = {}
        for name, lv in self.levels.items():
            lv.edges = [e for e in lv.edges if len(e[0]) and e[0].max() >= cutoff]
            old = [s for s, newest in lv.newest.items() if newest < cutoff]
            for story in old:
                del lv.newest[story]
            gone[name] = lv.graph.forget(old)
        return gone

    @classmethod
    def batch(cls, articles: Sequence[Article], options: ClusterOptions) -> StreamClusterer:
        """A clusterer that has linked `articles` (in order, as the stream would) and
        merged each level's whole graph best-first at once: batch mode."""
        clusterer = cls(options)
        step = max(1, options.batch_size)
        for start in range(0, len(articles), step):
            clusterer.link_only(articles[start : start + step])
        for lv in clusterer.levels.values():
            lv.graph.agglomerate()
            lv.newest = {k: max(m) for k, m in lv.graph.members.items()}
        return clusterer

    def groups(self, level: str, retired: dict[int, list[int]] | None = None) -> list[list[int]]:
        """Article groups (sorted) at `level`, with `retired` ones (key -> members)."""
        members = {**self.levels[level].graph.members, **(retired or {})}
        return sorted(sorted(m) for m in members.values())


def cluster_batch(
    articles: Sequence[Article], options: ClusterOptions, level: str = "event"
) -> list[list[int]]:
    """Batch clustering with the stream's edges: groups of indices into `articles`."""
    return StreamClusterer.batch(articles, options).groups(level)


def cluster_stream(
    articles: Sequence[Article], options: ClusterOptions, level: str = "event"
) -> list[list[int]]:
    """Stream clustering of `articles` in order: groups of indices, as cluster_batch."""
    clusterer = StreamClusterer(options)
    out = clusterer.add(articles)
    # Later merges move earlier articles: read the final membership, not the steps.
    return clusterer.groups(level, out.event_retired if level == "event" else out.retired)
