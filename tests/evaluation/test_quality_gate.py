"""Quality gate: ROUGE and BCubed floors on fixed, hash-pinned subsets of real data.

Like trafilatura's evaluation gate, this fails CI when a change lowers quality.
The subsets are pinned by content hash, so a silent change of data cannot pass
for a change of quality. Floors sit a little below the figures measured with the
current defaults (see docs/benchmarks.md); raise them when quality improves.
Only validation data and Wikinews are used here: never test data.

Re-measure: `python -m pytest tests/evaluation/test_quality_gate.py -s` prints every figure.
"""

from __future__ import annotations

import gzip
import hashlib
import random
from dataclasses import dataclass
from pathlib import Path

import pytest

from newsfuse.evaluation.cluster_eval import evaluate_clustering
from newsfuse.evaluation.quote_eval import evaluate_quotes
from newsfuse.evaluation.summarize_eval import evaluate_summaries


@dataclass(frozen=True)
class Gate:
    """A pinned subset (sha256 of its lines) and floors per metric (scores in [0, 1])."""

    sha256: str
    floors: dict[str, float]


MULTINEWS_VAL_100 = Gate(  # seed-0 sample of 100 val clusters, newsfuse (coverage) @300 words
    "edb792083ddbac296e9a56826bff05f5a2b3d91ddb0d8766989f39ffb83ea240",
    {"rouge1": 0.44, "rouge2": 0.14},  # measured 0.4439 / 0.1461 (0.4484 / 0.1500 before #20)
)
MULTINEWS_VAL_100_UNSUPERVISED = Gate(  # the same subset, scorer="unsupervised" @300 words
    MULTINEWS_VAL_100.sha256,
    {"rouge1": 0.425, "rouge2": 0.133},  # measured 0.4356 / 0.1427
)
MULTINEWS_VAL_100_LEXICAL = Gate(  # the same subset, BriefOptions(scorer="lexical") @300 words
    MULTINEWS_VAL_100.sha256,
    {"rouge1": 0.44, "rouge2": 0.145},  # measured 0.4418 / 0.1475
)
WIKINEWS_100_WORDS = Gate(  # the 10 clusters, 100-word protocol, 3 references, newsfuse
    "61106c4ceb1b6192c59ddbf0756c5cb99493addb0890de72d1b62f13c377f167",
    # measured 0.3921 / 0.1275 (#20; 0.3827 / 0.1231 before).
    # The R2 floor was 0.125 for the old default (0.1336); the
    # coverage forest retrained on features with the boilerplate filter (reproducible from
    # scripts/train_coverage.py) scores 1 point lower on these 10 clusters (95% interval
    # 0.088-0.159) and 0.04 higher on 1,000 val clusters (docs/tuning.md).
    {"rouge1_recall": 0.38, "rouge2_recall": 0.12},
)
WIKINEWS_100_WORDS_UNSUPERVISED = Gate(  # the same, scorer="unsupervised"
    WIKINEWS_100_WORDS.sha256,
    {"rouge1_recall": 0.38, "rouge2_recall": 0.125},  # measured 0.3950 / 0.1329
)
# Per file and clusterer: "newsfuse" is batch (recluster), "newsfuse-stream" what ingest does.
# Floors were lowered with the move to stream-compatible scoring (docs/tuning.md, #5).
CLUSTERING = {
    ("wikinews_pooled.jsonl", "newsfuse"): Gate(
        "9bd50f2ef6c4816fcaa05decad836f479779583bcc29d4ddcbfb11afdce954e9",
        {"bcubed_f1": 0.97},  # storylines (#21 target 0.97); measured 0.991
    ),
    ("wikinews_pooled.jsonl", "newsfuse-stream"): Gate(
        "9bd50f2ef6c4816fcaa05decad836f479779583bcc29d4ddcbfb11afdce954e9",
        {"bcubed_f1": 0.97},  # storylines; measured 0.991
    ),
    # Multi-News val at the event level since #21 (measured 0.765 batch, 0.761 stream;
    # one level before: 0.758 and 0.755).
    ("multinews_val_pooled.jsonl.gz", "newsfuse"): Gate(
        "2a3e1f53151bded2bf05de50e3b40298892147fa993e7941c202320e427ae7a7",
        {"bcubed_f1": 0.76},
    ),
    ("multinews_val_pooled.jsonl.gz", "newsfuse-stream"): Gate(
        "2a3e1f53151bded2bf05de50e3b40298892147fa993e7941c202320e427ae7a7",
        {"bcubed_f1": 0.755},
    ),
    # Events on gva_dev (#21): measured 0.9298 batch, 0.9291 stream (third round).
    ("gva_dev.jsonl.gz", "newsfuse"): Gate(
        "1408047e5dd3df7f65e4d0e894345cfc104bf0b3a89578c28afadb31abe512b4",
        {"bcubed_f1": 0.925},
    ),
    ("gva_dev.jsonl.gz", "newsfuse-stream"): Gate(
        "1408047e5dd3df7f65e4d0e894345cfc104bf0b3a89578c28afadb31abe512b4",
        {"bcubed_f1": 0.925},
    ),
}


