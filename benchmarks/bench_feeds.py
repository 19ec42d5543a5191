"""How fast RSS entries become articles: a feed of real Multi-News val articles.

The first N articles of multinews_val_pooled are written as one RSS 2.0 feed
(each body as <p> paragraphs in <description>), then read with iter_articles
(safety check, feedparser, HTML to text, cleaning, sentence splitting), best of
`--runs`. Ingest as a whole runs at 650-900 articles/s (docs/benchmarks.md), so
reading a feed must stay well above that.

    python benchmarks/bench_feeds.py --articles 2000 --out docs/benchmarks.md
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import html
import itertools
import json
import platform
import tempfile
import time
from pathlib import Path

from _report import emit

from newsfuse.config import ExtractOptions
from newsfuse.extract import iter_articles
from newsfuse.types import Article

ROOT = Path(__file__).resolve().parents[1]
VAL = ROOT.parent / "shared" / "data" / "clustering" / "multinews_val_pooled.jsonl.gz"


def feed(n: int) -> str:
    """RSS 2.0 text with the first `n` val articles as items."""
    with gzip.open(VAL, "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in itertools.islice(fh, n)]
    items = []
    for i, row in enumerate(rows):
        paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in row["text"].split("\n") if p)
        items.append(
            f"<item><title>{html.escape(row.get('title') or 'untitled')}</title>"
            f"<link>https://example.com/{i}</link>"
            f"<pubDate>Tue, 16 Aug 2016 10:00:00 GMT</pubDate>"
            f"<description>{html.escape(paragraphs)}</description></item>"
        )
    head = '<?xml version="1.0"?><rss version="2.0"><channel><title>val</title>'
    return head + "".join(items) + "</channel></rss>"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "val.rss"
        path.write_text(feed(args.articles), encoding="utf-8")
        size = path.stat().st_size
        times, count = [], 0
        for _ in range(args.runs):
            t0 = time.perf_counter()
            count = sum(isinstance(i, Article) for i in iter_articles([path], ExtractOptions()))
            times.append(time.perf_counter() - t0)
    best = min(times)
    emit(
        f"## Reading RSS feeds — {dt.date.today().isoformat()}\n\n"
        f"Machine: {platform.machine()}, Python {platform.python_version()}. Command: "
        f"`python benchmarks/bench_feeds.py --articles {args.articles}`\n\n"
        "| entries | feed MB | articles | best s | articles/s | runs (s) |\n"
        "|---|---|---|---|---|---|\n"
        f"| {args.articles} | {size / 1e6:.1f} | {count} | {best:.2f} | {count / best:.0f} | "
        f"{', '.join(f'{t:.2f}' for t in times)} |\n",
        args.out,
    )


if __name__ == "__main__":
    main()
