"""Latency of the HTTP API on a real archive, through a real uvicorn server on 127.0.0.1.

An archive of N Multi-News train articles is ingested first (or `--db` reuses one);
each endpoint is then requested `--runs` times with httpx and its median and 95th
percentile reported. The brief with analysis is timed cold (first request for the
story: spaCy analysis) and warm (the server's cached dossier).

    python benchmarks/bench_serve.py --articles 10000 --out docs/benchmarks.md
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx2 as httpx
from _report import emit
from bench_pipeline import write_pool

import newsfuse

QUERIES = ("obama", '"supreme court"', "earthquake OR tsunami", "vaccin*", "north korea missile")


def build(n: int, folder: Path) -> Path:
    pool = folder / "pool.jsonl"
    write_pool(n, pool)
    db = folder / "bench.db"
    with newsfuse.open(db) as nf:
        nf.ingest([pool])
    return db


def serve(db: Path) -> tuple[str, subprocess.Popen[bytes]]:
    """`newsfuse serve` in its own process (as users run it), once it answers."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    command = [sys.executable, "-m", "newsfuse", "serve", "--db", str(db), "--port", str(port)]
    process = subprocess.Popen(command, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            httpx.get(base + "/api").raise_for_status()
            return base, process
        except httpx.TransportError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit("newsfuse serve did not start")


def timed(client: httpx.Client, paths: list[str]) -> list[float]:
    """Milliseconds of each request (all must succeed)."""
    times = []
    for path in paths:
        start = time.perf_counter()
        response = client.get(path)
        times.append((time.perf_counter() - start) * 1000)
        response.raise_for_status()
    return times


def row(name: str, times: list[float]) -> str:
    p95 = statistics.quantiles(times, n=20)[-1] if len(times) >= 2 else times[0]
    return f"| {name} | {len(times)} | {statistics.median(times):.1f} | {p95:.1f} |"


def stories_of_size(client: httpx.Client, size: int, count: int) -> list[str]:
    """Ids of up to `count` stories with about `size` articles (nearest sizes first)."""
    listed = client.get("/api/stories", params={"limit": 1000}).json()["stories"]
    listed.sort(key=lambda s: abs(len(s["articles"]) - size))
    return [s["id"] for s in listed[:count]]


def measure(client: httpx.Client, runs: int) -> list[str]:
    ids = stories_of_size(client, 10, runs)
    article = client.get(f"/api/stories/{ids[0]}").json()["articles"][0]
    searches = [f"/api/search?q={q}" for q in QUERIES] * max(1, runs // len(QUERIES))
    return [
        row("`GET /api/stories?limit=50`", timed(client, ["/api/stories?limit=50"] * runs)),
        row("`GET /api/search?q=…` (5 queries)", timed(client, searches)),
        row("`GET /api/articles/{id}`", timed(client, [f"/api/articles/{article}"] * runs)),
        row(
            "`GET …/brief` (~10-article story)",
            timed(client, [f"/api/stories/{i}/brief" for i in ids]),
        ),
        row(
            "`GET …/brief?analysis=true`, cold",
            timed(client, [f"/api/stories/{i}/brief?analysis=true" for i in ids]),
        ),
        row(
            "`GET …/brief?analysis=true`, cached",
            timed(client, [f"/api/stories/{i}/brief?analysis=true" for i in ids]),
        ),
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--db", type=Path, help="an existing archive instead of a new one")
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or build(args.articles, Path(tmp))
        base, process = serve(db)
        try:
            with httpx.Client(base_url=base, timeout=120) as client:
                stories = client.get("/api").json()["stories"]
                client.get("/api/stories?limit=1")  # first request: headlines made fresh
                rows = measure(client, args.runs)
        finally:
            process.terminate()
            process.wait()
    size = (
        f"{args.articles:,} Multi-News train articles" if not args.db else f"archive {args.db.name}"
    )
    emit(
        "\n".join(
            [
                f"## HTTP API latency — {dt.date.today()} ({size}, {stories:,} stories)",
                "",
                f"`python benchmarks/bench_serve.py --articles {args.articles} "
                f"--runs {args.runs}`; `newsfuse serve` (uvicorn) on 127.0.0.1 in its own "
                "process, httpx2 client, one request at a time; Python "
                f"{platform.python_version()}, {platform.machine()}.",
                "",
                "| request | n | median ms | p95 ms |",
                "|---|---|---|---|",
                *rows,
            ]
        )
        + "\n",
        args.out,
    )


if __name__ == "__main__":
    main()
