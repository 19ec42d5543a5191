"""Stored headlines: made by the writer when a story changes, read as they are.

A story's headline, and an event's, is `newsfuse.summarize.headline` of its original
articles in their order (the one headline function: the brief, the story list and
the HTTP API all show what it gives). The store marks a headline stale (NULL) when
the originals of its story or event change; at the end of each ingest or
re-clustering the writer computes the stale ones here, so that reading a storyline
or an event never computes nor writes anything (and loads no model).

Why only some texts are parsed ahead: the headline parses text with spaCy, and
parsing in batches (`nlp.pipe`) is about twice as fast as one call per text; but
parsing every text a headline *might* need (all titles and the lead of every story,
the code before #25) parses several times what it does need: `best_title` stops at
the first complete title, and the lead is parsed only when no title is complete.
So the texts a headline certainly parses are parsed ahead in one batch (the lead of
a story with no title, the title of a story with one). A story with no title is then
computed in rounds: its headline runs on the parses there are and stops at the first
text not parsed yet (`SharedParses.ahead_only`), which is parsed in one batch with the
other stories' next texts, and the headline runs again (what it computed kept, a
re-run costs little next to a parse alone: the first lead's parse gives no headline for
about half the Multi-News stories). A story with titles is computed once, its other
titles parsed one by one when asked for: `best_title` fits a TF-IDF model per story
(summarize.features.vectorize), which costs more than parsing a title, so rounds were
slower there, measured (docs/benchmarks.md, "Seams: application layer, ingest speed,
fast start").
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

import numpy as np

from newsfuse.store import Store
from newsfuse.summarize import headline
from newsfuse.summarize.features import vectorize
from newsfuse.summarize.headline import Memo, clean_title, headline_texts
from newsfuse.summarize.recurring import RecurringTable, load_hashes
from newsfuse.types import Article, Story

_BATCH = 256  # texts per nlp.pipe batch
_CHUNK = 500  # storylines and events read, computed and stored together
_KEPT = 4096  # parses a refresh keeps across chunks (bounded memory)

Members = Sequence[tuple[str, Sequence[Article]]]


class NotParsed(Exception):
    """A headline asked `SharedParses.ahead_only` for a text not parsed yet: the story
    waits for the next batch (`story_headlines`' rounds)."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text


class SharedParses:
    """The headline pipeline with texts parsed ahead in batches (`parse_ahead`), and
    every parse kept until `forget`: a storyline and its events often parse the same
    lead or titles, so one refresh parses each text once for both levels (a parse is
    the same whether the text was parsed in a batch or alone). `memo`: what headlines
    compute once (`headline.Memo`: sentence quality, a story's leads, compressions),
    kept alike."""

    def __init__(self, nlp: Any) -> None:
        self.nlp = nlp
        self.docs: dict[str, Any] = {}
        self.memo = Memo()

    def parse_ahead(self, texts: Iterable[str]) -> None:
        unique = [t for t in dict.fromkeys(texts) if t not in self.docs]
        self.docs.update(zip(unique, self.nlp.pipe(unique, batch_size=_BATCH), strict=True))

    def __call__(self, text: str) -> Any:
        found = self.docs.get(text)
        if found is None:
            found = self.docs[text] = self.nlp(text)
        return found

    def ahead_only(self, text: str) -> Any:
        """The parse of `text` if parsed already; else NotParsed (it is parsed with the
        next batch and the headline asked again)."""
        found = self.docs.get(text)
        if found is None:
            raise NotParsed(text)
        return found

    def forget(self, keep: int = _KEPT) -> None:
        """Drop the kept parses when there are more than `keep` (bounded memory):
        titles recur across chunks (an event opened by a later article of its
        storyline is in another chunk), leads rarely."""
        if len(self.docs) > keep:
            self.docs.clear()
        if len(self.memo) > 4 * keep:
            self.memo.clear()


def certain_texts(
    articles: Sequence[Article], table: RecurringTable | None = None, memo: Memo | None = None
) -> list[str]:
    """The texts `headline(articles)` parses whatever the parses say: the first lead
    when no article has a title; the title when the story has one title only."""
    titles = {clean_title(a.title) for a in articles if a.title}
    if len(titles) > 1:
        return []  # which titles are parsed depends on the parses: left to ask
    return sorted(titles) if titles else headline_texts(articles, table, 1, memo)


def story_headlines(
    members: Members,
    nlp: Any,
    made: dict[tuple[str, ...], str] | None = None,
    parses: SharedParses | None = None,
    recurring: RecurringTable | None = None,
) -> dict[str, str]:
    """The headline of each (story id, articles), the same as `headline(articles)`
    each: the texts it certainly parses parsed ahead in batches, the rest on demand.
    `made`: headlines already computed in this refresh, by their articles' ids (an
    event of the same originals as its storyline has its headline), added to;
    `parses`: the refresh's parses, shared by its calls (default: this call's);
    `recurring`: the loaded recurring-sentence table (`Models.recurring`; read from
    the package when not given)."""
    made = {} if made is None else made
    parses = SharedParses(nlp) if parses is None else parses
    todo = {tuple(a.id for a in arts): arts for _, arts in members}
    todo = {key: arts for key, arts in todo.items() if key not in made}
    table = load_hashes() if recurring is None else recurring
    memo = parses.memo
    parses.parse_ahead(t for arts in todo.values() for t in certain_texts(arts, table, memo))
    untitled = {key: arts for key, arts in todo.items() if not any(a.title for a in arts)}
    while untitled:  # rounds: each story's next text parsed in one batch with the others'
        wanted: dict[str, None] = {}
        for key, articles in untitled.items():
            try:
                made[key] = headline(articles, nlp=parses.ahead_only, recurring=table, memo=memo)
            except NotParsed as missing:
                wanted[missing.text] = None
        untitled = {key: arts for key, arts in untitled.items() if key not in made}
        parses.parse_ahead(wanted)
    for key, articles in todo.items():
        if key not in made:  # titled: which titles it parses depends on the parses
            made[key] = headline(articles, nlp=parses, recurring=table, memo=memo)
    return {sid: made[tuple(a.id for a in arts)] for sid, arts in members}


def store_headlines(
    store: Store, nlp: Any, recurring: RecurringTable | None = None, batch: int = _CHUNK
) -> int:
    """Compute and store the headlines that changes made stale, of storylines and of
    events; how many. The writer calls it (under its lock) at the end of an ingest or
    re-clustering.

    Storylines and events are taken together in the order of the article that opened
    them (`s-X` and `e-X` share X): an event opened by its storyline's first article
    usually has its lead, so both are computed in one chunk from one parse; the parses
    are kept across chunks up to _KEPT (bounded memory)."""
    made: dict[tuple[str, ...], str] = {}  # most events are a whole storyline: once
    stale = [str(r[0]) for r in store.sql("SELECT id FROM stories WHERE headline IS NULL")]
    events = [
        str(r[0]) for r in store.sql("SELECT event_id FROM event_headlines WHERE headline IS NULL")
    ]
    todo = sorted([*stale, *events], key=lambda i: (i[2:], i[:2]))  # s-X before e-X
    parses, event_ids = SharedParses(nlp), set(events)
    table = load_hashes() if recurring is None else recurring  # read once per refresh
    for start in range(0, len(todo), batch):
        chunk = todo[start : start + batch]
        ids = [i for i in chunk if i not in event_ids]
        found = _members(store, store.stories_by_ids(ids))
        # only storylines of two dates or more have a focus to find (storyline_focus)
        dated = [arts for _, arts in found if len({a.date for a in arts if a.date}) > 1]
        event_of = store.events_of([a.id for arts in dated for a in arts]) if dated else {}
        found = [(sid, storyline_focus(arts, event_of)) for sid, arts in found]
        store.set_headlines(list(story_headlines(found, nlp, made, parses, table).items()))
        ids = [i for i in chunk if i in event_ids]
        found = _members(store, store.events_by_ids(ids))
        heads = story_headlines(found, nlp, made, parses, table)
        store.set_event_headlines([(e, heads.get(e)) for e in ids])  # None: no articles left
        parses.forget()
    return len(stale) + len(events)


def storyline_focus(articles: Sequence[Article], event_of: Mapping[str, str]) -> list[Article]:
    """The articles a storyline's headline is made from: those of the event that best
    stands for the story as it is now. A storyline runs for months (the Chile quake,
    then aftershocks and reconstruction), and the headline of all its articles leans
    to the latest title (`best_title` weighs recency), so a minor aftershock headed the
    whole story. Each event scores the mean closeness of its articles to the
    storyline's centroid (what the story is about) times 1 + ln(articles) (how much it
    was covered); ties go to the later event, so the latest heads the storyline only
    when it is as central and as covered as any: a major development. Undated
    storylines, and those of one event, keep all their articles (no "latest" to
    weigh against)."""
    groups: dict[str, list[Article]] = {}
    for article in articles:
        groups.setdefault(event_of.get(article.id, article.id), []).append(article)
    dates = {a.date for a in articles if a.date is not None}
    if len(groups) < 2 or len(dates) < 2:
        return list(articles)
    vectors = vectorize([f"{a.title or ''}\n{a.body}" for a in articles])
    closeness = np.asarray(vectors @ np.asarray(vectors.mean(axis=0)).ravel()).ravel()
    close = {a.id: float(c) for a, c in zip(articles, closeness, strict=True)}

    def score(members: list[Article]) -> tuple[float, str]:
        mean = sum(close[a.id] for a in members) / len(members)
        latest = max((str(a.date) for a in members if a.date is not None), default="")
        return round(mean * (1.0 + math.log(len(members))), 9), latest

    return max(groups.values(), key=score)


def refocus_storylines(
    store: Store,
    storylines: Sequence[Story],
    events: Sequence[Story],
    made: Mapping[str, str | None],
    models: Any,
) -> int:
    """Give the storylines that `batch` headed by all their articles (its workers see
    no events) the headline of their focus (`storyline_focus`), as `store_headlines`
    does for `ingest`; how many changed. `made`: the headlines the workers made, by
    story or event id (an event's is its focus's when the focus is the whole event,
    so most need no parse); `models`: `Config.brief.models`, loaded only if needed."""
    event_of = {a: e.id for e in events for a in e.article_ids}
    by_event = {tuple(e.article_ids): made.get(e.id) for e in events}
    multi = [s for s in storylines if len({event_of.get(a, a) for a in s.article_ids}) > 1]
    heads: dict[tuple[str, ...], str] = {k: h for k, h in by_event.items() if h}
    todo = []
    for start in range(0, len(multi), _CHUNK):
        for sid, arts in _members(store, multi[start : start + _CHUNK]):
            focus = storyline_focus(arts, event_of)
            if len(focus) < len(arts):
                todo.append((sid, focus))
    missing = [(sid, arts) for sid, arts in todo if tuple(a.id for a in arts) not in heads]
    if missing:
        story_headlines(missing, models.headline_nlp(), heads, recurring=models.recurring())
    store.set_headlines([(sid, heads[tuple(a.id for a in arts)]) for sid, arts in todo])
    return len(todo)


def _members(store: Store, found: Sequence[Story]) -> list[tuple[str, list[Article]]]:
    """(id, originals in the story's order) of each story or event that has any."""
    stored = {a.id: a for a in store.articles([i for s in found for i in s.article_ids])}
    return [
        (s.id, [stored[i] for i in s.article_ids if i in stored]) for s in found if s.article_ids
    ]


class CountedParses:
    """The headline pipeline, counting the texts it parses in batches and alone: the
    refresh parses every text some headline needs in `nlp.pipe` batches, and a text
    parsed alone costs about twice as much CPU (benchmarks/bench_refresh.py and
    tests/summarize/test_headlines.py read the counts)."""

    def __init__(self, nlp: Any) -> None:
        self.nlp, self.piped, self.single = nlp, 0, 0

    def pipe(self, texts: Iterable[str], batch_size: int = 256) -> Iterator[Any]:
        listed = list(texts)
        self.piped += len(listed)
        return iter(self.nlp.pipe(listed, batch_size=batch_size))

    def __call__(self, text: str) -> Any:
        self.single += 1
        return self.nlp(text)
