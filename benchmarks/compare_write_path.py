"""Same output, and the time of each write step: ingest, a second ingest, recluster.

Ingests POOL into a new SQLite archive, then MORE in a second call, then re-clusters;
after each step it writes the stories (id, headline, originals, duplicates) and the
events as JSON to OUT.<step>.json, and at the end the briefs of the 30 biggest
stories to OUT.briefs.json; it prints wall and CPU seconds of each step. Run it with
two trees (PYTHONPATH=<tree>/src) on the same input and `cmp` the files: a change to
the write path that only saves time leaves them byte-identical.

    PYTHONPATH=src python benchmarks/compare_write_path.py a.db val10k.jsonl more1k.jsonl /tmp/after
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import newsfuse


def dump(nf: Any, out: str) -> None:
    stories = [
        [s.id, s.headline, list(s.article_ids), list(s.duplicate_ids)]
        for s in sorted(nf.store.stories(), key=lambda s: s.id)
    ]
    events = sorted([e, str(m)] for e, m in nf.store.event_members())
    heads = sorted([e, h] for e, h in nf.store.event_headlines().items())
    found = {"stories": stories, "events": events, "event_headlines": heads}
    Path(out).write_text(json.dumps(found, indent=0))


def timed(label: str, call: Callable[[], object]) -> None:
    t, c = time.perf_counter(), time.process_time()
    call()
    wall, cpu = time.perf_counter() - t, time.process_time() - c
    print(f"{label}: wall {wall:.1f} s, CPU {cpu:.1f} s", flush=True)


def main() -> None:
    db, pool, more, out = sys.argv[1:5]
    with newsfuse.open(db) as nf:
        timed("ingest", lambda: nf.ingest([pool]))
        dump(nf, f"{out}.a.json")
    with newsfuse.open(db) as nf:
        timed("second ingest", lambda: nf.ingest([more]))
        dump(nf, f"{out}.b.json")
    with newsfuse.open(db) as nf:
        timed("recluster", nf.recluster)
        dump(nf, f"{out}.c.json")
        big = sorted(nf.store.stories(), key=lambda s: (-len(s.article_ids), s.id))[:30]
        briefs = [str(nf.brief(s.id)) for s in big]
        Path(f"{out}.briefs.json").write_text(json.dumps(briefs, indent=0))


if __name__ == "__main__":
    main()
