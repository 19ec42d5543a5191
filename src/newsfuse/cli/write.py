"""Commands that write the archive: ingest, recluster, check (--repair), watch."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn

from newsfuse.cli.common import (
    DEFAULT_DB,
    DbOption,
    PrivateUrlsOption,
    cell,
    err,
    event_line,
    only_urls,
    opened,
    report_failure,
    settings,
)
from newsfuse.config import describe_database
from newsfuse.lazy import lazy_module
from newsfuse.terminal import line
from newsfuse.types import Article, Failure

if TYPE_CHECKING:
    from newsfuse import watch as watching
else:
    watching = lazy_module("newsfuse.watch")  # loads the application layer: lazily


def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, URLs, or - for stdin.")],
    db: DbOption = DEFAULT_DB,
    allow_private_urls: PrivateUrlsOption = False,
) -> None:
    """Ingest articles (.txt, .html, .json/.jsonl[.gz], RSS/Atom, http(s) URLs) and update
    the stories."""
    console = err()
    progress = Progress(
        SpinnerColumn(),
        TextColumn("ingesting"),
        BarColumn(bar_width=None),
        MofNCompleteColumn(),
        TextColumn("{task.fields[last]}"),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    )
    with opened(settings(db, allow_private_urls=allow_private_urls)) as archive, progress:
        task = progress.add_task("ingest", total=None, last="")

        def tick(item: Article | Failure) -> None:
            if isinstance(item, Failure):
                report_failure(console, item)
            progress.update(task, advance=1, last=cell(item.source[-50:]))

        report = archive.ingest(paths, stdin=sys.stdin.buffer, progress=tick)
    console.print(report.summary_line(), markup=False)
    if report.failed:
        raise typer.Exit(1)


def recluster(db: DbOption = DEFAULT_DB) -> None:
    """Re-cluster the whole archive as a batch (same scoring as ingest's stream).

    Story ids stay where the story survives; merges and splits are recorded
    (see `newsfuse events`) and printed.
    """
    with opened(settings(db)) as archive:
        before = archive.count_stories()
        changes = archive.recluster()
        after = archive.count_stories()
    for event in changes:
        typer.echo(event_line(event))
    merges = sum(e.kind == "merge" for e in changes)
    splits = sum(e.kind == "split" for e in changes)
    typer.echo(f"stories: {before} before, {after} after; {merges} merged, {splits} split")


def check(
    db: DbOption = DEFAULT_DB,
    repair: Annotated[
        bool, typer.Option("--repair", help="Repair what is found (story ids are kept).")
    ] = False,
) -> None:
    """Verify the archive's invariants: no empty story, no membership of a missing
    article, every article in one story (a duplicate in its original's), a clustering
    state that knows the stored articles. Exit status 1 if something is (still) broken."""
    with opened(settings(db)) as archive:
        found, left = archive.check(repair)
    for finding in found:
        typer.echo(line(("repaired " if repair and finding not in left else "") + finding.line()))
    where = line(describe_database(db))
    typer.echo(f"{'broken' if left else 'ok'}: {len(left)} problem(s) in {where}")
    if left:
        raise typer.Exit(1)


def watch(
    urls: Annotated[list[str], typer.Argument(help="http(s) URLs of feeds or pages.")],
    db: DbOption = DEFAULT_DB,
    every: Annotated[
        float, typer.Option("--every", min=1.0, help="Seconds from one poll to the next.")
    ] = 300.0,
    polls: Annotated[
        int | None, typer.Option("--polls", min=1, help="Stop after this many polls.")
    ] = None,
    allow_private_urls: PrivateUrlsOption = False,
) -> None:
    """Follow feeds and pages: poll them, ingest new articles into their stories, print
    one line per poll (conditional requests: an unchanged feed is not re-read).
    Ctrl-C stops, saving the clustering state."""
    only_urls(urls)
    console = err()

    def report(poll: watching.Poll) -> None:
        for failure in poll.report.failures:
            report_failure(console, failure)
        typer.echo(line(poll.summary_line()))

    with opened(settings(db, allow_private_urls=allow_private_urls)) as archive:
        try:
            watching.Watcher(archive, urls).run(every, polls, on_poll=report)
        except KeyboardInterrupt:
            console.print("stopped; clustering state saved", markup=False)
