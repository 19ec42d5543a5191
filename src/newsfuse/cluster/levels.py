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
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from newsfuse.cluster.idf import english_zipf
from newsfuse.cluster.stories import StoryGraph
from newsfuse.config import ClusterOptions
from newsfuse.text.tokens import STOP_WORDS
from newsfuse.types import Article

EdgeRun = tuple[np.ndarray, np.ndarray, np.ndarray]
NO_DAY = -(10**9)
NO_OUTLET = -1
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

    def to_state(self) -> dict[str, Any]:
        return {"graph": self.graph.to_state(), "newest": self.newest, "edges": self.edges}

    def restore(self, state: Mapping[str, Any]) -> None:
        self.graph.restore(state["graph"])
        self.newest = dict(state["newest"])
        self.edges = list(state["edges"])


def _name_key(name: str) -> int:
    """A stable 63-bit key of a name (saved with the clusterer's state; hash() is not)."""
    return int.from_bytes(hashlib.blake2b(name.encode(), digest_size=8).digest(), "big") >> 1


def outlet_key(outlet: str | None) -> int:
    """An outlet's stable key (NO_OUTLET when unknown): two articles of one outlet."""
    return _name_key(outlet.lower()) if outlet else NO_OUTLET


def lead_sentences(article: Article, count: int, min_words: int = 0) -> list[str]:
    """The first `count` body sentences of at least `min_words` words: a page's
    furniture before the story ("Sign in using your profile", "Please enable
    Javascript", a photo credit) is short, and would otherwise be the lead."""
    out: list[str] = []
    for sentence in article.sentences:
        if len(out) == count:
            break
        if min_words <= 0 or len(sentence.text.split()) >= min_words:
            out.append(sentence.text)
    if not article.sentences:
        out.append(article.body[:400])
    return out


def cased(article: Article, sentences: int = 10) -> float:
    """Share of the words after each of the first `sentences` sentences' first word that
    are capitalized: 0.14 for a typical gva_dev outlet article (median), 0 to 0.02 for
    Multi-News's lower-cased text, where the few capitals left (a sentence start the
    splitter missed, a stray "The") are not names."""
    caps = words = 0
    for sentence in article.sentences[:sentences]:
        rest = sentence.text.split()[1:]
        words += len(rest)
        caps += sum(1 for w in rest if w[:1].isupper())
    return caps / words if words else 1.0


def headline_cased(title: str) -> bool:
    """Whether most of a title's words of four letters or more are capitalized."""
    long = [w for w in title.split() if len(w) >= 4 and w[:1].isalpha()]
    return len(long) >= 2 and sum(w[0].isupper() for w in long) > 0.6 * len(long)


def lead_names(
    article: Article,
    title: str,
    max_zipf: float,
    min_words: int = 0,
    min_cased: float = 0.0,
    sentences: int = LEAD_SENTENCES,
    headline_case: bool = True,
) -> frozenset[int]:
    """Capitalized words of the title and lead that are not sentence-initial, common
    or calendar words and are rarer in English than `max_zipf` (so "Chicago" and
    "Side" do not count, "Lawndale" does), and ages ("16-year-old", "Boy, 16,"):
    in an incident report mostly the neighbourhood, the people and their ages.

    Cheap by design (a regex, no tagger): it runs on every ingested article.
    Lower-cased text (Multi-News) yields none, and then no evidence is drawn: nor
    does text less `cased` than `min_cased`. With `headline_case` False, a title in
    headline case (every long word capitalized) gives no names: its verbs
    and nouns ("accidentally", "killed", rarer than the cap) would link any two
    reports of a kind.
    """
    if min_cased > 0 and cased(article) < min_cased:
        return frozenset()
    texts = [title, *lead_sentences(article, sentences, min_words)]
    if not headline_case and headline_cased(title):
        texts = texts[1:]
    names: set[str] = set()
    ages: set[str] = set()
    for text in texts:
        ages.update("#" + "".join(age) for age in _AGE.findall(text))
        for match in _NAME.finditer(text):
            if match.start() == 0:  # sentence-initial: capitalized whatever it is
                continue
            low = match.group().lower()
            if low in names or low in STOP_WORDS or low in _COMMON or len(low) < 3:
                continue
            if english_zipf(low) < max_zipf:
                names.add(low)
    if not names:  # ages alone (lower-cased text) say too little about who
        return frozenset()
    # Ages get negative keys: evidence of one incident ("a 16-year-old"), but two
    # shootings of 4-year-olds in two states are not one storyline (storyline_evidence).
    return frozenset([*map(_name_key, names), *(-1 - _name_key(age) for age in ages)])


