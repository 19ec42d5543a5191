"""Speed and memory of the pipeline on real articles (Multi-News train, pooled).

Each measurement runs in a fresh subprocess so that its peak RSS is its own.
Results are appended to docs/benchmarks.md as a dated table with the machine
and the command. Speeds live here, never in unit tests.

    python benchmarks/bench_pipeline.py --sizes 1000 10000 --out docs/benchmarks.md
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import importlib
import importlib.util
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _report import emit

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
TRAIN = SHARED / "data/summarization/multinews.train.jsonl.gz"


INCREMENT = 1000  # articles ingested into the finished archive by a second call
# Searches timed on the finished archive: common and rare words, a phrase, OR, a
# prefix and an exclusion (newsfuse.store.query), each run for its top 10 stories.
QUERIES = (
    "obama",
    "police shooting",
    '"supreme court"',
    "earthquake OR tsunami",
    "vaccin*",
    "iran nuclear deal",
    "election -trump",
    "north korea missile",
    "apple iphone",
    "hurricane",
)


def write_pool(n: int, dest: Path, skip: int = 0) -> int:
    """Documents skip..skip+n of Multi-News train, one article record per line."""
    count = 0
    seen = 0
    with gzip.open(TRAIN, "rt", encoding="utf-8") as src, dest.open("w", encoding="utf-8") as out:
        for line in src:
            cluster = json.loads(line)
            for i, doc in enumerate(cluster["documents"]):
                seen += 1
                if seen <= skip:
                    continue
                record = {
                    "id": f"{cluster['id']}#{i}",
                    "title": doc.get("title"),
                    "text": doc["text"],
                    "source": doc.get("source"),
                    "date": doc.get("date"),
                }
                out.write(json.dumps(record) + "\n")
                count += 1
                if count >= n:
                    return count
    return count


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child_ingest(pool: Path, more: Path, db: Path) -> dict[str, float]:
    """Ingest `pool` into a new database (stream clustering included), then `more`
    in a second call (state reloaded), then re-cluster in batch; brief the biggest."""
    import newsfuse

    t0, c0 = time.perf_counter(), time.process_time()
    with newsfuse.open(db) as nf:
        report = nf.ingest([pool])
    total, cpu = time.perf_counter() - t0, time.process_time() - c0
    t1 = time.perf_counter()
    with newsfuse.open(db) as nf:
        added = nf.ingest([more])
    increment_s = time.perf_counter() - t1
    with newsfuse.open(db) as nf:
        t2 = time.perf_counter()
        nf.recluster()
        recluster_s = time.perf_counter() - t2
        big = sorted(nf.store.stories(), key=lambda s: -len(s.article_ids))[:50]
        t3 = time.perf_counter()
        for s in big:
            nf.brief(s.id)
        brief_ms = (time.perf_counter() - t3) / max(len(big), 1) * 1000
        sizes = [len(s.article_ids) for s in big]
        t4 = time.perf_counter()
        for query in QUERIES:
            nf.search(query, limit=10)
        search_ms = (time.perf_counter() - t4) / len(QUERIES) * 1000
    return {
        "articles": report.ingested + report.duplicates,
        "duplicates": report.duplicates,
        "failed": report.failed,
        "stories": report.stories,
        "seconds": total,
        "articles_per_s": (report.ingested + report.duplicates) / total,
        "cpu_seconds": cpu,  # a loaded machine inflates it less than wall time
        "articles_per_cpu_s": (report.ingested + report.duplicates) / cpu,
        "increment": added.ingested + added.duplicates,
        "increment_ms": 1000 * increment_s / max(added.ingested + added.duplicates, 1),
        "recluster_seconds": recluster_s,
        "brief_ms": brief_ms,
        "brief_story_size": sum(sizes) / max(len(sizes), 1),
        "search_ms": search_ms,
        "peak_mb": _peak_mb(),
    }


def child_load() -> dict[str, float]:
    """Import time of the library (its names load lazily), of its application layer
    (the whole pipeline), and its first sentence split (model load)."""
    t0 = time.perf_counter()

    ta = time.perf_counter()
    if importlib.util.find_spec("newsfuse.app") is not None:  # trees before #25: none
        importlib.import_module("newsfuse.app")
    from newsfuse.text.sentences import split_sentences

    t1 = time.perf_counter()
    split_sentences("x", "Warm up. The splitter loads its model here.")
    return {
        "import_s": ta - t0,
        "app_import_s": t1 - ta,
        "splitter_load_s": time.perf_counter() - t1,
        "peak_mb": _peak_mb(),
    }


def run_child(args: list[str]) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, *args], capture_output=True, text=True, check=True
    )
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def machine() -> str:
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, {mem:.0f} GiB"


def report_markdown(rows: list[dict[str, float]], load: dict[str, float], cmd: str) -> str:
    lines = [
        f"## Pipeline speed and memory — {dt.date.today().isoformat()}",
        "",
        f"Machine: {machine()}, Python {platform.python_version()}. Command: `{cmd}`",
        "",
        "Real articles: the first N documents of Multi-News train, as one JSONL file;"
        " end to end = read, extract, split, de-duplicate, store, and assign each article"
        " to a story as it arrives (stream clustering). Then a second `ingest` call adds"
        f" the next {INCREMENT:,} documents to the finished archive (ms/article, state"
        " load included), `recluster` re-runs the batch over everything, and"
        f" {len(QUERIES)} searches (`QUERIES`) list their top 10 stories (mean ms per search).",
        "",
        "| articles | stories | duplicates | end to end s | articles/s | articles/CPU s"
        " | ms/article"
        " | +1,000 later: ms/article | recluster s | brief ms (story size) | search ms"
        " | peak MB |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r['articles']:,.0f} | {r['stories']:,.0f} | {r['duplicates']:,.0f}"
            f" | {r['seconds']:.1f} | {r['articles_per_s']:.0f} | {r['articles_per_cpu_s']:.0f}"
            f" | {1000 * r['seconds'] / r['articles']:.2f} | {r['increment_ms']:.2f}"
            f" | {r['recluster_seconds']:.1f}"
            f" | {r['brief_ms']:.1f} ({r['brief_story_size']:.1f}) | {r['search_ms']:.1f}"
            f" | {r['peak_mb']:.0f} |"
        )
    lines += [
        "",
        f"Load: `import newsfuse` {load['import_s']:.2f} s, then `import newsfuse.app` (the"
        f" pipeline) {load['app_import_s']:.2f} s; sentence splitter model"
        f" {load['splitter_load_s']:.2f} s.",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--out", type=Path, default=None, help="Markdown file to append to")
    parser.add_argument("--child", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        result = child_load() if args.child == ["load"] else child_ingest(*map(Path, args.child))
        print(json.dumps(result))
        return
    if not TRAIN.exists():
        sys.exit(f"{TRAIN} not found: benchmarks need ../shared")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            pool, more = Path(tmp) / f"pool{n}.jsonl", Path(tmp) / f"more{n}.jsonl"
            write_pool(n, pool)
            write_pool(INCREMENT, more, skip=n)
            child = ["--child", str(pool), str(more), str(Path(tmp) / f"b{n}.db")]
            rows.append(run_child(child))
            print(json.dumps(rows[-1]), file=sys.stderr)
    load = run_child(["--child", "load"])
    cmd = "python benchmarks/bench_pipeline.py --sizes " + " ".join(map(str, args.sizes))
    text = report_markdown(rows, load, cmd)
    emit(text, args.out)


if __name__ == "__main__":
    main()
