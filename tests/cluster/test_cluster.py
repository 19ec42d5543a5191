"""Story clustering: stream and batch on real articles, the index, links, and the graph."""

from __future__ import annotations

import datetime as dt
import io
import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from scipy import sparse
from sklearn.preprocessing import normalize

from newsfuse.articles import make_article
from newsfuse.cluster import StreamClusterer, cluster_batch, cluster_stream
from newsfuse.cluster.features import article_tokens
from newsfuse.cluster.idf import background_idf
from newsfuse.cluster.index import NeighbourIndex
from newsfuse.cluster.state import dump_state, load_state
from newsfuse.cluster.vectorize import StreamVectorizer
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


@pytest.mark.parametrize("cluster", [cluster_stream, cluster_batch])
def test_wikinews_storylines_stream_and_batch(shared_dir: Path, cluster: object) -> None:
    """Wikinews groups months of coverage: its gold is the storyline level."""
    arts, gold = _wikinews(shared_dir)
    groups = cluster(arts, ClusterOptions(), "storyline")  # type: ignore[operator]
    _check_partition(groups, len(arts))
    assert score_clustering(gold, _labels(groups, len(arts))).bcubed_f1 >= 0.95


def test_batch_is_deterministic(shared_dir: Path) -> None:
    arts, _ = _wikinews(shared_dir)
    assert cluster_batch(arts, ClusterOptions()) == cluster_batch(arts, ClusterOptions())


def test_date_gap_forbids_linking(shared_dir: Path) -> None:
    arts, gold = _wikinews(shared_dir)
    story = [a for a, g in zip(arts, gold, strict=True) if g == gold[0]][:4]
    dated = [
        make_article(body=a.body, title=a.title, source=a.source, date=d)
        for a, d in zip(story, [dt.date(2005, 1, 1)] * 2 + [dt.date(2006, 1, 1)] * 2, strict=True)
    ]
    assert len(cluster_batch(dated, ClusterOptions())) < 4  # one story without the limit
    for cluster in (cluster_batch, cluster_stream):
        for group in cluster(dated, ClusterOptions(max_day_gap=30)):
            assert len({dated[i].date for i in group}) == 1


def test_small_inputs() -> None:
    options = ClusterOptions()
    assert cluster_batch([], options) == [] and cluster_stream([], options) == []
    one = make_article(body="A single short article about nothing much.", source="x")
    assert cluster_batch([one], options) == [[0]] == cluster_stream([one], options)
    two = make_article(body="Completely unrelated words here.", source="y")
    assert cluster_batch([one, two], options) in ([[0], [1]], [[0, 1]])


def _members(c: StreamClusterer, level: str = "storyline") -> list[list[int]]:
    return c.groups(level)


def test_saved_state_continues_exactly_like_an_uninterrupted_stream(shared_dir: Path) -> None:
    arts, _ = _wikinews(shared_dir)
    options = ClusterOptions(batch_size=20)
    whole = StreamClusterer(options)
    whole.add(arts)
    first = StreamClusterer(options)
    first.add(arts[:60])
    names = {k: f"s-{k}" for k in first.graph.members}
    event_names = {k: f"e-{k}" for k in first.events.members}
    saved = dump_state(first, names, event_names=event_names)
    assert set(saved.parts) == set(saved.names)  # nothing stored yet: every part is new
    loaded = load_state(saved.head, options, saved.parts.get)
    assert loaded is not None
    resumed, got_names, got_events = loaded
    assert got_names == names and got_events == event_names and resumed.count == 60
    # Saving the restored state again names the same parts: nothing to rewrite.
    again = dump_state(resumed, got_names, stored=saved.names, event_names=got_events)
    assert again.names == saved.names and again.parts == {}
    resumed.add(arts[60:])
    assert _members(resumed) == _members(whole)
    assert _members(resumed, "event") == _members(whole, "event")
    later = dump_state(resumed, got_names, stored=saved.names)
    assert set(later.parts) == set(later.names) - set(saved.names) and later.parts
    assert load_state(saved.head, replace(options, threshold=0.2), saved.parts.get) is None
    old = io.BytesIO()  # a head of another format (as saved before parts): not reused
    meta = json.loads(np.load(io.BytesIO(saved.head))["meta"].tobytes()) | {"format": 2}
    np.savez(old, meta=np.frombuffer(json.dumps(meta).encode(), dtype=np.uint8))
    assert load_state(old.getvalue(), options, saved.parts.get) is None
    lost = next(iter(saved.names))  # a lost part: not restored, the caller re-clusters
    assert load_state(saved.head, options, lambda n: None if n == lost else saved.parts[n]) is None


