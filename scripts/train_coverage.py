"""Train coverage selection (newsfuse.summarize.coverage) and write its package data.

Data: the Multi-News TRAIN clusters, split by a seed-0 sample into G (`--gram-clusters`,
3,000) and the rest R, so no feature of a training row was computed from its own label:
- the background table counts, over R, in how many inputs each hashed unigram/bigram
  occurs and in how many of those the editor's summary also has it;
- the lexical features come from a ridge fitted like scripts/train_lexical.py on a
  seed-1 sample of R (`--lexical-clusters`, 15,000), not the shipped lexical model
  (fitted on all train clusters, G included, so its scores of G are in-sample);
- the forest is fitted on the (gram, copy) rows of G, label: the summary holds the
  gram at least `copy` times.
Clusters become Articles and sentences exactly as production sees them
(`cluster_articles`, `story_matrix`). Model: scikit-learn HistGradientBoostingClassifier
(PARAMS, fixed seed, no early stopping), exported to JSON by newsfuse.forest. The script
prints both files' sha256, to pin in coverage.py.

    python scripts/train_coverage.py [--gram-clusters 3000] [--lexical-clusters 15000] [--jobs 2]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import time
from collections import Counter
from io import BytesIO
from multiprocessing import Pool
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray
from scipy import sparse
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import Ridge
from train_lexical import ALPHA
from train_lexical import cluster_rows as lexical_rows
from train_scorer import TRAIN, load_sample

from newsfuse.evaluation.datasets import SummaryCluster, cluster_articles
from newsfuse.forest import dump_forest, export_forest, forest_from_json
from newsfuse.summarize import coverage
from newsfuse.summarize.features import story_matrix
from newsfuse.summarize.lexical import story_terms, vectorizer
from newsfuse.summarize.select import quality

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "newsfuse" / "summarize" / "data"
PARAMS: dict[str, Any] = dict(
    max_iter=60, learning_rate=0.2, max_depth=5,
    early_stopping=False, random_state=0,
)  # fmt: skip
# 200 trees of depth 8 (lr 0.1, 31 leaves) scored the same on val (45.62 / 16.11) at 5x the
# evaluation cost; 100 of depth 6 (lr 0.15) 45.59 / 16.07 (docs/tuning.md).
_WORKER: dict[str, Any] = {}


def background_buckets(cluster: SummaryCluster) -> tuple[NDArray[np.int32], NDArray[np.int32]]:
    """Buckets of the grams in the cluster's input, and of those the summary keeps."""
    inputs: set[str] = set()
    for doc in cluster.documents:
        inputs |= coverage.text_grams(doc.text)
    kept = inputs & coverage.text_grams(cluster.summaries[0]) if cluster.summaries else set()
    return np.unique(coverage.buckets(sorted(inputs))), np.unique(coverage.buckets(sorted(kept)))


def background(clusters: list[SummaryCluster], jobs: int) -> NDArray[np.float16]:
    """Row 0: log(1 + inputs holding the gram); row 1: smoothed share kept."""
    inputs = np.zeros(2**coverage.TABLE_BITS)
    kept = np.zeros(2**coverage.TABLE_BITS)
    with Pool(jobs) as pool:
        for a, b in pool.imap(background_buckets, clusters, chunksize=64):
            inputs[a] += 1
            kept[b] += 1
    return np.stack([np.log1p(inputs), (kept + 0.3) / (inputs + 1)]).astype(np.float16)


def _init(table: NDArray[np.float64], coef: NDArray[np.float64], intercept: float) -> None:
    _WORKER.update(table=table, coef=coef, intercept=intercept)


