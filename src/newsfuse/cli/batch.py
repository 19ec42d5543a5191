"""`newsfuse batch`: build an archive from sharded input on Ray (the optional extra).

Ray is imported when the command runs, never by `--help` or any other command: it
is an optional extra (`pip install -e '.[ray]'`) and its import costs seconds.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from newsfuse.cli.common import DEFAULT_DB, DbOption, err, fail, report_failure, settings
from newsfuse.errors import ErrorCode, NewsfuseError

if TYPE_CHECKING:
    from newsfuse.store import Store


def _ray_init(address: str | None, workers: int, memory: int) -> None:
    try:
        import ray
    except ImportError as exc:
        message = "newsfuse batch needs the ray extra: pip install -e '.[ray]'"
        raise fail(NewsfuseError(ErrorCode.BROKEN_COMPONENT, message)) from exc
    if address:  # a running cluster (ray start, KubeRay, a managed Ray)
        ray.init(address=address, log_to_driver=False, configure_logging=False)
    else:  # this machine: `workers` worker processes, a bounded object store
        ray.init(
            num_cpus=workers,
            object_store_memory=memory * 1024 * 1024,
            include_dashboard=False,
            log_to_driver=False,
            configure_logging=False,
        )


def _refuse_filled(store: Store, db: str) -> None:
    """Batch builds a new archive: its arrival order and clustering state start empty."""
    if store.sql("SELECT id FROM articles LIMIT 1"):
        message = f"{db} already holds articles: batch builds a new archive (use ingest)"
        raise fail(NewsfuseError(ErrorCode.BAD_DB, message))


def batch(
    inputs: Annotated[
        list[str], typer.Argument(help="Files, folders or globs: JSONL(.gz), Parquet.")
    ],
    db: DbOption = DEFAULT_DB,
    address: Annotated[
        str | None, typer.Option(help="A Ray cluster to run on (default: this machine).")
    ] = None,
    workers: Annotated[int, typer.Option(help="Worker processes on this machine.")] = 2,
    object_store_mb: Annotated[int, typer.Option(help="Ray object store on this machine.")] = 1500,
    partition_size: Annotated[
        int, typer.Option(help="Articles clustered per partition (0: one per worker, balanced).")
    ] = 0,
    overlap: Annotated[
        int,
        typer.Option(
            help="Articles of context before a partition (the stream's window: its edges)."
        ),
    ] = 50_000,
    parquet: Annotated[
        Path | None, typer.Option(help="Also write articles, stories and events as Parquet here.")
    ] = None,
) -> None:
    """Build a new archive from sharded input on Ray workers (extract, de-duplicate,
    cluster, headlines, store): the archive `ingest` would build, for inputs one process
    cannot finish. The archive must be empty; add to it later with `ingest`."""
    console = err()
    config = settings(db)
    from newsfuse.store import open_store

    store = open_store(config)
    try:
        _refuse_filled(store, db)
        _ray_init(address, workers, object_store_mb)
        import ray

        from newsfuse.batch.pipeline import BatchOptions, run

        try:
            options = BatchOptions(partition_size, overlap, parquet=parquet)
            report = run(inputs, config, store, options)[0]
        finally:
            ray.shutdown()
    finally:
        store.close()
    for failure in report.failed:  # as ingest reports them: code, input and line
        report_failure(console, failure)
    console.print(report.summary_line(), markup=False)
    if report.failures:
        raise typer.Exit(1)
