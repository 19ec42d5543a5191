"""What the writer's headline refresh parses and costs: every text a headline might
need parsed in one batch (the code before #25) against the texts it certainly needs
parsed ahead and the rest when asked (newsfuse.headlines), on the stories of one archive.

    python benchmarks/bench_headlines.py ../shared/data/clustering/gva_dev.jsonl.gz
    python benchmarks/bench_headlines.py --db multinews10k.db   # Multi-News: no titles

Texts parsed is exact; seconds are CPU seconds of this process (time.process_time),
each way measured once after a warm-up parse. Both ways must give the same headlines.
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
from newsfuse.models import Models
from newsfuse.summarize.compress import Parses
from newsfuse.summarize.headline import headline, headline_texts
from newsfuse.types import Article


class Counting:
    """The headline pipeline, counting the texts it parses."""

    def __init__(self, nlp: Any) -> None:
        self.nlp, self.texts = nlp, 0

    def __call__(self, text: str) -> Any:
        self.texts += 1
        return self.nlp(text)

    def pipe(self, texts: list[str], batch_size: int) -> Any:
        self.texts += len(texts)
        return self.nlp.pipe(texts, batch_size=batch_size)


def all_texts(members: list[tuple[str, list[Article]]], nlp: Any) -> dict[str, str]:
    """Before #25: every title and lead of every story parsed ahead, in one batch."""
    parses = Parses(nlp, (t for _, arts in members for t in headline_texts(arts)))
    return {sid: headline(arts, nlp=parses) for sid, arts in members}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("inputs", nargs="*", help="Files to ingest into a new archive.")
    parser.add_argument("--db", type=Path, help="Or: the stories of this archive.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, newsfuse.open(args.db or Path(tmp) / "h") as nf:
        if args.inputs:
            nf.ingest(args.inputs)
        stories = nf.store.stories()
        members = [(s.id, nf.store.articles(s.article_ids)) for s in stories]
    titled = sum(1 for _, arts in members if any(a.title for a in arts))
    nlp = Models().headline_nlp()
    nlp("Warm up the pipeline.")
    rows, found = [], []
    for name, way in (
        ("all texts, one batch", all_texts),
        ("certain texts ahead, the rest asked", story_headlines),
    ):
        counting = Counting(nlp)
        t0 = time.process_time()
        found.append(way(members, counting))
        rows.append((name, counting.texts, time.process_time() - t0))
    same = all(f == found[0] for f in found)
    print(f"{len(members):,} stories ({titled:,} with a title), same headlines: {same}")
    print("| way | texts parsed | CPU s |\n|---|---:|---:|")
    for name, texts, seconds in rows:
        print(f"| {name} | {texts:,} | {seconds:.1f} |")
    if not same:
        sys.exit("the two ways gave different headlines")


if __name__ == "__main__":
    main()
