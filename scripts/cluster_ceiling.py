"""How far text similarity can take story clustering on a labelled pooled set.

Splits each gold cluster into the connected components of its article pairs whose
TF-IDF cosine is at least t (single link), and scores that against the gold: no
system that needs two articles to share words (cosine >= t, directly or through
a chain) to put them together can recall more. Also prints the cosine quantiles
of same-story pairs. Analysis only (nothing is tuned here); val and Wikinews:

    python scripts/cluster_ceiling.py --data val
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components
from sklearn.feature_extraction.text import TfidfVectorizer

from newsfuse.evaluation import score_clustering
from newsfuse.evaluation.datasets import read_clustering_records

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "clustering"
FILES = {"val": "multinews_val_pooled.jsonl.gz", "wikinews": "wikinews_pooled.jsonl"}


def load(name: str) -> tuple[list[str], list[str]]:
    """Title + text of each article, and its gold cluster, in file order."""
    records = read_clustering_records(SHARED / FILES[name])
    return [f"{r.title or ''} {r.text}" for r in records], [r.cluster for r in records]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", choices=sorted(FILES), default="val")
    ap.add_argument("--thresholds", type=float, nargs="+", default=[0.02, 0.05, 0.1, 0.15, 0.2])
    args = ap.parse_args()
    texts, gold = load(args.data)
    vec = TfidfVectorizer(sublinear_tf=True, min_df=2, max_df=0.5, stop_words="english")
    x = csr_matrix(vec.fit_transform(texts))
    groups: dict[str, list[int]] = defaultdict(list)
    for i, label in enumerate(gold):
        groups[label].append(i)
    sims = {label: (x[m] @ x[m].T).toarray() for label, m in groups.items()}
    pairs = np.concatenate([s[np.triu_indices(len(s), 1)] for s in sims.values()])
    quantiles = np.quantile(pairs, [0.05, 0.1, 0.2, 0.3, 0.5]).round(3).tolist()
    print(f"# {args.data}: {len(texts)} articles, {len(pairs)} same-story pairs")
    print(f"same-story cosine quantiles 5/10/20/30/50%: {quantiles}")
    print("| t | components | B-P | B-R | B-F1 |\n|---|---|---|---|---|")
    for t in args.thresholds:
        pred = [""] * len(texts)
        for label, members in groups.items():
            _, comp = connected_components(csr_matrix(sims[label] >= t), directed=False)
            for i, c in zip(members, comp.tolist(), strict=True):
                pred[i] = f"{label}/{c}"
        s = score_clustering(gold, pred)
        print(
            f"| {t} | {len(set(pred))} | {s.bcubed_precision:.3f} | {s.bcubed_recall:.3f}"
            f" | {s.bcubed_f1:.3f} |"
        )


if __name__ == "__main__":
    main()
