"""Stored headlines: made by the writer when a story changes, read as they are.

A story's headline is `newsfuse.summarize.headline` of its articles (the one headline
function: the brief, the story list and the HTTP API all show what it gives). The
store marks a story's headline stale (NULL) when its members change; at the end of
each ingest or re-clustering the writer computes the stale ones here, so that
reading a story never computes nor writes anything.

Why rounds: the headline parses text with spaCy, and parsing is nearly all of its
cost (about 2 ms per lead sentence on this machine, docs/benchmarks.md). Parsing
in batches (`nlp.pipe`) is about twice as fast as one call per text, but parsing
every text a headline *might* need (all titles and the lead of every story) parses
several times what it does need: `best_title` stops at the first complete title,
and the lead is parsed only when no title is complete. So each round runs
`headline` of every pending story against the parses made so far; a story that
asks for a text not yet parsed is put off, and the texts asked for are parsed
together as the next batch. After `ROUNDS` rounds the few stories still pending
(many titles, none complete) have every text they may need parsed at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from newsfuse.store import Store
from newsfuse.summarize import headline
from newsfuse.summarize.compress import Parses, headline_nlp
from newsfuse.summarize.headline import headline_texts
from newsfuse.types import Article

ROUNDS = 3  # rounds of one batch each; then all possible texts of what is left
_BATCH = 256  # texts per nlp.pipe batch (compress.Parses)

Members = Sequence[tuple[str, Sequence[Article]]]


class _Unparsed(Exception):
    """Raised by `_Ahead` for a text it has not parsed yet; never leaves this module."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text


class _Ahead:
    """A headline pipeline that answers only from texts parsed ahead, in batches."""

    def __init__(self, nlp: Any) -> None:
        self.nlp = nlp
        self.docs: dict[str, Any] = {}

    def parse(self, texts: Iterable[str]) -> None:
        unique = [t for t in dict.fromkeys(texts) if t not in self.docs]
        self.docs.update(zip(unique, self.nlp.pipe(unique, batch_size=_BATCH), strict=True))

    def __call__(self, text: str) -> Any:
        found = self.docs.get(text)
        if found is None:
            raise _Unparsed(text)
        return found


def story_headlines(members: Members, nlp: Any = None, rounds: int = ROUNDS) -> dict[str, str]:
    """The headline of each (story id, articles): the same as `headline(articles)`
    each, with only the texts it needs parsed, in a few batches."""
    ahead = _Ahead(nlp if nlp is not None else headline_nlp())
    pending = dict(members)
    found: dict[str, str] = {}
    for _ in range(rounds):
        wanted: list[str] = []
        for story_id, articles in list(pending.items()):
            try:
                found[story_id] = headline(articles, nlp=ahead)
            except _Unparsed as missing:
                wanted.append(missing.text)
                continue
            del pending[story_id]
        if not pending:
            return found
        ahead.parse(wanted)
    texts = (t for arts in pending.values() for t in headline_texts(arts) if t not in ahead.docs)
    rest = Parses(ahead.nlp, texts)
    rest.docs.update(ahead.docs)
    for story_id, articles in pending.items():
        found[story_id] = headline(articles, nlp=rest)
    return found


def store_headlines(store: Store, nlp: Any = None, batch: int = 500) -> int:
    """Compute and store the headlines that changes made stale; how many. The writer
    calls it (under its lock) at the end of an ingest or re-clustering."""
    stale = [str(r[0]) for r in store.sql("SELECT id FROM stories WHERE headline IS NULL")]
    if not stale:
        return 0
    nlp = nlp if nlp is not None else headline_nlp()
    for start in range(0, len(stale), batch):
        found = [store.story(story_id) for story_id in stale[start : start + batch]]
        members = [(s.id, store.articles(s.article_ids)) for s in found if s and s.article_ids]
        titles = story_headlines(members, nlp)
        with store.transaction():
            for story_id, title in titles.items():
                store.set_headline(story_id, title)
    return len(stale)
