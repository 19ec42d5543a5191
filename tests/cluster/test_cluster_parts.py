"""Story clustering's parts on synthetic rows: the neighbour index, densities, the story
graph's agglomeration and regrouping, vectors and IDF (real-article runs: test_cluster.py)."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import sparse

from newsfuse.articles import make_article
from newsfuse.cluster.idf import background_idf
from newsfuse.cluster.index import NeighbourIndex, top_terms
from newsfuse.cluster.links import Densities
from newsfuse.cluster.stories import StoryGraph
from newsfuse.cluster.vectorize import StreamVectorizer
from newsfuse.config import ClusterOptions


def _random_unit_rows(n: int, width: int, density: float, seed: int) -> sparse.csr_matrix:
    x = sparse.random(n, width, density=density, format="csr", random_state=seed)
    norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
    return sparse.csr_matrix(sparse.diags(1 / np.maximum(norms, 1e-12)) @ x)


def _brute_force_past_top_k(x: sparse.csr_matrix, k: int, min_sim: float) -> set[tuple[int, int]]:
    full = (x @ x.T).toarray()
    out = set()
    for i in range(x.shape[0]):
        order = sorted(range(i), key=lambda j: (-full[i, j], j))
        out |= {(i, j) for j in order[:k] if full[i, j] >= min_sim}
    return out


def test_index_without_pruning_finds_the_exact_earlier_top_k() -> None:
    # No top-term pruning, no postings cap, every candidate scored: the edges are each
    # row's exact top-k among the rows before it, whatever the batch boundaries.
    x = _random_unit_rows(90, 40, 0.1, seed=1)
    options = ClusterOptions(candidate_terms=0, max_postings=0, candidates=0, neighbors=5)
    index = NeighbourIndex(options)
    found: set[tuple[int, int]] = set()
    full = (x @ x.T).toarray()
    for start, stop in [(0, 7), (7, 40), (40, 41), (41, 90)]:
        rows, cols, sims = index.add_and_link(sparse.csr_matrix(x[start:stop]))
        assert np.allclose(sims, full[rows, cols])
        found |= set(zip(rows.tolist(), cols.tolist(), strict=True))
    assert found == _brute_force_past_top_k(x, 5, options.min_sim)
    assert len(index.chunks) <= 7  # log-structured merging keeps few chunks


def test_index_with_pruning_gives_exact_cosines_and_expires_old_rows() -> None:
    x = _random_unit_rows(200, 80, 0.08, seed=2)
    options = ClusterOptions(candidate_terms=3, max_postings=10, candidates=8, neighbors=5)
    index = NeighbourIndex(options)
    rows, cols, sims = index.add_and_link(x)
    assert np.all(cols < rows)
    assert np.allclose(sims, (x @ x.T).toarray()[rows, cols])
    again = NeighbourIndex(options).add_and_link(x)
    assert all(np.array_equal(a, b) for a, b in zip((rows, cols, sims), again, strict=True))
    index.expire(150)
    assert all(c.first + c.size > 150 for c in index.chunks)
    more, olds, _ = index.add_and_link(_random_unit_rows(20, 80, 0.08, seed=3))
    assert len(more) and np.all(olds >= index.chunks[0].first)


def test_top_terms_keeps_the_largest() -> None:
    x = sparse.csr_matrix(np.array([[0.1, 0.5, 0.3, 0.5], [0.0, 0.2, 0.0, 0.1]]))
    assert top_terms(x, 2).toarray().tolist() == [[0, 0.5, 0, 0.5], [0, 0.2, 0, 0.1]]


def test_densities_keep_each_articles_best_similarities() -> None:
    d = Densities(2)
    d.grow(3)
    d.update(np.array([1, 2]), np.array([0, 0]), np.array([0.6, 0.2]))
    assert d.mean(np.array([0, 1, 2])) == pytest.approx([0.4, 0.3, 0.1])
    d.update(np.array([2]), np.array([1]), np.array([0.5]))
    assert d.mean(np.array([0, 1, 2])) == pytest.approx([0.4, 0.55, 0.35])


def _graph(threshold: float) -> StoryGraph:
    g = StoryGraph(threshold, alpha=0.0)
    g.add(0, [])
    g.add(1, [(0, 0.9)])
    g.add(2, [(1, 0.6)])  # no edge 0-2: counts as 0 in the average
    return g


def test_agglomerate_is_average_linkage_with_missing_edges_as_zero() -> None:
    for threshold, expected in [(0.5, [[0, 1], [2]]), (0.3, [[0, 1, 2]])]:
        g = _graph(threshold)
        g.agglomerate()
        assert sorted(sorted(m) for m in g.members.values()) == expected


def test_seeded_agglomeration_keeps_the_oldest_id_and_reports_merges() -> None:
    g = StoryGraph(0.3, alpha=0.0)
    g.add(0, [])
    g.add(1, [])
    assert g.agglomerate([1]) == []  # unlinked: a story of its own
    g.add(2, [(0, 0.9), (1, 0.8)])
    assert g.agglomerate([2]) == [(0, 2), (0, 1)]  # 2 joins 0, then 0 absorbs 1
    assert sorted(g.members[0]) == [0, 1, 2] and g.story_of[1] == 0


def test_vectors_do_not_depend_on_later_articles() -> None:
    pair = [
        make_article(body="Tsunami waves hit the coast of Samoa, killing dozens.", source="a"),
        make_article(body="Samoa counts the dead after the tsunami waves.", source="b"),
    ]
    others = [
        make_article(body=f"Parliament debates budget number {i} and taxes.", source=f"o{i}")
        for i in range(10, 30)
    ]
    alone = StreamVectorizer(ClusterOptions())
    first = alone.transform(pair)
    mixed = StreamVectorizer(ClusterOptions())
    mixed.transform(others)
    second = mixed.transform(pair)
    sim = (first[0] @ first[1].T).toarray()[0, 0]
    assert sim > 0.2
    assert (second[0] @ second[1].T).toarray()[0, 0] == pytest.approx(sim)


def test_background_idf_rare_words_weigh_more_numbers_are_floored() -> None:
    idf = background_idf(["the", "tsunami", "qzxqzxq", "1234567", "@samoa", "samoa"])
    assert idf[0] < idf[1] < idf[2]
    assert idf[3] < idf[2]  # a long number is not as specific as an unknown word
    assert idf[4] == idf[5]


def _random_graph(seed: int, n: int = 60) -> tuple[StoryGraph, np.ndarray, np.ndarray, np.ndarray]:
    """A graph of n articles with random positive links, merged best-first."""
    rng = np.random.default_rng(seed)
    rows = rng.integers(1, n, size=6 * n)
    cols = (rows * rng.random(6 * n)).astype(np.int64)  # earlier articles
    weights = rng.random(6 * n) * 0.4
    order = np.argsort(rows, kind="stable")
    rows, cols, weights = rows[order], cols[order], weights[order]
    g = StoryGraph(0.1, 0.9)
    for a in range(n):
        here = rows == a
        g.add(a, zip(cols[here].tolist(), weights[here].tolist(), strict=True))
    g.agglomerate()
    return g, rows, cols, weights


def test_factored_prefilter_finds_every_pair_above_threshold() -> None:
    g, *_ = _random_graph(1)
    for a in g.links:
        brute = sorted((g.score(a, b), b) for b in g.links[a] if g.score(a, b) >= g.threshold)
        assert sorted(g.above(a)) == brute


def test_regroup_links_and_merges_as_edge_by_edge_accumulation() -> None:
    """regroup's vectorized linking sums each pair's weights in edge order, exactly."""
    for seed in range(5):
        fast, rows, cols, weights = _random_graph(seed)
        slow, *_ = _random_graph(seed)
        stories = sorted({fast.story_of[a] for a in range(30, 60)})
        region = [a for s in stories for a in fast.members[s]]
        touching = np.isin(rows, region) | np.isin(cols, region)
        edges = rows[touching], cols[touching], weights[touching]
        fast.regroup(stories, *edges)
        # the reference: dissolve, add the edges one by one, agglomerate the members
        members = sorted(a for s in stories for a in slow.members[s])
        for s in stories:
            for other in slow.links.pop(s):
                if other in slow.links:
                    slow.links[other].pop(s, None)
            del slow.members[s], slow.within[s], slow.scale[s]
        for a in members:
            slow.story_of[a], slow.members[a], slow.within[a] = a, [a], 0.0
            slow.scale[a], slow.links[a] = 1.0, {}
        for a, b, w in zip(*(x.tolist() for x in edges), strict=True):
            sa, sb = slow.story_of[a], slow.story_of[b]
            if sa != sb:
                slow.links[sa][sb] = slow.links[sa].get(sb, 0.0) + w
                slow.links[sb][sa] = slow.links[sb].get(sa, 0.0) + w
        slow.agglomerate(members)
        assert fast.members == slow.members and fast.within == slow.within
        # same sums and same link order (the order is what the saved state holds)
        assert {k: list(v.items()) for k, v in fast.links.items()} == {
            k: list(v.items()) for k, v in slow.links.items()
        }


def test_densities_update_keeps_the_top_k_of_all_offers() -> None:
    rng = np.random.default_rng(3)
    d = Densities(4)
    d.grow(50)
    offers: dict[int, list[float]] = {i: [] for i in range(50)}
    for _ in range(20):
        rows = rng.integers(25, 50, size=30)
        cols = rng.integers(0, 25, size=30)
        sims = np.round(rng.random(30), 2)  # ties included
        d.update(rows, cols, sims)
        for r, c, s in zip(rows.tolist(), cols.tolist(), sims.tolist(), strict=True):
            offers[r].append(s)
            offers[c].append(s)
        for i, vals in offers.items():
            expected = (sorted(vals, reverse=True) + [0.0] * 4)[:4]
            assert d.values[i].tolist() == expected


def test_cached_postings_give_the_products_of_the_transposed_chunk() -> None:
    rng = np.random.default_rng(4)
    options = ClusterOptions()
    index = NeighbourIndex(options)
    width = 30
    for _ in range(6):
        width += 7  # the vocabulary grows between batches
        rows = sparse.random(8, width, density=0.3, random_state=rng, format="csr")
        index.add_and_link(rows)
        query = top_terms(rows, options.candidate_terms)
        for chunk in index.chunks:
            post = chunk.postings(width)
            wide_query = sparse.csr_matrix(
                (query.data, query.indices, query.indptr), shape=(8, post.shape[0])
            )
            got = (wide_query @ post).toarray()
            wide = sparse.csr_matrix(
                (chunk.pruned.data, chunk.pruned.indices, chunk.pruned.indptr),
                shape=(chunk.size, width),
            )
            assert np.array_equal(got, (query @ wide.T).toarray())
