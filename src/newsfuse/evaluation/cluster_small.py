"""Storylines in a small archive: do reports of different incidents of one topic
share a storyline when they are all the archive holds?

A big archive hides this failure: the density correction (cluster/links.py)
subtracts how alike an article's neighbourhood is, so the hundredth shooting
report of a year links only to its own incident. A fresh archive holding three
shootings in three states has no such neighbourhood, and a storyline made of
common words ("teen", "shot", "police said") groups the topic, not a story.

`topic_samples` builds such archives from an incident-labelled set (gva_dev):
each sample is a random incident and the `k - 1` incidents most alike it in
words (same topic, different incidents). `score_small` clusters each sample
alone, in file order, and reports how many samples put two incidents in one
cluster, with BCubed precision and recall pooled over samples.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass

import numpy as np

from newsfuse.evaluation.cluster_metrics import score_clustering
from newsfuse.text.tokens import content_words
from newsfuse.types import Article

Grouper = Callable[[Sequence[Article]], list[list[int]]]


@dataclass(frozen=True)
class SmallScores:
    """Over all samples: the share with two gold incidents in one predicted cluster
    (`mixed`), the share with one incident's articles split (`split`), and
    BCubed P / R averaged per article over every sample."""

    samples: int
    articles: int
    mixed: float
    split: float
    bcubed_precision: float
    bcubed_recall: float


def _bags(articles: Sequence[Article], gold: Sequence[Hashable]) -> dict[Hashable, Counter[str]]:
    """Per incident: the content words of its articles' titles and first 600 characters."""
    bags: dict[Hashable, Counter[str]] = {}
    for article, label in zip(articles, gold, strict=True):
        words = content_words(f"{article.title or ''} {article.body[:600]}".lower())
        bags.setdefault(label, Counter()).update(words)
    return bags


def topic_samples(
    articles: Sequence[Article],
    gold: Sequence[Hashable],
    k: int,
    n: int,
    pool: int = 0,
    seed: int = 0,
) -> list[list[int]]:
    """`n` samples of article indices (file order): a random incident with at least two
    articles and `k - 1` incidents drawn at random from the `pool` most alike it (cosine
    of word counts; pool <= k - 1: the k - 1 most alike, often one city's shootings;
    a wider pool: one topic across towns, as a user's first ingest might hold)."""
    bags = _bags(articles, gold)
    labels = list(bags)
    vocab = {w: i for i, w in enumerate({w for b in bags.values() for w in b})}
    matrix = np.zeros((len(labels), len(vocab)))
    for row, label in enumerate(labels):
        for word, count in bags[label].items():
            matrix[row, vocab[word]] = count
    matrix /= np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-12)
    sizes = Counter(gold)
    seeds = [i for i, label in enumerate(labels) if sizes[label] >= 2]
    rng = random.Random(seed)
    out: list[list[int]] = []
    for row in rng.sample(seeds, min(n, len(seeds))):
        sims = matrix @ matrix[row]
        sims[row] = np.inf
        near = np.argsort(-sims)[1 : max(k, pool + 1)].tolist()
        chosen = {labels[row], *(labels[i] for i in rng.sample(near, k - 1))}
        out.append([i for i, label in enumerate(gold) if label in chosen])
    return out


def score_small(
    articles: Sequence[Article],
    gold: Sequence[Hashable],
    samples: Sequence[Sequence[int]],
    group: Grouper,
) -> SmallScores:
    """Cluster each sample alone with `group` (groups of indices into the sample)."""
    mixed = split = total = 0
    precision = recall = 0.0
    for sample in samples:
        groups = group([articles[i] for i in sample])
        pred = [0] * len(sample)
        for g, members in enumerate(groups):
            for i in members:
                pred[i] = g
        labels = [gold[i] for i in sample]
        scores = score_clustering(labels, pred)
        mixed += any(len({labels[i] for i in members}) > 1 for members in groups)
        split += scores.bcubed_recall < 1.0
        precision += scores.bcubed_precision * len(sample)
        recall += scores.bcubed_recall * len(sample)
        total += len(sample)
    count = max(1, len(samples))
    return SmallScores(
        samples=len(samples),
        articles=total,
        mixed=mixed / count,
        split=split / count,
        bcubed_precision=precision / max(1, total),
        bcubed_recall=recall / max(1, total),
    )
