"""Start-up time of the command line: `import newsfuse`, `newsfuse --help` and the
light commands, each run as a fresh process (as a user runs them).

    python benchmarks/bench_start.py                       # this tree
    python benchmarks/bench_start.py --src /tmp/old/src    # and another, side by side

Each command runs `--runs` times per tree, trees interleaved so that both see the same
machine load; the table gives the median wall seconds and the median CPU seconds (user
+ system of the child), which a loaded machine inflates less. The archive is the bundled
examples, ingested once. Which modules cost the time: `python -X importtime -m newsfuse
--help 2>&1 | sort -t'|' -k2 -n | tail`.

Modules run from their compiled bytecode, as from an installed package (pip compiles
on install): the children write it under a temporary PYTHONPYCACHEPREFIX (whatever
PYTHONDONTWRITEBYTECODE says) and each command runs once untimed first. Without
bytecode every newsfuse module is compiled from source at each start (~0.1 s).

`--importtime` adds, per tree, the median over `--runs` more runs of the total of
`python -X importtime`'s self times (milliseconds spent importing: the part of a
start newsfuse and its libraries decide; wall time, so a loaded machine inflates it). A tree may
be a path list ("/tmp/typer029:/work/main/src": another typer ahead of the venv's).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def commands(db: Path) -> list[tuple[str, list[str]]]:
    nf = [sys.executable, "-m", "newsfuse"]
    return [
        ("import newsfuse", [sys.executable, "-c", "import newsfuse"]),
        ("newsfuse --help", [*nf, "--help"]),
        ("newsfuse check", [*nf, "check", "--db", str(db)]),
        ("newsfuse changes", [*nf, "changes", "--db", str(db)]),
        ("newsfuse search police", [*nf, "search", "police", "--db", str(db)]),
        ("newsfuse stories", [*nf, "stories", "--db", str(db)]),
    ]


def child_env(src: Path, cache: Path) -> dict[str, str]:
    """The environment of a run: `src` first on the path, bytecode kept under `cache`."""
    env = {**os.environ, "PYTHONPATH": str(src), "PYTHONPYCACHEPREFIX": str(cache)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def timed(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall, CPU) seconds of one run of `argv` in `env`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(argv, env=env, check=True, capture_output=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def import_ms(argv: list[str], env: dict[str, str]) -> float:
    """Total self time of every import of one run of `argv` (-X importtime), in ms."""
    run = subprocess.run(
        [argv[0], "-X", "importtime", *argv[1:]], env=env, capture_output=True, text=True
    )
    lines = (
        line[12:].split("|")[0]
        for line in run.stderr.splitlines()
        if line.startswith("import time:")
    )
    return sum(int(us) for us in lines if us.strip().isdigit()) / 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--src", type=Path, action="append", default=[], help="Another tree.")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--importtime", action="store_true", help="Add import ms per tree.")
    parser.add_argument("--skip", action="append", default=[], help="A command not to run.")
    args = parser.parse_args()
    trees = [ROOT / "src", *args.src]
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "examples.db"
        envs = {t: child_env(t, Path(tmp) / "pycache") for t in trees}
        ingest = [sys.executable, "-m", "newsfuse", "ingest", str(ROOT / "examples/articles")]
        subprocess.run(
            [*ingest, "--db", str(db)], env=envs[trees[0]], check=True, capture_output=True
        )
        unit = "wall s / CPU s / import ms" if args.importtime else "wall s / CPU s"
        print("| command | " + " | ".join(f"{t} {unit}" for t in trees) + " |")
        print("|---|" + "---:|" * len(trees))
        for name, argv in (c for c in commands(db) if c[0] not in args.skip):
            runs: dict[Path, list[tuple[float, float]]] = {t: [] for t in trees}
            for tree in trees:
                timed(argv, envs[tree])  # bytecode written, files in the page cache
            imports: dict[Path, list[float]] = {t: [] for t in trees}
            for _ in range(args.runs):
                for tree in trees:
                    runs[tree].append(timed(argv, envs[tree]))
                    if args.importtime:
                        imports[tree].append(import_ms(argv, envs[tree]))
            cells = [
                f"{statistics.median(w for w, _ in runs[t]):.2f}"
                f" / {statistics.median(c for _, c in runs[t]):.2f}"
                + (f" / {statistics.median(imports[t]):.0f}" if args.importtime else "")
                for t in trees
            ]
            print(f"| {name} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