def test_window_bounds_what_stays_linkable(shared_dir: Path) -> None:
    arts, _ = _wikinews(shared_dir)
    options = ClusterOptions(batch_size=10, window=30)
    c = StreamClusterer(options)
    assignment = c.add(arts)
    indexed = sum(chunk.size for chunk in c.index.chunks)
    assert 30 <= indexed <= 60 and c.densities.base > 0
    active = {a for m in c.graph.members.values() for a in m}
    retired = {a for m in assignment.retired.values() for a in m}
    assert active | retired == set(range(len(arts))) and not active & retired


def test_regrouping_leaves_stories_opened_before_the_age_bound(shared_dir: Path) -> None:
    """refresh_max_age: stories whose oldest article is more than that many ids before
    the regrouped span keep their shape; without the bound they are regrouped too."""
    arts, _ = _wikinews(shared_dir)
    touched = {}
    for age in (0, 10):
        options = ClusterOptions(batch_size=10, refresh_batches=0, refresh_span=20)
        c = StreamClusterer(replace(options, refresh_max_age=age))
        c.add(arts)
        lo = c.count - 20
        before = {k: sorted(m) for k, m in c.graph.members.items()}
        touched[age] = c.refresh()
        old = {k for k in before if k < lo - 10 and any(a >= lo for a in before[k])}
        assert old, "the case needs an old story that gained recent articles"
        if age:
            assert not set(touched[age]) & {a for k in old for a in before[k]}
            assert all(len({c.graph.story_of[a] for a in before[k]}) == 1 for k in old)
    assert set(touched[10]) < set(touched[0])


def test_batch_vectors_equal_the_row_by_row_construction(shared_dir: Path) -> None:
    """transform counts terms for the whole batch; the rows must be exactly what counting
    each article alone (np.unique per row, IDF looked up per new term) gives."""
    arts, _ = _wikinews(shared_dir)
    options = ClusterOptions()
    fast, slow = StreamVectorizer(options), StreamVectorizer(options)
    for start in range(0, len(arts), 30):
        batch = arts[start : start + 30]
        got = fast.transform(batch)
        rows = []
        for article in batch:
            tokens = article_tokens(article, slow._kept_sentences(article), options)
            for term in dict.fromkeys(tokens):
                slow.vocabulary.setdefault(term, len(slow.vocabulary))
            cols, tf = np.unique([slow.vocabulary[t] for t in tokens], return_counts=True)
            rows.append((cols, tf))
        idf = background_idf(list(slow.vocabulary))
        data = [(1.0 + np.log(tf.astype(np.float64))) * idf[cols] for cols, tf in rows]
        indptr = np.cumsum([0] + [len(c) for c, _ in rows])
        want = sparse.csr_matrix(
            (np.concatenate(data), np.concatenate([c for c, _ in rows]), indptr),
            shape=(len(batch), len(slow.vocabulary)),
        )
        want = sparse.csr_matrix(normalize(want))
        assert fast.vocabulary == slow.vocabulary
        assert np.array_equal(got.indptr, want.indptr)
        assert np.array_equal(got.indices, want.indices)
        assert np.array_equal(got.data, want.data)


def test_the_windows_own_idf_weighs_down_what_every_indexed_article_says() -> None:
    """Rows as the vectorizer gives them (terms 0..2): term 0 in every indexed row,
    term 2 in none. Reweighted, term 0 loses weight against term 2; an empty index
    changes nothing (the first batch is weighted by general English alone); expired
    rows no longer count."""
    index = NeighbourIndex(ClusterOptions(candidate_terms=0, max_postings=0, candidates=0))
    first = normalize(sparse.csr_matrix(np.array([[1.0, 1.0, 0.0]] * 4)))
    assert np.allclose(index.reweight(first).toarray(), first.toarray())
    index.add_and_link(index.reweight(first))
    new = normalize(sparse.csr_matrix(np.array([[1.0, 0.0, 1.0]])))
    weights = index.reweight(new).toarray()[0]
    assert weights[0] < weights[2] and np.isclose(np.linalg.norm(weights), 1.0)
    index.expire(4)
    assert index.rows == 0 and not index.df.any()
    assert np.allclose(index.reweight(new).toarray(), new.toarray())
    off = NeighbourIndex(ClusterOptions(corpus_idf=0))
    off.add_and_link(first)
    assert off.reweight(new) is new
