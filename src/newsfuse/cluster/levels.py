"""Two levels of clusters over one neighbour graph: events and storylines.

An *event* is one incident, one vote, one crash, with its direct follow-ups;
a *storyline* is months of coverage of a developing story (the level Wikinews
groups at). Both are built from the same article edges (one vectorizer, one
index: the costly part is shared), each with its own StoryGraph, weights and
threshold:

- storyline weights are the text weights: cosine minus local density
  (links.py), unchanged since the single-level clusterer;
- event weights know *when* and *who*: the cosine decays with the days between
  two dated articles (a decay, not a cut-off: 21% of same-incident pairs in
  gva_dev are more than 30 days apart, trials and anniversaries), and it is
  cut when two articles about the same kind of incident name different
  places or people in their title and lead (evidence against a merge).
  Undated text (Multi-News) gets no decay, so it still clusters on text.

The two graphs are merged independently, so an event's articles are nearly
always in one storyline but need not be; an event is shown in the storyline
holding most of its articles (`nest`), so every event has exactly one.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from newsfuse.cluster.stories import StoryGraph
from newsfuse.config import ClusterOptions
from newsfuse.text.tokens import STOP_WORDS
from newsfuse.types import Article

EdgeRun = tuple[np.ndarray, np.ndarray, np.ndarray]
NO_DAY = -(10**9)
LEAD_SENTENCES = 2  # title + this many body sentences say where and who

_NAME = re.compile(r"[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?")
_AGE = re.compile(r"\b(\d{1,3})-year-old\b|, (\d{1,2}),")
_COMMON_WORDS = """monday tuesday wednesday thursday friday saturday sunday january february march
    april may june july august september october november december police officer officers
    sheriff deputy deputies man woman boy girl teen update updated breaking video photo
    mr mrs ms dr jr sr county city state street avenue road north south east west new
    according authorities investigators news report shooting"""
_COMMON = frozenset(_COMMON_WORDS.split())


@dataclass
class Level:
    """One level's clusters: the graph, each cluster's newest member, positive edges."""

    graph: StoryGraph
    newest: dict[int, int] = field(default_factory=dict)
    edges: list[EdgeRun] = field(default_factory=list)


def _name_key(name: str) -> int:
    """A stable 63-bit key of a name (saved with the clusterer's state; hash() is not)."""
    return int.from_bytes(hashlib.blake2b(name.encode(), digest_size=8).digest(), "big") >> 1


def lead_names(article: Article, title: str, max_zipf: float) -> frozenset[int]:
    """Capitalized words of the title and lead that are not sentence-initial, common
    or calendar words and are rarer in English than `max_zipf` (so "Chicago" and
    "Side" do not count, "Lawndale" does), and ages ("16-year-old", "Boy, 16,"):
    in an incident report mostly the neighbourhood, the people and their ages.

    Cheap by design (a regex, no tagger): it runs on every ingested article.
    Lower-cased text (Multi-News) yields none, and then no evidence is drawn.
    """
    from wordfreq import zipf_frequency  # cached lookups, ~2 us each

    texts = [title] + [s.text for s in article.sentences[:LEAD_SENTENCES]]
    if not article.sentences:
        texts.append(article.body[:400])
    names: set[str] = set()
    for text in texts:
        for word in _NAME.findall(text)[1:]:
            low = word.lower()
            if low in names or low in STOP_WORDS or low in _COMMON or len(low) < 3:
                continue
            if zipf_frequency(low, "en") < max_zipf:
                names.add(low)
        names.update("#" + "".join(age) for age in _AGE.findall(text))
    return frozenset(map(_name_key, names))


def name_conflicts(
    rows: np.ndarray, cols: np.ndarray, names: list[frozenset[int]], base: int, minimum: int
) -> np.ndarray:
    """Per edge: both ends name at least `minimum` lead names and share none."""
    out = np.zeros(len(rows), dtype=bool)
    if minimum <= 0:
        return out
    for i, (a, b) in enumerate(zip(rows.tolist(), cols.tolist(), strict=True)):
        na, nb = names[a - base], names[b - base]
        out[i] = len(na) >= minimum and len(nb) >= minimum and not (na & nb)
    return out


def day_decay(gap: np.ndarray, options: ClusterOptions) -> np.ndarray:
    """Weight kept by a similarity across `gap` days: a floor plus an exponential decay."""
    scale, floor = options.event_day_scale, options.event_day_floor
    if scale <= 0:
        return np.ones(len(gap))
    return np.asarray(floor + (1.0 - floor) * np.exp(-gap / scale))


def event_similarity(
    sims: np.ndarray,
    days_a: np.ndarray,
    days_b: np.ndarray,
    conflict: np.ndarray,
    options: ClusterOptions,
) -> np.ndarray:
    """Cosine scaled by the date decay (both dated) and cut by name conflict."""
    dated = (days_a != NO_DAY) & (days_b != NO_DAY)
    gap = np.where(dated, np.abs(days_a - days_b), 0).astype(np.float64)
    scaled = sims * day_decay(gap, options)
    return np.asarray(np.where(conflict, scaled * (1.0 - options.event_conflict), scaled))


def nest(events: dict[int, list[int]], storyline_of: dict[int, int]) -> dict[int, int]:
    """Event key -> the storyline key holding most of its members (ties: the oldest)."""
    out = {}
    for key, members in events.items():
        counts = Counter(storyline_of.get(a, a) for a in members)
        out[key] = min(counts, key=lambda s: (-counts[s], s))
    return out
