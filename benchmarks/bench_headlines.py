"""What the writer's headline refresh costs, and that it gives the same headlines:
story headlines with spaCy's attribute_ruler (main before #25's pass on event
headlines) against the lookup rules of summarize/headline_nlp.py, then the whole
refresh as the writer now runs it (storylines and events, an event of the same
originals as a storyline computed once).

    python benchmarks/bench_headlines.py ../shared/data/clustering/gva_dev.jsonl.gz
    python benchmarks/bench_headlines.py --db multinews.db   # Multi-News: no titles

Seconds are CPU seconds of this process (time.process_time), each way once after a
warm-up parse. Headlines that differ between the ways are printed (none expected).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import newsfuse
from newsfuse.headlines import story_headlines
from newsfuse.summarize.compress import load_headline_nlp as load_with_ruler
from newsfuse.summarize.headline_nlp import load_headline_nlp
from newsfuse.types import Article

Members = list[tuple[str, list[Article]]]


def _members(nf: newsfuse.Newsfuse) -> tuple[Members, Members]:
    """(id, originals in order) of every storyline, and of every event."""
    stories = nf.store.stories()
    events = nf.store.events_by_ids(
        [e for v in nf.storyline_map().values() for e in (x.id for x in v)]
    )
    read = nf.store.articles
    return (
        [(s.id, read(s.article_ids)) for s in stories],
        [(e.id, read(e.article_ids)) for e in events],
    )


def _timed(way: Any) -> tuple[dict[str, str], float]:
    t0 = time.process_time()
    found = way()
    return found, time.process_time() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("inputs", nargs="*", help="Files to ingest into a new archive.")
    parser.add_argument("--db", type=Path, help="Or: the stories of this archive.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, newsfuse.open(args.db or Path(tmp) / "h") as nf:
        if args.inputs:
            nf.ingest(args.inputs)
        stories, events = _members(nf)
    titled = sum(1 for _, arts in stories if any(a.title for a in arts))
    ruler, lookup = load_with_ruler(), load_headline_nlp()
    ruler("Warm up the pipeline."), lookup("Warm up the pipeline.")
    before, t_before = _timed(lambda: story_headlines(stories, ruler))
    now, t_now = _timed(lambda: story_headlines(stories, lookup))
    events_ruler, t_events_ruler = _timed(lambda: story_headlines(events, ruler))
    made: dict[tuple[str, ...], str] = {}

    def refresh() -> dict[str, str]:
        return story_headlines(stories, lookup, made) | story_headlines(events, lookup, made)

    both, t_both = _timed(refresh)
    print(f"{len(stories):,} storylines ({titled:,} with a title), {len(events):,} events")
    print("| what | pipeline | CPU s |\n|---|---|---:|")
    print(f"| storyline headlines | attribute_ruler | {t_before:.1f} |")
    print(f"| storyline headlines | lookup rules | {t_now:.1f} |")
    print(f"| event headlines, one by one | attribute_ruler | {t_events_ruler:.1f} |")
    print(f"| storylines + events, shared (the refresh now) | lookup rules | {t_both:.1f} |")
    differ = [(k, before[k], now[k]) for k in before if before[k] != now[k]]
    differ += [(k, events_ruler[k], both[k]) for k in events_ruler if events_ruler[k] != both[k]]
    for key, old, new in differ:
        print(f"differs {key}: {old!r} -> {new!r}")
    print(f"headlines that differ: {len(differ)} of {len(before) + len(events_ruler)}")
    if differ:
        sys.exit(1)


if __name__ == "__main__":
    main()
