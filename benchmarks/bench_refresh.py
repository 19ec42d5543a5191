"""CPU seconds of the writer's headline refresh (newsfuse.headlines.store_headlines).

Copies ARCHIVE, marks every storyline and event headline stale, recomputes them with
the tree on PYTHONPATH and writes them, sorted, to OUT.json: run it with two trees on
the same archive and `cmp` the files (a speed-only change leaves them identical).
Prints CPU seconds, texts parsed in batches and one by one, and peak RSS.

    PYTHONPATH=<tree>/src python benchmarks/bench_refresh.py archive.db /tmp/out
"""

from __future__ import annotations

import json
import resource
import shutil
import sqlite3
import sys
import time

import newsfuse
from newsfuse.headlines import CountedParses, store_headlines


def main() -> None:
    source, out = sys.argv[1:3]
    db = f"{out}.db"
    shutil.copy(source, db)
    with sqlite3.connect(db) as con:
        con.execute("UPDATE stories SET headline = NULL")
        con.execute("UPDATE event_headlines SET headline = NULL")
    with newsfuse.open(db) as nf:
        nlp = CountedParses(nf.config.brief.models.headline_nlp())
        nlp.nlp("The parser loads its model here.")
        cpu = time.process_time()
        n = store_headlines(nf.store, nlp)
        cpu = time.process_time() - cpu
        rows = sorted([str(i), str(h)] for i, h in nf.store.sql("SELECT id, headline FROM stories"))
        rows += sorted([str(e), str(h)] for e, h in nf.store.event_headlines().items())
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(
        f"{newsfuse.__file__}: {n} headlines, refresh {cpu:.2f} CPU s,"
        f" parsed in batches {nlp.piped}, alone {nlp.single}; peak {peak} MB"
    )
    with open(f"{out}.json", "w", encoding="utf-8") as f:
        json.dump(rows, f)


if __name__ == "__main__":
    main()
