"""Train the lexical sentence scorer and write it as package data (.npy).

Data: every Multi-News TRAIN cluster (44,972; `--clusters N` takes the seed-0
sample of N instead), turned into Articles by
`newsfuse.evaluation.datasets.cluster_articles` and split into sentences by
`newsfuse.summarize.features.story_matrix`, i.e. exactly as production sees
them. Input per sentence: `newsfuse.summarize.lexical.sentence_terms`, hashed
by `lexical.vectorizer()`. Label: the mean of the sentence's ROUGE-1 and
ROUGE-2 precision against the editor's summary (clipped n-gram hits over the
sentence's n-grams; rouge-score's tokenizer and Porter stemmer), i.e. how much
of it the editor kept: under a word budget, words the summary lacks cost as
much as words it has. Model: sklearn Ridge(alpha=3) (alpha chosen on
Multi-News val, docs/tuning.md), deterministic; coefficients and intercept are
saved as one float16 array. Retraining with the same data and library versions
reproduces the file byte for byte; the script prints its sha256, to pin as
MODEL_SHA256 in newsfuse/summarize/lexical.py.

    python scripts/train_lexical.py [--clusters N] [--jobs 2] [--out PATH]
"""

from __future__ import annotations

import argparse
import hashlib
import time
from collections import Counter
from io import BytesIO
from multiprocessing import Pool
from pathlib import Path

import numpy as np
from numpy.typing import NDArray
from scipy import sparse
from sklearn.linear_model import Ridge
from train_scorer import TRAIN, hits, load_sample, rouge_tokens

from newsfuse.evaluation.datasets import SummaryCluster, cluster_articles
from newsfuse.summarize.features import story_matrix
from newsfuse.summarize.lexical import HASH_BITS, MODEL_FILE, story_terms, vectorizer

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "newsfuse" / "summarize" / "data" / MODEL_FILE
ALPHA = 3.0


def cluster_rows(cluster: SummaryCluster) -> tuple[sparse.csr_matrix, NDArray[np.float64]]:
    """Hashed inputs and labels of one cluster's sentences (as build_brief sees them)."""
    articles = list({a.id: a for a in cluster_articles(cluster)}.values())
    matrix = story_matrix(articles)
    if matrix.size == 0 or not cluster.summaries:
        return sparse.csr_matrix((0, 2**HASH_BITS)), np.zeros(0)
    ref = rouge_tokens(cluster.summaries[0])
    refs = {n: Counter(tuple(ref[i : i + n]) for i in range(len(ref) - n + 1)) for n in (1, 2)}
    labels = []
    for sentence in matrix.sentences:
        tokens = rouge_tokens(sentence.text)
        h1, g1 = hits(tokens, refs[1], 1)
        h2, g2 = hits(tokens, refs[2], 2)
        labels.append((h1 / max(g1, 1) + h2 / max(g2, 1)) / 2)
    return vectorizer().transform(story_terms(matrix)), np.array(labels)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clusters", type=int, default=0, help="seed-0 sample size (0: all)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--out", default=str(OUT))
    args = parser.parse_args()
    start = time.perf_counter()
    clusters = load_sample(TRAIN, args.clusters or 10**9)
    with Pool(args.jobs) as pool:
        rows = pool.map(cluster_rows, clusters, chunksize=64)
    x = sparse.vstack([r[0] for r in rows], format="csr")
    y = np.concatenate([r[1] for r in rows])
    print(f"{len(clusters)} clusters, {len(y)} sentences, {time.perf_counter() - start:.0f} s")
    start = time.perf_counter()
    model = Ridge(alpha=ALPHA).fit(x, y)
    print(f"fit {time.perf_counter() - start:.0f} s")
    weights = np.append(model.coef_, model.intercept_).astype(np.float16)
    buffer = BytesIO()
    np.save(buffer, weights, allow_pickle=False)
    data = buffer.getvalue()
    Path(args.out).write_bytes(data)
    print(f"{args.out}: {len(data)} bytes, sha256 {hashlib.sha256(data).hexdigest()}")


if __name__ == "__main__":
    main()
