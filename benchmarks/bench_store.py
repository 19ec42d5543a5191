"""The store's share of ingest, apart from extraction and clustering: storing N
Multi-News train articles (bench_pipeline.write_pool, extracted once beforehand) in
batches of 500, article by article (has_article + add_article, as ingest did before
issue 25) and a batch at a time (has_articles + add_articles), on SQLite and on a
PostgreSQL server you run. Each way writes a new database.

    python benchmarks/bench_store.py --articles 5000 \
        --url 'postgresql://user@/postgres?host=/tmp/pg' --out docs/benchmarks.md
"""

from __future__ import annotations

import argparse
import platform
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
from _report import emit
from bench_pipeline import write_pool
from bench_postgres import fresh_database

from newsfuse.config import Config, ExtractOptions
from newsfuse.extract import iter_articles
from newsfuse.store import Store, open_store
from newsfuse.types import Article

BATCH = 500  # pipeline._BATCH
Row = tuple[Article, np.ndarray, int]


def one_by_one(store: Store, batch: list[Row]) -> None:
    for article, sig, n in batch:
        if not store.has_article(article.id):
            store.add_article(article, sig, n)


def batched(store: Store, batch: list[Row]) -> None:
    present = store.has_articles([a.id for a, _, _ in batch])
    new = []
    for row in batch:  # an article may come twice in one batch, as in the pipeline
        if row[0].id not in present:
            present.add(row[0].id)
            new.append(row)
    store.add_articles(new)


def measure(db: str | Path, rows: list[Row], way: Callable[[Store, list[Row]], None]) -> float:
    """Articles stored per second, a transaction per batch."""
    store = open_store(Config(db=db))
    try:
        start = time.perf_counter()
        for i in range(0, len(rows), BATCH):
            with store.transaction():
                way(store, rows[i : i + BATCH])
        return len(rows) / (time.perf_counter() - start)
    finally:
        store.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=5000)
    ap.add_argument("--url", required=True, help="a PostgreSQL server's database URL")
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        pool = Path(tmp) / "pool.jsonl"
        write_pool(args.articles, pool)
        articles = [a for a in iter_articles([pool], ExtractOptions()) if isinstance(a, Article)]
        rng = np.random.default_rng(0)
        rows = [(a, rng.integers(0, 2**63, 128, dtype=np.uint64), 100) for a in articles]
        cells = {}
        for way in (one_by_one, batched):
            sqlite = measure(Path(tmp) / f"{way.__name__}.db", rows, way)
            postgres = measure(fresh_database(args.url), rows, way)
            cells[way.__name__] = (sqlite, postgres)
    lines = [
        f"`python benchmarks/bench_store.py --articles {args.articles} --url URL`;"
        f" {len(rows):,} articles, Python {platform.python_version()}. Articles stored per"
        " second, a transaction per 500:",
        "",
        "| way | SQLite (file) | PostgreSQL (Unix socket) |",
        "|---|---|---|",
        *(f"| {name} | {s:,.0f} | {p:,.0f} |" for name, (s, p) in cells.items()),
    ]
    emit("\n".join(lines) + "\n", args.out)


if __name__ == "__main__":
    main()