def _lines(path: Path) -> list[bytes]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rb") as fh:
        return [line for line in fh if line.strip()]


def _pinned_subset(lines: list[bytes], expected: str, dest: Path) -> Path:
    digest = hashlib.sha256(b"".join(lines)).hexdigest()
    assert digest == expected, f"gate data changed: sha256 {digest}, pinned {expected}"
    dest.write_bytes(b"".join(line if line.endswith(b"\n") else line + b"\n" for line in lines))
    return dest


def _seed0_sample(lines: list[bytes], n: int) -> list[bytes]:
    """The protocol's seed-0 sample (newsfuse.evaluation.datasets.sample)."""
    return [lines[i] for i in sorted(random.Random(0).sample(range(len(lines)), n))]


def _check(scores: dict[str, float], floors: dict[str, float], label: str) -> None:
    print(f"\n{label}: " + ", ".join(f"{k} {v:.4f}" for k, v in sorted(scores.items())))
    failed = {k: (round(scores[k], 4), f) for k, f in floors.items() if scores[k] < f}
    assert not failed, f"{label}: below the floor (score, floor): {failed}"


@pytest.mark.parametrize(
    ("method", "gate"),
    [
        ("newsfuse", MULTINEWS_VAL_100),
        ("newsfuse-lexical", MULTINEWS_VAL_100_LEXICAL),
        ("newsfuse-unsupervised", MULTINEWS_VAL_100_UNSUPERVISED),
    ],
)
def test_brief_rouge_on_multinews_val(
    shared_dir: Path, tmp_path: Path, method: str, gate: Gate
) -> None:
    lines = _lines(shared_dir / "data/summarization/multinews.val.jsonl.gz")
    subset = _pinned_subset(_seed0_sample(lines, 100), gate.sha256, tmp_path / "v")
    report = evaluate_summaries(subset, 300, method, tmp_path / "pred.jsonl")
    scores = {k: v.mean for k, v in report.scores.items()}
    _check(scores, gate.floors, f"Multi-News val 100 @300 ({method})")


@pytest.mark.parametrize(
    ("method", "gate"),
    [("newsfuse", WIKINEWS_100_WORDS), ("newsfuse-unsupervised", WIKINEWS_100_WORDS_UNSUPERVISED)],
)
def test_brief_rouge_on_wikinews(shared_dir: Path, tmp_path: Path, method: str, gate: Gate) -> None:
    lines = _lines(shared_dir / "data/summarization/wikinews_multiling2011.jsonl")
    subset = _pinned_subset(lines, gate.sha256, tmp_path / "wn.jsonl")
    report = evaluate_summaries(subset, 100, method, tmp_path / "pred.jsonl", protocol="100-word")
    scores = {k: v.mean for k, v in report.scores.items()}
    _check(scores, gate.floors, f"Wikinews @100 (100-word, {method})")


