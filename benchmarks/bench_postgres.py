"""The same archive on SQLite and on PostgreSQL: ingest speed, search, story pages, briefs.

N Multi-News train articles (bench_pipeline.write_pool) are ingested into a new SQLite
file and into a new database on the PostgreSQL server of `--url` (a server you run;
a new database is created beside the one the URL names), then the same reads are
timed on both.

    python benchmarks/bench_postgres.py --articles 10000 \
        --url 'postgresql://user@/postgres?host=/tmp/pg' --out docs/benchmarks.md
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from _report import emit
from bench_pipeline import QUERIES, write_pool

import newsfuse


def _ms(call: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def measure(db: str | Path, pool: Path, runs: int) -> list[str]:
    """Ingest seconds and articles/s; median ms of search, a story page and a brief."""
    start = time.perf_counter()
    with newsfuse.open(db) as nf:
        report = nf.ingest([pool])
    seconds = time.perf_counter() - start
    with newsfuse.open(db) as nf:
        stories = nf.story_page("size", 10)
        search = statistics.median(_ms(lambda q=q: nf.search(q), runs) for q in QUERIES)  # type: ignore[misc]
        page = _ms(lambda: nf.story_page("size", 50), runs)
        brief = statistics.median(_ms(lambda s=s: nf.brief(s.id), runs) for s in stories)  # type: ignore[misc]
    return [
        f"{report.ingested:,}",
        f"{seconds:.1f}",
        f"{report.ingested / seconds:.0f}",
        f"{search:.1f}",
        f"{page:.1f}",
        f"{brief:.1f}",
    ]


def fresh_database(url: str) -> str:
    """A new database on the server of `url` (named bench_<random>), as a URL."""
    import psycopg

    name = f"bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    base, _, query = url.partition("?")
    return f"{base.rsplit('/', 1)[0]}/{name}" + (f"?{query}" if query else "")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--url", required=True, help="a PostgreSQL server's database URL")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        pool = Path(tmp) / "pool.jsonl"
        write_pool(args.articles, pool)
        rows = {
            "SQLite (file)": measure(Path(tmp) / "bench.db", pool, args.runs),
            "PostgreSQL (Unix socket)": measure(fresh_database(args.url), pool, args.runs),
        }
    lines = [
        f"## SQLite and PostgreSQL — {dt.date.today()} "
        f"({args.articles:,} Multi-News train articles)",
        "",
        f"`python benchmarks/bench_postgres.py --articles {args.articles} --url URL "
        f"--runs {args.runs}`; Python {platform.python_version()}, {platform.machine()}. "
        "Search: median over the 10 queries of bench_pipeline of each query's median; "
        "brief: the same over the 10 biggest stories.",
        "",
        "| backend | articles | ingest s | articles/s | search ms | page of 50 ms | brief ms |",
        "|---|---|---|---|---|---|---|",
        *(f"| {name} | " + " | ".join(cells) + " |" for name, cells in rows.items()),
    ]
    emit("\n".join(lines) + "\n", args.out)


if __name__ == "__main__":
    main()
