"""Storylines follow named people and places, not a topic (cluster/levels.py,
storyline_evidence / storyline_adjustment), measured in small archives.

Real articles from ../shared/data/clustering/gva_dev.jsonl.gz and wikinews_pooled.jsonl
(evaluation only, read at test time, never copied here); the tests skip when ../shared
is absent.
"""

from __future__ import annotations

import dataclasses
from functools import partial
from pathlib import Path

import pytest

from newsfuse.cluster import cluster_batch, cluster_stream
from newsfuse.config import ClusterOptions
from newsfuse.evaluation.cluster_metrics import score_clustering
from newsfuse.evaluation.cluster_small import score_small, topic_samples
from newsfuse.evaluation.datasets import clustering_article, read_clustering_records
from newsfuse.types import Article

# Three shootings the lead engineer ingested into a fresh archive: a girl at a North
# Dakota shooting range, the Four Hills (Albuquerque) shooting, a teen girl in Wichita.
# Before storylines read names they formed three events but one storyline.
THREE = ("gva-678047", "gva-719128", "gva-727980")
# Storyline links as they were: text alone (cosine minus density).
TEXT_ONLY = dataclasses.replace(ClusterOptions(), storyline_conflict=0.0, storyline_day_penalty=0.0)


@pytest.fixture(scope="module")
def gva(shared_dir: Path) -> tuple[list[Article], list[str]]:
    records = read_clustering_records(shared_dir / "data/clustering/gva_dev.jsonl.gz")
    return [clustering_article(r) for r in records], [r.cluster for r in records]


def _mixed(groups: list[list[int]], labels: list[str]) -> list[set[str]]:
    return [inc for g in groups if len(inc := {labels[i] for i in g}) > 1]


def test_three_shootings_in_three_states_are_three_storylines(
    gva: tuple[list[Article], list[str]],
) -> None:
    arts, gold = gva
    picked = [i for i, label in enumerate(gold) if label in THREE]
    sub, labels = [arts[i] for i in picked], [gold[i] for i in picked]
    assert len(set(labels)) == 3
    for method in (cluster_stream, cluster_batch):
        assert _mixed(method(sub, ClusterOptions(), "storyline"), labels) == []
    off = TEXT_ONLY
    assert _mixed(cluster_stream(sub, off, "storyline"), labels)  # what the fix changed


def test_small_archives_of_one_topic_mix_fewer_incidents(
    gva: tuple[list[Article], list[str]],
) -> None:
    arts, gold = gva
    samples = topic_samples(arts, gold, 3, 40, pool=40)
    assert all(len({gold[i] for i in s}) == 3 for s in samples)
    before, after = (
        score_small(arts, gold, samples, partial(cluster_stream, options=opts, level="storyline"))
        for opts in (TEXT_ONLY, ClusterOptions())
    )
    assert after.mixed < before.mixed - 0.2
    assert after.bcubed_precision > before.bcubed_precision + 0.2
    assert after.bcubed_recall > 0.9  # an incident's own reports still share a storyline


def test_wikinews_storylines_still_hold(shared_dir: Path) -> None:
    records = read_clustering_records(shared_dir / "data/clustering/wikinews_pooled.jsonl")
    arts = [clustering_article(r) for r in records]
    groups = cluster_batch(arts, ClusterOptions(), "storyline")
    pred = [0] * len(arts)
    for g, members in enumerate(groups):
        for i in members:
            pred[i] = g
    assert score_clustering([r.cluster for r in records], pred).bcubed_f1 >= 0.97