def gram_rows(cluster: SummaryCluster) -> tuple[NDArray[np.float64], NDArray[np.int8]]:
    """Features and labels of one cluster's (gram, copy) rows."""
    articles = list({a.id: a for a in cluster_articles(cluster)}.values())
    matrix = story_matrix(articles)
    if matrix.size == 0 or not cluster.summaries:
        return np.zeros((0, len(coverage.FEATURES))), np.zeros(0, dtype=np.int8)
    grams = [coverage.sentence_grams(s.text) for s in matrix.sentences]
    terms = vectorizer().transform(story_terms(matrix, grams))
    lexical = np.asarray(terms @ _WORKER["coef"] + _WORKER["intercept"], dtype=np.float64)
    quality_ = np.array([quality(s.text) for s in matrix.sentences])
    story = coverage.story_grams(matrix, lexical, quality_, grams)
    x, owner = coverage.gram_features(matrix, story, _WORKER["table"])
    reference = Counter(coverage.sentence_grams(cluster.summaries[0]))
    held = np.array([reference[g] for g in story.grams])
    return x, (held[owner] >= x[:, 1]).astype(np.int8)


def lexical_model(clusters: list[SummaryCluster], jobs: int) -> tuple[NDArray[np.float64], float]:
    """A ridge like the shipped lexical model's, on `clusters`, rounded like it to float16."""
    with Pool(jobs) as pool:
        rows = pool.map(lexical_rows, clusters, chunksize=64)
    x = sparse.vstack([r[0] for r in rows], format="csr")
    model = Ridge(alpha=ALPHA).fit(x, np.concatenate([r[1] for r in rows]))
    weights = np.append(model.coef_, model.intercept_).astype(np.float16).astype(np.float64)
    return weights[:-1], float(weights[-1])


def save(path: Path, data: bytes) -> None:
    path.write_bytes(data)
    print(f"{path}: {len(data)} bytes, sha256 {hashlib.sha256(data).hexdigest()}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gram-clusters", type=int, default=3000)
    parser.add_argument("--lexical-clusters", type=int, default=15000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--out", default=str(DATA))
    parser.add_argument("--cache", default="", help="npz of the forest's rows to reuse")
    parser.add_argument(
        "--params", default="", help='JSON overriding PARAMS, e.g. {"max_depth": 6}'
    )
    args = parser.parse_args()
    x, y = build_rows(args)
    model = HistGradientBoostingClassifier(**(PARAMS | json.loads(args.params or "{}"))).fit(x, y)
    raw = export_forest(model, coverage.FEATURES)
    check = forest_from_json(raw).predict(x[:5000])
    assert np.allclose(check, model.decision_function(x[:5000]), atol=1e-5), "export mismatch"
    save(Path(args.out) / coverage.MODEL_FILE, dump_forest(raw))


def build_rows(args: argparse.Namespace) -> tuple[NDArray[np.float64], NDArray[np.int8]]:
    """The forest's training rows (and, on the way, the background table file)."""
    if args.cache and Path(args.cache).exists():
        data = np.load(args.cache)
        return data["x"], data["y"]
    start = time.perf_counter()
    clusters = load_sample(TRAIN, 10**9)
    g = set(random.Random(0).sample(range(len(clusters)), args.gram_clusters))
    gram = [c for i, c in enumerate(clusters) if i in g]
    rest = [c for i, c in enumerate(clusters) if i not in g]
    table = background(rest, args.jobs)
    buffer = BytesIO()
    np.save(buffer, table, allow_pickle=False)
    save(Path(args.out) / coverage.TABLE_FILE, buffer.getvalue())
    print(f"background over {len(rest)} clusters: {time.perf_counter() - start:.0f} s", flush=True)
    lexical = random.Random(1).sample(rest, min(args.lexical_clusters, len(rest)))
    coef, intercept = lexical_model(lexical, args.jobs)
    print(f"lexical ridge: {time.perf_counter() - start:.0f} s", flush=True)
    init = (table.astype(np.float64), coef, intercept)
    with Pool(args.jobs, initializer=_init, initargs=init) as pool:
        rows = pool.map(gram_rows, gram, chunksize=32)
    x = np.vstack([r[0] for r in rows])
    y = np.concatenate([r[1] for r in rows])
    took = time.perf_counter() - start
    print(f"{len(y)} rows, {y.mean():.3f} positive: {took:.0f} s", flush=True)
    if args.cache:
        np.savez(args.cache, x=x, y=y)
    return x, y


if __name__ == "__main__":
    main()
