"""Quality of newsfuse against its baselines, all in one run, on the shared benchmarks.

Writes a dated Markdown section (to stdout, and appended to --out). Every figure
comes from the same code as `newsfuse eval`, so each row can be reproduced with
the command printed beside it.

    python benchmarks/bench_quality.py --out docs/benchmarks.md
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import sys
import tempfile
import time
from pathlib import Path
from typing import Literal

from _report import emit

from newsfuse.evaluation.cluster_eval import evaluate_clustering
from newsfuse.evaluation.summarize_eval import evaluate_summaries

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
SUMMARY_METHODS = ["newsfuse", "lead", "lexrank", "textrank", "sumbasic"]
# (label, file under data/summarization, words, protocol, --sample)
Protocol = Literal["multinews", "100-word"]
SUMMARY_SETS: list[tuple[str, str, int, Protocol, int | None]] = [
    (
        "Multi-News test, 1,000 clusters (seed-0 sample)",
        "multinews.test.jsonl.gz",
        300,
        "multinews",
        1000,
    ),
    (
        "Multi-News full text, 200 test clusters",
        "multinews_fulltext.test.jsonl.gz",
        300,
        "multinews",
        None,
    ),
    ("Wikinews, 10 clusters, 3 references", "wikinews_multiling2011.jsonl", 100, "100-word", None),
]
CLUSTER_METHODS = ["newsfuse", "tfidf-agglomerative"]
CLUSTER_SETS = [
    ("Multi-News test pooled (15,444 articles)", "multinews_test_pooled.jsonl.gz"),
    ("Wikinews pooled (100 articles)", "wikinews_pooled.jsonl"),
]


def _summary_section(tmp: Path) -> list[str]:
    lines = [
        "### Summaries (ROUGE F1 %, or recall % under the 100-word protocol; 95% CI)",
        "",
        "| data | words | method | R1 | R2 | RL(sum) | s |",
        "|---|---:|---|---|---|---|---:|",
    ]
    commands = []
    for label, file, words, protocol, sample in SUMMARY_SETS:
        path = DATA / "summarization" / file
        for method in SUMMARY_METHODS:
            r = evaluate_summaries(
                path, words, method, tmp / f"{method}.jsonl", protocol=protocol, sample=sample
            )
            cells = [
                f"{100 * s.mean:.2f} [{100 * s.low:.2f}, {100 * s.high:.2f}]"
                for s in r.scores.values()
            ]
            cells += ["—"] * (3 - len(cells))
            lines.append(
                f"| {label} | {words} | {method} | {' | '.join(cells)} | {r.seconds:.1f} |"
            )
            print(lines[-1], file=sys.stderr)
        opts = f" --sample {sample}" if sample else ""
        methods = " ".join(f"-m {m}" for m in SUMMARY_METHODS)
        commands.append(
            f"newsfuse eval summarize ../shared/data/summarization/{file}"
            f" --words {words} --protocol {protocol}{opts} {methods}"
            " --out /tmp/pred.jsonl"
        )
    return [*lines, "", "Commands:", "", *[f"    {c}" for c in commands], ""]


def _cluster_section(tmp: Path) -> list[str]:
    lines = [
        "### Story clustering (articles in file order)",
        "",
        "| data | method | BCubed P | BCubed R | BCubed F1 | pairwise F1 | ARI"
        " | clusters pred/gold | s |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    commands = []
    for label, file in CLUSTER_SETS:
        for method in CLUSTER_METHODS:
            r = evaluate_clustering(DATA / "clustering" / file, tmp / f"{method}.jsonl", method)
            s = r.scores
            lines.append(
                f"| {label} | {method} | {s.bcubed_precision:.3f} | {s.bcubed_recall:.3f}"
                f" | {s.bcubed_f1:.3f} | {s.pairwise_f1:.3f} | {s.ari:.3f}"
                f" | {s.n_pred:,}/{s.n_gold:,} | {r.seconds:.1f} |"
            )
            print(lines[-1], file=sys.stderr)
        methods = " ".join(f"-m {m}" for m in CLUSTER_METHODS)
        commands.append(
            f"newsfuse eval cluster ../shared/data/clustering/{file} {methods}"
            " --out /tmp/pred.jsonl"
        )
    return [*lines, "", "Commands:", "", *[f"    {c}" for c in commands], ""]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=None, help="Markdown file to append to")
    parser.add_argument("--skip", choices=["summaries", "clusters"], action="append", default=[])
    args = parser.parse_args()
    if not DATA.is_dir():
        sys.exit(f"{DATA} not found: benchmarks need ../shared")
    start = time.perf_counter()
    text = [
        f"## Quality against baselines — {dt.date.today().isoformat()}",
        "",
        f"One run of `python benchmarks/bench_quality.py`, Python {platform.python_version()}."
        " Protocols of ../shared/README.md; test data is reported, never tuned on.",
        "",
    ]
    with tempfile.TemporaryDirectory() as tmp:
        if "summaries" not in args.skip:
            text += _summary_section(Path(tmp))
        if "clusters" not in args.skip:
            text += _cluster_section(Path(tmp))
    text.append(f"(whole run: {time.perf_counter() - start:.0f} s)\n")
    emit("\n".join(text), args.out)


if __name__ == "__main__":
    main()
