"""ROUGE under the two fixed protocols of ../shared/README.md, with bootstrap CIs.

`multinews`: the prediction is cut to its first N whitespace words (line breaks
kept, since ROUGE-Lsum reads the prediction's lines as its sentences), the
references are not cut; ROUGE-1/2/Lsum F1 from rouge-score, averaged over the
references when there are several.

`100-word`: prediction and references cut to 100 words; ROUGE-1/2 recall with
clipped hits and reference n-gram counts summed over references before dividing
(ROUGE-1.5.5 `-f A`). rouge-score has no such mode, so the counting is done
here, on rouge-score's own tokenizer and Porter stemmer so tokens are identical.

Scores are per cluster; a report is the mean over clusters plus a percentile
bootstrap interval over clusters (fixed seed, so a rerun prints the same CI).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal

import numpy as np
from rouge_score import rouge_scorer, tokenizers

from newsfuse.errors import ErrorCode, NewsfuseError

Protocol = Literal["multinews", "100-word"]
PROTOCOLS: tuple[Protocol, ...] = ("multinews", "100-word")
MULTINEWS_METRICS: tuple[str, ...] = ("rouge1", "rouge2", "rougeLsum")
HUNDRED_WORD_METRICS: tuple[str, ...] = ("rouge1_recall", "rouge2_recall")
METRIC_LABELS: Mapping[str, str] = MappingProxyType(
    {
        "rouge1": "ROUGE-1 F",
        "rouge2": "ROUGE-2 F",
        "rougeLsum": "ROUGE-Lsum F",
        "rouge1_recall": "ROUGE-1 R",
        "rouge2_recall": "ROUGE-2 R",
    }
)
DEFAULT_WORDS: Mapping[Protocol, int] = MappingProxyType({"multinews": 300, "100-word": 100})
BOOTSTRAP_RESAMPLES = 1000
BOOTSTRAP_SEED = 0


def metrics_of(protocol: Protocol) -> tuple[str, ...]:
    """Metric keys a protocol reports, in display order."""
    return MULTINEWS_METRICS if protocol == "multinews" else HUNDRED_WORD_METRICS


def truncate_words(text: str, n: int) -> str:
    """The first `n` whitespace-separated words of `text`, keeping its line breaks.

    Lines are kept because ROUGE-Lsum splits the prediction on newlines; words
    inside a line are re-joined with single spaces (ROUGE ignores spacing).
    """
    lines: list[str] = []
    left = n
    for line in text.split("\n"):
        if left <= 0:
            break
        kept = line.split()[:left]
        left -= len(kept)
        if kept:
            lines.append(" ".join(kept))
    return "\n".join(lines)


def _ngrams(tokens: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


class RougeScorer:
    """Scores one cluster's prediction against its references under a protocol."""

    def __init__(self, protocol: Protocol = "multinews", words: int | None = None) -> None:
        if protocol not in PROTOCOLS:
            raise NewsfuseError(
                ErrorCode.UNKNOWN_CHOICE,
                f"unknown ROUGE protocol {protocol!r}; use one of {', '.join(PROTOCOLS)}",
            )
        self.protocol: Protocol = protocol
        self.words = DEFAULT_WORDS[protocol] if words is None else words
        self._scorer = rouge_scorer.RougeScorer(list(MULTINEWS_METRICS), use_stemmer=True)
        self._tokenizer = tokenizers.DefaultTokenizer(use_stemmer=True)

    @property
    def metrics(self) -> tuple[str, ...]:
        return metrics_of(self.protocol)

    def score(self, prediction: str, references: Sequence[str]) -> dict[str, float]:
        """Metric -> score in [0, 1] for one cluster."""
        if not references:
            raise ValueError("ROUGE needs at least one reference")
        if self.protocol == "multinews":
            return self._multinews(prediction, references)
        return self._hundred_word(prediction, references)

    def _multinews(self, prediction: str, references: Sequence[str]) -> dict[str, float]:
        cut = truncate_words(prediction, self.words)
        totals = dict.fromkeys(MULTINEWS_METRICS, 0.0)
        for reference in references:
            scores = self._scorer.score(reference, cut)
            for key in MULTINEWS_METRICS:
                totals[key] += float(scores[key].fmeasure)
        return {key: value / len(references) for key, value in totals.items()}

    def _hundred_word(self, prediction: str, references: Sequence[str]) -> dict[str, float]:
        """Recall with hits and totals summed over references (`-f A`), not averaged."""
        pred_tokens = self._tokenizer.tokenize(truncate_words(prediction, self.words))
        ref_tokens = [self._tokenizer.tokenize(truncate_words(r, self.words)) for r in references]
        out: dict[str, float] = {}
        for n, key in ((1, "rouge1_recall"), (2, "rouge2_recall")):
            pred = _ngrams(pred_tokens, n)
            hits = total = 0
            for tokens in ref_tokens:
                ref = _ngrams(tokens, n)
                hits += sum(min(count, pred[gram]) for gram, count in ref.items())
                total += sum(ref.values())
            out[key] = hits / total if total else 0.0
        return out


@dataclass(frozen=True)
class MetricSummary:
    """Mean over clusters and its 95% bootstrap interval (all in [0, 1])."""

    mean: float
    low: float
    high: float

    def as_dict(self) -> dict[str, float]:
        return {"mean": self.mean, "low": self.low, "high": self.high}


def bootstrap_ci(
    values: Sequence[float] | np.ndarray,
    resamples: int = BOOTSTRAP_RESAMPLES,
    seed: int = BOOTSTRAP_SEED,
    level: float = 0.95,
) -> tuple[float, float]:
    """Percentile bootstrap interval of the mean, resampling clusters with replacement."""
    data = np.asarray(values, dtype=np.float64)
    if data.size == 0:
        return (float("nan"), float("nan"))
    rng = np.random.default_rng(seed)
    means = data[rng.integers(0, data.size, size=(resamples, data.size))].mean(axis=1)
    tail = (1.0 - level) / 2 * 100
    low, high = np.percentile(means, [tail, 100 - tail])
    return (float(low), float(high))


def summarize_scores(
    per_cluster: Sequence[Mapping[str, float]],
    metrics: Sequence[str],
    resamples: int = BOOTSTRAP_RESAMPLES,
    seed: int = BOOTSTRAP_SEED,
) -> dict[str, MetricSummary]:
    """Metric -> mean over clusters with its bootstrap CI."""
    out: dict[str, MetricSummary] = {}
    for key in metrics:
        values = np.array([scores[key] for scores in per_cluster], dtype=np.float64)
        low, high = bootstrap_ci(values, resamples, seed)
        mean = float(values.mean()) if values.size else float("nan")
        out[key] = MetricSummary(mean, low, high)
    return out