def name_evidence(
    rows: np.ndarray, cols: np.ndarray, names: list[frozenset[int]], base: int, minimum: int
) -> np.ndarray:
    """Per edge: the number of lead names the two ends share (> 0), -1 where both name
    at least `minimum` and share none, 0 otherwise (too few names to say)."""
    out = np.zeros(len(rows))
    for i, (a, b) in enumerate(zip(rows.tolist(), cols.tolist(), strict=True)):
        na, nb = names[a - base], names[b - base]
        if shared := len(na & nb):
            out[i] = shared
        elif minimum > 0 and len(na) >= minimum and len(nb) >= minimum:
            out[i] = -1.0
    return out


def day_penalty(gap: np.ndarray, options: ClusterOptions) -> np.ndarray:
    """What `gap` days between two dated articles take from their similarity: rising
    from 0 (same day) toward `event_day_penalty` (months apart). Subtracted, not
    multiplied: two reports sharing a rare place and names (0.4-0.5 alike) still
    join across a trial months later, two look-alike reports of a city's shootings
    (0.2-0.3) a few weeks apart no longer do."""
    scale = options.event_day_scale
    if scale <= 0:
        return np.zeros(len(gap))
    return np.asarray(options.event_day_penalty * (1.0 - np.exp(-gap / scale)))


def event_similarity(
    sims: np.ndarray,
    days_a: np.ndarray,
    days_b: np.ndarray,
    evidence: np.ndarray,
    options: ClusterOptions,
    when: np.ndarray | None = None,
    same_outlet: np.ndarray | None = None,
) -> np.ndarray:
    """Cosine minus the date penalty (both dated), minus `event_conflict` where the
    title+lead names differ entirely, plus `event_name_bonus` for each name they share,
    up to `event_shared_names` (name_evidence); with `when` (when.day_evidence), the
    incident days the two leads name: see `when_adjustment` (a common day more than
    `event_anchor_gap` days apart counts only with `event_anchor_names` shared names);
    minus `weak_penalty` where neither names nor a day vouch for one incident."""
    dated = (days_a != NO_DAY) & (days_b != NO_DAY)
    gap = np.where(dated, np.abs(days_a - days_b), 0).astype(np.float64)
    bonus = options.event_name_bonus * np.minimum(evidence, options.event_shared_names)
    names = np.where(evidence > 0, bonus, np.where(evidence < 0, -options.event_conflict, 0))
    penalty = day_penalty(gap, options)
    out = sims - penalty + names
    if when is not None:
        late = (gap > options.event_anchor_gap) & (evidence < options.event_anchor_names)
        late &= options.event_anchor_names > 0
        when = np.where(late & (when > 0), 0.0, when)
        out = out + when_adjustment(when, gap, penalty, options)
    out = out - weak_penalty(gap, evidence, when, options)
    out = out + np.where(dated, options.event_dated_bonus, 0.0)
    if same_outlet is not None and options.event_outlet_penalty > 0:
        shared_day = when > 0 if when is not None else np.zeros(len(gap), dtype=bool)
        late = same_outlet & dated & (gap > options.event_outlet_gap) & ~shared_day
        out = out - np.where(late, options.event_outlet_penalty, 0.0)
    return np.asarray(out)


