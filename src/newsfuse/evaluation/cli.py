"""`newsfuse eval`: score summarizers and story clusterers on the benchmark files.

Mounted by the main CLI as `app.add_typer(eval_app, name="eval")`. The command
lines are a stable contract:

    newsfuse eval summarize DATASET --out PRED.jsonl [--words N] [--method M]...
        [--protocol multinews|100-word] [--limit K] [--sample K]
    newsfuse eval cluster DATASET --out PRED.jsonl [--method M]... [--level event|storyline]
    newsfuse eval read DATASET [--words N] [--method M]... [--limit K] [--out BRIEFS.jsonl]

With several `--method`s, the first writes to --out and each further method to
--out with its name inserted before the extension (pred.jsonl ->
pred.lexrank.jsonl). Scores print as percentages with 95% bootstrap CIs.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from newsfuse.evaluation.baselines import NEWSFUSE, summarizer_names
from newsfuse.evaluation.cluster_eval import ClusterReport, evaluate_clustering
from newsfuse.evaluation.read_eval import ReadReport, evaluate_read
from newsfuse.evaluation.rouge import METRIC_LABELS
from newsfuse.evaluation.summarize_eval import (
    SummaryReport,
    evaluate_summaries,
    select_clusters,
)

eval_app = typer.Typer(
    help="Measure summaries (ROUGE) and story clustering (BCubed, pairwise, ARI) "
    "on the benchmark files of ../shared, under its fixed protocols.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


# Method names from the scorer registry (newsfuse-<scorer>) and the baselines, so a
# scorer registered by another package can be evaluated by name.
SummaryMethod = StrEnum(  # type: ignore[misc]
    "SummaryMethod", {name: name for name in summarizer_names()}
)
ReadMethod = StrEnum(  # type: ignore[misc]
    "ReadMethod",
    {
        name: name
        for name in (
            *summarizer_names(),
            *(f"{NEWSFUSE}-{v}" for v in ("antecedent", "bracket", "drop", "off")),
        )
    },
)


class ClusterMethod(StrEnum):
    newsfuse = "newsfuse"
    newsfuse_stream = "newsfuse-stream"
    tfidf_agglomerative = "tfidf-agglomerative"
    tfidf_windowed = "tfidf-windowed"


class ClusterLevel(StrEnum):
    event = "event"
    storyline = "storyline"


class RougeProtocol(StrEnum):
    multinews = "multinews"
    hundred_word = "100-word"


DatasetArg = Annotated[
    Path,
    typer.Argument(exists=True, dir_okay=False, readable=True, help="A .jsonl or .jsonl.gz file."),
]
OutOption = Annotated[
    Path,
    typer.Option(
        "--out",
        "-o",
        dir_okay=False,
        help="Predictions file; further methods insert their name before the extension.",
    ),
]


def method_out_path(out: Path, method: str) -> Path:
    """`out` with `.method` inserted before its extension (.jsonl or .jsonl.gz)."""
    name = out.name
    for ext in (".jsonl.gz", ".jsonl", out.suffix):
        if ext and name.endswith(ext):
            return out.with_name(f"{name[: -len(ext)]}.{method}{ext}")
    return out.with_name(f"{name}.{method}")


def _out_paths(out: Path, methods: list[str]) -> list[Path]:
    return [out if i == 0 else method_out_path(out, m) for i, m in enumerate(methods)]


def _pct(value: float) -> str:
    return f"{100 * value:.2f}"


def _summary_table(reports: list[SummaryReport]) -> Table:
    first = reports[0]
    table = Table(title=f"ROUGE %, {first.protocol} protocol, {first.clusters} clusters")
    for column in ("method", "metric", "mean", "95% CI"):
        table.add_column(column, justify="left" if column in ("method", "metric") else "right")
    for report in reports:
        for key, s in report.scores.items():
            table.add_row(
                report.method, METRIC_LABELS[key], _pct(s.mean), f"{_pct(s.low)}-{_pct(s.high)}"
            )
    return table


@eval_app.command()
def summarize(
    dataset: DatasetArg,
    out: OutOption,
    words: Annotated[
        int | None,
        typer.Option(
            "--words", "-w", min=1, help="Word budget (default 300, or 100 for 100-word)."
        ),
    ] = None,
    method: Annotated[
        list[SummaryMethod] | None,
        typer.Option("--method", "-m", help="Summarizer; repeat to compare (default: newsfuse)."),
    ] = None,
    protocol: Annotated[
        RougeProtocol, typer.Option("--protocol", help="ROUGE protocol of ../shared/README.md.")
    ] = RougeProtocol.multinews,
    limit: Annotated[
        int | None, typer.Option("--limit", min=1, help="Only the first K clusters.")
    ] = None,
    sample: Annotated[
        int | None,
        typer.Option("--sample", min=1, help="Seed-0 sample of K clusters (after --limit)."),
    ] = None,
) -> None:
    """Summarize each cluster, write {"id","summary"} lines, print ROUGE with 95% CIs."""
    methods = [str(m.value) for m in method] if method else [NEWSFUSE]
    clusters = select_clusters(dataset, limit, sample)
    console = Console(highlight=False)
    reports: list[SummaryReport] = []
    for name, path in zip(methods, _out_paths(out, methods), strict=True):
        reports.append(
            evaluate_summaries(dataset, words, name, path, protocol.value, clusters=clusters)
        )
        r = reports[-1]
        console.print(
            f"{name}: {r.clusters} clusters, {r.words} words, {r.seconds:.1f} s -> {path}"
        )
    console.print(_summary_table(reports))


def _cluster_table(reports: list[ClusterReport]) -> Table:
    first = reports[0]
    table = Table(title=f"Clustering into {first.level}s ({first.articles} articles)")
    table.add_column("metric")
    for report in reports:
        table.add_column(report.method, justify="right")
    rows: list[tuple[str, list[str]]] = [
        ("BCubed P", [_pct(r.scores.bcubed_precision) for r in reports]),
        ("BCubed R", [_pct(r.scores.bcubed_recall) for r in reports]),
        ("BCubed F1", [_pct(r.scores.bcubed_f1) for r in reports]),
        ("pairwise P", [_pct(r.scores.pairwise_precision) for r in reports]),
        ("pairwise R", [_pct(r.scores.pairwise_recall) for r in reports]),
        ("pairwise F1", [_pct(r.scores.pairwise_f1) for r in reports]),
        ("ARI", [f"{r.scores.ari:.4f}" for r in reports]),
        ("clusters pred/gold", [f"{r.scores.n_pred}/{r.scores.n_gold}" for r in reports]),
        ("seconds", [f"{r.seconds:.2f}" for r in reports]),
    ]
    for label, cells in rows:
        table.add_row(label, *cells)
    return table


@eval_app.command()
def cluster(
    dataset: DatasetArg,
    out: OutOption,
    method: Annotated[
        list[ClusterMethod] | None,
        typer.Option("--method", "-m", help="Clusterer; repeat to compare (default: newsfuse)."),
    ] = None,
    level: Annotated[
        ClusterLevel,
        typer.Option(
            "--level",
            help="Score newsfuse's events (one incident and its follow-ups) or its "
            "storylines (events that continue one another); baselines have one level.",
        ),
    ] = ClusterLevel.event,
) -> None:
    """Cluster all articles in file order, write {"id","cluster"} lines, print the scores."""
    methods = [m.value for m in method or [ClusterMethod.newsfuse]]
    console = Console(highlight=False)
    reports: list[ClusterReport] = []
    for name, path in zip(methods, _out_paths(out, methods), strict=True):
        reports.append(evaluate_clustering(dataset, path, name, level.value))
        console.print(f"{name}: {reports[-1].articles} articles -> {path}")
    console.print(_cluster_table(reports))


_READ_ROWS = (
    ("dangling", "dangling reference /100 sent."),
    ("broken_quote", "broken quotation /100 sent."),
    ("non_article", "non-article text /100 sent."),
    ("redundant", "redundancy /100 sent."),
    ("chronology", "chronology /100 sent."),
    ("any_defect", "any defect /100 sent."),
    ("empty_briefs", "empty briefs %"),
    ("no_article_text", "no article text (notice pages only) %"),
    ("headline_incomplete", "headline incomplete %"),
    ("lede_missed", "first sentence not the main event %"),
)


def _read_table(reports: list[ReadReport], words: int) -> Table:
    first = reports[0]
    table = Table(title=f"Briefs as read, {words} words, {first.briefs} stories")
    table.add_column("defect")
    for report in reports:
        table.add_column(report.method, justify="right")
    for key, label in _READ_ROWS:
        table.add_row(label, *(f"{r.rates()[key]:.1f}" for r in reports))
    table.add_row("sentences", *(str(r.sentences) for r in reports))
    table.add_row("ms per brief", *(f"{1000 * r.seconds / max(r.briefs, 1):.0f}" for r in reports))
    return table


@eval_app.command()
def read(
    dataset: DatasetArg,
    method: Annotated[
        list[ReadMethod] | None,
        typer.Option("--method", "-m", help="Summarizer; repeat to compare (default: newsfuse)."),
    ] = None,
    words: Annotated[int, typer.Option("--words", "-w", min=1, help="Word budget.")] = 120,
    limit: Annotated[
        int | None, typer.Option("--limit", min=1, help="Only the first K stories.")
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", dir_okay=False, help="Write every brief as a JSON line."),
    ] = None,
) -> None:
    """Brief each story and count what a reader stumbles on (tests/data/read_guidelines.md):
    dangling references, broken quotations, non-article text, redundancy, chronology,
    empty briefs, incomplete headlines, first sentences that miss the main event."""
    methods = [str(m.value) for m in method] if method else [NEWSFUSE]
    reports = evaluate_read(dataset, methods, words, limit, out)
    Console(highlight=False).print(_read_table(reports, words))
