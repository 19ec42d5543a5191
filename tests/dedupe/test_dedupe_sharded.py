"""Sharded de-duplication (the steps a batch engine runs) gives the single-process
Deduplicator's links exactly, on real outlet text with real syndicated copies."""

from __future__ import annotations

import numpy as np
import pytest

from newsfuse.articles import make_article
from newsfuse.config import DedupeOptions
from newsfuse.dedupe import Deduplicator
from newsfuse.dedupe.sharded import Edge, links_in_process, resolve


def _sequential(bodies: list[str], options: DedupeOptions) -> dict[int, int]:
    dedup = Deduplicator(options)
    position: dict[str, int] = {}
    links: dict[int, int] = {}
    for i, body in enumerate(bodies):
        article = make_article(body=body, source=str(i))
        position[article.id] = i
        original, _, _ = dedup.check_and_add(article)
        if original is not None:
            links[i] = position[original]
    return links


@pytest.mark.parametrize("window", [50_000, 40])
def test_sharded_links_equal_single_process(gva_bodies: list[str], window: int) -> None:
    options = DedupeOptions(window=window)
    expected = _sequential(gva_bodies, options)
    assert len(expected) >= 10  # the set has syndicated copies to find
    assert links_in_process(gva_bodies, options) == expected


def test_resolve_never_links_to_a_copy_or_past_the_window() -> None:
    # 0 original; 1 copies 0; 2 is close to 1 (a copy) and to 0: it must link to 0.
    edges = [Edge(0, 1, 0.95), Edge(1, 2, 0.99), Edge(0, 2, 0.85)]
    assert resolve(edges, window=0) == {1: 0, 2: 0}
    # 3 and 4 are originals; with a window of 1 original, 5 can no longer reach 0.
    assert resolve([*edges, Edge(0, 5, 0.9)], window=1) == {1: 0, 2: 0}
    assert resolve([*edges, Edge(0, 5, 0.9)], window=4) == {1: 0, 2: 0, 5: 0}


def test_resolve_ranks_by_the_positions_present() -> None:
    """Gaps (failed records, repeated texts) do not count as originals in the window."""
    edges = [Edge(0, 10, 0.9)]
    assert resolve(edges, window=1, present=np.array([0, 10])) == {10: 0}
    assert resolve(edges, window=1, present=np.array([0, 5, 10])) == {}
    assert resolve(edges, window=1) == {}
