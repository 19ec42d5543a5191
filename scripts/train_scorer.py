"""Train the learned sentence scorer and write it as package data (JSON trees).

Data: a seed-0 sample (`newsfuse.evaluation.datasets.sample`) of `--clusters`
Multi-News TRAIN clusters (default 15,000 of 44,972), turned into Articles by
`newsfuse.evaluation.datasets.cluster_articles`, i.e. exactly as the benchmark
and production see them. Features: `newsfuse.summarize.learned.FEATURES`,
computed by the production code with default BriefOptions. Label per sentence:
the mean of its ROUGE-1 and ROUGE-2 precision against the editor's summary
(clipped n-gram hits / the sentence's n-grams, rouge-score's tokenizer and
Porter stemmer), i.e. how much of the sentence the editor kept: under a word
budget, words that are not in the summary cost as much as words that are.
Model: sklearn HistGradientBoostingRegressor, fixed random_state, exported tree
by tree to JSON (no pickle). Retraining with the same arguments, data and
library versions reproduces the shipped file byte for byte (the script prints
its sha256; pin it as MODEL_SHA256 in newsfuse/summarize/learned.py).

    python scripts/train_scorer.py [--clusters 15000] [--jobs 2] [--out PATH]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import random
import time
from collections import Counter
from functools import lru_cache
from multiprocessing import Pool
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray
from rouge_score import tokenize
from rouge_score.tokenizers import DefaultTokenizer
from sklearn.ensemble import HistGradientBoostingRegressor

from newsfuse.config import BriefOptions
from newsfuse.evaluation.datasets import Document, SummaryCluster, cluster_articles
from newsfuse.forest import dump_forest, export_forest, forest_from_json
from newsfuse.summarize.features import story_matrix
from newsfuse.summarize.learned import FEATURES, feature_matrix
from newsfuse.summarize.select import components, unsupervised_scores

ROOT = Path(__file__).resolve().parents[1]
TRAIN = ROOT.parent / "shared" / "data" / "summarization" / "multinews.train.jsonl.gz"
OUT = ROOT / "src" / "newsfuse" / "summarize" / "data" / "scorer.json"
PARAMS: dict[str, Any] = {
    "max_iter": 150,
    "learning_rate": 0.08,
    "max_leaf_nodes": 15,
    "max_depth": 6,
    "min_samples_leaf": 80,
    "l2_regularization": 1.0,
    "early_stopping": False,
    "random_state": 0,
}
_STEMMER = DefaultTokenizer(use_stemmer=True)._stemmer


@lru_cache(maxsize=1 << 18)
def _stem(token: str) -> str:
    return str(_STEMMER.stem(token)) if len(token) > 3 else token


def rouge_tokens(text: str) -> list[str]:
    """rouge-score's tokens (lower-case alphanumerics, Porter-stemmed), cached."""
    return [_stem(t) for t in tokenize.tokenize(text, None)]


def hits(sentence: list[str], reference: Counter[tuple[str, ...]], n: int) -> tuple[int, int]:
    """Clipped n-gram hits of the sentence in the reference, and its n-gram count."""
    grams = Counter(tuple(sentence[i : i + n]) for i in range(len(sentence) - n + 1))
    return sum(min(c, reference[g]) for g, c in grams.items()), sum(grams.values())


def cluster_rows(cluster: SummaryCluster) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Features and labels of one cluster's sentences (as build_brief sees them)."""
    articles = list({a.id: a for a in cluster_articles(cluster)}.values())
    matrix = story_matrix(articles)
    if matrix.size == 0 or not cluster.summaries:
        return np.zeros((0, len(FEATURES))), np.zeros((0, 6))
    options = BriefOptions(words=300)
    parts = components(matrix, options)
    x = feature_matrix(matrix, parts, unsupervised_scores(parts, options))
    ref = rouge_tokens(cluster.summaries[0])
    refs = {n: Counter(tuple(ref[i : i + n]) for i in range(len(ref) - n + 1)) for n in (1, 2)}
    labels = []
    for sentence in matrix.sentences:
        tokens = rouge_tokens(sentence.text)
        labels.append([*hits(tokens, refs[1], 1), *hits(tokens, refs[2], 2), len(tokens), len(ref)])
    return x, np.array(labels, dtype=np.float64).reshape(-1, 6)


def label(y: NDArray[np.float64], kind: str) -> NDArray[np.float64]:
    """Training target from the (hits1, grams1, hits2, grams2, tokens, ref tokens) columns."""
    p1 = y[:, 0] / np.maximum(y[:, 1], 1)
    p2 = y[:, 2] / np.maximum(y[:, 3], 1)
    r1 = y[:, 0] / np.maximum(y[:, 5], 1)
    r2 = y[:, 2] / np.maximum(y[:, 5] - 1, 1)
    if kind == "precision":
        return np.asarray((p1 + p2) / 2)
    if kind == "p2":
        return p2
    if kind == "recall":
        return np.asarray((r1 + r2) / 2)
    raise ValueError(kind)


def load_sample(path: Path, n: int, seed: int = 0) -> list[SummaryCluster]:
    """The seed-`seed` sample of n clusters, drawn as datasets.sample draws it
    (only the sampled lines are parsed)."""
    with gzip.open(path, "rb") as handle:
        lines = [line for line in handle if line.strip()]
    keep = sorted(random.Random(seed).sample(range(len(lines)), n)) if n < len(lines) else None
    out = []
    for i in keep if keep is not None else range(len(lines)):
        raw = json.loads(lines[i])
        documents = tuple(
            Document(
                str(d.get("text") or ""),
                d.get("title") or None,
                d.get("source") or None,
                d.get("date") or None,
            )
            for d in raw.get("documents") or ()
        )
        out.append(SummaryCluster(str(raw["id"]), documents, tuple(raw.get("summaries") or ())))
    return out


def build_data(args: argparse.Namespace) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    cache = Path(args.cache) if args.cache else None
    if cache and cache.exists():
        data = np.load(cache)
        return data["x"], data["y"]
    clusters = load_sample(TRAIN, args.clusters)
    with Pool(args.jobs) as pool:
        rows = pool.map(cluster_rows, clusters, chunksize=64)
    x = np.vstack([r[0] for r in rows])
    y = np.vstack([r[1] for r in rows])
    if cache:
        np.savez_compressed(cache, x=x, y=y)
    return x, y


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clusters", type=int, default=15000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--out", default=str(OUT))
    parser.add_argument("--label", default="precision", choices=("precision", "p2", "recall"))
    parser.add_argument("--cache", default="", help="npz of features/labels to reuse")
    args = parser.parse_args()
    start = time.perf_counter()
    x, y = build_data(args)
    print(f"{len(y)} sentences, {time.perf_counter() - start:.0f} s features+labels")
    start = time.perf_counter()
    model = HistGradientBoostingRegressor(**PARAMS).fit(x, label(y, args.label))
    print(f"fit {time.perf_counter() - start:.0f} s")
    raw = export_forest(model, FEATURES)
    check = forest_from_json(raw).predict(x[:2000])
    assert np.allclose(check, model.predict(x[:2000]), atol=1e-5), "export mismatch"
    data = dump_forest(raw)
    Path(args.out).write_bytes(data)
    print(f"{args.out}: {len(data)} bytes, sha256 {hashlib.sha256(data).hexdigest()}")


if __name__ == "__main__":
    main()
