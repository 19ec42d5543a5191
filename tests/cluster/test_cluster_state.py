"""The stream clusterer's saved state: every component saves what it owns
(`to_state`/`restore` on each clustering class), a field added to a class and not
saved fails here, and a restored clusterer continues exactly as the one that never
stopped. On the bundled Wikinews articles, with a window small enough that chunks,
densities and stories leave it."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from scipy import sparse

from conftest import read_articles
from newsfuse.cluster.state import dump_state, load_state
from newsfuse.cluster.stream import StreamClusterer
from newsfuse.config import ClusterOptions
from newsfuse.types import Article

OPTIONS = ClusterOptions(batch_size=10, window=20)


@pytest.fixture(scope="module")
def articles(examples_dir: Path) -> list[Article]:
    return read_articles(examples_dir / "articles" / "en.wikinews.org")


def _clusterer(articles: list[Article]) -> StreamClusterer:
    c = StreamClusterer(OPTIONS)
    for start in range(0, len(articles), OPTIONS.batch_size):
        c.add(articles[start : start + OPTIONS.batch_size])
    return c


def _components(c: StreamClusterer) -> list[Any]:
    level = c.levels["event"]
    return [c, c.vectorizer, c.index, c.index.chunks[0], c.densities, level, level.graph]


def unsaved(component: Any) -> set[str]:
    """Fields of `component` that its `to_state` leaves out and its class does not
    declare as not saved (TRANSIENT) or recomputed on restore (DERIVED)."""
    declared = getattr(component, "TRANSIENT", frozenset()) | getattr(
        component, "DERIVED", frozenset()
    )
    return set(vars(component)) - set(component.to_state()) - declared


def same(a: Any, b: Any) -> bool:
    """Deep equality of saved states (arrays by value and type, sparse by entries)."""
    if isinstance(a, dict):
        return isinstance(b, dict) and a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list | tuple):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if sparse.issparse(a):
        return bool(a.shape == b.shape and (a != b).nnz == 0 and a.dtype == b.dtype)
    if isinstance(a, np.ndarray):
        return a.dtype == b.dtype and np.array_equal(a, b)
    return bool(a == b)


def canonical(state: dict[str, Any]) -> dict[str, Any]:
    """`state` with each level's positive-edge log as one run: the saved log keeps the
    edges in order but joins the runs of a segment (cluster/state.py SEGMENT)."""
    levels = {}
    for name, level in state["levels"].items():
        runs = [r for r in level["edges"] if len(r[0])]
        joined = [tuple(np.concatenate(x) for x in zip(*runs, strict=True))] if runs else []
        levels[name] = level | {"edges": joined}
    return state | {"levels": levels}


def test_every_field_of_every_component_is_saved(articles: list[Article]) -> None:
    c = _clusterer(articles[:70])
    for component in _components(c):
        assert unsaved(component) == set(), type(component).__name__
        assert not set(component.to_state()) & getattr(component, "TRANSIENT", frozenset())
    assert c.densities.base > 0 and len(c.index.chunks) > 1  # the window moved on


def test_a_field_added_and_not_saved_is_caught(articles: list[Article]) -> None:
    """What the check above protects against: a new field nobody saved."""
    c = _clusterer(articles[:30])
    for component in _components(c):
        component.added_later = 1
        assert unsaved(component) == {"added_later"}, type(component).__name__


def test_a_restored_clusterer_is_the_saved_one_and_continues_alike(
    articles: list[Article],
) -> None:
    c = _clusterer(articles[:70])
    names = {k: f"s-{k}" for k in c.graph.members}
    saved = dump_state(c, names)
    loaded = load_state(saved.head, OPTIONS, saved.parts.get)
    assert loaded is not None
    back, back_names, _ = loaded
    assert back_names == names and same(canonical(back.to_state()), canonical(c.to_state()))
    for name, level in c.levels.items():  # the fields restore recomputes
        assert back.levels[name].graph.story_of == level.graph.story_of
        assert back.levels[name].graph.scale == pytest.approx(level.graph.scale)
    rest = articles[70:]
    for start in range(0, len(rest), OPTIONS.batch_size):
        batch = rest[start : start + OPTIONS.batch_size]
        ours, theirs = c.add(batch), back.add(batch)
        assert dataclasses.asdict(ours) == dataclasses.asdict(theirs)
    assert same(canonical(back.to_state()), canonical(c.to_state()))