@pytest.mark.parametrize(("name", "method"), sorted(CLUSTERING))
def test_clustering_bcubed(shared_dir: Path, tmp_path: Path, name: str, method: str) -> None:
    lines = _lines(shared_dir / "data/clustering" / name)
    gate = CLUSTERING[name, method]
    subset = _pinned_subset(lines, gate.sha256, tmp_path / "articles.jsonl")
    # Wikinews groups months of coverage (storylines); the other sets group events.
    level = "storyline" if name.startswith("wikinews") else "event"
    s = evaluate_clustering(subset, tmp_path / "pred.jsonl", method, level).scores
    scores = {"bcubed_f1": s.bcubed_f1, "bcubed_p": s.bcubed_precision, "bcubed_r": s.bcubed_recall}
    _check(scores, gate.floors, f"{name} ({method})")


# Quote extraction on the Wikinews hand annotations (tests/data/quotes_guidelines.md):
# precision, recall, speaker accuracy floors. Gold is held out (never used for tuning);
# test2 was held out until 2026-11-22, when its errors were read (docs/benchmarks.md).
QUOTE_FLOORS = {
    # measured 0.978 / 0.978 / 0.818
    "quotes_gold.jsonl": {"precision": 0.96, "recall": 0.96, "speaker_accuracy": 0.81},
    # measured 0.913 / 0.986 / 0.890 (0.849 before the evaluator compared names without accents)
    "quotes_test2.jsonl": {"precision": 0.90, "recall": 0.96, "speaker_accuracy": 0.87},
}


@pytest.mark.parametrize("name", sorted(QUOTE_FLOORS))
def test_quotes_on_held_out_annotations(name: str) -> None:
    root = Path(__file__).resolve().parents[2]
    s = evaluate_quotes(root / "tests/data" / name, root / "examples/articles/en.wikinews.org")
    scores = {"precision": s.precision, "recall": s.recall, "speaker_accuracy": s.speaker_accuracy}
    _check(scores, QUOTE_FLOORS[name], name)


# Briefs as a reader reads them (`newsfuse eval read`, tests/data/read_guidelines.md), at
# 120 words: ceilings on defects per 100 sentences and shares of briefs (%), floors would
# be upside down. Measured figures in docs/benchmarks.md ("Briefs as a reader reads them").
GVA_FIRST_300 = "0b5b5d7b9c72fc4056b1b5654845be4dde84f6e6a96c59482cb706c7018280e5"
READ_CEILINGS = {
    "wikinews": {  # measured 2.0 / 0 / 0 / 0 / 0 / 0 / 0 / 10.0
        "dangling": 3.0,
        "broken_quote": 1.0,
        "non_article": 1.0,
        "redundant": 2.0,
        "chronology": 1.0,
        "empty_briefs": 0.0,
        "headline_incomplete": 10.0,
        "lede_missed": 20.0,
    },
    "gva_dev": {  # measured 1.8 / 0 / 1.2 / 1.6 / 0 / 1.2 / 0 / 16.7
        "dangling": 3.0,
        "broken_quote": 1.0,
        "non_article": 2.0,
        "redundant": 2.5,
        "chronology": 1.0,
        "empty_briefs": 2.0,  # one incident of two paywall pages: nothing to brief
        "headline_incomplete": 10.0,
        "lede_missed": 25.0,
    },
}


@pytest.mark.parametrize("name", sorted(READ_CEILINGS))
def test_briefs_read_like_news(shared_dir: Path, tmp_path: Path, name: str) -> None:
    from newsfuse.evaluation.read_eval import evaluate_read

    if name == "wikinews":
        lines = _lines(shared_dir / "data/summarization/wikinews_multiling2011.jsonl")
        subset = _pinned_subset(lines, WIKINEWS_100_WORDS.sha256, tmp_path / "wn.jsonl")
    else:
        lines = _lines(shared_dir / "data/clustering/gva_dev.jsonl.gz")[:300]
        subset = _pinned_subset(lines, GVA_FIRST_300, tmp_path / "gva.jsonl")
    rates = evaluate_read(subset, ["newsfuse"], words=120)[0].rates()
    print(f"\n{name} read @120: " + ", ".join(f"{k} {v:.1f}" for k, v in sorted(rates.items())))
    over = {k: (round(rates[k], 1), c) for k, c in READ_CEILINGS[name].items() if rates[k] > c}
    assert not over, f"{name}: above the ceiling (rate, ceiling): {over}"
