"""What the server's mark thread (serve/marks.py) costs an idle PostgreSQL server.

The thread asks its store's `data_version` every 50 ms and re-reads the mark when it
moved. On PostgreSQL `data_version` used to be the whole mark query (counts over
stories and articles, the clustering state's size); now it is the server's current
snapshot (store/postgres.py), which asks no table. Both are run here in the same
minutes on one archive, alternated, with nothing writing: the CPU seconds of the
PostgreSQL backend serving the thread's connection (/proc, user+sys) and of the
thread's own process, per `--seconds` of polling.

    python benchmarks/bench_load_marks.py --url 'postgresql://newsfuse@/postgres?host=/tmp/pg' \
        --articles 3000 --seconds 20 --repeat 3
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
import uuid
from pathlib import Path

from bench_pipeline import write_pool

import newsfuse
from newsfuse.config import Config
from newsfuse.serve.marks import Marks
from newsfuse.store import Store, open_store


def _backend_cpu(pid: int) -> float:
    """User+system CPU seconds of process `pid` (a PostgreSQL backend)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class _FullQuery:
    """A store whose data_version is the whole mark query, as before (the baseline)."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def __getattr__(self, name: str) -> object:
        return getattr(self._store, name)

    def data_version(self) -> object:
        return self._store.read_mark()


def poll(config: Config, mode: str, seconds: float) -> tuple[float, float, int]:
    """(backend CPU s, this process's CPU s, polls) for `seconds` of the mark thread."""
    stores: list[Store] = []

    def opened() -> Store:
        store = open_store(config)
        stores.append(store)
        return store if mode == "snapshot" else _FullQuery(store)  # type: ignore[return-value]

    marks = Marks(opened)
    marks.current()
    backend = int(str(stores[0].select("SELECT pg_backend_pid()")[0][0]))
    cpu0, own0 = _backend_cpu(backend), time.process_time()
    time.sleep(seconds)
    cpu, own = _backend_cpu(backend) - cpu0, time.process_time() - own0
    marks.close()
    return cpu, own, round(seconds / 0.05)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--url", required=True, help="a PostgreSQL server's database URL")
    ap.add_argument("--articles", type=int, default=3000)
    ap.add_argument("--seconds", type=float, default=20.0)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    import psycopg

    name = f"marks{uuid.uuid4().hex[:8]}"
    with psycopg.connect(args.url, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    url = args.url.replace("/postgres?", f"/{name}?")
    config = Config(db=url)
    with tempfile.TemporaryDirectory() as tmp:
        pool = Path(tmp) / "pool.jsonl"
        write_pool(args.articles, pool)
        with newsfuse.open(config.db, config) as archive:
            archive.ingest([pool])
            stories = archive.count_stories()
    print(f"archive: {args.articles} documents, {stories} stories; {args.seconds:g} s per run")
    print("| run | data_version | PG backend CPU s | client CPU s | PG CPU per poll ms |")
    print("|---|---|---:|---:|---:|")
    for run in range(args.repeat):
        for mode in ("full query", "snapshot"):
            cpu, own, polls = poll(config, mode, args.seconds)
            line = f"| {run + 1} | {mode} | {cpu:.2f} | {own:.2f} | {cpu / polls * 1000:.2f} |"
            print(line, flush=True)
    with psycopg.connect(args.url, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE {name}")


if __name__ == "__main__":
    main()
