"""The write path: `newsfuse ingest` on SQLite and PostgreSQL, and many writers at once.

N Multi-News train articles (bench_pipeline.write_pool) are split into K contiguous
parts; K `newsfuse ingest` processes (real processes, the CLI) start together on one
new archive, and the figures are the wall time until the last one ends, the CPU
seconds of all of them (user + system), the aggregate articles per second, whether
`newsfuse check` finds the archive clean, every article stored once and no story
empty. K = 1 is the single-process ingest. SQLite runs with K = 1 as the reference;
PostgreSQL with each K of --writers. `--src` runs another tree's code (before/after
in the same minutes).

    python benchmarks/bench_writers.py --articles 4000 --writers 1 2 4 \
        --url 'postgresql://newsfuse@/postgres?host=/tmp/pg'
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _report import emit
from bench_pipeline import write_pool
from bench_postgres import fresh_database

ROOT = Path(__file__).resolve().parents[1]


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def split(pool: Path, parts: int, folder: Path) -> list[Path]:
    """`pool` as `parts` contiguous files of about equal size."""
    lines = pool.read_text(encoding="utf-8").splitlines(keepends=True)
    size = -(-len(lines) // parts)
    paths = []
    for k in range(parts):
        path = folder / f"part{parts}-{k}.jsonl"
        path.write_text("".join(lines[k * size : (k + 1) * size]), encoding="utf-8")
        paths.append(path)
    return paths


def audit(db: str, env: dict[str, str]) -> tuple[int, int, int, bool]:
    """(stored articles, distinct ids, empty stories, `newsfuse check` clean)."""
    code = (
        "import sys; from newsfuse.config import Config; from newsfuse.store import open_store\n"
        "s = open_store(Config().with_db(sys.argv[1]))\n"
        "ids = [r[0] for r in s.sql('SELECT id FROM articles')]\n"
        "empty = sum(1 for st in s.stories() if not st.article_ids)\n"
        "print(len(ids), len(set(ids)), empty)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, db], env=env, capture_output=True, text=True, check=True
    )
    stored, distinct, empty = map(int, out.stdout.split())
    check = subprocess.run(
        [sys.executable, "-m", "newsfuse", "check", "--db", db],
        env=env,
        capture_output=True,
        text=True,
    )
    return stored, distinct, empty, check.stdout.strip().startswith("ok: 0 problem(s)")


def run(db: str, parts: list[Path], env: dict[str, str]) -> dict[str, object]:
    """Start one ingest per part at once on `db`; wall and CPU until all have ended."""
    c0, t0 = _cpu(), time.perf_counter()
    children = [
        subprocess.Popen(
            [sys.executable, "-m", "newsfuse", "ingest", str(p), "--db", db],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for p in parts
    ]
    codes = [(c.communicate()[1], c.returncode) for c in children]
    wall, cpu = time.perf_counter() - t0, _cpu() - c0
    bad = [err for err, code in codes if code not in (0, 1) or "Traceback" in err]
    stored, distinct, empty, clean = audit(db, env)
    return {
        "writers": len(parts),
        "stored": stored,
        "once": stored == distinct,
        "empty": empty,
        "clean": clean and not bad,
        "wall": wall,
        "cpu": cpu,
    }


def row(backend: str, r: dict[str, object]) -> str:
    stored, wall, cpu = float(r["stored"]), float(r["wall"]), float(r["cpu"])  # type: ignore[arg-type]
    return (
        f"| {backend} | {r['writers']} | {stored:,.0f} | {wall:.1f} | {stored / wall:.0f}"
        f" | {cpu:.1f} | {stored / cpu:.0f} | {'yes' if r['once'] else 'NO'}"
        f" | {r['empty']} | {'yes' if r['clean'] else 'NO'} |"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=4000)
    ap.add_argument("--url", required=True, help="a PostgreSQL server's database URL")
    ap.add_argument("--writers", type=int, nargs="+", default=[1, 2, 4])
    ap.add_argument("--src", type=Path, default=ROOT / "src", help="the tree to run")
    ap.add_argument("--no-sqlite", action="store_true", help="skip the SQLite reference")
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()
    env = {**os.environ, "PYTHONPATH": str(args.src.resolve())}
    lines = [
        f"`python benchmarks/bench_writers.py --articles {args.articles} --writers "
        f"{' '.join(map(str, args.writers))} --url URL` (code: {args.src})",
        "",
        "| backend | writers | articles | wall s | articles/s | CPU s | articles/CPU s"
        " | each once | empty stories | check clean |",
        "|---|---:|---:|---:|---:|---:|---:|---|---:|---|",
    ]
    with tempfile.TemporaryDirectory() as tmp:
        pool = Path(tmp) / "pool.jsonl"
        write_pool(args.articles, pool)
        if not args.no_sqlite:
            lines.append(row("SQLite", run(str(Path(tmp) / "a.db"), [pool], env)))
            print(lines[-1], file=sys.stderr)
        for k in args.writers:
            parts = split(pool, k, Path(tmp))
            lines.append(row("PostgreSQL", run(fresh_database(args.url), parts, env)))
            print(lines[-1], file=sys.stderr)
    emit("\n".join(lines) + "\n", args.out)


if __name__ == "__main__":
    main()
