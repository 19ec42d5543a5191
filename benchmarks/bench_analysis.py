"""Latency of a brief and of the story analysis on the 10 bundled Wikinews stories
(10 articles each), plus the one-time model load. Appends a dated table to --out.

    python benchmarks/bench_analysis.py --out docs/benchmarks.md
    python benchmarks/bench_analysis.py --outlet ../shared   # analysis only, outlet text

`--outlet SHARED` times the analysis alone on outlet text instead (issue 23): the
Multi-News full-text clusters of exactly 10 documents (the longest stories there are)
and the gva_dev incidents with the most articles.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import os
import platform
import statistics
import time
from pathlib import Path

from _report import emit

from newsfuse.analyze.dossier import Analyzer
from newsfuse.config import Config
from newsfuse.extract import iter_articles
from newsfuse.summarize import build_brief
from newsfuse.types import Article

ROOT = Path(__file__).resolve().parents[1]
WIKINEWS = ROOT / "examples/articles/en.wikinews.org"


def stories() -> dict[str, list[Article]]:
    """The 10 gold stories of the bundled Wikinews articles (file prefix = story)."""
    groups: dict[str, list[Article]] = {}
    for item in iter_articles([WIKINEWS], Config().extract):
        if isinstance(item, Article):
            groups.setdefault(Path(item.source).name[:4], []).append(item)
    return groups


def measure(repeats: int) -> list[str]:
    config = Config()
    t0 = time.perf_counter()
    analyzer = Analyzer(config.analyze)
    analyzer.nlp  # noqa: B018 - load and verify the model now, to time it alone
    load_s = time.perf_counter() - t0
    names = ("coverage", "unsupervised", "lexical")
    scorers = [dataclasses.replace(config.brief, scorer=s) for s in names]
    for options in scorers:  # load and check each scorer's weights once
        build_brief("warm-up", next(iter(stories().values())), options)
    rows = []
    for name, articles in sorted(stories().items()):
        brief_ms: list[list[float]] = [[] for _ in scorers]
        analysis_ms = []
        for _ in range(repeats):
            for i, options in enumerate(scorers):
                t = time.perf_counter()
                build_brief(name, articles, options)
                brief_ms[i].append(1000 * (time.perf_counter() - t))
            t = time.perf_counter()
            analyzer.analyze(name, articles)
            analysis_ms.append(1000 * (time.perf_counter() - t))
        words = sum(a.word_count for a in articles)
        briefs = " | ".join(f"{statistics.median(ms):.0f}" for ms in brief_ms)
        rows.append(
            f"| {name} | {len(articles)} | {words:,} | {briefs}"
            f" | {statistics.median(analysis_ms):.0f} |"
        )
    return [
        f"## Brief and analysis latency — {dt.date.today().isoformat()}",
        "",
        f"Python {platform.python_version()}; median of {repeats} runs per story, model loaded."
        f" Model load and hash check: {load_s:.2f} s."
        " Command: `python benchmarks/bench_analysis.py`",
        "",
        "| story | articles | words | "
        + " | ".join(
            f"{s} brief ms" + (" (default)" if s == config.brief.scorer else "") for s in names
        )
        + " | analysis ms |",
        "|---|---:|---:|---:|---:|---:|---:|",
        *rows,
        "",
    ]


def outlet_stories(shared: Path, limit: int) -> dict[str, list[Article]]:
    """Multi-News full-text clusters of 10 documents and the biggest gva_dev incidents."""
    from newsfuse.evaluation.differ_eval import incident_articles
    from newsfuse.evaluation.quote_eval import jsonl_articles

    docs = jsonl_articles(shared / "data/summarization/multinews_fulltext.test.jsonl.gz")
    clusters: dict[str, list[Article]] = {}
    for key, article in docs.items():
        clusters.setdefault(key.split("#")[0], []).append(article)
    ten = {k: v for k, v in clusters.items() if len(v) == 10}
    chosen = dict(sorted(ten.items())[:limit])
    incidents = incident_articles(shared / "data/clustering/gva_dev.jsonl.gz")
    biggest = sorted(incidents.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:limit]
    return chosen | dict(biggest)


def measure_outlet(shared: Path, repeats: int, limit: int, wikinews: bool = False) -> list[str]:
    """Wall and CPU time of the analysis alone (CPU time: this process's, which other
    processes on a loaded machine inflate far less than the wall clock)."""
    analyzer = Analyzer(Config().analyze)
    analyzer.nlp  # noqa: B018 - load the model before timing
    rows = []
    chosen = (stories() if wikinews else {}) | outlet_stories(shared, limit)
    for name, articles in chosen.items():
        ms, cpu = [], []
        for _ in range(repeats):
            t, c = time.perf_counter(), time.process_time()
            analyzer.analyze(name, articles)
            ms.append(1000 * (time.perf_counter() - t))
            cpu.append(1000 * (time.process_time() - c))
        words = sum(a.word_count for a in articles)
        rows.append(
            f"| {name} | {len(articles)} | {words:,} | {statistics.median(ms):.0f}"
            f" | {statistics.median(cpu):.0f} |"
        )
    return [
        f"## Analysis latency on outlet text — {dt.date.today().isoformat()}",
        "",
        f"Python {platform.python_version()}; median of {repeats} runs, model loaded."
        " Command: `python benchmarks/bench_analysis.py --outlet ../shared`",
        "",
        f"Load average at the start: {os.getloadavg()[0]:.1f}.",
        "",
        "| story | articles | words | analysis ms | CPU ms |",
        "|---|---:|---:|---:|---:|",
        *rows,
        "",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--outlet", type=Path, default=None, help="../shared: outlet text")
    parser.add_argument("--limit", type=int, default=5, help="stories of each outlet set")
    parser.add_argument(
        "--wikinews",
        action="store_true",
        help="with --outlet: also the 10-article Wikinews stories",
    )
    args = parser.parse_args()
    if args.outlet is not None:
        text = "\n".join(measure_outlet(args.outlet, args.repeats, args.limit, args.wikinews))
    else:
        text = "\n".join(measure(args.repeats))
    emit(text, args.out)


if __name__ == "__main__":
    main()
