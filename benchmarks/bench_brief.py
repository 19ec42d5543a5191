"""Brief latency of a 10-article story (issue 20's target: at most 150 ms).

Every Wikinews cluster of ../shared (ten reports each) is briefed at 120 words,
after one warm-up brief that loads the models (spaCy, the scorer, the lede model):
the figure is what a reader waits for once the application runs. Each story is
briefed `--repeat` times; its time is the smallest, in CPU seconds of this process
(time.process_time: the machine is shared, wall-clock is noise), with the headline's
share measured apart (`headline` of the same articles).

    python benchmarks/bench_brief.py [--shared ../shared] [--repeat 3]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from newsfuse.config import BriefOptions
from newsfuse.evaluation.read_eval import load_stories
from newsfuse.summarize import build_brief, headline
from newsfuse.summarize.brief import reports


def _cpu_ms(call: Callable[[], object], repeat: int) -> float:
    """The least CPU time of `repeat` calls, in milliseconds."""
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        call()
        best = min(best, time.process_time() - start)
    return best * 1000


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--words", type=int, default=120)
    args = parser.parse_args(argv)
    stories = load_stories(args.shared / "data/summarization/wikinews_multiling2011.jsonl")
    options = BriefOptions(words=args.words)
    nlp = options.models.headline_nlp()
    build_brief("warm-up", stories[0].articles, options)
    print("| story | articles | words | brief CPU ms | of it, headline CPU ms |")
    print("|---|---:|---:|---:|---:|")
    briefs, heads = [], []
    for story in stories:
        read = reports(story.articles)
        brief_ms = _cpu_ms(partial(build_brief, story.id, story.articles, options), args.repeat)
        head_ms = _cpu_ms(partial(headline, read, nlp=nlp), args.repeat)
        words = sum(len(a.body.split()) for a in story.articles)
        briefs.append(brief_ms)
        heads.append(head_ms)
        print(
            f"| {story.id} | {len(story.articles)} | {words:,} | {brief_ms:.0f} | {head_ms:.1f} |"
        )
    print(
        f"| median (max) | | | {statistics.median(briefs):.0f} ({max(briefs):.0f})"
        f" | {statistics.median(heads):.1f} ({max(heads):.1f}) |"
    )


if __name__ == "__main__":
    main()
