"""CPU seconds and peak RSS of one first ingest, nothing else (no recluster, briefs or
searches: bench_pipeline.py times those), for comparing two trees in the same minutes
on a shared machine. Writes the first N Multi-News train documents
(bench_pipeline.write_pool) unless the pool file exists, ingests it into a new SQLite
archive and prints one JSON line.

    PYTHONPATH=<tree>/src python benchmarks/bench_ingest_cpu.py 10000 /tmp/pool10000.jsonl /tmp/a.db
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

from bench_pipeline import write_pool


def main() -> None:
    n, pool, db = int(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
    if not pool.exists():
        write_pool(n, pool)
    for old in db.parent.glob(db.name + "*"):
        old.unlink()
    import newsfuse

    cpu = time.process_time()
    with newsfuse.open(db) as nf:
        report = nf.ingest([pool])
    cpu = time.process_time() - cpu
    articles = report.ingested + report.duplicates
    found = {
        "tree": newsfuse.__file__,
        "articles": articles,
        "stories": report.stories,
        "ingest_cpu_s": round(cpu, 2),
        "articles_per_cpu_s": round(articles / cpu),
        "ms_per_article": round(1000 * cpu / articles, 2),
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
    }
    print(json.dumps(found))


if __name__ == "__main__":
    main()
