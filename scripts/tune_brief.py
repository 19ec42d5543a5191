"""Measure the brief's content selection with ROUGE against a lead baseline.

Multi-News val (first N clusters, prediction cut to 300 words, ROUGE-1/2/Lsum
F1 vs the one reference) and the 10 Wikinews MultiLing 2011 stories (100
words, F1 averaged over the 3 references), per the protocol in
../shared/README.md. Tune on these only, never on test.

    python scripts/tune_brief.py [--clusters 200] [--set key=value ...]
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import gzip
import json
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from rouge_score import rouge_scorer

from newsfuse.articles import make_article
from newsfuse.config import BriefOptions
from newsfuse.summarize import build_brief
from newsfuse.types import Article

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "summarization"
Summarizer = Callable[[Sequence[Article], int], list[str]]


def clusters(path: Path, limit: int) -> Iterator[dict[str, Any]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for n, line in enumerate(handle):
            if n >= limit:
                return
            yield json.loads(line)


def to_articles(cluster: dict[str, Any]) -> list[Article]:
    out = []
    for i, doc in enumerate(cluster["documents"]):
        date = dt.date.fromisoformat(doc["date"]) if doc.get("date") else None
        source = f"{cluster['id']}:{i}"
        out.append(make_article(body=doc["text"], source=source, title=doc.get("title"), date=date))
    return [a for a in out if a.sentences]


def lead_baseline(articles: Sequence[Article], words: int) -> list[str]:
    """First sentence of each article in turn, then the second of each, ... to `words`
    (fragments under 6 words, such as Wikinews's dateline, are skipped)."""
    articles = [
        dataclasses.replace(a, sentences=tuple(s for s in a.sentences if len(s.text.split()) >= 6))
        for a in articles
    ]
    out: list[str] = []
    used, depth = 0, 0
    while used < words and any(depth < len(a.sentences) for a in articles):
        for article in articles:
            if depth < len(article.sentences) and used < words:
                out.append(article.sentences[depth].text)
                used += len(out[-1].split())
        depth += 1
    return out


def brief_summarizer(options: BriefOptions) -> Summarizer:
    def run(articles: Sequence[Article], words: int) -> list[str]:
        brief = build_brief("eval", articles, dataclasses.replace(options, words=words))
        return [s.text for s in brief.sentences]

    return run


def cut(lines: list[str], words: int) -> str:
    """The prediction's lines, cut to its first `words` words (lines kept for Lsum)."""
    out, left = [], words
    for line in lines:
        tokens = line.split()[:left]
        if tokens:
            out.append(" ".join(tokens))
        left -= len(tokens)
    return "\n".join(out)


def evaluate(
    data: list[tuple[list[Article], list[str]]], run: Summarizer, words: int
) -> dict[str, Any]:
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
    rows, times = [], []
    for articles, refs in data:
        start = time.perf_counter()
        prediction = cut(run(articles, words), words)
        times.append(time.perf_counter() - start)
        scores = [scorer.score(ref, prediction) for ref in refs]
        rows.append(
            [np.mean([s[k].fmeasure for s in scores]) for k in ("rouge1", "rouge2", "rougeLsum")]
        )
    table = np.array(rows) * 100
    rng = np.random.default_rng(0)
    boot = table[rng.integers(0, len(table), (1000, len(table)))].mean(axis=1)
    low, high = np.percentile(boot, [2.5, 97.5], axis=0)
    mean = table.mean(axis=0)
    return {
        "R1": mean[0],
        "R2": mean[1],
        "RLsum": mean[2],
        "R1_ci": (low[0], high[0]),
        "R2_ci": (low[1], high[1]),
        "ms_mean": 1000 * float(np.mean(times)),
        "ms_max": 1000 * float(np.max(times)),
    }


def load(limit: int) -> dict[str, tuple[list[tuple[list[Article], list[str]]], int]]:
    multinews = [
        (to_articles(c), c["summaries"]) for c in clusters(SHARED / "multinews.val.jsonl.gz", limit)
    ]
    wikinews = [
        (to_articles(c), c["summaries"])
        for c in clusters(SHARED / "wikinews_multiling2011.jsonl", 10)
    ]
    return {"multinews-val@300": (multinews, 300), "wikinews@100": (wikinews, 100)}


def parse_overrides(pairs: Sequence[str]) -> dict[str, Any]:
    return {k: float(v) for k, v in (p.split("=", 1) for p in pairs)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clusters", type=int, default=200)
    parser.add_argument("--set", nargs="*", default=[], help="BriefOptions overrides, key=value")
    args = parser.parse_args()
    options = dataclasses.replace(BriefOptions(), **parse_overrides(args.set))
    print(options)
    for name, (data, words) in load(args.clusters).items():
        for label, run in (("lead", lead_baseline), ("brief", brief_summarizer(options))):
            r = evaluate(data, run, words)
            print(
                f"{name:18} {label:6} R1 {r['R1']:.2f} [{r['R1_ci'][0]:.2f},{r['R1_ci'][1]:.2f}] "
                f"R2 {r['R2']:.2f} [{r['R2_ci'][0]:.2f},{r['R2_ci'][1]:.2f}] "
                f"RLsum {r['RLsum']:.2f} "
                f"time mean {r['ms_mean']:.1f} ms max {r['ms_max']:.1f} ms"
            )


if __name__ == "__main__":
    main()
