"""The `newsfuse` command line: a thin layer over the application layer (newsfuse.app),
one module per group of commands (write: ingest, recluster, check, watch; read:
stories, search, changes; brief; serve), their shared options in `common`.

Exit status: 0 on success, 1 when some inputs failed (each reported on stderr
in one line), 2 for a usage error or an error such as an unknown story id.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import typer
from typer.core import TyperGroup

if TYPE_CHECKING:  # typer's own (vendored) click
    from typer._click.core import Command, Context

from newsfuse.cli import batch, brief, read, serve, write

EVAL = "eval"
EVAL_HELP = (
    "Measure summaries (ROUGE) and story clustering (BCubed, pairwise, ARI) "
    "on the benchmark files of ../shared, under its fixed protocols."
)


class Commands(TyperGroup):
    """The commands, with `eval` loaded only when it runs (or is documented): the
    evaluation modules import scipy, pandas, nltk and scikit-learn (about 1.5 s,
    docs/benchmarks.md "Fast start"), which no other command and no `--help` needs.
    Until then the list of commands shows it by its help (EVAL_HELP)."""

    def list_commands(self, ctx: Context) -> list[str]:
        names = super().list_commands(ctx)
        return names if EVAL in names else [*names, EVAL]

    def get_command(self, ctx: Context, cmd_name: str) -> Command | None:
        if cmd_name == EVAL and EVAL not in self.commands:
            return TyperGroup(name=EVAL, help=EVAL_HELP)  # its name and help, for lists
        return super().get_command(ctx, cmd_name)

    def resolve_command(
        self, ctx: Context, args: list[str]
    ) -> tuple[str | None, Command | None, list[str]]:
        if args and args[0] == EVAL:
            load_eval(self)
        return super().resolve_command(ctx, args)


def load_eval(group: TyperGroup) -> None:
    """Add the real `eval` group to `group` (once)."""
    if EVAL in group.commands:
        return
    # Imported here, when `eval` runs: the evaluation stack is heavy and optional to
    # every other command (not a cycle: newsfuse.evaluation never imports the CLI).
    from newsfuse.evaluation.cli import eval_app

    command = typer.main.get_command(eval_app)
    command.name = EVAL
    group.add_command(command, EVAL)


app = typer.Typer(
    name="newsfuse",
    cls=Commands,
    help="Turn the news about an event, from many outlets, into one cited brief.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # click's plain help and usage errors: typer's rich ones import rich.markdown,
    # markdown_it, pygments and rich.traceback (~0.1 s CPU of every `--help`, a
    # third of it; docs/benchmarks.md "Seams (#25)").
    rich_markup_mode=None,
)

app.command()(write.ingest)
app.command()(read.stories)
app.command()(read.search)
app.command()(write.recluster)
app.command()(write.check)
app.command()(read.changes)
app.command("events", hidden=True, help="The old name of `changes`.")(read.changes)
app.command()(brief.brief)
app.command()(write.watch)
app.command()(serve.serve)
app.command()(batch.batch)


def main() -> None:
    """Console-script entry point."""
    # trafilatura/htmldate log per-page chatter ("discarding data") as warnings;
    # failures reach users as Failure lines instead.
    for name in ("trafilatura", "htmldate", "courlan"):
        logging.getLogger(name).setLevel(logging.ERROR)
    app()
