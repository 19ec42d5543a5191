"""Learn the lede model (newsfuse.summarize.lede) from Multi-News train.

    python scripts/train_lede.py [--clusters N]

For each of the first N train clusters, every usable sentence (quality > 0)
is a row of lede FEATURES; its label is whether it holds at least LEDE_TARGET
of the content words of the editor's first sentence. A logistic regression
(balanced classes, standardised features folded back into raw weights) is
fitted and its weights printed as Python to paste into lede.py.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

from newsfuse.config import BriefOptions
from newsfuse.evaluation.datasets import cluster_articles, read_summary_clusters
from newsfuse.evaluation.read_detectors import lede_overlap
from newsfuse.summarize.features import story_matrix
from newsfuse.summarize.lede import FEATURES, LEDE_TARGET, lede_features
from newsfuse.summarize.select import components
from newsfuse.text.sentences import split_sentences

TRAIN = (
    Path(__file__).resolve().parents[1] / "../shared/data/summarization/multinews.train.jsonl.gz"
)


def rows(clusters: int) -> tuple[np.ndarray, np.ndarray]:
    """Features and labels of every usable sentence of the first `clusters`."""
    options = BriefOptions()
    xs, ys = [], []
    for cluster in read_summary_clusters(TRAIN, limit=clusters):
        articles = list({a.id: a for a in cluster_articles(cluster)}.values())
        matrix = story_matrix(articles)
        if matrix.size == 0 or not cluster.summaries:
            continue
        first = split_sentences("ref", cluster.summaries[0])
        if not first:
            continue
        parts = components(matrix, options)
        usable = parts.quality > 0
        labels = [lede_overlap(s.text, [first[0].text]) >= LEDE_TARGET for s in matrix.sentences]
        xs.append(lede_features(matrix, parts)[usable])
        ys.append(np.array(labels)[usable])
    return np.vstack(xs), np.concatenate(ys)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clusters", type=int, default=3000)
    parser.add_argument("--without", nargs="*", default=["log_words"])
    args = parser.parse_args()
    x, y = rows(args.clusters)
    for name in args.without:  # a weight held at 0 (log_words: see lede.py)
        x[:, FEATURES.index(name)] = 0.0
    scaler = StandardScaler().fit(x)
    model = LogisticRegression(class_weight="balanced", max_iter=1000, C=1.0)
    model.fit(scaler.transform(x), y)
    scale = np.where(scaler.scale_ > 0, scaler.scale_, 1.0)
    weights = model.coef_[0] / scale
    bias = float(model.intercept_[0] - np.sum(model.coef_[0] * scaler.mean_ / scale))
    print(f"# {len(y)} sentences of {args.clusters} clusters, {y.mean():.3f} positive")
    print("WEIGHTS = np.array([")
    for name, w in zip(FEATURES, weights, strict=True):
        print(f"    {w:.4f},  # {name}")
    print("])")
    print(f"BIAS = {bias:.4f}")


if __name__ == "__main__":
    main()