def weak_penalty(
    gap: np.ndarray, evidence: np.ndarray, when: np.ndarray | None, options: ClusterOptions
) -> np.ndarray:
    """What two dated reports lose, beyond the date penalty, when little says they are
    one incident: fewer than `event_strong_names` shared lead names and no common
    incident day. Up to `event_weak_penalty`, rising over `event_day_scale` days. A
    follow-up weeks later (an arrest, a trial) names the incident's people or its day;
    a look-alike report of the same city shares the place alone (gva_dev: of positive
    links more than a week apart sharing at most one name and no day, 5 in 6 join two
    incidents)."""
    if options.event_weak_penalty <= 0 or options.event_day_scale <= 0:
        return np.zeros(len(gap))
    shared_day = when > 0 if when is not None else np.zeros(len(gap), dtype=bool)
    weak = (evidence < options.event_strong_names) & ~shared_day
    rise = 1.0 - np.exp(-gap / options.event_day_scale)
    return np.asarray(np.where(weak, options.event_weak_penalty * rise, 0.0))


def storyline_evidence(
    rows: np.ndarray, cols: np.ndarray, names: list[frozenset[int]], base: int
) -> np.ndarray:
    """Per edge: the number of names the two ends' `names` share (ages do not count),
    -1 where both name some and share none, 0 otherwise (one names none). The names are
    the title's and first `storyline_name_sentences` sentences' (lead_names): a longer
    lead than events read, since a storyline's later reports name its people and places
    further down (of Wikinews's same-storyline links, 29% share no name in title + 2
    sentences, 13% in title + 10; of links between same-topic gva_dev incidents in
    small archives, 86% and 84%)."""
    out = np.zeros(len(rows))
    for i, (a, b) in enumerate(zip(rows.tolist(), cols.tolist(), strict=True)):
        na, nb = names[a - base], names[b - base]
        if na and nb:
            out[i] = sum(1 for key in na & nb if key >= 0) or -1.0
    return out


def storyline_adjustment(
    evidence: np.ndarray, days_a: np.ndarray, days_b: np.ndarray, options: ClusterOptions
) -> np.ndarray:
    """What names and dates add to a storyline link (evidence: storyline_evidence). A
    storyline follows the same named people and places over weeks, so a link whose two
    title+leads name only different rare names (two shootings in two towns) loses
    `storyline_conflict`, one sharing a name gains `storyline_name_bonus`, and one
    sharing fewer than `storyline_day_names` loses up to `storyline_day_penalty` as the
    days between two dated articles grow (months of one story keep its people's names
    and its place; two of a city's shootings months apart share the city alone).
    In a small archive the density correction is near zero, and same-topic reports of
    different incidents otherwise link on their common words alone."""
    shared = np.where(evidence > 0, options.storyline_name_bonus, 0.0)
    out = np.where(evidence < 0, -options.storyline_conflict, shared)
    if options.storyline_day_penalty > 0 and options.storyline_day_scale > 0:
        few = evidence < options.storyline_day_names
        dated = (days_a != NO_DAY) & (days_b != NO_DAY) & few
        gap = np.where(dated, np.abs(days_a - days_b), 0).astype(np.float64)
        out = out - options.storyline_day_penalty * (
            1.0 - np.exp(-gap / options.storyline_day_scale)
        )
    return np.asarray(out)


def when_adjustment(
    when: np.ndarray, gap: np.ndarray, penalty: np.ndarray, options: ClusterOptions
) -> np.ndarray:
    """What the incident days add: `event_when_bonus` when the two leads name a common
    day, and then `event_when_anchor` x the date penalty back (a trial months later
    naming the shooting's day is its follow-up, not a look-alike); minus
    `event_when_conflict` when they name only different days and were published at
    most `event_when_gap` days apart (further apart, a follow-up names its own day)."""
    shared = when > 0
    conflict = (when < 0) & (gap <= options.event_when_gap)
    back = options.event_when_bonus + options.event_when_anchor * penalty
    return np.where(shared, back, np.where(conflict, -options.event_when_conflict, 0.0))


def nest(events: dict[int, list[int]], storyline_of: dict[int, int]) -> dict[int, int]:
    """Event key -> the storyline key holding most of its members (ties: the oldest)."""
    out = {}
    for key, members in events.items():
        counts = Counter(storyline_of.get(a, a) for a in members)
        out[key] = min(counts, key=lambda s: (-counts[s], s))
    return out
