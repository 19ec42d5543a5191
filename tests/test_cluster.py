"""Story clustering: API contract, determinism, dates, and Wikinews quality."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from scipy import sparse

from newsfuse.articles import make_article
from newsfuse.cluster import cluster_articles
from newsfuse.cluster.candidates import candidate_knn_graph, neighbour_graph, top_terms
from newsfuse.cluster.features import tfidf_matrix
from newsfuse.cluster.graph import knn_graph, local_scaling, neighbourhood_density
from newsfuse.cluster.idf import background_idf
from newsfuse.cluster.linkage import average_linkage
from newsfuse.config import ClusterOptions
from newsfuse.evaluation import score_clustering
from newsfuse.types import Article


def _wikinews(shared_dir: Path) -> tuple[list[Article], list[str]]:
    path = shared_dir / "data" / "clustering" / "wikinews_pooled.jsonl"
    arts, gold = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        arts.append(
            make_article(
                body=rec["text"], title=rec["title"], outlet=rec["source"], source=rec["id"]
            )
        )
        gold.append(rec["cluster"])
    return arts, gold


def _labels(groups: list[list[int]], n: int) -> list[int]:
    pred = [-1] * n
    for g, members in enumerate(groups):
        for i in members:
            pred[i] = g
    return pred


def _check_partition(groups: list[list[int]], n: int) -> None:
    assert sorted(i for g in groups for i in g) == list(range(n))
    assert all(g == sorted(g) for g in groups)
    assert [g[0] for g in groups] == sorted(g[0] for g in groups)


def test_wikinews_bcubed_f1_at_least_095(shared_dir: Path) -> None:
    arts, gold = _wikinews(shared_dir)
    groups = cluster_articles(arts, ClusterOptions())
    _check_partition(groups, len(arts))
    assert score_clustering(gold, _labels(groups, len(arts))).bcubed_f1 >= 0.95


def test_deterministic_and_order_independent_partition(shared_dir: Path) -> None:
    arts, _ = _wikinews(shared_dir)
    first = cluster_articles(arts, ClusterOptions())
    assert cluster_articles(arts, ClusterOptions()) == first
    rev = cluster_articles(arts[::-1], ClusterOptions())
    n = len(arts)
    as_sets = {frozenset(g) for g in first}
    assert {frozenset(n - 1 - i for i in g) for g in rev} == as_sets


def test_date_gap_forbids_linking(shared_dir: Path) -> None:
    arts, gold = _wikinews(shared_dir)
    story = [a for a, g in zip(arts, gold, strict=True) if g == gold[0]][:4]
    dated = [
        make_article(body=a.body, title=a.title, source=a.source, date=d)
        for a, d in zip(story, [dt.date(2005, 1, 1)] * 2 + [dt.date(2006, 1, 1)] * 2, strict=True)
    ]
    options = ClusterOptions(max_day_gap=30)
    for group in cluster_articles(dated, options):
        dates = {dated[i].date for i in group}
        assert len(dates) == 1


def test_small_inputs() -> None:
    options = ClusterOptions()
    assert cluster_articles([], options) == []
    one = make_article(body="A single short article about nothing much.", source="x")
    assert cluster_articles([one], options) == [[0]]
    two = make_article(body="Completely unrelated words here.", source="y")
    assert cluster_articles([one, two], options) in ([[0], [1]], [[0, 1]])


def test_knn_graph_is_symmetric_and_top_k() -> None:
    rng = np.random.default_rng(0)
    x = sparse.csr_matrix(rng.random((30, 8)))
    x = sparse.csr_matrix(x.multiply(1 / np.sqrt(x.multiply(x).sum(axis=1))))
    graph = knn_graph(x, 3, 0.0)
    assert (graph != graph.T).nnz == 0
    assert graph.diagonal().sum() == 0
    full = (x @ x.T).toarray()
    np.fill_diagonal(full, -1)
    best = full[0].argmax()
    assert graph[0, best] == pytest.approx(full[0, best])


def test_average_linkage_counts_missing_edges_as_zero() -> None:
    # 0-1 and 1-2 similar, 0-2 unlinked: the average of {0,1} with 2 is (0.9 + 0) / 2.
    g = sparse.csr_matrix(np.array([[0, 0.9, 0], [0.9, 0, 0.8], [0, 0.8, 0]]))
    assert average_linkage(g, 0.5) == [[0, 1], [2]]
    assert average_linkage(g, 0.4) == [[0, 1, 2]]


def test_background_idf_does_not_depend_on_the_batch() -> None:
    # Same two articles, alone or among unrelated ones: with background IDF their
    # similarity is the same (batch IDF would reweigh the shared words).
    pair = [
        make_article(body="Tsunami waves hit the coast of Samoa, killing dozens.", source="a"),
        make_article(body="Samoa counts the dead after the tsunami waves.", source="b"),
    ]
    others = [
        make_article(body=f"Parliament debates budget number {i} and taxes.", source=f"o{i}")
        for i in range(10, 30)
    ]
    options = ClusterOptions(background_idf=1.0, min_df=1, max_df=1.0)

    def sim(arts: list[Article]) -> float:
        m = tfidf_matrix(arts, options)
        return float((m[0] @ m[1].T).toarray()[0, 0])

    assert sim(pair) == pytest.approx(sim(pair + others))
    batch = replace(options, background_idf=0.0)
    alone = tfidf_matrix(pair, batch)
    mixed = tfidf_matrix(pair + others, batch)
    assert (alone[0] @ alone[1].T).toarray()[0, 0] != pytest.approx(
        (mixed[0] @ mixed[1].T).toarray()[0, 0]
    )


def test_background_idf_rare_words_weigh_more_numbers_are_floored() -> None:
    idf = background_idf(["the", "tsunami", "qzxqzxq", "1234567", "@samoa", "samoa"])
    assert idf[0] < idf[1] < idf[2]
    assert idf[3] < idf[2]  # a long number is not as specific as an unknown word
    assert idf[4] == idf[5]


def test_local_scaling_subtracts_neighbourhood_density() -> None:
    # Node 0's neighbours: 0.6 and 0.2 (mean over k=2: 0.4); node 1: 0.6; node 2: 0.2.
    g = sparse.csr_matrix(np.array([[0, 0.6, 0.2], [0.6, 0, 0], [0.2, 0, 0]]))
    density = neighbourhood_density(g, 2)
    assert density == pytest.approx([0.4, 0.3, 0.1])
    scaled = local_scaling(g, 2, 1.0).toarray()
    assert scaled[0, 1] == pytest.approx(0.6 - 0.35)
    assert scaled[0, 2] == 0.0  # 0.2 - 0.25 < 0: dropped
    assert (local_scaling(g, 2, 0.0) != g).nnz == 0


def _random_unit_rows(n: int, width: int, density: float, seed: int) -> sparse.csr_matrix:
    x = sparse.random(n, width, density=density, format="csr", random_state=seed)
    norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
    return sparse.csr_matrix(sparse.diags(1 / np.maximum(norms, 1e-12)) @ x)


def test_candidate_graph_without_pruning_equals_exact() -> None:
    # All terms kept, no postings cap, every candidate scored: every pair sharing a
    # term is scored exactly, which is every pair with nonzero cosine.
    x = _random_unit_rows(60, 40, 0.1, seed=1)
    exact = knn_graph(x, 5, 0.01)
    approx = candidate_knn_graph(x, 5, 0.01, terms=40, max_postings=0, limit=0)
    assert abs(approx - exact).max() < 1e-12
    assert approx.nnz == exact.nnz


def test_candidate_graph_edges_are_exact_cosines_and_deterministic() -> None:
    x = _random_unit_rows(200, 80, 0.08, seed=2)
    graph = candidate_knn_graph(x, 5, 0.01, terms=3, max_postings=10, limit=8)
    assert (graph != graph.T).nnz == 0
    assert graph.diagonal().sum() == 0
    full = (x @ x.T).toarray()
    coo = graph.tocoo()
    assert np.allclose(coo.data, full[coo.row, coo.col])
    again = candidate_knn_graph(x, 5, 0.01, terms=3, max_postings=10, limit=8)
    assert (graph != again).nnz == 0


def test_top_terms_keeps_largest_and_exact_mode_is_available() -> None:
    x = sparse.csr_matrix(np.array([[0.1, 0.5, 0.3, 0.5], [0.0, 0.2, 0.0, 0.1]]))
    assert top_terms(x, 2).toarray().tolist() == [[0, 0.5, 0, 0.5], [0, 0.2, 0, 0.1]]
    y = _random_unit_rows(30, 20, 0.2, seed=3)
    exact = neighbour_graph(y, ClusterOptions(candidate_terms=0))
    assert (exact != knn_graph(y, 20, 0.05)).nnz == 0
