"""Run a summarizer over a benchmark file and score it under a ROUGE protocol.

Predictions are written one cluster per line, `{"id", "summary"}`, the summary
being the chosen sentences joined by newlines with no citation markers (the
protocol's prediction format), so they can be rescored or inspected later.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsfuse.evaluation.baselines import summarizer
from newsfuse.evaluation.datasets import (
    SummaryCluster,
    cluster_articles,
    open_output,
    read_summary_clusters,
)
from newsfuse.evaluation.datasets import sample as seed_sample
from newsfuse.evaluation.rouge import (
    DEFAULT_WORDS,
    MetricSummary,
    Protocol,
    RougeScorer,
    summarize_scores,
)

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class SummaryReport:
    """Scores of one method on one dataset (means and CIs in [0, 1])."""

    dataset: str
    method: str
    protocol: Protocol
    words: int  # the method's budget and, for `multinews`, the prediction cut
    clusters: int
    scores: dict[str, MetricSummary]
    seconds: float  # summarizing time, scoring excluded
    out_path: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "dataset": self.dataset,
            "method": self.method,
            "protocol": self.protocol,
            "words": self.words,
            "clusters": self.clusters,
            "scores": {k: v.as_dict() for k, v in self.scores.items()},
            "seconds": self.seconds,
            "out": self.out_path,
        }


def select_clusters(
    dataset_path: Path | str, limit: int | None = None, sample: int | None = None
) -> list[SummaryCluster]:
    """The first `limit` clusters, then the seed-0 `sample` of those (see datasets.sample)."""
    clusters = read_summary_clusters(dataset_path, limit=limit)
    return seed_sample(clusters, sample) if sample is not None else clusters


def evaluate_summaries(
    dataset_path: Path | str,
    words: int | None,
    method: str,
    out_path: Path | str,
    protocol: Protocol = "multinews",
    limit: int | None = None,
    sample: int | None = None,
    progress: Progress | None = None,
    clusters: Sequence[SummaryCluster] | None = None,
) -> SummaryReport:
    """Summarize each selected cluster with `method`, write predictions, score them.

    `words` defaults to the protocol's N (300 / 100). Under `100-word` the
    prediction and references are always cut to 100 words, whatever the budget.
    `clusters`, if given, are used instead of reading `dataset_path` again.
    """
    summarize = summarizer(method)  # E701 for an unknown name, before any work
    budget = DEFAULT_WORDS[protocol] if words is None else words
    scorer = RougeScorer(protocol, budget if protocol == "multinews" else None)
    chosen = (
        list(clusters) if clusters is not None else select_clusters(dataset_path, limit, sample)
    )
    per_cluster: list[dict[str, float]] = []
    seconds = 0.0
    with open_output(Path(out_path)) as out:
        for done, cluster in enumerate(chosen, 1):
            articles = cluster_articles(cluster)
            start = time.perf_counter()
            sentences = summarize(articles, budget) if articles else []
            seconds += time.perf_counter() - start
            summary = "\n".join(s.replace("\n", " ") for s in sentences)
            out.write(json.dumps({"id": cluster.id, "summary": summary}) + "\n")
            per_cluster.append(scorer.score(summary, cluster.summaries))
            if progress is not None:
                progress(done, len(chosen))
    return SummaryReport(
        dataset=str(dataset_path),
        method=method,
        protocol=protocol,
        words=budget,
        clusters=len(chosen),
        scores=summarize_scores(per_cluster, scorer.metrics),
        seconds=seconds,
        out_path=str(out_path),
    )
